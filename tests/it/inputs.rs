//! Inputs as people have them: feeds, saved article pages with their site's
//! chrome, a windows-1256 page, a CSV export, JSON, standard input and
//! directories. Fixtures are in `tests/data/inputs/`, written for these tests.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use tarikh::input::{Format, Options, read_paths};
use tarikh::lexicon::Lang;
use tarikh::store::{NewDocument, Store};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/inputs")
        .join(name)
}

/// Every document a fixture gives, each readable.
fn read(name: &str) -> Vec<NewDocument> {
    let got = read_paths(&[fixture(name)], None, &Options::default());
    assert!(got.missing.is_empty(), "{:?}", got.missing);
    got.records
        .into_iter()
        .map(|(origin, doc)| doc.unwrap_or_else(|e| panic!("{origin}: {e}")))
        .collect()
}

/// Ingests `doc` into a fresh store and returns the first day of each mention
/// and the stored document's day, language and DCT source.
async fn ingest_one(doc: NewDocument) -> (BTreeSet<String>, (String, String, String)) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("t.db")).await.expect("open");
    let i = store.ingest(doc).await.expect("ingest");
    let days: Vec<String> = sqlx::query_scalar("SELECT first_day FROM mentions WHERE document_id = ?")
        .bind(i.document_id)
        .fetch_all(store.pool())
        .await
        .expect("mentions");
    let row: (String, String, String) =
        sqlx::query_as("SELECT coalesce(dct_day, ''), lang, dct_source FROM documents WHERE id = ?")
            .bind(i.document_id)
            .fetch_one(store.pool())
            .await
            .expect("document");
    store.close().await;
    (days.into_iter().collect(), row)
}

fn set(days: &[&str]) -> BTreeSet<String> {
    days.iter().map(|d| d.to_string()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn persian_page_keeps_the_article_and_drops_the_chrome() {
    let docs = read("fa-article.html");
    assert_eq!(docs.len(), 1);
    let d = docs[0].clone();
    assert_eq!(d.title.as_deref(), Some("از سرگیری گفتگوها در وین پس از یک هفته توقف"));
    assert_eq!(
        d.url.as_deref(),
        Some("https://news.example.ir/fa/news/48213/vienna-talks")
    );
    assert_eq!(d.published_at.as_deref(), Some("2022-01-12T22:40:00+03:30"));
    assert_eq!(d.lang, Some(Lang::Fa));
    assert_eq!(d.source.as_deref(), Some("خبرگزاری نمونه"));
    assert!(d.text.starts_with("به گزارش خبرنگار ما"), "{}", d.text);
    assert!(d.text.contains("سازوکار راستی‌آزمایی"));
    for chrome in [
        "امروز",
        "اخبار مرتبط",
        "۱۳۹۹",
        "۱۳۹۸",
        "تمامی حقوق",
        "2019",
        "اشتراک",
        "سیاسی",
        "۱۴۰۵",
        "۱۴۰۱",
    ] {
        assert!(!d.text.contains(chrome), "chrome {chrome:?} in the text: {}", d.text);
    }
    let (days, (dct_day, lang, dct_source)) = ingest_one(d).await;
    // The header's today, the scripts', the rail's, the footer's and the comment's dates are all absent.
    assert_eq!(days, set(&["2022-01-13", "2022-01-19"]));
    assert_eq!(
        (dct_day.as_str(), lang.as_str(), dct_source.as_str()),
        ("2022-01-12", "fa", "given")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn windows_1256_page_is_decoded_and_dated_by_its_time_element() {
    let bytes = std::fs::read(fixture("ar-windows-1256.html")).expect("fixture");
    assert!(std::str::from_utf8(&bytes).is_err(), "the fixture must not be UTF-8");
    let page = tarikh::input::extract_page(&bytes, &Options::default()).expect("page");
    assert_eq!(page.encoding, "windows-1256");
    let d = page.doc;
    // The <title> without the site's name (the page has no og:title).
    assert_eq!(
        d.title.as_deref(),
        Some("الوزارة تعلن موعد الجولة المقبلة من المحادثات")
    );
    assert_eq!(d.published_at.as_deref(), Some("2022-01-24T09:00:00+02:00"));
    assert_eq!(d.lang, Some(Lang::Ar));
    assert!(d.text.starts_with("أعلنت وزارة الخارجية"), "{}", d.text);
    for chrome in [
        "الرئيسية",
        "أرشيف",
        "ذات صلة",
        "2019",
        "2017",
        "2026",
        "الحقوق",
        "served",
    ] {
        assert!(!d.text.contains(chrome), "chrome {chrome:?} in the text: {}", d.text);
    }
    let (days, (dct_day, lang, _)) = ingest_one(d).await;
    assert_eq!(days, set(&["2022-01-24", "2022-01-30"]));
    assert_eq!((dct_day.as_str(), lang.as_str()), ("2022-01-24", "ar"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rss_items_keep_the_feeds_own_day_and_lose_their_markup() {
    let docs = read("agency.rss");
    assert_eq!(docs.len(), 2);
    let first = &docs[0];
    assert_eq!(first.title.as_deref(), Some("وصول الوفود إلى جنيف"));
    assert_eq!(first.url.as_deref(), Some("https://agency.example.com/news/1001"));
    assert_eq!(first.external_id.as_deref(), Some("agency-1001"));
    assert_eq!(first.source.as_deref(), Some("وكالة المثال للأنباء"));
    // 01:30 at +0300 is the 23rd in UTC; the feed's day is the 24th.
    assert_eq!(first.published_at.as_deref(), Some("Mon, 24 Jan 2022 01:30:00 +0300"));
    assert_eq!(first.dct.map(|d| d.to_string()).as_deref(), Some("2022-01-24 01:30:00"));
    assert_eq!(first.lang, Some(Lang::Ar));
    // content:encoded, not the description; no markup, no script.
    assert!(first.text.contains("ثلاثة أيام"), "{}", first.text);
    assert!(
        !first.text.contains('<') && !first.text.contains("2019"),
        "{}",
        first.text
    );
    // The second item has only a description, with its markup stripped.
    assert!(docs[1].text.starts_with("التقى المبعوث"), "{}", docs[1].text);
    assert_eq!(
        docs[1].external_id.as_deref(),
        Some("https://agency.example.com/news/1002")
    );
    let (days, (dct_day, _, _)) = ingest_one(first.clone()).await;
    assert_eq!(days, set(&["2022-01-23", "2022-01-25"]));
    assert_eq!(dct_day, "2022-01-24");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn atom_entries_take_content_id_and_published() {
    let docs = read("wire.atom");
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d.title.as_deref(), Some("Talks to resume in Vienna & Geneva"));
    assert_eq!(d.external_id.as_deref(), Some("tag:wire.example.org,2022:story-77"));
    assert_eq!(d.url.as_deref(), Some("https://wire.example.org/story/77"));
    assert_eq!(d.source.as_deref(), Some("Example Wire"));
    // 23:45 at -05:00 is already the 13th in UTC; the entry was published on the 12th.
    assert_eq!(d.published_at.as_deref(), Some("2022-01-12T23:45:00-05:00"));
    assert_eq!(d.lang, Some(Lang::En));
    assert!(d.text.contains("second round") && !d.text.contains("<p>"), "{}", d.text);
    let (days, (dct_day, _, _)) = ingest_one(d.clone()).await;
    assert_eq!(days, set(&["2022-01-13", "2022-01-20"]));
    assert_eq!(dct_day, "2022-01-12");
}

#[test]
fn csv_export_rows_become_documents_and_a_bad_row_fails_alone() {
    let got = read_paths(&[fixture("export.csv")], None, &Options::default());
    assert_eq!(got.records.len(), 3);
    let ok: Vec<&NewDocument> = got.records.iter().filter_map(|(_, d)| d.as_ref().ok()).collect();
    assert_eq!(ok.len(), 2);
    assert_eq!(ok[0].title.as_deref(), Some("Ministers meet in Geneva"));
    assert_eq!(
        ok[0].text,
        "Foreign ministers met in Geneva on 12 January 2022.\nA second meeting is set for 19 January."
    );
    assert_eq!(ok[0].url.as_deref(), Some("https://wire.example.org/story/80"));
    assert_eq!(ok[0].source.as_deref(), Some("Example Wire"));
    assert_eq!(ok[0].dct.map(|d| d.date().to_string()).as_deref(), Some("2022-01-13"));
    assert_eq!(ok[1].lang, Some(Lang::Fa));
    let (origin, bad) = &got.records[2];
    assert!(origin.ends_with("export.csv:5"), "{origin}");
    assert!(bad.as_ref().is_err_and(|e| e.to_string().contains("\"text\" is empty")));
    assert_eq!(got.counts.by_format.get(&Format::Csv), Some(&(1, 2, 1)));
}

fn tarikh() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tarikh"))
}

#[test]
fn a_directory_is_read_by_format_and_an_empty_one_fails() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("d.db");
    let out = tarikh()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(fixture(""))
        .output()
        .expect("run ingest");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stderr.contains("1 csv file (2 documents, 1 failed), 2 feed files (3 documents), 2 html files (2 documents)"),
        "{stderr}"
    );
    assert!(stdout.contains("documents: 7 new"), "{stdout}");
    // The CSV's empty row is an error, so the exit says so.
    assert_eq!(out.status.code(), Some(2));

    let empty = dir.path().join("empty");
    std::fs::create_dir_all(empty.join("sub")).expect("mkdir");
    std::fs::write(empty.join("sub/photo.jpg"), b"\xFF\xD8").expect("write");
    let out = tarikh()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&empty)
        .output()
        .expect("run ingest");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("no documents found") && stderr.contains("1 other file skipped"),
        "{stderr}"
    );
}

fn ingest_stdin(db: &Path, args: &[&str], input: &str) -> (Option<i32>, String) {
    let mut child = tarikh()
        .args(["ingest", "--db"])
        .arg(db)
        .args(args)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn ingest");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn standard_input_is_json_lines_unless_told_otherwise() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    let (code, out) = ingest_stdin(
        &db,
        &[],
        "{\"text\":\"Talks in Geneva on 12 January 2022.\",\"id\":\"a\"}\n",
    );
    assert_eq!(code, Some(0));
    assert!(out.contains("documents: 1 new"), "{out}");
    let (code, out) = ingest_stdin(
        &db,
        &["--format", "tsv", "--columns", "text=story"],
        "story\theadline\nMinisters met in Doha on 3 March 2022.\tDoha\n",
    );
    assert_eq!(code, Some(0));
    assert!(out.contains("documents: 1 new"), "{out}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_takes_feeds_pages_and_tables_and_refuses_a_bad_table_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut config = tarikh::api::ServeConfig::new(dir.path().join("api.db"));
    config.addr = "127.0.0.1:0".into();
    let server = tarikh::api::start(&config).await.expect("server");
    let url = format!("http://{}/api/documents", server.addr);
    let http = reqwest::Client::new();
    let post = |ctype: &'static str, body: Vec<u8>| http.post(&url).header("content-type", ctype).body(body).send();
    let feed = std::fs::read(fixture("agency.rss")).expect("fixture");
    let r = post("application/rss+xml", feed).await.expect("post feed");
    assert_eq!(r.status(), reqwest::StatusCode::CREATED);
    let body: serde_json::Value = r.json().await.expect("json");
    assert_eq!(body["created"], 2, "{body}");

    let page = std::fs::read(fixture("ar-windows-1256.html")).expect("fixture");
    let r = post("text/html; charset=windows-1256", page).await.expect("post page");
    assert_eq!(r.status(), reqwest::StatusCode::CREATED);
    let body: serde_json::Value = r.json().await.expect("json");
    let id = body["document_id"].as_i64().expect("document id");
    let doc: serde_json::Value = http
        .get(format!("{url}/{id}"))
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(doc["title"], "الوزارة تعلن موعد الجولة المقبلة من المحادثات", "{doc}");

    // The export's third row has no text: nothing of the body is stored.
    let csv = std::fs::read(fixture("export.csv")).expect("fixture");
    let r = post("text/csv", csv).await.expect("post csv");
    assert_eq!(r.status(), reqwest::StatusCode::BAD_REQUEST);
    let problem: serde_json::Value = r.json().await.expect("json");
    assert!(
        problem["detail"].as_str().is_some_and(|d| d.starts_with("5: ")),
        "{problem}"
    );
    let store = Store::open(&dir.path().join("api.db")).await.expect("open");
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM documents")
        .fetch_one(store.ro_pool())
        .await
        .expect("count");
    assert_eq!(n, 3);
    store.close().await;
    server.stop().await.expect("stop");
}

#[test]
fn an_unreadable_published_at_is_the_record_error() {
    let lines = concat!(
        r#"{"text":"نشست ۲۲ دی ۱۴۰۰ برگزار شد.","published_at":"garbage"}"#,
        "\n",
        r#"{"text":"نشست ۲۲ دی ۱۴۰۰ برگزار شد.","published_at":"2022-01-13"}"#,
        "\n"
    );
    let records = tarikh::input::parse_jsonl(lines.as_bytes(), &Options::default());
    assert_eq!(records.len(), 2);
    let err = records[0]
        .doc
        .as_ref()
        .err()
        .map(ToString::to_string)
        .unwrap_or_default();
    assert!(err.contains("published_at") && err.contains("garbage"), "{err}");
    let ok = records[1]
        .doc
        .as_ref()
        .ok()
        .and_then(|d| d.dct)
        .map(|d| d.date().to_string());
    assert_eq!(ok.as_deref(), Some("2022-01-13"));
}
