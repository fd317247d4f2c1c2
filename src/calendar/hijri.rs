//! The lunar Hijri calendar: Umm al-Qura and the tabular civil calendar.
//!
//! **Umm al-Qura** (the default) uses the published month starts of
//! 1343–1500 AH embedded from `data/ummalqura_month_starts.csv` (see
//! `data/ummalqura.md`). A few early published months have 28 or 31 days;
//! they are kept as published.
//!
//! **Outside the table** the tabular civil calendar answers, and results say
//! so ([`HijriVariant::Civil`]). The two meet without gap or overlap: civil
//! 1 Muharram 1501 is 18 November 2077, the day after the table ends; civil
//! 1 Muharram 1343 (2 August 1924) is one day after the table's first day,
//! so in the Umm al-Qura reading Dhu al-Hijjah 1342 ends on 31 July 1924 and
//! has 28 days. Every earlier month is exactly civil.
//!
//! **Civil** ([`HijriVariant::Civil`] on request): the arithmetical calendar
//! with leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29 of each 30-year
//! cycle and epoch Friday 16 July 622 (Julian), i.e. ICU4X's
//! `Hijri::new_tabular(TypeII, Friday)` (CLDR `islamic-civil`).

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};

use super::gregorian::days_from_ce;
use super::{Calendar, DateError, HijriVariant, Ymd, check_day, check_year_month};

/// First year of the published Umm al-Qura table.
pub const TABLE_FIRST_YEAR: i32 = 1343;
/// Last year of the published Umm al-Qura table.
pub const TABLE_LAST_YEAR: i32 = 1500;

const N_MONTHS: usize = ((TABLE_LAST_YEAR - TABLE_FIRST_YEAR + 1) * 12) as usize;

/// The published table, as shipped in the repository.
pub const UMM_AL_QURA_CSV: &str = include_str!("../../data/ummalqura_month_starts.csv");

/// `starts[i]` is the day number (chrono `num_days_from_ce`) of the first day
/// of month `i` counted from Muharram 1343; `starts[N_MONTHS]` is the day
/// after the table's last day.
struct Table {
    starts: Box<[i32]>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| match parse_table(UMM_AL_QURA_CSV) {
    Ok(t) => t,
    // The file is compiled in and checked by tests; this cannot happen in a built crate.
    Err(e) => panic!("data/ummalqura_month_starts.csv is malformed: {e}"),
});

fn parse_table(csv: &str) -> Result<Table, String> {
    let mut starts = Vec::with_capacity(N_MONTHS + 1);
    let mut end = None;
    for (lineno, line) in csv.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |what: &str| format!("line {}: {what}: {line}", lineno + 1);
        let f: Vec<&str> = line.split(',').collect();
        let [y, m, first, len] = f[..] else {
            return Err(bad("expected 4 fields"));
        };
        let y: i32 = y.parse().map_err(|_| bad("year"))?;
        let m: usize = m.parse().map_err(|_| bad("month"))?;
        let first = NaiveDate::parse_from_str(first, "%Y-%m-%d")
            .map_err(|_| bad("date"))?
            .num_days_from_ce();
        let len: i32 = len.parse().map_err(|_| bad("length"))?;
        let i = starts.len();
        if y != TABLE_FIRST_YEAR + (i / 12) as i32 || m != i % 12 + 1 {
            return Err(bad("months out of order"));
        }
        if end.is_some_and(|e| e != first) || !(28..=31).contains(&len) {
            return Err(bad("month does not start where the previous one ends"));
        }
        starts.push(first);
        end = Some(first + len);
    }
    if starts.len() != N_MONTHS {
        return Err(format!("{} months, expected {N_MONTHS}", starts.len()));
    }
    starts.push(end.unwrap_or_default());
    Ok(Table {
        starts: starts.into_boxed_slice(),
    })
}

/// Day number of 1 Muharram 1 AH in the civil calendar (Friday 16 July 622 Julian).
const CIVIL_EPOCH: i32 = days_from_ce(622, 7, 19);

const fn civil_is_leap(year: i32) -> bool {
    (14 + 11 * year).rem_euclid(30) < 11
}

const fn civil_month_len(year: i32, month: u8) -> u8 {
    if month % 2 == 1 || (month == 12 && civil_is_leap(year)) {
        30
    } else {
        29
    }
}

/// Days in a month of the civil calendar (fields not checked).
pub const fn civil_days_in_month(year: i32, month: u8) -> u8 {
    civil_month_len(year, month)
}

/// Day number of a civil date (fields assumed valid).
const fn civil_days(year: i32, month: u8, day: u8) -> i32 {
    let m = month as i32;
    CIVIL_EPOCH - 1 + (year - 1) * 354 + (3 + 11 * year).div_euclid(30) + 29 * (m - 1) + m / 2 + day as i32
}

fn civil_from_days(n: i32) -> Ymd {
    let year = ((30 * i64::from(n - CIVIL_EPOCH) + 10_646).div_euclid(10_631)) as i32;
    let doy = n - civil_days(year, 1, 1);
    let month = ((11 * doy + 330) / 325).clamp(1, 12) as u8;
    let day = (n - civil_days(year, month, 1) + 1) as u8;
    Ymd::new(year, month, day)
}

/// Length of a month in the Umm al-Qura reading (table, or civil outside it).
fn uaq_month_len(year: i32, month: u8) -> u8 {
    let t = &*TABLE;
    if let Some(i) = table_index(year, month) {
        return (t.starts[i + 1] - t.starts[i]) as u8;
    }
    let civil = civil_month_len(year, month);
    if year == TABLE_FIRST_YEAR - 1 && month == 12 {
        let room = t.starts[0] - civil_days(year, 12, 1);
        return civil.min(room.clamp(0, 30) as u8);
    }
    civil
}

fn table_index(year: i32, month: u8) -> Option<usize> {
    (TABLE_FIRST_YEAR..=TABLE_LAST_YEAR)
        .contains(&year)
        .then(|| ((year - TABLE_FIRST_YEAR) * 12) as usize + usize::from(month) - 1)
}

pub(super) fn days_in_month(year: i32, month: u8, variant: HijriVariant) -> Result<u8, DateError> {
    check_year_month(Calendar::Hijri, year, month)?;
    Ok(match variant {
        HijriVariant::UmmAlQura => uaq_month_len(year, month),
        HijriVariant::Civil => civil_month_len(year, month),
    })
}

pub(super) fn to_date(ymd: Ymd, variant: HijriVariant) -> Result<NaiveDate, DateError> {
    let len = days_in_month(ymd.year, ymd.month, variant)?;
    check_day(Calendar::Hijri, ymd, len)?;
    let n = match (variant, table_index(ymd.year, ymd.month)) {
        (HijriVariant::UmmAlQura, Some(i)) => TABLE.starts[i] + i32::from(ymd.day) - 1,
        _ => civil_days(ymd.year, ymd.month, ymd.day),
    };
    NaiveDate::from_num_days_from_ce_opt(n).ok_or_else(|| DateError::OutOfRange {
        calendar: Calendar::Hijri,
        field: super::Field::Year,
        value: ymd.year.into(),
        min: super::year_limits(Calendar::Hijri).0.into(),
        max: super::year_limits(Calendar::Hijri).1.into(),
        in_month: None,
    })
}

/// The Hijri date of `d` and the variant that produced it (a request for
/// Umm al-Qura is answered by the civil calendar outside the table).
pub(super) fn from_date(d: NaiveDate, variant: HijriVariant) -> (Ymd, HijriVariant) {
    let n = d.num_days_from_ce();
    if variant == HijriVariant::UmmAlQura {
        let s = &TABLE.starts;
        if n >= s[0] && n < s[N_MONTHS] {
            // A mean month is 29.53 days; step from the estimate to the exact month.
            let mut i = ((i64::from(n - s[0]) * 1000 / 29_531) as usize).min(N_MONTHS - 1);
            while i > 0 && s[i] > n {
                i -= 1;
            }
            while s[i + 1] <= n {
                i += 1;
            }
            let ymd = Ymd::new(
                TABLE_FIRST_YEAR + (i / 12) as i32,
                (i % 12 + 1) as u8,
                (n - s[i] + 1) as u8,
            );
            return (ymd, HijriVariant::UmmAlQura);
        }
    }
    (civil_from_days(n), HijriVariant::Civil)
}

/// Which variant answers `ymd` when Umm al-Qura is asked for.
pub fn variant_for_ymd(ymd: Ymd) -> HijriVariant {
    if table_index(ymd.year, 1).is_some() {
        HijriVariant::UmmAlQura
    } else {
        HijriVariant::Civil
    }
}

/// First day of every month of the embedded table, in order from Muharram 1343,
/// with its length: `(year, month, first day, days)`.
pub fn table_months() -> impl Iterator<Item = (i32, u8, NaiveDate, u8)> {
    let s = &TABLE.starts;
    (0..N_MONTHS).filter_map(move |i| {
        let first = NaiveDate::from_num_days_from_ce_opt(s[i])?;
        Some((
            TABLE_FIRST_YEAR + (i / 12) as i32,
            (i % 12 + 1) as u8,
            first,
            (s[i + 1] - s[i]) as u8,
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use icu_calendar::Date;
    use icu_calendar::cal::Hijri;
    use icu_calendar::cal::hijri::{TabularAlgorithmEpoch, TabularAlgorithmLeapYears};
    use icu_calendar::types::RataDie;

    #[test]
    fn embedded_table_parses_and_is_contiguous() {
        let t = parse_table(UMM_AL_QURA_CSV).unwrap();
        assert_eq!(t.starts.len(), N_MONTHS + 1);
        assert!(t.starts.windows(2).all(|w| (28..=31).contains(&(w[1] - w[0]))));
        assert!(parse_table("1343,1,1924-08-01,30\n").is_err());
    }

    #[test]
    fn civil_arithmetic_equals_icu_tabular() {
        let cal = Hijri::new_tabular(TabularAlgorithmLeapYears::TypeII, TabularAlgorithmEpoch::Friday);
        let mut d = NaiveDate::from_ymd_opt(600, 1, 1).unwrap();
        let end = NaiveDate::from_ymd_opt(2600, 1, 1).unwrap();
        while d < end {
            let n = d.num_days_from_ce();
            let icu = Date::from_rata_die(RataDie::new(n.into()), cal);
            let ours = civil_from_days(n);
            assert_eq!(
                ours,
                Ymd::new(icu.year().extended_year(), icu.month().ordinal, icu.day_of_month().0),
                "{d}"
            );
            assert_eq!(civil_days(ours.year, ours.month, ours.day), n);
            assert!(ours.day <= civil_month_len(ours.year, ours.month));
            d = d.succ_opt().unwrap();
        }
    }

    #[test]
    fn seams_between_table_and_civil() {
        let first = NaiveDate::from_num_days_from_ce_opt(TABLE.starts[0]).unwrap();
        assert_eq!(first, NaiveDate::from_ymd_opt(1924, 8, 1).unwrap());
        let before = first.pred_opt().unwrap();
        assert_eq!(
            from_date(before, HijriVariant::UmmAlQura),
            (Ymd::new(1342, 12, 28), HijriVariant::Civil)
        );
        assert_eq!(uaq_month_len(1342, 12), 28);
        // The civil calendar resumes exactly where the table ends.
        assert_eq!(civil_days(TABLE_LAST_YEAR + 1, 1, 1), TABLE.starts[N_MONTHS]);
        let after = NaiveDate::from_num_days_from_ce_opt(TABLE.starts[N_MONTHS]).unwrap();
        assert_eq!(
            from_date(after, HijriVariant::UmmAlQura),
            (Ymd::new(1501, 1, 1), HijriVariant::Civil)
        );
    }
}
