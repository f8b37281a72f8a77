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
use precis::summarizer::{rankers::Precis, Prepared, Ranked};
use precis::{Config, Ranker, Request, Summarizer};

/// precis's ranking over another form of the similarity graph.
#[derive(Debug)]
struct WithGraph(GraphConfig);

impl Ranker for WithGraph {
    fn name(&self) -> &str {
        "precis, another graph"
    }

    fn prior(&self, cluster: &Prepared<'_>, config: &Config) -> Vec<f64> {
        Precis.prior(cluster, config)
    }

    fn scores(&self, cluster: &Prepared<'_>, config: &Config, prior: &[f64]) -> Ranked {
        let (_, pagerank) = config.lead_prior(cluster.language());
        Ranked::pagerank(cluster, &self.0, &pagerank, prior)
    }
}

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
    let request = Request::new(loaded.documents);
    let summarizer = Summarizer::default();
    let config = summarizer.config();
    let prepared = summarizer.prepare(&request)?;
    let prior = Precis.prior(&prepared, config);
    let rank = |graph: GraphConfig| WithGraph(graph).scores(&prepared, config, &prior);
    println!(
        "{} sentence groups, {} terms",
        prepared.len(),
        prepared.vocabulary_size()
    );
    let exact = GraphConfig {
        dense_limit: usize::MAX,
        ..GraphConfig::default()
    };
    let started = Instant::now();
    let dense = rank(exact);
    let dense_time = started.elapsed();
    let dense_top = top(&dense.scores, 10);
    let dense_summary = summarizer.finish(&prepared, &WithGraph(exact));
    // The exhaustive top-k graph: what the sampled one approximates.
    let exhaustive = rank(GraphConfig {
        dense_limit: 0,
        large: LargeGraph::TopK,
        max_postings: usize::MAX,
        ..GraphConfig::default()
    });
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
        let started = Instant::now();
        let ranked = rank(config);
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
        let summary = summarizer.finish(&prepared, &WithGraph(config));
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
