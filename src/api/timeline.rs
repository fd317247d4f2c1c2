//! `GET /api/timeline`: the chronology as JSON, filtered and paged.

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderValue, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::NaiveDate;
use serde::Deserialize;

use super::error::StrictQuery;
use super::{ApiError, AppState};
use crate::calendar::{Calendar, HijriVariant};
use crate::lexicon::Lang;
use crate::store::read::{self, Cursor, MAX_LIMIT, Order, TimelineFilter, TimelineQuery};

/// Routes owned by this module.
pub fn routes() -> Router<AppState> {
    Router::new().route("/api/timeline", get(timeline))
}

/// Parameters of `/api/timeline`: the filters of [`FilterParams`] and paging.
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

/// The filters of the timeline, the iCalendar feed and the page's query
/// string, as sent; [`FilterParams::to_filter`] is their one validation.
#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct FilterParams {
    /// First day (inclusive), in any calendar (see `/api/timeline`).
    pub from: Option<String>,
    /// Last day (inclusive).
    pub to: Option<String>,
    /// How to read numeric `from`/`to`.
    pub calendar: Option<String>,
    /// Only events with a source in this language.
    pub lang: Option<String>,
    /// Only events with a source from this outlet.
    pub source: Option<String>,
    /// Full-text words.
    pub q: Option<String>,
    /// Only events with at least this many sources.
    pub min_sources: Option<i64>,
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
    crate::extract::parse_day(input, cal, Some(variant))
        .map(|(d, _)| d)
        .map_err(|e| ApiError::from_parse_day(name, input, e))
}

/// Checks a language filter.
///
/// # Errors
/// 400 for anything but fa, ar, en, ur.
pub fn parse_lang(s: Option<&str>) -> Result<Option<Lang>, ApiError> {
    match s {
        None => Ok(None),
        Some("fa") => Ok(Some(Lang::Fa)),
        Some("ar") => Ok(Some(Lang::Ar)),
        Some("en") => Ok(Some(Lang::En)),
        Some("ur") => Ok(Some(Lang::Ur)),
        Some(other) => Err(ApiError::bad_request(format!(
            "lang: unknown language {other:?}; expected fa, ar, en or ur"
        ))),
    }
}

impl FilterParams {
    /// Validates the filters.
    ///
    /// # Errors
    /// 400 for a bad date, calendar, language, minimum or search.
    pub fn to_filter(&self) -> Result<TimelineFilter, ApiError> {
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
        if let Some(m) = self.min_sources
            && m < 0
        {
            return Err(ApiError::bad_request(format!("min_sources: {m} must not be negative")));
        }
        let q = present(&self.q).map(str::to_string);
        if let Some(text) = &q {
            read::fts_query(text)?;
        }
        Ok(TimelineFilter {
            from,
            to,
            lang: parse_lang(present(&self.lang))?,
            source: present(&self.source).map(str::to_string),
            q,
            min_sources: self.min_sources,
        })
    }
}

impl TimelineParams {
    /// The filter part of the parameters.
    pub fn filters(&self) -> FilterParams {
        FilterParams {
            from: self.from.clone(),
            to: self.to.clone(),
            calendar: self.calendar.clone(),
            lang: self.lang.clone(),
            source: self.source.clone(),
            q: self.q.clone(),
            min_sources: self.min_sources,
        }
    }

    /// Validates the parameters into a store query.
    ///
    /// # Errors
    /// 400 for a bad filter, limit or cursor.
    pub fn to_query(&self) -> Result<TimelineQuery, ApiError> {
        let filter = self.filters().to_filter()?;
        let limit = self.limit.unwrap_or(read::DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::bad_request(format!(
                "limit: {limit} is out of range 1–{MAX_LIMIT}"
            )));
        }
        let cursor = present(&self.cursor).map(Cursor::decode).transpose()?;
        Ok(TimelineQuery {
            filter,
            limit,
            cursor,
            order: self.order.unwrap_or_default(),
        })
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
pub async fn timeline(
    State(st): State<AppState>,
    uri: Uri,
    StrictQuery(params): StrictQuery<TimelineParams>,
) -> Result<Response, ApiError> {
    let key = format!("timeline?{}", uri.query().unwrap_or(""));
    let generation = st.generation();
    if let Some(body) = st.cache.get(&key, generation) {
        return Ok(json_bytes(body));
    }
    let q = params.to_query()?;
    let span = st.cache.max_span(&st).await?;
    let page = st.read.timeline_page(&q, span).await?;
    let body = Bytes::from(serde_json::to_vec(&page)?);
    st.cache.put(key, generation, body.clone());
    Ok(json_bytes(body))
}
