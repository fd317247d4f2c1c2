//! The SQLite chronology store.
