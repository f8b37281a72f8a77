//! HTML to article text, keeping offsets into the HTML.
//!
//! The page is parsed by a tolerant parser that keeps every node's byte range
//! (`tree`); content scoring chooses the nodes that are the article
//! (`content`); their text is emitted with entities decoded, whitespace
//! collapsed and one line per block element, and with a map from every text
//! byte back to the HTML bytes it came from, so that citations point into the
//! file. The title is the first `<h1>`, else `<title>`.

mod content;
mod tree;

use super::offsets::{OffsetMap, OffsetMapBuilder};
use crate::date::ExplicitDate;
use tree::Tree;

/// Article text extracted from an HTML page.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The text, one block element per line.
    pub text: String,
    /// Text offsets to offsets in the HTML string.
    pub map: OffsetMap,
    /// The page's headline, if it has one.
    pub title: Option<String>,
    /// The site the page is from, if it says: its `og:site_name`, else the
    /// host of its canonical address (`www.` dropped).
    pub site: Option<String>,
    /// The date the page says it was published: `article:published_time`,
    /// a JSON-LD or microdata `datePublished`, or another date `<meta>`.
    pub date: Option<ExplicitDate>,
}

/// How many `<h1>` elements are tried for a title before giving up.
const MAX_H1_TRIES: usize = 3;

/// Whether an element starts a new line of text: a block, a line break, a
/// table's rows and cells, and the page itself.
fn starts_line(name: &str) -> bool {
    tree::is_block(name)
        || matches!(
            name,
            "br" | "caption" | "summary" | "tbody" | "thead" | "tr" | "td" | "th" | "body" | "html"
        )
}

/// Extracts the article text of an HTML page.
pub fn extract(html: &str) -> Extracted {
    let tree = tree::parse(html);
    let keep = content::select(&tree, html);
    let mut out = Emitter::default();
    let nodes = &tree.nodes;
    // Ends (node indices) of the kept blocks and `<pre>`s open at the current node.
    let mut block_ends: Vec<u32> = Vec::new();
    let mut pre_ends: Vec<u32> = Vec::new();
    for (i, node) in nodes.iter().enumerate() {
        let i = i as u32;
        while block_ends.last().is_some_and(|&end| end <= i) {
            block_ends.pop();
            out.line_break();
        }
        while pre_ends.last().is_some_and(|&end| end <= i) {
            pre_ends.pop();
        }
        if !keep[i as usize] {
            continue;
        }
        match node.element() {
            None => out.html_text(html, node.source.clone(), !pre_ends.is_empty()),
            Some(element) => {
                let name = element.name.as_str();
                if starts_line(name) {
                    out.line_break();
                    if node.end > i + 1 {
                        block_ends.push(node.end);
                    }
                }
                if name == "pre" {
                    pre_ends.push(node.end);
                }
            }
        }
    }
    for _ in block_ends {
        out.line_break();
    }
    let (text, map) = out.finish(html.len());
    Extracted {
        text,
        map,
        title: headline(&tree, html).or_else(|| page_title(&tree, html)),
        site: site_name(html),
        date: published_date(html),
    }
}

/// How far into a page its site name is looked for (it is in the `<head>`).
const SITE_NAME_WITHIN: usize = 256 << 10;

/// The site a page says it is from: `<meta property="og:site_name"
/// content="...">`, else the host of `<link rel="canonical" href="...">` or
/// `<meta property="og:url" content="...">`.
fn site_name(html: &str) -> Option<String> {
    // Cut at a character boundary: slicing first would panic on a page whose
    // byte SITE_NAME_WITHIN falls inside a multi-byte character.
    let mut end = html.len().min(SITE_NAME_WITHIN);
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let head = &html[..end];
    let mut name = None;
    let mut address = None;
    let mut rest = head;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        rest = &rest[end..];
        let (element, attributes_text) = tag
            .split_once(|c: char| c.is_ascii_whitespace())
            .unwrap_or((tag, ""));
        let attrs: Vec<(&str, &str)> = tree::attributes(attributes_text).collect();
        let value = |key: &str| {
            attrs
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| *v)
        };
        if element.eq_ignore_ascii_case("meta") {
            let property = value("property").or_else(|| value("name")).unwrap_or("");
            if property.eq_ignore_ascii_case("og:site_name") {
                // The first one found ends the search (below).
                name = value("content").and_then(|c| clean_title(&decode_fragment(c)));
            } else if property.eq_ignore_ascii_case("og:url") {
                address = address.or_else(|| value("content").and_then(host_of));
            }
        } else if element.eq_ignore_ascii_case("link")
            && value("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
        {
            address = address.or_else(|| value("href").and_then(host_of));
        } else if element.eq_ignore_ascii_case("body") {
            break;
        }
        if name.is_some() {
            break;
        }
    }
    name.or(address)
}

/// Date `<meta>` names and properties, most telling first: where a page
/// says when it was published (Open Graph's article, schema.org, Dublin
/// Core, and the names news sites use).
const DATE_METAS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
];

/// The date a page says it was published (see [`Extracted::date`]): the
/// most telling date `<meta>` of its head, else the first JSON-LD
/// `"datePublished"` within the same reach.
fn published_date(html: &str) -> Option<ExplicitDate> {
    let mut end = html.len().min(SITE_NAME_WITHIN);
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let head = &html[..end];
    let mut best: Option<(usize, ExplicitDate)> = None;
    let mut rest = head;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let close = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..close];
        rest = &rest[close..];
        let (element, attributes_text) = tag
            .split_once(|c: char| c.is_ascii_whitespace())
            .unwrap_or((tag, ""));
        if element.eq_ignore_ascii_case("body") {
            break;
        }
        if !element.eq_ignore_ascii_case("meta") {
            continue;
        }
        let attrs: Vec<(&str, &str)> = tree::attributes(attributes_text).collect();
        let value = |key: &str| {
            attrs
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| *v)
        };
        let Some(name) = value("property")
            .or_else(|| value("name"))
            .or_else(|| value("itemprop"))
        else {
            continue;
        };
        let Some(rank) = DATE_METAS.iter().position(|m| m.eq_ignore_ascii_case(name)) else {
            continue;
        };
        let date = value("content").and_then(|c| ExplicitDate::from_iso(&decode_fragment(c)));
        if let Some(date) = date {
            if best.is_none_or(|(r, _)| rank < r) {
                best = Some((rank, date));
            }
        }
    }
    best.map(|(_, date)| date).or_else(|| {
        // JSON-LD: "datePublished": "2015-11-15T09:00:00Z".
        let at = head.find("\"datePublished\"")?;
        let rest = &head[at + "\"datePublished\"".len()..];
        let rest = rest
            .trim_start()
            .strip_prefix(':')?
            .trim_start()
            .strip_prefix('"')?;
        ExplicitDate::from_iso(&rest[..rest.find('"')?])
    })
}

/// The host of an absolute http(s) address, without `www.`.
fn host_of(address: &str) -> Option<String> {
    let address = address.trim();
    let rest = address
        .strip_prefix("https://")
        .or_else(|| address.strip_prefix("http://"))
        .or_else(|| address.strip_prefix("//"))?;
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (!host.is_empty() && host.contains('.')).then(|| host.to_owned())
}

/// The text of the first non-empty `<h1>` among the first few.
fn headline(tree: &Tree, html: &str) -> Option<String> {
    tree.nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.name() == "h1")
        .take(MAX_H1_TRIES)
        .find_map(|(i, h1)| {
            let mut text = String::new();
            for node in &tree.nodes[i + 1..h1.end as usize] {
                if node.element().is_none() {
                    text.push_str(&html[node.source.clone()]);
                    text.push(' ');
                }
            }
            clean_title(&decode_fragment(&text))
        })
}

fn page_title(tree: &Tree, html: &str) -> Option<String> {
    let range = tree.title.clone()?;
    clean_title(&decode_fragment(&html[range]))
}

/// Accumulates text and its offset map, collapsing whitespace.
#[derive(Default)]
struct Emitter {
    text: String,
    map: OffsetMapBuilder,
    /// How far into the HTML the map has reached.
    source_pos: usize,
}

impl Emitter {
    /// Emits the character data at `range` of the page: entities decoded,
    /// whitespace collapsed (line breaks kept inside `<pre>`).
    fn html_text(&mut self, html: &str, range: std::ops::Range<usize>, in_pre: bool) {
        self.skip(range.start.saturating_sub(self.source_pos));
        let bytes = html.as_bytes();
        let mut i = range.start;
        while i < range.end {
            match bytes[i] {
                b'&' => {
                    let (decoded, len) = decode_entity(&html[i..range.end]);
                    self.text(&decoded, len);
                    i += len;
                }
                b if b.is_ascii_whitespace() => {
                    if in_pre && b == b'\n' {
                        self.line_break_or_skip(1);
                    } else {
                        self.space(1);
                    }
                    i += 1;
                }
                _ => {
                    let end = bytes[i..range.end]
                        .iter()
                        .position(|&b| b == b'&' || b.is_ascii_whitespace())
                        .map_or(range.end, |p| i + p.max(1));
                    let end = next_char_boundary(html, end).min(range.end);
                    self.verbatim(&html[i..end]);
                    i = end;
                }
            }
        }
    }

    fn at_line_start(&self) -> bool {
        self.text.is_empty() || self.text.ends_with('\n')
    }

    fn skip(&mut self, source_len: usize) {
        self.map.skip_source(source_len);
        self.source_pos += source_len;
    }

    fn line_break(&mut self) {
        self.line_break_or_skip(0);
    }

    fn line_break_or_skip(&mut self, source_len: usize) {
        if self.at_line_start() {
            self.skip(source_len);
            return;
        }
        if self.text.ends_with(' ') {
            // A space before a line break carries nothing: replace it.
            self.text.pop();
            self.text.push('\n');
            self.skip(source_len);
            return;
        }
        self.text.push('\n');
        self.map.push_atomic(1, source_len);
        self.source_pos += source_len;
    }

    fn space(&mut self, source_len: usize) {
        if self.at_line_start() || self.text.ends_with(' ') {
            self.skip(source_len);
        } else {
            self.text.push(' ');
            self.map.push_atomic(1, source_len);
            self.source_pos += source_len;
        }
    }

    fn verbatim(&mut self, s: &str) {
        self.text.push_str(s);
        self.map.push_linear(s.len(), 1);
        self.source_pos += s.len();
    }

    fn text(&mut self, s: &str, source_len: usize) {
        if s.chars().all(char::is_whitespace) {
            self.space(source_len);
        } else {
            self.text.push_str(s);
            self.map.push_atomic(s.len(), source_len);
            self.source_pos += source_len;
        }
    }

    /// The text and its map, which covers the whole page of `source_len` bytes.
    fn finish(mut self, source_len: usize) -> (String, OffsetMap) {
        self.skip(source_len.saturating_sub(self.source_pos));
        (self.text, self.map.finish())
    }
}

fn next_char_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
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

/// The longest title kept, in characters: headlines run to about a hundred;
/// an `<h1>` left open swallows the page, and a `<title>` stuffed with
/// keywords is no name to cite.
const MAX_TITLE_CHARS: usize = 300;

/// Collapses whitespace; `None` when nothing is left or the title is longer
/// than [`MAX_TITLE_CHARS`].
fn clean_title(s: &str) -> Option<String> {
    let title = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!title.is_empty() && title.chars().count() <= MAX_TITLE_CHARS).then_some(title)
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
    fn the_date_is_the_one_the_page_says_it_was_published() {
        let date = |head: &str| {
            published_date(&format!(
                "<html><head>{head}</head><body><p>In May 1996 it rained.</p></body></html>"
            ))
            .map(|d| d.to_string())
        };
        assert_eq!(
            date(r#"<meta name="date" content="2015-11-01"><meta property="article:published_time" content="2015-11-15T09:00:00Z">"#).as_deref(),
            Some("15 November 2015")
        );
        assert_eq!(
            date(r#"<script type="application/ld+json">{"@type": "NewsArticle", "datePublished" : "2014-03-02"}</script>"#).as_deref(),
            Some("2 March 2014")
        );
        assert_eq!(
            date(r#"<meta itemprop="datePublished" content="2013-07">"#).as_deref(),
            Some("July 2013")
        );
        // A date in the text is no date of the page's own.
        assert_eq!(date("<title>News</title>"), None);
        assert_eq!(date(r#"<meta name="date" content="soon">"#), None);
    }

    #[test]
    fn the_site_is_its_og_site_name_else_its_canonical_host() {
        let site = |head: &str| {
            site_name(&format!(
                "<html><head>{head}</head><body><p>x</p></body></html>"
            ))
        };
        assert_eq!(
            site(r#"<meta property="og:site_name" content="The Riverton &amp; District Times"><link rel="canonical" href="https://www.riverton.example/a">"#).as_deref(),
            Some("The Riverton & District Times")
        );
        assert_eq!(
            site(r#"<link rel=canonical href="https://www.riverton.example/news/a?x=1">"#)
                .as_deref(),
            Some("riverton.example")
        );
        assert_eq!(
            site(r#"<meta property="og:url" content="http://news.example.org:8080/a">"#).as_deref(),
            Some("news.example.org")
        );
        assert_eq!(site("<title>No site</title>"), None);
        assert_eq!(
            site(r#"<link rel="canonical" href="/relative/path">"#),
            None
        );
        // Not looked for past the head.
        assert_eq!(
            site_name(r#"<body><meta property="og:site_name" content="Late"></body>"#),
            None
        );
    }

    #[test]
    fn a_long_page_cut_inside_a_character_still_gives_its_site() {
        // Byte SITE_NAME_WITHIN at every offset inside characters of two,
        // three and four bytes: the cut must move back to a boundary.
        let head = r#"<head><meta property="og:site_name" content="Riverton Times"></head>"#;
        for wide in ['é', '中', '😀'] {
            for pad in 0..wide.len_utf8() {
                let mut html = format!("{head}<body><p>{}", " ".repeat(pad));
                while html.len() <= SITE_NAME_WITHIN {
                    html.push(wide);
                }
                html.push_str("</p></body>");
                assert_eq!(site_name(&html).as_deref(), Some("Riverton Times"));
            }
        }
        let mut html = format!("{head}<body><p>");
        html.push_str(&"中".repeat(SITE_NAME_WITHIN / 3 + 10));
        html.push_str("</p></body>");
        assert_eq!(extract(&html).site.as_deref(), Some("Riverton Times"));
    }

    #[test]
    fn an_h1_left_open_over_the_page_is_no_title() {
        let paragraph = "<p>The council met on Monday and agreed a budget.</p>";
        let page = format!(
            "<html><head><title>Council news</title></head><body><h1>{}",
            paragraph.repeat(50)
        );
        assert_eq!(extract(&page).title.as_deref(), Some("Council news"));
        let stuffed = format!("<title>{}</title><p>Body.</p>", "budget news ".repeat(40));
        assert_eq!(extract(&stuffed).title, None);
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

    /// Three paragraphs of an article, long enough to score.
    const ARTICLE: &str = "<p>The council voted on Tuesday to close the old bridge, citing cracks \
        in two of its piers, a report by engineers, and the cost of repairs.</p>\
        <p>Traffic will move to the ferry, which adds twenty minutes, officials said, \
        until a new crossing opens in three years.</p>\
        <p>Residents, who had campaigned for repairs, said they would appeal, and a \
        hearing is set for May.</p>";

    fn assert_article_without(page: &str, furniture: &[&str]) {
        let e = extract(page);
        for needle in [
            "council voted",
            "Traffic will move",
            "hearing is set for May",
        ] {
            assert!(
                e.text.contains(needle),
                "lost {needle:?} from {page}:\n{}",
                e.text
            );
        }
        for junk in furniture {
            assert!(
                !e.text.contains(junk),
                "kept {junk:?} from {page}:\n{}",
                e.text
            );
        }
        assert_spans_hold_text(page, &e);
    }

    #[test]
    fn furniture_words_inside_longer_classes_keep_the_article() {
        for wrapper in [
            "<div class=\"contentWithSidebar\">",
            "<div class=\"l-sidebar-fixed\">",
            "<div id=\"evolve-shared-mutable-history\">",
            "<div class=\"modalShadow\">",
        ] {
            let page = format!("<body>{wrapper}{ARTICLE}</div><div class=\"sidebar\"><a href=/>Most read today</a></div></body>");
            assert_article_without(&page, &["Most read today"]);
        }
    }

    #[test]
    fn article_tags_in_comments_and_scripts_change_nothing() {
        let page = format!(
            "<body><!-- <article> --><script>document.write('<article>x</article>')</script>\
             <div class=story>{ARTICLE}</div></body>"
        );
        assert_article_without(&page, &["document.write", "<article>"]);
    }

    #[test]
    fn stray_quote_in_a_tag_keeps_the_rest_of_the_page() {
        let page = format!("<body><div \"=\"\">{ARTICLE}</div></body>");
        assert_article_without(&page, &["\"="]);
    }

    #[test]
    fn void_and_self_closed_elements_do_not_hide_what_follows() {
        for opener in ["<embed src=x>", "<svg/>", "<iframe/>", "<video src=v/>"] {
            let page = format!("<body><div>{opener}{ARTICLE}</div></body>");
            assert_article_without(&page, &[]);
        }
    }

    #[test]
    fn menus_outside_nav_and_related_lists_are_dropped() {
        let menu = "<div class=\"top-menu\"><ul><li><a href=/a>World news</a></li>\
            <li><a href=/b>Business</a></li><li><a href=/c>Sport pages</a></li></ul></div>";
        let related = "<ul><li><a href=/x>Ferry fares rise again this summer</a></li>\
            <li><a href=/y>Bridge inspections: what the reports said</a></li></ul>";
        let page = format!("<body>{menu}<div class=main-col>{ARTICLE}{related}</div></body>");
        assert_article_without(&page, &["World news", "Sport pages", "Ferry fares"]);
    }

    #[test]
    fn comment_threads_are_dropped() {
        let reply = |who: &str| {
            format!(
                "<article class=comment><p>{who} wrote: I drive over that bridge every day, \
                and honestly, it has felt unsafe for years.</p></article>"
            )
        };
        let page = format!(
            "<body><article>{ARTICLE}</article><section id=\"comments\">{}{}{}</section></body>",
            reply("Ann"),
            reply("Bob"),
            reply("Cy")
        );
        assert_article_without(&page, &["Ann wrote", "Bob wrote", "Cy wrote"]);
    }

    #[test]
    fn hidden_elements_are_dropped() {
        let page = format!(
            "<body><div>{ARTICLE}<p hidden>Hidden by attribute, with a long sentence here.</p>\
             <div style=\"display: none\">Hidden by style, with another long sentence.</div></div></body>"
        );
        assert_article_without(&page, &["Hidden by"]);
    }

    #[test]
    fn multibyte_text_runs_stay_on_char_boundaries() {
        let html = "<p>Привет мир. 你好世界。 مرحبا</p>";
        let e = extract(html);
        assert_eq!(e.text.trim(), "Привет мир. 你好世界。 مرحبا");
        assert_spans_hold_text(html, &e);
    }
}
