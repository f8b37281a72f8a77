//! Words to index terms: normalise, lowercase, drop stop words, stem.
//!
//! A word is a run of letters and digits; an apostrophe between two letters
//! stays inside it (`don't`, `O'Neill`), with curly and modifier apostrophes
//! normalised to `'` first because the stemmer only knows the ASCII one. A
//! possessive `'s` is dropped. Words of one character, stop words (NLTK's
//! English list plus a few words that news text uses everywhere, such as
//! "said" and "Mr") are dropped, and the rest are stemmed with Snowball English.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashSet;

/// News words as empty as stop words: reporting verbs and titles.
const NEWS_STOP_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "according",
    "mr",
    "mrs",
    "ms",
    "also",
    "would",
    "could",
];

/// Turns text into stemmed content terms.
pub struct Analyzer {
    stemmer: Stemmer,
    stop_words: FxHashSet<&'static str>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("stop_words", &self.stop_words.len())
            .finish_non_exhaustive()
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::english()
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘' | '′')
}

impl Analyzer {
    /// English: NLTK stop words plus news words, Snowball English stems.
    pub fn english() -> Self {
        let mut stop_words: FxHashSet<&'static str> = stop_words::lookup("en")
            .unwrap_or_default()
            .iter()
            .copied()
            .collect();
        stop_words.extend(NEWS_STOP_WORDS);
        Analyzer {
            stemmer: Stemmer::create(Algorithm::English),
            stop_words,
        }
    }

    /// The term for one lower-cased word, or `None` when it carries no content.
    pub fn term(&self, word: &str) -> Option<String> {
        let word = word.strip_suffix("'s").unwrap_or(word);
        if word.chars().nth(1).is_none() || self.stop_words.contains(word) {
            return None;
        }
        let plain: std::borrow::Cow<'_, str> = if word.contains('\'') {
            word.replace('\'', "").into()
        } else {
            word.into()
        };
        // Removing apostrophes may leave a single letter.
        plain.chars().nth(1)?;
        Some(self.stemmer.stem(&plain).into_owned())
    }

    /// Calls `f` with each word of `text`, lower-cased and with apostrophes
    /// normalised (`buf` is scratch space, reused to avoid allocation).
    pub fn for_each_word(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
        buf.clear();
        let mut chars = text.chars().peekable();
        let mut prev_alnum = false;
        while let Some(c) = chars.next() {
            if c.is_alphanumeric() {
                if c.is_ascii() {
                    buf.push(c.to_ascii_lowercase());
                } else {
                    buf.extend(c.to_lowercase());
                }
                prev_alnum = true;
                continue;
            }
            if is_apostrophe(c) && prev_alnum && chars.peek().is_some_and(|n| n.is_alphanumeric()) {
                buf.push('\'');
                prev_alnum = false;
                continue;
            }
            if !buf.is_empty() {
                f(buf);
                buf.clear();
            }
            prev_alnum = false;
        }
        if !buf.is_empty() {
            f(buf);
            buf.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        let analyzer = Analyzer::english();
        let (mut buf, mut out) = (String::new(), Vec::new());
        Analyzer::for_each_word(text, &mut buf, |word| out.extend(analyzer.term(word)));
        out
    }

    #[test]
    fn stems_and_drops_stop_words() {
        assert_eq!(
            terms("The leaders were meeting in Antalya."),
            ["leader", "meet", "antalya"]
        );
        assert_eq!(
            terms("Mr Cameron said the talks continued"),
            ["cameron", "talk", "continu"]
        );
    }

    #[test]
    fn apostrophes_and_possessives() {
        assert_eq!(
            terms("Putin’s plan, Russia's role"),
            ["putin", "plan", "russia", "role"]
        );
        assert_eq!(terms("don’t O'Neill"), ["oneil"]);
        assert_eq!(terms("'quoted' words"), ["quot", "word"]);
    }

    #[test]
    fn hyphens_split_and_numbers_stay() {
        assert_eq!(
            terms("Putin-Obama G20 in 2015"),
            ["putin", "obama", "g20", "2015"]
        );
    }

    #[test]
    fn non_latin_text_does_not_panic() {
        assert_eq!(terms("Привет мир"), ["привет", "мир"]);
        assert_eq!(terms("你好世界"), ["你好世界"]);
        assert!(terms("🙂 \u{200b}\u{0301}").is_empty());
    }
}
