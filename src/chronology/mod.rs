//! Sentences, dated events and their merging across sources.
//!
//! A document's text is split into [`sentences`]; each sentence is folded
//! ([`fold_for_matching`]) and matched against the [`gazetteer`]. Every distinct date the
//! extractor resolved becomes one [`Candidate`] event of the document (the
//! two halves of a pair and a repeated date support the same candidate);
//! durations and unresolved mentions never do. The store then merges
//! candidates into existing events from other documents when the dates are
//! compatible ([`dates`]) and the statements speak of the same thing
//! ([`merge`]).

pub mod assign;
pub mod boilerplate;
pub mod dates;
pub mod dct;
pub mod fold;
pub mod gazetteer;
pub mod labels;
pub mod merge;
pub mod rarity;
pub mod sentences;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

pub use assign::{Choice, Support, Target, assign};
pub use boilerplate::Boilerplate;
pub use dates::{EventDate, Relation};
pub use fold::{fold_for_matching, search_terms, search_terms_of_folded};
pub use gazetteer::{Gazetteer, Script};
pub use merge::{Features, Rule, Score, score, shared_entities};
pub use rarity::Rarity;
pub use sentences::{Sentence, segment};

use crate::extract::{Grain, Mention, Mod};

/// A sentence with its folded text and the gazetteer ids it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnalyzedSentence {
    /// The sentence and its span in the document.
    pub sentence: Sentence,
    /// The text folded for matching ([`fold_for_matching`]); the full-text
    /// index holds its [`search_terms_of_folded`].
    pub folded: String,
    /// Sorted gazetteer ids (`org:nato`, `event:talks`).
    pub entities: Vec<String>,
}

impl AnalyzedSentence {
    /// The entity ids as stored in SQL: space-separated.
    pub fn entities_text(&self) -> String {
        self.entities.join(" ")
    }
}

/// Segments `text` and analyzes each sentence with the built-in gazetteer.
pub fn analyze(text: &str) -> Vec<AnalyzedSentence> {
    let gazetteer = Gazetteer::builtin();
    let mut found = Vec::new();
    segment(text)
        .into_iter()
        .map(|sentence| {
            let folded = fold_for_matching(&sentence.text);
            gazetteer.find_squeezed(&folded, Script::of(&sentence.text), &mut found);
            let entities = found.iter().map(|&i| gazetteer.id(i).to_owned()).collect();
            AnalyzedSentence {
                sentence,
                folded,
                entities,
            }
        })
        .collect()
}

/// Every gazetteer id found in any of the sentences, sorted, space-separated:
/// what a whole document speaks of (`documents.entities`).
pub fn document_entities(sentences: &[AnalyzedSentence]) -> String {
    let ids: BTreeSet<&str> = sentences
        .iter()
        .flat_map(|s| s.entities.iter().map(String::as_str))
        .collect();
    ids.into_iter().collect::<Vec<_>>().join(" ")
}

/// Which sentences contain the start of at least one mention (of any kind:
/// durations and unresolved ones too): the sentences the store keeps.
pub fn dated_sentences(sentences: &[AnalyzedSentence], mentions: &[Mention]) -> Vec<bool> {
    let mut dated = vec![false; sentences.len()];
    for m in mentions {
        if let Some(i) = analyzed_sentence_at(sentences, m.start) {
            dated[i] = true;
        }
    }
    dated
}

/// Index of the analyzed sentence containing code-point offset `pos`, as
/// [`sentences::sentence_at`] (sentences sorted), without copying them.
pub fn analyzed_sentence_at(sentences: &[AnalyzedSentence], pos: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.sentence.end <= pos);
    (i < sentences.len() && sentences[i].sentence.start <= pos).then_some(i)
}

/// Whether a mention can date an event: a DATE or a TIME resolved to days;
/// never a DURATION or a SET, nor a reference with no days (`PAST_REF`).
pub fn is_eventable(m: &Mention) -> bool {
    m.timex.is_placed() && !matches!(m.grain, Grain::Vague) && m.first_day.is_some() && m.last_day.is_some()
}

/// One event a document supports: a distinct date with its mentions.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The date the mentions share.
    pub date: EventDate,
    /// Indices into the mention list, in text order; the first is the primary one.
    pub mentions: Vec<usize>,
    /// Index of the sentence of each mention (same order as `mentions`).
    pub mention_sentences: Vec<usize>,
    /// The title: the primary mention's sentence, or the document title when
    /// that sentence says nothing but the date (a dateline).
    pub title: String,
    /// What the statement is about, over all its sentences.
    pub features: Features,
}

/// Builds the candidate events of one document, in text order.
///
/// `sentences` must come from [`analyze`] on the same text the mentions were
/// found in. Mentions outside every sentence are ignored.
/// Known boilerplate ([`boilerplate::is_known_boilerplate`]) dates nothing.
pub fn candidates(mentions: &[Mention], sentences: &[AnalyzedSentence], doc_title: Option<&str>) -> Vec<Candidate> {
    let known: Vec<bool> = sentences
        .iter()
        .map(|s| boilerplate::is_known_boilerplate(&s.sentence.text, &s.folded))
        .collect();
    candidates_excluding(mentions, sentences, doc_title, &known)
}

/// [`candidates`] with the sentences marked in `excluded` (boilerplate)
/// dating nothing and never giving a title.
pub fn candidates_excluding(
    mentions: &[Mention],
    sentences: &[AnalyzedSentence],
    doc_title: Option<&str>,
    excluded: &[bool],
) -> Vec<Candidate> {
    let skip = |i: usize| excluded.get(i).copied().unwrap_or(false);
    // Key: the days and modifier; conflicting pair halves join their partner.
    let mut groups: BTreeMap<(NaiveDate, NaiveDate, Option<Mod>), Vec<usize>> = BTreeMap::new();
    let mut order: Vec<(NaiveDate, NaiveDate, Option<Mod>)> = Vec::new();
    let mut key_of: Vec<Option<(NaiveDate, NaiveDate, Option<Mod>)>> = vec![None; mentions.len()];
    let mut idx: Vec<usize> = (0..mentions.len()).collect();
    idx.sort_by_key(|&i| (mentions[i].start, i));
    for &i in &idx {
        let m = &mentions[i];
        let Some(si) = analyzed_sentence_at(sentences, m.start).filter(|&i| !skip(i)) else {
            continue;
        };
        if !is_eventable(m) || in_name(&sentences[si], m) {
            continue;
        }
        let partner_key = m
            .pair
            .filter(|_| m.conflict.is_some())
            .and_then(|p| key_of.get(p).cloned().flatten());
        let (Some(first), Some(last)) = (m.first_day, m.last_day) else {
            continue;
        };
        let key = partner_key.unwrap_or((first, last, m.modifier));
        key_of[i] = Some(key);
        let group = groups.entry(key).or_default();
        if group.is_empty() {
            order.push(key);
        }
        group.push(i);
    }
    let gazetteer = Gazetteer::builtin();
    let mut scratch = Scratch::default();
    // Whether each sentence says more than its dates, computed on first need.
    let mut says: Vec<Option<bool>> = vec![None; sentences.len()];
    let mut says_more = |i: usize, scratch: &mut Scratch| {
        *says[i].get_or_insert_with(|| says_more_than_dates(&sentences[i], mentions, scratch))
    };
    let mut out = Vec::with_capacity(order.len());
    for key in order {
        let Some(members) = groups.remove(&key) else {
            continue;
        };
        let primary = &mentions[members[0]];
        let (Some(first_day), Some(last_day)) = (primary.first_day, primary.last_day) else {
            continue;
        };
        let date = EventDate {
            value: primary.value.clone(),
            grain: primary.grain,
            modifier: primary.modifier,
            first_day,
            last_day,
        };
        let mention_sentences: Vec<usize> = members
            .iter()
            .filter_map(|&i| analyzed_sentence_at(sentences, mentions[i].start))
            .collect();
        if mention_sentences.len() != members.len() {
            continue;
        }
        let mut features = Features::default();
        let mut distinct = mention_sentences.clone();
        distinct.sort_unstable();
        distinct.dedup();
        for &s in &distinct {
            features.add_ids(sentences[s].entities.iter().map(String::as_str), &sentences[s].folded);
        }
        let head = mention_sentences[0];
        let title = if says_more(head, &mut scratch) {
            sentences[head].sentence.text.clone()
        } else {
            let fallback = match doc_title
                .map(str::trim)
                .filter(|t| fold::has_content_tokens(&fold_for_matching(t), 2))
            {
                Some(t) => Some(t.to_owned()),
                None => (0..sentences.len())
                    .find(|&i| !skip(i) && says_more(i, &mut scratch))
                    .map(|i| sentences[i].sentence.text.clone()),
            };
            match fallback {
                Some(t) => {
                    let folded = fold_for_matching(&t);
                    gazetteer.find_squeezed(&folded, Script::of(&t), &mut scratch.found);
                    features.add_known(&scratch.found, &folded);
                    t
                }
                None => sentences[head].sentence.text.clone(),
            }
        };
        out.push(Candidate {
            date,
            mentions: members,
            mention_sentences,
            title,
            features,
        });
    }
    out
}

/// Whether mention `m` of sentence `s` is part of a name ([`boilerplate::date_in_name`]).
fn in_name(s: &AnalyzedSentence, m: &Mention) -> bool {
    let text = &s.sentence.text;
    let at = |k: usize| text.char_indices().nth(k).map_or(text.len(), |(b, _)| b);
    let (start, end) = (
        m.start.saturating_sub(s.sentence.start),
        m.end.saturating_sub(s.sentence.start),
    );
    let (a, b) = (at(start), at(end));
    boilerplate::date_in_name(&text[..a], &text[b..])
}

/// What merging learns from the documents seen so far: how rare each word
/// and name is, and each outlet's repeated lines.
#[derive(Clone, Debug, Default)]
pub struct Learned {
    /// How rare each word and name is across the documents seen.
    pub rarity: Rarity,
    /// Each outlet's repeated lines, which say nothing about an event.
    pub boilerplate: Boilerplate,
}

impl Learned {
    /// Takes in one new document: leaves its boilerplate out of its
    /// candidates (built again only when its own pages' repeated lines
    /// reach a dated sentence), then counts what its statements say unless
    /// it is a `copy` of another (a syndicated text would count its words
    /// once per outlet). `page` identifies the document (a hash of its text).
    #[allow(clippy::too_many_arguments)]
    pub fn admit(
        &mut self,
        source: Option<&str>,
        page: u64,
        copy: bool,
        mentions: &[Mention],
        sentences: &[AnalyzedSentence],
        doc_title: Option<&str>,
        candidates: &mut Vec<Candidate>,
    ) {
        let marked = self.boilerplate.mark(source, page, sentences);
        let in_marked = |c: &Candidate| {
            c.mention_sentences
                .iter()
                .any(|&s| marked.get(s).copied().unwrap_or(false))
        };
        if candidates.iter().any(in_marked) {
            *candidates = candidates_excluding(mentions, sentences, doc_title, &marked);
        }
        if copy {
            return;
        }
        let mut all = Features::default();
        for c in candidates.iter() {
            all.absorb(&c.features);
        }
        self.rarity.observe(&all);
    }
}

/// Buffers reused across the sentences of one document.
#[derive(Default)]
struct Scratch {
    word: String,
    spans: Vec<(usize, usize)>,
    found: Vec<u32>,
}

/// True when the sentence has at least three content words outside its date expressions.
fn says_more_than_dates(s: &AnalyzedSentence, mentions: &[Mention], scratch: &mut Scratch) -> bool {
    let (start, end) = (s.sentence.start, s.sentence.end);
    scratch.spans.clear();
    scratch.spans.extend(
        mentions
            .iter()
            .filter(|m| m.start >= start && m.end <= end)
            .map(|m| (m.start - start, m.end - start)),
    );
    if scratch.spans.is_empty() {
        // Nothing to blank out: the folded sentence is what would be folded.
        return fold::has_content_tokens(&s.folded, 3);
    }
    let spans = &scratch.spans;
    let masked = s.sentence.text.chars().enumerate().map(|(k, c)| {
        let blank = spans.iter().any(|&(a, b)| a <= k && k < b);
        if blank { ' ' } else { c }
    });
    fold::folds_to_content_tokens(masked, 3, &mut scratch.word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Calendar;
    use crate::lexicon::Lang;

    fn mention(text: &str, whole: &str, value: &str, grain: Grain, first: &str, last: &str) -> Mention {
        let byte = whole.find(text).expect("mention in text");
        let start = whole[..byte].chars().count();
        Mention {
            start,
            end: start + text.chars().count(),
            text: text.into(),
            value: value.into(),
            timex: crate::extract::TimexType::of_grain(grain),
            modifier: None,
            grain,
            calendar: Calendar::Gregorian,
            lang: Lang::En,
            first_day: first.parse().ok(),
            last_day: last.parse().ok(),
            anchor: None,
            pair: None,
            conflict: None,
        }
    }

    #[test]
    fn one_candidate_per_distinct_date() {
        let text = "Talks in Geneva on 12 January 2022 went well. Both sides met again on 12 January 2022 in Vienna. \
                    The dispute lasted 30 years.";
        let ms = vec![
            mention(
                "12 January 2022",
                text,
                "2022-01-12",
                Grain::Day,
                "2022-01-12",
                "2022-01-12",
            ),
            {
                let mut m = mention(
                    "12 January 2022 in",
                    text,
                    "2022-01-12",
                    Grain::Day,
                    "2022-01-12",
                    "2022-01-12",
                );
                m.start = text.rfind("12 January").map(|b| text[..b].chars().count()).unwrap_or(0);
                m.end = m.start + 15;
                m
            },
            mention("30 years", text, "P30Y", Grain::Duration, "", ""),
        ];
        let sentences = analyze(text);
        let c = candidates(&ms, &sentences, None);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].mentions, vec![0, 1]);
        assert_eq!(c[0].mention_sentences, vec![0, 1]);
        assert!(c[0].title.starts_with("Talks in Geneva"));
        assert!(c[0].features.entities.contains("place:geneva"));
        assert!(c[0].features.entities.contains("place:vienna"));
    }

    #[test]
    fn a_relative_date_belongs_to_its_own_sentence() {
        let text = "Putin and Biden spoke by phone call on 12 January 2022. Written replies will follow next week.";
        let ms = vec![
            mention(
                "12 January 2022",
                text,
                "2022-01-12",
                Grain::Day,
                "2022-01-12",
                "2022-01-12",
            ),
            mention("next week", text, "2022-W03", Grain::Week, "2022-01-17", "2022-01-23"),
        ];
        let c = candidates(&ms, &analyze(text), None);
        assert_eq!(c.len(), 2);
        assert!(c[0].features.entities.contains("event:call"));
        assert!(!c[1].features.entities.contains("event:call") && !c[1].features.entities.contains("person:putin"));
        assert!(c[1].title.starts_with("Written replies"));
    }

    #[test]
    fn a_date_inside_a_name_dates_nothing() {
        let text = "Protesters gathered in Cairo on 12 March 2024 near the 6 October Bridge.";
        let ms = vec![
            mention(
                "12 March 2024",
                text,
                "2024-03-12",
                Grain::Day,
                "2024-03-12",
                "2024-03-12",
            ),
            mention("6 October", text, "2023-10-06", Grain::Day, "2023-10-06", "2023-10-06"),
        ];
        let c = candidates(&ms, &analyze(text), None);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].date.value, "2024-03-12");
    }

    #[test]
    fn dateline_takes_document_title() {
        let text = "12 January 2022\nNATO and Russia held a meeting in Brussels.";
        let ms = vec![mention(
            "12 January 2022",
            text,
            "2022-01-12",
            Grain::Day,
            "2022-01-12",
            "2022-01-12",
        )];
        let c = candidates(&ms, &analyze(text), Some("Council meets in Brussels"));
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].title, "Council meets in Brussels");
        assert!(c[0].features.entities.contains("place:brussels"));
    }
}
