//! Archives: a text holding one article or many, one after another.

use crate::ast::{Article, Header};
use crate::error::ParseError;
use crate::grammar::{self, Boundaries, Segment};
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
    segments: Boundaries<'a>,
    /// The next article's part of the text, found with the current one.
    next: Option<Segment<'a>>,
    /// The header of the last PDF masthead, which the articles under it
    /// inherit.
    masthead: Option<Header<'a>>,
}

impl<'a> Articles<'a> {
    pub(crate) fn new(input: &'a str, options: ParseOptions) -> Self {
        let mut segments = Boundaries::new(input);
        let next = segments.next();
        Articles {
            input,
            options,
            segments,
            next,
            masthead: None,
        }
    }
}

impl<'a> Iterator for Articles<'a> {
    type Item = Result<Article<'a>, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        let Segment { start, end, lines } = self.next.take()?;
        self.next = self.segments.next();
        let inherited = self.masthead.as_ref().filter(|_| start.inherits);
        let parse = |end: usize, lines| {
            grammar::parse_range(self.input, start.at, end, &self.options, inherited, lines)
        };
        let mut article = parse(end, Some(lines));
        // A footer ends its article: blocks after it without a footer cue
        // open the next one (as chrome), and this one is read again without
        // them.
        let footer = article
            .as_ref()
            .ok()
            .and_then(|a| a.footer.as_ref())
            .map(|f| f.span);
        if let (Some(footer), Some(next)) = (footer, self.next.as_mut()) {
            let footer_lines = grammar::Lines::new(self.input, footer.start, footer.end);
            if let Some(cut) = grammar::after_footer(footer_lines) {
                let mut moved: Vec<_> = grammar::Lines::new(self.input, cut, end).collect();
                moved.append(&mut next.lines);
                next.lines = moved;
                next.start.at = cut;
                article = parse(cut, None);
            }
        }
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
