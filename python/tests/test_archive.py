"""parse_archive: one dict per article, as the command line prints them."""

import json

import bulletin
import pytest
from helpers import REPO, read_text, strip_cli_keys

ARCHIVES = sorted((REPO / "tests" / "fixtures" / "archives").glob("*.txt"))


def cli_articles(cli, path, *flags):
    done = cli.run("parse", "--jsonl", *flags, path)
    assert done.returncode == 0, done.stderr
    return [strip_cli_keys(json.loads(line)) for line in done.stdout.splitlines()]


@pytest.mark.parametrize("path", ARCHIVES, ids=lambda p: p.name)
def test_archive_fixture_matches_cli(path, cli):
    articles = bulletin.parse_archive(read_text(path), lenient=True)
    assert len(articles) > 1
    assert articles == cli_articles(cli, path, "--lenient")


def test_corpus_concatenated_gives_each_file_back(corpus, cli):
    paths = sorted((corpus / "real").glob("*.txt"))[:40]
    texts = [read_text(p) for p in paths]
    # Each text on lines of its own, then a blank line (as tests/archive.rs).
    joined = "".join(t + ("" if t.endswith("\n") else "\n") + "\n\n" for t in texts)
    articles = bulletin.parse_archive(joined, lenient=True)
    alone = [bulletin.parse_article(t, lenient=True) for t in texts]
    assert [without_spans(a) for a in articles] == [without_spans(a) for a in alone]


def without_spans(value):
    """``value`` without its ``span`` keys, which count from another start
    in the concatenated text."""
    if isinstance(value, dict):
        return {k: without_spans(v) for k, v in value.items() if k != "span"}
    if isinstance(value, list):
        return [without_spans(v) for v in value]
    return value


def test_one_article_is_a_list_of_one(repo):
    text = read_text(repo / "samples" / "monitor-sample.txt")
    assert bulletin.parse_archive(text) == [bulletin.parse_article(text)]


def test_spans_point_into_the_whole_text():
    first = "Publication: Monitor Volume: 5 Issue: 170\n\nTalks (Interfax, September 13).\n\n"
    second = "Publication: Monitor Volume: 5 Issue: 171\n\nMore talks (TASS, September 14).\n"
    text = first + second
    one, two = bulletin.parse_archive(text)
    cited = two["body"][0]["inlines"][1]
    span = cited["span"]
    assert text.encode()[span["start"] : span["end"]].decode() == cited["raw"]
    assert span["start"] > len(first)


def test_strict_archive_error_is_located_in_the_whole_text():
    text = (
        "Publication: Monitor Volume: 5 Issue: 170\n\nTalks.\n\n"
        "Publication: Monitor Volume: x Issue: 171\n\nMore.\n"
    )
    with pytest.raises(bulletin.ParseError) as raised:
        bulletin.parse_archive(text)
    assert raised.value.line == 5
    assert raised.value.offset >= text.index("Volume: x")
    assert len(bulletin.parse_archive(text, lenient=True)) == 2


def test_empty_text_is_an_error():
    with pytest.raises(bulletin.ParseError) as raised:
        bulletin.parse_archive("")
    assert raised.value.kind == "empty"


@pytest.mark.parametrize("value", [b"Publication: Monitor\n", None, ["x"]])
def test_not_a_str_is_a_type_error(value):
    with pytest.raises(TypeError, match=r"parse_archive\(\) takes a str"):
        bulletin.parse_archive(value)
