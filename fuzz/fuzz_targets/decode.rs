//! Any bytes through decoding (and, by the first byte, HTML extraction):
//! never a panic, and every text span maps inside the source, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use precis::ingest::{Document, Format};

fuzz_target!(|data: &[u8]| {
    let (format, bytes) = match data.split_first() {
        Some((0, rest)) => (Some(Format::Html), rest),
        Some((1, rest)) => (Some(Format::Markdown), rest),
        Some((2, rest)) => (None, rest),
        _ => (Some(Format::Text), data),
    };
    let Ok((doc, _note)) = Document::from_bytes("fuzz", None, bytes, format) else {
        return;
    };
    let text = &doc.text;
    let mut previous_end = 0;
    let mut last = 0;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if i == text.len() {
            break;
        }
        let span = doc.file_span(i..i + c.len_utf8());
        assert!(span.start <= span.end && span.end <= bytes.len(), "{span:?} outside {} bytes", bytes.len());
        assert!(span.start >= last, "spans go backwards at text offset {i}");
        last = span.start;
        previous_end = previous_end.max(span.end);
    }
    let whole = doc.file_span(0..text.len());
    assert!(whole.end <= bytes.len());
    if doc.spans_are_verbatim() {
        assert_eq!(&bytes[..text.len()], text.as_bytes());
    }
});
