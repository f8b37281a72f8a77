//! Select: compose a non-redundant summary under a budget.
//!
//! Two objectives share the same pool and the same rules:
//!
//! - [`Objective::Mmr`] (the default, [`mmr`]): Maximal Marginal Relevance
//!   on the centrality scores, as the product is specified: each step takes
//!   the sentence with the best `λ · relevance − (1 − λ) · redundancy`;
//! - [`Objective::Coverage`] ([`coverage`]): greedy budgeted coverage of the
//!   cluster's [`concepts`] (content words and word pairs weighted by the
//!   documents that mention them) plus centrality, by gain per word.
//!
//! The tuning evidence is split (`scripts/quality-log.md`): coverage is ahead
//! on Multi-News validation at 100 words (ROUGE-1/2 recall +0.8/+0.7), whose
//! documents are cut at about 230 words; MMR is level on the 300-word F1 view
//! and well ahead on the team's own full-length news fixture
//! (`corpora/g20-eval`), and its briefings read better (fewer, shorter,
//! self-contained sentences). Full-length articles are what precis is for, so
//! MMR stays the default and coverage is one flag away (`--objective coverage`).
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
pub mod concepts;
pub mod coverage;
pub mod mmr;

pub use budget::{Budget, Usage};

use rustc_hash::FxHashMap;

use crate::vectors::SparseVector;

/// One sentence that may be chosen.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    /// Its centrality score (higher is better).
    pub score: f64,
    /// Its text, as it will be shown.
    pub text: &'a str,
    /// Its TF-IDF vector (terms are its content-word set).
    pub vector: &'a SparseVector,
    /// Its content terms in text order (repeats kept), for concepts.
    pub terms: &'a [u32],
}

/// The whole cluster, as concept weights need it: every sentence group's
/// content terms in text order and the documents it occurs in (aligned).
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// Each group's content terms in text order.
    pub terms: &'a [Vec<u32>],
    /// The documents each group occurs in.
    pub documents: &'a [Vec<u32>],
}

/// What the selection optimises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Objective {
    /// Concept coverage plus centrality, by gain per word ([`coverage`]).
    Coverage,
    /// Maximal Marginal Relevance on the centrality scores ([`mmr`]).
    Mmr,
}

/// Settings of [`Objective::Coverage`].
#[derive(Debug, Clone, Copy, PartialEq)]
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
            document_exponent: 1.0,
            unigram_weight: 0.6,
            centrality: 0.5,
            length_exponent: 0.4,
        }
    }
}

/// Selection settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SelectConfig {
    /// The length budget.
    pub budget: Budget,
    /// What the selection optimises.
    pub objective: Objective,
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
}

impl Default for SelectConfig {
    fn default() -> Self {
        SelectConfig {
            budget: Budget::default(),
            objective: Objective::Mmr,
            coverage: CoverageConfig::default(),
            lambda: 0.6,
            min_words: 6,
            max_words: 80,
            near_duplicate: 0.7,
            pool: 2000,
            overflow: false,
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

/// Content-word sets smaller than this are compared by exact wording only.
const MIN_TERMS_FOR_OVERLAP: usize = 3;

/// Whether two candidates say the same thing: identical wording, or
/// content-word sets overlapping at or above `threshold`.
pub fn near_duplicate(a: &Candidate<'_>, b: &Candidate<'_>, threshold: f64) -> bool {
    let (x, y) = (&a.vector.terms, &b.vector.terms);
    // Identical wording gives identical terms: compare the words (which costs
    // a pass over both texts) only for sentences whose terms are the same.
    if x == y && crate::text::clean::line_key(a.text) == crate::text::clean::line_key(b.text) {
        return true;
    }
    let smaller = x.len().min(y.len());
    if smaller < MIN_TERMS_FOR_OVERLAP {
        return false;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 >= threshold * smaller as f64
}

/// The pooled candidates, with what every selection step needs of them
/// computed once.
pub(crate) struct Pool {
    /// Indices into the candidates, best-scored first.
    pub items: Vec<usize>,
    /// Each one's word count.
    pub words: Vec<usize>,
}

impl Pool {
    fn new(candidates: &[Candidate<'_>], config: &SelectConfig) -> Self {
        let (items, words) = pool_with_words(candidates, config);
        Pool { items, words }
    }

    /// Whether pooled candidate `slot` may be added: it fits, or the budget
    /// is not yet full and the last sentence may overflow it.
    pub fn admissible(
        &self,
        candidates: &[Candidate<'_>],
        slot: usize,
        selection: &Selection,
        config: &SelectConfig,
    ) -> bool {
        let used = selection.usage.used(&config.budget);
        // Budget::cost, with the word count already known.
        let cost = match config.budget {
            Budget::Words(_) => self.words[slot],
            Budget::Bytes(_) => {
                candidates[self.items[slot]].text.len() + usize::from(selection.usage.sentences > 0)
            }
            Budget::Sentences(_) => 1,
        };
        used + cost <= config.budget.limit() || (config.overflow && used < config.budget.limit())
    }

    /// Closes every open pooled candidate that near-duplicates the one in
    /// `chosen` (a slot).
    pub fn close_near_duplicates(
        &self,
        candidates: &[Candidate<'_>],
        open: &mut [bool],
        chosen: usize,
        config: &SelectConfig,
    ) {
        let c = &candidates[self.items[chosen]];
        for (slot, &i) in self.items.iter().enumerate() {
            if open[slot] && near_duplicate(&candidates[i], c, config.near_duplicate) {
                open[slot] = false;
            }
        }
    }
}

/// The candidates that may be chosen, best-scored first: those within the
/// length limits (or, when none is, every one short enough: a note, a
/// one-line file), at most [`SelectConfig::pool`] of them; when there are
/// more, near-duplicates of a better one are passed over to make room.
pub fn pool(candidates: &[Candidate<'_>], config: &SelectConfig) -> Vec<usize> {
    pool_with_words(candidates, config).0
}

/// [`pool`], with the pooled candidates' word counts.
fn pool_with_words(
    candidates: &[Candidate<'_>],
    config: &SelectConfig,
) -> (Vec<usize>, Vec<usize>) {
    let words: Vec<usize> = candidates
        .iter()
        .map(|c| budget::word_count(c.text))
        .collect();
    let mut pool: Vec<usize> = (0..candidates.len())
        .filter(|&i| words[i] >= config.min_words && words[i] <= config.max_words)
        .collect();
    if pool.is_empty() {
        pool = (0..candidates.len())
            .filter(|&i| words[i] <= config.max_words)
            .collect();
    }
    // Best first; ties by input order so that the result is deterministic.
    pool.sort_by(|&a, &b| {
        candidates[b]
            .score
            .total_cmp(&candidates[a].score)
            .then(a.cmp(&b))
    });
    if pool.len() > config.pool {
        pool = distinct_prefix(candidates, &pool, config);
    }
    let pooled_words = pool.iter().map(|&i| words[i]).collect();
    (pool, pooled_words)
}

/// The first `config.pool` of `ranked` (best first) that are not
/// near-duplicates of a better one. Near-duplicates can never be chosen
/// together, so a cap counted over them could fill the pool with one sentence
/// in many versions (3,000 one-line files saying the same thing about
/// different items) and leave selection a single choice; a cap over distinct
/// sentences leaves it as many as without the cap, up to `config.pool`.
///
/// The test is [`near_duplicate`]'s, computed through an index from terms to
/// the pooled candidates, so that a candidate is only compared with those
/// sharing a term (the plain pairwise test made selection 25 times slower on
/// a cluster of 10,000 distinct sentences).
fn distinct_prefix(
    candidates: &[Candidate<'_>],
    ranked: &[usize],
    config: &SelectConfig,
) -> Vec<usize> {
    let mut distinct: Vec<usize> = Vec::with_capacity(config.pool);
    // Term -> pooled candidates (positions in `distinct`) with enough terms
    // for the overlap test; shorter ones are compared by wording alone.
    let mut postings: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    let mut by_terms: FxHashMap<&[u32], Vec<usize>> = FxHashMap::default();
    let mut shared: Vec<u32> = Vec::with_capacity(config.pool);
    let mut touched: Vec<u32> = Vec::new();
    for &i in ranked {
        if distinct.len() == config.pool {
            break;
        }
        let c = &candidates[i];
        let terms = &c.vector.terms;
        let duplicate = if terms.len() < MIN_TERMS_FOR_OVERLAP {
            by_terms.get(terms.as_slice()).is_some_and(|same| {
                same.iter()
                    .any(|&d| near_duplicate(c, &candidates[d], config.near_duplicate))
            })
        } else {
            for t in terms {
                for &slot in postings.get(t).into_iter().flatten() {
                    if shared[slot as usize] == 0 {
                        touched.push(slot);
                    }
                    shared[slot as usize] += 1;
                }
            }
            // A threshold of 0 makes every pair with enough terms a duplicate.
            let found = (config.near_duplicate <= 0.0 && !postings.is_empty())
                || touched.iter().any(|&slot| {
                    let other = candidates[distinct[slot as usize]].vector.terms.len();
                    let smaller = terms.len().min(other);
                    f64::from(shared[slot as usize]) >= config.near_duplicate * smaller as f64
                });
            for slot in touched.drain(..) {
                shared[slot as usize] = 0;
            }
            found
        };
        if duplicate {
            continue;
        }
        let slot = distinct.len() as u32;
        if terms.len() < MIN_TERMS_FOR_OVERLAP {
            by_terms.entry(terms.as_slice()).or_default().push(i);
        } else {
            for &t in terms {
                postings.entry(t).or_default().push(slot);
            }
        }
        distinct.push(i);
        shared.push(0);
    }
    distinct
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
///     Candidate { score: 0.5, text: "Leaders met in Antalya on Sunday.", vector: &a, terms: &[0, 1, 2] },
///     Candidate { score: 0.4, text: "Leaders met in Antalya on Sunday!", vector: &b, terms: &[0, 1, 2] },
///     Candidate { score: 0.1, text: "Markets were calm all week long.", vector: &c, terms: &[3, 4, 5] },
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
    match config.objective {
        Objective::Mmr => mmr::select(candidates, &pool, config),
        Objective::Coverage => {
            let terms: Vec<&[u32]> = pool.items.iter().map(|&i| candidates[i].terms).collect();
            let concepts = concepts::build(&terms, context, &config.coverage);
            coverage::select(candidates, &pool, &concepts, config)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A unit vector over `terms`, equal weights (also for the objectives' tests).
    pub(super) fn v(terms: &[u32]) -> SparseVector {
        SparseVector {
            terms: terms.to_vec(),
            weights: vec![1.0 / (terms.len() as f32).sqrt(); terms.len()],
        }
    }

    #[test]
    fn the_indexed_distinct_prefix_is_the_pairwise_one() {
        // Candidates with term sets drawn from a small vocabulary, so that
        // overlaps of every size occur; some with too few terms to compare.
        let mut state = 7u64;
        let mut next = |m: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % m
        };
        let vectors: Vec<SparseVector> = (0..300)
            .map(|_| {
                let mut terms: Vec<u32> = (0..next(7)).map(|_| next(12) as u32).collect();
                terms.sort_unstable();
                terms.dedup();
                v(&terms)
            })
            .collect();
        let texts = [
            "One two three four five six.",
            "Seven eight nine ten eleven twelve.",
        ];
        let candidates: Vec<Candidate<'_>> = vectors
            .iter()
            .enumerate()
            .map(|(i, vector)| Candidate {
                score: 1.0,
                text: texts[i % 2],
                vector,
                terms: &[],
            })
            .collect();
        let ranked: Vec<usize> = (0..candidates.len()).collect();
        for near_duplicate in [0.0, 0.3, 0.7, 1.0] {
            for cap in [5, 40, 300] {
                let config = SelectConfig {
                    near_duplicate,
                    pool: cap,
                    ..Default::default()
                };
                let mut pairwise: Vec<usize> = Vec::new();
                for &i in &ranked {
                    if pairwise.len() < cap
                        && !pairwise.iter().any(|&d| {
                            super::near_duplicate(&candidates[i], &candidates[d], near_duplicate)
                        })
                    {
                        pairwise.push(i);
                    }
                }
                assert_eq!(
                    distinct_prefix(&candidates, &ranked, &config),
                    pairwise,
                    "threshold {near_duplicate}, cap {cap}"
                );
            }
        }
    }

    #[test]
    fn a_capped_pool_is_not_filled_with_near_duplicates() {
        // Twenty versions of one sentence outscore two others; a pool of
        // three must still offer the two others.
        let flood: Vec<SparseVector> = (0..20).map(|i| v(&[0, 1, 2, 3, 100 + i])).collect();
        let (x, y) = (v(&[10, 11, 12]), v(&[20, 21, 22]));
        let mut candidates: Vec<Candidate<'_>> = flood
            .iter()
            .map(|vector| Candidate {
                score: 0.9,
                text: "Item was noted by officials at the summit.",
                vector,
                terms: &[],
            })
            .collect();
        for (vector, text) in [
            (&x, "The leaders agreed on a plan for refugees."),
            (&y, "Markets rose after the talks ended on Monday."),
        ] {
            candidates.push(Candidate {
                score: 0.1,
                text,
                vector,
                terms: &[],
            });
        }
        let config = SelectConfig {
            budget: Budget::Sentences(5),
            pool: 3,
            ..Default::default()
        };
        assert_eq!(pool(&candidates, &config), [0, 20, 21]);
        for objective in [Objective::Mmr, Objective::Coverage] {
            let config = SelectConfig {
                objective,
                ..config
            };
            let chosen = select(&candidates, &Context::default(), &config).chosen;
            assert_eq!(chosen.len(), 3, "{objective:?}");
        }
        // Under the cap nothing changes: the near-duplicates stay pooled.
        let roomy = SelectConfig {
            pool: 100,
            ..config
        };
        assert_eq!(pool(&candidates, &roomy).len(), 22);
    }

    #[test]
    fn never_exceeds_the_budget_and_skips_what_does_not_fit() {
        let (a, b, c) = (v(&[0]), v(&[1]), v(&[2]));
        let candidates = [
            Candidate {
                score: 0.9,
                text: "one two three four five six seven",
                vector: &a,
                terms: &[],
            },
            Candidate {
                score: 0.8,
                text: "one two three four five six seven eight nine",
                vector: &b,
                terms: &[],
            },
            Candidate {
                score: 0.1,
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
            text: "Too short.",
            vector: &a,
            terms: &[],
        };
        let long = Candidate {
            score: 0.1,
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
                text: "one two three four five six",
                vector: &a,
                terms: &[],
            },
            Candidate {
                score: 0.8,
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
    fn near_duplicates_by_overlap() {
        let (a, b) = (v(&[1, 2, 3, 4]), v(&[1, 2, 3, 9]));
        let x = Candidate {
            score: 1.0,
            text: "a",
            vector: &a,
            terms: &[],
        };
        let y = Candidate {
            score: 1.0,
            text: "b",
            vector: &b,
            terms: &[],
        };
        assert!(near_duplicate(&x, &y, 0.7));
        assert!(!near_duplicate(&x, &y, 0.8));
    }

    #[test]
    fn lambda_trades_relevance_for_diversity() {
        let (a, b, c) = (v(&[0, 1]), v(&[0, 2]), v(&[5, 6]));
        let candidates = [
            Candidate {
                score: 1.0,
                text: "alpha beta gamma delta one",
                vector: &a,
                terms: &[],
            },
            Candidate {
                score: 0.9,
                text: "alpha epsilon zeta eta two",
                vector: &b,
                terms: &[],
            },
            Candidate {
                score: 0.6,
                text: "theta iota kappa lambda three",
                vector: &c,
                terms: &[],
            },
        ];
        let base = SelectConfig {
            budget: Budget::Sentences(2),
            min_words: 1,
            near_duplicate: 1.1,
            objective: Objective::Mmr,
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
