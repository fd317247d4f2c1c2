//! Times of day (TIMEX3 `TIME`): a clock time or a part of the day on a
//! day — `10 p.m. Wednesday`, `at 3 p.m. on Monday`, `15:00 GMT Saturday`,
//! `Friday morning`, `this evening`, `last night`, `noon Thursday`,
//! `صبح امروز`, `ساعت ۱۰ صبح روز شنبه`, `عصر دیروز`, `صباح الأحد`,
//! `مساء أمس`, `الساعة الثامنة مساء`. A time with no day written is on the
//! document's day (`RelDay(0)`), as TimeBank dates `this morning`.

use crate::extract::{Mod, Types};
use crate::lexicon::{AmPm, Kind, Lang};

use super::timex::{DayPart, TimeOfDay, Word};
use super::{Expr, Parser, What};

/// Time-zone words after an English clock time (`5 p.m. EST`).
const EN_ZONES: &[&str] = &[
    "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet",
];

/// Arabic hours written as feminine ordinals (`الساعة الثامنة`), folded.
const AR_HOURS: &[(&str, u8)] = &[
    ("الواحده", 1),
    ("الثانیه", 2),
    ("الثالثه", 3),
    ("الرابعه", 4),
    ("الخامسه", 5),
    ("السادسه", 6),
    ("السابعه", 7),
    ("الثامنه", 8),
    ("التاسعه", 9),
    ("العاشره", 10),
    ("الحادیه", 1),
];

impl Parser<'_> {
    /// A time of day at token `i` that begins with the time, or `this morning`;
    /// after English `in`/`on` at the word after it. A day followed by its time
    /// (`Friday morning`) is extended by [`Parser::time_after`] once the scan has read the day.
    pub(super) fn time_of_day(&self, i: usize) -> Option<Expr> {
        if self.lang == Lang::Ur {
            return None;
        }
        // a time begins with a number, a word of ours or a modifier (`mid afternoon`)
        let could = |k: usize| self.num(k).is_some() || self.tx_word(k).is_some() || self.entry(k, Kind::Mod).is_some();
        if !(could(i) || (self.en_frame(i) && could(i + 1))) {
            return None;
        }
        let at = |k: usize| [self.time_then_day(k), self.en_this_part(k)];
        let after_frame = if self.en_frame(i) { at(i + 1) } else { [None, None] };
        at(i)
            .into_iter()
            .chain(after_frame)
            .flatten()
            .fold(None, |best: Option<Expr>, e| match &best {
                Some(b) if b.end >= e.end => best,
                _ => Some(e),
            })
    }

    /// A part-of-day word at `j` (`morning`, `صبح`, `مساء`), with Persian `بعد از ظهر`.
    /// English parts of the day are read only with every type: English news
    /// gold (TimeBank) dates `Thursday night` by its day as often as by its night.
    fn day_part(&self, j: usize) -> Option<(TimeOfDay, usize)> {
        if self.lang == Lang::En && self.types != Types::All {
            return None;
        }
        // Arabic `عصر` is also an age (`عصر النهضة`), and Arabic news gold dates
        // `عصر هذا اليوم` by its day: an afternoon only when every type is read
        if self.lang == Lang::Ar && self.types != Types::All && self.tx_is(j, &["عصر"]) {
            return None;
        }
        if self.lang == Lang::Fa && self.tx_is(j, &["بعد", "بعداز"]) {
            let k = if self.tx_is(j, &["بعد"]) && self.tx_is(j + 1, &["از"]) {
                j + 2
            } else {
                j + 1
            };
            if self.tx_is(k, &["ظهر"]) {
                return Some((TimeOfDay::Part(DayPart::Afternoon), k + 1));
            }
        }
        if self.lang == Lang::Ar && self.tx_is(j, &["منتصف"]) && self.tx_is(j + 1, &["اللیل"]) {
            return Some((TimeOfDay::Clock(24, 0), j + 2));
        }
        match self.tx_word(j)? {
            Word::Part(p) => Some((TimeOfDay::Part(p), j + 1)),
            Word::Clock(h) => Some((TimeOfDay::Clock(h, 0), j + 1)),
            _ => None,
        }
    }

    /// A clock time at `j`: `10 p.m.`, `10:35 a.m.`, `15:00 GMT`, `noon`,
    /// `4 in the morning`, `ساعت ۱۰ صبح`, `ساعت ۹:۳۰`, `الساعة الثامنة مساء`,
    /// `الساعة 8 صباحاً`: (hour, minute, token after).
    fn clock(&self, j: usize) -> Option<(u8, u8, usize)> {
        let mut k = j;
        let clock_word = match self.lang {
            Lang::Fa => self.tx_is(k, &["ساعت"]),
            Lang::Ar => self.tx_is(k, &["الساعه", "ساعه"]),
            _ => false,
        };
        if clock_word {
            k += 1;
        }
        let (mut h, mut m, mut end) = if let Some((h, d)) = self.num(k) {
            if d > 2 || h > 24 {
                return None;
            }
            if self.is_punct(k + 1, &[':']) && self.glued(k + 1) {
                let (m, md) = self.num(k + 2)?;
                if md != 2 || m > 59 {
                    return None;
                }
                (h as u8, m as u8, k + 3)
            } else {
                (h as u8, 0, k + 1)
            }
        } else if let Some(&(_, h)) = AR_HOURS
            .iter()
            .find(|(w, _)| self.tx_is(k, &[w]))
            .filter(|_| clock_word)
        {
            let mut end = k + 1;
            let mut h = h;
            // `الحادية عشرة`, `الثانية عشرة`
            if (h == 1 || h == 2) && self.tx_is(end, &["عشره"]) {
                h += 10;
                end += 1;
            }
            (h, 0, end)
        } else if let Some(Word::Clock(h)) = self.tx_word(k) {
            return Some((h, 0, k + 1));
        } else {
            return None;
        };
        let colon = end == k + 3;
        // the half or a quarter (`الثامنة والنصف`, `ساعت ۱۰ و نیم`)
        if self.tx_is(end, &["والنصف", "ونیم"]) || (self.tx_is(end, &["و"]) && self.tx_is(end + 1, &["نیم", "النصف"]))
        {
            m = 30;
            end += if self.tx_is(end, &["و"]) { 2 } else { 1 };
        }
        let mut told = colon || clock_word;
        if let Some((ampm, n)) = self.en_ampm(end).or_else(|| self.am_pm(end)) {
            if h > 12 || h == 0 {
                return None;
            }
            h = ampm.to_24h(h);
            end = n;
            told = true;
        } else if self.lang == Lang::En && self.en_is(end, &["in"]) && self.en_is(end + 1, &["the"]) {
            let (part, n) = self.day_part(end + 2)?;
            if let TimeOfDay::Part(p) = part {
                h = afternoon_hour(h, p);
                end = n;
                told = true;
            }
        } else if self.lang != Lang::En
            && let Some((TimeOfDay::Part(p), n)) = self.day_part(end)
        {
            h = afternoon_hour(h, p);
            end = n;
            told = true;
        } else if self.lang == Lang::Ar && self.tx_is(end, &["ظهرا"]) {
            end += 1;
            told = true;
        }
        if !told || h > 24 {
            return None;
        }
        if self.lang == Lang::En && self.en_is(end, EN_ZONES) {
            end += 1;
        }
        Some((h, m, end))
    }

    /// English `a.m.`, `p.m`, `pm` at `k`, and the token after it.
    fn en_ampm(&self, k: usize) -> Option<(AmPm, usize)> {
        if self.lang != Lang::En {
            return None;
        }
        let pm = match self.en_word(k)? {
            "am" => return Some((AmPm::Am, k + 1)),
            "pm" => return Some((AmPm::Pm, k + 1)),
            "a" => AmPm::Am,
            "p" => AmPm::Pm,
            _ => return None,
        };
        if !(self.is_punct(k + 1, &['.']) && self.glued(k + 1) && self.glued(k + 2) && self.en_is(k + 2, &["m"])) {
            return None;
        }
        let end = if self.is_punct(k + 3, &['.']) && self.glued(k + 3) {
            k + 4
        } else {
            k + 3
        };
        Some((pm, end))
    }

    /// The day a time is on, written at `j`: a weekday, today/yesterday/tomorrow,
    /// or a full day (`Nov. 9`, `۱۲ دی`).
    fn time_day(&self, j: usize) -> Option<Expr> {
        [
            self.relative(j),
            self.weekday(j),
            self.day_month_year(j),
            self.month_first(j),
        ]
        .into_iter()
        .flatten()
        .filter(|e| e.start == j && is_one_day(&e.what))
        .fold(None, |best: Option<Expr>, e| match &best {
            Some(b) if b.end >= e.end => best,
            _ => Some(e),
        })
        .map(|e| self.en_tense(e))
    }

    /// `10 p.m. Wednesday`, `5 p.m. EST, Nov. 9`, `noon Thursday`, `at 3 p.m. on Monday`,
    /// `10:35 a.m.`, `Friday morning`'s reverse `morning Friday`, `صبح امروز`,
    /// `ساعت ۱۰ صبح روز شنبه`, `صباح الأحد`, `مساء يوم الاثنين`, `الساعة الثامنة مساء`.
    fn time_then_day(&self, i: usize) -> Option<Expr> {
        let mut j = i;
        let mut modifier = None;
        if self.en_is(j, &["around", "about"]) {
            modifier = Some(Mod::Approx);
            j += 1;
        } else if let Some((m, k)) = self
            .modifier(j)
            .filter(|(m, _)| matches!(m, Mod::Start | Mod::Mid | Mod::End))
        {
            modifier = Some(m);
            j = self.en_hyphen(k);
        } else if self.en_is(j, &["at"]) {
            j += 1;
        }
        let (at, k) = match self.clock(j) {
            Some((h, m, k)) => (TimeOfDay::Clock(h, m), k),
            None => self.day_part(j)?,
        };
        let clock = matches!(at, TimeOfDay::Clock(..)) && !matches!(self.tx_word(j), Some(Word::Clock(_)));
        let mut d = k;
        if self.is_punct(d, &[',']) {
            d += 1;
        }
        if self.en_is(d, &["on", "this"]) || self.tx_is(d, &["روز", "من"]) {
            d += 1;
        }
        let (day, end) = match self.time_day(d) {
            // `مساء الاثنين الموافق 10/4/1436`: the weekday belongs to the date after it
            Some(e) if matches!(e.what, What::Weekday { .. }) && self.date_follows(e.end) => return None,
            Some(e) => (e.what, e.end),
            // a clock time alone is on the document's day; a part of the day needs its day
            None if clock => (What::RelDay(0), k),
            None => return None,
        };
        // `at` is kept only before a clock time
        let start = if j > i && modifier.is_none() && !clock { j } else { i };
        let mut day = self.tense_from(day, start, end);
        // Persian `شب جمعه` is the night before Friday: Thursday night
        if self.lang == Lang::Fa
            && self.tx_is(j, &["شب"])
            && let What::Weekday { weekday, dir: None, .. } = &mut day
        {
            *weekday = weekday.pred();
        }
        Some(Expr {
            start,
            end,
            what: What::TimeOfDay { at, day: Box::new(day) },
            modifier,
        })
    }

    /// A bare English weekday read in the tense of the clause around `start..end`
    /// (the dots of `p.m.` would end the clause for the weekday alone).
    fn tense_from(&self, day: What, start: usize, end: usize) -> What {
        match day {
            What::Weekday {
                weekday,
                dir: None,
                nth: None,
                ..
            } if self.lang == Lang::En => What::Weekday {
                weekday,
                dir: None,
                nth: None,
                future: self.en_future(start, end) == Some(true),
            },
            d => d,
        }
    }

    /// Whether a date the weekday before it goes with starts at `k` (`الموافق …`, `، ۱۲ دی`).
    fn date_follows(&self, k: usize) -> bool {
        let k = if self.is_punct(k, &[',', '،']) { k + 1 } else { k };
        self.frame(k, crate::lexicon::FrameWord::Equals).is_some()
            || self.numeric(k).is_some()
            || self.day_month_year(k).is_some()
            || self.month_first(k).is_some()
    }

    /// `Friday morning`, `Saturday night`, `yesterday afternoon`, `Monday at 3 p.m.`,
    /// `امروز صبح`, `دیروز عصر`, `فردا شب`, `اليوم صباحاً`.
    /// The day expression `day` the scan found, with the time after it when one
    /// follows (the day unchanged otherwise).
    pub(super) fn time_after(&self, day: Expr) -> Expr {
        if self.lang == Lang::Ur || !is_one_day(&day.what) {
            return day;
        }
        let k = day.end;
        // the night frame already read: `پنجشنبه شب`
        if self.lang == Lang::Fa && k > 0 && self.tx_is(k - 1, &["شب"]) && matches!(day.what, What::Weekday { .. }) {
            let mut w = day;
            w.what = What::TimeOfDay {
                at: TimeOfDay::Part(DayPart::Night),
                day: Box::new(w.what),
            };
            return w;
        }
        match self.time_at(k) {
            Some((at, end)) if !(matches!(day.what, What::Weekday { .. }) && self.date_follows(end)) => Expr {
                start: day.start,
                end,
                what: What::TimeOfDay {
                    at,
                    day: Box::new(day.what),
                },
                modifier: day.modifier,
            },
            _ => day,
        }
    }

    /// A time right after a day ending at `k`: `at 3 p.m.`, `, 10:00`, `morning`, `صباحاً`.
    fn time_at(&self, k: usize) -> Option<(TimeOfDay, usize)> {
        let j = if self.en_is(k, &["at"]) || self.is_punct(k, &[',']) {
            k + 1
        } else {
            k
        };
        match self.clock(j) {
            // `Wednesday, noon Thursday`: after a comma only a time in digits
            Some(_) if j > k && self.is_punct(k, &[',']) && self.num(j).is_none() => None,
            Some((h, m, end)) => Some((TimeOfDay::Clock(h, m), end)),
            None if j == k => self.day_part(k),
            None => None,
        }
    }

    /// `this morning`, `this evening`, `later this afternoon`, `last night`,
    /// `tonight`, `امشب`, `دیشب`, `پریشب`, `شب گذشته`, `ليلة أمس`.
    fn en_this_part(&self, i: usize) -> Option<Expr> {
        let expr = |end: usize, day: i64, p: DayPart, modifier: Option<Mod>| Expr {
            start: i,
            end,
            what: What::TimeOfDay {
                at: TimeOfDay::Part(p),
                day: Box::new(What::RelDay(day)),
            },
            modifier,
        };
        match self.lang {
            Lang::En if self.types != Types::All => None,
            Lang::En => {
                if self.en_is(i, &["tonight", "tonite"]) {
                    return Some(expr(i + 1, 0, DayPart::Night, None));
                }
                let (j, modifier) = if self.en_is(i, &["later", "late"]) {
                    (i + 1, Some(Mod::End))
                } else if self.en_is(i, &["early"]) {
                    (i + 1, Some(Mod::Start))
                } else {
                    (i, None)
                };
                if self.en_is(j, &["last"]) && self.en_is(j + 1, &["night"]) {
                    return Some(expr(j + 2, -1, DayPart::Night, modifier));
                }
                if !self.en_is(j, &["this"]) {
                    return None;
                }
                let (TimeOfDay::Part(p), end) = self.day_part(j + 1)? else {
                    return None;
                };
                Some(expr(end, 0, p, modifier))
            }
            Lang::Fa if self.tx_is(i, &["امشب"]) => Some(expr(i + 1, 0, DayPart::Night, None)),
            Lang::Fa if self.tx_is(i, &["دیشب"]) => Some(expr(i + 1, -1, DayPart::Night, None)),
            Lang::Fa if self.tx_is(i, &["پریشب"]) => Some(expr(i + 1, -2, DayPart::Night, None)),
            Lang::Fa if self.tx_is(i, &["شب"]) && self.tx_is(i + 1, &["گذشته"]) => {
                Some(expr(i + 2, -1, DayPart::Night, None))
            }
            Lang::Ar if self.tx_is(i, &["اللیله"]) && self.tx_is(i + 1, &["الماضیه"]) => {
                Some(expr(i + 2, -1, DayPart::Night, None))
            }
            // ليلة أمس, ليلة البارحة: last night
            Lang::Ar if self.tx_is(i, &["لیله"]) && self.tx_is(i + 1, &["امس", "البارحه"]) => {
                Some(expr(i + 2, -1, DayPart::Night, None))
            }
            _ => None,
        }
    }
}

/// Whether `w` names one day a time can be on (a weekday, today, `Nov. 9`).
fn is_one_day(w: &What) -> bool {
    match w {
        What::RelDay(_) | What::Weekday { .. } => true,
        What::RelUnit { weekday, .. } => weekday.is_some(),
        What::Date {
            day: Some(_),
            month: Some(_),
            day_to: None,
            time: None,
            ..
        } => true,
        What::En(super::EnWhat::Tensed { date, .. }) => is_one_day(date),
        _ => false,
    }
}

/// The hour of `h` o'clock in part `p` of the day: 8 in the evening is 20:00.
fn afternoon_hour(h: u8, p: DayPart) -> u8 {
    match p {
        DayPart::Afternoon | DayPart::Evening if h < 12 => h + 12,
        DayPart::Night if (6..12).contains(&h) => h + 12,
        _ => h,
    }
}
