//! Calendar labels of an event date, computed once when the event is written
//! so SQL users read `۱۹–۲۰ دی ۱۴۰۰` without calendar functions.

use chrono::{Datelike, NaiveDate};

use super::dates::EventDate;
use crate::calendar::{Calendar, Ymd, from_date, month_name, render_range, render_year};
use crate::extract::{Grain, Mod};
use crate::lexicon::Lang;

/// The labels and first-day fields stored on an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Labels {
    /// English, Gregorian: `9–10 January 2022`, `early January 2022`, `before 1997`.
    pub gregorian: String,
    /// Persian, Solar Hijri: `۱۹–۲۰ دی ۱۴۰۰`.
    pub persian: String,
    /// Arabic, lunar Hijri (Umm al-Qura): `٦–٧ جمادى الآخرة ١٤٤٣`.
    pub hijri: String,
    /// Solar Hijri year/month/day of the first day.
    pub persian_ymd: Ymd,
    /// Lunar Hijri (Umm al-Qura) year/month/day of the first day.
    pub hijri_ymd: Ymd,
}

fn prefix(m: Mod, lang: Lang) -> &'static str {
    match (m, lang) {
        (Mod::Start, Lang::En) => "early ",
        (Mod::Mid, Lang::En) => "mid-",
        (Mod::End, Lang::En) => "late ",
        (Mod::Before, Lang::En) => "before ",
        (Mod::After, Lang::En) => "after ",
        (Mod::Approx, Lang::En) => "about ",
        (Mod::Start, Lang::Ar) => "أوائل ",
        (Mod::Mid, Lang::Ar) => "منتصف ",
        (Mod::End, Lang::Ar) => "أواخر ",
        (Mod::Before, Lang::Ar) => "قبل ",
        (Mod::After, Lang::Ar) => "بعد ",
        (Mod::Approx, Lang::Ar) => "حوالي ",
        (Mod::Start, _) => "اوایل ",
        (Mod::Mid, _) => "اواسط ",
        (Mod::End, _) => "اواخر ",
        (Mod::Before, _) => "پیش از ",
        (Mod::After, _) => "پس از ",
        (Mod::Approx, _) => "حدود ",
    }
}

/// The days `value` names before any START/MID/END narrowing, for month and year values.
fn whole_period(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let head = value.get(..7).unwrap_or(value);
    if let Ok(first) = NaiveDate::parse_from_str(&format!("{head}-01"), "%Y-%m-%d") {
        let next = if first.month() == 12 {
            NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
        }?;
        return Some((first, next.pred_opt()?));
    }
    let year: i32 = value.get(..4)?.parse().ok()?;
    Some((
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
    ))
}

/// Computes the labels of `d`.
pub fn labels(d: &EventDate) -> Labels {
    let coarse = matches!(d.grain, Grain::Month | Grain::Year | Grain::Decade);
    // A START/MID/END prefix is only needed when the days were not already narrowed.
    let needs_prefix = match d.modifier {
        None => false,
        Some(Mod::Start | Mod::Mid | Mod::End) => !coarse || whole_period(&d.value) == Some((d.first_day, d.last_day)),
        Some(_) => true,
    };
    let gregorian_core = match d.grain {
        Grain::Month => format!(
            "{} {}",
            month_name(Calendar::Gregorian, d.first_day.month() as u8, Lang::En),
            d.first_day.year()
        ),
        Grain::Year => d.first_day.year().to_string(),
        Grain::Decade => format!("{}s", d.first_day.year() - d.first_day.year().rem_euclid(10)),
        _ => render_range(d.first_day, d.last_day, Calendar::Gregorian, Lang::En),
    };
    let p = |lang| match d.modifier {
        Some(m) if needs_prefix || coarse => prefix(m, lang),
        _ => "",
    };
    let other = |cal: Calendar, lang: Lang| {
        let range = render_range(d.first_day, d.last_day, cal, lang);
        let core = match d.grain {
            // A Gregorian month or year in other calendars: name it, then the days or years it spans.
            Grain::Month => format!(
                "{} {} ({range})",
                month_name(Calendar::Gregorian, d.first_day.month() as u8, lang),
                render_year(Calendar::Gregorian, d.first_day.year(), lang)
            ),
            Grain::Year | Grain::Decade => {
                let (a, b) = (from_date(cal, d.first_day).year, from_date(cal, d.last_day).year);
                let years = if a == b {
                    render_year(cal, a, lang)
                } else {
                    format!("{}–{}", render_year(cal, a, lang), render_year(cal, b, lang))
                };
                format!(
                    "{} ({years})",
                    render_year(Calendar::Gregorian, d.first_day.year(), lang)
                )
            }
            _ => range,
        };
        format!("{}{core}", p(lang))
    };
    Labels {
        gregorian: format!("{}{gregorian_core}", p(Lang::En)),
        persian: other(Calendar::Persian, Lang::Fa),
        hijri: other(Calendar::Hijri, Lang::Ar),
        persian_ymd: from_date(Calendar::Persian, d.first_day),
        hijri_ymd: from_date(Calendar::Hijri, d.first_day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::chronology::dates::tests_support::event_date as date;

    #[test]
    fn day_and_interval_labels() {
        let l = labels(&date("2022-01-12", Grain::Day, None, "2022-01-12", "2022-01-12"));
        assert_eq!(l.gregorian, "12 January 2022");
        assert_eq!(l.persian, "۲۲ دی ۱۴۰۰");
        assert_eq!(
            (l.persian_ymd.year, l.persian_ymd.month, l.persian_ymd.day),
            (1400, 10, 22)
        );
        assert_eq!((l.hijri_ymd.year, l.hijri_ymd.month, l.hijri_ymd.day), (1443, 6, 9));
        let l = labels(&date(
            "2022-01-09/2022-01-10",
            Grain::Interval,
            None,
            "2022-01-09",
            "2022-01-10",
        ));
        assert_eq!(l.gregorian, "9–10 January 2022");
        assert_eq!(l.persian, "۱۹–۲۰ دی ۱۴۰۰");
    }

    #[test]
    fn modified_month_and_year() {
        let l = labels(&date(
            "2022-01",
            Grain::Month,
            Some(Mod::Start),
            "2022-01-01",
            "2022-01-31",
        ));
        assert_eq!(l.gregorian, "early January 2022");
        assert_eq!(l.persian, "اوایل ژانویه ۲۰۲۲ (۱۱ دی – ۱۱ بهمن ۱۴۰۰)");
        let l = labels(&date(
            "1997",
            Grain::Year,
            Some(Mod::Before),
            "1997-01-01",
            "1997-12-31",
        ));
        assert_eq!(l.gregorian, "before 1997");
        assert_eq!(l.persian, "پیش از ۱۹۹۷ (۱۳۷۵–۱۳۷۶)");
        assert!(l.hijri.starts_with("قبل ١٩٩٧ ("));
    }
}
