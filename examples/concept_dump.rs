//! Training data for concept weights (issue 24, `scripts/concept-weights.py`):
//! for each cluster of a dataset, read generically as `precis eval` reads it
//! (no question, nothing read before), one JSON line with every sentence
//! group's content terms (stems, in text order) and words (each with its term,
//! or none for a stop word), documents, reading position,
//! word count, whether it may be chosen and stands alone, its text and
//! precis's PageRank score, and
//! each reference's terms, line by line, through the same analyzer.
//!
//! ```sh
//! cargo run --release --example concept_dump -- ../shared/corpora/duc2006 > duc2006.jsonl
//! ```

use precis::eval::Dataset;
use precis::ingest::{self, IngestOptions, Input};
use precis::summarizer::rankers::Precis;
use precis::text::token::Analyzer;
use precis::{Config, Ranker, Request, Summarizer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = std::env::args()
        .nth(1)
        .ok_or("usage: concept_dump DATASET")?;
    let dataset = Dataset::open(&root)?;
    let summarizer = Summarizer::default();
    let analyzer = Analyzer::english();
    for cluster in &dataset.clusters {
        let loaded = ingest::load(
            &[Input::Path(cluster.dir.join("docs"))],
            &IngestOptions::default(),
        )?;
        let request = Request::new(loaded.documents).with_id(cluster.id.clone());
        let Ok(prepared) = summarizer.prepare(&request) else {
            continue;
        };
        let candidates = prepared.candidates();
        let config = Config::default();
        let prior = Precis.prior(&prepared, &config);
        let scores = Precis.scores(&prepared, &config, &prior).scores;
        let groups: Vec<serde_json::Value> = (0..prepared.len())
            .map(|g| {
                serde_json::json!({
                    "terms": analyzer.text_terms(prepared.text(g)),
                    "tokens": tokens(&analyzer, prepared.text(g)),
                    "docs": prepared.documents_of(g),
                    "pos": prepared.position(g),
                    "words": precis::text::word_count(prepared.text(g)),
                    "candidate": candidates.binary_search(&g).is_ok(),
                    "alone": prepared.stands_alone(g),
                    "score": scores[g],
                    "text": prepared.text(g),
                })
            })
            .collect();
        let references: Vec<Vec<Vec<String>>> = cluster
            .read_references()?
            .iter()
            .map(|bytes| {
                String::from_utf8_lossy(bytes)
                    .lines()
                    .map(|line| analyzer.text_terms(line))
                    .collect()
            })
            .collect();
        let line = serde_json::json!({
            "id": cluster.id,
            "documents": prepared.documents().len(),
            "groups": groups,
            "references": references,
        });
        println!("{line}");
    }
    Ok(())
}

/// Every word of `text`, lower-cased, with its term (`null` for a stop word).
fn tokens(analyzer: &Analyzer, text: &str) -> Vec<(String, Option<String>)> {
    let mut buf = String::new();
    let mut out = Vec::new();
    analyzer.for_each_word(text, &mut buf, |word| {
        out.push((word.to_owned(), analyzer.term(word)));
    });
    out
}
