"""Doc spans -> typed row records, each with its provenance (document, offsets, sentence)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .extensions import AGREEMENTS, DATES, FISCAL_YEARS, MONEY
from .normalise import format_number


@dataclass
class Row:
    doc_id: str
    text: str
    start: int
    end: int
    sentence: str


@dataclass
class MoneyRow(Row):
    country: str = ""
    value: str = ""
    value_high: str = ""
    currency: str = ""
    qualifier: str = ""
    program: str = ""
    agency: str = ""
    fy_start: int | None = None
    fy_end: int | None = None
    category: str = ""


@dataclass
class FiscalYearRow(Row):
    fy_start: int | None = None
    fy_end: int | None = None


@dataclass
class AgreementRow(Row):
    country: str = ""
    name: str = ""
    acronym: str = ""
    year: int | None = None


@dataclass
class DateRow(Row):
    value: str = ""
    precision: str = ""
    modifier: str = ""


@dataclass
class Tables:
    """Every row of one run (or one document), by table."""

    money: list[MoneyRow]
    fiscal_years: list[FiscalYearRow]
    agreements: list[AgreementRow]
    dates: list[DateRow]

    @classmethod
    def empty(cls) -> "Tables":
        return cls([], [], [], [])

    def extend(self, other: "Tables") -> None:
        for name in TABLES:
            getattr(self, name).extend(getattr(other, name))


TABLES = ("money", "fiscal_years", "agreements", "dates")


def provenance(doc_id: str, span: Span) -> dict:
    return {
        "doc_id": doc_id,
        "text": span.text,
        "start": span.start_char,
        "end": span.end_char,
        "sentence": span.sent.text.strip(),
    }


def tables_from_doc(doc: Doc, doc_id: str) -> Tables:
    """The four tables' rows for one processed Doc, in reading order."""
    country = doc._.country or ""
    money = [
        MoneyRow(
            **provenance(doc_id, s), country=country, value=format_number(s._.value),
            value_high=format_number(s._.value_high), currency=s._.currency or "", qualifier=s._.qualifier or "",
            program=s._.program or "", agency=s._.agency or "", fy_start=s._.fy_start, fy_end=s._.fy_end,
            category=s._.category or "",
        )
        for s in doc.spans.get(MONEY, [])
    ]
    fiscal_years = [
        FiscalYearRow(**provenance(doc_id, s), fy_start=s._.fy_start, fy_end=s._.fy_end)
        for s in doc.spans.get(FISCAL_YEARS, [])
    ]
    agreements = [
        AgreementRow(**provenance(doc_id, s), country=country, name=s._.name, acronym=s._.acronym or "", year=s._.year)
        for s in doc.spans.get(AGREEMENTS, [])
    ]
    dates = [
        DateRow(**provenance(doc_id, s), value=s._.iso, precision=s._.precision, modifier=s._.modifier or "")
        for s in doc.spans.get(DATES, [])
    ]
    return Tables(money, fiscal_years, agreements, dates)
