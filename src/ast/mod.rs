//! The syntax tree: what [`parse_article`](crate::parse_article) returns and
//! what the builders construct. Text fields borrow from the input where
//! they appear verbatim (`Cow<'a, str>`); `into_owned()` detaches a tree.

mod article;
mod block;
mod citation;
pub(crate) mod date;
mod footer;

pub use article::{Article, CitationRef, Header, Note};
pub use block::{Block, Inline, Line};
pub use citation::{Citation, CrossReference, Group, MarkerStyle, SourceGroup};
pub use date::{CitedDate, DateSource, IssueDate, PartialDate};
pub use footer::{Contact, Copyright, Footer, Staff};

#[cfg(feature = "serde")]
pub(crate) use date::iso_date;

/// Converts a borrowed `Cow` to an owned `'static` one.
pub(crate) fn own(text: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'static, str> {
    std::borrow::Cow::Owned(text.into_owned())
}
