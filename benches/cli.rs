//! The `bulletin` command line over a directory of many files, on one core
//! and on two, beside the library on the same files, and the JSON
//! serialization alone: `cargo bench --features cli --bench cli`.
//!
//! The directory holds the generated archive (invented bulletins, one file
//! each, 16 MB), written once under `target/`. In the group `cli`, every
//! measurement has the input bytes as its throughput, so their ratios
//! compare:
//!
//! - `library_parse`: the library alone, `parse_archive` (lenient) over
//!   each file's text, already in memory, on this thread;
//! - `jsonl_one_core`: `bulletin parse --jsonl --lenient --jobs 1 DIR >
//!   /dev/null`, pinned with `taskset` to CPU 0: reading, decoding,
//!   parsing, serializing and writing, on one core;
//! - `one_core`, `two_cores`: `bulletin parse --lenient DIR > /dev/null`
//!   (the default layout, a pretty-printed array) with `--jobs 1` on CPU 0,
//!   then `--jobs 2` on CPUs 0 and 1.
//!
//! Pinning matters: with `--jobs 1` the threads that walk the directory
//! and write the output still run beside the worker, so an unpinned run
//! would use more than one core. Without `taskset`, or on a one-core
//! machine, the bench says so and runs unpinned.
//!
//! The group `cli_table` sets `bulletin table citations` (CSV and JSON
//! Lines), `table articles` and `graph` beside `parse --jsonl`, all with
//! `--jobs 1` on CPU 0 over the same directory.
//!
//! The group `cli_json` measures the command line's JSON writer alone
//! (`src/bin/bulletin/json.rs`, compiled into this bench) on the parsed
//! archive, compact as `--jsonl` writes it and pretty-printed as in an
//! array, each with the bytes *written* as its throughput.

mod inputs;

#[allow(dead_code, reason = "the bench uses the writer, not every helper")]
#[path = "../src/bin/bulletin/json.rs"]
mod json;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};

/// The size at which the command line hands a chunk of output on
/// (`CHUNK_BYTES` in `src/bin/bulletin/pipeline.rs`).
const CHUNK_BYTES: usize = 64 << 10;

/// Bytes of invented bulletins in the directory.
const ARCHIVE_BYTES: usize = 16_000_000;

/// Writes the archive, one article a file, unless it is already there.
fn archive_dir() -> (PathBuf, u64) {
    let dir = inputs::target_dir().join("bench-cli-archive");
    let articles = inputs::archive(ARCHIVE_BYTES);
    let bytes = inputs::total_bytes(&articles);
    let done = dir.join(".complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        for (i, text) in articles.iter().enumerate() {
            // A hundred files a folder, as archives are usually kept.
            let folder = dir.join(format!("{:03}", i / 100));
            std::fs::create_dir_all(&folder).expect("create the bench archive");
            std::fs::write(folder.join(format!("{i:05}.txt")), text)
                .expect("write the bench archive");
        }
        std::fs::write(&done, b"").expect("mark the bench archive complete");
    }
    (dir, bytes)
}

fn can_pin() -> bool {
    let two_cores = std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2);
    let taskset = Command::new("taskset")
        .args(["-c", "0", "true"])
        .status()
        .is_ok_and(|s| s.success());
    two_cores && taskset
}

/// `bulletin parse DIR` with `jobs` worker threads on CPUs `cpus`, with
/// `extra` arguments.
fn run(dir: &Path, jobs: usize, cpus: Option<&str>, extra: &[&str]) {
    let command: Vec<&str> = ["parse"].into_iter().chain(extra.iter().copied()).collect();
    run_command(dir, jobs, cpus, &command);
}

/// `bulletin COMMAND --lenient --jobs JOBS DIR` on CPUs `cpus`.
fn run_command(dir: &Path, jobs: usize, cpus: Option<&str>, command: &[&str]) {
    let command_args = command;
    let bin = env!("CARGO_BIN_EXE_bulletin");
    let mut command = match cpus {
        Some(cpus) => {
            let mut c = Command::new("taskset");
            c.args(["-c", cpus, bin]);
            c
        }
        None => Command::new(bin),
    };
    let status = command
        .args(command_args)
        .args(["--lenient", "--jobs", &jobs.to_string()])
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run bulletin");
    assert!(
        status.success(),
        "bulletin {command_args:?} failed: {status}"
    );
}

/// Every `*.txt` file under `dir`, read, in name order.
fn texts(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for entry in std::fs::read_dir(&d).expect("read the bench archive") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("read a bench file"))
        .collect()
}

/// A group that runs the command line over the archive of `bytes` bytes:
/// few, flat samples, each a process over thousands of files.
fn process_group<'c>(
    c: &'c mut Criterion,
    name: &str,
    bytes: u64,
) -> criterion::BenchmarkGroup<'c, criterion::measurement::WallTime> {
    let mut group = c.benchmark_group(name);
    group
        .throughput(Throughput::Bytes(bytes))
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    group
}

fn cli(c: &mut Criterion) {
    let (dir, bytes) = archive_dir();
    let pin = can_pin();
    if !pin {
        eprintln!("cli bench: no taskset or fewer than 2 cores; runs are not pinned");
    }
    let texts = texts(&dir);
    let options = bulletin::ParseOptions::new().lenient(true);
    let mut group = process_group(c, "cli", bytes);
    group.bench_function("library_parse", |b| {
        b.iter(|| {
            for text in &texts {
                for article in options.parse_archive(text) {
                    drop(std::hint::black_box(article));
                }
            }
        });
    });
    group.bench_function("jsonl_one_core", |b| {
        b.iter(|| run(&dir, 1, pin.then_some("0"), &["--jsonl"]));
    });
    group.bench_function("one_core", |b| {
        b.iter(|| run(&dir, 1, pin.then_some("0"), &[]));
    });
    group.bench_function("two_cores", |b| {
        b.iter(|| run(&dir, 2, pin.then_some("0,1"), &[]));
    });
    group.finish();

    // The tables beside the parse they are made from, on one core: rows
    // instead of trees, CSV instead of JSON.
    let mut group = process_group(c, "cli_table", bytes);
    let cpu = pin.then_some("0");
    let commands: [(&str, &[&str]); 5] = [
        ("parse_jsonl", &["parse", "--jsonl"]),
        ("table_citations", &["table", "citations"]),
        (
            "table_citations_jsonl",
            &["table", "citations", "--format", "jsonl"],
        ),
        ("table_articles", &["table", "articles"]),
        ("graph", &["graph"]),
    ];
    for (name, command) in commands {
        group.bench_function(name, |b| b.iter(|| run_command(&dir, 1, cpu, command)));
    }
    group.finish();

    // The JSON writer alone, on articles parsed beforehand, each with its
    // "path" and "index" first, as the command line writes them.
    let articles: Vec<bulletin::Article<'_>> = texts
        .iter()
        .flat_map(|t| options.parse_archive(t))
        .map(|a| a.expect("the archive parses leniently"))
        .collect();
    let path = b"\"bench-cli-archive/000/00000.txt\"";
    // Into a buffer emptied whenever it holds a chunk's worth, as the
    // command line's workers write (a buffer that stays in cache).
    let write_all = |buf: &mut Vec<u8>, pretty: bool| -> u64 {
        buf.clear();
        let mut written = 0;
        for (i, article) in articles.iter().enumerate() {
            if buf.len() >= CHUNK_BYTES {
                written += buf.len() as u64;
                buf.clear();
            }
            let index = i.to_string();
            let lead = [
                json::Lead {
                    key: "path",
                    value: path,
                },
                json::Lead {
                    key: "index",
                    value: index.as_bytes(),
                },
            ];
            if pretty {
                json::pretty(buf, article, &lead, 1).expect("serialize");
            } else {
                json::compact(buf, article, &lead).expect("serialize");
            }
            buf.push(b'\n');
        }
        written + buf.len() as u64
    };
    let mut group = c.benchmark_group("cli_json");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for (name, pretty) in [("compact", false), ("pretty", true)] {
        let mut buf = Vec::new();
        group.throughput(Throughput::Bytes(write_all(&mut buf, pretty)));
        group.bench_function(name, |b| b.iter(|| write_all(&mut buf, pretty)));
    }
    group.finish();
}

criterion_group!(benches, cli);
criterion_main!(benches);
