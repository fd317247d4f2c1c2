//! Durations (TIMEX3 `DURATION`): a count and a unit in every language —
//! `three years` (`P3Y`), `the past 24 hours`, `a couple of years`,
//! `two-year`, `سه سال`, `۲۴ ساعت گذشته`, `ثلاثة أيام`, `عامين` — and the
//! vague references that name no days (`now`, `the past`, `recent years`).
//! Read only when every TIMEX3 type is asked for.

use crate::extract::{Grain, Mod, TimexType};
use crate::lexicon::Lang;

use super::timex::Word;
use super::{Expr, Parser};
use crate::lexicon::DurUnit;

/// English words before a count that make it approximate.
pub(super) const EN_APPROX: &[&str] = &[
    "about",
    "around",
    "roughly",
    "some",
    "nearly",
    "almost",
    "approximately",
];

/// English words before a count kept in the span (`more than four hours`).
const EN_BOUND: &[&str] = &["over", "under", "within"];

/// English words between a determiner and a count (`the past two years`).
const EN_QUALIFIERS: &[&str] = &[
    "past",
    "last",
    "next",
    "coming",
    "first",
    "previous",
    "latest",
    "final",
    "preceding",
    "following",
    "initial",
];

/// Words after a count and a unit that make it a date, not a length (`two days ago`).
const EN_OFFSET_AFTER: &[&str] = &["ago", "later", "earlier", "hence"];

/// Persian words after a count and a unit that make it a counted date (`سه روز پیش`).
const FA_OFFSET_AFTER: &[&str] = &["پیش", "قبل", "بعد", "دیگر"];

/// Persian and Arabic words after a duration that say which stretch it is, kept in the span.
const FA_AR_STRETCH: &[&str] = &[
    "گذشته",
    "اخیر",
    "اینده",
    "اتی",
    "الماضیه",
    "الماضی",
    "الماضیین",
    "المقبله",
    "المقبل",
    "المقبلین",
    "القادمه",
    "القادم",
    "القادمین",
    "الاخیره",
    "الاخیرین",
    "الاولی",
    "الاولین",
];

impl Parser<'_> {
    /// A duration at token `i` in the text's language.
    pub(super) fn duration(&self, i: usize) -> Option<Expr> {
        match self.lang {
            Lang::En => self.en_duration(i).or_else(|| self.en_vague_length(i)),
            Lang::Fa | Lang::Ar => self.fa_ar_duration(i),
            Lang::Ur => None,
        }
    }

    /// A count of English units at `j`: (count, None for `several`), unit,
    /// token after, approximate, the unit of a written half (`5 1/2 hours`),
    /// and whether it is an adjective (`two-year`).
    #[allow(clippy::type_complexity)]
    fn en_count_unit(&self, j: usize) -> Option<(Option<u32>, DurUnit, usize, bool, Option<DurUnit>, bool)> {
        let mut approx = false;
        let (n, k) = if self.en_is(j, &["a"]) && self.en_is(j + 1, &["couple"]) && self.en_is(j + 2, &["of"]) {
            approx = true;
            (Some(2), j + 3)
        } else if self.en_is(j, &["couple"])
            && self.en_is(j + 1, &["of"])
            && self.en_is(j.wrapping_sub(1), EN_QUALIFIERS)
        {
            approx = true;
            (Some(2), j + 2)
        } else if self.en_is(j, &["a"]) && self.en_is(j + 1, &["few"]) {
            (None, j + 2)
        } else if matches!(self.tx_word(j), Some(Word::Some)) {
            (None, j + 1)
        } else if let Some((v, k)) = self.en_count(j, 9999) {
            // `twenty four hours`
            let (mut v, mut k) = (v, k);
            if v >= 20
                && v % 10 == 0
                && k == j + 1
                && let Some((u, k2)) = self.en_count(k, 9).filter(|_| !self.en_is(k, &["a", "an"]))
            {
                v += u;
                k = k2;
            }
            // `a hundred years`, `two thousand years`
            if self.en_is(k, &["hundred", "thousand"]) {
                v *= if self.en_is(k, &["hundred"]) { 100 } else { 1000 };
                k += 1;
            }
            (Some(v), k)
        } else {
            return None;
        };
        let article = self.en_is(j, &["a", "an"]) && n == Some(1);
        // `two more weeks`, `an additional year`
        let k = if self.en_is(k, &["more", "additional", "further", "straight", "consecutive"]) {
            k + 1
        } else {
            k
        };
        // `5 1/2 hours`
        let half = n.is_some()
            && self.num(k).is_some_and(|(v, _)| v == 1)
            && self.is_punct(k + 1, &['/'])
            && self.num(k + 2).is_some_and(|(v, _)| v == 2);
        let k = if half { k + 3 } else { k };
        let hyphen = self.en_hyphen(k) > k;
        let k = self.en_hyphen(k);
        let Some(Word::Unit { unit, plural }) = self.tx_word(k) else {
            return None;
        };
        // `a second round`, `a day` (a recurrence after an amount): no durations
        if article && (plural || unit == DurUnit::Second) {
            return None;
        }
        // `a 6-year-old boy`: an age
        if hyphen && self.is_punct(k + 1, &['-']) && self.en_is(k + 2, &["old"]) {
            return None;
        }
        if n.is_none() && !plural {
            return None;
        }
        let half = half.then_some(unit);
        Some((n, unit, k + 1, approx, half, hyphen && !plural))
    }

    /// `three years`, `the past two months`, `a couple of years`, `two-year`,
    /// `nearly forty years`, `the first nine months`, `the last twenty four hours`
    /// (`P1D`, as TimeBank writes a day of hours).
    fn en_duration(&self, i: usize) -> Option<Expr> {
        let mut j = i;
        let mut modifier = None;
        if self.en_is(j, EN_APPROX) {
            modifier = Some(Mod::Approx);
            j += 1;
        } else if (self.en_is(j, &["more", "less", "fewer"]) && self.en_is(j + 1, &["than"]))
            || (self.en_is(j, &["at"]) && self.en_is(j + 1, &["least", "most"]))
            || (self.en_is(j, &["up"]) && self.en_is(j + 1, &["to"]))
        {
            j += 2;
        } else if self.en_is(j, EN_BOUND) {
            j += 1;
        }
        let det = self.en_is(j, &["the", "its", "their", "his", "her", "this", "that"]);
        if det {
            j += 1;
        }
        let qualified = self.en_is(j, EN_QUALIFIERS);
        if qualified {
            j += 1;
        }
        let Some((n, unit, mut end, approx, half, adjective)) = self.en_count_unit(j) else {
            return self.en_unit_alone(i, j, det, qualified);
        };
        if approx {
            modifier = Some(Mod::Approx);
        }
        // `the years`, `a few` need their count; `the fourth quarter` is a date
        if det && !qualified && unit == DurUnit::Quarter && n.is_none() {
            return None;
        }
        if self.en_is(end, &["or"]) && self.en_is(end + 1, &["so"]) {
            modifier = Some(Mod::Approx);
            end += 2;
        }
        if self.en_is(end, EN_OFFSET_AFTER) {
            return None;
        }
        let value = match (unit, n, half) {
            (DurUnit::Hour, Some(24), None) => "P1D".to_string(),
            (_, Some(n), Some(DurUnit::Year)) => format!("P{n}Y6M"),
            (_, Some(n), Some(DurUnit::Day)) => format!("P{n}DT12H"),
            (_, Some(n), Some(DurUnit::Hour)) => format!("PT{n}H30M"),
            (_, Some(n), Some(DurUnit::Minute)) => format!("PT{n}M30S"),
            _ => unit.iso_duration(n),
        };
        // `the two-year plan`: the adjective alone is the duration
        let start = if adjective && modifier.is_none() { j } else { i };
        let mut e = Self::unplaced(start, end, TimexType::Duration, Grain::Duration, value);
        e.modifier = modifier;
        Some(e)
    }

    /// `the past decade`, `the next year` (one unit after a qualifier), `day-long`,
    /// `decades-long`: a length with no count written.
    fn en_unit_alone(&self, i: usize, j: usize, det: bool, qualified: bool) -> Option<Expr> {
        let Some(Word::Unit { unit, plural }) = self.tx_word(j) else {
            return None;
        };
        if qualified
            && !plural
            && unit != DurUnit::Quarter
            && (det || matches!(unit, DurUnit::Decade | DurUnit::Century))
        {
            return Some(Self::unplaced(
                i,
                j + 1,
                TimexType::Duration,
                Grain::Duration,
                unit.iso_duration(Some(1)),
            ));
        }
        let k = self.en_hyphen(j + 1);
        if !det && !qualified && k > j + 1 && self.en_is(k, &["long"]) {
            let n = (!plural).then_some(1);
            return Some(Self::unplaced(
                j,
                k + 1,
                TimexType::Duration,
                Grain::Duration,
                unit.iso_duration(n),
            ));
        }
        None
    }

    /// Lengths with no count: `for years`, `coming weeks` (`PXW`), `recent months`.
    fn en_vague_length(&self, i: usize) -> Option<Expr> {
        let (start, k) = if self.en_is(i, &["for"]) {
            (i + 1, i + 1)
        } else if self.en_is(i, &["coming"]) {
            (i, i + 1)
        } else if self.en_is(i, &["the"]) && self.en_is(i + 1, &["coming"]) {
            (i, i + 2)
        } else if self.en_is(i, &["recent"]) {
            (i, i + 1)
        } else {
            return None;
        };
        let Some(Word::Unit { unit, plural: true }) = self.tx_word(k) else {
            return None;
        };
        if unit == DurUnit::Quarter && start == i + 1 {
            return None;
        }
        Some(Self::unplaced(
            start,
            k + 1,
            TimexType::Duration,
            Grain::Duration,
            unit.iso_duration(None),
        ))
    }

    /// A Persian or Arabic count at `j`: digits, number words (`بیست و پنج`,
    /// `خمسة وعشرين`) or `چند`/`عدة` (None).
    pub(super) fn fa_ar_count(&self, j: usize) -> Option<(Option<u32>, usize)> {
        if let Some((v, digits)) = self.num(j) {
            return (digits <= 4 && v > 0).then_some((Some(v), j + 1));
        }
        match self.tx_word(j)? {
            Word::Some => Some((None, j + 1)),
            Word::Num(a) => {
                // `بیست و پنج`, `خمسة وعشرين`: one number word, `و`, another
                let and = if self.tx_is(j + 1, &["و"]) { j + 2 } else { j + 1 };
                if let Some(Word::Num(b)) = self.tx_word(and).filter(|_| and == j + 2 || self.glued_and(j + 1))
                    && ((a >= 20 && b < 10) || (a < 10 && b >= 20))
                {
                    return Some((Some(a + b), and + 1));
                }
                Some((Some(a), j + 1))
            }
            _ => None,
        }
    }

    /// Whether token `i` is a word with the conjunction `و` glued to it (`وعشرين`).
    fn glued_and(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.text(self.buf).starts_with('و')) && matches!(self.tx_word(i), Some(Word::Num(_)))
    }

    /// `سه سال`, `۲۴ ساعت گذشته`, `چند هفته`, `ثلاثة أيام`, `5 سنوات`, `عامين`,
    /// `السنوات الخمس الماضية`, `عام واحد`.
    fn fa_ar_duration(&self, i: usize) -> Option<Expr> {
        // `قبل ثلاثة أيام`, `بعد عامين`: a counted date, not a length
        if self.lang == Lang::Ar && i > 0 && self.tx_is(i - 1, &["قبل", "بعد"]) {
            return None;
        }
        let mut j = i;
        let mut modifier = None;
        if self.entry(j, crate::lexicon::Kind::Vague).is_some() {
            modifier = Some(Mod::Approx);
            j += 1;
            if self.tx_is(j, &["از", "من"]) {
                j += 1;
            }
        }
        let (n, unit, mut end) = if let Some(Word::Dual(unit)) = self.tx_word(j) {
            (Some(2), unit, j + 1)
        } else if let Some(Word::Unit { unit, .. }) = self.tx_word(j)
            && self.tx_is(j + 1, &["واحد", "واحده", "واحدا"])
        {
            (Some(1), unit, j + 2)
        } else if self.lang == Lang::Ar
            && let Some(Word::Unit { unit, plural: true }) = self.tx_word(j)
            && let Some(Word::Num(n)) = self.tx_word(j + 1)
            && self.tx_is(j + 2, FA_AR_STRETCH)
        {
            // `السنوات الخمس الماضية`: the unit, its count, which stretch
            (Some(n), unit, j + 2)
        } else {
            let (n, k) = self.fa_ar_count(j)?;
            let Some(Word::Unit { unit, plural }) = self.tx_word(k) else {
                return None;
            };
            // Arabic counts 3–10 take a plural; a singular after a bare digit is a date part
            if self.lang == Lang::Ar && n.is_some_and(|n| (3..=10).contains(&n)) && !plural {
                return None;
            }
            (n, unit, k + 1)
        };
        if j == i && modifier.is_none() && self.num(j).is_some() && self.month_word_after(end).is_some() {
            return None; // `روز ۱۲ ماه ژانویه`: a day of a month
        }
        if self.lang == Lang::Fa && self.tx_is(end, &["ها"]) {
            end += 1;
        }
        if self.tx_is(end, FA_OFFSET_AFTER) && self.lang == Lang::Fa {
            return None;
        }
        if self.tx_is(end, FA_AR_STRETCH) {
            end += 1;
        }
        let mut e = Self::unplaced(i, end, TimexType::Duration, Grain::Duration, unit.iso_duration(n));
        e.modifier = modifier;
        Some(e)
    }

    /// A reference with no days of its own: `now`, `currently`, `the past`,
    /// `the future`, `اکنون`, `الآن`, `حالياً`.
    pub(super) fn reference(&self, i: usize) -> Option<Expr> {
        let r = |end: usize, v: &str| Some(Self::unplaced(i, end, TimexType::Date, Grain::Vague, v.to_string()));
        if let Some(Word::Ref(v)) = self.tx_word(i) {
            // `right now`, `until now` keep their word; `now that` is a conjunction
            if self.en_is(i + 1, &["that"]) && v == "PRESENT_REF" {
                return None;
            }
            return r(i + 1, v);
        }
        if self.lang != Lang::En {
            return self.fa_ar_reference(i);
        }
        let det = usize::from(self.en_is(i, &["the"]));
        let k = i + det;
        if self.en_is(k, &["future"]) && (det == 1 || self.en_is(i.wrapping_sub(1), &["in"])) {
            return r(k + 1, "FUTURE_REF");
        }
        if det == 1 && self.en_is(k, &["near"]) && self.en_is(k + 1, &["future", "term"]) {
            return r(k + 2, "FUTURE_REF");
        }
        if det == 1
            && self.en_is(k, &["past"])
            && self.en_count_unit(k + 1).is_none()
            && !matches!(self.tx_word(k + 1), Some(Word::Unit { .. }))
        {
            return r(k + 1, "PAST_REF");
        }
        if self.en_is(k, &["these"]) && self.en_is(k + 1, &["days"]) && det == 0 {
            return r(k + 2, "PRESENT_REF");
        }
        None
    }

    /// `در حال حاضر`, `هم‌اکنون`, `في الوقت الحالي`, `في الآونة الأخيرة`, `سال‌های اخیر`.
    fn fa_ar_reference(&self, i: usize) -> Option<Expr> {
        let r = |end: usize, v: &str| Some(Self::unplaced(i, end, TimexType::Date, Grain::Vague, v.to_string()));
        if self.tx_is(i, &["در"]) && self.tx_is(i + 1, &["حال"]) && self.tx_is(i + 2, &["حاضر"]) {
            return r(i + 3, "PRESENT_REF");
        }
        if self.tx_is(i, &["هم"]) && self.tx_is(i + 1, &["اکنون"]) {
            return r(i + 2, "PRESENT_REF");
        }
        if self.tx_is(i, &["الوقت", "الفتره"]) && self.tx_is(i + 1, &["الحالی", "الراهن"]) {
            return r(i + 2, "PRESENT_REF");
        }
        if self.tx_is(i, &["الاونه"]) && self.tx_is(i + 1, &["الاخیره"]) {
            return r(i + 2, "PAST_REF");
        }
        if let Some(Word::Unit { unit, .. }) = self.tx_word(i)
            && unit != DurUnit::Hour
        {
            // `سال‌های اخیر`, `السنوات الأخيرة`, `الأشهر المقبلة`: recent or coming units, no count
            let k = if self.tx_is(i + 1, &["های"]) { i + 2 } else { i + 1 };
            let plural_ar = self.lang == Lang::Ar && matches!(self.tx_word(i), Some(Word::Unit { plural: true, .. }));
            if (k == i + 2 || plural_ar) && self.tx_is(k, &["اخیر", "گذشته", "الاخیره", "الماضیه"])
            {
                return r(k + 1, "PAST_REF");
            }
            if (k == i + 2 || plural_ar) && self.tx_is(k, &["اینده", "اتی", "المقبله", "القادمه"])
            {
                return r(k + 1, "FUTURE_REF");
            }
        }
        None
    }
}
