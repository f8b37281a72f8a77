//! Problems with one input that did not stop the work: the per-item half of
//! precis's errors (the fatal half is [`Error`](crate::Error)).
//!
//! A file that cannot be read, a record that is not JSON, a document with no
//! sentence to quote: each becomes a [`Warning`] naming it, and the rest of
//! the work goes on. The caller decides how to show them (the CLI prints
//! them on stderr and exits 1 when an input was skipped).

/// How serious a [`Warning`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input was used after a repair (re-encoded, truncated).
    Recovered,
    /// The input was left out (unreadable, binary, missing): the run is incomplete.
    Skipped,
    /// Worth knowing, nothing lost (an empty file, unsupported files in a folder).
    Note,
}

/// A problem with one input that did not stop the work.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Warning {
    /// The file, record or document concerned.
    pub subject: String,
    /// What happened.
    pub message: String,
    /// Whether the input was used, repaired or left out.
    pub severity: Severity,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.subject, self.message)
    }
}

impl Warning {
    /// A warning about `subject`.
    pub fn new(subject: impl Into<String>, message: impl Into<String>, severity: Severity) -> Self {
        Warning {
            subject: subject.into(),
            message: message.into(),
            severity,
        }
    }
}
