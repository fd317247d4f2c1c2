//! Month headings in every calendar, from tarikh's own calendars, so the
//! page groups and labels events without calendar arithmetic of its own
//! (the browser's `islamic-umalqura` disagrees with tarikh's table on 740
//! of 1,896 months).

use chrono::NaiveDate;
use serde::Serialize;

use crate::calendar::{Calendar, from_date, month_name, month_range, render_month};
use crate::lexicon::Lang;

/// Most months listed per calendar for a page; a page spanning more lists
/// only the months its events fall in.
pub const MAX_MONTHS: usize = 96;

/// One month of one calendar as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct MonthLabel {
    /// Sortable `YYYY-MM` in that calendar (`1400-10`).
    pub key: String,
    /// The heading: `دی ۱۴۰۰`, `January 2022`, `جمادى الآخرة ١٤٤٣ هـ`.
    pub label: String,
    /// The month alone, for narrow places: `دی`, `Jan`.
    pub short: String,
}

/// A day's month in each calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Months {
    /// The Gregorian month (`January 2022`).
    pub gregorian: MonthLabel,
    /// The Solar Hijri month (`دی ۱۴۰۰`).
    pub persian: MonthLabel,
    /// The Hijri (Umm al-Qura) month (`جمادى الآخرة ١٤٤٣ هـ`).
    pub hijri: MonthLabel,
}

/// Every month from one day's to another's, in each calendar.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct MonthRuns {
    /// Gregorian months, oldest first.
    pub gregorian: Vec<MonthLabel>,
    /// Solar Hijri months, oldest first.
    pub persian: Vec<MonthLabel>,
    /// Hijri (Umm al-Qura) months, oldest first.
    pub hijri: Vec<MonthLabel>,
}

/// The language a calendar's headings are written in.
fn lang_of(cal: Calendar) -> Lang {
    match cal {
        Calendar::Gregorian => Lang::En,
        Calendar::Persian => Lang::Fa,
        Calendar::Hijri => Lang::Ar,
    }
}

/// Month `month` of `year` in `cal`.
pub fn month_label(cal: Calendar, year: i32, month: u8) -> MonthLabel {
    let lang = lang_of(cal);
    let name = month_name(cal, month, lang);
    let mut label = render_month(cal, year, month, lang);
    if cal == Calendar::Hijri {
        label.push_str(" هـ");
    }
    MonthLabel {
        key: format!("{year:04}-{month:02}"),
        label,
        short: match cal {
            Calendar::Gregorian => name.chars().take(3).collect(),
            _ => name.to_string(),
        },
    }
}

/// The month of `d` in `cal`.
fn month_of_in(d: NaiveDate, cal: Calendar) -> MonthLabel {
    let ymd = from_date(cal, d);
    month_label(cal, ymd.year, ymd.month)
}

/// The month of `d` in every calendar.
pub fn months_of(d: NaiveDate) -> Months {
    Months {
        gregorian: month_of_in(d, Calendar::Gregorian),
        persian: month_of_in(d, Calendar::Persian),
        hijri: month_of_in(d, Calendar::Hijri),
    }
}

/// Every month of `cal` from the one holding `first` to the one holding
/// `last`; empty when that is more than [`MAX_MONTHS`].
fn run_in(first: NaiveDate, last: NaiveDate, cal: Calendar) -> Vec<MonthLabel> {
    let mut out = Vec::new();
    let mut d = first;
    while d <= last {
        if out.len() == MAX_MONTHS {
            return Vec::new();
        }
        let ymd = from_date(cal, d);
        out.push(month_label(cal, ymd.year, ymd.month));
        let Some(after) = d.succ_opt() else { break };
        // Always forward, even if a month's range disagreed with `from_date`.
        d = match month_range(cal, ymd.year, ymd.month)
            .ok()
            .and_then(|(_, end)| end.succ_opt())
        {
            Some(next) => next.max(after),
            None => break,
        };
    }
    out
}

/// Every month from `first`'s to `last`'s, in every calendar (a calendar
/// whose run would pass [`MAX_MONTHS`] gets none).
pub fn months_between(first: NaiveDate, last: NaiveDate) -> MonthRuns {
    MonthRuns {
        gregorian: run_in(first, last, Calendar::Gregorian),
        persian: run_in(first, last, Calendar::Persian),
        hijri: run_in(first, last, Calendar::Hijri),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn months_come_from_tarikhs_own_calendars() {
        let m = months_of(day("2022-01-12"));
        assert_eq!(m.gregorian.key, "2022-01");
        assert_eq!(m.gregorian.label, "January 2022");
        assert_eq!(m.gregorian.short, "Jan");
        assert_eq!(m.persian.key, "1400-10");
        assert_eq!(m.persian.label, "دی ۱۴۰۰");
        assert_eq!(m.hijri.key, "1443-06");
        assert!(m.hijri.label.ends_with("١٤٤٣ هـ"), "{}", m.hijri.label);
    }

    #[test]
    fn runs_list_every_month_between_and_stop_at_the_cap() {
        let r = months_between(day("2021-12-30"), day("2022-03-01"));
        let keys: Vec<&str> = r.gregorian.iter().map(|m| m.key.as_str()).collect();
        assert_eq!(keys, ["2021-12", "2022-01", "2022-02", "2022-03"]);
        let keys: Vec<&str> = r.persian.iter().map(|m| m.key.as_str()).collect();
        assert_eq!(keys, ["1400-10", "1400-11", "1400-12"]);
        assert!(
            months_between(day("2000-01-01"), day("2020-01-01"))
                .gregorian
                .is_empty()
        );
    }
}
