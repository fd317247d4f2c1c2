//! `tarikh ingest`, `tarikh sql` and `tarikh timeline`: the commands that open the store.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressStyle};
use sqlx::Row;

use super::{EXIT_BAD_INPUT, ShowCalendar};
use crate::input::{Collected, ColumnMap, Format, Options, read_paths};
use crate::lexicon::Lang;
use crate::store::{SqlError, Store, parse_dct};

/// Most rows `tarikh sql` prints.
const SQL_MAX_ROWS: usize = 1_000;
/// Time limit of `tarikh sql`.
const SQL_TIMEOUT: Duration = Duration::from_secs(30);

fn runtime() -> Option<tokio::runtime::Runtime> {
    match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => Some(rt),
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            None
        }
    }
}

async fn open(db: &Path) -> Option<Store> {
    match Store::open(db).await {
        Ok(s) => Some(s),
        Err(e) => {
            eprintln!("error: {e}");
            None
        }
    }
}

/// `tarikh ingest`: ingests files and directories, reporting each bad file or
/// line with its path and line and going on with the rest.
pub fn run_ingest(
    db: &Path,
    dct: Option<&str>,
    lang: Option<&str>,
    format: Option<Format>,
    columns: Option<&str>,
    paths: &[PathBuf],
) -> ExitCode {
    let dct = match dct.map(parse_dct).transpose() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: --dct: {e}");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let lang = match lang.filter(|l| *l != "auto") {
        None => None,
        Some(l) => match Lang::parse(l) {
            Some(l) => Some(l),
            None => {
                eprintln!("error: --lang: unknown language {l:?} (fa, ar, en, ur or auto)");
                return ExitCode::from(EXIT_BAD_INPUT);
            }
        },
    };
    let columns = match columns.map(str::parse::<ColumnMap>).transpose() {
        Ok(c) => c.unwrap_or_default(),
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let opts = Options {
        dct,
        lang,
        columns,
        ..Options::default()
    };
    let Collected {
        records: jobs,
        counts,
        missing,
    } = read_paths(paths, format, &opts);
    for m in &missing {
        eprintln!("error: {m}");
    }
    eprintln!("inputs: {counts}");
    if jobs.is_empty() {
        eprintln!(
            "error: no documents found in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    let Some(rt) = runtime() else { return ExitCode::FAILURE };
    rt.block_on(async move {
        let Some(store) = open(db).await else {
            return ExitCode::FAILURE;
        };
        let bar = if std::io::stderr().is_terminal() {
            let bar = ProgressBar::new(jobs.len() as u64);
            if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} documents {per_sec} {msg}") {
                bar.set_style(style);
            }
            Some(bar)
        } else {
            None
        };
        let (mut new, mut present, mut failed, mut mentions, mut events, mut merges) =
            (0usize, 0usize, missing.len(), 0usize, 0usize, 0usize);
        // Unreadable jobs are reported first; the rest go through the pipelined ingest.
        let mut origins = Vec::new();
        let mut docs = Vec::new();
        for (origin, doc) in jobs {
            match doc {
                Ok(doc) => {
                    origins.push(origin);
                    docs.push(doc);
                }
                Err(e) => {
                    failed += 1;
                    let msg = format!("error: {origin}: {e}");
                    match &bar {
                        Some(b) => {
                            b.println(msg);
                            b.inc(1);
                        }
                        None => eprintln!("{msg}"),
                    }
                }
            }
        }
        let mut origins = origins.into_iter();
        store
            .ingest_all(docs, |result| {
                let origin = origins.next().unwrap_or_default();
                match result {
                    Ok(i) if i.created => {
                        new += 1;
                        mentions += i.mentions.len();
                        events += i.events.len() - i.merges;
                        merges += i.merges;
                    }
                    Ok(_) => present += 1,
                    Err(e) => {
                        failed += 1;
                        let msg = format!("error: {origin}: {e}");
                        match &bar {
                            Some(b) => b.println(msg),
                            None => eprintln!("{msg}"),
                        }
                    }
                }
                if let Some(b) = &bar {
                    b.inc(1);
                }
            })
            .await;
        if let Some(b) = bar {
            b.finish_and_clear();
        }
        store.close().await;
        println!(
            "documents: {new} new, {present} already present, {failed} failed; mentions: {mentions}; \
             events: {events} new; merges: {merges}"
        );
        if failed > 0 {
            ExitCode::from(EXIT_BAD_INPUT)
        } else {
            ExitCode::SUCCESS
        }
    })
}

fn cell_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "NULL".into(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `tarikh sql`: one read-only statement, printed as a table, JSON lines or CSV.
pub fn run_sql(db: &Path, json: bool, csv: bool, query: &str) -> ExitCode {
    let Some(rt) = runtime() else { return ExitCode::FAILURE };
    rt.block_on(async move {
        let Some(store) = open(db).await else {
            return ExitCode::FAILURE;
        };
        let result = store.run_readonly_sql(query, SQL_MAX_ROWS, SQL_TIMEOUT).await;
        store.close().await;
        let r = match result {
            Ok(r) => r,
            Err(e @ (SqlError::Refused { .. } | SqlError::Invalid { .. } | SqlError::Timeout { .. })) => {
                eprintln!("error: {e}");
                return ExitCode::from(EXIT_BAD_INPUT);
            }
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        };
        let mut out = std::io::stdout().lock();
        let written = if json {
            r.rows.iter().try_for_each(|row| {
                let obj: serde_json::Map<String, serde_json::Value> =
                    r.columns.iter().cloned().zip(row.iter().cloned()).collect();
                writeln!(out, "{}", serde_json::Value::Object(obj))
            })
        } else if csv {
            let mut w = csv::Writer::from_writer(&mut out);
            let res = w
                .write_record(&r.columns)
                .and_then(|_| {
                    r.rows
                        .iter()
                        .try_for_each(|row| w.write_record(row.iter().map(cell_text)))
                })
                .and_then(|_| w.flush().map_err(csv::Error::from));
            res.map_err(std::io::Error::other)
        } else {
            print_table(&mut out, &r.columns, &r.rows)
        };
        if let Err(e) = written
            && e.kind() != std::io::ErrorKind::BrokenPipe
        {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
        if r.truncated {
            eprintln!("(truncated to the first {SQL_MAX_ROWS} rows)");
        }
        ExitCode::SUCCESS
    })
}

fn print_table(out: &mut impl Write, columns: &[String], rows: &[Vec<serde_json::Value>]) -> std::io::Result<()> {
    const MAX_CELL: usize = 60;
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|v| {
                    let t = cell_text(v).replace(['\n', '\r', '\t'], " ");
                    if t.chars().count() > MAX_CELL {
                        format!("{}…", t.chars().take(MAX_CELL - 1).collect::<String>())
                    } else {
                        t
                    }
                })
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = columns.iter().map(|c| c.chars().count()).collect();
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |out: &mut dyn Write, vals: &[String]| -> std::io::Result<()> {
        let parts: Vec<String> = vals
            .iter()
            .zip(&widths)
            .map(|(v, w)| format!("{v}{}", " ".repeat(w - v.chars().count())))
            .collect();
        writeln!(out, "{}", parts.join(" │ ").trim_end())
    };
    line(out, columns)?;
    writeln!(
        out,
        "{}",
        widths.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>().join("─┼─")
    )?;
    for row in &cells {
        line(out, row)?;
    }
    writeln!(out, "({} row{})", rows.len(), if rows.len() == 1 { "" } else { "s" })
}

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
        let Some(store) = open(db).await else {
            return ExitCode::FAILURE;
        };
        let result = print_timeline(&store, from, to, calendar).await;
        store.close().await;
        match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        }
    })
}

async fn print_timeline(
    store: &Store,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    calendar: ShowCalendar,
) -> Result<(), sqlx::Error> {
    let label = match calendar {
        ShowCalendar::Gregorian => "gregorian",
        ShowCalendar::Persian => "persian",
        ShowCalendar::Hijri => "hijri",
    };
    let from = from.map_or_else(|| "0000-01-01".to_string(), |d| d.to_string());
    let to = to.map_or_else(|| "9999-12-31".to_string(), |d| d.to_string());
    let sql = format!(
        "SELECT event_id, {label} AS label, title, n_sources, langs FROM timeline \
         WHERE last_day >= ? AND first_day <= ?"
    );
    let events = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(&from)
        .bind(&to)
        .fetch_all(store.ro_pool())
        .await?;
    let sources = sqlx::query(
        "SELECT v.event_id, d.id, coalesce(d.title, ''), coalesce(d.source, ''), coalesce(d.lang, '') \
         FROM evidence v JOIN events e ON e.id = v.event_id JOIN documents d ON d.id = v.document_id \
         WHERE v.is_primary = 1 AND e.last_day >= ? AND e.first_day <= ? ORDER BY v.event_id, d.id",
    )
    .bind(&from)
    .bind(&to)
    .fetch_all(store.ro_pool())
    .await?;
    let mut by_event: std::collections::HashMap<i64, Vec<String>> = std::collections::HashMap::new();
    for r in &sources {
        let (event, doc, title, source, lang): (i64, i64, String, String, String) = (
            r.try_get(0)?,
            r.try_get(1)?,
            r.try_get(2)?,
            r.try_get(3)?,
            r.try_get(4)?,
        );
        let mut s = format!("#{doc} [{lang}] {title}");
        if !source.is_empty() {
            s.push_str(&format!(" — {source}"));
        }
        by_event.entry(event).or_default().push(s);
    }
    let mut out = std::io::stdout().lock();
    for r in &events {
        let id: i64 = r.try_get(0)?;
        let label: Option<String> = r.try_get(1)?;
        let title: String = r.try_get(2)?;
        let n: i64 = r.try_get(3)?;
        let langs: String = r.try_get(4)?;
        let title: String = title.replace(['\n', '\r'], " ");
        let line = writeln!(
            out,
            "{}  {title}  ({n} source{}; {langs})",
            label.unwrap_or_default(),
            if n == 1 { "" } else { "s" }
        )
        .and_then(|_| {
            by_event
                .get(&id)
                .into_iter()
                .flatten()
                .try_for_each(|s| writeln!(out, "    {s}"))
        });
        if line.is_err() {
            break;
        }
    }
    if events.is_empty() {
        eprintln!("(no events)");
    }
    Ok(())
}
