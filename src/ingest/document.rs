//! One input document: its text, where it came from, and the map from its
//! text back to the bytes of its source.

use std::ops::Range;
use std::path::PathBuf;

use super::decode::{self, Decoding};
use super::load::cut_point;
use super::offsets::{OffsetMap, SourceMap};
use super::{guard, html, office, pdf, Format, IngestOptions};
use crate::error::Unreadable;

/// One input document: its decoded text and where it came from.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Document {
    /// A stable identifier: the path relative to the input folder, the file
    /// name as given, `stdin`, or a batch record's document id.
    pub id: String,
    /// The file it was read from, if any.
    pub path: Option<PathBuf>,
    /// What kind of text the source held.
    pub format: Format,
    /// A title found by extraction (an HTML headline), if any.
    pub title: Option<String>,
    /// The site a web page says it is from (`og:site_name`, else its
    /// canonical host), if any.
    pub site: Option<String>,
    /// The text every later stage works on; sentence spans index into it.
    pub text: String,
    /// From text offsets back to the bytes of the source.
    pub source_map: SourceMap,
    /// For a paged source (PDF): the offset in `text` where each page starts
    /// (`page_starts[0]` is page 1). Empty for sources without pages.
    pub page_starts: Vec<usize>,
    /// The language the text is in, when given (`--language`, a record's
    /// `language` field); `None` has it detected.
    pub language: Option<crate::language::Language>,
    /// The date the source gives itself: an HTML page's publication date,
    /// a PDF or Word file's creation date. `None` where it gives none; a
    /// plain text's own date is read from its text by the summarizer.
    pub date: Option<crate::date::ExplicitDate>,
}

impl Document {
    /// A document from text already in memory (offsets into `text` are the source offsets).
    ///
    /// ```
    /// let doc = precis::Document::from_text("a", "One sentence. Another one.");
    /// assert_eq!(doc.file_span(4..12), 4..12);
    /// ```
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let map = OffsetMap::identity(text.len(), 0);
        Document {
            id: id.into(),
            path: None,
            format: Format::Text,
            title: None,
            text,
            source_map: SourceMap::new(vec![map]),
            page_starts: Vec::new(),
            language: None,
            site: None,
            date: None,
        }
    }

    /// A document from a PDF, Word or OpenDocument file's bytes: its text
    /// extracted within the time budget and the document size limit. Spans
    /// of such a document are offsets in that text (byte offsets inside the
    /// file would mean nothing to a reader). Returns notes on what was cut,
    /// or the reason there is no text.
    pub fn from_container(
        id: impl Into<String>,
        path: Option<PathBuf>,
        bytes: Vec<u8>,
        format: Format,
        options: &IngestOptions,
    ) -> std::result::Result<(Document, Vec<String>), Unreadable> {
        let max_bytes = options.max_document_bytes;
        let kind = match format {
            Format::Docx => "Word document",
            Format::Odt => "OpenDocument text",
            _ => "PDF",
        };
        let extracted = match format {
            Format::Docx | Format::Odt => {
                let office_format = if format == Format::Docx {
                    office::OfficeFormat::Docx
                } else {
                    office::OfficeFormat::Odt
                };
                guard::guarded(options.reader_time_budget, move || {
                    office::extract(&bytes, office_format, max_bytes).map(|text| {
                        let paged = pdf::PagedText {
                            text,
                            page_starts: Vec::new(),
                            date: office::created(&bytes, office_format),
                        };
                        (paged, pdf::Unread::default())
                    })
                })
            }
            _ => guard::guarded(options.reader_time_budget, move || {
                pdf::extract(bytes, max_bytes)
            }),
        };
        let (mut paged, unread) = extracted.map_err(|reason| Unreadable {
            reason: format!("{kind}: {reason}"),
        })?;
        let mut notes = Vec::new();
        if let Some(pages) = unread.pages_over_cap {
            notes.push(format!(
                "it has {pages} pages; only the first {} were read",
                pdf::MAX_PAGES
            ));
        }
        let mut cut = unread.past_size_limit;
        if paged.text.len() > max_bytes {
            let at = cut_point(paged.text.as_bytes(), max_bytes);
            paged.text.truncate(at);
            paged.page_starts.retain(|&start| start <= at);
            cut = true;
        }
        if cut {
            notes.push(format!(
                "its text passes the document size limit ({max_bytes} bytes); only the first \
                 {} bytes of text were read",
                paged.text.len()
            ));
        }
        let map = OffsetMap::identity(paged.text.len(), 0);
        let document = Document {
            id: id.into(),
            path,
            format,
            title: None,
            text: paged.text,
            source_map: SourceMap::new(vec![map]),
            page_starts: paged.page_starts,
            language: None,
            site: None,
            date: paged.date,
        };
        Ok((document, notes))
    }

    /// The 1-based page that holds text offset `offset`, for paged sources.
    ///
    /// ```
    /// let mut doc = precis::Document::from_text("a", "Page one.\n\nPage two.");
    /// assert_eq!(doc.page_at(3), None);
    /// doc.page_starts = vec![0, 11];
    /// assert_eq!((doc.page_at(3), doc.page_at(11)), (Some(1), Some(2)));
    /// ```
    pub fn page_at(&self, offset: usize) -> Option<u32> {
        if self.page_starts.is_empty() {
            return None;
        }
        let pages_started = self.page_starts.partition_point(|&start| start <= offset);
        u32::try_from(pages_started.max(1)).ok()
    }

    /// A document from a source's bytes: decoded, and for HTML reduced to article
    /// text. Returns a note when the encoding had to be recovered, or the reason
    /// the bytes are not text.
    pub fn from_bytes(
        id: impl Into<String>,
        path: Option<PathBuf>,
        bytes: &[u8],
        format: Option<Format>,
    ) -> std::result::Result<(Document, Option<String>), Unreadable> {
        let mut decoded = match decode::decode(bytes) {
            Decoding::Text(decoded) => decoded,
            Decoding::Binary(reason) => return Err(Unreadable { reason }),
        };
        let format = format.unwrap_or_else(|| Format::sniff(&decoded.text));
        // A page that is not UTF-8 is read in the encoding it declares, if any.
        let guessed = matches!(
            decoded.encoding,
            decode::Encoding::Windows1252 | decode::Encoding::Utf8Lossy { .. }
        );
        if format == Format::Html && guessed {
            if let Some(declared) = decode::declared_charset(bytes) {
                decoded = decode::decode_as(bytes, declared);
            }
        }
        let note = decoded.recovery_note();
        // Transcoded text never equals its source bytes, even where a run of
        // characters has the same length in both encodings; HTML extraction
        // rewrites whitespace and entities, even where the offsets agree.
        let altered = decoded.blanked > 0
            || !matches!(decoded.encoding, decode::Encoding::Utf8 { .. })
            || format == Format::Html;
        let mut document = match format {
            Format::Html => {
                let extracted = html::extract(&decoded.text);
                Document {
                    id: id.into(),
                    path,
                    format,
                    title: extracted.title,
                    site: extracted.site,
                    date: extracted.date,
                    text: extracted.text,
                    source_map: SourceMap::new(vec![decoded.map, extracted.map]),
                    page_starts: Vec::new(),
                    language: None,
                }
            }
            Format::Text | Format::Markdown => Document {
                id: id.into(),
                path,
                format,
                title: None,
                text: decoded.text,
                source_map: SourceMap::new(vec![decoded.map]),
                page_starts: Vec::new(),
                language: None,
                site: None,
                date: None,
            },
            Format::Pdf | Format::Docx | Format::Odt => {
                return Err(Unreadable {
                    reason: format!(
                        "a {} file's bytes cannot be decoded as text; read it with Document::from_container",
                        format.name()
                    ),
                })
            }
        };
        if altered {
            document.source_map.mark_altered();
        }
        Ok((document, note))
    }

    /// The byte span in the source (file, stdin, record text) that holds `span` of [`Document::text`].
    pub fn file_span(&self, span: Range<usize>) -> Range<usize> {
        self.source_map.file_span(span)
    }

    /// Whether source spans equal text spans and hold the same bytes (plain
    /// UTF-8 without a BOM or blanked control characters).
    pub fn spans_are_verbatim(&self) -> bool {
        self.source_map.is_verbatim()
    }

    /// The path when there is one, else the id: how messages name the document.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(path) => path.display().to_string(),
            None => self.id.clone(),
        }
    }
}
