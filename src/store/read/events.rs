//! One event with every supporting mention and the reasons its sources were merged.

use serde::Serialize;
use sqlx::{AssertSqlSafe, FromRow, SqlitePool};

use super::timeline::{EVENT_COLUMNS, Event, EventRow, sources_for};

/// Why a document's event joined this event.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct MergeReason {
    /// The document whose event joined.
    pub document_id: i64,
    /// One readable line: what was shared and why that sufficed.
    pub reason: String,
    /// The rule that fired: `entities+type`, `entities` or `tokens`.
    pub rule: String,
    /// Gazetteer ids both sides name (`place:geneva`).
    pub entities: Vec<String>,
    /// Jaccard overlap of the two sentences' normalized tokens, 0 to 1.
    pub overlap: f64,
    /// The merge score the rule compared against its threshold.
    pub score: f64,
    /// The event's value before the merge.
    pub value_before: String,
    /// Its value after (different when the joining source was more precise).
    pub value_after: String,
}

/// Most supporting mentions an event's detail lists (`evidence_total`
/// counts them all): one long sentence repeating a date thousands of times
/// made the detail grow with the square of the document.
pub const MAX_EVIDENCE: i64 = 500;

/// One event, its supporting mentions (repeated mentions of the date in a
/// document included, up to [`MAX_EVIDENCE`]), each sentence they stand in
/// once, and the merge reasons.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct EventDetail {
    /// The event as the timeline shows it.
    #[serde(flatten)]
    pub event: Event,
    /// Supporting mentions in document order, the first [`MAX_EVIDENCE`].
    pub evidence: Vec<Evidence>,
    /// How many supporting mentions there are in all.
    pub evidence_total: i64,
    /// The sentences `evidence` points at, each once.
    pub sentences: Vec<EvidenceSentence>,
    /// Why each other document's event joined this one, oldest first.
    pub merges: Vec<MergeReason>,
}

/// A mention that dates the event; its sentence is in [`EventDetail::sentences`].
#[derive(Clone, Debug, Serialize, FromRow, utoipa::ToSchema)]
pub struct Evidence {
    /// The document the mention is in.
    pub document_id: i64,
    /// The sentence it stands in: an id of [`EventDetail::sentences`].
    pub sentence_id: i64,
    /// The date expression as written.
    pub expression: String,
    /// Code-point offsets of `expression` inside its sentence.
    pub expression_start: i64,
    /// End offset of `expression` (exclusive, code points).
    pub expression_end: i64,
    /// Calendar the expression was written in.
    pub calendar: String,
    /// The expression's own normalized value.
    pub value: String,
}

/// A sentence that supports the event.
#[derive(Clone, Debug, Serialize, FromRow, utoipa::ToSchema)]
pub struct EvidenceSentence {
    /// The sentence's id (what [`Evidence::sentence_id`] points at).
    pub id: i64,
    /// The document it belongs to.
    pub document_id: i64,
    /// The sentence as written, trimmed.
    pub text: String,
}

/// One event with all its evidence and merge reasons; None if absent.
///
/// # Errors
/// Database errors.
pub(super) async fn event_detail(pool: &SqlitePool, id: i64) -> Result<Option<EventDetail>, sqlx::Error> {
    let sql = format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = ?");
    let Some(row) = sqlx::query_as::<_, EventRow>(AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(pool)
        .await?
    else {
        return Ok(None);
    };
    let evidence: Vec<Evidence> = sqlx::query_as(
        "SELECT v.document_id, v.sentence_id, m.text AS expression, v.expr_start AS expression_start, \
                v.expr_end AS expression_end, m.calendar, m.value \
         FROM evidence v JOIN mentions m ON m.id = v.mention_id \
         WHERE v.event_id = ? ORDER BY v.document_id, v.id LIMIT ?",
    )
    .bind(id)
    .bind(MAX_EVIDENCE)
    .fetch_all(pool)
    .await?;
    let evidence_total: i64 = sqlx::query_scalar("SELECT count(*) FROM evidence WHERE event_id = ?")
        .bind(id)
        .fetch_one(pool)
        .await?;
    let mut ids: Vec<i64> = evidence.iter().map(|e| e.sentence_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let sentences: Vec<EvidenceSentence> = sqlx::query_as(
        "SELECT id, document_id, text FROM sentences WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
    )
    .bind(serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into()))
    .fetch_all(pool)
    .await?;
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
    // One source per document: its primary evidence, with the sentence.
    let (sources, conflict) = sources_for(pool, &[id], false).await?.remove(&id).unwrap_or_default();
    Ok(Some(EventDetail {
        event: row.into_event(sources, conflict),
        evidence,
        evidence_total,
        sentences,
        merges,
    }))
}
