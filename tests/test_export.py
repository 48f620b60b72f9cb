"""Tests of the export stage: contract columns, CSV round trip, atomic writes, committed outputs."""
from __future__ import annotations

import csv
import filecmp

import pandas as pd
import pytest

from pipeline import files
from pipeline.document import Document
from pipeline.export import COLUMNS, to_frames, write_outputs
from pipeline.rows import MoneyRow, Tables
from pipeline.run import run
from pipeline.settings import PROJECT_ROOT

CONTRACT = {
    "documents": ["doc_id", "source", "url", "title", "country", "bureau", "doc_type", "published", "status", "error",
                  "content_sha256", "n_chars"],
    "money": ["doc_id", "country", "text", "value", "currency", "qualifier", "program", "agency", "fy_start", "fy_end",
              "category", "start", "end", "sentence"],
    "fiscal_years": ["doc_id", "text", "fy_start", "fy_end", "start", "end", "sentence"],
    "agreements": ["doc_id", "country", "name", "acronym", "year", "start", "end", "sentence"],
    "dates": ["doc_id", "text", "value", "precision", "start", "end", "sentence"],
}


@pytest.mark.parametrize("table", sorted(CONTRACT))
def test_export_contract_columns_come_first_in_contract_order(table):
    assert COLUMNS[table][: len(CONTRACT[table])] == CONTRACT[table]


def sample() -> tuple[list[Document], Tables]:
    docs = [Document(doc_id="b", source="b.txt", text="x"), Document(doc_id="a", source="a.txt", text="y, \"z\"\nw")]
    money = [
        MoneyRow(doc_id="a", text="$5", start=9, end=11, sentence='He said "$5", then left.', value="5",
                 currency="USD", fy_start=2015, fy_end=None),
        MoneyRow(doc_id="b", text="$7", start=3, end=5, sentence="s", value="7", currency="USD"),
        MoneyRow(doc_id="b", text="$6", start=1, end=2, sentence="s", value="6", currency="USD"),
    ]
    return docs, Tables(money, [], [], [])


def test_export_rows_are_ordered_by_document_then_start():
    docs, tables = sample()
    frame = to_frames(docs, tables)["money"]
    assert list(frame["text"]) == ["$6", "$7", "$5"]


def test_export_csv_round_trips_exactly(tmp_path):
    docs, tables = sample()
    write_outputs(tmp_path, docs, tables)
    for name, frame in to_frames(docs, tables).items():
        back = pd.read_csv(tmp_path / f"{name}.csv", dtype=str, keep_default_na=False)
        pd.testing.assert_frame_equal(back, frame, check_dtype=False)
    with (tmp_path / "money.csv").open(newline="", encoding="utf-8") as f:
        row = next(r for r in csv.DictReader(f) if r["doc_id"] == "a")
    assert (row["fy_start"], row["fy_end"], row["sentence"]) == ("2015", "", 'He said "$5", then left.')


def test_export_failed_write_keeps_the_previous_file(tmp_path, monkeypatch):
    docs, tables = sample()
    write_outputs(tmp_path, docs, tables)
    before = (tmp_path / "money.csv").read_bytes()

    def broken(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(files.os, "replace", broken)
    with pytest.raises(OSError):
        write_outputs(tmp_path, docs, Tables.empty())
    assert (tmp_path / "money.csv").read_bytes() == before
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_export_committed_outputs_are_fresh(tmp_path):
    """outputs/ is what `factsheets run` writes for corpus/ now; regenerate it after a change."""
    run(None, tmp_path)
    committed = PROJECT_ROOT / "outputs"
    fresh = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    stale = sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    assert fresh == stale, "outputs/ has other files than a fresh run: run `factsheets run`"
    for rel in fresh:
        assert filecmp.cmp(tmp_path / rel, committed / rel, shallow=False), f"outputs/{rel} is stale: run `factsheets run`"
