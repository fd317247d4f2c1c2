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

/// Units that only count.
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
    /// The Arabic dual: two days.
    Day2,
    /// A week.
    Week,
    /// The Arabic dual: two weeks.
    Week2,
    /// A month.
    Month,
    /// The Arabic dual: two months.
    Month2,
    /// A year.
    Year,
    /// The Arabic dual: two years.
    Year2,
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
