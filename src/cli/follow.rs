//! `tarikh follow`: polls feeds and ingests what they publish (see [`crate::follow`]).

use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use super::EXIT_BAD_INPUT;
use crate::follow::{FollowConfig, Outcome, run};
use crate::store::Store;

/// Reads `15m`, `30s`, `2h`, `1d` or a number of seconds.
///
/// # Errors
/// A message naming the value when it is not one of those.
pub fn parse_every(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let (num, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()));
    let n: u64 = num
        .parse()
        .map_err(|_| format!("{s:?} is not a duration (15m, 30s, 2h)"))?;
    let secs = match unit.trim() {
        "" | "s" => n,
        "m" | "min" => n * 60,
        "h" => n * 3600,
        "d" => n * 86_400,
        _ => return Err(format!("{s:?} is not a duration (15m, 30s, 2h)")),
    };
    if secs == 0 {
        return Err("the interval must be at least one second".into());
    }
    Ok(Duration::from_secs(secs))
}

/// `tarikh follow`: polls each feed (once with `once`, else every `every`),
/// printing one line per poll; with `once`, exits non-zero if a poll failed.
pub fn run_follow(db: &Path, every: &str, once: bool, urls: &[String]) -> ExitCode {
    let every = match parse_every(every) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: --every: {e}");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let config = FollowConfig {
        every,
        ..FollowConfig::default()
    };
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    rt.block_on(async move {
        let store = match Store::open(db).await {
            Ok(s) => s,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        };
        let result = run(&store, urls, &config, once, |r| println!("{r}")).await;
        store.close().await;
        match result {
            Ok(round) if round.iter().any(|r| matches!(r.outcome, Outcome::Failed(_))) => ExitCode::FAILURE,
            Ok(_) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals() {
        assert_eq!(parse_every("15m"), Ok(Duration::from_secs(900)));
        assert_eq!(parse_every("90"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_every("2h"), Ok(Duration::from_secs(7200)));
        assert!(parse_every("soon").is_err());
        assert!(parse_every("0s").is_err());
    }
}
