//! Throughput of `bulletin` on real, generated and pathological input,
//! with the memchr floor and a regex extractor measured in the same run.
//!
//! `cargo bench --bench parse` runs it all (a few minutes on 2 cores);
//! `cargo bench --bench parse -- '^citation/'` only the citation group;
//! `cargo bench --bench report` then turns the results into the tables of docs/PERFORMANCE.md
//! Performance tables. Filter as usual: `cargo bench --bench parse -- corpus`.

mod baselines;
mod inputs;

use std::hint::black_box;
use std::time::Duration;

use baselines::{RegexExtractor, floor};
use bulletin::{DateContext, ParseOptions};
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};

/// Lenient, so that the corpus's few header-less pages are parsed in full
/// too instead of failing fast (which would flatter the figures).
fn options() -> ParseOptions {
    ParseOptions::new().lenient(true)
}

/// `bulletin`, the floor and the regex extractor on the same articles, in
/// one group so that their ratios come from the same run.
fn compare(c: &mut Criterion, group_name: &str, articles: &[String]) {
    if articles.is_empty() {
        eprintln!("note: {group_name}: no input (corpus not found); skipped");
        return;
    }
    let options = options();
    let regexes = RegexExtractor::new();
    let mut group = c.benchmark_group(group_name);
    group
        .throughput(Throughput::Bytes(inputs::total_bytes(articles)))
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("bulletin", |b| {
        b.iter(|| {
            for a in articles {
                let _ = black_box(options.parse(black_box(a)));
            }
        })
    });
    group.bench_function("memchr_floor", |b| {
        b.iter(|| articles.iter().map(|a| floor(black_box(a))).sum::<usize>())
    });
    group.bench_function("regex_extractor", |b| {
        b.iter(|| {
            for a in articles {
                black_box(regexes.extract(black_box(a)));
            }
        })
    });
    group.finish();
}

fn seed(c: &mut Criterion) {
    let seed: Vec<String> = inputs::seed().into_iter().collect();
    compare(c, "seed", &seed);
}

fn corpus(c: &mut Criterion) {
    compare(c, "corpus", &inputs::real_corpus());
}

fn archive(c: &mut Criterion) {
    compare(c, "archive", &inputs::archive(4_000_000));
}

/// `parse_archive` over the corpus concatenated into one text, against
/// `parse_article` over the same files one by one, in one group so that
/// their ratio comes from the same run (the target: within 10%).
fn archives(c: &mut Criterion) {
    let files: Vec<String> = inputs::real_corpus()
        .into_iter()
        .filter(|text| bulletin::parse_article(text).is_ok())
        .collect();
    if files.is_empty() {
        eprintln!("note: archive_split: corpus not found; skipped");
        return;
    }
    let joined = files.join("\n\n");
    let options = options();
    let mut group = c.benchmark_group("archive_split");
    group
        .throughput(Throughput::Bytes(joined.len() as u64))
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("parse_archive", |b| {
        b.iter(|| options.parse_archive(black_box(&joined)).count())
    });
    group.bench_function("parse_article_each", |b| {
        b.iter(|| {
            files
                .iter()
                .filter(|text| options.parse(black_box(text)).is_ok())
                .count()
        })
    });
    group.finish();
}

/// Each family at each size; the report compares time per byte at 10 MB
/// with 10 KB. Large sizes use flat sampling and few samples.
fn scaling(c: &mut Criterion) {
    let options = options();
    let mut group = c.benchmark_group("scaling");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300));
    for (family, build) in inputs::FAMILIES {
        for size in inputs::SIZES {
            let text = build(size);
            group
                .throughput(Throughput::Bytes(text.len() as u64))
                .measurement_time(Duration::from_millis(if size >= 1_000_000 {
                    2_000
                } else {
                    1_000
                }))
                .sampling_mode(if size >= 1_000_000 {
                    SamplingMode::Flat
                } else {
                    SamplingMode::Auto
                });
            group.bench_with_input(BenchmarkId::new(*family, size), &text, |b, text| {
                b.iter(|| options.parse(black_box(text)).map(|a| a.body.len()))
            });
        }
    }
    group.finish();
}

/// One parenthetical at a time through `parse_citation`: ordinary
/// citations (the archive's sixteen shapes) against parentheticals just
/// under the length bound, those that parse and those full of dates that
/// fail at the end. The report divides their times per byte: no citation
/// should cost more than four times per byte what an ordinary one does.
fn citation(c: &mut Criterion) {
    let mut rng = inputs::Rng::new(4);
    let sets: [(&str, Vec<String>); 3] = [
        (
            "ordinary",
            (0..2_000).map(|_| inputs::citation(&mut rng)).collect(),
        ),
        (
            "long",
            (0..200).map(|_| inputs::long_citation(&mut rng)).collect(),
        ),
        (
            "long_failing",
            (0..200)
                .map(|_| inputs::failing_citation(&mut rng))
                .collect(),
        ),
    ];
    let ctx = DateContext::in_year(2000);
    let mut group = c.benchmark_group("citation");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (name, set) in &sets {
        group.throughput(Throughput::Bytes(inputs::total_bytes(set)));
        group.bench_with_input(BenchmarkId::from_parameter(name), set, |b, set| {
            b.iter(|| {
                set.iter()
                    .filter(|c| bulletin::parse_citation(black_box(c), &ctx).is_some())
                    .count()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, seed, corpus, archive, archives, scaling, citation);
criterion_main!(benches);
