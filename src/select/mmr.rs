//! Maximal Marginal Relevance (Carbonell & Goldstein, 1998).
//!
//! Each step takes the open candidate with the best
//! `λ · relevance − (1 − λ) · redundancy`, where relevance is the candidate's
//! score scaled to the best score and redundancy is its largest cosine
//! similarity to a sentence already chosen. Simple and cheap, but blind to
//! length: a short sentence and a long one of equal score are worth the same,
//! though the long one spends more of the budget.

use super::{Candidate, Pool, SelectConfig, Selection};

/// Chooses from `pool` (indices into `candidates`, best first) by MMR until
/// nothing else fits the budget.
pub(crate) fn select(
    candidates: &[Candidate<'_>],
    pool: &Pool,
    config: &SelectConfig,
) -> Selection {
    let best = pool.items.first().map_or(0.0, |&i| candidates[i].score);
    let scale = if best > 0.0 { 1.0 / best } else { 0.0 };
    let mut open: Vec<bool> = vec![true; pool.items.len()];
    // Largest similarity of each pooled candidate to the chosen ones.
    let mut redundancy: Vec<f64> = vec![0.0; pool.items.len()];
    let mut selection = Selection::default();
    loop {
        let mut pick: Option<(usize, f64)> = None;
        for (slot, &i) in pool.items.iter().enumerate() {
            if !open[slot] {
                continue;
            }
            if !pool.admissible(candidates, slot, &selection, config) {
                // The budget only fills up: it will never fit.
                open[slot] = false;
                selection.crowded = true;
                continue;
            }
            let value = config.lambda * candidates[i].score * scale
                - (1.0 - config.lambda) * redundancy[slot];
            if pick.is_none_or(|(_, v)| value > v) {
                pick = Some((slot, value));
            }
        }
        let Some((slot, _)) = pick else { break };
        let chosen = pool.items[slot];
        open[slot] = false;
        selection.usage.add(candidates[chosen].text);
        selection.chosen.push(chosen);
        pool.close_near_duplicates(candidates, &mut open, slot, config);
        for (other, &i) in pool.items.iter().enumerate() {
            if open[other] {
                let similarity = candidates[i].vector.dot(candidates[chosen].vector) as f64;
                redundancy[other] = redundancy[other].max(similarity);
            }
        }
    }
    selection
}
