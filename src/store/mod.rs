//! The SQLite chronology store: documents, mentions, sentences, unified
//! events with their evidence and merge reasons (schema and its reasons in
//! `migrations/0001_chronology.sql`).
//!
//! One read-write pool (WAL, foreign keys, busy timeout; migrations applied
//! at open) and one read-only pool (`mode=ro` and `PRAGMA query_only`) for
//! user SQL and read queries. Documents are written in `BEGIN IMMEDIATE`
//! transactions, alone or in groups (bulk ingestion), so a crash leaves each
//! one complete or absent.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDateTime;
use serde::Serialize;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{ConnectOptions, SqlitePool};

use crate::extract::Mention;
use crate::lexicon::Lang;

mod feeds;
mod ingest;
pub mod read;
mod sandbox;

pub use feeds::FeedState;
pub use sandbox::{SandboxLimits, SqlError, SqlResult, Truncation, check_readonly_sql, set_sqlite_heap_limit};

/// How long a connection waits for another writer before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// An article to ingest.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewDocument {
    /// The article text; dates are read from it (must not be empty).
    pub text: String,
    /// Headline: the event title when the text gives none better, and the source's label.
    pub title: Option<String>,
    /// Where the article was published.
    pub url: Option<String>,
    /// The outlet (`IRNA`, `Al Jazeera`): what syndication and `source=` filters compare.
    pub source: Option<String>,
    /// As supplied (kept verbatim; not used for resolution unless passed as `dct`).
    pub published_at: Option<String>,
    /// None: detected from the script.
    pub lang: Option<Lang>,
    /// Document creation time; None: read from a dateline at the top, if any.
    pub dct: Option<NaiveDateTime>,
    /// The caller's identifier (the `id` of a JSONL line).
    pub external_id: Option<String>,
}

/// What ingesting one document did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ingested {
    /// The document's row id (new, or the stored copy's when `created` is false).
    pub document_id: i64,
    /// False when the same text was already stored (nothing changed).
    pub created: bool,
    /// The date expressions found in it, as stored.
    pub mentions: Vec<Mention>,
    /// Events the document created or joined.
    pub events: Vec<i64>,
    /// How many of its events joined an event of another document.
    pub merges: usize,
    /// The original this document is a syndicated copy of (see
    /// [`crate::syndication`]): it supports the same events without adding
    /// to their `n_sources`.
    pub copy_of: Option<i64>,
}

/// Why the store failed. [`StoreError::is_bad_input`] tells the caller's
/// mistakes (400) from the server's (500).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file cannot be opened or created.
    #[error("cannot open database {}", path.display())]
    Open {
        /// The database file.
        path: PathBuf,
        /// Why SQLite could not open it.
        #[source]
        source: sqlx::Error,
    },
    /// The schema cannot be brought up to date.
    #[error("cannot apply migrations")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// The document has no text.
    #[error("document text is empty")]
    EmptyText,
    /// A field of the document is unusable.
    #[error("{field}: {input:?} is not {expected}")]
    InvalidDocument {
        /// The field (`dct`).
        field: &'static str,
        /// What was given.
        input: String,
        /// What the field must be, in words.
        expected: &'static str,
    },
    /// A statement or the transaction failed.
    #[error("database error")]
    Db(#[from] sqlx::Error),
    /// A read query failed.
    #[error(transparent)]
    Read(#[from] read::ReadError),
    /// A checkpoint could not finish: a reader or writer held the WAL
    /// past the busy timeout (the data is safe in the WAL).
    #[error("the WAL checkpoint could not finish: the database stayed busy")]
    CheckpointBusy,
    /// A backup could not be written.
    #[error("cannot write a backup to {}", path.display())]
    Backup {
        /// Where the backup was to go.
        path: PathBuf,
        /// Why `VACUUM INTO` failed.
        #[source]
        source: sqlx::Error,
    },
    /// A write produced no result for a document it was given (a bug, not
    /// the input's fault).
    #[error("the write returned no result for the document")]
    NoResult,
}

impl StoreError {
    /// True when the input, not the store, is at fault.
    pub fn is_bad_input(&self) -> bool {
        match self {
            StoreError::EmptyText | StoreError::InvalidDocument { .. } => true,
            StoreError::Read(e) => e.is_bad_input(),
            _ => false,
        }
    }
}

/// The chronology database.
#[derive(Debug)]
pub struct Store {
    rw: SqlitePool,
    ro: SqlitePool,
    /// Connections for user SQL only, with [`SandboxLimits`] applied.
    sandbox: SqlitePool,
    sandbox_limits: SandboxLimits,
    path: PathBuf,
    /// The one connection ingestion writes through, which also serializes
    /// ingestion within the process (SQLite has one writer anyway). Outside
    /// the pool so its page cache is never invalidated by writes made on
    /// another connection (a pool hands out its connections in turn, and a
    /// connection that sees the file changed by another drops its whole
    /// cache). None once closed.
    writer: tokio::sync::Mutex<Option<SqliteConnection>>,
    /// What the first sources of recent events are about (see `ingest`).
    features: std::sync::Mutex<ingest::FeatureCache>,
    /// Set while `ingest_all` has the writer's own checkpoints off; still set
    /// if it was cancelled, so the next write turns them back on.
    checkpoints_off: std::sync::atomic::AtomicBool,
}

/// Pages of WAL after which the writing connection checkpoints (64 MB):
/// fewer checkpoints amortize their sync. `ingest::Checkpointer` turns this
/// off during `ingest_all` and sets it back.
const WAL_AUTOCHECKPOINT_PAGES: &str = "16000";

/// Largest WAL file kept after a checkpoint (64 MB).
const JOURNAL_SIZE_LIMIT: &str = "67108864";

impl Store {
    /// Opens (creating if missing) the database at `path`, applies the
    /// migrations, and opens both pools.
    ///
    /// # Errors
    /// [`StoreError::Open`] when the file cannot be opened or created,
    /// [`StoreError::Migrate`] when the schema cannot be brought up to date.
    pub async fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, SandboxLimits::default()).await
    }

    /// [`Store::open`] with the given limits for user SQL.
    ///
    /// # Errors
    /// As [`Store::open`].
    pub async fn open_with(path: &Path, sandbox_limits: SandboxLimits) -> Result<Store, StoreError> {
        let open_err = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        let rw_opts = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // WAL with synchronous=NORMAL: a commit is written to the WAL but
            // synced only at checkpoints, so a power cut (not a crash or a
            // kill, which lose nothing committed) can roll back the last
            // transactions before it; the database stays consistent.
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT)
            // A 64 MB page cache keeps index pages of a growing chronology in
            // memory between documents; fewer checkpoints amortize their fsync.
            .pragma("cache_size", "-65536")
            .pragma("wal_autocheckpoint", WAL_AUTOCHECKPOINT_PAGES)
            // A checkpoint leaves the WAL file at most this size (bytes)
            // instead of as large as its busiest moment.
            .pragma("journal_size_limit", JOURNAL_SIZE_LIMIT)
            .pragma("temp_store", "MEMORY");
        // One connection stays open so the WAL and shared-memory files exist
        // for the read-only connections.
        let rw = SqlitePoolOptions::new()
            .max_connections(4)
            .min_connections(1)
            .idle_timeout(None)
            .connect_with(rw_opts.clone())
            .await
            .map_err(open_err)?;
        // Two processes opening a new file at once may race to apply the
        // migrations; the loser sees the winner's tables and retries once.
        if sqlx::migrate!().run(&rw).await.is_err() {
            tokio::time::sleep(Duration::from_millis(300)).await;
            sqlx::migrate!().run(&rw).await?;
        }
        run_store_tasks(&rw).await?;
        let writer = rw_opts.connect().await.map_err(open_err)?;
        let ro_opts = SqliteConnectOptions::new()
            .filename(path)
            .read_only(true)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT)
            .pragma("query_only", "ON");
        let ro = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(ro_opts.clone())
            .await
            .map_err(open_err)?;
        // User SQL gets connections of its own: SQLite's limits set on each,
        // a small page cache, no memory map, and temporary b-trees on disk,
        // so a hostile statement can neither build huge values nor hold the
        // read pool the ingest and the page queries use.
        let sandbox_opts = ro_opts
            .pragma("cache_size", format!("-{}", sandbox_limits.cache_kib))
            .pragma("mmap_size", "0")
            .pragma("temp_store", "FILE");
        let sandbox = SqlitePoolOptions::new()
            .max_connections(2)
            .after_connect(move |conn, _| Box::pin(async move { sandbox_limits.apply(conn).await }))
            .connect_lazy_with(sandbox_opts);
        Ok(Store {
            rw,
            ro,
            sandbox,
            sandbox_limits,
            path: path.to_path_buf(),
            writer: tokio::sync::Mutex::new(Some(writer)),
            features: std::sync::Mutex::new(ingest::FeatureCache::default()),
            checkpoints_off: std::sync::atomic::AtomicBool::new(false),
        })
    }

    /// The read-write pool.
    pub fn pool(&self) -> &SqlitePool {
        &self.rw
    }

    /// The read-only pool (`mode=ro`, `PRAGMA query_only=ON`).
    pub fn ro_pool(&self) -> &SqlitePool {
        &self.ro
    }

    /// The read side: every query of the API, the page and `tarikh timeline`.
    pub fn reader(&self) -> read::Reader {
        read::Reader::new(self.ro.clone())
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Copies every committed page of the WAL into the database file and
    /// empties the WAL (`wal_checkpoint(TRUNCATE)`), so the `.db` file alone
    /// is the whole database: what a copy of it, a backup tool or another
    /// reader opening only that file sees. Waits (up to the busy timeout)
    /// for readers and the writer to let it finish.
    ///
    /// # Errors
    /// [`StoreError::Db`] when the checkpoint cannot run, or
    /// [`StoreError::CheckpointBusy`] when it ran but could not finish.
    pub async fn checkpoint(&self) -> Result<(), StoreError> {
        let mut writer = self.writer.lock().await;
        let (busy, _, _): (i64, i64, i64) = match writer.as_mut() {
            Some(conn) => {
                sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
                    .fetch_one(conn)
                    .await?
            }
            None => {
                sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
                    .fetch_one(&self.rw)
                    .await?
            }
        };
        if busy != 0 {
            return Err(StoreError::CheckpointBusy);
        }
        Ok(())
    }

    /// Writes a consistent copy of the database to `out` (`VACUUM INTO`),
    /// while other connections keep reading and writing: the copy is the
    /// database as of one transaction, compacted, one file with no WAL.
    ///
    /// # Errors
    /// [`StoreError::Backup`] when `out` exists or cannot be written.
    pub async fn backup(&self, out: &Path) -> Result<(), StoreError> {
        let fail = |source| StoreError::Backup {
            path: out.to_path_buf(),
            source,
        };
        if out.exists() {
            return Err(fail(sqlx::Error::Protocol("the file already exists".into())));
        }
        let target = out
            .to_str()
            .ok_or_else(|| fail(sqlx::Error::Protocol("the path is not UTF-8".into())))?;
        sqlx::query("VACUUM INTO ?")
            .bind(target)
            .execute(&self.rw)
            .await
            .map_err(fail)?;
        Ok(())
    }

    /// True once [`Store::close`] has run.
    pub async fn is_closed(&self) -> bool {
        self.writer.lock().await.is_none()
    }

    /// Checkpoints the WAL into the database file (see
    /// [`Store::checkpoint`]), then closes both pools and the writer.
    pub async fn close(&self) {
        if let Err(e) = self.checkpoint().await {
            tracing::warn!(error = %crate::chain::Chain(&e), "checkpoint at close");
        }
        if let Some(w) = self.writer.lock().await.take() {
            let _ = sqlx::Connection::close(w).await;
        }
        self.sandbox.close().await;
        self.ro.close().await;
        self.rw.close().await;
    }
}

/// Does the one-time fix-ups migrations left for Rust (table `store_tasks`),
/// each in one transaction with the removal of its task.
///
/// # Errors
/// [`StoreError::Db`] when a fix-up fails (it is retried at the next open).
async fn run_store_tasks(pool: &SqlitePool) -> Result<(), StoreError> {
    let mut conn = pool.acquire().await?;
    let mut tx = sqlx::Connection::begin_with(&mut *conn, "BEGIN IMMEDIATE").await?;
    let tasks: Vec<String> = sqlx::query_scalar("SELECT name FROM store_tasks")
        .fetch_all(&mut *tx)
        .await?;
    for task in tasks {
        if task == "refold_sentences" {
            // Stored before the index held bare words: fold again, then rebuild the index.
            let rows: Vec<(i64, String)> = sqlx::query_as("SELECT id, text FROM sentences")
                .fetch_all(&mut *tx)
                .await?;
            for (id, text) in rows {
                sqlx::query("UPDATE sentences SET folded = ? WHERE id = ?")
                    .bind(crate::chronology::search_terms(&text))
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query("INSERT INTO sentence_fts (sentence_fts) VALUES ('rebuild')")
                .execute(&mut *tx)
                .await?;
        } else if task == "document_entities" {
            // Stored before documents kept every gazetteer id of their text.
            let mut after = 0i64;
            loop {
                let rows: Vec<(i64, String)> =
                    sqlx::query_as("SELECT id, text FROM documents WHERE id > ? ORDER BY id LIMIT 256")
                        .bind(after)
                        .fetch_all(&mut *tx)
                        .await?;
                let Some(&(last, _)) = rows.last() else { break };
                for (id, text) in rows {
                    let entities = crate::chronology::document_entities(&crate::chronology::analyze(&text));
                    sqlx::query("UPDATE documents SET entities = ? WHERE id = ?")
                        .bind(entities)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                }
                after = last;
            }
        }
        if task == "document_signatures" {
            // Stored before documents kept a syndication signature.
            let mut after = 0i64;
            loop {
                let rows: Vec<(i64, String)> =
                    sqlx::query_as("SELECT id, text FROM documents WHERE id > ? ORDER BY id LIMIT 256")
                        .bind(after)
                        .fetch_all(&mut *tx)
                        .await?;
                let Some(&(last, _)) = rows.last() else { break };
                for (id, text) in rows {
                    let Some(sig) = crate::syndication::Signature::of(&text) else {
                        continue;
                    };
                    sqlx::query("UPDATE documents SET minhash = ? WHERE id = ?")
                        .bind(sig.to_bytes())
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                    for band in sig.bands() {
                        sqlx::query("INSERT OR IGNORE INTO document_bands (band, document_id) VALUES (?, ?)")
                            .bind(band)
                            .bind(id)
                            .execute(&mut *tx)
                            .await?;
                    }
                }
                after = last;
            }
        }
        sqlx::query("DELETE FROM store_tasks WHERE name = ?")
            .bind(&task)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// What a DCT may look like, for messages about one that cannot be read.
pub const DCT_FORMS: &str = "a date (2022-01-24) or date-time (2022-01-24T12:12)";

/// Reads a DCT given as `2022-01-24`, `2022-01-24T12:12[:ss]`, or an RFC 3339
/// time (`2021-12-06T11:20:00+03:30`; the local wall time is kept).
///
/// # Errors
/// [`StoreError::InvalidDocument`] naming `dct`.
pub fn parse_dct(s: &str) -> Result<NaiveDateTime, StoreError> {
    crate::extract::parse_dct(s).ok_or_else(|| StoreError::InvalidDocument {
        field: "dct",
        input: s.trim().to_string(),
        expected: DCT_FORMS,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dct_forms() {
        assert_eq!(
            parse_dct("2022-01-24").ok().map(|d| d.to_string()),
            Some("2022-01-24 00:00:00".into())
        );
        assert_eq!(
            parse_dct("2022-02-01T12:12").ok().map(|d| d.to_string()),
            Some("2022-02-01 12:12:00".into())
        );
        assert_eq!(
            parse_dct("2021-12-06T11:20:00+03:30").ok().map(|d| d.to_string()),
            Some("2021-12-06 11:20:00".into())
        );
        assert!(matches!(
            parse_dct("yesterday"),
            Err(StoreError::InvalidDocument { field: "dct", .. })
        ));
    }
}
