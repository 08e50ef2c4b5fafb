"""The README's Python examples run, and print what they say they print."""

import contextlib
import io
import os
import re
import shutil

import pytest
from helpers import REPO


def python_blocks():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def test_readme_python_examples_run(tmp_path):
    pytest.importorskip("pandas")
    blocks = python_blocks()
    assert len(blocks) >= 3
    # The files the examples name: the sample, a digest of two articles,
    # an archive folder.
    shutil.copytree(REPO / "samples", tmp_path / "samples")
    sample = (REPO / "samples" / "monitor-sample.txt").read_text(encoding="utf-8")
    (tmp_path / "digest.txt").write_text(sample + "\n\n" + sample, encoding="utf-8")
    shutil.copytree(REPO / "samples", tmp_path / "archive")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    session = {}  # the blocks run one after the other, as in a notebook
    try:
        for block in blocks:
            printed = io.StringIO()
            with contextlib.redirect_stdout(printed):
                exec(compile(block, "README.md", "exec"), session)
            # `print(...)   # what it prints`: the first such comment holds.
            for line in block.splitlines():
                said = re.match(r"\s*print\(.*\)\s+# (.+)$", line)
                if said and not said[1].endswith("..."):
                    assert said[1] in printed.getvalue(), (said[1], printed.getvalue())
    finally:
        os.chdir(cwd)


def section(title):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return readme.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_readme_table_recipes_run(cli, corpus, tmp_path):
    """"From archive to table": the pandas lines and the DuckDB queries, on
    the corpus's tables as the command line writes them."""
    pytest.importorskip("pandas")
    duckdb = pytest.importorskip("duckdb")
    text = section("From archive to table")
    real = corpus / "real"
    for name, args in {
        "citations.csv": ["table", "citations", "--lenient", real],
        "outlets.csv": ["table", "outlets", "--lenient", real],
        "articles.csv": ["table", "articles", "--lenient", real],
        "edges.csv": ["graph", "--lenient", real],
    }.items():
        done = cli.run(*args)
        assert done.returncode == 0, done.stderr
        (tmp_path / name).write_text(done.stdout, encoding="utf-8", newline="")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        [pandas_block] = re.findall(r"```python\n(.*?)```", text, re.S)
        session = {}
        exec(compile(pandas_block, "README.md", "exec"), session)
        [sql] = re.findall(r"```sql\n(.*?)```", text, re.S)
        queries = [q for q in sql.split(";") if "SELECT" in q]
        assert len(queries) == 2
        # The outlets query finds rows; the join runs (the corpus's pages
        # are single issues years apart: none cites another of them).
        assert duckdb.sql(queries[0]).fetchall()
        duckdb.sql(queries[1]).fetchall()
    finally:
        os.chdir(cwd)
