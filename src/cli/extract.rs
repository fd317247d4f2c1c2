//! `tarikh extract`: one document, or JSON Lines batches (the protocol of the
//! shared scorer).

use std::io::{BufRead, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Deserialize;
use serde_json::json;

use crate::extract::{Options, Types, extract_each, parse_dct};
use crate::lexicon::Lang;

use super::EXIT_BAD_INPUT;

pub fn run(dct: Option<&str>, lang: &str, types: Types, batch: bool, file: Option<&Path>) -> ExitCode {
    let lang = match lang {
        "auto" => None,
        l => match Lang::parse(l) {
            Some(l) => Some(l),
            None => {
                eprintln!("error: unknown language {l:?} (use fa, ar, en, ur or auto)");
                return ExitCode::from(EXIT_BAD_INPUT);
            }
        },
    };
    let dct = match dct.map(|d| (d, parse_dct(d))) {
        None => None,
        Some((_, Some(d))) => Some(d),
        Some((raw, None)) => {
            eprintln!("error: cannot read --dct {raw:?} (use 2022-01-24 or 2022-01-24T12:12)");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    if batch {
        return run_batch(lang, types);
    }
    let mut bytes = Vec::new();
    let read = match file {
        None => std::io::stdin().read_to_end(&mut bytes).map(|_| ()),
        Some(p) if p == Path::new("-") => std::io::stdin().read_to_end(&mut bytes).map(|_| ()),
        // sized from the file's length: no buffer twice the text
        Some(p) => std::fs::read(p).map(|b| bytes = b),
    };
    if let Err(e) = read {
        eprintln!(
            "error: cannot read {}: {e}",
            file.map_or("standard input".into(), |p| p.display().to_string())
        );
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            eprintln!(
                "error: input is not valid UTF-8 (first bad byte at offset {})",
                e.utf8_error().valid_up_to()
            );
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut res = Ok(());
    extract_each(&text, &Options { dct, lang, types }, &mut |m| {
        if res.is_ok() {
            res = serde_json::to_writer(&mut out, &m)
                .map_err(std::io::Error::from)
                .and_then(|()| writeln!(out));
        }
    });
    if res.and_then(|()| out.flush()).is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

#[derive(Deserialize)]
struct BatchDoc<'a> {
    id: serde_json::Value,
    /// Borrowed from the input line when it has no escapes: a huge line is not copied.
    #[serde(borrow)]
    text: std::borrow::Cow<'a, str>,
    #[serde(default)]
    dct: Option<String>,
    #[serde(default)]
    lang: Option<String>,
}

/// Writes `{"id":…,"mentions":[…]}` and a newline, each mention serialized
/// as it is found.
fn write_result(out: &mut impl Write, doc: &BatchDoc<'_>, opts: &Options) -> std::io::Result<()> {
    out.write_all(b"{\"id\":")?;
    serde_json::to_writer(&mut *out, &doc.id)?;
    out.write_all(b",\"mentions\":[")?;
    let mut first = true;
    let mut res = Ok(());
    extract_each(&doc.text, opts, &mut |m| {
        if res.is_err() {
            return;
        }
        res = (|| {
            if !first {
                out.write_all(b",")?;
            }
            first = false;
            serde_json::to_writer(&mut *out, &m).map_err(std::io::Error::from)
        })();
    });
    res?;
    out.write_all(b"]}\n")
}

/// One result line per input line; a bad line gets `{"id", "error"}` and the
/// batch goes on.
fn run_batch(default_lang: Option<Lang>, types: Types) -> ExitCode {
    let stdin = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    for (n, line) in stdin.split(b'\n').enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("error: reading standard input: {e}");
                return ExitCode::FAILURE;
            }
        };
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let parsed = serde_json::from_slice::<BatchDoc>(&line);
        let result = match parsed {
            Err(e) => {
                failed = true;
                let id = serde_json::from_slice::<serde_json::Value>(&line)
                    .ok()
                    .and_then(|v| v.get("id").cloned());
                json!({"id": id.unwrap_or(json!(format!("line {}", n + 1))), "error": format!("line {}: {e}", n + 1), "mentions": []})
            }
            Ok(doc) => {
                let dct = doc.dct.as_deref().and_then(parse_dct);
                // An unknown language is the line's error, not a silent `auto`.
                let given = doc
                    .lang
                    .as_deref()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && *l != "auto");
                let lang = given.map(Lang::parse).unwrap_or(default_lang);
                match (&doc.dct, dct) {
                    (Some(raw), None) => {
                        failed = true;
                        json!({"id": doc.id, "error": format!("cannot read dct {raw:?}"), "mentions": []})
                    }
                    _ if given.is_some() && lang.is_none() => {
                        failed = true;
                        let raw = given.unwrap_or_default();
                        json!({"id": doc.id, "error": format!("unknown lang {raw:?} (use fa, ar, en, ur or auto)"), "mentions": []})
                    }
                    _ => {
                        // Streamed mention by mention: a date-dense document's result is
                        // many times its size and is never held whole.
                        if write_result(&mut out, &doc, &Options { dct, lang, types }).is_err() {
                            return ExitCode::FAILURE;
                        }
                        continue;
                    }
                }
            }
        };
        if serde_json::to_writer(&mut out, &result).is_err() || writeln!(out).is_err() {
            return ExitCode::FAILURE;
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    if failed {
        ExitCode::from(EXIT_BAD_INPUT)
    } else {
        ExitCode::SUCCESS
    }
}
