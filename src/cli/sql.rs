//! `tarikh sql`: one read-only statement on an existing database.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use super::{EXIT_BAD_INPUT, open_existing, runtime};
use crate::api::error::Chain;
use crate::store::SqlError;

/// Most rows `tarikh sql` prints.
const SQL_MAX_ROWS: usize = 1_000;
/// Time limit of `tarikh sql`.
const SQL_TIMEOUT: Duration = Duration::from_secs(30);

/// `tarikh sql`: one read-only statement, printed as a table, JSON lines or CSV.
pub fn run_sql(db: &Path, json: bool, csv: bool, query: &str) -> ExitCode {
    let Some(rt) = runtime() else { return ExitCode::FAILURE };
    rt.block_on(async move {
        let Some(store) = open_existing(db).await else {
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
                eprintln!("error: {}", Chain(&e));
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

fn cell_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "NULL".into(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
