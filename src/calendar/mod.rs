//! Gregorian, Solar Hijri and lunar Hijri calendars around one pivot.
//!
//! The pivot is [`chrono::NaiveDate`] (a proleptic Gregorian day number);
//! every calendar converts to and from it. See the README for each
//! calendar's range and source.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The calendar a date was written in.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Calendar {
    Gregorian,
    /// Solar Hijri (Iranian, Jalali).
    Persian,
    /// Lunar Hijri.
    Hijri,
}

/// Which lunar Hijri calendar produced a result.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HijriVariant {
    /// Saudi Umm al-Qura, from the published month starts (1343–1500 AH).
    UmmAlQura,
    /// The tabular (civil, arithmetical) calendar.
    Civil,
}

/// A year, month and day in some calendar.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Ymd {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Which part of a date was out of range.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Year,
    Month,
    Day,
}

/// Why a date does not exist.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// A field is outside its allowed range; `message` says why in words
    /// (e.g. "Esfand 1400 has 29 days; Esfand has 30 days only in leap years").
    #[error("{message}")]
    OutOfRange {
        calendar: Calendar,
        field: Field,
        value: i64,
        min: i64,
        max: i64,
        message: String,
    },
}
