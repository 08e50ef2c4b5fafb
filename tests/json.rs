//! The JSON shape the crate promises (README, "JSON"), and a lossless JSON round trip.
#![cfg(feature = "serde")]

mod common;

use bulletin::{Article, CitedDate, ParseOptions, PartialDate, parse_article};
use serde_json::{Value, json};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/layouts/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn article_json_has_the_contract_shape() {
    let text = fixture("hard-wrapped.txt");
    let article = parse_article(&text).unwrap();
    let v = serde_json::to_value(&article).unwrap();

    for key in ["title", "header", "body", "notes", "footer"] {
        assert!(v.get(key).is_some(), "missing key {key}");
    }
    assert_eq!(v["title"], Value::Null);
    assert_eq!(
        v["header"],
        json!({"publication": "Monitor", "volume": 6, "issue": 41, "authors": [], "year": 2000,
               "issue_date": {"date": "2000-02-28", "earliest": "2000-02-28",
                              "latest": "2000-12-31", "source": "estimated"},
               "span": {"start": 0, "end": 40}})
    );
    let first = &v["body"][0];
    assert_eq!(first["kind"], "paragraph");
    assert_eq!(first["span"]["start"], 42);
    assert!(first["span"]["end"].as_u64().unwrap() > 42);
    assert!(first["inlines"].is_array());
    assert_eq!(first["inlines"][0]["kind"], "text");
    assert_eq!(v["notes"], json!([]));

    let footer = &v["footer"];
    for key in [
        "publication",
        "publisher",
        "staff",
        "contact",
        "copyright",
        "notice",
        "credits",
    ] {
        assert!(footer.get(key).is_some(), "footer key {key}");
    }
    assert_eq!(
        footer["staff"][1],
        json!({"role": "analysts", "names": ["Dana Orlova", "Marat Ismailov"]})
    );
    assert_eq!(
        footer["contact"],
        json!({"email": null, "phone": null, "fax": "202-555-0134",
               "address": "The Jamestown Foundation, 1200 Example Street NW, Washington DC 20036"})
    );
    assert_eq!(
        footer["copyright"],
        json!({"from": 1983, "to": 2001, "holder": "The Jamestown Foundation"})
    );
    assert_eq!(footer["credits"], json!(["Example Web Works"]));
}

#[test]
fn headings_notes_and_headerless_pages() {
    let text = fixture("subheads.txt");
    let a = parse_article(&text).unwrap();
    let v = serde_json::to_value(&a).unwrap();
    assert_eq!(keys(&v["body"][1]), ["kind", "span", "text"]);
    assert_eq!(v["body"][1]["kind"], "heading");
    assert_eq!(v["body"][1]["text"], "WHAT WE KNOW");

    let text = fixture("notes-list.txt");
    let a = parse_article(&text).unwrap();
    let v = serde_json::to_value(&a).unwrap();
    assert_eq!(v["notes"][0]["number"], 1);
    assert!(v["notes"][0].get("citation").is_some());

    let text = fixture("headerless.txt");
    let a = ParseOptions::new().lenient(true).parse(&text).unwrap();
    let v = serde_json::to_value(&a).unwrap();
    assert_eq!(v["header"], Value::Null);
    assert_eq!(v["footer"], Value::Null);
}

#[test]
fn dates_are_iso_strings_or_null() {
    let resolved = CitedDate::range(
        "February 27-28",
        PartialDate::new(None, 2, Some(27)),
        PartialDate::new(None, 2, Some(28)),
    )
    .resolved_in(2000);
    let v = serde_json::to_value(&resolved).unwrap();
    assert_eq!(v["text"], "February 27-28");
    assert_eq!(v["start"], "2000-02-27");
    assert_eq!(v["end"], "2000-02-28");

    let unknown = CitedDate::single("March 1999", PartialDate::new(Some(1999), 3, None));
    let v = serde_json::to_value(unknown.resolved_in(1999)).unwrap();
    assert_eq!(
        (v["start"].clone(), v["end"].clone()),
        (Value::Null, Value::Null)
    );

    let back: CitedDate<'static> = serde_json::from_value(
        json!({"text": "May 1", "start": "2001-05-01", "end": "2001-05-01",
               "from": {"year": null, "month": 5, "day": 1}}),
    )
    .unwrap();
    assert_eq!(back.start.map(|d| d.to_string()), Some("2001-05-01".into()));
    assert!(
        serde_json::from_value::<CitedDate<'static>>(json!({"text": "x", "start": "2001-02-30",
        "end": null, "from": {"year": null, "month": 2, "day": 30}}))
        .is_err(),
        "an impossible date is rejected"
    );
}

#[test]
fn iso_dates_are_zero_padded_in_every_year() {
    use time::macros::date;
    let with = |start| {
        let mut d = CitedDate::single("May 1", PartialDate::new(None, 5, Some(1)));
        d.start = Some(start);
        serde_json::to_value(&d).unwrap()["start"].clone()
    };
    assert_eq!(with(date!(0999 - 01 - 05)), "0999-01-05");
    assert_eq!(with(date!(0000 - 12 - 31)), "0000-12-31");
    assert_eq!(with(date!(9999 - 10 - 09)), "9999-10-09");
    // Outside 0..=9999 the general formatter: a sign, four digits at least.
    assert_eq!(with(date!(-0044 - 03 - 15)), "-044-03-15");
}

#[test]
fn optional_keys_may_be_left_out() {
    // Spans, diagnostics and the lists that are empty when there is
    // nothing: JSON written by hand (or by another program) may omit them.
    let article: Article<'static> = serde_json::from_value(json!({
        "title": "TALKS RESUME.",
        "header": {"publication": "Monitor", "volume": 6, "issue": 41},
        "body": [
            {"kind": "paragraph", "inlines": [
                {"kind": "text", "text": "Talks resume "},
                {"kind": "citation", "raw": "(Interfax, May 3)",
                 "citation": {"kind": "sources", "groups": [
                     {"kind": "source", "outlets": ["Interfax"], "dates": []}]}}]},
            {"kind": "heading", "text": "WHAT NEXT"}
        ],
        "footer": {"publication": null, "publisher": null, "copyright": null, "notice": null},
        "captions": [{"text": "A caption"}],
        "diagnostics": [{"kind": "decoded", "message": "decoded from windows-1252"}]
    }))
    .unwrap();
    assert!(article.notes.is_empty());
    assert!(article.header.as_ref().unwrap().authors.is_empty());
    assert_eq!(article.body[0].span(), Default::default());
    assert_eq!(
        article.diagnostics[0].kind,
        bulletin::DiagnosticKind::Decoded
    );
}

fn assert_round_trip(name: &str, article: &Article<'_>) {
    let json = serde_json::to_string(article).unwrap();
    let back: Article<'static> = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, article, "{name}: JSON round trip");
}

#[test]
fn articles_survive_a_json_round_trip() {
    let lenient = ParseOptions::new().lenient(true);
    let dir = format!("{}/tests/fixtures/layouts", env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let article = lenient.parse(&text).unwrap();
        assert_round_trip(&path.display().to_string(), &article);
    }
    let Some(corpus) = common::corpus_dir() else {
        return;
    };
    let seed = common::read(&corpus.join("seed/monitor-v05-i173.txt"));
    assert_round_trip("seed", &parse_article(&seed).unwrap());
    for path in common::real_files(&corpus) {
        let text = common::read(&path);
        assert_round_trip(&path.display().to_string(), &lenient.parse(&text).unwrap());
    }
}
