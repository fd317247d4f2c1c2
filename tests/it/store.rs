//! The chronology store: merging, idempotence, crash safety, bad input and
//! the read-only SQL runner. Articles are short texts written for these tests.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use sqlx::Row;
use tarikh::chronology::search_terms;
use tarikh::lexicon::Lang;
use tarikh::store::{NewDocument, SqlError, Store, parse_dct};

fn doc(text: &str, lang: Lang, dct: &str) -> NewDocument {
    NewDocument {
        text: text.to_string(),
        title: None,
        lang: Some(lang),
        dct: Some(parse_dct(dct).expect("test dct")),
        ..NewDocument::default()
    }
}

async fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("t.db")).await.expect("open store");
    (dir, store)
}

async fn count(store: &Store, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(store.pool())
        .await
        .expect("count query")
}

async fn events_on(store: &Store, first: &str, last: &str) -> Vec<(i64, i64, String)> {
    sqlx::query("SELECT id, n_sources, langs FROM events WHERE first_day = ? AND last_day = ? ORDER BY id")
        .bind(first)
        .bind(last)
        .fetch_all(store.pool())
        .await
        .expect("events query")
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn same_story_in_three_languages_is_one_event() {
    let (_dir, store) = fresh().await;
    let fa = store
        .ingest(doc(
            "مذاکرات ایران و عراق درباره آب در ژنو روز ۲۲ دی ۱۴۰۰ برگزار شد.",
            Lang::Fa,
            "2022-01-13",
        ))
        .await
        .expect("fa");
    let en = store
        .ingest(doc(
            "Iran and Iraq held water talks in Geneva on 12 January 2022.",
            Lang::En,
            "2022-01-13",
        ))
        .await
        .expect("en");
    let ar = store
        .ingest(doc(
            "عقدت محادثات بين العراق وإيران في جنيف يوم 12 كانون الثاني 2022.",
            Lang::Ar,
            "2022-01-13",
        ))
        .await
        .expect("ar");
    assert!(fa.created && en.created && ar.created);
    assert_eq!((fa.merges, en.merges, ar.merges), (0, 1, 1));
    let events = events_on(&store, "2022-01-12", "2022-01-12").await;
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].1, 3);
    assert_eq!(events[0].2, "ar,en,fa");
    assert_eq!(en.events, fa.events);
    let merges = sqlx::query("SELECT rule, entities, value_before, value_after FROM merges ORDER BY id")
        .fetch_all(store.pool())
        .await
        .expect("merges");
    assert_eq!(merges.len(), 2);
    for m in &merges {
        assert_eq!(m.get::<String, _>(0), "entities+type");
        let entities: String = m.get(1);
        assert!(
            entities.contains("place:geneva") && entities.contains("event:talks"),
            "{entities}"
        );
        assert_eq!(m.get::<String, _>(2), "2022-01-12");
    }
    // Labels in every calendar and the Solar Hijri fields are stored on the event.
    let row = sqlx::query("SELECT gregorian, persian, hijri FROM timeline WHERE event_id = ?")
        .bind(events[0].0)
        .fetch_one(store.ro_pool())
        .await
        .expect("timeline view");
    assert_eq!(row.get::<String, _>(0), "12 January 2022");
    assert_eq!(row.get::<String, _>(1), "۲۲ دی ۱۴۰۰");
    assert!(row.get::<String, _>(2).contains("١٤٤٣"));
    let in_dey: i64 = count(
        &store,
        "SELECT count(*) FROM timeline WHERE persian_year = 1400 AND persian_month = 10",
    )
    .await;
    assert_eq!(in_dey, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn same_date_different_story_stays_apart() {
    let (_dir, store) = fresh().await;
    store
        .ingest(doc(
            "NATO and Russia held a meeting in Brussels on 12 January 2022.",
            Lang::En,
            "2022-01-13",
        ))
        .await
        .expect("first");
    let second = store
        .ingest(doc(
            "A storm closed the port of Doha on 12 January 2022.",
            Lang::En,
            "2022-01-13",
        ))
        .await
        .expect("second");
    assert_eq!(second.merges, 0);
    assert_eq!(events_on(&store, "2022-01-12", "2022-01-12").await.len(), 2);
    assert_eq!(count(&store, "SELECT count(*) FROM merges").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn incompatible_dates_never_merge_and_vague_dates_are_refined() {
    let (_dir, store) = fresh().await;
    store
        .ingest(doc(
            "Talks between Iran and Iraq in Geneva will open in early January 2022.",
            Lang::En,
            "2021-12-20",
        ))
        .await
        .expect("vague");
    // Same story, a day outside "early January": must not merge.
    let late = store
        .ingest(doc(
            "Iran and Iraq resumed talks in Geneva on 25 January 2022.",
            Lang::En,
            "2022-01-26",
        ))
        .await
        .expect("late");
    assert_eq!(late.merges, 0);
    // Same story, a day inside it: merges and the event takes the precise date.
    let precise = store
        .ingest(doc(
            "Iran and Iraq opened talks in Geneva on 9 January 2022.",
            Lang::En,
            "2022-01-10",
        ))
        .await
        .expect("precise");
    assert_eq!(precise.merges, 1);
    let row = sqlx::query("SELECT value, grain, n_sources, title FROM events WHERE id = ?")
        .bind(precise.events[0])
        .fetch_one(store.pool())
        .await
        .expect("event");
    assert_eq!(row.get::<String, _>(0), "2022-01-09");
    assert_eq!(row.get::<String, _>(1), "day");
    assert_eq!(row.get::<i64, _>(2), 2);
    assert!(row.get::<String, _>(3).contains("9 January"));
    let (before, after): (String, String) = sqlx::query_as("SELECT value_before, value_after FROM merges")
        .fetch_one(store.pool())
        .await
        .expect("merge");
    assert_eq!((before.as_str(), after.as_str()), ("2022-01", "2022-01-09"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pair_and_a_repeat_support_one_event_and_reingest_changes_nothing() {
    let (_dir, store) = fresh().await;
    let text = "روز ۱۲ ژانویه ۲۰۲۲ (۲۲ دی ۱۴۰۰) نشست ناتو و روسیه برگزار شد. این نشست ۲۲ دی ۱۴۰۰ در بروکسل بود.";
    let first = store.ingest(doc(text, Lang::Fa, "2022-01-13")).await.expect("first");
    assert!(first.created);
    assert_eq!(first.events.len(), 1);
    let evidence = count(&store, "SELECT count(*) FROM evidence").await;
    assert_eq!(evidence, first.mentions.len() as i64);
    assert!(evidence >= 3);
    assert_eq!(
        count(&store, "SELECT count(*) FROM evidence WHERE is_primary = 1").await,
        1
    );
    assert_eq!(count(&store, "SELECT n_sources FROM events").await, 1);

    let tables = "SELECT (SELECT count(*) FROM documents) || '/' || (SELECT count(*) FROM sentences) || '/' || \
                  (SELECT count(*) FROM mentions) || '/' || (SELECT count(*) FROM events) || '/' || \
                  (SELECT count(*) FROM evidence) || '/' || (SELECT count(*) FROM merges)";
    let before: String = sqlx::query_scalar(tables)
        .fetch_one(store.pool())
        .await
        .expect("counts");
    let again = store.ingest(doc(text, Lang::Fa, "2022-01-13")).await.expect("again");
    assert!(!again.created);
    assert_eq!(again.document_id, first.document_id);
    assert_eq!(again.events, first.events);
    assert_eq!(again.mentions, first.mentions);
    let after: String = sqlx::query_scalar(tables)
        .fetch_one(store.pool())
        .await
        .expect("counts");
    assert_eq!(before, after);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dateline_sets_the_dct_and_search_ignores_the_article() {
    let (_dir, store) = fresh().await;
    let mut d = doc(
        "بغداد - 12 كانون الثاني 2022\nاجتمع وفد الناتو اليوم في بروكسل.",
        Lang::Ar,
        "2022-01-01",
    );
    d.dct = None;
    let i = store.ingest(d).await.expect("ingest");
    let (source, day): (String, Option<String>) =
        sqlx::query_as("SELECT dct_source, dct_day FROM documents WHERE id = ?")
            .bind(i.document_id)
            .fetch_one(store.pool())
            .await
            .expect("document");
    assert_eq!(source, "dateline");
    assert_eq!(day.as_deref(), Some("2022-01-12"));
    let hits: i64 = sqlx::query_scalar("SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH ?")
        .bind(search_terms("ناتو"))
        .fetch_one(store.ro_pool())
        .await
        .expect("fts");
    assert_eq!(hits, 1);
    let none: i64 = sqlx::query_scalar("SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH ?")
        .bind(search_terms("ژنو"))
        .fetch_one(store.ro_pool())
        .await
        .expect("fts");
    assert_eq!(none, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_from_before_bare_word_search_is_refolded_at_open() {
    // A database as the first four migrations left it: the index split words
    // itself, so stored folded text still has its punctuation.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("old.db");
    {
        let opts = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true);
        let pool = sqlx::SqlitePool::connect_with(opts).await.expect("old database");
        let mut migrator = sqlx::migrate!();
        migrator.migrations = std::borrow::Cow::Owned(migrator.migrations[..4].to_vec());
        migrator.run(&pool).await.expect("first four migrations");
        sqlx::raw_sql(
            "INSERT INTO documents (id, content_hash, lang, dct_source, ingested_at, text) \
             VALUES (1, 'h', 'fa', 'none', '2022-01-01T00:00:00Z', 'وفد ناتو در ژنو بود. این خبر است.'); \
             INSERT INTO sentences (id, document_id, ordinal, span_start, span_end, text, folded) \
             VALUES (1, 1, 0, 0, 30, 'نشست «ناتو»، در ژنو؛ برگزار شد.', 'نشست «ناتو»، در ژنو؛ برگزار شد.'); \
             INSERT INTO sentence_fts (rowid, folded) VALUES (1, 'نشست «ناتو»، در ژنو؛ برگزار شد.');",
        )
        .execute(&pool)
        .await
        .expect("old rows");
        pool.close().await;
    }
    let store = Store::open(&path).await.expect("open and migrate");
    let folded: String = sqlx::query_scalar("SELECT folded FROM sentences WHERE id = 1")
        .fetch_one(store.pool())
        .await
        .expect("row");
    assert_eq!(folded, "نشست ناتو در ژنو برگزار شد");
    for word in ["ناتو", "ژنو", "الناتو"] {
        let q = tarikh::store::read::fts_query(word).expect("query");
        let hits: i64 = sqlx::query_scalar("SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH ?")
            .bind(q)
            .fetch_one(store.ro_pool())
            .await
            .expect("fts");
        assert_eq!(hits, 1, "{word}");
    }
    // Migration 0006 added documents.entities; the open fills it from the text.
    let entities: String = sqlx::query_scalar("SELECT entities FROM documents WHERE id = 1")
        .fetch_one(store.pool())
        .await
        .expect("doc");
    assert_eq!(entities, "org:nato place:geneva");
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM store_tasks")
        .fetch_one(store.pool())
        .await
        .expect("tasks");
    assert_eq!(left, 0);
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_dated_sentences_are_stored_and_the_document_keeps_every_entity() {
    let (_dir, store) = fresh().await;
    let text = "The delegation arrived in Vienna. Talks with NATO opened on 12 January 2022 in Geneva. \
                Doha was mentioned too. The round ended on 14 January 2022.";
    let i = store.ingest(doc(text, Lang::En, "2022-01-13")).await.expect("ingest");
    let rows: Vec<(i64, i64, String)> =
        sqlx::query_as("SELECT id, ordinal, text FROM sentences WHERE document_id = ? ORDER BY ordinal")
            .bind(i.document_id)
            .fetch_all(store.pool())
            .await
            .expect("sentences");
    // The two dated sentences; ordinals count every sentence.
    let kept: Vec<(i64, &str)> = rows.iter().map(|(_, o, t)| (*o, t.as_str())).collect();
    assert_eq!(
        kept,
        vec![
            (1, "Talks with NATO opened on 12 January 2022 in Geneva."),
            (3, "The round ended on 14 January 2022.")
        ]
    );
    assert_eq!(rows[1].0 - rows[0].0, 2, "sentence ids keep the document's positions");
    let fts: i64 = count(
        &store,
        "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'vienna OR doha'",
    )
    .await;
    assert_eq!(fts, 0);
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'geneva'"
        )
        .await,
        1
    );
    let entities: String = sqlx::query_scalar("SELECT entities FROM documents WHERE id = ?")
        .bind(i.document_id)
        .fetch_one(store.pool())
        .await
        .expect("document");
    for id in ["place:vienna", "place:geneva", "place:doha", "org:nato"] {
        assert!(entities.split(' ').any(|e| e == id), "{id} missing from {entities:?}");
    }
    let dangling = count(
        &store,
        "SELECT count(*) FROM mentions m WHERE m.sentence_id IS NULL \
         OR NOT EXISTS (SELECT 1 FROM sentences s WHERE s.id = m.sentence_id)",
    )
    .await;
    assert_eq!(dangling, 0);
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ingest_all_keeps_order_and_matches_ingest() {
    let (_dir, store) = fresh().await;
    let a = doc(
        "Iran and Iraq held water talks in Geneva on 12 January 2022.",
        Lang::En,
        "2022-01-13",
    );
    let b = doc(
        "A storm closed the port of Doha on 14 January 2022.",
        Lang::En,
        "2022-01-15",
    );
    let mut results = Vec::new();
    store
        .ingest_all(vec![a.clone(), doc(" ", Lang::En, "2022-01-13"), b, a], |r| {
            results.push(r)
        })
        .await;
    assert_eq!(results.len(), 4);
    let first = results[0].as_ref().expect("first");
    assert!(first.created);
    assert!(matches!(results[1], Err(tarikh::store::StoreError::EmptyText)));
    assert!(results[2].as_ref().is_ok_and(|i| i.created));
    let again = results[3].as_ref().expect("duplicate");
    assert!(!again.created);
    assert_eq!(again.document_id, first.document_id);
    assert_eq!(count(&store, "SELECT count(*) FROM documents").await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn empty_text_is_bad_input() {
    let (_dir, store) = fresh().await;
    let err = store
        .ingest(doc("  \n ", Lang::En, "2022-01-01"))
        .await
        .expect_err("empty text");
    assert!(err.is_bad_input());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readonly_sql_refuses_writes_and_escapes() {
    let (_dir, store) = fresh().await;
    store
        .ingest(doc("Talks in Geneva on 12 January 2022.", Lang::En, "2022-01-13"))
        .await
        .expect("ingest");
    let t = Duration::from_secs(5);
    for sql in [
        "INSERT INTO events (title) VALUES ('x')",
        "DROP TABLE events",
        "ATTACH DATABASE ':memory:' AS other",
        "PRAGMA writable_schema = ON",
        "SELECT 1; DELETE FROM events",
        "WITH x AS (SELECT 1) UPDATE events SET title = 'x'",
        "SELECT load_extension('/tmp/x')",
    ] {
        match store.run_readonly_sql(sql, 1000, t).await {
            Err(SqlError::Refused { reason }) => assert!(!reason.is_empty()),
            other => panic!("{sql}: expected a refusal, got {other:?}"),
        }
    }
    // The second guard: the read-only pool itself cannot write.
    let direct = sqlx::query(
        "INSERT INTO merges (event_id, document_id, rule, overlap, score, reason, value_before, \
                              value_after, created_at) VALUES (1, 1, 'x', 0, 0, 'x', 'x', 'x', 'x')",
    )
    .execute(store.ro_pool())
    .await;
    assert!(direct.is_err());
    assert_eq!(count(&store, "SELECT count(*) FROM merges").await, 0);
    assert!(matches!(
        store.run_readonly_sql("SELECT * FROM nowhere", 10, t).await,
        Err(SqlError::Invalid { .. })
    ));
    let ok = store
        .run_readonly_sql("SELECT event_id, gregorian FROM timeline", 10, t)
        .await
        .expect("select");
    assert_eq!(ok.columns, ["event_id", "gregorian"]);
    assert_eq!(ok.rows.len(), 1);
    assert_eq!(ok.rows[0][1], serde_json::json!("12 January 2022"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readonly_sql_caps_rows_and_times_out() {
    let (_dir, store) = fresh().await;
    let capped = store
        .run_readonly_sql(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 5000) SELECT x FROM c",
            1000,
            Duration::from_secs(5),
        )
        .await
        .expect("capped");
    assert_eq!(capped.rows.len(), 1000);
    assert!(capped.truncated);
    let started = Instant::now();
    let slow = store
        .run_readonly_sql(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
            10,
            Duration::from_millis(200),
        )
        .await;
    assert!(matches!(slow, Err(SqlError::Timeout { limit_ms: 200 })), "{slow:?}");
    assert!(started.elapsed() < Duration::from_secs(3));
    // The connection is usable again afterwards.
    let after = store
        .run_readonly_sql("SELECT 1 AS one", 10, Duration::from_secs(5))
        .await
        .expect("after timeout");
    assert_eq!(after.rows, vec![vec![serde_json::json!(1)]]);
}

fn tarikh() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tarikh"))
}

/// A JSONL corpus of `n` distinct short articles.
fn corpus(path: &Path, n: usize) {
    let mut out = String::new();
    for i in 0..n {
        let day = 1 + i % 28;
        let text = format!(
            "Report {i}: the water commission met in Vienna on {day} February 2022 to discuss river flow number {i}. \
             Officials said the next meeting in Doha would follow on {} March 2022.",
            1 + (i * 7) % 28
        );
        out.push_str(
            &serde_json::json!({"id": i, "text": text, "lang": "en", "published_at": "2022-02-28"}).to_string(),
        );
        out.push('\n');
    }
    std::fs::write(path, out).expect("write corpus");
}

#[test]
fn killed_ingest_leaves_complete_documents_and_resumes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("k.db");
    let input = dir.path().join("many.jsonl");
    // Several groups of 1,024, so the kill lands before the last one commits.
    let total = 4000;
    corpus(&input, total);
    let mut child = tarikh()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&input)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn tarikh ingest");
    // Kill once some documents are committed.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        std::thread::sleep(Duration::from_millis(100));
        let n = rusqlite_free_count(&db);
        if n >= 20 || Instant::now() > deadline {
            break;
        }
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();

    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let store = Store::open(&db).await.expect("reopen after kill");
        let ok: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(store.pool())
            .await
            .expect("integrity");
        assert_eq!(ok, "ok");
        let fk = sqlx::query("PRAGMA foreign_key_check")
            .fetch_all(store.pool())
            .await
            .expect("fk check");
        assert!(fk.is_empty());
        let docs = count(&store, "SELECT count(*) FROM documents").await;
        assert!(
            docs > 0 && (docs as usize) < total,
            "killed after {docs} of {total} documents"
        );
        // Every stored document is complete: its sentences, its two mentions, its events.
        let incomplete = count(
            &store,
            "SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM sentences s WHERE s.document_id = d.id) < 2 \
             OR (SELECT count(*) FROM mentions m WHERE m.document_id = d.id) <> 2 \
             OR (SELECT count(DISTINCT event_id) FROM evidence v WHERE v.document_id = d.id) <> 2",
        )
        .await;
        assert_eq!(incomplete, 0);
        let wrong_counts = count(
            &store,
            "SELECT count(*) FROM events e WHERE n_sources <> \
             (SELECT count(DISTINCT document_id) FROM evidence v WHERE v.event_id = e.id)",
        )
        .await;
        assert_eq!(wrong_counts, 0);
        store.close().await;
    });
    let status = tarikh()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&input)
        .output()
        .expect("resume");
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let summary = String::from_utf8_lossy(&status.stdout);
    assert!(summary.contains("already present"), "{summary}");
    assert_eq!(rusqlite_free_count(&db), total as i64);
}

/// Counts documents through the CLI's read-only SQL (no extra SQLite crate).
fn rusqlite_free_count(db: &Path) -> i64 {
    if !db.exists() {
        return 0;
    }
    let out = tarikh()
        .args(["sql", "--csv", "--db"])
        .arg(db)
        .arg("SELECT count(*) AS n FROM documents")
        .output();
    out.ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.lines().nth(1).and_then(|l| l.trim().parse().ok()))
        .unwrap_or(0)
}

#[test]
fn bad_files_are_reported_and_the_rest_ingested() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("b.db");
    let input = dir.path().join("in");
    std::fs::create_dir_all(input.join("sub")).expect("dirs");
    std::fs::write(
        input.join("good.txt"),
        "Geneva talks\nThe talks opened in Geneva on 9 January 2022.\n",
    )
    .expect("w");
    std::fs::write(input.join("sub/broken.txt"), b"Title\nbad \xff\xfe bytes\n").expect("w");
    std::fs::write(input.join("notes.md"), "ignored: not .txt or .jsonl").expect("w");
    std::fs::write(
        input.join("sub/lines.jsonl"),
        concat!(
            "{\"id\": \"a\", \"text\": \"NATO met in Brussels on 12 January 2022.\", \"lang\": \"en\"}\n",
            "{\"id\": \"b\", \"text\": \n",
            "{\"id\": \"c\", \"title\": \"no text\"}\n",
            "\n",
            "{\"id\": \"d\", \"text\": \"Vienna hosted a meeting on 7 February 2022.\", \"lang\": \"xx\"}\n",
        ),
    )
    .expect("w");
    let out = tarikh()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&input)
        .output()
        .expect("run ingest");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}\n{stderr}");
    assert!(
        stderr.contains("broken.txt") && stderr.contains("invalid UTF-8"),
        "{stderr}"
    );
    assert!(
        stderr.contains("lines.jsonl:2") && stderr.contains("bad JSON"),
        "{stderr}"
    );
    assert!(stderr.contains("lines.jsonl:3") && stderr.contains("text"), "{stderr}");
    assert!(
        stderr.contains("lines.jsonl:5") && stderr.contains("language"),
        "{stderr}"
    );
    assert!(!stderr.contains("lines.jsonl:4"), "{stderr}");
    assert!(stdout.contains("2 new") && stdout.contains("4 failed"), "{stdout}");
    assert_eq!(rusqlite_free_count(&db), 2);

    // SQL through the CLI: a write is refused with a clear message.
    let refused = tarikh()
        .args(["sql", "--db"])
        .arg(&db)
        .arg("DELETE FROM documents")
        .output()
        .expect("sql");
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("refused"));
    let json = tarikh()
        .args(["sql", "--json", "--db"])
        .arg(&db)
        .arg("SELECT external_id, dct_source FROM documents ORDER BY id")
        .output()
        .expect("sql json");
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&json.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["external_id"], "a");
    let timeline = tarikh()
        .args(["timeline", "--calendar", "persian", "--db"])
        .arg(&db)
        .output()
        .expect("timeline");
    let text = String::from_utf8_lossy(&timeline.stdout);
    assert!(timeline.status.success());
    assert!(text.contains("۱۹ دی ۱۴۰۰") && text.contains("۲۲ دی ۱۴۰۰"), "{text}");
}

#[test]
fn read_only_commands_refuse_a_missing_database_and_timeline_reads_the_store() {
    let dir = tempfile::tempdir().expect("tempdir");
    let typo = dir.path().join("typo.db");
    for args in [vec!["sql", "SELECT 1"], vec!["timeline"]] {
        let out = tarikh()
            .arg(args[0])
            .arg("--db")
            .arg(&typo)
            .args(&args[1..])
            .output()
            .expect("run tarikh");
        assert!(!out.status.success(), "{args:?} succeeded on a missing database");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("no database at"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!typo.exists(), "{args:?} created the database");
    }
    let db = dir.path().join("t.db");
    let input = dir.path().join("two.jsonl");
    corpus(&input, 2);
    let ingest = tarikh()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&input)
        .output()
        .expect("ingest");
    assert!(ingest.status.success());
    let out = tarikh()
        .args(["timeline", "--db"])
        .arg(&db)
        .args(["--from", "2022-02-02", "--to", "2022-02-02"])
        .output()
        .expect("timeline");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    // Report 1 meets on 2 February: the event line, then its one source.
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with("2 February 2022  "), "{text}");
    assert!(lines[0].ends_with("(1 source; en)"), "{text}");
    assert!(lines[1].starts_with("    #2 [en] "), "{text}");
}
