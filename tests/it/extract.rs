//! Table-driven extractor tests: `(name, text, dct, expected (span, value) pairs)`.
//! Every sentence here was written for tarikh.

use proptest::prelude::*;
use tarikh::extract::{Grain, Mention, Mod, Options, extract, parse_day, parse_dct};
use tarikh::lexicon::Lang;

struct Case {
    name: &'static str,
    text: &'static str,
    dct: &'static str,
    /// (exact span text, value) in text order; nothing else may be found.
    want: &'static [(&'static str, &'static str)],
}

const CASES: &[Case] = &[
    // --- Solar Hijri, Persian
    Case {
        name: "fa solar day month year",
        text: "هیئت‌ها ۲۲ دی ماه ۱۴۰۰ در وین دیدار کردند.",
        dct: "2022-01-20",
        want: &[("۲۲ دی ماه ۱۴۰۰", "2022-01-12")],
    },
    Case {
        name: "fa solar zwnj month word",
        text: "نشست در ۲۲ دی‌ماه ۱۴۰۰ برگزار شد.",
        dct: "2022-01-20",
        want: &[("۲۲ دی‌ماه ۱۴۰۰", "2022-01-12")],
    },
    Case {
        name: "fa solar glued month word",
        text: "نشست در ۲۲ دیماه ۱۴۰۰ برگزار شد.",
        dct: "2022-01-20",
        want: &[("۲۲ دیماه ۱۴۰۰", "2022-01-12")],
    },
    Case {
        name: "fa weekday prefix",
        text: "وزیر دوشنبه ۲۰ دی ۱۴۰۰ به تهران بازگشت.",
        dct: "2022-01-20",
        want: &[("دوشنبه ۲۰ دی ۱۴۰۰", "2022-01-10")],
    },
    Case {
        name: "fa ordinal day",
        text: "جلسه اول فروردین ۱۴۰۱ تشکیل می‌شود.",
        dct: "2022-03-01",
        want: &[("اول فروردین ۱۴۰۱", "2022-03-21")],
    },
    Case {
        name: "fa composed ordinal",
        text: "قرارداد بیست و سوم اردیبهشت ۱۴۰۱ امضا شد.",
        dct: "2022-06-01",
        want: &[("بیست و سوم اردیبهشت ۱۴۰۱", "2022-05-13")],
    },
    Case {
        name: "fa yearless solar nearest",
        text: "گفت‌وگوها ۱۹ و ۲۰ دی ماه ادامه یافت.",
        dct: "2021-12-31",
        want: &[("۱۹ و ۲۰ دی ماه", "2022-01-09/2022-01-10")],
    },
    Case {
        name: "fa range with ta",
        text: "نمایشگاه از ۱۹ تا ۲۰ دی برپاست.",
        dct: "2021-12-31",
        want: &[("۱۹ تا ۲۰ دی", "2022-01-09/2022-01-10")],
    },
    Case {
        name: "fa era mark",
        text: "این سند در ۵ مهر ۱۳۹۹ ه.ش نوشته شده است.",
        dct: "2022-01-01",
        want: &[("۵ مهر ۱۳۹۹ ه.ش", "2020-09-26")],
    },
    Case {
        name: "fa solar year alone",
        text: "بودجه سال ۱۴۰۰ تصویب شد.",
        dct: "2022-01-01",
        want: &[("سال ۱۴۰۰", "2021-03-21/2022-03-20")],
    },
    Case {
        name: "fa solar month year",
        text: "گزارش اسفند ۱۴۰۰ منتشر شد.",
        dct: "2022-04-01",
        want: &[("اسفند ۱۴۰۰", "2022-02-20/2022-03-20")],
    },
    Case {
        name: "fa numeric solar",
        text: "نامه به تاریخ ۱۴۰۰/۱۰/۲۲ ارسال شد.",
        dct: "2022-01-20",
        want: &[("۱۴۰۰/۱۰/۲۲", "2022-01-12")],
    },
    Case {
        name: "fa numeric solar dashes",
        text: "ابلاغیه ۱۴۰۰-۱۰-۲۲ صادر شد.",
        dct: "2022-01-20",
        want: &[("۱۴۰۰-۱۰-۲۲", "2022-01-12")],
    },
    Case {
        name: "fa date and time",
        text: "۱۲ بهمن ۱۴۰۰، ۱۲:۱۲\nمتن خبر",
        dct: "2022-02-01",
        want: &[("۱۲ بهمن ۱۴۰۰، ۱۲:۱۲", "2022-02-01T12:12")],
    },
    Case {
        name: "fa dari zodiac month with year",
        text: "انتخابات ۱۵ سرطان ۱۴۰۰ برگزار شد.",
        dct: "2021-08-01",
        want: &[("۱۵ سرطان ۱۴۰۰", "2021-07-06")],
    },
    // --- Gregorian months in Persian
    Case {
        name: "fa gregorian day month",
        text: "نشست روز ۱۲ ماه ژانویه در ژنو است.",
        dct: "2021-12-26",
        want: &[("روز ۱۲ ماه ژانویه", "2022-01-12")],
    },
    Case {
        name: "fa gregorian ordinal",
        text: "دیدار روز هفتم ماه دسامبر انجام شد.",
        dct: "2021-12-31",
        want: &[("روز هفتم ماه دسامبر", "2021-12-07")],
    },
    Case {
        name: "fa gregorian list with year",
        text: "مذاکرات روزهای ۹ و ۱۰ ماه ژانویه ۲۰۲۲ است.",
        dct: "2021-12-31",
        want: &[("روزهای ۹ و ۱۰ ماه ژانویه ۲۰۲۲", "2022-01-09/2022-01-10")],
    },
    Case {
        name: "fa gregorian month year",
        text: "قیمت‌ها در ژانویه ۲۰۲۲ بالا رفت.",
        dct: "2022-03-01",
        want: &[("ژانویه ۲۰۲۲", "2022-01")],
    },
    Case {
        name: "fa gregorian year",
        text: "از سال ۲۰۱۴ تاکنون تحریم‌ها ادامه دارد.",
        dct: "2022-03-01",
        want: &[("سال ۲۰۱۴ تاکنون", "2014")],
    },
    Case {
        name: "fa side by side",
        text: "اجلاس ۱۲ ژانویه (۲۲ دی ماه ۱۴۰۰) برگزار می‌شود.",
        dct: "2021-12-20",
        want: &[("۱۲ ژانویه", "2022-01-12"), ("۲۲ دی ماه ۱۴۰۰", "2022-01-12")],
    },
    Case {
        name: "fa early month next year",
        text: "گفت‌وگو اوایل ماه ژانویه سال آینده آغاز می‌شود.",
        dct: "2021-12-20",
        want: &[("اوایل ماه ژانویه سال آینده", "2022-01")],
    },
    Case {
        name: "fa coming month",
        text: "دور تازه اواسط ماه مارس آینده است.",
        dct: "2021-12-20",
        want: &[("اواسط ماه مارس آینده", "2022-03")],
    },
    // --- relative, Persian
    Case {
        name: "fa today yesterday tomorrow",
        text: "امروز گفت که دیروز و فردا جلسه دارد.",
        dct: "2022-01-12",
        want: &[("امروز", "2022-01-12"), ("دیروز", "2022-01-11"), ("فردا", "2022-01-13")],
    },
    Case {
        name: "fa weekday with ruz",
        text: "سخنگو روز یکشنبه توضیح داد.",
        dct: "2022-01-12",
        want: &[("روز یکشنبه", "2022-01-09")],
    },
    Case {
        name: "fa weekday night (a TIME: the night of that day)",
        text: "تماس تلفنی پنجشنبه شب انجام شد.",
        dct: "2021-12-31",
        want: &[("پنجشنبه شب", "2021-12-30TNI")],
    },
    Case {
        name: "fa last week",
        text: "هفته گذشته هیئتی به مسکو رفت.",
        dct: "2021-12-26",
        want: &[("هفته گذشته", "2021-W50")],
    },
    Case {
        // Persian news counts `سال گذشته` in Solar Hijri years: in Bahman 1400 it is 1399.
        name: "fa late last year",
        text: "طرح اواخر سال گذشته ارائه شد.",
        dct: "2022-02-01",
        want: &[("اواخر سال گذشته", "2020-03-20/2021-03-20")],
    },
    Case {
        name: "fa weekday this week (Saturday-first)",
        text: "نشست چهارشنبه این هفته است.",
        dct: "2022-01-10",
        want: &[("چهارشنبه این هفته", "2022-01-12")],
    },
    Case {
        name: "fa coming weekday",
        text: "هیئت روز یکشنبه آینده می‌رسد.",
        dct: "2022-02-23",
        want: &[("روز یکشنبه آینده", "2022-02-27")],
    },
    Case {
        name: "fa weekday in future sentence",
        text: "کمیسیون روز چهارشنبه در ژنو تشکیل جلسه خواهد داد.",
        dct: "2022-01-08",
        want: &[("روز چهارشنبه", "2022-01-12")],
    },
    Case {
        name: "fa ruz weekday day month",
        text: "جلسه روز چهارشنبه ۱۲ ماه ژانویه است.",
        dct: "2022-01-08",
        want: &[("روز چهارشنبه ۱۲ ماه ژانویه", "2022-01-12")],
    },
    Case {
        name: "fa days ago",
        text: "این خبر ۳ روز پیش اعلام شد.",
        dct: "2022-02-01",
        want: &[("۳ روز پیش", "2022-01-29")],
    },
    // --- Arabic
    Case {
        name: "ar levantine",
        text: "وصل الوفد في 24 كانون الثاني 2022 إلى دمشق.",
        dct: "2022-01-25",
        want: &[("24 كانون الثاني 2022", "2022-01-24")],
    },
    Case {
        name: "ar egyptian",
        text: "انعقد المؤتمر 14 فبراير 2022 في القاهرة.",
        dct: "2022-02-20",
        want: &[("14 فبراير 2022", "2022-02-14")],
    },
    Case {
        name: "ar maghrebi",
        text: "تم التوقيع يوم 3 جانفي 2022 في تونس.",
        dct: "2022-01-10",
        want: &[("يوم 3 جانفي 2022", "2022-01-03")],
    },
    Case {
        name: "ar two month names",
        text: "جرت المحادثات في 21 كانون الثاني / يناير في جنيف.",
        dct: "2022-01-24",
        want: &[("21 كانون الثاني / يناير", "2022-01-21")],
    },
    Case {
        name: "ar hijri",
        text: "صدر القرار في 21 جمادى الآخرة 1443 هـ رسميا.",
        dct: "2022-01-30",
        want: &[("21 جمادى الآخرة 1443 هـ", "2022-01-24")],
    },
    Case {
        name: "ar hijri numeric",
        text: "بتاريخ 14-09-1432 هـ أعلنت الوزارة النتائج.",
        dct: "2011-09-01",
        want: &[("14-09-1432 هـ", "2011-08-14")],
    },
    Case {
        name: "ar weekday with date",
        text: "أعلن الوزير الخميس 20 يناير 2022 عن خطة.",
        dct: "2022-01-21",
        want: &[("الخميس 20 يناير 2022", "2022-01-20")],
    },
    Case {
        name: "ar ordinal of month",
        text: "ستعقد الجلسة في الثاني عشر من يناير المقبل.",
        dct: "2021-12-20",
        want: &[("الثاني عشر من يناير", "2022-01-12")],
    },
    Case {
        name: "ar range",
        text: "تستمر الزيارة من 9 إلى 10 يناير الجاري.",
        dct: "2022-01-05",
        want: &[("9 إلى 10 يناير", "2022-01-09/2022-01-10")],
    },
    Case {
        name: "ar month in frame",
        text: "طرحت روسيا موقفها في يناير أمام الحلف.",
        dct: "2022-02-14",
        want: &[("يناير", "2022-01")],
    },
    Case {
        name: "ar today weekday",
        text: "قال المتحدث اليوم الإثنين إن الرد جاهز.",
        dct: "2022-01-24",
        want: &[("اليوم الإثنين", "2022-01-24")],
    },
    Case {
        name: "ar yesterday",
        text: "وصل الوزير أمس إلى بغداد.",
        dct: "2022-01-24",
        want: &[("أمس", "2022-01-23")],
    },
    Case {
        name: "ar end of last year",
        text: "نشرت الحكومة المسودة في نهاية العام الفائت.",
        dct: "2022-01-24",
        want: &[("نهاية العام الفائت", "2021")],
    },
    Case {
        name: "ar before year",
        text: "طالبت بالعودة إلى ما قبل عام 1997 كما كان.",
        dct: "2022-01-24",
        want: &[("قبل عام 1997", "1997")],
    },
    Case {
        name: "ar year",
        text: "ألقى خطابه الشهير عام 2007 في ميونخ.",
        dct: "2022-02-14",
        want: &[("عام 2007", "2007")],
    },
    Case {
        name: "ar next week weekday",
        text: "سيعود الوفد الأسبوع المقبل يوم الجمعة.",
        dct: "2016-11-07",
        want: &[("الأسبوع المقبل يوم الجمعة", "2016-11-18")],
    },
    Case {
        name: "ar days ago",
        text: "أعلنت الشركة منذ 3 أيام عن خسائرها.",
        dct: "2014-09-01",
        want: &[("منذ 3 أيام", "2014-08-29")],
    },
    Case {
        name: "ar date time",
        text: "14 فبراير 2022 19:09\nنص الخبر",
        dct: "2022-02-14",
        want: &[("14 فبراير 2022 19:09", "2022-02-14T19:09")],
    },
    Case {
        name: "ar numeric day first, in the morning (a TIME)",
        text: "صدر البيان 12/01/2022 صباحا.",
        dct: "2022-01-13",
        want: &[("12/01/2022 صباحا", "2022-01-12TMO")],
    },
    // --- English and Urdu
    Case {
        name: "en month first range",
        text: "Talks ran January 9-10, 2022 in Geneva.",
        dct: "2022-01-20",
        want: &[("January 9-10, 2022", "2022-01-09/2022-01-10")],
    },
    Case {
        name: "en day month year",
        text: "The council met on 12 January 2022 in Brussels.",
        dct: "2022-01-20",
        want: &[("12 January 2022", "2022-01-12")],
    },
    Case {
        name: "en last friday",
        text: "He spoke last Friday about the plan.",
        dct: "2022-01-19",
        want: &[("last Friday", "2022-01-14")],
    },
    Case {
        name: "en weekday month day",
        text: "They meet on Sunday, February 27 in Doha.",
        dct: "2022-02-23",
        want: &[("Sunday, February 27", "2022-02-27")],
    },
    Case {
        name: "en future weekday",
        text: "The board will meet in Geneva on Wednesday. It met on Friday.",
        dct: "2022-01-10",
        want: &[("Wednesday", "2022-01-12"), ("Friday", "2022-01-07")],
    },
    Case {
        name: "ar future weekday",
        text: "سوف يجتمع المجلس يوم الأربعاء في جنيف.",
        dct: "2022-01-10",
        want: &[("يوم الأربعاء", "2022-01-12")],
    },
    Case {
        name: "en may is a verb",
        text: "The minister may travel next month.",
        dct: "2022-01-19",
        want: &[("next month", "2022-02")],
    },
    Case {
        name: "ur month",
        text: "اجلاس 12 جنوری 2022ء کو ہوا۔",
        dct: "2022-01-20",
        want: &[("12 جنوری 2022ء", "2022-01-12")],
    },
    // --- traps: nothing to find
    Case {
        name: "trap news agency",
        text: "به گزارش خبرگزاری مهر، وزیر سخن گفت.",
        dct: "2022-01-01",
        want: &[],
    },
    Case {
        name: "trap arrow and avalanche",
        text: "تیر به هدف خورد و بهمن راه را بست و مه غلیظ بود.",
        dct: "2022-01-01",
        want: &[],
    },
    Case {
        name: "trap verb prefix",
        text: "او می‌رود و می‌گوید.",
        dct: "2022-01-01",
        want: &[],
    },
    Case {
        name: "trap glued digit",
        text: "شبکه روسیه۱ گزارش داد.",
        dct: "2022-01-01",
        want: &[],
    },
    Case {
        name: "trap counts",
        text: "۱۴۰۰ نفر و ۲۰ درصد و ۶ قطعه زمین.",
        dct: "2022-01-01",
        want: &[],
    },
    Case {
        name: "trap soldiers and resolution",
        text: "نشر 1500 جندي وفق قرار 2254 الدولي.",
        dct: "2022-01-01",
        want: &[],
    },
    Case {
        name: "trap article id",
        text: "کد خبر 5414189",
        dct: "2022-01-01",
        want: &[],
    },
    Case {
        name: "trap durations",
        text: "گفت‌وگو ۵۰ دقیقه طول کشید و منذ أكثر من عامين لم يلتقيا.",
        dct: "2022-01-01",
        want: &[],
    },
    Case {
        name: "trap zodiac words",
        text: "بیماری سرطان و میزان تورم و برج حمل.",
        dct: "2022-01-01",
        want: &[],
    },
];

fn run(case: &Case) -> Vec<Mention> {
    extract(
        case.text,
        &Options {
            dct: parse_dct(case.dct),
            lang: None,
            ..Default::default()
        },
    )
    .mentions
}

#[test]
fn table() {
    let mut failures = Vec::new();
    for case in CASES {
        let got: Vec<(String, String)> = run(case).into_iter().map(|m| (m.text, m.value)).collect();
        let want: Vec<(String, String)> = case.want.iter().map(|(t, v)| (t.to_string(), v.to_string())).collect();
        if got != want {
            failures.push(format!("{}: got {got:?}, want {want:?}", case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn spans_are_code_points_into_the_original() {
    for case in CASES {
        let chars: Vec<char> = case.text.chars().collect();
        for m in run(case) {
            assert_eq!(
                chars[m.start..m.end].iter().collect::<String>(),
                m.text,
                "{}",
                case.name
            );
        }
    }
}

#[test]
fn modifiers_grains_and_calendars() {
    let m = &extract(
        "گفت‌وگو اوایل ماه ژانویه سال آینده آغاز می‌شود.",
        &Options {
            dct: parse_dct("2021-12-20"),
            lang: None,
            ..Default::default()
        },
    )
    .mentions[0];
    assert_eq!((m.modifier, m.grain), (Some(Mod::Start), Grain::Month));
    let m = &extract(
        "طالبت بالعودة إلى ما قبل عام 1997.",
        &Options {
            dct: parse_dct("2022-01-24"),
            lang: None,
            ..Default::default()
        },
    )
    .mentions[0];
    assert_eq!((m.modifier, m.grain), (Some(Mod::Before), Grain::Year));
    let m = &extract(
        "از سال ۲۰۱۴ تاکنون",
        &Options {
            dct: parse_dct("2022-01-24"),
            lang: None,
            ..Default::default()
        },
    )
    .mentions[0];
    assert_eq!(m.modifier, Some(Mod::After));
    let m = &extract("۲۲ دی ماه ۱۴۰۰", &Options::default()).mentions[0];
    assert_eq!((m.calendar, m.lang), (tarikh::calendar::Calendar::Persian, Lang::Fa));
    assert_eq!(
        (m.first_day, m.last_day),
        (
            parse_dct("2022-01-12").map(|d| d.date()),
            parse_dct("2022-01-12").map(|d| d.date())
        )
    );
}

#[test]
fn side_by_side_pairs_lend_years_and_flag_conflicts() {
    let opts = Options {
        dct: parse_dct("2021-06-01"),
        lang: None,
        ..Default::default()
    };
    // The Solar Hijri half carries the year; the Gregorian half takes it, not the DCT's.
    let ms = extract("دیدار روز ۱۲ ماه ژانویه (۲۲ دی ماه ۱۴۰۰) انجام شد.", &opts).mentions;
    assert_eq!(ms.len(), 2);
    assert_eq!(
        (ms[0].value.as_str(), ms[0].pair, ms[1].pair),
        ("2022-01-12", Some(1), Some(0))
    );
    assert!(ms[0].conflict.is_none());
    // Disagreeing halves keep their own values and both carry the conflict.
    let ms = extract("دیدار ۱۳ ژانویه ۲۰۲۲ (۲۲ دی ماه ۱۴۰۰) انجام شد.", &opts).mentions;
    assert_eq!(ms[0].value, "2022-01-13");
    assert_eq!(ms[1].value, "2022-01-12");
    assert_eq!(
        ms[0].conflict,
        Some(["2022-01-13".to_string(), "2022-01-12".to_string()])
    );
    assert_eq!(ms[1].conflict, ms[0].conflict);
}

#[test]
fn a_dateline_is_the_dct_when_none_is_given() {
    let text = "۲۲ دی ۱۴۰۰، ۰۹:۳۰\nسخنگو امروز گفت که دیروز نامه رسید.";
    let ms = extract(text, &Options::default()).mentions;
    let values: Vec<&str> = ms.iter().map(|m| m.value.as_str()).collect();
    assert_eq!(values, ["2022-01-12T09:30", "2022-01-12", "2022-01-11"]);
}

#[test]
fn a_date_deep_in_a_sentence_is_not_a_dateline() {
    let text = "سخنگوی وزارت امور خارجه در نشست خبری هفتگی خود اعلام کرد که هیئت ایرانی جمعه ۱ بهمن ۱۴۰۰ به ژنو رفت و امروز بازگشت.";
    let ms = extract(text, &Options::default()).mentions;
    assert_eq!(
        ms.iter().map(|m| m.value.as_str()).collect::<Vec<_>>(),
        ["2022-01-21"],
        "امروز has no DCT to resolve against"
    );
    let text = "خبرگزاری آب‌نگار - ۴ بهمن ۱۴۰۰\nهیئت امروز بازگشت.";
    let values: Vec<String> = extract(text, &Options::default())
        .mentions
        .into_iter()
        .map(|m| m.value)
        .collect();
    assert_eq!(values, ["2022-01-24", "2022-01-24"]);
}

#[test]
fn relative_dates_need_a_dct() {
    assert!(
        extract("امروز و دیروز و روز یکشنبه", &Options::default())
            .mentions
            .is_empty()
    );
}

#[test]
fn parse_day_reads_and_validates() {
    use tarikh::calendar::{Calendar, Field};
    use tarikh::extract::ParseDayError;
    let d = |s| parse_dct(s).unwrap().date();
    assert_eq!(
        parse_day("۲۲ دی ۱۴۰۰", None, None).unwrap(),
        (d("2022-01-12"), Calendar::Persian)
    );
    assert_eq!(
        parse_day("24 كانون الثاني 2022", None, None).unwrap(),
        (d("2022-01-24"), Calendar::Gregorian)
    );
    assert_eq!(
        parse_day("21 جمادى الآخرة 1443 هـ", None, None).unwrap().0,
        d("2022-01-24")
    );
    assert_eq!(parse_day("2022-01-12", None, None).unwrap().0, d("2022-01-12"));
    assert_eq!(
        parse_day("1400/10/22", Some(Calendar::Persian), None).unwrap().0,
        d("2022-01-12")
    );
    match parse_day("30 اسفند 1400", None, None) {
        Err(ParseDayError::Invalid(e)) => {
            assert_eq!(e.field(), Field::Day);
            assert!(e.to_string().contains("29"), "{e}");
        }
        other => panic!("want an invalid-day error, got {other:?}"),
    }
    assert!(matches!(
        parse_day("دی ۱۴۰۰", None, None),
        Err(ParseDayError::Unreadable { .. })
    ));
    assert!(matches!(
        parse_day("hello", None, None),
        Err(ParseDayError::Unreadable { .. })
    ));
}

#[test]
fn huge_single_line_is_scanned_in_bounded_pieces() {
    let unit = "کلمه ".repeat(20_000);
    let text = format!("{unit}۲۲ دی ماه ۱۴۰۰ {unit}");
    let ms = extract(&text, &Options::default()).mentions;
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].value, "2022-01-12");
    assert_eq!(
        text.chars()
            .skip(ms[0].start)
            .take(ms[0].end - ms[0].start)
            .collect::<String>(),
        ms[0].text
    );
}

fn any_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "۲۲",
        "دی",
        "ماه",
        "۱۴۰۰",
        "12",
        "/",
        "-",
        ":",
        "(",
        ")",
        "يناير",
        "كانون",
        "الثاني",
        "و",
        "تا",
        "روز",
        "امروز",
        "اليوم",
        "\u{200c}",
        "\u{200f}",
        "\u{202b}",
        "\u{064e}",
        "\u{0640}",
        " ",
        "\n",
        "،",
        "هـ",
        "ه.ش",
        "سی",
        "ام",
        "الحادي",
        "عشر",
        "January",
        "9-10,",
        "2022",
        "last",
        "Friday",
        "منذ",
        "يومين",
        "ء",
        "9999999999",
        "0",
        "31",
        "e\u{301}",
        "😀",
    ]);
    prop_oneof![
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.join(" ")),
        prop::collection::vec(prop::sample::select(vec!["۲۲", "دی", "\u{200c}", "", "1", "/"]), 0..40)
            .prop_map(|v| v.concat()),
        any::<String>(),
        "[0-9۰-۹/ -]{0,60}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn never_panics_and_spans_match(text in any_text(), dct in prop::option::of(0i64..40_000)) {
        let dct = dct.and_then(|n| chrono::NaiveDate::from_ymd_opt(1950, 1, 1).unwrap().checked_add_days(chrono::Days::new(n as u64))).and_then(|d| d.and_hms_opt(0, 0, 0));
        let chars: Vec<char> = text.chars().collect();
        for m in extract(&text, &Options { dct, lang: None, ..Default::default() }).mentions {
            prop_assert!(m.start < m.end && m.end <= chars.len());
            prop_assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
            prop_assert!(m.first_day <= m.last_day);
        }
    }
}
