//! `GET|POST /api/sql`: read-only SQL on the read-only connection, as JSON or CSV.

use std::time::Duration;

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;

use super::error::{Body, StrictQuery, parse_json, utf8};
use super::{ApiError, AppState};
use crate::store::SqlResult;

/// Rows returned at most; `truncated` says when there were more.
pub const MAX_ROWS: usize = 1000;
/// A statement running longer is interrupted (408).
pub const TIME_LIMIT: Duration = Duration::from_secs(1);

/// Routes owned by this module.
pub fn routes() -> Router<AppState> {
    Router::new().route("/api/sql", get(sql_get).post(sql_post))
}

/// Query-string form.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SqlParams {
    /// One read-only SQL statement.
    pub q: Option<String>,
    /// json (default) or csv.
    pub format: Option<String>,
}

/// Body form (`application/json`); a `text/plain` or `application/sql` body
/// is the statement itself.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SqlBody {
    /// The statement: one query that only reads; writes, ATTACH, PRAGMA and
    /// `load_extension` are refused.
    pub q: String,
    /// `json` (the default) or `csv`.
    pub format: Option<String>,
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum Format {
    Json,
    Csv,
}

fn format_of(s: Option<&str>) -> Result<Format, ApiError> {
    match s {
        None | Some("json") => Ok(Format::Json),
        Some("csv") => Ok(Format::Csv),
        Some(other) => Err(ApiError::bad_request(format!(
            "format: unknown format {other:?}; expected json or csv"
        ))),
    }
}

async fn run(st: &AppState, q: &str, format: Format) -> Result<Response, ApiError> {
    if q.trim().is_empty() {
        return Err(ApiError::bad_request("q: an SQL statement is required"));
    }
    let result = st.store.run_readonly_sql(q, MAX_ROWS, TIME_LIMIT).await?;
    match format {
        Format::Json => Ok(Json(result).into_response()),
        Format::Csv => {
            let body = to_csv(&result).map_err(ApiError::internal)?;
            let mut resp = body.into_response();
            resp.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            );
            if result.truncated {
                resp.headers_mut()
                    .insert("x-tarikh-truncated", HeaderValue::from_static("true"));
            }
            Ok(resp)
        }
    }
}

/// Renders a result as CSV with a header row; NULL is an empty field.
///
/// # Errors
/// CSV writer failures (not expected for in-memory output).
pub fn to_csv(r: &SqlResult) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&r.columns)?;
    for row in &r.rows {
        w.write_record(row.iter().map(|v| match v {
            serde_json::Value::Null => String::new(),
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        }))?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// Runs one read-only statement: `{columns, rows, truncated, elapsed_ms}`.
#[utoipa::path(get, path = "/api/sql", params(SqlParams),
    responses((status = 200, description = "Rows (at most 1,000)", body = Object),
              (status = 400, description = "Invalid SQL or parameters", body = super::error::Problem, content_type = "application/problem+json"),
              (status = 403, description = "A write, ATTACH, PRAGMA change or load_extension", body = super::error::Problem, content_type = "application/problem+json"),
              (status = 408, description = "Ran over 1 s and was interrupted", body = super::error::Problem, content_type = "application/problem+json")))]
pub async fn sql_get(State(st): State<AppState>, StrictQuery(p): StrictQuery<SqlParams>) -> Result<Response, ApiError> {
    let format = format_of(p.format.as_deref())?;
    run(&st, p.q.as_deref().unwrap_or(""), format).await
}

/// As `GET /api/sql`, with the statement in the body.
#[utoipa::path(post, path = "/api/sql", request_body = SqlBody,
    responses((status = 200, description = "Rows (at most 1,000)", body = Object),
              (status = 403, description = "Refused", body = super::error::Problem, content_type = "application/problem+json"),
              (status = 408, description = "Timed out", body = super::error::Problem, content_type = "application/problem+json")))]
pub async fn sql_post(
    State(st): State<AppState>,
    headers: HeaderMap,
    StrictQuery(p): StrictQuery<SqlParams>,
    body: Body,
) -> Result<Response, ApiError> {
    let ctype = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("application/json");
    let mime = ctype.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    let (q, fmt) = match mime.as_str() {
        "text/plain" | "application/sql" => (utf8(&body.0)?.to_string(), p.format),
        "application/json" | "" => {
            let b: SqlBody = parse_json(&body.0)?;
            (b.q, b.format.or(p.format))
        }
        other => {
            return Err(ApiError::UnsupportedMediaType {
                detail: format!(
                    "content type {other:?} is not accepted; send application/json ({{\"q\": ...}}) or text/plain"
                ),
            });
        }
    };
    if p.q.is_some() {
        return Err(ApiError::bad_request(
            "q: give the statement either in the query string or in the body, not both",
        ));
    }
    run(&st, &q, format_of(fmt.as_deref())?).await
}
