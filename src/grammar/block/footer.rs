//! The boilerplate footer, parsed part by part: its wording changed over
//! the years and several parts run together on one line, so each part is
//! found by its own cue rather than by matching one fixed string.

use std::borrow::Cow;

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, tag_no_case},
    character::complete::{char, space0, space1},
    combinator::{opt, recognize},
    sequence::preceded,
};

use std::sync::LazyLock;

use memchr::memmem::Finder;

use crate::ast::{Contact, Copyright, Footer, Staff};
use crate::span::Span;
use crate::text::char_at;
use crate::vocab::footer::{
    ABBREVIATIONS, ADDRESS, ALL_RIGHTS, COPYRIGHT, COPYRIGHT_MARK, COPYRIGHT_SIGN, CREDITS, EMAIL,
    FAX, NOTICE, PHONE, PUBLICATION_OF, STAFF,
};
use crate::vocab::{dash, year};

/// A searcher for each phrase the footer looks for, built once: a dozen
/// searches run over every footer, and setting a searcher up costs more
/// than many a search.
static FINDERS: LazyLock<Vec<(&'static str, Finder<'static>)>> = LazyLock::new(|| {
    let credits = CREDITS.iter().flat_map(|c| [*c, c.trim_end()]);
    [
        PUBLICATION_OF,
        STAFF,
        NOTICE,
        COPYRIGHT,
        ALL_RIGHTS,
        ". ",
        " or ",
    ]
    .into_iter()
    .chain(EMAIL)
    .chain(PHONE)
    .chain(FAX)
    .chain(ADDRESS)
    .chain(credits)
    .map(|phrase| (phrase, Finder::new(phrase)))
    .collect()
});

/// The offset of `phrase` in `text`, by its prebuilt searcher. The
/// phrases are the vocabulary's constants, so a searcher is found by the
/// address of its phrase (a look at a score of pointers, no hashing), by
/// its text only when called with a copy.
fn find(text: &str, phrase: &str) -> Option<usize> {
    let same = |p: &&str| std::ptr::eq(p.as_ptr(), phrase.as_ptr()) && p.len() == phrase.len();
    let finder = FINDERS
        .iter()
        .find(|(p, _)| same(p))
        .or_else(|| FINDERS.iter().find(|(p, _)| *p == phrase))
        .map(|(_, finder)| finder);
    match finder {
        Some(finder) => finder.find(text.as_bytes()),
        None => memchr::memmem::find(text.as_bytes(), phrase.as_bytes()),
    }
}

/// Parses the footer `text`, which lies at `span` of the input. A
/// hard-wrapped footer is read with its line breaks made spaces, so that
/// cues such as `Unauthorized reproduction` match across lines.
pub(crate) fn parse(text: &str, span: Span) -> Footer<'_> {
    let footer = match squash(text) {
        Cow::Borrowed(text) => parts(text),
        Cow::Owned(flat) => parts(&flat).into_owned(),
    };
    Footer {
        text: Cow::Borrowed(text),
        span,
        ..footer
    }
}

/// The parts of a footer whose white space is already single spaces.
fn parts(text: &str) -> Footer<'_> {
    let (publication, publisher) = publication_statement(text).unzip();
    Footer {
        publication: publication.map(lowercase_article),
        publisher: publisher.map(squash),
        staff: staff(text),
        contact: contact(text),
        copyright: copyright(text),
        notice: notice(text).map(squash),
        credits: credits(text).into_iter().map(squash).collect(),
        text: Cow::Borrowed(text),
        span: Span::default(),
    }
}

/// `text` with every run of white space (line breaks of a hard-wrapped
/// footer included) made one space, and none at either end; borrowed when
/// it has no line break, tab, no-break space or double space (rarer white
/// space alone is left as it is).
fn squash(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let clean = memchr::memchr3(b'\n', b'\r', b'\t', bytes).is_none()
        && memchr::memmem::find(bytes, b"  ").is_none()
        && memchr::memmem::find(bytes, "\u{a0}".as_bytes()).is_none();
    if clean {
        return Cow::Borrowed(text);
    }
    // As `split_whitespace` joined with spaces, a run of words at a time:
    // ASCII bytes are told apart by a test each, other characters decoded.
    let mut flat = String::with_capacity(text.len());
    let mut at = 0;
    while at < text.len() {
        let word_start = at;
        while let Some((len, space)) = char_at(text, at) {
            if space {
                break;
            }
            at += len;
        }
        if at > word_start {
            if !flat.is_empty() {
                flat.push(' ');
            }
            flat.push_str(text.get(word_start..at).unwrap_or_default());
        }
        while let Some((len, true)) = char_at(text, at) {
            at += len;
        }
    }
    Cow::Owned(flat)
}

/// The publication's name as it reads mid-sentence: `The Monitor is ...`
/// names "the Monitor" (as the rest of the footer writes it).
fn lowercase_article(name: &str) -> Cow<'_, str> {
    match squash(name) {
        Cow::Borrowed(name) => crate::vocab::article_lowercase(name),
        Cow::Owned(name) => Cow::Owned(crate::vocab::article_lowercase(&name).into_owned()),
    }
}

/// `The Monitor is a publication of the Jamestown Foundation.`
fn publication_statement(text: &str) -> Option<(&str, &str)> {
    let at = find(text, PUBLICATION_OF)?;
    let before = &text[..at];
    let sentence_start = before.rfind(". ").map_or(0, |i| i + 2);
    let publication = before[sentence_start..].trim();
    let after = &text[at + PUBLICATION_OF.len()..];
    let publisher = after[..sentence_end(after)].trim();
    Some((publication, publisher))
}

/// Offset of the end of the sentence starting `text` (the period excluded),
/// or the text's length.
fn sentence_end(text: &str) -> usize {
    let mut from = 0;
    while let Some(i) = find(&text[from..], ". ") {
        let at = from + i;
        let word = text[..at].rsplit([' ', ',']).next().unwrap_or("");
        // Abbreviations in addresses do not end a sentence.
        if !ABBREVIATIONS.contains(&word) {
            return at;
        }
        from = at + 2;
    }
    text.strip_suffix('.').map_or(text.len(), str::len)
}

/// `under the direction of senior analysts A, B, C, and analysts D, E and F.`
fn staff(text: &str) -> Vec<Staff<'_>> {
    let Some(at) = find(text, STAFF) else {
        return Vec::new();
    };
    let list = &text[at + STAFF.len()..];
    let list = &list[..sentence_end(list)];
    let mut staff: Vec<Staff<'_>> = Vec::new();
    for item in list.split(',').flat_map(|p| p.split(" and ")) {
        let item = item.trim();
        let item = item.strip_prefix("and ").unwrap_or(item).trim();
        if item.is_empty() {
            continue;
        }
        // A role is the lowercase words before a name.
        let role_len = item
            .split(' ')
            .take_while(|w| w.chars().next().is_some_and(char::is_lowercase))
            .map(|w| w.len() + 1)
            .sum::<usize>();
        let (role, name) = item.split_at(role_len.min(item.len()));
        let (role, name) = (role.trim(), name.trim());
        if !role.is_empty() {
            staff.push(Staff {
                role: squash(role),
                names: Vec::new(),
            });
        }
        if let (Some(group), false) = (staff.last_mut(), name.is_empty()) {
            group.names.push(squash(name));
        }
    }
    staff
}

/// `by e-mail at X, by fax at Y, or by postal mail at Z.`
fn contact(text: &str) -> Contact<'_> {
    Contact {
        email: field_after(text, &EMAIL),
        phone: field_after(text, &PHONE),
        fax: field_after(text, &FAX),
        address: address(text),
    }
}

/// The value after the first of `cues`, up to a comma, ` or ` or sentence
/// end; `None` when empty (`by e-mail at, by fax ...`).
fn field_after<'a>(text: &'a str, cues: &[&str]) -> Option<Cow<'a, str>> {
    let (at, cue) = cues
        .iter()
        .filter_map(|c| find(text, c).map(|i| (i, c)))
        // The earliest cue, and the longest of those starting there.
        .min_by_key(|(i, c)| (*i, std::cmp::Reverse(c.len())))?;
    let rest = &text[at + cue.len()..];
    let end = [rest.find(','), find(rest, " or "), Some(sentence_end(rest))]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(rest.len());
    let value = rest[..end].trim();
    (!value.is_empty()).then_some(squash(value))
}

fn address(text: &str) -> Option<Cow<'_, str>> {
    let cue = ADDRESS.iter().find_map(|cue| Some((find(text, cue)?, cue)));
    let (at, cue) = cue?;
    let rest = &text[at + cue.len()..];
    let value = rest[..sentence_end(rest)].trim();
    (!value.is_empty()).then_some(squash(value))
}

/// `Unauthorized reproduction or redistribution ... is strictly prohibited
/// by law.`, period included.
fn notice(text: &str) -> Option<&str> {
    let start = find(text, NOTICE)?;
    let rest = &text[start..];
    let end = sentence_end(rest);
    Some(rest[..(end + 1).min(rest.len())].trim())
}

/// `Site Maintenance by Example Web Works`.
fn credits(text: &str) -> Vec<&str> {
    CREDITS
        .iter()
        .filter_map(|cue| {
            let rest = &text[find(text, cue)? + cue.len()..];
            let value = rest[..sentence_end(rest)].trim();
            (!value.is_empty()).then_some(value)
        })
        .collect()
}

/// `Copyright (c) 1983-2002 The Jamestown Foundation`, `© 2005 ...`.
fn copyright(text: &str) -> Option<Copyright<'_>> {
    let at = [find(text, COPYRIGHT), text.find(COPYRIGHT_SIGN)]
        .into_iter()
        .flatten()
        .min()?;
    let (rest, (from, to)) = copyright_years(&text[at..]).ok()?;
    let holder_end = CREDITS
        .iter()
        .filter_map(|c| find(rest, c.trim_end()))
        .chain(
            [find(rest, ALL_RIGHTS), Some(sentence_end(rest))]
                .into_iter()
                .flatten(),
        )
        .min()
        .unwrap_or(rest.len());
    let holder = rest[..holder_end].trim().trim_end_matches('.');
    Some(Copyright {
        from,
        to: to.unwrap_or(from),
        holder: (!holder.is_empty()).then_some(squash(holder)),
    })
}

fn copyright_years(input: &str) -> IResult<&str, (i32, Option<i32>)> {
    let mark = alt((tag_no_case(COPYRIGHT_MARK), recognize(char(COPYRIGHT_SIGN))));
    let (input, _) = alt((
        preceded((tag(COPYRIGHT), space1), opt(mark)).map(|_| ()),
        char(COPYRIGHT_SIGN).map(|_| ()),
    ))
    .parse(input)?;
    let (input, _) = space0.parse(input)?;
    let (input, from) = year::four_digits(input)?;
    let (input, to) =
        opt(preceded((space0, dash::range, space0), year::four_digits)).parse(input)?;
    Ok((input, (from, to)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squash_is_split_whitespace_joined_with_spaces() {
        for text in [
            "a\nb",
            "  lead and trail  ",
            "tab\there\r\nand\u{a0}no-break",
            "\u{2003}em\u{2003}space\u{3000}ideographic  x",
            "Jamestown\u{85}next line\u{0b}vt\n",
            "\n\n",
            "Prétty ünicode\n—words—  here",
        ] {
            let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(squash(text), joined, "{text:?}");
        }
        assert!(matches!(
            squash("one line, single spaces"),
            Cow::Borrowed(_)
        ));
        // Rarer white space alone does not make a text need squashing.
        assert!(matches!(squash("em\u{2003}space"), Cow::Borrowed(_)));
    }

    const FOOTER: &str = "The Weekly Example is a publication of the Example Institute. It is \
        written under the direction of editor Mara Quist, and analysts Tom Ode and Lea Fenn. \
        Contact us by e-mail at desk@example.org, by phone at 555-0100, by fax at 555-0101, \
        or by postal mail at Example Institute, 1 Main St. NW, Springfield 00001. \
        Unauthorized reproduction is prohibited by law. \
        Copyright © 1999-2004 Example Institute Site Maintenance by Web Example";

    #[test]
    fn parses_every_part() {
        let f = parse(FOOTER, Span::new(0, FOOTER.len()));
        assert_eq!(f.publication.as_deref(), Some("the Weekly Example"));
        assert_eq!(f.publisher.as_deref(), Some("the Example Institute"));
        assert_eq!(f.staff.len(), 2);
        assert_eq!(f.staff[0].role, "editor");
        assert_eq!(f.staff[0].names, ["Mara Quist"]);
        assert_eq!(f.staff[1].role, "analysts");
        assert_eq!(f.staff[1].names, ["Tom Ode", "Lea Fenn"]);
        assert_eq!(f.contact.email.as_deref(), Some("desk@example.org"));
        assert_eq!(f.contact.phone.as_deref(), Some("555-0100"));
        assert_eq!(f.contact.fax.as_deref(), Some("555-0101"));
        assert_eq!(
            f.contact.address.as_deref(),
            Some("Example Institute, 1 Main St. NW, Springfield 00001")
        );
        assert_eq!(
            f.notice.as_deref(),
            Some("Unauthorized reproduction is prohibited by law.")
        );
        let c = f.copyright.unwrap();
        assert_eq!(
            (c.from, c.to, c.holder.as_deref()),
            (1999, 2004, Some("Example Institute"))
        );
        assert_eq!(f.credits, ["Web Example"]);
    }

    #[test]
    fn starts() {
        use crate::vocab::footer::starts_footer;
        assert!(starts_footer(
            "The Monitor is a publication of the Jamestown Foundation."
        ));
        assert!(starts_footer("Copyright (c) 2001 Someone"));
        assert!(!starts_footer(
            "The Monitor reported yesterday that talks resumed."
        ));
    }
}
