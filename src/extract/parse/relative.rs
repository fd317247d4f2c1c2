//! Patterns for years, halves of a period, relative dates and weekdays.

use crate::calendar::Calendar;
use crate::lexicon::{Ambiguity, Dir, FrameWord, Gap, Kind, Lang, TokKind};

use super::super::Mod;
use super::{Expr, Parser, Unit, What};

impl Parser<'_> {
    /// [mod] (سال|عام|سنة|in) YEAR [era] [تاکنون], or YEAR with an era mark.
    pub(super) fn year_only(&self, i: usize) -> Option<Expr> {
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
            && self.unit(j, Unit::Year).is_none()
            && i > 0
            && self.frame(i - 1, FrameWord::In) == Some(i)
            && self.same_line(i);
        let by_in = in_before || (self.unit(j, Unit::Year).is_none() && self.frame(j, FrameWord::In).is_some());
        // `منذ 2003`, `أواخر 2018`, `اوایل ۱۴۰۰`: an edge or since word before a bare number
        // (not `أول`/`آخر`, which also count: `أول 2000 شخص`)
        let by_mod = !by_in
            && self.lang != Lang::En
            && self.unit(j, Unit::Year).is_none()
            && self.num(j).is_some()
            && self
                .entry(i, Kind::Mod)
                .is_some_and(|(e, _)| e.ambiguity == Ambiguity::None);
        let framed = if let Some(k) = self.unit(j, Unit::Year).or_else(|| self.frame(j, FrameWord::In)) {
            j = k;
            true
        } else {
            in_before || by_mod
        };
        // `في 2005`, `در ۱۳۹۸`: after a bare `in` only a year of the last and this century,
        // or of the Solar Hijri ones in Persian (a count is seldom that round a number).
        if (by_in || by_mod) && self.lang != Lang::En {
            let (v, digits) = self.num(j)?;
            // an era mark makes any four-digit number a year (`في 1441 هـ`)
            let plausible = (1900..=2100).contains(&v)
                || (self.lang == Lang::Fa && (1300..=1450).contains(&v))
                || self.era_at(j + 1).is_some();
            if digits != 4 || !plausible {
                return None;
            }
        }
        if framed && self.tok(j).is_some_and(|t| t.gap == Gap::Line) {
            return None;
        }
        // `سال ۹۴`: Persian news writes Solar Hijri years with two digits after `سال`.
        let short_ok = framed && self.lang == Lang::Fa && self.unit(j0, Unit::Year).is_some();
        let (y, short, era, mut end) = self.year(j, short_ok.then_some(Calendar::Persian))?;
        if (short && !short_ok) || !(framed || era.is_some()) || (short && y < 10) {
            return None;
        }
        // A count after the year (`سال ۱۴۰۰ نفر`) is rare; a following unit word makes it a duration.
        if self.entry(end, Kind::DurUnit).is_some() || (by_mod && self.entry(end, Kind::Unit).is_some()) {
            return None;
        }
        let cal = match era {
            Some(c) => c,
            None if short => Calendar::Persian,
            None => super::unmarked_year_calendar(self.lang, y.unsigned_abs()),
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
    pub(super) fn year_range(&self, i: usize) -> Option<Expr> {
        let (from, k) = crate::extract::compose::bare_year(self, i, self.lang)?;
        let after = crate::extract::compose::range_linker(self, k)?;
        let (to, end) = crate::extract::compose::bare_year(self, after, self.lang)?;
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
    pub(super) fn half(&self, i: usize) -> Option<Expr> {
        let mut j = i;
        let mut modifier = None;
        if let Some((m, k)) = self.modifier(j).filter(|(m, _)| matches!(m, Mod::Start | Mod::End)) {
            modifier = Some(m);
            j = k;
        }
        if self.lang != Lang::Fa || self.tok(j).is_none_or(|t| t.text(self.buf) != "نیمه") {
            return None;
        }
        let (h, k) = self
            .number_word(j + 1, Kind::Ordinal)
            .filter(|(h, _)| matches!(h, 1 | 2))?;
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
                unit: Unit::Year,
                offset,
                weekday: None,
            } => {
                let mut w = Self::date(crate::extract::resolve::local_calendar(self.lang));
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
    pub(super) fn names_a_thing(&self, i: usize, end: usize) -> bool {
        let head = i > 0 && self.same_line(i) && self.hits[i - 1].iter().any(|e| e.kind == Kind::NameHead);
        let quoted = i > 0 && self.is_punct(i - 1, &['«', '"', '“']) && self.is_punct(end, &['»', '"', '”']);
        head || quoted
    }

    /// Today, yesterday, last week, next year, اواخر سال گذشته, الأسبوع القادم الأحد.
    pub(super) fn relative(&self, i: usize) -> Option<Expr> {
        if let Some((off, mut end)) = self.rel_day(i) {
            // `بكرة` is also `بـكرة` (with a ball): tomorrow only before its weekday
            if self
                .entry(i, Kind::RelDay)
                .is_some_and(|(e, _)| e.ambiguity == Ambiguity::NeedsDayOrYear)
                && self.entry(end, Kind::Weekday).is_none()
            {
                return None;
            }
            // `اليوم التالي`, `اليوم السابق`: the day after or before another date, not today;
            // `اليوم الأول من المعسكر`: the first day of something
            if off == 0
                && self.same_line(end)
                && (self.dir(end).is_some_and(|(d, _)| d != Dir::This) || self.entry(end, Kind::Ordinal).is_some())
            {
                return None;
            }
            // `روز گذشته`/`يوم أمس` after a count is a span (`۵ روز گذشته`)
            if i > 0
                && self.count(i - 1).is_some()
                && self.entry(i, Kind::RelDay).is_some_and(|(e, _)| !e.rest.is_empty())
            {
                return None;
            }
            if let Some((_, k)) = self.entry(end, Kind::Weekday) {
                end = k; // اليوم الإثنين
            }
            return Some(Expr {
                start: i,
                end,
                what: What::RelDay(i64::from(off)),
                modifier: None,
            });
        }
        if let Some((off, end)) = self.rel_year(i) {
            return Some(Expr {
                start: i,
                end,
                what: What::RelUnit {
                    unit: Unit::Year,
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
        if i > 0 && self.count(i - 1).is_some() {
            return None;
        }
        let (unit, offset, mut end) = if let Some((d, k)) = self.dir(j) {
            // this week, next year, هذا العام
            let (u, k2) = self.unit_at(k)?;
            (u, d.offset(), k2)
        } else {
            let (u, k) = self.unit_at(j)?;
            // `بداية العام`, `نهاية الشهر`: an edge of the definite month or year is the current one
            let definite = self.lang == Lang::Ar && self.tok(j).is_some_and(|t| t.text(self.buf).starts_with("ال"));
            if modifier.is_some() && definite && u != Unit::Week && self.dir(k).is_none() {
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
            let (d, k2) = self.dir(k)?;
            // Persian `این` only ever precedes its unit (`این ماه`); `ماه این` is two phrases.
            if self.lang == Lang::Fa && self.tok(k).is_some_and(|t| t.text(self.buf) == "این") {
                return None;
            }
            (u, d.offset(), k2)
        };
        let mut weekday = None;
        let mut k = end;
        if let Some(n) = self.frame(k, FrameWord::Day) {
            k = n;
        }
        if unit == Unit::Week
            && let Some((e, n)) = self.entry(k, Kind::Weekday)
        {
            weekday = e.weekday();
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
    pub(super) fn weekday(&self, i: usize) -> Option<Expr> {
        let mut j = i;
        let mut dir = None;
        if self.lang == Lang::En
            && let Some((d, k)) = self.dir(j)
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
        // `روزهای جمعه`, `أيام الجمعة`, `شنبه‌ها`, `دوشنبه‌بازار`: every Friday, or a compound noun
        let plural_frame = j > 0
            && self.frame(j - 1, FrameWord::Day) == Some(j)
            && matches!(self.toks[j - 1].text(self.buf), "روزهای" | "روزها" | "ایام");
        if plural_frame
            || self
                .tok(end)
                .is_some_and(|t| t.gap == Gap::Zwnj && t.kind == TokKind::Word)
        {
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
                unit: Unit::Week,
                offset,
                weekday: e.weekday(),
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
            && let Some((d, k)) = self.dir(end).filter(|(d, _)| *d != Dir::This)
        {
            dir = Some(d);
            end = k;
        } else if self.lang == Lang::Ar
            && let Some((n, k)) = self
                .number_word(end, Kind::Ordinal)
                .filter(|(n, _)| (1..=5).contains(n))
        {
            nth = Some(n as u8);
            end = k;
        }
        let future = dir.is_none() && nth.is_none() && self.future_sentence(start, end);
        Some(Expr {
            start,
            end,
            what: What::Weekday {
                weekday: e.weekday()?,
                dir,
                nth,
                future,
            },
            modifier: None,
        })
    }

    /// Whether the sentence around tokens `start..end` has a future-tense marker.
    pub(crate) fn future_sentence(&self, start: usize, end: usize) -> bool {
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
    pub(super) fn week_ref(&self, i: usize) -> Option<(i32, usize)> {
        if let Some((d, k)) = self.dir(i) {
            return self.unit(k, Unit::Week).map(|n| (d.offset(), n));
        }
        let k = self.unit(i, Unit::Week)?;
        self.dir(k).map(|(d, n)| (d.offset(), n))
    }
}
