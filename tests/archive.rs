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
