//! `tarikh ingest`: files, directories and standard input into the chronology.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};

use super::{EXIT_BAD_INPUT, open, runtime};
use crate::api::error::Chain;
use crate::input::{Collected, ColumnMap, Format, Options, read_paths};
use crate::lexicon::Lang;
use crate::store::parse_dct;

pub fn run_ingest(
    db: &Path,
    dct: Option<&str>,
    lang: Option<&str>,
    format: Option<Format>,
    columns: Option<&str>,
    paths: &[PathBuf],
) -> ExitCode {
    let dct = match dct.map(parse_dct).transpose() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: --dct: {e}");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let lang = match lang.filter(|l| *l != "auto") {
        None => None,
        Some(l) => match Lang::parse(l) {
            Some(l) => Some(l),
            None => {
                eprintln!("error: --lang: unknown language {l:?} (fa, ar, en, ur or auto)");
                return ExitCode::from(EXIT_BAD_INPUT);
            }
        },
    };
    let columns = match columns.map(str::parse::<ColumnMap>).transpose() {
        Ok(c) => c.unwrap_or_default(),
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let opts = Options {
        dct,
        lang,
        columns,
        ..Options::default()
    };
    let Collected {
        records: jobs,
        counts,
        missing,
    } = read_paths(paths, format, &opts);
    for m in &missing {
        eprintln!("error: {m}");
    }
    eprintln!("inputs: {counts}");
    if jobs.is_empty() {
        eprintln!(
            "error: no documents found in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    let Some(rt) = runtime() else { return ExitCode::FAILURE };
    rt.block_on(async move {
        let Some(store) = open(db).await else {
            return ExitCode::FAILURE;
        };
        let bar = if std::io::stderr().is_terminal() {
            let bar = ProgressBar::new(jobs.len() as u64);
            if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} documents {per_sec} {msg}") {
                bar.set_style(style);
            }
            Some(bar)
        } else {
            None
        };
        let (mut new, mut present, mut failed, mut mentions, mut events, mut merges) =
            (0usize, 0usize, missing.len(), 0usize, 0usize, 0usize);
        // Unreadable jobs are reported first; the rest go through the pipelined ingest.
        let mut origins = Vec::new();
        let mut docs = Vec::new();
        for (origin, doc) in jobs {
            match doc {
                Ok(doc) => {
                    origins.push(origin);
                    docs.push(doc);
                }
                Err(e) => {
                    failed += 1;
                    let msg = format!("error: {origin}: {}", Chain(&e));
                    match &bar {
                        Some(b) => {
                            b.println(msg);
                            b.inc(1);
                        }
                        None => eprintln!("{msg}"),
                    }
                }
            }
        }
        let mut origins = origins.into_iter();
        store
            .ingest_all(docs, |result| {
                let origin = origins.next().unwrap_or_default();
                match result {
                    Ok(i) if i.created => {
                        new += 1;
                        mentions += i.mentions.len();
                        events += i.events.len() - i.merges;
                        merges += i.merges;
                    }
                    Ok(_) => present += 1,
                    Err(e) => {
                        failed += 1;
                        let msg = format!("error: {origin}: {}", Chain(&e));
                        match &bar {
                            Some(b) => b.println(msg),
                            None => eprintln!("{msg}"),
                        }
                    }
                }
                if let Some(b) = &bar {
                    b.inc(1);
                }
            })
            .await;
        if let Some(b) = bar {
            b.finish_and_clear();
        }
        store.close().await;
        println!(
            "documents: {new} new, {present} already present, {failed} failed; mentions: {mentions}; \
             events: {events} new; merges: {merges}"
        );
        if failed > 0 {
            ExitCode::from(EXIT_BAD_INPUT)
        } else {
            ExitCode::SUCCESS
        }
    })
}
