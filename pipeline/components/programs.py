"""factsheets_programs: programme and agency mentions, and acronyms the text defines for them."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import rules
from ..extensions import AGENCIES, PROGRAMS
from .patterns import PatternSet

ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")


@Language.factory(
    "factsheets_programs",
    assigns=["doc.spans", "doc.spans", "doc._.acronyms"],
    default_config={"rules_dir": "", "programs": "programs.jsonl", "agencies": "agencies.jsonl"},
)
def make_programs(nlp: Language, name: str, rules_dir: str, programs: str, agencies: str) -> "Programs":
    return Programs(nlp, name, rules_dir=rules_dir, programs=programs, agencies=agencies)


class Programs:
    """Names and codes from rules/programs.jsonl (span `_.code` = the programme code);
    `Foreign Military Financing (FMF)` also makes `FMF` count for the rest of the document."""

    def __init__(self, nlp: Language, name: str, *, rules_dir: str = "", programs: str = "", agencies: str = ""):
        self.name = name
        self.programs = PatternSet(nlp, rules.load(rules_dir, programs), source=programs)
        self.agencies = PatternSet(nlp, rules.load(rules_dir, agencies), source=agencies)

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> tuple[list[Span], list[Span]]:
        programs = self.programs(doc)
        defined = self.defined_acronyms(doc, programs)
        if defined:
            extra = []
            for token in doc:
                code = defined.get(token.text)
                if code:
                    span = Span(doc, token.i, token.i + 1, label="PROGRAM")
                    span._.code = code
                    extra.append(span)
            programs = filter_spans(programs + extra)
        return programs, self.agencies(doc), defined

    @staticmethod
    def defined_acronyms(doc: Doc, programs: list[Span]) -> dict[str, str]:
        """`<programme name> (XYZ)` defines XYZ as that programme."""
        defined = {}
        for span in programs:
            if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")":
                acronym = doc[span.end + 1].text
                if ACRONYM.match(acronym):
                    defined[acronym] = span._.code
        return defined

    def set_annotations(self, doc: Doc, found: tuple[list[Span], list[Span], dict[str, str]]) -> Doc:
        programs, agencies, defined = found
        doc._.acronyms = defined
        doc.spans[PROGRAMS] = sorted(programs, key=lambda s: s.start)
        doc.spans[AGENCIES] = agencies
        return doc
