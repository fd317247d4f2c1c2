//! Comparing the dates of events: equal, narrower, wider or incompatible,
//! and which of two dates is more precise.

use chrono::{Datelike, NaiveDate};

use crate::extract::{Grain, Mod};

/// The date of a (candidate) event: the original value and its inclusive days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventDate {
    /// The TIMEX3-style value (`2022-01-09`, `2022-01`, `2022-01-09/2022-01-10`).
    pub value: String,
    /// Its precision.
    pub grain: Grain,
    /// Its modifier (`START`, `APPROX`, ...), if any.
    pub modifier: Option<Mod>,
    /// First day covered.
    pub first_day: NaiveDate,
    /// Last day covered, inclusive.
    pub last_day: NaiveDate,
}

/// How a new date relates to an existing one.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Relation {
    /// The same days with the same modifier.
    Equal,
    /// The new date lies inside the existing one (it refines it).
    Narrower,
    /// The new date contains the existing one.
    Wider,
    /// Disjoint, overlapping without containment, or open-ended (BEFORE/AFTER)
    /// dates that are not equal: these never merge.
    Incompatible,
}

impl EventDate {
    /// Length in days (1 for a single day).
    pub fn span_days(&self) -> i64 {
        (self.last_day - self.first_day).num_days() + 1
    }

    /// The days the date effectively covers when comparing: START, MID and
    /// END of a whole month or year narrow it to its first, middle or last
    /// third (days 1–10 / 11–20 / 21–end; January–April / May–August /
    /// September–December), so "early January" does not absorb 21 January.
    /// Days the extractor already narrowed are kept as they are.
    pub fn effective_span(&self) -> (NaiveDate, NaiveDate) {
        let (f, l) = (self.first_day, self.last_day);
        let Some(m) = self.modifier else { return (f, l) };
        let whole_month =
            f.day() == 1 && l.succ_opt().is_none_or(|n| n.day() == 1) && f.month() == l.month() && f.year() == l.year();
        let whole_year = f.ordinal() == 1 && l.month() == 12 && l.day() == 31 && f.year() == l.year();
        let thirds = |a: NaiveDate, b: NaiveDate, c: NaiveDate| match m {
            Mod::Start => (f, a.pred_opt().unwrap_or(a)),
            Mod::Mid => (a, b.pred_opt().unwrap_or(b)),
            Mod::End => (b, c),
            _ => (f, l),
        };
        if whole_month && self.grain == Grain::Month {
            match (f.with_day(11), f.with_day(21)) {
                (Some(a), Some(b)) => thirds(a, b, l),
                _ => (f, l),
            }
        } else if whole_year && self.grain == Grain::Year {
            match (f.with_month(5), f.with_month(9)) {
                (Some(a), Some(b)) => thirds(a, b, l),
                _ => (f, l),
            }
        } else {
            (f, l)
        }
    }

    fn open_ended(&self) -> bool {
        matches!(self.modifier, Some(Mod::Before | Mod::After))
    }

    /// How `self` (a new date) relates to `existing`.
    pub fn relation_to(&self, existing: &EventDate) -> Relation {
        let same_days = self.first_day == existing.first_day && self.last_day == existing.last_day;
        if same_days && self.modifier == existing.modifier {
            return Relation::Equal;
        }
        if self.open_ended() || existing.open_ended() {
            return Relation::Incompatible;
        }
        let (sf, sl) = self.effective_span();
        let (ef, el) = existing.effective_span();
        let inside = ef <= sf && sl <= el;
        let contains = sf <= ef && el <= sl;
        match (inside, contains) {
            // Same days, different modifier (e.g. APPROX): the unmodified one is more precise.
            (true, true) => {
                if self.modifier.is_none() {
                    Relation::Narrower
                } else {
                    Relation::Wider
                }
            }
            (true, false) => Relation::Narrower,
            (false, true) => Relation::Wider,
            (false, false) => Relation::Incompatible,
        }
    }
}

/// Test constructor shared by the chronology modules' tests.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::EventDate;
    use crate::extract::{Grain, Mod};

    /// An event date from its value, grain, modifier and ISO first/last days.
    pub(crate) fn event_date(value: &str, grain: Grain, modifier: Option<Mod>, first: &str, last: &str) -> EventDate {
        EventDate {
            value: value.into(),
            grain,
            modifier,
            first_day: first.parse().expect("test date"),
            last_day: last.parse().expect("test date"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::tests_support::event_date as d;

    #[test]
    fn relations() {
        let early_jan = d("2022-01", Grain::Month, Some(Mod::Start), "2022-01-01", "2022-01-10");
        let talks = d(
            "2022-01-09/2022-01-10",
            Grain::Interval,
            None,
            "2022-01-09",
            "2022-01-10",
        );
        let jan12 = d("2022-01-12", Grain::Day, None, "2022-01-12", "2022-01-12");
        let jan = d("2022-01", Grain::Month, None, "2022-01-01", "2022-01-31");
        assert_eq!(talks.relation_to(&early_jan), Relation::Narrower);
        assert_eq!(early_jan.relation_to(&talks), Relation::Wider);
        assert_eq!(jan12.relation_to(&early_jan), Relation::Incompatible);
        assert_eq!(jan.relation_to(&jan12), Relation::Wider);
        assert_eq!(jan12.relation_to(&jan12.clone()), Relation::Equal);
        assert_eq!(talks.relation_to(&jan12), Relation::Incompatible);
        // The extractor may give START the whole month: it still means days 1–10.
        let early_whole = d("2022-01", Grain::Month, Some(Mod::Start), "2022-01-01", "2022-01-31");
        assert_eq!(talks.relation_to(&early_whole), Relation::Narrower);
        assert_eq!(jan12.relation_to(&early_whole), Relation::Incompatible);
        assert_eq!(early_whole.relation_to(&jan), Relation::Narrower);
        let late_2021 = d("2021", Grain::Year, Some(Mod::End), "2021-01-01", "2021-12-31");
        let dec7 = d("2021-12-07", Grain::Day, None, "2021-12-07", "2021-12-07");
        let mar1 = d("2021-03-01", Grain::Day, None, "2021-03-01", "2021-03-01");
        assert_eq!(dec7.relation_to(&late_2021), Relation::Narrower);
        assert_eq!(mar1.relation_to(&late_2021), Relation::Incompatible);
    }

    #[test]
    fn open_ended_dates_only_merge_when_equal() {
        let before = d("1997", Grain::Year, Some(Mod::Before), "1997-01-01", "1997-12-31");
        let year = d("1997", Grain::Year, None, "1997-01-01", "1997-12-31");
        let day = d("1997-05-27", Grain::Day, None, "1997-05-27", "1997-05-27");
        assert_eq!(before.relation_to(&before.clone()), Relation::Equal);
        assert_eq!(year.relation_to(&before), Relation::Incompatible);
        assert_eq!(day.relation_to(&before), Relation::Incompatible);
    }
}
