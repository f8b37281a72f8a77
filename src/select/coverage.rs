//! Budgeted concept coverage, chosen greedily by gain per word.
//!
//! The summary's value is a monotone submodular function of the chosen set
//! `S` (with the default settings, chosen on Multi-News validation clusters:
//! `μ = 0.5`, `r = 0.4`, single words at 0.6 of a pair):
//!
//! `F(S) = Σ_{c covered by S} w_c / W + μ · Σ_{s ∈ S} score_s / best`
//!
//! (a sentence that does not stand alone has its concept gain multiplied by
//! its [`Candidate::weight`](super::Candidate::weight), the standalone weight,
//! which its score already carries; concepts weigh `documents²` by default,
//! chosen on long newswire, issue 24)
//!
//! the weight of the [concepts](super::concepts) it covers (each counted once,
//! so repeating what is already said earns nothing: redundancy is priced in
//! rather than filtered after the fact) plus the centrality of its sentences
//! (the PageRank scores, so the summary stays a TextRank summary; `μ` is
//! [`CoverageConfig::centrality`](super::CoverageConfig::centrality)). `W` is the best single candidate's concept
//! weight, so both terms are on the same scale whatever the cluster.
//!
//! Under a length budget the greedy step takes the candidate with the best
//! gain per `words^r` ([`CoverageConfig::length_exponent`](super::CoverageConfig::length_exponent); Lin & Bilmes 2010,
//! Khuller et al. 1999): with `r = 1` a sentence must earn its length, which is
//! what a recall-at-N-words score asks for; with `r = 0` length is ignored.
//! Gains only shrink as `S` grows, so the greedy is lazy: a candidate whose
//! stale gain is still the best is re-evaluated, and taken if it stays best.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::concepts::Concepts;
use super::{Candidate, Pool, SelectConfig, Selection};

/// A heap entry: a candidate's (possibly stale) value. Ties go to the
/// earlier pool slot, so the result is deterministic.
#[derive(Debug, PartialEq)]
struct Entry {
    value: f64,
    slot: usize,
}

impl Eq for Entry {}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        self.value
            .total_cmp(&other.value)
            .then(other.slot.cmp(&self.slot))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Chooses from `pool` (indices into `candidates`, best first; `concepts.of`
/// is aligned with it) by lazy greedy gain per word.
pub(crate) fn select(
    candidates: &[Candidate<'_>],
    pool: &Pool,
    concepts: &Concepts,
    config: &SelectConfig,
) -> Selection {
    let coverage = &config.coverage;
    let best = pool
        .items
        .iter()
        .map(|&i| candidates[i].score)
        .fold(0.0, f64::max);
    let score_scale = if best > 0.0 { 1.0 / best } else { 0.0 };
    let concept_sum = |slot: usize, covered: &[bool]| -> f64 {
        concepts.of[slot]
            .iter()
            .filter(|&&c| !covered[c as usize])
            .map(|&c| concepts.weights[c as usize])
            .sum()
    };
    let mut covered = vec![false; concepts.weights.len()];
    let best_concepts = (0..pool.items.len())
        .map(|slot| concept_sum(slot, &covered))
        .fold(0.0, f64::max);
    let concept_scale = if best_concepts > 0.0 {
        1.0 / best_concepts
    } else {
        0.0
    };
    let cost: Vec<f64> = pool
        .words
        .iter()
        .map(|&w| (w.max(1) as f64).powf(coverage.length_exponent))
        .collect();
    let value = |slot: usize, covered: &[bool]| -> f64 {
        let candidate = &candidates[pool.items[slot]];
        let gain = concept_sum(slot, covered) * concept_scale * candidate.weight
            + coverage.centrality * candidate.score * score_scale;
        gain / cost[slot]
    };
    let mut heap: BinaryHeap<Entry> = (0..pool.items.len())
        .map(|slot| Entry {
            value: value(slot, &covered),
            slot,
        })
        .collect();
    let mut open = vec![true; pool.items.len()];
    let mut selection = Selection::default();
    while let Some(Entry { slot, .. }) = heap.pop() {
        if !open[slot] {
            continue;
        }
        let i = pool.items[slot];
        if !pool.admissible(candidates, slot, &selection, config) {
            // The budget only fills up: it will never fit.
            open[slot] = false;
            selection.crowded = true;
            continue;
        }
        let current = value(slot, &covered);
        if heap.peek().is_some_and(|next| {
            Entry {
                value: current,
                slot,
            } < *next
        }) {
            heap.push(Entry {
                value: current,
                slot,
            });
            continue;
        }
        open[slot] = false;
        selection.usage.add(candidates[i].text);
        selection.chosen.push(i);
        for &c in &concepts.of[slot] {
            covered[c as usize] = true;
        }
        pool.close_near_duplicates(candidates, &mut open, slot, config);
    }
    selection
}

#[cfg(test)]
mod tests {
    use super::super::tests::v;
    use super::super::{select, Budget, Context, CoverageConfig, Objective};
    use super::*;
    use crate::vectors::SparseVector;

    /// Two documents share the story (terms 1 2 3, 4 5); a third sentence
    /// repeats the first in other words; a fourth is one document's aside.
    #[test]
    fn covers_what_documents_share_and_does_not_repeat_it() {
        let terms: Vec<Vec<u32>> = vec![
            vec![1, 2, 3],
            vec![1, 2, 3, 9],
            vec![4, 5, 6],
            vec![4, 5, 7],
            vec![8, 10, 11],
        ];
        let documents = vec![vec![0], vec![1], vec![0], vec![1], vec![0]];
        let vectors: Vec<SparseVector> = terms
            .iter()
            .map(|t| {
                let mut t = t.clone();
                t.sort_unstable();
                v(&t)
            })
            .collect();
        let texts = [
            "one two three four five six",
            "one two three four five nine",
            "four five six seven eight nine",
            "four five seven eight nine ten",
            "eight ten eleven twelve thirteen fourteen",
        ];
        // Centrality alone would take 0 and 1 (the same story twice).
        let scores = [1.0, 0.95, 0.5, 0.45, 0.9];
        let candidates: Vec<Candidate<'_>> = (0..5)
            .map(|i| Candidate {
                score: scores[i],
                weight: 1.0,
                text: texts[i],
                vector: &vectors[i],
                terms: &terms[i],
            })
            .collect();
        let context = Context {
            terms: &terms,
            documents: &documents,
            ..Context::default()
        };
        let config = SelectConfig {
            budget: Budget::Sentences(2),
            min_words: 1,
            near_duplicate: 1.1,
            objective: Some(Objective::Coverage),
            coverage: CoverageConfig {
                centrality: 0.1,
                ..Default::default()
            },
            ..Default::default()
        };
        let chosen = select(&candidates, &context, &config).chosen;
        assert_eq!(chosen.len(), 2);
        assert!(chosen.contains(&0) || chosen.contains(&1), "{chosen:?}");
        assert!(chosen.contains(&2) || chosen.contains(&3), "{chosen:?}");
    }

    #[test]
    fn without_concepts_it_ranks_by_centrality_per_word() {
        let a = v(&[0]);
        let candidates = [
            Candidate {
                score: 1.0,
                weight: 1.0,
                text: "a b c d e f g h",
                vector: &a,
                terms: &[],
            },
            Candidate {
                score: 0.9,
                weight: 1.0,
                text: "a b",
                vector: &a,
                terms: &[],
            },
        ];
        let config = SelectConfig {
            budget: Budget::Sentences(1),
            min_words: 1,
            near_duplicate: 1.1,
            objective: Some(Objective::Coverage),
            coverage: CoverageConfig {
                length_exponent: 1.0,
                ..Default::default()
            },
            ..Default::default()
        };
        assert_eq!(
            select(&candidates, &Context::default(), &config).chosen,
            [1]
        );
        let ignore_length = SelectConfig {
            coverage: CoverageConfig {
                length_exponent: 0.0,
                ..Default::default()
            },
            ..config
        };
        assert_eq!(
            select(&candidates, &Context::default(), &ignore_length).chosen,
            [0]
        );
    }
}
