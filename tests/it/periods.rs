//! Table tests for periods named as a whole (`src/extract/parse/periods.rs`):
//! seasons, decades and centuries, and one day or edge of a period, in
//! Persian, Arabic and English: `(name, text, dct, expected (span, value))`,
//! where a value carries its TIMEX3 modifier after a space (`2021-W49 END`).
//! Every sentence was written for tarikh. Solar Hijri and lunar Hijri days
//! come from the calendar tables (`tarikh convert`, checked against the
//! official sources in `tests/it/calendar.rs`): 1 Farvardin 1400 = 2021-03-21,
//! 1 Dey 1400 = 2021-12-22, 1 Ramadan 1443 = 2022-04-02 (30 days),
//! 1 Shaban 1443 = 2022-03-04, 1 Muharram 1443 = 2021-08-09.

use tarikh::calendar::Calendar;
use tarikh::extract::{Grain, Options, extract, parse_dct};

type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

const SEASONS_FA: &[Case] = &[
    (
        "fa this fall is a quarter of the Solar Hijri year",
        "برداشت زعفران در پاییز امسال کاهش یافت.",
        "2021-12-10",
        &[("پاییز امسال", "2021-09-23/2021-12-21")],
    ),
    (
        "fa spring with a four-digit year",
        "این فیلم بهار ۱۴۰۱ اکران می‌شود.",
        "2021-12-10",
        &[("بهار ۱۴۰۱", "2022-03-21/2022-06-21")],
    ),
    (
        "fa winter of last year",
        "مصرف برق در زمستان سال گذشته رکورد زد.",
        "2021-12-10",
        &[("زمستان سال گذشته", "2020-12-21/2021-03-20")],
    ),
    (
        "fa summer with a two-digit year",
        "قرارداد خرید در تابستان ۹۸ امضا شد.",
        "2021-12-10",
        &[("تابستان ۹۸", "2019-06-22/2019-09-22")],
    ),
    (
        "fa the season word fasl is left outside the span",
        "فصل تابستان سال جاری گرم‌تر از همیشه بود.",
        "2021-12-10",
        &[("تابستان سال جاری", "2021-06-22/2021-09-22")],
    ),
    (
        "fa the coming winter",
        "کارشناسان می‌گویند در زمستان آینده کمبود گاز داریم.",
        "2021-12-10",
        &[("زمستان آینده", "2021-12-22/2022-03-20")],
    ),
    (
        "fa last fall is the one before the current",
        "پاییز گذشته سیل بخشی از جاده را برد.",
        "2021-12-10",
        &[("پاییز گذشته", "2020-09-22/2020-12-20")],
    ),
    (
        "fa spring of next year",
        "نمایشگاه کتاب در بهار سال آینده برپا می‌شود.",
        "2021-12-10",
        &[("بهار سال آینده", "2022-03-21/2022-06-21")],
    ),
    (
        "fa winter 1399 in digits",
        "قیمت مرغ در زمستان ۱۳۹۹ دو برابر شد.",
        "2021-12-10",
        &[("زمستان ۱۳۹۹", "2020-12-21/2021-03-20")],
    ),
    (
        "fa fall of parsal",
        "پاییز پارسال مدارس تعطیل ماند.",
        "2021-12-10",
        &[("پاییز پارسال", "2020-09-22/2020-12-20")],
    ),
    (
        "fa this summer with konuni",
        "تابستان کنونی کم‌باران‌ترین فصل دهه است.",
        "2021-07-15",
        &[("تابستان کنونی", "2021-06-22/2021-09-22")],
    ),
    (
        "fa a season with a Gregorian year is the Solar Hijri one ending in it",
        "المپیک تابستان ۲۰۲۱ به تعویق افتاد.",
        "2021-12-10",
        &[("تابستان ۲۰۲۱", "2021-06-22/2021-09-22")],
    ),
    (
        "fa the summer ahead",
        "برای تابستان پیش رو برنامه‌ای نداریم.",
        "2021-12-10",
        &[("تابستان پیش رو", "2022-06-22/2022-09-22")],
    ),
    (
        "fa late this winter carries END",
        "سد تا اواخر زمستان امسال آبگیری می‌شود.",
        "2021-12-10",
        &[("اواخر زمستان امسال", "2021-12-22/2022-03-20 END")],
    ),
    (
        "fa a newspaper named Bahar is no season",
        "روزنامه بهار امروز توقیف شد.",
        "2021-12-10",
        &[("امروز", "2021-12-10")],
    ),
    (
        "fa a bare season word is no date",
        "بوی بهار نارنج در کوچه‌های شیراز پیچید.",
        "2021-12-10",
        &[],
    ),
    (
        "fa a count after the season is no year",
        "فروش بستنی در تابستان ۳۰ درصد بیشتر است.",
        "2021-12-10",
        &[],
    ),
];

const SEASONS_AR: &[Case] = &[
    (
        "ar last summer",
        "تراجعت أعداد السياح في الصيف الماضي بشكل ملحوظ.",
        "2021-12-10",
        &[("الصيف الماضي", "2021-SU")],
    ),
    (
        "ar winter with a year",
        "كان شتاء 2021 الأبرد منذ عقود.",
        "2021-12-10",
        &[("شتاء 2021", "2021-WI")],
    ),
    (
        "ar spring of this year",
        "افتتح المتحف في ربيع هذا العام.",
        "2021-12-10",
        &[("ربيع هذا العام", "2021-SP")],
    ),
    (
        "ar fall of next year",
        "تبدأ أعمال التوسعة في خريف العام المقبل.",
        "2021-12-10",
        &[("خريف العام المقبل", "2022-FA")],
    ),
    (
        "ar this summer",
        "يتوقع المزارعون محصولا وفيرا هذا الصيف.",
        "2021-07-01",
        &[("هذا الصيف", "2021-SU")],
    ),
    (
        "ar summer of last year",
        "ارتفعت درجات الحرارة في صيف العام الماضي.",
        "2021-12-10",
        &[("صيف العام الماضي", "2020-SU")],
    ),
    (
        "ar next winter is the one after the current",
        "تستعد المدارس في الشتاء المقبل بخطة جديدة.",
        "2021-12-10",
        &[("الشتاء المقبل", "2023-WI")],
    ),
    (
        "ar summer of a past year",
        "سافر إلى لندن صيف 2014 للدراسة.",
        "2021-12-10",
        &[("صيف 2014", "2014-SU")],
    ),
    (
        "ar fall with the word year",
        "أعلنت الشركة إفلاسها في خريف عام 2019.",
        "2021-12-10",
        &[("خريف عام 2019", "2019-FA")],
    ),
    (
        "ar next spring",
        "ستفتتح الحديقة في الربيع المقبل.",
        "2021-12-10",
        &[("الربيع المقبل", "2022-SP")],
    ),
    (
        "ar last fall, just ended",
        "هطلت أمطار غزيرة في الخريف الماضي.",
        "2021-12-10",
        &[("الخريف الماضي", "2021-FA")],
    ),
    (
        "ar the current summer",
        "تشهد الشواطئ ازدحاما في الصيف الحالي.",
        "2021-07-01",
        &[("الصيف الحالي", "2021-SU")],
    ),
    (
        "ar early last winter carries START",
        "انقطعت الكهرباء في أوائل الشتاء الماضي مرتين.",
        "2021-12-10",
        &[("أوائل الشتاء الماضي", "2021-WI START")],
    ),
    (
        "ar summer for this year with the clitic",
        "أعدت البلدية برامج الصيف لهذا العام.",
        "2021-12-10",
        &[("الصيف لهذا العام", "2021-SU")],
    ),
    (
        "ar the Arab Spring is no season",
        "تحدث الكاتب عن الربيع العربي وآثاره.",
        "2021-12-10",
        &[],
    ),
    (
        "ar a summer festival named after a city is no date",
        "انطلقت فعاليات مهرجان صيف الباحة وسط حضور كبير.",
        "2021-12-10",
        &[],
    ),
    (
        "ar a season of a lunar year is no TIMEX3 season: only the year is read",
        "أقيمت المهرجانات صيف 1434هـ في الطائف.",
        "2015-08-01",
        &[("1434هـ", "2012-11-15/2013-11-03")],
    ),
    (
        "ar a bare season is no date",
        "يحب الناس التنزه في الربيع عادة.",
        "2021-12-10",
        &[],
    ),
];

const SEASONS_EN: &[Case] = &[
    (
        "en this summer",
        "The factory will reopen this summer.",
        "2021-03-10",
        &[("this summer", "2021-SU")],
    ),
    (
        "en last fall",
        "Sales dropped sharply last fall.",
        "2021-03-10",
        &[("last fall", "2020-FA")],
    ),
    (
        "en next spring",
        "The bridge should be finished next spring.",
        "2021-03-10",
        &[("next spring", "2022-SP")],
    ),
    (
        "en summer with a year",
        "She moved to Boston in summer 1998.",
        "2021-03-10",
        &[("summer 1998", "1998-SU")],
    ),
    (
        "en the winter of a year",
        "The lake froze over in the winter of 1994.",
        "2021-03-10",
        &[("the winter of 1994", "1994-WI")],
    ),
    (
        "en early summer carries START",
        "Talks resumed in early summer.",
        "2021-08-10",
        &[("early summer", "2021-SU START")],
    ),
    (
        "en the fall of a year",
        "The company collapsed in the fall of 2001.",
        "2021-03-10",
        &[("the fall of 2001", "2001-FA")],
    ),
    (
        "en spring with a year after in",
        "The rules took effect in spring 2010.",
        "2021-03-10",
        &[("spring 2010", "2010-SP")],
    ),
    (
        "en last winter",
        "Heating bills doubled last winter.",
        "2021-06-10",
        &[("last winter", "2021-WI")],
    ),
    (
        "en winter with a year",
        "Winter 2021 was unusually mild here.",
        "2021-06-10",
        &[("Winter 2021", "2021-WI")],
    ),
    (
        "en this past spring",
        "Enrollment rose this past spring.",
        "2021-08-10",
        &[("this past spring", "2021-SP")],
    ),
    (
        "en late fall with a year carries END",
        "The vote was held in late fall 2016.",
        "2021-08-10",
        &[("late fall 2016", "2016-FA END")],
    ),
    (
        "en fall as a verb is no season",
        "Prices may fall further, analysts said.",
        "2021-08-10",
        &[],
    ),
    (
        "en a spring of water is no season",
        "Villagers drink from a spring near the road.",
        "2021-08-10",
        &[],
    ),
    (
        "en summer as a name is no season",
        "Donna Summer sang at the gala.",
        "2021-08-10",
        &[],
    ),
];

const DECADES_FA: &[Case] = &[
    (
        "fa the seventies are the 1370s of the Solar Hijri century",
        "سینمای دهه هفتاد را دوران طلایی می‌دانند.",
        "2021-12-10",
        &[("دهه هفتاد", "1991-03-21/2001-03-20")],
    ),
    (
        "fa a decade in digits",
        "نسل دهه ۶۰ امروز میانسال است.",
        "2021-12-10",
        &[("دهه ۶۰", "1981-03-21/1991-03-20"), ("امروز", "2021-12-10")],
    ),
    (
        "fa the sixties in words",
        "در دهه شصت جنگ همه چیز را تغییر داد.",
        "2021-12-10",
        &[("دهه شصت", "1981-03-21/1991-03-20")],
    ),
    (
        "fa a decade with four digits",
        "این ساختمان در دهه ۱۳۵۰ ساخته شد.",
        "2021-12-10",
        &[("دهه ۱۳۵۰", "1971-03-21/1981-03-20")],
    ),
    (
        "fa a Gregorian decade with its era",
        "موسیقی دهه ۱۹۸۰ میلادی دوباره مد شده است.",
        "2021-12-10",
        &[("دهه ۱۹۸۰ میلادی", "198")],
    ),
    (
        "fa a two-digit decade marked Gregorian",
        "جنبش دانشجویی دهه ۷۰ میلادی در اروپا آغاز شد.",
        "2021-12-10",
        &[("دهه ۷۰ میلادی", "197")],
    ),
    (
        "fa a four-digit Gregorian decade",
        "اینترنت در دهه ۱۹۹۰ همه‌گیر شد.",
        "2021-12-10",
        &[("دهه ۱۹۹۰", "199")],
    ),
    (
        "fa early in a decade carries START",
        "او اوایل دهه هشتاد به تهران آمد.",
        "2021-12-10",
        &[("اوایل دهه هشتاد", "2001-03-21/2011-03-20 START")],
    ),
    (
        "fa the ezafe after dahe",
        "فوتبال دهه‌ی نود پر از حاشیه بود.",
        "2021-12-10",
        &[("دهه‌ی نود", "2011-03-21/2021-03-20")],
    ),
    (
        "fa the twentieth century",
        "قرن بیستم قرن دو جنگ جهانی بود.",
        "2021-12-10",
        &[("قرن بیستم", "19")],
    ),
    (
        "fa the twenty-first century composed",
        "چالش‌های قرن بیست و یکم تازه آغاز شده است.",
        "2021-12-10",
        &[("قرن بیست و یکم", "20")],
    ),
    (
        "fa a century in digits with its era",
        "این نقاشی در قرن ۱۹ میلادی کشیده شد.",
        "2021-12-10",
        &[("قرن ۱۹ میلادی", "18")],
    ),
    (
        "fa a Solar Hijri century",
        "شعر نو در قرن چهاردهم شمسی شکل گرفت.",
        "2021-12-10",
        &[("قرن چهاردهم شمسی", "1921-03-21/2021-03-20")],
    ),
    (
        "fa the current Solar Hijri century",
        "قرن پانزدهم خورشیدی با نوروز ۱۴۰۰ آغاز شد.",
        "2021-12-10",
        &[
            ("قرن پانزدهم خورشیدی", "2021-03-21/2121-03-20"),
            ("نوروز ۱۴۰۰", "2021-03-21"),
        ],
    ),
    (
        "fa an early century without an era is a lunar Hijri one",
        "این مسجد در قرن هفتم ساخته شد.",
        "2021-12-10",
        &[("قرن هفتم", "1203-09-17/1300-09-23")],
    ),
    (
        "fa decades as a plural are no decade",
        "این اختلاف دهه‌ها ادامه داشته است.",
        "2021-12-10",
        &[],
    ),
    (
        "fa a century word without a number is no century",
        "کتاب «قرن» دیروز منتشر شد.",
        "2021-12-10",
        &[("دیروز", "2021-12-09")],
    ),
];

const DECADES_AR: &[Case] = &[
    (
        "ar the seventies",
        "انتشرت هذه الموسيقى في السبعينيات.",
        "2015-08-01",
        &[("السبعينيات", "197")],
    ),
    (
        "ar the seventies of the last century",
        "هاجرت العائلة في سبعينيات القرن الماضي.",
        "2015-08-01",
        &[("سبعينيات القرن الماضي", "197")],
    ),
    (
        "ar the eighties of the twentieth century",
        "ولد الكاتب في ثمانينات القرن العشرين.",
        "2015-08-01",
        &[("ثمانينات القرن العشرين", "198")],
    ),
    (
        "ar the sixties of the last century",
        "بني السد في ستينيات القرن الماضي.",
        "2015-08-01",
        &[("ستينيات القرن الماضي", "196")],
    ),
    (
        "ar the nineties, short spelling",
        "عرفت المدينة ازدهارا في التسعينات.",
        "2015-08-01",
        &[("التسعينات", "199")],
    ),
    (
        "ar late fifties of the last century carries END",
        "أسس النادي في أواخر الخمسينيات من القرن الماضي.",
        "2015-08-01",
        &[("أواخر الخمسينيات من القرن الماضي", "195 END")],
    ),
    (
        "ar the twenties of this century",
        "يتوقع الخبراء نموا في عشرينيات القرن الحالي.",
        "2021-08-01",
        &[("عشرينيات القرن الحالي", "202")],
    ),
    (
        "ar the twenty-first century",
        "تواجه البشرية في القرن الحادي والعشرين تحديات كبيرة.",
        "2015-08-01",
        &[("القرن الحادي والعشرين", "20")],
    ),
    (
        "ar the nineteenth century",
        "شيد القصر في القرن التاسع عشر.",
        "2015-08-01",
        &[("القرن التاسع عشر", "18")],
    ),
    (
        "ar the last century",
        "كانت هذه المنطقة صحراء في القرن الماضي.",
        "2015-08-01",
        &[("القرن الماضي", "19")],
    ),
    (
        "ar the start of the twentieth century carries START",
        "اكتشف النفط مطلع القرن العشرين.",
        "2015-08-01",
        &[("مطلع القرن العشرين", "19 START")],
    ),
    (
        "ar a lunar Hijri century",
        "ازدهرت المدارس في القرن الرابع عشر الهجري.",
        "2015-08-01",
        &[("القرن الرابع عشر الهجري", "1882-11-12/1979-11-19")],
    ),
    (
        "ar the nineties of the last century with of",
        "انهار الاتحاد السوفيتي في التسعينيات من القرن الماضي.",
        "2015-08-01",
        &[("التسعينيات من القرن الماضي", "199")],
    ),
    (
        "ar a decade with the conjunction clitic",
        "عاش في الستينيات وثمانينات القرن الماضي متنقلا.",
        "2015-08-01",
        &[("الستينيات", "196"), ("وثمانينات القرن الماضي", "198")],
    ),
    (
        "ar the Horn of Africa is no century",
        "تتابع الدول الوضع في القرن الإفريقي.",
        "2015-08-01",
        &[],
    ),
    (
        "ar a quarter century is a duration",
        "قضى ربع قرن في العمل الصحفي.",
        "2015-08-01",
        &[],
    ),
    (
        "ar a century of time is a duration",
        "مضى قرن من الزمان على الحادثة.",
        "2015-08-01",
        &[],
    ),
];

const DECADES_EN: &[Case] = &[
    (
        "en a decade in digits",
        "Inflation soared in the 1970s.",
        "2015-08-01",
        &[("the 1970s", "197")],
    ),
    (
        "en a decade in words",
        "The band was famous in the seventies.",
        "2015-08-01",
        &[("the seventies", "197")],
    ),
    (
        "en mid-decade carries MID",
        "Prices peaked in the mid-1990s.",
        "2015-08-01",
        &[("the mid-1990s", "199 MID")],
    ),
    (
        "en a decade with an apostrophe",
        "He grew up in the '80s.",
        "2015-08-01",
        &[("the '80s", "198")],
    ),
    (
        "en late in a decade carries END",
        "The plant closed in the late 1960s.",
        "2015-08-01",
        &[("the late 1960s", "196 END")],
    ),
    (
        "en a century in digits",
        "The church dates from the 18th century.",
        "2015-08-01",
        &[("the 18th century", "17")],
    ),
    (
        "en a century in words",
        "Railways transformed the nineteenth century.",
        "2015-08-01",
        &[("the nineteenth century", "18")],
    ),
    (
        "en the twenty-first century with a hyphen",
        "Cities of the twenty-first century need trains.",
        "2015-08-01",
        &[("the twenty-first century", "20")],
    ),
    (
        "en early in a century carries START",
        "The law was passed in the early 20th century.",
        "2015-08-01",
        &[("the early 20th century", "19 START")],
    ),
    (
        "en a century without its article",
        "Scholars of 11th century Europe wrote in Latin.",
        "2015-08-01",
        &[("11th century", "10")],
    ),
    (
        "en a century as an adjective",
        "It is a 21st-century problem.",
        "2015-08-01",
        &[("21st-century", "20")],
    ),
    (
        "en the twentieth century",
        "The twentieth century ended with a boom.",
        "2015-08-01",
        &[("The twentieth century", "19")],
    ),
    (
        "en the nineties",
        "Growth slowed during the nineties.",
        "2015-08-01",
        &[("the nineties", "199")],
    ),
    (
        "en a century-old bridge is no century",
        "The century-old bridge was repaired.",
        "2015-08-01",
        &[],
    ),
    (
        "en an ordinal round is no century",
        "He was knocked out in the 20th round.",
        "2015-08-01",
        &[],
    ),
    (
        "en centuries as a plural are no date",
        "The feud lasted for centuries.",
        "2015-08-01",
        &[],
    ),
];

const DAYS_FA: &[Case] = &[
    (
        "fa the last Thursday of the Solar Hijri year",
        "بازار در آخرین پنجشنبه سال شلوغ است.",
        "2021-12-10",
        &[("آخرین پنجشنبه سال", "2022-03-17")],
    ),
    (
        "fa the first Friday of Ramadan",
        "مراسم در اولین جمعه ماه رمضان برگزار می‌شود.",
        "2021-12-10",
        &[("اولین جمعه ماه رمضان", "2022-04-08")],
    ),
    (
        "fa the last day of Esfand",
        "مهلت ثبت‌نام آخرین روز اسفند است.",
        "2021-12-10",
        &[("آخرین روز اسفند", "2022-03-20")],
    ),
    (
        "fa the first day of a written year",
        "قانون از نخستین روز سال ۱۴۰۱ اجرا می‌شود.",
        "2021-12-10",
        &[("نخستین روز سال ۱۴۰۱", "2022-03-21")],
    ),
    (
        "fa the second Monday of Dey",
        "جلسه در دومین دوشنبه دی ماه است.",
        "2021-12-10",
        &[("دومین دوشنبه دی ماه", "2022-01-03")],
    ),
    (
        "fa the last Friday of the current Solar Hijri month",
        "نماز باران آخرین جمعه ماه خوانده شد.",
        "2021-12-10",
        &[("آخرین جمعه ماه", "2021-12-17")],
    ),
    (
        "fa the end of the week alone is this week",
        "نتایج اواخر هفته اعلام می‌شود.",
        "2021-12-10",
        &[("اواخر هفته", "2021-W49 END")],
    ),
    (
        "fa early next week",
        "وزیر اوایل هفته آینده به مشهد می‌رود.",
        "2021-12-10",
        &[("اوایل هفته آینده", "2021-W50 START")],
    ),
    (
        "fa late last year in the Solar Hijri calendar",
        "این طرح اواخر سال گذشته تصویب شد.",
        "2021-12-10",
        &[("اواخر سال گذشته", "2020-03-20/2021-03-20 END")],
    ),
    (
        "fa the first ten days of Muharram",
        "هیئت‌ها در دهه اول محرم فعال‌اند.",
        "2021-12-10",
        &[("دهه اول محرم", "2021-08-09/2021-08-18")],
    ),
    (
        "fa the last ten days of Ramadan run to its end",
        "اعتکاف در دهه آخر ماه رمضان است.",
        "2022-03-01",
        &[("دهه آخر ماه رمضان", "2022-04-22/2022-05-01")],
    ),
    (
        "fa the middle of this week",
        "قیمت‌ها اواسط هفته جاری بالا رفت.",
        "2021-12-10",
        &[("اواسط هفته جاری", "2021-W49 MID")],
    ),
    (
        "fa the last day of next month",
        "قسط آخرین روز ماه آینده سررسید می‌شود.",
        "2021-12-10",
        &[("آخرین روز ماه آینده", "2022-01-20")],
    ),
    (
        "fa the third Saturday of Mehr with its year",
        "مسابقه سومین شنبه مهر ۱۴۰۰ برگزار شد.",
        "2021-12-10",
        &[("سومین شنبه مهر ۱۴۰۰", "2021-10-09")],
    ),
    (
        "fa the last Thursday of Esfand of a written year",
        "آخرین پنجشنبه اسفند ۱۴۰۲ بازار گل شلوغ بود.",
        "2024-04-01",
        &[("آخرین پنجشنبه اسفند ۱۴۰۲", "2024-03-14")],
    ),
    (
        "fa the last days are an edge, not one day",
        "در آخرین روزهای سال خرید زیاد است.",
        "2021-12-10",
        &[("آخرین روزهای سال", "2021-03-21/2022-03-20 END")],
    ),
    (
        "fa the closing days of a month",
        "روزهای پایانی اسفند بازار گل شلوغ است.",
        "2021-12-10",
        &[("روزهای پایانی اسفند", "2022-02-20/2022-03-20 END")],
    ),
    (
        "fa the first days of a war are no period",
        "در نخستین روزهای جنگ شهر خالی شد.",
        "2021-12-10",
        &[],
    ),
    (
        "fa an ordinal without a period is no day",
        "این اولین روز کاری اوست.",
        "2021-12-10",
        &[],
    ),
];

const DAYS_AR: &[Case] = &[
    (
        "ar the second Thursday of Shaban",
        "يعقد الاجتماع في ثاني خميس من شهر شعبان.",
        "2021-12-10",
        &[("ثاني خميس من شهر شعبان", "2022-03-17")],
    ),
    (
        "ar the last Friday of Ramadan",
        "تقام الصلاة في آخر جمعة من رمضان.",
        "2021-12-10",
        &[("آخر جمعة من رمضان", "2022-04-29")],
    ),
    (
        "ar the last Friday of Ramadan, ordinal after",
        "خرج المصلون في الجمعة الأخيرة من شهر رمضان.",
        "2021-12-10",
        &[("الجمعة الأخيرة من شهر رمضان", "2022-04-29")],
    ),
    (
        "ar the end of the current month",
        "تنتهي المهلة نهاية الشهر الجاري.",
        "2021-12-10",
        &[("نهاية الشهر الجاري", "2021-12 END")],
    ),
    (
        "ar the start of next month",
        "يبدأ التسجيل مطلع الشهر المقبل.",
        "2021-12-10",
        &[("مطلع الشهر المقبل", "2022-01 START")],
    ),
    (
        "ar the first day of next year",
        "تطبق الضريبة من أول يوم من العام المقبل.",
        "2021-12-10",
        &[("أول يوم من العام المقبل", "2022-01-01")],
    ),
    (
        "ar the last day of the current month",
        "آخر موعد للتقديم اليوم الأخير من الشهر الجاري.",
        "2021-12-10",
        &[("اليوم الأخير من الشهر الجاري", "2021-12-31")],
    ),
    (
        "ar the middle of the week is this week",
        "ارتفعت الأسهم في منتصف الأسبوع.",
        "2021-12-10",
        &[("منتصف الأسبوع", "2021-W49 MID")],
    ),
    (
        "ar the start of next week",
        "يصل الوفد بداية الأسبوع المقبل.",
        "2021-12-10",
        &[("بداية الأسبوع المقبل", "2021-W50 START")],
    ),
    (
        "ar the first Friday of blessed Ramadan",
        "توزع السلال في أول جمعة من شهر رمضان المبارك.",
        "2021-12-10",
        &[("أول جمعة من شهر رمضان المبارك", "2022-04-08")],
    ),
    (
        "ar the last Thursday, ordinal after",
        "تعقد الندوة الخميس الأخير من شهر شعبان.",
        "2021-12-10",
        &[("الخميس الأخير من شهر شعبان", "2022-03-31")],
    ),
    (
        "ar the last day of a yearless month",
        "انتهى العقد في آخر يوم من يونيو.",
        "2021-12-10",
        &[("آخر يوم من يونيو", "2021-06-30")],
    ),
    (
        "ar the third Sunday of next month",
        "تبدأ البطولة ثالث أحد من الشهر المقبل.",
        "2021-12-10",
        &[("ثالث أحد من الشهر المقبل", "2022-01-16")],
    ),
    (
        "ar late in a lunar month carries END",
        "تنتهي الأعمال أواخر ذي الحجة.",
        "2021-12-10",
        &[("أواخر ذي الحجة", "2021-07-11/2021-08-08 END")],
    ),
    (
        "ar the last ten days of Ramadan",
        "يعتكف المصلون في العشر الأواخر من رمضان.",
        "2021-12-10",
        &[("العشر الأواخر من رمضان", "2022-04-22/2022-05-01")],
    ),
    (
        "ar the first ten days of Dhu al-Hijja",
        "يكثر الصيام في العشر الأوائل من ذي الحجة.",
        "2022-06-01",
        &[("العشر الأوائل من ذي الحجة", "2022-06-30/2022-07-09")],
    ),
    (
        "ar ten years are no ten days",
        "تغيرت المدينة كثيرا في السنوات العشر الأخيرة.",
        "2021-12-10",
        &[],
    ),
    (
        "ar the end of the current Hijri year carries END",
        "تستمر الحملة حتى نهاية العام الهجري الحالي.",
        "2015-08-01",
        &[("نهاية العام الهجري الحالي", "2014-10-25/2015-10-13 END")],
    ),
    (
        "ar the last day of the current Hijri year",
        "تغلق الحسابات في آخر يوم من العام الهجري الحالي.",
        "2015-08-01",
        &[("آخر يوم من العام الهجري الحالي", "2015-10-13")],
    ),
    (
        "ar the start of the next Hijri year carries START",
        "يبدأ تطبيق النظام مع مطلع العام الهجري القادم.",
        "2015-08-01",
        &[("مطلع العام الهجري القادم", "2015-10-14/2016-10-01 START")],
    ),
    (
        "ar the first days of Ramadan carry START",
        "تزدحم الأسواق في الأيام الأولى من شهر رمضان.",
        "2021-12-10",
        &[("الأيام الأولى من شهر رمضان", "2022-04-02/2022-05-01 START")],
    ),
    (
        "ar the last days of the year carry END",
        "ترتفع المبيعات في الأيام الأخيرة من العام.",
        "2021-12-10",
        &[("الأيام الأخيرة من العام", "2021 END")],
    ),
    (
        "ar the weekend holiday is no date",
        "يسافر كثيرون خلال عطلة نهاية الأسبوع.",
        "2021-12-10",
        &[],
    ),
    (
        "ar an ordinal without its period is no day",
        "كان هذا ثاني خميس يغيب فيه.",
        "2021-12-10",
        &[],
    ),
];

const DAYS_EN: &[Case] = &[
    (
        "en the second Sunday of May",
        "The race is held on the second Sunday of May.",
        "2021-12-10",
        &[("the second Sunday of May", "2022-05-08")],
    ),
    (
        "en the first Monday of September",
        "Classes began on the first Monday of September.",
        "2021-12-10",
        &[("the first Monday of September", "2021-09-06")],
    ),
    (
        "en the last Friday of the month",
        "Payroll runs on the last Friday of the month.",
        "2021-12-10",
        &[("the last Friday of the month", "2021-12-31")],
    ),
    (
        "en the last day of June",
        "The lease expired on the last day of June.",
        "2021-12-10",
        &[("the last day of June", "2021-06-30")],
    ),
    (
        "en the end of the week",
        "A decision is expected by the end of the week.",
        "2021-12-10",
        &[("the end of the week", "2021-W49 END")],
    ),
    (
        "en the end of next week",
        "The report is due at the end of next week.",
        "2021-12-10",
        &[("the end of next week", "2021-W50 END")],
    ),
    (
        "en early next week",
        "The minister will travel early next week.",
        "2021-12-10",
        &[("early next week", "2021-W50 START")],
    ),
    (
        "en the end of this week",
        "Shares should settle by the end of this week.",
        "2021-12-10",
        &[("the end of this week", "2021-W49 END")],
    ),
    (
        "en the beginning of next month",
        "Rents rise at the beginning of next month.",
        "2021-12-10",
        &[("the beginning of next month", "2022-01 START")],
    ),
    (
        "en the first day of next month",
        "The rule applies from the first day of next month.",
        "2021-12-10",
        &[("the first day of next month", "2022-01-01")],
    ),
    (
        "en the third Thursday of a written month",
        "The board met on the third Thursday in November 2020.",
        "2021-12-10",
        &[("the third Thursday in November 2020", "2020-11-19")],
    ),
    (
        "en the last Monday of a written month",
        "The parade fell on the last Monday of May 2022.",
        "2021-12-10",
        &[("the last Monday of May 2022", "2022-05-30")],
    ),
    (
        "en the end of the month",
        "Stocks rallied toward the end of the month.",
        "2021-12-10",
        &[("the end of the month", "2021-12 END")],
    ),
    (
        "en the middle of next month",
        "Results come out in the middle of next month.",
        "2021-12-10",
        &[("the middle of next month", "2022-01 MID")],
    ),
    (
        "en the last days of a month carry END",
        "The deal was signed in the last days of June.",
        "2021-12-10",
        &[("the last days of June", "2021-06 END")],
    ),
    (
        "en the first day of a trial is no date",
        "Witnesses spoke on the first day of the trial.",
        "2021-12-10",
        &[],
    ),
    (
        "en the second half of a match is no date",
        "He scored in the second half of the match.",
        "2021-12-10",
        &[],
    ),
];

fn check(table: &[Case]) {
    assert!(table.len() >= 15, "every category has at least 15 cases per language");
    super::table::check("periods", table);
}

#[test]
fn seasons_fa() {
    check(SEASONS_FA);
}

#[test]
fn seasons_ar() {
    check(SEASONS_AR);
}

#[test]
fn seasons_en() {
    check(SEASONS_EN);
}

#[test]
fn decades_and_centuries_fa() {
    check(DECADES_FA);
}

#[test]
fn decades_and_centuries_ar() {
    check(DECADES_AR);
}

#[test]
fn decades_and_centuries_en() {
    check(DECADES_EN);
}

#[test]
fn days_and_edges_fa() {
    check(DAYS_FA);
}

#[test]
fn days_and_edges_ar() {
    check(DAYS_AR);
}

#[test]
fn days_and_edges_en() {
    check(DAYS_EN);
}

#[test]
fn periods_carry_their_calendar_and_grain() {
    let one = |text: &str, dct: &str| {
        let m = extract(
            text,
            &Options {
                dct: parse_dct(dct),
                lang: None,
                ..Default::default()
            },
        )
        .mentions;
        assert_eq!(m.len(), 1, "{text}: {m:?}");
        m.into_iter().next().unwrap()
    };
    let m = one("پاییز امسال باران کم بود.", "2021-12-10");
    assert_eq!((m.calendar, m.grain), (Calendar::Persian, Grain::Interval));
    let m = one("نسل دهه هفتاد را می‌شناسیم.", "2021-12-10");
    assert_eq!(m.calendar, Calendar::Persian);
    let m = one("ولد في السبعينيات.", "2021-12-10");
    assert_eq!((m.calendar, m.grain), (Calendar::Gregorian, Grain::Decade));
    let m = one("تقام الصلاة في آخر جمعة من رمضان.", "2021-12-10");
    assert_eq!((m.calendar, m.grain), (Calendar::Hijri, Grain::Day));
    let m = one("بازار در آخرین پنجشنبه سال شلوغ است.", "2021-12-10");
    assert_eq!(m.calendar, Calendar::Persian);
}
