"""Shared fixtures: the pipeline, project paths, and a fresh output folder."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.nlp import build_nlp
from pipeline.settings import PROJECT_ROOT, load_settings

SHARED = PROJECT_ROOT.parent / "shared"
CORPUS = PROJECT_ROOT / "corpus"
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def nlp():
    """One pipeline for the whole session: building it reads every rules file."""
    return build_nlp()


@pytest.fixture
def settings():
    """A fresh copy of the default settings; tests change it with .with_(...), never the file."""
    return load_settings()


@pytest.fixture
def out_dir(tmp_path) -> Path:
    return tmp_path / "out"


@pytest.fixture(scope="session")
def dev_docs() -> Path:
    path = SHARED / "dev" / "docs"
    if not path.is_dir():
        pytest.skip("../shared/dev is not beside the project")
    return path


from tests.localserver import server  # noqa: E402,F401  (the 127.0.0.1 server fixture)
