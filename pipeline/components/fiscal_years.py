"""factsheets_fiscal_years: fiscal-year expressions (`FY 2017-2021`, `fiscal year 2020`) with start and end years."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import rules
from ..extensions import FISCAL_YEARS, MONEY, TABLE_HEADERS
from ..normalise import fy_range
from .patterns import PatternSet, cell_labels, overlaps


@Language.factory(
    "factsheets_fiscal_years",
    assigns=["doc.spans", "span._.fy_start", "span._.fy_end"],  # FISCAL_YEARS and TABLE_HEADERS
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
        repeated = repeated_column_labels(doc, found)
        doc.spans[FISCAL_YEARS] = [s for s in found if s.start not in repeated]
        doc.spans[TABLE_HEADERS] = [s for s in found if s.start in repeated]
        return doc


def repeated_column_labels(doc: Doc, spans: list[Span]) -> set[int]:
    """Starts of FY expressions that label a cell of a table row (`IMET: FY 2010 Actual:
    1,695; ...`) with a column label an earlier row of the same table already had: the page
    wrote that header once, the text rows repeat it. Table rows are `doc._.table_rows`: those
    the clean stage rendered from an HTML table or, in plain text, the rows under a unit
    note (`($ in thousands)`, found by factsheets_money). Lines a page wrote that way
    itself (`Peace and Security (PS): FY 2007: $3.05M; ...`) all count."""
    repeated: set[int] = set()
    seen: dict[int, set[str]] = {}
    for table, start, end in doc._.table_rows or []:
        row = doc.char_span(start, end, alignment_mode="expand")
        if row is None:
            continue
        labels = [doc[lo:hi] for lo, hi in cell_labels(row)]
        earlier = seen.setdefault(table, set())
        for span in spans:
            label = next((lab for lab in labels if lab.start <= span.start and span.end <= lab.end), None)
            if label is not None and label.text in earlier:
                repeated.add(span.start)
        earlier.update(lab.text for lab in labels)
    return repeated
