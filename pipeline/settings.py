"""Reads settings.cfg (and a user's override file) into one Settings object."""
from __future__ import annotations

import configparser
import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

DEFAULT_CONFIG = Path(__file__).with_name("settings.cfg")
PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_RULES = PROJECT_ROOT / "rules"
ENV_CONFIG = "FACTSHEETS_CONFIG"


@dataclass(frozen=True)
class Settings:
    url_template: str
    user_agent: str
    contact: str
    connect_timeout: float
    read_timeout: float
    min_interval: float
    max_retries: int
    backoff_base: float
    max_backoff: float
    max_bytes: int
    max_redirects: int
    respect_robots: bool
    min_article_chars: int
    rules_dir: Path = DEFAULT_RULES
    min_container_chars: int = 40
    max_link_density: float = 0.5

    def with_(self, **changes) -> "Settings":
        """A copy with some values changed (tests use this; the file is never mutated)."""
        return replace(self, **changes)


def load_settings(path: str | os.PathLike | None = None) -> Settings:
    """Defaults from settings.cfg, overridden by `path` or $FACTSHEETS_CONFIG when given."""
    parser = configparser.ConfigParser()
    parser.read(DEFAULT_CONFIG, encoding="utf-8")
    override = path or os.environ.get(ENV_CONFIG)
    if override:
        if not Path(override).is_file():
            raise FileNotFoundError(f"settings file not found: {override}")
        parser.read(override, encoding="utf-8")
    values = {}
    for section in parser.sections():
        for key, raw in parser.items(section):
            values[key] = raw
    kwargs = {}
    for f in fields(Settings):
        if f.name not in values:
            continue
        raw = values[f.name]
        kind = f.type if isinstance(f.type, str) else f.type.__name__
        if kind == "bool":
            kwargs[f.name] = parser.BOOLEAN_STATES[raw.strip().lower()]
        elif kind == "int":
            kwargs[f.name] = int(raw)
        elif kind == "float":
            kwargs[f.name] = float(raw)
        elif kind == "Path":
            kwargs[f.name] = Path(raw)
        else:
            kwargs[f.name] = raw
    return Settings(**kwargs)
