//! The multilingual gazetteer: places, countries, organizations, people and
//! event-type words with their Persian, Arabic and English aliases, read
//! from `data/gazetteer.tsv` (compiled in) and matched on folded text.
//!
//! Some aliases are also common words of another language once folded
//! (`کیف` is Kyiv in Persian, `كيف` "how" in Arabic): such an alias carries
//! the script it names something in (`کیف@fa`), and the file lists the
//! common words (`homograph` lines) that no unrestricted alias may equal,
//! so a common word never becomes a name.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::fold::{fold_for_matching, is_word_char};

/// What a gazetteer entry names.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A country (`country:iran`).
    Country,
    /// A city or other place (`place:geneva`).
    Place,
    /// An organization (`org:nato`).
    Org,
    /// A person (`person:putin`), by the names the press uses.
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

/// The script family of a sentence, told apart by letters Persian has and
/// Arabic lacks (and the reverse): it decides which restricted aliases apply.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Script {
    /// Arabic script with Persian letters (`پ چ ژ گ`, Persian `ی`/`ک`).
    Persian,
    /// Arabic script without them.
    Arabic,
    /// No Arabic-script letter.
    Other,
}

impl Script {
    /// The script of a raw (unfolded) text.
    pub fn of(text: &str) -> Script {
        let mut arabic = false;
        for c in text.chars() {
            match c {
                'پ' | 'چ' | 'ژ' | 'گ' | '\u{06CC}' | '\u{06A9}' => return Script::Persian,
                '\u{0600}'..='\u{06FF}' => arabic = true,
                _ => {}
            }
        }
        if arabic { Script::Arabic } else { Script::Other }
    }

    fn parse(s: &str) -> Option<Script> {
        Some(match s {
            "fa" => Script::Persian,
            "ar" => Script::Arabic,
            "en" => Script::Other,
            _ => return None,
        })
    }
}

/// Why the gazetteer file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// A line that is not `kind id aliases...` as the file's header says.
    #[error("gazetteer line {line}: {reason}")]
    BadLine {
        /// 1-based line of the gazetteer file.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// The alias automaton could not be built (aho-corasick's message).
    #[error("gazetteer automaton: {0}")]
    Build(String),
    /// An alias that is also a common word, so it would match everywhere.
    #[error(
        "gazetteer line {line}: alias {alias:?} of {id} is the common word {word:?}; restrict it (`{alias}@fa`) or drop it"
    )]
    Homograph {
        /// 1-based line of the gazetteer file.
        line: usize,
        /// The entry's id (`place:geneva`).
        id: String,
        /// The alias as written.
        alias: String,
        /// The common word it folds to.
        word: String,
    },
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
    /// The only script each pattern names something in, if restricted.
    only: Vec<Option<Script>>,
    matcher: AhoCorasick,
    entities: usize,
    /// The single-word aliases that match in every script: words that say a
    /// name or an event kind, compared as ids rather than as words.
    words: Vec<Box<str>>,
}

/// Suffixes (folded) that may follow an Arabic-script alias inside one word:
/// Persian plural/ezafe/adjective endings and Arabic nisba/plural endings.
const SUFFIXES: [&str; 13] = [
    "هایی", "های", "ها", "یان", "یی", "ای", "یه", "ین", "ون", "ی", "ان", "هما", "هم",
];
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
            only: Vec::new(),
            matcher: AhoCorasick::new(Vec::<String>::new()).expect("empty automaton"),
            entities: 0,
            words: Vec::new(),
        }
    }

    /// Parses the TSV format: `kind<TAB>id<TAB>alias|alias|...[<TAB>flags]`;
    /// `#` starts a comment. An alias ending in `@fa`, `@ar` or `@en` only
    /// matches in sentences of that script ([`Script`]). Flags (comma
    /// separated): `capital` for capitals and other places most of a
    /// country's news names, `generic` for event words most news uses
    /// (meeting, agreement). `homograph<TAB>word<TAB>meaning` lines list
    /// common words no unrestricted alias may equal.
    ///
    /// # Errors
    /// [`GazetteerError::BadLine`] for a line without three fields, with an
    /// unknown kind, flag or script; [`GazetteerError::Homograph`] for an
    /// unrestricted alias that is a listed common word;
    /// [`GazetteerError::Build`] if the automaton cannot be built.
    pub fn parse(tsv: &str) -> Result<Gazetteer, GazetteerError> {
        let mut patterns = Vec::new();
        let mut pattern_names: Vec<String> = Vec::new();
        let mut pattern_lines = Vec::new();
        let mut arabic_script = Vec::new();
        let mut only = Vec::new();
        let mut homographs = std::collections::HashSet::new();
        let mut id_flags_of: std::collections::HashMap<String, u8> = std::collections::HashMap::new();
        let mut entities = 0;
        for (n, line) in tsv.lines().enumerate() {
            let line = line.trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let bad = |reason: String| GazetteerError::BadLine { line: n + 1, reason };
            let mut fields = line.split('\t');
            let (Some(kind), Some(name), Some(aliases)) = (fields.next(), fields.next(), fields.next()) else {
                return Err(bad("expected kind, id and aliases".into()));
            };
            if kind.trim() == "homograph" {
                homographs.insert(fold_for_matching(name.trim()));
                continue;
            }
            let kind = Kind::parse(kind.trim()).ok_or_else(|| bad(format!("unknown kind {kind:?}")))?;
            let id = format!("{}:{}", kind.as_str(), name.trim());
            let mut flags = id_flags(&id);
            for flag in fields
                .next()
                .unwrap_or("")
                .split(',')
                .map(str::trim)
                .filter(|f| !f.is_empty())
            {
                flags |= match flag {
                    "capital" => CAPITAL,
                    "generic" => GENERIC,
                    other => return Err(bad(format!("unknown flag {other:?}"))),
                };
            }
            *id_flags_of.entry(id.clone()).or_insert(0) |= flags;
            entities += 1;
            for alias in aliases.split('|') {
                let alias = alias.trim();
                let (alias, script) = match alias.rsplit_once('@') {
                    Some((a, s)) => (
                        a,
                        Some(Script::parse(s).ok_or_else(|| bad(format!("unknown script {s:?}")))?),
                    ),
                    None => (alias, None),
                };
                let folded = fold_for_matching(alias);
                let folded = folded.split_whitespace().collect::<Vec<_>>().join(" ");
                if folded.is_empty() {
                    continue;
                }
                arabic_script.push(folded.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)));
                only.push(script);
                patterns.push(folded);
                pattern_names.push(id.clone());
                pattern_lines.push((n + 1, alias.to_owned()));
            }
        }
        for (p, folded) in patterns.iter().enumerate() {
            if only[p].is_none() && homographs.contains(folded) {
                let (line, alias) = pattern_lines[p].clone();
                return Err(GazetteerError::Homograph {
                    line,
                    id: pattern_names[p].clone(),
                    alias,
                    word: folded.clone(),
                });
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
        // Single-word aliases that match everywhere: a restricted alias is a
        // common word elsewhere, and a word of a longer alias says nothing alone.
        let mut words: Vec<Box<str>> = patterns
            .iter()
            .zip(&only)
            .filter(|(p, only)| only.is_none() && !p.contains(|c: char| !is_word_char(c)))
            .map(|(p, _)| Box::from(p.as_str()))
            .collect();
        words.sort_unstable();
        words.dedup();
        let flags = ids
            .iter()
            .map(|id| id_flags_of.get(&**id).copied().unwrap_or_else(|| id_flags(id)))
            .collect();
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
            only,
            matcher,
            entities,
            words,
        })
    }

    /// Number of entries (not aliases).
    pub fn len(&self) -> usize {
        self.entities
    }

    /// The distinct single-word, unrestricted aliases, folded.
    pub(crate) fn alias_words(&self) -> &[Box<str>] {
        &self.words
    }

    /// Number of distinct ids (indices run from 0 to this).
    pub(crate) fn ids_len(&self) -> usize {
        self.ids.len()
    }

    /// True when the gazetteer has no entries.
    pub fn is_empty(&self) -> bool {
        self.entities == 0
    }

    /// The sorted, distinct entity ids (`org:nato`, `event:talks`) named in
    /// `folded` (text already passed through [`fold_for_matching`], with runs of spaces
    /// allowed).
    /// Script-restricted aliases are matched as in a sentence of `script`.
    pub fn find(&self, folded: &str, script: Script) -> BTreeSet<String> {
        let mut found = Vec::new();
        self.find_indices(folded, script, &mut found);
        found.into_iter().map(|i| self.id(i).to_owned()).collect()
    }

    /// The entities named in `folded` as sorted, distinct indices (see
    /// [`Gazetteer::id`]), written to `out` (cleared first).
    pub(crate) fn find_indices(&self, folded: &str, script: Script, out: &mut Vec<u32>) {
        let squeezed;
        let text = if folded.contains("  ") || folded.contains(['\t', '\n']) {
            squeezed = folded.split_whitespace().collect::<Vec<_>>().join(" ");
            squeezed.as_str()
        } else {
            folded
        };
        self.find_squeezed(text, script, out);
    }

    /// [`Gazetteer::find_indices`] for text straight from [`fold_for_matching`], which has
    /// no runs of spaces, tabs or newlines.
    pub(crate) fn find_squeezed(&self, text: &str, script: Script, out: &mut Vec<u32>) {
        out.clear();
        for m in self.matcher.find_iter(text) {
            let p = m.pattern().as_usize();
            if self.only[p].is_none_or(|s| s == script)
                && self.boundaries_ok(text, m.start(), m.end(), self.arabic_script[p])
            {
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
/// Flag of places most news of a country names (capitals): weak evidence.
pub(crate) const CAPITAL: u8 = 4;
/// Flag of event words most news uses (meeting, agreement): weak evidence.
pub(crate) const GENERIC: u8 = 8;

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
        g.find(&fold_for_matching(text), Script::of(text)).into_iter().collect()
    }

    #[test]
    fn homographs_never_become_names() {
        let g = Gazetteer::builtin();
        // Arabic "how" and "occurred", Persian Kyiv.
        assert!(ids(g, "كيف يمكن أن يحدث هذا").is_empty());
        assert_eq!(ids(g, "وقع الحادث صباحا"), ["event:accident"]);
        assert_eq!(ids(g, "وقعا اتفاقية"), ["event:agreement", "event:signing"]);
        assert_eq!(ids(g, "سفر به کیف"), ["event:visit", "place:kyiv"]);
        assert_eq!(ids(g, "زيارة إلى كييف"), ["event:visit", "place:kyiv"]);
        // An unrestricted alias equal to a listed common word is refused.
        assert!(matches!(
            Gazetteer::parse("homograph\tكيف\thow\nplace\tkyiv\tكيف\n"),
            Err(GazetteerError::Homograph { line: 2, .. })
        ));
        assert!(Gazetteer::parse("homograph\tكيف\thow\nplace\tkyiv\tکیف@fa\n").is_ok());
    }

    #[test]
    fn scripts() {
        assert_eq!(Script::of("سفر به کیف"), Script::Persian);
        assert_eq!(Script::of("كيف حالك"), Script::Arabic);
        assert_eq!(Script::of("Kyiv"), Script::Other);
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
#[cfg(test)]
mod builtin_parses {
    #[test]
    fn builtin_gazetteer_parses() {
        if let Err(e) = super::Gazetteer::parse(include_str!("../../data/gazetteer.tsv")) {
            panic!("{e}");
        }
    }
}
