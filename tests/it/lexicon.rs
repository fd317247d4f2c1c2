//! Table tests of the lexicon: every spelling the date module promises
//! resolves to the right month, weekday or ordinal.

use chrono::Weekday;
use tarikh::calendar::Calendar;
use tarikh::lexicon::{Kind, Lexicon, Value, fold_spelling};

/// What a whole phrase means: the entry whose first word and remaining words
/// match (a dot inside an abbreviation such as `ه.ش` separates words, as in
/// the extractor's phrase matching).
fn meaning(phrase: &str, kind: Kind) -> Option<Value> {
    let folded = fold_spelling(&phrase.replace('.', " "));
    let mut words = folded.split(' ');
    let first = words.next()?;
    let rest: Vec<&str> = words.collect();
    Lexicon::get()
        .lookup(first)
        .iter()
        .find(|e| e.kind == kind && e.rest.iter().map(|r| &**r).eq(rest.iter().copied()))
        .map(|e| e.value)
}

fn check(kind: Kind, table: &[(Value, &[&str])]) {
    let mut bad = Vec::new();
    for (value, spellings) in table {
        for s in *spellings {
            if meaning(s, kind) != Some(*value) {
                bad.push(format!("{s:?}: want {value:?}, got {:?}", meaning(s, kind)));
            }
        }
    }
    assert!(bad.is_empty(), "{kind:?}:\n{}", bad.join("\n"));
}

#[test]
fn solar_hijri_months_persian_and_dari() {
    check(
        Kind::PMonth,
        &[
            (Value::Month(1), &["فروردین", "حمل"]),
            (Value::Month(2), &["اردیبهشت", "ثور"]),
            (Value::Month(3), &["خرداد", "جوزا"]),
            (Value::Month(4), &["تیر", "سرطان"]),
            (Value::Month(5), &["مرداد", "امرداد", "اسد"]),
            (Value::Month(6), &["شهریور", "شهريور", "سنبله"]),
            (Value::Month(7), &["مهر", "میزان"]),
            (Value::Month(8), &["آبان", "عقرب"]),
            (Value::Month(9), &["آذر", "قوس"]),
            (Value::Month(10), &["دی", "دیماه", "جدی"]),
            (Value::Month(11), &["بهمن", "دلو"]),
            (Value::Month(12), &["اسفند", "حوت"]),
        ],
    );
}

#[test]
fn gregorian_months_in_every_language() {
    check(
        Kind::GMonth,
        &[
            (
                Value::Month(1),
                &[
                    "ژانویه",
                    "ژانویهٔ",
                    "يناير",
                    "كانون الثاني",
                    "جانفي",
                    "جنوری",
                    "January",
                    "Jan",
                ],
            ),
            (
                Value::Month(2),
                &["فوریه", "فبراير", "شباط", "فيفري", "فروری", "February", "Feb"],
            ),
            (Value::Month(3), &["مارس", "آذار", "مارچ", "March", "Mar"]),
            (
                Value::Month(4),
                &["آوریل", "أبريل", "نيسان", "أفريل", "اپریل", "April", "Apr"],
            ),
            (Value::Month(5), &["مه", "می", "مايو", "أيار", "ماي", "مئی", "May"]),
            (
                Value::Month(6),
                &["ژوئن", "يونيو", "حزيران", "جوان", "جون", "June", "Jun"],
            ),
            (
                Value::Month(7),
                &["ژوئیه", "جولای", "يوليو", "تموز", "جويلية", "جولائی", "July", "Jul"],
            ),
            (
                Value::Month(8),
                &["اوت", "آگوست", "أغسطس", "آب", "أوت", "اگست", "August", "Aug"],
            ),
            (
                Value::Month(9),
                &["سپتامبر", "سبتمبر", "أيلول", "ستمبر", "September", "Sep", "Sept"],
            ),
            (
                Value::Month(10),
                &["اکتبر", "أكتوبر", "تشرين الأول", "اکتوبر", "October", "Oct"],
            ),
            (
                Value::Month(11),
                &["نوامبر", "نوفمبر", "تشرين الثاني", "نومبر", "November", "Nov"],
            ),
            (
                Value::Month(12),
                &["دسامبر", "ديسمبر", "كانون الأول", "دسمبر", "December", "Dec"],
            ),
        ],
    );
}

#[test]
fn lunar_hijri_months_arabic_and_persian_spellings() {
    check(
        Kind::HMonth,
        &[
            (Value::Month(1), &["محرم"]),
            (Value::Month(2), &["صفر"]),
            (Value::Month(3), &["ربيع الأول", "ربیع‌الاول"]),
            (Value::Month(4), &["ربيع الآخر", "ربيع الثاني"]),
            (Value::Month(5), &["جمادى الأولى", "جمادی‌الاول"]),
            (Value::Month(6), &["جمادى الآخرة", "جمادی‌الثانی"]),
            (Value::Month(7), &["رجب"]),
            (Value::Month(8), &["شعبان"]),
            (Value::Month(9), &["رمضان"]),
            (Value::Month(10), &["شوال"]),
            (Value::Month(11), &["ذو القعدة", "ذی‌القعده"]),
            (Value::Month(12), &["ذو الحجة", "ذی‌الحجه"]),
        ],
    );
}

#[test]
fn weekdays() {
    check(
        Kind::Weekday,
        &[
            (Value::Weekday(Weekday::Mon), &["دوشنبه", "الاثنين", "الإثنين", "Monday"]),
            (
                Value::Weekday(Weekday::Tue),
                &["سه شنبه", "سه‌شنبه", "الثلاثاء", "منگل", "Tuesday"],
            ),
            (
                Value::Weekday(Weekday::Wed),
                &["چهارشنبه", "الأربعاء", "بدھ", "Wednesday"],
            ),
            (
                Value::Weekday(Weekday::Thu),
                &["پنجشنبه", "پنج‌شنبه", "الخميس", "جمعرات", "Thursday"],
            ),
            (Value::Weekday(Weekday::Fri), &["جمعه", "الجمعة", "جمعہ", "Friday"]),
            (Value::Weekday(Weekday::Sat), &["شنبه", "السبت", "Saturday"]),
            (Value::Weekday(Weekday::Sun), &["یکشنبه", "الأحد", "اتوار", "Sunday"]),
        ],
    );
}

#[test]
fn ordinal_day_words() {
    check(
        Kind::Ordinal,
        &[
            (Value::Number(1), &["یکم", "اول", "الأول"]),
            (Value::Number(2), &["دوم", "الثاني"]),
            (Value::Number(7), &["هفتم", "السابع"]),
            (Value::Number(10), &["دهم", "العاشر"]),
            (Value::Number(16), &["شانزدهم"]),
            (Value::Number(20), &["بیستم", "العشرين"]),
            (Value::Number(30), &["سی ام", "سی‌ام", "الثلاثين"]),
        ],
    );
}

#[test]
fn era_marks() {
    check(
        Kind::Era,
        &[
            (Value::Era(Calendar::Hijri), &["هـ", "ه.ق", "هجری قمری", "قمری"]),
            (Value::Era(Calendar::Persian), &["ه.ش", "هجری شمسی"]),
            (Value::Era(Calendar::Gregorian), &["میلادی", "م", "ء"]),
        ],
    );
}
