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

use rayon::prelude::*;
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
            document_exponent: 1.0,
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
    /// The factor on the score of a sentence that does not stand alone (it
    /// opens with a pronoun or connective that points back, or cuts a
    /// quotation: [`crate::text::standalone`]); 1 ignores it. Below 1 such
    /// sentences are also held back with those past the lead
    /// ([`crate::Config::lead_sentences`]).
    pub standalone_weight: f64,
}

/// The default [`SelectConfig::standalone_weight`], chosen on multinews-val at
/// 100 words: the weakest preference that keeps dangling openings under 3% of
/// chosen sentences (1: 10.2%, 0.7: 3.1%, 0.65: 2.4%, 0.5: 1.3%) with ROUGE
/// within 0.1 (`scripts/quality-log.md`).
pub const STANDALONE_WEIGHT: f64 = 0.65;

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
    terms_overlap(x, y, threshold)
}

/// Whether two content-word sets (increasing ids) overlap at or above
/// `threshold`: shared terms over the smaller set, which has enough terms.
fn terms_overlap(x: &[u32], y: &[u32], threshold: f64) -> bool {
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

/// The least number of shared terms `s` with `s >= threshold * n`, computed
/// as [`terms_overlap`] computes it (`threshold` in 0..=1).
fn least_shared(threshold: f64, n: usize) -> usize {
    ((threshold * n as f64).ceil() as usize).min(n)
}

/// [`terms_overlap`] of `terms` with a set of `size` terms marked in
/// `present`, stopping as soon as the answer is known.
fn shares_enough(terms: &[u32], present: &[bool], threshold: f64, size: usize) -> bool {
    let smaller = terms.len().min(size);
    if smaller < MIN_TERMS_FOR_OVERLAP {
        return false;
    }
    let needed = least_shared(threshold, smaller);
    let mut shared = 0;
    for (k, &t) in terms.iter().enumerate() {
        if present[t as usize] {
            shared += 1;
            if shared >= needed {
                return true;
            }
        } else if shared + (terms.len() - k - 1) < needed {
            return false;
        }
    }
    shared >= needed
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
    fn new(candidates: &'c [Candidate<'a>], ranked: &[usize], config: &SelectConfig) -> Self {
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
