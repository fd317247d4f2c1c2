//! Read queries over the chronology: the timeline (filters and a keyset
//! cursor), one event with its evidence and merge reasons, one document with
//! its mentions. Used by the HTTP API and by `tarikh timeline`.
//!
//! Every query runs on the read-only pool. The timeline pages by keyset on
//! `(first_day, last_day, id)` (index `events_keyset`), so a page costs the
//! same wherever it starts and a cursor stays valid while documents arrive:
//! new events before the cursor are simply not revisited.

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::{AssertSqlSafe, FromRow, SqlitePool};

use super::{Store, StoreError};

/// Largest page the timeline returns.
pub const MAX_LIMIT: u32 = 500;
/// Page size when none is asked for.
pub const DEFAULT_LIMIT: u32 = 100;

/// Why a read query failed.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The cursor is not one this server issued (or belongs to the other order).
    #[error("invalid cursor: {reason}")]
    BadCursor { reason: String },
    /// The full-text query has no searchable word.
    #[error("full-text query {query:?} has no searchable words")]
    EmptySearch { query: String },
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// Chronological or reverse chronological.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, serde::Deserialize, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    #[default]
    Asc,
    Desc,
}

/// A position in the timeline: the sort key of the last event returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub order: Order,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub id: i64,
}

impl Cursor {
    /// The opaque text handed to clients (hex of `a|first|last|id`).
    pub fn encode(&self) -> String {
        let o = if self.order == Order::Asc { 'a' } else { 'd' };
        let plain = format!("{o}|{}|{}|{}", self.first_day, self.last_day, self.id);
        plain.bytes().map(|b| format!("{b:02x}")).collect()
    }

    /// Reads a cursor produced by [`Cursor::encode`].
    ///
    /// # Errors
    /// [`ReadError::BadCursor`] for anything else.
    pub fn decode(s: &str) -> Result<Cursor, ReadError> {
        let bad = |reason: &str| ReadError::BadCursor {
            reason: reason.to_string(),
        };
        if !s.len().is_multiple_of(2) || s.len() > 128 {
            return Err(bad("wrong length"));
        }
        let bytes: Option<Vec<u8>> = (0..s.len())
            .step_by(2)
            .map(|i| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
            .collect();
        let text = bytes
            .and_then(|b| String::from_utf8(b).ok())
            .ok_or_else(|| bad("not a cursor"))?;
        let parts: Vec<&str> = text.split('|').collect();
        let [o, f, l, id] = parts.as_slice() else {
            return Err(bad("not a cursor"));
        };
        let order = match *o {
            "a" => Order::Asc,
            "d" => Order::Desc,
            _ => return Err(bad("not a cursor")),
        };
        let day = |t: &str| NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| bad("not a cursor"));
        Ok(Cursor {
            order,
            first_day: day(f)?,
            last_day: day(l)?,
            id: id.parse().map_err(|_| bad("not a cursor"))?,
        })
    }
}

/// What part of the chronology to read.
#[derive(Clone, Debug)]
pub struct TimelineQuery {
    /// Events whose span reaches this day or later.
    pub from: Option<NaiveDate>,
    /// Events whose span starts on or before this day.
    pub to: Option<NaiveDate>,
    /// Only events with a source in this language (`fa`, `ar`, `en`, `ur`).
    pub lang: Option<String>,
    /// Only events with a source whose `source` is exactly this.
    pub source: Option<String>,
    /// Full-text words (normalized like the store's FTS index); all must match
    /// a supporting sentence.
    pub q: Option<String>,
    /// Only events supported by at least this many distinct documents.
    pub min_sources: Option<i64>,
    /// Page size, clamped to 1..=[`MAX_LIMIT`].
    pub limit: u32,
    pub cursor: Option<Cursor>,
    pub order: Order,
}

impl Default for TimelineQuery {
    fn default() -> Self {
        TimelineQuery {
            from: None,
            to: None,
            lang: None,
            source: None,
            q: None,
            min_sources: None,
            limit: DEFAULT_LIMIT,
            cursor: None,
            order: Order::Asc,
        }
    }
}

/// One page of the timeline.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct TimelinePage {
    pub events: Vec<Event>,
    /// Pass back as `cursor` for the next page; null on the last page.
    pub next_cursor: Option<String>,
}

/// An event's date: the normalized value and the inclusive days it covers.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct EventDate {
    pub value: String,
    pub grain: String,
    #[serde(rename = "mod")]
    pub modifier: Option<String>,
    pub first_day: String,
    pub last_day: String,
    /// `first_day|last_day|id`: the chronological order.
    pub sort_key: String,
}

/// A unified event with its labels in every calendar and its sources.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Event {
    pub id: i64,
    pub date: EventDate,
    pub gregorian: String,
    pub persian: String,
    pub hijri: String,
    pub title: String,
    /// `rtl` or `ltr`, from the title's language.
    pub dir: &'static str,
    pub lang: Option<String>,
    /// True for month or coarser grain, or any modifier.
    pub fuzzy: bool,
    /// Two disagreeing values when a source's side-by-side dates do not match.
    pub conflict: Option<Vec<String>>,
    pub n_sources: i64,
    pub langs: Vec<String>,
    pub sources: Vec<Source>,
}

/// One document's support for an event.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Source {
    pub document_id: i64,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub lang: Option<String>,
    pub dir: &'static str,
    pub sentence: String,
    /// The date expression as written.
    pub expression: String,
    /// Code-point offsets of `expression` inside `sentence`.
    pub expression_start: i64,
    pub expression_end: i64,
    /// Calendar the expression was written in.
    pub calendar: String,
    /// The expression's own normalized value.
    pub value: String,
}

/// Why a document's event joined this event.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct MergeReason {
    pub document_id: i64,
    pub reason: String,
    pub rule: String,
    pub entities: Vec<String>,
    pub overlap: f64,
    pub score: f64,
    pub value_before: String,
    pub value_after: String,
}

/// One event with all evidence (including repeated mentions of the date in a
/// document) and the merge reasons.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct EventDetail {
    #[serde(flatten)]
    pub event: Event,
    /// Every supporting mention, not just one per document.
    pub evidence: Vec<Source>,
    pub merges: Vec<MergeReason>,
}

/// A stored document with its mentions.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct DocumentDetail {
    pub id: i64,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub lang: Option<String>,
    pub dir: &'static str,
    pub dct: Option<String>,
    pub dct_source: String,
    pub published_at: Option<String>,
    pub ingested_at: String,
    pub text: String,
    pub mentions: Vec<DocumentMention>,
    /// Events this document supports.
    pub events: Vec<i64>,
}

/// A date expression found in a document.
#[derive(Clone, Debug, Serialize, FromRow, utoipa::ToSchema)]
pub struct DocumentMention {
    pub id: i64,
    /// Code-point offsets into the document text.
    pub start: i64,
    pub end: i64,
    pub text: String,
    pub value: String,
    pub grain: String,
    #[serde(rename = "mod")]
    #[sqlx(rename = "mod")]
    pub modifier: Option<String>,
    pub calendar: String,
    pub first_day: Option<String>,
    pub last_day: Option<String>,
    pub anchor: Option<String>,
    pub pair: Option<i64>,
    /// The two disagreeing values of a side-by-side pair, when they differ.
    #[sqlx(try_from = "Option<String>")]
    pub conflict: Conflict,
    pub event_id: Option<i64>,
}

/// A stored conflict (`["2022-01-12","2022-01-13"]`), read from its JSON text.
#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
#[serde(transparent)]
pub struct Conflict(pub Option<Vec<String>>);

impl From<Option<String>> for Conflict {
    fn from(s: Option<String>) -> Self {
        Conflict(s.as_deref().and_then(|s| serde_json::from_str(s).ok()))
    }
}

/// Writing direction of a language code.
pub fn dir_of(lang: Option<&str>) -> &'static str {
    match lang {
        Some("fa" | "ar" | "ur") => "rtl",
        _ => "ltr",
    }
}

/// Whether a date is only approximately known (month or coarser, or a mod).
pub fn is_fuzzy(grain: &str, modifier: Option<&str>) -> bool {
    modifier.is_some() || matches!(grain, "month" | "year" | "decade")
}

/// Read either as a row (`FromRow`) or, on the hot paths, from a JSON array
/// of arrays built by SQLite (serde reads a struct from a sequence in field order).
#[derive(FromRow, serde::Deserialize)]
struct EventRow {
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

const EVENT_COLUMNS: &str = "e.id, e.first_day, e.last_day, e.value, e.grain, e.mod, e.title, e.title_lang, \
     e.gregorian_label, e.persian_label, e.hijri_label, e.n_sources, e.langs";

impl EventRow {
    fn into_event(self, sources: Vec<Source>, conflict: Option<Vec<String>>) -> Event {
        let fuzzy = is_fuzzy(&self.grain, self.modifier.as_deref());
        Event {
            id: self.id,
            date: EventDate {
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

/// Reads rows that SQLite aggregated into one JSON array of arrays.
fn from_json_rows<T: serde::de::DeserializeOwned>(json: Option<&str>) -> Result<Vec<T>, sqlx::Error> {
    serde_json::from_str(json.unwrap_or("[]")).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

async fn sources_for(
    pool: &SqlitePool,
    ids: &[i64],
    all: bool,
) -> Result<std::collections::HashMap<i64, (Vec<Source>, Option<Vec<String>>)>, sqlx::Error> {
    let mut out: std::collections::HashMap<i64, (Vec<Source>, Option<Vec<String>>)> =
        std::collections::HashMap::with_capacity(ids.len());
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

/// Turns free text into an FTS5 query: every word, folded like the index,
/// quoted (so FTS operators in user input are plain words), all required.
///
/// # Errors
/// [`ReadError::EmptySearch`] when nothing searchable remains.
pub fn fts_query(q: &str) -> Result<String, ReadError> {
    let folded = crate::chronology::fold_for_search(q);
    let words: Vec<String> = folded
        .split(|c: char| !crate::chronology::fold::is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    if words.is_empty() {
        return Err(ReadError::EmptySearch { query: q.to_string() });
    }
    Ok(words.join(" "))
}

/// Builds the WHERE clause and its bindings for a timeline query; shared with
/// the iCalendar feed so both honour the same filters.
pub struct Filter {
    pub sql: String,
    pub binds: Vec<Bind>,
}

/// A value bound into a filter.
#[derive(Clone, Debug)]
pub enum Bind {
    Text(String),
    Int(i64),
}

/// The WHERE clause for a query's filters, continuing after `after` (a
/// keyset position) when given.
///
/// `max_span` bounds `last_day - first_day` over all events (see
/// [`max_span_days`]), so a `from` filter also bounds `first_day` from below.
/// Exactly one bound on each side of `first_day` is emitted, the tighter of
/// the filter's and the keyset's: SQLite seeks the index by the first range
/// constraint it meets, so a looser one would make every later page rescan
/// the range from its start.
///
/// # Errors
/// [`ReadError::EmptySearch`] for a `q` with no words.
pub fn filter(q: &TimelineQuery, max_span: i64, after: Option<&Cursor>) -> Result<Filter, ReadError> {
    let mut sql = String::from("1");
    let mut binds = Vec::new();
    let mut lower = q.from.map(|from| from - chrono::Duration::days(max_span.max(0)));
    let mut upper = q.to;
    if let Some(c) = after {
        match c.order {
            Order::Asc => lower = Some(lower.map_or(c.first_day, |l| l.max(c.first_day))),
            Order::Desc => upper = Some(upper.map_or(c.first_day, |u| u.min(c.first_day))),
        }
    }
    if let Some(lower) = lower {
        sql.push_str(" AND e.first_day >= ?");
        binds.push(Bind::Text(lower.to_string()));
    }
    if let Some(upper) = upper {
        sql.push_str(" AND e.first_day <= ?");
        binds.push(Bind::Text(upper.to_string()));
    }
    if let Some(from) = q.from {
        sql.push_str(" AND e.last_day >= ?");
        binds.push(Bind::Text(from.to_string()));
    }
    if let Some(c) = after {
        let cmp = if c.order == Order::Asc { ">" } else { "<" };
        sql.push_str(&format!(" AND (e.first_day, e.last_day, e.id) {cmp} (?, ?, ?)"));
        binds.push(Bind::Text(c.first_day.to_string()));
        binds.push(Bind::Text(c.last_day.to_string()));
        binds.push(Bind::Int(c.id));
    }
    if let Some(lang) = &q.lang {
        sql.push_str(" AND instr(',' || e.langs || ',', ',' || ? || ',') > 0");
        binds.push(Bind::Text(lang.clone()));
    }
    if let Some(min) = q.min_sources {
        sql.push_str(" AND e.n_sources >= ?");
        binds.push(Bind::Int(min));
    }
    if let Some(source) = &q.source {
        sql.push_str(
            " AND EXISTS (SELECT 1 FROM evidence v JOIN documents d ON d.id = v.document_id \
             WHERE v.event_id = e.id AND d.source = ?)",
        );
        binds.push(Bind::Text(source.clone()));
    }
    if let Some(text) = &q.q {
        let fts = fts_query(text)?;
        sql.push_str(
            " AND EXISTS (SELECT 1 FROM evidence v WHERE v.event_id = e.id AND v.sentence_id IN \
             (SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH ?))",
        );
        binds.push(Bind::Text(fts));
    }
    Ok(Filter { sql, binds })
}

/// Binds a filter's values onto a query.
pub fn bind_all<'q, O>(
    mut query: sqlx::query::QueryAs<'q, sqlx::Sqlite, O, sqlx::sqlite::SqliteArguments>,
    binds: &[Bind],
) -> sqlx::query::QueryAs<'q, sqlx::Sqlite, O, sqlx::sqlite::SqliteArguments> {
    for b in binds {
        query = match b {
            Bind::Text(s) => query.bind(s.clone()),
            Bind::Int(i) => query.bind(*i),
        };
    }
    query
}

/// An upper bound on `last_day - first_day` over all events, in days, so a
/// `from` filter can also bound `first_day` and scan a narrow index range.
///
/// # Errors
/// Database errors.
pub async fn max_span_days(pool: &SqlitePool) -> Result<i64, sqlx::Error> {
    let span: Option<f64> = sqlx::query_scalar("SELECT max(julianday(last_day) - julianday(first_day)) FROM events")
        .fetch_one(pool)
        .await?;
    Ok(span.map_or(0, |s| s.ceil() as i64))
}

/// One page of the timeline.
///
/// # Errors
/// [`ReadError::BadCursor`] when the cursor was issued for the other order,
/// [`ReadError::EmptySearch`], or database errors.
pub async fn timeline_page(pool: &SqlitePool, q: &TimelineQuery, max_span: i64) -> Result<TimelinePage, ReadError> {
    if let Some(c) = &q.cursor
        && c.order != q.order
    {
        return Err(ReadError::BadCursor {
            reason: "the cursor belongs to the other order".into(),
        });
    }
    let f = filter(q, max_span, q.cursor.as_ref())?;
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
    let events = rows
        .into_iter()
        .map(|r| {
            let (s, c) = sources.remove(&r.id).unwrap_or_default();
            r.into_event(s, c)
        })
        .collect();
    Ok(TimelinePage { events, next_cursor })
}

/// One event with all its evidence and merge reasons; None if absent.
///
/// # Errors
/// Database errors.
pub async fn event_detail(pool: &SqlitePool, id: i64) -> Result<Option<EventDetail>, sqlx::Error> {
    let sql = format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = ?");
    let Some(row) = sqlx::query_as::<_, EventRow>(AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(pool)
        .await?
    else {
        return Ok(None);
    };
    let (evidence, conflict) = sources_for(pool, &[id], true).await?.remove(&id).unwrap_or_default();
    let mut seen = std::collections::HashSet::new();
    let primary: Vec<Source> = evidence
        .iter()
        .filter(|s| seen.insert(s.document_id))
        .cloned()
        .collect();
    #[derive(FromRow)]
    struct MergeRow {
        document_id: i64,
        reason: String,
        rule: String,
        entities: String,
        overlap: f64,
        score: f64,
        value_before: String,
        value_after: String,
    }
    let merges: Vec<MergeRow> = sqlx::query_as(
        "SELECT document_id, reason, rule, entities, overlap, score, value_before, value_after \
         FROM merges WHERE event_id = ? ORDER BY id",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    let merges = merges
        .into_iter()
        .map(|m| MergeReason {
            document_id: m.document_id,
            reason: m.reason,
            rule: m.rule,
            entities: serde_json::from_str(&m.entities).unwrap_or_default(),
            overlap: m.overlap,
            score: m.score,
            value_before: m.value_before,
            value_after: m.value_after,
        })
        .collect();
    // Primary evidence is one row per document; fall back to the first row per
    // document when the flag is missing.
    let sources = {
        let flagged = sources_for(pool, &[id], false)
            .await?
            .remove(&id)
            .map(|(s, _)| s)
            .unwrap_or_default();
        if flagged.is_empty() { primary } else { flagged }
    };
    Ok(Some(EventDetail {
        event: row.into_event(sources, conflict),
        evidence,
        merges,
    }))
}

/// One document with its mentions; None if absent.
///
/// # Errors
/// Database errors.
pub async fn document_detail(pool: &SqlitePool, id: i64) -> Result<Option<DocumentDetail>, sqlx::Error> {
    #[derive(FromRow)]
    struct DocRow {
        id: i64,
        title: Option<String>,
        url: Option<String>,
        source: Option<String>,
        lang: Option<String>,
        dct: Option<String>,
        dct_source: String,
        published_at: Option<String>,
        ingested_at: String,
        text: String,
    }
    let Some(d) = sqlx::query_as::<_, DocRow>(
        "SELECT id, title, url, source, lang, dct, dct_source, published_at, ingested_at, text FROM documents WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let mentions: Vec<DocumentMention> = sqlx::query_as(
        "SELECT m.id, m.span_start AS start, m.span_end AS end, m.text, m.value, m.grain, m.mod, m.calendar, \
                m.first_day, m.last_day, m.anchor, m.pair_ordinal AS pair, m.conflict, \
                (SELECT v.event_id FROM evidence v WHERE v.mention_id = m.id LIMIT 1) AS event_id \
         FROM mentions m WHERE m.document_id = ? ORDER BY m.ordinal",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    let events: Vec<i64> =
        sqlx::query_scalar("SELECT DISTINCT event_id FROM evidence WHERE document_id = ? ORDER BY event_id")
            .bind(id)
            .fetch_all(pool)
            .await?;
    Ok(Some(DocumentDetail {
        id: d.id,
        dir: dir_of(d.lang.as_deref()),
        title: d.title,
        url: d.url,
        source: d.source,
        lang: d.lang,
        dct: d.dct,
        dct_source: d.dct_source,
        published_at: d.published_at,
        ingested_at: d.ingested_at,
        text: d.text,
        mentions,
        events,
    }))
}

/// One page of the timeline (the bound on event spans computed afresh; the
/// API caches it instead).
///
/// # Errors
/// [`StoreError::Read`] for a bad cursor or search, database errors.
pub async fn timeline(store: &Store, q: &TimelineQuery) -> Result<TimelinePage, StoreError> {
    let span = if q.from.is_some() {
        max_span_days(store.ro_pool()).await?
    } else {
        0
    };
    Ok(timeline_page(store.ro_pool(), q, span).await?)
}

/// One event with its evidence and merge reasons; None if there is none with `id`.
///
/// # Errors
/// Database errors.
pub async fn event(store: &Store, id: i64) -> Result<Option<EventDetail>, StoreError> {
    Ok(event_detail(store.ro_pool(), id).await?)
}

/// One document with its mentions; None if there is none with `id`.
///
/// # Errors
/// Database errors.
pub async fn document(store: &Store, id: i64) -> Result<Option<DocumentDetail>, StoreError> {
    Ok(document_detail(store.ro_pool(), id).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trips_and_rejects_junk() {
        let c = Cursor {
            order: Order::Desc,
            first_day: NaiveDate::from_ymd_opt(2022, 1, 9).unwrap(),
            last_day: NaiveDate::from_ymd_opt(2022, 1, 10).unwrap(),
            id: 42,
        };
        assert_eq!(Cursor::decode(&c.encode()).unwrap(), c);
        assert!(Cursor::decode("zz").is_err());
        assert!(Cursor::decode("abc").is_err());
        assert!(Cursor::decode(&"61".repeat(10)).is_err());
    }

    #[test]
    fn fts_query_quotes_words() {
        let q = fts_query("NATO \"OR\" talks*").unwrap();
        assert!(q.contains("\"or\"") || q.contains("\"OR\""), "{q}");
        assert!(!q.contains('*'));
        assert!(fts_query(" -- ").is_err());
    }
}
