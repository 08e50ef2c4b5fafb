//! The footer, its text written from its parts.

use std::borrow::Cow;

use crate::ast::{Contact, Copyright, Footer, Staff};

use super::{BuildError, Result, one_line, unwritable};
use crate::vocab::footer;

impl Footer<'static> {
    /// Builds a footer from its parts; its text is written from them.
    ///
    /// ```
    /// use bulletin::Footer;
    /// let footer = Footer::builder()
    ///     .publication("the Monitor")
    ///     .publisher("the Jamestown Foundation")
    ///     .staff("senior analysts", ["Anna Kovacs", "Piotr Lind"])
    ///     .fax("202-555-0134")
    ///     .copyright(1983, 2001, "The Jamestown Foundation")
    ///     .build()?;
    /// assert_eq!(footer.text, "The Monitor is a publication of the Jamestown Foundation. \
    ///     It is researched and written under the direction of senior analysts Anna Kovacs \
    ///     and Piotr Lind. Contact us by fax at 202-555-0134. \
    ///     Copyright (c) 1983-2001 The Jamestown Foundation");
    /// # Ok::<(), bulletin::BuildError>(())
    /// ```
    pub fn builder() -> FooterBuilder {
        FooterBuilder::default()
    }
}

/// Builds a [`Footer`]; start with [`Footer::builder`].
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct FooterBuilder {
    publication: Option<String>,
    publisher: Option<String>,
    staff: Vec<(String, Vec<String>)>,
    contact: [Option<String>; 4],
    notice: Option<String>,
    copyright: Option<(i32, i32, String)>,
    credits: Vec<String>,
}

/// The contact parts, in the order written, with the cue each is
/// written after (the first the parser knows for it).
const CONTACT_CUES: [(&str, &str); 4] = [
    ("email", footer::EMAIL[0]),
    ("phone", footer::PHONE[0]),
    ("fax", footer::FAX[0]),
    ("address", footer::ADDRESS[0]),
];

impl FooterBuilder {
    /// The publication of the statement `The Monitor is a publication of
    /// ...`, as it reads mid-sentence (`the Monitor`; a leading `The` is
    /// made lowercase, as the parser reports it).
    pub fn publication(mut self, publication: impl Into<String>) -> Self {
        self.publication = Some(publication.into());
        self
    }

    /// The publisher: `the Jamestown Foundation`.
    pub fn publisher(mut self, publisher: impl Into<String>) -> Self {
        self.publisher = Some(publisher.into());
        self
    }

    /// Adds staff members sharing a role (`senior analysts`): the role in
    /// lowercase words, the names capitalised.
    pub fn staff<S: Into<String>>(
        mut self,
        role: impl Into<String>,
        names: impl IntoIterator<Item = S>,
    ) -> Self {
        self.staff
            .push((role.into(), names.into_iter().map(Into::into).collect()));
        self
    }

    /// The e-mail address.
    pub fn email(mut self, email: impl Into<String>) -> Self {
        self.contact[0] = Some(email.into());
        self
    }

    /// The telephone number.
    pub fn phone(mut self, phone: impl Into<String>) -> Self {
        self.contact[1] = Some(phone.into());
        self
    }

    /// The fax number.
    pub fn fax(mut self, fax: impl Into<String>) -> Self {
        self.contact[2] = Some(fax.into());
        self
    }

    /// The postal address.
    pub fn address(mut self, address: impl Into<String>) -> Self {
        self.contact[3] = Some(address.into());
        self
    }

    /// The rights notice; the parser finds it by its opening words
    /// `Unauthorized reproduction`.
    pub fn notice(mut self, notice: impl Into<String>) -> Self {
        self.notice = Some(notice.into());
        self
    }

    /// `Copyright (c) FROM-TO HOLDER` (one year when `from == to`; no holder
    /// when `holder` is empty).
    pub fn copyright(mut self, from: i32, to: i32, holder: impl Into<String>) -> Self {
        self.copyright = Some((from, to, holder.into()));
        self
    }

    /// Adds a site credit (`Site Maintenance by ...`); at most three.
    pub fn credit(mut self, credit: impl Into<String>) -> Self {
        self.credits.push(credit.into());
        self
    }

    /// The footer, its text written from its parts and parsed back to
    /// check that every part reads back as given.
    pub fn build(self) -> Result<Footer<'static>> {
        let expected = self.expected()?;
        let text = footer_text(&expected);
        let parsed = crate::grammar::parse_footer(&text, Default::default()).into_owned();
        check_footer_parts(&expected, &parsed, &text)?;
        Ok(Footer {
            text: Cow::Owned(text),
            ..expected
        })
    }

    /// The footer as given, trimmed and checked, without its text.
    fn expected(self) -> Result<Footer<'static>> {
        let field =
            |what: &'static str, value: Option<String>| -> Result<Option<Cow<'static, str>>> {
                value
                    .map(|v| one_line(what, &v).map(Cow::Owned))
                    .transpose()
            };
        let publication = field("footer publication", self.publication)?
            .map(|p| Cow::Owned(crate::vocab::article_lowercase(&p).into_owned()));
        let publisher = field("footer publisher", self.publisher)?;
        if publication.is_some() != publisher.is_some() {
            return Err(BuildError::Empty(if publication.is_some() {
                "footer publisher (a publication needs one)"
            } else {
                "footer publication (a publisher needs one)"
            }));
        }
        let mut staff = Vec::with_capacity(self.staff.len());
        for (role, names) in self.staff {
            let role = one_line("staff role", &role)?;
            let names = names
                .iter()
                .map(|n| one_line("staff name", n).map(Cow::Owned))
                .collect::<Result<Vec<_>>>()?;
            staff.push(Staff {
                role: Cow::Owned(role),
                names,
            });
        }
        let [email, phone, fax, address] = self.contact;
        let contact = Contact {
            email: field("email", email)?,
            phone: field("phone", phone)?,
            fax: field("fax", fax)?,
            address: field("address", address)?,
        };
        let copyright = match self.copyright {
            Some((from, to, holder)) => {
                if !(1000..=9999).contains(&from) || !(from..=9999).contains(&to) {
                    return Err(BuildError::InvalidCopyright { from, to });
                }
                let holder = holder.trim();
                if holder.contains(['\n', '\r']) {
                    return Err(unwritable(
                        "copyright holder",
                        holder,
                        "it must be one line",
                    ));
                }
                Some(Copyright {
                    from,
                    to,
                    holder: (!holder.is_empty()).then(|| Cow::Owned(holder.to_string())),
                })
            }
            None => None,
        };
        if self.credits.len() > footer::CREDITS.len() {
            return Err(unwritable(
                "credits",
                &self.credits.join(", "),
                "the parser knows at most three credit cues",
            ));
        }
        let credits = self
            .credits
            .iter()
            .map(|c| one_line("credit", c).map(Cow::Owned))
            .collect::<Result<Vec<_>>>()?;
        Ok(Footer {
            publication,
            publisher,
            staff,
            contact,
            copyright,
            notice: field("notice", self.notice)?,
            credits,
            text: Cow::Borrowed(""),
            span: Default::default(),
        })
    }
}

/// The footer's canonical text: the publication statement, staff, contact,
/// notice, copyright and credits, in that order; without a publication
/// statement the notice, copyright and credits come first, as the parser
/// recognises a footer by its opening words.
fn footer_text(footer: &Footer<'_>) -> String {
    let mut opening: Vec<String> = Vec::new();
    let mut middle: Vec<String> = Vec::new();
    let mut closing: Vec<String> = Vec::new();
    if let (Some(publication), Some(publisher)) = (&footer.publication, &footer.publisher) {
        let publication = crate::vocab::article_capitalised(publication);
        opening.push(format!(
            "{publication}{}{publisher}.",
            footer::PUBLICATION_OF
        ));
    }
    if !footer.staff.is_empty() {
        let groups: Vec<String> = footer
            .staff
            .iter()
            .map(|s| {
                let names = crate::render::join_names(s.names.iter().map(|n| n.as_ref()));
                format!("{} {names}", s.role).trim().to_string()
            })
            .collect();
        middle.push(format!(
            "{}{}.",
            footer::STAFF_SENTENCE,
            crate::render::join_names(groups.iter().map(String::as_str))
        ));
    }
    let contact = [
        &footer.contact.email,
        &footer.contact.phone,
        &footer.contact.fax,
        &footer.contact.address,
    ];
    let parts: Vec<String> = contact
        .iter()
        .zip(CONTACT_CUES)
        .filter_map(|(value, (_, cue))| value.as_ref().map(|v| format!("{} {v}", cue.trim_end())))
        .collect();
    if !parts.is_empty() {
        let mut sentence = String::from(footer::CONTACT_SENTENCE);
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                sentence.push_str(if i + 1 == parts.len() { ", or " } else { ", " });
            }
            sentence.push_str(part);
        }
        sentence.push('.');
        middle.push(sentence);
    }
    if let Some(notice) = &footer.notice {
        closing.push(notice.to_string());
    }
    if let Some(c) = &footer.copyright {
        let mut line = format!(
            "{} {} {}",
            footer::COPYRIGHT,
            footer::COPYRIGHT_MARK,
            c.from
        );
        if c.to != c.from {
            line.push_str(&format!("-{}", c.to));
        }
        if let Some(holder) = &c.holder {
            line.push(' ');
            line.push_str(holder);
        }
        closing.push(line);
    }
    for (credit, cue) in footer.credits.iter().zip(footer::CREDITS) {
        closing.push(format!("{cue}{credit}"));
    }
    let order = if opening.is_empty() {
        if !middle.is_empty() {
            // Sentences follow: end the copyright and credits, which read
            // to the end of their sentence.
            for part in &mut closing {
                if !part.ends_with('.') {
                    part.push('.');
                }
            }
        }
        [closing, middle]
    } else {
        opening.extend(middle);
        [opening, closing]
    };
    order.concat().join(" ")
}

/// The first part of `expected` that `parsed` does not hold.
fn check_footer_parts(expected: &Footer<'_>, parsed: &Footer<'_>, text: &str) -> Result<()> {
    let mismatch = |part: &'static str, value: String| BuildError::FooterPart {
        part,
        value,
        text: text.to_string(),
    };
    let show = |v: &Option<Cow<'_, str>>| v.as_deref().unwrap_or("").to_string();
    if !text.is_empty() && !footer::starts_footer(text) {
        return Err(mismatch("opening", text.chars().take(40).collect()));
    }
    if expected.publication != parsed.publication {
        return Err(mismatch("publication", show(&expected.publication)));
    }
    if expected.publisher != parsed.publisher {
        return Err(mismatch("publisher", show(&expected.publisher)));
    }
    if expected.staff != parsed.staff {
        let staff = expected
            .staff
            .iter()
            .map(|s| format!("{} {}", s.role, s.names.join(", ")))
            .collect::<Vec<_>>()
            .join("; ");
        return Err(mismatch("staff", staff));
    }
    let pairs = [
        (&expected.contact.email, &parsed.contact.email),
        (&expected.contact.phone, &parsed.contact.phone),
        (&expected.contact.fax, &parsed.contact.fax),
        (&expected.contact.address, &parsed.contact.address),
    ];
    for ((want, got), (part, _)) in pairs.into_iter().zip(CONTACT_CUES) {
        if want != got {
            return Err(mismatch(part, show(want)));
        }
    }
    if expected.notice != parsed.notice {
        return Err(mismatch("notice", show(&expected.notice)));
    }
    if expected.copyright != parsed.copyright {
        let c = expected.copyright.as_ref();
        return Err(mismatch(
            "copyright",
            c.map(|c| format!("{}-{} {}", c.from, c.to, show(&c.holder)))
                .unwrap_or_default(),
        ));
    }
    if expected.credits != parsed.credits {
        return Err(mismatch("credits", expected.credits.join(", ")));
    }
    Ok(())
}
