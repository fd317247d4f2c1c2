//! Holidays and named days (`عيد الفطر 1444`, `عید نوروز`, `شب یلدا`,
//! `ثاني أيام عيد الأضحى`, `last Thanksgiving`, `Easter 2019`): a spelling of
//! `data/holidays.tsv`, with the frame word before it and the year, relative
//! year or direction after it.

use crate::calendar::Calendar;
use crate::calendar::holidays::RuleCalendar;
use crate::extract::holidays::{Table, same_token, spellable};
use crate::lexicon::{Dir, Gap, Kind, Lang, TokKind};

use super::super::Mod;
use super::{Expr, Parser, Unit, What};

/// A holiday as written.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct HolidayWhat {
    /// Index into the holiday table.
    pub holiday: usize,
    pub year: HolidayYear,
    /// The nth day of the holiday (`ثاني أيام عيد الفطر`: 2), counted from its first.
    pub nth_day: Option<u8>,
    /// The week of the holiday (`Easter week`): its ISO week.
    pub week: bool,
}

/// Which occurrence of a holiday.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum HolidayYear {
    /// A written year of `cal`: the occurrence in that year (in the
    /// holiday's own calendar, that year's; in another, the one falling in it).
    Written { cal: Calendar, year: i32, short: bool },
    /// The document's year of `cal` plus `offset` (`نوروز امسال`, `عيد الفطر العام الماضي`).
    Relative { cal: Calendar, offset: i32 },
    /// The latest occurrence wholly before the document date (`last Christmas`, `عيد الفطر الماضي`).
    Last,
    /// The next occurrence wholly after it (`next Easter`, `عيد الأضحى المقبل`).
    Next,
    /// The latest that has begun by the document date, or with `future` the
    /// next that has not ended (a sentence's tense), unless one is within
    /// [`HOLIDAY_CLOSE_DAYS`] of the document date (`بعد انتهاء عطلة عيد الفطر`
    /// written in the days after it, `prepared for Nowruz` in the days before).
    Near { future: bool },
    /// The occurrence nearest the document date.
    Closest,
}

/// How near the document date a holiday is the one a sentence means,
/// whatever its tense says: the days of a feast and the days around it.
pub(crate) const HOLIDAY_CLOSE_DAYS: i64 = 7;

/// Direction words that may follow a Persian holiday name: `بعد`, `قبل`,
/// `پیش` there begin `بعد از …` more often than they say which one (folded:
/// `آینده` is `اینده`).
const FA_DIRECTIONS: &[&str] = &["اینده", "گذشته", "اخیر", "اتی", "جاری"];

/// Name heads that, before a holiday, name what happens on it (folded).
const PRAYER_HEADS: &[&str] = &["نماز", "صلاه", "خطبه", "خطبههای", "اقامه"];

impl Parser<'_> {
    /// Whether a holiday name or the frame word before one starts at word `i`.
    pub(super) fn holiday_may_start(&self, i: usize) -> bool {
        let t = Table::get();
        let w = self.toks[i].text(self.buf);
        t.may_start(w, self.lang)
            || self.clitic_holiday(w).is_some()
            // `last Thanksgiving`, `next Easter`
            || (self.lang == Lang::En
                && self.dir(i).is_some_and(|(_, k)| {
                    self.tok(k)
                        .is_some_and(|n| n.kind == TokKind::Word && t.may_start(n.text(self.buf), self.lang))
                }))
    }

    /// An Arabic holiday name glued to `و`, `ب`, `ل`, `ف` (`بعيد الفطر`): the word without it.
    fn clitic_holiday<'w>(&self, w: &'w str) -> Option<&'w str> {
        if self.lang != Lang::Ar {
            return None;
        }
        let mut chars = w.chars();
        match chars.next() {
            Some('و' | 'ب' | 'ل' | 'ف') if w.chars().nth(2).is_some() => {
                let rest = chars.as_str();
                (!Table::get().starting(rest).is_empty()).then_some(rest)
            }
            _ => None,
        }
    }

    /// A holiday name at `i`: (the holiday, whether it needs context, the token after it).
    fn holiday_name(&self, i: usize, first: bool) -> Option<(usize, bool, usize)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Word {
            return None;
        }
        let w = t.text(self.buf);
        let table = Table::get();
        let mut spellings = table.starting(w);
        if spellings.is_empty() && first {
            spellings = table.starting(self.clitic_holiday(w)?);
        }
        spellings
            .iter()
            .filter(|s| s.lang == self.lang && (!s.capital || t.capital))
            .find_map(|s| {
                let mut k = i + 1;
                for r in s.rest.iter() {
                    let t = self.tok(k)?;
                    if t.gap == Gap::Line || !spellable(t.kind) || !same_token(r, t.text(self.buf)) {
                        return None;
                    }
                    k += 1;
                }
                Some((s.holiday, s.needs_context, k))
            })
    }

    /// `أول أيام`, `ثاني أيام`, `الثالث من أيام` before a holiday: (n, the token after).
    fn holiday_nth_day(&self, i: usize) -> Option<(u8, usize)> {
        let (n, mut k) = self.number_word(i, Kind::Ordinal)?;
        if !(1..=10).contains(&n) {
            return None;
        }
        let days = |k: usize| self.tok(k).is_some_and(|t| t.text(self.buf) == "ایام");
        if self.lang == Lang::Ar {
            // `أول أيام` is one lexicon entry; otherwise `أيام` must follow, after an optional `من`
            let whole = k > i + 1 && days(k - 1);
            if !whole {
                if self.tok(k).is_some_and(|t| t.text(self.buf) == "من") {
                    k += 1;
                }
                if !days(k) {
                    return None;
                }
                k += 1;
            }
            return Some((n as u8, k));
        }
        None
    }

    /// A holiday: [last|next|this] [nth day of] [frame] NAME [week] [year | relative year | direction].
    ///
    /// A lunar holiday in Persian text carries [`Mod::Approx`]: its day is the
    /// Umm al-Qura one, and Iran's official lunar calendar, which follows
    /// sighting, can be a day off it. Arabic and English text get the Umm
    /// al-Qura day as it is (the day Saudi outlets state; a Moroccan or Omani
    /// Eid may be a day later).
    pub(super) fn holiday(&self, i: usize) -> Option<Expr> {
        let table = Table::get();
        let mut j = i;
        let mut year = None;
        if self.lang == Lang::En
            && let Some((d, k)) = self.dir(j)
        {
            year = Some(match d {
                Dir::Past => HolidayYear::Last,
                Dir::Next => HolidayYear::Next,
                Dir::This => HolidayYear::Relative {
                    cal: Calendar::Gregorian,
                    offset: 0,
                },
            });
            j = k;
        }
        let mut nth_day = None;
        if let Some((n, k)) = self.holiday_nth_day(j) {
            nth_day = Some(n);
            j = k;
        }
        let mut framed = false;
        let (holiday, needs_context, mut end) = match self.holiday_name(j, j == i) {
            Some(h) => h,
            None => {
                let w = self.tok(j).filter(|t| t.kind == TokKind::Word)?.text(self.buf);
                if !table.is_frame(w, self.lang) {
                    return None;
                }
                framed = true;
                j += 1;
                // `روز دوم عید فطر`
                if self.lang == Lang::Fa
                    && nth_day.is_none()
                    && let Some((n, k)) = self.number_word(j, Kind::Ordinal).filter(|(n, _)| (1..=10).contains(n))
                {
                    nth_day = Some(n as u8);
                    j = k;
                }
                self.holiday_name(j, false)?
            }
        };
        let name_start = j;
        // a name after a name head (`خیابان`, `شارع`) names a place; the feast's
        // prayer (`نماز عید فطر`, `صلاة عيد الأضحى`) is on the feast
        if !framed
            && nth_day.is_none()
            && name_start > 0
            && self.same_line(name_start)
            && self.hits[name_start - 1].iter().any(|e| e.kind == Kind::NameHead)
            && !PRAYER_HEADS.contains(&self.toks[name_start - 1].text(self.buf))
        {
            return None;
        }
        if self.lang == Lang::En {
            // `Easter Island`, `Christmas Carol`: a capital name after it is a name
            if self
                .tok(end)
                .is_some_and(|t| t.capital && t.kind == TokKind::Word && t.gap != Gap::Line)
                && self.month(end).is_none()
                && !self.en_is(end, &["week"])
            {
                return None;
            }
        }
        // `عید قربان ۱۰ مرداد ۱۳۹۹`, `۲۷ رمضان ۱۴۴۳ روز قدس`: beside a written date the
        // name is that date's, and the date says which day
        if self.same_line(end) && (self.day_month_year(end).is_some() || self.numeric(end).is_some()) {
            return None;
        }
        if i > 0
            && self.same_line(i)
            && (self.num(i - 1).is_some() || self.month_word_after(i - 1).is_some_and(|(_, k)| k == i))
        {
            return None;
        }
        let mut week = false;
        if self.lang == Lang::En && self.en_is(end, &["week"]) {
            week = true;
            end += 1;
        }
        let written = year.is_none().then(|| self.holiday_year(end)).flatten();
        if let Some((y, k)) = written {
            year = Some(y);
            end = k;
        }
        if needs_context && !framed && nth_day.is_none() && year.is_none() && !self.after_holiday_and(i) {
            return None;
        }
        let rule_cal = table.holidays[holiday].rule.calendar();
        let mut year = year.unwrap_or_else(|| self.holiday_tense(i, end));
        // `Eid al-Fitr 1444`, `Nowruz 1401`: in English a year no Gregorian news
        // dates a feast by is the year of the feast's own calendar
        if let HolidayYear::Written {
            cal: cal @ Calendar::Gregorian,
            year: y,
            ..
        } = &mut year
            && self.lang == Lang::En
            && (1300..=1500).contains(y)
            && let Some(own @ (Calendar::Hijri | Calendar::Persian)) = rule_cal.calendar()
        {
            *cal = own;
        }
        let lunar = rule_cal == RuleCalendar::Hijri;
        Some(Expr {
            start: i,
            end,
            what: What::Holiday(HolidayWhat {
                holiday,
                year,
                nth_day,
                week,
            }),
            modifier: (lunar && self.lang == Lang::Fa).then_some(Mod::Approx),
        })
    }

    /// Whether `HOLIDAY و` stands before token `i` (`تاسوعا و عاشورا`): a list of
    /// holidays makes a name with other senses one of them.
    fn after_holiday_and(&self, i: usize) -> bool {
        if i < 2 || self.conj(i - 1, crate::lexicon::Conj::And) != Some(i) {
            return false;
        }
        (i.saturating_sub(6)..i - 1).any(|k| self.holiday_name(k, false).is_some_and(|(_, _, end)| end == i - 1))
    }

    /// The occurrence a yearless holiday means in its sentence's tense.
    fn holiday_tense(&self, start: usize, end: usize) -> HolidayYear {
        if self.lang == Lang::En {
            return match self.en_future(start, end) {
                Some(future) => HolidayYear::Near { future },
                None => HolidayYear::Closest,
            };
        }
        if self.future_sentence(start, end) {
            HolidayYear::Near { future: true }
        } else {
            HolidayYear::Closest
        }
    }

    /// What follows a holiday name to say which one: a year (`1444`, `سال ۱۴۰۱`,
    /// `لعام 2023 م`), a relative year (`امسال`, `العام الماضي`) or a direction
    /// (`المقبل`, `آینده`). `لهذا العام` stays a mention of its own: the year it
    /// names is the writer's calendar's, not the holiday's.
    fn holiday_year(&self, i: usize) -> Option<(HolidayYear, usize)> {
        if !self.same_line(i) {
            return None;
        }
        let local = super::super::resolve::local_calendar(self.lang);
        if self.lang == Lang::En {
            let (y, k) = self.en_year(i)?;
            return Some((
                HolidayYear::Written {
                    cal: Calendar::Gregorian,
                    year: y,
                    short: false,
                },
                k,
            ));
        }
        if let Some((off, k)) = self.rel_year(i) {
            return Some((
                HolidayYear::Relative {
                    cal: local,
                    offset: off,
                },
                k,
            ));
        }
        let framed = self.unit(i, Unit::Year);
        if let Some((d, n)) = framed.and_then(|k| self.dir(k)) {
            return Some((
                HolidayYear::Relative {
                    cal: local,
                    offset: d.offset(),
                },
                n,
            ));
        }
        let at = framed.unwrap_or(i);
        let short_ok = framed.is_some() && self.lang == Lang::Fa;
        if let Some((y, short, era, k)) = self.year(at, short_ok.then_some(Calendar::Persian))
            && (!short || short_ok)
            && self.entry(k, Kind::DurUnit).is_none()
        {
            let cal = match era {
                Some(c) => c,
                None if short => Calendar::Persian,
                None => super::unmarked_year_calendar(self.lang, y as u32),
            };
            // without an era mark, a number that is no recent year is a count (`عيد الفطر 1000 وجبة`)
            let plausible = era.is_some()
                || short
                || match cal {
                    Calendar::Gregorian => (1900..=2100).contains(&y),
                    Calendar::Persian | Calendar::Hijri => (1300..=1500).contains(&y),
                };
            if plausible {
                return Some((HolidayYear::Written { cal, year: y, short }, k));
            }
            return None;
        }
        if framed.is_some() {
            return None;
        }
        // an adjective after the name: `عيد الفطر المقبل`, `نوروز گذشته` (`لهذا العام` is no adjective)
        let (d, k) = self.dir(i)?;
        let w = self.tok(i)?.text(self.buf);
        let adjective = match self.lang {
            Lang::Fa => FA_DIRECTIONS.contains(&w),
            _ => w.starts_with("ال"),
        };
        match d {
            Dir::Past if adjective => Some((HolidayYear::Last, k)),
            Dir::Next if adjective => Some((HolidayYear::Next, k)),
            _ => None,
        }
    }
}
