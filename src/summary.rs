//! The finished summary: what every renderer consumes.

use std::ops::Range;
use std::path::PathBuf;

use crate::ingest::Format;
use crate::select::{Budget, Usage};
use crate::summarizer::set_aside::SetAside;
use crate::summarizer::{Config, Timings};
use crate::text::dates::ExplicitDate;
use crate::warning::Warning;

/// A summary of a cluster of documents: chosen sentences in reading order,
/// each cited to every place it occurs.
///
/// Two summaries are equal when they say the same with the same settings:
/// the time they took ([`timings`](Summary::timings)) is not compared.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Summary {
    /// The request's cluster id, if it had one.
    pub id: Option<String>,
    /// Every input document, in input order; citations index into this.
    pub documents: Vec<SourceDocument>,
    /// The chosen sentences, in reading order (by document, then position).
    pub sentences: Vec<SummarySentence>,
    /// The budget the summary was filled to.
    pub budget: Budget,
    /// How much of it the sentences use.
    pub usage: Usage,
    /// Counts from the pipeline, for reports and debugging.
    pub stats: Stats,
    /// Remarks on single documents that lost nothing but may surprise: a
    /// document with no sentence that can be quoted, text cut at the sentence
    /// length limit. Always [`Severity::Note`](crate::Severity::Note).
    pub notes: Vec<Warning>,
    /// Documents set aside as off the cluster's event, with the reason: none
    /// of their sentences is chosen (see [`crate::summarizer::set_aside`]).
    pub set_aside: Vec<SetAside>,
    /// The settings it was made with, as used: its budget, and the lead
    /// prior of its language written out (what `parameters` records).
    pub settings: Config,
    /// Time spent in each stage.
    pub timings: Timings,
    /// The question it answers, when the request asked one.
    pub query: Option<String>,
    /// The documents the reader had already read (the request's `since`),
    /// in request order; no sentence cites them.
    pub read: Vec<SourceDocument>,
    /// Whether documents had been read and nothing in these is new: then
    /// there are no sentences.
    pub nothing_new: bool,
}

impl PartialEq for Summary {
    fn eq(&self, other: &Self) -> bool {
        let Summary {
            id,
            documents,
            sentences,
            budget,
            usage,
            stats,
            notes,
            set_aside,
            settings,
            timings: _,
            query,
            read,
            nothing_new,
        } = self;
        *id == other.id
            && *documents == other.documents
            && *sentences == other.sentences
            && *budget == other.budget
            && *usage == other.usage
            && *stats == other.stats
            && *notes == other.notes
            && *set_aside == other.set_aside
            && *settings == other.settings
            && *query == other.query
            && *read == other.read
            && *nothing_new == other.nothing_new
    }
}

impl Summary {
    /// The cluster's language: the one most of its documents are in.
    pub fn language(&self) -> crate::language::Language {
        let languages: Vec<_> = self.documents.iter().map(|d| d.language).collect();
        crate::language::Language::most_common(&languages)
    }
}

/// An input document as the summary refers to it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SourceDocument {
    /// The document's id (relative path, file name, `stdin`, or record id).
    pub id: String,
    /// The file it came from, if any.
    pub path: Option<PathBuf>,
    /// Its title: an HTML headline or a first line that looks like one.
    pub title: Option<String>,
    /// The kind of text it held.
    pub format: Format,
    /// The language it was read in, given or detected.
    pub language: crate::language::Language,
    /// Whether file spans equal text spans (plain UTF-8 without a BOM).
    pub verbatim: bool,
    /// The date it gives itself (`15 November 2015`): its metadata's
    /// ([`Document::date`](crate::Document::date)), else a date line or
    /// dateline at its top ([`own_date`](crate::text::dates::own_date)).
    /// Dates it only mentions are not its date.
    pub date: Option<ExplicitDate>,
    /// The site a web page says it is from, if any.
    pub site: Option<String>,
    /// Whether the reader had already read it: one of the request's `since`
    /// documents, or an input with the same text as one.
    pub already_read: bool,
}

impl SourceDocument {
    /// The title, else the id.
    pub fn display_title(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.id)
    }

    /// How an overview names it: a web page by its site, else by its title
    /// or id.
    pub fn source_name(&self) -> &str {
        self.site.as_deref().unwrap_or_else(|| self.display_title())
    }
}

/// One chosen sentence.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SummarySentence {
    /// The sentence exactly as it appears in its first source's text.
    pub text: String,
    /// Its centrality (PageRank) score.
    pub score: f64,
    /// 1 for the sentence chosen first (the most valuable), and so on.
    pub rank: usize,
    /// Its relevance to the question (0-1: the cosine of its words with the
    /// question's), when one was asked.
    pub relevance: Option<f64>,
    /// Every place the sentence occurs, first occurrence first.
    pub citations: Vec<Citation>,
}

impl SummarySentence {
    /// The distinct documents citing this sentence, in order, each with the
    /// page of its first occurrence there (for paged sources).
    pub fn cited_pages(&self) -> Vec<(usize, Option<u32>)> {
        let mut seen = rustc_hash::FxHashSet::default();
        self.citations
            .iter()
            .filter(|c| seen.insert(c.document))
            .map(|c| (c.document, c.page))
            .collect()
    }

    /// The distinct documents citing this sentence, in order.
    pub fn cited_documents(&self) -> Vec<usize> {
        // A sentence repeated across thousands of documents has as many
        // citations: one pass, not one search per citation.
        let mut seen = rustc_hash::FxHashSet::default();
        self.citations
            .iter()
            .map(|c| c.document)
            .filter(|&d| seen.insert(d))
            .collect()
    }
}

/// Where a sentence occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Citation {
    /// Index into [`Summary::documents`].
    pub document: usize,
    /// The sentence's ordinal within that document (0-based).
    pub sentence_index: u32,
    /// Byte span in the document's extracted text.
    pub text_span: Range<usize>,
    /// Byte span in the source file (or stdin, or record text); for a PDF,
    /// Word or OpenDocument file, in its extracted text.
    pub file_span: Range<usize>,
    /// The 1-based page the sentence starts on, for paged sources (PDF).
    pub page: Option<u32>,
}

/// Counts from the pipeline.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Stats {
    /// Documents read.
    pub documents: usize,
    /// Sentences kept after cleaning (titles and headings included).
    pub sentences: usize,
    /// Sentence groups (graph nodes): repeats across documents count once.
    pub nodes: usize,
    /// Nodes that may be chosen (prose of a readable length).
    pub candidates: usize,
    /// Undirected edges held in the similarity graph (0 for the factored
    /// graph, which holds none: every pair of sentences sharing a term is one).
    pub edges: usize,
    /// Whether the graph was a dense matrix.
    pub dense_graph: bool,
    /// The graph's form: `dense` and `factored` are exact, `sparse` keeps the
    /// strongest neighbours of each node.
    pub graph: crate::graph::GraphKind,
    /// PageRank iterations run.
    pub pagerank_iterations: usize,
    /// Whether PageRank reached its tolerance.
    pub pagerank_converged: bool,
    /// Whether headings or unfinished sentences were used: for want of
    /// complete sentences, or once those ran out.
    pub incomplete_sentences_used: bool,
    /// Lines dropped as page junk.
    pub junk_lines: usize,
    /// Lines dropped as repeats within their document.
    pub repeated_lines: usize,
    /// Sentences dropped as boilerplate.
    pub boilerplate_sentences: usize,
}
