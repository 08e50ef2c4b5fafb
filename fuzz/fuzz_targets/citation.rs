//! `bulletin::parse_citation` on its own: no panic on any text, and a
//! citation, when found, keeps dates inside the calendar.
//!
//! Run with `cargo fuzz run --sanitizer none citation` (docs/FUZZING.md).
#![no_main]

use bulletin::DateContext;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else {
        return;
    };
    for ctx in contexts() {
        let _ = bulletin::parse_citation(raw, &ctx);
    }
});

/// No year, a year only, and an exact issue date.
fn contexts() -> [DateContext; 3] {
    let issue =
        time::Date::from_calendar_date(2001, time::Month::January, 4).unwrap_or(time::Date::MIN);
    [
        DateContext::unknown(),
        DateContext::in_year(2000),
        DateContext::around(issue),
    ]
}
