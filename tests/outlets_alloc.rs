//! Outlet lookups are in the hot path (once per outlet of every citation):
//! a lookup that hits the table must not allocate, counted by a global
//! allocator as in `tests/alloc.rs`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use bulletin::{OutletTable, SeriesAliases};

/// The system allocator, counting allocation calls per thread.
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

/// Allocation calls on this thread while running `f`.
fn allocations<R>(f: impl FnOnce() -> R) -> u64 {
    let before = ALLOCS.with(Cell::get);
    let result = f();
    let after = ALLOCS.with(Cell::get);
    drop(result);
    after - before
}

#[test]
fn lookups_that_hit_the_table_do_not_allocate() {
    let outlets = OutletTable::default();
    let names = [
        "Itar-Tass",
        "ITAR TASS",
        "Interfax-Ukraine",
        "Nezavisimaya Gazeta",
        "The Moscow Times",
        "People’s Daily",
        "Focus Central Asia [Almaty]",
        "Eastern Economist Daily (Kyiv)",
        "www.regnum.ru",
        "Xinhua News Agency",
        "RTR television",
        "ИТАР-ТАСС",
    ];
    for name in names {
        assert!(outlets.canonical(name).is_some(), "{name}");
        assert_eq!(allocations(|| outlets.canonical(name)), 0, "{name}");
        assert_eq!(allocations(|| outlets.canonical_or_key(name)), 0, "{name}");
    }
    let series = SeriesAliases::default();
    assert_eq!(allocations(|| series.series("the Monitor")), 0);
    assert_eq!(allocations(|| series.series("previous story")), 0);
}

#[test]
fn misses_allocate_only_for_the_key_they_return() {
    let outlets = OutletTable::default();
    assert_eq!(allocations(|| outlets.canonical("Kabul Daily Planet")), 0);
    assert_eq!(
        allocations(|| outlets.canonical_or_key("Kabul Daily Planet")),
        1
    );
    // Already a key: borrowed.
    assert_eq!(allocations(|| outlets.canonical_or_key("kabul.af")), 0);
}
