//! The first stages on one request: sentences, repeats merged into groups,
//! TF-IDF vectors, documents set aside, and which groups may be chosen when.

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::ingest::Document;
use crate::language::Language;
use crate::select::Budget;
use crate::summarizer::eligibility;
use crate::summarizer::set_aside::{self, SetAside};
use crate::summarizer::{query, since, Config, Request, Timings};
use crate::text::{self, token::Analyzer, SentenceGroup, SentenceKind};
use crate::vectors::{self, SparseVector};
use crate::warning::{Severity, Warning};

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
    /// those past their document's first tier ([`Config::lead_sentences`],
    /// [`Config::lead_fraction`]), and those that do not stand alone.
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
    /// The question, as the request gave it.
    pub(crate) query: Option<&'r str>,
    /// Each group's relevance to the question, expanded from the cluster
    /// (empty without a question).
    pub(crate) relevance: Vec<f64>,
    /// Each group's relevance to the question's own words (empty without a
    /// question): what a summary reports.
    pub(crate) question_relevance: Vec<f64>,
    /// How much each group's mention of a concept counts
    /// ([`QueryConfig::concept_relevance`](crate::QueryConfig::concept_relevance);
    /// empty: each counts 1).
    pub(crate) mention_weights: Vec<f64>,
    /// The documents already read.
    pub(crate) read: &'r [Document],
    /// Their sentences, titles and languages (empty without any).
    pub(crate) read_segmented: text::Segmented,
    /// Each group's greatest similarity to a sentence already read (empty
    /// when nothing was read).
    pub(crate) read_similarity: Vec<f64>,
    /// Whether each document is one already read (the same text).
    pub(crate) already_read: Vec<bool>,
    /// Whether documents were read before and nothing new is left to tell.
    pub(crate) nothing_new: bool,
    /// Remarks on the request (a question in another language).
    pub(crate) notes: Vec<Warning>,
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

    /// Each group's relevance to the request's question (0-1: cosine to the
    /// question expanded from the sentences that answer it best), or `None`
    /// without a question.
    pub fn relevance(&self) -> Option<&[f64]> {
        self.query.map(|_| self.relevance.as_slice())
    }

    /// Each group's greatest similarity (0-1) to a sentence of the
    /// documents already read, or `None` when none were. Groups that only
    /// repeat what was read are no candidates.
    pub fn read_similarity(&self) -> Option<&[f64]> {
        (!self.read.is_empty()).then_some(self.read_similarity.as_slice())
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
    let read: &'r [Document] = &request.since;
    let budget = request.budget.unwrap_or(config.select.budget);
    if budget.limit() == 0 {
        return Err(Error::Request("the budget must be at least 1".into()));
    }
    let question: Option<&'r str> = request.query.as_deref();
    if question.is_some_and(|q| q.trim().is_empty()) {
        return Err(Error::Request("the question is empty".into()));
    }
    // A question brings its own first tier (QueryConfig::lead_fraction).
    let config = config.for_question(question.is_some());
    let config: &Config = &config;
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
    // What was read before: its sentences, merged as the new ones are.
    let read_segmented = if read.is_empty() {
        text::Segmented::default()
    } else {
        text::segment_in(read, config.language)
    };
    let mut read_groups = text::group_repeats(read, &read_segmented.sentences);
    read_groups.retain(|g| g.kind(&read_segmented.sentences) != SentenceKind::Piece);
    let read_texts: Vec<&'r str> = read_groups
        .iter()
        .map(|g| read_segmented.sentences[g.representative as usize].text(read))
        .collect();
    lap(&mut timings.group);
    // Each group is read in the language of its representative's document;
    // the question in the cluster's, and in its own when that differs.
    let cluster_language = Language::most_common(&segmented.languages);
    let question_language = question.map(|q| {
        let detected = Language::detect(q);
        // A few words say little about their language: only a clear
        // difference is one.
        if text::word_count(q) >= 3 {
            detected
        } else {
            cluster_language
        }
    });
    let mut languages: Vec<Language> = segmented.languages.clone();
    languages.extend(&read_segmented.languages);
    languages.push(cluster_language);
    languages.extend(question_language);
    languages.sort_unstable();
    languages.dedup();
    let analyzers: Vec<Analyzer> = languages
        .iter()
        .map(|&l| Analyzer::for_language(l))
        .collect();
    let analyzer_of = |language: Language| languages.binary_search(&language).unwrap_or(0) as u16;
    let mut all_texts: Vec<String> = Vec::new();
    let mut text_analyzers: Vec<u16> = groups
        .iter()
        .map(|g| {
            let doc = sentences[g.representative as usize].doc as usize;
            analyzer_of(segmented.languages[doc])
        })
        .collect();
    text_analyzers.extend(read_groups.iter().map(|g| {
        let doc = read_segmented.sentences[g.representative as usize].doc as usize;
        analyzer_of(read_segmented.languages[doc])
    }));
    let question_texts: Vec<(String, u16)> = match (question, question_language) {
        (Some(q), Some(own)) => {
            let mut texts = vec![(
                query::content_of(q, cluster_language),
                analyzer_of(cluster_language),
            )];
            if own != cluster_language {
                texts.push((query::content_of(q, own), analyzer_of(own)));
            }
            texts
        }
        _ => Vec::new(),
    };
    for (text, analyzer) in &question_texts {
        all_texts.push(text.clone());
        text_analyzers.push(*analyzer);
    }
    let analyzed = if all_texts.is_empty() && read_texts.is_empty() {
        vectors::analyze_mixed(&analyzers, &texts, &text_analyzers)
    } else {
        let mut every: Vec<&str> = texts
            .iter()
            .copied()
            .chain(read_texts.iter().copied())
            .collect();
        every.extend(all_texts.iter().map(String::as_str));
        vectors::analyze_mixed(&analyzers, &every, &text_analyzers)
    };
    let mut term_lists = analyzed.term_lists;
    let question_terms: Vec<u32> = term_lists
        .split_off(groups.len() + read_groups.len())
        .into_iter()
        .flatten()
        .collect();
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
    // Read sentences count in the term statistics, as documents of their own.
    let mut every_group_documents = group_documents.clone();
    every_group_documents.extend(read_groups.iter().map(|g| {
        let mut docs: Vec<u32> = g
            .occurrences
            .iter()
            .map(|&o| documents.len() as u32 + read_segmented.sentences[o as usize].doc)
            .collect();
        docs.dedup();
        docs
    }));
    let mut vectors = vectors::tfidf(
        &term_lists,
        &every_group_documents,
        analyzed.terms.len(),
        config.weights,
    );
    drop(every_group_documents);
    let read_rows = vectors.rows.split_off(groups.len());
    term_lists.truncate(groups.len());
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
    let profiles = set_aside::document_profiles(documents, &segmented, &groups, &vectors);
    let mut set_aside = set_aside::off_event(&profiles, &config.set_aside);
    // The question's own words: a document that holds none of them has
    // nothing to answer it with.
    let question_relevance = match question {
        Some(_) => {
            let held = query::held_terms(&vectors.rows, analyzed.terms.len());
            let q = query::question_vector(&question_terms, &vectors.idf, &held);
            query::relevance(&vectors.rows, &q)
        }
        None => Vec::new(),
    };
    if question.is_some() {
        set_aside.extend(set_aside::off_question(
            documents.len(),
            &groups,
            sentences,
            &question_relevance,
            &set_aside,
        ));
        set_aside.sort_by_key(|s| s.document);
    }
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
    // What was read before, against each new group.
    let against = if read.is_empty() {
        since::AgainstRead::default()
    } else {
        let keys: Vec<String> = texts.par_iter().map(|t| text::clean::line_key(t)).collect();
        let read_keys: Vec<String> = read_texts
            .par_iter()
            .map(|t| text::clean::line_key(t))
            .collect();
        since::against_read(
            &vectors.rows,
            &keys,
            &read_rows,
            &read_keys,
            config.select.near_duplicate,
        )
    };
    let said_before = |g: usize| against.repeated.get(g).copied().unwrap_or(false);
    let on_event = |g: usize| on_event(&aside, g);
    let mut candidates: Vec<usize> = (0..groups.len())
        .filter(|&g| may_choose(groups[g].kind(sentences)) && on_event(g) && !said_before(g))
        .collect();
    // Off by default, and then not computed (about 6 ms of 165 at 20,000
    // synthetic sentences).
    if config.min_support > 0.0 {
        let support = eligibility::cross_document_support(&term_lists, &group_documents);
        // Documents with nothing in common (no story to be off): all stay.
        if candidates.iter().any(|&g| support[g] >= config.min_support) {
            candidates.retain(|&g| support[g] >= config.min_support);
        }
    }
    let relevance = match question {
        Some(_) => {
            let held = query::held_terms(&vectors.rows, analyzed.terms.len());
            let q = query::question_vector(&question_terms, &vectors.idf, &held);
            let expanded = query::expand(
                &vectors.rows,
                &question_relevance,
                &candidates,
                &q,
                config.query.feedback,
                config.query.expansion,
            );
            query::relevance(&vectors.rows, &expanded)
        }
        None => Vec::new(),
    };
    let mention_weights = query::mention_weights(&relevance, config.query.concept_relevance);
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
    let tiers = eligibility::first_tiers(config, sentences, &groups);
    let held_back = |g: usize| {
        (config.lead_sentences > 0 && positions[g] >= tiers[g])
            || (hold_dangling && !stands_alone[g])
    };
    let nothing_new = !read.is_empty() && candidates.is_empty();
    let (selectable, later): (Vec<usize>, Vec<usize>) =
        candidates.into_iter().partition(|&g| !held_back(g));
    let reserve = (0..groups.len())
        .filter(|&g| {
            !fallback
                && groups[g].kind(sentences) == SentenceKind::Fragment
                && on_event(g)
                && !said_before(g)
        })
        .collect();
    let already_read = documents
        .iter()
        .map(|d| read.iter().any(|r| r.text == d.text))
        .collect();
    let mut notes = Vec::new();
    if let (Some(q), Some(own)) = (question, question_language) {
        if own != cluster_language {
            notes.push(Warning::new(
                "the question",
                format!(
                    "it reads as {}, the documents as {}: it is answered from the words they share",
                    own.name(),
                    cluster_language.name()
                ),
                Severity::Note,
            ));
        }
        if question_relevance.iter().all(|&r| r == 0.0) {
            notes.push(Warning::new(
                "the question",
                format!("no document holds any of its words ({q:?}): the briefing is the cluster's gist"),
                Severity::Note,
            ));
        }
    }
    Ok(Prepared {
        id: request.id.as_deref(),
        budget,
        documents,
        texts,
        terms: term_lists,
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
        query: question,
        relevance,
        question_relevance,
        mention_weights,
        read,
        read_segmented,
        read_similarity: against.similarity,
        already_read,
        nothing_new,
        notes,
    })
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
