//! The parser against a hand-written answer key for the real corpus:
//! `tests/expected/corpus_citations.txt` lists, for every file, the
//! citations a careful reader finds in the body, one per line: the raw
//! text, a tab, and the summary that `tests/common/summary.rs` writes
//! (`source "Itar-Tass" 1999-09-19..1999-09-20; see "the Monitor"
//! 1999-09-03`). Each file's citations must match exactly.

mod common;

use bulletin::ParseOptions;
use common::summary::summary;

/// The key: each file with its expected lines, in order.
fn answer_key() -> Vec<(String, Vec<String>)> {
    let key = include_str!("expected/corpus_citations.txt");
    let mut files: Vec<(String, Vec<String>)> = Vec::new();
    for line in key.lines() {
        if let Some(name) = line.strip_prefix("# file:") {
            files.push((name.trim().to_string(), Vec::new()));
        } else if line.starts_with('#') || line.trim().is_empty() {
            continue;
        } else if let Some((_, lines)) = files.last_mut() {
            lines.push(line.to_string());
        }
    }
    files
}

#[test]
fn corpus_citations_match_the_answer_key() {
    let Some(corpus) = common::corpus_dir() else {
        eprintln!("note: no corpus at ../shared/corpus or $BULLETIN_CORPUS; skipped");
        return;
    };
    let options = ParseOptions::new().lenient(true);
    let (mut expected_total, mut exact, mut false_positives, mut misses) = (0, 0, 0, 0);
    let mut failures = Vec::new();
    for (name, expected) in answer_key() {
        let path = [
            corpus.join("real").join(&name),
            corpus.join("seed").join(&name),
        ]
        .into_iter()
        .find(|p| p.is_file());
        let Some(path) = path else {
            failures.push(format!("{name}: file not found"));
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let got: Vec<String> = match options.parse(&text) {
            Ok(article) => article
                .citations()
                .map(|c| format!("{}\t{}", c.raw, summary(c.citation)))
                .collect(),
            Err(e) => {
                failures.push(format!("{name}: parse error {e}"));
                continue;
            }
        };
        expected_total += expected.len();
        let raw = |l: &String| l.split('\t').next().unwrap_or_default().to_string();
        let mut unmatched_got: Vec<&String> = got.iter().collect();
        for line in &expected {
            if let Some(at) = unmatched_got.iter().position(|g| *g == line) {
                exact += 1;
                unmatched_got.remove(at);
            } else if !got.iter().any(|g| raw(g) == raw(line)) {
                misses += 1;
            }
        }
        false_positives += got
            .iter()
            .filter(|g| !expected.iter().any(|e| raw(e) == raw(g)))
            .count();
        if got != expected {
            let mut diff = format!("--- {name}\n");
            for line in &expected {
                if !got.contains(line) {
                    diff.push_str(&format!("  - {line}\n"));
                }
            }
            for line in &got {
                if !expected.contains(line) {
                    diff.push_str(&format!("  + {line}\n"));
                }
            }
            failures.push(diff);
        }
    }
    eprintln!(
        "corpus citations: {exact} of {expected_total} exactly right, \
         {false_positives} false positives, {misses} missed"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
