//! The error of loading evaluation data and scoring.

use std::path::PathBuf;

/// Everything that can go wrong while loading evaluation data or scoring.
///
/// Dataset and system loading report these per item (per cluster, per system
/// output), so one unreadable file never aborts a whole evaluation.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A system produced no output file for a cluster.
    #[error("missing system output {} (system {system}, cluster {cluster})", path.display())]
    MissingOutput {
        /// The system name.
        system: String,
        /// The cluster id.
        cluster: String,
        /// Where the output was expected.
        path: PathBuf,
    },
    /// A cluster has no reference summaries.
    #[error("cluster {cluster} has no reference summaries in {}", path.display())]
    NoReferences {
        /// The cluster id.
        cluster: String,
        /// The `refs` folder that was searched.
        path: PathBuf,
    },
    /// A dataset or systems folder contains nothing to evaluate.
    #[error("no {what} found in {}", path.display())]
    Empty {
        /// What was looked for ("clusters", "systems").
        what: &'static str,
        /// The folder that was searched.
        path: PathBuf,
    },
    /// A configuration value is out of range.
    #[error("invalid ROUGE configuration: {0}")]
    InvalidConfig(String),
    /// A reference sentence and a system sentence too long to align for
    /// ROUGE-L (its table is the product of their lengths).
    #[error(
        "ROUGE-L cannot align a reference sentence of {reference_words} words with a system \
         sentence of {system_words} words (over {limit} word pairs); cut the summaries with \
         --words or --bytes, or put their sentences on separate lines"
    )]
    SentencesTooLong {
        /// Words in the reference sentence.
        reference_words: usize,
        /// Words in the system sentence.
        system_words: usize,
        /// The most word pairs ROUGE-L aligns.
        limit: usize,
    },
    /// A cluster's summary by one system could not be scored.
    #[error("{system} on cluster {cluster}: {source}")]
    Scoring {
        /// The system.
        system: String,
        /// The cluster id.
        cluster: String,
        /// Why.
        #[source]
        source: Box<Error>,
    },
    /// Two score lists that must be paired differ in length or are empty.
    #[error("cannot pair scores: {0}")]
    Pairing(String),
}

/// A `Result` whose error is [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
