//! `precis batch` as a Spark `RDD.pipe` command, through a local Spark.
//!
//! Skipped unless a Python with pyspark (and Java) is found: `$PRECIS_PYSPARK_PYTHON`,
//! else `~/.cache/precis-spark/venv/bin/python`, else `python3`.

use std::path::PathBuf;
use std::process::Command;

use crate::util::{json_lines, precis};

fn pyspark_python() -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(p) = std::env::var_os("PRECIS_PYSPARK_PYTHON") {
        candidates.push(p.into());
    }
    if let Some(home) = std::env::var_os("HOME") {
        candidates.push(PathBuf::from(home).join(".cache/precis-spark/venv/bin/python"));
    }
    candidates.push("python3".into());
    candidates.into_iter().find(|python| {
        Command::new(python)
            .args(["-c", "import pyspark"])
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

const PIPE: &str = r#"
import sys
from pyspark import SparkConf, SparkContext
binary, path = sys.argv[1], sys.argv[2]
conf = SparkConf().setMaster("local[2]").setAppName("precis-pipe-test").set("spark.ui.enabled", "false")
sc = SparkContext(conf=conf)
sc.setLogLevel("ERROR")
lines = sc.textFile(path, minPartitions=3)
for line in lines.pipe(binary + " batch --jobs 1 --quiet --words 60").collect():
    print(line)
sc.stop()
"#;

#[test]
fn works_as_a_spark_pipe() {
    let Some(python) = pyspark_python() else {
        eprintln!("skipped: no Python with pyspark (set PRECIS_PYSPARK_PYTHON)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("clusters.jsonl");
    let mut lines = String::new();
    for (i, (id, text)) in crate::util::g20_texts().iter().enumerate() {
        let record = serde_json::json!({"id": format!("c{i}"), "docs": [{"id": id, "text": text}]});
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    lines.push_str("not json\n");
    std::fs::write(&input, &lines).unwrap();
    let script = dir.path().join("pipe.py");
    std::fs::write(&script, PIPE).unwrap();
    let binary = assert_cmd::cargo::cargo_bin("precis");
    let out = Command::new(&python)
        .arg(&script)
        .arg(&binary)
        .arg(&input)
        .env("PYSPARK_PYTHON", &python)
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "spark failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let direct = precis()
        .args(["batch", "--words", "60"])
        .arg(&input)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    // Spark feeds each partition to its own process, so an error line's
    // `line` counts within its partition; everything else is the same.
    let without_line = |lines: Vec<serde_json::Value>| -> Vec<serde_json::Value> {
        lines
            .into_iter()
            .map(|mut l| {
                if let Some(o) = l.as_object_mut() {
                    o.remove("line");
                }
                l
            })
            .collect()
    };
    assert_eq!(
        without_line(json_lines(&out.stdout)),
        without_line(json_lines(&direct))
    );
}
