//! JSON Lines (one object per line) and JSON arrays of the same objects:
//! `{"text", "title"?, "url"?, "source"?, "published_at"?, "dct"?, "lang"?, "id"?}`.

use serde_json::Value;

use super::{InputError, Options, Record, published};
use crate::lexicon::Lang;
use crate::store::NewDocument;

fn str_field(v: &Value, key: &str) -> Result<Option<String>, InputError> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) if key == "id" => Ok(Some(n.to_string())),
        Some(_) => Err(InputError::FieldType { field: key.into() }),
    }
}

/// One JSON object as a document. Its own `dct` (or its `published_at`,
/// which must then be readable) beats `opts.dct`; its own `lang` beats `opts.lang`.
///
/// # Errors
/// [`InputError`] naming the field that is missing, of the wrong type or unreadable.
pub fn json_document(v: &Value, opts: &Options) -> Result<NewDocument, InputError> {
    if !v.is_object() {
        return Err(InputError::NotAnObject);
    }
    let text = str_field(v, "text")?.ok_or_else(|| InputError::Missing { field: "text".into() })?;
    if text.trim().is_empty() {
        return Err(InputError::Empty { field: "text".into() });
    }
    let lang = match str_field(v, "lang")? {
        Some(l) if l != "auto" => Some(Lang::parse(&l).ok_or(InputError::Lang { value: l })?),
        _ => opts.lang,
    };
    let published_at = str_field(v, "published_at")?;
    let dct = match str_field(v, "dct")? {
        Some(d) => Some(crate::extract::parse_dct(&d).ok_or(InputError::Date {
            field: "dct".into(),
            value: d,
        })?),
        // an unreadable `published_at` is the record's error, never a silent missing date
        None => match published_at.as_deref() {
            Some(p) => Some(published(p).ok_or_else(|| InputError::Date {
                field: "published_at".into(),
                value: p.to_string(),
            })?),
            None => opts.dct,
        },
    };
    Ok(NewDocument {
        text,
        title: str_field(v, "title")?,
        url: str_field(v, "url")?,
        source: str_field(v, "source")?,
        published_at,
        lang,
        dct,
        external_id: str_field(v, "id")?,
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
            Ok(l) => serde_json::from_str::<Value>(l)
                .map_err(|source| InputError::Json { source })
                .and_then(|v| json_document(&v, opts)),
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
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| Record {
                place: Some(format!("element {}", i + 1)),
                doc: json_document(v, opts),
            })
            .collect(),
        Ok(v) => vec![Record::whole(json_document(&v, opts))],
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
}
