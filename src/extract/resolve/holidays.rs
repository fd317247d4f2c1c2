//! Holidays → values: the occurrence a written year, a relative year, a
//! direction or the sentence's tense points to, computed by the holiday's
//! rule in its own calendar.

use chrono::{Datelike, Days, NaiveDate};

use crate::calendar::holidays::{Rule, year_of};
use crate::calendar::{self, Calendar, ISO_WEEK_START};
use crate::extract::holidays::Table;

use super::super::parse::{HOLIDAY_CLOSE_DAYS, HolidayWhat, HolidayYear};
use super::{Anchor, Grain, Resolved, expand_short_year, iso};

/// Resolves a holiday against the document date `dct` (needed unless a year is written).
pub(crate) fn resolve(h: &HolidayWhat, dct: Option<NaiveDate>) -> Option<Resolved> {
    let rule = Table::get().holidays.get(h.holiday)?.rule;
    let occurrence = |y: i32| -> Option<(NaiveDate, NaiveDate)> {
        let (first, last) = rule.in_year(y)?;
        match h.nth_day {
            Some(n) => {
                let d = first.checked_add_days(Days::new(u64::from(n.saturating_sub(1))))?;
                Some((d, d))
            }
            None if h.week => Some(calendar::week_range(first, ISO_WEEK_START)),
            None => Some((first, last)),
        }
    };
    let (first, last) = match h.year {
        HolidayYear::Written { cal, year, short } => {
            let year = if short { expand_short_year(year, cal, dct) } else { year };
            in_year_of(&rule, cal, year, occurrence)?
        }
        HolidayYear::Relative { cal, offset } => {
            let year = calendar::from_date(cal, dct?).year + offset;
            in_year_of(&rule, cal, year, occurrence)?
        }
        which => {
            let a = dct?;
            let y0 = year_of(rule.calendar(), a);
            let cands: Vec<(NaiveDate, NaiveDate)> = (y0 - 1..=y0 + 1).filter_map(occurrence).collect();
            let closest = cands.iter().copied().min_by_key(|&(f, l)| distance(a, f, l));
            match which {
                HolidayYear::Last => cands.into_iter().rev().find(|&(_, l)| l < a)?,
                HolidayYear::Next => cands.into_iter().find(|&(f, _)| f > a)?,
                HolidayYear::Near { .. } if closest.is_some_and(|(f, l)| distance(a, f, l) <= HOLIDAY_CLOSE_DAYS) => {
                    closest?
                }
                HolidayYear::Near { future: true } => cands.into_iter().find(|&(_, l)| l >= a)?,
                HolidayYear::Near { future: false } => cands.into_iter().rev().find(|&(f, _)| f <= a)?,
                _ => closest?,
            }
        }
    };
    let calendar = rule.calendar().calendar().unwrap_or(Calendar::Gregorian);
    let anchor = (!matches!(h.year, HolidayYear::Written { .. })).then_some(Anchor::Dct);
    let (value, grain) = if h.week {
        let w = first.iso_week();
        (format!("{:04}-W{:02}", w.year(), w.week()), Grain::Week)
    } else if first == last {
        (iso(first), Grain::Day)
    } else {
        (format!("{}/{}", iso(first), iso(last)), Grain::Interval)
    };
    Some(Resolved {
        value,
        grain,
        first,
        last,
        calendar,
        anchor,
        time: None,
    })
}

/// The occurrence in `year` of `cal`: that year's when `cal` is the rule's
/// calendar, otherwise the first one that begins within it (`عید فطر ۱۴۰۲`:
/// the Eid that falls in Solar Hijri 1402).
fn in_year_of(
    rule: &Rule,
    cal: Calendar,
    year: i32,
    occurrence: impl Fn(i32) -> Option<(NaiveDate, NaiveDate)>,
) -> Option<(NaiveDate, NaiveDate)> {
    let rc = rule.calendar();
    if rc.calendar() == Some(cal) {
        return occurrence(year);
    }
    let (yf, yl) = calendar::year_range(cal, year).ok()?;
    let y0 = year_of(rc, yf);
    (y0 - 1..=y0 + 1)
        .filter_map(occurrence)
        .filter(|&(f, _)| yf <= f && f <= yl)
        .min()
}

/// Days between `a` and the span `first..=last` (0 inside it).
fn distance(a: NaiveDate, first: NaiveDate, last: NaiveDate) -> i64 {
    if a < first {
        (first - a).num_days()
    } else if a > last {
        (a - last).num_days()
    } else {
        0
    }
}
