//! Table tests for the composing grammar (`src/extract/compose.rs` and the
//! patterns it builds on): `(name, text, dct, expected (span, value) pairs)`.
//! Every sentence was written for tarikh; the expected days come from the
//! calendar tables (`tarikh convert`), which `tests/it/calendar.rs` checks
//! against the official sources.

use tarikh::extract::{Options, extract, parse_dct};

type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

const CASES: &[Case] = &[
    // --- ranges across months and years
    (
        "fa range across the year end",
        "نمایشگاه از ۲۸ اسفند تا ۱۵ فروردین ۱۴۰۱ باز است.",
        "2022-03-01",
        &[("۲۸ اسفند تا ۱۵ فروردین ۱۴۰۱", "2022-03-19/2022-04-04")],
    ),
    (
        "fa range with weekdays on both sides",
        "کلاس‌ها از روز سه شنبه ۲۵ آبان تا روز شنبه ۲۸ اسفند ۱۴۰۰ برگزار می‌شود.",
        "2021-11-01",
        &[("روز سه شنبه ۲۵ آبان تا روز شنبه ۲۸ اسفند ۱۴۰۰", "2021-11-16/2022-03-19")],
    ),
    (
        "fa range of days in one month",
        "جشنواره ۱۰ تا ۱۵ مهر ۱۳۹۹ برپا شد.",
        "2020-10-20",
        &[("۱۰ تا ۱۵ مهر ۱۳۹۹", "2020-10-01/2020-10-06")],
    ),
    (
        "ar range of numeric dates with a bare start",
        "تقام الدورة من 6 / 10 حتى 1 / 11 / 1440 هـ في جدة.",
        "2019-05-20",
        &[("6 / 10 حتى 1 / 11 / 1440 هـ", "2019-06-09/2019-07-04")],
    ),
    (
        "ar range with a bare start day",
        "يستمر التسجيل 2 إلى 5 / 10 / 1440 هـ للطلاب الجدد.",
        "2019-05-20",
        &[("2 إلى 5 / 10 / 1440 هـ", "2019-06-05/2019-06-08")],
    ),
    (
        "ar range across months",
        "تمتد البطولة من 28 نوفمبر 2022 إلى 3 ديسمبر 2022 في الدوحة.",
        "2022-11-01",
        &[("28 نوفمبر 2022 إلى 3 ديسمبر 2022", "2022-11-28/2022-12-03")],
    ),
    (
        "ar range of years",
        "عمل مراسلا في القاهرة (2009 إلى 2013) ثم عاد.",
        "2015-08-01",
        &[("2009 إلى 2013", "2009-01-01/2013-12-31")],
    ),
    (
        "ar month-year to a bare year",
        "عمل في الصحيفة من مارس 2010 وحتى 2014، ثم انتقل.",
        "2015-08-01",
        &[("مارس 2010 وحتى 2014", "2010-03-01/2014-12-31")],
    ),
    (
        "fa range of years",
        "این طرح ۱۳۹۸ تا ۱۴۰۰ اجرا شد.",
        "2022-01-01",
        &[("۱۳۹۸ تا ۱۴۰۰", "2019-03-21/2022-03-20")],
    ),
    (
        "en backwards range is two years, not one range",
        "The tally ran from 2013 to 2009 in the table.",
        "2015-08-01",
        &[("2013", "2013"), ("2009", "2009")],
    ),
    // --- lists of days: one mention a day unless they follow each other
    (
        "fa list of separate days",
        "جلسات روزهای ۱۰، ۱۲ و ۱۴ مهر ۱۳۹۹ برگزار شد.",
        "2020-10-20",
        &[
            ("۱۰", "2020-10-01"),
            ("۱۲", "2020-10-03"),
            ("۱۴ مهر ۱۳۹۹", "2020-10-05"),
        ],
    ),
    (
        "fa list of consecutive days is one interval",
        "نشست در روزهای ۱۰ و ۱۱ مهر ۱۳۹۹ برگزار شد.",
        "2020-10-20",
        &[("روزهای ۱۰ و ۱۱ مهر ۱۳۹۹", "2020-10-01/2020-10-02")],
    ),
    (
        "ar list of separate days",
        "تجري المباريات أيام 3 و5 و7 يونيو 2019 في الرياض.",
        "2019-05-20",
        &[("3", "2019-06-03"), ("5", "2019-06-05"), ("7 يونيو 2019", "2019-06-07")],
    ),
    // --- a date with its year written after it
    (
        "fa day month with this year",
        "ثبت نام ۵ تا ۱۰ خرداد ماه امسال انجام می‌شود.",
        "2019-05-01",
        &[("۵ تا ۱۰ خرداد ماه امسال", "2019-05-26/2019-05-31")],
    ),
    (
        "fa day month with the current year",
        "مهلت ۱۶ اردیبهشت سال جاری به پایان رسید.",
        "2021-06-01",
        &[("۱۶ اردیبهشت سال جاری", "2021-05-06")],
    ),
    (
        "ar hijri month with its year",
        "أعلنت الهيئة أن غرة شهر شوال لعام 1440 هـ موعد العيد.",
        "2019-06-01",
        &[("غرة شهر شوال لعام 1440 هـ", "2019-06-04")],
    ),
    (
        "ar day of month from year",
        "ولد في 3 من شهر ربيع الآخر من عام 1440 في مكة.",
        "2019-01-01",
        &[("3 من شهر ربيع الآخر من عام 1440", "2018-12-10")],
    ),
    (
        "ar relative year with its number",
        "بلغ عدد الحجاج في العام الماضي 1440 نحو مليوني حاج.",
        "2020-09-01",
        &[("العام الماضي 1440", "2018-09-11/2019-08-30")],
    ),
    (
        "ar gregorian year with a hijri month",
        "بدأ صيام رمضان 2018 في موعده.",
        "2018-03-01",
        &[("رمضان 2018", "2018-05-16/2018-06-14")],
    ),
    // --- weekdays with their dates
    (
        "ar weekday before a spaced numeric date",
        "انتهت المهلة يوم الاثنين 3 / 4 / 1440 هـ الموافق 10 / 12 / 2018م.",
        "2018-12-12",
        &[
            ("يوم الاثنين 3 / 4 / 1440 هـ", "2018-12-10"),
            ("10 / 12 / 2018م", "2018-12-10"),
        ],
    ),
    (
        "ar weekday through al-muwafiq",
        "تبدأ الرحلات يوم الخميس الموافق 20 يونيو بثلاث رحلات أسبوعيا.",
        "2019-06-10",
        &[("يوم الخميس الموافق 20 يونيو", "2019-06-20")],
    ),
    (
        "ar weekday picks the year",
        "قال إن اجتماع الأربعاء 14 مارس كان حاسما.",
        "2019-01-15",
        &[("الأربعاء 14 مارس", "2018-03-14")],
    ),
    (
        "fa weekday picks the year",
        "دیدار یکشنبه ۵ خرداد در تهران برگزار شد.",
        "2019-01-15",
        &[("یکشنبه ۵ خرداد", "2019-05-26")],
    ),
    (
        "ar bare one is not sunday",
        "قال أحد المسؤولين إن اثنين من الموظفين غادرا.",
        "2019-01-15",
        &[],
    ),
    // --- numerics
    (
        "fa two-digit solar year last",
        "این قانون در تاریخ 16/2/1400 و 16/2/00 تصویب شد.",
        "2021-06-01",
        &[("16/2/1400", "2021-05-06"), ("16/2/00", "2021-05-06")],
    ),
    (
        "fa two-digit solar year first",
        "حکم در ۹۹/۷/۱۰ صادر شد.",
        "2021-06-01",
        &[("۹۹/۷/۱۰", "2020-10-01")],
    ),
    (
        "ar spaced numeric with era",
        "صدر القرار بتاريخ 15 / 8 / 1441هـ في الرياض.",
        "2020-05-01",
        &[("15 / 8 / 1441هـ", "2020-04-08")],
    ),
    (
        "ar spaced numeric without a year is not a date",
        "فاز الفريق 3 / 1 على منافسه.",
        "2020-05-01",
        &[],
    ),
    // --- two-digit Solar Hijri years and Persian relative years
    (
        "fa short year after sal",
        "در سال ۹۲ تورم کاهش یافت.",
        "2019-06-01",
        &[("سال ۹۲", "2013-03-21/2014-03-20")],
    ),
    (
        "fa month with short year",
        "فروردین ماه ۹۸ باران زیادی بارید.",
        "2019-06-01",
        &[("فروردین ماه ۹۸", "2019-03-21/2019-04-20")],
    ),
    (
        "fa this year is solar",
        "امسال صادرات افزایش یافت.",
        "2021-06-01",
        &[("امسال", "2021-03-21/2022-03-20")],
    ),
    (
        "fa next year is solar",
        "طرح سال آینده اجرا خواهد شد.",
        "2021-06-01",
        &[("سال آینده", "2022-03-21/2023-03-20")],
    ),
    (
        "fa this month is solar",
        "قیمت‌ها این ماه ثابت ماند.",
        "2021-05-10",
        &[("این ماه", "2021-04-21/2021-05-21")],
    ),
    (
        "fa month then this is not a date",
        "برنامه‌های ماه این شبکه تغییر کرد.",
        "2021-05-10",
        &[],
    ),
    (
        "fa a count with sal is not a year",
        "او ۲۰ سال در این شهر زندگی کرد.",
        "2021-05-10",
        &[],
    ),
    // --- halves
    (
        "fa first half of a month",
        "نیمه نخست اردیبهشت ۱۴۰۰ بارانی بود.",
        "2021-06-01",
        &[("نیمه نخست اردیبهشت ۱۴۰۰", "2021-04-21/2021-05-05")],
    ),
    (
        "fa second half of the current year",
        "نیمه دوم سال جاری رشد خواهد کرد.",
        "2021-06-01",
        &[("نیمه دوم سال جاری", "2021-09-23/2022-03-20")],
    ),
    (
        "fa end of the first half of a year",
        "پایان نیمه اول سال ۱۴۰۰ موعد گزارش است.",
        "2021-06-01",
        &[("پایان نیمه اول سال ۱۴۰۰", "2021-03-21/2021-09-22")],
    ),
    // --- glued forms
    (
        "fa day month year glued",
        "قیام ۱۵خرداد۱۳۴۲ را گرامی داشتند.",
        "2019-06-01",
        &[("۱۵خرداد۱۳۴۲", "1963-06-05")],
    ),
    (
        "fa day month short year glued",
        "نشست ۵خرداد۹۸ برگزار شد.",
        "2019-06-01",
        &[("۵خرداد۹۸", "2019-05-26")],
    ),
    (
        "fa day glued to the word before its month",
        "مراسم در29 فروردین ۱۴۰۰ برگزار شد.",
        "2021-05-01",
        &[("29 فروردین ۱۴۰۰", "2021-04-18")],
    ),
    (
        "fa digits glued to a word without a month stay out",
        "تیم روسیه۱ در دور دوم حذف شد.",
        "2021-05-01",
        &[],
    ),
    // --- the sentence's year
    (
        "fa year of the sentence",
        "در سال ۱۳۵۹ جنگ آغاز شد و روز ۳۱ شهریور نقطه آغاز آن بود.",
        "2020-09-01",
        &[("سال ۱۳۵۹", "1980-03-21/1981-03-20"), ("روز ۳۱ شهریور", "1980-09-22")],
    ),
    (
        "ar year in a preposition",
        "انضم إلى الفريق في 2005 بعد تخرجه.",
        "2015-08-01",
        &[("2005", "2005")],
    ),
    (
        "ar a round count is not a year",
        "شارك في 1500 نشاط تطوعي.",
        "2015-08-01",
        &[],
    ),
    // --- second namings of a Gregorian month
    (
        "ar month with its levantine name after a dash",
        "أغلق المؤشر في 12 مايو - أيار 2003م على ارتفاع.",
        "2015-08-01",
        &[("12 مايو - أيار 2003م", "2003-05-12")],
    ),
    (
        "ar month with its levantine name in parentheses",
        "صدر التقرير في يوليو (تموز) 2014 الماضي.",
        "2015-08-01",
        &[("يوليو (تموز) 2014", "2014-07")],
    ),
    // --- names are not dates
    (
        "fa friday prayer is not a day",
        "امام جمعه شهر در نماز جمعه سخنرانی کرد.",
        "2021-06-04",
        &[],
    ),
    (
        "ar friday sermon is not a day",
        "تناول خطيب الجمعة في خطبة الجمعة موضوع الأمانة.",
        "2021-06-04",
        &[],
    ),
    (
        "fa quoted weekday is a name",
        "وزیران در «دوشنبه» دیدار کردند.",
        "2021-06-04",
        &[],
    ),
    (
        "fa street named after a date",
        "تجمع در خیابان ۱۶ آذر برگزار شد.",
        "2021-06-04",
        &[],
    ),
    (
        "ar bridge named after a date",
        "أغلقت الشرطة جسر 6 أكتوبر صباحا.",
        "2021-06-04",
        &[],
    ),
    (
        "fa a street name with a real date next to it",
        "تجمع روز ۱۴ خرداد ۱۴۰۰ در خیابان ۱۶ آذر برگزار شد.",
        "2021-06-10",
        &[("روز ۱۴ خرداد ۱۴۰۰", "2021-06-04")],
    ),
    // --- the weekday decides the order of a numeric day and month
    (
        "ar weekday picks month-first numerics",
        "بدأت الإجازة مساء الجمعة الموافق 10/4 / 1440هـ بعد الدوام.",
        "2019-06-20",
        // 10 Rabi II 1440 was a Monday; 4 Shawwal 1440 a Friday
        &[("الجمعة الموافق 10/4 / 1440هـ", "2019-06-07")],
    ),
    (
        "ar weekday keeps day-first numerics that fit",
        "بدأت الإجازة مساء الاثنين الموافق 10/4 / 1440هـ بعد الدوام.",
        "2019-06-20",
        &[("الاثنين الموافق 10/4 / 1440هـ", "2018-12-17")],
    ),
    // --- edges of the definite month or year
    (
        "ar start of the year",
        "ارتفعت الأسعار منذ بداية العام بنسبة كبيرة.",
        "2015-08-01",
        &[("بداية العام", "2015")],
    ),
    (
        "ar end of the month",
        "تنتهي المهلة نهاية الشهر وفق البيان.",
        "2015-08-05",
        &[("نهاية الشهر", "2015-08")],
    ),
    (
        "ar month named twice needs no frame",
        "تراجعت عقود ديسمبر كانون الأول عند التسوية.",
        "2015-08-05",
        &[("ديسمبر كانون الأول", "2015-12")],
    ),
    // --- relative days
    (
        "ar the following day is the day after the date before it, not today",
        "وصل الوفد يوم 3 يونيو 2019 وفي اليوم التالي بدأت المحادثات.",
        "2019-06-10",
        &[("يوم 3 يونيو 2019", "2019-06-03"), ("اليوم التالي", "2019-06-04")],
    ),
    (
        "fa the past day is yesterday",
        "وزیر روز گذشته به تهران بازگشت.",
        "2021-06-10",
        &[("روز گذشته", "2021-06-09")],
    ),
    (
        "fa five past days is a span",
        "در ۵ روز گذشته باران بارید.",
        "2021-06-10",
        &[],
    ),
    (
        "ar tomorrow with its weekday",
        "تبدأ الإجازة يوم غد الجمعة في جميع المدارس.",
        "2019-06-06",
        &[("يوم غد الجمعة", "2019-06-07")],
    ),
    // --- years that are counts
    (
        "fa this year then a count is not a year",
        "امسال ۱۷۰۰ نفر در این مسابقه شرکت کردند.",
        "2021-06-10",
        &[("امسال", "2021-03-21/2022-03-20")],
    ),
    (
        "fa zodiac month with two digits is not a date",
        "ترازو یا میزان 29 درجه را نشان داد.",
        "2021-06-10",
        &[],
    ),
    (
        "fa two-digit year is seldom ahead",
        "قانون در خرداد ۳۰ تصویب شد.",
        "2021-06-10",
        &[("خرداد ۳۰", "1951-05-23/1951-06-22")],
    ),
    // --- bounds
    (
        "en no value past 9999",
        "Filed 9999/12/31 and due tomorrow.",
        "9999-12-31",
        &[("9999/12/31", "9999-12-31")],
    ),
];

#[test]
fn grammar_table() {
    super::table::check_values("grammar", None, CASES);
}

#[test]
fn weekday_that_disagrees_is_a_conflict() {
    // 14 March 2019 was a Thursday: with the year written, the Wednesday cannot pick another.
    let m = extract(
        "قال إن اجتماع الأربعاء 14 مارس 2019 كان حاسما.",
        &Options {
            dct: parse_dct("2019-04-01"),
            lang: None,
            ..Default::default()
        },
    )
    .mentions;
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].value, "2019-03-14");
    assert_eq!(
        m[0].conflict,
        Some(["2019-03-14".to_string(), "XXXX-WXX-3".to_string()])
    );
}

#[test]
fn twins_through_al_muwafiq_are_paired() {
    let m = extract(
        "انتهت المهلة يوم الاثنين 3 / 4 / 1440 هـ الموافق 10 / 12 / 2018م.",
        &Options {
            dct: parse_dct("2018-12-12"),
            lang: None,
            ..Default::default()
        },
    )
    .mentions;
    assert_eq!(m.len(), 2);
    assert_eq!((m[0].pair, m[1].pair), (Some(1), Some(0)));
    assert_eq!((m[0].conflict.as_ref(), m[1].conflict.as_ref()), (None, None));
}
