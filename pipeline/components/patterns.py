"""PatternSet: rules/ pattern rows compiled into a PhraseMatcher and a Matcher, matched as labelled spans."""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import extensions  # noqa: F401  (span._.code)
from ..rules import RulesError


class PatternSet:
    """Rows `{"label", "pattern", "id"?}` as in spaCy's SpanRuler: a string is a phrase
    (compared on `phrase_attr`, LOWER by default), a list is a token pattern.

    `__call__(doc)` returns one Span per match (label = row label, `_.code` = row id),
    longest first when matches overlap and `longest=True`."""

    def __init__(self, nlp: Language, rows: list[dict], *, phrase_attr: str = "LOWER", source: str = ""):
        self.phrases = PhraseMatcher(nlp.vocab, attr=phrase_attr)
        self.matcher = Matcher(nlp.vocab, validate=True)
        self.ids: dict[str, str] = {}  # match key -> id
        self.size = len(rows)
        for n, row in enumerate(rows):
            label, pattern = row["label"], row["pattern"]
            key = f"{label}\u241f{row.get('id', '')}"
            self.ids[key] = str(row["id"]) if "id" in row else ""
            if isinstance(pattern, str):
                self.phrases.add(key, [nlp.make_doc(pattern)])
            elif isinstance(pattern, list):
                try:
                    self.matcher.add(key, [pattern], greedy="LONGEST")
                except Exception as exc:  # spaCy's validation error names the bad attribute
                    raise RulesError(f"{source}: pattern {n + 1} is invalid: {exc}") from None
            else:
                raise RulesError(f"{source}: pattern {n + 1} must be a string or a list")

    def __call__(self, doc: Doc, *, longest: bool = True) -> list[Span]:
        matches = []
        if len(self.phrases):
            matches += self.phrases(doc)
        if len(self.matcher):
            matches += self.matcher(doc)
        spans = []
        for key, start, end in matches:
            name = doc.vocab.strings[key]
            span = Span(doc, start, end, label=name.split("\u241f")[0])
            span._.code = self.ids[name]
            spans.append(span)
        if longest:
            spans = filter_spans(spans)
        return sorted(spans, key=lambda s: (s.start, s.end))


def overlaps(span: Span, taken: list[Span]) -> bool:
    return any(span.start < t.end and t.start < span.end for t in taken)


def clause(doc: Doc, span: Span) -> tuple[int, int]:
    """Token range of span's clause: its sentence cut at semicolons."""
    lo = span.start
    while lo > span.sent.start and doc[lo - 1].text != ";":
        lo -= 1
    hi = span.end
    while hi < span.sent.end and doc[hi].text != ";":
        hi += 1
    return lo, hi
