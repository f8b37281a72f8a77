//! The first stages on one request: sentences, repeats merged into groups,
//! TF-IDF vectors, documents set aside, and which groups may be chosen when.

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::ingest::Document;
use crate::language::Language;
use crate::select::Budget;
use crate::summarizer::set_aside::{self, DocumentProfile, SetAside};
use crate::summarizer::{Config, Request, Timings};
use crate::text::{self, token::Analyzer, SentenceGroup, SentenceKind};
use crate::vectors::{self, SparseVector};

/// A cluster after the text and vector stages: what a
/// [`Ranker`](crate::Ranker) ranks and selection chooses from. Groups
/// (sentences merged across documents) are the unit, numbered from 0.
#[derive(Debug)]
pub struct Prepared<'r> {
    /// The request's cluster id.
    pub(crate) id: Option<&'r str>,
    /// The budget of this summary: the request's, else the settings'.
    pub(crate) budget: Budget,
    /// The input documents.
    pub(crate) documents: &'r [Document],
    /// Sentences, titles and cleaning counts.
    pub(crate) segmented: text::Segmented,
    /// Sentence groups: repeats across documents merged.
    pub(crate) groups: Vec<SentenceGroup>,
    /// Each group's text (its representative sentence).
    pub(crate) texts: Vec<&'r str>,
    /// Each group's content terms in text order (repeats kept).
    pub(crate) terms: Vec<Vec<u32>>,
    /// Each group's earliest reading position in any document.
    pub(crate) positions: Vec<u32>,
    /// The documents each group occurs in.
    pub(crate) group_documents: Vec<Vec<u32>>,
    /// Groups that may be chosen.
    pub(crate) selectable: Vec<usize>,
    /// Groups that may be chosen once the selectable ones are used up:
    /// those past [`Config::lead_sentences`] in their document, and those
    /// that do not stand alone.
    pub(crate) later: Vec<usize>,
    /// Groups chosen only once the selectable ones are exhausted: unfinished
    /// sentences (a truncated page) when the cluster has prose.
    pub(crate) reserve: Vec<usize>,
    /// Whether each group's sentence stands alone
    /// ([`crate::text::standalone::stands_alone`]).
    pub(crate) stands_alone: Vec<bool>,
    /// Each group's TF-IDF vector.
    pub(crate) vectors: vectors::TermVectors,
    /// Vocabulary size.
    pub(crate) n_terms: usize,
    /// The terms, indexed by id.
    pub(crate) vocabulary: Vec<String>,
    /// Whether headings and fragments are candidates for want of prose.
    pub(crate) fallback: bool,
    /// Documents set aside as off the cluster's event: none of their
    /// sentences is selectable (unless an on-event document holds it too).
    pub(crate) set_aside: Vec<SetAside>,
    /// Each document's explicit dates, in text order.
    pub(crate) dates: Vec<Vec<crate::text::dates::ExplicitDate>>,
}

impl<'r> Prepared<'r> {
    /// The number of sentence groups.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Whether there is no group (never true of a prepared cluster).
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The request's cluster id, if it has one.
    pub fn id(&self) -> Option<&'r str> {
        self.id
    }

    /// The budget this summary is filled to.
    pub fn budget(&self) -> Budget {
        self.budget
    }

    /// The documents, in request order.
    pub fn documents(&self) -> &'r [Document] {
        self.documents
    }

    /// Group `group`'s text: its first occurrence, as it will be quoted.
    pub fn text(&self, group: usize) -> &'r str {
        self.texts[group]
    }

    /// Group `group`'s TF-IDF vector (L2-normalised; empty without content
    /// words).
    pub fn vector(&self, group: usize) -> &SparseVector {
        &self.vectors.rows[group]
    }

    /// Every group's TF-IDF vector, by group.
    pub fn vectors(&self) -> &[SparseVector] {
        &self.vectors.rows
    }

    /// The number of distinct terms the vectors index.
    pub fn vocabulary_size(&self) -> usize {
        self.n_terms
    }

    /// Group `group`'s earliest reading position (0-based) in any of its
    /// documents.
    pub fn position(&self, group: usize) -> usize {
        self.positions[group] as usize
    }

    /// The documents (indices into [`documents`](Self::documents)) group
    /// `group` occurs in, in increasing order.
    pub fn documents_of(&self, group: usize) -> &[u32] {
        &self.group_documents[group]
    }

    /// The document whose sentence represents group `group`.
    pub fn document_of(&self, group: usize) -> usize {
        self.segmented.sentences[self.groups[group].representative as usize].doc as usize
    }

    /// Whether group `group`'s sentence reads on its own (it does not open by
    /// pointing back, nor cut a quotation).
    pub fn stands_alone(&self, group: usize) -> bool {
        self.stands_alone[group]
    }

    /// The groups that may be chosen, in increasing order: prose of
    /// documents not set aside (held-back ones included, the reserve of
    /// unfinished sentences not).
    pub fn candidates(&self) -> Vec<usize> {
        let mut all: Vec<usize> = self.selectable.iter().chain(&self.later).copied().collect();
        all.sort_unstable();
        all
    }

    /// The cluster's language: the one most of its documents are in (the
    /// first such, on a tie).
    pub fn language(&self) -> Language {
        Language::most_common(&self.segmented.languages)
    }
}

/// Runs the first stages on `request` under `config`, timing each.
/// Fails when the documents hold no sentence that could be used.
pub(crate) fn prepare<'r>(
    config: &Config,
    request: &'r Request,
    timings: &mut Timings,
) -> Result<Prepared<'r>> {
    let documents: &'r [Document] = &request.documents;
    let budget = request.budget.unwrap_or(config.select.budget);
    if budget.limit() == 0 {
        return Err(Error::Request("the budget must be at least 1".into()));
    }
    if request.query.is_some() {
        return Err(Error::Request(
            "questions (a query) are not supported yet".into(),
        ));
    }
    if !request.since.is_empty() {
        return Err(Error::Request(
            "documents already read (since) are not supported yet".into(),
        ));
    }
    let mut clock = std::time::Instant::now();
    let mut lap = |slot: &mut std::time::Duration| {
        let now = std::time::Instant::now();
        *slot = now - clock;
        clock = now;
    };
    if documents.is_empty() {
        return Err(Error::NoDocuments {
            reason: "no documents given".into(),
        });
    }
    let segmented = text::segment_in(documents, config.language);
    // Without a single complete sentence (notes, lists, unpunctuated
    // scrapes), headings and fragments are better than nothing. With
    // prose, fragments are held in reserve for when it runs out.
    let fallback = segmented.prose_count() == 0;
    let may_choose = |kind: SentenceKind| match kind {
        SentenceKind::Prose => true,
        SentenceKind::Heading | SentenceKind::Fragment => fallback,
        SentenceKind::Title | SentenceKind::Piece => false,
    };
    if !segmented.sentences.iter().any(|s| may_choose(s.kind)) {
        return Err(Error::NoSentences {
            reason: no_sentence_reason(documents, &segmented),
        });
    }
    lap(&mut timings.segment);
    let sentences = &segmented.sentences;
    let mut groups = text::group_repeats(documents, sentences);
    // Pieces of over-long runs are no sentences: they would only swamp the
    // term statistics and the graph (a 50 MB log is 25,000 pieces).
    groups.retain(|g| g.kind(sentences) != SentenceKind::Piece);
    let texts: Vec<&'r str> = groups
        .iter()
        .map(|g| sentences[g.representative as usize].text(documents))
        .collect();
    lap(&mut timings.group);
    // Each group is read in the language of its representative's document.
    let mut languages: Vec<Language> = segmented.languages.clone();
    languages.sort_unstable();
    languages.dedup();
    let analyzers: Vec<Analyzer> = languages
        .iter()
        .map(|&l| Analyzer::for_language(l))
        .collect();
    let text_analyzers: Vec<u16> = groups
        .iter()
        .map(|g| {
            let doc = sentences[g.representative as usize].doc as usize;
            languages
                .binary_search(&segmented.languages[doc])
                .unwrap_or(0) as u16
        })
        .collect();
    let analyzed = vectors::analyze_mixed(&analyzers, &texts, &text_analyzers);
    lap(&mut timings.analyze);
    let group_documents: Vec<Vec<u32>> = groups
        .iter()
        .map(|g| {
            let mut docs: Vec<u32> = g
                .occurrences
                .iter()
                .map(|&o| sentences[o as usize].doc)
                .collect();
            docs.dedup();
            docs
        })
        .collect();
    let vectors = vectors::tfidf(
        &analyzed.term_lists,
        &group_documents,
        analyzed.terms.len(),
        config.weights,
    );
    lap(&mut timings.tfidf);
    let positions: Vec<u32> = groups
        .iter()
        .map(|g| {
            g.occurrences
                .iter()
                .map(|&o| sentences[o as usize].position)
                .min()
                .unwrap_or(0)
        })
        .collect();
    let profiles = document_profiles(documents, &segmented, &groups, &vectors);
    let mut set_aside = set_aside::off_event(&profiles, &config.set_aside);
    let mut aside = vec![false; documents.len()];
    for s in &set_aside {
        aside[s.document] = true;
    }
    // A sentence that an on-event document also holds may still be chosen.
    let on_event = |aside: &[bool], g: usize| {
        groups[g]
            .occurrences
            .iter()
            .any(|&o| !aside[sentences[o as usize].doc as usize])
    };
    // Never a cluster emptied: then every document stays.
    if !(0..groups.len()).any(|g| may_choose(groups[g].kind(sentences)) && on_event(&aside, g)) {
        set_aside.clear();
        aside.fill(false);
    }
    lap(&mut timings.set_aside);
    let on_event = |g: usize| on_event(&aside, g);
    let mut candidates: Vec<usize> = (0..groups.len())
        .filter(|&g| may_choose(groups[g].kind(sentences)) && on_event(g))
        .collect();
    // Off by default, and then not computed (about 6 ms of 165 at 20,000
    // synthetic sentences).
    if config.min_support > 0.0 {
        let support = cross_document_support(&analyzed.term_lists, &group_documents);
        // Documents with nothing in common (no story to be off): all stay.
        if candidates.iter().any(|&g| support[g] >= config.min_support) {
            candidates.retain(|&g| support[g] >= config.min_support);
        }
    }
    // A sentence that leans on what came before is held back too: within
    // the first few of a document it would otherwise crowd the summary's
    // openings (multinews-val at 100 words: 4.3% of chosen sentences
    // dangling with the lead tier alone, 0.5% with this).
    let stands_alone: Vec<bool> = texts
        .par_iter()
        .with_min_len(crate::parallel::ITEMS)
        .map(|t| text::standalone::stands_alone(t))
        .collect();
    let hold_dangling = config.select.standalone_weight < 1.0;
    let held_back = |g: usize| {
        (config.lead_sentences > 0 && positions[g] as usize >= config.lead_sentences)
            || (hold_dangling && !stands_alone[g])
    };
    let (selectable, later): (Vec<usize>, Vec<usize>) =
        candidates.into_iter().partition(|&g| !held_back(g));
    let reserve = (0..groups.len())
        .filter(|&g| {
            !fallback && groups[g].kind(sentences) == SentenceKind::Fragment && on_event(g)
        })
        .collect();
    Ok(Prepared {
        id: request.id.as_deref(),
        budget,
        documents,
        texts,
        terms: analyzed.term_lists,
        positions,
        group_documents,
        selectable,
        later,
        reserve,
        stands_alone,
        n_terms: analyzed.terms.len(),
        vocabulary: analyzed.terms,
        vectors,
        groups,
        segmented,
        fallback,
        set_aside,
        dates: profiles.into_iter().map(|p| p.dates).collect(),
    })
}

/// Each document's profile for the set-aside rules: the sum of the TF-IDF
/// vectors of its sentences, and the explicit dates they give.
fn document_profiles(
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

/// For each group, the share of its distinct content terms that a document
/// it does not occur in also holds: 1 for a group in several documents, one
/// without content terms, and any group of a cluster of fewer than three
/// documents (see [`Config::min_support`]).
fn cross_document_support(terms: &[Vec<u32>], documents: &[Vec<u32>]) -> Vec<f64> {
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

/// Why no document offers a sentence: per document for a few, else in sum.
fn no_sentence_reason(documents: &[Document], segmented: &text::Segmented) -> String {
    const LISTED: usize = 5;
    let mut per_document: Vec<String> = documents
        .iter()
        .zip(&segmented.per_document)
        .take(LISTED)
        .map(|(doc, counts)| format!("{}: {}", doc.display_name(), counts.without_prose_reason()))
        .collect();
    if documents.len() > LISTED {
        per_document.push(format!(
            "{} more document(s); in all {}",
            documents.len() - LISTED,
            total_reason(segmented)
        ));
    }
    per_document.join("; ")
}

fn total_reason(segmented: &text::Segmented) -> String {
    let total =
        segmented
            .per_document
            .iter()
            .fold(text::DocumentCounts::default(), |mut sum, c| {
                sum.prose += c.prose;
                sum.unfinished += c.unfinished;
                sum.headings += c.headings;
                sum.junk_lines += c.junk_lines;
                sum.repeated_lines += c.repeated_lines;
                sum.boilerplate_sentences += c.boilerplate_sentences;
                sum.cut_runs += c.cut_runs;
                sum.longest_cut_run = sum.longest_cut_run.max(c.longest_cut_run);
                sum
            });
    total.without_prose_reason()
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
