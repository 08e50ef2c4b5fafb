"""Helpers shared by the tests (fixtures are in conftest.py)."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "monitor-sample.txt"


def read_text(path):
    """The text of ``path`` exactly as the command line reads it: UTF-8,
    line endings untouched (``open()`` would turn CRLF into LF)."""
    return Path(path).read_bytes().decode("utf-8")


def strip_cli_keys(obj):
    """A command-line article object without the keys it adds about the
    input (``path``, ``index``); the library's dicts do not have them."""
    return {k: v for k, v in obj.items() if k not in ("path", "index")}
