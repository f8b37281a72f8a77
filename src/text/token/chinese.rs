//! Chinese words from a dictionary (jieba-rs), behind the `chinese-words`
//! feature.
//!
//! Character pairs ([`super::segment::CharacterPairs`]) make every pair a
//! term, half of them across a word boundary (`广东沿海` gives `东沿`). A
//! dictionary cut gives the words themselves (`广东`, `沿海`), so stop words
//! (`的`, `了`, `在`) can be dropped and concepts are pairs of real words.
//! The dictionary (350,000 words) is loaded once, on the first Chinese run a
//! process reads: documents in other languages never pay for it.

use std::sync::OnceLock;

use jieba_rs::Jieba;

use super::segment::split_runs;

/// jieba's default dictionary, loaded on first use.
fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// Cuts runs of ideographs into dictionary words (jieba's exact mode, with
/// its hidden Markov model for words the dictionary lacks, such as names).
///
/// ```
/// use precis::text::token::chinese::ChineseWords;
/// let mut pieces = Vec::new();
/// ChineseWords.split("g20峰会在安塔利亚举行", &mut pieces);
/// assert_eq!(pieces, ["g20", "峰会", "在", "安塔利亚", "举行"]);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct ChineseWords;

impl ChineseWords {
    /// Appends the pieces of `word` to `out`: itself when it has no ideograph
    /// or kana, else its runs of other letters and the words of its
    /// ideograph runs.
    pub fn split(&self, word: &str, out: &mut Vec<String>) {
        split_runs(word, out, |run, out| {
            out.extend(
                jieba()
                    .cut(run, true)
                    .into_iter()
                    .map(|t| t.word.to_owned()),
            );
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::language::Language;
    use crate::text::token::Analyzer;

    #[test]
    fn chinese_terms_are_words_without_stop_words() {
        let zh = Analyzer::for_language(Language::from_code("zh").unwrap());
        // 的, 在 and 了 are stop words; the rest are words of the dictionary.
        assert_eq!(
            zh.text_terms("政府在广东的沿海城市转移了居民。"),
            ["政府", "广东", "沿海", "城市", "转移", "居民"]
        );
        // The same word is the same term wherever it stands; a character pair
        // across two words (东的) is no term.
        let a = zh.text_terms("台风袭击广东沿海地区");
        let b = zh.text_terms("广东全力应对台风");
        assert!(a.contains(&"台风".to_owned()) && b.contains(&"台风".to_owned()));
        assert!(!zh.text_terms("广东的城市").contains(&"东的".to_owned()));
    }

    #[test]
    fn japanese_keeps_character_pairs() {
        let ja = Analyzer::for_language(Language::from_code("ja").unwrap());
        assert_eq!(ja.text_terms("東京都"), ["東京", "京都"]);
    }
}
