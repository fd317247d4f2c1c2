//! The Solar Hijri (Iranian) calendar.
//!
//! For 1206–1498 AP, the years of the official leap table, a direct table of
//! Nowruz day numbers is used (built at compile time from the 33-year rule,
//! which has no correction years in that range); outside it, ICU4X's
//! `Persian` calendar. A test checks the two agree on every day of the table
//! range and that both agree with the official table.

use chrono::NaiveDate;
use icu_calendar::Date;
use icu_calendar::cal::Persian;
use icu_calendar::types::RataDie;

use super::gregorian::days_from_ce;
use super::{Calendar, DateError, Ymd, check_day, check_year_month};

/// First year of the official leap table.
pub const TABLE_FIRST_YEAR: i32 = 1206;
/// Last year of the official leap table; later dates are provisional.
pub const TABLE_LAST_YEAR: i32 = 1498;

const N_YEARS: usize = (TABLE_LAST_YEAR - TABLE_FIRST_YEAR + 1) as usize;

/// Leap years by the 33-year rule; exact for 1206–1498 (ICU4X's corrections
/// to the rule begin at 1502).
const fn rule_is_leap(year: i32) -> bool {
    (25 * year + 11).rem_euclid(33) < 8
}

/// `NOWRUZ[i]`: day number (chrono `num_days_from_ce`) of 1 Farvardin of
/// year `TABLE_FIRST_YEAR + i`; the last entry is 1 Farvardin 1499.
static NOWRUZ: [i32; N_YEARS + 1] = {
    let mut t = [0i32; N_YEARS + 1];
    // 1 Farvardin 1206 = 22 March 1827 (official table).
    t[0] = days_from_ce(1827, 3, 22);
    let mut i = 0;
    while i < N_YEARS {
        t[i + 1] = t[i]
            + if rule_is_leap(TABLE_FIRST_YEAR + i as i32) {
                366
            } else {
                365
            };
        i += 1;
    }
    t
};

/// `NOWRUZ_ORDINAL[i]`: 1 Farvardin of year `TABLE_FIRST_YEAR + i` as a day of
/// the year (1-based) of Gregorian year `TABLE_FIRST_YEAR + i + 621`, the year it
/// always falls in. Lets the fast path work on chrono's (year, ordinal) form,
/// which is cheaper than day numbers.
static NOWRUZ_ORDINAL: [i32; N_YEARS + 1] = {
    let mut t = [0i32; N_YEARS + 1];
    let mut i = 0;
    while i <= N_YEARS {
        let gy = TABLE_FIRST_YEAR + i as i32 + GREGORIAN_OFFSET;
        t[i] = NOWRUZ[i] - days_from_ce(gy, 1, 1) + 1;
        i += 1;
    }
    t
};

/// Nowruz of Persian year `y` falls in Gregorian year `y + 621`.
const GREGORIAN_OFFSET: i32 = 621;

const fn gregorian_year_len(y: i32) -> i32 {
    if super::gregorian::is_leap(y) { 366 } else { 365 }
}

/// Days before the first of `month` in a year.
const fn days_before_month(month: u8) -> i32 {
    let m = month as i32;
    if m <= 7 { 31 * (m - 1) } else { 30 * (m - 1) + 6 }
}

const fn table_index(year: i32) -> Option<usize> {
    if year >= TABLE_FIRST_YEAR && year <= TABLE_LAST_YEAR {
        Some((year - TABLE_FIRST_YEAR) as usize)
    } else {
        None
    }
}

/// Whether `year` AP has 366 days (a 30th of Esfand).
pub fn is_leap(year: i32) -> bool {
    match table_index(year) {
        Some(i) => NOWRUZ[i + 1] - NOWRUZ[i] == 366,
        None => Date::try_new_persian(year, 1, 1)
            .map(|d| d.is_in_leap_year())
            .unwrap_or(false),
    }
}

pub(super) fn days_in_month(year: i32, month: u8) -> Result<u8, DateError> {
    check_year_month(Calendar::Persian, year, month)?;
    Ok(month_len(year, month))
}

fn month_len(year: i32, month: u8) -> u8 {
    match month {
        1..=6 => 31,
        7..=11 => 30,
        _ if is_leap(year) => 30,
        _ => 29,
    }
}

pub(super) fn to_date(ymd: Ymd) -> Result<NaiveDate, DateError> {
    let len = days_in_month(ymd.year, ymd.month)?;
    check_day(Calendar::Persian, ymd, len)?;
    let date = match table_index(ymd.year) {
        Some(i) => {
            let gy = ymd.year + GREGORIAN_OFFSET;
            let ordinal = NOWRUZ_ORDINAL[i] + days_before_month(ymd.month) + i32::from(ymd.day) - 1;
            let len = gregorian_year_len(gy);
            let (gy, ordinal) = if ordinal > len {
                (gy + 1, ordinal - len)
            } else {
                (gy, ordinal)
            };
            NaiveDate::from_yo_opt(gy, ordinal as u32)
        }
        None => icu_to_days(ymd).and_then(NaiveDate::from_num_days_from_ce_opt),
    };
    date.ok_or_else(|| out_of_icu_range(ymd))
}

fn out_of_icu_range(ymd: Ymd) -> DateError {
    let (min, max) = super::year_limits(Calendar::Persian);
    DateError::OutOfRange {
        calendar: Calendar::Persian,
        field: super::Field::Year,
        value: ymd.year.into(),
        min: min.into(),
        max: max.into(),
        in_month: None,
    }
}

pub(super) fn from_date(d: NaiveDate) -> Ymd {
    use chrono::Datelike;
    let gy = d.year();
    let ordinal = d.ordinal() as i32;
    // Index of the Persian year that begins in Gregorian year `gy`.
    let i = gy - GREGORIAN_OFFSET - TABLE_FIRST_YEAR;
    let n = N_YEARS as i32;
    if (0..=n).contains(&i) && ordinal >= NOWRUZ_ORDINAL[i as usize] {
        if i < n {
            return from_day_of_year(i as usize, ordinal - NOWRUZ_ORDINAL[i as usize]);
        }
    } else if (1..=n).contains(&i) {
        let j = (i - 1) as usize;
        return from_day_of_year(j, ordinal + gregorian_year_len(gy - 1) - NOWRUZ_ORDINAL[j]);
    }
    icu_from_date(d)
}

/// Day `doy` (0-based) of table year `i`.
fn from_day_of_year(i: usize, doy: i32) -> Ymd {
    let (month, day) = if doy < 186 {
        (doy / 31 + 1, doy % 31 + 1)
    } else {
        ((doy - 186) / 30 + 7, (doy - 186) % 30 + 1)
    };
    Ymd::new(TABLE_FIRST_YEAR + i as i32, month as u8, day as u8)
}

/// ICU4X's day number of a Persian date; None when ICU rejects it.
pub fn icu_to_days(ymd: Ymd) -> Option<i32> {
    let d = Date::try_new_persian(ymd.year, ymd.month, ymd.day).ok()?;
    i32::try_from(d.to_rata_die().to_i64_date()).ok()
}

/// ICU4X's Persian date of `d` (the slow path, also used to check the fast one).
pub fn icu_from_date(d: NaiveDate) -> Ymd {
    use chrono::Datelike;
    let p = Date::from_rata_die(RataDie::new(d.num_days_from_ce().into()), Persian);
    Ymd::new(p.year().extended_year(), p.month().ordinal, p.day_of_month().0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_path_equals_icu_on_every_day_of_the_table() {
        let first = NaiveDate::from_num_days_from_ce_opt(NOWRUZ[0]).unwrap();
        let end = NaiveDate::from_num_days_from_ce_opt(NOWRUZ[N_YEARS]).unwrap();
        let mut d = first;
        let mut n = 0;
        while d < end {
            let fast = from_date(d);
            assert_eq!(fast, icu_from_date(d), "{d}");
            assert_eq!(to_date(fast).unwrap(), d);
            assert_eq!(icu_to_days(fast), Some(chrono::Datelike::num_days_from_ce(&d)));
            d = d.succ_opt().unwrap();
            n += 1;
        }
        assert_eq!(n, 107_016);
        for y in TABLE_FIRST_YEAR..=TABLE_LAST_YEAR {
            let icu = Date::try_new_persian(y, 1, 1).unwrap().is_in_leap_year();
            assert_eq!(is_leap(y), icu, "{y}");
        }
    }

    #[test]
    fn leap_rule_around_the_table_edges() {
        assert!(is_leap(1403) && !is_leap(1404) && is_leap(1408));
        assert!(is_leap(1205) && !is_leap(1206) && is_leap(1210));
        assert_eq!(
            from_date(NaiveDate::from_ymd_opt(2022, 1, 12).unwrap()),
            Ymd::new(1400, 10, 22)
        );
    }
}
