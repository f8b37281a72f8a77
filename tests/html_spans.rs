//! Citations into real web pages: on the 181 pages of ../shared/html-benchmark,
//! every sentence precis can quote has a byte span in the page file whose
//! bytes, with tags removed and entities decoded, are the sentence's text.

use std::io::Read;

use precis::ingest::{Document, Format};

/// The text of a stretch of HTML as a reader sees it: comments, tags and the
/// content of scripts and styles removed, entities decoded; without whitespace,
/// since a block boundary is a line break in the text but may be nothing in the file.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map_or(rest.len(), |e| e + 3)
        } else {
            let lower = rest.get(..8).unwrap_or(rest).to_ascii_lowercase();
            let raw = ["<script", "<style"]
                .into_iter()
                .find(|t| lower.starts_with(t))
                .map(|t| format!("</{}", &t[1..]));
            match raw {
                Some(close) => rest
                    .to_ascii_lowercase()
                    .find(&close)
                    .and_then(|c| rest[c..].find('>').map(|g| c + g + 1))
                    .unwrap_or(rest.len()),
                None => rest.find('>').map_or(rest.len(), |e| e + 1),
            }
        };
        rest = &rest[end..];
    }
    out.push_str(rest);
    html_escape::decode_html_entities(&out)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[test]
fn every_sentence_of_a_benchmark_page_is_its_bytes_in_the_file() {
    let root = std::env::var_os("PRECIS_SHARED")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
        .join("html-benchmark/html");
    let Ok(entries) = std::fs::read_dir(&root) else {
        eprintln!("skipped: {} is absent (set PRECIS_SHARED)", root.display());
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let (mut pages, mut sentences, mut failures) = (0usize, 0usize, Vec::new());
    for path in paths
        .iter()
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
    {
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(path).expect("a benchmark page"))
            .read_to_end(&mut bytes)
            .expect("a gzip page");
        let name = path.display().to_string();
        let (doc, _) = Document::from_bytes(&name, None, &bytes, Some(Format::Html))
            .unwrap_or_else(|reason| panic!("{name}: {reason}"));
        let segmented = precis::text::segment(std::slice::from_ref(&doc));
        assert!(!segmented.sentences.is_empty(), "{name}: no sentence");
        pages += 1;
        for sentence in &segmented.sentences {
            sentences += 1;
            let text: String = doc.text[sentence.span.clone()]
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            let span = doc.file_span(sentence.span.clone());
            let cited = String::from_utf8_lossy(&bytes[span.clone()]);
            let visible = visible_text(&cited).replace('\u{a0}', "");
            if visible != text.replace('\u{a0}', "") {
                failures.push(format!("{name} {span:?}: {text:?} vs {visible:?}"));
            }
        }
    }
    eprintln!(
        "{pages} pages, {sentences} sentences, {} mismatches",
        failures.len()
    );
    assert_eq!(pages, 181);
    assert!(
        failures.is_empty(),
        "{}",
        failures[..failures.len().min(10)].join("\n")
    );
}
