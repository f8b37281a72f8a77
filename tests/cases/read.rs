use predicates::prelude::*;

use crate::util::{json_lines, precis};

/// A folder with a page, a text file, a page without text and a file of another type.
fn pages() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let write = |name: &str, text: &[u8]| {
        std::fs::write(dir.path().join(name), text).expect("a fixture file");
    };
    write(
        "a.html",
        b"<html><head><title>Site | Page</title></head><body><nav>Home</nav>\
          <h1>Storm &amp; rain</h1><p>The storm hit the coast on Monday.</p></body></html>",
    );
    write("b.txt", b"Plain notes about the storm.\n");
    write("c.html", b"<script>only()</script>");
    write("d.png", b"\x89PNG");
    dir
}

#[test]
fn json_lines_give_each_document_its_text_in_input_order() {
    let dir = pages();
    let output = precis()
        .args(["read"])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .clone();
    let lines = json_lines(&output.stdout);
    assert_eq!(lines.len(), 3, "{lines:?}");
    let page = &lines[0];
    assert!(page["path"].as_str().is_some_and(|p| p.ends_with("a.html")));
    assert_eq!(page["id"], "a.html");
    assert_eq!(page["format"], "html");
    assert_eq!(page["title"], "Storm & rain");
    assert_eq!(
        page["text"],
        "Storm & rain\nThe storm hit the coast on Monday.\n"
    );
    assert_eq!(page["warnings"], serde_json::json!([]));
    assert_eq!(lines[1]["format"], "text");
    assert_eq!(lines[1]["text"], "Plain notes about the storm.\n");
    // The page without text is a line with path and error, named on stderr.
    let failed = &lines[2];
    assert!(failed["path"]
        .as_str()
        .is_some_and(|p| p.ends_with("c.html")));
    assert!(failed["error"]
        .as_str()
        .is_some_and(|e| e.contains("no text")));
    assert!(failed.get("text").is_none());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("c.html: no text after extraction"),
        "{stderr}"
    );
    assert!(stderr.contains(".png"), "{stderr}");
}

#[test]
fn text_format_gives_a_header_line_then_the_text() {
    let dir = pages();
    let output = precis()
        .args(["read", "--format", "text"])
        .arg(dir.path().join("a.html"))
        .arg(dir.path().join("b.txt"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(output).expect("UTF-8 output");
    let a = dir.path().join("a.html");
    let b = dir.path().join("b.txt");
    assert_eq!(
        text,
        format!(
            "==> {} (html) Storm & rain <==\nStorm & rain\nThe storm hit the coast on Monday.\n\n\
             ==> {} (text) <==\nPlain notes about the storm.\n\n",
            a.display(),
            b.display()
        )
    );
}

#[test]
fn stdin_is_read_as_one_document() {
    let output = precis()
        .args(["read", "-"])
        .write_stdin("<p>From a pipe.</p>")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["path"], "stdin");
    assert_eq!(lines[0]["format"], "html");
    assert_eq!(lines[0]["text"], "From a pipe.\n");
}

#[test]
fn exit_codes_are_those_of_brief() {
    let dir = pages();
    // A missing file is input lost: exit 1, and the others are still read.
    let output = precis()
        .args(["read"])
        .arg(dir.path().join("b.txt"))
        .arg(dir.path().join("missing.txt"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("missing.txt: no such file"))
        .get_output()
        .stdout
        .clone();
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 2);
    assert!(lines[1]["error"].as_str().is_some());
    // Nothing readable at all: exit 2.
    precis()
        .args(["read"])
        .arg(dir.path().join("c.html"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no input gave any text"));
    // No input: a usage error.
    precis().args(["read"]).assert().code(2);
}
