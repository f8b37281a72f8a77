//! The briefing as one self-contained HTML page.
//!
//! The page references nothing outside itself: its style is inline, and it
//! has no script, font, image or external link, so it opens from a file
//! offline. At the top: a title, the overview line and the briefing, each
//! citation a link to the cited sentence, marked (`<mark>`) in the full text
//! of its document further down; then the sources and the documents set
//! aside, with their reasons; then the text of every cited document. One
//! column sized in `rem` fits a phone; a print style drops the navigation.
//!
//! Anchors: `d3` is the third input document (its text, or its entry among
//! the documents set aside), `d3-s14` the mark of its sentence 14 (1-based;
//! JSON's `sentence_index` 13), `b2` the briefing's second sentence, which each
//! mark links back to. The link followed is emphasised with CSS (`:target`).
//!
//! Document text is untrusted: every character of it is escaped, and control
//! characters that HTML does not allow become U+FFFD.

use std::io::Write;
use std::ops::Range;

use crate::ingest::Document;
use crate::summary::Summary;

use super::{set_aside_notes, CitationNumbers, Overview};

/// The page's style. Colours hold in light and dark schemes; sizes are
/// relative, so a phone's font settings apply.
const STYLE: &str = "\
:root{color-scheme:light dark;--mark:#ffe98a;--target:#f5b700;--muted:#5f6368;--rule:#d0d0d0}
@media (prefers-color-scheme:dark){:root{--mark:#5c4b00;--target:#a67c00;--muted:#a0a4a8;--rule:#444}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:46rem;padding:1rem 1.25rem 3rem;font:1.0625rem/1.6 Georgia,'Times New Roman',serif;overflow-wrap:break-word}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.2rem;margin:2.5rem 0 .5rem;padding-bottom:.2rem;border-bottom:1px solid var(--rule)}
h3{font-size:1.05rem;margin:2rem 0 .25rem}
.overview,.meta{color:var(--muted);font-size:.9rem}
.briefing{border-left:3px solid var(--rule);padding-left:1rem}
.briefing p{margin:.75rem 0}
a.cite{font-size:.8em;text-decoration:none;white-space:nowrap}
a.back{font-size:.8em;text-decoration:none}
code{font:.85em ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.reason{font-style:italic}
.text{white-space:pre-wrap;font-size:.95rem}
mark{background:var(--mark);color:inherit;padding:0 .1em;border-radius:.15em}
mark:target,.briefing span:target{background:var(--target);outline:2px solid var(--target)}
:target{scroll-margin-top:2rem}
@media print{body{max-width:none;padding:0;font-size:11pt}
a{color:inherit;text-decoration:none}a.back{display:none}
mark{print-color-adjust:exact;-webkit-print-color-adjust:exact}
#documents article{break-before:page}h2,h3{break-after:avoid}}
";

/// A title for the page of a summary of `documents`: `Briefing: g20` when
/// they all come from one folder, the document's title when there is one
/// document, else the number of documents.
pub fn default_title(documents: &[Document]) -> String {
    let folder_of = |d: &Document| {
        d.path
            .as_deref()
            .and_then(|p| p.parent())
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
    };
    let folders: Vec<Option<String>> = documents.iter().map(folder_of).collect();
    match (documents, folders.first()) {
        ([one], _) => format!(
            "Briefing: {}",
            one.title.as_deref().unwrap_or(one.id.as_str())
        ),
        (_, Some(Some(first))) if folders.iter().all(|f| f.as_ref() == Some(first)) => {
            format!("Briefing: {first}")
        }
        _ => format!("Briefing of {} documents", documents.len()),
    }
}

/// Writes the page of `summary`, made from `documents` (the same documents in
/// the same order: the page shows their texts), under `title`.
///
/// Fails with [`std::io::ErrorKind::InvalidInput`] when `documents` are not
/// the ones the summary was made from.
pub fn write(
    summary: &Summary,
    documents: &[Document],
    title: &str,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let same = documents.len() == summary.documents.len()
        && documents
            .iter()
            .zip(&summary.documents)
            .all(|(d, s)| d.id == s.id);
    if !same {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the documents given are not those the summary was made from",
        ));
    }
    let marks = Marks::of(summary, documents);
    let CitationNumbers { numbers, cited } = CitationNumbers::of(summary);
    let title = escape(title);
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <header>\n<h1>{title}</h1>\n{}<p class=\"overview\">{}</p>\n</header>\n<main>\n",
        summary.language().code(),
        summary.query.as_deref().map_or(String::new(), |q| format!(
            "<p class=\"question\"><strong>Question:</strong> {}</p>\n",
            escape(q.trim())
        )),
        escape(&Overview::of(summary).line()),
    )?;

    writeln!(out, "<section class=\"briefing\" id=\"briefing\">")?;
    if summary.sentences.is_empty() {
        writeln!(
            out,
            "<p><em>{}</em></p>",
            escape(&super::empty_note(summary))
        )?;
    }
    let mut sentence = 0;
    for paragraph in super::paragraphs(summary) {
        write!(out, "<p>")?;
        for (i, s) in paragraph.iter().enumerate() {
            let mut docs = s.cited_documents();
            docs.sort_by_key(|&d| numbers[d]);
            let links: Vec<String> = docs
                .iter()
                .filter_map(|&d| {
                    let number = numbers[d]?;
                    let target = marks
                        .first_of(sentence, d)
                        .unwrap_or_else(|| document_anchor(d));
                    Some(format!(
                        "<a class=\"cite\" href=\"#{target}\" title=\"{}\">[{number}]</a>",
                        escape(summary.documents[d].display_title())
                    ))
                })
                .collect();
            let space = if i > 0 { " " } else { "" };
            write!(
                out,
                "{space}<span id=\"b{}\">{}</span> {}",
                sentence + 1,
                escape(&s.text),
                links.join(" ")
            )?;
            sentence += 1;
        }
        writeln!(out, "</p>")?;
    }
    writeln!(out, "</section>")?;

    if !cited.is_empty() {
        writeln!(out, "<section id=\"sources\">\n<h2>Sources</h2>\n<ol>")?;
        for &d in &cited {
            let document = &summary.documents[d];
            writeln!(
                out,
                "<li><a href=\"#{}\">{}</a> {}</li>",
                document_anchor(d),
                escape(document.display_title()),
                describe(summary, d)
            )?;
        }
        writeln!(out, "</ol>\n</section>")?;
    }

    let notes = set_aside_notes(summary);
    if !notes.is_empty() {
        writeln!(out, "<section id=\"set-aside\">\n<h2>Set aside</h2>\n<ul>")?;
        for (note, set_aside) in notes.iter().zip(&summary.set_aside) {
            writeln!(
                out,
                "<li id=\"{}\" class=\"set-aside\">{} {}: <span class=\"reason\">{}</span></li>",
                document_anchor(set_aside.document),
                escape(&note.title),
                describe(summary, set_aside.document),
                escape(&note.reason)
            )?;
        }
        writeln!(out, "</ul>\n</section>")?;
    }

    if !cited.is_empty() {
        writeln!(out, "<section id=\"documents\">\n<h2>Documents</h2>")?;
        for &d in &cited {
            writeln!(
                out,
                "<article id=\"{}\">\n<h3>[{}] {}</h3>\n<p class=\"meta\">{}</p>",
                document_anchor(d),
                numbers[d].unwrap_or_default(),
                escape(summary.documents[d].display_title()),
                describe(summary, d)
            )?;
            write!(out, "<div class=\"text\">")?;
            let text = &documents[d].text;
            let mut at = 0;
            for mark in marks.in_document(d) {
                write!(
                    out,
                    "{}<mark id=\"{}\">{}</mark><a class=\"back\" href=\"#b{}\" \
                     title=\"back to the briefing\">\u{21a9}</a>",
                    escape(&text[at..mark.span.start]),
                    mark.anchor,
                    escape(&text[mark.span.clone()]),
                    mark.sentence + 1
                )?;
                at = mark.span.end;
            }
            writeln!(out, "{}</div>\n</article>", escape(&text[at..]))?;
        }
        writeln!(out, "</section>")?;
    }
    writeln!(out, "</main>\n</body>\n</html>")
}

/// A document's path (or id), language and format, escaped:
/// `(<code>corpora/g20/000.txt</code>, English, text)`.
fn describe(summary: &Summary, document: usize) -> String {
    let d = &summary.documents[document];
    let at = match &d.path {
        Some(path) => path.display().to_string(),
        None => d.id.clone(),
    };
    format!(
        "(<code>{}</code>, {}, {})",
        escape(&at),
        d.language.name(),
        d.format.name()
    )
}

/// The anchor of input document `document` (0-based): `d1` for the first.
fn document_anchor(document: usize) -> String {
    format!("d{}", document + 1)
}

/// One cited sentence marked in its document's text.
struct Mark {
    /// The document (0-based).
    document: usize,
    /// Its bytes in the document's text.
    span: Range<usize>,
    /// Its anchor: `d1-s14`.
    anchor: String,
    /// The briefing sentence citing it (0-based).
    sentence: usize,
}

/// Every citation that can be marked: its span lies on character boundaries
/// of its document's text and overlaps no other mark. Sorted by document,
/// then position.
struct Marks(Vec<Mark>);

impl Marks {
    fn of(summary: &Summary, documents: &[Document]) -> Marks {
        let mut marks: Vec<Mark> = summary
            .sentences
            .iter()
            .enumerate()
            .flat_map(|(sentence, s)| {
                s.citations.iter().map(move |c| Mark {
                    document: c.document,
                    span: c.text_span.clone(),
                    anchor: format!("{}-s{}", document_anchor(c.document), c.sentence_index + 1),
                    sentence,
                })
            })
            .filter(|m| {
                documents
                    .get(m.document)
                    .is_some_and(|d| d.text.get(m.span.clone()).is_some())
            })
            .collect();
        marks.sort_by_key(|m| (m.document, m.span.start, m.span.end));
        // Spans come from distinct sentences, so they never overlap; should
        // they, the later one is left unmarked (its links go to the document).
        let mut end: Option<(usize, usize)> = None;
        marks.retain(|m| {
            let overlaps = end.is_some_and(|(d, e)| d == m.document && m.span.start < e);
            if !overlaps {
                end = Some((m.document, m.span.end));
            }
            !overlaps
        });
        // One anchor per sentence of a document, even if cited twice there.
        marks.dedup_by(|b, a| a.anchor == b.anchor);
        Marks(marks)
    }

    /// The marks in one document, in reading order.
    fn in_document(&self, document: usize) -> impl Iterator<Item = &Mark> {
        let start = self.0.partition_point(|m| m.document < document);
        self.0[start..]
            .iter()
            .take_while(move |m| m.document == document)
    }

    /// The anchor of the first mark of briefing sentence `sentence` in `document`.
    fn first_of(&self, sentence: usize, document: usize) -> Option<String> {
        self.in_document(document)
            .find(|m| m.sentence == sentence)
            .map(|m| m.anchor.clone())
    }
}

/// Escapes text for element content and quoted attribute values. Control
/// characters other than tab and line breaks, which HTML forbids, and
/// noncharacters become U+FFFD.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || is_noncharacter(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Unicode noncharacters: U+FDD0..U+FDEF and the last two code points of
/// every plane.
fn is_noncharacter(c: char) -> bool {
    let c = u32::from(c);
    (0xfdd0..=0xfdef).contains(&c) || c & 0xfffe == 0xfffe
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Budget, Request, Summarizer};

    fn page(documents: &[Document], budget: Budget) -> (Summary, String) {
        let request = Request::new(documents.to_vec()).with_budget(budget);
        let summary = Summarizer::default().summarize(&request).expect("summary");
        let mut out = Vec::new();
        write(&summary, documents, "Test & <page>", &mut out).expect("page");
        (summary, String::from_utf8(out).expect("UTF-8"))
    }

    #[test]
    fn escapes_markup_quotes_and_controls() {
        assert_eq!(
            escape("<script>a & \"b\" 'c'</mark>"),
            "&lt;script&gt;a &amp; &quot;b&quot; &#39;c&#39;&lt;/mark&gt;"
        );
        assert_eq!(
            escape("a\u{0}b\u{1b}c\u{fffe}\td\n"),
            "a\u{fffd}b\u{fffd}c\u{fffd}\td\n"
        );
    }

    #[test]
    fn every_citation_links_to_its_marked_sentence_and_hostile_text_stays_text() {
        let docs = vec![
            Document::from_text(
                "a.txt",
                "Leaders met in Antalya on Sunday for the <script>alert(1)</script> summit talks. \
                 The talks covered Syria & the \"refugee\" crisis at great length.</mark> Markets \
                 stayed calm through the whole week of talks.",
            ),
            Document::from_text(
                "b.txt",
                "The talks covered Syria & the \"refugee\" crisis at great length.</mark> Leaders \
                 agreed on a statement about terrorism late on Monday night.",
            ),
        ];
        let (summary, page) = page(&docs, Budget::Sentences(3));
        assert!(!page.contains("<script") && !page.contains("alert(1)</script>"));
        assert_eq!(
            page.matches("<mark").count(),
            page.matches("</mark>").count()
        );
        assert!(page.contains("&lt;/mark&gt;"), "{page}");
        assert!(
            page.contains("<title>Test &amp; &lt;page&gt;</title>"),
            "{page}"
        );
        let mut checked = 0;
        for (i, sentence) in summary.sentences.iter().enumerate() {
            for c in &sentence.citations {
                let anchor = format!("d{}-s{}", c.document + 1, c.sentence_index + 1);
                let marked = format!(
                    "<mark id=\"{anchor}\">{}</mark><a class=\"back\" href=\"#b{}\"",
                    escape(&docs[c.document].text[c.text_span.clone()]),
                    i + 1
                );
                assert!(page.contains(&marked), "{marked} not in {page}");
                assert!(page.contains(&format!("href=\"#{anchor}\"")), "{page}");
                checked += 1;
            }
        }
        assert!(checked >= 3, "{checked} citations: {page}");
        for reference in ["src=", "url(", "@import", "<link", "<script", "http"] {
            assert!(!page.contains(reference), "{reference} in {page}");
        }
    }

    #[test]
    fn documents_not_from_the_summary_are_refused() {
        let docs = vec![Document::from_text(
            "a.txt",
            "The council approved the budget on Monday evening after a long debate.",
        )];
        let (summary, _) = page(&docs, Budget::Words(50));
        let other = vec![Document::from_text("b.txt", "Another text altogether.")];
        let err = write(&summary, &other, "t", &mut Vec::new()).expect_err("refused");
        assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
    }

    #[test]
    fn titles_name_the_folder_or_the_document() {
        let mut a = Document::from_text("a.txt", "x");
        a.path = Some("news/g20/a.txt".into());
        let mut b = Document::from_text("b.txt", "y");
        b.path = Some("news/g20/b.txt".into());
        assert_eq!(default_title(&[a.clone(), b.clone()]), "Briefing: g20");
        b.path = Some("other/b.txt".into());
        assert_eq!(default_title(&[a.clone(), b]), "Briefing of 2 documents");
        a.title = Some("Summit opens".into());
        assert_eq!(default_title(&[a]), "Briefing: Summit opens");
    }
}
