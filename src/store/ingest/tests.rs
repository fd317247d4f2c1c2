//! Grouped ingest against real databases.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use chrono::NaiveDate;
use sqlx::Sqlite;

use super::*;
use crate::lexicon::Lang;

fn doc(text: &str, lang: Lang) -> NewDocument {
    NewDocument {
        text: text.to_string(),
        lang: Some(lang),
        dct: NaiveDate::from_ymd_opt(2022, 1, 13).and_then(|d| d.and_hms_opt(0, 0, 0)),
        ..NewDocument::default()
    }
}

async fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("g.db")).await.expect("open store");
    (dir, store)
}

async fn scalar(store: &Store, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(store.pool())
        .await
        .expect("scalar query")
}

const FA: &str = "مذاکرات ایران و عراق درباره آب در ژنو روز ۲۲ دی ۱۴۰۰ برگزار شد.";
const EN: &str = "Iran and Iraq held water talks in Geneva on 12 January 2022.";
const AR: &str = "عقدت محادثات بين العراق وإيران في جنيف يوم 12 كانون الثاني 2022.";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_document_is_rolled_back_alone_within_its_group() {
    let (_dir, store) = fresh().await;
    // A document that fails late, after its sentences and mentions are
    // written: raised when its evidence rows go in.
    sqlx::raw_sql(
        "CREATE TRIGGER test_fail BEFORE INSERT ON evidence \
         WHEN (SELECT text FROM documents WHERE id = new.document_id) LIKE '%zebrafish%' \
         BEGIN SELECT RAISE(ABORT, 'refused by test'); END",
    )
    .execute(store.pool())
    .await
    .expect("test trigger");
    let bad = doc(
        "Iran and Iraq held water talks about zebrafish in Geneva on 12 January 2022.",
        Lang::En,
    );
    let mut results = Vec::new();
    store
        .ingest_all(
            vec![doc(FA, Lang::Fa), bad, doc(EN, Lang::En), doc(FA, Lang::Fa)],
            |r| results.push(r),
        )
        .await;
    assert_eq!(results.len(), 4);
    let fa = results[0].as_ref().expect("first document");
    assert!(fa.created);
    assert!(matches!(results[1], Err(StoreError::Db(_))), "{:?}", results[1]);
    // The next document still merges with the first (same transaction).
    let en = results[2].as_ref().expect("third document");
    assert!(en.created);
    assert_eq!(en.merges, 1);
    assert_eq!(en.events, fa.events);
    // The repeat sees the first copy before the group commits.
    let again = results[3].as_ref().expect("repeat");
    assert!(!again.created);
    assert_eq!(again.document_id, fa.document_id);
    assert_eq!(again.events, fa.events);
    assert_eq!(scalar(&store, "SELECT count(*) FROM documents").await, 2);
    // Nothing of the failed document is left: no sentences, mentions or index entries.
    assert_eq!(
        scalar(
            &store,
            "SELECT count(*) FROM sentences WHERE document_id NOT IN (SELECT id FROM documents)"
        )
        .await,
        0
    );
    assert_eq!(
        scalar(&store, "SELECT count(*) FROM mentions").await,
        (fa.mentions.len() + en.mentions.len()) as i64
    );
    assert_eq!(scalar(&store, "SELECT count(*) FROM merges").await, 1);
    assert_eq!(
        scalar(
            &store,
            "SELECT count(*) FROM evidence WHERE document_id NOT IN (SELECT id FROM documents)"
        )
        .await,
        0
    );
    assert_eq!(
        scalar(
            &store,
            "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'zebrafish'"
        )
        .await,
        0
    );
    assert_eq!(scalar(&store, "SELECT count(*) FROM events").await, 1);
    assert_eq!(scalar(&store, "SELECT n_sources FROM events").await, 2);
}

/// Everything the merging decides, in a comparable form.
async fn dump(store: &Store) -> Vec<String> {
    let rows = |sql: &'static str| {
        let pool = store.pool().clone();
        async move {
            sqlx::query_scalar::<Sqlite, String>(sql)
                .fetch_all(&pool)
                .await
                .expect("dump query")
        }
    };
    let mut out =
        rows("SELECT id || '|' || value || '|' || n_sources || '|' || langs || '|' || title FROM events ORDER BY id")
            .await;
    out.extend(rows("SELECT event_id || '|' || document_id || '|' || rule || '|' || value_after || '|' || reason FROM merges ORDER BY id").await);
    out.extend(
        rows("SELECT event_id || '|' || document_id || '|' || mention_id || '|' || sentence_id || '|' || is_primary FROM evidence ORDER BY id")
            .await,
    );
    out.extend(rows("SELECT id || '|' || content_hash || '|' || entities FROM documents ORDER BY id").await);
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn grouped_ingest_stores_what_one_by_one_ingest_stores() {
    let texts = [
        (FA, Lang::Fa),
        (
            "NATO and Russia held a meeting in Brussels on 12 January 2022.",
            Lang::En,
        ),
        (EN, Lang::En),
        (
            "Talks between Iran and Iraq in Geneva will open in early January 2022.",
            Lang::En,
        ),
        (AR, Lang::Ar),
        ("A storm closed the port of Doha on 12 January 2022.", Lang::En),
        (EN, Lang::En),
        (
            "The Geneva talks between Iraq and Iran on 12 January 2022 ended without a deal.",
            Lang::En,
        ),
    ];
    let (_d1, one) = fresh().await;
    for (t, l) in texts {
        one.ingest(doc(t, l)).await.expect("ingest");
    }
    let expected = dump(&one).await;
    assert!(
        expected.iter().any(|r| r.contains("entities")),
        "the fixture must exercise merging"
    );
    // One group; groups decided while the one before is written (sizes 1
    // to 3: the first group is decided inside its transaction, the rest
    // ahead, on a snapshot and what the group before changes).
    for size in [BATCH_DOCS, 1, 2, 3] {
        let (_d2, grouped) = fresh().await;
        let mut results = Vec::new();
        grouped
            .ingest_in_groups(texts.map(|(t, l)| doc(t, l)), size, |r| results.push(r))
            .await;
        let created: Vec<bool> = results.iter().map(|r| r.as_ref().is_ok_and(|i| i.created)).collect();
        assert_eq!(
            created,
            [true, true, true, true, true, true, false, true],
            "groups of {size}"
        );
        assert_eq!(dump(&grouped).await, expected, "groups of {size}");
        // The writer checkpoints itself again once the run is over.
        let mut writer = grouped.writer.lock().await;
        let conn = writer.as_mut().expect("writer connection");
        let pages: i64 = sqlx::query_scalar("PRAGMA wal_autocheckpoint")
            .fetch_one(conn)
            .await
            .expect("pragma");
        assert_eq!(pages.to_string(), crate::store::WAL_AUTOCHECKPOINT_PAGES);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_document_gets_a_result_after_groups_that_leave_nothing_to_carry() {
    // A group of blank texts writes nothing, and a failed group is
    // redone document by document: neither leaves state to decide the
    // next group on, and the next group must still be written.
    let (_dir, store) = fresh().await;
    sqlx::raw_sql(
        "CREATE TRIGGER test_fail BEFORE INSERT ON documents \
         WHEN new.text LIKE '%zebrafish%' BEGIN SELECT RAISE(ABORT, 'test failure'); END;",
    )
    .execute(store.pool())
    .await
    .expect("trigger");
    let texts = [
        " ",
        EN,
        "zebrafish talks in Geneva on 12 January 2022.",
        AR,
        " ",
        FA,
        " ",
        " ",
    ];
    let mut results = Vec::new();
    store
        .ingest_in_groups(texts.map(|t| doc(t, Lang::En)), 1, |r| results.push(r))
        .await;
    let outcome: Vec<&str> = results
        .iter()
        .map(|r| match r {
            Ok(_) => "ok",
            Err(StoreError::EmptyText) => "empty",
            Err(_) => "failed",
        })
        .collect();
    assert_eq!(
        outcome,
        ["empty", "ok", "failed", "ok", "empty", "ok", "empty", "empty"]
    );
    assert_eq!(scalar(&store, "SELECT count(*) FROM documents").await, 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancelled_run_leaves_the_writer_checkpointing_after_the_next_ingest() {
    let (_dir, store) = fresh().await;
    let docs = [EN, AR, FA].into_iter().enumerate().map(|(i, t)| {
        if i == 1 {
            // The run is cancelled while it waits for this document.
            std::thread::sleep(std::time::Duration::from_millis(1500));
        }
        doc(t, Lang::En)
    });
    let run = store.ingest_in_groups(docs, 1, |_| {});
    assert!(
        tokio::time::timeout(std::time::Duration::from_millis(500), run)
            .await
            .is_err()
    );
    assert!(
        store.checkpoints_off.load(Ordering::SeqCst),
        "the run had turned the writer's checkpoints off"
    );
    store
        .ingest(doc(FA, Lang::Fa))
        .await
        .expect("ingest after the cancelled run");
    let mut writer = store.writer.lock().await;
    let conn = writer.as_mut().expect("writer connection");
    let pages: i64 = sqlx::query_scalar("PRAGMA wal_autocheckpoint")
        .fetch_one(conn)
        .await
        .expect("pragma");
    assert_eq!(pages.to_string(), crate::store::WAL_AUTOCHECKPOINT_PAGES);
    assert!(!store.checkpoints_off.load(Ordering::SeqCst));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_writer_between_groups_is_seen() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let (dir, store) = fresh().await;
    // Once two groups have committed, another connection (someone with
    // sqlite3) records one more source of the story. Groups decided ahead
    // on what the group before changed must see it, not overwrite it.
    // (Another tarikh process would also be seen: its rows take the ids
    // the next group planned to use, so that group fails and is redone.)
    let other = Arc::new(Store::open(&dir.path().join("g.db")).await.expect("second store"));
    let done = Arc::new(AtomicUsize::new(0));
    let (seen, writer, handle) = (done.clone(), other.clone(), tokio::runtime::Handle::current());
    let texts: Vec<NewDocument> = (0..8)
        .map(|i| {
            doc(
                &format!("Iran and Iraq held water talks in Geneva on 12 January 2022, round {i}."),
                Lang::En,
            )
        })
        .collect();
    let docs = texts.into_iter().enumerate().map(move |(i, d)| {
        if i == 3 {
            let started = std::time::Instant::now();
            while seen.load(Ordering::SeqCst) < 2 && started.elapsed() < std::time::Duration::from_secs(10) {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            handle
                .block_on(
                    sqlx::query("UPDATE events SET n_sources = n_sources + 1, langs = 'en,fa'").execute(writer.pool()),
                )
                .expect("other writer");
        }
        d
    });
    let mut results = Vec::new();
    store
        .ingest_in_groups(docs, 1, |r| {
            done.fetch_add(1, Ordering::SeqCst);
            results.push(r);
        })
        .await;
    assert!(results.iter().all(|r| r.as_ref().is_ok_and(|i| i.created)));
    assert_eq!(scalar(&store, "SELECT count(*) FROM events").await, 1);
    let (n, langs): (i64, String) = sqlx::query_as("SELECT n_sources, langs FROM events")
        .fetch_one(store.pool())
        .await
        .expect("event");
    assert_eq!((n, langs.as_str()), (9, "en,fa"));
    other.close().await;
}
