//! `tarikh timeline`: the chronology of an existing database, one event per
//! line with its sources, read through the same [`Reader`] as the API.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;

use super::{EXIT_BAD_INPUT, ShowCalendar, open_existing, runtime};
use crate::api::error::Chain;
use crate::store::read::{Event, MAX_LIMIT, ReadError, Reader, TimelineFilter, TimelineQuery};

/// Reads a `--from`/`--to` bound: ISO, else a written date in any language.
fn parse_bound(s: &str) -> Result<NaiveDate, String> {
    if let Ok(d) = s.trim().parse::<NaiveDate>() {
        return Ok(d);
    }
    crate::extract::parse_day(s, None, None)
        .map(|(d, _)| d)
        .map_err(|e| e.to_string())
}

/// `tarikh timeline`: the chronology, one event per line with its sources.
pub fn run_timeline(db: &Path, from: Option<&str>, to: Option<&str>, calendar: ShowCalendar) -> ExitCode {
    let bound = |s: Option<&str>, name: &str| match s.map(parse_bound).transpose() {
        Ok(d) => Ok(d),
        Err(e) => {
            eprintln!("error: --{name}: {e}");
            Err(ExitCode::from(EXIT_BAD_INPUT))
        }
    };
    let from = match bound(from, "from") {
        Ok(d) => d,
        Err(c) => return c,
    };
    let to = match bound(to, "to") {
        Ok(d) => d,
        Err(c) => return c,
    };
    let Some(rt) = runtime() else { return ExitCode::FAILURE };
    rt.block_on(async move {
        let Some(store) = open_existing(db).await else {
            return ExitCode::FAILURE;
        };
        let filter = TimelineFilter {
            from,
            to,
            ..TimelineFilter::default()
        };
        let result = print_timeline(&store.reader(), filter, calendar).await;
        store.close().await;
        match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {}", Chain(&e));
                ExitCode::FAILURE
            }
        }
    })
}

/// One event's lines: its label in `calendar`, title, counts, then a line per source.
fn write_event(out: &mut impl Write, ev: &Event, calendar: ShowCalendar) -> std::io::Result<()> {
    let label = match calendar {
        ShowCalendar::Gregorian => &ev.gregorian,
        ShowCalendar::Persian => &ev.persian,
        ShowCalendar::Hijri => &ev.hijri,
    };
    let title = ev.title.replace(['\n', '\r'], " ");
    let n = ev.n_sources;
    writeln!(
        out,
        "{label}  {title}  ({n} source{}; {})",
        if n == 1 { "" } else { "s" },
        ev.langs.join(",")
    )?;
    for s in &ev.sources {
        let mut line = format!(
            "#{} [{}] {}",
            s.document_id,
            s.lang.as_deref().unwrap_or(""),
            s.title.as_deref().unwrap_or("")
        );
        if let Some(source) = s.source.as_deref().filter(|s| !s.is_empty()) {
            line.push_str(&format!(" — {source}"));
        }
        writeln!(out, "    {line}")?;
    }
    Ok(())
}

async fn print_timeline(read: &Reader, filter: TimelineFilter, calendar: ShowCalendar) -> Result<(), ReadError> {
    let mut q = TimelineQuery {
        filter,
        limit: MAX_LIMIT,
        ..TimelineQuery::default()
    };
    let mut out = std::io::stdout().lock();
    let mut any = false;
    loop {
        let page = read.timeline(&q).await?;
        any |= !page.events.is_empty();
        for ev in &page.events {
            if write_event(&mut out, ev, calendar).is_err() {
                return Ok(());
            }
        }
        let Some(next) = page.next_cursor else { break };
        q.cursor = Some(crate::store::read::Cursor::decode(&next)?);
    }
    if !any {
        eprintln!("(no events)");
    }
    Ok(())
}
