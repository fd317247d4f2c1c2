//! The iCalendar feed's reads: every event the filter selects, in
//! chronological order, in batches with their primary sources.

use chrono::{NaiveDate, NaiveDateTime};
use sqlx::{AssertSqlSafe, SqlitePool};

use super::ReadError;
use super::filter::{Bind, Cursor, Order, TimelineFilter, bind_all, where_clause};

/// One event as the iCalendar feed needs it.
#[derive(Clone, Debug, Default)]
pub struct FeedEvent {
    /// The event's id: the feed's UID is built from it.
    pub id: i64,
    /// First day covered: DTSTART.
    pub first_day: NaiveDate,
    /// Inclusive; DTEND is the day after.
    pub last_day: NaiveDate,
    /// `day`, `month`, `year`, `interval`, ...
    pub grain: String,
    /// TIMEX3 mod: `START`, `MID`, `END`, `BEFORE`, `AFTER`, `APPROX`.
    pub modifier: Option<String>,
    /// The normalized value (`2022-01`, `2022-01-09/2022-01-10`).
    pub value: String,
    /// The first supporting sentence: SUMMARY.
    pub title: String,
    /// Labels in each calendar (`9–10 January 2022`, `۱۹–۲۰ دی ۱۴۰۰`, ...).
    pub gregorian: String,
    /// The Solar Hijri label.
    pub persian: String,
    /// The Hijri (Umm al-Qura) label.
    pub hijri: String,
    /// When the event's data last changed (UTC); becomes DTSTAMP.
    pub stamp: NaiveDateTime,
    /// One per supporting document.
    pub sources: Vec<FeedSource>,
}

/// One supporting document, as listed in DESCRIPTION.
#[derive(Clone, Debug, Default)]
pub struct FeedSource {
    /// Headline.
    pub title: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// The outlet.
    pub source: Option<String>,
    /// Its language code.
    pub lang: Option<String>,
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
fn events_of(rows: Vec<FeedRow>) -> Vec<FeedEvent> {
    let mut out: Vec<FeedEvent> = Vec::with_capacity(rows.len());
    for (id, first, last, value, grain, modifier, title, gl, pl, hl, stamp, doc_id, d_title, d_url, d_source, d_lang) in
        rows
    {
        let source = doc_id.map(|_| FeedSource {
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
        out.push(FeedEvent {
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

/// One batch of the feed and where the next one starts (None after the last).
#[derive(Debug, Default)]
pub struct FeedBatch {
    /// The batch's events in feed order.
    pub events: Vec<FeedEvent>,
    /// Where the next batch starts; None after the last.
    pub next: Option<Cursor>,
}

/// Up to [`BATCH`] events selected by `filter` after `after`, with their
/// primary sources; `max_span` as in the timeline.
///
/// # Errors
/// [`ReadError::EmptySearch`] for a `q` without words, database errors.
pub(super) async fn feed_batch(
    pool: &SqlitePool,
    filter: &TimelineFilter,
    max_span: i64,
    after: Option<&Cursor>,
) -> Result<FeedBatch, ReadError> {
    let w = where_clause(filter, max_span, after)?;
    let mut binds = w.binds;
    binds.push(Bind::Int(BATCH));
    let query = bind_all(
        sqlx::query_as::<_, (Option<String>,)>(AssertSqlSafe(batch_sql(&w.sql))),
        &binds,
    );
    let (json,) = query.fetch_one(pool).await?;
    let rows: Vec<FeedRow> = super::from_json_rows(json.as_deref())?;
    let n = rows.windows(2).filter(|w| w[0].0 != w[1].0).count() as i64 + i64::from(!rows.is_empty());
    let next = match rows.last() {
        Some(last) if n >= BATCH => match (parse_day(&last.1), parse_day(&last.2)) {
            (Some(first_day), Some(last_day)) => Some(Cursor {
                order: Order::Asc,
                first_day,
                last_day,
                id: last.0,
            }),
            _ => None,
        },
        _ => None,
    };
    Ok(FeedBatch {
        events: events_of(rows),
        next,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
