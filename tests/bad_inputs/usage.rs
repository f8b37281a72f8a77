//! Usage errors exit 2 with a message; help documents the exit codes and limits.

use crate::util::*;

#[test]
fn no_input_at_all() {
    let scratch = Scratch::new();
    let run = precis(scratch.path(), &["brief"]);
    run.expect(2, &["INPUT"]);
}

#[test]
fn zero_budget_is_a_usage_error() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    let run = precis(scratch.path(), &["brief", "in", "--words", "0"]);
    run.expect(2, &["--words"]);
    assert!(run.stdout.is_empty());
}

#[test]
fn unknown_format_is_a_usage_error() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    let run = precis(scratch.path(), &["brief", "in", "--format", "pdf"]);
    run.expect(2, &["pdf"]);
}

#[test]
fn out_of_range_setting_is_a_usage_error() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    let run = precis(scratch.path(), &["brief", "in", "--lambda", "7"]);
    run.expect(2, &["lambda"]);
}

#[test]
fn a_setting_that_is_not_a_number_is_a_usage_error() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    for (flag, needle) in [
        ("--centrality", "centrality"),
        ("--length-exponent", "length exponent"),
        ("--unigram-weight", "unigram weight"),
        ("--document-exponent", "document exponent"),
        ("--lead-fraction", "lead fraction"),
    ] {
        let run = precis(
            scratch.path(),
            &["brief", "in", "--objective", "coverage", flag, "nan"],
        );
        run.expect(2, &[needle]);
    }
}

#[test]
fn question_and_novelty_settings_out_of_range_are_usage_errors() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    for (flag, value, needle) in [
        ("--question-bias", "7", "question bias"),
        ("--quotation-weight", "2", "quotation weight"),
        ("--concept-relevance", "nan", "concept relevance"),
        ("--question-expansion", "nan", "expansion weight"),
        ("--novelty", "nan", "novelty exponent"),
    ] {
        let run = precis(scratch.path(), &["brief", "in", flag, value]);
        run.expect(2, &[needle]);
    }
}

#[test]
fn help_documents_exit_codes_and_limits() {
    let scratch = Scratch::new();
    for args in [&["--help"][..], &["brief", "--help"]] {
        let run = precis(scratch.path(), args);
        run.expect(0, &[]);
        for needle in [
            "Exit codes:",
            "0  ",
            "1  ",
            "2  ",
            "Limits:",
            "16 MiB",
            "512 MiB of files in all",
            "2000 bytes",
        ] {
            assert!(
                run.stdout.contains(needle),
                "{args:?} help lacks {needle:?}:\n{}",
                run.stdout
            );
        }
    }
}
