//! The round trip between parser and renderer: parse → render → parse
//! gives the same tree (spans aside) over every file of the shared corpus
//! and every fixture, and every article the builders make reads back as
//! built.
//!
//! The property tests run 64 cases each by default, in well under a second;
//! for a longer hunt set `PROPTEST_CASES`, e.g.
//! `PROPTEST_CASES=10000 cargo test --release --test roundtrip` (about a
//! minute).

mod common;

use std::path::{Path, PathBuf};

use bulletin::{Article, DiagnosticKind, ParseOptions};

/// The tree compared across the round trip: spans cleared, and without the
/// diagnostics of repairs the renderer does not write back (a byte-order
/// mark, an unreadable header number).
fn comparable(article: &Article<'_>) -> Article<'static> {
    let mut article = article.without_spans().into_owned();
    article.diagnostics.retain(|d| {
        !matches!(
            d.kind,
            DiagnosticKind::ByteOrderMark | DiagnosticKind::InvalidNumber
        )
    });
    article
}

/// Parses `text`, renders the tree, parses the rendering, and checks that
/// both trees agree and that rendering is stable.
fn assert_round_trip(name: &str, text: &str) {
    let options = ParseOptions::new().lenient(true);
    let first = match options.parse(text) {
        Ok(article) => article,
        // Inputs that are not articles even leniently (the fixtures under
        // `invalid/`: empty, white space only) have no tree to round-trip.
        Err(_) if name.contains("/invalid/") => return,
        Err(e) => panic!("{name}: first parse failed: {e}"),
    };
    let rendered = first.to_string();
    let second = options
        .parse(&rendered)
        .unwrap_or_else(|e| panic!("{name}: the rendering does not parse: {e}\n{rendered}"));
    let (a, b) = (comparable(&first), comparable(&second));
    if a != b {
        panic!(
            "{name}: the round trip changed the tree\n--- rendered:\n{rendered}\n--- first:\n{a:#?}\n--- second:\n{b:#?}"
        );
    }
    assert_eq!(
        second.to_string(),
        rendered,
        "{name}: rendering is not stable"
    );
}

fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return files;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(txt_files(&path));
        } else if path.extension().is_some_and(|e| e == "txt") {
            files.push(path);
        }
    }
    files.sort();
    files
}

#[test]
fn corpus_round_trips() {
    let Some(corpus) = common::corpus_dir() else {
        return;
    };
    let files: Vec<PathBuf> = txt_files(&corpus.join("seed"))
        .into_iter()
        .chain(common::real_files(&corpus))
        .collect();
    assert!(
        files.len() > 100,
        "expected the whole corpus, found {}",
        files.len()
    );
    for path in files {
        assert_round_trip(&path.display().to_string(), &common::read(&path));
    }
}

#[test]
fn fixtures_round_trip() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let files = txt_files(&dir);
    assert!(!files.is_empty(), "no fixtures under {}", dir.display());
    for path in files {
        assert_round_trip(&path.display().to_string(), &common::read(&path));
    }
}

/// Triage for a fuzz artifact: `BULLETIN_ROUNDTRIP_FILE=fuzz/artifacts/
/// roundtrip/crash-... cargo test --test roundtrip -- --ignored file`
/// shows how the two trees differ.
#[test]
#[ignore = "reads the file named by BULLETIN_ROUNDTRIP_FILE"]
fn file_from_env_round_trips() {
    let Some(path) = std::env::var_os("BULLETIN_ROUNDTRIP_FILE") else {
        return;
    };
    let bytes = std::fs::read(&path).unwrap();
    assert_round_trip("BULLETIN_ROUNDTRIP_FILE", &String::from_utf8_lossy(&bytes));
}

#[test]
fn sample_round_trips() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/monitor-sample.txt");
    assert_round_trip("sample", &common::read(&path));
}

/// Found by the roundtrip fuzz target: a PDF masthead's table of contents
/// was written above the masthead (where it reads as chrome before a
/// header that is not there), and a byline right under the table read as
/// one more of its entries.
#[test]
fn a_masthead_keeps_its_table_of_contents_after_it() {
    let toc = "VOLUME XII \u{2022} ISSUE 7 \u{2022} APRIL 2, 2015\n\
               IN THIS ISSUE:\n\
               Harbor Talks Stall Again by Anna Kovacs ........ 1\n\
               Convoy Delayed in the Pass ........ 2\n\n";
    assert_round_trip("masthead, contents only", toc);
    assert_round_trip(
        "masthead, contents, title and byline",
        &format!(
            "{toc}HARBOR TALKS STALL AGAIN\nBy Anna Kovacs\n\n\
             The harbor talks stalled again on Monday (Velan Wire, March 14).\n"
        ),
    );
    let article = bulletin::parse_article(toc).unwrap();
    let rendered = article.to_string();
    assert!(rendered.starts_with("VOLUME XII"), "{rendered}");
    // A title that would read as a header above the masthead (a PDF issue
    // line's shape) is written after it, where the masthead's title is read.
    assert_round_trip(
        "masthead, title shaped like an issue line",
        "VOLUME I \u{2022} ISSUE 7 \u{2022} APRIL 2, 2015\nHarbor Volume 3, Issue 1\n",
    );
    // A masthead's date must be a day of the calendar: with `APRIL 0` the
    // line is no header (it was one without a date, and rendered as a
    // `Publication:` line without a name, which does not parse).
    let no_day = "VOLUME I \u{2022} ISSUE 7 \u{2022} APRIL 0, 2015\n\nThe talks went on.\n";
    assert!(bulletin::parse_article(no_day).is_err());
    assert_round_trip("masthead with no such day (lenient)", no_day);
}

// ------------------------------------------------------------ properties

mod generate {
    //! Strategies for articles made through the builders, from invented
    //! words in the shapes of docs/FORMAT.md.

    use bulletin::builder::{
        ArticleBuilder, DateBuilder, FooterBuilder, HeaderBuilder, ParagraphBuilder, SeeBuilder,
        SourceBuilder, SourcesBuilder,
    };
    use bulletin::{Article, Citation, Footer, Header, date};
    use proptest::prelude::*;
    use proptest::sample::select;

    const WORDS: &[&str] = &[
        "officials",
        "confirmed",
        "that",
        "the",
        "talks",
        "will",
        "resume",
        "next",
        "week",
        "border",
        "customs",
        "ministry",
        "announced",
        "a",
        "new",
        "round",
        "of",
        "quiet",
        "consultations",
        "in",
        "capital",
        "envoy",
        "met",
        "governor",
        "pipeline",
        "deal",
        "doubts",
        "remain",
        "about",
        "its",
        "terms",
        "parliament",
        "voted",
        "against",
        "plan",
    ];
    const FIRST: &[&str] = &[
        "Anna", "Piotr", "Dana", "Marat", "Ilir", "Mara", "Tom", "Lea",
    ];
    const LAST: &[&str] = &[
        "Kovacs", "Lind", "Orlova", "Ismailov", "Duka", "Quist", "Fenn",
    ];
    const OUTLETS: &[&str] = &[
        "Interfax",
        "Itar-Tass",
        "Prime-News",
        "Rezonansi",
        "Kommersant",
        "Reuters",
        "AFP",
        "Segodnya",
        "Example TV",
        "Kremlin.ru",
    ];
    const TARGETS: &[&str] = &["the Monitor", "Monitor", "EDM", "the Fortnight in Review"];
    const PUBLICATIONS: &[&str] = &[
        "Monitor",
        "Prism",
        "Eurasia Daily Monitor",
        "China Brief",
        "Terrorism Monitor",
        "Example Weekly",
    ];

    fn words(range: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = Vec<&'static str>> {
        prop::collection::vec(select(WORDS), range)
    }

    /// Lowercase words that are not the small words of Title Case, so a
    /// sentence starting with four of them never looks like a headline,
    /// citations and all.
    const CONTENT: &[&str] = &[
        "officials",
        "confirmed",
        "talks",
        "resume",
        "border",
        "customs",
        "ministry",
        "announced",
        "consultations",
        "envoy",
        "governor",
        "pipeline",
        "doubts",
    ];

    /// `Officials confirmed the talks will resume next week` (no period).
    fn clause() -> impl Strategy<Value = String> {
        (prop::collection::vec(select(CONTENT), 4), words(3..=9)).prop_map(|(c, w)| {
            let mut text = format!("{} {}", c.join(" "), w.join(" "));
            if let Some(first) = text.get(..1) {
                text = first.to_uppercase() + &text[1..];
            }
            text
        })
    }

    fn name() -> impl Strategy<Value = String> {
        (select(FIRST), select(LAST)).prop_map(|(f, l)| format!("{f} {l}"))
    }

    /// A day, a range within a month or across months, or a whole month,
    /// with its year when `year` is given (a whole month always has one).
    fn make_date(month: u8, day: u8, shape: u8, year: Option<i32>) -> DateBuilder {
        let d = match (shape, year) {
            (1, _) => date(month, day).to_day(day + 1),
            (2, _) if month < 12 => date(month, day).to(month + 1, 2),
            (2, _) => date(12, day).to(1, 2),
            (3, Some(_)) => DateBuilder::month(month),
            _ => date(month, day),
        };
        match year {
            Some(y) => d.year(y),
            None => d,
        }
    }

    /// Dates of a list. A year written on a date would carry back to the
    /// year-less dates before it, so only a one-date list writes one.
    fn dates(range: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = Vec<DateBuilder>> {
        prop::collection::vec(
            (1u8..=12, 1u8..=27, 0u8..4, prop::option::of(1996i32..=2012)),
            range,
        )
        .prop_map(|items| {
            let alone = items.len() == 1;
            items
                .into_iter()
                .map(|(month, day, shape, year)| {
                    make_date(month, day, shape, year.filter(|_| alone))
                })
                .collect()
        })
    }

    /// The phrases of an attribution clause (FORMAT.md §5.6).
    const ATTRIBUTIONS: &[&str] = &["as cited by", "as quoted by", "citing", "via"];

    fn source() -> impl Strategy<Value = SourceBuilder> {
        (
            prop::collection::vec(select(OUTLETS), 0..=2),
            dates(1..=3),
            prop::option::of(1u8..=40),
            prop::option::of((select(OUTLETS), dates(1..=1))),
            prop::option::weighted(0.3, (select(ATTRIBUTIONS), select(OUTLETS), dates(0..=1))),
        )
            .prop_map(|(outlets, dates, number, translated, attribution)| {
                let mut s = if outlets.is_empty() && number.is_none() {
                    SourceBuilder::new().stripped_link()
                } else if outlets.is_empty() {
                    SourceBuilder::new().outlet("Interfax")
                } else {
                    SourceBuilder::new().outlets(outlets)
                };
                if let Some(n) = number.filter(|n| n % 4 == 0) {
                    s = s.number(format!("No. {n}"));
                }
                if let Some((outlet, d)) = translated.filter(|_| number.is_some_and(|n| n % 5 == 0))
                {
                    s = s.translated_by(SourceBuilder::new().outlet(outlet).dates(d));
                } else if let Some((phrase, outlet, d)) = attribution {
                    // A group has one clause; a relay may have no dates.
                    s = s.attribution(phrase, SourceBuilder::new().outlet(outlet).dates(d));
                }
                s.dates(dates)
            })
    }

    fn see() -> impl Strategy<Value = SeeBuilder> {
        prop_oneof![
            (select(TARGETS), dates(1..=2), any::<bool>()).prop_map(|(t, d, capital)| {
                let see = SeeBuilder::new(t).dates(d);
                if capital { see.keyword("See") } else { see }
            }),
            select(&["previous story", "below", "Part One"][..]).prop_map(SeeBuilder::new),
        ]
    }

    fn sources() -> impl Strategy<Value = SourcesBuilder> {
        prop::collection::vec(prop::bool::weighted(0.7), 1..=3).prop_flat_map(|kinds| {
            let groups: Vec<BoxedStrategy<Group>> = kinds
                .into_iter()
                .map(|is_source| {
                    if is_source {
                        source().prop_map(Group::Source).boxed()
                    } else {
                        see().prop_map(Group::See).boxed()
                    }
                })
                .collect();
            (groups, any::<bool>()).prop_map(|(groups, continued)| {
                let last_is_see = matches!(groups.last(), Some(Group::See(_)));
                let c = groups
                    .into_iter()
                    .fold(Citation::sources(), |c, g| match g {
                        Group::Source(s) => c.source(s),
                        Group::See(s) => c.see(s),
                    });
                // A group continuing a `see` group: `...; the Fortnight in
                // Review, July 7`.
                if continued && last_is_see {
                    c.see(SeeBuilder::continued("the Fortnight in Review").date(date(7, 7)))
                } else {
                    c
                }
            })
        })
    }

    #[derive(Debug, Clone)]
    enum Group {
        Source(SourceBuilder),
        See(SeeBuilder),
    }

    /// A citation of any kind, as a paragraph takes it.
    #[derive(Debug, Clone)]
    pub enum AnyCitation {
        Sources(SourcesBuilder),
        Built(Citation<'static>),
    }

    fn citation() -> impl Strategy<Value = AnyCitation> {
        prop_oneof![
            6 => sources().prop_map(AnyCitation::Sources),
            1 => (1u32..=999).prop_map(|n| AnyCitation::Built(Citation::note_marker(n))),
            1 => (1u32..=999).prop_map(|n| AnyCitation::Built(Citation::endnote_marker(n))),
            1 => (1u32..=9999).prop_map(|n| AnyCitation::Built(Citation::url(
                format!("https://www.example.org/news/{n}.html")))),
        ]
    }

    /// A sentence, with a citation before its period when `cite`.
    #[derive(Debug, Clone)]
    pub struct Sentence {
        text: String,
        citation: Option<AnyCitation>,
    }

    fn sentence(cite: bool) -> impl Strategy<Value = Sentence> {
        let citation = if cite {
            prop::option::weighted(0.6, citation()).boxed()
        } else {
            Just(None).boxed()
        };
        (clause(), citation).prop_map(|(text, citation)| Sentence { text, citation })
    }

    /// `Clause (Citation).`, or `Clause.[7]` for a bracketed endnote
    /// marker, which follows the period.
    fn add_sentences(mut p: ParagraphBuilder, sentences: Vec<Sentence>) -> ParagraphBuilder {
        for (i, s) in sentences.into_iter().enumerate() {
            if i > 0 {
                p = p.text(" ");
            }
            p = p.text(s.text);
            p = match s.citation {
                Some(AnyCitation::Sources(c)) => p.text(" ").citation(c).text("."),
                Some(AnyCitation::Built(
                    c @ Citation::NoteMarker {
                        style: bulletin::MarkerStyle::Bracket,
                        ..
                    },
                )) => p.text(".").citation(c),
                Some(AnyCitation::Built(c)) => p.text(" ").citation(c).text("."),
                None => p.text("."),
            };
        }
        p
    }

    #[derive(Debug, Clone)]
    pub enum BlockSpec {
        Paragraph(Vec<Sentence>),
        Heading(String),
    }

    fn heading() -> impl Strategy<Value = String> {
        words(2..=4).prop_map(|w| w.join(" ").to_uppercase())
    }

    fn paragraph(cite: bool) -> impl Strategy<Value = BlockSpec> {
        prop::collection::vec(sentence(cite), 1..=3).prop_map(BlockSpec::Paragraph)
    }

    /// Paragraphs with headings between them (a heading heads something,
    /// and one first in the body would read as a photo caption).
    fn body(cite: bool) -> impl Strategy<Value = Vec<BlockSpec>> {
        (
            paragraph(cite),
            prop::collection::vec(
                (prop::option::weighted(0.3, heading()), paragraph(cite)),
                0..=4,
            ),
        )
            .prop_map(|(first, rest)| {
                let mut blocks = vec![first];
                for (heading, paragraph) in rest {
                    blocks.extend(heading.map(BlockSpec::Heading));
                    blocks.push(paragraph);
                }
                blocks
            })
    }

    fn header() -> impl Strategy<Value = HeaderBuilder> {
        (
            prop::option::weighted(0.9, select(PUBLICATIONS)),
            prop::option::of(1u32..=12),
            prop::option::of(1u32..=300),
            prop::collection::vec(name(), 0..=3),
            prop::option::weighted(0.2, (2000i32..=2010, 1u8..=12, 1u8..=28)),
        )
            .prop_map(|(publication, volume, issue, authors, dated)| {
                let date = dated.map(|(y, m, d)| {
                    let month = time::Month::try_from(m).expect("month in range");
                    time::Date::from_calendar_date(y, month, d).expect("day exists")
                });
                // Without a publication, a layout that states the date: a
                // masthead (volume and issue) or a dated page (neither).
                let (mut h, volume, issue, date) = match (publication, date) {
                    (Some(p), date) => (
                        Header::builder(p),
                        volume,
                        issue,
                        date.filter(|_| issue.is_some()),
                    ),
                    (None, Some(date)) if volume.is_some() && issue.is_some() => {
                        (Header::dated(date), volume, issue, None)
                    }
                    (None, Some(date)) => (Header::dated(date), None, None, None),
                    (None, None) => (Header::builder(PUBLICATIONS[0]), volume, issue, None),
                };
                h = h.authors(authors);
                if let Some(v) = volume {
                    h = h.volume(v);
                }
                if let Some(i) = issue {
                    h = h.issue(i);
                }
                if let Some(date) = date {
                    h = h.date(date);
                }
                h
            })
    }

    /// `TALKS RESUME AT LAST.`, `Talks Resume at Last`.
    fn title() -> impl Strategy<Value = Option<String>> {
        prop::option::of((words(2..=6), any::<bool>(), any::<bool>()).prop_map(
            |(w, period, caps)| {
                let text = if caps {
                    w.join(" ").to_uppercase()
                } else {
                    w.iter()
                        .map(|word| {
                            let mut c = word.chars();
                            c.next()
                                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                                .unwrap_or_default()
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                if period { text + "." } else { text }
            },
        ))
    }

    /// A footer with any of its parts, opening with a part the parser
    /// knows a footer by.
    fn footer() -> impl Strategy<Value = Option<FooterBuilder>> {
        let parts = (
            any::<bool>(),
            prop::collection::vec(name(), 0..=3),
            prop::collection::vec(name(), 0..=2),
            (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()),
            any::<bool>(),
            prop::option::of((1983i32..=1995, 1995i32..=2012, any::<bool>())),
            any::<bool>(),
        );
        prop::option::weighted(
            0.4,
            parts.prop_map(
                |(statement, seniors, analysts, contact, notice, copyright, credit)| {
                    let mut f = Footer::builder();
                    if statement {
                        f = f
                            .publication("the Monitor")
                            .publisher("the Jamestown Foundation");
                    }
                    if !seniors.is_empty() {
                        f = f.staff("senior analysts", seniors);
                    }
                    if !analysts.is_empty() {
                        f = f.staff("analysts", analysts);
                    }
                    let (email, phone, fax, address) = contact;
                    if email {
                        f = f.email("desk@example.org");
                    }
                    if phone {
                        f = f.phone("202-555-0100");
                    }
                    if fax {
                        f = f.fax("202-555-0134");
                    }
                    if address {
                        f = f.address(
                            "The Jamestown Foundation, 1200 Example Street NW, Washington DC 20036",
                        );
                    }
                    if notice {
                        f = f.notice(
                            "Unauthorized reproduction or redistribution of the Monitor is strictly prohibited by law.",
                        );
                    }
                    let opens = statement || notice || copyright.is_some() || credit;
                    match copyright {
                        Some((from, to, holder)) => {
                            let holder = if holder { "The Jamestown Foundation" } else { "" };
                            f = f.copyright(from, to, holder);
                        }
                        None if !opens => f = f.copyright(2001, 2001, "Example Institute"),
                        None => {}
                    }
                    if credit { f.credit("Example Web Works") } else { f }
                },
            ),
        )
    }

    /// An article's parts, which [`Spec::build`] turns into an article.
    #[derive(Debug, Clone)]
    pub struct Spec {
        headerless: bool,
        chrome: bool,
        title: Option<String>,
        header: HeaderBuilder,
        captions: Vec<&'static str>,
        body: Vec<BlockSpec>,
        notes: Vec<AnyCitation>,
        footer: Option<FooterBuilder>,
        next_headline: Option<String>,
    }

    impl Spec {
        pub fn build(self) -> Result<Article<'static>, bulletin::BuildError> {
            let mut a: ArticleBuilder = Article::builder();
            if self.headerless {
                a = a.without_header();
            } else {
                a = a.header(self.header);
            }
            if self.chrome {
                a = a.chrome("Placeholder canvas");
            }
            if let Some(t) = self.title {
                a = a.title(t);
            }
            for c in self.captions {
                a = a.caption(c);
            }
            for block in self.body {
                a = match block {
                    BlockSpec::Heading(h) => a.heading(h),
                    BlockSpec::Paragraph(s) => a.paragraph(|p| add_sentences(p, s)),
                };
            }
            for (i, note) in self.notes.into_iter().enumerate() {
                let number = u32::try_from(i + 1).expect("few notes");
                a = match note {
                    AnyCitation::Sources(c) => a.note(number, c),
                    AnyCitation::Built(_) => {
                        a.note_text(number, "Interview with a ministry official")
                    }
                };
            }
            if let Some(f) = self.footer {
                a = a.footer(f);
            }
            if let Some(h) = self.next_headline {
                a = a.next_headline(h);
            }
            a.build()
        }
    }

    /// Articles; with `cite`, paragraphs carry citations and notes are
    /// source citations, else notes are free text.
    pub fn article(cite: bool) -> impl Strategy<Value = Spec> {
        let notes = if cite {
            prop::collection::vec(sources().prop_map(AnyCitation::Sources), 0..=3).boxed()
        } else {
            prop::collection::vec(Just(AnyCitation::Built(Citation::note_marker(1))), 0..=3).boxed()
        };
        (
            prop::bool::weighted(0.1),
            any::<bool>(),
            title(),
            header(),
            prop::collection::vec(
                select(
                    &[
                        "President Ilir Duka",
                        "Ministers at the summit, May 3 (Source: example.gov)",
                    ][..],
                ),
                0..=2,
            ),
            body(cite),
            notes,
            footer(),
            prop::option::weighted(
                0.3,
                prop::collection::vec(select(LAST), 3..=5)
                    .prop_map(|w| format!("{} Weighs New Gas Terms.", w.join(" and "))),
            ),
        )
            .prop_map(
                |(
                    headerless,
                    chrome,
                    title,
                    header,
                    captions,
                    body,
                    notes,
                    footer,
                    next_headline,
                )| Spec {
                    headerless,
                    // Title, captions and chrome need a header.
                    chrome: chrome && !headerless,
                    title: title.filter(|_| !headerless),
                    header,
                    captions: if headerless { Vec::new() } else { captions },
                    body,
                    notes,
                    footer,
                    next_headline,
                },
            )
    }
}

fn proptest_config() -> proptest::test_runner::Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    proptest::test_runner::Config {
        // The citation property fails until the inline grammar lands; keep
        // its seeds out of the source tree.
        failure_persistence: None,
        ..proptest::test_runner::Config::with_cases(cases)
    }
}

/// Builds `spec`, renders it and parses the rendering: the tree must come
/// back as built.
fn check_built(spec: generate::Spec) -> Result<(), proptest::test_runner::TestCaseError> {
    let built = spec
        .build()
        .map_err(|e| proptest::test_runner::TestCaseError::fail(format!("build failed: {e}")))?;
    let rendered = built.to_string();
    let options = ParseOptions::new().lenient(built.header.is_none());
    let parsed = options
        .parse(&rendered)
        .map_err(|e| proptest::test_runner::TestCaseError::fail(format!("{e}\n{rendered}")))?;
    proptest::prop_assert_eq!(
        comparable(&parsed),
        comparable(&built),
        "rendered:\n{}",
        rendered
    );
    proptest::prop_assert_eq!(parsed.to_string(), rendered);
    Ok(())
}

/// Non-blank lines of every fixture and, when it is there, of the corpus:
/// the material for [`shuffled_lines_round_trip`].
fn material() -> &'static [String] {
    static LINES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    LINES.get_or_init(|| {
        // The `invalid/` fixtures (a lone byte-order mark, ...) are not
        // article material.
        let mut files: Vec<PathBuf> =
            txt_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"))
                .into_iter()
                .filter(|f| !f.components().any(|c| c.as_os_str() == "invalid"))
                .collect();
        if let Some(corpus) = common::corpus_dir() {
            files.extend(txt_files(&corpus.join("seed")));
            files.extend(common::real_files(&corpus));
        }
        files
            .iter()
            .flat_map(|f| {
                common::read(f)
                    .lines()
                    .map(|l| l.trim_end_matches('\r').to_string())
                    .collect::<Vec<_>>()
            })
            .filter(|l| !l.trim().is_empty())
            .collect()
    })
}

const SEPARATORS: [&str; 6] = ["\n", "\n\n", "\n\n\n", "\r\n", "  \n \t\n  ", "\n\n\n\n"];

proptest::proptest! {
    #![proptest_config(proptest_config())]

    /// Real and fixture lines in random order, with random line breaks,
    /// blank lines and indentation between them: whatever the parser makes
    /// of them, the rendering reads back the same (an article with nothing
    /// in it renders as nothing, which is not an article).
    #[test]
    fn shuffled_lines_round_trip(
        picks in proptest::collection::vec(
            (proptest::prelude::any::<proptest::sample::Index>(), 0..SEPARATORS.len()),
            1..25,
        )
    ) {
        let lines = material();
        let mut text = String::new();
        for (line, separator) in picks {
            text.push_str(line.get::<String>(lines));
            text.push_str(SEPARATORS[separator]);
        }
        let options = ParseOptions::new().lenient(true);
        let first = options.parse(&text).map_err(|e| {
            proptest::test_runner::TestCaseError::fail(format!("{e}"))
        })?;
        let rendered = first.to_string();
        if !rendered.is_empty() {
            let second = options.parse(&rendered).map_err(|e| {
                proptest::test_runner::TestCaseError::fail(format!("{e}\n{rendered}"))
            })?;
            proptest::prop_assert_eq!(
                comparable(&first),
                comparable(&second),
                "input:\n{}\n--- rendered:\n{}",
                text,
                rendered
            );
        }
    }

    /// Titles, headers, bylines, captions, chrome, paragraphs, headings,
    /// notes, footers and next headlines read back as built.
    #[test]
    fn built_articles_round_trip(spec in generate::article(false)) {
        check_built(spec)?;
    }

    /// The same with citations of every kind in the paragraphs and notes.
    #[test]
    fn built_articles_with_citations_round_trip(spec in generate::article(true)) {
        check_built(spec)?;
    }
}

// ------------------------------------------------------------ fixed point

fn render_fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/render")
        .join(name);
    common::read(&path)
}

/// The canonical layout is a fixed point: rendering its parse gives it
/// back byte for byte.
#[test]
fn canonical_fixture_renders_to_itself() {
    let canonical = render_fixture("canonical.txt");
    let article = bulletin::parse_article(&canonical).expect("canonical fixture parses");
    assert_eq!(article.to_string(), canonical);
}

/// The layout is normalised (CRLF, blank-line runs, indentation, a notes
/// list without heading) while every text stays as written.
#[test]
fn messy_layout_renders_canonically() {
    let messy = render_fixture("messy-layout.txt");
    let article = bulletin::parse_article(&messy).expect("messy fixture parses");
    assert_eq!(article.to_string(), render_fixture("canonical.txt"));
}

/// Citations written from their structure read back as that structure:
/// every corpus file and fixture, its citations canonicalized, round-trips.
#[test]
fn canonical_citations_round_trip() {
    let mut files = txt_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"));
    if let Some(corpus) = common::corpus_dir() {
        files.extend(txt_files(&corpus.join("seed")));
        files.extend(common::real_files(&corpus));
    }
    let options = ParseOptions::new().lenient(true);
    for path in files {
        let text = common::read(&path);
        let Ok(mut article) = options.parse(&text) else {
            continue;
        };
        article.canonicalize_citations();
        let rendered = article.to_string();
        let Ok(again) = options.parse(&rendered) else {
            panic!("{}: the rendering does not parse", path.display());
        };
        let (a, b) = (comparable(&article), comparable(&again));
        if a != b {
            let diff: Vec<String> = a
                .citations()
                .zip(b.citations())
                .filter(|(x, y)| x.citation != y.citation || x.raw != y.raw)
                .map(|(x, y)| {
                    format!(
                        "{:?}\n  became {:?}\n  {:?}\n  {:?}",
                        x.raw, y.raw, x.citation, y.citation
                    )
                })
                .collect();
            panic!(
                "{}: canonical citations changed:\n{}",
                path.display(),
                diff.join("\n")
            );
        }
    }
}

/// The citation forms of FORMAT.md §5.6 round-trip as written, and their
/// canonical forms (`May 22-26`, `;` between groups, no stripped comma
/// before an outlet) read back as the same structure.
#[test]
fn newer_citation_forms_round_trip() {
    let text = "Publication: Monitor Volume: 6 Issue: 200\n\n\
        Both agencies carried it (Interfax, Itar-Tass, May 22 through 26). \
        It spread (Rezonansi, March 2; Akhali Taoba, March 3, as cited by Interfax). \
        Troops moved (Reuters, May 4, citing Interfax, May 3). \
        The page went (, Reuters, June 16). \
        Both showed it (NTV and RTR television, April 2). \
        The papers disagreed (Interfax, May 3, Rezonansi, May 4). \
        It was relayed (Prima, May 1, translated by BBC Monitoring, May 2, via Interfax).\n";
    assert_round_trip("newer forms", text);
    let options = ParseOptions::new();
    let mut article = options.parse(text).unwrap();
    assert_eq!(article.citations().count(), 7);
    article.canonicalize_citations();
    let rendered = article.to_string();
    for canonical in [
        "(Interfax, Itar-Tass, May 22-26)",
        "(Reuters, June 16)",
        "(Interfax, May 3; Rezonansi, May 4)",
        "(Prima, May 1, translated by BBC Monitoring, May 2, via Interfax)",
    ] {
        assert!(rendered.contains(canonical), "{canonical}\n{rendered}");
    }
    let again = options.parse(&rendered).unwrap();
    assert_eq!(comparable(&again), comparable(&article));
}

/// Found by the `roundtrip` fuzz target: a byte-order mark behind a blank
/// line opened the title; the rendering drops the blank line, and the mark
/// was then skipped as a document's byte-order mark, changing the title.
#[test]
fn fuzz_found_byte_order_mark_behind_blank_line() {
    assert_round_trip(
        "fuzz crash 228d3839",
        "\n\u{feff}ilN\u{0}\u{0}\u{0}ple City\nPublication: North Caucasus Weekly Volume: 9 Issue: 15\nBy: Dana Orlova\nMinisters of the three republics met on April 14 to discuss the new highway, the first such meeting in two yearvacs\n\nOfficials confis\u{0}0* ino\u{1}\n: 3 Iss",
    );
}

/// Found by the `roundtrip` fuzz target: a non-breaking space before
/// `Volume:` hid the field from the name's end but not from the field
/// reader, so the publication was read as `Volume: 7`, and its rendering
/// `Publication: Volume: 7 Issue: 12` had no name.
#[test]
fn fuzz_found_non_breaking_space_before_volume() {
    assert_round_trip(
        "fuzz crash fff506f1",
        "Pu\u{17}\u{17}blication: Monitor;  \u{a0}Volume: 7 Issue: 12\n\nThe\u{d5} vote was set for F\u{0}\u{0}\u{0}t for later (Itar-Tass,Placeholder canvas\n",
    );
    assert_round_trip(
        "non-breaking space before Volume",
        "Publication: Monitor\u{a0}Volume: 7 Issue: 12\n\nThe vote was set for later.\n",
    );
    let article =
        bulletin::parse_article("Publication: Monitor\u{a0}Volume: 7 Issue: 12\n\nText.\n")
            .unwrap();
    let header = article.header.unwrap();
    assert_eq!(
        (
            header.publication.as_deref().unwrap(),
            header.volume,
            header.issue
        ),
        ("Monitor", Some(7), Some(12))
    );
}

/// Found by the `roundtrip` fuzz target: `Publication:Volume: 6` (no space
/// after the colon) was read with the publication `Volume: 6`; rendered
/// with the space, the header had no name. Now neither parse finds a name.
#[test]
fn fuzz_found_header_without_space_or_name() {
    let input = "Publication:Volume: 6 Issue: 41\n\nFees rose on May 4.\n";
    let err = bulletin::parse_article(input).unwrap_err();
    assert_eq!(err.kind(), bulletin::ErrorKind::InvalidHeader);
    assert_eq!((err.line(), err.column()), (1, 13));
}

/// Found by the `roundtrip` fuzz target: a `Title; Publication Volume: N`
/// header whose title ran past 400 bytes; rendered on a line of its own,
/// the title was then read as site chrome.
#[test]
fn fuzz_found_overlong_title_before_semicolon() {
    let title = "Officials Weigh the Pipeline Route ".repeat(12);
    let input = format!(
        "Site Menu\n\n{title}; Eurasia Daily Monitor Volume: 1 Issue: 125\n\nThe minister spoke on May 4.\n"
    );
    assert_round_trip("fuzz crash e2b9cb19", &input);
    let short = format!(
        "Site Menu\n\n{}; Eurasia Daily Monitor Volume: 1 Issue: 125\n\nThe minister spoke on May 4.\n",
        title.trim().get(..300).unwrap()
    );
    let article = ParseOptions::new().lenient(true).parse(&short).unwrap();
    assert!(article.title.is_some(), "a title of 300 bytes is kept");
    assert_round_trip("a 300-byte title", &short);
}

/// Found by the `roundtrip` fuzz target: in the dated layout (a
/// publication line, then `Weekday, Month D, YYYY -- Volume N, Issue M`)
/// the publication line `Volume:  Monitor` was taken as the name, which a
/// `Publication:` line cannot carry.
#[test]
fn fuzz_found_field_keyword_in_a_dated_publication_line() {
    for name in ["Volume:  Monitor", "Eurasia Daily Monitor Issue: 4"] {
        let input = format!(
            "{name}\nTuesday, August 1, 2006 -- Volume 3, Issue 148\nTalks Resume\n\nThe talks resumed on July 30.\n"
        );
        assert!(bulletin::parse_article(&input).is_err(), "{name:?}");
        assert_round_trip("fuzz crash 90d91730", &input);
    }
}

/// Found by the `roundtrip` fuzz target: a hard-wrapped first paragraph
/// whose first line reads as a byline (`By: Anna Kovacs...`), two blank
/// lines below a header without authors. Rendered one blank line below
/// it, that first line became the byline.
#[test]
fn fuzz_found_byline_shaped_first_line_of_a_paragraph() {
    let input = "Publication: Eurasia Daily Monitor Volume: 12 Issue: 88\n\n\n\
        By: Anna Kovacs, who wrote from Baku on August 1, 2006, and the\n\
        ministry, which said that the talks would resume in the autumn once\n\
        the transit fees had been agreed by both of the governments concerned\n\
        and by the consortium that is to build and run the new pipeline.\n\n\
        Observers had expected a signature by the end of the month.\n";
    let article = ParseOptions::new().lenient(true).parse(input).unwrap();
    assert!(article.header.as_ref().unwrap().authors.is_empty());
    assert_round_trip("fuzz crash 83d80ccb", input);
}

/// Found by the `roundtrip` fuzz target: connectors left without a name
/// beside them gave authors (`and`, `Piotr Lind and`, `and Piotr Lind`)
/// that the rendering did not give back.
#[test]
fn fuzz_found_connectors_without_a_name_in_a_byline() {
    for (crash, names, authors) in [
        // `A & B and and and C`: a connector alone.
        (
            "394c0eb9",
            "Anna Kovacs & Piotr Lind and and and Dana Orlova",
            &["Anna Kovacs", "Piotr Lind", "Dana Orlova"][..],
        ),
        // `A, B and, C`: a connector before a comma.
        (
            "bb36051a",
            "Anna Kovacs, Piotr Lind and, Dana Orlova",
            &["Anna Kovacs", "Piotr Lind", "Dana Orlova"],
        ),
        // Connectors followed by other white space.
        (
            "6390dc02",
            "Anna Kovacs and and  \u{c}and  \u{c}Piotr Lind",
            &["Anna Kovacs", "Piotr Lind"],
        ),
    ] {
        let input = format!("Publication: Monitor Volume: 5 Issue: 88\nBy: {names}\n\nText.\n");
        let article = bulletin::parse_article(&input).unwrap();
        assert_eq!(article.header.as_ref().unwrap().authors, authors, "{crash}");
        assert_round_trip(&format!("fuzz crash {crash}"), &input);
    }
}

/// Found by the `roundtrip` fuzz target: a `By:` line just under the
/// length bound, whose rendering (names joined with `and` instead of a
/// comma) ran just over it and was read as a paragraph. The bound is now
/// on the names themselves.
#[test]
fn fuzz_found_byline_near_the_length_bound() {
    let long = "Dana Orlova of the Institute of Regional Studies in North Ossetia";
    let byline = format!("By: {long}, {long}, {long}");
    assert!(byline.len() < 204 && byline.len() > 190, "{}", byline.len());
    let input = format!("Publication: Monitor Volume: 5 Issue: 88\n{byline}\n\nText.\n");
    let article = bulletin::parse_article(&input).unwrap();
    assert_eq!(article.header.as_ref().unwrap().authors.len(), 3);
    assert_round_trip("fuzz crash c1ded359", &input);
}

/// Found by the `roundtrip` fuzz target (crash `e78663e5`): a date after
/// `Volume: 12` with no issue number was read as a timestamp glued to the
/// issue, which the rendering, with no issue to glue it to, left out. A
/// glued timestamp follows the issue number, and only a weekday's name may
/// stand before its month (`Issueinterfax, May 4, 2015` is no date). The
/// text is skipped with a diagnostic, which the rendering rightly drops, so
/// the trees are compared as the fuzz target compares them.
#[test]
fn fuzz_found_date_after_a_volume_without_an_issue() {
    for header in [
        "Publication: Eurasia Daily Monitor Volume: 12 Issueinterfax, May 4, 2015.",
        "Publication: Eurasia Daily Monitor Volume: 12 May 4, 2015",
        "Publication: Eurasia Daily Monitor Issue: 3 Volume: 12 May 4, 2015",
    ] {
        let input = format!("Pipeline Deal Stalls\n\n{header}\n\nThe talks stalled.\n");
        let first = ParseOptions::new().lenient(true).parse(&input).unwrap();
        assert_eq!(first.header.as_ref().unwrap().date, None, "{header}");
        assert!(
            first
                .diagnostics
                .iter()
                .any(|d| d.kind == DiagnosticKind::Unexpected && d.message.contains("May 4, 2015")),
            "{header}: {:?}",
            first.diagnostics
        );
        let rendered = first.to_string();
        let second = ParseOptions::new().lenient(true).parse(&rendered).unwrap();
        let tree = |article: &Article<'_>| {
            let mut article = comparable(article);
            article.diagnostics.clear();
            article
        };
        assert_eq!(
            tree(&first),
            tree(&second),
            "{header}: rendered\n{rendered}"
        );
    }
    // Glued to the issue number, the date is the issue's.
    let glued = "Publication: Eurasia Daily Monitor Volume: 5 Issue: 48December 18, 2008 07:08 PM\n\nThe talks stalled.\n";
    let article = bulletin::parse_article(glued).unwrap();
    assert_eq!(
        article
            .header
            .unwrap()
            .date
            .map(|d| d.to_string())
            .as_deref(),
        Some("2008-12-18")
    );
    assert_round_trip("glued timestamp", glued);
}

/// Found by the `roundtrip` fuzz target (crash `798aaee4`): under a PDF
/// issue line whose title runs into its paragraph, the line after it was
/// also read as a byline, and so stood twice in the tree, as the authors
/// and inside the paragraph that runs on over it. The paragraph has begun:
/// the next line goes on with it.
#[test]
fn fuzz_found_byline_after_a_title_that_runs_into_its_paragraph() {
    let input = "Example Weekly Volume 3, Issue 12 (May 4, 2009)\n\
                 HARBOR TALKS RESUME The talks would resume within the week\n\
                 By Anna Kovacs\n\
                 5\n\nThe talks resumed.\n";
    let article = bulletin::parse_article(input).unwrap();
    assert_eq!(article.title.as_deref(), Some("HARBOR TALKS RESUME"));
    assert!(article.header.as_ref().unwrap().authors.is_empty());
    assert_round_trip("fuzz crash 798aaee4", input);
}

/// Found by the `roundtrip` fuzz target (crash `315d5ed5`): under a PDF
/// issue line, a run of capitals longer than a title may be was taken for
/// the title running into its paragraph; written above the header, where
/// a line that long is chrome, it read back as chrome. Such a run is no
/// title.
#[test]
fn fuzz_found_overlong_capitals_under_a_pdf_issue_line() {
    let capitals = "HARBOR TALKS ".repeat(32);
    let input =
        format!("Example Weekly Volume 3, Issue 12 (May 4, 2009)\n{capitals}resumed on Monday.\n");
    let article = bulletin::parse_article(&input).unwrap();
    assert_eq!(article.title, None);
    assert_round_trip("fuzz crash 315d5ed5", &input);
    // Just within the bound, the run is the title.
    let capitals = "HARBOR TALKS ".repeat(30);
    let input =
        format!("Example Weekly Volume 3, Issue 12 (May 4, 2009)\n{capitals}resumed on Monday.\n");
    let article = bulletin::parse_article(&input).unwrap();
    assert_eq!(article.title.as_deref(), Some(capitals.trim_end()));
    assert_round_trip("a 390-byte run of capitals", &input);
}

/// Found by the `roundtrip` fuzz target (crash `912c1130`): a byte-order
/// mark opening the title line under a PDF issue line (as where files
/// were joined into one) stayed in the title; written above the issue
/// line, it opened the text and was skipped, so the title read back
/// without it. The mark is no part of the title.
#[test]
fn fuzz_found_byte_order_mark_before_a_pdf_title() {
    let input = "Example Weekly Volume 3, Issue 12 (May 4, 2009)\n\u{feff}HARBOR TALKS RESUME\n\nThe talks resumed.\n";
    let article = bulletin::parse_article(input).unwrap();
    assert_eq!(article.title.as_deref(), Some("HARBOR TALKS RESUME"));
    assert_round_trip("fuzz crash 912c1130", input);
    let running = "Example Weekly Volume 3, Issue 12 (May 4, 2009)\n\u{feff} HARBOR TALKS RESUME The talks resumed.\n";
    let article = bulletin::parse_article(running).unwrap();
    assert_eq!(article.title.as_deref(), Some("HARBOR TALKS RESUME"));
    assert_round_trip("byte-order mark, title running into its paragraph", running);
}
