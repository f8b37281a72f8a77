//! The integration tests: one binary, one module per area.

/// Helpers: the binary with a clean environment, the shared data folder.
mod util;

/// `precis brief`: formats, options, help, exit codes.
mod brief;
/// Same input, same bytes out, at any thread count.
mod determinism;
/// The g20 briefing: golden output, and every citation checked against its file.
mod g20;
/// Sentence boundaries on the hand-labelled cases in ../shared/notes.
mod sentence_cases;
