//! One stored document with its mentions and the events it supports.

use serde::Serialize;
use sqlx::{FromRow, SqlitePool};

use super::dir_of;

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
