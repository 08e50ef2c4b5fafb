"""ParseError: where and why, as the Rust library and the command line say."""

import pickle
import re

import bulletin
import pytest

# name: (text, line, column, offset, kind, parses leniently)
CASES = {
    "empty": ("", 1, 1, 0, "empty", False),
    "whitespace_only": ("  \n \t\n", 3, 1, 6, "whitespace_only", False),
    "missing_header": ("\n\nJust a sentence.\n", 3, 1, 2, "missing_header", True),
    "no_publication_name": ("Publication:\n\nText.\n", 1, 13, 12, "invalid_header", False),
    "issue_zero": (
        "Publication: Monitor Volume: 5 Issue: 0\n\nText.\n",
        1, 39, 38, "invalid_header", True,
    ),
    "issue_negative": (
        "Publication: Monitor Volume: 5 Issue: -3\n\nText.\n",
        1, 39, 38, "invalid_header", True,
    ),
    "volume_too_large": (
        "Publication: Monitor Volume: 99999999999999999999 Issue: 4\n\nText.\n",
        1, 30, 29, "invalid_header", True,
    ),
    # Columns count characters, offsets UTF-8 bytes.
    "after_cyrillic": (
        "Publication: Монитор Volume: 5 Issue: 0\n\nText.\n",
        1, 39, 45, "invalid_header", True,
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_error_location(name):
    text, line, column, offset, kind, _ = CASES[name]
    with pytest.raises(bulletin.ParseError) as raised:
        bulletin.parse_article(text)
    err = raised.value
    assert (err.line, err.column, err.offset, err.kind) == (line, column, offset, kind)
    assert str(err) == f"{line}:{column}: {err.message}"
    assert text.encode()[offset:].decode() == text[len(text.encode()[:offset].decode()) :]


@pytest.mark.parametrize("name", CASES)
def test_lenient(name):
    text, *_, parses_leniently = CASES[name]
    if parses_leniently:
        article = bulletin.parse_article(text, lenient=True)
        assert article["diagnostics"], "a repair is reported"
    else:
        with pytest.raises(bulletin.ParseError):
            bulletin.parse_article(text, lenient=True)


def test_missing_header_lenient_has_no_header():
    article = bulletin.parse_article("\n\nJust a sentence.\n", lenient=True)
    assert article["header"] is None
    assert [d["kind"] for d in article["diagnostics"]] == ["missing_header"]


@pytest.mark.parametrize("name", CASES)
def test_same_error_as_cli(name, cli, tmp_path):
    """The command line reports `path:line:column: message` on stderr."""
    text, line, column, *_ = CASES[name]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(text.encode())
    done = cli.run("parse", path)
    assert done.returncode == 1
    match = re.fullmatch(
        rf"{re.escape(str(path))}:(\d+):(\d+): (.*)\n(  help: .*\n)?", done.stderr
    )
    assert match, done.stderr
    with pytest.raises(bulletin.ParseError) as raised:
        bulletin.parse_article(text)
    err = raised.value
    assert (err.line, err.column) == (int(match[1]), int(match[2])) == (line, column)
    # The same message; the advice the command line gives as a help line,
    # Python gives with the keyword.
    assert err.message.startswith(match[3])
    if match[4]:
        assert err.message.endswith("; pass lenient=True to accept a page without one")
        assert "--lenient" not in err.message


def test_parse_error_is_a_value_error():
    assert issubclass(bulletin.ParseError, ValueError)
    with pytest.raises(ValueError):
        bulletin.parse_article("")
    assert bulletin.ParseError.__module__ == "bulletin"


def test_missing_header_message_names_the_keyword():
    with pytest.raises(bulletin.ParseError, match="lenient=True"):
        bulletin.parse_article("No header here.\n")


def test_parse_error_pickles_with_its_attributes():
    with pytest.raises(bulletin.ParseError) as raised:
        bulletin.parse_article("  \n")
    copy = pickle.loads(pickle.dumps(raised.value))
    assert type(copy) is bulletin.ParseError
    assert (copy.line, copy.column, copy.offset, copy.kind) == (2, 1, 3, "whitespace_only")
    assert str(copy) == str(raised.value)


@pytest.mark.parametrize(
    "value", [b"Publication: Monitor\n", bytearray(b"x"), memoryview(b"x")]
)
def test_bytes_raise_type_error_saying_decode(value):
    with pytest.raises(TypeError, match=r"takes a str, not \w+: decode the bytes first"):
        bulletin.parse_article(value)


@pytest.mark.parametrize("value", [None, 42, ["Publication: Monitor"]])
def test_other_types_raise_type_error(value):
    with pytest.raises(TypeError, match=r"parse_article\(\) takes a str, not"):
        bulletin.parse_article(value)


def test_lone_surrogate_is_an_error_not_a_crash():
    """A str that is not valid Unicode cannot become UTF-8."""
    with pytest.raises(UnicodeEncodeError):
        bulletin.parse_article("Publication: Monitor\n\n\ud800\n")
