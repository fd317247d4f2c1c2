//! Periods → values. Conventions:
//!
//! - a Persian season is a quarter of the Solar Hijri year (`بهار` =
//!   Farvardin–Khordad, `زمستان` = Dey–Esfand), valued as its Gregorian
//!   interval like a Solar Hijri month; a season with a Gregorian year
//!   (`تابستان ۲۰۲۱`) is the one that ends in that year;
//! - an Arabic (or English) season is a TIMEX3 season (`2021-SU`) whose days
//!   are the meteorological season of the English reading: spring March–May,
//!   summer June–August, fall September–November, winter December of the
//!   year before to February;
//! - a Gregorian decade is TIMEX3 `197`; a Solar Hijri decade (`دهه هفتاد`,
//!   1370–1379 AP) its Gregorian interval;
//! - a Gregorian century is TIMEX3 `17` (the 18th century, 1700–1799); a
//!   Solar Hijri or lunar Hijri century its Gregorian interval;
//! - one day of a period is counted in the period's own calendar (`آخرین
//!   پنجشنبه سال` is the last Thursday of the Solar Hijri year).

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};

use crate::calendar::{self, Calendar};
use crate::lexicon::Lang;

use super::super::parse::{Expr, Part, Period, Pick, Season, Unit, What, YearRef};
use super::english::{part_range, part_value, pick_in, span};
use super::{Anchor, Context, Grain, Resolved, expand_short_year, iso};

/// Resolves a period against the DCT (needed only for relative ones).
pub(super) fn resolve(p: &Period, dct: Option<NaiveDateTime>, lang: Lang, ctx: &mut Context) -> Option<Resolved> {
    let a = dct.map(|d| d.date());
    let g = Calendar::Gregorian;
    match p {
        &Period::Season {
            season,
            cal: Calendar::Persian,
            year,
            short,
        } => {
            let year = match year {
                YearRef::Abs(y) if short => YearRef::Abs(expand_short_year(y, Calendar::Persian, a)),
                // the Solar Hijri season that ends in a written Gregorian year
                YearRef::Abs(y) if y >= 1700 => YearRef::Abs(y - if season == Season::Winter { 622 } else { 621 }),
                y => y,
            };
            let (_, first, last) = year_in(Calendar::Persian, year, a, |y| persian_season(season, y))?;
            Some(Resolved {
                calendar: Calendar::Persian,
                ..span(interval(first, last), first, last, anchor(year))
            })
        }
        &Period::Season { season, year, .. } => {
            let part = Part::Season(season);
            let (y, first, last) = year_in(g, year, a, |y| part_range(part, y))?;
            Some(span(part_value(part, y), first, last, anchor(year)))
        }
        &Period::Decade { first, cal } => decade(first, cal, None),
        &Period::RelDecade { tens, offset } => {
            let century = a?.year().div_euclid(100) + offset;
            decade(century * 100 + tens, g, Some(Anchor::Dct))
        }
        &Period::Century { first, cal } => century(first, cal, None),
        &Period::RelYear { cal, offset } => super::rel_unit_in(a?, Unit::Year, offset, cal),
        &Period::RelCentury(offset) => century((a?.year().div_euclid(100) + offset) * 100, g, Some(Anchor::Dct)),
        Period::Within { pick, of } => {
            let inner = Expr {
                start: 0,
                end: 0,
                what: What::clone(of),
                modifier: None,
            };
            let r = super::resolve_in(&inner, dct, lang, ctx)?;
            within(*pick, r)
        }
    }
}

/// The year `r` names, counted in `cal`; a written year needs no DCT.
fn year_in(
    cal: Calendar,
    r: YearRef,
    a: Option<NaiveDate>,
    f: impl Fn(i32) -> Option<(NaiveDate, NaiveDate)>,
) -> Option<(i32, NaiveDate, NaiveDate)> {
    match r {
        YearRef::Abs(y) => f(y).map(|(s, e)| (y, s, e)),
        r => pick_in(cal, r, a?, f),
    }
}

fn anchor(r: YearRef) -> Option<Anchor> {
    (!matches!(r, YearRef::Abs(_))).then_some(Anchor::Dct)
}

/// The quarter of Solar Hijri year `y` a season is.
fn persian_season(s: Season, y: i32) -> Option<(NaiveDate, NaiveDate)> {
    let q = match s {
        Season::Spring => 0,
        Season::Summer => 1,
        Season::Fall => 2,
        Season::Winter => 3,
    };
    let (first, _) = calendar::month_range(Calendar::Persian, y, 3 * q + 1).ok()?;
    let (_, last) = calendar::month_range(Calendar::Persian, y, 3 * q + 3).ok()?;
    Some((first, last))
}

fn interval(first: NaiveDate, last: NaiveDate) -> String {
    format!("{}/{}", iso(first), iso(last))
}

/// `years` years from year `first` of `cal`: (first day, last day).
fn years(cal: Calendar, first: i32, years: i32) -> Option<(NaiveDate, NaiveDate)> {
    let (start, _) = calendar::year_range(cal, first).ok()?;
    let (_, end) = calendar::year_range(cal, first + years - 1).ok()?;
    Some((start, end))
}

fn decade(first: i32, cal: Calendar, anchor: Option<Anchor>) -> Option<Resolved> {
    let (start, end) = years(cal, first, 10)?;
    let (value, grain) = if cal == Calendar::Gregorian {
        (format!("{:03}", first.div_euclid(10)), Grain::Decade)
    } else {
        (interval(start, end), Grain::Interval)
    };
    Some(Resolved {
        grain,
        calendar: cal,
        ..span(value, start, end, anchor)
    })
}

fn century(first: i32, cal: Calendar, anchor: Option<Anchor>) -> Option<Resolved> {
    let (start, end) = years(cal, first.max(1), 100 - i32::from(first < 1))?;
    let value = if cal == Calendar::Gregorian {
        format!("{:02}", first.div_euclid(100))
    } else {
        interval(start, end)
    };
    Some(Resolved {
        calendar: cal,
        ..span(value, start, end, anchor)
    })
}

/// The day (or ten days) `pick` names within the resolved period `r`.
fn within(pick: Pick, r: Resolved) -> Option<Resolved> {
    let (first, last) = (r.first, r.last);
    let add = |d: NaiveDate, n: u32| d.checked_add_days(Days::new(u64::from(n)));
    let day = match pick {
        Pick::Weekday { nth, weekday } if nth > 0 => {
            add(first, weekday.days_since(first.weekday()) + 7 * (nth as u32 - 1))?
        }
        Pick::Weekday { weekday, .. } => {
            last.checked_sub_days(Days::new(u64::from(last.weekday().days_since(weekday))))?
        }
        Pick::Day(n) if n > 0 => add(first, n as u32 - 1)?,
        Pick::Day(_) => last,
        Pick::Dekad(n) => {
            let start = add(first, 10 * (u32::from(n) - 1))?;
            let end = if n >= 3 {
                last
            } else {
                add(first, 10 * u32::from(n) - 1)?
            };
            return (end <= last).then(|| Resolved {
                calendar: r.calendar,
                ..span(interval(start, end), start, end, r.anchor)
            });
        }
    };
    (first..=last).contains(&day).then(|| Resolved {
        value: iso(day),
        grain: Grain::Day,
        first: day,
        last: day,
        calendar: r.calendar,
        anchor: r.anchor,
        time: None,
    })
}
