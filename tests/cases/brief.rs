use predicates::prelude::*;

use crate::util::{precis, stdout_of};

#[test]
fn markdown_is_the_default_with_citations_and_sources() {
    let text = stdout_of(&["brief", "corpora/g20"]);
    assert!(text.contains(" [1]") || text.contains(" [1, "), "{text}");
    assert!(text.contains("## Sources\n\n1. "), "{text}");
    assert!(text.contains("(`corpora/g20/"), "{text}");
}

#[test]
fn text_format_has_one_sentence_per_line_and_no_citations() {
    let text = stdout_of(&[
        "brief",
        "corpora/g20",
        "--sentences",
        "3",
        "--format",
        "text",
    ]);
    // The sentences, then (after a blank line) a note on each document set aside.
    let lines: Vec<&str> = text.lines().take_while(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 3, "{text}");
    let notes: Vec<&str> = text.lines().skip(4).collect();
    assert!(notes.iter().all(|l| l.starts_with("Set aside: ")), "{text}");
    assert!(lines.iter().all(|l| !l.contains("[1]") && !l.is_empty()));
}

#[test]
fn budgets_in_words_bytes_and_sentences_are_respected() {
    for (flag, n) in [("--words", 40usize), ("--bytes", 300), ("--sentences", 2)] {
        let text = stdout_of(&[
            "brief",
            "corpora/g20",
            flag,
            &n.to_string(),
            "--format",
            "text",
        ]);
        let sentences: Vec<&str> = text.lines().take_while(|l| !l.is_empty()).collect();
        assert!(!sentences.is_empty(), "{flag} {n}: empty summary");
        let used = match flag {
            "--words" => sentences.iter().map(|s| s.split_whitespace().count()).sum(),
            "--bytes" => sentences.join(" ").len(),
            _ => sentences.len(),
        };
        assert!(used <= n, "{flag} {n}: used {used}");
    }
}

#[test]
fn budget_flags_are_exclusive() {
    precis()
        .args(["brief", "corpora/g20", "--words", "10", "--sentences", "2"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
}

#[test]
fn stdin_is_one_document() {
    let article =
        "Leaders of twenty economies met in Antalya on Sunday to discuss the war in Syria.\n\
        The talks in Antalya focused on Syria, refugees and the attacks in Paris.\n\
        Security around the Antalya resort was tight throughout the summit.\n";
    precis()
        .args(["brief", "-", "--sentences", "1", "--format", "json"])
        .write_stdin(article)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"document\": \"stdin\""));
}

#[test]
fn help_explains_every_option_with_an_example() {
    let main_help = stdout_of(&["--help"]);
    for needle in ["brief", "Examples:", "Exit codes:", "--jobs"] {
        assert!(main_help.contains(needle), "precis --help lacks {needle}");
    }
    let help = stdout_of(&["brief", "--help"]);
    for option in [
        "--words",
        "--bytes",
        "--sentences",
        "--format",
        "--output",
        "--force",
        "--each",
        "--lambda",
        "--near-duplicate",
        "--min-words",
        "--max-words",
        "--position-bias",
        "--damping",
        "--similarity-threshold",
        "--idf",
        "--jobs",
        "--quiet",
    ] {
        let at = help
            .find(option)
            .unwrap_or_else(|| panic!("brief --help lacks {option}"));
        let entry_end = help[at..].find("\n  -").map_or(help.len(), |e| at + e);
        let entry = &help[at..entry_end];
        assert!(
            entry.contains("Example") || option == "--quiet",
            "brief --help: {option} has no example:\n{entry}"
        );
    }
}

#[test]
fn a_missing_input_alone_is_exit_2_with_the_path() {
    precis()
        .args(["brief", "no/such/folder"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("no/such/folder")
                .and(predicate::str::contains("no such file")),
        );
}

#[test]
fn a_missing_input_beside_good_ones_is_exit_1_and_the_rest_is_summarized() {
    precis()
        .args(["brief", "corpora/g20", "missing.txt", "--sentences", "1"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("missing.txt: no such file"))
        .stdout(predicate::str::contains("## Sources"));
}

#[test]
fn out_of_range_settings_are_usage_errors() {
    precis()
        .args(["brief", "corpora/g20", "--lambda", "1.5"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("lambda"));
}

#[test]
fn output_file_is_written_and_never_overwritten_without_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("briefing.md");
    let out_arg = out.to_str().expect("UTF-8 path");
    precis()
        .args(["brief", "corpora/g20", "-o", out_arg])
        .assert()
        .success()
        .stdout("");
    let first = std::fs::read_to_string(&out).expect("written");
    assert!(first.contains("## Sources"));
    std::fs::write(&out, "my notes").expect("write");
    precis()
        .args(["brief", "corpora/g20", "-o", out_arg])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("already exists").and(predicate::str::contains("--force")),
        );
    assert_eq!(std::fs::read_to_string(&out).expect("kept"), "my notes");
    precis()
        .args(["brief", "corpora/g20", "-o", out_arg, "--force"])
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&out).expect("replaced"), first);
    let leftovers = std::fs::read_dir(dir.path()).expect("list").count();
    assert_eq!(leftovers, 1, "temporary files left behind");
}

#[test]
fn output_never_goes_over_an_input_or_into_an_input_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("article.txt");
    std::fs::write(
        &input,
        "Leaders met in Antalya on Sunday to talk about Syria and refugees.",
    )
    .expect("write");
    let input_arg = input.to_str().expect("UTF-8 path");
    precis()
        .args(["brief", input_arg, "-o", input_arg, "--force"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is an input"));
    assert!(std::fs::read_to_string(&input)
        .expect("kept")
        .starts_with("Leaders met"));
    let dir_arg = dir.path().to_str().expect("UTF-8 path");
    let inside = dir.path().join("summary.md");
    precis()
        .args(["brief", dir_arg, "-o", inside.to_str().expect("UTF-8 path")])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("inside the input folder"));
    assert!(!inside.exists());
}

#[test]
fn html_input_is_reduced_to_article_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        "<html><head><title>Summit</title><script>var tracking = 1;</script></head><body>\
         <nav>Home | World | Politics</nav><article><h1>Leaders meet in Antalya</h1>\
         <p>Leaders of the G20 met in Antalya on Sunday &amp; discussed Syria at length.</p>\
         <p>The refugee crisis dominated the second day of the summit in Antalya.</p></article>\
         <footer>Copyright 2015</footer></body></html>",
    )
    .expect("write");
    let output = stdout_of(&["brief", page.to_str().expect("UTF-8"), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&output).expect("JSON");
    let sentences = json["sentences"].as_array().expect("sentences");
    assert!(!sentences.is_empty());
    let bytes = std::fs::read(&page).expect("read");
    for s in sentences {
        let text = s["text"].as_str().expect("text");
        assert!(
            !text.contains("tracking") && !text.contains("Copyright"),
            "{text}"
        );
        let span = &s["sources"][0]["span"];
        let (a, b) = (
            span[0].as_u64().expect("start") as usize,
            span[1].as_u64().expect("end") as usize,
        );
        // The file span covers the sentence's source, entities included.
        let source = String::from_utf8_lossy(&bytes[a..b]);
        assert!(
            source.starts_with(&text[..10]) && source.ends_with('.'),
            "{source} vs {text}"
        );
    }
    assert_eq!(json["documents"][0]["title"], "Leaders meet in Antalya");
}

/// A real article beside `items` one-line files, each the same sentence about
/// a different item: the summary must still fill its budget from the article,
/// whatever the graph's form (dense up to 1,500 sentences, factored above).
fn summary_beside_one_line_files(items: usize) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let article = crate::util::g20().join("004_1ac421c142957b20.txt");
    std::fs::copy(&article, dir.path().join("article.txt")).unwrap();
    for i in 0..items {
        std::fs::write(
            dir.path().join(format!("item{i:04}.txt")),
            format!("Item {i} was noted by officials at the summit.\n"),
        )
        .unwrap();
    }
    let out = stdout_of(&[
        "brief".as_ref(),
        dir.path().as_os_str(),
        "--words".as_ref(),
        "100".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    serde_json::from_str(&out).unwrap()
}

#[test]
fn thousands_of_near_identical_files_do_not_starve_the_summary() {
    let mut summaries = Vec::new();
    for items in [1500, 3000] {
        let summary = summary_beside_one_line_files(items);
        let words = summary["usage"]["words"].as_u64().unwrap();
        let sentences = summary["sentences"].as_array().unwrap();
        let from_article = sentences
            .iter()
            .filter(|s| s["sources"][0]["document"] == "article.txt")
            .count();
        assert!(words >= 80, "{items} files: {words} words");
        assert!(
            from_article >= 2,
            "{items} files: {from_article} article sentences"
        );
        assert!(
            sentences.len() - from_article <= 1,
            "{items} files: items repeated"
        );
        summaries.push((words, from_article));
    }
    assert_eq!(summaries[0], summaries[1]);
}

/// The overview's dates are the documents' own, never dates they mention:
/// 25 articles of 1998-2000 were "dated February 1996" because one of them
/// mentions that month.
#[test]
fn the_overview_dates_documents_by_their_own_dates_only() {
    let Some(docs) = crate::shared_data::shared_path("corpora/duc2006/D0601/docs") else {
        return;
    };
    let docs = docs.display().to_string();
    let out = stdout_of(&["brief", docs.as_str(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert!(
        json["overview"].get("dates").is_none(),
        "{}",
        json["overview"]
    );
    let markdown = stdout_of(&["brief", docs.as_str()]);
    assert!(!markdown.contains("1996"), "{markdown}");
    assert!(markdown.contains("no explicit dates"), "{markdown}");
}

/// A page's publication date, and a text's date line, date the briefing.
#[test]
fn the_overview_dates_pages_by_their_metadata_and_texts_by_their_top() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.html"),
        r#"<html><head><title>Summit</title><meta property="article:published_time" content="2015-11-15T09:00:00Z"></head>
<body><article><p>Leaders of the G20 met in Antalya to talk about Syria and the refugee crisis, which in 1999 was smaller.</p></article></body></html>"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Summit ends\n16 November 2015\n\nThe G20 summit in Antalya ended with talks on Syria and the refugee crisis.\n",
    )
    .unwrap();
    let path = dir.path().display().to_string();
    let markdown = stdout_of(&["brief", path.as_str()]);
    assert!(
        markdown.contains("dated 15 November 2015 to 16 November 2015"),
        "{markdown}"
    );
}
