//! Calendars: the official Persian leap table, the published Umm al-Qura
//! record, exhaustive round trips, validation, rendering and `tarikh convert`.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use tarikh::calendar::{
    self, Calendar, Conversion, DateError, Field, HijriVariant, Ymd, days_in_month, from_date, hijri_from_date,
    hijri_variant_for, is_provisional, month_range, render, render_month, render_range, render_year, to_date,
    to_date_hijri, weekday_name, year_range,
};
use tarikh::lexicon::Lang;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test date")
}

/// The University of Tehran Calendar Center table, as kept in the repo.
const PERSIAN_TABLE: &str = include_str!("../data/persian_leap_years_1206_1498.txt");

/// `(year, leap, nowruz)` for every line of the official table.
fn persian_table() -> Vec<(i32, bool, NaiveDate)> {
    PERSIAN_TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (y, nowruz) = l.split_once(' ').expect("year and nowruz");
            let leap = y.ends_with('*');
            let y: i32 = y.trim_end_matches('*').parse().expect("year");
            (
                y,
                leap,
                NaiveDate::parse_from_str(nowruz.trim(), "%Y-%m-%d").expect("nowruz"),
            )
        })
        .collect()
}

#[test]
fn whole_official_persian_leap_table() {
    let table = persian_table();
    assert_eq!(table.len(), 293);
    assert_eq!(table.first().map(|r| r.0), Some(1206));
    assert_eq!(table.last().map(|r| r.0), Some(1498));
    for &(y, leap, nowruz) in &table {
        assert_eq!(to_date(Calendar::Persian, Ymd::new(y, 1, 1)), Ok(nowruz), "Nowruz {y}");
        assert_eq!(from_date(Calendar::Persian, nowruz), Ymd::new(y, 1, 1));
        assert_eq!(
            days_in_month(Calendar::Persian, y, 12),
            Ok(if leap { 30 } else { 29 }),
            "Esfand {y}"
        );
        assert_eq!(
            to_date(Calendar::Persian, Ymd::new(y, 12, 30)).is_ok(),
            leap,
            "30 Esfand {y}"
        );
        let (first, last) = year_range(Calendar::Persian, y).unwrap();
        assert_eq!(first, nowruz);
        assert_eq!(
            (last - first).num_days() + 1,
            if leap { 366 } else { 365 },
            "length of {y}"
        );
        assert!(!is_provisional(Calendar::Persian, Ymd::new(y, 12, 29)));
    }
    // The 33-year pattern breaks where the table says so: 1403 is leap, 1404 is not
    // (the old 2820-year rule has it the other way round).
    let leap = |y: i32| table.iter().find(|r| r.0 == y).unwrap().1;
    assert!(leap(1403) && !leap(1404));
    assert_eq!(days_in_month(Calendar::Persian, 1404, 12), Ok(29));
    assert!(is_provisional(Calendar::Persian, Ymd::new(1499, 1, 1)));
}

/// Spot checks of the published Umm al-Qura record (first day, length), by source.
#[test]
fn umm_al_qura_spot_checks_from_the_published_record() {
    let cases = [
        // Umm al-Qura newspaper issues (1343–1355 AH), including the published 28- and 31-day months.
        (1343, 1, day(1924, 8, 1), 30),
        (1343, 9, day(1925, 3, 27), 28),
        (1345, 5, day(1926, 11, 6), 31),
        (1355, 12, day(1937, 2, 12), 30),
        // KFUPM comparison calendar (1356–1411 AH).
        (1356, 1, day(1937, 3, 14), 29),
        (1400, 9, day(1980, 7, 13), 30),
        (1411, 12, day(1991, 6, 13), 29),
        // Official comparative-calendar books (1412–1450 AH).
        (1412, 1, day(1991, 7, 12), 30),
        (1443, 6, day(2022, 1, 4), 29),
        (1443, 9, day(2022, 4, 2), 30),
        (1444, 10, day(2023, 4, 21), 30),
        (1445, 1, day(2023, 7, 19), 29),
        (1450, 12, day(2029, 4, 15), 29),
        // KACST data (1451–1500 AH).
        (1451, 1, day(2029, 5, 14), 30),
        (1500, 12, day(2077, 10, 18), 30),
    ];
    for (y, m, first, len) in cases {
        assert_eq!(to_date(Calendar::Hijri, Ymd::new(y, m, 1)), Ok(first), "1/{m}/{y}");
        assert_eq!(days_in_month(Calendar::Hijri, y, m), Ok(len), "length of {m}/{y}");
        let last = first + Days::new(u64::from(len) - 1);
        assert_eq!(month_range(Calendar::Hijri, y, m), Ok((first, last)));
        assert_eq!(from_date(Calendar::Hijri, last), Ymd::new(y, m, len));
        assert_eq!(hijri_variant_for(first), HijriVariant::UmmAlQura);
        assert!(!is_provisional(Calendar::Hijri, Ymd::new(y, m, 1)));
    }
}

/// Every month of the embedded table file, read independently of the library's parser.
#[test]
fn every_embedded_umm_al_qura_month() {
    let csv = include_str!("../../data/ummalqura_month_starts.csv");
    assert!(
        csv.starts_with("# Umm al-Qura month starts"),
        "the provenance header is kept"
    );
    let mut n = 0;
    for line in csv.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split(',').collect();
        let (y, m): (i32, u8) = (f[0].parse().unwrap(), f[1].parse().unwrap());
        let first = NaiveDate::parse_from_str(f[2], "%Y-%m-%d").unwrap();
        let len: u8 = f[3].parse().unwrap();
        assert_eq!(to_date(Calendar::Hijri, Ymd::new(y, m, 1)), Ok(first));
        assert_eq!(days_in_month(Calendar::Hijri, y, m), Ok(len));
        assert!(to_date(Calendar::Hijri, Ymd::new(y, m, len + 1)).is_err());
        n += 1;
    }
    assert_eq!(n, 1896);
    assert_eq!(calendar::hijri::table_months().count(), 1896);
}

#[test]
fn hijri_outside_the_table_is_civil_and_says_so() {
    // The day before the table: civil, and Dhu al-Hijjah 1342 ends where the table starts.
    let d = day(1924, 7, 31);
    assert_eq!(from_date(Calendar::Hijri, d), Ymd::new(1342, 12, 28));
    assert_eq!(hijri_variant_for(d), HijriVariant::Civil);
    assert_eq!(days_in_month(Calendar::Hijri, 1342, 12), Ok(28));
    assert!(is_provisional(Calendar::Hijri, Ymd::new(1342, 12, 1)));
    // After the table the civil calendar continues without a gap.
    let d = day(2077, 11, 17);
    assert_eq!(from_date(Calendar::Hijri, d), Ymd::new(1501, 1, 1));
    assert_eq!(hijri_variant_for(d), HijriVariant::Civil);
    assert_eq!(
        hijri_from_date(d.pred_opt().unwrap(), HijriVariant::UmmAlQura),
        Ymd::new(1500, 12, 30)
    );
    // On request the civil calendar answers inside the table too.
    assert_eq!(
        hijri_from_date(day(2022, 1, 12), HijriVariant::Civil),
        Ymd::new(1443, 6, 8)
    );
    assert_eq!(
        to_date_hijri(Ymd::new(1443, 9, 1), HijriVariant::Civil),
        Ok(day(2022, 4, 3))
    );
    assert_eq!(
        to_date_hijri(Ymd::new(1443, 9, 1), HijriVariant::UmmAlQura),
        Ok(day(2022, 4, 2))
    );
}

/// Checks that `next` is the day after `prev` in a calendar whose month lengths are `len`.
fn is_next_day(prev: Ymd, next: Ymd, len: u8) -> bool {
    if prev.day < len {
        next == Ymd::new(prev.year, prev.month, prev.day + 1)
    } else if prev.month < 12 {
        next == Ymd::new(prev.year, prev.month + 1, 1)
    } else {
        next == Ymd::new(prev.year + 1, 1, 1)
    }
}

/// Every day 1800-01-01..=2200-12-31 round-trips through every calendar, and
/// consecutive days are consecutive dates.
#[test]
fn every_day_1800_2200_round_trips() {
    let end = day(2200, 12, 31);
    let mut prev: Option<[Ymd; 4]> = None;
    let mut d = day(1800, 1, 1);
    let mut days = 0;
    while d <= end {
        let g = from_date(Calendar::Gregorian, d);
        let p = from_date(Calendar::Persian, d);
        let h = from_date(Calendar::Hijri, d);
        let c = hijri_from_date(d, HijriVariant::Civil);
        assert_eq!(to_date(Calendar::Gregorian, g), Ok(d));
        assert_eq!(to_date(Calendar::Persian, p), Ok(d), "{d} {p}");
        assert_eq!(to_date(Calendar::Hijri, h), Ok(d), "{d} {h}");
        assert_eq!(to_date_hijri(c, HijriVariant::Civil), Ok(d), "{d} {c}");
        if let Some([pg, pp, ph, pc]) = prev {
            assert!(is_next_day(
                pg,
                g,
                days_in_month(Calendar::Gregorian, pg.year, pg.month).unwrap()
            ));
            assert!(
                is_next_day(pp, p, days_in_month(Calendar::Persian, pp.year, pp.month).unwrap()),
                "{d}"
            );
            assert!(
                is_next_day(ph, h, days_in_month(Calendar::Hijri, ph.year, ph.month).unwrap()),
                "{d}"
            );
            let civil_len = calendar::hijri::civil_days_in_month(pc.year, pc.month);
            assert!(is_next_day(pc, c, civil_len), "{d}");
        }
        prev = Some([g, p, h, c]);
        d = d.succ_opt().unwrap();
        days += 1;
    }
    assert_eq!(days, 146_462);
}

fn any_calendar() -> impl Strategy<Value = (Calendar, HijriVariant)> {
    prop_oneof![
        Just((Calendar::Gregorian, HijriVariant::UmmAlQura)),
        Just((Calendar::Persian, HijriVariant::UmmAlQura)),
        Just((Calendar::Hijri, HijriVariant::UmmAlQura)),
        Just((Calendar::Hijri, HijriVariant::Civil)),
    ]
}

fn to_date_in(cal: Calendar, v: HijriVariant, ymd: Ymd) -> Result<NaiveDate, DateError> {
    if cal == Calendar::Hijri {
        to_date_hijri(ymd, v)
    } else {
        to_date(cal, ymd)
    }
}

proptest! {
    /// Any year, month and day either names a day that converts back to the
    /// same fields, or is refused with the offending field and its range.
    #[test]
    fn any_fields_round_trip_or_name_the_bad_field(
        (cal, v) in any_calendar(), year in 1i32..3000, month in 0u8..=14, d in 0u8..=33,
    ) {
        let ymd = Ymd::new(year, month, d);
        match to_date_in(cal, v, ymd) {
            Ok(date) => {
                let back = if cal == Calendar::Hijri { hijri_from_date(date, v) } else { from_date(cal, date) };
                prop_assert_eq!(back, ymd);
            }
            Err(e @ DateError::OutOfRange { field, value, min, max, .. }) => {
                prop_assert!(value < min || value > max, "{e}");
                match field {
                    Field::Month => prop_assert!(!(1..=12).contains(&month)),
                    Field::Day => {
                        prop_assert!((1..=12).contains(&month));
                        prop_assert_eq!(value, i64::from(d));
                    }
                    Field::Year => prop_assert!(false, "year {year} refused: {e}"),
                }
            }
        }
    }
}

#[test]
fn validation_errors_name_field_value_and_range() {
    let e = to_date(Calendar::Persian, Ymd::new(1400, 12, 30)).unwrap_err();
    assert_eq!(
        e,
        DateError::OutOfRange {
            calendar: Calendar::Persian,
            field: Field::Day,
            value: 30,
            min: 1,
            max: 29,
            in_month: Some((1400, 12)),
        }
    );
    assert_eq!(
        e.to_string(),
        "Esfand 1400 has 29 days; Esfand has 30 days only in leap years"
    );
    assert_eq!(to_date(Calendar::Persian, Ymd::new(1403, 12, 30)), Ok(day(2025, 3, 20)));

    let e = to_date(Calendar::Gregorian, Ymd::new(2022, 13, 1)).unwrap_err();
    assert!(matches!(
        e,
        DateError::OutOfRange {
            field: Field::Month,
            value: 13,
            min: 1,
            max: 12,
            ..
        }
    ));
    assert_eq!(e.to_string(), "month 13 is out of range 1–12");

    let e = to_date(Calendar::Gregorian, Ymd::new(2022, 1, 32)).unwrap_err();
    assert!(matches!(
        e,
        DateError::OutOfRange {
            field: Field::Day,
            value: 32,
            max: 31,
            ..
        }
    ));
    assert_eq!(e.to_string(), "January 2022 has 31 days");

    let e = to_date(Calendar::Gregorian, Ymd::new(2023, 2, 29)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "February 2023 has 28 days; February has 29 days only in leap years"
    );

    let e = to_date(Calendar::Hijri, Ymd::new(1443, 6, 30)).unwrap_err();
    assert!(matches!(
        e,
        DateError::OutOfRange {
            calendar: Calendar::Hijri,
            field: Field::Day,
            value: 30,
            max: 29,
            ..
        }
    ));
    assert_eq!(e.to_string(), "Jumada al-Akhirah 1443 has 29 days");

    let e = to_date(Calendar::Persian, Ymd::new(1400, 10, 0)).unwrap_err();
    assert!(matches!(
        e,
        DateError::OutOfRange {
            field: Field::Day,
            value: 0,
            min: 1,
            max: 30,
            ..
        }
    ));

    let e = to_date(Calendar::Persian, Ymd::new(0, 1, 1)).unwrap_err();
    assert!(matches!(
        e,
        DateError::OutOfRange {
            field: Field::Year,
            value: 0,
            ..
        }
    ));
    assert!(year_range(Calendar::Gregorian, 10_000).is_err());
}

#[test]
fn rendering_in_every_language() {
    let d = day(2022, 1, 12);
    assert_eq!(render(d, Calendar::Persian, Lang::Fa), "۲۲ دی ۱۴۰۰");
    assert_eq!(render(d, Calendar::Gregorian, Lang::En), "12 January 2022");
    assert_eq!(render(d, Calendar::Hijri, Lang::Ar), "٩ جمادى الآخرة ١٤٤٣");
    assert_eq!(render(d, Calendar::Gregorian, Lang::Fa), "۱۲ ژانویه ۲۰۲۲");
    assert_eq!(render(d, Calendar::Gregorian, Lang::Ar), "١٢ يناير ٢٠٢٢");
    assert_eq!(render(d, Calendar::Persian, Lang::En), "22 Dey 1400");
    assert_eq!(render(d, Calendar::Hijri, Lang::En), "9 Jumada al-Akhirah 1443");
    assert_eq!(render(d, Calendar::Hijri, Lang::Fa), "۹ جمادی‌الثانی ۱۴۴۳");
    assert_eq!(render_month(Calendar::Persian, 1400, 10, Lang::Fa), "دی ۱۴۰۰");
    assert_eq!(render_month(Calendar::Gregorian, 2022, 1, Lang::En), "January 2022");
    assert_eq!(render_year(Calendar::Hijri, 1443, Lang::Ar), "١٤٤٣");
    assert_eq!(weekday_name(d, Lang::En), "Wednesday");
    assert_eq!(weekday_name(d, Lang::Fa), "چهارشنبه");
    assert_eq!(weekday_name(d, Lang::Ar), "الأربعاء");
    assert_eq!(
        render_range(day(2022, 1, 9), day(2022, 1, 10), Calendar::Gregorian, Lang::En),
        "9–10 January 2022"
    );
    assert_eq!(
        render_range(day(2022, 1, 9), day(2022, 1, 10), Calendar::Persian, Lang::Fa),
        "۱۹–۲۰ دی ۱۴۰۰"
    );
    assert_eq!(
        render_range(day(2022, 1, 9), day(2022, 1, 10), Calendar::Hijri, Lang::Ar),
        "٦–٧ جمادى الآخرة ١٤٤٣"
    );
    assert_eq!(
        render_range(day(2022, 1, 18), day(2022, 1, 22), Calendar::Persian, Lang::En),
        "28 Dey – 2 Bahman 1400"
    );
    assert_eq!(
        render_range(day(2021, 12, 30), day(2022, 1, 2), Calendar::Gregorian, Lang::En),
        "30 December 2021 – 2 January 2022"
    );
}

#[test]
fn conversion_object() {
    let c = Conversion::of(day(2022, 1, 12)).with_input("۲۲ دی ۱۴۰۰");
    assert_eq!(c.input, "۲۲ دی ۱۴۰۰");
    assert_eq!((c.persian.year, c.persian.month, c.persian.day), (1400, 10, 22));
    assert_eq!(
        (c.hijri.year, c.hijri.month, c.hijri.day, c.hijri.variant),
        (1443, 6, 9, HijriVariant::UmmAlQura)
    );
    assert!(!c.provisional);
    let c = Conversion::of(day(2121, 3, 21));
    assert_eq!((c.persian.year, c.persian.month, c.persian.day), (1500, 1, 1));
    assert!(c.provisional);
}

mod cli {
    use std::process::{Command, Output};

    fn convert(args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_tarikh"))
            .arg("convert")
            .args(args)
            .output()
            .expect("run tarikh convert")
    }

    fn json_lines(o: &Output) -> Vec<serde_json::Value> {
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).expect("json line"))
            .collect()
    }

    #[test]
    fn iso_and_numeric_in_every_calendar() {
        let o = convert(&["--json", "2022-01-12"]);
        assert!(o.status.success());
        let v = json_lines(&o);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0]["gregorian"], "2022-01-12");
        assert_eq!(v[0]["weekday"], "Wednesday");
        assert_eq!(v[0]["persian"]["text"], "۲۲ دی ۱۴۰۰");
        assert_eq!(v[0]["hijri"]["text"], "٩ جمادى الآخرة ١٤٤٣");
        assert_eq!(v[0]["hijri"]["variant"], "umm-al-qura");
        assert_eq!(v[0]["provisional"], false);

        let o = convert(&["--json", "--from", "persian", "1400/10/22", "۱۴۰۰-۱۰-۲۲"]);
        let v = json_lines(&o);
        assert_eq!(v.len(), 2);
        assert!(v.iter().all(|x| x["gregorian"] == "2022-01-12"));
        assert_eq!(v[1]["input"], "۱۴۰۰-۱۰-۲۲");

        let o = convert(&["--json", "--from", "hijri-civil", "1443/9/1"]);
        let v = json_lines(&o);
        assert_eq!(v[0]["gregorian"], "2022-04-03");
        assert_eq!(v[0]["hijri"]["variant"], "civil");

        let o = convert(&["--from", "hijri", "1443/9/1"]);
        let text = String::from_utf8_lossy(&o.stdout);
        assert!(text.contains("2022-04-02") && text.contains("Saturday"), "{text}");
        assert!(text.contains("۱۳ فروردین ۱۴۰۱"), "{text}");
    }

    #[test]
    fn a_bad_date_exits_2_and_the_others_still_print() {
        let o = convert(&["--json", "--from", "persian", "1400/12/30", "1400/10/22", "1400/13/1"]);
        assert_eq!(o.status.code(), Some(2));
        let v = json_lines(&o);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0]["gregorian"], "2022-01-12");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("Esfand 1400 has 29 days"), "{err}");
        assert!(err.contains("month 13 is out of range 1–12"), "{err}");
    }

    /// Written dates go through `extract::parse_day`.
    #[test]
    fn written_dates() {
        let inputs = [
            "۲۲ دی ۱۴۰۰",
            "24 كانون الثاني 2022",
            "21 جمادى الآخرة 1443 هـ",
            "30 اسفند 1400",
        ];
        let o = convert(&["--json", inputs[0], inputs[1], inputs[2], inputs[3]]);
        assert_eq!(o.status.code(), Some(2));
        let v = json_lines(&o);
        let got: Vec<(&str, &str)> = v
            .iter()
            .map(|x| (x["input"].as_str().unwrap(), x["gregorian"].as_str().unwrap()))
            .collect();
        assert_eq!(
            got,
            [
                (inputs[0], "2022-01-12"),
                (inputs[1], "2022-01-24"),
                (inputs[2], "2022-01-24")
            ]
        );
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("30 اسفند 1400: Esfand 1400 has 29 days"), "{err}");
    }
}
