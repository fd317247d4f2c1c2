//! Periods named as a whole, in Persian, Arabic and English: seasons (`پاییز
//! امسال`, `الصيف الماضي`), decades and centuries (`دهه هفتاد`, `سبعينيات القرن
//! الماضي`, `the 18th century`), and one day of a period in its own calendar
//! (`آخرین پنجشنبه سال`, `ثاني خميس من شهر شعبان`, `the last day of June`,
//! `دهه اول محرم`).

use chrono::Weekday;

use crate::calendar::Calendar;
use crate::lexicon::{Dir, FrameWord, Kind, Lang, TokKind, Value};

use super::super::Mod;
use super::{Expr, Parser, Season, Unit, What, YearRef};

mod days;

/// A period an expression names as a whole.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Period {
    /// A season of a year. In Persian text (`cal` Persian) a quarter of the
    /// Solar Hijri year (`بهار` = Farvardin–Khordad); elsewhere a TIMEX3
    /// season (`2021-SU`). `short`: a two-digit Solar Hijri year (`تابستان ۹۸`).
    Season {
        season: Season,
        cal: Calendar,
        year: YearRef,
        short: bool,
    },
    /// The ten years from `first` (a year of `cal`).
    Decade { first: i32, cal: Calendar },
    /// The decade `tens` of the century `offset` centuries from the DCT's
    /// (`سبعينيات القرن الماضي`: 70, -1).
    RelDecade { tens: i32, offset: i32 },
    /// The hundred years from `first` (a year of `cal`): the TIMEX3 convention,
    /// so the 18th century is 1700–1799.
    Century { first: i32, cal: Calendar },
    /// The Gregorian century `offset` centuries from the DCT's (`القرن الماضي`).
    RelCentury(i32),
    /// The year of `cal` `offset` years from the DCT's, named with its calendar
    /// (`العام الهجري الحالي`, `السنة الهجرية القادمة`).
    RelYear { cal: Calendar, offset: i32 },
    /// One day (or ten) of a period, counted in the period's calendar.
    Within { pick: Pick, of: Box<What> },
}

/// Which day of a period.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Pick {
    /// The `nth` `weekday` (1–5 from the start; -1 the last).
    Weekday { nth: i8, weekday: Weekday },
    /// The `nth` day (1–5 from the start; -1 the last).
    Day(i8),
    /// The first, second or last ten days of a month (the third runs to its end).
    Dekad(u8),
}

/// Words after a two-digit number that make it a count, not a year (`تابستان ۳۰ درصد`).
const COUNT_WORDS: &[&str] = &[
    "درصد",
    "نفر",
    "هزار",
    "میلیون",
    "میلیارد",
    "تن",
    "تومان",
    "ریال",
    "دلار",
    "متر",
    "کیلومتر",
    "سال",
    "ساله",
];

/// English ordinal words for centuries.
const EN_ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

impl Parser<'_> {
    /// The folded word at `i`, if a word.
    fn word_at(&self, i: usize) -> Option<&str> {
        self.tok(i)
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| t.text(self.buf))
    }

    /// Whether a period pattern may start at `i`: a cheap look at the first
    /// word's lexicon kinds, so most tokens cost one scan of their few entries.
    fn period_may_start(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match t.kind {
            TokKind::Num { .. } => self.lang == Lang::En,
            TokKind::Punct(_) => false,
            TokKind::Word => {
                self.hits[i].iter().any(|e| {
                    matches!(
                        e.kind,
                        Kind::Season
                            | Kind::Nth
                            | Kind::Decade
                            | Kind::Century
                            | Kind::Mod
                            | Kind::Weekday
                            | Kind::Unit
                            | Kind::Dir
                    )
                }) || self.word_at(i).is_some_and(|w| w == "الیوم" || w == "روزهای")
                    || (self.lang == Lang::En
                        && (self.en_is(i, &["the", "twenty", "early", "mid", "late"])
                            || self.word_at(i).is_some_and(|w| EN_ORDINALS.contains(&w))))
            }
        }
    }

    /// Every period pattern at `i`, longest first.
    pub(super) fn period(&self, i: usize) -> Option<Expr> {
        if !self.period_may_start(i) {
            return None;
        }
        [
            self.season(i),
            self.decade(i),
            self.century(i),
            self.within(i),
            self.calendar_year(i),
            self.edge_days(i),
        ]
        .into_iter()
        .flatten()
        .fold(None, |best: Option<Expr>, e| match &best {
            Some(b) if b.end >= e.end => best,
            _ => Some(e),
        })
    }

    fn expr(start: usize, end: usize, p: Period, modifier: Option<Mod>) -> Expr {
        Expr {
            start,
            end,
            what: What::Period(p),
            modifier,
        }
    }

    /// A leading early/mid/late word: (modifier, token after).
    fn edge(&self, i: usize) -> (Option<Mod>, usize) {
        if self.lang == Lang::En {
            return self.en_edge_word(i).map_or((None, i), |(m, j)| (Some(m), j));
        }
        match self.modifier(i) {
            Some((m @ (Mod::Start | Mod::Mid | Mod::End), j)) => (Some(m), j),
            _ => (None, i),
        }
    }

    // ---- seasons

    /// [فصل] SEASON followed by a year or a relative word: `پاییز امسال`,
    /// `زمستان سال گذشته`, `تابستان ۹۸`, `بهار ۱۴۰۱`, `الصيف الماضي`, `شتاء 2021`,
    /// `ربيع هذا العام`, `خريف العام المقبل`, `هذا الصيف`. A season word alone is
    /// also a name (`بهار`, `الربيع العربي`, `صيف الباحة`) and is left out.
    fn season(&self, i: usize) -> Option<Expr> {
        if self.lang == Lang::En {
            return None;
        }
        let (modifier, mut j) = self.edge(i);
        if self.word_at(j).is_some_and(|w| w == "فصل") {
            j += 1;
        }
        let mut this = false;
        if self.dir(j).is_some_and(|(d, _)| d == Dir::This) && self.entry(j + 1, Kind::Season).is_some() {
            this = true;
            j += 1;
        }
        let (e, k) = self.entry(j, Kind::Season)?;
        // `روزنامه بهار`: a name
        if j > 0 && self.hits[j - 1].iter().any(|e| e.kind == Kind::NameHead) {
            return None;
        }
        let Value::Season(season) = e.value else { return None };
        let cal = if self.lang == Lang::Fa {
            Calendar::Persian
        } else {
            Calendar::Gregorian
        };
        let (year, short, end) = self.season_year(k).or(this.then_some((YearRef::Dct(0), false, k)))?;
        let p = Period::Season {
            season,
            cal,
            year,
            short,
        };
        Some(Self::expr(i, end, p, modifier))
    }

    /// The year after a season word: (which year, two-digit, token after).
    fn season_year(&self, k: usize) -> Option<(YearRef, bool, usize)> {
        if !self.same_line(k) {
            return None;
        }
        // `من العام الماضي`, `لهذا العام` (the clitic is read with the word)
        let k = self.frame(k, FrameWord::Of).unwrap_or(k);
        // `صيف 1434هـ`: a season of a lunar year is no TIMEX3 season
        let fits = |cal: Calendar| match self.lang {
            Lang::Fa => cal != Calendar::Hijri,
            _ => cal == Calendar::Gregorian,
        };
        if let Some(e) = self.year_only(k).filter(|e| e.start <= k && e.modifier.is_none())
            && let What::Date {
                year: Some(y),
                short_year,
                cal,
                ..
            } = e.what
        {
            return fits(cal).then_some((YearRef::Abs(y), short_year, e.end));
        }
        let short_ok = self.lang == Lang::Fa;
        if let Some((y, short, era, end)) = self.year(k, short_ok.then_some(Calendar::Persian))
            && !(short && (y < 10 || self.count_after(end)))
        {
            let cal = era.unwrap_or(if short {
                Calendar::Persian
            } else {
                super::unmarked_year_calendar(self.lang, y as u32)
            });
            return fits(cal).then_some((YearRef::Abs(y), short, end));
        }
        if let Some((off, end)) = self.rel_year(k) {
            return Some((YearRef::Dct(off), false, end));
        }
        if let Some(e) = self.relative(k).filter(|e| e.start == k && e.modifier.is_none())
            && let What::RelUnit {
                unit: Unit::Year,
                offset,
                weekday: None,
            } = e.what
        {
            return Some((YearRef::Dct(offset), false, e.end));
        }
        // `الصيف الماضي`, `تابستان گذشته`; not `الصيف بهذه الطريقة`, `تابستان این`
        let adjective = self.word_at(k).is_some_and(|w| match self.lang {
            Lang::Ar => w.starts_with("ال"),
            _ => w != "این",
        });
        if adjective
            && self.unit_at(k).is_none()
            && let Some((d, end)) = self.dir(k)
            && self.unit_at(end).is_none()
        {
            // `تابستان پیش رو`: the summer ahead
            if self.word_at(end).is_some_and(|w| w == "رو" || w == "روی") {
                return Some((YearRef::Next, false, end + 1));
            }
            let year = match d {
                Dir::Past => YearRef::Last,
                Dir::Next => YearRef::Next,
                Dir::This => YearRef::Dct(0),
            };
            return Some((year, false, end));
        }
        None
    }

    /// Whether a count noun follows at `i` (`۳۰ درصد`, `۲۰ روز`).
    fn count_after(&self, i: usize) -> bool {
        self.entry(i, Kind::DurUnit).is_some() || self.word_at(i).is_some_and(|w| COUNT_WORDS.contains(&w))
    }

    // ---- decades

    /// `دهه هفتاد`, `دهه ۶۰`, `دهه ۱۳۷۰`, `دهه ۱۹۸۰ میلادی`, `اوایل دهه شصت`;
    /// `السبعينيات`, `سبعينيات القرن الماضي`, `ثمانينات القرن العشرين`,
    /// `أواخر الخمسينيات من القرن الماضي`. A decade of a Persian month
    /// (`دهه اول محرم`) is [`Parser::within`]; `دهه فجر`, a festival, is not read here.
    fn decade(&self, i: usize) -> Option<Expr> {
        let (modifier, mut j) = self.edge(i);
        match self.lang {
            Lang::Fa => {
                let (_, k) = self.entry(j, Kind::Decade).filter(|(e, _)| e.value == Value::Marker)?;
                j = k;
                if self.word_at(j) == Some("ی") {
                    j += 1;
                }
                let (first, cal, end) = if let Some((t, k)) = self
                    .number_word(j, Kind::NumWord)
                    .filter(|(t, _)| t % 10 == 0 && (20..=90).contains(t))
                {
                    (1300 + t as i32, Calendar::Persian, k)
                } else {
                    let (v, digits) = self.num(j)?;
                    let v = v as i32;
                    match digits {
                        2 if v % 10 == 0 && v >= 10 => (1300 + v, Calendar::Persian, j + 1),
                        4 if v % 10 == 0 && (1300..=1490).contains(&v) => (v, Calendar::Persian, j + 1),
                        4 if v % 10 == 0 && (1000..=2990).contains(&v) => (v, Calendar::Gregorian, j + 1),
                        _ => return None,
                    }
                };
                // `دهه ۶۰ میلادی`: the Gregorian sixties
                let (first, cal, end) = match self.era_at(end) {
                    Some((Calendar::Gregorian, k)) if first < 1500 => (first - 1300 + 1900, Calendar::Gregorian, k),
                    Some((c, k)) if c == cal => (first, cal, k),
                    Some(_) => return None,
                    None => (first, cal, end),
                };
                Some(Self::expr(i, end, Period::Decade { first, cal }, modifier))
            }
            Lang::Ar => {
                if self.word_at(j).is_some_and(|w| w == "عقد") {
                    j += 1;
                }
                let (tens, mut end) = self.typed(j, Kind::Decade, |v| match v {
                    Value::Number(t) => i32::try_from(t).ok(),
                    _ => None,
                })?;
                let k = self.frame(end, FrameWord::Of).unwrap_or(end);
                let p = match self.century_ref(k) {
                    Some((Period::Century { first, .. }, n)) => {
                        end = n;
                        Period::Decade {
                            first: first + tens,
                            cal: Calendar::Gregorian,
                        }
                    }
                    Some((Period::RelCentury(offset), n)) => {
                        end = n;
                        Period::RelDecade { tens, offset }
                    }
                    _ => Period::Decade {
                        first: 1900 + tens,
                        cal: Calendar::Gregorian,
                    },
                };
                Some(Self::expr(i, end, p, modifier))
            }
            _ => None,
        }
    }

    // ---- centuries

    /// `قرن بیستم`, `قرن ۲۱ میلادی`, `سده نوزدهم`, `قرن چهاردهم شمسی`;
    /// `القرن الحادي والعشرين`, `القرن التاسع عشر`, `القرن الماضي`, `القرن الرابع الهجري`;
    /// `the 18th century`, `the nineteenth century`, `the early 20th century`.
    fn century(&self, i: usize) -> Option<Expr> {
        // `the early 20th century`: the article before the edge word
        let the = usize::from(self.lang == Lang::En && self.en_is(i, &["the"]) && self.en_edge_word(i + 1).is_some());
        let (modifier, j) = self.edge(i + the);
        let (p, end) = if self.lang == Lang::En {
            self.en_century(j)?
        } else {
            self.century_ref(j)?
        };
        Some(Self::expr(i, end, p, modifier))
    }

    /// A century word and which century: [`Period::Century`] or [`Period::RelCentury`].
    fn century_ref(&self, j: usize) -> Option<(Period, usize)> {
        let (_, k) = self.entry(j, Kind::Century)?;
        let k = if self.word_at(k) == Some("ی") { k + 1 } else { k };
        if self.lang == Lang::Ar {
            let definite = self.word_at(j).is_some_and(|w| w.contains("القرن"));
            if !definite {
                return None;
            }
            if let Some((d, end)) = self.dir(k) {
                return Some((Period::RelCentury(d.offset()), end));
            }
        }
        let (n, mut end) = if let Some((v, d)) = self.num(k) {
            if d > 2 {
                return None;
            }
            (v as i32, k + 1)
        } else if self.lang == Lang::Ar && self.word_at(k) == Some("ال") && self.glued(k + 1) {
            let (v, d) = self.num(k + 1)?;
            (d <= 2).then_some((v as i32, k + 2))?
        } else {
            let (n, e) = self.ordinal(k)?;
            (i32::from(n), e)
        };
        if !(1..=21).contains(&n) {
            return None;
        }
        // Persian without an era mark: the modern centuries are Gregorian (`قرن
        // بیستم`), the 14th and 15th Solar Hijri, the earlier ones those of the
        // lunar Hijri era classical history is dated by (`قرن هفتم`)
        let mut cal = match self.lang {
            Lang::Fa if (13..=15).contains(&n) => Calendar::Persian,
            Lang::Fa if n <= 12 => Calendar::Hijri,
            _ => Calendar::Gregorian,
        };
        if let Some((c, e)) = self.era_at(end) {
            cal = c;
            end = e;
        } else if self.lang == Lang::Ar && self.word_at(end).is_some_and(|w| w == "الهجری") {
            cal = Calendar::Hijri;
            end += 1;
        } else if self.lang == Lang::Ar && self.word_at(end).is_some_and(|w| w == "المیلادی") {
            end += 1;
        }
        Some((
            Period::Century {
                first: (n - 1) * 100,
                cal,
            },
            end,
        ))
    }

    /// `18th century`, `the nineteenth century`, `the 20th-century`: a Gregorian century.
    fn en_century(&self, i: usize) -> Option<(Period, usize)> {
        let j = if self.en_is(i, &["the"]) { i + 1 } else { i };
        let (n, k) = if let Some((v, d)) = self.num(j) {
            let suffix = self.word_at(j + 1).filter(|_| self.glued(j + 1))?;
            if d > 2 || !matches!(suffix, "st" | "nd" | "rd" | "th") {
                return None;
            }
            (v as i32, j + 2)
        } else if self.en_is(j, &["twenty"]) {
            let k = self.en_hyphen(j + 1);
            if k == j + 1 {
                return None;
            }
            match self.word_at(k)? {
                "first" => (21, k + 1),
                "second" => (22, k + 1),
                _ => return None,
            }
        } else {
            let w = self.word_at(j)?;
            (EN_ORDINALS.iter().position(|o| *o == w)? as i32 + 1, j + 1)
        };
        let k = self.en_hyphen(k);
        if !self.en_is(k, &["century"]) || !(1..=21).contains(&n) {
            return None;
        }
        // an ordinal word alone needs its article (`a second century` is not one)
        if j == i && self.num(j).is_none() {
            return None;
        }
        Some((
            Period::Century {
                first: (n - 1) * 100,
                cal: Calendar::Gregorian,
            },
            k + 1,
        ))
    }

    /// [mod] `العام الهجري الحالي`, `مطلع العام الهجري القادم`, `السنة الهجرية
    /// الماضية`: a lunar Hijri year counted from the DCT's.
    fn calendar_year(&self, i: usize) -> Option<Expr> {
        let (modifier, j) = self.edge(i);
        let (_, k) = self.unit_at(j).filter(|(u, _)| *u == Unit::Year)?;
        if self.lang != Lang::Ar || !self.word_at(j).is_some_and(|w| w.starts_with("ال")) {
            return None;
        }
        if !self.word_at(k).is_some_and(|w| w == "الهجری" || w == "الهجریه") {
            return None;
        }
        let (d, end) = self.dir(k + 1)?;
        let p = Period::RelYear {
            cal: Calendar::Hijri,
            offset: d.offset(),
        };
        Some(Self::expr(i, end, p, modifier))
    }

    /// `اواخر هفته`, `منتصف الأسبوع`, `the end of the week`, `the end of next
    /// month`: an edge of the current (or a counted) week or month. Arabic
    /// `عطلة نهاية الأسبوع` is the weekend, not a date.
    pub(super) fn week_edge(&self, i: usize) -> Option<Expr> {
        if self.toks[i].kind != TokKind::Word {
            return None;
        }
        let (Some(m), j) = self.edge(i) else { return None };
        if self.lang == Lang::En {
            let k = if self.en_is(j, &["the"]) { j + 1 } else { j };
            let e = self.relative(k).filter(|e| e.start == k && e.modifier.is_none());
            let what = match e {
                Some(e) if matches!(e.what, What::RelUnit { weekday: None, .. }) => (e.what, e.end),
                _ if k > j => {
                    let (unit, end) = self.unit_at(k).filter(|(u, _)| *u != Unit::Year)?;
                    (
                        What::RelUnit {
                            unit,
                            offset: 0,
                            weekday: None,
                        },
                        end,
                    )
                }
                _ => return None,
            };
            return Some(Expr {
                start: i,
                end: what.1,
                what: what.0,
                modifier: Some(m),
            });
        }
        let (Unit::Week, end) = self.unit_at(j)? else {
            return None;
        };
        let definite = self.lang == Lang::Fa || self.word_at(j).is_some_and(|w| w.starts_with("ال"));
        let weekend = i > 0
            && self.word_at(i - 1).is_some_and(|w| {
                ["عطله", "عطلات", "اجازه", "اجازات", "عطل"]
                    .iter()
                    .any(|x| w.ends_with(x))
            });
        if !definite
            || weekend
            || self.dir(end).is_some()
            || self.num(end).is_some()
            || self.entry(end, Kind::Ordinal).is_some()
        {
            return None;
        }
        Some(Expr {
            start: i,
            end,
            what: What::RelUnit {
                unit: Unit::Week,
                offset: 0,
                weekday: None,
            },
            modifier: Some(m),
        })
    }
}
