//! Any bytes through decoding (and, by the first byte, HTML extraction):
//! never a panic, and every text span maps inside the source, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use precis::ingest::{Document, Format};

/// Past every byte limit decoding has (the 8 KiB sniff, the 4 KiB charset
/// scan, the 256 KiB site-name scan of HTML), which inputs of libFuzzer's
/// usual few KiB never reach.
const LONG: usize = (256 << 10) + 4096;

fuzz_target!(|data: &[u8]| {
    // First byte 3 or 4: the rest repeated past LONG, as HTML or sniffed, so
    // that whatever the fuzzer puts there straddles each limit.
    let long;
    let (format, bytes) = match data.split_first() {
        Some((0, rest)) => (Some(Format::Html), rest),
        Some((1, rest)) => (Some(Format::Markdown), rest),
        Some((2, rest)) => (None, rest),
        Some((first @ (3 | 4), rest)) if !rest.is_empty() => {
            long = rest.repeat(LONG / rest.len() + 1);
            (if *first == 3 { Some(Format::Html) } else { None }, &long[..])
        }
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
