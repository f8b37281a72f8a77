//! The JSON schema of a summary (`precis brief --format json`, `precis batch`).
//!
//! Version `precis.summary/1`. Field by field:
//!
//! - `schema`: `"precis.summary/1"`.
//! - `id`: the cluster id (batch records only; absent otherwise).
//! - `budget`: `{"unit": "words" | "bytes" | "sentences", "limit": N}`.
//! - `usage`: `{"words": N, "bytes": N, "sentences": N}`: what the summary uses.
//! - `sentences`: in reading order, each with
//!   - `text`: the sentence exactly as in its first source,
//!   - `score`: PageRank centrality, `rank`: 1 for the sentence chosen first,
//!   - `words`: its word count,
//!   - `sources`: every occurrence: `document` (id), `path` (when read from a
//!     file), `sentence_index` (0-based ordinal in that document), `span`
//!     (`[start, end)` byte offsets in the source file, stdin or record text),
//!     and, only when the document was transcoded or extracted from HTML,
//!     `text_span` (offsets in the extracted text, where `text` is verbatim).
//! - `documents`: every input document: `id`, `path`, `title`, `format`
//!   (`text`, `markdown`, `html`), `cited` (whether a sentence cites it).
//! - `set_aside` (added within version 1; absent when empty, so version-1
//!   readers are unaffected): documents set aside as off the cluster's event,
//!   none of whose sentences was chosen: `document` (id), `path` (when read
//!   from a file), `reason` (one line for a person).
//! - `parameters`: the settings used.
//! - `stats`: pipeline counts (documents, sentences, graph nodes and edges...).

use serde::Serialize;

use crate::summary::{Stats, Summary};

/// Schema identifier written into every summary.
pub const SCHEMA: &str = "precis.summary/1";

/// A summary on the wire.
#[derive(Debug, Serialize)]
pub struct WireSummary<'a, P: Serialize> {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// The cluster id, for batch records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a str>,
    /// The budget.
    pub budget: WireBudget,
    /// What the summary uses.
    pub usage: crate::select::Usage,
    /// The chosen sentences in reading order.
    pub sentences: Vec<WireSentence<'a>>,
    /// The input documents.
    pub documents: Vec<WireDocument<'a>>,
    /// Documents set aside as off the cluster's event (omitted when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub set_aside: Vec<WireSetAside<'a>>,
    /// The settings used.
    pub parameters: &'a P,
    /// Pipeline counts.
    pub stats: &'a Stats,
}

/// The budget on the wire.
#[derive(Debug, Serialize)]
pub struct WireBudget {
    /// `words`, `bytes` or `sentences`.
    pub unit: &'static str,
    /// The limit.
    pub limit: usize,
}

/// A chosen sentence on the wire.
#[derive(Debug, Serialize)]
pub struct WireSentence<'a> {
    /// The sentence text.
    pub text: &'a str,
    /// Its centrality score.
    pub score: f64,
    /// Its selection rank (1 = chosen first).
    pub rank: usize,
    /// Its word count.
    pub words: usize,
    /// Where it occurs.
    pub sources: Vec<WireSource<'a>>,
}

/// One occurrence of a sentence on the wire.
#[derive(Debug, Serialize)]
pub struct WireSource<'a> {
    /// The document's id.
    pub document: &'a str,
    /// The file path, when the document was read from a file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The sentence's ordinal in the document.
    pub sentence_index: u32,
    /// Byte span in the source.
    pub span: [usize; 2],
    /// Byte span in the extracted text, when it differs from the source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_span: Option<[usize; 2]>,
}

/// An input document on the wire.
#[derive(Debug, Serialize)]
pub struct WireDocument<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its path, if read from a file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Its title, if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    /// Its format.
    pub format: crate::ingest::Format,
    /// Whether a chosen sentence cites it.
    pub cited: bool,
}

/// A document set aside, on the wire.
#[derive(Debug, Serialize)]
pub struct WireSetAside<'a> {
    /// The document's id.
    pub document: &'a str,
    /// Its path, if read from a file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Why it was set aside.
    pub reason: String,
}

/// Converts a summary to its wire form.
pub fn to_wire<'a, P: Serialize>(
    summary: &'a Summary,
    id: Option<&'a str>,
    parameters: &'a P,
) -> WireSummary<'a, P> {
    let path_of = |d: usize| {
        summary.documents[d]
            .path
            .as_ref()
            .map(|p| p.display().to_string())
    };
    let sentences = summary
        .sentences
        .iter()
        .map(|s| WireSentence {
            text: &s.text,
            score: s.score,
            rank: s.rank,
            words: crate::select::budget::word_count(&s.text),
            sources: s
                .citations
                .iter()
                .map(|c| WireSource {
                    document: &summary.documents[c.document].id,
                    path: path_of(c.document),
                    sentence_index: c.sentence_index,
                    span: [c.file_span.start, c.file_span.end],
                    text_span: (!summary.documents[c.document].verbatim)
                        .then_some([c.text_span.start, c.text_span.end]),
                })
                .collect(),
        })
        .collect();
    let documents = summary
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| WireDocument {
            id: &d.id,
            path: path_of(i),
            title: d.title.as_deref(),
            format: d.format,
            cited: summary
                .sentences
                .iter()
                .any(|s| s.citations.iter().any(|c| c.document == i)),
        })
        .collect();
    WireSummary {
        schema: SCHEMA,
        id,
        budget: WireBudget {
            unit: summary.budget.unit(),
            limit: summary.budget.limit(),
        },
        usage: summary.usage,
        sentences,
        documents,
        set_aside: summary
            .set_aside
            .iter()
            .map(|s| WireSetAside {
                document: &summary.documents[s.document].id,
                path: path_of(s.document),
                reason: s.reason.to_string(),
            })
            .collect(),
        parameters,
        stats: &summary.stats,
    }
}
