//! A paragraph's text split into plain text and citations.

use std::borrow::Cow;

use crate::DateContext;
use crate::ast::{Inline, Span};

/// The inlines of the paragraph at `span` of `input`.
pub(crate) fn inlines<'a>(input: &'a str, span: Span, _ctx: &DateContext) -> Vec<Inline<'a>> {
    vec![Inline::Text {
        text: Cow::Borrowed(&input[span.start..span.end]),
        span,
    }]
}
