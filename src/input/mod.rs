//! What people track a story with, read into documents: RSS and Atom feeds,
//! saved HTML article pages, CSV/TSV exports, JSON and JSON Lines, plain
//! text, standard input and directories of all of these.
//!
//! Everything here is pure parsing into [`NewDocument`]s; nothing touches the
//! store. The format is detected by content first (a feed's root element, an
//! HTML document, a JSON array) and by extension after that, so a feed saved
//! as `.txt` is still read as a feed.

use std::path::Path;

use chrono::NaiveDateTime;

use crate::lexicon::{Lang, detect_lang};
use crate::store::NewDocument;

mod charset;
mod feed;
mod files;
mod html;
mod json;
mod table;

pub use charset::decode;
pub use feed::{FeedItem, parse_feed};
pub use files::{Collected, FormatCounts, read_paths, read_stdin};
pub use html::{Page, extract_page, html_to_text};
pub use json::{json_document, parse_json, parse_jsonl};
pub use table::{ColumnMap, Field, parse_table};

/// The kinds of input tarikh reads.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
pub enum Format {
    /// Plain text: one document, its first line the title.
    Text,
    /// JSON Lines (`.jsonl`, `.ndjson`): one object per line.
    Jsonl,
    /// A JSON array of the objects JSON Lines holds.
    Json,
    /// Comma-separated values with a header row.
    Csv,
    /// Tab-separated values with a header row.
    Tsv,
    /// RSS (0.9x, 1.0, 2.0) or Atom 1.0: one document per item.
    Feed,
    /// An HTML article page: its main text.
    Html,
}

impl Format {
    /// The name used in counts and `--format`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Jsonl => "jsonl",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Feed => "feed",
            Format::Html => "html",
        }
    }

    /// The format an extension names, if any (case-insensitive).
    pub fn from_extension(ext: &str) -> Option<Format> {
        Some(match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Format::Text,
            "jsonl" | "ndjson" => Format::Jsonl,
            "json" => Format::Json,
            "csv" => Format::Csv,
            "tsv" | "tab" => Format::Tsv,
            "rss" | "atom" | "xml" => Format::Feed,
            "html" | "htm" | "xhtml" => Format::Html,
            _ => return None,
        })
    }
}

/// What the content itself says it is, when it says so unambiguously.
pub fn sniff(bytes: &[u8]) -> Option<Format> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = &head[start..];
    match head[0] {
        b'[' => Some(Format::Json),
        b'{' => Some(Format::Jsonl),
        b'<' => {
            let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
            let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
            if has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf") {
                Some(Format::Feed)
            } else if has(b"<html") || has(b"<!doctype html") || has(b"<body") || has(b"<head") {
                Some(Format::Html)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// The format of a file: by content when it is unambiguous, else by
/// extension, else plain text.
pub fn detect(path: Option<&Path>, bytes: &[u8]) -> Format {
    let by_ext = path
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .and_then(Format::from_extension);
    match (sniff(bytes), by_ext) {
        // A .jsonl file starts with `{` and a .json one may too; the extension decides between them.
        (Some(Format::Jsonl | Format::Json), Some(ext @ (Format::Jsonl | Format::Json))) => ext,
        (Some(sniffed), _) => sniffed,
        (None, Some(ext)) => ext,
        (None, None) => Format::Text,
    }
}

/// Defaults for what an input does not say itself.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// DCT for documents that carry no date (`--dct`).
    pub dct: Option<NaiveDateTime>,
    /// Language for documents that declare none (`--lang`).
    pub lang: Option<Lang>,
    /// Column names for CSV/TSV (`--columns text=body,title=headline`).
    pub columns: ColumnMap,
    /// The character set an HTTP header gave, for HTML.
    pub charset: Option<String>,
    /// Where the input came from, for HTML pages without a canonical URL.
    pub url: Option<String>,
}

/// One document read from an input, or why it could not be read.
#[derive(Debug)]
pub struct Record {
    /// Where in the input it is (`line 3`, `row 4`, `item 2`), or None for a whole file.
    pub place: Option<String>,
    /// The document, or why this record could not be read.
    pub doc: Result<NewDocument, InputError>,
}

impl Record {
    fn whole(doc: Result<NewDocument, InputError>) -> Record {
        Record { place: None, doc }
    }
}

/// Why an input, or one record of it, could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// Not JSON at all.
    #[error("bad JSON: {source}")]
    Json {
        /// serde_json's message, with line and column.
        #[source]
        source: serde_json::Error,
    },
    /// JSON, but not an object (`42`, `"text"`).
    #[error("expected a JSON object")]
    NotAnObject,
    /// A member of the wrong JSON type (`"title": 3`).
    #[error("field {field:?} must be a string")]
    FieldType {
        /// The member.
        field: String,
    },
    /// A required member is absent (`text`).
    #[error("missing {field:?}")]
    Missing {
        /// The member.
        field: String,
    },
    /// A required member holds only white space.
    #[error("{field:?} is empty")]
    Empty {
        /// The member.
        field: String,
    },
    /// A language code tarikh does not read.
    #[error("unknown language {value:?} (fa, ar, en, ur or auto)")]
    Lang {
        /// The code as given.
        value: String,
    },
    /// A date member that cannot be read (`"published_at": "garbage"`).
    #[error("{field}: {value:?} is not a date (2022-01-24) or date-time (2022-01-24T12:12)")]
    Date {
        /// The member (`dct`, `published_at`).
        field: String,
        /// Its text as given.
        value: String,
    },
    /// Bytes that are not UTF-8 (after charset decoding, where there is one).
    #[error("invalid UTF-8 at byte {offset}")]
    Utf8 {
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// A CSV/TSV row that cannot be read.
    #[error("bad CSV: {source}")]
    Csv {
        /// The csv crate's message, with the position.
        #[source]
        source: csv::Error,
    },
    /// No header column is recognized as the text.
    #[error(
        "no text column: none of the header's names ({header}) is text, body, content or article; say which with --columns text=NAME"
    )]
    NoTextColumn {
        /// The header's column names, comma-separated.
        header: String,
    },
    /// `--columns` names a column the header does not have.
    #[error("--columns names {column:?}, which the header ({header}) does not have")]
    UnknownColumn {
        /// The column named.
        column: String,
        /// The header's column names, comma-separated.
        header: String,
    },
    /// `--columns` is not `field=NAME,...` with known fields.
    #[error("--columns: {reason}")]
    ColumnSpec {
        /// What is wrong with it.
        reason: String,
    },
    /// Not an RSS or Atom feed.
    #[error("not a feed: {source}")]
    Feed {
        /// feed-rs's message.
        #[source]
        source: feed_rs::parser::ParseFeedError,
    },
    /// An HTML page with no article text found.
    #[error("the page has no readable text: {reason}")]
    Html {
        /// Why no text was found.
        reason: String,
    },
    /// Nothing to read: an empty file or body.
    #[error("empty input")]
    EmptyInput,
    /// A file that cannot be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

/// Reads `bytes` in `format` into records.
///
/// # Errors
/// An error for the whole input (a feed that does not parse, a CSV without a
/// text column) is one record carrying it; errors of single lines or rows are
/// records of their own, so one bad row loses nothing else.
pub fn parse(format: Format, bytes: &[u8], opts: &Options) -> Vec<Record> {
    match format {
        Format::Text => vec![Record::whole(parse_text(bytes, opts))],
        Format::Jsonl => parse_jsonl(bytes, opts),
        Format::Json => parse_json(bytes, opts),
        Format::Csv => parse_table(bytes, b',', opts),
        Format::Tsv => parse_table(bytes, b'\t', opts),
        Format::Feed => match parse_feed(bytes, opts) {
            Ok(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, it)| Record {
                    place: Some(format!("item {}", i + 1)),
                    doc: Ok(it.doc),
                })
                .collect(),
            Err(e) => vec![Record::whole(Err(e))],
        },
        Format::Html => vec![Record::whole(extract_page(bytes, opts).map(|p| p.doc))],
    }
}

/// A plain-text file: one document, its first non-empty line the title.
fn parse_text(bytes: &[u8], opts: &Options) -> Result<NewDocument, InputError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| InputError::Utf8 {
        offset: e.valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(InputError::EmptyInput);
    }
    let title = text.lines().map(str::trim).find(|l| !l.is_empty()).map(str::to_owned);
    Ok(NewDocument {
        text: text.to_owned(),
        title,
        lang: opts.lang,
        dct: opts.dct,
        ..NewDocument::default()
    })
}

/// The language a document declares (`fa-IR`, `ar`, `en-US`), kept only
/// when the text is written in that language's script; otherwise None, so
/// the store detects it from the text.
pub fn checked_lang(declared: Option<&str>, text: &str) -> Option<Lang> {
    let declared = declared?.trim();
    let primary = declared.split(['-', '_']).next().unwrap_or(declared);
    let lang = Lang::parse(primary)?;
    let detected = detect_lang(text);
    (lang.is_rtl() == detected.is_rtl()).then_some(lang)
}

/// A publication time as written (`published_at`, kept verbatim) and the
/// DCT it gives, in the writer's own offset: `Mon, 24 Jan 2022 01:30:00
/// +0330` is the 24th, whatever the day in UTC.
pub fn published(value: &str) -> Option<NaiveDateTime> {
    let v = value.trim();
    crate::extract::parse_dct(v)
        .or_else(|| chrono::DateTime::parse_from_rfc2822(v).ok().map(|d| d.naive_local()))
        .or_else(|| {
            // `2022-01-24T10:00:00+0330` and `2022-01-24 10:00:00 +03:30`
            ["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M:%S%z"]
                .iter()
                .find_map(|f| chrono::DateTime::parse_from_str(v, f).ok())
                .map(|d| d.naive_local())
        })
        .or_else(|| {
            // A date with a trailing zone name (`2022-01-24T10:00:00Z`).
            v.get(..10)
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing_beats_extensions_for_markup() {
        let rss = b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel></channel></rss>";
        assert_eq!(detect(Some(Path::new("a.txt")), rss), Format::Feed);
        assert_eq!(detect(None, b"\xEF\xBB\xBF<!DOCTYPE html><html></html>"), Format::Html);
        assert_eq!(detect(Some(Path::new("a.json")), b"{\"text\":1}"), Format::Json);
        assert_eq!(detect(Some(Path::new("a.ndjson")), b"{\"text\":1}"), Format::Jsonl);
        assert_eq!(detect(Some(Path::new("a.CSV")), b"text,title\n"), Format::Csv);
        assert_eq!(detect(Some(Path::new("notes")), b"plain words"), Format::Text);
    }

    #[test]
    fn publication_day_is_the_one_written() {
        let d = published("Mon, 24 Jan 2022 01:30:00 +0330").map(|d| d.to_string());
        assert_eq!(d.as_deref(), Some("2022-01-24 01:30:00"));
        let d = published("2022-01-24T01:30:00+03:30").map(|d| d.to_string());
        assert_eq!(d.as_deref(), Some("2022-01-24 01:30:00"));
        assert_eq!(published("soon"), None);
    }

    #[test]
    fn declared_language_must_match_the_script() {
        assert_eq!(checked_lang(Some("ar-SA"), "قال المتحدث"), Some(Lang::Ar));
        assert_eq!(checked_lang(Some("en"), "قال المتحدث باسم الوزارة"), None);
        assert_eq!(checked_lang(Some("fa-IR"), "The minister said"), None);
        assert_eq!(checked_lang(Some("xx"), "words"), None);
    }
}
