//! The builders: derived fields, citation surface forms, and a typed error
//! for each misuse.

use bulletin::builder::{DateBuilder, ParagraphBuilder, SeeBuilder, SourceBuilder};
use bulletin::{
    Article, Block, BuildError, Citation, DiagnosticKind, Footer, Group, Header, Inline, date,
    parse_article,
};
use time::macros::date as ymd;

fn monitor() -> bulletin::builder::HeaderBuilder {
    Header::builder("Monitor").volume(6).issue(41)
}

fn one_paragraph(
    citation: impl bulletin::builder::IntoCitation,
) -> Result<Article<'static>, BuildError> {
    Article::builder()
        .header(monitor())
        .paragraph(|p| {
            p.text("Officials confirmed the talks ")
                .citation(citation)
                .text(".")
        })
        .build()
}

// ------------------------------------------------------- surface forms

#[test]
fn citations_render_in_the_surface_forms_of_format_md() {
    let cases: Vec<(Result<Citation<'static>, BuildError>, &str)> = vec![
        (
            Citation::source(["Itar-Tass", "Prime-News"], [date(3, 3).to_day(4)]).build(),
            "(Itar-Tass, Prime-News, March 3-4)",
        ),
        (
            Citation::see("the Monitor", [date(2, 18)]).build(),
            "(see the Monitor, February 18)",
        ),
        (
            Citation::source(["Kommersant"], [date(7, 4), date(7, 5)]).build(),
            "(Kommersant, July 4 and 5)",
        ),
        (
            Citation::source(["AFP"], [date(9, 6), date(9, 10), date(9, 12)]).build(),
            "(AFP, September 6, 10, 12)",
        ),
        (
            Citation::source(["Reuters"], [date(8, 30).to(9, 2)]).build(),
            "(Reuters, August 30-September 2)",
        ),
        (
            Citation::sources()
                .source(
                    SourceBuilder::new()
                        .outlet("Argumenty i fakty")
                        .number("No. 11")
                        .date(DateBuilder::month(3).year(1999)),
                )
                .see(SeeBuilder::new("the Monitor").date(date(3, 16)))
                .build(),
            "(Argumenty i fakty, No. 11, March 1999; see the Monitor, March 16)",
        ),
        (
            Citation::source(["Rezonansi"], [date(3, 2)])
                .source(SourceBuilder::new().outlet("Interfax").date(date(3, 3)))
                .build(),
            "(Rezonansi, March 2; Interfax, March 3)",
        ),
        (
            Citation::see("the Monitor", [date(8, 1), date(11, 22)]).build(),
            "(see the Monitor, August 1, November 22)",
        ),
        (
            Citation::see("the Monitor", [date(11, 2).year(2001)]).build(),
            "(see the Monitor, November 2, 2001)",
        ),
        (
            Citation::sources()
                .see(
                    SeeBuilder::new("Monitor")
                        .topic("On the pipeline")
                        .keyword("see also")
                        .date(date(10, 23)),
                )
                .build(),
            "(On the pipeline see also Monitor, October 23)",
        ),
        (
            Citation::sources()
                .see(SeeBuilder::new("previous story"))
                .build(),
            "(see previous story)",
        ),
        (
            Citation::sources()
                .source(SourceBuilder::new().stripped_link().date(date(5, 11)))
                .build(),
            "(, May 11)",
        ),
        (
            Citation::sources()
                .source(
                    SourceBuilder::new()
                        .outlet("Prima")
                        .date(date(11, 21))
                        .translated_by(
                            SourceBuilder::new()
                                .outlet("BBC Monitoring")
                                .date(date(11, 21)),
                        ),
                )
                .build(),
            "(Prima, November 21, translated by BBC Monitoring, November 21)",
        ),
        (
            Citation::source(["News.example"], [date(11, 8).year(2016)]).build(),
            "(News.example, November 8, 2016)",
        ),
        (
            Citation::source(["Example"], [date(12, 30).to(1, 2).year(2000)]).build(),
            "(Example, December 30-January 2, 2000)",
        ),
        (
            Citation::see("the Monitor", [date(7, 12)])
                .see(SeeBuilder::continued("the Fortnight in Review").date(date(7, 7)))
                .build(),
            "(see the Monitor, July 12; the Fortnight in Review, July 7)",
        ),
        (
            Citation::sources()
                .source(
                    SourceBuilder::new()
                        .outlet("Akhali Taoba")
                        .date(date(3, 3))
                        .cited_by(SourceBuilder::new().outlet("Interfax")),
                )
                .build(),
            "(Akhali Taoba, March 3, as cited by Interfax)",
        ),
        (
            Citation::sources()
                .source(
                    SourceBuilder::new()
                        .outlet("Reuters")
                        .date(date(5, 4))
                        .attribution(
                            "citing",
                            SourceBuilder::new().outlet("Interfax").date(date(5, 3)),
                        ),
                )
                .build(),
            "(Reuters, May 4, citing Interfax, May 3)",
        ),
        (
            Citation::sources()
                .source(
                    SourceBuilder::new()
                        .outlet("Prima")
                        .date(date(11, 21))
                        .translated_by(
                            SourceBuilder::new()
                                .outlet("BBC Monitoring")
                                .date(date(11, 21))
                                .attribution("via", SourceBuilder::new().outlet("Interfax")),
                        ),
                )
                .build(),
            "(Prima, November 21, translated by BBC Monitoring, November 21, via Interfax)",
        ),
        (
            Citation::source(["NTV and RTR television"], [date(4, 2)]).build(),
            "(NTV and RTR television, April 2)",
        ),
        (Ok(Citation::endnote_marker(7)), "[7]"),
        (Ok(Citation::note_marker(16)), "(16)"),
        (
            Ok(Citation::url("https://www.example.org/news/123.html")),
            "(https://www.example.org/news/123.html)",
        ),
    ];
    for (citation, expected) in cases {
        let citation = citation.unwrap_or_else(|e| panic!("{expected}: {e}"));
        assert_eq!(citation.to_string(), expected);
    }
}

/// The forms of FORMAT.md §5.6 that the builders write: each attribution
/// phrase reads back as written, inside an article (whose `build` parses
/// its rendering back) and on its own.
#[test]
fn attribution_clauses_read_back_with_their_phrase() {
    for phrase in ["as cited by", "as quoted by", "citing", "via"] {
        for relay in [
            SourceBuilder::new().outlet("Interfax"),
            SourceBuilder::new().outlet("Interfax").date(date(3, 4)),
        ] {
            let source = SourceBuilder::new()
                .outlet("Akhali Taoba")
                .date(date(3, 3))
                .attribution(phrase, relay);
            let citation = Citation::sources().source(source).build().unwrap();
            let article = one_paragraph(citation.clone()).unwrap();
            // `build` checked that the article reads back; its dates are
            // resolved there.
            let built = article.citations().next().unwrap();
            assert_eq!(built.citation.to_string(), citation.to_string());
            let Group::Source(g) = &citation.groups()[0] else {
                panic!("{citation:?}");
            };
            let cited = g.cited_by.as_deref().unwrap();
            assert_eq!(cited.keyword.as_deref(), Some(phrase));
            let ctx = bulletin::DateContext::in_year(2000);
            let text = citation.to_string();
            let parsed = bulletin::parse_citation(&text, &ctx).unwrap();
            let Group::Source(p) = &parsed.groups()[0] else {
                panic!("{parsed:?}");
            };
            let relay = p.cited_by.as_deref().unwrap();
            assert_eq!(relay.keyword.as_deref(), Some(phrase));
            assert_eq!(relay.outlets, cited.outlets);
            assert_eq!(relay.dates.len(), cited.dates.len());
        }
    }
}

#[test]
fn date_texts_are_what_the_renderer_writes_in_place() {
    let c = Citation::source(["Kommersant"], [date(7, 4), date(7, 5)])
        .build()
        .unwrap();
    let texts: Vec<&str> = c.groups()[0]
        .dates()
        .iter()
        .map(|d| d.text.as_ref())
        .collect();
    assert_eq!(texts, ["July 4", "5"]);
    let d = date(8, 30).to(9, 2).build().unwrap();
    assert_eq!(
        (d.text.as_ref(), d.to_string()),
        ("August 30-September 2", "August 30-September 2".to_string())
    );
    assert_eq!(
        date(3, 1).to_day(4).year(1999).build().unwrap().text,
        "March 1-4, 1999"
    );
}

// ----------------------------------------------------- derived fields

#[test]
fn builders_fill_what_a_parse_derives() {
    let article = Article::builder()
        .chrome("Placeholder canvas")
        .title("TALKS RESUME AT LAST.")
        .header(monitor().author("Anna Kovacs").author("Piotr Lind"))
        .caption("President Ilir Duka")
        .paragraph(|p| {
            p.text("Officials confirmed that the talks will resume ")
                .citation(Citation::see("the Monitor", [date(2, 18)]))
                .text(". A deal is near ")
                .citation(Citation::note_marker(1))
                .text(".")
        })
        .heading("WHAT WE KNOW")
        .text("The first round opens in the border town next week.")
        .note(1, Citation::source(["Itar-Tass"], [date(12, 30)]))
        .footer(
            Footer::builder()
                .publication("The Monitor")
                .publisher("the Jamestown Foundation")
                .staff("senior analysts", ["Anna Kovacs", "Piotr Lind"])
                .staff("analysts", ["Dana Orlova"])
                .email("desk@example.org")
                .fax("202-555-0134")
                .address("The Jamestown Foundation, 1200 Example Street NW, Washington DC 20036")
                .notice("Unauthorized reproduction of the Monitor is prohibited by law.")
                .copyright(1983, 2001, "The Jamestown Foundation")
                .credit("Example Web Works"),
        )
        .next_headline("Armenia Weighs New Gas Terms.")
        .build()
        .unwrap();

    let header = article.header.as_ref().unwrap();
    assert_eq!(header.year, Some(2000));
    let cited = article.citations().next().unwrap();
    assert_eq!(cited.raw, "(see the Monitor, February 18)");
    let Group::See(see) = &cited.citation.groups()[0] else {
        panic!("a see group")
    };
    assert_eq!(see.dates[0].start, Some(ymd!(2000 - 02 - 18)));
    // An issue of early 2000 citing December 30 cites 1999.
    let note = article.note(1).unwrap();
    assert_eq!(note.text, "Itar-Tass, December 30");
    let note_date = &note.citation.as_ref().unwrap().groups()[0].dates()[0];
    assert_eq!(note_date.start, Some(ymd!(1999 - 12 - 30)));
    let footer = article.footer.as_ref().unwrap();
    assert_eq!(footer.publication.as_deref(), Some("the Monitor"));
    assert!(
        footer
            .text
            .starts_with("The Monitor is a publication of the Jamestown Foundation.")
    );
    assert_eq!(article.diagnostics.len(), 1);
    assert_eq!(article.diagnostics[0].kind, DiagnosticKind::SkippedChrome);

    let text = article.to_string();
    let parsed = parse_article(&text).unwrap();
    assert_eq!(parsed.title, article.title);
    assert_eq!(parsed.header.unwrap().without_span(), header.clone());
    assert_eq!(parsed.footer.as_ref().map(|f| &f.text), Some(&footer.text));
    assert_eq!(
        parsed.next_headline.unwrap().text,
        "Armenia Weighs New Gas Terms."
    );
    assert_eq!(parsed.body.len(), 3);
    assert_eq!(parsed.body[0].text(), article.body[0].text());
}

/// `Header::span` aside, for the comparison above.
trait WithoutSpan {
    fn without_span(self) -> Self;
}

impl WithoutSpan for Header<'_> {
    fn without_span(mut self) -> Self {
        self.span = Default::default();
        self
    }
}

#[test]
fn paragraph_text_is_normalised_as_the_parser_leaves_it() {
    let p = ParagraphBuilder::new()
        .text("  Talks resumed\n  in the capital ")
        .text("on Monday ")
        .citation(Citation::source(["Interfax"], [date(3, 3)]))
        .text(".  ")
        .build()
        .unwrap();
    let Block::Paragraph { inlines, .. } = &p else {
        panic!("a paragraph")
    };
    assert_eq!(inlines.len(), 3);
    assert!(
        matches!(&inlines[0], Inline::Text { text, .. } if text == "Talks resumed in the capital on Monday ")
    );
    assert_eq!(
        p.to_string(),
        "Talks resumed in the capital on Monday (Interfax, March 3)."
    );
}

#[test]
fn a_dated_header_keeps_its_date_in_the_rendering() {
    let article = Article::builder()
        .title("TALKS RESUME AT LAST")
        .header(
            Header::builder("Eurasia Daily Monitor")
                .volume(3)
                .issue(148)
                .date(ymd!(2006 - 08 - 01))
                .author("Anna Kovacs"),
        )
        .text("Officials confirmed that the border talks will resume next week.")
        .build()
        .unwrap();
    assert!(article.to_string().starts_with(
        "TALKS RESUME AT LAST\nPublication: Eurasia Daily Monitor Volume: 3 Issue: 148August 1, 2006\nBy Anna Kovacs\n"
    ));
    assert_eq!(article.header.as_ref().unwrap().year, Some(2006));
}

#[test]
fn a_headerless_page_builds_with_without_header() {
    let article = Article::builder()
        .without_header()
        .text("The envoy met the minister on Monday.")
        .build()
        .unwrap();
    assert!(article.header.is_none());
    assert_eq!(
        article.to_string(),
        "The envoy met the minister on Monday.\n"
    );
    assert_eq!(article.diagnostics[0].kind, DiagnosticKind::MissingHeader);
}

// -------------------------------------------------------------- misuse

#[test]
fn missing_publication() {
    assert_eq!(
        Article::builder().build(),
        Err(BuildError::MissingPublication)
    );
    assert_eq!(
        Header::builder("  ").build(),
        Err(BuildError::MissingPublication)
    );
}

#[test]
fn zero_volume_and_issue() {
    assert_eq!(
        Header::builder("Monitor").volume(0).build(),
        Err(BuildError::ZeroVolume)
    );
    assert_eq!(
        Header::builder("Monitor").issue(0).build(),
        Err(BuildError::ZeroIssue)
    );
    assert_eq!(
        Article::builder()
            .header(Header::builder("Monitor").issue(0))
            .build(),
        Err(BuildError::ZeroIssue)
    );
}

#[test]
fn dates_that_do_not_exist() {
    let err = date(2, 30).build().unwrap_err();
    assert_eq!(
        err,
        BuildError::InvalidDate {
            year: None,
            month: 2,
            day: 30
        }
    );
    assert_eq!(err.to_string(), "February 30 does not exist");
    assert_eq!(
        date(2, 29).year(2001).build(),
        Err(BuildError::InvalidDate {
            year: Some(2001),
            month: 2,
            day: 29
        })
    );
    assert!(
        date(2, 29).build().is_ok(),
        "February 29 exists in leap years"
    );
    assert_eq!(
        date(4, 0).build(),
        Err(BuildError::InvalidDate {
            year: None,
            month: 4,
            day: 0
        })
    );
    assert_eq!(date(13, 1).build(), Err(BuildError::InvalidMonth(13)));
    assert_eq!(
        date(3, 1).year(99).build(),
        Err(BuildError::InvalidYear(99))
    );
    // Inside an article, the error surfaces at the article's build().
    assert_eq!(
        one_paragraph(Citation::source(["Interfax"], [date(2, 30)])),
        Err(BuildError::InvalidDate {
            year: None,
            month: 2,
            day: 30
        })
    );
}

#[test]
fn ranges_that_end_before_they_start() {
    assert_eq!(
        date(3, 5).to_day(3).build(),
        Err(BuildError::RangeEndsBeforeStart {
            from: "March 5".into(),
            to: "March 3".into()
        })
    );
    assert!(matches!(
        date(4, 2).to(3, 30).build(),
        Err(BuildError::RangeEndsBeforeStart { .. })
    ));
    assert!(matches!(
        date(4, 2).to(3, 30).year(2001).build(),
        Err(BuildError::RangeEndsBeforeStart { .. })
    ));
    // December into January crosses a year, which is fine.
    assert!(date(12, 30).to(1, 2).build().is_ok());
    assert!(date(3, 4).year(1999).to_day(5).build().is_ok());
    assert!(matches!(
        DateBuilder::month(3).year(1999).to_day(4).build(),
        Err(BuildError::Unwritable {
            what: "date range",
            ..
        })
    ));
}

#[test]
fn note_numbers_out_of_range() {
    assert_eq!(
        one_paragraph(Citation::note_marker(0)),
        Err(BuildError::InvalidNoteNumber(0))
    );
    let built = Article::builder()
        .header(monitor())
        .text("A short text.")
        .note_text(1000, "A note.")
        .build();
    assert_eq!(built, Err(BuildError::InvalidNoteNumber(1000)));
}

#[test]
fn a_header_date_needs_volume_and_issue() {
    assert_eq!(
        Header::builder("Eurasia Daily Monitor")
            .volume(3)
            .date(ymd!(2006 - 08 - 01))
            .build(),
        Err(BuildError::DateWithoutVolumeAndIssue)
    );
}

#[test]
fn title_and_captions_need_a_header() {
    let built = Article::builder()
        .without_header()
        .title("TITLE")
        .text("Some text here.")
        .build();
    assert_eq!(built, Err(BuildError::NeedsHeader("a title")));
}

#[test]
fn empty_parts() {
    let empty = Article::builder()
        .header(monitor())
        .paragraph(|p| p.text("  "))
        .build();
    assert_eq!(empty, Err(BuildError::Empty("paragraph")));
    assert_eq!(
        Citation::sources().build(),
        Err(BuildError::Empty("citation"))
    );
    assert_eq!(
        Citation::source(["Interfax"], []).build(),
        Err(BuildError::Empty("dates of a source group"))
    );
    assert!(matches!(
        Footer::builder().publication("the Monitor").build(),
        Err(BuildError::Empty(_))
    ));
}

#[test]
fn text_the_format_cannot_hold() {
    fn unwritable<T>(r: Result<T, BuildError>) -> bool {
        matches!(r, Err(BuildError::Unwritable { .. }))
    }
    assert!(unwritable(
        Header::builder("Monitor").author("Kovacs, Anna").build()
    ));
    assert!(unwritable(Header::builder("Monitor Volume: 3").build()));
    assert!(unwritable(one_paragraph(Citation::url(
        "https://example.org/a b"
    ))));
    assert!(unwritable(one_paragraph(Citation::source(
        ["Interfax; TASS"],
        [date(3, 3)]
    ))));
    assert!(unwritable(
        Article::builder()
            .header(monitor())
            .heading("TWO\nLINES")
            .build()
    ));
    // Attribution clauses: a phrase the parser does not know, a relay
    // without dates that would read back as one name, and both clauses on
    // one group (the second would read back as the translator's).
    let group = || SourceBuilder::new().outlet("Akhali Taoba").date(date(3, 3));
    let relay = || SourceBuilder::new().outlet("Interfax");
    for source in [
        group().attribution("reported by", relay()),
        group().cited_by(relay().outlet("AFP")),
        group().cited_by(relay().number("No. 4")),
        group().cited_by(SourceBuilder::new()),
        group()
            .translated_by(SourceBuilder::new().outlet("BBC").date(date(3, 4)))
            .cited_by(relay()),
    ] {
        assert!(
            unwritable(Citation::sources().source(source.clone()).build()),
            "{source:?}"
        );
    }
}

#[test]
fn invalid_copyright_years() {
    assert_eq!(
        Footer::builder().copyright(2001, 1999, "Example").build(),
        Err(BuildError::InvalidCopyright {
            from: 2001,
            to: 1999
        })
    );
}

#[test]
fn footer_parts_the_parser_would_not_find() {
    let err = Footer::builder()
        .notice("All rights reserved.")
        .build()
        .unwrap_err();
    assert!(
        matches!(
            err,
            BuildError::FooterPart {
                part: "opening",
                ..
            }
        ),
        "{err}"
    );
    let err = Footer::builder()
        .publication("the Monitor")
        .publisher("the Jamestown Foundation")
        .notice("All rights reserved.")
        .build()
        .unwrap_err();
    assert!(
        matches!(err, BuildError::FooterPart { part: "notice", .. }),
        "{err}"
    );
    let err = Footer::builder()
        .publication("the Monitor")
        .publisher("the Jamestown Foundation")
        .staff("Senior Analysts", ["Anna Kovacs"])
        .build()
        .unwrap_err();
    assert!(
        matches!(err, BuildError::FooterPart { part: "staff", .. }),
        "{err}"
    );
}

#[test]
fn blocks_the_parser_would_misread() {
    // A one-line paragraph shaped like a subhead.
    let err = Article::builder()
        .header(monitor())
        .text("The talks resumed on Monday after a long pause.")
        .text("WHAT WE KNOW")
        .text("The first round opens in the border town next week.")
        .build()
        .unwrap_err();
    assert!(
        matches!(&err, BuildError::Misread { part, .. } if part == "block 2"),
        "{err}"
    );
    // A first block shaped like a photo caption.
    let err = Article::builder()
        .header(monitor())
        .heading("WHAT WE KNOW")
        .text("The first round opens in the border town next week.")
        .build()
        .unwrap_err();
    assert!(
        matches!(&err, BuildError::Misread { part, .. } if part == "captions"),
        "{err}"
    );
    // A last paragraph shaped like the next article's headline is kept a
    // paragraph by an empty `Notes:` line after it.
    let article = Article::builder()
        .header(monitor())
        .text("The first round opens in the border town next week.")
        .text("Armenia Weighs New Gas Terms.")
        .build()
        .unwrap();
    assert!(
        article
            .to_string()
            .ends_with("Armenia Weighs New Gas Terms.\n\nNotes:\n")
    );
    assert_eq!(article.next_headline, None);
    // A paragraph that opens like a footer.
    let err = Article::builder()
        .header(monitor())
        .text("Copyright holders complained about the new rules.")
        .build()
        .unwrap_err();
    assert!(matches!(err, BuildError::Misread { .. }), "{err}");
}

#[test]
fn a_footer_without_publication_statement_opens_with_its_rights_lines() {
    let footer = Footer::builder()
        .staff("editor", ["Mara Quist"])
        .phone("555-0100")
        .copyright(2004, 2004, "Example Institute")
        .credit("Web Example")
        .build()
        .unwrap();
    assert_eq!(
        footer.text,
        "Copyright (c) 2004 Example Institute. Site Maintenance by Web Example. \
         It is researched and written under the direction of editor Mara Quist. \
         Contact us by phone at 555-0100."
    );
    assert_eq!(
        footer.copyright.unwrap().holder.as_deref(),
        Some("Example Institute")
    );
}

#[test]
fn a_year_written_later_in_a_list_would_claim_earlier_dates() {
    // `May 5, May 6, 2001` reads as two dates of 2001.
    let err = Citation::source(["Interfax"], [date(5, 5), date(5, 6).year(2001)])
        .build()
        .unwrap_err();
    assert!(
        matches!(err, BuildError::Unwritable { what: "date", .. }),
        "{err}"
    );
    // A later month keeps its own reading.
    assert!(
        Citation::source(["Interfax"], [date(11, 5), date(5, 6).year(2001)])
            .build()
            .is_ok()
    );
}

#[test]
fn a_range_into_january_takes_the_written_year_for_its_end() {
    let d = date(12, 30).to(1, 2).year(2001).build().unwrap();
    assert_eq!(d.text, "December 30-January 2, 2001");
    assert_eq!(d.start, Some(ymd!(2000 - 12 - 30)));
    assert_eq!(d.end, Some(ymd!(2001 - 01 - 02)));
}
