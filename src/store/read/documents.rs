//! One stored document with its mentions and the events it supports.

use serde::Serialize;
use sqlx::{FromRow, SqlitePool};

use super::dir_of;

/// A stored document with its mentions.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct DocumentDetail {
    /// The document's id.
    pub id: i64,
    /// Headline, as supplied.
    pub title: Option<String>,
    /// Where it was published, as supplied.
    pub url: Option<String>,
    /// The outlet, as supplied.
    pub source: Option<String>,
    /// `fa`, `ar`, `en` or `ur`: given or detected.
    pub lang: Option<String>,
    /// `rtl` or `ltr`, from the language: how to show `text`.
    pub dir: &'static str,
    /// The creation time relative dates were resolved against (`2022-01-24` or `2022-01-24T12:12`).
    pub dct: Option<String>,
    /// Where `dct` came from: `given`, `dateline` (read from the text) or `none`.
    pub dct_source: String,
    /// The publication time as supplied, verbatim.
    pub published_at: Option<String>,
    /// When it was stored (UTC, ISO 8601).
    pub ingested_at: String,
    /// The whole text; mention offsets index into it.
    pub text: String,
    /// Every date expression found, resolved or not, in text order.
    pub mentions: Vec<DocumentMention>,
    /// Events this document supports.
    pub events: Vec<i64>,
}

/// A date expression found in a document.
#[derive(Clone, Debug, Serialize, FromRow, utoipa::ToSchema)]
pub struct DocumentMention {
    /// The mention's row id.
    pub id: i64,
    /// Code-point offsets into the document text.
    pub start: i64,
    /// End offset (exclusive, code points).
    pub end: i64,
    /// The expression as written.
    pub text: String,
    /// Normalized TIMEX3-style Gregorian value (`2022-01-09`, `2022-01`, `P3D`).
    pub value: String,
    /// `day`, `month`, `year`, `decade`, `week`, `datetime`, `interval` or `duration`.
    pub grain: String,
    /// TIMEX3 mod: `START`, `MID`, `END`, `BEFORE`, `AFTER` or `APPROX`.
    #[serde(rename = "mod")]
    #[sqlx(rename = "mod")]
    pub modifier: Option<String>,
    /// The calendar it was written in: `gregorian`, `persian` or `hijri`.
    pub calendar: String,
    /// First day covered (ISO); null for durations and unresolved mentions.
    pub first_day: Option<String>,
    /// Last day covered, inclusive (ISO); null as `first_day`.
    pub last_day: Option<String>,
    /// What resolved an incomplete date: `dct`, `year-inferred`, `weekday` or `relative`.
    pub anchor: Option<String>,
    /// The position among this document's mentions of the other-calendar twin
    /// written beside it (`۱۹ دی / 9 January`).
    pub pair: Option<i64>,
    /// The two disagreeing values of a side-by-side pair, when they differ.
    #[sqlx(try_from = "Option<String>")]
    pub conflict: Conflict,
    /// The event it supports; null when it supports none (a duration, an unresolved date).
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

/// One document with its mentions; None if absent.
///
/// # Errors
/// Database errors.
pub(super) async fn document_detail(pool: &SqlitePool, id: i64) -> Result<Option<DocumentDetail>, sqlx::Error> {
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
