//! The one error type at the HTTP edge, rendered as RFC 9457
//! `application/problem+json`, and the extractors that turn malformed
//! requests into it instead of axum's plain-text rejections.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Query, Request};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::calendar::DateError;
use crate::extract::ParseDayError;
use crate::store::read::ReadError;
use crate::store::{SqlError, StoreError};

/// Media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// Everything a handler can answer besides success.
///
/// Client errors carry a specific, user-facing message. [`ApiError::Internal`]
/// keeps its message for the log only: the response says nothing about it.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A request that cannot be understood: unknown parameter, malformed
    /// JSON, invalid UTF-8, a bad value.
    #[error("{detail}")]
    BadRequest {
        /// The problem's title: what kind of bad (`Malformed JSON`).
        title: &'static str,
        /// What exactly, naming the parameter or member.
        detail: String,
    },
    /// A date that does not exist (30 Esfand 1400) or cannot be read.
    #[error("{}", .0.detail)]
    BadDate(Box<DateProblem>),
    /// A write without the configured bearer token.
    #[error("a valid bearer token is required for this request")]
    Unauthorized,
    /// Read-only SQL refused a statement that could change something.
    #[error("{detail}")]
    Forbidden {
        /// What was refused and why.
        detail: String,
    },
    /// No such event or document (or route).
    #[error("{what} not found")]
    NotFound {
        /// What was looked for (`event 42`, `route /api/x`).
        what: String,
    },
    /// A route that exists, asked with a method it does not answer.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// A query ran past its time limit and was interrupted.
    #[error("{detail}")]
    Timeout {
        /// The limit that was passed, and what to do about it.
        detail: String,
    },
    /// A request body over the configured limit.
    #[error("request body is larger than {limit} bytes")]
    PayloadTooLarge {
        /// The limit in bytes (`--max-body`).
        limit: usize,
    },
    /// A request target longer than tarikh reads.
    #[error("the request URI is {length} bytes; the limit is {limit}")]
    UriTooLong {
        /// Bytes of path and query sent.
        length: usize,
        /// Bytes allowed.
        limit: usize,
    },
    /// Too many header lines, or too many bytes of them.
    #[error("the request has {size} {what}; the limit is {limit}")]
    HeadersTooLarge {
        /// Which measure passed its limit: `header lines` or `bytes of headers`.
        what: &'static str,
        /// How many were sent.
        size: usize,
        /// How many are allowed.
        limit: usize,
    },
    /// An NDJSON batch with more documents than one request may store.
    #[error("the batch holds {count} documents; send at most {limit} per request")]
    TooManyDocuments {
        /// Documents in the batch.
        count: usize,
        /// Most documents one request may store.
        limit: usize,
    },
    /// A body in a format the route does not read.
    #[error("{detail}")]
    UnsupportedMediaType {
        /// The type sent and the types accepted.
        detail: String,
    },
    /// The server is overloaded or the request took too long.
    #[error("{detail}")]
    Unavailable {
        /// Which limit was reached.
        detail: String,
    },
    /// Anything the client could not have caused; logged with its sources,
    /// never shown.
    #[error("internal error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

/// What was wrong with a date the client sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateProblem {
    /// The request parameter or body member holding the date (`from`).
    pub parameter: String,
    /// What the client sent.
    pub input: String,
    /// Which part of the date is wrong (`day`), with its allowed range.
    pub field: Option<&'static str>,
    /// The out-of-range value of `field`.
    pub value: Option<i64>,
    /// The smallest value `field` may take there.
    pub min: Option<i64>,
    /// The largest value `field` may take there (29 for Esfand 1400).
    pub max: Option<i64>,
    /// The whole message, naming the parameter.
    pub detail: String,
}

impl ApiError {
    /// A 400 with the generic title.
    pub fn bad_request(detail: impl Into<String>) -> Self {
        ApiError::BadRequest {
            title: "Bad request",
            detail: detail.into(),
        }
    }

    /// Wraps any unexpected failure (database, I/O) as a 500, keeping it as the source.
    pub fn internal(err: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        ApiError::Internal(err.into())
    }

    /// A 400 for a date member that cannot be read, naming the member (after
    /// `at`, the request part: `line 3: `) and the text sent.
    pub fn unreadable_date(at: &str, member: &str, input: &str, expected: &str) -> Self {
        ApiError::BadDate(Box::new(DateProblem {
            parameter: member.to_string(),
            input: input.to_string(),
            field: None,
            value: None,
            min: None,
            max: None,
            detail: format!("{at}{member}: could not read a date in {input:?}; expected {expected}"),
        }))
    }

    /// Turns a failed day parse of request member `parameter` into a 400 that
    /// names the parameter and, for an impossible date, the field and its range.
    pub fn from_parse_day(parameter: &str, input: &str, err: ParseDayError) -> Self {
        match err {
            ParseDayError::Invalid(
                e @ DateError::OutOfRange {
                    field, value, min, max, ..
                },
            ) => ApiError::BadDate(Box::new(DateProblem {
                parameter: parameter.to_string(),
                input: input.to_string(),
                field: Some(match field {
                    crate::calendar::Field::Year => "year",
                    crate::calendar::Field::Month => "month",
                    crate::calendar::Field::Day => "day",
                }),
                value: Some(value),
                min: Some(min),
                max: Some(max),
                detail: format!("{parameter}: {e}"),
            })),
            ParseDayError::Unreadable { reason, .. } => ApiError::BadDate(Box::new(DateProblem {
                parameter: parameter.to_string(),
                input: input.to_string(),
                field: None,
                value: None,
                min: None,
                max: None,
                detail: format!("{parameter}: could not read a date in {input:?}: {reason}"),
            })),
        }
    }

    /// The HTTP status of this error.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest { .. } | ApiError::BadDate(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden { .. } => StatusCode::FORBIDDEN,
            ApiError::NotFound { .. } => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Timeout { .. } => StatusCode::REQUEST_TIMEOUT,
            ApiError::PayloadTooLarge { .. } | ApiError::TooManyDocuments { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UriTooLong { .. } => StatusCode::URI_TOO_LONG,
            ApiError::HeadersTooLarge { .. } => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            ApiError::UnsupportedMediaType { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Unavailable { .. } => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn slug_and_title(&self) -> (&'static str, &'static str) {
        match self {
            ApiError::BadRequest { title, .. } => ("bad-request", title),
            ApiError::BadDate(d) if d.field.is_some() => ("invalid-date", "Date does not exist"),
            ApiError::BadDate(_) => ("unreadable-date", "Date could not be read"),
            ApiError::Unauthorized => ("unauthorized", "Unauthorized"),
            ApiError::Forbidden { .. } => ("sql-refused", "Statement refused"),
            ApiError::NotFound { .. } => ("not-found", "Not found"),
            ApiError::MethodNotAllowed => ("method-not-allowed", "Method not allowed"),
            ApiError::Timeout { .. } => ("timeout", "Query timed out"),
            ApiError::PayloadTooLarge { .. } => ("payload-too-large", "Request body too large"),
            ApiError::TooManyDocuments { .. } => ("too-many-documents", "Batch too large"),
            ApiError::UriTooLong { .. } => ("uri-too-long", "URI too long"),
            ApiError::HeadersTooLarge { .. } => ("headers-too-large", "Request headers too large"),
            ApiError::UnsupportedMediaType { .. } => ("unsupported-media-type", "Unsupported media type"),
            ApiError::Unavailable { .. } => ("unavailable", "Service unavailable"),
            ApiError::Internal(_) => ("internal", "Internal server error"),
        }
    }

    /// The RFC 9457 body for this error.
    pub fn problem(&self) -> Problem {
        let (slug, title) = self.slug_and_title();
        let status = self.status();
        let mut p = Problem {
            kind: format!("urn:tarikh:problem:{slug}"),
            title: title.to_string(),
            status: status.as_u16(),
            detail: self.to_string(),
            parameter: None,
            input: None,
            field: None,
            value: None,
            min: None,
            max: None,
        };
        match self {
            ApiError::BadDate(d) => {
                p.parameter = Some(d.parameter.clone());
                p.input = Some(d.input.clone());
                p.field = d.field;
                p.value = d.value;
                p.min = d.min;
                p.max = d.max;
            }
            ApiError::Internal(_) => {
                p.detail = "the server could not complete this request; the error has been logged".into();
            }
            _ => {}
        }
        p
    }
}

pub use crate::chain::Chain;

impl From<StoreError> for ApiError {
    /// The caller's mistakes are 400s, the rest 500s.
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Read(e) => e.into(),
            e if e.is_bad_input() => ApiError::bad_request(e.to_string()),
            e => ApiError::internal(e),
        }
    }
}

impl From<ReadError> for ApiError {
    /// A bad cursor or search is a 400, a database failure a 500.
    fn from(e: ReadError) -> Self {
        if e.is_bad_input() {
            ApiError::bad_request(e.to_string())
        } else {
            ApiError::internal(e)
        }
    }
}

impl From<SqlError> for ApiError {
    /// The sandbox's refusal, timeout and syntax errors are 403, 408 and 400.
    fn from(e: SqlError) -> Self {
        match e {
            SqlError::Refused { reason } => ApiError::Forbidden {
                detail: format!("refused: {reason}; /api/sql is read-only"),
            },
            SqlError::Timeout { limit_ms } => ApiError::Timeout {
                detail: format!(
                    "the query ran longer than {limit_ms} ms and was interrupted; narrow it or add a LIMIT"
                ),
            },
            SqlError::Invalid { message } => ApiError::BadRequest {
                title: "Invalid SQL",
                detail: message,
            },
            e @ SqlError::Internal(_) => ApiError::internal(e),
        }
    }
}

impl From<serde_json::Error> for ApiError {
    /// Serializing a response failed: a 500.
    fn from(e: serde_json::Error) -> Self {
        ApiError::internal(e)
    }
}

/// An RFC 9457 problem details object, with tarikh's extension members for
/// bad dates.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem (`urn:tarikh:problem:invalid-date`).
    #[serde(rename = "type")]
    pub kind: String,
    /// A short summary of the kind, the same for every instance.
    pub title: String,
    /// The HTTP status, repeated for clients that only see the body.
    pub status: u16,
    /// What went wrong with this request, in words.
    pub detail: String,
    /// Request parameter or body member holding the bad date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
    /// The text the client sent for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<String>,
    /// `year`, `month` or `day`: the out-of-range part.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
    /// The out-of-range value of `field`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<i64>,
    /// The smallest value `field` may take.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    /// The largest value `field` may take.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            tracing::error!(error = %Chain(&self), status = status.as_u16(), "request failed");
        } else {
            tracing::debug!(error = %self, status = status.as_u16(), "request rejected");
        }
        let body = serde_json::to_vec(&self.problem()).unwrap_or_else(|_| b"{}".to_vec());
        let mut resp = (status, body).into_response();
        resp.headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if matches!(self, ApiError::Unauthorized) {
            resp.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"tarikh\""),
            );
        }
        resp
    }
}

/// Query-string extractor: like [`Query`], but a bad or unknown parameter is
/// a problem+json 400. Use it with structs marked `deny_unknown_fields`.
pub struct StrictQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for StrictQuery<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(v)) => Ok(StrictQuery(v)),
            Err(e) => Err(ApiError::BadRequest {
                title: "Invalid query parameters",
                detail: query_detail(&e.body_text()),
            }),
        }
    }
}

/// Trims axum's prefix off a query deserialization message.
fn query_detail(text: &str) -> String {
    text.strip_prefix("Failed to deserialize query string: ")
        .unwrap_or(text)
        .to_string()
}

/// The raw request body, with size-limit and read failures as problem+json.
pub struct Body(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for Body {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let limit = req.extensions().get::<BodyLimit>().map(|l| l.0);
        match Bytes::from_request(req, state).await {
            Ok(b) => Ok(Body(b)),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(ApiError::PayloadTooLarge {
                limit: limit.unwrap_or(0),
            }),
            Err(e) => Err(ApiError::bad_request(e.body_text())),
        }
    }
}

/// The configured body limit, put in request extensions so the 413 can say it.
#[derive(Clone, Copy, Debug)]
pub struct BodyLimit(pub usize);

/// A JSON body: invalid UTF-8 and malformed JSON are problem+json 400s that
/// say where the problem is.
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let Body(bytes) = Body::from_request(req, state).await?;
        parse_json(&bytes).map(JsonBody)
    }
}

/// Parses a JSON document, checking UTF-8 first so the message says which it is.
///
/// # Errors
/// [`ApiError::BadRequest`] naming the byte offset of invalid UTF-8, or the
/// line and column of the JSON error.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let text = utf8(bytes)?;
    serde_json::from_str(text).map_err(|e| ApiError::BadRequest {
        title: "Malformed JSON",
        detail: format!("malformed JSON: {e}"),
    })
}

/// Checks that a body is UTF-8.
///
/// # Errors
/// [`ApiError::BadRequest`] with the offset of the first invalid byte.
pub fn utf8(bytes: &[u8]) -> Result<&str, ApiError> {
    std::str::from_utf8(bytes).map_err(|e| ApiError::BadRequest {
        title: "Invalid UTF-8",
        detail: format!(
            "request body is not valid UTF-8 (invalid byte at offset {})",
            e.valid_up_to()
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{Calendar, Field};

    #[test]
    fn bad_date_names_parameter_field_and_range() {
        let err = ApiError::from_parse_day(
            "from",
            "30 اسفند 1400",
            ParseDayError::Invalid(DateError::OutOfRange {
                calendar: Calendar::Persian,
                field: Field::Day,
                value: 30,
                min: 1,
                max: 29,
                in_month: Some((1400, 12)),
            }),
        );
        assert_eq!(err.status(), StatusCode::BAD_REQUEST);
        let p = err.problem();
        assert_eq!(p.field, Some("day"));
        assert_eq!((p.value, p.min, p.max), (Some(30), Some(1), Some(29)));
        assert_eq!(p.parameter.as_deref(), Some("from"));
        assert!(
            p.detail.contains("from") && p.detail.contains("29 days"),
            "{}",
            p.detail
        );
    }

    #[test]
    fn internal_errors_hide_their_message_but_keep_their_source() {
        let err = ApiError::internal("database is locked at /secret/path");
        let p = err.problem();
        assert_eq!(p.status, 500);
        assert!(!p.detail.contains("secret"));
        assert_eq!(
            Chain(&err).to_string(),
            "internal error: database is locked at /secret/path"
        );
    }

    #[test]
    fn store_and_read_errors_map_to_their_status() {
        let bad = ApiError::from(StoreError::EmptyText);
        assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
        let cursor = ApiError::from(StoreError::Read(ReadError::BadCursor { reason: "x".into() }));
        assert_eq!(cursor.status(), StatusCode::BAD_REQUEST);
        let db = ApiError::from(StoreError::Db(sqlx::Error::PoolClosed));
        assert_eq!(db.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(std::error::Error::source(&db).is_some());
        let refused = ApiError::from(SqlError::Refused {
            reason: "a write".into(),
        });
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    }

    #[test]
    fn utf8_error_reports_offset() {
        let err = utf8(b"ab\xffcd").unwrap_err();
        assert!(err.to_string().contains("offset 2"), "{err}");
    }
}
