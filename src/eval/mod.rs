//! Evaluation: ROUGE.
mod bootstrap;
mod dataset;
mod error;
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
pub use morph::{is_rouge_stopword, rouge_stem, wordnet_exception};
pub use porter::porter_stem;
pub use rouge::{
    Metric, MetricScore, Pooling, PreparedReferences, RougeConfig, RougeScorer, Score, Scores,
    SkipBigram,
};
pub use text::{rouge_tokens, truncate_like_rouge, Truncation};
