//! The native module `bulletin._bulletin`: the Python face of the `bulletin`
//! crate. `bulletin/__init__.py` re-exports what is public.
//!
//! Every entry point follows the same three steps:
//!
//! 1. [`text_arg`]: copy the Python `str` into a Rust `String` (a `TypeError`
//!    for `bytes` and anything else that is not a `str`);
//! 2. parse with the GIL released ([`Python::detach`]), so that other
//!    threads run Python code or parse at the same time;
//! 3. [`to_py`] for every article (or any other `Serialize` value, through
//!    [`convert::to_python`]), [`parse_error`] for every error.
//!
//! [`parse_text`] does the three for one article.

mod convert;
mod files;

use std::path::PathBuf;
use std::sync::OnceLock;

use bulletin::rows::{ArticleRow, CitationRow, Origin, OutletRow};
use bulletin::{Article, ParseOptions};
use pyo3::exceptions::{PyBaseException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyMemoryView, PyString};

pyo3::create_exception!(
    bulletin,
    ParseError,
    PyValueError,
    "A text that cannot be parsed as an article.\n\n\
     ``str(err)`` is ``line:column: message``. Attributes: ``line`` and\n\
     ``column`` (1-based; the column counts characters), ``offset`` (the\n\
     UTF-8 byte offset, as in the spans of the tree), ``message`` (without\n\
     the location) and ``kind`` (``\"empty\"``, ``\"whitespace_only\"``,\n\
     ``\"missing_header\"`` or ``\"invalid_header\"``).\n\n\
     >>> import bulletin\n\
     >>> try:\n\
     ...     bulletin.parse_article(\"No header here.\\n\")\n\
     ... except bulletin.ParseError as err:\n\
     ...     print(err.line, err.column, err.offset, err.kind)\n\
     1 1 0 missing_header\n\
     >>> isinstance(bulletin.ParseError(\"x\"), ValueError)\n\
     True\n"
);

/// The text argument of `func` as a Rust string: a copy, so that the GIL can
/// be released while it is parsed.
fn text_arg(func: &str, text: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(text) = text.cast::<PyString>() {
        return Ok(text.to_cow()?.into_owned());
    }
    let kind = text.get_type().name()?;
    if text.is_instance_of::<PyBytes>()
        || text.is_instance_of::<PyByteArray>()
        || text.is_instance_of::<PyMemoryView>()
    {
        return Err(PyTypeError::new_err(format!(
            "{func}() takes a str, not {kind}: decode the bytes first, \
             e.g. data.decode(\"utf-8\") (or \"cp1252\" for old Windows files)"
        )));
    }
    Err(PyTypeError::new_err(format!(
        "{func}() takes a str, not {kind}"
    )))
}

/// The parse options for the `lenient` keyword, made once: making them
/// builds the year table.
fn options(lenient: bool) -> &'static ParseOptions {
    static OPTIONS: OnceLock<[ParseOptions; 2]> = OnceLock::new();
    let [strict, lenient_options] =
        OPTIONS.get_or_init(|| [ParseOptions::new(), ParseOptions::new().lenient(true)]);
    if lenient { lenient_options } else { strict }
}

/// An article as Python objects: the dict of `json.loads` of its JSON.
fn to_py<'py>(py: Python<'py>, article: &Article<'_>) -> PyResult<Bound<'py, PyAny>> {
    convert::to_python(py, article)
}

/// A Rust parse error as a `bulletin.ParseError`.
fn parse_error(py: Python<'_>, err: &bulletin::ParseError) -> PyErr {
    // The Rust message advises Rust and command-line users; give the
    // advice as Python has it.
    let message = match err
        .message()
        .split_once("; parse header-less pages leniently")
    {
        Some((message, _)) => format!("{message}; pass lenient=True to accept a page without one"),
        None => err
            .message()
            .replace("ParseOptions::lenient", "lenient=True"),
    };
    let exc = ParseError::new_err(format!("{}:{}: {message}", err.line(), err.column()));
    let set = |value: &Bound<'_, PyBaseException>| -> PyResult<()> {
        value.setattr("line", err.line())?;
        value.setattr("column", err.column())?;
        value.setattr("offset", err.offset())?;
        value.setattr("message", &message)?;
        value.setattr("kind", snake_case(&format!("{:?}", err.kind())))
    };
    match set(exc.value(py)) {
        Ok(()) => exc,
        Err(e) => e,
    }
}

/// `MissingHeader` → `missing_header`.
fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Parses one bulletin article into a dict, the JSON shape of the project's
/// contract (the same dict as ``json.loads`` of ``bulletin parse FILE``).
///
/// Strict by default: a text with no ``Publication:`` header line raises
/// ``ParseError``. With ``lenient=True`` such a page parses as a header-less
/// article (``"header": None``) and ``"diagnostics"`` says what was
/// repaired. Spans are UTF-8 byte offsets into ``text``. The GIL is released
/// while parsing.
///
/// >>> import bulletin
/// >>> text = ("TALKS RESUME AT LAST.\n"
/// ...         "Publication: Monitor Volume: 6 Issue: 41\n\n"
/// ...         "Officials confirmed the talks (see the Monitor, February 18).\n")
/// >>> article = bulletin.parse_article(text)
/// >>> article["title"], article["header"]["year"]
/// ('TALKS RESUME AT LAST.', 2000)
/// >>> cited = article["body"][0]["inlines"][1]
/// >>> cited["raw"], cited["citation"]["groups"][0]["dates"][0]["start"]
/// ('(see the Monitor, February 18)', '2000-02-18')
/// >>> bulletin.parse_article("KOSOVO:\n\nThe envoy met the minister.\n", lenient=True)["header"] is None
/// True
#[pyfunction]
#[pyo3(signature = (text, *, lenient = false))]
fn parse_article<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    lenient: bool,
) -> PyResult<Bound<'py, PyAny>> {
    parse_text(py, "parse_article", text, lenient, to_py)
}

/// Parses the `text` argument of `func` as one article with the GIL
/// released, and builds the Python result with `build`.
fn parse_text<'py, T>(
    py: Python<'py>,
    func: &str,
    text: &Bound<'py, PyAny>,
    lenient: bool,
    build: impl FnOnce(Python<'py>, &Article<'_>) -> PyResult<T>,
) -> PyResult<T> {
    let text = text_arg(func, text)?;
    let options = options(lenient);
    match py.detach(|| options.parse(&text)) {
        Ok(article) => build(py, &article),
        Err(err) => Err(parse_error(py, &err)),
    }
}

/// Parses every article of ``text`` (a mirror, a digest, a concatenated
/// scrape) into a list of dicts, each the shape ``parse_article`` gives,
/// with spans into the whole ``text``.
///
/// The text is split at each article's header; site chrome, footers and
/// teasers between articles go with the article they belong to. Strict by
/// default: a part with no header raises ``ParseError`` (its ``line`` and
/// ``column`` in ``text``); ``lenient=True`` keeps it as a header-less
/// article. The GIL is released while parsing.
///
/// >>> import bulletin
/// >>> text = ("Publication: Monitor Volume: 5 Issue: 170\n\nTalks (Interfax, September 13).\n\n"
/// ...         "Publication: Monitor Volume: 5 Issue: 171\n\nMore talks (see the Monitor, September 14).\n")
/// >>> articles = bulletin.parse_archive(text)
/// >>> [a["header"]["issue"] for a in articles]
/// [170, 171]
/// >>> articles[1]["body"][0]["span"]["start"] > 0
/// True
#[pyfunction]
#[pyo3(signature = (text, *, lenient = false))]
fn parse_archive<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    lenient: bool,
) -> PyResult<Bound<'py, PyList>> {
    let text = text_arg("parse_archive", text)?;
    let options = options(lenient);
    let articles = py.detach(|| options.parse_archive(&text).collect::<Result<Vec<_>, _>>());
    match articles {
        Ok(articles) => {
            let list = PyList::empty(py);
            for article in &articles {
                list.append(to_py(py, article)?)?;
            }
            Ok(list)
        }
        Err(err) => Err(parse_error(py, &err)),
    }
}

/// The rows of one of the tables, owned so that they outlive the parse.
enum Rows {
    Articles(Vec<ArticleRow<'static>>),
    Citations(Vec<CitationRow<'static>>),
    Outlets(Vec<OutletRow<'static>>),
}

impl Rows {
    /// An empty table of `kind`, or `None` for a kind there is no table of.
    fn of_kind(kind: &str) -> Option<Self> {
        match kind {
            "articles" => Some(Rows::Articles(Vec::new())),
            "citations" => Some(Rows::Citations(Vec::new())),
            "outlets" => Some(Rows::Outlets(Vec::new())),
            _ => None,
        }
    }

    /// Adds `article`'s rows.
    fn add(&mut self, article: &Article<'_>, origin: &Origin) {
        match self {
            Rows::Articles(rows) => rows.push(article.article_row(origin).into_owned()),
            Rows::Citations(rows) => rows.extend(
                article
                    .citation_rows(origin)
                    .into_iter()
                    .map(CitationRow::into_owned),
            ),
            Rows::Outlets(rows) => rows.extend(
                article
                    .outlet_rows(origin)
                    .into_iter()
                    .map(OutletRow::into_owned),
            ),
        }
    }

    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        match self {
            Rows::Articles(rows) => rows
                .iter()
                .try_for_each(|r| list.append(convert::to_python(py, r)?))?,
            Rows::Citations(rows) => rows
                .iter()
                .try_for_each(|r| list.append(convert::to_python(py, r)?))?,
            Rows::Outlets(rows) => rows
                .iter()
                .try_for_each(|r| list.append(convert::to_python(py, r)?))?,
        }
        Ok(list)
    }
}

/// Why a table could not be made.
enum TableError {
    /// A file or directory that could not be read.
    Io(std::io::Error),
    /// A file whose bytes are not text.
    NotText(PathBuf),
    /// An article that failed to parse, and its file.
    Parse(String, bulletin::ParseError),
}

/// The paths argument: one path (a ``str`` or ``os.PathLike``) or a list
/// of them.
fn paths_arg(paths: &Bound<'_, PyAny>) -> PyResult<Vec<PathBuf>> {
    if let Ok(one) = paths.extract::<PathBuf>() {
        return Ok(vec![one]);
    }
    paths.extract::<Vec<PathBuf>>().map_err(|_| {
        let kind = paths
            .get_type()
            .name()
            .map_or_else(|_| "?".to_string(), |n| n.to_string());
        PyTypeError::new_err(format!(
            "table() takes a path or a list of paths (str or os.PathLike), not {kind}"
        ))
    })
}

/// The rows of ``bulletin table KIND PATH...`` as a list of dicts, one per
/// row, keys in the order of the table's columns (``kind`` is
/// ``"articles"``, ``"citations"`` or ``"outlets"``).
///
/// ``paths`` is a file, a directory (every ``*.txt`` file under it,
/// recursively, in name order) or a list of them; every article of every
/// file gives its rows, with ``path`` and ``index`` (its position in the
/// file). Files are read as the command line reads them: UTF-8, UTF-16
/// after a byte-order mark, else Windows-1252. A missing path raises
/// ``FileNotFoundError``; a file with an article that does not parse raises
/// ``ParseError`` naming the file (``lenient=True`` keeps header-less pages).
/// Dates are ISO strings, missing values ``None``: ``pandas.DataFrame(rows)``
/// takes the list as it is. The GIL is released while reading and parsing.
///
/// >>> import bulletin, pathlib, tempfile
/// >>> folder = pathlib.Path(tempfile.mkdtemp())
/// >>> _ = (folder / "v06-i041.txt").write_text(
/// ...     "Publication: Monitor Volume: 6 Issue: 41\n\n"
/// ...     "Talks resumed (Itar-Tass, Interfax, February 27-28; see the Monitor, February 18).\n")
/// >>> rows = bulletin.table("citations", folder)
/// >>> [(r["kind"], r["canonical_outlets"], r["dates"]) for r in rows]
/// [('source', 'TASS; Interfax', '2000-02-27/2000-02-28'), ('see', '', '2000-02-18')]
/// >>> bulletin.table("articles", [folder / "v06-i041.txt"])[0]["issue_date"]
/// '2000-02-28'
#[pyfunction]
#[pyo3(signature = (kind, paths, *, lenient = false))]
fn table<'py>(
    py: Python<'py>,
    kind: &str,
    paths: &Bound<'py, PyAny>,
    lenient: bool,
) -> PyResult<Bound<'py, PyList>> {
    let mut rows = Rows::of_kind(kind).ok_or_else(|| unknown_table(kind))?;
    let paths = paths_arg(paths)?;
    let options = options(lenient);
    let read = py.detach(|| -> Result<(), TableError> {
        for path in files::walk(&paths).map_err(TableError::Io)? {
            let bytes = files::read(&path).map_err(TableError::Io)?;
            let text = files::decode(&bytes).ok_or_else(|| TableError::NotText(path.clone()))?;
            let name = path.to_string_lossy().into_owned();
            let origin = |index| Origin::new(name.clone(), index);
            for (index, article) in options.parse_archive(&text).enumerate() {
                let article = article.map_err(|e| TableError::Parse(name.clone(), e))?;
                rows.add(&article, &origin(index));
            }
        }
        Ok(())
    });
    match read {
        Ok(()) => rows.to_py(py),
        Err(TableError::Io(e)) => Err(e.into()),
        Err(TableError::NotText(path)) => Err(PyValueError::new_err(format!(
            "{}: not text (UTF-16 after a byte-order mark that does not decode)",
            path.display()
        ))),
        Err(TableError::Parse(name, e)) => {
            let err = parse_error(py, &e);
            let value = err.value(py);
            let located = format!("{name}:{}", value.str()?);
            let exc = ParseError::new_err(located);
            for attr in ["line", "column", "offset", "message", "kind"] {
                exc.value(py).setattr(attr, value.getattr(attr)?)?;
            }
            exc.value(py).setattr("path", name)?;
            Err(exc)
        }
    }
}

/// The rows of table ``kind`` of one text (every article in it), as
/// ``table`` gives them for a file: for texts that are not files, such as
/// the records of a Spark job. ``path`` is what the rows' ``path`` column
/// says (a record's id); ``index`` counts the articles of ``text``.
///
/// >>> import bulletin
/// >>> text = ("Publication: Monitor Volume: 6 Issue: 41\n\n"
/// ...         "Talks resumed (Itar-Tass, February 27; see the Monitor, February 18).\n")
/// >>> [(r["path"], r["kind"], r["first_date"]) for r in bulletin.rows("citations", text, path="rec-7")]
/// [('rec-7', 'source', '2000-02-27'), ('rec-7', 'see', '2000-02-18')]
#[pyfunction]
#[pyo3(signature = (kind, text, path = "-", *, lenient = false))]
fn rows<'py>(
    py: Python<'py>,
    kind: &str,
    text: &Bound<'py, PyAny>,
    path: &str,
    lenient: bool,
) -> PyResult<Bound<'py, PyList>> {
    let mut rows = Rows::of_kind(kind).ok_or_else(|| unknown_table(kind))?;
    let text = text_arg("rows", text)?;
    let options = options(lenient);
    let parsed = py.detach(|| -> Result<(), bulletin::ParseError> {
        for (index, article) in options.parse_archive(&text).enumerate() {
            rows.add(&article?, &Origin::new(path, index));
        }
        Ok(())
    });
    match parsed {
        Ok(()) => rows.to_py(py),
        Err(err) => Err(parse_error(py, &err)),
    }
}

/// The error for a table there is none of.
fn unknown_table(kind: &str) -> PyErr {
    PyValueError::new_err(format!(
        "no table {kind:?}: the tables are \"articles\", \"citations\" and \"outlets\""
    ))
}

/// For benchmarks: ``parse_article`` with the dicts built by the
/// ``pythonize`` crate instead of the module's own conversion.
#[pyfunction]
#[pyo3(signature = (text, *, lenient = false))]
fn _parse_article_pythonize<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    lenient: bool,
) -> PyResult<Bound<'py, PyAny>> {
    parse_text(
        py,
        "_parse_article_pythonize",
        text,
        lenient,
        |py, article| pythonize::pythonize(py, article).map_err(PyErr::from),
    )
}

/// For benchmarks: parses every text of ``texts`` ``repeat`` times with the
/// GIL released, building the Rust trees and dropping them but no Python
/// objects. Returns ``(nanoseconds, articles parsed)``, timed in Rust around
/// the parsing only.
#[pyfunction]
#[pyo3(signature = (texts, *, lenient = false, repeat = 1))]
fn _parse_only(py: Python<'_>, texts: Vec<String>, lenient: bool, repeat: usize) -> (u128, usize) {
    let options = options(lenient);
    py.detach(|| {
        let start = std::time::Instant::now();
        let mut parsed = 0;
        for _ in 0..repeat {
            for text in &texts {
                parsed += usize::from(std::hint::black_box(options.parse(text)).is_ok());
            }
        }
        (start.elapsed().as_nanos(), parsed)
    })
}

/// The native part of the ``bulletin`` package; import ``bulletin`` instead.
#[pymodule]
fn _bulletin(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("ParseError", m.py().get_type::<ParseError>())?;
    m.add_function(wrap_pyfunction!(parse_article, m)?)?;
    m.add_function(wrap_pyfunction!(parse_archive, m)?)?;
    m.add_function(wrap_pyfunction!(table, m)?)?;
    m.add_function(wrap_pyfunction!(rows, m)?)?;
    m.add_function(wrap_pyfunction!(_parse_only, m)?)?;
    m.add_function(wrap_pyfunction!(_parse_article_pythonize, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
