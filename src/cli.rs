//! The command line: its shape (clap) and what each command runs.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::data::{LoadError, Loaded, load_embedded, load_path};

/// Explore the cooperation networks of the Centre for Cybersecurity Belgium (CCB), in French or
/// Dutch.
#[derive(Debug, Parser)]
#[command(name = "ccbnet", version, about, long_about = None)]
pub struct Cli {
    /// Read this data file instead of the built-in data set.
    #[arg(long, global = true, value_name = "FILE")]
    pub data: Option<PathBuf>,
    /// Start in this language (a code of the data set, such as fr or nl).
    #[arg(long, global = true, value_name = "CODE")]
    pub lang: Option<String>,
    /// What to do; without a command, the explorer opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a data file (default: --data, else the built-in data set) and list its problems.
    Check {
        /// The file to check.
        file: Option<PathBuf>,
    },
}

/// Runs the program with the process's arguments.
#[must_use]
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { file }) => {
            let report = crate::check::check(file.as_deref().or(cli.data.as_deref()));
            print!("{}", report.out);
            ExitCode::from(report.status)
        }
        None => explore(&cli),
    }
}

/// Loads `--data` (or the built-in set), printing problems to standard error.
fn load(cli: &Cli) -> Result<Loaded, ExitCode> {
    let result = match &cli.data {
        Some(p) => load_path(p),
        None => load_embedded().map_err(LoadError::Invalid),
    };
    match result {
        Ok(l) => Ok(l),
        Err(e) => {
            eprintln!("{e}");
            Err(ExitCode::from(match e {
                LoadError::Unreadable { .. } => 2,
                LoadError::Invalid(_) => 1,
            }))
        }
    }
}

fn explore(cli: &Cli) -> ExitCode {
    let loaded = match load(cli) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let lang =
        match crate::term::start_language(cli.lang.as_deref(), &loaded.catalog.languages, |v| {
            std::env::var(v).ok()
        }) {
            Ok(l) => l,
            Err(msg) => {
                eprintln!("ccbnet: {msg}");
                return ExitCode::from(2);
            }
        };
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!("ccbnet: the explorer needs a terminal; standard input or output is not one");
        return ExitCode::from(2);
    }
    let app = crate::app::App::new(loaded.catalog, &lang, (80, 24));
    match crate::term::run(app) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ccbnet: terminal error: {e}");
            ExitCode::FAILURE
        }
    }
}
