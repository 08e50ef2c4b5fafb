//! The header: publication, volume, issue, authors, date.

use std::borrow::Cow;

use time::Date;

use crate::ast::Header;
use crate::options::ParseOptions;
use crate::vocab::header::{ISSUE, VOLUME};

use super::{BuildError, Result, one_line, unwritable};

impl Header<'static> {
    /// Builds the header of `publication`.
    ///
    /// ```
    /// use bulletin::Header;
    /// let h = Header::builder("Eurasia Daily Monitor").volume(3).issue(148)
    ///     .author("Anna Kovacs").build()?;
    /// assert_eq!(h.year, Some(2006));
    /// assert_eq!(h.to_string(), "Publication: Eurasia Daily Monitor Volume: 3 Issue: 148");
    /// assert_eq!(Header::builder("Monitor").issue(0).build(), Err(bulletin::BuildError::ZeroIssue));
    /// # Ok::<(), bulletin::BuildError>(())
    /// ```
    pub fn builder(publication: impl Into<String>) -> HeaderBuilder {
        HeaderBuilder {
            publication: Some(publication.into()),
            volume: None,
            issue: None,
            authors: Vec::new(),
            date: None,
        }
    }
}

impl Header<'static> {
    /// Builds a header that names no publication but states the issue's
    /// date: a page that states its own date (a repost), or, with
    /// [`volume`](HeaderBuilder::volume) and [`issue`](HeaderBuilder::issue),
    /// a PDF masthead.
    ///
    /// ```
    /// use bulletin::Header;
    /// use time::macros::date;
    /// let h = Header::dated(date!(2015 - 04 - 02)).volume(12).issue(7).build()?;
    /// assert_eq!((h.publication, h.year), (None, Some(2015)));
    /// # Ok::<(), bulletin::BuildError>(())
    /// ```
    pub fn dated(date: Date) -> HeaderBuilder {
        HeaderBuilder {
            publication: None,
            volume: None,
            issue: None,
            authors: Vec::new(),
            date: Some(date),
        }
    }
}

/// Builds a [`Header`]; start with [`Header::builder`] or [`Header::dated`].
#[derive(Debug, Clone)]
#[must_use]
pub struct HeaderBuilder {
    publication: Option<String>,
    volume: Option<u32>,
    issue: Option<u32>,
    authors: Vec<String>,
    date: Option<Date>,
}

impl HeaderBuilder {
    /// The volume number (from 1).
    pub fn volume(mut self, volume: u32) -> Self {
        self.volume = Some(volume);
        self
    }

    /// The issue number (from 1).
    pub fn issue(mut self, issue: u32) -> Self {
        self.issue = Some(issue);
        self
    }

    /// Adds an author to the byline.
    pub fn author(mut self, name: impl Into<String>) -> Self {
        self.authors.push(name.into());
        self
    }

    /// Adds authors to the byline.
    pub fn authors<S: Into<String>>(mut self, names: impl IntoIterator<Item = S>) -> Self {
        self.authors.extend(names.into_iter().map(Into::into));
        self
    }

    /// The issue's date, stated in the header (the layout of copies
    /// rewritten by other sites); needs volume and issue.
    pub fn date(mut self, date: Date) -> Self {
        self.date = Some(date);
        self
    }

    /// The header, checked, with its year from the default
    /// [`YearTable`](crate::YearTable) (or from its date).
    pub fn build(self) -> Result<Header<'static>> {
        let publication = match &self.publication {
            Some(name) => Some(checked_publication(name)?),
            None => None,
        };
        if self.volume == Some(0) {
            return Err(BuildError::ZeroVolume);
        }
        if self.issue == Some(0) {
            return Err(BuildError::ZeroIssue);
        }
        // A layout must state the date: glued to the issue number after a
        // publication, in a masthead with volume and issue, or on a line of
        // its own without either.
        let stateable = match (&publication, self.volume, self.issue) {
            (Some(_), _, issue) => self.date.is_none() || issue.is_some(),
            (None, volume, issue) => volume.is_some() == issue.is_some(),
        };
        if !stateable {
            return Err(BuildError::DateWithoutVolumeAndIssue);
        }
        let mut authors = Vec::with_capacity(self.authors.len());
        for name in &self.authors {
            let name = one_line("author", name)?;
            if name.contains(',') || name.contains(" and ") || name.contains(" & ") {
                return Err(unwritable(
                    "author",
                    &name,
                    "`,`, ` and ` or ` & ` would split the name",
                ));
            }
            authors.push(Cow::Owned(name));
        }
        let year = match self.date {
            Some(date) => Some(date.year()),
            None => self.volume.and_then(|v| {
                ParseOptions::default()
                    .year_table()
                    .year_of(publication.as_deref()?, v)
            }),
        };
        Ok(Header {
            publication: publication.map(Cow::Owned),
            volume: self.volume,
            issue: self.issue,
            authors,
            year,
            date: self.date,
            issue_date: None,
            span: Default::default(),
        }
        .with_issue_date())
    }
}

/// A publication's name, trimmed, on one line, holding no keyword that
/// would end it in a `Publication:` line.
fn checked_publication(name: &str) -> Result<String> {
    let publication = name.trim();
    if publication.is_empty() {
        return Err(BuildError::MissingPublication);
    }
    let publication = one_line("publication", publication)?;
    if [VOLUME, ISSUE]
        .iter()
        .any(|k| publication.contains(&format!("{k}:")))
    {
        return Err(unwritable(
            "publication",
            &publication,
            "`Volume:` or `Issue:` would end the name",
        ));
    }
    Ok(publication)
}

impl Header<'static> {
    /// The header with its issue date as a parse derives it from the
    /// header alone (an article's citations may move it later).
    fn with_issue_date(mut self) -> Self {
        let years = ParseOptions::default();
        let series = self
            .publication
            .as_deref()
            .and_then(|p| years.year_table().get(p));
        self.issue_date = crate::chronology::issue_date(&self, series, None);
        self
    }
}
