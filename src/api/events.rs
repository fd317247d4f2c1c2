//! `GET /api/events/{id}`: one event with all its evidence and merge reasons.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;

use super::error::StrictQuery;
use super::{ApiError, AppState};
use crate::store::read;

/// Routes owned by this module.
pub fn routes() -> Router<AppState> {
    Router::new().route("/api/events/{id}", get(event))
}

/// A query string that must be empty: any parameter is unknown.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoParams {}

/// Reads a numeric id from the path.
///
/// # Errors
/// 404 naming `what` when the id is not a positive integer (no such resource);
/// 400 when the path segment cannot be decoded.
pub fn parse_id(what: &str, raw: Result<Path<String>, PathRejection>) -> Result<i64, ApiError> {
    let Path(raw) = raw.map_err(|e| ApiError::bad_request(e.body_text()))?;
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| ApiError::NotFound {
            what: format!("{what} {raw:?}"),
        })
}

/// One event, every supporting mention, and why its sources were merged.
#[utoipa::path(get, path = "/api/events/{id}", params(("id" = i64, Path, description = "Event id")),
    responses((status = 200, description = "The event", body = read::EventDetail),
              (status = 404, description = "No such event", body = super::error::Problem, content_type = "application/problem+json")))]
pub async fn event(
    State(st): State<AppState>,
    raw: Result<Path<String>, PathRejection>,
    StrictQuery(NoParams {}): StrictQuery<NoParams>,
) -> Result<Response, ApiError> {
    let id = parse_id("event", raw)?;
    match st.read.event(id).await? {
        Some(ev) => Ok(Json(ev).into_response()),
        None => Err(ApiError::NotFound {
            what: format!("event {id}"),
        }),
    }
}
