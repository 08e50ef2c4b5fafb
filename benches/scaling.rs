//! How parse time grows with input size on the bad-input policy's
//! pathological shapes: `cargo bench --bench scaling`.
//!
//! For each shape it parses inputs of 1, 2, 4 and 8 units and prints the
//! time per byte; a linear parser keeps that number flat (the last column is
//! the ratio of the largest to the smallest). Not a timed test: a slow
//! machine changes the times, not their ratio.

mod inputs;

use std::hint::black_box;
use std::time::{Duration, Instant};

use bulletin::ParseOptions;

const HEADER: &str = "Publication: Monitor Volume: 6 Issue: 41\n\n";

/// A shape's name and how to make its input of `n` units.
type Shape = (&'static str, fn(usize) -> String);

/// The shapes to measure.
fn shapes() -> Vec<Shape> {
    vec![
        ("single line with citations", |n| {
            format!(
                "{HEADER}{}",
                "Officials met (Interfax, May 3) again. ".repeat(n)
            )
        }),
        ("single line, no spaces", |n| {
            format!("{HEADER}{}", "x".repeat(40 * n))
        }),
        ("newlines only", |n| {
            format!("{HEADER}A.\n{}", "\n".repeat(40 * n))
        }),
        ("short lines", |n| {
            format!("{HEADER}{}", "Ab cd\n".repeat(7 * n))
        }),
        ("blank-separated paragraphs", |n| {
            format!(
                "{HEADER}{}",
                "Ab cd ef gh ij kl mn op qr st uv.\n\n".repeat(n)
            )
        }),
        ("hard-wrapped lines ending ]", |n| {
            let line = "word word word word word word word word]\n";
            format!("{HEADER}First paragraph here.\n\n{}", line.repeat(n))
        }),
        ("hard-wrapped note markers", |n| {
            let line = "[1][2][3][4][5][6][7][8][9][10][11][12]\n";
            format!("{HEADER}First paragraph here.\n\n{}", line.repeat(n))
        }),
        ("header lines", |n| {
            "Publication: Monitor Volume: 1 Issue: 1\n".repeat(n)
        }),
        ("outlets in one citation", |n| {
            let outlets: Vec<String> = (0..4 * n).map(|i| format!("Out {i}")).collect();
            format!("{HEADER}Text ({}, May 3).", outlets.join(", "))
        }),
        ("nested parentheses", |n| {
            format!(
                "{HEADER}Deep {}x{} text.",
                "(".repeat(20 * n),
                ")".repeat(20 * n)
            )
        }),
        ("unclosed parentheses", |n| {
            format!("{HEADER}Deep {} text.", "(".repeat(40 * n))
        }),
        ("numbered notes", |n| {
            let notes: String = (0..n)
                .map(|i| format!("{}. Interfax, May 3\n", i % 999 + 1))
                .collect();
            format!("{HEADER}Body (1).\n\n{notes}")
        }),
        ("footer", |n| {
            format!(
                "{HEADER}Body.\n\nThe Monitor is a publication of the X. {}",
                "St. by fax at, Copyright ".repeat(n)
            )
        }),
        ("header-less page", |n| {
            "Just text, no header. ".repeat(2 * n)
        }),
        ("long failing citations", |n| inputs::long_citations(40 * n)),
    ]
}

/// The best of a few runs, in both modes.
fn time(input: &str) -> Duration {
    let lenient = ParseOptions::new().lenient(true);
    (0..3)
        .map(|_| {
            let start = Instant::now();
            let _ = black_box(bulletin::parse_article(black_box(input)));
            let _ = black_box(lenient.parse(black_box(input)));
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let base = 25_000; // units: about 1 MB for most shapes
    println!(
        "{:<28} {:>10} {:>10} {:>10} {:>10} {:>7}",
        "shape (ns/byte)", "1x", "2x", "4x", "8x", "8x/1x"
    );
    for (name, make) in shapes() {
        let per_byte: Vec<f64> = [1, 2, 4, 8]
            .iter()
            .map(|k| {
                let input = make(base * k);
                time(&input).as_nanos() as f64 / input.len().max(1) as f64
            })
            .collect();
        let ratio = per_byte[3] / per_byte[0].max(f64::EPSILON);
        println!(
            "{name:<28} {:>10.2} {:>10.2} {:>10.2} {:>10.2} {ratio:>7.2}",
            per_byte[0], per_byte[1], per_byte[2], per_byte[3]
        );
    }
}
