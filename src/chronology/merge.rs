//! Deciding whether two dated statements from different documents speak of
//! the same thing: shared gazetteer entities and event-type words, or strong
//! normalized-token overlap. Dates are compared apart ([`super::dates`]).

use std::collections::BTreeSet;
use std::hash::{Hash, Hasher};

use super::gazetteer::{is_event_type, is_specific};

/// What a dated statement is about: the gazetteer ids and content tokens of
/// its sentences (folded). Tokens are kept as sorted hashes so comparing two
/// statements is a merge of two sorted lists, without allocation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Features {
    pub entities: BTreeSet<String>,
    /// Sorted, distinct hashes of the content tokens.
    tokens: Vec<u64>,
}

fn token_hash(t: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    t.hash(&mut h);
    h.finish()
}

impl Features {
    /// Features from space-separated entity ids and a folded text.
    pub fn from_parts(entities: &str, folded: &str) -> Features {
        let mut f = Features::default();
        f.add(entities, folded);
        f
    }

    /// Adds another sentence's entities and tokens.
    pub fn add(&mut self, entities: &str, folded: &str) {
        self.entities.extend(entities.split_whitespace().map(str::to_owned));
        self.tokens.extend(super::fold::content_tokens(folded).into_iter().map(token_hash));
        self.tokens.sort_unstable();
        self.tokens.dedup();
    }

    /// Number of distinct content tokens.
    pub fn token_count(&self) -> usize {
        self.tokens.len()
    }
}

/// Size of the intersection of two sorted, distinct lists.
fn sorted_intersection<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Which rule made two statements the same thing.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    /// At least one shared named entity and one shared event-type word.
    EntitiesAndType,
    /// At least two shared specific entities (places, organizations, people).
    Entities,
    /// Jaccard overlap of content tokens of at least [`TOKEN_OVERLAP`].
    Tokens,
}

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::EntitiesAndType => "entities+type",
            Rule::Entities => "entities",
            Rule::Tokens => "tokens",
        }
    }
}

/// Token overlap (Jaccard) above which two statements are the same thing
/// even without shared entities.
pub const TOKEN_OVERLAP: f64 = 0.5;
/// Fewest content tokens a statement needs for the token rule.
const MIN_TOKENS: usize = 4;

/// How similar two statements are.
#[derive(Clone, Debug, PartialEq)]
pub struct Similarity {
    /// Shared gazetteer ids, sorted.
    pub shared: Vec<String>,
    /// Jaccard of the gazetteer id sets.
    pub entity_overlap: f64,
    /// Jaccard of the content-token sets.
    pub token_overlap: f64,
    /// The rule that makes them the same thing, if any.
    pub rule: Option<Rule>,
}

impl Similarity {
    /// A ranking score: entity overlap first, token overlap as a tie-breaker.
    pub fn score(&self) -> f64 {
        self.entity_overlap + 0.1 * self.token_overlap + if self.rule == Some(Rule::Tokens) { self.token_overlap } else { 0.0 }
    }
}

fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let inter = sorted_intersection(a, b);
    let union = a.len() + b.len() - inter;
    if union == 0 { 0.0 } else { inter as f64 / union as f64 }
}

/// Compares two statements.
pub fn compare(a: &Features, b: &Features) -> Similarity {
    let shared: Vec<String> = a.entities.intersection(&b.entities).cloned().collect();
    let types = shared.iter().filter(|s| is_event_type(s)).count();
    let named = shared.len() - types;
    let specific = shared.iter().filter(|s| is_specific(s)).count();
    let union = a.entities.union(&b.entities).count();
    let entity_overlap = if union == 0 { 0.0 } else { shared.len() as f64 / union as f64 };
    let token_overlap = jaccard(&a.tokens, &b.tokens);
    let rule = if named >= 1 && types >= 1 {
        Some(Rule::EntitiesAndType)
    } else if specific >= 2 {
        Some(Rule::Entities)
    } else if token_overlap >= TOKEN_OVERLAP && a.tokens.len().min(b.tokens.len()) >= MIN_TOKENS {
        Some(Rule::Tokens)
    } else {
        None
    };
    Similarity { shared, entity_overlap, token_overlap, rule }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chronology::fold::fold;
    use crate::chronology::gazetteer::Gazetteer;

    fn features(text: &str) -> Features {
        let folded = fold(text);
        let ids: Vec<String> = Gazetteer::builtin().find(&folded).into_iter().collect();
        Features::from_parts(&ids.join(" "), &folded)
    }

    #[test]
    fn same_talks_across_languages() {
        let fa = features("مذاکرات ایران و عراق در ژنو برگزار شد.");
        let ar = features("عقدت في جنيف محادثات بين العراق وإيران.");
        let s = compare(&fa, &ar);
        assert_eq!(s.rule, Some(Rule::EntitiesAndType));
        assert!(s.shared.contains(&"place:geneva".to_string()));
    }

    #[test]
    fn same_date_different_story() {
        let a = features("NATO and Russia met in Brussels.");
        let b = features("A storm closed the port of Doha.");
        assert_eq!(compare(&a, &b).rule, None);
        // Sharing only a country and no event word is not enough.
        let c = features("Russia launched a satellite.");
        let d = features("Russia and NATO held a meeting.");
        assert_eq!(compare(&c, &d).rule, None);
    }

    #[test]
    fn token_overlap_without_entities() {
        let a = features("The river flow model was delivered to both ministries by the joint technical team");
        let b = features("The joint technical team delivered the river flow model to both ministries");
        let s = compare(&a, &b);
        assert_eq!(s.rule, Some(Rule::Tokens));
        assert!(s.token_overlap >= TOKEN_OVERLAP);
    }
}
