//! Batched writes: a group's rows go in with multi-row statements of a few
//! fixed sizes, in one `BEGIN IMMEDIATE` transaction.

use std::collections::HashMap;
use std::sync::Mutex;

use sqlx::{AssertSqlSafe, SqliteConnection};

use super::feed::Pending;
use super::plan::plan_group;
use super::rows::{Row, Val};
use super::snapshot::{Carry, FeatureCache, Sources, read_snapshot};
use crate::store::{Ingested, StoreError};

/// Largest number of bound parameters per statement (SQLite allows 32766).
const MAX_PARAMS: usize = 30_000;

/// Row counts of the multi-row statements a [`Batch`] writes: a table's rows
/// go in as many statements of the largest size as fit, then the smaller
/// ones (the largest capped by [`MAX_PARAMS`]). Few statement texts, so each
/// is prepared once and kept in the connection's statement cache (parsing a
/// fresh statement of hundreds of rows costs more than running it), and few
/// statements per group: each is a round trip to sqlx's worker thread, which
/// waits for the writer task to be scheduled again, so 256-row statements
/// left SQLite idle for a third of a pipelined group's time.
const CHUNK_ROWS: [usize; 7] = [4096, 1024, 256, 64, 16, 4, 1];

/// Statements a group writes, each run as a prepared statement from the
/// connection's cache.
#[derive(Default)]
pub(super) struct Batch {
    statements: Vec<(String, Vec<Val>)>,
}

impl Batch {
    /// Adds one statement and its arguments.
    pub(super) fn push(&mut self, sql: &str, args: impl IntoIterator<Item = Val>) {
        self.statements.push((sql.to_string(), args.into_iter().collect()));
    }

    /// Adds inserts of `rows` into their table.
    pub(super) fn insert<R: Row>(&mut self, rows: Vec<R>) {
        let head = format!("INSERT INTO {} ({}) VALUES", R::TABLE, R::COLUMNS.join(", "));
        self.rows(&head, "", rows);
    }

    /// Adds updates of the rows' tables: each row's columns after `id` are
    /// set on the row with that id.
    pub(super) fn update<R: Row>(&mut self, rows: Vec<R>) {
        let set = R::COLUMNS
            .iter()
            .enumerate()
            .skip(1)
            .map(|(k, c)| format!("{c} = v.column{}", k + 1))
            .collect::<Vec<_>>()
            .join(", ");
        let head = format!("UPDATE {} SET {set} FROM (VALUES", R::TABLE);
        let tail = format!(") AS v WHERE {}.id = v.column1", R::TABLE);
        self.rows(&head, &tail, rows);
    }

    /// Adds `head` (`INSERT INTO t (a, b) VALUES`, or an `UPDATE ... FROM
    /// (VALUES` with `tail` `) AS v WHERE ...`) for `rows`, in statements of
    /// [`CHUNK_ROWS`] rows.
    fn rows<R: Row>(&mut self, head: &str, tail: &str, rows: Vec<R>) {
        let width = R::COLUMNS.len();
        if rows.is_empty() {
            return;
        }
        let tuple = format!("({})", vec!["?"; width].join(","));
        let mut rows = rows.into_iter();
        let mut left = rows.len();
        for size in CHUNK_ROWS {
            let size = size.min(MAX_PARAMS / width.max(1)).max(1);
            if left < size {
                continue;
            }
            let sql = format!("{head} {}{tail}", vec![tuple.as_str(); size].join(","));
            while left >= size {
                let mut args = Vec::with_capacity(size * width);
                rows.by_ref().take(size).for_each(|r| r.values(&mut args));
                debug_assert_eq!(args.len(), size * width);
                self.statements.push((sql.clone(), args));
                left -= size;
            }
        }
    }

    /// Runs the statements in order and empties the batch.
    ///
    /// # Errors
    /// The first statement that fails.
    pub(super) async fn run(&mut self, conn: &mut SqliteConnection) -> Result<(), sqlx::Error> {
        for (sql, values) in std::mem::take(&mut self.statements) {
            let mut args = sqlx::sqlite::SqliteArguments::default();
            sqlx::Arguments::reserve(&mut args, values.len(), 0);
            for v in values {
                let added = match v {
                    Val::Int(x) => sqlx::Arguments::add(&mut args, x),
                    Val::OptInt(x) => sqlx::Arguments::add(&mut args, x),
                    Val::Real(x) => sqlx::Arguments::add(&mut args, x),
                    Val::Text(x) => sqlx::Arguments::add(&mut args, x),
                    Val::OptText(x) => sqlx::Arguments::add(&mut args, x),
                    Val::OptBlob(x) => sqlx::Arguments::add(&mut args, x),
                    Val::OptReal(x) => sqlx::Arguments::add(&mut args, x),
                };
                added.map_err(sqlx::Error::Encode)?;
            }
            sqlx::query_with(AssertSqlSafe(sql), args).execute(&mut *conn).await?;
        }
        Ok(())
    }

    /// The statements' texts and argument counts (for tests).
    #[cfg(test)]
    pub(super) fn shapes(&self) -> Vec<(&str, usize)> {
        self.statements.iter().map(|(s, a)| (s.as_str(), a.len())).collect()
    }
}

/// `PRAGMA data_version`: changes between two reads on one connection only
/// when another connection committed in between.
async fn data_version(conn: &mut SqliteConnection) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("PRAGMA data_version").fetch_one(conn).await
}

/// What a group written in its own transaction gives back: a result per
/// document, the first sources of every event it touched (for the feature
/// cache, now committed) and what the next group needs to be decided ahead
/// (None when nothing was written).
pub(super) type Written = (Vec<Result<Ingested, StoreError>>, HashMap<i64, Sources>, Option<Carry>);

/// Writes `docs` in one transaction, deciding them on what it reads inside
/// it; `version` gets the transaction's data version.
///
/// # Errors
/// Any database error: the transaction is then rolled back as a whole.
pub(super) async fn write_batch(
    conn: &mut SqliteConnection,
    docs: &mut [Pending],
    cache: &Mutex<FeatureCache>,
    version: &mut Option<i64>,
) -> Result<Written, sqlx::Error> {
    if docs.iter().all(|(_, p)| p.is_none()) {
        return Ok((
            docs.iter().map(|_| Err(StoreError::EmptyText)).collect(),
            HashMap::new(),
            None,
        ));
    }
    let mut tx = sqlx::Connection::begin_with(conn, "BEGIN IMMEDIATE").await?;
    let seen = data_version(&mut tx).await?;
    let snap = read_snapshot(&mut tx, docs, cache, None).await?;
    let mut plan = plan_group(docs, snap, &super::now());
    plan.batch.run(&mut tx).await?;
    tx.commit().await?;
    *version = Some(seen);
    Ok((plan.results, plan.learned, Some(plan.carry)))
}

/// Writes a group decided beforehand, in one transaction, unless another
/// connection committed since the transaction that produced the group's
/// [`Carry`] began (its data version was `version`): then nothing is written
/// and `Ok(false)` returned, and the group must be decided again.
///
/// # Errors
/// Any database error: the transaction is then rolled back as a whole.
pub(super) async fn write_planned(
    conn: &mut SqliteConnection,
    batch: &mut Batch,
    version: Option<i64>,
) -> Result<bool, sqlx::Error> {
    let mut tx = sqlx::Connection::begin_with(conn, "BEGIN IMMEDIATE").await?;
    if Some(data_version(&mut tx).await?) != version {
        tx.rollback().await?;
        return Ok(false);
    }
    batch.run(&mut tx).await?;
    tx.commit().await?;
    Ok(true)
}
