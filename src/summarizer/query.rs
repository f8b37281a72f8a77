//! A question the summary should answer: its words weighed as the
//! sentences' are, each sentence group's relevance to it, and the question
//! expanded from the sentences that answer it best.

use rayon::prelude::*;

use crate::language::Language;
use crate::vectors::SparseVector;

/// Words that ask rather than name what is asked about: "Describe the
/// ...", "Include details of ...", "What is known about ...". A question's
/// narrative (DUC's topics are 20-50 words of them) would otherwise pull
/// towards sentences that happen to say "information" or "include".
/// English only; in other languages most such words are stop words.
const INSTRUCTION_WORDS: &[&str] = &[
    "describe",
    "described",
    "description",
    "discuss",
    "discussed",
    "discussion",
    "explain",
    "identify",
    "include",
    "includes",
    "including",
    "information",
    "detail",
    "details",
    "specific",
    "specifically",
    "specify",
    "provide",
    "give",
    "list",
    "mention",
    "tell",
    "know",
    "known",
    "want",
    "find",
    "aspects",
    "aspect",
    "report",
    "reported",
    "reports",
];

/// The question's words with its instruction words left out (English).
pub(crate) fn content_of(query: &str, language: Language) -> String {
    if language != Language::ENGLISH {
        return query.to_owned();
    }
    query
        .split_whitespace()
        .filter(|word| {
            let core: String = word
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            !INSTRUCTION_WORDS.contains(&core.as_str())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The question as a unit vector over the cluster's terms: each term's
/// count (damped, `1 + ln`) times its IDF, leaving out terms that no
/// sentence holds (they would only scale every relevance down alike).
pub(crate) fn question_vector(terms: &[u32], idf: &[f32], held: &[bool]) -> SparseVector {
    let mut sorted: Vec<u32> = terms
        .iter()
        .copied()
        .filter(|&t| held.get(t as usize).copied().unwrap_or(false))
        .collect();
    sorted.sort_unstable();
    let mut vector = SparseVector::default();
    for t in sorted {
        if vector.terms.last() == Some(&t) {
            if let Some(w) = vector.weights.last_mut() {
                *w += 1.0;
            }
        } else {
            vector.terms.push(t);
            vector.weights.push(1.0);
        }
    }
    for (w, &t) in vector.weights.iter_mut().zip(&vector.terms) {
        *w = (1.0 + w.ln()) * idf.get(t as usize).copied().unwrap_or(1.0);
    }
    normalize(&mut vector);
    vector
}

/// Which terms at least one of `rows` holds.
pub(crate) fn held_terms(rows: &[SparseVector], n_terms: usize) -> Vec<bool> {
    let mut held = vec![false; n_terms];
    for row in rows {
        for &t in &row.terms {
            held[t as usize] = true;
        }
    }
    held
}

/// Each row's cosine with `question` (both unit vectors), in 0..=1.
pub(crate) fn relevance(rows: &[SparseVector], question: &SparseVector) -> Vec<f64> {
    rows.par_iter()
        .with_min_len(crate::parallel::ITEMS)
        .map(|row| f64::from(row.dot(question)).clamp(0.0, 1.0))
        .collect()
}

/// How much each group's mention of a concept counts: its relevance
/// relative to the best, to the power `exponent` (empty when the exponent is
/// 0 or no group is relevant: every mention counts 1).
pub(crate) fn mention_weights(relevance: &[f64], exponent: f64) -> Vec<f64> {
    let best = relevance.iter().copied().fold(0.0, f64::max);
    if exponent == 0.0 || best <= 0.0 {
        return Vec::new();
    }
    relevance
        .par_iter()
        .with_min_len(crate::parallel::ITEMS)
        .map(|r| (r / best).powf(exponent))
        .collect()
}

/// The question expanded by the centroid of the `feedback` candidates most
/// relevant to it (pseudo-relevance feedback, Rocchio's way): `q + weight ·
/// c / |c|`, as a unit vector. Ties go to the earlier group, so the result
/// is the same at any thread count.
pub(crate) fn expand(
    rows: &[SparseVector],
    relevance: &[f64],
    candidates: &[usize],
    question: &SparseVector,
    feedback: usize,
    weight: f64,
) -> SparseVector {
    let mut best: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&g| relevance[g] > 0.0)
        .collect();
    best.sort_by(|&a, &b| relevance[b].total_cmp(&relevance[a]).then(a.cmp(&b)));
    best.truncate(feedback);
    if best.is_empty() || weight <= 0.0 {
        return question.clone();
    }
    let mut centroid: rustc_hash::FxHashMap<u32, f64> = Default::default();
    for &g in &best {
        for (&t, &w) in rows[g].terms.iter().zip(&rows[g].weights) {
            *centroid.entry(t).or_default() += f64::from(w);
        }
    }
    let norm = centroid.values().map(|w| w * w).sum::<f64>().sqrt();
    if norm <= 0.0 {
        return question.clone();
    }
    for (&t, &w) in question.terms.iter().zip(&question.weights) {
        // The question's own words count as much as the whole centroid.
        *centroid.entry(t).or_default() += f64::from(w) * norm / weight;
    }
    let mut terms: Vec<(u32, f64)> = centroid.into_iter().collect();
    terms.sort_unstable_by_key(|&(t, _)| t);
    let mut vector = SparseVector {
        terms: terms.iter().map(|&(t, _)| t).collect(),
        weights: terms.iter().map(|&(_, w)| w as f32).collect(),
    };
    normalize(&mut vector);
    vector
}

fn normalize(vector: &mut SparseVector) {
    let norm = vector.weights.iter().map(|w| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        vector.weights.iter_mut().for_each(|w| *w /= norm);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(pairs: &[(u32, f32)]) -> SparseVector {
        let mut vector = SparseVector {
            terms: pairs.iter().map(|p| p.0).collect(),
            weights: pairs.iter().map(|p| p.1).collect(),
        };
        normalize(&mut vector);
        vector
    }

    #[test]
    fn instruction_words_are_left_out_of_english_questions() {
        assert_eq!(
            content_of(
                "Describe the G20's decisions on refugees. Include details.",
                Language::ENGLISH
            ),
            "the G20's decisions on refugees."
        );
        let french = Language::from_code("fr").unwrap();
        assert_eq!(content_of("Describe Paris", french), "Describe Paris");
    }

    #[test]
    fn the_question_weighs_rare_words_and_drops_unheld_ones() {
        let idf = [1.0, 3.0, 2.0];
        let held = [true, true, false];
        let q = question_vector(&[0, 1, 1, 2], &idf, &held);
        assert_eq!(q.terms, [0, 1]);
        assert!(q.weights[1] > q.weights[0] * 3.0);
        let norm: f32 = q.weights.iter().map(|w| w * w).sum();
        assert!((norm - 1.0).abs() < 1e-6);
    }

    #[test]
    fn mentions_count_by_relevance_relative_to_the_best() {
        let weights = mention_weights(&[0.0, 0.1, 0.4], 0.5);
        assert_eq!(weights, [0.0, 0.5, 1.0]);
        assert!(mention_weights(&[0.0, 0.1, 0.4], 0.0).is_empty());
        assert!(mention_weights(&[0.0, 0.0], 0.5).is_empty());
    }

    #[test]
    fn expansion_adds_the_words_of_the_best_answers() {
        let rows = vec![
            v(&[(0, 1.0), (5, 1.0)]),
            v(&[(1, 1.0)]),
            v(&[(0, 1.0), (6, 1.0)]),
        ];
        let question = v(&[(0, 1.0)]);
        let relevance = relevance(&rows, &question);
        assert!(relevance[0] > 0.0 && relevance[1] == 0.0);
        let expanded = expand(&rows, &relevance, &[0, 1, 2], &question, 1, 0.5);
        assert_eq!(expanded.terms, [0, 5]);
        let none = expand(&rows, &relevance, &[0, 1, 2], &question, 0, 0.5);
        assert_eq!(none, question);
    }
}
