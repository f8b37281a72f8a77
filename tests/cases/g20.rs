//! The bundled G20 corpus at the default 100 words: golden output, and the
//! promises of the JSON output checked one by one.

use std::collections::BTreeSet;

use crate::util::{repo, stdout_of};

fn brief(format: &str) -> String {
    stdout_of(&["brief", "corpora/g20", "--format", format])
}

fn g20_json() -> serde_json::Value {
    serde_json::from_str(&brief("json")).expect("valid JSON")
}

/// The lowercase content words of a sentence (a check independent of the library's analyzer).
fn content_words(text: &str) -> BTreeSet<String> {
    const STOP: &[&str] = &[
        "the", "a", "an", "of", "in", "on", "to", "and", "or", "that", "with", "for", "at", "is",
        "was", "as", "by", "his", "its", "has", "be", "it",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1)
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect()
}

/// Letters and digits, lower-cased: what repeats of a sentence share.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Compares a g20 briefing with its golden file in tests/golden/ (rewritten
/// under `PRECIS_BLESS=1`).
fn check_golden(format: &str, file: &str) {
    let actual = brief(format);
    let golden = repo().join("tests/golden").join(file);
    if std::env::var_os("PRECIS_BLESS").is_some() {
        std::fs::write(&golden, &actual).expect("write golden file");
    }
    let expected = std::fs::read_to_string(&golden)
        .unwrap_or_else(|_| panic!("tests/golden/{file} (run with PRECIS_BLESS=1 to create)"));
    assert_eq!(
        actual, expected,
        "the g20 {format} briefing changed; review it and re-bless with PRECIS_BLESS=1"
    );
}

#[test]
fn golden_markdown_briefing() {
    check_golden("markdown", "g20.md");
}

/// The page itself is checked in a browser by tests/cases/browser.rs.
#[test]
fn golden_html_briefing() {
    check_golden("html", "g20.html");
}

#[test]
fn every_sentence_is_cited_and_every_span_holds_its_text() {
    let json = g20_json();
    let sentences = json["sentences"].as_array().expect("sentences");
    assert!(sentences.len() >= 2, "too few sentences: {json}");
    for s in sentences {
        let text = s["text"].as_str().expect("text");
        let sources = s["sources"].as_array().expect("sources");
        assert!(!sources.is_empty(), "uncited: {text}");
        // The text is verbatim in its first source; a sentence repeated in
        // other documents is the same words there, quotes and case aside.
        for (k, source) in sources.iter().enumerate() {
            let path = repo().join(source["path"].as_str().expect("path"));
            let bytes = std::fs::read(&path).expect("cited file is readable");
            let span = source["span"].as_array().expect("span");
            let (start, end) = (
                span[0].as_u64().expect("start") as usize,
                span[1].as_u64().expect("end") as usize,
            );
            let cited = &bytes[start..end];
            if k == 0 {
                assert_eq!(
                    cited,
                    text.as_bytes(),
                    "span {start}..{end} of {}",
                    path.display()
                );
            } else {
                assert_eq!(
                    words(&String::from_utf8_lossy(cited)),
                    words(text),
                    "span {start}..{end} of {}",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn no_junk_and_nothing_said_twice() {
    let json = g20_json();
    let texts: Vec<&str> = json["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .map(|s| s["text"].as_str().expect("text"))
        .collect();
    let junk = [
        "Share",
        "Advertisement",
        "Close",
        "What's Hot",
        "What’s Hot",
    ];
    for text in &texts {
        assert!(
            !junk.iter().any(|j| text.trim() == *j),
            "junk line chosen: {text}"
        );
        assert!(
            text.split_whitespace().count() >= 6,
            "fragment chosen: {text}"
        );
        assert!(
            text.trim_end_matches(['"', '”', '’', '\''])
                .ends_with(['.', '!', '?']),
            "not a sentence: {text}"
        );
    }
    for (i, a) in texts.iter().enumerate() {
        for b in &texts[i + 1..] {
            let (wa, wb) = (content_words(a), content_words(b));
            let shared = wa.intersection(&wb).count();
            let overlap = shared as f64 / wa.len().min(wb.len()) as f64;
            assert!(
                overlap < 0.7,
                "near-duplicates chosen ({overlap:.2}):\n  {a}\n  {b}"
            );
        }
    }
}

#[test]
fn budget_is_100_words_and_not_exceeded() {
    let json = g20_json();
    assert_eq!(json["budget"]["unit"], "words");
    assert_eq!(json["budget"]["limit"], 100);
    let words: u64 = json["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .map(|s| s["text"].as_str().expect("text").split_whitespace().count() as u64)
        .sum();
    assert_eq!(json["usage"]["words"].as_u64(), Some(words));
    assert!((60..=100).contains(&words), "used {words} words");
}
