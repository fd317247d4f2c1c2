//! RSS and Atom feeds (`feed-rs`): one document per item, with its title,
//! link, guid or id, publication time in the feed's own offset, language,
//! and full content (`content:encoded`, Atom `content`) or description as
//! text.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};

use super::{InputError, Options, checked_lang, html_to_text, published};
use crate::store::NewDocument;

/// Items whose text is shorter than this (in characters) are teasers: their
/// page holds the article (`follow` fetches it).
pub const TEASER_CHARS: usize = 400;

/// One item of a feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedItem {
    /// The item as a document: text is its content or description as text.
    pub doc: NewDocument,
    /// True when the feed carries only a teaser (no full content, or a short
    /// one): the page at `doc.url` has the article.
    pub teaser: bool,
}

/// Times as written, by the instant feed-rs was handed for them (see [`parse_feed`]).
type Written = Arc<Mutex<HashMap<i64, String>>>;

/// Parses an RSS (0.9x, 1.0, 2.0) or Atom feed into its items, in feed order.
///
/// feed-rs turns every time into UTC, which would move `Mon, 24 Jan 2022
/// 01:30 +0330` to the 23rd; its timestamp hook instead hands it the wall
/// time as written (as if it were UTC) and keeps the original text, so
/// `published_at` is the text as written and the DCT is the feed's own day
/// and time.
///
/// # Errors
/// [`InputError::Feed`] when the bytes are not a feed.
pub fn parse_feed(bytes: &[u8], opts: &Options) -> Result<Vec<FeedItem>, InputError> {
    let written: Written = Arc::default();
    let hook = Arc::clone(&written);
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|_, _, _| String::new())
        .timestamp_parser(move |text| {
            let wall = published(text)?.and_utc();
            if let Ok(mut map) = hook.lock() {
                map.insert(wall.timestamp(), text.trim().to_string());
            }
            Some(wall)
        })
        .build();
    let feed = parser.parse(bytes).map_err(|source| InputError::Feed { source })?;
    let written = written.lock().map(|m| m.clone()).unwrap_or_default();
    let outlet = feed.title.as_ref().map(|t| plain(&t.content)).filter(|t| !t.is_empty());
    let feed_lang = feed.language.clone();
    let mut item_langs = item_languages(bytes);
    if item_langs.len() != feed.entries.len() {
        item_langs.clear();
    }
    let mut items = Vec::with_capacity(feed.entries.len());
    for (n, entry) in feed.entries.into_iter().enumerate() {
        let full = entry
            .content
            .as_ref()
            .and_then(|c| c.body.as_deref())
            .map(plain)
            .filter(|t| !t.is_empty());
        let summary = entry
            .summary
            .as_ref()
            .map(|s| plain(&s.content))
            .filter(|t| !t.is_empty());
        let teaser = full.as_ref().is_none_or(|t| t.chars().count() < TEASER_CHARS);
        let title = entry
            .title
            .as_ref()
            .map(|t| plain(&t.content))
            .filter(|t| !t.is_empty());
        let Some(text) = full.or(summary).or_else(|| title.clone()) else {
            continue;
        };
        let url = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .map(|l| l.href.clone());
        let when: Option<DateTime<Utc>> = entry.published.or(entry.updated);
        let published_at = when.map(|w| {
            written
                .get(&w.timestamp())
                .cloned()
                .unwrap_or_else(|| w.naive_utc().format("%Y-%m-%dT%H:%M:%S").to_string())
        });
        let lang_decl = entry
            .language
            .as_deref()
            .or(item_langs.get(n).and_then(Option::as_deref))
            .or(feed_lang.as_deref());
        items.push(FeedItem {
            teaser,
            doc: NewDocument {
                lang: checked_lang(lang_decl, &text).or(opts.lang),
                dct: when.map(|w| w.naive_utc()).or(opts.dct),
                external_id: Some(entry.id).filter(|id| !id.trim().is_empty()),
                source: outlet.clone(),
                title,
                url,
                published_at,
                text,
            },
        });
    }
    Ok(items)
}

/// Each RSS item's `<dc:language>`, in document order (feed-rs reads the
/// channel's language but not an item's). Empty for feeds without items.
fn item_languages(bytes: &[u8]) -> Vec<Option<String>> {
    let text = String::from_utf8_lossy(bytes);
    let mut out = Vec::new();
    let mut rest = text.as_ref();
    while let Some(start) = rest.find("<item") {
        let after = &rest[start + "<item".len()..];
        if !after.starts_with(['>', ' ', '\n', '\r', '\t']) {
            rest = after;
            continue;
        }
        let body = &after[..after.find("</item>").unwrap_or(after.len())];
        let lang = body.find("<dc:language>").and_then(|i| {
            let v = &body[i + "<dc:language>".len()..];
            v.find("</dc:language>").map(|j| v[..j].trim().to_string())
        });
        out.push(lang.filter(|l| !l.is_empty()));
        rest = &after[body.len()..];
    }
    out
}

/// Text of a feed field: HTML stripped when it has markup.
fn plain(s: &str) -> String {
    if s.contains('<') || s.contains('&') {
        html_to_text(s)
    } else {
        s.trim().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lang;

    #[test]
    fn an_items_dc_language_beats_the_channels() {
        let rss = r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Multi</title><language>en</language>
<item><title>One</title><description>وزیران روز ۲۳ دی در ژنو دیدار کردند.</description><dc:language>fa</dc:language></item>
<item><title>Two</title><description>Ministers met in Geneva on 13 January.</description></item>
<item><title>Three</title><description>التقى الوزراء في جنيف يوم 13 كانون الثاني.</description></item>
</channel></rss>"#;
        let items = parse_feed(rss.as_bytes(), &Options::default()).expect("feed");
        let langs: Vec<Option<Lang>> = items.iter().map(|i| i.doc.lang).collect();
        // The third declares nothing and the channel's `en` does not fit its script: detected at ingest.
        assert_eq!(langs, vec![Some(Lang::Fa), Some(Lang::En), None]);
        assert!(items.iter().all(|i| i.teaser));
        assert_eq!(
            item_languages(b"<rss><channel><items>x</items></channel></rss>"),
            Vec::new()
        );
    }
}
