//! Comparing trees spans aside, and citation texts made canonical.

use crate::ast::{Article, Block, Citation, CitedDate, Group, Inline};

use super::{date_texts, write_citation_inside};

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
        let cleared = crate::Span::default();
        if let Some(header) = &mut self.header {
            header.span = cleared;
        }
        for block in &mut self.body {
            match block {
                Block::Heading { span, .. } => *span = cleared,
                Block::Paragraph { span, inlines } => {
                    *span = cleared;
                    for inline in inlines {
                        match inline {
                            Inline::Text { span, .. } | Inline::Citation { span, .. } => {
                                *span = cleared;
                            }
                        }
                    }
                }
            }
        }
        for note in &mut self.notes {
            note.span = cleared;
        }
        if let Some(footer) = &mut self.footer {
            footer.span = cleared;
        }
        let lines = self
            .captions
            .iter_mut()
            .chain(&mut self.chrome)
            .chain(&mut self.next_headline);
        for line in lines {
            line.span = cleared;
        }
        for diagnostic in &mut self.diagnostics {
            diagnostic.span = cleared;
        }
    }
}

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
                        *raw = std::borrow::Cow::Owned(citation.to_string());
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
                note.text = std::borrow::Cow::Owned(text);
            }
        }
    }
}

/// Sets each date's text to what the renderer writes for it in its list.
pub(crate) fn canonicalize_dates(citation: &mut Citation<'_>) {
    fn dates(list: &mut [CitedDate<'_>]) {
        let texts = date_texts(list);
        for (date, text) in list.iter_mut().zip(texts) {
            date.text = std::borrow::Cow::Owned(text);
        }
    }
    if let Citation::Sources { groups } = citation {
        for group in groups {
            match group {
                Group::Source(source) => {
                    let mut next = Some(source);
                    while let Some(source) = next {
                        dates(&mut source.dates);
                        next = source.translated_by.as_deref_mut();
                    }
                }
                Group::See(see) => dates(&mut see.dates),
            }
        }
    }
}
