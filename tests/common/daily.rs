//! A generated archive of a daily series whose issues cite each other.

use time::{Date, Duration, Month, Weekday};

/// A daily series of invented issues on consecutive weekdays: every tenth
/// states its date (another site's layout), the others only their number;
/// each cites the news of the day before and, from the fourth on, the
/// issue three before it. Returns the text and each issue's true date.
pub fn daily_archive(issues: u32) -> (String, Vec<Date>) {
    let mut date = Date::from_calendar_date(1999, Month::January, 4).unwrap();
    let mut dates = Vec::new();
    let mut text = String::new();
    for issue in 1..=issues {
        dates.push(date);
        let day_before = date - Duration::days(1);
        let cited = |d: Date| format!("{} {}", d.month(), d.day());
        if issue % 10 == 0 {
            text.push_str(&format!(
                "Monitor\n{}, {} {}, {} -- Volume 5, Issue {issue}\nTALKS GO ON\n\n",
                date.weekday(),
                date.month(),
                date.day(),
                date.year()
            ));
        } else {
            text.push_str(&format!(
                "Publication: Monitor Volume: 5 Issue: {issue}\n\n"
            ));
        }
        text.push_str(&format!(
            "The talks went on yesterday (Interfax, {}).",
            cited(day_before)
        ));
        if issue > 3 {
            let earlier = dates[issue as usize - 4];
            text.push_str(&format!(
                " They began earlier (see the Monitor, {}).",
                cited(earlier)
            ));
        }
        text.push_str("\n\n");
        date += Duration::days(1);
        while matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday) {
            date += Duration::days(1);
        }
    }
    (text, dates)
}
