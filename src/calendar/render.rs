//! Writing days, months and years in each calendar and language.
//!
//! Persian and Urdu use Extended Arabic-Indic digits (`۱۴۰۰`), Arabic uses
//! Arabic-Indic digits (`١٤٤٣`), English ASCII digits. The order is always
//! day, month name, year (`۲۲ دی ۱۴۰۰`, `12 January 2022`).

use chrono::{Datelike, NaiveDate, Weekday};

use super::{Calendar, Ymd, from_date};
use crate::lexicon::Lang;

const PERSIAN_FA: [&str; 12] = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
];
const PERSIAN_AR: [&str; 12] = [
    "فروردين",
    "أرديبهشت",
    "خرداد",
    "تير",
    "مرداد",
    "شهريور",
    "مهر",
    "آبان",
    "آذر",
    "دي",
    "بهمن",
    "إسفند",
];
const PERSIAN_EN: [&str; 12] = [
    "Farvardin",
    "Ordibehesht",
    "Khordad",
    "Tir",
    "Mordad",
    "Shahrivar",
    "Mehr",
    "Aban",
    "Azar",
    "Dey",
    "Bahman",
    "Esfand",
];

const GREGORIAN_FA: [&str; 12] = [
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "مه",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
];
const GREGORIAN_AR: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];
const GREGORIAN_UR: [&str; 12] = [
    "جنوری",
    "فروری",
    "مارچ",
    "اپریل",
    "مئی",
    "جون",
    "جولائی",
    "اگست",
    "ستمبر",
    "اکتوبر",
    "نومبر",
    "دسمبر",
];
const GREGORIAN_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const HIJRI_AR: [&str; 12] = [
    "محرم",
    "صفر",
    "ربيع الأول",
    "ربيع الآخر",
    "جمادى الأولى",
    "جمادى الآخرة",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذو القعدة",
    "ذو الحجة",
];
const HIJRI_FA: [&str; 12] = [
    "محرم",
    "صفر",
    "ربیع‌الاول",
    "ربیع‌الثانی",
    "جمادی‌الاول",
    "جمادی‌الثانی",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذی‌القعده",
    "ذی‌الحجه",
];
const HIJRI_UR: [&str; 12] = [
    "محرم",
    "صفر",
    "ربیع الاول",
    "ربیع الثانی",
    "جمادی الاول",
    "جمادی الثانی",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذوالقعدہ",
    "ذوالحجہ",
];
const HIJRI_EN: [&str; 12] = [
    "Muharram",
    "Safar",
    "Rabi al-Awwal",
    "Rabi al-Akhir",
    "Jumada al-Ula",
    "Jumada al-Akhirah",
    "Rajab",
    "Shaban",
    "Ramadan",
    "Shawwal",
    "Dhu al-Qadah",
    "Dhu al-Hijjah",
];

// Monday first, as chrono's `num_days_from_monday`.
const WEEKDAY_FA: [&str; 7] = ["دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه"];
const WEEKDAY_AR: [&str; 7] = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"];
const WEEKDAY_UR: [&str; 7] = ["پیر", "منگل", "بدھ", "جمعرات", "جمعہ", "ہفتہ", "اتوار"];
const WEEKDAY_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The name of `month` (1–12) of `cal` in `lang`; `""` for a month outside 1–12.
pub fn month_name(cal: Calendar, month: u8, lang: Lang) -> &'static str {
    let table = match (cal, lang) {
        (Calendar::Persian, Lang::Fa | Lang::Ur) => &PERSIAN_FA,
        (Calendar::Persian, Lang::Ar) => &PERSIAN_AR,
        (Calendar::Persian, Lang::En) => &PERSIAN_EN,
        (Calendar::Gregorian, Lang::Fa) => &GREGORIAN_FA,
        (Calendar::Gregorian, Lang::Ar) => &GREGORIAN_AR,
        (Calendar::Gregorian, Lang::Ur) => &GREGORIAN_UR,
        (Calendar::Gregorian, Lang::En) => &GREGORIAN_EN,
        (Calendar::Hijri, Lang::Ar) => &HIJRI_AR,
        (Calendar::Hijri, Lang::Fa) => &HIJRI_FA,
        (Calendar::Hijri, Lang::Ur) => &HIJRI_UR,
        (Calendar::Hijri, Lang::En) => &HIJRI_EN,
    };
    usize::from(month)
        .checked_sub(1)
        .and_then(|i| table.get(i))
        .copied()
        .unwrap_or("")
}

/// The name of the weekday of `d` in `lang`.
pub fn weekday_name(d: NaiveDate, lang: Lang) -> &'static str {
    weekday_name_of(d.weekday(), lang)
}

pub(crate) fn weekday_name_of(w: Weekday, lang: Lang) -> &'static str {
    let i = w.num_days_from_monday() as usize;
    match lang {
        Lang::Fa => WEEKDAY_FA[i],
        Lang::Ar => WEEKDAY_AR[i],
        Lang::Ur => WEEKDAY_UR[i],
        Lang::En => WEEKDAY_EN[i],
    }
}

fn map_digits(s: &str, zero: char) -> String {
    s.chars()
        .map(|c| {
            ascii_digit(c)
                .and_then(|v| char::from_u32(zero as u32 + v))
                .unwrap_or(c)
        })
        .collect()
}

/// The value of a Latin, Arabic-Indic or Extended Arabic-Indic digit.
fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// Replaces every Latin or Arabic-Indic digit with its Persian form (`۱۴۰۰`).
pub fn to_persian_digits(s: &str) -> String {
    map_digits(s, '\u{06F0}')
}

/// Replaces every Latin or Persian digit with its Arabic-Indic form (`١٤٤٣`).
pub fn to_arabic_digits(s: &str) -> String {
    map_digits(s, '\u{0660}')
}

/// Replaces every Persian or Arabic-Indic digit with its ASCII form.
pub fn to_ascii_digits(s: &str) -> String {
    map_digits(s, '0')
}

fn localize_digits(s: String, lang: Lang) -> String {
    match lang {
        Lang::Fa | Lang::Ur => to_persian_digits(&s),
        Lang::Ar => to_arabic_digits(&s),
        Lang::En => s,
    }
}

/// `d` written in `cal` for readers of `lang`: `۲۲ دی ۱۴۰۰`, `12 January 2022`,
/// `٩ جمادى الآخرة ١٤٤٣` (Hijri = Umm al-Qura, civil outside its table).
pub fn render(d: NaiveDate, cal: Calendar, lang: Lang) -> String {
    render_ymd(cal, from_date(cal, d), lang)
}

/// A year, month and day of `cal` written for `lang` (no validation; use it for
/// values from [`from_date`](super::from_date) or
/// [`hijri_from_date`](super::hijri_from_date), e.g. a civil Hijri day).
pub fn render_ymd(cal: Calendar, ymd: Ymd, lang: Lang) -> String {
    localize_digits(
        format!("{} {} {}", ymd.day, month_name(cal, ymd.month, lang), ymd.year),
        lang,
    )
}

/// A month as a label: `دی ۱۴۰۰`, `January 2022`.
pub fn render_month(cal: Calendar, year: i32, month: u8, lang: Lang) -> String {
    localize_digits(format!("{} {year}", month_name(cal, month, lang)), lang)
}

/// A year as a label in `lang`'s digits: `۱۴۰۰`, `2022`.
pub fn render_year(_cal: Calendar, year: i32, lang: Lang) -> String {
    localize_digits(year.to_string(), lang)
}

/// An inclusive run of days, shortened where the ends share month or year:
/// `9–10 January 2022`, `۲۸ دی – ۲ بهمن ۱۴۰۰`, `30 December 2021 – 2 January 2022`.
pub fn render_range(first: NaiveDate, last: NaiveDate, cal: Calendar, lang: Lang) -> String {
    if first == last {
        return render(first, cal, lang);
    }
    let a = from_date(cal, first);
    let b = from_date(cal, last);
    let s = if a.year == b.year && a.month == b.month {
        format!("{}–{} {} {}", a.day, b.day, month_name(cal, b.month, lang), b.year)
    } else if a.year == b.year {
        format!(
            "{} {} – {} {} {}",
            a.day,
            month_name(cal, a.month, lang),
            b.day,
            month_name(cal, b.month, lang),
            b.year
        )
    } else {
        return format!("{} – {}", render(first, cal, lang), render(last, cal, lang));
    };
    localize_digits(s, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_round_trip() {
        assert_eq!(to_persian_digits("1400/10/22"), "۱۴۰۰/۱۰/۲۲");
        assert_eq!(to_arabic_digits("۱۴۴۳"), "١٤٤٣");
        assert_eq!(to_ascii_digits("٩ و ۱۲"), "9 و 12");
    }

    #[test]
    fn every_name_is_present() {
        for cal in [Calendar::Gregorian, Calendar::Persian, Calendar::Hijri] {
            for lang in [Lang::Fa, Lang::Ar, Lang::En, Lang::Ur] {
                for m in 1..=12 {
                    assert!(!month_name(cal, m, lang).is_empty());
                }
                assert_eq!(month_name(cal, 13, lang), "");
                assert_eq!(month_name(cal, 0, lang), "");
            }
        }
    }
}
