//! `bulletin::parse_dates` on its own: no panic on any text, and every
//! resolved range runs forwards.
//!
//! Run with `cargo fuzz run --sanitizer none dates` (docs/FUZZING.md).
#![no_main]

use bulletin::DateContext;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let issue =
        time::Date::from_calendar_date(2001, time::Month::January, 4).unwrap_or(time::Date::MIN);
    for ctx in [
        DateContext::unknown(),
        DateContext::in_year(2000),
        DateContext::around(issue),
    ] {
        for date in bulletin::parse_dates(text, &ctx).into_iter().flatten() {
            if let (Some(start), Some(end)) = (date.start, date.end) {
                assert!(start <= end, "range runs backwards: {date:?}");
            }
        }
    }
});
