//! How rare each gazetteer id and content word is among the documents seen
//! so far: document frequencies, counted as documents are ingested, so that
//! a word or a name most of a day's news shares weighs little when merging.

use std::collections::HashMap;

use super::merge::Features;

/// Fewer documents than this say too little about rarity: every id then
/// weighs the same.
const MIN_DOCS: u32 = 200;
/// An id in this share of documents has its nominal weight ([`Rarity::entity_factor`] 1):
/// a name in one document of fifty is in several stories of every day of a
/// national corpus, so only rarer ones keep their whole weight.
const REFERENCE_SHARE: f64 = 1.0 / 500.0;

type Hasher = foldhash::fast::FixedState;

/// Document frequencies of content-token hashes and gazetteer ids.
#[derive(Clone, Debug, Default)]
pub struct Rarity {
    docs: u32,
    tokens: HashMap<u64, u32, Hasher>,
    entities: HashMap<u32, u32, Hasher>,
}

impl Rarity {
    /// Counts one document: what all its dated statements say together.
    pub fn observe(&mut self, document: &Features) {
        self.docs += 1;
        for &t in document.token_hashes() {
            *self.tokens.entry(t).or_insert(0) += 1;
        }
        for &i in document.entities.known_indices() {
            *self.entities.entry(i).or_insert(0) += 1;
        }
    }

    /// Number of documents counted.
    pub fn documents(&self) -> u32 {
        self.docs
    }

    /// Inverse document frequency, smoothed: `ln(1 + (N + 1) / (df + 1))`.
    fn idf(&self, df: u32) -> f64 {
        (1.0 + f64::from(self.docs + 1) / f64::from(df + 1)).ln()
    }

    /// Weight of a token hash: its inverse document frequency, 1 until
    /// [`MIN_DOCS`] documents are counted.
    fn token_weight(&self, t: u64) -> f64 {
        if self.docs < MIN_DOCS {
            return 1.0;
        }
        self.idf(self.tokens.get(&t).copied().unwrap_or(0))
    }

    /// Multiplier of a gazetteer id's weight: 1 for an id in one document of
    /// five hundred, less for more common ones (0.3 at least), more for rarer ones
    /// (1.5 at most); 1 until [`MIN_DOCS`] documents are counted.
    pub fn entity_factor(&self, index: u32) -> f64 {
        if self.docs < MIN_DOCS {
            return 1.0;
        }
        let df = self.entities.get(&index).copied().unwrap_or(0);
        let reference = self.idf((f64::from(self.docs) * REFERENCE_SHARE) as u32);
        (self.idf(df) / reference).clamp(0.3, 1.5)
    }

    /// Jaccard of two sorted, distinct token-hash lists with each token
    /// weighted by [`Rarity::token_weight`]: 0..1.
    pub(crate) fn weighted_jaccard(&self, a: &[u64], b: &[u64]) -> f64 {
        let (mut i, mut j) = (0, 0);
        let (mut shared, mut union) = (0.0, 0.0);
        while i < a.len() || j < b.len() {
            match (a.get(i), b.get(j)) {
                (Some(&x), Some(&y)) if x == y => {
                    let w = self.token_weight(x);
                    shared += w;
                    union += w;
                    i += 1;
                    j += 1;
                }
                (Some(&x), Some(&y)) if x < y => {
                    union += self.token_weight(x);
                    i += 1;
                }
                (Some(&x), None) => {
                    union += self.token_weight(x);
                    i += 1;
                }
                (_, Some(&y)) => {
                    union += self.token_weight(y);
                    j += 1;
                }
                (None, None) => break,
            }
        }
        if union == 0.0 { 0.0 } else { shared / union }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jaccard_is_plain_before_counting() {
        let r = Rarity::default();
        assert_eq!(r.weighted_jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
        assert_eq!(r.weighted_jaccard(&[], &[]), 0.0);
        assert_eq!(r.weighted_jaccard(&[1], &[1]), 1.0);
    }

    #[test]
    fn common_ids_weigh_less() {
        let mut r = Rarity::default();
        for _ in 0..MIN_DOCS {
            r.observe(&Features::default());
        }
        let common = Features::from_parts("place:london", "");
        let rare = Features::from_parts("person:putin", "");
        for k in 0..2000 {
            r.observe(if k % 1000 == 0 { &rare } else { &common });
        }
        let g = super::super::Gazetteer::builtin();
        let (london, putin) = (g.index_of("place:london"), g.index_of("person:putin"));
        let (Some(london), Some(putin)) = (london, putin) else {
            panic!("ids in the gazetteer");
        };
        assert_eq!(r.entity_factor(london), 0.3);
        assert!(r.entity_factor(putin) > 1.0);
    }
}
