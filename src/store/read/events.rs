//! One event with every supporting mention and the reasons its sources were merged.

use serde::Serialize;
use sqlx::{AssertSqlSafe, FromRow, SqlitePool};

use super::timeline::{EVENT_COLUMNS, Event, EventRow, Source, sources_for};

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
