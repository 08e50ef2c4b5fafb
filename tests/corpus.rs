//! The parser against the real bulletins of the shared corpus: the seed in
//! full detail, and every file's header against hand-checked expectations.

mod common;

use bulletin::{Block, ErrorKind, ParseOptions, parse_article};

#[test]
fn seed_parses_to_its_known_structure() {
    let Some(corpus) = common::corpus_dir() else {
        return;
    };
    let text = common::read(&corpus.join("seed/monitor-v05-i173.txt"));
    let article = parse_article(&text).expect("the seed parses");

    assert_eq!(article.title, None);
    let header = article.header.as_ref().expect("header");
    assert_eq!(header.publication.as_deref(), Some("Monitor"));
    assert_eq!(header.volume, Some(5));
    assert_eq!(header.issue, Some(173));
    assert_eq!(header.year, Some(1999));
    assert!(header.authors.is_empty());

    assert_eq!(article.body.len(), 3);
    assert!(
        article
            .body
            .iter()
            .all(|b| matches!(b, Block::Paragraph { .. }))
    );
    assert!(article.body[0].text().starts_with("As anticipated"));
    assert!(article.body[2].text().ends_with("September 16)."));
    for block in &article.body {
        let span = block.span();
        assert_eq!(&text[span.start..span.end], block.text());
    }
    assert!(article.notes.is_empty());
    assert!(article.next_headline.is_none());

    let footer = article.footer.as_ref().expect("footer");
    assert_eq!(footer.publication.as_deref(), Some("the Monitor"));
    assert_eq!(
        footer.publisher.as_deref(),
        Some("the Jamestown Foundation")
    );
    assert_eq!(footer.staff.len(), 2);
    assert_eq!(footer.staff[0].role, "senior analysts");
    assert_eq!(
        footer.staff[0].names,
        ["Jonas Bernstein", "Vladimir Socor", "Stephen Foye"]
    );
    assert_eq!(footer.staff[1].role, "analysts");
    assert_eq!(
        footer.staff[1].names,
        ["Ilya Malyakin", "Oleg Varfolomeyev", "Ilias Bogatyrev"]
    );
    assert_eq!(footer.contact.email, None);
    assert_eq!(footer.contact.phone, None);
    assert_eq!(footer.contact.fax.as_deref(), Some("301-562-8021"));
    assert_eq!(
        footer.contact.address.as_deref(),
        Some("The Jamestown Foundation, 4516 43rd Street NW, Washington DC 20016")
    );
    let copyright = footer.copyright.as_ref().expect("copyright");
    assert_eq!((copyright.from, copyright.to), (1983, 2002));
    assert_eq!(
        copyright.holder.as_deref(),
        Some("The Jamestown Foundation")
    );
    assert_eq!(
        footer.notice.as_deref(),
        Some(
            "Unauthorized reproduction or redistribution of the Monitor is strictly prohibited by law."
        )
    );
    assert_eq!(footer.credits, ["Johnny Flash Productions"]);
    assert_eq!(&text[footer.span.start..footer.span.end], footer.text);
    assert!(text.ends_with(footer.text.as_ref()));
}

/// One row of `tests/expected/headers.tsv`.
struct Expected<'a> {
    file: &'a str,
    publication: Option<&'a str>,
    volume: Option<u32>,
    issue: Option<u32>,
    year: Option<i32>,
    authors: Vec<&'a str>,
    title: Option<(usize, &'a str)>,
}

fn field<T: std::str::FromStr>(s: &str) -> Option<T> {
    (s != "-").then(|| s.parse().ok().expect("number in headers.tsv"))
}

fn expectations(table: &str) -> Vec<Expected<'_>> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 8, "row {l:?}");
            Expected {
                file: f[0],
                publication: (f[1] != "-").then_some(f[1]),
                volume: field(f[2]),
                issue: field(f[3]),
                year: field(f[4]),
                authors: if f[5] == "-" {
                    vec![]
                } else {
                    f[5].split("; ").collect()
                },
                title: field::<usize>(f[6]).map(|len| (len, f[7])),
            }
        })
        .collect()
}

#[test]
fn every_real_file_has_the_expected_header() {
    let Some(corpus) = common::corpus_dir() else {
        return;
    };
    let table = include_str!("expected/headers.tsv");
    let expected = expectations(table);
    let files = common::real_files(&corpus);
    let names: Vec<String> = files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let listed: Vec<&str> = expected.iter().map(|e| e.file).collect();
    assert_eq!(names, listed, "every corpus file is listed, in order");

    let lenient = ParseOptions::new().lenient(true);
    let mut failures = Vec::new();
    for (path, want) in files.iter().zip(&expected) {
        let text = common::read(path);
        let article = match want.publication {
            Some(_) => parse_article(&text).unwrap_or_else(|e| panic!("{}: {e}", want.file)),
            None => {
                let err = parse_article(&text).expect_err("no header: strict parse fails");
                assert_eq!(err.kind(), ErrorKind::MissingHeader, "{}", want.file);
                lenient
                    .parse(&text)
                    .expect("lenient parse of a header-less page")
            }
        };
        let got_header = article.header.as_ref();
        let got = (
            got_header.and_then(|h| h.publication.as_deref()),
            got_header.and_then(|h| h.volume),
            got_header.and_then(|h| h.issue),
            got_header.and_then(|h| h.year),
            got_header.map_or(vec![], |h| h.authors.iter().map(|a| a.as_ref()).collect()),
            article
                .title
                .as_deref()
                .map(|t| (t.chars().count(), t.chars().take(40).collect::<String>())),
        );
        let wanted = (
            want.publication,
            want.volume,
            want.issue,
            want.year,
            want.authors.clone(),
            want.title.map(|(len, prefix)| (len, prefix.to_string())),
        );
        if got != wanted {
            failures.push(format!("{}:\n  got  {got:?}\n  want {wanted:?}", want.file));
        }
        assert!(!article.body.is_empty(), "{}: a body", want.file);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
