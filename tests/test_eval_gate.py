"""The scorer of ../shared/eval on the development and held-out sets stays at its floors."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pipeline.settings import PROJECT_ROOT

SCORER = PROJECT_ROOT.parent / "shared" / "eval" / "score.py"
BASELINE = json.loads((PROJECT_ROOT / "tests" / "eval_baseline.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5"])
def test_eval_gate_scores_stay_at_their_floors(name, tmp_path):
    floor = BASELINE[name]
    docs, gold = PROJECT_ROOT / floor["docs"], PROJECT_ROOT / floor["gold"]
    if not SCORER.is_file() or not docs.is_dir():
        pytest.skip("../shared/eval is not beside the project")
    command = f"{sys.executable} -m pipeline run"
    done = subprocess.run([sys.executable, str(SCORER), "--docs", str(docs), "--gold", str(gold), "--json",
                           "--cmd", command], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["offset_errors"] == 0
    assert result["boilerplate_leaks"] == 0
    assert result["country_accuracy"] >= floor["country"]
    for table, scores in result["tables"].items():
        assert scores["f1"] >= floor["f1"], (table, scores)
    for table, attributes in result["attributes"].items():
        for attribute, accuracy in attributes.items():
            assert accuracy >= floor["attributes"], (table, attribute, accuracy)
