"""Parse news-bulletin text into the syntax tree of the ``bulletin`` crate.

The tree comes as plain dicts and lists, in the JSON shape of the project's
contract: ``parse_article(text)`` is the same dict as ``json.loads`` of the
command line's ``bulletin parse FILE``.

>>> import bulletin
>>> article = bulletin.parse_article(
...     "Publication: Monitor Volume: 6 Issue: 41\\n\\n"
...     "The talks resume (Interfax, March 3).\\n")
>>> article["header"]["publication"], article["header"]["issue"]
('Monitor', 41)
>>> [i["kind"] for i in article["body"][0]["inlines"]]
['text', 'citation', 'text']

``parse_archive(text)`` gives one such dict per article of a text that
holds many; ``table(kind, paths)`` the rows of ``bulletin table`` over
files and directories, ready for ``pandas.DataFrame(rows)``;
``rows(kind, text)`` the same rows of one text.
"""

from ._bulletin import ParseError, __version__, parse_archive, parse_article, rows, table

__all__ = ["ParseError", "parse_archive", "parse_article", "rows", "table", "__version__"]
