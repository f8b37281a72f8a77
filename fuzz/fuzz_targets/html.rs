//! Any text through HTML extraction: never a panic, the map covers the text,
//! and every non-space ASCII character that maps to one byte maps to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use precis::ingest::html;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let extracted = html::extract(&source);
    let text = &extracted.text;
    assert_eq!(extracted.map.text_len(), text.len());
    let mut last = 0;
    for (i, c) in text.char_indices() {
        let span = extracted.map.map_span(i..i + c.len_utf8());
        assert!(span.end <= source.len(), "{span:?} outside {} bytes", source.len());
        assert!(span.start >= last, "spans go backwards at text offset {i}");
        last = span.start;
        if c.is_ascii_graphic() && span.len() == 1 {
            assert_eq!(source.as_bytes()[span.start], c as u8, "text offset {i}");
        }
    }
    if let Some(title) = &extracted.title {
        assert!(!title.trim().is_empty());
    }
});
