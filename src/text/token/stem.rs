//! Snowball stemming: inflections of a word become one term.

use rust_stemmers::{Algorithm, Stemmer};

use super::WordFilter;
use crate::language::Language;

/// The Snowball stemmer of one language (expects lower-cased words without
/// apostrophes).
///
/// ```
/// use precis::{language::Language, text::token::{stem::Stem, WordFilter}};
/// let stem = Stem::for_language(Language::from_code("fr").unwrap()).unwrap();
/// let (mut a, mut b) = (String::from("gouvernements"), String::from("gouvernement"));
/// stem.apply(&mut a);
/// stem.apply(&mut b);
/// assert_eq!(a, b);
/// assert!(Stem::for_language(Language::from_code("vi").unwrap()).is_none());
/// ```
pub struct Stem {
    stemmer: Stemmer,
}

impl std::fmt::Debug for Stem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stem").finish_non_exhaustive()
    }
}

impl Stem {
    /// The stemmer for `language`, where rust-stemmers has one.
    pub fn for_language(language: Language) -> Option<Self> {
        let algorithm = match language.code() {
            "ar" => Algorithm::Arabic,
            "da" => Algorithm::Danish,
            "de" => Algorithm::German,
            "el" => Algorithm::Greek,
            "en" => Algorithm::English,
            "es" => Algorithm::Spanish,
            "fi" => Algorithm::Finnish,
            "fr" => Algorithm::French,
            "hu" => Algorithm::Hungarian,
            "it" => Algorithm::Italian,
            "nl" => Algorithm::Dutch,
            "no" => Algorithm::Norwegian,
            "pt" => Algorithm::Portuguese,
            "ro" => Algorithm::Romanian,
            "ru" => Algorithm::Russian,
            "sv" => Algorithm::Swedish,
            "ta" => Algorithm::Tamil,
            "tr" => Algorithm::Turkish,
            _ => return None,
        };
        Some(Stem {
            stemmer: Stemmer::create(algorithm),
        })
    }
}

impl WordFilter for Stem {
    fn apply(&self, word: &mut String) -> bool {
        if let std::borrow::Cow::Owned(stem) = self.stemmer.stem(word) {
            *word = stem;
        }
        true
    }
}
