//! Golden files: every invented fixture `tests/fixtures/**/X.txt` beside
//! `X.json`, the JSON of what the parser makes of it. A mismatch writes
//! the new output to `X.failed` (next to the golden file, for a diff) and
//! fails; `BULLETIN_BLESS=1 cargo test --test golden` rewrites the golden
//! files instead, to be reviewed in the diff before committing.
//!
//! What is recorded: the article of a strict parse when there is one;
//! otherwise the strict error (kind, line, column, offset, message) and
//! what lenient parsing gives (an article or its error). For the archives
//! under `tests/fixtures/archives/`, the list of what `parse_archive`
//! gives, article by article.

mod common;

use std::path::{Path, PathBuf};

use bulletin::{Article, ParseError, ParseOptions};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn txt_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            txt_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

/// A parse error as the golden file records it.
#[derive(serde::Serialize)]
struct ErrorRecord {
    kind: String,
    line: usize,
    column: usize,
    offset: usize,
    message: String,
}

impl From<ParseError> for ErrorRecord {
    fn from(err: ParseError) -> Self {
        ErrorRecord {
            kind: format!("{:?}", err.kind()),
            line: err.line(),
            column: err.column(),
            offset: err.offset(),
            message: err.message().to_string(),
        }
    }
}

/// What the parser makes of a fixture: the strict article, or the strict
/// error and what lenient parsing gives.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum Outcome<'a> {
    Article(Article<'a>),
    Rejected {
        strict_error: ErrorRecord,
        lenient: Result<Article<'a>, ErrorRecord>,
    },
}

fn outcome(text: &str) -> Outcome<'_> {
    match bulletin::parse_article(text) {
        Ok(article) => Outcome::Article(article),
        Err(strict) => Outcome::Rejected {
            strict_error: strict.into(),
            lenient: ParseOptions::new()
                .lenient(true)
                .parse(text)
                .map_err(ErrorRecord::from),
        },
    }
}

/// What `parse_archive` makes of an archive fixture, item by item.
fn archive_outcome(text: &str) -> Vec<Result<Article<'_>, ErrorRecord>> {
    bulletin::parse_archive(text)
        .map(|item| item.map_err(ErrorRecord::from))
        .collect()
}

#[test]
fn fixtures_match_their_golden_files() {
    let bless = std::env::var_os("BULLETIN_BLESS").is_some();
    let mut files = Vec::new();
    txt_files(&fixtures_dir(), &mut files);
    assert!(
        files.len() > 30,
        "expected the fixtures, found {}",
        files.len()
    );
    let mut failed = Vec::new();
    for path in &files {
        let text = common::read(path);
        let archive = path.parent().is_some_and(|dir| dir.ends_with("archives"));
        let mut got = if archive {
            serde_json::to_string_pretty(&archive_outcome(&text)).unwrap()
        } else {
            serde_json::to_string_pretty(&outcome(&text)).unwrap()
        };
        got.push('\n');
        let golden = path.with_extension("json");
        let failed_path = path.with_extension("failed");
        if bless {
            std::fs::write(&golden, &got).unwrap();
            let _ = std::fs::remove_file(&failed_path);
            continue;
        }
        match std::fs::read_to_string(&golden) {
            Ok(want) if want == got => {
                let _ = std::fs::remove_file(&failed_path);
            }
            Ok(_) | Err(_) => {
                std::fs::write(&failed_path, &got).unwrap();
                failed.push(golden.display().to_string());
            }
        }
    }
    assert!(
        failed.is_empty(),
        "output differs from the golden file (new output in the .failed file beside it; \
         BULLETIN_BLESS=1 rewrites them):\n{}",
        failed.join("\n")
    );
}
