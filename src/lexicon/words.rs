//! What a lexicon word is ([`Kind`], what a rule asks for) and what it
//! means ([`Value`], typed by its kind): months, weekdays, numbers,
//! directions, units, eras, connectors.

use crate::calendar::Calendar;

/// What a lexicon word is. The entry's [`Value`] says which one (which
/// month, which direction); the kind is what a rule asks for.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A Gregorian month name ([`Value::Month`]).
    GMonth,
    /// A Solar Hijri month name ([`Value::Month`]).
    PMonth,
    /// A lunar Hijri month name ([`Value::Month`]).
    HMonth,
    /// A weekday ([`Value::Weekday`]).
    Weekday,
    /// An ordinal day word ([`Value::Number`]; tens compose: بیست و سوم).
    Ordinal,
    /// A cardinal number word ([`Value::Number`]).
    NumWord,
    /// Today, yesterday... ([`Value::Days`], the offset from the document date).
    RelDay,
    /// A calendar unit a relative expression counts in ([`Value::Unit`]).
    Unit,
    /// A unit that only counts: minutes, `days` ([`Value::DurUnit`]).
    DurUnit,
    /// Which one: last, this, next ([`Value::Dir`]).
    Dir,
    /// A whole-word relative year, امسال ([`Value::Years`], the offset).
    RelYear,
    /// A modifier: early, mid, late, before, after ([`Value::Mod`]).
    Mod,
    /// `تاکنون`: until now.
    SinceNow,
    /// A frame word ([`Value::Frame`]).
    Frame,
    /// An era mark ([`Value::Era`], the calendar it names).
    Era,
    /// A connector: and, to, from ([`Value::Conj`]).
    Conj,
    /// `ساعت`: the clock word before a time.
    Clock,
    /// Before or after noon ([`Value::AmPm`]).
    AmPm,
    /// `ago`, `منذ`, `پیش`.
    Ago,
    /// A quantifier that makes a count vague (more than, about).
    Vague,
    /// A future-tense marker (خواهد, سوف, will).
    Future,
    /// A noun a weekday after it names a thing, not a day (`نماز جمعه`,
    /// `صلاة الجمعة`: the Friday prayer, and its imam).
    NameHead,
    /// `خلال`, `طوال`: over the span that follows (`خلال الأيام الخمسة المقبلة`).
    Within,
    /// A season ([`Value::Season`]).
    Season,
    /// Which one of a period's days or weekdays: `اولین`, `ثاني`, `آخرین` ([`Value::Nth`]).
    Nth,
    /// `دهه` ([`Value::Marker`]), or a decade named by its tens: `السبعينيات` ([`Value::Number`] 70).
    Decade,
    /// `قرن`, `القرن`, `century`.
    Century,
}

/// What a lexicon word means, typed by what it is.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A month, 1–12, of the calendar its [`Kind`] names.
    Month(u8),
    /// A weekday.
    Weekday(chrono::Weekday),
    /// A number: a day (ordinal words) or a count (cardinal words).
    Number(u32),
    /// An offset in days from the document date (`دیروز` −1).
    Days(i32),
    /// An offset in years from the document's year (`پارسال` −1).
    Years(i32),
    /// A calendar unit.
    Unit(Unit),
    /// A unit that only counts.
    DurUnit(DurUnit),
    /// An Arabic dual: two of the unit (`يومين`, `عامين`).
    Dual(DurUnit),
    /// Last, this or next.
    Dir(Dir),
    /// A modifier.
    Mod(ModWord),
    /// A frame word.
    Frame(FrameWord),
    /// The calendar an era mark names.
    Era(Calendar),
    /// A connector.
    Conj(Conj),
    /// Before or after noon.
    AmPm(AmPm),
    /// A season.
    Season(Season),
    /// Which one of a period's days: 1–5 from its start, −1 the last.
    Nth(i8),
    /// The kind says all (`ago`, a future marker, a name head).
    Marker,
}

/// A calendar unit relative and counted expressions use.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A day.
    Day,
    /// A week.
    Week,
    /// A month of the text's calendar.
    Month,
    /// A year of the text's calendar.
    Year,
    /// Ten years.
    Decade,
}

/// Which one of a series a word points to: the one before the document's,
/// the document's own, or the one after.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Dir {
    /// The one before: last, گذشته, الماضي.
    Past,
    /// The document's own: this, این, هذا.
    This,
    /// The one after: next, آینده, المقبل.
    Next,
}

impl Dir {
    /// How many steps from the document's: −1, 0 or 1.
    pub fn offset(self) -> i32 {
        match self {
            Dir::Past => -1,
            Dir::This => 0,
            Dir::Next => 1,
        }
    }
}

/// A connector between two expressions.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Conj {
    /// `و`, `and`: a list.
    And,
    /// `تا`, `إلى`, `to`: the end of a range.
    To,
    /// `از`, `من`, `from`: the start of a range.
    From,
}

/// Before or after noon.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum AmPm {
    /// Before noon.
    Am,
    /// After noon.
    Pm,
}

impl AmPm {
    /// The 24-hour hour of `h` o'clock on a 12-hour clock: 3 pm is 15, 12 am is 0.
    pub fn to_24h(self, h: u8) -> u8 {
        match self {
            AmPm::Pm if h < 12 => h + 12,
            AmPm::Am if h == 12 => 0,
            _ => h,
        }
    }
}

/// A season of the year.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Season {
    /// `بهار`, `الربيع`, spring.
    Spring,
    /// `تابستان`, `الصيف`, summer.
    Summer,
    /// `پاییز`, `الخريف`, fall.
    Fall,
    /// `زمستان`, `الشتاء`, winter.
    Winter,
}

/// Units a duration or a count counts in (`ثلاث ساعات`, `دو دهه`, `five years`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum DurUnit {
    /// A second.
    Second,
    /// A minute.
    Minute,
    /// An hour.
    Hour,
    /// A day.
    Day,
    /// A week.
    Week,
    /// A month.
    Month,
    /// Three months.
    Quarter,
    /// A year.
    Year,
    /// Ten years.
    Decade,
    /// A hundred years.
    Century,
}

impl DurUnit {
    /// The unit named in the data files: `second`, `minute`, `hour`, `day`,
    /// `week`, `month`, `quarter`, `year`, `decade` or `century`.
    pub fn from_name(name: &str) -> Option<DurUnit> {
        Some(match name {
            "second" => DurUnit::Second,
            "minute" => DurUnit::Minute,
            "hour" => DurUnit::Hour,
            "day" => DurUnit::Day,
            "week" => DurUnit::Week,
            "month" => DurUnit::Month,
            "quarter" => DurUnit::Quarter,
            "year" => DurUnit::Year,
            "decade" => DurUnit::Decade,
            "century" => DurUnit::Century,
            _ => return None,
        })
    }

    /// The ISO 8601 duration TIMEX3 writes for `n` units (`P3Y`, `PT2H`; a
    /// decade or century counts in years, `P20Y`); `n` None is an unknown
    /// count (`PXY`, and `PXE`/`PXC` for decades and centuries).
    pub fn iso_duration(self, n: Option<u32>) -> String {
        let count = |k: u32| n.map_or_else(|| "X".to_string(), |n| n.saturating_mul(k).to_string());
        match self {
            DurUnit::Second => format!("PT{}S", count(1)),
            DurUnit::Minute => format!("PT{}M", count(1)),
            DurUnit::Hour => format!("PT{}H", count(1)),
            DurUnit::Day => format!("P{}D", count(1)),
            DurUnit::Week => format!("P{}W", count(1)),
            DurUnit::Month => format!("P{}M", count(1)),
            DurUnit::Quarter => format!("P{}Q", count(1)),
            DurUnit::Year => format!("P{}Y", count(1)),
            DurUnit::Decade if n.is_none() => "PXE".into(),
            DurUnit::Decade => format!("P{}Y", count(10)),
            DurUnit::Century if n.is_none() => "PXC".into(),
            DurUnit::Century => format!("P{}Y", count(100)),
        }
    }
}

/// Modifier words.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ModWord {
    /// Early, اوایل, بداية.
    Start,
    /// Mid, اواسط, منتصف.
    Mid,
    /// Late, the end of, اواخر, نهاية.
    End,
    /// Before, قبل از.
    Before,
    /// After, بعد از.
    After,
}

impl ModWord {
    /// Whether the word names a part of a period (start, middle or end) rather
    /// than a time before or after it.
    pub fn is_edge(self) -> bool {
        matches!(self, ModWord::Start | ModWord::Mid | ModWord::End)
    }
}

/// Frame words.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FrameWord {
    /// `روز`, `يوم`: the day word before a day.
    Day,
    /// `در`, `في`, `in`.
    In,
    /// `تاریخ`, `بتاريخ`: the date word.
    Date,
    /// `شب`, `ليلة`: the night of.
    Night,
    /// `از`, `من`, `of`: the period a part belongs to.
    Of,
    /// `الموافق`, `برابر با`: the same day in another calendar follows.
    Equals,
}
