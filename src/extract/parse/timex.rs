//! The TIMEX3 types beside dates: what a duration, a recurrence, a vague
//! reference and a time of day are as parsed, the words that begin them in
//! every language, and the hook the scan calls (`durations.rs`, `sets.rs`,
//! `times.rs` hold the patterns).

use std::sync::LazyLock;

use crate::extract::{Grain, TimexType, Types};
use crate::lexicon::{DurUnit, Kind, Lang, TokKind, fold_spelling};

use super::{Expr, Parser};

/// A TIMEX3 with no place on the timeline, already written as its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Unplaced {
    pub kind: TimexType,
    pub grain: Grain,
    /// `P3Y`, `PT24H`, `XXXX-WXX-1`, `P1D`, `PRESENT_REF`.
    pub value: String,
}

/// When in a day.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum TimeOfDay {
    /// Hour (0–24) and minute.
    Clock(u8, u8),
    Part(DayPart),
}

/// A part of the day, as TIMEX3 names it (`TMO`, `TAF`, `TEV`, `TNI`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    /// The TIMEX3 code after the `T`.
    pub(crate) fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }
}

/// What a word means to the TIMEX3 patterns (all languages, folded spellings).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Word {
    /// A unit; `plural` when the word is a plural (`years`, `سنوات`).
    Unit { unit: DurUnit, plural: bool },
    /// An Arabic dual: two of the unit (`عامين`, `يومين`).
    Dual(DurUnit),
    /// A number word (`three`, `سه`, `ثلاثة`).
    Num(u32),
    /// An unknown number (`several`, `چند`, `عدة`).
    Some,
    /// A part of the day (`morning`, `صبح`, `مساء`).
    Part(DayPart),
    /// Noon (12:00) or midnight (24:00).
    Clock(u8),
    /// `every`, `each`, `هر`, `كل`.
    Every,
    /// An adverb of recurrence (`daily`, `سالانه`, `شهرياً`): once per unit.
    Per(DurUnit),
    /// A word that is a reference by itself (`now`, `اکنون`): its value.
    Ref(&'static str),
    /// A word that may begin a time of day and nothing else of ours (`at`,
    /// `this`, `tonight`, `امشب`, `الليلة`).
    Lead,
}

static TIMEX_WORDS_TSV: &str = include_str!("../../../data/timex_words.tsv");

/// Reads one `meaning` column of `data/timex_words.tsv`.
fn parse_word(meaning: &str) -> Option<Word> {
    let unit_of = DurUnit::from_name;
    let (head, arg) = meaning.split_once(':').unwrap_or((meaning, ""));
    Some(match head {
        "unit" => unit(unit_of(arg)?, false),
        "units" => unit(unit_of(arg)?, true),
        "dual" => Word::Dual(unit_of(arg)?),
        "per" => Word::Per(unit_of(arg)?),
        "num" => Word::Num(arg.parse().ok()?),
        "some" => Word::Some,
        "every" => Word::Every,
        "lead" => Word::Lead,
        "clock" => Word::Clock(arg.parse().ok().filter(|h| matches!(h, 12 | 24))?),
        "part" => Word::Part(match arg {
            "morning" => DayPart::Morning,
            "afternoon" => DayPart::Afternoon,
            "evening" => DayPart::Evening,
            "night" => DayPart::Night,
            _ => return None,
        }),
        "ref" => Word::Ref(match arg {
            "PRESENT_REF" => "PRESENT_REF",
            "PAST_REF" => "PAST_REF",
            "FUTURE_REF" => "FUTURE_REF",
            _ => return None,
        }),
        _ => return None,
    })
}

/// The words of `data/timex_words.tsv` for `lang`, as (spelling, meaning).
///
/// # Errors
/// The number and text of the first line that does not read.
fn words_of(tsv: &str, lang: Lang) -> Result<Vec<(String, Word)>, (usize, String)> {
    let mut out = Vec::new();
    for (i, line) in tsv.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = || (i + 1, line.to_string());
        let [l, meaning, spellings] = line.split('\t').collect::<Vec<_>>()[..] else {
            return Err(bad());
        };
        let word = parse_word(meaning).ok_or_else(bad)?;
        if Lang::parse(l).ok_or_else(bad)? == lang {
            out.extend(spellings.split('|').map(|s| (s.to_string(), word)));
        }
    }
    Ok(out)
}

/// The built-in words of `lang`.
fn builtin_words(lang: Lang) -> Vec<(String, Word)> {
    words_of(TIMEX_WORDS_TSV, lang).unwrap_or_else(|(line, text)| {
        unreachable!("data/timex_words.tsv line {line} is valid (checked by tests): {text}")
    })
}

const fn unit(unit: DurUnit, plural: bool) -> Word {
    Word::Unit { unit, plural }
}

/// One language's words, with a 1024-bit signature filter in front: most
/// words of running text are rejected by one bit test, without hashing.
struct Table {
    sig: Box<[u64; 16]>,
    words: foldhash::HashMap<String, Word>,
}

impl Table {
    fn new(spellings: &[(String, Word)]) -> Table {
        let mut sig = Box::new([0u64; 16]);
        let mut words = foldhash::HashMap::default();
        for (w, what) in spellings {
            let (f, what) = (fold_spelling(w), *what);
            let h = signature(f.as_bytes());
            sig[h / 64] |= 1 << (h % 64);
            words.insert(f, what);
        }
        Table { sig, words }
    }

    #[inline]
    fn get(&self, w: &str) -> Option<Word> {
        let h = signature(w.as_bytes());
        if self.sig[h / 64] & (1 << (h % 64)) == 0 {
            return None;
        }
        self.words.get(w).copied()
    }
}

/// A hash of a word's first two bytes, last byte and length (Arabic-script
/// letters share their first byte, so the second one counts too).
#[inline]
fn signature(w: &[u8]) -> usize {
    let n = w.len();
    if n == 0 {
        return 0;
    }
    let second = w.get(1).copied().unwrap_or(0) as usize;
    ((w[0] as usize).wrapping_mul(31)
        ^ second.wrapping_mul(131)
        ^ (w[n - 1] as usize).wrapping_mul(7)
        ^ n.wrapping_mul(389))
        & 1023
}

/// The folded spellings of each language's words: English, Persian, Arabic
/// (a word of one is often another word in the next: Persian `شهر` is a city).
static TABLES: LazyLock<[Table; 3]> =
    LazyLock::new(|| [Lang::En, Lang::Fa, Lang::Ar].map(|lang| Table::new(&builtin_words(lang))));

/// The words that may begin a time of day or a recurrence as written (Arabic
/// with its article: `الساعة`, `الظهر`): all the scan asks of the words of a
/// text when only dates and times are read.
static STARTS: LazyLock<[Table; 3]> = LazyLock::new(|| {
    let starts = |lang: Lang| -> Vec<(String, Word)> {
        builtin_words(lang)
            .into_iter()
            .filter(|(_, w)| starts_time(*w))
            .collect()
    };
    let ar_articled = ["الساعه", "الصباح", "المساء", "الظهر", "الفجر", "اللیله"].map(|w| (w.to_string(), Word::Lead));
    let mut ar = starts(Lang::Ar);
    ar.extend(ar_articled);
    [
        Table::new(&starts(Lang::En)),
        Table::new(&starts(Lang::Fa)),
        Table::new(&ar),
    ]
});

/// Whether a word may begin a time (or, `every`, a recurrence) by itself.
fn starts_time(w: Word) -> bool {
    matches!(
        w,
        Word::Part(_)
            | Word::Clock(_)
            | Word::Every
            | Word::Lead
            | Word::Unit {
                unit: DurUnit::Hour,
                plural: false
            }
    )
}

fn start_table(lang: Lang) -> Option<&'static Table> {
    let t = &*STARTS;
    match lang {
        Lang::En => Some(&t[0]),
        Lang::Fa => Some(&t[1]),
        Lang::Ar => Some(&t[2]),
        Lang::Ur => None,
    }
}

fn table(lang: Lang) -> Option<&'static Table> {
    let t = &*TABLES;
    match lang {
        Lang::En => Some(&t[0]),
        Lang::Fa => Some(&t[1]),
        Lang::Ar => Some(&t[2]),
        Lang::Ur => None,
    }
}

impl Parser<'_> {
    /// What the word at `i` means to the TIMEX3 patterns (Arabic `ال` and a
    /// clitic `و`/`ب`/`ل` are looked through when the word itself is unknown).
    pub(crate) fn tx_word(&self, i: usize) -> Option<Word> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Word {
            return None;
        }
        let w = t.text(self.buf);
        let table = table(self.lang)?;
        if let Some(x) = table.get(w) {
            return Some(x);
        }
        if self.lang != Lang::Ar {
            return None;
        }
        let rest = w
            .strip_prefix("ال")
            .or_else(|| w.strip_prefix("بال"))
            .or_else(|| w.strip_prefix("وال"))
            .or_else(|| w.strip_prefix("لل"))
            .or_else(|| ["و", "ب", "ل"].iter().find_map(|p| w.strip_prefix(p)))?;
        (rest.chars().count() >= 2).then(|| table.get(rest)).flatten()
    }

    /// Whether token `i` is the word `w` (as folded text).
    pub(crate) fn tx_is(&self, i: usize, words: &[&str]) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == TokKind::Word && words.contains(&t.text(self.buf)))
    }

    /// Whether a TIMEX3 pattern may start at word `i` (the scan skips other words).
    pub(super) fn timex_may_start(&self, i: usize) -> bool {
        let all = self.types == Types::All;
        if !all {
            let Some(t) = self.tok(i) else { return false };
            return match start_table(self.lang).and_then(|s| s.get(t.text(self.buf))) {
                Some(Word::Lead) if self.lang == Lang::En => self.lead_ok(i),
                Some(Word::Lead) => true,
                // the clock word before its hour: `ساعت ۱۰`, `الساعة الثامنة`
                Some(Word::Unit { .. }) => {
                    self.lang != Lang::En && (self.num(i + 1).is_some() || self.lang == Lang::Ar)
                }
                // `every Monday`, `كل يوم اثنين`: only before a weekday is there a date to keep out
                Some(Word::Every) => self.day_word_near(i + 1, Kind::Weekday),
                Some(_) => [Kind::Weekday, Kind::RelDay, Kind::Dir]
                    .iter()
                    .any(|&k| self.day_word_near(i + 1, k)),
                None => false,
            };
        }
        match self.tx_word(i) {
            Some(Word::Part(_) | Word::Clock(_) | Word::Every) => true,
            Some(Word::Lead) => all || self.lang != Lang::En || self.lead_ok(i),
            // `ساعت ۱۰`, `الساعة الثامنة`: the clock word
            Some(Word::Unit {
                unit: DurUnit::Hour, ..
            }) if self.lang != Lang::En => true,
            Some(_) => all,
            None => all && self.tx_start_word(i),
        }
    }

    /// Whether a `kind` word (a weekday, today) is at `k`, or at `k + 1` after
    /// a day word (`روز`, `يوم`) or a number (`صبح ۱۲ دی`: a date follows).
    fn day_word_near(&self, k: usize, kind: Kind) -> bool {
        let has = |k: usize| self.hits.get(k).is_some_and(|h| h.iter().any(|e| e.kind == kind));
        has(k) || self.num(k).is_some() || (self.tx_is(k, &["روز", "یوم"]) && has(k + 1))
    }

    /// Whether an English lead word at `i` is followed by what a time needs:
    /// a number (`at 3`), a part of the day or a clock word (`this morning`, `at noon`), `night`.
    fn lead_ok(&self, i: usize) -> bool {
        self.num(i + 1).is_some()
            || matches!(self.tx_word(i + 1), Some(Word::Part(_) | Word::Clock(_) | Word::Lead))
            || self.tx_is(i + 1, &["night"])
    }

    /// Every TIMEX3 pattern that is not a date at token `i`, longest first
    /// (on a tie a recurrence wins: `5% a year`). Durations and references
    /// are read only when all types are; recurrences always, so that `every
    /// Monday` is never read as a Monday (the extractor drops them unless asked).
    pub(super) fn timex(&self, i: usize) -> Option<Expr> {
        if self.types != Types::All {
            return matches!(self.tx_word(i), Some(Word::Every))
                .then(|| self.set(i))
                .flatten();
        }
        [self.set(i), self.duration(i), self.reference(i)]
            .into_iter()
            .flatten()
            .fold(None, |best: Option<Expr>, e| match &best {
                Some(b) if b.end >= e.end => best,
                _ => Some(e),
            })
    }

    /// An expression of an unplaced TIMEX3.
    pub(crate) fn unplaced(start: usize, end: usize, kind: TimexType, grain: Grain, value: String) -> Expr {
        Expr {
            start,
            end,
            what: super::What::Unplaced(Unplaced { kind, grain, value }),
            modifier: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_data_reads_in_every_language() {
        for lang in [Lang::En, Lang::Fa, Lang::Ar] {
            let words = words_of(TIMEX_WORDS_TSV, lang).unwrap();
            assert!(words.len() > 30, "{lang:?}: {}", words.len());
        }
        assert_eq!(table(Lang::En).unwrap().get("years"), Some(unit(DurUnit::Year, true)));
        assert_eq!(table(Lang::Ar).unwrap().get("عامین"), Some(Word::Dual(DurUnit::Year)));
    }

    #[test]
    fn a_bad_line_is_named() {
        assert_eq!(
            words_of("en\tunit:fortnight\tfortnight\n", Lang::En),
            Err((1, "en\tunit:fortnight\tfortnight".into()))
        );
        assert_eq!(words_of("# c\nen\tlead\n", Lang::En), Err((2, "en\tlead".into())));
        assert!(words_of("xx\tlead\tat\n", Lang::En).is_err());
    }
}
