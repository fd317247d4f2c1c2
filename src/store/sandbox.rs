//! Read-only SQL for people: one SELECT/WITH/EXPLAIN statement, on a
//! sandbox pool of its own, with SQLite limits on every value and statement,
//! a row cap, a byte cap and a time limit that also ends with the request.
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
    /// Column names, in the statement's order.
    pub columns: Vec<String>,
    /// Rows, each a value per column (blobs as bounded hex).
    pub rows: Vec<Vec<serde_json::Value>>,
    /// True when a cap cut the result short.
    pub truncated: bool,
    /// Which cap: `rows` or `bytes` (absent when nothing was cut).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truncated_by: Option<Truncation>,
    /// Time the statement ran, in milliseconds.
    pub elapsed_ms: f64,
}

/// Why a read-only query did not run.
#[derive(Debug, thiserror::Error)]
pub enum SqlError {
    /// Not a single read-only statement (HTTP 403).
    #[error("refused: {reason}")]
    Refused {
        /// What was refused (`INSERT is not allowed: ...`).
        reason: String,
    },
    /// Interrupted after the time limit (HTTP 408).
    #[error("query interrupted after {limit_ms} ms")]
    Timeout {
        /// The limit that was passed.
        limit_ms: u64,
    },
    /// SQLite rejected the statement: syntax error, unknown table (HTTP 400).
    #[error("invalid SQL: {message}")]
    Invalid {
        /// SQLite's message.
        message: String,
    },
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

/// What one user statement may use. SQLite's own limits (`sqlite3_limit`)
/// are set on every sandbox connection, so no single value, statement or
/// result can grow without bound whatever the SQL does; the byte cap bounds
/// the rendered response beside the row cap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SandboxLimits {
    /// Longest string or blob any expression may build, in bytes
    /// (`SQLITE_LIMIT_LENGTH`; `s || s` past it fails instead of doubling).
    pub max_value_bytes: i32,
    /// Longest statement text, in bytes (`SQLITE_LIMIT_SQL_LENGTH`).
    pub max_sql_bytes: i32,
    /// Most columns in a result or table (`SQLITE_LIMIT_COLUMN`).
    pub max_columns: i32,
    /// Deepest expression tree (`SQLITE_LIMIT_EXPR_DEPTH`).
    pub max_expr_depth: i32,
    /// Most terms of a compound SELECT (`SQLITE_LIMIT_COMPOUND_SELECT`).
    pub max_compound_select: i32,
    /// Page cache of a sandbox connection, in KiB (its share of SQLite's heap).
    pub cache_kib: i64,
    /// Most bytes of rendered values in one result (`truncated_by: bytes`).
    pub max_result_bytes: usize,
    /// Hex digits shown of a blob value at most (the rest is summarized).
    pub max_blob_shown: usize,
}

impl Default for SandboxLimits {
    fn default() -> Self {
        SandboxLimits {
            max_value_bytes: 1_000_000,
            max_sql_bytes: 100_000,
            max_columns: 200,
            max_expr_depth: 100,
            max_compound_select: 50,
            cache_kib: 8 * 1024,
            max_result_bytes: 8 << 20,
            max_blob_shown: 1024,
        }
    }
}

impl SandboxLimits {
    /// Applies the SQLite limits to a sandbox connection.
    ///
    /// # Errors
    /// The connection's handle cannot be reached.
    pub(super) async fn apply(&self, conn: &mut sqlx::SqliteConnection) -> Result<(), sqlx::Error> {
        use libsqlite3_sys as ffi;
        let mut handle = conn.lock_handle().await?;
        let db = handle.as_raw_handle().as_ptr();
        for (id, value) in [
            (ffi::SQLITE_LIMIT_LENGTH, self.max_value_bytes),
            (ffi::SQLITE_LIMIT_SQL_LENGTH, self.max_sql_bytes),
            (ffi::SQLITE_LIMIT_COLUMN, self.max_columns),
            (ffi::SQLITE_LIMIT_EXPR_DEPTH, self.max_expr_depth),
            (ffi::SQLITE_LIMIT_COMPOUND_SELECT, self.max_compound_select),
        ] {
            // SAFETY: `db` is this connection's open handle, held locked for
            // the call; sqlite3_limit only reads and sets a field of it.
            unsafe {
                ffi::sqlite3_limit(db, id, value);
            }
        }
        Ok(())
    }
}

/// Which cap cut a result short.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Truncation {
    /// More rows than the row cap.
    Rows,
    /// More rendered bytes than [`SandboxLimits::max_result_bytes`].
    Bytes,
}

/// Caps SQLite's whole heap, for every connection of the process (SQLite
/// has no per-connection limit): past it an allocation fails and the
/// statement that asked for it gets an error instead of the process growing.
/// Returns the previous limit (0: none).
pub fn set_sqlite_heap_limit(bytes: i64) -> i64 {
    // SAFETY: sqlite3_hard_heap_limit64 is thread-safe and takes any value.
    unsafe { libsqlite3_sys::sqlite3_hard_heap_limit64(bytes) }
}

impl Store {
    /// Runs one read-only statement on a sandbox connection (read-only,
    /// with [`SandboxLimits`]), returning at most `max_rows` rows and the
    /// bytes its limits allow (`truncated_by` says which cap cut it), and
    /// interrupting it after `timeout`, or as soon as the caller drops the
    /// future (a request that ended), whichever comes first.
    ///
    /// # Errors
    /// [`SqlError::Refused`] for anything but a single read statement,
    /// [`SqlError::Invalid`] when SQLite rejects it (or it has parameters),
    /// [`SqlError::Timeout`] when interrupted, [`SqlError::Internal`] when
    /// the pool fails.
    pub async fn run_readonly_sql(&self, sql: &str, max_rows: usize, timeout: Duration) -> Result<SqlResult, SqlError> {
        check_readonly_sql(sql)?;
        let started = Instant::now();
        let mut conn = self.sandbox.acquire().await?;
        let timed_out = Arc::new(AtomicBool::new(false));
        // Set when this call ends in any way, including the caller dropping
        // it: SQLite then stops at its next progress check instead of running
        // on for a request nobody waits for. Every run on a sandbox
        // connection installs its own handler first, so a finished run's
        // handler never stops the next one.
        let ended = Arc::new(AtomicBool::new(false));
        let _guard = SetOnDrop(Arc::clone(&ended));
        {
            let (flag, ended) = (Arc::clone(&timed_out), Arc::clone(&ended));
            let deadline = started + timeout;
            let mut handle = conn.lock_handle().await?;
            handle.set_progress_handler(1_000, move || {
                if ended.load(Ordering::Relaxed) || Instant::now() >= deadline {
                    flag.store(true, Ordering::Relaxed);
                    false
                } else {
                    true
                }
            });
        }
        let result = run(&mut conn, sql, max_rows, &self.sandbox_limits).await;
        if let Ok(mut handle) = conn.lock_handle().await {
            handle.remove_progress_handler();
        }
        let limit_ms = u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX);
        match result {
            Ok(Ok((columns, rows, truncated_by))) => Ok(SqlResult {
                columns,
                rows,
                truncated: truncated_by.is_some(),
                truncated_by,
                elapsed_ms: started.elapsed().as_secs_f64() * 1000.0,
            }),
            Ok(Err(e)) => Err(e),
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

/// Sets the flag when dropped.
struct SetOnDrop(Arc<AtomicBool>);

impl Drop for SetOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

type Rows = (Vec<String>, Vec<Vec<serde_json::Value>>, Option<Truncation>);

/// Runs `sql` and renders its rows, off the async workers where the runtime
/// allows (rendering a large value is CPU work that must not stall other
/// requests). The outer error is SQLite's, the inner a refusal.
async fn run(
    conn: &mut sqlx::SqliteConnection,
    sql: &str,
    max_rows: usize,
    limits: &SandboxLimits,
) -> Result<Result<Rows, SqlError>, sqlx::Error> {
    let stmt = conn.prepare(AssertSqlSafe(sql.to_string()).into_sql_str()).await?;
    if let Some(n) = stmt.parameters().and_then(|p| p.right()).filter(|n| *n > 0) {
        return Ok(Err(SqlError::Invalid {
            message: format!(
                "the statement has {n} parameter(s) (like :x or ?); /api/sql binds none, write the values in"
            ),
        }));
    }
    let columns: Vec<String> = stmt.columns().iter().map(|c| c.name().to_string()).collect();
    let mut rows = Vec::new();
    let mut bytes = 0usize;
    let mut truncated = None;
    {
        let mut stream = stmt.query().fetch(&mut *conn);
        while let Some(row) = stream.try_next().await? {
            if rows.len() >= max_rows {
                truncated = Some(Truncation::Rows);
                break;
            }
            let (values, size) = off_workers(|| row_to_json(&row, limits.max_blob_shown));
            bytes += size;
            if bytes > limits.max_result_bytes {
                truncated = Some(Truncation::Bytes);
                break;
            }
            rows.push(values);
        }
    }
    Ok(Ok((columns, rows, truncated)))
}

/// Runs CPU work with `block_in_place` on a multi-threaded runtime, inline otherwise.
fn off_workers<R>(f: impl FnOnce() -> R) -> R {
    match tokio::runtime::Handle::try_current().map(|h| h.runtime_flavor()) {
        Ok(tokio::runtime::RuntimeFlavor::MultiThread) => tokio::task::block_in_place(f),
        _ => f(),
    }
}

/// A blob as `x'..'` hex, at most `shown` digits of it, then how long it is.
fn blob_text(b: &[u8], shown: usize) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let take = b.len().min(shown / 2);
    let mut s = String::with_capacity(take * 2 + 32);
    s.push_str("x'");
    for &x in &b[..take] {
        s.push(HEX[usize::from(x >> 4)] as char);
        s.push(HEX[usize::from(x & 15)] as char);
    }
    s.push('\'');
    if take < b.len() {
        s.push_str(&format!("… ({} bytes)", b.len()));
    }
    s
}

/// One row as JSON values (integers and reals as numbers, text as strings,
/// blobs as bounded `x'..'` hex, NULL as null) and their rendered size.
fn row_to_json(row: &SqliteRow, blob_shown: usize) -> (Vec<serde_json::Value>, usize) {
    use serde_json::Value;
    let mut size = 0;
    let values = (0..row.len())
        .map(|i| {
            let Ok(raw) = row.try_get_raw(i) else {
                return Value::Null;
            };
            if raw.is_null() {
                size += 4;
                return Value::Null;
            }
            let v = match raw.type_info().name() {
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
                    .try_get_unchecked::<&[u8], _>(i)
                    .map(|b| Value::String(blob_text(b, blob_shown)))
                    .unwrap_or(Value::Null),
                _ => row
                    .try_get_unchecked::<String, _>(i)
                    .map(Value::String)
                    .unwrap_or(Value::Null),
            };
            size += match &v {
                Value::String(s) => s.len() + 2,
                _ => 20,
            };
            v
        })
        .collect();
    (values, size)
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
