//! Select: compose a non-redundant summary under a budget.
//!
//! Maximal Marginal Relevance: each step takes the candidate with the best
//! `λ · relevance − (1 − λ) · redundancy`, where relevance is the candidate's
//! score scaled to the best score and redundancy is its largest cosine
//! similarity to a sentence already chosen. Near-duplicates are never both
//! chosen: the same words in any case or punctuation, or content-word sets
//! that overlap beyond [`SelectConfig::near_duplicate`]. Fragments too short to
//! stand alone and run-ons too long to read are skipped, and so is anything
//! that would overflow the budget.

pub mod budget;

pub use budget::{Budget, Usage};

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
}

/// Selection settings.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct SelectConfig {
    /// The length budget.
    pub budget: Budget,
    /// MMR trade-off: 1.0 ranks by score alone, lower values favour diversity.
    pub lambda: f64,
    /// Sentences with fewer words are fragments and never chosen.
    pub min_words: usize,
    /// Sentences with more words are never chosen.
    pub max_words: usize,
    /// Content-word overlap (shared terms over the smaller set) at or above
    /// which two sentences are near-duplicates.
    pub near_duplicate: f64,
    /// Only the best-scored candidates are considered (bounds the cost on huge clusters).
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
            lambda: 0.7,
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
}

/// Content-word sets smaller than this are compared by exact wording only.
const MIN_TERMS_FOR_OVERLAP: usize = 3;

/// Whether two candidates say the same thing: identical wording, or
/// content-word sets overlapping at or above `threshold`.
pub fn near_duplicate(a: &Candidate<'_>, b: &Candidate<'_>, threshold: f64) -> bool {
    let key = crate::text::clean::line_key;
    keyed_near_duplicate(a, b, &key(a.text), &key(b.text), threshold)
}

/// [`near_duplicate`] with the candidates' line keys already computed.
fn keyed_near_duplicate(
    a: &Candidate<'_>,
    b: &Candidate<'_>,
    key_a: &str,
    key_b: &str,
    threshold: f64,
) -> bool {
    if key_a == key_b {
        return true;
    }
    let (x, y) = (&a.vector.terms, &b.vector.terms);
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

/// Chooses candidates by MMR until nothing else fits the budget.
///
/// ```
/// use precis::select::{select, Budget, Candidate, SelectConfig};
/// use precis::vectors::SparseVector;
/// let v = |t: &[u32]| SparseVector { terms: t.to_vec(), weights: vec![1.0 / (t.len() as f32).sqrt(); t.len()] };
/// let (a, b, c) = (v(&[0, 1, 2]), v(&[0, 1, 2]), v(&[3, 4, 5]));
/// let candidates = [
///     Candidate { score: 0.5, text: "Leaders met in Antalya on Sunday.", vector: &a },
///     Candidate { score: 0.4, text: "Leaders met in Antalya on Sunday!", vector: &b },
///     Candidate { score: 0.1, text: "Markets were calm all week long.", vector: &c },
/// ];
/// let config = SelectConfig { budget: Budget::Sentences(2), min_words: 1, ..Default::default() };
/// assert_eq!(select(&candidates, &config).chosen, [0, 2]);
/// ```
pub fn select(candidates: &[Candidate<'_>], config: &SelectConfig) -> Selection {
    let words: Vec<usize> = candidates
        .iter()
        .map(|c| budget::word_count(c.text))
        .collect();
    let mut pool: Vec<usize> = (0..candidates.len())
        .filter(|&i| words[i] >= config.min_words && words[i] <= config.max_words)
        .collect();
    if pool.is_empty() {
        // Only short sentences (a note, a one-line file): better those than nothing.
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
    pool.truncate(config.pool);
    let best = pool.first().map_or(0.0, |&i| candidates[i].score);
    let scale = if best > 0.0 { 1.0 / best } else { 0.0 };
    let keys: Vec<String> = pool
        .iter()
        .map(|&i| crate::text::clean::line_key(candidates[i].text))
        .collect();
    let mut open: Vec<bool> = vec![true; pool.len()];
    // Largest similarity of each pooled candidate to the chosen ones.
    let mut redundancy: Vec<f64> = vec![0.0; pool.len()];
    let mut selection = Selection::default();
    loop {
        let mut pick: Option<(usize, f64)> = None;
        for (slot, &i) in pool.iter().enumerate() {
            if !open[slot] {
                continue;
            }
            let used = selection.usage.used(&config.budget);
            let room = used < config.budget.limit();
            // Budget::cost, with the word count already known.
            let cost = match config.budget {
                Budget::Words(_) => words[i],
                Budget::Bytes(_) => {
                    candidates[i].text.len() + usize::from(selection.usage.sentences > 0)
                }
                Budget::Sentences(_) => 1,
            };
            let fits = used + cost <= config.budget.limit();
            if !(fits || (config.overflow && room)) {
                // The budget only fills up: it will never fit.
                open[slot] = false;
                continue;
            }
            let value = config.lambda * candidates[i].score * scale
                - (1.0 - config.lambda) * redundancy[slot];
            if pick.is_none_or(|(_, v)| value > v) {
                pick = Some((slot, value));
            }
        }
        let Some((slot, _)) = pick else { break };
        let chosen = pool[slot];
        open[slot] = false;
        selection.usage.add(candidates[chosen].text);
        selection.chosen.push(chosen);
        for (other, &i) in pool.iter().enumerate() {
            if !open[other] {
                continue;
            }
            if keyed_near_duplicate(
                &candidates[i],
                &candidates[chosen],
                &keys[other],
                &keys[slot],
                config.near_duplicate,
            ) {
                open[other] = false;
                continue;
            }
            let similarity = candidates[i].vector.dot(candidates[chosen].vector) as f64;
            redundancy[other] = redundancy[other].max(similarity);
        }
    }
    selection
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(terms: &[u32]) -> SparseVector {
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
                text: "one two three four five six seven",
                vector: &a,
            },
            Candidate {
                score: 0.8,
                text: "one two three four five six seven eight nine",
                vector: &b,
            },
            Candidate {
                score: 0.1,
                text: "one two three",
                vector: &c,
            },
        ];
        let config = SelectConfig {
            budget: Budget::Words(11),
            min_words: 1,
            ..Default::default()
        };
        let s = select(&candidates, &config);
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
        };
        let long = Candidate {
            score: 0.1,
            text: "This one is long enough to stand alone.",
            vector: &b,
        };
        let config = SelectConfig {
            budget: Budget::Sentences(2),
            ..Default::default()
        };
        assert_eq!(select(&[short.clone(), long], &config).chosen, [1]);
        assert_eq!(select(&[short], &config).chosen, [0]);
    }

    #[test]
    fn overflow_lets_the_last_sentence_run_past_the_budget() {
        let (a, b) = (v(&[0]), v(&[1]));
        let candidates = [
            Candidate {
                score: 0.9,
                text: "one two three four five six",
                vector: &a,
            },
            Candidate {
                score: 0.8,
                text: "one two three four five six seven eight",
                vector: &b,
            },
        ];
        let strict = SelectConfig {
            budget: Budget::Words(10),
            min_words: 1,
            ..Default::default()
        };
        assert_eq!(select(&candidates, &strict).chosen, [0]);
        let overflow = SelectConfig {
            overflow: true,
            ..strict
        };
        let s = select(&candidates, &overflow);
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
        };
        let y = Candidate {
            score: 1.0,
            text: "b",
            vector: &b,
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
            },
            Candidate {
                score: 0.9,
                text: "alpha epsilon zeta eta two",
                vector: &b,
            },
            Candidate {
                score: 0.6,
                text: "theta iota kappa lambda three",
                vector: &c,
            },
        ];
        let base = SelectConfig {
            budget: Budget::Sentences(2),
            min_words: 1,
            near_duplicate: 1.1,
            ..Default::default()
        };
        assert_eq!(
            select(
                &candidates,
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
