//! What `tarikh follow` remembers between polls (table `feeds`, migration
//! 0008): each feed's HTTP validators, when it was last polled and with what
//! result, its consecutive failures and when it may be polled next; and the
//! look-ups that tell an item already stored (by guid or URL) before its
//! page is fetched.

use std::collections::HashSet;

use sqlx::{AssertSqlSafe, Sqlite};

use super::{Store, StoreError};

/// A followed feed's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeedState {
    /// The feed's address, as given to `follow`.
    pub url: String,
    /// The `ETag` of the last full answer (sent back as `If-None-Match`).
    pub etag: Option<String>,
    /// Its `Last-Modified` (sent back as `If-Modified-Since`).
    pub last_modified: Option<String>,
    /// RFC 3339 UTC time of the last poll.
    pub last_poll_at: Option<String>,
    /// HTTP status of the last poll (None: it failed before an answer).
    pub last_status: Option<u16>,
    /// Why the last poll failed; None after a success.
    pub last_error: Option<String>,
    /// Consecutive failed polls (the backoff's exponent).
    pub failures: u32,
    /// RFC 3339 UTC time before which the feed is not polled again.
    pub next_poll_at: Option<String>,
    /// Documents stored from this feed so far.
    pub items_stored: i64,
}

type FeedRow = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<String>,
    i64,
    Option<String>,
    i64,
);

impl Store {
    /// The state of the feed at `url`, or None if it was never polled.
    ///
    /// # Errors
    /// [`StoreError::Db`] on a database error.
    pub async fn feed_state(&self, url: &str) -> Result<Option<FeedState>, StoreError> {
        let row: Option<FeedRow> = sqlx::query_as(
            "SELECT url, etag, last_modified, last_poll_at, last_status, last_error, failures, next_poll_at, \
             items_stored FROM feeds WHERE url = ?",
        )
        .bind(url)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map(|r| FeedState {
            url: r.0,
            etag: r.1,
            last_modified: r.2,
            last_poll_at: r.3,
            last_status: r.4.and_then(|s| u16::try_from(s).ok()),
            last_error: r.5,
            failures: u32::try_from(r.6).unwrap_or(u32::MAX),
            next_poll_at: r.7,
            items_stored: r.8,
        }))
    }

    /// Stores the state of a feed (inserting it the first time).
    ///
    /// # Errors
    /// [`StoreError::Db`] on a database error.
    pub async fn save_feed_state(&self, s: &FeedState) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO feeds (url, etag, last_modified, last_poll_at, last_status, last_error, failures, \
             next_poll_at, items_stored) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) \
             ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, \
             last_poll_at = excluded.last_poll_at, last_status = excluded.last_status, \
             last_error = excluded.last_error, failures = excluded.failures, \
             next_poll_at = excluded.next_poll_at, items_stored = excluded.items_stored",
        )
        .bind(&s.url)
        .bind(&s.etag)
        .bind(&s.last_modified)
        .bind(&s.last_poll_at)
        .bind(s.last_status.map(i64::from))
        .bind(&s.last_error)
        .bind(i64::from(s.failures))
        .bind(&s.next_poll_at)
        .bind(s.items_stored)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Which of these guids (`documents.external_id`) and URLs are already
    /// stored: the items a poll skips without fetching their pages.
    ///
    /// # Errors
    /// [`StoreError::Db`] on a database error.
    pub async fn stored_items(&self, guids: &[&str], urls: &[&str]) -> Result<HashSet<String>, StoreError> {
        let mut out = HashSet::new();
        for (column, values) in [("external_id", guids), ("url", urls)] {
            for chunk in values.chunks(500) {
                let sql = format!(
                    "SELECT {column} FROM documents WHERE {column} IN ({})",
                    vec!["?"; chunk.len()].join(",")
                );
                let mut q = sqlx::query_scalar::<Sqlite, String>(AssertSqlSafe(sql)).persistent(false);
                for v in chunk {
                    q = q.bind(*v);
                }
                out.extend(q.fetch_all(self.ro_pool()).await?);
            }
        }
        Ok(out)
    }
}
