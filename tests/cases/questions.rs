//! Briefings about a question (`--query`) and what is new since documents
//! already read (`--since`): every format shows the question, JSON carries
//! what a script needs, and bad input says what is wrong.

use crate::util::{g20, precis, stdout_of};

const QUESTION: &str = "What did Cameron and Putin say about Syria and Islamic State?";

fn g20_path() -> String {
    g20().display().to_string()
}

#[test]
fn every_format_shows_the_question() {
    let g20 = g20_path();
    let markdown = stdout_of(&["brief", &g20, "--query", QUESTION]);
    assert!(
        markdown.starts_with(&format!("**Question:** {QUESTION}\n")),
        "{markdown}"
    );
    let text = stdout_of(&["brief", &g20, "--query", QUESTION, "--format", "text"]);
    assert!(
        text.starts_with(&format!("Question: {QUESTION}\n\n")),
        "{text}"
    );
    let html = stdout_of(&["brief", &g20, "--query", QUESTION, "--format", "html"]);
    assert!(
        html.contains("<p class=\"question\"><strong>Question:</strong> What did Cameron"),
        "{html}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&[
        "brief", &g20, "--query", QUESTION, "-f", "json",
    ]))
    .expect("JSON");
    assert_eq!(json["query"], QUESTION);
    let sentences = json["sentences"].as_array().expect("sentences");
    assert!(!sentences.is_empty());
    for sentence in sentences {
        let relevance = sentence["relevance"].as_f64().expect("a relevance");
        assert!((0.0..=1.0).contains(&relevance), "{sentence}");
    }
    // Without a question none of it is written.
    let plain: serde_json::Value =
        serde_json::from_str(&stdout_of(&["brief", &g20, "-f", "json"])).expect("JSON");
    assert!(plain.get("query").is_none());
    assert!(plain["sentences"][0].get("relevance").is_none());
}

#[test]
fn an_empty_question_is_a_usage_error() {
    for question in ["", "   \t"] {
        precis()
            .args(["brief", &g20_path(), "--query", question])
            .assert()
            .code(2)
            .stderr(predicates::str::contains("the question is empty"));
    }
}

#[test]
fn a_question_in_another_language_is_answered_with_a_note() {
    precis()
        .args([
            "brief",
            &g20_path(),
            "--query",
            "Qu'ont dit Cameron et Poutine sur la Syrie et l'État islamique ?",
        ])
        .assert()
        .success()
        .stdout(predicates::str::contains("[1]"))
        .stderr(predicates::str::contains(
            "the question: it reads as French",
        ));
}

#[test]
fn documents_already_read_are_not_told_again() {
    let dir = tempfile::tempdir().expect("a folder");
    let texts = crate::util::g20_texts();
    let (old, new) = texts.split_at(2);
    for (name, text) in old {
        std::fs::write(dir.path().join(format!("old-{name}")), text).unwrap();
    }
    let g20 = g20_path();
    let read: Vec<String> = old
        .iter()
        .map(|(name, _)| dir.path().join(format!("old-{name}")).display().to_string())
        .collect();
    let mut args = vec!["brief", g20.as_str(), "-f", "json", "--words", "200"];
    for path in &read {
        args.extend(["--since", path.as_str()]);
    }
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&args)).expect("JSON");
    assert_eq!(json["overview"]["already_read"], 2);
    let documents = json["documents"].as_array().expect("documents");
    // The five inputs, then the two read; the inputs with the same text as
    // a read one are marked, and nothing cites them.
    assert_eq!(documents.len(), 7);
    for (document, (name, _)) in documents.iter().zip(&texts) {
        let read_before = old.iter().any(|(n, _)| n == name);
        assert_eq!(document["already_read"] == true, read_before, "{document}");
        if read_before {
            assert_eq!(document["cited"], false, "{document}");
        }
    }
    assert!(documents[5..].iter().all(|d| d["already_read"] == true));
    for sentence in json["sentences"].as_array().expect("sentences") {
        for source in sentence["sources"].as_array().expect("sources") {
            let id = source["document"].as_str().expect("an id");
            assert!(
                new.iter().any(|(name, _)| name == id),
                "{id} was read before: {sentence}"
            );
        }
    }
}

#[test]
fn since_the_same_documents_nothing_is_new_and_it_says_so() {
    let g20 = g20_path();
    for format in ["markdown", "text"] {
        let out = stdout_of(&["brief", &g20, "--since", &g20, "-f", format]);
        assert!(
            out.contains(
                "Nothing new: everything these documents say was in the 5 documents already read."
            ),
            "{out}"
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["brief", &g20, "--since", &g20, "-f", "json"]))
            .expect("JSON");
    assert_eq!(json["nothing_new"], true);
    assert_eq!(json["sentences"].as_array().map(Vec::len), Some(0));
}

#[test]
fn an_earlier_briefing_counts_as_read() {
    let dir = tempfile::tempdir().expect("a folder");
    let g20 = g20_path();
    let monday = dir.path().join("monday.json");
    let briefing = stdout_of(&["brief", &g20, "-f", "json"]);
    std::fs::write(&monday, briefing).unwrap();
    let monday = monday.display().to_string();
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&[
        "brief", &g20, "--since", &monday, "-f", "json",
    ]))
    .expect("JSON");
    assert_eq!(json["nothing_new"], true, "{json}");
}

#[test]
fn a_since_file_that_is_no_briefing_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("a folder");
    for (name, content, reason) in [
        (
            "other.json",
            r#"{"schema": "precis.other/2"}"#,
            "its schema is \"precis.other/2\"",
        ),
        ("list.json", "[1, 2]", "it has no \"schema\""),
        ("broken.json", "{", "not JSON"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        precis()
            .args(["brief", &g20_path(), "--since", &path.display().to_string()])
            .assert()
            .code(2)
            .stderr(predicates::str::contains(name))
            .stderr(predicates::str::contains("not a precis briefing"))
            .stderr(predicates::str::contains(reason));
    }
}

#[test]
fn batch_records_carry_a_question_and_what_was_read() {
    let texts = crate::util::g20_texts();
    let docs: Vec<serde_json::Value> = texts
        .iter()
        .map(|(name, text)| serde_json::json!({"id": name, "text": text}))
        .collect();
    let input = [
        serde_json::json!({"id": "asked", "docs": docs, "query": QUESTION}),
        serde_json::json!({"id": "read", "docs": docs, "since": docs}),
    ]
    .map(|r| r.to_string())
    .join("\n");
    let output = precis()
        .arg("batch")
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines = crate::util::json_lines(&output);
    assert_eq!(lines[0]["query"], QUESTION);
    assert!(lines[0]["sentences"][0]["relevance"].is_f64());
    assert_eq!(lines[1]["nothing_new"], true);
    assert_eq!(lines[1]["overview"]["already_read"], 5);
}
