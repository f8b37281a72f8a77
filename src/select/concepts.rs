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
//! Only the concepts of the candidates in the selection pool are indexed; the
//! whole cluster is then scanned once to count their documents, so memory
//! stays proportional to the pool, not to the cluster.

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
/// when `unigrams` is set.
fn keys(terms: &[u32], unigrams: bool, out: &mut Vec<u64>) {
    out.clear();
    out.extend(
        terms
            .windows(2)
            .map(|w| ((w[0] as u64) << 32) | w[1] as u64),
    );
    if unigrams {
        out.extend(terms.iter().map(|&t| ((t as u64) << 32) | UNIGRAM as u64));
    }
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
    ids.reserve(pool_terms.iter().map(|t| 2 * t.len()).sum());
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
    // How many documents mention each concept, over the whole cluster, and
    // how many sentence groups, for when there is a single document. The
    // groups are visited document by document, so that a concept's last
    // document seen tells whether this one is new: one pass, linear in the
    // cluster, with no list of documents per concept.
    let n_documents = context
        .documents
        .iter()
        .flatten()
        .map(|&d| d as usize + 1)
        .max()
        .unwrap_or(0);
    let mut start = vec![0usize; n_documents + 1];
    for docs in context.documents {
        for &d in docs {
            start[d as usize + 1] += 1;
        }
    }
    for d in 0..n_documents {
        start[d + 1] += start[d];
    }
    let mut by_document = vec![0u32; start[n_documents]];
    let mut next = start.clone();
    for (g, docs) in context.documents.iter().enumerate() {
        for &d in docs {
            by_document[next[d as usize]] = g as u32;
            next[d as usize] += 1;
        }
    }
    let mut document_count = vec![0u32; key_of.len()];
    let mut last_document = vec![u32::MAX; key_of.len()];
    let mut sentences = vec![0usize; key_of.len()];
    let mut last_group = vec![u32::MAX; key_of.len()];
    // Lookups without hashing where possible: single words by a dense table,
    // and a pair only when its first word opens some pooled pair.
    let top = key_of
        .iter()
        .map(|&k| (k >> 32) as usize + 1)
        .max()
        .unwrap_or(0);
    let mut single_id = vec![u32::MAX; top];
    let mut opens_pair = vec![false; top];
    for (id, &k) in key_of.iter().enumerate() {
        if k as u32 == UNIGRAM {
            single_id[(k >> 32) as usize] = id as u32;
        } else {
            opens_pair[(k >> 32) as usize] = true;
        }
    }
    let opens = |t: u32| opens_pair.get(t as usize).copied().unwrap_or(false);
    for d in 0..n_documents {
        for &g in &by_document[start[d]..start[d + 1]] {
            // Each key of the group, repeats included (the markers count a
            // document and a group once), without building the sorted set.
            let terms = &context.terms[g as usize];
            let pairs = terms
                .windows(2)
                .filter(|w| opens(w[0]))
                .filter_map(|w| ids.get(&(((w[0] as u64) << 32) | w[1] as u64)).copied());
            let singles = terms
                .iter()
                .filter(|_| unigrams)
                .filter_map(|&t| single_id.get(t as usize).copied())
                .filter(|&id| id != u32::MAX);
            for id in pairs.chain(singles) {
                let id = id as usize;
                if last_document[id] != d as u32 {
                    last_document[id] = d as u32;
                    document_count[id] += 1;
                }
                if last_group[id] != g {
                    last_group[id] = g;
                    sentences[id] += 1;
                }
            }
        }
    }
    let all_documents = start.windows(2).filter(|w| w[1] > w[0]).count();
    // One document (a single file, or a cluster whose other documents were
    // all page junk) cannot tell concepts apart by documents: what its
    // sentences repeat is what it is about.
    let by_sentences = all_documents < 2;
    // A cluster of two documents cannot ask for three.
    let min_units = if by_sentences {
        config.min_documents
    } else {
        config.min_documents.min(all_documents)
    }
    .max(1);
    let weights = document_count
        .iter()
        .zip(&sentences)
        .zip(&key_of)
        .map(|((&documents, &sentences), &key)| {
            let units = if by_sentences {
                sentences
            } else {
                documents as usize
            };
            if units < min_units {
                return 0.0;
            }
            let w = (units as f64).powf(config.document_exponent);
            if key as u32 == UNIGRAM {
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
    fn one_document_counts_sentences() {
        let all = vec![vec![0, 1, 2], vec![0, 1], vec![0, 1, 5], vec![1, 2]];
        let docs = vec![vec![0]; 4];
        let context = Context {
            terms: &all,
            documents: &docs,
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

    /// The one-pass count against the plain definition: for each pooled
    /// concept, the distinct documents (or, with one document, the groups)
    /// whose term sequences hold it, on clusters where groups repeat across
    /// documents and concepts repeat within a group.
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

    #[test]
    fn unigrams_when_asked() {
        let all = vec![vec![3, 4], vec![3]];
        let docs = vec![vec![0], vec![1]];
        let context = Context {
            terms: &all,
            documents: &docs,
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
}
