//! precis turns a cluster of related documents into a short briefing: the most
//! central, non-redundant sentences, each cited to the document and byte span
//! it came from.
//!
//! The pipeline runs one way through small modules:
//! [`ingest`] (files, folders, stdin; encodings; HTML, PDF, Word) →
//! [`text`] (each document's [`language`], junk removal, sentences, terms) →
//! [`vectors`] (TF-IDF) →
//! [`graph`] (similarity graph from an inverted index, PageRank) →
//! [`select`] (concept coverage or MMR under a budget, no near-duplicates) →
//! [`render`] (Markdown, text, JSON, an HTML page).
//! [`Summarizer`] runs it end to end on a [`Request`] (what varies per call:
//! the documents, the budget) under a [`Config`] (what is chosen once); a
//! [`Ranker`] decides what matters, precis's own by default. [`batch`] runs
//! it over JSON Lines records and [`eval`] scores summaries with ROUGE.
//!
//! ```
//! use precis::{Budget, Document, Request, Summarizer};
//! let request = Request::new(vec![
//!     Document::from_text("a.txt", "G20 leaders met in Antalya on Sunday. They discussed Syria and the refugee crisis at length."),
//!     Document::from_text("b.txt", "At the Antalya summit, G20 leaders discussed Syria. The refugee crisis dominated the second day."),
//! ])
//! .with_budget(Budget::Words(30));
//! let summary = Summarizer::default().summarize(&request)?;
//! assert!(summary.usage.words <= 30);
//! let mut markdown = Vec::new();
//! precis::render::markdown::write(&summary, &mut markdown)?;
//! assert!(String::from_utf8_lossy(&markdown).contains("## Sources"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The stable surface is what this page re-exports: [`Summarizer`],
//! [`Request`], [`Config`], [`Ranker`], [`Document`], [`Summary`],
//! [`Error`] and [`Warning`], and the JSON schema `precis.summary/1`
//! ([`render::wire`]). The modules below the top level are usable on their
//! own but may change between minor versions.
#![warn(missing_docs)]

pub mod batch;
pub mod date;
pub mod earlier;
pub mod error;
pub mod eval;
pub mod graph;
pub mod ingest;
pub mod language;
mod parallel;
pub mod render;
pub mod select;
pub mod summarizer;
pub mod summary;
#[cfg(test)]
mod test_support;
pub mod text;
pub mod vectors;
pub mod warning;

pub use error::{Error, Result};
pub use ingest::Document;
pub use language::Language;
pub use render::OutputFormat;
pub use select::Budget;
pub use summarizer::{Config, Ranker, Request, Summarizer, Timings};
pub use summary::Summary;
pub use warning::{Severity, Warning};
