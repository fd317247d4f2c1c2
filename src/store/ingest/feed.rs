//! The prepared documents of [`Store::ingest_all`](crate::store::Store::ingest_all),
//! taken in groups.

use std::time::Duration;

use tokio::sync::mpsc::{Receiver, error::TryRecvError};

use super::prepare::Prepared;
use crate::store::NewDocument;

/// Most text (bytes) one group holds.
pub(super) const BATCH_BYTES: usize = 8 << 20;
/// Longest a group waits for more prepared documents before it is written
/// with the ones it has (bounds how long results and other writers wait).
pub(super) const BATCH_WAIT: Duration = Duration::from_millis(250);

/// A document with what was computed for it before the transaction (None:
/// blank text, never written).
pub(super) type Pending = (NewDocument, Option<Prepared>);

/// Prepared documents as they arrive from the preparing thread.
pub(super) struct Feed {
    rx: Receiver<Pending>,
    /// A group taken but not written yet (its early decision was dropped).
    pub queued: Option<Vec<Pending>>,
    /// Most documents per group.
    max_docs: usize,
}

impl Feed {
    /// A feed of groups of at most `max_docs` documents.
    pub(super) fn new(rx: Receiver<Pending>, max_docs: usize) -> Feed {
        Feed {
            rx,
            queued: None,
            max_docs,
        }
    }

    /// The next group: the queued one, or up to `max_docs` documents or
    /// [`BATCH_BYTES`] of text, whatever arrives within [`BATCH_WAIT`] of
    /// the first. None when every document has been taken.
    pub(super) async fn next(&mut self) -> Option<Vec<Pending>> {
        if let Some(group) = self.queued.take().filter(|g| !g.is_empty()) {
            return Some(group);
        }
        let first = self.rx.recv().await?;
        let deadline = tokio::time::Instant::now() + BATCH_WAIT;
        let mut bytes = first.0.text.len();
        let mut group = vec![first];
        while group.len() < self.max_docs && bytes < BATCH_BYTES {
            let next = match self.rx.try_recv() {
                Ok(item) => Some(item),
                Err(TryRecvError::Empty) => tokio::time::timeout_at(deadline, self.rx.recv()).await.ok().flatten(),
                Err(TryRecvError::Disconnected) => None,
            };
            let Some(item) = next else { break };
            bytes += item.0.text.len();
            group.push(item);
        }
        Some(group)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pending(text: &str) -> Pending {
        (
            NewDocument {
                text: text.to_string(),
                ..NewDocument::default()
            },
            None,
        )
    }

    #[tokio::test]
    async fn groups_are_cut_at_the_document_count_and_the_queue_comes_first() {
        let (tx, rx) = tokio::sync::mpsc::channel(16);
        for t in ["a", "b", "c", "d", "e"] {
            tx.send(pending(t)).await.expect("send");
        }
        drop(tx);
        let mut feed = Feed::new(rx, 2);
        let texts = |g: Vec<Pending>| g.into_iter().map(|(d, _)| d.text).collect::<Vec<_>>();
        assert_eq!(texts(feed.next().await.expect("group")), ["a", "b"]);
        feed.queued = Some(vec![pending("q")]);
        assert_eq!(texts(feed.next().await.expect("queued")), ["q"]);
        assert_eq!(texts(feed.next().await.expect("group")), ["c", "d"]);
        assert_eq!(texts(feed.next().await.expect("group")), ["e"]);
        assert!(feed.next().await.is_none());
    }
}
