//! `tarikh backup`: a consistent copy of an existing database, safe while a
//! server or an ingest keeps writing to it.

use std::path::Path;
use std::process::ExitCode;

use super::{open_existing, runtime};
use crate::chain::Chain;

/// Copies the database at `db` to `out` (which must not exist).
pub fn run_backup(db: &Path, out: &Path) -> ExitCode {
    let Some(rt) = runtime() else { return ExitCode::FAILURE };
    rt.block_on(async move {
        let Some(store) = open_existing(db).await else {
            return ExitCode::FAILURE;
        };
        let result = store.backup(out).await;
        store.close().await;
        match result {
            Ok(()) => {
                let size = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
                println!("backup: {} ({size} bytes) from {}", out.display(), db.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {}", Chain(&e));
                ExitCode::FAILURE
            }
        }
    })
}
