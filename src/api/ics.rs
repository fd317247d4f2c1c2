//! The chronology as an RFC 5545 iCalendar feed.
//!
//! Rendering is a set of pure functions over [`IcsEvent`] so it can be tested
//! without a database; the handler in this module streams the rendered events
//! straight from a database cursor, so a feed of 100,000 events is never held
//! in memory at once.

use std::fmt::Write as _;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderValue, Uri, header};
use axum::response::{IntoResponse, Response};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use futures::StreamExt as _;
use sqlx::AssertSqlSafe;

use super::timeline::{TimelineParams, read_error, strict_query};
use super::{ApiError, AppState};
use crate::store::read;

/// Longest physical line, in octets, not counting the CRLF (RFC 5545 §3.1).
const MAX_LINE_OCTETS: usize = 75;

/// One event as the feed needs it.
#[derive(Clone, Debug, Default)]
pub struct IcsEvent {
    pub id: i64,
    pub first_day: NaiveDate,
    /// Inclusive; DTEND is the day after.
    pub last_day: NaiveDate,
    /// `day`, `month`, `year`, `interval`, ...
    pub grain: String,
    /// TIMEX3 mod: `START`, `MID`, `END`, `BEFORE`, `AFTER`, `APPROX`.
    pub modifier: Option<String>,
    /// The normalized value (`2022-01`, `2022-01-09/2022-01-10`).
    pub value: String,
    pub title: String,
    /// Labels in each calendar (`9–10 January 2022`, `۱۹–۲۰ دی ۱۴۰۰`, ...).
    pub gregorian: String,
    pub persian: String,
    pub hijri: String,
    /// When the event's data last changed (UTC); becomes DTSTAMP.
    pub stamp: NaiveDateTime,
    pub sources: Vec<IcsSource>,
}

/// One supporting document, as listed in DESCRIPTION.
#[derive(Clone, Debug, Default)]
pub struct IcsSource {
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub lang: Option<String>,
}

const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
];

/// English name of a Gregorian month (1-based); empty outside 1..=12.
pub fn month_name(month: u32) -> &'static str {
    MONTHS.get((month as usize).wrapping_sub(1)).copied().unwrap_or("")
}

pub use crate::store::read::is_fuzzy;

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
pub fn date_phrase(ev: &IcsEvent) -> String {
    let d = ev.first_day;
    let base = match ev.grain.as_str() {
        "month" => format!("{} {}", month_name(chrono::Datelike::month(&d)), chrono::Datelike::year(&d)),
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
        format!("{}–{} {} {}", first.day(), last.day(), month_name(first.month()), first.year())
    } else {
        format!("{} – {}", one(first), one(last))
    }
}

/// The event's SUMMARY: its title, followed by the date in words when the
/// date is approximate (the feed's all-day span alone would overstate it).
pub fn summary(ev: &IcsEvent) -> String {
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
    push_folded(&mut out, &format!("PRODID:-//tarikh//tarikh {}//EN", env!("CARGO_PKG_VERSION")));
    out.push_str("CALSCALE:GREGORIAN\r\n");
    out.push_str("METHOD:PUBLISH\r\n");
    push_text_prop(&mut out, "NAME", name);
    push_text_prop(&mut out, "X-WR-CALNAME", name);
    push_text_prop(&mut out, "X-WR-CALDESC", "Dated events from Persian, Arabic and English news (tarikh)");
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
pub fn push_event(out: &mut String, ev: &IcsEvent, host: &str) {
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
    let _ = writeln!(desc, "Gregorian: {}", if ev.gregorian.is_empty() { date_phrase(ev) } else { ev.gregorian.clone() });
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
    s.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/')).collect()
}

/// Filters of the feed: those of the timeline, without paging.
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct IcsParams {
    /// First day (inclusive), in any calendar (see `/api/timeline`).
    pub from: Option<String>,
    /// Last day (inclusive).
    pub to: Option<String>,
    /// How to read numeric `from`/`to`: gregorian, persian, hijri, hijri-civil.
    pub calendar: Option<String>,
    /// Only events with a source in this language.
    pub lang: Option<String>,
    /// Only events with a source from this outlet.
    pub source: Option<String>,
    /// Full-text words.
    pub q: Option<String>,
    /// Only events with at least this many sources.
    pub min_sources: Option<i64>,
}

/// Routes owned by this module.
pub fn routes() -> axum::Router<AppState> {
    axum::Router::new().route("/api/timeline.ics", axum::routing::get(feed))
}

/// One event with one of its sources (events without sources come once,
/// with NULL source columns); rows of an event are consecutive.
#[derive(sqlx::FromRow)]
struct IcsRow {
    id: i64,
    first_day: String,
    last_day: String,
    value: String,
    grain: String,
    #[sqlx(rename = "mod")]
    modifier: Option<String>,
    title: String,
    gregorian_label: Option<String>,
    persian_label: Option<String>,
    hijri_label: Option<String>,
    stamp: Option<String>,
    doc_id: Option<i64>,
    doc_title: Option<String>,
    doc_url: Option<String>,
    doc_source: Option<String>,
    doc_lang: Option<String>,
}

/// The feed's query: events joined with their primary evidence documents, in
/// chronological order (a join streams faster than a per-event subquery).
/// The DTSTAMP is the last time the event changed (created, or a source merged).
fn feed_sql(filter: &str) -> String {
    format!(
        "SELECT e.id, e.first_day, e.last_day, e.value, e.grain, e.mod, e.title, \
                e.gregorian_label, e.persian_label, e.hijri_label, \
                COALESCE((SELECT max(g.created_at) FROM merges g WHERE g.event_id = e.id), e.created_at) AS stamp, \
                d.id AS doc_id, d.title AS doc_title, d.url AS doc_url, d.source AS doc_source, d.lang AS doc_lang \
         FROM events e \
         LEFT JOIN evidence v ON v.event_id = e.id AND v.is_primary = 1 \
         LEFT JOIN documents d ON d.id = v.document_id \
         WHERE {filter} ORDER BY e.first_day, e.last_day, e.id, v.document_id"
    )
}

/// Reads `YYYY-MM-DD` without the generality (and cost) of a format parser.
fn parse_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|t| t.parse::<u32>().ok());
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// Reads a stored UTC timestamp (`2024-05-01T12:34:56Z`, `2024-05-01 12:34:56`, ...).
fn parse_stamp(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    let day = parse_day(s.get(0..10)?)?;
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|t| t.parse::<u32>().ok());
    let (h, m, sec) = if s.len() >= 19 { (num(11..13)?, num(14..16)?, num(17..19)?) } else { (0, 0, 0) };
    day.and_hms_opt(h, m, sec)
}

impl IcsRow {
    fn source(&mut self) -> Option<IcsSource> {
        self.doc_id?;
        Some(IcsSource {
            title: self.doc_title.take(),
            url: self.doc_url.take(),
            source: self.doc_source.take(),
            lang: self.doc_lang.take(),
        })
    }

    fn into_event(mut self) -> Option<IcsEvent> {
        let first_day = parse_day(&self.first_day)?;
        let last_day = parse_day(&self.last_day)?;
        let stamp = self.stamp.as_deref().and_then(parse_stamp).or_else(|| first_day.and_hms_opt(0, 0, 0))?;
        let sources = self.source().into_iter().collect();
        Some(IcsEvent {
            id: self.id,
            first_day,
            last_day,
            grain: self.grain,
            modifier: self.modifier,
            value: self.value,
            title: self.title,
            gregorian: self.gregorian_label.unwrap_or_default(),
            persian: self.persian_label.unwrap_or_default(),
            hijri: self.hijri_label.unwrap_or_default(),
            stamp,
            sources,
        })
    }
}

/// Bytes rendered before a chunk is handed to the connection.
const CHUNK: usize = 64 * 1024;

/// The timeline as an iCalendar feed, streamed from the database.
#[utoipa::path(get, path = "/api/timeline.ics", params(IcsParams),
    responses((status = 200, description = "RFC 5545 calendar, one all-day VEVENT per event", content_type = "text/calendar"),
              (status = 400, description = "Unknown parameter or bad date", body = super::error::Problem, content_type = "application/problem+json")))]
pub async fn feed(State(st): State<AppState>, uri: Uri) -> Result<Response, ApiError> {
    let p: IcsParams = strict_query(&uri)?;
    let tp = TimelineParams {
        from: p.from,
        to: p.to,
        calendar: p.calendar,
        lang: p.lang,
        source: p.source,
        q: p.q,
        min_sources: p.min_sources,
        ..TimelineParams::default()
    };
    let q = tp.to_query()?;
    let span = st.cache.max_span(&st).await.map_err(ApiError::internal)?;
    let f = read::filter(&q, span).map_err(read_error)?;
    let sql = feed_sql(&f.sql);
    let pool = st.store.ro_pool().clone();
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(8);
    tokio::spawn(async move {
        let mut buf = header("tarikh chronology");
        let query = read::bind_all(sqlx::query_as::<_, IcsRow>(AssertSqlSafe(sql)), &f.binds);
        let mut rows = query.fetch(&pool);
        let mut current: Option<IcsEvent> = None;
        while let Some(row) = rows.next().await {
            let mut r = match row {
                Ok(r) => r,
                Err(e) => {
                    tracing::error!(error = %e, "iCalendar feed aborted");
                    let _ = tx.send(Err(std::io::Error::other("feed aborted"))).await;
                    return;
                }
            };
            if let Some(ev) = current.as_mut().filter(|ev| ev.id == r.id) {
                ev.sources.extend(r.source());
                continue;
            }
            if let Some(ev) = current.take() {
                push_event(&mut buf, &ev, "tarikh");
            }
            current = r.into_event();
            if buf.len() >= CHUNK {
                let chunk = Bytes::from(std::mem::replace(&mut buf, String::with_capacity(CHUNK + 4096)));
                if tx.send(Ok(chunk)).await.is_err() {
                    return; // client went away
                }
            }
        }
        if let Some(ev) = current.take() {
            push_event(&mut buf, &ev, "tarikh");
        }
        buf.push_str(FOOTER);
        let _ = tx.send(Ok(Bytes::from(buf))).await;
    });
    let stream = futures::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|item| (item, rx)) });
    let mut resp = axum::body::Body::from_stream(stream).into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/calendar; charset=utf-8"));
    h.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("inline; filename=\"tarikh.ics\""));
    Ok(resp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn ev() -> IcsEvent {
        IcsEvent {
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
            sources: vec![IcsSource {
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
        assert!(unfolded.contains("مذاکرات روسیه و آمریکا در ژنو\\, با حضور هیئت‌ها؛ بیانیه"), "{unfolded}");
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
        assert_eq!(gregorian_label(day("2022-01-09"), day("2022-01-10")), "9–10 January 2022");
        assert_eq!(gregorian_label(day("2021-12-30"), day("2022-01-02")), "30 December 2021 – 2 January 2022");
    }

    #[test]
    fn bad_urls_are_dropped() {
        assert_eq!(clean_url("javascript:alert(1)"), None);
        assert_eq!(clean_url("https://a b"), None);
        assert_eq!(clean_url(" https://ok "), Some("https://ok"));
    }
}
