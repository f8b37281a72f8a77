//! `precis batch` from Spark, through a local Spark, the two ways a data
//! engineer would use it: an `RDD.pipe` command over a text file, and a JSON
//! Lines dataset read with `spark.read.text`, piped through `precis batch`,
//! and the output parsed as JSON with Spark's `from_json`.
//!
//! Needs a Python with pyspark (and Java 17): `$PRECIS_PYSPARK_PYTHON`, else
//! `~/.cache/precis-spark/venv/bin/python`, else `python3`. `.ci/run` installs
//! one and sets `PRECIS_REQUIRE_SPARK=1`; there, and wherever `CI=true`, a
//! missing pyspark fails the test. Elsewhere it is skipped with a message.

use std::collections::BTreeMap;
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

/// Whether this run must have Spark: in CI (`.ci/run` sets
/// `PRECIS_REQUIRE_SPARK=1`; CI systems set `CI=true`).
fn spark_required() -> bool {
    let set = |name: &str, value: &str| std::env::var(name).is_ok_and(|v| v == value);
    set("PRECIS_REQUIRE_SPARK", "1") || set("CI", "true")
}

/// Both uses in one Spark session (the JVM start is most of the time). Writes
/// one JSON object to the file named by its third argument.
const SCRIPT: &str = r#"
import json, sys
from pyspark.sql import SparkSession, functions as F

binary, path, result = sys.argv[1], sys.argv[2], sys.argv[3]
spark = (SparkSession.builder.master("local[2]").appName("precis-spark-test")
         .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
         .config("spark.sql.shuffle.partitions", "3").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
command = binary + " batch --jobs 1 --quiet --words 60"

# 1. RDD.pipe over a text file.
piped = spark.sparkContext.textFile(path, minPartitions=3).pipe(command).collect()

# 2. A JSON Lines dataset: spark.read.text, piped, parsed with from_json.
lines = spark.read.text(path).repartition(3).cache()
def numbered(index, rows):
    return ((index, position, row) for position, row in enumerate(rows))
inputs = lines.rdd.map(lambda row: row.value)
given = inputs.mapPartitionsWithIndex(numbered).collect()
summaries = spark.createDataFrame(
    inputs.pipe(command).mapPartitionsWithIndex(numbered),
    "partition int, position int, value string")
schema = "id string, line long, error string, sentences array<struct<text: string, words: long>>"
parsed = (summaries
          .select("partition", "position", F.from_json("value", schema).alias("summary"))
          .select("partition", "position", "summary.id", "summary.error",
                  F.col("summary.sentences.text").alias("texts"))
          .collect())
with open(result, "w") as out:
    json.dump({
        "piped": piped,
        "given": [list(row) for row in given],
        "parsed": [row.asDict() for row in parsed],
    }, out)
spark.stop()
"#;

/// The test input: the g20 documents as one-document clusters, and a line
/// that is not JSON.
fn clusters() -> String {
    let mut lines = String::new();
    for (i, (id, text)) in crate::util::g20_texts().iter().enumerate() {
        let record = serde_json::json!({"id": format!("c{i}"), "docs": [{"id": id, "text": text}]});
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    lines.push_str("not json\n");
    lines
}

/// Output lines without `line`: Spark feeds each partition to its own
/// process, so an error line's `line` counts within its partition.
fn without_line(lines: Vec<serde_json::Value>) -> Vec<serde_json::Value> {
    lines
        .into_iter()
        .map(|mut l| {
            if let Some(o) = l.as_object_mut() {
                o.remove("line");
            }
            l
        })
        .collect()
}

#[test]
fn works_from_spark_as_a_pipe_and_on_a_dataset() {
    let Some(python) = pyspark_python() else {
        assert!(
            !spark_required(),
            "no Python with pyspark, and this is CI: .ci/run installs one in ~/.cache/precis-spark/venv"
        );
        eprintln!("skipped: no Python with pyspark (set PRECIS_PYSPARK_PYTHON)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("clusters.jsonl");
    std::fs::write(&input, clusters()).unwrap();
    let script = dir.path().join("spark_uses.py");
    std::fs::write(&script, SCRIPT).unwrap();
    let result_path = dir.path().join("result.json");
    let binary = assert_cmd::cargo::cargo_bin("precis");
    let out = Command::new(&python)
        .arg(&script)
        .arg(&binary)
        .arg(&input)
        .arg(&result_path)
        .env("PYSPARK_PYTHON", &python)
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "spark failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let result: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&result_path).unwrap()).unwrap();
    let direct = precis()
        .args(["batch", "--words", "60"])
        .arg(&input)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let direct = json_lines(&direct);

    // 1. The pipe: the same lines as a direct run, in the same order.
    let piped: Vec<serde_json::Value> = result["piped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| serde_json::from_str(line.as_str().unwrap()).unwrap())
        .collect();
    assert_eq!(without_line(piped), without_line(direct.clone()));

    // 2. The dataset: per partition, one parsed summary per input line, in
    // the input's order; each the same sentences as the direct run's.
    let mut given_ids: BTreeMap<u64, Vec<Option<String>>> = BTreeMap::new();
    for row in result["given"].as_array().unwrap() {
        let (partition, line) = (row[0].as_u64().unwrap(), row[2].as_str().unwrap());
        let id = serde_json::from_str::<serde_json::Value>(line)
            .ok()
            .map(|record| record["id"].as_str().unwrap().to_owned());
        given_ids.entry(partition).or_default().push(id);
    }
    let direct_texts: BTreeMap<&str, Vec<&str>> = direct
        .iter()
        .filter_map(|line| {
            let texts = line["sentences"].as_array()?;
            let texts = texts.iter().map(|s| s["text"].as_str().unwrap()).collect();
            Some((line["id"].as_str()?, texts))
        })
        .collect();
    let mut parsed = result["parsed"].as_array().unwrap().clone();
    parsed.sort_by_key(|row| (row["partition"].as_u64(), row["position"].as_u64()));
    let mut parsed_ids: BTreeMap<u64, Vec<Option<String>>> = BTreeMap::new();
    let (mut summaries, mut errors) = (0, 0);
    for row in &parsed {
        let id = row["id"].as_str().map(str::to_owned);
        match &id {
            Some(id) => {
                let texts: Vec<&str> = row["texts"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| t.as_str().unwrap())
                    .collect();
                assert_eq!(Some(&texts), direct_texts.get(id.as_str()), "{id}");
                summaries += 1;
            }
            None => {
                assert!(row["error"].as_str().unwrap().contains("JSON"), "{row}");
                errors += 1;
            }
        }
        let partition = row["partition"].as_u64().unwrap();
        parsed_ids.entry(partition).or_default().push(id);
    }
    assert_eq!(parsed_ids, given_ids);
    assert!(given_ids.len() > 1, "the dataset has several partitions");
    assert_eq!((summaries, errors), (direct.len() - 1, 1));
}
