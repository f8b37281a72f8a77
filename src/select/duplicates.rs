//! Whether two candidates say the same thing: the same words in any case or
//! punctuation, or content-word sets that overlap beyond a threshold.

use super::Candidate;

/// Content-word sets smaller than this are compared by exact wording only.
pub(super) const MIN_TERMS_FOR_OVERLAP: usize = 3;

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
pub(super) fn terms_overlap(x: &[u32], y: &[u32], threshold: f64) -> bool {
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
pub(super) fn least_shared(threshold: f64, n: usize) -> usize {
    ((threshold * n as f64).ceil() as usize).min(n)
}

/// [`terms_overlap`] of `terms` with a set of `size` terms marked in
/// `present`, stopping as soon as the answer is known.
pub(super) fn shares_enough(terms: &[u32], present: &[bool], threshold: f64, size: usize) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::select::tests::v;

    #[test]
    fn near_duplicates_by_overlap() {
        let (a, b) = (v(&[1, 2, 3, 4]), v(&[1, 2, 3, 9]));
        let x = Candidate {
            score: 1.0,
            weight: 1.0,
            text: "a",
            vector: &a,
            terms: &[],
        };
        let y = Candidate {
            score: 1.0,
            weight: 1.0,
            text: "b",
            vector: &b,
            terms: &[],
        };
        assert!(near_duplicate(&x, &y, 0.7));
        assert!(!near_duplicate(&x, &y, 0.8));
    }
}
