//! Table tests for counted offsets (`src/extract/parse/offsets.rs`):
//! `(name, text, dct, expected (span, value) pairs)`, in Persian, Arabic and
//! English, negatives included. Every sentence was written for tarikh. Days
//! and weeks count to a day, months to a month and years to a year, in the
//! calendar the text counts in (Solar Hijri in Persian: Dey 1400 runs from
//! 2021-12-22 to 2022-01-20, the year 1400 from 2021-03-21 to 2022-03-20).

use tarikh::extract::{Options, extract, parse_dct};

pub(crate) use super::table::Case;

const FA: &[Case] = &[
    (
        "fa days ago in words",
        "پنج روز پیش به تهران رسید.",
        "2022-01-12",
        &[("پنج روز پیش", "2022-01-07")],
    ),
    (
        "fa days ago in digits",
        "۱۵ روز پیش قرارداد امضا شد.",
        "2022-01-12",
        &[("۱۵ روز پیش", "2021-12-28")],
    ),
    (
        "fa ten days before",
        "ده روز قبل پرونده بسته شد.",
        "2022-01-12",
        &[("ده روز قبل", "2022-01-02")],
    ),
    (
        "fa a week ago is a day",
        "یک هفته پیش جلسه‌ای برگزار کردیم.",
        "2022-01-12",
        &[("یک هفته پیش", "2022-01-05")],
    ),
    (
        "fa weeks ahead",
        "دو هفته دیگر نتایج اعلام می‌شود.",
        "2022-01-12",
        &[("دو هفته دیگر", "2022-01-26")],
    ),
    (
        "fa months ahead are a Solar Hijri month",
        "دو ماه دیگر انتخابات برگزار می‌شود.",
        "2022-01-12",
        &[("دو ماه دیگر", "2022-02-20/2022-03-20")],
    ),
    (
        "fa months ago",
        "سه ماه پیش به سمت معاونت منصوب شده بود.",
        "2022-01-12",
        &[("سه ماه پیش", "2021-09-23/2021-10-22")],
    ),
    (
        "fa colloquial one month more",
        "یه ماه دیگه برمی‌گردم.",
        "2022-01-12",
        &[("یه ماه دیگه", "2022-01-21/2022-02-19")],
    ),
    (
        "fa years before in Persian digits",
        "۳ سال قبل ازدواج کرد.",
        "2022-01-12",
        &[("۳ سال قبل", "2018-03-21/2019-03-20")],
    ),
    (
        "fa tens composed",
        "بیست و پنج سال پیش این کارخانه تاسیس شد.",
        "2022-01-12",
        &[("بیست و پنج سال پیش", "1996-03-20/1997-03-20")],
    ),
    (
        "fa four years ago",
        "چهار سال پیش به آلمان مهاجرت کرد.",
        "2022-01-12",
        &[("چهار سال پیش", "2017-03-21/2018-03-20")],
    ),
    (
        "fa weeks later from the date before",
        "روز ۵ دی ۱۴۰۰ به مشهد رفت و دو هفته بعد بازگشت.",
        "2022-01-12",
        &[("روز ۵ دی ۱۴۰۰", "2021-12-26"), ("دو هفته بعد", "2022-01-09")],
    ),
    (
        "fa the day after",
        "در ۱۰ دی ماه به کرج رفتیم و روز بعد برگشتیم.",
        "2022-01-12",
        &[("۱۰ دی ماه", "2021-12-31"), ("روز بعد", "2022-01-01")],
    ),
    (
        "fa days later in a future sentence",
        "نتیجه سه روز بعد اعلام خواهد شد.",
        "2022-01-12",
        &[("سه روز بعد", "2022-01-15")],
    ),
    (
        "fa days before an event is no date",
        "دو روز قبل از انتخابات مناظره برگزار شد.",
        "2022-01-12",
        &[],
    ),
    (
        "fa days after an event is no date",
        "سه روز بعد از حادثه جاده باز شد.",
        "2022-01-12",
        &[],
    ),
    (
        "fa other is not next",
        "دیگر هیچ ماهی در این رود نیست.",
        "2022-01-12",
        &[],
    ),
    (
        "fa the coming two years is a span",
        "در دو سال آینده سه سد ساخته می‌شود.",
        "2022-01-12",
        &[],
    ),
    (
        "fa later in a narrative without a date",
        "سه روز بعد او را دیدم.",
        "2022-01-12",
        &[],
    ),
];

const AR: &[Case] = &[
    (
        "ar days ago",
        "قتل ثلاثة جنود قبل أربعة أيام في كمين.",
        "2022-01-12",
        &[("قبل أربعة أيام", "2022-01-08")],
    ),
    (
        "ar days ago in digits",
        "وصل اللاعب إلى الرياض قبل 15 يوما.",
        "2022-01-12",
        &[("قبل 15 يوما", "2021-12-28")],
    ),
    (
        "ar months ago in Arabic-Indic digits",
        "افتتح الجسر قبل ٣ أشهر.",
        "2022-01-12",
        &[("قبل ٣ أشهر", "2021-10")],
    ),
    (
        "ar dual months",
        "غادر السفير البلاد منذ شهرين.",
        "2022-01-12",
        &[("منذ شهرين", "2021-11")],
    ),
    (
        "ar dual weeks",
        "أغلق المصنع منذ أسبوعين.",
        "2022-01-12",
        &[("منذ أسبوعين", "2021-12-29")],
    ),
    (
        "ar dual years",
        "انتخب رئيسا للنادي قبل عامين.",
        "2022-01-12",
        &[("قبل عامين", "2020")],
    ),
    (
        "ar a year ago",
        "زار الوزير المدينة قبل عام.",
        "2022-01-12",
        &[("قبل عام", "2021")],
    ),
    (
        "ar teens composed",
        "سجن منذ خمسة عشر عاما.",
        "2022-01-12",
        &[("منذ خمسة عشر عاما", "2007")],
    ),
    (
        "ar tens composed",
        "توفي قبل خمسة وعشرين عاما.",
        "2022-01-12",
        &[("قبل خمسة وعشرين عاما", "1997")],
    ),
    (
        "ar weeks ahead in a future sentence",
        "سوف يبدأ الموسم بعد ثلاثة أسابيع.",
        "2022-01-12",
        &[("بعد ثلاثة أسابيع", "2022-02-02")],
    ),
    (
        "ar days later from the date before",
        "وصل الوفد يوم 3 مارس 2021 وغادر بعد يومين.",
        "2022-01-12",
        &[("يوم 3 مارس 2021", "2021-03-03"), ("بعد يومين", "2021-03-05")],
    ),
    (
        "ar a year later from the year before",
        "أسس المصنع في 2008 وبعد عام افتتح فرعا ثانيا.",
        "2022-01-12",
        &[("2008", "2008"), ("وبعد عام", "2009")],
    ),
    (
        "ar the following day",
        "التقى الوزيران في 5 مايو 2021، وفي اليوم التالي وقعا الاتفاق.",
        "2022-01-12",
        &[("5 مايو 2021", "2021-05-05"), ("اليوم التالي", "2021-05-06")],
    ),
    (
        "ar the day before",
        "أعلن الاتفاق في 10 يونيو 2020 بعد مفاوضات جرت في اليوم السابق.",
        "2022-01-12",
        &[("10 يونيو 2020", "2020-06-10"), ("اليوم السابق", "2020-06-09")],
    ),
    (
        "ar the next five days",
        "يتوقع هطول الأمطار خلال الأيام الخمسة المقبلة.",
        "2022-01-12",
        &[("خلال الأيام الخمسة المقبلة", "2022-01-13/2022-01-17")],
    ),
    (
        "ar the last three months",
        "تراجعت الأسعار خلال الأشهر الثلاثة الماضية.",
        "2022-01-12",
        &[("خلال الأشهر الثلاثة الماضية", "2021-10-01/2021-12-31")],
    ),
    (
        "ar days before an event is no date",
        "قبل ثلاثة أيام من الانتخابات أعلن الحزب برنامجه.",
        "2022-01-12",
        &[],
    ),
    (
        "ar after days from an arrival",
        "غادر بعد يومين من وصوله.",
        "2022-01-12",
        &[],
    ),
    ("ar year after year", "عاما بعد عام تتحسن النتائج.", "2022-01-12", &[]),
    (
        "ar the following day with no date before",
        "وفي اليوم التالي عاد إلى منزله.",
        "2022-01-12",
        &[],
    ),
    (
        "ar since the first week",
        "تصدر الفريق الترتيب منذ الأسبوع الأول.",
        "2022-01-12",
        &[],
    ),
    (
        "ar a count without a unit",
        "لم يغادر بعد ثلاثة من اللاعبين.",
        "2022-01-12",
        &[],
    ),
    (
        "ar before the month of Ramadan is Ramadan",
        "قبل شهر رمضان تزداد الأسعار.",
        "2022-01-12",
        &[("قبل شهر رمضان", "2022-04-02/2022-05-01")],
    ),
    (
        "ar not yet is no offset",
        "لم نكمل بعد شهرا في المنصب.",
        "2022-01-12",
        &[],
    ),
    (
        "ar years counted from an event tied by من",
        "رفعت العقوبات الشهر الماضي، وذلك بعد 30 عاما من فرضها.",
        "2022-01-12",
        &[("الشهر الماضي", "2021-12")],
    ),
    (
        "ar after years from a relative date is no date",
        "رفعت العقوبات الشهر الماضي بعد 30 عاما.",
        "2022-01-12",
        &[("الشهر الماضي", "2021-12")],
    ),
    (
        "ar years after a written year",
        "وفي عام 1990 وعدت الحكومة بالانتخابات بعد خمس سنوات.",
        "2022-01-12",
        &[("عام 1990", "1990"), ("بعد خمس سنوات", "1995")],
    ),
];

const EN: &[Case] = &[
    (
        "en years ago",
        "The company was founded six years ago.",
        "1998-05-10",
        &[("six years ago", "1992")],
    ),
    (
        "en days ago in digits",
        "The plant closed 10 days ago.",
        "1998-05-10",
        &[("10 days ago", "1998-04-30")],
    ),
    (
        "en weeks ago is a day",
        "He resigned two weeks ago.",
        "1998-05-10",
        &[("two weeks ago", "1998-04-26")],
    ),
    (
        "en a month ago",
        "The strike ended a month ago.",
        "1998-05-10",
        &[("a month ago", "1998-04")],
    ),
    (
        "en decades ago",
        "The mine shut three decades ago.",
        "1998-05-10",
        &[("three decades ago", "1968")],
    ),
    (
        "en in months, future",
        "The rules will take effect in two months.",
        "1998-05-10",
        &[("two months", "1998-07")],
    ),
    (
        "en in weeks, future",
        "The bridge will reopen in three weeks.",
        "1998-05-10",
        &[("three weeks", "1998-05-31")],
    ),
    (
        "en years from now",
        "The treaty expires five years from now.",
        "1998-05-10",
        &[("five years from now", "2003")],
    ),
    (
        "en days later",
        "The talks opened on March 3, 1998. Two days later the delegates left.",
        "1998-05-10",
        &[("March 3, 1998", "1998-03-03"), ("Two days later", "1998-03-05")],
    ),
    (
        "en a week later",
        "The ceasefire began on April 2, 1998. A week later it collapsed.",
        "1998-05-10",
        &[("April 2, 1998", "1998-04-02"), ("A week later", "1998-04-09")],
    ),
    (
        "en years later after a year",
        "She was elected in 1990 and retired three years later.",
        "1998-05-10",
        &[("1990", "1990"), ("three years later", "1993")],
    ),
    (
        "en the next day",
        "They met on May 1, 1998. The next day they signed.",
        "1998-05-10",
        &[("May 1, 1998", "1998-05-01"), ("The next day", "1998-05-02")],
    ),
    (
        "en the following year",
        "The vote was held on June 4, 1997; the following year the party split.",
        "1998-05-10",
        &[("June 4, 1997", "1997-06-04"), ("the following year", "1998")],
    ),
    (
        "en days earlier",
        "The plane landed on April 20, 1998. Three days earlier it had left Lima.",
        "1998-05-10",
        &[("April 20, 1998", "1998-04-20"), ("Three days earlier", "1998-04-17")],
    ),
    (
        "en the highest in years is a span",
        "It was the highest level in two years.",
        "1998-05-10",
        &[],
    ),
    (
        "en later with no date before",
        "Two days later, nothing had changed.",
        "1998-05-10",
        &[],
    ),
    (
        "en a duration is no date",
        "He spent two years in prison.",
        "1998-05-10",
        &[],
    ),
    (
        "en days after an event",
        "Two days after the vote the minister quit.",
        "1998-05-10",
        &[],
    ),
];

/// Runs a table: every case's mentions, as (text, value), must be exactly the expected ones.
pub(crate) fn run(cases: &[Case]) {
    super::table::check_values("offsets", None, cases);
}

#[test]
fn persian_counted_offsets() {
    run(FA);
}

#[test]
fn arabic_counted_offsets() {
    run(AR);
}

#[test]
fn english_counted_offsets() {
    run(EN);
}

#[test]
fn an_offset_from_the_text_says_so() {
    let m = extract(
        "They met on May 1, 1998. Two days later they signed.",
        &Options {
            dct: parse_dct("1998-05-10"),
            lang: None,
            ..Default::default()
        },
    )
    .mentions;
    assert_eq!(m.len(), 2);
    assert_eq!(m[1].anchor, Some(tarikh::extract::Anchor::Relative));
    let m = extract(
        "The plant closed 10 days ago.",
        &Options {
            dct: parse_dct("1998-05-10"),
            lang: None,
            ..Default::default()
        },
    )
    .mentions;
    assert_eq!(m[0].anchor, Some(tarikh::extract::Anchor::Dct));
}
