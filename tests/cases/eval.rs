use predicates::prelude::*;

use crate::util::precis;

#[test]
fn eval_runs_on_the_bundled_dataset() {
    precis()
        .args(["eval", "corpora/g20-eval", "--resamples", "100"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("dataset: corpora/g20-eval (1 clusters)")
                .and(predicate::str::contains("-n 4 -m -l 100 -f A"))
                .and(predicate::str::contains("\nprecis "))
                .and(predicate::str::contains("\nlexrank "))
                .and(predicate::str::contains("Is precis better?")),
        );
}

#[test]
fn eval_writes_json_and_summaries_without_overwriting() {
    let dir = tempfile::tempdir().expect("temp dir");
    let json = dir.path().join("scores.json");
    let out = dir.path().join("out");
    let args = [
        "eval",
        "corpora/g20-eval",
        "--systems",
        "precis,lead",
        "--resamples",
        "50",
        "--json",
        json.to_str().expect("UTF-8"),
        "--write-summaries",
        out.to_str().expect("UTF-8"),
    ];
    precis().args(args).assert().success();
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json).expect("json written")).expect("valid JSON");
    assert_eq!(report["systems"][0]["name"], "precis");
    assert_eq!(report["systems"][0]["clusters"][0]["cluster"], "g20");
    let summary = std::fs::read_to_string(out.join("precis/g20.txt")).expect("summary written");
    assert!(summary.lines().count() >= 2, "{summary}");
    assert!(out.join("lead/g20.txt").exists());
    // Run again: existing outputs are refused before any work.
    precis()
        .args(args)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
}

#[test]
fn eval_scores_existing_summaries_and_reports_missing_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let system = dir.path().join("mine");
    std::fs::create_dir_all(&system).expect("mkdir");
    std::fs::write(
        system.join("g20.txt"),
        "G20 leaders met in Antalya and discussed Syria and terrorism.\n",
    )
    .expect("write");
    std::fs::create_dir_all(dir.path().join("empty")).expect("mkdir");
    precis()
        .args([
            "eval",
            "corpora/g20-eval",
            "--no-builtin",
            "--resamples",
            "50",
            "--systems-dir",
            dir.path().to_str().expect("UTF-8"),
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\nmine "))
        .stderr(predicate::str::contains("empty").and(predicate::str::contains("g20.txt")));
}

#[test]
fn eval_of_a_folder_without_clusters_is_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    precis()
        .args(["eval", dir.path().to_str().expect("UTF-8")])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no clusters"));
}
