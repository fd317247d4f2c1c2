//! `tarikh extract`.
use std::path::Path;
use std::process::ExitCode;

pub fn run(_dct: Option<&str>, _lang: &str, _batch: bool, _file: Option<&Path>) -> ExitCode {
    eprintln!("extract: not yet implemented");
    ExitCode::from(1)
}
