//! Archives: a text holding one article or many, one after another.

use crate::ast::{Article, Header};
use crate::error::ParseError;
use crate::grammar::{self, Boundaries, Start};
use crate::options::ParseOptions;

/// The articles of a text, in order; see [`parse_archive`](crate::parse_archive).
///
/// Each item is one article, or the error that kept a part of the text
/// from being one; every span and error position is an offset into the
/// whole text. The iterator finds where the next article begins as it
/// goes, and holds one article at a time.
#[derive(Debug, Clone)]
pub struct Articles<'a> {
    input: &'a str,
    options: ParseOptions,
    boundaries: Boundaries<'a>,
    /// Where the next article begins; `None` when all were read.
    next_start: Option<Start>,
    /// The header of the last PDF masthead, which the articles under it
    /// inherit.
    masthead: Option<Header<'a>>,
}

impl<'a> Articles<'a> {
    pub(crate) fn new(input: &'a str, options: ParseOptions) -> Self {
        Articles {
            input,
            options,
            boundaries: Boundaries::new(input),
            next_start: Some(Start {
                at: 0,
                inherits: false,
            }),
            masthead: None,
        }
    }
}

impl<'a> Iterator for Articles<'a> {
    type Item = Result<Article<'a>, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        let start = self.next_start?;
        self.next_start = self.boundaries.next();
        let end = self.next_start.map_or(self.input.len(), |next| next.at);
        let inherited = self.masthead.as_ref().filter(|_| start.inherits);
        let article = grammar::parse_range(self.input, start.at, end, &self.options, inherited);
        if !start.inherits {
            // A masthead states volume and issue but no publication.
            self.masthead = article
                .as_ref()
                .ok()
                .and_then(|a| a.header.clone())
                .filter(|h| h.publication.is_none() && h.volume.is_some())
                .map(|mut h| {
                    h.authors.clear();
                    h
                });
        }
        Some(article)
    }
}
