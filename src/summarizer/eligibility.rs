//! Which sentence groups compete, and when: the first tier each belongs to
//! (a document's opening competes before the rest: [`Config::lead_sentences`],
//! [`Config::lead_fraction`]) and the cross-document support that
//! [`Config::min_support`] asks of a group found in one document only.

use crate::summarizer::Config;
use crate::text::{self, SentenceGroup, SentenceKind};

/// Each group's first tier: how many of the opening sentences of its
/// document (the one of its earliest occurrence) compete from the start,
/// `max(lead_sentences, ceil(lead_fraction × n))` for a document of `n` prose
/// sentences ([`Config::lead_fraction`]).
pub(crate) fn first_tiers(
    config: &Config,
    sentences: &[text::Sentence],
    groups: &[SentenceGroup],
) -> Vec<u32> {
    let lead = u32::try_from(config.lead_sentences).unwrap_or(u32::MAX);
    if config.lead_fraction <= 0.0 {
        return vec![lead; groups.len()];
    }
    // Each document's prose length: one past its last reading position.
    let n_documents = sentences
        .iter()
        .map(|s| s.doc as usize + 1)
        .max()
        .unwrap_or(0);
    let mut prose = vec![0u32; n_documents];
    for s in sentences {
        if s.kind == SentenceKind::Prose {
            let n = &mut prose[s.doc as usize];
            *n = (*n).max(s.position + 1);
        }
    }
    groups
        .iter()
        .map(|g| {
            let earliest = g
                .occurrences
                .iter()
                .map(|&o| &sentences[o as usize])
                .min_by_key(|s| s.position);
            let n = earliest.map_or(1, |s| prose[s.doc as usize].max(1));
            let reach = (config.lead_fraction * f64::from(n)).ceil() as u32;
            lead.max(reach)
        })
        .collect()
}

/// For each group, the share of its distinct content terms that a document
/// it does not occur in also holds: 1 for a group in several documents, one
/// without content terms, and any group of a cluster of fewer than three
/// documents (see [`Config::min_support`]).
pub(crate) fn cross_document_support(terms: &[Vec<u32>], documents: &[Vec<u32>]) -> Vec<f64> {
    const NONE: u32 = u32::MAX;
    let n_terms = terms.iter().flatten().max().map_or(0, |&t| t as usize + 1);
    // Each term's first two documents: enough to know whether a document
    // other than a given one holds it.
    let mut holders = vec![[NONE; 2]; n_terms];
    for (ts, ds) in terms.iter().zip(documents) {
        for &t in ts {
            let h = &mut holders[t as usize];
            for &d in ds {
                if h[0] == NONE {
                    h[0] = d;
                } else if h[0] != d && h[1] == NONE {
                    h[1] = d;
                }
            }
        }
    }
    let mut all: Vec<u32> = documents.iter().flatten().copied().collect();
    all.sort_unstable();
    all.dedup();
    let mut distinct = Vec::new();
    terms
        .iter()
        .zip(documents)
        .map(|(ts, ds)| {
            distinct.clear();
            distinct.extend_from_slice(ts);
            distinct.sort_unstable();
            distinct.dedup();
            if all.len() < 3 || ds.len() != 1 || distinct.is_empty() {
                return 1.0;
            }
            let elsewhere = distinct
                .iter()
                .filter(|&&t| holders[t as usize].iter().any(|&h| h != NONE && h != ds[0]))
                .count();
            elsewhere as f64 / distinct.len() as f64
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn support_counts_content_words_other_documents_hold() {
        // Documents 0 and 1 share terms 1 and 2; document 2 shares term 1 only.
        let terms = vec![vec![1, 2, 3], vec![2, 1, 1], vec![1, 7, 8, 9], vec![4]];
        let documents = vec![vec![0], vec![1], vec![2], vec![0, 1]];
        let support = cross_document_support(&terms, &documents);
        assert_eq!(support, [2.0 / 3.0, 1.0, 0.25, 1.0]);
        // Two documents: neither outvotes the other.
        let two = vec![vec![0], vec![1], vec![1], vec![0, 1]];
        assert_eq!(cross_document_support(&terms, &two), [1.0; 4]);
    }
}
