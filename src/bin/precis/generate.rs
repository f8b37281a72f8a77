//! `precis completions SHELL` and `precis man`: a shell completion script and
//! the manual page, generated from the clap definition of this very binary,
//! so they know every subcommand and flag it has.
//!
//! The manual is one page, precis(1), printed on stdout (`precis man | man -l -`):
//! the global options, then a section per subcommand (its synopsis,
//! description, options and examples), then the examples, exit codes and
//! limits. clap_mangen renders the parts; the help text's blocks (`Examples:`
//! and the lines under it) become headings over unfilled text, as typed.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use clap::CommandFactory;
use clap_mangen::roff::{bold, roman, Roff};
use clap_mangen::Man;

use crate::cli::{Cli, CompletionsArgs};
use crate::EXIT_OK;

/// The name completions complete and the manual documents.
const BIN: &str = "precis";

/// Runs `precis completions SHELL`.
pub fn completions(args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    print(&completion_script(args.shell))
}

/// Runs `precis man`.
pub fn man() -> anyhow::Result<ExitCode> {
    let mut page = Vec::new();
    man_page(Cli::command(), &mut page).context("cannot render the manual")?;
    print(&page)
}

fn print(bytes: &[u8]) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .context("cannot write to stdout")?;
    Ok(ExitCode::from(EXIT_OK))
}

/// The completion script for `shell`.
pub fn completion_script(shell: clap_complete::Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), BIN, &mut script);
    script
}

/// What roff puts before every part it writes (for `'` in man's fonts);
/// the page keeps the first.
const ROFF_PREAMBLE: &str = ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n";

/// One part of the page, rendered, without [`ROFF_PREAMBLE`].
fn part(render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> std::io::Result<String> {
    let mut bytes = Vec::new();
    render(&mut bytes)?;
    let text = String::from_utf8(bytes).map_err(std::io::Error::other)?;
    Ok(text
        .strip_prefix(ROFF_PREAMBLE)
        .map(str::to_owned)
        .unwrap_or(text))
}

/// Writes the manual page of `cmd` (roff, for `man -l`).
pub fn man_page(cmd: clap::Command, out: &mut dyn Write) -> std::io::Result<()> {
    // `precis help` is clap's, and documented by every --help.
    let mut cmd = cmd.disable_help_subcommand(true).bin_name(BIN);
    cmd.build();
    let version = cmd.get_version().unwrap_or_default().to_owned();
    let man = Man::new(cmd.clone())
        .title(BIN.to_uppercase())
        .source(format!("{BIN} {version}"))
        .manual("User Commands");
    let mut page = String::from(ROFF_PREAMBLE);
    page += &part(|w| man.render_title(w))?;
    // No hyphenation: a flag broken over two lines cannot be searched for.
    page += ".nh\n";
    page += &part(|w| man.render_name_section(w))?;
    page += &part(|w| man.render_synopsis_section(w))?;
    page += &part(|w| man.render_description_section(w))?;
    page += &part(|w| man.render_options_section(w))?;

    let subcommands: Vec<&clap::Command> =
        cmd.get_subcommands().filter(|s| !s.is_hide_set()).collect();
    let mut list = Roff::default();
    list.control("SH", ["COMMANDS"]);
    for sub in &subcommands {
        list.control("TP", []);
        list.text([bold(format!("{BIN} {}", sub.get_name()))]);
        if let Some(about) = sub.get_about() {
            list.text([roman(about.to_string())]);
        }
    }
    page += &part(|w| list.to_writer(w))?;

    // A block of help text is said once: the exit codes, for one, close
    // every subcommand's help but close the page only.
    let top_blocks = help_blocks(&cmd);
    let mut said: Vec<&[String]> = top_blocks.iter().map(|(_, l)| l.as_slice()).collect();
    let sub_blocks: Vec<Vec<(String, Vec<String>)>> =
        subcommands.iter().map(|sub| help_blocks(sub)).collect();
    for (sub, blocks) in subcommands.iter().zip(&sub_blocks) {
        let sub_man = Man::new((*sub).clone());
        let mut heading = Roff::default();
        heading.control(
            "SH",
            [format!("{BIN} {}", sub.get_name()).to_uppercase().as_str()],
        );
        page += &part(|w| heading.to_writer(w))?;
        let body = part(|w| {
            sub_man.render_synopsis_section(w)?;
            sub_man.render_description_section(w)
        })?;
        page += &demote_sections(&body.replace(ROFF_PREAMBLE, ""));
        page += &demote_sections(&part(|w| sub_man.render_options_section(w))?);
        for (title, lines) in blocks {
            if said.contains(&lines.as_slice()) {
                continue;
            }
            said.push(lines);
            page += &part(|w| unfilled("SS", title, lines).to_writer(w))?;
        }
    }
    for (title, lines) in &top_blocks {
        page += &part(|w| unfilled("SH", &title.to_uppercase(), lines).to_writer(w))?;
    }
    page += &part(|w| man.render_version_section(w))?;
    out.write_all(page.as_bytes())
}

/// Turns the sections of a subcommand's rendered parts into subsections:
/// `.SH OPTIONS` becomes `.SS Options`; its synopsis and description
/// lose their headings (the subcommand's section is theirs).
fn demote_sections(roff: &str) -> String {
    let mut out = String::with_capacity(roff.len());
    for line in roff.lines() {
        match line.strip_prefix(".SH ") {
            Some("SYNOPSIS") => out.push_str(".PP\n"),
            Some("DESCRIPTION") => out.push_str(".PP\n"),
            Some(heading) => {
                let heading = heading.trim_matches('"');
                let mut chars = heading.chars();
                let title: String = chars
                    .next()
                    .into_iter()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect();
                out.push_str(&format!(".SS \"{title}\"\n"));
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// The blocks of a command's help epilogue (`after_help`): each a title
/// line ending in `:` (`Examples:`), then its lines as typed.
fn help_blocks(cmd: &clap::Command) -> Vec<(String, Vec<String>)> {
    let Some(text) = cmd.get_after_long_help().or_else(|| cmd.get_after_help()) else {
        return Vec::new();
    };
    let text = text.to_string();
    let mut blocks: Vec<(String, Vec<String>)> = Vec::new();
    for paragraph in text.split("\n\n") {
        let mut lines = paragraph.lines();
        let Some(first) = lines.next() else { continue };
        match first.strip_suffix(':') {
            Some(title) if !first.starts_with(' ') => blocks.push((
                title.to_owned(),
                lines.map(str::to_owned).collect::<Vec<_>>(),
            )),
            // A paragraph without a title continues the block before it.
            _ => match blocks.last_mut() {
                Some((_, before)) => {
                    before.push(String::new());
                    before.extend(paragraph.lines().map(str::to_owned));
                }
                None => blocks.push((
                    "Notes".to_owned(),
                    paragraph.lines().map(str::to_owned).collect(),
                )),
            },
        }
    }
    blocks
}

/// A heading (`SH` or `SS`) over `lines` set as typed (no filling).
fn unfilled(heading: &str, title: &str, lines: &[String]) -> Roff {
    let mut roff = Roff::default();
    roff.control(heading, [title]);
    roff.control("nf", []);
    for line in lines {
        roff.text([roman(line.as_str())]);
    }
    roff.control("fi", []);
    roff
}

#[cfg(test)]
mod tests {
    //! The scripts and the page are checked against the clap definition
    //! itself: every subcommand and every flag of every subcommand, however
    //! many there are, is completed in each shell and documented on the page.
    //! `bash -n`, `zsh -n` and `fish -n` parse the scripts (zsh and fish when
    //! installed); groff renders the page without a warning (when installed;
    //! the roff source is checked always). A checker that is not installed
    //! skips its check with a message, except where `PRECIS_REQUIRE_CHECKERS=1`
    //! (`.ci/run`, which installs them): there the test fails.

    use super::*;
    use clap_complete::Shell;

    /// `precis` and each of its subcommands, built as clap builds them to
    /// parse (global flags copied into each subcommand).
    fn commands() -> Vec<clap::Command> {
        let mut cmd = Cli::command().bin_name(BIN);
        cmd.build();
        let mut all = vec![cmd.clone()];
        all.extend(cmd.get_subcommands().cloned());
        all
    }

    /// Every flag of `cmd`: its short and long names.
    fn flags(cmd: &clap::Command) -> Vec<(Option<char>, Option<String>)> {
        cmd.get_arguments()
            .filter(|a| !a.is_positional() && !a.is_hide_set())
            .map(|a| (a.get_short(), a.get_long().map(str::to_owned)))
            .collect()
    }

    /// Whether `word` occurs in `text` with no letter, digit or `-` right
    /// before or after it (`--words` in `--words=`, not in `--max-words`).
    fn has_word(text: &str, word: &str) -> bool {
        let part = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
        text.match_indices(word).any(|(at, _)| {
            !part(text[..at].chars().next_back()) && !part(text[at + word.len()..].chars().next())
        })
    }

    /// The text between `start` (its first occurrence) and the first `end`
    /// after it, or the end of `text`.
    fn between<'t>(text: &'t str, start: &str, end: &str) -> &'t str {
        let Some(at) = text.find(start) else {
            return "";
        };
        let rest = &text[at + start.len()..];
        &rest[..rest.find(end).unwrap_or(rest.len())]
    }

    /// The part of `script` that completes `name` (`precis` or a
    /// subcommand), for the shells whose scripts have one part per command.
    fn part(shell: Shell, script: &str, name: &str) -> String {
        let key = |sep: &str| {
            if name == BIN {
                BIN.to_owned()
            } else {
                format!("{BIN}{sep}{name}")
            }
        };
        match shell {
            Shell::Bash => between(
                script,
                &format!("\n        {})\n", key("__subcmd__")),
                "\n        precis",
            )
            .to_owned(),
            Shell::Zsh if name == BIN => between(script, "_precis() {", "&& ret=0").to_owned(),
            Shell::Zsh => between(script, &format!("({name})\n"), ";;").to_owned(),
            Shell::Fish => {
                let condition = if name == BIN {
                    "\"__fish_precis_needs_command\"".to_owned()
                } else {
                    format!("\"__fish_precis_using_subcommand {name}\"")
                };
                script
                    .lines()
                    .filter(|l| l.contains(&condition))
                    .collect::<Vec<_>>()
                    .join("\n")
            }
            Shell::Elvish => between(script, &format!("&'{}'= {{", key(";")), "&'").to_owned(),
            Shell::PowerShell => {
                between(script, &format!("'{}' {{", key(";")), "\n        '").to_owned()
            }
            _ => script.to_owned(),
        }
    }

    /// Whether a shell's completion part offers this flag.
    fn offers_flag(shell: Shell, part: &str, short: Option<char>, long: Option<&str>) -> bool {
        let short_ok = short.is_none_or(|s| match shell {
            Shell::Fish => has_word(part, &format!("-s {s}")),
            _ => has_word(part, &format!("-{s}")),
        });
        let long_ok = long.is_none_or(|l| match shell {
            Shell::Fish => has_word(part, &format!("-l {l}")),
            _ => has_word(part, &format!("--{l}")),
        });
        short_ok && long_ok
    }

    /// Whether a shell's completion of `precis` offers the subcommand `name`.
    fn offers_subcommand(shell: Shell, script: &str, name: &str) -> bool {
        let top = part(shell, script, BIN);
        match shell {
            Shell::Bash => has_word(between(&top, "opts=\"", "\""), name),
            Shell::Zsh => {
                between(script, "_precis_commands() {", "\n}").contains(&format!("'{name}:"))
            }
            Shell::Fish => top.contains(&format!("-a \"{name}\"")),
            Shell::Elvish => top.contains(&format!("cand {name} ")),
            Shell::PowerShell => top.contains(&format!("CompletionResult]::new('{name}'")),
            _ => false,
        }
    }

    #[test]
    fn every_shell_completes_every_subcommand_and_flag() {
        let commands = commands();
        assert!(commands.len() > 6, "precis and its subcommands");
        for shell in [
            Shell::Bash,
            Shell::Zsh,
            Shell::Fish,
            Shell::PowerShell,
            Shell::Elvish,
        ] {
            let script = String::from_utf8(completion_script(shell)).expect("UTF-8");
            for cmd in &commands {
                let name = cmd.get_name();
                if name != BIN {
                    assert!(
                        offers_subcommand(shell, &script, name),
                        "{shell}: no subcommand {name}"
                    );
                }
                let part = part(shell, &script, name);
                let flags = flags(cmd);
                assert!(
                    flags.is_empty() || !part.is_empty(),
                    "{shell}: no completion of {name}"
                );
                for (short, long) in flags {
                    assert!(
                        offers_flag(shell, &part, short, long.as_deref()),
                        "{shell}: {name} does not complete {short:?} {long:?}"
                    );
                }
            }
        }
    }

    /// Whether a missing checker fails the test (`PRECIS_REQUIRE_CHECKERS=1`).
    fn checkers_required() -> bool {
        std::env::var("PRECIS_REQUIRE_CHECKERS").is_ok_and(|v| v == "1")
    }

    /// Whether `program` runs here (`program --version`).
    fn installed(program: &str) -> bool {
        std::process::Command::new(program)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }

    #[test]
    fn the_shells_parse_their_scripts() {
        let dir = tempfile::tempdir().expect("temp dir");
        for (shell, program, args) in [
            (Shell::Bash, "bash", &["-n"][..]),
            (Shell::Zsh, "zsh", &["-n"][..]),
            (Shell::Fish, "fish", &["--no-execute"][..]),
        ] {
            if !installed(program) {
                let required = checkers_required();
                assert!(
                    shell != Shell::Bash && !required,
                    "{program} is not installed but its script must be parsed here \
                     (bash always; zsh and fish where PRECIS_REQUIRE_CHECKERS=1, as in .ci/run)"
                );
                eprintln!(
                    "skipped: {program} is not installed, its script is not parsed \
                     (apt-get install zsh fish)"
                );
                continue;
            }
            let path = dir.path().join(format!("precis.{program}"));
            std::fs::write(&path, completion_script(shell)).expect("write the script");
            let output = std::process::Command::new(program)
                .args(args)
                .arg(&path)
                .output()
                .expect("run the shell");
            assert!(
                output.status.success() && output.stderr.is_empty(),
                "{program} {args:?}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }

    fn page() -> String {
        let mut page = Vec::new();
        man_page(Cli::command(), &mut page).expect("render");
        String::from_utf8(page).expect("UTF-8")
    }

    /// The roff source: one preamble, a title, only the requests and macros
    /// the page means to use, every section of a subcommand there with its
    /// flags (as roff spells them), every unfilled block closed.
    #[test]
    fn the_man_page_source_is_sound() {
        let page = page();
        assert!(page.starts_with(ROFF_PREAMBLE), "{page:.200}");
        assert_eq!(page.matches(ROFF_PREAMBLE).count(), 1);
        assert!(page.contains("\n.TH PRECIS 1 "), "{page:.300}");
        let known = [
            "TH", "SH", "SS", "TP", "PP", "IP", "RS", "RE", "nf", "fi", "br", "ie", "el", "nh",
        ];
        let mut unfilled = false;
        for line in page.lines() {
            if let Some(request) = line.strip_prefix('.').or_else(|| line.strip_prefix('\'')) {
                let name = request.split_whitespace().next().unwrap_or("");
                assert!(known.contains(&name), "unexpected request: {line}");
                match name {
                    "nf" => {
                        assert!(!unfilled, "nested .nf");
                        unfilled = true;
                    }
                    "fi" => unfilled = false,
                    _ => {}
                }
            }
        }
        assert!(!unfilled, "an .nf block is not closed");
        for cmd in commands().iter().skip(1).filter(|c| c.get_name() != "help") {
            let heading = format!(".SH \"PRECIS {}\"", cmd.get_name().to_uppercase());
            let heading = if page.contains(&heading) {
                heading
            } else {
                heading.replace('"', "")
            };
            let section = between(&page, &heading, "\n.SH ");
            assert!(!section.is_empty(), "no section {heading}");
            // Each flag is the tag of an item (`.TP`, then the tag line).
            let tags: Vec<&str> = section
                .split("\n.TP\n")
                .skip(1)
                .filter_map(|item| item.lines().next())
                .collect();
            for (short, long) in flags(cmd) {
                let roff = match (short, long) {
                    (Some(s), Some(l)) => {
                        format!("\\-{s}\\fR, \\fB\\-\\-{}", l.replace('-', "\\-"))
                    }
                    (None, Some(l)) => format!("\\-\\-{}", l.replace('-', "\\-")),
                    (Some(s), None) => format!("\\-{s}"),
                    (None, None) => continue,
                };
                assert!(
                    tags.iter()
                        .any(|t| t.starts_with(&format!("\\fB{roff}\\fR"))),
                    "{heading}: no item for {roff} in {tags:?}"
                );
            }
        }
    }

    /// groff renders the page without a warning, and the text a reader sees
    /// has every subcommand's section with every one of its flags.
    #[test]
    fn groff_renders_the_man_page_with_every_flag() {
        if !installed("groff") {
            assert!(
                !checkers_required(),
                "groff is not installed but PRECIS_REQUIRE_CHECKERS=1: the page must be rendered here"
            );
            eprintln!("skipped: groff is not installed (the roff source is checked without it)");
            return;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("precis.1");
        std::fs::write(&path, page()).expect("write the page");
        let groff = |args: &[&str]| {
            std::process::Command::new("groff")
                .args(args)
                .arg(&path)
                .output()
                .expect("run groff")
        };
        let warnings = groff(&["-man", "-Tutf8", "-ww", "-z"]);
        assert!(
            warnings.status.success() && warnings.stderr.is_empty(),
            "groff: {}",
            String::from_utf8_lossy(&warnings.stderr)
        );
        // Plain ASCII, no overstriking, lines too long to break a flag.
        let text = groff(&["-man", "-Tascii", "-P-cbou", "-rLL=300n"]);
        assert!(text.status.success());
        let text = String::from_utf8(text.stdout).expect("ASCII");
        for cmd in commands().iter().skip(1).filter(|c| c.get_name() != "help") {
            let heading = format!("\nPRECIS {}\n", cmd.get_name().to_uppercase());
            let section = between(&text, &heading, "\nPRECIS ");
            assert!(!section.is_empty(), "no section {heading:?} in {text}");
            // An item's tag: `-o, --output <PATH>`, alone on its line.
            let tags: Vec<&str> = section
                .lines()
                .map(str::trim)
                .filter(|l| l.starts_with('-'))
                .collect();
            for (short, long) in flags(cmd) {
                let tag = match (short, long) {
                    (Some(s), Some(l)) => format!("-{s}, --{l}"),
                    (None, Some(l)) => format!("--{l}"),
                    (Some(s), None) => format!("-{s}"),
                    (None, None) => continue,
                };
                assert!(
                    tags.iter()
                        .any(|t| t == &tag || t.starts_with(&format!("{tag} "))),
                    "{heading:?}: no item for {tag}"
                );
            }
        }
        for heading in [
            "NAME",
            "SYNOPSIS",
            "OPTIONS",
            "COMMANDS",
            "EXAMPLES",
            "EXIT CODES",
        ] {
            assert!(text.contains(&format!("\n{heading}\n")), "no {heading}");
        }
    }
}
