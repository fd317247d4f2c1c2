//! Every TIMEX3 type in every language: durations, recurrences, times of day
//! and references, read with `Types::All`; and the chronology that places
//! none of the durations and recurrences. Sentences written for these tests.

use tarikh::extract::{Mention, Options, TimexType, Types, extract, parse_dct};
use tarikh::lexicon::Lang;

/// `(name, text, dct, value, type)`: some mention has that value and type.
/// A negative case has value `"-"`: no mention of that type at all.
type Case = (&'static str, &'static str, &'static str, &'static str, &'static str);

fn mentions(text: &str, dct: &str, types: Types) -> Vec<Mention> {
    mentions_in(text, dct, types, None)
}

/// The mentions of `text` in language `lang` (None: detected), against `dct`.
fn mentions_in(text: &str, dct: &str, types: Types, lang: Option<Lang>) -> Vec<Mention> {
    let dct = parse_dct(dct);
    assert!(dct.is_some(), "bad dct in a case");
    extract(text, &Options { dct, lang, types }).mentions
}

fn type_name(t: TimexType) -> &'static str {
    match t {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for &(name, text, dct, value, typ) in cases {
        // the case's language is its name's first word (a short Persian sentence
        // may have no letter only Persian uses)
        let lang = name.split(' ').next().and_then(Lang::parse);
        let got = mentions_in(text, dct, Types::All, lang);
        let ok = if value == "-" {
            !got.iter().any(|m| type_name(m.timex) == typ)
        } else {
            got.iter().any(|m| m.value == value && type_name(m.timex) == typ)
        };
        if !ok {
            let seen: Vec<(String, String, &str)> = got
                .iter()
                .map(|m| (m.text.clone(), m.value.clone(), type_name(m.timex)))
                .collect();
            failures.push(format!("{name}: want {value} {typ}, got {seen:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

const EN_DURATION: &[Case] = &[
    (
        "en three years",
        "The strike lasted three years.",
        "2022-01-12",
        "P3Y",
        "DURATION",
    ),
    (
        "en the past 24 hours is a day",
        "Rescuers worked through the past 24 hours.",
        "2022-01-12",
        "P1D",
        "DURATION",
    ),
    (
        "en a couple of years",
        "She stayed there for a couple of years.",
        "2022-01-12",
        "P2Y",
        "DURATION",
    ),
    (
        "en hyphenated adjective",
        "The company signed a two-year contract.",
        "2022-01-12",
        "P2Y",
        "DURATION",
    ),
    (
        "en the first nine months",
        "Output fell in the first nine months.",
        "2022-01-12",
        "P9M",
        "DURATION",
    ),
    (
        "en more than four hours",
        "The hearing ran for more than four hours.",
        "2022-01-12",
        "PT4H",
        "DURATION",
    ),
    (
        "en nearly forty years",
        "It took nearly forty years to finish the bridge.",
        "2022-01-12",
        "P40Y",
        "DURATION",
    ),
    (
        "en within 18 months",
        "A vote is expected within 18 months.",
        "2022-01-12",
        "P18M",
        "DURATION",
    ),
    (
        "en the last two weeks",
        "Prices held steady over the last two weeks.",
        "2022-01-12",
        "P2W",
        "DURATION",
    ),
    (
        "en a half",
        "The flight took 5 1/2 hours.",
        "2022-01-12",
        "PT5H30M",
        "DURATION",
    ),
    (
        "en several days",
        "The ceasefire held for several days.",
        "2022-01-12",
        "PXD",
        "DURATION",
    ),
    (
        "en coming weeks",
        "Talks will resume in the coming weeks.",
        "2022-01-12",
        "PXW",
        "DURATION",
    ),
    (
        "en minutes",
        "He waited ten minutes at the door.",
        "2022-01-12",
        "PT10M",
        "DURATION",
    ),
    (
        "en decades",
        "The plan covers the next two decades.",
        "2022-01-12",
        "P20Y",
        "DURATION",
    ),
    (
        "en digits",
        "The drought lasted 90 days.",
        "2022-01-12",
        "P90D",
        "DURATION",
    ),
    (
        "en for years",
        "The valley has been dry for years.",
        "2022-01-12",
        "PXY",
        "DURATION",
    ),
    (
        "en twenty four",
        "Guards watched the gate for twenty four hours.",
        "2022-01-12",
        "P1D",
        "DURATION",
    ),
    (
        "en no: ago is a date",
        "He left the party two years ago.",
        "2022-01-12",
        "-",
        "DURATION",
    ),
    (
        "en no: a second time",
        "She came back a second time.",
        "2022-01-12",
        "-",
        "DURATION",
    ),
    (
        "en no: a count of people",
        "Three people were hurt in the crash.",
        "2022-01-12",
        "-",
        "DURATION",
    ),
    (
        "en no: a quarter is a date",
        "The fourth quarter results were weak.",
        "2022-01-12",
        "-",
        "DURATION",
    ),
];

/// More English lengths: ages are no durations, `-long` and `the past decade` are.
const EN_DURATION_MORE: &[Case] = &[
    (
        "en no: an age",
        "A 6-year-old boy was found.",
        "2022-01-12",
        "-",
        "DURATION",
    ),
    (
        "en day-long",
        "The union held a day-long strike.",
        "2022-01-12",
        "P1D",
        "DURATION",
    ),
    (
        "en decades-long",
        "It ended a decades-long feud.",
        "2022-01-12",
        "PXE",
        "DURATION",
    ),
    (
        "en the past decade",
        "Rents doubled over the past decade.",
        "2022-01-12",
        "P10Y",
        "DURATION",
    ),
    (
        "en two more weeks",
        "The talks need two more weeks.",
        "2022-01-12",
        "P2W",
        "DURATION",
    ),
    (
        "en a hundred years",
        "The house stood for almost a hundred years.",
        "2022-01-12",
        "P100Y",
        "DURATION",
    ),
    (
        "en recent months",
        "Sales slowed in recent months.",
        "2022-01-12",
        "PXM",
        "DURATION",
    ),
    (
        "en a few minutes",
        "He spoke for a few minutes.",
        "2022-01-12",
        "PTXM",
        "DURATION",
    ),
    (
        "en the next couple of years",
        "Prices may rise over the next couple of years.",
        "2022-01-12",
        "P2Y",
        "DURATION",
    ),
];

const EN_SET: &[Case] = &[
    (
        "en every Monday",
        "The council meets every Monday.",
        "2022-01-12",
        "XXXX-WXX-1",
        "SET",
    ),
    ("en daily", "The paper is printed daily.", "2022-01-12", "P1D", "SET"),
    (
        "en annually",
        "Dividends are paid annually.",
        "2022-01-12",
        "P1Y",
        "SET",
    ),
    (
        "en hourly",
        "Buses leave the depot hourly.",
        "2022-01-12",
        "PT1H",
        "SET",
    ),
    (
        "en each month",
        "The board meets each month.",
        "2022-01-12",
        "P1M",
        "SET",
    ),
    (
        "en every quarter",
        "We file reports every quarter.",
        "2022-01-12",
        "P1Q",
        "SET",
    ),
    (
        "en each July",
        "The festival returns each July.",
        "2022-01-12",
        "XXXX-07",
        "SET",
    ),
    (
        "en twice a year",
        "He visits his brother twice a year.",
        "2022-01-12",
        "P1Y",
        "SET",
    ),
    (
        "en plural weekday",
        "The shop closes on Sundays.",
        "2022-01-12",
        "XXXX-WXX-7",
        "SET",
    ),
    (
        "en weekday nights",
        "The club meets Tuesday nights.",
        "2022-01-12",
        "XXXX-WXX-2TNI",
        "SET",
    ),
    (
        "en every four years",
        "Elections are held every four years.",
        "2022-01-12",
        "P4Y",
        "SET",
    ),
    (
        "en weekly",
        "The magazine comes out weekly.",
        "2022-01-12",
        "P1W",
        "SET",
    ),
    (
        "en every morning",
        "She jogs every morning.",
        "2022-01-12",
        "XXXX-XX-XXTMO",
        "SET",
    ),
    ("en a rate", "Rents rose 3% a year.", "2022-01-12", "P1Y", "SET"),
    (
        "en every other week",
        "The station is checked every other week.",
        "2022-01-12",
        "P2W",
        "SET",
    ),
    (
        "en monthly",
        "The index is updated monthly.",
        "2022-01-12",
        "P1M",
        "SET",
    ),
    (
        "en no: each of",
        "Each of the men spoke briefly.",
        "2022-01-12",
        "-",
        "SET",
    ),
    (
        "en no: every effort",
        "Every effort was made to help.",
        "2022-01-12",
        "-",
        "SET",
    ),
    (
        "en no: a newspaper",
        "The report ran in the Morning Daily Herald.",
        "2022-01-12",
        "-",
        "SET",
    ),
    (
        "en no: a year abroad",
        "He spent a year abroad.",
        "2022-01-12",
        "-",
        "SET",
    ),
];

const EN_TIME: &[Case] = &[
    (
        "en at 3 p.m. on Monday",
        "The vote will close at 3 p.m. on Monday.",
        "2022-01-12",
        "2022-01-17T15:00",
        "TIME",
    ),
    (
        "en a.m. alone",
        "Polls opened at 10:35 a.m. in the capital.",
        "2022-01-12",
        "2022-01-12T10:35",
        "TIME",
    ),
    (
        "en p.m. then weekday",
        "The talks began 10 p.m. Wednesday.",
        "2022-01-13",
        "2022-01-12T22:00",
        "TIME",
    ),
    (
        "en this morning",
        "He spoke to reporters this morning.",
        "2022-01-12",
        "2022-01-12TMO",
        "TIME",
    ),
    (
        "en last night",
        "The attack came last night.",
        "2022-01-12",
        "2022-01-11TNI",
        "TIME",
    ),
    (
        "en tonight",
        "The summit opens tonight.",
        "2022-01-12",
        "2022-01-12TNI",
        "TIME",
    ),
    (
        "en weekday morning",
        "They met Friday morning.",
        "2022-01-12",
        "2022-01-07TMO",
        "TIME",
    ),
    (
        "en noon weekday",
        "The verdict came at noon Thursday.",
        "2022-01-14",
        "2022-01-13T12:00",
        "TIME",
    ),
    (
        "en 24-hour clock and zone",
        "The ship docked at 15:00 GMT Saturday.",
        "2022-01-10",
        "2022-01-08T15:00",
        "TIME",
    ),
    (
        "en yesterday afternoon",
        "A meeting was held yesterday afternoon.",
        "2022-01-12",
        "2022-01-11TAF",
        "TIME",
    ),
    (
        "en around",
        "The blast happened around 7:15 p.m.",
        "2022-01-12",
        "2022-01-12T19:15",
        "TIME",
    ),
    (
        "en midnight",
        "Trading stopped at midnight Friday.",
        "2022-01-10",
        "2022-01-07T24:00",
        "TIME",
    ),
    (
        "en weekday night",
        "Rain fell Saturday night.",
        "2022-01-10",
        "2022-01-08TNI",
        "TIME",
    ),
    (
        "en 4 p.m.",
        "The market closed at 4 p.m. sharp.",
        "2022-01-12",
        "2022-01-12T16:00",
        "TIME",
    ),
    (
        "en in the morning",
        "He arrived at 4 in the morning.",
        "2022-01-12",
        "2022-01-12T04:00",
        "TIME",
    ),
    (
        "en weekday evening",
        "Results came in Tuesday evening.",
        "2022-01-12",
        "2022-01-11TEV",
        "TIME",
    ),
    (
        "en no: a score",
        "The score was 3:1 at half time.",
        "2022-01-12",
        "-",
        "TIME",
    ),
    (
        "en no: a shirt number",
        "He wore number 10 on his shirt.",
        "2022-01-12",
        "-",
        "TIME",
    ),
    (
        "en no: a newspaper",
        "The Sunday Times reported it.",
        "2022-01-12",
        "-",
        "TIME",
    ),
    (
        "en no: morning papers",
        "The morning papers were late.",
        "2022-01-12",
        "-",
        "TIME",
    ),
];

const EN_REF: &[Case] = &[
    ("en now", "The town is now quiet.", "2022-01-12", "PRESENT_REF", "DATE"),
    (
        "en currently",
        "Ten ships are currently at sea.",
        "2022-01-12",
        "PRESENT_REF",
        "DATE",
    ),
    (
        "en the future",
        "Nobody can predict the future.",
        "2022-01-12",
        "FUTURE_REF",
        "DATE",
    ),
    (
        "en the near future",
        "A deal is likely in the near future.",
        "2022-01-12",
        "FUTURE_REF",
        "DATE",
    ),
    (
        "en the past",
        "Such deals failed in the past.",
        "2022-01-12",
        "PAST_REF",
        "DATE",
    ),
    (
        "en recently",
        "The mine was recently closed.",
        "2022-01-12",
        "PAST_REF",
        "DATE",
    ),
    (
        "en in future",
        "Such claims will be checked in future.",
        "2022-01-12",
        "FUTURE_REF",
        "DATE",
    ),
    (
        "en these days",
        "Few people write letters these days.",
        "2022-01-12",
        "PRESENT_REF",
        "DATE",
    ),
    (
        "en right now",
        "Right now the roads are closed.",
        "2022-01-12",
        "PRESENT_REF",
        "DATE",
    ),
    (
        "en no: now that",
        "Now that the rain stopped, we left.",
        "2022-01-12",
        "-",
        "DATE",
    ),
];

const FA_DURATION: &[Case] = &[
    (
        "fa three years",
        "این پروژه سه سال طول کشید.",
        "2022-01-12",
        "P3Y",
        "DURATION",
    ),
    (
        "fa two weeks",
        "مذاکرات دو هفته ادامه داشت.",
        "2022-01-12",
        "P2W",
        "DURATION",
    ),
    (
        "fa the past 24 hours",
        "در ۲۴ ساعت گذشته باران بارید.",
        "2022-01-12",
        "PT24H",
        "DURATION",
    ),
    (
        "fa minutes in digits",
        "او ۵۰ دقیقه صحبت کرد.",
        "2022-01-12",
        "PT50M",
        "DURATION",
    ),
    (
        "fa tens and units",
        "این قرارداد بیست و پنج سال اعتبار دارد.",
        "2022-01-12",
        "P25Y",
        "DURATION",
    ),
    (
        "fa a few months",
        "ساخت پل چند ماه طول می‌کشد.",
        "2022-01-12",
        "PXM",
        "DURATION",
    ),
    (
        "fa ten days",
        "زندانی ده روز در بازداشت بود.",
        "2022-01-12",
        "P10D",
        "DURATION",
    ),
    (
        "fa centuries",
        "این بنا دو قرن قدمت دارد.",
        "2022-01-12",
        "P200Y",
        "DURATION",
    ),
    (
        "fa about three hours",
        "او حدود سه ساعت منتظر ماند.",
        "2022-01-12",
        "PT3H",
        "DURATION",
    ),
    (
        "fa the next six months",
        "طی ۶ ماه آینده قیمت‌ها بالا می‌رود.",
        "2022-01-12",
        "P6M",
        "DURATION",
    ),
    (
        "fa 45 minutes",
        "جلسه ۴۵ دقیقه طول کشید.",
        "2022-01-12",
        "PT45M",
        "DURATION",
    ),
    (
        "fa one week",
        "کارخانه یک هفته تعطیل بود.",
        "2022-01-12",
        "P1W",
        "DURATION",
    ),
    (
        "fa recent ten years",
        "این روند در ۱۰ سال اخیر ادامه داشته است.",
        "2022-01-12",
        "P10Y",
        "DURATION",
    ),
    (
        "fa 72 hours",
        "آتش‌بس ۷۲ ساعت برقرار بود.",
        "2022-01-12",
        "PT72H",
        "DURATION",
    ),
    (
        "fa decades",
        "چهار دهه از آن روز گذشته است.",
        "2022-01-12",
        "P40Y",
        "DURATION",
    ),
    (
        "fa no: ago is a date",
        "او سه سال پیش رفت.",
        "2022-01-12",
        "-",
        "DURATION",
    ),
    ("fa no: two cities", "دو شهر آسیب دید.", "2022-01-12", "-", "DURATION"),
    (
        "fa no: a day of a month",
        "روز ۱۲ ماه ژانویه دیدار کردند.",
        "2022-01-12",
        "-",
        "DURATION",
    ),
    (
        "fa no: three people",
        "سه نفر زخمی شدند.",
        "2022-01-12",
        "-",
        "DURATION",
    ),
    (
        "fa no: in two months",
        "دو ماه دیگر انتخابات است.",
        "2022-01-12",
        "-",
        "DURATION",
    ),
];

const FA_SET: &[Case] = &[
    (
        "fa every Monday",
        "شورا هر دوشنبه تشکیل جلسه می‌دهد.",
        "2022-01-12",
        "XXXX-WXX-1",
        "SET",
    ),
    (
        "fa daily",
        "این روزنامه روزانه منتشر می‌شود.",
        "2022-01-12",
        "P1D",
        "SET",
    ),
    ("fa yearly", "گزارش سالانه بانک منتشر شد.", "2022-01-12", "P1Y", "SET"),
    ("fa every day", "او هر روز ورزش می‌کند.", "2022-01-12", "P1D", "SET"),
    (
        "fa every week",
        "هر هفته به مادرش سر می‌زند.",
        "2022-01-12",
        "P1W",
        "SET",
    ),
    ("fa monthly", "این نشریه ماهانه چاپ می‌شود.", "2022-01-12", "P1M", "SET"),
    (
        "fa every year",
        "هر سال جشنواره برگزار می‌شود.",
        "2022-01-12",
        "P1Y",
        "SET",
    ),
    (
        "fa every month",
        "اجاره هر ماه پرداخت می‌شود.",
        "2022-01-12",
        "P1M",
        "SET",
    ),
    (
        "fa every Friday",
        "هر جمعه به کوه می‌رود.",
        "2022-01-12",
        "XXXX-WXX-5",
        "SET",
    ),
    ("fa weekly", "این آمار هفتگی اعلام می‌شود.", "2022-01-12", "P1W", "SET"),
    (
        "fa every night",
        "هر شب اخبار را می‌بیند.",
        "2022-01-12",
        "XXXX-XX-XXTNI",
        "SET",
    ),
    (
        "fa every Saturday with roz",
        "جلسات هر روز شنبه برگزار می‌شود.",
        "2022-01-12",
        "XXXX-WXX-6",
        "SET",
    ),
    (
        "fa hameh rooz",
        "همه روزه صف‌های طولانی دیده می‌شود.",
        "2022-01-12",
        "P1D",
        "SET",
    ),
    (
        "fa har saleh",
        "هر ساله هزاران گردشگر می‌آیند.",
        "2022-01-12",
        "P1Y",
        "SET",
    ),
    (
        "fa every morning",
        "هر صبح نان تازه می‌خرد.",
        "2022-01-12",
        "XXXX-XX-XXTMO",
        "SET",
    ),
    (
        "fa no: both countries",
        "هر دو کشور موافقت کردند.",
        "2022-01-12",
        "-",
        "SET",
    ),
    ("fa no: everyone", "هر کس این را می‌داند.", "2022-01-12", "-", "SET"),
    (
        "fa no: anniversary",
        "سالگرد انقلاب نزدیک است.",
        "2022-01-12",
        "-",
        "SET",
    ),
    ("fa no: one Saturday", "روز شنبه جلسه دارند.", "2022-01-12", "-", "SET"),
];

const FA_TIME: &[Case] = &[
    (
        "fa clock, part, weekday",
        "نشست ساعت ۱۰ صبح روز شنبه برگزار شد.",
        "2022-01-12",
        "2022-01-08T10:00",
        "TIME",
    ),
    (
        "fa this morning",
        "صبح امروز زلزله آمد.",
        "2022-01-12",
        "2022-01-12TMO",
        "TIME",
    ),
    (
        "fa yesterday afternoon",
        "عصر دیروز جلسه تمام شد.",
        "2022-01-12",
        "2022-01-11TAF",
        "TIME",
    ),
    (
        "fa tonight",
        "امشب مسابقه برگزار می‌شود.",
        "2022-01-12",
        "2022-01-12TNI",
        "TIME",
    ),
    (
        "fa last night",
        "دیشب باران بارید.",
        "2022-01-12",
        "2022-01-11TNI",
        "TIME",
    ),
    (
        "fa today then part",
        "امروز صبح وزیر سخنرانی کرد.",
        "2022-01-12",
        "2022-01-12TMO",
        "TIME",
    ),
    (
        "fa yesterday then part",
        "دیروز عصر به تهران رسید.",
        "2022-01-12",
        "2022-01-11TAF",
        "TIME",
    ),
    (
        "fa tomorrow night",
        "فردا شب کنسرت است.",
        "2022-01-12",
        "2022-01-13TNI",
        "TIME",
    ),
    (
        "fa weekday night",
        "پنجشنبه شب تماس گرفت.",
        "2022-01-12",
        "2022-01-06TNI",
        "TIME",
    ),
    (
        "fa noon Friday",
        "ظهر جمعه به خانه رسید.",
        "2022-01-12",
        "2022-01-07T12:00",
        "TIME",
    ),
    (
        "fa minutes and part",
        "ساعت ۹:۳۰ صبح امروز قطار رسید.",
        "2022-01-12",
        "2022-01-12T09:30",
        "TIME",
    ),
    (
        "fa dawn Saturday",
        "بامداد شنبه زلزله آمد.",
        "2022-01-12",
        "2022-01-08TMO",
        "TIME",
    ),
    (
        "fa eight at night",
        "ساعت ۸ شب دیروز برق رفت.",
        "2022-01-12",
        "2022-01-11T20:00",
        "TIME",
    ),
    (
        "fa last night, two words",
        "شب گذشته حمله شد.",
        "2022-01-12",
        "2022-01-11TNI",
        "TIME",
    ),
    (
        "fa afternoon Monday",
        "بعد از ظهر دوشنبه جلسه بود.",
        "2022-01-12",
        "2022-01-10TAF",
        "TIME",
    ),
    (
        "fa clock alone",
        "قطار ساعت ۱۰ صبح حرکت کرد.",
        "2022-01-12",
        "2022-01-12T10:00",
        "TIME",
    ),
    (
        "fa the eve of Friday",
        "شب جمعه مهمانی بود.",
        "2022-01-12",
        "2022-01-06TNI",
        "TIME",
    ),
    ("fa no: Yalda night", "شب یلدا نزدیک است.", "2022-01-12", "-", "TIME"),
    ("fa no: early morning", "صبح زود بیدار شد.", "2022-01-12", "-", "TIME"),
    ("fa no: a wristwatch", "او یک ساعت مچی خرید.", "2022-01-12", "-", "TIME"),
    ("fa no: hours worked", "۱۰ ساعت کار کرد.", "2022-01-12", "-", "TIME"),
];

const AR_DURATION: &[Case] = &[
    (
        "ar three days",
        "استمرت المحادثات ثلاثة أيام.",
        "2022-01-12",
        "P3D",
        "DURATION",
    ),
    ("ar dual years", "بقي في السجن عامين.", "2022-01-12", "P2Y", "DURATION"),
    ("ar five years", "عمل هناك خمس سنوات.", "2022-01-12", "P5Y", "DURATION"),
    (
        "ar digits minutes",
        "انتظرنا 10 دقائق أمام الباب.",
        "2022-01-12",
        "PT10M",
        "DURATION",
    ),
    (
        "ar four months",
        "استمر الحصار أربعة أشهر.",
        "2022-01-12",
        "P4M",
        "DURATION",
    ),
    ("ar dual weeks", "توقف العمل أسبوعين.", "2022-01-12", "P2W", "DURATION"),
    (
        "ar twenty years",
        "دامت الحرب عشرين عاما.",
        "2022-01-12",
        "P20Y",
        "DURATION",
    ),
    (
        "ar dual hours",
        "استغرقت الرحلة ساعتين.",
        "2022-01-12",
        "PT2H",
        "DURATION",
    ),
    ("ar one day", "سيبقى الوفد يوما واحدا.", "2022-01-12", "P1D", "DURATION"),
    (
        "ar the past five years",
        "تضاعفت الأسعار خلال السنوات الخمس الماضية.",
        "2022-01-12",
        "P5Y",
        "DURATION",
    ),
    (
        "ar several months",
        "استمرت الأزمة عدة أشهر.",
        "2022-01-12",
        "PXM",
        "DURATION",
    ),
    (
        "ar 48 hours",
        "أغلق المعبر لمدة 48 ساعة.",
        "2022-01-12",
        "PT48H",
        "DURATION",
    ),
    (
        "ar three decades",
        "استمر النزاع ثلاثة عقود.",
        "2022-01-12",
        "P30Y",
        "DURATION",
    ),
    (
        "ar dual months",
        "استغرق البناء شهرين.",
        "2022-01-12",
        "P2M",
        "DURATION",
    ),
    (
        "ar fifteen years",
        "قضى 15 عاما في المنفى.",
        "2022-01-12",
        "P15Y",
        "DURATION",
    ),
    (
        "ar about three hours",
        "تأخر القطار حوالي ثلاث ساعات.",
        "2022-01-12",
        "PT3H",
        "DURATION",
    ),
    (
        "ar no: three people",
        "قتل ثلاثة أشخاص في الحادث.",
        "2022-01-12",
        "-",
        "DURATION",
    ),
    (
        "ar no: a month name",
        "وصل الوفد في 3 يوليو.",
        "2022-01-12",
        "-",
        "DURATION",
    ),
    (
        "ar no: last year",
        "ارتفعت الأسعار العام الماضي.",
        "2022-01-12",
        "-",
        "DURATION",
    ),
    (
        "ar no: three days ago",
        "وصل قبل ثلاثة أيام.",
        "2022-01-12",
        "-",
        "DURATION",
    ),
];

const AR_SET: &[Case] = &[
    (
        "ar every Monday",
        "تعقد اللجنة اجتماعها كل يوم اثنين.",
        "2022-01-12",
        "XXXX-WXX-1",
        "SET",
    ),
    ("ar monthly", "تصدر المجلة شهرياً.", "2022-01-12", "P1M", "SET"),
    ("ar every week", "يزور أمه كل أسبوع.", "2022-01-12", "P1W", "SET"),
    ("ar every year", "يقام المهرجان كل عام.", "2022-01-12", "P1Y", "SET"),
    ("ar every day", "يتدرب اللاعب كل يوم.", "2022-01-12", "P1D", "SET"),
    ("ar yearly", "ينشر التقرير سنوياً.", "2022-01-12", "P1Y", "SET"),
    ("ar weekly", "تعلن الأرقام أسبوعياً.", "2022-01-12", "P1W", "SET"),
    (
        "ar every Friday",
        "يصلي في المسجد كل جمعة.",
        "2022-01-12",
        "XXXX-WXX-5",
        "SET",
    ),
    ("ar every month", "تصرف الرواتب كل شهر.", "2022-01-12", "P1M", "SET"),
    (
        "ar every morning",
        "يجتمعون كل صباح.",
        "2022-01-12",
        "XXXX-XX-XXTMO",
        "SET",
    ),
    ("ar every hour", "يتناول الدواء كل ساعة.", "2022-01-12", "PT1H", "SET"),
    ("ar every sana", "ترتفع الضرائب كل سنة.", "2022-01-12", "P1Y", "SET"),
    ("ar daily", "يعمل المتجر يومياً.", "2022-01-12", "P1D", "SET"),
    (
        "ar every three years",
        "تنعقد القمة كل ثلاث سنوات.",
        "2022-01-12",
        "P3Y",
        "SET",
    ),
    (
        "ar every Sunday",
        "يغلق السوق كل يوم أحد.",
        "2022-01-12",
        "XXXX-WXX-7",
        "SET",
    ),
    (
        "ar every evening",
        "يمشي على الشاطئ كل مساء.",
        "2022-01-12",
        "XXXX-XX-XXTEV",
        "SET",
    ),
    ("ar no: all the days", "كل الأيام متشابهة.", "2022-01-12", "-", "SET"),
    ("ar no: everything", "كل شيء جاهز الآن.", "2022-01-12", "-", "SET"),
    (
        "ar no: all countries",
        "كل الدول وافقت على الاتفاق.",
        "2022-01-12",
        "-",
        "SET",
    ),
    ("ar no: one Monday", "وصل الوفد يوم الاثنين.", "2022-01-12", "-", "SET"),
];

const AR_TIME: &[Case] = &[
    (
        "ar Sunday morning",
        "عقدت الجلسة صباح الأحد.",
        "2022-01-12",
        "2022-01-09TMO",
        "TIME",
    ),
    (
        "ar yesterday evening",
        "وصل الوفد مساء أمس.",
        "2022-01-12",
        "2022-01-11TEV",
        "TIME",
    ),
    (
        "ar ordinal hour",
        "تنتهي الجلسة الساعة الثامنة مساء.",
        "2022-01-12",
        "2022-01-12T20:00",
        "TIME",
    ),
    (
        "ar digit hour and day",
        "بدأ الاقتراع الساعة 8 صباح الأحد.",
        "2022-01-12",
        "2022-01-09T08:00",
        "TIME",
    ),
    (
        "ar this morning",
        "أعلن الوزير صباح اليوم استقالته.",
        "2022-01-12",
        "2022-01-12TMO",
        "TIME",
    ),
    (
        "ar Monday evening",
        "اجتمع المجلس مساء يوم الاثنين.",
        "2022-01-12",
        "2022-01-10TEV",
        "TIME",
    ),
    (
        "ar noon Friday",
        "وقع الانفجار ظهر الجمعة.",
        "2022-01-12",
        "2022-01-07T12:00",
        "TIME",
    ),
    (
        "ar dawn today",
        "شنت الغارة فجر اليوم.",
        "2022-01-12",
        "2022-01-12TMO",
        "TIME",
    ),
    (
        "ar ten in the morning",
        "يفتح المعرض الساعة العاشرة صباحاً.",
        "2022-01-12",
        "2022-01-12T10:00",
        "TIME",
    ),
    (
        "ar clock digits",
        "أقلعت الطائرة الساعة 14:30 بتوقيت مكة.",
        "2022-01-12",
        "2022-01-12T14:30",
        "TIME",
    ),
    (
        "ar yesterday afternoon",
        "عاد الرئيس عصر أمس.",
        "2022-01-12",
        "2022-01-11TAF",
        "TIME",
    ),
    (
        "ar last night",
        "هطلت الأمطار الليلة الماضية.",
        "2022-01-12",
        "2022-01-11TNI",
        "TIME",
    ),
    (
        "ar Thursday evening",
        "التقى الوفدان مساء الخميس.",
        "2022-01-12",
        "2022-01-06TEV",
        "TIME",
    ),
    (
        "ar tomorrow morning",
        "يصل الوفد صباح الغد.",
        "2022-01-12",
        "2022-01-13TMO",
        "TIME",
    ),
    (
        "ar twelve noon",
        "تبدأ المباراة الساعة الثانية عشرة ظهرا.",
        "2022-01-12",
        "2022-01-12T12:00",
        "TIME",
    ),
    (
        "ar half past",
        "وصل القطار الساعة التاسعة والنصف صباحاً.",
        "2022-01-12",
        "2022-01-12T09:30",
        "TIME",
    ),
    (
        "ar no: dawn prayer",
        "أدى صلاة الفجر في المسجد.",
        "2022-01-12",
        "-",
        "TIME",
    ),
    (
        "ar no: a Swiss watch",
        "اشترى الساعة السويسرية.",
        "2022-01-12",
        "-",
        "TIME",
    ),
    (
        "ar no: good evening",
        "قال مساء الخير للحضور.",
        "2022-01-12",
        "-",
        "TIME",
    ),
    (
        "ar no: early morning",
        "خرج في الصباح الباكر.",
        "2022-01-12",
        "-",
        "TIME",
    ),
];

#[test]
fn english_durations() {
    check(EN_DURATION);
}

#[test]
fn english_durations_more() {
    check(EN_DURATION_MORE);
}

#[test]
fn english_sets() {
    check(EN_SET);
}

#[test]
fn english_times() {
    check(EN_TIME);
}

#[test]
fn english_references() {
    check(EN_REF);
}

#[test]
fn persian_durations() {
    check(FA_DURATION);
}

#[test]
fn persian_sets() {
    check(FA_SET);
}

#[test]
fn persian_times() {
    check(FA_TIME);
}

#[test]
fn arabic_durations() {
    check(AR_DURATION);
}

#[test]
fn arabic_sets() {
    check(AR_SET);
}

#[test]
fn arabic_times() {
    check(AR_TIME);
}

/// Durations, sets and references are reported only when asked for; days are reported either way.
#[test]
fn default_types_leave_out_durations_sets_and_references() {
    let text = "The strike lasted three years, ended every Monday and is now over; talks resumed on 12 January 2022.";
    let placed = mentions(text, "2022-01-20", Types::Placed);
    // `every Monday` is a recurrence, so not a Monday either
    assert_eq!(
        placed.iter().map(|m| (m.value.as_str(), m.timex)).collect::<Vec<_>>(),
        vec![("2022-01-12", TimexType::Date)]
    );
    let all = mentions(text, "2022-01-20", Types::All);
    let values: Vec<&str> = all.iter().map(|m| m.value.as_str()).collect();
    assert_eq!(values, vec!["P3Y", "XXXX-WXX-1", "PRESENT_REF", "2022-01-12"]);
    for m in &all {
        let unplaced = m.timex == TimexType::Duration || m.timex == TimexType::Set || m.value.ends_with("_REF");
        assert_eq!(
            m.first_day.is_none(),
            unplaced,
            "{}: days only for placed mentions",
            m.text
        );
    }
}

/// The chronology builds events from DATE and TIME mentions only: durations,
/// sets and references of the same sentence never become events.
#[test]
fn chronology_ignores_durations_and_sets() {
    let text = "The siege lasted three years. Markets open daily and every Monday. \
                The city is now calm. The truce was signed on 12 January 2022 at 10 p.m.";
    let ms = mentions(text, "2022-01-20", Types::All);
    assert!(ms.iter().any(|m| m.timex == TimexType::Duration));
    assert!(ms.iter().filter(|m| m.timex == TimexType::Set).count() >= 2);
    assert!(ms.iter().any(|m| m.timex == TimexType::Time));
    let sentences = tarikh::chronology::analyze(text);
    let events = tarikh::chronology::candidates(&ms, &sentences, None);
    assert_eq!(events.len(), 1, "one event: the signing");
    for c in &events {
        for &k in &c.mentions {
            assert!(ms[k].timex.is_placed(), "{} became an event", ms[k].text);
        }
    }
    for m in &ms {
        assert_eq!(
            tarikh::chronology::is_eventable(m),
            m.timex.is_placed() && m.first_day.is_some()
        );
    }
}

/// Ingest stores the mentions of the default types: never a duration or a set.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ingest_stores_no_durations_or_sets() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = tarikh::store::Store::open(&dir.path().join("t.db"))
        .await
        .expect("open");
    let doc = tarikh::store::NewDocument {
        text: "The siege lasted three years and markets open daily. The truce was signed on 12 January 2022.".into(),
        dct: parse_dct("2022-01-20"),
        lang: Some(tarikh::lexicon::Lang::En),
        ..Default::default()
    };
    store.ingest(doc).await.expect("ingest");
    let rows: Vec<(String, String)> = sqlx::query_as("SELECT value, grain FROM mentions")
        .fetch_all(store.pool())
        .await
        .expect("mentions query");
    assert_eq!(rows, vec![("2022-01-12".to_string(), "day".to_string())]);
}

/// Times of day are reported by default too, in every language (English
/// parts of the day only with every type: TimeBank dates `Friday morning` by its day).
#[test]
fn times_are_reported_by_default() {
    let cases: &[(&str, Lang, &str)] = &[
        ("صبح امروز زلزله آمد.", Lang::Fa, "2022-01-12TMO"),
        ("نشست ساعت ۱۰ صبح روز شنبه برگزار شد.", Lang::Fa, "2022-01-08T10:00"),
        ("شب گذشته حمله شد.", Lang::Fa, "2022-01-11TNI"),
        ("وصل الوفد مساء أمس.", Lang::Ar, "2022-01-11TEV"),
        ("بدأ الاقتراع الساعة 8 صباح الأحد.", Lang::Ar, "2022-01-09T08:00"),
        ("The vote will close at 3 p.m. on Monday.", Lang::En, "2022-01-17T15:00"),
    ];
    for &(text, lang, want) in cases {
        let got: Vec<(String, TimexType)> = mentions_in(text, "2022-01-12", Types::Placed, Some(lang))
            .into_iter()
            .map(|m| (m.value, m.timex))
            .collect();
        assert_eq!(got, vec![(want.to_string(), TimexType::Time)], "{text}");
    }
    let friday: Vec<String> = mentions_in("They met Friday morning.", "2022-01-12", Types::Placed, Some(Lang::En))
        .into_iter()
        .map(|m| m.value)
        .collect();
    assert_eq!(friday, vec!["2022-01-07".to_string()]);
}
