//! The `bulletin` command line over a directory of many files, on one core
//! and on two: `cargo bench --features cli --bench cli`.
//!
//! The directory holds the generated archive (invented bulletins, one file
//! each, 16 MB), written once under `target/`. Each run is
//! `bulletin parse DIR > /dev/null` (the default layout, a JSON array),
//! pinned with `taskset` to CPU 0 with `--jobs 1`, then to CPUs 0 and 1
//! with `--jobs 2`. Pinning matters: with `--jobs 1` the thread that writes
//! the output still runs beside the worker, so an unpinned run would use
//! more than one core. Without `taskset`, or on a one-core machine, the
//! bench says so and runs unpinned.

mod inputs;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};

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

/// `bulletin parse DIR` with `jobs` worker threads on CPUs `cpus`.
fn run(dir: &Path, jobs: usize, cpus: Option<&str>) {
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
        .args(["parse", "--lenient", "--jobs", &jobs.to_string()])
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run bulletin");
    assert!(status.success(), "bulletin parse failed: {status}");
}

fn cli(c: &mut Criterion) {
    let (dir, bytes) = archive_dir();
    let pin = can_pin();
    if !pin {
        eprintln!("cli bench: no taskset or fewer than 2 cores; runs are not pinned");
    }
    let mut group = c.benchmark_group("cli");
    group
        .throughput(Throughput::Bytes(bytes))
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    group.bench_function("one_core", |b| {
        b.iter(|| run(&dir, 1, pin.then_some("0")));
    });
    group.bench_function("two_cores", |b| {
        b.iter(|| run(&dir, 2, pin.then_some("0,1")));
    });
    group.finish();
}

criterion_group!(benches, cli);
criterion_main!(benches);
