"""HTML and plain text -> article body text; the fallback cascade."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from bs4 import UnicodeDammit
from lxml import etree

from . import metadata, rules, xpaths
from .document import Cleaned, EmptyDocument, NotADocument
from .metadata import PageMeta, collapse, selectors

LOGGER = logging.getLogger(__name__)

BOILERPLATE_FILE = "boilerplate.jsonl"
# Charset labels that browsers decode as Windows-1252; old state.gov pages declare
# iso-8859-1 and use its curly quotes and dashes.
LATIN1_LABELS = frozenset({"iso-8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii", "windows-1252", "cp1252"})

# --- tuned numbers ---------------------------------------------------------------
# Bytes/characters looked at to tell text from binary.
SNIFF_CHARS = 4096
# Share of control characters (other than tab/newline/CR/FF) above which an input is
# binary. Text saved by browsers has none; PDFs, images and zips have > 10%.
BINARY_CONTROL_RATIO = 0.02
# An "ARCHIVED CONTENT" notice is the smallest block around its opening words that
# holds at most this many characters (the real notices are 150-300 characters).
ARCHIVE_NOTICE_MAX_CHARS = 600
# Content density (step 3), readability-style. A <p>/<li>/... with less text than
# this (after link text) is a caption, button or teaser and scores nothing.
PARAGRAPH_MIN_CHARS = 25
# Share of a paragraph's score also credited to its grandparent container.
GRANDPARENT_SHARE = 0.5
# Score multipliers for class/id names (xpaths.NEGATIVE_NAMES / POSITIVE_NAMES) and
# for candidates inside <nav>/<footer>/<aside>/<header>/<form>.
NEGATIVE_WEIGHT = 0.2
POSITIVE_WEIGHT = 1.25
# A container replaces the best candidate when it scores at least this share of it:
# the article is split over sibling blocks. At 0.5 a single container's parent (which
# gets exactly GRANDPARENT_SHARE) would always win, so keep it above that.
# Calibrated on tests/data/layouts/syndicated_copy.html; re-run tests/test_clean.py.
PROMOTE_RATIO = 0.75
# Table cells longer than this mean the table is page layout, not figures
# (data cells in fact-sheet tables are under 100 characters).
LAYOUT_CELL_CHARS = 500

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_LOOKS_HTML = re.compile(r"<(?:!doctype|html|head|body|div|p|table|span|a|h[1-6]|br|section|article|meta|title)\b", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NUMBER_CELL = re.compile(r"^[\s$€£(~+-]*\d[\d,. ]*\s*(?:[MBK%]|million|billion|thousand)?\)?\*?$", re.I)
# A heading of the label column that states the table's unit ("($ in thousands)", "USD
# Millions") is kept as its own paragraph; a plain one ("Program") is not.
_UNIT_HEADING = re.compile(r"[$€£]|\b(?:USD|EUR|GBP|dollars?|euros?|thousands?|millions?|billions?)\b", re.I)
# Hard-wrapped plain text (see unwrap): a paragraph block of at least WRAP_MIN_LINES
# lines, wrapped greedily at a width within WRAP_WIDTHS. Calibrated on the clean tests and
# the dev sheets (browser-saved text, a paragraph a line, must pass unchanged).
WRAP_MIN_LINES = 3
WRAP_WIDTHS = (55, 100)
# Share of a block's line breaks that must fall where the next word would not have fitted
# (a writer may move "$26 million" to the next line whole).
WRAP_GREEDY_SHARE = 0.75
_SENTENCE_ENDS = (".", "!", "?", ":", ";")
_NEGATIVE = re.compile(xpaths.NEGATIVE_NAMES)
_POSITIVE = re.compile(xpaths.POSITIVE_NAMES)
_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
_DISCARD = selectors(xpaths.DISCARD)
_ARCHIVE_WRAPPER = selectors(xpaths.ARCHIVE_WRAPPER)
_ARCHIVE_NOTICE = selectors(xpaths.ARCHIVE_NOTICE)
_ARCHIVE_NOTICE_TEXT = selectors(xpaths.ARCHIVE_NOTICE_TEXT)
_ARCHIVE_URL = selectors(xpaths.ARCHIVE_ORIGINAL_URL)
_CONTAINER_DISCARD = etree.XPath(" | ".join(xpaths.CONTAINER_DISCARD))
_BODY_DISCARD = etree.XPath(" | ".join(xpaths.BODY_DISCARD))
_LAYOUTS = [(name, selectors(paths)) for name, paths in xpaths.ARTICLE_LAYOUTS]
_LAYOUT_TABLE = etree.XPath(xpaths.LAYOUT_TABLE_MARKERS)


# --- boilerplate line rules (rules/boilerplate.jsonl) ------------------------------

def _fold(line: str) -> str:
    return line.replace("\u2019", "'").replace("\u2018", "'").casefold()


@dataclass(frozen=True)
class LineRule:
    """One row of boilerplate.jsonl: `match` is "line" (default), "prefix" or "regex"."""

    label: str
    pattern: str
    match: str = "line"

    def __post_init__(self):
        if self.match == "regex":
            object.__setattr__(self, "_regex", re.compile(self.pattern))
        elif self.match in ("line", "prefix"):
            object.__setattr__(self, "_folded", _fold(collapse(self.pattern)))
        else:
            raise ValueError(f"boilerplate rule {self.pattern!r}: unknown match {self.match!r}")

    def matches(self, line: str, folded: str) -> bool:
        if self.match == "regex":
            return bool(self._regex.search(line))
        if self.match == "prefix":
            return folded.startswith(self._folded)
        return folded == self._folded


class LineRules:
    """The rules of one boilerplate file, indexed: whole-line rules by their folded text."""

    def __init__(self, rules_: tuple[LineRule, ...]):
        self.rules = rules_
        self._lines: dict[str, tuple[int, str]] = {}
        self._others: list[tuple[int, LineRule]] = []
        for n, rule in enumerate(rules_):
            if rule.match == "line":
                self._lines.setdefault(rule._folded, (n, rule.label))
            else:
                self._others.append((n, rule))

    def __iter__(self):
        return iter(self.rules)

    def classify(self, line: str) -> str:
        """The label of the first rule matching `line` (DROP, NAV, STOP, DOC_TYPE, ...), else ""."""
        folded = _fold(line)
        best = self._lines.get(folded, (len(self.rules), ""))
        for n, rule in self._others:
            if n >= best[0]:
                break
            if rule.matches(line, folded):
                return rule.label
        return best[1]


def load_line_rules(rules_dir: str | Path | None) -> LineRules:
    """The boilerplate rules of `rules_dir`, read once per file version."""
    path = rules.rules_path(rules_dir, BOILERPLATE_FILE)
    return _rules_cached(str(path), path.stat().st_mtime_ns)


_RULE_CACHE: dict[tuple[str, int], LineRules] = {}


def _rules_cached(path: str, mtime_ns: int) -> LineRules:
    key = (path, mtime_ns)
    if key not in _RULE_CACHE:
        rows = rules.read_jsonl(Path(path))
        try:
            _RULE_CACHE[key] = LineRules(tuple(LineRule(r["label"], r["pattern"], r.get("match", "line")) for r in rows))
        except (re.error, ValueError, TypeError) as exc:
            raise rules.RulesError(f"{path}: {exc}") from None
    return _RULE_CACHE[key]


def _collapse_keep(paragraph: str) -> str:
    text = collapse(paragraph)
    return TableRow(text, paragraph.table) if isinstance(paragraph, TableRow) else text


def table_rows(paragraphs: list[str]) -> list[tuple[int, int, int]]:
    """(table number, start, end) of each table row in "\n\n".join(paragraphs)."""
    rows, pos, numbers = [], 0, {}
    for paragraph in paragraphs:
        if isinstance(paragraph, TableRow):
            number = numbers.setdefault(paragraph.table, len(numbers))
            rows.append((number, pos, pos + len(paragraph)))
        pos += len(paragraph) + 2
    return rows


def finish(paragraphs: list[str], line_rules: LineRules, title: str = "") -> tuple[list[str], PageMeta]:
    """Article paragraphs and header metadata from candidate paragraphs (or text lines).

    Drops DROP lines anywhere and NAV lines until the article begins; a header block
    (metadata.find_header) becomes metadata and everything above it goes; a STOP line
    ends the article once it has begun. A first paragraph equal to the title goes too.
    """
    lines = [p for p in (_collapse_keep(p) for p in paragraphs) if p]
    labels = [line_rules.classify(line) for line in lines]
    header = metadata.find_header(lines, labels)
    begun, start, meta = False, 0, PageMeta()
    if header:
        begun, start, meta = True, header.end, header.meta
    kept: list[str] = []
    for line, label in zip(lines[start:], labels[start:]):
        if label == "DROP" or (label == "NAV" and not begun):
            continue
        if label == "STOP":
            if begun:
                break
            continue
        begun = True
        kept.append(line)
    title = meta.title or title
    if kept and title and _fold(kept[0]) == _fold(collapse(title)):
        kept.pop(0)
    return kept, meta


# --- input checks and decoding ---------------------------------------------------------

def _check_text(text: str) -> None:
    if not text.strip():
        raise EmptyDocument("empty document")
    sample = text[:SNIFF_CHARS]
    if "\x00" in sample or text.startswith("%PDF-") or len(_CONTROL.findall(sample)) > BINARY_CONTROL_RATIO * len(sample):
        raise NotADocument("not HTML or text")


def decode(data: bytes | str) -> str:
    """Text of an input: declared charset, else UTF-8, else detected (bs4.UnicodeDammit)."""
    if isinstance(data, str):
        return data
    if not data.strip():
        raise EmptyDocument("empty document")
    if data.startswith((b"%PDF-", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff")):
        raise NotADocument("not HTML or text")
    dammit = UnicodeDammit(data, user_encodings=["utf-8"], is_html=True)
    if dammit.unicode_markup is None:
        raise NotADocument("not HTML or text")
    if (dammit.original_encoding or "").lower() in LATIN1_LABELS:
        return data.decode("cp1252", errors="replace")  # as browsers do (WHATWG encoding labels)
    return dammit.unicode_markup


# --- rendering: element -> paragraphs ----------------------------------------------------

def _text_len(el) -> int:
    return len(collapse(el.text_content()))


def _link_len(el) -> int:
    return sum(_text_len(a) for a in el.iter("a"))


def _is_layout_table(table) -> bool:
    for cell in table.iter("td", "th"):
        if _LAYOUT_TABLE(cell) or _text_len(cell) > LAYOUT_CELL_CHARS:
            return True
    return False


def _cell_text(cell) -> str:
    return " ".join(render(cell))


def _expand(row) -> tuple[list[str], list[str]]:
    """Cell texts and tags of a row, a colspan repeated across its columns."""
    texts, tags = [], []
    for cell in row:
        if cell.tag not in ("td", "th"):
            continue
        try:
            span = max(1, min(int(cell.get("colspan", "1")), 50))
        except ValueError:
            span = 1
        text = _cell_text(cell)
        texts.extend([text] * span)
        tags.extend([cell.tag] * span)
    return texts, tags


class TableRow(str):
    """A paragraph rendered from a body row of a data table; `table` tells its table apart."""

    table: int

    def __new__(cls, text: str, table: int) -> "TableRow":
        row = super().__new__(cls, text)
        row.table = table
        return row


def table_paragraphs(table) -> list[str]:
    """A data table as text rows that keep each figure next to its labels.

    The caption, single-cell rows and a unit note heading the label column ("($ in
    thousands)") are paragraphs of their own; each body row becomes "<label>: <header>: <cell>; <header>: <cell>",
    or "<c0>: <c1>; <c2>" when the table has no header row.
    """
    out: list[str] = []
    caption = table.find("caption")
    if caption is not None and _cell_text(caption):
        out.append(_cell_text(caption))
    rows = [(r, *_expand(r)) for r in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")]
    numeric_rows = [any(_NUMBER_CELL.match(t) for t in texts[1:] if t) for _, texts, _ in rows]
    header: list[str] | None = None
    in_body = False
    for n, (row, texts, tags) in enumerate(rows):
        filled = [t for t in texts if t]
        if not filled:
            continue
        if len(set(filled)) == 1 and texts[0]:
            out.append(filled[0])  # a unit note, section title or label-only row
            continue
        is_header = not in_body and (
            row.getparent().tag == "thead"
            or all(t == "th" for t in tags)
            or (not numeric_rows[n] and header is None and any(numeric_rows[n + 1:]))
        )
        if is_header:
            header = texts if header is None else [f"{a} {b}".strip() if a != b else a for a, b in zip(header, texts)]
            continue
        if not in_body and header and _UNIT_HEADING.search(header[0]):
            out.append(header[0])  # the label column's heading as the table's unit note: "($ in thousands)"
        in_body = True
        label, cells = texts[0], texts[1:]
        pairs = []
        for k, cell in enumerate(cells, 1):
            if not cell:
                continue
            head = header[k] if header and k < len(header) else ""
            pairs.append(f"{head}: {cell}" if head else cell)
        if label and pairs:
            out.append(TableRow(f"{label}: {'; '.join(pairs)}", id(table)))
        else:
            out.append(TableRow(label or "; ".join(pairs), id(table)))
    return out


def render(root) -> list[str]:
    """Paragraph texts of a subtree: block elements, <br> and table rows start new ones."""
    out: list[str] = []
    buf: list[str] = []

    def flush():
        text = collapse("".join(buf))
        buf.clear()
        if text:
            out.append(text)

    for figure in root.iter("figure"):  # WordPress: <figure><table/><figcaption/></figure>
        table, caption = figure.find("table"), figure.find("figcaption")
        if table is not None and caption is not None and table.find("caption") is None:
            caption.tail = None
            caption.tag = "caption"
            table.insert(0, caption)
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag == "table" and el is not root and not _is_layout_table(el):
                flush()
                out.extend(table_paragraphs(el))
                walker.skip_subtree()
                continue
            if tag in xpaths.BLOCK_TAGS:
                flush()
            if el.text and tag:
                buf.append(el.text)
        else:
            if tag in xpaths.BLOCK_TAGS:
                flush()
            if el is not root and el.tail:
                buf.append(el.tail)
    flush()
    return out


def _drop(elements) -> int:
    n = 0
    for el in elements:
        if el.getparent() is not None:
            el.drop_tree()
            n += 1
    return n


# --- cascade steps -----------------------------------------------------------------------

def _select(sels, tree, source: str | None) -> list:
    return [hit for sel in sels for hit in sel(tree, source)]


def strip_archive(tree, source: str | None = None) -> bool:
    """Remove web-archive toolbars and "ARCHIVED CONTENT" notices; True if a toolbar was there."""
    toolbar = _drop(_select(_ARCHIVE_WRAPPER, tree, source)) > 0
    _drop(_select(_ARCHIVE_NOTICE, tree, source))
    for text in _select(_ARCHIVE_NOTICE_TEXT, tree, source):
        block = text.getparent()
        if block is not None and text.is_tail:
            block = block.getparent()
        if block is None:
            continue
        while (block.getparent() is not None and block.getparent().tag not in ("body", "html")
               and _text_len(block.getparent()) <= ARCHIVE_NOTICE_MAX_CHARS):
            block = block.getparent()
        if block.tag not in ("body", "html") and _text_len(block) <= ARCHIVE_NOTICE_MAX_CHARS:
            _drop([block])
    return toolbar


def known_container(tree, settings, source: str | None = None) -> tuple[str, list[str]] | None:
    """The first container of xpaths.ARTICLE_LAYOUTS holding enough text."""
    for name, paths in _LAYOUTS:
        for path in paths:
            hits = [el for el in path(tree, source) if _text_len(el) >= settings.min_container_chars]
            if hits:
                el = max(hits, key=_text_len)
                _drop(_CONTAINER_DISCARD(el))
                return name, render(el)
    return None


def _names(el) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}".lower()


def _weight(el) -> float:
    names = _names(el)
    weight = NEGATIVE_WEIGHT if _NEGATIVE.search(names) else POSITIVE_WEIGHT if _POSITIVE.search(names) else 1.0
    if el.tag in xpaths.DENSITY_BAD_TAGS or any(a.tag in xpaths.DENSITY_BAD_TAGS for a in el.iterancestors()):
        weight *= NEGATIVE_WEIGHT
    return weight


def _candidate_parent(el):
    for anc in el.iterancestors():
        if anc.tag in xpaths.CANDIDATE_TAGS:
            return anc
    return None


def _paragraph_elements(body):
    yield from body.iter(*xpaths.PARAGRAPH_TAGS)
    for div in body.iter("div"):  # a div holding text directly, as old pages do
        if div.text and div.text.strip() and not any(c.tag in xpaths.BLOCK_TAGS and c.tag != "br" for c in div):
            yield div


def density(tree, settings, source: str | None = None) -> tuple[str, list[str]] | None:
    """The block with the most paragraph text net of link text, penalised by name and place."""
    body = tree.find("body")
    if body is None:
        return None
    raw: dict = {}
    for para in _paragraph_elements(body):
        value = _text_len(para) - _link_len(para)
        if value < PARAGRAPH_MIN_CHARS:
            continue
        parent = para if para.tag in ("div", "td") else _candidate_parent(para)
        if parent is None:
            continue
        raw[parent] = raw.get(parent, 0.0) + value
        grand = _candidate_parent(parent)
        if grand is not None:
            raw[grand] = raw.get(grand, 0.0) + value * GRANDPARENT_SHARE
    if not raw:
        return None

    def score(el) -> float:
        total = _text_len(el) or 1
        return raw.get(el, 0.0) * _weight(el) * (1 - min(1.0, _link_len(el) / total))

    best = max(raw, key=score)
    while (parent := _candidate_parent(best)) is not None and parent in raw and score(parent) >= PROMOTE_RATIO * score(best):
        best = parent
    if raw[best] < settings.min_article_chars:
        return None
    _clean_density_pick(best, settings)
    return "density", render(best)


def _clean_density_pick(root, settings) -> None:
    """Drop navigation, negatively named and link-heavy blocks inside the picked container."""
    doomed = []
    for el in root.iterdescendants():
        if not isinstance(el.tag, str):
            continue
        if el.tag in xpaths.DENSITY_BAD_TAGS or _NEGATIVE.search(_names(el)):
            doomed.append(el)
        elif el.tag in ("div", "ul", "ol", "section", "p", "dl"):
            total = _text_len(el)
            if total and _link_len(el) / total > settings.max_link_density:
                doomed.append(el)
    _drop(doomed)


def body_text(tree, settings, source: str | None = None) -> tuple[str, list[str]] | None:
    """All of <body> less navigation, header, footer and asides."""
    body = tree.find("body")
    if body is None:
        return None
    _drop(_BODY_DISCARD(tree))
    return "body", render(body)


# --- the cascade ------------------------------------------------------------------------------

def _parse(text: str):
    text = _XML_DECLARATION.sub("", text, count=1)
    try:
        return lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None


def clean_html(data: bytes | str, settings, *, doc_id: str = "") -> Cleaned:
    """Article text and metadata of an HTML page (plain text is passed to clean_text).

    The cascade; each step runs only when the one before found no article, and a step
    that fails is logged with the doc_id and skipped:

    1. strip an archive wrapper: web-archive toolbars (Wayback's #wm-ipp-base) and
       "ARCHIVED CONTENT" notices, after reading the capture's original URL;
    2. a known article container of xpaths.ARTICLE_LAYOUTS (state.gov today, the
       2017-2021 and 2009-2017 archives, pre-2009 release pages), if it holds at least
       settings.min_container_chars;
    3. content density: the block with the most paragraph text net of link text,
       penalised for nav/footer/aside/header and names like menu, share, related;
       taken if it holds at least settings.min_article_chars;
    4. last resort: the text of <body> less navigation, header, footer and asides.

    Every step's paragraphs then pass `finish` (boilerplate lines, header block, footer).
    Raises EmptyDocument when no article text remains, NotADocument for binary input.
    """
    text = decode(data)
    _check_text(text)
    if not _LOOKS_HTML.search(text[:SNIFF_CHARS]):
        return clean_text(text, settings, doc_id=doc_id)
    tree = _parse(text)
    if tree is None:
        raise EmptyDocument("empty document")
    line_rules = load_line_rules(settings.rules_dir)

    wrapped, original_url = False, ""
    try:
        original_url = next((collapse(v) for v in _select(_ARCHIVE_URL, tree, text) if collapse(v)), "")
        wrapped = strip_archive(tree, text)
    except Exception:  # noqa: BLE001 - a failing step must not abort the document
        LOGGER.warning("clean %s: archive stripping failed", doc_id, exc_info=True)
    try:
        strong, weak = metadata.from_tree(tree, original_url, text)
    except Exception:  # noqa: BLE001
        LOGGER.warning("clean %s: metadata failed", doc_id, exc_info=True)
        strong, weak = PageMeta(), PageMeta()
    _drop(list(tree.iter(*xpaths.DISCARD_TAGS)) + _select(_DISCARD, tree, text))

    steps = (
        (known_container, settings.min_container_chars),
        (density, settings.min_article_chars),
        (body_text, 1),
    )
    for step, min_chars in steps:
        try:
            found = step(tree, settings, text)
        except Exception:  # noqa: BLE001
            LOGGER.warning("clean %s: step %s failed", doc_id, step.__name__, exc_info=True)
            continue
        if not found:
            LOGGER.debug("clean %s: step %s found nothing", doc_id, step.__name__)
            continue
        layout, paragraphs = found
        kept, header = finish(paragraphs, line_rules, strong.title or weak.title)
        body = "\n\n".join(kept)
        if len(body) < min_chars:
            LOGGER.debug("clean %s: step %s kept %s chars", doc_id, step.__name__, len(body))
            continue
        meta = strong.fill(header).fill(weak)
        return Cleaned(text=body, title=meta.title, url=meta.url, bureau=meta.bureau,
                       doc_type=meta.doc_type, published=meta.published,
                       layout=f"webarchive+{layout}" if wrapped else layout, table_rows=table_rows(kept))
    raise EmptyDocument("empty document")


def unwrap(lines: list[str]) -> list[str]:
    """Rejoin paragraphs a text file wrapped at a fixed width.

    Within a block of lines between blank lines: a block of at least WRAP_MIN_LINES lines
    whose longest line is WRAP_WIDTHS wide and whose lines (WRAP_GREEDY_SHARE of them) broke
    because the next word would not have fitted in that width is one wrapped paragraph; otherwise a line runs on into the next only when
    that one starts in lowercase and this one ends no sentence (`... from FY 2017` /
    `through FY 2019`). Browser-saved text (a paragraph a line) passes unchanged."""
    out: list[str] = []
    block: list[str] = []

    def flush():
        if len(block) >= WRAP_MIN_LINES:
            widths = [len(line.rstrip()) for line in block[:-1]]
            longest = max(widths)
            # greedy wrapping: each line broke because the next word would not have fitted
            broke = [w + 1 + len(nxt.split()[0]) > longest for w, nxt in zip(widths, block[1:])]
            full = sum(broke) >= WRAP_GREEDY_SHARE * len(broke)
            if WRAP_WIDTHS[0] <= longest <= WRAP_WIDTHS[1] and full:
                out.append(" ".join(line.strip() for line in block))
                block.clear()
                return
        merged: list[str] = []
        for line in block:
            if merged and line.lstrip()[:1].islower() and not merged[-1].rstrip().endswith(_SENTENCE_ENDS):
                merged[-1] = f"{merged[-1].rstrip()} {line.strip()}"
            else:
                merged.append(line)
        out.extend(merged)
        block.clear()

    for line in lines:
        if line.strip():
            block.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return out


def clean_text(text: str, settings, *, doc_id: str = "") -> Cleaned:
    """Article text and header metadata of a page saved as plain text (one paragraph a line)."""
    if isinstance(text, bytes):
        text = decode(text)
    _check_text(text)
    kept, meta = finish(unwrap(text.splitlines()), load_line_rules(settings.rules_dir))
    if not kept:
        raise EmptyDocument("empty document")
    LOGGER.debug("clean %s: %s paragraphs from text", doc_id, len(kept))
    return Cleaned(text="\n\n".join(kept), title=meta.title, url=meta.url, bureau=meta.bureau,
                   doc_type=meta.doc_type, published=meta.published, layout="text")
