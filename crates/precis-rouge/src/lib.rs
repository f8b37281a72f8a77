//! ROUGE, reproducing the reference Perl ROUGE-1.5.5 exactly.
//!
//! * [`RougeScorer`] scores a system summary against reference summaries:
//!   ROUGE-N (N up to [`MAX_N`]), ROUGE-L (summary-level union LCS over
//!   lines) and ROUGE-S/SU (skip-bigrams), recall/precision/F,
//!   multi-reference pooling `-f A` ([`Pooling::ModelAverage`], the default)
//!   or `-f B`, `-l`/`-b` truncation of system *and* reference summaries
//!   before tokenisation, `-m` stemming (WordNet 2.0 exceptions, then the
//!   original Porter stemmer) and `-s` stop words, all with ROUGE-1.5.5's
//!   exact text handling. [`RougeConfig::default`] is the published DUC setting
//!   `-n 4 -m -l 100 -f A` (plus ROUGE-L and SU4).
//! * [`rouge_tokens`] and [`truncate_like_rouge`] expose ROUGE's view of a text,
//!   so summaries can be measured and cut exactly as ROUGE will.
//! * [`Dataset`], [`list_systems`], [`RougeScorer::prepare_dataset`] and
//!   [`RougeScorer::evaluate_system`] score `SYSDIR/<system>/<cluster>.txt`
//!   against `DATASET/<cluster>/refs/*.txt`, giving serializable per-cluster
//!   [`ClusterScores`] and per-item errors; [`SystemEvaluation::aggregate`]
//!   averages them with ROUGE's bootstrap confidence intervals (reproduced digit
//!   for digit, see [`bootstrap_means`]); [`compare_systems`] and
//!   [`paired_bootstrap`] test whether one system beats another.
//! * [`RougeScorer::score_corpus`] scores summaries held in memory, each
//!   against its own references, in parallel, with plain means over them
//!   and ROUGE's bootstrap ([`CorpusScores`]).
//!
//! Fidelity: on the 13 published DUC 2004 baselines every per-cluster ROUGE-1..4
//! value and every average and 95% interval of the published ROUGE-1.5.5 output
//! is reproduced (`tests/rouge_duc2004.rs`), and precis's
//! `scripts/rouge-crosscheck.sh` compares ROUGE-1..4, L and SU4 with the Perl
//! script under several option sets.
//!
//! ```
//! use precis_rouge::{RougeConfig, RougeScorer};
//! let scorer = RougeScorer::new(RougeConfig::default())?;
//! let refs = ["Hun Sen and Ranariddh formed a coalition government.",
//!             "The two parties agreed to form a coalition."];
//! let scores = scorer.score("The parties formed a coalition government.", &refs)?;
//! let r1 = scores.rouge_n(1).expect("ROUGE-1 is computed by default");
//! // Stemmed, the summary is "the parti form a coalit govern": 4 of its words
//! // are in the first reference and 5 in the second, of 8 words each, pooled
//! // over both references (`-f A`).
//! assert_eq!((r1.hits, r1.reference_total), (9, 16));
//! assert_eq!(r1.recall, 9.0 / 16.0);
//! let r2 = scores.rouge_n(2).expect("ROUGE-2 is computed by default");
//! assert_eq!((r2.hits, r2.reference_total), (5, 14));
//! # Ok::<(), precis_rouge::Error>(())
//! ```
//!
//! Summaries are read as bytes, as ROUGE-1.5.5 reads them: its words are
//! runs of ASCII letters and digits and its `-b` limit counts bytes, so
//! decoding a legacy encoding would change the scores. Only UTF-16 files are
//! transcoded to UTF-8 (ROUGE would read their zero bytes as word breaks),
//! with a warning naming the file; see [`SummaryFile`].
//!
//! The crate depends on nothing of precis, the summarizer it was written for:
//! `precis eval` runs summarizers and hands their summaries to it.
#![warn(missing_docs)]
mod bootstrap;
mod corpus;
mod dataset;
mod decode;
mod error;
mod morph;
mod porter;
mod rouge;
mod text;

pub use bootstrap::{
    bootstrap_means, paired_bootstrap, BootstrapConfig, Drand48, Estimate, PairedBootstrap,
    MAX_RESAMPLES,
};
pub use corpus::{CorpusScores, MetricMean};
pub use dataset::{
    compare_systems, list_systems, Aggregate, AggregateConfig, Cluster, ClusterScores, Dataset,
    Measure, MetricAggregate, PreparedDataset, SystemEvaluation, SystemOutputs,
};
pub use decode::SummaryFile;
pub use error::{Error, Result};
pub use morph::{is_rouge_stopword, rouge_stem, wordnet_exception};
pub use porter::porter_stem;
pub use rouge::{
    Metric, MetricScore, Pooling, PreparedReferences, RougeConfig, RougeScorer, Score, Scores,
    SkipBigram, MAX_N,
};
pub use text::{non_ascii_word_share, rouge_tokens, truncate_like_rouge, Tokenize, Truncation};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
