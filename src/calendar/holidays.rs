//! Holiday rules: the day a named day falls on in a given year, computed in
//! the calendar it is defined in.
//!
//! A [`Rule`] is read from the `rule` column of `data/holidays.tsv`:
//!
//! | rule | meaning | example |
//! |---|---|---|
//! | `CAL M D` | day `D` of month `M` of a year of `CAL` | `persian 1 1` (Nowruz), `hijri 10 1` (Eid al-Fitr) |
//! | `CAL M D..E` | days `D` to `E` of month `M` | `persian 11 12..22` (the Fajr decade) |
//! | `CAL M Nth-WD` | the `N`th weekday `WD` of month `M` (`1st`…`5th`, or `last`) | `gregorian 11 4th-thu`, `hijri 9 last-fri` |
//! | `… +K` / `… -K` | `K` days after or before that day | `gregorian 11 1st-mon +1` (US Election Day) |
//! | `easter K`, `orthodox-easter K` | `K` days from Easter Sunday | `easter -2` (Good Friday) |
//!
//! `CAL` is `gregorian`, `julian` (Orthodox fixed feasts: Julian 25 December is
//! Gregorian 7 January in 1901–2099), `persian` (Solar Hijri) or `hijri` (lunar
//! Hijri, Umm al-Qura inside its published table, the civil calendar outside it:
//! see [`super::hijri`]).
//!
//! Easter: the Western date is the Gregorian computus (the anonymous Gregorian
//! algorithm as given by Meeus, *Astronomical Algorithms*, ch. 8, after Jones
//! 1876 and Butcher 1877); the Orthodox date is the Julian computus (Meeus's
//! Julian algorithm) converted to the Gregorian calendar.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::{Calendar, Ymd};

/// The calendar a rule counts its years, months and days in.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum RuleCalendar {
    /// Gregorian.
    Gregorian,
    /// The Julian calendar (Orthodox fixed feasts).
    Julian,
    /// Solar Hijri.
    Persian,
    /// Lunar Hijri (Umm al-Qura).
    Hijri,
}

impl RuleCalendar {
    /// The tarikh calendar of the same name; None for the Julian calendar,
    /// which tarikh reads only for rules.
    pub const fn calendar(self) -> Option<Calendar> {
        match self {
            RuleCalendar::Gregorian => Some(Calendar::Gregorian),
            RuleCalendar::Persian => Some(Calendar::Persian),
            RuleCalendar::Hijri => Some(Calendar::Hijri),
            RuleCalendar::Julian => None,
        }
    }
}

/// Which church's Easter.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Church {
    /// The Gregorian computus (Catholic and Protestant churches).
    Western,
    /// The Julian computus (Orthodox churches).
    Orthodox,
}

/// Which day of a month a rule names.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum DaySpec {
    /// A day number, or days `from..=to`.
    Days {
        /// First day of the month.
        from: u8,
        /// Last day, inclusive (`from` for a one-day holiday).
        to: u8,
    },
    /// The `n`th (1–5) weekday of the month.
    Nth(u8, Weekday),
    /// The last weekday of the month.
    Last(Weekday),
}

/// When a holiday falls.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    /// A day of a month in `cal`, moved by `offset` days.
    Month {
        /// The calendar of `month` and `day`.
        cal: RuleCalendar,
        /// The month, 1–12.
        month: u8,
        /// Which day or days of it.
        day: DaySpec,
        /// Days to move the result by (the eve of a feast is -1).
        offset: i32,
    },
    /// `offset` days from Easter Sunday.
    Easter {
        /// Whose computus.
        church: Church,
        /// Days from Easter Sunday (Good Friday is -2).
        offset: i32,
    },
}

/// Why a rule could not be read (a bug in the data file naming it).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("holiday rule {rule:?}: {reason}")]
pub struct RuleError {
    /// The rule as written.
    pub rule: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl std::str::FromStr for Rule {
    type Err = RuleError;

    /// Reads the syntax described in the module documentation.
    fn from_str(s: &str) -> Result<Rule, RuleError> {
        let err = |reason: &'static str| RuleError {
            rule: s.to_string(),
            reason,
        };
        let words: Vec<&str> = s.split_whitespace().collect();
        let offset = |w: Option<&&str>| -> Result<i32, RuleError> {
            match w {
                None => Ok(0),
                Some(w) => w
                    .strip_prefix('+')
                    .unwrap_or(w)
                    .parse()
                    .map_err(|_| err("the offset must be +N or -N days")),
            }
        };
        match words.first().copied() {
            Some(c @ ("easter" | "orthodox-easter")) => {
                if words.len() > 2 {
                    return Err(err("expected `easter OFFSET`"));
                }
                let church = if c == "easter" {
                    Church::Western
                } else {
                    Church::Orthodox
                };
                Ok(Rule::Easter {
                    church,
                    offset: offset(words.get(1))?,
                })
            }
            Some(c) => {
                let cal = match c {
                    "gregorian" => RuleCalendar::Gregorian,
                    "julian" => RuleCalendar::Julian,
                    "persian" => RuleCalendar::Persian,
                    "hijri" => RuleCalendar::Hijri,
                    _ => return Err(err("unknown calendar")),
                };
                if !(3..=4).contains(&words.len()) {
                    return Err(err("expected `CALENDAR MONTH DAY [OFFSET]`"));
                }
                let month: u8 = words[1].parse().map_err(|_| err("bad month"))?;
                if !(1..=12).contains(&month) {
                    return Err(err("month out of range 1–12"));
                }
                let day =
                    parse_day_spec(words[2]).ok_or_else(|| err("bad day: N, N..M, 1st-mon … 5th-sun, last-fri"))?;
                Ok(Rule::Month {
                    cal,
                    month,
                    day,
                    offset: offset(words.get(3))?,
                })
            }
            None => Err(err("empty rule")),
        }
    }
}

fn parse_day_spec(s: &str) -> Option<DaySpec> {
    if let Some((n, wd)) = s.split_once('-') {
        let wd = parse_weekday(wd)?;
        return match n {
            "last" => Some(DaySpec::Last(wd)),
            "1st" => Some(DaySpec::Nth(1, wd)),
            "2nd" => Some(DaySpec::Nth(2, wd)),
            "3rd" => Some(DaySpec::Nth(3, wd)),
            "4th" => Some(DaySpec::Nth(4, wd)),
            "5th" => Some(DaySpec::Nth(5, wd)),
            _ => None,
        };
    }
    let (from, to) = match s.split_once("..") {
        Some((a, b)) => (a.parse().ok()?, b.parse().ok()?),
        None => {
            let d = s.parse().ok()?;
            (d, d)
        }
    };
    ((1..=31).contains(&from) && (from..=31).contains(&to)).then_some(DaySpec::Days { from, to })
}

fn parse_weekday(s: &str) -> Option<Weekday> {
    Some(match s {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    })
}

impl Rule {
    /// The calendar whose years the rule counts (Easter: the Gregorian year,
    /// for both churches).
    pub const fn calendar(&self) -> RuleCalendar {
        match self {
            Rule::Month { cal, .. } => *cal,
            Rule::Easter { .. } => RuleCalendar::Gregorian,
        }
    }

    /// The first and last day (inclusive) of the holiday in `year` of
    /// [`Rule::calendar`]; None when the year is outside the calendar's range.
    pub fn in_year(&self, year: i32) -> Option<(NaiveDate, NaiveDate)> {
        let (first, last, offset) = match *self {
            Rule::Easter { church, offset } => {
                let d = match church {
                    Church::Western => western_easter(year)?,
                    Church::Orthodox => orthodox_easter(year)?,
                };
                (d, d, offset)
            }
            Rule::Month {
                cal,
                month,
                day,
                offset,
            } => {
                let (first, last) = month_days(cal, year, month)?;
                let (a, b) = match day {
                    DaySpec::Days { from, to } => (
                        nth_day(first, last, from, cal == RuleCalendar::Hijri)?,
                        nth_day(first, last, to, cal == RuleCalendar::Hijri)?,
                    ),
                    DaySpec::Nth(n, wd) => {
                        let back = i64::from(wd.days_since(first.weekday()));
                        let d = shift(first, back + 7 * (i64::from(n) - 1))?;
                        if d > last {
                            return None;
                        }
                        (d, d)
                    }
                    DaySpec::Last(wd) => {
                        let d = shift(last, -i64::from(last.weekday().days_since(wd)))?;
                        (d, d)
                    }
                };
                (a, b, offset)
            }
        };
        Some((shift(first, offset.into())?, shift(last, offset.into())?))
    }
}

/// Day `n` of a month running `first..=last`; in the lunar Hijri calendar day
/// 30 of a 29-day month is the day after the 29th (the extractor's reading of
/// written dates, for the same reason: sighting-based calendars often had it).
fn nth_day(first: NaiveDate, last: NaiveDate, n: u8, lunar: bool) -> Option<NaiveDate> {
    let d = shift(first, i64::from(n) - 1)?;
    (d <= last || (lunar && n == 30)).then_some(d)
}

/// First and last day of month `month` of `year` in `cal`.
fn month_days(cal: RuleCalendar, year: i32, month: u8) -> Option<(NaiveDate, NaiveDate)> {
    match cal.calendar() {
        Some(c) => super::month_range(c, year, month).ok(),
        None => {
            let first = julian_to_date(year, month, 1)?;
            let (ny, nm) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
            Some((first, julian_to_date(ny, nm, 1)?.pred_opt()?))
        }
    }
}

/// The year of `d` in `cal`.
pub fn year_of(cal: RuleCalendar, d: NaiveDate) -> i32 {
    match cal.calendar() {
        Some(c) => super::from_date(c, d).year,
        None => date_to_julian(d).year,
    }
}

fn shift(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        d.checked_add_days(Days::new(days as u64))
    } else {
        d.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// Western Easter Sunday of Gregorian `year` (1583 onwards): the anonymous
/// Gregorian algorithm (Meeus; Jones 1876; Butcher 1877).
pub fn western_easter(year: i32) -> Option<NaiveDate> {
    if !(1583..=9999).contains(&year) {
        return None;
    }
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// Orthodox Easter Sunday of `year`, as a Gregorian day: the Julian computus
/// (Meeus's Julian algorithm), then the Julian date converted.
pub fn orthodox_easter(year: i32) -> Option<NaiveDate> {
    if !(1..=9998).contains(&year) {
        return None;
    }
    let a = year % 4;
    let b = year % 7;
    let c = year % 19;
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    julian_to_date(year, month as u8, day as u8)
}

/// The Gregorian day of Julian `year-month-day`; None for a day that does
/// not exist or falls outside Gregorian 1–9999.
pub fn julian_to_date(year: i32, month: u8, day: u8) -> Option<NaiveDate> {
    if !(1..=12).contains(&month) {
        return None;
    }
    let leap = year.rem_euclid(4) == 0;
    let len = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if !(1..=len).contains(&day) {
        return None;
    }
    // days from 0001-01-01 Julian (day 0), then the two calendars' offset at the epoch
    let (y, m) = if month <= 2 {
        (i64::from(year) - 1, i64::from(month) + 9)
    } else {
        (i64::from(year), i64::from(month) - 3)
    };
    let doy = (153 * m + 2) / 5 + i64::from(day) - 1;
    let days = 365 * y + y.div_euclid(4) + doy - 306;
    // 0001-01-01 Julian is 0000-12-30 proleptic Gregorian (day -1 counted from CE)
    let g = NaiveDate::from_num_days_from_ce_opt(i32::try_from(days - 1).ok()?)?;
    (1..=9999).contains(&g.year()).then_some(g)
}

/// The Julian year, month and day of a Gregorian day.
pub fn date_to_julian(d: NaiveDate) -> Ymd {
    // inverse of `julian_to_date`: day count from the Julian epoch, March-based years
    let z = i64::from(d.num_days_from_ce()) + 1 + 306;
    let y = (4 * z + 3).div_euclid(1461);
    let doy = z - (365 * y + y.div_euclid(4));
    let m = (5 * doy + 2) / 153;
    let day = doy - (153 * m + 2) / 5 + 1;
    let (year, month) = if m < 10 { (y, m + 3) } else { (y + 1, m - 9) };
    Ymd::new(year as i32, month as u8, day as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn julian_round_trips_and_known_offsets() {
        // Julian 25 December 2022 is Gregorian 7 January 2023; 4 October 1582 Julian is 14 October 1582.
        assert_eq!(julian_to_date(2022, 12, 25), Some(day(2023, 1, 7)));
        assert_eq!(julian_to_date(1582, 10, 4), Some(day(1582, 10, 14)));
        assert_eq!(julian_to_date(2100, 2, 29), Some(day(2100, 3, 14)));
        assert_eq!(julian_to_date(2001, 2, 29), None);
        let mut d = day(1, 3, 1);
        while d < day(3000, 1, 1) {
            let j = date_to_julian(d);
            assert_eq!(julian_to_date(j.year, j.month, j.day), Some(d), "{d}");
            d = d + Days::new(13);
        }
    }

    #[test]
    fn rules_parse_and_refuse() {
        assert_eq!(
            "gregorian 11 1st-mon +1".parse::<Rule>(),
            Ok(Rule::Month {
                cal: RuleCalendar::Gregorian,
                month: 11,
                day: DaySpec::Nth(1, Weekday::Mon),
                offset: 1
            })
        );
        assert_eq!(
            "easter -2".parse::<Rule>(),
            Ok(Rule::Easter {
                church: Church::Western,
                offset: -2
            })
        );
        for bad in [
            "",
            "lunar 1 1",
            "persian 13 1",
            "persian 1 0",
            "hijri 9 6th-fri",
            "easter x",
            "persian 1 5..2",
        ] {
            assert!(bad.parse::<Rule>().is_err(), "{bad}");
        }
        let e = "persian 13 1".parse::<Rule>().unwrap_err();
        assert_eq!(e.to_string(), "holiday rule \"persian 13 1\": month out of range 1–12");
    }

    #[test]
    fn weekday_rules() {
        let r = |s: &str| s.parse::<Rule>().unwrap();
        assert_eq!(
            r("gregorian 11 4th-thu").in_year(1999),
            Some((day(1999, 11, 25), day(1999, 11, 25)))
        );
        assert_eq!(
            r("gregorian 5 last-mon").in_year(2021),
            Some((day(2021, 5, 31), day(2021, 5, 31)))
        );
        assert_eq!(
            r("gregorian 11 1st-mon +1").in_year(1998),
            Some((day(1998, 11, 3), day(1998, 11, 3)))
        );
        assert_eq!(r("gregorian 2 5th-mon").in_year(2021), None);
        // Quds Day 1443: the last Friday of Ramadan (29 April 2022)
        assert_eq!(
            r("hijri 9 last-fri").in_year(1443),
            Some((day(2022, 4, 29), day(2022, 4, 29)))
        );
        assert_eq!(
            r("julian 12 25").in_year(2022),
            Some((day(2023, 1, 7), day(2023, 1, 7)))
        );
        assert_eq!(
            r("persian 11 12..22").in_year(1400),
            Some((day(2022, 2, 1), day(2022, 2, 11)))
        );
    }
}
