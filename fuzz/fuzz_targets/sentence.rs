//! Any text through line splitting, long-run cutting and segmentation: spans
//! are ordered, trimmed, non-empty, on character boundaries, and bounded.
#![no_main]

use libfuzzer_sys::fuzz_target;
use precis::text::{segment, sentence, SentenceKind};
use precis::Document;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    for line in text.split('\n') {
        let mut previous_end = 0;
        for span in sentence::split_line(line) {
            assert!(span.start >= previous_end && span.start < span.end && span.end <= line.len());
            let s = &line[span.clone()];
            assert_eq!(s, s.trim(), "untrimmed sentence");
            previous_end = span.end;
            for piece in sentence::cut_long(line, span.clone(), 16) {
                assert!(piece.start >= span.start && piece.end <= span.end);
                assert!(line.is_char_boundary(piece.start) && line.is_char_boundary(piece.end));
                // A piece exceeds the cap only by a single wide character.
                assert!(piece.len() <= 16 || line[piece.clone()].chars().count() == 1);
            }
        }
    }
    let docs = [Document::from_text("fuzz", text)];
    let segmented = segment(&docs);
    for s in &segmented.sentences {
        let sentence_text = s.text(&docs);
        assert!(!sentence_text.is_empty());
        assert!(s.span.len() <= sentence::MAX_SENTENCE_BYTES + 3);
        if s.kind == SentenceKind::Prose {
            assert!(!sentence_text.contains('\n'));
        }
    }
});
