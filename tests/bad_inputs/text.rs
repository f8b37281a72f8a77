//! Text that is readable but odd: junk only, one sentence, one word, markup
//! only, other scripts, invisible characters.

use crate::util::*;

/// Puts `text` at `in/<name>` beside the good documents and runs on `in/`.
fn beside_good(name: &str, text: &str) -> (Scratch, Run) {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    scratch.write(&format!("in/{name}"), text);
    let run = brief_json(scratch.path(), &["in"]);
    (scratch, run)
}

/// A document of `text` alone, with a budget of `sentences`.
fn alone(name: &str, text: &str, sentences: &str) -> (Scratch, Run) {
    let scratch = Scratch::new();
    scratch.write(name, text);
    let run = brief_json(scratch.path(), &[name, "--sentences", sentences]);
    (scratch, run)
}

const JUNK: &str = "Share\nAdvertisement\nRead more\nSign up\nShare this article\n";

#[test]
fn folder_of_junk_lines_only() {
    let scratch = Scratch::new();
    scratch.write("junk/a.txt", JUNK);
    scratch.write("junk/b.txt", "Advertisement\n\nClose\n");
    let run = brief_json(scratch.path(), &["junk"]);
    run.expect(
        2,
        &[
            "no sentences to summarize",
            "junk/a.txt: only 5 line(s) of page junk",
            "junk/b.txt",
        ],
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn junk_lines_beside_good_documents() {
    let (scratch, run) = beside_good("junk.txt", JUNK);
    run.expect(
        0,
        &[
            "note: in/junk.txt",
            "no sentence that can be quoted",
            "page junk",
        ],
    );
    assert_good_summarized(&run, scratch.path());
}

#[test]
fn single_sentence() {
    let sentence = "G20 leaders met in Antalya on Sunday to discuss Syria.";
    let (scratch, run) = alone("one.txt", sentence, "3");
    run.expect(0, &[]);
    let json = run.json();
    assert_eq!(json["sentences"][0]["text"], sentence);
    assert_eq!(json["sentences"].as_array().map(Vec::len), Some(1));
    assert_spans(&json, scratch.path(), &utf8_only);
}

#[test]
fn single_word_alone() {
    let (_, run) = alone("word.txt", "Antalya", "1");
    run.expect(
        2,
        &["no sentences to summarize", "word.txt", "title or heading"],
    );
}

#[test]
fn single_word_beside_good_documents() {
    let (scratch, run) = beside_good("word.txt", "Antalya\n");
    run.expect(0, &["in/word.txt", "no sentence that can be quoted"]);
    assert_good_summarized(&run, scratch.path());
}

#[test]
fn html_with_scripts_and_styles_only() {
    let html = "<html><head><script>var share = 1; alert('x');</script>\
        <style>p { color: red }</style></head><body><script>track();</script></body></html>";
    let (scratch, run) = beside_good("app.html", html);
    run.expect(0, &["note: in/app.html", "no text after extraction"]);
    assert_good_summarized(&run, scratch.path());
}

#[test]
fn html_with_entities_only() {
    let html = "<p>&amp; &lt;&gt; &#8212; &nbsp; &copy;</p><p>&hellip;</p>";
    let (scratch, run) = beside_good("entities.html", html);
    run.expect(0, &["in/entities.html", "no sentence that can be quoted"]);
    assert_good_summarized(&run, scratch.path());
}

#[test]
fn html_sentences_are_cited_in_the_file() {
    let html = "<html><body><article><h1>Summit &amp; talks</h1>\
        <p>Police closed the coastal road near <b>Antalya</b> &mdash; to protect the visiting delegations.</p>\
        <script>var x = '<p>Not text.</p>';</script></article></body></html>";
    let scratch = Scratch::new();
    scratch.with_good_docs();
    scratch.write("in/page.html", html);
    let run = brief_json(scratch.path(), &["in", "--sentences", "10"]);
    run.expect(0, &[]);
    let json = run.json();
    // A span in HTML holds the markup of the sentence: its words appear in order.
    let mut checked = false;
    for sentence in json["sentences"].as_array().into_iter().flatten() {
        for source in sentence["sources"].as_array().into_iter().flatten() {
            if source["document"] != "page.html" {
                continue;
            }
            assert!(source.get("text_span").is_some(), "{source}");
            let span = &source["span"];
            let (start, end) = (
                span[0].as_u64().unwrap_or(0) as usize,
                span[1].as_u64().unwrap_or(0) as usize,
            );
            let cited = &html[start..end];
            assert_eq!(
                cited,
                "Police closed the coastal road near <b>Antalya</b> &mdash; to protect the visiting delegations."
            );
            checked = true;
        }
    }
    assert!(checked, "page.html not cited: {run:#?}");
}

const RTL: &str = "\
قادة مجموعة العشرين اجتمعوا في أنطاليا يوم الأحد لمناقشة الأزمة السورية واللاجئين.
מנהיגי קבוצת העשרים נפגשו באנטליה כדי לדון בסוריה ובמשבר הפליטים הגדול.
Leaders of the G20 (مجموعة العشرين) met in Antalya to discuss Syria and refugees.
";

#[test]
fn right_to_left_and_mixed_scripts() {
    let (scratch, run) = beside_good("rtl.txt", RTL);
    run.expect(0, &[]);
    let json = assert_good_summarized(&run, scratch.path());
    assert_spans(&json, scratch.path(), &utf8_only);
}

#[test]
fn right_to_left_alone() {
    let (scratch, run) = alone("rtl.txt", RTL, "2");
    run.expect(0, &[]);
    let json = run.json();
    assert_eq!(json["sentences"].as_array().map(Vec::len), Some(2));
    assert_spans(&json, scratch.path(), &utf8_only);
}

#[test]
fn zero_width_and_combining_characters() {
    let text = "Leaders\u{200B} of the G20 met in Ante\u{301}alya\u{200D} to discuss Syria \u{FEFF}and refugees.\n\
        The talks on Syria\u{2060} went on in Antalya as the refugee crisis grew worse.\n";
    let (scratch, run) = alone("zw.txt", text, "2");
    run.expect(0, &[]);
    let json = run.json();
    assert_eq!(json["sentences"].as_array().map(Vec::len), Some(2));
    assert_spans(&json, scratch.path(), &utf8_only);
    let (scratch, run) = beside_good("zw.txt", text);
    run.expect(0, &[]);
    assert_good_summarized(&run, scratch.path());
}

const CJK: &str = "二十国集团领导人周日在安塔利亚举行会晤。他们讨论了叙利亚问题和难民危机。会议持续了两天，各国领导人发表了讲话。\n\
    G20サミットがアンタルヤで開かれました。首脳たちはシリア情勢について話し合いました。\n";

#[test]
fn cjk_text_without_spaces() {
    let (scratch, run) = alone("cjk.txt", CJK, "3");
    run.expect(0, &[]);
    let json = run.json();
    let sentences = json["sentences"].as_array().cloned().unwrap_or_default();
    assert_eq!(sentences.len(), 3, "{run:#?}");
    assert!(sentences
        .iter()
        .all(|s| s["text"].as_str().is_some_and(|t| t.ends_with('。'))));
    assert_spans(&json, scratch.path(), &utf8_only);
}

#[test]
fn cjk_words_count_against_the_budget() {
    let scratch = Scratch::new();
    scratch.write("cjk.txt", CJK);
    let run = brief_json(scratch.path(), &["cjk.txt", "--words", "30"]);
    run.expect(0, &[]);
    let json = run.json();
    let used = json["usage"]["words"].as_u64().unwrap_or(u64::MAX);
    assert!(used <= 30 && used > 0, "{run:#?}");
}

#[test]
fn emoji_and_symbols() {
    let text = "G20 leaders 👩‍👩‍👧 met in Antalya 🇹🇷 to discuss Syria and the refugee crisis 🎉.\n\
        Markets 📈 barely moved on Monday while traders waited for news ✅.\n";
    let (scratch, run) = alone("emoji.txt", text, "2");
    run.expect(0, &[]);
    let json = run.json();
    assert_eq!(json["sentences"].as_array().map(Vec::len), Some(2));
    assert_spans(&json, scratch.path(), &utf8_only);
}

/// Without a single sentence anywhere, headings are quoted for want of prose.
#[test]
fn markdown_headings_only() {
    let (scratch, run) = alone(
        "outline.md",
        "# The summit in Antalya\n\n## Leaders and their talks on Syria\n\n### Refugees and what comes next\n",
        "2",
    );
    run.expect(0, &[]);
    let json = run.json();
    assert_eq!(
        json["sentences"][0]["text"],
        "Leaders and their talks on Syria"
    );
    assert_spans(&json, scratch.path(), &utf8_only);
}

#[test]
fn windows_line_endings_and_lone_carriage_returns() {
    let text = "G20 leaders met in Antalya to discuss Syria.\r\nThe refugee crisis dominated the talks.\rMarkets barely moved while leaders talked.\r\n";
    let (scratch, run) = alone("crlf.txt", text, "3");
    run.expect(0, &[]);
    let json = run.json();
    for s in json["sentences"].as_array().into_iter().flatten() {
        assert!(
            !s["text"].as_str().unwrap_or("\r").contains(['\r', '\n']),
            "{s}"
        );
    }
    assert_spans(&json, scratch.path(), &utf8_only);
}

#[test]
fn empty_stdin() {
    let scratch = Scratch::new();
    let run = precis_with_stdin(scratch.path(), &["brief", "-"], b"");
    run.expect(2, &["stdin", "empty"]);
}

#[test]
fn stdin_beside_files() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    let run = precis_with_stdin(
        scratch.path(),
        &["brief", "--format", "json", "in", "-"],
        "From stdin: the G20 leaders in Antalya talked about Syria and refugees.".as_bytes(),
    );
    run.expect(0, &[]);
    let json = assert_good_summarized(&run, scratch.path());
    assert!(json["documents"].to_string().contains("stdin"));
}
