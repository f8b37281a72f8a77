//! Stop words: words that say nothing about a topic.
//!
//! Lists come from the stop-words crate: NLTK's where it has one (English
//! among them, as before languages were detected), else stopwords-iso's.
//! English adds a few words that news text uses everywhere.

use rustc_hash::FxHashSet;

use super::WordFilter;
use crate::language::Language;

/// News words as empty as stop words: reporting verbs and titles.
const ENGLISH_NEWS_STOP_WORDS: &[&str] = &[
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

/// Drops the stop words of one language (expects lower-cased, normalised
/// words).
///
/// ```
/// use precis::{language::Language, text::token::{stop_words::StopWords, WordFilter}};
/// let de = StopWords::for_language(Language::from_code("de").unwrap());
/// assert!(!de.apply(&mut String::from("und")));
/// assert!(de.apply(&mut String::from("regierung")));
/// ```
#[derive(Debug, Clone, Default)]
pub struct StopWords {
    words: FxHashSet<String>,
}

impl StopWords {
    /// The list for `language`; empty where the crate has none.
    pub fn for_language(language: Language) -> Self {
        let mut words: FxHashSet<String> = stop_words::lookup(language.code())
            .unwrap_or_default()
            .iter()
            .map(|w| w.to_string())
            .collect();
        if language == Language::ENGLISH {
            words.extend(ENGLISH_NEWS_STOP_WORDS.iter().map(|w| w.to_string()));
        }
        StopWords { words }
    }

    /// Whether `word` is on the list.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// How many words the list holds.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

impl WordFilter for StopWords {
    fn apply(&self, word: &mut String) -> bool {
        !self.words.contains(word.as_str())
    }
}
