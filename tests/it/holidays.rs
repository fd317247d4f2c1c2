//! Holidays and named days (`data/holidays.tsv`, `src/calendar/holidays.rs`,
//! `src/extract/parse/holidays.rs`): table tests with sentences written for
//! tarikh, then every Eid 1400–1450 AH against the Umm al-Qura month starts,
//! Western and Orthodox Easter 1990–2040 against a published list and a second
//! algorithm, and Nowruz against the official Iranian table.
//!
//! Expected days come from the calendar tables: lunar Hijri days from
//! `data/ummalqura_month_starts.csv` (the month's first day plus the day
//! number less one), Solar Hijri days from the official Nowruz of the year
//! (`tests/data/persian_leap_years_1206_1498.txt`) plus the day of the year.

use chrono::{Datelike, Days, NaiveDate};
use tarikh::calendar::holidays::{Rule, orthodox_easter, western_easter};
use tarikh::extract::{Mod, Options, extract, parse_dct};
use tarikh::lexicon::Lang;

type Case = (
    &'static str,
    Lang,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

const FA: &[Case] = &[
    (
        "fa eid al-fitr with a Solar Hijri year: the Eid that falls in 1402",
        Lang::Fa,
        "نماز عید فطر ۱۴۰۲ در مصلای شهر خوانده شد.",
        "2023-05-10",
        &[("عید فطر ۱۴۰۲", "2023-04-21")],
    ),
    (
        "fa nowruz with its year",
        Lang::Fa,
        "سفرهای نوروز ۱۴۰۱ از هر سال بیشتر بود.",
        "2022-04-20",
        &[("نوروز ۱۴۰۱", "2022-03-21")],
    ),
    (
        "fa eid nowruz alone: the nearest",
        Lang::Fa,
        "بازار کتاب در آستانه عید نوروز شلوغ است.",
        "2022-03-01",
        &[("عید نوروز", "2022-03-21")],
    ),
    (
        "fa the nowruz holidays are the first thirteen days of Farvardin",
        Lang::Fa,
        "جاده‌های شمال در ایام نوروز بسیار شلوغ بودند.",
        "2022-04-10",
        &[("ایام نوروز", "2022-03-21/2022-04-02")],
    ),
    (
        "fa yalda night is 30 Azar",
        Lang::Fa,
        "خانواده‌ها شب یلدا دور هم جمع می‌شوند.",
        "2021-12-01",
        &[("شب یلدا", "2021-12-21")],
    ),
    (
        "fa chaharshanbe suri: the Tuesday before the last Wednesday of 1400",
        Lang::Fa,
        "آتش‌نشانی برای چهارشنبه سوری آماده باش داده است.",
        "2022-03-05",
        &[("چهارشنبه سوری", "2022-03-15")],
    ),
    (
        "fa sizdah bedar with this year",
        Lang::Fa,
        "پارک‌ها در سیزده بدر امسال پر از مسافر بود.",
        "2022-04-05",
        &[("سیزده بدر امسال", "2022-04-02")],
    ),
    (
        "fa the fajr decade is 12 to 22 Bahman",
        Lang::Fa,
        "پروژه‌های زیادی در دهه فجر افتتاح شد.",
        "2022-02-15",
        &[("دهه فجر", "2022-02-01/2022-02-11")],
    ),
    (
        "fa ashura with its frame word",
        Lang::Fa,
        "دسته‌های عزاداری در روز عاشورا به خیابان آمدند.",
        "2021-08-25",
        &[("روز عاشورا", "2021-08-18")],
    ),
    (
        "fa eid qurban of last year",
        Lang::Fa,
        "قیمت دام در عید قربان سال گذشته بالا رفت.",
        "2022-09-01",
        &[("عید قربان سال گذشته", "2021-07-20")],
    ),
    (
        "fa the prophet's birthday in Persian usage is 17 Rabi al-Awwal",
        Lang::Fa,
        "جشن میلاد پیامبر اکرم در مساجد برگزار شد.",
        "2021-10-25",
        &[("میلاد پیامبر اکرم", "2021-10-23")],
    ),
    (
        "fa the nights of qadr are the 19th to 23rd of Ramadan",
        Lang::Fa,
        "مساجد در شب‌های قدر تا سحر باز می‌مانند.",
        "2022-04-15",
        &[("شب‌های قدر", "2022-04-20/2022-04-24")],
    ),
    (
        "fa quds day is the last Friday of Ramadan",
        Lang::Fa,
        "راهپیمایی روز قدس با حضور مردم برگزار خواهد شد.",
        "2022-04-20",
        &[("روز قدس", "2022-04-29")],
    ),
    (
        "fa the coming ghadir in a future-tense sentence",
        Lang::Fa,
        "جشن بزرگ عید غدیر در میدان اصلی برپا خواهد شد.",
        "2022-07-01",
        &[("عید غدیر", "2022-07-17")],
    ),
    (
        "fa ashura after tasua in a list",
        Lang::Fa,
        "مراسم تاسوعا و عاشورا در شهر برگزار شد.",
        "2021-08-10",
        &[("تاسوعا", "2021-08-17"), ("عاشورا", "2021-08-18")],
    ),
    (
        "fa christmas in Persian",
        Lang::Fa,
        "کلیساهای تهران برای کریسمس آماده می‌شوند.",
        "2021-12-20",
        &[("کریسمس", "2021-12-25")],
    ),
    (
        "fa the second day of eid fitr",
        Lang::Fa,
        "ادارات در روز دوم عید فطر تعطیل بودند.",
        "2022-05-10",
        &[("روز دوم عید فطر", "2022-05-03")],
    ),
    (
        "fa negative: a street named for a day",
        Lang::Fa,
        "مغازه‌ای در خیابان ۱۵ خرداد آتش گرفت.",
        "2022-05-10",
        &[],
    ),
    (
        "fa negative: eid alone is no date",
        Lang::Fa,
        "مردم برای خرید عید به بازار رفتند.",
        "2022-03-10",
        &[],
    ),
    (
        "fa negative: ashura as a name of a unit",
        Lang::Fa,
        "فرمانده سپاه عاشورا از تبریز سخن گفت.",
        "2022-03-10",
        &[],
    ),
    (
        "fa negative: arbaeen as forty, the historical event of ashura",
        Lang::Fa,
        "طرح اربعین خودسازی و درس‌های حادثه عاشورا موضوع همایش بود.",
        "2022-03-10",
        &[],
    ),
    (
        "fa negative: yalda as a person's name",
        Lang::Fa,
        "یلدا برنده مسابقه نقاشی شد.",
        "2022-03-10",
        &[],
    ),
];

const AR: &[Case] = &[
    (
        "ar eid al-fitr with a Hijri year",
        Lang::Ar,
        "أدى المصلون صلاة عيد الفطر 1444 في الحرم.",
        "2023-05-01",
        &[("عيد الفطر 1444", "2023-04-21")],
    ),
    (
        "ar eid al-adha of a Gregorian year with its era mark",
        Lang::Ar,
        "ارتفعت أسعار الأضاحي قبل عيد الأضحى لعام 2023 م في الأسواق.",
        "2023-01-10",
        &[("عيد الأضحى لعام 2023 م", "2023-06-28")],
    ),
    (
        "ar the first day of eid, the lexicon's ordinal phrase",
        Lang::Ar,
        "تزدحم الحدائق في أول أيام عيد الفطر المبارك.",
        "2015-07-10",
        &[("أول أيام عيد الفطر المبارك", "2015-07-17")],
    ),
    (
        "ar the third day of eid",
        Lang::Ar,
        "عادت المكاتب إلى العمل في ثالث أيام عيد الأضحى.",
        "2022-07-15",
        &[("ثالث أيام عيد الأضحى", "2022-07-11")],
    ),
    (
        "ar the eid holiday with a clitic",
        Lang::Ar,
        "احتفلت الأسر بعيد الأضحى المبارك في المتنزهات.",
        "2022-07-12",
        &[("بعيد الأضحى المبارك", "2022-07-09")],
    ),
    (
        "ar the day of arafah",
        Lang::Ar,
        "صعد الحجاج إلى الجبل يوم عرفة.",
        "2022-07-10",
        &[("يوم عرفة", "2022-07-08")],
    ),
    (
        "ar the coming eid al-adha",
        Lang::Ar,
        "تستعد المطارات لموسم عيد الأضحى المقبل بخطط جديدة.",
        "2023-05-01",
        &[("عيد الأضحى المقبل", "2023-06-28")],
    ),
    (
        "ar last eid al-fitr",
        Lang::Ar,
        "زاد الإنفاق في عيد الفطر الماضي بنسبة كبيرة.",
        "2023-05-20",
        &[("عيد الفطر الماضي", "2023-04-21")],
    ),
    (
        "ar ashura",
        Lang::Ar,
        "يصوم كثيرون يوم عاشوراء من كل عام.",
        "2021-08-10",
        &[("يوم عاشوراء", "2021-08-18")],
    ),
    (
        "ar the Prophet's birthday in Arabic usage is 12 Rabi al-Awwal",
        Lang::Ar,
        "أغلقت المدارس في المولد النبوي الشريف.",
        "2023-09-30",
        &[("المولد النبوي الشريف", "2023-09-27")],
    ),
    (
        "ar laylat al-qadr is the 27th of Ramadan",
        Lang::Ar,
        "امتلأ المسجد بالمصلين ليلة القدر.",
        "2022-04-30",
        &[("ليلة القدر", "2022-04-28")],
    ),
    (
        "ar the Hijri new year",
        Lang::Ar,
        "تبادل الناس التهاني برأس السنة الهجرية.",
        "2023-07-25",
        &[("برأس السنة الهجرية", "2023-07-19")],
    ),
    (
        "ar orthodox christmas",
        Lang::Ar,
        "احتفل الأقباط بعيد الميلاد المجيد لدى الأرثوذكس في الكاتدرائية.",
        "2023-01-08",
        &[("بعيد الميلاد المجيد لدى الأرثوذكس", "2023-01-07")],
    ),
    (
        "ar easter of a year",
        Lang::Ar,
        "توافد الزوار على الكنيسة في عيد الفصح 2019 بأعداد كبيرة.",
        "2019-01-05",
        &[("عيد الفصح 2019", "2019-04-21")],
    ),
    (
        "ar labour day",
        Lang::Ar,
        "خرج العمال في مسيرات بمناسبة عيد العمال.",
        "2022-05-03",
        &[("عيد العمال", "2022-05-01")],
    ),
    (
        "ar mother's day is 21 March",
        Lang::Ar,
        "اشترى الأبناء الهدايا بمناسبة عيد الأم.",
        "2022-03-15",
        &[("عيد الأم", "2022-03-21")],
    ),
    (
        "ar negative: a count after the name is no year",
        Lang::Ar,
        "وزعت الجمعية خلال عيد الفطر 1000 وجبة على الأسر.",
        "2015-07-25",
        &[("عيد الفطر", "2015-07-17")],
    ),
    (
        "ar negative: the birthday of a person",
        Lang::Ar,
        "احتفل اللاعب بعيد ميلاده مع زملائه.",
        "2022-05-03",
        &[],
    ),
    (
        "ar negative: the national day of another country",
        Lang::Ar,
        "بعث الملك برقية تهنئة لرئيس الدولة بمناسبة العيد الوطني لبلاده.",
        "2022-05-03",
        &[],
    ),
    (
        "ar negative: a verb that begins like a feast",
        Lang::Ar,
        "قال إن الاتفاق قد يعيد الأمور إلى نصابها.",
        "2022-05-03",
        &[],
    ),
];

const EN: &[Case] = &[
    (
        "en easter with a year",
        Lang::En,
        "Churches were full on Easter 2019, the bishop said.",
        "2019-05-01",
        &[("Easter 2019", "2019-04-21")],
    ),
    (
        "en orthodox easter with a year",
        Lang::En,
        "Pilgrims gathered in Jerusalem for Orthodox Easter 2022.",
        "2022-05-01",
        &[("Orthodox Easter 2022", "2022-04-24")],
    ),
    (
        "en good friday nearest the dct",
        Lang::En,
        "Markets stayed shut for Good Friday.",
        "2022-04-16",
        &[("Good Friday", "2022-04-15")],
    ),
    (
        "en orthodox christmas is 7 January",
        Lang::En,
        "Serbs celebrated Orthodox Christmas with bonfires.",
        "2023-01-08",
        &[("Orthodox Christmas", "2023-01-07")],
    ),
    (
        "en eid al-fitr with a Gregorian year",
        Lang::En,
        "Prayers for Eid al-Fitr 2023 drew large crowds.",
        "2023-05-01",
        &[("Eid al-Fitr 2023", "2023-04-21")],
    ),
    (
        "en eid al-fitr with a Hijri year",
        Lang::En,
        "The moon sighting committee announced the date of Eid al-Fitr 1444.",
        "2023-04-15",
        &[("Eid al-Fitr 1444", "2023-04-21")],
    ),
    (
        "en nowruz with a Solar Hijri year",
        Lang::En,
        "Tehran's markets were busy before Nowruz 1401 began.",
        "2022-03-10",
        &[("Nowruz 1401", "2022-03-21")],
    ),
    (
        "en eid al-adha in a future-tense sentence",
        Lang::En,
        "Pilgrims will mark Eid al-Adha in Mecca.",
        "2023-06-01",
        &[("Eid al-Adha", "2023-06-28")],
    ),
    (
        "en nowruz nearest the dct",
        Lang::En,
        "Families in Tehran prepared for Nowruz.",
        "2022-03-17",
        &[("Nowruz", "2022-03-21")],
    ),
    (
        "en last thanksgiving",
        Lang::En,
        "Sales fell sharply after last Thanksgiving.",
        "2022-02-01",
        &[("last Thanksgiving", "2021-11-25")],
    ),
    (
        "en next christmas",
        Lang::En,
        "The store hopes to reopen by next Christmas.",
        "2022-02-01",
        &[("next Christmas", "2022-12-25")],
    ),
    (
        "en martin luther king day is the third Monday of January",
        Lang::En,
        "Federal offices close on Martin Luther King Day.",
        "2022-01-10",
        &[("Martin Luther King Day", "2022-01-17")],
    ),
    (
        "en mother's day is the second Sunday of May",
        Lang::En,
        "Florists expect a rush before Mother's Day.",
        "2022-05-02",
        &[("Mother's Day", "2022-05-08")],
    ),
    (
        "en election day is the Tuesday after the first Monday of November",
        Lang::En,
        "Polls open early on Election Day.",
        "2022-10-30",
        &[("Election Day", "2022-11-08")],
    ),
    (
        "en ash wednesday is 46 days before Easter",
        Lang::En,
        "Lent begins on Ash Wednesday.",
        "2022-02-25",
        &[("Ash Wednesday", "2022-03-02")],
    ),
    (
        "en the week of easter is its ISO week",
        Lang::En,
        "Traffic peaked during Easter week.",
        "2000-04-17",
        &[("Easter week", "2000-W16")],
    ),
    (
        "en world aids day",
        Lang::En,
        "Clinics offered free tests on World AIDS Day.",
        "2021-11-28",
        &[("World AIDS Day", "2021-12-01")],
    ),
    (
        "en quds day is the last Friday of Ramadan",
        Lang::En,
        "Rallies were held across Iran on Quds Day.",
        "2022-05-01",
        &[("Quds Day", "2022-04-29")],
    ),
    (
        "en negative: an island, not the feast",
        Lang::En,
        "Tourists flew to Easter Island to see the statues.",
        "2022-05-01",
        &[],
    ),
    (
        "en negative: a lower-case word is no holiday name",
        Lang::En,
        "The ashura of the poem is not a day.",
        "2022-05-01",
        &[],
    ),
    (
        "en negative: a carol title",
        Lang::En,
        "The theatre staged Christmas Carol again.",
        "2022-05-01",
        &[],
    ),
];

/// Runs a table language by language (each case names its own).
fn run(cases: &[Case]) {
    for lang in [Lang::Fa, Lang::Ar, Lang::En] {
        let of_lang: Vec<super::table::Case> = cases
            .iter()
            .filter(|c| c.1 == lang)
            .map(|&(name, _, text, dct, want)| (name, text, dct, want))
            .collect();
        super::table::check_values("holidays", Some(lang), &of_lang);
    }
}

#[test]
fn persian_holidays() {
    assert!(FA.len() >= 15);
    run(FA);
}

#[test]
fn arabic_holidays() {
    assert!(AR.len() >= 15);
    run(AR);
}

#[test]
fn english_holidays() {
    assert!(EN.len() >= 15);
    run(EN);
}

fn one(text: &str, dct: &str, lang: Lang) -> tarikh::extract::Mention {
    let mut m = extract(
        text,
        &Options {
            dct: parse_dct(dct),
            lang: Some(lang),
            ..Default::default()
        },
    )
    .mentions;
    assert_eq!(m.len(), 1, "{text}: {m:?}");
    m.remove(0)
}

#[test]
fn lunar_holidays_in_persian_text_are_approximate() {
    // Iran's official lunar calendar follows sighting: a day off Umm al-Qura is possible.
    let m = one("عید قربان امسال در تهران برگزار شد.", "2021-08-01", Lang::Fa);
    assert_eq!((m.value.as_str(), m.modifier), ("2021-07-20", Some(Mod::Approx)));
    // a solar holiday in the same language is exact, and so is the same feast in Arabic
    let m = one("عید نوروز امسال بارانی بود.", "2021-04-01", Lang::Fa);
    assert_eq!(m.modifier, None);
    let m = one("صلى الناس عيد الأضحى في المصليات.", "2021-07-25", Lang::Ar);
    assert_eq!((m.value.as_str(), m.modifier), ("2021-07-20", None));
}

#[test]
fn a_national_day_without_its_country_is_no_holiday() {
    // `اليوم الوطني` is every country's: only `اليوم الوطني السعودي` is a day of the table
    let m = extract(
        "هنأ الملك رئيس الدولة بذكرى اليوم الوطني لبلاده.",
        &Options {
            dct: parse_dct("2022-05-03"),
            lang: Some(Lang::Ar),
            ..Default::default()
        },
    )
    .mentions;
    assert!(m.iter().all(|m| !m.text.contains("الوطني")), "{m:?}");
    let m = one("تزينت الشوارع احتفالا باليوم الوطني السعودي.", "2022-09-01", Lang::Ar);
    assert_eq!(m.value, "2022-09-23");
}

#[test]
fn holiday_mentions_name_their_calendar_and_grain() {
    use tarikh::calendar::Calendar;
    use tarikh::extract::Grain;
    let m = one("ایام نوروز تمام شد.", "2022-04-05", Lang::Fa);
    assert_eq!((m.calendar, m.grain), (Calendar::Persian, Grain::Interval));
    let m = one("عيد الفطر 1444 كان مشمسا", "2023-01-01", Lang::Ar);
    assert_eq!((m.calendar, m.grain), (Calendar::Hijri, Grain::Day));
    assert_eq!(m.first_day, NaiveDate::from_ymd_opt(2023, 4, 21));
}

/// The Umm al-Qura month starts as kept in the repository (sources in `data/ummalqura.md`).
const UMM_AL_QURA: &str = include_str!("../../data/ummalqura_month_starts.csv");

/// The first day of `month` of `year` in the published Umm al-Qura table.
fn month_start(table: &str, year: i32, month: u8) -> NaiveDate {
    table
        .lines()
        .filter(|l| !l.starts_with('#'))
        .find_map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f.len() == 4 && f[0] == year.to_string() && f[1] == month.to_string())
                .then(|| NaiveDate::parse_from_str(f[2], "%Y-%m-%d").expect("date"))
        })
        .unwrap_or_else(|| panic!("{year}-{month} in the table"))
}

fn check_eids(table: &str) {
    for y in 1400..=1450 {
        let fitr = month_start(table, y, 10);
        let adha = month_start(table, y, 12) + Days::new(9);
        let m = one(&format!("صلاة عيد الفطر {y} هـ في المسجد"), "2000-01-01", Lang::Ar);
        assert_eq!(m.first_day, Some(fitr), "Eid al-Fitr {y}");
        let m = one(&format!("صلاة عيد الأضحى لعام {y} هـ في المسجد"), "2000-01-01", Lang::Ar);
        assert_eq!(m.first_day, Some(adha), "Eid al-Adha {y}");
        let rule: Rule = "hijri 12 10".parse().expect("rule");
        assert_eq!(rule.in_year(y), Some((adha, adha)), "rule for Eid al-Adha {y}");
    }
}

#[test]
fn every_eid_1400_to_1450_against_the_umm_al_qura_table() {
    check_eids(UMM_AL_QURA);
}

#[test]
fn every_eid_1400_to_1450_against_the_shared_umm_al_qura_record() {
    // `../shared/calendars/` holds the published record as the project received it.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/calendars/ummalqura_month_starts.csv"
    );
    let Ok(table) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} not present");
        return;
    };
    check_eids(&table);
}

/// A month and a day.
type MonthDay = (u32, u32);

/// Western and Orthodox Easter Sunday 1990–2040 (month, day), as published by
/// python-dateutil 2.9.0's `dateutil.easter.easter(year, EASTER_WESTERN)` and
/// `easter(year, EASTER_ORTHODOX)` (after Claus Tøndering's Calendar FAQ); the
/// Orthodox dates are Gregorian days.
const EASTER: &[(i32, MonthDay, MonthDay)] = &[
    (1990, (4, 15), (4, 15)),
    (1991, (3, 31), (4, 7)),
    (1992, (4, 19), (4, 26)),
    (1993, (4, 11), (4, 18)),
    (1994, (4, 3), (5, 1)),
    (1995, (4, 16), (4, 23)),
    (1996, (4, 7), (4, 14)),
    (1997, (3, 30), (4, 27)),
    (1998, (4, 12), (4, 19)),
    (1999, (4, 4), (4, 11)),
    (2000, (4, 23), (4, 30)),
    (2001, (4, 15), (4, 15)),
    (2002, (3, 31), (5, 5)),
    (2003, (4, 20), (4, 27)),
    (2004, (4, 11), (4, 11)),
    (2005, (3, 27), (5, 1)),
    (2006, (4, 16), (4, 23)),
    (2007, (4, 8), (4, 8)),
    (2008, (3, 23), (4, 27)),
    (2009, (4, 12), (4, 19)),
    (2010, (4, 4), (4, 4)),
    (2011, (4, 24), (4, 24)),
    (2012, (4, 8), (4, 15)),
    (2013, (3, 31), (5, 5)),
    (2014, (4, 20), (4, 20)),
    (2015, (4, 5), (4, 12)),
    (2016, (3, 27), (5, 1)),
    (2017, (4, 16), (4, 16)),
    (2018, (4, 1), (4, 8)),
    (2019, (4, 21), (4, 28)),
    (2020, (4, 12), (4, 19)),
    (2021, (4, 4), (5, 2)),
    (2022, (4, 17), (4, 24)),
    (2023, (4, 9), (4, 16)),
    (2024, (3, 31), (5, 5)),
    (2025, (4, 20), (4, 20)),
    (2026, (4, 5), (4, 12)),
    (2027, (3, 28), (5, 2)),
    (2028, (4, 16), (4, 16)),
    (2029, (4, 1), (4, 8)),
    (2030, (4, 21), (4, 28)),
    (2031, (4, 13), (4, 13)),
    (2032, (3, 28), (5, 2)),
    (2033, (4, 17), (4, 24)),
    (2034, (4, 9), (4, 9)),
    (2035, (3, 25), (4, 29)),
    (2036, (4, 13), (4, 20)),
    (2037, (4, 5), (4, 5)),
    (2038, (4, 25), (4, 25)),
    (2039, (4, 10), (4, 17)),
    (2040, (4, 1), (5, 6)),
];

/// Gauss's Easter formula (1816, with the corrections for the Gregorian
/// century terms `M` and `N` and the two exceptions of 26 and 25 April): a
/// second, independent algorithm beside the library's anonymous Gregorian one.
fn gauss_western(y: i32) -> NaiveDate {
    let a = y % 19;
    let b = y % 4;
    let c = y % 7;
    let k = y / 100;
    let p = (13 + 8 * k) / 25;
    let q = k / 4;
    let m = (15 - p + k - q) % 30;
    let n = (4 + k - q) % 7;
    let d = (19 * a + m) % 30;
    let e = (2 * b + 4 * c + 6 * d + n) % 7;
    let mut day = 22 + d + e; // a day of March, or of April past 31
    if d == 29 && e == 6 {
        day = 50; // 19 April
    } else if d == 28 && e == 6 && (11 * m + 11) % 30 < 19 {
        day = 49; // 18 April
    }
    let march = NaiveDate::from_ymd_opt(y, 3, 1).expect("March");
    march + Days::new((day - 1) as u64)
}

/// Gauss's formula for the Julian calendar (`M` = 15, `N` = 6), as a Julian
/// day, then 13 days later: the Gregorian day for 1900–2099.
fn gauss_orthodox(y: i32) -> NaiveDate {
    let (a, b, c) = (y % 19, y % 4, y % 7);
    let d = (19 * a + 15) % 30;
    let e = (2 * b + 4 * c + 6 * d + 6) % 7;
    let march = NaiveDate::from_ymd_opt(y, 3, 1).expect("March");
    march + Days::new((22 + d + e - 1 + 13) as u64)
}

#[test]
fn easter_1990_to_2040_against_a_published_list_and_gauss() {
    assert_eq!(EASTER.len(), 51);
    for &(y, (wm, wd), (om, od)) in EASTER {
        let w = NaiveDate::from_ymd_opt(y, wm, wd).expect("day");
        let o = NaiveDate::from_ymd_opt(y, om, od).expect("day");
        assert_eq!(western_easter(y), Some(w), "Western Easter {y}");
        assert_eq!(orthodox_easter(y), Some(o), "Orthodox Easter {y}");
        assert_eq!(gauss_western(y), w, "Gauss, Western {y}");
        assert_eq!(gauss_orthodox(y), o, "Gauss, Orthodox {y}");
        assert_eq!(w.weekday(), chrono::Weekday::Sun);
        let m = one(
            &format!("Crowds gathered for Easter {y} in Rome."),
            "2000-01-01",
            Lang::En,
        );
        assert_eq!(m.first_day, Some(w), "extracted Easter {y}");
        let m = one(
            &format!("Crowds gathered for Orthodox Easter {y} in Athens."),
            "2000-01-01",
            Lang::En,
        );
        assert_eq!(m.first_day, Some(o), "extracted Orthodox Easter {y}");
        let m = one(
            &format!("The shops closed on Good Friday {y} at noon."),
            "2000-01-01",
            Lang::En,
        );
        assert_eq!(m.first_day, Some(w - Days::new(2)), "Good Friday {y}");
    }
}

/// The University of Tehran Calendar Center table: `year[*] nowruz`.
const PERSIAN_TABLE: &str = include_str!("../data/persian_leap_years_1206_1498.txt");

#[test]
fn nowruz_1370_to_1420_against_the_official_table() {
    let mut checked = 0;
    for line in PERSIAN_TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (y, day) = line.split_once(' ').expect("year and day");
        let y: i32 = y.trim_end_matches('*').parse().expect("year");
        if !(1370..=1420).contains(&y) {
            continue;
        }
        let nowruz = NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d").expect("day");
        let m = one(
            &format!("جشن‌های نوروز {y} در همه شهرها برگزار شد."),
            "2000-01-01",
            Lang::Fa,
        );
        assert_eq!(m.first_day, Some(nowruz), "Nowruz {y}");
        // Sizdah Bedar is twelve days later, Yalda the 276th day of the year
        let m = one(&format!("پارک‌ها در سیزده بدر {y} شلوغ بود."), "2000-01-01", Lang::Fa);
        assert_eq!(m.first_day, Some(nowruz + Days::new(12)), "Sizdah Bedar {y}");
        let m = one(&format!("مردم شب یلدا {y} را جشن گرفتند."), "2000-01-01", Lang::Fa);
        assert_eq!(m.first_day, Some(nowruz + Days::new(275)), "Yalda {y}");
        checked += 1;
    }
    assert_eq!(checked, 51);
}
