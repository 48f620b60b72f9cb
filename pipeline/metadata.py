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
# that a "Fact Sheet" line is part of the article. Moldova-2008 has 9 lines of
# navigation above its header; re-run tests/test_clean.py before changing.
HEADER_SCAN_LINES = 40

# A line ending in a full stop with at least this many words is article prose; a header
# block below such a line is not the page's header (menus and breadcrumbs are shorter
# or unpunctuated; checked on ../shared/dev/docs/moldova-2008.txt).
PROSE_MIN_WORDS = 8

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
          r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_MDY = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}})\b")
_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")
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

# C1 control characters are Windows-1252 punctuation mis-decoded (old pages write
# &#146; for a right quote): read them as browsers do. Zero-width characters go.
_C1 = {c: bytes([c]).decode("cp1252", errors="ignore") or None for c in range(0x80, 0xA0)}
_INVISIBLE = {0x200B: None, 0xFEFF: None, 0xAD: None}
_TRANSLATE = {**_C1, **_INVISIBLE}


_NEEDS_TRANSLATE = re.compile("[\x80-\x9f\u200b\ufeff\xad]")


def collapse(text: str) -> str:
    """Whitespace (incl. no-break spaces) runs to one space; C1 controls read as Windows-1252."""
    if _NEEDS_TRANSLATE.search(text):
        text = text.translate(_TRANSLATE)
    return " ".join(text.split())


class Selector:
    """A compiled XPath, skipped on pages whose source lacks a word it quotes.

    The check is a plain substring test of the page source, ~100 times cheaper than
    the XPath; a selector whose class or id is absent cannot match anyway.
    """

    __slots__ = ("path", "xpath", "words", "tags")

    def __init__(self, path: str):
        self.path = path
        self.xpath = etree.XPath(path)
        self.words = tuple(w for literal in re.findall(r"'([^']*)'", path) for w in literal.split())
        tag = re.match(r"^//([a-z][a-z0-9]*)\b", path)
        self.tags = (f"<{tag.group(1)}", f"<{tag.group(1).upper()}") if tag else ()

    def __call__(self, tree, source: str | None = None) -> list:
        if source is not None and (
            not all(w in source for w in self.words) or (self.tags and not any(t in source for t in self.tags))
        ):
            return []
        return self.xpath(tree)


def selectors(paths: list[str]) -> list[Selector]:
    return [Selector(p) for p in paths]


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

def element_text(el) -> str:
    """Text of an element with a space for each <br> and block boundary ("DC<br>June 1")."""
    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in xpaths.BLOCK_TAGS:
            parts.append(" ")
        if event == "start" and tag and node.text:
            parts.append(node.text)
        elif event == "end" and node is not el and node.tail:
            parts.append(node.tail)
    return collapse("".join(parts))


def _first(tree, paths: list[Selector], source: str | None) -> str:
    for path in paths:
        for hit in path(tree, source):
            value = collapse(hit) if isinstance(hit, str) else element_text(hit)
            if value:
                return value
    return ""


_TITLE, _TITLE_WEAK = selectors(xpaths.TITLE), selectors(xpaths.TITLE_WEAK)
_URL, _BUREAU, _DOC_TYPE = selectors(xpaths.URL), selectors(xpaths.BUREAU), selectors(xpaths.DOC_TYPE)
_PUBLISHED, _PUBLISHED_WEAK = selectors(xpaths.PUBLISHED), selectors(xpaths.PUBLISHED_WEAK)
_SITE_NAME = selectors(xpaths.SITE_NAME)


def from_tree(tree: etree._Element, original_url: str = "", source: str | None = None) -> tuple[PageMeta, PageMeta]:
    """(strong, weak) metadata of a parsed page: strong beats header lines, weak only fills gaps.

    `original_url` is the address a web-archive toolbar gave for the capture; `source`,
    the page's text, lets selectors whose names it lacks be skipped.
    """
    site = _first(tree, _SITE_NAME, source)
    strong = PageMeta(
        title=clean_title(_first(tree, _TITLE, source), site),
        url=unwrap_archive_url(_first(tree, _URL, source) or original_url),
        bureau=_first(tree, _BUREAU, source),
        doc_type=_first(tree, _DOC_TYPE, source),
        published=parse_date(_first(tree, _PUBLISHED, source)),
    )
    weak = PageMeta(
        title=clean_title(_first(tree, _TITLE_WEAK, source), site),
        published=parse_date(_first(tree, _PUBLISHED_WEAK, source)),
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


def _prose(line: str) -> bool:
    """A sentence of running text, which navigation above a header never is."""
    return line.endswith((".", "!", "?")) and len(line.split()) >= PROSE_MIN_WORDS


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
        title_above = i > 0 and not labels[i - 1] and _title_like(lines[i - 1])
        if any(not labels[k] and _prose(lines[k]) for k in range(i - title_above)):
            continue  # article text above: these lines are inside the article, not its header
        meta = PageMeta(bureau=seen.get("bureau", ""), doc_type=seen.get("doc_type", ""),
                        published=parse_date(seen.get("date", "")))
        start, end = i, j
        if title_above:
            meta.title, start = lines[i - 1], i - 1
        elif j + 1 < len(lines) and not labels[j] and _title_like(lines[j]):
            meta.title, end = lines[j], j + 1
        return HeaderBlock(start, end, meta)
    return None
