//! Issue 13's reproductions, one regression test each: hostile SQL, odd
//! dates, batches, slow clients and what the database file holds.

use reqwest::StatusCode;
use serde_json::{Value, json};
use tarikh::api::{ServeConfig, Server, start};

struct Served {
    server: Server,
    base: String,
    http: reqwest::Client,
    db: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

async fn serve(tweak: impl FnOnce(&mut ServeConfig)) -> Served {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("h.db");
    let mut config = ServeConfig::new(&db);
    config.addr = "127.0.0.1:0".into();
    tweak(&mut config);
    let server = start(&config).await.expect("server starts");
    Served {
        base: format!("http://{}", server.addr),
        server,
        http: reqwest::Client::new(),
        db,
        _dir: dir,
    }
}

impl Served {
    fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    async fn ndjson(&self, body: String) -> reqwest::Response {
        self.http
            .post(self.url("/api/documents"))
            .header("content-type", "application/x-ndjson")
            .body(body)
            .send()
            .await
            .expect("post ndjson")
    }

    async fn count(&self, table: &str) -> i64 {
        let v: Value = self
            .http
            .get(self.url(&format!("/api/sql?q=SELECT%20count(*)%20FROM%20{table}")))
            .send()
            .await
            .expect("sql")
            .json()
            .await
            .expect("sql json");
        v["rows"][0][0].as_i64().expect("count")
    }
}

fn lines(docs: &[Value]) -> String {
    docs.iter().map(|d| format!("{d}\n")).collect()
}

#[tokio::test]
async fn dates_past_9999_are_dropped_from_a_document_never_a_500() {
    let s = serve(|_| {}).await;
    // The dateline 9999/12/31 makes "tomorrow" year 10000.
    let r = s
        .http
        .post(s.url("/api/documents"))
        .json(&json!({"text": "9999/12/31 - tomorrow"}))
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), StatusCode::CREATED);
    let body: Value = r.json().await.expect("json");
    let values: Vec<&str> = body["mentions"]
        .as_array()
        .expect("mentions")
        .iter()
        .filter_map(|m| m["value"].as_str())
        .collect();
    assert!(values.iter().all(|v| !v.starts_with("10000")), "{body}");
    // In a batch, such a line is stored like the others.
    let batch = lines(&[
        json!({"text": "Talks opened in Geneva on 12 January 2022."}),
        json!({"text": "The commission met in Vienna on 3 March 2022."}),
        json!({"text": "9999/12/31 — the day after tomorrow"}),
    ]);
    let r = s.ndjson(batch).await;
    assert_eq!(r.status(), StatusCode::CREATED);
    assert_eq!(s.count("documents").await, 4);
}

#[tokio::test]
async fn an_ndjson_batch_is_stored_whole_or_not_at_all() {
    let s = serve(|_| {}).await;
    // Make the store fail late for one document, as a full disk or a bug would.
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", s.db.display()))
        .await
        .expect("second connection");
    sqlx::raw_sql(
        "CREATE TRIGGER refuse_zebrafish BEFORE INSERT ON documents \
         WHEN new.text LIKE '%zebrafish%' BEGIN SELECT RAISE(ABORT, 'refused by test'); END",
    )
    .execute(&pool)
    .await
    .expect("trigger");
    let batch = lines(&[
        json!({"text": "Talks opened in Geneva on 12 January 2022."}),
        json!({"text": "The commission met in Vienna on 3 March 2022."}),
        json!({"text": "A zebrafish survey began in Doha on 5 May 2022."}),
    ]);
    let r = s.ndjson(batch).await;
    assert!(r.status().is_server_error(), "{}", r.status());
    assert_eq!(s.count("documents").await, 0, "half a batch was stored");
    assert_eq!(s.count("events").await, 0);

    // Too many documents for one request: refused before anything is read into the store.
    let many: Vec<Value> = (0..1001)
        .map(|i| json!({"text": format!("Report {i}: the board met on 2 June 2022.")}))
        .collect();
    let r = s.ndjson(lines(&many)).await;
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let p: Value = r.json().await.expect("problem");
    assert!(p["detail"].as_str().expect("detail").contains("at most 1000"), "{p}");
    assert_eq!(s.count("documents").await, 0);
    pool.close().await;
    s.server.stop().await.expect("stop");
}

/// Documents in a database opened from this one file alone (no -wal beside it).
async fn documents_in_copy_of(db: &std::path::Path) -> i64 {
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = dir.path().join("copy.db");
    std::fs::copy(db, &copy).expect("copy the .db file alone");
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}?mode=ro", copy.display()))
        .await
        .expect("open the copy");
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM documents")
        .fetch_one(&pool)
        .await
        .expect("the copy has the tables");
    pool.close().await;
    n
}

#[tokio::test]
async fn after_a_clean_stop_the_db_file_alone_is_the_database() {
    let s = serve(|c| c.demo = true).await;
    let served = s.count("documents").await;
    assert!(served > 10);
    let db = s.db.clone();
    s.server.stop().await.expect("stop");
    assert_eq!(documents_in_copy_of(&db).await, served);
    let wal = db.with_extension("db-wal");
    assert!(
        std::fs::metadata(&wal).map_or(0, |m| m.len()) == 0,
        "the WAL still holds data after a clean stop"
    );
}

#[tokio::test]
async fn backup_copies_a_database_that_is_being_served() {
    let s = serve(|c| c.demo = true).await;
    let served = s.count("documents").await;
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("backup.db");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(["backup", "--db"])
        .arg(&s.db)
        .arg(&out)
        .output()
        .expect("tarikh backup");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(documents_in_copy_of(&out).await, served);
    // A second backup to the same file is refused, not merged or overwritten.
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(["backup", "--db"])
        .arg(&s.db)
        .arg(&out)
        .output()
        .expect("tarikh backup again");
    assert!(!again.status.success());
    s.server.stop().await.expect("stop");
}
