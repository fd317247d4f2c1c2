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
    let mut items = Vec::with_capacity(feed.entries.len());
    for entry in feed.entries {
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
        let lang_decl = entry.language.as_deref().or(feed_lang.as_deref());
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

/// Text of a feed field: HTML stripped when it has markup.
fn plain(s: &str) -> String {
    if s.contains('<') || s.contains('&') {
        html_to_text(s)
    } else {
        s.trim().to_string()
    }
}
