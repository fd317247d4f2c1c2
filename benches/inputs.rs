//! Input throughput: main-text extraction from article pages with their
//! site's chrome (pages/s), feed parsing (items/s), feed ingest into a new
//! database (documents/s, extraction and storing included) and syndication
//! signatures (documents/s). Prints the figures.
//!
//! `cargo bench --bench inputs` (`TARIKH_BENCH_PAGES`, `TARIKH_BENCH_ITEMS`
//! change the counts).

use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use tarikh::input::{Options, extract_page, parse_feed};
use tarikh::store::Store;
use tarikh::syndication::Signature;

const PARAGRAPHS: [&str; 4] = [
    "هیئت‌های مذاکره‌کننده روز پنجشنبه ۲۳ دی ۱۴۰۰ در وین گرد هم آمدند و دور تازه‌ای از رایزنی‌ها را درباره متن پیش‌نویس آغاز کردند؛ به گفته دیپلمات‌ها محور اصلی نشست بندهای باقی‌مانده توافق بود.",
    "وقال المتحدث باسم الوزارة إن الوفود ستصل إلى جنيف في 30 كانون الثاني 2022، على أن تبدأ الاجتماعات الرسمية بعد وصولها وتستمر عدة أيام، مشيرا إلى أن جدول الأعمال يتضمن ملفات إنسانية واقتصادية.",
    "Officials said the experts would meet again in Geneva on 19 January 2022 to finish the list of open questions, and that the ministers could travel to Vienna at the end of the month if the list was ready.",
    "ناظران می‌گویند فضای گفتگوها نسبت به هفته‌های گذشته آرام‌تر شده است، اما هنوز اختلاف‌های جدی بر سر ترتیب اجرای تعهدات و سازوکار راستی‌آزمایی باقی مانده است که حل آن‌ها زمان می‌برد.",
];

/// A news page of about 14 KB: head with scripts and JSON-LD, a header
/// with today's date, a menu, the article, a related-news rail, a footer.
fn page(i: usize) -> String {
    let menu: String = (0..40)
        .map(|k| format!("<li><a href=\"/section/{k}\">بخش {k}</a></li>"))
        .collect();
    let related: String = (0..25)
        .map(|k| format!("<li><a href=\"/news/{k}\">گزارش {k} مهر ۱۳۹۹ درباره موضوع شماره {k}</a></li>"))
        .collect();
    let body: String = (0..12)
        .map(|k| format!("<p>{} (بند {i}-{k})</p>\n", PARAGRAPHS[(i + k) % PARAGRAPHS.len()]))
        .collect();
    format!(
        "<!DOCTYPE html><html lang=\"fa\"><head><meta charset=\"utf-8\"><title>خبر شماره {i} - خبرگزاری نمونه</title>\
         <meta property=\"og:title\" content=\"خبر شماره {i}\"><meta property=\"article:published_time\" content=\"2022-01-12T10:00:00+03:30\">\
         <link rel=\"canonical\" href=\"https://news.example/{i}\"><style>{}</style>\
         <script>{}</script><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"datePublished\":\"2022-01-12\"}}</script></head>\
         <body><header><div class=\"date\">امروز ۱۱ آذر ۱۴۰۵</div><nav><ul>{menu}</ul></nav></header>\
         <main><article><h1>خبر شماره {i}</h1>{body}</article></main>\
         <aside class=\"related\"><ul>{related}</ul></aside>\
         <footer><p>تمامی حقوق محفوظ است ۱۴۰۵</p><ul>{menu}</ul></footer></body></html>",
        ".nav a { color: #333; } ".repeat(60),
        "var d = new Date('2020-02-02'); dataLayer.push({a: 1}); ".repeat(40),
    )
}

/// Dated phrases the feed's items mention.
const DATES: [&str; 4] = [
    "روز ۲۳ دی ۱۴۰۰",
    "في 30 كانون الثاني 2022",
    "on 19 January 2022",
    "روز ۵ بهمن ۱۴۰۰",
];

/// A paragraph of distinct words (drawn from [`PARAGRAPHS`] by a 64-bit
/// LCG) around a dated phrase, so items are not near-duplicates of each other.
fn paragraph(seed: u64) -> String {
    let vocab: Vec<&str> = PARAGRAPHS.iter().flat_map(|p| p.split_whitespace()).collect();
    let mut x = seed
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    let mut words = Vec::with_capacity(32);
    for k in 0..30 {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        words.push(vocab[(x >> 33) as usize % vocab.len()]);
        if k == 14 {
            words.push(DATES[(x >> 40) as usize % DATES.len()]);
        }
    }
    words.join(" ") + "."
}

fn feed(items: usize) -> String {
    let entries: String = (0..items)
        .map(|i| {
            let content: String = (0..6)
                .map(|k| format!("<p>{}</p>", paragraph((i * 6 + k) as u64)))
                .collect();
            format!(
                "<item><title>خبر {i}</title><link>https://news.example/{i}</link><guid>story-{i}</guid>\
                 <pubDate>Thu, 13 Jan 2022 10:{:02}:00 +0330</pubDate><description>خلاصه</description>\
                 <content:encoded><![CDATA[{content}]]></content:encoded></item>",
                i % 60
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>نمونه</title>\
         <language>fa</language>{entries}</channel></rss>"
    )
}

fn count(var: &str, default: usize) -> usize {
    std::env::var(var).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn main() {
    let n_pages = count("TARIKH_BENCH_PAGES", 500);
    let pages: Vec<String> = (0..n_pages).map(page).collect();
    let bytes: usize = pages.iter().map(String::len).sum();
    let start = Instant::now();
    let mut chars = 0usize;
    for p in &pages {
        let page = extract_page(p.as_bytes(), &Options::default()).expect("page");
        chars += page.doc.text.chars().count();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "html main text: {n_pages} pages, {:.1} MB in {secs:.2} s: {:.0} pages/s, {:.2} MB/s ({} characters of text per page)",
        bytes as f64 / 1e6,
        n_pages as f64 / secs,
        bytes as f64 / 1e6 / secs,
        chars / n_pages.max(1)
    );

    let n_items = count("TARIKH_BENCH_ITEMS", 5_000);
    let xml = feed(n_items);
    let start = Instant::now();
    let items = parse_feed(xml.as_bytes(), &Options::default()).expect("feed");
    let secs = start.elapsed().as_secs_f64();
    println!(
        "feed parse: {} items, {:.1} MB in {secs:.2} s: {:.0} items/s",
        items.len(),
        xml.len() as f64 / 1e6,
        items.len() as f64 / secs
    );

    // As ingest computes them: from the analysis it already has.
    let analyzed: Vec<_> = items.iter().map(|i| tarikh::chronology::analyze(&i.doc.text)).collect();
    let start = Instant::now();
    let signed = analyzed.iter().filter(|a| Signature::of_sentences(a).is_some()).count();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "syndication signatures: {signed} documents in {secs:.2} s: {:.0} documents/s",
        signed as f64 / secs
    );

    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(&dir.path().join("bench.db")).await.expect("open");
        let start = Instant::now();
        let items = parse_feed(xml.as_bytes(), &Options::default()).expect("feed");
        let docs: Vec<_> = items.into_iter().map(|i| i.doc).collect();
        let (mut stored, mut copies) = (0usize, 0usize);
        store
            .ingest_all(docs, |r| {
                if let Ok(i) = r {
                    stored += usize::from(i.created);
                    copies += usize::from(i.copy_of.is_some());
                }
            })
            .await;
        let secs = start.elapsed().as_secs_f64();
        println!(
            "feed ingest (parse, extract, store): {stored} documents in {secs:.2} s: {:.0} documents/s ({copies} syndicated copies)",
            stored as f64 / secs
        );
        store.close().await;
    });
}
