//! Budgeted concept coverage, chosen greedily by gain per word.
//!
//! The summary's value is a monotone submodular function of the chosen set
//! `S`:
//!
//! `F(S) = Σ_{c covered by S} w_c / W + μ · Σ_{s ∈ S} score_s / best`
//!
//! the weight of the [concepts](super::concepts) it covers (each counted once,
//! so repeating what is already said earns nothing: redundancy is priced in
//! rather than filtered after the fact) plus the centrality of its sentences
//! (the PageRank scores, so the summary stays a TextRank summary; `μ` is
//! [`CoverageConfig::centrality`]). `W` is the best single candidate's concept
//! weight, so both terms are on the same scale whatever the cluster.
//!
//! Under a length budget the greedy step takes the candidate with the best
//! gain per `words^r` ([`CoverageConfig::length_exponent`]; Lin & Bilmes 2010,
//! Khuller et al. 1999): with `r = 1` a sentence must earn its length, which is
//! what a recall-at-N-words score asks for; with `r = 0` length is ignored.
//! Gains only shrink as `S` grows, so the greedy is lazy: a candidate whose
//! stale gain is still the best is re-evaluated, and taken if it stays best.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::concepts::Concepts;
use super::{admissible, close_near_duplicates, Candidate, SelectConfig, Selection};

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
    pool: &[usize],
    concepts: &Concepts,
    config: &SelectConfig,
) -> Selection {
    let coverage = &config.coverage;
    let best = pool
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
    let best_concepts = (0..pool.len())
        .map(|slot| concept_sum(slot, &covered))
        .fold(0.0, f64::max);
    let concept_scale = if best_concepts > 0.0 {
        1.0 / best_concepts
    } else {
        0.0
    };
    let cost: Vec<f64> = pool
        .iter()
        .map(|&i| {
            (super::budget::word_count(candidates[i].text).max(1) as f64)
                .powf(coverage.length_exponent)
        })
        .collect();
    let value = |slot: usize, covered: &[bool]| -> f64 {
        let gain = concept_sum(slot, covered) * concept_scale
            + coverage.centrality * candidates[pool[slot]].score * score_scale;
        gain / cost[slot]
    };
    let mut heap: BinaryHeap<Entry> = (0..pool.len())
        .map(|slot| Entry {
            value: value(slot, &covered),
            slot,
        })
        .collect();
    let mut open = vec![true; pool.len()];
    let mut selection = Selection::default();
    while let Some(Entry { slot, .. }) = heap.pop() {
        if !open[slot] {
            continue;
        }
        let i = pool[slot];
        if !admissible(&selection, config, candidates[i].text) {
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
        close_near_duplicates(candidates, pool, &mut open, i, config);
    }
    selection
}
