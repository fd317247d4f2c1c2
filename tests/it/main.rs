//! The integration tests: one binary, one module per area.
mod api;
mod browser;
mod calendar;
mod extract;
mod extract_en;
mod follow;
mod grammar;
mod hostile;
mod inputs;
mod layout;
mod lexicon;
mod offsets;
mod speech;
mod store;
mod stories;
mod syndication;
mod timex;
