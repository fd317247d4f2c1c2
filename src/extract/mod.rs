//! Finds every date expression in a text and normalizes it against the
//! document's creation time (DCT).

mod compose;
mod holidays;
mod parse;
mod resolve;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, HijriVariant, Ymd};
use crate::lexicon::{Lang, Token, detect_lang, tokenize};

use parse::{Expr, Parser, What};
use resolve::Resolved;

/// How precise a value is.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grain {
    /// One day (`2022-01-12`).
    Day,
    /// A month (`2022-01`).
    Month,
    /// A year (`2022`).
    Year,
    /// A decade (`199` for the 1990s).
    Decade,
    /// An ISO week (`2021-W50`).
    Week,
    /// A day with a time (`2022-02-01T12:12`).
    Datetime,
    /// A range of days (`2022-01-09/2022-01-10`).
    Interval,
    /// A length of time, not a point on the timeline; never becomes an event.
    Duration,
    /// A recurrence (`every Monday`, `daily`); never becomes an event.
    Set,
    /// A reference with no days of its own (`now`, `the past`: `PRESENT_REF`, `PAST_REF`).
    Vague,
}

/// The TIMEX3 type of a mention: what TempEval-3 scores as `type`.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A day or a longer period, or a reference to one (`now`).
    #[default]
    Date,
    /// A time of day on a day (`10 p.m. Wednesday`, `صباح الأحد`).
    Time,
    /// A length of time (`three years`, `P3Y`).
    Duration,
    /// A recurrence (`every Monday`, `XXXX-WXX-1`).
    Set,
}

impl TimexType {
    /// The type a mention of `grain` has (the store keeps the grain, from which the type follows).
    pub fn of_grain(grain: Grain) -> TimexType {
        match grain {
            Grain::Datetime => TimexType::Time,
            Grain::Duration => TimexType::Duration,
            Grain::Set => TimexType::Set,
            _ => TimexType::Date,
        }
    }

    /// Whether a mention of this type can be a point or a period on the timeline.
    pub fn is_placed(self) -> bool {
        matches!(self, TimexType::Date | TimexType::Time)
    }
}

/// Which mentions an extraction reports.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum Types {
    /// DATE and TIME mentions that name days: what the timeline is built from
    /// and what the seed and real-news gold annotate.
    #[default]
    Placed,
    /// Every TIMEX3 type: also DURATION, SET and the DATE references with no
    /// days (`now` is `PRESENT_REF`), as TempEval-3 annotates them.
    All,
}

/// A TIMEX3-style modifier.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Mod {
    /// The beginning of the period (`early 2022`, `اوایل`).
    Start,
    /// Its middle (`mid-January`, `اواسط`).
    Mid,
    /// Its end (`late 2021`, `أواخر`).
    End,
    /// Before it (`before 2020`, `قبل از`).
    Before,
    /// After it (`after June`, `بعد`).
    After,
    /// About it (`about 1990`, `حوالي`).
    Approx,
}

/// What a value was resolved against.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Anchor {
    /// Relative to the document date (today, yesterday, next year).
    Dct,
    /// A yearless date given the year nearest the document date.
    YearInferred,
    /// A weekday resolved against the document date.
    Weekday,
    /// Relative to another expression.
    Relative,
}

/// One date expression found in a text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Unicode code-point offset of the first character.
    pub start: usize,
    /// Code-point offset one past the last character.
    pub end: usize,
    /// Exactly the original text between `start` and `end`.
    pub text: String,
    /// TIMEX3-style Gregorian value: `2022-01-12`, `2022-01`, `2022`,
    /// `2022-02-01T12:12`, `2021-W50`, or `2022-01-09/2022-01-10`.
    pub value: String,
    /// The TIMEX3 type: DATE, TIME, DURATION or SET.
    #[serde(rename = "type", default)]
    pub timex: TimexType,
    /// Where in the period, or how exactly (`START`, `APPROX`, ...).
    #[serde(rename = "mod")]
    pub modifier: Option<Mod>,
    /// How precise `value` is.
    pub grain: Grain,
    /// The calendar the text was written in.
    pub calendar: Calendar,
    /// The language the expression was read in (the text's, given or detected).
    pub lang: Lang,
    /// First day covered by `value`, inclusive (None for durations).
    pub first_day: Option<NaiveDate>,
    /// Last day covered by `value`, inclusive.
    pub last_day: Option<NaiveDate>,
    /// What an incomplete or relative expression was resolved against.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub anchor: Option<Anchor>,
    /// Index (in the same result list) of this mention's other-calendar twin.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub pair: Option<usize>,
    /// The two disagreeing values when a side-by-side pair does not match.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub conflict: Option<[String; 2]>,
}

/// What an extraction is resolved against.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Document creation time; when None, a dateline at the top of the text is used.
    pub dct: Option<NaiveDateTime>,
    /// Language; None means detect from the script.
    pub lang: Option<Lang>,
    /// Which TIMEX3 types to report ([`Types::Placed`] unless asked).
    pub types: Types,
}

/// Why [`parse_day`] could not read a day.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseDayError {
    /// The text names no recognizable day.
    #[error("could not read a date in {input:?}: {reason}")]
    Unreadable {
        /// The text as given.
        input: String,
        /// What was missing (`a day, a month and a year are needed`).
        reason: String,
    },
    /// The text names a day that does not exist (30 Esfand 1400).
    #[error(transparent)]
    Invalid(#[from] crate::calendar::DateError),
}

/// Reads one day written by a person: ISO `2022-01-12`, numeric `1400/10/22`
/// (read in `numeric` calendar, Gregorian when None), or a written date in any
/// supported language (`۲۲ دی ۱۴۰۰`, `24 كانون الثاني 2022`, `21 جمادى الآخرة 1443 هـ`).
/// Lunar Hijri dates are read as `variant` (Umm al-Qura when None). Returns
/// the day and the calendar it was written in.
///
/// # Errors
/// [`ParseDayError::Unreadable`] when no full day is found,
/// [`ParseDayError::Invalid`] when the day does not exist in its calendar.
pub fn parse_day(
    input: &str,
    numeric: Option<Calendar>,
    variant: Option<HijriVariant>,
) -> Result<(NaiveDate, Calendar), ParseDayError> {
    let variant = variant.unwrap_or(HijriVariant::UmmAlQura);
    let cal = numeric.unwrap_or(Calendar::Gregorian);
    if let Some(r) = crate::calendar::parse_numeric(input, cal, variant) {
        return Ok((r?, cal));
    }
    let unreadable = |reason: &str| ParseDayError::Unreadable {
        input: input.to_string(),
        reason: reason.to_string(),
    };
    let lang = detect_lang(input);
    let (mut buf, mut toks) = (String::new(), Vec::new());
    tokenize(input, 0, &mut buf, &mut toks);
    let parser = Parser::new(&toks, &buf, lang);
    let expr = parser
        .parse_all()
        .into_iter()
        .next()
        .ok_or_else(|| unreadable("no date found"))?;
    let What::Date {
        cal,
        year,
        month,
        day,
        short_year,
        ..
    } = expr.what
    else {
        return Err(unreadable("a relative date needs a document date"));
    };
    let (Some(year), Some(month), Some(day)) = (year, month, day) else {
        return Err(unreadable("a day, a month and a year are needed"));
    };
    if short_year {
        return Err(unreadable("write the year in full"));
    }
    let ymd = Ymd::new(year, month, day);
    let date = match cal {
        Calendar::Hijri => crate::calendar::to_date_hijri(ymd, variant)?,
        _ => crate::calendar::to_date(cal, ymd)?,
    };
    Ok((date, cal))
}

/// What [`extract`] found in a text, and the document date it resolved
/// relative dates against.
#[derive(Clone, Debug, PartialEq)]
pub struct Extraction {
    /// Every date expression, in text order.
    pub mentions: Vec<Mention>,
    /// The DCT used: `opts.dct`, else the text's [`dateline`]; None when
    /// neither, and relative dates were then left out. A caller that gave
    /// no DCT learns the dateline here without reading it again.
    pub dct: Option<NaiveDateTime>,
}

/// Finds every date expression in `text` and resolves it against the
/// document date (`opts.dct`, else a dateline near the top of the text),
/// which it returns beside the mentions.
///
/// Never panics on any input; spans are code-point offsets into `text` and
/// each mention's `text` is exactly that slice. Expressions that cannot be
/// resolved (a weekday with no document date) and durations are left out.
pub fn extract(text: &str, opts: &Options) -> Extraction {
    let mut mentions = Vec::new();
    let dct = extract_each(text, opts, &mut |m| mentions.push(m));
    Extraction { mentions, dct }
}

/// [`extract`] handing each mention to `sink` as soon as its line is read,
/// so that memory stays bounded on huge date-dense texts: nothing but one
/// segment's mentions is held at a time. `pair` indices count the mentions
/// handed over before, exactly as in [`extract`]'s list. Returns the DCT
/// used, as [`Extraction::dct`].
pub fn extract_each(text: &str, opts: &Options, sink: &mut dyn FnMut(Mention)) -> Option<NaiveDateTime> {
    let lang = opts.lang.unwrap_or_else(|| detect_lang(text));
    let dct = opts.dct.or_else(|| dateline(text, lang));
    let mut seg_out = Vec::new();
    let mut scratch = Scratch::default();
    let mut base = 0;
    let mut emitted = 0;
    for seg in segments(text) {
        base += extract_segment(seg, base, (lang, opts.types), dct, &mut scratch, &mut seg_out);
        let n = seg_out.len();
        for mut m in seg_out.drain(..) {
            m.pair = m.pair.map(|p| p + emitted);
            sink(m);
        }
        emitted += n;
    }
    dct
}

/// The date and time of a dateline: the first full date in the first 400
/// characters that stands near the start of its line (after at most a source
/// name), when the document has no date of its own. A date later in a
/// sentence is news, not a dateline.
pub fn dateline(text: &str, lang: Lang) -> Option<NaiveDateTime> {
    let head_end = text.char_indices().nth(400).map_or(text.len(), |(b, _)| b);
    let head = &text[..head_end];
    let (mut buf, mut toks) = (String::new(), Vec::new());
    tokenize(head, 0, &mut buf, &mut toks);
    let parser = Parser::new(&toks, &buf, lang);
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(head.chars().enumerate().filter(|&(_, c)| c == '\n').map(|(i, _)| i + 1))
        .collect();
    let near_line_start = |pos: usize| {
        let line = line_starts.iter().rev().find(|&&s| s <= pos).copied().unwrap_or(0);
        pos - line <= DATELINE_LEAD_CHARS
    };
    parser
        .parse_all()
        .into_iter()
        .filter(|e| near_line_start(toks[e.start].start))
        .find_map(|e| match e.what {
            What::Date {
                year: Some(_),
                month: Some(_),
                day: Some(_),
                day_to: None,
                short_year: false,
                ..
            } => {
                let r = resolve::resolve(&e, None, lang)?;
                let time = r
                    .time
                    .and_then(|(h, m)| chrono::NaiveTime::from_hms_opt(h.into(), m.into(), 0))
                    .unwrap_or_default();
                Some(r.first.and_time(time))
            }
            _ => None,
        })
}

/// How far into its line a dateline may start (room for `AGENCY, City -`).
const DATELINE_LEAD_CHARS: usize = 60;

/// Reused buffers.
#[derive(Default)]
struct Scratch {
    buf: String,
    toks: Vec<Token>,
    hits: Vec<&'static [crate::lexicon::Entry]>,
    /// What English expressions of this document refer back to.
    en: resolve::Context,
    /// The date of the last mention so far: what `two days later` counts from.
    last_date: Option<(NaiveDate, Grain)>,
}

/// Longest stretch scanned at once: bounds memory on huge one-line inputs.
const MAX_SEGMENT_CHARS: usize = 32 * 1024;

/// Splits text into lines, and overlong lines at a white space. Dates never
/// span a line break.
fn segments(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let line_end = rest.find('\n').map_or(rest.len(), |b| b + 1);
        if line_end <= MAX_SEGMENT_CHARS {
            // fewer bytes than the limit, so fewer characters too
            let seg = &rest[..line_end];
            rest = &rest[line_end..];
            return Some(seg);
        }
        let mut chars = 0usize;
        let mut cut = rest.len();
        let mut last_space = None;
        for (b, c) in rest.char_indices() {
            chars += 1;
            if c == '\n' {
                cut = b + 1;
                break;
            }
            if c.is_whitespace() {
                last_space = Some((b + c.len_utf8(), chars));
            }
            if chars >= MAX_SEGMENT_CHARS {
                cut = last_space.map_or(b + c.len_utf8(), |(lb, _)| lb);
                break;
            }
        }
        let seg = &rest[..cut];
        rest = &rest[cut..];
        Some(seg)
    })
}

/// Extracts the mentions of one segment starting at code point `base`;
/// returns the segment's length in code points.
fn extract_segment(
    seg: &str,
    base: usize,
    (lang, types): (Lang, Types),
    dct: Option<NaiveDateTime>,
    s: &mut Scratch,
    out: &mut Vec<Mention>,
) -> usize {
    let chars = tokenize(seg, base, &mut s.buf, &mut s.toks);
    if s.toks.is_empty() {
        return chars;
    }
    let parser = Parser::with_hits(&s.toks, &s.buf, lang, std::mem::take(&mut s.hits)).with_types(types);
    let exprs = compose::compose(&parser, parser.parse_all(), dct.map(|d| d.date()));
    let pairs = find_pairs(&parser, &exprs, &s.toks);
    s.hits = parser.into_hits();
    if exprs.is_empty() {
        return chars;
    }
    let anchor = dct.map(|d| d.date());
    let mut resolved: Vec<Option<Resolved>> = exprs
        .iter()
        .map(|e| resolve::resolve_in(e, dct, lang, &mut s.en))
        .collect();
    for &(a, b) in &pairs {
        lend_year(&exprs, &mut resolved, a, b, anchor);
        lend_year(&exprs, &mut resolved, b, a, anchor);
    }
    let paired: Vec<usize> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
    // English news dates yearless days by the document date (the TimeBank
    // convention HeidelTime's news mode follows); Persian and Arabic writers
    // lean on the year of their sentence.
    if lang != Lang::En {
        context_years(&exprs, &mut resolved, &paired, &s.toks, anchor);
    }
    anchor_offsets(&exprs, &mut resolved, &s.toks, &mut s.last_date, lang);
    // code-point spans → byte offsets in one walk
    let spans: Vec<(usize, usize)> = exprs
        .iter()
        .map(|e| (s.toks[e.start].start - base, s.toks[e.end - 1].end - base))
        .collect();
    let texts = slice_chars(seg, &spans);
    let first_index = out.len();
    let mut index_of = vec![None; exprs.len()];
    for (k, (e, r)) in exprs.iter().zip(&resolved).enumerate() {
        if let What::Unplaced(u) = &e.what {
            if types == Types::All {
                out.push(unplaced_mention(u, e, spans[k], base, texts[k], lang));
            }
            continue;
        }
        let Some(r) = r else { continue };
        // TIMEX3 values and the store hold years 0001–9999 only.
        if !(1..=9999).contains(&r.first.year()) || !(1..=9999).contains(&r.last.year()) {
            continue;
        }
        // A written weekday that the day does not fall on: keep both readings.
        let conflict = match e.what {
            What::Date { weekday: Some(w), .. } if r.grain == Grain::Day && r.first.weekday() != w => {
                Some([r.value.clone(), format!("XXXX-WXX-{}", w.number_from_monday())])
            }
            _ => None,
        };
        index_of[k] = Some(out.len());
        out.push(Mention {
            start: spans[k].0 + base,
            end: spans[k].1 + base,
            text: texts[k].to_string(),
            value: r.value.clone(),
            timex: TimexType::of_grain(r.grain),
            modifier: e.modifier,
            grain: r.grain,
            calendar: r.calendar,
            lang,
            first_day: Some(r.first),
            last_day: Some(r.last),
            anchor: r.anchor,
            pair: None,
            conflict,
        });
    }
    for &(a, b) in &pairs {
        let (Some(ia), Some(ib)) = (index_of[a], index_of[b]) else {
            continue;
        };
        debug_assert!(ia >= first_index && ib >= first_index);
        out[ia].pair = Some(ib);
        out[ib].pair = Some(ia);
        let (va, vb) = (out[ia].value.clone(), out[ib].value.clone());
        // Days must agree; months and years of two calendars never coincide, so
        // those disagree only when they do not overlap.
        let (a, b) = (&out[ia], &out[ib]);
        let disagree = if a.grain == Grain::Day && b.grain == Grain::Day {
            a.first_day != b.first_day
        } else {
            a.last_day < b.first_day || b.last_day < a.first_day
        };
        if disagree {
            out[ia].conflict = Some([va.clone(), vb.clone()]);
            out[ib].conflict = Some([va, vb]);
        }
    }
    chars
}

/// The mention of a duration, a recurrence or a vague reference: no days, no calendar of its own.
fn unplaced_mention(
    u: &parse::Unplaced,
    e: &Expr,
    (start, end): (usize, usize),
    base: usize,
    text: &str,
    lang: Lang,
) -> Mention {
    Mention {
        start: start + base,
        end: end + base,
        text: text.to_string(),
        value: u.value.clone(),
        timex: u.kind,
        modifier: e.modifier,
        grain: u.grain,
        calendar: Calendar::Gregorian,
        lang,
        first_day: None,
        last_day: None,
        anchor: None,
        pair: None,
        conflict: None,
    }
}

fn calendar_of(e: &Expr) -> Option<Calendar> {
    match e.what {
        What::Date { cal, .. } => Some(cal),
        _ => None,
    }
}

/// Side-by-side equivalents: `A (B)`, `A / B`, `A الموافق B`, `A برابر با B`,
/// and `A - B` in two calendars.
fn find_pairs(parser: &Parser, exprs: &[Expr], toks: &[Token]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for k in 1..exprs.len() {
        let (a, b) = (&exprs[k - 1], &exprs[k]);
        let between = &toks[a.end..b.start];
        let linked = matches!(between, [t] if matches!(t.kind, crate::lexicon::TokKind::Punct('(' | '/' | '[')))
            || parser.frame(a.end, crate::lexicon::FrameWord::Equals) == Some(b.start)
            || (matches!(between, [t] if matches!(t.kind, crate::lexicon::TokKind::Punct('-' | '–')))
                && calendar_of(a) != calendar_of(b));
        let dated = |e: &Expr| {
            matches!(
                e.what,
                What::Date { day: Some(_), .. } | What::Date { month: Some(_), .. }
            )
        };
        // a bare day of a list (`۱۰، ۱۲ و ۱۴`) is no twin
        let whole = |e: &Expr| e.end - e.start > 1;
        if linked && dated(a) && dated(b) && whole(a) && whole(b) && !pairs.iter().any(|&(_, pb)| pb == k - 1) {
            pairs.push((k - 1, k));
        }
    }
    pairs
}

/// A yearless date in a sentence that names a year (alone: `سال ۱۳۵۹`,
/// `عام 2008`) far from the document date takes its year from that sentence, not from the document date: in
/// `قیام ۱۹ دی … در سال ۵۶` (an article of 2017) the day is in 1356. A year
/// within a year of the document date leaves the usual reading alone, since
/// news moves between last year and this one in one breath.
fn context_years(
    exprs: &[Expr],
    resolved: &mut [Option<Resolved>],
    paired: &[usize],
    toks: &[Token],
    dct: Option<NaiveDate>,
) {
    let explicit: Vec<usize> = (0..exprs.len())
        .filter(|&k| {
            matches!(
                exprs[k].what,
                What::Date {
                    year: Some(_),
                    month: None,
                    day: None,
                    ..
                }
            ) && resolved[k].as_ref().is_some_and(|r| r.anchor.is_none())
        })
        .collect();
    if explicit.is_empty() {
        return;
    }
    for k in 0..exprs.len() {
        let Some(r) = &resolved[k] else { continue };
        if r.anchor != Some(Anchor::YearInferred) || paired.contains(&k) {
            continue;
        }
        let same_sentence = |c: usize| {
            let (a, b) = if c < k { (c, k) } else { (k, c) };
            !sentence_ends(toks, exprs[a].end, exprs[b].start)
        };
        let before = explicit
            .iter()
            .rev()
            .copied()
            .find(|&c| c < k)
            .filter(|&c| same_sentence(c));
        let after = explicit.iter().copied().find(|&c| c > k).filter(|&c| same_sentence(c));
        let Some(c) = before.or(after) else { continue };
        let (Some(ctx), What::Date { cal, .. }) = (&resolved[c], &exprs[k].what) else {
            continue;
        };
        let far = dct.is_none_or(|d| (ctx.last - d).num_days() < -366 || (ctx.first - d).num_days() > 366);
        if !far {
            continue;
        }
        let ctx_year_alone = matches!(
            exprs[c].what,
            What::Date {
                month: None,
                day: None,
                year: Some(_),
                ..
            }
        );
        let again = if ctx_year_alone && ctx.calendar == *cal {
            let mut e = exprs[k].clone();
            if let What::Date { year, .. } = &mut e.what {
                *year = Some(crate::calendar::from_date(*cal, ctx.first).year);
            }
            resolve::resolve_with_anchor(&e, ctx.first, dct)
        } else {
            let mid = ctx.first + (ctx.last - ctx.first) / 2;
            resolve::resolve_with_anchor(&exprs[k], mid, dct)
        };
        if let Some(mut r) = again {
            r.anchor = Some(Anchor::Relative);
            resolved[k] = Some(r);
        }
    }
}

/// Offsets counted from the text (`two days later`, `اليوم التالي`, `دو هفته
/// بعد`) count from the date of the mention before them: on this line or an
/// earlier one (`last` carries it from line to line), or for
/// [`parse::Base::Sentence`] a date written out close before it in the same
/// sentence (`في عام 1948 … بعد عشر سنوات`; not `الشهر الماضي … بعد 33 عاما`,
/// counted from something else). Without one they name no date.
fn anchor_offsets(
    exprs: &[Expr],
    resolved: &mut [Option<Resolved>],
    toks: &[Token],
    last: &mut Option<(NaiveDate, Grain)>,
    lang: Lang,
) {
    // the last date written out on this line (not itself counted from the document date)
    let mut written: Option<(usize, (NaiveDate, Grain))> = None;
    for k in 0..exprs.len() {
        if let What::Offset { n, unit, base, span } = exprs[k].what {
            let from = match base {
                parse::Base::Text => *last,
                parse::Base::Sentence => written
                    .filter(|&(p, _)| {
                        exprs[k].start - exprs[p].end <= SENTENCE_ANCHOR_TOKENS
                            && !sentence_ends(toks, exprs[p].end, exprs[k].start)
                    })
                    .map(|(_, a)| a),
                parse::Base::Dct => None,
            };
            if let Some((d, g)) = from {
                resolved[k] = resolve::offset_from(d, g, n, unit, span, lang).map(|mut r| {
                    r.anchor = Some(Anchor::Relative);
                    r
                });
            }
        }
        let Some(r) = resolved[k].as_ref() else { continue };
        if let Some(a) = resolve::text_anchor(r) {
            *last = Some(a);
            if !matches!(r.anchor, Some(Anchor::Dct | Anchor::Weekday)) {
                written = Some((k, a));
            }
        }
    }
}

/// How far (in tokens) before `بعد يومين` the date it counts from may be.
const SENTENCE_ANCHOR_TOKENS: usize = 12;

/// A full stop, question or exclamation mark between tokens `from` and `to`.
fn sentence_ends(toks: &[Token], from: usize, to: usize) -> bool {
    toks[from.min(to)..to]
        .iter()
        .any(|t| matches!(t.kind, crate::lexicon::TokKind::Punct('.' | '!' | '?' | '؟')))
}

/// When `to` has no year and `from` has one, `to` takes the occurrence nearest `from`.
fn lend_year(exprs: &[Expr], resolved: &mut [Option<Resolved>], from: usize, to: usize, anchor: Option<NaiveDate>) {
    let has_year = |e: &Expr| matches!(e.what, What::Date { year: Some(_), .. });
    if !has_year(&exprs[from]) || has_year(&exprs[to]) {
        return;
    }
    let Some(src) = resolved[from].as_ref().map(|r| r.first) else {
        return;
    };
    if let Some(mut r) = resolve::resolve_with_anchor(&exprs[to], src, anchor) {
        r.anchor = Some(Anchor::Relative);
        resolved[to] = Some(r);
    }
}

/// The substrings of `seg` at the given code-point spans (sorted or not).
fn slice_chars<'s>(seg: &'s str, spans: &[(usize, usize)]) -> Vec<&'s str> {
    let mut wanted: Vec<usize> = spans.iter().flat_map(|&(a, b)| [a, b]).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut byte_at = std::collections::HashMap::with_capacity(wanted.len());
    let mut w = 0;
    for (ci, (bi, _)) in seg.char_indices().enumerate() {
        while w < wanted.len() && wanted[w] == ci {
            byte_at.insert(ci, bi);
            w += 1;
        }
        if w == wanted.len() {
            break;
        }
    }
    while w < wanted.len() {
        byte_at.insert(wanted[w], seg.len());
        w += 1;
    }
    spans.iter().map(|&(a, b)| &seg[byte_at[&a]..byte_at[&b]]).collect()
}

/// Reads a document date: `2022-01-24`, `2022-01-24T12:12`, `2022-01-24 12:12:30`,
/// or RFC 3339 with an offset (the local date and time are kept).
pub fn parse_dct(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return d.and_hms_opt(0, 0, 0);
    }
    for f in [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S%.f",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, f) {
            return Some(d);
        }
    }
    chrono::DateTime::parse_from_rfc3339(s).ok().map(|d| d.naive_local())
}
