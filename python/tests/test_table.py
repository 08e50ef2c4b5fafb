"""table: the rows of `bulletin table`, and the CSV loads where users load it."""

import csv
import io
import json
import os
from pathlib import Path

import bulletin
import pytest
from helpers import REPO

ARCHIVE = REPO / "tests" / "fixtures" / "cli" / "archive"
KINDS = ["articles", "citations", "outlets"]


def cli_table(cli, kind, paths, *flags):
    done = cli.run("table", kind, *flags, *paths)
    assert done.returncode == 0, done.stderr
    return done.stdout


def as_csv(value):
    """A row value as the CSV writes it."""
    return "" if value is None else str(value)


def corpus_paths(corpus):
    return [corpus / "real", corpus / "seed"]


@pytest.mark.parametrize("kind", KINDS)
def test_rows_equal_the_cli_json_lines(kind, cli, corpus):
    paths = corpus_paths(corpus)
    rows = bulletin.table(kind, paths, lenient=True)
    text = cli_table(cli, kind, paths, "--lenient", "--format", "jsonl")
    assert rows == [json.loads(line) for line in text.splitlines()]
    assert rows


@pytest.mark.parametrize("kind", KINDS)
def test_rows_equal_the_cli_csv(kind, cli, corpus):
    paths = corpus_paths(corpus)
    rows = bulletin.table(kind, paths, lenient=True)
    reader = csv.DictReader(io.StringIO(cli_table(cli, kind, paths, "--lenient"), newline=""))
    assert list(rows[0]) == reader.fieldnames
    expected = list(reader)
    assert [{k: as_csv(v) for k, v in row.items()} for row in rows] == expected


def test_columns_of_the_contract():
    rows = bulletin.table("citations", ARCHIVE)
    for column in ["path", "index", "publication", "volume", "issue", "year", "issue_date",
                   "citation", "group", "kind", "outlets", "canonical_outlets", "target",
                   "series", "dates", "first_date", "last_date", "raw", "start", "end"]:
        assert column in rows[0]


def test_one_path_a_pathlike_and_a_list_give_the_same_rows():
    as_str = bulletin.table("articles", str(ARCHIVE))
    assert bulletin.table("articles", ARCHIVE) == as_str
    assert bulletin.table("articles", [ARCHIVE]) == as_str
    files = sorted(p for p in ARCHIVE.rglob("*.txt"))
    assert len(bulletin.table("articles", files)) == len(as_str)


def test_raw_is_the_text_at_its_offsets():
    for row in bulletin.table("citations", ARCHIVE):
        data = Path(row["path"]).read_bytes()
        assert data[row["start"] : row["end"]].decode() == row["raw"]


def test_the_cli_csv_loads_with_the_csv_module_one_row_per_group(cli, corpus):
    paths = corpus_paths(corpus)
    text = cli_table(cli, "citations", paths, "--lenient")
    records = list(csv.reader(io.StringIO(text, newline="")))
    header, body = records[0], records[1:]
    assert all(len(r) == len(header) for r in body)
    groups = 0
    done = cli.run("parse", "--jsonl", "--lenient", *paths)
    for line in done.stdout.splitlines():
        groups += count_groups(json.loads(line))
    assert len(body) == groups


def count_groups(value):
    """Rows of the citations table an article's JSON makes."""
    if isinstance(value, dict):
        own = 0
        citation = value.get("citation")
        if isinstance(citation, dict):
            own = len(citation["groups"]) if citation["kind"] == "sources" else 1
        return own + sum(count_groups(v) for v in value.values())
    if isinstance(value, list):
        return sum(count_groups(v) for v in value)
    return 0


def test_the_cli_csv_loads_in_duckdb_without_options(cli, corpus, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    paths = corpus_paths(corpus)
    for kind in KINDS:
        target = tmp_path / f"{kind}.csv"
        target.write_text(cli_table(cli, kind, paths, "--lenient"), encoding="utf-8", newline="")
        relation = duckdb.sql(f"SELECT * FROM read_csv_auto('{target}')")
        assert relation.columns == list(bulletin.table(kind, paths, lenient=True)[0])
        assert len(relation.fetchall()) == len(bulletin.table(kind, paths, lenient=True))
        types = dict(zip(relation.columns, map(str, relation.dtypes)))
        assert types["issue_date"] == "DATE", types
        assert types["issue"] in ("BIGINT", "INTEGER"), types


def test_the_readme_duckdb_join(cli, tmp_path):
    """The README's join of edges to the articles they cite."""
    duckdb = pytest.importorskip("duckdb")
    daily = tmp_path / "daily.txt"
    issues = []
    for n, day in enumerate([4, 5, 6, 7, 8], start=1):
        issues.append(
            f"Publication: Monitor Volume: 5 Issue: {n}\n\nTalks went on (Interfax, January {day - 1})"
            + (f" as before (see the Monitor, January {day - 1})." if n > 1 else ".")
            + "\n\n"
        )
    # Issues 3 and 5 state their dates, which pins the others between.
    issues[2] = "Monitor\nWednesday, January 6, 1999 -- Volume 5, Issue 3\nTALKS\n\n" + issues[2].split("\n\n", 1)[1]
    issues[4] = "Monitor\nFriday, January 8, 1999 -- Volume 5, Issue 5\nTALKS\n\n" + issues[4].split("\n\n", 1)[1]
    daily.write_text("".join(issues))
    (tmp_path / "edges.csv").write_text(
        cli.run("graph", daily).stdout, encoding="utf-8", newline=""
    )
    (tmp_path / "articles.csv").write_text(
        cli_table(cli, "articles", [daily]), encoding="utf-8", newline=""
    )
    os.chdir(tmp_path)
    joined = duckdb.sql(
        "SELECT e.path, e.issue, a.issue AS cited FROM read_csv_auto('edges.csv') e "
        "JOIN read_csv_auto('articles.csv') a "
        "ON a.path = e.matched_path AND a.\"index\" = e.matched_index ORDER BY e.issue"
    ).fetchall()
    assert [(issue, cited) for _, issue, cited in joined] == [(n, n - 1) for n in range(2, 6)]


def test_rows_make_a_pandas_data_frame(corpus):
    pandas = pytest.importorskip("pandas")
    rows = bulletin.table("citations", corpus_paths(corpus), lenient=True)
    frame = pandas.DataFrame(rows)
    assert len(frame) == len(rows)
    assert list(frame.columns) == list(rows[0])


def test_a_missing_path_is_file_not_found(tmp_path):
    missing = tmp_path / "no-such-archive"
    with pytest.raises(FileNotFoundError, match="no-such-archive"):
        bulletin.table("articles", missing)


def test_an_unknown_kind_is_a_value_error():
    with pytest.raises(ValueError, match='no table "edges".*"articles"'):
        bulletin.table("edges", ARCHIVE)


def test_paths_of_another_type_are_a_type_error():
    with pytest.raises(TypeError, match="a path or a list of paths"):
        bulletin.table("articles", 42)


def test_a_file_that_does_not_parse_names_itself(tmp_path):
    bad = tmp_path / "kosovo.txt"
    bad.write_text("KOSOVO:\n\nThe envoy met the minister.\n")
    with pytest.raises(bulletin.ParseError) as raised:
        bulletin.table("articles", tmp_path)
    err = raised.value
    assert err.path == str(bad)
    assert str(err).startswith(f"{bad}:1:1: ")
    assert (err.line, err.column, err.kind) == (1, 1, "missing_header")
    assert bulletin.table("articles", tmp_path, lenient=True)[0]["publication"] is None


def test_files_not_utf8_are_read_as_the_cli_reads_them(cli, tmp_path):
    text = "Publication: Monitor Volume: 5 Issue: 100\n\nYeltsin\u2019s talks (Interfax, May 24).\n"
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    rows = bulletin.table("citations", tmp_path)
    assert [r["raw"] for r in rows] == ["(Interfax, May 24)"] * 2
    expected = list(csv.DictReader(io.StringIO(cli_table(cli, "citations", [tmp_path]), newline="")))
    assert [{k: as_csv(v) for k, v in r.items()} for r in rows] == expected


def test_rows_of_a_text_are_the_rows_of_its_file(corpus):
    for path in sorted((corpus / "real").glob("*.txt"))[:30]:
        text = path.read_bytes().decode("utf-8")
        for kind in KINDS:
            assert bulletin.rows(kind, text, str(path), lenient=True) == bulletin.table(
                kind, path, lenient=True
            )


def test_rows_errors():
    with pytest.raises(ValueError, match="no table"):
        bulletin.rows("edges", "Publication: Monitor\n")
    with pytest.raises(TypeError, match=r"rows\(\) takes a str"):
        bulletin.rows("articles", b"Publication: Monitor\n")
    with pytest.raises(bulletin.ParseError):
        bulletin.rows("articles", "KOSOVO:\n\nThe envoy met the minister.\n")
    assert bulletin.rows("articles", "Publication: Monitor\n\nText.\n")[0]["path"] == "-"
