//! `tarikh serve`: the HTTP service (see [`crate::api`]).
use std::path::Path;
use std::process::ExitCode;

use super::EXIT_BAD_INPUT;
use super::follow::parse_every;
use crate::api::{ServeConfig, serve};

/// Starts the server and blocks until SIGTERM or ctrl-c; with `follow`, a
/// file of feed URLs, the server also polls those feeds every `follow_every`.
pub fn run(mut config: ServeConfig, follow: Option<&Path>, follow_every: &str) -> ExitCode {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .try_init();
    if let Some(file) = follow {
        let urls = match std::fs::read_to_string(file) {
            Ok(text) => crate::follow::read_feed_list(&text),
            Err(e) => {
                eprintln!("serve: --follow {}: {e}", file.display());
                return ExitCode::from(EXIT_BAD_INPUT);
            }
        };
        let every = match parse_every(follow_every) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("serve: --follow-every: {e}");
                return ExitCode::from(EXIT_BAD_INPUT);
            }
        };
        if urls.is_empty() {
            eprintln!("serve: --follow {}: no feed URLs in the file", file.display());
            return ExitCode::from(EXIT_BAD_INPUT);
        }
        config.follow = Some((
            urls,
            crate::follow::FollowConfig {
                every,
                ..crate::follow::FollowConfig::default()
            },
        ));
    }
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
