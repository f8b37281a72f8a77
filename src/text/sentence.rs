//! Sentence boundaries within one line of text.
//!
//! A line of its own is always a boundary (headlines and page junk have no
//! final punctuation), so the caller splits documents into lines first and
//! this module splits each line. Within a line a boundary is a run of `.`, `!`,
//! `?` or `…` (with any closing quotes and brackets after it) followed by
//! whitespace and a word that does not start in lower case, unless:
//!
//! - the word before a single `.` is an abbreviation (`Mr.`, `Gen.`, `Jan.`,
//!   `e.g.`), an initial (`J.`) or a dotted acronym (`U.S.`, `a.m.`), and the
//!   next word is not one that typically starts a sentence (`The`, `He`...);
//! - the boundary would fall inside a quotation that closes later on the line
//!   (`“We are realistic… There is a lot to do”, he said.` is one sentence, so
//!   a quote keeps its attribution);
//! - a `.` is followed by a digit after an abbreviation (`p. 4`, `No. 10`).
//!
//! Full-width CJK terminators (`。！？`), the Devanagari danda (`।`) and the
//! Arabic-script question mark and full stop (`؟ ۔`) end a sentence without a
//! following space. Quotation marks of other languages (`„…“`, `«…»`, `¿ ¡`)
//! open and close like English ones, and a spaced French `. »` closes its
//! sentence.
//!
//! Abbreviations and sentence starters depend on the language
//! (`SentenceRules`): English has the lists below; other languages have
//! their abbreviations from `data/abbreviations/<code>.txt` (`z. B.`, `Nr.`,
//! `Sra.`, `EE. UU.`, `bijv.`, `т. е.` are initials or listed) and their stop
//! words as sentence starters.
//! Spans are byte ranges into the line, trimmed of surrounding whitespace.

use std::ops::Range;

use rustc_hash::FxHashSet;

use crate::language::Language;

/// Abbreviations whose period rarely ends a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "st", "ste", "mt", "ft", "gen",
    "sen", "rep", "gov", "lt", "col", "sgt", "capt", "cmdr", "cdr", "adm", "maj", "brig", "rev",
    "hon", "pres", "supt", "det", "insp", "fr", "jr", "sr", "esq", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu",
    "thur", "thurs", "fri", "sat", "sun", "no", "nos", "vol", "vols", "p", "pp", "fig", "figs",
    "ch", "sec", "art", "op", "ed", "eds", "est", "approx", "dept", "univ", "assn", "bros", "inc",
    "corp", "co", "ltd", "plc", "llc", "vs", "v", "etc", "al", "cf", "ca", "viz", "ave", "blvd",
    "rd", "hwy", "calif", "conn", "fla", "ill", "mass", "mich", "minn", "penn", "tenn", "tex",
    "wash", "wis", "ariz", "colo", "okla", "ore", "ky", "md", "va", "ga", "la", "pa", "nev",
];

/// Words that usually start a sentence: after an abbreviation, they make its
/// period a boundary after all (`...to the U.S. The move...`).
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "but",
    "and",
    "so",
    "yet",
    "or",
    "in",
    "on",
    "at",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "if",
    "when",
    "while",
    "after",
    "before",
    "as",
    "for",
    "however",
    "meanwhile",
    "what",
    "who",
    "why",
    "how",
    "where",
    "some",
    "many",
    "most",
    "all",
    "both",
    "each",
    "other",
    "also",
    "still",
    "then",
    "now",
    "today",
    "yesterday",
    "since",
    "although",
    "though",
    "because",
    "despite",
    "according",
    "under",
    "with",
    "without",
    "from",
    "by",
    "to",
    "mr",
    "mrs",
    "ms",
    "dr",
    "officials",
    "police",
    "nobody",
    "no",
    "not",
    "one",
    "two",
];

/// The longest sentence kept whole, in bytes. Longer runs without a boundary
/// (logs, text without punctuation) are cut into pieces of at most this size.
pub const MAX_SENTENCE_BYTES: usize = 2000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Terminator {
    /// A single period.
    Period,
    /// `...` or `…`.
    Ellipsis,
    /// `?`, `!` (possibly with periods).
    Strong,
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Terminators that end a sentence wherever they stand: scripts whose
/// sentences need no space after them, or whose stop has no other use.
fn is_cjk_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡' | '।' | '॥' | '؟' | '۔')
}

/// Closing quotes and brackets. `“` and `‘` close German quotations (`„…“`).
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '“' | '‘' | ')' | ']' | '}' | '»' | '›' | '」' | '』' | '）'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '('
            | '['
            | '{'
            | '`'
            | '«'
            | '‹'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
    )
}

/// Abbreviation lists of languages other than English, by ISO 639-1 code.
const ABBREVIATION_DATA: &[(&str, &str)] = &[
    ("de", include_str!("../../data/abbreviations/de.txt")),
    ("es", include_str!("../../data/abbreviations/es.txt")),
    ("fr", include_str!("../../data/abbreviations/fr.txt")),
    ("it", include_str!("../../data/abbreviations/it.txt")),
    ("nl", include_str!("../../data/abbreviations/nl.txt")),
    ("pl", include_str!("../../data/abbreviations/pl.txt")),
    ("pt", include_str!("../../data/abbreviations/pt.txt")),
    ("ru", include_str!("../../data/abbreviations/ru.txt")),
    ("tr", include_str!("../../data/abbreviations/tr.txt")),
];

/// A language's abbreviations and sentence starters (see the module docs).
#[derive(Debug, Clone, Default)]
pub(crate) struct SentenceRules {
    /// `None`: English, with the lists of this module.
    other: Option<OtherRules>,
}

#[derive(Debug, Clone)]
struct OtherRules {
    abbreviations: FxHashSet<String>,
    starters: FxHashSet<String>,
}

impl SentenceRules {
    /// English.
    pub(crate) fn english() -> Self {
        SentenceRules::default()
    }

    /// The rules for `language`: its abbreviations where listed, its stop
    /// words as starters.
    pub(crate) fn for_language(language: Language) -> Self {
        if language == Language::ENGLISH {
            return Self::english();
        }
        let abbreviations = ABBREVIATION_DATA
            .iter()
            .filter(|(code, _)| *code == language.code())
            .flat_map(|(_, file)| file.lines())
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_owned)
            .collect();
        let starters = stop_words::lookup(language.code())
            .unwrap_or_default()
            .iter()
            .map(|w| w.to_string())
            .collect();
        SentenceRules {
            other: Some(OtherRules {
                abbreviations,
                starters,
            }),
        }
    }

    fn is_abbreviation(&self, word: &str) -> bool {
        match &self.other {
            None => is_abbreviation(word),
            Some(rules) => rules.abbreviations.contains(word.to_lowercase().as_str()),
        }
    }

    fn is_starter(&self, word: &str) -> bool {
        match &self.other {
            None => SENTENCE_STARTERS
                .iter()
                .any(|s| s.eq_ignore_ascii_case(word)),
            Some(rules) => rules.starters.contains(word.to_lowercase().as_str()),
        }
    }
}

/// Splits one line (no `\n` inside) into trimmed sentence spans.
///
/// ```
/// use precis::text::sentence::split_line;
/// let line = "Mr. Cameron met Mr. Putin. They talked.";
/// let spans = split_line(line);
/// let sentences: Vec<&str> = spans.into_iter().map(|s| &line[s]).collect();
/// assert_eq!(sentences, ["Mr. Cameron met Mr. Putin.", "They talked."]);
/// ```
pub fn split_line(line: &str) -> Vec<Range<usize>> {
    split_line_with(line, &SentenceRules::english())
}

/// [`split_line`] by the rules of a language.
pub(crate) fn split_line_with(line: &str, rules: &SentenceRules) -> Vec<Range<usize>> {
    let quotes = QuoteRegions::new(quote_regions(line));
    let mut sentences = Vec::new();
    let mut start = 0;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < line.len() {
        // Every terminator is `.`, `!`, `?` or outside ASCII: other ASCII
        // bytes are passed over without decoding them.
        if bytes[i].is_ascii() && !matches!(bytes[i], b'.' | b'!' | b'?') {
            i += 1;
            continue;
        }
        let Some(c) = line[i..].chars().next() else {
            break;
        };
        if is_cjk_terminator(c) {
            let mut end = i + c.len_utf8();
            end = skip_while(line, end, |c| is_cjk_terminator(c) || is_closer(c));
            push_trimmed(line, start..end, &mut sentences);
            start = end;
            i = end;
            continue;
        }
        if !is_terminator(c) {
            i += c.len_utf8();
            continue;
        }
        let run_end = skip_while(line, i, is_terminator);
        let terminator = classify_run(&line[i..run_end]);
        let end = skip_closers(line, run_end);
        let followed_by_space = line[end..].chars().next().is_none_or(char::is_whitespace);
        if followed_by_space && is_boundary(line, i, end, terminator, &quotes, rules) {
            push_trimmed(line, start..end, &mut sentences);
            start = end;
        }
        i = run_end.max(i + c.len_utf8());
    }
    push_trimmed(line, start..line.len(), &mut sentences);
    sentences
}

fn classify_run(run: &str) -> Terminator {
    if run.contains(['?', '!', '‼', '⁇', '⁈', '⁉']) {
        Terminator::Strong
    } else if run.contains('…') || run.len() > 1 {
        Terminator::Ellipsis
    } else {
        Terminator::Period
    }
}

fn skip_while(line: &str, mut i: usize, pred: impl Fn(char) -> bool) -> usize {
    while let Some(c) = line[i..].chars().next() {
        if !pred(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Closing quotes and brackets after a terminator belong to its sentence
/// (including the newswire closing quote `''`), and so does a French closing
/// guillemet after a (no-break) space: `prêts. »`.
fn skip_closers(line: &str, i: usize) -> usize {
    let end = skip_while(line, i, is_closer);
    let rest = &line[end..];
    for space in [' ', '\u{a0}', '\u{202f}'] {
        if let Some(after) = rest.strip_prefix(space) {
            if let Some(after) = after.strip_prefix(['»', '›']) {
                return skip_while(line, line.len() - after.len(), is_closer);
            }
        }
    }
    end
}

fn push_trimmed(line: &str, span: Range<usize>, out: &mut Vec<Range<usize>>) {
    let text = &line[span.clone()];
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return;
    }
    let start = span.start + (text.len() - text.trim_start().len());
    out.push(start..start + trimmed.len());
}

fn is_boundary(
    line: &str,
    term_start: usize,
    end: usize,
    terminator: Terminator,
    quotes: &QuoteRegions,
    rules: &SentenceRules,
) -> bool {
    let next_start = skip_while(line, end, |c| c.is_whitespace() || is_opener(c));
    let Some(next) = line[next_start..].chars().next() else {
        return true;
    };
    if next.is_lowercase() {
        return false;
    }
    // Inside a quotation that closes later on this line: keep the quote whole.
    if quotes.covers(end) {
        return false;
    }
    if terminator != Terminator::Period {
        return true;
    }
    let word = word_before(line, term_start);
    let next_word = word_at(line, next_start);
    let abbreviation_like =
        rules.is_abbreviation(word) || is_initial(word) || is_dotted_acronym(word);
    if next.is_ascii_digit() {
        return !abbreviation_like;
    }
    if abbreviation_like {
        return rules.is_starter(next_word);
    }
    true
}

/// Quotations longer than this (in bytes) do not hold sentences together:
/// a long quoted passage is split like any other text.
const MAX_QUOTE_BYTES: usize = 600;

/// Quotation spans of a line, answering "is this offset strictly inside one?"
/// in logarithmic time (a line may hold very many quotes).
struct QuoteRegions {
    /// Region starts, increasing.
    starts: Vec<usize>,
    /// `reach[k]`: the furthest end among regions `0..=k`.
    reach: Vec<usize>,
}

impl QuoteRegions {
    fn new(mut regions: Vec<Range<usize>>) -> Self {
        regions.retain(|r| r.len() <= MAX_QUOTE_BYTES);
        regions.sort_by_key(|r| r.start);
        let mut reach = Vec::with_capacity(regions.len());
        let mut furthest = 0;
        for r in &regions {
            furthest = furthest.max(r.end);
            reach.push(furthest);
        }
        QuoteRegions {
            starts: regions.iter().map(|r| r.start).collect(),
            reach,
        }
    }

    /// Whether `offset` lies strictly inside some region.
    fn covers(&self, offset: usize) -> bool {
        let before = self.starts.partition_point(|&s| s < offset);
        before > 0 && self.reach[before - 1] > offset
    }
}

/// The word that a terminator at `term_start` ends, without brackets or quotes.
fn word_before(line: &str, term_start: usize) -> &str {
    let before = &line[..term_start];
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    before[start..].trim_matches(|c: char| is_opener(c) || is_closer(c))
}

/// The word starting at `start`: letters only, so `The,` gives `The`.
fn word_at(line: &str, start: usize) -> &str {
    let end = skip_while(line, start, char::is_alphanumeric);
    &line[start..end]
}

fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
        || matches!(
            lower.as_str(),
            "e.g" | "i.e" | "a.m" | "p.m" | "u.s" | "u.k" | "u.n"
        )
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
}

/// `U.S`, `D.C`, `a.m`: single letters separated by periods.
fn is_dotted_acronym(word: &str) -> bool {
    let parts: Vec<&str> = word.split('.').collect();
    parts.len() >= 2 && parts.iter().all(|p| is_initial(p))
}

/// Byte ranges of quotations that open and close on this line, from the
/// opening mark to just past the closing one. Straight double quotes pair up
/// in order; `“”`, `«»` and newswire ``` `` ''``` pair by kind.
fn quote_regions(line: &str) -> Vec<Range<usize>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Kind {
        Curly,
        Straight,
        Guillemet,
        Newswire,
        Low,
    }
    let mut open: Vec<(Kind, usize)> = Vec::new();
    let mut regions = Vec::new();
    let bytes = line.as_bytes();
    let mut close = |kind: Kind, end: usize, open: &mut Vec<(Kind, usize)>| {
        if let Some(pos) = open.iter().rposition(|(k, _)| *k == kind) {
            let (_, start) = open[pos];
            open.truncate(pos);
            regions.push(start..end);
        }
    };
    let mut i = 0;
    while i < line.len() {
        // Only `"`, `` ` `` and `'` matter among ASCII bytes.
        if bytes[i].is_ascii() && !matches!(bytes[i], b'"' | b'`' | b'\'') {
            i += 1;
            continue;
        }
        let Some(c) = line[i..].chars().next() else {
            break;
        };
        let width = c.len_utf8();
        match c {
            '„' => open.push((Kind::Low, i)),
            '“' if open.iter().any(|(k, _)| *k == Kind::Low) => {
                close(Kind::Low, i + width, &mut open)
            }
            '“' => open.push((Kind::Curly, i)),
            '”' => close(Kind::Curly, i + width, &mut open),
            '«' => open.push((Kind::Guillemet, i)),
            '»' => close(Kind::Guillemet, i + width, &mut open),
            '"' => {
                if open.iter().any(|(k, _)| *k == Kind::Straight) {
                    close(Kind::Straight, i + width, &mut open);
                } else {
                    open.push((Kind::Straight, i));
                }
            }
            '`' if bytes.get(i + 1) == Some(&b'`') => {
                open.push((Kind::Newswire, i));
                i += 2;
                continue;
            }
            '\'' if bytes.get(i + 1) == Some(&b'\'') => {
                close(Kind::Newswire, i + 2, &mut open);
                i += 2;
                continue;
            }
            _ => {}
        }
        i += width;
    }
    regions
}

/// Cuts a span longer than `max_bytes` into pieces at whitespace (or at a
/// character boundary when there is none), so that no sentence is unbounded.
pub(crate) fn cut_long(text: &str, span: Range<usize>, max_bytes: usize) -> Vec<Range<usize>> {
    if span.len() <= max_bytes {
        return vec![span];
    }
    let mut pieces = Vec::new();
    let mut start = span.start;
    while span.end - start > max_bytes {
        let mut limit = start + max_bytes;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let cut = text[start..limit]
            .rfind(char::is_whitespace)
            .filter(|&p| p > 0)
            .map_or(limit, |p| start + p);
        let cut = if cut <= start {
            limit.max(start + 1)
        } else {
            cut
        };
        let cut = (cut..=span.end)
            .find(|&c| text.is_char_boundary(c))
            .unwrap_or(span.end);
        push_trimmed_in(text, start..cut, &mut pieces);
        start = cut;
    }
    push_trimmed_in(text, start..span.end, &mut pieces);
    pieces
}

fn push_trimmed_in(text: &str, span: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &text[span.clone()];
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let start = span.start + (piece.len() - piece.trim_start().len());
        out.push(start..start + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;

    #[test]
    fn german_rules_keep_abbreviations() {
        let de = SentenceRules::for_language(Language::from_code("de").unwrap());
        let line = "Betroffen sind z. B. die Häuser Nr. 4 und 6. Die Feuerwehr hilft.";
        let sentences: Vec<&str> = split_line_with(line, &de)
            .into_iter()
            .map(|s| &line[s])
            .collect();
        assert_eq!(
            sentences,
            [
                "Betroffen sind z. B. die Häuser Nr. 4 und 6.",
                "Die Feuerwehr hilft."
            ]
        );
    }

    /// Splits text the way the pipeline does: lines first, then within lines.
    fn split(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut offset = 0;
        for line in text.split('\n') {
            for span in split_line(line) {
                out.push(&text[offset + span.start..offset + span.end]);
            }
            offset += line.len() + 1;
        }
        out
    }

    #[test]
    fn abbreviations_initials_and_acronyms() {
        assert_eq!(
            split("Mr. Cameron met Mr. Putin. They talked."),
            ["Mr. Cameron met Mr. Putin.", "They talked."]
        );
        assert_eq!(
            split("The U.S. and the U.K. agreed. Talks resume Monday."),
            ["The U.S. and the U.K. agreed.", "Talks resume Monday."]
        );
        assert_eq!(
            split("He arrived in Washington, D.C. on Sunday. Officials met him."),
            [
                "He arrived in Washington, D.C. on Sunday.",
                "Officials met him."
            ]
        );
        assert_eq!(
            split("J. R. R. Tolkien wrote books. He died in 1973."),
            ["J. R. R. Tolkien wrote books.", "He died in 1973."]
        );
        assert_eq!(
            split("Gen. Mattis and Sen. McCain spoke. They agreed."),
            ["Gen. Mattis and Sen. McCain spoke.", "They agreed."]
        );
        assert_eq!(
            split("St. Petersburg hosted talks on Jan. 5 with Putin. Leaders attended."),
            [
                "St. Petersburg hosted talks on Jan. 5 with Putin.",
                "Leaders attended."
            ]
        );
        assert_eq!(
            split("The firm, e.g. Acme Inc., grew fast. It hired staff."),
            ["The firm, e.g. Acme Inc., grew fast.", "It hired staff."]
        );
        assert_eq!(
            split("He works at 10 a.m. every day. She rests at 3 p.m. on Sundays."),
            [
                "He works at 10 a.m. every day.",
                "She rests at 3 p.m. on Sundays."
            ]
        );
        assert_eq!(
            split("Troops went to the U.S. The move surprised many."),
            ["Troops went to the U.S.", "The move surprised many."]
        );
    }

    #[test]
    fn numbers_urls_and_parentheses() {
        assert_eq!(
            split("Dr. Smith earned $3.50 per share, up 2.5 percent. Investors cheered."),
            [
                "Dr. Smith earned $3.50 per share, up 2.5 percent.",
                "Investors cheered."
            ]
        );
        assert_eq!(
            split("The meeting ended (see p. 4 for details). Both men left."),
            [
                "The meeting ended (see p. 4 for details).",
                "Both men left."
            ]
        );
        assert_eq!(
            split("Read more at www.example.com. Then leave."),
            ["Read more at www.example.com.", "Then leave."]
        );
    }

    #[test]
    fn quotes_and_ellipses() {
        assert_eq!(
            split("“We will win,” he said. “Nobody doubts it.” The crowd cheered."),
            [
                "“We will win,” he said.",
                "“Nobody doubts it.”",
                "The crowd cheered."
            ]
        );
        assert_eq!(
            split("He said: “Our plan is clear.” Others disagreed."),
            ["He said: “Our plan is clear.”", "Others disagreed."]
        );
        assert_eq!(
            split("“We are realistic… There is a lot still to be worked out”, the source said."),
            ["“We are realistic… There is a lot still to be worked out”, the source said."]
        );
        assert_eq!(
            split("He hesitated… then he left. Nobody followed."),
            ["He hesitated… then he left.", "Nobody followed."]
        );
        assert_eq!(
            split("Prices rose... Analysts were surprised."),
            ["Prices rose...", "Analysts were surprised."]
        );
        assert_eq!(
            split("'Look, there is one thing we agree about,' he said. 'That is what matters.'"),
            [
                "'Look, there is one thing we agree about,' he said.",
                "'That is what matters.'"
            ]
        );
        assert_eq!(
            split("He said \"Sit down.\" Then we began."),
            ["He said \"Sit down.\"", "Then we began."]
        );
        assert_eq!(
            split("“Isil in Syria…” “They need to be set out more clearly”."),
            [
                "“Isil in Syria…”",
                "“They need to be set out more clearly”."
            ]
        );
        assert_eq!(
            split("``It is over,'' he said. ``We won.'' They left."),
            ["``It is over,'' he said.", "``We won.''", "They left."]
        );
    }

    #[test]
    fn lines_and_questions() {
        assert_eq!(
            split("Kremlin says meeting constructive\nPutin added that Russia was ready."),
            [
                "Kremlin says meeting constructive",
                "Putin added that Russia was ready."
            ]
        );
        assert_eq!(
            split("Share\n\nKremlin says meeting constructive\n\nPutin added."),
            ["Share", "Kremlin says meeting constructive", "Putin added."]
        );
        assert_eq!(
            split("Is this the end? No! It is not."),
            ["Is this the end?", "No!", "It is not."]
        );
        assert_eq!(
            split("Obama, Cameron and Merkel met. The U.S. official said so. Nothing changed."),
            [
                "Obama, Cameron and Merkel met.",
                "The U.S. official said so.",
                "Nothing changed."
            ]
        );
    }

    #[test]
    fn cjk_terminators_need_no_space() {
        assert_eq!(
            split("你好世界。今天很好！是吗？"),
            ["你好世界。", "今天很好！", "是吗？"]
        );
    }

    #[test]
    fn long_runs_are_cut_at_whitespace() {
        let text = "word ".repeat(1000);
        let pieces = cut_long(&text, 0..text.len(), 100);
        assert!(pieces.iter().all(|p| p.len() <= 100));
        assert!(pieces.iter().all(|p| text[p.clone()].starts_with("word")));
        let cjk = "字".repeat(100);
        let pieces = cut_long(&cjk, 0..cjk.len(), 10);
        assert!(pieces.iter().all(|p| p.len() <= 10
            && cjk.is_char_boundary(p.start)
            && cjk.is_char_boundary(p.end)));
        assert_eq!(pieces.iter().map(|p| p.len()).sum::<usize>(), cjk.len());
    }

    /// Splits one line by the rules of the language with this code.
    fn split_in(code: &str, line: &str) -> Vec<String> {
        let rules = SentenceRules::for_language(Language::from_code(code).unwrap());
        split_line_with(line, &rules)
            .into_iter()
            .map(|s| line[s].to_owned())
            .collect()
    }

    #[test]
    fn german_abbreviations_and_quotes() {
        assert_eq!(
            split_in(
                "de",
                "Betroffen sind z. B. Laubegast und Blasewitz. Die Feuerwehr hilft."
            ),
            [
                "Betroffen sind z. B. Laubegast und Blasewitz.",
                "Die Feuerwehr hilft."
            ]
        );
        assert_eq!(
            split_in(
                "de",
                "Die Bundesstraße Nr. 6 ist gesperrt. Dr. Weber sprach. Er kam."
            ),
            [
                "Die Bundesstraße Nr. 6 ist gesperrt.",
                "Dr. Weber sprach.",
                "Er kam."
            ]
        );
        assert_eq!(
            split_in(
                "de",
                "„Wir sind bereit. Wir kommen.“ Er sagte das am Montag."
            ),
            ["„Wir sind bereit. Wir kommen.“", "Er sagte das am Montag."]
        );
    }

    #[test]
    fn french_abbreviations_and_guillemets() {
        assert_eq!(
            split_in(
                "fr",
                "M. Dupont a parlé. Mme Martin a marché, p. ex. dans Paris. Le métro roule."
            ),
            [
                "M. Dupont a parlé.",
                "Mme Martin a marché, p. ex. dans Paris.",
                "Le métro roule."
            ]
        );
        assert_eq!(
            split_in(
                "fr",
                "« Nous sommes prêts. Nous irons. » Le ministre a répondu."
            ),
            [
                "« Nous sommes prêts. Nous irons. »",
                "Le ministre a répondu."
            ]
        );
    }

    #[test]
    fn spanish_abbreviations_and_inverted_marks() {
        assert_eq!(
            split_in("es", "El Sr. Gómez y la Sra. Ruiz hablaron. ¿Cuándo volverán? Nadie lo sabe. ¡Es un desastre!"),
            ["El Sr. Gómez y la Sra. Ruiz hablaron.", "¿Cuándo volverán?", "Nadie lo sabe.", "¡Es un desastre!"]
        );
        assert_eq!(
            split_in(
                "es",
                "Medios de EE. UU. y de Europa informan. El fuego sigue."
            ),
            ["Medios de EE. UU. y de Europa informan.", "El fuego sigue."]
        );
    }

    #[test]
    fn italian_portuguese_and_dutch_titles() {
        assert_eq!(
            split_in(
                "it",
                "Il Sig. Rossi ha chiesto aiuto. La scossa è stata forte."
            ),
            [
                "Il Sig. Rossi ha chiesto aiuto.",
                "La scossa è stata forte."
            ]
        );
        assert_eq!(
            split_in("pt", "O Sr. Almeida decretou emergência. A chuva continua."),
            ["O Sr. Almeida decretou emergência.", "A chuva continua."]
        );
        assert_eq!(
            split_in(
                "nl",
                "Veel mensen bleven thuis, bijv. in Zeeland. De storm ging liggen."
            ),
            [
                "Veel mensen bleven thuis, bijv. in Zeeland.",
                "De storm ging liggen."
            ]
        );
    }

    #[test]
    fn russian_abbreviations() {
        assert_eq!(
            split_in("ru", "Выпала месячная норма, т. е. около пятидесяти миллиметров. В 2010 г. было так же. Власти молчат."),
            [
                "Выпала месячная норма, т. е. около пятидесяти миллиметров.",
                "В 2010 г. было так же.",
                "Власти молчат."
            ]
        );
    }

    #[test]
    fn stops_of_other_scripts() {
        assert_eq!(
            split_in("zh", "台风登陆。居民转移！会停运吗？是的。"),
            ["台风登陆。", "居民转移！", "会停运吗？", "是的。"]
        );
        assert_eq!(
            split_in("hi", "सरकार ने घोषणा की। अधिकारियों ने कहा।"),
            ["सरकार ने घोषणा की।", "अधिकारियों ने कहा।"]
        );
        assert_eq!(
            split_in("ar", "هل انتهى الاجتماع؟ نعم انتهى."),
            ["هل انتهى الاجتماع؟", "نعم انتهى."]
        );
        assert_eq!(
            split_in("ur", "یہ خبر ہے۔ وہ آیا۔"),
            ["یہ خبر ہے۔", "وہ آیا۔"]
        );
    }
}
