//! `precis batch`.

use predicates::prelude::*;

use crate::util::{g20_texts, json_lines, precis};

/// A batch of records made from the G20 corpus: each uses a different
/// subset of its documents, so each summary differs.
fn g20_batch(records: usize) -> String {
    let texts = g20_texts();
    let mut out = String::new();
    for r in 0..records {
        let docs: Vec<serde_json::Value> = texts
            .iter()
            .enumerate()
            .filter(|(i, _)| (i + r) % 3 != 0)
            .map(|(_, (id, text))| serde_json::json!({"id": id, "text": text}))
            .collect();
        let budget = match r % 3 {
            0 => serde_json::json!({"words": 60 + r}),
            1 => serde_json::json!({"bytes": 400}),
            _ => serde_json::json!({"sentences": 2}),
        };
        let line = serde_json::json!({"id": format!("g20-{r}"), "docs": docs, "budget": budget});
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

#[test]
fn summarizes_each_line_in_order_and_matches_brief() {
    let input = g20_batch(6);
    let out = precis()
        .args(["batch", "--words", "80"])
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 6);
    for (r, line) in lines.iter().enumerate() {
        assert_eq!(line["id"], format!("g20-{r}"));
        assert_eq!(line["schema"], "precis.summary/1");
        let limit = line["budget"]["limit"].as_u64().unwrap();
        let unit = line["budget"]["unit"].as_str().unwrap();
        assert!(line["usage"][unit].as_u64().unwrap() <= limit);
        // Spans index the record's text.
        let texts = g20_texts();
        for sentence in line["sentences"].as_array().unwrap() {
            let source = &sentence["sources"][0];
            let doc = source["document"].as_str().unwrap();
            let text = &texts.iter().find(|(id, _)| id == doc).unwrap().1;
            let span = source["span"].as_array().unwrap();
            let (a, b) = (
                span[0].as_u64().unwrap() as usize,
                span[1].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[a..b], sentence["text"].as_str().unwrap());
        }
    }
    // A record with every document says what `brief --format json` says.
    let texts = g20_texts();
    let docs: Vec<serde_json::Value> = texts
        .iter()
        .map(|(id, text)| serde_json::json!({"id": id, "text": text}))
        .collect();
    let record = serde_json::json!({"id": "all", "docs": docs}).to_string();
    let batch = precis()
        .arg("batch")
        .write_stdin(record)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let brief = precis()
        .args(["brief", "--format", "json"])
        .arg(crate::util::g20())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let (batch, brief) = (
        &json_lines(&batch)[0],
        serde_json::from_slice::<serde_json::Value>(&brief).unwrap(),
    );
    let texts_of = |v: &serde_json::Value| -> Vec<String> {
        v["sentences"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["text"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(texts_of(batch), texts_of(&brief));
}

#[test]
fn output_is_byte_identical_for_any_jobs() {
    let input = g20_batch(9);
    let run = |jobs: &str| {
        precis()
            .args(["batch", "--jobs", jobs])
            .write_stdin(input.clone())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    assert_eq!(one, run("3"));
}

#[test]
fn bad_lines_get_error_lines_and_the_batch_goes_on() {
    let good = g20_batch(1);
    let good = good.trim_end();
    let mut input: Vec<u8> = Vec::new();
    let lines: Vec<Vec<u8>> = vec![
        good.as_bytes().to_vec(),
        b"{not json".to_vec(),
        b"".to_vec(),
        br#"{"id": "no-docs"}"#.to_vec(),
        br#"{"id": "types", "docs": [{"text": 42}]}"#.to_vec(),
        br#"{"id": {"x": 1}, "docs": []}"#.to_vec(),
        b"{\"id\": \"utf8\", \"docs\": [{\"text\": \"caf\xe9 au lait.\"}]}".to_vec(),
        br#"{"id": "../../etc/passwd", "docs": [{"text": "Share"}]}"#.to_vec(),
        br#"{"id": "zero", "docs": [{"text": "x"}], "budget": {"words": 0}}"#.to_vec(),
        br#"{"id": "empty-docs", "docs": []}"#.to_vec(),
        good.replace("g20-0", "dup").into_bytes(),
        good.replace("g20-0", "dup").into_bytes(),
        "[".repeat(100_000).into_bytes(),
        // The last line has no newline.
        good.replace("g20-0", "last").into_bytes(),
    ];
    for (i, line) in lines.iter().enumerate() {
        input.extend_from_slice(line);
        if i + 1 < lines.len() {
            input.extend_from_slice(b"\r\n");
        }
    }
    let out = precis()
        .arg("batch")
        .write_stdin(input)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let got = json_lines(&out.stdout);
    assert_eq!(got.len(), lines.len());
    for (i, line) in got.iter().enumerate() {
        let ok = line.get("schema").is_some();
        let expected_ok = matches!(i, 0 | 10 | 11 | 13);
        assert_eq!(ok, expected_ok, "line {}: {line}", i + 1);
        if !ok {
            assert_eq!(line["line"], i + 1);
            assert!(line["error"].as_str().is_some_and(|e| !e.is_empty()));
        }
    }
    assert_eq!(got[3]["id"], "no-docs");
    assert!(got[3]["error"].as_str().unwrap().contains("docs"));
    assert!(got[5]["id"].is_null());
    assert_eq!(got[7]["id"], "../../etc/passwd");
    assert!(got[7]["error"].as_str().unwrap().contains("no sentences"));
    assert_eq!(
        (got[10]["id"].as_str(), got[11]["id"].as_str()),
        (Some("dup"), Some("dup"))
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("line 2:") && stderr.contains("10 of 14 line(s) failed"),
        "{stderr}"
    );
}

#[test]
fn records_over_the_size_cap_are_skipped() {
    let huge = format!(
        r#"{{"id": "huge", "docs": [{{"text": "{}"}}]}}"#,
        "word ".repeat(2_000_000)
    );
    let input = format!("{huge}\n{}", g20_batch(1));
    let out = precis()
        .args(["batch", "--max-record-bytes", "1000000"])
        .write_stdin(input)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let got = json_lines(&out.stdout);
    assert!(got[0]["error"]
        .as_str()
        .unwrap()
        .contains("over the record size limit"));
    assert_eq!(got[1]["id"], "g20-0");
}

#[test]
fn reads_a_file_argument_and_reports_a_missing_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.jsonl");
    std::fs::write(&path, g20_batch(2)).unwrap();
    let out = precis()
        .arg("batch")
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(json_lines(&out).len(), 2);
    precis()
        .arg("batch")
        .arg(dir.path().join("missing.jsonl"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no such file"));
    // Empty input: no output, success.
    precis()
        .arg("batch")
        .write_stdin("")
        .assert()
        .success()
        .stdout("");
}

#[test]
fn help_documents_the_schema() {
    precis()
        .args(["batch", "--help"])
        .assert()
        .success()
        .stdout(
            predicates::str::contains("\"docs\"")
                .and(predicates::str::contains("{\"sentences\": N}")),
        );
}

#[test]
fn multinews_clusters_all_summarize() {
    let root = crate::require_shared!("corpora/multinews-val");
    let mut clusters: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("docs").is_dir())
        .collect();
    clusters.sort();
    let mut input = String::new();
    for cluster in clusters.iter().take(25) {
        let mut files: Vec<_> = std::fs::read_dir(cluster.join("docs"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        let docs: Vec<serde_json::Value> = files
            .iter()
            .map(|f| serde_json::json!({"id": f.file_name().unwrap().to_string_lossy(), "text": std::fs::read_to_string(f).unwrap()}))
            .collect();
        let id = cluster.file_name().unwrap().to_string_lossy().into_owned();
        input.push_str(&serde_json::json!({"id": id, "docs": docs}).to_string());
        input.push('\n');
    }
    let out = precis()
        .args(["batch", "--jobs", "2"])
        .write_stdin(input)
        .assert()
        .get_output()
        .clone();
    let got = json_lines(&out.stdout);
    assert_eq!(got.len(), 25);
    let ok = got.iter().filter(|l| l.get("schema").is_some()).count();
    assert!(
        ok >= 24,
        "{ok} of 25 summarized: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
