//! The `ccbnet` binary: hands the command line to the library.

/// mimalloc: loading a large data file makes millions of small texts, which it allocates and
/// frees faster than the system's allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    ccbnet::cli::run()
}
