"""The docstrings' examples run, and the type stubs match the module."""

import ast
import doctest
from pathlib import Path

import bulletin
import bulletin._bulletin as native
import pytest

DOCUMENTED = {
    "bulletin": bulletin,
    "bulletin.parse_article": bulletin.parse_article,
    "bulletin.parse_archive": bulletin.parse_archive,
    "bulletin.table": bulletin.table,
    "bulletin.rows": bulletin.rows,
    "bulletin.ParseError": bulletin.ParseError,
}


@pytest.mark.parametrize("name", DOCUMENTED)
def test_docstring_examples(name):
    obj = DOCUMENTED[name]
    tests = doctest.DocTestFinder(recurse=False).find(obj, name, globs={})
    examples = sum(len(t.examples) for t in tests)
    assert examples > 0, f"{name} has no examples"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for t in tests:
        runner.run(t)
    assert runner.summarize(verbose=False).failed == 0


def test_package_is_typed():
    package = Path(bulletin.__file__).parent
    assert (package / "py.typed").is_file()
    assert (package / "_bulletin.pyi").is_file()


def test_stubs_name_what_the_module_has():
    stub = ast.parse((Path(bulletin.__file__).parent / "_bulletin.pyi").read_text())
    names = set()
    for node in stub.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign):
            names.add(node.target.id)
    public = {n for n in dir(native) if not n.startswith("__") or n == "__version__"}
    assert names == public


def test_all_is_exported():
    for name in bulletin.__all__:
        assert hasattr(bulletin, name)
