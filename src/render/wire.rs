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
//!     (`[start, end)` byte offsets in the source file, stdin or record text;
//!     for a PDF, Word or OpenDocument file, offsets in the text that
//!     `precis read` prints for it, since offsets inside such a file mean
//!     nothing to a reader), only when the document was transcoded or
//!     extracted from HTML `text_span` (offsets in the extracted text, where
//!     `text` is verbatim), and for a PDF `page` (1-based: the page the
//!     sentence starts on).
//! - `documents`: every input document: `id`, `path`, `title`, `format`
//!   (`text`, `markdown`, `html`, `pdf`, `docx`, `odt`), `language` (ISO 639-1 code, given or
//!   detected), `cited` (whether a sentence cites it), and for a web page
//!   that names it `site` (added within version 1: its `og:site_name`, else
//!   its canonical host).
//! - `overview` (added within version 1): what the summary was built from:
//!   `documents` (read), `set_aside` (how many), `dates` (`["15 November
//!   2015", "16 November 2015"]`: the earliest and latest first explicit
//!   date of the documents used; absent when none gives one), `sources` (the
//!   documents used: web pages by their site, once per site; others by title,
//!   else id).
//! - `set_aside` (added within version 1; absent when empty, so version-1
//!   readers are unaffected): documents set aside as off the cluster's event,
//!   none of whose sentences was chosen: `document` (id), `path` (when read
//!   from a file), `reason` (one line for a person).
//! - `parameters`: the settings used ([`Parameters`]): `weights`, `graph`,
//!   `pagerank`, `select` (with the budget of this summary), `position_bias`,
//!   `lead_sentences`, `min_support` and `language`. Where no position bias was
//!   set, the cluster's language chose it and the damping
//!   ([`LeadPrior`](crate::summarizer::LeadPrior)): both are recorded as used;
//!   `language` is the one given for every document (`--language`), `null`
//!   when each was detected.
//! - `stats`: pipeline counts (documents, sentences, graph nodes and edges...).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::graph::LargeGraph;
use crate::language::Language;
use crate::select::{Budget, Objective};
use crate::summarizer::Config;
use crate::summary::{Stats, Summary};
use crate::vectors::IdfSource;

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
    /// The settings used.
    pub parameters: Parameters,
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

/// Converts a summary made with `config` to its wire form.
pub fn to_wire<'a>(summary: &'a Summary, id: Option<&'a str>, config: &Config) -> WireSummary<'a> {
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
        })
        .collect();
    WireSummary {
        schema: Cow::Borrowed(SCHEMA),
        id: id.map(Cow::Borrowed),
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
        parameters: Parameters::new(config, summary.budget, summary.language()),
        stats: summary.stats.clone(),
    }
}

/// The settings a summary was made with, as `parameters` records them.
///
/// A wire type of its own, so that renaming a field of [`Config`] cannot
/// change `precis.summary/1`. To record a new setting, add a field here (with
/// `#[serde(default)]`, so that older JSON still reads), fill it in
/// [`Parameters::new`] and extend the round-trip tests below.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Parameters {
    /// TF-IDF weighting.
    pub weights: WeightParameters,
    /// The similarity graph.
    pub graph: GraphParameters,
    /// PageRank.
    pub pagerank: PageRankParameters,
    /// Selection.
    pub select: SelectParameters,
    /// Preference for early sentences (0: none), as used.
    pub position_bias: f64,
    /// Sentences past this position in their document wait until the
    /// earlier ones are used (0: none wait; absent in older JSON: 0).
    #[serde(default)]
    pub lead_sentences: usize,
    /// Share of a one-document sentence's content words another document
    /// must hold for it to be chosen, with 3+ documents (absent in older JSON: 0).
    #[serde(default)]
    pub min_support: f64,
    /// The language given for every document, if any (ISO 639-1).
    pub language: Option<String>,
}

/// `parameters.weights`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeightParameters {
    /// What IDF counts over: `sentences` or `documents`.
    pub idf: String,
    /// Whether term counts are damped to `1 + ln(count)`.
    pub sublinear_tf: bool,
}

/// `parameters.graph`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphParameters {
    /// Similarities below this are not edges.
    pub threshold: f32,
    /// Largest node count held as a dense matrix.
    pub dense_limit: usize,
    /// The form of larger graphs: `exact` or `top_k`.
    pub large: String,
    /// Neighbours kept per node in the sparse graph.
    pub top_k: usize,
    /// Postings sampled per term in the sparse graph.
    pub max_postings: usize,
    /// Whether every edge weighs 1.
    pub binary: bool,
}

/// `parameters.pagerank`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageRankParameters {
    /// Probability of following an edge rather than teleporting.
    pub damping: f64,
    /// Convergence tolerance (L1 change).
    pub tolerance: f64,
    /// Iteration cap.
    pub max_iterations: usize,
}

/// `parameters.select`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SelectParameters {
    /// The budget of this summary: `{"words": N}`, `{"bytes": N}` or `{"sentences": N}`.
    pub budget: Budget,
    /// What selection optimises: `mmr` or `coverage`.
    pub objective: String,
    /// Settings of the coverage objective.
    pub coverage: CoverageParameters,
    /// MMR trade-off between centrality (1) and diversity (0).
    pub lambda: f64,
    /// Shortest sentence chosen, in words.
    pub min_words: usize,
    /// Longest sentence chosen, in words.
    pub max_words: usize,
    /// Content-word overlap at which two sentences are near-duplicates.
    pub near_duplicate: f64,
    /// Best-scored candidates considered.
    pub pool: usize,
    /// Whether the last sentence may run past the budget (evaluation only).
    pub overflow: bool,
    /// The factor on the score of a sentence that does not stand alone
    /// (added within version 1; read as the default when absent).
    #[serde(default = "default_standalone_weight")]
    pub standalone_weight: f64,
}

fn default_standalone_weight() -> f64 {
    crate::select::STANDALONE_WEIGHT
}

/// `parameters.select.coverage`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoverageParameters {
    /// Concepts in fewer documents weigh nothing.
    pub min_documents: usize,
    /// A concept weighs `documents^document_exponent`.
    pub document_exponent: f64,
    /// Weight of single words as concepts, relative to word pairs.
    pub unigram_weight: f64,
    /// Weight of centrality beside coverage.
    pub centrality: f64,
    /// Gains are divided by `words^length_exponent`.
    pub length_exponent: f64,
}

impl Parameters {
    /// The wire form of `config`, recording `budget` as the one used and the
    /// lead prior of a cluster in `language`.
    pub fn new(config: &Config, budget: Budget, language: Language) -> Self {
        let (position_bias, pagerank) = config.lead_prior(language);
        let select = &config.select;
        let coverage = &select.coverage;
        Parameters {
            weights: WeightParameters {
                idf: match config.weights.idf {
                    IdfSource::Sentences => "sentences",
                    IdfSource::Documents => "documents",
                }
                .into(),
                sublinear_tf: config.weights.sublinear_tf,
            },
            graph: GraphParameters {
                threshold: config.graph.threshold,
                dense_limit: config.graph.dense_limit,
                large: match config.graph.large {
                    LargeGraph::Exact => "exact",
                    LargeGraph::TopK => "top_k",
                }
                .into(),
                top_k: config.graph.top_k,
                max_postings: config.graph.max_postings,
                binary: config.graph.binary,
            },
            pagerank: PageRankParameters {
                damping: pagerank.damping,
                tolerance: pagerank.tolerance,
                max_iterations: pagerank.max_iterations,
            },
            select: SelectParameters {
                budget,
                objective: match select.objective {
                    Objective::Mmr => "mmr",
                    Objective::Coverage => "coverage",
                }
                .into(),
                coverage: CoverageParameters {
                    min_documents: coverage.min_documents,
                    document_exponent: coverage.document_exponent,
                    unigram_weight: coverage.unigram_weight,
                    centrality: coverage.centrality,
                    length_exponent: coverage.length_exponent,
                },
                lambda: select.lambda,
                min_words: select.min_words,
                max_words: select.max_words,
                near_duplicate: select.near_duplicate,
                pool: select.pool,
                overflow: select.overflow,
                standalone_weight: select.standalone_weight,
            },
            position_bias,
            language: config.language.map(|l| l.code().to_owned()),
            lead_sentences: config.lead_sentences,
            min_support: config.min_support,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Settings unlike the defaults in every field, so no field can be lost
    /// or swapped with another unnoticed.
    fn unusual() -> Config {
        let mut config = Config::default();
        config.weights.idf = IdfSource::Documents;
        config.weights.sublinear_tf = true;
        config.graph.threshold = 0.25;
        config.graph.dense_limit = 7;
        config.graph.large = LargeGraph::TopK;
        config.graph.top_k = 9;
        config.graph.max_postings = 11;
        config.graph.binary = true;
        config.pagerank.damping = 0.5;
        config.pagerank.tolerance = 1e-3;
        config.pagerank.max_iterations = 13;
        config.select.objective = Objective::Coverage;
        config.select.coverage.min_documents = 3;
        config.select.coverage.document_exponent = 1.5;
        config.select.coverage.unigram_weight = 0.125;
        config.select.coverage.centrality = 0.75;
        config.select.coverage.length_exponent = 0.875;
        config.select.lambda = 0.3;
        config.select.min_words = 4;
        config.select.max_words = 40;
        config.select.near_duplicate = 0.9;
        config.select.pool = 17;
        config.select.overflow = true;
        config.select.standalone_weight = 0.25;
        config.position_bias = Some(0.5);
        config.language = Language::from_code("fr");
        config.lead_sentences = 19;
        config.min_support = 0.375;
        config
    }

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
        let summary = summarizer
            .summarize_with_budget(&docs, Budget::Words(60))
            .unwrap();
        assert!(
            summary
                .sentences
                .iter()
                .flat_map(|s| &s.citations)
                .any(|c| summary.documents[c.document].id == "page.html"),
            "the page is cited, with its text span"
        );
        for id in [None, Some("cluster \"7\"")] {
            let wire = to_wire(&summary, id, summarizer.config());
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
    fn parameters_round_trip_through_json() {
        for (config, budget) in [
            (Config::default(), Budget::Words(100)),
            (unusual(), Budget::Bytes(665)),
            (unusual(), Budget::Sentences(3)),
        ] {
            let parameters = Parameters::new(&config, budget, Language::ENGLISH);
            let json = serde_json::to_string(&parameters).unwrap();
            let back: Parameters = serde_json::from_str(&json).unwrap();
            assert_eq!(back, parameters);
        }
    }

    /// A reader of parameters written before `standalone_weight` was added
    /// within version 1 still reads them.
    #[test]
    fn parameters_without_the_standalone_weight_read_as_the_default() {
        let mut json = serde_json::to_value(Parameters::new(
            &Config::default(),
            Budget::Words(100),
            Language::ENGLISH,
        ))
        .unwrap();
        json["select"]
            .as_object_mut()
            .unwrap()
            .remove("standalone_weight");
        let back: Parameters = serde_json::from_value(json).unwrap();
        assert_eq!(
            back,
            Parameters::new(&Config::default(), Budget::Words(100), Language::ENGLISH)
        );
    }

    #[test]
    fn the_wire_names_are_fixed() {
        let json = serde_json::to_value(Parameters::new(
            &unusual(),
            Budget::Sentences(3),
            Language::ENGLISH,
        ))
        .unwrap();
        let expected = serde_json::json!({
            "weights": {"idf": "documents", "sublinear_tf": true},
            "graph": {"threshold": 0.25, "dense_limit": 7, "large": "top_k", "top_k": 9,
                      "max_postings": 11, "binary": true},
            "pagerank": {"damping": 0.5, "tolerance": 1e-3, "max_iterations": 13},
            "select": {
                "budget": {"sentences": 3},
                "objective": "coverage",
                "coverage": {"min_documents": 3, "document_exponent": 1.5, "unigram_weight": 0.125,
                             "centrality": 0.75, "length_exponent": 0.875},
                "lambda": 0.3, "min_words": 4, "max_words": 40, "near_duplicate": 0.9,
                "pool": 17, "overflow": true, "standalone_weight": 0.25
            },
            "position_bias": 0.5,
            "lead_sentences": 19,
            "min_support": 0.375,
            "language": "fr"
        });
        assert_eq!(json, expected);
    }

    #[test]
    fn a_summary_records_the_budget_it_was_made_with() {
        let docs = [crate::Document::from_text(
            "a",
            "The council approved the new budget on Monday evening. Members debated road repairs for hours.",
        )];
        let summarizer = crate::Summarizer::default();
        let summary = summarizer
            .summarize_with_budget(&docs, Budget::Sentences(1))
            .unwrap();
        let wire = to_wire(&summary, Some("c1"), summarizer.config());
        assert_eq!(wire.parameters.select.budget, Budget::Sentences(1));
        let json = serde_json::to_value(&wire).unwrap();
        let back: Parameters = serde_json::from_value(json["parameters"].clone()).unwrap();
        assert_eq!(back, wire.parameters);
    }
}
