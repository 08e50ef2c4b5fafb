//! Peak memory of the `bulletin` binary on a gigabyte of input, measured
//! with `/usr/bin/time -v`. Ignored by `cargo test` (they write gigabytes
//! and take minutes); run them, in release, with
//!
//! ```sh
//! cargo test --release --features cli --test cli_memory -- --ignored --nocapture --test-threads 1
//! ```
//!
//! `BULLETIN_MEMORY_MB` sets the size (default 1024), `TMPDIR` where the
//! data is generated (removed afterwards). The inputs are the benches'
//! invented bulletins (`benches/inputs`), 16 MB of them repeated, so the
//! figures compare with `docs/PERFORMANCE.md`.
#![cfg(feature = "cli")]

#[path = "../benches/inputs/mod.rs"]
mod inputs;

use std::fs::{self, File};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Bytes of invented bulletins to repeat.
const BLOCK: usize = 16_000_000;

fn size() -> u64 {
    std::env::var("BULLETIN_MEMORY_MB")
        .ok()
        .and_then(|mb| mb.parse().ok())
        .unwrap_or(1024)
        * 1_000_000
}

/// A fresh directory for generated data, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("bulletin-memory-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// How many articles the library finds in each text.
fn counts(articles: &[String]) -> Vec<u64> {
    let lenient = bulletin::ParseOptions::new().lenient(true);
    articles
        .iter()
        .map(|text| lenient.parse_archive(text).count() as u64)
        .collect()
}

/// How often `articles` must be repeated to reach `size()` bytes.
fn repeats(articles: &[String]) -> u64 {
    size().div_ceil(inputs::total_bytes(articles))
}

/// What `/usr/bin/time -v` reports for `bulletin args`, reading `stdin`
/// when given and counting its output lines with `each`.
struct Run {
    peak_kb: u64,
    seconds: f64,
    success: bool,
}

fn measure(args: &[&str], stdin: Option<&Path>, each: &mut dyn FnMut(&str)) -> Run {
    let mut command = Command::new("/usr/bin/time");
    command
        .arg("-v")
        .arg(env!("CARGO_BIN_EXE_bulletin"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(path) = stdin {
        command.stdin(File::open(path).unwrap());
    }
    let started = Instant::now();
    let mut child = command
        .spawn()
        .expect("/usr/bin/time (Debian package time)");
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        each(&line.unwrap());
    }
    let output = child.wait_with_output().unwrap();
    let seconds = started.elapsed().as_secs_f64();
    let report = String::from_utf8_lossy(&output.stderr);
    let peak_kb = report
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|kb| kb.parse().ok())
        .unwrap_or_else(|| panic!("no peak in {report}"));
    let exit = report
        .lines()
        .find_map(|l| l.trim().strip_prefix("Exit status: "))
        .map(str::to_string);
    Run {
        peak_kb,
        seconds,
        success: exit.as_deref() == Some("0"),
    }
}

fn report(what: &str, bytes: u64, run: &Run) {
    println!(
        "{what}: {:.0} MB in, peak resident {:.1} MB, {:.1} s",
        bytes as f64 / 1e6,
        run.peak_kb as f64 / 1e3,
        run.seconds
    );
}

#[test]
#[ignore = "writes a gigabyte; see the module docs"]
fn a_directory_of_a_gigabyte() {
    let articles = inputs::archive(BLOCK);
    let scratch = Scratch::new("dir");
    let mut bytes = 0;
    let mut files = 0u64;
    for copy in 0..repeats(&articles) {
        for (i, text) in articles.iter().enumerate() {
            let folder = scratch.0.join(format!("{copy:03}/{:03}", i / 100));
            if i % 100 == 0 {
                fs::create_dir_all(&folder).unwrap();
            }
            fs::write(folder.join(format!("{i:05}.txt")), text).unwrap();
            bytes += text.len() as u64;
            files += 1;
        }
    }
    let mut lines = 0u64;
    let dir = scratch.0.to_str().unwrap();
    let run = measure(&["parse", "--jsonl", "--lenient", dir], None, &mut |_| {
        lines += 1
    });
    assert!(run.success);
    let per_copy: u64 = counts(&articles).iter().sum();
    assert_eq!(lines, per_copy * repeats(&articles), "one line per article");
    report(
        &format!("directory of {files} files, parse --jsonl"),
        bytes,
        &run,
    );
    // The window does not grow with the archive.
    assert!(run.peak_kb < 64_000, "{} kB", run.peak_kb);
}

#[test]
#[ignore = "writes a gigabyte; see the module docs"]
fn one_file_of_a_gigabyte() {
    let articles = inputs::archive(BLOCK);
    let scratch = Scratch::new("file");
    let path = scratch.0.join("dump.txt");
    let mut out = BufWriter::new(File::create(&path).unwrap());
    let mut bytes = 0;
    for _ in 0..repeats(&articles) {
        for text in &articles {
            out.write_all(text.as_bytes()).unwrap();
            out.write_all(b"\n\n").unwrap();
            bytes += text.len() as u64 + 2;
        }
    }
    out.flush().unwrap();
    drop(out);
    // The articles the library finds in the file, counted without holding
    // them: as many lines must come out.
    let text = fs::read_to_string(&path).unwrap();
    let expected = bulletin::ParseOptions::new()
        .lenient(true)
        .parse_archive(&text)
        .count() as u64;
    drop(text);
    let mut lines = 0u64;
    let run = measure(
        &["parse", "--jsonl", "--lenient", path.to_str().unwrap()],
        None,
        &mut |_| lines += 1,
    );
    assert!(run.success);
    assert_eq!(lines, expected);
    report(
        &format!("one file of {expected} article(s), parse --jsonl"),
        bytes,
        &run,
    );
}

#[test]
#[ignore = "writes a gigabyte; see the module docs"]
fn a_gigabyte_stream_of_records() {
    let articles = inputs::archive(BLOCK);
    let scratch = Scratch::new("records");
    let path = scratch.0.join("stream.jsonl");
    let mut out = BufWriter::new(File::create(&path).unwrap());
    let mut bytes = 0;
    let mut records = 0u64;
    for copy in 0..repeats(&articles) {
        for (i, text) in articles.iter().enumerate() {
            let record = serde_json::json!({"id": format!("{copy}-{i}"), "text": text});
            let line = record.to_string();
            out.write_all(line.as_bytes()).unwrap();
            out.write_all(b"\n").unwrap();
            bytes += line.len() as u64 + 1;
            records += 1;
        }
    }
    out.flush().unwrap();
    drop(out);
    // One line per article, in order, each with its record's id.
    let counts = counts(&articles);
    let mut expected = (0..repeats(&articles)).flat_map(|copy| {
        counts.iter().enumerate().flat_map(move |(i, &n)| {
            (0..n).map(move |index| format!("{{\"id\":\"{copy}-{i}\",\"index\":{index},"))
        })
    });
    let mut seen = 0u64;
    let run = measure(
        &["parse", "--input", "jsonl", "--jsonl", "--lenient"],
        Some(&path),
        &mut |line| {
            let want = expected.next().expect("no more lines than articles");
            assert!(
                line.starts_with(&want),
                "line {seen}: {}",
                line.chars().take(60).collect::<String>()
            );
            seen += 1;
        },
    );
    assert!(run.success);
    assert!(expected.next().is_none(), "a line for every article");
    report(
        &format!("stream of {records} records on standard input, parse --input jsonl --jsonl"),
        bytes,
        &run,
    );
    assert!(run.peak_kb < 64_000, "{} kB", run.peak_kb);
}
