"""The records passed between stages, doc_id slugging, and the named errors stages raise."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit


# --- errors -----------------------------------------------------------------
# Library code raises these with a one-line message; only the run loop turns
# them into `status=error` rows (that message is the contract's `error` cell).

class FactsheetsError(Exception):
    """Base class: str(exc) is a one-line reason fit for documents.csv."""


class EmptyDocument(FactsheetsError):
    def __init__(self, detail: str = "empty document"):
        super().__init__(detail)


class NotADocument(FactsheetsError):
    def __init__(self, detail: str = "not HTML or text"):
        super().__init__(detail)


class UnreadableDocument(FactsheetsError):
    pass


class DuplicateDocId(FactsheetsError):
    def __init__(self, doc_id: str):
        super().__init__(f"duplicate doc_id {doc_id!r}")


class FetchError(FactsheetsError):
    """A URL could not be fetched; the message names the URL and what happened."""


# --- records ----------------------------------------------------------------

@dataclass
class Source:
    """One input as read: its bytes and where they came from (before cleaning)."""

    doc_id: str
    source: str  # the input path or URL as the user gave it
    data: bytes
    url: str = ""  # URL fetched (after redirects), for web inputs
    kind: str = ""  # "html" or "text": set by the reader from suffix/content


@dataclass
class Cleaned:
    """What cleaning keeps of a page: the article text and the metadata it states."""

    text: str
    title: str = ""
    url: str = ""  # canonical URL when the page states one
    bureau: str = ""
    doc_type: str = ""
    published: str = ""  # ISO 8601 date
    layout: str = ""  # which rule of the cleaning cascade picked the article
    # (table number, start, end) of each paragraph rendered from a table row, in `text`
    table_rows: list[tuple[int, int, int]] = field(default_factory=list)


@dataclass
class Document:
    """One document as it moves through the run; becomes a documents.csv row."""

    doc_id: str
    source: str
    url: str = ""
    title: str = ""
    country: str = ""
    countries: list[str] = field(default_factory=list)
    bureau: str = ""
    doc_type: str = ""
    published: str = ""
    status: str = "ok"
    error: str = ""
    text: str = ""
    layout: str = ""
    table_rows: list[tuple[int, int, int]] = field(default_factory=list)


# --- ids --------------------------------------------------------------------

def slugify(value: str) -> str:
    """Lowercase ASCII words joined by hyphens: `Côte d'Ivoire` -> `cote-d-ivoire`."""
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


def doc_id_for(source: str) -> str:
    """The contract's doc_id: a file's stem, or a slug of a URL's path."""
    if re.match(r"^https?://", source, flags=re.I):
        parts = urlsplit(source)
        path = re.sub(r"\.(html?|php|aspx?)$", "", parts.path.strip("/"), flags=re.I)
        return slugify(path) or slugify(parts.netloc)
    return Path(source).stem
