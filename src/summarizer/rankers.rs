//! Built-in systems for `precis eval`: precis itself and the baselines it is
//! measured against.
//!
//! Every system starts from the same [`Prepared`] cluster (same ingestion,
//! cleaning, sentence splitting, repeats merged, same TF-IDF vectors) and the
//! same length filter, so that differences in scores come from ranking and
//! selection alone:
//!
//! | system | ranking | selection |
//! |---|---|---|
//! | `precis` | the full pipeline ([`Summarizer`]) | MMR, near-duplicates removed |
//! | `lead` | first sentence of each document, then the second of each... | in that order |
//! | `random` | seeded per cluster | in that order |
//! | `textrank` | PageRank on the cosine graph, uniform teleport, no position prior | by score, no redundancy filter |
//! | `lexrank` | PageRank on the cosine graph cut at 0.1 with unit edges | by score, near-duplicates removed |
//! | `centroid` | cosine to the cluster's TF-IDF centroid | by score, near-duplicates removed |

use crate::graph::{self, GraphConfig};
use crate::select::{Objective, SelectConfig};
use crate::summarizer::{Prepared, Ranked, Summarizer};
use crate::summary::Summary;

/// A summarizer `precis eval` can run on every cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BuiltinSystem {
    /// precis: the full pipeline.
    Precis,
    /// Leading sentences, round-robin over documents.
    Lead,
    /// Random sentences (seeded).
    Random,
    /// Plain TextRank: PageRank, no prior, no redundancy filter.
    TextRank,
    /// LexRank: thresholded (0.1), unweighted similarity graph.
    LexRank,
    /// Centroid: similarity to the cluster centroid.
    Centroid,
}

impl BuiltinSystem {
    /// Every built-in system, precis first.
    pub const ALL: [BuiltinSystem; 6] = [
        BuiltinSystem::Precis,
        BuiltinSystem::Lead,
        BuiltinSystem::Random,
        BuiltinSystem::TextRank,
        BuiltinSystem::LexRank,
        BuiltinSystem::Centroid,
    ];

    /// The system's name in tables and folders.
    pub fn name(self) -> &'static str {
        match self {
            BuiltinSystem::Precis => "precis",
            BuiltinSystem::Lead => "lead",
            BuiltinSystem::Random => "random",
            BuiltinSystem::TextRank => "textrank",
            BuiltinSystem::LexRank => "lexrank",
            BuiltinSystem::Centroid => "centroid",
        }
    }

    /// The system called `name`, if any.
    pub fn parse(name: &str) -> Option<BuiltinSystem> {
        Self::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(name))
    }

    /// Summarizes a prepared cluster. `summarizer` supplies precis's settings
    /// (budget and length filter included); `seed` drives `random`.
    pub fn summarize(self, summarizer: &Summarizer, prepared: &Prepared<'_>, seed: u64) -> Summary {
        let config = summarizer.config();
        // Baselines keep precis's budget and length filter, nothing else: they
        // take sentences in score order, with no lead tier and no preference
        // for sentences that stand alone.
        let plain = SelectConfig {
            objective: Objective::Mmr,
            lambda: 1.0,
            near_duplicate: f64::INFINITY,
            standalone_weight: 1.0,
            ..config.select
        };
        let filtered = SelectConfig {
            near_duplicate: SelectConfig::default().near_duplicate,
            ..plain
        };
        match self {
            BuiltinSystem::Precis => {
                let ranked = summarizer.rank(prepared);
                summarizer.choose(prepared, &ranked, &config.select)
            }
            BuiltinSystem::Lead => {
                let docs = prepared.documents.len().max(1) as f64;
                let scores = prepared
                    .groups
                    .iter()
                    .zip(&prepared.positions)
                    .map(|(g, &p)| {
                        let doc = prepared.segmented.sentences[g.representative as usize].doc;
                        -(p as f64 * docs + doc as f64)
                    })
                    .collect();
                summarizer.choose_in_one_tier(prepared, &Ranked::from_scores(scores), &plain)
            }
            BuiltinSystem::Random => {
                let mut state = seed ^ 0x9E37_79B9_7F4A_7C15;
                let scores = (0..prepared.groups.len())
                    .map(|_| next_random(&mut state))
                    .collect();
                summarizer.choose_in_one_tier(prepared, &Ranked::from_scores(scores), &plain)
            }
            BuiltinSystem::TextRank => {
                let ranked = pagerank(prepared, &config.graph, summarizer);
                summarizer.choose_in_one_tier(prepared, &ranked, &plain)
            }
            BuiltinSystem::LexRank => {
                let graph = GraphConfig {
                    threshold: 0.1,
                    binary: true,
                    ..config.graph
                };
                let ranked = pagerank(prepared, &graph, summarizer);
                summarizer.choose_in_one_tier(prepared, &ranked, &filtered)
            }
            BuiltinSystem::Centroid => {
                let scores = centroid_scores(prepared);
                summarizer.choose_in_one_tier(prepared, &Ranked::from_scores(scores), &filtered)
            }
        }
    }
}

/// PageRank with a uniform teleport (no priors).
fn pagerank(prepared: &Prepared<'_>, config: &GraphConfig, summarizer: &Summarizer) -> Ranked {
    let graph = graph::build(&prepared.vectors.rows, prepared.n_terms, config);
    let ranking = graph::pagerank(&graph, &[], &summarizer.config().pagerank);
    Ranked::from_pagerank(&graph, ranking)
}

/// Cosine of each group's vector with the centroid of all sentences (each
/// occurrence counted).
fn centroid_scores(prepared: &Prepared<'_>) -> Vec<f64> {
    let mut centroid = vec![0.0f64; prepared.n_terms];
    for (row, group) in prepared.vectors.rows.iter().zip(&prepared.groups) {
        let weight = group.occurrences.len() as f64;
        for (&t, &w) in row.terms.iter().zip(&row.weights) {
            centroid[t as usize] += weight * w as f64;
        }
    }
    let norm = centroid
        .iter()
        .map(|w| w * w)
        .sum::<f64>()
        .sqrt()
        .max(f64::MIN_POSITIVE);
    prepared
        .vectors
        .rows
        .iter()
        .map(|row| {
            row.terms
                .iter()
                .zip(&row.weights)
                .map(|(&t, &w)| centroid[t as usize] * w as f64)
                .sum::<f64>()
                / norm
        })
        .collect()
}

/// splitmix64: a small, seeded, portable generator (same numbers everywhere).
fn next_random(state: &mut u64) -> f64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z >> 11) as f64 / (1u64 << 53) as f64
}

/// A stable seed for a cluster: the run's seed mixed with the cluster id (FNV-1a).
pub fn cluster_seed(seed: u64, cluster: &str) -> u64 {
    cluster
        .bytes()
        .fold(0xCBF2_9CE4_8422_2325u64 ^ seed, |h, b| {
            (h ^ b as u64).wrapping_mul(0x0100_0000_01B3)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Budget, Document};

    fn docs() -> Vec<Document> {
        vec![
            Document::from_text("a", "Leaders of the G20 met in Antalya on Sunday morning.\nThe talks in Antalya focused on Syria and the refugee crisis.\nSecurity was tight around the resort all week long."),
            Document::from_text("b", "The G20 summit in Antalya opened with a minute of silence.\nLeaders discussed Syria and refugees at the Antalya talks.\nMarkets barely moved during the summit in Turkey."),
        ]
    }

    #[test]
    fn every_system_summarizes_within_budget() {
        let docs = docs();
        let summarizer = Summarizer::default()
            .with_budget(Budget::Sentences(2))
            .unwrap();
        let prepared = summarizer.prepare(&docs).unwrap();
        for system in BuiltinSystem::ALL {
            let summary = system.summarize(&summarizer, &prepared, cluster_seed(1, "c"));
            assert_eq!(summary.sentences.len(), 2, "{}", system.name());
            assert_eq!(BuiltinSystem::parse(system.name()), Some(system));
        }
    }

    #[test]
    fn lead_takes_first_sentences_round_robin() {
        let docs = docs();
        let summarizer = Summarizer::default()
            .with_budget(Budget::Sentences(2))
            .unwrap();
        let prepared = summarizer.prepare(&docs).unwrap();
        let summary = BuiltinSystem::Lead.summarize(&summarizer, &prepared, 0);
        let texts: Vec<&str> = summary.sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Leaders of the G20 met in Antalya on Sunday morning.",
                "The G20 summit in Antalya opened with a minute of silence."
            ]
        );
    }

    #[test]
    fn random_depends_on_the_seed_only() {
        let docs = docs();
        let summarizer = Summarizer::default()
            .with_budget(Budget::Sentences(3))
            .unwrap();
        let prepared = summarizer.prepare(&docs).unwrap();
        let a = BuiltinSystem::Random.summarize(&summarizer, &prepared, 7);
        let b = BuiltinSystem::Random.summarize(&summarizer, &prepared, 7);
        assert_eq!(a, b);
        assert_ne!(cluster_seed(1, "x"), cluster_seed(1, "y"));
    }
}
