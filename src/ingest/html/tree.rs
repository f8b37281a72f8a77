//! A tolerant HTML parser into a flat tree that keeps every node's byte range.
//!
//! Nodes are stored in document order, so a node's descendants are the nodes
//! after it up to its `end`: every walk over the tree is a loop over indices,
//! never a recursion, and 100,000 nested tags cost no stack. The parser follows
//! the HTML5 tokenizer where it matters for finding text (comments, raw-text
//! elements, quoted attribute values only after `=`, void and self-closed
//! elements) and a small part of the tree builder (a new block closes an open
//! `<p>`, a new `<li>` closes the previous one, an end tag closes what was left
//! open inside its element, an end tag with nothing to close is ignored).

/// What a node is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    /// An element: its lowercased name and the facts about its attributes that
    /// content selection uses.
    Element(Element),
    /// A run of character data (entities not yet decoded).
    Text,
}

/// The attributes of an element that matter for choosing content.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Element {
    /// The tag name, lowercased.
    pub(crate) name: String,
    /// The `class` and `id` values, space-separated, as written.
    pub(crate) class_id: String,
    /// The `role` value, lowercased.
    pub(crate) role: String,
    /// The `itemprop` value, lowercased.
    pub(crate) itemprop: String,
    /// Hidden from readers: `hidden`, `aria-hidden="true"`, or a style with
    /// `display:none` or `visibility:hidden`.
    pub(crate) hidden: bool,
}

/// One node: an element (from its start tag) or a text run.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub(crate) kind: Kind,
    /// The parent's index; `None` for top-level nodes.
    pub(crate) parent: Option<u32>,
    /// One past the index of the node's last descendant.
    pub(crate) end: u32,
    /// For text: its byte range in the page. For an element: its start tag's.
    pub(crate) source: std::ops::Range<usize>,
}

impl Node {
    /// The element's facts, or `None` for text.
    pub(crate) fn element(&self) -> Option<&Element> {
        match &self.kind {
            Kind::Element(e) => Some(e),
            Kind::Text => None,
        }
    }

    /// The element's name, or `""` for text.
    pub(crate) fn name(&self) -> &str {
        self.element().map_or("", |e| e.name.as_str())
    }
}

/// A parsed page.
#[derive(Debug, Default)]
pub(crate) struct Tree {
    pub(crate) nodes: Vec<Node>,
    /// The text of the first non-empty `<title>`, entities not yet decoded.
    pub(crate) title: Option<std::ops::Range<usize>>,
}

/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Elements whose content is raw text, ended only by their own end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "noframes",
];

/// Start tags that close an open `<p>` (HTML5's "close a p element").
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "dialog",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// A tag as written: name, whether it is an end tag or self-closed, its attribute text.
pub(crate) struct Tag<'a> {
    pub(crate) name: String,
    pub(crate) closing: bool,
    pub(crate) self_closed: bool,
    pub(crate) attributes: &'a str,
    /// Offset just past the tag's `>`.
    pub(crate) end: usize,
}

/// Parses a page into a [`Tree`].
pub(crate) fn parse(html: &str) -> Tree {
    let bytes = html.as_bytes();
    let mut tree = Tree::default();
    // Open elements, innermost last, and how many of each name are open (so
    // that an end tag with nothing to close costs nothing to ignore).
    let mut open: Vec<u32> = Vec::new();
    let mut open_counts: rustc_hash::FxHashMap<String, usize> = Default::default();
    let mut i = 0;
    let mut text_start: Option<usize> = None;
    while i < bytes.len() {
        let Some(lt) = memchr::memchr(b'<', &bytes[i..]).map(|p| p + i) else {
            break;
        };
        let starts_markup = bytes
            .get(lt + 1)
            .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?'));
        if !starts_markup {
            text_start.get_or_insert(i);
            i = lt + 1;
            continue;
        }
        if let Some(start) = text_start.take().or(Some(i)).filter(|&s| s < lt) {
            push_text(&mut tree, &open, start..lt);
        }
        if bytes[lt..].starts_with(b"<!--") {
            i = find(bytes, lt + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        if matches!(bytes[lt + 1], b'!' | b'?') {
            // A doctype, CDATA or processing instruction: up to the next `>`.
            i = memchr::memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |p| lt + p + 1);
            continue;
        }
        let Some(tag) = parse_tag(html, lt) else {
            // A tag that never closes: the rest of the page is inside it.
            i = bytes.len();
            break;
        };
        i = tag.end;
        if tag.name.is_empty() {
            continue;
        }
        if tag.closing {
            close(&mut tree, &mut open, &mut open_counts, &tag.name);
            continue;
        }
        let name = tag.name.as_str();
        if CLOSES_P.contains(&name) && open_counts.get("p").is_some_and(|&c| c > 0) {
            close_innermost_p(&mut tree, &mut open, &mut open_counts);
        }
        if matches!(name, "li" | "dt" | "dd" | "tr" | "td" | "th" | "option") {
            close_sibling_item(&mut tree, &mut open, &mut open_counts, name);
        }
        let index = push_node(&mut tree, &open, Kind::Element(element(&tag)), lt..tag.end);
        let closed =
            VOID.contains(&name) || (tag.self_closed && !matches!(name, "script" | "style"));
        if RAW_TEXT.contains(&name) && !closed {
            let end = raw_text_end(html, tag.end, name);
            if name == "title" && tree.title.is_none() && end.content_end > tag.end {
                let content = tag.end..end.content_end;
                if !html[content.clone()].trim().is_empty() {
                    tree.title = Some(content);
                }
            }
            i = end.element_end;
            continue;
        }
        if closed {
            continue;
        }
        open.push(index);
        *open_counts.entry(tag.name).or_insert(0) += 1;
    }
    let rest = text_start.unwrap_or(i);
    if rest < bytes.len() {
        push_text(&mut tree, &open, rest..bytes.len());
    }
    let len = tree.nodes.len() as u32;
    for index in open {
        tree.nodes[index as usize].end = len;
    }
    tree
}

fn push_node(tree: &mut Tree, open: &[u32], kind: Kind, source: std::ops::Range<usize>) -> u32 {
    let index = tree.nodes.len() as u32;
    tree.nodes.push(Node {
        kind,
        parent: open.last().copied(),
        end: index + 1,
        source,
    });
    index
}

fn push_text(tree: &mut Tree, open: &[u32], source: std::ops::Range<usize>) {
    push_node(tree, open, Kind::Text, source);
}

/// Closes the innermost open element named `name` and everything opened inside it.
fn close(
    tree: &mut Tree,
    open: &mut Vec<u32>,
    open_counts: &mut rustc_hash::FxHashMap<String, usize>,
    name: &str,
) {
    if open_counts.get(name).is_none_or(|&c| c == 0) {
        return;
    }
    let len = tree.nodes.len() as u32;
    while let Some(index) = open.pop() {
        let node = &mut tree.nodes[index as usize];
        node.end = len;
        let popped = node.name().to_owned();
        if let Some(count) = open_counts.get_mut(&popped) {
            *count = count.saturating_sub(1);
        }
        if popped == name {
            break;
        }
    }
}

fn close_innermost_p(
    tree: &mut Tree,
    open: &mut Vec<u32>,
    open_counts: &mut rustc_hash::FxHashMap<String, usize>,
) {
    // Only when the `<p>` is the innermost element or holds only inline
    // elements: a block inside a `<div>` inside a `<p>` leaves the `<p>` open.
    let innermost_p = open
        .iter()
        .rposition(|&i| tree.nodes[i as usize].name() == "p");
    if let Some(at) = innermost_p {
        let inline_above = open[at + 1..]
            .iter()
            .all(|&i| !CLOSES_P.contains(&tree.nodes[i as usize].name()));
        if inline_above {
            close(tree, open, open_counts, "p");
        }
    }
}

/// A new list item, table row or cell closes the previous one of its kind
/// when nothing that scopes it (a list, a table) is open inside that one.
fn close_sibling_item(
    tree: &mut Tree,
    open: &mut Vec<u32>,
    open_counts: &mut rustc_hash::FxHashMap<String, usize>,
    name: &str,
) {
    let (closes, scopes): (&[&str], &[&str]) = match name {
        "li" => (&["li"], &["ul", "ol", "menu"]),
        "dt" | "dd" => (&["dt", "dd"], &["dl"]),
        "tr" => (&["tr", "td", "th"], &["table", "tbody", "thead", "tfoot"]),
        "td" | "th" => (&["td", "th"], &["tr", "table"]),
        _ => (&["option"], &["select", "datalist", "optgroup"]),
    };
    for &index in open.iter().rev() {
        let open_name = tree.nodes[index as usize].name();
        if closes.contains(&open_name) {
            let open_name = open_name.to_owned();
            close(tree, open, open_counts, &open_name);
            // A row closes its cells first, then the row itself.
            if name == "tr" && open_name != "tr" {
                close_sibling_item(tree, open, open_counts, name);
            }
            return;
        }
        if scopes.contains(&open_name) {
            return;
        }
    }
}

fn element(tag: &Tag<'_>) -> Element {
    let mut element = Element {
        name: tag.name.clone(),
        ..Element::default()
    };
    for (name, value) in attributes(tag.attributes) {
        let name = name.to_ascii_lowercase();
        match name.as_str() {
            "class" | "id" => {
                if !element.class_id.is_empty() {
                    element.class_id.push(' ');
                }
                element.class_id.push_str(value);
            }
            "role" => element.role = value.trim().to_ascii_lowercase(),
            "itemprop" => element.itemprop = value.trim().to_ascii_lowercase(),
            "hidden" => element.hidden = true,
            "aria-hidden" => element.hidden |= value.trim().eq_ignore_ascii_case("true"),
            "style" => element.hidden |= style_hides(value),
            _ => {}
        }
    }
    element
}

/// Whether an inline style hides the element (`display: none`, `visibility: hidden`).
fn style_hides(style: &str) -> bool {
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

/// Parses the tag starting at `start` (which holds `<`); `None` when it never closes.
///
/// As in HTML5: a quote opens a quoted value only right after `=` (a stray
/// quote elsewhere is part of an attribute name), and a `/` just before `>`
/// marks the tag self-closed.
pub(crate) fn parse_tag(html: &str, start: usize) -> Option<Tag<'_>> {
    let bytes = html.as_bytes();
    let mut i = start + 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'/' | b'>') {
        i += 1;
    }
    let name = html.get(name_start..i).unwrap_or("").to_ascii_lowercase();
    let attributes_start = i;
    let mut after_equals = false;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => {
                let attributes = &html[attributes_start..i];
                return Some(Tag {
                    name,
                    closing,
                    self_closed: attributes.ends_with('/'),
                    attributes,
                    end: i + 1,
                });
            }
            q @ (b'"' | b'\'') if after_equals => {
                i = memchr::memchr(q, &bytes[i + 1..])? + i + 2;
                after_equals = false;
                continue;
            }
            b'=' => after_equals = true,
            b if b.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    None
}

/// The attributes of a tag's attribute text, as (name, value) pairs; a name
/// without `=` has an empty value.
pub(crate) fn attributes(text: &str) -> impl Iterator<Item = (&str, &str)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let name_start = i;
        i += 1;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'/')
        {
            i += 1;
        }
        let name = &text[name_start..i];
        let mut j = i;
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if bytes.get(j) != Some(&b'=') {
            return Some((name, ""));
        }
        j += 1;
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        let value = match bytes.get(j) {
            Some(&q @ (b'"' | b'\'')) => {
                let value_start = j + 1;
                let value_end = memchr::memchr(q, &bytes[value_start..])
                    .map_or(bytes.len(), |p| value_start + p);
                i = (value_end + 1).min(bytes.len());
                &text[value_start..value_end]
            }
            _ => {
                let value_start = j;
                while j < bytes.len() && !bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                i = j;
                &text[value_start..j]
            }
        };
        Some((name, value))
    })
}

pub(crate) struct RawTextEnd {
    pub(crate) content_end: usize,
    pub(crate) element_end: usize,
}

/// Where a raw-text element (`script`, `style`, `title`...) ends: at its own
/// end tag, else at the end of the page.
pub(crate) fn raw_text_end(html: &str, content_start: usize, name: &str) -> RawTextEnd {
    let bytes = html.as_bytes();
    let mut i = content_start;
    while let Some(p) = find(bytes, i, b"</") {
        let candidate = &bytes[p + 2..];
        let ends_name = candidate
            .get(name.len())
            .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'));
        if candidate.len() >= name.len()
            && candidate[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && ends_name
        {
            let element_end = memchr::memchr(b'>', &bytes[p..]).map_or(bytes.len(), |e| p + e + 1);
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

pub(crate) fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from > haystack.len() {
        return None;
    }
    memchr::memmem::find(&haystack[from..], needle).map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(tree: &Tree) -> Vec<(String, Option<u32>, u32)> {
        tree.nodes
            .iter()
            .map(|n| (n.name().to_owned(), n.parent, n.end))
            .collect()
    }

    #[test]
    fn nesting_and_ranges() {
        let html = "<div class=a><p>One<b>two</b></div>tail";
        let tree = parse(html);
        let got = names(&tree);
        assert_eq!(
            got,
            [
                ("div".into(), None, 5),
                ("p".into(), Some(0), 5),
                ("".into(), Some(1), 3),
                ("b".into(), Some(1), 5),
                ("".into(), Some(3), 5),
                ("".into(), None, 6),
            ]
        );
        assert_eq!(&html[tree.nodes[2].source.clone()], "One");
        assert_eq!(&html[tree.nodes[5].source.clone()], "tail");
    }

    /// A stray quote in a tag is part of an attribute name, not the start
    /// of a value that swallows the rest of the page.
    #[test]
    fn stray_quote_in_a_tag_does_not_swallow_the_page() {
        let tree = parse("<div \"=\"\"><p>Kept text.</p></div>");
        assert!(tree.nodes.iter().any(|n| n.name() == "p"));
        let tree = parse("<div class=\"a\" \" title='x'>Body</div>");
        assert_eq!(tree.nodes.len(), 2);
        assert_eq!(
            tree.nodes[0].element().map(|e| e.class_id.as_str()),
            Some("a")
        );
    }

    /// Void and self-closed elements open nothing: text after them is not inside them.
    #[test]
    fn void_and_self_closed_elements_hold_nothing() {
        for html in [
            "<embed src=x><p>After.</p>",
            "<svg/><p>After.</p>",
            "<iframe/><p>After.</p>",
            "<img src=a.png><p>After.</p>",
        ] {
            let tree = parse(html);
            let p = tree.nodes.iter().find(|n| n.name() == "p").expect(html);
            assert_eq!(p.parent, None, "{html}");
        }
    }

    #[test]
    fn comments_and_scripts_hold_no_elements() {
        let tree = parse("<!-- <article> --><script>var a = '<article>';</script><p>x</p>");
        let named: Vec<&str> = tree.nodes.iter().map(Node::name).collect();
        assert_eq!(named, ["script", "p", ""]);
    }

    #[test]
    fn implied_ends_of_paragraphs_and_items() {
        let tree = parse("<ul><li>a<li>b</ul><p>one<p>two<div>three</div>");
        let parents: Vec<(&str, Option<&str>)> = tree
            .nodes
            .iter()
            .map(|n| (n.name(), n.parent.map(|p| tree.nodes[p as usize].name())))
            .collect();
        assert_eq!(
            parents,
            [
                ("ul", None),
                ("li", Some("ul")),
                ("", Some("li")),
                ("li", Some("ul")),
                ("", Some("li")),
                ("p", None),
                ("", Some("p")),
                ("p", None),
                ("", Some("p")),
                ("div", None),
                ("", Some("div")),
            ]
        );
    }

    #[test]
    fn hidden_elements_are_marked() {
        for html in [
            "<div hidden>x</div>",
            "<div style=\"color: red; display : none\">x</div>",
            "<div aria-hidden=\"true\">x</div>",
            "<div style='visibility:hidden'>x</div>",
        ] {
            let tree = parse(html);
            assert!(tree.nodes[0].element().is_some_and(|e| e.hidden), "{html}");
        }
        assert!(!parse("<div style=\"display:block\">x</div>").nodes[0]
            .element()
            .is_some_and(|e| e.hidden));
    }

    #[test]
    fn deep_nesting_and_unmatched_end_tags_are_linear() {
        let html = format!("{}x{}", "<div>".repeat(100_000), "</span>".repeat(100_000));
        let started = std::time::Instant::now();
        let tree = parse(&html);
        assert_eq!(tree.nodes.len(), 100_001);
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
    }
}
