//! Which existing event each dated statement of a new document joins.
//!
//! A statement joins an event when it reports the same happening as the
//! event as a whole: as its primary statement (its first source), or as
//! most of its first sources together. Matching one source that matched
//! another is not enough, so unrelated stories never chain into one event.
//! A month, week or year joins a single-day event (and the reverse), or
//! another coarse event, only when the statements clearly speak of the same
//! happening.

use std::sync::Arc;

use super::Candidate;
use super::dates::{EventDate, Relation};
use super::merge::{Features, Score, score, shared_entities};
use super::rarity::Rarity;
use crate::extract::Grain;

/// An existing event a candidate may join.
#[derive(Clone, Copy, Debug)]
pub struct Target<'a> {
    /// The event's id.
    pub id: i64,
    /// Its current date.
    pub date: &'a EventDate,
    /// Distinct documents that support it now.
    pub n_sources: i64,
    /// Its first sources (document, what its statements say), primary first.
    pub sources: &'a [(i64, Arc<Features>)],
}

/// How a statement matched an event.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Support {
    /// The event's primary statement.
    Primary,
    /// This many of its compared sources (most of them, at least two).
    Sources {
        /// Sources whose statement matched.
        matched: usize,
        /// Sources compared.
        of: usize,
    },
}

/// A decided merge of a candidate into an event.
#[derive(Clone, Debug)]
pub struct Choice {
    /// The event joined.
    pub event: i64,
    /// How the candidate's date relates to the event's (same, more precise, ...).
    pub relation: Relation,
    /// The score against the primary statement, or the best among the
    /// sources that matched.
    pub score: Score,
    /// Which of the event's statements the candidate matched.
    pub support: Support,
    /// Gazetteer ids shared with the statement scored.
    pub shared: Vec<String>,
}

/// Whether a date is a single day (or a time on it).
fn single_day(d: &EventDate) -> bool {
    d.first_day == d.last_day
}

/// Whether a date is coarse: a week, month, year or decade, or a week long
/// or longer (after START/MID/END narrowing).
fn coarse(d: &EventDate) -> bool {
    let (first, last) = d.effective_span();
    matches!(d.grain, Grain::Week | Grain::Month | Grain::Year | Grain::Decade) || (last - first).num_days() >= 6
}

/// Whether one date is a single day and the other coarse, or both are
/// coarse: such dates only merge when the statements clearly report the same
/// happening (a month or a season is mentioned by many stories in passing).
fn mixed_grain(a: &EventDate, b: &EventDate) -> bool {
    (single_day(a) && coarse(b)) || (single_day(b) && coarse(a)) || (coarse(a) && coarse(b))
}

/// How `c` matches the event `t` with date relation `relation`, if it does.
fn matches(c: &Features, t: &Target<'_>, strict: bool, rarity: &Rarity) -> Option<(Score, Support, usize)> {
    let passes = |s: &Score| {
        if strict {
            s.clearly_same_happening()
        } else {
            s.same_happening()
        }
    };
    let scores: Vec<Score> = t.sources.iter().map(|(_, f)| score(c, f, rarity)).collect();
    let primary = scores.first()?;
    if passes(primary) {
        return Some((primary.clone(), Support::Primary, 0));
    }
    let matched = scores.iter().filter(|s| passes(s)).count();
    if matched >= 2 && 2 * matched >= scores.len() {
        let (best, s) = scores
            .iter()
            .enumerate()
            .filter(|(_, s)| passes(s))
            .max_by(|a, b| a.1.total.total_cmp(&b.1.total))?;
        return Some((
            s.clone(),
            Support::Sources {
                matched,
                of: scores.len(),
            },
            best,
        ));
    }
    None
}

/// Picks, for each candidate, the best compatible event that reports the
/// same happening; each event is joined by at most one candidate of the
/// document. `targets[i]` are the events whose dates overlap candidate `i`.
pub fn assign(candidates: &[Candidate], targets: &[Vec<Target<'_>>], rarity: &Rarity) -> Vec<Option<Choice>> {
    let mut options = Vec::new();
    for (ci, (c, ts)) in candidates.iter().zip(targets).enumerate() {
        for t in ts {
            let relation = c.date.relation_to(t.date);
            if relation == Relation::Incompatible {
                continue;
            }
            let strict = mixed_grain(&c.date, t.date);
            let Some((s, support, source)) = matches(&c.features, t, strict, rarity) else {
                continue;
            };
            let bonus = if relation == Relation::Equal { 0.2 } else { 0.0 };
            options.push((
                s.total + bonus,
                t.n_sources,
                t.date.first_day,
                t.id,
                ci,
                relation,
                s,
                support,
                t,
                source,
            ));
        }
    }
    options.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
            .then(a.4.cmp(&b.4))
    });
    let mut out: Vec<Option<Choice>> = candidates.iter().map(|_| None).collect();
    let mut taken = std::collections::BTreeSet::new();
    for (_, _, _, event, ci, relation, score, support, t, source) in options {
        if out[ci].is_some() || !taken.insert(event) {
            continue;
        }
        let shared = t
            .sources
            .get(source)
            .map(|(_, f)| shared_entities(&candidates[ci].features, f))
            .unwrap_or_default();
        out[ci] = Some(Choice {
            event,
            relation,
            score,
            support,
            shared,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chronology::Script;
    use crate::chronology::dates::tests_support::event_date;
    use crate::chronology::fold::fold_for_matching;
    use crate::chronology::gazetteer::Gazetteer;

    fn features(text: &str) -> Arc<Features> {
        let folded = fold_for_matching(text);
        let ids: Vec<String> = Gazetteer::builtin()
            .find(&folded, Script::of(text))
            .into_iter()
            .collect();
        Arc::new(Features::from_parts(&ids.join(" "), &folded))
    }

    fn candidate(date: EventDate, text: &str) -> Candidate {
        Candidate {
            date,
            mentions: vec![0],
            mention_sentences: vec![0],
            title: text.into(),
            features: (*features(text)).clone(),
        }
    }

    fn day(d: &str) -> EventDate {
        event_date(d, Grain::Day, None, d, d)
    }

    #[test]
    fn no_chaining_through_one_source() {
        // The event: Putin and Erdogan talks; a second source adds Brent crude.
        let date = day("2015-07-22");
        let sources = vec![
            (
                1,
                features("Putin and Erdogan held talks in Moscow about the gas pipeline."),
            ),
            (
                2,
                features("Putin and Erdogan held talks; Brent crude prices rose after OPEC ministers spoke."),
            ),
            (
                3,
                features("Putin and Erdogan talks in Moscow on the gas pipeline ended."),
            ),
        ];
        let targets = vec![vec![Target {
            id: 7,
            date: &date,
            n_sources: 3,
            sources: &sources,
        }]];
        let oil = candidate(
            day("2015-07-22"),
            "Brent crude prices rose after OPEC ministers spoke in Vienna.",
        );
        assert!(assign(std::slice::from_ref(&oil), &targets, &Rarity::default())[0].is_none());
        let same = candidate(
            day("2015-07-22"),
            "پوتین و اردوغان در مسکو درباره خط لوله گاز گفتگو کردند.",
        );
        let choice = assign(std::slice::from_ref(&same), &targets, &Rarity::default())[0].clone();
        assert_eq!(choice.map(|c| (c.event, c.support)), Some((7, Support::Primary)));
    }

    #[test]
    fn a_month_joins_a_day_only_when_clearly_the_same() {
        let date = day("2015-08-12");
        let sources = vec![(
            1,
            features("Al-Hilal beat Al-Nassr in the Saudi Super Cup final in London."),
        )];
        let targets = vec![vec![Target {
            id: 3,
            date: &date,
            n_sources: 1,
            sources: &sources,
        }]];
        let month = event_date("2015-08", Grain::Month, None, "2015-08-01", "2015-08-31");
        let passing = candidate(
            month.clone(),
            "Several super cup matches are played in London in August.",
        );
        assert!(assign(std::slice::from_ref(&passing), &targets, &Rarity::default())[0].is_none());
        let same = candidate(
            month,
            "Al-Hilal beat Al-Nassr in the Saudi Super Cup final in London in August.",
        );
        assert!(assign(std::slice::from_ref(&same), &targets, &Rarity::default())[0].is_some());
    }

    #[test]
    fn two_months_merge_only_when_clearly_the_same() {
        let july = event_date("2015-07", Grain::Month, None, "2015-07-01", "2015-07-31");
        let sources = vec![(
            1,
            features("Pakistan hosted talks between the Taliban and Kabul in July."),
        )];
        let targets = vec![vec![Target {
            id: 5,
            date: &july,
            n_sources: 1,
            sources: &sources,
        }]];
        let passing = candidate(july.clone(), "Kabul hosted a trade fair in July.");
        assert!(assign(std::slice::from_ref(&passing), &targets, &Rarity::default())[0].is_none());
    }
}
