//! Vectors: sentences to L2-normalised TF-IDF vectors over stemmed terms.
//!
//! Analysis runs in parallel over fixed-size chunks of sentences, each with its
//! own word cache, and the chunks' vocabularies are merged in chunk order: term
//! ids, and therefore every sum over terms, are the same whatever the number of
//! threads.
//!
//! IDF is computed over sentences by default ([`IdfSource::Sentences`]): a
//! cluster has few documents (often 2 to 10), and the words of its topic occur
//! in every one of them, so document-level IDF would give the topic's own words
//! a weight near zero; over sentences those words are frequent but not
//! universal and keep a moderate weight, while words found in a handful of
//! sentences still stand out. IDF is smoothed, `ln((1 + N) / (1 + df)) + 1`,
//! so no term's weight is ever zero.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::text::token::Analyzer;

/// What IDF counts a term's occurrences over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IdfSource {
    /// Each (distinct) sentence is a unit: the default.
    Sentences,
    /// Each document is a unit.
    Documents,
}

/// A sparse vector: term ids in increasing order with their weights.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SparseVector {
    /// Term ids, strictly increasing.
    pub terms: Vec<u32>,
    /// One weight per term.
    pub weights: Vec<f32>,
}

impl SparseVector {
    /// The dot product (the cosine, for normalised vectors), by merging.
    pub fn dot(&self, other: &SparseVector) -> f32 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0f32);
        while i < self.terms.len() && j < other.terms.len() {
            match self.terms[i].cmp(&other.terms[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += self.weights[i] * other.weights[j];
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    /// Whether the vector has no terms.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Number of distinct terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }
}

/// Term lists for a set of texts, with the vocabulary they index.
#[derive(Debug, Clone, Default)]
pub(crate) struct Analyzed {
    /// For each text, its term ids in text order (repeats kept).
    pub(crate) term_lists: Vec<Vec<u32>>,
    /// The terms (stems), indexed by id.
    pub(crate) terms: Vec<String>,
}

/// Sentences per analysis chunk: a function of the number of texts only, so
/// that results do not depend on threads. Small enough that a cluster of a
/// few thousand sentences is shared among cores; large enough (about 64
/// chunks at most) that each chunk's word cache pays off and the serial merge
/// of vocabularies stays small on huge clusters.
fn analysis_chunk(texts: usize) -> usize {
    (texts / 64).clamp(512, 16_384)
}

/// One chunk's texts as local word ids, and the chunk's words by id (with
/// the analyzer each was read by).
type ChunkWords = (Vec<Vec<u32>>, Vec<(u16, Box<str>)>);

/// Analyzes texts into term-id lists with one analyzer (see [`analyze_mixed`]).
#[cfg(test)]
pub(crate) fn analyze<S: AsRef<str> + Sync>(analyzer: &Analyzer, texts: &[S]) -> Analyzed {
    analyze_mixed(std::slice::from_ref(analyzer), texts, &[])
}

/// Analyzes texts into term-id lists, in parallel and deterministically, each
/// text with its own analyzer: `text_analyzers[i]` indexes `analyzers` for
/// text `i` (the first analyzer where the slice is shorter). A word read by
/// two analyzers is two words, but terms are shared: a name that two
/// languages leave alone is one term.
///
/// Four steps, so that every distinct word is analysed once however many
/// chunks it occurs in: words are collected per chunk (in parallel); the
/// chunks' words are merged in chunk order; each distinct word is turned into
/// its terms (in parallel); term ids follow the words' first occurrence.
pub(crate) fn analyze_mixed<S: AsRef<str> + Sync>(
    analyzers: &[Analyzer],
    texts: &[S],
    text_analyzers: &[u16],
) -> Analyzed {
    let chunk_size = analysis_chunk(texts.len());
    // 1. Per chunk: each text as local word ids, and the chunk's words.
    let chunks: Vec<ChunkWords> = texts
        .par_chunks(chunk_size)
        .enumerate()
        .map(|(c, chunk)| {
            let mut ids: Vec<FxHashMap<Box<str>, u32>> =
                vec![FxHashMap::default(); analyzers.len()];
            let mut words: Vec<(u16, Box<str>)> = Vec::new();
            let mut buf = String::new();
            let lists = chunk
                .iter()
                .enumerate()
                .map(|(k, text)| {
                    let a = text_analyzers.get(c * chunk_size + k).copied().unwrap_or(0);
                    let ids = &mut ids[a as usize];
                    let mut list = Vec::new();
                    analyzers[a as usize].for_each_word(text.as_ref(), &mut buf, |word| {
                        let id = match ids.get(word) {
                            Some(&id) => id,
                            None => {
                                let id = words.len() as u32;
                                words.push((a, word.into()));
                                ids.insert(word.into(), id);
                                id
                            }
                        };
                        list.push(id);
                    });
                    list
                })
                .collect();
            (lists, words)
        })
        .collect();
    // 2. Merge the words in chunk order: global ids by first occurrence.
    let mut global: Vec<FxHashMap<Box<str>, u32>> = vec![FxHashMap::default(); analyzers.len()];
    let mut words: Vec<(u16, Box<str>)> = Vec::new();
    let mut word_lists: Vec<Vec<u32>> = Vec::with_capacity(texts.len());
    for (lists, local_words) in chunks {
        let remap: Vec<u32> = local_words
            .into_iter()
            .map(|(a, word)| {
                let next = words.len() as u32;
                *global[a as usize].entry(word).or_insert_with_key(|word| {
                    words.push((a, word.clone()));
                    next
                })
            })
            .collect();
        for mut list in lists {
            list.iter_mut().for_each(|id| *id = remap[*id as usize]);
            word_lists.push(list);
        }
    }
    drop(global);
    // 3. Each distinct word's terms, once.
    let word_terms: Vec<Vec<String>> = words
        .par_iter()
        .with_min_len(crate::parallel::ITEMS)
        .map(|(a, w)| {
            let mut terms = Vec::new();
            analyzers[*a as usize].terms(w, &mut terms);
            terms
        })
        .collect();
    // 4. Term ids in order of the words' first occurrence; each word's term
    // ids as a range of one flat list.
    let mut term_ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut terms: Vec<String> = Vec::new();
    let mut flat: Vec<u32> = Vec::with_capacity(word_terms.len());
    let mut starts: Vec<u32> = Vec::with_capacity(word_terms.len() + 1);
    for word in word_terms {
        starts.push(flat.len() as u32);
        for term in word {
            let next = terms.len() as u32;
            flat.push(*term_ids.entry(term).or_insert_with_key(|term| {
                terms.push(term.clone());
                next
            }));
        }
    }
    starts.push(flat.len() as u32);
    let term_lists = word_lists
        .into_par_iter()
        .with_min_len(crate::parallel::ITEMS)
        .map(|list| {
            let mut out = Vec::with_capacity(list.len());
            for w in list {
                let w = w as usize;
                out.extend_from_slice(&flat[starts[w] as usize..starts[w + 1] as usize]);
            }
            out
        })
        .collect();
    Analyzed { term_lists, terms }
}

/// Weighting choices for TF-IDF.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct WeightConfig {
    /// What IDF counts over.
    pub idf: IdfSource,
    /// Use `1 + ln(tf)` instead of raw term counts.
    pub sublinear_tf: bool,
}

impl Default for WeightConfig {
    fn default() -> Self {
        WeightConfig {
            idf: IdfSource::Sentences,
            sublinear_tf: false,
        }
    }
}

/// TF-IDF vectors of a set of sentences.
#[derive(Debug, Clone, Default)]
pub(crate) struct TermVectors {
    /// One L2-normalised vector per sentence (empty when it has no content terms).
    pub(crate) rows: Vec<SparseVector>,
    /// IDF of every term.
    pub(crate) idf: Vec<f32>,
}

/// Builds TF-IDF vectors. `row_documents[i]` lists the documents row `i`
/// occurs in (used for document-level IDF); `n_terms` is the vocabulary size.
pub(crate) fn tfidf(
    term_lists: &[Vec<u32>],
    row_documents: &[Vec<u32>],
    n_terms: usize,
    config: WeightConfig,
) -> TermVectors {
    let counted: Vec<Vec<(u32, u32)>> = term_lists
        .par_iter()
        .with_min_len(crate::parallel::ITEMS)
        .map(|list| count_terms(list))
        .collect();
    let mut df = vec![0u32; n_terms];
    let units = match config.idf {
        IdfSource::Sentences => {
            for row in &counted {
                for &(t, _) in row {
                    df[t as usize] += 1;
                }
            }
            counted.len()
        }
        IdfSource::Documents => {
            let n_docs = row_documents
                .iter()
                .flatten()
                .map(|&d| d as usize + 1)
                .max()
                .unwrap_or(0);
            let mut last_doc_of_term = vec![u32::MAX; n_terms];
            let mut rows_by_doc: Vec<Vec<usize>> = vec![Vec::new(); n_docs];
            for (row, docs) in row_documents.iter().enumerate() {
                for &d in docs {
                    rows_by_doc[d as usize].push(row);
                }
            }
            for (d, rows) in rows_by_doc.iter().enumerate() {
                for &row in rows {
                    for &(t, _) in &counted[row] {
                        if last_doc_of_term[t as usize] != d as u32 {
                            last_doc_of_term[t as usize] = d as u32;
                            df[t as usize] += 1;
                        }
                    }
                }
            }
            n_docs
        }
    };
    let n = units as f32;
    let idf: Vec<f32> = df
        .iter()
        .map(|&df| ((1.0 + n) / (1.0 + df as f32)).ln() + 1.0)
        .collect();
    let rows = counted
        .par_iter()
        .with_min_len(crate::parallel::ITEMS)
        .map(|row| {
            let mut v = SparseVector {
                terms: Vec::with_capacity(row.len()),
                weights: Vec::with_capacity(row.len()),
            };
            for &(t, count) in row {
                let tf = if config.sublinear_tf {
                    1.0 + (count as f32).ln()
                } else {
                    count as f32
                };
                v.terms.push(t);
                v.weights.push(tf * idf[t as usize]);
            }
            let norm = v.weights.iter().map(|w| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.weights.iter_mut().for_each(|w| *w /= norm);
            }
            v
        })
        .collect();
    TermVectors { rows, idf }
}

/// Sorted (term, count) pairs of a term list.
fn count_terms(list: &[u32]) -> Vec<(u32, u32)> {
    let mut sorted = list.to_vec();
    sorted.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(sorted.len());
    for t in sorted {
        match out.last_mut() {
            Some((last, count)) if *last == t => *count += 1,
            _ => out.push((t, 1)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analysis_is_the_same_in_one_chunk_or_many() {
        let texts: Vec<String> = (0..5000)
            .map(|i| format!("word{} shared term{}", i % 37, i % 11))
            .collect();
        let analyzer = Analyzer::english();
        let a = analyze(&analyzer, &texts);
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let b = one.install(|| analyze(&analyzer, &texts));
        assert_eq!(a.term_lists, b.term_lists);
        assert_eq!(a.terms, b.terms);
        assert_eq!(a.terms[0], "word0");
    }

    #[test]
    fn vectors_are_normalised_and_cosines_make_sense() {
        let lists = vec![vec![0, 1, 1], vec![0, 1], vec![2, 3], vec![]];
        let docs = vec![vec![0], vec![0], vec![1], vec![1]];
        let v = tfidf(&lists, &docs, 4, WeightConfig::default());
        for row in &v.rows[..3] {
            let norm: f32 = row.weights.iter().map(|w| w * w).sum();
            assert!((norm - 1.0).abs() < 1e-5);
        }
        assert!(v.rows[3].is_empty());
        assert!(v.rows[0].dot(&v.rows[1]) > 0.9);
        assert_eq!(v.rows[0].dot(&v.rows[2]), 0.0);
    }

    #[test]
    fn document_idf_counts_each_document_once() {
        let lists = vec![vec![0, 1], vec![0], vec![0, 2]];
        let docs = vec![vec![0], vec![0], vec![1]];
        let v = tfidf(
            &lists,
            &docs,
            3,
            WeightConfig {
                idf: IdfSource::Documents,
                sublinear_tf: false,
            },
        );
        // term 0 is in both documents: the smallest idf; terms 1 and 2 in one each.
        assert!(v.idf[0] < v.idf[1]);
        assert_eq!(v.idf[1], v.idf[2]);
        assert!((v.idf[0] - 1.0).abs() < 1e-6);
    }
}
