//! Deciding whether two dated statements from different documents speak of
//! the same thing: shared gazetteer entities and event-type words, or strong
//! normalized-token overlap. Dates are compared apart ([`super::dates`]).

use std::fmt;
use std::hash::BuildHasher;
use std::sync::LazyLock;

use super::gazetteer::{EVENT_TYPE, Gazetteer, SPECIFIC, id_flags};

/// A set of gazetteer ids. Ids of the built-in gazetteer are kept as its
/// small indices, so comparing two sets neither hashes nor allocates; other
/// ids (from a database written with another gazetteer) are kept as text.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Entities {
    /// Indices into the built-in gazetteer's sorted ids: sorted, distinct.
    known: Vec<u32>,
    /// The same indices as a bit set (bit `i % 64` of word `i / 64`), so
    /// counting shared ids is a few AND and popcount instructions: merging
    /// compares a new statement with every source of every event on its date.
    bits: Vec<u64>,
    /// Ids the built-in gazetteer does not have: sorted, distinct.
    other: Vec<Box<str>>,
}

impl Entities {
    /// Whether `id` (`place:geneva`) is in the set.
    pub fn contains(&self, id: &str) -> bool {
        match Gazetteer::builtin().index_of(id) {
            Some(i) => self.known.binary_search(&i).is_ok(),
            None => self.other.binary_search_by(|x| (**x).cmp(id)).is_ok(),
        }
    }

    /// Number of distinct ids.
    pub fn len(&self) -> usize {
        self.known.len() + self.other.len()
    }

    /// True when there are no ids.
    pub fn is_empty(&self) -> bool {
        self.known.is_empty() && self.other.is_empty()
    }

    /// The ids in sorted order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let g = Gazetteer::builtin();
        let mut known = self.known.iter().map(move |&i| g.id(i)).peekable();
        let mut other = self.other.iter().map(|s| &**s).peekable();
        std::iter::from_fn(move || match (known.peek(), other.peek()) {
            (Some(k), Some(o)) if o < k => other.next(),
            (Some(_), _) => known.next(),
            (None, _) => other.next(),
        })
    }

    /// Adds ids; the lists are sorted again afterwards.
    fn extend<'a>(&mut self, ids: impl Iterator<Item = &'a str>) {
        let g = Gazetteer::builtin();
        let (known, other) = (self.known.len(), self.other.len());
        for id in ids {
            match g.index_of(id) {
                Some(i) => self.known.push(i),
                None => self.other.push(Box::from(id)),
            }
        }
        if self.known.len() != known {
            self.known.sort_unstable();
            self.known.dedup();
            self.set_bits();
        }
        if self.other.len() != other {
            self.other.sort_unstable();
            self.other.dedup();
        }
    }

    /// Adds built-in gazetteer indices (sorted, distinct).
    fn extend_known(&mut self, ids: &[u32]) {
        if ids.is_empty() {
            return;
        }
        self.known.extend_from_slice(ids);
        self.known.sort_unstable();
        self.known.dedup();
        self.set_bits();
    }

    /// Rebuilds [`Entities::bits`] from [`Entities::known`].
    fn set_bits(&mut self) {
        self.bits.clear();
        for &i in &self.known {
            let word = i as usize / 64;
            if self.bits.len() <= word {
                self.bits.resize(word + 1, 0);
            }
            self.bits[word] |= 1 << (i % 64);
        }
    }
}

impl fmt::Debug for Entities {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<'a> IntoIterator for &'a Entities {
    type Item = &'a str;
    type IntoIter = Box<dyn Iterator<Item = &'a str> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

/// What a dated statement is about: the gazetteer ids and content tokens of
/// its sentences (folded). Tokens are kept as sorted hashes so comparing two
/// statements is a merge of two sorted lists, without allocation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Features {
    pub entities: Entities,
    /// Sorted, distinct hashes of the content tokens.
    tokens: Vec<u64>,
}

/// A fixed seed: the hashes only live in memory, but runs stay repeatable.
const TOKEN_HASHER: foldhash::fast::FixedState = foldhash::fast::FixedState::with_seed(0x7a71_6b68);

fn token_hash(t: &str) -> u64 {
    TOKEN_HASHER.hash_one(t)
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
        self.entities.extend(entities.split_whitespace());
        self.add_tokens(folded);
    }

    /// [`Features::add`] with the entities as built-in gazetteer indices
    /// (sorted, distinct) and a text straight from [`super::fold`].
    pub(crate) fn add_known(&mut self, entities: &[u32], folded: &str) {
        self.entities.extend_known(entities);
        self.add_tokens(folded);
    }

    /// [`Features::add`] with the entity ids as a list.
    pub(crate) fn add_ids<'a>(&mut self, entities: impl Iterator<Item = &'a str>, folded: &str) {
        self.entities.extend(entities.flat_map(str::split_whitespace));
        self.add_tokens(folded);
    }

    fn add_tokens(&mut self, folded: &str) {
        let before = self.tokens.len();
        // About one content token per eight bytes of folded text.
        self.tokens.reserve(folded.len() / 8);
        self.tokens
            .extend(super::fold::content_token_iter(folded).map(token_hash));
        if self.tokens.len() != before {
            self.tokens.sort_unstable();
            self.tokens.dedup();
        }
    }

    /// Number of distinct content tokens.
    pub fn token_count(&self) -> usize {
        self.tokens.len()
    }
}

/// Size of the intersection of two sorted, distinct lists. Branch-free
/// steps (unlike [`each_shared`]): which list advances is unpredictable, and
/// this runs for every pair of statements merging compares.
fn sorted_intersection<T: Ord + Copy>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
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
    /// Shared gazetteer ids, sorted; empty when no rule matched.
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
        self.entity_overlap
            + 0.1 * self.token_overlap
            + if self.rule == Some(Rule::Tokens) {
                self.token_overlap
            } else {
                0.0
            }
    }
}

fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let inter = sorted_intersection(a, b);
    let union = a.len() + b.len() - inter;
    if union == 0 { 0.0 } else { inter as f64 / union as f64 }
}

/// Calls `f` with each element of two sorted, distinct lists that is in both.
fn each_shared<T: Ord + Copy>(x: &[T], y: &[T], mut f: impl FnMut(T)) {
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                f(x[i]);
                i += 1;
                j += 1;
            }
        }
    }
}

/// The built-in gazetteer's event-type and specific ids as bit sets (see
/// [`Entities::bits`]).
static FLAG_BITS: LazyLock<(Vec<u64>, Vec<u64>)> = LazyLock::new(|| {
    let g = Gazetteer::builtin();
    let words = g.len().div_ceil(64);
    let (mut types, mut specific) = (vec![0u64; words], vec![0u64; words]);
    for i in 0..g.len() {
        let flags = g.flags(i as u32);
        if flags & EVENT_TYPE != 0 {
            types[i / 64] |= 1 << (i % 64);
        }
        if flags & SPECIFIC != 0 {
            specific[i / 64] |= 1 << (i % 64);
        }
    }
    (types, specific)
});

/// Shared ids of two sets: how many, how many are event types, how many specific.
fn shared_counts(a: &Entities, b: &Entities) -> (usize, usize, usize) {
    let (type_bits, specific_bits) = &*FLAG_BITS;
    let (mut n, mut types, mut specific) = (0, 0, 0);
    for (w, (x, y)) in a.bits.iter().zip(&b.bits).enumerate() {
        let both = x & y;
        n += both.count_ones() as usize;
        types += (both & type_bits.get(w).copied().unwrap_or(0)).count_ones() as usize;
        specific += (both & specific_bits.get(w).copied().unwrap_or(0)).count_ones() as usize;
    }
    let mut count = |flags: u8| {
        n += 1;
        types += usize::from(flags & EVENT_TYPE != 0);
        specific += usize::from(flags & SPECIFIC != 0);
    };
    if !a.other.is_empty() && !b.other.is_empty() {
        for id in &a.other {
            if b.other.binary_search(id).is_ok() {
                count(id_flags(id));
            }
        }
    }
    (n, types, specific)
}

/// The shared ids of two sets, sorted.
fn shared_ids(a: &Entities, b: &Entities) -> Vec<String> {
    let g = Gazetteer::builtin();
    let mut shared = Vec::new();
    each_shared(&a.known, &b.known, |i| shared.push(g.id(i).to_owned()));
    let known = shared.len();
    shared.extend(
        a.other
            .iter()
            .filter(|id| b.other.binary_search(id).is_ok())
            .map(|id| id.to_string()),
    );
    if shared.len() != known {
        shared.sort_unstable();
    }
    shared
}

/// Compares two statements.
///
/// [`Similarity::shared`] is only filled when a rule matched (it is empty
/// otherwise), so the common case of unrelated statements allocates nothing.
pub fn compare(a: &Features, b: &Features) -> Similarity {
    let mut s = similarity(a, b);
    if s.rule.is_some() {
        s.shared = shared_ids(&a.entities, &b.entities);
    }
    s
}

/// [`compare`] without [`Similarity::shared`] (left empty), which allocates
/// nothing: for ranking many pairs, filling `shared` for the chosen one only
/// ([`shared_entities`]).
pub fn similarity(a: &Features, b: &Features) -> Similarity {
    let (shared, types, specific) = shared_counts(&a.entities, &b.entities);
    let named = shared - types;
    let union = a.entities.len() + b.entities.len() - shared;
    let entity_overlap = if union == 0 { 0.0 } else { shared as f64 / union as f64 };
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
    Similarity {
        shared: Vec::new(),
        entity_overlap,
        token_overlap,
        rule,
    }
}

/// The gazetteer ids two statements share, sorted.
pub fn shared_entities(a: &Features, b: &Features) -> Vec<String> {
    shared_ids(&a.entities, &b.entities)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chronology::fold::fold;
    use crate::chronology::gazetteer::{Gazetteer, is_event_type, is_specific};

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

    /// The comparison over plain string sets.
    fn reference(a: (&str, &str), b: (&str, &str)) -> (Vec<String>, f64, f64, Option<Rule>) {
        use std::collections::BTreeSet;
        let ids = |s: &str| s.split_whitespace().map(str::to_owned).collect::<BTreeSet<String>>();
        let (ea, eb) = (ids(a.0), ids(b.0));
        let shared: Vec<String> = ea.intersection(&eb).cloned().collect();
        let types = shared.iter().filter(|s| is_event_type(s)).count();
        let specific = shared.iter().filter(|s| is_specific(s)).count();
        let union = ea.union(&eb).count();
        let entity_overlap = if union == 0 {
            0.0
        } else {
            shared.len() as f64 / union as f64
        };
        fn tokens(s: &str) -> BTreeSet<&str> {
            crate::chronology::fold::content_tokens(s).into_iter().collect()
        }
        let (ta, tb) = (tokens(a.1), tokens(b.1));
        let inter = ta.intersection(&tb).count();
        let token_union = ta.len() + tb.len() - inter;
        let token_overlap = if token_union == 0 {
            0.0
        } else {
            inter as f64 / token_union as f64
        };
        let rule = if shared.len() - types >= 1 && types >= 1 {
            Some(Rule::EntitiesAndType)
        } else if specific >= 2 {
            Some(Rule::Entities)
        } else if token_overlap >= TOKEN_OVERLAP && ta.len().min(tb.len()) >= MIN_TOKENS {
            Some(Rule::Tokens)
        } else {
            None
        };
        (shared, entity_overlap, token_overlap, rule)
    }

    const IDS: [&str; 10] = [
        "place:geneva",
        "place:vienna",
        "org:nato",
        "person:putin",
        "country:iran",
        "event:talks",
        "event:meeting",
        "place:atlantis",
        "event:picnic",
        "org:unknown",
    ];
    const TOKENS: [&str; 8] = [
        "river",
        "flow",
        "model",
        "joint",
        "team",
        "delivered",
        "ministries",
        "technical",
    ];

    fn picked<'a>(all: &[&'a str], mask: u16) -> Vec<&'a str> {
        all.iter()
            .enumerate()
            .filter(|(i, _)| mask >> i & 1 == 1)
            .map(|(_, s)| *s)
            .collect()
    }

    #[test]
    fn unknown_ids_are_kept() {
        let f = Features::from_parts("place:atlantis org:nato place:atlantis", "");
        assert!(Gazetteer::builtin().index_of("place:atlantis").is_none());
        assert!(f.entities.contains("place:atlantis") && f.entities.contains("org:nato"));
        assert!(!f.entities.contains("place:geneva"));
        assert_eq!(f.entities.iter().collect::<Vec<_>>(), ["org:nato", "place:atlantis"]);
    }

    proptest::proptest! {
        #[test]
        fn compare_agrees_with_reference(ea in 0u16..1024, eb in 0u16..1024, ta in 0u16..256, tb in 0u16..256) {
            let (ia, ib) = (picked(&IDS, ea).join(" "), picked(&IDS, eb).join(" "));
            let (fa, fb) = (picked(&TOKENS, ta).join(" "), picked(&TOKENS, tb).join(" "));
            let (a, b) = (Features::from_parts(&ia, &fa), Features::from_parts(&ib, &fb));
            let s = compare(&a, &b);
            let (shared, entity_overlap, token_overlap, rule) = reference((&ia, &fa), (&ib, &fb));
            proptest::prop_assert_eq!(s.rule, rule);
            proptest::prop_assert_eq!(s.entity_overlap, entity_overlap);
            proptest::prop_assert_eq!(s.token_overlap, token_overlap);
            proptest::prop_assert_eq!(s.shared, if rule.is_some() { shared } else { Vec::new() });
            let mut sorted = picked(&IDS, ea);
            sorted.sort_unstable();
            proptest::prop_assert_eq!(a.entities.iter().collect::<Vec<_>>(), sorted);
            proptest::prop_assert_eq!(a.entities.len(), picked(&IDS, ea).len());
        }
    }
}
