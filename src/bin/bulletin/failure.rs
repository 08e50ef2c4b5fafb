//! A failed input, reported as `path:line:column: message`.

use std::fmt;

use bulletin::{Article, ParseError, ParseOptions};

use crate::inputs::{Input, LoadError};

/// Why an input produced no article.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The input, as named on the command line (`-` for standard input).
    pub path: String,
    /// 1-based line and column, when the problem has a place.
    pub position: Option<(usize, usize)>,
    /// What went wrong.
    pub message: String,
}

impl Failure {
    /// A file that could not be read.
    pub fn load(input: &Input, error: LoadError) -> Self {
        Failure {
            path: input.to_string(),
            position: error.position,
            message: error.message,
        }
    }

    /// A text that did not parse.
    pub fn parse(input: &Input, error: &ParseError) -> Self {
        Failure {
            path: input.to_string(),
            position: Some((error.line(), error.column())),
            message: error.message().to_string(),
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// Loads and parses `input`, then hands the article to `f`.
pub fn with_article<T>(
    input: &Input,
    options: &ParseOptions,
    f: impl FnOnce(&Article<'_>) -> T,
) -> Result<T, Failure> {
    let text = input.load().map_err(|e| Failure::load(input, e))?;
    let article = options
        .parse(&text)
        .map_err(|e| Failure::parse(input, &e))?;
    Ok(f(&article))
}
