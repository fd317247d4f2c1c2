//! The `tarikh` command line. Argument parsing lives here; each subcommand's
//! work is a thin `run` in its own file that calls the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod backup;
mod convert;
mod docs;
mod extract;
mod follow;
mod ingest;
mod serve;
mod sql;
mod timeline;

/// Exit code for bad input (an impossible date, an unreadable file).
pub const EXIT_BAD_INPUT: u8 = 2;

/// The command line: one subcommand.
#[derive(Parser, Debug)]
#[command(
    name = "tarikh",
    version,
    about = "Calendar-correct chronologies from Persian, Arabic and English news"
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Where the SQLite database lives; shared by every subcommand that opens it.
#[derive(clap::Args, Debug, Clone)]
pub struct DbArg {
    /// SQLite database file (created if missing).
    #[arg(long, env = "TARIKH_DB", default_value = "tarikh.db")]
    pub db: PathBuf,
}

/// The calendar a numeric date (`1400/10/22`) is written in (`convert --from`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum FromCalendar {
    /// Gregorian.
    Gregorian,
    /// Solar Hijri (the Iranian calendar).
    Persian,
    /// Hijri by the Umm al-Qura table (Saudi Arabia's official calendar).
    Hijri,
    /// Hijri by the tabular (arithmetic) civil rule.
    HijriCivil,
}

/// The calendar `timeline` labels its events in.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ShowCalendar {
    /// Gregorian labels (`9 January 2022`).
    Gregorian,
    /// Solar Hijri labels (`۱۹ دی ۱۴۰۰`).
    Persian,
    /// Hijri (Umm al-Qura) labels (`٦ جمادى الآخرة ١٤٤٣`).
    Hijri,
}

/// Which TIMEX3 types `extract` reports.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum TypesArg {
    /// DATE and TIME mentions that name days.
    Dates,
    /// Every TIMEX3 type: also DURATION, SET and references with no days.
    All,
}

impl From<TypesArg> for crate::extract::Types {
    fn from(t: TypesArg) -> Self {
        match t {
            TypesArg::Dates => crate::extract::Types::Placed,
            TypesArg::All => crate::extract::Types::All,
        }
    }
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print a day in every calendar.
    Convert {
        /// How to read numeric input such as 1400/10/22 (ISO 2022-01-12 is always Gregorian).
        #[arg(long, value_enum)]
        from: Option<FromCalendar>,
        /// One JSON object per input.
        #[arg(long)]
        json: bool,
        /// Dates: ISO, numeric with --from, or written (`۲۲ دی ۱۴۰۰`, `24 كانون الثاني 2022`).
        #[arg(required = true)]
        dates: Vec<String>,
    },
    /// Find and normalize every date expression in a text.
    Extract {
        /// Document creation time: 2022-01-24 or 2022-01-24T12:12.
        #[arg(long)]
        dct: Option<String>,
        /// Language of the text: fa, ar, en, ur or auto.
        #[arg(long, default_value = "auto")]
        lang: String,
        /// JSON Lines in ({"id","text","dct","lang"}), JSON Lines out ({"id","mentions"}).
        #[arg(long)]
        batch: bool,
        /// Which TIMEX3 types: `dates` (DATE and TIME naming days, what the timeline uses)
        /// or `all` (also DURATION, SET and references such as `now`, as TempEval-3 scores).
        #[arg(long, value_enum, default_value_t = TypesArg::Dates)]
        types: TypesArg,
        /// A file to read, or - for standard input.
        file: Option<PathBuf>,
    },
    /// Ingest articles into the chronology: feeds (RSS, Atom), HTML pages, CSV/TSV,
    /// JSON, JSON Lines, text, directories of these, or - for standard input.
    Ingest {
        /// The database.
        #[command(flatten)]
        db: DbArg,
        /// DCT for documents that carry no date and no dateline.
        #[arg(long)]
        dct: Option<String>,
        /// Language of the articles when not given per article.
        #[arg(long)]
        lang: Option<String>,
        /// Read every input in this format instead of detecting it (standard input: JSON Lines unless its content says otherwise).
        #[arg(long, value_enum)]
        format: Option<crate::input::Format>,
        /// CSV/TSV columns by name: text=body,title=headline,date=when,url=link,source=outlet,lang=language,id=key.
        #[arg(long)]
        columns: Option<String>,
        /// Files, directories (read recursively) or - for standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Poll RSS/Atom feeds and ingest each new item (its page's text when the feed has only a teaser).
    Follow {
        /// The database.
        #[command(flatten)]
        db: DbArg,
        /// Time between polls: 15m, 30s, 2h.
        #[arg(long, default_value = "15m")]
        every: String,
        /// Poll each feed once and exit (for cron).
        #[arg(long)]
        once: bool,
        /// Feed URLs (RSS or Atom).
        #[arg(required = true)]
        urls: Vec<String>,
    },
    /// Run read-only SQL against the chronology.
    Sql {
        /// The database.
        #[command(flatten)]
        db: DbArg,
        /// One JSON object per row.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// CSV with a header row.
        #[arg(long)]
        csv: bool,
        /// One statement that only reads.
        query: String,
    },
    /// Print the chronology, one event per line with its sources.
    Timeline {
        /// The database.
        #[command(flatten)]
        db: DbArg,
        /// First day (any calendar, e.g. 2022-01-01 or ۱ دی ۱۴۰۰).
        #[arg(long)]
        from: Option<String>,
        /// Last day (inclusive).
        #[arg(long)]
        to: Option<String>,
        /// The calendar of the printed dates.
        #[arg(long, value_enum, default_value = "gregorian")]
        calendar: ShowCalendar,
    },
    /// Print a shell completion script: `tarikh completions bash > /etc/bash_completion.d/tarikh`.
    Completions {
        /// The shell to write the script for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `tarikh man > tarikh.1`, or `tarikh man | man -l -`.
    Man,
    /// Write a consistent copy of the database to OUT (safe while `serve` or `ingest` runs).
    Backup {
        /// The database.
        #[command(flatten)]
        db: DbArg,
        /// The copy: one SQLite file with no WAL (must not exist yet).
        out: PathBuf,
    },
    /// Serve the REST API, the iCalendar feed and the timeline page.
    ///
    /// Logs go to stderr; RUST_LOG sets their level (`RUST_LOG=tarikh=debug,tower_http=debug`
    /// for one line per request).
    Serve {
        /// The database.
        #[command(flatten)]
        db: DbArg,
        /// host:port to listen on (port 0 picks a free one); beyond loopback, set --token.
        #[arg(long, env = "TARIKH_ADDR", default_value = "127.0.0.1:8080")]
        addr: String,
        /// Ingest the bundled demo corpus first (if not already there).
        #[arg(long)]
        demo: bool,
        /// Bearer token required for writes.
        #[arg(long, env = "TARIKH_TOKEN")]
        token: Option<String>,
        /// Largest accepted request body, in bytes.
        #[arg(long, default_value_t = 5 * 1024 * 1024)]
        max_body: usize,
        /// Longest a request may run, in seconds.
        #[arg(long, default_value_t = 30)]
        request_timeout: u64,
        /// Requests served at once; more wait their turn.
        #[arg(long, default_value_t = 256)]
        concurrency: usize,
        /// Cap on SQLite's heap for the whole process, in MiB (0: none): an
        /// allocation past it fails its statement instead of growing the process.
        #[arg(long, default_value_t = 1024)]
        sqlite_heap_mib: i64,
        /// Keep following the feeds listed in this file (one URL per line, # comments).
        #[arg(long)]
        follow: Option<PathBuf>,
        /// Time between polls of the followed feeds.
        #[arg(long, default_value = "15m", requires = "follow")]
        follow_every: String,
    },
}

/// Parses the process arguments and runs the subcommand.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Convert { from, json, dates } => convert::run(from, json, &dates),
        Command::Extract {
            dct,
            lang,
            types,
            batch,
            file,
        } => extract::run(dct.as_deref(), &lang, types.into(), batch, file.as_deref()),
        Command::Ingest {
            db,
            dct,
            lang,
            format,
            columns,
            paths,
        } => ingest::run_ingest(
            &db.db,
            dct.as_deref(),
            lang.as_deref(),
            format,
            columns.as_deref(),
            &paths,
        ),
        Command::Follow { db, every, once, urls } => follow::run_follow(&db.db, &every, once, &urls),
        Command::Sql { db, json, csv, query } => sql::run_sql(&db.db, json, csv, &query),
        Command::Backup { db, out } => backup::run_backup(&db.db, &out),
        Command::Completions { shell } => docs::run_completions(shell),
        Command::Man => docs::run_man(),
        Command::Timeline { db, from, to, calendar } => {
            timeline::run_timeline(&db.db, from.as_deref(), to.as_deref(), calendar)
        }
        Command::Serve {
            db,
            addr,
            demo,
            token,
            max_body,
            request_timeout,
            concurrency,
            follow,
            follow_every,
            sqlite_heap_mib,
        } => {
            let mut config = crate::api::ServeConfig::new(&db.db);
            config.sqlite_heap_limit = (sqlite_heap_mib > 0).then_some(sqlite_heap_mib << 20);
            config.addr = addr;
            config.demo = demo;
            config.token = token;
            config.max_body = max_body;
            config.request_timeout = std::time::Duration::from_secs(request_timeout);
            config.concurrency = concurrency.max(1);
            serve::run(config, follow.as_deref(), &follow_every)
        }
    }
}

/// A runtime for the commands that open the store; None (reported) if it cannot start.
fn runtime() -> Option<tokio::runtime::Runtime> {
    match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => Some(rt),
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            None
        }
    }
}

/// Opens (creating if missing) the store; None (reported) if it cannot be opened.
async fn open(db: &std::path::Path) -> Option<crate::store::Store> {
    match crate::store::Store::open(db).await {
        Ok(s) => Some(s),
        Err(e) => {
            eprintln!("error: {}", crate::api::error::Chain(&e));
            None
        }
    }
}

/// Opens an existing store for a read-only command: a missing file is an
/// error (a typo in `--db` must not create an empty database and succeed).
async fn open_existing(db: &std::path::Path) -> Option<crate::store::Store> {
    if !db.is_file() {
        eprintln!(
            "error: no database at {} (create one with `tarikh ingest --db {} FILE`)",
            db.display(),
            db.display()
        );
        return None;
    }
    open(db).await
}
