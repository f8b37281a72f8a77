//! PDF, Word and OpenDocument inputs: text in reading order, pages cited,
//! spans into the text `precis read` prints, failures named per file.
//!
//! The fixtures in tests/fixtures/documents/ are built by
//! scripts/make-document-fixtures.py (headless Chromium; a few KB each).

use serde_json::Value;

use crate::util::{precis, repo, stdout_of};

fn fixture(name: &str) -> String {
    format!("tests/fixtures/documents/{name}")
}

/// The JSON records `precis read` prints for these inputs.
fn read_records(inputs: &[&str]) -> Vec<Value> {
    let mut args = vec!["read".to_string()];
    args.extend(inputs.iter().map(|i| fixture(i)));
    let output = precis().args(&args).output().expect("precis runs");
    String::from_utf8(output.stdout)
        .expect("UTF-8")
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect()
}

#[test]
fn pdf_text_keeps_the_body_and_drops_running_headers_and_footers() {
    let records = read_records(&["flood-barrier.pdf"]);
    let record = &records[0];
    assert_eq!(record["format"], "pdf");
    let text = record["text"].as_str().unwrap();
    assert!(
        text.starts_with("The river authority opened the new flood barrier on Tuesday"),
        "{text}"
    );
    // One paragraph per line, lines of a paragraph joined, compounds kept.
    assert!(text.contains("the well-known shortage of steel"), "{text}");
    assert!(
        text.contains("\n\nResidents who lost their homes"),
        "{text}"
    );
    // Chromium's header (date, title) and footer (file URL, "1/2") are gone.
    for furniture in ["file://", "1/2", "2/2", "Flood barrier opens", " PM"] {
        assert!(!text.contains(furniture), "{furniture:?} in {text}");
    }
    let starts: Vec<usize> = record["page_starts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap() as usize)
        .collect();
    assert_eq!(starts.len(), 2, "{record}");
    assert_eq!(starts[0], 0);
    assert!(starts[1] > 0 && starts[1] < text.len());
}

#[test]
fn two_columns_read_one_after_the_other() {
    let records = read_records(&["council-budget.pdf"]);
    let text = records[0]["text"].as_str().unwrap();
    assert_eq!(
        text,
        "The city council approved the budget for next year on Monday evening after a debate \
         that lasted well past midnight. The budget raises spending on schools and public \
         transport and cuts the money set aside for new roads.\n\nOpposition members said the \
         cuts would leave the ring road unfinished for another decade, while the mayor argued \
         that buses and trams would carry more people for the same money. The vote passed by \
         twenty-three votes to eighteen.\n"
    );
}

#[test]
fn word_and_opendocument_give_the_same_paragraphs() {
    let records = read_records(&["flood-barrier.docx", "flood-barrier.odt"]);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["format"], "docx");
    assert_eq!(records[1]["format"], "odt");
    let docx = records[0]["text"].as_str().unwrap();
    assert_eq!(docx, records[1]["text"].as_str().unwrap());
    assert_eq!(docx.matches("\n\n").count(), 4, "{docx}");
    assert!(docx.starts_with("The river authority opened"));
    assert!(records[0].get("page_starts").is_none());
}

#[test]
fn briefings_cite_pages_and_spans_index_the_text_read() {
    let pdf = fixture("flood-barrier.pdf");
    let json: Value = serde_json::from_str(&stdout_of(&[
        "brief", &pdf, "--format", "json", "--words", "400",
    ]))
    .unwrap();
    let read = &read_records(&["flood-barrier.pdf"])[0];
    let text = read["text"].as_str().unwrap();
    let second_page = read["page_starts"][1].as_u64().unwrap() as usize;
    let mut pages = Vec::new();
    for sentence in json["sentences"].as_array().unwrap() {
        let source = &sentence["sources"][0];
        let [start, end] = [0, 1].map(|i| source["span"][i].as_u64().unwrap() as usize);
        assert_eq!(&text[start..end], sentence["text"].as_str().unwrap());
        assert!(source.get("text_span").is_none(), "{source}");
        let page = source["page"].as_u64().unwrap();
        assert_eq!(page, if start < second_page { 1 } else { 2 });
        pages.push(page);
    }
    assert!(pages.contains(&1) && pages.contains(&2), "{pages:?}");
    let markdown = stdout_of(&["brief", &pdf, "--words", "400"]);
    assert!(markdown.contains("[1, p. 1]"), "{markdown}");
    assert!(markdown.contains("[1, p. 2]"), "{markdown}");
}

#[test]
fn a_pdf_without_text_is_named_and_the_rest_goes_on() {
    let output = precis()
        .args([
            "brief",
            &fixture("drawing.pdf"),
            &fixture("flood-barrier.docx"),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("drawing.pdf") && stderr.contains("scanned? no text layer"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("flood barrier"), "{stdout}");
}

#[test]
fn damaged_and_disguised_files_are_named_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let cut = dir.path().join("cut.pdf");
    let bytes = std::fs::read(repo().join(fixture("flood-barrier.pdf"))).unwrap();
    std::fs::write(&cut, &bytes[..200]).unwrap();
    let fake = dir.path().join("fake.docx");
    std::fs::write(&fake, b"this is not a zip archive").unwrap();
    let good = repo().join(fixture("flood-barrier.odt"));
    let output = precis()
        .arg("read")
        .args([&cut, &fake, &good])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cut.pdf: PDF"), "{stderr}");
    assert!(
        stderr.contains("fake.docx: Word document: damaged"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}
