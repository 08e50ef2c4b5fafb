//! Each layout of docs/FORMAT.md sections 1–4, 6 and 7, on invented
//! bulletins in `tests/fixtures/layouts/`: the rule each layout shows. What
//! the parser makes of each fixture in full is in its golden file
//! (`tests/golden.rs`).

use bulletin::{Article, Block, DiagnosticKind, ErrorKind, ParseOptions, parse_article};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/layouts/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn kinds(article: &Article<'_>) -> Vec<&'static str> {
    article
        .body
        .iter()
        .map(|b| match b {
            Block::Paragraph { .. } => "p",
            Block::Heading { .. } => "h",
        })
        .collect()
}

/// Every node's span points at its own text.
fn assert_spans(text: &str, article: &Article<'_>) {
    for block in &article.body {
        let span = block.span();
        let inner: String = block.inlines().iter().map(|i| i.text()).collect();
        match block {
            Block::Paragraph { .. } => assert_eq!(&text[span.start..span.end], inner),
            Block::Heading { text: t, .. } => assert_eq!(&text[span.start..span.end], t),
        }
        for inline in block.inlines() {
            let s = inline.span();
            assert_eq!(&text[s.start..s.end], inline.text());
        }
    }
    for note in &article.notes {
        assert!(text[note.span.start..note.span.end].ends_with(note.text.as_ref()));
    }
    for line in article
        .captions
        .iter()
        .chain(&article.chrome)
        .chain(&article.next_headline)
    {
        assert_eq!(&text[line.span.start..line.span.end], line.text);
    }
}

fn parse(name: &str, text: &str) -> Article<'static> {
    let article = parse_article(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_spans(text, &article);
    article.into_owned()
}

#[test]
fn title_and_blank_lines() {
    let text = fixture("titled-blank-lines.txt");
    let a = parse("titled", &text);
    assert_eq!(a.title.as_deref(), Some("TALKS RESUME AT LAST."));
    assert_eq!(
        kinds(&a),
        ["p", "p"],
        "several blank lines are one separator"
    );
    assert!(a.footer.is_none() && a.notes.is_empty() && a.captions.is_empty());
}

#[test]
fn untitled_single_newlines() {
    let text = fixture("untitled-single-newlines.txt");
    let a = parse("single", &text);
    assert_eq!(a.title, None);
    assert_eq!(a.header.clone().unwrap().year, Some(2006));
    assert_eq!(kinds(&a), ["p", "p", "p"], "each line is a paragraph");
    assert!(a.body[2].text().starts_with("A parliamentary hearing"));
}

#[test]
fn crlf_and_byline_with_and() {
    let text = fixture("crlf-byline-and.txt");
    assert!(
        text.contains("\r\n"),
        "the fixture keeps its CRLF line endings"
    );
    let a = parse("crlf", &text);
    assert_eq!(
        a.title.as_deref(),
        Some("BEYOND THE BORDER: TRADE AND TRUST")
    );
    let h = a.header.clone().unwrap();
    assert_eq!(h.publication.as_deref(), Some("China Brief"));
    assert_eq!(h.year, Some(2007));
    assert_eq!(h.authors, ["Anna Kovacs", "Piotr Lind"]);
    assert_eq!(kinds(&a), ["p", "p"]);
    assert!(!a.body[1].text().contains('\r'));
}

#[test]
fn byline_forms() {
    let a = parse("colon", &fixture("byline-colon.txt"));
    assert_eq!(a.title.as_deref(), Some("Ministers Meet in Example City"));
    assert_eq!(a.header.clone().unwrap().authors, ["Dana Orlova"]);
    assert_eq!(kinds(&a), ["p", "p"]);

    let a = parse("empty", &fixture("byline-empty.txt"));
    assert!(
        a.header.clone().unwrap().authors.is_empty(),
        "an empty `By:` names no author"
    );
    assert_eq!(kinds(&a), ["p", "p"], "the empty byline is not body text");
}

#[test]
fn chrome_and_captions_are_set_apart() {
    let text = fixture("chrome-and-captions.txt");
    let a = parse("chrome", &text);
    assert_eq!(a.title.as_deref(), Some("Convoy Delayed in the Pass"));
    assert_eq!(a.chrome.len(), 1);
    assert_eq!(a.chrome[0].text, "Placeholder canvas");
    assert!(
        a.diagnostics
            .iter()
            .any(|d| d.kind == DiagnosticKind::SkippedChrome)
    );
    let captions: Vec<&str> = a.captions.iter().map(|c| c.text.as_ref()).collect();
    assert_eq!(
        captions,
        [
            "Marat Ismailov, regional commander.",
            "Trucks at the checkpoint, May 3 (Source: example.gov)",
            "(Source: Screenshot from video on )"
        ]
    );
    assert_eq!(kinds(&a), ["p", "p"]);
    assert!(a.body[0].text().starts_with("A supply convoy"));
}

#[test]
fn subheads_in_caps_and_title_case() {
    let a = parse("subheads", &fixture("subheads.txt"));
    assert_eq!(a.header.as_ref().unwrap().authors, ["Elena Marsh"]);
    assert_eq!(kinds(&a), ["p", "h", "p", "h", "p"]);
    assert_eq!(a.body[1].text(), "WHAT WE KNOW");
    assert_eq!(a.body[3].text(), "The Opposition Regroups");
}

#[test]
fn numbered_notes_list() {
    let a = parse("notes", &fixture("notes-list.txt"));
    assert_eq!(kinds(&a), ["p", "p"]);
    let notes: Vec<(u32, &str)> = a
        .notes
        .iter()
        .map(|n| (n.number, n.text.as_ref()))
        .collect();
    assert_eq!(
        notes,
        [
            (1, "Itar-Tass, October 31"),
            (2, "Interfax, October 30 and 31"),
            (3, "Example TV, October 30")
        ]
    );
    assert_eq!(a.note(2).map(|n| n.number), Some(2));
}

#[test]
fn notes_section_with_bracket_markers() {
    let a = parse("notes-section", &fixture("notes-section.txt"));
    assert_eq!(a.header.as_ref().unwrap().year, Some(2022));
    assert!(
        a.captions.is_empty(),
        "body sentences ending in markers are not captions"
    );
    assert_eq!(kinds(&a), ["p", "p"], "the `Notes` heading is not body");
    let numbers: Vec<u32> = a.notes.iter().map(|n| n.number).collect();
    assert_eq!(numbers, [1, 2, 3]);
    assert_eq!(a.notes[2].text, "Interview with the author, May 2022.");
    assert!(a.next_headline.is_none());
}

#[test]
fn hard_wrapped_paragraphs_and_footer() {
    let text = fixture("hard-wrapped.txt");
    let a = parse("wrapped", &text);
    assert_eq!(kinds(&a), ["p", "p"], "wrapped lines join into paragraphs");
    assert!(a.body[0].text().ends_with("February 26)."));
    let f = a.footer.clone().unwrap();
    assert_eq!(
        f.staff[0].names,
        ["Anna Kovacs", "Piotr Lind"],
        "names joined across lines"
    );
    assert!(
        f.notice.is_some_and(|n| !n.contains('\n')),
        "a cue split by a line break is still found"
    );
}

#[test]
fn modern_footer_over_several_paragraphs_and_next_headline() {
    let a = parse("modern", &fixture("footer-modern.txt"));
    assert_eq!(kinds(&a), ["p"]);
    let f = a.footer.clone().unwrap();
    assert!(
        f.publication.is_some() && f.copyright.is_some(),
        "a footer over several paragraphs is one footer"
    );
    assert!(
        !f.text.contains("Armenia"),
        "the next headline is not footer"
    );
    assert_eq!(
        a.next_headline.unwrap().text,
        "Armenia Weighs New Gas Terms."
    );
}

#[test]
fn header_with_publication_only() {
    let a = parse("publication-only", &fixture("publication-only.txt"));
    let h = a.header.clone().unwrap();
    assert_eq!(
        (h.publication.as_deref().unwrap(), h.volume, h.issue, h.year),
        ("Prism", None, None, None)
    );
    assert_eq!(kinds(&a), ["p"]);
}

#[test]
fn headerless_page_needs_lenient_mode() {
    let text = fixture("headerless.txt");
    let err = parse_article(&text).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::MissingHeader);
    assert_eq!((err.line(), err.column(), err.offset()), (1, 1, 0));
    let a = ParseOptions::new().lenient(true).parse(&text).unwrap();
    assert!(a.header.is_none() && a.title.is_none());
    assert_eq!(kinds(&a), ["h", "p", "p"]);
    assert!(
        a.diagnostics
            .iter()
            .any(|d| d.kind == DiagnosticKind::MissingHeader)
    );
    assert_spans(&text, &a);
}

#[test]
fn clear_errors_for_unusable_input() {
    let err = parse_article("").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Empty);
    let err = parse_article(" \n\t\r\n").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::WhitespaceOnly);
    let err = parse_article("Publication: \n\nText.").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidHeader);
    assert!(err.message().contains("publication name"));

    let text = "TITLE\nPublication: Monitor Volume: 99999999999999999999 Issue: 3\n\nText.";
    let err = parse_article(text).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidHeader);
    assert_eq!((err.line(), err.column()), (2, 30));
    assert!(err.to_string().starts_with("2:30: invalid volume number"));

    let lenient = ParseOptions::new().lenient(true).parse(text).unwrap();
    let h = lenient.header.unwrap();
    assert_eq!((h.volume, h.issue), (None, Some(3)));
    assert!(
        lenient
            .diagnostics
            .iter()
            .any(|d| d.kind == DiagnosticKind::InvalidNumber)
    );

    let err = parse_article("Publication: Monitor Volume: 2 Issue: 0\n\nText.").unwrap_err();
    assert!(err.message().contains("at least 1"), "{err}");
}

#[test]
fn byte_order_mark_is_skipped() {
    let text = format!("\u{feff}{}", fixture("titled-blank-lines.txt"));
    let a = parse_article(&text).unwrap();
    assert_eq!(a.title.as_deref(), Some("TALKS RESUME AT LAST."));
    assert!(
        a.diagnostics
            .iter()
            .any(|d| d.kind == DiagnosticKind::ByteOrderMark)
    );
}

#[test]
fn header_rewritten_as_title_semicolon_publication() {
    let a = parse("semicolon", &fixture("rewritten-semicolon.txt"));
    assert_eq!(a.title.as_deref(), Some("Harbor Talks Stall Again"));
    let h = a.header.clone().unwrap();
    assert_eq!(
        (h.publication.as_deref().unwrap(), h.volume, h.issue, h.year),
        ("Terrorism Monitor", Some(20), Some(11), Some(2022))
    );
    assert_eq!(h.authors, ["Anna Kovacs"]);
    assert_eq!(kinds(&a), ["p"]);
}

#[test]
fn header_rewritten_with_the_issue_date() {
    let a = parse("dated", &fixture("rewritten-dated.txt"));
    assert_eq!(a.title.as_deref(), Some("TALKS RESUME AT LAST"));
    let h = a.header.clone().unwrap();
    assert_eq!(
        (h.publication.as_deref().unwrap(), h.volume, h.issue, h.year),
        ("Eurasia Daily Monitor", Some(3), Some(148), Some(2006))
    );
    assert_eq!(h.date.map(|d| d.to_string()).as_deref(), Some("2006-08-01"));
    assert_eq!(h.authors, ["Anna Kovacs"]);
    assert_eq!(kinds(&a), ["p", "p"]);
}

#[test]
fn pdf_issue_line_gives_the_date_and_splits_a_run_in_title() {
    let a = parse("pdf-issue-line", &fixture("pdf-issue-line.txt"));
    let h = a.header.clone().unwrap();
    assert_eq!(h.date.map(|d| d.to_string()).as_deref(), Some("2009-05-04"));
    assert_eq!(
        a.title.as_deref(),
        Some("HARBOR TALKS RESUME AT LAST"),
        "the headline in capitals that runs into the first paragraph is the title"
    );
    assert!(a.body[0].text().starts_with("Officials in Port Velan"));
}

#[test]
fn a_pdf_masthead_states_volume_issue_and_date_but_no_publication() {
    let a = parse("pdf-masthead", &fixture("pdf-masthead.txt"));
    let h = a.header.clone().unwrap();
    assert_eq!(h.publication, None, "the masthead names no publication");
    assert_eq!((h.volume, h.issue, h.year), (Some(12), Some(7), Some(2015)));
    assert_eq!(a.chrome.len(), 3, "the table of contents is chrome");
    assert_eq!(a.title.as_deref(), Some("HARBOR TALKS STALL AGAIN"));
    assert_eq!(h.authors, ["Anna Kovacs"]);
    let first = a
        .citations()
        .next()
        .unwrap()
        .citation
        .dates()
        .next()
        .unwrap();
    assert_eq!(
        first.start.map(|d| d.to_string()).as_deref(),
        Some("2015-03-30"),
        "citations resolve against the stated date"
    );
}

#[test]
fn a_timestamp_glued_to_the_issue_number_is_its_date() {
    let a = parse("timestamp-glued", &fixture("timestamp-glued.txt"));
    let h = a.header.clone().unwrap();
    assert_eq!(h.issue, Some(48));
    assert_eq!(h.date.map(|d| d.to_string()).as_deref(), Some("2008-12-18"));
    assert_eq!(a.chrome[0].text, "07:08 PM Age: 2 days");
}

#[test]
fn pages_that_state_their_own_date_resolve_their_citations_by_it() {
    for (name, date, cited) in [
        ("repost.txt", "2005-05-20", "2005-05-19"),
        ("dated-page.txt", "2011-03-03", "2011-03-02"),
    ] {
        let a = parse(name, &fixture(name));
        let h = a.header.clone().unwrap();
        assert_eq!((h.publication.as_deref(), h.volume), (None, None), "{name}");
        assert_eq!(
            h.date.map(|d| d.to_string()).as_deref(),
            Some(date),
            "{name}"
        );
        let first = a
            .citations()
            .next()
            .unwrap()
            .citation
            .dates()
            .next()
            .unwrap();
        assert_eq!(
            first.start.map(|d| d.to_string()).as_deref(),
            Some(cited),
            "{name}"
        );
    }
    let repost = parse("repost", &fixture("repost.txt"));
    assert_eq!(
        repost.chrome.len(),
        2,
        "the subject and mail header are chrome"
    );
    assert_eq!(repost.header.unwrap().authors, ["Anna Kovacs"]);
}
