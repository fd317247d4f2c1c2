//! `tarikh serve`: the HTTP service (see [`crate::api`]).
use std::path::Path;
use std::process::ExitCode;

use super::EXIT_BAD_INPUT;
use super::follow::parse_every;
use crate::api::{ServeConfig, serve};

/// Starts the server and blocks until SIGTERM or ctrl-c; with `follow`, a
/// file of feed URLs, the server also polls those feeds every `follow_every`.
pub fn run(mut config: ServeConfig, follow: Option<&Path>, follow_every: &str) -> ExitCode {
    use std::io::IsTerminal;
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        // Colour codes only for a person at a terminal, plain lines for
        // journald, Docker and files.
        .with_ansi(std::io::stderr().is_terminal())
        .try_init();
    if config.token.as_deref().is_none_or(str::is_empty) && !binds_loopback(&config.addr) {
        tracing::warn!(
            addr = %config.addr,
            "listening beyond loopback without --token: anyone who can reach it can write documents"
        );
    }
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

/// Whether `addr` (`host:port`) is a loopback address (or `localhost`).
fn binds_loopback(addr: &str) -> bool {
    let host = addr.rsplit_once(':').map_or(addr, |(h, _)| h);
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host == "localhost" || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::binds_loopback;

    #[test]
    fn loopback_addresses() {
        assert!(binds_loopback("127.0.0.1:8080"));
        assert!(binds_loopback("[::1]:0"));
        assert!(binds_loopback("localhost:80"));
        assert!(!binds_loopback("0.0.0.0:8080"));
        assert!(!binds_loopback("192.168.1.4:8080"));
    }
}
