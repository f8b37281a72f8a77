//! precis turns a cluster of related documents into a short briefing: the most
//! central, non-redundant sentences, each cited to the document and byte span
//! it came from.
//!
//! The pipeline runs one way through small modules:
//! [`ingest`] (files, folders, stdin; encodings; HTML) →
//! [`text`] (each document's [`language`], junk removal, sentences, terms) →
//! [`vectors`] (TF-IDF) →
//! [`graph`] (similarity graph from an inverted index, PageRank) →
//! [`select`] (MMR under a budget, no near-duplicates) →
//! [`render`] (Markdown, text, JSON).
//! [`Summarizer`] runs it end to end; [`batch`] runs it over JSON Lines
//! records and [`eval`] scores summaries with ROUGE.
//!
//! ```
//! use precis::{Budget, Document, Summarizer};
//! let docs = vec![
//!     Document::from_text("a.txt", "G20 leaders met in Antalya on Sunday. They discussed Syria and the refugee crisis at length."),
//!     Document::from_text("b.txt", "At the Antalya summit, G20 leaders discussed Syria. The refugee crisis dominated the second day."),
//! ];
//! let summary = Summarizer::default().with_budget(Budget::Words(30))?.summarize(&docs)?;
//! assert!(summary.usage.words <= 30);
//! let mut markdown = Vec::new();
//! precis::render::markdown::write(&summary, &mut markdown)?;
//! assert!(String::from_utf8_lossy(&markdown).contains("## Sources"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The modules below the top level are usable on their own but are less
//! stable than [`Summarizer`], [`Document`] and [`Summary`].
#![warn(missing_docs)]

pub mod batch;
pub mod error;
pub mod eval;
pub mod graph;
pub mod ingest;
pub mod language;
pub mod output;
pub mod render;
pub mod select;
pub mod summarizer;
pub mod summary;
pub mod text;
pub mod vectors;

pub use error::{Error, Result};
pub use ingest::Document;
pub use language::Language;
pub use render::OutputFormat;
pub use select::Budget;
pub use summarizer::{Config, Summarizer, Timings};
pub use summary::Summary;
