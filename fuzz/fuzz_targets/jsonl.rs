//! Any bytes as a JSON Lines batch: the capped line reader, record parsing
//! and summarizing. Never a panic; one valid JSON output line per input line,
//! numbered in order; every cited span holds its sentence in the record's text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use precis::batch::{parse, process_line, LineContent, LineReader};
use precis::text::clean::line_key;
use precis::{Budget, Config, Summarizer};

/// Small, so that the fuzzer also meets over-long lines.
const MAX_RECORD_BYTES: usize = 512;

fuzz_target!(|data: &[u8]| {
    let mut config = Config::default();
    config.select.budget = Budget::Sentences(3);
    let summarizer = Summarizer::new(config).expect("3 sentences is a valid budget");
    let mut expected = 1;
    for line in LineReader::new(data, MAX_RECORD_BYTES) {
        let Ok(line) = line else {
            panic!("reading from memory cannot fail");
        };
        assert_eq!(line.number, expected, "line numbers skip");
        expected += 1;
        if let LineContent::Bytes(bytes) = &line.content {
            assert!(bytes.len() <= MAX_RECORD_BYTES);
            assert!(!bytes.contains(&b'\n'));
        }
        let processed = process_line(&summarizer, &line, MAX_RECORD_BYTES);
        assert_eq!(processed.line, line.number);
        assert!(!processed.json.contains('\n'), "output must stay one line");
        let out: serde_json::Value =
            serde_json::from_str(&processed.json).expect("output line is JSON");
        if processed.error.is_some() {
            assert_eq!(out["line"], line.number);
            assert!(out["error"].as_str().is_some_and(|e| !e.is_empty()));
            continue;
        }
        let LineContent::Bytes(bytes) = &line.content else {
            panic!("an over-long line was summarized");
        };
        let request = parse(bytes).expect("a summarized line parses");
        let documents = &request.documents;
        for sentence in out["sentences"].as_array().into_iter().flatten() {
            let text = sentence["text"].as_str().expect("sentence text");
            for source in sentence["sources"].as_array().into_iter().flatten() {
                let id = source["document"].as_str().expect("document id");
                let doc = documents.iter().find(|d| d.id == id).expect("cited document");
                let span = &source["span"];
                let (start, end) = (
                    span[0].as_u64().expect("start") as usize,
                    span[1].as_u64().expect("end") as usize,
                );
                let cited = doc.text.get(start..end).expect("span inside the text, on char boundaries");
                assert_eq!(line_key(cited), line_key(text));
            }
        }
    }
    // One output line per input line: the count of line ends, plus a last
    // line without one.
    let lines = data.iter().filter(|&&b| b == b'\n').count()
        + usize::from(!data.is_empty() && !data.ends_with(b"\n"));
    assert_eq!(expected - 1, lines);
});
