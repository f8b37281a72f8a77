//! HTML to article text, keeping offsets into the HTML.
//!
//! A small tolerant scanner rather than a full HTML5 parser: citations need the
//! byte offset of every character of text in the file, which DOM-building
//! parsers throw away. It drops what is never article text (`script`, `style`,
//! `nav`, `footer`, `aside`, forms, embedded media, and containers whose class,
//! id or role names them as sharing widgets, cookie banners, newsletters, ads,
//! related links or comments), turns block elements into line breaks, decodes
//! entities and collapses whitespace. When the page marks up an `<article>`,
//! only text inside it is kept. The title is the first `<h1>`, else `<title>`.

use super::offsets::{OffsetMap, OffsetMapBuilder};

/// Article text extracted from an HTML page.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The text, one block element per line.
    pub text: String,
    /// Text offsets to offsets in the HTML string.
    pub map: OffsetMap,
    /// The page's headline, if it has one.
    pub title: Option<String>,
}

/// How many `<h1>` elements are tried for a title before giving up.
const MAX_H1_TRIES: usize = 3;

/// Elements whose content is never article text (skipped with their content).
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "textarea", "nav", "footer", "aside", "form",
    "button", "select", "iframe", "svg", "math", "menu", "dialog", "canvas", "video", "audio",
    "object", "embed", "figure",
];

/// Elements whose content is raw text: their end tag is searched for literally.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// Elements that start a new line of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
    "body",
    "html",
];

/// Containers that are dropped when their class, id or role says they are page furniture.
const FURNITURE_CONTAINERS: &[&str] = &["div", "section", "ul", "ol", "li", "span", "p", "table"];

/// Markers of page furniture in class, id or role values.
const FURNITURE_MARKERS: &[&str] = &[
    "share",
    "social",
    "cookie",
    "consent",
    "newsletter",
    "subscribe",
    "advert",
    "promo",
    "related",
    "comment",
    "sidebar",
    "breadcrumb",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "paywall",
    "popup",
    "modal",
    "banner",
];

struct Tag<'a> {
    name: String,
    closing: bool,
    attributes: &'a str,
    /// Offset just past the tag's `>`.
    end: usize,
}

/// Extracts the article text of an HTML page.
pub fn extract(html: &str) -> Extracted {
    let bytes = html.as_bytes();
    let article_only = contains_ignore_case(bytes, b"<article");
    let mut out = Emitter::default();
    let mut h1: Option<String> = None;
    // Each look for an `<h1>`'s end may scan the rest of the page: only the
    // first few are tried (thousands of empty or unclosed ones took hours).
    let mut h1_tries = 0usize;
    let mut title: Option<String> = None;
    let mut article_depth = 0usize;
    let mut pre_depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let emitting = !article_only || article_depth > 0;
        match bytes[i] {
            b'<' if bytes[i..].starts_with(b"<!--") => {
                let end = find(bytes, i + 4, b"-->").map_or(bytes.len(), |e| e + 3);
                out.skip(end - i);
                i = end;
            }
            b'<' if bytes
                .get(i + 1)
                .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?')) =>
            {
                let Some(tag) = parse_tag(html, i) else {
                    out.skip(bytes.len() - i);
                    break;
                };
                let tag_len = tag.end - i;
                let name = tag.name.as_str();
                if tag.closing {
                    out.skip(tag_len);
                    match name {
                        "article" | "main" if article_only => {
                            article_depth = article_depth.saturating_sub(1)
                        }
                        "pre" => pre_depth = pre_depth.saturating_sub(1),
                        _ => {}
                    }
                    if BLOCKS.contains(&name) {
                        out.line_break();
                    }
                    i = tag.end;
                    continue;
                }
                if name == "title" {
                    let end = raw_text_end(html, tag.end, name);
                    if title.is_none() {
                        title = clean_title(&decode_fragment(&html[tag.end..end.content_end]));
                    }
                    out.skip(end.element_end - i);
                    i = end.element_end;
                    continue;
                }
                if SKIPPED.contains(&name) || is_furniture(&tag) {
                    let end = if RAW_TEXT.contains(&name) {
                        raw_text_end(html, tag.end, name).element_end
                    } else {
                        element_end(html, tag.end, name)
                    };
                    out.skip(end - i);
                    out.line_break();
                    i = end;
                    continue;
                }
                out.skip(tag_len);
                match name {
                    "article" | "main" if article_only => article_depth += 1,
                    "pre" => pre_depth += 1,
                    "h1" if h1.is_none() && h1_tries < MAX_H1_TRIES => {
                        h1_tries += 1;
                        let end = element_end(html, tag.end, name);
                        h1 = clean_title(&strip_tags(&html[tag.end..end]));
                    }
                    _ => {}
                }
                if BLOCKS.contains(&name) {
                    out.line_break();
                }
                i = tag.end;
            }
            b'&' if emitting => {
                let (decoded, len) = decode_entity(&html[i..]);
                out.text(&decoded, len);
                i += len;
            }
            b if b.is_ascii_whitespace() => {
                if emitting {
                    if pre_depth > 0 && b == b'\n' {
                        out.line_break_or_skip(1);
                    } else {
                        out.space(1);
                    }
                } else {
                    out.skip(1);
                }
                i += 1;
            }
            _ => {
                let end = bytes[i..]
                    .iter()
                    .position(|&b| b == b'<' || b == b'&' || b.is_ascii_whitespace())
                    .map_or(bytes.len(), |p| i + p.max(1));
                let end = next_char_boundary(html, end);
                if emitting {
                    out.verbatim(&html[i..end]);
                } else {
                    out.skip(end - i);
                }
                i = end;
            }
        }
    }
    let (text, map) = out.finish();
    Extracted {
        text,
        map,
        title: h1.or(title),
    }
}

/// Accumulates text and its offset map, collapsing whitespace.
#[derive(Default)]
struct Emitter {
    text: String,
    map: OffsetMapBuilder,
}

impl Emitter {
    fn at_line_start(&self) -> bool {
        self.text.is_empty() || self.text.ends_with('\n')
    }

    fn skip(&mut self, source_len: usize) {
        self.map.skip_source(source_len);
    }

    fn line_break(&mut self) {
        self.line_break_or_skip(0);
    }

    fn line_break_or_skip(&mut self, source_len: usize) {
        if self.at_line_start() {
            self.map.skip_source(source_len);
            return;
        }
        if self.text.ends_with(' ') {
            // A space before a line break carries nothing: replace it.
            self.text.pop();
            self.text.push('\n');
            self.map.skip_source(source_len);
            return;
        }
        self.text.push('\n');
        self.map.push_atomic(1, source_len);
    }

    fn space(&mut self, source_len: usize) {
        if self.at_line_start() || self.text.ends_with(' ') {
            self.map.skip_source(source_len);
        } else {
            self.text.push(' ');
            self.map.push_atomic(1, source_len);
        }
    }

    fn verbatim(&mut self, s: &str) {
        self.text.push_str(s);
        self.map.push_linear(s.len(), 1);
    }

    fn text(&mut self, s: &str, source_len: usize) {
        if s.chars().all(char::is_whitespace) {
            self.space(source_len);
        } else {
            self.text.push_str(s);
            self.map.push_atomic(s.len(), source_len);
        }
    }

    fn finish(self) -> (String, OffsetMap) {
        (self.text, self.map.finish())
    }
}

fn next_char_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
}

fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from > haystack.len() {
        return None;
    }
    memchr::memmem::find(&haystack[from..], needle).map(|p| p + from)
}

fn contains_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// Parses the tag starting at `start` (which holds `<`); `None` when it never closes.
fn parse_tag(html: &str, start: usize) -> Option<Tag<'_>> {
    let bytes = html.as_bytes();
    let mut i = start + 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'-' | b':')) {
        i += 1;
    }
    let name = html[name_start..i].to_ascii_lowercase();
    let attributes_start = i;
    let mut quote: Option<u8> = None;
    while i < bytes.len() {
        match (quote, bytes[i]) {
            (Some(q), b) if b == q => quote = None,
            (None, b'"' | b'\'') => quote = Some(bytes[i]),
            (None, b'>') => {
                return Some(Tag {
                    name,
                    closing,
                    attributes: &html[attributes_start..i],
                    end: i + 1,
                })
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Whether the tag is a container that its class, id or role marks as page furniture.
fn is_furniture(tag: &Tag<'_>) -> bool {
    if !FURNITURE_CONTAINERS.contains(&tag.name.as_str()) {
        return false;
    }
    attribute_values(tag.attributes, &["class", "id", "role"]).any(|value| {
        let value = value.to_ascii_lowercase();
        FURNITURE_MARKERS.iter().any(|m| value.contains(m))
    })
}

/// Values of the named attributes in a tag's attribute text.
fn attribute_values<'a>(
    attributes: &'a str,
    names: &'a [&'a str],
) -> impl Iterator<Item = &'a str> + 'a {
    let bytes = attributes.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            let name_start = i;
            while i < bytes.len()
                && !bytes[i].is_ascii_whitespace()
                && !matches!(bytes[i], b'=' | b'/')
            {
                i += 1;
            }
            let name = &attributes[name_start..i];
            if i >= bytes.len() || bytes[i] != b'=' {
                if i == name_start {
                    i += 1;
                }
                continue;
            }
            i += 1;
            let value = match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let value_start = i + 1;
                    let value_end = bytes[value_start..]
                        .iter()
                        .position(|&b| b == q)
                        .map_or(bytes.len(), |p| value_start + p);
                    i = (value_end + 1).min(bytes.len());
                    &attributes[value_start..value_end]
                }
                _ => {
                    let value_start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    &attributes[value_start..i]
                }
            };
            if names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
                return Some(value);
            }
        }
        None
    })
}

struct RawTextEnd {
    content_end: usize,
    element_end: usize,
}

/// Where a raw-text element (`script`, `style`, `title`...) ends.
fn raw_text_end(html: &str, content_start: usize, name: &str) -> RawTextEnd {
    let bytes = html.as_bytes();
    let mut i = content_start;
    while let Some(p) = find(bytes, i, b"</") {
        let candidate = &bytes[p + 2..];
        if candidate.len() >= name.len()
            && candidate[..name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            let element_end = find(bytes, p, b">").map_or(bytes.len(), |e| e + 1);
            return RawTextEnd {
                content_end: p,
                element_end,
            };
        }
        i = p + 2;
    }
    RawTextEnd {
        content_end: bytes.len(),
        element_end: bytes.len(),
    }
}

/// Offset just past the end tag matching an element opened before `content_start`,
/// counting nested elements of the same name; the end of input when unclosed.
fn element_end(html: &str, content_start: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut depth = 1usize;
    let mut i = content_start;
    while let Some(p) = memchr::memchr(b'<', &bytes[i..]).map(|p| p + i) {
        if bytes[p..].starts_with(b"<!--") {
            i = find(bytes, p + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        match parse_tag(html, p) {
            Some(tag) if tag.name == name => {
                if tag.closing {
                    depth -= 1;
                    if depth == 0 {
                        return tag.end;
                    }
                } else if !tag.attributes.trim_end().ends_with('/') {
                    depth += 1;
                }
                i = tag.end;
            }
            Some(tag) => i = tag.end,
            None => return bytes.len(),
        }
        if i >= bytes.len() {
            break;
        }
    }
    bytes.len()
}

/// Decodes the entity at the start of `s` (which starts with `&`): the text and
/// how many source bytes it used. Unknown entities stand for themselves.
fn decode_entity(s: &str) -> (String, usize) {
    let bytes = s.as_bytes();
    let limit = bytes.len().min(40);
    if let Some(semi) = bytes[1..limit]
        .iter()
        .position(|&b| b == b';')
        .map(|p| p + 1)
    {
        let candidate = &s[..=semi];
        let valid = candidate[1..semi]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'#');
        if valid && semi > 1 {
            let decoded = html_escape::decode_html_entities(candidate);
            if decoded != candidate {
                let decoded = decoded.replace('\u{a0}', " ");
                return (decoded, semi + 1);
            }
        }
    }
    ("&".to_owned(), 1)
}

fn decode_fragment(s: &str) -> String {
    html_escape::decode_html_entities(s).into_owned()
}

fn strip_tags(html: &str) -> String {
    extract_inline(html)
}

/// Text of an inline fragment (a headline): tags dropped, entities decoded.
fn extract_inline(fragment: &str) -> String {
    let mut out = String::new();
    let mut rest = fragment;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        out.push(' ');
        rest = match rest[lt..].find('>') {
            Some(gt) => &rest[lt + gt + 1..],
            None => "",
        };
    }
    out.push_str(rest);
    decode_fragment(&out)
}

/// Collapses whitespace; `None` when nothing is left.
fn clean_title(s: &str) -> Option<String> {
    let title = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!title.is_empty()).then_some(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_spans_hold_text(html: &str, extracted: &Extracted) {
        // Every maximal run of plain letters in the text is at its mapped place in the HTML.
        let text = &extracted.text;
        let mut start = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            match (start, c.is_alphanumeric()) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    let span = extracted.map.map_span(s..i);
                    assert_eq!(&html[span], &text[s..i]);
                    start = None;
                }
                _ => {}
            }
        }
    }

    #[test]
    fn drops_scripts_and_navigation_keeps_paragraphs() {
        let html = "<html><head><title>T | Site</title><script>var x = 1;</script></head>\
            <body><nav><a href=/>Home</a></nav><p>First   para.</p>\n<p>Second <b>bold</b> one.</p>\
            <div class=\"share-buttons\">Share</div><footer>(c) 2015</footer></body></html>";
        let e = extract(html);
        assert_eq!(e.text.trim(), "First para.\nSecond bold one.");
        assert_eq!(e.title.as_deref(), Some("T | Site"));
        assert_spans_hold_text(html, &e);
    }

    #[test]
    fn entities_are_decoded_and_mapped() {
        let html = "<p>Fish &amp; chips &#8212; &ldquo;cheap&rdquo;&nbsp;now &bogus; &</p>";
        let e = extract(html);
        assert_eq!(e.text.trim(), "Fish & chips — “cheap” now &bogus; &");
        let amp = e.text.find('&').unwrap();
        assert_eq!(&html[e.map.map_span(amp..amp + 1)], "&amp;");
        let dash = e.text.find('—').unwrap();
        assert_eq!(
            &html[e.map.map_span(dash..dash + '—'.len_utf8())],
            "&#8212;"
        );
    }

    #[test]
    fn article_element_wins_and_h1_is_title() {
        let html = "<body><p>Menu junk here.</p><article><h1>Big &amp; news</h1><p>Body text.</p></article><p>After.</p></body>";
        let e = extract(html);
        assert_eq!(e.text.trim(), "Big & news\nBody text.");
        assert_eq!(e.title.as_deref(), Some("Big & news"));
    }

    #[test]
    fn unclosed_and_broken_markup_does_not_panic() {
        for html in [
            "<p>a <b",
            "<div class='x>y",
            "<!-- open",
            "<script>never",
            "<<<>>>&&&;",
            "<p>é&#xZZ;ü</p>",
            "&#99999999;",
        ] {
            let e = extract(html);
            assert!(e.map.text_len() == e.text.len());
        }
    }

    #[test]
    fn many_empty_h1_elements_take_linear_time() {
        // 100,000 unclosed `<h1>`s: each used to scan to the end of the page.
        let html = format!("<p>Body text.</p>{}<h1>Late</h1>", "<h1>".repeat(100_000));
        let started = std::time::Instant::now();
        let e = extract(&html);
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
        assert!(e.text.starts_with("Body text."));
        let e = extract("<h1> </h1><h1>Second try</h1><p>Body.</p>");
        assert_eq!(e.title.as_deref(), Some("Second try"));
    }

    #[test]
    fn multibyte_text_runs_stay_on_char_boundaries() {
        let html = "<p>Привет мир. 你好世界。 مرحبا</p>";
        let e = extract(html);
        assert_eq!(e.text.trim(), "Привет мир. 你好世界。 مرحبا");
        assert_spans_hold_text(html, &e);
    }
}
