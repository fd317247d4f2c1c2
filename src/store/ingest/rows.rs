//! One struct per table row that ingest writes: each owns its column list
//! and turns itself into the values bound for those columns, in that order.
//! Also the text forms the columns hold (days, DCTs, serde enum names) and
//! the decoding of stored mentions and event dates.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::chronology::{EventDate, labels::labels};
use crate::extract::Mention;

/// A value bound into a batched statement.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Val {
    Int(i64),
    OptInt(Option<i64>),
    Real(f64),
    Text(String),
    OptText(Option<String>),
    OptBlob(Option<Vec<u8>>),
    OptReal(Option<f64>),
}

/// A row of one table: its columns and, in the same order, its values.
pub(super) trait Row {
    /// The table the row goes into.
    const TABLE: &'static str;
    /// The columns, in the order of [`Row::values`]; the first is `id` for rows that [`Batch::update`](super::write::Batch::update) writes.
    const COLUMNS: &'static [&'static str];
    /// The values of [`Row::COLUMNS`], appended to `out`.
    fn values(self, out: &mut Vec<Val>);
}

/// The string a serde enum serializes to (`day`, `START`, `year-inferred`).
pub(super) fn enum_str<T: Serialize>(t: &T) -> String {
    match serde_json::to_value(t) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The serde enum named `s` (the inverse of [`enum_str`]).
pub(super) fn parse_enum<T: DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

/// `YYYY-MM-DD` (written directly: chrono's formatter parses its pattern on every call).
pub(super) fn day(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// A DCT as stored: the day alone at midnight, else `YYYY-MM-DDTHH:MM`.
pub(super) fn dct_text(t: NaiveDateTime) -> String {
    if t.time().num_seconds_from_midnight() == 0 {
        day(t.date())
    } else {
        format!("{}T{:02}:{:02}", day(t.date()), t.hour(), t.minute())
    }
}

/// A row of `documents`.
#[derive(Clone, Debug)]
pub(super) struct DocumentRow {
    pub id: i64,
    pub content_hash: String,
    pub external_id: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub lang: String,
    pub dct: Option<NaiveDateTime>,
    pub dct_source: &'static str,
    pub dateline_day: Option<NaiveDate>,
    pub published_at: Option<String>,
    pub ingested_at: String,
    pub text: String,
    pub entities: String,
    /// The syndication signature ([`crate::syndication::Signature::to_bytes`]).
    pub minhash: Option<Vec<u8>>,
    /// The original this document is a syndicated copy of, and how similar.
    pub copy_of: Option<(i64, f64)>,
    /// The given DCT when the text's stated weekday moved it (`documents.dct_given`).
    pub dct_given: Option<NaiveDateTime>,
}

impl Row for DocumentRow {
    const TABLE: &'static str = "documents";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "content_hash",
        "external_id",
        "title",
        "source",
        "url",
        "lang",
        "dct",
        "dct_day",
        "dct_source",
        "dateline_day",
        "published_at",
        "ingested_at",
        "text",
        "entities",
        "minhash",
        "copy_of",
        "copy_similarity",
        "dct_given",
    ];
    fn values(self, out: &mut Vec<Val>) {
        out.extend([
            Val::Int(self.id),
            Val::Text(self.content_hash),
            Val::OptText(self.external_id),
            Val::OptText(self.title),
            Val::OptText(self.source),
            Val::OptText(self.url),
            Val::Text(self.lang),
            Val::OptText(self.dct.map(dct_text)),
            Val::OptText(self.dct.map(|t| day(t.date()))),
            Val::Text(self.dct_source.to_string()),
            Val::OptText(self.dateline_day.map(day)),
            Val::OptText(self.published_at),
            Val::Text(self.ingested_at),
            Val::Text(self.text),
            Val::Text(self.entities),
            Val::OptBlob(self.minhash),
            Val::OptInt(self.copy_of.map(|c| c.0)),
            Val::OptReal(self.copy_of.map(|c| c.1)),
            Val::OptText(self.dct_given.map(dct_text)),
        ]);
    }
}

/// A row of `document_bands`: one LSH band of a document's signature.
#[derive(Clone, Debug)]
pub(super) struct BandRow {
    pub band: i64,
    pub document_id: i64,
}

impl Row for BandRow {
    const TABLE: &'static str = "document_bands";
    const COLUMNS: &'static [&'static str] = &["band", "document_id"];
    fn values(self, out: &mut Vec<Val>) {
        out.extend([Val::Int(self.band), Val::Int(self.document_id)]);
    }
}

/// A row of `sentences` (only sentences that contain a date mention are stored).
#[derive(Clone, Debug)]
pub(super) struct SentenceRow {
    pub id: i64,
    pub document_id: i64,
    pub ordinal: i64,
    pub span_start: i64,
    pub span_end: i64,
    pub text: String,
    pub folded: String,
    pub entities: String,
}

impl Row for SentenceRow {
    const TABLE: &'static str = "sentences";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "document_id",
        "ordinal",
        "span_start",
        "span_end",
        "text",
        "folded",
        "entities",
    ];
    fn values(self, out: &mut Vec<Val>) {
        out.extend([
            Val::Int(self.id),
            Val::Int(self.document_id),
            Val::Int(self.ordinal),
            Val::Int(self.span_start),
            Val::Int(self.span_end),
            Val::Text(self.text),
            Val::Text(self.folded),
            Val::Text(self.entities),
        ]);
    }
}

/// A row of `mentions`.
#[derive(Clone, Debug)]
pub(super) struct MentionRow {
    pub id: i64,
    pub document_id: i64,
    pub ordinal: i64,
    pub sentence_id: Option<i64>,
    pub mention: Mention,
}

impl Row for MentionRow {
    const TABLE: &'static str = "mentions";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "document_id",
        "ordinal",
        "sentence_id",
        "span_start",
        "span_end",
        "text",
        "value",
        "first_day",
        "last_day",
        "grain",
        "mod",
        "calendar",
        "lang",
        "anchor",
        "pair_ordinal",
        "conflict",
    ];
    fn values(self, out: &mut Vec<Val>) {
        let m = self.mention;
        out.extend([
            Val::Int(self.id),
            Val::Int(self.document_id),
            Val::Int(self.ordinal),
            Val::OptInt(self.sentence_id),
            Val::Int(m.start as i64),
            Val::Int(m.end as i64),
            Val::Text(m.text),
            Val::Text(m.value),
            Val::OptText(m.first_day.map(day)),
            Val::OptText(m.last_day.map(day)),
            Val::Text(enum_str(&m.grain)),
            Val::OptText(m.modifier.map(|x| enum_str(&x))),
            Val::Text(enum_str(&m.calendar)),
            Val::Text(enum_str(&m.lang)),
            Val::OptText(m.anchor.map(|a| enum_str(&a))),
            Val::OptInt(m.pair.map(|x| x as i64)),
            Val::OptText(m.conflict.as_ref().and_then(|c| serde_json::to_string(c).ok())),
        ]);
    }
}

/// The date columns of an event, with its labels in the three calendars.
const DATE_COLUMNS: [&str; 14] = [
    "first_day",
    "last_day",
    "value",
    "grain",
    "mod",
    "persian_year",
    "persian_month",
    "persian_day",
    "hijri_year",
    "hijri_month",
    "hijri_day",
    "gregorian_label",
    "persian_label",
    "hijri_label",
];

/// Appends the values of [`DATE_COLUMNS`] for `d`.
fn date_values(d: &EventDate, out: &mut Vec<Val>) {
    let l = labels(d);
    out.extend([
        Val::Text(day(d.first_day)),
        Val::Text(day(d.last_day)),
        Val::Text(d.value.clone()),
        Val::Text(enum_str(&d.grain)),
        Val::OptText(d.modifier.map(|m| enum_str(&m))),
        Val::Int(i64::from(l.persian_ymd.year)),
        Val::Int(i64::from(l.persian_ymd.month)),
        Val::Int(i64::from(l.persian_ymd.day)),
        Val::Int(i64::from(l.hijri_ymd.year)),
        Val::Int(i64::from(l.hijri_ymd.month)),
        Val::Int(i64::from(l.hijri_ymd.day)),
        Val::Text(l.gregorian),
        Val::Text(l.persian),
        Val::Text(l.hijri),
    ]);
}

/// Concatenates column lists at compile time.
macro_rules! columns {
    ($($part:expr),* $(,)?) => {{
        const PARTS: &[&[&str]] = &[$(&$part),*];
        const LEN: usize = {
            let mut n = 0;
            let mut i = 0;
            while i < PARTS.len() {
                n += PARTS[i].len();
                i += 1;
            }
            n
        };
        const ALL: [&str; LEN] = {
            let mut out = [""; LEN];
            let (mut i, mut k) = (0, 0);
            while i < PARTS.len() {
                let mut j = 0;
                while j < PARTS[i].len() {
                    out[k] = PARTS[i][j];
                    k += 1;
                    j += 1;
                }
                i += 1;
            }
            out
        };
        &ALL
    }};
}

/// A new row of `events`.
#[derive(Clone, Debug)]
pub(super) struct EventRow {
    pub id: i64,
    pub date: EventDate,
    pub title: String,
    pub title_lang: String,
    pub n_sources: i64,
    pub langs: String,
    pub created_at: String,
}

impl Row for EventRow {
    const TABLE: &'static str = "events";
    const COLUMNS: &'static [&'static str] = columns!(
        ["id"],
        DATE_COLUMNS,
        ["title", "title_lang", "n_sources", "langs", "created_at"]
    );
    fn values(self, out: &mut Vec<Val>) {
        out.push(Val::Int(self.id));
        date_values(&self.date, out);
        out.extend([
            Val::Text(self.title),
            Val::Text(self.title_lang),
            Val::Int(self.n_sources),
            Val::Text(self.langs),
            Val::Text(self.created_at),
        ]);
    }
}

/// An update of a stored event that gained sources (its count and languages).
#[derive(Clone, Debug)]
pub(super) struct EventSourcesUpdate {
    pub id: i64,
    pub n_sources: i64,
    pub langs: String,
}

impl Row for EventSourcesUpdate {
    const TABLE: &'static str = "events";
    const COLUMNS: &'static [&'static str] = &["id", "n_sources", "langs"];
    fn values(self, out: &mut Vec<Val>) {
        out.extend([Val::Int(self.id), Val::Int(self.n_sources), Val::Text(self.langs)]);
    }
}

/// An update of a stored event refined by a source that states its precise
/// date: the new date and the title taken from that source.
#[derive(Clone, Debug)]
pub(super) struct EventRefinedUpdate {
    pub id: i64,
    pub title: String,
    pub title_lang: String,
    pub date: EventDate,
}

impl Row for EventRefinedUpdate {
    const TABLE: &'static str = "events";
    const COLUMNS: &'static [&'static str] = columns!(["id", "title", "title_lang"], DATE_COLUMNS);
    fn values(self, out: &mut Vec<Val>) {
        out.extend([Val::Int(self.id), Val::Text(self.title), Val::Text(self.title_lang)]);
        date_values(&self.date, out);
    }
}

/// A row of `evidence`: a mention that dates an event, and its sentence.
#[derive(Clone, Debug)]
pub(super) struct EvidenceRow {
    pub id: i64,
    pub event_id: i64,
    pub document_id: i64,
    pub mention_id: i64,
    pub sentence_id: i64,
    pub expr_start: i64,
    pub expr_end: i64,
    pub is_primary: bool,
}

impl Row for EvidenceRow {
    const TABLE: &'static str = "evidence";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "event_id",
        "document_id",
        "mention_id",
        "sentence_id",
        "expr_start",
        "expr_end",
        "is_primary",
    ];
    fn values(self, out: &mut Vec<Val>) {
        out.extend([
            Val::Int(self.id),
            Val::Int(self.event_id),
            Val::Int(self.document_id),
            Val::Int(self.mention_id),
            Val::Int(self.sentence_id),
            Val::Int(self.expr_start),
            Val::Int(self.expr_end),
            Val::Int(i64::from(self.is_primary)),
        ]);
    }
}

/// A row of `merges`: why a document's statement joined an event.
#[derive(Clone, Debug)]
pub(super) struct MergeRow {
    pub id: i64,
    pub event_id: i64,
    pub document_id: i64,
    pub mention_id: i64,
    pub rule: &'static str,
    pub entities: Vec<String>,
    pub overlap: f64,
    pub score: f64,
    pub reason: String,
    pub value_before: String,
    pub value_after: String,
    pub created_at: String,
    /// The score's parts and support, JSON (`merges.parts`).
    pub parts: String,
}

impl Row for MergeRow {
    const TABLE: &'static str = "merges";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "event_id",
        "document_id",
        "mention_id",
        "rule",
        "entities",
        "overlap",
        "score",
        "reason",
        "value_before",
        "value_after",
        "created_at",
        "parts",
    ];
    fn values(self, out: &mut Vec<Val>) {
        out.extend([
            Val::Int(self.id),
            Val::Int(self.event_id),
            Val::Int(self.document_id),
            Val::Int(self.mention_id),
            Val::Text(self.rule.to_string()),
            Val::Text(serde_json::to_string(&self.entities).unwrap_or_else(|_| "[]".into())),
            Val::Real(self.overlap),
            Val::Real(self.score),
            Val::Text(self.reason),
            Val::Text(self.value_before),
            Val::Text(self.value_after),
            Val::Text(self.created_at),
            Val::Text(self.parts),
        ]);
    }
}

/// A stored mention (columns of `mentions` by name), None if a column is unusable.
pub(super) fn mention_from_row(r: &sqlx::sqlite::SqliteRow) -> Option<Mention> {
    use sqlx::Row as _;
    let start: i64 = r.try_get("span_start").ok()?;
    let end: i64 = r.try_get("span_end").ok()?;
    let get = |c: &str| r.try_get::<Option<String>, _>(c).ok().flatten();
    Some(Mention {
        start: usize::try_from(start).ok()?,
        end: usize::try_from(end).ok()?,
        text: get("text")?,
        value: get("value")?,
        modifier: get("mod").and_then(|s| parse_enum(&s)),
        grain: parse_enum(&get("grain")?)?,
        timex: parse_enum(&get("grain")?).map_or_else(Default::default, crate::extract::TimexType::of_grain),
        calendar: parse_enum(&get("calendar")?)?,
        lang: parse_enum(&get("lang")?)?,
        first_day: get("first_day").and_then(|s| s.parse().ok()),
        last_day: get("last_day").and_then(|s| s.parse().ok()),
        anchor: get("anchor").and_then(|s| parse_enum(&s)),
        pair: r
            .try_get::<Option<i64>, _>("pair_ordinal")
            .ok()
            .flatten()
            .and_then(|p| usize::try_from(p).ok()),
        conflict: get("conflict").and_then(|s| serde_json::from_str(&s).ok()),
    })
}

/// A stored event's date (columns of `events` by name), None if a column is unusable.
pub(super) fn event_date_from_row(r: &sqlx::sqlite::SqliteRow) -> Option<EventDate> {
    use sqlx::Row as _;
    Some(EventDate {
        value: r.try_get("value").ok()?,
        grain: parse_enum(&r.try_get::<String, _>("grain").ok()?)?,
        modifier: r
            .try_get::<Option<String>, _>("mod")
            .ok()
            .flatten()
            .and_then(|s| parse_enum(&s)),
        first_day: r.try_get::<String, _>("first_day").ok()?.parse().ok()?,
        last_day: r.try_get::<String, _>("last_day").ok()?.parse().ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn width<R: Row>(row: R) -> usize {
        let mut out = Vec::new();
        row.values(&mut out);
        out.len()
    }

    #[test]
    fn every_row_has_one_value_per_column() {
        let date = EventDate {
            value: "2022-01-12".into(),
            grain: crate::extract::Grain::Day,
            modifier: None,
            first_day: NaiveDate::from_ymd_opt(2022, 1, 12).expect("date"),
            last_day: NaiveDate::from_ymd_opt(2022, 1, 12).expect("date"),
        };
        let event = EventRow {
            id: 1,
            date: date.clone(),
            title: String::new(),
            title_lang: String::new(),
            n_sources: 1,
            langs: String::new(),
            created_at: String::new(),
        };
        assert_eq!(width(event), EventRow::COLUMNS.len());
        let refined = EventRefinedUpdate {
            id: 1,
            title: String::new(),
            title_lang: String::new(),
            date,
        };
        assert_eq!(width(refined), EventRefinedUpdate::COLUMNS.len());
        assert_eq!(EventRow::COLUMNS.len(), 20);
        assert_eq!(EventRefinedUpdate::COLUMNS[3], "first_day");
        let evidence = EvidenceRow {
            id: 1,
            event_id: 1,
            document_id: 1,
            mention_id: 1,
            sentence_id: 1,
            expr_start: 0,
            expr_end: 1,
            is_primary: true,
        };
        assert_eq!(width(evidence), EvidenceRow::COLUMNS.len());
        let sentences = SentenceRow {
            id: 1,
            document_id: 1,
            ordinal: 0,
            span_start: 0,
            span_end: 1,
            text: String::new(),
            folded: String::new(),
            entities: String::new(),
        };
        assert_eq!(width(sentences), SentenceRow::COLUMNS.len());
        assert_eq!(
            width(EventSourcesUpdate {
                id: 1,
                n_sources: 2,
                langs: String::new()
            }),
            EventSourcesUpdate::COLUMNS.len()
        );
    }

    #[test]
    fn dct_text_keeps_the_time_only_when_there_is_one() {
        let d = NaiveDate::from_ymd_opt(2022, 1, 13).expect("date");
        assert_eq!(dct_text(d.and_hms_opt(0, 0, 0).expect("time")), "2022-01-13");
        assert_eq!(dct_text(d.and_hms_opt(9, 5, 0).expect("time")), "2022-01-13T09:05");
    }
}
