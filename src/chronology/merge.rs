//! Deciding whether two dated statements from different documents speak of
//! the same happening: one score, summed from what they share — people,
//! organizations and places weighted over countries and generic event words,
//! each weighted by how rare it is ([`Rarity`]), what happened (the event
//! words, compared across languages through the gazetteer), and the overlap
//! of their rare words. Dates are compared apart ([`super::dates`]).

use std::fmt;
use std::hash::BuildHasher;
use std::sync::LazyLock;

use super::gazetteer::{CAPITAL, EVENT_TYPE, GENERIC, Gazetteer, id_flags};
use super::rarity::Rarity;

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
    /// The built-in gazetteer indices, sorted.
    pub(crate) fn known_indices(&self) -> &[u32] {
        &self.known
    }

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
    /// The gazetteer ids its sentences name.
    pub entities: Entities,
    /// Sorted, distinct hashes of the content tokens.
    tokens: Vec<u64>,
}

/// A fixed seed: the hashes only live in memory, but runs stay repeatable.
const TOKEN_HASHER: foldhash::fast::FixedState = foldhash::fast::FixedState::with_seed(0x7a71_6b68);

fn token_hash(t: &str) -> u64 {
    TOKEN_HASHER.hash_one(t)
}

/// Hashes of the words of the built-in gazetteer's aliases: left out of
/// token overlap, since names and event kinds are compared as ids (and
/// would otherwise count twice).
static ALIAS_WORDS: LazyLock<std::collections::HashSet<u64, foldhash::fast::FixedState>> = LazyLock::new(|| {
    Gazetteer::builtin()
        .alias_words()
        .iter()
        .map(|w| token_hash(w))
        .collect()
});

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
        let names = &*ALIAS_WORDS;
        self.tokens.extend(
            super::fold::content_token_iter(folded)
                .map(token_hash)
                .filter(|h| !names.contains(h)),
        );
        if self.tokens.len() != before {
            self.tokens.sort_unstable();
            self.tokens.dedup();
        }
    }

    /// Number of distinct content tokens.
    pub fn token_count(&self) -> usize {
        self.tokens.len()
    }

    /// The sorted, distinct token hashes.
    pub(crate) fn token_hashes(&self) -> &[u64] {
        &self.tokens
    }

    /// Adds all of `other` (one document's statements together).
    pub fn absorb(&mut self, other: &Features) {
        self.entities.extend_known(&other.entities.known);
        self.entities.extend(other.entities.other.iter().map(|s| &**s));
        if !other.tokens.is_empty() {
            self.tokens.extend_from_slice(&other.tokens);
            self.tokens.sort_unstable();
            self.tokens.dedup();
        }
    }
}

/// Size of the intersection of two sorted, distinct lists. Branch-free
/// steps: which list advances is unpredictable, and this runs for every
/// pair of statements merging compares.
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

/// Which kind of evidence carried a merge (the `rule` column).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Shared named entities and a shared event word.
    EntitiesAndType,
    /// Shared named entities, no shared event word.
    Entities,
    /// Mostly the overlap of rare words.
    Tokens,
}

impl Rule {
    /// The name stored in `merges.rule` and shown in merge reasons.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::EntitiesAndType => "entities+type",
            Rule::Entities => "entities",
            Rule::Tokens => "tokens",
        }
    }
}

/// Weight of one shared person, organization, place, capital, country,
/// specific event word and generic event word, before rarity. Chosen on the
/// written evaluation stories (tests/data/stories) so that a capital plus a
/// generic event word, or countries plus any event word, stay below
/// [`THRESHOLD`], and one shared person or organization with the same kind
/// of happening passes it.
const PERSON: f64 = 2.0;
const ORG: f64 = 1.6;
const PLACE: f64 = 1.2;
const CAPITAL_PLACE: f64 = 0.5;
const COUNTRY: f64 = 0.25;
const EVENT_WORD: f64 = 1.0;
const GENERIC_EVENT_WORD: f64 = 0.3;
/// Added when two or more countries are shared (the parties of talks, a
/// visit, a border deal): far more specific than one, scaled by their rarity.
const COUNTRY_PAIR: f64 = 1.0;
/// Taken off when both statements name a specific kind of happening
/// (a transfer, an earthquake) and no kind is shared.
const EVENT_CONFLICT: f64 = 1.0;
/// Weight of the rarity-weighted Jaccard overlap of content tokens (0..1).
const TOKENS: f64 = 3.0;
/// Most that one class of entity adds, in units of its weight.
const CLASS_CAP: f64 = 2.0;
/// Score at which two statements report the same happening.
pub const THRESHOLD: f64 = 1.5;
/// Fewest content tokens a statement needs for its words to count.
const MIN_TOKENS: usize = 4;
/// Specific evidence a merge needs besides the total: named people,
/// organizations and places worth this much, or a token part this large.
const MIN_NAMED: f64 = 1.0;
const MIN_TOKEN_PART: f64 = 1.2;
/// Named evidence against different kinds of happening needs several names.
const MANY_NAMED: f64 = 3.0;
/// A single name this weighty (a person, an organization or a place, not a
/// common one nor a capital) with a shared
/// event word, even a generic one, is corroborated.
const RARE_NAMED: f64 = 1.2;
/// Two shared names corroborate each other when they weigh this much
/// together: two common ones (the king and the crown prince, Jeddah and
/// Mecca in Saudi news) are in many stories of a day.
const TWO_NAMED: f64 = 2.4;
/// A token part that corroborates a single shared name.
const MIN_TOKEN_SUPPORT: f64 = 0.6;
/// Fewest shared content tokens for the token part to count at all.
const MIN_SHARED_TOKENS: usize = 2;

/// How much two statements say they report the same happening: the parts
/// and their sum. Recorded with every merge.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Score {
    /// Shared people, weighted by rarity.
    pub people: f64,
    /// Shared organizations.
    pub orgs: f64,
    /// Shared places (capitals count less).
    pub places: f64,
    /// Shared countries (with [`COUNTRY_PAIR`] when two or more are).
    pub countries: f64,
    /// Whether two or more countries are shared.
    #[serde(skip)]
    pub parties: bool,
    /// Whether a specific (not generic) event word is shared.
    #[serde(skip)]
    pub same_kind: bool,
    /// How many people, organizations and places are shared.
    #[serde(skip)]
    pub named_ids: usize,
    /// Whether each statement names a person the other does not (different
    /// counterparts: the minister's call with one, his meeting with another).
    #[serde(skip)]
    pub other_people: bool,
    /// Whether a place that is not a capital is shared.
    #[serde(skip)]
    pub specific_place: bool,
    /// Shared event words, less [`EVENT_CONFLICT`] when the kinds of happening differ.
    pub event: f64,
    /// Rarity-weighted overlap of the content words.
    pub tokens: f64,
    /// Rarity-weighted Jaccard of the content words (0..1), before its weight.
    pub token_overlap: f64,
    /// The sum of the parts.
    pub total: f64,
}

impl Score {
    /// The named part: people, organizations and places.
    pub fn named(&self) -> f64 {
        self.people + self.orgs + self.places
    }

    /// Whether the score says the same happening: the total reaches
    /// [`THRESHOLD`] and it rests on something specific (names or rare words),
    /// not on countries and event words alone.
    pub fn same_happening(&self) -> bool {
        // One name is in many stories of a day: it needs another name, the
        // same kind of happening or shared words; several names outweigh a
        // different kind of happening.
        let corroborated = (self.named_ids >= 2 && self.named() >= TWO_NAMED)
            || self.same_kind
            || self.tokens >= MIN_TOKEN_SUPPORT
            || (self.event > 0.0 && self.named() >= RARE_NAMED);
        let named = self.named() >= MIN_NAMED && corroborated && (self.event >= 0.0 || self.named() >= MANY_NAMED);
        // Different counterparts: only an organization, a specific place or
        // the same kind of happening says it is still one happening.
        if self.other_people && !self.same_kind && self.orgs == 0.0 && !self.specific_place {
            return false;
        }
        let parties = self.parties && self.event > 0.0;
        // A capital with the same specific kind of happening (a dust storm in Riyadh).
        let placed = self.same_kind && self.named() >= CAPITAL_PLACE;
        self.total >= THRESHOLD && (named || parties || placed || self.tokens >= MIN_TOKEN_PART)
    }

    /// [`Score::same_happening`] with a stricter bar, for dates of different
    /// grain (a month or a year against one day): twice the threshold, named
    /// evidence and the same kind of happening.
    pub fn clearly_same_happening(&self) -> bool {
        self.same_happening()
            && self.total >= 2.0 * THRESHOLD
            && self.event > 0.0
            && (self.named() >= MIN_NAMED || self.tokens >= 2.0 * MIN_TOKEN_PART)
    }

    /// The kind of evidence that carried it.
    pub fn rule(&self) -> Rule {
        if self.tokens >= self.named() + self.countries {
            Rule::Tokens
        } else if self.event > 0.0 {
            Rule::EntitiesAndType
        } else {
            Rule::Entities
        }
    }

    /// The parts as one readable line: `people 2.00 + orgs 0.00 + … = 2.30`.
    pub fn explain(&self) -> String {
        format!(
            "people {:.2} + orgs {:.2} + places {:.2} + countries {:.2} + event {:.2} + tokens {:.2} = {:.2}",
            self.people, self.orgs, self.places, self.countries, self.event, self.tokens, self.total
        )
    }
}

/// The weight of one shared id given its flags, before rarity; which part it adds to.
fn id_weight(id: &str, flags: u8) -> (usize, f64) {
    if flags & EVENT_TYPE != 0 {
        (
            4,
            if flags & GENERIC != 0 {
                GENERIC_EVENT_WORD
            } else {
                EVENT_WORD
            },
        )
    } else if id.starts_with("person:") {
        (0, PERSON)
    } else if id.starts_with("org:") {
        (1, ORG)
    } else if id.starts_with("place:") {
        (2, if flags & CAPITAL != 0 { CAPITAL_PLACE } else { PLACE })
    } else {
        (3, COUNTRY)
    }
}

/// Weights of the built-in gazetteer's ids (part index, weight), by index.
static ID_WEIGHTS: LazyLock<Vec<(usize, f64)>> = LazyLock::new(|| {
    let g = Gazetteer::builtin();
    (0..g.ids_len() as u32)
        .map(|i| id_weight(g.id(i), g.flags(i)))
        .collect()
});

/// Whether a set has an event word that is not generic (a specific kind of happening).
fn has_specific_event(e: &Entities) -> bool {
    let g = Gazetteer::builtin();
    e.known.iter().any(|&i| {
        let f = g.flags(i);
        f & EVENT_TYPE != 0 && f & GENERIC == 0
    }) || e.other.iter().any(|id| id_flags(id) & EVENT_TYPE != 0)
}

/// How many people two sets share.
fn people_shared(a: &Entities, b: &Entities) -> usize {
    let weights = &*ID_WEIGHTS;
    let mut n = 0;
    each_shared(&a.known, &b.known, |i| {
        n += usize::from(weights.get(i as usize).is_some_and(|w| w.0 == 0))
    });
    n
}

/// Whether two sets share an event word that is not generic.
fn shares_specific_event(a: &Entities, b: &Entities) -> bool {
    let g = Gazetteer::builtin();
    let mut shared = false;
    each_shared(&a.known, &b.known, |i| {
        let f = g.flags(i);
        shared |= f & EVENT_TYPE != 0 && f & GENERIC == 0;
    });
    shared
        || a.other
            .iter()
            .any(|id| id_flags(id) & EVENT_TYPE != 0 && b.other.binary_search(id).is_ok())
}

/// Scores two statements; `rarity` weighs each shared id and word by how
/// rare it is among the documents seen so far.
pub fn score(a: &Features, b: &Features, rarity: &Rarity) -> Score {
    // Most pairs a new statement is compared with share nothing: a few AND
    // instructions and one merge of the token lists tell.
    let any_id = a.entities.bits.iter().zip(&b.entities.bits).any(|(x, y)| x & y != 0)
        || (!a.entities.other.is_empty()
            && a.entities
                .other
                .iter()
                .any(|id| b.entities.other.binary_search(id).is_ok()));
    let shared_tokens = sorted_intersection(&a.tokens, &b.tokens);
    if !any_id && shared_tokens < MIN_SHARED_TOKENS {
        return Score::default();
    }
    let mut parts = [0.0f64; 5];
    let mut caps = [0.0f64; 5];
    let (mut countries, mut country_factors, mut named_ids) = (0usize, 0.0f64, 0usize);
    let mut specific_place = false;
    let weights = &*ID_WEIGHTS;
    let mut add = |part: usize, w: f64, factor: f64| {
        caps[part] = caps[part].max(w);
        parts[part] += w * factor;
        if part == 3 {
            countries += 1;
            country_factors += factor;
        }
        named_ids += usize::from(part < 3);
        specific_place |= part == 2 && w == PLACE;
    };
    each_shared(&a.entities.known, &b.entities.known, |i| {
        let (part, w) = weights.get(i as usize).copied().unwrap_or((3, COUNTRY));
        add(part, w, rarity.entity_factor(i));
    });
    for id in &a.entities.other {
        if b.entities.other.binary_search(id).is_ok() {
            let (part, w) = id_weight(id, id_flags(id));
            add(part, w, 1.0);
        }
    }
    for (p, cap) in parts.iter_mut().zip(caps) {
        *p = p.min(cap * CLASS_CAP);
    }
    let parties = countries >= 2;
    if parties {
        parts[3] += COUNTRY_PAIR * country_factors / countries as f64;
    }
    let same_kind = shares_specific_event(&a.entities, &b.entities);
    let people = |e: &Entities| {
        e.known
            .iter()
            .filter(|&&i| weights.get(i as usize).is_some_and(|w| w.0 == 0))
            .count()
    };
    let shared_people = people_shared(&a.entities, &b.entities);
    let other_people = people(&a.entities) > shared_people && people(&b.entities) > shared_people;
    if !same_kind && has_specific_event(&a.entities) && has_specific_event(&b.entities) {
        parts[4] -= EVENT_CONFLICT;
    }
    let token_overlap = if a.tokens.len().min(b.tokens.len()) >= MIN_TOKENS && shared_tokens >= MIN_SHARED_TOKENS {
        rarity.weighted_jaccard(&a.tokens, &b.tokens)
    } else {
        0.0
    };
    let tokens = TOKENS * token_overlap;
    let [people, orgs, places, countries, event] = parts;
    Score {
        people,
        orgs,
        places,
        countries,
        parties,
        same_kind,
        named_ids,
        other_people,
        specific_place,
        event,
        tokens,
        token_overlap,
        total: people + orgs + places + countries + event + tokens,
    }
}

/// The gazetteer ids two statements share, sorted.
pub fn shared_entities(a: &Features, b: &Features) -> Vec<String> {
    let (a, b) = (&a.entities, &b.entities);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chronology::Script;
    use crate::chronology::fold::fold_for_matching;

    fn features(text: &str) -> Features {
        let folded = fold_for_matching(text);
        let ids: Vec<String> = Gazetteer::builtin()
            .find(&folded, Script::of(text))
            .into_iter()
            .collect();
        Features::from_parts(&ids.join(" "), &folded)
    }

    fn same(a: &str, b: &str) -> bool {
        score(&features(a), &features(b), &Rarity::default()).same_happening()
    }

    #[test]
    fn same_talks_across_languages() {
        let fa = "مذاکرات لاوروف و بلینکن در ژنو برگزار شد.";
        let ar = "عقدت في جنيف محادثات بين لافروف وبلينكن.";
        let s = score(&features(fa), &features(ar), &Rarity::default());
        assert!(s.same_happening(), "{}", s.explain());
        assert_eq!(s.rule(), Rule::EntitiesAndType);
        assert!(shared_entities(&features(fa), &features(ar)).contains(&"place:geneva".to_string()));
    }

    #[test]
    fn countries_capitals_and_generic_words_are_not_enough() {
        assert!(!same(
            "NATO and Russia met in Brussels.",
            "A storm closed the port of Doha."
        ));
        assert!(!same("Russia launched a satellite.", "Russia and NATO held a meeting."));
        // A capital and a generic event word: most of a day's news.
        assert!(!same(
            "The football club held a meeting in London about its new stadium.",
            "Oil ministers held a meeting in London on output."
        ));
        // Countries and an agreement.
        assert!(!same(
            "Protesters in the United States rallied against the agreement with Iran.",
            "Iran and the United States argued over the agreement on oil prices."
        ));
    }

    #[test]
    fn different_kinds_of_happening_weigh_against() {
        let a = features("Putin watched the cup final in Moscow.");
        let b = features("Putin announced sanctions on grain in Moscow.");
        let s = score(&a, &b, &Rarity::default());
        assert!(s.event < 0.0, "{}", s.explain());
        assert!(!s.same_happening());
    }

    #[test]
    fn one_person_with_different_counterparts() {
        let call = "Prince Faisal bin Farhan and Hossein Amir-Abdollahian spoke by phone in Riyadh.";
        let meeting = "Prince Faisal bin Farhan met UN envoy Hans Grundberg in Riyadh.";
        let s = score(&features(call), &features(meeting), &Rarity::default());
        assert!(s.other_people && !s.same_happening(), "{}", s.explain());
        // One report names both, the other one of them: the same call.
        let short = "Faisal bin Farhan received a phone call in Riyadh.";
        assert!(same(call, short));
    }

    #[test]
    fn token_overlap_without_entities() {
        let a = features("The river flow model was delivered to both ministries by the joint technical team");
        let b = features("The joint technical team delivered the river flow model to both ministries");
        let s = score(&a, &b, &Rarity::default());
        assert!(s.same_happening(), "{}", s.explain());
        assert_eq!(s.rule(), Rule::Tokens);
    }

    #[test]
    fn rare_words_weigh_more_than_common_ones() {
        let mut rarity = Rarity::default();
        let common = features("officials announced measures gathering ministry statement");
        for _ in 0..300 {
            rarity.observe(&common);
        }
        for _ in 0..300 {
            rarity.observe(&Features::default());
        }
        let a = features("officials announced measures gathering ministry statement locusts swarm");
        let b = features("officials announced measures gathering ministry statement reservoir cracked");
        let c = features("locusts swarm officials announced");
        let flat = score(&a, &b, &Rarity::default());
        let weighted = score(&a, &b, &rarity);
        assert!(weighted.token_overlap < flat.token_overlap);
        assert!(score(&a, &c, &rarity).token_overlap > weighted.token_overlap);
    }

    #[test]
    fn unknown_ids_are_kept() {
        let f = Features::from_parts("place:atlantis org:nato place:atlantis", "");
        assert!(Gazetteer::builtin().index_of("place:atlantis").is_none());
        assert!(f.entities.contains("place:atlantis") && f.entities.contains("org:nato"));
        assert!(!f.entities.contains("place:geneva"));
        assert_eq!(f.entities.iter().collect::<Vec<_>>(), ["org:nato", "place:atlantis"]);
        let g = Features::from_parts("place:atlantis", "");
        let s = score(&f, &g, &Rarity::default());
        assert_eq!(s.places, PLACE);
        assert_eq!(shared_entities(&f, &g), ["place:atlantis"]);
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

    fn picked<'a>(all: &[&'a str], mask: u16) -> Vec<&'a str> {
        all.iter()
            .enumerate()
            .filter(|(i, _)| mask >> i & 1 == 1)
            .map(|(_, s)| *s)
            .collect()
    }

    proptest::proptest! {
        /// The score is symmetric, and adding a shared name never lowers it.
        #[test]
        fn symmetric_and_monotone(ea in 0u16..1024, eb in 0u16..1024, extra in 0usize..10) {
            let (ia, ib) = (picked(&IDS, ea).join(" "), picked(&IDS, eb).join(" "));
            let (a, b) = (Features::from_parts(&ia, ""), Features::from_parts(&ib, ""));
            let r = Rarity::default();
            let (ab, ba) = (score(&a, &b, &r), score(&b, &a, &r));
            proptest::prop_assert_eq!(&ab, &ba);
            let id = IDS[extra];
            if !id.starts_with("event:") {
                let (a2, b2) = (Features::from_parts(&format!("{ia} {id}"), ""), Features::from_parts(&format!("{ib} {id}"), ""));
                proptest::prop_assert!(score(&a2, &b2, &r).total >= ab.total - 1e-9);
            }
            let mut sorted = picked(&IDS, ea);
            sorted.sort_unstable();
            proptest::prop_assert_eq!(a.entities.iter().collect::<Vec<_>>(), sorted);
        }
    }
}
