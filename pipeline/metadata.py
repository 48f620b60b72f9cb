"""Title, canonical url, bureau, doc type and published date: from the page tree or header lines."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, fields
from datetime import datetime

from lxml import etree

from . import xpaths

LOGGER = logging.getLogger(__name__)

# Header lines longer than this are prose, not a title or a dateline.
# Calibrated on tests/data/layouts and ../shared/dev/docs (longest title: 80 chars).
TITLE_MAX_CHARS = 200
# A header block is looked for among the first this many lines of a text; below
# that a "Fact Sheet" line is part of the article. Moldova-2008 has 13 lines of
# navigation above its header; re-run tests/test_clean.py before changing.
HEADER_SCAN_LINES = 40

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
          r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_MDY = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}})\b")
_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_US_NUMERIC = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_DATE_LINE = re.compile(rf"^(?:[A-Z][a-z]+day,?\s+)?(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})\.?$")
_BUREAU_LINE = re.compile(r"^(?:Bureau|Office) of (?:the )?[A-Z][^.:;!?]{2,90}$")
_PLACE_LINE = re.compile(r"^[A-Z][A-Za-z.'\- ]{1,30}, [A-Z][A-Za-z.\- ]{0,25}[A-Za-z.]$")
# Web-archive capture addresses: .../web/20130615120102/http://original or .../eot2008/2008.../http://...
_ARCHIVED_URL = re.compile(r"^https?://[^/]+/(?:[\w-]+/)?\d{8,14}(?:[a-z]{2}_)?/(https?://.+)$")


@dataclass
class PageMeta:
    """The metadata fields of `Cleaned`, each empty when the page does not state it."""

    title: str = ""
    url: str = ""
    bureau: str = ""
    doc_type: str = ""
    published: str = ""

    def fill(self, other: "PageMeta") -> "PageMeta":
        """A copy whose empty fields take `other`'s values."""
        return PageMeta(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})


@dataclass
class HeaderBlock:
    """Lines [start, end) of a text that are its title/doc-type/bureau/place/date header."""

    start: int
    end: int
    meta: PageMeta


# --- values ------------------------------------------------------------------

def collapse(text: str) -> str:
    """Whitespace (incl. no-break spaces) runs to one space; zero-width characters removed."""
    return " ".join(text.replace("\u200b", "").replace("\ufeff", "").replace("\xad", "").split())


def parse_date(text: str) -> str:
    """ISO 8601 date found in `text` ("October 26, 2018", "2018-10-26T09:00", "26 Oct 2018"), else ""."""
    text = collapse(text)
    if m := _ISO.search(text):
        candidates = [(m.group(1), m.group(2), m.group(3), "%Y %m %d")]
    elif m := _MDY.search(text):
        candidates = [(m.group(3), m.group(1), m.group(2), "%Y %b %d"), (m.group(3), m.group(1), m.group(2), "%Y %B %d")]
    elif m := _DMY.search(text):
        candidates = [(m.group(3), m.group(2), m.group(1), "%Y %b %d"), (m.group(3), m.group(2), m.group(1), "%Y %B %d")]
    elif m := _US_NUMERIC.match(text):
        candidates = [(m.group(3), m.group(1), m.group(2), "%Y %m %d")]
    else:
        return ""
    for year, month, day, fmt in candidates:
        month = month.rstrip(".")
        if "%b" in fmt:
            month = month[:3]
        try:
            return datetime.strptime(f"{year} {month} {day}", fmt).date().isoformat()
        except ValueError:
            continue
    return ""


def clean_title(title: str, site_name: str = "") -> str:
    """The title without a trailing site name (" - United States Department of State", " | Site")."""
    title = collapse(title)
    for suffix in (*xpaths.TITLE_SUFFIXES, site_name):
        if not suffix:
            continue
        for sep in (" - ", " | ", " – ", " — ", " :: "):
            if title.endswith(sep + suffix) and len(title) > len(sep + suffix):
                return title[: -len(sep + suffix)].strip()
    return title


def unwrap_archive_url(url: str) -> str:
    """The original address of a web-archive capture URL; other URLs unchanged."""
    m = _ARCHIVED_URL.match(url.strip())
    return m.group(1) if m else url.strip()


# --- HTML ----------------------------------------------------------------------

def _first(tree, paths: list[str]) -> str:
    for path in paths:
        for hit in tree.xpath(path):
            value = collapse(hit if isinstance(hit, str) else hit.text_content())
            if value:
                return value
    return ""


def from_tree(tree: etree._Element, original_url: str = "") -> tuple[PageMeta, PageMeta]:
    """(strong, weak) metadata of a parsed page: strong beats header lines, weak only fills gaps.

    `original_url` is the address a web-archive toolbar gave for the capture.
    """
    site = _first(tree, xpaths.SITE_NAME)
    strong = PageMeta(
        title=clean_title(_first(tree, xpaths.TITLE), site),
        url=unwrap_archive_url(_first(tree, xpaths.URL) or original_url),
        bureau=_first(tree, xpaths.BUREAU),
        doc_type=_first(tree, xpaths.DOC_TYPE),
        published=parse_date(_first(tree, xpaths.PUBLISHED)),
    )
    weak = PageMeta(
        title=clean_title(_first(tree, xpaths.TITLE_WEAK), site),
        published=parse_date(_first(tree, xpaths.PUBLISHED_WEAK)),
    )
    return strong, weak


# --- plain-text header lines ---------------------------------------------------------

def header_kind(line: str, is_doc_type: bool = False) -> str:
    """What header line `line` is: "doc_type", "bureau", "date", "place", or "" (not one)."""
    if is_doc_type:
        return "doc_type"
    if len(line) > TITLE_MAX_CHARS:
        return ""
    if _DATE_LINE.match(line):
        return "date"
    if _BUREAU_LINE.match(line):
        return "bureau"
    if _PLACE_LINE.match(line):
        return "place"
    return ""


def _title_like(line: str) -> bool:
    return (
        0 < len(line) <= TITLE_MAX_CHARS
        and not line.endswith((".", "!", "?", ":", ";", ","))
        and any(c.isalpha() for c in line)
        and not header_kind(line)
    )


def find_header(lines: list[str], labels: list[str]) -> HeaderBlock | None:
    """The header block among the first lines: doc type, bureau, place, date (two or more of
    them, one a date or doc type, consecutive), with the title just above it or, failing
    that, just below it. `labels` are the boilerplate labels of the lines ("DOC_TYPE",
    "DROP", "NAV", "STOP" or ""): a line with any other label than DOC_TYPE is no header
    line and no title."""
    kinds = [header_kind(line, label == "DOC_TYPE") if label in ("", "DOC_TYPE") else ""
             for line, label in zip(lines, labels)]
    for i in range(min(len(lines), HEADER_SCAN_LINES)):
        if not kinds[i]:
            continue
        seen: dict[str, str] = {}
        j = i
        while j < len(lines) and kinds[j] and kinds[j] not in seen:
            seen[kinds[j]] = lines[j]
            j += 1
        opens_text = all(labels[k] in ("DROP", "NAV", "STOP") for k in range(i))
        if not ({"date", "doc_type"} & seen.keys()) or (len(seen) < 2 and not opens_text):
            continue
        meta = PageMeta(bureau=seen.get("bureau", ""), doc_type=seen.get("doc_type", ""),
                        published=parse_date(seen.get("date", "")))
        start, end = i, j
        if i > 0 and not labels[i - 1] and _title_like(lines[i - 1]):
            meta.title, start = lines[i - 1], i - 1
        elif j + 1 < len(lines) and not labels[j] and _title_like(lines[j]):
            meta.title, end = lines[j], j + 1
        return HeaderBlock(start, end, meta)
    return None
