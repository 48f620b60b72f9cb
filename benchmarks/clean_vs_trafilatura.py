"""Our cleaner against trafilatura.extract on tests/data/layouts: leaks, misses, table cells, time.

Usage:
    python benchmarks/clean_vs_trafilatura.py [--repeat N]

For each layout fixture and each system it reports the boilerplate strings of
NAME.expected.json "must_not_contain" that leak into the text, the sentences of
"body_must_contain" it misses, how many "table_cells" keep their figure on the
line of its row label and right after its column header, and the median time
per page. trafilatura is a test/benchmark dependency only.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from pipeline.clean import clean_html  # noqa: E402
from pipeline.metadata import collapse  # noqa: E402
from pipeline.settings import load_settings  # noqa: E402

LAYOUTS = ROOT / "tests" / "data" / "layouts"


@dataclass
class Result:
    """One system on one fixture."""

    fixture: str
    system: str
    leaks: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    cells: int = 0
    cells_on_row_line: int = 0
    cells_with_column: int = 0
    median_ms: float = 0.0
    error: str = ""


def ours(settings):
    return lambda data: clean_html(data, settings).text


def trafilatura_extract():
    import trafilatura  # imported here: only the benchmark and its test need it

    return lambda data: trafilatura.extract(data, include_tables=True, include_comments=False) or ""


def normalise(text: str) -> str:
    """Each line with its whitespace collapsed, so sentences compare alike across systems."""
    return "\n".join(line for line in (collapse(x) for x in text.splitlines()) if line)


def score(result: Result, text: str, expected: dict) -> None:
    """Fill leaks, misses and table-cell counts of `result` from its output `text`."""
    text = normalise(text)
    result.leaks = [s for s in expected["must_not_contain"] if s in text]
    result.misses = [s for s in expected["body_must_contain"] if s not in text]
    cells = expected.get("table_cells", [])
    result.cells = len(cells)
    lines = text.splitlines()
    for cell in cells:
        row_lines = [ln for ln in lines if cell["row"] in ln and cell["value"] in ln.split(cell["row"], 1)[1]]
        if row_lines:
            result.cells_on_row_line += 1
            pair = re.compile(re.escape(cell["column"]) + r"\W{0,4}" + re.escape(cell["value"]) + r"(?![\d,])")
            if any(pair.search(ln) for ln in row_lines):
                result.cells_with_column += 1


def median_ms(fn, data: bytes, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(data)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def compare(layouts: Path = LAYOUTS, settings=None, repeat: int = 5) -> list[Result]:
    """Both systems on every fixture of `layouts`."""
    settings = settings or load_settings()
    systems = {"ours": ours(settings), "trafilatura": trafilatura_extract()}
    results = []
    for page in sorted(layouts.glob("*.html")):
        expected = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
        data = page.read_bytes()
        for name, fn in systems.items():
            result = Result(page.stem, name)
            try:
                score(result, fn(data), expected)
                result.median_ms = median_ms(fn, data, repeat)
            except Exception as exc:  # noqa: BLE001 - a benchmark reports, it does not stop
                result.error = f"{type(exc).__name__}: {exc}"
            results.append(result)
    return results


def report(results: list[Result]) -> str:
    rows = [f"{'fixture':<22} {'system':<12} {'leaks':>5} {'misses':>6} {'cells row/col/all':>17} {'ms/page':>8}"]
    for r in results:
        cells = f"{r.cells_on_row_line}/{r.cells_with_column}/{r.cells}"
        rows.append(f"{r.fixture:<22} {r.system:<12} {len(r.leaks):>5} {len(r.misses):>6} {cells:>17} {r.median_ms:>8.2f}"
                    + (f"  ERROR {r.error}" if r.error else ""))
    for system in sorted({r.system for r in results}):
        mine = [r for r in results if r.system == system]
        cells = "/".join(str(sum(getattr(r, k) for r in mine)) for k in ("cells_on_row_line", "cells_with_column", "cells"))
        rows.append(f"{'TOTAL (median ms)':<22} {system:<12} {sum(len(r.leaks) for r in mine):>5} "
                    f"{sum(len(r.misses) for r in mine):>6} {cells:>17} {statistics.median(r.median_ms for r in mine):>8.2f}")
    details = [f"  {r.fixture} / {r.system}: leaks {r.leaks} misses {[m[:50] for m in r.misses]}"
               for r in results if r.leaks or r.misses]
    return "\n".join(rows + (["", "Details:"] + details if details else []))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per page and system")
    args = parser.parse_args(argv)
    print(report(compare(repeat=args.repeat)))  # noqa: T201 - a script's output
    return 0


if __name__ == "__main__":
    sys.exit(main())
