//! Page junk: lines and sentences that are not part of the article.
//!
//! Scraped pages carry widgets ("Share", "Advertisement", "Close", "What's
//! Hot"), cookie and subscription notices, web-archive notices, headlines
//! repeated as captions, and Markdown furniture. This module decides, line by
//! line, what each line of a document is: its title, a heading, prose, a
//! repeat of an earlier line, or junk. Only prose becomes summary candidates;
//! titles and headings still count as evidence of what matters.

/// What a line of a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Whitespace only.
    Blank,
    /// Page furniture; dropped.
    Junk,
    /// The document's title.
    Title,
    /// A heading or caption: no final punctuation, several words.
    Heading,
    /// A line already seen in this document (a repeated headline).
    Repeat,
    /// Running text.
    Prose,
}

/// Page junk of each language, from `data/junk/<code>/`: widget and
/// navigation labels (`labels.txt`: whole lines, compared case-insensitively
/// with trailing punctuation removed) and notice phrases (`phrases.txt`: a
/// short line or sentence holding one is boilerplate; ASCII case ignored, so
/// other scripts list their capitalised forms too). Every language's labels
/// apply to every document: pages mix languages (an English "Share" on a
/// German page), and a whole line "Teilen" is junk whatever the article's
/// language. Phrases are searched in every line and sentence, which costs
/// time per phrase: a cluster is searched for English's and its own
/// languages' ([`BoilerplatePhrases::for_languages`]).
const JUNK_DATA: &[(&str, &str, &str)] = &[
    (
        "en",
        include_str!("../../data/junk/en/labels.txt"),
        include_str!("../../data/junk/en/phrases.txt"),
    ),
    (
        "de",
        include_str!("../../data/junk/de/labels.txt"),
        include_str!("../../data/junk/de/phrases.txt"),
    ),
    (
        "es",
        include_str!("../../data/junk/es/labels.txt"),
        include_str!("../../data/junk/es/phrases.txt"),
    ),
    (
        "fr",
        include_str!("../../data/junk/fr/labels.txt"),
        include_str!("../../data/junk/fr/phrases.txt"),
    ),
    (
        "it",
        include_str!("../../data/junk/it/labels.txt"),
        include_str!("../../data/junk/it/phrases.txt"),
    ),
    (
        "nl",
        include_str!("../../data/junk/nl/labels.txt"),
        include_str!("../../data/junk/nl/phrases.txt"),
    ),
    (
        "pl",
        include_str!("../../data/junk/pl/labels.txt"),
        include_str!("../../data/junk/pl/phrases.txt"),
    ),
    (
        "pt",
        include_str!("../../data/junk/pt/labels.txt"),
        include_str!("../../data/junk/pt/phrases.txt"),
    ),
    (
        "ru",
        include_str!("../../data/junk/ru/labels.txt"),
        include_str!("../../data/junk/ru/phrases.txt"),
    ),
    (
        "tr",
        include_str!("../../data/junk/tr/labels.txt"),
        include_str!("../../data/junk/tr/phrases.txt"),
    ),
    (
        "vi",
        include_str!("../../data/junk/vi/labels.txt"),
        include_str!("../../data/junk/vi/phrases.txt"),
    ),
    (
        "zh",
        include_str!("../../data/junk/zh/labels.txt"),
        include_str!("../../data/junk/zh/phrases.txt"),
    ),
];

/// The entries of a data file: its lines, without `#` comments and blanks.
fn data_entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Every language's widget labels.
static JUNK_LINES: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        JUNK_DATA
            .iter()
            .flat_map(|(_, labels, _)| data_entries(labels))
            .collect()
    });

/// Lines or sentences longer than this (in words) are never called boilerplate
/// on the strength of a phrase alone.
const BOILERPLATE_MAX_WORDS: usize = 40;

/// Lines without final punctuation of at most this many words are junk
/// (unless they are the title).
const JUNK_MAX_WORDS: usize = 4;

/// Titles are at most this many words.
const TITLE_MAX_WORDS: usize = 30;

/// Titles are at most this many bytes (300 characters of two bytes: a long
/// headline in any script).
const TITLE_MAX_BYTES: usize = 600;

/// Lines without sentence punctuation of at most this many words are
/// headings or captions; longer ones are (badly punctuated) running text.
const HEADING_MAX_WORDS: usize = 25;

/// Whether a sentence ends inside the text: a terminator followed by a space.
/// (A cheap test: lines that hold several sentences are running text even
/// when their last sentence lacks its full stop.)
fn has_inner_sentence_end(text: &str) -> bool {
    let trimmed = text.trim_end();
    trimmed.char_indices().any(|(i, c)| {
        (matches!(c, '.' | '!' | '?' | '…') && trimmed[i + c.len_utf8()..].starts_with(' '))
            || (matches!(c, '。' | '！' | '？' | '।' | '؟' | '۔')
                && i + c.len_utf8() < trimmed.len())
    })
}

/// Whether text ends like a sentence (after any closing quotes or brackets).
/// Closing quotes and brackets may follow the stop, spaced or not (tokenised
/// text writes `day. "`).
pub fn has_final_punctuation(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\''
                    | '”'
                    | '’'
                    | '“'
                    | '‘'
                    | ')'
                    | ']'
                    | '»'
                    | '›'
                    | '」'
                    | '』'
                    | '）'
                    | '*'
                    | '_'
            )
    });
    trimmed.ends_with([
        '.', '!', '?', '…', '。', '！', '？', '｡', '।', '॥', '؟', '۔',
    ])
}

use super::{count_words, more_words_than};
use crate::language::Language;

fn normalized_label(text: &str) -> String {
    text.trim()
        .trim_end_matches([':', '.', '!', '|', '»', '›', '>'])
        .trim()
        .to_lowercase()
        .replace('’', "'")
}

/// The known page-furniture phrases of some languages, compiled for one pass
/// over a text: one automaton per language, as a DFA for large inputs, whose
/// matching is faster but whose build costs more, else as an NFA that builds
/// at once.
#[derive(Clone, Copy)]
pub(crate) struct BoilerplatePhrases {
    /// Bit `i` set: the phrases of `JUNK_DATA[i]` are searched.
    languages: u32,
    dfa: bool,
}

// A language is one bit of `BoilerplatePhrases::languages`.
const _: () = assert!(JUNK_DATA.len() <= 32);

/// Inputs of at least this many bytes match phrases with DFAs. English's
/// DFA takes 0.45 ms more to build than its NFA (a one-line brief: 3.2 ->
/// 3.6 ms) and saves about 2.8 µs of search a KB of input (2,000 sentences,
/// 648 KB: task clock 31.2 -> 29.9 ms): break-even near 160 KB.
const PHRASE_DFA_BYTES: usize = 160 << 10;

impl BoilerplatePhrases {
    /// Every language's phrases, for reading `bytes` of text in all.
    #[cfg(test)]
    pub(crate) fn for_input_bytes(bytes: usize) -> Self {
        BoilerplatePhrases {
            languages: (1u32 << JUNK_DATA.len()) - 1,
            dfa: bytes >= PHRASE_DFA_BYTES,
        }
    }

    /// The phrases of English (junk on pages in any language is often
    /// English) and of `languages`, for reading `bytes` of text in all.
    pub(crate) fn for_languages(languages: &[Language], bytes: usize) -> Self {
        let mut set = 0u32;
        for (i, (code, _, _)) in JUNK_DATA.iter().enumerate() {
            if *code == "en" || languages.iter().any(|l| l.code() == *code) {
                set |= 1 << i;
            }
        }
        BoilerplatePhrases {
            languages: set,
            dfa: bytes >= PHRASE_DFA_BYTES,
        }
    }

    /// Whether `text` holds one of the phrases.
    fn found_in(self, text: &str) -> bool {
        type Built = std::sync::OnceLock<Option<aho_corasick::AhoCorasick>>;
        static NFA: [Built; 32] = [const { Built::new() }; 32];
        static DFA: [Built; 32] = [const { Built::new() }; 32];
        let (built, kind) = if self.dfa {
            (&DFA, aho_corasick::AhoCorasickKind::DFA)
        } else {
            (&NFA, aho_corasick::AhoCorasickKind::ContiguousNFA)
        };
        (0..JUNK_DATA.len())
            .filter(|i| self.languages & (1 << i) != 0)
            .any(|i| {
                built[i]
                    .get_or_init(|| compile_phrases(JUNK_DATA[i].2, kind))
                    .as_ref()
                    .is_some_and(|phrases| phrases.is_match(text))
            })
    }
}

/// One language's phrases in one automaton, ASCII case ignored; curly
/// apostrophes are matched by variants of the phrases that have one.
fn compile_phrases(
    phrases: &'static str,
    kind: aho_corasick::AhoCorasickKind,
) -> Option<aho_corasick::AhoCorasick> {
    let variants = data_entries(phrases)
        .flat_map(|p| [p.to_string(), p.replace('\'', "’")])
        .collect::<Vec<_>>();
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(kind))
        .build(variants)
        .ok()
}

/// Whether the text (a line or a sentence) is known page furniture: a widget
/// label, or a short notice about cookies, subscriptions, apps or archives.
#[cfg(test)]
pub(crate) fn is_boilerplate(text: &str) -> bool {
    is_boilerplate_with(text, BoilerplatePhrases::for_input_bytes(text.len()))
}

/// [`is_boilerplate`], matching phrases with `phrases`.
pub(crate) fn is_boilerplate_with(text: &str, phrases: BoilerplatePhrases) -> bool {
    // Boilerplate is short; long text is never judged by a phrase (and never
    // lower-cased here in full).
    if text.len() > 8 * BOILERPLATE_MAX_WORDS * 4 {
        return false;
    }
    // Widget labels are at most 25 bytes; lower-casing shrinks text by at
    // most a factor of 3 (the Kelvin sign), so longer text is no label.
    if text.trim().len() <= 100 {
        let label = normalized_label(text);
        if JUNK_LINES.contains(label.as_str()) {
            return true;
        }
    }
    if more_words_than(text, BOILERPLATE_MAX_WORDS) {
        return false;
    }
    phrases.found_in(text)
}

/// Strips Markdown line markup (`#`, `>`, list markers), giving the offset
/// where the line's text starts and whether it was a heading.
pub(crate) fn markdown_content(line: &str) -> (usize, bool) {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let hashes = rest.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && rest[hashes..].starts_with([' ', '\t']) {
        let content = &rest[hashes..];
        return (
            indent + hashes + (content.len() - content.trim_start().len()),
            true,
        );
    }
    let mut offset = indent;
    loop {
        let rest = &line[offset..];
        let marker = if rest.starts_with("> ")
            || rest.starts_with("- ")
            || rest.starts_with("* ")
            || rest.starts_with("+ ")
        {
            2
        } else {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0
                && digits < 4
                && (rest[digits..].starts_with(". ") || rest[digits..].starts_with(") "))
            {
                digits + 2
            } else {
                0
            }
        };
        if marker == 0 {
            break;
        }
        offset += marker;
        offset += line[offset..].len() - line[offset..].trim_start().len();
    }
    (offset, false)
}

/// Whether a Markdown line is structure without text: fences, rules, table rules.
fn is_markdown_furniture(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("```")
        || t.starts_with("~~~")
        || (t.len() >= 3 && t.chars().all(|c| matches!(c, '-' | '*' | '_' | '=' | ' ')))
        || (t.starts_with('|') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')))
        || t.starts_with("![")
        || t.starts_with("<!--")
}

/// Classifies the lines of one document. `lines` are the document's lines
/// (their content, markup stripped); `known_title` is a title found by
/// extraction (an HTML headline). Returns each line's kind and the title.
pub(crate) fn classify_lines(
    lines: &[&str],
    known_title: Option<&str>,
    markdown: bool,
    phrases: BoilerplatePhrases,
) -> (Vec<LineKind>, Option<String>) {
    let mut kinds = vec![LineKind::Blank; lines.len()];
    let mut title: Option<String> = known_title.map(str::to_owned);
    // The title's key, made once: a page may repeat many lines under a
    // headline of megabytes (an unclosed <h1>), and re-keying the title for
    // each repeat took time quadratic in the page.
    let mut title_key: Option<String> = title.as_deref().map(line_key);
    let mut seen: rustc_hash::FxHashSet<String> = Default::default();
    if let Some(key) = &title_key {
        seen.insert(key.clone());
    }
    let mut in_fence = false;
    let mut first_content = true;
    for (i, line) in lines.iter().enumerate() {
        let text = line.trim();
        if markdown && (text.starts_with("```") || text.starts_with("~~~")) {
            in_fence = !in_fence;
            kinds[i] = LineKind::Junk;
            continue;
        }
        if text.is_empty() {
            continue;
        }
        if in_fence || (markdown && is_markdown_furniture(text)) {
            kinds[i] = LineKind::Junk;
            continue;
        }
        if is_boilerplate_with(text, phrases) {
            kinds[i] = LineKind::Junk;
            continue;
        }
        // Only small counts decide anything below: stop counting past them.
        let words = count_words(text, TITLE_MAX_WORDS + 1);
        let inner_end = has_inner_sentence_end(text);
        let punctuated = has_final_punctuation(text) || inner_end;
        let key = line_key(text);
        if key.is_empty() {
            kinds[i] = LineKind::Junk;
            continue;
        }
        let is_first = std::mem::take(&mut first_content);
        let is_title = title_key.as_ref() == Some(&key);
        if !seen.insert(key) {
            kinds[i] = if is_title {
                LineKind::Title
            } else {
                LineKind::Repeat
            };
            continue;
        }
        // A first line of a few enormous "words" (a pasted blob) is no title.
        let looks_like_title = words <= TITLE_MAX_WORDS
            && text.len() <= TITLE_MAX_BYTES
            && !text.ends_with('.')
            && !inner_end;
        if is_first && title.is_none() && looks_like_title {
            title = Some(text.split_whitespace().collect::<Vec<_>>().join(" "));
            // Once per document.
            title_key = Some(line_key(text));
            kinds[i] = LineKind::Title;
            continue;
        }
        kinds[i] = if punctuated {
            LineKind::Prose
        } else if words <= JUNK_MAX_WORDS {
            LineKind::Junk
        } else if words <= HEADING_MAX_WORDS {
            LineKind::Heading
        } else {
            LineKind::Prose
        };
    }
    (kinds, title)
}

/// A line's identity for repeat detection: letters and digits, lower-cased.
pub fn line_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    // Words are joined by one space; a separator is only written before the
    // next word, so none leads or trails.
    let mut gap = false;
    for c in text.chars() {
        let alphanumeric = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        if !alphanumeric {
            gap = !key.is_empty();
            continue;
        }
        if gap {
            key.push(' ');
            gap = false;
        }
        if c.is_ascii() {
            key.push(c.to_ascii_lowercase());
        } else {
            key.extend(c.to_lowercase());
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widgets_and_notices_are_junk() {
        for line in [
            "Share",
            "Advertisement",
            "Close",
            "What's Hot",
            "What’s Hot:",
            "READ MORE »",
            "We use cookies to improve your experience.",
            "Subscribe to our newsletter.",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
        assert!(!is_boilerplate(
            "The summit closed with a statement on refugees."
        ));
    }

    #[test]
    fn both_phrase_automata_judge_alike() {
        let (small, large) = (
            BoilerplatePhrases::for_input_bytes(0),
            BoilerplatePhrases::for_input_bytes(PHRASE_DFA_BYTES),
        );
        let phrases: Vec<&str> = JUNK_DATA
            .iter()
            .flat_map(|(_, _, phrases)| data_entries(phrases))
            .collect();
        assert!(phrases.len() > 100);
        for phrase in phrases {
            for text in [
                phrase.to_string(),
                format!("Please {} today.", phrase.to_uppercase()),
                format!("{} now", phrase.replace('\'', "’")),
                phrase.chars().skip(1).collect(),
            ] {
                assert_eq!(small.found_in(&text), large.found_in(&text), "{text}");
            }
            assert!(large.found_in(phrase), "{phrase}");
        }
    }

    #[test]
    fn clusters_search_english_phrases_and_their_own() {
        let de = Language::from_code("de").unwrap();
        let german_notice = "Alle Rechte vorbehalten.";
        let english_notice = "Subscribe now for full access.";
        for bytes in [0, PHRASE_DFA_BYTES] {
            let english = BoilerplatePhrases::for_languages(&[Language::ENGLISH], bytes);
            let german = BoilerplatePhrases::for_languages(&[de], bytes);
            assert!(english.found_in(english_notice) && german.found_in(english_notice));
            assert!(german.found_in(german_notice));
            assert!(!english.found_in(german_notice));
            assert!(BoilerplatePhrases::for_input_bytes(bytes).found_in(german_notice));
        }
    }

    #[test]
    fn line_keys_join_lower_cased_words() {
        let reference = |text: &str| -> String {
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| w.chars().flat_map(char::to_lowercase).collect::<String>())
                .collect::<Vec<_>>()
                .join(" ")
        };
        for text in [
            "",
            "  ",
            "“Leaders MET in Antalya,” he said...",
            "ÉTÉ à Paris — Straße İstanbul K",
            "--a--b--",
            "日本語のテキスト。次",
        ] {
            assert_eq!(line_key(text), reference(text), "{text}");
        }
    }

    #[test]
    fn title_headings_repeats_and_prose() {
        let lines = [
            "Share",
            "",
            "Kremlin says meeting constructive",
            "The leaders met on Sunday.",
            "Cameron and Putin Meet in Turkey",
            "Cameron and Putin Meet in Turkey",
            "Photo gallery here",
            "Kremlin says meeting constructive",
        ];
        let (kinds, title) =
            classify_lines(&lines, None, false, BoilerplatePhrases::for_input_bytes(0));
        use LineKind::*;
        assert_eq!(
            kinds,
            [Junk, Blank, Title, Prose, Heading, Repeat, Junk, Title]
        );
        assert_eq!(title.as_deref(), Some("Kremlin says meeting constructive"));
    }

    #[test]
    fn long_lines_without_a_final_stop_are_prose() {
        let long = "Dan brown has topped the list again. He sold more than 80 million copies of the book and it is hardly surprising that";
        let unpunctuated = "word ".repeat(40);
        let (kinds, _) = classify_lines(
            &[
                "Title here",
                long,
                &unpunctuated,
                "A short caption of six words",
            ],
            None,
            false,
            BoilerplatePhrases::for_input_bytes(0),
        );
        assert_eq!(
            kinds,
            [
                LineKind::Title,
                LineKind::Prose,
                LineKind::Prose,
                LineKind::Heading
            ]
        );
    }

    #[test]
    fn repeats_under_a_huge_title_are_classified_without_rekeying_it() {
        // A megabyte headline (an unclosed <h1>) over 20,000 repeated lines:
        // the title's key was remade for every repeat, minutes of work.
        let headline = "x".repeat(1 << 20);
        let mut lines = vec![headline.as_str(), "Same line here."];
        lines.extend(std::iter::repeat_n("Same line here.", 20_000));
        lines.push(&headline);
        let started = std::time::Instant::now();
        let (kinds, title) = classify_lines(
            &lines,
            Some(&headline),
            false,
            BoilerplatePhrases::for_input_bytes(0),
        );
        // A hang guard, not a speed figure: the quadratic version took minutes.
        assert!(started.elapsed() < std::time::Duration::from_secs(60));
        assert_eq!(title.as_deref(), Some(headline.as_str()));
        assert_eq!(kinds[0], LineKind::Title);
        assert_eq!(kinds[1], LineKind::Prose);
        assert!(kinds[2..lines.len() - 1]
            .iter()
            .all(|&k| k == LineKind::Repeat));
        assert_eq!(kinds[lines.len() - 1], LineKind::Title);
        // A title found on the first line is recognised when it comes back.
        let (kinds, title) = classify_lines(
            &["Budget talks", "The council met today.", "Budget   talks"],
            None,
            false,
            BoilerplatePhrases::for_input_bytes(0),
        );
        assert_eq!(title.as_deref(), Some("Budget talks"));
        assert_eq!(kinds, [LineKind::Title, LineKind::Prose, LineKind::Title]);
        // A first line of one enormous word is no title.
        let blob = "x".repeat(2000);
        let (_, title) = classify_lines(
            &[blob.as_str(), "The council met today."],
            None,
            false,
            BoilerplatePhrases::for_input_bytes(0),
        );
        assert_eq!(title, None);
    }

    #[test]
    fn a_first_line_that_is_a_sentence_is_not_a_title() {
        let (kinds, title) = classify_lines(
            &["Hun Sen rejected the talks.", "More followed."],
            None,
            false,
            BoilerplatePhrases::for_input_bytes(0),
        );
        assert_eq!(kinds, [LineKind::Prose, LineKind::Prose]);
        assert_eq!(title, None);
    }

    #[test]
    fn markdown_markup_is_stripped() {
        assert_eq!(markdown_content("## Heading here"), (3, true));
        assert_eq!(markdown_content("- item text"), (2, false));
        assert_eq!(markdown_content("  1. first"), (5, false));
        assert_eq!(markdown_content("> - quoted item"), (4, false));
        assert_eq!(markdown_content("plain"), (0, false));
        let (kinds, _) = classify_lines(
            &["Title", "```", "code();", "```", "Text here."],
            None,
            true,
            BoilerplatePhrases::for_input_bytes(0),
        );
        assert_eq!(
            kinds,
            [
                LineKind::Title,
                LineKind::Junk,
                LineKind::Junk,
                LineKind::Junk,
                LineKind::Prose
            ]
        );
    }
}
