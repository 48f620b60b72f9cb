"""PatternSet: rules/ pattern rows compiled into a PhraseMatcher and a Matcher, matched as labelled spans."""
from __future__ import annotations

from collections.abc import Mapping

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
    longest first when matches overlap and `longest=True`.

    Compiled for speed, with the same matches: a one-token pattern on ORTH or LOWER goes
    to a PhraseMatcher, and a token predicate on a lexicon class (`{"_": {"fs_lex": "SCALE"}}`)
    becomes `{"ORTH": {"IN": [...the class's strings...]}}` when `lexicon` is given."""

    def __init__(self, nlp: Language, rows: list[dict], *, phrase_attr: str = "LOWER", source: str = "",
                 lexicon: Mapping[str, list[str]] | None = None):
        self.phrases: dict[str, PhraseMatcher] = {}
        self.matcher = Matcher(nlp.vocab, validate=True)
        self.ids: dict[str, str] = {}  # match key -> id
        for n, row in enumerate(rows):
            label, pattern = row["label"], row["pattern"]
            key = f"{label}\u241f{row.get('id', '')}"
            self.ids[key] = str(row["id"]) if "id" in row else ""
            if isinstance(pattern, str):
                self._phrase(nlp, phrase_attr).add(key, [nlp.make_doc(pattern)])
            elif isinstance(pattern, list):
                single = _single_exact(pattern)
                if single is not None:
                    attr, text = single
                    self._phrase(nlp, attr).add(key, [nlp.make_doc(text)])
                    continue
                if lexicon is not None:
                    pattern = [_lexicon_to_orth(token, lexicon, source) for token in pattern]
                try:
                    self.matcher.add(key, [pattern], greedy="LONGEST")
                except Exception as exc:  # spaCy's validation error names the bad attribute
                    raise RulesError(f"{source}: pattern {n + 1} is invalid: {exc}") from None
            else:
                raise RulesError(f"{source}: pattern {n + 1} must be a string or a list")

    def _phrase(self, nlp: Language, attr: str) -> PhraseMatcher:
        if attr not in self.phrases:
            self.phrases[attr] = PhraseMatcher(nlp.vocab, attr=attr)
        return self.phrases[attr]

    def __call__(self, doc: Doc, *, longest: bool = True) -> list[Span]:
        matches = []
        for phrases in self.phrases.values():
            matches += phrases(doc)
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


def _single_exact(pattern: list) -> tuple[str, str] | None:
    """`[{"ORTH": "FMF"}]` -> ("ORTH", "FMF"): a one-token pattern a PhraseMatcher can take."""
    if len(pattern) == 1 and isinstance(pattern[0], dict) and len(pattern[0]) == 1:
        (attr, value), = pattern[0].items()
        if attr in ("ORTH", "LOWER") and isinstance(value, str) and " " not in value:
            return attr, value
    return None


def _lexicon_to_orth(token: dict, lexicon: Mapping[str, list[str]], source: str) -> dict:
    ext = token.get("_")
    if not isinstance(ext, dict) or "fs_lex" not in ext or "ORTH" in token:
        return token
    wanted = ext["fs_lex"]
    labels = wanted.get("IN", []) if isinstance(wanted, dict) else [wanted]
    unknown = [label for label in labels if label not in lexicon]
    if unknown:
        raise RulesError(f"{source}: no lexicon class {unknown[0]!r}")
    compiled = {k: v for k, v in token.items() if k != "_"}
    rest = {k: v for k, v in ext.items() if k != "fs_lex"}
    if rest:
        compiled["_"] = rest
    compiled["ORTH"] = {"IN": sorted({text for label in labels for text in lexicon[label]})}
    return compiled


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


# --- table rows as the clean stage writes them: "Label: Column: cell; Column: cell" -------

SENTENCE_END = {".", "!", "?"}


def content(sent: Span) -> list:
    return [t for t in sent if not t.is_space]


def is_row(sent: Span) -> bool:
    """`Label: head: cell; head: cell` -- a colon, and no full stop at the end."""
    tokens = content(sent)
    return bool(tokens) and any(t.text == ":" for t in tokens) and tokens[-1].text not in SENTENCE_END


def cell_labels(sent: Span) -> list[tuple[int, int]]:
    """Token ranges of the column labels of a row's cells: `FY 2010 Actual` in
    `FMF: FY 2010 Actual: 55,000; FY 2011 Estimate: 47,904`."""
    doc = sent.doc
    colon = next((t.i for t in sent if t.text == ":"), None)
    if colon is None:
        return []
    labels, lo = [], colon + 1
    for i in range(colon + 1, sent.end):
        if doc[i].text == ";":
            lo = i + 1
        elif doc[i].text == ":" and lo is not None:
            labels.append((lo, i))
            lo = None
    return labels
