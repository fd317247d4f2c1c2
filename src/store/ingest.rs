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
//! written changes ([`Carry`]). The decided group is written only if no other
//! connection committed in between (`PRAGMA data_version`), and is decided
//! again inside its own transaction otherwise, or when the group before it
//! failed.
//!
//! A group that fails as a whole is rolled back and its documents written
//! again one transaction each, so one bad document fails alone and every
//! document is complete or absent. [`Store::ingest`] is a group of one.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use sqlx::{AssertSqlSafe, Row, Sqlite, SqliteConnection};

use super::{Ingested, NewDocument, Store, StoreError};
use crate::chronology::{
    self, AnalyzedSentence, Candidate, EventDate, Features, Relation, labels::labels, shared_entities, similarity,
};
use crate::extract::{self, Mention};
use crate::lexicon::{self, Lang};

/// Largest number of bound parameters per statement (SQLite allows 32766).
const MAX_PARAMS: usize = 30_000;
/// Containing events wider than this many days are not looked up as merge
/// targets (keeps the index range bounded; decades never absorb days).
const MAX_CONTAINER_DAYS: i64 = 4_000;
/// Sources of one existing event compared against a new statement (its first ones).
const MAX_SOURCES_COMPARED: usize = 8;
/// Events whose features are kept in memory before the cache starts over.
const MAX_CACHED_EVENTS: usize = 100_000;
/// Most documents [`Store::ingest_all`] writes in one transaction.
const BATCH_DOCS: usize = 1024;
/// Most text (bytes) [`Store::ingest_all`] writes in one transaction.
const BATCH_BYTES: usize = 8 << 20;
/// Longest [`Store::ingest_all`] waits for more prepared documents before
/// writing the ones it has (bounds how long results and other writers wait).
const BATCH_WAIT: std::time::Duration = std::time::Duration::from_millis(250);

/// The features of the first sources of events, by event id, so merging does
/// not re-read and re-tokenize their sentences for every new document. Filled
/// from the database on a miss and updated after each commit; another process
/// adding sources only means fewer sources are compared, never a wrong date.
#[derive(Debug, Default)]
pub(super) struct FeatureCache {
    events: HashMap<i64, Sources>,
}

/// The first source documents of an event and what their statements are about.
type Sources = Vec<(i64, Arc<Features>)>;

/// A value bound into a batched statement.
#[derive(Clone, Debug)]
enum Val {
    Int(i64),
    OptInt(Option<i64>),
    Real(f64),
    Text(String),
    OptText(Option<String>),
}

/// The string a serde enum serializes to (`day`, `START`, `year-inferred`).
fn enum_str<T: Serialize>(t: &T) -> String {
    match serde_json::to_value(t) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn parse_enum<T: DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

/// `YYYY-MM-DD` (written directly: chrono's formatter parses its pattern on every call).
fn day(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn dct_text(t: NaiveDateTime) -> String {
    if t.time().num_seconds_from_midnight() == 0 {
        day(t.date())
    } else {
        format!("{}T{:02}:{:02}", day(t.date()), t.hour(), t.minute())
    }
}

/// The sha256 of a text, in hex: what makes the same article twice one document.
fn content_hash(text: &str) -> String {
    format!("{:x}", Sha256::digest(text.as_bytes()))
}

/// Everything computed before the transaction.
struct Prepared {
    hash: String,
    lang: Lang,
    dct: Option<NaiveDateTime>,
    dct_source: &'static str,
    dateline_day: Option<NaiveDate>,
    mentions: Vec<Mention>,
    sentences: Vec<AnalyzedSentence>,
    candidates: Vec<Candidate>,
    /// The sentence and mention rows, built with the analysis (off the
    /// writer's path), ids relative to the document (see [`DocRows::place`]);
    /// taken by the write, built again if a failed group is retried.
    rows: Option<DocRows>,
}

/// A document's sentence and mention rows, with ids counted from 0 within
/// the document and the document id left 0.
struct DocRows {
    /// Every gazetteer id of the document (`documents.entities`).
    entities: String,
    /// Only the sentences that contain a date mention (see [`DocRows::build`]).
    sentences: Vec<Vec<Val>>,
    mentions: Vec<Vec<Val>>,
}

impl DocRows {
    /// Stores the sentences that contain a date mention: the statements the
    /// chronology is made of, which mentions and evidence point to. Undated
    /// sentences are not stored (the document keeps its whole text, and its
    /// `entities` every gazetteer id): they were three quarters of the
    /// sentence rows and of the words in the full-text index, and more than
    /// half of ingest's SQLite time. A sentence keeps its position in the
    /// document as `ordinal`, and its id is the document's first sentence id
    /// plus that position, so ids have gaps where undated sentences were.
    fn build(p: &Prepared) -> DocRows {
        let dated = chronology::dated_sentences(&p.sentences, &p.mentions);
        let sentences = p
            .sentences
            .iter()
            .enumerate()
            .filter(|&(i, _)| dated[i])
            .map(|(i, s)| {
                vec![
                    Val::Int(i as i64),
                    Val::Int(0),
                    Val::Int(i as i64),
                    Val::Int(s.sentence.start as i64),
                    Val::Int(s.sentence.end as i64),
                    Val::Text(s.sentence.text.clone()),
                    Val::Text(chronology::search_text(&s.folded)),
                    Val::Text(s.entities_text()),
                ]
            })
            .collect();
        let mentions = p
            .mentions
            .iter()
            .enumerate()
            .map(|(i, m)| {
                vec![
                    Val::Int(i as i64),
                    Val::Int(0),
                    Val::Int(i as i64),
                    Val::OptInt(chronology::analyzed_sentence_at(&p.sentences, m.start).map(|s| s as i64)),
                    Val::Int(m.start as i64),
                    Val::Int(m.end as i64),
                    Val::Text(m.text.clone()),
                    Val::Text(m.value.clone()),
                    Val::OptText(m.first_day.map(day)),
                    Val::OptText(m.last_day.map(day)),
                    Val::Text(enum_str(&m.grain)),
                    Val::OptText(m.modifier.map(|x| enum_str(&x))),
                    Val::Text(enum_str(&m.calendar)),
                    Val::Text(enum_str(&m.lang)),
                    Val::OptText(m.anchor.map(|a| enum_str(&a))),
                    Val::OptInt(m.pair.map(|x| x as i64)),
                    Val::OptText(m.conflict.as_ref().and_then(|c| serde_json::to_string(c).ok())),
                ]
            })
            .collect();
        DocRows {
            entities: chronology::document_entities(&p.sentences),
            sentences,
            mentions,
        }
    }

    /// Gives the rows their ids: the document's, and the first sentence and
    /// mention ids it was allotted.
    fn place(&mut self, document: i64, first_sentence: i64, first_mention: i64) {
        let shift = |v: &mut Val, by: i64| match v {
            Val::Int(x) | Val::OptInt(Some(x)) => *x += by,
            _ => {}
        };
        for row in &mut self.sentences {
            shift(&mut row[0], first_sentence);
            row[1] = Val::Int(document);
        }
        for row in &mut self.mentions {
            shift(&mut row[0], first_mention);
            row[1] = Val::Int(document);
            shift(&mut row[3], first_sentence);
        }
    }
}

fn prepare(doc: &NewDocument, hash: String) -> Prepared {
    let lang = doc.lang.unwrap_or_else(|| lexicon::detect_lang(&doc.text));
    let mentions = extract::extract(
        &doc.text,
        &extract::Options {
            dct: doc.dct,
            lang: Some(lang),
        },
    );
    // The extractor resolves against the same dateline when no DCT is given.
    let dateline = extract::dateline(&doc.text, lang);
    let dateline_day = dateline.map(|t| t.date());
    let (dct, dct_source) = match (doc.dct, dateline) {
        (Some(t), _) => (Some(t), "given"),
        (None, Some(t)) => (Some(t), "dateline"),
        (None, None) => (None, "none"),
    };
    let sentences = chronology::analyze(&doc.text);
    let candidates = chronology::candidates(&mentions, &sentences, doc.title.as_deref());
    let mut p = Prepared {
        hash,
        lang,
        dct,
        dct_source,
        dateline_day,
        mentions,
        sentences,
        candidates,
        rows: None,
    };
    p.rows = Some(DocRows::build(&p));
    p
}

/// A document with what was computed for it before the transaction (None:
/// blank text, never written).
type Pending = (NewDocument, Option<Prepared>);

/// Next free ids of each table (the transaction holds the write lock).
#[derive(Clone, Debug)]
struct Ids {
    document: i64,
    sentence: i64,
    mention: i64,
    event: i64,
    evidence: i64,
    merge: i64,
}

/// An event a candidate of the group may join: stored before the group
/// (as the group's transaction sees it) or created by an earlier document of
/// the group, with the changes the group made to it so far.
#[derive(Clone, Debug)]
struct Existing {
    id: i64,
    date: EventDate,
    n_sources: i64,
    /// Sorted source languages.
    langs: BTreeSet<String>,
    /// Created by this group (inserted at the end with its final state;
    /// stored events the group touched are updated at the end).
    created: bool,
    /// The title and its language when the group set them (a new event, or
    /// a refining source that states the precise date).
    title: Option<(String, String)>,
}

/// The events a group can merge into, found by date.
#[derive(Debug, Default)]
struct EventIndex {
    events: HashMap<i64, Existing>,
    /// Single-day events by (day, id).
    single: BTreeSet<(NaiveDate, i64)>,
    /// Longer events by (first day, id).
    multi: BTreeSet<(NaiveDate, i64)>,
}

impl EventIndex {
    fn key(e: &Existing) -> (bool, (NaiveDate, i64)) {
        (e.date.first_day == e.date.last_day, (e.date.first_day, e.id))
    }

    fn insert(&mut self, e: Existing) {
        match Self::key(&e) {
            (true, k) => self.single.insert(k),
            (false, k) => self.multi.insert(k),
        };
        self.events.insert(e.id, e);
    }

    /// Gives event `id` a new date.
    fn set_date(&mut self, id: i64, date: EventDate) {
        let Some(mut e) = self.events.remove(&id) else {
            return;
        };
        match Self::key(&e) {
            (true, k) => self.single.remove(&k),
            (false, k) => self.multi.remove(&k),
        };
        e.date = date;
        self.insert(e);
    }

    /// Ids of the events whose days overlap `first..=last` (containing events
    /// at most [`MAX_CONTAINER_DAYS`] long), in id order.
    fn overlapping(&self, first: NaiveDate, last: NaiveDate) -> Vec<i64> {
        let mut ids: Vec<i64> = self
            .single
            .range((first, i64::MIN)..=(last, i64::MAX))
            .map(|&(_, id)| id)
            .collect();
        let from = last - chrono::Duration::days(MAX_CONTAINER_DAYS);
        ids.extend(
            self.multi
                .range((from, i64::MIN)..=(last, i64::MAX))
                .filter(|(_, id)| self.events.get(id).is_some_and(|e| e.date.last_day >= first))
                .map(|&(_, id)| id),
        );
        ids.sort_unstable();
        ids
    }
}

/// WAL checkpoints beside the writer during [`Store::ingest_all`]. The writer
/// connection otherwise checkpoints itself inside the commit that fills the
/// WAL (`wal_autocheckpoint`): copying 64 MB of pages back into the database
/// and syncing it doubled the time of one group in four. A pool connection
/// runs passive checkpoints (which never wait for or block the writer) every
/// [`CHECKPOINT_EVERY`] instead, and the writer's own are off until the end.
struct Checkpointer {
    stop: ::tokio::sync::oneshot::Sender<()>,
    task: ::tokio::task::JoinHandle<()>,
}

/// How often [`Checkpointer`] checkpoints.
const CHECKPOINT_EVERY: std::time::Duration = std::time::Duration::from_millis(500);

impl Checkpointer {
    /// Turns the writer's checkpoints off (noted in `off`) and starts the
    /// passive ones. Dropping the result (a cancelled ingest) stops them;
    /// the next [`Store::ingest`] then turns the writer's back on.
    async fn start(writer: &mut SqliteConnection, pool: sqlx::SqlitePool, off: &AtomicBool) -> Checkpointer {
        // If this fails the writer keeps checkpointing itself: slower, not wrong.
        if sqlx::query("PRAGMA wal_autocheckpoint = 0")
            .execute(&mut *writer)
            .await
            .is_ok()
        {
            off.store(true, Ordering::SeqCst);
        }
        let (stop, mut stopped) = ::tokio::sync::oneshot::channel();
        let task = ::tokio::spawn(async move {
            loop {
                ::tokio::select! {
                    _ = &mut stopped => break,
                    () = ::tokio::time::sleep(CHECKPOINT_EVERY) => {}
                }
                let done = match pool.acquire().await {
                    Ok(mut conn) => sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
                        .execute(&mut *conn)
                        .await
                        .map(drop),
                    Err(e) => Err(e),
                };
                if let Err(e) = done {
                    tracing::debug!(error = %e, "background checkpoint");
                }
            }
        });
        Checkpointer { stop, task }
    }

    /// Stops the checkpoints and gives the writer its own back.
    async fn stop(self, writer: &mut SqliteConnection, off: &AtomicBool) {
        let _ = self.stop.send(());
        let _ = self.task.await;
        restore_checkpoints(writer, off).await;
    }
}

/// Turns the writer's own checkpoints back on if [`Checkpointer`] left them off.
async fn restore_checkpoints(writer: &mut SqliteConnection, off: &AtomicBool) {
    let restore = format!("PRAGMA wal_autocheckpoint = {}", super::WAL_AUTOCHECKPOINT_PAGES);
    if off.load(Ordering::SeqCst) && sqlx::query(AssertSqlSafe(restore)).execute(&mut *writer).await.is_ok() {
        off.store(false, Ordering::SeqCst);
    }
}

/// The prepared documents of [`Store::ingest_all`], taken in groups.
struct Feed {
    rx: ::tokio::sync::mpsc::Receiver<Pending>,
    /// A group taken but not written yet (its early decision was dropped).
    queued: Option<Vec<Pending>>,
    /// Most documents per group ([`BATCH_DOCS`]; tests use fewer).
    max_docs: usize,
}

impl Feed {
    /// The next group: the queued one, or up to `max_docs` documents or
    /// [`BATCH_BYTES`] of text, whatever arrives within [`BATCH_WAIT`] of
    /// the first. None when every document has been taken.
    async fn next(&mut self) -> Option<Vec<Pending>> {
        if let Some(group) = self.queued.take().filter(|g| !g.is_empty()) {
            return Some(group);
        }
        let first = self.rx.recv().await?;
        let deadline = ::tokio::time::Instant::now() + BATCH_WAIT;
        let mut bytes = first.0.text.len();
        let mut group = vec![first];
        while group.len() < self.max_docs && bytes < BATCH_BYTES {
            let next = match self.rx.try_recv() {
                Ok(item) => Some(item),
                Err(::tokio::sync::mpsc::error::TryRecvError::Empty) => {
                    ::tokio::time::timeout_at(deadline, self.rx.recv()).await.ok().flatten()
                }
                Err(::tokio::sync::mpsc::error::TryRecvError::Disconnected) => None,
            };
            let Some(item) = next else { break };
            bytes += item.0.text.len();
            group.push(item);
        }
        Some(group)
    }
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
        results.pop().unwrap_or(Err(StoreError::EmptyText))
    }

    /// Ingests many documents, overlapping the extraction of the next ones
    /// (on a blocking thread) with the writing of the current ones, and calls
    /// `each` with every result in order.
    ///
    /// Documents are written in groups (up to [`BATCH_DOCS`] documents or
    /// [`BATCH_BYTES`] of text, whatever arrives within [`BATCH_WAIT`]), one
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
        let mut feed = Feed {
            rx,
            queued: None,
            max_docs,
        };
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
            let plan = plan_group(&mut group, snap);
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
                    results.push(r.pop().unwrap_or(Err(StoreError::EmptyText)));
                }
                Err(e) => results.push(Err(StoreError::Db(e))),
            }
        }
        results
    }

    /// Keeps the first sources of the events a committed group touched.
    fn learn(&self, learned: HashMap<i64, Sources>) {
        let mut cached = self.features.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if cached.events.len() + learned.len() > MAX_CACHED_EVENTS {
            cached.events.clear();
        }
        cached.events.extend(learned);
    }

    /// The stored document with this content hash, as an [`Ingested`] with `created: false`.
    async fn existing(&self, hash: &str) -> Result<Option<Ingested>, StoreError> {
        let mut conn = self.rw.acquire().await?;
        Ok(existing_in(&mut conn, hash).await?)
    }
}

/// The document with this content hash as `conn` sees it, with `created: false`.
async fn existing_in(conn: &mut SqliteConnection, hash: &str) -> Result<Option<Ingested>, sqlx::Error> {
    let Some(id): Option<i64> = sqlx::query_scalar("SELECT id FROM documents WHERE content_hash = ?")
        .bind(hash)
        .fetch_optional(&mut *conn)
        .await?
    else {
        return Ok(None);
    };
    let rows = sqlx::query(
        "SELECT span_start, span_end, text, value, mod, grain, calendar, lang, first_day, last_day, anchor, \
         pair_ordinal, conflict FROM mentions WHERE document_id = ? ORDER BY ordinal",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let mentions = rows.iter().filter_map(mention_from_row).collect();
    let events: Vec<i64> =
        sqlx::query_scalar("SELECT DISTINCT event_id FROM evidence WHERE document_id = ? ORDER BY event_id")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    Ok(Some(Ingested {
        document_id: id,
        created: false,
        mentions,
        events,
        merges: 0,
    }))
}

/// Runs CPU-heavy work with `block_in_place` on a multi-threaded runtime (so
/// other tasks keep running), inline otherwise (where it would panic).
fn block_in_place_or_inline<R>(f: impl FnOnce() -> R) -> R {
    match tokio::runtime::Handle::try_current().map(|h| h.runtime_flavor()) {
        Ok(tokio::runtime::RuntimeFlavor::MultiThread) => tokio::task::block_in_place(f),
        _ => f(),
    }
}

fn mention_from_row(r: &sqlx::sqlite::SqliteRow) -> Option<Mention> {
    let start: i64 = r.try_get("span_start").ok()?;
    let end: i64 = r.try_get("span_end").ok()?;
    let get = |c: &str| r.try_get::<Option<String>, _>(c).ok().flatten();
    Some(Mention {
        start: usize::try_from(start).ok()?,
        end: usize::try_from(end).ok()?,
        text: get("text")?,
        value: get("value")?,
        modifier: get("mod").and_then(|s| parse_enum(&s)),
        grain: parse_enum(&get("grain")?)?,
        calendar: parse_enum(&get("calendar")?)?,
        lang: parse_enum(&get("lang")?)?,
        first_day: get("first_day").and_then(|s| s.parse().ok()),
        last_day: get("last_day").and_then(|s| s.parse().ok()),
        anchor: get("anchor").and_then(|s| parse_enum(&s)),
        pair: r
            .try_get::<Option<i64>, _>("pair_ordinal")
            .ok()
            .flatten()
            .and_then(|p| usize::try_from(p).ok()),
        conflict: get("conflict").and_then(|s| serde_json::from_str(&s).ok()),
    })
}

/// Row counts of the multi-row statements a [`Batch`] writes: a table's rows
/// go in as many statements of the largest size as fit, then the smaller
/// ones (the largest capped by [`MAX_PARAMS`]). Few statement texts, so each
/// is prepared once and kept in the connection's statement cache (parsing a
/// fresh statement of hundreds of rows costs more than running it), and few
/// statements per group: each is a round trip to sqlx's worker thread, which
/// waits for the writer task to be scheduled again, so 256-row statements
/// left SQLite idle for a third of a pipelined group's time.
const CHUNK_ROWS: [usize; 7] = [4096, 1024, 256, 64, 16, 4, 1];

/// Statements a group writes, each run as a prepared statement from the
/// connection's cache.
#[derive(Default)]
struct Batch {
    statements: Vec<(String, Vec<Val>)>,
}

impl Batch {
    /// Adds one statement and its arguments.
    fn push(&mut self, sql: &str, args: impl IntoIterator<Item = Val>) {
        self.statements.push((sql.to_string(), args.into_iter().collect()));
    }

    /// Adds `head` (`INSERT INTO t (a, b) VALUES`, or an `UPDATE ... FROM
    /// (VALUES` with `tail` `) AS v WHERE ...`) for `rows`, in statements of
    /// [`CHUNK_ROWS`] rows.
    fn rows(&mut self, head: &str, tail: &str, rows: Vec<Vec<Val>>) {
        let Some(width) = rows.first().map(Vec::len) else {
            return;
        };
        let tuple = format!("({})", vec!["?"; width].join(","));
        let mut rows = rows.into_iter().peekable();
        let mut left = rows.len();
        for size in CHUNK_ROWS {
            let size = size.min(MAX_PARAMS / width.max(1)).max(1);
            if left < size {
                continue;
            }
            let sql = format!("{head} {}{tail}", vec![tuple.as_str(); size].join(","));
            while left >= size {
                let args: Vec<Val> = rows.by_ref().take(size).flatten().collect();
                self.statements.push((sql.clone(), args));
                left -= size;
            }
        }
        debug_assert!(rows.peek().is_none());
    }

    /// Adds inserts of `rows` into `head` (`INSERT INTO t (a, b)`).
    fn insert(&mut self, head: &str, rows: Vec<Vec<Val>>) {
        self.rows(&format!("{head} VALUES"), "", rows);
    }

    /// Runs the statements in order and empties the batch.
    async fn run(&mut self, conn: &mut SqliteConnection) -> Result<(), sqlx::Error> {
        for (sql, values) in std::mem::take(&mut self.statements) {
            let mut args = sqlx::sqlite::SqliteArguments::default();
            sqlx::Arguments::reserve(&mut args, values.len(), 0);
            for v in values {
                let added = match v {
                    Val::Int(x) => sqlx::Arguments::add(&mut args, x),
                    Val::OptInt(x) => sqlx::Arguments::add(&mut args, x),
                    Val::Real(x) => sqlx::Arguments::add(&mut args, x),
                    Val::Text(x) => sqlx::Arguments::add(&mut args, x),
                    Val::OptText(x) => sqlx::Arguments::add(&mut args, x),
                };
                added.map_err(sqlx::Error::Encode)?;
            }
            sqlx::query_with(AssertSqlSafe(sql), args).execute(&mut *conn).await?;
        }
        Ok(())
    }
}

async fn next_ids(conn: &mut SqliteConnection) -> Result<Ids, sqlx::Error> {
    let r = sqlx::query(
        "SELECT (SELECT coalesce(max(id), 0) FROM documents), (SELECT coalesce(max(id), 0) FROM sentences), \
         (SELECT coalesce(max(id), 0) FROM mentions), (SELECT coalesce(max(id), 0) FROM events), \
         (SELECT coalesce(max(id), 0) FROM evidence), (SELECT coalesce(max(id), 0) FROM merges)",
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(Ids {
        document: r.try_get::<i64, _>(0)? + 1,
        sentence: r.try_get::<i64, _>(1)? + 1,
        mention: r.try_get::<i64, _>(2)? + 1,
        event: r.try_get::<i64, _>(3)? + 1,
        evidence: r.try_get::<i64, _>(4)? + 1,
        merge: r.try_get::<i64, _>(5)? + 1,
    })
}

fn event_date_from_row(r: &sqlx::sqlite::SqliteRow) -> Option<EventDate> {
    Some(EventDate {
        value: r.try_get("value").ok()?,
        grain: parse_enum(&r.try_get::<String, _>("grain").ok()?)?,
        modifier: r
            .try_get::<Option<String>, _>("mod")
            .ok()
            .flatten()
            .and_then(|s| parse_enum(&s)),
        first_day: r.try_get::<String, _>("first_day").ok()?.parse().ok()?,
        last_day: r.try_get::<String, _>("last_day").ok()?.parse().ok()?,
    })
}

/// Stored events whose days overlap one of `ranges` (containing events at
/// most [`MAX_CONTAINER_DAYS`] long): every event a candidate with one of
/// these dates could merge into, even after an earlier document of the group
/// narrowed it (a narrowed date lies inside the stored one).
async fn overlapping_events(
    conn: &mut SqliteConnection,
    ranges: &BTreeSet<(NaiveDate, NaiveDate)>,
    index: &mut EventIndex,
) -> Result<(), sqlx::Error> {
    let ranges: Vec<_> = ranges.iter().collect();
    for chunk in ranges.chunks(2_000) {
        // The ranges drive the loops (CROSS JOIN keeps them outside): one
        // index range per range for events starting inside it, and one on
        // events_multiday for longer events starting before it.
        let sql = format!(
            "WITH r (f, l, lo) AS (VALUES {}) \
             SELECT e.id, e.value, e.grain, e.mod, e.first_day, e.last_day, e.n_sources, e.langs \
             FROM r CROSS JOIN events e ON e.first_day BETWEEN r.f AND r.l \
             UNION \
             SELECT e.id, e.value, e.grain, e.mod, e.first_day, e.last_day, e.n_sources, e.langs \
             FROM r CROSS JOIN events e \
             ON e.first_day BETWEEN r.lo AND r.f AND e.last_day >= r.f AND e.last_day > e.first_day",
            vec!["(?,?,?)"; chunk.len()].join(",")
        );
        let mut q = sqlx::query::<Sqlite>(AssertSqlSafe(sql)).persistent(false);
        for (first, last) in chunk {
            q = q
                .bind(day(*first))
                .bind(day(*last))
                .bind(day(*last - chrono::Duration::days(MAX_CONTAINER_DAYS)));
        }
        for r in q.fetch_all(&mut *conn).await? {
            let id: i64 = r.try_get("id")?;
            if index.events.contains_key(&id) {
                continue;
            }
            let Some(date) = event_date_from_row(&r) else {
                continue;
            };
            let langs: String = r.try_get("langs")?;
            index.insert(Existing {
                id,
                date,
                n_sources: r.try_get("n_sources")?,
                langs: langs.split(',').filter(|l| !l.is_empty()).map(str::to_owned).collect(),
                created: false,
                title: None,
            });
        }
    }
    Ok(())
}

/// Features of the first source documents of the given events, from the
/// database: event → [(document, features)] in document order.
async fn load_source_features(
    conn: &mut SqliteConnection,
    events: &[i64],
) -> Result<HashMap<i64, Sources>, sqlx::Error> {
    let mut grouped: HashMap<i64, std::collections::BTreeMap<i64, Features>> = HashMap::new();
    for chunk in events.chunks(50) {
        // One LIMITed branch per event: reads a bounded number of evidence
        // rows through the (event_id, document_id) index, however many
        // sources the event has.
        let branch = format!(
            "SELECT * FROM (SELECT v.event_id, v.document_id, s.entities, s.folded FROM evidence v \
             JOIN sentences s ON s.id = v.sentence_id WHERE v.event_id = ? \
             ORDER BY v.document_id LIMIT {})",
            MAX_SOURCES_COMPARED * 3
        );
        let sql = vec![branch; chunk.len()].join(" UNION ALL ");
        let mut q = sqlx::query::<Sqlite>(AssertSqlSafe(sql)).persistent(false);
        for id in chunk {
            q = q.bind(*id);
        }
        for r in q.fetch_all(&mut *conn).await? {
            let event: i64 = r.try_get(0)?;
            let document: i64 = r.try_get(1)?;
            let entities: String = r.try_get(2)?;
            let folded: String = r.try_get(3)?;
            grouped
                .entry(event)
                .or_default()
                .entry(document)
                .or_default()
                .add(&entities, &folded);
        }
    }
    Ok(grouped
        .into_iter()
        .map(|(e, docs)| {
            (
                e,
                docs.into_iter()
                    .take(MAX_SOURCES_COMPARED)
                    .map(|(d, f)| (d, Arc::new(f)))
                    .collect(),
            )
        })
        .collect())
}

/// One decided merge of a candidate into an existing event.
struct Decision {
    event: i64,
    relation: Relation,
    rule: &'static str,
    shared: Vec<String>,
    overlap: f64,
    score: f64,
    before: EventDate,
}

/// Picks, for each candidate, the best compatible event that speaks of the
/// same thing; each event is joined by at most one candidate.
fn decide(candidates: &[Candidate], index: &EventIndex, sources: &HashMap<i64, Sources>) -> Vec<Option<Decision>> {
    let mut options = Vec::new();
    for (ci, c) in candidates.iter().enumerate() {
        for id in index.overlapping(c.date.first_day, c.date.last_day) {
            let Some(e) = index.events.get(&id) else {
                continue;
            };
            let relation = c.date.relation_to(&e.date);
            if relation == Relation::Incompatible {
                continue;
            }
            let Some(docs) = sources.get(&e.id) else {
                continue;
            };
            // Shared ids are listed for the chosen pairs only.
            let best = docs
                .iter()
                .map(|(_, f)| (similarity(&c.features, f), f))
                .filter(|(s, _)| s.rule.is_some())
                .max_by(|a, b| a.0.score().total_cmp(&b.0.score()));
            if let Some((sim, source)) = best {
                let bonus = if relation == Relation::Equal { 0.2 } else { 0.0 };
                options.push((
                    sim.score() + bonus,
                    e.n_sources,
                    e.date.first_day,
                    e.id,
                    ci,
                    relation,
                    sim,
                    source,
                ));
            }
        }
    }
    options.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
            .then(a.4.cmp(&b.4))
    });
    let mut out: Vec<Option<Decision>> = candidates.iter().map(|_| None).collect();
    let mut taken = BTreeSet::new();
    for (score, _, _, event, ci, relation, sim, source) in options {
        if out[ci].is_some() || taken.contains(&event) {
            continue;
        }
        taken.insert(event);
        let (Some(rule), Some(e)) = (sim.rule, index.events.get(&event)) else {
            continue;
        };
        out[ci] = Some(Decision {
            event,
            relation,
            rule: rule.as_str(),
            shared: shared_entities(&candidates[ci].features, source),
            overlap: sim.token_overlap,
            score,
            before: e.date.clone(),
        });
    }
    out
}

fn date_cols(d: &EventDate) -> Vec<Val> {
    let l = labels(d);
    vec![
        Val::Text(day(d.first_day)),
        Val::Text(day(d.last_day)),
        Val::Text(d.value.clone()),
        Val::Text(enum_str(&d.grain)),
        Val::OptText(d.modifier.map(|m| enum_str(&m))),
        Val::Int(i64::from(l.persian_ymd.year)),
        Val::Int(i64::from(l.persian_ymd.month)),
        Val::Int(i64::from(l.persian_ymd.day)),
        Val::Int(i64::from(l.hijri_ymd.year)),
        Val::Int(i64::from(l.hijri_ymd.month)),
        Val::Int(i64::from(l.hijri_ymd.day)),
        Val::Text(l.gregorian),
        Val::Text(l.persian),
        Val::Text(l.hijri),
    ]
}

const DATE_COLS: &str = "first_day, last_day, value, grain, mod, persian_year, persian_month, persian_day, \
                         hijri_year, hijri_month, hijri_day, gregorian_label, persian_label, hijri_label";

/// The rows a group writes, table by table.
#[derive(Default)]
struct Rows {
    documents: Vec<Vec<Val>>,
    sentences: Vec<Vec<Val>>,
    mentions: Vec<Vec<Val>>,
    evidence: Vec<Vec<Val>>,
    merges: Vec<Vec<Val>>,
}

/// What a group's decisions start from: the database as a transaction or a
/// snapshot sees it, overlaid with what the group before changed (see
/// [`Carry`]).
struct Snapshot {
    /// Documents already stored (or written by the group before), by hash.
    stored: HashMap<String, Ingested>,
    index: EventIndex,
    sources: HashMap<i64, Sources>,
    /// Events whose first sources were read from the database (to be cached).
    missing: Vec<i64>,
    ids: Ids,
}

/// What a decided group leaves to the next group's decisions, so the next
/// group can be decided while this one is being written: the events it
/// touched as they will be stored, their first sources, the texts it wrote
/// and the next free ids. Valid only if the group commits and no other
/// connection writes in between (checked with `PRAGMA data_version`).
#[derive(Clone)]
struct Carry {
    events: Vec<Existing>,
    sources: HashMap<i64, Sources>,
    written: HashMap<String, Ingested>,
    ids: Ids,
}

/// A decided group: a result per document, the statements that store it,
/// and what it teaches the feature cache and the next group.
struct Plan {
    results: Vec<Result<Ingested, StoreError>>,
    batch: Batch,
    learned: HashMap<i64, Sources>,
    carry: Carry,
}

/// Reads what deciding `docs` needs: which texts are stored, the events
/// their candidates may join and those events' first sources, and the next
/// free ids; with `carry`, the group before overrides what it changed.
///
/// # Errors
/// Any database error.
async fn read_snapshot(
    conn: &mut SqliteConnection,
    docs: &[Pending],
    cache: &std::sync::Mutex<FeatureCache>,
    carry: Option<&Carry>,
) -> Result<Snapshot, sqlx::Error> {
    let mut stored: HashMap<String, Ingested> = HashMap::new();
    let hashes: BTreeSet<&str> = docs
        .iter()
        .filter_map(|(_, p)| p.as_ref())
        .map(|p| p.hash.as_str())
        .collect();
    let mut ask = Vec::new();
    for h in hashes {
        match carry.and_then(|c| c.written.get(h)) {
            Some(found) => {
                stored.insert(h.to_string(), found.clone());
            }
            None => ask.push(h),
        }
    }
    for chunk in ask.chunks(500) {
        let sql = format!(
            "SELECT content_hash FROM documents WHERE content_hash IN ({})",
            vec!["?"; chunk.len()].join(",")
        );
        let mut q = sqlx::query_scalar::<Sqlite, String>(AssertSqlSafe(sql)).persistent(false);
        for h in chunk {
            q = q.bind(*h);
        }
        for h in q.fetch_all(&mut *conn).await? {
            if let Some(found) = existing_in(conn, &h).await? {
                stored.insert(h, found);
            }
        }
    }

    // Events the candidates may join, and what their first sources say.
    let ranges: BTreeSet<(NaiveDate, NaiveDate)> = docs
        .iter()
        .filter_map(|(_, p)| p.as_ref())
        .filter(|p| !stored.contains_key(&p.hash))
        .flat_map(|p| p.candidates.iter().map(|c| (c.date.first_day, c.date.last_day)))
        .collect();
    let mut index = EventIndex::default();
    let mut sources: HashMap<i64, Sources> = HashMap::new();
    if let Some(c) = carry {
        for e in &c.events {
            index.insert(e.clone());
        }
        sources.extend(c.sources.iter().map(|(id, s)| (*id, s.clone())));
    }
    overlapping_events(conn, &ranges, &mut index).await?;
    let mut missing = Vec::new();
    {
        let cached = cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut ids: Vec<i64> = index
            .events
            .keys()
            .filter(|id| !sources.contains_key(id))
            .copied()
            .collect();
        ids.sort_unstable();
        for id in ids {
            match cached.events.get(&id) {
                Some(v) => {
                    sources.insert(id, v.clone());
                }
                None => missing.push(id),
            }
        }
    }
    if !missing.is_empty() {
        sources.extend(load_source_features(conn, &missing).await?);
    }
    let ids = match carry {
        Some(c) => c.ids.clone(),
        None => next_ids(conn).await?,
    };
    Ok(Snapshot {
        stored,
        index,
        sources,
        missing,
        ids,
    })
}

/// Decides every document of a group in order (a document sees the ones
/// before it, as after their commits) and builds the statements that store
/// them. CPU only: the database was read into `snap`.
fn plan_group(docs: &mut [Pending], snap: Snapshot) -> Plan {
    let Snapshot {
        stored,
        mut index,
        mut sources,
        missing,
        mut ids,
    } = snap;
    let now = &chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let mut results: Vec<Option<Result<Ingested, StoreError>>> = (0..docs.len()).map(|_| None).collect();
    let first_sentence = ids.sentence;
    let mut rows = Rows::default();
    let mut touched: BTreeSet<i64> = BTreeSet::new();
    let mut written: HashMap<String, usize> = HashMap::new();
    for (i, (doc, prepared)) in docs.iter_mut().enumerate() {
        let Some(p) = prepared.as_mut() else {
            results[i] = Some(Err(StoreError::EmptyText));
            continue;
        };
        if let Some(found) = stored.get(&p.hash) {
            results[i] = Some(Ok(found.clone()));
            continue;
        }
        if let Some(&first) = written.get(&p.hash) {
            // The same text earlier in this group.
            if let Some(Ok(copy)) = &results[first] {
                results[i] = Some(Ok(Ingested {
                    created: false,
                    merges: 0,
                    ..copy.clone()
                }));
                continue;
            }
        }
        written.insert(p.hash.clone(), i);
        let ingested = write_document(doc, p, &mut ids, now, &mut index, &mut sources, &mut rows, &mut touched);
        results[i] = Some(Ok(ingested));
    }

    let mut batch = Batch::default();
    batch.insert(
        "INSERT INTO documents (id, content_hash, external_id, title, source, url, lang, dct, dct_day, dct_source, \
         dateline_day, published_at, ingested_at, text, entities)",
        rows.documents,
    );
    batch.insert(
        "INSERT INTO sentences (id, document_id, ordinal, span_start, span_end, text, folded, entities)",
        rows.sentences,
    );
    if ids.sentence > first_sentence {
        batch.push(
            "INSERT INTO sentence_fts (rowid, folded) SELECT id, folded FROM sentences WHERE id BETWEEN ? AND ?",
            [Val::Int(first_sentence), Val::Int(ids.sentence - 1)],
        );
    }
    batch.insert(
        "INSERT INTO mentions (id, document_id, ordinal, sentence_id, span_start, span_end, text, value, first_day, \
         last_day, grain, mod, calendar, lang, anchor, pair_ordinal, conflict)",
        rows.mentions,
    );
    let (mut new_events, mut counts, mut refined) = (Vec::new(), Vec::new(), Vec::new());
    for id in &touched {
        let Some(e) = index.events.get(id) else {
            continue;
        };
        let langs = e.langs.iter().map(String::as_str).collect::<Vec<_>>().join(",");
        if e.created {
            let (title, title_lang) = e.title.clone().unwrap_or_default();
            let mut row = vec![Val::Int(e.id)];
            row.extend(date_cols(&e.date));
            row.extend([
                Val::Text(title),
                Val::Text(title_lang),
                Val::Int(e.n_sources),
                Val::Text(langs),
                Val::Text(now.to_string()),
            ]);
            new_events.push(row);
        } else {
            counts.push(vec![Val::Int(e.id), Val::Int(e.n_sources), Val::Text(langs)]);
            if let Some((title, title_lang)) = &e.title {
                let mut row = vec![Val::Int(e.id), Val::Text(title.clone()), Val::Text(title_lang.clone())];
                row.extend(date_cols(&e.date));
                refined.push(row);
            }
        }
    }
    batch.insert(
        &format!("INSERT INTO events (id, {DATE_COLS}, title, title_lang, n_sources, langs, created_at)"),
        new_events,
    );
    batch.rows(
        "UPDATE events SET n_sources = v.column2, langs = v.column3 FROM (VALUES",
        ") AS v WHERE events.id = v.column1",
        counts,
    );
    let refined_set = std::iter::once("title = v.column2, title_lang = v.column3".to_string())
        .chain(
            DATE_COLS
                .split(", ")
                .enumerate()
                .map(|(k, c)| format!("{c} = v.column{}", k + 4)),
        )
        .collect::<Vec<_>>()
        .join(", ");
    batch.rows(
        &format!("UPDATE events SET {refined_set} FROM (VALUES"),
        ") AS v WHERE events.id = v.column1",
        refined,
    );
    batch.insert(
        "INSERT INTO evidence (id, event_id, document_id, mention_id, sentence_id, expr_start, expr_end, is_primary)",
        rows.evidence,
    );
    batch.insert(
        "INSERT INTO merges (id, event_id, document_id, mention_id, rule, entities, overlap, score, reason, \
         value_before, value_after, created_at)",
        rows.merges,
    );

    let results: Vec<Result<Ingested, StoreError>> = results.into_iter().flatten().collect();
    let learned: HashMap<i64, Sources> = touched
        .iter()
        .chain(&missing)
        .filter_map(|id| sources.remove_entry(id))
        .collect();
    let carry = Carry {
        // As stored once this group commits: titles and new rows are written.
        events: touched
            .iter()
            .filter_map(|id| index.events.get(id))
            .map(|e| Existing {
                created: false,
                title: None,
                ..e.clone()
            })
            .collect(),
        sources: touched
            .iter()
            .filter_map(|id| learned.get(id).map(|s| (*id, s.clone())))
            .collect(),
        written: results
            .iter()
            .zip(docs.iter())
            .filter_map(|(r, (_, p))| match (r, p) {
                (Ok(r), Some(p)) if r.created => Some((
                    p.hash.clone(),
                    Ingested {
                        created: false,
                        merges: 0,
                        ..r.clone()
                    },
                )),
                _ => None,
            })
            .collect(),
        ids,
    };
    Plan {
        results,
        batch,
        learned,
        carry,
    }
}

/// `PRAGMA data_version`: changes between two reads on one connection only
/// when another connection committed in between.
async fn data_version(conn: &mut SqliteConnection) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("PRAGMA data_version").fetch_one(conn).await
}

/// Writes `docs` in one transaction, deciding them on what it reads inside
/// it. Returns a result per document, the first sources of every event the
/// group touched (for the feature cache, once committed) and what the next
/// group needs to be decided before this one is read back (None when
/// nothing was written); `version` gets the transaction's data version.
///
/// # Errors
/// Any database error: the transaction is then rolled back as a whole.
async fn write_batch(
    conn: &mut SqliteConnection,
    docs: &mut [Pending],
    cache: &std::sync::Mutex<FeatureCache>,
    version: &mut Option<i64>,
) -> Result<(Vec<Result<Ingested, StoreError>>, HashMap<i64, Sources>, Option<Carry>), sqlx::Error> {
    if docs.iter().all(|(_, p)| p.is_none()) {
        return Ok((
            docs.iter().map(|_| Err(StoreError::EmptyText)).collect(),
            HashMap::new(),
            None,
        ));
    }
    let mut tx = sqlx::Connection::begin_with(conn, "BEGIN IMMEDIATE").await?;
    let seen = data_version(&mut tx).await?;
    let snap = read_snapshot(&mut tx, docs, cache, None).await?;
    let mut plan = plan_group(docs, snap);
    plan.batch.run(&mut tx).await?;
    tx.commit().await?;
    *version = Some(seen);
    Ok((plan.results, plan.learned, Some(plan.carry)))
}

/// Writes a group decided beforehand, in one transaction, unless another
/// connection committed since the transaction that produced the group's
/// [`Carry`] began (its data version was `version`): then nothing is written
/// and `Ok(false)` returned, and the group must be decided again.
///
/// # Errors
/// Any database error: the transaction is then rolled back as a whole.
async fn write_planned(
    conn: &mut SqliteConnection,
    batch: &mut Batch,
    version: Option<i64>,
) -> Result<bool, sqlx::Error> {
    let mut tx = sqlx::Connection::begin_with(conn, "BEGIN IMMEDIATE").await?;
    if Some(data_version(&mut tx).await?) != version {
        tx.rollback().await?;
        return Ok(false);
    }
    batch.run(&mut tx).await?;
    tx.commit().await?;
    Ok(true)
}

/// Decides the merges of one new document against the group's events (and
/// records its effect on them), and appends its rows.
#[allow(clippy::too_many_arguments)]
fn write_document(
    doc: &NewDocument,
    p: &mut Prepared,
    ids: &mut Ids,
    now: &str,
    index: &mut EventIndex,
    sources: &mut HashMap<i64, Sources>,
    rows: &mut Rows,
    touched: &mut BTreeSet<i64>,
) -> Ingested {
    let doc_id = ids.document;
    ids.document += 1;
    let lang = p.lang.code().to_string();
    let mut own = p.rows.take().unwrap_or_else(|| DocRows::build(p));
    rows.documents.push(vec![
        Val::Int(doc_id),
        Val::Text(p.hash.clone()),
        Val::OptText(doc.external_id.clone()),
        Val::OptText(doc.title.clone()),
        Val::OptText(doc.source.clone()),
        Val::OptText(doc.url.clone()),
        Val::Text(lang.clone()),
        Val::OptText(p.dct.map(dct_text)),
        Val::OptText(p.dct.map(|t| day(t.date()))),
        Val::Text(p.dct_source.to_string()),
        Val::OptText(p.dateline_day.map(day)),
        Val::OptText(doc.published_at.clone()),
        Val::Text(now.to_string()),
        Val::Text(doc.text.clone()),
        Val::Text(std::mem::take(&mut own.entities)),
    ]);

    let first_sentence = ids.sentence;
    ids.sentence += p.sentences.len() as i64;
    let first_mention = ids.mention;
    ids.mention += p.mentions.len() as i64;
    own.place(doc_id, first_sentence, first_mention);
    rows.sentences.append(&mut own.sentences);
    rows.mentions.append(&mut own.mentions);

    let decisions = decide(&p.candidates, index, sources);
    let merge_count = decisions.iter().filter(|d| d.is_some()).count();
    let mut doc_events = Vec::new();
    for (c, decision) in p.candidates.iter().zip(decisions) {
        let features = Arc::new(c.features.clone());
        let event_id = match decision {
            Some(d) => {
                let after = if d.relation == Relation::Narrower {
                    &c.date
                } else {
                    &d.before
                };
                let reason = format!(
                    "{} ({}); date {} {}; token overlap {:.2}",
                    d.rule,
                    if d.shared.is_empty() {
                        "no shared entities".to_string()
                    } else {
                        d.shared.join(", ")
                    },
                    match d.relation {
                        Relation::Equal => "equal",
                        Relation::Narrower => "refined from",
                        _ => "within",
                    },
                    d.before.value,
                    d.overlap
                );
                rows.merges.push(vec![
                    Val::Int(ids.merge),
                    Val::Int(d.event),
                    Val::Int(doc_id),
                    Val::Int(first_mention + c.mentions[0] as i64),
                    Val::Text(d.rule.to_string()),
                    Val::Text(serde_json::to_string(&d.shared).unwrap_or_else(|_| "[]".into())),
                    Val::Real(d.overlap),
                    Val::Real(d.score),
                    Val::Text(reason),
                    Val::Text(d.before.value.clone()),
                    Val::Text(after.value.clone()),
                    Val::Text(now.to_string()),
                ]);
                ids.merge += 1;
                if d.relation == Relation::Narrower {
                    // The refining source states the precise date: its sentence becomes the title.
                    index.set_date(d.event, c.date.clone());
                }
                if let Some(e) = index.events.get_mut(&d.event) {
                    // A new document joins each event once: one more source, maybe a new language.
                    e.n_sources += 1;
                    e.langs.insert(lang.clone());
                    if d.relation == Relation::Narrower {
                        e.title = Some((c.title.clone(), lang.clone()));
                    }
                }
                let first = sources.entry(d.event).or_default();
                if first.len() < MAX_SOURCES_COMPARED && first.iter().all(|(doc, _)| *doc != doc_id) {
                    first.push((doc_id, features));
                }
                d.event
            }
            None => {
                let id = ids.event;
                ids.event += 1;
                index.insert(Existing {
                    id,
                    date: c.date.clone(),
                    n_sources: 1,
                    langs: BTreeSet::from([lang.clone()]),
                    created: true,
                    title: Some((c.title.clone(), lang.clone())),
                });
                sources.insert(id, vec![(doc_id, features)]);
                id
            }
        };
        touched.insert(event_id);
        doc_events.push(event_id);
        for (k, (&mi, &si)) in c.mentions.iter().zip(&c.mention_sentences).enumerate() {
            let m = &p.mentions[mi];
            let s = &p.sentences[si].sentence;
            rows.evidence.push(vec![
                Val::Int(ids.evidence),
                Val::Int(event_id),
                Val::Int(doc_id),
                Val::Int(first_mention + mi as i64),
                Val::Int(first_sentence + si as i64),
                Val::Int((m.start - s.start) as i64),
                Val::Int((m.end.min(s.end) - s.start) as i64),
                Val::Int(i64::from(k == 0)),
            ]);
            ids.evidence += 1;
        }
    }
    doc_events.sort_unstable();
    doc_events.dedup();
    Ingested {
        document_id: doc_id,
        created: true,
        mentions: p.mentions.clone(),
        events: doc_events,
        merges: merge_count,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str, lang: Lang) -> NewDocument {
        NewDocument {
            text: text.to_string(),
            lang: Some(lang),
            dct: NaiveDate::from_ymd_opt(2022, 1, 13).and_then(|d| d.and_hms_opt(0, 0, 0)),
            ..NewDocument::default()
        }
    }

    async fn fresh() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(&dir.path().join("g.db")).await.expect("open store");
        (dir, store)
    }

    async fn scalar(store: &Store, sql: &'static str) -> i64 {
        sqlx::query_scalar(sql)
            .fetch_one(store.pool())
            .await
            .expect("scalar query")
    }

    const FA: &str = "مذاکرات ایران و عراق درباره آب در ژنو روز ۲۲ دی ۱۴۰۰ برگزار شد.";
    const EN: &str = "Iran and Iraq held water talks in Geneva on 12 January 2022.";
    const AR: &str = "عقدت محادثات بين العراق وإيران في جنيف يوم 12 كانون الثاني 2022.";

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_failing_document_is_rolled_back_alone_within_its_group() {
        let (_dir, store) = fresh().await;
        // A document that fails late, after its sentences and mentions are
        // written: raised when its evidence rows go in.
        sqlx::raw_sql(
            "CREATE TRIGGER test_fail BEFORE INSERT ON evidence \
             WHEN (SELECT text FROM documents WHERE id = new.document_id) LIKE '%zebrafish%' \
             BEGIN SELECT RAISE(ABORT, 'refused by test'); END",
        )
        .execute(store.pool())
        .await
        .expect("test trigger");
        let bad = doc(
            "Iran and Iraq held water talks about zebrafish in Geneva on 12 January 2022.",
            Lang::En,
        );
        let mut results = Vec::new();
        store
            .ingest_all(
                vec![doc(FA, Lang::Fa), bad, doc(EN, Lang::En), doc(FA, Lang::Fa)],
                |r| results.push(r),
            )
            .await;
        assert_eq!(results.len(), 4);
        let fa = results[0].as_ref().expect("first document");
        assert!(fa.created);
        assert!(matches!(results[1], Err(StoreError::Db(_))), "{:?}", results[1]);
        // The next document still merges with the first (same transaction).
        let en = results[2].as_ref().expect("third document");
        assert!(en.created);
        assert_eq!(en.merges, 1);
        assert_eq!(en.events, fa.events);
        // The repeat sees the first copy before the group commits.
        let again = results[3].as_ref().expect("repeat");
        assert!(!again.created);
        assert_eq!(again.document_id, fa.document_id);
        assert_eq!(again.events, fa.events);
        assert_eq!(scalar(&store, "SELECT count(*) FROM documents").await, 2);
        // Nothing of the failed document is left: no sentences, mentions or index entries.
        assert_eq!(
            scalar(
                &store,
                "SELECT count(*) FROM sentences WHERE document_id NOT IN (SELECT id FROM documents)"
            )
            .await,
            0
        );
        assert_eq!(
            scalar(&store, "SELECT count(*) FROM mentions").await,
            (fa.mentions.len() + en.mentions.len()) as i64
        );
        assert_eq!(scalar(&store, "SELECT count(*) FROM merges").await, 1);
        assert_eq!(
            scalar(
                &store,
                "SELECT count(*) FROM evidence WHERE document_id NOT IN (SELECT id FROM documents)"
            )
            .await,
            0
        );
        assert_eq!(
            scalar(
                &store,
                "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'zebrafish'"
            )
            .await,
            0
        );
        assert_eq!(scalar(&store, "SELECT count(*) FROM events").await, 1);
        assert_eq!(scalar(&store, "SELECT n_sources FROM events").await, 2);
    }

    /// Everything the merging decides, in a comparable form.
    async fn dump(store: &Store) -> Vec<String> {
        let rows = |sql: &'static str| {
            let pool = store.pool().clone();
            async move {
                sqlx::query_scalar::<Sqlite, String>(sql)
                    .fetch_all(&pool)
                    .await
                    .expect("dump query")
            }
        };
        let mut out = rows(
            "SELECT id || '|' || value || '|' || n_sources || '|' || langs || '|' || title FROM events ORDER BY id",
        )
        .await;
        out.extend(rows("SELECT event_id || '|' || document_id || '|' || rule || '|' || value_after || '|' || reason FROM merges ORDER BY id").await);
        out.extend(
            rows("SELECT event_id || '|' || document_id || '|' || mention_id || '|' || sentence_id || '|' || is_primary FROM evidence ORDER BY id")
                .await,
        );
        out.extend(rows("SELECT id || '|' || content_hash || '|' || entities FROM documents ORDER BY id").await);
        out
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn grouped_ingest_stores_what_one_by_one_ingest_stores() {
        let texts = [
            (FA, Lang::Fa),
            (
                "NATO and Russia held a meeting in Brussels on 12 January 2022.",
                Lang::En,
            ),
            (EN, Lang::En),
            (
                "Talks between Iran and Iraq in Geneva will open in early January 2022.",
                Lang::En,
            ),
            (AR, Lang::Ar),
            ("A storm closed the port of Doha on 12 January 2022.", Lang::En),
            (EN, Lang::En),
            (
                "The Geneva talks between Iraq and Iran on 12 January 2022 ended without a deal.",
                Lang::En,
            ),
        ];
        let (_d1, one) = fresh().await;
        for (t, l) in texts {
            one.ingest(doc(t, l)).await.expect("ingest");
        }
        let expected = dump(&one).await;
        assert!(
            expected.iter().any(|r| r.contains("entities")),
            "the fixture must exercise merging"
        );
        // One group; groups decided while the one before is written (sizes 1
        // to 3: the first group is decided inside its transaction, the rest
        // ahead, on a snapshot and what the group before changes).
        for size in [BATCH_DOCS, 1, 2, 3] {
            let (_d2, grouped) = fresh().await;
            let mut results = Vec::new();
            grouped
                .ingest_in_groups(texts.map(|(t, l)| doc(t, l)), size, |r| results.push(r))
                .await;
            let created: Vec<bool> = results.iter().map(|r| r.as_ref().is_ok_and(|i| i.created)).collect();
            assert_eq!(
                created,
                [true, true, true, true, true, true, false, true],
                "groups of {size}"
            );
            assert_eq!(dump(&grouped).await, expected, "groups of {size}");
            // The writer checkpoints itself again once the run is over.
            let mut writer = grouped.writer.lock().await;
            let conn = writer.as_mut().expect("writer connection");
            let pages: i64 = sqlx::query_scalar("PRAGMA wal_autocheckpoint")
                .fetch_one(conn)
                .await
                .expect("pragma");
            assert_eq!(pages.to_string(), super::super::WAL_AUTOCHECKPOINT_PAGES);
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn every_document_gets_a_result_after_groups_that_leave_nothing_to_carry() {
        // A group of blank texts writes nothing, and a failed group is
        // redone document by document: neither leaves state to decide the
        // next group on, and the next group must still be written.
        let (_dir, store) = fresh().await;
        sqlx::raw_sql(
            "CREATE TRIGGER test_fail BEFORE INSERT ON documents \
             WHEN new.text LIKE '%zebrafish%' BEGIN SELECT RAISE(ABORT, 'test failure'); END;",
        )
        .execute(store.pool())
        .await
        .expect("trigger");
        let texts = [
            " ",
            EN,
            "zebrafish talks in Geneva on 12 January 2022.",
            AR,
            " ",
            FA,
            " ",
            " ",
        ];
        let mut results = Vec::new();
        store
            .ingest_in_groups(texts.map(|t| doc(t, Lang::En)), 1, |r| results.push(r))
            .await;
        let outcome: Vec<&str> = results
            .iter()
            .map(|r| match r {
                Ok(_) => "ok",
                Err(StoreError::EmptyText) => "empty",
                Err(_) => "failed",
            })
            .collect();
        assert_eq!(
            outcome,
            ["empty", "ok", "failed", "ok", "empty", "ok", "empty", "empty"]
        );
        assert_eq!(scalar(&store, "SELECT count(*) FROM documents").await, 3);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_cancelled_run_leaves_the_writer_checkpointing_after_the_next_ingest() {
        let (_dir, store) = fresh().await;
        let docs = [EN, AR, FA].into_iter().enumerate().map(|(i, t)| {
            if i == 1 {
                // The run is cancelled while it waits for this document.
                std::thread::sleep(std::time::Duration::from_millis(1500));
            }
            doc(t, Lang::En)
        });
        let run = store.ingest_in_groups(docs, 1, |_| {});
        assert!(
            tokio::time::timeout(std::time::Duration::from_millis(500), run)
                .await
                .is_err()
        );
        assert!(
            store.checkpoints_off.load(Ordering::SeqCst),
            "the run had turned the writer's checkpoints off"
        );
        store
            .ingest(doc(FA, Lang::Fa))
            .await
            .expect("ingest after the cancelled run");
        let mut writer = store.writer.lock().await;
        let conn = writer.as_mut().expect("writer connection");
        let pages: i64 = sqlx::query_scalar("PRAGMA wal_autocheckpoint")
            .fetch_one(conn)
            .await
            .expect("pragma");
        assert_eq!(pages.to_string(), super::super::WAL_AUTOCHECKPOINT_PAGES);
        assert!(!store.checkpoints_off.load(Ordering::SeqCst));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn another_writer_between_groups_is_seen() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let (dir, store) = fresh().await;
        // Once two groups have committed, another connection (someone with
        // sqlite3) records one more source of the story. Groups decided ahead
        // on what the group before changed must see it, not overwrite it.
        // (Another tarikh process would also be seen: its rows take the ids
        // the next group planned to use, so that group fails and is redone.)
        let other = Arc::new(Store::open(&dir.path().join("g.db")).await.expect("second store"));
        let done = Arc::new(AtomicUsize::new(0));
        let (seen, writer, handle) = (done.clone(), other.clone(), tokio::runtime::Handle::current());
        let texts: Vec<NewDocument> = (0..8)
            .map(|i| {
                doc(
                    &format!("Iran and Iraq held water talks in Geneva on 12 January 2022, round {i}."),
                    Lang::En,
                )
            })
            .collect();
        let docs = texts.into_iter().enumerate().map(move |(i, d)| {
            if i == 3 {
                let started = std::time::Instant::now();
                while seen.load(Ordering::SeqCst) < 2 && started.elapsed() < std::time::Duration::from_secs(10) {
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
                handle
                    .block_on(
                        sqlx::query("UPDATE events SET n_sources = n_sources + 1, langs = 'en,fa'")
                            .execute(writer.pool()),
                    )
                    .expect("other writer");
            }
            d
        });
        let mut results = Vec::new();
        store
            .ingest_in_groups(docs, 1, |r| {
                done.fetch_add(1, Ordering::SeqCst);
                results.push(r);
            })
            .await;
        assert!(results.iter().all(|r| r.as_ref().is_ok_and(|i| i.created)));
        assert_eq!(scalar(&store, "SELECT count(*) FROM events").await, 1);
        let (n, langs): (i64, String) = sqlx::query_as("SELECT n_sources, langs FROM events")
            .fetch_one(store.pool())
            .await
            .expect("event");
        assert_eq!((n, langs.as_str()), (9, "en,fa"));
        other.close().await;
    }
}
