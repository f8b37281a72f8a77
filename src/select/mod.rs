//! Select: compose a non-redundant summary under a budget.
//!
//! Two objectives share the same pool and the same rules:
//!
//! - [`Objective::Coverage`] (the default for English, `coverage.rs`): greedy budgeted
//!   coverage of the cluster's concepts (`concepts.rs`) (content words and
//!   word pairs weighted by the documents that mention them, squared) plus
//!   centrality, by gain per word;
//! - [`Objective::Mmr`] (the default for other languages, `mmr.rs`): Maximal Marginal Relevance on the
//!   centrality scores: each step takes the sentence with the best
//!   `λ · relevance − (1 − λ) · redundancy`.
//!
//! MMR was the default until long English newswire could be tuned on
//! (duc2006 and duc2007-update-dev, read generically): there coverage with
//! concepts weighed by documents² is ahead on every view (100 and 250 words,
//! 10 and 25 documents) and level on Multi-News at 300 words
//! (`docs/quality-log.md`, issue 24). `--objective mmr` keeps the old
//! selection.
//!
//! The pool is the best-scored candidates within the length limits, at most
//! [`SelectConfig::pool`] of them, which bounds the cost on huge clusters;
//! when it must leave some out, it leaves out near-duplicates of better ones
//! first, so that a flood of one sentence cannot crowd out everything else.
//! Near-duplicates are never both chosen: the same words in any case or
//! punctuation, or content-word sets that overlap beyond
//! [`SelectConfig::near_duplicate`]. Fragments too short to stand alone and
//! run-ons too long to read are skipped, and so is anything that would
//! overflow the budget.

pub mod budget;
mod concepts;
mod coverage;
mod duplicates;
mod mmr;
mod pool;

pub use budget::{Budget, Usage};
pub use duplicates::near_duplicate;
pub use pool::pool;
pub(crate) use pool::Pool;

use crate::vectors::SparseVector;

/// One sentence that may be chosen.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    /// Its centrality score (higher is better).
    pub score: f64,
    /// The factor on its concept gain under [`Objective::Coverage`] (1: none);
    /// the pipeline gives a sentence that does not stand alone the standalone
    /// weight, which its score already carries, so that its whole gain is
    /// weighed down.
    pub weight: f64,
    /// Its text, as it will be shown.
    pub text: &'a str,
    /// Its TF-IDF vector (terms are its content-word set).
    pub vector: &'a SparseVector,
    /// Its content terms in text order (repeats kept), for concepts.
    pub terms: &'a [u32],
}

/// The whole cluster, as concept weights need it: every sentence group's
/// content terms in text order and the documents it occurs in (aligned),
/// and optionally how much each group's mention of a concept counts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// Each group's content terms in text order.
    pub terms: &'a [Vec<u32>],
    /// The documents each group occurs in.
    pub documents: &'a [Vec<u32>],
    /// How much each group's mention counts (0-1, aligned with `terms`): a
    /// concept then weighs, in each document, its best mention there,
    /// rather than 1. Empty: every mention counts 1.
    pub mention_weights: &'a [f64],
}

/// What the selection optimises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Objective {
    /// Concept coverage plus centrality, by gain per word (`select/coverage.rs`).
    Coverage,
    /// Maximal Marginal Relevance on the centrality scores (`select/mmr.rs`).
    Mmr,
}

/// Settings of [`Objective::Coverage`].
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct CoverageConfig {
    /// Concepts mentioned by fewer documents weigh nothing (capped at the
    /// cluster's document count).
    pub min_documents: usize,
    /// A concept weighs `documents^document_exponent`.
    pub document_exponent: f64,
    /// Weight of single content words as concepts, relative to bigrams (0: bigrams only).
    pub unigram_weight: f64,
    /// Weight `μ` of centrality (the score relative to the best) beside coverage.
    pub centrality: f64,
    /// A candidate's gain is divided by `words^length_exponent`.
    pub length_exponent: f64,
}

impl Default for CoverageConfig {
    fn default() -> Self {
        CoverageConfig {
            min_documents: 2,
            document_exponent: 2.0,
            unigram_weight: 0.6,
            centrality: 0.5,
            length_exponent: 0.4,
        }
    }
}

/// Selection settings.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct SelectConfig {
    /// The length budget.
    pub budget: Budget,
    /// What the selection optimises. `None` leaves it to the cluster's
    /// language ([`LeadPrior::objective`](crate::summarizer::LeadPrior)):
    /// coverage for English, MMR elsewhere; [`select`] alone reads it as
    /// coverage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub objective: Option<Objective>,
    /// Settings of the coverage objective.
    pub coverage: CoverageConfig,
    /// MMR trade-off: 1.0 ranks by score alone, lower values favour diversity.
    pub lambda: f64,
    /// Sentences with fewer words are fragments and never chosen.
    pub min_words: usize,
    /// Sentences with more words are never chosen.
    pub max_words: usize,
    /// Content-word overlap (shared terms over the smaller set) at or above
    /// which two sentences are near-duplicates.
    pub near_duplicate: f64,
    /// Only this many of the best-scored candidates are considered (bounds the
    /// cost on huge clusters); past the cap, near-duplicates of a better one
    /// do not take up room.
    pub pool: usize,
    /// Let the last sentence run past the budget, for benchmarks whose scorer
    /// cuts every summary at the budget (ROUGE `-l`/`-b`), as published systems
    /// are evaluated. `precis brief` never sets it: its summaries never exceed
    /// the budget.
    pub overflow: bool,
    /// The factor on the score of a sentence that does not stand alone (it
    /// opens with a pronoun or connective that points back, or cuts a
    /// quotation: [`crate::text::standalone`]), and under coverage on its
    /// concept gain too ([`Candidate::weight`]); 1 ignores it. Below 1 such
    /// sentences are also held back with those past the lead
    /// ([`crate::Config::lead_sentences`]).
    pub standalone_weight: f64,
}

/// The default [`SelectConfig::standalone_weight`]. First chosen (0.65) on
/// multinews-val at 100 words with MMR: the weakest preference that kept
/// dangling openings under 3% of chosen sentences. With the coverage objective
/// it weighs a sentence's whole gain (concepts and centrality), and 0.35 is the
/// weakest that keeps the share of dangling openings no higher than MMR's at
/// 0.65 (multinews-val, 300 words: 7.7% before; 0.5: 8.1%, 0.4: 7.74%, 0.35:
/// 7.5%; 100 words: 0.5% before, 0.4% at 0.35), `docs/quality-log.md`.
pub const STANDALONE_WEIGHT: f64 = 0.35;

impl Default for SelectConfig {
    fn default() -> Self {
        SelectConfig {
            budget: Budget::default(),
            objective: None,
            coverage: CoverageConfig::default(),
            lambda: 0.6,
            min_words: 6,
            max_words: 80,
            near_duplicate: 0.7,
            pool: 2000,
            overflow: false,
            standalone_weight: STANDALONE_WEIGHT,
        }
    }
}
/// The chosen candidates, in the order they were chosen (best first).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    /// Indices into the candidate slice.
    pub chosen: Vec<usize>,
    /// How much of the budget they use.
    pub usage: Usage,
    /// Whether some candidate was left out for want of room (rather than
    /// chosen or set aside as a near-duplicate).
    pub crowded: bool,
}

/// Chooses candidates until nothing else fits the budget. `context` is the
/// whole cluster, for concept weights ([`Objective::Coverage`]; an empty
/// context leaves centrality alone).
///
/// ```
/// use precis::select::{select, Budget, Candidate, Context, SelectConfig};
/// use precis::vectors::SparseVector;
/// let v = |t: &[u32]| SparseVector { terms: t.to_vec(), weights: vec![1.0 / (t.len() as f32).sqrt(); t.len()] };
/// let (a, b, c) = (v(&[0, 1, 2]), v(&[0, 1, 2]), v(&[3, 4, 5]));
/// let candidates = [
///     Candidate { score: 0.5, weight: 1.0, text: "Leaders met in Antalya on Sunday.", vector: &a, terms: &[0, 1, 2] },
///     Candidate { score: 0.4, weight: 1.0, text: "Leaders met in Antalya on Sunday!", vector: &b, terms: &[0, 1, 2] },
///     Candidate { score: 0.1, weight: 1.0, text: "Markets were calm all week long.", vector: &c, terms: &[3, 4, 5] },
/// ];
/// let config = SelectConfig { budget: Budget::Sentences(2), min_words: 1, ..Default::default() };
/// assert_eq!(select(&candidates, &Context::default(), &config).chosen, [0, 2]);
/// ```
pub fn select(
    candidates: &[Candidate<'_>],
    context: &Context<'_>,
    config: &SelectConfig,
) -> Selection {
    let pool = Pool::new(candidates, config);
    match config.objective.unwrap_or(Objective::Coverage) {
        Objective::Mmr => mmr::select(candidates, &pool, config),
        Objective::Coverage => {
            let terms: Vec<&[u32]> = pool.items.iter().map(|&i| candidates[i].terms).collect();
            let concepts = concepts::build(&terms, context, &config.coverage);
            coverage::select(candidates, &pool, &concepts, config)
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A unit vector over `terms`, equal weights (also for the objectives' tests).
    pub(super) fn v(terms: &[u32]) -> SparseVector {
        SparseVector {
            terms: terms.to_vec(),
            weights: vec![1.0 / (terms.len() as f32).sqrt(); terms.len()],
        }
    }

    #[test]
    fn never_exceeds_the_budget_and_skips_what_does_not_fit() {
        let (a, b, c) = (v(&[0]), v(&[1]), v(&[2]));
        let candidates = [
            Candidate {
                score: 0.9,
                weight: 1.0,
                text: "one two three four five six seven",
                vector: &a,
                terms: &[],
            },
            Candidate {
                score: 0.8,
                weight: 1.0,
                text: "one two three four five six seven eight nine",
                vector: &b,
                terms: &[],
            },
            Candidate {
                score: 0.1,
                weight: 1.0,
                text: "one two three",
                vector: &c,
                terms: &[],
            },
        ];
        let config = SelectConfig {
            budget: Budget::Words(11),
            min_words: 1,
            ..Default::default()
        };
        let s = select(&candidates, &Context::default(), &config);
        assert_eq!(s.chosen, [0, 2]);
        assert_eq!(s.usage.words, 10);
    }

    #[test]
    fn short_sentences_are_chosen_only_when_nothing_else_exists() {
        let (a, b) = (v(&[0]), v(&[1]));
        let short = Candidate {
            score: 1.0,
            weight: 1.0,
            text: "Too short.",
            vector: &a,
            terms: &[],
        };
        let long = Candidate {
            score: 0.1,
            weight: 1.0,
            text: "This one is long enough to stand alone.",
            vector: &b,
            terms: &[],
        };
        let config = SelectConfig {
            budget: Budget::Sentences(2),
            ..Default::default()
        };
        assert_eq!(
            select(&[short.clone(), long], &Context::default(), &config).chosen,
            [1]
        );
        assert_eq!(select(&[short], &Context::default(), &config).chosen, [0]);
    }

    #[test]
    fn overflow_lets_the_last_sentence_run_past_the_budget() {
        let (a, b) = (v(&[0]), v(&[1]));
        let candidates = [
            Candidate {
                score: 0.9,
                weight: 1.0,
                text: "one two three four five six",
                vector: &a,
                terms: &[],
            },
            Candidate {
                score: 0.8,
                weight: 1.0,
                text: "one two three four five six seven eight",
                vector: &b,
                terms: &[],
            },
        ];
        let strict = SelectConfig {
            budget: Budget::Words(10),
            min_words: 1,
            ..Default::default()
        };
        assert_eq!(
            select(&candidates, &Context::default(), &strict).chosen,
            [0]
        );
        let overflow = SelectConfig {
            overflow: true,
            ..strict
        };
        let s = select(&candidates, &Context::default(), &overflow);
        assert_eq!(s.chosen, [0, 1]);
        assert_eq!(s.usage.words, 14);
    }

    #[test]
    fn lambda_trades_relevance_for_diversity() {
        let (a, b, c) = (v(&[0, 1]), v(&[0, 2]), v(&[5, 6]));
        let candidates = [
            Candidate {
                score: 1.0,
                weight: 1.0,
                text: "alpha beta gamma delta one",
                vector: &a,
                terms: &[],
            },
            Candidate {
                score: 0.9,
                weight: 1.0,
                text: "alpha epsilon zeta eta two",
                vector: &b,
                terms: &[],
            },
            Candidate {
                score: 0.6,
                weight: 1.0,
                text: "theta iota kappa lambda three",
                vector: &c,
                terms: &[],
            },
        ];
        let base = SelectConfig {
            budget: Budget::Sentences(2),
            min_words: 1,
            near_duplicate: 1.1,
            objective: Some(Objective::Mmr),
            ..Default::default()
        };
        assert_eq!(
            select(
                &candidates,
                &Context::default(),
                &SelectConfig {
                    lambda: 1.0,
                    ..base
                }
            )
            .chosen,
            [0, 1]
        );
        assert_eq!(
            select(
                &candidates,
                &Context::default(),
                &SelectConfig {
                    lambda: 0.3,
                    ..base
                }
            )
            .chosen,
            [0, 2]
        );
    }
}
