"""parse_article gives the dict the command line prints as JSON."""

import bulletin
import pytest
from helpers import SAMPLE, read_text


def test_sample_matches_cli(repo, cli):
    path = repo / "samples" / "monitor-sample.txt"
    article = bulletin.parse_article(read_text(path))
    assert article == cli.parse(path)
    assert article["title"] == "TALKS RESUME AT LAST."
    assert article["header"]["publication"] == "Monitor"


def test_seed_matches_cli(corpus, cli):
    path = corpus / "seed" / "monitor-v05-i173.txt"
    article = bulletin.parse_article(read_text(path))
    assert article == cli.parse(path)
    header = article["header"]
    assert (header["volume"], header["issue"], header["year"]) == (5, 173, 1999)
    citations = [
        inline
        for block in article["body"]
        if block["kind"] == "paragraph"
        for inline in block["inlines"]
        if inline["kind"] == "citation"
    ]
    assert len(citations) == 3
    assert article["footer"] is not None


def test_every_corpus_file_matches_cli(corpus, cli):
    paths = sorted((corpus / "real").glob("*.txt"))
    assert paths
    expected = cli.parse_many(paths, "--lenient")
    mismatched = [
        path.name
        for path, want in zip(paths, expected)
        if bulletin.parse_article(read_text(path), lenient=True) != want
    ]
    assert not mismatched, f"{len(mismatched)} of {len(paths)} differ: {mismatched[:10]}"


def test_strict_equals_lenient_where_strict_succeeds(corpus):
    for path in sorted((corpus / "real").glob("*.txt")):
        text = read_text(path)
        try:
            strict = bulletin.parse_article(text)
        except bulletin.ParseError:
            continue
        assert strict == bulletin.parse_article(text, lenient=True), path.name


def test_contract_keys():
    article = bulletin.parse_article(
        "TALKS RESUME AT LAST.\n"
        "Publication: Monitor Volume: 6 Issue: 41\n"
        "By Anna Kovacs\n\n"
        "Officials confirmed it (Interfax, Prime-News, February 27-28; "
        "see the Monitor, February 18).\n\n"
        "WHAT COMES NEXT\n\n"
        "The first round opens in Gyumri (https://example.org/a.html) [3].\n"
    )
    for key in ("title", "header", "body", "notes", "footer"):
        assert key in article
    header = article["header"]
    assert header["authors"] == ["Anna Kovacs"]
    assert (header["volume"], header["issue"], header["year"]) == (6, 41, 2000)
    paragraph, heading, last = article["body"]
    assert heading == {**heading, "kind": "heading", "text": "WHAT COMES NEXT"}
    cited = paragraph["inlines"][1]
    assert cited["kind"] == "citation"
    assert cited["span"]["end"] - cited["span"]["start"] == len(cited["raw"].encode())
    source, see = cited["citation"]["groups"]
    assert source["kind"] == "source"
    assert source["outlets"] == ["Interfax", "Prime-News"]
    date = source["dates"][0]
    assert (date["text"], date["start"], date["end"]) == (
        "February 27-28",
        "2000-02-27",
        "2000-02-28",
    )
    assert see["kind"] == "see" and see["target"] == "the Monitor"
    kinds = [i["citation"]["kind"] for i in last["inlines"] if i["kind"] == "citation"]
    assert kinds == ["url", "note"]


def test_spans_are_utf8_byte_offsets():
    text = "Publication: Monitor Volume: 6 Issue: 41\n\nЧечня — «мир» (Interfax, March 3).\n"
    article = bulletin.parse_article(text)
    cited = article["body"][0]["inlines"][1]
    span = cited["span"]
    assert text.encode()[span["start"] : span["end"]].decode() == cited["raw"]


def test_result_is_plain_json_data():
    """Only dict, list, str, int, bool and None: json.dumps takes it."""
    import json

    article = bulletin.parse_article(read_text_sample())
    assert json.loads(json.dumps(article)) == article

    def walk(value):
        assert type(value) in (dict, list, str, int, bool, type(None)), type(value)
        if isinstance(value, dict):
            assert all(type(k) is str for k in value)
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(article)


def test_results_are_independent():
    """Every call builds new dicts and lists: changing one result leaves the
    next alone (only immutable strings are shared)."""
    text = read_text_sample()
    first = bulletin.parse_article(text)
    first["body"][0]["span"]["start"] = -1
    first["header"]["authors"].append("Someone")
    second = bulletin.parse_article(text)
    assert second["body"][0]["span"]["start"] != -1
    assert "Someone" not in second["header"]["authors"]


def test_str_subclass_is_accepted():
    class Text(str):
        pass

    assert bulletin.parse_article(Text(read_text_sample()))["header"]["issue"] == 41


def test_lenient_is_keyword_only():
    with pytest.raises(TypeError):
        bulletin.parse_article("Publication: Monitor\n", True)


def read_text_sample():
    return read_text(SAMPLE)
