//! Evaluation: ROUGE, reproducing the reference Perl ROUGE-1.5.5 exactly, and
//! `precis eval`.
//!
//! ROUGE itself is the [`precis_rouge`] crate, re-exported here:
//!
//! * [`RougeScorer`] scores a system summary against reference summaries:
//!   ROUGE-N, ROUGE-L and ROUGE-S/SU, with ROUGE-1.5.5's `-l`/`-b` truncation,
//!   `-m` stemming, `-s` stop words, `-f A`/`-f B` pooling and exact text
//!   handling; [`RougeConfig::default`] is the published DUC setting
//!   `-n 4 -m -l 100 -f A` (plus ROUGE-L and SU4).
//! * [`Dataset`], [`list_systems`], [`RougeScorer::prepare_dataset`] and
//!   [`RougeScorer::evaluate_system`] score `SYSDIR/<system>/<cluster>.txt`
//!   against `DATASET/<cluster>/refs/*.txt`; [`SystemEvaluation::aggregate`]
//!   averages them with ROUGE's bootstrap confidence intervals;
//!   [`compare_systems`] and [`paired_bootstrap`] test whether one system
//!   beats another.
//!
//! precis adds:
//!
//! * [`evaluate`] is `precis eval`: it runs [`Ranker`](crate::Ranker)s (by
//!   default [`rankers::builtin`](crate::summarizer::rankers::builtin): precis
//!   and the lead, random, TextRank, LexRank and centroid baselines, all on the
//!   same cleaned sentences) on every cluster, scores them and any folders of
//!   existing summaries, and gives an [`EvalReport`] (table, JSON, comparisons).
//! * [`report_html`] writes an [`EvalReport`] as one self-contained HTML
//!   page, with a chart per metric (`precis eval --format html`).
//! * [`truncation_budget`]: the budget a summarizer fills for a ROUGE length limit.
//! * [`EvalError`]: ROUGE's error ([`RougeError`]) or precis's own.
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
mod error;
mod harness;
pub mod report_html;

use crate::select::Budget;
pub use error::EvalError;
pub use harness::{evaluate, short_label, Average, EvalOptions, EvalReport, SystemResult};
pub use precis_rouge::Error as RougeError;
pub use precis_rouge::{
    bootstrap_means, compare_systems, is_rouge_stopword, list_systems, non_ascii_word_share,
    paired_bootstrap, porter_stem, rouge_stem, rouge_tokens, truncate_like_rouge,
    wordnet_exception, Aggregate, AggregateConfig, BootstrapConfig, Cluster, ClusterScores,
    Dataset, Drand48, Estimate, Measure, Metric, MetricAggregate, MetricScore, PairedBootstrap,
    Pooling, PreparedDataset, PreparedReferences, RougeConfig, RougeScorer, Score, Scores,
    SkipBigram, SummaryFile, SystemEvaluation, SystemOutputs, Tokenize, Truncation, MAX_N,
    MAX_RESAMPLES,
};

/// The budget a summarizer fills for a ROUGE length limit: `-l N` words or
/// `-b N` bytes; `None` without a limit (or with `0`, ROUGE's "no limit").
///
/// ```
/// use precis::eval::{truncation_budget, Truncation};
/// use precis::Budget;
/// assert_eq!(truncation_budget(Truncation::Words(100)), Some(Budget::Words(100)));
/// assert_eq!(truncation_budget(Truncation::Bytes(0)), None);
/// ```
pub fn truncation_budget(truncation: Truncation) -> Option<Budget> {
    match truncation {
        Truncation::Words(n) if n > 0 => Some(Budget::Words(n)),
        Truncation::Bytes(n) if n > 0 => Some(Budget::Bytes(n)),
        _ => None,
    }
}
