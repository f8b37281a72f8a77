//! Progress on long work is for a person at a terminal: drawn on stderr
//! only when stderr is a terminal, never with --quiet, never in stdout.
//!
//! In the tests stderr is a pipe, as in a script or a Spark job: there
//! `batch --progress`, `eval` and `brief` write nothing more than without it.
//! Under a pseudo-terminal (util-linux `script`; skipped with a message
//! without it) the count and the bar are drawn, and stdout, redirected to a
//! file, holds the same bytes as without them.

use std::path::Path;

use crate::util::{g20_texts, precis};

/// Three records of G20 documents, one cluster a line.
fn records() -> String {
    let texts = g20_texts();
    (0..3)
        .map(|r| {
            let docs: Vec<serde_json::Value> = texts
                .iter()
                .skip(r)
                .map(|(id, text)| serde_json::json!({"id": id, "text": text}))
                .collect();
            format!("{}\n", serde_json::json!({"id": r, "docs": docs}))
        })
        .collect()
}

/// stdout and stderr of a run that must succeed.
fn run(args: &[&str], stdin: &str) -> (Vec<u8>, String) {
    let output = precis()
        .args(args)
        .write_stdin(stdin)
        .assert()
        .success()
        .get_output()
        .clone();
    (
        output.stdout,
        String::from_utf8(output.stderr).expect("UTF-8"),
    )
}

#[test]
fn batch_progress_writes_nothing_when_stderr_is_not_a_terminal() {
    let input = records();
    let (plain, plain_err) = run(&["batch"], &input);
    let (shown, shown_err) = run(&["batch", "--progress"], &input);
    assert_eq!(shown, plain, "stdout changed with --progress");
    assert_eq!(shown_err, "", "stderr with --progress, not a terminal");
    assert_eq!(plain_err, "");
}

#[test]
fn eval_and_brief_draw_nothing_when_stderr_is_not_a_terminal() {
    let (_, eval_err) = run(&["eval", "corpora/g20-eval", "--resamples", "10"], "");
    assert_eq!(eval_err, "", "eval's stderr, not a terminal");
    let systems = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(systems.path().join("mine")).expect("mkdir");
    std::fs::write(
        systems.path().join("mine/g20.txt"),
        "G20 leaders met in Antalya and discussed Syria.\n",
    )
    .expect("write");
    let (_, no_builtin) = run(
        &[
            "eval",
            "corpora/g20-eval",
            "--resamples",
            "10",
            "--no-builtin",
            "--systems-dir",
            systems.path().to_str().expect("UTF-8"),
        ],
        "",
    );
    assert_eq!(no_builtin, "", "eval --no-builtin's stderr, not a terminal");
    let (_, brief_err) = run(&["brief", "corpora/g20", "--format", "json"], "");
    for line in brief_err.lines() {
        assert!(line.starts_with("precis: "), "not a message: {line:?}");
    }
}

/// Runs `command` (a shell command line) with its stderr on a
/// pseudo-terminal; returns what the terminal showed. `None` without
/// util-linux `script`.
fn on_a_terminal(command: &str) -> Option<String> {
    let installed = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !installed {
        eprintln!("skipped: util-linux script is not installed (no pseudo-terminal)");
        return None;
    }
    let output = std::process::Command::new("script")
        .args(["--quiet", "--return", "--command", command, "/dev/null"])
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env_remove("RAYON_NUM_THREADS")
        .current_dir(crate::util::repo())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run script");
    assert!(
        output.status.success(),
        "{command}: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn quoted(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', "'\\''"))
}

#[test]
fn on_a_terminal_progress_is_drawn_on_stderr_only_and_quiet_hides_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("records.jsonl");
    std::fs::write(&input, records()).expect("write records");
    let (plain, _) = run(&["batch"], &records());
    let bin = quoted(&assert_cmd::cargo::cargo_bin("precis"));
    let out = dir.path().join("out.jsonl");
    let batch = |flags: &str| format!("{bin} batch {flags} {} > {}", quoted(&input), quoted(&out));
    let Some(screen) = on_a_terminal(&batch("--progress")) else {
        return;
    };
    assert!(screen.contains("records done"), "{screen:?}");
    assert_eq!(std::fs::read(&out).expect("output"), plain);
    // Without --progress, or with --quiet: nothing on the terminal.
    for flags in ["", "--progress --quiet"] {
        let screen = on_a_terminal(&batch(flags)).expect("script ran before");
        assert_eq!(screen, "", "batch {flags}");
        assert_eq!(std::fs::read(&out).expect("output"), plain);
    }
    // eval's bar: drawn on the terminal, never into its table.
    let table = dir.path().join("table.txt");
    let eval = |flags: &str| {
        format!(
            "{bin} eval corpora/g20-eval --resamples 10 {flags} > {}",
            quoted(&table)
        )
    };
    let screen = on_a_terminal(&eval("")).expect("script ran before");
    assert!(screen.contains("summarizing"), "{screen:?}");
    let text = std::fs::read_to_string(&table).expect("table");
    assert!(
        text.starts_with("dataset: ") && !text.contains("summarizing"),
        "{text}"
    );
    let screen = on_a_terminal(&eval("--quiet")).expect("script ran before");
    assert_eq!(screen, "", "eval --quiet");
}
