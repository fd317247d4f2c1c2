//! `GET /api/timeline`: the chronology as JSON, filtered and paged.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::NaiveDate;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::{ApiError, AppState};
use crate::calendar::{Calendar, HijriVariant};
use crate::extract::ParseDayError;
use crate::store::read::{self, Cursor, MAX_LIMIT, Order, ReadError, TimelineQuery};

/// Routes owned by this module.
pub fn routes() -> Router<AppState> {
    Router::new().route("/api/timeline", get(timeline))
}

/// Filters shared by the JSON timeline and the iCalendar feed.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct TimelineParams {
    /// First day (inclusive): `2022-01-01`, `1400-10-01` with `calendar=persian`, or written (`۱ دی ۱۴۰۰`).
    pub from: Option<String>,
    /// Last day (inclusive), read like `from`.
    pub to: Option<String>,
    /// How to read numeric `from`/`to`: gregorian (default), persian, hijri (Umm al-Qura) or hijri-civil.
    pub calendar: Option<String>,
    /// Only events with a source in this language: fa, ar, en, ur.
    pub lang: Option<String>,
    /// Only events with a source from this outlet (exact match).
    pub source: Option<String>,
    /// Full-text words; all must occur in a supporting sentence (normalized: ي/ی, the Arabic article, digits).
    pub q: Option<String>,
    /// Only events supported by at least this many distinct documents.
    pub min_sources: Option<i64>,
    /// Page size, 1–500 (default 100).
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// asc (default) or desc.
    #[param(value_type = Option<String>)]
    pub order: Option<Order>,
}

/// Parses a strict query struct from a URI, as a problem+json 400 on failure.
///
/// # Errors
/// [`ApiError::BadRequest`] naming the unknown or malformed parameter.
pub fn strict_query<T: DeserializeOwned>(uri: &Uri) -> Result<T, ApiError> {
    Query::<T>::try_from_uri(uri)
        .map(|Query(v)| v)
        .map_err(|e| ApiError::BadRequest {
            title: "Invalid query parameters",
            detail: {
                let t = e.body_text();
                t.strip_prefix("Failed to deserialize query string: ")
                    .unwrap_or(&t)
                    .to_string()
            },
        })
}

/// `None` for a missing or blank parameter.
fn present(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Reads the `calendar` parameter.
///
/// # Errors
/// 400 for an unknown calendar name.
pub fn parse_calendar(s: Option<&str>) -> Result<(Option<Calendar>, HijriVariant), ApiError> {
    match s {
        None => Ok((None, HijriVariant::UmmAlQura)),
        Some("gregorian") => Ok((Some(Calendar::Gregorian), HijriVariant::UmmAlQura)),
        Some("persian") => Ok((Some(Calendar::Persian), HijriVariant::UmmAlQura)),
        Some("hijri") => Ok((Some(Calendar::Hijri), HijriVariant::UmmAlQura)),
        Some("hijri-civil") => Ok((Some(Calendar::Hijri), HijriVariant::Civil)),
        Some(other) => Err(ApiError::bad_request(format!(
            "calendar: unknown calendar {other:?}; expected gregorian, persian, hijri or hijri-civil"
        ))),
    }
}

/// Reads one day from a request parameter: numeric in `cal` (Gregorian by
/// default), else written in any supported language.
///
/// # Errors
/// [`ApiError::BadDate`] naming `name`, and for an impossible day the field
/// and its allowed range.
pub fn parse_day_param(
    name: &str,
    input: &str,
    cal: Option<Calendar>,
    variant: HijriVariant,
) -> Result<NaiveDate, ApiError> {
    match crate::calendar::parse_numeric(input, cal.unwrap_or(Calendar::Gregorian), variant) {
        Some(Ok(d)) => Ok(d),
        Some(Err(e)) => Err(ApiError::from_parse_day(name, input, ParseDayError::Invalid(e))),
        None => crate::extract::parse_day(input, cal, Some(variant))
            .map(|(d, _)| d)
            .map_err(|e| ApiError::from_parse_day(name, input, e)),
    }
}

/// Checks a language filter.
///
/// # Errors
/// 400 for anything but fa, ar, en, ur.
pub fn parse_lang(s: Option<&str>) -> Result<Option<String>, ApiError> {
    match s {
        None => Ok(None),
        Some(l @ ("fa" | "ar" | "en" | "ur")) => Ok(Some(l.to_string())),
        Some(other) => Err(ApiError::bad_request(format!(
            "lang: unknown language {other:?}; expected fa, ar, en or ur"
        ))),
    }
}

impl TimelineParams {
    /// Validates the parameters into a store query.
    ///
    /// # Errors
    /// 400 for a bad date, calendar, language, limit, cursor or search.
    pub fn to_query(&self) -> Result<TimelineQuery, ApiError> {
        let (cal, variant) = parse_calendar(present(&self.calendar))?;
        let from = present(&self.from)
            .map(|s| parse_day_param("from", s, cal, variant))
            .transpose()?;
        let to = present(&self.to)
            .map(|s| parse_day_param("to", s, cal, variant))
            .transpose()?;
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            return Err(ApiError::bad_request(format!("from ({f}) is after to ({t})")));
        }
        let limit = self.limit.unwrap_or(read::DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::bad_request(format!(
                "limit: {limit} is out of range 1–{MAX_LIMIT}"
            )));
        }
        if let Some(m) = self.min_sources
            && m < 0
        {
            return Err(ApiError::bad_request(format!("min_sources: {m} must not be negative")));
        }
        let order = self.order.unwrap_or_default();
        let cursor = present(&self.cursor)
            .map(Cursor::decode)
            .transpose()
            .map_err(read_error)?;
        let q = present(&self.q).map(str::to_string);
        if let Some(text) = &q {
            read::fts_query(text).map_err(read_error)?;
        }
        Ok(TimelineQuery {
            from,
            to,
            lang: parse_lang(present(&self.lang))?,
            source: present(&self.source).map(str::to_string),
            q,
            min_sources: self.min_sources,
            limit,
            cursor,
            order,
        })
    }
}

/// Maps a read error to the HTTP edge.
pub fn read_error(e: ReadError) -> ApiError {
    match e {
        ReadError::BadCursor { .. } | ReadError::EmptySearch { .. } => ApiError::bad_request(e.to_string()),
        ReadError::Db(e) => ApiError::internal(e),
    }
}

/// A JSON response from already-serialized bytes.
pub fn json_bytes(body: Bytes) -> Response {
    let mut resp = body.into_response();
    resp.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    resp
}

/// Events in chronological order, with labels in every calendar and their sources.
#[utoipa::path(get, path = "/api/timeline", params(TimelineParams),
    responses((status = 200, description = "One page of events", body = read::TimelinePage),
              (status = 400, description = "Unknown parameter, bad date, cursor or limit", body = super::error::Problem, content_type = "application/problem+json")))]
pub async fn timeline(State(st): State<AppState>, uri: Uri) -> Result<Response, ApiError> {
    let key = format!("timeline?{}", uri.query().unwrap_or(""));
    let generation = st.generation();
    if let Some(body) = st.cache.get(&key, generation) {
        return Ok(json_bytes(body));
    }
    let params: TimelineParams = strict_query(&uri)?;
    let q = params.to_query()?;
    let span = st.cache.max_span(&st).await.map_err(ApiError::internal)?;
    let page = read::timeline_page(&st.read, &q, span).await.map_err(read_error)?;
    let body = Bytes::from(serde_json::to_vec(&page).map_err(ApiError::internal)?);
    st.cache.put(key, generation, body.clone());
    Ok(json_bytes(body))
}
