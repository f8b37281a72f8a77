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
fn a_summary_too_long_to_align_is_that_clusters_error() {
    // One line of 17,000 words against a reference line of as many: the
    // ROUGE-L table would be 289 million cells; the cluster is reported and
    // the rest is scored.
    let dir = tempfile::tempdir().expect("temp dir");
    let dataset = dir.path().join("data");
    let long = format!("{}\n", "council budget ".repeat(8_500));
    for cluster in ["long", "short"] {
        let docs = dataset.join(cluster).join("docs");
        std::fs::create_dir_all(&docs).expect("mkdir");
        std::fs::write(docs.join("a.txt"), "The council met. It agreed a budget.\n")
            .expect("write");
        std::fs::create_dir_all(dataset.join(cluster).join("refs")).expect("mkdir");
    }
    std::fs::write(dataset.join("long/refs/r.txt"), &long).expect("write");
    std::fs::write(
        dataset.join("short/refs/r.txt"),
        "The council agreed a budget.\n",
    )
    .expect("write");
    let systems = dir.path().join("systems/mine");
    std::fs::create_dir_all(&systems).expect("mkdir");
    std::fs::write(systems.join("long.txt"), &long).expect("write");
    std::fs::write(systems.join("short.txt"), "The council agreed a budget.\n").expect("write");
    precis()
        .args([
            "eval",
            "--no-limit",
            "--no-builtin",
            "--resamples",
            "10",
            "--systems-dir",
        ])
        .arg(dir.path().join("systems"))
        .arg(&dataset)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\nmine "))
        .stderr(
            predicate::str::contains("mine on cluster long")
                .and(predicate::str::contains("ROUGE-L cannot align"))
                .and(predicate::str::contains("17000 words")),
        );
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

/// Whether `python3` runs here.
fn python3() -> bool {
    std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn unicode_words_score_vietnamese_as_an_independent_count_does() {
    let dataset = crate::require_shared!("corpora/vi-mds-dev");
    if !python3() {
        eprintln!("skipped: python3 is absent (scripts/unicode_rouge.py is the independent count)");
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let json = out.path().join("scores.json");
    let assert = precis()
        .arg("eval")
        .arg(&dataset)
        .args(["--systems", "lead", "--max-n", "2", "--tokenize", "unicode"])
        .arg("--json")
        .arg(&json)
        .arg("--write-summaries")
        .arg(out.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("not stemmed"));
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    assert!(stdout.contains("--tokenize unicode"), "{stdout}");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let recall = |metric: &str| {
        report["systems"][0]["aggregate"]["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["metric"] == metric)
            .unwrap()["recall"]["mean"]
            .as_f64()
            .unwrap()
    };
    let script = crate::util::repo().join("scripts/unicode_rouge.py");
    let counted = std::process::Command::new("python3")
        .arg(script)
        .arg(&dataset)
        .arg(out.path().join("lead"))
        .output()
        .unwrap();
    assert!(
        counted.status.success(),
        "{}",
        String::from_utf8_lossy(&counted.stderr)
    );
    let counted: serde_json::Value = serde_json::from_slice(&counted.stdout).unwrap();
    assert_eq!(counted["clusters"], 100);
    for (metric, key) in [("ROUGE-1", "rouge_1_recall"), ("ROUGE-2", "rouge_2_recall")] {
        let (ours, theirs) = (recall(metric), counted[key].as_f64().unwrap());
        // precis keeps five decimals per cluster, as ROUGE-1.5.5 prints them.
        assert!((ours - theirs).abs() < 1e-5, "{metric}: {ours} vs {theirs}");
    }
    // ROUGE-1.5.5's ASCII words on the same data: a warning that says what to use.
    precis()
        .arg("eval")
        .arg(&dataset)
        .args(["--systems", "lead", "--max-n", "1", "--resamples", "10"])
        .assert()
        .success()
        .stderr(predicate::str::contains("use --tokenize unicode"));
}
