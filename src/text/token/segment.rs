//! Words in scripts written without spaces (Chinese, Japanese).
//!
//! Word reading takes a run of ideographs and kana as one word, which would
//! make a whole clause one term. Such runs are cut into overlapping character
//! pairs (`安塔利亚` → `安塔`, `塔利`, `利亚`): a pair of characters is a
//! word, or half of one, often enough that two sentences about the same thing
//! share many pairs and two about different things few. Letters and digits
//! run into the text (`G20峰会`) stay words of their own.

use crate::text::is_written_without_spaces;

/// Cuts a word into the pieces that become terms: itself when it has no
/// ideograph or kana, else its runs of other letters and the character pairs
/// of its ideograph and kana runs (a run of one character is itself).
///
/// ```
/// use precis::text::token::segment::CharacterPairs;
/// let mut pieces = Vec::new();
/// CharacterPairs.split("g20峰会举行", &mut pieces);
/// assert_eq!(pieces, ["g20", "峰会", "会举", "举行"]);
/// pieces.clear();
/// CharacterPairs.split("antalya", &mut pieces);
/// assert_eq!(pieces, ["antalya"]);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct CharacterPairs;

impl CharacterPairs {
    /// Appends the pieces of `word` to `out`.
    pub fn split(&self, word: &str, out: &mut Vec<String>) {
        if word.is_ascii() || !word.chars().any(is_written_without_spaces) {
            out.push(word.to_owned());
            return;
        }
        let mut rest = word;
        while let Some(first) = rest.chars().next() {
            let spaceless = is_written_without_spaces(first);
            let end = rest
                .char_indices()
                .find(|(_, c)| is_written_without_spaces(*c) != spaceless)
                .map_or(rest.len(), |(i, _)| i);
            let run = &rest[..end];
            if !spaceless {
                out.push(run.to_owned());
            } else {
                let chars: Vec<char> = run.chars().collect();
                if chars.len() == 1 {
                    out.push(run.to_owned());
                }
                out.extend(chars.windows(2).map(|pair| pair.iter().collect::<String>()));
            }
            rest = &rest[end..];
        }
    }
}
