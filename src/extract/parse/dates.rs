//! Patterns for calendar dates: numeric dates, day–month–year in every
//! calendar and order, and a month with its year.

use crate::calendar::Calendar;
use crate::lexicon::{Ambiguity, Conj, Dir, FrameWord, Kind, Lang, TokKind};

use super::super::Mod;
use super::{Expr, NumericParts, Parser, Unit, What};

impl Parser<'_> {
    /// Three numbers joined by one separator: (a, separator, b, c, index after c).
    /// The separators touch the numbers (`1400/10/22`), or, for `/` only, stand
    /// between spaces when one end is a four-digit year (`12 / 3 / 1441هـ`).
    pub(super) fn numeric_parts(&self, i: usize) -> Option<NumericParts> {
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
    pub(super) fn numeric(&self, i: usize) -> Option<Expr> {
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
        if let Some((c, k)) = self.era_at(end) {
            era = Some(c);
            end = k;
        }
        let cal = match era {
            Some(c) => c,
            None if ydigits == 4 => super::unmarked_year_calendar(self.lang, y),
            None if ydigits == 2 && persian_short => Calendar::Persian,
            None => Calendar::Gregorian,
        };
        let y = y as i32;
        let mut what = Self::date(cal);
        if let What::Date {
            year,
            short_year,
            month,
            day,
            time,
            swappable,
            ..
        } = &mut what
        {
            (*year, *short_year) = (Some(y), ydigits == 2);
            (*month, *day) = (Some(m as u8), Some(d as u8));
            *swappable = ad != 4 && d <= 12;
            if let Some((t, k)) = self.time(end) {
                *time = Some(t);
                end = k;
            }
        }
        Some(Expr {
            start: i,
            end,
            what,
            modifier: None,
        })
    }

    /// [weekday] [روز|يوم] DAY [(و|تا|-) DAY] [ماه|من] MONTH [ماه] [YEAR [era]] [time]
    pub(super) fn day_month_year(&self, i: usize) -> Option<Expr> {
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
            weekday = e.weekday();
            j = self.skip_commas(k);
            // `الأحد والاثنين 18 و19 ديسمبر`: two weekdays before a list of two days
            let glued_and = self.tok(j).is_some_and(|t| t.text(self.buf).starts_with('و'));
            if let Some(n) = self.conj(j, Conj::And).or(glued_and.then_some(j))
                && let Some((_, k2)) = self.entry(n, Kind::Weekday)
            {
                j = self.skip_commas(k2);
            }
        }
        if let Some(k) = self.frame(j, FrameWord::Day) {
            j = k;
        }
        let from = self.conj(j, Conj::From).filter(|_| self.lang == Lang::Ar);
        if let Some(k) = from {
            j = k;
        }
        // `هفت تیر ۱۳۶۰`, `بیست ژوئن ۲۰۱۹`: a day in cardinal words, read only with its year
        let (day, mut k, cardinal) = match self.day(j) {
            Some((d, k)) => (d, k, false),
            None => {
                let (d, k) = self.cardinal_day(j)?;
                (d, k, true)
            }
        };
        if from.is_some() && j == i + 1 {
            start = i + 1;
        }
        let mut day_to = None;
        // a list or range of days sharing the month
        loop {
            let next = self.conj(k, Conj::And).or_else(|| self.conj(k, Conj::To)).or_else(|| {
                (self.is_punct(k, &['-', '–']) || (self.is_punct(k, &[',', '،']) && day_to.is_none())).then_some(k + 1)
            });
            let Some(n) = next else { break };
            let is_list = self.conj(k, Conj::And).is_some() || self.is_punct(k, &[',', '،']);
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
        if let Some(n) = self.linker_of(k) {
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
        if let Some(n) = self.of_year(y_at) {
            y_at = n; // 5 من شهر رجب من عام 1440
        } else if let Some(n) = self.unit(y_at, Unit::Year) {
            y_at = n; // ۱۲ ژانویه سال ۲۰۲۲
        }
        if self.same_line(y_at)
            && let Some((y, short, _, n)) = self.year(y_at, Some(mh.cal))
        {
            year_found = Some((y, short));
            end = n;
        }
        if (mh.amb == Ambiguity::NeedsYear || cardinal) && year_found.is_none() {
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
    pub(super) fn month_first(&self, i: usize) -> Option<Expr> {
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
        if (self.is_punct(k, &['-', '–']) || self.conj(k, Conj::To).is_some())
            && let Some((d2, n)) = self.day(if self.is_punct(k, &['-', '–']) {
                k + 1
            } else {
                self.conj(k, Conj::To)?
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
    pub(super) fn month_year(&self, i: usize) -> Option<Expr> {
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
        // `32 مارس 2021`, `۰ فروردین`: a number no day can be is not left out to leave the month
        if j == i
            && i > 0
            && self.same_line(i)
            && self
                .num(i - 1)
                .is_some_and(|(v, digits)| digits <= 2 && !(1..=31).contains(&v))
        {
            return None;
        }
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
        let y_at = self
            .of_year(y_at)
            .or_else(|| self.unit(y_at, Unit::Year))
            .unwrap_or(y_at);
        if self.same_line(y_at)
            && let Some((y, short, _, n)) = self.year(y_at, Some(mh.cal))
            && (!short || (mh.cal == Calendar::Persian && mh.amb != Ambiguity::NeedsYear))
        {
            if let What::Date { year, short_year, .. } = &mut what {
                *year = Some(y);
                *short_year = short;
            }
            year_found = true;
            end = n;
        } else if let Some(n) = self.unit(end, Unit::Year)
            && let Some((d, n2)) = self.dir(n)
        {
            // ژانویه سال آینده
            if let What::Date { rel_year, .. } = &mut what {
                *rel_year = Some(d.offset());
            }
            year_found = true;
            end = n2;
        } else if let Some((d, n)) = self.dir(end).filter(|(d, _)| *d != Dir::This) {
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
}
