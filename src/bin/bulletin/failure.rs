//! A failed input or article, reported as `path:line:column: message`.

use std::fmt;

use bulletin::{ErrorKind, ParseError};

/// What to tell a user whose page has no header.
pub const LENIENT_HELP: &str = "pass --lenient to accept pages without a header";

/// Why an input, a record or an article produced no article.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The input, as named on the command line (`-` for standard input).
    pub path: String,
    /// For a JSON Lines record: its line in `path` and its `id`, as JSON.
    pub record: Option<(u64, Option<String>)>,
    /// 1-based line and column (in the text, or in the record's text),
    /// when the problem has a place.
    pub position: Option<(usize, usize)>,
    /// What went wrong.
    pub message: String,
    /// What to do about it, when there is something to say.
    pub help: Option<&'static str>,
}

impl Failure {
    /// A problem with `path` that has no place in a text.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Failure {
            path: path.into(),
            record: None,
            position: None,
            message: message.into(),
            help: None,
        }
    }

    /// A text (or part of one) that did not parse.
    pub fn parse(path: impl Into<String>, error: &ParseError) -> Self {
        Failure {
            position: Some((error.line(), error.column())),
            message: message(error).to_string(),
            help: (error.kind() == ErrorKind::MissingHeader).then_some(LENIENT_HELP),
            ..Failure::new(path, "")
        }
    }
}

/// The library's message, less its advice for library users: the command
/// line gives its own (`--lenient`) as a `help` line.
pub fn message(error: &ParseError) -> &str {
    let message = error.message();
    match message.find("; parse header-less pages leniently") {
        Some(end) if error.kind() == ErrorKind::MissingHeader => {
            message.get(..end).unwrap_or(message)
        }
        _ => message,
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)?;
        match (&self.record, self.position) {
            (None, Some((line, column))) => write!(f, ":{line}:{column}: ")?,
            (None, None) => f.write_str(": ")?,
            (Some((record, id)), Some((line, column))) => {
                write!(f, ":{record}: record ")?;
                if let Some(id) = id {
                    write!(f, "{id} ")?;
                }
                write!(f, "at {line}:{column}: ")?;
            }
            (Some((record, Some(id))), None) => write!(f, ":{record}: record {id}: ")?,
            (Some((record, None)), None) => write!(f, ":{record}: ")?,
        }
        f.write_str(&self.message)
    }
}
