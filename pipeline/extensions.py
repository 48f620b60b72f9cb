"""Doc, Span and Token extensions and span-group names shared by the components (registered once, at import)."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

# Span groups the components write, in doc.spans
MONEY, FISCAL_YEARS, DATES, AGREEMENTS = "money", "fiscal_years", "dates", "agreements"
PROGRAMS, AGENCIES, QUALIFIERS, COUNTRIES = "programs", "agencies", "qualifiers", "countries"
# FY expressions a rendered table repeats in every row as column labels: used for linking,
# reported once (in FISCAL_YEARS, where the table's first row states them)
TABLE_HEADERS = "table_headers"

# Registered once at import (extensions are global). Span values live in doc.user_data.
# title and table_rows ((table number, start, end) of rows the clean stage rendered from a
# table) are set before the pipeline runs
_DOC_EXTENSIONS = {"title": "", "table_rows": None, "country": "", "countries": None, "acronyms": None}
_SPAN_EXTENSIONS = (
    # money
    "value", "value_high", "currency", "qualifier", "program", "agency", "fy_start", "fy_end", "category",
    # dates
    "iso", "precision", "modifier",
    # agreements
    "name", "acronym", "year",
    # programmes, agencies, countries, qualifiers: the code the mention stands for
    "code",
)
_TOKEN_EXTENSIONS = ("fs_lex", "fs_lex_id")

for _name, _default in _DOC_EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
for _name in _SPAN_EXTENSIONS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
for _name in _TOKEN_EXTENSIONS:  # strings, never None: the Matcher hashes them
    if not Token.has_extension(_name):
        Token.set_extension(_name, default="")
