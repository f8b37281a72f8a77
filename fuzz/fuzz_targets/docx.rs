//! Any bytes as a Word (first byte even) or OpenDocument (odd) file: a zip
//! bomb, a path trick or malformed XML gives an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use precis::ingest::{Document, Format, IngestOptions};

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let format = if first % 2 == 0 { Format::Docx } else { Format::Odt };
    let options = IngestOptions {
        max_document_bytes: 1 << 20,
        ..IngestOptions::default()
    };
    if let Ok((doc, _notes)) = Document::from_container("fuzz", None, rest.to_vec(), format, &options) {
        assert!(doc.text.len() <= options.max_document_bytes);
        assert!(doc.page_starts.is_empty());
    }
});
