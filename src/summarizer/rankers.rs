//! The built-in rankers: precis's own and the baselines `precis eval`
//! measures it against.
//!
//! Every ranker starts from the same [`Prepared`] cluster (same ingestion,
//! cleaning, sentence splitting, repeats merged, same TF-IDF vectors) and the
//! same length filter, so that differences in scores come from ranking and
//! selection alone:
//!
//! | ranker | ranking | selection |
//! |---|---|---|
//! | [`Precis`] | PageRank, teleporting by documents and position | concept coverage, near-duplicates removed, held-back sentences wait |
//! | [`Lead`] | first sentence of each document, then the second of each... | in that order |
//! | [`Random`] | seeded per cluster | in that order |
//! | [`TextRank`] | PageRank on the cosine graph, uniform teleport, no position prior | by score, no redundancy filter |
//! | [`LexRank`] | PageRank on the cosine graph cut at 0.1 with unit edges | by score, near-duplicates removed |
//! | [`Centroid`] | cosine to the cluster's TF-IDF centroid | by score, near-duplicates removed |
//!
//! The baselines keep precis's budget and length filter, nothing else: they
//! take sentences in score order, in one tier, with no preference for
//! sentences that stand alone.

use std::sync::Arc;

use rayon::prelude::*;

use crate::graph::GraphConfig;
use crate::select::{Objective, SelectConfig};
use crate::summarizer::{Choice, Config, Prepared, Ranked, Ranker};

/// precis's ranking: PageRank over the cosine graph, teleporting to each
/// group in proportion to how many documents hold it and, with a position
/// bias ([`Config::position_bias`], else the language's
/// [`LeadPrior`](crate::summarizer::LeadPrior)), to how early it comes;
/// chosen by concept coverage ([`SelectConfig`]'s objective) with held-back
/// sentences waiting.
///
/// With a question, the teleport is also in proportion to each group's
/// relevance to it ([`Prepared::relevance`]) and the walk jumps there with
/// the question bias ([`QueryConfig::bias`](crate::summarizer::QueryConfig::bias)):
/// topic-sensitive LexRank; sentences that hold a quotation then score
/// less ([`QueryConfig::quotation_weight`](crate::summarizer::QueryConfig::quotation_weight)). With documents already read, each group's
/// weight falls with its similarity to what was read
/// ([`SinceConfig::novelty`](crate::summarizer::SinceConfig::novelty)).
#[derive(Debug, Clone, Copy, Default)]
pub struct Precis;

impl Ranker for Precis {
    fn name(&self) -> &str {
        "precis"
    }

    fn prior(&self, cluster: &Prepared<'_>, config: &Config) -> Vec<f64> {
        let (position_bias, _) = config.lead_prior(cluster.language());
        let relevance = cluster.relevance();
        let read = cluster.read_similarity();
        (0..cluster.len())
            .map(|g| {
                let mut weight = cluster.documents_of(g).len() as f64
                    / (1.0 + cluster.position(g) as f64).powf(position_bias);
                if let Some(relevance) = relevance {
                    weight *= relevance[g];
                }
                if let Some(read) = read {
                    weight *= (1.0 - read[g]).max(0.0).powf(config.since.novelty);
                }
                weight
            })
            .collect()
    }

    fn scores(&self, cluster: &Prepared<'_>, config: &Config, prior: &[f64]) -> Ranked {
        let (_, mut pagerank) = config.lead_prior(cluster.language());
        if cluster.relevance().is_some() {
            pagerank.damping = 1.0 - config.query.bias;
        }
        let mut ranked = Ranked::pagerank(cluster, &config.graph, &pagerank, prior);
        let quotation_weight = config.query.quotation_weight;
        if cluster.relevance().is_some() && quotation_weight != 1.0 {
            // Direct speech answers a question less often than report does.
            ranked
                .scores
                .par_iter_mut()
                .enumerate()
                .with_min_len(crate::parallel::ITEMS)
                .filter(|(g, _)| crate::text::standalone::holds_quotation(cluster.text(*g)))
                .for_each(|(_, score)| *score *= quotation_weight);
        }
        if let Some(read) = cluster.read_similarity() {
            // The walk spreads weight back onto what was read: its scores
            // fall with their likeness to it too.
            for (score, s) in ranked.scores.iter_mut().zip(read) {
                *score *= (1.0 - s).max(0.0).powf(config.since.novelty);
            }
        }
        ranked
    }
}

/// The selection of the baselines: score order, no near-duplicate filter.
fn plain(config: &Config) -> SelectConfig {
    SelectConfig {
        objective: Some(Objective::Mmr),
        lambda: 1.0,
        near_duplicate: f64::INFINITY,
        standalone_weight: 1.0,
        ..config.select
    }
}

/// Score order, near-duplicates removed.
fn filtered(config: &Config) -> SelectConfig {
    SelectConfig {
        near_duplicate: SelectConfig::default().near_duplicate,
        ..plain(config)
    }
}

/// Leading sentences, round-robin over documents: every document's first,
/// then every document's second...
#[derive(Debug, Clone, Copy, Default)]
pub struct Lead;

impl Ranker for Lead {
    fn name(&self) -> &str {
        "lead"
    }

    fn scores(&self, cluster: &Prepared<'_>, _: &Config, _: &[f64]) -> Ranked {
        let docs = cluster.documents().len().max(1) as f64;
        Ranked::from_scores(
            (0..cluster.len())
                .map(|g| -(cluster.position(g) as f64 * docs + cluster.document_of(g) as f64))
                .collect(),
        )
    }

    fn choice(&self, config: &Config) -> Choice {
        Choice::one_tier(plain(config))
    }
}

/// Random sentences, seeded by the run's seed and the cluster's id (the
/// same summary on every run and machine).
#[derive(Debug, Clone, Copy, Default)]
pub struct Random {
    /// The run's seed.
    pub seed: u64,
}

impl Ranker for Random {
    fn name(&self) -> &str {
        "random"
    }

    fn scores(&self, cluster: &Prepared<'_>, _: &Config, _: &[f64]) -> Ranked {
        let mut state = cluster_seed(self.seed, cluster.id().unwrap_or("")) ^ 0x9E37_79B9_7F4A_7C15;
        Ranked::from_scores(
            (0..cluster.len())
                .map(|_| next_random(&mut state))
                .collect(),
        )
    }

    fn choice(&self, config: &Config) -> Choice {
        Choice::one_tier(plain(config))
    }
}

/// Plain TextRank: PageRank on the cosine graph, no prior, no redundancy
/// filter.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextRank;

impl Ranker for TextRank {
    fn name(&self) -> &str {
        "textrank"
    }

    fn choice(&self, config: &Config) -> Choice {
        Choice::one_tier(plain(config))
    }
}

/// LexRank: PageRank on the cosine graph cut at 0.1, every edge weighing 1.
#[derive(Debug, Clone, Copy, Default)]
pub struct LexRank;

impl Ranker for LexRank {
    fn name(&self) -> &str {
        "lexrank"
    }

    fn scores(&self, cluster: &Prepared<'_>, config: &Config, prior: &[f64]) -> Ranked {
        let graph = GraphConfig {
            threshold: 0.1,
            binary: true,
            ..config.graph
        };
        Ranked::pagerank(cluster, &graph, &config.pagerank, prior)
    }

    fn choice(&self, config: &Config) -> Choice {
        Choice::one_tier(filtered(config))
    }
}

/// Centroid: each group's cosine to the centroid of all sentences.
#[derive(Debug, Clone, Copy, Default)]
pub struct Centroid;

impl Ranker for Centroid {
    fn name(&self) -> &str {
        "centroid"
    }

    fn scores(&self, cluster: &Prepared<'_>, _: &Config, _: &[f64]) -> Ranked {
        Ranked::from_scores(centroid_scores(cluster))
    }

    fn choice(&self, config: &Config) -> Choice {
        Choice::one_tier(filtered(config))
    }
}

/// Every built-in ranker, precis first; `seed` drives [`Random`].
pub fn builtin(seed: u64) -> Vec<Arc<dyn Ranker>> {
    vec![
        Arc::new(Precis),
        Arc::new(Lead),
        Arc::new(Random { seed }),
        Arc::new(TextRank),
        Arc::new(LexRank),
        Arc::new(Centroid),
    ]
}

/// The built-in ranker called `name` (any case), if any.
pub fn by_name(name: &str, seed: u64) -> Option<Arc<dyn Ranker>> {
    builtin(seed)
        .into_iter()
        .find(|r| r.name().eq_ignore_ascii_case(name))
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
pub(crate) fn cluster_seed(seed: u64, cluster: &str) -> u64 {
    cluster
        .bytes()
        .fold(0xCBF2_9CE4_8422_2325u64 ^ seed, |h, b| {
            (h ^ b as u64).wrapping_mul(0x0100_0000_01B3)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Budget, Document, Request, Summarizer};

    fn request(budget: Budget) -> Request {
        Request::new(vec![
            Document::from_text("a", "Leaders of the G20 met in Antalya on Sunday morning.\nThe talks in Antalya focused on Syria and the refugee crisis.\nSecurity was tight around the resort all week long."),
            Document::from_text("b", "The G20 summit in Antalya opened with a minute of silence.\nLeaders discussed Syria and refugees at the Antalya talks.\nMarkets barely moved during the summit in Turkey."),
        ])
        .with_id("c")
        .with_budget(budget)
    }

    #[test]
    fn every_ranker_summarizes_within_budget() {
        let request = request(Budget::Sentences(2));
        let summarizer = Summarizer::default();
        let prepared = summarizer.prepare(&request).unwrap();
        for ranker in builtin(1) {
            let summary = summarizer.finish(&prepared, ranker.as_ref());
            assert_eq!(summary.sentences.len(), 2, "{}", ranker.name());
            assert_eq!(by_name(ranker.name(), 1).unwrap().name(), ranker.name());
        }
        assert!(by_name("nonesuch", 1).is_none());
    }

    #[test]
    fn lead_takes_first_sentences_round_robin() {
        let request = request(Budget::Sentences(2));
        let summary = Summarizer::default()
            .with_ranker(Lead)
            .summarize(&request)
            .unwrap();
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
    fn random_depends_on_the_seed_and_cluster_only() {
        let request = request(Budget::Sentences(3));
        let summarizer = Summarizer::default();
        let prepared = summarizer.prepare(&request).unwrap();
        let a = summarizer.finish(&prepared, &Random { seed: 7 });
        let b = summarizer.finish(&prepared, &Random { seed: 7 });
        assert_eq!(a.sentences, b.sentences);
        assert_ne!(cluster_seed(1, "x"), cluster_seed(1, "y"));
    }
}
