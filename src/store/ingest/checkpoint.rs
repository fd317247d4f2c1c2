//! WAL checkpoints beside the writer during
//! [`Store::ingest_all`](crate::store::Store::ingest_all).
//!
//! The writer connection otherwise checkpoints itself inside the commit that
//! fills the WAL (`wal_autocheckpoint`): copying 64 MB of pages back into the
//! database and syncing it doubled the time of one group in four. A pool
//! connection runs passive checkpoints (which never wait for or block the
//! writer) every [`CHECKPOINT_EVERY`] instead, and the writer's own are off
//! until the end.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use sqlx::{AssertSqlSafe, SqliteConnection};

/// How often [`Checkpointer`] checkpoints.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(500);

/// Passive checkpoints on a pool connection while the writer's own are off.
pub(super) struct Checkpointer {
    stop: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<()>,
}

impl Checkpointer {
    /// Turns the writer's checkpoints off (noted in `off`) and starts the
    /// passive ones. Dropping the result (a cancelled ingest) stops them;
    /// the next [`Store::ingest`](crate::store::Store::ingest) then turns the writer's back on.
    pub(super) async fn start(writer: &mut SqliteConnection, pool: sqlx::SqlitePool, off: &AtomicBool) -> Checkpointer {
        // If this fails the writer keeps checkpointing itself: slower, not wrong.
        if sqlx::query("PRAGMA wal_autocheckpoint = 0")
            .execute(&mut *writer)
            .await
            .is_ok()
        {
            off.store(true, Ordering::SeqCst);
        }
        let (stop, mut stopped) = tokio::sync::oneshot::channel();
        let task = tokio::spawn(async move {
            loop {
                tokio::select! {
                    _ = &mut stopped => break,
                    () = tokio::time::sleep(CHECKPOINT_EVERY) => {}
                }
                let done = match pool.acquire().await {
                    Ok(mut conn) => sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
                        .execute(&mut *conn)
                        .await
                        .map(drop),
                    Err(e) => Err(e),
                };
                if let Err(e) = done {
                    tracing::debug!(error = %e, "background checkpoint");
                }
            }
        });
        Checkpointer { stop, task }
    }

    /// Stops the checkpoints and gives the writer its own back.
    pub(super) async fn stop(self, writer: &mut SqliteConnection, off: &AtomicBool) {
        let _ = self.stop.send(());
        let _ = self.task.await;
        restore_checkpoints(writer, off).await;
    }
}

/// Turns the writer's own checkpoints back on if [`Checkpointer`] left them off.
pub(super) async fn restore_checkpoints(writer: &mut SqliteConnection, off: &AtomicBool) {
    let restore = format!("PRAGMA wal_autocheckpoint = {}", crate::store::WAL_AUTOCHECKPOINT_PAGES);
    if off.load(Ordering::SeqCst) && sqlx::query(AssertSqlSafe(restore)).execute(&mut *writer).await.is_ok() {
        off.store(false, Ordering::SeqCst);
    }
}
