"""Records -> pandas DataFrames -> CSV files and text/DOC_ID.txt, in the contract's column order."""
from __future__ import annotations

import hashlib
import logging
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from .document import Document
from .files import write_atomic
from .rows import TABLES, Tables

LOGGER = logging.getLogger(__name__)

# The contract's columns first, in its order; columns the project adds after them.
COLUMNS = {
    "documents": ["doc_id", "source", "url", "title", "country", "bureau", "doc_type", "published", "status",
                  "error", "content_sha256", "n_chars", "countries", "layout"],
    "money": ["doc_id", "country", "text", "value", "currency", "qualifier", "program", "agency", "fy_start",
              "fy_end", "category", "start", "end", "sentence", "value_high"],
    "fiscal_years": ["doc_id", "text", "fy_start", "fy_end", "start", "end", "sentence"],
    "agreements": ["doc_id", "country", "name", "acronym", "year", "start", "end", "sentence", "text"],
    "dates": ["doc_id", "text", "value", "precision", "start", "end", "sentence", "modifier"],
}


def document_record(doc: Document) -> dict:
    text = doc.text if doc.status == "ok" else ""
    return {
        "doc_id": doc.doc_id, "source": doc.source, "url": doc.url, "title": doc.title, "country": doc.country,
        "bureau": doc.bureau, "doc_type": doc.doc_type, "published": doc.published, "status": doc.status,
        "error": doc.error, "content_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest() if text else "",
        "n_chars": len(text) if doc.status == "ok" else "", "countries": "|".join(doc.countries),
        "layout": doc.layout,
    }


def to_frames(documents: list[Document], tables: Tables) -> dict[str, pd.DataFrame]:
    """One DataFrame per table, every cell a string ("" when unknown), rows by (document, start)."""
    frames = {"documents": frame([document_record(d) for d in documents], COLUMNS["documents"])}
    order = {d.doc_id: i for i, d in enumerate(documents)}
    for name in TABLES:
        rows = sorted(getattr(tables, name), key=lambda r: (order.get(r.doc_id, len(order)), r.start, r.end))
        frames[name] = frame([asdict(r) for r in rows], COLUMNS[name])
    return frames


def frame(records: list[dict], columns: list[str]) -> pd.DataFrame:
    """Cells become strings before pandas sees them (a year column with gaps stays `2017`, not `2017.0`)."""
    rows = [[cell(record.get(c)) for c in columns] for record in records]
    return pd.DataFrame(rows, columns=columns, dtype=str)


def cell(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def write_outputs(out_dir: Path, documents: list[Document], tables: Tables) -> dict[str, Path]:
    """Write text/DOC_ID.txt for every good document, then the five CSV tables.

    Every file is written to a temporary file beside it and renamed into place, so a crash
    leaves the previous version, never half a file."""
    out_dir = Path(out_dir)
    (out_dir / "text").mkdir(parents=True, exist_ok=True)
    for doc in documents:
        if doc.status == "ok":
            write_atomic(out_dir / "text" / f"{doc.doc_id}.txt", doc.text)
    written = {}
    for name, df in to_frames(documents, tables).items():
        path = out_dir / f"{name}.csv"
        write_atomic(path, df.to_csv(index=False, lineterminator="\n"))
        written[name] = path
    LOGGER.info("wrote %s documents to %s", len(documents), out_dir)
    return written
