//! Token patterns → raw date expressions (fields as written, not yet resolved
//! against the document date).

use crate::calendar::Calendar;
use crate::lexicon::{Ambiguity, DurUnit, Entry, FrameWord, Gap, Kind, Lang, Lexicon, ModWord, TokKind, Token};

use super::Mod;

mod english;

pub(crate) use english::{EnWhat, Holiday, Part, Season, Unit, YearRef};

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
        /// Which year when none is written: -1 last, 1 next (`ژانویه آینده`, `سال آینده`).
        rel_year: Option<i32>,
        /// Month of the named direction (`ژانویه آینده`: the coming one).
        month_dir: Option<i32>,
        /// The weekday written with the date (0 = Monday): it must agree, and
        /// it picks the year of a yearless date.
        weekday: Option<u8>,
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
    /// This/last/next week, month or year (`unit`: 1 week, 2 month, 3 year).
    RelUnit {
        unit: i32,
        offset: i32,
        weekday: Option<u8>,
    },
    /// A weekday: `dir` -1 last, 1 next, None the nearest (before, or after
    /// when the sentence is in the future tense: `future`); `nth` of the month.
    Weekday {
        weekday: u8,
        dir: Option<i32>,
        nth: Option<u8>,
        future: bool,
    },
    /// An English-only expression (`parse/english.rs`).
    En(EnWhat),
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
        Parser { toks, buf, lang, hits }
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
            TokKind::Word => self.hits[i].iter().any(Entry::can_start) || self.en_frame(i) || self.en_may_start(i),
            TokKind::Punct(_) => false,
        }
    }

    /// English `in`/`on` start `in January`, `on Friday`.
    fn en_frame(&self, i: usize) -> bool {
        self.lang == Lang::En && self.hits[i].iter().any(|e| e.kind == Kind::Frame)
    }

    fn parse_at(&self, i: usize) -> Option<Expr> {
        let cands = [
            self.english(i),
            self.half(i),
            self.year_range(i),
            self.numeric(i),
            self.day_month_year(i),
            self.month_first(i),
            self.month_year(i),
            self.year_only(i),
            self.relative(i),
            self.weekday(i),
            self.ago(i),
        ];
        // Longest wins; on a tie the earlier pattern (the more specific one).
        cands
            .into_iter()
            .flatten()
            .fold(None, |best: Option<Expr>, e| match &best {
                Some(b) if (b.end, usize::MAX - b.start) >= (e.end, usize::MAX - e.start) => best,
                _ => Some(e),
            })
            .map(|e| self.en_tense(e))
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

    pub(crate) fn value(&self, i: usize, kind: Kind) -> Option<(i32, usize)> {
        self.entry(i, kind).map(|(e, j)| (e.value, j))
    }

    pub(crate) fn frame(&self, i: usize, f: FrameWord) -> Option<usize> {
        self.entry(i, Kind::Frame)
            .filter(|(e, _)| e.value == f as i32)
            .map(|(_, j)| j)
    }

    fn unit(&self, i: usize, unit: i32) -> Option<usize> {
        self.entry(i, Kind::Unit)
            .filter(|(e, _)| e.value == unit)
            .map(|(_, j)| j)
    }

    pub(crate) fn conj(&self, i: usize, which: i32) -> Option<usize> {
        self.entry(i, Kind::Conj)
            .filter(|(e, _)| e.value == which)
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
            let glued_left = !after_month
                && self.glued(i)
                && i > 0
                && self.toks[i - 1].kind == TokKind::Word
                && self.conj(i - 1, 0).is_none()
                && self.month_word_after(i + 1).is_none();
            if digits <= 2 && (1..=MAX_DAY).contains(&v) && !glued_left {
                return Some((v as u8, i + 1));
            }
            return None;
        }
        self.ordinal(i)
    }

    /// Ordinal day words, tens composed: `بیست و سوم`, `سی ام`, `الحادي والعشرين`, `الثاني عشر`.
    fn ordinal(&self, i: usize) -> Option<(u8, usize)> {
        let tens = |j: usize| -> Option<(i32, usize)> {
            let (v, k) = self.value(j, Kind::NumWord).or_else(|| self.value(j, Kind::Ordinal))?;
            (v == 20 || v == 30).then_some((v, k))
        };
        if let Some((t, j)) = self.value(i, Kind::NumWord).filter(|(v, _)| *v == 20 || *v == 30) {
            // Persian: بیست و یکم
            let j2 = self.conj(j, 0).unwrap_or(j);
            if let Some((u, k)) = self.value(j2, Kind::Ordinal).filter(|(u, _)| (1..=9).contains(u)) {
                return Some(((t + u) as u8, k));
            }
        }
        let (u, j) = self.value(i, Kind::Ordinal)?;
        if (1..=9).contains(&u) {
            if let Some((10, k)) = self.value(j, Kind::NumWord) {
                return Some(((10 + u) as u8, k));
            }
            let j2 = self.conj(j, 0).unwrap_or(j);
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
                && best.is_none_or(|b| j > b.end)
            {
                best = Some(MonthHit {
                    cal,
                    month: e.value as u8,
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
                .filter(|(e, _)| e.value as u8 == month)
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
            .map(|(e, j)| (e.value as u8, j))
    }

    /// `ماه` after a Persian month or before a month (`دی ماه`, `ماه ژانویه`).
    fn month_word(&self, i: usize) -> Option<usize> {
        self.unit(i, 2).filter(|_| {
            self.tok(i)
                .is_some_and(|t| t.text(self.buf) == "ماه" || t.text(self.buf) == "شهر")
        })
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
                3 if month_cal.is_some() && v >= 100 => (v as i32, false, i + 1),
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
        if self.same_line(j)
            && let Some((v, k)) = self.value(j, Kind::Era)
        {
            era = Some(match v {
                0 => Calendar::Gregorian,
                1 => Calendar::Persian,
                _ => Calendar::Hijri,
            });
            j = k;
        }
        Some((y, short, era, j))
    }

    /// Arabic years in words: `ألفان وثمانية عشر`, `ألف وتسعمائة وواحد`, `ألفين`.
    fn word_year(&self, i: usize) -> Option<(i32, usize)> {
        let (first, mut j) = self.value(i, Kind::NumWord)?;
        if first != 1000 && first != 2000 {
            return None;
        }
        let mut total = first;
        loop {
            let k = self.conj(j, 0).unwrap_or(j);
            match self.value(k, Kind::NumWord) {
                Some((v, next)) if v < 1000 => {
                    total += v;
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
        if let Some((ampm, n)) = self.value(k, Kind::AmPm) {
            if ampm == 1 && h < 12 {
                h += 12;
            } else if ampm == 0 && h == 12 {
                h = 0;
            }
            k = n;
        }
        Some(((h, m as u8), k))
    }

    /// Modifier words before an expression: (modifier, where the expression starts).
    fn modifier(&self, i: usize) -> Option<(Mod, usize)> {
        let (v, j) = self.value(i, Kind::Mod)?;
        let m = match v {
            x if x == ModWord::Start as i32 => Mod::Start,
            x if x == ModWord::Mid as i32 => Mod::Mid,
            x if x == ModWord::End as i32 => Mod::End,
            x if x == ModWord::Before as i32 => Mod::Before,
            _ => Mod::After,
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

    // ---- patterns

    /// Three numbers joined by one separator: (a, separator, b, c, index after c).
    /// The separators touch the numbers (`1400/10/22`), or, for `/` only, stand
    /// between spaces when one end is a four-digit year (`12 / 3 / 1441هـ`).
    fn numeric_parts(&self, i: usize) -> Option<NumericParts> {
        let a = self.num(i)?;
        let TokKind::Punct(sep) = self.tok(i + 1)?.kind else {
            return None;
        };
        if !['/', '-', '.'].contains(&sep) {
            return None;
        }
        let b = self.num(i + 2)?;
        if !self.is_punct(i + 3, &[sep]) {
            return None;
        }
        let c = self.num(i + 4)?;
        let glued = (1..=4).all(|k| self.glued(i + k));
        let spaced_ok = sep == '/' && (a.1 == 4 || c.1 == 4) && (1..=4).all(|k| self.same_line(i + k));
        (glued || spaced_ok).then_some((a, sep, b, c, i + 5))
    }

    /// `1400/10/22`, `۱۴۰۰-۱۰-۲۲`, `12/01/2022`, `14-09-1432 هـ`, `18-9-15`,
    /// `17 / 7 / 2015م`; in Persian text two-digit Solar Hijri years (`۹۱/۳/۵`, `27/2/90`).
    fn numeric(&self, i: usize) -> Option<Expr> {
        if self.glued(i) && i > 0 && matches!(self.toks[i - 1].kind, TokKind::Word | TokKind::Num { .. }) {
            return None;
        }
        let ((a, ad), sep, (b, bd), (c, cd), mut end) = self.numeric_parts(i)?;
        // 1/2/3/4 or 1.2.3.4 is not a date.
        if self.is_punct(end, &[sep, '%']) && self.glued(end) {
            return None;
        }
        if self.glued(end) && self.tok(end).is_some_and(|t| matches!(t.kind, TokKind::Num { .. })) {
            return None;
        }
        let persian_short = self.lang == Lang::Fa && sep == '/';
        // year first: `1400/10/22`, and in Persian `۹۱/۳/۵`
        let (y, m, d, ydigits) = if ad == 4 || (persian_short && ad == 2 && cd <= 2 && a > 31) {
            (a, b, c, ad)
        } else if cd == 4 || cd == 2 {
            if self.lang == Lang::En && a <= 12 && b > 12 {
                (c, a, b, cd)
            } else {
                (c, b, a, cd)
            }
        } else {
            return None;
        };
        if bd > 2 || ad > 4 || cd > 4 || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        let mut era = None;
        if self.same_line(end)
            && let Some((v, k)) = self.value(end, Kind::Era)
        {
            era = Some(v);
            end = k;
        }
        let y = y as i32;
        let cal = match era {
            Some(2) => Calendar::Hijri,
            Some(1) => Calendar::Persian,
            Some(_) => Calendar::Gregorian,
            None if ydigits == 4 && (1300..=1500).contains(&y) => match self.lang {
                Lang::Fa => Calendar::Persian,
                Lang::Ar | Lang::Ur => Calendar::Hijri,
                Lang::En => Calendar::Gregorian,
            },
            None if ydigits == 2 && persian_short => Calendar::Persian,
            None => Calendar::Gregorian,
        };
        let mut what = What::Date {
            cal,
            year: Some(y),
            short_year: ydigits == 2,
            month: Some(m as u8),
            day: Some(d as u8),
            day_to: None,
            time: None,
            rel_year: None,
            month_dir: None,
            weekday: None,
            half: None,
            swappable: ad != 4 && d <= 12,
        };
        if let Some((t, k)) = self.time(end) {
            if let What::Date { time, .. } = &mut what {
                *time = Some(t);
            }
            end = k;
        }
        Some(Expr {
            start: i,
            end,
            what,
            modifier: None,
        })
    }

    /// [weekday] [روز|يوم] DAY [(و|تا|-) DAY] [ماه|من] MONTH [ماه] [YEAR [era]] [time]
    fn day_month_year(&self, i: usize) -> Option<Expr> {
        let mut j = i;
        let mut start = i;
        let mut modifier = None;
        if let Some((m, k)) = self.modifier(j).filter(|(m, _)| matches!(m, Mod::Before | Mod::After)) {
            modifier = Some(m);
            j = k;
        }
        if let Some(k) = self
            .frame(j, FrameWord::Day)
            .filter(|&k| self.entry(k, Kind::Weekday).is_some())
        {
            j = k; // روز چهارشنبه ۱۲ ماه ژانویه
        }
        let mut weekday = None;
        if let Some((e, k)) = self.entry(j, Kind::Weekday) {
            weekday = Some(e.value as u8);
            j = self.skip_commas(k);
        }
        if let Some(k) = self.frame(j, FrameWord::Day) {
            j = k;
        }
        let from = self.conj(j, 2).filter(|_| self.lang == Lang::Ar);
        if let Some(k) = from {
            j = k;
        }
        let (day, mut k) = self.day(j)?;
        if from.is_some() && j == i + 1 {
            start = i + 1;
        }
        let mut day_to = None;
        // a list or range of days sharing the month
        loop {
            let next = self.conj(k, 0).or_else(|| self.conj(k, 1)).or_else(|| {
                (self.is_punct(k, &['-', '–']) || (self.is_punct(k, &[',', '،']) && day_to.is_none())).then_some(k + 1)
            });
            let Some(n) = next else { break };
            let is_list = self.conj(k, 0).is_some() || self.is_punct(k, &[',', '،']);
            let prev = day_to.unwrap_or(day);
            match self.day(n) {
                // a list of days is one interval only when they follow each other (۹ و ۱۰)
                Some((d2, after)) if d2 > prev && (!is_list || d2 == prev + 1) => {
                    day_to = Some(d2);
                    k = after;
                }
                _ => break,
            }
        }
        if self.is_punct(k, &['.']) {
            k += 1;
        }
        if let Some(n) = self.frame(k, FrameWord::Of) {
            k = n;
        }
        if let Some(n) = self.month_word(k) {
            k = n;
        }
        let mh = self.month(k)?;
        if !self.same_line(k) {
            return None;
        }
        let mut end = mh.end;
        if let Some(n) = self.month_word(end) {
            end = n;
        }
        let mut what = Self::date(mh.cal);
        let mut year_found = None;
        let mut y_at = if self.is_punct(end, &['.', ',', '،']) {
            end + 1
        } else {
            end
        };
        if let Some(n) = self.frame(y_at, FrameWord::Of).and_then(|n| self.unit(n, 3)) {
            y_at = n; // 5 من شهر رجب من عام 1440
        } else if let Some(n) = self.unit(y_at, 3) {
            y_at = n; // ۱۲ ژانویه سال ۲۰۲۲
        }
        if self.same_line(y_at)
            && let Some((y, short, _, n)) = self.year(y_at, Some(mh.cal))
        {
            year_found = Some((y, short));
            end = n;
        }
        if mh.amb == Ambiguity::NeedsYear && year_found.is_none() {
            return None;
        }
        // `خیابان ۱۶ آذر`, `جسر 6 أكتوبر`: a yearless date after such a noun names a place
        if year_found.is_none() && start > 0 && self.hits[start - 1].iter().any(|e| e.kind == Kind::NameHead) {
            return None;
        }
        if let What::Date {
            year,
            short_year,
            month,
            day: d,
            day_to: dt,
            time,
            weekday: wd,
            ..
        } = &mut what
        {
            *month = Some(mh.month);
            *d = Some(day);
            *dt = day_to;
            *wd = weekday;
            if let Some((y, short)) = year_found {
                *year = Some(y);
                *short_year = short;
            }
            if let Some((t, n)) = self.time(end) {
                *time = Some(t);
                end = n;
            }
        }
        Some(Expr {
            start,
            end,
            what,
            modifier,
        })
    }

    /// Month first: `January 9-10, 2022`, `يناير الثاني والعشرين، 2018`, `سبتمبر10, ألف وتسعمائة وواحد`.
    fn month_first(&self, i: usize) -> Option<Expr> {
        let mut j = self.frame(i, FrameWord::In).unwrap_or(i);
        let start = j;
        if let Some((_, k)) = self.entry(j, Kind::Weekday) {
            j = self.skip_commas(k);
        }
        let mh = self.month(j)?;
        let mut k = mh.end;
        if self.is_punct(k, &['.']) {
            k += 1;
        }
        let (day, mut k) = self.day_glued(k, true)?;
        let mut day_to = None;
        if (self.is_punct(k, &['-', '–']) || self.conj(k, 1).is_some())
            && let Some((d2, n)) = self.day(if self.is_punct(k, &['-', '–']) {
                k + 1
            } else {
                self.conj(k, 1)?
            })
            && d2 > day
        {
            day_to = Some(d2);
            k = n;
        }
        let y_at = self.skip_commas(k);
        let year = self.year(y_at, Some(mh.cal)).filter(|_| self.same_line(y_at));
        if year.is_none() && (self.lang != Lang::En || mh.amb != Ambiguity::Capitalized) {
            return None;
        }
        let mut end = year.map_or(k, |y| y.3);
        let mut what = Self::date(mh.cal);
        if let What::Date {
            year: yy,
            short_year,
            month,
            day: d,
            day_to: dt,
            time,
            ..
        } = &mut what
        {
            *month = Some(mh.month);
            *d = Some(day);
            *dt = day_to;
            if let Some((y, short, _, _)) = year {
                *yy = Some(y);
                *short_year = short;
            }
            if let Some((t, n)) = self.time(end) {
                *time = Some(t);
                end = n;
            }
        }
        Some(Expr {
            start,
            end,
            what,
            modifier: None,
        })
    }

    /// [mod] [ماه|في|in] MONTH [ماه] [YEAR | سال آینده | آینده]
    fn month_year(&self, i: usize) -> Option<Expr> {
        let mut j = i;
        let mut modifier = None;
        if let Some((m, k)) = self.modifier(j) {
            modifier = Some(m);
            j = k;
        }
        // `في يناير`: the frame word before the month (scanning starts at the month).
        let mut framed = i > 0 && j == i && self.frame(i - 1, FrameWord::In).is_some() && self.same_line(i);
        if let Some(k) = self.frame(j, FrameWord::In) {
            framed = true;
            j = k;
        }
        let mut explicit_month = false;
        if let Some(k) = self.month_word(j) {
            framed = true;
            explicit_month = true;
            j = k;
        }
        let mh = self.month(j)?;
        let start = if modifier.is_some() || explicit_month { i } else { j };
        let mut end = mh.end;
        let mut month_after = false;
        if let Some(n) = self.month_word(end) {
            end = n;
            month_after = true;
        }
        let mut what = Self::date(mh.cal);
        let mut year_found = false;
        let y_at = if self.is_punct(end, &[',', '،']) { end + 1 } else { end };
        let y_at = self.unit(y_at, 3).unwrap_or(y_at);
        if self.same_line(y_at)
            && let Some((y, short, _, n)) = self.year(y_at, Some(mh.cal))
            && (!short || mh.cal == Calendar::Persian)
        {
            if let What::Date { year, short_year, .. } = &mut what {
                *year = Some(y);
                *short_year = short;
            }
            year_found = true;
            end = n;
        } else if let Some(n) = self.unit(end, 3)
            && let Some((d, n2)) = self.value(n, Kind::Dir)
        {
            // ژانویه سال آینده
            if let What::Date { rel_year, .. } = &mut what {
                *rel_year = Some(d);
            }
            year_found = true;
            end = n2;
        } else if let Some((d, n)) = self.value(end, Kind::Dir).filter(|(d, _)| *d != 0) {
            // ژانویه آینده: the coming January
            if let What::Date { month_dir, .. } = &mut what {
                *month_dir = Some(d);
            }
            framed = true;
            end = n;
        }
        let ok = match mh.amb {
            Ambiguity::NeedsYear => year_found,
            Ambiguity::NeedsDayOrYear => year_found || explicit_month,
            _ => year_found || framed || modifier.is_some() || month_after || mh.named_twice,
        };
        if !ok || (modifier.is_some() && !(year_found || framed || month_after) && mh.amb != Ambiguity::None) {
            return None;
        }
        if let What::Date { month, .. } = &mut what {
            *month = Some(mh.month);
        }
        Some(Expr {
            start,
            end,
            what,
            modifier,
        })
    }

    /// [mod] (سال|عام|سنة|in) YEAR [era] [تاکنون], or YEAR with an era mark.
    fn year_only(&self, i: usize) -> Option<Expr> {
        let mut j = i;
        let mut modifier = None;
        if let Some((m, k)) = self.modifier(j) {
            modifier = Some(m);
            j = k;
        }
        let j0 = j;
        // `في 2005`: scanning starts at the number, the frame word is before it
        let in_before = modifier.is_none()
            && self.lang != Lang::En
            && self.unit(j, 3).is_none()
            && i > 0
            && self.frame(i - 1, FrameWord::In) == Some(i)
            && self.same_line(i);
        let by_in = in_before || (self.unit(j, 3).is_none() && self.frame(j, FrameWord::In).is_some());
        let framed = if let Some(k) = self.unit(j, 3).or_else(|| self.frame(j, FrameWord::In)) {
            j = k;
            true
        } else {
            in_before
        };
        // `في 2005`, `در ۱۳۹۸`: after a bare `in` only a year of the last and this century,
        // or of the Solar Hijri ones in Persian (a count is seldom that round a number).
        if by_in && self.lang != Lang::En {
            let (v, digits) = self.num(j)?;
            let plausible = (1900..=2100).contains(&v) || (self.lang == Lang::Fa && (1300..=1450).contains(&v));
            if digits != 4 || !plausible {
                return None;
            }
        }
        if framed && self.tok(j).is_some_and(|t| t.gap == Gap::Line) {
            return None;
        }
        // `سال ۹۴`: Persian news writes Solar Hijri years with two digits after `سال`.
        let short_ok = framed && self.lang == Lang::Fa && self.unit(j0, 3).is_some();
        let (y, short, era, mut end) = self.year(j, short_ok.then_some(Calendar::Persian))?;
        if (short && !short_ok) || !(framed || era.is_some()) || (short && y < 10) {
            return None;
        }
        // A count after the year (`سال ۱۴۰۰ نفر`) is rare; a following unit word makes it a duration.
        if self.entry(end, Kind::DurUnit).is_some() {
            return None;
        }
        let cal = match era {
            Some(c) => c,
            None if short => Calendar::Persian,
            None if (1300..=1500).contains(&y) && matches!(self.lang, Lang::Fa) => Calendar::Persian,
            None => Calendar::Gregorian,
        };
        if let Some((_, n)) = self.entry(end, Kind::SinceNow) {
            modifier = modifier.or(Some(Mod::After));
            end = n;
        }
        let mut what = Self::date(cal);
        if let What::Date { year, short_year, .. } = &mut what {
            *year = Some(y);
            *short_year = short;
        }
        let start = if modifier.is_some() || in_before {
            i
        } else if by_in {
            j0 + 1
        } else {
            i.min(j)
        };
        Some(Expr {
            start,
            end,
            what,
            modifier,
        })
    }

    /// YEAR (إلى|حتى|تا|-|to) YEAR, both bare four-digit years a few decades
    /// apart: `2002 إلى 2005`, `۱۳۹۸ تا ۱۴۰۰`.
    fn year_range(&self, i: usize) -> Option<Expr> {
        let (from, k) = super::compose::bare_year(self, i, self.lang)?;
        let after = super::compose::range_linker(self, k)?;
        let (to, end) = super::compose::bare_year(self, after, self.lang)?;
        let (What::Date { year: Some(a), .. }, What::Date { year: Some(b), .. }) = (&from, &to) else {
            return None;
        };
        if b <= a || b - a > 60 {
            return None;
        }
        Some(Expr {
            start: i,
            end,
            what: What::Range {
                from: Box::new(from),
                to: Box::new(to),
            },
            modifier: None,
        })
    }

    /// [mod] `نیمه (نخست|اول|دوم)` + a month or a year (`نیمه دوم سال جاری`,
    /// `نیمه نخست اردیبهشت`, `پایان نیمه اول سال ۱۳۹۰`): the half of that period.
    fn half(&self, i: usize) -> Option<Expr> {
        let mut j = i;
        let mut modifier = None;
        if let Some((m, k)) = self.modifier(j).filter(|(m, _)| matches!(m, Mod::Start | Mod::End)) {
            modifier = Some(m);
            j = k;
        }
        if self.lang != Lang::Fa || self.tok(j).is_none_or(|t| t.text(self.buf) != "نیمه") {
            return None;
        }
        let (h, k) = self.value(j + 1, Kind::Ordinal).filter(|(h, _)| matches!(h, 1 | 2))?;
        let inner = self
            .month_year(k)
            .or_else(|| self.year_only(k))
            .or_else(|| self.relative(k))
            .or_else(|| {
                // a month alone: `نیمه نخست اردیبهشت`
                let mh = self.month(k)?;
                let mut w = Self::date(mh.cal);
                if let What::Date { month, .. } = &mut w {
                    *month = Some(mh.month);
                }
                Some(Expr {
                    start: k,
                    end: self.month_word(mh.end).unwrap_or(mh.end),
                    what: w,
                    modifier: None,
                })
            })
            .filter(|e| e.start == k && e.modifier.is_none())?;
        let mut what = match inner.what {
            What::Date { month_dir: None, .. } => inner.what,
            What::RelUnit {
                unit: 3,
                offset,
                weekday: None,
            } => {
                let mut w = Self::date(super::resolve::local_calendar(self.lang));
                if let What::Date { rel_year, .. } = &mut w {
                    *rel_year = Some(offset);
                }
                w
            }
            _ => return None,
        };
        if let What::Date { half, day: None, .. } = &mut what {
            *half = Some(h as u8);
        } else {
            return None;
        }
        Some(Expr {
            start: i,
            end: inner.end,
            what,
            modifier,
        })
    }

    /// A weekday at `i..end` that is part of a name: after a noun such as
    /// `نماز`/`صلاة` (the Friday prayer), or alone in quotation marks
    /// (`در «دوشنبه»`: in Dushanbe).
    fn names_a_thing(&self, i: usize, end: usize) -> bool {
        let head = i > 0 && self.same_line(i) && self.hits[i - 1].iter().any(|e| e.kind == Kind::NameHead);
        let quoted = i > 0 && self.is_punct(i - 1, &['«', '"', '“']) && self.is_punct(end, &['»', '"', '”']);
        head || quoted
    }

    /// Today, yesterday, last week, next year, اواخر سال گذشته, الأسبوع القادم الأحد.
    fn relative(&self, i: usize) -> Option<Expr> {
        if let Some((off, mut end)) = self.value(i, Kind::RelDay) {
            if let Some((_, k)) = self.entry(end, Kind::Weekday) {
                end = k; // اليوم الإثنين
            }
            return Some(Expr {
                start: i,
                end,
                what: What::RelDay(off as i64),
                modifier: None,
            });
        }
        if let Some((off, end)) = self.value(i, Kind::RelYear) {
            return Some(Expr {
                start: i,
                end,
                what: What::RelUnit {
                    unit: 3,
                    offset: off,
                    weekday: None,
                },
                modifier: None,
            });
        }
        let mut j = i;
        let mut modifier = None;
        if let Some((m, k)) = self
            .modifier(j)
            .filter(|(m, _)| matches!(m, Mod::Start | Mod::Mid | Mod::End))
        {
            modifier = Some(m);
            j = k;
        }
        // A count before the unit makes a duration: ۲ سال گذشته.
        if i > 0 && self.num(i - 1).is_some() {
            return None;
        }
        let (unit, offset, mut end) = if let Some((d, k)) = self.value(j, Kind::Dir) {
            // this week, next year, هذا العام
            let (u, k2) = self.value(k, Kind::Unit)?;
            (u, d, k2)
        } else {
            let (u, k) = self.value(j, Kind::Unit)?;
            // `بداية العام`, `نهاية الشهر`: an edge of the definite month or year is the current one
            let definite = self.lang == Lang::Ar && self.tok(j).is_some_and(|t| t.text(self.buf).starts_with("ال"));
            if modifier.is_some() && definite && u >= 2 && self.value(k, Kind::Dir).is_none() {
                return Some(Expr {
                    start: i,
                    end: k,
                    what: What::RelUnit {
                        unit: u,
                        offset: 0,
                        weekday: None,
                    },
                    modifier,
                });
            }
            let (d, k2) = self.value(k, Kind::Dir)?;
            // Persian `این` only ever precedes its unit (`این ماه`); `ماه این` is two phrases.
            if self.lang == Lang::Fa && self.tok(k).is_some_and(|t| t.text(self.buf) == "این") {
                return None;
            }
            (u, d, k2)
        };
        let mut weekday = None;
        let mut k = end;
        if let Some(n) = self.frame(k, FrameWord::Day) {
            k = n;
        }
        if unit == 1
            && let Some((e, n)) = self.entry(k, Kind::Weekday)
        {
            weekday = Some(e.value as u8);
            end = n;
        }
        Some(Expr {
            start: i,
            end,
            what: What::RelUnit { unit, offset, weekday },
            modifier,
        })
    }

    /// روز یکشنبه, پنجشنبه شب, الأحد القادم, last Friday, الثلاثاء الثالث.
    fn weekday(&self, i: usize) -> Option<Expr> {
        let mut j = i;
        let mut dir = None;
        if self.lang == Lang::En
            && let Some((d, k)) = self.value(j, Kind::Dir)
        {
            dir = Some(d);
            j = k;
        }
        let framed = if let Some(k) = self.frame(j, FrameWord::Day).or_else(|| self.frame(j, FrameWord::In)) {
            j = k;
            true
        } else {
            false
        };
        let (e, mut end) = self.entry(j, Kind::Weekday)?;
        if (e.ambiguity == Ambiguity::NeedsDayOrYear && !framed) || !self.en_weekday_ok(j, end) {
            return None;
        }
        if !framed && self.names_a_thing(j, end) {
            return None;
        }
        // part of a full date (روز چهارشنبه ۱۲ ماه ژانویه): leave it to the date patterns
        if self.day_month_year(j).is_some() || self.month_first(j).is_some() {
            return None;
        }
        let start = if framed && self.frame(i, FrameWord::In).is_some() {
            j
        } else {
            i
        };
        if let Some(k) = self.frame(end, FrameWord::Night) {
            end = k;
        }
        // چهارشنبه این هفته, Friday next week: the weekday in that week
        if dir.is_none()
            && let Some((offset, k)) = self.week_ref(end)
        {
            let what = What::RelUnit {
                unit: 1,
                offset,
                weekday: Some(e.value as u8),
            };
            return Some(Expr {
                start,
                end: k,
                what,
                modifier: None,
            });
        }
        let mut nth = None;
        if dir.is_none()
            && let Some((d, k)) = self.value(end, Kind::Dir).filter(|(d, _)| *d != 0)
        {
            dir = Some(d);
            end = k;
        } else if self.lang == Lang::Ar
            && let Some((n, k)) = self.value(end, Kind::Ordinal).filter(|(n, _)| (1..=5).contains(n))
        {
            nth = Some(n as u8);
            end = k;
        }
        let future = dir.is_none() && nth.is_none() && self.future_sentence(start, end);
        Some(Expr {
            start,
            end,
            what: What::Weekday {
                weekday: e.value as u8,
                dir,
                nth,
                future,
            },
            modifier: None,
        })
    }

    /// Whether the sentence around tokens `start..end` has a future-tense marker.
    fn future_sentence(&self, start: usize, end: usize) -> bool {
        let boundary = |k: usize| self.is_punct(k, &['.', '؟', '?', '!', '؛', ';']);
        let mut k = start;
        while k > 0 && !boundary(k - 1) && self.toks[k].gap != Gap::Line && start - k < 40 {
            k -= 1;
            if self.entry(k, Kind::Future).is_some() {
                return true;
            }
        }
        let mut k = end;
        while k < self.toks.len() && !boundary(k) && self.toks[k].gap != Gap::Line && k - end < 40 {
            if self.entry(k, Kind::Future).is_some() {
                return true;
            }
            k += 1;
        }
        false
    }

    /// `این هفته`, `هفته آینده`, `next week`, `الأسبوع المقبل`: (offset in weeks, token after).
    fn week_ref(&self, i: usize) -> Option<(i32, usize)> {
        if let Some((d, k)) = self.value(i, Kind::Dir) {
            return self.unit(k, 1).map(|n| (d, n));
        }
        let k = self.unit(i, 1)?;
        self.value(k, Kind::Dir)
    }

    /// `منذ 3 أيام`, `منذ يومين`, `۳ روز پیش`, `3 days ago`: that many days before the DCT.
    fn ago(&self, i: usize) -> Option<Expr> {
        let days = |j: usize| -> Option<(i64, usize)> {
            if let Some((u, k)) = self.value(j, Kind::DurUnit)
                && u == DurUnit::Day2 as i32
            {
                return Some((2, k));
            }
            let (n, _) = self.num(j)?;
            let (u, k) = self.value(j + 1, Kind::DurUnit)?;
            let per = match u {
                x if x == DurUnit::Day as i32 => 1,
                x if x == DurUnit::Week as i32 => 7,
                _ => return None,
            };
            Some((n as i64 * per, k))
        };
        if self.entry(i, Kind::Ago).is_some() && self.lang == Lang::Ar {
            let (n, end) = days(i + 1)?;
            return Some(Expr {
                start: i,
                end,
                what: What::RelDay(-n),
                modifier: None,
            });
        }
        let (n, k) = days(i)?;
        let (_, end) = self.entry(k, Kind::Ago)?;
        Some(Expr {
            start: i,
            end,
            what: What::RelDay(-n),
            modifier: None,
        })
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
