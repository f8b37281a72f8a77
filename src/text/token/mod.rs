//! Words to index terms: a chain of small filters, assembled per language.
//!
//! A word is a run of letters and digits; an apostrophe between two letters
//! stays inside it (`don't`, `O'Neill`), with curly and modifier apostrophes
//! written `'`. Words are lower-cased as they are read ([`lowercase`]), then
//! each distinct word goes through its language's chain, one filter per
//! module, as [`Analyzer::for_language`] assembles it:
//!
//! 1. runs of ideographs and kana become character pairs ([`segment`]);
//! 2. NFKC ([`normalize`]);
//! 3. English drops a possessive `'s`; French, Italian and Catalan an elided
//!    `l'`, `d'`, `qu'` ([`apostrophe`]);
//! 4. words of one letter go ([`length`]);
//! 5. the language's stop words go ([`stop_words`]);
//! 6. the apostrophes go ([`apostrophe`]);
//! 7. words of one letter go again, then Snowball stems, where the language
//!    has them ([`length`], [`stem`]).
//!
//! Order matters where stop word lists hold apostrophes (`don't`) and where
//! the stemmer knows none. English is the chain the pipeline always had: NLTK
//! stop words plus news words ("said", "Mr"), Snowball English.
//!
//! ```
//! use precis::{language::Language, text::token::Analyzer};
//! let de = Analyzer::for_language(Language::from_code("de").unwrap());
//! let terms = de.text_terms("Die Regierungen haben der Regierung vertraut.");
//! assert_eq!(terms, ["regier", "regier", "vertraut"]);
//! ```

pub mod apostrophe;
pub mod length;
pub mod lowercase;
pub mod normalize;
pub mod segment;
pub mod stem;
pub mod stop_words;

use crate::language::Language;
use lowercase::CaseRule;
use segment::CharacterPairs;
use stop_words::StopWords;

/// One step of a word's analysis.
pub trait WordFilter: Send + Sync {
    /// Changes `word` in place; `false` drops it (it carries no content).
    fn apply(&self, word: &mut String) -> bool;
}

/// Turns text into content terms, for one language.
pub struct Analyzer {
    language: Language,
    case: CaseRule,
    segmenter: CharacterPairs,
    stop_words: StopWords,
    filters: Vec<Box<dyn WordFilter>>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("language", &self.language)
            .field("stop_words", &self.stop_words.len())
            .field("filters", &self.filters.len())
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
        Self::for_language(Language::ENGLISH)
    }

    /// The chain for `language` (see the [module docs](self)).
    pub fn for_language(language: Language) -> Self {
        let code = language.code();
        let case = if matches!(code, "tr" | "az") {
            CaseRule::Turkic
        } else {
            CaseRule::Default
        };
        let stop_words = StopWords::for_language(language);
        let mut filters: Vec<Box<dyn WordFilter>> = vec![Box::new(normalize::Nfkc)];
        if language == Language::ENGLISH {
            filters.push(Box::new(apostrophe::Possessive));
        }
        if matches!(code, "fr" | "it" | "ca") {
            filters.push(Box::new(apostrophe::Elision));
        }
        filters.push(Box::new(length::RemoveShort));
        filters.push(Box::new(stop_words.clone()));
        filters.push(Box::new(apostrophe::RemoveApostrophes));
        filters.push(Box::new(length::RemoveShort));
        if let Some(stem) = stem::Stem::for_language(language) {
            filters.push(Box::new(stem));
        }
        Analyzer {
            language,
            case,
            segmenter: CharacterPairs,
            stop_words,
            filters,
        }
    }

    /// The language this analyzer is for.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The term for one lower-cased word, or `None` when it carries no
    /// content (for a word that makes several terms, the first).
    pub fn term(&self, word: &str) -> Option<String> {
        let mut out = Vec::new();
        self.terms(word, &mut out);
        out.into_iter().next()
    }

    /// Appends the terms of one lower-cased word to `out`: none when it
    /// carries no content, several for a run of ideographs or kana.
    pub fn terms(&self, word: &str, out: &mut Vec<String>) {
        let first = out.len();
        self.segmenter.split(word, out);
        let mut kept = first;
        for i in first..out.len() {
            let mut piece = std::mem::take(&mut out[i]);
            if self.filters.iter().all(|f| f.apply(&mut piece)) {
                out[kept] = piece;
                kept += 1;
            }
        }
        out.truncate(kept);
    }

    /// Every term of `text`, in order.
    pub fn text_terms(&self, text: &str) -> Vec<String> {
        let (mut buf, mut out) = (String::new(), Vec::new());
        self.for_each_word(text, &mut buf, |word| self.terms(word, &mut out));
        out
    }

    /// Calls `f` with each word of `text`, lower-cased by the language's rule
    /// and with apostrophes normalised (`buf` is scratch space, reused to
    /// avoid allocation).
    pub fn for_each_word(&self, text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
        let case = self.case;
        buf.clear();
        let mut chars = text.chars().peekable();
        let mut prev_alnum = false;
        while let Some(c) = chars.next() {
            if c.is_alphanumeric() {
                case.push(c, buf);
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
        Analyzer::english().text_terms(text)
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
        assert_eq!(terms("你好世界"), ["你好", "好世", "世界"]);
        assert!(terms("🙂 \u{200b}\u{0301}").is_empty());
    }
}
