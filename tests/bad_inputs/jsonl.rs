//! `precis batch`: JSON Lines with a bad line between two good ones. The bad
//! line gets an error line naming it and the reason (on stdout and stderr),
//! the good ones are summarized with spans that hold their sentences, and the
//! exit code is 1.

use serde_json::{json, Value};

use crate::util::*;

/// A good record: two short documents.
fn good(id: &str) -> String {
    json!({
        "id": id,
        "docs": [
            {"id": "a", "text": GOOD_A},
            {"id": "b", "text": GOOD_B},
        ],
        "budget": {"sentences": 2},
    })
    .to_string()
}

/// Checks a summary line against the record it came from.
fn assert_record_summarized(out: &Value, record: &str) {
    let record: Value = serde_json::from_str(record).expect("record");
    let sentences = out["sentences"].as_array().expect("a summary line");
    assert!(!sentences.is_empty(), "{out}");
    for sentence in sentences {
        let text = sentence["text"].as_str().expect("text");
        for source in sentence["sources"].as_array().into_iter().flatten() {
            let doc = record["docs"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|d| d["id"] == source["document"])
                .expect("cited document");
            let doc_text = doc["text"].as_str().expect("doc text");
            let span = &source["span"];
            let (start, end) = (
                span[0].as_u64().unwrap_or(0) as usize,
                span[1].as_u64().unwrap_or(0) as usize,
            );
            assert_eq!(doc_text.get(start..end), Some(text), "{out}");
        }
    }
}

fn lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// Good, bad, good (the last without a newline): runs `precis batch FILE`.
fn bad_line_between_good_ones(bad: &[u8], needles: &[&str]) -> Vec<Value> {
    let scratch = Scratch::new();
    let mut input = good("first").into_bytes();
    input.push(b'\n');
    input.extend_from_slice(bad);
    input.push(b'\n');
    input.extend_from_slice(good("third").as_bytes());
    scratch.write("in.jsonl", &input);
    let run = precis(scratch.path(), &["batch", "in.jsonl"]);
    let mut expected = vec!["warning: line 2", "1 of 3 line(s) failed"];
    expected.extend_from_slice(needles);
    run.expect(1, &expected);
    let out = lines(&run.stdout);
    assert_eq!(out.len(), 3, "{run:#?}");
    assert_record_summarized(&out[0], &good("first"));
    assert_record_summarized(&out[2], &good("third"));
    assert_eq!(out[1]["line"], 2);
    for needle in needles {
        let error = out[1]["error"].as_str().unwrap_or_default();
        assert!(error.contains(needle), "{error:?} lacks {needle:?}");
    }
    out
}

#[test]
fn invalid_json() {
    bad_line_between_good_ones(
        br#"{"id": "x", "docs": [{"text": "unclosed"#,
        &["invalid JSON: EOF while parsing a string (at column 39)"],
    );
    bad_line_between_good_ones(
        br#"{"id": "x", "docs": []} and more"#,
        &["invalid JSON: trailing characters"],
    );
}

/// Valid JSON of another shape is no "invalid JSON": it says what a record
/// is, and never serde's names for precis's types.
#[test]
fn not_an_object() {
    for (line, shape) in [
        (&b"[1, 2, 3]"[..], "not an array"),
        (b"42", "not a number"),
        (b"\"a line\"", "not a string"),
        (b"null", "not null"),
    ] {
        let out =
            bad_line_between_good_ones(line, &["invalid record: a record is a JSON object", shape]);
        let error = out[1]["error"].as_str().unwrap_or_default();
        assert!(
            !error.contains("invalid JSON") && !error.contains("Raw"),
            "{error}"
        );
    }
}

/// A byte-order mark before a record (a file saved on Windows, or files
/// each with one, joined) is no part of it.
#[test]
fn byte_order_marks_are_read_past() {
    let scratch = Scratch::new();
    let input = format!("\u{feff}{}\n\u{feff}{}\n", good("first"), good("second"));
    scratch.write("in.jsonl", input);
    let run = precis(scratch.path(), &["batch", "in.jsonl"]);
    run.expect(0, &[]);
    let out = lines(&run.stdout);
    assert_record_summarized(&out[0], &good("first"));
    assert_record_summarized(&out[1], &good("second"));
}

#[test]
fn missing_docs() {
    let out = bad_line_between_good_ones(br#"{"id": "no-docs"}"#, &["missing field `docs`"]);
    assert_eq!(out[1]["id"], "no-docs");
}

#[test]
fn missing_id() {
    bad_line_between_good_ones(
        br#"{"docs": [{"text": "A sentence without a cluster id is here."}]}"#,
        &["missing field `id`"],
    );
}

#[test]
fn missing_text() {
    bad_line_between_good_ones(
        br#"{"id": "t", "docs": [{"title": "Only a title"}]}"#,
        &["text"],
    );
}

#[test]
fn wrong_types() {
    bad_line_between_good_ones(
        br#"{"id": "w", "docs": [{"text": 42}]}"#,
        &["invalid record: docs[0].text: invalid type: integer `42`, expected a string"],
    );
    bad_line_between_good_ones(
        br#"{"id": "w", "docs": "a string"}"#,
        &["invalid record: docs: invalid type: string \"a string\", expected a sequence"],
    );
    bad_line_between_good_ones(
        br#"{"id": [1], "docs": []}"#,
        &["id must be a string or an integer"],
    );
    bad_line_between_good_ones(
        br#"{"id": "w", "docs": [{"text": "Fine text here."}], "budget": {"words": "ten"}}"#,
        &["invalid record: budget.words: invalid type: string \"ten\""],
    );
}

#[test]
fn empty_line() {
    bad_line_between_good_ones(b"", &["empty line"]);
    bad_line_between_good_ones(b"   \t ", &["empty line"]);
}

#[test]
fn invalid_utf8_in_a_line() {
    bad_line_between_good_ones(
        b"{\"id\": \"u\", \"docs\": [{\"text\": \"caf\xE9.\"}]}",
        &["not valid UTF-8 (at byte 35)"],
    );
}

#[test]
fn record_without_sentences() {
    let out = bad_line_between_good_ones(
        br#"{"id": "junk", "docs": [{"text": "Share\nAdvertisement"}]}"#,
        &["no sentences"],
    );
    assert_eq!(out[1]["id"], "junk");
}

#[test]
fn line_of_100_megabytes() {
    let mut huge = br#"{"id": "huge", "docs": [{"text": ""#.to_vec();
    huge.resize(100_000_000, b'x');
    huge.extend_from_slice(br#""}]}"#);
    bad_line_between_good_ones(
        &huge,
        &[
            "record of 100000004 bytes",
            "over the record size limit (67108864 bytes)",
        ],
    );
}

#[test]
fn duplicate_record_and_document_ids() {
    let scratch = Scratch::new();
    let record = json!({
        "id": "same",
        "docs": [{"id": "d", "text": GOOD_A}, {"id": "d", "text": GOOD_B}],
    })
    .to_string();
    scratch.write("in.jsonl", format!("{record}\n{record}\n"));
    let run = precis(scratch.path(), &["batch", "in.jsonl"]);
    run.expect(0, &[]);
    let out = lines(&run.stdout);
    assert_eq!(out.len(), 2);
    assert_eq!(out[0], out[1]);
    assert_eq!(out[0]["id"], "same");
    let ids: Vec<&str> = out[0]["documents"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["id"].as_str())
        .collect();
    assert_eq!(ids, ["d", "d#2"]);
}

#[test]
fn trailing_line_without_newline() {
    let scratch = Scratch::new();
    scratch.write("in.jsonl", format!("{}\n{}", good("one"), good("two")));
    let run = precis(scratch.path(), &["batch", "in.jsonl"]);
    run.expect(0, &[]);
    let out = lines(&run.stdout);
    assert_eq!(out.len(), 2);
    assert_eq!(out[1]["id"], "two");
    assert_record_summarized(&out[1], &good("two"));
}

#[test]
fn ids_with_dot_dot_and_slashes_are_only_echoed() {
    let scratch = Scratch::new();
    let record = json!({
        "id": "../../escape/../x",
        "docs": [{"id": "/etc/passwd", "text": GOOD_A}, {"id": "../b", "text": GOOD_B}],
    })
    .to_string();
    scratch.write("in.jsonl", format!("{record}\n"));
    let run = precis(scratch.path(), &["batch", "in.jsonl"]);
    run.expect(0, &[]);
    let out = lines(&run.stdout);
    assert_eq!(out[0]["id"], "../../escape/../x");
    assert!(run.stdout.contains("/etc/passwd"));
    // Nothing was written anywhere: the folder holds only the input.
    let names: Vec<_> = std::fs::read_dir(scratch.path())
        .map(|d| d.filter_map(Result::ok).map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert_eq!(names, ["in.jsonl"]);
    assert!(!scratch.path().join("../escape").exists());
}

#[test]
fn binary_file_as_batch_input() {
    let scratch = Scratch::new();
    scratch.write("in.jsonl", b"%PDF-1.4\n\x00\x01\x02\xFF\n");
    let run = precis(scratch.path(), &["batch", "in.jsonl"]);
    run.expect(1, &["line 1", "line 2", "2 of 2 line(s) failed"]);
    assert_eq!(lines(&run.stdout).len(), 2);
}

#[test]
fn folder_as_batch_input() {
    let scratch = Scratch::new();
    scratch.mkdir("records");
    let run = precis(scratch.path(), &["batch", "records"]);
    run.expect(2, &["records", "is a folder"]);
    assert!(run.stdout.is_empty());
}
