"""The Spark example (examples/spark/) in local mode on the corpus: as many
citation rows, and the same, as `bulletin table citations` gives.

Needs PySpark, pandas and pyarrow (examples/spark/requirements.txt) and a
Java runtime: skipped without them, unless BULLETIN_REQUIRE_SPARK=1 (which
scripts/test sets once it has installed them), when their absence fails.
"""

import datetime
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import bulletin
import pytest
from helpers import REPO

EXAMPLE = REPO / "examples" / "spark" / "citations_table.py"


def need(condition, what):
    if condition:
        return
    if os.environ.get("BULLETIN_REQUIRE_SPARK") == "1":
        pytest.fail(f"{what} missing, and BULLETIN_REQUIRE_SPARK=1")
    pytest.skip(f"{what} missing (pip install -r examples/spark/requirements.txt)")


@pytest.fixture(scope="module")
def spark_ready():
    try:
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as e:
        need(False, f"PySpark or pyarrow ({e.name})")
    need(shutil.which("java") or os.environ.get("JAVA_HOME"), "a Java runtime")


def run_example(*args):
    done = subprocess.run(
        [sys.executable, str(EXAMPLE), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def key(row):
    return (Path(row["path"]).name, row["index"], row["citation"], row["group"])


def expected_rows(paths, by_name=True):
    """bulletin.table's rows, dates as the Parquet file has them."""
    rows = bulletin.table("citations", paths, lenient=True)
    for row in rows:
        for column in ("issue_date", "first_date", "last_date"):
            if row[column] is not None:
                row[column] = datetime.date.fromisoformat(row[column])
        if by_name:
            row["path"] = Path(row["path"]).name
    return sorted(rows, key=key)


def parquet_rows(path):
    import pyarrow.parquet as pq

    rows = pq.read_table(path).to_pylist()
    for row in rows:
        row["path"] = Path(row["path"]).name
    return sorted(rows, key=key)


@pytest.mark.parametrize("engine", ["package", "cli"])
def test_spark_writes_the_citations_table_of_the_corpus(engine, spark_ready, corpus, cli, tmp_path):
    out = tmp_path / "citations.parquet"
    run_example("--engine", engine, "--bulletin", cli.path, corpus / "real", out)
    rows = parquet_rows(out)
    printed = cli.run("table", "citations", "--lenient", corpus / "real")
    assert len(rows) == len(printed.stdout.splitlines()) - 1
    assert rows == expected_rows([corpus / "real"])


def test_spark_reads_json_lines_records(spark_ready, corpus, tmp_path):
    paths = sorted((corpus / "real").glob("*.txt"))
    records = tmp_path / "records.jsonl"
    with records.open("w", encoding="utf-8") as out:
        for path in paths:
            text = path.read_bytes().decode("utf-8")
            out.write(json.dumps({"id": path.name, "text": text}) + "\n")
    parquet = tmp_path / "citations.parquet"
    run_example("--records", records, parquet)
    assert parquet_rows(parquet) == expected_rows(paths)
