//! `tarikh serve`.
use std::path::Path;
use std::process::ExitCode;

pub fn run(_db: &Path, _addr: &str, _demo: bool, _token: Option<String>, _max_body: usize) -> ExitCode {
    eprintln!("serve: not yet implemented");
    ExitCode::from(1)
}
