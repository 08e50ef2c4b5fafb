//! `bulletin table` and `bulletin graph`: the archive as rows, checked
//! against what `bulletin parse` says of the same input.
#![cfg(feature = "cli")]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

const ARCHIVE: &str = "tests/fixtures/cli/archive";

/// Runs `bulletin args` from the crate root; its standard output, after
/// checking it succeeded.
fn bulletin(args: &[&str]) -> String {
    let output = Command::cargo_bin("bulletin")
        .expect("the bulletin binary")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("bulletin runs");
    assert!(
        output.status.success(),
        "bulletin {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 on stdout")
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect()
}

/// The rows of a CSV table as maps from column to value, after checking
/// every record has as many fields as the header.
fn csv_rows(text: &str) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().expect("a header row").clone();
    reader
        .records()
        .map(|record| {
            let record = record.expect("an RFC 4180 record");
            assert_eq!(record.len(), header.len(), "{record:?}");
            header
                .iter()
                .zip(record.iter())
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// The shared corpus's pages and the seed, as paths for the command line.
fn corpus_paths() -> Option<Vec<String>> {
    let corpus = common::corpus_dir()?;
    Some(
        [corpus.join("real"), corpus.join("seed")]
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect(),
    )
}

/// Every citation object in `value` (body inlines and notes alike).
fn citations<'v>(value: &'v Value, found: &mut Vec<&'v Value>) {
    match value {
        Value::Object(map) => {
            if let Some(citation) = map.get("citation").filter(|c| c.is_object()) {
                found.push(citation);
            }
            map.values().for_each(|v| citations(v, found));
        }
        Value::Array(items) => items.iter().for_each(|v| citations(v, found)),
        _ => {}
    }
}

/// Rows a citation makes in `table citations`: one per group of a list of
/// sources, one for a URL or a note marker.
fn groups_of(citation: &Value) -> usize {
    match citation["kind"].as_str() {
        Some("sources") => citation["groups"].as_array().map_or(0, Vec::len),
        _ => 1,
    }
}

/// `(path, index)` of each article `parse --jsonl` prints, with how many
/// citation groups it holds.
fn groups_per_article(paths: &[String]) -> BTreeMap<(String, u64), usize> {
    let mut args = vec!["parse", "--jsonl", "--lenient"];
    args.extend(paths.iter().map(String::as_str));
    json_lines(&bulletin(&args))
        .iter()
        .map(|article| {
            let mut found = Vec::new();
            citations(article, &mut found);
            let key = (
                article["path"].as_str().unwrap().to_string(),
                article["index"].as_u64().unwrap(),
            );
            (key, found.into_iter().map(groups_of).sum())
        })
        .collect()
}

fn rows_per_article(rows: &[BTreeMap<String, String>]) -> BTreeMap<(String, u64), usize> {
    let mut counts = BTreeMap::new();
    for row in rows {
        let key = (row["path"].clone(), row["index"].parse().unwrap());
        *counts.entry(key).or_default() += 1;
    }
    counts
}

/// One row per group, article by article, over `paths`; each row's `raw`
/// is the text at its byte offsets in the file.
fn assert_citation_rows_match_parse(paths: &[String]) {
    let mut args = vec!["table", "citations", "--lenient"];
    args.extend(paths.iter().map(String::as_str));
    let rows = csv_rows(&bulletin(&args));
    let mut expected = groups_per_article(paths);
    expected.retain(|_, groups| *groups > 0);
    assert_eq!(rows_per_article(&rows), expected);
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    for row in &rows {
        let text = files.entry(row["path"].clone()).or_insert_with(|| {
            fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(&row["path"])).unwrap()
        });
        let (start, end): (usize, usize) =
            (row["start"].parse().unwrap(), row["end"].parse().unwrap());
        assert_eq!(&text[start..end], row["raw"], "{row:?}");
        assert!(
            ["source", "see", "url", "note"].contains(&row["kind"].as_str()),
            "{row:?}"
        );
    }
}

#[test]
fn citations_table_has_one_row_per_group_of_the_fixtures() {
    assert_citation_rows_match_parse(&[ARCHIVE.to_string(), "tests/fixtures/archives".to_string()]);
}

#[test]
fn citations_table_has_one_row_per_group_of_the_corpus() {
    let Some(paths) = corpus_paths() else {
        return;
    };
    assert_citation_rows_match_parse(&paths);
}

#[test]
fn csv_and_json_lines_hold_the_same_rows() {
    for kind in ["articles", "citations", "outlets"] {
        let csv = csv_rows(&bulletin(&["table", kind, ARCHIVE]));
        let jsonl = json_lines(&bulletin(&["table", kind, "--format", "jsonl", ARCHIVE]));
        assert_eq!(csv.len(), jsonl.len(), "{kind}");
        assert!(!csv.is_empty(), "{kind}");
        for (row, object) in csv.iter().zip(&jsonl) {
            let object = object.as_object().unwrap();
            assert_eq!(
                row.keys().collect::<Vec<_>>(),
                object.keys().collect::<Vec<_>>()
            );
            for (column, value) in row {
                let as_text = match &object[column] {
                    Value::Null => String::new(),
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                assert_eq!(value, &as_text, "{kind}.{column}");
            }
        }
    }
}

#[test]
fn tables_have_the_columns_of_the_contract() {
    let common = [
        "path",
        "index",
        "publication",
        "volume",
        "issue",
        "year",
        "issue_date",
    ];
    let columns: [(&str, &[&str]); 3] = [
        (
            "articles",
            &["title", "authors", "paragraphs", "citations", "words"],
        ),
        (
            "citations",
            &[
                "citation",
                "group",
                "kind",
                "outlets",
                "canonical_outlets",
                "target",
                "series",
                "dates",
                "first_date",
                "last_date",
                "raw",
                "start",
                "end",
            ],
        ),
        (
            "outlets",
            &[
                "citation",
                "group",
                "outlet",
                "canonical",
                "first_date",
                "last_date",
            ],
        ),
    ];
    for (kind, own) in columns {
        let text = bulletin(&["table", kind, ARCHIVE]);
        let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
        for column in common.iter().chain(own) {
            assert!(header.contains(column), "{kind} lacks {column}: {header:?}");
        }
        assert!(text.ends_with("\r\n"), "RFC 4180 records end with CRLF");
    }
}

#[test]
fn articles_table_has_one_row_per_article_with_its_header() {
    let rows = csv_rows(&bulletin(&["table", "articles", ARCHIVE]));
    let parsed = json_lines(&bulletin(&["parse", "--jsonl", ARCHIVE]));
    assert_eq!(rows.len(), parsed.len());
    for (row, article) in rows.iter().zip(&parsed) {
        let header = &article["header"];
        assert_eq!(row["path"], article["path"].as_str().unwrap());
        assert_eq!(
            row["publication"],
            header["publication"].as_str().unwrap_or("")
        );
        assert_eq!(row["issue"], header["issue"].to_string());
        assert_eq!(
            row["issue_date"],
            header["issue_date"]["date"].as_str().unwrap()
        );
        let mut found = Vec::new();
        for block in article["body"].as_array().unwrap() {
            citations(block, &mut found);
        }
        for note in article["notes"].as_array().unwrap() {
            citations(note, &mut found);
        }
        assert_eq!(row["citations"], found.len().to_string(), "{}", row["path"]);
        let paragraphs = article["body"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|b| b["kind"] == "paragraph")
            .count();
        assert_eq!(
            row["paragraphs"],
            paragraphs.to_string(),
            "headings are not paragraphs"
        );
    }
}

#[test]
fn outlets_table_gives_each_outlet_its_canonical_name_and_an_outlets_file_overrides_it() {
    let rows = csv_rows(&bulletin(&["table", "outlets", ARCHIVE]));
    let tass: Vec<_> = rows.iter().filter(|r| r["outlet"] == "Itar-Tass").collect();
    assert!(!tass.is_empty());
    assert!(tass.iter().all(|r| r["canonical"] == "TASS"));
    let file = scratch("outlets.tsv");
    fs::write(&file, "# house style\nItar-Tass\tITAR-TASS\n").unwrap();
    let rows = csv_rows(&bulletin(&[
        "table",
        "outlets",
        "--outlets",
        file.to_str().unwrap(),
        ARCHIVE,
    ]));
    let tass: Vec<_> = rows.iter().filter(|r| r["outlet"] == "Itar-Tass").collect();
    assert!(!tass.is_empty());
    assert!(
        tass.iter().all(|r| r["canonical"] == "ITAR-TASS"),
        "{tass:?}"
    );
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_tables");
    fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn graph_of_a_daily_archive_matches_each_edge_to_the_issue_cited() {
    let file = scratch("daily.txt");
    fs::write(&file, common::daily::daily_archive(40).0).unwrap();
    let path = file.to_str().unwrap();
    let edges = csv_rows(&bulletin(&["graph", path]));
    // Issues 4 to 40 each cite the issue three before them.
    assert_eq!(edges.len(), 37);
    let mut matched = 0;
    for edge in &edges {
        let index: usize = edge["index"].parse().unwrap();
        assert_eq!(edge["series"], "Monitor");
        assert_eq!(
            edge["target_issue"],
            (index + 1 - 3).to_string(),
            "{edge:?}"
        );
        // From the first stated date on, every issue date is pinned.
        if index >= 9 {
            assert_eq!(edge["matched_path"], path, "{edge:?}");
            assert_eq!(edge["matched_index"], (index - 3).to_string(), "{edge:?}");
            matched += 1;
        } else if !edge["matched_index"].is_empty() {
            assert_eq!(edge["matched_index"], (index - 3).to_string(), "{edge:?}");
        }
    }
    assert_eq!(matched, 31);
    let jsonl = json_lines(&bulletin(&["graph", "--format", "jsonl", path]));
    assert_eq!(jsonl.len(), edges.len());
    let graphml = bulletin(&["graph", "--format", "graphml", path]);
    assert_eq!(graphml.matches("<edge ").count(), edges.len());
    assert_eq!(
        graphml.matches("<node ").count(),
        40,
        "one node per issue, all in the input"
    );
    assert!(graphml.trim_end().ends_with("</graphml>"));
}
