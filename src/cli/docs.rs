//! `tarikh completions SHELL` and `tarikh man`: shell completions and the
//! man page, generated from the same argument definitions as the CLI.

use std::process::ExitCode;

use clap::CommandFactory;

use super::Cli;

/// Prints the completion script for `shell`.
pub fn run_completions(shell: clap_complete::Shell) -> ExitCode {
    // Rendered in memory first: the generator panics on a write error (a closed pipe).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "tarikh", &mut script);
    write_out(&script)
}

/// Writes `bytes` to stdout; a closed pipe (`| head`) is not an error.
fn write_out(bytes: &[u8]) -> ExitCode {
    use std::io::Write;
    match std::io::stdout().lock().write_all(bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Prints the man page (roff) for `man -l -`, or to install as `tarikh.1`.
pub fn run_man() -> ExitCode {
    let mut page = Vec::new();
    match clap_mangen::Man::new(Cli::command()).render(&mut page) {
        Ok(()) => write_out(&page),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
