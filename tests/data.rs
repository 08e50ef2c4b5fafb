//! The archive as data: issue dates that honour what articles cite,
//! cross-references with their series and target issues, the chronology of
//! an archive, and the rows of the tables.

mod common;

use bulletin::rows::Origin;
use bulletin::{Chronology, DateSource, ParseOptions, YearTable};
use time::{Date, Month};

/// Every article of the real corpus (leniently: header-less pages too).
fn corpus_articles() -> Option<Vec<(String, String)>> {
    let corpus = common::corpus_dir()?;
    let files = common::real_files(&corpus)
        .into_iter()
        .chain([corpus.join("seed/monitor-v05-i173.txt")])
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, common::read(&path))
        })
        .collect();
    Some(files)
}

#[test]
fn no_issue_date_is_earlier_than_a_date_its_article_cites() {
    let Some(files) = corpus_articles() else {
        return;
    };
    let lenient = ParseOptions::new().lenient(true);
    let mut dated = 0;
    for (name, text) in &files {
        let article = lenient.parse(text).unwrap();
        let Some(issue) = article.header.as_ref().and_then(|h| h.issue_date) else {
            continue;
        };
        dated += 1;
        assert!(
            issue.earliest <= issue.date && issue.date <= issue.latest,
            "{name}: {issue:?}"
        );
        let cited = article
            .citations()
            .map(|c| c.citation)
            .chain(article.notes.iter().filter_map(|n| n.citation.as_ref()))
            .flat_map(|c| c.dates())
            .filter_map(|d| d.end)
            .max();
        if let Some(cited) = cited {
            assert!(
                issue.date >= cited,
                "{name}: issue {} before cited {cited}",
                issue.date
            );
            assert!(
                issue.earliest >= cited,
                "{name}: bound {} before {cited}",
                issue.earliest
            );
        }
    }
    assert!(dated > 100, "{dated} articles dated");
}

#[test]
fn every_cross_reference_to_a_series_has_its_series_and_target_issue() {
    let Some(files) = corpus_articles() else {
        return;
    };
    let lenient = ParseOptions::new().lenient(true);
    let years = YearTable::default();
    let mut edges = 0;
    for (name, text) in &files {
        let article = lenient.parse(text).unwrap();
        for see in article.cross_references() {
            let house = [
                "Monitor",
                "EDM",
                "Eurasia Daily Monitor",
                "Fortnight",
                "Chechnya",
            ]
            .iter()
            .any(|p| see.target.contains(p));
            if house {
                assert!(
                    see.series.is_some(),
                    "{name}: {:?} has no series",
                    see.target
                );
            }
            if ["previous", "below", "above", "Part"]
                .iter()
                .any(|w| see.target.contains(w))
            {
                assert!(
                    see.series.is_none(),
                    "{name}: {:?} points inside the issue",
                    see.target
                );
            }
        }
        for edge in article.edge_rows(&Origin::new(name.clone(), 0), &years) {
            edges += 1;
            if edge.target_date.is_some() {
                assert!(
                    edge.target_volume.is_some() && edge.target_issue.is_some(),
                    "{name}: {edge:?}"
                );
            }
        }
    }
    assert!(edges > 10, "{edges} edges");
}

#[test]
fn an_archive_of_a_daily_series_pins_its_issue_dates_and_matches_every_cross_reference() {
    let (text, dates) = common::daily::daily_archive(60);
    let mut articles: Vec<_> = bulletin::parse_archive(&text)
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(articles.len(), 60);
    let years = YearTable::default();
    let mut chronology = Chronology::new(years.clone());
    let ids: Vec<_> = articles
        .iter()
        .map(|a| chronology.add(a).unwrap())
        .collect();
    chronology.refine();
    for (at, (id, truth)) in ids.iter().zip(&dates).enumerate() {
        let date = chronology.issue_date(*id).unwrap();
        assert!(
            date.earliest <= *truth && *truth <= date.latest,
            "issue {}: {truth} outside {date:?}",
            at + 1
        );
        // From the first stated issue on, the bounds pin every date.
        if at + 1 >= 10 {
            assert_eq!(date.date, *truth, "issue {}", at + 1);
        }
        if (at + 1) % 10 == 0 {
            assert_eq!(date.source, DateSource::Stated);
        }
    }
    for (article, id) in articles.iter_mut().zip(&ids) {
        chronology.apply(*id, article);
    }
    let mut matched = 0;
    for (at, (article, id)) in articles.iter().zip(&ids).enumerate() {
        for edge in article.edge_rows(&Origin::new("daily.txt", at), &years) {
            let date = edge.target_date.unwrap();
            let target = chronology.issue_on(&edge.series, date, Some(*id));
            let position = target.and_then(|t| ids.iter().position(|i| *i == t));
            if at >= 9 {
                assert_eq!(position, Some(at - 3), "issue {} cites {date}", at + 1);
                matched += 1;
            }
        }
    }
    assert_eq!(matched, 51);
}

#[test]
fn citation_rows_are_one_per_group_and_outlet_rows_one_per_outlet() {
    let text = "Publication: Monitor Volume: 6 Issue: 41\n\n\
                Talks resumed (Itar-Tass, Interfax, February 27-28; see the Monitor, February 18). \
                Details (https://example.org/a.html) followed (3).\n\n\
                1. Prima, February 26, translated by BBC Monitoring, February 27\n";
    let article = bulletin::parse_article(text).unwrap();
    let origin = Origin::new("a.txt", 0);
    let rows = article.citation_rows(&origin);
    let kinds: Vec<_> = rows.iter().map(|r| (r.citation, r.group, r.kind)).collect();
    assert_eq!(
        kinds,
        [
            (1, 1, "source"),
            (1, 2, "see"),
            (2, 1, "url"),
            (3, 1, "note"),
            (4, 1, "source")
        ]
    );
    assert_eq!(rows[0].canonical_outlets, "TASS; Interfax");
    assert_eq!(rows[0].first_date.unwrap().to_string(), "2000-02-27");
    assert_eq!(rows[0].last_date.unwrap().to_string(), "2000-02-28");
    assert_eq!(&text[rows[0].start..rows[0].end], rows[0].raw);
    let outlets: Vec<_> = article
        .outlet_rows(&origin)
        .into_iter()
        .map(|r| (r.outlet.into_owned(), r.canonical.into_owned()))
        .collect();
    assert_eq!(
        outlets,
        [
            ("Itar-Tass".to_string(), "TASS".to_string()),
            ("Interfax".to_string(), "Interfax".to_string()),
            ("Prima".to_string(), "Prima-News".to_string()),
            ("BBC Monitoring".to_string(), "BBC Monitoring".to_string()),
        ]
    );
    let row = article.article_row(&origin);
    assert_eq!((row.paragraphs, row.citations), (1, 4));
}

/// For docs/ESTIMATES.md: how far the estimate from the issue number lies
/// from a date the article pins down itself — after its latest cited date
/// (a lower bound on its date), and, where it says "yesterday" of that
/// date, the weekday after it. Prints the figures; asserts only that every
/// issue date honours what its article cites (the test above).
/// The date an article's text pins its issue to: a paragraph that says
/// `yesterday` and cites single days, the day after the latest of them
/// (the news it reports is of the day before the issue), or `yesterday
/// (July 5)` written out. `None` when no paragraph does, two disagree, or
/// the article cites a later day elsewhere.
fn pinned_by_text(article: &bulletin::Article<'_>) -> Option<Date> {
    let mut pinned = None;
    let mut agree = |day: Date| {
        let disagrees = pinned.is_some_and(|p| p != day);
        pinned = Some(day);
        !disagrees
    };
    for block in &article.body {
        let inlines = block.inlines();
        let says_yesterday = inlines.iter().any(|inline| {
            matches!(inline, bulletin::Inline::Text { text, .. } if text.contains("yesterday"))
        });
        if !says_yesterday {
            continue;
        }
        let mut latest = None;
        for inline in inlines {
            match inline {
                bulletin::Inline::Text { text, .. } => {
                    if let Some(day) = yesterday_written_out(text, article) {
                        if !agree(day) {
                            return None;
                        }
                    }
                }
                bulletin::Inline::Citation { citation, .. } => {
                    for date in citation.dates() {
                        let (Some(start), Some(end)) = (date.start, date.end) else {
                            continue;
                        };
                        if start == end {
                            latest = latest.max(Some(start));
                        }
                    }
                }
            }
        }
        if let Some(day) = latest.and_then(Date::next_day) {
            if !agree(day) {
                return None;
            }
        }
    }
    let cited_later = article
        .citations()
        .flat_map(|c| c.citation.dates())
        .filter_map(|d| d.end)
        .any(|end| pinned.is_some_and(|p| end >= p));
    if cited_later { None } else { pinned }
}

/// `yesterday (July 5)` in `text`: the day after July 5 of the article's
/// year.
fn yesterday_written_out(text: &str, article: &bulletin::Article<'_>) -> Option<Date> {
    let year = article.header.as_ref()?.year?;
    let rest = &text[text.find("yesterday (")? + "yesterday (".len()..];
    let (month, rest) = rest.split_once(' ')?;
    let day: u8 = rest.split(')').next()?.parse().ok()?;
    let month = (1..=12u8)
        .filter_map(|m| Month::try_from(m).ok())
        .find(|m| m.to_string() == month)?;
    Date::from_calendar_date(year, month, day).ok()?.next_day()
}

/// The estimator measured against dates the text pins down (see
/// docs/DATES.md, which quotes the figures this prints): each pinned date
/// lies within the bounds the issue date states, alone and refined over
/// the corpus as one archive.
#[test]
fn estimate_error_on_the_corpus() {
    let Some(files) = corpus_articles() else {
        return;
    };
    let lenient = ParseOptions::new().lenient(true);
    let years = YearTable::default();
    let articles: Vec<_> = files
        .iter()
        .map(|(name, text)| (name, lenient.parse(text).unwrap()))
        .collect();
    let mut chronology = Chronology::new(years.clone());
    let ids: Vec<_> = articles.iter().map(|(_, a)| chronology.add(a)).collect();
    chronology.refine();
    let mut rows = Vec::new();
    for ((name, article), id) in articles.iter().zip(&ids) {
        let (Some(pinned), Some(header)) = (pinned_by_text(article), &article.header) else {
            continue;
        };
        let (Some(issue), Some(id)) = (header.issue_date, id) else {
            continue;
        };
        let series = years.get(header.publication.as_deref().unwrap()).unwrap();
        let window = series
            .issue_window(header.volume.unwrap(), header.issue.unwrap())
            .unwrap();
        let refined = chronology.issue_date(*id).unwrap();
        for bounds in [issue, refined] {
            assert!(
                bounds.earliest <= pinned && pinned <= bounds.latest,
                "{name}: pinned to {pinned}, outside {bounds:?}"
            );
        }
        let days = |d: Date| (d - pinned).whole_days();
        rows.push((
            name,
            days(window.estimate),
            days(issue.date),
            days(refined.date),
        ));
    }
    assert!(
        rows.len() >= 5,
        "only {} articles pinned by their text",
        rows.len()
    );
    let summary = |pick: fn(&(&&String, i64, i64, i64)) -> i64| {
        let mut errors: Vec<i64> = rows.iter().map(pick).collect();
        errors.sort_unstable_by_key(|e| e.abs());
        let within = |days: i64| errors.iter().filter(|e| e.abs() <= days).count();
        format!(
            "median |error| {} days, within 3 days {}, within 14 days {}, worst {}",
            errors[errors.len() / 2].abs(),
            within(3),
            within(14),
            errors.last().unwrap()
        )
    };
    eprintln!("{} articles whose text pins their date:", rows.len());
    eprintln!("  number only:     {}", summary(|r| r.1));
    eprintln!("  issue_date:      {}", summary(|r| r.2));
    eprintln!("  refined:         {}", summary(|r| r.3));
    for (name, window, issue, refined) in &rows {
        eprintln!("  {name}\t{window}\t{issue}\t{refined}");
    }
}

#[test]
fn a_relay_is_named_and_has_its_own_outlet_row() {
    let text = "Publication: Monitor Volume: 6 Issue: 41\n\n\
                The minister resigned (Kommersant, February 26, as cited by Itar-Tass, February 27).\n";
    let article = bulletin::parse_article(text).unwrap();
    let group = match article.citations().next().unwrap().citation {
        bulletin::Citation::Sources { groups } => match &groups[0] {
            bulletin::Group::Source(source) => source.clone(),
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    };
    let relay = group.cited_by.expect("the relay");
    assert_eq!(relay.canonical_outlets, ["TASS"]);
    let origin = Origin::new("a.txt", 0);
    let outlets: Vec<_> = article
        .outlet_rows(&origin)
        .into_iter()
        .map(|r| {
            (
                r.outlet.into_owned(),
                r.canonical.into_owned(),
                r.first_date.unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        outlets,
        [
            (
                "Kommersant".to_string(),
                "Kommersant".to_string(),
                "2000-02-26".to_string()
            ),
            (
                "Itar-Tass".to_string(),
                "TASS".to_string(),
                "2000-02-27".to_string()
            ),
        ]
    );
    // One citation group, as in the citations table.
    assert_eq!(article.citation_rows(&origin).len(), 1);
}
