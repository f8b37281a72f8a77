//! Concepts: the units of information a summary is scored on covering.
//!
//! Following Gillick & Favre (2009, ICSISumm), a concept is a pair of
//! consecutive content words (stemmed, stop words already removed, so
//! "shop in Swansea" gives `shop swansea`); single content words are concepts
//! too, at [`CoverageConfig::unigram_weight`] of a pair's weight. A concept
//! matters in proportion to how many documents of the cluster mention it:
//! what several sources report independently is what the cluster is about,
//! and a pair of words says more than either word alone (`da vinci`, `vinci
//! code`), which is also what ROUGE-2 rewards. Concepts found in fewer than
//! [`CoverageConfig::min_documents`] documents weigh nothing, so that one
//! source's digressions do not compete with the shared story. With a single
//! document, concepts are weighed by the sentences that mention them instead.
//!
//! A mention may count less than a whole document
//! ([`Context::mention_weights`]): with a question, a concept mentioned only
//! in sentences far from it weighs little, however many documents mention
//! it. A document then adds its best mention's weight.
//!
//! Only the concepts of the candidates in the selection pool are indexed; the
//! whole cluster is then scanned once for them (in parallel), and their
//! documents counted document by document, without sorting: memory grows
//! with the pool's vocabulary and the cluster's mentions of it.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::{Context, CoverageConfig};

/// A unigram concept's second half.
const UNIGRAM: u32 = u32::MAX;

/// The concepts of the pooled candidates and their weights.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Concepts {
    /// For each pooled candidate, its distinct concept ids, increasing.
    pub of: Vec<Vec<u32>>,
    /// The weight of each concept id (0 for concepts too rare to count).
    pub weights: Vec<f64>,
}

/// The concept keys of a term sequence: its bigrams, and its unigrams too
/// when `unigrams` is set, in text order, repeats kept.
fn each_key(terms: &[u32], unigrams: bool) -> impl Iterator<Item = u64> + '_ {
    let bigrams = terms
        .windows(2)
        .map(|w| ((w[0] as u64) << 32) | w[1] as u64);
    let singles = terms
        .iter()
        .filter(move |_| unigrams)
        .map(|&t| ((t as u64) << 32) | UNIGRAM as u64);
    bigrams.chain(singles)
}

/// The distinct concept keys of a term sequence, increasing.
fn keys(terms: &[u32], unigrams: bool, out: &mut Vec<u64>) {
    out.clear();
    out.extend(each_key(terms, unigrams));
    out.sort_unstable();
    out.dedup();
}

/// Indexes the concepts of `pool_terms` (the pooled candidates' term
/// sequences) and weighs them by the documents of `context` that hold them.
pub(crate) fn build(
    pool_terms: &[&[u32]],
    context: &Context<'_>,
    config: &CoverageConfig,
) -> Concepts {
    let unigrams = config.unigram_weight > 0.0;
    let mut ids: FxHashMap<u64, u32> = FxHashMap::default();
    let mut key_of: Vec<u64> = Vec::new();
    let mut buf = Vec::new();
    let of: Vec<Vec<u32>> = pool_terms
        .iter()
        .map(|terms| {
            keys(terms, unigrams, &mut buf);
            let mut list: Vec<u32> = buf
                .iter()
                .map(|&k| {
                    *ids.entry(k).or_insert_with(|| {
                        key_of.push(k);
                        key_of.len() as u32 - 1
                    })
                })
                .collect();
            list.sort_unstable();
            list
        })
        .collect();
    const NONE: u32 = u32::MAX;
    // Lookups without hashing where possible: single words by a dense table,
    // and a pair only when its first word opens some pooled pair (most of a
    // cluster's words open none).
    let top = key_of
        .iter()
        .map(|&k| (k >> 32) as usize + 1)
        .max()
        .unwrap_or(0);
    let mut single_id = vec![NONE; top];
    let mut opens_pair = vec![false; top];
    for (id, &k) in key_of.iter().enumerate() {
        if k as u32 == UNIGRAM {
            single_id[(k >> 32) as usize] = id as u32;
        } else {
            opens_pair[(k >> 32) as usize] = true;
        }
    }
    let opens = |t: u32| opens_pair.get(t as usize).copied().unwrap_or(false);
    let single = |t: u32| single_id.get(t as usize).copied().unwrap_or(NONE);
    // Each group's concepts among the pool's, looked up in parallel, pairs
    // then words as `each_key` gives them (a concept repeated within a group
    // is counted once below).
    let mentions: Vec<Vec<u32>> = context
        .terms
        .par_iter()
        .with_min_len(crate::parallel::ITEMS)
        .map(|terms| {
            let mut found = Vec::with_capacity(2 * terms.len());
            found.extend(
                terms
                    .windows(2)
                    .filter(|w| opens(w[0]))
                    .filter_map(|w| ids.get(&(((w[0] as u64) << 32) | w[1] as u64)).copied()),
            );
            if unigrams {
                found.extend(terms.iter().map(|&t| single(t)).filter(|&id| id != NONE));
            }
            found
        })
        .collect();
    // The sentence groups that mention each concept, for when there is a
    // single document.
    let mut sentences = vec![0usize; key_of.len()];
    let mut last = vec![NONE; key_of.len()];
    for (g, list) in mentions.iter().enumerate() {
        for &c in list {
            if last[c as usize] != g as u32 {
                last[c as usize] = g as u32;
                sentences[c as usize] += 1;
            }
        }
    }
    // The documents that mention each concept, document by document in
    // increasing order: each counted once, with the weight of its best
    // mention there (1 when mentions are not weighed), summed in that order.
    let n_documents = context
        .documents
        .iter()
        .flatten()
        .map(|&d| d as usize + 1)
        .max()
        .unwrap_or(0);
    let mut groups_of: Vec<Vec<u32>> = vec![Vec::new(); n_documents];
    for (g, docs) in context.documents.iter().enumerate() {
        for &d in docs {
            groups_of[d as usize].push(g as u32);
        }
    }
    let mention = |g: usize| context.mention_weights.get(g).copied().unwrap_or(1.0);
    last.fill(NONE);
    let mut best = vec![0f64; key_of.len()];
    let mut units = vec![0usize; key_of.len()];
    let mut mass = vec![0f64; key_of.len()];
    for (d, groups) in groups_of.iter().enumerate() {
        let d = d as u32;
        for &g in groups {
            let weight = mention(g as usize);
            for &c in &mentions[g as usize] {
                let c = c as usize;
                if last[c] != d {
                    if last[c] != NONE {
                        mass[c] += best[c];
                    }
                    last[c] = d;
                    units[c] += 1;
                    best[c] = weight;
                } else if weight > best[c] {
                    best[c] = weight;
                }
            }
        }
    }
    for c in 0..key_of.len() {
        if last[c] != NONE {
            mass[c] += best[c];
        }
    }
    let present = groups_of.iter().filter(|g| !g.is_empty()).count();
    let by_sentences = present < 2;
    let min_units = if by_sentences {
        config.min_documents
    } else {
        config.min_documents.min(present)
    }
    .max(1);
    let weighed = !context.mention_weights.is_empty();
    let weights = (0..key_of.len())
        .map(|c| {
            let units = if by_sentences { sentences[c] } else { units[c] };
            if units < min_units {
                return 0.0;
            }
            let mass = if weighed && !by_sentences {
                mass[c]
            } else {
                units as f64
            };
            let w = mass.powf(config.document_exponent);
            if key_of[c] as u32 == UNIGRAM {
                w * config.unigram_weight
            } else {
                w
            }
        })
        .collect();
    Concepts { of, weights }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bigrams_weighted_by_documents() {
        // Terms: 0 1 2 in doc 0, 0 1 in doc 1, 1 2 in doc 2.
        let all = vec![vec![0, 1, 2], vec![0, 1], vec![1, 2]];
        let docs = vec![vec![0], vec![1], vec![2]];
        let context = Context {
            terms: &all,
            documents: &docs,
            ..Context::default()
        };
        let config = CoverageConfig {
            min_documents: 2,
            unigram_weight: 0.0,
            document_exponent: 1.0,
            ..Default::default()
        };
        let pool: Vec<&[u32]> = vec![&all[0]];
        let c = build(&pool, &context, &config);
        // (0,1) in docs 0 and 1; (1,2) in docs 0 and 2.
        assert_eq!(c.of, [vec![0, 1]]);
        assert_eq!(c.weights, [2.0, 2.0]);
        let lone: Vec<&[u32]> = vec![&[7, 8]];
        let c = build(&lone, &context, &config);
        assert_eq!(c.weights, [0.0]);
    }

    #[test]
    fn weighed_mentions_count_each_document_once_at_its_best() {
        // Bigram (0, 1) in documents 0 (twice: 0.25 and 1.0) and 1 (0.5).
        let all = vec![vec![0, 1], vec![0, 1], vec![0, 1], vec![7, 8]];
        let docs = vec![vec![0], vec![0], vec![1], vec![1]];
        let weights = [0.25, 1.0, 0.5, 1.0];
        let config = CoverageConfig {
            min_documents: 2,
            unigram_weight: 0.0,
            document_exponent: 1.0,
            ..Default::default()
        };
        let pool: Vec<&[u32]> = vec![&all[0]];
        let weighed = Context {
            terms: &all,
            documents: &docs,
            mention_weights: &weights,
        };
        assert_eq!(build(&pool, &weighed, &config).weights, [1.5]);
        // Unweighed, the same concept weighs its two documents.
        let plain = Context {
            mention_weights: &[],
            ..weighed
        };
        assert_eq!(build(&pool, &plain, &config).weights, [2.0]);
    }

    #[test]
    fn one_document_counts_sentences() {
        let all = vec![vec![0, 1, 2], vec![0, 1], vec![0, 1, 5], vec![1, 2]];
        let docs = vec![vec![0]; 4];
        let context = Context {
            terms: &all,
            documents: &docs,
            ..Context::default()
        };
        let config = CoverageConfig {
            min_documents: 2,
            unigram_weight: 0.0,
            document_exponent: 1.0,
            ..Default::default()
        };
        let pool: Vec<&[u32]> = vec![&all[2]];
        let c = build(&pool, &context, &config);
        // (0,1) in three sentences; (1,5) in one.
        assert_eq!(c.weights, [3.0, 0.0]);
    }

    #[test]
    fn a_concept_repeated_in_a_sentence_counts_once() {
        // (0,1) twice in the first sentence, once in the second.
        let all = vec![vec![0, 1, 0, 1], vec![0, 1]];
        let config = CoverageConfig {
            min_documents: 1,
            unigram_weight: 0.0,
            document_exponent: 1.0,
            ..Default::default()
        };
        let pool: Vec<&[u32]> = vec![&all[1]];
        let one_document = vec![vec![0]; 2];
        let context = Context {
            terms: &all,
            documents: &one_document,
            ..Context::default()
        };
        assert_eq!(build(&pool, &context, &config).weights, [2.0]);
        let two_documents = vec![vec![0], vec![1]];
        let context = Context {
            documents: &two_documents,
            ..context
        };
        assert_eq!(build(&pool, &context, &config).weights, [2.0]);
    }

    #[test]
    fn unigrams_when_asked() {
        let all = vec![vec![3, 4], vec![3]];
        let docs = vec![vec![0], vec![1]];
        let context = Context {
            terms: &all,
            documents: &docs,
            ..Context::default()
        };
        let config = CoverageConfig {
            min_documents: 2,
            unigram_weight: 0.5,
            document_exponent: 1.0,
            ..Default::default()
        };
        let pool: Vec<&[u32]> = vec![&all[0]];
        let c = build(&pool, &context, &config);
        let mut w = c.weights.clone();
        w.sort_by(f64::total_cmp);
        // (3,4) and 4 are in one document; 3 is in two.
        assert_eq!(w, [0.0, 0.0, 1.0]);
    }

    #[test]
    fn the_linear_count_is_the_plain_count() {
        let mut state = 7u64;
        let mut next = |n: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % n
        };
        for round in 0..40 {
            let n_documents = 1 + next(4);
            let groups = 1 + next(12) as usize;
            let all: Vec<Vec<u32>> = (0..groups)
                .map(|_| (0..next(6)).map(|_| next(5) as u32).collect())
                .collect();
            let docs: Vec<Vec<u32>> = (0..groups)
                .map(|_| {
                    let mut d: Vec<u32> =
                        (0..1 + next(2)).map(|_| next(n_documents) as u32).collect();
                    d.sort_unstable();
                    d.dedup();
                    d
                })
                .collect();
            let context = Context {
                terms: &all,
                documents: &docs,
                ..Context::default()
            };
            let config = CoverageConfig {
                min_documents: 1,
                unigram_weight: 0.5,
                document_exponent: 1.0,
                ..Default::default()
            };
            let pool: Vec<&[u32]> = all.iter().take(3).map(Vec::as_slice).collect();
            let c = build(&pool, &context, &config);
            let mut distinct: Vec<u32> = docs.iter().flatten().copied().collect();
            distinct.sort_unstable();
            distinct.dedup();
            let mut buf = Vec::new();
            for (slot, terms) in pool.iter().enumerate() {
                keys(terms, true, &mut buf);
                let pooled = buf.clone();
                let mut expected: Vec<f64> = pooled
                    .iter()
                    .map(|key| {
                        let holders: Vec<usize> = (0..groups)
                            .filter(|&g| {
                                keys(&all[g], true, &mut buf);
                                buf.contains(key)
                            })
                            .collect();
                        let units = if distinct.len() < 2 {
                            holders.len()
                        } else {
                            let mut d: Vec<u32> =
                                holders.iter().flat_map(|&g| docs[g].clone()).collect();
                            d.sort_unstable();
                            d.dedup();
                            d.len()
                        };
                        let unigram = *key as u32 == UNIGRAM;
                        units as f64 * if unigram { 0.5 } else { 1.0 }
                    })
                    .collect();
                let mut actual: Vec<f64> = c.of[slot]
                    .iter()
                    .map(|&id| c.weights[id as usize])
                    .collect();
                expected.sort_by(f64::total_cmp);
                actual.sort_by(f64::total_cmp);
                assert_eq!(actual, expected, "round {round}, candidate {slot}");
            }
        }
    }
}
