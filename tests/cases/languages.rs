//! Languages: detection on short texts and on the fixture clusters, analysis
//! per language (stems merge inflections, stop words never become terms),
//! whole sentences in every briefing, mixed clusters, and `--language`.
//!
//! Fixtures (written for these tests): `tests/fixtures/languages/paragraphs/`
//! holds one news paragraph in each of 25 languages, named by ISO 639-1 code;
//! `tests/fixtures/languages/clusters/<code>/` three news-like documents on
//! one story in each of 10 languages.

use std::path::PathBuf;

use precis::text::token::{segment::Segmenter, Analyzer};
use precis::{Document, Language, Summarizer};

use crate::util::{precis, repo, stdout_of};

fn fixtures() -> PathBuf {
    repo().join("tests/fixtures/languages")
}

/// (code, text) of every file in a fixture folder, by name.
fn texts(dir: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(fixtures().join(dir))
        .expect("fixture folder")
        .map(|e| {
            let path = e.expect("entry").path();
            let code = path.file_stem().unwrap().to_string_lossy().into_owned();
            (code, std::fs::read_to_string(&path).expect("UTF-8 fixture"))
        })
        .collect();
    out.sort();
    out
}

fn cluster_codes() -> Vec<String> {
    let mut codes: Vec<String> = std::fs::read_dir(fixtures().join("clusters"))
        .expect("clusters folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    codes.sort();
    codes
}

fn cluster(code: &str) -> Vec<Document> {
    texts(&format!("clusters/{code}"))
        .into_iter()
        .map(|(name, text)| Document::from_text(name, text))
        .collect()
}

#[test]
fn one_paragraph_is_enough_in_25_languages() {
    let paragraphs = texts("paragraphs");
    assert!(paragraphs.len() >= 25);
    for (code, text) in &paragraphs {
        assert_eq!(Language::detect(text).code(), code, "{text}");
        // Its first sentence alone, too.
        let first = text
            .split_inclusive(['.', '。', '।'])
            .next()
            .expect("a sentence");
        assert_eq!(Language::detect(first).code(), code, "{first}");
    }
}

#[test]
fn fixture_clusters_are_detected_in_at_least_eight_languages() {
    let codes = cluster_codes();
    assert!(codes.len() >= 8, "{codes:?}");
    for code in &codes {
        let json: serde_json::Value = serde_json::from_str(&stdout_of(&[
            "brief",
            &format!("tests/fixtures/languages/clusters/{code}"),
            "--format",
            "json",
        ]))
        .expect("JSON");
        let documents = json["documents"].as_array().expect("documents");
        assert_eq!(documents.len(), 3);
        for doc in documents {
            assert_eq!(doc["language"], code.as_str(), "{doc}");
        }
    }
}

/// Inflected forms from the fixtures that the language's stemmer must merge.
const INFLECTIONS: &[(&str, &str, &str)] = &[
    ("de", "Hochwasser", "Hochwassers"),
    ("es", "vecinos", "vecina"),
    ("fr", "syndicat", "syndicats"),
    ("it", "Scossa", "scosse"),
    ("nl", "storm", "stormen"),
    ("pt", "chuvas", "chuva"),
    ("ru", "снегопад", "снегопада"),
    ("tr", "yağmur", "yağmurların"),
];

#[test]
fn inflections_merge_under_the_stemmer() {
    for &(code, a, b) in INFLECTIONS {
        let all: String = cluster(code).iter().map(|d| d.text.as_str()).collect();
        assert!(all.contains(a) && all.contains(b), "{code}: {a} / {b}");
        let analyzer = Analyzer::for_language(Language::from_code(code).unwrap());
        let (ta, tb) = (analyzer.text_terms(a), analyzer.text_terms(b));
        assert_eq!(ta.len(), 1, "{code}: {a} -> {ta:?}");
        assert_eq!(ta, tb, "{code}: {a} / {b}");
    }
}

#[test]
fn no_stop_word_is_a_term_and_every_chosen_sentence_is_whole() {
    let summarizer = Summarizer::default();
    for code in cluster_codes() {
        let request = precis::Request::new(cluster(&code));
        let docs = &request.documents;
        let prepared = summarizer.prepare(&request).expect("sentences");
        let language = Language::from_code(&code).unwrap();
        assert_eq!(prepared.language(), language);
        let stop: Vec<&str> = stop_words::lookup(code.as_str())
            .unwrap_or_default()
            .to_vec();
        assert!(!stop.is_empty(), "{code} has stop words");
        // Concepts are made of terms: no stop word of the text may give one.
        // Words are what the language's segmenter makes of a run of letters
        // (in Chinese a run is a clause; with `chinese-words`, its words).
        let analyzer = Analyzer::for_language(language);
        let segmenter = Segmenter::for_language(language);
        let mut stop_seen = 0;
        for doc in docs {
            analyzer.for_each_word(&doc.text, &mut String::new(), |run| {
                let mut words = Vec::new();
                segmenter.split(run, &mut words);
                for word in words.iter().filter(|w| stop.contains(&w.as_str())) {
                    stop_seen += 1;
                    let mut terms = Vec::new();
                    analyzer.terms(word, &mut terms);
                    assert!(
                        terms.is_empty(),
                        "{code}: stop word {word:?} gives {terms:?}"
                    );
                }
            });
        }
        // Without a dictionary, Chinese is read as character pairs, and pairs
        // are rarely stop words.
        assert!(
            stop_seen > 0 || (code == "zh" && !cfg!(feature = "chinese-words")),
            "{code}: the fixture holds stop words"
        );
        let summary = summarizer.summarize(&request).expect("summary");
        assert!(!summary.sentences.is_empty());
        for sentence in &summary.sentences {
            let text = sentence.text.trim();
            assert!(
                precis::text::clean::has_final_punctuation(text),
                "{code}: unfinished {text:?}"
            );
            let first = text.chars().next().unwrap();
            assert!(
                !first.is_lowercase(),
                "{code}: starts mid-sentence {text:?}"
            );
        }
    }
}

#[test]
fn a_mixed_cluster_reads_each_document_in_its_own_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    for code in ["de", "fr", "ru"] {
        let (_, text) = texts(&format!("clusters/{code}")).remove(0);
        std::fs::write(dir.path().join(format!("{code}.txt")), text).unwrap();
    }
    let out = stdout_of(&["brief", dir.path().to_str().unwrap(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let languages: Vec<(&str, &str)> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["id"].as_str().unwrap(), d["language"].as_str().unwrap()))
        .collect();
    assert_eq!(
        languages,
        [("de.txt", "de"), ("fr.txt", "fr"), ("ru.txt", "ru")]
    );
}

#[test]
fn language_flag_overrides_detection_and_unknown_codes_are_refused() {
    let out = stdout_of(&[
        "brief",
        "tests/fixtures/languages/clusters/de",
        "--format",
        "json",
        "--language",
        "nl",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    for doc in json["documents"].as_array().unwrap() {
        assert_eq!(doc["language"], "nl");
    }
    assert_eq!(json["parameters"]["language"], "nl");
    precis()
        .args(["brief", "corpora/g20", "--language", "xx"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("unknown language code 'xx'"));
}

#[test]
fn batch_records_and_documents_give_their_language() {
    let input = concat!(
        r#"{"id": "r", "language": "fr", "docs": [{"text": "Der Regen fiel. Die Stadt stand unter Wasser."}, {"text": "Il pleut. La ville est inondée.", "language": "es"}]}"#,
        "\n",
        r#"{"id": "bad", "language": "klingon", "docs": [{"text": "One. Two."}]}"#,
        "\n"
    );
    let output = precis()
        .args(["batch", "--sentences", "1"])
        .write_stdin(input)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let records = crate::util::json_lines(&output.stdout);
    let languages: Vec<&str> = records[0]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["language"].as_str().unwrap())
        .collect();
    assert_eq!(languages, ["fr", "es"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("unknown language code 'klingon'"),
        "{stderr}"
    );
}

#[test]
fn read_reports_each_documents_language() {
    let out = stdout_of(&[
        "read",
        "tests/fixtures/languages/clusters/de/a.txt",
        "tests/fixtures/languages/clusters/zh/a.txt",
    ]);
    let languages: Vec<String> = crate::util::json_lines(out.as_bytes())
        .iter()
        .map(|r| r["language"].as_str().expect("language").to_owned())
        .collect();
    assert_eq!(languages, ["de", "zh"]);
}
