//! The TIMEX3 types beside dates: what a duration, a recurrence, a vague
//! reference and a time of day are as parsed, the words that begin them in
//! every language, and the hook the scan calls (`durations.rs`, `sets.rs`,
//! `times.rs` hold the patterns).

use std::sync::LazyLock;

use crate::extract::{Grain, TimexType, Types};
use crate::lexicon::{Kind, Lang, TokKind, fold_spelling};

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

/// A unit a duration or a recurrence counts in.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum DurUnit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl DurUnit {
    /// The TIMEX3 duration of `n` units (None: an unknown number, `PXY`).
    pub(crate) fn value(self, n: Option<u32>) -> String {
        let count = |k: u32| n.map_or_else(|| "X".to_string(), |n| n.saturating_mul(k).to_string());
        match self {
            DurUnit::Second => format!("PT{}S", count(1)),
            DurUnit::Minute => format!("PT{}M", count(1)),
            DurUnit::Hour => format!("PT{}H", count(1)),
            DurUnit::Day => format!("P{}D", count(1)),
            DurUnit::Week => format!("P{}W", count(1)),
            DurUnit::Month => format!("P{}M", count(1)),
            DurUnit::Quarter => format!("P{}Q", count(1)),
            DurUnit::Year => format!("P{}Y", count(1)),
            DurUnit::Decade if n.is_none() => "PXE".into(),
            DurUnit::Decade => format!("P{}Y", count(10)),
            DurUnit::Century if n.is_none() => "PXC".into(),
            DurUnit::Century => format!("P{}Y", count(100)),
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

/// The English spellings of [`Word`]s. Left out because TimeBank news leaves
/// them out more often than not: `quarterly` (mostly the adjective of a
/// report), `soon`, `previously`.
const EN: &[(&str, Word)] = &[
    ("second", unit(DurUnit::Second, false)),
    ("seconds", unit(DurUnit::Second, true)),
    ("minute", unit(DurUnit::Minute, false)),
    ("minutes", unit(DurUnit::Minute, true)),
    ("hour", unit(DurUnit::Hour, false)),
    ("hours", unit(DurUnit::Hour, true)),
    ("day", unit(DurUnit::Day, false)),
    ("days", unit(DurUnit::Day, true)),
    ("week", unit(DurUnit::Week, false)),
    ("weeks", unit(DurUnit::Week, true)),
    ("month", unit(DurUnit::Month, false)),
    ("months", unit(DurUnit::Month, true)),
    ("quarter", unit(DurUnit::Quarter, false)),
    ("quarters", unit(DurUnit::Quarter, true)),
    ("year", unit(DurUnit::Year, false)),
    ("years", unit(DurUnit::Year, true)),
    ("decade", unit(DurUnit::Decade, false)),
    ("decades", unit(DurUnit::Decade, true)),
    ("century", unit(DurUnit::Century, false)),
    ("centuries", unit(DurUnit::Century, true)),
    ("several", Word::Some),
    ("few", Word::Some),
    ("many", Word::Some),
    ("morning", Word::Part(DayPart::Morning)),
    ("afternoon", Word::Part(DayPart::Afternoon)),
    ("evening", Word::Part(DayPart::Evening)),
    ("night", Word::Part(DayPart::Night)),
    ("noon", Word::Clock(12)),
    ("midday", Word::Clock(12)),
    ("midnight", Word::Clock(24)),
    ("every", Word::Every),
    ("each", Word::Every),
    ("hourly", Word::Per(DurUnit::Hour)),
    ("daily", Word::Per(DurUnit::Day)),
    ("nightly", Word::Per(DurUnit::Day)),
    ("weekly", Word::Per(DurUnit::Week)),
    ("monthly", Word::Per(DurUnit::Month)),
    ("annually", Word::Per(DurUnit::Year)),
    ("yearly", Word::Per(DurUnit::Year)),
    ("this", Word::Lead),
    ("last", Word::Lead),
    ("tonight", Word::Lead),
    ("tonite", Word::Lead),
    ("later", Word::Lead),
    ("early", Word::Lead),
    ("late", Word::Lead),
    ("mid", Word::Lead),
    ("around", Word::Lead),
    ("about", Word::Lead),
    ("at", Word::Lead),
    ("now", Word::Ref("PRESENT_REF")),
    ("currently", Word::Ref("PRESENT_REF")),
    ("nowadays", Word::Ref("PRESENT_REF")),
    ("recently", Word::Ref("PAST_REF")),
];

/// The Persian spellings of [`Word`]s, folded when the table is built.
const FA: &[(&str, Word)] = &[
    ("ثانیه", unit(DurUnit::Second, false)),
    ("دقیقه", unit(DurUnit::Minute, false)),
    ("ساعت", unit(DurUnit::Hour, false)),
    ("روز", unit(DurUnit::Day, false)),
    ("هفته", unit(DurUnit::Week, false)),
    ("ماه", unit(DurUnit::Month, false)),
    ("سال", unit(DurUnit::Year, false)),
    ("دهه", unit(DurUnit::Decade, false)),
    ("قرن", unit(DurUnit::Century, false)),
    ("یک", Word::Num(1)),
    ("دو", Word::Num(2)),
    ("سه", Word::Num(3)),
    ("چهار", Word::Num(4)),
    ("پنج", Word::Num(5)),
    ("شش", Word::Num(6)),
    ("هفت", Word::Num(7)),
    ("هشت", Word::Num(8)),
    ("نه", Word::Num(9)),
    ("ده", Word::Num(10)),
    ("یازده", Word::Num(11)),
    ("دوازده", Word::Num(12)),
    ("پانزده", Word::Num(15)),
    ("بیست", Word::Num(20)),
    ("سی", Word::Num(30)),
    ("چهل", Word::Num(40)),
    ("پنجاه", Word::Num(50)),
    ("صد", Word::Num(100)),
    ("چند", Word::Some),
    ("صبح", Word::Part(DayPart::Morning)),
    ("بامداد", Word::Part(DayPart::Morning)),
    ("ظهر", Word::Clock(12)),
    ("عصر", Word::Part(DayPart::Afternoon)),
    ("غروب", Word::Part(DayPart::Evening)),
    ("شب", Word::Part(DayPart::Night)),
    ("هر", Word::Every),
    ("روزانه", Word::Per(DurUnit::Day)),
    ("هفتگی", Word::Per(DurUnit::Week)),
    ("ماهانه", Word::Per(DurUnit::Month)),
    ("ماهیانه", Word::Per(DurUnit::Month)),
    ("سالانه", Word::Per(DurUnit::Year)),
    ("سالیانه", Word::Per(DurUnit::Year)),
    ("امشب", Word::Lead),
    ("دیشب", Word::Lead),
    ("پریشب", Word::Lead),
    ("اکنون", Word::Ref("PRESENT_REF")),
    ("اینک", Word::Ref("PRESENT_REF")),
    ("اخیرا", Word::Ref("PAST_REF")),
    ("بزودی", Word::Ref("FUTURE_REF")),
];

/// The Arabic spellings of [`Word`]s, folded when the table is built.
const AR: &[(&str, Word)] = &[
    ("ثانیه", unit(DurUnit::Second, false)),
    ("ثوان", unit(DurUnit::Second, true)),
    ("دقائق", unit(DurUnit::Minute, true)),
    ("ساعه", unit(DurUnit::Hour, false)),
    ("ساعات", unit(DurUnit::Hour, true)),
    ("یوم", unit(DurUnit::Day, false)),
    ("یوما", unit(DurUnit::Day, false)),
    ("ایام", unit(DurUnit::Day, true)),
    ("اسبوع", unit(DurUnit::Week, false)),
    ("اسبوعا", unit(DurUnit::Week, false)),
    ("اسابیع", unit(DurUnit::Week, true)),
    ("شهر", unit(DurUnit::Month, false)),
    ("شهرا", unit(DurUnit::Month, false)),
    ("اشهر", unit(DurUnit::Month, true)),
    ("شهور", unit(DurUnit::Month, true)),
    ("سنه", unit(DurUnit::Year, false)),
    ("سنوات", unit(DurUnit::Year, true)),
    ("سنین", unit(DurUnit::Year, true)),
    ("عام", unit(DurUnit::Year, false)),
    ("عاما", unit(DurUnit::Year, false)),
    ("اعوام", unit(DurUnit::Year, true)),
    ("عقد", unit(DurUnit::Decade, false)),
    ("عقود", unit(DurUnit::Decade, true)),
    ("قرون", unit(DurUnit::Century, true)),
    ("ثانیتین", Word::Dual(DurUnit::Second)),
    ("دقیقتین", Word::Dual(DurUnit::Minute)),
    ("ساعتین", Word::Dual(DurUnit::Hour)),
    ("یومین", Word::Dual(DurUnit::Day)),
    ("اسبوعین", Word::Dual(DurUnit::Week)),
    ("شهرین", Word::Dual(DurUnit::Month)),
    ("سنتین", Word::Dual(DurUnit::Year)),
    ("عامین", Word::Dual(DurUnit::Year)),
    ("عقدین", Word::Dual(DurUnit::Decade)),
    ("قرنین", Word::Dual(DurUnit::Century)),
    ("واحد", Word::Num(1)),
    ("ثلاثه", Word::Num(3)),
    ("ثلاث", Word::Num(3)),
    ("اربعه", Word::Num(4)),
    ("اربع", Word::Num(4)),
    ("خمسه", Word::Num(5)),
    ("خمس", Word::Num(5)),
    ("سته", Word::Num(6)),
    ("ست", Word::Num(6)),
    ("سبعه", Word::Num(7)),
    ("سبع", Word::Num(7)),
    ("ثمانیه", Word::Num(8)),
    ("ثمانی", Word::Num(8)),
    ("تسعه", Word::Num(9)),
    ("تسع", Word::Num(9)),
    ("عشره", Word::Num(10)),
    ("عشر", Word::Num(10)),
    ("عشرین", Word::Num(20)),
    ("عشرون", Word::Num(20)),
    ("ثلاثین", Word::Num(30)),
    ("ثلاثون", Word::Num(30)),
    ("اربعین", Word::Num(40)),
    ("خمسین", Word::Num(50)),
    ("عده", Word::Some),
    ("بضعه", Word::Some),
    ("بضع", Word::Some),
    ("صباح", Word::Part(DayPart::Morning)),
    ("صباحا", Word::Part(DayPart::Morning)),
    ("فجر", Word::Part(DayPart::Morning)),
    ("الفجر", Word::Part(DayPart::Morning)),
    ("ظهر", Word::Clock(12)),
    ("الظهر", Word::Clock(12)),
    ("عصر", Word::Part(DayPart::Afternoon)),
    ("ظهیره", Word::Clock(12)),
    ("مساء", Word::Part(DayPart::Evening)),
    ("مساءا", Word::Part(DayPart::Evening)),
    ("لیل", Word::Part(DayPart::Night)),
    ("لیلا", Word::Part(DayPart::Night)),
    ("کل", Word::Every),
    ("یومیا", Word::Per(DurUnit::Day)),
    ("اسبوعیا", Word::Per(DurUnit::Week)),
    ("شهریا", Word::Per(DurUnit::Month)),
    ("سنویا", Word::Per(DurUnit::Year)),
    ("اللیله", Word::Lead),
    ("لیله", Word::Lead),
    ("الان", Word::Ref("PRESENT_REF")),
    ("حالیا", Word::Ref("PRESENT_REF")),
    ("مستقبلا", Word::Ref("FUTURE_REF")),
    ("قریبا", Word::Ref("FUTURE_REF")),
    ("مؤخرا", Word::Ref("PAST_REF")),
];

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
    fn new(spellings: &[(&str, Word)]) -> Table {
        let mut sig = Box::new([0u64; 16]);
        let mut words = foldhash::HashMap::default();
        for &(w, what) in spellings {
            let f = fold_spelling(w);
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
static TABLES: LazyLock<[Table; 3]> = LazyLock::new(|| [Table::new(EN), Table::new(FA), Table::new(AR)]);

/// The words that may begin a time of day or a recurrence as written (Arabic
/// with its article: `الساعة`, `الظهر`): all the scan asks of the words of a
/// text when only dates and times are read.
static STARTS: LazyLock<[Table; 3]> = LazyLock::new(|| {
    let starts = |words: &[(&'static str, Word)]| -> Vec<(&'static str, Word)> {
        words.iter().copied().filter(|(_, w)| starts_time(*w)).collect()
    };
    let ar_articled: Vec<(&str, Word)> = ["الساعه", "الصباح", "المساء", "الظهر", "الفجر", "اللیله"]
        .iter()
        .map(|w| (*w, Word::Lead))
        .collect();
    let mut ar = starts(AR);
    ar.extend(ar_articled);
    [Table::new(&starts(EN)), Table::new(&starts(FA)), Table::new(&ar)]
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
