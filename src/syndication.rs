//! Syndicated copies: the same wire story republished by several outlets.
//!
//! A document's signature is a MinHash of its folded four-word shingles
//! (folded as for search: digits, ي/ی, ك/ک, hamza seats, harakat and ZWNJ
//! do not matter, so a copy that re-spells them is still a copy). Two
//! documents whose estimated shingle Jaccard similarity is at least
//! [`COPY_SIMILARITY`] are copies. Candidates are found by locality-sensitive
//! hashing: [`BANDS`] bands of [`ROWS`] values each; documents sharing a band
//! are compared (a pair shares a band with probability 0.985 at similarity
//! 0.8, 0.9998 at 0.9; the five-outlet test's copies are 0.92–1.0). The threshold is high because a signature of 64 values estimates
//! similarity within about ±0.06: short templated reports that differ only
//! in their numbers average 0.29 and reach 0.73 at most (19,900 pairs), a
//! wire story with another outlet's lead-in or sign-off 0.92–1.0.
//!
//! Hashes are fixed (FNV-1a and constant multipliers), so signatures stored
//! by one run compare with the next.

/// Values in a signature.
pub const SIGNATURE_LEN: usize = 64;
/// LSH bands (over the signature's first `BANDS * ROWS` values): each is a
/// row of `document_bands` and an index probe per new document, so they are
/// few.
pub const BANDS: usize = 8;
/// Values per band.
pub const ROWS: usize = 4;
/// Words per shingle.
const SHINGLE_WORDS: usize = 4;
/// Fewer shingles than this: too short to call anything a copy.
const MIN_SHINGLES: usize = 12;
/// Documents sharing one band beyond which the band is boilerplate (a
/// template, an agency's standard paragraph) and no longer looked up: on
/// generated template corpora nearly every band was shared by thousands of
/// documents, each then compared with hundreds.
pub const MAX_BAND_DOCUMENTS: usize = 64;
/// Estimated Jaccard similarity from which a document is a copy.
pub const COPY_SIMILARITY: f64 = 0.8;

/// The multipliers (odd) and offsets of the hash family, from splitmix64.
static PARAMS: std::sync::LazyLock<[(u64, u64); SIGNATURE_LEN]> = std::sync::LazyLock::new(|| {
    let mut p = [(0u64, 0u64); SIGNATURE_LEN];
    for (i, slot) in p.iter_mut().enumerate() {
        *slot = (splitmix(2 * i as u64) | 1, splitmix(2 * i as u64 + 1));
    }
    p
});

/// A document's MinHash signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature(pub [u32; SIGNATURE_LEN]);

/// A 64-bit FNV-1a hash (fixed across runs and platforms).
fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// splitmix64: the fixed multipliers and offsets of the hash family.
fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

impl Signature {
    /// The signature of a text, or None when it has fewer than
    /// `MIN_SHINGLES` shingles (a headline is never a copy). Ingest uses
    /// [`Signature::of_sentences`] on the analysis it already has; this is the same.
    pub fn of(text: &str) -> Option<Signature> {
        Signature::of_sentences(&crate::chronology::analyze(text))
    }

    /// The signature of an analyzed text: shingles of its folded words.
    pub fn of_sentences(sentences: &[crate::chronology::AnalyzedSentence]) -> Option<Signature> {
        // The words search indexes (`chronology::search_terms_of_folded`), so a signature
        // is the same whether computed from the analysis or from the text.
        let bare: Vec<String> = sentences
            .iter()
            .map(|s| crate::chronology::search_terms_of_folded(&s.folded))
            .collect();
        let words: Vec<&str> = bare
            .iter()
            .flat_map(|b| b.split(' '))
            .filter(|w| !w.is_empty())
            .collect();
        if words.len() < SHINGLE_WORDS + MIN_SHINGLES - 1 {
            return None;
        }
        let mut shingles: Vec<u64> = words
            .windows(SHINGLE_WORDS)
            .map(|w| fnv1a(w.iter().flat_map(|s| s.bytes().chain([b' ']))))
            .collect();
        shingles.sort_unstable();
        shingles.dedup();
        let mut sig = [u32::MAX; SIGNATURE_LEN];
        for (slot, &(a, b)) in sig.iter_mut().zip(PARAMS.iter()) {
            // The minimum of one hash function over every shingle.
            let min = shingles
                .iter()
                .map(|&s| (a.wrapping_mul(s).wrapping_add(b) >> 32) as u32)
                .min()
                .unwrap_or(u32::MAX);
            *slot = min;
        }
        Some(Signature(sig))
    }

    /// The estimated Jaccard similarity of the two texts' shingles.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / SIGNATURE_LEN as f64
    }

    /// The LSH keys: one per band, tagged with the band's number.
    pub fn bands(&self) -> [i64; BANDS] {
        let mut out = [0i64; BANDS];
        for (k, chunk) in self.0.chunks(ROWS).take(BANDS).enumerate() {
            let bytes = (k as u32)
                .to_le_bytes()
                .into_iter()
                .chain(chunk.iter().flat_map(|v| v.to_le_bytes()));
            out[k] = fnv1a(bytes) as i64;
        }
        out
    }

    /// The signature as stored (little-endian values).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// A stored signature, or None when the bytes are not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if bytes.len() != SIGNATURE_LEN * 4 {
            return None;
        }
        let mut sig = [0u32; SIGNATURE_LEN];
        for (slot, b) in sig.iter_mut().zip(bytes.chunks_exact(4)) {
            *slot = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        }
        Some(Signature(sig))
    }
}

/// A stored document a new one may be a copy of.
#[derive(Clone, Debug)]
pub struct Known {
    /// The stored document's id.
    pub id: i64,
    /// Its near-copy signature.
    pub signature: Signature,
    /// The original it is itself a copy of.
    pub copy_of: Option<i64>,
}

/// The original `sig` copies among `known`, with the similarity: the most
/// similar document at or over [`COPY_SIMILARITY`] (the earliest on ties),
/// followed to its own original when it is a copy.
pub fn original_of<'a>(sig: &Signature, known: impl IntoIterator<Item = &'a Known>) -> Option<(i64, f64)> {
    known
        .into_iter()
        .map(|k| (k, sig.similarity(&k.signature)))
        .filter(|(_, s)| *s >= COPY_SIMILARITY)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.id.cmp(&a.0.id)))
        .map(|(k, s)| (k.copy_of.unwrap_or(k.id), s))
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The foreign ministers of the five countries met in Geneva on Tuesday and agreed to \
        resume the talks on the water agreement next month, according to a statement issued after the meeting. \
        The statement said experts would prepare a draft before the ministers meet again in Vienna.";

    #[test]
    fn copies_are_similar_and_other_stories_are_not() {
        let a = Signature::of(STORY).expect("long enough");
        let copy = format!("(Example Wire) {STORY} Reporting by the wire desk.");
        let b = Signature::of(&copy).expect("long enough");
        assert!(a.similarity(&b) >= COPY_SIMILARITY, "{}", a.similarity(&b));
        assert!(a.bands().iter().zip(b.bands()).any(|(x, y)| *x == y));
        let other = Signature::of(
            "Heavy rain flooded several districts of the capital on Monday, and the city council closed \
             schools and asked residents to stay at home until the water level drops in the coming days.",
        )
        .expect("long enough");
        assert!(a.similarity(&other) < 0.2, "{}", a.similarity(&other));
        assert_eq!(Signature::from_bytes(&a.to_bytes()), Some(a.clone()));
        assert_eq!(Signature::of("Too short to be a copy of anything."), None);
        let known = [
            Known {
                id: 4,
                signature: b.clone(),
                copy_of: Some(1),
            },
            Known {
                id: 9,
                signature: other,
                copy_of: None,
            },
        ];
        assert_eq!(original_of(&a, &known).map(|(id, _)| id), Some(1));
    }

    #[test]
    fn templated_reports_that_differ_in_their_numbers_are_not_copies() {
        let report = |i: usize| {
            format!(
                "Report {i}: the water commission met in Vienna on {} February 2022 to discuss river flow \
                 number {i}. Officials said the next meeting in Doha would follow on {} March 2022.",
                1 + i % 28,
                1 + (i * 7) % 28
            )
        };
        let sigs: Vec<Signature> = (0..120).filter_map(|i| Signature::of(&report(i))).collect();
        assert_eq!(sigs.len(), 120);
        let most = sigs
            .iter()
            .enumerate()
            .flat_map(|(i, a)| sigs[i + 1..].iter().map(move |b| a.similarity(b)))
            .fold(0.0f64, f64::max);
        assert!(most < COPY_SIMILARITY, "{most}");
    }
}
