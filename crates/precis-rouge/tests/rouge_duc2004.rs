//! Acceptance test: the 13 published DUC 2004 baselines, scored with the settings
//! of their published ROUGE-1.5.5 run (`-n 4 -m -l 100 -f A`), reproduce the
//! published recall table, and (when the published per-cluster output
//! `rouge.res` is present) every per-cluster ROUGE-1..4 value and every average
//! and confidence interval digit for digit.
//!
//! The corpus is read-only shared data outside the repository: `$PRECIS_SHARED`
//! or `../shared` beside the workspace root. Without it the test prints a skip
//! message and passes (and fails where `PRECIS_REQUIRE_SHARED` is set, as in CI).
//!
//! `precis eval` prints the same figures (ROUGE-1.5.5's bootstrap means by
//! default, plain means with `--plain-means`): precis's `tests/cases/eval.rs`
//! checks its table.

#[path = "support/shared_data.rs"]
mod shared_data;

use precis_rouge::{
    list_systems, AggregateConfig, Dataset, Metric, Pooling, RougeConfig, RougeScorer, SkipBigram,
    Tokenize, Truncation,
};
use std::collections::HashMap;
use std::time::Instant;

/// System, R-1, R-2, R-4 (recall, %), as published with the baselines.
const PUBLISHED: [(&str, f64, f64, f64); 13] = [
    ("Lead", 31.46, 6.13, 0.62),
    ("LexRank", 36.00, 7.51, 0.83),
    ("Centroid", 36.42, 7.98, 1.20),
    ("FreqSum", 35.31, 8.12, 1.00),
    ("TsSum", 35.93, 8.16, 1.03),
    ("GreedyKL", 38.03, 8.56, 1.27),
    ("CLASSY04", 37.71, 9.02, 1.53),
    ("CLASSY11", 37.21, 9.21, 1.48),
    ("Submodular", 39.23, 9.37, 1.39),
    ("DPP", 39.84, 9.62, 1.57),
    ("OCCAMS_V", 38.50, 9.75, 1.33),
    ("RegSum", 38.60, 9.78, 1.62),
    ("ICSISumm", 38.44, 9.81, 1.74),
];

/// Per-cluster lines of ROUGE-1.5.5's `-d` output:
/// `SYS ROUGE-n Eval d30001.SYS R:0.1 P:0.2 F:0.3` -> (sys, n, cluster) -> (R, P, F),
/// and the `Average_X` lines -> (sys, n, X) -> (avg, lo, hi).
type PerCluster = HashMap<(String, usize, String), [f64; 3]>;
type Averages = HashMap<(String, usize, char), [f64; 3]>;

fn parse_rouge_res(text: &str) -> (PerCluster, Averages) {
    let mut per = HashMap::new();
    let mut avg = HashMap::new();
    for line in text.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() < 3 {
            continue;
        }
        let Some(n) = f[1]
            .strip_prefix("ROUGE-")
            .and_then(|n| n.parse::<usize>().ok())
        else {
            continue;
        };
        let num = |s: &str| s.trim_end_matches(')').parse::<f64>().ok();
        if f[2] == "Eval" && f.len() == 7 {
            let cluster = f[3].split('.').next().unwrap_or_default().to_string();
            let vals: Option<Vec<f64>> = f[4..7].iter().map(|v| v.get(2..).and_then(num)).collect();
            if let Some(v) = vals {
                per.insert((f[0].to_string(), n, cluster), [v[0], v[1], v[2]]);
            }
        } else if let Some(which) = f[2].strip_prefix("Average_") {
            // SYS ROUGE-1 Average_R: 0.37707 (95%-conf.int. 0.36552 - 0.38900)
            if let (Some(a), Some(lo), Some(hi)) = (num(f[3]), num(f[5]), num(f[7])) {
                let c = which.chars().next().unwrap_or('?');
                avg.insert((f[0].to_string(), n, c), [a, lo, hi]);
            }
        }
    }
    (per, avg)
}

#[test]
fn duc2004_published_baselines() {
    let Some(baselines) = shared_data::shared_path("corpora/duc2004/_baselines") else {
        return;
    };
    let root = baselines.parent().expect("_baselines is inside the corpus");
    let start = Instant::now();
    let config = RougeConfig {
        max_n: 4,
        stemming: true,
        remove_stopwords: false,
        truncation: Truncation::Words(100),
        pooling: Pooling::ModelAverage,
        alpha: 0.5,
        rouge_l: true,
        skip_bigram: Some(SkipBigram::SU4),
        tokenize: Tokenize::Ascii,
    };
    let scorer = RougeScorer::new(config).expect("valid config");
    let dataset = Dataset::open(root).expect("dataset");
    let prepared = scorer.prepare_dataset(&dataset);
    assert!(prepared.errors().is_empty(), "{:?}", prepared.errors());
    assert_eq!(prepared.clusters().count(), 50);
    let systems = list_systems(&baselines).expect("systems");
    assert_eq!(systems.len(), 13);
    let evals: Vec<_> = systems
        .iter()
        .map(|s| scorer.evaluate_system(&prepared, s))
        .collect();
    let aggregates: Vec<_> = evals
        .iter()
        .map(|e| e.aggregate(&AggregateConfig::default()).expect("aggregate"))
        .collect();
    let elapsed = start.elapsed();

    println!(
        "ROUGE-1.5.5 {} on DUC 2004, recall x 100",
        scorer.config().rouge_flags()
    );
    println!(
        "{:<11} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}",
        "System", "R-1", "R-2", "R-4", "pub", "pub", "pub", "d1", "d2", "d4"
    );
    let mut max_diff = [0.0f64; 3];
    for (name, p1, p2, p4) in PUBLISHED {
        let e = evals
            .iter()
            .find(|e| e.system == name)
            .unwrap_or_else(|| panic!("system {name} not found"));
        assert!(e.errors.is_empty(), "{name}: {:?}", e.errors);
        assert_eq!(e.records.len(), 50);
        let agg = aggregates
            .iter()
            .find(|a| a.system == name)
            .expect("aggregate");
        // ROUGE prints the mean of its bootstrap resamples; the plain mean of
        // the per-cluster values differs from it by < 0.01 points here.
        let ours: Vec<f64> = [1, 2, 4]
            .iter()
            .map(|&n| agg.get(Metric::N(n)).expect("metric").recall.bootstrap_mean * 100.0)
            .collect();
        let diffs = [ours[0] - p1, ours[1] - p2, ours[2] - p4];
        for (m, d) in max_diff.iter_mut().zip(diffs) {
            *m = m.max(d.abs());
        }
        println!(
            "{:<11} {:>6.2} {:>6.2} {:>6.2}   {:>6.2} {:>6.2} {:>6.2}   {:>+6.3} {:>+6.3} {:>+6.3}",
            name, ours[0], ours[1], ours[2], p1, p2, p4, diffs[0], diffs[1], diffs[2]
        );
        for (label, d) in [("R-1", diffs[0]), ("R-2", diffs[1]), ("R-4", diffs[2])] {
            assert!(d.abs() <= 0.05, "{name} {label} differs by {d:.4} points");
        }
        let plain = agg.get(Metric::N(1)).expect("metric").recall.mean * 100.0;
        assert!(
            (plain - p1).abs() <= 0.05,
            "{name} plain-mean R-1 {plain:.3}"
        );
    }
    println!(
        "max |diff| (points): R-1 {:.4}  R-2 {:.4}  R-4 {:.4}",
        max_diff[0], max_diff[1], max_diff[2]
    );
    println!(
        "scored 13 systems x 50 clusters (ROUGE-1..4, L, SU4) + bootstrap in {:.2?}",
        elapsed
    );

    // The published per-cluster output, when present: every value must match.
    let Some(res_path) =
        shared_data::shared_path("corpora/duc2004/_baselines/stuartmackie_rouge.res")
    else {
        return;
    };
    let res = std::fs::read_to_string(&res_path).expect("rouge.res is readable");
    let (per, avg) = parse_rouge_res(&res);
    assert_eq!(per.len(), 13 * 50 * 4, "unexpected rouge.res content");
    let mut checked = 0;
    for e in &evals {
        for r in &e.records {
            let cluster = r.cluster.trim_end_matches('t');
            for n in 1..=4 {
                let ours = r.scores.rouge_n(n).expect("metric").rounded_like_rouge(0.5);
                let key = (e.system.clone(), n, cluster.to_string());
                let theirs = per.get(&key).unwrap_or_else(|| panic!("{key:?} missing"));
                assert_eq!(
                    [ours.recall, ours.precision, ours.f],
                    *theirs,
                    "{key:?} per-cluster R/P/F"
                );
                checked += 1;
            }
        }
    }
    for agg in &aggregates {
        for n in 1..=4 {
            let m = agg.get(Metric::N(n)).expect("metric");
            for (c, est) in [('R', m.recall), ('P', m.precision), ('F', m.f)] {
                let key = (agg.system.clone(), n, c);
                let theirs = avg.get(&key).unwrap_or_else(|| panic!("{key:?} missing"));
                let ours = [est.bootstrap_mean, est.ci_low, est.ci_high];
                for (o, t) in ours.iter().zip(theirs) {
                    assert!(
                        (o - t).abs() < 5.1e-6,
                        "{key:?}: ours {ours:?} published {theirs:?}"
                    );
                }
                checked += 1;
            }
        }
    }
    println!(
        "matched {checked} published per-cluster R/P/F triples and Average/CI triples of rouge.res exactly (5 decimals)"
    );
}
