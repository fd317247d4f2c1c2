//! English expressions → values: TIMEX3 quarters (`1989-Q3`), halves
//! (`1989-H2`), seasons (`1998-SU`), decades (`198`), and the reporting period
//! business news keeps referring back to, remembered across one document.

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime, Weekday};

use crate::calendar::{self, Calendar};

use super::super::parse::{EnWhat, Part, Season, What, YearRef};
use super::{Anchor, Grain, Resolved};

/// A yearless date this close to the DCT is the nearest occurrence.
const CLOSE_DAYS: i64 = 31;

/// How long after its end a quarter is still the one news reports on.
const REPORT_DAYS: i64 = 200;

/// What one document has said so far: the quarter it reports on.
#[derive(Clone, Debug, Default)]
pub(crate) struct Context {
    /// The last quarter named outright (year, 1–4).
    quarter: Option<(i32, u8)>,
}

/// Resolves an English expression; `ctx` carries the reporting quarter from
/// one expression of a document to the next.
pub(crate) fn resolve(w: &EnWhat, dct: Option<NaiveDateTime>, ctx: &mut Context) -> Option<Resolved> {
    let a = dct?.date();
    match w {
        EnWhat::Tensed { date, future, weekday } => tensed(date, *future, *weekday, a),
        EnWhat::Part { part, year, fiscal } => {
            let (y, first, last) = pick(*year, a, |y| part_range(*part, y))?;
            // the quarter a report is about: the first ended one it names
            if let Part::Quarter(q) = part
                && ctx.quarter.is_none()
                && !fiscal
                && last < a
                && (a - last).num_days() < REPORT_DAYS
                && !matches!(year, YearRef::Near { back: 1, .. })
            {
                ctx.quarter = Some((y, *q));
            }
            let anchor = (!matches!(year, YearRef::Abs(_))).then_some(Anchor::Dct);
            Some(span(part_value(*part, y), first, last, anchor))
        }
        EnWhat::Reported { back, year, fallback } => {
            let (y, q) = match (ctx.quarter, fallback) {
                (None, Some(off)) => {
                    let y = a.year() - off;
                    let (first, last) = calendar::year_range(Calendar::Gregorian, y).ok()?;
                    return Some(span(format!("{y:04}"), first, last, Some(Anchor::Dct)));
                }
                (Some(c), _) => c,
                (None, None) => {
                    let q = previous_quarter(a);
                    ctx.quarter = Some(q);
                    q
                }
            };
            let y = year.unwrap_or(y - back);
            let (first, last) = part_range(Part::Quarter(q), y)?;
            Some(span(
                part_value(Part::Quarter(q), y),
                first,
                last,
                Some(Anchor::Relative),
            ))
        }
        EnWhat::Year(r) => {
            let (y, first, last) = pick(*r, a, |y| calendar::year_range(Calendar::Gregorian, y).ok())?;
            let anchor = (!matches!(r, YearRef::Abs(_))).then_some(Anchor::Dct);
            let mut r = span(format!("{y:04}"), first, last, anchor);
            r.grain = Grain::Year;
            Some(r)
        }
        EnWhat::Decade(d) => {
            let first = NaiveDate::from_ymd_opt(d * 10, 1, 1)?;
            let last = NaiveDate::from_ymd_opt(d * 10 + 9, 12, 31)?;
            let mut r = span(format!("{d:03}"), first, last, None);
            r.grain = Grain::Decade;
            Some(r)
        }
    }
}

/// A yearless date in the year its tense points to: the latest occurrence that
/// has begun by the DCT, or (future) the first that has not ended; with no
/// tense, the nearest. A written weekday picks the year in which it fits.
fn tensed(date: &What, future: Option<bool>, weekday: Option<Weekday>, a: NaiveDate) -> Option<Resolved> {
    let with_year = |y: i32| {
        let mut d = date.clone();
        if let What::Date { year, .. } = &mut d {
            *year = Some(y);
        }
        super::resolve_date(&d, Some(a), Some(a))
    };
    let y0 = a.year();
    let fits = |r: &Resolved| weekday.is_none_or(|w| r.grain != Grain::Day || r.first.weekday() == w);
    let dist = |r: &Resolved| {
        if a < r.first {
            (r.first - a).num_days()
        } else if a > r.last {
            (a - r.last).num_days()
        } else {
            0
        }
    };
    let cands: Vec<Resolved> = (y0 - 1..=y0 + 1).filter_map(with_year).collect();
    let nearest_close = cands
        .iter()
        .min_by_key(|r| dist(r))
        .filter(|r| dist(r) <= CLOSE_DAYS)
        .cloned();
    let found = if weekday.is_some() && cands.iter().any(fits) {
        cands.into_iter().filter(fits).min_by_key(dist)
    } else if nearest_close.is_some() {
        // a date within weeks of the DCT is that one, whatever the tense cue says
        nearest_close
    } else {
        match future {
            Some(true) => cands.into_iter().find(|r| r.last >= a),
            Some(false) => cands.into_iter().rev().find(|r| r.first <= a),
            None => cands.into_iter().min_by_key(dist),
        }
    };
    let mut r = found?;
    r.anchor = Some(Anchor::YearInferred);
    Some(r)
}

/// The year `r` names around `a`, with the range `f` gives for it.
fn pick(
    r: YearRef,
    a: NaiveDate,
    f: impl Fn(i32) -> Option<(NaiveDate, NaiveDate)>,
) -> Option<(i32, NaiveDate, NaiveDate)> {
    pick_in(Calendar::Gregorian, r, a, f)
}

/// [`pick`] with years counted in `cal` (a Solar Hijri season of `امسال`).
pub(super) fn pick_in(
    cal: Calendar,
    r: YearRef,
    a: NaiveDate,
    f: impl Fn(i32) -> Option<(NaiveDate, NaiveDate)>,
) -> Option<(i32, NaiveDate, NaiveDate)> {
    let y0 = calendar::from_date(cal, a).year;
    let with = |y: i32| f(y).map(|(s, e)| (y, s, e));
    match r {
        YearRef::Abs(y) => with(y),
        YearRef::Dct(off) => with(y0 + off),
        YearRef::Near { future, back } => {
            let (y, _, _) = if future {
                (y0 - 1..=y0 + 1).filter_map(with).find(|(_, _, l)| *l >= a)?
            } else {
                (y0 - 1..=y0 + 1).rev().filter_map(with).find(|(_, s, _)| *s <= a)?
            };
            with(y - back)
        }
        YearRef::Last => (y0 - 2..=y0).rev().filter_map(with).find(|(_, _, l)| *l < a),
        YearRef::Next => (y0..=y0 + 2).filter_map(with).find(|(_, s, _)| *s > a),
    }
}

/// The quarter before the one `a` falls in.
fn previous_quarter(a: NaiveDate) -> (i32, u8) {
    let q = (a.month0() / 3) as u8 + 1;
    if q == 1 { (a.year() - 1, 4) } else { (a.year(), q - 1) }
}

/// First and last day of a part of year `y`; winter is December of the year
/// before to February.
pub(super) fn part_range(p: Part, y: i32) -> Option<(NaiveDate, NaiveDate)> {
    let months = |from: u32, n: u32| -> Option<(NaiveDate, NaiveDate)> {
        let first = NaiveDate::from_ymd_opt(y, from, 1)?;
        let last = first.checked_add_months(Months::new(n))?.pred_opt()?;
        Some((first, last))
    };
    match p {
        Part::Quarter(q) => months(u32::from(q) * 3 - 2, 3),
        Part::Half(h) => months(u32::from(h) * 6 - 5, 6),
        Part::Season(Season::Spring) => months(3, 3),
        Part::Season(Season::Summer) => months(6, 3),
        Part::Season(Season::Fall) => months(9, 3),
        Part::Season(Season::Winter) => {
            let first = NaiveDate::from_ymd_opt(y - 1, 12, 1)?;
            let last = NaiveDate::from_ymd_opt(y, 3, 1)?.pred_opt()?;
            Some((first, last))
        }
    }
}

pub(super) fn part_value(p: Part, y: i32) -> String {
    match p {
        Part::Quarter(q) => format!("{y:04}-Q{q}"),
        Part::Half(h) => format!("{y:04}-H{h}"),
        Part::Season(s) => {
            let code = match s {
                Season::Spring => "SP",
                Season::Summer => "SU",
                Season::Fall => "FA",
                Season::Winter => "WI",
            };
            format!("{y:04}-{code}")
        }
    }
}

pub(super) fn span(value: String, first: NaiveDate, last: NaiveDate, anchor: Option<Anchor>) -> Resolved {
    Resolved {
        value,
        grain: Grain::Interval,
        first,
        last,
        calendar: Calendar::Gregorian,
        anchor,
        time: None,
    }
}
