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
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
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

/// Events per database round trip. Each batch comes back from SQLite as one
/// JSON text (built in C), which costs far less than handing 100,000 rows one
/// by one across the driver's worker thread.
const BATCH: i64 = 2000;

/// One event with one of its sources, as the batch's JSON array holds it:
/// id, first_day, last_day, value, grain, mod, title, gregorian, persian,
/// hijri labels, stamp, then the source document's id, title, url, source, lang
/// (all null for an event without sources).
type FeedRow = (
    i64,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The feed's batch query: up to [`BATCH`] events after a keyset position,
/// joined with their primary evidence documents, as one JSON array. The
/// DTSTAMP is the last time the event changed (created, or a source merged).
fn batch_sql(filter: &str) -> String {
    format!(
        "SELECT json_group_array(json_array(id, first_day, last_day, value, grain, mod, title, \
                gregorian_label, persian_label, hijri_label, stamp, doc_id, doc_title, doc_url, doc_source, doc_lang)) \
         FROM (SELECT p.*, d.id AS doc_id, d.title AS doc_title, d.url AS doc_url, d.source AS doc_source, d.lang AS doc_lang \
               FROM (SELECT e.id, e.first_day, e.last_day, e.value, e.grain, e.mod, e.title, \
                            e.gregorian_label, e.persian_label, e.hijri_label, \
                            COALESCE((SELECT max(g.created_at) FROM merges g WHERE g.event_id = e.id), e.created_at) AS stamp \
                     FROM events e \
                     WHERE {filter} \
                     ORDER BY e.first_day, e.last_day, e.id LIMIT ?) p \
               LEFT JOIN evidence v ON v.event_id = p.id AND v.is_primary = 1 \
               LEFT JOIN documents d ON d.id = v.document_id \
               ORDER BY p.first_day, p.last_day, p.id, v.document_id)"
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
    let (h, m, sec) = if s.len() >= 19 {
        (num(11..13)?, num(14..16)?, num(17..19)?)
    } else {
        (0, 0, 0)
    };
    day.and_hms_opt(h, m, sec)
}

/// Groups a batch's rows (one per event and source, in order) into events.
fn events_of(rows: Vec<FeedRow>) -> Vec<IcsEvent> {
    let mut out: Vec<IcsEvent> = Vec::with_capacity(rows.len());
    for (id, first, last, value, grain, modifier, title, gl, pl, hl, stamp, doc_id, d_title, d_url, d_source, d_lang) in
        rows
    {
        let source = doc_id.map(|_| IcsSource {
            title: d_title,
            url: d_url,
            source: d_source,
            lang: d_lang,
        });
        if let Some(ev) = out.last_mut().filter(|ev| ev.id == id) {
            ev.sources.extend(source);
            continue;
        }
        let (Some(first_day), Some(last_day)) = (parse_day(&first), parse_day(&last)) else {
            continue;
        };
        let Some(stamp) = stamp
            .as_deref()
            .and_then(parse_stamp)
            .or_else(|| first_day.and_hms_opt(0, 0, 0))
        else {
            continue;
        };
        out.push(IcsEvent {
            id,
            first_day,
            last_day,
            grain,
            modifier,
            value,
            title,
            gregorian: gl.unwrap_or_default(),
            persian: pl.unwrap_or_default(),
            hijri: hl.unwrap_or_default(),
            stamp,
            sources: source.into_iter().collect(),
        });
    }
    out
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
    read::filter(&q, span, None).map_err(read_error)?;
    let pool = st.read.clone();
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(8);
    tokio::spawn(async move {
        let mut buf = header("tarikh chronology");
        let mut after: Option<read::Cursor> = None;
        loop {
            let f = match read::filter(&q, span, after.as_ref()) {
                Ok(f) => f,
                Err(e) => {
                    tracing::error!(error = %e, "iCalendar feed aborted");
                    let _ = tx.send(Err(std::io::Error::other("feed aborted"))).await;
                    return;
                }
            };
            let mut binds = f.binds;
            binds.push(read::Bind::Int(BATCH));
            let query = read::bind_all(
                sqlx::query_as::<_, (Option<String>,)>(AssertSqlSafe(batch_sql(&f.sql))),
                &binds,
            );
            let rows: Result<Vec<FeedRow>, String> = match query.fetch_one(&pool).await {
                Ok((json,)) => serde_json::from_str(json.as_deref().unwrap_or("[]")).map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            };
            let rows = match rows {
                Ok(r) => r,
                Err(e) => {
                    tracing::error!(error = %e, "iCalendar feed aborted");
                    let _ = tx.send(Err(std::io::Error::other("feed aborted"))).await;
                    return;
                }
            };
            if let Some(last) = rows.last() {
                let (Some(first_day), Some(last_day)) = (parse_day(&last.1), parse_day(&last.2)) else {
                    break;
                };
                after = Some(read::Cursor {
                    order: read::Order::Asc,
                    first_day,
                    last_day,
                    id: last.0,
                });
            }
            let n = 1 + rows.windows(2).filter(|w| w[0].0 != w[1].0).count() as i64 - i64::from(rows.is_empty());
            let events = events_of(rows);
            for ev in &events {
                push_event(&mut buf, ev, "tarikh");
                if buf.len() >= CHUNK {
                    let chunk = Bytes::from(std::mem::replace(&mut buf, String::with_capacity(CHUNK + 4096)));
                    if tx.send(Ok(chunk)).await.is_err() {
                        return; // client went away
                    }
                }
            }
            if n < BATCH {
                break;
            }
        }
        buf.push_str(FOOTER);
        let _ = tx.send(Ok(Bytes::from(buf))).await;
    });
    let stream = futures::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|item| (item, rx)) });
    let mut resp = axum::body::Body::from_stream(stream).into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("inline; filename=\"tarikh.ics\""),
    );
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
    fn batch_rows_group_into_events() {
        let row = |id: i64, doc: Option<i64>| -> FeedRow {
            (
                id,
                "2022-01-09".into(),
                "2022-01-10".into(),
                "2022-01-09/2022-01-10".into(),
                "interval".into(),
                None,
                format!("event {id}"),
                None,
                None,
                None,
                Some("2024-05-01T10:11:12Z".into()),
                doc,
                doc.map(|d| format!("doc {d}")),
                doc.map(|d| format!("https://example.org/{d}")),
                None,
                Some("fa".into()),
            )
        };
        let evs = events_of(vec![row(1, Some(3)), row(1, Some(5)), row(2, None), row(4, Some(3))]);
        assert_eq!(evs.iter().map(|e| e.id).collect::<Vec<_>>(), [1, 2, 4]);
        assert_eq!(evs[0].sources.len(), 2);
        assert!(evs[1].sources.is_empty());
        assert_eq!(evs[0].stamp.to_string(), "2024-05-01 10:11:12");
        assert_eq!(
            parse_stamp("2024-05-01 10:11:12").map(|t| t.to_string()),
            Some("2024-05-01 10:11:12".into())
        );
        assert_eq!(parse_day("2022-02-30"), None);
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
