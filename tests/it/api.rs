//! The HTTP service, driven over real sockets: a server on an ephemeral
//! loopback port over a temporary database, fed articles written here.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{Value, json};
use tarikh::api::{ServeConfig, Server, start};

struct Harness {
    _server: Server,
    base: String,
    http: reqwest::Client,
    _dir: tempfile::TempDir,
}

impl Harness {
    async fn new() -> Harness {
        Harness::with(|_| {}).await
    }

    async fn with(tweak: impl FnOnce(&mut ServeConfig)) -> Harness {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut config = ServeConfig::new(dir.path().join("t.db"));
        config.addr = "127.0.0.1:0".into();
        tweak(&mut config);
        let server = start(&config).await.expect("server starts");
        let base = format!("http://{}", server.addr);
        Harness {
            _server: server,
            base,
            http: reqwest::Client::new(),
            _dir: dir,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    async fn get(&self, path: &str) -> reqwest::Response {
        self.http.get(self.url(path)).send().await.expect("request")
    }

    async fn get_json(&self, path: &str) -> Value {
        let r = self.get(path).await;
        let status = r.status();
        let body: Value = r.json().await.expect("json body");
        assert_eq!(status, StatusCode::OK, "{path}: {body}");
        body
    }

    async fn post_ndjson(&self, body: String) -> reqwest::Response {
        let r = self
            .http
            .post(self.url("/api/documents"))
            .header("content-type", "application/x-ndjson")
            .body(body);
        r.send().await.expect("request")
    }

    async fn post_doc(&self, doc: &Value) -> (StatusCode, Value) {
        let r = self
            .http
            .post(self.url("/api/documents"))
            .json(doc)
            .send()
            .await
            .expect("post document");
        let s = r.status();
        (s, r.json().await.expect("json body"))
    }

    async fn ingest(&self, doc: &Value) -> Value {
        let (s, body) = self.post_doc(doc).await;
        assert!(s == StatusCode::CREATED || s == StatusCode::OK, "{s}: {body}");
        body
    }
}

/// Asserts an RFC 9457 problem with `status`, returning its body.
async fn problem(r: reqwest::Response, status: StatusCode) -> Value {
    assert_eq!(r.status(), status);
    let ctype = r
        .headers()
        .get("content-type")
        .expect("content type")
        .to_str()
        .expect("content type")
        .to_string();
    assert_eq!(ctype, "application/problem+json");
    let body: Value = r.json().await.expect("problem body");
    assert_eq!(body["status"], status.as_u16());
    assert!(
        body["type"].is_string() && body["title"].is_string() && body["detail"].is_string(),
        "{body}"
    );
    body
}

fn en(text: &str, title: &str, dct: &str) -> Value {
    json!({"text": text, "title": title, "source": "Harbour Gazette", "url": format!("https://example.org/{}", title.replace(' ', "-")), "lang": "en", "published_at": dct})
}

/// The water talks, told in three languages, plus an unrelated story on the same day.
fn story() -> Vec<Value> {
    vec![
        json!({"text": "The water ministers of Farland and Ostia met in Geneva on 12 March 2022 to discuss the Zaran dam.",
               "title": "Ministers meet in Geneva", "source": "Harbour Gazette", "url": "https://example.org/en/geneva",
               "lang": "en", "published_at": "2022-03-14"}),
        json!({"text": "وزیران آب فارلند و اوستیا روز ۲۱ اسفند ۱۴۰۰ در ژنو درباره سد زاران دیدار کردند.",
               "title": "دیدار وزیران در ژنو", "source": "خبرگزاری نمونه", "url": "https://example.org/fa/geneva",
               "lang": "fa", "published_at": "2022-03-14"}),
        json!({"text": "التقى وزيرا المياه في فارلند وأوستيا في جنيف يوم 12 مارس 2022 لبحث سد زاران.",
               "title": "لقاء الوزيرين في جنيف", "source": "وكالة المثال", "url": "https://example.org/ar/geneva",
               "lang": "ar", "published_at": "2022-03-14"}),
        json!({"text": "Thousands of runners took part in the Oslo winter marathon on 12 March 2022.",
               "title": "Oslo marathon", "source": "Nordic Sports Wire", "url": "https://example.org/en/oslo",
               "lang": "en", "published_at": "2022-03-13"}),
    ]
}

fn events(page: &Value) -> &Vec<Value> {
    page["events"].as_array().expect("events array")
}

#[tokio::test]
async fn ingest_duplicate_and_document_detail() {
    let h = Harness::new().await;
    let doc = &story()[0];
    let (s1, b1) = h.post_doc(doc).await;
    assert_eq!(s1, StatusCode::CREATED, "{b1}");
    assert_eq!(b1["created"], true);
    let id = b1["document_id"].as_i64().unwrap();
    assert!(!b1["mentions"].as_array().unwrap().is_empty(), "{b1}");
    assert!(!b1["events"].as_array().unwrap().is_empty(), "{b1}");

    let (s2, b2) = h.post_doc(doc).await;
    assert_eq!(s2, StatusCode::OK);
    assert_eq!(b2["created"], false);
    assert_eq!(b2["document_id"], id);

    let d = h.get_json(&format!("/api/documents/{id}")).await;
    assert_eq!(d["id"], id);
    assert_eq!(d["title"], "Ministers meet in Geneva");
    let m = &d["mentions"][0];
    let text: Vec<char> = d["text"].as_str().unwrap().chars().collect();
    let (a, b) = (
        m["start"].as_u64().unwrap() as usize,
        m["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(text[a..b].iter().collect::<String>(), m["text"].as_str().unwrap());
    assert_eq!(m["value"], "2022-03-12");
}

#[tokio::test]
async fn ndjson_batch() {
    let h = Harness::new().await;
    let body: String = story().iter().map(|d| format!("{d}\n")).collect();
    let r = h.post_ndjson(body.clone()).await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let b: Value = r.json().await.unwrap();
    assert_eq!(b["created"], 4);
    assert_eq!(b["documents"].as_array().unwrap().len(), 4);

    let again = h.post_ndjson(body).await;
    assert_eq!(again.status(), StatusCode::OK);
    let b: Value = again.json().await.unwrap();
    assert_eq!((b["created"].as_u64(), b["duplicates"].as_u64()), (Some(0), Some(4)));

    // A bad line anywhere rejects the batch before anything is stored.
    let bad = format!("{}\n{{\"text\": \n", json!({"text": "A new article about 3 May 2022."}));
    let r = h.post_ndjson(bad).await;
    let p = problem(r, StatusCode::BAD_REQUEST).await;
    assert!(p["detail"].as_str().unwrap().contains("line 2"), "{p}");
    let n = h.get_json("/api/sql?q=SELECT%20count(*)%20FROM%20documents").await;
    assert_eq!(n["rows"][0][0], 4);
}

#[tokio::test]
async fn timeline_merges_across_languages_and_reads_every_calendar() {
    let h = Harness::new().await;
    for d in story() {
        h.ingest(&d).await;
    }
    let page = h.get_json("/api/timeline?from=2022-03-12&to=2022-03-12").await;
    let evs = events(&page);
    let geneva = evs
        .iter()
        .find(|e| e["sources"].as_array().unwrap().iter().any(|s| s["lang"] == "fa"))
        .expect("an event with the Persian source");
    assert_eq!(geneva["date"]["first_day"], "2022-03-12");
    assert_eq!(
        geneva["date"]["sort_key"],
        format!("2022-03-12|2022-03-12|{}", geneva["id"])
    );
    assert!(geneva["n_sources"].as_i64().unwrap() >= 2, "{geneva}");
    assert!(geneva["persian"].as_str().unwrap().contains("اسفند"), "{geneva}");
    assert!(!geneva["hijri"].as_str().unwrap().is_empty());
    assert_eq!(geneva["fuzzy"], false);
    let fa = geneva["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["lang"] == "fa")
        .unwrap();
    assert_eq!(fa["dir"], "rtl");
    assert_eq!(fa["calendar"], "persian");
    let sentence: Vec<char> = fa["sentence"].as_str().unwrap().chars().collect();
    let (a, b) = (
        fa["expression_start"].as_u64().unwrap() as usize,
        fa["expression_end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        sentence[a..b].iter().collect::<String>(),
        fa["expression"].as_str().unwrap()
    );
    // The marathon shares the day but not the story.
    assert!(
        evs.iter()
            .any(|e| e["id"] != geneva["id"] && e["title"].as_str().unwrap().contains("marathon")),
        "{page}"
    );

    // The same day asked for in each calendar, numerically and in words.
    let ids = |p: &Value| events(p).iter().map(|e| e["id"].as_i64().unwrap()).collect::<Vec<_>>();
    let want = ids(&page);
    for q in [
        "from=1400-12-21&to=1400-12-21&calendar=persian",
        "from=1443-08-09&to=1443-08-09&calendar=hijri",
        "from=%DB%B2%DB%B1%20%D8%A7%D8%B3%D9%81%D9%86%D8%AF%20%DB%B1%DB%B4%DB%B0%DB%B0&to=2022-03-12",
    ] {
        let p = h.get_json(&format!("/api/timeline?{q}")).await;
        assert_eq!(ids(&p), want, "{q}");
    }

    let detail = h.get_json(&format!("/api/events/{}", geneva["id"])).await;
    assert!(!detail["merges"].as_array().unwrap().is_empty(), "{detail}");
    assert!(detail["merges"][0]["reason"].is_string());
    assert!(detail["evidence"].as_array().unwrap().len() >= 2);
}

#[tokio::test]
async fn filters() {
    let h = Harness::new().await;
    for d in story() {
        h.ingest(&d).await;
    }
    h.ingest(&en(
        "The harbour reopened on 2 May 2022 after repairs.",
        "Harbour reopens",
        "2022-05-03",
    ))
    .await;

    let all = h.get_json("/api/timeline").await;
    assert!(events(&all).len() >= 3, "{all}");

    let ar = h.get_json("/api/timeline?lang=ar").await;
    assert!(!events(&ar).is_empty());
    for e in events(&ar) {
        assert!(e["langs"].as_array().unwrap().iter().any(|l| l == "ar"), "{e}");
    }

    let src = h.get_json("/api/timeline?source=Nordic%20Sports%20Wire").await;
    assert_eq!(events(&src).len(), 1, "{src}");
    assert!(events(&src)[0]["title"].as_str().unwrap().contains("marathon"));

    let q = h.get_json("/api/timeline?q=harbour%20repairs").await;
    assert_eq!(events(&q).len(), 1, "{q}");
    assert_eq!(events(&q)[0]["date"]["first_day"], "2022-05-02");

    // Folded search: Arabic text found without its article and with Persian letters.
    let fa_q = h.get_json("/api/timeline?q=%D8%AC%D9%86%DB%8C%D9%81").await; // جنیف with Persian yeh
    assert!(!events(&fa_q).is_empty(), "{fa_q}");

    let multi = h.get_json("/api/timeline?min_sources=2").await;
    assert!(!events(&multi).is_empty());
    for e in events(&multi) {
        assert!(e["n_sources"].as_i64().unwrap() >= 2);
    }

    let from = h.get_json("/api/timeline?from=2022-04-01").await;
    for e in events(&from) {
        assert!(e["date"]["last_day"].as_str().unwrap() >= "2022-04-01");
    }
    let desc = h.get_json("/api/timeline?order=desc&limit=1").await;
    assert_eq!(events(&desc)[0]["date"]["first_day"], "2022-05-02");
    assert!(desc["next_cursor"].is_string());
}

#[tokio::test]
async fn paging_is_stable_while_documents_arrive() {
    let h = Harness::new().await;
    let day = |n: u32| chrono::NaiveDate::from_ymd_opt(2021, 1, 1).unwrap() + chrono::Days::new(u64::from(n) * 9);
    let article = |n: u32, tag: &str| {
        let d = day(n);
        en(
            &format!(
                "Bulletin {tag}{n}: the Farland tide gauge number {tag}{n} was serviced on {}.",
                d.format("%-d %B %Y")
            ),
            &format!("Bulletin {tag}{n}"),
            &d.to_string(),
        )
    };
    for n in 0..30 {
        h.ingest(&article(n, "a")).await;
    }
    let mut seen: Vec<(String, i64)> = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/timeline?limit=7&cursor={c}"),
            None => "/api/timeline?limit=7".to_string(),
        };
        let page = h.get_json(&path).await;
        for e in events(&page) {
            seen.push((
                e["date"]["sort_key"].as_str().unwrap().to_string(),
                e["id"].as_i64().unwrap(),
            ));
        }
        pages += 1;
        // New articles land both before and after the cursor between pages.
        h.ingest(&article(pages, "b")).await;
        h.ingest(&article(60 + pages, "c")).await;
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
        assert!(pages < 40, "paging does not end");
    }
    let keys: Vec<&String> = seen.iter().map(|(k, _)| k).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(keys.len(), sorted.len(), "an event was returned twice");
    // sort keys compare as first|last|id, and pages follow that order.
    for w in seen.windows(2) {
        let a: Vec<&str> = w[0].0.split('|').collect();
        let b: Vec<&str> = w[1].0.split('|').collect();
        assert!((a[0], a[1], a[2].parse::<i64>().unwrap()) < (b[0], b[1], b[2].parse::<i64>().unwrap()));
    }
    for n in 0..30 {
        let d = day(n).to_string();
        assert!(seen.iter().any(|(k, _)| k.starts_with(&format!("{d}|"))), "{d} missing");
    }
    // A cursor from one order is refused in the other.
    let first = h.get_json("/api/timeline?limit=2").await;
    let c = first["next_cursor"].as_str().unwrap();
    let r = h.get(&format!("/api/timeline?order=desc&cursor={c}")).await;
    problem(r, StatusCode::BAD_REQUEST).await;
    let r = h.get("/api/timeline?cursor=not-a-cursor").await;
    problem(r, StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn ics_feed_is_rfc5545() {
    let h = Harness::new().await;
    for d in story() {
        h.ingest(&d).await;
    }
    let long = "The Farland–Ostia joint commission, meeting in Geneva, agreed on a lengthy, detailed statement; \
                it covers the Zaran dam, seasonal flows and gauges in early January 2022.";
    h.ingest(&en(long, "Commission statement", "2022-03-20")).await;
    let fa = "کارشناسان فارلند و اوستیا روز ۵ فروردین ۱۴۰۱ در تبریز، داده‌های ایستگاه‌های آب‌سنجی را مبادله کردند؛ این نشست سه ساعت طول کشید.";
    h.ingest(&json!({"text": fa, "title": "مبادله داده‌ها", "lang": "fa", "published_at": "2022-03-26", "source": "خبرگزاری نمونه"})).await;
    let r = h.get("/api/timeline.ics").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let bytes = r.bytes().await.unwrap();
    let text = std::str::from_utf8(&bytes).expect("UTF-8");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "bare LF");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let unfolded = text.replace("\r\n ", "");
    for prop in [
        "VERSION:2.0",
        "PRODID:",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:",
        "NAME:",
        "REFRESH-INTERVAL;VALUE=DURATION:",
        "X-PUBLISHED-TTL:",
    ] {
        assert!(unfolded.contains(prop), "{prop}");
    }
    assert!(
        unfolded.contains("DTSTART;VALUE=DATE:20220312\r\nDTEND;VALUE=DATE:20220313\r\n"),
        "{unfolded}"
    );
    // Persian text survives folding and escaping.
    assert!(
        unfolded.contains(
            "SUMMARY:کارشناسان فارلند و اوستیا روز ۵ فروردین ۱۴۰۱ در تبریز، داده‌های ایستگاه‌های آب‌سنجی را مبادله کردند؛"
        ),
        "{unfolded}"
    );
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20220325\r\n"), "{unfolded}");
    assert!(
        unfolded.contains("دیدار وزیران در ژنو"),
        "source titles are listed: {unfolded}"
    );
    // The month-grain event spans January and says so.
    assert!(
        unfolded.contains("DTSTART;VALUE=DATE:20220101\r\nDTEND;VALUE=DATE:20220201\r\n"),
        "{unfolded}"
    );
    assert!(unfolded.contains("early January 2022 (approximate)"));
    assert!(unfolded.contains("X-TARIKH-GRAIN:month") && unfolded.contains("X-TARIKH-MOD:START"));
    assert!(unfolded.contains("\\, agreed") && unfolded.contains("statement\\;"));

    // Stable across fetches: DTSTAMP comes from the data, not the clock.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let again = h.get("/api/timeline.ics").await.bytes().await.unwrap();
    assert_eq!(again, bytes);

    let lint = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/ics_lint.py");
    if lint.exists() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("feed.ics");
        std::fs::write(&f, &bytes).unwrap();
        let out = std::process::Command::new("python3").arg(&lint).arg(&f).output();
        if let Ok(out) = out {
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
        }
    }

    let filtered = h.get("/api/timeline.ics?lang=fa").await.text().await.unwrap();
    assert!(filtered.matches("BEGIN:VEVENT").count() < text.matches("BEGIN:VEVENT").count());
    let r = h.get("/api/timeline.ics?limit=5").await;
    problem(r, StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn sql_read_only_with_limits() {
    let h = Harness::new().await;
    h.ingest(&story()[0]).await;
    let ok = h.get_json("/api/sql?q=SELECT%20id,%20title%20FROM%20documents").await;
    assert_eq!(ok["columns"], json!(["id", "title"]));
    assert_eq!(ok["rows"][0][1], "Ministers meet in Geneva");
    assert_eq!(ok["truncated"], false);
    assert!(ok["elapsed_ms"].is_number());

    let big = h
        .http
        .post(h.url("/api/sql"))
        .json(
            &json!({"q": "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 1500) SELECT x FROM c"}),
        )
        .send()
        .await
        .unwrap();
    let big: Value = big.json().await.unwrap();
    assert_eq!(big["rows"].as_array().unwrap().len(), 1000);
    assert_eq!(big["truncated"], true);

    let csv = h
        .get("/api/sql?q=SELECT%201%20AS%20a,%20'x,y'%20AS%20b&format=csv")
        .await;
    assert!(csv.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    assert_eq!(csv.text().await.unwrap(), "a,b\n1,\"x,y\"\n");

    for stmt in [
        "INSERT INTO documents (content_hash, dct_source, ingested_at, text) VALUES ('x', 'none', 'now', 't')",
        "DROP TABLE events",
        "ATTACH DATABASE '/tmp/x.db' AS x",
        "PRAGMA writable_schema = ON",
        "SELECT load_extension('x')",
    ] {
        let r = h
            .http
            .post(h.url("/api/sql"))
            .json(&json!({ "q": stmt }))
            .send()
            .await
            .unwrap();
        let p = problem(r, StatusCode::FORBIDDEN).await;
        assert!(!p["detail"].as_str().unwrap().is_empty(), "{stmt}");
    }
    let started = std::time::Instant::now();
    let r = h
        .http
        .post(h.url("/api/sql"))
        .json(&json!({"q": "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"}))
        .send()
        .await
        .unwrap();
    let p = problem(r, StatusCode::REQUEST_TIMEOUT).await;
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(p["detail"].as_str().unwrap().contains("1000 ms"), "{p}");
    let r = h.get("/api/sql?q=SELECT%20*%20FROM%20no_such_table").await;
    problem(r, StatusCode::BAD_REQUEST).await;
    // The data is unchanged.
    let n = h.get_json("/api/sql?q=SELECT%20count(*)%20FROM%20events").await;
    assert!(n["rows"][0][0].as_i64().unwrap() >= 1);
}

#[tokio::test]
async fn every_error_class_is_problem_json() {
    let h = Harness::with(|c| {
        c.token = Some("s3cret".into());
        c.max_body = 64 * 1024;
    })
    .await;
    let doc = &story()[0];

    // 401 without (or with a wrong) token; 201 with it.
    let r = h.http.post(h.url("/api/documents")).json(doc).send().await.unwrap();
    assert_eq!(
        r.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .to_lowercase()
            .split(' ')
            .next(),
        Some("bearer")
    );
    problem(r, StatusCode::UNAUTHORIZED).await;
    let r = h
        .http
        .post(h.url("/api/documents"))
        .bearer_auth("wrong")
        .json(doc)
        .send()
        .await
        .unwrap();
    problem(r, StatusCode::UNAUTHORIZED).await;
    let r = h
        .http
        .post(h.url("/api/documents"))
        .bearer_auth("s3cret")
        .json(doc)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    // Reads stay open.
    assert_eq!(h.get("/api/timeline").await.status(), StatusCode::OK);

    let post = |body: Vec<u8>, ctype: &'static str| {
        h.http
            .post(h.url("/api/documents"))
            .bearer_auth("s3cret")
            .header("content-type", ctype)
            .body(body)
            .send()
    };
    let p = problem(
        post(b"{\"text\": \"x\",".to_vec(), "application/json").await.unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(p["detail"].as_str().unwrap().contains("JSON"), "{p}");
    let p = problem(
        post(b"{\"text\": \"\xff\xfe\"}".to_vec(), "application/json")
            .await
            .unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(p["detail"].as_str().unwrap().contains("UTF-8"), "{p}");
    let p = problem(
        post(b"{\"text\": \"hello\", \"colour\": 1}".to_vec(), "application/json")
            .await
            .unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(p["detail"].as_str().unwrap().contains("colour"), "{p}");
    problem(
        post(b"{\"title\": \"no text\"}".to_vec(), "application/json")
            .await
            .unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    problem(
        post(b"text".to_vec(), "image/png").await.unwrap(),
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
    )
    .await;
    let huge = serde_json::to_vec(&json!({"text": "x".repeat(100 * 1024)})).unwrap();
    let p = problem(
        post(huge, "application/json").await.unwrap(),
        StatusCode::PAYLOAD_TOO_LARGE,
    )
    .await;
    assert!(p["detail"].as_str().unwrap().contains("65536"), "{p}");

    // Unknown parameters are refused, never ignored.
    let p = problem(h.get("/api/timeline?form=2022-01-01").await, StatusCode::BAD_REQUEST).await;
    assert!(p["detail"].as_str().unwrap().contains("form"), "{p}");
    problem(h.get("/api/events/1?verbose=1").await, StatusCode::BAD_REQUEST).await;
    problem(h.get("/api/timeline?limit=501").await, StatusCode::BAD_REQUEST).await;
    problem(h.get("/api/timeline?limit=ten").await, StatusCode::BAD_REQUEST).await;
    problem(h.get("/api/timeline?order=sideways").await, StatusCode::BAD_REQUEST).await;
    problem(h.get("/api/timeline?lang=xx").await, StatusCode::BAD_REQUEST).await;

    // An impossible date names the parameter, the field and its range.
    let p = problem(
        h.get("/api/timeline?from=1400-12-30&calendar=persian").await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(p["parameter"], "from");
    assert_eq!(p["field"], "day");
    assert_eq!(
        (p["value"].as_i64(), p["min"].as_i64(), p["max"].as_i64()),
        (Some(30), Some(1), Some(29)),
        "{p}"
    );
    let p = problem(h.get("/api/convert?date=2022-02-30").await, StatusCode::BAD_REQUEST).await;
    assert_eq!((p["field"].as_str(), p["max"].as_i64()), (Some("day"), Some(28)), "{p}");
    let p = problem(h.get("/api/timeline?to=someday").await, StatusCode::BAD_REQUEST).await;
    assert_eq!(p["parameter"], "to");

    // Unknown ids and routes.
    problem(h.get("/api/events/999999").await, StatusCode::NOT_FOUND).await;
    problem(h.get("/api/events/abc").await, StatusCode::NOT_FOUND).await;
    problem(h.get("/api/documents/424242").await, StatusCode::NOT_FOUND).await;
    problem(h.get("/api/nothing-here").await, StatusCode::NOT_FOUND).await;
    let r = h.http.delete(h.url("/api/timeline")).send().await.unwrap();
    problem(r, StatusCode::METHOD_NOT_ALLOWED).await;
}

#[tokio::test]
async fn convert_extract_health_openapi_page() {
    let h = Harness::new().await;
    let c = h.get_json("/api/convert?date=1400-10-22&calendar=persian").await;
    assert_eq!(c["gregorian"], "2022-01-12");
    assert_eq!(
        (
            c["persian"]["year"].as_i64(),
            c["persian"]["month"].as_i64(),
            c["persian"]["day"].as_i64()
        ),
        (Some(1400), Some(10), Some(22))
    );
    assert_eq!(c["hijri"]["month"], 6);
    let c2 = h.get_json("/api/convert?date=2022-01-12").await;
    assert_eq!(c2["persian"]["text"], c["persian"]["text"]);
    problem(h.get("/api/convert").await, StatusCode::BAD_REQUEST).await;

    let r = h
        .http
        .post(h.url("/api/extract"))
        .json(&json!({"text": "The summit opened on 12 January 2022.", "lang": "en", "dct": "2022-01-13"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let x: Value = r.json().await.unwrap();
    assert_eq!(x["mentions"][0]["value"], "2022-01-12");
    assert_eq!(x["mentions"][0]["type"], "DATE");
    // every TIMEX3 type on request; an unknown one is a 400
    let text = "The talks lasted three years and resumed on 12 January 2022.";
    for (types, want) in [
        (json!(null), vec!["2022-01-12"]),
        (json!("all"), vec!["P3Y", "2022-01-12"]),
    ] {
        let r = h
            .http
            .post(h.url("/api/extract"))
            .json(&json!({"text": text, "lang": "en", "dct": "2022-01-13", "types": types}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        let x: Value = r.json().await.unwrap();
        let got: Vec<&str> = x["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["value"].as_str().unwrap())
            .collect();
        assert_eq!(got, want, "types {types}");
    }
    let bad = h
        .http
        .post(h.url("/api/extract"))
        .json(&json!({"text": text, "types": "durations"}))
        .send()
        .await
        .unwrap();
    problem(bad, StatusCode::BAD_REQUEST).await;
    let n = h.get_json("/api/sql?q=SELECT%20count(*)%20FROM%20documents").await;
    assert_eq!(n["rows"][0][0], 0, "extract stores nothing");

    assert_eq!(h.get_json("/healthz").await["status"], "ok");
    let api = h.get_json("/api/openapi.json").await;
    for p in [
        "/api/timeline",
        "/api/timeline.ics",
        "/api/events/{id}",
        "/api/documents",
        "/api/sql",
        "/api/convert",
        "/api/extract",
    ] {
        assert!(api["paths"][p].is_object(), "{p} missing from OpenAPI");
    }
    let page = h.get("/").await;
    assert!(
        page.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(page.text().await.unwrap().to_lowercase().contains("<html"));
    assert_eq!(h.get("/static/app.js").await.status(), StatusCode::OK);
    assert_eq!(h.get("/static/style.css").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn cached_pages_see_new_documents() {
    let h = Harness::new().await;
    h.ingest(&en("The ferry service resumed on 4 June 2022.", "Ferry", "2022-06-05"))
        .await;
    let a = h.get_json("/api/timeline").await;
    let a2 = h.get_json("/api/timeline").await;
    assert_eq!(a, a2);
    h.ingest(&en(
        "The bridge closed on 9 June 2022 for inspection.",
        "Bridge",
        "2022-06-10",
    ))
    .await;
    let b = h.get_json("/api/timeline").await;
    assert_eq!(events(&b).len(), events(&a).len() + 1);
}

#[tokio::test]
async fn demo_corpus_loads_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let mut config = ServeConfig::new(&db);
    config.addr = "127.0.0.1:0".into();
    config.demo = true;
    let s = start(&config).await.unwrap();
    let base = format!("http://{}", s.addr);
    let count = |base: String| async move {
        let v: Value = reqwest::get(format!("{base}/api/sql?q=SELECT%20count(*)%20FROM%20documents"))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        v["rows"][0][0].as_i64().unwrap()
    };
    let n = count(base.clone()).await;
    assert!(n >= 2);
    s.stop().await.unwrap();
    let s = start(&config).await.unwrap();
    assert_eq!(count(format!("http://{}", s.addr)).await, n);
    s.stop().await.unwrap();
}

/// The binary shuts down on SIGTERM after finishing the request in flight.
#[cfg(unix)]
#[tokio::test]
async fn binary_serves_and_stops_gracefully_on_sigterm() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(dir.path().join("s.db"))
        .env_remove("TARIKH_TOKEN")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let line = tokio::task::spawn_blocking(move || {
        let mut l = String::new();
        BufReader::new(stdout).read_line(&mut l).map(|_| l)
    })
    .await
    .unwrap()
    .unwrap();
    let base = line.trim().rsplit(' ').next().unwrap().to_string();
    assert!(base.starts_with("http://127.0.0.1:"), "{line}");
    let health: Value = reqwest::get(format!("{base}/healthz"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["status"], "ok");

    // A slow request (interrupted by the 1 s SQL limit) is in flight when SIGTERM arrives.
    let slow = tokio::spawn({
        let base = base.clone();
        async move {
            reqwest::Client::new()
                .post(format!("{base}/api/sql"))
                .json(&json!({"q": "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"}))
                .send()
                .await
                .map(|r| r.status())
        }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    assert_eq!(slow.await.unwrap().unwrap(), StatusCode::REQUEST_TIMEOUT);
    let status = tokio::task::spawn_blocking(move || child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(status.success(), "{status}");
}

#[tokio::test]
async fn the_page_gets_month_headings_fuzziness_and_its_feed_query_from_the_server() {
    let h = Harness::new().await;
    h.ingest(&en(
        "Water talks opened in Geneva on 12 January 2022.",
        "Geneva talks",
        "2022-01-13",
    ))
    .await;
    h.ingest(&en(
        "The basin commission will meet again in March 2022.",
        "Basin commission",
        "2022-01-13",
    ))
    .await;
    let page = h.get_json("/api/timeline?from=2022-01-01&lang=en").await;
    let evs = events(&page);
    let day = evs
        .iter()
        .find(|e| e["date"]["first_day"] == "2022-01-12")
        .expect("the day event");
    // Headings from tarikh's own calendars: 12 January 2022 is 22 Dey 1400 and 9 Jumada al-Akhirah 1443.
    assert_eq!(day["months"]["gregorian"]["key"], "2022-01");
    assert_eq!(day["months"]["persian"]["key"], "1400-10");
    assert_eq!(day["months"]["persian"]["label"], "دی ۱۴۰۰");
    assert_eq!(day["months"]["hijri"]["key"], "1443-06");
    assert_eq!(day["fuzzy"], false);
    let month = evs
        .iter()
        .find(|e| e["date"]["grain"] == "month")
        .expect("the month event");
    assert_eq!(month["fuzzy"], true);
    // The strip's months run from January to March, every calendar.
    let keys = |cal: &str| {
        page["months"][cal]
            .as_array()
            .expect("months")
            .iter()
            .map(|m| m["key"].as_str().expect("key").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(keys("gregorian"), ["2022-01", "2022-02", "2022-03"]);
    assert_eq!(keys("persian"), ["1400-10", "1400-11", "1400-12"]);
    // The feed of the same view, from the query the server wrote back.
    assert_eq!(page["filter_query"], "from=2022-01-01&lang=en");
    let ics = h
        .get(&format!(
            "/api/timeline.ics?{}",
            page["filter_query"].as_str().expect("query")
        ))
        .await;
    assert_eq!(ics.status(), StatusCode::OK);
    let text = ics.text().await.expect("ics body");
    assert_eq!(text.matches("BEGIN:VEVENT").count(), evs.len(), "{text}");
}

#[tokio::test]
async fn extract_says_which_document_date_it_resolved_against() {
    let h = Harness::new().await;
    let extract = |body: Value| {
        let r = h.http.post(h.url("/api/extract")).json(&body).send();
        async move { r.await.expect("post").json::<Value>().await.expect("json") }
    };
    let dateline = "Harbourton, 3 March 2022\nThe ferry resumed service yesterday.";
    let x = extract(json!({"text": dateline})).await;
    assert_eq!(x["dct"], "2022-03-03T00:00:00", "{x}");
    assert_eq!(x["mentions"][1]["value"], "2022-03-02", "{x}");

    let x = extract(json!({"text": dateline, "dct": "2022-03-10"})).await;
    assert_eq!(x["dct"], "2022-03-10T00:00:00", "a given DCT beats the dateline: {x}");
    assert_eq!(x["mentions"][1]["value"], "2022-03-09", "{x}");

    let x = extract(json!({"text": dateline, "dct": "3/3/22"})).await;
    assert_eq!(
        (x["status"].as_i64(), &x["parameter"], &x["input"]),
        (Some(400), &json!("dct"), &json!("3/3/22")),
        "{x}"
    );

    let x = extract(json!({"text": "The ferry resumed service yesterday."})).await;
    assert!(x["dct"].is_null(), "{x}");
    assert_eq!(x["mentions"].as_array().map(Vec::len), Some(0), "{x}");
}
