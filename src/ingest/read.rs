//! What precis read: each input document's text before any sentence work.
//!
//! [`read`] gives one [`ReadRecord`] per document, in input order: the text
//! the rest of the pipeline works on (the text whose offsets a citation's
//! `text_span` refers to) with its title, format and warnings, or the reason a
//! document gave no text. `precis read` prints these records as JSON Lines,
//! so they double as input for a converter to the batch format and as what
//! extraction benchmarks score.

use serde::Serialize;

use super::{gather, Document, Format, IngestOptions, Input};
use crate::warning::{Severity, Warning};

/// One document as read: what every later stage would work on.
///
/// New facts about a document are new fields here, filled in by
/// [`DocumentRead::new`]; optional ones are left out of JSON when absent.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct DocumentRead {
    /// The file it was read from (as given or found in a folder), or `stdin`.
    pub path: String,
    /// The document's id in briefings (unique within one run).
    pub id: String,
    /// The headline found by extraction, if any.
    pub title: Option<String>,
    /// What kind of text the source held.
    pub format: Format,
    /// The language the text is in (ISO 639-1), as detection finds it.
    pub language: crate::language::Language,
    /// The text every later stage works on: the offsets of a citation's
    /// `text_span` (or its `span`, where the file is plain UTF-8) index into it.
    pub text: String,
    /// For a paged source (PDF): the byte offset in `text` where each page
    /// starts (the first is page 1). Absent from JSON for other sources.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub page_starts: Vec<usize>,
    /// What was repaired or cut while reading this document.
    pub warnings: Vec<String>,
}

impl DocumentRead {
    /// The record of a document read, with the warnings raised while reading it.
    pub fn new(document: &Document, warnings: &[Warning]) -> Self {
        DocumentRead {
            path: document.display_name(),
            id: document.id.clone(),
            title: document.title.clone(),
            format: document.format,
            language: document
                .language
                .unwrap_or_else(|| crate::language::Language::detect(&document.text)),
            text: document.text.clone(),
            page_starts: document.page_starts.clone(),
            warnings: warnings.iter().map(|w| w.message.clone()).collect(),
        }
    }
}

/// An input that gave no text: which one, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadFailure {
    /// The file or folder concerned.
    pub path: String,
    /// Why nothing was read from it.
    pub error: String,
    /// Whether input was lost ([`Severity::Skipped`]) or there was nothing to
    /// lose ([`Severity::Note`]: an empty file, a file read once already).
    #[serde(skip)]
    pub severity: Severity,
}

/// One line of `precis read`: a document read, or an input that gave no text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ReadRecord {
    /// A document and its text.
    Read(DocumentRead),
    /// An input without text.
    Failed(ReadFailure),
}

/// Everything read from a set of inputs.
#[derive(Debug, Clone, Default)]
pub struct ReadReport {
    /// One record per document or failed input, in input order (folders sorted by path).
    pub records: Vec<ReadRecord>,
    /// Notes about the inputs as a whole (files of other types left out of folders).
    pub notes: Vec<Warning>,
}

impl ReadReport {
    /// How many documents gave text.
    pub fn documents(&self) -> usize {
        self.records
            .iter()
            .filter(|r| matches!(r, ReadRecord::Read(_)))
            .count()
    }

    /// Whether some input was left out (as `precis brief` counts it for its exit code).
    pub fn has_skipped(&self) -> bool {
        self.records
            .iter()
            .any(|r| matches!(r, ReadRecord::Failed(f) if f.severity == Severity::Skipped))
    }
}

/// Reads every input as [`super::load`] does, keeping each document's
/// outcome in input order. Never fails: an input without text is a
/// [`ReadRecord::Failed`].
///
/// ```
/// use precis::ingest::{read::{read, ReadRecord}, IngestOptions, Input};
/// let dir = tempfile::tempdir()?;
/// std::fs::write(dir.path().join("a.html"), "<title>T</title><p>Hello there.</p>")?;
/// let report = read(&[Input::Path(dir.path().into())], &IngestOptions::default());
/// let ReadRecord::Read(doc) = &report.records[0] else { panic!() };
/// assert_eq!((doc.text.trim(), doc.title.as_deref()), ("Hello there.", Some("T")));
/// assert_eq!(doc.language.code(), "en");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn read(inputs: &[Input], options: &IngestOptions) -> ReadReport {
    let gathered = gather(inputs, options);
    let records = gathered
        .results
        .into_iter()
        .map(|result| match result {
            Ok((document, warnings)) => ReadRecord::Read(DocumentRead::new(&document, &warnings)),
            Err(warning) => ReadRecord::Failed(ReadFailure {
                path: warning.subject,
                error: warning.message,
                severity: warning.severity,
            }),
        })
        .collect();
    ReadReport {
        records,
        notes: gathered.note.into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_keep_input_order_and_name_failures() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "First text.").unwrap();
        std::fs::write(dir.path().join("b.html"), "<script>x</script>").unwrap();
        std::fs::write(dir.path().join("c.md"), "# C\n\nThird text.").unwrap();
        std::fs::write(dir.path().join("d.png"), b"\x89PNG").unwrap();
        let report = read(
            &[Input::Path(dir.path().to_path_buf())],
            &IngestOptions::default(),
        );
        assert_eq!(report.records.len(), 3);
        assert_eq!(report.documents(), 2);
        let ReadRecord::Read(a) = &report.records[0] else {
            panic!("{:?}", report.records[0])
        };
        assert_eq!((a.id.as_str(), a.format), ("a.txt", Format::Text));
        let ReadRecord::Failed(b) = &report.records[1] else {
            panic!("{:?}", report.records[1])
        };
        assert!(
            b.path.ends_with("b.html") && b.error.contains("no text"),
            "{b:?}"
        );
        assert!(!report.has_skipped());
        assert!(report.notes[0].message.contains(".png"));
        let json = serde_json::to_value(&report.records[2]).unwrap();
        assert_eq!(json["format"], "markdown");
        assert_eq!(json["text"], "# C\n\nThird text.");
        assert!(json["warnings"].as_array().is_some_and(Vec::is_empty));
        let json = serde_json::to_value(&report.records[1]).unwrap();
        assert_eq!(json.as_object().map(|o| o.len()), Some(2), "{json}");
    }
}
