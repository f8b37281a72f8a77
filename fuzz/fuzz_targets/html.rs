//! Any text through HTML extraction (short, or repeated past 256 KiB): never
//! a panic, the map covers the text, and every non-space ASCII character that
//! maps to one byte maps to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use precis::ingest::html;

/// Past the 256 KiB site-name scan, which libFuzzer's usual few-KiB inputs
/// never reach.
const LONG: usize = (256 << 10) + 4096;

fuzz_target!(|data: &[u8]| {
    // First byte 0xFF: the rest repeated past LONG, so that whatever the
    // fuzzer puts there straddles the limit.
    let source = match data.split_first() {
        Some((0xFF, rest)) if !rest.is_empty() => {
            String::from_utf8_lossy(&rest.repeat(LONG / rest.len() + 1)).into_owned()
        }
        _ => String::from_utf8_lossy(data).into_owned(),
    };
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
