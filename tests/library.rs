//! The library's contract, as a caller that is not the CLI (a Python
//! binding, a service) relies on it: a request in, a summary out; settings
//! read from JSON; every error kind, with what it names.

use precis::select::{Objective, SelectConfig};
use precis::summarizer::{rankers, Choice, Prepared, Ranked};
use precis::{Budget, Config, Document, Error, Ranker, Request, Summarizer};

fn g20() -> Vec<Document> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpora/g20");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("the bundled corpus")
        .map(|e| e.expect("an entry").path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            Document::from_text(name, std::fs::read_to_string(p).expect("UTF-8"))
        })
        .collect()
}

#[test]
fn a_request_in_a_cited_summary_out() {
    let request = Request::new(g20())
        .with_id("g20")
        .with_budget(Budget::Words(80));
    let summary = Summarizer::default()
        .summarize(&request)
        .expect("a summary");
    assert_eq!(summary.id.as_deref(), Some("g20"));
    assert_eq!(summary.budget, Budget::Words(80));
    assert!(summary.usage.words <= 80 && !summary.sentences.is_empty());
    for sentence in &summary.sentences {
        for cite in &sentence.citations {
            let doc = &request.documents[cite.document];
            assert_eq!(&doc.text[cite.text_span.clone()], sentence.text);
        }
    }
    // The settings recorded are the ones used, and they make the same
    // summary again.
    assert_eq!(summary.settings.select.budget, Budget::Words(80));
    let again = Summarizer::new(summary.settings.clone())
        .unwrap()
        .summarize(&Request::new(g20()).with_id("g20"))
        .unwrap();
    assert_eq!(again, summary);
}

#[test]
fn the_request_budget_wins_over_the_settings_one() {
    let mut config = Config::default();
    config.select.budget = Budget::Sentences(1);
    let summarizer = Summarizer::new(config).unwrap();
    let one = summarizer.summarize(&Request::new(g20())).unwrap();
    assert_eq!(one.sentences.len(), 1);
    let three = summarizer
        .summarize(&Request::new(g20()).with_budget(Budget::Sentences(3)))
        .unwrap();
    assert_eq!(three.sentences.len(), 3);
}

#[test]
fn settings_come_from_json_and_name_what_is_wrong() {
    let config: Config =
        serde_json::from_str(r#"{"select": {"lambda": 0.4}, "lead_sentences": 3}"#).unwrap();
    assert_eq!(config.select.lambda, 0.4);
    assert_eq!(config.lead_sentences, 3);
    assert!(Summarizer::new(config).is_ok());
    let out_of_range: Config = serde_json::from_str(r#"{"select": {"lambda": 1.5}}"#).unwrap();
    match Summarizer::new(out_of_range) {
        Err(Error::Config(message)) => assert!(message.contains("lambda"), "{message}"),
        other => panic!("expected a settings error, got {other:?}"),
    }
    let not_a_number = serde_json::from_str::<Config>(r#"{"select": {"lambda": "high"}}"#)
        .unwrap_err()
        .to_string();
    assert!(not_a_number.contains("high"), "{not_a_number}");
}

#[test]
fn every_error_kind_says_why() {
    let summarizer = Summarizer::default();
    match summarizer.summarize(&Request::new(Vec::new())) {
        Err(e @ Error::NoDocuments { .. }) => assert!(e.to_string().contains("no documents")),
        other => panic!("expected NoDocuments, got {other:?}"),
    }
    let junk = Request::new(vec![Document::from_text(
        "menu.txt",
        "Home\nShare\nAbout us",
    )]);
    match summarizer.summarize(&junk) {
        Err(e @ Error::NoSentences { .. }) => assert!(e.to_string().contains("menu.txt"), "{e}"),
        other => panic!("expected NoSentences, got {other:?}"),
    }
    let zero = Request::new(g20()).with_budget(Budget::Words(0));
    match summarizer.summarize(&zero) {
        Err(e @ Error::Request(_)) => assert!(e.to_string().contains("budget"), "{e}"),
        other => panic!("expected a request error, got {other:?}"),
    }
    let mut config = Config::default();
    config.pagerank.damping = 1.0;
    assert!(matches!(Summarizer::new(config), Err(Error::Config(_))));
}

/// A ranker of the caller's own: scores by sentence length, every candidate
/// competing from the start.
#[derive(Debug)]
struct Longest;

impl Ranker for Longest {
    fn name(&self) -> &str {
        "longest"
    }

    fn scores(&self, cluster: &Prepared<'_>, _: &Config, _: &[f64]) -> Ranked {
        Ranked::from_scores(
            (0..cluster.len())
                .map(|g| cluster.text(g).len() as f64)
                .collect(),
        )
    }

    fn choice(&self, config: &Config) -> Choice {
        // No preference for sentences that stand alone, and chosen by score
        // (MMR), not by concept coverage: length only.
        Choice::one_tier(SelectConfig {
            standalone_weight: 1.0,
            objective: Some(Objective::Mmr),
            ..config.select
        })
    }
}

#[test]
fn a_callers_ranker_plugs_in() {
    let request = Request::new(g20()).with_budget(Budget::Sentences(2));
    let summarizer = Summarizer::default().with_ranker(Longest);
    assert_eq!(summarizer.ranker().name(), "longest");
    let summary = summarizer.summarize(&request).unwrap();
    let prepared = summarizer.prepare(&request).unwrap();
    // The first chosen is the longest sentence within the length limits.
    let limits = summarizer.config().select.min_words..=summarizer.config().select.max_words;
    let longest = prepared
        .candidates()
        .into_iter()
        .map(|g| prepared.text(g))
        .filter(|t| limits.contains(&precis::text::word_count(t)))
        .map(str::len)
        .max()
        .unwrap();
    let first = summary.sentences.iter().find(|s| s.rank == 1).unwrap();
    assert_eq!(first.text.len(), longest, "{}", first.text);
    // The built-in rankers run on the same prepared cluster.
    for ranker in rankers::builtin(1) {
        let summary = summarizer.finish(&prepared, ranker.as_ref());
        assert_eq!(summary.sentences.len(), 2, "{}", ranker.name());
    }
}
