//! The proleptic Gregorian calendar (chrono's).

use chrono::NaiveDate;

use super::{Calendar, DateError, Field, Ymd, check_day, check_year_month};

pub(crate) const fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

pub(crate) const fn month_len(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 0001-01-01 (day 1) to `y-m-d`, like chrono's `num_days_from_ce`.
pub(crate) const fn days_from_ce(y: i32, m: u32, d: u32) -> i32 {
    // Shift the year to start in March so February's length is the last term.
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let doy = (153 * m as i32 + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    // 0000-03-01 is day -305 counted from 0001-01-01 = 1.
    era * 146_097 + doe - 305
}

pub(super) fn days_in_month(year: i32, month: u8) -> Result<u8, DateError> {
    check_year_month(Calendar::Gregorian, year, month)?;
    Ok(month_len(year, month))
}

pub(super) fn to_date(ymd: Ymd) -> Result<NaiveDate, DateError> {
    let len = days_in_month(ymd.year, ymd.month)?;
    check_day(Calendar::Gregorian, ymd, len)?;
    NaiveDate::from_ymd_opt(ymd.year, ymd.month.into(), ymd.day.into()).ok_or_else(|| DateError::OutOfRange {
        calendar: Calendar::Gregorian,
        field: Field::Day,
        value: ymd.day.into(),
        min: 1,
        max: len.into(),
        in_month: Some((ymd.year, ymd.month)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    #[test]
    fn days_from_ce_matches_chrono() {
        let mut d = NaiveDate::from_ymd_opt(1, 1, 1).unwrap();
        let end = NaiveDate::from_ymd_opt(2500, 1, 1).unwrap();
        while d < end {
            assert_eq!(days_from_ce(d.year(), d.month(), d.day()), d.num_days_from_ce(), "{d}");
            d = d.succ_opt().unwrap();
        }
    }
}
