//! The native module `bulletin._bulletin`: the Python face of the `bulletin`
//! crate. `bulletin/__init__.py` re-exports what is public.
//!
//! Every entry point follows the same three steps, so a new one (say
//! `parse_archive`) is a few lines:
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

use std::sync::OnceLock;

use bulletin::{Article, ParseOptions};
use pyo3::exceptions::{PyBaseException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyMemoryView, PyString};

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
    // The Rust message names the Rust option; say it as Python does.
    let message = err
        .message()
        .replace("ParseOptions::lenient", "lenient=True");
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
    m.add_function(wrap_pyfunction!(_parse_only, m)?)?;
    m.add_function(wrap_pyfunction!(_parse_article_pythonize, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
