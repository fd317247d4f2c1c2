//! The integration tests: one binary, one module per area.
mod calendar;
mod api;
mod browser;
mod store;
mod extract;
mod lexicon;
