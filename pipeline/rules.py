"""Reads the data files in rules/: JSONL patterns and the lexicons built from them."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .settings import DEFAULT_RULES


class RulesError(ValueError):
    """A rules file is missing or malformed; the message names the file and line."""


def rules_path(rules_dir: str | Path | None, name: str) -> Path:
    """The path of rules file `name` in `rules_dir` (the project's rules/ when empty)."""
    path = Path(rules_dir) if rules_dir else DEFAULT_RULES
    path = path / name
    if not path.is_file():
        raise RulesError(f"rules file not found: {path}")
    return path


def read_jsonl(path: Path) -> list[dict]:
    """Pattern dicts {"label", "pattern", "id"?}: a string pattern is a phrase, a list is token patterns."""
    rows = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise RulesError(f"{path}:{n}: not JSON ({exc.msg})") from None
            if not isinstance(row, dict) or "label" not in row or "pattern" not in row:
                raise RulesError(f"{path}:{n}: a pattern needs 'label' and 'pattern'")
            if not isinstance(row["pattern"], (str, list)):
                raise RulesError(f"{path}:{n}: 'pattern' must be a string (phrase) or a list (tokens)")
            rows.append(row)
    return rows


def load(rules_dir: str | Path | None, name: str, labels: set[str] | None = None) -> list[dict]:
    """Rows of one rules file, optionally only those with the given labels."""
    path = rules_path(rules_dir, name)
    rows = _load_cached(str(path), path.stat().st_mtime_ns)
    return [r for r in rows if labels is None or r["label"] in labels]


@lru_cache(maxsize=64)
def _load_cached(path: str, mtime_ns: int) -> list[dict]:  # mtime: an edited file is read again
    return read_jsonl(Path(path))


def load_json(rules_dir: str | Path | None, name: str) -> dict:
    path = rules_path(rules_dir, name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise RulesError(f"{path}: not JSON ({exc.msg})") from None


def phrases(rows: list[dict]) -> dict[str, str]:
    """{phrase: id} of the string patterns among rows."""
    return {r["pattern"]: r.get("id", r["pattern"]) for r in rows if isinstance(r["pattern"], str)}
