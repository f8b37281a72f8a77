//! PDF text: glyphs with their positions from the `pdf_oxide` crate (which
//! decodes fonts, ToUnicode maps, encryption with an empty password and the
//! stream filters), laid out into reading text by [`layout`].
//!
//! What gives no text says why: encrypted with a password, image-only
//! ("scanned? no text layer"), or damaged beyond repair.

pub(crate) mod layout;

pub(crate) use layout::PagedText;
use layout::{Glyph, PageGlyphs};

/// The most pages read from one file; the text of longer files is cut there
/// (no document worth summarizing is longer, and each page costs time).
pub(crate) const MAX_PAGES: usize = 5_000;

/// What of a PDF was left unread.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Unread {
    /// Glyphs stopped being collected at the size limit.
    pub(crate) past_size_limit: bool,
    /// The file's page count, when it has more than [`MAX_PAGES`].
    pub(crate) pages_over_cap: Option<usize>,
}

/// The reading text of a PDF file and where its pages start, or why it has
/// none. Glyphs stop being collected once they would give more than
/// `max_bytes` of text, and pages after the [`MAX_PAGES`]th are not read;
/// the second value says what was left.
pub(crate) fn extract(bytes: Vec<u8>, max_bytes: usize) -> Result<(PagedText, Unread), String> {
    let document = pdf_oxide::PdfDocument::from_bytes(bytes)
        .map_err(|err| format!("damaged beyond repair ({})", short(&err.to_string())))?;
    if document.is_encrypted() && !document.is_authenticated() {
        return Err("encrypted with a password; no text".into());
    }
    let count = document.page_count().map_err(|err| {
        format!(
            "damaged beyond repair (no page tree: {})",
            short(&err.to_string())
        )
    })?;
    let mut pages = Vec::with_capacity(count.min(MAX_PAGES));
    let mut collected = 0usize;
    let mut unread = Unread {
        past_size_limit: false,
        pages_over_cap: (count > MAX_PAGES).then_some(count),
    };
    let mut page_errors = 0usize;
    let mut first_error = None;
    for index in 0..count.min(MAX_PAGES) {
        if collected > max_bytes {
            unread.past_size_limit = true;
            break;
        }
        let (bottom, top) = match document.get_page_media_box(index) {
            Ok((_, y0, _, y1)) if y0.is_finite() && y1.is_finite() => (y0.min(y1), y0.max(y1)),
            _ => (0.0, 0.0),
        };
        let glyphs = match glyphs_in_drawing_order(&document, index) {
            Ok(glyphs) => glyphs,
            Err(err) => {
                page_errors += 1;
                first_error.get_or_insert_with(|| err.to_string());
                pages.push(PageGlyphs::default());
                continue;
            }
        };
        collected += glyphs.len();
        pages.push(PageGlyphs {
            glyphs,
            bottom,
            top,
        });
    }
    let text = layout::layout(&pages);
    if text.text.trim().is_empty() {
        if page_errors > 0 && page_errors == pages.len() {
            let reason = first_error.unwrap_or_default();
            return Err(format!("damaged beyond repair ({})", short(&reason)));
        }
        if document.is_encrypted() {
            return Err("encrypted; no text could be decrypted".into());
        }
        return Err(format!(
            "scanned? no text layer ({} page{}; OCR is not done)",
            pages.len(),
            if pages.len() == 1 { "" } else { "s" }
        ));
    }
    let mut text = text;
    text.date = creation_date(&document);
    Ok((text, unread))
}

/// The `CreationDate` of the file's document information dictionary.
fn creation_date(document: &pdf_oxide::PdfDocument) -> Option<crate::date::ExplicitDate> {
    let info = document.trailer().as_dict()?.get("Info")?;
    let info = document.resolve_object(info).ok()?;
    let date = info.as_dict()?.get("CreationDate")?;
    let date = document.resolve_object(date).ok()?;
    crate::date::ExplicitDate::from_iso(&String::from_utf8_lossy(date.as_string()?))
}

/// A page's glyphs in the order its content stream draws them. The crate's
/// character list is sorted top to bottom, left to right, which interleaves
/// the lines of side-by-side columns; its text runs (spans) keep their
/// drawing sequence, so the runs are put back in that order and split into
/// glyphs spread evenly over each run's box.
fn glyphs_in_drawing_order(
    document: &pdf_oxide::PdfDocument,
    index: usize,
) -> pdf_oxide::Result<Vec<Glyph>> {
    let mut spans = document.extract_spans(index)?;
    spans.sort_by_key(|span| span.sequence);
    let mut glyphs = Vec::new();
    for span in &spans {
        let count = span.text.chars().count().max(1) as f32;
        let advance = span.bbox.width / count;
        for (i, c) in span.text.chars().enumerate() {
            glyphs.push(Glyph {
                text: c,
                x: span.bbox.x + advance * i as f32,
                y: span.bbox.y,
                width: advance,
                size: span.font_size,
            });
        }
    }
    Ok(glyphs)
}

/// The first line of a crate's error message, at most 160 characters.
fn short(message: &str) -> String {
    let line = message.lines().next().unwrap_or("").trim();
    match line.char_indices().nth(160) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line.to_owned(),
    }
}
