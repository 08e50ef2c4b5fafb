//! Paragraphs: text and citations, in order.

use std::borrow::Cow;

use crate::ast::{Block, Citation, Inline};

use super::{BuildError, IntoCitation, Result};

/// Builds a paragraph: plain text and citations, in order.
///
/// ```
/// use bulletin::{Block, Citation, builder::ParagraphBuilder};
/// let p = ParagraphBuilder::new()
///     .text("The plan doubles the berths.")
///     .citation(Citation::endnote_marker(2))
///     .build()?;
/// assert_eq!(p.to_string(), "The plan doubles the berths.[2]");
/// # Ok::<(), bulletin::BuildError>(())
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct ParagraphBuilder {
    parts: Vec<Part>,
}

#[derive(Debug, Clone)]
enum Part {
    Text(String),
    Citation(Result<Citation<'static>>),
}

impl ParagraphBuilder {
    /// An empty paragraph.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends plain text. Mind the spaces around citations:
    /// `.text("as reported ").citation(c).text(".")`.
    pub fn text(mut self, text: impl Into<String>) -> Self {
        self.parts.push(Part::Text(text.into()));
        self
    }

    /// Appends a citation.
    pub fn citation(mut self, citation: impl IntoCitation) -> Self {
        self.parts.push(Part::Citation(citation.into_citation()));
        self
    }

    /// The paragraph block, checked; adjacent texts are joined and white
    /// space normalised (see the [module docs](crate::builder)).
    pub fn build(self) -> Result<Block<'static>> {
        let mut inlines: Vec<Inline<'static>> = Vec::new();
        for part in self.parts {
            match part {
                Part::Text(text) => {
                    let text = collapse_line_breaks(&text);
                    match inlines.last_mut() {
                        Some(Inline::Text { text: last, .. }) => last.to_mut().push_str(&text),
                        _ => inlines.push(Inline::Text {
                            text: Cow::Owned(text),
                            span: Default::default(),
                        }),
                    }
                }
                Part::Citation(citation) => {
                    let citation = citation?;
                    inlines.push(Inline::Citation {
                        raw: Cow::Owned(citation.to_string()),
                        span: Default::default(),
                        citation,
                    });
                }
            }
        }
        if let Some(Inline::Text { text, .. }) = inlines.first_mut() {
            *text = Cow::Owned(text.trim_start().to_string());
        }
        if let Some(Inline::Text { text, .. }) = inlines.last_mut() {
            *text = Cow::Owned(text.trim_end().to_string());
        }
        inlines.retain(|i| !matches!(i, Inline::Text { text, .. } if text.is_empty()));
        if inlines.is_empty() {
            return Err(BuildError::Empty("paragraph"));
        }
        Ok(Block::Paragraph {
            span: Default::default(),
            inlines,
        })
    }
}

/// Every run of white space that holds a line break becomes one space.
fn collapse_line_breaks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    for c in text.chars() {
        if c.is_whitespace() {
            run.push(c);
            continue;
        }
        flush_run(&mut out, &mut run);
        out.push(c);
    }
    flush_run(&mut out, &mut run);
    out
}

fn flush_run(out: &mut String, run: &mut String) {
    if run.contains(['\n', '\r']) {
        out.push(' ');
    } else {
        out.push_str(run);
    }
    run.clear();
}
