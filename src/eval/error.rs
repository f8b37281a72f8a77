//! The error of `precis eval`: ROUGE's, or precis's own.

/// Everything that can stop an evaluation: loading or scoring with ROUGE
/// ([`precis_rouge::Error`]), or precis's own settings.
///
/// Dataset and system loading report ROUGE's errors per item (per cluster,
/// per system output), so one unreadable file never aborts a whole evaluation.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// Loading evaluation data or scoring it failed.
    #[error(transparent)]
    Rouge(#[from] precis_rouge::Error),
    /// precis's own settings are out of range.
    #[error(transparent)]
    Settings(#[from] crate::Error),
    /// A built-in system could not summarize a cluster.
    #[error("{system} on cluster {cluster}: {message}")]
    Summarize {
        /// The system.
        system: String,
        /// The cluster id.
        cluster: String,
        /// What went wrong.
        message: String,
    },
}
