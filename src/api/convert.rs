//! `GET /api/convert`: one day in every calendar, as `tarikh convert --json` prints it.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;

use super::error::StrictQuery;
use super::timeline::parse_calendar;
use super::{ApiError, AppState};
use crate::calendar::Conversion;
use crate::day_input::convert_input;

/// Routes owned by this module.
pub fn routes() -> Router<AppState> {
    Router::new().route("/api/convert", get(convert))
}

/// Parameters of `/api/convert`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ConvertParams {
    /// `2022-01-12`, `1400/10/22` (with `calendar`), or written: `۲۲ دی ۱۴۰۰`, `24 كانون الثاني 2022`.
    pub date: Option<String>,
    /// How to read a numeric date: gregorian (default), persian, hijri, hijri-civil.
    pub calendar: Option<String>,
}

/// The day in the Gregorian, Solar Hijri and lunar Hijri calendars.
#[utoipa::path(get, path = "/api/convert", params(ConvertParams),
    responses((status = 200, description = "The day in every calendar", body = Conversion),
              (status = 400, description = "Unreadable or impossible date (names the field and its range)", body = super::error::Problem, content_type = "application/problem+json")))]
pub async fn convert(
    State(_st): State<AppState>,
    StrictQuery(p): StrictQuery<ConvertParams>,
) -> Result<Response, ApiError> {
    let date = p.date.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let Some(date) = date else {
        return Err(ApiError::bad_request("date: a date is required"));
    };
    let (cal, variant) = parse_calendar(p.calendar.as_deref().map(str::trim).filter(|s| !s.is_empty()))?;
    let conv = convert_input(date, cal, variant).map_err(|e| ApiError::from_parse_day("date", date, e))?;
    Ok(Json(conv).into_response())
}
