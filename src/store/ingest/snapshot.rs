//! What a group's decisions start from: which texts are stored, the events
//! its candidates may join (found by date, [`EventIndex`]), the first sources
//! of those events and the next free ids, read once per group from a
//! transaction or a read-only snapshot, overlaid with what the group before
//! changes ([`Carry`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex, PoisonError};

use chrono::NaiveDate;
use sqlx::{AssertSqlSafe, Row as _, Sqlite, SqliteConnection};

use super::feed::Pending;
use super::rows::{day, event_date_from_row, mention_from_row};
use crate::chronology::{EventDate, Features, Learned};
use crate::store::Ingested;
use crate::syndication::{Known, MAX_BAND_DOCUMENTS, Signature};

/// Containing events wider than this many days are not looked up as merge
/// targets (keeps the index range bounded; decades never absorb days).
pub(super) const MAX_CONTAINER_DAYS: i64 = 4_000;
/// Sources of one existing event compared against a new statement (its first ones).
pub(super) const MAX_SOURCES_COMPARED: usize = 8;
/// Events whose features are kept in memory before the cache starts over.
const MAX_CACHED_EVENTS: usize = 100_000;

/// The first source documents of an event and what their statements are about.
pub(super) type Sources = Vec<(i64, Arc<Features>)>;

/// The features of the first sources of events, by event id, so merging does
/// not re-read and re-tokenize their sentences for every new document. Filled
/// from the database on a miss and updated after each commit; another process
/// adding sources only means fewer sources are compared, never a wrong date.
#[derive(Debug, Default)]
pub(crate) struct FeatureCache {
    events: HashMap<i64, Sources>,
    /// Rarity of words and names and each outlet's repeated lines, learned
    /// as groups are decided, in order (a group decided again, after a
    /// failure or another writer, is counted again: rarity drifts by that
    /// little, and a page's repeated lines are found the same way twice).
    learned: Arc<Mutex<Learned>>,
}

impl FeatureCache {
    /// Keeps the first sources of the events a committed group touched.
    pub(super) fn learn(&mut self, learned: HashMap<i64, Sources>) {
        if self.events.len() + learned.len() > MAX_CACHED_EVENTS {
            self.events.clear();
        }
        self.events.extend(learned);
    }
}

/// Next free ids of each table (the transaction holds the write lock).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Ids {
    pub document: i64,
    pub sentence: i64,
    pub mention: i64,
    pub event: i64,
    pub evidence: i64,
    pub merge: i64,
}

impl Ids {
    /// The ids of an empty database.
    #[cfg(test)]
    pub(super) fn first() -> Ids {
        Ids {
            document: 1,
            sentence: 1,
            mention: 1,
            event: 1,
            evidence: 1,
            merge: 1,
        }
    }
}

/// An event a candidate of the group may join: stored before the group
/// (as the group's transaction sees it) or created by an earlier document of
/// the group, with the changes the group made to it so far.
#[derive(Clone, Debug)]
pub(super) struct Existing {
    pub id: i64,
    pub date: EventDate,
    pub n_sources: i64,
    /// Sorted source languages.
    pub langs: BTreeSet<String>,
    /// Created by this group (inserted at the end with its final state;
    /// stored events the group touched are updated at the end).
    pub created: bool,
    /// The title and its language when the group set them (a new event, or
    /// a refining source that states the precise date).
    pub title: Option<(String, String)>,
}

/// The events a group can merge into, found by date.
#[derive(Debug, Default)]
pub(super) struct EventIndex {
    pub events: HashMap<i64, Existing>,
    /// Single-day events by (day, id).
    single: BTreeSet<(NaiveDate, i64)>,
    /// Longer events by (first day, id).
    multi: BTreeSet<(NaiveDate, i64)>,
}

impl EventIndex {
    fn key(e: &Existing) -> (bool, (NaiveDate, i64)) {
        (e.date.first_day == e.date.last_day, (e.date.first_day, e.id))
    }

    /// Adds (or replaces) an event.
    pub(super) fn insert(&mut self, e: Existing) {
        match Self::key(&e) {
            (true, k) => self.single.insert(k),
            (false, k) => self.multi.insert(k),
        };
        self.events.insert(e.id, e);
    }

    /// Gives event `id` a new date.
    pub(super) fn set_date(&mut self, id: i64, date: EventDate) {
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
    pub(super) fn overlapping(&self, first: NaiveDate, last: NaiveDate) -> Vec<i64> {
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

/// What a group's decisions start from: the database as a transaction or a
/// snapshot sees it, overlaid with what the group before changed.
pub(super) struct Snapshot {
    /// Documents already stored (or written by the group before), by hash.
    pub stored: HashMap<String, Ingested>,
    pub index: EventIndex,
    pub sources: HashMap<i64, Sources>,
    /// Events whose first sources were read from the database (to be cached).
    pub missing: Vec<i64>,
    pub ids: Ids,
    /// Stored documents that share a signature band with one of the group's
    /// (the originals its documents may copy), with the group before's.
    pub known: Vec<Known>,
    /// What merging has learned so far (shared with the store).
    pub learned: Arc<Mutex<Learned>>,
}

/// What a decided group leaves to the next group's decisions, so the next
/// group can be decided while this one is being written: the events it
/// touched as they will be stored, their first sources, the texts it wrote
/// and the next free ids. Valid only if the group commits and no other
/// connection writes in between (checked with `PRAGMA data_version`).
#[derive(Clone)]
pub(super) struct Carry {
    pub events: Vec<Existing>,
    pub sources: HashMap<i64, Sources>,
    pub written: HashMap<String, Ingested>,
    pub ids: Ids,
    /// The signatures of the documents it wrote.
    pub known: Vec<Known>,
}

/// Reads what deciding `docs` needs: which texts are stored, the events
/// their candidates may join and those events' first sources, and the next
/// free ids; with `carry`, the group before overrides what it changed.
///
/// # Errors
/// Any database error.
pub(super) async fn read_snapshot(
    conn: &mut SqliteConnection,
    docs: &[Pending],
    cache: &Mutex<FeatureCache>,
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
    let learned;
    {
        let cached = cache.lock().unwrap_or_else(PoisonError::into_inner);
        learned = cached.learned.clone();
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
    let bands: BTreeSet<i64> = docs
        .iter()
        .filter_map(|(_, p)| p.as_ref())
        .filter(|p| !stored.contains_key(&p.hash))
        .filter_map(|p| p.signature.as_ref())
        .flat_map(|s| s.bands())
        .collect();
    let mut known = carry.map(|c| c.known.clone()).unwrap_or_default();
    known.extend(sharing_bands(conn, &bands).await?);
    Ok(Snapshot {
        stored,
        index,
        sources,
        missing,
        ids,
        known,
        learned,
    })
}

/// The document with this content hash as `conn` sees it, with `created: false`.
///
/// # Errors
/// Any database error.
pub(super) async fn existing_in(conn: &mut SqliteConnection, hash: &str) -> Result<Option<Ingested>, sqlx::Error> {
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
    let copy_of: Option<i64> = sqlx::query_scalar("SELECT copy_of FROM documents WHERE id = ?")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
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
        copy_of,
    }))
}

/// Stored documents with one of these signature bands.
///
/// # Errors
/// Any database error.
async fn sharing_bands(conn: &mut SqliteConnection, bands: &BTreeSet<i64>) -> Result<Vec<Known>, sqlx::Error> {
    let bands: Vec<i64> = bands.iter().copied().collect();
    let mut out: BTreeMap<i64, Known> = BTreeMap::new();
    for chunk in bands.chunks(1000) {
        // A band that many stored documents share is boilerplate (an agency's
        // sign-off, a template), not evidence of copying: counting stops one past
        // the limit, so a crowded band costs a bounded index scan and no rows.
        let sql = format!(
            "WITH v(band) AS (VALUES {}), \
             sparse AS (SELECT v.band FROM v WHERE \
               (SELECT count(*) FROM (SELECT 1 FROM document_bands b WHERE b.band = v.band LIMIT ?)) < ?) \
             SELECT d.id, d.minhash, d.copy_of FROM documents d WHERE d.id IN \
             (SELECT b.document_id FROM document_bands b JOIN sparse s ON b.band = s.band)",
            vec!["(?)"; chunk.len()].join(",")
        );
        let mut q = sqlx::query_as::<Sqlite, (i64, Option<Vec<u8>>, Option<i64>)>(AssertSqlSafe(sql)).persistent(false);
        for b in chunk {
            q = q.bind(*b);
        }
        let limit = MAX_BAND_DOCUMENTS as i64;
        q = q.bind(limit + 1).bind(limit + 1);
        for (id, minhash, copy_of) in q.fetch_all(&mut *conn).await? {
            if let Some(signature) = minhash.as_deref().and_then(Signature::from_bytes) {
                out.insert(id, Known { id, signature, copy_of });
            }
        }
    }
    Ok(out.into_values().collect())
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
