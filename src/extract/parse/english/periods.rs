//! Parts of a year (quarters, halves, seasons), the reporting period of
//! business news, and counted offsets (`six weeks ago`).

use super::super::{Expr, Mod, Parser, What};
use super::{EnWhat, Part, Season, Unit, YearRef};

impl Parser<'_> {
    /// A quarter, half or season word after an optional ordinal: (part, token after).
    pub(super) fn en_part_word(&self, i: usize) -> Option<(Part, usize)> {
        let ord = self.en_word(i).and_then(|w| match w {
            "first" | "1st" => Some(1u8),
            "second" | "2nd" => Some(2),
            "third" | "3rd" => Some(3),
            "fourth" | "4th" => Some(4),
            "last" | "final" => Some(0),
            _ => None,
        });
        if let Some(n) = ord {
            let j = self.en_hyphen(i + 1);
            let j = if self.en_is(j, &["fiscal"]) { j + 1 } else { j };
            match self.en_word(j) {
                Some("quarter") if n >= 1 => return Some((Part::Quarter(n), j + 1)),
                Some("half") if n <= 2 => return Some((Part::Half(if n == 0 { 2 } else { n }), j + 1)),
                _ => return None,
            }
        }
        let season = match self.en_word(i)? {
            "spring" => Season::Spring,
            "summer" => Season::Summer,
            "fall" | "autumn" => Season::Fall,
            "winter" => Season::Winter,
            _ => return None,
        };
        Some((Part::Season(season), i + 1))
    }

    /// `this year's`, `last year's`, `1988's`, `next year's`: the year offset or year.
    pub(super) fn en_year_possessive(&self, i: usize) -> Option<(YearRef, usize)> {
        if let Some((y, j)) = self.en_year(i)
            && let Some(k) = self.en_possessive(j)
        {
            return Some((YearRef::Abs(y), k));
        }
        let off = match self.en_word(i)? {
            "this" | "current" => 0,
            "last" | "previous" => -1,
            "next" => 1,
            _ => return None,
        };
        if !self.en_is(i + 1, &["year"]) {
            return None;
        }
        let k = self.en_possessive(i + 2)?;
        Some((YearRef::Dct(off), k))
    }

    // ---- patterns

    /// `the third quarter [of 1990]`, `third-quarter`, `the fiscal first quarter`,
    /// `this year's third quarter`, `the 1988 second quarter`, `the first half of 1989`,
    /// `this summer`, `last fall`, `the winter of nineteen ninety-four`, `early summer`.
    pub(super) fn en_part(&self, i: usize) -> Option<Expr> {
        let mut j = i;
        let mut modifier = None;
        let mut year = None;
        let mut rel = None; // this/last/next
        let mut back = 0;
        let mut det = false;
        let mut fiscal = false;
        if let Some((y, k)) = self.en_year_possessive(j) {
            year = Some(y);
            j = k;
        } else if self.en_is(j, &["the", "its", "a", "this", "that", "their", "his", "her"]) {
            det = true;
            if self.en_is(j, &["this"]) {
                rel = Some(0);
            }
            j += 1;
        }
        loop {
            if let Some((m, k)) = self.en_edge_word(j) {
                modifier = Some(m);
                j = k;
            } else if let Some((y, k)) = self.en_year(j).filter(|_| det || j > i) {
                year = Some(YearRef::Abs(y));
                j = k;
            } else if self.en_is(j, &["last", "past", "previous"]) && (!det || rel == Some(0)) {
                rel = Some(-1);
                j += 1;
            } else if self.en_is(j, &["next", "coming"]) && (!det || rel == Some(0)) {
                rel = Some(1);
                j += 1;
            } else if self.en_is(j, &["this"]) && j == i {
                rel = Some(0);
                j += 1;
            } else if let Some(k) = self.en_year_back(j) {
                back = 1;
                j = k;
            } else if self.en_is(
                j,
                &["fiscal", "flat", "same", "latest", "current", "calendar", "comparable"],
            ) {
                fiscal |= self.en_is(j, &["fiscal"]);
                j += 1;
            } else {
                break;
            }
        }
        fiscal |= self.en_is(self.en_hyphen(j + 1), &["fiscal"]);
        let (part, mut end) = self.en_part_word(j)?;
        let is_season = matches!(part, Part::Season(_));
        if self.is_punct(end, &['-']) && self.glued(end) && !self.en_is(end + 1, &["end"]) {
            return None; // quarter-point, summer-long
        }
        if self.en_is(end, &["of"])
            && let Some((y, k)) = self.en_year(end + 1)
        {
            year = Some(YearRef::Abs(y));
            end = k;
        } else if is_season && let Some((y, k)) = self.en_year(end) {
            year = Some(YearRef::Abs(y));
            end = k;
        } else if !is_season
            && self.is_punct(end, &[','])
            && let Some((y, k)) = self.en_year(end + 1)
        {
            year = Some(YearRef::Abs(y));
            end = k;
        } else if self.en_is(end, &["last", "next", "this"]) && self.en_is(end + 1, &["year"]) {
            let off = match self.en_word(end) {
                Some("last") => -1,
                Some("next") => 1,
                _ => 0,
            };
            year = Some(YearRef::Dct(off));
            end += 2;
        } else if let Some(k) = self.en_year_back(end) {
            back = 1;
            end = k;
        }
        let after_prep = self.en_is(
            i.checked_sub(1).unwrap_or(usize::MAX),
            &[
                "in",
                "over",
                "during",
                "since",
                "until",
                "by",
                "through",
                "throughout",
                "of",
                "for",
                "this",
            ],
        );
        match part {
            // a bare season word is also a verb or a noun (`fall`, `spring`)
            Part::Season(_) if !(rel.is_some() || year.is_some() || modifier.is_some() || after_prep) => return None,
            // `the second half` of a match: a half needs its year
            Part::Half(_) if year.is_none() && rel.is_none() => return None,
            _ => {}
        }
        let year = match (year, rel) {
            (Some(y), _) => y,
            (None, Some(0)) => YearRef::Dct(0),
            (None, Some(-1)) if is_season => YearRef::Last,
            (None, Some(1)) if is_season => YearRef::Next,
            (None, Some(_)) => return None,
            (None, None) => YearRef::Near {
                // a quarter is reported on after it ends: the latest one begun
                future: is_season && self.en_future(i, end) == Some(true),
                back,
            },
        };
        let year = match (year, back) {
            (YearRef::Abs(y), 1) => YearRef::Abs(y - 1),
            (YearRef::Dct(o), 1) => YearRef::Dct(o - 1),
            (y, _) => y,
        };
        Some(Expr {
            start: i,
            end,
            what: What::En(EnWhat::Part { part, year, fiscal }),
            modifier,
        })
    }

    /// `year-ago`, `year-earlier`, `a year ago`, `a year earlier`, `the prior-year`: token after.
    pub(super) fn en_year_back(&self, i: usize) -> Option<usize> {
        if self.en_is(i, &["year"]) {
            let j = self.en_hyphen(i + 1);
            if j > i + 1 && self.en_is(j, &["ago", "earlier"]) {
                return Some(j + 1);
            }
        }
        if self.en_is(i, &["prior", "previous"]) {
            let j = self.en_hyphen(i + 1);
            if j > i + 1 && self.en_is(j, &["year"]) {
                return Some(j + 1);
            }
        }
        if self.en_is(i, &["a"]) && self.en_is(i + 1, &["year"]) && self.en_is(i + 2, &["ago", "earlier"]) {
            return Some(i + 3);
        }
        None
    }

    /// The reporting period: `the quarter`, `the latest quarter`, `this quarter`,
    /// `the year-ago quarter`, `the 1988 quarter`, `the year-earlier period`,
    /// `last year's quarter`, `the corresponding period last year`; and the
    /// year-back words that stand for it: `a year ago`, `a year earlier`,
    /// `year-earlier`, `year-ago`, and `last year` after an amount.
    pub(super) fn en_reported(&self, i: usize) -> Option<Expr> {
        let mut j = i;
        let mut det = false;
        let mut back = 0;
        let mut year = None;
        let mut qualified = false;
        if self.en_is(j, &["the", "its", "this", "that"]) {
            det = true;
            qualified = self.en_is(j, &["this", "that"]);
            j += 1;
        }
        // a year-back word on its own
        if !det && let Some(k) = self.en_year_back(j) {
            if self.en_part_word(k).is_some() {
                return None;
            }
            let period = self.en_period_word(k).map(|n| n + k);
            let end = period.unwrap_or(k);
            // `year-earlier net`: adjective; `a year ago`: adverb
            return Some(Expr {
                start: i,
                end,
                what: What::En(EnWhat::Reported {
                    back: 1,
                    year: None,
                    fallback: Some(1),
                }),
                modifier: None,
            });
        }
        if !det
            && self.en_is(j, &["last"])
            && self.en_is(j + 1, &["year"])
            && let Some(k) = self.en_possessive(j + 2)
            && let Some(n) = self.en_period_word(k)
        {
            return Some(self.reported_expr(i, k + n, 1, None));
        }
        if !det
            && self.en_is(j, &["last"])
            && self.en_is(j + 1, &["year"])
            && (self.en_possessive(j + 2).is_some() || self.after_amount(j))
        {
            return Some(Expr {
                start: i,
                end: j + 2,
                what: What::En(EnWhat::Reported {
                    back: 1,
                    year: None,
                    fallback: Some(1),
                }),
                modifier: None,
            });
        }
        if !det {
            return None;
        }
        loop {
            if let Some(k) = self.en_year_back(j) {
                back = 1;
                qualified = true;
                j = k;
            } else if let Some((y, k)) = self.en_year(j) {
                year = Some(y);
                qualified = true;
                j = k;
            } else if self.en_is(
                j,
                &[
                    "latest",
                    "current",
                    "recent",
                    "comparable",
                    "corresponding",
                    "same",
                    "fiscal",
                    "reporting",
                ],
            ) {
                qualified = true;
                j += 1;
            } else if self.en_is(j, &["year"]) && self.en_is(j + 1, &["ago", "earlier"]) {
                back = 1;
                qualified = true;
                j += 2;
            } else {
                break;
            }
        }
        let n = self.en_period_word(j)?;
        let quarter = self.en_is(j, &["quarter"]);
        if !quarter
            && back == 0
            && let Some(y) = year
        {
            return Some(Expr {
                start: i,
                end: j + n,
                what: What::En(EnWhat::Year(YearRef::Abs(y))),
                modifier: None,
            });
        }
        let mut end = j + n;
        if !quarter && !qualified {
            return None; // `the period` alone
        }
        if quarter && self.is_punct(end, &['-']) && self.glued(end) {
            return None;
        }
        if let Some(k) = self.en_year_back(end) {
            back = 1;
            end = k;
        } else if self.en_is(end, &["last"]) && self.en_is(end + 1, &["year"]) {
            back = 1;
            end += 2;
        }
        if !quarter && year.is_none() && back == 0 && !self.en_is(i + 1, &["latest", "current", "reporting"]) {
            return None;
        }
        Some(self.reported_expr(i, end, back, year))
    }

    pub(super) fn reported_expr(&self, start: usize, end: usize, back: i32, year: Option<i32>) -> Expr {
        Expr {
            start,
            end,
            what: What::En(EnWhat::Reported {
                back,
                year,
                fallback: None,
            }),
            modifier: None,
        }
    }

    /// `quarter` or `period` at `i`: how many tokens.
    pub(super) fn en_period_word(&self, i: usize) -> Option<usize> {
        self.en_is(i, &["quarter", "period"]).then_some(1)
    }

    /// Whether the token before `i` ends an amount (`$3 million last year`, `40% last year`).
    pub(super) fn after_amount(&self, i: usize) -> bool {
        i > 0
            && (self.num(i - 1).is_some()
                || self.is_punct(i - 1, &['%'])
                || self.en_is(i - 1, &["million", "billion", "share", "cents", "percent", "level"]))
    }

    /// `six weeks ago`, `two years ago`, `41 years ago`, `nearly four years ago`, `a week or so ago`.
    pub(super) fn en_ago(&self, i: usize) -> Option<Expr> {
        let mut j = i;
        let mut modifier = None;
        if self.en_is(j, &["nearly", "almost", "about", "some", "more", "over", "roughly"]) {
            if self.en_is(j, &["more"]) {
                if !self.en_is(j + 1, &["than"]) {
                    return None;
                }
                j += 1;
            }
            modifier = Some(Mod::Approx);
            j += 1;
        }
        let (n, k) = if self.en_is(j, &["a", "an"]) {
            (1, j + 1)
        } else if self.en_is(j, &["several", "few"]) {
            return None;
        } else {
            self.en_count(j, 200)?
        };
        let unit = self.en_unit(k)?;
        let mut end = k + 1;
        if self.en_is(end, &["or"]) && self.en_is(end + 1, &["so"]) {
            end += 2;
            modifier = Some(Mod::Approx);
        }
        if !self.en_is(end, &["ago"]) {
            return None;
        }
        if n == 1 && unit == Unit::Year && modifier.is_none() && self.en_is(j, &["a", "an"]) {
            return None; // `a year ago`: the reporting period (en_reported)
        }
        Some(Expr {
            start: i,
            end: end + 1,
            what: What::Offset {
                n: -i32::try_from(n).ok()?,
                unit,
                base: super::super::offsets::Base::Dct,
                span: false,
            },
            modifier,
        })
    }
}
