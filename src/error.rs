//! The library's error type.
//!
//! Errors carry the path or record they are about, so a caller can print them
//! as they are. Problems with one input among many (an unreadable file, a binary
//! file) are not errors but [`Warning`](crate::Warning)s: the work goes on.

use std::path::PathBuf;

/// Why a source's bytes gave no document: they are not text, or no text
/// could be extracted from them. Not fatal: readers of many sources turn it
/// into a [`Warning`](crate::Warning) and go on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason}")]
pub struct Unreadable {
    /// What is wrong, e.g. "binary data (NUL bytes)".
    pub reason: String,
}

/// Everything that can stop a precis operation.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{}: {}", path.display(), io_reason(source))]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The input held no document with readable text.
    #[error("no readable document: {reason}")]
    NoDocuments {
        /// Why nothing was usable, e.g. "3 files skipped (binary)".
        reason: String,
    },
    /// The documents held no sentence that could be used in a summary.
    #[error("no sentences to summarize: {reason}")]
    NoSentences {
        /// Why, e.g. "every line was page junk".
        reason: String,
    },
    /// A configuration value is out of range.
    #[error("invalid setting: {0}")]
    Config(String),
    /// A request asks for something that cannot be done (a budget of 0, an
    /// empty question).
    #[error("invalid request: {0}")]
    Request(String),
    /// A file given as an earlier briefing is not one.
    #[error("{}: not a precis briefing: {reason}", path.display())]
    NotABriefing {
        /// The file.
        path: PathBuf,
        /// What it is instead.
        reason: String,
    },
}

/// `Result` with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Whether the error is ELOOP: a symlink that leads back to itself.
pub(crate) fn is_symlink_loop(err: &std::io::Error) -> bool {
    const ELOOP: i32 = if cfg!(any(target_os = "linux", target_os = "android")) {
        40
    } else {
        62 // macOS and the BSDs
    };
    cfg!(unix) && err.raw_os_error() == Some(ELOOP)
}

/// A short reason for an I/O error, without Rust's "(os error N)" noise.
pub fn io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound => "no such file or directory".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::IsADirectory => "is a directory".into(),
        ErrorKind::NotADirectory => "not a folder".into(),
        ErrorKind::InvalidData => "invalid data".into(),
        _ if is_symlink_loop(err) => "symlink loop (the link leads back to itself)".into(),
        _ => {
            let text = err.to_string();
            match text.find(" (os error") {
                Some(cut) => text[..cut].to_owned(),
                None => text,
            }
        }
    }
}
