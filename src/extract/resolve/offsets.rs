//! Counted offsets → values: `n` days or weeks from a day is that day
//! (`six weeks ago` the day, as TimeBank mostly annotates it), `n` months a
//! month and `n` years a year, counted in the calendar the text counts in
//! (`دو ماه پیش` in Persian text is a Solar Hijri month, as `ماه گذشته` is).

use chrono::NaiveDate;

use crate::lexicon::Lang;

use super::super::parse::Unit;
use super::{Anchor, Grain, Resolved, day, iso, local_calendar, rel_unit, shift, week_start};

/// `n` units from `base` (a day of grain `base_grain`, the document date or
/// the first day of the date before the offset in the text); with `span`, the
/// interval from the first unit after (or before) `base` to the nth. None when
/// the base is too coarse for the unit (`two days later` after `in 2010`).
pub(crate) fn offset_from(
    base: NaiveDate,
    base_grain: Grain,
    n: i32,
    unit: Unit,
    span: bool,
    lang: Lang,
) -> Option<Resolved> {
    let fine_enough = match unit {
        Unit::Day | Unit::Week => matches!(base_grain, Grain::Day | Grain::Datetime),
        Unit::Month => matches!(base_grain, Grain::Day | Grain::Datetime | Grain::Week | Grain::Month),
        Unit::Year | Unit::Decade => base_grain != Grain::Decade && base_grain != Grain::Duration,
    };
    if !fine_enough {
        return None;
    }
    if !span {
        return one(base, n, unit, lang);
    }
    let near = one(base, n.signum(), unit, lang)?;
    let far = one(base, n, unit, lang)?;
    let (first, last) = (near.first.min(far.first), near.last.max(far.last));
    Some(Resolved {
        value: format!("{}/{}", iso(first), iso(last)),
        grain: Grain::Interval,
        first,
        last,
        calendar: near.calendar,
        anchor: Some(Anchor::Dct),
        time: None,
    })
}

fn one(base: NaiveDate, n: i32, unit: Unit, lang: Lang) -> Option<Resolved> {
    let r = match unit {
        Unit::Day => day(
            shift(base, i64::from(n))?,
            crate::calendar::Calendar::Gregorian,
            Some(Anchor::Dct),
        ),
        Unit::Week => day(
            shift(base, 7 * i64::from(n))?,
            crate::calendar::Calendar::Gregorian,
            Some(Anchor::Dct),
        ),
        Unit::Month | Unit::Year => rel_unit(base, unit, n, None, week_start(lang), local_calendar(lang))?,
        Unit::Decade => rel_unit(
            base,
            Unit::Year,
            n.checked_mul(10)?,
            None,
            week_start(lang),
            crate::calendar::Calendar::Gregorian,
        )?,
    };
    Some(r)
}

/// What an offset counted from the text (`two days later`) counts from: the
/// date of the mention before it, as (day, grain). Durations name no date.
pub(crate) fn text_anchor(r: &Resolved) -> Option<(NaiveDate, Grain)> {
    (r.grain != Grain::Duration).then_some((r.first, r.grain))
}
