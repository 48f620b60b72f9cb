"""Snapshots of every table for the bundled corpus and the development sheets (pytest-regressions).

Read the diff before regenerating with `pytest tests/test_regression.py --force-regen`."""
from __future__ import annotations

import csv
from pathlib import Path


from pipeline.run import run
from tests.conftest import CORPUS

TABLES = ("documents", "money", "fiscal_years", "agreements", "dates")
# source paths and hashes depend on where the checkout lives, not on extraction
UNSTABLE = {"source"}


def tables(out: Path) -> dict:
    result = {}
    for name in TABLES:
        with (out / f"{name}.csv").open(newline="", encoding="utf-8") as f:
            result[name] = [{k: v for k, v in row.items() if k not in UNSTABLE} for row in csv.DictReader(f)]
    return result


def test_regression_bundled_corpus_tables(tmp_path, data_regression):
    run([str(CORPUS)], tmp_path)
    data_regression.check(tables(tmp_path))


def test_regression_development_sheet_tables(tmp_path, data_regression, dev_docs):
    run([str(dev_docs)], tmp_path)
    data_regression.check(tables(tmp_path))
