//! Render: a [`Summary`] as Markdown, plain text, JSON or an HTML page.
//!
//! Renderers only read a finished summary (the HTML page also the documents'
//! texts) and write to any writer; the JSON schema lives apart in [`wire`].

pub mod html;
pub mod markdown;
pub mod wire;

use std::io::Write;

use crate::ingest::Document;
use crate::summary::{Summary, SummarySentence};

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
    /// One self-contained HTML page: the briefing, each citation a link to
    /// its sentence marked in the full text of its document (see [`html`]).
    Html,
}

impl OutputFormat {
    /// The file extension of briefings in this format: `md`, `txt`, `json`, `html`.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Markdown => "md",
            OutputFormat::Text => "txt",
            OutputFormat::Json => "json",
            OutputFormat::Html => "html",
        }
    }
}

/// Writes the summary's sentences, one per line, without citations; then,
/// after a blank line, one `Set aside:` line per document set aside.
pub fn write_text(summary: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
    if let Some(query) = &summary.query {
        writeln!(out, "Question: {query}\n")?;
    }
    if summary.nothing_new {
        writeln!(out, "{}", empty_note(summary))?;
    }
    for sentence in &summary.sentences {
        writeln!(out, "{}", sentence.text)?;
    }
    let notes = set_aside_notes(summary);
    if !notes.is_empty() {
        writeln!(out)?;
    }
    for note in notes {
        match note.locator {
            Some(at) => writeln!(out, "Set aside: {} ({at}): {}", note.title, note.reason)?,
            None => writeln!(out, "Set aside: {}: {}", note.title, note.reason)?,
        }
    }
    Ok(())
}

/// What a briefing without sentences says instead: that nothing is new
/// since what was read, or that nothing fits the budget.
pub(crate) fn empty_note(summary: &Summary) -> String {
    if summary.nothing_new {
        let read = match summary.read.len() {
            1 => "the document already read".to_owned(),
            n => format!("the {n} documents already read"),
        };
        format!("Nothing new: everything these documents say was in {read}.")
    } else {
        format!("No sentence fits within {}.", summary.budget)
    }
}

/// What a briefing was built from: documents, the span of their dates, their
/// sources. Dates are the used documents' own dates
/// ([`SourceDocument::date`](crate::summary::SourceDocument::date): their
/// metadata's, or a date line at their top), never dates they only mention.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Overview {
    /// Documents read.
    pub documents: usize,
    /// Of which set aside as off the cluster's event.
    pub set_aside: usize,
    /// Documents the reader had already read, besides these (added within
    /// version 1; absent when none).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub already_read: usize,
    /// The earliest and latest of the used documents' own dates
    /// (`15 November 2015`), when any gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<[String; 2]>,
    /// The documents used: web pages by their site (once per site), others by
    /// title (their ids when untitled).
    pub sources: Vec<String>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Sources named in the overview line before "and N more".
const OVERVIEW_SOURCES: usize = 6;

impl Overview {
    /// The overview of a summary.
    pub fn of(summary: &Summary) -> Overview {
        let mut aside = vec![false; summary.documents.len()];
        for s in &summary.set_aside {
            aside[s.document] = true;
        }
        let used: Vec<usize> = (0..summary.documents.len())
            .filter(|&d| !aside[d])
            .collect();
        let dates: Vec<crate::text::dates::ExplicitDate> = used
            .iter()
            .filter_map(|&d| summary.documents[d].date)
            .collect();
        let span = match (dates.iter().min(), dates.iter().max()) {
            (Some(first), Some(last)) => Some([first.to_string(), last.to_string()]),
            _ => None,
        };
        Overview {
            documents: summary.documents.len(),
            set_aside: summary.set_aside.len(),
            already_read: summary.read.len(),
            dates: span,
            // Web pages by their site, once per site; other documents by
            // title.
            sources: {
                let mut seen = rustc_hash::FxHashSet::default();
                used.iter()
                    .map(|&d| &summary.documents[d])
                    .filter(|d| d.site.is_none() || seen.insert(d.source_name()))
                    .map(|d| d.source_name().to_owned())
                    .collect()
            },
        }
    }

    /// The overview as one line: `5 documents (1 set aside) · dated 15 November
    /// 2015 to 16 November 2015 · sources: A; B; C`.
    pub fn line(&self) -> String {
        let mut line = match self.documents {
            1 => "1 document".to_owned(),
            n => format!("{n} documents"),
        };
        if self.set_aside > 0 {
            line.push_str(&format!(" ({} set aside)", self.set_aside));
        }
        match self.already_read {
            0 => {}
            1 => line.push_str(" · 1 already read"),
            n => line.push_str(&format!(" · {n} already read")),
        }
        match &self.dates {
            Some([first, last]) if first == last => line.push_str(&format!(" · dated {first}")),
            Some([first, last]) => line.push_str(&format!(" · dated {first} to {last}")),
            None => line.push_str(" · no explicit dates"),
        }
        if !self.sources.is_empty() {
            let shown: Vec<&str> = self
                .sources
                .iter()
                .take(OVERVIEW_SOURCES)
                .map(String::as_str)
                .collect();
            line.push_str(&format!(" · sources: {}", shown.join("; ")));
            if self.sources.len() > OVERVIEW_SOURCES {
                line.push_str(&format!(
                    " and {} more",
                    self.sources.len() - OVERVIEW_SOURCES
                ));
            }
        }
        line
    }
}

/// The numbers citations give documents: 1 for the first document cited, and
/// so on, in the order the briefing first cites them.
pub(crate) struct CitationNumbers {
    /// Each document's number, `None` when no sentence cites it.
    pub numbers: Vec<Option<usize>>,
    /// The cited documents, in number order.
    pub cited: Vec<usize>,
}

impl CitationNumbers {
    /// The numbers of a summary's cited documents.
    pub fn of(summary: &Summary) -> CitationNumbers {
        let mut numbers: Vec<Option<usize>> = vec![None; summary.documents.len()];
        let mut cited: Vec<usize> = Vec::new();
        for sentence in &summary.sentences {
            for doc in sentence.cited_documents() {
                if numbers[doc].is_none() {
                    cited.push(doc);
                    numbers[doc] = Some(cited.len());
                }
            }
        }
        CitationNumbers { numbers, cited }
    }
}

/// The briefing's paragraphs: runs of consecutive sentences whose first
/// source is the same document.
pub(crate) fn paragraphs(summary: &Summary) -> Vec<&[SummarySentence]> {
    let first_source = |s: &SummarySentence| s.citations.first().map(|c| c.document);
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for i in 1..=summary.sentences.len() {
        let ends = i == summary.sentences.len()
            || first_source(&summary.sentences[i]) != first_source(&summary.sentences[i - 1]);
        if ends {
            paragraphs.push(&summary.sentences[start..i]);
            start = i;
        }
    }
    paragraphs
}

/// One document set aside, as the notes of the briefings show it.
pub(crate) struct SetAsideNote {
    /// Its title, else its id.
    pub title: String,
    /// Its path, or its id when it has a title and no path.
    pub locator: Option<String>,
    /// Why it was set aside.
    pub reason: String,
}

/// Every document set aside, in input order.
pub(crate) fn set_aside_notes(summary: &Summary) -> Vec<SetAsideNote> {
    summary
        .set_aside
        .iter()
        .map(|s| {
            let document = &summary.documents[s.document];
            let locator = match (&document.path, &document.title) {
                (Some(path), _) => Some(path.display().to_string()),
                (None, Some(_)) => Some(document.id.clone()),
                (None, None) => None,
            };
            SetAsideNote {
                title: document.display_title().to_owned(),
                locator,
                reason: s.reason.to_string(),
            }
        })
        .collect()
}
/// Writes the summary as one JSON object (pretty-printed unless `compact`),
/// followed by a newline.
pub fn write_json(summary: &Summary, compact: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let wire = wire::to_wire(summary);
    if compact {
        serde_json::to_writer(&mut *out, &wire)?;
    } else {
        serde_json::to_writer_pretty(&mut *out, &wire)?;
    }
    writeln!(out)
}

/// Writes the summary, made from `documents` (in the order given to the
/// summarizer; only the HTML page reads them, for their texts), in `format`.
/// The page's title is [`html::default_title`].
pub fn write(
    summary: &Summary,
    documents: &[Document],
    format: OutputFormat,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        OutputFormat::Markdown => markdown::write(summary, out),
        OutputFormat::Text => write_text(summary, out),
        OutputFormat::Json => write_json(summary, false, out),
        OutputFormat::Html => html::write(summary, documents, &html::default_title(documents), out),
    }
}

#[cfg(test)]
mod overview_tests {
    use super::Overview;

    /// Web pages are named by their site, once per site; other documents
    /// by title.
    #[test]
    fn the_overview_names_web_pages_by_site() {
        let page = |id: &str, text: &str| {
            let html = format!(
                "<html><head><meta property=\"og:site_name\" content=\"Riverton Times\"></head>\
                 <body><article><p>{text}</p></article></body></html>"
            );
            crate::Document::from_bytes(
                id,
                None,
                html.as_bytes(),
                Some(crate::ingest::Format::Html),
            )
            .unwrap()
            .0
        };
        let docs = [
            page(
                "a.html",
                "The flood barrier in Riverton held on Tuesday night.",
            ),
            page(
                "b.html",
                "Riverton's flood barrier held as the river rose on Tuesday.",
            ),
            crate::Document::from_text(
                "c.txt",
                "Flood barrier holds\n\nThe Riverton flood barrier held on Tuesday as water rose.",
            ),
        ];
        let summary = crate::Summarizer::default()
            .summarize(&crate::Request::new(docs.to_vec()))
            .unwrap();
        assert_eq!(
            Overview::of(&summary).sources,
            ["Riverton Times", "Flood barrier holds"]
        );
    }

    #[test]
    fn the_overview_round_trips_and_reads_as_one_line() {
        let overview = Overview {
            documents: 3,
            set_aside: 1,
            already_read: 0,
            dates: Some(["14 March 2021".into(), "15 March 2021".into()]),
            sources: vec!["Floods in Riverton".into(), "b.txt".into()],
        };
        let json = serde_json::to_string(&overview).unwrap();
        assert_eq!(serde_json::from_str::<Overview>(&json).unwrap(), overview);
        assert_eq!(
            overview.line(),
            "3 documents (1 set aside) · dated 14 March 2021 to 15 March 2021 · sources: Floods in Riverton; b.txt"
        );
        let read = Overview {
            already_read: 2,
            ..overview.clone()
        };
        assert!(read
            .line()
            .starts_with("3 documents (1 set aside) · 2 already read · dated"));
        let json = serde_json::to_string(&read).unwrap();
        assert_eq!(serde_json::from_str::<Overview>(&json).unwrap(), read);
        let undated = Overview {
            dates: None,
            ..overview
        };
        let json = serde_json::to_string(&undated).unwrap();
        assert!(!json.contains("dates"));
        assert_eq!(serde_json::from_str::<Overview>(&json).unwrap(), undated);
    }
}
