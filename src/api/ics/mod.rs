//! `GET /api/timeline.ics`: the chronology as an RFC 5545 feed, streamed.
//!
//! The events come from the store in batches ([`Reader::feed_batch`]) and
//! are rendered ([`render`]) into chunks handed to the connection as they
//! fill, so a feed of 100,000 events is never held in memory at once.
//!
//! [`Reader::feed_batch`]: crate::store::read::Reader::feed_batch

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::error::{Chain, StrictQuery};
use super::timeline::FilterParams;
use super::{ApiError, AppState};
use crate::store::read::Cursor;

pub mod render;

pub use render::{FOOTER, header, push_event};

/// Routes owned by this module.
pub fn routes() -> axum::Router<AppState> {
    axum::Router::new().route("/api/timeline.ics", axum::routing::get(feed))
}

/// Bytes rendered before a chunk is handed to the connection.
const CHUNK: usize = 64 * 1024;

/// The timeline as an iCalendar feed, streamed from the database.
#[utoipa::path(get, path = "/api/timeline.ics", params(FilterParams),
    responses((status = 200, description = "RFC 5545 calendar, one all-day VEVENT per event", content_type = "text/calendar"),
              (status = 400, description = "Unknown parameter or bad date", body = super::error::Problem, content_type = "application/problem+json")))]
pub async fn feed(State(st): State<AppState>, StrictQuery(p): StrictQuery<FilterParams>) -> Result<Response, ApiError> {
    let filter = p.to_filter()?;
    let span = st.cache.max_span(&st).await?;
    let read = st.read.clone();
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(8);
    tokio::spawn(async move {
        let mut buf = header("tarikh chronology");
        let mut after: Option<Cursor> = None;
        loop {
            let batch = match read.feed_batch(&filter, span, after.as_ref()).await {
                Ok(b) => b,
                Err(e) => {
                    tracing::error!(error = %Chain(&e), "iCalendar feed aborted");
                    let _ = tx.send(Err(std::io::Error::other("feed aborted"))).await;
                    return;
                }
            };
            for ev in &batch.events {
                push_event(&mut buf, ev, "tarikh");
                if buf.len() >= CHUNK {
                    let chunk = Bytes::from(std::mem::replace(&mut buf, String::with_capacity(CHUNK + 4096)));
                    if tx.send(Ok(chunk)).await.is_err() {
                        return; // client went away
                    }
                }
            }
            match batch.next {
                Some(next) => after = Some(next),
                None => break,
            }
        }
        buf.push_str(FOOTER);
        let _ = tx.send(Ok(Bytes::from(buf))).await;
    });
    // Fused: a layer (gzip) may poll the body once more after its end.
    let stream = futures::StreamExt::fuse(futures::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|item| (item, rx))
    }));
    let mut resp = axum::body::Body::from_stream(stream).into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("inline; filename=\"tarikh.ics\""),
    );
    Ok(resp)
}
