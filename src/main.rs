fn main() -> std::process::ExitCode {
    tarikh::cli::main()
}
