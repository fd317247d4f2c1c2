//! JSON Lines (one object per line) and JSON arrays of the same objects:
//! `{"text", "title"?, "url"?, "source"?, "published_at"?, "dct"?, "lang"?, "id"?}`.

use std::collections::BTreeMap;

use serde_json::Value;
use serde_json::value::RawValue;

use super::{InputError, Options, Record, published};
use crate::lexicon::Lang;
use crate::store::NewDocument;

/// An object's members, each as written: a numeric `id` keeps every digit
/// (a 23-digit id read through `Value` would become a float).
type Members = BTreeMap<String, Box<RawValue>>;

fn str_field(m: &Members, key: &str) -> Result<Option<String>, InputError> {
    let Some(raw) = m.get(key) else { return Ok(None) };
    match serde_json::from_str::<Value>(raw.get()) {
        Ok(Value::Null) => Ok(None),
        Ok(Value::String(s)) => Ok(Some(s)),
        Ok(Value::Number(_)) if key == "id" => Ok(Some(raw.get().trim().to_string())),
        _ => Err(InputError::FieldType { field: key.into() }),
    }
}

/// One JSON object (its text) as a document. Its own `dct` (or its
/// `published_at`) beats `opts.dct`; its own `lang` beats `opts.lang`. A
/// `published_at` must be readable even beside a `dct`: a typo is the
/// record's error, never a value stored and silently ignored.
///
/// # Errors
/// [`InputError`] naming the field that is missing, of the wrong type or
/// unreadable, or the JSON error.
pub fn json_document(object: &str, opts: &Options) -> Result<NewDocument, InputError> {
    let m: Members = serde_json::from_str(object).map_err(|source| {
        // valid JSON that is not an object (`42`, `[..]`) says so
        match serde_json::from_str::<serde::de::IgnoredAny>(object) {
            Ok(_) => InputError::NotAnObject,
            Err(_) => InputError::Json { source },
        }
    })?;
    let text = str_field(&m, "text")?.ok_or_else(|| InputError::Missing { field: "text".into() })?;
    if text.trim().is_empty() {
        return Err(InputError::Empty { field: "text".into() });
    }
    let lang = match str_field(&m, "lang")? {
        Some(l) if l != "auto" => Some(Lang::parse(&l).ok_or(InputError::Lang { value: l })?),
        _ => opts.lang,
    };
    let published_at = str_field(&m, "published_at")?;
    let published_dct = match published_at.as_deref() {
        Some(p) => Some(published(p).ok_or_else(|| InputError::Date {
            field: "published_at".into(),
            value: p.to_string(),
        })?),
        None => None,
    };
    let dct = match str_field(&m, "dct")? {
        Some(d) => Some(crate::extract::parse_dct(&d).ok_or(InputError::Date {
            field: "dct".into(),
            value: d,
        })?),
        None => published_dct.or(opts.dct),
    };
    Ok(NewDocument {
        text,
        title: str_field(&m, "title")?,
        url: str_field(&m, "url")?,
        source: str_field(&m, "source")?,
        published_at,
        lang,
        dct,
        external_id: str_field(&m, "id")?,
    })
}

/// JSON Lines: one record per non-empty line, each line's errors its own.
pub fn parse_jsonl(bytes: &[u8], opts: &Options) -> Vec<Record> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut out = Vec::new();
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let doc = match std::str::from_utf8(line) {
            Err(e) => Err(InputError::Utf8 {
                offset: e.valid_up_to(),
            }),
            Ok(l) if l.trim().is_empty() => continue,
            Ok(l) => json_document(l, opts),
        };
        out.push(Record {
            place: Some((n + 1).to_string()),
            doc,
        });
    }
    out
}

/// A JSON array of objects (or one object): one record per element.
pub fn parse_json(bytes: &[u8], opts: &Options) -> Vec<Record> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return vec![Record::whole(Err(InputError::Utf8 {
                offset: e.valid_up_to(),
            }))];
        }
    };
    if !text.trim_start().starts_with('[') {
        return vec![Record::whole(json_document(text, opts))];
    }
    match serde_json::from_str::<Vec<Box<RawValue>>>(text) {
        Ok(items) => items
            .iter()
            .enumerate()
            .map(|(i, raw)| Record {
                place: Some(format!("element {}", i + 1)),
                doc: json_document(raw.get(), opts),
            })
            .collect(),
        Err(source) => vec![Record::whole(Err(InputError::Json { source }))],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_elements_fail_alone() {
        let recs = parse_json(
            br#"[{"text":"a","dct":"2022-01-24","id":7},{"title":"no text"},{"text":"b","lang":"xx"}]"#,
            &Options::default(),
        );
        assert_eq!(recs.len(), 3);
        let first = recs[0].doc.as_ref().expect("first element is fine");
        assert_eq!(first.external_id.as_deref(), Some("7"));
        assert_eq!(first.dct.map(|d| d.date().to_string()).as_deref(), Some("2022-01-24"));
        assert!(matches!(recs[1].doc, Err(InputError::Missing { .. })));
        assert!(matches!(recs[2].doc, Err(InputError::Lang { .. })));
    }

    #[test]
    fn lines_are_numbered() {
        let recs = parse_jsonl(b"{\"text\":\"a\"}\n\nnot json\n", &Options::default());
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[1].place.as_deref(), Some("3"));
        assert!(matches!(recs[1].doc, Err(InputError::Json { .. })));
    }

    #[test]
    fn a_long_numeric_id_keeps_every_digit() {
        let recs = parse_jsonl(
            b"{\"text\":\"a\",\"id\":12345678901234567890123}\n{\"text\":\"b\",\"id\":\"x-1\"}\n",
            &Options::default(),
        );
        let ids: Vec<_> = recs
            .iter()
            .map(|r| r.doc.as_ref().ok().and_then(|d| d.external_id.clone()))
            .collect();
        assert_eq!(ids, [Some("12345678901234567890123".into()), Some("x-1".into())]);
    }

    #[test]
    fn an_unreadable_published_at_fails_even_beside_a_dct() {
        let recs = parse_jsonl(
            b"{\"text\":\"a\",\"dct\":\"2022-01-24\",\"published_at\":\"garbage\"}\n\
              {\"text\":\"b\",\"published_at\":\"Mon, 24 Jan 2022 01:30:00 +0300\"}\n",
            &Options::default(),
        );
        assert!(
            matches!(&recs[0].doc, Err(InputError::Date { field, value }) if field == "published_at" && value == "garbage")
        );
        let dct = recs[1].doc.as_ref().ok().and_then(|d| d.dct).map(|d| d.to_string());
        assert_eq!(dct.as_deref(), Some("2022-01-24 01:30:00"));
    }
}
