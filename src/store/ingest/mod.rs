//! Writing documents: extraction, sentences, candidate events and their
//! merging with events of other documents.
//!
//! Extraction and analysis run before the transaction (on a blocking thread
//! for [`Store::ingest_all`], overlapping the writes). Documents are then
//! written in groups, one `BEGIN IMMEDIATE` transaction per group. A group is
//! decided from what it reads once (which texts are already stored, the
//! events whose dates overlap its candidates, the first sources of those
//! events): every merge is decided in memory, document after document (a
//! document sees the ones before it in its group exactly as it would after
//! their commits), and all rows of the group are written with multi-row
//! statements of a few fixed sizes. The full-text index is filled by one
//! statement per group, since one segment per group is far cheaper for FTS5
//! than one per row or per document.
//!
//! [`Store::ingest_all`] decides the next group while SQLite writes the
//! current one: on a read-only snapshot, overlaid with what the group being
//! written changes ([`Carry`](snapshot::Carry)). The decided group is written only if no other
//! connection committed in between (`PRAGMA data_version`), and is decided
//! again inside its own transaction otherwise, or when the group before it
//! failed.
//!
//! A group that fails as a whole is rolled back and its documents written
//! again one transaction each, so one bad document fails alone and every
//! document is complete or absent. [`Store::ingest`] is a group of one.

use std::collections::HashMap;

use sqlx::SqliteConnection;

use super::{Ingested, NewDocument, Store, StoreError};

mod checkpoint;
mod feed;
mod plan;
mod prepare;
mod rows;
mod snapshot;
mod write;

use checkpoint::{Checkpointer, restore_checkpoints};
use feed::{Feed, Pending};
use plan::{Plan, plan_group};
use prepare::{content_hash, prepare};
pub(crate) use snapshot::FeatureCache;
use snapshot::{Carry, Sources, existing_in, read_snapshot};
use write::{write_batch, write_planned};

/// Most documents [`Store::ingest_all`] writes in one transaction.
const BATCH_DOCS: usize = 1024;

/// The timestamp of a group (`ingested_at`, `created_at`), in UTC.
fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

impl Store {
    /// Ingests one document: extracts its dates, splits its sentences, turns
    /// each distinct resolved date into an event, merges those events with
    /// compatible events of other documents that speak of the same thing,
    /// and stores everything in one transaction. The same text twice is a
    /// no-op that returns the stored document (`created: false`).
    ///
    /// # Errors
    /// [`StoreError::EmptyText`] for blank text; [`StoreError::Db`] when the
    /// transaction fails (nothing of the document is then stored).
    pub async fn ingest(&self, doc: NewDocument) -> Result<Ingested, StoreError> {
        if doc.text.trim().is_empty() {
            return Err(StoreError::EmptyText);
        }
        let hash = content_hash(&doc.text);
        if let Some(existing) = self.existing(&hash).await? {
            return Ok(existing);
        }
        let prepared = block_in_place_or_inline(|| prepare(&doc, hash));
        let mut results = self.write_group(vec![(doc, Some(prepared))]).await;
        results.pop().unwrap_or(Err(StoreError::NoResult))
    }

    /// Ingests `docs` in one transaction: all of them or, if anything
    /// fails, none. Results are in order and as [`Store::ingest`] one by one
    /// would give them (a text repeated in the batch is stored once).
    ///
    /// # Errors
    /// [`StoreError::EmptyText`] if any text is blank (nothing is then
    /// prepared or stored); [`StoreError::Db`] when the transaction fails
    /// (nothing of the batch is stored).
    pub async fn ingest_atomic(&self, docs: Vec<NewDocument>) -> Result<Vec<Ingested>, StoreError> {
        if docs.iter().any(|d| d.text.trim().is_empty()) {
            return Err(StoreError::EmptyText);
        }
        let mut group: Vec<Pending> = block_in_place_or_inline(|| {
            docs.into_iter()
                .map(|doc| {
                    let prepared = prepare(&doc, content_hash(&doc.text));
                    (doc, Some(prepared))
                })
                .collect()
        });
        let mut writer = self.writer.lock().await;
        let Some(conn) = writer.as_mut() else {
            return Err(StoreError::Db(sqlx::Error::PoolClosed));
        };
        restore_checkpoints(conn, &self.checkpoints_off).await;
        let (results, learned, _) = write_batch(conn, &mut group, &self.features, &mut None).await?;
        self.learn(learned);
        results.into_iter().collect()
    }

    /// Ingests many documents, overlapping the extraction of the next ones
    /// (on a blocking thread) with the writing of the current ones, and calls
    /// `each` with every result in order.
    ///
    /// Documents are written in groups (up to [`BATCH_DOCS`] documents or
    /// [`BATCH_BYTES`](feed::BATCH_BYTES) of text, whatever arrives within [`BATCH_WAIT`](feed::BATCH_WAIT)), one
    /// transaction per group, so the fixed costs of a transaction (reads,
    /// statements, the commit, a full-text index segment) are paid once per
    /// group. Within a group a document sees the ones before it (duplicates,
    /// merges), and results are those [`Store::ingest`] one by one would
    /// give, reported once their group has committed. A killed run loses at
    /// most its last group; running it again resumes, as stored texts are
    /// recognized.
    ///
    /// While SQLite writes one group, the next one is decided (on another
    /// thread, from a read-only snapshot overlaid with what the group being
    /// written changes, see [`Carry`]). If another connection commits in
    /// between, or the group being written fails, that decision is dropped
    /// and the next group decided again inside its own transaction. The
    /// writer connection is held for the whole run.
    ///
    /// # Errors
    /// Per document, as [`Store::ingest`], passed to `each`: when a group
    /// fails, its documents are written again one transaction each, so only
    /// the documents that fail alone report an error.
    pub async fn ingest_all<I>(&self, docs: I, each: impl FnMut(Result<Ingested, StoreError>))
    where
        I: IntoIterator<Item = NewDocument>,
        I::IntoIter: Send + 'static,
    {
        self.ingest_in_groups(docs, BATCH_DOCS, each).await;
    }

    /// [`Store::ingest_all`] with groups of at most `max_docs` documents.
    async fn ingest_in_groups<I>(&self, docs: I, max_docs: usize, mut each: impl FnMut(Result<Ingested, StoreError>))
    where
        I: IntoIterator<Item = NewDocument>,
        I::IntoIter: Send + 'static,
    {
        let max_docs = max_docs.max(1);
        // Room for the next group while the current one is written.
        let (tx, rx) = ::tokio::sync::mpsc::channel::<Pending>(2 * max_docs);
        let docs = docs.into_iter();
        let producer = ::tokio::task::spawn_blocking(move || {
            for doc in docs {
                let prepared = (!doc.text.trim().is_empty()).then(|| prepare(&doc, content_hash(&doc.text)));
                if tx.blocking_send((doc, prepared)).is_err() {
                    break;
                }
            }
        });
        let mut feed = Feed::new(rx, max_docs);
        let mut writer = self.writer.lock().await;
        let Some(conn) = writer.as_mut() else {
            while let Some(group) = feed.next().await {
                group
                    .iter()
                    .for_each(|_| each(Err(StoreError::Db(sqlx::Error::PoolClosed))));
            }
            let _ = producer.await;
            return;
        };
        let checkpoints = Checkpointer::start(conn, self.rw.clone(), &self.checkpoints_off).await;
        // The data version of the last transaction on `conn`.
        let mut version = None;
        // The next group, decided while the one before it was written.
        let mut ready: Option<(Vec<Pending>, Plan)> = None;
        loop {
            let Some((mut group, plan)) = ready.take() else {
                // Nothing decided ahead: read, decide and write in one transaction.
                let Some(mut group) = feed.next().await else {
                    break;
                };
                let (results, carry) = self.write_group_on(conn, &mut group, &mut version).await;
                results.into_iter().for_each(&mut each);
                // Without a carry (nothing written, or written one by one)
                // the next group is left for this plain path.
                if let Some(carry) = carry
                    && let Some(next) = feed.next().await
                {
                    match self.decide_ahead(next, carry).await {
                        Ok(decided) => ready = Some(decided),
                        Err(next) => feed.queued = Some(next),
                    }
                }
                continue;
            };
            let Plan {
                results,
                mut batch,
                learned,
                carry,
            } = plan;
            let (written, next) = ::tokio::join!(write_planned(conn, &mut batch, version), async {
                match feed.next().await {
                    Some(next) => Some(self.decide_ahead(next, carry).await),
                    None => None,
                }
            });
            if matches!(written, Ok(true)) {
                self.learn(learned);
                results.into_iter().for_each(&mut each);
                match next {
                    Some(Ok(decided)) => ready = Some(decided),
                    Some(Err(next)) => feed.queued = Some(next),
                    None => {}
                }
            } else {
                // Another connection wrote: decide the group again in its own
                // transaction. It failed: write its documents one by one (as a
                // whole it would fail again). Then the next group after it.
                let results = match written {
                    Ok(_) => self.write_group_on(conn, &mut group, &mut version).await.0,
                    Err(_) => self.write_one_by_one(conn, &mut group, &mut version).await,
                };
                results.into_iter().for_each(&mut each);
                feed.queued = next.map(|n| n.map_or_else(|group| group, |(group, _)| group));
            }
        }
        checkpoints.stop(conn, &self.checkpoints_off).await;
        drop(writer);
        let _ = producer.await;
    }

    /// Decides `group` on a read-only snapshot overlaid with `carry` (the
    /// group being written), off the async threads. Gives the group back
    /// undecided if the snapshot cannot be read.
    async fn decide_ahead(&self, group: Vec<Pending>, carry: Carry) -> Result<(Vec<Pending>, Plan), Vec<Pending>> {
        let snap = match self.ro.acquire().await {
            Ok(mut conn) => read_snapshot(&mut conn, &group, &self.features, Some(&carry)).await,
            Err(e) => Err(e),
        };
        let Ok(snap) = snap else { return Err(group) };
        let mut group = group;
        match ::tokio::task::spawn_blocking(move || {
            let plan = plan_group(&mut group, snap, &now());
            (group, plan)
        })
        .await
        {
            Ok(decided) => Ok(decided),
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            // Cancelled: the runtime is shutting down and nothing more is written.
            Err(_) => Err(Vec::new()),
        }
    }

    /// Writes a group of prepared documents in one transaction; if that
    /// fails, each document in its own. Returns one result per document, in
    /// order.
    async fn write_group(&self, mut group: Vec<Pending>) -> Vec<Result<Ingested, StoreError>> {
        let mut writer = self.writer.lock().await;
        let Some(conn) = writer.as_mut() else {
            return group
                .iter()
                .map(|_| Err(StoreError::Db(sqlx::Error::PoolClosed)))
                .collect();
        };
        restore_checkpoints(conn, &self.checkpoints_off).await;
        self.write_group_on(conn, &mut group, &mut None).await.0
    }

    /// [`Store::write_group`] on the writer connection; also returns what
    /// the next group needs to be decided ahead, when the group was written
    /// as a whole.
    async fn write_group_on(
        &self,
        conn: &mut SqliteConnection,
        group: &mut [Pending],
        version: &mut Option<i64>,
    ) -> (Vec<Result<Ingested, StoreError>>, Option<Carry>) {
        match write_batch(conn, group, &self.features, version).await {
            Ok((results, learned, carry)) => {
                self.learn(learned);
                (results, carry)
            }
            Err(e) if group.len() == 1 => (vec![Err(StoreError::Db(e))], None),
            Err(_) => (self.write_one_by_one(conn, group, version).await, None),
        }
    }

    /// Writes each document of a failed group in its own transaction, so
    /// only the documents that fail alone report an error.
    async fn write_one_by_one(
        &self,
        conn: &mut SqliteConnection,
        group: &mut [Pending],
        version: &mut Option<i64>,
    ) -> Vec<Result<Ingested, StoreError>> {
        let mut results = Vec::with_capacity(group.len());
        for one in group.chunks_mut(1) {
            match write_batch(conn, one, &self.features, version).await {
                Ok((mut r, learned, _)) => {
                    self.learn(learned);
                    results.push(r.pop().unwrap_or(Err(StoreError::NoResult)));
                }
                Err(e) => results.push(Err(StoreError::Db(e))),
            }
        }
        results
    }

    /// Keeps the first sources of the events a committed group touched.
    fn learn(&self, learned: HashMap<i64, Sources>) {
        self.features
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .learn(learned);
    }

    /// The stored document with this content hash, as an [`Ingested`] with `created: false`.
    async fn existing(&self, hash: &str) -> Result<Option<Ingested>, StoreError> {
        let mut conn = self.rw.acquire().await?;
        Ok(existing_in(&mut conn, hash).await?)
    }
}

/// Runs CPU-heavy work with `block_in_place` on a multi-threaded runtime (so
/// other tasks keep running), inline otherwise (where it would panic).
fn block_in_place_or_inline<R>(f: impl FnOnce() -> R) -> R {
    match tokio::runtime::Handle::try_current().map(|h| h.runtime_flavor()) {
        Ok(tokio::runtime::RuntimeFlavor::MultiThread) => tokio::task::block_in_place(f),
        _ => f(),
    }
}

#[cfg(test)]
mod tests;
