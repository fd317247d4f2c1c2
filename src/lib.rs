//! tarikh: one calendar-correct chronology from Persian, Arabic and English news.
//!
//! The pipeline, each step a module:
//!
//! ```text
//! text ──lexicon::normalize──▶ folded text + offset map
//!      ──extract──────────────▶ Mention { span, value, grain, mod, calendar, pair, conflict }
//!      ──chronology───────────▶ sentences; (sentence, date) → events; merged across sources
//!      ──store────────────────▶ SQLite: documents, mentions, events, evidence, FTS
//!      ──api / web────────────▶ /api/timeline, /api/timeline.ics, /api/sql, the page
//! ```
//!
//! Every calendar converts to and from one pivot, a [`chrono::NaiveDate`]
//! (see [`calendar`]). The CLI and the HTTP API call the same library functions.

pub mod api;
pub mod calendar;
pub mod chain;
pub mod chronology;
pub mod cli;
pub mod day_input;
pub mod extract;
pub mod follow;
pub mod input;
pub mod lexicon;
pub mod store;
pub mod syndication;
