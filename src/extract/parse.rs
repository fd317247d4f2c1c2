//! Token patterns → raw date expressions (fields as written, not yet resolved
//! against the document date).

use chrono::Weekday;

use crate::calendar::Calendar;
use crate::lexicon::{
    AmPm, Ambiguity, Conj, Dir, DurUnit, Entry, FrameWord, Gap, Kind, Lang, Lexicon, ModWord, TokKind, Token, Value,
};

use super::{Mod, Types};

mod dates;
mod durations;
mod english;
mod holidays;
mod offsets;
mod periods;
mod relative;
mod sets;
mod times;
mod timex;

pub(crate) use english::{EnWhat, Part, Season, Unit, YearRef};
pub(crate) use holidays::{HOLIDAY_CLOSE_DAYS, HolidayWhat, HolidayYear};
pub(crate) use offsets::Base;
pub(crate) use periods::{Period, Pick};
pub(crate) use timex::{TimeOfDay, Unplaced};

/// A date expression as written.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Expr {
    /// Token range (end exclusive).
    pub start: usize,
    pub end: usize,
    pub what: What,
    pub modifier: Option<Mod>,
}

/// What an expression says.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum What {
    /// A calendar date, possibly partial; `day_to` closes a range of days.
    Date {
        cal: Calendar,
        year: Option<i32>,
        /// A two-digit year: the century is inferred.
        short_year: bool,
        month: Option<u8>,
        day: Option<u8>,
        day_to: Option<u8>,
        time: Option<(u8, u8)>,
        /// Which year when none is written, in years from the document's
        /// (`سال آینده` 1, `پیرارسال` −2).
        rel_year: Option<i32>,
        /// The month of the named direction (`ژانویه آینده`: the coming one).
        month_dir: Option<Dir>,
        /// The weekday written with the date: it must agree, and it picks the
        /// year of a yearless date.
        weekday: Option<Weekday>,
        /// Which half of the month or year (`نیمه نخست اردیبهشت`): 1 or 2.
        half: Option<u8>,
        /// Day and month written as two numbers up to 12 (`10/4/1436`): when the
        /// written weekday fits only the other order, that order is the one meant.
        swappable: bool,
    },
    /// From one date to another (`۲۴ اسفند تا ۱۵ فروردین ۹۷`, `2002 إلى 2005`):
    /// the first borrows the month and year it leaves out from the second.
    Range { from: Box<What>, to: Box<What> },
    /// A day relative to the document date.
    RelDay(i64),
    /// This/last/next week, month or year: `offset` units from the document's.
    RelUnit {
        unit: Unit,
        offset: i32,
        weekday: Option<Weekday>,
    },
    /// A weekday: of the last or next week with `dir`, else the nearest
    /// (before, or after when the sentence is in the future tense: `future`);
    /// `nth` of the month.
    Weekday {
        weekday: Weekday,
        dir: Option<Dir>,
        nth: Option<u8>,
        future: bool,
    },
    /// `n` units from `base` (`six years ago`, `دو هفته بعد`); with `span`, every
    /// unit from the first to the nth (`خلال الأيام الخمسة المقبلة`).
    Offset { n: i32, unit: Unit, base: Base, span: bool },
    /// An English-only expression (`parse/english.rs`).
    En(EnWhat),
    /// A duration, a recurrence or a reference with no days (`three years`,
    /// `every Monday`, `now`), already its TIMEX3 value (`parse/timex.rs`).
    Unplaced(Unplaced),
    /// A time of day on a day (`10 p.m. Wednesday`, `صباح الأحد`); `day` is
    /// the day as written, `RelDay(0)` when none is (`this morning`).
    TimeOfDay { at: TimeOfDay, day: Box<What> },
    /// A season, decade, century or one day of a period (`parse/periods.rs`).
    Period(Period),
    /// A holiday or named day (`parse/holidays.rs`).
    Holiday(HolidayWhat),
}

/// The calendar of a four-digit year written without an era mark: 1300–1500
/// is Solar Hijri in Persian text and lunar Hijri in Arabic and Urdu text.
pub(crate) fn unmarked_year_calendar(lang: Lang, year: u32) -> Calendar {
    match lang {
        Lang::Fa if (1300..=1500).contains(&year) => Calendar::Persian,
        Lang::Ar | Lang::Ur if (1300..=1500).contains(&year) => Calendar::Hijri,
        _ => Calendar::Gregorian,
    }
}

/// Three numbers of a numeric date, each with its digit count, the
/// separator, and the token after the last: `(a, sep, b, c, end)`.
type NumericParts = ((u32, u8), char, (u32, u8), (u32, u8), usize);

/// A month name found at a token.
#[derive(Copy, Clone, Debug)]
struct MonthHit {
    cal: Calendar,
    month: u8,
    amb: Ambiguity,
    end: usize,
    /// Written with its second name (`ديسمبر كانون الأول`): a month, whatever stands around it.
    named_twice: bool,
}

pub(crate) struct Parser<'a> {
    pub toks: &'a [Token],
    pub buf: &'a str,
    pub lang: Lang,
    /// Lexicon entries per token (empty for most).
    hits: Vec<&'static [Entry]>,
    /// Which TIMEX3 types to read: durations and sets only with [`Types::All`].
    types: Types,
}

const MAX_DAY: u32 = 31;

impl<'a> Parser<'a> {
    pub fn new(toks: &'a [Token], buf: &'a str, lang: Lang) -> Parser<'a> {
        Parser::with_hits(toks, buf, lang, Vec::new())
    }

    /// [`Parser::new`] filling `hits`, an allocation from [`Parser::into_hits`]
    /// reused across segments.
    pub fn with_hits(toks: &'a [Token], buf: &'a str, lang: Lang, mut hits: Vec<&'static [Entry]>) -> Parser<'a> {
        let lex = Lexicon::get();
        hits.clear();
        hits.reserve(toks.len());
        for t in toks {
            hits.push(match t.kind {
                TokKind::Word => {
                    let w = t.text(buf);
                    let direct = lex.lookup(w);
                    if direct.is_empty() {
                        clitic_lookup(lex, w, lang)
                    } else {
                        direct
                    }
                }
                TokKind::Punct(_) => lex.lookup(t.text(buf)),
                TokKind::Num { .. } => &[],
            });
        }
        Parser {
            toks,
            buf,
            lang,
            hits,
            types: Types::Placed,
        }
    }

    /// The parser reading `types` (durations and sets only with [`Types::All`]).
    pub fn with_types(mut self, types: Types) -> Self {
        self.types = types;
        self
    }

    /// Gives back the lexicon-hit buffer for the next [`Parser::with_hits`].
    pub fn into_hits(self) -> Vec<&'static [Entry]> {
        self.hits
    }

    /// Every expression, left to right, longest match first.
    pub fn parse_all(&self) -> Vec<Expr> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            if !self.may_start(i) {
                i += 1;
                continue;
            }
            match self.parse_at(i) {
                Some(e) if e.end > i => {
                    i = e.end;
                    out.push(e);
                }
                _ => i += 1,
            }
        }
        out
    }

    fn may_start(&self, i: usize) -> bool {
        match self.toks[i].kind {
            TokKind::Num { .. } => true,
            TokKind::Word => {
                // a number word (`دو`, `نه`: also "two" and "no") starts something only
                // before another lexicon word (`دو ماه`, `ثلاثة أيام`, `بیست و پنج`)
                let before_word = || self.hits.get(i + 1).is_some_and(|h| !h.is_empty());
                self.hits[i]
                    .iter()
                    .any(|e| e.can_start() && (e.kind != Kind::NumWord || before_word()))
                    || self.en_frame(i)
                    || self.en_may_start(i)
                    || self.timex_may_start(i)
                    || self.holiday_may_start(i)
            }
            TokKind::Punct(_) => false,
        }
    }

    /// English `in`/`on` start `in January`, `on Friday`.
    fn en_frame(&self, i: usize) -> bool {
        self.lang == Lang::En && self.hits[i].iter().any(|e| e.kind == Kind::Frame)
    }

    fn parse_at(&self, i: usize) -> Option<Expr> {
        let cands = [
            self.time_of_day(i),
            self.holiday(i),
            self.english(i),
            self.half(i),
            self.year_range(i),
            self.numeric(i),
            self.day_month_year(i),
            self.month_first(i),
            self.month_year(i),
            self.year_only(i),
            self.offset(i),
            self.relative(i),
            self.weekday(i),
            self.timex(i),
            self.period(i),
            self.week_edge(i),
        ];
        // Longest wins; on a tie the earlier pattern (the more specific one).
        cands
            .into_iter()
            .flatten()
            .fold(None, |best: Option<Expr>, e| match &best {
                Some(b) if (b.end, usize::MAX - b.start) >= (e.end, usize::MAX - e.start) => best,
                _ => Some(e),
            })
            .map(|e| self.time_after(self.en_tense(e)))
    }

    // ---- token helpers

    fn tok(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

    pub(crate) fn num(&self, i: usize) -> Option<(u32, u8)> {
        match self.tok(i)?.kind {
            TokKind::Num { value, digits } => Some((value, digits)),
            _ => None,
        }
    }

    pub(crate) fn is_punct(&self, i: usize, chars: &[char]) -> bool {
        matches!(self.tok(i).map(|t| t.kind), Some(TokKind::Punct(c)) if chars.contains(&c))
    }

    pub(crate) fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.gap == Gap::None)
    }

    pub(crate) fn same_line(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.gap != Gap::Line)
    }

    /// The longest lexicon match of `kind` at token `i`: (entry, token after it).
    fn entry(&self, i: usize, kind: Kind) -> Option<(&'static Entry, usize)> {
        if i >= self.toks.len() {
            return None;
        }
        let t = &self.toks[i];
        self.hits[i].iter().filter(|e| e.kind == kind).find_map(|e| {
            if !self.trusted(e, t) {
                return None;
            }
            let mut j = i + 1;
            for w in e.rest.iter() {
                while self.is_punct(j, &['.']) && self.glued(j) {
                    j += 1;
                }
                let t = self.tok(j)?;
                if t.gap == Gap::Line || t.kind != TokKind::Word || t.text(self.buf) != &**w {
                    return None;
                }
                j += 1;
            }
            Some((e, j))
        })
    }

    fn trusted(&self, e: &Entry, t: &Token) -> bool {
        match e.ambiguity {
            Ambiguity::Capitalized => t.capital,
            Ambiguity::NeedsDayOrYear | Ambiguity::NeedsYear => e.in_lang(self.lang),
            Ambiguity::None => {
                e.in_lang(self.lang) || matches!(e.kind, Kind::GMonth | Kind::PMonth | Kind::HMonth | Kind::Era)
            }
        }
    }

    /// The value of a `kind` word at `i`, read by `get`, and the token after it.
    pub(crate) fn typed<T>(&self, i: usize, kind: Kind, get: impl FnOnce(Value) -> Option<T>) -> Option<(T, usize)> {
        self.entry(i, kind).and_then(|(e, j)| Some((get(e.value)?, j)))
    }

    /// A number word at `i` (`kind` is [`Kind::NumWord`] or [`Kind::Ordinal`]).
    pub(crate) fn number_word(&self, i: usize, kind: Kind) -> Option<(u32, usize)> {
        self.typed(i, kind, |v| match v {
            Value::Number(n) => Some(n),
            _ => None,
        })
    }

    /// A direction word at `i` (`گذشته`, `المقبل`, `this`).
    pub(crate) fn dir(&self, i: usize) -> Option<(Dir, usize)> {
        self.typed(i, Kind::Dir, |v| match v {
            Value::Dir(d) => Some(d),
            _ => None,
        })
    }

    /// A relative day word at `i` (`دیروز`): its offset in days.
    pub(crate) fn rel_day(&self, i: usize) -> Option<(i32, usize)> {
        self.typed(i, Kind::RelDay, |v| match v {
            Value::Days(n) => Some(n),
            _ => None,
        })
    }

    /// A relative year word at `i` (`پارسال`): its offset in years.
    pub(crate) fn rel_year(&self, i: usize) -> Option<(i32, usize)> {
        self.typed(i, Kind::RelYear, |v| match v {
            Value::Years(n) => Some(n),
            _ => None,
        })
    }

    /// A counting unit at `i` (`روز`, `hours`; `يومين`, a dual, with its count 2).
    pub(crate) fn dur_unit(&self, i: usize) -> Option<((DurUnit, Option<u32>), usize)> {
        self.typed(i, Kind::DurUnit, |v| match v {
            Value::DurUnit(u) => Some((u, None)),
            Value::Dual(u) => Some((u, Some(2))),
            _ => None,
        })
    }

    /// An am/pm word at `i` (`صباحاً`, `مساء`, `ب.ظ`).
    pub(crate) fn am_pm(&self, i: usize) -> Option<(AmPm, usize)> {
        self.typed(i, Kind::AmPm, |v| match v {
            Value::AmPm(x) => Some(x),
            _ => None,
        })
    }

    pub(crate) fn frame(&self, i: usize, f: FrameWord) -> Option<usize> {
        self.entry(i, Kind::Frame)
            .filter(|(e, _)| e.value == Value::Frame(f))
            .map(|(_, j)| j)
    }

    /// A calendar unit word at `i` (`هفته`, `الشهر`, `year`) and the token after it.
    pub(crate) fn unit_at(&self, i: usize) -> Option<(Unit, usize)> {
        self.typed(i, Kind::Unit, |v| match v {
            Value::Unit(u) => Some(u),
            _ => None,
        })
    }

    fn unit(&self, i: usize, unit: Unit) -> Option<usize> {
        self.unit_at(i).filter(|&(u, _)| u == unit).map(|(_, j)| j)
    }

    pub(crate) fn conj(&self, i: usize, which: Conj) -> Option<usize> {
        self.entry(i, Kind::Conj)
            .filter(|(e, _)| e.value == Value::Conj(which))
            .map(|(_, j)| j)
    }

    fn skip_commas(&self, mut i: usize) -> usize {
        while self.is_punct(i, &[',', '،', '؛']) && self.same_line(i) {
            i += 1;
        }
        i
    }

    // ---- pieces

    /// A day of the month: 1–31 in digits (not glued to letters) or an ordinal word.
    fn day(&self, i: usize) -> Option<(u8, usize)> {
        self.day_glued(i, false)
    }

    /// A day; `after_month` allows digits glued to the month name before them (`سبتمبر10`).
    fn day_glued(&self, i: usize, after_month: bool) -> Option<(u8, usize)> {
        if let Some((v, digits)) = self.num(i) {
            // glued to a word on its left only when that word is `و` (`21 و22 أبريل`)
            // or when a month name follows: a space lost in typing (`در29 فروردین`, `سحرگاه13 رجب`)
            let after_article = i > 0 && self.toks[i - 1].text(self.buf) == "ال";
            let glued_left = !after_month
                && !after_article
                && self.glued(i)
                && i > 0
                && self.toks[i - 1].kind == TokKind::Word
                && self.conj(i - 1, Conj::And).is_none()
                && self.month_word_after(i + 1).is_none();
            if digits <= 2 && (1..=MAX_DAY).contains(&v) && !glued_left {
                return Some((v as u8, i + 1));
            }
            return None;
        }
        self.ordinal(i)
    }

    /// A day in cardinal words, tens composed (`هفت`, `بیست و دو`); callers read it only before a month and year.
    fn cardinal_day(&self, i: usize) -> Option<(u8, usize)> {
        let (v, j) = self.number_word(i, Kind::NumWord)?;
        if v == 20 || v == 30 {
            let j2 = self.conj(j, Conj::And).unwrap_or(j);
            if let Some((u, k)) = self.number_word(j2, Kind::NumWord).filter(|(u, _)| (1..=9).contains(u)) {
                return Some(((v + u) as u8, k));
            }
        }
        (1..=31).contains(&v).then_some((v as u8, j))
    }

    /// Ordinal day words, tens composed: `بیست و سوم`, `سی ام`, `الحادي والعشرين`, `الثاني عشر`.
    fn ordinal(&self, i: usize) -> Option<(u8, usize)> {
        let tens = |j: usize| -> Option<(u32, usize)> {
            let (v, k) = self
                .number_word(j, Kind::NumWord)
                .or_else(|| self.number_word(j, Kind::Ordinal))?;
            (v == 20 || v == 30).then_some((v, k))
        };
        if let Some((t, j)) = self.number_word(i, Kind::NumWord).filter(|(v, _)| *v == 20 || *v == 30) {
            // Persian: بیست و یکم
            let j2 = self.conj(j, Conj::And).unwrap_or(j);
            if let Some((u, k)) = self.number_word(j2, Kind::Ordinal).filter(|(u, _)| (1..=9).contains(u)) {
                return Some(((t + u) as u8, k));
            }
        }
        let (u, j) = self.number_word(i, Kind::Ordinal)?;
        if (1..=9).contains(&u) {
            if let Some((10, k)) = self.number_word(j, Kind::NumWord) {
                return Some(((10 + u) as u8, k));
            }
            let j2 = self.conj(j, Conj::And).unwrap_or(j);
            if let Some((t, k)) = tens(j2) {
                return Some(((t + u) as u8, k));
            }
        }
        (1..=31).contains(&u).then_some((u as u8, j))
    }

    fn month(&self, i: usize) -> Option<MonthHit> {
        let kinds = [
            (Kind::GMonth, Calendar::Gregorian),
            (Kind::PMonth, Calendar::Persian),
            (Kind::HMonth, Calendar::Hijri),
        ];
        let mut best: Option<MonthHit> = None;
        for (kind, cal) in kinds {
            if let Some((e, j)) = self.entry(i, kind)
                && let Some(month) = e.month()
                && best.is_none_or(|b| j > b.end)
            {
                best = Some(MonthHit {
                    cal,
                    month,
                    amb: e.ambiguity,
                    end: j,
                    named_twice: false,
                });
            }
        }
        let mut m = best?;
        // A verb prefix glued by ZWNJ (می‌رود) is not a month.
        if self.tok(m.end).is_some_and(|t| t.gap == Gap::Zwnj)
            && self.month_word(m.end).is_none()
            && self.month_word_after(m.end).is_none()
        {
            return None;
        }
        // `كانون الثاني / يناير`, `مايو - أيار`, `يوليو (تموز)`, `ديسمبر كانون الأول`:
        // the same Gregorian month in a second naming.
        if m.cal == Calendar::Gregorian
            && let Some(end) = self.second_naming(m.end, m.month)
        {
            m.end = end;
            m.named_twice = true;
        }
        Some(m)
    }

    /// The end of a second name of Gregorian month `month` at `i`, written
    /// after `/`, `-`, in parentheses, or directly.
    fn second_naming(&self, i: usize, month: u8) -> Option<usize> {
        if !self.same_line(i) {
            return None;
        }
        let same = |k: usize| {
            self.entry(k, Kind::GMonth)
                .filter(|(e, _)| e.month() == Some(month))
                .map(|(_, j)| j)
        };
        if self.is_punct(i, &['/', '-', '–']) {
            return same(i + 1);
        }
        if self.is_punct(i, &['(']) {
            let j = same(i + 1)?;
            return self.is_punct(j, &[')']).then_some(j + 1);
        }
        same(i)
    }

    fn month_word_after(&self, i: usize) -> Option<(u8, usize)> {
        [Kind::GMonth, Kind::PMonth, Kind::HMonth]
            .into_iter()
            .find_map(|k| self.entry(i, k))
            .and_then(|(e, j)| Some((e.month()?, j)))
    }

    /// `ماه` after a Persian month or before a month (`دی ماه`, `ماه ژانویه`).
    fn month_word(&self, i: usize) -> Option<usize> {
        self.unit(i, Unit::Month).filter(|_| {
            self.tok(i)
                .is_some_and(|t| t.text(self.buf) == "ماه" || t.text(self.buf) == "شهر")
        })
    }

    /// A month name at `i`: its calendar, number and the token after it.
    pub(crate) fn month_name(&self, i: usize) -> Option<(Calendar, u8, usize)> {
        self.month(i).map(|m| (m.cal, m.month, m.end))
    }

    /// `من عام`, `من سنة`, `از سال`: the linker and the year word before the
    /// year of a month (`5 من شهر رجب من عام 1440`); the index after them.
    pub(crate) fn of_year(&self, i: usize) -> Option<usize> {
        let n = self.linker_of(i)?;
        self.unit(n, Unit::Year)
    }

    /// `من` (Arabic) or `از` (Persian) linking a part to its whole (`10 از ماه محرم`).
    pub(crate) fn linker_of(&self, i: usize) -> Option<usize> {
        self.frame(i, FrameWord::Of)
            .or_else(|| self.conj(i, Conj::From).filter(|_| self.lang == Lang::Fa))
    }

    /// A year in digits or (Arabic) words, with an optional era mark.
    fn year(&self, i: usize, month_cal: Option<Calendar>) -> Option<(i32, bool, Option<Calendar>, usize)> {
        let (y, short, mut j) = if let Some((v, digits)) = self.num(i) {
            // glued to a word only when that word ends the month (`۱۵خرداد۱۳۴۲`)
            let after_month = month_cal.is_some()
                && i > 0
                && (self.hits[i - 1]
                    .iter()
                    .any(|e| matches!(e.kind, Kind::GMonth | Kind::PMonth | Kind::HMonth))
                    || self.month_word(i - 1).is_some());
            if self.glued(i) && i > 0 && self.toks[i - 1].kind == TokKind::Word && !after_month {
                return None;
            }
            match digits {
                4 if (1000..=2999).contains(&v) => (v as i32, false, i + 1),
                // three digits only with an era mark (`۷۶۵ ه.ق`): otherwise a count
                3 if month_cal.is_some() && v >= 100 && self.era_at(i + 1).is_some() => (v as i32, false, i + 1),
                2 if month_cal.is_some() => (v as i32, true, i + 1),
                _ => return None,
            }
        } else {
            let (y, j) = self.word_year(i)?;
            (y, false, j)
        };
        if self.is_punct(j, &['%'])
            || (self.is_punct(j, &['/', '-', ':', '.']) && self.glued(j) && self.num(j + 1).is_some())
        {
            return None;
        }
        let mut era = None;
        if let Some((cal, k)) = self.era_at(j) {
            era = Some(cal);
            j = k;
        }
        Some((y, short, era, j))
    }

    /// Arabic years in words: `ألفان وثمانية عشر`, `ألف وتسعمائة وواحد`, `ألفين`.
    fn word_year(&self, i: usize) -> Option<(i32, usize)> {
        let (first, mut j) = self.number_word(i, Kind::NumWord)?;
        if first != 1000 && first != 2000 {
            return None;
        }
        let mut total = first as i32;
        loop {
            let k = self.conj(j, Conj::And).unwrap_or(j);
            match self.number_word(k, Kind::NumWord) {
                Some((v, next)) if v < 1000 => {
                    total += v as i32;
                    j = next;
                }
                _ => break,
            }
        }
        Some((total, j))
    }

    /// A time after a date: `، ۱۲:۱۲`, `ساعت ۹:۳۲`, `19:09`, `08:30 مساءً`.
    fn time(&self, i: usize) -> Option<((u8, u8), usize)> {
        let mut j = self.skip_commas(i);
        if self.is_punct(j, &['-', '–']) {
            j += 1;
        }
        // `في الساعة 08:30`
        if self.frame(j, FrameWord::In).is_some() && self.entry(j + 1, Kind::Clock).is_some() {
            j += 1;
        }
        while self.entry(j, Kind::Clock).is_some() {
            j += 1;
        }
        let (h, _) = self.num(j)?;
        if !self.same_line(j) || !self.is_punct(j + 1, &[':']) {
            return None;
        }
        let (m, md) = self.num(j + 2)?;
        if h > 23 || m > 59 || md > 2 {
            return None;
        }
        let mut k = j + 3;
        if self.is_punct(k, &[':']) && self.num(k + 1).is_some() {
            k += 2;
        }
        let mut h = h as u8;
        if let Some((ampm, n)) = self.am_pm(k) {
            h = ampm.to_24h(h);
            k = n;
        }
        Some(((h, m as u8), k))
    }

    /// Modifier words before an expression: (modifier, where the expression starts).
    pub(super) fn modifier(&self, i: usize) -> Option<(Mod, usize)> {
        let (v, j) = self.typed(i, Kind::Mod, |v| match v {
            Value::Mod(m) => Some(m),
            _ => None,
        })?;
        let m = match v {
            ModWord::Start => Mod::Start,
            ModWord::Mid => Mod::Mid,
            ModWord::End => Mod::End,
            ModWord::Before => Mod::Before,
            ModWord::After => Mod::After,
        };
        // Persian ezafe `of`: اوایل ماه, ابتدای سال.
        Some((m, j))
    }

    pub(crate) fn date(cal: Calendar) -> What {
        What::Date {
            cal,
            year: None,
            short_year: false,
            month: None,
            day: None,
            day_to: None,
            time: None,
            rel_year: None,
            month_dir: None,
            weekday: None,
            half: None,
            swappable: false,
        }
    }
}

/// Arabic and Persian attach `و` (and), `ب` (in), `ل` (for), `ف` to the next word.
fn clitic_lookup(lex: &'static Lexicon, w: &str, lang: Lang) -> &'static [Entry] {
    if matches!(lang, Lang::En) {
        return &[];
    }
    let mut chars = w.chars();
    match chars.next() {
        Some('و' | 'ب' | 'ل' | 'ف') if w.chars().nth(2).is_some() => lex.lookup(chars.as_str()),
        _ => &[],
    }
}
