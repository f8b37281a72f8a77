//! Nothing lost: output is written atomically, never over an input or into an
//! input folder, never over an existing file without --force, and a failed run
//! leaves no file behind.

use crate::util::*;

fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn output_is_written_whole_and_leaves_no_temporary_file() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    scratch.mkdir("out");
    let run = precis(
        scratch.path(),
        &["brief", "in", "-f", "json", "-o", "out/brief.json"],
    );
    run.expect(0, &[]);
    assert!(run.stdout.is_empty());
    let written = std::fs::read_to_string(scratch.path().join("out/brief.json")).expect("output");
    let json: serde_json::Value = serde_json::from_str(&written).expect("whole JSON");
    assert!(json["sentences"].as_array().is_some_and(|s| !s.is_empty()));
    assert_eq!(files_in(&scratch.path().join("out")), ["brief.json"]);
}

#[test]
fn refuses_to_write_over_an_input_file() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    let run = precis(
        scratch.path(),
        &[
            "brief",
            "in/good-a.txt",
            "in/good-b.txt",
            "-o",
            "in/good-a.txt",
            "--force",
        ],
    );
    run.expect(2, &["in/good-a.txt", "is an input"]);
    assert_eq!(
        std::fs::read_to_string(scratch.path().join("in/good-a.txt"))
            .ok()
            .as_deref(),
        Some(GOOD_A)
    );
}

#[test]
fn refuses_to_write_over_an_input_through_another_spelling() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    std::os::unix::fs::symlink(
        scratch.path().join("in/good-a.txt"),
        scratch.path().join("alias.txt"),
    )
    .expect("symlink");
    let run = precis(
        scratch.path(),
        &[
            "brief",
            "./in/../in/good-a.txt",
            "in/good-b.txt",
            "-o",
            "alias.txt",
            "--force",
        ],
    );
    run.expect(2, &["alias.txt", "is an input"]);
    assert_eq!(
        std::fs::read_to_string(scratch.path().join("in/good-a.txt"))
            .ok()
            .as_deref(),
        Some(GOOD_A)
    );
}

#[test]
fn refuses_to_write_into_an_input_folder() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    let run = precis(scratch.path(), &["brief", "in", "-o", "in/brief.md"]);
    run.expect(2, &["in/brief.md", "inside the input folder"]);
    assert_eq!(
        files_in(&scratch.path().join("in")),
        ["good-a.txt", "good-b.txt"]
    );
}

#[test]
fn refuses_to_replace_an_existing_output_without_force() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    scratch.write("brief.md", "my own notes");
    let run = precis(scratch.path(), &["brief", "in", "-o", "brief.md"]);
    run.expect(2, &["brief.md", "already exists", "--force"]);
    assert_eq!(
        std::fs::read_to_string(scratch.path().join("brief.md"))
            .ok()
            .as_deref(),
        Some("my own notes")
    );
    let run = precis(
        scratch.path(),
        &["brief", "in", "-o", "brief.md", "--force"],
    );
    run.expect(0, &[]);
    let replaced = std::fs::read_to_string(scratch.path().join("brief.md")).unwrap_or_default();
    assert!(replaced.contains("## Sources"), "{replaced}");
}

#[test]
fn output_pointing_at_a_folder() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    scratch.mkdir("out");
    let run = precis(scratch.path(), &["brief", "in", "-o", "out", "--force"]);
    run.expect(2, &["out", "is a folder", "file name"]);
    assert!(files_in(&scratch.path().join("out")).is_empty());
}

#[test]
fn output_in_a_missing_folder() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    let run = precis(scratch.path(), &["brief", "in", "-o", "nowhere/brief.md"]);
    run.expect(2, &["nowhere/brief.md", "folder nowhere does not exist"]);
    assert!(!scratch.path().join("nowhere").exists());
}

#[test]
fn failed_run_leaves_no_output_file() {
    let scratch = Scratch::new();
    scratch.write("junk/a.txt", "Share\nAdvertisement\n");
    scratch.mkdir("out");
    let run = precis(scratch.path(), &["brief", "junk", "-o", "out/brief.md"]);
    run.expect(2, &["no sentences to summarize"]);
    assert!(files_in(&scratch.path().join("out")).is_empty());
    let run = precis(scratch.path(), &["brief", "missing", "-o", "out/brief.md"]);
    run.expect(2, &["missing"]);
    assert!(files_in(&scratch.path().join("out")).is_empty());
}

#[test]
fn failed_write_keeps_the_old_output_and_leaves_no_temporary_file() {
    use std::os::unix::fs::PermissionsExt;
    let scratch = Scratch::new();
    scratch.with_good_docs();
    let out = scratch.mkdir("out");
    scratch.write("out/brief.md", "old briefing");
    if !permissions_are_enforced(&scratch) {
        eprintln!("skipped: running as a user (root) that writes whatever the permissions");
        return;
    }
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let run = precis(
        scratch.path(),
        &["brief", "in", "-o", "out/brief.md", "--force"],
    );
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    run.expect(2, &["out/brief.md", "permission denied"]);
    assert_eq!(
        std::fs::read_to_string(out.join("brief.md"))
            .ok()
            .as_deref(),
        Some("old briefing")
    );
    assert_eq!(files_in(&out), ["brief.md"]);
}

#[test]
fn each_refuses_an_output_folder_inside_the_input() {
    let scratch = Scratch::new();
    scratch.write("clusters/one/a.txt", GOOD_A);
    scratch.write("clusters/two/b.txt", GOOD_B);
    let run = precis(
        scratch.path(),
        &["brief", "--each", "clusters", "-o", "clusters/out"],
    );
    run.expect(2, &["clusters/out", "inside the input folder"]);
    assert!(!scratch.path().join("clusters/out").exists());
}

#[test]
fn each_keeps_existing_briefings_without_force() {
    let scratch = Scratch::new();
    scratch.write("clusters/one/a.txt", GOOD_A);
    scratch.write("clusters/two/b.txt", GOOD_B);
    scratch.write("out/one.md", "keep me");
    let run = precis(
        scratch.path(),
        &["brief", "--each", "clusters", "-o", "out"],
    );
    run.expect(1, &["out/one.md", "already exists"]);
    assert_eq!(
        std::fs::read_to_string(scratch.path().join("out/one.md"))
            .ok()
            .as_deref(),
        Some("keep me")
    );
    assert!(scratch.path().join("out/two.md").exists());
    assert_eq!(files_in(&scratch.path().join("out")), ["one.md", "two.md"]);
}

#[test]
fn output_with_a_long_name() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    let name = format!("{}.md", "b".repeat(240));
    let run = precis(scratch.path(), &["brief", "in", "-o", &name]);
    run.expect(0, &[]);
    assert!(scratch.path().join(&name).is_file());
    assert_eq!(files_in(scratch.path()), [name.as_str(), "in"]);
}

/// A named pipe (and a link to one) given as the output, even with
/// --force, is refused and stays a pipe: it was replaced by a regular file.
#[cfg(unix)]
#[test]
fn refuses_to_replace_a_named_pipe_with_a_file() {
    use std::os::unix::fs::FileTypeExt;
    let scratch = Scratch::new();
    scratch.with_good_docs();
    let fifo = scratch.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    std::os::unix::fs::symlink(&fifo, scratch.path().join("link")).expect("a symlink");
    for output in ["pipe", "link"] {
        let run = precis(scratch.path(), &["brief", "in", "-o", output, "--force"]);
        run.expect(2, &[output, "not a regular file"]);
        let kind = std::fs::symlink_metadata(scratch.path().join(output))
            .expect("still there")
            .file_type();
        assert!(kind.is_fifo() || kind.is_symlink(), "{output}: {kind:?}");
    }
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

/// Precis reads through a link inside an input folder, so what the link
/// leads to is input too: no output may go there.
#[cfg(unix)]
#[test]
fn refuses_to_write_into_a_folder_linked_from_an_input() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    scratch.write("elsewhere/c.txt", GOOD_B);
    std::os::unix::fs::symlink(
        scratch.path().join("elsewhere"),
        scratch.path().join("in/more"),
    )
    .expect("a symlink");
    let run = precis(scratch.path(), &["brief", "in", "-o", "elsewhere/brief.md"]);
    run.expect(2, &["elsewhere/brief.md", "inside the input folder"]);
    assert_eq!(files_in(&scratch.path().join("elsewhere")), ["c.txt"]);
    // --each: the briefings' folder may not be one the input links to.
    scratch.write("clusters/one/a.txt", GOOD_A);
    std::os::unix::fs::symlink(
        scratch.path().join("elsewhere"),
        scratch.path().join("clusters/one/more"),
    )
    .expect("a symlink");
    let run = precis(
        scratch.path(),
        &["brief", "--each", "clusters", "-o", "elsewhere/briefings"],
    );
    run.expect(2, &["inside the input folder"]);
    assert_eq!(files_in(&scratch.path().join("elsewhere")), ["c.txt"]);
}

/// A dataset of one cluster, with one system's summaries in `systems/`.
fn eval_scratch() -> Scratch {
    let scratch = Scratch::new();
    scratch.write("data/c1/docs/a.txt", GOOD_A);
    scratch.write("data/c1/docs/b.txt", GOOD_B);
    scratch.write(
        "data/c1/refs/r1.txt",
        "G20 leaders met in Antalya and discussed Syria and refugees.",
    );
    scratch.write("systems/mine/c1.txt", "G20 leaders met in Antalya.");
    scratch
}

#[test]
fn eval_never_writes_into_a_systems_folder() {
    let scratch = eval_scratch();
    let run = precis(
        scratch.path(),
        &[
            "eval",
            "data",
            "--systems-dir",
            "systems",
            "--write-summaries",
            "systems",
            "--force",
        ],
    );
    run.expect(2, &["inside the input folder"]);
    let run = precis(
        scratch.path(),
        &[
            "eval",
            "data",
            "--systems-dir",
            "systems",
            "--json",
            "systems/mine/c1.txt",
            "--force",
        ],
    );
    run.expect(2, &["systems/mine/c1.txt", "inside the input folder"]);
    assert_eq!(files_in(&scratch.path().join("systems")), ["mine"]);
    assert_eq!(
        std::fs::read_to_string(scratch.path().join("systems/mine/c1.txt")).unwrap(),
        "G20 leaders met in Antalya."
    );
}

#[test]
fn eval_json_report_and_summaries_never_share_a_path() {
    let scratch = eval_scratch();
    // The report (-o) no more than the JSON report.
    for flag in ["--json", "-o"] {
        for report in ["out", "out/precis/c1.txt"] {
            let run = precis(
                scratch.path(),
                &[
                    "eval",
                    "data",
                    flag,
                    report,
                    "--write-summaries",
                    "out",
                    "--force",
                ],
            );
            run.expect(2, &["--write-summaries folder"]);
        }
    }
    assert!(!scratch.path().join("out").exists());
}
