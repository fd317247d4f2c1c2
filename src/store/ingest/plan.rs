//! Deciding a group in memory: for each document in order, which events its
//! candidates join or create, and the rows that store it. Pure: the database
//! was read into a [`Snapshot`] beforehand, and the result is a [`Batch`]
//! of statements to run.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use super::feed::Pending;
use super::prepare::{DocRows, Prepared};
use super::rows::{
    BandRow, DocumentRow, EventRefinedUpdate, EventRow, EventSourcesUpdate, EvidenceRow, MentionRow, MergeRow,
    SentenceRow, Val,
};
use super::snapshot::{Carry, EventIndex, Existing, Ids, MAX_SOURCES_COMPARED, Snapshot, Sources};
use super::write::Batch;
use crate::chronology::{self, Candidate, Choice, EventDate, Learned, Rarity, Relation, Support, Target};
use crate::store::{Ingested, NewDocument, StoreError};
use crate::syndication::{self, Known, MAX_BAND_DOCUMENTS, Signature};

/// A decided group: a result per document, the statements that store it,
/// and what it teaches the feature cache and the next group.
pub(super) struct Plan {
    pub results: Vec<Result<Ingested, StoreError>>,
    pub batch: Batch,
    pub learned: HashMap<i64, Sources>,
    pub carry: Carry,
}

/// The rows a group writes, table by table (events are written from the
/// index at the end, in their final state).
#[derive(Default)]
struct Rows {
    documents: Vec<DocumentRow>,
    sentences: Vec<SentenceRow>,
    mentions: Vec<MentionRow>,
    evidence: Vec<EvidenceRow>,
    merges: Vec<MergeRow>,
    bands: Vec<BandRow>,
}

/// What deciding a group changes as it goes, document after document.
struct GroupState {
    ids: Ids,
    /// The group's timestamp (`ingested_at`, `created_at`).
    now: String,
    index: EventIndex,
    sources: HashMap<i64, Sources>,
    rows: Rows,
    /// Events created or joined by the group.
    touched: BTreeSet<i64>,
    /// Documents new ones may be syndicated copies of: stored ones sharing a
    /// band with the group's, then the group's own, in order.
    known: Vec<Known>,
    /// Indexes into `known` by signature band.
    by_band: HashMap<i64, Vec<usize>>,
    /// Where the group's own documents start in `known`.
    first_own: usize,
}

/// Picks, for each candidate, the event it joins ([`chronology::assign`]),
/// among the events whose dates overlap its own.
fn decide(
    candidates: &[Candidate],
    index: &EventIndex,
    sources: &HashMap<i64, Sources>,
    rarity: &Rarity,
) -> Vec<Option<Choice>> {
    let targets: Vec<Vec<Target<'_>>> = candidates
        .iter()
        .map(|c| {
            index
                .overlapping(c.date.first_day, c.date.last_day)
                .into_iter()
                .filter_map(|id| {
                    let e = index.events.get(&id)?;
                    Some(Target {
                        id,
                        date: &e.date,
                        n_sources: e.n_sources,
                        sources: sources.get(&id)?,
                    })
                })
                .collect()
        })
        .collect();
    chronology::assign(candidates, &targets, rarity)
}

/// Why a candidate joined an event, as stored in `merges.reason`.
fn merge_reason(d: &Choice, before: &EventDate) -> String {
    format!(
        "{} ({}); {}; date {} {}; score {}",
        d.score.rule().as_str(),
        if d.shared.is_empty() {
            "no shared entities".to_string()
        } else {
            d.shared.join(", ")
        },
        match d.support {
            Support::Primary => "matches the primary statement".to_string(),
            Support::Sources { matched, of } => format!("matches {matched} of {of} sources"),
        },
        match d.relation {
            Relation::Equal => "equal",
            Relation::Narrower => "refined from",
            _ => "within",
        },
        before.value,
        d.score.explain()
    )
}

/// The score's parts and what it matched, as stored in `merges.parts`.
fn merge_parts(d: &Choice) -> String {
    let mut parts = serde_json::to_value(&d.score).unwrap_or_default();
    if let Some(map) = parts.as_object_mut() {
        match d.support {
            Support::Primary => {
                map.insert("support".into(), "primary".into());
            }
            Support::Sources { matched, of } => {
                map.insert("support".into(), "sources".into());
                map.insert("matched".into(), matched.into());
                map.insert("of".into(), of.into());
            }
        }
    }
    parts.to_string()
}

impl GroupState {
    /// Makes `k` a possible original for the documents after it.
    fn remember(&mut self, k: Known) {
        for band in k.signature.bands() {
            self.by_band.entry(band).or_default().push(self.known.len());
        }
        self.known.push(k);
    }

    /// The original a document with `signature` copies, if any.
    fn original_of(&self, signature: &Signature) -> Option<(i64, f64)> {
        let mut seen: Vec<usize> = signature
            .bands()
            .iter()
            .filter_map(|b| self.by_band.get(b))
            .filter(|docs| docs.len() <= MAX_BAND_DOCUMENTS)
            .flatten()
            .copied()
            .collect();
        seen.sort_unstable();
        seen.dedup();
        syndication::original_of(signature, seen.iter().map(|&i| &self.known[i]))
    }

    /// Decides the merges of one new document against the group's events,
    /// records its effect on them, and appends its rows. `learned` first
    /// takes the document in: its boilerplate leaves its candidates.
    fn add_document(&mut self, doc: &NewDocument, p: &mut Prepared, learned: &mut Learned) -> Ingested {
        let doc_id = self.ids.document;
        self.ids.document += 1;
        let copy_of = p.signature.as_ref().and_then(|s| self.original_of(s));
        let page = u64::from_str_radix(p.hash.get(..16).unwrap_or("0"), 16).unwrap_or(0);
        learned.admit(
            doc.source.as_deref(),
            page,
            copy_of.is_some(),
            &p.mentions,
            &p.sentences,
            doc.title.as_deref(),
            &mut p.candidates,
        );
        if let Some(sig) = &p.signature {
            self.rows.bands.extend(sig.bands().map(|band| BandRow {
                band,
                document_id: doc_id,
            }));
            self.remember(Known {
                id: doc_id,
                signature: sig.clone(),
                copy_of: copy_of.map(|c| c.0),
            });
        }
        let ids = &mut self.ids;
        let lang = p.lang.code().to_string();
        let mut own = p.rows.take().unwrap_or_else(|| DocRows::build(p));
        self.rows.documents.push(DocumentRow {
            id: doc_id,
            content_hash: p.hash.clone(),
            external_id: doc.external_id.clone(),
            title: doc.title.clone(),
            source: doc.source.clone(),
            url: doc.url.clone(),
            lang: lang.clone(),
            dct: p.dct,
            dct_source: p.dct_source.as_str(),
            dateline_day: p.dateline_day,
            published_at: doc.published_at.clone(),
            ingested_at: self.now.clone(),
            text: doc.text.clone(),
            entities: std::mem::take(&mut own.entities),
            minhash: p.signature.as_ref().map(Signature::to_bytes),
            copy_of,
            dct_given: p.dct_given,
        });

        let first_sentence = ids.sentence;
        ids.sentence += p.sentences.len() as i64;
        let first_mention = ids.mention;
        ids.mention += p.mentions.len() as i64;
        own.place(doc_id, first_sentence, first_mention);
        self.rows.sentences.append(&mut own.sentences);
        self.rows.mentions.append(&mut own.mentions);

        let decisions = decide(&p.candidates, &self.index, &self.sources, &learned.rarity);
        let merge_count = decisions.iter().filter(|d| d.is_some()).count();
        let mut doc_events = Vec::new();
        for (c, decision) in p.candidates.iter().zip(decisions) {
            let features = Arc::new(c.features.clone());
            let event_id = match decision {
                Some(d) => {
                    let before = self
                        .index
                        .events
                        .get(&d.event)
                        .map(|e| e.date.clone())
                        .unwrap_or_else(|| c.date.clone());
                    let after = if d.relation == Relation::Narrower {
                        &c.date
                    } else {
                        &before
                    };
                    self.rows.merges.push(MergeRow {
                        id: self.ids.merge,
                        event_id: d.event,
                        document_id: doc_id,
                        mention_id: first_mention + c.mentions[0] as i64,
                        rule: d.score.rule().as_str(),
                        entities: d.shared.clone(),
                        overlap: d.score.token_overlap,
                        score: d.score.total,
                        reason: merge_reason(&d, &before),
                        value_before: before.value.clone(),
                        value_after: after.value.clone(),
                        created_at: self.now.clone(),
                        parts: merge_parts(&d),
                    });
                    self.ids.merge += 1;
                    if d.relation == Relation::Narrower {
                        // The refining source states the precise date: its sentence becomes the title.
                        self.index.set_date(d.event, c.date.clone());
                    }
                    if let Some(e) = self.index.events.get_mut(&d.event) {
                        // A new document joins each event once: one more source (unless it
                        // is a syndicated copy of one), maybe a new language.
                        if copy_of.is_none() {
                            e.n_sources += 1;
                        }
                        e.langs.insert(lang.clone());
                        if d.relation == Relation::Narrower {
                            e.title = Some((c.title.clone(), lang.clone()));
                        }
                    }
                    let first = self.sources.entry(d.event).or_default();
                    if first.len() < MAX_SOURCES_COMPARED && first.iter().all(|(doc, _)| *doc != doc_id) {
                        first.push((doc_id, features));
                    }
                    d.event
                }
                None => {
                    let id = self.ids.event;
                    self.ids.event += 1;
                    self.index.insert(Existing {
                        id,
                        date: c.date.clone(),
                        n_sources: 1,
                        langs: BTreeSet::from([lang.clone()]),
                        created: true,
                        title: Some((c.title.clone(), lang.clone())),
                    });
                    self.sources.insert(id, vec![(doc_id, features)]);
                    id
                }
            };
            self.touched.insert(event_id);
            doc_events.push(event_id);
            for (k, (&mi, &si)) in c.mentions.iter().zip(&c.mention_sentences).enumerate() {
                let m = &p.mentions[mi];
                let s = &p.sentences[si].sentence;
                self.rows.evidence.push(EvidenceRow {
                    id: self.ids.evidence,
                    event_id,
                    document_id: doc_id,
                    mention_id: first_mention + mi as i64,
                    sentence_id: first_sentence + si as i64,
                    expr_start: (m.start - s.start) as i64,
                    expr_end: (m.end.min(s.end) - s.start) as i64,
                    is_primary: k == 0,
                });
                self.ids.evidence += 1;
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
            copy_of: copy_of.map(|c| c.0),
        }
    }

    /// The statements that store the group, in an order the foreign keys allow.
    fn batch(&mut self, first_sentence: i64) -> Batch {
        let rows = std::mem::take(&mut self.rows);
        let mut batch = Batch::default();
        batch.insert(rows.documents);
        batch.insert(rows.bands);
        batch.insert(rows.sentences);
        if self.ids.sentence > first_sentence {
            batch.push(
                "INSERT INTO sentence_fts (rowid, folded) SELECT id, folded FROM sentences WHERE id BETWEEN ? AND ?",
                [Val::Int(first_sentence), Val::Int(self.ids.sentence - 1)],
            );
        }
        batch.insert(rows.mentions);
        let (mut new_events, mut counts, mut refined) = (Vec::new(), Vec::new(), Vec::new());
        for id in &self.touched {
            let Some(e) = self.index.events.get(id) else {
                continue;
            };
            let langs = e.langs.iter().map(String::as_str).collect::<Vec<_>>().join(",");
            if e.created {
                let (title, title_lang) = e.title.clone().unwrap_or_default();
                new_events.push(EventRow {
                    id: e.id,
                    date: e.date.clone(),
                    title,
                    title_lang,
                    n_sources: e.n_sources,
                    langs,
                    created_at: self.now.clone(),
                });
            } else {
                counts.push(EventSourcesUpdate {
                    id: e.id,
                    n_sources: e.n_sources,
                    langs,
                });
                if let Some((title, title_lang)) = &e.title {
                    refined.push(EventRefinedUpdate {
                        id: e.id,
                        title: title.clone(),
                        title_lang: title_lang.clone(),
                        date: e.date.clone(),
                    });
                }
            }
        }
        batch.insert(new_events);
        batch.update(counts);
        batch.update(refined);
        batch.insert(rows.evidence);
        batch.insert(rows.merges);
        batch
    }
}

/// Decides every document of a group in order (a document sees the ones
/// before it, as after their commits) and builds the statements that store
/// them, stamped `now`. CPU only: the database was read into `snap`.
pub(super) fn plan_group(docs: &mut [Pending], snap: Snapshot, now: &str) -> Plan {
    let Snapshot {
        stored,
        index,
        sources,
        missing,
        ids,
        known,
        learned,
    } = snap;
    let mut learned = learned.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let first_sentence = ids.sentence;
    let mut state = GroupState {
        ids,
        now: now.to_string(),
        index,
        sources,
        rows: Rows::default(),
        touched: BTreeSet::new(),
        known: Vec::new(),
        by_band: HashMap::new(),
        first_own: 0,
    };
    for k in known {
        state.remember(k);
    }
    state.first_own = state.known.len();
    let mut results: Vec<Result<Ingested, StoreError>> = Vec::with_capacity(docs.len());
    let mut written: HashMap<String, usize> = HashMap::new();
    for (doc, prepared) in docs.iter_mut() {
        let Some(p) = prepared.as_mut() else {
            results.push(Err(StoreError::EmptyText));
            continue;
        };
        if let Some(found) = stored.get(&p.hash) {
            results.push(Ok(found.clone()));
            continue;
        }
        if let Some(Ok(copy)) = written.get(&p.hash).map(|&first| &results[first]) {
            // The same text earlier in this group.
            let copy = Ingested {
                created: false,
                merges: 0,
                ..copy.clone()
            };
            results.push(Ok(copy));
            continue;
        }
        written.insert(p.hash.clone(), results.len());
        results.push(Ok(state.add_document(doc, p, &mut learned)));
    }
    let batch = state.batch(first_sentence);
    let GroupState {
        ids,
        index,
        mut sources,
        touched,
        mut known,
        first_own,
        ..
    } = state;
    let own_known = known.split_off(first_own);
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
        known: own_known,
    };
    Plan {
        results,
        batch,
        learned,
        carry,
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::super::prepare::{content_hash, prepare};
    use super::*;
    use crate::lexicon::Lang;

    fn pending(text: &str, lang: Lang) -> Pending {
        let doc = NewDocument {
            text: text.to_string(),
            lang: Some(lang),
            dct: NaiveDate::from_ymd_opt(2022, 1, 13).and_then(|d| d.and_hms_opt(0, 0, 0)),
            ..NewDocument::default()
        };
        let p = (!text.trim().is_empty()).then(|| prepare(&doc, content_hash(text)));
        (doc, p)
    }

    fn empty_snapshot() -> Snapshot {
        Snapshot {
            stored: HashMap::new(),
            index: EventIndex::default(),
            sources: HashMap::new(),
            missing: Vec::new(),
            ids: Ids::first(),
            known: Vec::new(),
            learned: Default::default(),
        }
    }

    const FA: &str = "مذاکرات ایران و عراق درباره آب در ژنو روز ۲۲ دی ۱۴۰۰ برگزار شد.";
    const EN: &str = "Iran and Iraq held water talks in Geneva on 12 January 2022.";
    const OTHER: &str = "A storm closed the port of Doha on 12 January 2022.";

    #[test]
    fn a_group_is_decided_in_memory_document_after_document() {
        let mut docs = vec![
            pending(FA, Lang::Fa),
            pending(" ", Lang::En),
            pending(EN, Lang::En),
            pending(FA, Lang::Fa),
            pending(OTHER, Lang::En),
        ];
        let plan = plan_group(&mut docs, empty_snapshot(), "2026-01-01T00:00:00Z");
        let r: Vec<&Ingested> = plan.results.iter().filter_map(|r| r.as_ref().ok()).collect();
        assert!(matches!(plan.results[1], Err(StoreError::EmptyText)));
        assert_eq!(r.len(), 4);
        let (fa, en, again, other) = (r[0], r[1], r[2], r[3]);
        assert_eq!((fa.document_id, en.document_id, other.document_id), (1, 2, 3));
        // The English report joins the Persian one's event; the repeat is the first copy.
        assert_eq!(en.merges, 1);
        assert_eq!(en.events, fa.events);
        assert!(!again.created);
        assert_eq!(again.document_id, fa.document_id);
        // Same day, another story: a new event.
        assert_eq!(other.merges, 0);
        assert_ne!(other.events, fa.events);
        // The next group continues from here.
        assert_eq!(plan.carry.ids.document, 4);
        assert_eq!(plan.carry.ids.event, 3);
        assert_eq!(plan.carry.written.len(), 3);
        let joined = plan
            .carry
            .events
            .iter()
            .find(|e| e.id == fa.events[0])
            .expect("carried event");
        assert_eq!(joined.n_sources, 2);
        assert_eq!(
            joined.langs.iter().map(String::as_str).collect::<Vec<_>>(),
            ["en", "fa"]
        );
        let mut tables: Vec<&str> = plan
            .batch
            .shapes()
            .iter()
            .map(|(sql, _)| sql.split_whitespace().nth(2).unwrap_or(""))
            .collect();
        tables.dedup();
        assert_eq!(
            tables,
            [
                "documents",
                "sentences",
                "sentence_fts",
                "mentions",
                "events",
                "evidence",
                "merges"
            ]
        );
    }

    #[test]
    fn a_stored_text_is_not_planned_again() {
        let mut docs = vec![pending(EN, Lang::En)];
        let mut snap = empty_snapshot();
        let stored = Ingested {
            document_id: 7,
            created: false,
            mentions: Vec::new(),
            events: vec![3],
            merges: 0,
            copy_of: None,
        };
        snap.stored.insert(content_hash(EN), stored.clone());
        let plan = plan_group(&mut docs, snap, "2026-01-01T00:00:00Z");
        assert_eq!(plan.results.len(), 1);
        assert_eq!(plan.results[0].as_ref().ok(), Some(&stored));
        assert!(plan.batch.shapes().is_empty());
        assert!(plan.carry.written.is_empty());
    }

    #[test]
    fn statements_have_one_placeholder_per_bound_value() {
        let mut docs = vec![pending(FA, Lang::Fa), pending(EN, Lang::En)];
        let plan = plan_group(&mut docs, empty_snapshot(), "2026-01-01T00:00:00Z");
        for (sql, args) in plan.batch.shapes() {
            assert_eq!(sql.matches('?').count(), args, "{sql}");
        }
    }
}
