//! Counted offsets: `قبل أربعة أيام`, `منذ شهرين`, `بعد ثلاثة أسابيع`,
//! `خلال الأيام الخمسة المقبلة`, `پنج روز پیش`, `دو ماه دیگر`, `۳ سال قبل`,
//! `six years ago`, `in two months`, and the ones counted from the date
//! before them in the text (`two days later`, `دو هفته بعد`, `اليوم التالي`,
//! `the following year`).
//!
//! A count is digits in any digit set, a number word (`پنج`, `أربعة`, `six`,
//! tens composed: `بیست و پنج`, `خمسة وعشرين`, `ثلاثة عشر`) or an Arabic dual
//! (`يومين`, `شهرين`, `عامين`). Without a count and a unit there is no offset:
//! `دیگر` alone means "other", `بعد` alone "after".

use crate::lexicon::{Conj, Dir, DurUnit, FrameWord, Kind, Lang, TokKind};

use super::super::Mod;

use super::{Expr, Parser, Unit, What};

/// Where a counted offset counts from.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Base {
    /// The document date: `six years ago`, `دو ماه دیگر`.
    Dct,
    /// The date written before it in the text: `two days later`, `اليوم التالي`.
    Text,
    /// The date written close before it in the same sentence (`وصل في 3 مارس
    /// ثم غادر بعد يومين`); without one, `بعد يومين` in a narrative counts from
    /// a happening the text names, not from a date.
    Sentence,
}

/// How many words from `بعد يومين` a future marker may stand.
const FUTURE_WINDOW: usize = 6;

/// The largest count read as an offset (a larger number is a quantity).
const MAX_COUNT: u32 = 999;

impl Parser<'_> {
    /// A counted offset starting at token `i`, in the text's language.
    pub(super) fn offset(&self, i: usize) -> Option<Expr> {
        match self.lang {
            Lang::Ar => self
                .ar_offset(i)
                .or_else(|| self.ar_span(i))
                .or_else(|| self.next_unit(i)),
            Lang::Fa => self.fa_offset(i).or_else(|| self.next_unit(i)),
            _ => None,
        }
    }

    /// A count: digits (1–999), or number words in the text's language with
    /// tens composed. Returns (count, token after).
    pub(super) fn count(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((v, digits)) = self.num(i) {
            // `12:30`, `1/2`, `3.5`: part of a time, a date or a decimal
            let joined = |k: usize| self.is_punct(k, &[':', '/', '.', ',', '-']) && self.glued(k);
            if digits > 3 || v == 0 || v > MAX_COUNT || joined(i + 1) || (i > 0 && joined(i - 1) && self.glued(i)) {
                return None;
            }
            return Some((v, i + 1));
        }
        let (v, j) = self.count_word(i)?;
        match self.lang {
            // بیست و پنج; خمسة وعشرين; ثلاثة عشر
            Lang::Fa if v >= 20 && v % 10 == 0 && v < 100 => {
                if let Some(k) = self.conj(j, Conj::And)
                    && let Some((u, n)) = self.count_word(k).filter(|(u, _)| (1..=9).contains(u))
                {
                    return Some((v + u, n));
                }
                Some((v, j))
            }
            Lang::Ar if (1..=9).contains(&v) => {
                if let Some((10, n)) = self.count_word(j) {
                    return Some((v + 10, n));
                }
                // `خمسة وعشرين`: the tens glued to their `و`
                let glued_and = self.tok(j).is_some_and(|t| t.text(self.buf).starts_with('و'));
                if glued_and
                    && let Some((t, n)) = self.count_word(j).filter(|(t, _)| *t >= 20 && t % 10 == 0 && *t < 100)
                {
                    return Some((v + t, n));
                }
                if let Some(k) = self.conj(j, Conj::And)
                    && let Some((t, n)) = self.count_word(k).filter(|(t, _)| *t >= 20 && t % 10 == 0 && *t < 100)
                {
                    return Some((v + t, n));
                }
                Some((v, j))
            }
            _ => (v <= MAX_COUNT).then_some((v, j)),
        }
    }

    /// A cardinal number word of the lexicon, with or without the Arabic
    /// article (`الخمسة`).
    fn count_word(&self, i: usize) -> Option<(u32, usize)> {
        if let Some(found) = self.number_word(i, Kind::NumWord) {
            return Some(found);
        }
        if self.lang != Lang::Ar {
            return None;
        }
        let t = self.tok(i)?;
        let w = t.text(self.buf).strip_prefix("ال")?;
        let e = crate::lexicon::Lexicon::get()
            .lookup(w)
            .iter()
            .find(|e| e.kind == Kind::NumWord && e.rest.is_empty() && e.in_lang(self.lang))?;
        match e.value {
            crate::lexicon::Value::Number(v) => Some((v, i + 1)),
            _ => None,
        }
    }

    /// A unit a count counts in: (unit, the count a dual names, token after).
    /// Plural and singular unit words (`أيام`, `يوما`, `روز`, `days`) and the
    /// calendar units (`هفته`, `شهر`, `month`).
    pub(super) fn count_unit(&self, i: usize) -> Option<(Unit, Option<u32>, usize)> {
        if let Some(((v, dual), j)) = self.dur_unit(i) {
            let unit = match v {
                DurUnit::Day => Unit::Day,
                DurUnit::Week => Unit::Week,
                DurUnit::Month => Unit::Month,
                DurUnit::Year => Unit::Year,
                DurUnit::Second
                | DurUnit::Minute
                | DurUnit::Hour
                | DurUnit::Quarter
                | DurUnit::Decade
                | DurUnit::Century => return None,
            };
            return Some((unit, dual, j));
        }
        if let Some((u, j)) = self.unit_at(i) {
            return Some((u, None, j));
        }
        // `15 يوم`: the day word after a count
        let j = self.frame(i, FrameWord::Day)?;
        (self.lang == Lang::Ar && j == i + 1).then_some((Unit::Day, None, j))
    }

    /// A count and its unit, or a dual: (count, unit, token after).
    fn counted(&self, i: usize) -> Option<(u32, Unit, usize)> {
        if let Some((n, j)) = self.count(i)
            && let Some((unit, None, k)) = self.count_unit(j)
        {
            return Some((n, unit, k));
        }
        match self.count_unit(i)? {
            (unit, Some(n), k) => Some((n, unit, k)),
            _ => None,
        }
    }

    /// Whether what follows an offset ties it to an event, not to a date
    /// (`قبل ثلاثة أيام من الانتخابات`, `دو روز پیش از انتخابات`), or makes
    /// its unit part of a date (`بعد شهر رمضان`, `قبل عام 2010`).
    fn tied_after(&self, k: usize) -> bool {
        self.same_line(k)
            && (self.conj(k, Conj::From).is_some()
                || self.num(k).is_some()
                || self.month_word_after(k).is_some()
                || self.tok(k).is_some_and(|t| t.text(self.buf) == "علی"))
    }

    /// `(قبل|منذ) COUNT UNIT`, `بعد COUNT UNIT`, and with a singular unit alone
    /// (`قبل عام`, `منذ أسبوع`) one of it.
    fn ar_offset(&self, i: usize) -> Option<Expr> {
        let (back, base) = if self.entry(i, Kind::Ago).is_some() {
            (true, Base::Dct)
        } else {
            match self.modifier(i) {
                Some((Mod::Before, _)) => (true, Base::Dct),
                Some((Mod::After, _)) => (false, Base::Sentence),
                _ => return None,
            }
        };
        if !self.same_line(i + 1) {
            return None;
        }
        let (n, unit, end) = self.counted(i + 1).or_else(|| {
            // a singular calendar unit, indefinite (`منذ الأسبوع الأول` is since the first week): one of it
            let (u, k) = self.unit_at(i + 1)?;
            let definite = self.tok(i + 1)?.text(self.buf).starts_with("ال");
            (!definite).then_some((1, u, k))
        })?;
        // `قبل شهر واحد من زيارة`, `بعد عام ونصف`: one of it, then what ties it
        let after = if self.is_word(end, "واحد") || self.is_word(end, "واحده") {
            end + 1
        } else {
            end
        };
        let and_half = self.conj(after, Conj::And).is_some_and(|k| self.is_word(k, "نصف"))
            || self.tok(after).is_some_and(|t| t.text(self.buf) == "ونصف");
        // `عاما بعد عام`: year after year
        let repeated = i > 0 && self.count_unit(i - 1).is_some();
        // `لم نكمل بعد شهرا`: `لم … بعد` is "not yet"
        let not_yet = !back && (i.saturating_sub(3)..i).any(|k| self.is_word(k, "لم") || self.is_word(k, "لما"));
        if self.tied_after(after) || and_half || repeated || not_yet {
            return None;
        }
        let base = if base == Base::Sentence && self.future_near(i, end) {
            Base::Dct
        } else {
            base
        };
        Self::offset_expr(i, end, n, back, unit, base)
    }

    /// `خلال الأيام الخمسة المقبلة`, `طوال الأشهر الثلاثة الماضية`,
    /// `خلال الأسبوعين المقبلين`: every unit from the next (or last) one to the nth.
    /// With every TIMEX3 type read, the same words are the DURATION TempEval-3
    /// annotates (`P5D`, `parse/durations.rs`); the timeline gets the interval.
    fn ar_span(&self, i: usize) -> Option<Expr> {
        if self.types == crate::extract::Types::All {
            return None;
        }
        let (_, j) = self.entry(i, Kind::Within)?;
        if !self.tok(j).is_some_and(|t| t.text(self.buf).starts_with("ال")) {
            return None;
        }
        let (unit, dual, k) = self.count_unit(j)?;
        let (n, k) = match dual {
            Some(n) => (n, k),
            None => self.count(k)?,
        };
        if n < 2 {
            return None;
        }
        let (d, end) = self.dir(k).filter(|(d, _)| *d != Dir::This)?;
        Some(Expr {
            start: i,
            end,
            what: What::Offset {
                n: i32::try_from(n).ok()? * d.offset(),
                unit,
                base: Base::Dct,
                span: true,
            },
            modifier: None,
        })
    }

    /// `COUNT UNIT (پیش|قبل)`, `COUNT UNIT (دیگر|دیگه)` from the document
    /// date; `COUNT UNIT بعد` from the date before it in the text.
    fn fa_offset(&self, i: usize) -> Option<Expr> {
        let (n, unit, k) = self.counted(i)?;
        if !self.same_line(k) {
            return None;
        }
        let (back, base, end) = if let Some((_, end)) = self.entry(k, Kind::Ago) {
            (true, Base::Dct, end)
        } else {
            let (_, end) = self.dir(k).filter(|(d, _)| *d == Dir::Next)?;
            match self.tok(k)?.text(self.buf) {
                "بعد" if self.future_near(i, end) => (false, Base::Dct, end),
                "بعد" => (false, Base::Sentence, end),
                "دیگر" | "دیگه" => (false, Base::Dct, end),
                // `دو سال آینده`: the coming two years, a span
                _ => return None,
            }
        };
        if self.tied_after(end) {
            return None;
        }
        Self::offset_expr(i, end, n, back, unit, base)
    }

    /// `n` units forward (or `back`) from `base`, as the expression at `i..end`.
    fn offset_expr(i: usize, end: usize, n: u32, back: bool, unit: Unit, base: Base) -> Option<Expr> {
        let n = i32::try_from(n).ok()?;
        Some(Expr {
            start: i,
            end,
            what: What::Offset {
                n: if back { -n } else { n },
                unit,
                base,
                span: false,
            },
            modifier: None,
        })
    }

    /// `اليوم التالي`, `العام التالي`, `روز بعد`: the day,
    /// month or year after the date before it in the text (the one before:
    /// `اليوم السابق`).
    fn next_unit(&self, i: usize) -> Option<Expr> {
        let w = self.tok(i)?.text(self.buf);
        let (unit, k) = match self.unit_at(i) {
            Some(u) => u,
            None if matches!(w, "الیوم" | "روز") => (Unit::Day, i + 1),
            None => return None,
        };
        let next = self.tok(k)?.text(self.buf);
        let n = match (self.lang, next) {
            (Lang::Ar, "التالی" | "التالیه") => 1,
            (Lang::Ar, "السابق" | "السابقه") if unit == Unit::Day => -1,
            (Lang::Fa, "بعد") if unit == Unit::Day => 1,
            _ => return None,
        };
        // `روز بعد از انتخابات`: the day after an event
        if !self.same_line(k) || self.tied_after(k + 1) {
            return None;
        }
        Some(self.text_offset(i, k + 1, n, unit))
    }

    fn text_offset(&self, start: usize, end: usize, n: i32, unit: Unit) -> Expr {
        Expr {
            start,
            end,
            what: What::Offset {
                n,
                unit,
                base: Base::Text,
                span: false,
            },
            modifier: None,
        }
    }

    /// A future marker within a few words of `start..end` (`سوف`, `خواهد`):
    /// `بعد يومين` then counts from the document date.
    fn future_near(&self, start: usize, end: usize) -> bool {
        let from = start.saturating_sub(FUTURE_WINDOW);
        let to = (end + FUTURE_WINDOW).min(self.toks.len());
        (from..to).any(|k| self.entry(k, Kind::Future).is_some())
    }

    /// Whether the folded word at `i` is `w`.
    pub(super) fn is_word(&self, i: usize, w: &str) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == TokKind::Word && t.text(self.buf) == w)
    }
}

impl Parser<'_> {
    /// English: `in two months` (in a sentence about the future), `three weeks
    /// from now`, `two days later`, `a month earlier`, `the day after
    /// tomorrow`, `the day before yesterday`, `the next day`, `the following year`.
    pub(super) fn en_offset(&self, i: usize) -> Option<Expr> {
        self.en_counted_offset(i).or_else(|| self.en_day_words(i))
    }

    /// An English unit word at `i` (`day`, `weeks`, `decade`).
    pub(super) fn en_unit(&self, i: usize) -> Option<Unit> {
        Some(match self.en_word(i)? {
            "day" | "days" => Unit::Day,
            "week" | "weeks" => Unit::Week,
            "month" | "months" => Unit::Month,
            "year" | "years" => Unit::Year,
            "decade" | "decades" => Unit::Decade,
            _ => return None,
        })
    }

    fn en_counted_offset(&self, i: usize) -> Option<Expr> {
        let (n, k) = if self.en_is(i, &["a", "an"]) {
            (1, i + 1)
        } else {
            self.en_count(i, 200)?
        };
        let unit = self.en_unit(k)?;
        let after = k + 1;
        let (sign, base, end) = if self.en_is(after, &["later"]) {
            (1, Base::Text, after + 1)
        } else if self.en_is(after, &["earlier"]) && unit != Unit::Year {
            // `a year earlier` is the reporting period (`en_reported`)
            (-1, Base::Text, after + 1)
        } else if self.en_is(after, &["from"]) && self.en_is(after + 1, &["now"]) {
            (1, Base::Dct, after + 2)
        } else if i > 0 && self.en_is(i - 1, &["in"]) && self.en_future(i, after) == Some(true) {
            // `will expire in two months`; `the first time in two years` is a span
            (1, Base::Dct, after)
        } else {
            return None;
        };
        let n = i32::try_from(n).ok()?;
        Some(Expr {
            start: i,
            end,
            what: What::Offset {
                n: sign * n,
                unit,
                base,
                span: false,
            },
            modifier: None,
        })
    }

    fn en_day_words(&self, i: usize) -> Option<Expr> {
        let j = if self.en_is(i, &["the"]) { i + 1 } else { i };
        // the day before yesterday, the day after tomorrow
        if self.en_is(j, &["day"]) {
            let rel = match (self.en_word(j + 1), self.en_word(j + 2)) {
                (Some("before"), Some("yesterday")) => Some(-2),
                (Some("after"), Some("tomorrow")) => Some(2),
                _ => None,
            };
            if let Some(d) = rel {
                return Some(Expr {
                    start: i,
                    end: j + 3,
                    what: What::RelDay(d),
                    modifier: None,
                });
            }
            // `the day before.`, `the day after,`: the one next to the date before it
            let n = match self.en_word(j + 1) {
                Some("before") => -1,
                Some("after") => 1,
                _ => return None,
            };
            let closed = self.tok(j + 2).is_none_or(|t| matches!(t.kind, TokKind::Punct(_)));
            return (j > i && closed).then(|| self.text_offset(i, j + 2, n, Unit::Day));
        }
        if j == i {
            return None;
        }
        // the next day, the following week, the previous day
        let n = match self.en_word(j)? {
            "following" => 1,
            "next" => 1,
            "previous" => -1,
            _ => return None,
        };
        let unit = self.en_unit(j + 1).filter(|u| *u != Unit::Decade)?;
        // `the next year` and `the previous year` are counted from the document date
        if self.en_word(j) != Some("following") && unit != Unit::Day {
            return None;
        }
        if self.en_word(j + 1).is_some_and(|w| w.ends_with('s')) {
            return None; // the following days: a span
        }
        Some(self.text_offset(i, j + 2, n, unit))
    }
}
