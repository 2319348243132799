//! The `ccbnet` binary: hands the command line to the library.

fn main() -> std::process::ExitCode {
    ccbnet::cli::run()
}
