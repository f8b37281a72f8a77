//! Apostrophes: possessives, elisions, and the apostrophe itself.
//!
//! Word reading keeps an apostrophe between two letters (`don't`,
//! `O'Neill`, `l'État`) and writes it as `'`. English drops a possessive
//! `'s`; French, Italian and Catalan drop an elided article or pronoun
//! (`l'`, `d'`, `qu'`, `dell'`), so that `l'État` and `État` meet; after stop
//! words are checked (lists hold `don't`), the apostrophes themselves go,
//! since the stemmer knows none.

use super::WordFilter;

/// Drops a final `'s` (English possessive).
///
/// ```
/// use precis::text::token::{apostrophe::Possessive, WordFilter};
/// let mut word = String::from("russia's");
/// Possessive.apply(&mut word);
/// assert_eq!(word, "russia");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Possessive;

impl WordFilter for Possessive {
    fn apply(&self, word: &mut String) -> bool {
        if word.ends_with("'s") {
            word.truncate(word.len() - 2);
        }
        true
    }
}

/// Drops an elided prefix of at most [`Elision::MAX_PREFIX`] letters before
/// the first apostrophe (`l'état` → `état`, `dell'anno` → `anno`).
///
/// ```
/// use precis::text::token::{apostrophe::Elision, WordFilter};
/// let mut word = String::from("qu'il");
/// Elision.apply(&mut word);
/// assert_eq!(word, "il");
/// let mut word = String::from("aujourd'hui");
/// Elision.apply(&mut word);
/// assert_eq!(word, "aujourd'hui");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Elision;

impl Elision {
    /// The longest elided prefix, in characters: `quell'`, `lorsqu'` is not
    /// one, and `aujourd'hui` is a word.
    pub const MAX_PREFIX: usize = 5;
}

impl WordFilter for Elision {
    fn apply(&self, word: &mut String) -> bool {
        if let Some(at) = word.find('\'') {
            if word[..at].chars().count() <= Self::MAX_PREFIX {
                word.drain(..=at);
            }
        }
        true
    }
}

/// Removes the apostrophes left in a word (`o'neill` → `oneill`).
///
/// ```
/// use precis::text::token::{apostrophe::RemoveApostrophes, WordFilter};
/// let mut word = String::from("o'neill");
/// RemoveApostrophes.apply(&mut word);
/// assert_eq!(word, "oneill");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct RemoveApostrophes;

impl WordFilter for RemoveApostrophes {
    fn apply(&self, word: &mut String) -> bool {
        if word.contains('\'') {
            word.retain(|c| c != '\'');
        }
        true
    }
}
