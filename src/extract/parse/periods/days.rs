//! One day, ten days or the edge days of a period, counted in the period's
//! own calendar: `آخرین پنجشنبه سال`, `ثاني خميس من شهر شعبان`, `the last day
//! of June`, `دهه اول محرم`, `آخرین روزهای سال`.

use chrono::Weekday;

use crate::calendar::Calendar;
use crate::lexicon::{Dir, FrameWord, Kind, Lang, TokKind, Value};

use super::super::super::Mod;
use super::super::{Expr, Parser, Unit, What};
use super::{Period, Pick};

impl Parser<'_> {
    /// `آخرین روزهای سال`, `روزهای پایانی اسفند`, `نخستین روزهای ماه رمضان`,
    /// `الأيام الأخيرة من العام`, `الأيام الأولى من شهر رمضان`, `the last days of
    /// June`: the first or last days of a period, its START or END.
    pub(super) fn edge_days(&self, i: usize) -> Option<Expr> {
        let edge = |first: bool| if first { Mod::Start } else { Mod::End };
        let (m, k) = match self.lang {
            Lang::Fa => {
                if let Some((n, k)) = self.typed(i, Kind::Nth, |v| match v {
                    Value::Nth(n @ (1 | -1)) => Some(n),
                    _ => None,
                }) {
                    (self.word_at(k) == Some("روزهای")).then_some((edge(n == 1), k + 1))?
                } else if self.word_at(i) == Some("روزهای") {
                    let first = match self.word_at(i + 1)? {
                        "پایانی" | "آخر" => false,
                        "آغازین" | "نخست" | "نخستین" | "اول" => true,
                        _ => return None,
                    };
                    (edge(first), i + 2)
                } else {
                    return None;
                }
            }
            Lang::Ar => {
                if self.word_at(i) != Some("الایام") {
                    return None;
                }
                let (n, k) = self.typed(i, Kind::Nth, |v| match v {
                    Value::Nth(n @ (1 | -1)) => Some(n),
                    _ => None,
                })?;
                (edge(n == 1), self.frame(k, FrameWord::Of)?)
            }
            _ => {
                let j = if self.en_is(i, &["the"]) { i + 1 } else { i };
                let first = match self.word_at(j)? {
                    "first" => true,
                    "last" | "final" => false,
                    _ => return None,
                };
                if !(self.en_is(j + 1, &["days"]) && self.en_is(j + 2, &["of"])) {
                    return None;
                }
                (edge(first), j + 3)
            }
        };
        let (of, end) = self.period_of(k, false)?;
        Some(Expr {
            start: i,
            end,
            what: of,
            modifier: Some(m),
        })
    }

    // ---- one day of a period

    /// NTH (WEEKDAY | day) [of] PERIOD: `آخرین پنجشنبه سال`, `اولین جمعه ماه رمضان`,
    /// `آخرین روز اسفند`, `ثاني خميس من شهر شعبان`, `آخر يوم من العام`,
    /// `الجمعة الأخيرة من رمضان`, `the second Sunday of May`, `the last day of June`,
    /// `the last Friday of the month`; and `دهه اول محرم`, `العشر الأواخر من رمضان`.
    pub(super) fn within(&self, i: usize) -> Option<Expr> {
        let (pick, k) = self.pick(i)?;
        // Arabic and English say `of` (`من`, `في`): `last Tuesday May 3` is no day of May
        let k = match (self.lang, pick) {
            (Lang::Fa, _) => k,
            (Lang::Ar, Pick::Dekad(_)) => self.frame(k, FrameWord::Of).unwrap_or(k),
            (Lang::Ar, _) => self.frame(k, FrameWord::Of).or_else(|| self.frame(k, FrameWord::In))?,
            _ => self.en_is(k, &["of", "in"]).then_some(k + 1)?,
        };
        let (of, end) = self.period_of(k, matches!(pick, Pick::Dekad(_)))?;
        let p = Period::Within { pick, of: Box::new(of) };
        Some(Self::expr(i, end, p, None))
    }

    /// Which day: (pick, token after it).
    fn pick(&self, i: usize) -> Option<(Pick, usize)> {
        let weekday_or_day = |k: usize| -> Option<(Option<Weekday>, usize)> {
            if let Some(wd) = self.any_weekday(k) {
                return Some((Some(wd), k + 1));
            }
            let day = match self.lang {
                Lang::En => self.en_is(k, &["day"]),
                // `روز`, not `روزهای` (`آخرین روزهای سال`: the last days, an edge)
                Lang::Fa => self.word_at(k) == Some("روز"),
                _ => self.frame(k, FrameWord::Day) == Some(k + 1),
            };
            day.then_some((None, k + 1))
        };
        // دهه اول محرم, دهه آخر ماه رمضان, العشر الأواخر من رمضان
        if let Some((_, k)) = self.entry(i, Kind::Decade).filter(|(e, _)| e.value == Value::Marker) {
            let n = match self.word_at(k)? {
                "اول" | "نخست" | "الاوایل" | "الاولی" | "الاول" => 1,
                "دوم" | "الوسطی" => 2,
                "آخر" | "اخر" | "پایانی" | "سوم" | "الاواخر" | "الاخیره" => 3,
                _ => return None,
            };
            return Some((Pick::Dekad(n), k + 1));
        }
        let start = if self.lang == Lang::En && self.en_is(i, &["the"]) {
            i + 1
        } else {
            i
        };
        if let Some((nth, k)) = self.typed(start, Kind::Nth, |v| match v {
            Value::Nth(n) => Some(n),
            _ => None,
        }) {
            let (wd, end) = weekday_or_day(k)?;
            return Some((wd.map_or(Pick::Day(nth), |weekday| Pick::Weekday { nth, weekday }), end));
        }
        match self.lang {
            // الجمعة الأخيرة, اليوم الأخير, اليوم الأول (before `من`); `الخميس الثاني من
            // شعبان` is Thursday the 2nd of Shaban, a date
            Lang::Ar => {
                let (wd, k) = if self.word_at(i) == Some("الیوم") {
                    (None, i + 1)
                } else {
                    weekday_or_day(i)?
                };
                let nth = match self.word_at(k)? {
                    "الاخیر" | "الاخیره" => -1,
                    _ if wd.is_none() => {
                        let (n, _) = self
                            .number_word(k, Kind::Ordinal)
                            .filter(|(n, _)| (1..=5).contains(n))?;
                        n as i8
                    }
                    _ => return None,
                };
                self.frame(k + 1, FrameWord::Of)?;
                Some((
                    wd.map_or(Pick::Day(nth), |weekday| Pick::Weekday { nth, weekday }),
                    k + 1,
                ))
            }
            _ => None,
        }
    }

    /// A weekday at `i`, in any spelling (`خميس` and `جمعة` without the article
    /// are weekdays after an ordinal).
    fn any_weekday(&self, i: usize) -> Option<Weekday> {
        if self.tok(i)?.kind != TokKind::Word {
            return None;
        }
        if self.lang == Lang::En {
            return self.entry(i, Kind::Weekday).and_then(|(e, _)| e.weekday());
        }
        self.hits[i]
            .iter()
            .find(|e| e.kind == Kind::Weekday && e.rest.is_empty())
            .and_then(|e| e.weekday())
    }

    /// The month or year a day is picked from: `سال`, `ماه رمضان`, `اسفند ماه
    /// امسال`, `سال ۱۴۰۱`, `ماه آینده`, `شهر شعبان`, `رمضان المبارك`, `الشهر
    /// الجاري`, `العام`, `May`, `June 2022`, `the month`, `next month`. With
    /// `month_only`, only a month.
    fn period_of(&self, k: usize, month_only: bool) -> Option<(What, usize)> {
        if !self.same_line(k) {
            return None;
        }
        let mut best: Option<(What, usize)> = None;
        let mut take = |w: What, end: usize| {
            if best.as_ref().is_none_or(|(_, e)| end > *e) {
                best = Some((w, end));
            }
        };
        // a month, with `ماه`/`شهر` before it or after it and its year or direction
        let m_at = self.month_word(k).unwrap_or(k);
        if let Some(mh) = self.month(m_at).filter(|h| {
            // `May` alone is a month only when capitalized (the lexicon checks it)
            self.lang != Lang::En || h.cal == Calendar::Gregorian
        }) {
            let mut w = Self::date(mh.cal);
            let mut end = self.month_word(mh.end).unwrap_or(mh.end);
            if self
                .word_at(end)
                .is_some_and(|x| matches!(x, "مبارک" | "المبارک" | "الحرام" | "المعظم"))
            {
                end += 1;
            }
            if let What::Date {
                month,
                year,
                short_year,
                rel_year,
                month_dir,
                ..
            } = &mut w
            {
                *month = Some(mh.month);
                let y_at = self.unit(end, Unit::Year).unwrap_or(end);
                if let Some((y, short, _, n)) = self.year(y_at, Some(mh.cal)).filter(|_| self.same_line(y_at))
                    && !(short && self.count_after(n))
                {
                    *year = Some(y);
                    *short_year = short;
                    end = n;
                } else if let Some((off, n)) = self.rel_year(end) {
                    *rel_year = Some(off);
                    end = n;
                } else if let Some(e) = self.relative(end).filter(|e| e.start == end && e.modifier.is_none())
                    && let What::RelUnit {
                        unit: Unit::Year,
                        offset,
                        weekday: None,
                    } = e.what
                {
                    *rel_year = Some(offset);
                    end = e.end;
                } else if let Some((d, n)) = self.dir(end).filter(|_| self.unit_at(end).is_none()) {
                    if d == Dir::This {
                        *rel_year = Some(0);
                    } else {
                        *month_dir = Some(d);
                    }
                    end = n;
                }
            }
            take(w, end);
        }
        if month_only {
            return best;
        }
        // this/next month or year, in the calendar the language counts in
        if let Some(e) = self.relative(k).filter(|e| e.start == k && e.modifier.is_none())
            && matches!(
                e.what,
                What::RelUnit {
                    unit: Unit::Month | Unit::Year,
                    weekday: None,
                    ..
                }
            )
        {
            take(e.what, e.end);
        }
        if let Some(e) = self.year_only(k).filter(|e| e.start <= k && e.modifier.is_none()) {
            take(e.what, e.end);
        }
        if let Some(e) = self.calendar_year(k).filter(|e| e.modifier.is_none()) {
            take(e.what, e.end);
        }
        // the month or year alone is the current one: `سال`, `ماه`, `العام`, `الشهر`, `the month`
        let (u_at, the) = if self.lang == Lang::En && self.en_is(k, &["the"]) {
            (k + 1, true)
        } else {
            (k, false)
        };
        if let Some((unit @ (Unit::Month | Unit::Year), end)) = self.unit_at(u_at)
            && (the || self.lang == Lang::Fa || self.word_at(u_at).is_some_and(|w| w.starts_with("ال")))
            && self.dir(end).is_none()
        {
            take(
                What::RelUnit {
                    unit,
                    offset: 0,
                    weekday: None,
                },
                end,
            );
        }
        best
    }
}
