//! Parse → render (`Display for Article`) → parse: the second parse
//! succeeds and gives the same tree, spans and diagnostics aside.
//!
//! Run with `cargo fuzz run --sanitizer none roundtrip` (docs/FUZZING.md).
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(first) = bulletin::parse_article(input) else {
        return;
    };
    let rendered = first.to_string();
    let second = match bulletin::parse_article(&rendered) {
        Ok(second) => second,
        Err(err) => panic!("rendered article does not parse: {err}\n{rendered}"),
    };
    assert_eq!(
        without_spans(&first),
        without_spans(&second),
        "the round trip changed the tree; rendered:\n{rendered}"
    );
});

/// The article's JSON with every `span` and the diagnostics removed.
fn without_spans(article: &bulletin::Article<'_>) -> Value {
    let mut json = serde_json::to_value(article).expect("an article serializes");
    strip(&mut json);
    json
}

fn strip(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.remove("span");
            map.remove("diagnostics");
            map.values_mut().for_each(strip);
        }
        Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}
