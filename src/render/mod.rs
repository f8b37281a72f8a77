//! Render: a [`Summary`] as Markdown, plain text or JSON.
//!
//! Renderers only read a finished summary and write to any writer; the JSON
//! schema lives apart in [`wire`].

pub mod markdown;
pub mod wire;

use std::io::Write;

use crate::summarizer::Config;
use crate::summary::Summary;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    /// Sentences with numbered citations, then a list of sources.
    #[default]
    Markdown,
    /// The sentences alone, one per line.
    Text,
    /// The full summary as JSON (see [`wire`]).
    Json,
}

/// Writes the summary's sentences, one per line, without citations.
pub fn write_text(summary: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
    for sentence in &summary.sentences {
        writeln!(out, "{}", sentence.text)?;
    }
    Ok(())
}

/// Writes the summary as one JSON object (pretty-printed unless `compact`),
/// followed by a newline. `config`, the settings the summary was made with, is
/// recorded as its `parameters`.
pub fn write_json(
    summary: &Summary,
    id: Option<&str>,
    config: &Config,
    compact: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let wire = wire::to_wire(summary, id, config);
    if compact {
        serde_json::to_writer(&mut *out, &wire)?;
    } else {
        serde_json::to_writer_pretty(&mut *out, &wire)?;
    }
    writeln!(out)
}

/// Writes the summary, made with `config`, in `format`.
pub fn write(
    summary: &Summary,
    format: OutputFormat,
    config: &Config,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        OutputFormat::Markdown => markdown::write(summary, out),
        OutputFormat::Text => write_text(summary, out),
        OutputFormat::Json => write_json(summary, None, config, false, out),
    }
}
