//! The polite HTTP client `follow` fetches feeds and pages with: a
//! User-Agent that names tarikh, one request at a time per host with a pause
//! between them, timeouts, a size cap, and conditional requests.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, ETAG, HeaderMap, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED};

use super::{FollowConfig, FollowError};

/// What a GET brought back.
#[derive(Debug)]
pub enum Fetched {
    /// 304: nothing changed since the validators sent.
    NotModified,
    /// A 2xx answer's body (at most the size cap) and headers that matter.
    Body {
        /// The HTTP status.
        status: u16,
        /// The body, at most the size cap.
        bytes: Vec<u8>,
        /// `Content-Type`, which decides how the body is read.
        content_type: Option<String>,
        /// `ETag`, to send back as `If-None-Match`.
        etag: Option<String>,
        /// `Last-Modified`, to send back as `If-Modified-Since`.
        last_modified: Option<String>,
    },
}

/// The validators of an earlier answer.
#[derive(Clone, Copy, Debug, Default)]
pub struct Validators<'a> {
    /// Its `ETag`, sent as `If-None-Match`.
    pub etag: Option<&'a str>,
    /// Its `Last-Modified`, sent as `If-Modified-Since`.
    pub last_modified: Option<&'a str>,
}

/// Requests one host at a time, each host no more often than
/// `host_interval`.
pub struct Fetcher {
    client: reqwest::Client,
    max_bytes: usize,
    host_interval: std::time::Duration,
    hosts: Mutex<HashMap<String, Arc<tokio::sync::Mutex<Option<Instant>>>>>,
}

impl Fetcher {
    /// A client with `config`'s User-Agent, timeouts and size cap.
    ///
    /// # Errors
    /// [`FollowError::Client`] when the TLS backend cannot be set up.
    pub fn new(config: &FollowConfig) -> Result<Fetcher, FollowError> {
        let client = reqwest::Client::builder()
            .user_agent(config.user_agent.clone())
            .timeout(config.timeout)
            .connect_timeout(config.timeout.min(std::time::Duration::from_secs(10)))
            .redirect(reqwest::redirect::Policy::limited(5))
            .build()
            .map_err(|source| FollowError::Client { source })?;
        Ok(Fetcher {
            client,
            max_bytes: config.max_bytes,
            host_interval: config.host_interval,
            hosts: Mutex::new(HashMap::new()),
        })
    }

    /// GETs `url`, conditionally when `validators` has any.
    ///
    /// # Errors
    /// [`FollowError::Request`] (connection, timeout, bad URL),
    /// [`FollowError::Status`] for an answer other than 2xx or 304,
    /// [`FollowError::TooLarge`] past the size cap.
    pub async fn get(&self, url: &str, validators: Validators<'_>) -> Result<Fetched, FollowError> {
        let parsed = reqwest::Url::parse(url).map_err(|e| FollowError::BadUrl {
            url: url.to_string(),
            reason: e.to_string(),
        })?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(FollowError::BadUrl {
                url: url.to_string(),
                reason: "only http and https are followed".into(),
            });
        }
        let host = format!(
            "{}:{}",
            parsed.host_str().unwrap_or(""),
            parsed.port_or_known_default().unwrap_or(0)
        );
        let turn = {
            let mut hosts = self.hosts.lock().unwrap_or_else(PoisonError::into_inner);
            Arc::clone(hosts.entry(host).or_default())
        };
        let mut last = turn.lock().await;
        if let Some(at) = *last {
            let wait = self.host_interval.saturating_sub(at.elapsed());
            if !wait.is_zero() {
                tokio::time::sleep(wait).await;
            }
        }
        let result = self.request(parsed, url, validators).await;
        *last = Some(Instant::now());
        result
    }

    async fn request(&self, parsed: reqwest::Url, url: &str, v: Validators<'_>) -> Result<Fetched, FollowError> {
        let request_err = |source| FollowError::Request {
            url: url.to_string(),
            source,
        };
        let mut req = self.client.get(parsed);
        if let Some(etag) = v.etag {
            req = req.header(IF_NONE_MATCH, etag);
        }
        if let Some(lm) = v.last_modified {
            req = req.header(IF_MODIFIED_SINCE, lm);
        }
        let mut resp = req.send().await.map_err(request_err)?;
        let status = resp.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Fetched::NotModified);
        }
        if !status.is_success() {
            return Err(FollowError::Status {
                url: url.to_string(),
                status: status.as_u16(),
            });
        }
        let too_large = || FollowError::TooLarge {
            url: url.to_string(),
            limit: self.max_bytes,
        };
        if resp.content_length().is_some_and(|n| n > self.max_bytes as u64) {
            return Err(too_large());
        }
        let headers = resp.headers().clone();
        let mut bytes = Vec::new();
        while let Some(chunk) = resp.chunk().await.map_err(request_err)? {
            if bytes.len() + chunk.len() > self.max_bytes {
                return Err(too_large());
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(Fetched::Body {
            status: status.as_u16(),
            bytes,
            content_type: header(&headers, CONTENT_TYPE),
            etag: header(&headers, ETAG),
            last_modified: header(&headers, LAST_MODIFIED),
        })
    }
}

fn header(h: &HeaderMap, name: reqwest::header::HeaderName) -> Option<String> {
    h.get(name).and_then(|v| v.to_str().ok()).map(str::to_string)
}
