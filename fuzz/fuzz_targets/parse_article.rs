//! `parse_article`, strict and lenient, on arbitrary UTF-8: no panic, every
//! span inside the input on character boundaries, lenient at least as
//! accepting as strict.
#![no_main]

use bulletin::{Article, ParseOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let strict = bulletin::parse_article(input);
    let lenient = ParseOptions::new().lenient(true).parse(input);
    match (&strict, &lenient) {
        (Ok(article), _) | (_, Ok(article)) => check_spans(input, article),
        _ => {}
    }
    if let Ok(article) = &lenient {
        check_spans(input, article);
    }
    if let Err(err) = &strict {
        assert!(err.offset() <= input.len(), "error offset past the end");
        assert!(err.line() >= 1 && err.column() >= 1);
    }
    // Lenient accepts everything strict accepts, with the same tree.
    if let Ok(article) = &strict {
        assert_eq!(lenient.as_ref().ok(), Some(article), "lenient differs");
    }
});

/// Every `span` object in the article's JSON lies inside `input` on
/// character boundaries.
fn check_spans(input: &str, article: &Article<'_>) {
    let json = serde_json::to_value(article).expect("an article serializes");
    walk(input, &json);
}

fn walk(input: &str, value: &serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(span) = map.get("span") {
                let start = span["start"].as_u64().expect("span.start") as usize;
                let end = span["end"].as_u64().expect("span.end") as usize;
                assert!(
                    start <= end && end <= input.len(),
                    "span {start}..{end} out of bounds"
                );
                assert!(input.is_char_boundary(start) && input.is_char_boundary(end));
            }
            map.values().for_each(|v| walk(input, v));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| walk(input, v)),
        _ => {}
    }
}
