"""The README stays true: its sample rows are in outputs/, its commands are the ones CI runs."""
from __future__ import annotations

import csv
import re

import pytest

from pipeline.settings import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def sample_rows(table: str) -> list[dict]:
    block = re.search(re.escape(table) + r"\.csv\n\n((?:\|.*\n)+)", README)
    assert block, f"README shows no rows of {table}.csv"
    lines = block.group(1).splitlines()
    header = [h.strip() for h in lines[0].strip().strip("|").split("|")]
    return [dict(zip(header, (v.strip() for v in line.strip().strip("|").split("|")))) for line in lines[2:]]


@pytest.mark.parametrize("table", ["money", "fiscal_years", "agreements", "dates"])
def test_docs_readme_sample_rows_are_in_the_latvia_outputs(table):
    with (PROJECT_ROOT / "outputs" / f"{table}.csv").open(newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["doc_id"] == "latvia"]
    for want in sample_rows(table):
        assert any(all(r[k] == v for k, v in want.items()) for r in rows), want


def test_docs_ci_runs_the_readme_test_command():
    ci = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = "python3 -m pytest -q"
    assert f"\n    {command}\n" in README
    assert ci.rstrip().splitlines()[-1] == command
