//! Extraction throughput (MB/s on one core) over a ≥ 10 MB corpus built by
//! repeating the seed articles in `../shared/seeds`, over the real articles
//! of `../shared/corpus`, and peak memory while
//! extracting a 100 MB input. Prints the figures; run with
//! `cargo bench --bench extract`.

use std::time::Instant;

use tarikh::extract::{Options, extract, parse_dct};

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// CPU time this thread has run, from the scheduler (immune to other load).
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(s.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
}

/// MB/s over the real articles of `../shared/corpus` (each with its own
/// publication day as the DCT), best of three, on one core.
fn corpus_throughput(dir: &std::path::Path) {
    #[derive(serde::Deserialize)]
    struct Article {
        text: String,
        published_at: Option<String>,
        lang: Option<String>,
    }
    let mut docs: Vec<(String, Options)> = Vec::new();
    for name in ["fars_fa.jsonl", "saudinewsnet_ar.jsonl"] {
        let Ok(raw) = std::fs::read_to_string(dir.join(name)) else {
            println!("corpus bench skipped: {} not found", dir.join(name).display());
            return;
        };
        for line in raw.lines() {
            let Ok(a) = serde_json::from_str::<Article>(line) else {
                continue;
            };
            let opts = Options {
                dct: a.published_at.as_deref().and_then(parse_dct),
                lang: a.lang.as_deref().and_then(tarikh::lexicon::Lang::parse),
                ..Default::default()
            };
            docs.push((a.text, opts));
        }
    }
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    let (mut best, mut best_cpu, mut mentions) = (f64::MAX, f64::MAX, 0);
    for _ in 0..3 {
        let t = Instant::now();
        let c0 = cpu_seconds();
        mentions = docs
            .iter()
            .map(|(text, o)| extract(text, o).mentions.len())
            .sum::<usize>();
        best = best.min(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c0, cpu_seconds()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "corpus: {:.1} MB in {} real articles, {} mentions, best of 3: {:.3} s wall = {:.1} MB/s; {:.3} s on-CPU = {:.1} MB/s (one core)",
        mb,
        docs.len(),
        mentions,
        best,
        mb / best,
        best_cpu,
        mb / best_cpu
    );
}

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!(
            "extract bench skipped: {} not found (the seed articles live in ../shared)",
            dir.display()
        );
        return;
    };
    let mut seeds: Vec<String> = entries
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    seeds.sort();
    if seeds.is_empty() {
        println!("extract bench skipped: no seed articles in {}", dir.display());
        return;
    }
    let opts = Options {
        dct: parse_dct("2022-01-15"),
        lang: None,
        ..Default::default()
    };
    let mut corpus = Vec::new();
    let mut bytes = 0usize;
    while bytes < 10 * 1024 * 1024 {
        for s in &seeds {
            bytes += s.len();
            corpus.push(s.clone());
        }
    }
    // warm-up (lexicon load, caches)
    let mut mentions = 0usize;
    for doc in corpus.iter().take(50) {
        mentions += extract(doc, &opts).mentions.len();
    }
    let (mut best, mut best_cpu) = (f64::MAX, f64::MAX);
    for _ in 0..3 {
        let t = Instant::now();
        let c0 = cpu_seconds();
        mentions = 0;
        for doc in &corpus {
            mentions += extract(doc, &opts).mentions.len();
        }
        best = best.min(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c0, cpu_seconds()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "extract: {:.1} MB in {} documents, {} mentions, best of 3: {:.3} s wall = {:.1} MB/s; {:.3} s on-CPU = {:.1} MB/s (one core)",
        mb,
        corpus.len(),
        mentions,
        best,
        mb / best,
        best_cpu,
        mb / best_cpu
    );

    corpus_throughput(&dir.join("../corpus"));

    // One 100 MB input: peak memory beyond the input itself.
    let mut big = String::with_capacity(100 * 1024 * 1024 + 8192);
    'fill: loop {
        for s in &seeds {
            if big.len() + s.len() > 100 * 1024 * 1024 {
                break 'fill;
            }
            big.push_str(s);
        }
    }
    let before = peak_rss_kib();
    let t = Instant::now();
    let n = extract(&big, &opts).mentions.len();
    let secs = t.elapsed().as_secs_f64();
    let after = peak_rss_kib();
    if let (Some(b), Some(a)) = (before, after) {
        println!(
            "extract: 100 MB input ({} bytes), {} mentions in {:.2} s; peak RSS {} MiB before, {} MiB after (input {} MiB; extra {} MiB)",
            big.len(),
            n,
            secs,
            b / 1024,
            a / 1024,
            big.len() / (1024 * 1024),
            a.saturating_sub(b) / 1024
        );
    }
}
