//! English dates and years: `early/mid/late` and `the end of`, `last May`,
//! holidays, decades, fiscal years, bare years and months where the sentence
//! makes them a time, and ordinal days (`the 2nd of April`, `12th Nov 1983`).

use crate::calendar::Calendar;
use crate::lexicon::{Dir, Gap, TokKind};

use super::super::{Expr, Mod, Parser, What};
use super::words::{COUNT_NOUNS, YEAR_DETS, YEAR_PREPS};
use super::{EnWhat, YearRef};

impl Parser<'_> {
    /// `early`, `mid`, `late`, `the end of`, `the beginning of`, `the middle of`: (modifier, token after).
    pub(in crate::extract::parse) fn en_edge_word(&self, i: usize) -> Option<(Mod, usize)> {
        let m = match self.en_word(i)? {
            "early" => Mod::Start,
            "mid" => Mod::Mid,
            "late" => Mod::End,
            "the" => {
                let m = match self.en_word(i + 1)? {
                    "end" => Mod::End,
                    "beginning" | "start" => Mod::Start,
                    "middle" => Mod::Mid,
                    _ => return None,
                };
                return self.en_is(i + 2, &["of"]).then_some((m, i + 3));
            }
            _ => return None,
        };
        let j = self.en_hyphen(i + 1);
        Some((m, j))
    }

    /// `late November`, `mid-1996`, `early 1990`, `the end of 1990`, `the middle of October`,
    /// `the end of the year`, `year-end`, `by year's end`.
    pub(super) fn en_edge(&self, i: usize) -> Option<Expr> {
        if self.en_is(i, &["year"]) || self.en_is(i, &["year-end"]) {
            let j = self.en_hyphen(i + 1);
            let end = if self.en_is(j, &["end"]) {
                j + 1
            } else if let Some(k) = self.en_possessive(i + 1).filter(|&k| self.en_is(k, &["end"])) {
                k + 1
            } else {
                return None;
            };
            if !self.en_is(i.wrapping_sub(1), &["by", "at", "before", "until", "the"]) {
                return None;
            }
            return Some(Expr {
                start: i,
                end,
                what: What::En(EnWhat::Year(YearRef::Dct(0))),
                modifier: Some(Mod::End),
            });
        }
        let (m, j) = self.en_edge_word(i)?;
        if let Some((y, end)) = self.en_year(j) {
            return Some(Expr {
                start: i,
                end,
                what: What::En(EnWhat::Year(YearRef::Abs(y))),
                modifier: Some(m),
            });
        }
        if self.en_is(j, &["the", "this"]) && self.en_is(j + 1, &["year"]) && !self.is_punct(j + 2, &['-']) {
            return Some(Expr {
                start: i,
                end: j + 2,
                what: What::En(EnWhat::Year(YearRef::Dct(0))),
                modifier: Some(m),
            });
        }
        let mh = self.month(j).filter(|h| h.cal == Calendar::Gregorian)?;
        let mut end = mh.end;
        let mut what = Self::date(Calendar::Gregorian);
        if let What::Date { month, year, .. } = &mut what {
            *month = Some(mh.month);
            let y_at = if self.is_punct(end, &[',']) { end + 1 } else { end };
            if let Some((y, k)) = self.en_year(y_at) {
                *year = Some(y);
                end = k;
            }
        }
        Some(self.en_tense(Expr {
            start: i,
            end,
            what,
            modifier: Some(m),
        }))
    }

    /// `last May`, `this September`, `next June`, `May last year`, `January this year`.
    pub(super) fn en_dir_month(&self, i: usize) -> Option<Expr> {
        let dir = match self.en_word(i)? {
            "last" | "past" => Some(YearRef::Last),
            "next" | "coming" => Some(YearRef::Next),
            "this" => Some(YearRef::Dct(0)),
            _ => None,
        };
        let (start, at) = match dir {
            Some(_) => (i, i + 1),
            None => (i, i),
        };
        let (start, at) = if dir.is_none() && self.en_is(i, &["in", "of", "since", "until", "by"]) {
            (i + 1, i + 1)
        } else {
            (start, at)
        };
        let mh = self.month(at).filter(|h| h.cal == Calendar::Gregorian)?;
        let mut end = mh.end;
        let mut year = dir;
        if dir.is_none() {
            // MONTH last/this/next year
            let off = match self.en_word(end)? {
                "last" => -1,
                "this" => 0,
                "next" => 1,
                _ => return None,
            };
            if !self.en_is(end + 1, &["year"]) {
                return None;
            }
            year = Some(YearRef::Dct(off));
            end += 2;
        }
        let year = year?;
        let mut what = Self::date(Calendar::Gregorian);
        if let What::Date {
            month,
            year: y,
            rel_year,
            month_dir,
            ..
        } = &mut what
        {
            *month = Some(mh.month);
            match year {
                YearRef::Dct(off) => *rel_year = Some(off),
                YearRef::Last => *month_dir = Some(Dir::Past),
                YearRef::Next => *month_dir = Some(Dir::Next),
                YearRef::Abs(v) => *y = Some(v),
                YearRef::Near { .. } => {}
            }
        }
        Some(Expr {
            start,
            end,
            what,
            modifier: None,
        })
    }

    /// `the 1980s`, `the mid-1990s`, `the late 1970s`, `the '80s`, `the nineties`.
    pub(super) fn en_decade(&self, i: usize) -> Option<Expr> {
        let mut j = i;
        if !self.en_is(j, &["the"]) {
            return None;
        }
        j += 1;
        let mut modifier = None;
        if let Some((m, k)) = self.en_edge_word(j) {
            modifier = Some(m);
            j = k;
        }
        let (decade, end) = if let Some((v, 4)) = self.num(j) {
            if v % 10 != 0 || !(1000..=2990).contains(&v) || !(self.en_word(j + 1) == Some("s") && self.glued(j + 1)) {
                return None;
            }
            (v as i32 / 10, j + 2)
        } else if self.is_punct(j, &['\'', '’'])
            && let Some((v, 2)) = self.num(j + 1)
            && v % 10 == 0
            && self.en_word(j + 2) == Some("s")
        {
            (190 + v as i32 / 10, j + 3)
        } else {
            let d = match self.en_word(j)? {
                "twenties" => 192,
                "thirties" => 193,
                "forties" => 194,
                "fifties" => 195,
                "sixties" => 196,
                "seventies" => 197,
                "eighties" => 198,
                "nineties" => 199,
                _ => return None,
            };
            (d, j + 1)
        };
        Some(Expr {
            start: i,
            end,
            what: What::En(EnWhat::Decade(decade)),
            modifier,
        })
    }

    /// `fiscal 1989`, `fiscal year 1990`, `the current fiscal year`.
    pub(super) fn en_fiscal(&self, i: usize) -> Option<Expr> {
        let mut j = i;
        if self.en_is(j, &["the"]) && self.en_is(j + 1, &["current"]) && self.en_is(j + 2, &["fiscal"]) {
            if !self.en_is(j + 3, &["year"]) {
                return None;
            }
            return Some(Expr {
                start: i,
                end: j + 4,
                what: What::En(EnWhat::Year(YearRef::Dct(0))),
                modifier: None,
            });
        }
        if !self.en_is(j, &["fiscal"]) {
            return None;
        }
        j += 1;
        if self.en_is(j, &["year"]) {
            j += 1;
        }
        let (y, end) = self.en_year(j)?;
        Some(Expr {
            start: i,
            end,
            what: What::En(EnWhat::Year(YearRef::Abs(y))),
            modifier: None,
        })
    }

    /// A bare year where the sentence makes it a time: after a preposition (`since
    /// 1993`, `by 2040`, `between 1985 and 1987`), as an adjective after a determiner
    /// (`the 1994 act`, `a 2016 audit`), in a span (`2014-2015`), or written in words.
    pub(super) fn en_bare_year(&self, i: usize) -> Option<Expr> {
        let (start, at) = if self.num(i).is_some() || self.en_word_year(i).is_some() {
            (i, i)
        } else if self.en_is(i, &["the"]) && self.en_is(i + 1, &["year"]) {
            (i, i + 2)
        } else {
            return None;
        };
        let (y, end) = self.en_year(at)?;
        let words = self.num(at).is_none();
        let prev = at.checked_sub(1);
        let prev_word = prev.and_then(|p| self.en_word(p));
        let after_prep = prev_word.is_some_and(|w| YEAR_PREPS.contains(&w));
        let after_det = prev_word.is_some_and(|w| YEAR_DETS.contains(&w));
        let in_span = prev.is_some_and(|p| self.is_punct(p, &['-', '–']) && self.num(p.wrapping_sub(1)).is_some());
        let before_span = self.is_punct(end, &['-', '–']) && self.glued(end) && self.en_year(end + 1).is_some();
        let money = prev.is_some_and(|p| self.is_punct(p, &['$', '#', '£', '€', '№']))
            || self.en_is(end, &["million", "billion", "thousand"])
            || prev_word.is_some_and(|w| matches!(w, "no" | "number" | "flight" | "route" | "room" | "page" | "model"));
        let count = self.en_word(end).is_some_and(|w| COUNT_NOUNS.contains(&w));
        if money || count || self.is_punct(end, &['%']) {
            return None;
        }
        // `to`/`and`/`or` only continue a span of years: `from 1991 to 1997`
        if prev_word.is_some_and(|w| matches!(w, "to" | "and" | "or"))
            && !prev.is_some_and(|p| p > 0 && self.en_year(p - 1).is_some())
        {
            return None;
        }
        // an adjective year needs a following word (`the 1996 campaign`), not `the 1990 of`
        let adjective = after_det && self.en_word(end).is_some() && !self.en_is(end, &["of", "and", "to"]);
        let ok = words || after_prep || adjective || in_span || before_span || at > i;
        if !ok || !(1800..=2100).contains(&y) && !words {
            return None;
        }
        Some(Expr {
            start,
            end,
            what: What::En(EnWhat::Year(YearRef::Abs(y))),
            modifier: None,
        })
    }

    /// A month name alone after a preposition (`since August`, `by May`, `for January`),
    /// or with a year written in words (`January nineteen ninety-seven`).
    pub(super) fn en_bare_month(&self, i: usize) -> Option<Expr> {
        let mh = self.month(i).filter(|h| h.cal == Calendar::Gregorian)?;
        let end = mh.end;
        if let Some((y, k)) = self.en_word_year(end) {
            let mut what = Self::date(Calendar::Gregorian);
            if let What::Date { month, year, .. } = &mut what {
                *month = Some(mh.month);
                *year = Some(y);
            }
            return Some(Expr {
                start: i,
                end: k,
                what,
                modifier: None,
            });
        }
        let prev_ok = self.en_is(
            i.wrapping_sub(1),
            &[
                "since", "by", "until", "till", "from", "through", "for", "during", "before", "after", "early", "late",
                "mid", "of", "to", "and", "between",
            ],
        );
        if !prev_ok {
            return None;
        }
        // `May` the verb or a name: not before a capitalized word or a verb-like lower word
        if self
            .tok(end)
            .is_some_and(|t| t.capital && t.kind == TokKind::Word && t.gap != Gap::Line)
        {
            return None;
        }
        if mh.month == 5
            && self.en_word(end).is_some_and(|w| {
                !matches!(
                    w,
                    "and" | "or" | "to" | "when" | "as" | "after" | "before" | "last" | "this" | "next" | "of"
                )
            })
        {
            return None;
        }
        let mut what = Self::date(Calendar::Gregorian);
        if let What::Date { month, .. } = &mut what {
            *month = Some(mh.month);
        }
        Some(self.en_tense(Expr {
            start: i,
            end: mh.end,
            what,
            modifier: None,
        }))
    }

    /// `for the year`, `the full year`, `the current year`, `that year`.
    pub(super) fn en_the_year(&self, i: usize) -> Option<Expr> {
        let prev = i.checked_sub(1).and_then(|p| self.en_word(p));
        if self.en_is(i, &["the"]) {
            let mut j = i + 1;
            let current = self.en_is(j, &["current", "full"]);
            if current {
                j += 1;
            }
            if !self.en_is(j, &["year"]) || self.is_punct(j + 1, &['-', '\'', '’']) {
                return None;
            }
            if self.en_is(
                j + 1,
                &[
                    "before", "after", "earlier", "later", "ago", "since", "that", "when", "in", "of", "two", "in",
                ],
            ) {
                return None;
            }
            if !current && !prev.is_some_and(|w| matches!(w, "for" | "of" | "during" | "throughout")) {
                return None;
            }
            return Some(Expr {
                start: i,
                end: j + 1,
                what: What::En(EnWhat::Year(YearRef::Dct(0))),
                modifier: None,
            });
        }
        None
    }
}

impl Parser<'_> {
    /// A day written as an ordinal: `9th`, `2nd`, `first`, `twenty-third`, `thirty-first`.
    pub(super) fn en_ordinal_day(&self, i: usize) -> Option<(u8, usize)> {
        if let Some((v, d)) = self.num(i) {
            let suffix = self.en_word(i + 1).filter(|_| self.glued(i + 1))?;
            let ok = matches!((v % 10, v % 100, suffix), (1, 11, "th") | (2, 12, "th") | (3, 13, "th"))
                || matches!((v % 10, suffix), (1, "st") | (2, "nd") | (3, "rd"))
                || (!matches!(v % 10, 1..=3) && suffix == "th");
            let ok = ok && !(matches!(v % 100, 11..=13) && suffix != "th");
            return (ok && d <= 2 && (1..=31).contains(&v)).then_some((v as u8, i + 2));
        }
        let w = self.en_word(i)?;
        if let Some(u) = ordinal_word(w) {
            return Some((u, i + 1));
        }
        let tens = match w {
            "twenty" => 20,
            "thirty" => 30,
            _ => return None,
        };
        let j = self.en_hyphen(i + 1);
        let u = self.en_word(j).and_then(ordinal_word).filter(|u| (1..=9).contains(u))?;
        (j > i + 1 && tens + u <= 31).then_some((tens + u, j + 1))
    }

    /// `the 2nd of April`, `12th Nov 1983`, `April 9th 2016`, `March the first`,
    /// `March eighth`, `the twenty-third of May, 2019`.
    pub(super) fn en_ordinal_date(&self, i: usize) -> Option<Expr> {
        let mut i0 = i;
        if let Some((_, k)) = self.entry(i, crate::lexicon::Kind::Weekday) {
            i0 = self.skip_commas(k);
        }
        let at = if self.en_is(i0, &["the"]) { i0 + 1 } else { i0 };
        let (day, month, mut end) = if let Some((d, j)) = self.en_ordinal_day(at) {
            let k = if self.en_is(j, &["of"]) { j + 1 } else { j };
            let mh = self.month(k).filter(|h| h.cal == Calendar::Gregorian)?;
            (d, mh.month, self.en_abbrev_dot(k, mh.end))
        } else {
            let mh = self.month(i0).filter(|h| h.cal == Calendar::Gregorian)?;
            let mut k = self.en_abbrev_dot(i0, mh.end);
            if self.en_is(k, &["the"]) {
                k += 1;
            }
            let (d, j) = self.en_ordinal_day(k)?;
            (d, mh.month, j)
        };
        let start = i;
        let y_at = if self.is_punct(end, &[',']) { end + 1 } else { end };
        let mut year = None;
        if let Some((y, k)) = self.en_year(y_at) {
            year = Some(y);
            end = k;
        }
        let mut what = Self::date(Calendar::Gregorian);
        if let What::Date {
            year: yy,
            month: m,
            day: d,
            ..
        } = &mut what
        {
            *yy = year;
            *m = Some(month);
            *d = Some(day);
        }
        Some(Expr {
            start,
            end,
            what,
            modifier: None,
        })
    }
}

impl Parser<'_> {
    /// After an abbreviated month (`Nov.`), the token past its dot.
    pub(super) fn en_abbrev_dot(&self, month_at: usize, end: usize) -> usize {
        let short = self
            .en_word(month_at)
            .is_some_and(|w| w.len() <= 4 && w != "june" && w != "july");
        if short && self.is_punct(end, &['.']) && self.glued(end) {
            end + 1
        } else {
            end
        }
    }
}

/// `first` … `thirty-first` written as one word: the day.
fn ordinal_word(w: &str) -> Option<u8> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}
