//! The holiday table: `data/holidays.tsv` read once into spellings indexed by
//! their first folded token, each pointing at its holiday's rule
//! ([`crate::calendar::holidays::Rule`]).

use std::sync::LazyLock;

use crate::calendar::holidays::Rule;
use crate::lexicon::{Lang, TokKind, tokenize};

/// One holiday: its name in the data file and when it falls.
#[derive(Clone, Debug)]
pub(crate) struct Holiday {
    pub id: Box<str>,
    pub rule: Rule,
}

/// One way of writing a holiday, in one language.
#[derive(Clone, Debug)]
pub(crate) struct Spelling {
    /// Index into [`Table::holidays`].
    pub holiday: usize,
    pub lang: Lang,
    /// Folded tokens after the first.
    pub rest: Box<[Box<str>]>,
    /// Other senses: a date only after a frame word or with a year or direction after it.
    pub needs_context: bool,
    /// English: the first word must be capitalized.
    pub capital: bool,
}

/// Why `data/holidays.tsv` could not be read (a bug in the file).
#[derive(Debug, thiserror::Error)]
pub enum TableError {
    /// A line that does not have the five columns or whose fields are unknown.
    #[error("data/holidays.tsv line {line}: {reason}")]
    Line { line: usize, reason: String },
    /// A rule that does not parse.
    #[error("data/holidays.tsv line {line}: {source}")]
    Rule {
        line: usize,
        #[source]
        source: crate::calendar::holidays::RuleError,
    },
}

/// Every holiday and spelling, and the words that frame a holiday name.
#[derive(Debug)]
pub(crate) struct Table {
    pub holidays: Vec<Holiday>,
    by_first: foldhash::HashMap<Box<str>, Vec<Spelling>>,
    frames: foldhash::HashMap<Box<str>, Vec<Lang>>,
    /// One bit per (first byte, last byte, length) of every first token:
    /// most words of running text are rejected without hashing.
    filter: Box<[u64; FILTER_WORDS]>,
}

const FILTER_BITS: usize = 1 << 13;
const FILTER_WORDS: usize = FILTER_BITS / 64;

#[inline]
fn filter_bit(word: &str) -> usize {
    let b = word.as_bytes();
    let (first, last) = match (b.first(), b.last()) {
        (Some(&f), Some(&l)) => (u64::from(f), u64::from(l)),
        _ => (0, 0),
    };
    let second = u64::from(b.get(1).copied().unwrap_or(0));
    let h = (first << 24 | second << 16 | last << 8 | (b.len() as u64 & 0xFF)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - 13)) as usize
}

static HOLIDAYS_TSV: &str = include_str!("../../data/holidays.tsv");

static TABLE: LazyLock<Table> =
    LazyLock::new(|| Table::parse(HOLIDAYS_TSV).expect("data/holidays.tsv is valid (checked by tests)"));

/// The folded tokens of a spelling, as the extractor's tokenizer reads text.
fn folded_tokens(s: &str) -> Vec<Box<str>> {
    let (mut buf, mut toks) = (String::new(), Vec::new());
    tokenize(s, 0, &mut buf, &mut toks);
    toks.iter().map(|t| Box::from(t.text(&buf))).collect()
}

/// Apostrophes as the table stores them: `’` reads as `'`.
#[inline]
pub(crate) fn same_token(table: &str, text: &str) -> bool {
    table == text || (table == "'" && text == "’")
}

impl Table {
    /// The table built into the binary.
    pub fn get() -> &'static Table {
        &TABLE
    }

    /// Reads the format described at the top of `data/holidays.tsv`.
    ///
    /// # Errors
    /// A [`TableError`] naming the first bad line.
    pub fn parse(tsv: &str) -> Result<Table, TableError> {
        let mut holidays: Vec<Holiday> = Vec::new();
        let mut by_first: foldhash::HashMap<Box<str>, Vec<Spelling>> = foldhash::HashMap::default();
        let mut frames: foldhash::HashMap<Box<str>, Vec<Lang>> = foldhash::HashMap::default();
        let mut filter = Box::new([0u64; FILTER_WORDS]);
        for (i, line) in tsv.lines().enumerate() {
            let line_no = i + 1;
            let bad = |reason: &str| TableError::Line {
                line: line_no,
                reason: reason.to_string(),
            };
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let [id, rule, lang, flags, spellings] = cols[..] else {
                return Err(bad("expected 5 tab-separated columns"));
            };
            let lang = Lang::parse(lang).ok_or_else(|| bad("unknown language"))?;
            let (needs_context, capital) = match flags {
                "-" => (false, false),
                "ctx" => (true, false),
                "cap" => (false, true),
                _ => return Err(bad("flags must be -, ctx or cap")),
            };
            if id == "frame" {
                for w in spellings.split('|') {
                    let toks = folded_tokens(w);
                    let [t] = &toks[..] else {
                        return Err(bad("a frame is one word"));
                    };
                    let bit = filter_bit(t);
                    filter[bit / 64] |= 1 << (bit % 64);
                    frames.entry(t.clone()).or_default().push(lang);
                }
                continue;
            }
            let rule: Rule = rule
                .parse()
                .map_err(|source| TableError::Rule { line: line_no, source })?;
            let holiday = match holidays.iter().position(|h| &*h.id == id) {
                Some(k) if holidays[k].rule == rule => k,
                Some(_) => return Err(bad("the same id with another rule")),
                None => {
                    holidays.push(Holiday { id: id.into(), rule });
                    holidays.len() - 1
                }
            };
            for s in spellings.split('|') {
                let mut toks = folded_tokens(s).into_iter();
                let first = toks.next().ok_or_else(|| bad("empty spelling"))?;
                let bit = filter_bit(&first);
                filter[bit / 64] |= 1 << (bit % 64);
                by_first.entry(first).or_default().push(Spelling {
                    holiday,
                    lang,
                    rest: toks.collect(),
                    needs_context,
                    capital,
                });
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|s| std::cmp::Reverse(s.rest.len()));
        }
        Ok(Table {
            holidays,
            by_first,
            frames,
            filter,
        })
    }

    /// Spellings whose first folded token is `word`, longest first.
    #[inline]
    pub fn starting(&self, word: &str) -> &[Spelling] {
        let bit = filter_bit(word);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return &[];
        }
        self.by_first.get(word).map_or(&[], Vec::as_slice)
    }

    /// Whether a holiday name in `lang` or a frame before one may start at `word`.
    #[inline]
    pub fn may_start(&self, word: &str, lang: Lang) -> bool {
        let bit = filter_bit(word);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return false;
        }
        self.by_first
            .get(word)
            .is_some_and(|l| l.iter().any(|s| s.lang == lang))
            || self.is_frame(word, lang)
    }

    /// Whether `word` frames a holiday name in `lang` (`روز`, `يوم`, `إجازة`).
    pub fn is_frame(&self, word: &str, lang: Lang) -> bool {
        self.frames.get(word).is_some_and(|l| l.contains(&lang))
    }

    /// The holiday with `id`.
    #[cfg(test)]
    pub fn find(&self, id: &str) -> Option<&Holiday> {
        self.holidays.iter().find(|h| &*h.id == id)
    }
}

/// Whether a token kind can be part of a spelling's rest.
pub(crate) fn spellable(kind: TokKind) -> bool {
    matches!(kind, TokKind::Word | TokKind::Punct(_))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_parses() {
        let t = Table::parse(HOLIDAYS_TSV).unwrap();
        assert!(t.holidays.len() > 60);
        assert!(t.find("eid-al-fitr").is_some());
        assert!(!t.starting("نوروز").is_empty());
        assert!(t.starting("the").is_empty());
        assert!(t.is_frame("روز", Lang::Fa) && !t.is_frame("روز", Lang::Ar));
    }

    #[test]
    fn bad_lines_are_named() {
        let e = Table::parse("# c\nx\tpersian 13 1\tfa\t-\tنوروز\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "data/holidays.tsv line 2: holiday rule \"persian 13 1\": month out of range 1–12"
        );
        let e = Table::parse("x\tpersian 1 1\tfa\tmaybe\tنوروز\n").unwrap_err();
        assert_eq!(e.to_string(), "data/holidays.tsv line 1: flags must be -, ctx or cap");
        let e = Table::parse("x\tpersian 1 1\tfa\t-\tنوروز\nx\tpersian 1 2\tfa\t-\tعید\n").unwrap_err();
        assert!(e.to_string().contains("line 2"));
    }
}
