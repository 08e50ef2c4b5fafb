//! The boilerplate footer: publication statement, staff, contacts, rights.

use std::borrow::Cow;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::own;
use crate::Span;

/// The boilerplate at the end of an article, with its parts parsed.
///
/// Every part is optional because the wording changed over the years; the
/// full text is kept in [`Footer::text`] so nothing is lost.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Footer<'a> {
    /// The publication named in `The Monitor is a publication of ...`.
    pub publication: Option<Cow<'a, str>>,
    /// The publisher named there (`the Jamestown Foundation`).
    pub publisher: Option<Cow<'a, str>>,
    /// The editorial staff by role, in order.
    #[cfg_attr(feature = "serde", serde(default))]
    pub staff: Vec<Staff<'a>>,
    /// Contact details.
    #[cfg_attr(feature = "serde", serde(default))]
    pub contact: Contact<'a>,
    /// The copyright line.
    pub copyright: Option<Copyright<'a>>,
    /// The rights notice (`Unauthorized reproduction ... prohibited by law.`).
    pub notice: Option<Cow<'a, str>>,
    /// Site credits (`Site Maintenance by ...`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub credits: Vec<Cow<'a, str>>,
    /// The whole footer as written.
    #[cfg_attr(feature = "serde", serde(default))]
    pub text: Cow<'a, str>,
    /// Where the footer lies in the input.
    #[cfg_attr(feature = "serde", serde(default))]
    pub span: Span,
}

/// Staff members sharing a role: `senior analysts A, B, C`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Staff<'a> {
    /// The role as written (`senior analysts`, `analysts`, `editor`).
    pub role: Cow<'a, str>,
    /// The names, in order.
    pub names: Vec<Cow<'a, str>>,
}

/// How to reach the publisher. Each part is `None` when absent or left empty
/// (`by e-mail at, by fax at ...`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Contact<'a> {
    /// E-mail address.
    pub email: Option<Cow<'a, str>>,
    /// Telephone number.
    pub phone: Option<Cow<'a, str>>,
    /// Fax number.
    pub fax: Option<Cow<'a, str>>,
    /// Postal address.
    pub address: Option<Cow<'a, str>>,
}

/// `Copyright (c) 1983-2002 The Jamestown Foundation`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Copyright<'a> {
    /// First year (the only year when one is given).
    pub from: i32,
    /// Last year (equal to `from` when one year is given).
    pub to: i32,
    /// Who holds it.
    pub holder: Option<Cow<'a, str>>,
}

impl Footer<'_> {
    /// Converts to an owned `'static` value.
    pub fn into_owned(self) -> Footer<'static> {
        Footer {
            publication: self.publication.map(own),
            publisher: self.publisher.map(own),
            staff: self.staff.into_iter().map(Staff::into_owned).collect(),
            contact: self.contact.into_owned(),
            copyright: self.copyright.map(Copyright::into_owned),
            notice: self.notice.map(own),
            credits: self.credits.into_iter().map(own).collect(),
            text: own(self.text),
            span: self.span,
        }
    }
}

impl Staff<'_> {
    /// Converts to an owned `'static` value.
    pub fn into_owned(self) -> Staff<'static> {
        Staff {
            role: own(self.role),
            names: self.names.into_iter().map(own).collect(),
        }
    }
}

impl Contact<'_> {
    /// Converts to an owned `'static` value.
    pub fn into_owned(self) -> Contact<'static> {
        Contact {
            email: self.email.map(own),
            phone: self.phone.map(own),
            fax: self.fax.map(own),
            address: self.address.map(own),
        }
    }
}

impl Copyright<'_> {
    /// Converts to an owned `'static` value.
    pub fn into_owned(self) -> Copyright<'static> {
        Copyright {
            from: self.from,
            to: self.to,
            holder: self.holder.map(own),
        }
    }
}
