//! The demo corpus bundled in the binary (`data/demo/articles.jsonl`), loaded
//! by `tarikh serve --demo`.

use super::documents::DocumentIn;
use crate::store::Store;

/// The corpus: one article per line, `{"id","title","source","url","published_at","lang","text"}`.
pub const ARTICLES: &str = include_str!("../../data/demo/articles.jsonl");

/// What loading the demo did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DemoReport {
    /// Articles stored for the first time.
    pub created: usize,
    /// Already in the database (ingest is idempotent by content hash).
    pub present: usize,
}

/// Why the demo could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// A line that is not a valid article (a broken build, not user input).
    #[error("demo corpus line {line}: {message}")]
    BadLine {
        /// 1-based line of `data/demo/articles.jsonl`.
        line: usize,
        /// What was wrong with it.
        message: String,
    },
    /// The store refused or failed to write an article.
    #[error("demo corpus line {line}: {source}")]
    Store {
        /// 1-based line of `data/demo/articles.jsonl`.
        line: usize,
        /// Why the write failed.
        source: crate::store::StoreError,
    },
}

/// Ingests every demo article not already stored.
///
/// # Errors
/// [`DemoError::BadLine`] if the bundled corpus is malformed (a build
/// defect), [`DemoError::Store`] if the database refuses a document.
pub async fn load(store: &Store) -> Result<DemoReport, DemoError> {
    let mut report = DemoReport::default();
    for (n, line) in ARTICLES.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let line_no = n + 1;
        let doc: DocumentIn = serde_json::from_str(line).map_err(|e| DemoError::BadLine {
            line: line_no,
            message: e.to_string(),
        })?;
        let new = doc.into_new("").map_err(|e| DemoError::BadLine {
            line: line_no,
            message: e.to_string(),
        })?;
        let ingested = store
            .ingest(new)
            .await
            .map_err(|source| DemoError::Store { line: line_no, source })?;
        if ingested.created {
            report.created += 1;
        } else {
            report.present += 1;
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_line_is_a_valid_document() {
        let mut n = 0;
        for line in ARTICLES.lines().filter(|l| !l.trim().is_empty()) {
            let doc: DocumentIn = serde_json::from_str(line).expect("demo line parses");
            doc.into_new("").expect("demo line validates");
            n += 1;
        }
        assert!(n >= 2);
    }
}
