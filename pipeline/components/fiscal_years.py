"""factsheets_fiscal_years: fiscal-year expressions (`FY 2017-2021`, `fiscal year 2020`) with start and end years."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import rules
from ..extensions import FISCAL_YEARS, MONEY
from ..normalise import fy_range
from .patterns import PatternSet, overlaps


@Language.factory(
    "factsheets_fiscal_years",
    assigns=["doc.spans", "span._.fy_start", "span._.fy_end"],
    default_config={"rules_dir": "", "patterns": "fiscal_years.jsonl"},
)
def make_fiscal_years(nlp: Language, name: str, rules_dir: str, patterns: str) -> "FiscalYears":
    return FiscalYears(nlp, name, rules_dir=rules_dir, patterns=patterns)


class FiscalYears:
    """Labels: FY (one year or a range), FY_BETWEEN (`Between FY 2017 and FY 2021`, whose
    first word is dropped), OPEN_START (cues such as `since` that leave the end open)."""

    def __init__(self, nlp: Language, name: str, *, rules_dir: str = "", patterns: str = ""):
        self.name = name
        self.patterns = PatternSet(nlp, rules.load(rules_dir, patterns), source=patterns)

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[Span]:
        return self.patterns(doc, longest=False)

    def set_annotations(self, doc: Doc, matches: list[Span]) -> Doc:
        cues = {s.end for s in matches if s.label_ == "OPEN_START"}
        money = list(doc.spans[MONEY]) if MONEY in doc.spans else []
        found = []
        for span in filter_spans([s for s in matches if s.label_ != "OPEN_START"]):
            if span.label_ == "FY_BETWEEN":
                span = Span(doc, span.start + 1, span.end, label="FY")
            if overlaps(span, money):
                continue
            start, end = fy_range(span.text)
            span._.fy_start = start
            # "since FY 2015" is open-ended; "since FY 2015-2019" is not
            span._.fy_end = None if span.start in cues and start == end else end
            found.append(span)
        doc.spans[FISCAL_YEARS] = found
        return doc
