//! Ingest throughput: ≥ 10,000 generated articles of ~5 KB each (Persian,
//! Arabic and English sentences with dates, places, people and event words)
//! into a fresh database, extraction included. Prints documents/s and MB/s.
//!
//! `cargo bench --bench ingest` (set `TARIKH_BENCH_DOCS` to change the count,
//! `TARIKH_BENCH_DENSE=1` to put a date in every sentence).

use std::time::Instant;

/// mimalloc, which (with its `override` feature) also serves SQLite's
/// allocations: ingest allocates and frees many small blocks on several
/// threads, where it is markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use tarikh::lexicon::Lang;
use tarikh::store::{NewDocument, Store};

/// A small deterministic generator (64-bit LCG).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() as usize) % xs.len()]
    }
}

const FA_PLACES: [&str; 6] = ["ژنو", "وین", "دوحه", "بغداد", "تهران", "بروکسل"];
const FA_WHO: [&str; 5] = [
    "هیئت ایرانی",
    "وزیر نیرو",
    "کمیسیون حوضه آبریز زاران",
    "داریوش فراهانی",
    "نمایندگان ناتو",
];
const FA_WHAT: [&str; 5] = ["نشست", "مذاکرات", "دیدار", "گفت‌وگوی تلفنی", "بیانیه"];
const FA_MONTHS: [&str; 6] = ["دی", "بهمن", "اسفند", "آذر", "فروردین", "اردیبهشت"];
const AR_PLACES: [&str; 6] = ["جنيف", "فيينا", "الدوحة", "بغداد", "طهران", "بروكسل"];
const AR_WHO: [&str; 4] = ["الوفد العراقي", "وزير الموارد المائية", "هيئة حوض زاران", "سليم الراوي"];
const AR_WHAT: [&str; 4] = ["محادثات", "اجتماع", "اتصال هاتفي", "بيان"];
const AR_MONTHS: [&str; 6] = ["كانون الثاني", "شباط", "آذار", "يناير", "فبراير", "مارس"];
const EN_PLACES: [&str; 6] = ["Geneva", "Vienna", "Doha", "Baghdad", "Tehran", "Brussels"];
const EN_WHO: [&str; 4] = [
    "the Iraqi delegation",
    "Iran's energy minister",
    "the Zaran Basin Commission",
    "Ingrid Holm",
];
const EN_WHAT: [&str; 4] = ["talks", "a meeting", "a phone call", "a statement"];
const EN_MONTHS: [&str; 6] = ["January", "February", "March", "April", "May", "June"];

fn fa_digits(n: u64) -> String {
    n.to_string()
        .chars()
        .map(|c| char::from_u32(c as u32 - '0' as u32 + 0x06F0).unwrap_or(c))
        .collect()
}

fn article(i: usize, rng: &mut Rng, dense: bool) -> (String, Lang) {
    let lang = [Lang::Fa, Lang::Ar, Lang::En][i % 3];
    let mut text = String::with_capacity(5_400);
    match lang {
        Lang::Fa => text.push_str(&format!("گزارش شماره {} درباره آب زاران\n", fa_digits(i as u64))),
        Lang::Ar => text.push_str(&format!("تقرير رقم {i} حول مياه زاران\n")),
        _ => text.push_str(&format!("Report {i} on the Zaran water talks\n")),
    }
    let mut k = 0u64;
    while text.len() < 5_000 {
        k += 1;
        let day = 1 + rng.next() % 28;
        // About one sentence in four carries a date, as in the seed articles;
        // TARIKH_BENCH_DENSE=1 dates every sentence (a merge stress test).
        let dated = dense || rng.next().is_multiple_of(4);
        let s = match (lang, dated) {
            (Lang::Fa, true) => format!(
                "{} روز {} {} ۱۴۰۰ در {} {} برگزار کرد و درباره سهم آب و جریان رودخانه شماره {} گفت‌وگو شد. ",
                rng.pick(&FA_WHO),
                fa_digits(day),
                rng.pick(&FA_MONTHS),
                rng.pick(&FA_PLACES),
                rng.pick(&FA_WHAT),
                fa_digits(k)
            ),
            (Lang::Fa, false) => format!(
                "{} در {} درباره سهم آب و جریان رودخانه شماره {} و وضعیت سدهای بالادست توضیح داد. ",
                rng.pick(&FA_WHO),
                rng.pick(&FA_PLACES),
                fa_digits(k)
            ),
            (Lang::Ar, true) => format!(
                "عقد {} في {} {} يوم {} {} 2022 لبحث حصص المياه وتدفق النهر رقم {k}. ",
                rng.pick(&AR_WHO),
                rng.pick(&AR_PLACES),
                rng.pick(&AR_WHAT),
                day,
                rng.pick(&AR_MONTHS)
            ),
            (Lang::Ar, false) => format!(
                "وأوضح {} في {} أن حصص المياه وتدفق النهر رقم {k} ما زالت موضع نقاش بين الجانبين. ",
                rng.pick(&AR_WHO),
                rng.pick(&AR_PLACES)
            ),
            (_, true) => format!(
                "{} held {} in {} on {} {} 2022 about water shares and river flow item {k}, officials said. ",
                rng.pick(&EN_WHO),
                rng.pick(&EN_WHAT),
                rng.pick(&EN_PLACES),
                day,
                rng.pick(&EN_MONTHS)
            ),
            (_, false) => format!(
                "{} said in {} that water shares and river flow item {k} were still being discussed by both sides. ",
                rng.pick(&EN_WHO),
                rng.pick(&EN_PLACES)
            ),
        };
        text.push_str(&s);
        if k.is_multiple_of(5) {
            text.push('\n');
        }
    }
    (text, lang)
}

/// CPU seconds used so far by this process's threads, by thread name (Linux
/// `/proc`; empty elsewhere): shows which stage is the bottleneck on a
/// machine shared with other work, where wall-clock stage timings are not.
fn thread_cpu() -> std::collections::BTreeMap<String, f64> {
    let ticks = 100.0; // USER_HZ on Linux
    let mut by_name: std::collections::BTreeMap<String, f64> = std::collections::BTreeMap::new();
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return by_name;
    };
    for task in tasks.flatten() {
        let (Ok(comm), Ok(stat)) = (
            std::fs::read_to_string(task.path().join("comm")),
            std::fs::read_to_string(task.path().join("stat")),
        ) else {
            continue;
        };
        // Fields after the parenthesized name: state is field 3, utime 14, stime 15.
        let Some(rest) = stat.rfind(')').map(|i| &stat[i + 2..]) else {
            continue;
        };
        let f: Vec<&str> = rest.split_whitespace().collect();
        let cpu = f.get(11).and_then(|u| u.parse::<f64>().ok()).unwrap_or(0.0)
            + f.get(12).and_then(|s| s.parse::<f64>().ok()).unwrap_or(0.0);
        *by_name.entry(comm.trim().to_string()).or_default() += cpu / ticks;
    }
    by_name
}

fn main() {
    let n: usize = std::env::var("TARIKH_BENCH_DOCS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let dense = std::env::var("TARIKH_BENCH_DENSE").is_ok_and(|v| v == "1");
    let mut rng = Rng(0x7a71_6b68);
    let docs: Vec<(String, Lang)> = (0..n).map(|i| article(i, &mut rng, dense)).collect();
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    // The CPU part alone (extraction, sentences, gazetteer, candidate events), for reference.
    let started = Instant::now();
    let mut candidates = 0usize;
    for (text, lang) in &docs {
        let dct = chrono::NaiveDate::from_ymd_opt(2022, 3, 1).and_then(|d| d.and_hms_opt(0, 0, 0));
        let mentions = tarikh::extract::extract(
            text,
            &tarikh::extract::Options {
                dct,
                lang: Some(*lang),
                ..Default::default()
            },
        )
        .mentions;
        let sentences = tarikh::chronology::analyze(text);
        candidates += tarikh::chronology::candidates(&mentions, &sentences, None).len();
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "analysis only: {:.0} documents/s, {:.2} MB/s ({candidates} candidate events)",
        n as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("bench.db");
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let store = Store::open(&db).await.expect("open store");
        let cpu_before = thread_cpu();
        let started = Instant::now();
        let (mut mentions, mut events, mut merges) = (0usize, 0usize, 0usize);
        let dct = chrono::NaiveDate::from_ymd_opt(2022, 3, 1).and_then(|d| d.and_hms_opt(0, 0, 0));
        let docs: Vec<NewDocument> = docs
            .into_iter()
            .map(|(text, lang)| NewDocument {
                text,
                lang: Some(lang),
                dct,
                ..NewDocument::default()
            })
            .collect();
        store
            .ingest_all(docs, |r| {
                let i = r.expect("ingest");
                mentions += i.mentions.len();
                events += i.events.len() - i.merges;
                merges += i.merges;
            })
            .await;
        let secs = started.elapsed().as_secs_f64();
        let cpu: Vec<String> = thread_cpu()
            .into_iter()
            .map(|(name, s)| (s - cpu_before.get(&name).copied().unwrap_or(0.0), name))
            .filter(|(s, _)| *s >= 0.01)
            .map(|(s, name)| format!("{name} {:.3} ms/document", s * 1e3 / n as f64))
            .collect();
        store.close().await;
        let size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
        println!(
            "ingest: {n} documents, {:.1} MB in {secs:.2} s: {:.0} documents/s, {:.2} MB/s \
             ({mentions} mentions, {events} new events, {merges} merges; database {:.1} MB)",
            bytes as f64 / 1e6,
            n as f64 / secs,
            bytes as f64 / 1e6 / secs,
            size as f64 / 1e6
        );
        // tokio-rt-worker: extraction and analysis, and the next group's
        // merge decisions and rows (blocking threads); the main thread: the
        // async writer task; sqlx-sqlite-worker: SQLite (writer and snapshot reads).
        println!("CPU during ingest, by thread: {}", cpu.join(", "));
    });
}
