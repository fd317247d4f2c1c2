//! Raw expressions → Gregorian values, against the document date.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, Weekday};

use crate::calendar::{self, Calendar, ISO_WEEK_START, PERSIAN_WEEK_START, Ymd};
use crate::lexicon::{Dir, Lang};

use super::parse::{Base, Expr, Unit, What};
use super::{Anchor, Grain};

mod english;
mod holidays;
mod offsets;
mod periods;
mod timex;

pub(crate) use english::Context;
pub(crate) use offsets::{offset_from, text_anchor};

/// A resolved expression.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Resolved {
    pub value: String,
    pub grain: Grain,
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub calendar: Calendar,
    pub anchor: Option<Anchor>,
    pub time: Option<(u8, u8)>,
}

/// Resolves against the document date; None when it cannot be (a relative
/// date without a DCT, a day that does not exist).
pub(crate) fn resolve(e: &Expr, dct: Option<NaiveDateTime>, lang: Lang) -> Option<Resolved> {
    resolve_in(e, dct, lang, &mut Context::default())
}

/// [`resolve`] within a document: `ctx` carries what English expressions refer back to.
pub(crate) fn resolve_in(e: &Expr, dct: Option<NaiveDateTime>, lang: Lang, ctx: &mut Context) -> Option<Resolved> {
    let anchor = dct.map(|d| d.date());
    match &e.what {
        What::Date { .. } => resolve_date(&e.what, anchor, anchor),
        What::Range { from, to } => resolve_range(from, to, anchor),
        What::RelDay(n) => {
            let d = shift(anchor?, *n)?;
            Some(day(d, Calendar::Gregorian, Some(Anchor::Dct)))
        }
        What::RelUnit { unit, offset, weekday } => rel_unit(
            anchor?,
            *unit,
            *offset,
            *weekday,
            week_start(lang),
            local_calendar(lang),
        ),
        What::Weekday {
            weekday,
            dir,
            nth,
            future,
        } => {
            let a = anchor?;
            let d = if *future && dir.is_none() {
                shift(a, i64::from(weekday.days_since(a.weekday())))?
            } else {
                weekday_date(a, *weekday, *dir, *nth, week_start(lang))?
            };
            Some(day(d, Calendar::Gregorian, Some(Anchor::Weekday)))
        }
        What::Offset { n, unit, base, span } => match base {
            Base::Text | Base::Sentence => None,
            Base::Dct => offset_from(anchor?, Grain::Day, *n, *unit, *span, lang),
        },
        What::En(w) => english::resolve(w, dct, ctx),
        What::TimeOfDay { at, day } => timex::time_of_day(e, *at, day, dct, lang, ctx),
        What::Unplaced(_) => None,
        What::Period(p) => periods::resolve(p, dct, lang, ctx),
        What::Holiday(h) => holidays::resolve(h, anchor),
    }
}

/// Resolves a yearless date to the occurrence nearest `near` (its twin's day).
pub(crate) fn resolve_with_anchor(e: &Expr, near: NaiveDate, dct: Option<NaiveDate>) -> Option<Resolved> {
    match &e.what {
        What::Range { from, to } => resolve_range(from, to, Some(near)),
        w => resolve_date(w, Some(near), dct),
    }
}

/// A range: the end resolves first, then the start with the month and year
/// it leaves out taken from the end (a year earlier when that would put it
/// after the end: `۲۴ اسفند تا ۱۵ فروردین ۹۷` starts in Esfand 1396).
fn resolve_range(from: &What, to: &What, anchor: Option<NaiveDate>) -> Option<Resolved> {
    let end = resolve_date(to, anchor, anchor)?;
    let (
        What::Date {
            year: ty,
            short_year: ts,
            month: tm,
            rel_year: tr,
            cal: tcal,
            ..
        },
        What::Date {
            year: fy,
            month: fm,
            day: fd,
            ..
        },
    ) = (to, from)
    else {
        return None;
    };
    let mut f = from.clone();
    let mut borrowed_year = false;
    if let What::Date {
        cal,
        year,
        short_year,
        month,
        rel_year,
        ..
    } = &mut f
    {
        if fm.is_none() && fd.is_some() {
            *month = *tm;
            *cal = *tcal;
        }
        if fy.is_none() && (month.is_some() || fd.is_some()) {
            if *cal == *tcal {
                *year = ty.map(|y| if *ts { expand_short_year(y, *tcal, anchor) } else { y });
                *rel_year = *tr;
            } else {
                *year = Some(calendar::from_date(*cal, end.last).year);
            }
            *short_year = false;
            borrowed_year = year.is_some() || rel_year.is_some();
        }
    }
    let mut start = resolve_date(&f, Some(end.first), anchor)?;
    if start.first > end.last && borrowed_year {
        if let What::Date { year: Some(y), .. } = &mut f {
            *y -= 1;
        }
        start = resolve_date(&f, Some(end.first), anchor)?;
    }
    if start.first > end.last {
        return None;
    }
    if (start.first, start.last) == (end.first, end.last) {
        return Some(end);
    }
    Some(Resolved {
        value: format!("{}/{}", iso(start.first), iso(end.last)),
        grain: Grain::Interval,
        first: start.first,
        last: end.last,
        calendar: start.calendar,
        anchor: start.anchor.or(end.anchor),
        time: None,
    })
}

/// The Gregorian year a year number next to a month names: a Hijri or Solar
/// Hijri month with a year no such calendar has reached (`رمضان 2018`) is the
/// month that falls in that Gregorian year.
fn gregorian_year_of(cal: Calendar, year: i32) -> bool {
    match cal {
        Calendar::Hijri => year >= 1600,
        Calendar::Persian => year >= 1700,
        Calendar::Gregorian => false,
    }
}

fn resolve_date(what: &What, near: Option<NaiveDate>, dct: Option<NaiveDate>) -> Option<Resolved> {
    let &What::Date {
        cal,
        year,
        short_year,
        month,
        day: d,
        day_to,
        time,
        rel_year,
        month_dir,
        weekday,
        half,
        swappable,
    } = what
    else {
        return None;
    };
    let year = match (year, short_year) {
        (Some(y), true) => Some(expand_short_year(y, cal, near)),
        (y, _) => y,
    };
    // `رمضان 2018`: the occurrence of the month (or day) that falls in that Gregorian year.
    if let Some(gy) = year.filter(|&y| gregorian_year_of(cal, y)) {
        let mid = NaiveDate::from_ymd_opt(gy, 7, 1)?;
        let mut w = what.clone();
        if let What::Date { year, short_year, .. } = &mut w {
            *year = None;
            *short_year = false;
        }
        let r = resolve_date(&w, Some(mid), dct)?;
        return (r.first.year() == gy || r.last.year() == gy).then_some(Resolved { anchor: None, ..r });
    }
    let inferred = year.is_none();
    let this_year = |a: NaiveDate| calendar::from_date(cal, a).year;
    if let Some(h) = half {
        let (first, last) = match (year, rel_year, month) {
            (Some(y), _, None) => calendar::year_range(cal, y).ok()?,
            (None, Some(r), None) => calendar::year_range(cal, this_year(dct.or(near)?) + r).ok()?,
            (Some(y), _, Some(m)) => calendar::month_range(cal, y, m).ok()?,
            (None, Some(r), Some(m)) => calendar::month_range(cal, this_year(dct.or(near)?) + r, m).ok()?,
            (None, None, Some(m)) => nearest(cal, near?, |y| calendar::month_range(cal, y, m).ok())?,
            (None, None, None) => return None,
        };
        let (first, last) = halve(cal, first, last, month.is_none(), h)?;
        return Some(Resolved {
            value: format!("{}/{}", iso(first), iso(last)),
            grain: Grain::Interval,
            first,
            last,
            calendar: cal,
            anchor: inferred.then_some(Anchor::YearInferred),
            time: None,
        });
    }
    match (month, d) {
        (Some(m), Some(dd)) => {
            let fits = |x: NaiveDate| weekday.is_none_or(|w| x.weekday() == w);
            let first = match (year, rel_year) {
                (Some(y), _) => {
                    let written = lenient_day(cal, Ymd::new(y, m, dd));
                    let other = swappable
                        .then(|| calendar::to_date(cal, Ymd::new(y, dd, m)).ok())
                        .flatten()
                        .filter(|&x| fits(x));
                    match (written, other) {
                        (Some(w), Some(o)) if !fits(w) => o,
                        (w, _) => w?,
                    }
                }
                (None, Some(r)) => calendar::to_date(cal, Ymd::new(this_year(dct.or(near)?) + r, m, dd)).ok()?,
                (None, None) => {
                    let at = |y| calendar::to_date(cal, Ymd::new(y, m, dd)).ok().map(|x| (x, x));
                    // The written weekday picks the year (`الأربعاء 14 مارس` in January 2019 is 2018).
                    nearest(cal, near?, |y| at(y).filter(|&(x, _)| fits(x)))
                        .or_else(|| nearest(cal, near?, at))?
                        .0
                }
            };
            let anchor = inferred.then_some(Anchor::YearInferred);
            if let Some(d2) = day_to {
                let last = first.checked_add_days(Days::new(u64::from(d2.checked_sub(dd)?)))?;
                let value = format!("{}/{}", iso(first), iso(last));
                return Some(Resolved {
                    value,
                    grain: Grain::Interval,
                    first,
                    last,
                    calendar: cal,
                    anchor,
                    time: None,
                });
            }
            if let Some((h, mi)) = time {
                let value = format!("{}T{h:02}:{mi:02}", iso(first));
                return Some(Resolved {
                    value,
                    grain: Grain::Datetime,
                    first,
                    last: first,
                    calendar: cal,
                    anchor,
                    time,
                });
            }
            let mut r = day(first, cal, anchor);
            r.time = time;
            Some(r)
        }
        (Some(m), None) => {
            let range = |y: i32| calendar::month_range(cal, y, m).ok();
            let (first, last) = match (year, rel_year, month_dir) {
                (Some(y), _, _) => range(y)?,
                (None, Some(r), _) => range(this_year(dct.or(near)?) + r)?,
                (None, None, Some(dir)) => {
                    let a = dct.or(near)?;
                    let y0 = this_year(a);
                    if dir == Dir::Next {
                        (y0..=y0 + 1).filter_map(range).find(|(f, _)| *f > a)?
                    } else {
                        (y0 - 1..=y0).rev().filter_map(range).find(|(_, l)| *l < a)?
                    }
                }
                (None, None, None) => nearest(cal, near?, range)?,
            };
            let value = if cal == Calendar::Gregorian {
                format!("{:04}-{:02}", first.year(), first.month())
            } else {
                format!("{}/{}", iso(first), iso(last))
            };
            let anchor = inferred.then_some(Anchor::YearInferred);
            Some(Resolved {
                value,
                grain: Grain::Month,
                first,
                last,
                calendar: cal,
                anchor,
                time: None,
            })
        }
        (None, _) => {
            let y = year?;
            // `العام الماضي 1435` must name last year; `امسال ۱۷۰۰ نفر` names none
            if let (Some(r), Some(a)) = (rel_year, dct.or(near))
                && (y - (this_year(a) + r)).abs() > 1
            {
                return None;
            }
            let (first, last) = calendar::year_range(cal, y).ok()?;
            let value = if cal == Calendar::Gregorian {
                format!("{y:04}")
            } else {
                format!("{}/{}", iso(first), iso(last))
            };
            Some(Resolved {
                value,
                grain: Grain::Year,
                first,
                last,
                calendar: cal,
                anchor: None,
                time: None,
            })
        }
    }
}

/// The first or second half of a month (days 1–15, 16–end) or of a year
/// (its first six months, the rest).
fn halve(cal: Calendar, first: NaiveDate, last: NaiveDate, whole_year: bool, h: u8) -> Option<(NaiveDate, NaiveDate)> {
    let split = if whole_year {
        let y = calendar::from_date(cal, first).year;
        calendar::month_range(cal, y, 7).ok()?.0
    } else {
        first.checked_add_days(Days::new(15))?
    };
    let prev = split.pred_opt()?;
    Some(if h == 1 { (first, prev) } else { (split, last) })
}

/// Among last year, this year and next year (in `cal`, around `near`), the
/// candidate closest to `near`: a yearless date is never far from its document.
fn nearest(
    cal: Calendar,
    near: NaiveDate,
    f: impl Fn(i32) -> Option<(NaiveDate, NaiveDate)>,
) -> Option<(NaiveDate, NaiveDate)> {
    let y = calendar::from_date(cal, near).year;
    let dist = |(a, b): (NaiveDate, NaiveDate)| {
        if near < a {
            (a - near).num_days()
        } else if near > b {
            (near - b).num_days()
        } else {
            0
        }
    };
    [y, y - 1, y + 1].into_iter().filter_map(&f).min_by_key(|&r| dist(r))
}

/// `94` → 1394 and `02` → 1402 next to a Solar Hijri month in 2014; `15` → 2015.
fn expand_short_year(yy: i32, cal: Calendar, near: Option<NaiveDate>) -> i32 {
    let reference = near.map_or(
        match cal {
            Calendar::Gregorian => 2000,
            Calendar::Persian => 1400,
            Calendar::Hijri => 1440,
        },
        |d| calendar::from_date(cal, d).year,
    );
    // A two-digit year is seldom more than a decade ahead: `خرداد ۳۰` in 1400 is 1330, not 1430.
    let century = reference - reference.rem_euclid(100);
    [century - 100 + yy, century + yy, century + 100 + yy]
        .into_iter()
        .find(|&c| c > reference - 90 && c <= reference + 10)
        .unwrap_or(century + yy)
}

fn day(d: NaiveDate, cal: Calendar, anchor: Option<Anchor>) -> Resolved {
    Resolved {
        value: iso(d),
        grain: Grain::Day,
        first: d,
        last: d,
        calendar: cal,
        anchor,
        time: None,
    }
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn shift(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        d.checked_add_days(Days::new(days as u64))
    } else {
        d.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// Which day a week starts on when a text counts weeks: Saturday in Persian
/// (the Iranian week); ISO Monday otherwise (the convention the Arabic peer
/// suites expect).
fn week_start(lang: Lang) -> Weekday {
    match lang {
        Lang::Fa => PERSIAN_WEEK_START,
        _ => ISO_WEEK_START,
    }
}

/// Days from `start` to the next `wd` (0 = Monday) within a week.
fn days_into_week(start: Weekday, wd: Weekday) -> i64 {
    i64::from(wd.days_since(start))
}

/// Last/this/next week, month or year; a week-grain value is the ISO week.
/// The calendar `this year`, `last month` count in: Persian news counts
/// years and months in the Solar Hijri calendar (`امسال` in Dey 1400 is
/// 1400 AP), the other languages in the Gregorian one.
pub(crate) fn local_calendar(lang: Lang) -> Calendar {
    match lang {
        Lang::Fa => Calendar::Persian,
        _ => Calendar::Gregorian,
    }
}

fn rel_unit(
    a: NaiveDate,
    unit: Unit,
    offset: i32,
    weekday: Option<Weekday>,
    week_start: Weekday,
    cal: Calendar,
) -> Option<Resolved> {
    let g = Calendar::Gregorian;
    if cal != g && unit != Unit::Week {
        return rel_unit_in(a, unit, offset, cal);
    }
    match unit {
        Unit::Week => {
            let d = shift(a, 7 * i64::from(offset))?;
            if let Some(wd) = weekday {
                let (first, _) = calendar::week_range(d, week_start);
                return Some(day(shift(first, days_into_week(week_start, wd))?, g, Some(Anchor::Dct)));
            }
            let (first, last) = calendar::week_range(d, ISO_WEEK_START);
            let w = d.iso_week();
            let value = format!("{:04}-W{:02}", w.year(), w.week());
            Some(Resolved {
                value,
                grain: Grain::Week,
                first,
                last,
                calendar: g,
                anchor: Some(Anchor::Dct),
                time: None,
            })
        }
        Unit::Month => {
            let m = if offset >= 0 {
                a.checked_add_months(Months::new(offset as u32))?
            } else {
                a.checked_sub_months(Months::new(offset.unsigned_abs()))?
            };
            let (first, last) = calendar::month_range(g, m.year(), m.month() as u8).ok()?;
            let value = format!("{:04}-{:02}", m.year(), m.month());
            Some(Resolved {
                value,
                grain: Grain::Month,
                first,
                last,
                calendar: g,
                anchor: Some(Anchor::Dct),
                time: None,
            })
        }
        _ => {
            let y = a.year() + offset;
            let (first, last) = calendar::year_range(g, y).ok()?;
            Some(Resolved {
                value: format!("{y:04}"),
                grain: Grain::Year,
                first,
                last,
                calendar: g,
                anchor: Some(Anchor::Dct),
                time: None,
            })
        }
    }
}

/// This/last/next month or year counted in a non-Gregorian calendar: the
/// month or year's Gregorian interval.
fn rel_unit_in(a: NaiveDate, unit: Unit, offset: i32, cal: Calendar) -> Option<Resolved> {
    let here = calendar::from_date(cal, a);
    let (first, last) = if unit == Unit::Month {
        let months = here.year * 12 + i32::from(here.month) - 1 + offset;
        calendar::month_range(cal, months.div_euclid(12), (months.rem_euclid(12) + 1) as u8).ok()?
    } else {
        calendar::year_range(cal, here.year + offset).ok()?
    };
    Some(Resolved {
        value: format!("{}/{}", iso(first), iso(last)),
        grain: if unit == Unit::Month { Grain::Month } else { Grain::Year },
        first,
        last,
        calendar: cal,
        anchor: Some(Anchor::Dct),
        time: None,
    })
}

/// A weekday near `a`: the most recent on or before it; with `dir` past
/// the one before; next, the one in the next week; this, the one in this
/// week (weeks beginning on `week_start`); with `nth` the nth of the month.
fn weekday_date(
    a: NaiveDate,
    wd: Weekday,
    dir: Option<Dir>,
    nth: Option<u8>,
    week_start: Weekday,
) -> Option<NaiveDate> {
    if let Some(n) = nth {
        return NaiveDate::from_weekday_of_month_opt(a.year(), a.month(), wd, n);
    }
    let cur = i64::from(a.weekday().num_days_from_monday());
    let want = i64::from(wd.num_days_from_monday());
    match dir {
        Some(d @ (Dir::This | Dir::Next)) => {
            let (first, _) = calendar::week_range(a, week_start);
            shift(first, 7 * i64::from(d.offset()) + days_into_week(week_start, wd))
        }
        Some(Dir::Past) => {
            let back = (cur - want).rem_euclid(7);
            shift(a, -(if back == 0 { 7 } else { back }))
        }
        None => shift(a, -(cur - want).rem_euclid(7)),
    }
}

/// A written day; in the lunar Hijri calendar, day 30 of a month Umm al-Qura
/// counts as 29 days is the day after the 29th: sighting-based calendars
/// often had a 30-day month where the Saudi table has 29.
fn lenient_day(cal: Calendar, ymd: Ymd) -> Option<NaiveDate> {
    match calendar::to_date(cal, ymd) {
        Ok(d) => Some(d),
        Err(_) if cal == Calendar::Hijri && ymd.day == 30 => calendar::to_date(cal, Ymd::new(ymd.year, ymd.month, 29))
            .ok()?
            .checked_add_days(Days::new(1)),
        Err(_) => None,
    }
}
