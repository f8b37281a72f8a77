//! Lower case, the same however a word was capitalised.
//!
//! Lower-casing is done character by character as words are read (see
//! [`Analyzer::for_each_word`](super::Analyzer::for_each_word)), with three
//! folds so that a word in capitals and the same word in running text meet:
//! Turkish and Azerbaijani `I` is dotless `ı` and `İ` is `i`; German `ß` (and
//! capital `ẞ`) is `ss`, as `STRASSE` is written for `Straße`; Greek final
//! sigma `ς` is `σ`, since `Σ` lower-cases to `σ` wherever it stands.

/// How a language lower-cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CaseRule {
    /// Unicode's default mapping.
    #[default]
    Default,
    /// Turkish and Azerbaijani: `I` → `ı`, `İ` → `i`.
    Turkic,
}

impl CaseRule {
    /// Appends `c` lower-cased and folded to `buf`.
    ///
    /// ```
    /// use precis::text::token::lowercase::CaseRule;
    /// let lower = |rule: CaseRule, word: &str| {
    ///     let mut buf = String::new();
    ///     word.chars().for_each(|c| rule.push(c, &mut buf));
    ///     buf
    /// };
    /// assert_eq!(lower(CaseRule::Turkic, "İSTANBUL IRMAK"), "istanbul ırmak");
    /// assert_eq!(lower(CaseRule::Default, "Straße STRASSE"), "strasse strasse");
    /// assert_eq!(lower(CaseRule::Default, "ΑΘΗΝΑΣ Αθήνας"), "αθηνασ αθήνασ");
    /// ```
    #[inline]
    pub fn push(self, c: char, buf: &mut String) {
        if c.is_ascii() {
            match (self, c) {
                (CaseRule::Turkic, 'I') => buf.push('ı'),
                _ => buf.push(c.to_ascii_lowercase()),
            }
            return;
        }
        match (self, c) {
            (CaseRule::Turkic, 'İ') => buf.push('i'),
            (_, 'ß' | 'ẞ') => buf.push_str("ss"),
            (_, 'ς') => buf.push('σ'),
            _ => buf.extend(c.to_lowercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_rule_keeps_ascii_fast_path_and_dotted_capital_i() {
        let mut buf = String::new();
        "Iİ"
            .chars()
            .for_each(|c| CaseRule::Default.push(c, &mut buf));
        // Unicode's default: İ becomes i with a combining dot above.
        assert_eq!(buf, "ii\u{307}");
    }
}
