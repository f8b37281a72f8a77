//! What kind of text a source holds: by its name, or sniffed from its text.

use std::path::Path;

/// What kind of text a document holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown (headings and list markers are recognised).
    Markdown,
    /// An HTML page (its article text is extracted).
    Html,
    /// A PDF file (its text layer, in reading order, with page numbers).
    Pdf,
    /// A Word document (.docx).
    Docx,
    /// An OpenDocument text (.odt).
    Odt,
}

impl Format {
    /// The format's name as JSON writes it: `text`, `markdown` or `html`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Odt => "odt",
        }
    }

    /// Whether the file is a binary container (PDF, Word, OpenDocument) that
    /// is read whole and whose text is extracted, rather than decoded.
    pub fn is_container(self) -> bool {
        matches!(self, Format::Pdf | Format::Docx | Format::Odt)
    }

    /// The format implied by a file name's extension; `None` for other files.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "pdf" => Some(Format::Pdf),
            "docx" => Some(Format::Docx),
            "odt" => Some(Format::Odt),
            _ => None,
        }
    }

    /// Guesses the format of text with no file name (stdin, batch records).
    pub fn sniff(text: &str) -> Format {
        let head = text.trim_start();
        let head = &head.as_bytes()[..head.len().min(1024)];
        let starts_like_html = head.first() == Some(&b'<')
            && [
                &b"<!doctype html"[..],
                b"<html",
                b"<head",
                b"<body",
                b"<p>",
                b"<div",
                b"<article",
            ]
            .iter()
            .any(|tag| head.len() >= tag.len() && head[..tag.len()].eq_ignore_ascii_case(tag));
        if starts_like_html {
            Format::Html
        } else {
            Format::Text
        }
    }
}
