//! Merging measured on a written corpus: short Persian, Arabic and English
//! articles about twelve stories of the same two days that share dates,
//! capitals, countries and generic event words (sports, economy, diplomacy,
//! weather, disasters, security), with the gold cluster of each article
//! (`tests/data/stories/stories.jsonl`: `story` and the `event_date` of its
//! happening). Some outlets repeat a byline, a navigation line or a rail
//! with a date word on every page, and some articles use `أحد` ("one of")
//! and month mentions, so false and coarse dates are present too.
//!
//! Each article's statement of its happening is the event holding its
//! evidence dated `event_date`; pairwise precision and recall compare those
//! events with the gold stories.

use std::collections::{BTreeMap, BTreeSet};

use sqlx::Row;
use tarikh::store::{NewDocument, Store, parse_dct};

struct Article {
    id: String,
    story: String,
    event_date: String,
}

fn corpus() -> (Vec<Article>, Vec<NewDocument>) {
    let text = include_str!("../data/stories/stories.jsonl");
    let mut rows: Vec<serde_json::Value> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("corpus line is JSON"))
        .collect();
    // Ingested day by day, outlets interleaved, as a crawl delivers them.
    let key = |v: &serde_json::Value, k: &str| v[k].as_str().unwrap_or_default().to_string();
    rows.sort_by_key(|v| (key(v, "dct"), key(v, "source"), key(v, "id")));
    let articles = rows
        .iter()
        .map(|v| Article {
            id: key(v, "id"),
            story: key(v, "story"),
            event_date: key(v, "event_date"),
        })
        .collect();
    let docs = rows
        .iter()
        .map(|v| NewDocument {
            text: key(v, "text"),
            title: Some(key(v, "title")),
            source: Some(key(v, "source")),
            lang: tarikh::lexicon::Lang::parse(&key(v, "lang")),
            dct: Some(parse_dct(&key(v, "dct")).expect("corpus dct")),
            external_id: Some(key(v, "id")),
            ..NewDocument::default()
        })
        .collect();
    (articles, docs)
}

/// Pairwise precision and recall of `found` (article → event, None when it
/// has no event on its date) against the gold stories.
fn pairwise(articles: &[Article], found: &BTreeMap<String, Option<i64>>) -> (f64, f64, usize, usize, usize) {
    let (mut both, mut merged, mut gold) = (0, 0, 0);
    for (i, a) in articles.iter().enumerate() {
        for b in &articles[i + 1..] {
            let same_gold = a.story == b.story;
            let same_found = matches!((found[&a.id], found[&b.id]), (Some(x), Some(y)) if x == y);
            both += usize::from(same_gold && same_found);
            merged += usize::from(same_found);
            gold += usize::from(same_gold);
        }
    }
    let precision = if merged == 0 { 1.0 } else { both as f64 / merged as f64 };
    let recall = if gold == 0 { 1.0 } else { both as f64 / gold as f64 };
    (precision, recall, both, merged, gold)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn written_stories_merge_into_one_event_each() {
    let (articles, docs) = corpus();
    let stories: BTreeSet<&str> = articles.iter().map(|a| a.story.as_str()).collect();
    assert!(
        articles.len() >= 80 && stories.len() >= 10,
        "the corpus is the one the issue asks for"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("stories.db")).await.expect("open");
    let mut failed = 0;
    store.ingest_all(docs, |r| failed += usize::from(r.is_err())).await;
    assert_eq!(failed, 0);

    let rows = sqlx::query(
        "SELECT d.external_id, v.event_id, e.first_day, e.last_day FROM evidence v \
         JOIN documents d ON d.id = v.document_id JOIN events e ON e.id = v.event_id",
    )
    .fetch_all(store.pool())
    .await
    .expect("evidence");
    let mut found: BTreeMap<String, Option<i64>> = articles.iter().map(|a| (a.id.clone(), None)).collect();
    let gold_date: BTreeMap<&str, &str> = articles
        .iter()
        .map(|a| (a.id.as_str(), a.event_date.as_str()))
        .collect();
    let story_of: BTreeMap<&str, &str> = articles.iter().map(|a| (a.id.as_str(), a.story.as_str())).collect();
    let mut event_stories: BTreeMap<i64, BTreeSet<String>> = BTreeMap::new();
    for r in &rows {
        let (doc, event, first, last): (String, i64, String, String) = (r.get(0), r.get(1), r.get(2), r.get(3));
        event_stories
            .entry(event)
            .or_default()
            .insert(story_of[doc.as_str()].to_string());
        if first == last && gold_date[doc.as_str()] == first {
            found.insert(doc, Some(event));
        }
    }
    let (precision, recall, both, merged, gold) = pairwise(&articles, &found);
    let mixed: Vec<_> = event_stories.iter().filter(|(_, s)| s.len() > 1).collect();
    println!(
        "stories: {} articles, {} stories; pairwise precision {precision:.3} ({both}/{merged}), recall {recall:.3} \
         ({both}/{gold}); events mixing stories: {}",
        articles.len(),
        stories.len(),
        mixed.len()
    );
    for (event, s) in &mixed {
        println!("  event {event} mixes {s:?}");
    }

    // No event is formed by boilerplate: in no event with two or more
    // sources does a source take part only through an outlet's byline,
    // navigation line, rail or publication stamp.
    let boiler = sqlx::query_scalar::<_, i64>(
        "SELECT count(*) FROM (SELECT v.event_id, v.document_id FROM evidence v \
         JOIN events e ON e.id = v.event_id JOIN sentences s ON s.id = v.sentence_id WHERE e.n_sources >= 2 \
         GROUP BY v.event_id, v.document_id HAVING min(s.text LIKE '%عين الخليج%' OR s.text LIKE '%ایسنا%' \
         OR s.text LIKE '%wire desk%' OR s.text LIKE 'تاريخ النشر%') = 1)",
    )
    .fetch_one(store.pool())
    .await
    .expect("boilerplate query");
    assert_eq!(boiler, 0, "events formed by boilerplate");

    // Every merge records its score as the parts it was summed from.
    let merges: Vec<(f64, String, String)> = sqlx::query_as("SELECT score, parts, reason FROM merges")
        .fetch_all(store.pool())
        .await
        .expect("merges");
    assert!(merges.len() >= 80, "{} merges", merges.len());
    for (score, parts, reason) in &merges {
        let p: serde_json::Value = serde_json::from_str(parts).expect("parts are JSON");
        let part = |k: &str| p[k].as_f64().unwrap_or(f64::NAN);
        let sum = ["people", "orgs", "places", "countries", "event", "tokens"]
            .map(part)
            .iter()
            .sum::<f64>();
        assert!(
            (sum - part("total")).abs() < 1e-9 && (part("total") - score).abs() < 1e-9,
            "{parts}"
        );
        assert!(*score >= tarikh::chronology::merge::THRESHOLD, "{parts}");
        assert!(matches!(p["support"].as_str(), Some("primary" | "sources")), "{parts}");
        assert!(reason.contains(" = "), "{reason}");
    }
    assert!(precision >= 0.95, "pairwise precision {precision:.3}");
    assert!(recall >= 0.90, "pairwise recall {recall:.3}");
}

/// Prints the score of every pair of gold-date statements of the stories
/// named in `STORIES` (comma separated): for tuning, not a check.
#[test]
#[ignore]
fn explain_story_pairs() {
    use tarikh::chronology::{Rarity, analyze, candidates, score};
    let wanted = std::env::var("STORIES").unwrap_or_default();
    let (articles, docs) = corpus();
    let mut statements = Vec::new();
    for (a, d) in articles.iter().zip(&docs) {
        if !wanted.split(',').any(|w| w == a.story) {
            continue;
        }
        let mentions = tarikh::extract::extract(
            &d.text,
            &tarikh::extract::Options {
                dct: d.dct,
                lang: d.lang,
                ..Default::default()
            },
        )
        .mentions;
        let sentences = analyze(&d.text);
        for c in candidates(&mentions, &sentences, d.title.as_deref()) {
            if c.date.first_day.to_string() == a.event_date && c.date.last_day == c.date.first_day {
                println!("{} {:?}", a.id, c.features.entities);
                statements.push((a.id.clone(), c.features));
            }
        }
    }
    for (i, (a, fa)) in statements.iter().enumerate() {
        for (b, fb) in &statements[i + 1..] {
            let s = score(fa, fb, &Rarity::default());
            println!("{a} {b} {} {}", s.same_happening(), s.explain());
        }
    }
}

/// Prints the score of the first statements of the texts in `TEXT_A` and
/// `TEXT_B` (with `DCT_A`, `DCT_B`): for tuning, not a check.
#[test]
#[ignore]
fn explain_two_texts() {
    use tarikh::chronology::{Rarity, analyze, candidates, score};
    let statements: Vec<_> = ["A", "B"]
        .iter()
        .map(|k| {
            let text = std::env::var(format!("TEXT_{k}")).unwrap_or_default();
            let dct = parse_dct(&std::env::var(format!("DCT_{k}")).unwrap_or_else(|_| "2022-01-13".into())).ok();
            let mentions = tarikh::extract::extract(
                &text,
                &tarikh::extract::Options {
                    dct,
                    lang: None,
                    ..Default::default()
                },
            )
            .mentions;
            let c = candidates(&mentions, &analyze(&text), None);
            for c in &c {
                println!("{k} {} {:?}", c.date.value, c.features.entities);
            }
            c
        })
        .collect();
    for a in &statements[0] {
        for b in &statements[1] {
            let s = score(&a.features, &b.features, &Rarity::default());
            println!(
                "{} {} {} {}",
                a.date.value,
                b.date.value,
                s.same_happening(),
                s.explain()
            );
        }
    }
}

/// A lead that says what weekday today is outweighs a crawl date of another
/// weekday: the DCT used is that day, and the given one is kept.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_stated_weekday_corrects_a_crawl_date() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("dct.db")).await.expect("open");
    // Crawled on Wednesday 22 July 2015; written on Monday 20 July.
    let doc = NewDocument {
        text: "قال مسؤولون في كابل اليوم الاثنين إن قافلة مساعدات وصلت إلى ولاية هرات.".into(),
        lang: tarikh::lexicon::Lang::parse("ar"),
        dct: Some(parse_dct("2015-07-22").expect("dct")),
        ..NewDocument::default()
    };
    store.ingest(doc).await.expect("ingest");
    let (dct, given): (String, Option<String>) = sqlx::query_as("SELECT dct_day, dct_given FROM documents")
        .fetch_one(store.pool())
        .await
        .expect("document");
    assert_eq!((dct.as_str(), given.as_deref()), ("2015-07-20", Some("2015-07-22")));
    let days: Vec<String> = sqlx::query_scalar("SELECT first_day FROM events")
        .fetch_all(store.pool())
        .await
        .expect("events");
    assert_eq!(days, ["2015-07-20"]);
    // A text that states no weekday keeps the given date.
    let plain = NewDocument {
        text: "وصلت قافلة مساعدات إلى ولاية هرات اليوم.".into(),
        lang: tarikh::lexicon::Lang::parse("ar"),
        dct: Some(parse_dct("2015-07-22").expect("dct")),
        ..NewDocument::default()
    };
    store.ingest(plain).await.expect("ingest");
    let given: Option<String> = sqlx::query_scalar("SELECT dct_given FROM documents WHERE id = 2")
        .fetch_one(store.pool())
        .await
        .expect("document");
    assert_eq!(given, None);
}
