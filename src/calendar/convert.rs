//! One day in every calendar: the object behind `tarikh convert --json` and
//! `GET /api/convert`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::render::weekday_name_of;
use super::{
    Calendar, DateError, Field, HijriVariant, Ymd, hijri, is_provisional, render_ymd, to_ascii_digits, to_date,
    to_date_hijri,
};
use crate::lexicon::Lang;

/// A Solar Hijri day with its Persian text (`۲۲ دی ۱۴۰۰`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PersianDay {
    /// Solar Hijri year (`1400`).
    pub year: i32,
    /// Month, 1 (Farvardin) to 12 (Esfand).
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
    /// The day written in Persian (`۲۲ دی ۱۴۰۰`).
    pub text: String,
}

/// A lunar Hijri day, the variant that produced it, and its Arabic text
/// (`٩ جمادى الآخرة ١٤٤٣`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct HijriDay {
    /// Which Hijri calendar gave the day: Umm al-Qura, or the civil rule outside its table.
    pub variant: HijriVariant,
    /// Hijri year (`1443`).
    pub year: i32,
    /// Month, 1 (Muharram) to 12 (Dhu al-Hijja).
    pub month: u8,
    /// Day of the month, 1 to 30.
    pub day: u8,
    /// The day written in Arabic (`٩ جمادى الآخرة ١٤٤٣`).
    pub text: String,
}

/// One day in every calendar:
/// `{"input","gregorian":"2022-01-12","weekday","persian":{..},"hijri":{..},"provisional"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Conversion {
    /// What the user wrote (the ISO date when built by [`Conversion::of`]).
    pub input: String,
    /// The day, ISO 8601.
    #[schema(value_type = String, example = "2022-01-12")]
    pub gregorian: NaiveDate,
    /// English weekday name (`Wednesday`).
    pub weekday: String,
    /// The day in the Solar Hijri calendar.
    pub persian: PersianDay,
    /// The day in the lunar Hijri calendar.
    pub hijri: HijriDay,
    /// True when the Solar Hijri date is after the official table (1498 AP)
    /// or an Umm al-Qura date had to come from the civil calendar.
    pub provisional: bool,
}

impl Conversion {
    /// `d` in every calendar, lunar Hijri as Umm al-Qura.
    pub fn of(d: NaiveDate) -> Conversion {
        Conversion::of_variant(d, HijriVariant::UmmAlQura)
    }

    /// `d` in every calendar, lunar Hijri in `variant`.
    pub fn of_variant(d: NaiveDate, variant: HijriVariant) -> Conversion {
        let p = super::from_date(Calendar::Persian, d);
        let (h, used) = hijri::from_date(d, variant);
        let provisional =
            is_provisional(Calendar::Persian, p) || (variant == HijriVariant::UmmAlQura && used != variant);
        Conversion {
            input: d.format("%Y-%m-%d").to_string(),
            gregorian: d,
            weekday: weekday_name_of(chrono::Datelike::weekday(&d), Lang::En).to_string(),
            persian: PersianDay {
                year: p.year,
                month: p.month,
                day: p.day,
                text: render_ymd(Calendar::Persian, p, Lang::Fa),
            },
            hijri: HijriDay {
                variant: used,
                year: h.year,
                month: h.month,
                day: h.day,
                text: render_ymd(Calendar::Hijri, h, Lang::Ar),
            },
            provisional,
        }
    }

    /// The same conversion, labelled with what the user wrote.
    pub fn with_input(mut self, input: impl Into<String>) -> Conversion {
        self.input = input.into();
        self
    }
}

/// Year-first dashed dates from this year on are ISO Gregorian whatever the calendar asked for.
pub const ISO_ONLY_FROM_YEAR: i64 = 1600;

/// Reads a numeric date: `1400/10/22`, `1400-10-22`, `1400.10.22` (year
/// first) or `22/10/1400` (day first, when the last group has 3+ digits), in
/// any digits, as a day of `cal` (lunar Hijri in `variant`). A dashed
/// year-first date with a year from [`ISO_ONLY_FROM_YEAR`] on (`2022-01-12`) is
/// always ISO Gregorian. Returns None when the text is not of that shape.
///
/// # Errors
/// The inner result is a [`DateError`] when the numbers name no day.
pub fn parse_numeric(input: &str, cal: Calendar, variant: HijriVariant) -> Option<Result<NaiveDate, DateError>> {
    let s = to_ascii_digits(input.trim());
    let sep = s.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let parts: Vec<&str> = s.split(sep).collect();
    let [a, b, c] = parts[..] else { return None };
    if [a, b, c]
        .iter()
        .any(|p| p.is_empty() || p.len() > 9 || !p.bytes().all(|x| x.is_ascii_digit()))
    {
        return None;
    }
    let n = |p: &str| p.parse::<i64>().ok();
    let (y, m, d) = if a.len() >= 3 {
        (n(a)?, n(b)?, n(c)?)
    } else if c.len() >= 3 {
        (n(c)?, n(b)?, n(a)?)
    } else {
        return None;
    };
    // `2022-01-12` stays ISO Gregorian even when reading Solar or lunar Hijri:
    // no year from 1600 on is one either calendar is written in today.
    let cal = if sep == '-' && a.len() == 4 && y >= ISO_ONLY_FROM_YEAR {
        Calendar::Gregorian
    } else {
        cal
    };
    Some(day_from_numbers(cal, variant, y, m, d))
}

/// The day `y-m-d` of `cal`, with exact values in errors even when they do
/// not fit the field types.
fn day_from_numbers(cal: Calendar, variant: HijriVariant, y: i64, m: i64, d: i64) -> Result<NaiveDate, DateError> {
    let (ymin, ymax) = super::year_limits(cal);
    let out_of_range = |field, value, min, max| DateError::OutOfRange {
        calendar: cal,
        field,
        value,
        min,
        max,
        in_month: None,
    };
    if y < ymin.into() || y > ymax.into() {
        return Err(out_of_range(Field::Year, y, ymin.into(), ymax.into()));
    }
    if !(1..=12).contains(&m) {
        return Err(out_of_range(Field::Month, m, 1, 12));
    }
    let ymd = Ymd::new(y as i32, m as u8, d.clamp(0, 255) as u8);
    let r = match cal {
        Calendar::Hijri => to_date_hijri(ymd, variant),
        _ => to_date(cal, ymd),
    };
    // The day as given, not as clamped into the field type.
    r.map_err(|e| match e {
        DateError::OutOfRange {
            field: Field::Day,
            min,
            max,
            in_month,
            ..
        } => DateError::OutOfRange {
            calendar: cal,
            field: Field::Day,
            value: d,
            min,
            max,
            in_month,
        },
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn numeric_shapes() {
        let uq = HijriVariant::UmmAlQura;
        assert_eq!(
            parse_numeric("1400/10/22", Calendar::Persian, uq),
            Some(Ok(ymd(2022, 1, 12)))
        );
        assert_eq!(
            parse_numeric("۱۴۰۰-۱۰-۲۲", Calendar::Persian, uq),
            Some(Ok(ymd(2022, 1, 12)))
        );
        assert_eq!(
            parse_numeric("22/10/1400", Calendar::Persian, uq),
            Some(Ok(ymd(2022, 1, 12)))
        );
        assert_eq!(
            parse_numeric("2022-01-12", Calendar::Gregorian, uq),
            Some(Ok(ymd(2022, 1, 12)))
        );
        assert_eq!(
            parse_numeric("2022-01-12", Calendar::Persian, uq),
            Some(Ok(ymd(2022, 1, 12)))
        );
        assert_eq!(
            parse_numeric("1700/1/1", Calendar::Persian, uq)
                .unwrap()
                .unwrap()
                .year(),
            2321
        );
        assert_eq!(
            parse_numeric("1443/6/9", Calendar::Hijri, uq),
            Some(Ok(ymd(2022, 1, 12)))
        );
        assert_eq!(parse_numeric("22/10/22", Calendar::Persian, uq), None);
        assert_eq!(parse_numeric("۲۲ دی ۱۴۰۰", Calendar::Persian, uq), None);
        assert_eq!(parse_numeric("1400/10", Calendar::Persian, uq), None);
        let e = parse_numeric("1400/10/300", Calendar::Persian, uq)
            .unwrap()
            .unwrap_err();
        assert!(
            matches!(
                e,
                DateError::OutOfRange {
                    field: Field::Day,
                    value: 300,
                    max: 30,
                    ..
                }
            ),
            "{e:?}"
        );
        let e = parse_numeric("1400/300/1", Calendar::Persian, uq).unwrap().unwrap_err();
        assert!(matches!(
            e,
            DateError::OutOfRange {
                field: Field::Month,
                value: 300,
                ..
            }
        ));
        let e = parse_numeric("99999/1/1", Calendar::Gregorian, uq)
            .unwrap()
            .unwrap_err();
        assert!(matches!(
            e,
            DateError::OutOfRange {
                field: Field::Year,
                value: 99999,
                max: 9999,
                ..
            }
        ));
    }

    #[test]
    fn conversion_json_shape() {
        let c = Conversion::of(ymd(2022, 1, 12));
        let v = serde_json::to_value(&c).unwrap();
        assert_eq!(
            v,
            serde_json::json!({
                "input": "2022-01-12", "gregorian": "2022-01-12", "weekday": "Wednesday",
                "persian": {"year": 1400, "month": 10, "day": 22, "text": "۲۲ دی ۱۴۰۰"},
                "hijri": {"variant": "umm-al-qura", "year": 1443, "month": 6, "day": 9, "text": "٩ جمادى الآخرة ١٤٤٣"},
                "provisional": false
            })
        );
        let c = Conversion::of(ymd(2200, 1, 1));
        assert!(c.provisional);
        assert_eq!(c.hijri.variant, HijriVariant::Civil);
    }
}
