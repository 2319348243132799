//! The command line: its shape (clap) and what each command runs.

use std::fmt::Write as _;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

use crate::data::{Catalog, LoadError, Loaded, load_embedded, load_path};
use crate::export::Format;
use crate::term::ColorChoice;

/// The heading of the options that every command takes.
const GLOBAL: &str = "Global options";

/// The end of `ccbnet --help`: a few examples and where the keys are.
const AFTER_HELP: &str = "\
Examples:
  ccbnet --lang de                    the explorer, in German
  ccbnet search cybercrime            one result a line: id, path, name
  ccbnet show enisa                   one entry or organisation as text
  ccbnet export --format json | jq    the whole data set, for scripts
  ccbnet check my-networks.ron        the problems of a data file

Configuration (optional): $XDG_CONFIG_HOME/ccbnet/config.toml, else
~/.config/ccbnet/config.toml, with the keys data, lang, color and mouse.
The command line wins over it, and CCBNET_DATA over its data.

In the explorer, press ? for the keys.";

/// Explore the cooperation networks of the Centre for Cybersecurity Belgium (CCB), in French,
/// Dutch, German or English.
#[derive(Debug, Parser)]
#[command(name = "ccbnet", version, about, long_about = None, after_help = AFTER_HELP)]
pub struct Cli {
    /// Read this data file instead of the built-in data set; - reads standard input (the
    /// explorer then reads the keys from the terminal). Default: `CCBNET_DATA`, else the
    /// configuration file's data.
    #[arg(long, global = true, value_name = "FILE", help_heading = GLOBAL)]
    pub data: Option<PathBuf>,
    /// The language (a code of the data set: fr, nl, de, en; any case, a region is ignored: nl-BE,
    /// `de_BE`); export --format json also takes all. Default: the configuration file's lang, else
    /// the locale (LANGUAGE, then `LC_ALL`, `LC_MESSAGES`, LANG), else the data set's first.
    #[arg(long, global = true, value_name = "CODE", help_heading = GLOBAL)]
    pub lang: Option<String>,
    /// Colours in the explorer and in these messages: auto (the default: on a terminal, unless
    /// `NO_COLOR` is set), always or never. Exports and search results never have colours.
    #[arg(long, value_name = "WHEN", value_enum)]
    pub color: Option<ColorChoice>,
    /// Whether the explorer captures the mouse: from the configuration file (`mouse`).
    #[arg(skip = true)]
    pub mouse: bool,
    /// The configuration file `lang` came from, when it did (for messages about it).
    #[arg(skip)]
    pub lang_from: Option<PathBuf>,
    /// What to do; without a command, the explorer opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a data file (default: --data, else the built-in data set) and list its problems.
    Check {
        /// The file to check; - reads standard input.
        file: Option<PathBuf>,
        /// How to write the problems: text (<FILE:LINE:COL>: ... a line) or json (one document,
        /// described in docs/check-format.md).
        #[arg(long, value_enum, default_value_t)]
        format: CheckFormat,
    },
    /// Write the whole data set (every entry, its details, links and organisations) to standard
    /// output, as plain text, Markdown or JSON, or as a graph (Graphviz DOT, Mermaid).
    Export {
        /// The output's shape.
        #[arg(long, short, value_enum, default_value_t)]
        format: Format,
        /// With --format markdown: put a Mermaid flowchart of the network after the title.
        #[arg(long)]
        mermaid: bool,
        /// Wrap plain text at this many columns (default: the terminal's width, else 80).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
        width: Option<u16>,
        /// Write straight to the terminal, without the pager ($PAGER, else less -FRX) that an
        /// export to a terminal goes through.
        #[arg(long)]
        no_pager: bool,
    },
    /// Search as the explorer's / does and print one result a line: id, path and name, separated
    /// by tabs. Exit 0 when something matched, 1 when nothing did.
    Search {
        /// The words to look for; every one must occur (case and accents do not matter).
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        /// Print the results as one JSON document.
        #[arg(long)]
        json: bool,
    },
    /// List the organisations that an organisation meets (named by the same entries), most
    /// shared entries first, one a line: id, how many entries, name and the entries, separated
    /// by tabs. Exit 1 when no organisation has this id (ids match ignoring case; an exact
    /// id wins).
    Meets {
        /// The organisation's id (as in `ccbnet export --format json`).
        #[arg(value_name = "ID")]
        id: String,
        /// Print the list as one JSON document.
        #[arg(long)]
        json: bool,
    },
    /// Print one entry (without the entries below it) or one organisation as plain text, as in
    /// `ccbnet export`, then the source and the date the content reflects. Exit 1 when nothing has this id (ids match ignoring case; an exact id
    /// wins).
    Show {
        /// The id of the entry or the organisation (as `ccbnet search` prints it).
        #[arg(value_name = "ID")]
        id: String,
        /// Wrap at this many columns (default: the terminal's width, else 80).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
        width: Option<u16>,
    },
    /// Print a completion script for a shell (bash, zsh, fish...) to standard output.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output.
    Man,
}

/// The global options each command has no use for: they are accepted there (as everywhere) but
/// neither shown in its help nor offered by the completions.
const UNUSED: [(&str, &[&str]); 3] =
    [("check", &["lang"]), ("completions", &["data", "lang"]), ("man", &["data", "lang"])];

/// The command line, its colours following `colour` (the error messages and the help).
#[must_use]
pub fn command(colour: clap::ColorChoice) -> clap::Command {
    hide_unused(Cli::command().color(colour))
}

/// `cmd` without the global options its commands have no use for ([`UNUSED`]).
fn hide_unused(mut cmd: clap::Command) -> clap::Command {
    for (sub, ids) in UNUSED {
        // A hidden copy in the command keeps the global option from being shown there.
        let hidden: Vec<clap::Arg> = cmd
            .get_arguments()
            .filter(|a| ids.contains(&a.get_id().as_str()))
            .map(|a| a.clone().global(false).hide(true))
            .collect();
        cmd = cmd.mut_subcommand(sub, |c| c.args(hidden));
    }
    cmd
}

/// The command line for the completion scripts: the built-in data set's language codes for
/// `--lang` and its ids for `show`, instead of file names.
#[must_use]
pub fn completion_command() -> clap::Command {
    let mut cmd = Cli::command();
    if let Ok(Loaded { catalog, .. }) = load_embedded() {
        let mut langs: Vec<String> = catalog.languages.clone();
        langs.push("all".to_owned());
        let ids: Vec<String> = catalog
            .nodes
            .iter()
            .map(|n| n.id.clone())
            .chain(catalog.orgs.iter().map(|o| o.id.clone()))
            .collect();
        cmd = cmd
            .mut_arg("lang", |a| a.value_parser(clap::builder::PossibleValuesParser::new(langs)))
            .mut_subcommand("show", |c| {
                c.mut_arg("id", |a| a.value_parser(clap::builder::PossibleValuesParser::new(ids)))
            });
    }
    // The scripts offer every option a command has, hidden or not: each command gets its own
    // copy of the global options it uses, and no other.
    let globals: Vec<clap::Arg> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .map(|a| a.clone().global(false))
        .collect();
    let subs: Vec<String> = cmd.get_subcommands().map(|c| c.get_name().to_owned()).collect();
    cmd = cmd.mut_args(|a| a.global(false));
    for sub in subs {
        let unused = UNUSED.iter().find(|(s, _)| *s == sub).map_or(&[][..], |(_, ids)| *ids);
        let used: Vec<clap::Arg> =
            globals.iter().filter(|a| !unused.contains(&a.get_id().as_str())).cloned().collect();
        cmd = cmd.mut_subcommand(sub, |c| c.args(used));
    }
    cmd
}

/// The lines that offer the values of the commands' arguments (the ids of `show`) in fish, whose
/// generator leaves arguments out.
fn fish_positionals(cmd: &clap::Command) -> String {
    let mut out = String::new();
    for sub in cmd.get_subcommands() {
        for arg in sub.get_positionals() {
            let values: Vec<String> =
                arg.get_possible_values().iter().map(|v| v.get_name().to_owned()).collect();
            if !values.is_empty() {
                let _ = writeln!(
                    out,
                    "complete -c ccbnet -n \"__fish_ccbnet_using_subcommand {}\" -f -a \"{}\"",
                    sub.get_name(),
                    values.join(" ")
                );
            }
        }
    }
    out
}

/// The colours of clap's own messages: `--color` when given (read before parsing, since the
/// messages may be about the parse), else `NO_COLOR`, else a terminal's.
fn message_colour(args: &[std::ffi::OsString]) -> clap::ColorChoice {
    let mut choice = ColorChoice::Auto;
    let mut it = args.iter().skip(1).map(|a| a.to_str().unwrap_or_default());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--color") {
            Some("") => it.next(),
            Some(v) => v.strip_prefix('='),
            None => None,
        };
        if let Some(c) = value.and_then(|v| clap::ValueEnum::from_str(v, false).ok()) {
            choice = c;
        }
    }
    match choice {
        ColorChoice::Always => clap::ColorChoice::Always,
        ColorChoice::Never => clap::ColorChoice::Never,
        ColorChoice::Auto if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) => {
            clap::ColorChoice::Never
        }
        ColorChoice::Auto => clap::ColorChoice::Auto,
    }
}

/// How `ccbnet check` writes the problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum CheckFormat {
    /// One problem a line, `FILE:LINE:COL: error: ...`, with the line and a caret on a terminal.
    #[default]
    Text,
    /// One JSON document (docs/check-format.md), for editors and CI.
    Json,
}

/// Runs the program with the process's arguments.
#[must_use]
pub fn run() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let matches = command(message_colour(&args)).get_matches_from(&args);
    let mut cli = match <Cli as clap::FromArgMatches>::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    // Every command that reads the data takes the configuration; a bad one stops it.
    if !matches!(cli.command, Some(Command::Completions { .. } | Command::Man)) {
        let config = match crate::config::from_env() {
            Ok(c) => c,
            Err(msg) => {
                eprintln!("ccbnet: {msg}");
                return ExitCode::from(2);
            }
        };
        let env = std::env::var_os("CCBNET_DATA");
        cli.data = crate::config::data_file(cli.data.as_deref(), env.as_deref(), &config);
        if cli.lang.is_none() && config.lang.is_some() {
            cli.lang_from.clone_from(&config.file);
        }
        cli.lang = cli.lang.or(config.lang);
        cli.color = cli.color.or(config.color);
        cli.mouse = config.mouse.unwrap_or(true);
    }
    match &cli.command {
        Some(Command::Check { file, format }) => {
            let file = file.as_deref().or(cli.data.as_deref());
            let report = match format {
                CheckFormat::Text => crate::check::check(file, std::io::stdout().is_terminal()),
                CheckFormat::Json => match crate::check::check_json(file) {
                    Ok(r) => r,
                    Err(e) => {
                        eprintln!("ccbnet: cannot write the JSON: {e}");
                        return ExitCode::from(2);
                    }
                },
            };
            match emit(report.out.as_bytes()) {
                Ok(_) => ExitCode::from(report.status),
                Err(code) => code,
            }
        }
        Some(Command::Export { format, mermaid, width, no_pager }) => {
            export(&cli, *format, *mermaid, *width, !no_pager)
        }
        Some(Command::Meets { id, json }) => meets(&cli, id, *json),
        Some(Command::Search { query, json }) => search(&cli, &query.join(" "), *json),
        Some(Command::Show { id, width }) => show(&cli, id, *width),
        Some(Command::Completions { shell }) => {
            let cmd = completion_command();
            let mut out = crate::manual::completions(*shell, cmd.clone());
            if *shell == clap_complete::Shell::Fish {
                out.extend(fish_positionals(&cmd).into_bytes());
            }
            emit(&out).unwrap_or_else(|code| code)
        }
        Some(Command::Man) => match crate::manual::man_page(command(clap::ColorChoice::Never)) {
            Ok(out) => emit(&out).unwrap_or_else(|code| code),
            Err(e) => {
                eprintln!("ccbnet: cannot write the manual page: {e}");
                ExitCode::from(2)
            }
        },
        None => explore(&cli),
    }
}

/// Writes `bytes` to standard output. A reader that went away (`| head`, `less` quit early)
/// is not an error.
///
/// # Errors
/// Exit status 2 when the output cannot be written; the reason is on standard error.
fn emit(bytes: &[u8]) -> Result<ExitCode, ExitCode> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("ccbnet: cannot write to standard output: {e}");
            Err(ExitCode::from(2))
        }
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

/// The language to use: `--lang`, else the locale, else the data set's first.
fn language(cli: &Cli, catalog: &Catalog) -> Result<String, ExitCode> {
    crate::term::start_language(cli.lang.as_deref(), &catalog.languages, |v| std::env::var(v).ok())
        .map_err(|msg| {
            match &cli.lang_from {
                Some(file) => eprintln!(
                    "ccbnet: {msg} (the lang of {})",
                    crate::text::one_line(&crate::text::sanitize(&file.display().to_string()))
                ),
                None => eprintln!("ccbnet: {msg}"),
            }
            ExitCode::from(2)
        })
}

/// The data and the language to show it in, problems printed to standard error.
fn load_in_language(cli: &Cli) -> Result<(Loaded, String), ExitCode> {
    let loaded = load(cli)?;
    let lang = language(cli, &loaded.catalog)?;
    Ok((loaded, lang))
}

fn export(cli: &Cli, format: Format, mermaid: bool, width: Option<u16>, pager: bool) -> ExitCode {
    if mermaid && format != Format::Markdown {
        eprintln!("ccbnet: --mermaid is for --format markdown (or use --format mermaid)");
        return ExitCode::from(2);
    }
    let loaded = match load(cli) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let catalog = &loaded.catalog;
    let all = cli.lang.as_deref().is_some_and(|l| l.eq_ignore_ascii_case("all"));
    if all && format != Format::Json {
        eprintln!(
            "ccbnet: --lang all is for --format json; the other formats are written in one \
             language: {}",
            catalog.languages.join(", ")
        );
        return ExitCode::from(2);
    }
    let lang = if all {
        None
    } else {
        match language(cli, catalog) {
            Ok(l) => Some(l),
            Err(code) => return code,
        }
    };
    let out = match (format, lang.as_deref()) {
        (Format::Json, lang) => match crate::export::json(catalog, lang) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("ccbnet: cannot write the JSON: {e}");
                return ExitCode::from(2);
            }
        },
        (Format::Markdown, Some(lang)) if mermaid => {
            crate::export::markdown_with_mermaid(catalog, lang)
        }
        (Format::Markdown, Some(lang)) => crate::export::markdown(catalog, lang),
        (Format::Dot, Some(lang)) => crate::export::dot(catalog, lang),
        (Format::Mermaid, Some(lang)) => crate::export::mermaid(catalog, lang),
        (Format::Text | Format::Markdown | Format::Dot | Format::Mermaid, _) => {
            let width = width.map_or_else(terminal_width, usize::from);
            let lang = lang.as_deref().unwrap_or(&catalog.languages[0]);
            crate::export::text(catalog, lang, width)
        }
    };
    // On a terminal, through the pager; one that cannot start leaves the text to us.
    if pager && std::io::stdout().is_terminal() {
        let words = crate::pager::from_env(std::env::var_os("PAGER").as_deref());
        if let Some(words) = words
            && crate::pager::page(&words, out.as_bytes()).is_ok()
        {
            return ExitCode::SUCCESS;
        }
    }
    emit(out.as_bytes()).unwrap_or_else(|code| code)
}

/// The width to wrap plain text at: the terminal's, or 80 columns when the output is not one.
fn terminal_width() -> usize {
    if std::io::stdout().is_terminal() {
        crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w).max(20))
    } else {
        80
    }
}

fn search(cli: &Cli, query: &str, json: bool) -> ExitCode {
    if query.split_whitespace().next().is_none() {
        eprintln!("ccbnet: the search has no words to look for");
        return ExitCode::from(2);
    }
    let (loaded, lang) = match load_in_language(cli) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let found = crate::lookup::find(&loaded.catalog, query, &lang);
    let out = if json {
        match crate::lookup::json(query, &lang, &found) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("ccbnet: cannot write the JSON: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        crate::lookup::lines(&found)
    };
    match emit(out.as_bytes()) {
        Ok(_) if found.is_empty() => ExitCode::from(1),
        Ok(code) | Err(code) => code,
    }
}

/// A text of the command line or the data between double quotes, on one line and sanitized.
fn quoted(text: &str) -> String {
    format!("\"{}\"", crate::text::one_line(&crate::text::sanitize(text)))
}

/// What an id given on the command line names: the entry or organisation with that id, else
/// the only one whose id differs from it just by case. Otherwise the message to print:
/// `ccbnet: WHO has the id "ID"; ` then the nearest of `candidates` as a did-you-mean, or
/// `hint` when none is near.
fn find_id<'a>(
    catalog: &'a Catalog,
    id: &str,
    who: &str,
    candidates: impl Iterator<Item = &'a str>,
    hint: &str,
) -> Result<crate::data::model::Target, String> {
    if let Some(t) = catalog.target(id) {
        return Ok(t);
    }
    let lower = id.to_lowercase();
    let all = catalog.nodes.iter().map(|n| &*n.id).chain(catalog.orgs.iter().map(|o| &*o.id));
    let mut same = all.filter(|c| c.to_lowercase() == lower);
    if let (Some(c), None) = (same.next(), same.next())
        && let Some(t) = catalog.target(c)
    {
        return Ok(t);
    }
    let near = crate::data::diag::nearest(&lower, candidates);
    let hint = near.map_or_else(|| hint.to_owned(), |c| format!("did you mean {}?", quoted(c)));
    Err(format!("ccbnet: {who} has the id {}; {hint}", quoted(id)))
}

fn meets(cli: &Cli, id: &str, json: bool) -> ExitCode {
    let (loaded, lang) = match load_in_language(cli) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let catalog = &loaded.catalog;
    let orgs = catalog.orgs.iter().map(|o| &*o.id);
    let hint = "`ccbnet export --format json` lists them (.organisations[].id)";
    let o = match find_id(catalog, id, "no organisation", orgs, hint) {
        Ok(crate::data::model::Target::Org(o)) => o,
        Ok(crate::data::model::Target::Node(n)) => {
            eprintln!(
                "ccbnet: {} is an entry, not an organisation; `ccbnet export` lists the \
                 organisations each entry names",
                quoted(&catalog.nodes[n].id)
            );
            return ExitCode::from(1);
        }
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(1);
        }
    };
    let met = crate::meets::meets(catalog, o);
    let out = if json {
        match crate::meets::json(catalog, o, &met, &lang) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("ccbnet: cannot write the JSON: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        crate::meets::lines(catalog, &met, &lang)
    };
    emit(out.as_bytes()).unwrap_or_else(|code| code)
}

fn show(cli: &Cli, id: &str, width: Option<u16>) -> ExitCode {
    let (loaded, lang) = match load_in_language(cli) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let catalog = &loaded.catalog;
    let ids = catalog.nodes.iter().map(|n| &*n.id).chain(catalog.orgs.iter().map(|o| &*o.id));
    let target = match find_id(catalog, id, "nothing", ids, "`ccbnet search WORDS` finds ids") {
        Ok(t) => t,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(1);
        }
    };
    let width = width.map_or_else(terminal_width, usize::from);
    let out = crate::export::item_text(catalog, target, &lang, width);
    emit(out.as_bytes()).unwrap_or_else(|code| code)
}

fn explore(cli: &Cli) -> ExitCode {
    // The screen is made while the data loads, on another core.
    let ahead = crate::term::Ahead::start();
    let (loaded, lang) = match load_in_language(cli) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let stdout_tty = std::io::stdout().is_terminal();
    let from_stdin = cli.data.as_deref().is_some_and(crate::data::is_stdin);
    // With the data on standard input, the keys come from the terminal itself.
    let keys = if from_stdin && stdout_tty && !std::io::stdin().is_terminal() {
        crate::events::keys_from_tty().is_ok()
    } else {
        std::io::stdin().is_terminal()
    };
    if !stdout_tty || !keys {
        let which = if stdout_tty { "input" } else { "output" };
        eprintln!(
            "ccbnet: standard {which} is not a terminal, and the explorer needs one; for plain \
             text, Markdown or JSON use `ccbnet export` (or `ccbnet search QUERY`)"
        );
        return ExitCode::from(2);
    }
    let term = std::env::var("TERM").ok();
    let Some(mut caps) = crate::term::capabilities(term.as_deref()) else {
        eprintln!(
            "ccbnet: the explorer needs a terminal that can move the cursor, and TERM is {}; \
             set TERM to your terminal's type (such as xterm-256color), or for plain text, \
             Markdown or JSON use `ccbnet export` (or `ccbnet search QUERY`)",
            term.as_deref().map_or_else(
                || "not set".to_owned(),
                |t| format!("\"{}\"", crate::text::one_line(&crate::text::sanitize(t)))
            )
        );
        return ExitCode::from(2);
    };
    caps.mouse &= cli.mouse;
    let no_color = std::env::var_os("NO_COLOR");
    let colour =
        crate::term::colour_enabled(cli.color.unwrap_or_default(), no_color.as_deref(), stdout_tty);
    let links = crate::hyperlink::supported(|v| std::env::var(v).ok());
    let app = crate::app::App::new(loaded.catalog, &lang, (80, 24)).with_hyperlinks(links);
    // Standard input is read once: it is not watched for changes.
    let watched = cli.data.as_deref().filter(|_| !from_stdin);
    let code = match crate::term::run(app, colour, caps, watched, ahead) {
        Ok(crate::term::Ended::Quit) => 0,
        // A closed terminal ends quietly, as a hangup does.
        Ok(crate::term::Ended::Closed) => 129,
        Err(e) => {
            // Never a panic for a standard error that is gone too.
            let _ = writeln!(std::io::stderr(), "ccbnet: terminal error: {e}");
            1
        }
    };
    // The terminal is restored: leave at once, without freeing the data piece by piece (the
    // system takes the memory back whole).
    let _ = std::io::stdout().flush();
    std::process::exit(code)
}
