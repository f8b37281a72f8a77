//! The integration tests of the CLI: one binary, one module per area, in tests/cases/.

/// The shared data folder: skip without it, fail in CI.
#[path = "cases/shared_data.rs"]
mod shared_data;
/// Helpers: the binary with a clean environment, the shared data folder.
#[path = "cases/util.rs"]
mod util;

/// `precis batch`: JSON Lines in and out, order, bad lines, caps, --jobs.
#[path = "cases/batch.rs"]
mod batch;
/// `precis brief`: formats, options, help, exit codes.
#[path = "cases/brief.rs"]
mod brief;
/// `precis brief --format html` checked in headless Chromium (skipped without it).
#[path = "cases/browser.rs"]
mod browser;
/// Same input, same bytes out, at any thread count.
#[path = "cases/determinism.rs"]
mod determinism;
/// PDF, Word and OpenDocument inputs: reading order, pages, failures.
#[path = "cases/documents.rs"]
mod documents;
/// `precis brief --each`: one briefing per subfolder, atomic, never into the input.
#[path = "cases/each.rs"]
mod each;
/// `precis eval`: ROUGE tables, JSON, summaries, systems folders.
#[path = "cases/eval.rs"]
mod eval;
/// The g20 briefing: golden output, and every citation checked against its file.
#[path = "cases/g20.rs"]
mod g20;
/// `precis completions` and `precis man`: printed, read by `man -l`, listed in --help.
#[path = "cases/generate.rs"]
mod generate;
/// Languages: detection, per-language analysis, mixed clusters, `--language`.
#[path = "cases/languages.rs"]
mod languages;
/// Every file of ../shared/pdf-torture: no panic, no hang, each named.
#[path = "cases/pdf_torture.rs"]
mod pdf_torture;
/// Progress on stderr, for a terminal only: never in pipes, never in stdout.
#[path = "cases/progress.rs"]
mod progress;
/// `--query` and `--since`: the question shown, what was read left out.
#[path = "cases/questions.rs"]
mod questions;
/// `precis read`: JSON Lines and text, failures named, exit codes.
#[path = "cases/read.rs"]
mod read;
/// Sentence boundaries on the hand-labelled cases in ../shared/notes.
#[path = "cases/sentence_cases.rs"]
mod sentence_cases;
/// Off-event documents set aside: g20's 2012 article, planted documents, --keep-all.
#[path = "cases/set_aside.rs"]
mod set_aside;
/// `precis batch` as a Spark `RDD.pipe` command (skipped without pyspark).
#[path = "cases/spark.rs"]
mod spark;
