//! The pool: the best-scored candidates within the length limits, at most
//! [`SelectConfig::pool`] of them, near-duplicates of better ones passed over
//! when the cap must leave some out.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::duplicates::{least_shared, near_duplicate, shares_enough, MIN_TERMS_FOR_OVERLAP};
use super::{budget, Budget, Candidate, SelectConfig, Selection};

/// The pooled candidates, with what every selection step needs of them
/// computed once.
pub(crate) struct Pool {
    /// Indices into the candidates, best-scored first.
    pub(crate) items: Vec<usize>,
    /// Each one's word count.
    pub(crate) words: Vec<usize>,
}

impl Pool {
    pub(crate) fn new(candidates: &[Candidate<'_>], config: &SelectConfig) -> Self {
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
        .par_iter()
        .with_min_len(1024)
        .map(|c| budget::word_count(c.text))
        .collect();
    let mut pool: Vec<usize> = (0..candidates.len())
        .into_par_iter()
        .with_min_len(1024)
        .filter(|&i| words[i] >= config.min_words && words[i] <= config.max_words)
        .collect();
    if pool.is_empty() {
        pool = (0..candidates.len())
            .filter(|&i| words[i] <= config.max_words)
            .collect();
    }
    // Best first; ties by input order, so the order is total and the
    // parallel sort's result the same at any thread count.
    pool.par_sort_unstable_by(|&a, &b| {
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
    distinct_prefix_in_blocks(candidates, ranked, config, DISTINCT_BLOCK)
}

fn distinct_prefix_in_blocks(
    candidates: &[Candidate<'_>],
    ranked: &[usize],
    config: &SelectConfig,
    block_size: usize,
) -> Vec<usize> {
    let mut index = DistinctIndex::new(candidates, ranked, config);
    let mut scratch = index.scratch();
    // Candidates are tested a block at a time against the sentences kept
    // before the block, in parallel; one near-duplicate of those stays one
    // as more are kept. Only the rest are tested one by one, in rank order,
    // against what the block itself adds: the same result as testing each
    // in turn, with the bulk of the work (on a huge cluster, most candidates
    // repeat a better one) spread over the threads.
    for block in ranked.chunks(block_size) {
        if index.distinct.len() == config.pool {
            break;
        }
        let repeats: Vec<bool> = block
            .par_iter()
            .with_min_len(crate::parallel::ITEMS / 4)
            .map_init(
                || index.scratch(),
                |scratch, &i| index.repeats(i, 0, scratch),
            )
            .collect();
        let kept_before = index.distinct.len();
        for (&i, repeat) in block.iter().zip(repeats) {
            if index.distinct.len() == config.pool {
                break;
            }
            if !repeat && !index.repeats(i, kept_before, &mut scratch) {
                index.keep(i);
            }
        }
    }
    index.distinct
}

/// Scratch space of [`DistinctIndex::repeats`]: prefix hits per kept slot
/// (left all zero), the slots hit, the tested candidate's terms in the
/// index's order, and a mark per term of it (left all false).
#[derive(Default)]
struct Scratch {
    hits: Vec<u32>,
    touched: Vec<u32>,
    ordered: Vec<u32>,
    present: Vec<bool>,
}

/// Candidates tested per block by [`distinct_prefix`].
const DISTINCT_BLOCK: usize = 4096;

/// How many shared terms a pair must show within the prefixes
/// [`DistinctIndex`] compares before its full sets are compared.
const PREFIX_HITS: usize = 3;

/// The sentences kept so far by [`distinct_prefix`], indexed for the
/// near-duplicate test by prefix filtering, as set-similarity joins do.
///
/// Two term sets of sizes `n <= m` are near-duplicates when they share at
/// least `α = ⌈threshold · n⌉` terms. With every set's terms in one fixed
/// order (rarest in the cluster first), such a pair shares at least `k` of
/// the first `n − α + k` terms of the smaller set, since the rest of it holds
/// only `α − k`. So a kept set is found through its prefix when it is the
/// smaller one, and through the tested set's prefix when it is the larger;
/// prefixes hold rarer terms, whose lists are shorter, and only pairs with
/// `k` hits are compared in full. On a cluster of 20,000 sentences in near
/// copies, this visits 1.7 million list entries to keep 2,000, where counting
/// shared terms through every term's whole list visited 10 million.
struct DistinctIndex<'c, 'a> {
    candidates: &'c [Candidate<'a>],
    threshold: f64,
    /// How many candidates hold each term (indexed by term id): the order is
    /// by this count, then by id.
    holders: Vec<u32>,
    /// Kept candidates, best first.
    distinct: Vec<usize>,
    /// Each kept candidate's term count and the hits its prefix needs, side
    /// by side: the test reads them for every list entry it visits. (Deriving
    /// them there, from `kept_starts` and `prefix`, measured no faster.)
    kept: Vec<(u32, u32)>,
    /// Kept candidates' terms, one after another (`kept_starts[slot]..`):
    /// held together, they stay in cache, where the candidates' own vectors
    /// are spread over the heap.
    kept_terms: Vec<u32>,
    kept_starts: Vec<usize>,
    /// Term -> kept candidates (positions in `distinct`) with enough terms
    /// for the overlap test that hold it; shorter ones are compared by
    /// wording alone.
    postings: Vec<Vec<u32>>,
    /// Term -> kept candidates that hold it in their prefix.
    prefix_postings: Vec<Vec<u32>>,
    by_terms: FxHashMap<&'c [u32], Vec<usize>>,
    /// The last position in `distinct` with enough terms for the overlap
    /// test (a threshold of 0 makes it a duplicate of every such one).
    last_with_terms: Option<usize>,
}

impl<'c, 'a> DistinctIndex<'c, 'a> {
    pub(crate) fn new(
        candidates: &'c [Candidate<'a>],
        ranked: &[usize],
        config: &SelectConfig,
    ) -> Self {
        let vocabulary = ranked
            .iter()
            .filter_map(|&i| candidates[i].vector.terms.last())
            .max()
            .map_or(0, |&t| t as usize + 1);
        let mut holders = vec![0u32; vocabulary];
        for &i in ranked {
            for &t in &candidates[i].vector.terms {
                holders[t as usize] += 1;
            }
        }
        DistinctIndex {
            candidates,
            threshold: config.near_duplicate,
            holders,
            distinct: Vec::with_capacity(config.pool),
            kept: Vec::with_capacity(config.pool),
            kept_terms: Vec::new(),
            kept_starts: vec![0],
            postings: vec![Vec::new(); vocabulary],
            prefix_postings: vec![Vec::new(); vocabulary],
            by_terms: FxHashMap::default(),
            last_with_terms: None,
        }
    }

    fn scratch(&self) -> Scratch {
        Scratch {
            present: vec![false; self.holders.len()],
            ..Scratch::default()
        }
    }

    /// The prefix of a set of `n` terms (as the smaller of a pair) and the
    /// hits a near-duplicate shows in it.
    fn prefix(&self, n: usize) -> (usize, usize) {
        let needed = least_shared(self.threshold, n).max(1);
        let len = (n - needed + PREFIX_HITS).min(n);
        (len, needed + len - n)
    }

    /// The terms of the candidate kept in `slot`.
    fn kept_terms(&self, slot: usize) -> &[u32] {
        &self.kept_terms[self.kept_starts[slot]..self.kept_starts[slot + 1]]
    }

    /// `terms` in the index's order.
    fn in_order(&self, terms: &[u32], out: &mut Vec<u32>) {
        out.clear();
        out.extend_from_slice(terms);
        out.sort_unstable_by_key(|&t| {
            let holders = self.holders.get(t as usize).copied().unwrap_or(u32::MAX);
            (u64::from(holders) << 32) | u64::from(t)
        });
    }

    /// Whether candidate `i` is a near-duplicate of a kept one at position
    /// `from` or later.
    fn repeats(&self, i: usize, from: usize, scratch: &mut Scratch) -> bool {
        let c = &self.candidates[i];
        let terms = &c.vector.terms;
        if terms.len() < MIN_TERMS_FOR_OVERLAP {
            return self.by_terms.get(terms.as_slice()).is_some_and(|same| {
                same.iter().any(|&d| {
                    d >= from
                        && near_duplicate(c, &self.candidates[self.distinct[d]], self.threshold)
                })
            });
        }
        // A threshold of 0 makes every pair with enough terms a duplicate.
        if self.threshold <= 0.0 {
            return self.last_with_terms.is_some_and(|slot| slot >= from);
        }
        let Scratch {
            hits,
            touched,
            ordered,
            present,
        } = scratch;
        hits.resize(self.distinct.len(), 0);
        self.in_order(terms, ordered);
        let size = terms.len() as u32;
        let mut count = |slots: &[u32], larger: bool| {
            // Slots are kept in increasing order: skip those before `from`.
            let first = slots.partition_point(|&slot| (slot as usize) < from);
            for &slot in &slots[first..] {
                if (self.kept[slot as usize].0 > size) == larger {
                    if hits[slot as usize] == 0 {
                        touched.push(slot);
                    }
                    hits[slot as usize] += 1;
                }
            }
        };
        // Kept sets no larger than this one: this one's terms in their prefixes.
        for t in ordered.iter() {
            if let Some(slots) = self.prefix_postings.get(*t as usize) {
                count(slots, false);
            }
        }
        // Larger kept sets: their terms in this one's prefix.
        let (len, larger_needs) = self.prefix(terms.len());
        for t in &ordered[..len] {
            if let Some(slots) = self.postings.get(*t as usize) {
                count(slots, true);
            }
        }
        for &t in terms {
            present[t as usize] = true;
        }
        let found = touched.iter().any(|&slot| {
            let (kept_size, kept_needs) = self.kept[slot as usize];
            let needs = if kept_size > size {
                larger_needs
            } else {
                kept_needs as usize
            };
            hits[slot as usize] as usize >= needs && {
                let kept = self.kept_terms(slot as usize);
                shares_enough(kept, present, self.threshold, terms.len())
            }
        });
        for &t in terms {
            present[t as usize] = false;
        }
        for slot in touched.drain(..) {
            hits[slot as usize] = 0;
        }
        found
    }

    fn keep(&mut self, i: usize) {
        let slot = self.distinct.len();
        let terms = &self.candidates[i].vector.terms;
        let (len, needs) = self.prefix(terms.len().max(1));
        self.kept.push((terms.len() as u32, needs as u32));
        self.kept_terms.extend_from_slice(terms);
        self.kept_starts.push(self.kept_terms.len());
        if terms.len() < MIN_TERMS_FOR_OVERLAP {
            self.by_terms
                .entry(terms.as_slice())
                .or_default()
                .push(slot);
        } else {
            for &t in terms {
                self.postings[t as usize].push(slot as u32);
            }
            let mut ordered = Vec::new();
            self.in_order(terms, &mut ordered);
            for &t in &ordered[..len] {
                self.prefix_postings[t as usize].push(slot as u32);
            }
            self.last_with_terms = Some(slot);
        }
        self.distinct.push(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::select::tests::v;
    use crate::select::{select, Context, Objective};
    use crate::vectors::SparseVector;

    #[test]
    fn the_indexed_distinct_prefix_is_the_pairwise_one() {
        // Candidates with term sets drawn from a small vocabulary, so that
        // overlaps of every size occur; some with too few terms to compare.
        let mut next = crate::test_support::draws(7);
        // Small sets over a small vocabulary, then larger ones over a larger
        // one (so that prefixes are shorter than the sets and rarity orders
        // the terms).
        let vectors: Vec<SparseVector> = (0..400)
            .map(|k| {
                let (most, vocabulary) = if k < 300 { (7, 12) } else { (24, 40) };
                let mut terms: Vec<u32> =
                    (0..next(most)).map(|_| next(vocabulary) as u32).collect();
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
                weight: 1.0,
                text: texts[i % 2],
                vector,
                terms: &[],
            })
            .collect();
        // In input order and reversed (the larger sets first).
        let forward: Vec<usize> = (0..candidates.len()).collect();
        let reversed: Vec<usize> = forward.iter().rev().copied().collect();
        for ranked in [forward, reversed] {
            for near_duplicate in [0.0, 0.3, 0.5, 0.7, 0.85, 1.0] {
                for cap in [5, 40, 400] {
                    let config = SelectConfig {
                        near_duplicate,
                        pool: cap,
                        ..Default::default()
                    };
                    let mut pairwise: Vec<usize> = Vec::new();
                    for &i in &ranked {
                        if pairwise.len() < cap
                            && !pairwise.iter().any(|&d| {
                                super::near_duplicate(
                                    &candidates[i],
                                    &candidates[d],
                                    near_duplicate,
                                )
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
                    // Blocks of any size, the last one short, give the same.
                    for block in [1, 7, 64] {
                        assert_eq!(
                            distinct_prefix_in_blocks(&candidates, &ranked, &config, block),
                            pairwise,
                            "threshold {near_duplicate}, cap {cap}, block {block}"
                        );
                    }
                }
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
                weight: 1.0,
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
                weight: 1.0,
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
                objective: Some(objective),
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
}
