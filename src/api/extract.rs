//! `POST /api/extract`: the date expressions in a text, stored nowhere.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

use super::documents::lang_of;
use super::error::{JsonBody, StrictQuery};
use super::events::NoParams;
use super::{ApiError, AppState};
use crate::extract::{Mention, Options, Types, extract};

/// Routes owned by this module.
pub fn routes() -> Router<AppState> {
    Router::new().route("/api/extract", post(extract_text))
}

/// A text to read.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtractIn {
    /// The text to search for dates (required).
    pub text: String,
    /// Document creation time: `2022-01-24` or `2022-01-24T12:12`; a dateline is used when absent.
    pub dct: Option<String>,
    /// fa, ar, en, ur or auto.
    pub lang: Option<String>,
    /// Which TIMEX3 types: `dates` (the default: DATE and TIME naming days) or
    /// `all` (also DURATION, SET and references such as `PRESENT_REF`).
    pub types: Option<TypesIn>,
}

/// The TIMEX3 types asked for, as `tarikh extract --types` names them.
#[derive(Copy, Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum TypesIn {
    /// DATE and TIME expressions that name days: what the timeline places.
    Dates,
    /// Every TIMEX3 type: also DURATION, SET and vague references.
    All,
}

impl From<TypesIn> for Types {
    fn from(t: TypesIn) -> Self {
        match t {
            TypesIn::Dates => Types::Placed,
            TypesIn::All => Types::All,
        }
    }
}

/// The mentions found.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ExtractOut {
    /// Every date expression found, with code-point spans and values.
    #[schema(value_type = Vec<Object>)]
    pub mentions: Vec<Mention>,
    /// The document date relative dates were resolved against: the `dct`
    /// sent, else the text's dateline (`2022-01-24T00:00:00`); null when
    /// neither, and relative dates were left out.
    #[schema(value_type = Option<String>)]
    pub dct: Option<chrono::NaiveDateTime>,
}

/// Finds and normalizes every date expression in `text`.
#[utoipa::path(post, path = "/api/extract", request_body = ExtractIn,
    responses((status = 200, description = "Mentions (code-point spans)", body = ExtractOut),
              (status = 400, description = "Malformed JSON or bad dct/lang", body = super::error::Problem, content_type = "application/problem+json")))]
pub async fn extract_text(
    State(_st): State<AppState>,
    StrictQuery(NoParams {}): StrictQuery<NoParams>,
    JsonBody(body): JsonBody<ExtractIn>,
) -> Result<Response, ApiError> {
    let lang = lang_of("lang", body.lang.as_deref())?;
    let dct = match body.dct.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => Some(
            crate::extract::parse_dct(s)
                .ok_or_else(|| ApiError::unreadable_date("", "dct", s, crate::store::DCT_FORMS))?,
        ),
        None => None,
    };
    let opts = Options {
        dct,
        lang,
        types: body.types.map_or(Types::Placed, Types::from),
    };
    // Extraction is CPU-bound; keep it off the async workers.
    let text = body.text;
    let found = tokio::task::spawn_blocking(move || extract(&text, &opts))
        .await
        .map_err(ApiError::internal)?;
    Ok(Json(ExtractOut {
        mentions: found.mentions,
        dct: found.dct,
    })
    .into_response())
}
