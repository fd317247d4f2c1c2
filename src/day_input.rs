//! Days as people type them (`2022-01-12`, `1400/10/22`, `۲۲ دی ۱۴۰۰`), read
//! once and shown in every calendar: what `tarikh convert` and
//! `/api/convert` both call. It sits above [`calendar`](crate::calendar)
//! (which reads numbers only) and [`extract`](crate::extract) (which reads
//! written dates), so neither has to import the other.

use crate::calendar::{Calendar, Conversion, HijriVariant};
use crate::extract::{ParseDayError, parse_day};

/// Reads one day and converts it: a numeric date read in `numeric`
/// (Gregorian when None), otherwise a written date in any supported
/// language. Lunar Hijri input and output use `variant`.
///
/// # Errors
/// [`ParseDayError::Invalid`] for a day that does not exist,
/// [`ParseDayError::Unreadable`] when no day can be read.
pub fn convert_input(
    input: &str,
    numeric: Option<Calendar>,
    variant: HijriVariant,
) -> Result<Conversion, ParseDayError> {
    let (date, _) = parse_day(input, numeric, Some(variant))?;
    Ok(Conversion::of_variant(date, variant).with_input(input))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_and_written_input_give_the_same_day() {
        let uq = HijriVariant::UmmAlQura;
        let numeric = convert_input("1400/10/22", Some(Calendar::Persian), uq).expect("numeric");
        let written = convert_input("۲۲ دی ۱۴۰۰", None, uq).expect("written");
        assert_eq!(numeric.gregorian, written.gregorian);
        assert!(matches!(
            convert_input("30 اسفند 1400", None, uq),
            Err(ParseDayError::Invalid(_))
        ));
        assert!(matches!(
            convert_input("no date here", None, uq),
            Err(ParseDayError::Unreadable { .. })
        ));
    }
}
