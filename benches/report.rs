//! Turns the results of `cargo bench --bench parse` into the tables of docs/PERFORMANCE.md
//! Performance tables, and counts heap allocations per article.
//!
//! ```text
//! cargo bench --bench parse && cargo bench --features cli --bench cli
//! cargo bench --bench report
//! ```
//!
//! Reads `target/criterion/**/new/{estimates,benchmark}.json` (or
//! `$CRITERION_HOME`), uses each benchmark's median time, and prints
//! Markdown. Allocations are counted here, with a counting global
//! allocator, while parsing the seed, the real corpus and the generated
//! archive once each.

mod inputs;

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use bulletin::ParseOptions;
use serde_json::Value;

/// The system allocator, counting calls and bytes.
struct Counting;

static ALLOCS: AtomicU64 = AtomicU64::new(0);
static REALLOCS: AtomicU64 = AtomicU64::new(0);
static BYTES: AtomicU64 = AtomicU64::new(0);

// SAFETY: every call is forwarded unchanged to `System`; the counters are
// plain atomics that never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(layout.size() as u64, Relaxed);
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        REALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(new_size.saturating_sub(layout.size()) as u64, Relaxed);
        // SAFETY: same contract as ours.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    inputs::target_dir().join("criterion")
}

/// A benchmark's median time in ns and its input size in bytes.
fn measurement(id: &str) -> Option<(f64, u64)> {
    let dir = criterion_dir().join(id).join("new");
    let read = |name: &str| -> Option<Value> {
        let text = std::fs::read_to_string(dir.join(name)).ok()?;
        serde_json::from_str(&text).ok()
    };
    let ns = read("estimates.json")?["median"]["point_estimate"].as_f64()?;
    let bytes = read("benchmark.json")?["throughput"]["Bytes"].as_u64()?;
    Some((ns, bytes))
}

fn mb_per_s((ns, bytes): (f64, u64)) -> f64 {
    bytes as f64 / ns * 1000.0
}

fn cell(value: Option<f64>, unit: &str) -> String {
    value.map_or("–".to_string(), |v| format!("{v:.0} {unit}"))
}

fn ratio(value: Option<f64>) -> String {
    value.map_or("–".to_string(), |v| format!("{v:.2}"))
}

fn throughput_table() {
    println!(
        "| input | bytes | bulletin | memchr floor | regex extractor | bulletin / floor | bulletin / regex |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for group in ["seed", "corpus", "archive"] {
        let ours = measurement(&format!("{group}/bulletin"));
        let floor = measurement(&format!("{group}/memchr_floor"));
        let regex = measurement(&format!("{group}/regex_extractor"));
        let speed = |m: Option<(f64, u64)>| m.map(mb_per_s);
        let (s_ours, s_floor, s_regex) = (speed(ours), speed(floor), speed(regex));
        let of = |other: Option<f64>| Some(s_ours? / other?);
        println!(
            "| {group} | {} | {} | {} | {} | {} | {} |",
            ours.map_or("–".to_string(), |m| m.1.to_string()),
            cell(s_ours, "MB/s"),
            cell(s_floor, "MB/s"),
            cell(s_regex, "MB/s"),
            ratio(of(s_floor)),
            ratio(of(s_regex)),
        );
    }
}

/// `cargo bench --features cli --bench cli`: the command line on one core
/// and on two beside the library on the same files, and the JSON writer.
fn cli_table() {
    let speed = |id: &str| measurement(id).map(mb_per_s);
    let library = speed("cli/library_parse");
    let jsonl = speed("cli/jsonl_one_core");
    let one = speed("cli/one_core");
    let two = speed("cli/two_cores");
    let bytes = measurement("cli/library_parse").map_or("–".to_string(), |m| m.1.to_string());
    println!(
        "| over the generated archive, one file per article ({bytes} bytes) | input MB/s | / library |"
    );
    println!("|---|---:|---:|");
    let of = |x: Option<f64>, y: Option<f64>| Some(x? / y?);
    for (what, value) in [
        (
            "library: `parse_archive`, one thread, text in memory",
            library,
        ),
        ("`bulletin parse --jsonl`, one core", jsonl),
        ("`bulletin parse` (array), one core", one),
        ("`bulletin parse` (array), two cores", two),
    ] {
        println!(
            "| {what} | {} | {} |",
            cell(value, "MB/s"),
            ratio(of(value, library))
        );
    }
    println!("\nTwo cores / one core: {}.", ratio(of(two, one)));
    println!("\n| JSON writer alone (`cli_json`) | output MB/s |");
    println!("|---|---:|");
    for (what, id) in [
        ("compact (`--jsonl`)", "cli_json/compact"),
        ("pretty (array)", "cli_json/pretty"),
    ] {
        println!("| {what} | {} |", cell(speed(id), "MB/s"));
    }
}

fn size_label(size: usize) -> String {
    match size {
        s if s >= 1_000_000 => format!("{} MB", s / 1_000_000),
        s => format!("{} KB", s / 1_000),
    }
}

fn scaling_table() {
    let sizes = inputs::SIZES;
    let head: Vec<String> = sizes.iter().map(|&s| size_label(s)).collect();
    println!(
        "| family (ns per byte) | {} | 10 MB / 10 KB |",
        head.join(" | ")
    );
    println!("|---|{}---:|", "---:|".repeat(sizes.len()));
    for (family, _) in inputs::FAMILIES {
        let per_byte: Vec<Option<f64>> = sizes
            .iter()
            .map(|size| measurement(&format!("scaling/{family}/{size}")))
            .map(|m| m.map(|(ns, bytes)| ns / bytes as f64))
            .collect();
        let cells: Vec<String> = per_byte
            .iter()
            .map(|v| v.map_or("–".to_string(), |v| format!("{v:.3}")))
            .collect();
        let growth = match (per_byte.first(), per_byte.last()) {
            (Some(Some(small)), Some(Some(large))) => Some(large / small),
            _ => None,
        };
        println!("| {family} | {} | {} |", cells.join(" | "), ratio(growth));
    }
}

/// The `citation` group: time per byte of each set of parentheticals, and
/// its ratio to the ordinary citations'.
fn citation_table() {
    println!("| parentheticals | bytes | ns per byte | / ordinary |");
    println!("|---|---:|---:|---:|");
    let per_byte = |set: &str| {
        measurement(&format!("citation/{set}")).map(|(ns, bytes)| (ns / bytes as f64, bytes))
    };
    let ordinary = per_byte("ordinary").map(|(v, _)| v);
    for set in ["ordinary", "long", "long_failing"] {
        let m = per_byte(set);
        println!(
            "| {set} | {} | {} | {} |",
            m.map_or("–".to_string(), |(_, bytes)| bytes.to_string()),
            m.map_or("–".to_string(), |(v, _)| format!("{v:.2}")),
            ratio(m.zip(ordinary).map(|((v, _), o)| v / o)),
        );
    }
}

/// Allocation calls, reallocations and bytes while parsing each article once.
fn allocations(articles: &[String]) -> (u64, u64, u64, u64) {
    let options = ParseOptions::new().lenient(true);
    let mut max = 0;
    let (a0, r0, b0) = (
        ALLOCS.load(Relaxed),
        REALLOCS.load(Relaxed),
        BYTES.load(Relaxed),
    );
    for text in articles {
        let before = ALLOCS.load(Relaxed);
        let parsed = options.parse(text);
        max = max.max(ALLOCS.load(Relaxed) - before);
        drop(parsed);
    }
    (
        ALLOCS.load(Relaxed) - a0,
        REALLOCS.load(Relaxed) - r0,
        BYTES.load(Relaxed) - b0,
        max,
    )
}

fn allocation_table() {
    println!(
        "| input | articles | allocations per article | max | reallocations per article | bytes allocated per input byte |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    let sets = [
        ("seed", inputs::seed().into_iter().collect::<Vec<_>>()),
        ("corpus", inputs::real_corpus()),
        ("archive", inputs::archive(4_000_000)),
    ];
    for (name, articles) in sets {
        if articles.is_empty() {
            println!("| {name} | 0 | – | – | – | – |");
            continue;
        }
        let n = articles.len() as f64;
        let (allocs, reallocs, bytes, max) = allocations(&articles);
        println!(
            "| {name} | {} | {:.1} | {max} | {:.1} | {:.2} |",
            articles.len(),
            allocs as f64 / n,
            reallocs as f64 / n,
            bytes as f64 / inputs::total_bytes(&articles) as f64,
        );
    }
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is ignored here.
    println!(
        "<!-- cargo bench --bench parse && cargo bench --features cli --bench cli && cargo bench --bench report -->"
    );
    println!("<!-- results from {} -->\n", criterion_dir().display());
    println!("Throughput (median time; MB = 10^6 bytes):\n");
    throughput_table();
    println!("\nScaling (time per byte; the last column is the linear-time check, target ≤ 2):\n");
    scaling_table();
    println!("\nCitations one at a time (`parse_citation`; the last column is the target, ≤ 4):\n");
    citation_table();
    println!("\nThe command line (`cargo bench --features cli --bench cli`):\n");
    cli_table();
    println!("\nHeap allocations while parsing each article once (lenient):\n");
    allocation_table();
}
