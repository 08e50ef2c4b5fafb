//! Body blocks and the inlines of a paragraph.

use std::borrow::Cow;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::citation::Citation;
use super::own;
use crate::Span;

/// A block of the article body, in document order.
///
/// Serialized with a `kind` tag: `"paragraph"` or `"heading"`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "lowercase"))]
pub enum Block<'a> {
    /// Running text with its inline citations.
    Paragraph {
        /// Where the paragraph lies in the input.
        #[cfg_attr(feature = "serde", serde(default))]
        span: Span,
        /// Text and citations, in order; concatenated they give the
        /// paragraph's text.
        inlines: Vec<Inline<'a>>,
    },
    /// A subhead inside the body (`WHAT WE KNOW`, `Executive Summary:`).
    Heading {
        /// Where the heading lies in the input.
        #[cfg_attr(feature = "serde", serde(default))]
        span: Span,
        /// The heading as written.
        text: Cow<'a, str>,
    },
}

/// A piece of a paragraph: plain text or a citation.
///
/// Serialized with a `kind` tag: `"text"` or `"citation"`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "lowercase"))]
pub enum Inline<'a> {
    /// Plain text, exactly as in the input.
    Text {
        /// The text.
        text: Cow<'a, str>,
        /// Where it lies in the input.
        #[cfg_attr(feature = "serde", serde(default))]
        span: Span,
    },
    /// A citation: `(Interfax, March 3)`, `(see the Monitor, May 2)`, `[7]`.
    Citation {
        /// The exact input bytes, brackets included.
        raw: Cow<'a, str>,
        /// Where it lies in the input.
        #[cfg_attr(feature = "serde", serde(default))]
        span: Span,
        /// What it cites.
        citation: Citation<'a>,
    },
}

/// A line of text outside the body proper, with its span: a photo caption,
/// a `(Source: ...)` line, site chrome, the next article's headline.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Line<'a> {
    /// The line as written, without its line break.
    pub text: Cow<'a, str>,
    /// Where it lies in the input.
    #[cfg_attr(feature = "serde", serde(default))]
    pub span: Span,
}

impl<'a> Block<'a> {
    /// Where the block lies in the input.
    pub fn span(&self) -> Span {
        match self {
            Block::Paragraph { span, .. } | Block::Heading { span, .. } => *span,
        }
    }

    /// The inlines of a paragraph; empty for a heading.
    pub fn inlines(&self) -> &[Inline<'a>] {
        match self {
            Block::Paragraph { inlines, .. } => inlines,
            Block::Heading { .. } => &[],
        }
    }

    /// The block's text: a heading's text, or a paragraph's inlines joined.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Block::Heading { text, .. } => Cow::Borrowed(text),
            Block::Paragraph { inlines, .. } => match inlines.as_slice() {
                [one] => Cow::Borrowed(one.text()),
                many => Cow::Owned(many.iter().map(Inline::text).collect()),
            },
        }
    }

    /// Converts to an owned `'static` value.
    pub fn into_owned(self) -> Block<'static> {
        match self {
            Block::Paragraph { span, inlines } => Block::Paragraph {
                span,
                inlines: inlines.into_iter().map(Inline::into_owned).collect(),
            },
            Block::Heading { span, text } => Block::Heading {
                span,
                text: own(text),
            },
        }
    }
}

impl<'a> Inline<'a> {
    /// Where the inline lies in the input.
    pub fn span(&self) -> Span {
        match self {
            Inline::Text { span, .. } | Inline::Citation { span, .. } => *span,
        }
    }

    /// The text as written: plain text, or a citation's raw text.
    pub fn text(&self) -> &str {
        match self {
            Inline::Text { text, .. } => text,
            Inline::Citation { raw, .. } => raw,
        }
    }

    /// The citation, if this inline is one.
    pub fn citation(&self) -> Option<&Citation<'a>> {
        match self {
            Inline::Citation { citation, .. } => Some(citation),
            Inline::Text { .. } => None,
        }
    }

    /// Converts to an owned `'static` value.
    pub fn into_owned(self) -> Inline<'static> {
        match self {
            Inline::Text { text, span } => Inline::Text {
                text: own(text),
                span,
            },
            Inline::Citation {
                raw,
                span,
                citation,
            } => Inline::Citation {
                raw: own(raw),
                span,
                citation: citation.into_owned(),
            },
        }
    }
}

impl Line<'_> {
    /// Converts to an owned `'static` value.
    pub fn into_owned(self) -> Line<'static> {
        Line {
            text: own(self.text),
            span: self.span,
        }
    }
}
