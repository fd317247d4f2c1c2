//! CSV and TSV exports with a header row. Columns are recognized by the
//! names spreadsheets and scrapers give them (`text|body|content|article`,
//! `title|headline`, `date|published|published_at|pubdate`, `url|link`,
//! `source|outlet|site`, `lang|language`, `id`); `--columns
//! text=body,title=headline` names them when the header says otherwise.

use std::str::FromStr;

use super::{InputError, Options, Record, checked_lang, published};
use crate::lexicon::Lang;
use crate::store::NewDocument;

/// A document field a column can fill.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The article text (required).
    Text,
    /// The headline.
    Title,
    /// The publication time (becomes the DCT when readable).
    Date,
    /// Where it was published.
    Url,
    /// The outlet.
    Source,
    /// Its language code.
    Lang,
    /// The caller's identifier, kept as `external_id`.
    Id,
}

impl Field {
    const ALL: [Field; 7] = [
        Field::Text,
        Field::Title,
        Field::Date,
        Field::Url,
        Field::Source,
        Field::Lang,
        Field::Id,
    ];

    /// The header names recognized for this field (lowercase).
    fn names(self) -> &'static [&'static str] {
        match self {
            Field::Text => &["text", "body", "content", "article"],
            Field::Title => &["title", "headline"],
            Field::Date => &["date", "published", "published_at", "pubdate", "dct"],
            Field::Url => &["url", "link"],
            Field::Source => &["source", "outlet", "site"],
            Field::Lang => &["lang", "language"],
            Field::Id => &["id"],
        }
    }
}

impl FromStr for Field {
    type Err = InputError;

    fn from_str(s: &str) -> Result<Field, InputError> {
        let s = s.trim().to_ascii_lowercase();
        Field::ALL
            .into_iter()
            .find(|f| f.names()[0] == s || (*f == Field::Date && s == "published_at"))
            .ok_or_else(|| InputError::ColumnSpec {
                reason: format!("{s:?} is not a field (text, title, date, url, source, lang, id)"),
            })
    }
}

/// Columns named by the user, overriding recognition.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnMap(Vec<(Field, String)>);

impl FromStr for ColumnMap {
    type Err = InputError;

    /// Reads `text=body,title=headline`.
    fn from_str(s: &str) -> Result<ColumnMap, InputError> {
        let mut out = Vec::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (field, column) = part.split_once('=').ok_or_else(|| InputError::ColumnSpec {
                reason: format!("{part:?} is not FIELD=COLUMN"),
            })?;
            out.push((field.parse()?, column.trim().to_string()));
        }
        Ok(ColumnMap(out))
    }
}

/// Which column index fills each field.
#[derive(Default)]
struct Layout {
    cols: [Option<usize>; 7],
}

impl Layout {
    fn get<'a>(&self, field: Field, row: &'a csv::StringRecord) -> Option<&'a str> {
        let i = Field::ALL.iter().position(|f| *f == field)?;
        self.cols[i]
            .and_then(|c| row.get(c))
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }

    fn from_header(header: &csv::StringRecord, map: &ColumnMap) -> Result<Layout, InputError> {
        let names: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
        let header_text = || header.iter().collect::<Vec<_>>().join(", ");
        let mut layout = Layout::default();
        for (i, field) in Field::ALL.into_iter().enumerate() {
            layout.cols[i] = match map.0.iter().find(|(f, _)| *f == field) {
                Some((_, col)) => Some(names.iter().position(|n| *n == col.to_lowercase()).ok_or_else(|| {
                    InputError::UnknownColumn {
                        column: col.clone(),
                        header: header_text(),
                    }
                })?),
                None => field
                    .names()
                    .iter()
                    .find_map(|want| names.iter().position(|n| n == want)),
            };
        }
        if layout.cols[0].is_none() {
            return Err(InputError::NoTextColumn { header: header_text() });
        }
        Ok(layout)
    }
}

/// A CSV (`delimiter` `,`) or TSV (`\t`) export: one record per row.
pub fn parse_table(bytes: &[u8], delimiter: u8, opts: &Options) -> Vec<Record> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(bytes);
    let layout = match reader.headers() {
        Ok(h) if h.iter().all(|c| c.trim().is_empty()) => return vec![Record::whole(Err(InputError::EmptyInput))],
        Ok(h) => Layout::from_header(h, &opts.columns),
        Err(source) => Err(InputError::Csv { source }),
    };
    let layout = match layout {
        Ok(l) => l,
        Err(e) => return vec![Record::whole(Err(e))],
    };
    let mut out = Vec::new();
    for row in reader.records() {
        let (place, doc) = match row {
            Ok(row) => {
                let line = row.position().map_or(0, |p| p.line());
                (line, row_document(&layout, &row, opts))
            }
            Err(source) => {
                let line = source.position().map_or(0, |p| p.line());
                (line, Err(InputError::Csv { source }))
            }
        };
        out.push(Record {
            place: Some(place.to_string()),
            doc,
        });
    }
    out
}

fn row_document(layout: &Layout, row: &csv::StringRecord, opts: &Options) -> Result<NewDocument, InputError> {
    let text = layout
        .get(Field::Text, row)
        .ok_or_else(|| InputError::Empty { field: "text".into() })?
        .to_string();
    let lang = match layout.get(Field::Lang, row) {
        Some(l) if l != "auto" => Some(
            Lang::parse(l)
                .or_else(|| checked_lang(Some(l), &text))
                .ok_or_else(|| InputError::Lang { value: l.into() })?,
        ),
        _ => opts.lang,
    };
    let published_at = layout.get(Field::Date, row).map(str::to_string);
    let dct = published_at.as_deref().and_then(published).or(opts.dct);
    let owned = |f| layout.get(f, row).map(str::to_string);
    Ok(NewDocument {
        title: owned(Field::Title),
        url: owned(Field::Url),
        source: owned(Field::Source),
        external_id: owned(Field::Id),
        published_at,
        lang,
        dct,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognized_and_overridden_columns() {
        let csv = "Headline,Body,Outlet,Published\nA title,\"Some text, quoted\",Wire,2022-01-24\n";
        let recs = parse_table(csv.as_bytes(), b',', &Options::default());
        let doc = recs[0].doc.as_ref().expect("row");
        assert_eq!(doc.title.as_deref(), Some("A title"));
        assert_eq!(doc.text, "Some text, quoted");
        assert_eq!(doc.source.as_deref(), Some("Wire"));
        assert_eq!(doc.published_at.as_deref(), Some("2022-01-24"));

        let odd = "story\tname\nwords here\tmy title\n";
        let recs = parse_table(odd.as_bytes(), b'\t', &Options::default());
        assert!(matches!(recs[0].doc, Err(InputError::NoTextColumn { .. })));
        let opts = Options {
            columns: "text=story,title=name".parse().expect("spec"),
            ..Options::default()
        };
        let recs = parse_table(odd.as_bytes(), b'\t', &opts);
        let doc = recs[0].doc.as_ref().expect("row");
        assert_eq!(
            (doc.text.as_str(), doc.title.as_deref()),
            ("words here", Some("my title"))
        );

        let opts = Options {
            columns: "text=missing".parse().expect("spec"),
            ..Options::default()
        };
        assert!(matches!(
            parse_table(odd.as_bytes(), b'\t', &opts)[0].doc,
            Err(InputError::UnknownColumn { .. })
        ));
        assert!("text".parse::<ColumnMap>().is_err());
        assert!("body=text".parse::<ColumnMap>().is_err());
    }

    #[test]
    fn an_empty_row_fails_alone() {
        let csv = "text,title\n,empty\nfine,ok\n";
        let recs = parse_table(csv.as_bytes(), b',', &Options::default());
        assert_eq!(recs.len(), 2);
        assert!(recs[0].doc.is_err());
        assert_eq!(recs[0].place.as_deref(), Some("2"));
        assert!(recs[1].doc.is_ok());
    }
}
