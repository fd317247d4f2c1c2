//! Limits on a request's head (its URI and header lines), answered as
//! problem+json like every other refusal.
//!
//! hyper refuses an oversized head itself, before any service runs, with an
//! empty 414 or 431. So its own limits are raised above these (see
//! [`HYPER_MAX_BUF`], [`HYPER_MAX_HEADERS`]) and this layer refuses first,
//! with a body that says which limit was passed. What hyper still answers
//! alone, with no body: a URI over 65,534 bytes (the `http` crate cannot
//! hold one), more than [`HYPER_MAX_HEADERS`] header lines, or a head over
//! [`HYPER_MAX_BUF`] bytes.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::ApiError;

/// Longest request target (path and query) tarikh reads, in bytes.
pub const MAX_URI_BYTES: usize = 8 * 1024;
/// Most bytes of header lines (names, values and separators) in one request.
pub const MAX_HEADER_BYTES: usize = 32 * 1024;
/// Most header lines in one request.
pub const MAX_HEADERS: usize = 100;

/// hyper's read buffer: the most bytes of head it holds before refusing on
/// its own. Above [`MAX_URI_BYTES`] + [`MAX_HEADER_BYTES`] so a head over
/// tarikh's limits still reaches [`check`].
pub(crate) const HYPER_MAX_BUF: usize = 256 * 1024;
/// hyper's cap on header lines, above [`MAX_HEADERS`] for the same reason.
/// hyper allocates room for this many on every request, so it stays modest.
pub(crate) const HYPER_MAX_HEADERS: usize = 256;

// hyper must hold any head that passes tarikh's limits and then some.
const _: () = assert!(HYPER_MAX_BUF > MAX_URI_BYTES + MAX_HEADER_BYTES && HYPER_MAX_HEADERS > MAX_HEADERS);

/// The bytes a header line takes on the wire: `name: value\r\n`.
const HEADER_LINE_OVERHEAD: usize = 4;

/// Middleware: refuses a request whose URI or headers pass tarikh's limits
/// with a 414 or 431 problem+json, before any handler runs.
pub async fn check(req: Request, next: Next) -> Response {
    match refusal(&req) {
        Some(e) => e.into_response(),
        None => next.run(req).await,
    }
}

/// The error for a request head over a limit, if it is.
fn refusal(req: &Request) -> Option<ApiError> {
    let uri = req.uri();
    let uri_len = uri.path_and_query().map_or(uri.path().len(), |p| p.as_str().len());
    if uri_len > MAX_URI_BYTES {
        return Some(ApiError::UriTooLong {
            length: uri_len,
            limit: MAX_URI_BYTES,
        });
    }
    let headers = req.headers();
    if headers.len() > MAX_HEADERS {
        return Some(ApiError::HeadersTooLarge {
            what: "header lines",
            size: headers.len(),
            limit: MAX_HEADERS,
        });
    }
    let bytes: usize = headers
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + HEADER_LINE_OVERHEAD)
        .sum();
    (bytes > MAX_HEADER_BYTES).then_some(ApiError::HeadersTooLarge {
        what: "bytes of headers",
        size: bytes,
        limit: MAX_HEADER_BYTES,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::StatusCode;

    fn request(uri: &str, headers: &[(&str, String)]) -> Request {
        let mut b = Request::builder().uri(uri);
        for (k, v) in headers {
            b = b.header(*k, v);
        }
        b.body(axum::body::Body::empty()).unwrap()
    }

    #[test]
    fn a_head_within_every_limit_passes() {
        let uri = format!("/api/timeline?q={}", "a".repeat(MAX_URI_BYTES - 20));
        let headers: Vec<_> = (0..MAX_HEADERS).map(|_| ("x-a", "b".repeat(100))).collect();
        assert!(refusal(&request(&uri, &headers)).is_none());
    }

    #[test]
    fn each_limit_has_its_status() {
        let long = format!("/api/timeline?q={}", "a".repeat(MAX_URI_BYTES));
        let e = refusal(&request(&long, &[])).expect("uri refused");
        assert_eq!(e.status(), StatusCode::URI_TOO_LONG);
        let many: Vec<_> = (0..=MAX_HEADERS).map(|_| ("x-a", "b".into())).collect();
        let e = refusal(&request("/", &many)).expect("count refused");
        assert_eq!(e.status(), StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
        let big = [("x-a", "b".repeat(MAX_HEADER_BYTES))];
        let e = refusal(&request("/", &big)).expect("size refused");
        assert_eq!(e.status(), StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
        assert!(e.to_string().contains("bytes of headers"), "{e}");
    }
}
