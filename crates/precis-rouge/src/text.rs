//! How ROUGE-1.5.5 reads a summary: lines, length limits, cleaning, tokens.
//!
//! ROUGE reads summaries one sentence per line ("SPL" input): a line is what lies
//! between `\n` characters, empty lines are dropped, and `A-Z` is lowercased.
//! Length limits are applied to these raw lines *before* any cleaning:
//!
//! * `-l N` counts whitespace-separated words (Perl `split /\s+/`, so `U.S.` or
//!   `--` are one word each, and a line starting with whitespace counts one extra
//!   empty word); whole lines are kept while the running count stays below `N`,
//!   then the first words of the next line up to exactly `N`.
//! * `-b N` counts bytes of the lines, not counting the separators between them;
//!   whole lines are kept while the running count stays below `N`, then the first
//!   bytes of the next line up to exactly `N` (possibly cutting a word).
//!
//! The kept text is then cleaned: every byte that is not `A-Za-z0-9-` becomes a
//! space and each `-` becomes a separate token, and tokens that do not start with
//! `[a-z0-9]` (that is, the `-` tokens) are ignored. The net effect: tokens are
//! the maximal runs of ASCII letters and digits, lowercased.
//!
//! ROUGE-L reads the same file a second time, keeping sentences apart
//! (`readText_LCS`). Its word limit behaves as above, but its byte limit never
//! advances its running count: every line shorter than `N` bytes is kept whole,
//! and the first line of `N` bytes or more is cut to `N` bytes and ends the text.
//! This module reproduces that quirk for ROUGE-L only, as the reference does.
//!
//! ROUGE's cleaning makes every letter outside `a-z` a word boundary, so a
//! Vietnamese, French or Russian word falls apart into fragments that match by
//! chance. [`Tokenize::Unicode`] keeps words whole instead (limits are applied
//! exactly as above first): a word is a maximal run of letters, digits and
//! combining marks of any script, lowercased; each Han, hiragana or katakana
//! character is a word of its own, since Chinese and Japanese are written
//! without spaces and no segmenter is used (scores there are on characters).
//! Other scripts written without spaces (Thai, Lao, Khmer, Myanmar) stay runs
//! between spaces and punctuation.

/// A length limit on summaries, applied to system and reference summaries alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Truncation {
    /// No limit.
    None,
    /// Keep the first `n` words (ROUGE `-l n`; `0` means no limit, as in ROUGE).
    Words(usize),
    /// Keep the first `n` bytes (ROUGE `-b n`; `0` means no limit, as in ROUGE).
    Bytes(usize),
}

/// How the kept text is split into the words ROUGE counts.
///
/// ```
/// use precis_rouge::{RougeConfig, RougeScorer, Tokenize};
/// let unicode = RougeConfig { tokenize: Tokenize::Unicode, stemming: false, ..RougeConfig::default() };
/// let scorer = RougeScorer::new(unicode)?;
/// assert_eq!(scorer.tokens("Cảnh sát giao thông"), ["cảnh", "sát", "giao", "thông"]);
/// let scorer = RougeScorer::new(RougeConfig::default())?;
/// assert_eq!(scorer.tokens("Cảnh sát"), ["c", "nh", "s", "t"]);
/// # Ok::<(), precis_rouge::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tokenize {
    /// ROUGE-1.5.5's: maximal runs of ASCII letters and digits, lowercased.
    /// Right for English only; the published figures use it.
    #[default]
    Ascii,
    /// Letters, digits and combining marks of every script, lowercased; Han
    /// and kana one character per word (see the module documentation).
    Unicode,
}

impl Tokenize {
    /// Its name on the command line: `ascii` or `unicode`.
    pub fn name(self) -> &'static str {
        match self {
            Tokenize::Ascii => "ascii",
            Tokenize::Unicode => "unicode",
        }
    }
}

/// Perl's `\s` on byte strings: space, `\t`, `\n`, vertical tab, form feed, `\r`.
fn is_perl_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// The non-empty lines of a text, as ROUGE's SPL reader sees them.
pub(crate) fn spl_lines(text: &[u8]) -> Vec<&[u8]> {
    text.split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect()
}

/// Perl `split /\s+/, $line`: the end offsets of the fields of a line. A leading
/// empty field (line starts with whitespace) is included unless the line is all
/// whitespace, in which case there are no fields at all.
fn perl_field_ends(line: &[u8]) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut i = 0;
    let n = line.len();
    if n > 0 && is_perl_space(line[0]) {
        if line.iter().all(|&b| is_perl_space(b)) {
            return ends;
        }
        ends.push(0);
    }
    while i < n {
        while i < n && is_perl_space(line[i]) {
            i += 1;
        }
        if i >= n {
            break;
        }
        while i < n && !is_perl_space(line[i]) {
            i += 1;
        }
        ends.push(i);
    }
    ends
}

/// Apply a limit the way ROUGE's `readText` does (used for ROUGE-N, ROUGE-S and
/// the unigram counts of ROUGE-L): the kept prefix of each kept line.
pub(crate) fn truncate_flat<'a>(lines: &[&'a [u8]], limit: Truncation) -> Vec<&'a [u8]> {
    match limit {
        Truncation::None | Truncation::Words(0) | Truncation::Bytes(0) => lines.to_vec(),
        Truncation::Words(max) => {
            let mut out = Vec::new();
            let mut count = 0usize;
            for line in lines {
                let ends = perl_field_ends(line);
                if count + ends.len() < max {
                    count += ends.len();
                    out.push(*line);
                } else {
                    let keep = max - count;
                    let end = if keep == 0 { 0 } else { ends[keep - 1] };
                    out.push(&line[..end]);
                    break;
                }
            }
            out
        }
        Truncation::Bytes(max) => {
            let mut out = Vec::new();
            let mut count = 0usize;
            for line in lines {
                if count + line.len() < max {
                    count += line.len();
                    out.push(*line);
                } else {
                    out.push(&line[..max - count]);
                    break;
                }
            }
            out
        }
    }
}

/// Apply a limit the way ROUGE's `readText_LCS` does (sentences for ROUGE-L),
/// including its byte-limit quirk (see the module documentation).
pub(crate) fn truncate_sentences<'a>(lines: &[&'a [u8]], limit: Truncation) -> Vec<&'a [u8]> {
    match limit {
        Truncation::Bytes(max) if max > 0 => {
            let mut out = Vec::new();
            for line in lines {
                if line.len() < max {
                    out.push(*line);
                } else {
                    out.push(&line[..max]);
                    break;
                }
            }
            out
        }
        other => truncate_flat(lines, other),
    }
}

/// The tokens of a piece of (already truncated) text, split as `tokenize` says.
pub(crate) fn push_tokens(piece: &[u8], tokenize: Tokenize, out: &mut Vec<String>) {
    match tokenize {
        Tokenize::Ascii => push_ascii_tokens(piece, out),
        Tokenize::Unicode => push_unicode_tokens(piece, out),
    }
}

/// Han ideographs, hiragana and katakana: one word per character.
fn is_single_character_word(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'   // hiragana, katakana
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FF9F}' // half-width katakana
        | '\u{20000}'..='\u{2FA1F}') // CJK extensions B and later
}

/// Combining marks (accents typed as separate characters) belong to their word.
fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Unicode words: runs of letters, digits and combining marks, lowercased;
/// Han and kana one character each. Bytes that are not UTF-8 (a byte limit
/// may cut a character) separate words.
fn push_unicode_tokens(piece: &[u8], out: &mut Vec<String>) {
    let text = String::from_utf8_lossy(piece);
    let mut word = String::new();
    for c in text.chars() {
        if is_single_character_word(c) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.push(c.to_string());
        } else if c.is_alphanumeric() || is_combining_mark(c) {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
}

/// The share of the words of `texts` (whitespace-separated, with a letter)
/// that have a letter outside ASCII: near 0 for English, about 0.8 for
/// Vietnamese, 1 for Russian or Chinese.
pub fn non_ascii_word_share<'a>(texts: impl IntoIterator<Item = &'a str>) -> f64 {
    let (mut words, mut non_ascii) = (0usize, 0usize);
    for text in texts {
        for word in text.split_whitespace() {
            let mut letters = word.chars().filter(|c| c.is_alphabetic()).peekable();
            if letters.peek().is_none() {
                continue;
            }
            words += 1;
            non_ascii += usize::from(letters.any(|c| !c.is_ascii()));
        }
    }
    if words == 0 {
        0.0
    } else {
        non_ascii as f64 / words as f64
    }
}

/// The ROUGE-1.5.5 tokens of a piece of (already truncated) text: maximal runs
/// of ASCII letters and digits, lowercased.
fn push_ascii_tokens(piece: &[u8], out: &mut Vec<String>) {
    let mut i = 0;
    let n = piece.len();
    while i < n {
        while i < n && !piece[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let start = i;
        while i < n && piece[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i > start {
            let tok: String = piece[start..i]
                .iter()
                .map(|b| b.to_ascii_lowercase() as char)
                .collect();
            out.push(tok);
        }
    }
}

/// The tokens ROUGE-1.5.5 scores for `text` after applying `limit`, before
/// stop-word removal and stemming.
///
/// This is exactly the token sequence ROUGE-N counts n-grams over (with `-s`/`-m`
/// applied on top). Use it to measure summary lengths the way ROUGE does.
///
/// ```
/// use precis_rouge::{rouge_tokens, Truncation};
/// // "U.S." and "--" are one word each for the limit; ROUGE's tokens are letter/digit runs.
/// let toks = rouge_tokens("The U.S. economy -- grew 3.5%.\nSecond line.", Truncation::Words(5));
/// assert_eq!(toks, ["the", "u", "s", "economy", "grew"]);
/// ```
pub fn rouge_tokens(text: &str, limit: Truncation) -> Vec<String> {
    let lines = spl_lines(text.as_bytes());
    let mut out = Vec::new();
    for piece in truncate_flat(&lines, limit) {
        push_ascii_tokens(piece, &mut out);
    }
    out
}

/// Cut `text` where ROUGE-1.5.5 cuts it for ROUGE-N under `limit`, keeping the
/// original characters and case.
///
/// Lines are kept as lines (joined with `\n`; empty lines are dropped, as ROUGE
/// ignores them). A byte limit that falls inside a multi-byte UTF-8 character
/// backs off to the character boundary, which yields the same ROUGE tokens.
///
/// ```
/// use precis_rouge::{truncate_like_rouge, Truncation};
/// let text = "First sentence here.\n\nSecond one is longer than that.";
/// assert_eq!(truncate_like_rouge(text, Truncation::Words(5)), "First sentence here.\nSecond one");
/// assert_eq!(truncate_like_rouge(text, Truncation::Bytes(25)), "First sentence here.\nSecon");
/// ```
pub fn truncate_like_rouge(text: &str, limit: Truncation) -> String {
    let bytes = text.as_bytes();
    let lines = spl_lines(bytes);
    let kept = truncate_flat(&lines, limit);
    let mut out = String::new();
    for (i, piece) in kept.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        // Every piece is a prefix of a line, which is a subslice of `text`:
        // recover the offsets and back off to a character boundary.
        let start = piece.as_ptr() as usize - bytes.as_ptr() as usize;
        let mut end = start + piece.len();
        while end > start && !text.is_char_boundary(end) {
            end -= 1;
        }
        out.push_str(&text[start..end]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unicode_words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        push_tokens(text.as_bytes(), Tokenize::Unicode, &mut out);
        out
    }

    #[test]
    fn unicode_words_keep_every_script_whole() {
        assert_eq!(
            unicode_words("Ngày 4/11, Cảnh sát giao thông"),
            ["ngày", "4", "11", "cảnh", "sát", "giao", "thông"]
        );
        assert_eq!(unicode_words("Москва — СТОЛИЦА."), ["москва", "столица"]);
        // A combining accent (e + U+0301) stays in its word.
        assert_eq!(unicode_words("cafe\u{301} noir"), ["cafe\u{301}", "noir"]);
        // Han and kana one character each, beside a Latin word.
        assert_eq!(
            unicode_words("東京でG20会議"),
            ["東", "京", "で", "g20", "会", "議"]
        );
        // ROUGE-1.5.5's words break the same text apart.
        let mut ascii = Vec::new();
        push_tokens("Cảnh sát".as_bytes(), Tokenize::Ascii, &mut ascii);
        assert_eq!(ascii, ["c", "nh", "s", "t"]);
    }

    #[test]
    fn non_ascii_share_counts_words_with_letters() {
        assert_eq!(non_ascii_word_share(["The talks ended, 3-2."]), 0.0);
        assert_eq!(non_ascii_word_share(["Cảnh sát giao thông", "--"]), 0.75);
        assert_eq!(non_ascii_word_share([""]), 0.0);
    }

    fn words(lines: &[&str], limit: Truncation) -> Vec<String> {
        let ls: Vec<&[u8]> = lines.iter().map(|l| l.as_bytes()).collect();
        truncate_flat(&ls, limit)
            .iter()
            .map(|p| String::from_utf8_lossy(p).into_owned())
            .collect()
    }

    #[test]
    fn perl_split_fields() {
        assert_eq!(perl_field_ends(b"a bb  c"), vec![1, 4, 7]);
        assert_eq!(perl_field_ends(b"  a b"), vec![0, 3, 5]);
        assert_eq!(perl_field_ends(b"a b  "), vec![1, 3]);
        assert!(perl_field_ends(b" \t ").is_empty());
        assert!(perl_field_ends(b"").is_empty());
    }

    #[test]
    fn word_limit_counts_raw_words() {
        assert_eq!(
            words(&["a b c", "d e f"], Truncation::Words(4)),
            vec!["a b c", "d"]
        );
        assert_eq!(
            words(&["a b c", "d e f"], Truncation::Words(3)),
            vec!["a b c"]
        );
        assert_eq!(
            words(&["a b c", "d e f"], Truncation::Words(0)),
            vec!["a b c", "d e f"]
        );
        // A leading space is an extra (empty) word for Perl's split.
        assert_eq!(words(&[" a b c"], Truncation::Words(2)), vec![" a"]);
        // "U.S." is one word for the limit, two tokens for scoring.
        assert_eq!(
            rouge_tokens("U.S. x y", Truncation::Words(2)),
            ["u", "s", "x"]
        );
    }

    #[test]
    fn byte_limit_ignores_separators() {
        // 5 + 5 bytes of lines; the join space is not counted.
        assert_eq!(
            words(&["abcde", "fghij", "klm"], Truncation::Bytes(12)),
            vec!["abcde", "fghij", "kl"]
        );
        assert_eq!(
            words(&["abcde", "fghij"], Truncation::Bytes(5)),
            vec!["abcde"]
        );
    }

    #[test]
    fn lcs_byte_limit_quirk() {
        let ls: Vec<&[u8]> = vec![b"abcde", b"fghij", b"klmnopqrstuvwxyz", b"zz"];
        let got: Vec<&[u8]> = truncate_sentences(&ls, Truncation::Bytes(8));
        assert_eq!(got, vec![&b"abcde"[..], b"fghij", b"klmnopqr"]);
    }

    #[test]
    fn cleaning_and_lowercasing() {
        assert_eq!(
            rouge_tokens(
                "Hun Sen's well-known ``party'' (CPP) won 2/3",
                Truncation::None
            ),
            ["hun", "sen", "s", "well", "known", "party", "cpp", "won", "2", "3"]
        );
        assert_eq!(
            rouge_tokens("Café naïve", Truncation::None),
            ["caf", "na", "ve"]
        );
        assert_eq!(
            rouge_tokens("\n\n", Truncation::Words(10)),
            Vec::<String>::new()
        );
    }

    #[test]
    fn truncate_keeps_original_text() {
        let t = "Ünïcode words here\nmore";
        assert_eq!(
            truncate_like_rouge(t, Truncation::Words(2)),
            "Ünïcode words"
        );
        // 3 bytes cut inside "ï" (2 bytes): back off to the boundary.
        assert_eq!(truncate_like_rouge(t, Truncation::Bytes(4)), "Ün");
        assert_eq!(truncate_like_rouge(t, Truncation::None), t);
    }

    proptest::proptest! {
        #[test]
        fn truncated_text_has_the_same_tokens(
            text in "[a-zA-Z0-9 .,'\\-\t\né€ü]{0,200}",
            n in 0usize..60,
            bytes in proptest::bool::ANY,
        ) {
            let limit = if bytes { Truncation::Bytes(n) } else { Truncation::Words(n) };
            let cut = truncate_like_rouge(&text, limit);
            proptest::prop_assert_eq!(rouge_tokens(&cut, Truncation::None), rouge_tokens(&text, limit));
            if !bytes && n > 0 {
                let words: usize = spl_lines(cut.as_bytes()).iter().map(|l| perl_field_ends(l).len()).sum();
                proptest::prop_assert!(words <= n);
            }
        }
    }
}
