//! `tarikh extract`: one document, or JSON Lines batches (the protocol of the
//! shared scorer).

use std::io::{BufRead, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Deserialize;
use serde_json::json;

use crate::extract::{Options, extract, parse_dct};
use crate::lexicon::Lang;

use super::EXIT_BAD_INPUT;

pub fn run(dct: Option<&str>, lang: &str, batch: bool, file: Option<&Path>) -> ExitCode {
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
        return run_batch(lang);
    }
    let mut bytes = Vec::new();
    let read = match file {
        None => std::io::stdin().read_to_end(&mut bytes),
        Some(p) if p == Path::new("-") => std::io::stdin().read_to_end(&mut bytes),
        Some(p) => std::fs::File::open(p).and_then(|mut f| f.read_to_end(&mut bytes)),
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
    let mentions = extract(&text, &Options { dct, lang });
    let mut out = std::io::stdout().lock();
    for m in &mentions {
        if serde_json::to_writer(&mut out, m).is_err() || writeln!(out).is_err() {
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

#[derive(Deserialize)]
struct BatchDoc {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    dct: Option<String>,
    #[serde(default)]
    lang: Option<String>,
}

/// One result line per input line; a bad line gets `{"id", "error"}` and the
/// batch goes on.
fn run_batch(default_lang: Option<Lang>) -> ExitCode {
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
        let result = match serde_json::from_slice::<BatchDoc>(&line) {
            Err(e) => {
                failed = true;
                let id = serde_json::from_slice::<serde_json::Value>(&line)
                    .ok()
                    .and_then(|v| v.get("id").cloned());
                json!({"id": id.unwrap_or(json!(format!("line {}", n + 1))), "error": format!("line {}: {e}", n + 1), "mentions": []})
            }
            Ok(doc) => {
                let dct = doc.dct.as_deref().and_then(parse_dct);
                let lang = doc.lang.as_deref().and_then(Lang::parse).or(default_lang);
                match (&doc.dct, dct) {
                    (Some(raw), None) => {
                        failed = true;
                        json!({"id": doc.id, "error": format!("cannot read dct {raw:?}"), "mentions": []})
                    }
                    _ => json!({"id": doc.id, "mentions": extract(&doc.text, &Options { dct, lang })}),
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
