//! Citation texts made canonical: written from their structure.

use std::borrow::Cow;

use crate::ast::{Article, Block, Citation, CitedDate, Inline};
use crate::visit::VisitMut;

use super::{date_texts, write_citation_inside};

impl Article<'_> {
    /// Rewrites every citation's text from its structure: each date's
    /// `text` as the renderer writes it in its list, each citation's `raw`
    /// in the surface forms of the [module docs](crate::render), and the
    /// text of each note that holds a citation. The article then renders
    /// its citations from their structure (`(Interfax,March 3)` becomes
    /// `(Interfax, March 3)`), as built articles do.
    ///
    /// ```
    /// use std::borrow::Cow;
    /// use bulletin::{Article, Citation, Inline, date};
    ///
    /// let mut article = Article::builder()
    ///     .header(bulletin::Header::builder("Monitor").volume(6).issue(41))
    ///     .paragraph(|p| p.text("Talks resumed ").citation(Citation::source(["Interfax"], [date(3, 3)])).text("."))
    ///     .build()?;
    /// // Say a tool left a citation's text in an odd spelling.
    /// if let bulletin::Block::Paragraph { inlines, .. } = &mut article.body[0] {
    ///     if let Inline::Citation { raw, .. } = &mut inlines[1] {
    ///         *raw = Cow::Borrowed("(Interfax,March 3)");
    ///     }
    /// }
    /// assert!(article.to_string().contains("(Interfax,March 3)."));
    /// article.canonicalize_citations();
    /// assert!(article.to_string().contains("(Interfax, March 3)."));
    /// # Ok::<(), bulletin::BuildError>(())
    /// ```
    pub fn canonicalize_citations(&mut self) {
        for block in &mut self.body {
            if let Block::Paragraph { inlines, .. } = block {
                for inline in inlines {
                    if let Inline::Citation { raw, citation, .. } = inline {
                        canonicalize_dates(citation);
                        *raw = Cow::Owned(citation.to_string());
                    }
                }
            }
        }
        for note in &mut self.notes {
            if let Some(citation) = &mut note.citation {
                canonicalize_dates(citation);
                let mut text = String::new();
                // Writing to a String cannot fail.
                let _ = write_citation_inside(&mut text, citation);
                note.text = Cow::Owned(text);
            }
        }
    }
}

/// Sets each date's text to what the renderer writes for it in its list.
pub(crate) fn canonicalize_dates(citation: &mut Citation<'_>) {
    /// Rewrites the text of every date list it visits.
    struct DateTexts;
    impl<'a> VisitMut<'a> for DateTexts {
        fn visit_dates_mut(&mut self, list: &mut Vec<CitedDate<'a>>) {
            let texts = date_texts(list);
            for (date, text) in list.iter_mut().zip(texts) {
                date.text = Cow::Owned(text);
            }
        }
    }
    DateTexts.visit_citation_mut(citation);
}
