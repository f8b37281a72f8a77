//! What the reader has already read: how close each sentence group comes to
//! a sentence read before, and which groups only say again what one said.

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::vectors::SparseVector;

/// Content-word sets smaller than this are compared by exact wording only
/// (as the selection's near-duplicate test does).
const MIN_TERMS_FOR_OVERLAP: usize = 3;

/// Each new group against the sentences read before.
#[derive(Debug, Clone, Default)]
pub(crate) struct AgainstRead {
    /// The greatest cosine to a sentence read before (0 when none shares a
    /// word).
    pub(crate) similarity: Vec<f64>,
    /// Whether it says again what a sentence read before said: the same
    /// words, or content words overlapping at or above the threshold.
    pub(crate) repeated: Vec<bool>,
}

/// Compares every new group (`rows`, with `keys` its normalised wording)
/// with every sentence read before (`read`, `read_keys`), through an index
/// from terms to the read sentences: only pairs that share a word are
/// looked at.
pub(crate) fn against_read(
    rows: &[SparseVector],
    keys: &[String],
    read: &[SparseVector],
    read_keys: &[String],
    threshold: f64,
) -> AgainstRead {
    let n_terms = rows
        .iter()
        .chain(read)
        .flat_map(|r| r.terms.last())
        .max()
        .map_or(0, |&t| t as usize + 1);
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n_terms];
    for (i, row) in read.iter().enumerate() {
        for (&t, &w) in row.terms.iter().zip(&row.weights) {
            postings[t as usize].push((i as u32, w));
        }
    }
    let read_keys: FxHashSet<&str> = read_keys
        .iter()
        .map(String::as_str)
        .filter(|k| !k.is_empty())
        .collect();
    let (similarity, repeated) = rows
        .par_iter()
        .zip(keys)
        .with_min_len(64)
        .map_init(
            || (vec![0f32; read.len()], vec![0u32; read.len()], Vec::new()),
            |(dots, shared, touched), (row, key)| {
                for (&t, &w) in row.terms.iter().zip(&row.weights) {
                    for &(i, v) in &postings[t as usize] {
                        let i = i as usize;
                        if shared[i] == 0 {
                            touched.push(i);
                        }
                        dots[i] += w * v;
                        shared[i] += 1;
                    }
                }
                let mut best = 0f32;
                let mut repeated = !key.is_empty() && read_keys.contains(key.as_str());
                for &i in touched.iter() {
                    best = best.max(dots[i]);
                    let smaller = row.terms.len().min(read[i].terms.len());
                    if smaller >= MIN_TERMS_FOR_OVERLAP
                        && f64::from(shared[i]) >= threshold * smaller as f64
                    {
                        repeated = true;
                    }
                    dots[i] = 0.0;
                    shared[i] = 0;
                }
                touched.clear();
                (f64::from(best).clamp(0.0, 1.0), repeated)
            },
        )
        .unzip();
    AgainstRead {
        similarity,
        repeated,
    }
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
    fn repeats_and_similarity_to_what_was_read() {
        let rows = [v(&[0, 1, 2, 3]), v(&[0, 7, 8, 9]), v(&[20, 21, 22])];
        let keys = ["a".to_owned(), "b".to_owned(), "the same words".to_owned()];
        let read = [v(&[0, 1, 2, 4]), v(&[30, 31, 32])];
        let read_keys = ["x".to_owned(), "the same words".to_owned()];
        let against = against_read(&rows, &keys, &read, &read_keys, 0.7);
        // Three of four content words shared: a repeat; one of four: not.
        assert_eq!(against.repeated, [true, false, true]);
        assert!((against.similarity[0] - 0.75).abs() < 1e-6);
        assert!((against.similarity[1] - 0.25).abs() < 1e-6);
        assert_eq!(against.similarity[2], 0.0);
        let nothing = against_read(&rows, &keys, &[], &[], 0.7);
        assert_eq!(nothing.repeated, [false; 3]);
        assert_eq!(nothing.similarity, [0.0; 3]);
    }
}
