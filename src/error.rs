//! Errors for input that cannot be parsed, and diagnostics for what a
//! successful parse skipped or repaired.

use std::fmt;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::span::Span;

/// Why an input could not be parsed as an article.
///
/// Reports where (1-based line and column, byte offset) and what was
/// expected. Its `Display` is `line:column: message`.
///
/// ```
/// let err = bulletin::parse_article("Just a sentence.\n").unwrap_err();
/// assert_eq!(err.kind(), bulletin::ErrorKind::MissingHeader);
/// assert_eq!((err.line(), err.column(), err.offset()), (1, 1, 0));
/// assert!(err.to_string().starts_with("1:1: expected a `Publication:` header"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct ParseError {
    kind: ErrorKind,
    line: usize,
    column: usize,
    offset: usize,
    message: String,
}

/// The kind of a [`ParseError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is empty.
    Empty,
    /// The input holds only white space.
    WhitespaceOnly,
    /// No `Publication:` header line was found (see
    /// [`ParseOptions::lenient`](crate::ParseOptions::lenient)).
    MissingHeader,
    /// The header line is there but malformed: no publication name, or a
    /// volume or issue that is not a positive number that fits in `u32`.
    InvalidHeader,
}

impl ParseError {
    /// An error of `kind` at byte `offset` of `input`.
    pub(crate) fn new(
        kind: ErrorKind,
        input: &str,
        offset: usize,
        message: impl Into<String>,
    ) -> Self {
        let (line, column) = line_column(input, offset);
        ParseError {
            kind,
            line,
            column,
            offset,
            message: message.into(),
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// 1-based line of the error.
    pub fn line(&self) -> usize {
        self.line
    }

    /// 1-based column (in characters) of the error.
    pub fn column(&self) -> usize {
        self.column
    }

    /// Byte offset of the error in the input.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// What was expected, without the location.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// 1-based line and column (in characters) of byte `offset` in `input`.
/// An offset inside a character or past the end is clamped.
pub fn line_column(input: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(input.len());
    while !input.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = input.as_bytes().get(..offset).unwrap_or_default();
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let column = input[line_start..offset].chars().count() + 1;
    (line, column)
}

/// Something a successful parse skipped, repaired or doubted.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Diagnostic {
    /// What happened.
    pub kind: DiagnosticKind,
    /// The input it concerns.
    #[cfg_attr(feature = "serde", serde(default))]
    pub span: Span,
    /// A sentence for people.
    pub message: String,
}

/// The kind of a [`Diagnostic`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// Site chrome before the article was skipped.
    SkippedChrome,
    /// No header: the whole text was taken as body (lenient mode).
    MissingHeader,
    /// A header number could not be read and was left out (lenient mode).
    InvalidNumber,
    /// A byte-order mark at the start was skipped.
    ByteOrderMark,
    /// The text ends inside an open parenthesis (a truncated file).
    UnclosedParenthesis,
    /// Text after the header that is neither body nor caption was kept as
    /// body (e.g. a second header line).
    Unexpected,
    /// A notes heading (`NOTES:`) with no numbered note after it; what
    /// followed it, if anything, was not kept.
    EmptyNotes,
    /// The text was decoded from another encoding than UTF-8 (Windows-1252,
    /// Mac Roman, UTF-16) before it was parsed; spans are offsets into the
    /// decoded text. The parser never reports it: a caller that decodes,
    /// such as the `bulletin` command line, adds it.
    Decoded,
}

impl Diagnostic {
    /// A diagnostic of `kind` over `span`.
    pub fn new(kind: DiagnosticKind, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            kind,
            span,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}..{}: {}",
            self.span.start, self.span.end, self.message
        )
    }
}
