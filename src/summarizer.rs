//! The pipeline: documents in, a cited summary out.

use crate::error::{Error, Result};
use crate::graph::{self, GraphConfig, PageRankConfig};
use crate::ingest::Document;
use crate::select::{self, Budget, Candidate, SelectConfig};
use crate::summary::{Citation, SourceDocument, Stats, Summary, SummarySentence};
use crate::text::{self, token::Analyzer, SentenceKind};
use crate::vectors::{self, WeightConfig};

/// Every setting of the pipeline, with defaults that suit news clusters.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Config {
    /// TF-IDF weighting.
    pub weights: WeightConfig,
    /// Similarity graph construction.
    pub graph: GraphConfig,
    /// PageRank settings.
    pub pagerank: PageRankConfig,
    /// Selection: budget, MMR trade-off, redundancy and length limits.
    pub select: SelectConfig,
    /// Strength of the preference for early sentences: a sentence at
    /// reading position `p` (0-based) of its document gets teleport weight
    /// `1 / (1 + p)^position_bias`. 0 disables it.
    pub position_bias: f64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            weights: WeightConfig::default(),
            graph: GraphConfig::default(),
            pagerank: PageRankConfig::default(),
            select: SelectConfig::default(),
            position_bias: 0.0,
        }
    }
}

impl Config {
    /// Checks that every setting is in range.
    pub fn validate(&self) -> Result<()> {
        let check = |ok: bool, what: &str| {
            if ok {
                Ok(())
            } else {
                Err(Error::Config(what.to_owned()))
            }
        };
        check(
            self.select.budget.limit() > 0,
            "the budget must be at least 1",
        )?;
        check(
            (0.0..=1.0).contains(&self.select.lambda),
            "lambda must be between 0 and 1",
        )?;
        check(
            self.pagerank.damping > 0.0 && self.pagerank.damping < 1.0,
            "damping must be between 0 and 1 (exclusive)",
        )?;
        check(
            self.pagerank.tolerance > 0.0,
            "the PageRank tolerance must be positive",
        )?;
        check(
            self.pagerank.max_iterations > 0,
            "the PageRank iteration cap must be at least 1",
        )?;
        check(
            (0.0..=1.0).contains(&self.select.near_duplicate),
            "the near-duplicate threshold must be between 0 and 1",
        )?;
        check(
            self.select.min_words <= self.select.max_words,
            "min words must not exceed max words",
        )?;
        check(
            self.position_bias >= 0.0 && self.position_bias.is_finite(),
            "the position bias must be 0 or more",
        )?;
        check(
            (0.0..=1.0).contains(&self.graph.threshold),
            "the similarity threshold must be between 0 and 1",
        )?;
        Ok(())
    }
}

/// Summarizes clusters of documents.
///
/// ```
/// use precis::{Budget, Document, Summarizer};
/// let docs = vec![
///     Document::from_text("a", "Leaders of the G20 met in Antalya on Sunday. The talks focused on Syria and refugees. Security was tight around the resort."),
///     Document::from_text("b", "The G20 leaders met in Antalya to discuss Syria. Refugees were also on the agenda of the talks. Markets barely moved."),
/// ];
/// let summarizer = Summarizer::default().with_budget(Budget::Sentences(2));
/// let summary = summarizer.summarize(&docs)?;
/// assert_eq!(summary.sentences.len(), 2);
/// for sentence in &summary.sentences {
///     let cite = &sentence.citations[0];
///     assert_eq!(&docs[cite.document].text[cite.text_span.clone()], sentence.text);
/// }
/// # Ok::<(), precis::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct Summarizer {
    config: Config,
    analyzer: Analyzer,
}

impl Summarizer {
    /// A summarizer with the given settings.
    pub fn new(config: Config) -> Result<Self> {
        config.validate()?;
        Ok(Summarizer {
            config,
            analyzer: Analyzer::english(),
        })
    }

    /// The same summarizer with another budget.
    pub fn with_budget(mut self, budget: Budget) -> Self {
        self.config.select.budget = budget;
        self
    }

    /// The settings in use.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Summarizes one cluster. Fails when the documents hold no sentence that
    /// could be used.
    pub fn summarize(&self, documents: &[Document]) -> Result<Summary> {
        self.summarize_timed(documents).map(|(summary, _)| summary)
    }

    /// [`summarize`](Self::summarize) with another budget than the configured one.
    pub fn summarize_with_budget(&self, documents: &[Document], budget: Budget) -> Result<Summary> {
        if budget.limit() == 0 {
            return Err(Error::Config("the budget must be at least 1".into()));
        }
        let select = SelectConfig {
            budget,
            ..self.config.select
        };
        self.run(documents, &select).map(|(summary, _)| summary)
    }

    /// [`summarize`](Self::summarize), also giving the time spent in each stage.
    pub fn summarize_timed(&self, documents: &[Document]) -> Result<(Summary, Timings)> {
        self.run(documents, &self.config.select)
    }

    fn run(&self, documents: &[Document], selecting: &SelectConfig) -> Result<(Summary, Timings)> {
        let mut timings = Timings::default();
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
        let segmented = text::segment(documents);
        let sentences = &segmented.sentences;
        if segmented.prose_count() == 0 {
            return Err(Error::NoSentences {
                reason: no_sentence_reason(&segmented),
            });
        }
        lap(&mut timings.segment);
        let groups = text::group_repeats(documents, sentences);
        let texts: Vec<&str> = groups
            .iter()
            .map(|g| sentences[g.representative as usize].text(documents))
            .collect();
        lap(&mut timings.group);
        let analyzed = vectors::analyze(&self.analyzer, &texts);
        lap(&mut timings.analyze);
        let row_documents: Vec<Vec<u32>> = groups
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
        let term_vectors = vectors::tfidf(
            &analyzed.term_lists,
            &row_documents,
            analyzed.terms.len(),
            self.config.weights,
        );
        lap(&mut timings.tfidf);
        let graph = graph::build(&term_vectors.rows, analyzed.terms.len(), &self.config.graph);
        lap(&mut timings.graph);
        let teleport: Vec<f64> = groups
            .iter()
            .zip(&row_documents)
            .map(|(g, docs)| {
                let position = g
                    .occurrences
                    .iter()
                    .map(|&o| sentences[o as usize].position)
                    .min()
                    .unwrap_or(0);
                docs.len() as f64 / (1.0 + position as f64).powf(self.config.position_bias)
            })
            .collect();
        let ranking = graph::pagerank(&graph, &teleport, &self.config.pagerank);
        lap(&mut timings.pagerank);

        let selectable: Vec<usize> = (0..groups.len())
            .filter(|&g| groups[g].is_selectable(sentences))
            .collect();
        let candidates: Vec<Candidate<'_>> = selectable
            .iter()
            .map(|&g| Candidate {
                score: ranking.scores[g],
                text: texts[g],
                vector: &term_vectors.rows[g],
            })
            .collect();
        let selection = select::select(&candidates, selecting);
        lap(&mut timings.select);

        let mut chosen: Vec<(usize, usize)> = selection
            .chosen
            .iter()
            .enumerate()
            .map(|(rank, &c)| (selectable[c], rank + 1))
            .collect();
        // Reading order: by document, then position in it.
        chosen.sort_by_key(|&(g, _)| {
            let s = &sentences[groups[g].representative as usize];
            (s.doc, s.index)
        });
        let summary_sentences = chosen
            .into_iter()
            .map(|(g, rank)| SummarySentence {
                text: texts[g].to_owned(),
                score: ranking.scores[g],
                rank,
                citations: groups[g]
                    .occurrences
                    .iter()
                    .map(|&o| {
                        let s = &sentences[o as usize];
                        let doc = &documents[s.doc as usize];
                        Citation {
                            document: s.doc as usize,
                            sentence_index: s.index,
                            text_span: s.span.clone(),
                            file_span: doc.file_span(s.span.clone()),
                        }
                    })
                    .collect(),
            })
            .collect();
        let source_documents = documents
            .iter()
            .zip(&segmented.titles)
            .map(|(doc, title)| SourceDocument {
                id: doc.id.clone(),
                path: doc.path.clone(),
                title: title.clone(),
                format: doc.format,
                verbatim: doc.spans_are_verbatim(),
            })
            .collect();
        let summary = Summary {
            documents: source_documents,
            sentences: summary_sentences,
            budget: selecting.budget,
            usage: selection.usage,
            stats: Stats {
                documents: documents.len(),
                sentences: sentences.len(),
                nodes: groups.len(),
                candidates: selectable.len(),
                edges: graph.edge_count(),
                dense_graph: graph.is_dense(),
                graph: graph.kind(),
                pagerank_iterations: ranking.iterations,
                pagerank_converged: ranking.converged,
                junk_lines: segmented.junk_lines,
                repeated_lines: segmented.repeated_lines,
                boilerplate_sentences: segmented.boilerplate_sentences,
            },
        };
        lap(&mut timings.assemble);
        Ok((summary, timings))
    }
}

/// Wall time spent in each stage of one [`Summarizer::summarize_timed`] call.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Timings {
    /// Junk removal and sentence splitting.
    pub segment: std::time::Duration,
    /// Merging repeated sentences.
    pub group: std::time::Duration,
    /// Tokenizing, stop-word removal and stemming.
    pub analyze: std::time::Duration,
    /// TF-IDF weighting.
    pub tfidf: std::time::Duration,
    /// Building the similarity graph.
    pub graph: std::time::Duration,
    /// PageRank, with the teleport vector.
    pub pagerank: std::time::Duration,
    /// MMR selection.
    pub select: std::time::Duration,
    /// Putting the summary together (citations, documents, stats).
    pub assemble: std::time::Duration,
}

impl Timings {
    /// Every stage with its name, in pipeline order.
    pub fn stages(&self) -> [(&'static str, std::time::Duration); 8] {
        [
            ("segment", self.segment),
            ("group", self.group),
            ("analyze", self.analyze),
            ("tfidf", self.tfidf),
            ("graph", self.graph),
            ("pagerank", self.pagerank),
            ("select", self.select),
            ("assemble", self.assemble),
        ]
    }

    /// The sum of all stages.
    pub fn total(&self) -> std::time::Duration {
        self.stages().iter().map(|s| s.1).sum()
    }
}

fn no_sentence_reason(segmented: &text::Segmented) -> String {
    let headings = segmented
        .sentences
        .iter()
        .filter(|s| matches!(s.kind, SentenceKind::Title | SentenceKind::Heading))
        .count();
    let fragments = segmented
        .sentences
        .iter()
        .filter(|s| s.kind == SentenceKind::Fragment)
        .count();
    let mut parts = Vec::new();
    if segmented.junk_lines > 0 {
        parts.push(format!("{} line(s) of page junk", segmented.junk_lines));
    }
    if headings > 0 {
        parts.push(format!(
            "{headings} title or heading line(s) without sentence punctuation"
        ));
    }
    if fragments > 0 {
        parts.push(format!(
            "{fragments} piece(s) of over-long text without sentence boundaries"
        ));
    }
    if segmented.boilerplate_sentences > 0 {
        parts.push(format!(
            "{} boilerplate sentence(s)",
            segmented.boilerplate_sentences
        ));
    }
    if parts.is_empty() {
        "the documents contain no text".into()
    } else {
        format!("the documents contain only {}", parts.join(", "))
    }
}
