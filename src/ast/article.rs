//! The article: header, body, notes, footer.

use std::borrow::Cow;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::block::{Block, Inline, Line};
use super::citation::{Citation, CrossReference, Group};
use super::date::IssueDate;
use super::footer::Footer;
use super::own;
use crate::Span;
use crate::error::Diagnostic;
use crate::visit::VisitMut;

/// One parsed bulletin article.
///
/// Text fields borrow from the input where they appear verbatim; call
/// [`Article::into_owned`] to detach the article from the input.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Article<'a> {
    /// The title line before the header, as written (trailing period kept).
    pub title: Option<Cow<'a, str>>,
    /// The `Publication: ... Volume: ... Issue: ...` header and byline;
    /// `None` only for a header-less article parsed leniently.
    pub header: Option<Header<'a>>,
    /// Body blocks in document order.
    #[cfg_attr(feature = "serde", serde(default))]
    pub body: Vec<Block<'a>>,
    /// Numbered source notes after the body.
    #[cfg_attr(feature = "serde", serde(default))]
    pub notes: Vec<Note<'a>>,
    /// The boilerplate footer.
    pub footer: Option<Footer<'a>>,
    /// Photo captions, `(Source: ...)` and subtitle lines between the header
    /// and the body. Their parentheticals are not citations.
    #[cfg_attr(feature = "serde", serde(default))]
    pub captions: Vec<Line<'a>>,
    /// The following article's headline, when it trails the text.
    #[cfg_attr(feature = "serde", serde(default))]
    pub next_headline: Option<Line<'a>>,
    /// Site chrome skipped before the article (`Placeholder canvas`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub chrome: Vec<Line<'a>>,
    /// What the parser skipped, repaired or doubted, so nothing is dropped
    /// silently.
    #[cfg_attr(feature = "serde", serde(default))]
    pub diagnostics: Vec<Diagnostic>,
}

/// The header line and byline.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Header<'a> {
    /// The publication as written (`Monitor`, `North Caucasus Weekly`);
    /// `None` where the layout names none (a PDF masthead, a repost).
    pub publication: Option<Cow<'a, str>>,
    /// The volume number, when given.
    pub volume: Option<u32>,
    /// The issue number, when given.
    pub issue: Option<u32>,
    /// Authors from the byline; empty when there is none.
    #[cfg_attr(feature = "serde", serde(default))]
    pub authors: Vec<Cow<'a, str>>,
    /// The year of the issue, from the publication's first-volume year
    /// (see [`YearTable`](crate::YearTable)); `None` when unknown.
    pub year: Option<i32>,
    /// The date of the issue, when the header states it (copies rewritten
    /// by other sites: `Tuesday, August 1, 2006 -- Volume 3, Issue 148`).
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            with = "super::date::iso_date",
            skip_serializing_if = "Option::is_none"
        )
    )]
    pub date: Option<time::Date>,
    /// When the issue appeared: the stated date, or an estimate with its
    /// bounds; `None` when neither date nor series and numbers are known.
    #[cfg_attr(feature = "serde", serde(default))]
    pub issue_date: Option<IssueDate>,
    /// Where the header line (and byline, if any) lies in the input.
    #[cfg_attr(feature = "serde", serde(default))]
    pub span: Span,
}

/// A numbered source note: `1. Itar-Tass, October 31`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Note<'a> {
    /// The note's number, which the `(1)` / `[1]` markers refer to.
    pub number: u32,
    /// The note as a citation, when it has the shape of one.
    pub citation: Option<Citation<'a>>,
    /// The note's text after its number.
    #[cfg_attr(feature = "serde", serde(default))]
    pub text: Cow<'a, str>,
    /// Where the note lies in the input.
    #[cfg_attr(feature = "serde", serde(default))]
    pub span: Span,
}

/// A citation found in the body, with where it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CitationRef<'r, 'a> {
    /// Index of the paragraph in [`Article::body`].
    pub block: usize,
    /// The exact text, brackets included.
    pub raw: &'r str,
    /// Where it lies in the input.
    pub span: Span,
    /// What it cites.
    pub citation: &'r Citation<'a>,
}

impl<'a> Article<'a> {
    /// Every citation of the body, in document order.
    pub fn citations(&self) -> impl Iterator<Item = CitationRef<'_, 'a>> {
        self.body.iter().enumerate().flat_map(|(block, b)| {
            b.inlines().iter().filter_map(move |inline| match inline {
                Inline::Citation {
                    raw,
                    span,
                    citation,
                } => Some(CitationRef {
                    block,
                    raw,
                    span: *span,
                    citation,
                }),
                Inline::Text { .. } => None,
            })
        })
    }

    /// Every outlet named in the body's citations and in the notes, in order
    /// (repeats included).
    pub fn outlets(&self) -> impl Iterator<Item = &str> {
        let body = self.citations().map(|c| c.citation);
        let notes = self.notes.iter().filter_map(|n| n.citation.as_ref());
        body.chain(notes)
            .flat_map(|c| c.groups())
            .flat_map(|g| match g {
                Group::Source(s) => s.outlets.as_slice(),
                Group::See(_) => &[],
            })
            .map(|o| o.as_ref())
            .filter(|o| !o.is_empty())
    }

    /// Every cross-reference (`see the Monitor, ...`) in the body, in order.
    pub fn cross_references(&self) -> impl Iterator<Item = &CrossReference<'a>> {
        self.citations()
            .flat_map(|c| c.citation.groups())
            .filter_map(|g| match g {
                Group::See(r) => Some(r),
                Group::Source(_) => None,
            })
    }

    /// The note with `number`, which a `(7)` or `[7]` marker refers to.
    pub fn note(&self, number: u32) -> Option<&Note<'a>> {
        self.notes.iter().find(|n| n.number == number)
    }

    /// The paragraphs of the body (headings left out).
    pub fn paragraphs(&self) -> impl Iterator<Item = &Block<'a>> {
        self.body
            .iter()
            .filter(|b| matches!(b, Block::Paragraph { .. }))
    }

    /// Converts to an owned `'static` value, detached from the input.
    pub fn into_owned(self) -> Article<'static> {
        Article {
            title: self.title.map(own),
            header: self.header.map(Header::into_owned),
            body: self.body.into_iter().map(Block::into_owned).collect(),
            notes: self.notes.into_iter().map(Note::into_owned).collect(),
            footer: self.footer.map(Footer::into_owned),
            captions: self.captions.into_iter().map(Line::into_owned).collect(),
            next_headline: self.next_headline.map(Line::into_owned),
            chrome: self.chrome.into_iter().map(Line::into_owned).collect(),
            diagnostics: self.diagnostics,
        }
    }
}

impl Header<'_> {
    /// Converts to an owned `'static` value.
    pub fn into_owned(self) -> Header<'static> {
        Header {
            publication: self.publication.map(own),
            volume: self.volume,
            issue: self.issue,
            authors: self.authors.into_iter().map(own).collect(),
            year: self.year,
            date: self.date,
            issue_date: self.issue_date,
            span: self.span,
        }
    }
}

impl Note<'_> {
    /// Converts to an owned `'static` value.
    pub fn into_owned(self) -> Note<'static> {
        Note {
            number: self.number,
            citation: self.citation.map(Citation::into_owned),
            text: own(self.text),
            span: self.span,
        }
    }
}

impl<'a> Article<'a> {
    /// The article with every [`Span`](crate::Span) set to the default
    /// (`0..0`): in nodes, notes, lines, the header, the footer and the
    /// diagnostics.
    ///
    /// Spans say where a node lies in the text it was parsed from, so two
    /// trees of the same article from different texts (an input and its
    /// canonical rendering) differ only in their spans. Compare them with
    /// spans aside:
    ///
    /// ```
    /// let input = "Publication: Monitor Volume: 6 Issue: 41\n\n\n\n  Talks resumed.  \n";
    /// let first = bulletin::parse_article(input)?;
    /// let rendered = first.to_string();
    /// assert_eq!(rendered, "Publication: Monitor Volume: 6 Issue: 41\n\nTalks resumed.\n");
    /// let second = bulletin::parse_article(&rendered)?;
    /// assert_ne!(first, second);
    /// assert_eq!(first.without_spans(), second.without_spans());
    /// # Ok::<(), bulletin::ParseError>(())
    /// ```
    pub fn without_spans(&self) -> Article<'a> {
        let mut article = self.clone();
        article.clear_spans();
        article
    }

    /// Sets every span to the default in place; see
    /// [`Article::without_spans`].
    pub fn clear_spans(&mut self) {
        crate::visit::ClearSpans.visit_article_mut(self);
    }
}
