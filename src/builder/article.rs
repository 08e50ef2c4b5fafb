//! The article, checked by reading its rendering back.

use std::borrow::Cow;

use crate::ast::{Article, Block, CitedDate, Footer, Header, Line, Note};
use crate::options::ParseOptions;
use crate::resolve::DateContext;
use crate::visit::VisitMut;

use super::citation::check_note_number;
use super::{
    BuildError, FooterBuilder, HeaderBuilder, IntoCitation, ParagraphBuilder, Result, one_line,
};

impl Article<'static> {
    /// Builds an article; see the [`builder`](crate::builder) module.
    pub fn builder() -> ArticleBuilder {
        ArticleBuilder::default()
    }
}

/// Builds an [`Article`]; start with [`Article::builder`].
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct ArticleBuilder {
    title: Option<String>,
    header: Option<Result<Header<'static>>>,
    headerless: bool,
    chrome: Vec<String>,
    captions: Vec<String>,
    body: Vec<Result<Block<'static>>>,
    notes: Vec<Result<Note<'static>>>,
    footer: Option<Result<Footer<'static>>>,
    next_headline: Option<String>,
}

impl ArticleBuilder {
    /// The title line before the header, as written (`TALKS RESUME AT
    /// LAST.`).
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// The header: a [`HeaderBuilder`] or a built [`Header`].
    pub fn header(mut self, header: impl Into<HeaderSource>) -> Self {
        self.header = Some(match header.into() {
            HeaderSource::Builder(b) => b.build(),
            HeaderSource::Built(h) => Ok(h),
        });
        self
    }

    /// Builds a header-less page, as [`ParseOptions::lenient`] parses one;
    /// without it, a missing header is [`BuildError::MissingPublication`].
    pub fn without_header(mut self) -> Self {
        self.headerless = true;
        self.header = None;
        self
    }

    /// Adds a line of site chrome before the article (`Placeholder
    /// canvas`).
    pub fn chrome(mut self, line: impl Into<String>) -> Self {
        self.chrome.push(line.into());
        self
    }

    /// Adds a photo caption, `(Source: ...)` or subtitle line between the
    /// header and the body.
    pub fn caption(mut self, line: impl Into<String>) -> Self {
        self.captions.push(line.into());
        self
    }

    /// Adds a paragraph, built by `build` from an empty
    /// [`ParagraphBuilder`].
    pub fn paragraph(mut self, build: impl FnOnce(ParagraphBuilder) -> ParagraphBuilder) -> Self {
        self.body.push(build(ParagraphBuilder::new()).build());
        self
    }

    /// Adds a paragraph of plain text.
    pub fn text(self, text: impl Into<String>) -> Self {
        self.paragraph(|p| p.text(text))
    }

    /// Adds a subhead (`WHAT WE KNOW`).
    pub fn heading(mut self, text: impl Into<String>) -> Self {
        let heading = one_line("heading", &text.into()).map(|text| Block::Heading {
            span: Default::default(),
            text: Cow::Owned(text),
        });
        self.body.push(heading);
        self
    }

    /// Adds a numbered note holding a citation: `1. Itar-Tass, October 31`.
    pub fn note(mut self, number: u32, citation: impl IntoCitation) -> Self {
        let note = check_note_number(number).and_then(|()| {
            let citation = citation.into_citation()?;
            let mut text = String::new();
            // Writing to a String cannot fail.
            let _ = crate::render::write_citation_inside(&mut text, &citation);
            Ok(Note {
                number,
                citation: Some(citation),
                text: Cow::Owned(text),
                span: Default::default(),
            })
        });
        self.notes.push(note);
        self
    }

    /// Adds a numbered note of free text.
    pub fn note_text(mut self, number: u32, text: impl Into<String>) -> Self {
        let note = check_note_number(number)
            .and_then(|()| one_line("note", &text.into()))
            .map(|text| Note {
                number,
                citation: None,
                text: Cow::Owned(text),
                span: Default::default(),
            });
        self.notes.push(note);
        self
    }

    /// The footer: a [`FooterBuilder`] or a built [`Footer`].
    pub fn footer(mut self, footer: impl Into<FooterSource>) -> Self {
        self.footer = Some(match footer.into() {
            FooterSource::Builder(b) => b.build(),
            FooterSource::Built(f) => Ok(f),
        });
        self
    }

    /// The next article's headline, trailing the text.
    pub fn next_headline(mut self, headline: impl Into<String>) -> Self {
        self.next_headline = Some(headline.into());
        self
    }

    /// The article, checked: derived fields filled, rendered and parsed
    /// back (see the [module docs](crate::builder)).
    pub fn build(self) -> Result<Article<'static>> {
        let header = match (self.header, self.headerless) {
            (Some(header), _) => Some(header?),
            (None, true) => None,
            (None, false) => return Err(BuildError::MissingPublication),
        };
        if header.is_none() {
            if self.title.is_some() {
                return Err(BuildError::NeedsHeader("a title"));
            }
            if !self.captions.is_empty() {
                return Err(BuildError::NeedsHeader("a caption"));
            }
            if !self.chrome.is_empty() {
                return Err(BuildError::NeedsHeader("site chrome"));
            }
        }
        let line = |what: &'static str, text: &str| -> Result<Line<'static>> {
            Ok(Line {
                text: Cow::Owned(one_line(what, text)?),
                span: Default::default(),
            })
        };
        let title = self
            .title
            .map(|t| one_line("title", &t).map(Cow::Owned))
            .transpose()?;
        let chrome = self
            .chrome
            .iter()
            .map(|c| line("site chrome", c))
            .collect::<Result<Vec<_>>>()?;
        let captions = self
            .captions
            .iter()
            .map(|c| line("caption", c))
            .collect::<Result<Vec<_>>>()?;
        let body = self.body.into_iter().collect::<Result<Vec<_>>>()?;
        let notes = self.notes.into_iter().collect::<Result<Vec<_>>>()?;
        let footer = self.footer.transpose()?;
        let next_headline = self
            .next_headline
            .map(|h| line("next headline", &h))
            .transpose()?;
        let mut article = Article {
            title,
            header,
            body,
            notes,
            footer,
            captions,
            next_headline,
            chrome,
            diagnostics: Vec::new(),
        };
        resolve_dates(&mut article);
        verify(article)
    }
}

/// A header for [`ArticleBuilder::header`]: a builder or a built header.
#[derive(Debug, Clone)]
pub enum HeaderSource {
    /// To be built.
    Builder(HeaderBuilder),
    /// Already built.
    Built(Header<'static>),
}

impl From<HeaderBuilder> for HeaderSource {
    fn from(b: HeaderBuilder) -> Self {
        HeaderSource::Builder(b)
    }
}

impl From<Header<'_>> for HeaderSource {
    fn from(h: Header<'_>) -> Self {
        HeaderSource::Built(h.into_owned())
    }
}

/// A footer for [`ArticleBuilder::footer`]: a builder or a built footer.
#[derive(Debug, Clone)]
pub enum FooterSource {
    /// To be built.
    Builder(FooterBuilder),
    /// Already built.
    Built(Footer<'static>),
}

impl From<FooterBuilder> for FooterSource {
    fn from(b: FooterBuilder) -> Self {
        FooterSource::Builder(b)
    }
}

impl From<Footer<'_>> for FooterSource {
    fn from(f: Footer<'_>) -> Self {
        FooterSource::Built(f.into_owned())
    }
}

/// Resolves every cited date as the parser does for this header.
fn resolve_dates(article: &mut Article<'static>) {
    /// Resolves each date it visits in one context.
    struct Resolve(DateContext);
    impl VisitMut<'static> for Resolve {
        fn visit_date_mut(&mut self, date: &mut CitedDate<'static>) {
            *date = self.0.resolve(date.clone());
        }
    }
    let options = ParseOptions::default();
    let ctx = options.date_context(article.header.as_ref());
    Resolve(ctx).visit_article_mut(article);
    crate::naming::name_article(article, &options);
    // The issue date, as the parser derives it from what the article cites.
    let latest_cited = crate::chronology::latest_cited(article);
    if let Some(header) = article.header.as_mut() {
        let series = header
            .publication
            .as_deref()
            .and_then(|p| options.year_table().get(p));
        header.issue_date = crate::chronology::issue_date(header, series, latest_cited);
    }
}

/// Renders `article`, parses the rendering back, and checks that every
/// part reads back as built; fills the diagnostics the parse reports.
fn verify(mut article: Article<'static>) -> Result<Article<'static>> {
    let text = article.to_string();
    let options = ParseOptions::new().lenient(article.header.is_none());
    let reparsed = options.parse(&text).map_err(|e| BuildError::Misread {
        part: "article".to_string(),
        expected: text.chars().take(80).collect(),
        found: format!("a parse error: {e}"),
    })?;
    if let Some(error) = first_difference(&article, &reparsed) {
        return Err(error);
    }
    article.diagnostics = reparsed.without_spans().diagnostics.clone();
    Ok(article)
}

fn misread(
    part: impl Into<String>,
    expected: impl Into<String>,
    found: impl Into<String>,
) -> BuildError {
    BuildError::Misread {
        part: part.into(),
        expected: expected.into(),
        found: found.into(),
    }
}

fn describe_block(block: Option<&Block<'_>>) -> String {
    match block {
        Some(Block::Heading { text, .. }) => format!("a heading {text:?}"),
        Some(b @ Block::Paragraph { .. }) => format!("a paragraph {:?}", b.text()),
        None => "nothing (it went elsewhere)".to_string(),
    }
}

/// The first part of `built` that `reparsed` does not hold, block texts
/// compared as wholes (citations inside are the inline grammar's).
fn first_difference(built: &Article<'_>, reparsed: &Article<'_>) -> Option<BuildError> {
    let (b, r) = (built.without_spans(), reparsed.without_spans());
    if b.title != r.title {
        return Some(misread(
            "title",
            b.title.as_deref().unwrap_or(""),
            format!("{:?}", r.title),
        ));
    }
    if b.header != r.header {
        return Some(misread(
            "header",
            b.header.as_ref().map(|h| h.to_string()).unwrap_or_default(),
            format!("{:?}", r.header),
        ));
    }
    let lines = |l: &[Line<'_>]| l.iter().map(|l| l.text.to_string()).collect::<Vec<_>>();
    if b.chrome != r.chrome {
        return Some(misread(
            "site chrome",
            lines(&b.chrome).join(" | "),
            format!("{:?}", lines(&r.chrome)),
        ));
    }
    if b.captions != r.captions {
        return Some(misread(
            "captions",
            lines(&b.captions).join(" | "),
            format!("captions {:?}", lines(&r.captions)),
        ));
    }
    let count = b.body.len().max(r.body.len());
    for i in 0..count {
        let (want, got) = (b.body.get(i), r.body.get(i));
        let same = match (want, got) {
            (Some(Block::Heading { text: x, .. }), Some(Block::Heading { text: y, .. })) => x == y,
            (Some(x @ Block::Paragraph { .. }), Some(y @ Block::Paragraph { .. })) => {
                x.text() == y.text()
            }
            _ => false,
        };
        if !same {
            let expected = want.map(|w| w.text().into_owned()).unwrap_or_default();
            return Some(misread(
                format!("block {}", i + 1),
                expected,
                describe_block(got),
            ));
        }
    }
    let notes = |a: &Article<'_>| {
        a.notes
            .iter()
            .map(|n| (n.number, n.text.to_string()))
            .collect::<Vec<_>>()
    };
    if notes(&b) != notes(&r) {
        return Some(misread(
            "notes",
            format!("{:?}", notes(&b)),
            format!("notes {:?}", notes(&r)),
        ));
    }
    if b.footer != r.footer {
        return Some(misread(
            "footer",
            b.footer
                .as_ref()
                .map(|f| f.text.to_string())
                .unwrap_or_default(),
            format!("{:?}", r.footer.as_ref().map(|f| f.text.to_string())),
        ));
    }
    if b.next_headline != r.next_headline {
        return Some(misread(
            "next headline",
            b.next_headline
                .as_ref()
                .map(|l| l.text.to_string())
                .unwrap_or_default(),
            format!("{:?}", r.next_headline.as_ref().map(|l| l.text.to_string())),
        ));
    }
    None
}
