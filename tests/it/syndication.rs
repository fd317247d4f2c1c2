//! Syndicated copies: one agency's article carried by five outlets is one
//! source. The article and its copies are texts written for this test.

use tarikh::lexicon::Lang;
use tarikh::store::{NewDocument, Store, parse_dct};

const STORY: &str = "هیئت‌های ایران و عراق روز پنجشنبه ۲۳ دی ۱۴۰۰ در ژنو درباره تقسیم آب رودخانه‌های مرزی گفتگو کردند. \
    به گفته یکی از اعضای هیئت ایرانی، دو طرف درباره سازوکار مشترک اندازه‌گیری جریان آب و تبادل داده‌های ایستگاه‌های \
    آب‌سنجی به تفاهم اولیه رسیدند و قرار شد کارشناسان فنی پیش‌نویس یک یادداشت تفاهم را آماده کنند. \
    این مقام افزود که دور بعدی گفتگوها روز ۲۹ دی ۱۴۰۰ در بغداد برگزار می‌شود و وزیران نیرو دو کشور نیز در آن شرکت خواهند کرد. \
    کارشناسان می‌گویند کاهش بارندگی در سال‌های اخیر و ساخت سدهای تازه در بالادست، اختلاف‌ها بر سر منابع آب را در منطقه افزایش داده است.";

fn copy(outlet: &str, lead: &str, tail: &str, text: &str) -> NewDocument {
    NewDocument {
        text: format!("{lead}{text}{tail}"),
        title: Some(format!("گفتگوی آبی ایران و عراق در ژنو — {outlet}")),
        source: Some(outlet.to_string()),
        url: Some(format!("https://{outlet}.example/news/1")),
        lang: Some(Lang::Fa),
        dct: Some(parse_dct("2022-01-13").expect("dct")),
        ..NewDocument::default()
    }
}

/// The agency's article and four outlets' copies: their own lead-in, a
/// sign-off, one with Arabic letter forms (ي, ك) as some sites serve them.
fn five_outlets() -> Vec<NewDocument> {
    vec![
        copy("agency", "", "", STORY),
        copy("daily", "به گزارش روزنامه نمونه به نقل از خبرگزاری، ", "", STORY),
        copy("online", "", " انتهای پیام", STORY),
        copy(
            "weekly",
            "سرویس بین‌الملل: ",
            " منبع: خبرگزاری",
            &STORY.replace('ی', "ي").replace('ک', "ك"),
        ),
        copy("portal", "تهران – ", "", STORY),
    ]
}

async fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("s.db")).await.expect("open");
    (dir, store)
}

async fn check_one_source(store: &Store) {
    let rows: Vec<(i64, Option<i64>, Option<f64>)> =
        sqlx::query_as("SELECT id, copy_of, copy_similarity FROM documents ORDER BY id")
            .fetch_all(store.pool())
            .await
            .expect("documents");
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[0].1, None, "the first stored is the original");
    for (id, copy_of, sim) in &rows[1..] {
        assert_eq!(*copy_of, Some(rows[0].0), "document {id} is linked to the original");
        assert!(sim.is_some_and(|s| s >= 0.8), "document {id}: similarity {sim:?}");
    }
    let events: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT e.first_day, e.n_sources, (SELECT count(DISTINCT document_id) FROM evidence v WHERE v.event_id = e.id) \
         FROM events e ORDER BY e.first_day",
    )
    .fetch_all(store.pool())
    .await
    .expect("events");
    // Both dates, each supported by all five texts and counted as one source.
    assert_eq!(
        events,
        vec![("2022-01-13".to_string(), 1, 5), ("2022-01-19".to_string(), 1, 5)]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_copies_in_one_run_are_one_source() {
    let (_dir, store) = fresh().await;
    let mut copies = Vec::new();
    store
        .ingest_all(five_outlets(), |r| copies.push(r.expect("ingest").copy_of))
        .await;
    assert_eq!(copies, vec![None, Some(1), Some(1), Some(1), Some(1)]);
    check_one_source(&store).await;
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn copies_arriving_one_by_one_find_the_stored_original() {
    let (_dir, store) = fresh().await;
    for doc in five_outlets() {
        store.ingest(doc).await.expect("ingest");
    }
    check_one_source(&store).await;
    // An independent report of the same talks is a second source.
    let own = NewDocument {
        text: "وزارت نیرو اعلام کرد نمایندگان تهران و بغداد روز پنجشنبه ۲۳ دی ۱۴۰۰ در ژنو درباره آب رودخانه‌های مرزی \
               دیدار کردند؛ جزئیات بیشتری منتشر نشده است."
            .into(),
        source: Some("ministry".into()),
        lang: Some(Lang::Fa),
        dct: Some(parse_dct("2022-01-13").expect("dct")),
        ..NewDocument::default()
    };
    let i = store.ingest(own).await.expect("ingest");
    assert_eq!(i.copy_of, None);
    let n: i64 = sqlx::query_scalar("SELECT n_sources FROM events WHERE first_day = '2022-01-13'")
        .fetch_one(store.pool())
        .await
        .expect("event");
    assert_eq!(n, 2);
    store.close().await;
}
