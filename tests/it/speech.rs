//! Table tests for everyday speech quoted in news: colloquial Egyptian,
//! Levantine and Gulf words for yesterday, tomorrow, the day before and
//! after, next and last; Persian `دیشب`, `فردا شب`, `پیرارسال`, `هفته دیگه`;
//! English `the day before yesterday`, `tonight`. A part of a day (`فردا شب`,
//! `صباح اليوم`) is its TIMEX3 time (`2022-01-13TNI`, read by
//! `parse/times.rs`). Every sentence was
//! written for tarikh; the document date is Wednesday 12 January 2022
//! (22 Dey 1400) unless a case says otherwise.

use super::offsets::{Case, run};

const FA: &[Case] = &[
    (
        "fa last night",
        "دیشب باران شدیدی بارید.",
        "2022-01-12",
        &[("دیشب", "2022-01-11TNI")],
    ),
    (
        "fa tonight",
        "امشب مسابقه فینال برگزار می‌شود.",
        "2022-01-12",
        &[("امشب", "2022-01-12TNI")],
    ),
    (
        "fa the night before last",
        "پریشب صدای انفجار را شنیدیم.",
        "2022-01-12",
        &[("پریشب", "2022-01-10TNI")],
    ),
    (
        "fa the day before yesterday",
        "پریروز به دیدن پدربزرگ رفتیم.",
        "2022-01-12",
        &[("پریروز", "2022-01-10")],
    ),
    (
        "fa the day after tomorrow",
        "پس‌فردا امتحان ریاضی داریم.",
        "2022-01-12",
        &[("پس‌فردا", "2022-01-14")],
    ),
    (
        "fa last year is Solar Hijri",
        "پارسال به کیش رفتیم.",
        "2022-01-12",
        &[("پارسال", "2020-03-20/2021-03-20")],
    ),
    (
        "fa the year before last",
        "پیرارسال خانه را خریدیم.",
        "2022-01-12",
        &[("پیرارسال", "2019-03-21/2020-03-19")],
    ),
    (
        "fa next week, colloquial",
        "هفته دیگه کلاس‌ها تعطیل است.",
        "2022-01-12",
        &[("هفته دیگه", "2022-W03")],
    ),
    (
        "fa next month, colloquial",
        "ماه دیگه حقوق‌ها زیاد می‌شود.",
        "2022-01-12",
        &[("ماه دیگه", "2022-01-21/2022-02-19")],
    ),
    (
        "fa next year",
        "سال دیگر انتخابات مجلس برگزار می‌شود.",
        "2022-01-12",
        &[("سال دیگر", "2022-03-21/2023-03-20")],
    ),
    (
        "fa last night, written",
        "شب گذشته زلزله‌ای در کرمان رخ داد.",
        "2022-01-12",
        &[("شب گذشته", "2022-01-11TNI")],
    ),
    (
        "fa yesterday afternoon",
        "دیروز عصر جلسه تمام شد.",
        "2022-01-12",
        &[("دیروز عصر", "2022-01-11TAF")],
    ),
    (
        "fa afternoon of yesterday",
        "عصر دیروز جلسه تمام شد.",
        "2022-01-12",
        &[("عصر دیروز", "2022-01-11TAF")],
    ),
    (
        "fa tomorrow night",
        "فردا شب کنسرت بزرگی برپاست.",
        "2022-01-12",
        &[("فردا شب", "2022-01-13TNI")],
    ),
    (
        "fa this morning",
        "امروز صبح وزیر به مجلس رفت.",
        "2022-01-12",
        &[("امروز صبح", "2022-01-12TMO")],
    ),
    ("fa no more is no date", "دیگه نمی‌خواهم آنجا بروم.", "2022-01-12", &[]),
    (
        "fa another day is no date",
        "روز دیگری را انتخاب کنید.",
        "2022-01-12",
        &[],
    ),
    ("fa nights alone are no date", "شب‌های تهران زیباست.", "2022-01-12", &[]),
];

const AR: &[Case] = &[
    (
        "ar Egyptian yesterday",
        "قال امبارح إنه لن يسافر.",
        "2022-01-12",
        &[("امبارح", "2022-01-11")],
    ),
    (
        "ar yesterday at night",
        "وصلنا إمبارح بالليل.",
        "2022-01-12",
        &[("إمبارح بالليل", "2022-01-11TNI")],
    ),
    (
        "ar Levantine yesterday",
        "شفته مبارح بالسوق.",
        "2022-01-12",
        &[("مبارح", "2022-01-11")],
    ),
    (
        "ar the day before yesterday",
        "أول امبارح كان فيه اجتماع.",
        "2022-01-12",
        &[("أول امبارح", "2022-01-10")],
    ),
    (
        "ar the day before yesterday, written",
        "أعلن الوزير أمس الأول عن الخطة.",
        "2022-01-12",
        &[("أمس الأول", "2022-01-10")],
    ),
    (
        "ar tomorrow with its weekday",
        "بكرة الخميس هنروح المدرسة.",
        "2022-01-12",
        &[("بكرة الخميس", "2022-01-13")],
    ),
    (
        "ar after tomorrow",
        "بعد بكرة فيه مباراة مهمة.",
        "2022-01-12",
        &[("بعد بكرة", "2022-01-14")],
    ),
    (
        "ar next week, Egyptian",
        "الأسبوع الجاي هنسافر.",
        "2022-01-12",
        &[("الأسبوع الجاي", "2022-W03")],
    ),
    (
        "ar next week, the one coming",
        "الأسبوع اللي جاي فيه عطلة.",
        "2022-01-12",
        &[("الأسبوع اللي جاي", "2022-W03")],
    ),
    (
        "ar last year, Egyptian",
        "السنة اللي فاتت كانت صعبة.",
        "2022-01-12",
        &[("السنة اللي فاتت", "2021")],
    ),
    (
        "ar last week, Egyptian",
        "الأسبوع اللي فات اتقابلنا.",
        "2022-01-12",
        &[("الأسبوع اللي فات", "2022-W01")],
    ),
    (
        "ar next month, Egyptian",
        "الشهر الجاي هيبدأ المشروع.",
        "2022-01-12",
        &[("الشهر الجاي", "2022-02")],
    ),
    (
        "ar next Friday, in the next week",
        "الجمعة الجاية هيكون فيه فرح.",
        "2022-01-12",
        &[("الجمعة الجاية", "2022-01-21")],
    ),
    (
        "ar last night",
        "وقع انفجار الليلة الماضية في الميناء.",
        "2022-01-12",
        &[("الليلة الماضية", "2022-01-11TNI")],
    ),
    (
        "ar the night of yesterday",
        "ليلة أمس هطلت أمطار غزيرة.",
        "2022-01-12",
        &[("ليلة أمس", "2022-01-11TNI")],
    ),
    (
        "ar this morning",
        "وقع الانفجار صباح اليوم.",
        "2022-01-12",
        &[("صباح اليوم", "2022-01-12TMO")],
    ),
    (
        "ar yesterday evening",
        "التقى الوزير مساء أمس بالسفير.",
        "2022-01-12",
        &[("مساء أمس", "2022-01-11TEV")],
    ),
    (
        "ar with a ball is no tomorrow",
        "سدد اللاعب بكرة قوية في المرمى.",
        "2022-01-12",
        &[],
    ),
    (
        "ar football is no tomorrow",
        "يهتم الشباب بكرة القدم.",
        "2022-01-12",
        &[],
    ),
    ("ar Iraqi tea is no next", "شربنا الجاي مع الأصدقاء.", "2022-01-12", &[]),
];

const EN: &[Case] = &[
    (
        "en the day before yesterday",
        "They met the day before yesterday.",
        "1998-05-10",
        &[("the day before yesterday", "1998-05-08")],
    ),
    (
        "en the day after tomorrow",
        "He arrives the day after tomorrow.",
        "1998-05-10",
        &[("the day after tomorrow", "1998-05-12")],
    ),
    (
        "en the day after tomorrow, capitalized",
        "The day after tomorrow, the vote begins.",
        "1998-05-10",
        &[("The day after tomorrow", "1998-05-12")],
    ),
    (
        "en the day before yesterday mid-sentence",
        "Police said the day before yesterday that the road was closed.",
        "1998-05-10",
        &[("the day before yesterday", "1998-05-08")],
    ),
    (
        "en tonight",
        "The show airs tonight.",
        "1998-05-10",
        &[("tonight", "1998-05-10")],
    ),
    (
        "en tonight first",
        "Tonight the city celebrates.",
        "1998-05-10",
        &[("Tonight", "1998-05-10")],
    ),
    (
        "en yesterday",
        "The minister resigned yesterday.",
        "1998-05-10",
        &[("yesterday", "1998-05-09")],
    ),
    (
        "en tomorrow",
        "The court rules tomorrow.",
        "1998-05-10",
        &[("tomorrow", "1998-05-11")],
    ),
    (
        "en today",
        "Talks resume today.",
        "1998-05-10",
        &[("today", "1998-05-10")],
    ),
    (
        "en the day before a date",
        "The vote was on May 4, 1998, and the rally the day before.",
        "1998-05-10",
        &[("May 4, 1998", "1998-05-04"), ("the day before", "1998-05-03")],
    ),
    (
        "en the day after a date",
        "The storm hit on May 2, 1998; rescuers arrived the day after.",
        "1998-05-10",
        &[("May 2, 1998", "1998-05-02"), ("the day after", "1998-05-03")],
    ),
    (
        "en the previous day",
        "Markets fell on May 6, 1998, after gains the previous day.",
        "1998-05-10",
        &[("May 6, 1998", "1998-05-06"), ("the previous day", "1998-05-05")],
    ),
    (
        "en the day after an event",
        "He left the day after the election.",
        "1998-05-10",
        &[],
    ),
    (
        "en the day before an event",
        "Prices rose the day before the holiday.",
        "1998-05-10",
        &[],
    ),
    (
        "en the next day with no date",
        "The next day, nobody came.",
        "1998-05-10",
        &[],
    ),
    (
        "en the following days are a span",
        "In the following days the rain stopped.",
        "1998-05-10",
        &[],
    ),
];

#[test]
fn persian_everyday_speech() {
    run(FA);
}

#[test]
fn arabic_everyday_speech() {
    run(AR);
}

#[test]
fn english_everyday_speech() {
    run(EN);
}
