//! `precis brief --format html` loaded in a real browser: headless Chromium
//! parses the page (`--dump-dom`), and the DOM it built is checked: every
//! cited sentence is inside its `<mark>`, in the text of its document, which
//! is the document's text exactly; every link goes to an element of the page;
//! the page refers to nothing outside itself.
//!
//! `precis eval --format html` too: in the DOM, every chart (one per metric)
//! has a dot for every system, named as the JSON report names it (hostile
//! folder names included), and the page refers to nothing outside itself.
//!
//! Needs `chromium` (or `$PRECIS_CHROMIUM`). Without it the tests are skipped
//! with a message, except where `PRECIS_REQUIRE_BROWSER=1` (`.ci/run`, which
//! installs Debian's `chromium`): there they fail.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{json_lines, precis, repo, stdout_of};

/// A browser that hangs is killed after this long.
const BROWSER_TIMEOUT: Duration = Duration::from_secs(60);

/// The browser to use: `$PRECIS_CHROMIUM`, else the first of the usual names
/// on `PATH`. `None` (after a skip message) when there is none; panics then
/// when `PRECIS_REQUIRE_BROWSER=1`.
fn chromium() -> Option<PathBuf> {
    let found = match std::env::var_os("PRECIS_CHROMIUM") {
        Some(path) => Some(PathBuf::from(path)),
        None => {
            let path = std::env::var_os("PATH").unwrap_or_default();
            std::env::split_paths(&path)
                .flat_map(|dir| {
                    ["chromium", "chromium-browser", "google-chrome"].map(|name| dir.join(name))
                })
                .find(|candidate| candidate.is_file())
        }
    };
    if found.is_none() {
        let required = std::env::var("PRECIS_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "no chromium on PATH but PRECIS_REQUIRE_BROWSER=1: this test must run here"
        );
        eprintln!(
            "skipped: no chromium on PATH (apt-get install chromium, or set PRECIS_CHROMIUM)"
        );
    }
    found
}

/// The DOM Chromium builds from `page`, serialized (`--dump-dom`). Runs in
/// its own profile folder inside `scratch`, and is killed after
/// [`BROWSER_TIMEOUT`].
fn dump_dom(browser: &Path, page: &Path, scratch: &Path) -> String {
    let dom_file = scratch.join("dom.html");
    let log_file = scratch.join("browser.log");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .arg(format!(
            "--user-data-dir={}",
            scratch.join("profile").display()
        ))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&dom_file).expect("create dom file"))
        .stderr(std::fs::File::create(&log_file).expect("create log file"))
        .spawn()
        .expect("start chromium");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            break status;
        }
        if started.elapsed() > BROWSER_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "chromium did not finish within {BROWSER_TIMEOUT:?} on {}",
                page.display()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let dom = std::fs::read_to_string(&dom_file).expect("the DOM is UTF-8");
    assert!(
        status.success() && dom.contains("</html>"),
        "chromium failed ({status}) on {}: {}",
        page.display(),
        std::fs::read_to_string(&log_file).unwrap_or_default()
    );
    dom
}

/// Text as the browser serializes it, back to plain text.
fn unescape(serialized: &str) -> String {
    serialized
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// The serialization of the element that opens with `open` (its first
/// occurrence), up to its first `close`: the element and everything inside.
fn element<'a>(dom: &'a str, open: &str, close: &str) -> Option<(usize, &'a str)> {
    let start = dom.find(open)?;
    let end = start + dom[start..].find(close)? + close.len();
    Some((start, &dom[start..end]))
}

/// Removes tags from a serialization (text nodes are escaped, so every `<`
/// starts a tag), and the back links' arrows with them.
fn text_of(serialized: &str) -> String {
    let mut text = String::with_capacity(serialized.len());
    let mut rest = serialized;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let close = rest[open..].find('>').expect("a tag ends") + open;
        if rest[open..].starts_with("<a class=\"back\"") {
            let end = rest[open..].find("</a>").expect("the back link ends") + open;
            rest = &rest[end + "</a>".len()..];
        } else {
            rest = &rest[close + 1..];
        }
    }
    text.push_str(rest);
    unescape(&text)
}

/// The values of every `name="..."` attribute in a serialization.
fn attribute_values<'a>(dom: &'a str, name: &str) -> Vec<&'a str> {
    let key = format!(" {name}=\"");
    dom.match_indices(&key)
        .filter_map(|(at, _)| {
            let value = &dom[at + key.len()..];
            value.find('"').map(|end| &value[..end])
        })
        .collect()
}

/// Asserts that a page (as written, or as the browser serialized it) refers
/// to nothing outside itself.
fn assert_self_contained(html: &str, what: &str) {
    let lower = html.to_ascii_lowercase();
    for reference in [
        "src=", "url(", "@import", "<link", "<script", "<img", "<iframe", "<object", "<embed",
        "srcset", "<base",
    ] {
        assert!(!lower.contains(reference), "{what} contains {reference:?}");
    }
    for href in attribute_values(html, "href") {
        assert!(href.starts_with('#'), "{what} links outside itself: {href}");
    }
}

/// Renders `inputs` briefed with `options` as a page in `scratch`, loads it
/// in the browser and checks its DOM against the JSON briefing and the texts
/// `precis read` gives. Returns the DOM and the JSON briefing.
fn check_page(
    browser: &Path,
    inputs: &[&str],
    options: &[&str],
    scratch: &Path,
) -> (String, serde_json::Value) {
    let page = scratch.join("briefing.html");
    let mut args = vec!["brief"];
    args.extend_from_slice(inputs);
    args.extend_from_slice(options);
    let page_arg = page.to_str().expect("UTF-8 temp path");
    precis()
        .args(&args)
        .args(["--format", "html", "-o", page_arg])
        .assert()
        .success();
    let html = std::fs::read_to_string(&page).expect("the page is UTF-8");
    assert_self_contained(&html, "the page");

    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&[&args[..], &["--format", "json"]].concat()))
            .expect("valid JSON");
    let read = precis()
        .arg("read")
        .args(inputs)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let texts: BTreeMap<String, String> = json_lines(&read)
        .iter()
        .map(|r| {
            let id = r["id"].as_str().expect("id").to_owned();
            (id, r["text"].as_str().expect("text").to_owned())
        })
        .collect();
    let documents: Vec<&str> = json["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["id"].as_str().expect("id"))
        .collect();

    let dom = dump_dom(browser, &page, scratch);
    assert_self_contained(&dom, "the DOM");

    // Every cited document's text is there in full, in its article.
    let mut articles: BTreeMap<usize, (usize, &str)> = BTreeMap::new();
    for (i, id) in documents.iter().enumerate() {
        if let Some(article) = element(&dom, &format!("<article id=\"d{}\">", i + 1), "</article>")
        {
            let (_, body) = element(article.1, "<div class=\"text\">", "</div>")
                .expect("an article holds its text");
            let expected = texts[*id].replace("\r\n", "\n").replace('\r', "\n");
            assert_eq!(text_of(body), expected, "the text of {id} in the page");
            articles.insert(i, article);
        }
    }

    // Every cited sentence is marked, exactly, inside its document's text.
    let mut marks = 0;
    for (n, sentence) in json["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .enumerate()
    {
        let text = sentence["text"].as_str().expect("text");
        let briefing = element(&dom, &format!("<span id=\"b{}\">", n + 1), "</span>")
            .expect("the briefing sentence");
        assert_eq!(text_of(briefing.1), text, "briefing sentence {}", n + 1);
        for source in sentence["sources"].as_array().expect("sources") {
            let id = source["document"].as_str().expect("document");
            let d = documents
                .iter()
                .position(|x| *x == id)
                .expect("a known document");
            let span = source.get("text_span").unwrap_or(&source["span"]);
            let (start, end) = (
                span[0].as_u64().expect("start") as usize,
                span[1].as_u64().expect("end") as usize,
            );
            let cited = &texts[id][start..end];
            let anchor = format!(
                "d{}-s{}",
                d + 1,
                source["sentence_index"].as_u64().expect("sentence_index") + 1
            );
            let (at, mark) = element(&dom, &format!("<mark id=\"{anchor}\">"), "</mark>")
                .unwrap_or_else(|| panic!("no mark {anchor} for {text:?}"));
            assert_eq!(text_of(mark), cited, "mark {anchor}");
            let (article_at, article) = articles[&d];
            assert!(
                article_at < at && at + mark.len() <= article_at + article.len(),
                "mark {anchor} is outside the text of {id}"
            );
            marks += 1;
        }
    }
    assert!(marks > 0, "no citation checked");
    assert_eq!(dom.matches("<mark").count(), marks, "one mark per citation");

    // Every link goes to an element of the page; the set aside are listed.
    let ids: BTreeSet<&str> = attribute_values(&dom, "id").into_iter().collect();
    for href in attribute_values(&dom, "href") {
        assert!(ids.contains(&href[1..]), "the link {href} goes nowhere");
    }
    for set_aside in json["set_aside"].as_array().into_iter().flatten() {
        let id = set_aside["document"].as_str().expect("document");
        let d = documents
            .iter()
            .position(|x| *x == id)
            .expect("a known document");
        let (_, item) = element(
            &dom,
            &format!("<li id=\"d{}\" class=\"set-aside\">", d + 1),
            "</li>",
        )
        .unwrap_or_else(|| panic!("{id} is not listed as set aside"));
        let reason = set_aside["reason"].as_str().expect("reason");
        assert!(text_of(item).contains(reason), "{id}'s reason: {item}");
    }
    (dom, json)
}

#[test]
fn the_g20_page_in_a_browser() {
    let Some(browser) = chromium() else { return };
    let scratch = tempfile::tempdir().expect("temp dir");
    let g20 = repo().join("corpora/g20");
    let (dom, _) = check_page(
        &browser,
        &[g20.to_str().expect("UTF-8 path")],
        &[],
        scratch.path(),
    );
    assert!(
        dom.contains("class=\"set-aside\""),
        "g20's 2012 article is set aside"
    );
}

/// A cluster with a document from another year (set aside), an HTML page
/// (its text is not its file), and markup, ampersands and quotes in the text.
const HOSTILE_FLOODS: [(&str, &str); 4] = [
    (
        "a.txt",
        "RIVERTON, 14 March 2021 — The river Wend burst its banks on Sunday night & flooded \
         the lower town of Riverton <script>alert('flood')</script> overnight. Two hundred homes \
         were evacuated as the water rose past the \"old\" quay.</mark> The mayor said the new \
         flood wall had held along the quay but not at the old mill.",
    ),
    (
        "b.html",
        "<!DOCTYPE html><html><head><title>Riverton floods</title></head><body><article>\
         <h1>Riverton floods: two hundred families leave</h1>\
         <p>Updated March 15, 2021. Floods forced two hundred families &amp; their pets from their \
         homes in Riverton after the Wend rose overnight.</p>\
         <p>Emergency crews pumped water from the lower town&#39;s streets &lt;all night&gt;.</p>\
         <p>Residents asked why the &quot;new&quot; flood wall finished last year failed at the old \
         mill &amp; the quay.</p></article></body></html>",
    ),
    (
        "c.txt",
        "15 March 2021. Riverton counts the cost of the Wend floods & the broken wall. The lower \
         town is still under water and two hundred homes stand empty. Engineers will inspect \
         the </mark><mark> flood wall at the old mill, where the river broke through.",
    ),
    (
        "d.txt",
        "RIVERTON, 2 June 2016 — The river Wend flooded the lower town of Riverton on Thursday. \
         Dozens of homes were evacuated as the water rose along the quay. The council promised \
         a flood wall to protect the lower town and the old mill.",
    ),
];

#[test]
fn a_page_with_a_document_set_aside_and_hostile_text_in_a_browser() {
    let Some(browser) = chromium() else { return };
    let scratch = tempfile::tempdir().expect("temp dir");
    let cluster = scratch.path().join("floods");
    std::fs::create_dir(&cluster).expect("create cluster folder");
    for (name, text) in HOSTILE_FLOODS {
        std::fs::write(cluster.join(name), text).expect("write fixture");
    }
    let (dom, json) = check_page(
        &browser,
        &[cluster.to_str().expect("UTF-8 path")],
        &["--words", "150"],
        scratch.path(),
    );
    assert!(
        dom.contains("<li id=\"d4\" class=\"set-aside\">"),
        "d.txt set aside"
    );
    // The markup in the documents is text in the browser, not elements.
    assert!(dom.contains("&lt;script&gt;alert('flood')&lt;/script&gt;"));
    assert!(dom.contains("&lt;/mark&gt;&lt;mark&gt;"));
    // The fixture does what it is for: the page's marks come from text spans
    // that are not file spans, and the hostile documents are cited.
    let sources: Vec<&serde_json::Value> = json["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .flat_map(|s| s["sources"].as_array().expect("sources"))
        .collect();
    for id in ["a.txt", "b.html", "c.txt"] {
        assert!(
            sources.iter().any(|s| s["document"] == id),
            "{id} is not cited: {json}"
        );
    }
    assert!(
        sources.iter().any(|s| s.get("text_span").is_some()),
        "no extracted text cited: {json}"
    );
}

/// Asserts that an eval report page names no place at all outside itself:
/// no URL of any scheme (it shows no document text that could hold one).
fn assert_names_nothing_outside(html: &str, what: &str) {
    assert_self_contained(html, what);
    let lower = html.to_ascii_lowercase();
    for scheme in ["http:", "https:", "file:", "data:", "xmlns", "href="] {
        assert!(!lower.contains(scheme), "{what} contains {scheme:?}");
    }
}

#[test]
fn the_eval_report_in_a_browser() {
    let Some(browser) = chromium() else { return };
    let scratch = tempfile::tempdir().expect("temp dir");
    let systems = scratch.path().join("systems");
    // A folder system whose name is markup, and a plain one.
    for (name, summary) in [
        (
            "<b>theirs & \"co\"",
            "Turkey hosted the G20 summit in Antalya.\n",
        ),
        (
            "mine",
            "G20 leaders met in Antalya and discussed Syria and refugees.\n",
        ),
    ] {
        let folder = systems.join(name);
        std::fs::create_dir_all(&folder).expect("create system folder");
        std::fs::write(folder.join("g20.txt"), summary).expect("write summary");
    }
    let page = scratch.path().join("report.html");
    let json = scratch.path().join("report.json");
    precis()
        .args([
            "eval",
            "corpora/g20-eval",
            "--systems",
            "precis,lead,lexrank",
        ])
        .args(["--resamples", "50", "--format", "html", "-o"])
        .arg(&page)
        .arg("--json")
        .arg(&json)
        .arg("--systems-dir")
        .arg(&systems)
        .assert()
        .success();
    let html = std::fs::read_to_string(&page).expect("the page is UTF-8");
    assert_names_nothing_outside(&html, "the eval report");
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json).expect("JSON report")).expect("JSON");
    let names: Vec<&str> = report["systems"]
        .as_array()
        .expect("systems")
        .iter()
        .map(|s| s["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names.len(), 5, "{names:?}");
    let metrics: Vec<String> = report["systems"][0]["aggregate"]["metrics"]
        .as_array()
        .expect("metrics")
        .iter()
        .map(|m| {
            m["metric"]
                .as_str()
                .expect("metric")
                .replace("ROUGE-", "R-")
        })
        .collect();
    assert_eq!(metrics.len(), 6, "{metrics:?}");

    let dom = dump_dom(&browser, &page, scratch.path());
    assert_names_nothing_outside(&dom, "the eval report's DOM");
    // The markup of the folder's name is text in the browser, not an element.
    assert!(!dom.contains("<b>"), "a folder name became markup");
    // Every chart has every system: one group, one dot, in the report's order.
    assert_eq!(dom.matches("<svg class=\"chart\"").count(), metrics.len());
    for metric in &metrics {
        let (_, chart) = element(
            &dom,
            &format!("<svg class=\"chart\" data-metric=\"{metric}\""),
            "</svg>",
        )
        .unwrap_or_else(|| panic!("no chart of {metric}"));
        let groups: Vec<String> = chart
            .split("<g class=\"system ")
            .skip(1)
            .map(|group| {
                let value = attribute_values(group, "data-system");
                unescape(value.first().expect("data-system"))
            })
            .collect();
        assert_eq!(groups, names, "the systems of the {metric} chart");
        assert_eq!(
            chart.matches("class=\"dot\"").count(),
            names.len(),
            "{metric}"
        );
        assert_eq!(
            chart.matches("<g class=\"system builtin").count(),
            3,
            "{metric}"
        );
        assert_eq!(
            chart.matches("<g class=\"system folder").count(),
            2,
            "{metric}"
        );
        assert_eq!(
            chart.matches(" focus\"").count(),
            1,
            "{metric}: precis highlighted"
        );
    }
    // The tests: precis against each of the four others.
    let (_, tests) = element(&dom, "<table class=\"tests\">", "</table>").expect("the tests");
    assert_eq!(tests.matches("<tr class=").count(), names.len() - 1);
}
