//! Recurrences (TIMEX3 `SET`): `every Monday` (`XXXX-WXX-1`), `each July`
//! (`XXXX-07`), `every two years` (`P2Y`), `daily` (`P1D`), `twice a week`,
//! `Tuesday nights`, `هر دوشنبه`, `هر سال`, `سالانه`, `كل يوم اثنين`,
//! `كل عام`, `شهرياً`. Read only when every TIMEX3 type is asked for.

use crate::extract::{Grain, TimexType};
use crate::lexicon::{Kind, Lang};

use super::durations::EN_APPROX;
use super::timex::Word;
use super::{Expr, Parser};
use crate::lexicon::DurUnit;

/// English plural weekdays (`on Mondays`): a weekly recurrence.
const EN_PLURAL_WEEKDAYS: &[&str] = &[
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "saturdays",
    "sundays",
];

/// English words after which `a year`, `a day` is a rate (`twice a year`, `$5 a day`).
const EN_RATE_BEFORE: &[&str] = &[
    "once", "twice", "times", "million", "billion", "percent", "cents", "dollars", "per", "barrels", "tons",
];

impl Parser<'_> {
    /// A recurrence at token `i`.
    pub(super) fn set(&self, i: usize) -> Option<Expr> {
        match self.lang {
            Lang::En => self.en_set(i),
            Lang::Fa | Lang::Ar => self.fa_ar_set(i),
            Lang::Ur => None,
        }
    }

    /// What follows `every`/`هر`/`كل` at `j`: a count and unit, a unit, a weekday
    /// (Arabic `يوم اثنين` too), an English month, or a part of the day.
    fn every_what(&self, j: usize) -> Option<(String, usize)> {
        // `كل جمعة`, `كل يوم جمعة`: Friday without its article
        if self.lang == Lang::Ar {
            let k = if self.tx_is(j, &["یوم"]) { j + 1 } else { j };
            if self.tx_is(k, &["جمعه"]) {
                return Some(("XXXX-WXX-5".into(), k + 1));
            }
        }
        if let Some((e, k)) = self.entry(j, Kind::Weekday)
            && let Some(w) = e.weekday()
        {
            let mut value = format!("XXXX-WXX-{}", w.number_from_monday());
            let mut k = k;
            if let Some(Word::Part(p)) = self.tx_word(k) {
                value = format!("{value}T{}", p.code());
                k += 1;
            }
            return Some((value, k));
        }
        if let Some(Word::Unit { unit, plural }) = self.tx_word(j) {
            // `كل يوم اثنين`, `هر روز شنبه`: the weekday after the day word
            if unit == DurUnit::Day
                && let Some((e, k)) = self.entry(j + 1, Kind::Weekday)
                && let Some(w) = e.weekday()
            {
                return Some((format!("XXXX-WXX-{}", w.number_from_monday()), k));
            }
            // `كل الأيام` is `all the days`
            if plural || (self.lang == Lang::Ar && self.tok(j).is_some_and(|t| t.text(self.buf).starts_with("ال"))) {
                return None;
            }
            return Some((unit.iso_duration(Some(1)), j + 1));
        }
        if let Some(Word::Part(p)) = self.tx_word(j) {
            return Some((format!("XXXX-XX-XXT{}", p.code()), j + 1));
        }
        if self.lang == Lang::En
            && let Some(m) = self.month(j).filter(|m| m.cal == crate::calendar::Calendar::Gregorian)
        {
            return Some((format!("XXXX-{:02}", m.month), m.end));
        }
        // `every two years`, `كل ثلاثة أشهر`
        let (n, k) = if self.lang == Lang::En {
            let (n, k) = self.en_count(j, 999).filter(|_| !self.en_is(j, &["a", "an", "one"]))?;
            (n, k)
        } else {
            let (Some(n), k) = self.fa_ar_count(j)? else {
                return None;
            };
            (n, k)
        };
        let Some(Word::Unit { unit, .. }) = self.tx_word(k) else {
            return None;
        };
        Some((unit.iso_duration(Some(n)), k + 1))
    }

    /// `every day`, `each Thursday`, `every other week`, `daily`, `annually`,
    /// `twice a year`, `on Mondays`, `Tuesday nights`.
    fn en_set(&self, i: usize) -> Option<Expr> {
        let set = |end: usize, v: String| Some(Self::unplaced(i, end, TimexType::Set, Grain::Set, v));
        match self.tx_word(i) {
            Some(Word::Every) => {
                let j = if self.en_is(i + 1, &["other"]) { i + 2 } else { i + 1 };
                let (mut v, end) = self.every_what(j)?;
                if j == i + 2
                    && let Some(rest) = v.strip_prefix("P1")
                {
                    v = format!("P2{rest}");
                }
                return set(end, v);
            }
            // `the Morning Daily Herald`: a name, unless it opens the sentence
            Some(Word::Per(_)) if self.toks[i].capital && i > 0 && !self.is_punct(i - 1, &['.', '"', '“']) => {}
            Some(Word::Per(unit)) => {
                let v = if unit == DurUnit::Quarter {
                    DurUnit::Month.iso_duration(Some(3))
                } else {
                    unit.iso_duration(Some(1))
                };
                return set(i + 1, v);
            }
            _ => {}
        }
        if let Some(k) = EN_PLURAL_WEEKDAYS.iter().position(|w| self.en_is(i, &[w])) {
            let mut v = format!("XXXX-WXX-{}", k + 1);
            let mut end = i + 1;
            if self.en_is(end, &["night", "nights"]) {
                v.push_str("TNI");
                end += 1;
            }
            return set(end, v);
        }
        // `Tuesday nights`
        if let Some((e, k)) = self.entry(i, Kind::Weekday)
            && self.en_is(k, &["nights", "mornings", "evenings", "afternoons"])
            && let Some(w) = e.weekday()
        {
            let part = match self.en_word(k) {
                Some("nights") => "NI",
                Some("mornings") => "MO",
                Some("evenings") => "EV",
                _ => "AF",
            };
            return set(k + 1, format!("XXXX-WXX-{}T{part}", w.number_from_monday()));
        }
        // `twice a year`, `$5 a day`, `per week`
        if (self.en_is(i, &["a", "per"]))
            && (i > 0
                && (self.en_is(i - 1, EN_RATE_BEFORE) || self.num(i - 1).is_some() || self.is_punct(i - 1, &['%'])))
            && let Some(Word::Unit { unit, plural: false }) = self.tx_word(i + 1)
            && unit != DurUnit::Second
        {
            return set(i + 2, unit.iso_duration(Some(1)));
        }
        None
    }

    /// `هر روز`, `هر دوشنبه`, `هر سال`, `روزانه`, `سالانه`, `كل يوم`,
    /// `كل يوم اثنين`, `كل عام`, `يومياً`, `شهرياً`, `هر ساله`, `همه روزه`.
    fn fa_ar_set(&self, i: usize) -> Option<Expr> {
        let set = |end: usize, v: String| Some(Self::unplaced(i, end, TimexType::Set, Grain::Set, v));
        match self.tx_word(i) {
            Some(Word::Every) => {
                // `هر ساله`, `هر روزه`: the adjective forms
                if self.lang == Lang::Fa {
                    let per = |w: &str| match w {
                        "ساله" => Some(DurUnit::Year),
                        "روزه" => Some(DurUnit::Day),
                        "هفته" => Some(DurUnit::Week),
                        "ماهه" => Some(DurUnit::Month),
                        _ => None,
                    };
                    if let Some(u) = self.en_word(i + 1).and_then(per) {
                        return set(i + 2, u.iso_duration(Some(1)));
                    }
                    // `هر دو کشور`: both; a count after `هر` is a recurrence only before `یک بار`
                    if self.tx_word(i + 1).is_some_and(|w| matches!(w, Word::Num(_))) {
                        return None;
                    }
                }
                let (v, end) = self.every_what(i + 1)?;
                set(end, v)
            }
            Some(Word::Per(unit)) => set(i + 1, unit.iso_duration(Some(1))),
            _ if self.lang == Lang::Fa && self.tx_is(i, &["همه"]) && self.tx_is(i + 1, &["روزه"]) => {
                set(i + 2, DurUnit::Day.iso_duration(Some(1)))
            }
            _ => None,
        }
    }

    /// Words that begin a duration, a recurrence or a reference and are not
    /// in the TIMEX3 word table (`the`, `for`, `more`, `حدود`, `در حال`).
    pub(super) fn tx_start_word(&self, i: usize) -> bool {
        if self.entry(i, Kind::Vague).is_some() {
            return true;
        }
        match self.lang {
            Lang::En => {
                self.en_is(
                    i,
                    &[
                        "the", "a", "an", "for", "coming", "more", "less", "fewer", "at", "up", "over", "under",
                        "within", "past", "last", "next", "first", "recent", "these", "future", "per",
                    ],
                ) || self.en_is(i, EN_APPROX)
                    || self.en_is(i, EN_PLURAL_WEEKDAYS)
                    || self.en_count(i, 9999).is_some()
                    || self.entry(i, Kind::Weekday).is_some()
            }
            Lang::Fa => self.tx_is(i, &["در", "هم", "همه", "سال", "ماه", "هفته", "روز"]),
            Lang::Ar => self.tx_is(i, &["الوقت", "الفتره", "الاونه"]),
            Lang::Ur => false,
        }
    }
}
