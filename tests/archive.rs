//! Archives: many articles in one text. The real corpus concatenated three
//! ways gives back every file as its own article, equal to parsing that
//! file alone (spans shifted by where the file starts); invented archives
//! with chrome, footers and teasers between articles split where a reader
//! would split them.

mod common;

use bulletin::visit::VisitMut;
use bulletin::{Article, ParseOptions, Span};

/// Moves every span of a tree `by` bytes later.
struct Shift(usize);

impl VisitMut<'_> for Shift {
    fn visit_span_mut(&mut self, span: &mut Span) {
        span.start += self.0;
        span.end += self.0;
    }
}

/// The corpus files that have a header (the others are pages whose header
/// was lost, which start no article of their own in an archive).
fn files_with_header() -> Option<Vec<(String, String)>> {
    let corpus = common::corpus_dir()?;
    let files = common::real_files(&corpus)
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, common::read(&path))
        })
        .filter(|(_, text)| bulletin::parse_article(text).is_ok())
        .collect::<Vec<_>>();
    assert!(
        files.len() > 100,
        "expected the corpus, found {}",
        files.len()
    );
    Some(files)
}

/// Joins `texts` with `separator` after each (a line break first where a
/// text does not end with one) and returns the joined text and where each
/// text starts.
fn concatenate(texts: &[String], separator: &str) -> (String, Vec<usize>) {
    let mut all = String::new();
    let mut starts = Vec::new();
    for text in texts {
        starts.push(all.len());
        all.push_str(text);
        if !text.ends_with('\n') {
            all.push_str(if separator.starts_with("\r\n") {
                "\r\n"
            } else {
                "\n"
            });
        }
        all.push_str(separator);
    }
    (all, starts)
}

fn assert_each_file_is_one_article(names: &[String], texts: &[String], separator: &str) {
    let (all, starts) = concatenate(texts, separator);
    let articles: Vec<Article<'_>> = bulletin::parse_archive(&all)
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{separator:?}: {e}"));
    assert_eq!(
        articles.len(),
        texts.len(),
        "{separator:?}: one article per file; titles: {:?}",
        articles
            .iter()
            .map(|a| a.title.as_deref())
            .collect::<Vec<_>>()
    );
    for (((name, text), start), article) in names.iter().zip(texts).zip(&starts).zip(&articles) {
        let mut alone = bulletin::parse_article(text).unwrap().into_owned();
        Shift(*start).visit_article_mut(&mut alone);
        assert_eq!(
            article, &alone,
            "{name} in an archive joined by {separator:?}"
        );
    }
}

#[test]
fn the_corpus_concatenated_gives_one_article_per_file() {
    let Some(files) = files_with_header() else {
        return;
    };
    let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
    let texts: Vec<String> = files.iter().map(|(_, t)| t.clone()).collect();
    assert_each_file_is_one_article(&names, &texts, "\n\n");
    assert_each_file_is_one_article(&names, &texts, "");
    let crlf: Vec<String> = texts
        .iter()
        .map(|t| t.replace("\r\n", "\n").replace('\n', "\r\n"))
        .collect();
    assert_each_file_is_one_article(&names, &crlf, "\r\n\r\n");
}

#[test]
fn one_article_gives_what_parse_article_gives() {
    let text = "TITLE\nPublication: Monitor Volume: 6 Issue: 41\n\nTalks resumed.\n";
    let articles: Vec<_> = bulletin::parse_archive(text).collect();
    assert_eq!(articles, [bulletin::parse_article(text)]);
    let articles: Vec<_> = bulletin::parse_archive("no header here").collect();
    assert_eq!(articles, [bulletin::parse_article("no header here")]);
    let lenient = ParseOptions::new().lenient(true);
    let articles: Vec<_> = lenient.parse_archive("no header here").collect();
    assert_eq!(articles, [lenient.parse("no header here")]);
}

fn fixture(name: &str) -> String {
    common::read(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/archives")
            .join(name),
    )
}

#[test]
fn chrome_footers_and_teasers_between_articles() {
    let text = fixture("chrome-footers-teasers.txt");
    let articles: Vec<Article<'_>> = bulletin::parse_archive(&text)
        .collect::<Result<_, _>>()
        .unwrap();
    let issues: Vec<_> = articles
        .iter()
        .map(|a| a.header.as_ref().unwrap().issue.unwrap())
        .collect();
    assert_eq!(issues, [41, 42, 43, 44]);
    assert!(articles[0].footer.is_some(), "a footer ends its article");
    assert_eq!(
        articles[1].chrome[0].text, "Share this article",
        "what follows a footer is chrome of the next article"
    );
    assert_eq!(
        articles[1].title.as_deref(),
        Some("CONVOY DELAYED IN THE PASS.")
    );
    assert_eq!(
        articles[1].next_headline.as_ref().map(|l| l.text.as_ref()),
        Some("Ferry Line Weighs New Fares."),
        "a teaser right above the next header stays with its article"
    );
    assert_eq!(articles[3].chrome[0].text, "Placeholder canvas");
    for article in &articles {
        for span in article.citations().map(|c| c.span) {
            assert!(
                span.slice(&text).is_some(),
                "spans point into the whole text"
            );
        }
    }
}

#[test]
fn the_articles_of_a_pdf_issue_inherit_its_masthead() {
    let text = fixture("pdf-issue.txt");
    let articles: Vec<Article<'_>> = bulletin::parse_archive(&text)
        .collect::<Result<_, _>>()
        .unwrap();
    let got: Vec<_> = articles
        .iter()
        .map(|a| {
            let h = a.header.as_ref().unwrap();
            (
                a.title.as_deref().unwrap(),
                h.volume,
                h.issue,
                h.authors.clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "HARBOR TALKS STALL AGAIN",
                Some(12),
                Some(7),
                vec!["Anna Kovacs".into()]
            ),
            (
                "CONVOY DELAYED IN THE PASS",
                Some(12),
                Some(7),
                vec!["Piotr Lind".into()]
            ),
        ]
    );
    assert!(
        matches!(articles[1].body[1], bulletin::Block::Heading { .. }),
        "a subhead without byline stays inside its article"
    );
}

#[test]
fn each_article_is_dated_by_its_own_header() {
    let text = fixture("mixed-layouts.txt");
    let articles: Vec<Article<'_>> = bulletin::parse_archive(&text)
        .collect::<Result<_, _>>()
        .unwrap();
    let dates: Vec<_> = articles
        .iter()
        .map(|a| {
            a.citations()
                .next()
                .unwrap()
                .citation
                .dates()
                .next()
                .unwrap()
                .start
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(dates, ["2008-12-16", "2008-12-22", "2008-12-28"]);
}

#[test]
fn archive_work_is_linear_in_the_number_of_articles() {
    // Ten thousand tiny articles: one pass, every one found.
    let one = "Publication: Monitor Volume: 6 Issue: 41\n\nTalks resumed (Interfax, May 3).\n\n";
    let text = one.repeat(10_000);
    assert_eq!(bulletin::parse_archive(&text).count(), 10_000);
}
