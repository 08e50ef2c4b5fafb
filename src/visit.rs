//! One walk over the syntax tree, for every tool that needs to reach the
//! citations, their groups, the `translated by` and `as cited by` clauses
//! nested in them, the dates, or the spans.
//!
//! [`Visit`] walks a tree by reference and [`VisitMut`] by mutable
//! reference. Each method visits one kind of node; its default calls the
//! matching `walk_*` function, which visits the node's children. Override
//! the methods for the nodes you care about, and call the `walk_*`
//! function from an override to keep going below that node.
//!
//! ```
//! use bulletin::CitedDate;
//! use bulletin::visit::Visit;
//!
//! /// The text of every cited date, translation clauses included.
//! #[derive(Default)]
//! struct DateTexts(Vec<String>);
//!
//! impl<'t, 'a> Visit<'t, 'a> for DateTexts {
//!     fn visit_date(&mut self, date: &'t CitedDate<'a>) {
//!         self.0.push(date.text.to_string());
//!     }
//! }
//!
//! let text = "Publication: Monitor Volume: 6 Issue: 41\n\n\
//!             Talks resumed (Prima, May 1, translated by BBC, May 2).\n";
//! let article = bulletin::parse_article(text)?;
//! let mut texts = DateTexts::default();
//! texts.visit_article(&article);
//! assert_eq!(texts.0, ["May 1", "May 2"]);
//! # Ok::<(), bulletin::ParseError>(())
//! ```
//!
//! The order is the order of the text: site chrome, header, captions, body,
//! notes, footer, next headline; then the diagnostics (which only hold
//! spans).

use crate::ast::{
    Article, Block, Citation, CitedDate, CrossReference, Footer, Group, Header, Inline, Line, Note,
    SourceGroup,
};
use crate::error::Diagnostic;
use crate::span::Span;

/// A walk over a tree by shared reference: `'t` is the borrow of the tree,
/// `'a` the lifetime of the text it borrows from. See the [module
/// docs](self).
pub trait Visit<'t, 'a> {
    /// An article: everything in it.
    fn visit_article(&mut self, node: &'t Article<'a>) {
        walk_article(self, node);
    }
    /// The header: its span.
    fn visit_header(&mut self, node: &'t Header<'a>) {
        self.visit_span(&node.span);
    }
    /// A line outside the body (chrome, caption, next headline): its span.
    fn visit_line(&mut self, node: &'t Line<'a>) {
        self.visit_span(&node.span);
    }
    /// A body block: its span and inlines.
    fn visit_block(&mut self, node: &'t Block<'a>) {
        walk_block(self, node);
    }
    /// An inline: its span and, for a citation, the citation.
    fn visit_inline(&mut self, node: &'t Inline<'a>) {
        walk_inline(self, node);
    }
    /// A note: its span and citation.
    fn visit_note(&mut self, node: &'t Note<'a>) {
        walk_note(self, node);
    }
    /// A citation (of the body or of a note): its groups.
    fn visit_citation(&mut self, node: &'t Citation<'a>) {
        walk_citation(self, node);
    }
    /// A group of a `Sources` citation.
    fn visit_group(&mut self, node: &'t Group<'a>) {
        walk_group(self, node);
    }
    /// A source group, or the `translated by` or `as cited by` clause of
    /// one: its dates and its own clauses.
    fn visit_source_group(&mut self, node: &'t SourceGroup<'a>) {
        walk_source_group(self, node);
    }
    /// A cross-reference: its dates.
    fn visit_cross_reference(&mut self, node: &'t CrossReference<'a>) {
        self.visit_dates(&node.dates);
    }
    /// The date list of a group, in order.
    fn visit_dates(&mut self, node: &'t [CitedDate<'a>]) {
        for date in node {
            self.visit_date(date);
        }
    }
    /// One cited date or range.
    fn visit_date(&mut self, _node: &'t CitedDate<'a>) {}
    /// The footer: its span.
    fn visit_footer(&mut self, node: &'t Footer<'a>) {
        self.visit_span(&node.span);
    }
    /// A diagnostic: its span.
    fn visit_diagnostic(&mut self, node: &'t Diagnostic) {
        self.visit_span(&node.span);
    }
    /// Every span of the tree.
    fn visit_span(&mut self, _span: &'t Span) {}
}

/// Visits the parts of `node` in text order.
pub fn walk_article<'t, 'a, V: Visit<'t, 'a> + ?Sized>(v: &mut V, node: &'t Article<'a>) {
    for line in &node.chrome {
        v.visit_line(line);
    }
    if let Some(header) = &node.header {
        v.visit_header(header);
    }
    for line in &node.captions {
        v.visit_line(line);
    }
    for block in &node.body {
        v.visit_block(block);
    }
    for note in &node.notes {
        v.visit_note(note);
    }
    if let Some(footer) = &node.footer {
        v.visit_footer(footer);
    }
    if let Some(line) = &node.next_headline {
        v.visit_line(line);
    }
    for diagnostic in &node.diagnostics {
        v.visit_diagnostic(diagnostic);
    }
}

/// Visits the span of `node` and the inlines of a paragraph.
pub fn walk_block<'t, 'a, V: Visit<'t, 'a> + ?Sized>(v: &mut V, node: &'t Block<'a>) {
    match node {
        Block::Heading { span, .. } => v.visit_span(span),
        Block::Paragraph { span, inlines } => {
            v.visit_span(span);
            for inline in inlines {
                v.visit_inline(inline);
            }
        }
    }
}

/// Visits the span of `node` and its citation.
pub fn walk_inline<'t, 'a, V: Visit<'t, 'a> + ?Sized>(v: &mut V, node: &'t Inline<'a>) {
    match node {
        Inline::Text { span, .. } => v.visit_span(span),
        Inline::Citation { span, citation, .. } => {
            v.visit_span(span);
            v.visit_citation(citation);
        }
    }
}

/// Visits the span of `node` and its citation.
pub fn walk_note<'t, 'a, V: Visit<'t, 'a> + ?Sized>(v: &mut V, node: &'t Note<'a>) {
    v.visit_span(&node.span);
    if let Some(citation) = &node.citation {
        v.visit_citation(citation);
    }
}

/// Visits the groups of a `Sources` citation.
pub fn walk_citation<'t, 'a, V: Visit<'t, 'a> + ?Sized>(v: &mut V, node: &'t Citation<'a>) {
    if let Citation::Sources { groups } = node {
        for group in groups {
            v.visit_group(group);
        }
    }
}

/// Visits the source group or cross-reference in `node`.
pub fn walk_group<'t, 'a, V: Visit<'t, 'a> + ?Sized>(v: &mut V, node: &'t Group<'a>) {
    match node {
        Group::Source(source) => v.visit_source_group(source),
        Group::See(see) => v.visit_cross_reference(see),
    }
}

/// Visits the dates of `node`, then its `translated by` clause, then its
/// `as cited by` clause: the order of the text.
pub fn walk_source_group<'t, 'a, V: Visit<'t, 'a> + ?Sized>(v: &mut V, node: &'t SourceGroup<'a>) {
    v.visit_dates(&node.dates);
    if let Some(translator) = &node.translated_by {
        v.visit_source_group(translator);
    }
    if let Some(relay) = &node.cited_by {
        v.visit_source_group(relay);
    }
}

/// A walk over a tree by mutable reference; see [`Visit`] and the [module
/// docs](self).
pub trait VisitMut<'a> {
    /// An article: everything in it.
    fn visit_article_mut(&mut self, node: &mut Article<'a>) {
        walk_article_mut(self, node);
    }
    /// The header: its span.
    fn visit_header_mut(&mut self, node: &mut Header<'a>) {
        self.visit_span_mut(&mut node.span);
    }
    /// A line outside the body (chrome, caption, next headline): its span.
    fn visit_line_mut(&mut self, node: &mut Line<'a>) {
        self.visit_span_mut(&mut node.span);
    }
    /// A body block: its span and inlines.
    fn visit_block_mut(&mut self, node: &mut Block<'a>) {
        walk_block_mut(self, node);
    }
    /// An inline: its span and, for a citation, the citation.
    fn visit_inline_mut(&mut self, node: &mut Inline<'a>) {
        walk_inline_mut(self, node);
    }
    /// A note: its span and citation.
    fn visit_note_mut(&mut self, node: &mut Note<'a>) {
        walk_note_mut(self, node);
    }
    /// A citation (of the body or of a note): its groups.
    fn visit_citation_mut(&mut self, node: &mut Citation<'a>) {
        walk_citation_mut(self, node);
    }
    /// A group of a `Sources` citation.
    fn visit_group_mut(&mut self, node: &mut Group<'a>) {
        walk_group_mut(self, node);
    }
    /// A source group, or the `translated by` or `as cited by` clause of
    /// one.
    fn visit_source_group_mut(&mut self, node: &mut SourceGroup<'a>) {
        walk_source_group_mut(self, node);
    }
    /// A cross-reference: its dates.
    fn visit_cross_reference_mut(&mut self, node: &mut CrossReference<'a>) {
        self.visit_dates_mut(&mut node.dates);
    }
    /// The date list of a group, in order.
    fn visit_dates_mut(&mut self, node: &mut Vec<CitedDate<'a>>) {
        for date in node {
            self.visit_date_mut(date);
        }
    }
    /// One cited date or range.
    fn visit_date_mut(&mut self, _node: &mut CitedDate<'a>) {}
    /// The footer: its span.
    fn visit_footer_mut(&mut self, node: &mut Footer<'a>) {
        self.visit_span_mut(&mut node.span);
    }
    /// A diagnostic: its span.
    fn visit_diagnostic_mut(&mut self, node: &mut Diagnostic) {
        self.visit_span_mut(&mut node.span);
    }
    /// Every span of the tree.
    fn visit_span_mut(&mut self, _span: &mut Span) {}
}

/// Visits the parts of `node` in text order.
pub fn walk_article_mut<'a, V: VisitMut<'a> + ?Sized>(v: &mut V, node: &mut Article<'a>) {
    for line in &mut node.chrome {
        v.visit_line_mut(line);
    }
    if let Some(header) = &mut node.header {
        v.visit_header_mut(header);
    }
    for line in &mut node.captions {
        v.visit_line_mut(line);
    }
    for block in &mut node.body {
        v.visit_block_mut(block);
    }
    for note in &mut node.notes {
        v.visit_note_mut(note);
    }
    if let Some(footer) = &mut node.footer {
        v.visit_footer_mut(footer);
    }
    if let Some(line) = &mut node.next_headline {
        v.visit_line_mut(line);
    }
    for diagnostic in &mut node.diagnostics {
        v.visit_diagnostic_mut(diagnostic);
    }
}

/// Visits the span of `node` and the inlines of a paragraph.
pub fn walk_block_mut<'a, V: VisitMut<'a> + ?Sized>(v: &mut V, node: &mut Block<'a>) {
    match node {
        Block::Heading { span, .. } => v.visit_span_mut(span),
        Block::Paragraph { span, inlines } => {
            v.visit_span_mut(span);
            for inline in inlines {
                v.visit_inline_mut(inline);
            }
        }
    }
}

/// Visits the span of `node` and its citation.
pub fn walk_inline_mut<'a, V: VisitMut<'a> + ?Sized>(v: &mut V, node: &mut Inline<'a>) {
    match node {
        Inline::Text { span, .. } => v.visit_span_mut(span),
        Inline::Citation { span, citation, .. } => {
            v.visit_span_mut(span);
            v.visit_citation_mut(citation);
        }
    }
}

/// Visits the span of `node` and its citation.
pub fn walk_note_mut<'a, V: VisitMut<'a> + ?Sized>(v: &mut V, node: &mut Note<'a>) {
    v.visit_span_mut(&mut node.span);
    if let Some(citation) = &mut node.citation {
        v.visit_citation_mut(citation);
    }
}

/// Visits the groups of a `Sources` citation.
pub fn walk_citation_mut<'a, V: VisitMut<'a> + ?Sized>(v: &mut V, node: &mut Citation<'a>) {
    if let Citation::Sources { groups } = node {
        for group in groups {
            v.visit_group_mut(group);
        }
    }
}

/// Visits the source group or cross-reference in `node`.
pub fn walk_group_mut<'a, V: VisitMut<'a> + ?Sized>(v: &mut V, node: &mut Group<'a>) {
    match node {
        Group::Source(source) => v.visit_source_group_mut(source),
        Group::See(see) => v.visit_cross_reference_mut(see),
    }
}

/// Visits the dates of `node`, then its `translated by` clause, then its
/// `as cited by` clause.
pub fn walk_source_group_mut<'a, V: VisitMut<'a> + ?Sized>(v: &mut V, node: &mut SourceGroup<'a>) {
    v.visit_dates_mut(&mut node.dates);
    if let Some(translator) = &mut node.translated_by {
        v.visit_source_group_mut(translator);
    }
    if let Some(relay) = &mut node.cited_by {
        v.visit_source_group_mut(relay);
    }
}

/// Sets every span of a tree to `0..0`; see
/// [`Article::without_spans`](crate::Article::without_spans).
pub(crate) struct ClearSpans;

impl VisitMut<'_> for ClearSpans {
    fn visit_span_mut(&mut self, span: &mut Span) {
        *span = Span::default();
    }
}
