//! The JSON schema of a summary (`precis brief --format json`, `precis batch`).
//!
//! Version `precis.summary/1`. Field by field (for readers of the JSON, with
//! examples, `precis read`'s lines and batch error records:
//! `docs/json-schema.md` in the repository):
//!
//! - `schema`: `"precis.summary/1"`.
//! - `id`: the cluster id (batch records only; absent otherwise).
//! - `budget`: `{"unit": "words" | "bytes" | "sentences", "limit": N}`.
//! - `usage`: `{"words": N, "bytes": N, "sentences": N}`: what the summary uses.
//! - `sentences`: in reading order, each with
//!   - `text`: the sentence exactly as in its first source,
//!   - `score`: PageRank centrality, `rank`: 1 for the sentence chosen first,
//!   - `relevance` (added within version 1; only with a question): its
//!     relevance to the question, 0-1,
//!   - `words`: its word count,
//!   - `sources`: every occurrence: `document` (id), `path` (when read from a
//!     file), `sentence_index` (0-based ordinal in that document), `span`
//!     (`[start, end)` byte offsets in the source file, stdin or record text;
//!     for a PDF, Word or OpenDocument file, offsets in the text that
//!     `precis read` prints for it, since offsets inside such a file mean
//!     nothing to a reader), only when the document was transcoded or
//!     extracted from HTML `text_span` (offsets in the extracted text, where
//!     `text` is verbatim), and for a PDF `page` (1-based: the page the
//!     sentence starts on).
//! - `query` (added within version 1; absent without one): the question the
//!   summary answers.
//! - `nothing_new` (added within version 1; absent when false): `true` when
//!   documents had been read and nothing in these is new; then `sentences`
//!   is empty.
//! - `documents`: every input document: `id`, `path`, `title`, `format`
//!   (`text`, `markdown`, `html`, `pdf`, `docx`, `odt`), `language` (ISO 639-1 code, given or
//!   detected), `cited` (whether a sentence cites it), and for a web page
//!   that names it `site` (added within version 1: its `og:site_name`, else
//!   its canonical host); then the documents already read (added within
//!   version 1), each with `already_read: true` (also on an input with the
//!   same text as one; absent when false).
//! - `overview` (added within version 1): what the summary was built from:
//!   `documents` (read), `set_aside` (how many), `dates` (`["15 November
//!   2015", "16 November 2015"]`: the earliest and latest date the
//!   documents used give themselves, in their metadata or at their top;
//!   absent when none gives one; dates they only mention do not count), `sources` (the
//!   documents used: web pages by their site, once per site; others by title,
//!   else id).
//! - `set_aside` (added within version 1; absent when empty, so version-1
//!   readers are unaffected): documents set aside as off the cluster's event,
//!   none of whose sentences was chosen: `document` (id), `path` (when read
//!   from a file), `reason` (one line for a person).
//! - `parameters`: the settings used, a [`Config`] (serde, one definition):
//!   `weights`, `graph`, `pagerank`, `select` (with the budget of this
//!   summary), `position_bias`, `lead_sentences`, `lead_fraction`,
//!   `min_support`, `language`, and `set_aside` when not the default. Where no position bias was
//!   set, the cluster's language chose it and the damping
//!   ([`LeadPrior`](crate::summarizer::LeadPrior)): both are recorded as used;
//!   `language` is the one given for every document (`--language`), `null`
//!   when each was detected.
//! - `stats`: pipeline counts (documents, sentences, graph nodes and edges...).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::summarizer::Config;
use crate::summary::{Stats, Summary};

/// Schema identifier written into every summary.
pub const SCHEMA: &str = "precis.summary/1";

/// A summary on the wire: what `--format json` and `precis batch` write, and
/// what a Rust reader of `precis.summary/1` can parse back
/// (`serde_json::from_str::<WireSummary>`); strings are borrowed from the
/// input where they can be.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct WireSummary<'a> {
    /// Always [`SCHEMA`].
    #[serde(borrow)]
    pub schema: Cow<'a, str>,
    /// The cluster id, for batch records.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Cow<'a, str>>,
    /// The question the summary answers, when one was asked (added within
    /// version 1).
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub query: Option<Cow<'a, str>>,
    /// Whether documents had been read and nothing in these was new (added
    /// within version 1; absent when false).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nothing_new: bool,
    /// The budget.
    #[serde(borrow)]
    pub budget: WireBudget<'a>,
    /// What the summary uses.
    pub usage: crate::select::Usage,
    /// The chosen sentences in reading order.
    #[serde(borrow)]
    pub sentences: Vec<WireSentence<'a>>,
    /// The input documents.
    #[serde(borrow)]
    pub documents: Vec<WireDocument<'a>>,
    /// What the summary was built from (added within version 1).
    pub overview: crate::render::Overview,
    /// Documents set aside as off the cluster's event (omitted when none).
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    pub set_aside: Vec<WireSetAside<'a>>,
    /// The settings used ([`Summary::settings`]).
    pub parameters: Config,
    /// Pipeline counts.
    pub stats: Stats,
}

/// The budget on the wire.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct WireBudget<'a> {
    /// `words`, `bytes` or `sentences`.
    #[serde(borrow)]
    pub unit: Cow<'a, str>,
    /// The limit.
    pub limit: usize,
}

/// A chosen sentence on the wire.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct WireSentence<'a> {
    /// The sentence text.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// Its centrality score.
    pub score: f64,
    /// Its selection rank (1 = chosen first).
    pub rank: usize,
    /// Its relevance to the question, when one was asked (added within
    /// version 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relevance: Option<f64>,
    /// Its word count.
    pub words: usize,
    /// Where it occurs.
    #[serde(borrow)]
    pub sources: Vec<WireSource<'a>>,
}

/// One occurrence of a sentence on the wire.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct WireSource<'a> {
    /// The document's id.
    #[serde(borrow)]
    pub document: Cow<'a, str>,
    /// The file path, when the document was read from a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The sentence's ordinal in the document.
    pub sentence_index: u32,
    /// Byte span in the source.
    pub span: [usize; 2],
    /// Byte span in the extracted text, when it differs from the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_span: Option<[usize; 2]>,
    /// The 1-based page the sentence starts on, for paged sources (PDF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// An input document on the wire.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct WireDocument<'a> {
    /// Its id.
    #[serde(borrow)]
    pub id: Cow<'a, str>,
    /// Its path, if read from a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Its title, if it has one.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Cow<'a, str>>,
    /// Its format.
    pub format: crate::ingest::Format,
    /// Its language (ISO 639-1).
    pub language: crate::language::Language,
    /// Whether a chosen sentence cites it.
    pub cited: bool,
    /// The site a web page says it is from (added within version 1).
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub site: Option<Cow<'a, str>>,
    /// Whether the reader had already read it (added within version 1;
    /// absent when false).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub already_read: bool,
}

/// A document set aside, on the wire.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct WireSetAside<'a> {
    /// The document's id.
    #[serde(borrow)]
    pub document: Cow<'a, str>,
    /// Its path, if read from a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Why it was set aside.
    pub reason: String,
}

/// Converts a summary to its wire form.
pub fn to_wire(summary: &Summary) -> WireSummary<'_> {
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
            text: Cow::Borrowed(&s.text),
            score: s.score,
            rank: s.rank,
            relevance: s.relevance,
            words: crate::select::budget::word_count(&s.text),
            sources: s
                .citations
                .iter()
                .map(|c| WireSource {
                    document: Cow::Borrowed(&summary.documents[c.document].id),
                    path: path_of(c.document),
                    sentence_index: c.sentence_index,
                    span: [c.file_span.start, c.file_span.end],
                    text_span: (!summary.documents[c.document].verbatim)
                        .then_some([c.text_span.start, c.text_span.end]),
                    page: c.page,
                })
                .collect(),
        })
        .collect();
    let documents = summary
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| WireDocument {
            id: Cow::Borrowed(&d.id),
            path: path_of(i),
            title: d.title.as_deref().map(Cow::Borrowed),
            format: d.format,
            language: d.language,
            cited: summary
                .sentences
                .iter()
                .any(|s| s.citations.iter().any(|c| c.document == i)),
            site: d.site.as_deref().map(Cow::Borrowed),
            already_read: d.already_read,
        })
        .chain(summary.read.iter().map(|d| WireDocument {
            id: Cow::Borrowed(&d.id),
            path: d.path.as_ref().map(|p| p.display().to_string()),
            title: d.title.as_deref().map(Cow::Borrowed),
            format: d.format,
            language: d.language,
            cited: false,
            site: d.site.as_deref().map(Cow::Borrowed),
            already_read: true,
        }))
        .collect();
    WireSummary {
        schema: Cow::Borrowed(SCHEMA),
        id: summary.id.as_deref().map(Cow::Borrowed),
        query: summary.query.as_deref().map(Cow::Borrowed),
        nothing_new: summary.nothing_new,
        budget: WireBudget {
            unit: Cow::Borrowed(summary.budget.unit()),
            limit: summary.budget.limit(),
        },
        usage: summary.usage,
        sentences,
        documents,
        overview: crate::render::Overview::of(summary),
        set_aside: summary
            .set_aside
            .iter()
            .map(|s| WireSetAside {
                document: Cow::Borrowed(&summary.documents[s.document].id),
                path: path_of(s.document),
                reason: s.reason.to_string(),
            })
            .collect(),
        parameters: summary.settings.clone(),
        stats: summary.stats.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::select::Budget;
    use crate::Request;

    /// A whole summary written as JSON reads back into the same wire value
    /// and writes out the same bytes: titles, quotes and escapes in the
    /// text, a set-aside document, text spans that differ from file spans.
    #[test]
    fn summaries_round_trip_through_json() {
        let text = |topic: &str| {
            format!(
                "Officials said the {topic} flood barrier held on Tuesday. \"It held,\" the mayor said \\ twice. \
                 Engineers had tested the {topic} barrier in March 2021. \
                 Residents returned home after the water fell."
            )
        };
        let mut docs: Vec<crate::Document> = ["north", "south", "east"]
            .iter()
            .map(|t| crate::Document::from_text(format!("{t}.txt"), text(t)))
            .collect();
        let page = crate::Document::from_bytes(
            "page.html",
            None,
            b"<html><head><title>Riverton &amp; the flood</title>\
              <meta property=\"og:site_name\" content=\"Riverton &quot;Daily&quot; \\ News\"></head><body><article><p>The \
              flood barrier in Riverton held &amp; the town stayed dry on Tuesday.</p>\
              <p>Engineers had tested the Riverton barrier in March 2021.</p></article></body></html>",
            Some(crate::ingest::Format::Html),
        )
        .unwrap()
        .0;
        docs.push(page);
        docs.push(crate::Document::from_text(
            "other.txt",
            "The football club signed a new striker for the season. Fans queued for \
             tickets outside the stadium all morning. The coach praised his speed.",
        ));
        let summarizer = crate::Summarizer::default();
        let request = Request::new(docs).with_budget(Budget::Words(60));
        let mut summary = summarizer.summarize(&request).unwrap();
        assert!(
            summary
                .sentences
                .iter()
                .flat_map(|s| &s.citations)
                .any(|c| summary.documents[c.document].id == "page.html"),
            "the page is cited, with its text span"
        );
        for id in [None, Some("cluster \"7\"")] {
            summary.id = id.map(str::to_owned);
            let wire = to_wire(&summary);
            let page = wire.documents.iter().find(|d| d.id == "page.html");
            assert_eq!(
                page.and_then(|d| d.site.as_deref()),
                Some("Riverton \"Daily\" \\ News")
            );
            let json = serde_json::to_string_pretty(&wire).unwrap();
            let back: WireSummary<'_> = serde_json::from_str(&json).unwrap();
            assert_eq!(back, wire);
            assert_eq!(serde_json::to_string_pretty(&back).unwrap(), json);
        }
    }

    #[test]
    fn a_summary_records_the_budget_it_was_made_with() {
        let docs = [crate::Document::from_text(
            "a",
            "The council approved the new budget on Monday evening. Members debated road repairs for hours.",
        )];
        let request = Request::new(docs.to_vec())
            .with_id("c1")
            .with_budget(Budget::Sentences(1));
        let summary = crate::Summarizer::default().summarize(&request).unwrap();
        let wire = to_wire(&summary);
        assert_eq!(wire.id.as_deref(), Some("c1"));
        assert_eq!(wire.parameters.select.budget, Budget::Sentences(1));
        // The lead prior of the cluster's language is written out as used.
        assert_eq!(wire.parameters.position_bias, Some(0.0));
        let json = serde_json::to_value(&wire).unwrap();
        let back: Config = serde_json::from_value(json["parameters"].clone()).unwrap();
        assert_eq!(back, wire.parameters);
        // Read back, the settings make the same summary.
        let again = crate::Summarizer::new(back)
            .unwrap()
            .summarize(&request)
            .unwrap();
        assert_eq!(again, summary);
    }
}
