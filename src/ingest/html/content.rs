//! Which nodes of a parsed page are its article: content scoring in the
//! manner of Readability, on the flat [`Tree`].
//!
//! Text blocks (paragraphs, cells, `<div>`s holding only inline content) score
//! by their length and commas; each adds its score to its ancestors, less with
//! each level up. A container's score is scaled by the share of its text that
//! is not link text, and by words in its class and id (`article`, `content`
//! up; `comment`, `sidebar`, `share` down). The best container, with those of
//! its siblings that score close to it, is the article; inside it, furniture
//! (sharing widgets, related lists, comment threads, forms, link-dense lists)
//! is removed. When that leaves too little text, the page is read again with
//! fewer removals, and at worst all of its visible text is kept, so a page
//! with text never gives none.
//!
//! Class and id values are split into words at `-`, `_` and lower-to-upper
//! case changes for scoring; removal by name asks more: a whole class token,
//! or its first or last hyphenated part, must be the furniture word, so
//! `l-sidebar-fixed`, `contentWithSidebar` or `shared-history` are never
//! furniture by name. Hidden elements, scripts, navigation and media are never
//! text.

use super::tree::{Node, Tree};

/// Elements whose content is never article text.
const NEVER_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "textarea", "nav", "aside", "footer", "button",
    "select", "option", "iframe", "svg", "math", "menu", "dialog", "canvas", "video", "audio",
    "object", "embed", "head", "title", "input", "label", "picture", "figure", "map", "xmp",
    "noembed", "noframes",
];

/// ARIA roles of elements that are never article text.
const NEVER_TEXT_ROLES: &[&str] = &[
    "navigation",
    "menu",
    "menubar",
    "complementary",
    "alert",
    "alertdialog",
    "dialog",
    "search",
    "banner",
    "contentinfo",
];

/// Class and id words of page furniture (removed before scoring, and inside the article).
const FURNITURE: &[&str] = &[
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "combx",
    "comment",
    "comments",
    "community",
    "disqus",
    "footer",
    "gdpr",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "sponsored",
    "supplemental",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "share",
    "sharing",
    "newsletter",
    "subscribe",
    "subscription",
    "cookie",
    "cookies",
    "consent",
    "promo",
    "widget",
    "nav",
    "navbar",
    "navigation",
    "modal",
    "masthead",
    "outbrain",
    "taboola",
    "recommended",
    "trending",
    "popular",
    "tags",
    "byline",
    "author",
    "signup",
    "paywall",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "toolbar",
    "print",
    "more",
];

/// Class and id words that may hold the article even when a furniture word is there too.
const MAYBE_CONTENT: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "shadow", "story", "entry", "post",
    "text",
];

/// Class and id words of article containers (+25).
const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "main",
    "page",
    "post",
    "text",
    "blog",
    "story",
    "articlebody",
];

/// Class and id words of furniture (-25).
const NEGATIVE: &[&str] = &[
    "hidden",
    "banner",
    "combx",
    "comment",
    "com",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    "ad",
    "ads",
    "social",
    "nav",
    "menu",
    "caption",
    "credit",
    "byline",
];

/// Block-level elements: a `<div>` holding none of these directly is a paragraph.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
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
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// Fewer characters than this in the article means the reading is retried with fewer removals.
const MIN_ARTICLE_CHARS: u32 = 250;

/// Text facts of a node's subtree, counting only nodes that are not removed.
#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    /// Non-space characters of text.
    chars: u32,
    /// Non-space characters of text inside links.
    link_chars: u32,
    /// Commas (Latin, CJK and Arabic).
    commas: u32,
    paragraphs: u32,
    images: u32,
    items: u32,
    inputs: u32,
    embeds: u32,
    /// Whether a block-level element is a direct child.
    has_block_child: bool,
}

impl Stats {
    fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// Which steps a reading takes; later readings drop some when the first finds too little.
#[derive(Debug, Clone, Copy)]
struct Steps {
    remove_furniture: bool,
    weigh_classes: bool,
    clean_conditionally: bool,
}

/// Per node, whether its text is article text.
pub(crate) fn select(tree: &Tree, html: &str) -> Vec<bool> {
    let n = tree.nodes.len();
    let words: Vec<Vec<String>> = tree
        .nodes
        .iter()
        .map(|node| {
            node.element()
                .map_or_else(Vec::new, |e| class_words(&e.class_id))
        })
        .collect();
    let never = never_text(tree);
    let own_chars: Vec<(u32, u32)> = tree
        .nodes
        .iter()
        .map(|node| match node.element() {
            Some(_) => (0, 0),
            None => count_text(&html[node.source.clone()]),
        })
        .collect();
    let context = Context {
        tree,
        words: &words,
        own_chars: &own_chars,
    };
    let mut best: Option<(u32, Vec<bool>)> = None;
    for steps in [
        Steps {
            remove_furniture: true,
            weigh_classes: true,
            clean_conditionally: true,
        },
        Steps {
            remove_furniture: false,
            weigh_classes: true,
            clean_conditionally: true,
        },
        Steps {
            remove_furniture: false,
            weigh_classes: false,
            clean_conditionally: true,
        },
        Steps {
            remove_furniture: false,
            weigh_classes: false,
            clean_conditionally: false,
        },
    ] {
        let keep = context.read(&never, steps);
        let chars: u32 = (0..n).filter(|&i| keep[i]).map(|i| own_chars[i].0).sum();
        if chars >= MIN_ARTICLE_CHARS {
            return keep;
        }
        // A later reading replaces an earlier one only when it finds much
        // more: on a short page, furniture would otherwise win by its length.
        if best.as_ref().is_none_or(|(c, _)| chars > 2 * *c) {
            best = Some((chars, keep));
        }
    }
    match best {
        Some((chars, keep)) if chars > 0 => keep,
        // Nothing scored: every visible text is kept.
        _ => (0..n).map(|i| !never[i]).collect(),
    }
}

struct Context<'a> {
    tree: &'a Tree,
    words: &'a [Vec<String>],
    /// Per text node: (non-space characters, commas).
    own_chars: &'a [(u32, u32)],
}

impl Context<'_> {
    fn nodes(&self) -> &[Node] {
        &self.tree.nodes
    }

    fn children(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        let nodes = self.nodes();
        let end = nodes[index].end as usize;
        let mut next = index + 1;
        std::iter::from_fn(move || {
            (next < end).then(|| {
                let child = next;
                next = (nodes[child].end as usize).max(child + 1);
                child
            })
        })
    }

    /// One reading: the nodes kept as the article under the given steps.
    fn read(&self, never: &[bool], steps: Steps) -> Vec<bool> {
        let nodes = self.nodes();
        let n = nodes.len();
        let mut removed = never.to_vec();
        if steps.remove_furniture {
            for i in 0..n {
                if removed[i] {
                    continue;
                }
                let parent_removed = nodes[i].parent.is_some_and(|p| removed[p as usize]);
                removed[i] = parent_removed || self.is_unlikely(i);
            }
        }
        let stats = self.stats(&removed);
        let (scores, scored) = self.score(&removed, &stats, steps);
        let Some(top) = self.top_candidate(&scores, &scored, &stats) else {
            // No paragraph long enough to score: the longest `<article>` or
            // `<main>`, else everything visible.
            let marked = (0..n)
                .filter(|&i| !removed[i] && matches!(nodes[i].name(), "article" | "main"))
                .max_by_key(|&i| (stats[i].chars, std::cmp::Reverse(i)));
            return match marked {
                Some(root) => (0..n)
                    .map(|i| !removed[i] && i >= root && i < nodes[root].end as usize)
                    .collect(),
                None => (0..n).map(|i| !removed[i]).collect(),
            };
        };
        let mut keep = vec![false; n];
        for root in self.article_roots(top, &scores, &scored, &stats) {
            let end = nodes[root].end as usize;
            for i in root..end {
                keep[i] = !removed[i];
            }
        }
        self.clean(&mut keep, &stats, &scores, &scored, steps);
        keep
    }

    /// Whether an element's class or id names it as furniture (and nothing that may be content).
    fn is_unlikely(&self, index: usize) -> bool {
        let node = &self.nodes()[index];
        let Some(element) = node.element() else {
            return false;
        };
        if !is_container(&element.name)
            || matches!(element.name.as_str(), "body" | "html" | "article" | "main")
        {
            return false;
        }
        is_furniture_by_name(&element.class_id)
            && !self.words[index]
                .iter()
                .any(|w| MAYBE_CONTENT.contains(&w.as_str()))
    }

    fn stats(&self, removed: &[bool]) -> Vec<Stats> {
        let nodes = self.nodes();
        let mut stats = vec![Stats::default(); nodes.len()];
        for i in (0..nodes.len()).rev() {
            if removed[i] {
                continue;
            }
            let node = &nodes[i];
            let mut own = stats[i];
            match node.element() {
                None => {
                    let (chars, commas) = self.own_chars[i];
                    own.chars += chars;
                    own.commas += commas;
                }
                Some(element) => match element.name.as_str() {
                    "a" => own.link_chars = own.chars,
                    "p" => own.paragraphs += 1,
                    "img" => own.images += 1,
                    "li" => own.items += 1,
                    "input" => own.inputs += 1,
                    "embed" | "object" | "iframe" | "video" => own.embeds += 1,
                    _ => {}
                },
            }
            stats[i] = own;
            if let Some(parent) = node.parent {
                let parent_stats = &mut stats[parent as usize];
                parent_stats.chars += own.chars;
                parent_stats.link_chars += own.link_chars;
                parent_stats.commas += own.commas;
                parent_stats.paragraphs += own.paragraphs;
                parent_stats.images += own.images;
                parent_stats.items += own.items;
                parent_stats.inputs += own.inputs;
                parent_stats.embeds += own.embeds;
                if BLOCK.contains(&node.name()) {
                    parent_stats.has_block_child = true;
                }
            }
        }
        stats
    }

    fn class_weight(&self, index: usize, steps: Steps) -> f32 {
        if !steps.weigh_classes {
            return 0.0;
        }
        let words = &self.words[index];
        let mut weight = 0.0;
        if words.iter().any(|w| NEGATIVE.contains(&w.as_str())) {
            weight -= 25.0;
        }
        if words.iter().any(|w| POSITIVE.contains(&w.as_str())) {
            weight += 25.0;
        }
        if let Some(element) = self.nodes()[index].element() {
            if element.itemprop.contains("articlebody") {
                weight += 25.0;
            }
        }
        weight
    }

    /// Paragraph scores added up in their ancestors; `scored` marks the containers that got one.
    fn score(&self, removed: &[bool], stats: &[Stats], steps: Steps) -> (Vec<f32>, Vec<bool>) {
        let nodes = self.nodes();
        let mut scores = vec![0.0f32; nodes.len()];
        let mut scored = vec![false; nodes.len()];
        for i in 0..nodes.len() {
            if removed[i] {
                continue;
            }
            let name = nodes[i].name();
            let paragraph = match name {
                "p" | "pre" | "td" | "blockquote" => true,
                "div" | "section" | "article" | "main" | "font" | "center" | "span" | "dd"
                | "li" => !stats[i].has_block_child && nodes[i].parent.is_some(),
                _ => false,
            };
            if !paragraph || stats[i].chars < 25 {
                continue;
            }
            // A `<span>` or `<li>` of a paragraph already counted adds nothing.
            if matches!(name, "span" | "li" | "font")
                && nodes[i]
                    .parent
                    .is_some_and(|p| matches!(nodes[p as usize].name(), "p" | "span" | "font"))
            {
                continue;
            }
            self.credit(nodes[i].parent, &stats[i], steps, &mut scores, &mut scored);
        }
        // Runs of text and inline elements beside blocks (text with `<br>`s
        // in a `<div>` that also holds blocks) are paragraphs of that container.
        for i in 0..nodes.len() {
            if removed[i] || !stats[i].has_block_child {
                continue;
            }
            let mut run = Stats::default();
            let children: Vec<usize> = self.children(i).collect();
            for child in children.into_iter().map(Some).chain([None]) {
                let is_block = child.is_none_or(|c| BLOCK.contains(&nodes[c].name()));
                if is_block {
                    if run.chars >= 25 {
                        self.credit(Some(i as u32), &run, steps, &mut scores, &mut scored);
                    }
                    run = Stats::default();
                } else if let Some(c) = child.filter(|&c| !removed[c]) {
                    run.chars += stats[c].chars;
                    run.commas += stats[c].commas;
                }
            }
        }
        for i in 0..nodes.len() {
            if scored[i] {
                scores[i] *= 1.0 - stats[i].link_density();
            }
        }
        (scores, scored)
    }

    /// Adds a paragraph's score to its ancestors from `parent` up, less with each level.
    fn credit(
        &self,
        parent: Option<u32>,
        paragraph: &Stats,
        steps: Steps,
        scores: &mut [f32],
        scored: &mut [bool],
    ) {
        let nodes = self.nodes();
        let score = 1.0 + paragraph.commas as f32 + (paragraph.chars as f32 / 100.0).min(3.0);
        let mut ancestor = parent;
        for level in 0..5 {
            let Some(a) = ancestor else { break };
            let a = a as usize;
            if !scored[a] {
                scored[a] = true;
                scores[a] = self.initial_score(a, steps);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f32 * 3.0,
            };
            scores[a] += score / divider;
            ancestor = nodes[a].parent;
        }
    }

    fn initial_score(&self, index: usize, steps: Steps) -> f32 {
        let base = match self.nodes()[index].name() {
            "div" | "article" | "main" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        base + self.class_weight(index, steps)
    }

    fn top_candidate(&self, scores: &[f32], scored: &[bool], stats: &[Stats]) -> Option<usize> {
        let nodes = self.nodes();
        let mut candidates: Vec<usize> = (0..nodes.len()).filter(|&i| scored[i]).collect();
        candidates.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
        let mut top = *candidates.first()?;
        let is_body = |i: usize| matches!(nodes[i].name(), "body" | "html");
        // Several near-best candidates under one ancestor: the article is that ancestor.
        let close: Vec<usize> = candidates
            .iter()
            .skip(1)
            .take(4)
            .copied()
            .filter(|&c| scores[c] >= 0.75 * scores[top])
            .collect();
        if close.len() >= 3 {
            let mut parent = nodes[top].parent;
            while let Some(p) = parent.map(|p| p as usize) {
                if is_body(p) {
                    break;
                }
                let holding = close
                    .iter()
                    .filter(|&&c| c > p && c < nodes[p].end as usize)
                    .count();
                if holding >= 3 {
                    top = p;
                    break;
                }
                parent = nodes[p].parent;
            }
        }
        // Climb while a parent scores higher than the node below it.
        let mut last = scores[top];
        let threshold = last / 3.0;
        let mut parent = nodes[top].parent;
        while let Some(p) = parent.map(|p| p as usize) {
            if is_body(p) {
                break;
            }
            if !scored[p] {
                parent = nodes[p].parent;
                continue;
            }
            if scores[p] < threshold {
                break;
            }
            if scores[p] > last {
                top = p;
                break;
            }
            last = scores[p];
            parent = nodes[p].parent;
        }
        // A container whose parent holds nothing else stands for its parent.
        while let Some(p) = nodes[top].parent.map(|p| p as usize) {
            if is_body(p)
                || self
                    .children(p)
                    .filter(|&c| nodes[c].element().is_some())
                    .count()
                    != 1
            {
                break;
            }
            let text_outside = stats[p].chars > stats[top].chars;
            if text_outside {
                break;
            }
            top = p;
        }
        Some(top)
    }

    /// The top candidate and those of its siblings that belong with it.
    fn article_roots(
        &self,
        top: usize,
        scores: &[f32],
        scored: &[bool],
        stats: &[Stats],
    ) -> Vec<usize> {
        let nodes = self.nodes();
        let Some(parent) = nodes[top].parent.map(|p| p as usize) else {
            return vec![top];
        };
        let top_score = scores[top];
        let threshold = (top_score * 0.2).max(10.0);
        let top_class = nodes[top].element().map(|e| e.class_id.as_str());
        self.children(parent)
            .filter(|&sibling| {
                if sibling == top {
                    return true;
                }
                let Some(element) = nodes[sibling].element() else {
                    return false;
                };
                let bonus = if !element.class_id.is_empty()
                    && Some(element.class_id.as_str()) == top_class
                {
                    top_score * 0.2
                } else {
                    0.0
                };
                if scored[sibling] && scores[sibling] + bonus >= threshold {
                    return true;
                }
                if element.name == "p" {
                    let s = &stats[sibling];
                    let density = s.link_density();
                    return (s.chars > 80 && density < 0.25)
                        || (s.chars > 0 && s.chars <= 80 && density == 0.0);
                }
                false
            })
            .collect()
    }

    /// Removes furniture inside the article.
    fn clean(
        &self,
        keep: &mut [bool],
        stats: &[Stats],
        scores: &[f32],
        scored: &[bool],
        steps: Steps,
    ) {
        let nodes = self.nodes();
        let mut i = 0;
        while i < nodes.len() {
            if !keep[i] {
                i += 1;
                continue;
            }
            let drop = match nodes[i].element() {
                None => false,
                Some(element) => {
                    let name = element.name.as_str();
                    let by_name = matches!(name, "form" | "fieldset" | "header")
                        && stats[i].link_density() > 0.2;
                    let furniture = steps.remove_furniture
                        && is_container(name)
                        && !matches!(name, "body" | "html" | "article" | "main")
                        && is_furniture_by_name(&element.class_id)
                        && stats[i].chars < 2000;
                    let conditional = steps.clean_conditionally
                        && matches!(
                            name,
                            "table" | "ul" | "ol" | "div" | "section" | "form" | "fieldset" | "dl"
                        )
                        && self.looks_like_furniture(i, stats, scores, scored, steps);
                    by_name || furniture || conditional
                }
            };
            if drop {
                let end = nodes[i].end as usize;
                for k in keep.iter_mut().take(end).skip(i) {
                    *k = false;
                }
                i = end.max(i + 1);
            } else {
                i += 1;
            }
        }
    }

    /// Readability's conditional cleaning: link-dense, image-heavy or
    /// form-like blocks with few commas are furniture.
    fn looks_like_furniture(
        &self,
        index: usize,
        stats: &[Stats],
        scores: &[f32],
        scored: &[bool],
        steps: Steps,
    ) -> bool {
        let s = &stats[index];
        let weight = self.class_weight(index, steps);
        let score = if scored[index] { scores[index] } else { 0.0 };
        if weight + score < 0.0 {
            return true;
        }
        if s.commas >= 10 {
            return false;
        }
        let name = self.nodes()[index].name();
        let is_list = matches!(name, "ul" | "ol" | "dl");
        let density = s.link_density();
        let paragraphs = s.paragraphs as f32;
        (s.images > 1 && paragraphs / (s.images as f32) < 0.5)
            || (!is_list && s.items > s.paragraphs + 100)
            || (s.inputs as f32 > (paragraphs / 3.0).floor())
            || (!is_list && s.chars < 25 && (s.images == 0 || s.images > 2) && density > 0.0)
            || (!is_list && weight < 25.0 && density > 0.2)
            || (weight >= 25.0 && density > 0.5)
            || ((s.embeds == 1 && s.chars < 75) || s.embeds > 1)
            || (is_list && density > 0.5)
    }
}

/// Whether an element holds blocks rather than a few words inside a
/// sentence: only such elements are removed by their class or id, so that a
/// sentence's span in the file never holds text the sentence lacks.
fn is_container(name: &str) -> bool {
    BLOCK.contains(&name) || matches!(name, "table" | "tbody" | "thead" | "tr" | "td" | "th")
}

/// Per node, whether it is never text: hidden, a script, navigation, media,
/// or inside one of those.
fn never_text(tree: &Tree) -> Vec<bool> {
    let mut never = vec![false; tree.nodes.len()];
    for (i, node) in tree.nodes.iter().enumerate() {
        let parent_never = node.parent.is_some_and(|p| never[p as usize]);
        never[i] = parent_never
            || node.element().is_some_and(|e| {
                e.hidden
                    || NEVER_TEXT.contains(&e.name.as_str())
                    || NEVER_TEXT_ROLES.contains(&e.role.as_str())
            });
    }
    never
}

/// Whether a class and id value names furniture: a whole token, or the first
/// or last `-`/`_` part of one, is a furniture word.
pub(crate) fn is_furniture_by_name(class_id: &str) -> bool {
    class_id.split_ascii_whitespace().any(|token| {
        let token = token.to_ascii_lowercase();
        let mut parts = token.split(['-', '_']).filter(|p| !p.is_empty());
        let first = parts.next();
        let last = parts.next_back();
        let found = [Some(token.as_str()), first, last]
            .into_iter()
            .flatten()
            .any(|word| FURNITURE.contains(&word));
        found
    })
}

/// The words of a class and id value: split at non-alphanumerics and at
/// lower-to-upper case changes, lowercased.
pub(crate) fn class_words(class_id: &str) -> Vec<String> {
    let mut words = Vec::new();
    for part in class_id.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut word = String::new();
        let mut previous_lower = false;
        for c in part.chars() {
            if c.is_ascii_uppercase() && previous_lower && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
            word.push(c.to_ascii_lowercase());
        }
        if !word.is_empty() {
            words.push(word);
        }
    }
    words
}

/// Non-space characters and commas of a text run.
fn count_text(text: &str) -> (u32, u32) {
    let mut chars = 0u32;
    let mut commas = 0u32;
    for c in text.chars() {
        if !c.is_whitespace() {
            chars += 1;
            if matches!(c, ',' | '，' | '、' | '،') {
                commas += 1;
            }
        }
    }
    (chars, commas)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A furniture word inside a longer class or id is not furniture.
    #[test]
    fn furniture_words_are_whole_tokens_or_their_ends() {
        for name in [
            "contentWithSidebar",
            "l-sidebar-fixed",
            "evolve-shared-mutable-history",
            "modalShadow",
            "shared",
        ] {
            assert!(!is_furniture_by_name(name), "{name}");
        }
        for name in [
            "sidebar",
            "share-buttons",
            "post-comments",
            "x related_links",
            "Sidebar",
        ] {
            assert!(is_furniture_by_name(name), "{name}");
        }
    }

    #[test]
    fn class_words_split_at_case_and_punctuation() {
        assert_eq!(
            class_words("contentWithSidebar l-main_col"),
            ["content", "with", "sidebar", "l", "main", "col"]
        );
    }
}
