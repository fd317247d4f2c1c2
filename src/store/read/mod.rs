//! Read queries over the chronology, one module per concern: the timeline
//! ([`timeline`]: filters and a keyset cursor), the iCalendar feed
//! ([`feed`]), one event with its evidence and merge reasons ([`events`]),
//! one document with its mentions ([`documents`]). The filters become SQL in
//! one place ([`filter`]).
//!
//! [`Reader`] is the read side's whole surface: the HTTP API, the page and
//! `tarikh timeline` ask it, and only it holds a connection pool, so a second
//! backend only has to give these methods another implementation. Every
//! query runs on a read-only pool.

use std::path::Path;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::{Connection, SqliteConnection, SqlitePool};

pub mod documents;
pub mod events;
pub mod feed;
pub mod filter;
pub mod months;
pub mod timeline;

pub use documents::{Conflict, DocumentDetail, DocumentMention};
pub use events::{EventDetail, Evidence, EvidenceSentence, MAX_EVIDENCE, MergeReason};
pub use feed::{FeedBatch, FeedEvent, FeedSource};
pub use filter::{Cursor, Order, TimelineFilter, fts_query};
pub use months::{MonthLabel, MonthRuns, Months};
pub use timeline::{DEFAULT_LIMIT, Event, MAX_LIMIT, Source, TimelineDate, TimelinePage, TimelineQuery};

/// Why a read query failed.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The cursor is not one this server issued (or belongs to the other order).
    #[error("invalid cursor: {reason}")]
    BadCursor {
        /// What was wrong with it.
        reason: String,
    },
    /// The full-text query has no searchable word.
    #[error("full-text query {query:?} has no searchable words")]
    EmptySearch {
        /// The query as given.
        query: String,
    },
    /// The database failed.
    #[error("database error")]
    Db(#[from] sqlx::Error),
}

impl ReadError {
    /// True when the request, not the database, is at fault.
    pub fn is_bad_input(&self) -> bool {
        !matches!(self, ReadError::Db(_))
    }
}

/// Writing direction of a language code.
pub fn dir_of(lang: Option<&str>) -> &'static str {
    match lang {
        Some("fa" | "ar" | "ur") => "rtl",
        _ => "ltr",
    }
}

/// Whether a date is only approximately known: a week or coarser, or any
/// modifier. The page, the JSON API and the iCalendar feed all ask this.
pub fn is_fuzzy(grain: &str, modifier: Option<&str>) -> bool {
    modifier.is_some() || matches!(grain, "week" | "month" | "year" | "decade")
}

/// Reads rows that SQLite aggregated into one JSON array of arrays.
fn from_json_rows<T: serde::de::DeserializeOwned>(json: Option<&str>) -> Result<Vec<T>, sqlx::Error> {
    serde_json::from_str(json.unwrap_or("[]")).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

/// The read side of the store.
#[derive(Clone, Debug)]
pub struct Reader {
    pool: SqlitePool,
}

impl Reader {
    /// A reader over a read-only pool.
    pub(crate) fn new(pool: SqlitePool) -> Reader {
        Reader { pool }
    }

    /// A reader tuned for serving pages: memory-mapped I/O (no copy of each
    /// page through `read(2)`) and a larger page cache per connection.
    ///
    /// # Errors
    /// The database cannot be opened.
    pub async fn for_pages(db: &Path) -> Result<Reader, sqlx::Error> {
        let opts = SqliteConnectOptions::new()
            .filename(db)
            .read_only(true)
            .busy_timeout(Duration::from_secs(10))
            .pragma("query_only", "ON")
            .pragma("mmap_size", "1073741824")
            .pragma("cache_size", "-32768");
        let pool = SqlitePoolOptions::new().max_connections(4).connect_with(opts).await?;
        Ok(Reader { pool })
    }

    /// One page of the timeline. `max_span` bounds `last_day - first_day`
    /// over all events (see [`Reader::span_since`]), so a `from` filter can
    /// also bound `first_day` and scan a narrow index range.
    ///
    /// # Errors
    /// [`ReadError::BadCursor`] when the cursor was issued for the other order,
    /// [`ReadError::EmptySearch`], or database errors.
    pub async fn timeline_page(&self, q: &TimelineQuery, max_span: i64) -> Result<TimelinePage, ReadError> {
        timeline::timeline_page(&self.pool, q, max_span).await
    }

    /// One page of the timeline, the span bound computed afresh (the API
    /// caches it instead).
    ///
    /// # Errors
    /// As [`Reader::timeline_page`].
    pub async fn timeline(&self, q: &TimelineQuery) -> Result<TimelinePage, ReadError> {
        let span = if q.filter.from.is_some() {
            self.span_since(0).await?.0
        } else {
            0
        };
        self.timeline_page(q, span).await
    }

    /// One batch of the iCalendar feed after `after`.
    ///
    /// # Errors
    /// [`ReadError::EmptySearch`], or database errors.
    pub async fn feed_batch(
        &self,
        filter: &TimelineFilter,
        max_span: i64,
        after: Option<&Cursor>,
    ) -> Result<FeedBatch, ReadError> {
        feed::feed_batch(&self.pool, filter, max_span, after).await
    }

    /// One event with its evidence and merge reasons; None if there is none with `id`.
    ///
    /// # Errors
    /// Database errors.
    pub async fn event(&self, id: i64) -> Result<Option<EventDetail>, ReadError> {
        Ok(events::event_detail(&self.pool, id).await?)
    }

    /// One document with its mentions; None if there is none with `id`.
    ///
    /// # Errors
    /// Database errors.
    pub async fn document(&self, id: i64) -> Result<Option<DocumentDetail>, ReadError> {
        Ok(documents::document_detail(&self.pool, id).await?)
    }

    /// The longest event span (days, rounded up) among events with an id
    /// above `since`, and the highest id seen (None without such events):
    /// events only narrow when merged, so a bound can be extended with newer
    /// events and never has to shrink.
    ///
    /// # Errors
    /// Database errors.
    pub async fn span_since(&self, since: i64) -> Result<(i64, Option<i64>), ReadError> {
        let (days, max_id): (Option<f64>, Option<i64>) =
            sqlx::query_as("SELECT max(julianday(last_day) - julianday(first_day)), max(id) FROM events WHERE id > ?")
                .bind(since)
                .fetch_one(&self.pool)
                .await?;
        Ok((days.map_or(0, |d| d.ceil() as i64), max_id))
    }
}

/// A connection that tells when any other connection or process committed
/// (SQLite's `PRAGMA data_version`).
#[derive(Debug)]
pub struct ChangeProbe {
    conn: SqliteConnection,
}

impl ChangeProbe {
    /// Opens a read-only connection of its own on `db`.
    ///
    /// # Errors
    /// The database cannot be opened.
    pub async fn open(db: &Path) -> Result<ChangeProbe, ReadError> {
        let opts = SqliteConnectOptions::new().filename(db).read_only(true);
        Ok(ChangeProbe {
            conn: SqliteConnection::connect_with(&opts).await?,
        })
    }

    /// The current data version: it differs from the last one read when
    /// another connection committed in between.
    ///
    /// # Errors
    /// Database errors.
    pub async fn version(&mut self) -> Result<i64, ReadError> {
        Ok(sqlx::query_scalar("PRAGMA data_version")
            .fetch_one(&mut self.conn)
            .await?)
    }
}
