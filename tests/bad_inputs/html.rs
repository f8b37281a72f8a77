//! Web pages that are broken or hostile: deep nesting, unclosed comments and
//! scripts, a page far past the document size limit. Each is read without a
//! panic or a hang beside the good documents, which are still summarized.

use crate::util::*;

/// Puts `page` at `in/<name>` beside the good documents and runs on `in/`.
fn page_beside_good(name: &str, page: &str) -> (Scratch, Run) {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    scratch.write(&format!("in/{name}"), page);
    let run = brief_json(scratch.path(), &["in"]);
    (scratch, run)
}

/// The briefing cites the good documents (spans into pages are checked in
/// `text::html_sentences_are_cited_in_the_file` and tests/html_spans.rs).
fn assert_good_cited(run: &Run) -> serde_json::Value {
    let json = run.json();
    let ids = cited_ids(&json);
    assert!(
        ids.iter().any(|id| id.contains("good-")),
        "{ids:?}: {run:#?}"
    );
    json
}

#[test]
fn hundred_thousand_nested_tags() {
    let page = format!(
        "<html><body>{}<p>Deep inside, the summit communique was finally agreed.</p>{}</body></html>",
        "<div><span>".repeat(100_000),
        "</span></div>".repeat(100_000)
    );
    let (_scratch, run) = page_beside_good("deep.html", &page);
    run.expect(0, &[]);
    assert_good_cited(&run);
}

#[test]
fn hundred_thousand_unclosed_tags() {
    let page = format!(
        "<p>Leaders met in Antalya on Sunday.</p>{}",
        "<div>".repeat(100_000)
    );
    let (_scratch, run) = page_beside_good("open.html", &page);
    run.expect(0, &[]);
    assert_good_cited(&run);
}

#[test]
fn unclosed_comment_and_unclosed_script() {
    for page in [
        "<p>The talks resumed on Monday after a pause.</p><!-- the rest is a comment <p>x</p>",
        "<p>The talks resumed on Monday after a pause.</p><script>var a = '<p>x</p>';",
    ] {
        let (_scratch, run) = page_beside_good("broken.html", page);
        run.expect(0, &[]);
        let json = assert_good_cited(&run);
        let quoted = json.to_string();
        assert!(
            !quoted.contains("var a") && !quoted.contains("the rest is"),
            "{run:#?}"
        );
    }
}

/// 50 MB of markup with a paragraph every 2 KB: read up to the document size
/// limit, extracted, and summarized beside the good documents.
#[test]
fn fifty_megabyte_page() {
    let block = format!(
        "<div class=\"item\"><ul>{}</ul><p>Officials said the meeting in Antalya would continue.</p></div>\n",
        "<li><a href=\"/section/page\">Section link</a></li>".repeat(36)
    );
    let page = format!(
        "<html><body>{}</body></html>",
        block.repeat(50_000_000 / block.len())
    );
    let (_scratch, run) = page_beside_good("huge.html", &page);
    run.expect(0, &["in/huge.html: larger than the document size limit"]);
    assert_good_cited(&run);
}

#[test]
fn a_long_page_whose_head_limit_falls_inside_a_character() {
    // 256 KiB into the page, where the site name stops being looked for,
    // is the middle of a three-byte character: once a panic.
    let mut page = String::from(
        r#"<html><head><meta property="og:site_name" content="Riverton Times"></head><body><p>"#,
    );
    while page.len() % 3 != 2 {
        page.push(' ');
    }
    page.push_str(&"中".repeat(100_000));
    page.push_str(
        "</p><p>Leaders met in Antalya on Sunday to agree the communique.</p></body></html>",
    );
    assert!(!page.is_char_boundary(256 << 10));
    let (scratch, run) = page_beside_good("wide.html", &page);
    run.expect(0, &[]);
    assert_good_cited(&run);
    let read = precis(scratch.path(), &["read", "in/wide.html"]);
    read.expect(0, &[]);
    assert!(read.stdout.contains("Leaders met in Antalya"));
}
