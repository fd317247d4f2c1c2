/// mimalloc, which (with its `override` feature) also serves SQLite's
/// allocations: ingest allocates and frees many small blocks on several
/// threads, where it is markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    tarikh::cli::main()
}
