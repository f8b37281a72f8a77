//! The last stage: the summary chosen from a ranking, in reading order, with
//! every citation.

use rayon::prelude::*;

use crate::ingest::Document;
use crate::select::{self, Candidate, SelectConfig};
use crate::summarizer::{Choice, Config, Prepared, Ranked, Timings};
use crate::summary::{Citation, SourceDocument, Stats, Summary, SummarySentence};
use crate::text;
use crate::warning::{Severity, Warning};

/// The summary of `prepared` chosen by `choice` from `ranked`; `settings`
/// are recorded as the ones used.
pub(crate) fn choose(
    prepared: &Prepared<'_>,
    ranked: &Ranked,
    choice: &Choice,
    settings: Config,
) -> Summary {
    let select = SelectConfig {
        budget: prepared.budget,
        ..choice.select
    };
    if choice.tiers {
        choose_from(
            prepared,
            ranked,
            &select,
            &prepared.selectable,
            &prepared.later,
            settings,
        )
    } else {
        choose_from(
            prepared,
            ranked,
            &select,
            &prepared.candidates(),
            &[],
            settings,
        )
    }
}

/// Selection from `first`, then from `later` with the reserve once
/// `first` is used up.
fn choose_from(
    prepared: &Prepared<'_>,
    ranked: &Ranked,
    select: &SelectConfig,
    first: &[usize],
    later: &[usize],
    settings: Config,
) -> Summary {
    let documents = prepared.documents;
    let sentences = &prepared.segmented.sentences;
    let groups = &prepared.groups;
    let candidates = |groups: &[usize]| -> Vec<Candidate<'_>> {
        groups
            .par_iter()
            .with_min_len(crate::parallel::ITEMS)
            .map(|&g| Candidate {
                // Close scores go to the sentence that stands alone.
                score: ranked.scores[g]
                    * if prepared.stands_alone[g] {
                        1.0
                    } else {
                        select.standalone_weight
                    },
                // ... and under coverage, so do its concepts.
                weight: if prepared.stands_alone[g] {
                    1.0
                } else {
                    select.standalone_weight
                },
                text: prepared.texts[g],
                vector: &prepared.vectors.rows[g],
                terms: &prepared.terms[g],
            })
            .collect()
    };
    let context = select::Context {
        terms: &prepared.terms,
        documents: &prepared.group_documents,
        mention_weights: &prepared.mention_weights,
    };
    let mut selection = select::select(&candidates(first), &context, select);
    let mut chosen_groups: Vec<usize> = selection.chosen.iter().map(|&c| first[c]).collect();
    // Every prose sentence of a readable length used, and room left: the
    // sentences held back, unfinished and over-long ones, best first.
    let mut reserve_used = false;
    if let (Some(rest), false) = (selection.usage.remaining(&select.budget), selection.crowded) {
        let overlong: Vec<usize> = first
            .par_iter()
            .with_min_len(1024)
            .filter(|&&g| select::budget::word_count(prepared.texts[g]) > select.max_words)
            .copied()
            .collect();
        let reserve: Vec<usize> = later
            .iter()
            .chain(&prepared.reserve)
            .chain(&overlong)
            .copied()
            .collect();
        let reserve_candidates = candidates(&reserve);
        let chosen_candidates = candidates(&chosen_groups);
        let reserve_candidates: Vec<(usize, Candidate<'_>)> = reserve
            .into_iter()
            .zip(reserve_candidates)
            .filter(|(_, c)| {
                !chosen_candidates
                    .iter()
                    .any(|d| select::near_duplicate(c, d, select.near_duplicate))
            })
            .collect();
        let (reserve, reserve_candidates): (Vec<usize>, Vec<Candidate<'_>>) =
            reserve_candidates.into_iter().unzip();
        let more = select::select(
            &reserve_candidates,
            &context,
            &SelectConfig {
                budget: rest,
                max_words: usize::MAX,
                ..*select
            },
        );
        for &c in &more.chosen {
            selection.usage.add(prepared.texts[reserve[c]]);
            chosen_groups.push(reserve[c]);
        }
        reserve_used = more
            .chosen
            .iter()
            .any(|&c| prepared.reserve.contains(&reserve[c]));
    }
    let mut chosen: Vec<(usize, usize)> = chosen_groups
        .into_iter()
        .enumerate()
        .map(|(rank, g)| (g, rank + 1))
        .collect();
    // Reading order: by document, then position in it.
    chosen.sort_by_key(|&(g, _)| {
        let s = &sentences[groups[g].representative as usize];
        (s.doc, s.index)
    });
    let summary_sentences = chosen
        .into_iter()
        .map(|(g, rank)| SummarySentence {
            text: prepared.texts[g].to_owned(),
            score: ranked.scores[g],
            rank,
            relevance: prepared.query.map(|_| prepared.question_relevance[g]),
            citations: groups[g]
                .occurrences
                .iter()
                .map(|&o| {
                    let s = &sentences[o as usize];
                    Citation {
                        document: s.doc as usize,
                        sentence_index: s.index,
                        text_span: s.span.clone(),
                        file_span: documents[s.doc as usize].file_span(s.span.clone()),
                        page: documents[s.doc as usize].page_at(s.span.start),
                    }
                })
                .collect(),
        })
        .collect();
    let source_documents = documents
        .iter()
        .zip(&prepared.segmented.titles)
        .zip(&prepared.segmented.languages)
        .zip(&prepared.already_read)
        .map(
            |(((doc, title), &language), &already_read)| SourceDocument {
                id: doc.id.clone(),
                path: doc.path.clone(),
                title: title.clone(),
                format: doc.format,
                language,
                verbatim: doc.spans_are_verbatim(),
                date: doc.date.or_else(|| text::dates::own_date(&doc.text)),
                site: doc.site.clone(),
                already_read,
            },
        )
        .collect();
    let read_documents = prepared
        .read
        .iter()
        .zip(&prepared.read_segmented.titles)
        .zip(&prepared.read_segmented.languages)
        .map(|((doc, title), &language)| SourceDocument {
            id: doc.id.clone(),
            path: doc.path.clone(),
            title: title.clone(),
            format: doc.format,
            language,
            verbatim: doc.spans_are_verbatim(),
            date: doc.date.or_else(|| text::dates::own_date(&doc.text)),
            site: doc.site.clone(),
            already_read: true,
        })
        .collect();
    let segmented = &prepared.segmented;
    Summary {
        id: prepared.id.map(str::to_owned),
        settings,
        timings: Timings::default(),
        set_aside: prepared.set_aside.clone(),
        documents: source_documents,
        sentences: summary_sentences,
        budget: select.budget,
        usage: selection.usage,
        stats: Stats {
            documents: documents.len(),
            sentences: sentences.len(),
            nodes: groups.len(),
            candidates: prepared.selectable.len() + prepared.later.len(),
            edges: ranked.edges,
            dense_graph: ranked.dense,
            graph: ranked.graph,
            pagerank_iterations: ranked.iterations,
            pagerank_converged: ranked.converged,
            incomplete_sentences_used: prepared.fallback || reserve_used,
            junk_lines: segmented.junk_lines,
            repeated_lines: segmented.repeated_lines,
            boilerplate_sentences: segmented.boilerplate_sentences,
        },
        notes: prepared
            .notes
            .iter()
            .cloned()
            .chain(document_notes(documents, segmented, prepared.fallback))
            .collect(),
        query: prepared.query.map(str::to_owned),
        read: read_documents,
        nothing_new: prepared.nothing_new,
    }
}

/// Notes on documents that offer nothing to quote, or whose text was cut at
/// the sentence length limit.
fn document_notes(
    documents: &[Document],
    segmented: &text::Segmented,
    fallback: bool,
) -> Vec<Warning> {
    let mut notes = Vec::new();
    for (doc, counts) in documents.iter().zip(&segmented.per_document) {
        // Unfinished sentences are held in reserve; for want of prose
        // anywhere, headings are quoted too.
        let quotable =
            counts.prose + counts.unfinished + if fallback { counts.headings } else { 0 };
        if quotable == 0 {
            notes.push(Warning::new(
                doc.display_name(),
                format!(
                    "no sentence that can be quoted ({})",
                    counts.without_prose_reason()
                ),
                Severity::Note,
            ));
        } else if counts.cut_runs > 0 {
            notes.push(Warning::new(
                doc.display_name(),
                cut_note(counts),
                Severity::Note,
            ));
        }
    }
    notes
}

fn cut_note(counts: &text::DocumentCounts) -> String {
    format!(
        "{} run(s) of text without a sentence boundary exceed the sentence length limit \
         ({} bytes; the longest is {} bytes) and were cut into pieces that are never quoted",
        counts.cut_runs,
        text::sentence::MAX_SENTENCE_BYTES,
        counts.longest_cut_run
    )
}
