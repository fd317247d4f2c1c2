//! English constructions the shared patterns do not read: parts of a year
//! (quarters, halves, seasons), the reporting period of business news (`the
//! quarter`, `a year earlier`), counted offsets (`six weeks ago`), bare years
//! and months where the sentence makes them a time, years in words
//! (`nineteen ninety-six`), holidays, `early/mid/late` and `the end of`, and the
//! tense that decides which occurrence a yearless date or a weekday means.

use crate::calendar::Calendar;
use crate::lexicon::{Gap, Lang, TokKind};

use super::{Expr, Mod, Parser, What};

/// What an English-only expression says.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum EnWhat {
    /// A date without a year (`Oct. 23`, `in March`), read in its sentence's tense:
    /// the latest occurrence not after the DCT, or with `future` the next one.
    /// With `future` None the occurrence nearest the DCT; a written `weekday` picks the year it fits.
    Tensed {
        date: Box<What>,
        future: Option<bool>,
        weekday: Option<u8>,
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
    /// `n` units before the DCT (`six weeks ago`, `two years ago`).
    Ago { n: u32, unit: Unit },
    /// A fixed-date or counted holiday.
    Holiday { holiday: Holiday, year: YearRef },
}

/// A calendar unit an English offset counts in.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
    Decade,
}

/// A part of a year.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Quarter(u8),
    Half(u8),
    Season(Season),
}

/// A season, as TIMEX3 names it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

/// A holiday the extractor knows.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Holiday {
    NewYear,
    Valentine,
    Independence,
    Halloween,
    Veterans,
    Christmas,
    ChristmasEve,
    NewYearsEve,
    /// Fourth Thursday of November.
    Thanksgiving,
    /// Tuesday after the first Monday of November.
    Election,
    /// Last Monday of May.
    Memorial,
    /// First Monday of September.
    Labor,
}

/// Which year a part of a year or a holiday is in.
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
    /// The occurrence nearest the DCT, when the sentence has no tense.
    Closest,
    /// The next occurrence wholly after the DCT: `next spring`.
    Next,
}

/// Past-tense irregular verbs news uses next to a date.
const PAST_VERBS: &[&str] = &[
    "said",
    "told",
    "met",
    "began",
    "saw",
    "was",
    "were",
    "had",
    "did",
    "came",
    "went",
    "took",
    "made",
    "held",
    "left",
    "won",
    "lost",
    "fell",
    "rose",
    "sold",
    "bought",
    "gave",
    "got",
    "found",
    "brought",
    "sent",
    "led",
    "ran",
    "spoke",
    "wrote",
    "struck",
    "became",
    "paid",
    "kept",
    "ago",
    "earlier",
    "yesterday",
    "thought",
    "shot",
    "hit",
    "beat",
    "broke",
    "chose",
    "drew",
    "flew",
    "fought",
    "grew",
    "heard",
    "knew",
    "meant",
    "put",
    "read",
    "rode",
    "sat",
    "set",
    "slept",
    "stood",
    "swore",
    "taught",
    "threw",
    "understood",
    "woke",
    "wore",
    "since",
];

/// Words that put a clause in the future (or a plan).
const FUTURE_WORDS: &[&str] = &[
    "will",
    "would",
    "shall",
    "ll",
    "going",
    "scheduled",
    "expected",
    "expects",
    "expect",
    "planned",
    "plans",
    "planning",
    "due",
    "upcoming",
    "next",
    "tomorrow",
    "soon",
    "resume",
    "resumes",
    "begins",
    "starts",
    "opens",
    "meets",
    "leaves",
    "arrives",
    "could",
    "might",
    "may",
    "intends",
    "hopes",
    "aims",
    "slated",
    "by",
    "until",
    "till",
    "payable",
    "effective",
    "expire",
    "expires",
    "record",
    "extended",
    "postponed",
    "delayed",
    "rescheduled",
    "deferred",
    "deadline",
];

/// Words after which a bare year is a time.
const YEAR_PREPS: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "between",
    "through",
    "throughout",
    "into",
    "for",
    "during",
    "before",
    "after",
    "of",
    "to",
    "and",
    "or",
    "dating",
    "circa",
    "early",
    "mid",
    "late",
    "around",
    "about",
];

/// Words before a year used as an adjective (`the 1996 campaign`).
const YEAR_DETS: &[&str] = &[
    "the", "a", "an", "that", "this", "its", "his", "her", "their", "our", "s",
];

/// Words after a number that make it a count, not a year.
const COUNT_NOUNS: &[&str] = &[
    "people",
    "shares",
    "share",
    "troops",
    "soldiers",
    "men",
    "women",
    "votes",
    "points",
    "point",
    "miles",
    "tons",
    "units",
    "cars",
    "jobs",
    "workers",
    "employees",
    "members",
    "cases",
    "deaths",
    "dead",
    "residents",
    "homes",
    "acres",
    "pounds",
    "dollars",
    "barrels",
    "feet",
    "meters",
    "kilometers",
    "students",
    "children",
    "copies",
    "contracts",
    "stores",
    "planes",
    "aircraft",
    "refugees",
    "prisoners",
    "percent",
    "hours",
    "minutes",
    "seconds",
    "days",
    "weeks",
    "months",
    "years",
    "calls",
    "patients",
    "rooms",
    "pages",
    "signatures",
];

/// Newspapers, shows and names in which a weekday is not a date.
const WEEKDAY_NAMES: &[&str] = &[
    "times",
    "telegraph",
    "express",
    "mirror",
    "post",
    "herald",
    "observer",
    "mail",
    "star",
    "tribune",
    "independent",
    "school",
    "club",
    "morning",
    "night",
    "people",
    "sport",
    "business",
    "review",
    "magazine",
];

impl Parser<'_> {
    /// The folded word at `i` (a segment is one line, so words never cross a line break).
    fn en_word(&self, i: usize) -> Option<&str> {
        let t = self.tok(i)?;
        (t.kind == TokKind::Word).then(|| t.text(self.buf))
    }

    fn en_is(&self, i: usize, words: &[&str]) -> bool {
        self.en_word(i).is_some_and(|w| words.contains(&w))
    }

    /// Skips a hyphen glued on both sides (`third-quarter`, `mid-November`).
    fn en_hyphen(&self, i: usize) -> usize {
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
        self.lang == Lang::En
            && self.en_word(i).is_some_and(|w| {
                small_number(w).is_some()
                    || matches!(
                        w,
                        "the"
                            | "its"
                            | "this"
                            | "that"
                            | "their"
                            | "his"
                            | "her"
                            | "last"
                            | "next"
                            | "past"
                            | "previous"
                            | "coming"
                            | "first"
                            | "second"
                            | "third"
                            | "fourth"
                            | "final"
                            | "fiscal"
                            | "year"
                            | "early"
                            | "mid"
                            | "late"
                            | "spring"
                            | "summer"
                            | "fall"
                            | "autumn"
                            | "winter"
                            | "eighteen"
                            | "nearly"
                            | "almost"
                            | "about"
                            | "some"
                            | "more"
                            | "over"
                            | "roughly"
                            | "thanksgiving"
                            | "christmas"
                            | "halloween"
                            | "election"
                            | "memorial"
                            | "labor"
                            | "independence"
                            | "veterans"
                            | "valentine"
                            | "new"
                            | "prior"
                    )
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
        [
            self.en_part(i),
            self.en_reported(i),
            self.en_ago(i),
            self.en_edge(i),
            self.en_dir_month(i),
            self.en_holiday(i),
            self.en_decade(i),
            self.en_fiscal(i),
            self.en_bare_year(i),
            self.en_bare_month(i),
            self.en_the_year(i),
            self.en_ordinal_date(i),
        ]
        .into_iter()
        .flatten()
        .fold(None, |best: Option<Expr>, e| match &best {
            Some(b) if b.end >= e.end => best,
            _ => Some(e),
        })
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
                    .map(|(w, _)| w.value as u8);
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
            if FUTURE_WORDS.contains(&w) && !(capital && w == "may") {
                return Some(true);
            }
            if PAST_VERBS.contains(&w)
                || (!capital
                    && w.len() > 4
                    && w.ends_with("ed")
                    && !self.en_is(
                        k.wrapping_sub(1),
                        &[
                            "be", "been", "being", "the", "a", "an", "its", "their", "his", "her", "of", "and",
                        ],
                    )
                    && !self.en_is(k + 1, &["shares", "stock", "stocks", "share", "by"]))
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
            &["bloody", "black", "super", "good", "holy", "ash", "palm", "easter"],
        );
        !(named || epithet)
    }

    // ---- pieces

    /// A number written in digits (up to `max`) or words (`two`, `forty-one`, `a`).
    fn en_count(&self, i: usize, max: u32) -> Option<(u32, usize)> {
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
    fn en_year(&self, i: usize) -> Option<(i32, usize)> {
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

    /// A quarter, half or season word after an optional ordinal: (part, token after).
    fn en_part_word(&self, i: usize) -> Option<(Part, usize)> {
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
    fn en_year_possessive(&self, i: usize) -> Option<(YearRef, usize)> {
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
    fn en_part(&self, i: usize) -> Option<Expr> {
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
    fn en_year_back(&self, i: usize) -> Option<usize> {
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
    fn en_reported(&self, i: usize) -> Option<Expr> {
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

    fn reported_expr(&self, start: usize, end: usize, back: i32, year: Option<i32>) -> Expr {
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
    fn en_period_word(&self, i: usize) -> Option<usize> {
        self.en_is(i, &["quarter", "period"]).then_some(1)
    }

    /// Whether the token before `i` ends an amount (`$3 million last year`, `40% last year`).
    fn after_amount(&self, i: usize) -> bool {
        i > 0
            && (self.num(i - 1).is_some()
                || self.is_punct(i - 1, &['%'])
                || self.en_is(i - 1, &["million", "billion", "share", "cents", "percent", "level"]))
    }

    /// `six weeks ago`, `two years ago`, `41 years ago`, `nearly four years ago`, `a week or so ago`.
    fn en_ago(&self, i: usize) -> Option<Expr> {
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
        let unit = match self.en_word(k)? {
            "day" | "days" => Unit::Day,
            "week" | "weeks" => Unit::Week,
            "month" | "months" => Unit::Month,
            "year" | "years" => Unit::Year,
            "decade" | "decades" => Unit::Decade,
            _ => return None,
        };
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
            what: What::En(EnWhat::Ago { n, unit }),
            modifier,
        })
    }

    /// `early`, `mid`, `late`, `the end of`, `the beginning of`, `the middle of`: (modifier, token after).
    fn en_edge_word(&self, i: usize) -> Option<(Mod, usize)> {
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
    fn en_edge(&self, i: usize) -> Option<Expr> {
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
    fn en_dir_month(&self, i: usize) -> Option<Expr> {
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
                YearRef::Last => *month_dir = Some(-1),
                YearRef::Next => *month_dir = Some(1),
                YearRef::Abs(v) => *y = Some(v),
                YearRef::Near { .. } | YearRef::Closest => {}
            }
        }
        Some(Expr {
            start,
            end,
            what,
            modifier: None,
        })
    }

    /// `Thanksgiving Day`, `last Thanksgiving`, `Christmas Eve`, `Election Day`, `Christmas 1998`.
    fn en_holiday(&self, i: usize) -> Option<Expr> {
        let mut j = i;
        let mut dir = None;
        if self.en_is(j, &["last", "next", "this"]) {
            dir = self.en_word(j).map(|w| match w {
                "last" => YearRef::Last,
                "next" => YearRef::Next,
                _ => YearRef::Dct(0),
            });
            j += 1;
        }
        if !self.tok(j).is_some_and(|t| t.capital) {
            return None;
        }
        let w = self.en_word(j)?;
        let next = self.en_word(j + 1);
        let day = |k: usize| if self.en_is(k, &["day"]) { k + 1 } else { k };
        let (h, mut end) = match w {
            "thanksgiving" => (Holiday::Thanksgiving, day(j + 1)),
            "christmas" if next == Some("eve") => (Holiday::ChristmasEve, j + 2),
            "christmas" => (Holiday::Christmas, day(j + 1)),
            "halloween" => (Holiday::Halloween, j + 1),
            "election" if next == Some("day") => (Holiday::Election, j + 2),
            "memorial" if next == Some("day") => (Holiday::Memorial, j + 2),
            "labor" if next == Some("day") => (Holiday::Labor, j + 2),
            "independence" if next == Some("day") => (Holiday::Independence, j + 2),
            "veterans" if next == Some("day") => (Holiday::Veterans, j + 2),
            "valentine" => {
                let k = self.en_possessive(j + 1).unwrap_or(j + 1);
                if !self.en_is(k, &["day"]) {
                    return None;
                }
                (Holiday::Valentine, k + 1)
            }
            "new" if next == Some("year") => {
                let k = self.en_possessive(j + 2)?;
                match self.en_word(k) {
                    Some("day") => (Holiday::NewYear, k + 1),
                    Some("eve") => (Holiday::NewYearsEve, k + 1),
                    _ => return None,
                }
            }
            _ => return None,
        };
        // `Christmas trees`, `Thanksgiving dinner`: a following noun is fine, a capital name is not
        if self
            .tok(end)
            .is_some_and(|t| t.capital && t.kind == TokKind::Word && t.gap != Gap::Line)
            && self.month(end).is_none()
        {
            return None;
        }
        let mut year = dir;
        if let Some((y, k)) = self.en_year(end) {
            year = Some(YearRef::Abs(y));
            end = k;
        }
        let year = year.unwrap_or(match self.en_future(i, end) {
            Some(future) => YearRef::Near { future, back: 0 },
            None => YearRef::Closest,
        });
        Some(Expr {
            start: i,
            end,
            what: What::En(EnWhat::Holiday { holiday: h, year }),
            modifier: None,
        })
    }

    /// `the 1980s`, `the mid-1990s`, `the late 1970s`, `the '80s`, `the nineties`.
    fn en_decade(&self, i: usize) -> Option<Expr> {
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
    fn en_fiscal(&self, i: usize) -> Option<Expr> {
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
    fn en_bare_year(&self, i: usize) -> Option<Expr> {
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
    fn en_bare_month(&self, i: usize) -> Option<Expr> {
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
    fn en_the_year(&self, i: usize) -> Option<Expr> {
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
    fn en_ordinal_day(&self, i: usize) -> Option<(u8, usize)> {
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
    fn en_ordinal_date(&self, i: usize) -> Option<Expr> {
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
    fn en_abbrev_dot(&self, month_at: usize, end: usize) -> usize {
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
