//! Any bytes as a PDF file: never a panic that escapes, never a hang past the
//! time budget; text offsets of pages are in order and inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use precis::ingest::{Document, Format, IngestOptions};

fuzz_target!(|data: &[u8]| {
    let options = IngestOptions {
        reader_time_budget: std::time::Duration::from_secs(5),
        ..IngestOptions::default()
    };
    let Ok((doc, _notes)) = Document::from_container("fuzz", None, data.to_vec(), Format::Pdf, &options) else {
        return;
    };
    assert!(doc.text.len() <= options.max_document_bytes);
    let mut previous = 0;
    for &start in &doc.page_starts {
        assert!(start >= previous && start <= doc.text.len(), "{:?}", doc.page_starts);
        assert!(doc.text.is_char_boundary(start));
        previous = start;
    }
});
