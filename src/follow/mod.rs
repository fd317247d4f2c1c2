//! Following feeds as they are published (`tarikh follow`, `serve
//! --follow`): each poll asks for the feed conditionally, skips the items
//! already stored (by guid or link; the content hash catches the rest),
//! fetches the page of each new item whose feed carries only a teaser and
//! takes its main text, ingests the new items, and remembers the feed's
//! validators, result and failures in the store ([`crate::store::FeedState`]).
//! After a failure the feed waits `every × 2^(failures-1)` (at most a day)
//! before it is asked again.

use std::fmt;
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};

use crate::input::{self, InputError, Options};
use crate::store::{FeedState, NewDocument, Store, StoreError};

mod fetch;

pub use fetch::{Fetched, Fetcher, Validators};

/// How `follow` behaves; the defaults are the polite ones.
#[derive(Clone, Debug)]
pub struct FollowConfig {
    /// Time between polls of a feed.
    pub every: Duration,
    /// Longest one request may take.
    pub timeout: Duration,
    /// Largest feed or page accepted, in bytes.
    pub max_bytes: usize,
    /// Least time between two requests to one host.
    pub host_interval: Duration,
    /// Longest wait after repeated failures.
    pub max_backoff: Duration,
    /// The `User-Agent` sent, naming tarikh so feed owners know who polls.
    pub user_agent: String,
}

impl Default for FollowConfig {
    fn default() -> FollowConfig {
        FollowConfig {
            every: Duration::from_secs(15 * 60),
            timeout: Duration::from_secs(30),
            max_bytes: 10 * 1024 * 1024,
            host_interval: Duration::from_secs(1),
            max_backoff: Duration::from_secs(24 * 3600),
            user_agent: concat!(
                "tarikh/",
                env!("CARGO_PKG_VERSION"),
                " (news chronology; polls feeds politely with conditional requests)"
            )
            .to_string(),
        }
    }
}

/// Why a poll failed.
#[derive(Debug, thiserror::Error)]
pub enum FollowError {
    /// The HTTP client could not be built (TLS set-up).
    #[error("cannot set up the HTTP client: {source}")]
    Client {
        /// Why.
        #[source]
        source: reqwest::Error,
    },
    /// Not an http(s) URL.
    #[error("{url}: not a followable URL: {reason}")]
    BadUrl {
        /// The URL as given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The request failed: connection, TLS, timeout.
    #[error("{url}: {source}")]
    Request {
        /// The URL requested.
        url: String,
        /// Why it failed.
        #[source]
        source: reqwest::Error,
    },
    /// The server answered with an error status.
    #[error("{url}: HTTP {status}")]
    Status {
        /// The URL requested.
        url: String,
        /// The status it answered.
        status: u16,
    },
    /// The answer passed the size cap.
    #[error("{url}: larger than {limit} bytes")]
    TooLarge {
        /// The URL requested.
        url: String,
        /// The cap in bytes (`FollowConfig::max_bytes`).
        limit: usize,
    },
    /// The answer is not a readable feed.
    #[error("{url}: {source}")]
    Feed {
        /// The feed's URL.
        url: String,
        /// Why it could not be read.
        #[source]
        source: InputError,
    },
    /// Storing the items failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What one poll of one feed did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PollReport {
    /// The feed polled.
    pub url: String,
    /// Whether it changed, and if so what happened.
    pub outcome: Outcome,
    /// Items in the feed.
    pub items: usize,
    /// Items skipped as already stored (guid or link).
    pub known: usize,
    /// Pages fetched for teaser items.
    pub pages: usize,
    /// New documents stored.
    pub stored: usize,
    /// Items whose text was already stored (content hash).
    pub duplicates: usize,
    /// Items or pages that failed (the item is then stored with its feed text, if it has one).
    pub problems: Vec<String>,
}

/// How a poll ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// 304: the feed has not changed.
    NotModified,
    /// The feed was read (its HTTP status).
    Fetched(u16),
    /// Not asked: still waiting after failures, until this time.
    BackingOff(String),
    /// The poll failed (recorded in the feed's state).
    Failed(String),
}

impl fmt::Display for PollReport {
    /// One progress line: `https://… 200: 12 items, 9 known, 3 new (2 pages)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.outcome {
            Outcome::NotModified => write!(f, "{} 304: not modified", self.url),
            Outcome::BackingOff(until) => write!(f, "{}: backing off after errors until {until}", self.url),
            Outcome::Failed(e) => write!(f, "{}: failed: {e}", self.url),
            Outcome::Fetched(status) => {
                write!(
                    f,
                    "{} {status}: {} items, {} known, {} new ({} pages fetched)",
                    self.url, self.items, self.known, self.stored, self.pages
                )?;
                if self.duplicates > 0 {
                    write!(f, ", {} already stored by content", self.duplicates)?;
                }
                for p in &self.problems {
                    write!(f, "; {p}")?;
                }
                Ok(())
            }
        }
    }
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The wait after `failures` consecutive failures.
fn backoff(config: &FollowConfig, failures: u32) -> Duration {
    let factor = 2u32.saturating_pow(failures.saturating_sub(1).min(16));
    config.every.saturating_mul(factor).min(config.max_backoff)
}

/// Polls the feed at `url` once (unless it is backing off after failures)
/// and records the result in its state. Never fails: a failure is the
/// report's outcome and the feed's `last_error`.
pub async fn poll(store: &Store, fetcher: &Fetcher, config: &FollowConfig, url: &str) -> PollReport {
    let mut report = PollReport {
        url: url.to_string(),
        outcome: Outcome::NotModified,
        items: 0,
        known: 0,
        pages: 0,
        stored: 0,
        duplicates: 0,
        problems: Vec::new(),
    };
    let mut state = match store.feed_state(url).await {
        Ok(s) => s.unwrap_or_else(|| FeedState {
            url: url.to_string(),
            ..FeedState::default()
        }),
        Err(e) => {
            report.outcome = Outcome::Failed(e.to_string());
            return report;
        }
    };
    let now = Utc::now();
    if let Some(until) = state.next_poll_at.as_deref()
        && DateTime::parse_from_rfc3339(until).is_ok_and(|t| t > now)
    {
        report.outcome = Outcome::BackingOff(until.to_string());
        return report;
    }
    state.last_poll_at = Some(rfc3339(now));
    match poll_inner(store, fetcher, &mut state, &mut report).await {
        Ok(()) => {
            state.failures = 0;
            state.last_error = None;
            state.next_poll_at = None;
        }
        Err(e) => {
            state.failures = state.failures.saturating_add(1);
            state.last_error = Some(e.to_string());
            if let FollowError::Status { status, .. } = &e {
                state.last_status = Some(*status);
            }
            let wait = chrono::Duration::from_std(backoff(config, state.failures)).unwrap_or(chrono::Duration::MAX);
            state.next_poll_at = now.checked_add_signed(wait).map(rfc3339);
            report.outcome = Outcome::Failed(e.to_string());
        }
    }
    if let Err(e) = store.save_feed_state(&state).await {
        report.outcome = Outcome::Failed(format!("cannot save the feed's state: {e}"));
    }
    report
}

async fn poll_inner(
    store: &Store,
    fetcher: &Fetcher,
    state: &mut FeedState,
    report: &mut PollReport,
) -> Result<(), FollowError> {
    let validators = Validators {
        etag: state.etag.as_deref(),
        last_modified: state.last_modified.as_deref(),
    };
    let (status, bytes, etag, last_modified) = match fetcher.get(&state.url, validators).await? {
        Fetched::NotModified => {
            state.last_status = Some(304);
            report.outcome = Outcome::NotModified;
            return Ok(());
        }
        Fetched::Body {
            status,
            bytes,
            etag,
            last_modified,
            ..
        } => (status, bytes, etag, last_modified),
    };
    let items = input::parse_feed(&bytes, &Options::default()).map_err(|source| FollowError::Feed {
        url: state.url.clone(),
        source,
    })?;
    report.outcome = Outcome::Fetched(status);
    report.items = items.len();
    let guids: Vec<&str> = items.iter().filter_map(|i| i.doc.external_id.as_deref()).collect();
    let urls: Vec<&str> = items.iter().filter_map(|i| i.doc.url.as_deref()).collect();
    let stored = store.stored_items(&guids, &urls).await?;
    let is_known = |d: &NewDocument| {
        d.external_id.as_ref().is_some_and(|g| stored.contains(g)) || d.url.as_ref().is_some_and(|u| stored.contains(u))
    };
    let mut docs = Vec::new();
    for item in items {
        if is_known(&item.doc) {
            report.known += 1;
            continue;
        }
        let mut doc = item.doc;
        if item.teaser
            && let Some(link) = doc.url.clone()
        {
            match fetch_page(fetcher, &link).await {
                Ok(page) => {
                    report.pages += 1;
                    doc.text = page.text;
                    doc.lang = doc.lang.or(page.lang);
                    doc.dct = doc.dct.or(page.dct);
                    doc.published_at = doc.published_at.or(page.published_at);
                    doc.title = doc.title.or(page.title);
                    doc.source = doc.source.or(page.source);
                }
                Err(e) => report.problems.push(format!("page {link}: {e}")),
            }
        }
        docs.push(doc);
    }
    let mut problems = Vec::new();
    let (mut stored_now, mut duplicates) = (0usize, 0usize);
    store
        .ingest_all(docs, |r| match r {
            Ok(i) if i.created => stored_now += 1,
            Ok(_) => duplicates += 1,
            Err(e) => problems.push(format!("item not stored: {e}")),
        })
        .await;
    report.stored = stored_now;
    report.duplicates = duplicates;
    report.problems.extend(problems);
    state.items_stored += stored_now as i64;
    state.last_status = Some(status);
    // Validators are kept only from a full answer; a feed without them is fetched whole each time.
    state.etag = etag;
    state.last_modified = last_modified;
    Ok(())
}

/// An item's page, read as an article.
async fn fetch_page(fetcher: &Fetcher, url: &str) -> Result<NewDocument, FollowError> {
    let Fetched::Body {
        bytes, content_type, ..
    } = fetcher.get(url, Validators::default()).await?
    else {
        return Err(FollowError::Status {
            url: url.to_string(),
            status: 304,
        });
    };
    let opts = Options {
        charset: content_type,
        url: Some(url.to_string()),
        ..Options::default()
    };
    input::extract_page(&bytes, &opts)
        .map(|p| p.doc)
        .map_err(|source| FollowError::Feed {
            url: url.to_string(),
            source,
        })
}

/// Polls every feed, then (unless `once`) again every `config.every`,
/// handing each poll's report to `progress`. Returns the reports of the
/// last round.
///
/// # Errors
/// [`FollowError::Client`] when the HTTP client cannot be set up.
pub async fn run(
    store: &Store,
    urls: &[String],
    config: &FollowConfig,
    once: bool,
    mut progress: impl FnMut(&PollReport),
) -> Result<Vec<PollReport>, FollowError> {
    let fetcher = Fetcher::new(config)?;
    loop {
        let mut round = Vec::with_capacity(urls.len());
        for url in urls {
            let report = poll(store, &fetcher, config, url).await;
            progress(&report);
            round.push(report);
        }
        if once {
            return Ok(round);
        }
        tokio::time::sleep(config.every).await;
    }
}

/// Reads a list of feed URLs: one per line; blank lines and `#` comments skipped.
pub fn read_feed_list(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split(" #").next().unwrap_or("").trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let c = FollowConfig::default();
        assert_eq!(backoff(&c, 1), Duration::from_secs(15 * 60));
        assert_eq!(backoff(&c, 3), Duration::from_secs(60 * 60));
        assert_eq!(backoff(&c, 40), Duration::from_secs(24 * 3600));
    }

    #[test]
    fn feed_lists_skip_comments() {
        let list = "# agencies\nhttps://a.example/rss\n\n  https://b.example/atom  # English\n";
        assert_eq!(
            read_feed_list(list),
            vec!["https://a.example/rss", "https://b.example/atom"]
        );
    }
}
