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

fn read(path: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).expect("fixture")
}

/// The shared corpus, if this checkout has it (see COMMON.md).
fn corpus() -> Option<PathBuf> {
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if beside.is_dir() {
        return Some(beside);
    }
    let from_env = PathBuf::from(std::env::var_os("BULLETIN_CORPUS")?);
    from_env.is_dir().then_some(from_env)
}

/// The value with every `span` key removed, at any depth.
fn without_spans(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(key, _)| key.as_str() != "span")
                .map(|(key, v)| (key.clone(), without_spans(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_spans).collect()),
        other => other.clone(),
    }
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
fn text_that_is_not_utf8_fails_with_a_position() {
    let dir = scratch("not-utf8");
    let file = dir.join("latin1.txt");
    fs::write(&file, b"Publication: Monitor\n\nCaf\xe9 talk.\n").unwrap();
    let output = run(&["parse", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("latin1.txt:3:4: not UTF-8"),
        "{}",
        stderr(&output)
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
    assert!(report.contains("--lenient"), "{report}");
    assert!(report.trim_end().ends_with("5 files, 1 failed"), "{report}");
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
        .stdout("4 files, 0 failed\n");
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
        .stderr(predicate::str::starts_with("-: not an article"));
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
    let failed_lines = stderr(&parsed).lines().count() as u64;
    assert_eq!(stats["failed"].as_u64().unwrap(), failed_lines);
    assert_eq!(
        stats["files"].as_u64().unwrap(),
        articles.len() as u64 + failed_lines
    );
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
        eprintln!("note: no shared corpus (../shared/corpus or BULLETIN_CORPUS); skipped");
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
