//! What is computed for a document before its transaction, off the writer's
//! path: language, dates, sentences, candidate events and the sentence and
//! mention rows.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use sha2::{Digest, Sha256};

use super::rows::{MentionRow, SentenceRow};
use crate::chronology::{self, AnalyzedSentence, Candidate};
use crate::extract::{self, Mention};
use crate::lexicon::{self, Lang};
use crate::store::NewDocument;
use crate::syndication::Signature;

/// The sha256 of a text, in hex: what makes the same article twice one document.
pub(super) fn content_hash(text: &str) -> String {
    format!("{:x}", Sha256::digest(text.as_bytes()))
}

/// Where a document's DCT came from (`documents.dct_source`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum DctSource {
    /// Given with the document.
    Given,
    /// Read from the dateline at the top of the text.
    Dateline,
    /// Neither: relative dates stay unresolved.
    None,
}

impl DctSource {
    /// The stored name.
    pub(super) fn as_str(self) -> &'static str {
        match self {
            DctSource::Given => "given",
            DctSource::Dateline => "dateline",
            DctSource::None => "none",
        }
    }
}

/// Everything computed before the transaction.
pub(super) struct Prepared {
    pub hash: String,
    pub lang: Lang,
    pub dct: Option<NaiveDateTime>,
    pub dct_source: DctSource,
    /// The given DCT, when the text's stated weekday moved it.
    pub dct_given: Option<NaiveDateTime>,
    pub dateline_day: Option<NaiveDate>,
    pub mentions: Vec<Mention>,
    pub sentences: Vec<AnalyzedSentence>,
    pub candidates: Vec<Candidate>,
    /// The sentence and mention rows, built with the analysis (off the
    /// writer's path), ids relative to the document (see [`DocRows::place`]);
    /// taken by the write, built again if a failed group is retried.
    pub rows: Option<DocRows>,
    /// What syndicated copies of it look like (None: too short to judge, or no candidate event).
    pub signature: Option<Signature>,
}

/// A document's sentence and mention rows, with ids counted from 0 within
/// the document and the document id left 0.
pub(super) struct DocRows {
    /// Every gazetteer id of the document (`documents.entities`).
    pub entities: String,
    /// Only the sentences that contain a date mention (see [`DocRows::build`]).
    pub sentences: Vec<SentenceRow>,
    pub mentions: Vec<MentionRow>,
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
    pub(super) fn build(p: &Prepared) -> DocRows {
        let dated = chronology::dated_sentences(&p.sentences, &p.mentions);
        let sentences = p
            .sentences
            .iter()
            .enumerate()
            .filter(|&(i, _)| dated[i])
            .map(|(i, s)| SentenceRow {
                id: i as i64,
                document_id: 0,
                ordinal: i as i64,
                span_start: s.sentence.start as i64,
                span_end: s.sentence.end as i64,
                text: s.sentence.text.clone(),
                folded: chronology::search_terms_of_folded(&s.folded),
                entities: s.entities_text(),
            })
            .collect();
        let mentions = p
            .mentions
            .iter()
            .enumerate()
            .map(|(i, m)| MentionRow {
                id: i as i64,
                document_id: 0,
                ordinal: i as i64,
                sentence_id: chronology::analyzed_sentence_at(&p.sentences, m.start).map(|s| s as i64),
                mention: m.clone(),
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
    pub(super) fn place(&mut self, document: i64, first_sentence: i64, first_mention: i64) {
        for row in &mut self.sentences {
            row.id += first_sentence;
            row.document_id = document;
        }
        for row in &mut self.mentions {
            row.id += first_mention;
            row.document_id = document;
            if let Some(s) = row.sentence_id.as_mut() {
                *s += first_sentence;
            }
        }
    }
}

/// The days the store holds: years 1–9999, the range of its four-digit
/// `YYYY-MM-DD` columns (and of every calendar's supported years).
pub(super) fn storable(d: NaiveDate) -> bool {
    (1..=9999).contains(&d.year())
}

/// `mentions` without those whose days fall outside [`storable`] years
/// (`9999/12/31 - tomorrow` resolves into year 10000): each is dropped with a
/// warning, and the `pair` links of the rest are renumbered.
pub(super) fn storable_mentions(mentions: Vec<Mention>) -> Vec<Mention> {
    let keep: Vec<bool> = mentions
        .iter()
        .map(|m| m.first_day.is_none_or(storable) && m.last_day.is_none_or(storable))
        .collect();
    if keep.iter().all(|k| *k) {
        return mentions;
    }
    let mut new_index = Vec::with_capacity(keep.len());
    let mut n = 0;
    for k in &keep {
        new_index.push(k.then_some(n));
        n += usize::from(*k);
    }
    mentions
        .into_iter()
        .zip(keep)
        .filter_map(|(mut m, k)| {
            if !k {
                tracing::warn!(
                    text = %m.text,
                    value = %m.value,
                    "date mention outside years 1-9999 not stored"
                );
                return None;
            }
            m.pair = m.pair.and_then(|p| new_index.get(p).copied().flatten());
            Some(m)
        })
        .collect()
}

/// Extracts and analyzes `doc` (whose content hash is `hash`).
pub(super) fn prepare(doc: &NewDocument, hash: String) -> Prepared {
    let lang = doc.lang.unwrap_or_else(|| lexicon::detect_lang(&doc.text));
    // A lead that says what weekday today is outweighs a given date of another weekday.
    let corrected = doc
        .dct
        .filter(|t| storable(t.date()))
        .and_then(|t| chronology::dct::corrected_dct(&doc.text, t))
        .filter(|t| storable(t.date()));
    let given = corrected.or(doc.dct);
    let found = extract::extract(
        &doc.text,
        &extract::Options {
            dct: given,
            lang: Some(lang),
            ..extract::Options::default()
        },
    );
    // The dateline is read once: without a given DCT it is the one the extractor
    // used; with one, it is still stored (`dateline_day`), so it is read here.
    let dateline = match given {
        None => found.dct,
        Some(_) => extract::dateline(&doc.text, lang),
    }
    .filter(|t| storable(t.date()));
    let mentions = storable_mentions(found.mentions);
    let dateline_day = dateline.map(|t| t.date());
    let (dct, dct_source) = match (doc.dct, dateline) {
        (Some(t), _) if storable(t.date()) => (Some(corrected.unwrap_or(t)), DctSource::Given),
        (Some(_), _) => (None, DctSource::None),
        (None, Some(t)) => (Some(t), DctSource::Dateline),
        (None, None) => (None, DctSource::None),
    };
    let sentences = chronology::analyze(&doc.text);
    let candidates = chronology::candidates(&mentions, &sentences, doc.title.as_deref());
    let mut p = Prepared {
        hash,
        lang,
        dct,
        dct_source,
        dct_given: corrected.and(doc.dct),
        dateline_day,
        mentions,
        sentences,
        candidates,
        rows: None,
        signature: None,
    };
    p.rows = Some(DocRows::build(&p));
    // Copies matter only for the events they support: a text with no
    // candidate event is never compared (nor is its copy, which has none either).
    if !p.candidates.is_empty() {
        p.signature = Signature::of_sentences(&p.sentences);
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Calendar;
    use crate::extract::Grain;

    fn mention(text: &str, day: &str, pair: Option<usize>) -> Mention {
        let d: Option<NaiveDate> = day.parse().ok();
        Mention {
            start: 0,
            end: text.chars().count(),
            text: text.into(),
            value: day.into(),
            timex: crate::extract::TimexType::Date,
            modifier: None,
            grain: Grain::Day,
            calendar: Calendar::Gregorian,
            lang: Lang::En,
            first_day: d,
            last_day: d,
            anchor: None,
            pair,
            conflict: None,
        }
    }

    #[test]
    fn mentions_past_year_9999_are_dropped_and_pairs_renumbered() {
        let beyond = NaiveDate::from_ymd_opt(10_000, 1, 1).expect("chrono holds year 10000");
        let mut far = mention("tomorrow", "", None);
        far.first_day = Some(beyond);
        far.last_day = Some(beyond);
        let kept = storable_mentions(vec![
            mention("a", "2022-01-12", Some(2)),
            far,
            mention("b", "2022-01-12", Some(0)),
            mention("c", "9999-12-31", None),
        ]);
        let texts: Vec<&str> = kept.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, ["a", "b", "c"]);
        assert_eq!(kept[0].pair, Some(1));
        assert_eq!(kept[1].pair, Some(0));
    }
}
