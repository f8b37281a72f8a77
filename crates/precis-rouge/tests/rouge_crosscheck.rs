//! Driver for `scripts/rouge-crosscheck.sh` (ignored by a plain `cargo test`).
//!
//! `ROUGE_XCHECK_JOBS=FILE cargo test -p precis-rouge --test rouge_crosscheck -- --ignored`
//! reads jobs, one per line: `FLAGS | LIST | OUT`, where FLAGS are ROUGE-1.5.5
//! options, LIST is a ROUGE `-z SPL` file list (`peer model1 model2 ...` per
//! line) and OUT receives one line per evaluation and metric:
//! `METRIC INDEX R P F` (5 decimals, rounded the way ROUGE-1.5.5 prints them).
//!
//! `ROUGE_XCHECK_STEM=IN:OUT` stems the words of IN (one per line) with
//! [`rouge_stem`] and writes `word stem` lines to OUT.

use precis_rouge::{rouge_stem, RougeConfig, RougeScorer};
use std::fmt::Write as _;

#[test]
#[ignore = "driven by scripts/rouge-crosscheck.sh"]
fn crosscheck_jobs() {
    if let Ok(spec) = std::env::var("ROUGE_XCHECK_STEM") {
        let (input, output) = spec.split_once(':').expect("IN:OUT");
        let words = std::fs::read_to_string(input).expect("stem input");
        let mut out = String::new();
        for w in words.lines().filter(|w| !w.is_empty()) {
            let _ = writeln!(out, "{w} {}", rouge_stem(w));
        }
        std::fs::write(output, out).expect("stem output");
    }
    let Ok(jobs) = std::env::var("ROUGE_XCHECK_JOBS") else {
        return;
    };
    let jobs = std::fs::read_to_string(jobs).expect("jobs file");
    for job in jobs.lines().filter(|l| !l.trim().is_empty()) {
        let parts: Vec<&str> = job.split('|').map(str::trim).collect();
        assert_eq!(parts.len(), 3, "job line: FLAGS | LIST | OUT");
        let config = RougeConfig::from_rouge_args(parts[0]).expect("flags");
        let alpha = config.alpha;
        let scorer = RougeScorer::new(config).expect("config");
        let list = std::fs::read_to_string(parts[1]).expect("list file");
        let mut out = String::new();
        for (i, line) in list.lines().filter(|l| !l.trim().is_empty()).enumerate() {
            let files: Vec<&str> = line.split_whitespace().collect();
            let read = |p: &str| std::fs::read(p).unwrap_or_else(|e| panic!("{p}: {e}"));
            let peer = read(files[0]);
            let models: Vec<Vec<u8>> = files[1..].iter().map(|p| read(p)).collect();
            let refs: Vec<&[u8]> = models.iter().map(|m| m.as_slice()).collect();
            let prepared = scorer.prepare_references_bytes(&refs);
            let scores = scorer
                .score_prepared_bytes(&peer, &prepared)
                .unwrap_or_else(|e| panic!("{}: {e}", files[0]));
            for m in &scores.metrics {
                let s = m.score.rounded_like_rouge(alpha);
                let _ = writeln!(
                    out,
                    "{} {} {:.5} {:.5} {:.5}",
                    m.metric,
                    i + 1,
                    s.recall,
                    s.precision,
                    s.f
                );
            }
        }
        std::fs::write(parts[2], out).expect("output");
    }
}
