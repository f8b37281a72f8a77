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

/// Issue 26: a number past a flag's limit is a usage error (exit 2) naming the
/// flag and the limit. --resamples and --max-n of 2^64 - 1 panicked (capacity
/// overflow); --jobs ran for minutes.
#[test]
fn eval_flags_past_their_limits_are_usage_errors() {
    let huge = u64::MAX.to_string();
    for (flag, limit) in [
        ("--resamples", "1..=100000"),
        ("--max-n", "0..=9"),
        ("--jobs", "0..=1024"),
    ] {
        precis()
            .args(["eval", "corpora/g20-eval", flag, &huge])
            .timeout(std::time::Duration::from_secs(60))
            .assert()
            .code(2)
            .stderr(predicate::str::contains(flag).and(predicate::str::contains(limit)));
    }
}

/// `text` in UTF-16, little- or big-endian, with or without a byte-order mark.
fn utf16(text: &str, little: bool, bom: bool) -> Vec<u8> {
    let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
    units
        .flat_map(|u| {
            if little {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        })
        .collect()
}

/// Issue 26: UTF-16 references and summaries are read as text, with a
/// warning naming each file; they scored near 0, without a word.
#[test]
fn utf16_references_and_summaries_score_as_their_text() {
    let reference_a = "G20 leaders met in Antalya.\nThey discussed Syria and refugees.\n";
    let reference_b = "Leaders of the G20 talked about the refugee crisis in Antalya.\n";
    let summary = "G20 leaders discussed the refugee crisis in Antalya.\n";
    let scores = |encode: &dyn Fn(&str, usize) -> Vec<u8>| {
        let dir = tempfile::tempdir().expect("temp dir");
        let refs = dir.path().join("data/c1/refs");
        let mine = dir.path().join("systems/mine");
        for folder in [&refs, &mine] {
            std::fs::create_dir_all(folder).expect("mkdir");
        }
        std::fs::write(refs.join("A.txt"), encode(reference_a, 0)).expect("write");
        std::fs::write(refs.join("B.txt"), encode(reference_b, 1)).expect("write");
        std::fs::write(mine.join("c1.txt"), encode(summary, 2)).expect("write");
        let output = precis()
            .args(["eval", "--no-builtin", "--resamples", "10", "--systems-dir"])
            .arg(dir.path().join("systems"))
            .arg(dir.path().join("data"))
            .assert()
            .success()
            .get_output()
            .clone();
        let stdout = String::from_utf8(output.stdout).expect("UTF-8");
        let table: Vec<String> = stdout.lines().skip(1).map(str::to_owned).collect();
        (table, String::from_utf8(output.stderr).expect("UTF-8"))
    };
    let (utf8, quiet) = scores(&|text, _| text.as_bytes().to_vec());
    assert!(quiet.is_empty(), "{quiet}");
    assert!(utf8.iter().any(|l| l.starts_with("mine ")), "{utf8:?}");
    // A: UTF-16LE with a byte-order mark; B: UTF-16BE with one; the summary:
    // UTF-16LE without one.
    let (utf16, warnings) = scores(&|text, i| utf16(text, i != 1, i != 2));
    assert_eq!(utf16, utf8);
    for (file, encoding) in [
        ("A.txt", "UTF-16LE"),
        ("B.txt", "UTF-16BE"),
        ("c1.txt", "UTF-16LE"),
    ] {
        assert!(
            warnings.lines().any(|l| l.starts_with("precis: warning: ")
                && l.contains(file)
                && l.contains(encoding)),
            "{file}: {warnings}"
        );
    }
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

/// System -> (R-1, R-2) cells as `precis eval` prints them.
type PrintedRows = std::collections::HashMap<String, (String, String)>;

/// The table `precis eval` prints for the published baselines' summaries:
/// the header line and the cells of each system.
fn eval_table(extra: &[&str]) -> Option<(String, PrintedRows)> {
    let corpus = crate::util::shared_path("corpora/duc2004/_baselines")?;
    let root = corpus.parent()?;
    let output = precis()
        .arg("eval")
        .arg(root)
        .args(["--no-builtin", "--max-n", "2", "--systems-dir"])
        .arg(&corpus)
        .args(extra)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(output).expect("UTF-8 output");
    let header = text.lines().nth(1).unwrap_or_default().to_string();
    let rows = text
        .lines()
        .filter_map(|line| {
            let f: Vec<&str> = line.split_whitespace().collect();
            // system  R-1 [lo, hi]  R-2 [lo, hi] ...
            (f.len() >= 7 && f[1].parse::<f64>().is_ok())
                .then(|| (f[0].to_string(), (f[1].to_string(), f[4].to_string())))
        })
        .collect();
    Some((header, rows))
}

/// recall (%) of the 13 DUC 2004 baselines as published with
/// them (precis-rouge's `tests/rouge_duc2004.rs` checks the library against
/// the published per-cluster output as well).
const DUC2004_PUBLISHED: [(&str, f64, f64); 13] = [
    ("Lead", 31.46, 6.13),
    ("LexRank", 36.00, 7.51),
    ("Centroid", 36.42, 7.98),
    ("FreqSum", 35.31, 8.12),
    ("TsSum", 35.93, 8.16),
    ("GreedyKL", 38.03, 8.56),
    ("CLASSY04", 37.71, 9.02),
    ("CLASSY11", 37.21, 9.21),
    ("Submodular", 39.23, 9.37),
    ("DPP", 39.84, 9.62),
    ("OCCAMS_V", 38.50, 9.75),
    ("RegSum", 38.60, 9.78),
    ("ICSISumm", 38.44, 9.81),
];

/// `precis eval` prints what ROUGE-1.5.5 printed for the published DUC 2004
/// baselines (its bootstrap means), or plain means with `--plain-means`.
#[test]
fn precis_eval_prints_what_rouge_prints() {
    let Some((header, rows)) = eval_table(&[]) else {
        return;
    };
    assert!(header.contains("bootstrap mean"), "{header}");
    assert_eq!(rows.len(), DUC2004_PUBLISHED.len());
    for (system, r1, r2) in DUC2004_PUBLISHED {
        let (got1, got2) = &rows[system];
        assert_eq!(
            (got1.as_str(), got2.as_str()),
            (format!("{r1:.2}").as_str(), format!("{r2:.2}").as_str()),
            "{system}"
        );
    }
    let Some((header, rows)) = eval_table(&["--plain-means"]) else {
        return;
    };
    assert!(header.contains("plain mean"), "{header}");
    // CLASSY04's plain means differ from the published (bootstrap) figures.
    assert_eq!(rows["CLASSY04"], ("37.66".to_string(), "8.98".to_string()));
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
    // The report beside the summaries folder: precis refuses it inside.
    let report = tempfile::tempdir().unwrap();
    let json = report.path().join("scores.json");
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

/// `--format text` is the default output; `--format json` is what `--json`
/// writes; `--format html -o` writes the page alone, through the same
/// guard as every output.
#[test]
fn eval_formats_and_the_report_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let base = [
        "eval",
        "corpora/g20-eval",
        "--systems",
        "precis,lead",
        "--resamples",
        "20",
    ];
    let run = |extra: &[&str]| {
        precis()
            .args(base)
            .args(extra)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let text = run(&[]);
    assert_eq!(run(&["--format", "text"]), text);
    let json_file = dir.path().join("scores.json");
    let json = run(&[
        "--format",
        "json",
        "--json",
        json_file.to_str().expect("UTF-8"),
    ]);
    assert_eq!(json, std::fs::read(&json_file).expect("--json written"));
    let report: serde_json::Value = serde_json::from_slice(&json).expect("JSON");
    assert_eq!(report["systems"][1]["name"], "lead");

    let page = dir.path().join("report.html");
    let page_arg = page.to_str().expect("UTF-8");
    assert!(
        run(&["--format", "html", "-o", page_arg]).is_empty(),
        "stdout"
    );
    let html = std::fs::read_to_string(&page).expect("page written");
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<h2>Is precis better?</h2>"));
    assert_eq!(
        html.matches("<svg class=\"chart\"").count(),
        6,
        "R-1..R-4, R-L, R-SU4"
    );
    // The same report, the same bytes; stdout is the same page.
    assert_eq!(run(&["--format", "html", "-o", page_arg, "--force"]), b"");
    assert_eq!(std::fs::read_to_string(&page).expect("page"), html);
    assert_eq!(run(&["--format", "html"]), html.as_bytes());

    // The guard: an existing file, an input, the --json file.
    for (extra, refusal) in [
        (vec!["-o", page_arg], "already exists"),
        (
            vec!["-o", "corpora/g20-eval/g20/refs/report.html"],
            "inside the input folder",
        ),
        (
            vec!["-o", page_arg, "--json", page_arg, "--force"],
            "-o and --json name the same file",
        ),
    ] {
        precis()
            .args(base)
            .args(["--format", "html"])
            .args(&extra)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(refusal));
    }
    assert_eq!(std::fs::read_to_string(&page).expect("page"), html);
}
