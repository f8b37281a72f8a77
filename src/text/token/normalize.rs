//! Unicode normalisation (NFKC): one spelling for one word.
//!
//! The same word can reach us composed (`é`) or decomposed (`e` + `◌́`), in
//! ligatures (`ﬁ`), full-width (`Ｇ２０`) or with compatibility letters; NFKC
//! gives each a single form, so that they make one term. ASCII words, most
//! words of most text, are already normal and pass untouched.

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

use super::WordFilter;

/// NFKC normalisation of each word, lower-cased again where normalising made
/// capitals (`Ⅻ` is `XII`).
///
/// ```
/// use precis::text::token::{normalize::Nfkc, WordFilter};
/// let mut word = String::from("ﬁnance");
/// assert!(Nfkc.apply(&mut word));
/// assert_eq!(word, "finance");
/// let mut word = String::from("cafe\u{301}");
/// Nfkc.apply(&mut word);
/// assert_eq!(word, "café");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Nfkc;

impl WordFilter for Nfkc {
    fn apply(&self, word: &mut String) -> bool {
        if word.is_ascii() || is_nfkc_quick(word.chars()) == IsNormalized::Yes {
            return true;
        }
        let normal: String = word.nfkc().collect();
        *word = if normal.chars().any(char::is_uppercase) {
            normal.to_lowercase()
        } else {
            normal
        };
        true
    }
}
