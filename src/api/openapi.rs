//! `GET /api/openapi.json`: the API described with utoipa.

use axum::routing::get;
use axum::{Json, Router};
use utoipa::OpenApi;

use super::AppState;

/// The OpenAPI document of every endpoint.
#[derive(OpenApi)]
#[openapi(
    info(title = "tarikh", description = "Calendar-correct chronologies from Persian, Arabic and English news. \
        Errors are RFC 9457 application/problem+json."),
    paths(
        super::timeline::timeline,
        super::ics::feed,
        super::events::event,
        super::documents::create,
        super::documents::document,
        super::sql::sql_get,
        super::sql::sql_post,
        super::convert::convert,
        super::extract::extract_text,
    ),
    components(schemas(super::error::Problem)),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Routes owned by this module.
pub fn routes() -> Router<AppState> {
    Router::new().route("/api/openapi.json", get(|| async { Json(ApiDoc::openapi()) }))
}
