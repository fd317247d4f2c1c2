//! `tarikh serve`: the HTTP service (see [`crate::api`]).
use std::path::Path;
use std::process::ExitCode;

use crate::api::{ServeConfig, serve};

/// Starts the server and blocks until SIGTERM or ctrl-c.
pub fn run(
    db: &Path,
    addr: &str,
    demo: bool,
    token: Option<String>,
    max_body: usize,
    request_timeout: std::time::Duration,
    concurrency: usize,
) -> ExitCode {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .try_init();
    let mut config = ServeConfig::new(db);
    config.addr = addr.to_string();
    config.demo = demo;
    config.token = token;
    config.max_body = max_body;
    config.request_timeout = request_timeout;
    config.concurrency = concurrency.max(1);
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("serve: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("serve: {e:#}");
            ExitCode::FAILURE
        }
    }
}
