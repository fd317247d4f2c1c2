//! `POST /api/documents` (ingest one article as JSON, many as NDJSON, or
//! the documents of an RSS/Atom feed, an HTML page or a CSV/TSV export) and
//! `GET /api/documents/{id}`.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

use super::error::{Body, StrictQuery, parse_json, utf8};
use super::events::{NoParams, parse_id};
use super::{ApiError, AppState};
use crate::extract::Mention;
use crate::input::{self, Format};
use crate::lexicon::Lang;
use crate::store::{Ingested, NewDocument, read};

/// Routes owned by this module.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/documents", post(create))
        .route("/api/documents/{id}", get(document))
}

/// One article to ingest.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentIn {
    /// The article text (required, non-empty).
    pub text: String,
    /// Headline, kept for the timeline and the feed.
    pub title: Option<String>,
    /// Where the article was published; shown as its source link.
    pub url: Option<String>,
    /// The outlet (`IRNA`, `Al Jazeera`, ...).
    pub source: Option<String>,
    /// Publication time as supplied; its day (or `2022-01-24T12:12`) becomes
    /// the document creation time when `dct` is absent.
    pub published_at: Option<String>,
    /// fa, ar, en, ur; detected from the script when absent or `auto`.
    pub lang: Option<String>,
    /// Document creation time for relative dates: `2022-01-24` or `2022-01-24T12:12`.
    pub dct: Option<String>,
    /// Your identifier for the article (kept, not interpreted): a string,
    /// or a number kept exactly as written (a 23-digit id stays 23 digits).
    #[schema(value_type = Option<Object>)]
    pub id: Option<Box<serde_json::value::RawValue>>,
}

/// What ingesting one article did.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DocumentOut {
    /// The stored document's id (`GET /api/documents/{id}`).
    pub document_id: i64,
    /// False when the same text was already stored.
    pub created: bool,
    /// The date expressions found, with code-point spans and values.
    #[schema(value_type = Vec<Object>)]
    pub mentions: Vec<Mention>,
    /// Events created or joined.
    pub events: Vec<i64>,
    /// How many of its mentions joined an existing event.
    pub merges: usize,
}

/// What ingesting an NDJSON batch did.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct BatchOut {
    /// Documents stored for the first time.
    pub created: usize,
    /// Documents whose text was already stored (left as they were).
    pub duplicates: usize,
    /// Each line's result, in the order of the lines.
    pub documents: Vec<DocumentOut>,
}

/// Reads a language code.
///
/// # Errors
/// 400 naming the member.
pub fn lang_of(field: &str, s: Option<&str>) -> Result<Option<Lang>, ApiError> {
    match s.map(str::trim) {
        None | Some("" | "auto") => Ok(None),
        Some(code) => Lang::parse(code).map(Some).ok_or_else(|| {
            ApiError::bad_request(format!(
                "{field}: unknown language {code:?}; expected fa, ar, en, ur or auto"
            ))
        }),
    }
}

impl DocumentIn {
    /// Validates into a store document; `at` names the request part in errors.
    ///
    /// A `published_at` must be readable (as `tarikh ingest` reads it: ISO
    /// 8601, RFC 3339 or RFC 2822), so a typo is refused rather than stored
    /// and silently ignored.
    ///
    /// # Errors
    /// 400 for empty text, an unknown language, or an unreadable `dct` or
    /// `published_at` (naming the member and its value).
    pub fn into_new(self, at: &str) -> Result<NewDocument, ApiError> {
        if self.text.trim().is_empty() {
            return Err(ApiError::bad_request(format!("{at}text: must not be empty")));
        }
        let lang = lang_of(&format!("{at}lang"), self.lang.as_deref())?;
        let published = match self.published_at.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(p) => Some(input::published(p).ok_or_else(|| {
                ApiError::unreadable_date(
                    at,
                    "published_at",
                    p,
                    "a date or time (2022-01-24, 2022-01-24T12:12+03:30, RFC 2822)",
                )
            })?),
            None => None,
        };
        let dct = match self.dct.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => Some(
                crate::extract::parse_dct(s)
                    .ok_or_else(|| ApiError::unreadable_date(at, "dct", s, crate::store::DCT_FORMS))?,
            ),
            None => published,
        };
        let external_id = self
            .id
            .map(|raw| serde_json::from_str::<String>(raw.get()).unwrap_or_else(|_| raw.get().trim().to_string()));
        Ok(NewDocument {
            text: self.text,
            title: self.title,
            url: self.url,
            source: self.source,
            published_at: self.published_at,
            lang,
            dct,
            external_id,
        })
    }
}

fn out(i: Ingested) -> DocumentOut {
    DocumentOut {
        document_id: i.document_id,
        created: i.created,
        mentions: i.mentions,
        events: i.events,
        merges: i.merges,
    }
}

/// Proof that a write carries the configured bearer token (or that none is
/// configured). An extractor, so the token is checked from the headers
/// before the body is read: an oversized unauthenticated body gets 401, not 413.
pub struct WriteAllowed;

impl axum::extract::FromRequestParts<AppState> for WriteAllowed {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, st: &AppState) -> Result<Self, ApiError> {
        authorize(st, &parts.headers).map(|()| WriteAllowed)
    }
}

/// Checks the bearer token when one is configured.
///
/// # Errors
/// [`ApiError::Unauthorized`] when it is missing or wrong.
fn authorize(st: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(token) = st.token.as_deref() else {
        return Ok(());
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim);
    match given {
        Some(g) if constant_time_eq(g.as_bytes(), token.as_bytes()) => Ok(()),
        _ => Err(ApiError::Unauthorized),
    }
}

/// Compares without stopping at the first difference, so the time taken does
/// not reveal how much of a guessed token was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Most documents in one NDJSON request: a batch is one transaction that
/// must finish well inside the request time limit (about 2,000 short
/// documents a second on two cores; 30 s by default).
pub const MAX_BATCH_DOCS: usize = 1000;

/// Ingests one article (`application/json`), many (`application/x-ndjson`),
/// or the documents of a feed, page or table. A batch is validated
/// completely, then stored in one transaction: all of it or nothing.
#[utoipa::path(post, path = "/api/documents", request_body(content = DocumentIn, description = "One article as JSON, many as application/x-ndjson, or the documents of an RSS/Atom feed (application/rss+xml, application/atom+xml), an HTML page (text/html) or a CSV/TSV export (text/csv, text/tab-separated-values)"),
    responses((status = 201, description = "Stored (for NDJSON: at least one new)", body = DocumentOut),
              (status = 200, description = "Already stored (duplicate text)", body = DocumentOut),
              (status = 400, description = "Malformed JSON, invalid UTF-8, missing text", body = super::error::Problem, content_type = "application/problem+json"),
              (status = 401, description = "Token required", body = super::error::Problem, content_type = "application/problem+json"),
              (status = 413, description = "Body too large, or more than 1,000 NDJSON documents", body = super::error::Problem, content_type = "application/problem+json")),
    security(("bearer" = [])))]
pub async fn create(
    State(st): State<AppState>,
    WriteAllowed: WriteAllowed,
    headers: HeaderMap,
    StrictQuery(NoParams {}): StrictQuery<NoParams>,
    body: Body,
) -> Result<Response, ApiError> {
    let ctype = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("application/json");
    let mime = ctype.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    match mime.as_str() {
        "application/json" | "" => {
            let doc: DocumentIn = parse_json(&body.0)?;
            let new = doc.into_new("")?;
            let ingested = st.store.ingest(new).await;
            st.changed();
            let o = out(ingested?);
            let status = if o.created { StatusCode::CREATED } else { StatusCode::OK };
            Ok((status, Json(o)).into_response())
        }
        "application/x-ndjson" | "application/jsonl" | "application/jsonlines" => {
            let text = utf8(&body.0)?;
            let mut docs = Vec::new();
            for (n, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let at = format!("line {}: ", n + 1);
                let doc: DocumentIn = serde_json::from_str(line).map_err(|e| ApiError::BadRequest {
                    title: "Malformed JSON",
                    detail: format!("{at}malformed JSON: {e}"),
                })?;
                docs.push(doc.into_new(&at)?);
            }
            if docs.is_empty() {
                return Err(ApiError::bad_request("the NDJSON body holds no documents"));
            }
            store_batch(&st, docs).await
        }
        "application/rss+xml" | "application/atom+xml" | "application/xml" | "text/xml" => {
            store_batch(&st, read_input(Format::Feed, &body.0, ctype)?).await
        }
        "text/csv" => store_batch(&st, read_input(Format::Csv, &body.0, ctype)?).await,
        "text/tab-separated-values" => store_batch(&st, read_input(Format::Tsv, &body.0, ctype)?).await,
        "text/html" | "application/xhtml+xml" => {
            let Some(new) = read_input(Format::Html, &body.0, ctype)?.into_iter().next() else {
                return Err(ApiError::bad_request("the page holds no article"));
            };
            let ingested = st.store.ingest(new).await;
            st.changed();
            let o = out(ingested?);
            let status = if o.created { StatusCode::CREATED } else { StatusCode::OK };
            Ok((status, Json(o)).into_response())
        }
        other => Err(ApiError::UnsupportedMediaType {
            detail: format!(
                "content type {other:?} is not accepted; send application/json, application/x-ndjson, \
                 application/rss+xml, application/atom+xml, text/html, text/csv or text/tab-separated-values"
            ),
        }),
    }
}

/// The documents of a feed, page or table body, each readable: a body with
/// one bad record is refused whole (400, naming the record) before anything
/// is stored. `ctype` carries the page's charset.
fn read_input(format: Format, body: &[u8], ctype: &str) -> Result<Vec<NewDocument>, ApiError> {
    let opts = input::Options {
        charset: Some(ctype.to_string()),
        ..input::Options::default()
    };
    let mut docs = Vec::new();
    for r in input::parse(format, body, &opts) {
        let at = r.place.map(|p| format!("{p}: ")).unwrap_or_default();
        docs.push(r.doc.map_err(|e| ApiError::BadRequest {
            title: "Unreadable input",
            detail: format!("{at}{e}"),
        })?);
    }
    if docs.is_empty() {
        return Err(ApiError::bad_request("the body holds no documents"));
    }
    Ok(docs)
}

/// Stores validated documents in one transaction (at most
/// [`MAX_BATCH_DOCS`]): 201 with each one's result if any was new, else 200.
async fn store_batch(st: &AppState, docs: Vec<NewDocument>) -> Result<Response, ApiError> {
    if docs.len() > MAX_BATCH_DOCS {
        return Err(ApiError::TooManyDocuments {
            count: docs.len(),
            limit: MAX_BATCH_DOCS,
        });
    }
    let stored = st.store.ingest_atomic(docs).await;
    st.changed();
    let documents: Vec<DocumentOut> = stored?.into_iter().map(out).collect();
    let created = documents.iter().filter(|d| d.created).count();
    let batch = BatchOut {
        created,
        duplicates: documents.len() - created,
        documents,
    };
    let status = if batch.created > 0 {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(batch)).into_response())
}

/// A stored document with its mentions (spans and values) and events.
#[utoipa::path(get, path = "/api/documents/{id}", params(("id" = i64, Path, description = "Document id")),
    responses((status = 200, description = "The document", body = read::DocumentDetail),
              (status = 404, description = "No such document", body = super::error::Problem, content_type = "application/problem+json")))]
pub async fn document(
    State(st): State<AppState>,
    raw: Result<Path<String>, PathRejection>,
    StrictQuery(NoParams {}): StrictQuery<NoParams>,
) -> Result<Response, ApiError> {
    let id = parse_id("document", raw)?;
    match st.read.document(id).await? {
        Some(d) => Ok(Json(d).into_response()),
        None => Err(ApiError::NotFound {
            what: format!("document {id}"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_compare() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
    }
}
