//! Times of day → TIMEX3 `TIME` values on their day: `2022-01-08T15:00`,
//! `2022-01-09TMO`, `1998-02-12T12:00`, midnight as `T24:00`.

use chrono::NaiveDateTime;

use crate::lexicon::Lang;

use super::super::parse::{Expr, TimeOfDay, What};
use super::{Context, Grain, Resolved};

/// The time `at` on the day `day` resolves to; None when the day is not one day.
pub(super) fn time_of_day(
    e: &Expr,
    at: TimeOfDay,
    day: &What,
    dct: Option<NaiveDateTime>,
    lang: Lang,
    ctx: &mut Context,
) -> Option<Resolved> {
    let inner = Expr {
        start: e.start,
        end: e.end,
        what: day.clone(),
        modifier: None,
    };
    let r = super::resolve_in(&inner, dct, lang, ctx)?;
    if r.grain != Grain::Day {
        return None;
    }
    let (value, time) = match at {
        TimeOfDay::Clock(h, m) => (format!("{}T{h:02}:{m:02}", r.value), Some((h, m))),
        TimeOfDay::Part(p) => (format!("{}T{}", r.value, p.code()), None),
    };
    Some(Resolved {
        value,
        grain: Grain::Datetime,
        time,
        ..r
    })
}
