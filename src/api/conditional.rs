//! `ETag` and `304 Not Modified` for the read endpoints.
//!
//! A read's answer is a function of its URL and the data, and the data
//! changes only when the generation does ([`AppState::generation`]: this
//! server's ingests at once, other processes' commits within the change
//! watcher's poll). So the tag is the URL's hash with the generation and this
//! process's start, and a request whose `If-None-Match` carries it is
//! answered 304 without running the handler: a calendar client refreshing
//! an unchanged `.ics` costs one header exchange.

use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::OnceLock;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::AppState;

/// Distinguishes this process's generations from another run's.
fn boot() -> u64 {
    static BOOT: OnceLock<u64> = OnceLock::new();
    *BOOT.get_or_init(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64)
    })
}

/// Whether `path` answers from the data alone (not `/api/sql`, which runs
/// arbitrary statements, nor writes).
fn cacheable(path: &str) -> bool {
    path.starts_with("/api/") && path != "/api/sql" && path != "/api/openapi.json"
}

/// The tag of `uri` at `generation`.
fn tag(uri: &axum::http::Uri, generation: u64) -> String {
    let mut h = foldhash::fast::FixedState::with_seed(0x7461_7269_6b68).build_hasher();
    uri.path().hash(&mut h);
    uri.query().unwrap_or("").hash(&mut h);
    format!("W/\"{:x}-{generation:x}-{:x}\"", boot(), h.finish())
}

/// Whether an `If-None-Match` value names `etag` (or is `*`).
fn matches(if_none_match: &str, etag: &str) -> bool {
    if_none_match.split(',').map(str::trim).any(|t| t == "*" || t == etag)
}

/// Answers 304 for a GET whose `If-None-Match` holds the current tag, and
/// tags every successful GET of a cacheable path.
pub async fn etag(State(st): State<AppState>, req: Request, next: Next) -> Response {
    if req.method() != Method::GET || !cacheable(req.uri().path()) {
        return next.run(req).await;
    }
    let etag = tag(req.uri(), st.generation());
    let fresh = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| matches(v, &etag));
    let value = HeaderValue::from_str(&etag).ok();
    if fresh {
        let mut resp = StatusCode::NOT_MODIFIED.into_response();
        if let Some(v) = value {
            resp.headers_mut().insert(header::ETAG, v);
        }
        return resp;
    }
    let mut resp = next.run(req).await;
    if resp.status() == StatusCode::OK
        && let Some(v) = value
    {
        resp.headers_mut().insert(header::ETAG, v);
    }
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_change_with_the_generation_and_the_query() {
        let a: axum::http::Uri = "/api/timeline?from=2022-01-01".parse().expect("uri");
        let b: axum::http::Uri = "/api/timeline?from=2022-01-02".parse().expect("uri");
        assert_eq!(tag(&a, 1), tag(&a, 1));
        assert_ne!(tag(&a, 1), tag(&a, 2));
        assert_ne!(tag(&a, 1), tag(&b, 1));
        assert!(matches(&format!("\"x\", {}", tag(&a, 1)), &tag(&a, 1)));
        assert!(!cacheable("/api/sql"));
    }
}
