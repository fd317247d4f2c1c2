//! Rendered-page cache keyed by the database's change generation.
//!
//! A timeline page is a pure function of the query and the data, so once
//! rendered it can be served again until the data changes. The generation
//! ([`AppState::generation`]) is bumped by this server's own ingests at once,
//! and by a watcher that polls SQLite's `PRAGMA data_version` on a dedicated
//! connection, which changes when any other connection or process commits.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use axum::body::Bytes;

use super::AppState;
use crate::store::read::{ChangeProbe, ReadError};

/// How often the watcher asks SQLite whether another connection committed.
const POLL: Duration = Duration::from_millis(200);

/// Bounded map from request key to the body rendered at some generation.
pub struct PageCache {
    pages: RwLock<HashMap<String, (u64, Bytes)>>,
    capacity: usize,
    /// Upper bound on event span in days, valid for a generation, with the
    /// highest event id it covers (so it can be extended incrementally).
    span: Mutex<Option<SpanBound>>,
}

#[derive(Clone, Copy, Debug)]
struct SpanBound {
    generation: u64,
    max_id: i64,
    days: i64,
}

impl PageCache {
    /// An empty cache holding at most `capacity` pages.
    pub fn new(capacity: usize) -> Self {
        PageCache {
            pages: RwLock::new(HashMap::new()),
            capacity,
            span: Mutex::new(None),
        }
    }

    /// The body cached for `key` if it was rendered at `generation`.
    pub fn get(&self, key: &str, generation: u64) -> Option<Bytes> {
        let pages = self.pages.read().ok()?;
        match pages.get(key) {
            Some((g, body)) if *g == generation => Some(body.clone()),
            _ => None,
        }
    }

    /// Remembers a body; when full, forgets everything (simple and O(1)
    /// amortized; pages are cheap to re-render).
    pub fn put(&self, key: String, generation: u64, body: Bytes) {
        if let Ok(mut pages) = self.pages.write() {
            if pages.len() >= self.capacity && !pages.contains_key(&key) {
                pages.clear();
            }
            pages.insert(key, (generation, body));
        }
    }

    /// An upper bound on `last_day - first_day` over all events, in days.
    /// Events only narrow when merged (the most precise date wins), so the
    /// bound is extended with events newer than the last check and never has
    /// to shrink.
    ///
    /// # Errors
    /// Database errors.
    pub async fn max_span(&self, state: &AppState) -> Result<i64, ReadError> {
        let generation = state.generation();
        let prev = self.span.lock().ok().and_then(|s| *s);
        if let Some(b) = prev.filter(|b| b.generation == generation) {
            return Ok(b.days);
        }
        let since = prev.map_or(0, |b| b.max_id);
        let (days, max_id) = state.read.span_since(since).await?;
        let days = days.max(prev.map_or(0, |b| b.days));
        let bound = SpanBound {
            generation,
            max_id: max_id.unwrap_or(since),
            days,
        };
        if let Ok(mut s) = self.span.lock() {
            *s = Some(bound);
        }
        Ok(days)
    }
}

/// Starts a background task that bumps the generation whenever another
/// connection (another process, or this one's writer) commits to `db`. It
/// ends when the server's state is dropped.
pub fn spawn_change_watcher(db: &Path, state: &AppState) {
    let db = db.to_path_buf();
    let generation = Arc::downgrade(&state.generation);
    tokio::spawn(async move {
        let mut probe = match ChangeProbe::open(&db).await {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!(error = %e, "change watcher disabled: cannot open database");
                return;
            }
        };
        let mut last: Option<i64> = None;
        loop {
            let Some(g) = generation.upgrade() else { return };
            match probe.version().await {
                Ok(v) => {
                    if last.is_some_and(|l| l != v) {
                        g.fetch_add(1, Ordering::AcqRel);
                    }
                    last = Some(v);
                }
                Err(e) => tracing::warn!(error = %e, "change watcher: PRAGMA data_version failed"),
            }
            drop(g);
            tokio::time::sleep(POLL).await;
        }
    });
}
