//! Composition of adjacent expressions into one: the second half of a date
//! grammar. The patterns in `parse` read the pieces (a day with its month, a
//! year, `امسال`); these rules join what stands side by side when the pieces
//! are compatible:
//!
//! - a date and the year written after it (`۱۳ تا ۱۵ خرداد ماه امسال`,
//!   `شهر شوال لعام 1436 هـ`), and a relative year with its number
//!   (`العام الماضي 1435`);
//! - ranges across months and years (`۲۴ اسفند تا ۱۵ فروردین ۹۷`,
//!   `6 / 11 حتى 1 / 12 / 1436 هـ`, `2002 إلى 2005`, `يوليو 2001 وحتى 2004`);
//! - lists of days that share a month (`۲۱، ۲۳ و ۲۵ فروردین`): one mention a day.
//!
//! Every rule checks what it joins: a range must run forwards, and a year is
//! only joined to a date that has none.

use crate::calendar::Calendar;
use crate::lexicon::{Conj, FrameWord, Kind, Lang, TokKind, Value};

use super::parse::{EnWhat, Expr, Parser, Unit, What, YearRef};

/// Applies every composition rule, left to right.
/// `dct` checks that a number after a relative year names that year.
pub(crate) fn compose(p: &Parser, exprs: Vec<Expr>, dct: Option<chrono::NaiveDate>) -> Vec<Expr> {
    let exprs = weekday_dates(p, exprs);
    let exprs = attach_years(p, exprs, dct);
    let exprs = future_years(p, exprs, dct);
    let exprs = ranges(p, exprs);
    let mut exprs = split_lists(p, exprs);
    // Expressions never overlap: where a rule grew one over the next, the first keeps its span.
    let mut end = 0;
    exprs.retain(|e| {
        let keep = e.start >= end && e.end > e.start;
        if keep {
            end = e.end;
        }
        keep
    });
    exprs
}

/// `ستقام الانتخابات في 20 مارس`, `۲۰ اسفند امضا خواهد شد`: a yearless day in a
/// sentence in the future tense is its next occurrence from a month before the document date on.
fn future_years(p: &Parser, mut exprs: Vec<Expr>, dct: Option<chrono::NaiveDate>) -> Vec<Expr> {
    let Some(dct) = dct else { return exprs };
    if p.lang() == Lang::En {
        return exprs;
    }
    for e in &mut exprs {
        if let What::Date {
            cal,
            year: year @ None,
            rel_year: None,
            month: Some(m),
            day: Some(d),
            half: None,
            weekday: None,
            ..
        } = &mut e.what
            && p.future_sentence(e.start, e.end)
        {
            let y = crate::calendar::from_date(*cal, dct).year;
            // a day a few weeks back is still the one meant (an event under way, a clause in the past)
            let floor = dct - chrono::Days::new(30);
            let on_or_after =
                |y: i32| crate::calendar::to_date(*cal, crate::calendar::Ymd::new(y, *m, *d)).is_ok_and(|x| x >= floor);
            *year = [y, y + 1].into_iter().find(|&y| on_or_after(y));
        }
    }
    exprs
}

/// `يوم الثلاثاء 20 /9 / 1436 هـ`, `يوم الخميس الموافق 20 أغسطس`: a bare
/// weekday right before a date (directly, after a comma, or through
/// `الموافق`/`برابر با`) is that date's weekday; resolution checks that they agree.
fn weekday_dates(p: &Parser, exprs: Vec<Expr>) -> Vec<Expr> {
    let mut out: Vec<Expr> = Vec::with_capacity(exprs.len());
    for e in exprs {
        if let Some(prev) = out.last_mut()
            && let What::Weekday {
                weekday: wd,
                dir: None,
                nth: None,
                ..
            } = prev.what
            && let What::Date {
                day: Some(_),
                month: Some(_),
                weekday: None,
                ..
            } = e.what
            && (linked_directly(p, prev.end, e.start) || p.frame(prev.end, FrameWord::Equals) == Some(e.start))
        {
            let mut what = e.what;
            if let What::Date { weekday, .. } = &mut what {
                *weekday = Some(wd);
            }
            prev.what = what;
            prev.end = e.end;
            prev.modifier = e.modifier;
            continue;
        }
        out.push(e);
    }
    out
}

/// Whether the year alone `w` is the year `offset` from the document date's
/// (give or take one: the calendars' years overlap): `امسال ۱۷۰۰ نفر` is a count.
fn names_year(w: &What, offset: i32, dct: Option<chrono::NaiveDate>) -> bool {
    let (What::Date { year: Some(y), cal, .. }, Some(d)) = (w, dct) else {
        return true;
    };
    (y - (crate::calendar::from_date(*cal, d).year + offset)).abs() <= 1
}

/// `X (،|من)? Y` where X lacks the year Y gives.
fn attach_years(p: &Parser, exprs: Vec<Expr>, dct: Option<chrono::NaiveDate>) -> Vec<Expr> {
    let mut out: Vec<Expr> = Vec::with_capacity(exprs.len());
    for mut e in exprs {
        if let Some(prev) = out.last_mut()
            && linked_directly(p, prev.end, e.start)
            && let Some(what) = with_year(untensed(&prev.what), &e.what)
        {
            prev.what = what;
            prev.end = e.end;
            prev.modifier = prev.modifier.or(e.modifier);
            continue;
        }
        // `العام الماضي 1435`: a bare year right after a relative year says which one
        if let What::RelUnit {
            unit: Unit::Year,
            weekday: None,
            offset,
        } = e.what
            && let Some((mut w, end)) = bare_year(p, e.end, p.lang())
            && names_year(&w, offset, dct)
        {
            if let What::Date { rel_year, .. } = &mut w {
                *rel_year = Some(offset);
            }
            e.what = w;
            e.end = end;
        }
        out.push(e);
    }
    out
}

/// The date inside an English tense wrapper (`March` of `March of 2019`,
/// whose year is written after it), or `w` itself.
fn untensed(w: &What) -> &What {
    match w {
        What::En(EnWhat::Tensed { date, .. }) => date,
        w => w,
    }
}

/// Nothing, a comma, or `من` between two expressions on one line.
fn linked_directly(p: &Parser, from: usize, to: usize) -> bool {
    if to < from || !p.same_line(to) {
        return false;
    }
    match to - from {
        0 => true,
        1 => {
            p.is_punct(from, &[',', '،'])
                || p.frame(from, FrameWord::Of).is_some()
                || (p.lang() == Lang::En && p.en_is(from, &["of"]))
        }
        _ => false,
    }
}

/// The date `a` with the year `b` names, or None when they do not combine.
fn with_year(a: &What, b: &What) -> Option<What> {
    match (a, b) {
        // a day or month without a year, then a year alone or `امسال`
        (
            What::Date {
                year: None,
                rel_year: None,
                month: Some(_),
                month_dir: None,
                ..
            },
            _,
        ) => {
            let mut w = a.clone();
            let What::Date {
                year,
                short_year,
                rel_year,
                cal,
                ..
            } = &mut w
            else {
                return None;
            };
            match *b {
                What::Date {
                    year: Some(y),
                    short_year: s,
                    month: None,
                    half: None,
                    cal: bcal,
                    ..
                } if bcal == *cal || y >= 1600 => {
                    *year = Some(y);
                    *short_year = s;
                }
                What::RelUnit {
                    unit: Unit::Year,
                    offset,
                    weekday: None,
                } => *rel_year = Some(offset),
                // `March of 2019`
                What::En(EnWhat::Year(YearRef::Abs(y))) if *cal == Calendar::Gregorian => *year = Some(y),
                _ => return None,
            }
            Some(w)
        }
        // `العام الماضي 1435`, `لهذا العام 1436هـ`: the number says which year
        // (resolution checks that the two agree)
        (
            What::RelUnit {
                unit: Unit::Year,
                weekday: None,
                offset,
            },
            What::Date {
                year: Some(_),
                month: None,
                ..
            },
        ) => {
            let mut w = b.clone();
            if let What::Date { rel_year, .. } = &mut w {
                *rel_year = Some(*offset);
            }
            Some(w)
        }
        _ => None,
    }
}

/// `X (تا|إلى|حتى|-|to|until|وحتى) Y` → one interval, and the same with a bare
/// day, day/month or year on one side (`2 إلى 5 / 11 / 1436 هـ`).
fn ranges(p: &Parser, exprs: Vec<Expr>) -> Vec<Expr> {
    let mut out: Vec<Expr> = Vec::with_capacity(exprs.len());
    let mut it = exprs.into_iter().peekable();
    while let Some(mut e) = it.next() {
        // a bare start before `e`: `2 إلى 5/11/1436`, `6 / 11 حتى 1 / 12 / 1436`
        let floor = out.last().map_or(0, |x| x.end);
        if let Some((start, from)) = bare_start(p, floor, &e) {
            e = Expr {
                start,
                end: e.end,
                what: What::Range {
                    from: Box::new(from),
                    to: Box::new(e.what),
                },
                modifier: None,
            };
        }
        // English writes a range as two mentions (as TempEval-3 marks it): a
        // yearless start (`Nov. 28 to Dec. 3, 2018`) takes the end's year, or the
        // year before when its month comes later, instead of its tense's
        let mut own_start = false;
        if let Some(next) = it.peek()
            && range_linker(p, e.end) == Some(next.start)
            && let Some(year) = start_year(&e.what, &next.what)
            && let What::En(EnWhat::Tensed { date, .. }) = &mut e.what
            && let What::Date { year: y, .. } = &mut **date
        {
            *y = Some(year);
            e.what = std::mem::replace(&mut **date, What::RelDay(0));
            own_start = true;
        }
        // `X to Y`
        if !own_start
            && let Some(next) = it.peek()
            && let Some(after) = range_linker(p, e.end)
            && after == next.start
            && range_ends_fit(&e.what, &next.what)
        {
            let next = it.next().unwrap_or_else(|| unreachable!("peeked"));
            e = Expr {
                start: e.start,
                end: next.end,
                what: What::Range {
                    from: Box::new(e.what),
                    to: Box::new(next.what),
                },
                modifier: e.modifier,
            };
        } else if let Some(after) = range_linker(p, e.end)
            && it.peek().is_none_or(|n| n.start > after)
            && let Some((to, end)) = bare_year(p, after, p.lang())
            && has_year(&e.what)
        {
            // `يوليو 2001 وحتى 2004`
            e = Expr {
                start: e.start,
                end,
                what: What::Range {
                    from: Box::new(e.what),
                    to: Box::new(to),
                },
                modifier: e.modifier,
            };
        }
        out.push(e);
    }
    out
}

/// The token after a range word at `i` (`تا`, `إلى`, `وحتى`, `-`, `to`), if any.
pub(crate) fn range_linker(p: &Parser, i: usize) -> Option<usize> {
    if !p.same_line(i) {
        return None;
    }
    let mut j = i;
    if p.is_punct(j, &[',', '،']) {
        j += 1;
    }
    if let Some(k) = p.conj(j, Conj::And) {
        j = k; // وحتى, و حتى
    }
    if let Some(k) = p.conj(j, Conj::To) {
        return Some(k);
    }
    (j == i && p.is_punct(i, &['-', '–'])).then_some(i + 1)
}

/// The year of a yearless English range start `a` (month and day written)
/// before an end `b` with its year.
fn start_year(a: &What, b: &What) -> Option<i32> {
    let What::En(EnWhat::Tensed { date, .. }) = a else {
        return None;
    };
    let What::Date {
        cal: Calendar::Gregorian,
        year: None,
        month: Some(am),
        day: Some(_),
        ..
    } = **date
    else {
        return None;
    };
    let What::Date {
        year: Some(by),
        month: Some(bm),
        ..
    } = *b
    else {
        return None;
    };
    Some(if am > bm { by - 1 } else { by })
}

fn has_year(w: &What) -> bool {
    matches!(w, What::Date { year: Some(_), .. })
}

/// Two dates that can bound a range: both calendar dates, the end at least as
/// precise as the start leaves to it, and a bare year end only after a year.
fn range_ends_fit(a: &What, b: &What) -> bool {
    let (
        What::Date {
            month: am,
            day: ad,
            year: ay,
            day_to: None,
            half: None,
            ..
        },
        What::Date {
            month: bm,
            day: bd,
            year: by,
            day_to: None,
            half: None,
            ..
        },
    ) = (a, b)
    else {
        return false;
    };
    match (ad, bd) {
        (Some(_), Some(_)) => am.is_some() || bm.is_some(),
        (None, None) => match (am, bm) {
            (Some(_), Some(_)) => true,
            (None, None) => ay.is_some() && by.is_some(),
            // `يوليو 2001 إلى 2004`
            (Some(_), None) => ay.is_some() && by.is_some(),
            (None, Some(_)) => false,
        },
        _ => false,
    }
}

/// A four-digit year alone at `i` (1000–2999, not glued to letters), with an
/// optional era mark: (the year, the token after it).
pub(crate) fn bare_year(p: &Parser, i: usize, lang: Lang) -> Option<(What, usize)> {
    let (v, digits) = p.num(i)?;
    if digits != 4 || !(1000..=2999).contains(&v) || p.glued_to_word(i) || !p.same_line(i) {
        return None;
    }
    let mut end = i + 1;
    if p.glued(end) && matches!(p.kind_at(end), Some(TokKind::Word | TokKind::Num { .. })) {
        // `2004م` is fine, `2004x` is not
        p.era_at(end)?;
    }
    let mut cal = super::parse::unmarked_year_calendar(lang, v);
    if let Some((era, k)) = p.era_at(end) {
        cal = era;
        end = k;
    }
    let mut w = Parser::date(cal);
    if let What::Date { year, .. } = &mut w {
        *year = Some(v as i32);
    }
    Some((w, end))
}

/// A start written bare before a range word and the date `e`: a day number
/// (`2 إلى 5 / 11`), a day/month pair (`6 / 11 حتى 1 / 12 / 1436`) or a year
/// (`2002 إلى 2005`). Returns where it starts and what it says.
fn bare_start(p: &Parser, floor: usize, e: &Expr) -> Option<(usize, What)> {
    let What::Date {
        cal,
        year: ey,
        month: em,
        day: ed,
        day_to: None,
        half: None,
        ..
    } = e.what
    else {
        return None;
    };
    // the range word just before `e`
    let linker_at = (floor..e.start)
        .rev()
        .take(3)
        .find(|&k| range_linker(p, k) == Some(e.start))?;
    // `2002 إلى 2005`: a year, only when the end is a year alone
    if ed.is_none() && em.is_none() && ey.is_some() && linker_at > floor {
        let k = linker_at - 1;
        if let Some((w, end)) = bare_year(p, k, p.lang())
            && end == linker_at
        {
            return Some((k, w));
        }
    }
    // `من يناير إلى مارس 2021`, `از آبان تا اسفند ۱۳۹۸`: a month alone, when the end is a month
    if ed.is_none() && em.is_some() {
        for k in (floor..linker_at).rev().take(3) {
            if let Some((mcal, m, end)) = p.month_name(k)
                && end == linker_at
                && mcal == cal
            {
                let mut w = Parser::date(cal);
                if let What::Date { month, .. } = &mut w {
                    *month = Some(m);
                }
                return Some((k, w));
            }
        }
    }
    let (_, Some(_)) = (em, ed) else {
        return None;
    };
    let mut w = Parser::date(cal);
    // `6 / 11 حتى 1 / 12 / 1436`
    if linker_at >= floor + 3 {
        let k = linker_at - 3;
        if let (Some((d, dd)), Some((m, md))) = (p.num(k), p.num(k + 2))
            && p.is_punct(k + 1, &['/', '-', '.'])
            && dd <= 2
            && md <= 2
            && (1..=31).contains(&d)
            && (1..=12).contains(&m)
            && !p.glued_to_word(k)
            && (k == floor || !p.is_punct(k - 1, &['/', '-', '.']))
        {
            if let What::Date { day, month, .. } = &mut w {
                *day = Some(d as u8);
                *month = Some(m as u8);
            }
            return Some((k, w));
        }
    }
    // `2 إلى 5 / 11 / 1436`, `۲۸ تا ۳۰`
    if linker_at > floor {
        let k = linker_at - 1;
        if let Some((d, dd)) = p.num(k)
            && dd <= 2
            && (1..=31).contains(&d)
            && !p.glued_to_word(k)
            && (k == floor || !p.is_punct(k - 1, &['/', '-', '.', ':']))
        {
            if let What::Date { day, .. } = &mut w {
                *day = Some(d as u8);
            }
            return Some((k, w));
        }
    }
    None
}

/// `۲۱، ۲۳ و ۲۵ فروردین`: each bare day before a date that ends a list
/// becomes a mention of its own with the date's month and year.
fn split_lists(p: &Parser, exprs: Vec<Expr>) -> Vec<Expr> {
    let mut out: Vec<Expr> = Vec::with_capacity(exprs.len());
    for e in exprs {
        let floor = out.last().map_or(0, |x| x.end);
        if let What::Date {
            day: Some(_),
            month: Some(_),
            day_to: None,
            half: None,
            ..
        } = e.what
        {
            let mut items = Vec::new();
            let mut k = e.start;
            // walk back over `(،|و) DAY`
            while k >= floor + 2 {
                let sep = k - 1;
                let joined = p.is_punct(sep, &[',', '،']) || p.conj(sep, Conj::And) == Some(k);
                let Some((d, dd)) = p.num(sep - 1) else { break };
                let glued_to_word = p.glued_to_word(sep - 1) && p.conj(sep - 2, Conj::And).is_none();
                if !joined || dd > 2 || !(1..=31).contains(&d) || glued_to_word || !p.same_line(k) {
                    break;
                }
                if sep - 1 > 0 && p.is_punct(sep - 2, &['/', '-', '.', ':']) {
                    break;
                }
                items.push((sep - 1, d as u8));
                k = sep - 1;
            }
            if p.lang() == Lang::En && !items.is_empty() {
                items.clear();
            }
            for &(at, d) in items.iter().rev() {
                let mut w = e.what.clone();
                if let What::Date { day, weekday, time, .. } = &mut w {
                    *day = Some(d);
                    *weekday = None;
                    *time = None;
                }
                out.push(Expr {
                    start: at,
                    end: at + 1,
                    what: w,
                    modifier: None,
                });
            }
        }
        out.push(e);
    }
    out
}

impl Parser<'_> {
    /// The token at `i` touches a word before it (`روسیه۱`).
    pub(crate) fn glued_to_word(&self, i: usize) -> bool {
        self.glued(i) && i > 0 && self.toks[i - 1].kind == TokKind::Word
    }

    pub(crate) fn kind_at(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub(crate) fn lang(&self) -> Lang {
        self.lang
    }

    /// An era mark at `i`: the calendar it names and the token after it.
    pub(crate) fn era_at(&self, i: usize) -> Option<(Calendar, usize)> {
        if !self.same_line(i) {
            return None;
        }
        self.typed(i, Kind::Era, |v| match v {
            Value::Era(cal) => Some(cal),
            _ => None,
        })
    }
}
