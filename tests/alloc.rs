//! Heap allocations while parsing, counted by a global allocator: text
//! borrows from the input, so the count follows an article's structure
//! (lines, blocks, citations), never its length.
//!
//! `cargo test --test alloc -- --nocapture` prints allocations per article
//! on the real corpus (when present) and a generated archive.

#[path = "../benches/inputs/mod.rs"]
mod inputs;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use bulletin::ParseOptions;

/// The system allocator, counting allocation calls per thread (tests run
/// on several threads at once).
struct Counting;

thread_local! {
    static ALLOCS: Cell<u64> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded unchanged to `System`; the counter is a
// const-initialised thread-local `Cell` that never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocation calls (reallocations included: `GlobalAlloc::realloc`
/// defaults to alloc, copy, dealloc) on this thread while parsing `text` (result dropped).
fn allocations(options: &ParseOptions, text: &str) -> u64 {
    let before = ALLOCS.with(Cell::get);
    let parsed = options.parse(text);
    let after = ALLOCS.with(Cell::get);
    drop(parsed);
    after - before
}

/// An article of `paragraphs` paragraphs of `sentences` plain sentences.
fn plain_article(paragraphs: usize, sentences: usize) -> String {
    let mut text =
        String::from("TALKS RESUME AT LAST.\nPublication: Monitor Volume: 6 Issue: 41\n\n");
    for _ in 0..paragraphs {
        for _ in 0..sentences {
            text.push_str("Officials in the capital confirmed that the talks will resume. ");
        }
        text.push_str("\n\n");
    }
    text
}

#[test]
fn allocations_do_not_grow_with_text_length() {
    let options = ParseOptions::new();
    let short = plain_article(6, 3);
    let long = plain_article(6, 300);
    let (a, b) = (allocations(&options, &short), allocations(&options, &long));
    println!(
        "plain article, 6 paragraphs: {a} allocations at {} bytes, {b} at {} bytes",
        short.len(),
        long.len()
    );
    // (Reallocations count too: a longer text can even need fewer, as the
    // line buffer is sized from the input's length.)
    assert!(b <= a, "text must borrow from the input: {b} > {a}");
}

#[test]
fn allocations_per_article_stay_small() {
    let options = ParseOptions::new().lenient(true);
    let sets = [
        ("corpus", inputs::real_corpus()),
        ("archive", inputs::archive(300_000)),
    ];
    for (name, articles) in sets {
        if articles.is_empty() {
            println!("note: {name}: corpus not found (set BULLETIN_CORPUS); skipped");
            continue;
        }
        let mut total = 0;
        for text in &articles {
            let n = allocations(&options, text);
            total += n;
            // One allocation per 16 input bytes would mean copying text or
            // allocating per word; structure alone stays far below that.
            assert!(
                n <= 64 + text.len() as u64 / 16,
                "{name}: {n} allocations for a {}-byte article",
                text.len()
            );
        }
        println!(
            "{name}: {} articles, {:.1} allocations per article",
            articles.len(),
            total as f64 / articles.len() as f64
        );
    }
}
