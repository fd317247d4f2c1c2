//! Issue 13's reproductions, one regression test each: hostile SQL, odd
//! dates, batches, slow clients and what the database file holds.

use std::time::Duration;

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

    /// The first cell of `SELECT {what} FROM {table}` through `/api/sql`.
    async fn first_cell(&self, what: &str, table: &str) -> Value {
        let v: Value = self
            .http
            .get(self.url(&format!("/api/sql?q=SELECT%20{what}%20FROM%20{table}")))
            .send()
            .await
            .expect("sql")
            .json()
            .await
            .expect("sql json");
        v["rows"][0][0].clone()
    }

    async fn count(&self, table: &str) -> i64 {
        self.first_cell("count(*)", table).await.as_i64().expect("count")
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

/// This process's resident memory, in MiB (the server runs in it).
fn rss_mib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|kb| kb.parse::<u64>().ok()))
        })
        .map_or(0, |kb| kb / 1024)
}

impl Served {
    async fn sql(&self, q: &str) -> reqwest::Response {
        self.http
            .post(self.url("/api/sql"))
            .header("content-type", "text/plain")
            .body(q.to_string())
            .send()
            .await
            .expect("post sql")
    }
}

#[tokio::test]
async fn sql_bombs_are_bounded_in_memory_time_and_size() {
    let s = serve(|_| {}).await;
    let before = rss_mib();
    let started = std::time::Instant::now();
    // Doubling a string to 300 MB: stopped at the value limit.
    let r = s
        .sql(
            "WITH RECURSIVE r(s) AS (SELECT 'x' UNION ALL SELECT s||s FROM r WHERE length(s) < 300000000) \
             SELECT max(length(s)) FROM r",
        )
        .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let p: Value = r.json().await.expect("problem");
    assert!(p["detail"].as_str().expect("detail").contains("too big"), "{p}");
    // A 100 MB blob, hexed and doubled.
    let r = s.sql("SELECT length(replace(hex(zeroblob(100000000)),'0','00'))").await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    // A megabyte per row over a thousand rows: cut at the byte cap, and says so.
    let r = s
        .sql(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) \
             SELECT printf('%.*c', 999999, 'x') FROM n",
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let body = r.bytes().await.expect("body");
    assert!(body.len() < 10 << 20, "{} bytes", body.len());
    let v: Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(v["truncated"], true);
    assert_eq!(v["truncated_by"], "bytes");
    // A parameter nobody binds is the client's mistake.
    let r = s.sql("SELECT :x").await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(started.elapsed() < Duration::from_secs(10), "{:?}", started.elapsed());
    let grown = rss_mib().saturating_sub(before);
    assert!(grown < 300, "the process grew by {grown} MiB");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn blob_results_do_not_stall_the_server() {
    let s = serve(|_| {}).await;
    let bombs: Vec<_> = (0..4)
        .map(|_| {
            let (http, url) = (s.http.clone(), s.url("/api/sql"));
            tokio::spawn(async move {
                http.post(url)
                    .header("content-type", "text/plain")
                    .body(
                        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) \
                           SELECT zeroblob(900000) FROM n",
                    )
                    .send()
                    .await
                    .map(|r| r.status())
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(50)).await;
    let started = std::time::Instant::now();
    let health = s.http.get(s.url("/healthz")).send().await.expect("healthz");
    assert_eq!(health.status(), StatusCode::OK);
    assert!(
        started.elapsed() < Duration::from_millis(500),
        "/healthz took {:?}",
        started.elapsed()
    );
    for b in bombs {
        let status = b.await.expect("task").expect("response");
        assert!(!status.is_server_error(), "{status}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_sql_request_stops_its_statement() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = tarikh::store::Store::open(&dir.path().join("s.db"))
        .await
        .expect("store");
    let endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";
    // Both sandbox connections start an endless statement with a long limit;
    // the requests end (their futures are dropped) after 200 ms.
    let (a, b) = tokio::join!(
        tokio::time::timeout(
            Duration::from_millis(200),
            store.run_readonly_sql(endless, 10, Duration::from_secs(600))
        ),
        tokio::time::timeout(
            Duration::from_millis(200),
            store.run_readonly_sql(endless, 10, Duration::from_secs(600))
        ),
    );
    assert!(a.is_err() && b.is_err(), "the endless statements finished?");
    // Were they still running, this would wait for a connection forever.
    let next = tokio::time::timeout(
        Duration::from_secs(5),
        store.run_readonly_sql("SELECT 1 AS one", 10, Duration::from_secs(5)),
    )
    .await
    .expect("a sandbox connection came back")
    .expect("query");
    assert_eq!(next.rows, vec![vec![json!(1)]]);
    store.close().await;
}

#[tokio::test]
async fn an_event_detail_holds_each_sentence_once_and_caps_its_evidence() {
    // A debug build on a loaded machine takes seconds over this document.
    let s = serve(|c| c.request_timeout = Duration::from_secs(300)).await;
    // One long sentence repeating one date 700 times (15 KB).
    let text = format!("خبر: {}", "۱۲ دی ۱۴۰۰ و ".repeat(700));
    let r = s
        .http
        .post(s.url("/api/documents"))
        .json(&json!({"text": text, "lang": "fa", "dct": "2022-01-13"}))
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), StatusCode::CREATED);
    let doc: Value = r.json().await.expect("json");
    let event = doc["events"][0].as_i64().expect("an event");
    let r = s
        .http
        .get(s.url(&format!("/api/events/{event}")))
        .send()
        .await
        .expect("detail");
    assert_eq!(r.status(), StatusCode::OK);
    let body = r.bytes().await.expect("body");
    // Each evidence row repeated the 15 KB sentence: over 10 MB. Now the sentence is there once.
    assert!(body.len() < 1 << 20, "{} bytes", body.len());
    let v: Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(v["evidence"].as_array().expect("evidence").len(), 500);
    assert!(
        v["evidence_total"].as_i64().expect("total") >= 700,
        "{}",
        v["evidence_total"]
    );
    assert_eq!(v["sentences"].as_array().expect("sentences").len(), 1);
    assert_eq!(v["sources"].as_array().expect("sources").len(), 1);
}

/// Whether the server closes `stream` within `within` (reads until EOF or an error).
async fn closed_within(stream: &mut tokio::net::TcpStream, within: Duration) -> bool {
    use tokio::io::AsyncReadExt;
    let mut buf = [0u8; 1024];
    let deadline = tokio::time::Instant::now() + within;
    loop {
        match tokio::time::timeout_at(deadline, stream.read(&mut buf)).await {
            Err(_) => return false,
            Ok(Ok(0) | Err(_)) => return true,
            Ok(Ok(_)) => {}
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_idle_and_surplus_connections_are_closed() {
    use tokio::io::AsyncWriteExt;
    let s = serve(|c| {
        c.connections = tarikh::api::listen::ConnectionLimits {
            header_read: Duration::from_millis(300),
            idle: Duration::from_millis(800),
            max_connections: 8,
        };
    })
    .await;
    let addr = s.server.addr;
    // Headers that never finish.
    let mut slow = tokio::net::TcpStream::connect(addr).await.expect("connect");
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        .await
        .expect("write");
    assert!(
        closed_within(&mut slow, Duration::from_secs(3)).await,
        "unfinished headers kept open"
    );
    // A kept-alive connection that goes quiet after one request.
    let mut kept = tokio::net::TcpStream::connect(addr).await.expect("connect");
    kept.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .expect("write");
    assert!(
        closed_within(&mut kept, Duration::from_secs(3)).await,
        "idle keep-alive kept open"
    );
    // More connections than the cap: the surplus is closed at once, and
    // once the idle ones time out the server answers again.
    let mut idle = Vec::new();
    for _ in 0..8 {
        idle.push(tokio::net::TcpStream::connect(addr).await.expect("connect"));
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut surplus = tokio::net::TcpStream::connect(addr).await.expect("connect");
    assert!(
        closed_within(&mut surplus, Duration::from_millis(500)).await,
        "surplus connection accepted"
    );
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let r = s.http.get(s.url("/healthz")).send().await.expect("healthz after");
    assert_eq!(r.status(), StatusCode::OK);
    drop(idle);
}

#[tokio::test]
async fn reads_carry_an_etag_answer_304_when_unchanged_and_gzip_when_asked() {
    let s = serve(|c| c.demo = true).await;
    for path in ["/api/timeline.ics", "/api/timeline?limit=5"] {
        let first = s.http.get(s.url(path)).send().await.expect("get");
        assert_eq!(first.status(), StatusCode::OK);
        let etag = first.headers()[reqwest::header::ETAG]
            .to_str()
            .expect("etag")
            .to_string();
        let again = s
            .http
            .get(s.url(path))
            .header(reqwest::header::IF_NONE_MATCH, &etag)
            .send()
            .await
            .expect("conditional get");
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{path}");
        assert!(again.bytes().await.expect("body").is_empty());
        // Raw HTTP: this reqwest build sends its own Accept-Encoding.
        let head = raw_head(s.server.addr, path, "Accept-Encoding: gzip").await;
        assert!(head.contains("content-encoding: gzip"), "{path}: {head}");
        // New data: a new tag, and the old one no longer matches.
        let r = s
            .http
            .post(s.url("/api/documents"))
            .json(&json!({"text": format!("A new report for {path} on 4 April 2022.")}))
            .send()
            .await
            .expect("post");
        assert!(r.status().is_success());
        let after = s
            .http
            .get(s.url(path))
            .header(reqwest::header::IF_NONE_MATCH, &etag)
            .send()
            .await
            .expect("get after");
        assert_eq!(after.status(), StatusCode::OK, "{path}");
    }
}

/// The whole response to a GET of `path` with extra header lines, over a raw
/// connection: the head lowercased, and the body.
async fn raw_get(addr: std::net::SocketAddr, path: &str, extra: &str) -> (String, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut c = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let mut lines = extra.trim_end().to_string();
    if !lines.is_empty() {
        lines.push_str("\r\n");
    }
    c.write_all(format!("GET {path} HTTP/1.1\r\nHost: x\r\n{lines}Connection: close\r\n\r\n").as_bytes())
        .await
        .expect("write");
    let mut out = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), c.read_to_end(&mut out)).await;
    let text = String::from_utf8_lossy(&out);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    (head.to_lowercase(), body.to_string())
}

/// The response head of a GET of `path` with one extra header line, over a raw connection.
async fn raw_head(addr: std::net::SocketAddr, path: &str, extra: &str) -> String {
    raw_get(addr, path, extra).await.0
}

#[tokio::test]
async fn an_oversized_uri_or_header_set_is_answered_with_problem_json() {
    let s = serve(|_| {}).await;
    let addr = s.server.addr;
    let problem = |(head, body): (String, String), status: &str| -> Value {
        assert!(head.starts_with(&format!("http/1.1 {status}")), "{head}");
        assert!(head.contains("content-type: application/problem+json"), "{head}");
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body:?}"))
    };
    let long_uri = format!("/api/timeline?q={}", "a".repeat(20_000));
    let p = problem(raw_get(addr, &long_uri, "").await, "414");
    assert_eq!(p["status"], 414);
    assert!(p["detail"].as_str().expect("detail").contains("8192"), "{p}");

    let big_header = format!("X-Big: {}\r\n", "b".repeat(60_000));
    let p = problem(raw_get(addr, "/healthz", &big_header).await, "431");
    assert!(
        p["detail"].as_str().expect("detail").contains("bytes of headers"),
        "{p}"
    );

    let many: String = (0..150).map(|i| format!("X-H{i}: v\r\n")).collect();
    let p = problem(raw_get(addr, "/healthz", &many).await, "431");
    assert!(p["detail"].as_str().expect("detail").contains("header lines"), "{p}");

    // Past hyper's own limits it still answers by itself, without a body
    // (see api::head); the server keeps serving.
    let huge_uri = format!("/api/timeline?q={}", "a".repeat(70_000));
    let (head, _) = raw_get(addr, &huge_uri, "").await;
    assert!(head.starts_with("http/1.1 414"), "{head}");
    let (head, _) = raw_get(addr, "/healthz", "").await;
    assert!(head.starts_with("http/1.1 200"), "{head}");
}

#[tokio::test]
async fn an_unauthenticated_oversized_write_is_refused_for_its_token_first() {
    let s = serve(|c| {
        c.token = Some("s3cret".into());
        c.max_body = 1024;
    })
    .await;
    let r = s
        .http
        .post(s.url("/api/documents"))
        .header("content-type", "application/json")
        .body(format!("{{\"text\": \"{}\"}}", "x".repeat(4096)))
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let authorized = s
        .http
        .post(s.url("/api/documents"))
        .bearer_auth("s3cret")
        .header("content-type", "application/json")
        .body(format!("{{\"text\": \"{}\"}}", "x".repeat(4096)))
        .send()
        .await
        .expect("post with token");
    assert_eq!(authorized.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn a_long_numeric_id_is_kept_digit_for_digit() {
    let s = serve(|_| {}).await;
    let r = s
        .http
        .post(s.url("/api/documents"))
        .header("content-type", "application/json")
        .body(r#"{"text": "The board met on 2 June 2022.", "id": 12345678901234567890123}"#)
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), StatusCode::CREATED);
    assert_eq!(
        s.first_cell("external_id", "documents").await,
        "12345678901234567890123"
    );
}

#[test]
fn extract_batch_reports_an_unknown_language_instead_of_ignoring_it() {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(["extract", "--batch"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(
            b"{\"id\":\"a\",\"text\":\"on 3 May 2022\",\"lang\":\"zz\"}\n{\"id\":\"b\",\"text\":\"on 3 May 2022\"}\n",
        )
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert!(!out.status.success());
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert!(
        lines[0]["error"].as_str().expect("error").contains("zz"),
        "{:?}",
        lines[0]
    );
    assert_eq!(lines[1]["mentions"][0]["value"], "2022-05-03");
}

#[test]
fn completions_and_the_man_page_cover_every_subcommand() {
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_tarikh"))
            .args(args)
            .output()
            .expect("run tarikh");
        assert!(out.status.success(), "{args:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    for shell in ["bash", "zsh", "fish"] {
        let script = run(&["completions", shell]);
        for sub in ["serve", "ingest", "backup", "timeline", "sql"] {
            assert!(script.contains(sub), "{shell} completions lack {sub}");
        }
    }
    let man = run(&["man"]);
    assert!(
        man.starts_with(".ie") && man.contains(".TH tarikh 1"),
        "{}",
        &man[..80.min(man.len())]
    );
    assert!(man.contains("backup"));
}

#[tokio::test]
async fn an_unreadable_published_at_or_language_is_a_400_and_stores_nothing() {
    let s = serve(|_| {}).await;
    let post = |body: String| {
        s.http
            .post(s.url("/api/documents"))
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    let r = post(json!({"text": "The board met on 2 June 2022.", "published_at": "garbage"}).to_string())
        .await
        .expect("post");
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let p: Value = r.json().await.expect("problem");
    assert_eq!(p["parameter"], "published_at", "{p}");
    assert_eq!(p["input"], "garbage", "{p}");

    let r = post(json!({"text": "The board met on 2 June 2022.", "lang": "zz"}).to_string())
        .await
        .expect("post");
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let p: Value = r.json().await.expect("problem");
    assert!(p["detail"].as_str().expect("detail").contains("\"zz\""), "{p}");

    let good = json!({"text": "The board met on 2 June 2022.", "published_at": "Fri, 03 Jun 2022 09:00:00 +0000"});
    let bad = json!({"text": "The council met on 5 June 2022.", "published_at": "3rd of June-ish"});
    let r = s.ndjson(lines(&[good.clone(), bad])).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let p: Value = r.json().await.expect("problem");
    assert!(
        p["detail"]
            .as_str()
            .expect("detail")
            .starts_with("line 2: published_at"),
        "{p}"
    );
    assert_eq!(s.count("documents").await, 0);

    // RFC 2822, as feeds write it, is read and becomes the document's date.
    let r = s.ndjson(lines(&[good])).await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let dct = s.first_cell("dct", "documents").await;
    assert!(dct.as_str().unwrap_or("").starts_with("2022-06-03"), "{dct}");
}

#[test]
fn ingest_reports_bad_json_lines_and_keeps_a_long_id_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in.jsonl");
    let db = dir.path().join("t.db");
    std::fs::write(
        &input,
        concat!(
            r#"{"text":"The board met on 2 June 2022.","id":12345678901234567890123}"#,
            "\n",
            r#"{"text":"The council met on 5 June 2022.","dct":"2022-06-05","published_at":"soonish"}"#,
            "\n",
            r#"{"text":"The court met on 6 June 2022.","lang":"zz"}"#,
            "\n"
        ),
    )
    .expect("write");
    let tarikh = |args: &[&std::ffi::OsStr]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_tarikh"))
            .args(args)
            .output()
            .expect("run")
    };
    let out = tarikh(&["ingest".as_ref(), "--db".as_ref(), db.as_os_str(), input.as_os_str()]);
    assert_eq!(out.status.code(), Some(2), "bad records make the exit code 2");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(":2: published_at") && err.contains("soonish"), "{err}");
    assert!(err.contains(":3: unknown language \"zz\""), "{err}");
    let out = tarikh(&[
        "sql".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
        "--csv".as_ref(),
        "SELECT external_id FROM documents".as_ref(),
    ]);
    let ids = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        ids.lines().collect::<Vec<_>>(),
        ["external_id", "12345678901234567890123"]
    );
}
