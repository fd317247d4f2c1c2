//! The timeline's filters, its keyset cursor, and the one function that
//! turns them into SQL.

use chrono::NaiveDate;
use serde::Serialize;

use super::ReadError;
use crate::lexicon::Lang;

/// Which events the timeline, the iCalendar feed and the page's query string
/// select (every field optional; all given ones must hold).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimelineFilter {
    /// Events whose span reaches this day or later.
    pub from: Option<NaiveDate>,
    /// Events whose span starts on or before this day.
    pub to: Option<NaiveDate>,
    /// Only events with a source in this language.
    pub lang: Option<Lang>,
    /// Only events with a source whose `source` is exactly this.
    pub source: Option<String>,
    /// Full-text words (normalized like the store's FTS index); all must match
    /// a supporting sentence.
    pub q: Option<String>,
    /// Only events supported by at least this many distinct documents.
    pub min_sources: Option<i64>,
}

/// Chronological or reverse chronological.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, serde::Deserialize, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    /// Earliest first.
    #[default]
    Asc,
    /// Latest first.
    Desc,
}

impl TimelineFilter {
    /// The filter as a query string of `/api/timeline` and
    /// `/api/timeline.ics` (ISO dates, so no `calendar` is needed).
    pub fn to_query_string(&self) -> String {
        fn enc(s: &str) -> String {
            s.bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
                    _ => format!("%{b:02X}"),
                })
                .collect()
        }
        let mut parts = Vec::new();
        if let Some(d) = self.from {
            parts.push(format!("from={d}"));
        }
        if let Some(d) = self.to {
            parts.push(format!("to={d}"));
        }
        if let Some(l) = self.lang {
            parts.push(format!("lang={}", l.code()));
        }
        if let Some(s) = &self.source {
            parts.push(format!("source={}", enc(s)));
        }
        if let Some(q) = &self.q {
            parts.push(format!("q={}", enc(q)));
        }
        if let Some(m) = self.min_sources {
            parts.push(format!("min_sources={m}"));
        }
        parts.join("&")
    }
}

/// A position in the timeline: the sort key of the last event returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
    /// The order the cursor was issued for; a cursor of the other order is refused.
    pub order: Order,
    /// First day of the last event returned.
    pub first_day: NaiveDate,
    /// Last day of the last event returned.
    pub last_day: NaiveDate,
    /// Id of the last event returned: breaks ties between events of the same days.
    pub id: i64,
}

impl Cursor {
    /// The opaque text handed to clients (hex of `a|first|last|id`).
    pub fn encode(&self) -> String {
        let o = if self.order == Order::Asc { 'a' } else { 'd' };
        let plain = format!("{o}|{}|{}|{}", self.first_day, self.last_day, self.id);
        plain.bytes().map(|b| format!("{b:02x}")).collect()
    }

    /// Reads a cursor produced by [`Cursor::encode`].
    ///
    /// # Errors
    /// [`ReadError::BadCursor`] for anything else.
    pub fn decode(s: &str) -> Result<Cursor, ReadError> {
        let bad = |reason: &str| ReadError::BadCursor {
            reason: reason.to_string(),
        };
        if !s.len().is_multiple_of(2) || s.len() > 128 {
            return Err(bad("wrong length"));
        }
        let bytes: Option<Vec<u8>> = (0..s.len())
            .step_by(2)
            .map(|i| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
            .collect();
        let text = bytes
            .and_then(|b| String::from_utf8(b).ok())
            .ok_or_else(|| bad("not a cursor"))?;
        let parts: Vec<&str> = text.split('|').collect();
        let [o, f, l, id] = parts.as_slice() else {
            return Err(bad("not a cursor"));
        };
        let order = match *o {
            "a" => Order::Asc,
            "d" => Order::Desc,
            _ => return Err(bad("not a cursor")),
        };
        let day = |t: &str| NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| bad("not a cursor"));
        Ok(Cursor {
            order,
            first_day: day(f)?,
            last_day: day(l)?,
            id: id.parse().map_err(|_| bad("not a cursor"))?,
        })
    }
}

/// Turns free text into an FTS5 query: every word, folded like the index,
/// quoted (so FTS operators in user input are plain words), all required.
///
/// # Errors
/// [`ReadError::EmptySearch`] when nothing searchable remains.
pub fn fts_query(q: &str) -> Result<String, ReadError> {
    let folded = crate::chronology::search_terms(q);
    let words: Vec<String> = folded
        .split(|c: char| !crate::chronology::fold::is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    if words.is_empty() {
        return Err(ReadError::EmptySearch { query: q.to_string() });
    }
    Ok(words.join(" "))
}

/// A WHERE clause over `events e` and its bindings, built from a
/// [`TimelineFilter`]: the one place the filters become SQL, shared by the
/// timeline and the iCalendar feed.
pub(crate) struct Where {
    pub sql: String,
    pub binds: Vec<Bind>,
}

/// A value bound into a filter.
#[derive(Clone, Debug)]
pub(crate) enum Bind {
    Text(String),
    Int(i64),
}

/// The WHERE clause for a query's filters, continuing after `after` (a
/// keyset position) when given.
///
/// `max_span` bounds `last_day - first_day` over all events (see
/// [`Reader::span_since`](super::Reader::span_since)), so a `from` filter also bounds `first_day` from below.
/// Exactly one bound on each side of `first_day` is emitted, the tighter of
/// the filter's and the keyset's: SQLite seeks the index by the first range
/// constraint it meets, so a looser one would make every later page rescan
/// the range from its start.
///
/// # Errors
/// [`ReadError::EmptySearch`] for a `q` with no words.
pub(crate) fn where_clause(q: &TimelineFilter, max_span: i64, after: Option<&Cursor>) -> Result<Where, ReadError> {
    let mut sql = String::from("1");
    let mut binds = Vec::new();
    let mut lower = q.from.map(|from| from - chrono::Duration::days(max_span.max(0)));
    let mut upper = q.to;
    if let Some(c) = after {
        match c.order {
            Order::Asc => lower = Some(lower.map_or(c.first_day, |l| l.max(c.first_day))),
            Order::Desc => upper = Some(upper.map_or(c.first_day, |u| u.min(c.first_day))),
        }
    }
    if let Some(lower) = lower {
        sql.push_str(" AND e.first_day >= ?");
        binds.push(Bind::Text(lower.to_string()));
    }
    if let Some(upper) = upper {
        sql.push_str(" AND e.first_day <= ?");
        binds.push(Bind::Text(upper.to_string()));
    }
    if let Some(from) = q.from {
        sql.push_str(" AND e.last_day >= ?");
        binds.push(Bind::Text(from.to_string()));
    }
    if let Some(c) = after {
        let cmp = if c.order == Order::Asc { ">" } else { "<" };
        sql.push_str(&format!(" AND (e.first_day, e.last_day, e.id) {cmp} (?, ?, ?)"));
        binds.push(Bind::Text(c.first_day.to_string()));
        binds.push(Bind::Text(c.last_day.to_string()));
        binds.push(Bind::Int(c.id));
    }
    if let Some(lang) = &q.lang {
        sql.push_str(" AND instr(',' || e.langs || ',', ',' || ? || ',') > 0");
        binds.push(Bind::Text(lang.code().to_string()));
    }
    if let Some(min) = q.min_sources {
        sql.push_str(" AND e.n_sources >= ?");
        binds.push(Bind::Int(min));
    }
    if let Some(source) = &q.source {
        sql.push_str(
            " AND EXISTS (SELECT 1 FROM evidence v JOIN documents d ON d.id = v.document_id \
             WHERE v.event_id = e.id AND d.source = ?)",
        );
        binds.push(Bind::Text(source.clone()));
    }
    if let Some(text) = &q.q {
        let fts = fts_query(text)?;
        sql.push_str(
            " AND EXISTS (SELECT 1 FROM evidence v WHERE v.event_id = e.id AND v.sentence_id IN \
             (SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH ?))",
        );
        binds.push(Bind::Text(fts));
    }
    Ok(Where { sql, binds })
}

/// Binds a filter's values onto a query.
pub(crate) fn bind_all<'q, O>(
    mut query: sqlx::query::QueryAs<'q, sqlx::Sqlite, O, sqlx::sqlite::SqliteArguments>,
    binds: &[Bind],
) -> sqlx::query::QueryAs<'q, sqlx::Sqlite, O, sqlx::sqlite::SqliteArguments> {
    for b in binds {
        query = match b {
            Bind::Text(s) => query.bind(s.clone()),
            Bind::Int(i) => query.bind(*i),
        };
    }
    query
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trips_and_rejects_junk() {
        let c = Cursor {
            order: Order::Desc,
            first_day: NaiveDate::from_ymd_opt(2022, 1, 9).expect("date"),
            last_day: NaiveDate::from_ymd_opt(2022, 1, 10).expect("date"),
            id: 42,
        };
        assert_eq!(Cursor::decode(&c.encode()).ok(), Some(c));
        assert!(Cursor::decode("zz").is_err());
        assert!(Cursor::decode("abc").is_err());
        assert!(Cursor::decode(&"61".repeat(10)).is_err());
    }

    #[test]
    fn fts_query_quotes_words() {
        let q = fts_query("NATO \"OR\" talks*").expect("query");
        assert!(q.contains("\"or\"") || q.contains("\"OR\""), "{q}");
        assert!(!q.contains('*'));
        assert!(fts_query(" -- ").is_err());
    }

    #[test]
    fn the_query_string_reads_back_as_the_same_filter() {
        let f = TimelineFilter {
            from: "1999-03-01".parse().ok(),
            lang: Some(Lang::Ar),
            q: Some("آب & water".into()),
            min_sources: Some(2),
            ..TimelineFilter::default()
        };
        assert_eq!(
            f.to_query_string(),
            "from=1999-03-01&lang=ar&q=%D8%A2%D8%A8%20%26%20water&min_sources=2"
        );
        assert_eq!(TimelineFilter::default().to_query_string(), "");
    }

    #[test]
    fn from_bounds_first_day_by_the_span_and_the_keyset_takes_the_tighter_bound() {
        let day = |s: &str| s.parse::<NaiveDate>().expect("date");
        let f = TimelineFilter {
            from: Some(day("2022-01-10")),
            lang: Some(Lang::Fa),
            ..TimelineFilter::default()
        };
        let w = where_clause(&f, 5, None).expect("where");
        assert_eq!(
            w.sql,
            "1 AND e.first_day >= ? AND e.last_day >= ? AND instr(',' || e.langs || ',', ',' || ? || ',') > 0"
        );
        assert!(matches!(&w.binds[0], Bind::Text(t) if t == "2022-01-05"));
        let after = Cursor {
            order: Order::Asc,
            first_day: day("2022-02-01"),
            last_day: day("2022-02-01"),
            id: 9,
        };
        let w = where_clause(&f, 5, Some(&after)).expect("where");
        assert_eq!(w.sql.matches("e.first_day >=").count(), 1);
        assert!(matches!(&w.binds[0], Bind::Text(t) if t == "2022-02-01"));
    }
}
