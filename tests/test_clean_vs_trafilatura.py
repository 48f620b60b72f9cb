"""The clean stage against trafilatura on every layout fixture (benchmarks/clean_vs_trafilatura.py)."""
from __future__ import annotations

import importlib.util
import sys

import pytest

from pipeline.settings import PROJECT_ROOT

BENCHMARK = PROJECT_ROOT / "benchmarks" / "clean_vs_trafilatura.py"


@pytest.fixture(scope="module")
def results():
    try:
        import trafilatura  # noqa: F401
    except ImportError as exc:  # not installed, or installed without lxml_html_clean
        pytest.skip(f"trafilatura not importable: {exc}")
    spec = importlib.util.spec_from_file_location("clean_vs_trafilatura", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module.compare(repeat=1)


def _ours(results):
    return [r for r in results if r.system == "ours"]


def test_clean_vs_trafilatura_runs_both_systems_on_every_fixture(results):
    fixtures = {r.fixture for r in results}
    assert len(fixtures) >= 6
    assert {(f, s) for f in fixtures for s in ("ours", "trafilatura")} == {(r.fixture, r.system) for r in results}
    assert not [r for r in results if r.error]


def test_clean_vs_trafilatura_ours_has_no_leaks(results):
    assert {r.fixture: r.leaks for r in _ours(results) if r.leaks} == {}


def test_clean_vs_trafilatura_ours_has_no_misses(results):
    assert {r.fixture: r.misses for r in _ours(results) if r.misses} == {}


def test_clean_vs_trafilatura_ours_keeps_table_figures_with_labels(results):
    ours = _ours(results)
    assert sum(r.cells for r in ours) > 0
    assert all(r.cells_with_column == r.cells for r in ours)
