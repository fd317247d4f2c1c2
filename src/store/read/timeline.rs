//! The timeline: one page of events in chronological order, each with its
//! labels in every calendar and one source per supporting document.
//!
//! The timeline pages by keyset on `(first_day, last_day, id)` (index
//! `events_keyset`), so a page costs the same wherever it starts and a cursor
//! stays valid while documents arrive: new events before the cursor are
//! simply not revisited.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::{AssertSqlSafe, FromRow, SqlitePool};

use super::filter::{Bind, Cursor, Order, TimelineFilter, bind_all, where_clause};
use super::months::{MonthRuns, Months, months_between, months_of};
use super::{ReadError, dir_of, from_json_rows, is_fuzzy};

/// Largest page the timeline returns.
pub const MAX_LIMIT: u32 = 500;
/// Page size when none is asked for.
pub const DEFAULT_LIMIT: u32 = 100;

/// One page of the timeline to read: which events, how many, from where.
#[derive(Clone, Debug)]
pub struct TimelineQuery {
    /// Which events: dates, language, source, text, support.
    pub filter: TimelineFilter,
    /// Page size, clamped to 1..=[`MAX_LIMIT`].
    pub limit: u32,
    /// Where the page starts: the previous page's `next_cursor`; None for the first.
    pub cursor: Option<Cursor>,
    /// Chronological or reverse.
    pub order: Order,
}

impl Default for TimelineQuery {
    fn default() -> Self {
        TimelineQuery {
            filter: TimelineFilter::default(),
            limit: DEFAULT_LIMIT,
            cursor: None,
            order: Order::Asc,
        }
    }
}

/// One page of the timeline.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct TimelinePage {
    /// The page's events in the asked order.
    pub events: Vec<Event>,
    /// Pass back as `cursor` for the next page; null on the last page.
    pub next_cursor: Option<String>,
    /// Every month from the page's first to its last event (by first day;
    /// year-long events aside), in every calendar: the page's density strip.
    pub months: MonthRuns,
    /// The filters of this page as a canonical query string (ISO dates), for
    /// the iCalendar feed of the same view.
    pub filter_query: String,
}

/// An event's date: the normalized value and the inclusive days it covers.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct TimelineDate {
    /// Normalized TIMEX3-style value (`2022-01-09`, `2022-01`, `2022-01-09/2022-01-10`).
    pub value: String,
    /// `day`, `month`, `year`, `decade`, `week`, `datetime` or `interval`.
    pub grain: String,
    /// TIMEX3 mod: `START`, `MID`, `END`, `BEFORE`, `AFTER` or `APPROX`.
    #[serde(rename = "mod")]
    pub modifier: Option<String>,
    /// First day covered (ISO).
    pub first_day: String,
    /// Last day covered, inclusive (ISO).
    pub last_day: String,
    /// `first_day|last_day|id`: the chronological order.
    pub sort_key: String,
}

/// A unified event with its labels in every calendar and its sources.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Event {
    /// The event's id (`GET /api/events/{id}`).
    pub id: i64,
    /// Its date, normalized.
    pub date: TimelineDate,
    /// The date's Gregorian label (`9–10 January 2022`).
    pub gregorian: String,
    /// Its Solar Hijri label (`۱۹–۲۰ دی ۱۴۰۰`).
    pub persian: String,
    /// Its Hijri (Umm al-Qura) label (`٦–٧ جمادى الآخرة ١٤٤٣`).
    pub hijri: String,
    /// The first supporting sentence, trimmed.
    pub title: String,
    /// `rtl` or `ltr`, from the title's language.
    pub dir: &'static str,
    /// The title's language code.
    pub lang: Option<String>,
    /// True for a week or coarser grain, or any modifier (see [`is_fuzzy`]).
    pub fuzzy: bool,
    /// The month of the first day in every calendar: the page's headings.
    pub months: Option<Months>,
    /// Two disagreeing values when a source's side-by-side dates do not match.
    pub conflict: Option<Vec<String>>,
    /// Distinct documents that support it (a syndicated copy does not count).
    pub n_sources: i64,
    /// Languages of its sources, sorted.
    pub langs: Vec<String>,
    /// One per supporting document, the first source first.
    pub sources: Vec<Source>,
}

/// One document's support for an event.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Source {
    /// The supporting document.
    pub document_id: i64,
    /// Its headline.
    pub title: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// The outlet.
    pub source: Option<String>,
    /// Its language code.
    pub lang: Option<String>,
    /// `rtl` or `ltr`: how to show `sentence`.
    pub dir: &'static str,
    /// The sentence that dates the event in this document.
    pub sentence: String,
    /// The date expression as written.
    pub expression: String,
    /// Code-point offsets of `expression` inside `sentence`.
    pub expression_start: i64,
    /// End offset of `expression` (exclusive, code points).
    pub expression_end: i64,
    /// Calendar the expression was written in.
    pub calendar: String,
    /// The expression's own normalized value.
    pub value: String,
}

/// Read either as a row (`FromRow`) or, on the hot paths, from a JSON array
/// of arrays built by SQLite (serde reads a struct from a sequence in field order).
#[derive(FromRow, serde::Deserialize)]
pub(super) struct EventRow {
    id: i64,
    first_day: String,
    last_day: String,
    value: String,
    grain: String,
    #[sqlx(rename = "mod")]
    modifier: Option<String>,
    title: String,
    title_lang: Option<String>,
    gregorian_label: Option<String>,
    persian_label: Option<String>,
    hijri_label: Option<String>,
    n_sources: i64,
    langs: String,
}

pub(super) const EVENT_COLUMNS: &str = "e.id, e.first_day, e.last_day, e.value, e.grain, e.mod, e.title, e.title_lang, \
     e.gregorian_label, e.persian_label, e.hijri_label, e.n_sources, e.langs";

impl EventRow {
    pub(super) fn into_event(self, sources: Vec<Source>, conflict: Option<Vec<String>>) -> Event {
        let fuzzy = is_fuzzy(&self.grain, self.modifier.as_deref());
        let months = self.first_day.parse::<NaiveDate>().ok().map(months_of);
        Event {
            months,
            id: self.id,
            date: TimelineDate {
                sort_key: format!("{}|{}|{}", self.first_day, self.last_day, self.id),
                value: self.value,
                grain: self.grain,
                modifier: self.modifier,
                first_day: self.first_day,
                last_day: self.last_day,
            },
            gregorian: self.gregorian_label.unwrap_or_default(),
            persian: self.persian_label.unwrap_or_default(),
            hijri: self.hijri_label.unwrap_or_default(),
            title: self.title,
            dir: dir_of(self.title_lang.as_deref()),
            lang: self.title_lang,
            fuzzy,
            conflict,
            n_sources: self.n_sources,
            langs: self
                .langs
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            sources,
        }
    }
}

/// One evidence row as the sources query returns it.
#[derive(serde::Deserialize)]
struct SourceRow {
    event_id: i64,
    document_id: i64,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
    lang: Option<String>,
    sentence: String,
    expression: String,
    expr_start: i64,
    expr_end: i64,
    calendar: String,
    value: String,
    conflict: Option<String>,
}

impl SourceRow {
    fn into_source(self) -> Source {
        Source {
            document_id: self.document_id,
            dir: dir_of(self.lang.as_deref()),
            title: self.title,
            url: self.url,
            source: self.source,
            lang: self.lang,
            sentence: self.sentence,
            expression: self.expression,
            expression_start: self.expr_start,
            expression_end: self.expr_end,
            calendar: self.calendar,
            value: self.value,
        }
    }
}

/// Sources of events, with the conflict their dates may carry.
pub(super) type SourcesByEvent = HashMap<i64, (Vec<Source>, Option<Vec<String>>)>;

/// Evidence rows for a set of events (ids as a JSON array, so the statement
/// text is fixed and stays prepared), aggregated into one JSON array of rows:
/// a page of sources crosses the driver's worker thread as one value instead
/// of a hundred rows.
const SOURCES_JSON_SQL: &str = "SELECT json_group_array(json_array(event_id, document_id, title, url, source, lang, \
            sentence, expression, expr_start, expr_end, calendar, value, conflict)) \
     FROM (SELECT v.event_id, v.document_id, d.title, d.url, d.source, d.lang, \
            s.text AS sentence, m.text AS expression, v.expr_start, v.expr_end, m.calendar, m.value, m.conflict \
     FROM evidence v \
     JOIN documents d ON d.id = v.document_id \
     JOIN sentences s ON s.id = v.sentence_id \
     JOIN mentions m ON m.id = v.mention_id \
     WHERE v.event_id IN (SELECT value FROM json_each(?1)) AND (v.is_primary = 1 OR ?2) \
     ORDER BY v.event_id, v.document_id, v.id)";

/// The sources of each event and the first conflict among them, by event id:
/// primary evidence only (one mention per document), or `all` of it.
pub(super) async fn sources_for(pool: &SqlitePool, ids: &[i64], all: bool) -> Result<SourcesByEvent, sqlx::Error> {
    let mut out = SourcesByEvent::with_capacity(ids.len());
    if ids.is_empty() {
        return Ok(out);
    }
    let json = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
    let (rows,): (Option<String>,) = sqlx::query_as(SOURCES_JSON_SQL)
        .bind(json)
        .bind(all)
        .fetch_one(pool)
        .await?;
    let rows: Vec<SourceRow> = from_json_rows(rows.as_deref())?;
    for r in rows {
        let entry = out.entry(r.event_id).or_default();
        if entry.1.is_none() {
            entry.1 = r
                .conflict
                .as_deref()
                .and_then(|c| serde_json::from_str::<Vec<String>>(c).ok());
        }
        entry.0.push(r.into_source());
    }
    Ok(out)
}

/// One page of the timeline.
///
/// # Errors
/// [`ReadError::BadCursor`] when the cursor was issued for the other order,
/// [`ReadError::EmptySearch`], or database errors.
pub(super) async fn timeline_page(
    pool: &SqlitePool,
    q: &TimelineQuery,
    max_span: i64,
) -> Result<TimelinePage, ReadError> {
    if let Some(c) = &q.cursor
        && c.order != q.order
    {
        return Err(ReadError::BadCursor {
            reason: "the cursor belongs to the other order".into(),
        });
    }
    let f = where_clause(&q.filter, max_span, q.cursor.as_ref())?;
    let limit = q.limit.clamp(1, MAX_LIMIT);
    let dir = match q.order {
        Order::Asc => "ASC",
        Order::Desc => "DESC",
    };
    let mut sql = format!("SELECT {EVENT_COLUMNS} FROM events e WHERE {}", f.sql);
    let mut binds = f.binds;
    sql.push_str(&format!(
        " ORDER BY e.first_day {dir}, e.last_day {dir}, e.id {dir} LIMIT ?"
    ));
    binds.push(Bind::Int(i64::from(limit) + 1));
    let sql = format!(
        "SELECT json_group_array(json_array(id, first_day, last_day, value, grain, mod, title, title_lang, \
                gregorian_label, persian_label, hijri_label, n_sources, langs)) FROM ({sql})"
    );
    let query = bind_all(sqlx::query_as::<_, (Option<String>,)>(AssertSqlSafe(sql)), &binds);
    let (json,) = query.fetch_one(pool).await?;
    let mut rows: Vec<EventRow> = from_json_rows(json.as_deref())?;
    // json_group_array keeps the subquery's order; sorting again is cheap insurance.
    rows.sort_by(|a, b| {
        let o = (&a.first_day, &a.last_day, a.id).cmp(&(&b.first_day, &b.last_day, b.id));
        if q.order == Order::Desc { o.reverse() } else { o }
    });
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next_cursor = if more {
        rows.last().and_then(|r| {
            Some(
                Cursor {
                    order: q.order,
                    first_day: NaiveDate::parse_from_str(&r.first_day, "%Y-%m-%d").ok()?,
                    last_day: NaiveDate::parse_from_str(&r.last_day, "%Y-%m-%d").ok()?,
                    id: r.id,
                }
                .encode(),
            )
        })
    } else {
        None
    };
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut sources = sources_for(pool, &ids, false).await?;
    let events: Vec<Event> = rows
        .into_iter()
        .map(|r| {
            let (s, c) = sources.remove(&r.id).unwrap_or_default();
            r.into_event(s, c)
        })
        .collect();
    let days = events
        .iter()
        .filter(|e| !matches!(e.date.grain.as_str(), "year" | "decade"))
        .filter_map(|e| e.date.first_day.parse::<NaiveDate>().ok());
    let span = days.fold(None, |acc: Option<(NaiveDate, NaiveDate)>, d| match acc {
        None => Some((d, d)),
        Some((a, b)) => Some((a.min(d), b.max(d))),
    });
    Ok(TimelinePage {
        events,
        next_cursor,
        months: span.map(|(a, b)| months_between(a, b)).unwrap_or_default(),
        filter_query: q.filter.to_query_string(),
    })
}
