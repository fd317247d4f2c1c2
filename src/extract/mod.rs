//! Finds every date expression in a text and normalizes it against the
//! document's creation time (DCT).

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::lexicon::Lang;

/// How precise a value is.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grain {
    Day,
    Month,
    Year,
    Decade,
    Week,
    Datetime,
    Interval,
    /// A length of time, not a point on the timeline; never becomes an event.
    Duration,
}

/// A TIMEX3-style modifier.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Mod {
    Start,
    Mid,
    End,
    Before,
    After,
    Approx,
}

/// What a value was resolved against.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Anchor {
    /// Relative to the document date (today, yesterday, next year).
    Dct,
    /// A yearless date given the year nearest the document date.
    YearInferred,
    /// A weekday resolved against the document date.
    Weekday,
    /// Relative to another expression.
    Relative,
}

/// One date expression found in a text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Unicode code-point offset of the first character.
    pub start: usize,
    /// Code-point offset one past the last character.
    pub end: usize,
    /// Exactly the original text between `start` and `end`.
    pub text: String,
    /// TIMEX3-style Gregorian value: `2022-01-12`, `2022-01`, `2022`,
    /// `2022-02-01T12:12`, `2021-W50`, or `2022-01-09/2022-01-10`.
    pub value: String,
    #[serde(rename = "mod")]
    pub modifier: Option<Mod>,
    pub grain: Grain,
    /// The calendar the text was written in.
    pub calendar: Calendar,
    pub lang: Lang,
    /// First day covered by `value`, inclusive (None for durations).
    pub first_day: Option<NaiveDate>,
    /// Last day covered by `value`, inclusive.
    pub last_day: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub anchor: Option<Anchor>,
    /// Index (in the same result list) of this mention's other-calendar twin.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub pair: Option<usize>,
    /// The two disagreeing values when a side-by-side pair does not match.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub conflict: Option<[String; 2]>,
}

/// What an extraction is resolved against.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Document creation time; when None, a dateline at the top of the text is used.
    pub dct: Option<NaiveDateTime>,
    /// Language; None means detect from the script.
    pub lang: Option<Lang>,
}

/// Finds every date expression in `text`.
///
/// Never panics; spans are code-point offsets into `text`.
pub fn extract(_text: &str, _opts: &Options) -> Vec<Mention> {
    Vec::new()
}

/// Why [`parse_day`] could not read a day.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseDayError {
    /// The text names no recognizable day.
    #[error("could not read a date in {input:?}: {reason}")]
    Unreadable { input: String, reason: String },
    /// The text names a day that does not exist (30 Esfand 1400).
    #[error(transparent)]
    Invalid(#[from] crate::calendar::DateError),
}

/// Reads one day written by a person: ISO `2022-01-12`, numeric `1400/10/22`
/// (read in `numeric` calendar, Gregorian when None), or a written date in any
/// supported language (`۲۲ دی ۱۴۰۰`, `24 كانون الثاني 2022`, `21 جمادى الآخرة 1443 هـ`).
/// Lunar Hijri dates are read as `variant` (Umm al-Qura when None).
///
/// # Errors
/// [`ParseDayError::Unreadable`] when no full day is found,
/// [`ParseDayError::Invalid`] when the day does not exist in its calendar.
pub fn parse_day(
    input: &str,
    numeric: Option<Calendar>,
    variant: Option<crate::calendar::HijriVariant>,
) -> Result<(NaiveDate, Calendar), ParseDayError> {
    let _ = (numeric, variant);
    Err(ParseDayError::Unreadable { input: input.to_string(), reason: "not yet implemented".into() })
}
