//! The multilingual gazetteer: places, countries, organizations, people and
//! event-type words with their Persian, Arabic and English aliases, read
//! from `data/gazetteer.tsv` (compiled in) and matched on folded text.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::fold::{fold, is_word_char};

/// What a gazetteer entry names.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Country,
    Place,
    Org,
    Person,
    /// An event-type word: talks, meeting, phone call, sanctions, ...
    Event,
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "country" => Kind::Country,
            "place" => Kind::Place,
            "org" => Kind::Org,
            "person" => Kind::Person,
            "event" => Kind::Event,
            _ => return None,
        })
    }

    /// The prefix used in entity ids (`org:nato`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Country => "country",
            Kind::Place => "place",
            Kind::Org => "org",
            Kind::Person => "person",
            Kind::Event => "event",
        }
    }
}

/// Why the gazetteer file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("gazetteer line {line}: {reason}")]
    BadLine { line: usize, reason: String },
    #[error("gazetteer automaton: {0}")]
    Build(String),
}

/// A compiled gazetteer.
pub struct Gazetteer {
    /// The distinct entity ids (`kind:name`), sorted, so that comparing
    /// indices compares ids.
    ids: Vec<Box<str>>,
    /// [`EVENT_TYPE`] / [`SPECIFIC`] flags of each id.
    flags: Vec<u8>,
    /// Index into `ids` of each pattern.
    pattern_ids: Vec<u32>,
    /// Whether each pattern is written in Arabic script (looser boundaries).
    arabic_script: Vec<bool>,
    matcher: AhoCorasick,
    entities: usize,
}

/// Suffixes (folded) that may follow an Arabic-script alias inside one word:
/// Persian plural/ezafe/adjective endings and Arabic nisba/plural endings.
const SUFFIXES: [&str; 11] = ["هایی", "های", "ها", "یان", "یی", "ای", "یه", "ین", "ون", "ی", "ان"];
/// One-letter clitics that may precede an Arabic-script alias in one word.
const CLITICS: [char; 5] = ['و', 'ب', 'ل', 'ف', 'ک'];

static BUILTIN: LazyLock<Gazetteer> =
    LazyLock::new(|| match Gazetteer::parse(include_str!("../../data/gazetteer.tsv")) {
        Ok(g) => g,
        Err(e) => {
            tracing::error!("built-in gazetteer unusable: {e}");
            Gazetteer::empty()
        }
    });

impl Gazetteer {
    /// The gazetteer compiled into the binary from `data/gazetteer.tsv`.
    pub fn builtin() -> &'static Gazetteer {
        &BUILTIN
    }

    fn empty() -> Gazetteer {
        Gazetteer {
            ids: Vec::new(),
            flags: Vec::new(),
            pattern_ids: Vec::new(),
            arabic_script: Vec::new(),
            matcher: AhoCorasick::new(Vec::<String>::new()).expect("empty automaton"),
            entities: 0,
        }
    }

    /// Parses the TSV format: `kind<TAB>id<TAB>alias|alias|...`; `#` starts a comment.
    ///
    /// # Errors
    /// [`GazetteerError::BadLine`] for a line without three fields or with an
    /// unknown kind; [`GazetteerError::Build`] if the automaton cannot be built.
    pub fn parse(tsv: &str) -> Result<Gazetteer, GazetteerError> {
        let mut patterns = Vec::new();
        let mut pattern_names: Vec<String> = Vec::new();
        let mut arabic_script = Vec::new();
        let mut entities = 0;
        for (n, line) in tsv.lines().enumerate() {
            let line = line.trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(kind), Some(name), Some(aliases)) = (fields.next(), fields.next(), fields.next()) else {
                return Err(GazetteerError::BadLine {
                    line: n + 1,
                    reason: "expected kind, id and aliases".into(),
                });
            };
            let kind = Kind::parse(kind.trim()).ok_or_else(|| GazetteerError::BadLine {
                line: n + 1,
                reason: format!("unknown kind {kind:?}"),
            })?;
            let id = format!("{}:{}", kind.as_str(), name.trim());
            entities += 1;
            for alias in aliases.split('|') {
                let folded = fold(alias.trim());
                let folded = folded.split_whitespace().collect::<Vec<_>>().join(" ");
                if folded.is_empty() {
                    continue;
                }
                arabic_script.push(folded.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)));
                patterns.push(folded);
                pattern_names.push(id.clone());
            }
        }
        let mut ids: Vec<Box<str>> = pattern_names.iter().map(|s| Box::from(s.as_str())).collect();
        ids.sort_unstable();
        ids.dedup();
        let pattern_ids = pattern_names
            .iter()
            .map(|n| ids.binary_search_by(|id| (**id).cmp(n.as_str())).map(|i| i as u32))
            .collect::<Result<Vec<u32>, _>>()
            .map_err(|_| GazetteerError::Build("entity id table".into()))?;
        let flags = ids.iter().map(|id| id_flags(id)).collect();
        // A DFA: the fastest search, and small for a few hundred aliases.
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .map_err(|e| GazetteerError::Build(e.to_string()))?;
        Ok(Gazetteer {
            ids,
            flags,
            pattern_ids,
            arabic_script,
            matcher,
            entities,
        })
    }

    /// Number of entries (not aliases).
    pub fn len(&self) -> usize {
        self.entities
    }

    /// True when the gazetteer has no entries.
    pub fn is_empty(&self) -> bool {
        self.entities == 0
    }

    /// The sorted, distinct entity ids (`org:nato`, `event:talks`) named in
    /// `folded` (text already passed through [`fold`], with runs of spaces
    /// allowed).
    pub fn find(&self, folded: &str) -> BTreeSet<String> {
        let mut found = Vec::new();
        self.find_indices(folded, &mut found);
        found.into_iter().map(|i| self.id(i).to_owned()).collect()
    }

    /// The entities named in `folded` as sorted, distinct indices (see
    /// [`Gazetteer::id`]), written to `out` (cleared first).
    pub(crate) fn find_indices(&self, folded: &str, out: &mut Vec<u32>) {
        let squeezed;
        let text = if folded.contains("  ") || folded.contains(['\t', '\n']) {
            squeezed = folded.split_whitespace().collect::<Vec<_>>().join(" ");
            squeezed.as_str()
        } else {
            folded
        };
        self.find_squeezed(text, out);
    }

    /// [`Gazetteer::find_indices`] for text straight from [`fold`], which has
    /// no runs of spaces, tabs or newlines.
    pub(crate) fn find_squeezed(&self, text: &str, out: &mut Vec<u32>) {
        out.clear();
        for m in self.matcher.find_iter(text) {
            let p = m.pattern().as_usize();
            if self.boundaries_ok(text, m.start(), m.end(), self.arabic_script[p]) {
                out.push(self.pattern_ids[p]);
            }
        }
        out.sort_unstable();
        out.dedup();
    }

    /// The entity id with index `i` (from [`Gazetteer::find_indices`]).
    pub(crate) fn id(&self, i: u32) -> &str {
        self.ids.get(i as usize).map_or("", |s| s)
    }

    /// The index of entity id `id`, if the gazetteer has it.
    pub(crate) fn index_of(&self, id: &str) -> Option<u32> {
        self.ids.binary_search_by(|x| (**x).cmp(id)).ok().map(|i| i as u32)
    }

    /// [`EVENT_TYPE`] / [`SPECIFIC`] flags of the entity with index `i`.
    #[inline]
    pub(crate) fn flags(&self, i: u32) -> u8 {
        self.flags.get(i as usize).copied().unwrap_or(0)
    }

    fn boundaries_ok(&self, text: &str, start: usize, end: usize, arabic: bool) -> bool {
        let before = &text[..start];
        let left = match before.chars().next_back() {
            None => true,
            Some(c) if !is_word_char(c) => true,
            Some(c) if arabic && CLITICS.contains(&c) => before[..before.len() - c.len_utf8()]
                .chars()
                .next_back()
                .is_none_or(|p| !is_word_char(p)),
            Some(_) => false,
        };
        if !left {
            return false;
        }
        let after = &text[end..];
        let word_end = after.find(|c: char| !is_word_char(c)).unwrap_or(after.len());
        let tail = &after[..word_end];
        tail.is_empty() || (arabic && SUFFIXES.contains(&tail))
    }
}

/// Flag of event-type ids ([`is_event_type`]).
pub(crate) const EVENT_TYPE: u8 = 1;
/// Flag of specific ids ([`is_specific`]).
pub(crate) const SPECIFIC: u8 = 2;

/// The [`EVENT_TYPE`] / [`SPECIFIC`] flags of an id.
pub(crate) fn id_flags(id: &str) -> u8 {
    (if is_event_type(id) { EVENT_TYPE } else { 0 }) | if is_specific(id) { SPECIFIC } else { 0 }
}

/// True for kinds that identify something specific (not a country, not an event word).
pub fn is_specific(id: &str) -> bool {
    id.starts_with("place:") || id.starts_with("org:") || id.starts_with("person:")
}

/// True for event-type words.
pub fn is_event_type(id: &str) -> bool {
    id.starts_with("event:")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(g: &Gazetteer, text: &str) -> Vec<String> {
        g.find(&fold(text)).into_iter().collect()
    }

    #[test]
    fn matches_aliases_across_languages() {
        let g = Gazetteer::builtin();
        assert!(g.len() > 50);
        assert_eq!(ids(g, "نشست در ژنو"), ["event:meeting", "place:geneva"]);
        assert_eq!(ids(g, "محادثات في جنيف"), ["event:talks", "place:geneva"]);
        assert_eq!(ids(g, "talks in Geneva"), ["event:talks", "place:geneva"]);
        assert!(ids(g, "وحلف شمال الأطلسي").contains(&"org:nato".to_string()));
        assert!(ids(g, "الناتو").contains(&"org:nato".to_string()));
        assert!(ids(g, "پیمان ناتو").contains(&"org:nato".to_string()));
    }

    #[test]
    fn respects_word_boundaries() {
        let g = Gazetteer::builtin();
        assert!(ids(g, "because of the user").is_empty());
        assert_eq!(ids(g, "تحریم‌های آمریکا"), ["country:us", "event:sanctions"]);
    }

    #[test]
    fn rejects_bad_lines() {
        assert!(matches!(
            Gazetteer::parse("country\tx"),
            Err(GazetteerError::BadLine { line: 1, .. })
        ));
        assert!(matches!(
            Gazetteer::parse("planet\tx\ty"),
            Err(GazetteerError::BadLine { .. })
        ));
        assert_eq!(
            Gazetteer::parse("# c\n\nplace\tx\tX|ایکس\n").map(|g| g.len()).ok(),
            Some(1)
        );
    }
}
