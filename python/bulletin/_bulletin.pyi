"""Type stubs of the native module ``bulletin._bulletin``."""

import os
from typing import Any, Dict, List, Literal, Sequence, Tuple, Union

__version__: str

class ParseError(ValueError):
    """A text that cannot be parsed as an article (``str(err)`` is
    ``line:column: message``)."""

    line: int
    """1-based line of the error."""
    column: int
    """1-based column, in characters."""
    offset: int
    """UTF-8 byte offset of the error in the text."""
    message: str
    """What was expected, without the location."""
    kind: str
    """``"empty"``, ``"whitespace_only"``, ``"missing_header"`` or
    ``"invalid_header"`` (more may be added)."""
    path: str
    """The file, when ``table`` raised it (otherwise not set)."""

def parse_article(text: str, *, lenient: bool = False) -> Dict[str, Any]:
    """Parses one bulletin article into a dict (the JSON shape).

    Raises ``ParseError`` for a text that is not an article (with
    ``lenient=True`` a page without a header is accepted) and ``TypeError``
    for anything but a ``str`` (decode ``bytes`` first)."""

def parse_archive(text: str, *, lenient: bool = False) -> List[Dict[str, Any]]:
    """Parses every article of ``text`` into a list of dicts (each the
    shape ``parse_article`` gives, spans into the whole text).

    Raises ``ParseError`` for a part that is no article (``lenient=True``
    keeps header-less parts) and ``TypeError`` for anything but a ``str``."""

_Path = Union[str, "os.PathLike[str]"]

def table(
    kind: Literal["articles", "citations", "outlets"],
    paths: Union[_Path, Sequence[_Path]],
    *,
    lenient: bool = False,
) -> List[Dict[str, Any]]:
    """The rows of ``bulletin table KIND PATHS...``: one dict per row, keys
    in column order, ISO dates as strings, missing values ``None``.

    Directories stand for every ``*.txt`` file under them. Raises
    ``FileNotFoundError`` for a missing path, ``ValueError`` for an unknown
    kind, and ``ParseError`` (with ``path``) for a file that does not
    parse."""

def rows(
    kind: Literal["articles", "citations", "outlets"],
    text: str,
    path: str = "-",
    *,
    lenient: bool = False,
) -> List[Dict[str, Any]]:
    """The rows of table ``kind`` of the articles of one text, ``path`` in
    their ``path`` column (as ``table`` gives them for a file)."""

def _parse_only(
    texts: List[str], *, lenient: bool = False, repeat: int = 1
) -> Tuple[int, int]:
    """Benchmark helper: parse without building Python objects; returns
    (nanoseconds, articles parsed)."""

def _parse_article_pythonize(text: str, *, lenient: bool = False) -> Dict[str, Any]:
    """Benchmark helper: ``parse_article`` with the dicts built by the
    ``pythonize`` crate."""
