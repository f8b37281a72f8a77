//! The ranking seam: what decides which sentence groups matter.
//!
//! A [`Ranker`] looks at a [`Prepared`] cluster and gives a teleport prior
//! (where PageRank's random walk restarts), a score for every group, and how
//! the summary is chosen from the scores ([`Choice`]). precis's own ranking
//! ([`Precis`](crate::summarizer::rankers::Precis)) and the baselines of
//! `precis eval` ([`rankers`](crate::summarizer::rankers)) are rankers; so is
//! anything a caller plugs in with
//! [`Summarizer::with_ranker`](crate::Summarizer::with_ranker).
//!
//! ```
//! use precis::summarizer::{Prepared, Ranked};
//! use precis::{Config, Document, Ranker, Request, Summarizer};
//!
//! /// Prefers long sentences: a ranker of the caller's own.
//! #[derive(Debug)]
//! struct Longest;
//!
//! impl Ranker for Longest {
//!     fn name(&self) -> &str {
//!         "longest"
//!     }
//!     fn scores(&self, cluster: &Prepared<'_>, _: &Config, _: &[f64]) -> Ranked {
//!         Ranked::from_scores((0..cluster.len()).map(|g| cluster.text(g).len() as f64).collect())
//!     }
//! }
//!
//! let request = Request::new(vec![Document::from_text(
//!     "a",
//!     "The council met. The council approved the new budget for road repairs on Monday evening.",
//! )])
//! .with_budget(precis::Budget::Sentences(1));
//! let summary = Summarizer::default().with_ranker(Longest).summarize(&request)?;
//! assert!(summary.sentences[0].text.starts_with("The council approved"));
//! # Ok::<(), precis::Error>(())
//! ```

use crate::graph::{self, GraphConfig, GraphKind, PageRankConfig};
use crate::select::SelectConfig;
use crate::summarizer::{Config, Prepared};

/// Ranks the sentence groups of a prepared cluster.
///
/// Only [`name`](Ranker::name) is required: by default a ranker is PageRank
/// over the cosine graph with a uniform prior, choosing as precis chooses.
/// Implementations must be deterministic: same cluster and settings, same
/// scores, at any thread count.
pub trait Ranker: std::fmt::Debug + Send + Sync {
    /// The name in tables and folders (`precis eval`).
    fn name(&self) -> &str;

    /// The teleport prior: one non-negative weight per group (any scale), or
    /// empty for a uniform one.
    fn prior(&self, _cluster: &Prepared<'_>, _config: &Config) -> Vec<f64> {
        Vec::new()
    }

    /// Every group's score, higher first; `prior` is what
    /// [`prior`](Ranker::prior) gave.
    fn scores(&self, cluster: &Prepared<'_>, config: &Config, prior: &[f64]) -> Ranked {
        Ranked::pagerank(cluster, &config.graph, &config.pagerank, prior)
    }

    /// How the summary is chosen from the scores.
    fn choice(&self, config: &Config) -> Choice {
        Choice::tiered(config.select)
    }
}

/// How sentences are chosen from a ranking.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Choice {
    /// Selection settings (the budget is always the request's).
    pub select: SelectConfig,
    /// Whether groups held back (past [`Config::lead_sentences`], or not
    /// standing alone) wait until the others are used up, as precis
    /// chooses; otherwise every candidate competes from the start.
    pub tiers: bool,
}

impl Choice {
    /// precis's way: held-back groups wait for the others.
    pub fn tiered(select: SelectConfig) -> Self {
        Choice {
            select,
            tiers: true,
        }
    }

    /// Every candidate competes from the start, as the baselines choose.
    pub fn one_tier(select: SelectConfig) -> Self {
        Choice {
            select,
            tiers: false,
        }
    }
}

/// Scores of every group, and how they were computed.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Ranked {
    /// One score per group (higher is more central).
    pub scores: Vec<f64>,
    /// PageRank iterations (0 when not ranked by PageRank).
    pub iterations: usize,
    /// Whether PageRank converged.
    pub converged: bool,
    /// Edges of the similarity graph.
    pub edges: usize,
    /// Whether the graph was dense.
    pub dense: bool,
    /// The graph's form.
    pub graph: GraphKind,
}

impl Ranked {
    /// PageRank over the cluster's similarity graph built with `graph`,
    /// teleporting by `prior` (empty: uniformly).
    pub fn pagerank(
        cluster: &Prepared<'_>,
        graph: &GraphConfig,
        pagerank: &PageRankConfig,
        prior: &[f64],
    ) -> Self {
        let built = graph::build(cluster.vectors(), cluster.vocabulary_size(), graph);
        let ranking = graph::pagerank(&built, prior, pagerank);
        Ranked {
            scores: ranking.scores,
            iterations: ranking.iterations,
            converged: ranking.converged,
            edges: built.edge_count(),
            dense: built.is_dense(),
            graph: built.kind(),
        }
    }

    /// Scores that did not come from a graph.
    pub fn from_scores(scores: Vec<f64>) -> Self {
        Ranked {
            scores,
            iterations: 0,
            converged: true,
            edges: 0,
            dense: true,
            graph: GraphKind::Dense,
        }
    }
}
