//! `tarikh convert`.
use std::process::ExitCode;

use super::FromCalendar;

pub fn run(_from: Option<FromCalendar>, _json: bool, _dates: &[String]) -> ExitCode {
    eprintln!("convert: not yet implemented");
    ExitCode::from(1)
}
