//! Read-only SQL for people: one SELECT/WITH/EXPLAIN statement, on the
//! read-only pool, with a row cap and a time limit.
//!
//! Two guards: a tokenizer refuses anything but a single read statement
//! (and ATTACH, PRAGMA, `load_extension`) with a clear reason; the
//! connection itself is opened `mode=ro` with `PRAGMA query_only=ON`, so a
//! write that slipped past the tokenizer still fails in SQLite.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use futures::TryStreamExt;
use serde::Serialize;
use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, Column, Executor, Row, SqlSafeStr, Statement, TypeInfo, ValueRef};

use super::Store;

/// The result of a read-only query.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SqlResult {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<serde_json::Value>>,
    /// True when more rows existed than the cap allowed.
    pub truncated: bool,
    pub elapsed_ms: f64,
}

/// Why a read-only query did not run.
#[derive(Debug, thiserror::Error)]
pub enum SqlError {
    /// Not a single read-only statement (HTTP 403).
    #[error("refused: {reason}")]
    Refused { reason: String },
    /// Interrupted after the time limit (HTTP 408).
    #[error("query interrupted after {limit_ms} ms")]
    Timeout { limit_ms: u64 },
    /// SQLite rejected the statement: syntax error, unknown table (HTTP 400).
    #[error("invalid SQL: {message}")]
    Invalid { message: String },
    /// The connection or the pool failed.
    #[error("database error")]
    Internal(#[from] sqlx::Error),
}

/// Statement keywords that write, change the schema, or leave the database.
const FORBIDDEN: [&str; 17] = [
    "INSERT",
    "UPDATE",
    "DELETE",
    "CREATE",
    "DROP",
    "ALTER",
    "ATTACH",
    "DETACH",
    "PRAGMA",
    "VACUUM",
    "REINDEX",
    "ANALYZE",
    "BEGIN",
    "COMMIT",
    "ROLLBACK",
    "SAVEPOINT",
    "RELEASE",
];
/// Functions never allowed in user SQL.
const FORBIDDEN_FUNCTIONS: [&str; 3] = ["LOAD_EXTENSION", "READFILE", "WRITEFILE"];

/// Checks that `sql` is one SELECT, WITH or EXPLAIN statement (a trailing
/// `;` is fine) without ATTACH, PRAGMA or `load_extension`.
///
/// Comments, string literals and quoted identifiers are skipped, so a
/// keyword inside `'...'` does not count.
///
/// # Errors
/// [`SqlError::Invalid`] for an empty query or an unterminated literal;
/// [`SqlError::Refused`] with the reason otherwise.
pub fn check_readonly_sql(sql: &str) -> Result<(), SqlError> {
    let words = words_outside_literals(sql)?;
    let Some((first, _)) = words.first() else {
        return Err(SqlError::Invalid {
            message: "the query is empty".into(),
        });
    };
    if !matches!(first.as_str(), "SELECT" | "WITH" | "EXPLAIN" | "VALUES") {
        return Err(SqlError::Refused {
            reason: format!("only a single SELECT, WITH or EXPLAIN statement may run here, not {first}"),
        });
    }
    for (w, next) in &words {
        if w == ";" {
            return Err(SqlError::Refused {
                reason: "only one statement may run at a time".into(),
            });
        }
        if FORBIDDEN.contains(&w.as_str()) {
            return Err(SqlError::Refused {
                reason: format!("{w} is not allowed: the database is read-only here"),
            });
        }
        if *next == Some('(') && FORBIDDEN_FUNCTIONS.contains(&w.as_str()) {
            return Err(SqlError::Refused {
                reason: format!("{} is not allowed", w.to_lowercase()),
            });
        }
    }
    Ok(())
}

/// Upper-cased bare words (with the next non-space character) and `;`
/// separators outside comments, literals and quoted identifiers; a final
/// `;` followed by nothing is dropped.
fn words_outside_literals(sql: &str) -> Result<Vec<(String, Option<char>)>, SqlError> {
    let chars: Vec<char> = sql.chars().collect();
    let mut out: Vec<(String, Option<char>)> = Vec::new();
    let mut i = 0;
    let unterminated = |what: &str| SqlError::Invalid {
        message: format!("unterminated {what}"),
    };
    while i < chars.len() {
        let c = chars[i];
        match c {
            '-' if chars.get(i + 1) == Some(&'-') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                i += 2;
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    i += 1;
                }
                if i + 1 >= chars.len() {
                    return Err(unterminated("comment"));
                }
                i += 2;
            }
            '\'' | '"' | '`' | '[' => {
                let close = if c == '[' { ']' } else { c };
                i += 1;
                loop {
                    match chars.get(i) {
                        None => return Err(unterminated("quoted text")),
                        Some(&x) if x == close => {
                            if close != ']' && chars.get(i + 1) == Some(&close) {
                                i += 2;
                                continue;
                            }
                            i += 1;
                            break;
                        }
                        Some(_) => i += 1,
                    }
                }
            }
            ';' => {
                out.push((";".into(), None));
                i += 1;
            }
            c if c.is_alphanumeric() || c == '_' => {
                let start = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '$') {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect::<String>().to_uppercase();
                let next = chars[i..].iter().copied().find(|c| !c.is_whitespace());
                out.push((word, next));
            }
            _ => i += 1,
        }
    }
    if out.last().is_some_and(|(w, _)| w == ";") {
        out.pop();
    }
    Ok(out)
}

impl Store {
    /// Runs one read-only statement on the read-only pool, returning at most
    /// `max_rows` rows (`truncated` says whether there were more) and
    /// interrupting it after `timeout`.
    ///
    /// # Errors
    /// [`SqlError::Refused`] for anything but a single read statement,
    /// [`SqlError::Invalid`] when SQLite rejects it, [`SqlError::Timeout`]
    /// when interrupted, [`SqlError::Internal`] when the pool fails.
    pub async fn run_readonly_sql(&self, sql: &str, max_rows: usize, timeout: Duration) -> Result<SqlResult, SqlError> {
        check_readonly_sql(sql)?;
        let started = Instant::now();
        let mut conn = self.ro.acquire().await?;
        let timed_out = Arc::new(AtomicBool::new(false));
        // The handler only acts while this call runs: if the caller drops the
        // future, the guard clears `active` and the connection, back in the
        // pool, is not interrupted by a stale deadline.
        let active = Arc::new(AtomicBool::new(true));
        let _guard = ClearOnDrop(Arc::clone(&active));
        {
            let (flag, active) = (Arc::clone(&timed_out), Arc::clone(&active));
            let deadline = started + timeout;
            let mut handle = conn.lock_handle().await?;
            handle.set_progress_handler(1_000, move || {
                if active.load(Ordering::Relaxed) && Instant::now() >= deadline {
                    flag.store(true, Ordering::Relaxed);
                    false
                } else {
                    true
                }
            });
        }
        let result = run(&mut conn, sql, max_rows).await;
        active.store(false, Ordering::Relaxed);
        if let Ok(mut handle) = conn.lock_handle().await {
            handle.remove_progress_handler();
        }
        let limit_ms = u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX);
        match result {
            Ok((columns, rows, truncated)) => Ok(SqlResult {
                columns,
                rows,
                truncated,
                elapsed_ms: started.elapsed().as_secs_f64() * 1000.0,
            }),
            Err(_) if timed_out.load(Ordering::Relaxed) => Err(SqlError::Timeout { limit_ms }),
            Err(sqlx::Error::Database(e)) => {
                let message = e.message().to_string();
                if message.contains("readonly") || message.contains("read-only") || message.contains("not authorized") {
                    Err(SqlError::Refused { reason: message })
                } else {
                    Err(SqlError::Invalid { message })
                }
            }
            Err(e) => Err(SqlError::Internal(e)),
        }
    }
}

/// Sets the flag to false when dropped.
struct ClearOnDrop(Arc<AtomicBool>);

impl Drop for ClearOnDrop {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Relaxed);
    }
}

type Rows = (Vec<String>, Vec<Vec<serde_json::Value>>, bool);

async fn run(conn: &mut sqlx::SqliteConnection, sql: &str, max_rows: usize) -> Result<Rows, sqlx::Error> {
    let stmt = conn.prepare(AssertSqlSafe(sql.to_string()).into_sql_str()).await?;
    let columns: Vec<String> = stmt.columns().iter().map(|c| c.name().to_string()).collect();
    let mut rows = Vec::new();
    let mut truncated = false;
    {
        let mut stream = stmt.query().fetch(&mut *conn);
        while let Some(row) = stream.try_next().await? {
            if rows.len() >= max_rows {
                truncated = true;
                break;
            }
            rows.push(row_to_json(&row));
        }
    }
    Ok((columns, rows, truncated))
}

/// One row as JSON values: integers and reals as numbers, text as strings,
/// blobs as `x'..'` hex, NULL as null.
fn row_to_json(row: &SqliteRow) -> Vec<serde_json::Value> {
    use serde_json::Value;
    (0..row.len())
        .map(|i| {
            let Ok(raw) = row.try_get_raw(i) else {
                return Value::Null;
            };
            if raw.is_null() {
                return Value::Null;
            }
            match raw.type_info().name() {
                "INTEGER" => row
                    .try_get_unchecked::<i64, _>(i)
                    .map(Value::from)
                    .unwrap_or(Value::Null),
                "REAL" => row
                    .try_get_unchecked::<f64, _>(i)
                    .ok()
                    .and_then(serde_json::Number::from_f64)
                    .map_or(Value::Null, Value::Number),
                "BLOB" => row
                    .try_get_unchecked::<Vec<u8>, _>(i)
                    .map(|b| {
                        Value::String(format!(
                            "x'{}'",
                            b.iter().map(|x| format!("{x:02x}")).collect::<String>()
                        ))
                    })
                    .unwrap_or(Value::Null),
                _ => row
                    .try_get_unchecked::<String, _>(i)
                    .map(Value::String)
                    .unwrap_or(Value::Null),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(sql: &str) -> bool {
        matches!(check_readonly_sql(sql), Err(SqlError::Refused { .. }))
    }

    #[test]
    fn accepts_reads() {
        assert!(check_readonly_sql("SELECT * FROM timeline;").is_ok());
        assert!(check_readonly_sql("with x as (select 1) select * from x").is_ok());
        assert!(check_readonly_sql("EXPLAIN QUERY PLAN SELECT 1").is_ok());
        assert!(check_readonly_sql("SELECT 'DROP TABLE x; INSERT' AS s -- delete\n").is_ok());
        assert!(check_readonly_sql("SELECT replace(title, 'a', 'b') FROM events").is_ok());
        assert!(check_readonly_sql("SELECT * FROM pragma_table_info('events')").is_ok());
    }

    #[test]
    fn refuses_writes_and_escapes() {
        assert!(refused("INSERT INTO events VALUES (1)"));
        assert!(refused("DROP TABLE events"));
        assert!(refused("ATTACH DATABASE ':memory:' AS x"));
        assert!(refused("PRAGMA writable_schema = ON"));
        assert!(refused("SELECT 1; DELETE FROM events"));
        assert!(refused("WITH x AS (SELECT 1) DELETE FROM events"));
        assert!(refused("SELECT load_extension('x')"));
        assert!(refused("/* hi */ update events set title = ''"));
        assert!(matches!(
            check_readonly_sql("  -- nothing\n"),
            Err(SqlError::Invalid { .. })
        ));
        assert!(matches!(
            check_readonly_sql("SELECT 'open"),
            Err(SqlError::Invalid { .. })
        ));
    }
}
