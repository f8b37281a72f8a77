//! The resource limits: the sentence length limit
//! ([`precis::text::sentence::MAX_SENTENCE_BYTES`]), the document size limit
//! ([`precis::ingest::DEFAULT_MAX_DOCUMENT_BYTES`]) and the cluster size limit
//! ([`precis::ingest::DEFAULT_MAX_CLUSTER_BYTES`]), each with its message, and
//! a bound on memory for a 50 MB file without line breaks or punctuation.

use std::io::Write;

use precis::ingest::{self, IngestOptions, Input};
use precis::text::sentence::MAX_SENTENCE_BYTES;
use precis::Severity;

use crate::util::*;

/// Writes `size` bytes of words without a line break or sentence punctuation.
fn write_unpunctuated(path: &std::path::Path, size: usize) {
    let file = std::fs::File::create(path).expect("create");
    let mut out = std::io::BufWriter::new(file);
    let words = [
        "status", "request", "value", "entry", "user", "timeout", "alpha",
    ];
    let mut written = 0;
    let mut i = 0usize;
    while written < size {
        let word = format!("{}{} ", words[i % words.len()], i % 997);
        let word = &word[..word.len().min(size - written)];
        out.write_all(word.as_bytes()).expect("write");
        written += word.len();
        i += 1;
    }
    out.flush().expect("flush");
}

/// Runs precis under an address-space limit (`ulimit -v`, in KiB): the run
/// fails if it needs more memory than that.
fn precis_limited(cwd: &std::path::Path, kib: u64, args: &str) -> Run {
    let binary = assert_cmd::cargo::cargo_bin("precis");
    let script = format!("ulimit -v {kib} && exec '{}' {args}", binary.display());
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(cwd)
        .output()
        .expect("run sh");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// 50 MB on one line without punctuation: read up to the document size limit
/// (cut between characters), cut into pieces at the sentence length limit,
/// noted, never quoted, and within 1 GiB of address space (peak RSS measured
/// on a release build: see docs/benchmarks.md, Robustness).
#[test]
fn fifty_megabytes_without_newline_or_punctuation() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    write_unpunctuated(&scratch.path().join("in/huge.txt"), 50_000_000);
    let run = precis_limited(scratch.path(), 1 << 20, "brief --format json in");
    run.expect(
        0,
        &[
            "warning: in/huge.txt: larger than the document size limit (16777216 bytes)",
            "note: in/huge.txt",
            "sentence length limit",
            &format!("{MAX_SENTENCE_BYTES} bytes"),
        ],
    );
    assert!(!run.stderr.contains("UTF-8"), "{run:#?}");
    let json = assert_good_summarized(&run, scratch.path());
    assert_eq!(cited_ids(&json), ["good-a.txt", "good-b.txt"]);
}

#[test]
fn one_megabyte_sentence() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    let mut sentence = "The G20 leaders met in Antalya and ".repeat(30_000);
    sentence.truncate(1 << 20);
    sentence.push_str(" talked.\n");
    scratch.write("in/run-on.txt", &sentence);
    let run = brief_json(scratch.path(), &["in"]);
    run.expect(
        0,
        &["note: in/run-on.txt", "sentence length limit (2000 bytes)"],
    );
    let json = assert_good_summarized(&run, scratch.path());
    for s in json["sentences"].as_array().into_iter().flatten() {
        assert!(s["text"].as_str().map_or(0, str::len) <= MAX_SENTENCE_BYTES);
    }
}

#[test]
fn long_run_beside_prose_in_one_document() {
    let scratch = Scratch::new();
    let text = format!(
        "{}\n{}\n",
        GOOD_A.trim(),
        "and then ".repeat(MAX_SENTENCE_BYTES / 3)
    );
    scratch.write("mixed.txt", text);
    let run = brief_json(scratch.path(), &["mixed.txt"]);
    run.expect(
        0,
        &[
            "note: mixed.txt",
            "1 run(s)",
            "sentence length limit",
            "never quoted",
        ],
    );
    assert_spans(&run.json(), scratch.path(), &utf8_only);
}

/// The document size limit, through the library with a small limit (the
/// default, 16 MiB, is exercised by `fifty_megabytes_without_newline_or_punctuation`
/// and `two_hundred_megabyte_log`).
#[test]
fn document_over_the_size_limit_is_cut_with_a_message() {
    let scratch = Scratch::new();
    let mut text = String::new();
    while text.len() < 3 << 20 {
        text.push_str(GOOD_A);
    }
    let path = scratch.write("big.txt", &text);
    let options = IngestOptions {
        max_document_bytes: 1 << 20,
        ..IngestOptions::default()
    };
    let loaded = ingest::load(&[Input::Path(path)], &options).expect("load");
    let warning = &loaded.warnings[0];
    assert_eq!(warning.severity, Severity::Recovered);
    assert!(warning.subject.ends_with("big.txt"));
    assert!(
        warning
            .message
            .contains("document size limit (1048576 bytes)"),
        "{warning}"
    );
    let doc = &loaded.documents[0];
    assert!(doc.text.len() <= 1 << 20 && doc.text.ends_with('\n'));
}

/// 200 MB of log lines: read up to the 16 MiB limit, cut at a line break,
/// with a message. Slow in a debug build: run with `cargo test --release -- --ignored`.
#[test]
#[ignore = "writes 200 MB and ranks 280,000 lines; run with --release -- --ignored"]
fn two_hundred_megabyte_log() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    {
        let file = std::fs::File::create(scratch.path().join("in/server.txt")).expect("create");
        let mut out = std::io::BufWriter::new(file);
        let mut written = 0usize;
        let mut i = 0usize;
        while written < 200_000_000 {
            let line = format!(
                "2015-11-15 10:{:02}:{:02} GET /api/item/{i} status 200 in {} ms\n",
                i / 60 % 60,
                i % 60,
                i % 997
            );
            out.write_all(line.as_bytes()).expect("write");
            written += line.len();
            i += 1;
        }
        out.flush().expect("flush");
    }
    let run = precis_limited(scratch.path(), 4 << 20, "brief --format json in");
    run.expect(
        0,
        &["in/server.txt", "document size limit", "only the first"],
    );
    assert_good_summarized(&run, scratch.path());
}

/// More files than the cluster size limit holds: the files in order up to the
/// limit are read, the rest are left out with one warning naming the first of
/// them. The large files are sparse (16 MiB of NUL bytes each, nothing on
/// disk): binary, so they are also left out, each with its own message.
#[test]
fn files_past_the_cluster_size_limit_are_left_out() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    let file_size = ingest::DEFAULT_MAX_DOCUMENT_BYTES as u64;
    let fit = ingest::DEFAULT_MAX_CLUSTER_BYTES / file_size;
    for i in 0..fit + 2 {
        let path = scratch.path().join(format!("in/sparse-{i:02}.txt"));
        std::fs::File::create(&path)
            .and_then(|f| f.set_len(file_size))
            .expect("sparse file");
    }
    let run = brief_json(scratch.path(), &["in"]);
    // The good documents come first and are small: all but one of `fit` large
    // files still fit after them.
    let first_left_out = format!("warning: in/sparse-{:02}.txt", fit - 1);
    run.expect(
        1,
        &[
            &first_left_out,
            &format!(
                "cluster size limit ({} MiB): this file and the 2 after it were left out",
                ingest::DEFAULT_MAX_CLUSTER_BYTES >> 20
            ),
        ],
    );
    // The files read are named (binary); the last one, never read, is not.
    let last = format!("in/sparse-{:02}.txt:", fit + 1);
    assert!(
        run.stderr.contains("in/sparse-00.txt") && !run.stderr.contains(&last),
        "{run:#?}"
    );
    assert_good_summarized(&run, scratch.path());
}
