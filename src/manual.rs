//! `ccbnet man` and `ccbnet completions`: the manual page and the shell completion scripts, both
//! generated from the clap definition of the command line (and the manual's KEYS from the key
//! table), so they never disagree with them.

use std::io;

use clap::Command;

/// The completion script of `shell` for the command line `cmd`.
#[must_use]
pub fn completions(shell: clap_complete::Shell, mut cmd: Command) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "ccbnet", &mut out);
    out
}

/// What the program is, for the DESCRIPTION (the NAME line says it in one line already).
const DESCRIPTION: &str = r#".SH DESCRIPTION
\fBccbnet\fR shows the networks, platforms, forums and bodies through which the Centre for Cybersecurity Belgium cooperates, level by level (operational, strategic, political), with the organisations taking part and the links between them.
.PP
Without a command it opens the explorer: the tree on the left, the details of the selected entry on the right, a search line, a footer with the keys that work now, and a help overlay (\fB?\fR) with all of them (see \fBKEYS\fR). It needs a terminal that is not dumb; \fBccbnet export\fR writes the same content as text anywhere.
.PP
The commands give the same data to scripts and other programs: exports as text, Markdown, JSON or Graphviz, a search, who meets whom, and a check of a data file.
"#;

/// The data file, for FILES.
const FILES: &str = r#".SH FILES
.TP
The data file
Given with \fB\-\-data\fR \fIFILE\fR, else named by \fBCCBNET_DATA\fR, else by the \fBdata\fR key of the configuration file; without any of them, the data set built into the program. RON, format 1, described in docs/data\-format.md of the source. The explorer reads it again each time it changes on disk, and keeps the last good version while a change does not load (the banner names the first problem, \fB!\fR lists them all, as \fBccbnet check\fR prints them). \fB\-\fR, or data from a pipe, is read once.
.TP
\fI$XDG_CONFIG_HOME/ccbnet/config.toml\fR, else \fI~/.config/ccbnet/config.toml\fR
The configuration, optional: the keys \fBdata\fR, \fBlang\fR, \fBcolor\fR and \fBmouse\fR. The command line wins over it, and \fBCCBNET_DATA\fR over its \fBdata\fR.
.PP
ccbnet writes no file.
"#;

/// Where to read more, for SEE ALSO.
const SEE_ALSO: &str = r#".SH "SEE ALSO"
\fBjq\fR(1), \fBdot\fR(1), \fBless\fR(1). In the source: README.md, docs/data\-format.md (the data file), docs/json\-format.md (the JSON export), docs/terminal\-safety.md.
"#;

/// The KEYS section: the key table, grouped as the help overlay groups it (the same headings,
/// in English), then the mouse and paste.
fn keys_section() -> String {
    use crate::keymap::{Group, Live, keys_label, listed};
    let lang = "en";
    let mut out = String::from(
        ".SH KEYS\nIn the explorer. Which keys work depends on what is on screen; the footer \
         shows the most useful of them, \\fB?\\fR all of them.\n",
    );
    for group in Group::ALL {
        out.push_str(&format!(".SS \"{}\"\n", crate::help::group_heading(group, lang)));
        let mut typing = false;
        for b in listed().filter(|b| b.group == group) {
            if b.live == Live::Typing && !typing {
                let s = crate::i18n::strings(lang);
                out.push_str(&format!(".PP\n{}\n", roff_text(s.in_search_line)));
                typing = true;
            }
            let (long, _) = crate::i18n::action_text(b.action.clone(), lang);
            out.push_str(&format!(
                ".TP\n\\fB{}\\fR\n{}\n",
                roff_text(&keys_label(b)),
                roff_text(long)
            ));
        }
    }
    let s = crate::i18n::strings(lang);
    out.push_str(&format!(".SS \"{}\"\n", s.group_mouse));
    for line in s.mouse {
        out.push_str(&format!(".IP \\(bu 2\n{}\n", roff_text(line)));
    }
    out
}

/// The sections written by hand: the environment, the exit status and examples.
const TAIL: &str = r#".SH ENVIRONMENT
.TP
\fBCCBNET_DATA\fR
The data file when \fB\-\-data\fR is not given (see \fBFILES\fR).
.TP
\fBLANGUAGE\fR
A colon\-separated list of languages (as gettext reads it), tried in order when \fB\-\-lang\fR is not given: the first the data set has wins (LANGUAGE=en:fr gives English).
.TP
\fBLC_ALL\fR, \fBLC_MESSAGES\fR, \fBLANG\fR
Then the first one set chooses the language: fr... gives French, nl... Dutch, de... German, en... English (de_BE.UTF\-8 gives German); a locale in no language of the data set gives the data set's first language.
.TP
\fBNO_COLOR\fR
When set and not empty, the explorer has no colours (reverse video and bold still show the selection), unless \fB\-\-color always\fR is given.
.TP
\fBPAGER\fR
The pager \fBccbnet export\fR writes through on a terminal (split at spaces; empty or \fBcat\fR: none); unset: \fBless \-FRX\fR. \fB\-\-no\-pager\fR writes directly, and a pipe or a file never gets a pager.
.TP
\fBFORCE_HYPERLINK\fR
\fB1\fR: the addresses of sources in the detail pane are OSC 8 hyperlinks; \fB0\fR: plain text. Unset: hyperlinks only in terminals known to show them.
.SH "EXIT STATUS"
0 on success. 1 when \fBsearch\fR found nothing, when \fBshow\fR was given an id that nothing has, when \fBmeets\fR was given an id that is not an organisation's (ids on the command line match ignoring case; an exact id wins), when \fBcheck\fR found errors, or when the \fB\-\-data\fR file is not valid. 2 for a usage error, a file that cannot be read, a language the data set does not have, or the explorer started without a terminal.
.SH EXAMPLES
.nf
ccbnet export \-\-lang nl | less
ccbnet \-\-lang de
LANGUAGE=en:fr ccbnet
ccbnet export \-\-format markdown \-\-lang fr > ccb\-fr.md
ccbnet export \-\-format json \-\-lang all | jq '.nodes[].id'
ccbnet search cybercrime
ccbnet meets enisa
ccbnet export \-\-format dot | dot \-Tsvg > ccb.svg
ccbnet completions bash > ~/.local/share/bash\-completion/completions/ccbnet
.fi
"#;

/// The roff preamble clap_mangen writes before every part; kept once, at the top.
fn without_preamble(part: &[u8]) -> String {
    String::from_utf8_lossy(part)
        .lines()
        .filter(|l| !l.starts_with(".ie \\n(.g") && !l.starts_with(".el .ds Aq"))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The manual page of the command line `cmd`, in roff: the program, its options, then a section
/// per command with its own options, the keys of the explorer, the files, the environment, the
/// exit status, examples and where to read more.
///
/// # Errors
/// When clap_mangen fails to write a part (it writes to memory, so in practice never).
pub fn man_page(mut cmd: Command) -> io::Result<Vec<u8>> {
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone());
    // The title keeps the preamble; every later part goes without it.
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    let mut part = Vec::new();
    man.render_name_section(&mut part)?;
    man.render_synopsis_section(&mut part)?;
    out.extend(without_preamble(&part).as_bytes());
    out.extend(DESCRIPTION.as_bytes());
    let mut part = Vec::new();
    man.render_options_section(&mut part)?;
    out.extend(without_preamble(&part).as_bytes());
    let globals: Vec<String> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .map(|a| a.get_id().to_string())
        .chain(["help".to_owned()])
        .collect();
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let mut sub = sub.clone();
        for id in &globals {
            if sub.get_arguments().any(|a| a.get_id() == id) {
                sub = sub.mut_arg(id, |a| a.hide(true));
            }
        }
        let name = format!("ccbnet {}", sub.get_name());
        let man = clap_mangen::Man::new(sub.clone());
        let mut part = Vec::new();
        man.render_synopsis_section(&mut part)?;
        let synopsis = without_preamble(&part).replacen(
            ".SH SYNOPSIS",
            &format!(".SH \"{}\"", name.to_uppercase()),
            1,
        );
        out.extend(synopsis.as_bytes());
        if let Some(about) = sub.get_long_about().or(sub.get_about()) {
            out.extend(format!(".PP\n{}\n", roff_text(&about.to_string())).as_bytes());
        }
        if sub.get_arguments().any(|a| !a.is_hide_set()) {
            let mut part = Vec::new();
            man.render_options_section(&mut part)?;
            let options = without_preamble(&part).replacen(".SH OPTIONS", ".SS Options", 1);
            out.extend(options.as_bytes());
        }
    }
    out.extend(keys_section().as_bytes());
    out.extend(FILES.as_bytes());
    out.extend(TAIL.as_bytes());
    out.extend(SEE_ALSO.as_bytes());
    let mut part = Vec::new();
    man.render_version_section(&mut part)?;
    out.extend(without_preamble(&part).as_bytes());
    Ok(out)
}

/// `s` safe as roff text: backslashes and dashes escaped, no line starting with a dot or quote.
fn roff_text(s: &str) -> String {
    s.lines()
        .map(|l| {
            let l = l.replace('\\', "\\e").replace('-', "\\-");
            if l.starts_with(['.', '\'']) { format!("\\&{l}") } else { l }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
