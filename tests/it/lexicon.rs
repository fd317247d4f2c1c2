//! Table tests of the lexicon: every spelling the date module promises
//! resolves to the right month, weekday or ordinal.

use tarikh::lexicon::{Kind, Lexicon, fold};

/// What a whole phrase means: the entry whose first word and remaining words
/// match (a dot inside an abbreviation such as `ه.ش` separates words, as in
/// the extractor's phrase matching).
fn meaning(phrase: &str, kind: Kind) -> Option<i32> {
    let folded = fold(&phrase.replace('.', " "));
    let mut words = folded.split(' ');
    let first = words.next()?;
    let rest: Vec<&str> = words.collect();
    Lexicon::get()
        .lookup(first)
        .iter()
        .find(|e| e.kind == kind && e.rest.iter().map(|r| &**r).eq(rest.iter().copied()))
        .map(|e| e.value)
}

fn check(kind: Kind, table: &[(i32, &[&str])]) {
    let mut bad = Vec::new();
    for (value, spellings) in table {
        for s in *spellings {
            if meaning(s, kind) != Some(*value) {
                bad.push(format!("{s:?}: want {value}, got {:?}", meaning(s, kind)));
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
            (1, &["فروردین", "حمل"]),
            (2, &["اردیبهشت", "ثور"]),
            (3, &["خرداد", "جوزا"]),
            (4, &["تیر", "سرطان"]),
            (5, &["مرداد", "امرداد", "اسد"]),
            (6, &["شهریور", "شهريور", "سنبله"]),
            (7, &["مهر", "میزان"]),
            (8, &["آبان", "عقرب"]),
            (9, &["آذر", "قوس"]),
            (10, &["دی", "دیماه", "جدی"]),
            (11, &["بهمن", "دلو"]),
            (12, &["اسفند", "حوت"]),
        ],
    );
}

#[test]
fn gregorian_months_in_every_language() {
    check(
        Kind::GMonth,
        &[
            (
                1,
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
            (2, &["فوریه", "فبراير", "شباط", "فيفري", "فروری", "February", "Feb"]),
            (3, &["مارس", "آذار", "مارچ", "March", "Mar"]),
            (4, &["آوریل", "أبريل", "نيسان", "أفريل", "اپریل", "April", "Apr"]),
            (5, &["مه", "می", "مايو", "أيار", "ماي", "مئی", "May"]),
            (6, &["ژوئن", "يونيو", "حزيران", "جوان", "جون", "June", "Jun"]),
            (7, &["ژوئیه", "جولای", "يوليو", "تموز", "جويلية", "جولائی", "July", "Jul"]),
            (8, &["اوت", "آگوست", "أغسطس", "آب", "أوت", "اگست", "August", "Aug"]),
            (9, &["سپتامبر", "سبتمبر", "أيلول", "ستمبر", "September", "Sep", "Sept"]),
            (10, &["اکتبر", "أكتوبر", "تشرين الأول", "اکتوبر", "October", "Oct"]),
            (11, &["نوامبر", "نوفمبر", "تشرين الثاني", "نومبر", "November", "Nov"]),
            (12, &["دسامبر", "ديسمبر", "كانون الأول", "دسمبر", "December", "Dec"]),
        ],
    );
}

#[test]
fn lunar_hijri_months_arabic_and_persian_spellings() {
    check(
        Kind::HMonth,
        &[
            (1, &["محرم"]),
            (2, &["صفر"]),
            (3, &["ربيع الأول", "ربیع‌الاول"]),
            (4, &["ربيع الآخر", "ربيع الثاني"]),
            (5, &["جمادى الأولى", "جمادی‌الاول"]),
            (6, &["جمادى الآخرة", "جمادی‌الثانی"]),
            (7, &["رجب"]),
            (8, &["شعبان"]),
            (9, &["رمضان"]),
            (10, &["شوال"]),
            (11, &["ذو القعدة", "ذی‌القعده"]),
            (12, &["ذو الحجة", "ذی‌الحجه"]),
        ],
    );
}

#[test]
fn weekdays_with_monday_as_zero() {
    check(
        Kind::Weekday,
        &[
            (0, &["دوشنبه", "الاثنين", "الإثنين", "Monday"]),
            (1, &["سه شنبه", "سه‌شنبه", "الثلاثاء", "منگل", "Tuesday"]),
            (2, &["چهارشنبه", "الأربعاء", "بدھ", "Wednesday"]),
            (3, &["پنجشنبه", "پنج‌شنبه", "الخميس", "جمعرات", "Thursday"]),
            (4, &["جمعه", "الجمعة", "جمعہ", "Friday"]),
            (5, &["شنبه", "السبت", "Saturday"]),
            (6, &["یکشنبه", "الأحد", "اتوار", "Sunday"]),
        ],
    );
}

#[test]
fn ordinal_day_words() {
    check(
        Kind::Ordinal,
        &[
            (1, &["یکم", "اول", "الأول"]),
            (2, &["دوم", "الثاني"]),
            (7, &["هفتم", "السابع"]),
            (10, &["دهم", "العاشر"]),
            (16, &["شانزدهم"]),
            (20, &["بیستم", "العشرين"]),
            (30, &["سی ام", "سی‌ام", "الثلاثين"]),
        ],
    );
}

#[test]
fn era_marks() {
    check(
        Kind::Era,
        &[
            (2, &["هـ", "ه.ق", "هجری قمری", "قمری"]),
            (1, &["ه.ش", "هجری شمسی"]),
            (0, &["میلادی", "م", "ء"]),
        ],
    );
}
