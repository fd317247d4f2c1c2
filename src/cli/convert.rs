//! `tarikh convert`: one day in every calendar.
use std::io::Write;
use std::process::ExitCode;

use super::{EXIT_BAD_INPUT, FromCalendar};
use crate::calendar::{self, Calendar, Conversion, HijriVariant, Ymd, month_name};
use crate::day_input::convert_input;
use crate::lexicon::Lang;

/// Converts every input; a bad one is reported on stderr and makes the exit
/// code 2, the others still print.
pub fn run(from: Option<FromCalendar>, json: bool, dates: &[String]) -> ExitCode {
    let (numeric, variant) = match from {
        None => (None, HijriVariant::UmmAlQura),
        Some(FromCalendar::Gregorian) => (Some(Calendar::Gregorian), HijriVariant::UmmAlQura),
        Some(FromCalendar::Persian) => (Some(Calendar::Persian), HijriVariant::UmmAlQura),
        Some(FromCalendar::Hijri) => (Some(Calendar::Hijri), HijriVariant::UmmAlQura),
        Some(FromCalendar::HijriCivil) => (Some(Calendar::Hijri), HijriVariant::Civil),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut first = true;
    for input in dates {
        match convert_input(input, numeric, variant) {
            Ok(c) => {
                let written = if json {
                    serde_json::to_string(&c)
                        .map_err(std::io::Error::other)
                        .and_then(|s| writeln!(out, "{s}"))
                } else {
                    let sep = if first { "" } else { "\n" };
                    write!(out, "{sep}{}", text(&c))
                };
                if written.is_err() {
                    // stdout closed (e.g. piped into `head`): nothing more to do.
                    return ExitCode::SUCCESS;
                }
                first = false;
            }
            Err(e) => {
                failed = true;
                // Keep the order of messages and results when both go to a terminal.
                let _ = out.flush();
                eprintln!("tarikh convert: {input}: {e}");
            }
        }
    }
    let _ = out.flush();
    if failed {
        ExitCode::from(EXIT_BAD_INPUT)
    } else {
        ExitCode::SUCCESS
    }
}

/// The human-readable block for one conversion.
fn text(c: &Conversion) -> String {
    let p = &c.persian;
    let h = &c.hijri;
    let g = c.gregorian;
    let en_weekday = &c.weekday;
    let fa_weekday = calendar::weekday_name(g, Lang::Fa);
    let ar_weekday = calendar::weekday_name(g, Lang::Ar);
    let provisional = if c.provisional { "  (provisional)" } else { "" };
    format!(
        "{input} → {iso} {en_weekday}{provisional}\n  \
         gregorian    {iso}  {g_en}\n  \
         persian      {p_iso}  {fa_weekday} {p_text}  ({p_day} {p_month} {p_year})\n  \
         hijri        {h_iso}  {ar_weekday} {h_text}  ({h_day} {h_month} {h_year}, {variant})\n",
        input = c.input,
        iso = g.format("%Y-%m-%d"),
        g_en = calendar::render(g, Calendar::Gregorian, Lang::En),
        p_iso = Ymd::new(p.year, p.month, p.day),
        p_text = p.text,
        p_day = p.day,
        p_month = month_name(Calendar::Persian, p.month, Lang::En),
        p_year = p.year,
        h_iso = Ymd::new(h.year, h.month, h.day),
        h_text = h.text,
        h_day = h.day,
        h_month = month_name(Calendar::Hijri, h.month, Lang::En),
        h_year = h.year,
        variant = h.variant.as_str(),
    )
}
