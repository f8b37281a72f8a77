//! The settings chosen once for many calls: one definition, read and
//! written by serde as the `parameters` of `precis.summary/1`.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::graph::{GraphConfig, PageRankConfig};
use crate::language::Language;
use crate::select::{Budget, Objective, SelectConfig};
use crate::summarizer::set_aside::SetAsideConfig;
use crate::vectors::WeightConfig;

/// Every setting of the pipeline, with defaults that suit news clusters.
///
/// Its JSON form is the `parameters` object of `precis.summary/1`: what a
/// summary records it was made with, and what a batch caller or a Python
/// caller passes. Fields left out of the JSON take their defaults, so
/// `{"select": {"lambda": 0.5}}` is a whole configuration.
///
/// ```
/// let config: precis::Config = serde_json::from_str(r#"{"select": {"lambda": 0.5}}"#)?;
/// assert_eq!(config.select.lambda, 0.5);
/// assert_eq!(config.lead_sentences, precis::Config::default().lead_sentences);
/// let back: precis::Config = serde_json::from_str(&serde_json::to_string(&config)?)?;
/// assert_eq!(back, config);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Config {
    /// TF-IDF weighting.
    pub weights: WeightConfig,
    /// Similarity graph construction.
    pub graph: GraphConfig,
    /// PageRank settings.
    pub pagerank: PageRankConfig,
    /// Selection: the default budget (a [`Request`](crate::Request) may name
    /// its own), MMR trade-off, redundancy and length limits.
    pub select: SelectConfig,
    /// Strength of the preference for early sentences: a sentence at
    /// reading position `p` (0-based) of its document gets teleport weight
    /// `1 / (1 + p)^position_bias`. 0 disables it; `None` is the cluster's
    /// language's [`LeadPrior`], which also sets the PageRank damping. A
    /// summary records the one used.
    pub position_bias: Option<f64>,
    /// Sentences at or past this reading position of their document are
    /// held back until the earlier ones are used up (0: none held back), as
    /// are sentences that do not stand alone while
    /// [`SelectConfig::standalone_weight`] is below 1.
    /// News puts its substance first; the tail of a page is more often
    /// asides, background and page furniture.
    pub lead_sentences: usize,
    /// With [`lead_sentences`](Self::lead_sentences) above 0, a long
    /// document's first tier reaches further: it holds its first
    /// `max(lead_sentences, ceil(lead_fraction × n))` sentences, `n` its prose
    /// sentences (0: `lead_sentences` for every document). Chosen on long
    /// English newswire (duc2006, duc2007-update-dev read generically), where
    /// a fixed five-sentence lead left out too much of 30-sentence articles;
    /// Multi-News's short documents keep a tier of 5.
    pub lead_fraction: f64,
    /// In a cluster of three or more documents, a sentence found in one
    /// document only is never chosen unless at least this share of its
    /// distinct content words occurs in another document (0 disables):
    /// what no other source touches is off the story (another article,
    /// site furniture). With two documents, neither can outvote the other.
    /// Off by default: one article beside many one-line files saying one
    /// thing would lose every sentence of the article.
    pub min_support: f64,
    /// The language of documents that do not give their own
    /// ([`Document::language`](crate::Document::language)); `None` detects
    /// each one's.
    pub language: Option<Language>,
    /// Which documents are set aside as off the cluster's event (written
    /// only when not the default, which `precis.summary/1` readers before it
    /// assume).
    #[serde(skip_serializing_if = "SetAsideConfig::is_default")]
    pub set_aside: SetAsideConfig,
    /// How a question ([`Request::query`](crate::Request::query)) focuses
    /// the ranking (written only when not the default).
    #[serde(skip_serializing_if = "QueryConfig::is_default")]
    pub query: QueryConfig,
    /// How what the reader has read ([`Request::since`](crate::Request::since))
    /// is kept out (written only when not the default).
    #[serde(skip_serializing_if = "SinceConfig::is_default")]
    pub since: SinceConfig,
}

/// How a question focuses the ranking: topic-sensitive LexRank (Otterbacher
/// et al. 2005) over relevance to the question, expanded from the cluster;
/// and how the summary is chosen then.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct QueryConfig {
    /// The share of PageRank's random walk that jumps to sentences by their
    /// relevance to the question rather than following similarity (0-1): the
    /// question bias `d` of topic-sensitive LexRank.
    pub bias: f64,
    /// Sentences most relevant to the question whose words expand it
    /// (pseudo-relevance feedback; 0: no expansion).
    pub feedback: usize,
    /// Weight of those sentences' centroid beside the question's own words.
    pub expansion: f64,
    /// What the selection optimises when there is a question and
    /// [`SelectConfig::objective`] is left unset. Concept coverage: a question's references
    /// report what many documents say about it, which MMR over the
    /// question-biased scores alone misses (it picks the sentences closest
    /// to the question, often alike); on duc2006 at 250 words R-2 9.47
    /// against 8.76 with MMR (`docs/quality-log.md`, issue 23).
    pub objective: Objective,
    /// The factor on the score of a sentence that holds a quotation (direct
    /// speech: a view, seldom the fact a question asks for), 1 ignoring
    /// it. On duc2006 and duc2007-update-dev such sentences hold 0.81 and
    /// 0.59 times the reference bigrams per word of the average candidate;
    /// at 0.5 duc2006's R-2 gains 0.20 (0.3: 0.12, 0.7: 0.02), duc2007's
    /// 0.15 (`docs/quality-log.md`, issue 23).
    pub quotation_weight: f64,
    /// How much the question decides what a concept is worth (coverage
    /// objective): each sentence's mention of a concept counts
    /// `(r / r_max)^concept_relevance`, `r` its relevance to the question
    /// and `r_max` the best in the cluster, and a concept weighs its best
    /// mention in each document, summed over documents. 0: every mention
    /// counts 1, as without a question.
    pub concept_relevance: f64,
    /// With a question, coverage weighs a concept documents^this in place of
    /// [`CoverageConfig::document_exponent`](crate::select::CoverageConfig):
    /// its mentions are already weighed by relevance, and squaring how many
    /// documents repeat it favours the cluster's background over the
    /// answer. duc2006 at 250 words R-2 9.32 with 2 against 9.64 with 1;
    /// duc2007-update-dev at 100 words 9.77 against 10.33.
    pub document_exponent: f64,
    /// With a question, [`Config::lead_fraction`]'s replacement: answers sit
    /// anywhere in an article, not in its first half, so only the first
    /// [`Config::lead_sentences`] compete first. With document exponent 1,
    /// duc2006 R-2 9.64 with 0.5 against 9.76 with 0; duc2007-update-dev
    /// 10.33 against 10.53.
    pub lead_fraction: f64,
}

impl Default for QueryConfig {
    fn default() -> Self {
        QueryConfig {
            bias: 0.9,
            feedback: 10,
            expansion: 0.5,
            objective: Objective::Coverage,
            quotation_weight: 0.5,
            concept_relevance: 0.5,
            document_exponent: 1.0,
            lead_fraction: 0.0,
        }
    }
}

impl QueryConfig {
    fn is_default(&self) -> bool {
        *self == QueryConfig::default()
    }
}

/// How what the reader has already read is kept out of a briefing.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct SinceConfig {
    /// A sentence's score is multiplied by `(1 - s)^novelty`, where `s` is
    /// its greatest similarity to a sentence already read (0: no penalty).
    /// Near-duplicates of what was read are never chosen, whatever this is.
    pub novelty: f64,
}

impl Default for SinceConfig {
    fn default() -> Self {
        SinceConfig { novelty: 1.0 }
    }
}

impl SinceConfig {
    fn is_default(&self) -> bool {
        *self == SinceConfig::default()
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            weights: WeightConfig::default(),
            graph: GraphConfig::default(),
            pagerank: PageRankConfig::default(),
            select: SelectConfig::default(),
            position_bias: None,
            lead_sentences: 5,
            lead_fraction: 0.5,
            min_support: 0.0,
            language: None,
            set_aside: SetAsideConfig::default(),
            query: QueryConfig::default(),
            since: SinceConfig::default(),
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

    /// These settings as they apply to a request with a question (`true`) or
    /// without: with one, selection optimises [`QueryConfig::objective`]
    /// unless [`SelectConfig::objective`] is set,
    /// concepts weigh documents^[`QueryConfig::document_exponent`] and the
    /// first tier reaches [`QueryConfig::lead_fraction`] of a document.
    pub(crate) fn for_question(&self, question: bool) -> std::borrow::Cow<'_, Config> {
        let query = &self.query;
        // An objective the caller chose stands.
        let objective = self.select.objective.or(Some(query.objective));
        let unchanged = self.select.objective == objective
            && self.select.coverage.document_exponent == query.document_exponent
            && self.lead_fraction == query.lead_fraction;
        if !question || unchanged {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut config = self.clone();
        config.select.objective = objective;
        config.select.coverage.document_exponent = query.document_exponent;
        config.lead_fraction = query.lead_fraction;
        std::borrow::Cow::Owned(config)
    }

    /// These settings with the selection objective decided for a cluster in
    /// `language` where none is configured ([`LeadPrior::objective`]).
    pub(crate) fn for_language(&self, language: Language) -> std::borrow::Cow<'_, Config> {
        if self.select.objective.is_some() {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut config = self.clone();
        config.select.objective = Some(LeadPrior::for_language(language).objective);
        std::borrow::Cow::Owned(config)
    }

    /// These settings as used on one cluster: with its budget, and the lead
    /// prior of its language written out. What a summary records.
    pub(crate) fn as_used(&self, budget: Budget, language: Language) -> Config {
        let (position_bias, pagerank) = self.lead_prior(language);
        let mut used = self.for_language(language).into_owned();
        used.select.budget = budget;
        used.position_bias = Some(position_bias);
        used.pagerank = pagerank;
        used
    }

    /// Checks that every setting is in range: the one check every way of
    /// summarizing goes through ([`Summarizer::new`](crate::Summarizer::new)).
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
            (0.0..=1.0).contains(&self.lead_fraction),
            "the lead fraction must be between 0 and 1",
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
        check(
            (0.0..=1.0).contains(&self.query.bias),
            "the question bias must be between 0 and 1",
        )?;
        check(
            (0.0..=1.0).contains(&self.query.lead_fraction),
            "the question's lead fraction must be between 0 and 1",
        )?;
        check(
            (0.0..=1.0).contains(&self.query.quotation_weight),
            "the quotation weight must be between 0 and 1",
        )?;
        let coverage = &self.select.coverage;
        for (value, what) in [
            (coverage.document_exponent, "the document exponent"),
            (coverage.unigram_weight, "the unigram weight"),
            (coverage.centrality, "the centrality weight"),
            (coverage.length_exponent, "the length exponent"),
            (self.query.expansion, "the question expansion weight"),
            (
                self.query.concept_relevance,
                "the concept relevance exponent",
            ),
            (
                self.query.document_exponent,
                "the question's document exponent",
            ),
            (self.since.novelty, "the novelty exponent"),
        ] {
            // NaN would compare false everywhere and choose at random.
            if !(value.is_finite() && value >= 0.0) {
                return Err(Error::Config(format!("{what} must be 0 or more")));
            }
        }
        Ok(())
    }
}

/// The lead prior when none is configured, by the cluster's language.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct LeadPrior {
    /// The position bias (see [`Config::position_bias`]).
    pub position_bias: f64,
    /// The PageRank damping to use with it; `None` keeps the configured one.
    pub damping: Option<f64>,
    /// The selection objective where none is configured
    /// ([`SelectConfig::objective`]). English chooses by concept coverage
    /// (DUC 2004, duc2006, duc2007-update-dev, multinews-val and opinosis all
    /// gain: `docs/quality-log.md`, issue 24); other languages by MMR, which
    /// their position prior was tuned with: on vi-mds-dev (200 words) coverage
    /// loses 3.0 R-2 to it (46.61 against 49.64), even with centrality 2 (48.50).
    pub objective: Objective,
}

impl LeadPrior {
    /// English keeps none: on multinews-val, whose articles are cut at about
    /// 230 words, the opening is no more like the references than the rest.
    /// Other languages get a bias of 1 with damping 0.5, so that the prior
    /// weighs about as much as the graph: news puts what matters first, and on
    /// full-length Vietnamese news (vi-mds-dev) this is the middle of a flat
    /// optimum (bias 0.5-1.5, damping 0.15-0.5) that takes precis past the
    /// articles' openings (see `docs/benchmarks.md`, Languages).
    pub fn for_language(language: Language) -> LeadPrior {
        if language == Language::ENGLISH {
            LeadPrior {
                position_bias: 0.0,
                damping: None,
                objective: Objective::Coverage,
            }
        } else {
            LeadPrior {
                position_bias: 1.0,
                damping: Some(0.5),
                objective: Objective::Mmr,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::LargeGraph;
    use crate::select::Objective;
    use crate::vectors::IdfSource;

    /// Settings unlike the defaults in every field, so no field can be lost
    /// or swapped with another unnoticed.
    pub(crate) fn unusual() -> Config {
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
        config.select.budget = Budget::Sentences(3);
        config.select.objective = Some(Objective::Coverage);
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
        config.lead_fraction = 0.625;
        config.min_support = 0.375;
        config.set_aside.enabled = false;
        config.set_aside.similarity_ratio = 0.5;
        config.set_aside.shared_ratio = 0.25;
        config.set_aside.min_terms = 3;
        config
    }

    #[test]
    fn settings_round_trip_through_json() {
        for config in [Config::default(), unusual()] {
            let json = serde_json::to_string(&config).unwrap();
            let back: Config = serde_json::from_str(&json).unwrap();
            assert_eq!(back, config, "{json}");
        }
    }

    /// The names `precis.summary/1` has written since version 1: renaming a
    /// field of `Config` must not change them.
    #[test]
    fn the_wire_names_are_fixed() {
        let json = serde_json::to_value(unusual()).unwrap();
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
            "lead_fraction": 0.625,
            "min_support": 0.375,
            "language": "fr",
            "set_aside": {"enabled": false, "similarity_ratio": 0.5, "shared_ratio": 0.25,
                          "min_terms": 3}
        });
        assert_eq!(json, expected);
        // The default set-aside settings are not written: output made before
        // they were recorded reads the same.
        let default = serde_json::to_value(Config::default()).unwrap();
        assert!(default.get("set_aside").is_none());
        assert!(default["position_bias"].is_null());
    }

    /// Parameters written before a field was added within version 1 (here
    /// `standalone_weight`, `lead_sentences`, `lead_fraction`, `min_support`) read as the
    /// defaults, and a partial object is a whole configuration.
    #[test]
    fn missing_fields_read_as_the_defaults() {
        let mut json = serde_json::to_value(Config::default()).unwrap();
        json["select"]
            .as_object_mut()
            .unwrap()
            .remove("standalone_weight");
        json.as_object_mut().unwrap().remove("lead_sentences");
        json.as_object_mut().unwrap().remove("lead_fraction");
        json.as_object_mut().unwrap().remove("min_support");
        let back: Config = serde_json::from_value(json).unwrap();
        assert_eq!(back, Config::default());
        let partial: Config =
            serde_json::from_str(r#"{"select": {"budget": {"words": 250}}}"#).unwrap();
        assert_eq!(partial.select.budget, Budget::Words(250));
        assert_eq!(partial.select.lambda, SelectConfig::default().lambda);
    }

    #[test]
    fn a_question_chooses_by_its_own_objective() {
        let config = Config::default();
        // Generic summaries leave the objective to the language...
        assert_eq!(config.for_question(false).select.objective, None);
        let english = config.for_language(Language::ENGLISH);
        assert_eq!(english.select.objective, Some(Objective::Coverage));
        let vietnamese = config.for_language(Language::from_code("vi").unwrap());
        assert_eq!(vietnamese.select.objective, Some(Objective::Mmr));
        // ...one the caller sets stands...
        let mut mmr = Config::default();
        mmr.select.objective = Some(Objective::Mmr);
        assert_eq!(*mmr.for_language(Language::ENGLISH), mmr);
        // ...and those with a question choose by the question's, in every language.
        let asked = config.for_question(true);
        assert_eq!(asked.select.objective, Some(Objective::Coverage));
        assert_eq!(
            asked
                .for_language(Language::from_code("vi").unwrap())
                .select
                .objective,
            Some(Objective::Coverage)
        );
        let mut mmr = Config::default();
        mmr.query.objective = Objective::Mmr;
        assert_eq!(
            mmr.for_question(true).select.objective,
            Some(Objective::Mmr)
        );
        // An objective the caller chose stands with a question too.
        let mut chosen = Config::default();
        chosen.select.objective = Some(Objective::Mmr);
        assert_eq!(
            chosen.for_question(true).select.objective,
            Some(Objective::Mmr)
        );
        // Written only when not the default, by name.
        assert!(serde_json::to_value(&config)
            .unwrap()
            .get("query")
            .is_none());
        let json = serde_json::to_value(&mmr).unwrap();
        assert_eq!(json["query"]["objective"], "mmr");
    }

    #[test]
    fn a_bad_value_names_the_field() {
        let err = serde_json::from_str::<Config>(r#"{"select": {"objective": "best"}}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("best"), "{err}");
        let err = serde_json::from_str::<Config>(r#"{"language": "xx"}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("xx"), "{err}");
    }

    #[test]
    fn coverage_settings_that_are_not_numbers_are_refused() {
        let mut config = Config::default();
        config.select.coverage.centrality = f64::NAN;
        assert!(matches!(config.validate(), Err(Error::Config(m)) if m.contains("centrality")));
        let mut config = Config::default();
        config.select.coverage.length_exponent = f64::INFINITY;
        assert!(config.validate().is_err());
        let mut config = Config::default();
        config.select.pool = 0;
        assert!(config.validate().is_err());
        assert!(Config::default().validate().is_ok());
    }
}
