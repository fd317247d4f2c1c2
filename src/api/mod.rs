//! The REST API, the iCalendar feed and the page.
//!
//! [`router`] builds the whole HTTP surface from an [`AppState`]; each module
//! owns its routes. [`serve`] runs it: binds, optionally loads the demo
//! corpus, and shuts down gracefully on SIGTERM or ctrl-c, letting in-flight
//! requests (and ingests) finish.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use tokio::net::TcpListener;

use crate::store::Store;
use crate::store::read::Reader;

pub mod cache;
pub mod conditional;
pub mod convert;
pub mod demo;
pub mod documents;
pub mod error;
pub mod events;
pub mod extract;
pub mod head;
pub mod ics;
pub mod listen;
pub mod openapi;
pub mod sql;
pub mod static_files;
pub mod timeline;

pub use error::ApiError;

/// How the server runs.
#[derive(Clone, Debug)]
pub struct ServeConfig {
    /// The SQLite database file; created, with its schema, if missing.
    pub db: PathBuf,
    /// `host:port`; port 0 picks a free one.
    pub addr: String,
    /// Ingest the bundled demo corpus before serving.
    pub demo: bool,
    /// Bearer token required for writes; None leaves writes open.
    pub token: Option<String>,
    /// Largest request body in bytes (413 above).
    pub max_body: usize,
    /// Longest a request may take before a 503.
    pub request_timeout: Duration,
    /// Requests processed at once; more wait their turn.
    pub concurrency: usize,
    /// Feeds to keep following while serving (`serve --follow`), and how.
    pub follow: Option<(Vec<String>, crate::follow::FollowConfig)>,
    /// What one `/api/sql` statement may use.
    pub sql_limits: crate::store::SandboxLimits,
    /// Header-read and idle timeouts, and the cap on open connections.
    pub connections: listen::ConnectionLimits,
    /// A cap on SQLite's heap for the whole process (see
    /// [`crate::store::set_sqlite_heap_limit`]); None leaves it unlimited.
    pub sqlite_heap_limit: Option<i64>,
}

impl ServeConfig {
    /// Defaults for a database path: 127.0.0.1:8080, 5 MB bodies, 30 s, 256 at once.
    pub fn new(db: impl Into<PathBuf>) -> Self {
        ServeConfig {
            db: db.into(),
            addr: "127.0.0.1:8080".into(),
            demo: false,
            token: None,
            max_body: 5 * 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            concurrency: 256,
            follow: None,
            sql_limits: crate::store::SandboxLimits::default(),
            connections: listen::ConnectionLimits::default(),
            sqlite_heap_limit: None,
        }
    }
}

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    /// The database, for writes and the `/api/sql` sandbox.
    pub store: Arc<Store>,
    /// The read side for the page queries (timeline, feed, details); user
    /// SQL goes through [`Store::run_readonly_sql`] on the store's own pool.
    pub read: Reader,
    /// Bearer token required for writes; None leaves writes open.
    pub token: Option<Arc<str>>,
    /// Largest request body in bytes; named in the 413.
    pub max_body: usize,
    /// Longest a request may take before a 503.
    pub request_timeout: Duration,
    /// Requests processed at once; more wait their turn.
    pub concurrency: usize,
    /// Bumped whenever the database may have changed; keys cached pages.
    pub generation: Arc<AtomicU64>,
    /// Rendered timeline pages, keyed by query and generation.
    pub cache: Arc<cache::PageCache>,
}

impl AppState {
    /// State over an open store with default limits and no token.
    pub fn new(store: Store) -> Self {
        AppState {
            read: store.reader(),
            store: Arc::new(store),
            token: None,
            max_body: 5 * 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            concurrency: 256,
            generation: Arc::new(AtomicU64::new(1)),
            cache: Arc::new(cache::PageCache::new(1024)),
        }
    }

    /// The current data generation (see [`AppState::changed`]).
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Marks the data as changed, invalidating cached pages.
    pub fn changed(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
    }
}

/// The whole HTTP surface: `/api/...`, `/healthz`, the page and its assets.
pub fn router(state: AppState) -> Router {
    let limit = state.max_body;
    let timeout = state.request_timeout;
    let concurrency = state.concurrency.max(1);
    Router::new()
        .merge(timeline::routes())
        .merge(ics::routes())
        .merge(events::routes())
        .merge(documents::routes())
        .merge(sql::routes())
        .merge(convert::routes())
        .merge(extract::routes())
        .merge(openapi::routes())
        .merge(static_files::routes())
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn_with_state(state.clone(), conditional::etag))
        .with_state(state)
        .layer(middleware::from_fn_with_state(timeout, request_timeout))
        .layer(tower::limit::GlobalConcurrencyLimitLayer::new(concurrency))
        .layer(DefaultBodyLimit::max(limit))
        .layer(axum::Extension(error::BodyLimit(limit)))
        .layer(tower_http::compression::CompressionLayer::new().gzip(true))
        .layer(middleware::from_fn(head::check))
        .layer(tower_http::trace::TraceLayer::new_for_http())
}

async fn not_found(uri: axum::http::Uri) -> ApiError {
    ApiError::NotFound {
        what: format!("route {}", uri.path()),
    }
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

/// Answers 503 problem+json when a handler runs past the request timeout.
async fn request_timeout(State(limit): State<Duration>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(resp) => resp,
        Err(_) => ApiError::Unavailable {
            detail: format!("the request took longer than {} s", limit.as_secs_f64()),
        }
        .into_response(),
    }
}

/// A running server: its address and a handle to stop it.
pub struct Server {
    /// The address it listens on (the real port when 0 was asked for).
    pub addr: SocketAddr,
    /// The state its handlers share, for tests and the `--follow` task.
    pub state: AppState,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Server {
    /// Stops accepting connections, lets in-flight requests finish, and waits.
    ///
    /// # Errors
    /// The server's I/O error, if it failed.
    pub async fn stop(mut self) -> anyhow::Result<()> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        self.task.await??;
        Ok(())
    }
}

/// Opens the store, loads the demo corpus if asked, binds and starts serving
/// in the background; returns once the socket is listening.
///
/// # Errors
/// The store cannot be opened, the demo cannot be ingested, or the address
/// cannot be bound.
pub async fn start(config: &ServeConfig) -> anyhow::Result<Server> {
    if let Some(bytes) = config.sqlite_heap_limit {
        crate::store::set_sqlite_heap_limit(bytes);
    }
    let store = Store::open_with(&config.db, config.sql_limits).await?;
    if config.demo {
        let report = demo::load(&store).await?;
        tracing::info!(new = report.created, present = report.present, "demo corpus loaded");
    }
    let read = Reader::for_pages(&config.db).await?;
    let mut state = AppState::new(store);
    state.read = read;
    state.token = config.token.clone().filter(|t| !t.is_empty()).map(Arc::from);
    state.max_body = config.max_body;
    state.request_timeout = config.request_timeout;
    state.concurrency = config.concurrency;
    cache::spawn_change_watcher(&config.db, &state);
    // The first `from` query needs the span bound, a full scan on a large
    // database: compute it now rather than in the first request.
    let warm = state.clone();
    tokio::spawn(async move {
        if let Err(e) = warm.cache.max_span(&warm).await {
            tracing::warn!(error = %e, "could not precompute the event span bound");
        }
    });

    let listener = TcpListener::bind(&config.addr).await?;
    let addr = listener.local_addr()?;
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let app = router(state.clone());
    let limits = config.connections;
    spawn_checkpoints(&state.store);
    let store = state.store.clone();
    let task = tokio::spawn(async move {
        let served = listen::serve(listener, app, limits, async move {
            tokio::select! {
                _ = rx => {}
                _ = shutdown_signal() => {}
            }
            tracing::info!("shutting down: finishing in-flight requests");
        })
        .await;
        // The WAL goes into the .db file, so the file alone is the database.
        store.close().await;
        tracing::info!("database checkpointed and closed");
        served
    });
    Ok(Server {
        addr,
        state,
        shutdown: Some(tx),
        task,
    })
}

/// How often a running server folds the WAL back into the database file.
const CHECKPOINT_EVERY: Duration = Duration::from_secs(300);

/// Checkpoints the store every [`CHECKPOINT_EVERY`] while it is open (the
/// task ends with the store), so the `.db` file never lags far behind.
fn spawn_checkpoints(store: &Arc<Store>) {
    let store = Arc::downgrade(store);
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(CHECKPOINT_EVERY).await;
            let Some(store) = store.upgrade() else { return };
            if store.is_closed().await {
                return;
            }
            if let Err(e) = store.checkpoint().await {
                tracing::warn!(error = %error::Chain(&e), "periodic checkpoint");
            }
        }
    });
}

/// Runs the server until SIGTERM or ctrl-c.
///
/// # Errors
/// As [`start`], or an I/O error while serving.
pub async fn serve(config: ServeConfig) -> anyhow::Result<()> {
    let server = start(&config).await?;
    if let Some((urls, follow)) = config.follow.clone() {
        let store = Arc::clone(&server.state.store);
        tokio::spawn(async move {
            let polled = crate::follow::run(&store, &urls, &follow, false, |r| tracing::info!("follow: {r}")).await;
            if let Err(e) = polled {
                tracing::error!(error = %e, "follow stopped");
            }
        });
    }
    tracing::info!(addr = %server.addr, "listening");
    println!("tarikh listening on http://{}", server.addr);
    let Server { task, shutdown, .. } = server;
    // Keep the sender alive so only a signal ends the server.
    let _keep = shutdown;
    task.await??;
    Ok(())
}

/// Resolves on ctrl-c or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
}
