//! Month, weekday, ordinal and relative words of every supported language
//! (as data, `data/lexicon.tsv`), digits, and the text normalizer used for
//! matching.
//!
//! Matching happens on *folded* text: Arabic and Persian letter variants
//! collapse (ي/ی, ك/ک, أ/إ/آ→ا, ة→ه), harakat and tatweel vanish, Persian and
//! Arabic-Indic digits become ASCII, Latin letters lower-case. ZWNJ is a word
//! break, so `دی‌ماه` and `دی ماه` read alike. [`tokenize`] keeps each token's
//! code-point span in the original text, so every match maps back exactly.

mod tokens;
mod words;

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;

pub(crate) use tokens::{Gap, TokKind, Token, tokenize};
pub use words::{AmPm, Conj, Dir, DurUnit, FrameWord, Kind, ModWord, Season, Unit, Value};

/// A language of the text.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Persian.
    Fa,
    /// Arabic.
    Ar,
    /// English.
    En,
    /// Urdu.
    Ur,
}

impl Lang {
    /// Parses `fa`, `ar`, `en`, `ur` (case-insensitive); None for anything else.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fa" | "per" | "fas" | "prs" => Some(Lang::Fa),
            "ar" | "ara" => Some(Lang::Ar),
            "en" | "eng" => Some(Lang::En),
            "ur" | "urd" => Some(Lang::Ur),
            _ => None,
        }
    }

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fa => "fa",
            Lang::Ar => "ar",
            Lang::En => "en",
            Lang::Ur => "ur",
        }
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(self) -> bool {
        !matches!(self, Lang::En)
    }

    fn bit(self) -> u8 {
        match self {
            Lang::Fa => 1,
            Lang::Ar => 2,
            Lang::En => 4,
            Lang::Ur => 8,
        }
    }
}

/// Guesses the language of a text from its letters: Persian, Arabic and Urdu
/// are told apart by the letters (and, for Persian, the digits) only each of them uses.
pub fn detect_lang(text: &str) -> Lang {
    const SAMPLE_CHARS: usize = 20_000;
    let mut bytes = text.as_bytes();
    if bytes.len() > SAMPLE_CHARS {
        // cut after the first SAMPLE_CHARS characters
        let mut chars = 0;
        if let Some(cut) = bytes.iter().position(|&b| {
            chars += usize::from(b & 0xC0 != 0x80);
            chars > SAMPLE_CHARS
        }) {
            bytes = &bytes[..cut];
        }
    }
    let [latin, arabic_script, fa, ar, ur] = letter_counts(bytes);
    choose_lang(latin, arabic_script, fa, ar, ur)
}

/// The language the letter counts point to: Latin beats Arabic script;
/// within it, the letters only Urdu, Arabic or Persian use decide.
fn choose_lang(latin: u32, arabic_script: u32, fa: u32, ar: u32, ur: u32) -> Lang {
    if latin > arabic_script {
        Lang::En
    } else if ur * 2 > fa.max(ar) && ur > 0 {
        Lang::Ur
    } else if ar > fa {
        Lang::Ar
    } else if fa > 0 {
        Lang::Fa
    } else if arabic_script > 0 {
        Lang::Ar
    } else {
        Lang::En
    }
}

/// Counts Latin letters, U+0600..U+06FF characters, and the letters only
/// Persian, Arabic and Urdu use (in that order) in UTF-8 `bytes`.
///
/// Written as byte-pair comparisons with 8-bit counters over blocks of 255
/// bytes so that it compiles to vector code: a U+0600..U+06FF character is a
/// lead byte D8..DB (no other byte of any character is in that range) and a
/// continuation byte, and no byte of a non-ASCII character reads as a Latin
/// letter.
fn letter_counts(bytes: &[u8]) -> [u32; 5] {
    let mut total = [0u32; 5];
    let Some(&first) = bytes.first() else { return total };
    total[0] += u32::from(first.is_ascii_alphabetic());
    total[1] += u32::from(first & 0xFC == 0xD8);
    let mut start = 1;
    while start < bytes.len() {
        let end = (start + 255).min(bytes.len());
        let (mut latin, mut arabic, mut fa, mut ar, mut ur) = (0u8, 0u8, 0u8, 0u8, 0u8);
        for i in start..end {
            let (p, c) = (bytes[i - 1], bytes[i]);
            latin += u8::from((c | 0x20).wrapping_sub(b'a') < 26);
            arabic += u8::from(c & 0xFC == 0xD8);
            let (d8, d9, da, db) = (p == 0xD8, p == 0xD9, p == 0xDA, p == 0xDB);
            // پ; چ ژ گ ک; ی and the Persian digits ۰..۹ (`در سوم خرداد ۱۳۶۱` has no other sign)
            fa += u8::from(d9 & (c == 0xBE))
                + u8::from(da & ((c == 0x86) | (c == 0x98) | (c == 0xAF) | (c == 0xA9)))
                + u8::from(db & ((c == 0x8C) | (c.wrapping_sub(0xB0) < 10)));
            // ي ك ى; ة
            ar += u8::from(d9 & ((c == 0x8A) | (c == 0x83) | (c == 0x89))) + u8::from(d8 & (c == 0xA9));
            // ٹ; ڈ ڑ ں ھ; ے ہ
            ur += u8::from(d9 & (c == 0xB9))
                + u8::from(da & ((c == 0x88) | (c == 0x91) | (c == 0xBA) | (c == 0xBE)))
                + u8::from(db & ((c == 0x92) | (c == 0x81)));
        }
        for (t, n) in total.iter_mut().zip([latin, arabic, fa, ar, ur]) {
            *t += u32::from(n);
        }
        start = end;
    }
    total
}

/// Folds one character for matching; None drops it (harakat, tatweel).
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    Some(match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'ي' | 'ى' | 'ی' | 'ئ' | 'ے' => 'ی',
        'ك' | 'ک' => 'ک',
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ة' | 'ۀ' | 'ە' | 'ہ' | 'ھ' => 'ه',
        'ؤ' => 'و',
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        // soft hyphen and zero-width joiner: invisible inside a word (`اردی\u{AD}بهشت`)
        '\u{0610}'..='\u{061A}'
        | '\u{0640}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{00AD}'
        | '\u{200D}' => {
            return None;
        }
        _ => c,
    })
}

/// Whether a character separates words without being punctuation: white
/// space, ZWNJ and bidirectional marks (a ZWJ is dropped, like a soft hyphen).
#[inline]
pub fn is_break(c: char) -> bool {
    if ('\u{0621}'..='\u{06FF}').contains(&c) {
        return false;
    }
    c.is_whitespace()
        || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// A spelling as the lexicon matches it: each character through
/// [`fold_char`], breaks (spaces, ZWNJ, bidi marks) as single spaces. Unlike
/// `chronology::fold_for_matching` it keeps the Arabic article, which date
/// words need (`الثاني`).
pub fn fold_spelling(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if is_break(c) {
            pending_space = !out.is_empty();
            continue;
        }
        if let Some(f) = fold_char(c) {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(f);
        }
    }
    out
}

/// How much context a word needs before it counts as a date word.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Ambiguity {
    /// Only ever a date word.
    None,
    /// Also a common word: a date only with a day, a year or an explicit frame.
    NeedsDayOrYear,
    /// Very common word: a date only with a year.
    NeedsYear,
    /// English: must be capitalized.
    Capitalized,
}

/// One lexicon entry: a word or phrase and what it means.
#[derive(Clone, Debug)]
pub struct Entry {
    /// What the word is.
    pub kind: Kind,
    /// What it means.
    pub value: Value,
    langs: u8,
    /// How much context it needs to count as a date word.
    pub ambiguity: Ambiguity,
    /// Folded words after the first (for phrases such as `كانون الثاني`).
    pub rest: Vec<Box<str>>,
}

impl Entry {
    /// The month a month-name entry names, 1–12.
    pub fn month(&self) -> Option<u8> {
        match self.value {
            Value::Month(m) => Some(m),
            _ => None,
        }
    }

    /// The weekday a [`Kind::Weekday`] entry names.
    pub fn weekday(&self) -> Option<chrono::Weekday> {
        match self.value {
            Value::Weekday(w) => Some(w),
            _ => None,
        }
    }

    /// Whether an expression can begin with this word. Connectors, frames
    /// such as `در`/`في` and era marks only ever continue one, so scanning
    /// skips them.
    pub fn can_start(&self) -> bool {
        match self.kind {
            Kind::Era
            | Kind::Clock
            | Kind::AmPm
            | Kind::SinceNow
            | Kind::Vague
            | Kind::DurUnit
            | Kind::Future
            | Kind::NameHead => false,
            Kind::Conj => self.value == Value::Conj(Conj::From),
            Kind::Frame => match self.value {
                Value::Frame(FrameWord::Equals) => false,
                Value::Frame(FrameWord::In | FrameWord::Night | FrameWord::Of) => !self.rest.is_empty(),
                _ => true,
            },
            _ => true,
        }
    }

    /// Whether the entry is trusted in `lang`.
    pub fn in_lang(&self, lang: Lang) -> bool {
        self.langs & lang.bit() != 0
    }
}

/// Why the lexicon data could not be read (a bug in `data/lexicon.tsv`).
#[derive(Debug, thiserror::Error)]
#[error("data/lexicon.tsv line {line}: {reason}")]
pub struct LexiconError {
    /// 1-based line of `data/lexicon.tsv`.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

/// The lexicon: folded first word → entries starting with it.
#[derive(Debug)]
pub struct Lexicon {
    by_first: foldhash::HashMap<Box<str>, Vec<Entry>>,
    /// Bit per [`signature`] of every key: most words of running text are
    /// rejected here without hashing.
    signatures: Box<[u64; SIG_WORDS]>,
}

const SIG_SHIFT: u32 = 14;
const SIG_BITS: usize = 1 << SIG_SHIFT;
const SIG_WORDS: usize = SIG_BITS / 64;

/// A hash of a word's first and last four bytes and its length: nearly as
/// selective as the whole word (few words share both ends and the length of a
/// key) at the cost of two loads and a multiply.
#[inline]
fn signature(word: &str) -> usize {
    let b = word.as_bytes();
    let n = b.len();
    let (head, tail) = if n >= 4 {
        (
            u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
            u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]),
        )
    } else {
        let mut x = 0u32;
        for &c in b {
            x = x << 8 | c as u32;
        }
        (x, 0)
    };
    let h = ((head as u64) << 32 | tail as u64) ^ (n as u64).wrapping_mul(0x9E37_79B9);
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SIG_SHIFT)) as usize
}

static LEXICON_TSV: &str = include_str!("../../data/lexicon.tsv");

static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(LEXICON_TSV).expect("data/lexicon.tsv is valid (checked by tests)"));

impl Lexicon {
    /// The lexicon built into the binary.
    pub fn get() -> &'static Lexicon {
        &LEXICON
    }

    /// Reads the TSV format described at the top of `data/lexicon.tsv`.
    ///
    /// # Errors
    /// A [`LexiconError`] naming the first bad line.
    pub fn parse(tsv: &str) -> Result<Lexicon, LexiconError> {
        let mut by_first: foldhash::HashMap<Box<str>, Vec<Entry>> = foldhash::HashMap::default();
        for (i, line) in tsv.lines().enumerate() {
            let line_no = i + 1;
            let err = |reason: &str| LexiconError {
                line: line_no,
                reason: reason.to_string(),
            };
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let [kind, value, langs, flags, spellings] = cols[..] else {
                return Err(err("expected 5 tab-separated columns"));
            };
            let kind = parse_kind(kind).ok_or_else(|| err("unknown kind"))?;
            let value = parse_value(kind, value).ok_or_else(|| err("bad value"))?;
            let mut lang_bits = 0u8;
            for l in langs.split('|') {
                lang_bits |= if l == "*" {
                    0xFF
                } else {
                    Lang::parse(l).ok_or_else(|| err("bad language"))?.bit()
                };
            }
            let ambiguity = match flags {
                "-" => Ambiguity::None,
                "amb" => Ambiguity::NeedsDayOrYear,
                "amb2" => Ambiguity::NeedsYear,
                "cap" => Ambiguity::Capitalized,
                _ => return Err(err("bad flags")),
            };
            for spelling in spellings.split('|') {
                let folded = fold_spelling(spelling);
                let mut words = folded.split(' ').filter(|w| !w.is_empty());
                let first = words.next().ok_or_else(|| err("empty spelling"))?;
                let rest: Vec<Box<str>> = words.map(Box::from).collect();
                let list = by_first.entry(Box::from(first)).or_default();
                let entry = Entry {
                    kind,
                    value,
                    langs: lang_bits,
                    ambiguity,
                    rest,
                };
                match list
                    .iter_mut()
                    .find(|e| e.kind == entry.kind && e.value == entry.value && e.rest == entry.rest)
                {
                    Some(same) => same.langs |= entry.langs,
                    None => list.push(entry),
                }
            }
        }
        let mut signatures = Box::new([0u64; SIG_WORDS]);
        for (key, list) in by_first.iter_mut() {
            list.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
            let sig = signature(key);
            signatures[sig / 64] |= 1 << (sig % 64);
        }
        Ok(Lexicon { by_first, signatures })
    }

    /// Entries whose first folded word is `word`, longest phrases first.
    #[inline]
    pub fn lookup(&self, word: &str) -> &[Entry] {
        let sig = signature(word);
        if self.signatures[sig / 64] & (1 << (sig % 64)) == 0 {
            return &[];
        }
        self.lookup_key(word)
    }

    #[inline(never)]
    fn lookup_key(&self, word: &str) -> &[Entry] {
        self.by_first.get(word).map_or(&[], |v| v.as_slice())
    }

    /// Every folded spelling of `kind` with `value` (for tests and docs).
    pub fn spellings(&self, kind: Kind, value: Value) -> Vec<String> {
        let mut out = Vec::new();
        for (first, list) in &self.by_first {
            for e in list.iter().filter(|e| e.kind == kind && e.value == value) {
                let mut s = first.to_string();
                for r in &e.rest {
                    s.push(' ');
                    s.push_str(r);
                }
                out.push(s);
            }
        }
        out.sort();
        out
    }
}

fn parse_kind(s: &str) -> Option<Kind> {
    Some(match s {
        "gmonth" => Kind::GMonth,
        "pmonth" => Kind::PMonth,
        "hmonth" => Kind::HMonth,
        "weekday" => Kind::Weekday,
        "ordinal" => Kind::Ordinal,
        "numword" => Kind::NumWord,
        "relday" => Kind::RelDay,
        "unit" => Kind::Unit,
        "durunit" => Kind::DurUnit,
        "dir" => Kind::Dir,
        "relyear" => Kind::RelYear,
        "mod" => Kind::Mod,
        "sincenow" => Kind::SinceNow,
        "frame" => Kind::Frame,
        "era" => Kind::Era,
        "conj" => Kind::Conj,
        "clock" => Kind::Clock,
        "ampm" => Kind::AmPm,
        "ago" => Kind::Ago,
        "vague" => Kind::Vague,
        "future" => Kind::Future,
        "namehead" => Kind::NameHead,
        "within" => Kind::Within,
        "season" => Kind::Season,
        "nth" => Kind::Nth,
        "decade" => Kind::Decade,
        "century" => Kind::Century,
        _ => return None,
    })
}

fn parse_value(kind: Kind, s: &str) -> Option<Value> {
    use chrono::Weekday as W;
    Some(match kind {
        Kind::GMonth | Kind::PMonth | Kind::HMonth => Value::Month(s.parse().ok().filter(|m| (1..=12).contains(m))?),
        Kind::Ordinal | Kind::NumWord => Value::Number(s.parse().ok()?),
        Kind::RelDay => Value::Days(s.parse().ok()?),
        Kind::RelYear => Value::Years(s.parse().ok()?),
        Kind::Weekday => Value::Weekday(match s {
            "mon" => W::Mon,
            "tue" => W::Tue,
            "wed" => W::Wed,
            "thu" => W::Thu,
            "fri" => W::Fri,
            "sat" => W::Sat,
            "sun" => W::Sun,
            _ => return None,
        }),
        Kind::Unit => Value::Unit(match s {
            "day" => Unit::Day,
            "week" => Unit::Week,
            "month" => Unit::Month,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            _ => return None,
        }),
        // `day2`: the Arabic dual, two days
        Kind::DurUnit => match s.strip_suffix('2') {
            Some(unit) => Value::Dual(DurUnit::from_name(unit)?),
            None => Value::DurUnit(DurUnit::from_name(s)?),
        },
        Kind::Dir => Value::Dir(match s {
            "past" => Dir::Past,
            "future" => Dir::Next,
            "this" => Dir::This,
            _ => return None,
        }),
        Kind::Mod => Value::Mod(match s {
            "START" => ModWord::Start,
            "MID" => ModWord::Mid,
            "END" => ModWord::End,
            "BEFORE" => ModWord::Before,
            "AFTER" => ModWord::After,
            _ => return None,
        }),
        Kind::Frame => Value::Frame(match s {
            "day" => FrameWord::Day,
            "in" => FrameWord::In,
            "date" => FrameWord::Date,
            "night" => FrameWord::Night,
            "of" => FrameWord::Of,
            "equals" => FrameWord::Equals,
            _ => return None,
        }),
        Kind::Era => Value::Era(match s {
            "gregorian" => Calendar::Gregorian,
            "persian" => Calendar::Persian,
            "hijri" => Calendar::Hijri,
            _ => return None,
        }),
        Kind::Conj => Value::Conj(match s {
            "and" => Conj::And,
            "to" => Conj::To,
            "from" => Conj::From,
            _ => return None,
        }),
        Kind::AmPm => Value::AmPm(match s {
            "am" => AmPm::Am,
            "pm" => AmPm::Pm,
            _ => return None,
        }),
        Kind::Season => Value::Season(match s {
            "spring" => Season::Spring,
            "summer" => Season::Summer,
            "fall" => Season::Fall,
            "winter" => Season::Winter,
            _ => return None,
        }),
        Kind::Nth => Value::Nth(match s {
            "last" => -1,
            _ => s.parse().ok().filter(|n| (1..=5).contains(n))?,
        }),
        Kind::Decade => match s {
            "word" => Value::Marker,
            _ => Value::Number(
                s.parse()
                    .ok()
                    .filter(|n: &u32| n.is_multiple_of(10) && (10..=90).contains(n))?,
            ),
        },
        Kind::SinceNow
        | Kind::Clock
        | Kind::Ago
        | Kind::Vague
        | Kind::Future
        | Kind::NameHead
        | Kind::Within
        | Kind::Century => Value::Marker,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The char-by-char detector the byte one must agree with.
    fn detect_reference(text: &str) -> Lang {
        let (mut fa, mut ar, mut ur, mut latin, mut arabic_script) = (0u32, 0u32, 0u32, 0u32, 0u32);
        for c in text.chars().take(20_000) {
            match c {
                'پ' | 'چ' | 'ژ' | 'گ' | 'ی' | 'ک' | '۰'..='۹' => fa += 1,
                'ي' | 'ك' | 'ة' | 'ى' => ar += 1,
                'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ے' | 'ھ' | 'ہ' => ur += 1,
                'a'..='z' | 'A'..='Z' => latin += 1,
                _ => {}
            }
            if ('\u{0600}'..='\u{06FF}').contains(&c) {
                arabic_script += 1;
            }
        }
        choose_lang(latin, arabic_script, fa, ar, ur)
    }

    proptest::proptest! {
        #[test]
        fn detect_agrees_with_reference(s in "[a-zA-Z0-9 .\u{0600}-\u{06FF}\u{00E9}\u{0410}\u{FB50}\u{1F600}]{0,60}") {
            proptest::prop_assert_eq!(detect_lang(&s), detect_reference(&s));
        }
    }

    #[test]
    fn detect_reads_only_the_first_20000_characters() {
        // one character more or less would tip the balance to English
        let s = "a".repeat(10_000) + &"پ".repeat(10_000) + "aaaa";
        assert_eq!(detect_reference(&s), Lang::Fa);
        assert_eq!(detect_lang(&s), Lang::Fa);
        let s = "x".repeat(20_000) + &"پ".repeat(30_000);
        assert_eq!(detect_lang(&s), Lang::En);
    }

    #[test]
    fn detect_agrees_on_every_arabic_script_letter() {
        for c in '\u{0600}'..='\u{06FF}' {
            for s in [c.to_string(), format!("{c}{c}ab"), format!("ا{c} ی")] {
                assert_eq!(detect_lang(&s), detect_reference(&s), "{s}");
            }
        }
    }

    #[test]
    fn signatures_admit_every_key() {
        let lex = Lexicon::get();
        for key in lex.by_first.keys() {
            assert!(!lex.lookup(key).is_empty(), "{key}");
        }
    }

    #[test]
    fn counting_units_and_arabic_duals_are_typed() {
        let lex = Lexicon::get();
        let value = |w: &str| {
            lex.lookup(&fold_spelling(w))
                .iter()
                .find(|e| e.kind == Kind::DurUnit)
                .map(|e| e.value)
        };
        assert_eq!(value("يومين"), Some(Value::Dual(DurUnit::Day)));
        assert_eq!(value("عامين"), Some(Value::Dual(DurUnit::Year)));
        assert!(parse_value(Kind::DurUnit, "fortnight2").is_none());
        assert_eq!(
            parse_value(Kind::DurUnit, "decade"),
            Some(Value::DurUnit(DurUnit::Decade))
        );
        assert_eq!(DurUnit::Decade.iso_duration(Some(2)), "P20Y");
        assert_eq!(DurUnit::Hour.iso_duration(None), "PTXH");
        assert_eq!(DurUnit::Century.iso_duration(None), "PXC");
    }

    #[test]
    fn twelve_hour_clock_to_24() {
        assert_eq!(
            [
                AmPm::Pm.to_24h(3),
                AmPm::Pm.to_24h(12),
                AmPm::Am.to_24h(12),
                AmPm::Am.to_24h(9)
            ],
            [15, 12, 0, 9]
        );
    }

    #[test]
    fn lexicon_data_parses() {
        Lexicon::parse(LEXICON_TSV).unwrap();
    }

    #[test]
    fn fold_collapses_variants() {
        assert_eq!(fold_spelling("دی‌ماه"), "دی ماه");
        assert_eq!(fold_spelling("يناير"), fold_spelling("یناير"));
        assert_eq!(fold_spelling("كانون الثاني"), "کانون الثانی");
        assert_eq!(fold_spelling("۱۴۰۰"), "1400");
        assert_eq!(fold_spelling("٢٠٢٢"), "2022");
        assert_eq!(fold_spelling("ژانویهٔ"), "ژانویه");
        assert_eq!(fold_spelling("مـــحرم"), "محرم");
        assert_eq!(fold_spelling("الأسبوعُ"), "الاسبوع");
        assert_eq!(fold_spelling("  a\u{200F}B  "), "a b");
    }

    #[test]
    fn detects_languages() {
        assert_eq!(detect_lang("روز یکشنبه در ژنو گفت"), Lang::Fa);
        assert_eq!(detect_lang("قال المتحدث يوم الإثنين في جنيف إن الكرملين"), Lang::Ar);
        assert_eq!(detect_lang("The talks took place on Monday"), Lang::En);
    }
}
