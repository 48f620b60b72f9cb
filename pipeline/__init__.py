"""factsheets: U.S. security-cooperation fact sheets in, analyst-ready tables out.

    from pipeline import run
    result = run(["corpus/"], "outputs")
"""
from .document import Document
from .run import RunResult, run

__all__ = ["Document", "RunResult", "run"]
__version__ = "0.1.0"
