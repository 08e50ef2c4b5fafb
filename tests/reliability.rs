//! Reliability: the bad-input policy of the crate docs (section "Bad
//! input"), case by case, and property tests that feed arbitrary text and
//! mutated bulletins to both parsing modes.
//!
//! What every test here checks on every result: no panic, every span inside
//! the input on character boundaries, every inline's text equal to the input
//! under its span, every error located inside the input, and lenient mode
//! giving the strict result whenever strict parsing succeeds.
//!
//! Citation and date cases only check that nothing panics and the text is
//! kept; what the citation grammar makes of them is tested with it.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use bulletin::{Article, DiagnosticKind, ErrorKind, ParseError, ParseOptions, Span};
use proptest::prelude::*;
use proptest::sample::Index;

const HEADER: &str = "Publication: Monitor Volume: 6 Issue: 41\n\n";

fn strict(input: &str) -> Result<Article<'_>, ParseError> {
    bulletin::parse_article(input)
}

fn lenient(input: &str) -> Result<Article<'_>, ParseError> {
    ParseOptions::new().lenient(true).parse(input)
}

/// Parses `input` in both modes and checks every invariant of the results.
fn both(
    input: &str,
) -> (
    Result<Article<'_>, ParseError>,
    Result<Article<'_>, ParseError>,
) {
    let s = strict(input);
    let l = lenient(input);
    for result in [&s, &l] {
        match result {
            Ok(article) => assert_well_formed(input, article),
            Err(err) => assert_located(input, err),
        }
    }
    if let Ok(article) = &s {
        assert_eq!(
            l.as_ref().ok(),
            Some(article),
            "lenient differs from strict"
        );
    }
    (s, l)
}

/// [`both`], for inputs whose results need no further checks.
fn check(input: &str) {
    let _checked = both(input);
}

/// Every span of `article`, named for messages.
fn spans<'r>(article: &'r Article<'_>) -> Vec<(&'static str, Span, Option<&'r str>)> {
    let mut out = Vec::new();
    if let Some(header) = &article.header {
        out.push(("header", header.span, None));
    }
    for block in &article.body {
        match block {
            bulletin::Block::Heading { span, text } => out.push(("heading", *span, Some(&**text))),
            bulletin::Block::Paragraph { span, inlines } => {
                out.push(("paragraph", *span, None));
                for inline in inlines {
                    out.push(("inline", inline.span(), Some(inline.text())));
                }
            }
        }
    }
    for note in &article.notes {
        out.push(("note", note.span, None));
    }
    if let Some(footer) = &article.footer {
        out.push(("footer", footer.span, Some(&*footer.text)));
    }
    let lines = article
        .captions
        .iter()
        .chain(&article.chrome)
        .chain(&article.next_headline);
    for line in lines {
        out.push(("line", line.span, Some(&*line.text)));
    }
    for diagnostic in &article.diagnostics {
        out.push(("diagnostic", diagnostic.span, None));
    }
    out
}

/// Spans inside the input, on character boundaries; verbatim text equal to
/// the input under its span.
fn assert_well_formed(input: &str, article: &Article<'_>) {
    for (what, span, text) in spans(article) {
        assert!(
            span.start <= span.end && span.end <= input.len(),
            "{what} span {span:?} outside the input of {} bytes",
            input.len()
        );
        assert!(
            input.is_char_boundary(span.start) && input.is_char_boundary(span.end),
            "{what} span {span:?} not on character boundaries"
        );
        if let Some(text) = text {
            assert_eq!(
                span.slice(input),
                Some(text),
                "{what} text differs from its span"
            );
        }
    }
}

/// An error points inside the input, and says where in `line:column:` form.
fn assert_located(input: &str, err: &ParseError) {
    assert!(
        err.offset() <= input.len(),
        "error offset past the end: {err:?}"
    );
    assert_eq!(
        (err.line(), err.column()),
        bulletin::line_column(input, err.offset())
    );
    let prefix = format!("{}:{}: ", err.line(), err.column());
    assert!(err.to_string().starts_with(&prefix), "{err}");
    assert!(!err.message().is_empty());
}

/// True when some body block's text contains `needle`.
fn body_keeps(article: &Article<'_>, needle: &str) -> bool {
    article.body.iter().any(|b| b.text().contains(needle))
}

fn diagnostic_kinds(article: &Article<'_>) -> Vec<DiagnosticKind> {
    article.diagnostics.iter().map(|d| d.kind).collect()
}

// ---------------------------------------------------------------------------
// The policy, case by case.

#[test]
fn an_empty_notes_heading_is_reported_not_dropped() {
    let input = format!(
        "{HEADER}The talks resumed in May.\n\nTHE NEXT ROUND\n\nThe envoys meet again in June.\n\nNOTES:\n"
    );
    let (s, _) = both(&input);
    let article = s.unwrap();
    assert!(article.notes.is_empty());
    assert_eq!(diagnostic_kinds(&article), [DiagnosticKind::EmptyNotes]);
    let span = article.diagnostics[0].span;
    assert_eq!(span.slice(&input), Some("NOTES:"));
    // The canonical rendering keeps the heading, so it reads back the same.
    let rendered = article.to_string();
    assert!(rendered.ends_with("\n\nNotes:\n"), "{rendered}");
    let again = bulletin::parse_article(&rendered).unwrap();
    assert_eq!(diagnostic_kinds(&again), [DiagnosticKind::EmptyNotes]);
}

#[test]
fn a_paragraph_before_an_empty_notes_heading_stays_body_with_its_citations() {
    let input = format!("{HEADER}Talks resumed, officials said (Interfax, May 3).\n\nNOTES:\n");
    let (s, _) = both(&input);
    let article = s.unwrap();
    assert!(article.captions.is_empty(), "{:?}", article.captions);
    assert_eq!(article.body.len(), 1);
    let raw: Vec<&str> = article.citations().map(|c| c.raw).collect();
    assert_eq!(raw, ["(Interfax, May 3)"]);
    assert_eq!(diagnostic_kinds(&article), [DiagnosticKind::EmptyNotes]);
    // Captions before it stay captions: only the last one heads nothing.
    let input =
        format!("{HEADER}President Ilir Duka\n\nTalks resumed (Interfax, May 3)\n\nNOTES:\n");
    let article = strict(&input).unwrap();
    assert_eq!(article.captions.len(), 1);
    assert_eq!(article.citations().count(), 1);
}

#[test]
fn empty_input_is_an_error_in_both_modes() {
    let (s, l) = both("");
    for err in [s.unwrap_err(), l.unwrap_err()] {
        assert_eq!(err.kind(), ErrorKind::Empty);
        assert_eq!((err.line(), err.column(), err.offset()), (1, 1, 0));
    }
}

#[test]
fn white_space_only_is_an_error_in_both_modes() {
    for input in [
        " ",
        "\n\n\n",
        " \t\r\n\r \u{a0}\n",
        "\u{feff}",
        "\u{feff}  \n",
    ] {
        let (s, l) = both(input);
        for err in [s.unwrap_err(), l.unwrap_err()] {
            assert_eq!(err.kind(), ErrorKind::WhitespaceOnly, "{input:?}");
            assert_eq!(err.offset(), input.len(), "points at the end: {input:?}");
        }
    }
}

#[test]
fn no_header_is_an_error_strictly_and_a_header_less_article_leniently() {
    let input = "\n\nKOSOVO:\n\nThe envoy met the minister on May 27 (Interfax, May 27).\n";
    let (s, l) = both(input);
    let err = s.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::MissingHeader);
    assert_eq!((err.line(), err.column()), (3, 1), "at the first text");
    assert!(
        err.message().contains("Publication:"),
        "says what was expected"
    );
    let article = l.unwrap();
    assert!(article.header.is_none());
    assert_eq!(diagnostic_kinds(&article), [DiagnosticKind::MissingHeader]);
    assert!(body_keeps(&article, "KOSOVO:"));
    assert!(body_keeps(&article, "(Interfax, May 27)"));
}

#[test]
fn a_header_alone_is_an_article_without_body() {
    for input in [
        "Publication: Monitor Volume: 6 Issue: 41",
        "Publication: Monitor Volume: 6 Issue: 41\n\n\n",
        "Publication: Monitor\nBy: Anna Kovacs\n",
    ] {
        let (s, _) = both(input);
        let article = s.unwrap();
        assert!(article.header.is_some(), "{input:?}");
        assert!(
            article.body.is_empty() && article.notes.is_empty(),
            "{input:?}"
        );
        assert!(article.diagnostics.is_empty(), "{input:?}");
    }
}

#[test]
fn a_header_without_a_publication_name_is_an_error_in_both_modes() {
    for input in [
        "Publication:",
        "Publication:   Volume: 3 Issue: 4\n\nText.\n",
    ] {
        let (s, l) = both(input);
        for err in [s.unwrap_err(), l.unwrap_err()] {
            assert_eq!(err.kind(), ErrorKind::InvalidHeader, "{input:?}");
            assert!(err.message().contains("publication name"), "{err}");
        }
    }
}

#[test]
fn a_file_cut_off_mid_citation_keeps_the_open_parenthetical() {
    let input = format!("{HEADER}The parliament met on March 3 (Interfax, Febr");
    let (s, _) = both(&input);
    let article = s.unwrap();
    assert!(body_keeps(&article, "(Interfax, Febr"));
    assert!(article.next_headline.is_none());
    // Cut inside a nested parenthetical too.
    let input = format!("{HEADER}Talks (Zavtra (October 4 issue) reported");
    assert!(body_keeps(&both(&input).0.unwrap(), "(October 4 issue)"));
}

#[test]
fn a_file_cut_off_mid_word_keeps_the_fragment_as_body() {
    let input = format!("{HEADER}The parliament met on March 3 and the Russian Depu");
    let (s, _) = both(&input);
    let article = s.unwrap();
    assert!(body_keeps(&article, "the Russian Depu"));
    assert!(article.next_headline.is_none(), "a fragment is no headline");
    // A short capitalised fragment after a paragraph reads like the next
    // article's headline; it is kept either way.
    let input = format!("{HEADER}The parliament met on March 3.\n\nThe Russian Depu");
    let article = both(&input).0.unwrap();
    let headline = article.next_headline.as_ref().map(|l| &*l.text);
    assert!(body_keeps(&article, "The Russian Depu") || headline == Some("The Russian Depu"));
    // Cut inside a multi-byte character: the caller's decoder sees the
    // damage first; a `&str` is always whole characters.
    let cut = String::from_utf8_lossy(&"Yeltsin’s".as_bytes()[..8]).into_owned();
    let input = format!("{HEADER}{cut}");
    assert!(body_keeps(&both(&input).0.unwrap(), "Yeltsin\u{fffd}"));
}

#[test]
fn nul_and_control_characters_are_kept_verbatim() {
    let input = format!("{HEADER}A NUL\0 a bell\x07 an escape\x1b[0m (Interfax,\0 May 3).\n");
    let (s, _) = both(&input);
    let article = s.unwrap();
    assert!(body_keeps(&article, "NUL\0 a bell\x07 an escape\x1b[0m"));
    assert!(body_keeps(&article, "(Interfax,\0 May 3)"));
    // In the header, a control character ends the fields that can be read.
    let input = "Publication: Monitor Volume: 6\0 Issue: 41\n\nText.\n";
    let header = both(input).0.unwrap().header.unwrap();
    assert_eq!(
        (header.publication.as_deref().unwrap(), header.volume),
        ("Monitor", Some(6))
    );
}

#[test]
fn a_byte_order_mark_is_skipped_with_a_diagnostic() {
    let input = format!("\u{feff}{HEADER}Text.\n");
    let (s, _) = both(&input);
    let article = s.unwrap();
    assert_eq!(diagnostic_kinds(&article), [DiagnosticKind::ByteOrderMark]);
    assert_eq!(article.diagnostics[0].span, Span::new(0, 3));
    assert_eq!(
        article.header.unwrap().span.start,
        3,
        "spans count the mark"
    );
    // Marks behind blank lines, or doubled, still open the text.
    let input = format!("\n \u{feff}\u{feff}{HEADER}Text.\n");
    let article = both(&input).0.unwrap();
    assert_eq!(
        diagnostic_kinds(&article),
        [DiagnosticKind::ByteOrderMark, DiagnosticKind::ByteOrderMark]
    );
    assert_eq!(article.diagnostics[1].span, Span::new(5, 8));
    assert_eq!(article.header.unwrap().span.start, 8);
    // A mark elsewhere (files concatenated) is text.
    let input = format!("{HEADER}One.\n\n\u{feff}Two.\n");
    assert!(body_keeps(&both(&input).0.unwrap(), "\u{feff}Two."));
}

#[test]
fn cr_only_and_mixed_line_endings_read_like_lf() {
    let lf = format!("{HEADER}First paragraph here.\n\nSecond paragraph here.\n");
    let texts = |input: &str| -> Vec<String> {
        let article = both(input).0.unwrap();
        article.body.iter().map(|b| b.text().into_owned()).collect()
    };
    let expected = texts(&lf);
    assert_eq!(expected.len(), 2);
    let cr = lf.replace('\n', "\r");
    let crlf = lf.replace('\n', "\r\n");
    let mixed = "Publication: Monitor Volume: 6 Issue: 41\r\n\r\
                 First paragraph here.\n\r\nSecond paragraph here.\r";
    for input in [cr.as_str(), crlf.as_str(), mixed] {
        assert_eq!(texts(input), expected, "{input:?}");
    }
}

#[test]
fn mojibake_is_kept_verbatim() {
    let input = format!("{HEADER}Yeltsin\u{d5}s \u{d2}disaster.\u{d3} was\u{a0}the word.\n");
    let (s, _) = both(&input);
    assert!(body_keeps(
        &s.unwrap(),
        "Yeltsin\u{d5}s \u{d2}disaster.\u{d3} was\u{a0}the word."
    ));
}

#[test]
fn a_ten_megabyte_single_line_is_one_paragraph() {
    let line = "Officials met again (Interfax, May 3) and spoke. ".repeat(10_000_000 / 49);
    let input = format!("{HEADER}{line}");
    let article = strict(&input).unwrap();
    assert_well_formed(&input, &article);
    assert_eq!(article.body.len(), 1);
    assert_eq!(
        article.body[0].span(),
        Span::new(HEADER.len(), input.len() - 1)
    );
    // Without any space, and as a header-less page.
    let input = "x".repeat(10_000_000);
    let article = lenient(&input).unwrap();
    assert_eq!(article.body[0].span(), Span::new(0, input.len()));
}

#[test]
fn a_volume_too_large_is_an_error_strictly_and_left_out_leniently() {
    let input = "Publication: Monitor Volume: 99999999999999999999 Issue: 3\n\nText.\n";
    let (s, l) = both(input);
    let err = s.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidHeader);
    assert_eq!((err.line(), err.column()), (1, 30), "at the digits");
    assert!(err.message().contains("too large"), "{err}");
    let article = l.unwrap();
    let header = article.header.as_ref().unwrap();
    assert_eq!(
        (header.volume, header.issue, header.year),
        (None, Some(3), None)
    );
    assert_eq!(diagnostic_kinds(&article), [DiagnosticKind::InvalidNumber]);
    assert_eq!(
        article.diagnostics[0].span.slice(input),
        Some("99999999999999999999")
    );
}

#[test]
fn issue_zero_and_negative_issues_are_errors_strictly_and_left_out_leniently() {
    for (input, found, expectation) in [
        (
            "Publication: Monitor Volume: 6 Issue: 0\n\nText.\n",
            "0",
            "at least 1",
        ),
        (
            "Publication: Monitor Volume: 6 Issue: -3\n\nText.\n",
            "-",
            "expected a number",
        ),
        (
            "Publication: Monitor Volume: 6 Issue:\n\nText.\n",
            "",
            "expected a number",
        ),
    ] {
        let (s, l) = both(input);
        let err = s.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidHeader, "{input:?}");
        assert!(err.message().contains(expectation), "{err}");
        let article = l.unwrap();
        let header = article.header.as_ref().unwrap();
        assert_eq!((header.volume, header.issue), (Some(6), None), "{input:?}");
        assert_eq!(article.diagnostics[0].kind, DiagnosticKind::InvalidNumber);
        assert_eq!(article.diagnostics[0].span.slice(input), Some(found));
    }
}

/// Fuzz crash (parse_article, first minute): a lenient diagnostic for an
/// unreadable number ended one byte after the number's position, inside a
/// multi-byte character.
#[test]
fn regression_invalid_number_span_ends_on_a_char_boundary() {
    for input in [
        "Publication: Monitor Volume: 6 Issue: \u{d5}\n\nText.\n",
        "Publication: Monitor Volume: \u{feff}Pubblic 12\n\nText.\n",
    ] {
        let article = both(input).1.unwrap();
        assert_eq!(article.diagnostics[0].kind, DiagnosticKind::InvalidNumber);
        let span = article.diagnostics[0].span;
        assert!(span.slice(input).is_some_and(|s| s.chars().count() == 1));
    }
}

/// Property-test failure (`By: ; By:  Volume: \n`, after merging the
/// rewritten-header grammar): a number expected after trailing white space
/// gave a diagnostic span ending before it started.
#[test]
fn regression_invalid_number_span_after_trailing_space_is_empty() {
    for input in [
        "Publication: Monitor Volume: \n\nText.\n",
        "Publication: Monitor Issue:   \r\n\r\nText.\n",
    ] {
        let article = both(input).1.unwrap();
        assert_eq!(article.diagnostics[0].kind, DiagnosticKind::InvalidNumber);
        assert_eq!(article.diagnostics[0].span.slice(input), Some(""));
    }
}

#[test]
fn the_largest_numbers_parse_without_overflow() {
    let input = "Publication: Monitor Volume: 4294967295 Issue: 4294967295\n\nText.\n";
    let header = both(input).0.unwrap().header.unwrap();
    assert_eq!(
        (header.volume, header.issue),
        (Some(u32::MAX), Some(u32::MAX))
    );
    assert_eq!(header.year, None, "no such year");
    let input = "Publication: Monitor Volume: 2147483647 Issue: 65535\n\nText.\n";
    assert_eq!(both(input).0.unwrap().header.unwrap().year, None);
}

/// Resolved dates never roll over (`February 30` is not March 2), and
/// ranges run forwards.
fn assert_dates_sane(article: &Article<'_>) {
    for cite in article.citations() {
        assert!(article.body[cite.block].text().contains(cite.raw));
        for date in cite.citation.groups().iter().flat_map(|g| g.dates()) {
            if let (Some(start), Some(day)) = (date.start, date.from.day) {
                assert_eq!(
                    (u8::from(start.month()), start.day()),
                    (date.from.month, day)
                );
            }
            if let (Some(start), Some(end)) = (date.start, date.end) {
                assert!(start <= end, "{date:?}");
            }
        }
    }
}

#[test]
fn impossible_dates_keep_their_text() {
    let input = format!(
        "{HEADER}The vote was set (Interfax, February 30) and counted \
         (Itar-Tass, September 31-32; Reuters, February 29, 2001; AFP, Month 0)."
    );
    let (s, _) = both(&input);
    let article = s.unwrap();
    for needle in [
        "(Interfax, February 30)",
        "(Itar-Tass, September 31-32; Reuters, February 29, 2001; AFP, Month 0)",
    ] {
        assert!(body_keeps(&article, needle), "{needle}");
    }
    assert_dates_sane(&article);
}

#[test]
fn ten_thousand_outlets_in_one_citation_keep_their_text() {
    let outlets: Vec<String> = (0..10_000).map(|i| format!("Outlet {i}")).collect();
    let citation = format!("({}, May 3)", outlets.join(", "));
    let input = format!("{HEADER}Everyone reported it {citation}.\n");
    let article = both(&input).0.unwrap();
    assert!(body_keeps(&article, &citation));
    assert_dates_sane(&article);
    // Ten thousand date groups as well.
    let groups: Vec<String> = (0..10_000).map(|i| format!("Outlet {i}, May 3")).collect();
    let citation = format!("({})", groups.join("; "));
    let input = format!("{HEADER}Everyone reported it {citation}.\n");
    assert!(body_keeps(&both(&input).0.unwrap(), &citation));
}

#[test]
fn long_parentheticals_of_dates_that_fail_at_the_end_stay_text() {
    // Just under the 1,000-byte bound, every item opening with a month (a
    // comma before a month is where a date list may start), then no date.
    let months = ["May", "June", "July"];
    let mut body = String::new();
    let mut first = None;
    for (i, tail) in [", Rezonansi", " issue", ", the weekly said", " and more"]
        .iter()
        .cycle()
        .take(200)
        .enumerate()
    {
        let mut p = String::from("(Interfax");
        let mut day = 1;
        while p.len() < 960 {
            p.push_str(&format!(", {} {day}", months[(i + day) % 3]));
            day = day % 28 + 1;
        }
        p.push_str(tail);
        p.push(')');
        assert!(p.len() < 1000);
        body.push_str(&format!("Officials said so {p}. "));
        first.get_or_insert(p);
    }
    let input = format!("{HEADER}{body}\n");
    let (strict, _) = both(&input);
    let article = strict.unwrap();
    assert_eq!(article.citations().count(), 0);
    assert!(body_keeps(&article, &first.unwrap()));
}

/// Runs `f` on a thread with a small stack: a parser that recursed once per
/// nesting level would overflow it.
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn parentheses_nested_thousands_deep_do_not_recurse() {
    on_small_stack(|| {
        let depth = 50_000;
        for inner in ["Interfax, May 3", "x", ""] {
            let nested = format!("{}{inner}{}", "(".repeat(depth), ")".repeat(depth));
            let input = format!("{HEADER}Deep {nested} text.\n");
            let (s, _) = both(&input);
            assert!(body_keeps(&s.unwrap(), &nested));
        }
        // Never closed, never opened, and brackets too.
        for run in ["(".repeat(depth), ")".repeat(depth), "[(".repeat(depth)] {
            let input = format!("{HEADER}Deep {run} text.\n");
            assert!(body_keeps(&both(&input).0.unwrap(), &run));
        }
    });
}

/// Found while reviewing the merged grammar for super-linear work: whether
/// a hard-wrapped chunk ended a sentence was asked of the whole growing
/// chunk on every line, and lines ending in `]` made each question scan
/// back through the chunk (quadratic: 0.3 s for 650 KB, about a minute for
/// 10 MB). The `scaling` bench measures it; here it has to finish.
#[test]
fn regression_hard_wrapped_lines_ending_in_brackets_are_linear() {
    let line = "word word word word word word word word]\n";
    let input = format!("{HEADER}First paragraph here.\n\n{}", line.repeat(20_000));
    let article = both(&input).0.unwrap();
    assert_eq!(article.body.len(), 2, "one hard-wrapped paragraph");
}

#[test]
fn many_lines_and_many_headers_parse() {
    // 20,000 short lines, blank lines, and header lines (the scaling bench
    // measures how time grows).
    for unit in [
        "Ab cd\n",
        "\n",
        "\r\n\r\n",
        "Publication: Monitor Volume: 1 Issue: 1\n",
    ] {
        let input = format!("{HEADER}Start.\n{}", unit.repeat(20_000));
        check(&input);
    }
    let notes: String = (1..=50_000)
        .map(|i| format!("{i}. Interfax, May 3\n"))
        .collect();
    check(&format!("{HEADER}Body (1).\n\n{notes}"));
}

// ---------------------------------------------------------------------------
// The fixtures: invented inputs in the shapes of real damage.

/// The fixture folders: this file's `valid` and `invalid`, and the layout
/// fixtures of `tests/layouts.rs`.
const FIXTURE_KINDS: [&str; 3] = ["valid", "invalid", "layouts"];

fn fixture_dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(kind)
}

/// The `.txt` files of `dir`, sorted, as (name, text).
fn texts_in(dir: &Path) -> Vec<(String, String)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, String)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter_map(|p| {
            let bytes = std::fs::read(&p).ok()?;
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some((name, String::from_utf8_lossy(&bytes).into_owned()))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn valid_fixtures_parse_strictly() {
    let fixtures = texts_in(&fixture_dir("valid"));
    assert!(fixtures.len() >= 10);
    for (name, text) in fixtures {
        let (s, _) = both(&text);
        let article = s.unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(article.header.is_some(), "{name}");
    }
}

#[test]
fn invalid_fixtures_fail_strictly_and_leniently_say_what_they_repaired() {
    let fixtures = texts_in(&fixture_dir("invalid"));
    assert!(fixtures.len() >= 7);
    for (name, text) in fixtures {
        let (s, l) = both(&text);
        let err = s.expect_err(&name);
        match l {
            Ok(article) => assert!(!article.diagnostics.is_empty(), "{name}: silent repair"),
            Err(lenient_err) => assert_eq!(lenient_err.kind(), err.kind(), "{name}"),
        }
    }
}

/// Every character boundary of the short fixtures, 300 of the longer ones.
#[test]
fn fixtures_cut_at_many_character_boundaries() {
    for kind in FIXTURE_KINDS {
        for (_, text) in texts_in(&fixture_dir(kind)) {
            let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            let step = boundaries.len().div_ceil(300).max(1);
            for &at in boundaries.iter().step_by(step) {
                check(&text[..at]);
                check(&text[at..]);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The real corpus, when it is there (read at run time, never copied).

fn corpus_dir() -> Option<PathBuf> {
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if beside.is_dir() {
        return Some(beside);
    }
    std::env::var_os("BULLETIN_CORPUS")
        .map(PathBuf::from)
        .filter(|p| p.is_dir())
}

fn corpus_texts() -> Vec<(String, String)> {
    let Some(dir) = corpus_dir() else {
        eprintln!("note: no corpus (../shared/corpus or BULLETIN_CORPUS); corpus cases skipped");
        return Vec::new();
    };
    ["seed", "real"]
        .iter()
        .flat_map(|sub| texts_in(&dir.join(sub)))
        .collect()
}

#[test]
fn corpus_files_cut_at_many_places() {
    for (name, text) in corpus_texts() {
        let (s, l) = both(&text);
        assert!(s.is_ok() || l.is_ok(), "{name}: neither mode parses");
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let step = (boundaries.len() / 24).max(1);
        for &at in boundaries.iter().step_by(step) {
            check(&text[..at]);
            check(&text[at..]);
        }
    }
}

// ---------------------------------------------------------------------------
// Property tests: arbitrary text, and arbitrary mutations of bulletins.

/// The fixtures and, when found, the real corpus: the texts to mutate.
fn sources() -> &'static [String] {
    static SOURCES: OnceLock<Vec<String>> = OnceLock::new();
    SOURCES.get_or_init(|| {
        let mut all: Vec<String> = FIXTURE_KINDS
            .iter()
            .flat_map(|k| texts_in(&fixture_dir(k)))
            .chain(corpus_texts())
            .map(|(_, text)| text)
            .collect();
        all.push(String::new());
        all
    })
}

/// Pieces of the format, so arbitrary text reaches past the header checks.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Publication: ".to_owned()),
        Just(" Volume: ".to_owned()),
        Just(" Issue: ".to_owned()),
        Just("By: ".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\r".to_owned()),
        Just("\r\n".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just("[1]".to_owned()),
        Just("1. ".to_owned()),
        Just("; ".to_owned()),
        Just("see the Monitor, ".to_owned()),
        Just("Interfax, February 30".to_owned()),
        Just("Notes".to_owned()),
        Just(" is a publication of ".to_owned()),
        Just("Copyright (c) 1983-2001 ".to_owned()),
        "[0-9]{1,25}",
        "[A-Za-z .,:]{0,12}",
        any::<char>().prop_map(String::from),
    ]
}

fn structured_text() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..48).prop_map(|parts| parts.concat())
}

/// One edit of a text; positions are picked among its char boundaries.
#[derive(Debug, Clone)]
enum Mutation {
    Insert(Index, String),
    Delete(Index, Index),
    Duplicate(Index, Index, Index),
    Truncate(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), token()).prop_map(|(at, s)| Mutation::Insert(at, s)),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::Delete(a, b)),
        (any::<Index>(), any::<Index>(), any::<Index>())
            .prop_map(|(a, b, at)| Mutation::Duplicate(a, b, at)),
        any::<Index>().prop_map(Mutation::Truncate),
    ]
}

/// The char boundary of `text` that `index` picks (the end included).
fn boundary(text: &str, index: &Index) -> usize {
    let count = text.chars().count() + 1;
    let nth = index.index(count);
    text.char_indices().nth(nth).map_or(text.len(), |(i, _)| i)
}

fn ordered(text: &str, a: &Index, b: &Index) -> (usize, usize) {
    let (a, b) = (boundary(text, a), boundary(text, b));
    (a.min(b), a.max(b))
}

fn apply(text: &mut String, mutation: &Mutation) {
    match mutation {
        Mutation::Insert(at, s) => text.insert_str(boundary(text, at), s),
        Mutation::Delete(a, b) => {
            let (a, b) = ordered(text, a, b);
            text.replace_range(a..b, "");
        }
        Mutation::Duplicate(a, b, at) => {
            let (a, b) = ordered(text, a, b);
            let copy = text[a..b].to_owned();
            text.insert_str(boundary(text, at), &copy);
        }
        Mutation::Truncate(at) => text.truncate(boundary(text, at)),
    }
}

/// 256 cases a property by default (a few seconds in all); set
/// `PROPTEST_CASES` for a longer hunt.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_strings_never_panic(input in any::<String>()) {
        check(&input);
        check(&format!("{HEADER}{input}"));
    }

    #[test]
    fn arbitrary_bulletin_shaped_text_never_panics(input in structured_text()) {
        check(&input);
        check(&format!("{HEADER}{input}"));
    }

    #[test]
    fn mutated_bulletins_never_panic(
        which in any::<Index>(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let all = sources();
        let mut text = all[which.index(all.len())].clone();
        for m in &mutations {
            apply(&mut text, m);
        }
        check(&text);
    }
}

#[test]
fn a_second_header_is_kept_as_text_with_a_diagnostic() {
    let second = "Publication: Eurasia Daily Monitor Volume: 2 Issue: 9";
    let input = format!("{HEADER}The first article.\n\n{second}\n\nThe second article.\n");
    let (s, l) = both(&input);
    for article in [s.unwrap(), l.unwrap()] {
        assert_eq!(diagnostic_kinds(&article), [DiagnosticKind::Unexpected]);
        let at = input.find(second).unwrap();
        assert_eq!(
            article.diagnostics[0].span,
            Span::new(at, at + second.len())
        );
        assert!(body_keeps(&article, second), "nothing is dropped");
        assert!(body_keeps(&article, "The second article."));
    }
}

#[test]
fn text_after_the_header_fields_is_reported_not_dropped_silently() {
    let input = "Publication: Monitor Volume: 5 Issue: 173 (corrected)\n\nText.\n";
    let (s, l) = both(input);
    for article in [s.unwrap(), l.unwrap()] {
        assert_eq!(article.header.as_ref().unwrap().issue, Some(173));
        assert_eq!(diagnostic_kinds(&article), [DiagnosticKind::Unexpected]);
        let at = input.find("(corrected)").unwrap();
        assert_eq!(article.diagnostics[0].span, Span::new(at, at + 11));
        assert!(article.diagnostics[0].message.contains("(corrected)"));
    }
    // A field without digits reports what stands there instead, once.
    let (_, l) = both("Publication: Monitor Volume: 5 Issue: -3\n\nText.\n");
    assert_eq!(
        diagnostic_kinds(&l.unwrap()),
        [DiagnosticKind::InvalidNumber]
    );
}
