//! `tarikh ingest`.
//! Also `tarikh sql` and `tarikh timeline`: the commands that open the store.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::ShowCalendar;

pub fn run_ingest(_db: &Path, _dct: Option<&str>, _lang: Option<&str>, _paths: &[PathBuf]) -> ExitCode {
    eprintln!("ingest: not yet implemented");
    ExitCode::from(1)
}

pub fn run_sql(_db: &Path, _json: bool, _csv: bool, _query: &str) -> ExitCode {
    eprintln!("sql: not yet implemented");
    ExitCode::from(1)
}

pub fn run_timeline(_db: &Path, _from: Option<&str>, _to: Option<&str>, _calendar: ShowCalendar) -> ExitCode {
    eprintln!("timeline: not yet implemented");
    ExitCode::from(1)
}
