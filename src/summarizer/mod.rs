//! The pipeline: a [`Request`] in, a cited [`Summary`] out.
//!
//! One call runs four steps, each in a file of its own:
//!
//! 1. [`prepare`](Summarizer::prepare) (`prepare.rs`): sentences, repeats
//!    merged into groups, TF-IDF vectors, documents set aside as off the
//!    cluster's event ([`set_aside`]), and which groups may be chosen when;
//! 2. rank (`rank.rs`): a [`Ranker`] gives a teleport prior and every group's
//!    score, [`rankers::Precis`] by default;
//! 3. choose and assemble (`assemble.rs`): concept coverage (or MMR) under the
//!    budget, in reading order, with every citation;
//! 4. the settings as used are recorded in the [`Summary`].
//!
//! Settings chosen once are a [`Config`] (serde: the `parameters` of
//! `precis.summary/1`); what varies per call is the [`Request`].

mod assemble;
mod config;
mod eligibility;
mod prepare;
mod query;
mod rank;
pub mod rankers;
mod request;
pub mod set_aside;
mod since;
pub mod tuning;

use std::sync::Arc;

use rayon::prelude::*;

use crate::error::Result;
use crate::summary::Summary;

pub use config::{Config, LeadPrior, QueryConfig, SinceConfig};
pub use prepare::Prepared;
pub use rank::{Choice, Ranked, Ranker};
pub use request::Request;

/// Summarizes clusters of documents: settings chosen once, and a ranker.
///
/// ```
/// use precis::{Budget, Document, Request, Summarizer};
/// let request = Request::new(vec![
///     Document::from_text("a", "Leaders of the G20 met in Antalya on Sunday. The talks focused on Syria and refugees. Security was tight around the resort."),
///     Document::from_text("b", "The G20 leaders met in Antalya to discuss Syria. Refugees were also on the agenda of the talks. Markets barely moved."),
/// ])
/// .with_budget(Budget::Sentences(2));
/// let summary = Summarizer::default().summarize(&request)?;
/// assert_eq!(summary.sentences.len(), 2);
/// for sentence in &summary.sentences {
///     let cite = &sentence.citations[0];
///     assert_eq!(&request.documents[cite.document].text[cite.text_span.clone()], sentence.text);
/// }
/// # Ok::<(), precis::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Summarizer {
    config: Config,
    ranker: Arc<dyn Ranker>,
}

impl Default for Summarizer {
    fn default() -> Self {
        Summarizer {
            config: Config::default(),
            ranker: Arc::new(rankers::Precis),
        }
    }
}

impl Summarizer {
    /// A summarizer with the given settings, checked
    /// ([`Config::validate`]).
    pub fn new(config: Config) -> Result<Self> {
        config.validate()?;
        Ok(Summarizer {
            config,
            ..Summarizer::default()
        })
    }

    /// The same summarizer ranking with `ranker` instead of precis's own.
    pub fn with_ranker(self, ranker: impl Ranker + 'static) -> Self {
        Summarizer {
            ranker: Arc::new(ranker),
            ..self
        }
    }

    /// The settings in use.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The ranker in use.
    pub fn ranker(&self) -> &dyn Ranker {
        self.ranker.as_ref()
    }

    /// Summarizes one request: the one way to summarize. Fails when the
    /// request is not usable (a budget of 0) or its documents hold no
    /// sentence that could be used.
    pub fn summarize(&self, request: &Request) -> Result<Summary> {
        let mut timings = Timings::default();
        let prepared = prepare::prepare(&self.config, request, &mut timings)?;
        let mut summary = self.rank_and_choose(&prepared, self.ranker.as_ref(), &mut timings);
        let started = std::time::Instant::now();
        release(prepared);
        timings.select += started.elapsed();
        summary.timings = timings;
        Ok(summary)
    }

    /// The first stages alone, for running several rankers on one cluster
    /// (as `precis eval` does) with [`finish`](Self::finish).
    pub fn prepare<'r>(&self, request: &'r Request) -> Result<Prepared<'r>> {
        prepare::prepare(&self.config, request, &mut Timings::default())
    }

    /// Ranks a prepared cluster with `ranker` and chooses its summary.
    pub fn finish(&self, prepared: &Prepared<'_>, ranker: &dyn Ranker) -> Summary {
        self.rank_and_choose(prepared, ranker, &mut Timings::default())
    }

    fn rank_and_choose(
        &self,
        prepared: &Prepared<'_>,
        ranker: &dyn Ranker,
        timings: &mut Timings,
    ) -> Summary {
        let config = self.config.for_question(prepared.query.is_some());
        let config = config.for_language(prepared.language());
        let started = std::time::Instant::now();
        let prior = ranker.prior(prepared, &config);
        let ranked = ranker.scores(prepared, &config, &prior);
        timings.rank = started.elapsed();
        let started = std::time::Instant::now();
        let settings = config.as_used(prepared.budget, prepared.language());
        let summary = assemble::choose(prepared, &ranked, &ranker.choice(&config), settings);
        timings.select = started.elapsed();
        summary
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

/// Wall time spent in each stage of one [`Summarizer::summarize`] call.
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
    /// Ranking: the prior and the scores (for precis, the similarity graph
    /// and PageRank).
    pub rank: std::time::Duration,
    /// MMR selection, putting the summary together and freeing the working
    /// data.
    pub select: std::time::Duration,
}

impl Timings {
    /// Every stage with its name, in pipeline order.
    pub fn stages(&self) -> [(&'static str, std::time::Duration); 7] {
        [
            ("segment", self.segment),
            ("group", self.group),
            ("analyze", self.analyze),
            ("tfidf", self.tfidf),
            ("set-aside", self.set_aside),
            ("rank", self.rank),
            ("select", self.select),
        ]
    }

    /// The sum of all stages.
    pub fn total(&self) -> std::time::Duration {
        self.stages().iter().map(|s| s.1).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::select::{Budget, SelectConfig};
    use crate::Document;

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
    fn unfinished_sentences_only_once_prose_runs_out() {
        let docs = docs();
        let summary = chosen(&docs, 12);
        assert!(summary.sentences.iter().all(|s| s.text.ends_with('.')));
        assert!(!summary.stats.incomplete_sentences_used);
        let summary = chosen(&docs, 200);
        assert!(summary
            .sentences
            .iter()
            .any(|s| s.text.ends_with("turning point for the")));
        assert!(summary.stats.incomplete_sentences_used);
        assert!(summary.usage.words <= 200);
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
        let summary = Summarizer::default()
            .summarize(&Request::new(docs))
            .unwrap();
        assert_eq!(summary.sentences.len(), 3);
    }

    /// The summary of `docs` within `words` words.
    fn chosen(docs: &[Document], words: usize) -> Summary {
        let request = Request::new(docs.to_vec()).with_budget(Budget::Words(words));
        Summarizer::default().summarize(&request).unwrap()
    }

    /// The texts of the sentences chosen from `docs` under `config`, within
    /// `words` words.
    fn chosen_texts(config: Config, docs: &[Document], words: usize) -> Vec<String> {
        let request = Request::new(docs.to_vec()).with_budget(Budget::Words(words));
        let summary = Summarizer::new(config)
            .unwrap()
            .summarize(&request)
            .unwrap();
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
                lead_fraction: 0.0,
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
    fn a_long_document_has_a_deeper_first_tier() {
        // Ten sentences: with a lead of 2 and a fraction of 0.5 the first
        // five compete; with no fraction, the first two.
        let text = "The storm reached the coast on Friday with strong winds. \
                    Thousands of homes lost power across the region overnight. \
                    Forecasters expect the storm to weaken by the weekend. \
                    The mayor urged residents to stay indoors until Sunday. \
                    Schools across the region will stay closed on Monday. \
                    The old dam held through the night, the engineers said on Saturday. \
                    Shops in the harbour district boarded up their windows. \
                    Ferries to the islands were cancelled for two days. \
                    Volunteers filled sandbags at the town hall all night. \
                    The regional council will meet again on Tuesday.";
        let request = Request::new(vec![Document::from_text("a", text)]);
        let first_tier = |lead_fraction: f64| {
            let summarizer = Summarizer::new(Config {
                lead_sentences: 2,
                lead_fraction,
                ..Config::default()
            })
            .unwrap();
            let prepared = summarizer.prepare(&request).unwrap();
            let mut first: Vec<u32> = prepared
                .selectable
                .iter()
                .map(|&g| prepared.positions[g])
                .collect();
            first.sort_unstable();
            first
        };
        assert_eq!(first_tier(0.0), [0, 1]);
        assert_eq!(first_tier(0.5), [0, 1, 2, 3, 4]);
        assert_eq!(first_tier(1.0), (0..10).collect::<Vec<u32>>());
        // A fraction outside 0-1 is refused.
        assert!(Summarizer::new(Config {
            lead_fraction: 1.5,
            ..Config::default()
        })
        .is_err());
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
        let request = Request::new(docs);
        let prepared = Summarizer::new(Config {
            select: SelectConfig {
                standalone_weight: 1.0,
                ..SelectConfig::default()
            },
            ..Config::default()
        })
        .unwrap()
        .prepare(&request)
        .unwrap();
        assert!(prepared.later.is_empty());
        let prepared = Summarizer::default().prepare(&request).unwrap();
        assert_eq!(prepared.later.len(), 1);
    }

    #[test]
    fn datelines_and_widget_labels_are_not_quoted() {
        let docs = vec![Document::from_text(
            "a",
            "WASHINGTON (AP) — The Senate passed the spending bill late on Tuesday night.\n\
             Advertisement The House is expected to take up the spending bill next week.",
        )];
        let summary = chosen(&docs, 50);
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
