"""Pure functions that turn matched text into values: amounts, fiscal years, dates."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# Two-digit fiscal years (FY20, FY 99): below this pivot they are 20xx, else 19xx.
# Sheets start in the 1990s; re-check the FY tests before moving it.
TWO_DIGIT_PIVOT = 70

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def parse_number(text: str) -> Decimal:
    """`1,250,000` -> 1250000, `115.65` -> 115.65; ValueError if there is no number."""
    match = _NUMBER.search(text)
    if not match:
        raise ValueError(f"no number in {text!r}")
    try:
        return Decimal(match.group().replace(",", ""))
    except InvalidOperation:
        raise ValueError(f"no number in {text!r}") from None


def scaled(number: Decimal, scale: str | int | None) -> Decimal:
    """number x scale (`"1000000"`), exactly: 115.65 million is 115650000, not 115650000.00000001."""
    return number * Decimal(str(scale)) if scale else number


def format_number(value: Decimal | None) -> str:
    """A plain number for CSV: `115650000`, `1.5`; empty for None."""
    if value is None:
        return ""
    value = value.normalize()
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value, "f")


def full_year(digits: str) -> int:
    """`2020` -> 2020; `20` -> 2020; `99` -> 1999."""
    year = int(digits)
    if len(digits) <= 2:
        year += 2000 if year < TWO_DIGIT_PIVOT else 1900
    return year


# A calendar year a sheet may name, 1700-2099 (the dates rules in rules/dates.jsonl use the
# same range in their token patterns).
CALENDAR_YEAR = re.compile(r"(1[7-9]\d{2}|20\d{2})")


def is_year(text: str) -> bool:
    """`1952` -> True; `952`, `19522`, `FY20` -> False."""
    return CALENDAR_YEAR.fullmatch(text) is not None


_YEARISH = re.compile(r"(?<!\d)(\d{4}|\d{2})(?!\d)")


def years_in(text: str) -> list[int]:
    """Every 2- or 4-digit year written in a fiscal-year expression, in order."""
    return [full_year(m) for m in _YEARISH.findall(text)]


def fy_range(text: str) -> tuple[int, int]:
    """`FY 2017-2021` -> (2017, 2021); `FY 2019 through FY 2021` -> (2019, 2021); `FY20` -> (2020, 2020).

    A short end year takes the century of the start (`FY 2017-21` -> 2021)."""
    years = years_in(text)
    if not years:
        raise ValueError(f"no fiscal year in {text!r}")
    start, end = years[0], years[-1]
    if end < start and end < 100 + start % 100:  # "2017-21" read as 2021
        end = start - start % 100 + end % 100
    return start, end


def iso_date(year: int, month: int | None = None, day: int | None = None) -> tuple[str, str]:
    """(ISO value at the precision written, precision): (2022, 6, 30) -> ("2022-06-30", "day")."""
    if month is None:
        return f"{year:04d}", "year"
    if day is None:
        return f"{year:04d}-{month:02d}", "month"
    return f"{year:04d}-{month:02d}-{day:02d}", "day"
