//! RFC 5545 rendering of the chronology: pure functions from
//! [`FeedEvent`]s to iCalendar text (line folding, escaping, one all-day
//! VEVENT per event), testable without a database or a server.

use std::fmt::Write as _;

use chrono::{Duration, NaiveDate};

use crate::store::read::{FeedEvent, is_fuzzy};

/// Longest physical line, in octets, not counting the CRLF (RFC 5545 §3.1).
const MAX_LINE_OCTETS: usize = 75;

/// English name of a Gregorian month (1-based); empty outside 1..=12.
pub fn month_name(month: u32) -> &'static str {
    u8::try_from(month).map_or("", |m| {
        crate::calendar::month_name(crate::calendar::Calendar::Gregorian, m, crate::lexicon::Lang::En)
    })
}

/// How a modifier reads in English before a date.
fn mod_prefix(modifier: Option<&str>) -> &'static str {
    match modifier {
        Some("START") => "early ",
        Some("MID") => "mid-",
        Some("END") => "late ",
        Some("BEFORE") => "before ",
        Some("AFTER") => "after ",
        Some("APPROX") => "around ",
        _ => "",
    }
}

/// The date in words for a summary: `early January 2022 (approximate)`,
/// `2014 (approximate)`, or the Gregorian label for a precise date.
pub fn date_phrase(ev: &FeedEvent) -> String {
    let d = ev.first_day;
    let base = match ev.grain.as_str() {
        "month" => format!(
            "{} {}",
            month_name(chrono::Datelike::month(&d)),
            chrono::Datelike::year(&d)
        ),
        "year" => chrono::Datelike::year(&d).to_string(),
        "decade" => format!("{}s", chrono::Datelike::year(&d)),
        _ if !ev.gregorian.is_empty() => ev.gregorian.clone(),
        _ => gregorian_label(ev.first_day, ev.last_day),
    };
    let mut s = format!("{}{}", mod_prefix(ev.modifier.as_deref()), base);
    if is_fuzzy(&ev.grain, ev.modifier.as_deref()) {
        s.push_str(" (approximate)");
    }
    s
}

/// `12 January 2022`, `9–10 January 2022`, `30 December 2021 – 2 January 2022`.
pub fn gregorian_label(first: NaiveDate, last: NaiveDate) -> String {
    use chrono::Datelike;
    let one = |d: NaiveDate| format!("{} {} {}", d.day(), month_name(d.month()), d.year());
    if first == last {
        one(first)
    } else if first.year() == last.year() && first.month() == last.month() {
        format!(
            "{}–{} {} {}",
            first.day(),
            last.day(),
            month_name(first.month()),
            first.year()
        )
    } else {
        format!("{} – {}", one(first), one(last))
    }
}

/// The event's SUMMARY: its title, followed by the date in words when the
/// date is approximate (the feed's all-day span alone would overstate it).
pub fn summary(ev: &FeedEvent) -> String {
    if is_fuzzy(&ev.grain, ev.modifier.as_deref()) {
        format!("{} — {}", ev.title, date_phrase(ev))
    } else {
        ev.title.clone()
    }
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and
/// newlines; drops other control characters, which TEXT may not contain.
pub fn escape_text(s: &str, out: &mut String) {
    let special = |c: char| matches!(c, '\\' | ';' | ',') || c.is_control();
    let mut rest = s;
    while let Some(i) = rest.find(special) {
        out.push_str(&rest[..i]);
        let c = rest[i..].chars().next().unwrap_or(' ');
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            _ => {}
        }
        rest = &rest[i + c.len_utf8()..];
    }
    out.push_str(rest);
}

/// Appends one content line, folded so no physical line exceeds 75 octets and
/// no UTF-8 character is split, each line ending in CRLF.
pub fn push_folded(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = MAX_LINE_OCTETS;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = MAX_LINE_OCTETS - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

/// Appends `NAME:escaped text`, folded.
fn push_text_prop(out: &mut String, name: &str, value: &str) {
    let mut line = String::with_capacity(name.len() + value.len() + 8);
    line.push_str(name);
    line.push(':');
    escape_text(value, &mut line);
    push_folded(out, &line);
}

/// The calendar header, up to and including the calendar-level properties.
pub fn header(name: &str) -> String {
    let mut out = String::with_capacity(512);
    out.push_str("BEGIN:VCALENDAR\r\n");
    out.push_str("VERSION:2.0\r\n");
    push_folded(
        &mut out,
        &format!("PRODID:-//tarikh//tarikh {}//EN", env!("CARGO_PKG_VERSION")),
    );
    out.push_str("CALSCALE:GREGORIAN\r\n");
    out.push_str("METHOD:PUBLISH\r\n");
    push_text_prop(&mut out, "NAME", name);
    push_text_prop(&mut out, "X-WR-CALNAME", name);
    push_text_prop(
        &mut out,
        "X-WR-CALDESC",
        "Dated events from Persian, Arabic and English news (tarikh)",
    );
    out.push_str("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n");
    out.push_str("X-PUBLISHED-TTL:PT1H\r\n");
    out
}

/// The calendar footer.
pub const FOOTER: &str = "END:VCALENDAR\r\n";

/// A URI safe to put in a URL property: absolute http(s), no whitespace or
/// control characters (which would break the line structure).
fn clean_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let ok = (url.starts_with("http://") || url.starts_with("https://"))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    ok.then_some(url)
}

/// Appends one VEVENT.
pub fn push_event(out: &mut String, ev: &FeedEvent, host: &str) {
    out.push_str("BEGIN:VEVENT\r\n");
    push_folded(out, &format!("UID:event-{}@{}", ev.id, host));
    {
        use chrono::{Datelike, Timelike};
        let t = ev.stamp;
        let _ = write!(
            out,
            "DTSTAMP:{:04}{:02}{:02}T{:02}{:02}{:02}Z\r\n",
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        );
        let end = ev.last_day.max(ev.first_day) + Duration::days(1);
        let (a, b) = (ev.first_day, end);
        let _ = write!(
            out,
            "DTSTART;VALUE=DATE:{:04}{:02}{:02}\r\nDTEND;VALUE=DATE:{:04}{:02}{:02}\r\n",
            a.year(),
            a.month(),
            a.day(),
            b.year(),
            b.month(),
            b.day()
        );
    }
    push_text_prop(out, "SUMMARY", &summary(ev));

    let mut desc = String::new();
    let _ = writeln!(
        desc,
        "Gregorian: {}",
        if ev.gregorian.is_empty() {
            date_phrase(ev)
        } else {
            ev.gregorian.clone()
        }
    );
    if !ev.persian.is_empty() {
        let _ = writeln!(desc, "Solar Hijri: {}", ev.persian);
    }
    if !ev.hijri.is_empty() {
        let _ = writeln!(desc, "Hijri: {}", ev.hijri);
    }
    if is_fuzzy(&ev.grain, ev.modifier.as_deref()) {
        let _ = writeln!(desc, "Date: {} ({})", date_phrase(ev), ev.value);
    }
    if !ev.sources.is_empty() {
        desc.push_str("Sources:");
        for s in &ev.sources {
            desc.push_str("\n- ");
            desc.push_str(s.title.as_deref().unwrap_or("(untitled)"));
            let meta: Vec<&str> = [s.source.as_deref(), s.lang.as_deref()].into_iter().flatten().collect();
            if !meta.is_empty() {
                let _ = write!(desc, " ({})", meta.join(", "));
            }
            if let Some(u) = s.url.as_deref() {
                desc.push(' ');
                desc.push_str(u);
            }
        }
    }
    push_text_prop(out, "DESCRIPTION", desc.trim_end());
    if let Some(url) = ev.sources.iter().filter_map(|s| s.url.as_deref()).find_map(clean_url) {
        push_folded(out, &format!("URL:{url}"));
    }
    if is_fuzzy(&ev.grain, ev.modifier.as_deref()) {
        out.push_str("TRANSP:TRANSPARENT\r\n");
    }
    push_folded(out, &format!("X-TARIKH-GRAIN:{}", sanitize_token(&ev.grain)));
    if let Some(m) = ev.modifier.as_deref() {
        push_folded(out, &format!("X-TARIKH-MOD:{}", sanitize_token(m)));
    }
    push_text_prop(out, "X-TARIKH-VALUE", &ev.value);
    out.push_str("END:VEVENT\r\n");
}

/// Keeps only characters that cannot break a property line.
fn sanitize_token(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::read::FeedSource;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn ev() -> FeedEvent {
        FeedEvent {
            id: 7,
            first_day: day("2022-01-01"),
            last_day: day("2022-01-31"),
            grain: "month".into(),
            modifier: Some("START".into()),
            value: "2022-01".into(),
            title: "مذاکرات روسیه و آمریکا در ژنو, با حضور هیئت‌ها؛ بیانیه".into(),
            gregorian: "January 2022".into(),
            persian: "دی–بهمن ۱۴۰۰".into(),
            hijri: "جمادى الأولى–جمادى الآخرة ١٤٤٣".into(),
            stamp: day("2022-01-02").and_hms_opt(3, 4, 5).unwrap(),
            sources: vec![FeedSource {
                title: Some("Talks, in Geneva".into()),
                url: Some("https://example.org/a?b=1".into()),
                source: Some("Example".into()),
                lang: Some("fa".into()),
            }],
        }
    }

    #[test]
    fn folding_respects_octets_and_characters() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "ژ".repeat(100));
        push_folded(&mut out, &line);
        for phys in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(phys.len() <= 75, "{} octets", phys.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    proptest::proptest! {
        #[test]
        fn folding_never_splits_characters(s in "[a-z ,;\\\\\\n\u{600}-\u{6ff}\u{1F600}-\u{1F64F}ü€]{0,300}") {
            let mut line = String::from("SUMMARY:");
            escape_text(&s, &mut line);
            let mut out = String::new();
            push_folded(&mut out, &line);
            for phys in out.split("\r\n") {
                proptest::prop_assert!(phys.len() <= 75);
            }
            proptest::prop_assert_eq!(out.replace("\r\n ", ""), format!("{line}\r\n"));
            proptest::prop_assert!(!line.contains('\n'));
        }
    }

    #[test]
    fn escaping_covers_specials() {
        let mut s = String::new();
        escape_text("a,b;c\\d\ne\r", &mut s);
        assert_eq!(s, "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn month_grain_spans_month_and_says_approximate() {
        let mut out = String::new();
        push_event(&mut out, &ev(), "tarikh");
        assert!(out.contains("DTSTART;VALUE=DATE:20220101\r\n"));
        assert!(out.contains("DTEND;VALUE=DATE:20220201\r\n"));
        assert!(out.contains("DTSTAMP:20220102T030405Z\r\n"));
        assert!(out.contains("X-TARIKH-GRAIN:month\r\n"));
        assert!(out.contains("X-TARIKH-MOD:START\r\n"));
        let unfolded = out.replace("\r\n ", "");
        assert!(unfolded.contains("early January 2022 (approximate)"), "{unfolded}");
        assert!(
            unfolded.contains("مذاکرات روسیه و آمریکا در ژنو\\, با حضور هیئت‌ها؛ بیانیه"),
            "{unfolded}"
        );
        assert!(unfolded.contains("URL:https://example.org/a?b=1\r\n"));
        assert!(!out.contains("\n\n") && !out.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn precise_day_summary_is_the_title() {
        let mut e = ev();
        e.grain = "day".into();
        e.modifier = None;
        e.last_day = e.first_day;
        assert_eq!(summary(&e), e.title);
        let mut out = String::new();
        push_event(&mut out, &e, "h");
        assert!(out.contains("DTEND;VALUE=DATE:20220102\r\n"));
        assert!(!out.contains("X-TARIKH-MOD"));
    }

    #[test]
    fn labels() {
        assert_eq!(
            gregorian_label(day("2022-01-09"), day("2022-01-10")),
            "9–10 January 2022"
        );
        assert_eq!(
            gregorian_label(day("2021-12-30"), day("2022-01-02")),
            "30 December 2021 – 2 January 2022"
        );
    }

    #[test]
    fn bad_urls_are_dropped() {
        assert_eq!(clean_url("javascript:alert(1)"), None);
        assert_eq!(clean_url("https://a b"), None);
        assert_eq!(clean_url(" https://ok "), Some("https://ok"));
    }
}
