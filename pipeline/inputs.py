"""Finds the documents a run was given (files, folders, snapshot stores, URLs) and reads their bytes."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .document import EmptyDocument, FactsheetsError, NotADocument, Source, UnreadableDocument, doc_id_for

LOGGER = logging.getLogger(__name__)

SUFFIXES = {".html": "html", ".htm": "html", ".txt": "text"}
URL = re.compile(r"^https?://", re.I)
# Bytes sniffed to tell binary from text; control characters allowed in that many of them.
SNIFF_BYTES = 8192
MAX_CONTROL_RATIO = 0.05
HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|div|p|article)\b", re.I | re.S)


@dataclass
class Failed:
    """An input that could not be read: becomes a status=error row."""

    doc_id: str
    source: str
    error: str


def is_url(value: str) -> bool:
    return bool(URL.match(value))


def expand(inputs: list[str]) -> Iterator[str | Path | Source | Failed]:
    """Each URL as given; each file; each folder's .html/.htm/.txt files, recursively and
    sorted. A snapshot store met in a folder (its manifest.csv) gives its newest version of
    each page, not every version it keeps."""
    from .fetch import SnapshotStore, is_snapshot_store

    for item in inputs:
        if is_url(item):
            yield item
            continue
        path = Path(item)
        if not path.is_dir():
            yield path
            continue
        stores = sorted(p.parent for p in path.rglob("manifest.csv") if is_snapshot_store(p.parent))
        for file in sorted(path.rglob("*")):
            if file.is_file() and file.suffix.lower() in SUFFIXES and not any(s in file.parents for s in stores):
                yield file
        for store in stores:
            for snap in SnapshotStore(store).latest_snapshots():
                yield snapshot_source(store, snap)


def snapshot_source(store: Path, snap, source: str | None = None) -> Source | Failed:
    """A stored snapshot as a document of its page: doc_id and url from the page's URL;
    `source` names it (default: the snapshot file)."""
    from .fetch import SnapshotStore

    doc_id, path = doc_id_for(snap.url), source or str(store / snap.path)
    try:
        data = snap.read_bytes(SnapshotStore(store))
        kind = sniff(data, Path(snap.path).suffix, snap.content_type)
    except FactsheetsError as exc:
        return Failed(doc_id, path, str(exc))
    return Source(doc_id, path, data, url=snap.final_url or snap.url, kind=kind)


def read_file(path: Path, source: str | None = None) -> Source:
    """The bytes of a local file, with its kind; raises a FactsheetsError naming what is wrong."""
    source = source if source is not None else str(path)
    if not path.exists():
        raise UnreadableDocument("file not found")
    if path.is_dir():
        raise UnreadableDocument("is a directory")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(f"cannot read file ({exc.strerror or exc})") from None
    return Source(doc_id=doc_id_for(str(path)), source=source, data=data, kind=sniff(data, path.suffix))


def sniff(data: bytes, suffix: str = "", content_type: str = "") -> str:
    """"html" or "text"; raises EmptyDocument / NotADocument for empty or binary data."""
    if not data.strip():
        raise EmptyDocument()
    head = data[:SNIFF_BYTES]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise NotADocument("not HTML or text (binary data)")
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    if control > MAX_CONTROL_RATIO * len(head):
        raise NotADocument("not HTML or text (binary data)")
    if "html" in content_type.lower() or HTML_START.match(head):
        return "html"
    suffix = suffix.lower()
    if suffix and suffix not in SUFFIXES and not content_type.lower().startswith("text/"):
        raise NotADocument(f"not HTML or text ({suffix} file)")
    return SUFFIXES.get(suffix, "text")

