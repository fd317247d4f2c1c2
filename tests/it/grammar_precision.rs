//! Table tests for precision (issue 11): names are not dates (streets,
//! bridges, squares, newspapers, the Friday prayer, people), and no value is
//! emitted for a day that does not exist or outside 0001–9999. See `table.rs`
//! for the format; the comment after a case names the calendar reading its
//! value was converted from.

use crate::table::{Case, at_least, check};

#[rustfmt::skip]
const NAMES_FA: &[Case] = &[
    ("street", "ترافیک خیابان ۱۶ آذر سنگین بود.", "2021-06-02", &[]),
    ("bridge", "پل ۱۵ خرداد برای تعمیر بسته شد.", "2021-06-02", &[]),
    ("square", "میدان ۷ تیر از صبح شلوغ بود.", "2021-06-02", &[]),
    ("highway", "بزرگراه ۲۲ بهمن در برف بسته شد.", "2021-06-02", &[]),
    ("boulevard", "بلوار ۱۵ خرداد چراغانی شد.", "2021-06-02", &[]),
    ("martyrs square", "تجمع در میدان شهدای ۱۷ شهریور برگزار شد.", "2021-06-02", &[]),
    ("friday imam", "امام جمعه موقت تهران در خطبه‌ها از گرانی گفت.", "2021-06-02", &[]),
    ("friday prayer", "اقامه نماز جمعه در مصلی لغو شد.", "2021-06-02", &[]),
    ("friday sermons", "خطبه‌های نماز جمعه از رادیو پخش شد.", "2021-06-02", &[]),
    ("quoted film title", "فیلم «جمعه» در جشنواره جایزه گرفت.", "2021-06-02", &[]),
    ("hospital named after a date", "بیمارستان ۱۵ خرداد بیماران را پذیرفت.", "2021-06-02", &[]),
    ("stadium named after a date", "ورزشگاه ۱۲ فروردین میزبان بازی بود.", "2021-06-02", &[]),
    ("date beside a square", "مراسم روز ۱۴ خرداد ۱۴۰۰ در میدان ۷ تیر برگزار شد.", "2021-06-10", &[("روز ۱۴ خرداد ۱۴۰۰", "2021-06-04")]), // SH 1400/3/14
    ("weekday beside a street", "تجمع پنجشنبه در خیابان ۱۶ آذر برگزار شد.", "2021-06-02", &[("پنجشنبه", "2021-05-27")]),
    ("year beside a bridge", "پل ۱۵ خرداد در سال ۱۳۹۸ بازسازی شد.", "2021-06-02", &[("سال ۱۳۹۸", "2019-03-21/2020-03-19")]), // SH 1398
];

#[rustfmt::skip]
const NAMES_AR: &[Case] = &[
    ("bridge", "ازدحم المرور على جسر 15 مايو صباحا.", "2021-06-02", &[]),
    ("street", "افتتح متجر جديد في شارع 26 يوليو.", "2021-06-02", &[]),
    ("square", "احتشد المتظاهرون في ميدان 23 يوليو.", "2021-06-02", &[]),
    ("stadium", "استضاف ملعب 5 جويلية المباراة النهائية.", "2021-06-02", &[]),
    ("plaza", "تجمع الناس في ساحة 14 تموز وسط المدينة.", "2021-06-02", &[]),
    ("friday prayer", "أدى المصلون صلاة الجمعة في المسجد الكبير.", "2021-06-02", &[]),
    ("friday sermon", "دعت خطبة الجمعة إلى التكافل.", "2021-06-02", &[]),
    ("friday imam", "قال إمام الجمعة إن الصبر مفتاح الفرج.", "2021-06-02", &[]),
    ("quoted title", "عرض فيلم «الخميس» في المهرجان.", "2021-06-02", &[]),
    ("city named after a date", "افتتح مصنع جديد في مدينة 6 أكتوبر.", "2021-06-02", &[]),
    ("university named after a date", "تخرج الطالب في جامعة 6 أكتوبر.", "2021-06-02", &[]),
    ("alliance named after a date", "أعلنت قوى 14 آذار مقاطعة الجلسة.", "2021-06-02", &[]),
    ("movement named after a date", "دعت حركة 20 فبراير إلى التظاهر.", "2021-06-02", &[]),
    ("one of is not sunday", "قال أحد المسؤولين إن الوضع مستقر.", "2021-06-02", &[]),
    ("date beside a street", "عقد الاجتماع يوم 3 يونيو 2019 في شارع 26 يوليو.", "2021-06-02", &[("يوم 3 يونيو 2019", "2019-06-03")]),
    ("year beside a bridge", "افتتح جسر 6 أكتوبر للسيارات في عام 1996.", "2021-06-02", &[("عام 1996", "1996")]),
];

#[rustfmt::skip]
const NAMES_EN: &[Case] = &[
    ("sunday telegraph", "She writes a column for the Sunday Telegraph.", "2019-03-06", &[]),
    ("good friday agreement", "The Good Friday Agreement ended decades of violence.", "2019-03-06", &[]),
    ("bloody sunday", "The Bloody Sunday inquiry published its report.", "2019-03-06", &[]),
    ("man friday", "He was the minister's man Friday for years.", "2019-03-06", &[]),
    ("april as a first name", "April Ross won the beach volleyball final.", "2019-03-06", &[]),
    ("june as a first name", "June Carter sang with her sisters.", "2019-03-06", &[]),
    ("may as a surname", "Theresa May said the deal was fair.", "2019-03-06", &[]),
    ("friday prayers", "Friday prayers were cancelled across the city.", "2019-03-06", &[]),
    ("march as a verb", "Thousands will march through the capital.", "2019-03-06", &[]),
    ("may as a modal", "Prices may rise again, the bank warned.", "2019-03-06", &[]),
    ("girl friday", "She was the office's girl Friday for a decade.", "2019-03-06", &[]),
    ("friday sermon", "The imam gave a Friday sermon on patience.", "2019-03-06", &[]),
    ("sunday times again", "The Sunday Times and the Observer led with the story.", "2019-03-06", &[]),
    ("august as a first name", "August Wilson wrote the play in Pittsburgh.", "2019-03-06", &[]),
    ("a weekday beside a surname", "Theresa May spoke on Monday.", "2019-03-06", &[("Monday", "2019-03-04")]),
    ("a date beside a newspaper", "The Sunday Times reported on February 29, 2020 that prices rose.", "2020-03-06", &[("February 29, 2020", "2020-02-29")]),
];

#[rustfmt::skip]
const BOUNDS_FA: &[Case] = &[
    ("esfand 30 in a common year", "این جلسه ۳۰ اسفند ۱۴۰۱ برگزار شد.", "2023-04-01", &[]),
    ("esfand 30 in a leap year", "این جلسه ۳۰ اسفند ۱۳۹۹ برگزار شد.", "2021-04-01", &[("۳۰ اسفند ۱۳۹۹", "2021-03-20")]), // SH 1399/12/30
    ("mehr 31", "این جلسه ۳۱ مهر ۱۴۰۰ برگزار شد.", "2021-12-01", &[]),
    ("shahrivar 31", "این جلسه ۳۱ شهریور ۱۴۰۰ برگزار شد.", "2021-12-01", &[("۳۱ شهریور ۱۴۰۰", "2021-09-22")]), // SH 1400/6/31
    ("day 32", "این جلسه ۳۲ دی ۱۴۰۰ برگزار شد.", "2022-03-01", &[]),
    ("numeric esfand 30 common", "این حکم ۱۴۰۰/۱۲/۳۰ صادر شد.", "2022-04-01", &[]),
    ("numeric esfand 30 leap", "این حکم ۱۳۹۹/۱۲/۳۰ صادر شد.", "2021-04-01", &[("۱۳۹۹/۱۲/۳۰", "2021-03-20")]), // SH 1399/12/30
    ("aban 30", "این جلسه ۳۰ آبان ۱۴۰۰ برگزار شد.", "2021-12-01", &[("۳۰ آبان ۱۴۰۰", "2021-11-21")]), // SH 1400/8/30
    ("aban 31", "این جلسه ۳۱ آبان ۱۴۰۰ برگزار شد.", "2021-12-01", &[]),
    ("day zero", "این جلسه ۰ فروردین ۱۴۰۰ برگزار شد.", "2021-12-01", &[]),
    ("february 29 common", "این نشست ۲۹ فوریه ۲۰۲۱ برگزار شد.", "2021-04-01", &[]),
    ("february 29 leap", "این نشست ۲۹ فوریه ۲۰۲۰ برگزار شد.", "2020-04-01", &[("۲۹ فوریه ۲۰۲۰", "2020-02-29")]),
    ("month zero", "این حکم ۱۴۰۰/۰۰/۱۰ صادر شد.", "2021-12-01", &[]),
    ("five-digit year", "این پیش‌بینی برای سال ۱۰۰۰۰ میلادی است.", "2021-12-01", &[]),
    ("tomorrow past 9999", "جلسه فردا برگزار می‌شود.", "9999-12-31", &[]),
    ("next year past 9999", "این طرح سال آینده اجرا می‌شود.", "9999-06-01", &[]),
];

#[rustfmt::skip]
const BOUNDS_AR: &[Case] = &[
    ("april 31 numeric", "صدر القرار بتاريخ 31 / 4 / 2022 عن الوزارة.", "2022-06-01", &[]),
    ("february 30", "عقد الاجتماع في 30 فبراير 2020.", "2020-06-01", &[]),
    ("february 29 common", "عقد الاجتماع في 29 فبراير 2019.", "2019-06-01", &[]),
    ("february 29 leap", "عقد الاجتماع في 29 فبراير 2024.", "2024-06-01", &[("29 فبراير 2024", "2024-02-29")]),
    ("june 31", "انتهت المهلة في 31 يونيو 2021.", "2021-08-01", &[]),
    ("july 31", "انتهت المهلة في 31 يوليو 2021.", "2021-08-01", &[("31 يوليو 2021", "2021-07-31")]),
    ("day 32", "انتهت المهلة في 32 مارس 2021.", "2021-08-01", &[]),
    ("september 31 numeric", "صدر القرار بتاريخ 31/9/2021 عن المجلس.", "2021-12-01", &[]),
    ("month 13 numeric", "صدر القرار بتاريخ 15/13/2021 عن المجلس.", "2021-12-01", &[]),
    ("day zero numeric", "صدر القرار بتاريخ 0/5/2020 عن المجلس.", "2021-12-01", &[]),
    ("ramadan 31", "انتهى الصيام في 31 رمضان 1442.", "2021-06-01", &[]),
    ("five-digit year", "تنبأ الكاتب بما سيحدث عام 10000.", "2021-06-01", &[]),
    ("tomorrow past 9999", "تبدأ الإجازة غدا.", "9999-12-31", &[]),
    ("next year past 9999", "يبدأ المشروع العام المقبل.", "9999-06-01", &[]),
    ("next week past 9999", "تبدأ المفاوضات الأسبوع المقبل.", "9999-12-30", &[]),
];

#[rustfmt::skip]
const BOUNDS_EN: &[Case] = &[
    ("april 31", "The report was filed on 31 April 2022.", "2022-06-01", &[]),
    ("february 29 common", "The vote took place on February 29, 2021.", "2021-06-01", &[]),
    ("february 29 leap", "The vote took place on February 29, 2020.", "2020-06-01", &[("February 29, 2020", "2020-02-29")]),
    ("june 31", "The deadline was June 31, 2021.", "2021-08-01", &[]),
    ("september 31", "The audit ended on September 31, 2020.", "2021-08-01", &[]),
    ("november 31st", "Shares fell on November 31st, 2019.", "2020-08-01", &[]),
    ("month 13 numeric", "The form is dated 13/13/2020.", "2021-08-01", &[]),
    ("iso february 30", "The log shows 2021-02-30 as the last entry.", "2021-08-01", &[]),
    ("day zero numeric", "The memo is dated 0/12/2020.", "2021-08-01", &[]),
    ("april 30", "The plant closed on April 30, 2022.", "2022-06-01", &[("April 30, 2022", "2022-04-30")]),
    ("tomorrow past 9999", "The hearing resumes tomorrow.", "9999-12-31", &[]),
    ("next year past 9999", "The plant will reopen next year.", "9999-05-01", &[]),
    ("next week past 9999", "Talks resume next week.", "9999-12-30", &[]),
    ("five-digit year", "The novel is set in the year 10000.", "2021-06-01", &[]),
    ("a valid last day", "Filed 9999/12/30 at the registry.", "9999-12-30", &[("9999/12/30", "9999-12-30")]),
];

/// Not read yet: a weekday that is a first name before a surname (`Tuesday
/// Weld`: a capital after a weekday is as often `President`), a group named
/// after a date (`the March 23 Movement`), and a year past 2999 (`عام 9999`:
/// four-digit years are read up to 2999, where counts are rarer than years),
/// and a name head written as two words (`هفته‌نامه ۹ دی`, a weekly).
#[rustfmt::skip]
const KNOWN_MISSES: &[Case] = &[
    ("weekly named after a date", "هفته‌نامه ۹ دی توقیف شد.", "2021-06-02", &[]),
    ("tuesday as a first name", "Tuesday Weld starred in the film.", "2019-03-06", &[]),
    ("wednesday as a first name", "Wednesday Addams is a gloomy character.", "2019-03-06", &[]),
    ("rebel group named after a date", "The March 23 Movement rebels withdrew from Goma.", "2019-03-06", &[]),
    ("year 9999", "تدور أحداث الرواية في عام 9999.", "2021-06-01", &[("عام 9999", "9999")]),
];

#[test]
#[ignore = "known misses: weekday first names, groups named after a date, years past 2999"]
fn known_misses() {
    check("known_misses", KNOWN_MISSES);
}

#[test]
fn names_fa() {
    check("names_fa", NAMES_FA);
}
#[test]
fn names_ar() {
    check("names_ar", NAMES_AR);
}
#[test]
fn names_en() {
    check("names_en", NAMES_EN);
}
#[test]
fn bounds_fa() {
    check("bounds_fa", BOUNDS_FA);
}
#[test]
fn bounds_ar() {
    check("bounds_ar", BOUNDS_AR);
}
#[test]
fn bounds_en() {
    check("bounds_en", BOUNDS_EN);
}

#[test]
fn every_precision_table_has_fifteen_cases_and_a_negative() {
    for (name, cases) in [
        ("names_fa", NAMES_FA),
        ("names_ar", NAMES_AR),
        ("names_en", NAMES_EN),
        ("bounds_fa", BOUNDS_FA),
        ("bounds_ar", BOUNDS_AR),
        ("bounds_en", BOUNDS_EN),
    ] {
        at_least(name, cases, 15);
    }
}
