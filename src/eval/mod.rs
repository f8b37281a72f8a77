//! Evaluation: ROUGE, reproducing the reference Perl ROUGE-1.5.5 exactly.
//!
//! * [`RougeScorer`] scores a system summary against reference summaries:
//!   ROUGE-N (any N), ROUGE-L (summary-level union LCS over lines) and ROUGE-S/SU
//!   (skip-bigrams), recall/precision/F, multi-reference pooling `-f A`
//!   ([`Pooling::ModelAverage`], the default) or `-f B`, `-l`/`-b` truncation of
//!   system *and* reference summaries before tokenisation, `-m` stemming (WordNet
//!   2.0 exceptions, then the original Porter stemmer) and `-s` stop words, all
//!   with ROUGE-1.5.5's exact text handling. [`RougeConfig::default`] is the
//!   published DUC setting `-n 4 -m -l 100 -f A` (plus ROUGE-L and SU4).
//! * [`rouge_tokens`] and [`truncate_like_rouge`] expose ROUGE's view of a text,
//!   so summaries can be measured and cut exactly as ROUGE will.
//! * [`Dataset`], [`list_systems`], [`RougeScorer::prepare_dataset`] and
//!   [`RougeScorer::evaluate_system`] score `SYSDIR/<system>/<cluster>.txt`
//!   against `DATASET/<cluster>/refs/*.txt`, giving serializable per-cluster
//!   [`ClusterScores`] and per-item errors; [`SystemEvaluation::aggregate`]
//!   averages them with ROUGE's bootstrap confidence intervals (reproduced digit
//!   for digit, see [`bootstrap_means`]); [`compare_systems`] and
//!   [`paired_bootstrap`] test whether one system beats another.
//! * [`evaluate`] is `precis eval`: it runs [`Ranker`](crate::Ranker)s (by
//!   default [`rankers::builtin`](crate::summarizer::rankers::builtin): precis
//!   and the lead, random, TextRank, LexRank and centroid baselines, all on the
//!   same cleaned sentences) on every cluster, scores them and any folders of
//!   existing summaries, and gives an [`EvalReport`] (table, JSON, comparisons).
//!
//! Fidelity: on the 13 published DUC 2004 baselines every per-cluster ROUGE-1..4
//! value and every average and 95% interval of the published ROUGE-1.5.5 output
//! is reproduced (`tests/rouge_duc2004.rs`), and `scripts/rouge-crosscheck.sh`
//! compares ROUGE-1..4, L and SU4 with the Perl script under several option sets.
//!
//! ```
//! use precis::eval::{RougeConfig, RougeScorer};
//! let scorer = RougeScorer::new(RougeConfig::default())?;
//! let refs = ["Hun Sen and Ranariddh formed a coalition government.",
//!             "The two parties agreed to form a coalition."];
//! let scores = scorer.score("The parties formed a coalition government.", &refs)?;
//! let r2 = scores.rouge_n(2).expect("ROUGE-2 is computed by default");
//! println!("ROUGE-2 R={:.4} P={:.4} F={:.4}", r2.recall, r2.precision, r2.f);
//! assert!(r2.recall > 0.0);
//! # Ok::<(), precis::eval::EvalError>(())
//! ```
#![warn(missing_docs)]
mod bootstrap;
mod dataset;
mod error;
mod harness;
mod morph;
mod porter;
mod rouge;
mod text;

pub use bootstrap::{
    bootstrap_means, paired_bootstrap, BootstrapConfig, Drand48, Estimate, PairedBootstrap,
};
pub use dataset::{
    compare_systems, list_systems, Aggregate, AggregateConfig, Cluster, ClusterScores, Dataset,
    Measure, MetricAggregate, PreparedDataset, SystemEvaluation, SystemOutputs,
};
pub use error::EvalError;
pub use harness::{evaluate, short_label, Average, EvalOptions, EvalReport, SystemResult};
pub use morph::{is_rouge_stopword, rouge_stem, wordnet_exception};
pub use porter::porter_stem;
pub use rouge::{
    Metric, MetricScore, Pooling, PreparedReferences, RougeConfig, RougeScorer, Score, Scores,
    SkipBigram,
};
pub use text::{non_ascii_word_share, rouge_tokens, truncate_like_rouge, Tokenize, Truncation};
