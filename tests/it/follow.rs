//! `follow` against a real HTTP server on a loopback port: a feed of teasers
//! whose pages hold the articles, answered 304 when nothing changed.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tarikh::follow::{FollowConfig, Outcome, run};
use tarikh::store::Store;

/// What the server serves and what it saw.
#[derive(Default)]
struct Site {
    /// The feed's version: its ETag and how many items it lists.
    version: u32,
    /// Requests per path, and how many feed requests were answered 304.
    hits: HashMap<String, usize>,
    not_modified: usize,
    /// User-Agent of the last request.
    agent: String,
}

type Shared = Arc<Mutex<Site>>;

const PAGES: [(&str, &str); 3] = [
    (
        "دیدار هیئت‌ها در ژنو",
        "هیئت‌های دو کشور روز پنجشنبه ۲۳ دی ۱۴۰۰ در ژنو دیدار کردند و درباره سازوکار مشترک اندازه‌گیری جریان آب گفتگو کردند. \
         به گفته یکی از اعضای هیئت، کارشناسان فنی باید تا روز ۲۹ دی ۱۴۰۰ پیش‌نویس یادداشت تفاهم را آماده کنند. \
         این دیدار پس از ماه‌ها توقف برگزار شد و دو طرف آن را سازنده خواندند؛ قرار است وزیران نیرو نیز در دور بعدی شرکت کنند.",
    ),
    (
        "سفر وزیر به بغداد",
        "وزیر نیرو روز ۵ بهمن ۱۴۰۰ برای ادامه گفتگوها درباره آب رودخانه‌های مرزی به بغداد سفر می‌کند. \
         او پیش از سفر گفت که هدف این دیدار نهایی کردن متن یادداشت تفاهم و تعیین زمان امضای آن است. \
         کارشناسان می‌گویند کاهش بارندگی در سال‌های اخیر اهمیت این توافق را برای هر دو کشور بیشتر کرده است.",
    ),
    (
        "امضای یادداشت تفاهم",
        "یادداشت تفاهم همکاری در زمینه آب روز ۱۲ بهمن ۱۴۰۰ در بغداد به امضای وزیران نیرو دو کشور رسید. \
         بر اساس این یادداشت، یک کمیته مشترک هر سه ماه یک بار داده‌های ایستگاه‌های آب‌سنجی را بررسی می‌کند. \
         دو طرف همچنین توافق کردند که گزارش سالانه‌ای درباره وضعیت منابع آب مشترک منتشر کنند.",
    ),
];

fn feed(version: u32, base: &str) -> String {
    let items: String = (1..=(version as usize + 1).min(PAGES.len()))
        .map(|n| {
            format!(
                "<item><title>{}</title><link>{base}/news/{n}</link><guid isPermaLink=\"false\">story-{n}</guid>\
                 <pubDate>Thu, 13 Jan 2022 0{n}:00:00 +0330</pubDate><description>خلاصه خبر…</description></item>",
                PAGES[n - 1].0
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>خبرگزاری نمونه</title>\
         <language>fa</language><link>{base}/</link>{items}</channel></rss>"
    )
}

fn page(n: usize) -> String {
    let (title, body) = PAGES[n - 1];
    let paragraphs: String = body.split(". ").map(|p| format!("<p>{p}.</p>\n")).collect();
    format!(
        "<!DOCTYPE html><html lang=\"fa\"><head><meta charset=\"utf-8\"><title>{title} | خبرگزاری نمونه</title>\
         <script>var built = '2019-04-04';</script></head><body>\
         <header class=\"site-header\"><div class=\"today\">امروز ۱۰ آذر ۱۴۰۵</div><nav><a href=\"/\">صفحه اصلی</a></nav></header>\
         <article><h1>{title}</h1>{paragraphs}</article>\
         <aside class=\"related\"><a href=\"/old\">گزارش ۳ مرداد ۱۳۹۷</a></aside>\
         <footer>© ۱۴۰۵</footer></body></html>"
    )
}

async fn serve_feed(State(site): State<Shared>, headers: HeaderMap) -> Response {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("")
        .to_string();
    let mut s = site.lock().expect("site");
    *s.hits.entry("/feed.xml".into()).or_default() += 1;
    s.agent = headers
        .get(header::USER_AGENT)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("")
        .to_string();
    let etag = format!("\"v{}\"", s.version);
    if headers.get(header::IF_NONE_MATCH).and_then(|h| h.to_str().ok()) == Some(etag.as_str()) {
        s.not_modified += 1;
        return StatusCode::NOT_MODIFIED.into_response();
    }
    (
        [
            (header::CONTENT_TYPE, "application/rss+xml".to_string()),
            (header::ETAG, etag),
        ],
        feed(s.version, &format!("http://{host}")),
    )
        .into_response()
}

async fn serve_page(State(site): State<Shared>, Path(n): Path<usize>) -> Response {
    *site.lock().expect("site").hits.entry(format!("/news/{n}")).or_default() += 1;
    if !(1..=PAGES.len()).contains(&n) {
        return StatusCode::NOT_FOUND.into_response();
    }
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], page(n)).into_response()
}

async fn start_site() -> (String, Shared) {
    let site: Shared = Arc::new(Mutex::new(Site {
        version: 1,
        ..Site::default()
    }));
    let app = Router::new()
        .route("/feed.xml", get(serve_feed))
        .route("/news/{n}", get(serve_page))
        .route("/broken.xml", get(|| async { StatusCode::INTERNAL_SERVER_ERROR }))
        .with_state(Arc::clone(&site));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (format!("http://{addr}"), site)
}

fn config() -> FollowConfig {
    FollowConfig {
        host_interval: Duration::ZERO,
        timeout: Duration::from_secs(10),
        ..FollowConfig::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_poll_stores_every_page_and_the_second_is_answered_304() {
    let (base, site) = start_site().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("f.db")).await.expect("open");
    let feed_url = format!("{base}/feed.xml");
    let urls = vec![feed_url.clone()];

    let mut lines = Vec::new();
    let round = run(&store, &urls, &config(), true, |r| lines.push(r.to_string()))
        .await
        .expect("poll");
    assert_eq!(round[0].outcome, Outcome::Fetched(200));
    assert_eq!(
        (round[0].items, round[0].stored, round[0].pages),
        (2, 2, 2),
        "{lines:?}"
    );
    assert!(lines[0].contains("2 new (2 pages fetched)"), "{lines:?}");
    let docs: Vec<(String, String, String, String, String)> =
        sqlx::query_as("SELECT external_id, url, title, text, dct_day FROM documents ORDER BY external_id")
            .fetch_all(store.pool())
            .await
            .expect("documents");
    assert_eq!(docs.len(), 2);
    for (n, (guid, url, title, text, day)) in docs.iter().enumerate() {
        assert_eq!(guid, &format!("story-{}", n + 1));
        assert_eq!(url, &format!("{base}/news/{}", n + 1));
        assert_eq!(title, PAGES[n].0);
        // The page's full article, not the feed's teaser, and none of its chrome.
        assert!(text.contains("کارشناسان") && !text.contains("خلاصه خبر"), "{text}");
        assert!(
            !text.contains("امروز") && !text.contains("۱۳۹۷") && !text.contains("صفحه اصلی"),
            "{text}"
        );
        assert_eq!(day, "2022-01-13");
    }
    let days: Vec<String> = sqlx::query_scalar("SELECT DISTINCT first_day FROM mentions ORDER BY 1")
        .fetch_all(store.pool())
        .await
        .expect("mentions");
    assert_eq!(days, vec!["2022-01-13", "2022-01-19", "2022-01-25"]);
    assert!(site.lock().expect("site").agent.starts_with("tarikh/"));

    // Nothing changed: the conditional request is answered 304 and nothing is stored.
    let round = run(&store, &urls, &config(), true, |_| {}).await.expect("poll");
    assert_eq!(round[0].outcome, Outcome::NotModified);
    assert_eq!(round[0].stored, 0);
    {
        let s = site.lock().expect("site");
        assert_eq!(s.not_modified, 1);
        assert_eq!(s.hits.get("/news/1"), Some(&1));
    }
    let state = store.feed_state(&feed_url).await.expect("state").expect("known feed");
    assert_eq!((state.etag.as_deref(), state.last_status), (Some("\"v1\""), Some(304)));
    assert_eq!(state.items_stored, 2);

    // A new item: only its page is fetched; the two stored items are skipped by guid.
    site.lock().expect("site").version = 2;
    let round = run(&store, &urls, &config(), true, |_| {}).await.expect("poll");
    assert_eq!(
        (round[0].items, round[0].known, round[0].stored, round[0].pages),
        (3, 2, 1, 1)
    );
    let hits = site.lock().expect("site").hits.clone();
    assert_eq!((hits.get("/news/1"), hits.get("/news/3")), (Some(&1), Some(&1)));
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM documents")
        .fetch_one(store.pool())
        .await
        .expect("count");
    assert_eq!(n, 3);
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_feed_backs_off_and_keeps_its_error() {
    let (base, _site) = start_site().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("b.db")).await.expect("open");
    let url = format!("{base}/broken.xml");
    let round = run(&store, std::slice::from_ref(&url), &config(), true, |_| {})
        .await
        .expect("run");
    assert!(
        matches!(&round[0].outcome, Outcome::Failed(e) if e.contains("HTTP 500")),
        "{:?}",
        round[0]
    );
    let state = store.feed_state(&url).await.expect("state").expect("recorded");
    assert_eq!((state.failures, state.last_status), (1, Some(500)));
    assert!(state.last_error.as_deref().is_some_and(|e| e.contains("500")));
    assert!(state.next_poll_at.is_some());
    // Asked again at once, it is not polled: it waits out its backoff.
    let round = run(&store, std::slice::from_ref(&url), &config(), true, |_| {})
        .await
        .expect("run");
    assert!(matches!(round[0].outcome, Outcome::BackingOff(_)), "{:?}", round[0]);
    assert_eq!(
        store.feed_state(&url).await.expect("state").map(|s| s.failures),
        Some(1)
    );
    store.close().await;
}

/// Kills the child when the test ends, passed or not.
struct Killed(std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn follow_once_and_serve_follow_from_the_command_line() {
    use std::io::BufRead;
    let (base, _site) = start_site().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("c.db");
    let feed_url = format!("{base}/feed.xml");
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(["follow", "--once", "--db"])
        .arg(&db)
        .arg(&feed_url)
        .output()
        .await
        .expect("run follow");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        stdout.contains("200: 2 items, 0 known, 2 new (2 pages fetched)"),
        "{stdout}"
    );

    // A running server keeps following: a new database fills while it serves.
    let list = dir.path().join("feeds.txt");
    std::fs::write(&list, format!("# test feeds\n{feed_url}\n")).expect("write list");
    let mut child = Killed(
        std::process::Command::new(env!("CARGO_BIN_EXE_tarikh"))
            .args(["serve", "--addr", "127.0.0.1:0", "--follow-every", "1s", "--db"])
            .arg(dir.path().join("s.db"))
            .arg("--follow")
            .arg(&list)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn serve"),
    );
    let stdout = child.0.stdout.take().expect("stdout");
    let addr = tokio::task::spawn_blocking(move || {
        std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .find_map(|l| l.strip_prefix("tarikh listening on ").map(str::to_string))
    })
    .await
    .expect("join")
    .expect("listening line");
    let client = reqwest::Client::new();
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let body: serde_json::Value = client
            .get(format!("{addr}/api/timeline"))
            .send()
            .await
            .expect("timeline")
            .json()
            .await
            .expect("json");
        let n = body["events"].as_array().map_or(0, Vec::len);
        if n == 3 {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "timeline never filled: {body}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
