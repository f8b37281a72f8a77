//! Words too short to carry content.

use super::WordFilter;

/// Drops words of one character, except ideographs and kana, which are
/// whole words in Chinese and Japanese.
///
/// ```
/// use precis::text::token::{length::RemoveShort, WordFilter};
/// assert!(!RemoveShort.apply(&mut String::from("a")));
/// assert!(RemoveShort.apply(&mut String::from("g7")));
/// assert!(RemoveShort.apply(&mut String::from("雨")));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct RemoveShort;

impl WordFilter for RemoveShort {
    fn apply(&self, word: &mut String) -> bool {
        let mut chars = word.chars();
        match (chars.next(), chars.next()) {
            (None, _) => false,
            (Some(c), None) => crate::text::is_written_without_spaces(c),
            _ => true,
        }
    }
}
