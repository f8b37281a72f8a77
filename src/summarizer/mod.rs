//! The pipeline: documents in, a cited summary out.

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::graph::{self, GraphConfig, GraphKind, PageRankConfig};
use crate::ingest::{Document, Severity, Warning};
use crate::language::Language;
use crate::select::set_aside::{self, DocumentProfile, SetAside, SetAsideConfig};
use crate::select::{self, Budget, Candidate, SelectConfig};
use crate::summary::{Citation, SourceDocument, Stats, Summary, SummarySentence};
use crate::text::{self, token::Analyzer, SentenceGroup, SentenceKind};
use crate::vectors::{self, WeightConfig};

/// Every setting of the pipeline, with defaults that suit news clusters.
#[derive(Debug, Clone, PartialEq)]
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
    /// `1 / (1 + p)^position_bias`. 0 disables it; `None` is the cluster's
    /// language's [`LeadPrior`], which also sets the PageRank damping.
    pub position_bias: Option<f64>,
    /// The language of documents that do not give their own
    /// ([`Document::language`]); `None` detects each one's.
    pub language: Option<Language>,
    /// Which documents are set aside as off the cluster's event.
    pub set_aside: SetAsideConfig,
    /// Sentences at or past this reading position of their document are
    /// held back until the earlier ones are used up (0: none held back), as
    /// are sentences that do not stand alone while
    /// [`SelectConfig::standalone_weight`] is below 1.
    /// News puts its substance first; the tail of a page is more often
    /// asides, background and page furniture.
    pub lead_sentences: usize,
    /// In a cluster of three or more documents, a sentence found in one
    /// document only is never chosen unless at least this share of its
    /// distinct content words occurs in another document (0 disables):
    /// what no other source touches is off the story (another article,
    /// site furniture). With two documents, neither can outvote the other.
    /// Off by default: one article beside many one-line files saying one
    /// thing would lose every sentence of the article.
    pub min_support: f64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            weights: WeightConfig::default(),
            graph: GraphConfig::default(),
            pagerank: PageRankConfig::default(),
            select: SelectConfig::default(),
            position_bias: None,
            language: None,
            set_aside: SetAsideConfig::default(),
            lead_sentences: 5,
            min_support: 0.0,
        }
    }
}

impl Config {
    /// The position bias and PageRank settings used for a cluster in
    /// `language`: the configured ones, or where no position bias is
    /// configured, the language's [`LeadPrior`].
    pub fn lead_prior(&self, language: Language) -> (f64, PageRankConfig) {
        let mut pagerank = self.pagerank;
        let bias = match self.position_bias {
            Some(bias) => bias,
            None => {
                let prior = LeadPrior::for_language(language);
                pagerank.damping = prior.damping.unwrap_or(pagerank.damping);
                prior.position_bias
            }
        };
        (bias, pagerank)
    }

    /// The same settings with another budget, checked.
    pub fn with_budget(&self, budget: Budget) -> Result<Config> {
        let mut config = self.clone();
        config.select.budget = budget;
        config.validate()?;
        Ok(config)
    }

    /// Checks that every setting is in range: the one check every way of
    /// summarizing goes through ([`Summarizer::new`], [`Summarizer::with_budget`],
    /// [`Summarizer::summarize_with_budget`]).
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
            self.position_bias
                .is_none_or(|bias| bias >= 0.0 && bias.is_finite()),
            "the position bias must be 0 or more",
        )?;
        check(
            (0.0..=1.0).contains(&self.min_support),
            "the minimum support must be between 0 and 1",
        )?;
        check(
            (0.0..=1.0).contains(&self.graph.threshold),
            "the similarity threshold must be between 0 and 1",
        )?;
        check(
            (0.0..=1.0).contains(&self.select.standalone_weight),
            "the standalone weight must be between 0 and 1",
        )?;
        check(
            self.select.pool > 0,
            "the candidate pool must hold at least 1",
        )?;
        let coverage = &self.select.coverage;
        for (value, what) in [
            (coverage.document_exponent, "the document exponent"),
            (coverage.unigram_weight, "the unigram weight"),
            (coverage.centrality, "the centrality weight"),
            (coverage.length_exponent, "the length exponent"),
        ] {
            // NaN would compare false everywhere and choose at random.
            if !(value.is_finite() && value >= 0.0) {
                return Err(Error::Config(format!("{what} must be 0 or more")));
            }
        }
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
/// let summarizer = Summarizer::default().with_budget(Budget::Sentences(2))?;
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
}

impl Summarizer {
    /// A summarizer with the given settings.
    pub fn new(config: Config) -> Result<Self> {
        config.validate()?;
        Ok(Summarizer { config })
    }

    /// The same summarizer with another budget; fails when the budget is 0.
    pub fn with_budget(self, budget: Budget) -> Result<Self> {
        Ok(Summarizer {
            config: self.config.with_budget(budget)?,
        })
    }

    /// The settings in use.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Summarizes one cluster. Fails when the documents hold no sentence that
    /// could be used.
    pub fn summarize(&self, documents: &[Document]) -> Result<Summary> {
        let prepared = self.prepare(documents)?;
        let ranking = self.rank(&prepared);
        Ok(self.choose(&prepared, &ranking, &self.config.select))
    }

    /// [`summarize`](Self::summarize) with another budget than the configured
    /// one (as a batch record may ask).
    pub fn summarize_with_budget(&self, documents: &[Document], budget: Budget) -> Result<Summary> {
        let config = self.config.with_budget(budget)?;
        let prepared = self.prepare(documents)?;
        let ranking = self.rank(&prepared);
        Ok(self.choose(&prepared, &ranking, &config.select))
    }

    /// [`summarize`](Self::summarize), also giving the time spent in each stage.
    pub fn summarize_timed(&self, documents: &[Document]) -> Result<(Summary, Timings)> {
        let mut timings = Timings::default();
        let prepared = self.prepare_timed(documents, &mut timings)?;
        let ranking = self.rank_timed(&prepared, &mut timings);
        let started = std::time::Instant::now();
        let summary = self.choose(&prepared, &ranking, &self.config.select);
        release(prepared);
        timings.select = started.elapsed();
        Ok((summary, timings))
    }

    /// The first stages: sentences, repeats merged into groups, TF-IDF vectors.
    /// Fails when the documents hold no sentence that could be used.
    pub fn prepare<'d>(&self, documents: &'d [Document]) -> Result<Prepared<'d>> {
        self.prepare_timed(documents, &mut Timings::default())
    }

    fn prepare_timed<'d>(
        &self,
        documents: &'d [Document],
        timings: &mut Timings,
    ) -> Result<Prepared<'d>> {
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
        let segmented = text::segment_in(documents, self.config.language);
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
        let texts: Vec<&'d str> = groups
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
            self.config.weights,
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
        let mut set_aside = set_aside::off_event(&profiles, &self.config.set_aside);
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
        if !(0..groups.len()).any(|g| may_choose(groups[g].kind(sentences)) && on_event(&aside, g))
        {
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
        if self.config.min_support > 0.0 {
            let support = cross_document_support(&analyzed.term_lists, &group_documents);
            // Documents with nothing in common (no story to be off): all stay.
            if candidates
                .iter()
                .any(|&g| support[g] >= self.config.min_support)
            {
                candidates.retain(|&g| support[g] >= self.config.min_support);
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
        let hold_dangling = self.config.select.standalone_weight < 1.0;
        let held_back = |g: usize| {
            (self.config.lead_sentences > 0 && positions[g] as usize >= self.config.lead_sentences)
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

    /// Centrality: PageRank over the similarity graph, teleporting to each
    /// group in proportion to how many documents contain it and, with a
    /// position bias, to how early it comes.
    pub fn rank(&self, prepared: &Prepared<'_>) -> Ranked {
        self.rank_timed(prepared, &mut Timings::default())
    }

    fn rank_timed(&self, prepared: &Prepared<'_>, timings: &mut Timings) -> Ranked {
        let started = std::time::Instant::now();
        let graph = graph::build(&prepared.vectors.rows, prepared.n_terms, &self.config.graph);
        timings.graph = started.elapsed();
        let started = std::time::Instant::now();
        let (position_bias, pagerank) = self.config.lead_prior(prepared.language());
        let teleport: Vec<f64> = prepared
            .group_documents
            .iter()
            .zip(&prepared.positions)
            .map(|(docs, &position)| {
                docs.len() as f64 / (1.0 + position as f64).powf(position_bias)
            })
            .collect();
        let ranking = graph::pagerank(&graph, &teleport, &pagerank);
        timings.pagerank = started.elapsed();
        Ranked::from_pagerank(&graph, ranking)
    }

    /// Selection under `select` by the given scores (one per group), and the
    /// summary in reading order with every citation.
    pub fn choose(
        &self,
        prepared: &Prepared<'_>,
        ranked: &Ranked,
        select: &SelectConfig,
    ) -> Summary {
        self.choose_from(
            prepared,
            ranked,
            select,
            &prepared.selectable,
            &prepared.later,
        )
    }

    /// [`Summarizer::choose`] with the sentences held back
    /// ([`Prepared::later`]) competing from the start, as baselines choose.
    pub fn choose_in_one_tier(
        &self,
        prepared: &Prepared<'_>,
        ranked: &Ranked,
        select: &SelectConfig,
    ) -> Summary {
        let mut all: Vec<usize> = prepared
            .selectable
            .iter()
            .chain(&prepared.later)
            .copied()
            .collect();
        all.sort_unstable();
        self.choose_from(prepared, ranked, select, &all, &[])
    }

    /// Selection from `first`, then from `later` with the reserve once
    /// `first` is used up.
    fn choose_from(
        &self,
        prepared: &Prepared<'_>,
        ranked: &Ranked,
        select: &SelectConfig,
        first: &[usize],
        later: &[usize],
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
                    text: prepared.texts[g],
                    vector: &prepared.vectors.rows[g],
                    terms: &prepared.terms[g],
                })
                .collect()
        };
        let context = select::Context {
            terms: &prepared.terms,
            documents: &prepared.group_documents,
        };
        let mut selection = select::select(&candidates(first), &context, select);
        let mut chosen_groups: Vec<usize> = selection.chosen.iter().map(|&c| first[c]).collect();
        // Every prose sentence of a readable length used, and room left: the
        // sentences held back, unfinished and over-long ones, best first.
        let mut reserve_used = false;
        if let (Some(rest), false) = (selection.usage.remaining(&select.budget), selection.crowded)
        {
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
            .zip(&prepared.dates)
            .map(|(((doc, title), &language), dates)| SourceDocument {
                id: doc.id.clone(),
                path: doc.path.clone(),
                title: title.clone(),
                format: doc.format,
                language,
                verbatim: doc.spans_are_verbatim(),
                first_date: dates.first().copied(),
                site: doc.site.clone(),
            })
            .collect();
        let segmented = &prepared.segmented;
        Summary {
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
            notes: document_notes(documents, segmented, prepared.fallback),
        }
    }
}

/// A cluster after the text and vector stages: what ranking and selection
/// work on. Groups (sentences merged across documents) are the unit.
#[derive(Debug)]
pub struct Prepared<'d> {
    /// The input documents.
    pub documents: &'d [Document],
    /// Sentences, titles and cleaning counts.
    pub segmented: text::Segmented,
    /// Sentence groups: repeats across documents merged.
    pub groups: Vec<SentenceGroup>,
    /// Each group's text (its representative sentence).
    pub texts: Vec<&'d str>,
    /// Each group's content terms in text order (repeats kept).
    pub terms: Vec<Vec<u32>>,
    /// Each group's earliest reading position in any document.
    pub positions: Vec<u32>,
    /// The documents each group occurs in.
    pub group_documents: Vec<Vec<u32>>,
    /// Groups that may be chosen.
    pub selectable: Vec<usize>,
    /// Groups that may be chosen once the selectable ones are used up:
    /// those past [`Config::lead_sentences`] in their document, and those
    /// that do not stand alone.
    pub later: Vec<usize>,
    /// Groups chosen only once the selectable ones are exhausted: unfinished
    /// sentences (a truncated page) when the cluster has prose.
    pub reserve: Vec<usize>,
    /// Whether each group's sentence stands alone
    /// ([`crate::text::standalone::stands_alone`]).
    pub stands_alone: Vec<bool>,
    /// Each group's TF-IDF vector.
    pub vectors: vectors::TermVectors,
    /// Vocabulary size.
    pub n_terms: usize,
    /// The terms, indexed by id.
    pub vocabulary: Vec<String>,
    /// Whether headings and fragments are candidates for want of prose.
    pub fallback: bool,
    /// Documents set aside as off the cluster's event: none of their
    /// sentences is selectable (unless an on-event document holds it too).
    pub set_aside: Vec<SetAside>,
    /// Each document's explicit dates, in text order.
    pub dates: Vec<Vec<crate::text::dates::ExplicitDate>>,
}

impl Prepared<'_> {
    /// The cluster's language: the one most of its documents are in (the
    /// first such, on a tie).
    pub fn language(&self) -> Language {
        Language::most_common(&self.segmented.languages)
    }
}

/// The lead prior when none is configured, by the cluster's language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LeadPrior {
    /// The position bias (see [`Config::position_bias`]).
    pub position_bias: f64,
    /// The PageRank damping to use with it; `None` keeps the configured one.
    pub damping: Option<f64>,
}

impl LeadPrior {
    /// English keeps none: on multinews-val, whose articles are cut at about
    /// 230 words, the opening is no more like the references than the rest.
    /// Other languages get a bias of 1 with damping 0.5, so that the prior
    /// weighs about as much as the graph: news puts what matters first, and on
    /// full-length Vietnamese news (vi-mds-dev) this is the middle of a flat
    /// optimum (bias 0.5-1.5, damping 0.15-0.5) that takes precis past the
    /// articles' openings (see the README's "Languages").
    pub fn for_language(language: Language) -> LeadPrior {
        if language == Language::ENGLISH {
            LeadPrior {
                position_bias: 0.0,
                damping: None,
            }
        } else {
            LeadPrior {
                position_bias: 1.0,
                damping: Some(0.5),
            }
        }
    }
}

/// Scores of every group, and how they were computed.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    /// One score per group (higher is more central).
    pub scores: Vec<f64>,
    /// PageRank iterations (0 when not ranked by PageRank).
    pub iterations: usize,
    /// Whether PageRank converged.
    pub converged: bool,
    /// Edges of the similarity graph.
    pub edges: usize,
    /// Whether the graph was dense.
    pub dense: bool,
    /// The graph's form.
    pub graph: GraphKind,
}

impl Ranked {
    /// PageRank scores over `graph`, with how they were reached.
    pub fn from_pagerank(graph: &graph::SimilarityGraph, ranking: graph::Ranking) -> Self {
        Ranked {
            scores: ranking.scores,
            iterations: ranking.iterations,
            converged: ranking.converged,
            edges: graph.edge_count(),
            dense: graph.is_dense(),
            graph: graph.kind(),
        }
    }

    /// Scores that did not come from a graph (baselines).
    pub fn from_scores(scores: Vec<f64>) -> Self {
        Ranked {
            scores,
            iterations: 0,
            converged: true,
            edges: 0,
            dense: true,
            graph: GraphKind::Dense,
        }
    }
}

/// Frees a cluster's working data on every thread: a million sentences are
/// millions of small allocations, which one thread would free one by one
/// after the summary is made.
fn release(prepared: Prepared<'_>) {
    fn free<T: Send>(items: Vec<T>) {
        items
            .into_par_iter()
            .with_min_len(crate::parallel::ITEMS)
            .for_each(drop);
    }
    let Prepared {
        groups,
        terms,
        group_documents,
        vectors,
        vocabulary,
        dates,
        ..
    } = prepared;
    rayon::scope(|s| {
        s.spawn(move |_| free(groups));
        s.spawn(move |_| free(terms));
        s.spawn(move |_| free(group_documents));
        s.spawn(move |_| free(vectors.rows));
        s.spawn(move |_| free(vocabulary));
        s.spawn(move |_| free(dates));
    });
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
    /// TF-IDF weighting (and the other per-group facts).
    pub tfidf: std::time::Duration,
    /// Judging which documents to set aside (their profiles and dates).
    pub set_aside: std::time::Duration,
    /// Building the similarity graph.
    pub graph: std::time::Duration,
    /// PageRank, with the teleport vector.
    pub pagerank: std::time::Duration,
    /// MMR selection, putting the summary together and freeing the working
    /// data.
    pub select: std::time::Duration,
}

impl Timings {
    /// Every stage with its name, in pipeline order.
    pub fn stages(&self) -> [(&'static str, std::time::Duration); 8] {
        [
            ("segment", self.segment),
            ("group", self.group),
            ("analyze", self.analyze),
            ("tfidf", self.tfidf),
            ("set-aside", self.set_aside),
            ("graph", self.graph),
            ("pagerank", self.pagerank),
            ("select", self.select),
        ]
    }

    /// The sum of all stages.
    pub fn total(&self) -> std::time::Duration {
        self.stages().iter().map(|s| s.1).sum()
    }
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

    fn docs() -> Vec<Document> {
        vec![
            Document::from_text(
                "a",
                "The council approved the new budget on Monday evening. \
                 Members debated the road repairs for several hours. \
                 The mayor said the vote was a turning point for the",
            ),
            Document::from_text(
                "b",
                "The new budget was approved by the council on Monday. \
                 Road repairs took most of the long debate among members.",
            ),
        ]
    }

    #[test]
    fn coverage_settings_that_are_not_numbers_are_refused() {
        let mut config = Config::default();
        config.select.coverage.centrality = f64::NAN;
        assert!(
            matches!(Summarizer::new(config), Err(Error::Config(m)) if m.contains("centrality"))
        );
        let mut config = Config::default();
        config.select.coverage.length_exponent = f64::INFINITY;
        assert!(Summarizer::new(config).is_err());
        let mut config = Config::default();
        config.select.pool = 0;
        assert!(Summarizer::new(config).is_err());
        assert!(Summarizer::new(Config::default()).is_ok());
    }

    #[test]
    fn unfinished_sentences_only_once_prose_runs_out() {
        let docs = docs();
        let short = Summarizer::default()
            .with_budget(Budget::Words(12))
            .unwrap();
        let summary = short.summarize(&docs).unwrap();
        assert!(summary.sentences.iter().all(|s| s.text.ends_with('.')));
        assert!(!summary.stats.incomplete_sentences_used);
        let long = Summarizer::default()
            .with_budget(Budget::Words(200))
            .unwrap();
        let summary = long.summarize(&docs).unwrap();
        assert!(summary
            .sentences
            .iter()
            .any(|s| s.text.ends_with("turning point for the")));
        assert!(summary.stats.incomplete_sentences_used);
        assert!(summary.usage.words <= 200);
    }

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

    #[test]
    fn a_sentence_no_other_document_touches_is_not_chosen() {
        let docs = vec![
            Document::from_text("a", "The council approved the new city budget on Monday evening."),
            Document::from_text("b", "On Monday the council approved the city budget after a debate."),
            Document::from_text("c", "The city budget passed the council on Monday by seven votes. A bakery downtown sold fresh pastries to tourists all week."),
        ];
        let texts = |config: Config| chosen_texts(config, &docs, 200);
        assert!(!texts(Config {
            min_support: 0.2,
            ..Config::default()
        })
        .iter()
        .any(|t| t.starts_with("A bakery")));
        let all = texts(Config {
            min_support: 0.0,
            ..Config::default()
        });
        assert!(all.iter().any(|t| t.starts_with("A bakery")), "{all:?}");
    }

    #[test]
    fn documents_with_nothing_in_common_still_give_a_summary() {
        let docs = vec![
            Document::from_text(
                "a",
                "The council approved the new city budget on Monday evening.",
            ),
            Document::from_text(
                "b",
                "A bakery downtown sold fresh pastries to tourists all week.",
            ),
            Document::from_text(
                "c",
                "Heavy snowfall closed three mountain passes near the border.",
            ),
        ];
        let summary = Summarizer::default().summarize(&docs).unwrap();
        assert_eq!(summary.sentences.len(), 3);
    }

    /// The texts of the sentences chosen from `docs` under `config`, within
    /// `words` words.
    fn chosen_texts(config: Config, docs: &[Document], words: usize) -> Vec<String> {
        let summarizer = Summarizer::new(config)
            .unwrap()
            .with_budget(Budget::Words(words))
            .unwrap();
        let summary = summarizer.summarize(docs).unwrap();
        summary.sentences.into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn later_sentences_wait_until_the_lead_is_used() {
        let text = "The storm reached the coast on Friday with strong winds. \
                    Thousands of homes lost power across the region overnight. \
                    Forecasters expect the storm to weaken by the weekend. \
                    The mayor urged residents to stay indoors until Sunday. \
                    In other news, the local team won its opening match easily.";
        let docs = vec![Document::from_text("a", text)];
        let first = |lead_sentences: usize, words: usize| {
            let config = Config {
                lead_sentences,
                ..Config::default()
            };
            chosen_texts(config, &docs, words)
        };
        // Room for two sentences: only the first two positions compete.
        let lead = first(2, 20);
        assert_eq!(lead.len(), 2);
        assert!(
            lead[0].starts_with("The storm reached") && lead[1].starts_with("Thousands"),
            "{lead:?}"
        );
        // Room for everything: the held-back sentences come in too.
        assert_eq!(first(2, 200).len(), 5);
    }

    #[test]
    fn sentences_that_lean_back_wait_with_the_later_ones() {
        // The second sentence opens with "But": with no preference it is
        // chosen among two, with one it waits while the others fit.
        let text = "The storm reached the coast on Friday with strong winds. \
                    But the storm also flooded homes and roads across the coast. \
                    Thousands of homes lost power across the region overnight.";
        let docs = vec![Document::from_text("a", text)];
        let chosen = |standalone_weight: f64, words: usize| {
            let mut config = Config::default();
            config.select.standalone_weight = standalone_weight;
            chosen_texts(config, &docs, words)
        };
        let two = chosen(crate::select::STANDALONE_WEIGHT, 22);
        assert_eq!(two.len(), 2);
        assert!(two.iter().all(|t| !t.starts_with("But")), "{two:?}");
        let competing = chosen(1.0, 22);
        assert!(
            competing.iter().any(|t| t.starts_with("But")),
            "{competing:?}"
        );
        // With room for all, it comes in; with no preference, it competes.
        assert_eq!(chosen(crate::select::STANDALONE_WEIGHT, 200).len(), 3);
        let prepared = Summarizer::new(Config {
            select: SelectConfig {
                standalone_weight: 1.0,
                ..SelectConfig::default()
            },
            ..Config::default()
        })
        .unwrap()
        .prepare(&docs)
        .unwrap();
        assert!(prepared.later.is_empty());
        let prepared = Summarizer::default().prepare(&docs).unwrap();
        assert_eq!(prepared.later.len(), 1);
    }

    #[test]
    fn datelines_and_widget_labels_are_not_quoted() {
        let docs = vec![Document::from_text(
            "a",
            "WASHINGTON (AP) — The Senate passed the spending bill late on Tuesday night.\n\
             Advertisement The House is expected to take up the spending bill next week.",
        )];
        let summary = Summarizer::default()
            .with_budget(Budget::Words(50))
            .unwrap()
            .summarize(&docs)
            .unwrap();
        let texts: Vec<&str> = summary.sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "The Senate passed the spending bill late on Tuesday night.",
                "The House is expected to take up the spending bill next week."
            ]
        );
    }
}
