//! `precis completions SHELL` and `precis man` as a person runs them: each
//! prints on stdout and exits 0, a shell it does not know is a usage error,
//! `man -l` reads the page, and `--help` lists both. (What the scripts and the
//! page contain is checked against the clap definition beside the generator,
//! in src/bin/precis/generate.rs.)

use predicates::prelude::*;

use crate::util::precis;

#[test]
fn completions_for_each_shell_on_stdout() {
    for (shell, opening) in [
        ("bash", "_precis()"),
        ("zsh", "#compdef precis"),
        ("fish", "complete -c precis"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[precis]"),
    ] {
        precis()
            .args(["completions", shell])
            .assert()
            .success()
            .stderr("")
            .stdout(predicate::str::contains(opening).and(predicate::str::contains("eval")));
    }
    precis()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bash").and(predicate::str::contains("fish")));
}

#[test]
fn man_prints_a_page_that_man_reads() {
    let page = precis()
        .arg("man")
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(page.clone()).expect("UTF-8");
    assert!(text.contains("\n.TH PRECIS 1 "), "{text:.300}");
    let installed = std::process::Command::new("man")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !installed {
        eprintln!("skipped: man is not installed, the page is not read with man -l");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("precis.1");
    std::fs::write(&path, &page).expect("write the page");
    let shown = std::process::Command::new("man")
        .arg("-l")
        .arg(&path)
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "100")
        .env_remove("MANOPT")
        .output()
        .expect("run man");
    let shown = String::from_utf8_lossy(&shown.stdout);
    for heading in [
        "NAME",
        "SYNOPSIS",
        "PRECIS BRIEF",
        "PRECIS EVAL",
        "EXIT CODES",
    ] {
        assert!(
            shown.contains(heading),
            "man -l shows no {heading}: {shown:.500}"
        );
    }
}

#[test]
fn help_lists_completions_and_man() {
    precis().arg("--help").assert().success().stdout(
        predicate::str::contains("\n  completions ").and(predicate::str::contains("\n  man ")),
    );
}
