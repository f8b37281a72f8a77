use precis::text::sentence::split_line;

/// Splits text as the pipeline does: a line is always a boundary, then within lines.
fn split(text: &str) -> Vec<String> {
    text.split('\n')
        .flat_map(|line| {
            split_line(line)
                .into_iter()
                .map(move |span| line[span].to_owned())
        })
        .collect()
}

#[test]
fn all_shared_sentence_cases_split_right() {
    let shared = crate::require_shared!();
    let path = shared.join("notes/sentence-cases.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("readable cases"))
            .expect("valid JSON");
    let cases = json["cases"].as_array().expect("a cases array");
    assert_eq!(cases.len(), 24);
    let mut failures = Vec::new();
    for case in cases {
        let text = case["text"].as_str().expect("text");
        let expected: Vec<String> = case["sentences"]
            .as_array()
            .expect("sentences")
            .iter()
            .map(|s| s.as_str().expect("string").to_owned())
            .collect();
        let got = split(text);
        if got != expected {
            failures.push(format!(
                "{text:?}\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of 24 cases wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
