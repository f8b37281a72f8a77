//! Documents that do not belong to the cluster's event, set aside before
//! selection: a story about another summit three years earlier, a page of
//! site furniture, a different story scraped into the folder.
//!
//! Each document is judged against the others (leave one out), on two
//! independent signals, and set aside when either is clear:
//!
//! - **content**: its TF-IDF profile is far from the other documents' (cosine
//!   to their normalised sum below [`SetAsideConfig::similarity_ratio`] of
//!   what the others typically reach) *and* it holds few of the words every
//!   other document holds (below [`SetAsideConfig::shared_ratio`] of the
//!   others' typical share). Both must hold: a short document or one with an angle of
//!   its own fails one of them, not both.
//! - **dates**: the first explicit date it gives (`19 June 2012`; weekdays and
//!   bare years are no dates) falls in a year that no other date of it shares
//!   with the cluster, while at least two other documents, and most of the
//!   dated ones, open with dates of one other year.
//!
//! Conservative by construction: only documents of some length (one
//! sentence says too little to judge) in clusters of three or more such
//! documents are judged, fewer than half of them may be set aside (the most
//! distant first), and a cluster is never emptied.

use std::fmt;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::ingest::Document;
use crate::text::dates::ExplicitDate;
use crate::text::{self, SentenceGroup};
use crate::vectors;

/// Thresholds of the set-aside rules (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct SetAsideConfig {
    /// Whether off-event documents are set aside at all (`--keep-all` turns
    /// it off).
    pub enabled: bool,
    /// A document's similarity to the rest, over the median of the other
    /// documents' own similarities, below which it is far from the cluster.
    pub similarity_ratio: f64,
    /// A document's share of the words every other document holds, over the
    /// median of the others' shares, below which it misses the cluster's core.
    pub shared_ratio: f64,
    /// Documents with fewer distinct content terms are too short to judge by
    /// their words: they are judged by their dates only, and are no part of
    /// the others' measure.
    pub min_terms: usize,
}

impl SetAsideConfig {
    /// Whether these are the default thresholds.
    pub(crate) fn is_default(&self) -> bool {
        *self == SetAsideConfig::default()
    }
}

impl Default for SetAsideConfig {
    fn default() -> Self {
        SetAsideConfig {
            enabled: true,
            similarity_ratio: 0.7,
            shared_ratio: 0.6,
            min_terms: 25,
        }
    }
}

/// What the rules know of one document.
#[derive(Debug, Clone, Default)]
pub(crate) struct DocumentProfile {
    /// The sum of the TF-IDF vectors of its sentences (any scale).
    pub(crate) vector: FxHashMap<u32, f64>,
    /// Its explicit dates, in text order.
    pub(crate) dates: Vec<ExplicitDate>,
}

/// Why a document was set aside.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum SetAsideReason {
    /// Its words are far from the other documents'.
    Content {
        /// Its cosine to the other documents.
        similarity: f64,
        /// The median cosine of the other documents to theirs.
        typical_similarity: f64,
        /// Its share of the words every other document holds.
        shared: f64,
        /// The median share of the other documents.
        typical_shared: f64,
    },
    /// It is dated in another year than the cluster.
    Dated {
        /// Its first explicit date.
        date: ExplicitDate,
        /// The year of the other documents' first dates.
        cluster_year: u16,
        /// How many other documents open with a date in that year.
        documents: usize,
    },
    /// None of its sentences holds a word of the question asked, while
    /// other documents' do.
    OffQuestion,
}

impl fmt::Display for SetAsideReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SetAsideReason::Content {
                similarity,
                typical_similarity,
                shared,
                typical_shared,
            } => write!(
                f,
                "off topic: it shares little with the other documents (similarity {similarity:.2} \
                 against their typical {typical_similarity:.2}; it holds {:.0}% of the words all \
                 of them hold, against their typical {:.0}%)",
                shared * 100.0,
                typical_shared * 100.0
            ),
            SetAsideReason::Dated {
                date,
                cluster_year,
                documents,
            } => write!(
                f,
                "another date: it is dated {date}, while {documents} other documents are dated \
                 {cluster_year}"
            ),
            SetAsideReason::OffQuestion => write!(
                f,
                "off topic: nothing in it answers the question (none of its sentences holds a \
                 word of it)"
            ),
        }
    }
}

/// One document set aside.
#[derive(Debug, Clone, PartialEq)]
pub struct SetAside {
    /// Its index among the cluster's documents.
    pub document: usize,
    /// Why.
    pub reason: SetAsideReason,
}

/// Documents per chunk when the cluster's totals are summed in parallel.
const PROFILE_CHUNK: usize = 256;

fn norm(v: &FxHashMap<u32, f64>) -> f64 {
    v.values().map(|x| x * x).sum::<f64>().sqrt()
}

/// The median of `sorted` (ascending) with one occurrence of `value` left
/// out: each document's "typical" is the others' median, found for every
/// document from one sort rather than one sort each (large clusters hold
/// tens of thousands of documents).
fn median_without(sorted: &[f64], value: f64) -> f64 {
    let left_out = sorted.partition_point(|&x| x.total_cmp(&value).is_lt());
    let at = |i: usize| sorted[if i < left_out { i } else { i + 1 }];
    let n = sorted.len().saturating_sub(1);
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => at(n / 2),
        _ => (at(n / 2 - 1) + at(n / 2)) / 2.0,
    }
}

/// Each document's cosine to the others' normalised sum, and its share of the
/// terms every other document holds (the cluster's core without it).
fn leave_one_out(profiles: &[&DocumentProfile]) -> Vec<(f64, f64)> {
    let n = profiles.len();
    let norms: Vec<f64> = profiles
        .par_iter()
        .with_min_len(crate::parallel::DOCUMENTS)
        .map(|p| norm(&p.vector))
        .collect();
    // Summed in chunks of a fixed size, the chunks then in order: the same
    // sums at any thread count.
    let partial: Vec<(FxHashMap<u32, f64>, FxHashMap<u32, usize>)> = profiles
        .par_chunks(PROFILE_CHUNK)
        .zip(norms.par_chunks(PROFILE_CHUNK))
        .map(|(chunk, chunk_norms)| {
            let mut total: FxHashMap<u32, f64> = FxHashMap::default();
            let mut holders: FxHashMap<u32, usize> = FxHashMap::default();
            for (p, &nrm) in chunk.iter().zip(chunk_norms) {
                for (&t, &w) in &p.vector {
                    *total.entry(t).or_default() += w / nrm;
                    *holders.entry(t).or_default() += 1;
                }
            }
            (total, holders)
        })
        .collect();
    let mut parts = partial.into_iter();
    let (mut total, mut holders) = parts.next().unwrap_or_default();
    for (chunk_total, chunk_holders) in parts {
        for (t, w) in chunk_total {
            *total.entry(t).or_default() += w;
        }
        for (t, c) in chunk_holders {
            *holders.entry(t).or_default() += c;
        }
    }
    let need = n - 1;
    let total_norm_sq: f64 = total.values().map(|w| w * w).sum();
    let core_terms = holders.values().filter(|&&c| c >= need).count();
    (0..n)
        .into_par_iter()
        .with_min_len(crate::parallel::DOCUMENTS)
        .map(|i| {
            let own = &profiles[i].vector;
            let nrm = norms[i].max(f64::MIN_POSITIVE);
            // The others' sum is the total less this document's unit vector:
            // |rest|^2 = |total|^2 - 2 total.own/|own| + 1.
            let own_dot_total: f64 = own
                .iter()
                .map(|(t, &w)| w * total.get(t).copied().unwrap_or(0.0))
                .sum();
            let dot = own_dot_total - nrm;
            let rest_norm = (total_norm_sq - 2.0 * own_dot_total / nrm + 1.0)
                .max(0.0)
                .sqrt();
            let similarity = (dot / (nrm * rest_norm).max(f64::MIN_POSITIVE)).max(0.0);
            // Terms every *other* document holds: those held by `need`
            // documents in all, less those of this document that only reach
            // `need` with it.
            let count = |t: &u32| holders.get(t).copied().unwrap_or(0);
            let held = own.keys().filter(|t| count(t) > need).count();
            let reached_with_it = own.keys().filter(|t| count(t) == need).count();
            let core = core_terms - reached_with_it;
            let shared = if core == 0 {
                1.0
            } else {
                held as f64 / core as f64
            };
            (similarity, shared)
        })
        .collect()
}

/// The documents to set aside, most distant first, with their reasons.
/// `profiles` holds one profile per document: empty ones are never judged;
/// those shorter than [`SetAsideConfig::min_terms`] are judged by their dates
/// only.
pub(crate) fn off_event(profiles: &[DocumentProfile], config: &SetAsideConfig) -> Vec<SetAside> {
    if !config.enabled {
        return Vec::new();
    }
    // Dates are judged on every document with text; content only on those
    // long enough to tell.
    let with_text: Vec<usize> = (0..profiles.len())
        .filter(|&i| !profiles[i].vector.is_empty())
        .collect();
    if with_text.len() < 3 {
        return Vec::new();
    }
    let judged: Vec<usize> = with_text
        .iter()
        .copied()
        .filter(|&i| profiles[i].vector.len() >= config.min_terms)
        .collect();
    let mut found: Vec<(f64, SetAside)> = Vec::new();
    if judged.len() >= 3 {
        let judged_profiles: Vec<&DocumentProfile> = judged.iter().map(|&i| &profiles[i]).collect();
        let measures = leave_one_out(&judged_profiles);
        let sorted = |pick: fn(&(f64, f64)) -> f64| {
            let mut values: Vec<f64> = measures.iter().map(pick).collect();
            values.sort_by(f64::total_cmp);
            values
        };
        let similarities = sorted(|m| m.0);
        let shares = sorted(|m| m.1);
        for (k, &doc) in judged.iter().enumerate() {
            let (similarity, shared) = measures[k];
            let typical_similarity = median_without(&similarities, similarity);
            let typical_shared = median_without(&shares, shared);
            if similarity < config.similarity_ratio * typical_similarity
                && shared < config.shared_ratio * typical_shared
            {
                let reason = SetAsideReason::Content {
                    similarity,
                    typical_similarity,
                    shared,
                    typical_shared,
                };
                let distance = similarity / typical_similarity.max(f64::MIN_POSITIVE);
                found.push((
                    distance,
                    SetAside {
                        document: doc,
                        reason,
                    },
                ));
            }
        }
    }
    let dated: Vec<&DocumentProfile> = with_text.iter().map(|&i| &profiles[i]).collect();
    let years = FirstYears::of(&dated);
    let mut by_content = vec![false; profiles.len()];
    for (_, s) in &found {
        by_content[s.document] = true;
    }
    for (k, &doc) in with_text.iter().enumerate() {
        if by_content[doc] {
            continue;
        }
        if let Some(reason) = other_year(k, &dated, &years) {
            found.push((
                1.0,
                SetAside {
                    document: doc,
                    reason,
                },
            ));
        }
    }
    found.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.document.cmp(&b.1.document)));
    found.truncate((with_text.len() - 1) / 2);
    let mut set_aside: Vec<SetAside> = found.into_iter().map(|(_, s)| s).collect();
    set_aside.sort_by_key(|s| s.document);
    set_aside
}

/// How many documents open with a date of each year: counted once per
/// cluster, each document's view of the others found by leaving its own out.
struct FirstYears {
    counts: FxHashMap<u16, usize>,
    dated: usize,
}

impl FirstYears {
    fn of(profiles: &[&DocumentProfile]) -> FirstYears {
        let mut counts: FxHashMap<u16, usize> = FxHashMap::default();
        let mut dated = 0usize;
        for first in profiles.iter().filter_map(|p| p.dates.first()) {
            *counts.entry(first.year).or_default() += 1;
            dated += 1;
        }
        FirstYears { counts, dated }
    }
}

/// The dates rule for document `k` (see the module documentation).
fn other_year(
    k: usize,
    profiles: &[&DocumentProfile],
    years: &FirstYears,
) -> Option<SetAsideReason> {
    let date = *profiles[k].dates.first()?;
    // The others' counts: this document's own first year counted out.
    let others = |year: u16, count: usize| count - usize::from(year == date.year);
    let dated = years.dated - 1;
    let (cluster_year, documents) = years
        .counts
        .iter()
        .map(|(&year, &count)| (year, others(year, count)))
        .filter(|&(_, count)| count > 0)
        .max_by_key(|&(year, count)| (count, std::cmp::Reverse(year)))?;
    let own_years = || profiles[k].dates.iter().map(|d| d.year);
    (cluster_year != date.year
        && documents >= 2
        && 2 * documents > dated
        && !own_years().any(|y| y == cluster_year))
    .then_some(SetAsideReason::Dated {
        date,
        cluster_year,
        documents,
    })
}

/// Documents none of whose sentences holds a word of the question, when
/// some other document does: set aside as off the question.
pub(crate) fn off_question(
    n_documents: usize,
    groups: &[SentenceGroup],
    sentences: &[text::Sentence],
    relevance: &[f64],
    already: &[SetAside],
) -> Vec<SetAside> {
    let mut relevant = vec![false; n_documents];
    for (g, group) in groups.iter().enumerate() {
        if relevance[g] > 0.0 {
            for &o in &group.occurrences {
                relevant[sentences[o as usize].doc as usize] = true;
            }
        }
    }
    if !relevant.iter().any(|&r| r) {
        return Vec::new();
    }
    (0..n_documents)
        .filter(|&d| !relevant[d] && !already.iter().any(|s| s.document == d))
        .map(|document| SetAside {
            document,
            reason: SetAsideReason::OffQuestion,
        })
        .collect()
}

/// Each document's profile for the set-aside rules: the sum of the TF-IDF
/// vectors of its sentences, and the explicit dates they give.
pub(crate) fn document_profiles(
    documents: &[Document],
    segmented: &text::Segmented,
    groups: &[SentenceGroup],
    vectors: &vectors::TermVectors,
) -> Vec<DocumentProfile> {
    let sentences = &segmented.sentences;
    // Each document's groups, once per occurrence, in group order: every
    // document is then profiled on its own (in parallel), its sums taken in
    // the same order at any thread count.
    let mut groups_of: Vec<Vec<u32>> = vec![Vec::new(); documents.len()];
    for (g, group) in groups.iter().enumerate() {
        for &o in &group.occurrences {
            groups_of[sentences[o as usize].doc as usize].push(g as u32);
        }
    }
    groups_of
        .par_iter()
        .zip(documents.par_iter())
        .with_min_len(crate::parallel::DOCUMENTS)
        .map(|(own, document)| {
            let mut vector: rustc_hash::FxHashMap<u32, f64> = Default::default();
            for &g in own {
                let row = &vectors.rows[g as usize];
                for (&term, &weight) in row.terms.iter().zip(&row.weights) {
                    *vector.entry(term).or_default() += f64::from(weight);
                }
            }
            DocumentProfile {
                vector,
                // The whole text: datelines, where a story's date usually
                // is, are cut from its first sentence.
                dates: text::dates::explicit_dates(&document.text),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The defaults, judging documents of any length.
    fn config() -> SetAsideConfig {
        SetAsideConfig {
            min_terms: 1,
            ..SetAsideConfig::default()
        }
    }

    fn profile(terms: &[u32], dates: &[(u16, u8, u8)]) -> DocumentProfile {
        DocumentProfile {
            vector: terms.iter().map(|&t| (t, 1.0)).collect(),
            dates: dates
                .iter()
                .map(|&(year, month, day)| ExplicitDate {
                    year,
                    month,
                    day: Some(day),
                })
                .collect(),
        }
    }

    #[test]
    fn a_document_about_something_else_is_set_aside() {
        let profiles = vec![
            profile(&[1, 2, 3, 4, 5, 6, 10], &[]),
            profile(&[1, 2, 3, 4, 5, 7, 11], &[]),
            profile(&[1, 2, 3, 4, 6, 7, 12], &[]),
            profile(&[20, 21, 22, 23, 1, 24, 25], &[]),
        ];
        let found = off_event(&profiles, &config());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].document, 3);
        assert!(found[0].reason.to_string().starts_with("off topic"));
        let keep_all = SetAsideConfig {
            enabled: false,
            ..config()
        };
        assert!(off_event(&profiles, &keep_all).is_empty());
    }

    #[test]
    fn a_document_of_another_year_is_set_aside_only_against_a_clear_majority() {
        let same = [1, 2, 3, 4, 5];
        let profiles = vec![
            profile(&same, &[(2015, 11, 15)]),
            profile(&same, &[(2015, 11, 16)]),
            profile(&same, &[]),
            profile(&same, &[(2012, 6, 19)]),
        ];
        let found = off_event(&profiles, &config());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].document, 3);
        assert_eq!(
            found[0].reason.to_string(),
            "another date: it is dated 19 June 2012, while 2 other documents are dated 2015"
        );
        // A document that also gives a date in the cluster's year stays.
        let mut mentions = profiles.clone();
        mentions[3] = profile(&same, &[(2012, 6, 19), (2015, 11, 1)]);
        assert!(off_event(&mentions, &config()).is_empty());
        // One other dated document is no majority.
        let mut lone = profiles.clone();
        lone[1] = profile(&same, &[]);
        assert!(off_event(&lone, &config()).is_empty());
    }

    #[test]
    fn small_clusters_and_empty_documents_are_never_judged() {
        let profiles = vec![
            profile(&[1, 2, 3], &[]),
            profile(&[7, 8, 9], &[]),
            profile(&[], &[]),
        ];
        assert!(off_event(&profiles, &config()).is_empty());
    }

    #[test]
    fn never_half_the_cluster() {
        let profiles = vec![
            profile(&[1, 2, 3], &[]),
            profile(&[1, 2, 3], &[]),
            profile(&[7, 8, 9], &[]),
            profile(&[17, 18, 19], &[]),
        ];
        assert!(off_event(&profiles, &config()).len() <= 1);
    }

    #[test]
    fn short_documents_are_not_judged() {
        let profiles = vec![
            profile(&[1, 2, 3, 4, 5, 6, 10], &[]),
            profile(&[1, 2, 3, 4, 5, 7, 11], &[]),
            profile(&[1, 2, 3, 4, 6, 7, 12], &[]),
            profile(&[20, 21, 22, 23, 1, 24, 25], &[]),
        ];
        let strict = SetAsideConfig {
            min_terms: 8,
            ..config()
        };
        assert!(off_event(&profiles, &strict).is_empty());
    }

    /// The others' median, found from one sort, is the median of the list
    /// with that one value removed, ties and all.
    #[test]
    fn median_without_is_the_median_of_the_others() {
        fn naive(values: &[f64], k: usize) -> f64 {
            let mut rest: Vec<f64> = (0..values.len())
                .filter(|&j| j != k)
                .map(|j| values[j])
                .collect();
            rest.sort_by(f64::total_cmp);
            let n = rest.len();
            match n {
                0 => 0.0,
                _ if n % 2 == 1 => rest[n / 2],
                _ => (rest[n / 2 - 1] + rest[n / 2]) / 2.0,
            }
        }
        for len in 1..12 {
            // Values with repeats, in no order.
            let values: Vec<f64> = (0..len).map(|i| ((i * 7) % 5) as f64 / 4.0).collect();
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            for (k, &v) in values.iter().enumerate() {
                assert_eq!(
                    median_without(&sorted, v),
                    naive(&values, k),
                    "len {len}, k {k}"
                );
            }
        }
    }

    /// A cluster of 20,000 documents is judged in time linear in its size
    /// (it once took a sort per document), and the dates rule still finds
    /// the one document of another year.
    #[test]
    fn a_large_cluster_is_judged_whole() {
        let mut profiles: Vec<DocumentProfile> = (0..20_000u32)
            .map(|i| profile(&[1, 2, 3, 4 + i % 3], &[(2015, 11, 15)]))
            .collect();
        profiles[123] = profile(&[1, 2, 3, 4], &[(2012, 6, 19)]);
        let found = off_event(&profiles, &config());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].document, 123);
        assert!(matches!(
            found[0].reason,
            SetAsideReason::Dated {
                cluster_year: 2015,
                documents: 19_999,
                ..
            }
        ));
    }
}
