//! Gregorian, Solar Hijri and lunar Hijri calendars around one pivot.
//!
//! The pivot is [`chrono::NaiveDate`] (a proleptic Gregorian day number);
//! every calendar converts to and from it.
//!
//! | calendar | exact range | source | outside the range |
//! |---|---|---|---|
//! | Gregorian | years 1–9999 | proleptic Gregorian (chrono) | — |
//! | Solar Hijri | 1206–1498 AP | official leap-year table of the University of Tehran Calendar Center; ICU4X `Persian` (33-year rule with corrections) agrees on every year | ICU4X `Persian`; after 1498 AP results are [`is_provisional`] |
//! | Lunar Hijri, Umm al-Qura | 1343–1500 AH | published month starts, embedded from `data/ummalqura_month_starts.csv` | the tabular civil calendar ([`HijriVariant::Civil`]), see [`hijri`] |
//! | Lunar Hijri, civil | years 1–9665 | tabular: leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of 30; epoch Friday 16 July 622 (Julian) | — |
//!
//! Weeks: this module never assumes a first day of the week; callers name it
//! ([`PERSIAN_WEEK_START`] for Iranian weeks, [`ISO_WEEK_START`] for ISO weeks)
//! and pass it to [`week_range`].

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

mod convert;
mod gregorian;
pub mod hijri;
pub mod holidays;
pub mod persian;
mod render;

pub use convert::{Conversion, HijriDay, PersianDay, parse_numeric};
pub use render::{
    month_name, render, render_month, render_range, render_year, render_ymd, to_arabic_digits, to_ascii_digits,
    to_persian_digits, weekday_name,
};

/// The calendar a date was written in.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Calendar {
    /// Proleptic Gregorian.
    Gregorian,
    /// Solar Hijri (Iranian, Jalali).
    Persian,
    /// Lunar Hijri.
    Hijri,
}

/// Which lunar Hijri calendar produced a result.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum HijriVariant {
    /// Saudi Umm al-Qura, from the published month starts (1343–1500 AH).
    UmmAlQura,
    /// The tabular (civil, arithmetical) calendar.
    Civil,
}

impl HijriVariant {
    /// The name used in JSON and on the command line: `umm-al-qura` or `civil`.
    pub const fn as_str(self) -> &'static str {
        match self {
            HijriVariant::UmmAlQura => "umm-al-qura",
            HijriVariant::Civil => "civil",
        }
    }
}

/// A year, month and day in some calendar.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Ymd {
    /// The year in that calendar's own era.
    pub year: i32,
    /// Month, from 1.
    pub month: u8,
    /// Day of the month, from 1.
    pub day: u8,
}

impl Ymd {
    /// A date from its parts, unchecked: whether it exists depends on the calendar.
    pub const fn new(year: i32, month: u8, day: u8) -> Ymd {
        Ymd { year, month, day }
    }
}

impl std::fmt::Display for Ymd {
    /// `1400-10-22` (zero-padded month and day, year as is).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Which part of a date was out of range.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// The year.
    Year,
    /// The month.
    Month,
    /// The day of the month.
    Day,
}

/// Why a date does not exist. The message is built from the fields when
/// shown ("Esfand 1400 has 29 days; Esfand has 30 days only in leap years").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// A field is outside its allowed range `min..=max`.
    OutOfRange {
        /// The calendar the date was read in.
        calendar: Calendar,
        /// The field that is out of range.
        field: Field,
        /// What was given for it.
        value: i64,
        /// Its smallest allowed value.
        min: i64,
        /// Its largest allowed value (for a day: the month's length).
        max: i64,
        /// For a day: the year and month it was asked of.
        in_month: Option<(i32, u8)>,
    },
}

impl DateError {
    /// The field that was out of range.
    pub fn field(&self) -> Field {
        match self {
            DateError::OutOfRange { field, .. } => *field,
        }
    }
}

/// Why a month is shorter than a reader may expect, when it is a leap-year matter.
fn short_month_note(cal: Calendar, month: u8, len: i64) -> Option<&'static str> {
    match (cal, month, len) {
        (Calendar::Gregorian, 2, 28) => Some("February has 29 days only in leap years"),
        (Calendar::Persian, 12, 29) => Some("Esfand has 30 days only in leap years"),
        _ => None,
    }
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let DateError::OutOfRange {
            calendar,
            field,
            value,
            min,
            max,
            in_month,
        } = *self;
        match (field, in_month) {
            (Field::Year, _) => write!(
                f,
                "year {value} is out of range {min}–{max} for the {} calendar",
                calendar_label(calendar)
            ),
            (Field::Month, _) => write!(f, "month {value} is out of range {min}–{max}"),
            (Field::Day, Some((year, month))) if value >= min => {
                let name = month_name(calendar, month, crate::lexicon::Lang::En);
                write!(f, "{name} {year} has {max} days")?;
                match short_month_note(calendar, month, max) {
                    Some(note) => write!(f, "; {note}"),
                    None => Ok(()),
                }
            }
            (Field::Day, _) => write!(f, "day {value} is out of range {min}–{max}"),
        }
    }
}

impl std::error::Error for DateError {}

/// Years each calendar accepts (every day of them lies within Gregorian 1–9999).
pub const fn year_limits(cal: Calendar) -> (i32, i32) {
    match cal {
        Calendar::Gregorian => (1, 9999),
        Calendar::Persian => (1, 9377),
        Calendar::Hijri => (1, 9665),
    }
}

/// First day of an Iranian week.
pub const PERSIAN_WEEK_START: Weekday = Weekday::Sat;
/// First day of an ISO 8601 week.
pub const ISO_WEEK_START: Weekday = Weekday::Mon;

/// The English name of a calendar as used in messages.
pub(crate) const fn calendar_label(cal: Calendar) -> &'static str {
    match cal {
        Calendar::Gregorian => "Gregorian",
        Calendar::Persian => "Persian",
        Calendar::Hijri => "Hijri",
    }
}

/// Checks the year and month of `cal`; shared by every calendar.
pub(crate) fn check_year_month(cal: Calendar, year: i32, month: u8) -> Result<(), DateError> {
    let (min, max) = year_limits(cal);
    if year < min || year > max {
        return Err(DateError::OutOfRange {
            calendar: cal,
            field: Field::Year,
            value: year.into(),
            min: min.into(),
            max: max.into(),
            in_month: None,
        });
    }
    if !(1..=12).contains(&month) {
        return Err(DateError::OutOfRange {
            calendar: cal,
            field: Field::Month,
            value: month.into(),
            min: 1,
            max: 12,
            in_month: None,
        });
    }
    Ok(())
}

/// Checks `day` against a month of `len` days.
pub(crate) fn check_day(cal: Calendar, ymd: Ymd, len: u8) -> Result<(), DateError> {
    if ymd.day >= 1 && ymd.day <= len {
        return Ok(());
    }
    Err(DateError::OutOfRange {
        calendar: cal,
        field: Field::Day,
        value: ymd.day.into(),
        min: 1,
        max: len.into(),
        in_month: Some((ymd.year, ymd.month)),
    })
}

/// The day `ymd` of `cal`. Lunar Hijri dates are read as Umm al-Qura
/// (with the tabular calendar outside the published table, see [`hijri`]).
///
/// # Errors
/// [`DateError::OutOfRange`] when the year, month or day does not exist,
/// naming the field and its allowed range.
pub fn to_date(cal: Calendar, ymd: Ymd) -> Result<NaiveDate, DateError> {
    match cal {
        Calendar::Gregorian => gregorian::to_date(ymd),
        Calendar::Persian => persian::to_date(ymd),
        Calendar::Hijri => hijri::to_date(ymd, HijriVariant::UmmAlQura),
    }
}

/// The lunar Hijri day `ymd` in `variant`.
///
/// # Errors
/// [`DateError::OutOfRange`] when the day does not exist in that variant.
pub fn to_date_hijri(ymd: Ymd, variant: HijriVariant) -> Result<NaiveDate, DateError> {
    hijri::to_date(ymd, variant)
}

/// The year, month and day of `d` in `cal` (Hijri: Umm al-Qura; see
/// [`hijri_variant_for`] for which variant answered).
pub fn from_date(cal: Calendar, d: NaiveDate) -> Ymd {
    match cal {
        Calendar::Gregorian => Ymd::new(d.year(), d.month() as u8, d.day() as u8),
        Calendar::Persian => persian::from_date(d),
        Calendar::Hijri => hijri::from_date(d, HijriVariant::UmmAlQura).0,
    }
}

/// The lunar Hijri year, month and day of `d` in `variant`.
pub fn hijri_from_date(d: NaiveDate, variant: HijriVariant) -> Ymd {
    hijri::from_date(d, variant).0
}

/// Which variant `from_date(Calendar::Hijri, d)` used: Umm al-Qura inside the
/// published table, the civil calendar outside it.
pub fn hijri_variant_for(d: NaiveDate) -> HijriVariant {
    hijri::from_date(d, HijriVariant::UmmAlQura).1
}

/// How many days month `month` of `year` has in `cal` (Hijri: Umm al-Qura).
///
/// # Errors
/// [`DateError::OutOfRange`] for a year or month that does not exist.
pub fn days_in_month(cal: Calendar, year: i32, month: u8) -> Result<u8, DateError> {
    match cal {
        Calendar::Gregorian => gregorian::days_in_month(year, month),
        Calendar::Persian => persian::days_in_month(year, month),
        Calendar::Hijri => hijri::days_in_month(year, month, HijriVariant::UmmAlQura),
    }
}

/// First and last day (inclusive) of a month.
///
/// # Errors
/// [`DateError::OutOfRange`] for a year or month that does not exist.
pub fn month_range(cal: Calendar, year: i32, month: u8) -> Result<(NaiveDate, NaiveDate), DateError> {
    let len = days_in_month(cal, year, month)?;
    let first = to_date(cal, Ymd::new(year, month, 1))?;
    let last = to_date(cal, Ymd::new(year, month, len))?;
    Ok((first, last))
}

/// First and last day (inclusive) of a year.
///
/// # Errors
/// [`DateError::OutOfRange`] for a year outside [`year_limits`].
pub fn year_range(cal: Calendar, year: i32) -> Result<(NaiveDate, NaiveDate), DateError> {
    let (first, _) = month_range(cal, year, 1)?;
    let (_, last) = month_range(cal, year, 12)?;
    Ok((first, last))
}

/// Whether a date is a projection rather than fixed by a published source:
/// Solar Hijri after 1498 AP (beyond the official leap table), lunar Hijri
/// outside the published Umm al-Qura table (1343–1500 AH).
pub fn is_provisional(cal: Calendar, ymd: Ymd) -> bool {
    match cal {
        Calendar::Gregorian => false,
        Calendar::Persian => ymd.year > persian::TABLE_LAST_YEAR,
        Calendar::Hijri => !(hijri::TABLE_FIRST_YEAR..=hijri::TABLE_LAST_YEAR).contains(&ymd.year),
    }
}

/// The week containing `d`, for weeks that begin on `start` (inclusive days).
pub fn week_range(d: NaiveDate, start: Weekday) -> (NaiveDate, NaiveDate) {
    let back = (7 + d.weekday().num_days_from_monday() - start.num_days_from_monday()) % 7;
    let first = d - chrono::Days::new(back.into());
    (first, first + chrono::Days::new(6))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn week_range_names_its_start() {
        let d = NaiveDate::from_ymd_opt(2022, 1, 12).unwrap(); // Wednesday
        let (s, e) = week_range(d, PERSIAN_WEEK_START);
        assert_eq!(
            (s, e),
            (
                NaiveDate::from_ymd_opt(2022, 1, 8).unwrap(),
                NaiveDate::from_ymd_opt(2022, 1, 14).unwrap()
            )
        );
        let (s, _) = week_range(d, ISO_WEEK_START);
        assert_eq!(s, NaiveDate::from_ymd_opt(2022, 1, 10).unwrap());
        let sat = NaiveDate::from_ymd_opt(2022, 1, 8).unwrap();
        assert_eq!(week_range(sat, PERSIAN_WEEK_START).0, sat);
    }

    #[test]
    fn ranges() {
        let (f, l) = year_range(Calendar::Persian, 1400).unwrap();
        assert_eq!(f, NaiveDate::from_ymd_opt(2021, 3, 21).unwrap());
        assert_eq!(l, NaiveDate::from_ymd_opt(2022, 3, 20).unwrap());
        let (f, l) = month_range(Calendar::Gregorian, 2024, 2).unwrap();
        assert_eq!((f.day(), l.day()), (1, 29));
    }
}
