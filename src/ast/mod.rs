//! The syntax tree: what [`parse_article`](crate::parse_article) returns and
//! what the builders construct.

mod article;
mod block;
mod citation;
mod date;
mod footer;
mod span;

pub use article::{Article, CitationRef, Header, Note};
pub use block::{Block, Inline, Line};
pub use citation::{Citation, CrossReference, Group, MarkerStyle, SourceGroup};
pub use date::{CitedDate, PartialDate};
pub use footer::{Contact, Copyright, Footer, Staff};
pub use span::Span;
