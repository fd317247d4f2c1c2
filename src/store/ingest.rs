//! Writing documents: extraction, sentences, candidate events and their
//! merging with events of other documents.
//!
//! Extraction and analysis run before the transaction; the transaction
//! (`BEGIN IMMEDIATE`, so merge decisions see a stable set of events) writes
//! the document, its sentences, mentions, new or updated events, evidence and
//! merge reasons with multi-row INSERTs. [`Store::ingest`] commits each
//! document alone; [`Store::ingest_all`] commits groups of documents, each
//! under its own savepoint, so a commit's fixed cost is shared.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime, Timelike};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use sqlx::{AssertSqlSafe, Row, Sqlite, SqliteConnection};

use super::{Ingested, NewDocument, Store, StoreError};
use crate::chronology::{
    self, AnalyzedSentence, Candidate, EventDate, Features, Relation, compare, labels::labels,
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
const BATCH_DOCS: usize = 64;
/// Most text (bytes) [`Store::ingest_all`] writes in one transaction.
const BATCH_BYTES: usize = 2 << 20;
/// Longest [`Store::ingest_all`] waits for more prepared documents before
/// writing the ones it has (bounds how long results and other writers wait).
const BATCH_WAIT: std::time::Duration = std::time::Duration::from_millis(250);

/// The features of the first sources of events, by event id, so merging does
/// not re-read and re-tokenize their sentences for every new document. Filled
/// from the database on a miss and updated after each commit; another process
/// adding sources only means fewer sources are compared, never a wrong date.
#[derive(Debug, Default)]
pub(super) struct FeatureCache {
    events: HashMap<i64, Vec<(i64, Arc<Features>)>>,
}

/// A value bound into a batched INSERT.
#[derive(Clone, Debug)]
enum Val {
    Int(i64),
    OptInt(Option<i64>),
    Real(f64),
    Text(String),
    OptText(Option<String>),
}

impl Val {
    /// Binds this value as the query's next parameter.
    fn bind_to<'q>(
        self,
        q: sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments>,
    ) -> sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments> {
        match self {
            Val::Int(x) => q.bind(x),
            Val::OptInt(x) => q.bind(x),
            Val::Real(x) => q.bind(x),
            Val::Text(x) => q.bind(x),
            Val::OptText(x) => q.bind(x),
        }
    }
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

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn dct_text(t: NaiveDateTime) -> String {
    if t.time().num_seconds_from_midnight() == 0 {
        t.format("%Y-%m-%d").to_string()
    } else {
        t.format("%Y-%m-%dT%H:%M").to_string()
    }
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
}

fn prepare(doc: &NewDocument, hash: String) -> Prepared {
    let lang = doc.lang.unwrap_or_else(|| lexicon::detect_lang(&doc.text));
    let mentions = extract::extract(&doc.text, &extract::Options { dct: doc.dct, lang: Some(lang) });
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
    Prepared { hash, lang, dct, dct_source, dateline_day, mentions, sentences, candidates }
}

/// Next free ids of each table (the transaction holds the write lock).
struct Ids {
    document: i64,
    sentence: i64,
    mention: i64,
    event: i64,
    evidence: i64,
    merge: i64,
}

/// An existing event whose date is compatible with some candidate.
#[derive(Clone, Debug)]
struct Existing {
    id: i64,
    date: EventDate,
    n_sources: i64,
    /// Comma-separated, sorted source languages.
    langs: String,
}

impl Store {
    /// Ingests one document: extracts its dates, splits its sentences, turns
    /// each distinct resolved date into an event, merges those events with
    /// compatible events of other documents that speak of the same thing, and
    /// stores everything in one transaction. The same text twice is a no-op
    /// that returns the stored document (`created: false`).
    ///
    /// # Errors
    /// [`StoreError::EmptyText`] for blank text; [`StoreError::Db`] when the
    /// transaction fails (nothing of the document is then stored).
    pub async fn ingest(&self, doc: NewDocument) -> Result<Ingested, StoreError> {
        if doc.text.trim().is_empty() {
            return Err(StoreError::EmptyText);
        }
        let hash = format!("{:x}", Sha256::digest(doc.text.as_bytes()));
        if let Some(existing) = self.existing(&hash).await? {
            return Ok(existing);
        }
        let prepared = block_in_place_or_inline(|| prepare(&doc, hash));
        self.write_prepared(doc, prepared).await
    }

    /// Ingests many documents, overlapping the extraction of the next ones
    /// (on a blocking thread) with the writing of the current ones, and calls
    /// `each` with every result in order.
    ///
    /// Documents are written in groups (up to [`BATCH_DOCS`] documents or
    /// [`BATCH_BYTES`] of text, whatever arrives within [`BATCH_WAIT`]) in one
    /// transaction, so the commit (its WAL writes and sync) is paid once per
    /// group (the full-text index still gains one segment per document, as
    /// FTS5 flushes at each savepoint). Each document runs under its own
    /// savepoint: one that fails is
    /// rolled back alone and reported, the others still commit, so every
    /// document is complete or absent, and a killed run loses at most its
    /// last group (re-running resumes: stored texts are recognized). Within a
    /// group a document sees the ones before it (duplicates, merges), as with
    /// one transaction each; results are those [`Store::ingest`] would give,
    /// reported once their group has committed.
    ///
    /// # Errors
    /// Per document, as [`Store::ingest`], passed to `each`; when the group's
    /// transaction itself fails, each of its documents gets
    /// [`StoreError::BatchFailed`] (none of them is stored).
    pub async fn ingest_all<I>(&self, docs: I, mut each: impl FnMut(Result<Ingested, StoreError>))
    where
        I: IntoIterator<Item = NewDocument>,
        I::IntoIter: Send + 'static,
    {
        // Room for the next group while the current one is written.
        let (tx, mut rx) = ::tokio::sync::mpsc::channel::<(NewDocument, Option<Prepared>)>(2 * BATCH_DOCS);
        let docs = docs.into_iter();
        let producer = ::tokio::task::spawn_blocking(move || {
            for doc in docs {
                let prepared = (!doc.text.trim().is_empty()).then(|| {
                    let hash = format!("{:x}", Sha256::digest(doc.text.as_bytes()));
                    prepare(&doc, hash)
                });
                if tx.blocking_send((doc, prepared)).is_err() {
                    break;
                }
            }
        });
        while let Some(first) = rx.recv().await {
            let deadline = ::tokio::time::Instant::now() + BATCH_WAIT;
            let mut bytes = first.0.text.len();
            let mut group = vec![first];
            while group.len() < BATCH_DOCS && bytes < BATCH_BYTES {
                let next = match rx.try_recv() {
                    Ok(item) => Some(item),
                    Err(::tokio::sync::mpsc::error::TryRecvError::Empty) => {
                        ::tokio::time::timeout_at(deadline, rx.recv()).await.ok().flatten()
                    }
                    Err(::tokio::sync::mpsc::error::TryRecvError::Disconnected) => None,
                };
                let Some(item) = next else { break };
                bytes += item.0.text.len();
                group.push(item);
            }
            for result in self.write_group(group).await {
                each(result);
            }
        }
        let _ = producer.await;
    }

    /// Writes a group of prepared documents in one transaction, each under
    /// its own savepoint; returns one result per document, in order.
    async fn write_group(&self, group: Vec<(NewDocument, Option<Prepared>)>) -> Vec<Result<Ingested, StoreError>> {
        let n = group.len();
        let mut results: Vec<Result<Ingested, StoreError>> = Vec::with_capacity(n);
        let mut writer = self.writer.lock().await;
        let outcome: Result<(), sqlx::Error> = async {
            let Some(conn) = writer.as_mut() else { return Err(sqlx::Error::PoolClosed) };
            if group.iter().all(|(_, p)| p.is_none()) {
                results.extend(group.iter().map(|_| Err(StoreError::EmptyText)));
                return Ok(());
            }
            let mut tx = sqlx::Connection::begin_with(conn, "BEGIN IMMEDIATE").await?;
            for (doc, prepared) in group {
                let Some(p) = prepared else {
                    results.push(Err(StoreError::EmptyText));
                    continue;
                };
                sqlx::raw_sql("SAVEPOINT ingest_doc").execute(&mut *tx).await?;
                match write_one(&mut tx, &doc, p, &self.features).await {
                    Ok((ingested, update)) => {
                        sqlx::raw_sql("RELEASE ingest_doc").execute(&mut *tx).await?;
                        // Later documents of the group compare against it, as
                        // they would after its own commit; undone below if the
                        // group fails.
                        if let Some(u) = update {
                            self.apply_cache_update(u);
                        }
                        results.push(Ok(ingested));
                    }
                    Err(e) => {
                        results.push(Err(e));
                        sqlx::raw_sql("ROLLBACK TO ingest_doc; RELEASE ingest_doc").execute(&mut *tx).await?;
                    }
                }
            }
            tx.commit().await
        }
        .await;
        drop(writer);
        if let Err(e) = outcome {
            // The cache may describe events of the lost group whose ids will be reused.
            self.features.lock().unwrap_or_else(std::sync::PoisonError::into_inner).events.clear();
            let reason = e.to_string();
            results.resize_with(n, || Err(StoreError::BatchFailed { reason: reason.clone() }));
            for r in &mut results {
                if r.is_ok() {
                    *r = Err(StoreError::BatchFailed { reason: reason.clone() });
                }
            }
        }
        results
    }

    /// Writes one prepared document in its own transaction (a no-op returning
    /// the stored one if the same text arrived meanwhile).
    async fn write_prepared(&self, doc: NewDocument, prepared: Prepared) -> Result<Ingested, StoreError> {
        let mut writer = self.writer.lock().await;
        let Some(conn) = writer.as_mut() else { return Err(StoreError::Db(sqlx::Error::PoolClosed)) };
        let mut tx = sqlx::Connection::begin_with(conn, "BEGIN IMMEDIATE").await?;
        let (out, update) = write_one(&mut tx, &doc, prepared, &self.features).await?;
        tx.commit().await?;
        drop(writer);
        if let Some(u) = update {
            self.apply_cache_update(u);
        }
        Ok(out)
    }

    /// Records what a written document added to its events' first sources.
    fn apply_cache_update(&self, update: CacheUpdate) {
        let mut cached = self.features.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        for (event, features, is_new) in update.entries {
            if is_new {
                cached.events.insert(event, vec![(update.document, features)]);
            } else if let Some(v) = cached.events.get_mut(&event)
                && v.len() < MAX_SOURCES_COMPARED
                && v.iter().all(|(d, _)| *d != update.document)
            {
                v.push((update.document, features));
            }
        }
    }

    /// The stored document with this content hash, as an [`Ingested`] with `created: false`.
    async fn existing(&self, hash: &str) -> Result<Option<Ingested>, StoreError> {
        let mut conn = self.rw.acquire().await?;
        Ok(existing_in(&mut conn, hash).await?)
    }
}

/// Writes one prepared document on a connection inside a transaction: the
/// stored document (and no cache update) when the same text is already there,
/// visible to this transaction, else the new document.
async fn write_one(
    conn: &mut SqliteConnection,
    doc: &NewDocument,
    p: Prepared,
    cache: &std::sync::Mutex<FeatureCache>,
) -> Result<(Ingested, Option<CacheUpdate>), StoreError> {
    if let Some(stored) = existing_in(conn, &p.hash).await? {
        return Ok((stored, None));
    }
    let (ingested, update) = write_document(conn, doc, p, cache).await?;
    Ok((ingested, Some(update)))
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
    Ok(Some(Ingested { document_id: id, created: false, mentions, events, merges: 0 }))
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
        pair: r.try_get::<Option<i64>, _>("pair_ordinal").ok().flatten().and_then(|p| usize::try_from(p).ok()),
        conflict: get("conflict").and_then(|s| serde_json::from_str(&s).ok()),
    })
}

/// Statements run together in one call to the database connection (one
/// round trip instead of one per statement; SQLite binds the arguments of
/// each statement in turn).
#[derive(Default)]
struct Batch {
    sql: String,
    args: Vec<Val>,
}

impl Batch {
    /// Adds one statement and its arguments.
    fn push(&mut self, sql: &str, args: impl IntoIterator<Item = Val>) {
        self.sql.push_str(sql);
        self.sql.push_str(";\n");
        self.args.extend(args);
    }

    /// Adds inserts of `rows` into `head` (`INSERT INTO t (a, b)`), as few
    /// statements as the parameter limit allows.
    fn insert(&mut self, head: &str, rows: Vec<Vec<Val>>) {
        let Some(width) = rows.first().map(Vec::len) else { return };
        let per = (MAX_PARAMS / width.max(1)).max(1);
        let tuple = format!("({})", vec!["?"; width].join(","));
        let mut rows = rows.into_iter().peekable();
        while rows.peek().is_some() {
            self.sql.push_str(head);
            self.sql.push_str(" VALUES ");
            for (i, row) in rows.by_ref().take(per).enumerate() {
                if i > 0 {
                    self.sql.push(',');
                }
                self.sql.push_str(&tuple);
                self.args.extend(row);
            }
            self.sql.push_str(";\n");
        }
    }

    /// Runs the statements in order and empties the batch.
    async fn run(&mut self, conn: &mut SqliteConnection) -> Result<(), sqlx::Error> {
        if self.sql.is_empty() {
            return Ok(());
        }
        let mut q = sqlx::query::<Sqlite>(AssertSqlSafe(std::mem::take(&mut self.sql)));
        for v in std::mem::take(&mut self.args) {
            q = v.bind_to(q);
        }
        q.execute(&mut *conn).await?;
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
        modifier: r.try_get::<Option<String>, _>("mod").ok().flatten().and_then(|s| parse_enum(&s)),
        first_day: r.try_get::<String, _>("first_day").ok()?.parse().ok()?,
        last_day: r.try_get::<String, _>("last_day").ok()?.parse().ok()?,
    })
}

/// Events whose dates equal, contain or lie inside some candidate's date.
async fn compatible_events(
    conn: &mut SqliteConnection,
    candidates: &[Candidate],
) -> Result<HashMap<i64, Existing>, sqlx::Error> {
    let mut found = HashMap::new();
    for chunk in candidates.chunks(200) {
        let mut sql =
            String::from("SELECT id, value, grain, mod, first_day, last_day, n_sources, langs FROM events WHERE ");
        for i in 0..chunk.len() {
            if i > 0 {
                sql.push_str(" OR ");
            }
            // Inside the candidate, or containing it (multi-day, bounded width: index events_multiday).
            sql.push_str(
                "(first_day BETWEEN ? AND ? AND last_day <= ?) \
                 OR (first_day BETWEEN ? AND ? AND last_day >= ? AND last_day > first_day)",
            );
        }
        let mut q = sqlx::query::<Sqlite>(AssertSqlSafe(sql));
        for c in chunk {
            let (f, l) = (day(c.date.first_day), day(c.date.last_day));
            let lo = day(c.date.last_day - chrono::Duration::days(MAX_CONTAINER_DAYS));
            q = q.bind(f.clone()).bind(l.clone()).bind(l.clone()).bind(lo).bind(f).bind(l);
        }
        for r in q.fetch_all(&mut *conn).await? {
            let id: i64 = r.try_get("id")?;
            if let Some(date) = event_date_from_row(&r) {
                found.insert(id, Existing { id, date, n_sources: r.try_get("n_sources")?, langs: r.try_get("langs")? });
            }
        }
    }
    Ok(found)
}

/// Features of the first source documents of the given events, from the
/// database: event → [(document, features)] in document order.
async fn load_source_features(
    conn: &mut SqliteConnection,
    events: &[i64],
) -> Result<HashMap<i64, Vec<(i64, Arc<Features>)>>, sqlx::Error> {
    let mut grouped: HashMap<i64, BTreeMap<i64, Features>> = HashMap::new();
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
        let mut q = sqlx::query::<Sqlite>(AssertSqlSafe(sql));
        for id in chunk {
            q = q.bind(*id);
        }
        for r in q.fetch_all(&mut *conn).await? {
            let event: i64 = r.try_get(0)?;
            let document: i64 = r.try_get(1)?;
            let entities: String = r.try_get(2)?;
            let folded: String = r.try_get(3)?;
            grouped.entry(event).or_default().entry(document).or_default().add(&entities, &folded);
        }
    }
    Ok(grouped
        .into_iter()
        .map(|(e, docs)| (e, docs.into_iter().take(MAX_SOURCES_COMPARED).map(|(d, f)| (d, Arc::new(f))).collect()))
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

/// Picks, for each candidate, the best compatible existing event that speaks
/// of the same thing; each event is joined by at most one candidate.
fn decide(
    candidates: &[Candidate],
    existing: &HashMap<i64, Existing>,
    sources: &HashMap<i64, Vec<(i64, Arc<Features>)>>,
) -> Vec<Option<Decision>> {
    let mut options = Vec::new();
    for (ci, c) in candidates.iter().enumerate() {
        for e in existing.values() {
            let relation = c.date.relation_to(&e.date);
            if relation == Relation::Incompatible {
                continue;
            }
            let Some(docs) = sources.get(&e.id) else { continue };
            let best = docs
                .iter()
                .map(|(_, f)| compare(&c.features, f))
                .filter(|s| s.rule.is_some())
                .max_by(|a, b| a.score().total_cmp(&b.score()));
            if let Some(sim) = best {
                let bonus = if relation == Relation::Equal { 0.2 } else { 0.0 };
                options.push((sim.score() + bonus, e.n_sources, e.date.first_day, e.id, ci, relation, sim));
            }
        }
    }
    options.sort_by(|a, b| {
        b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3)).then(a.4.cmp(&b.4))
    });
    let mut out: Vec<Option<Decision>> = candidates.iter().map(|_| None).collect();
    let mut taken = BTreeSet::new();
    for (score, _, _, event, ci, relation, sim) in options {
        if out[ci].is_some() || taken.contains(&event) {
            continue;
        }
        taken.insert(event);
        let Some(rule) = sim.rule else { continue };
        let before = existing[&event].date.clone();
        out[ci] = Some(Decision {
            event,
            relation,
            rule: rule.as_str(),
            shared: sim.shared,
            overlap: sim.token_overlap,
            score,
            before,
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

/// What the feature cache learns once the document's transaction commits.
struct CacheUpdate {
    document: i64,
    /// (event, features of this document's statement, event is new)
    entries: Vec<(i64, Arc<Features>, bool)>,
}

async fn write_document(
    conn: &mut SqliteConnection,
    doc: &NewDocument,
    p: Prepared,
    cache: &std::sync::Mutex<FeatureCache>,
) -> Result<(Ingested, CacheUpdate), StoreError> {
    let mut ids = next_ids(conn).await?;
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let doc_id = ids.document;
    let lang = p.lang.code().to_string();
    let mut batch = Batch::default();
    batch.insert(
        "INSERT INTO documents (id, content_hash, external_id, title, source, url, lang, dct, dct_day, dct_source, \
         dateline_day, published_at, ingested_at, text)",
        vec![vec![
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
            Val::Text(now.clone()),
            Val::Text(doc.text.clone()),
        ]],
    );

    // Sentences.
    let first_sentence = ids.sentence;
    let rows: Vec<Vec<Val>> = p
        .sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            vec![
                Val::Int(first_sentence + i as i64),
                Val::Int(doc_id),
                Val::Int(i as i64),
                Val::Int(s.sentence.start as i64),
                Val::Int(s.sentence.end as i64),
                Val::Text(s.sentence.text.clone()),
                Val::Text(s.folded.clone()),
                Val::Text(s.entities_text()),
            ]
        })
        .collect();
    batch.insert("INSERT INTO sentences (id, document_id, ordinal, span_start, span_end, text, folded, entities)", rows);
    ids.sentence += p.sentences.len() as i64;

    // Mentions.
    let first_mention = ids.mention;
    let rows: Vec<Vec<Val>> = p
        .mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            vec![
                Val::Int(first_mention + i as i64),
                Val::Int(doc_id),
                Val::Int(i as i64),
                Val::OptInt(chronology::analyzed_sentence_at(&p.sentences, m.start).map(|s| first_sentence + s as i64)),
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
    batch.insert(
        "INSERT INTO mentions (id, document_id, ordinal, sentence_id, span_start, span_end, text, value, first_day, \
         last_day, grain, mod, calendar, lang, anchor, pair_ordinal, conflict)",
        rows,
    );
    batch.run(conn).await?;

    // Merge decisions against events of other documents.
    let existing = if p.candidates.is_empty() { HashMap::new() } else { compatible_events(conn, &p.candidates).await? };
    let mut event_ids: Vec<i64> = existing.keys().copied().collect();
    event_ids.sort_unstable();
    let mut sources: HashMap<i64, Vec<(i64, Arc<Features>)>> = HashMap::new();
    let mut missing = Vec::new();
    {
        let cached = cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        for id in &event_ids {
            match cached.events.get(id) {
                Some(v) => {
                    sources.insert(*id, v.clone());
                }
                None => missing.push(*id),
            }
        }
    }
    if !missing.is_empty() {
        let loaded = load_source_features(conn, &missing).await?;
        let mut cached = cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if cached.events.len() + loaded.len() > MAX_CACHED_EVENTS {
            cached.events.clear();
        }
        for (id, v) in loaded {
            cached.events.insert(id, v.clone());
            sources.insert(id, v);
        }
    }
    let decisions = decide(&p.candidates, &existing, &sources);

    let mut new_events = Vec::new();
    let mut evidence = Vec::new();
    let mut merges = Vec::new();
    let mut touched = Vec::new();
    let merge_count = decisions.iter().filter(|d| d.is_some()).count();
    let mut doc_events = Vec::new();
    let mut update = CacheUpdate { document: doc_id, entries: Vec::new() };
    for (c, decision) in p.candidates.iter().zip(&decisions) {
        let event_id = match decision {
            Some(d) => {
                if d.relation == Relation::Narrower {
                    // The refining source states the precise date: its sentence becomes the title.
                    let mut sql = String::from("UPDATE events SET title = ?, title_lang = ?, ");
                    sql.push_str(&DATE_COLS.split(", ").map(|c| format!("{c} = ?")).collect::<Vec<_>>().join(", "));
                    sql.push_str(" WHERE id = ?");
                    let mut q = sqlx::query::<Sqlite>(AssertSqlSafe(sql)).bind(c.title.clone()).bind(lang.clone());
                    for v in date_cols(&c.date) {
                        q = v.bind_to(q);
                    }
                    q.bind(d.event).execute(&mut *conn).await?;
                }
                let after = if d.relation == Relation::Narrower { &c.date } else { &d.before };
                let reason = format!(
                    "{} ({}); date {} {}; token overlap {:.2}",
                    d.rule,
                    if d.shared.is_empty() { "no shared entities".to_string() } else { d.shared.join(", ") },
                    match d.relation {
                        Relation::Equal => "equal",
                        Relation::Narrower => "refined from",
                        _ => "within",
                    },
                    d.before.value,
                    d.overlap
                );
                merges.push(vec![
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
                    Val::Text(now.clone()),
                ]);
                ids.merge += 1;
                touched.push(d.event);
                d.event
            }
            None => {
                let id = ids.event;
                ids.event += 1;
                let mut row = vec![Val::Int(id)];
                row.extend(date_cols(&c.date));
                row.extend([
                    Val::Text(c.title.clone()),
                    Val::Text(lang.clone()),
                    Val::Int(1),
                    Val::Text(lang.clone()),
                    Val::Text(now.clone()),
                ]);
                new_events.push(row);
                id
            }
        };
        doc_events.push(event_id);
        update.entries.push((event_id, Arc::new(c.features.clone()), decision.is_none()));
        for (k, (&mi, &si)) in c.mentions.iter().zip(&c.mention_sentences).enumerate() {
            let m = &p.mentions[mi];
            let s = &p.sentences[si].sentence;
            evidence.push(vec![
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
    batch.insert(
        &format!("INSERT INTO events (id, {DATE_COLS}, title, title_lang, n_sources, langs, created_at)"),
        new_events,
    );
    batch.insert(
        "INSERT INTO evidence (id, event_id, document_id, mention_id, sentence_id, expr_start, expr_end, is_primary)",
        evidence,
    );
    batch.insert(
        "INSERT INTO merges (id, event_id, document_id, mention_id, rule, entities, overlap, score, reason, \
         value_before, value_after, created_at)",
        merges,
    );
    // A new document joins each touched event once: one more source, maybe a new language.
    if !touched.is_empty() {
        let sql = format!("UPDATE events SET n_sources = n_sources + 1 WHERE id IN ({})", vec!["?"; touched.len()].join(","));
        batch.push(&sql, touched.iter().map(|id| Val::Int(*id)));
    }
    for id in &touched {
        let Some(e) = existing.get(id) else { continue };
        if e.langs.split(',').any(|l| l == lang) {
            continue;
        }
        let mut langs: BTreeSet<&str> = e.langs.split(',').filter(|l| !l.is_empty()).collect();
        langs.insert(&lang);
        let langs = langs.into_iter().collect::<Vec<_>>().join(",");
        batch.push("UPDATE events SET langs = ? WHERE id = ?", [Val::Text(langs), Val::Int(*id)]);
    }
    batch.run(conn).await?;
    doc_events.sort_unstable();
    doc_events.dedup();
    let ingested =
        Ingested { document_id: doc_id, created: true, mentions: p.mentions, events: doc_events, merges: merge_count };
    Ok((ingested, update))
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
        sqlx::query_scalar(sql).fetch_one(store.pool()).await.expect("scalar query")
    }

    const FA: &str = "مذاکرات ایران و عراق درباره آب در ژنو روز ۲۲ دی ۱۴۰۰ برگزار شد.";
    const EN: &str = "Iran and Iraq held water talks in Geneva on 12 January 2022.";
    const AR: &str = "عقدت محادثات بين العراق وإيران في جنيف يوم 12 كانون الثاني 2022.";

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_failing_document_is_rolled_back_alone_within_its_group() {
        let (_dir, store) = fresh().await;
        // A document that fails late, after its sentences, mentions, events,
        // evidence and merge rows are written: raised when it would count as
        // one more source of the event it joins.
        sqlx::raw_sql(
            "CREATE TRIGGER test_fail AFTER UPDATE OF n_sources ON events \
             WHEN EXISTS (SELECT 1 FROM documents WHERE text LIKE '%zebrafish%') \
             BEGIN SELECT RAISE(ABORT, 'refused by test'); END",
        )
        .execute(store.pool())
        .await
        .expect("test trigger");
        let bad = doc("Iran and Iraq held water talks about zebrafish in Geneva on 12 January 2022.", Lang::En);
        let mut results = Vec::new();
        store.ingest_all(vec![doc(FA, Lang::Fa), bad, doc(EN, Lang::En), doc(FA, Lang::Fa)], |r| results.push(r)).await;
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
            scalar(&store, "SELECT count(*) FROM sentences WHERE document_id NOT IN (SELECT id FROM documents)").await,
            0
        );
        assert_eq!(scalar(&store, "SELECT count(*) FROM mentions").await, (fa.mentions.len() + en.mentions.len()) as i64);
        assert_eq!(scalar(&store, "SELECT count(*) FROM merges").await, 1);
        assert_eq!(
            scalar(&store, "SELECT count(*) FROM evidence WHERE document_id NOT IN (SELECT id FROM documents)").await,
            0
        );
        assert_eq!(scalar(&store, "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'zebrafish'").await, 0);
        assert_eq!(scalar(&store, "SELECT count(*) FROM events").await, 1);
        assert_eq!(scalar(&store, "SELECT n_sources FROM events").await, 2);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn grouped_ingest_stores_what_one_by_one_ingest_stores() {
        let texts = [
            (FA, Lang::Fa),
            ("NATO and Russia held a meeting in Brussels on 12 January 2022.", Lang::En),
            (EN, Lang::En),
            ("Talks between Iran and Iraq in Geneva will open in early January 2022.", Lang::En),
            (AR, Lang::Ar),
            ("A storm closed the port of Doha on 12 January 2022.", Lang::En),
        ];
        let (_d1, one) = fresh().await;
        for (t, l) in texts {
            one.ingest(doc(t, l)).await.expect("ingest");
        }
        let (_d2, grouped) = fresh().await;
        let mut results = Vec::new();
        grouped.ingest_all(texts.map(|(t, l)| doc(t, l)), |r| results.push(r)).await;
        assert!(results.iter().all(|r| r.as_ref().is_ok_and(|i| i.created)));
        let dump = |store: &Store| {
            let pool = store.pool().clone();
            async move {
                let events: Vec<(i64, String, i64, String, String)> =
                    sqlx::query_as("SELECT id, value, n_sources, langs, title FROM events ORDER BY id")
                        .fetch_all(&pool)
                        .await
                        .expect("events");
                let merges: Vec<(i64, i64, String, String)> =
                    sqlx::query_as("SELECT event_id, document_id, rule, value_after FROM merges ORDER BY id")
                        .fetch_all(&pool)
                        .await
                        .expect("merges");
                (events, merges)
            }
        };
        let (a, b) = (dump(&one).await, dump(&grouped).await);
        assert!(!a.1.is_empty(), "the fixture must exercise merging");
        assert_eq!(a, b);
    }
}
