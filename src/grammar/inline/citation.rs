//! The inside of a parenthetical: source groups, cross-references, URLs,
//! note markers.
//!
//! A parenthetical is a citation only when every `;`-separated group has
//! the shape of one: outlets followed by a date list, a `see ...`
//! cross-reference, or (alone) a URL or a note number. Everything else —
//! acronyms, asides, vote counts, a date on its own — is prose.

use std::borrow::Cow;

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::tag,
    character::complete::{digit1, space0, space1},
    combinator::{opt, recognize},
};

use super::date::date_list;
use crate::ast::{Citation, CitedDate, CrossReference, Group, MarkerStyle, SourceGroup};
use crate::resolve::DateContext;
use crate::text::find;
use crate::vocab::citation::{
    ALSO, CLOSING_QUOTES, HOUSE_PUBLICATIONS, ISSUE_NUMBER, MAX_BARE_TARGET_WORDS, MAX_LEN,
    MAX_NAME_LEN, MAX_NAME_WORDS, MAX_TARGET_LEN, QUOTES, SEE, TOPIC, TRANSLATED_BY,
};
use crate::vocab::{ARTICLE, note, without_article};

/// The dates of `text` read as a whole and resolved against `ctx`.
fn resolved_dates<'a>(text: &'a str, ctx: &DateContext) -> Option<Vec<CitedDate<'a>>> {
    date_list(text).map(|dates| ctx.resolve_all(dates))
}

/// A whole raw citation, brackets included: `(Interfax, March 3)`, `[7]`.
pub(crate) fn parse_bracketed<'a>(raw: &'a str, ctx: &DateContext) -> Option<Citation<'a>> {
    if raw.len() > MAX_LEN {
        return None;
    }
    if let Some(inner) = raw.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        return note_number(inner).map(|number| Citation::NoteMarker {
            number,
            style: MarkerStyle::Bracket,
        });
    }
    let inner = raw.strip_prefix('(')?.strip_suffix(')')?;
    parse_inner(inner, ctx)
}

/// The inside of a parenthetical, brackets stripped.
pub(crate) fn parse_inner<'a>(inner: &'a str, ctx: &DateContext) -> Option<Citation<'a>> {
    if let Some(number) = note_number(inner) {
        return Some(Citation::NoteMarker {
            number,
            style: MarkerStyle::Paren,
        });
    }
    if let Some(url) = url_alone(inner) {
        return Some(Citation::Url {
            url: Cow::Borrowed(url),
        });
    }
    groups(inner, ctx).map(|groups| Citation::Sources { groups })
}

/// A numbered note's text as a citation, when it has the shape of one:
/// `Itar-Tass, October 31`, `Interfax, October 30 and 31.`
pub(crate) fn parse_note<'a>(text: &'a str, ctx: &DateContext) -> Option<Citation<'a>> {
    if text.len() > MAX_LEN {
        return None;
    }
    let text = text.trim();
    let text = text.strip_suffix('.').unwrap_or(text);
    if let Some(url) = url_alone(text) {
        return Some(Citation::Url {
            url: Cow::Borrowed(url),
        });
    }
    groups(text, ctx).map(|groups| Citation::Sources { groups })
}

/// `7` in `(7)` or `[7]`, by the note-number rule.
fn note_number(inner: &str) -> Option<u32> {
    note::number(inner.trim())
}

/// The URL or bare domain that is the whole of `text`, if it is one.
fn url_alone(text: &str) -> Option<&str> {
    let text = text.trim();
    is_url_like(text).then_some(text)
}

/// `https://...`, `www.example.org/...` or `example.ru`: no spaces, and a
/// scheme, a `www.` or a lowercase top-level domain.
pub(crate) fn is_url_like(text: &str) -> bool {
    if text.is_empty() || text.contains(char::is_whitespace) {
        return false;
    }
    if text.starts_with("http://") || text.starts_with("https://") {
        return text.len() > "https://".len();
    }
    let host = text.split('/').next().unwrap_or_default();
    // `www.ru` is a whole domain: after `www.` one label will do.
    let (host, www) = match host.strip_prefix("www.") {
        Some(rest) => (rest, true),
        None => (host, false),
    };
    let (names, tld) = match host.rsplit_once('.') {
        Some((names, tld)) => (Some(names), tld),
        None => (None, host),
    };
    let names_ok = names.map_or(www, |names| {
        names.split('.').all(|l| {
            !l.is_empty()
                && l.chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        })
    });
    names_ok && (2..=6).contains(&tld.len()) && tld.bytes().all(|b| b.is_ascii_lowercase())
}

/// The parts of `text` between top-level `sep`s (outside brackets and
/// parentheses), read lazily: a citation is rejected at its first bad
/// group, and most parentheticals have one group.
fn split_top_level(text: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut depth = 0usize;
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        for (i, b) in text.bytes().enumerate().skip(from) {
            match b {
                b'(' | b'[' => depth += 1,
                b')' | b']' => depth = depth.saturating_sub(1),
                b if b == sep && depth == 0 => {
                    start = Some(i + 1);
                    return text.get(from..i);
                }
                _ => {}
            }
        }
        start = None;
        text.get(from..)
    })
}

/// The `;`-separated groups of `text`; `None` unless every group is one.
fn groups<'a>(text: &'a str, ctx: &DateContext) -> Option<Vec<Group<'a>>> {
    let mut out: Vec<Group<'a>> = Vec::with_capacity(1);
    let mut parts = split_top_level(text, b';').peekable();
    while let Some(part) = parts.next() {
        if part.trim().is_empty() {
            // A stray trailing `;` is tolerated, an empty group elsewhere not.
            if parts.peek().is_none() && !out.is_empty() {
                continue;
            }
            return None;
        }
        let after_see = matches!(out.last(), Some(Group::See(_)));
        out.push(group(part, after_see, ctx)?);
    }
    Some(out)
}

/// One group: a cross-reference or a source attribution.
fn group<'a>(text: &'a str, after_see: bool, ctx: &DateContext) -> Option<Group<'a>> {
    if let Some(see) = cross_reference(text, ctx) {
        return Some(Group::See(see));
    }
    if after_see {
        if let Some(see) = continued_reference(text, ctx) {
            return Some(Group::See(see));
        }
    }
    source_group(text, ctx).map(Group::Source)
}

/// `see `, `See also `, `also see `: the keyword, and the rest.
fn see_keyword(input: &str) -> IResult<&str, &str> {
    let [see, see_capital] = SEE;
    let [also, also_capital] = ALSO;
    alt((
        recognize((
            alt((tag(see), tag(see_capital))),
            opt((space1, tag(also))),
            space1,
        )),
        recognize((
            alt((tag(also), tag(also_capital))),
            space1,
            tag(see),
            space1,
        )),
    ))
    .parse(input)
}

/// `see the Monitor, February 18`, `See also EDM, May 3, 2017`,
/// `On the pipeline see also Monitor, October 23`, `see previous story`.
fn cross_reference<'a>(text: &'a str, ctx: &DateContext) -> Option<CrossReference<'a>> {
    let trimmed = text.trim();
    let (keyword, topic, rest) = match see_keyword(trimmed) {
        Ok((rest, keyword)) => (keyword.trim_end(), None, rest),
        Err(_) => topic_and_keyword(trimmed)?,
    };
    let rest = rest.trim();
    let (target, dates) = match names_and_dates(rest, ctx) {
        Some((target, dates)) => (target.trim().trim_end_matches(',').trim(), dates),
        None => (rest, Vec::new()),
    };
    if !is_target(target) {
        return None;
    }
    if dates.is_empty() && target.split_whitespace().count() > MAX_BARE_TARGET_WORDS {
        return None;
    }
    Some(CrossReference {
        target: Cow::Borrowed(target),
        series: None,
        dates,
        keyword: Some(Cow::Borrowed(keyword)),
        topic: topic.map(Cow::Borrowed),
    })
}

/// `On TOPIC see also REST` or `On TOPIC, see REST`.
fn topic_and_keyword(text: &str) -> Option<(&str, Option<&str>, &str)> {
    let after_on = text.strip_prefix(TOPIC)?;
    let at = find(after_on, " see ")?;
    let topic = after_on[..at].trim().trim_end_matches(',').trim();
    let from_keyword = &after_on[at + 1..];
    let (rest, keyword) = see_keyword(from_keyword).ok()?;
    if topic.is_empty() || topic.split_whitespace().count() > MAX_NAME_WORDS {
        return None;
    }
    Some((keyword.trim_end(), Some(topic), rest))
}

/// A group after a `see` group that names another house publication:
/// the `the Fortnight in Review, July 7` of
/// `see the Monitor, July 12; the Fortnight in Review, July 7`.
fn continued_reference<'a>(text: &'a str, ctx: &DateContext) -> Option<CrossReference<'a>> {
    let (target, dates) = names_and_dates(text.trim(), ctx)?;
    let target = target.trim().trim_end_matches(',').trim();
    let bare = without_article(target);
    HOUSE_PUBLICATIONS
        .iter()
        .any(|p| p.eq_ignore_ascii_case(bare))
        .then_some(CrossReference {
            target: Cow::Borrowed(target),
            series: None,
            dates,
            keyword: None,
            topic: None,
        })
}

/// Splits `text` into the names before a date list and the dates: the
/// date list starts after the first comma from which the rest parses as
/// dates. Returns the text before that comma (comma and a closing quote
/// after it included).
fn names_and_dates<'a>(text: &'a str, ctx: &DateContext) -> Option<(&'a str, Vec<CitedDate<'a>>)> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                let mut cut = i + 1;
                // `"Vesti," May 23`: the closing quote belongs to the name.
                let rest = &text[cut..];
                let quote = rest.len() - rest.trim_start_matches(CLOSING_QUOTES).len();
                cut += quote;
                if let Some(dates) = resolved_dates(&text[cut..], ctx) {
                    return Some((&text[..cut], dates));
                }
            }
            _ => {}
        }
    }
    None
}

/// Outlets then dates, optionally `translated by OUTLET, DATE`:
/// `Itar-Tass, Prime-News, March 3-4`, `, May 11`,
/// `Argumenty i fakty, No. 11, March 1999`.
fn source_group<'a>(text: &'a str, ctx: &DateContext) -> Option<SourceGroup<'a>> {
    let text = text.trim();
    if let Some((main, translator)) = split_translated(text) {
        let mut group = source_group(main, ctx)?;
        let translator = translator.trim();
        let by = source_group(translator, ctx).or_else(|| {
            is_name(translator).then(|| SourceGroup {
                outlets: vec![Cow::Borrowed(translator)],
                ..SourceGroup::default()
            })
        })?;
        group.translated_by = Some(Box::new(by));
        return Some(group);
    }
    if let Some(dates) = text.strip_prefix(',') {
        // A stripped link: `(, May 11)`.
        let dates = resolved_dates(dates, ctx)?;
        return Some(SourceGroup {
            dates,
            ..SourceGroup::default()
        });
    }
    let (names, dates) = names_and_dates(text, ctx)?;
    let mut group = SourceGroup {
        dates,
        ..SourceGroup::default()
    };
    for name in split_outlets(names) {
        if let Some(number) = issue_number(name) {
            group.number = Some(Cow::Borrowed(number));
        } else if is_outlet(name) {
            group.outlets.push(Cow::Borrowed(name));
        } else {
            return None;
        }
    }
    (!group.outlets.is_empty()).then_some(group)
}

/// `Prima, November 21, translated by BBC Monitoring, November 21`: the
/// text before and after `, translated by`.
fn split_translated(text: &str) -> Option<(&str, &str)> {
    let at = find(text, TRANSLATED_BY)?;
    Some((text.get(..at)?, text.get(at + TRANSLATED_BY.len()..)?))
}

/// Outlet names separated by `,` or `&` outside quotes, brackets and
/// parentheses, each trimmed of white space, quotes and trailing commas.
fn split_outlets(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut in_straight_quote = false;
    let mut in_curly_quote = false;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            '"' => in_straight_quote = !in_straight_quote,
            '“' => in_curly_quote = true,
            '”' => in_curly_quote = false,
            ',' | '&' if depth == 0 && !in_straight_quote && !in_curly_quote => {
                push_name(&mut out, &text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    push_name(&mut out, &text[start..]);
    out
}

fn push_name<'a>(names: &mut Vec<&'a str>, name: &'a str) {
    let name = clean_name(name);
    if !name.is_empty() {
        names.push(name);
    }
}

/// A name without surrounding white space, quotes and trailing commas.
fn clean_name(name: &str) -> &str {
    let mut name = name.trim();
    loop {
        let next = name.trim_matches(QUOTES).trim_end_matches(',').trim();
        if next.len() == name.len() {
            return name;
        }
        name = next;
    }
}

/// `No. 11` or `No.11`: the number of an issue of the outlet.
fn issue_number(name: &str) -> Option<&str> {
    fn parser(input: &str) -> IResult<&str, &str> {
        let [no, no_lower, hash] = ISSUE_NUMBER;
        recognize((alt((tag(no), tag(no_lower), tag(hash))), space0, digit1)).parse(input)
    }
    match parser(name) {
        Ok(("", number)) => Some(number),
        _ => None,
    }
}

/// A cross-reference target: `the Monitor`, `previous story`, `below`.
fn is_target(target: &str) -> bool {
    !target.is_empty()
        && target.len() <= MAX_TARGET_LEN
        && target.split_whitespace().count() <= MAX_NAME_WORDS
        && !has_sentence(target)
}

/// Whether `text` holds the end of a sentence: `. ` after a word of more
/// than three characters with a lowercase letter. Initials (`U.S. News`)
/// and `No. 11` are not sentences.
fn has_sentence(text: &str) -> bool {
    let bytes = text.as_bytes();
    // `memchr` for the periods: `match_indices(". ")` sets up a substring
    // searcher on every outlet name.
    memchr::memchr_iter(b'.', bytes).any(|at| {
        if bytes.get(at + 1) != Some(&b' ') {
            return false;
        }
        let word = text
            .get(..at)
            .unwrap_or_default()
            .rsplit(' ')
            .next()
            .unwrap_or_default();
        word.chars().count() > 3 && word.chars().any(char::is_lowercase)
    })
}

/// Has the shape of an outlet: a name or a domain, not prose.
fn is_outlet(name: &str) -> bool {
    // `is_name` takes domains too, up to its length bound.
    is_name(name) || (name.len() > MAX_NAME_LEN && is_url_like(name))
}

/// A proper name: starts with a capital (or `the ` and a capital, a digit,
/// or a non-Latin letter), at most a few words, no sentence inside.
fn is_name(name: &str) -> bool {
    if name.is_empty() || name.len() > MAX_NAME_LEN {
        return false;
    }
    if name.split_whitespace().count() > MAX_NAME_WORDS {
        return false;
    }
    if has_sentence(name) {
        return false;
    }
    if is_url_like(name) {
        return true;
    }
    let first_word = name.strip_prefix(ARTICLE).unwrap_or(name);
    let Some(first) = first_word.chars().next() else {
        return false;
    };
    first.is_uppercase()
        || first.is_ascii_digit()
        || (first.is_alphabetic() && !first.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(inner: &str) -> Option<Citation<'_>> {
        parse_inner(inner, &DateContext::in_year(2000))
    }

    #[test]
    fn sources() {
        for text in [
            "Interfax, March 3",
            "Itar-Tass, Prime-News, March 3-4",
            "Rezonansi, March 2; Interfax, March 3",
            "Focus Central Asia [Almaty], May 29 and 30",
            "Dow Jones Newswires, Eastern Economist Daily (Kyiv), December 23-24",
            "Interfax & Russian TV, \"Vesti,\" May 23",
            "Argumenty i fakty, No. 11, March 1999",
            "Prima, November 21, translated by BBC Monitoring, November 21",
            ", May 11",
            "Kremlin.ru, October 30",
            "www.ru, January 1",
            "see the Monitor, February 18",
            "On the pipeline see also Monitor, October 23",
            "see previous story",
            "https://www.example.org/news/123.html",
            "16",
        ] {
            assert!(parse(text).is_some(), "{text:?}");
        }
    }

    #[test]
    fn prose() {
        for text in [
            "OSCE",
            "KPRF",
            "boots",
            "and Israeli",
            "in theory at least",
            "94 in favor, 253 against",
            "November 27-December 3",
            "the latter is expected to be upgraded to a ministry",
            "The vote is scheduled for March 2002.",
            "1,200",
            "U.S.",
            "e.g.",
        ] {
            assert!(parse(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn outlets_are_cleaned() {
        let Some(Citation::Sources { groups }) = parse("Interfax & Russian TV, \"Vesti,\" May 23")
        else {
            panic!("not a citation");
        };
        let Group::Source(g) = &groups[0] else {
            panic!("not a source");
        };
        assert_eq!(g.outlets, ["Interfax", "Russian TV", "Vesti"]);
    }
}
