//! How much the large-cluster graph forms change the ranking.
//!
//! ```sh
//! python3 ../shared/peers/make_synth.py -n 20000 -o /tmp/synth-20000
//! cargo run --release --example approximation -- /tmp/synth-20000/docs [MAX_POSTINGS]
//! ```
//!
//! Ranks one cluster with the exact dense graph (every similarity, as small
//! clusters get; n² memory) and with each large-cluster form: the factored
//! graph (the default above the dense limit; exact), the sparse top-k graph
//! with sampled candidates (used with a similarity threshold or
//! `LargeGraph::TopK`) and the same top-k graph with every candidate. Prints
//! the overlap of each form's top 10 sentences (by PageRank) with the
//! reference's, the largest score difference, the time taken, and whether the
//! 100-word summaries are the same.

use std::time::Instant;

use precis::graph::{self, GraphConfig, LargeGraph};
use precis::ingest::{self, IngestOptions, Input};
use precis::{Config, Summarizer};

fn top(scores: &[f64], k: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    order.truncate(k);
    order
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: approximation CLUSTER_FOLDER");
        std::process::exit(2);
    };
    let max_postings = match std::env::args().nth(2) {
        Some(n) => n.parse()?,
        None => GraphConfig::default().max_postings,
    };
    let loaded = ingest::load(&[Input::Path(path.into())], &IngestOptions::default())?;
    let documents = loaded.documents;
    let with_graph = |graph: GraphConfig| -> Result<Summarizer, precis::Error> {
        Summarizer::new(Config {
            graph,
            ..Config::default()
        })
    };
    let exact = GraphConfig {
        dense_limit: usize::MAX,
        ..GraphConfig::default()
    };
    let reference = with_graph(exact)?;
    let prepared = reference.prepare(&documents)?;
    let n = prepared.groups.len();
    println!("{n} sentence groups, {} terms", prepared.n_terms);
    let started = Instant::now();
    let dense = reference.rank(&prepared);
    let dense_time = started.elapsed();
    let dense_top = top(&dense.scores, 10);
    let dense_summary = reference.choose(&prepared, &dense, &reference.config().select);
    // The exhaustive top-k graph: what the sampled one approximates.
    let exhaustive = with_graph(GraphConfig {
        dense_limit: 0,
        large: LargeGraph::TopK,
        max_postings: usize::MAX,
        ..GraphConfig::default()
    })?
    .rank(&prepared);
    let exhaustive_top = top(&exhaustive.scores, 10);
    println!(
        "| graph | kind | edges held | rank time (s) | top-10 overlap with dense | with exhaustive top-k | max score difference from dense | same summary as dense |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---|");
    println!(
        "| dense, exact (reference) | {:?} | {} | {:.2} | 10/10 | {}/10 | 0 | yes |",
        graph::GraphKind::Dense,
        dense.edges,
        dense_time.as_secs_f64(),
        dense_top
            .iter()
            .filter(|i| exhaustive_top.contains(i))
            .count()
    );
    let forms = [
        (
            "factored (default above the dense limit)",
            GraphConfig::default(),
        ),
        (
            "top-k, sampled candidates",
            GraphConfig {
                large: LargeGraph::TopK,
                max_postings,
                ..GraphConfig::default()
            },
        ),
        (
            "top-k, every candidate",
            GraphConfig {
                large: LargeGraph::TopK,
                max_postings: usize::MAX,
                ..GraphConfig::default()
            },
        ),
    ];
    for (name, config) in forms {
        let config = GraphConfig {
            dense_limit: 0,
            ..config
        };
        let summarizer = with_graph(config)?;
        let started = Instant::now();
        let ranked = summarizer.rank(&prepared);
        let time = started.elapsed();
        let form_top = top(&ranked.scores, 10);
        let overlap = form_top.iter().filter(|i| dense_top.contains(i)).count();
        let overlap_top_k = form_top
            .iter()
            .filter(|i| exhaustive_top.contains(i))
            .count();
        let difference = ranked
            .scores
            .iter()
            .zip(&dense.scores)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        let summary = summarizer.choose(&prepared, &ranked, &summarizer.config().select);
        let same = summary
            .sentences
            .iter()
            .map(|s| &s.text)
            .eq(dense_summary.sentences.iter().map(|s| &s.text));
        println!(
            "| {name} | {:?} | {} | {:.2} | {overlap}/10 | {overlap_top_k}/10 | {difference:.2e} | {} |",
            ranked.graph,
            ranked.edges,
            time.as_secs_f64(),
            if same { "yes" } else { "no" }
        );
    }
    Ok(())
}
