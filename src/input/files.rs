//! Files, directories and standard input: which files to read, in which
//! format, and how many documents each format gave.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::{Format, InputError, Options, Record, detect, parse, sniff};
use crate::store::NewDocument;

/// Everything read from the paths given to `tarikh ingest`.
#[derive(Debug, Default)]
pub struct Collected {
    /// Each document (or the reason it could not be read) with where it
    /// came from: `path`, `path:line 3`, `path:item 2`.
    pub records: Vec<(String, Result<NewDocument, InputError>)>,
    /// Files and documents per format.
    pub counts: FormatCounts,
    /// Paths that do not exist or cannot be listed.
    pub missing: Vec<String>,
}

/// Files and documents per format, and files skipped in directories.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FormatCounts {
    /// Per format: (files, documents read, records that failed).
    pub by_format: BTreeMap<Format, (usize, usize, usize)>,
    /// Files in directories with no extension tarikh reads.
    pub skipped: usize,
}

impl FormatCounts {
    /// Documents read, whatever their format.
    pub fn documents(&self) -> usize {
        self.by_format.values().map(|c| c.1).sum()
    }
}

impl fmt::Display for FormatCounts {
    /// `2 feed files (14 documents), 1 csv file (3 documents, 1 failed); 4 other files skipped`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
        let parts: Vec<String> = self
            .by_format
            .iter()
            .map(|(fmt, (files, docs, failed))| {
                let failed = if *failed > 0 {
                    format!(", {failed} failed")
                } else {
                    String::new()
                };
                format!(
                    "{} ({}{failed})",
                    plural(*files, &format!("{} file", fmt.name())),
                    plural(*docs, "document")
                )
            })
            .collect();
        if parts.is_empty() {
            f.write_str("no input files")?;
        } else {
            f.write_str(&parts.join(", "))?;
        }
        if self.skipped > 0 {
            write!(f, "; {} skipped", plural(self.skipped, "other file"))?;
        }
        Ok(())
    }
}

/// Reads every path: files in the format their content or extension says,
/// directories recursively (sorted; files whose extension names no format
/// are skipped and counted), `-` from standard input.
pub fn read_paths(paths: &[PathBuf], format: Option<Format>, opts: &Options) -> Collected {
    let mut out = Collected::default();
    for path in paths {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            match std::io::stdin().lock().read_to_end(&mut bytes) {
                Ok(_) => add(&mut out, "stdin", read_stdin(&bytes, format), &bytes, opts),
                Err(e) => out.missing.push(format!("stdin: {e}")),
            }
        } else if path.is_dir() {
            walk(path, format, opts, &mut out);
        } else if path.exists() {
            read_file(path, format, opts, &mut out);
        } else {
            out.missing
                .push(format!("{}: no such file or directory", path.display()));
        }
    }
    out
}

/// The format of standard input: `format` if given, else what the content
/// says, else JSON Lines.
pub fn read_stdin(bytes: &[u8], format: Option<Format>) -> Format {
    format.or_else(|| sniff(bytes)).unwrap_or(Format::Jsonl)
}

fn walk(dir: &Path, format: Option<Format>, opts: &Options, out: &mut Collected) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            out.missing.push(format!("{}: {e}", dir.display()));
            return;
        }
    };
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, format, opts, out);
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .and_then(Format::from_extension)
            .is_some()
        {
            read_file(&p, format, opts, out);
        } else {
            out.counts.skipped += 1;
        }
    }
}

fn read_file(path: &Path, format: Option<Format>, opts: &Options, out: &mut Collected) {
    let origin = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => {
            let fmt = format.unwrap_or_else(|| detect(Some(path), &bytes));
            add(out, &origin, fmt, &bytes, opts);
        }
        Err(source) => out
            .records
            .push((origin.clone(), Err(InputError::Io { path: origin, source }))),
    }
}

fn add(out: &mut Collected, origin: &str, fmt: Format, bytes: &[u8], opts: &Options) {
    let records = parse(fmt, bytes, opts);
    let entry = out.counts.by_format.entry(fmt).or_default();
    entry.0 += 1;
    for Record { place, doc } in records {
        match &doc {
            Ok(_) => entry.1 += 1,
            Err(_) => entry.2 += 1,
        }
        let origin = match place {
            Some(p) => format!("{origin}:{p}"),
            None => origin.to_string(),
        };
        out.records.push((origin, doc));
    }
}
