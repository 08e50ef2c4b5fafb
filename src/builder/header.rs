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
            publication: publication.into(),
            volume: None,
            issue: None,
            authors: Vec::new(),
            date: None,
        }
    }
}

/// Builds a [`Header`]; start with [`Header::builder`].
#[derive(Debug, Clone)]
#[must_use]
pub struct HeaderBuilder {
    publication: String,
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
        let publication = self.publication.trim().to_string();
        if publication.is_empty() {
            return Err(BuildError::MissingPublication);
        }
        let publication = one_line("publication", &publication)?;
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
        if self.volume == Some(0) {
            return Err(BuildError::ZeroVolume);
        }
        if self.issue == Some(0) {
            return Err(BuildError::ZeroIssue);
        }
        if self.date.is_some() && (self.volume.is_none() || self.issue.is_none()) {
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
                    .year_of(&publication, v)
            }),
        };
        Ok(Header {
            publication: Some(Cow::Owned(publication)),
            volume: self.volume,
            issue: self.issue,
            authors,
            year,
            date: self.date,
            span: Default::default(),
        })
    }
}
