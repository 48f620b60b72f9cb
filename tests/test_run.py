"""Tests of the run loop: inputs of every kind, bad input, duplicate ids, offsets, fetch round trip."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pipeline.run import run
from tests.conftest import CORPUS
from tests.localserver import Reply

TABLES = ("money", "fiscal_years", "agreements", "dates")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def read(out: Path, table: str) -> list[dict]:
    with (out / f"{table}.csv").open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def rows_without_ids(out: Path, table: str, doc_id: str) -> list[dict]:
    drop = {"doc_id"}
    return [{k: v for k, v in r.items() if k not in drop} for r in read(out, table) if r["doc_id"] == doc_id]


def test_run_html_and_text_of_one_sheet_give_the_same_tables(out_dir):
    result = run([str(CORPUS / "latvia.html"), str(CORPUS / "latvia-seed.txt")], out_dir)
    assert result.exit_code == 0
    for table in TABLES:
        html = rows_without_ids(out_dir, table, "latvia")
        text = rows_without_ids(out_dir, table, "latvia-seed")
        assert html and html == text, table


def test_run_fills_every_table_for_the_latvia_sheet(out_dir):
    run([str(CORPUS / "latvia.html")], out_dir)
    counts = {t: len(read(out_dir, t)) for t in TABLES}
    assert counts == {"money": 10, "fiscal_years": 4, "agreements": 9, "dates": 21}
    fmf = read(out_dir, "money")[1]
    assert (fmf["text"], fmf["value"], fmf["currency"], fmf["program"], fmf["fy_start"], fmf["fy_end"], fmf["agency"]) == (
        "$115.65 million", "115650000", "USD", "FMF", "2017", "2021", "Department of State")
    doc = read(out_dir, "documents")[0]
    assert (doc["title"], doc["country"], doc["bureau"], doc["doc_type"], doc["published"]) == (
        "U.S. Security Cooperation With Latvia", "Latvia", "Bureau of Political-Military Affairs", "Fact Sheet",
        "2023-01-20")


def check_offsets(out: Path) -> int:
    checked = 0
    for table in TABLES:
        for row in read(out, table):
            text = (out / "text" / f"{row['doc_id']}.txt").read_text(encoding="utf-8")
            start, end = int(row["start"]), int(row["end"])
            assert text[start:end] == row["text"], (table, row)
            assert row["sentence"] and row["sentence"] in text, (table, row)
            assert text.find(row["sentence"]) <= start, (table, row)
            checked += 1
    return checked


def test_run_offsets_point_at_the_row_text_in_every_table(out_dir, dev_docs):
    run([str(CORPUS)], out_dir / "corpus")
    run([str(dev_docs)], out_dir / "dev")
    assert check_offsets(out_dir / "corpus") > 80
    assert check_offsets(out_dir / "dev") > 80


def test_run_text_has_no_site_boilerplate(out_dir):
    run([str(CORPUS)], out_dir)
    for path in (out_dir / "text").glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        for phrase in ("An official website of the United States", "Here's how you know", "Official websites use .gov",
                       "Secure .gov websites use HTTPS", "The Lessons of 1989"):
            assert phrase not in text, (path.name, phrase)
        assert "\n\n\n" not in text and text == text.strip()


@pytest.mark.parametrize(
    "name, data, error",
    [
        ("empty.txt", b"", "empty document"),
        ("blank.html", b"  \n\t \n", "empty document"),
        ("image.html", PNG, "not HTML or text (binary data)"),
        ("nulls.txt", b"abc\x00\x00\x00def" * 10, "not HTML or text (binary data)"),
        ("shell.html", b"<html><body><nav>Home | About</nav></body></html>", "empty document"),
    ],
)
def test_run_bad_input_is_an_error_row_and_the_rest_is_written(tmp_path, out_dir, name, data, error):
    bad = tmp_path / "in" / name
    bad.parent.mkdir()
    bad.write_bytes(data)
    result = run([str(bad), str(CORPUS / "latvia-seed.txt")], out_dir)
    assert result.exit_code == 1
    docs = {d["doc_id"]: d for d in read(out_dir, "documents")}
    assert docs[bad.stem]["status"] == "error"
    assert docs[bad.stem]["error"] == error
    assert docs["latvia-seed"]["status"] == "ok"
    assert len(read(out_dir, "money")) == 10
    assert not (out_dir / "text" / f"{bad.stem}.txt").exists()


def test_run_missing_file_and_unknown_suffix_are_error_rows(tmp_path, out_dir):
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    result = run([str(tmp_path / "missing.html"), str(pdf)], out_dir)
    assert result.exit_code == 1
    errors = {d["doc_id"]: d["error"] for d in read(out_dir, "documents")}
    assert errors == {"missing": "file not found", "sheet": "not HTML or text (.pdf file)"}


def test_run_duplicate_doc_id_is_an_error_row(tmp_path, out_dir):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "sheet.txt").write_text("In FY 2020 the United States provided $5 million in FMF.")
    result = run([str(tmp_path / "a" / "sheet.txt"), str(tmp_path / "b" / "sheet.txt")], out_dir)
    assert result.exit_code == 1
    docs = read(out_dir, "documents")
    assert [d["status"] for d in docs] == ["ok", "error"]
    assert docs[1]["error"] == "duplicate doc_id 'sheet'"
    assert len(read(out_dir, "money")) == 1


def test_run_mixes_folders_html_and_text(tmp_path, out_dir):
    folder = tmp_path / "sheets" / "nested"
    folder.mkdir(parents=True)
    (folder / "one.txt").write_text("Since FY 2015, DoD has provided $12 million under Section 333.")
    (folder / "two.htm").write_text("<html><body><article><p>In FY 2021 the United States provided "
                                    "$3.5 million in IMET funding to the country.</p></article></body></html>")
    (folder / "ignored.csv").write_text("a,b\n1,2\n")
    note = tmp_path / "notes.txt"
    note.write_text("The Department of State provided $1.2 million in FMF in FY 2019.")
    result = run([str(tmp_path / "sheets"), str(note)], out_dir)
    assert result.exit_code == 0
    assert [d["doc_id"] for d in read(out_dir, "documents")] == ["one", "two", "notes"]
    money = {r["doc_id"]: r for r in read(out_dir, "money")}
    assert (money["one"]["program"], money["one"]["fy_start"], money["one"]["fy_end"]) == ("Section 333", "2015", "")
    assert (money["two"]["program"], money["two"]["value"]) == ("IMET", "3500000")
    assert money["notes"]["agency"] == "Department of State"


def test_run_a_rerun_replaces_the_tables(out_dir):
    run([str(CORPUS / "latvia-seed.txt")], out_dir)
    first = (out_dir / "money.csv").read_bytes()
    run([str(CORPUS / "latvia-seed.txt")], out_dir)
    assert (out_dir / "money.csv").read_bytes() == first
    assert not list(out_dir.glob(".*.tmp"))


def test_run_fetch_round_trip_gives_the_tables_of_the_saved_file(server, tmp_path, out_dir, settings):
    page = (CORPUS / "latvia.html").read_bytes()
    url = server.route("/u-s-security-cooperation-with-latvia/", Reply(200, page, {"Content-Type": "text/html; charset=utf-8"}))
    server.route("/robots.txt", Reply(404, b""))
    fast = settings.with_(min_interval=0.0)
    result = run([url], out_dir / "web", settings=fast, store=tmp_path / "store")
    assert result.exit_code == 0
    run([str(CORPUS / "latvia.html")], out_dir / "file")
    web_doc = read(out_dir / "web", "documents")[0]
    assert web_doc["doc_id"] == "u-s-security-cooperation-with-latvia"
    assert web_doc["source"] == url
    for table in TABLES:
        assert rows_without_ids(out_dir / "web", table, web_doc["doc_id"]) == rows_without_ids(out_dir / "file", table, "latvia")
    # the snapshot store is itself an input: its newest version of each page
    result = run([str(tmp_path / "store")], out_dir / "store")
    docs = read(out_dir / "store", "documents")
    assert [(d["doc_id"], d["status"], d["url"]) for d in docs] == [
        ("u-s-security-cooperation-with-latvia", "ok", "https://www.state.gov/u-s-security-cooperation-with-latvia/")]
    assert rows_without_ids(out_dir / "store", "money", docs[0]["doc_id"]) == rows_without_ids(out_dir / "file", "money", "latvia")


def test_run_failed_fetch_is_an_error_row_and_the_rest_is_written(server, tmp_path, out_dir, settings):
    server.route("/robots.txt", Reply(404, b""))
    url = server.route("/gone/", Reply(404, b"not here"))
    result = run([url, str(CORPUS / "latvia-seed.txt")], out_dir, settings=settings.with_(min_interval=0.0),
                 store=tmp_path / "store")
    assert result.exit_code == 1
    docs = {d["doc_id"]: d for d in read(out_dir, "documents")}
    assert docs["gone"]["status"] == "error"
    assert docs["gone"]["error"] == f"{url}: HTTP 404 Not Found"
    assert docs["latvia-seed"]["status"] == "ok"
