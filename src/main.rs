//! The `tarikh` binary: the allocator, then the command line of [`tarikh::cli`].

/// mimalloc, which (with its `override` feature) also serves SQLite's
/// allocations: ingest allocates and frees many small blocks on several
/// threads, where it is markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc 2's `mimalloc.h` (the crate's default
/// build), which `libmimalloc-sys` does not name.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> std::process::ExitCode {
    // `extract` streams date-dense results whose buffers are large and short-lived:
    // giving freed pages back at once (not after mimalloc's 10 ms) keeps its peak
    // memory near the input's size (a 64 MB line: 220 → 150 MB).
    if std::env::args_os().nth(1).is_some_and(|a| a == "extract") {
        // SAFETY: sets a plain integer option; called before any other thread exists.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    }
    tarikh::cli::main()
}
