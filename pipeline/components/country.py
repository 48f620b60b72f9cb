"""factsheets_country: the country a sheet is about, from its title or its first sentence naming one."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import rules
from ..extensions import COUNTRIES
from .patterns import PatternSet


@Language.factory(
    "factsheets_country",
    assigns=["doc._.country", "doc._.countries", "doc.spans"],
    default_config={"rules_dir": "", "patterns": "countries.jsonl"},
)
def make_country(nlp: Language, name: str, rules_dir: str, patterns: str) -> "Country":
    return Country(nlp, name, rules_dir=rules_dir, patterns=patterns)


class Country:
    """COUNTRY names (id = the English short name), COUNTRY_GROUP names (id = members joined
    by `|`), and HOME (the United States, never a sheet's subject). The title (`doc._.title`,
    set before the pipeline runs) decides when it names a country or group; else the first
    sentence that does; when that sentence names several countries (`Russia's invasion of
    Ukraine`), the one the document names far more often than the others is the subject.
    One country -> `doc._.country`; several or a group -> only `doc._.countries`."""

    def __init__(self, nlp: Language, name: str, *, rules_dir: str = "", patterns: str = ""):
        self.name = name
        self.make_doc = nlp.make_doc
        self.patterns = PatternSet(nlp, rules.load(rules_dir, patterns), phrase_attr="ORTH", source=patterns)

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> tuple[list[Span], list[str]]:
        mentions = [s for s in self.patterns(doc) if s.label_ != "HOME"]
        title = doc._.title or ""
        subject = members(self.patterns(self.make_doc(title))) if title else []
        if not subject:
            for sent in doc.sents:
                named = [m for m in mentions if sent.start <= m.start < sent.end]
                subject = members(named)
                if subject:
                    if len(subject) > 1 and not any(m.label_ == "COUNTRY_GROUP" for m in named):
                        subject = dominant(subject, mentions) or subject
                    break
        return mentions, subject

    def set_annotations(self, doc: Doc, found: tuple[list[Span], list[str]]) -> Doc:
        mentions, subject = found
        doc.spans[COUNTRIES] = mentions
        doc._.countries = subject
        doc._.country = subject[0] if len(subject) == 1 else ""
        return doc


# How many times more often than any other country of the first sentence the subject must
# be named in the whole document. Calibrated on the country tests and the dev sheets.
DOMINANCE = 2


def dominant(candidates: list[str], mentions: list[Span]) -> list[str]:
    """[the candidate the document names DOMINANCE times as often as each other one], or []."""
    counts = {c: 0 for c in candidates}
    for span in mentions:
        for name in span._.code.split("|"):
            if name in counts:
                counts[name] += 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    (top, n), (_, second) = ranked[0], ranked[1]
    return [top] if n >= DOMINANCE * max(second, 1) else []


def members(spans: list[Span]) -> list[str]:
    """Distinct countries named, groups expanded, in order of mention."""
    names: list[str] = []
    for span in spans:
        if span.label_ == "HOME":
            continue
        for name in span._.code.split("|"):
            if name not in names:
                names.append(name)
    return names
