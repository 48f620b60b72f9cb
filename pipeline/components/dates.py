"""factsheets_dates: calendar dates (`June 30, 2022`, `February 2022`, `1922`, `spring 2004`) with ISO value and precision."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import rules
from ..extensions import DATES, FISCAL_YEARS, MONEY, TABLE_HEADERS
from ..normalise import CALENDAR_YEAR, iso_date
from .lexicon import lexicon_classes
from .patterns import PatternSet, overlaps

DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
MODIFIER = re.compile(r"^(?i:(mid|early|late))-")


@Language.factory(
    "factsheets_dates",
    assigns=["doc.spans", "span._.iso", "span._.precision", "span._.modifier"],
    default_config={"rules_dir": "", "patterns": "dates.jsonl"},
)
def make_dates(nlp: Language, name: str, rules_dir: str, patterns: str) -> "Dates":
    return Dates(nlp, name, rules_dir=rules_dir, patterns=patterns)


class Dates:
    """Labels DATE_DAY, DATE_MONTH, DATE_YEAR (patterns over the MONTH and DATE_MODIFIER
    lexicon classes); NOT_AFTER / NOT_BEFORE words veto a bare year (`Section 2011`,
    `2000 personnel`). Money and fiscal-year expressions are never dates."""

    def __init__(self, nlp: Language, name: str, *, rules_dir: str = "", patterns: str = ""):
        self.name = name
        self.patterns = PatternSet(nlp, rules.load(rules_dir, patterns, {"DATE_DAY", "DATE_MONTH", "DATE_YEAR"}),
                                   source=patterns, lexicon=lexicon_classes(nlp))
        self.not_after = set(rules.phrases(rules.load(rules_dir, patterns, {"NOT_AFTER"})))
        self.not_before = {p.lower() for p in rules.phrases(rules.load(rules_dir, patterns, {"NOT_BEFORE"}))}

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[Span]:
        return self.patterns(doc)

    def set_annotations(self, doc: Doc, matches: list[Span]) -> Doc:
        taken = [s for key in (MONEY, FISCAL_YEARS, TABLE_HEADERS) if key in doc.spans for s in doc.spans[key]]
        found = []
        for span in filter_spans(matches):
            if overlaps(span, taken) or self.vetoed(span):
                continue
            if self.read_date(span):
                found.append(span)
        doc.spans[DATES] = found
        return doc

    def vetoed(self, span: Span) -> bool:
        if span.label_ != "DATE_YEAR" or len(span) > 1 and span[0]._.fs_lex == "DATE_MODIFIER":
            return False
        doc = span.doc
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        return bool(
            (before is not None and before.text in self.not_after)
            or (after is not None and after.lower_ in self.not_before)
        )

    @staticmethod
    def read_date(span: Span) -> bool:
        year = month = day = None
        modifier = ""
        for token in span:
            if token._.fs_lex == "MONTH":
                month = int(token._.fs_lex_id)
            elif token._.fs_lex == "DATE_MODIFIER":
                modifier = token._.fs_lex_id
            elif span.label_ == "DATE_DAY" and DAY.match(token.text):
                day = int(DAY.match(token.text).group(1))
            else:
                found = CALENDAR_YEAR.search(token.text)
                if found and (len(token.text) == 4 or not token.text[0].isdigit()):
                    year = int(found.group(1))
                    prefix = MODIFIER.match(token.text)
                    modifier = modifier or (prefix.group(1).lower() if prefix else "")
        if year is None:
            return False
        span._.iso, span._.precision = iso_date(year, month, day)
        span._.modifier = modifier
        return True
