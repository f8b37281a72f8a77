//! From positioned glyphs to reading text: lines, running headers and
//! footers, paragraphs, hyphenation, ligatures, and where each page starts.
//!
//! Glyphs arrive in the order the page draws them. Producers draw columns one
//! after the other and paragraphs in order, so that order is kept; geometry
//! only decides where lines, paragraphs and page furniture begin and end.

use rustc_hash::{FxHashMap, FxHashSet};

/// One drawn character: its Unicode text and where it sits on the page (PDF
/// user space: x to the right, y up, in points).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Glyph {
    /// The character (a ligature glyph may map to several).
    pub text: char,
    /// Left edge of the glyph box.
    pub x: f32,
    /// Baseline.
    pub y: f32,
    /// Advance width (0 when unknown).
    pub width: f32,
    /// Font size in points.
    pub size: f32,
}

/// One page's glyphs and its height (for telling margins from body text).
#[derive(Debug, Clone, Default)]
pub(crate) struct PageGlyphs {
    /// Glyphs in drawing order.
    pub glyphs: Vec<Glyph>,
    /// The lowest and highest y of the page box.
    pub bottom: f32,
    /// See `bottom`.
    pub top: f32,
}

/// The reading text of a paged document and the byte offset in it where each
/// page starts.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PagedText {
    /// Paragraphs separated by blank lines; each paragraph on one line.
    pub text: String,
    /// `page_starts[i]` is the offset in `text` of page `i + 1`'s first character.
    pub page_starts: Vec<usize>,
    /// The date the file gives itself (PDF `CreationDate`, Word and
    /// OpenDocument creation dates), if any.
    pub date: Option<crate::date::ExplicitDate>,
}

/// A line of text on one page.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
}

/// Share of the page height at the top and at the bottom where running
/// headers, footers and page numbers live.
const MARGIN_BAND: f32 = 0.08;

/// Lays out every page and joins them into one text.
pub(crate) fn layout(pages: &[PageGlyphs]) -> PagedText {
    let mut lines: Vec<Vec<Line>> = pages.iter().map(|p| lines_of(&p.glyphs)).collect();
    drop_furniture(pages, &mut lines);
    join(&lines)
}

/// Groups glyphs into lines: a new line where the baseline moves by more
/// than half the font size or the pen jumps back left.
fn lines_of(glyphs: &[Glyph]) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut current: Option<Line> = None;
    let mut pen = 0.0f32; // right edge of the last glyph on the current line
    for g in glyphs {
        if !g.x.is_finite() || !g.y.is_finite() || !g.size.is_finite() {
            continue;
        }
        let size = if g.size > 0.1 { g.size } else { 10.0 };
        let starts_new = match &current {
            None => true,
            Some(line) => (g.y - line.y).abs() > 0.5 * size.max(line.size) || g.x < pen - size,
        };
        if starts_new {
            if let Some(line) = current.take() {
                push_line(&mut lines, line);
            }
            if g.text.is_whitespace() {
                continue;
            }
            current = Some(Line {
                text: String::new(),
                x0: g.x,
                x1: g.x,
                y: g.y,
                size,
            });
        }
        let Some(line) = current.as_mut() else {
            continue;
        };
        if g.text.is_whitespace() || g.text.is_control() {
            if !line.text.ends_with(' ') {
                line.text.push(' ');
            }
        } else {
            // A gap wider than a fifth of the font size is a word space the
            // producer positioned instead of drawing.
            if !line.text.is_empty() && !line.text.ends_with(' ') && g.x - pen > 0.2 * size {
                line.text.push(' ');
            }
            push_decoded(&mut line.text, g.text);
            line.size = line.size.max(size);
        }
        pen = g.x + g.width.max(0.0);
        line.x1 = line.x1.max(pen);
    }
    if let Some(line) = current {
        push_line(&mut lines, line);
    }
    lines
}

fn push_line(lines: &mut Vec<Line>, mut line: Line) {
    let trimmed = line.text.trim_end().len();
    line.text.truncate(trimmed);
    if !line.text.is_empty() {
        lines.push(line);
    }
}

/// Appends a character, spelling out ligatures and dropping soft hyphens.
fn push_decoded(text: &mut String, c: char) {
    match c {
        '\u{FB00}' => text.push_str("ff"),
        '\u{FB01}' => text.push_str("fi"),
        '\u{FB02}' => text.push_str("fl"),
        '\u{FB03}' => text.push_str("ffi"),
        '\u{FB04}' => text.push_str("ffl"),
        '\u{FB05}' | '\u{FB06}' => text.push_str("st"),
        '\u{00AD}' => text.push('-'), // a soft hyphen drawn at a line end
        '\u{FFFD}' | '\0' => {}
        c => text.push(c),
    }
}

/// Running headers and footers and page numbers: lines in the top or bottom
/// band of the page that repeat on other pages (digits aside), that are a
/// page number, or that are set smaller than the body text.
fn drop_furniture(pages: &[PageGlyphs], lines: &mut [Vec<Line>]) {
    let in_band = |page: &PageGlyphs, line: &Line| {
        let height = page.top - page.bottom;
        height > 0.0
            && (line.y < page.bottom + MARGIN_BAND * height
                || line.y > page.top - MARGIN_BAND * height)
    };
    let body_size = median(lines.iter().flatten().map(|l| l.size).collect::<Vec<f32>>());
    let mut pages_with_key: FxHashMap<String, usize> = FxHashMap::default();
    for (page, page_lines) in pages.iter().zip(lines.iter()) {
        let keys: FxHashSet<String> = page_lines
            .iter()
            .filter(|l| in_band(page, l))
            .map(|l| furniture_key(&l.text))
            .collect();
        for key in keys {
            *pages_with_key.entry(key).or_default() += 1;
        }
    }
    for (page, page_lines) in pages.iter().zip(lines.iter_mut()) {
        page_lines.retain(|line| {
            if !in_band(page, line) {
                return true;
            }
            let repeated = pages_with_key
                .get(&furniture_key(&line.text))
                .is_some_and(|&n| n >= 2);
            let smaller = line.size < 0.85 * body_size;
            !(repeated || smaller || is_page_number(&line.text))
        });
    }
}

/// A line's text with digits folded, so "Page 3 of 9" and "Page 4 of 9" match.
fn furniture_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// "7", "- 7 -", "7/12", "Page 7", "Page 7 of 12", "vii".
fn is_page_number(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let rest = lower.strip_prefix("page").unwrap_or(&lower);
    let rest = rest.replace(" of ", "/");
    let core: String = rest
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '–' | '—' | '|' | '[' | ']'))
        .collect();
    if core.is_empty() {
        return false;
    }
    let numeric = core
        .split('/')
        .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()));
    let roman = core.len() <= 6 && core.chars().all(|c| "ivxlc".contains(c));
    numeric || roman
}

fn median(mut values: Vec<f32>) -> f32 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f32::total_cmp);
    values[values.len() / 2]
}

/// How one line follows the one before it.
#[derive(Debug, PartialEq)]
enum Seam {
    /// Same paragraph.
    Continue,
    /// A new paragraph.
    Break,
}

/// Joins the lines of all pages into paragraphs.
fn join(pages: &[Vec<Line>]) -> PagedText {
    let all: Vec<&Line> = pages.iter().flatten().collect();
    let typical_width = median(all.iter().map(|l| l.x1 - l.x0).collect());
    let vocabulary = vocabulary(&all);
    let mut out = PagedText::default();
    let mut previous: Option<&Line> = None;
    for page in pages {
        let mut page_start = None;
        for line in page {
            if let Some(prev) = previous {
                match seam(prev, line, typical_width) {
                    Seam::Break => out.text.push_str("\n\n"),
                    Seam::Continue => {
                        if !join_hyphenated(&mut out.text, &line.text, &vocabulary) {
                            out.text.push(' ');
                        }
                    }
                }
            }
            page_start.get_or_insert(out.text.len());
            out.text.push_str(&line.text);
            previous = Some(line);
        }
        out.page_starts.push(page_start.unwrap_or(out.text.len()));
    }
    if !out.text.is_empty() {
        out.text.push('\n');
    }
    out
}

fn seam(prev: &Line, next: &Line, typical_width: f32) -> Seam {
    let size = prev.size.max(next.size);
    let ends_sentence = prev
        .text
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with(['.', '!', '?', ':']);
    let short = prev.x1 - prev.x0 < 0.8 * typical_width;
    let drop = prev.y - next.y;
    if drop > 0.0 && drop < 2.0 * size {
        // The next line on the same column: a new paragraph after a short
        // closing line, or at an indent; headings (no final stop, different
        // size) stand alone.
        let indented = next.x0 > prev.x0 + size;
        let resized = (prev.size - next.size).abs() > 0.15 * size;
        if resized || (ends_sentence && (short || indented)) || (short && drop > 1.6 * size) {
            return Seam::Break;
        }
        return Seam::Continue;
    }
    if drop >= 2.0 * size {
        return Seam::Break;
    }
    // Up the page: a new column or a new page. The paragraph goes on unless
    // the line before closed it.
    if ends_sentence && short {
        Seam::Break
    } else {
        Seam::Continue
    }
}

/// Lowercased words of the document, for telling "co-\noperate" (a word the
/// document also spells whole) from "well-\nknown" (a hyphenated compound).
fn vocabulary(lines: &[&Line]) -> FxHashSet<String> {
    let mut words = FxHashSet::default();
    for line in lines {
        for word in line.text.split(|c: char| !c.is_alphanumeric()) {
            if !word.is_empty() {
                words.insert(word.to_lowercase());
            }
        }
    }
    words
}

/// Joins a line that ends in a hyphen after a letter to the next line when
/// it starts with a lowercase letter: without the hyphen when the whole word
/// occurs elsewhere in the document, else keeping it. Returns whether it
/// joined.
fn join_hyphenated(text: &mut String, next: &str, vocabulary: &FxHashSet<String>) -> bool {
    let Some(stem) = text.strip_suffix('-') else {
        return false;
    };
    let before = stem.chars().next_back();
    let after = next.chars().next();
    if !(before.is_some_and(char::is_alphabetic) && after.is_some_and(char::is_lowercase)) {
        return false;
    }
    let head_start = stem.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
        i + stem[i..].chars().next().map_or(1, char::len_utf8)
    });
    let head = &stem[head_start..];
    let tail: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
    let whole = format!("{head}{tail}").to_lowercase();
    if vocabulary.contains(&whole) {
        text.pop();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs for `text` starting at (x, y), 6 points per character.
    fn run(text: &str, x: f32, y: f32, size: f32) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                text: c,
                x: x + 6.0 * i as f32,
                y,
                width: 6.0,
                size,
            })
            .collect()
    }

    fn page(lines: &[(&str, f32, f32, f32)]) -> PageGlyphs {
        PageGlyphs {
            glyphs: lines
                .iter()
                .flat_map(|&(t, x, y, s)| run(t, x, y, s))
                .collect(),
            bottom: 0.0,
            top: 800.0,
        }
    }

    #[test]
    fn lines_of_a_paragraph_join_and_hyphens_rejoin_known_words() {
        let p = page(&[
            ("The talks were co-", 50.0, 700.0, 10.0),
            ("operative and well-", 50.0, 688.0, 10.0),
            ("known, so cooperative.", 50.0, 676.0, 10.0),
        ]);
        let out = layout(&[p]);
        assert_eq!(
            out.text,
            "The talks were cooperative and well-known, so cooperative.\n"
        );
        assert_eq!(out.page_starts, [0]);
    }

    #[test]
    fn running_headers_footers_and_page_numbers_are_dropped_and_pages_mapped() {
        let pages: Vec<PageGlyphs> = (1..=3)
            .map(|n| {
                page(&[
                    ("Annual Report 2024", 50.0, 780.0, 10.0),
                    (&format!("Body text of page {n} goes on"), 50.0, 400.0, 10.0),
                    (&format!("Page {n} of 3"), 300.0, 20.0, 10.0),
                ])
            })
            .collect();
        let out = layout(&pages);
        assert!(!out.text.contains("Annual"), "{}", out.text);
        assert!(!out.text.contains("Page"), "{}", out.text);
        assert_eq!(out.page_starts.len(), 3);
        assert!(out.text[out.page_starts[1]..].starts_with("Body text of page 2"));
        assert!(out.text[out.page_starts[2]..].starts_with("Body text of page 3"));
    }

    #[test]
    fn a_small_line_in_the_margin_of_a_single_page_is_dropped() {
        let p = page(&[
            ("11/30/26, 5:08 PM        Title", 20.0, 780.0, 8.0),
            ("The body of the page is here and", 50.0, 700.0, 12.0),
            ("it goes on for a second line and", 50.0, 686.0, 12.0),
            ("a third one before it ends here.", 50.0, 672.0, 12.0),
            ("file:///tmp/a.html     1/1", 20.0, 15.0, 8.0),
        ]);
        assert_eq!(
            layout(&[p]).text,
            "The body of the page is here and it goes on for a second line and a third one \
             before it ends here.\n"
        );
    }

    #[test]
    fn paragraphs_break_after_a_short_closing_line_and_columns_continue() {
        let p = page(&[
            ("First paragraph runs over the", 50.0, 700.0, 10.0),
            ("line and ends.", 50.0, 688.0, 10.0),
            ("Second paragraph starts here and", 50.0, 676.0, 10.0),
            ("goes on in the next column", 300.0, 700.0, 10.0),
            ("to its end, which is long enough.", 300.0, 688.0, 10.0),
        ]);
        assert_eq!(
            layout(&[p]).text,
            "First paragraph runs over the line and ends.\n\nSecond paragraph starts here \
             and goes on in the next column to its end, which is long enough.\n"
        );
    }

    #[test]
    fn ligatures_are_spelled_out_and_gaps_become_spaces() {
        let mut glyphs = run("e\u{FB03}cient", 50.0, 500.0, 10.0);
        glyphs.extend(run("o\u{FB03}ce", 50.0 + 6.0 * 7.0 + 4.0, 500.0, 10.0));
        let out = layout(&[PageGlyphs {
            glyphs,
            bottom: 0.0,
            top: 800.0,
        }]);
        assert_eq!(out.text, "efficient office\n");
    }

    #[test]
    fn page_numbers_are_recognised() {
        for yes in ["7", "- 7 -", "7/12", "Page 7", "Page 7 of 12", "vii"] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in ["7 dead", "Chapter 2", "Page one", ""] {
            assert!(!is_page_number(no), "{no}");
        }
    }

    #[test]
    fn empty_and_non_finite_input_gives_empty_pages() {
        let bad = PageGlyphs {
            glyphs: vec![Glyph {
                text: 'x',
                x: f32::NAN,
                y: 0.0,
                width: 1.0,
                size: 10.0,
            }],
            bottom: 0.0,
            top: 0.0,
        };
        let out = layout(&[PageGlyphs::default(), bad]);
        assert_eq!(out.text, "");
        assert_eq!(out.page_starts, [0, 0]);
    }
}
