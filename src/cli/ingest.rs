//! `tarikh ingest`, `tarikh sql` and `tarikh timeline`: the commands that open the store.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressStyle};
use sqlx::Row;

use super::{EXIT_BAD_INPUT, ShowCalendar};
use crate::lexicon::Lang;
use crate::store::{NewDocument, SqlError, Store, parse_dct};

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

/// A document read from a file, or why it could not be read.
struct Job {
    /// `path` or `path:line`, for messages.
    origin: String,
    doc: Result<NewDocument, String>,
}

/// Every .txt and .jsonl file under `path` (recursively, sorted); a file given
/// directly is taken whatever its extension.
fn collect_files(path: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<String>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                errors.push(format!("{}: {e}", path.display()));
                return;
            }
        };
        entries.sort();
        for p in entries {
            if p.is_dir() {
                collect_files(&p, out, errors);
            } else if matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "jsonl")) {
                out.push(p);
            }
        }
    } else if path.exists() {
        out.push(path.to_path_buf());
    } else {
        errors.push(format!("{}: no such file or directory", path.display()));
    }
}

fn str_field(v: &serde_json::Value, key: &str) -> Result<Option<String>, String> {
    match v.get(key) {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
        Some(serde_json::Value::Number(n)) if key == "id" => Ok(Some(n.to_string())),
        Some(_) => Err(format!("field {key:?} must be a string")),
    }
}

/// One JSONL line as a document. Per-article `dct` (or a readable
/// `published_at`) beats `--dct`; per-article `lang` beats `--lang`.
fn jsonl_document(line: &str, dct: Option<chrono::NaiveDateTime>, lang: Option<Lang>) -> Result<NewDocument, String> {
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("bad JSON: {e}"))?;
    if !v.is_object() {
        return Err("expected a JSON object".into());
    }
    let text = str_field(&v, "text")?.ok_or("missing \"text\"")?;
    if text.trim().is_empty() {
        return Err("\"text\" is empty".into());
    }
    let lang = match str_field(&v, "lang")? {
        Some(l) if l != "auto" => Some(Lang::parse(&l).ok_or_else(|| format!("unknown language {l:?}"))?),
        _ => lang,
    };
    let published_at = str_field(&v, "published_at")?;
    let dct = match str_field(&v, "dct")? {
        Some(d) => Some(parse_dct(&d).map_err(|e| e.to_string())?),
        None => published_at.as_deref().and_then(|p| parse_dct(p).ok()).or(dct),
    };
    Ok(NewDocument {
        text,
        title: str_field(&v, "title")?,
        url: str_field(&v, "url")?,
        source: str_field(&v, "source")?,
        published_at,
        lang,
        dct,
        external_id: str_field(&v, "id")?,
    })
}

/// Reads every file into jobs (JSONL: one per non-empty line).
fn read_jobs(files: &[PathBuf], dct: Option<chrono::NaiveDateTime>, lang: Option<Lang>) -> Vec<Job> {
    let mut jobs = Vec::new();
    for path in files {
        let origin = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                jobs.push(Job {
                    origin,
                    doc: Err(e.to_string()),
                });
                continue;
            }
        };
        let is_jsonl = path.extension().and_then(|e| e.to_str()) == Some("jsonl");
        if is_jsonl {
            for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
                let origin = format!("{}:{}", path.display(), n + 1);
                let doc = match std::str::from_utf8(line) {
                    Err(e) => Err(format!("invalid UTF-8 at byte {}", e.valid_up_to())),
                    Ok(l) if l.trim().is_empty() => continue,
                    Ok(l) => jsonl_document(l, dct, lang),
                };
                jobs.push(Job { origin, doc });
            }
        } else {
            let doc = match String::from_utf8(bytes) {
                Err(e) => Err(format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to())),
                Ok(text) if text.trim().is_empty() => Err("empty file".into()),
                Ok(text) => {
                    let title = text.lines().map(str::trim).find(|l| !l.is_empty()).map(str::to_owned);
                    Ok(NewDocument {
                        text,
                        title,
                        lang,
                        dct,
                        ..NewDocument::default()
                    })
                }
            };
            jobs.push(Job { origin, doc });
        }
    }
    jobs
}

/// `tarikh ingest`: ingests files and directories, reporting each bad file or
/// line with its path and line and going on with the rest.
pub fn run_ingest(db: &Path, dct: Option<&str>, lang: Option<&str>, paths: &[PathBuf]) -> ExitCode {
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
    let mut files = Vec::new();
    let mut missing = Vec::new();
    for p in paths {
        collect_files(p, &mut files, &mut missing);
    }
    for m in &missing {
        eprintln!("error: {m}");
    }
    let jobs = read_jobs(&files, dct, lang);
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
        for job in jobs {
            match job.doc {
                Ok(doc) => {
                    origins.push(job.origin);
                    docs.push(doc);
                }
                Err(e) => {
                    failed += 1;
                    let msg = format!("error: {}: {e}", job.origin);
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
