//! English constructions the shared patterns do not read: parts of a year
//! (quarters, halves, seasons), the reporting period of business news (`the
//! quarter`, `a year earlier`), counted offsets (`six weeks ago`), bare years
//! and months where the sentence makes them a time, years in words
//! (`nineteen ninety-six`), `early/mid/late` and `the end of`, and the
//! tense that decides which occurrence a yearless date or a weekday means.

use crate::lexicon::{Gap, Kind, Lang, TokKind, Value};

mod dates;
mod periods;
mod words;

use super::{Expr, Parser, What};
use words::{FUTURE_WORDS, PAST_VERBS, PERIODS, START_WORDS, WEEKDAY_NAMES};

/// What an English-only expression says.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum EnWhat {
    /// A date without a year (`Oct. 23`, `in March`), read in its sentence's tense:
    /// the latest occurrence not after the DCT, or with `future` the next one.
    /// With `future` None the occurrence nearest the DCT; a written `weekday` picks the year it fits.
    Tensed {
        date: Box<What>,
        future: Option<bool>,
        weekday: Option<chrono::Weekday>,
    },
    /// A quarter, half or season of a year; `fiscal` when the text says so (a
    /// company's own year, so not the calendar quarter business news reports on).
    Part { part: Part, year: YearRef, fiscal: bool },
    /// The period business news reports on (`the quarter`, `the latest period`),
    /// `back` years before it (`the year-ago quarter`, `a year earlier`); with no
    /// such period in the document, `fallback` years before the DCT's year, or
    /// (None) the quarter before the DCT's.
    Reported {
        back: i32,
        year: Option<i32>,
        fallback: Option<i32>,
    },
    /// A whole year: written, or counted from the DCT (`the current year`).
    Year(YearRef),
    /// A decade: `the 1980s`, `the nineties` (value `198`).
    Decade(i32),
}

/// A calendar unit an offset counts in.
pub(crate) use crate::lexicon::Unit;

/// A part of a year.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Quarter(u8),
    Half(u8),
    Season(Season),
}

/// A season, as TIMEX3 names it (`SP`, `SU`, `FA`, `WI`).
pub(crate) use crate::lexicon::Season;

/// Which year a part of a year is in.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum YearRef {
    /// Written: `the third quarter of 1990`, `fiscal 1989`.
    Abs(i32),
    /// The DCT's year plus this: `this summer`, `next year's first quarter`.
    Dct(i32),
    /// The latest occurrence that has begun by the DCT, or with `future` the
    /// next that has not ended; then `back` years earlier.
    Near { future: bool, back: i32 },
    /// The latest occurrence wholly before the DCT: `last fall`, `last May`.
    Last,
    /// The next occurrence wholly after the DCT: `next spring`.
    Next,
}

impl Parser<'_> {
    /// The folded word at `i` (a segment is one line, so words never cross a line break).
    pub(super) fn en_word(&self, i: usize) -> Option<&str> {
        let t = self.tok(i)?;
        (t.kind == TokKind::Word).then(|| t.text(self.buf))
    }

    pub(crate) fn en_is(&self, i: usize, words: &[&str]) -> bool {
        self.en_word(i).is_some_and(|w| words.contains(&w))
    }

    /// Skips a hyphen glued on both sides (`third-quarter`, `mid-November`).
    pub(super) fn en_hyphen(&self, i: usize) -> usize {
        if self.is_punct(i, &['-']) && self.glued(i) && self.glued(i + 1) {
            i + 1
        } else {
            i
        }
    }

    /// A possessive `'s` at `i`: the token after it.
    fn en_possessive(&self, i: usize) -> Option<usize> {
        (self.is_punct(i, &['\'', '’']) && self.glued(i) && self.en_word(i + 1) == Some("s") && self.glued(i + 1))
            .then_some(i + 2)
    }

    /// Whether an English expression may start at word `i` (the scan skips other words).
    pub(super) fn en_may_start(&self, i: usize) -> bool {
        if self.lang != Lang::En {
            return false;
        }
        let Some(w) = self.en_word(i) else { return false };
        if !START_WORDS.contains(w) {
            return false;
        }
        match w {
            // a season or a year in words begins an expression by itself
            "spring" | "summer" | "fall" | "autumn" | "winter" | "nineteen" | "eighteen" | "twenty" => true,
            "the" | "its" | "this" | "that" | "their" | "his" | "her" | "last" | "next" | "past" | "previous"
            | "coming" | "first" | "second" | "third" | "fourth" | "final" | "fiscal" | "year" | "early" | "mid"
            | "late" | "nearly" | "almost" | "about" | "some" | "more" | "over" | "roughly" | "prior" => {
                self.en_date_ahead(i)
            }
            _ => small_number(w).is_some() && self.en_date_ahead(i),
        }
    }

    /// Whether a number follows the common word at `i`, or a date word within three tokens:
    /// most `the`, `a` and `this` begin nothing, and the scan skips them.
    fn en_date_ahead(&self, i: usize) -> bool {
        (i + 1..(i + 4).min(self.toks.len())).any(|k| match self.toks[k].kind {
            TokKind::Num { .. } => k == i + 1 || (k == i + 2 && self.is_punct(i + 1, &['-'])),
            TokKind::Punct(c) => c == '\'' && k == i + 1,
            TokKind::Word => {
                self.hits[k].iter().any(|e| match e.kind {
                    Kind::GMonth
                    | Kind::Weekday
                    | Kind::Unit
                    | Kind::DurUnit
                    | Kind::Ago
                    | Kind::Ordinal
                    | Kind::Century => true,
                    Kind::Mod => matches!(e.value, Value::Mod(m) if m.is_edge()),
                    _ => false,
                }) || self.en_word(k).is_some_and(|w| PERIODS.contains(w))
            }
        })
    }

    /// All English patterns at token `i`, longest first.
    pub(super) fn english(&self, i: usize) -> Option<Expr> {
        if self.lang != Lang::En {
            return None;
        }
        // after `in`/`on` the expression starts at the next word, where the shared
        // patterns (which start at the frame) would otherwise cut it short
        if self.en_frame(i) {
            return self.english_at(i + 1);
        }
        self.english_at(i)
    }

    fn english_at(&self, i: usize) -> Option<Expr> {
        let longest = |best: Option<Expr>, e: Expr| match &best {
            Some(b) if b.end >= e.end => best,
            _ => Some(e),
        };
        match self.tok(i)?.kind {
            // a number starts a year, a count of units, a day, or a possessive year
            TokKind::Num { .. } => [
                self.en_bare_year(i),
                self.en_ago(i),
                self.en_ordinal_date(i),
                self.en_part(i),
                self.en_offset(i),
            ]
            .into_iter()
            .flatten()
            .fold(None, longest),
            TokKind::Punct(_) => None,
            TokKind::Word => {
                if !(self.en_may_start(i) || self.month(i).is_some() || self.entry(i, Kind::Weekday).is_some()) {
                    return None;
                }
                [
                    self.en_part(i),
                    self.en_reported(i),
                    self.en_ago(i),
                    self.en_edge(i),
                    self.en_dir_month(i),
                    self.en_decade(i),
                    self.en_fiscal(i),
                    self.en_bare_year(i),
                    self.en_bare_month(i),
                    self.en_the_year(i),
                    self.en_ordinal_date(i),
                    self.en_offset(i),
                ]
                .into_iter()
                .flatten()
                .fold(None, longest)
            }
        }
    }

    /// Reads an English yearless date or weekday in the tense of its sentence.
    pub(super) fn en_tense(&self, mut e: Expr) -> Expr {
        if self.lang != Lang::En {
            return e;
        }
        match &mut e.what {
            What::Date {
                year: None,
                rel_year: None,
                month_dir: None,
                month: Some(_),
                ..
            } => {
                let future = self.en_future(e.start, e.end);
                let weekday = (e.start..e.end.min(e.start + 2))
                    .find_map(|k| self.entry(k, crate::lexicon::Kind::Weekday))
                    .and_then(|(w, _)| w.weekday());
                let date = Box::new(std::mem::replace(&mut e.what, What::RelDay(0)));
                e.what = What::En(EnWhat::Tensed { date, future, weekday });
            }
            What::Weekday {
                dir: None,
                nth: None,
                future,
                ..
            } => *future = self.en_future(e.start, e.end) == Some(true),
            _ => {}
        }
        e
    }

    /// Whether the clause around tokens `start..end` speaks of the future: the
    /// nearest tense word before the expression decides, else the nearest after;
    /// None when the clause has neither.
    pub(super) fn en_future(&self, start: usize, end: usize) -> Option<bool> {
        let boundary = |k: usize| self.is_punct(k, &['.', '?', '!', ';', '"', '“', '”']);
        let verdict = |k: usize| -> Option<bool> {
            let w = self.en_word(k)?;
            let capital = self.toks[k].capital;
            // `a planned visit`: a participle after a determiner is an adjective
            let adjective = self.en_is(
                k.wrapping_sub(1),
                &["a", "an", "the", "its", "their", "his", "her", "this"],
            );
            // `by`, `until`: a deadline only right before the date
            let deadline = matches!(w, "by" | "until" | "till");
            if FUTURE_WORDS.contains(&w) && !(capital && w == "may") && !adjective && (!deadline || k + 1 == start) {
                return Some(true);
            }
            if deadline {
                return None;
            }
            let passive_or_adjective = self.en_is(
                k.wrapping_sub(1),
                &[
                    "be", "been", "being", "the", "a", "an", "its", "their", "his", "her", "of", "and",
                ],
            );
            if !passive_or_adjective
                && (PAST_VERBS.contains(&w)
                    || (!capital
                        && w.len() > 4
                        && w.ends_with("ed")
                        && !self.en_is(k + 1, &["shares", "stock", "stocks", "share", "by"])))
            {
                return Some(false);
            }
            None
        };
        let mut k = start;
        while k > 0 && start - k < 12 && !boundary(k - 1) && self.toks[k].gap != Gap::Line {
            k -= 1;
            if let Some(v) = verdict(k) {
                return Some(v);
            }
        }
        let mut k = end;
        while k < self.toks.len() && k - end < 8 && !boundary(k) && self.toks[k].gap != Gap::Line {
            if let Some(v) = verdict(k) {
                return Some(v);
            }
            k += 1;
        }
        None
    }

    /// Whether a bare weekday at `i..end` is a date, not part of a name (`the
    /// Sunday Times`) or a company (`Sun Microsystems`).
    pub(super) fn en_weekday_ok(&self, i: usize, end: usize) -> bool {
        if self.lang != Lang::En {
            return true;
        }
        let full = self.en_word(end - 1).is_some_and(|w| w.ends_with("day"));
        if !full {
            // `Sun`, `Wed`, `Sat`: only as an abbreviation with its dot or before a date
            return self.is_punct(end, &['.', ',']) && (self.num(end + 1).is_some() || self.month(end + 1).is_some());
        }
        let named = self.tok(end).is_some_and(|t| t.capital) && self.en_is(end, WEEKDAY_NAMES);
        let epithet = self.en_is(
            i.wrapping_sub(1),
            &[
                "bloody", "black", "super", "good", "holy", "ash", "palm", "easter", "man", "girl",
            ],
        );
        // `Friday prayers`, `a Friday sermon`: the weekly prayer, not a day
        let prayer = self.en_is(end, &["prayer", "prayers", "sermon", "sermons"]);
        !(named || epithet || prayer)
    }

    // ---- pieces

    /// A number written in digits (up to `max`) or words (`two`, `forty-one`, `a`).
    pub(super) fn en_count(&self, i: usize, max: u32) -> Option<(u32, usize)> {
        if let Some((v, d)) = self.num(i) {
            return (d <= 3 && v <= max && v > 0).then_some((v, i + 1));
        }
        let w = self.en_word(i)?;
        let (v, mut j) = (small_number(w)?, i + 1);
        let mut v = v;
        if v >= 20 && v % 10 == 0 {
            let k = self.en_hyphen(j);
            if k > j
                && let Some(u) = self.en_word(k).and_then(small_number).filter(|u| (1..=9).contains(u))
            {
                v += u;
                j = k + 1;
            }
        }
        (v <= max).then_some((v, j))
    }

    /// A year in words: `nineteen ninety-six`, `two thousand`, `two thousand and one`.
    fn en_word_year(&self, i: usize) -> Option<(i32, usize)> {
        let w = self.en_word(i)?;
        if w == "two" && self.en_is(i + 1, &["thousand"]) {
            let mut j = i + 2;
            let k = if self.en_is(j, &["and"]) { j + 1 } else { j };
            if let Some((u, n)) = self.en_count(k, 99).filter(|_| !self.en_is(k, &["a", "an"])) {
                j = n;
                return Some((2000 + u as i32, j));
            }
            return Some((2000, j));
        }
        let century = match w {
            "nineteen" => 1900,
            "eighteen" => 1800,
            "twenty" if !self.is_punct(i + 1, &['-']) => 2000,
            _ => return None,
        };
        let (rest, j) = self
            .en_count(i + 1, 99)
            .filter(|_| !self.en_is(i + 1, &["a", "an", "one"]))?;
        (rest >= 10).then_some((century + rest as i32, j))
    }

    /// A year: four digits (1000–2999, not glued to letters or followed by `%`) or words.
    pub(super) fn en_year(&self, i: usize) -> Option<(i32, usize)> {
        if let Some((v, digits)) = self.num(i) {
            if digits != 4 || !(1000..=2999).contains(&v) {
                return None;
            }
            if self.glued(i) && i > 0 && !self.is_punct(i - 1, &['-', '(', '\'', '’']) {
                return None;
            }
            if self.glued(i + 1) && (self.is_punct(i + 1, &['%', ',', '.', '/', ':']) && self.num(i + 2).is_some()) {
                return None;
            }
            if self
                .tok(i + 1)
                .is_some_and(|t| t.gap == Gap::None && t.kind == TokKind::Word)
            {
                return None;
            }
            return Some((v as i32, i + 1));
        }
        self.en_word_year(i)
    }
}

/// `one` … `twenty`, `thirty` … `ninety`, `a`.
fn small_number(w: &str) -> Option<u32> {
    Some(match w {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}
