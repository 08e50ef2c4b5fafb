//! The `bulletin` binary, run as a user would run it.
#![cfg(feature = "cli")]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const ARCHIVE: &str = "tests/fixtures/cli/archive";
const MONITOR: &str = "tests/fixtures/cli/archive/monitor/v05-i100.txt";
const MONITOR_2: &str = "tests/fixtures/cli/archive/monitor/v05-i120.txt";
const EDM: &str = "tests/fixtures/cli/archive/edm/v02-i010.txt";
const BAD: &str = "tests/fixtures/cli/bad/no-header.txt";

/// The binary, run from the crate root so fixture paths are relative.
fn bulletin() -> Command {
    let mut cmd = Command::cargo_bin("bulletin").expect("the bulletin binary");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// Runs `bulletin args` and returns what it printed and its exit status.
fn run(args: &[&str]) -> Output {
    bulletin().args(args).output().expect("bulletin runs")
}

fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).expect("UTF-8 on stdout")
}

fn stderr(output: &Output) -> &str {
    std::str::from_utf8(&output.stderr).expect("UTF-8 on stderr")
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect()
}

/// The lines of `bulletin parse` standard error that report a failure (not
/// the `help:` lines, not the `bulletin: skipped ...` notes).
fn failure_lines(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| !l.starts_with("  help: ") && !l.starts_with("bulletin: "))
        .collect()
}

/// How many `*.txt` files `path` is or holds, as `bulletin` walks it.
fn text_files(path: &Path) -> usize {
    if !path.is_dir() {
        return 1;
    }
    fs::read_dir(path)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            if p.is_dir() {
                text_files(&p)
            } else {
                usize::from(p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")))
            }
        })
        .sum()
}

fn read(path: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).expect("fixture")
}

/// The shared corpus: `$BULLETIN_CORPUS`, else `../shared/corpus` beside
/// the crate; `None`, with a note, when neither is there.
fn corpus() -> Option<PathBuf> {
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let found = std::env::var_os("BULLETIN_CORPUS")
        .map(PathBuf::from)
        .into_iter()
        .chain([beside])
        .find(|dir| dir.join("seed").is_dir());
    if found.is_none() {
        eprintln!("note: no shared corpus (../shared/corpus or BULLETIN_CORPUS); skipped");
    }
    found
}

/// `value` without the object members `drop` says to drop, at any depth.
fn without(value: &Value, drop: &dyn Fn(&str, &Value) -> bool) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(key, v)| !drop(key, v))
                .map(|(key, v)| (key.clone(), without(v, drop)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(|v| without(v, drop)).collect()),
        other => other.clone(),
    }
}

/// The value with every `span` key removed, at any depth.
fn without_spans(value: &Value) -> Value {
    without(value, &|key, _| key == "span")
}

// ---------------------------------------------------------------- parse

#[test]
fn one_file_prints_one_object() {
    let output = run(&["parse", MONITOR]);
    assert!(output.status.success(), "{}", stderr(&output));
    let article: Value = serde_json::from_str(stdout(&output)).unwrap();
    assert_eq!(article["title"], "PORT DEAL SIGNED IN POTI.");
    assert_eq!(article["header"]["publication"], "Monitor");
    assert_eq!(article["header"]["volume"], 5);
    assert_eq!(article["header"]["issue"], 100);
    assert_eq!(article["header"]["year"], 1999);
    assert_eq!(article["header"]["authors"], serde_json::json!([]));
    assert_eq!(article["body"][0]["kind"], "paragraph");
    assert!(article["notes"].is_array());
    assert!(article.get("path").is_none());
}

#[test]
fn several_files_print_an_array_in_argument_order() {
    let output = run(&["parse", MONITOR_2, MONITOR]);
    assert!(output.status.success());
    let articles: Vec<Value> = serde_json::from_str(stdout(&output)).unwrap();
    let issues: Vec<&Value> = articles.iter().map(|a| &a["header"]["issue"]).collect();
    assert_eq!(issues, [120, 100]);
}

#[test]
fn a_directory_is_walked_recursively_in_name_order_txt_only() {
    let output = run(&["parse", "--jsonl", ARCHIVE]);
    assert!(output.status.success(), "{}", stderr(&output));
    let paths: Vec<String> = json_lines(stdout(&output))
        .iter()
        .map(|a| a["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        paths,
        [
            "tests/fixtures/cli/archive/china-brief-v03-i004.txt",
            "tests/fixtures/cli/archive/edm/v02-i010.txt",
            "tests/fixtures/cli/archive/monitor/v05-i100.txt",
            "tests/fixtures/cli/archive/monitor/v05-i120.txt",
        ]
    );
    // Without --jsonl a directory gives an array, even of one file.
    let output = run(&["parse", "tests/fixtures/cli/archive/edm"]);
    let articles: Vec<Value> = serde_json::from_str(stdout(&output)).unwrap();
    assert_eq!(articles.len(), 1);
}

#[test]
fn jsonl_is_one_compact_object_per_line_with_path_first() {
    let output = run(&["parse", "--jsonl", MONITOR, EDM]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert_eq!(text.lines().count(), 2);
    for line in text.lines() {
        assert!(line.starts_with("{\"path\":"), "{line}");
    }
    let articles = json_lines(text);
    assert_eq!(articles[1]["path"], EDM);
    assert_eq!(
        articles[1]["header"]["authors"],
        serde_json::json!(["Tomas Reiner", "Ilka Sarv"])
    );

    let output = run(&["parse", "--jsonl", "--no-path", MONITOR]);
    let articles = json_lines(stdout(&output));
    assert!(articles[0].get("path").is_none());
    assert_eq!(articles[0]["header"]["issue"], 100);
}

#[test]
fn no_path_needs_jsonl() {
    bulletin()
        .args(["parse", "--no-path", MONITOR])
        .assert()
        .failure();
}

#[test]
fn standard_input_is_read_with_no_path_or_dash() {
    let text = read(MONITOR);
    for args in [&["parse"][..], &["parse", "-"][..]] {
        let output = bulletin()
            .args(args)
            .write_stdin(text.clone())
            .output()
            .unwrap();
        assert!(output.status.success());
        let article: Value = serde_json::from_str(stdout(&output)).unwrap();
        assert_eq!(article["header"]["issue"], 100);
    }
    let output = bulletin()
        .args(["parse", "--jsonl", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(json_lines(stdout(&output))[0]["path"], "-");
}

#[test]
fn a_bad_file_is_reported_and_the_others_still_printed() {
    let output = run(&[
        "parse",
        "--jsonl",
        MONITOR,
        BAD,
        EDM,
        "tests/fixtures/cli/missing.txt",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let issues: Vec<Value> = json_lines(stdout(&output))
        .iter()
        .map(|a| a["header"]["issue"].clone())
        .collect();
    assert_eq!(issues, [100, 10]);
    let errors = stderr(&output);
    assert!(
        errors.contains(&format!("{BAD}:1:1: expected a `Publication:` header")),
        "{errors}"
    );
    assert!(
        errors.contains("tests/fixtures/cli/missing.txt: "),
        "{errors}"
    );

    // The array form too stays valid JSON around the failure.
    let output = run(&["parse", MONITOR, BAD, EDM]);
    assert_eq!(output.status.code(), Some(1));
    let articles: Vec<Value> = serde_json::from_str(stdout(&output)).unwrap();
    assert_eq!(articles.len(), 2);
}

#[test]
fn lenient_accepts_a_page_without_header() {
    let output = run(&["parse", "--lenient", BAD]);
    assert!(output.status.success());
    let article: Value = serde_json::from_str(stdout(&output)).unwrap();
    assert_eq!(article["header"], Value::Null);
}

#[test]
fn text_that_is_not_utf8_fails_with_a_position_when_utf8_is_asked_for() {
    let dir = scratch("not-utf8");
    let file = dir.join("latin1.txt");
    fs::write(
        &file,
        b"Publication: Monitor\n\nCaf\xe9 talk, Yeltsin\x92s.\n",
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let output = run(&["parse", "--encoding", "utf-8", file]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("latin1.txt:3:4: not UTF-8 text (byte 0xe9)"),
        "{}",
        stderr(&output)
    );
    // By default, text that is not UTF-8 is read as Windows-1252, and said.
    let output = run(&["parse", file]);
    assert!(output.status.success(), "{}", stderr(&output));
    let article: Value = serde_json::from_str(stdout(&output)).unwrap();
    let paragraph = &article["body"][0]["inlines"][0]["text"];
    assert_eq!(paragraph, "Café talk, Yeltsin’s.");
    assert_eq!(
        article["diagnostics"],
        serde_json::json!([{"kind": "decoded", "span": {"start": 0, "end": 0},
                            "message": "decoded from windows-1252 (the text is not valid UTF-8)"}])
    );
}

/// A fresh directory under the target dir for generated files.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn order_is_kept_with_two_jobs() {
    // Files of very different sizes, so that workers finish out of order,
    // and more of them than one window holds.
    let dir = scratch("order");
    let count = 150;
    for i in 0..count {
        let paragraphs = if i % 7 == 0 { 400 } else { 1 };
        let mut text = format!("Publication: Monitor Volume: 4 Issue: {}\n\n", i + 1);
        for _ in 0..paragraphs {
            text.push_str(
                "Delegates met again in the capital to discuss quotas (Interfax, May 3).\n\n",
            );
        }
        fs::write(dir.join(format!("issue-{i:04}.txt")), text).unwrap();
    }
    fs::write(dir.join("issue-0050.txt"), "no header here\n").unwrap();
    let output = run(&[
        "parse",
        "--jsonl",
        "--no-path",
        "--jobs",
        "2",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let issues: Vec<u64> = json_lines(stdout(&output))
        .iter()
        .map(|a| a["header"]["issue"].as_u64().unwrap())
        .collect();
    let expected: Vec<u64> = (1..=count).filter(|&n| n != 51).collect();
    assert_eq!(issues, expected);
    assert!(stderr(&output).contains("issue-0050.txt:1:1:"));
}

// ---------------------------------------------------------------- check

#[test]
fn check_shows_the_line_and_a_caret_and_a_summary() {
    let output = run(&["check", ARCHIVE, BAD]);
    assert_eq!(output.status.code(), Some(1));
    let report = stdout(&output);
    assert!(report.contains(&format!("--> {BAD}:1:1")), "{report}");
    assert!(
        report.contains("1 | A page that lost its header line."),
        "{report}"
    );
    assert!(report.contains("  | ^"), "{report}");
    assert!(
        report.contains("help: pass --lenient to accept pages without a header"),
        "{report}"
    );
    assert!(!report.contains("ParseOptions"), "{report}");
    assert!(
        report.trim_end().ends_with("5 files, 4 articles, 1 failed"),
        "{report}"
    );
}

#[test]
fn check_points_at_the_column() {
    // Columns count characters, not bytes; CRLF line ends are not shown.
    let dir = scratch("check-column");
    let file = dir.join("bad-volume.txt");
    let text = "ЗАГОЛОВОК\r\nPublication: Монитор Volume: x Issue: 3\r\n\r\nText.\r\n";
    fs::write(&file, text).unwrap();
    let output = run(&["check", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let report = stdout(&output);
    assert!(report.contains("bad-volume.txt:2:30"), "{report}");
    let caret = report
        .lines()
        .find(|l| l.trim_end().ends_with('^'))
        .unwrap();
    let source = report.lines().find(|l| l.contains("Publication:")).unwrap();
    assert!(!source.contains('\r'));
    let column = |line: &str, at: usize| line[..at].chars().count();
    assert_eq!(
        column(caret, caret.find('^').unwrap()),
        column(source, source.find("x Issue").unwrap()),
        "{report}"
    );
}

#[test]
fn check_is_quiet_and_successful_on_good_files() {
    bulletin()
        .args(["check", ARCHIVE])
        .assert()
        .success()
        .stdout("4 files, 4 articles, 0 failed\n");
}

// ---------------------------------------------------------------- render

#[test]
fn render_gives_back_text_that_parses_to_the_same_article() {
    for fixture in [
        MONITOR,
        MONITOR_2,
        EDM,
        "tests/fixtures/cli/archive/china-brief-v03-i004.txt",
        "samples/monitor-sample.txt",
    ] {
        let parsed = run(&["parse", fixture]);
        let original: Value = serde_json::from_str(stdout(&parsed)).unwrap();
        let rendered = bulletin()
            .arg("render")
            .write_stdin(parsed.stdout.clone())
            .output()
            .unwrap();
        assert!(rendered.status.success(), "{}", stderr(&rendered));
        let reparsed = bulletin()
            .arg("parse")
            .write_stdin(rendered.stdout.clone())
            .output()
            .unwrap();
        assert!(
            reparsed.status.success(),
            "{fixture}: {}",
            stderr(&reparsed)
        );
        let again: Value = serde_json::from_str(stdout(&reparsed)).unwrap();
        let mut expected = without_spans(&original);
        let mut got = without_spans(&again);
        // Site chrome is not part of the article's canonical text.
        for v in [&mut expected, &mut got] {
            v["chrome"] = Value::Array(vec![]);
            v["diagnostics"] = Value::Array(vec![]);
        }
        assert_eq!(got, expected, "{fixture}:\n{}", stdout(&rendered));
    }
}

#[test]
fn render_reads_objects_arrays_and_json_lines() {
    let empty = bulletin()
        .args(["render", "-"])
        .write_stdin("")
        .output()
        .unwrap();
    assert!(empty.status.success() && empty.stdout.is_empty());
    let jsonl = run(&["parse", "--jsonl", MONITOR, EDM]);
    let array = run(&["parse", MONITOR, EDM]);
    let from_lines = bulletin()
        .arg("render")
        .write_stdin(jsonl.stdout)
        .output()
        .unwrap();
    let from_array = bulletin()
        .arg("render")
        .write_stdin(array.stdout)
        .output()
        .unwrap();
    assert!(from_lines.status.success() && from_array.status.success());
    assert_eq!(stdout(&from_lines), stdout(&from_array));
    assert!(stdout(&from_lines).contains("Publication: Monitor Volume: 5 Issue: 100\n"));
    assert!(
        stdout(&from_lines).contains("Publication: Eurasia Daily Monitor Volume: 2 Issue: 10\n")
    );
}

#[test]
fn render_reports_json_that_is_not_an_article() {
    bulletin()
        .arg("render")
        .write_stdin("{\"title\": 3}\n")
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("-: article 1: not an article"));
    bulletin()
        .args(["render", "tests/fixtures/cli/missing.json"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("missing.json"));
}

// ---------------------------------------------------------------- stats

/// (publication, volume) → (articles, first and last issue).
type Volumes = BTreeMap<(String, Option<u64>), (u64, Option<(u64, u64)>)>;

/// What `stats --json` should say, counted from `parse --jsonl` output.
#[derive(Debug, Default, PartialEq)]
struct Expected {
    articles: u64,
    header_less: u64,
    publications: BTreeMap<String, u64>,
    volumes: Volumes,
    years: BTreeMap<Option<i64>, u64>,
    citations: BTreeMap<&'static str, u64>,
    outlets: BTreeMap<String, u64>,
    targets: BTreeMap<String, u64>,
}

fn groups(citation: &Value) -> &[Value] {
    citation["groups"].as_array().map_or(&[], Vec::as_slice)
}

fn count_outlets(citation: &Value, outlets: &mut BTreeMap<String, u64>) {
    for group in groups(citation).iter().filter(|g| g["kind"] == "source") {
        for outlet in group["outlets"].as_array().into_iter().flatten() {
            let name = outlet.as_str().unwrap();
            if !name.is_empty() {
                *outlets.entry(name.to_string()).or_default() += 1;
            }
        }
    }
}

impl Expected {
    fn from_jsonl(articles: &[Value]) -> Self {
        let mut e = Expected::default();
        for article in articles {
            e.articles += 1;
            let header = &article["header"];
            *e.years.entry(header["year"].as_i64()).or_default() += 1;
            if header.is_null() {
                e.header_less += 1;
            } else {
                let publication = header["publication"].as_str().unwrap().to_string();
                *e.publications.entry(publication.clone()).or_default() += 1;
                let volume = e
                    .volumes
                    .entry((publication, header["volume"].as_u64()))
                    .or_default();
                volume.0 += 1;
                if let Some(issue) = header["issue"].as_u64() {
                    let range = volume.1.get_or_insert((issue, issue));
                    *range = (range.0.min(issue), range.1.max(issue));
                }
            }
            let inlines = article["body"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|b| b["inlines"].as_array().into_iter().flatten());
            for citation in inlines
                .filter(|i| i["kind"] == "citation")
                .map(|i| &i["citation"])
            {
                *e.citations.entry("total").or_default() += 1;
                let kind = match citation["kind"].as_str().unwrap() {
                    "sources"
                        if !groups(citation).is_empty()
                            && groups(citation).iter().all(|g| g["kind"] == "see") =>
                    {
                        "see"
                    }
                    "sources" => "sources",
                    "url" => "url",
                    "note" => "note",
                    other => panic!("unknown citation kind {other}"),
                };
                *e.citations.entry(kind).or_default() += 1;
                count_outlets(citation, &mut e.outlets);
                for see in groups(citation).iter().filter(|g| g["kind"] == "see") {
                    *e.targets
                        .entry(see["target"].as_str().unwrap().to_string())
                        .or_default() += 1;
                }
            }
            for note in article["notes"].as_array().unwrap() {
                if !note["citation"].is_null() {
                    count_outlets(&note["citation"], &mut e.outlets);
                }
            }
        }
        e
    }

    fn from_stats(stats: &Value) -> Self {
        let mut e = Expected {
            articles: stats["articles"].as_u64().unwrap(),
            header_less: stats["header_less"].as_u64().unwrap(),
            ..Expected::default()
        };
        for p in stats["publications"].as_array().unwrap() {
            let name = p["publication"].as_str().unwrap().to_string();
            e.publications
                .insert(name.clone(), p["articles"].as_u64().unwrap());
            for v in p["volumes"].as_array().unwrap() {
                let issues = (!v["issues"].is_null()).then(|| {
                    (
                        v["issues"]["first"].as_u64().unwrap(),
                        v["issues"]["last"].as_u64().unwrap(),
                    )
                });
                e.volumes.insert(
                    (name.clone(), v["volume"].as_u64()),
                    (v["articles"].as_u64().unwrap(), issues),
                );
            }
        }
        for y in stats["years"].as_array().unwrap() {
            e.years
                .insert(y["year"].as_i64(), y["articles"].as_u64().unwrap());
        }
        for kind in ["total", "sources", "see", "url", "note"] {
            let n = stats["citations"][kind].as_u64().unwrap();
            if n > 0 {
                e.citations.insert(kind, n);
            }
        }
        for o in stats["outlets"].as_array().unwrap() {
            e.outlets.insert(
                o["name"].as_str().unwrap().to_string(),
                o["count"].as_u64().unwrap(),
            );
        }
        for t in stats["cross_references"]["targets"].as_array().unwrap() {
            e.targets.insert(
                t["name"].as_str().unwrap().to_string(),
                t["count"].as_u64().unwrap(),
            );
        }
        assert_eq!(
            stats["cross_references"]["total"].as_u64().unwrap(),
            e.targets.values().sum::<u64>()
        );
        e
    }
}

/// `stats --json` over `paths` agrees with `parse --jsonl` over the same.
fn assert_stats_agree_with_parse(paths: &[&str], extra: &[&str]) -> Value {
    let mut parse_args = vec!["parse", "--jsonl"];
    parse_args.extend(extra);
    parse_args.extend(paths);
    let parsed = run(&parse_args);
    let mut stats_args = vec!["stats", "--json", "--top", "100000"];
    stats_args.extend(extra);
    stats_args.extend(paths);
    let stats_output = run(&stats_args);
    assert_eq!(parsed.status.code(), stats_output.status.code());
    let stats: Value = serde_json::from_str(stdout(&stats_output)).unwrap();
    let articles = json_lines(stdout(&parsed));
    assert_eq!(
        Expected::from_stats(&stats),
        Expected::from_jsonl(&articles)
    );
    assert_eq!(stats["articles"].as_u64().unwrap(), articles.len() as u64);
    let failures = failure_lines(stderr(&parsed));
    assert_eq!(stats["failed"].as_u64().unwrap(), failures.len() as u64);
    let files: usize = paths.iter().map(|p| text_files(Path::new(p))).sum();
    assert_eq!(stats["files"].as_u64().unwrap(), files as u64);
    stats
}

#[test]
fn stats_agree_with_parse_on_the_fixtures() {
    let stats = assert_stats_agree_with_parse(&[ARCHIVE, BAD], &[]);
    assert_eq!(stats["files"], 5);
    assert_eq!(stats["articles"], 4);
    assert_eq!(stats["failed"], 1);
    assert_eq!(stats["failures"][0]["path"], BAD);
    assert_eq!(stats["failures"][0]["line"], 1);
    let monitor = &stats["publications"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["publication"] == "Monitor")
        .unwrap();
    assert_eq!(monitor["articles"], 2);
    assert_eq!(
        monitor["volumes"][0]["issues"],
        serde_json::json!({"first": 100, "last": 120})
    );
    let lenient = assert_stats_agree_with_parse(&[ARCHIVE, BAD], &["--lenient"]);
    assert_eq!(lenient["header_less"], 1);
    assert_eq!(lenient["failed"], 0);
}

#[test]
fn stats_table_is_readable() {
    let output = run(&["stats", ARCHIVE]);
    assert!(output.status.success());
    let table = stdout(&output);
    assert!(
        table.starts_with("4 files: 4 articles (0 without header), 0 failed\n"),
        "{table}"
    );
    assert!(table.contains("Eurasia Daily Monitor"), "{table}");
    assert!(table.contains("  volume 5 "), "{table}");
    assert!(table.contains("100-120"), "{table}");
    assert!(table.contains("1999"), "{table}");
    assert!(table.contains("CITATIONS"), "{table}");
}

#[test]
fn stats_agree_with_parse_on_the_shared_corpus() {
    let Some(corpus) = corpus() else {
        return;
    };
    let corpus = corpus.to_str().unwrap();
    let stats = assert_stats_agree_with_parse(&[corpus], &[]);
    // The real mix: several publications over many years.
    assert!(
        stats["publications"].as_array().unwrap().len() >= 5,
        "{stats}"
    );
    assert!(stats["years"].as_array().unwrap().len() >= 10, "{stats}");
    let lenient = assert_stats_agree_with_parse(&[corpus], &["--lenient"]);
    assert_eq!(lenient["failed"], 0, "{lenient}");
}

// ------------------------------------------------------- whole archives

/// The four archive fixtures one after another in one file, as a mirror's
/// dump holds them.
fn digest(dir: &Path) -> (PathBuf, String) {
    let text = [
        MONITOR,
        MONITOR_2,
        EDM,
        "tests/fixtures/cli/archive/china-brief-v03-i004.txt",
    ]
    .map(read)
    .join("\n\n\n");
    let path = dir.join("digest.txt");
    fs::write(&path, &text).unwrap();
    (path, text)
}

/// What the library makes of `text`: each item's JSON, or `None` for an
/// item that failed, in order. However the library splits a text, the
/// command line must give the same.
fn library_articles(text: &str, lenient: bool) -> Vec<Option<Value>> {
    bulletin::ParseOptions::new()
        .lenient(lenient)
        .parse_archive(text)
        .map(|item| item.ok().map(|a| serde_json::to_value(&a).unwrap()))
        .collect()
}

/// `article` without the keys the command line puts first.
fn without_lead(article: &Value) -> Value {
    let mut article = article.clone();
    let map = article.as_object_mut().unwrap();
    for key in ["path", "id", "index"] {
        map.remove(key);
    }
    article
}

/// Asserts that `lines` (JSON objects with `key` = `name`) are the
/// successful items of `expected`, each with its position as `index`.
fn assert_articles(lines: &[&Value], expected: &[Option<Value>], key: &str, name: &Value) {
    let want: Vec<(usize, &Value)> = expected
        .iter()
        .enumerate()
        .filter_map(|(i, a)| a.as_ref().map(|a| (i, a)))
        .collect();
    assert_eq!(lines.len(), want.len(), "one line per article");
    for (line, (index, article)) in lines.iter().zip(want) {
        assert_eq!(&line[key], name);
        assert_eq!(line["index"], index, "index is the position in the text");
        assert_eq!(&without_lead(line), article);
    }
}

#[test]
fn every_article_of_a_file_comes_out_with_its_index() {
    let dir = scratch("digest");
    let (path, text) = digest(&dir);
    let path = path.to_str().unwrap();
    let expected = library_articles(&text, false);
    assert!(!expected.is_empty());

    // JSON Lines: each article a line, "path" and "index" first.
    let output = run(&["parse", "--jsonl", path, MONITOR]);
    let lines = json_lines(stdout(&output));
    let (from_digest, after): (Vec<&Value>, Vec<&Value>) =
        lines.iter().partition(|l| l["path"] == path);
    assert_articles(&from_digest, &expected, "path", &Value::from(path));
    assert_eq!(after.len(), 1);
    assert_eq!(after[0]["index"], 0);
    for line in stdout(&output).lines() {
        assert!(line.starts_with("{\"path\":"), "{line}");
        assert!(line.contains(",\"index\":"), "{line}");
    }
    let failed = expected.iter().filter(|a| a.is_none()).count();
    assert_eq!(failure_lines(stderr(&output)).len(), failed);

    // An array: each object with "path" and "index".
    let output = run(&["parse", path, MONITOR]);
    let array: Vec<Value> = serde_json::from_str(stdout(&output)).unwrap();
    let from_digest: Vec<&Value> = array.iter().filter(|a| a["path"] == path).collect();
    assert_articles(&from_digest, &expected, "path", &Value::from(path));

    // One file: one object when it holds one article, else an array.
    let output = run(&["parse", path]);
    let printed: Value = serde_json::from_str(stdout(&output)).unwrap();
    match expected.as_slice() {
        [Some(only)] => assert_eq!(&printed, only),
        _ => {
            let all: Vec<&Value> = printed.as_array().expect("an array").iter().collect();
            assert_articles(&all, &expected, "path", &Value::from(path));
        }
    }

    // check and stats count articles, not files.
    let ok = expected.iter().filter(|a| a.is_some()).count();
    let output = run(&["check", path]);
    assert!(
        stdout(&output).ends_with(&format!(
            "1 file, {ok} article{}, {failed} failed\n",
            if ok == 1 { "" } else { "s" }
        )),
        "{}",
        stdout(&output)
    );
    let output = run(&["stats", "--json", path]);
    let stats: Value = serde_json::from_str(stdout(&output)).unwrap();
    assert_eq!(
        (stats["files"].clone(), stats["articles"].clone()),
        (1.into(), ok.into())
    );
}

#[test]
fn one_text_of_one_article_is_one_object_without_path() {
    // What a user of the single-file form has always had.
    let output = run(&["parse", MONITOR_2]);
    let article: Value = serde_json::from_str(stdout(&output)).unwrap();
    assert!(article.is_object() && article.get("index").is_none());
    // An empty array, not nothing, when no article came out of several inputs.
    let output = run(&["parse", BAD, "tests/fixtures/cli/missing.txt"]);
    assert_eq!(stdout(&output), "[]\n");
}

// ------------------------------------------------------------ encodings

#[test]
fn the_seed_in_other_encodings_parses_to_the_same_tree() {
    let Some(corpus) = corpus() else {
        return;
    };
    let seed = fs::read_to_string(corpus.join("seed/monitor-v05-i173.txt")).unwrap();
    assert!(
        !seed.is_ascii(),
        "the seed has typographic quotes and dashes"
    );
    let expected = serde_json::to_value(bulletin::parse_article(&seed).unwrap()).unwrap();
    let single_byte = |encoding: &'static encoding_rs::Encoding| {
        let (bytes, _, unmappable) = encoding.encode(&seed);
        assert!(!unmappable);
        bytes.into_owned()
    };
    let utf16 = |le: bool| {
        let mut bytes = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for unit in seed.encode_utf16() {
            bytes.extend(if le {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        bytes
    };
    let dir = scratch("encodings");
    let cases: [(&str, Vec<u8>, &[&str], &str); 6] = [
        (
            "cp1252",
            single_byte(encoding_rs::WINDOWS_1252),
            &[],
            "windows-1252",
        ),
        (
            "cp1252-named",
            single_byte(encoding_rs::WINDOWS_1252),
            &["--encoding", "windows-1252"],
            "windows-1252",
        ),
        // Auto cannot tell Mac Roman from Windows-1252: it must be named.
        (
            "mac",
            single_byte(encoding_rs::MACINTOSH),
            &["--encoding", "mac-roman"],
            "mac-roman",
        ),
        ("utf16le", utf16(true), &[], "UTF-16LE"),
        ("utf16be", utf16(false), &[], "UTF-16BE"),
        (
            "utf16be-named",
            utf16(false),
            &["--encoding", "utf-16"],
            "UTF-16BE",
        ),
    ];
    for (name, bytes, args, encoding) in cases {
        assert_ne!(bytes, seed.as_bytes());
        let file = dir.join(format!("{name}.txt"));
        fs::write(&file, bytes).unwrap();
        let mut all = vec!["parse", "--jsonl", "--no-path"];
        all.extend(args);
        all.push(file.to_str().unwrap());
        let output = run(&all);
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        let mut got = without_lead(&json_lines(stdout(&output))[0]);
        // The tree is the UTF-8 seed's, spans included (offsets into the
        // decoded text), plus one diagnostic naming the encoding.
        let decoded = got["diagnostics"].as_array_mut().unwrap().pop().unwrap();
        assert_eq!(decoded["kind"], "decoded", "{name}");
        let message = decoded["message"].as_str().unwrap();
        assert!(
            message.starts_with(&format!("decoded from {encoding} (")),
            "{name}: {message}"
        );
        assert_eq!(got, expected, "{name}");
    }
}

#[test]
fn utf8_only_or_broken_utf16_is_a_located_error_never_a_replacement() {
    let dir = scratch("broken-utf16");
    let file = dir.join("broken.txt");
    // A byte-order mark, "Publication: M\n", then half a surrogate pair.
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "Publication: M\nab".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    bytes.extend([0x00, 0xD8, b'x', 0x00]);
    fs::write(&file, bytes).unwrap();
    let output = run(&["parse", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("broken.txt:2:3: not UTF-16LE text"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).is_empty());
}

// --------------------------------------------------------- JSON records

fn record(id: Value, text: &str) -> String {
    serde_json::json!({"id": id, "text": text}).to_string()
}

#[test]
fn records_in_articles_out_with_their_ids() {
    let dir = scratch("records");
    let (_, digest_text) = digest(&dir);
    let stream = [
        record("a".into(), &read(MONITOR)),
        record(7.into(), &digest_text),
        String::new(),
        "{\"id\": \"no-text\"}".to_string(),
        "not json".to_string(),
        record(serde_json::json!({"shard": 3}), &read(BAD)),
        record("e".into(), &read(EDM)),
        "{\"id\": \"five\", \"text\": 5}".to_string(),
    ]
    .join("\n");
    let output = bulletin()
        .args(["parse", "--input", "jsonl", "--jsonl"])
        .write_stdin(stream.clone())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let lines = json_lines(stdout(&output));
    for line in stdout(&output).lines() {
        assert!(line.starts_with("{\"id\":"), "{line}");
    }
    let by_id = |id: Value| -> Vec<&Value> { lines.iter().filter(|l| l["id"] == id).collect() };
    assert_articles(
        &by_id("a".into()),
        &library_articles(&read(MONITOR), false),
        "id",
        &"a".into(),
    );
    assert_articles(
        &by_id(7.into()),
        &library_articles(&digest_text, false),
        "id",
        &7.into(),
    );
    assert_articles(
        &by_id("e".into()),
        &library_articles(&read(EDM), false),
        "id",
        &"e".into(),
    );
    assert!(by_id(serde_json::json!({"shard": 3})).is_empty());
    // In input order.
    assert_eq!(lines.first().unwrap()["id"], "a");
    assert_eq!(lines.last().unwrap()["id"], "e");
    let errors = stderr(&output);
    assert!(
        errors.contains("-:4: record \"no-text\": no \"text\" string"),
        "{errors}"
    );
    assert!(errors.contains("-:5: not JSON: "), "{errors}");
    assert!(
        errors.contains(
            "-:8: record \"five\": not a record {\"id\": ..., \"text\": \"...\"}: invalid type: integer `5`"
        ),
        "{errors}"
    );
    assert!(
        errors.contains("-:6: record {\"shard\":3} at 1:1: expected a `Publication:` header"),
        "{errors}"
    );

    // From a file, and into check and stats.
    let file = dir.join("stream.jsonl");
    fs::write(&file, &stream).unwrap();
    let file = file.to_str().unwrap();
    let output = run(&["parse", "--input", "jsonl", file]);
    let array: Vec<Value> = serde_json::from_str(stdout(&output)).unwrap();
    assert_eq!(array.len(), lines.len());
    assert!(stderr(&output).contains(&format!("{file}:5: not JSON")));
    let output = run(&["check", "--input", "jsonl", file]);
    let report = stdout(&output);
    assert!(
        report.contains(&format!("--> {file}:6 (record {{\"shard\":3}}):1:1")),
        "{report}"
    );
    assert!(
        report.ends_with(&format!("7 records, {} articles, 4 failed\n", lines.len())),
        "{report}"
    );
    let output = run(&["stats", "--json", "--input", "jsonl", file]);
    let stats: Value = serde_json::from_str(stdout(&output)).unwrap();
    assert_eq!(stats["articles"], lines.len());
    assert_eq!(stats["failures"][2]["record"], 6);
    assert_eq!(stats["failures"][2]["id"], "{\"shard\":3}");
}

#[test]
fn a_record_stream_makes_progress_through_a_pipe() {
    use std::io::{BufRead, BufReader, Write as _};
    use std::process::{Command as Std, Stdio};
    use std::sync::mpsc;
    use std::time::Duration;

    let mut child = Std::new(env!("CARGO_BIN_EXE_bulletin"))
        .args(["parse", "--input", "jsonl", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let (lines, received) = mpsc::channel();
    let output = BufReader::new(child.stdout.take().unwrap());
    std::thread::spawn(move || {
        for line in output.lines() {
            let _ = lines.send(line.unwrap());
        }
    });
    // Each record's articles come out while the input is still open: a
    // map step in a pipeline (Spark's pipe, Hadoop Streaming) can wait for
    // them.
    for id in ["first", "second"] {
        writeln!(input, "{}", record(id.into(), &read(MONITOR))).unwrap();
        input.flush().unwrap();
        let line = received
            .recv_timeout(Duration::from_secs(20))
            .expect("output before end of input");
        let article: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(article["id"], id);
    }
    drop(input);
    assert!(child.wait().unwrap().success());
}

#[test]
fn encodings_are_for_text_input() {
    bulletin()
        .args(["parse", "--input", "jsonl", "--encoding", "mac-roman"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("JSON Lines records are UTF-8"));
}

// ---------------------------------------------------------- exit status

#[test]
fn a_closed_pipe_ends_the_run_quietly_with_status_0() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command as Std, Stdio};

    let dir = scratch("closed-pipe");
    let text = read(MONITOR);
    for i in 0..2000 {
        fs::write(dir.join(format!("{i:04}.txt")), &text).unwrap();
    }
    let mut child = Std::new(env!("CARGO_BIN_EXE_bulletin"))
        .args(["parse", "--jsonl"])
        .arg(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // `| head -1`: read a line, then close the pipe.
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"path\":"));
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stderr(&output), "");
}

#[test]
fn usage_errors_exit_with_2() {
    bulletin()
        .args(["parse", "--no-such-option"])
        .assert()
        .code(2);
    bulletin()
        .args(["parse", "--encoding", "ebcdic"])
        .assert()
        .code(2);
}

// ----------------------------------------------------- check --warnings

#[test]
fn check_warnings_shows_every_diagnostic_with_its_line() {
    let dir = scratch("warnings");
    let chrome = "\u{FEFF}Placeholder canvas\n\nTALKS RESUME.\nPublication: Monitor Volume: 5 Issue: 100\n\n\
                  Talks resume (Interfax, May 3) and end (Itar-Tass,\n";
    fs::write(dir.join("chrome.txt"), chrome).unwrap();
    fs::write(
        dir.join("cp1252.txt"),
        b"Publication: Monitor Volume: 5 Issue: 100\n\nYeltsin\x92s talks.\n",
    )
    .unwrap();
    let output = run(&["check", "--warnings", dir.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = stdout(&output);
    // Every diagnostic the library reports, and the decoding.
    let library = bulletin::parse_article(chrome).unwrap().diagnostics;
    assert!(library.len() >= 3, "{library:?}");
    for diagnostic in &library {
        assert!(
            report.contains(&format!("warning: {}", diagnostic.message)),
            "{report}"
        );
    }
    assert!(
        report.contains("1 | \u{FEFF}Placeholder canvas")
            || report.contains("1 | Placeholder canvas"),
        "{report}"
    );
    assert!(
        report.contains("6 | Talks resume (Interfax, May 3) and end (Itar-Tass,"),
        "{report}"
    );
    assert!(
        report.contains("warning: decoded from windows-1252"),
        "{report}"
    );
    assert!(report.contains("cp1252.txt:1:1"), "{report}");
    assert!(
        report.ends_with(&format!(
            "2 files, 2 articles, 0 failed, {} warnings\n",
            library.len() + 1
        )),
        "{report}"
    );
    // Without --warnings, only failures.
    let output = run(&["check", dir.to_str().unwrap()]);
    assert_eq!(stdout(&output), "2 files, 2 articles, 0 failed\n");
}

// ------------------------------------------------------ symbolic links

#[cfg(unix)]
#[test]
fn symbolic_links_are_followed_and_loops_and_skips_said() {
    use std::os::unix::fs::symlink;
    let dir = scratch("links");
    fs::create_dir(dir.join("real")).unwrap();
    fs::write(dir.join("real/a.txt"), read(MONITOR)).unwrap();
    fs::write(dir.join("real/notes.md"), "not a bulletin").unwrap();
    symlink(dir.join("real"), dir.join("linked")).unwrap();
    symlink(&dir, dir.join("real/up")).unwrap();
    symlink(dir.join("missing.txt"), dir.join("broken.txt")).unwrap();
    let output = run(&["parse", "--jsonl", dir.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let d = dir.display();
    let paths: Vec<String> = json_lines(stdout(&output))
        .iter()
        .map(|a| a["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        paths,
        [format!("{d}/linked/a.txt"), format!("{d}/real/a.txt")]
    );
    let errors = stderr(&output);
    assert!(
        errors.contains(&format!(
            "bulletin: skipped {d}/broken.txt: a broken symbolic link"
        )),
        "{errors}"
    );
    for inside in ["linked", "real"] {
        assert!(
            errors.contains(&format!("bulletin: skipped {d}/{inside}/up: a symbolic link to {d}, which it is inside (a loop)")),
            "{errors}"
        );
    }
    assert!(
        errors.contains("bulletin: skipped 2 files not named *.txt (such as"),
        "{errors}"
    );
}

// ------------------------------------------------------- render checks

/// `bulletin render` of `input`.
fn render(input: &str) -> Output {
    bulletin()
        .arg("render")
        .write_stdin(input.to_string())
        .output()
        .unwrap()
}

#[test]
fn render_refuses_json_whose_text_would_not_parse() {
    let mut article: Value = serde_json::from_str(stdout(&run(&["parse", MONITOR]))).unwrap();
    article["header"]["issue"] = 0.into();
    let output = render(&format!(
        "{article}\n{}",
        stdout(&run(&["parse", "--jsonl", EDM]))
    ));
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    assert!(
        errors.starts_with("-: article 1: not rendered: its text would not parse"),
        "{errors}"
    );
    assert!(errors.contains("Issue: 0"), "{errors}");
    // The article after it is still rendered; the refused one is not.
    assert!(!stdout(&output).contains("Issue: 0"));
    assert!(stdout(&output).contains("Publication: Eurasia Daily Monitor Volume: 2 Issue: 10"));
}

#[test]
fn render_refuses_json_whose_text_would_read_back_otherwise() {
    // Plain text that the parser would read as a citation.
    let article = serde_json::json!({
        "header": {"publication": "Monitor", "volume": 5, "issue": 100},
        "body": [{"kind": "paragraph", "inlines": [{"kind": "text", "text": "Talks resume (Interfax, May 3)."}]}],
        "notes": [], "footer": null, "title": null
    });
    let output = render(&article.to_string());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(
            "would read back otherwise: body[0].inlines: the JSON has 1, the text reads back as 3"
        ),
        "{}",
        stderr(&output)
    );
}

/// `value` without the keys the parser derives, and without empty lists.
fn without_derived(value: &Value) -> Value {
    let derived = ["span", "diagnostics", "chrome", "captions", "next_headline"];
    without(value, &|key, v| {
        derived.contains(&key) || v.as_array().is_some_and(Vec::is_empty)
    })
}

#[test]
fn render_takes_json_without_the_keys_the_parser_derives() {
    for fixture in [MONITOR, MONITOR_2, EDM] {
        let full = stdout(&run(&["parse", fixture])).to_string();
        let bare = without_derived(&serde_json::from_str(&full).unwrap());
        assert!(bare["body"][0].get("span").is_none());
        let from_full = render(&full);
        let from_bare = render(&bare.to_string());
        assert!(
            from_bare.status.success(),
            "{fixture}: {}",
            stderr(&from_bare)
        );
        assert_eq!(stdout(&from_bare), stdout(&from_full), "{fixture}");
    }
}

#[test]
fn render_takes_what_parse_gives_on_the_shared_corpus() {
    let Some(corpus) = corpus() else {
        return;
    };
    let corpus = corpus.to_str().unwrap();
    let parsed = run(&["parse", "--jsonl", "--lenient", corpus]);
    assert!(parsed.status.success(), "{}", stderr(&parsed));
    let output = bulletin()
        .arg("render")
        .write_stdin(parsed.stdout.clone())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
}
