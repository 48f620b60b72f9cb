"""Every layout the site has used gives the tables its plain body text gives, and tables keep their labels."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from pipeline.run import run
from tests.conftest import DATA

LAYOUTS = sorted(p.stem for p in (DATA / "layouts").glob("*.html"))
TABLES = ("money", "fiscal_years", "agreements", "dates")


def read(out: Path, table: str) -> list[dict]:
    with (out / f"{table}.csv").open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> Path:
    """The HTML pages and their plain body texts in one run (doc ids NAME and NAME.body)."""
    out = tmp_path_factory.mktemp("layouts")
    inputs = [str(DATA / "layouts" / f"{name}{suffix}") for name in LAYOUTS for suffix in (".html", ".body.txt")]
    result = run(inputs, out)
    assert result.exit_code == 0, [d.error for d in result.failures]
    return out


def test_layouts_fixture_set_covers_every_layout():
    assert LAYOUTS == ["archive_2009_2017", "archive_2017_2021", "legacy_pm_fs", "statedotgov_current",
                       "syndicated_copy", "webarchive_wrapped"]


@pytest.mark.parametrize("name", LAYOUTS)
def test_layouts_html_gives_the_rows_of_its_plain_body(outputs, name):
    assert (outputs / "text" / f"{name}.txt").read_text(encoding="utf-8") == (
        DATA / "layouts" / f"{name}.body.txt").read_text(encoding="utf-8").strip()
    for table in TABLES:
        html = [dict(r, doc_id="") for r in read(outputs, table) if r["doc_id"] == name]
        body = [dict(r, doc_id="") for r in read(outputs, table) if r["doc_id"] == f"{name}.body"]
        assert html == body, table


@pytest.mark.parametrize("name", LAYOUTS)
def test_layouts_documents_row_has_the_page_metadata(outputs, name):
    expected = json.loads((DATA / "layouts" / f"{name}.expected.json").read_text(encoding="utf-8"))
    row = next(d for d in read(outputs, "documents") if d["doc_id"] == name)
    for key in ("title", "bureau", "doc_type", "published", "url"):
        assert row[key] == expected[key], key
    text = (outputs / "text" / f"{name}.txt").read_text(encoding="utf-8")
    for phrase in expected["must_not_contain"]:
        assert phrase not in text


def test_layouts_table_figures_keep_their_programme_and_fiscal_year(outputs):
    money = [r for r in read(outputs, "money") if r["doc_id"] == "legacy_pm_fs"]
    by_key = {(r["program"], r["fy_start"], r["value"]) for r in money}
    assert ("FMF", "2008", "9000000") in by_key
    assert ("IMET", "2009", "1300000") in by_key
    assert ("NADR", "2007", "2480000") in by_key
    assert ("PKO", "2008", "500000") in by_key
    assert all(r["currency"] == "USD" for r in money)
    total = [r for r in money if r["value"] == "14450000"]
    assert total and total[0]["program"] == "" and total[0]["fy_start"] == "2009"
