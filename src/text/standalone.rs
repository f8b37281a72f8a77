//! Whether a sentence stands alone: read out of its document, does it point
//! back at something the reader never saw?
//!
//! Two signs, both cheap and both on the surface of the text:
//!
//! - it opens with a pronoun or a connective that needs what came before
//!   ("He said...", "But the talks...", "This was...", "Also...");
//! - it is part of a quotation cut in half: a closing quotation mark without
//!   the opening one, or an opening one never closed.
//!
//! Selection prefers sentences that stand alone when scores are close
//! ([`crate::select::SelectConfig::standalone_weight`]); `scripts/dangling-openings.py`
//! measures the same openings in written summaries (it reads the same word list).

/// Words that point back when a sentence opens with them (lowercase,
/// sorted): `data/standalone/dangling-openings.txt`, which
/// `scripts/dangling-openings.py` reads too.
const DANGLING_OPENINGS_FILE: &str = include_str!("../../data/standalone/dangling-openings.txt");

/// [`DANGLING_OPENINGS_FILE`]'s words, sorted for binary search.
fn dangling_openings() -> &'static [&'static str] {
    static WORDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: Vec<&'static str> = DANGLING_OPENINGS_FILE
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        words.sort_unstable();
        words
    })
}

/// Characters that may come before a sentence's first word.
const OPENERS: &[char] = &['"', '\'', '“', '‘', '«', '(', '[', '—', '–', '-', ' ', '„'];

/// The sentence's first word, lowercased, without a possessive `'s`.
fn first_word(sentence: &str) -> String {
    let text = sentence.trim_start_matches(OPENERS);
    let end = text
        .char_indices()
        .find(|&(i, c)| !(c.is_alphabetic() || (i > 0 && (c == '\'' || c == '’'))))
        .map_or(text.len(), |(i, _)| i);
    let word = text[..end].to_lowercase();
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(&word);
    word.trim_end_matches(['\'', '’']).to_owned()
}

/// Whether the sentence opens with a word of the dangling openings.
pub(crate) fn opens_with_reference(sentence: &str) -> bool {
    dangling_openings()
        .binary_search(&first_word(sentence).as_str())
        .is_ok()
}

/// Whether the sentence is part of a quotation cut in half: curly quotes that
/// do not pair up, or an odd number of straight double quotes.
pub(crate) fn cuts_a_quotation(sentence: &str) -> bool {
    let mut depth = 0i32;
    for c in sentence.chars() {
        match c {
            '“' => depth += 1,
            '”' => {
                depth -= 1;
                if depth < 0 {
                    return true;
                }
            }
            _ => {}
        }
    }
    depth != 0 || sentence.matches('"').count() % 2 == 1
}

/// Whether the sentence holds a quotation: a double quotation mark of any
/// kind (straight, curly, low, guillemets, or newswire's TeX-style ``
/// and ''). Single curly quotes are left out: they are more often
/// apostrophes.
pub(crate) fn holds_quotation(sentence: &str) -> bool {
    sentence.contains(['"', '“', '”', '„', '«', '»'])
        || sentence.contains("``")
        || sentence.contains("''")
}

/// Whether the sentence can be read on its own (neither sign above).
pub fn stands_alone(sentence: &str) -> bool {
    !opens_with_reference(sentence) && !cuts_a_quotation(sentence)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_list_reads_as_lowercase_words_without_repeats() {
        let words = dangling_openings();
        assert_eq!(words.len(), 45);
        assert!(words.windows(2).all(|w| w[0] < w[1]));
        assert!(words
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_lowercase())));
    }

    #[test]
    fn openings_that_point_back() {
        for s in [
            "He said the talks went well.",
            "“But we are realistic,” the source said.",
            "However, the vote was close.",
            "This was the first meeting since May.",
            "It's a long way to go.",
            "Also on the agenda was trade.",
        ] {
            assert!(opens_with_reference(s), "{s}");
        }
        for s in [
            "The talks went well.",
            "Heathrow was closed.",
            "Italy's prime minister spoke first.",
            "Theresa May arrived late.",
            "Butter prices rose.",
        ] {
            assert!(!opens_with_reference(s), "{s}");
        }
    }

    #[test]
    fn quotations_cut_in_half() {
        assert!(!cuts_a_quotation("I think our relations are strong."));
        assert!(cuts_a_quotation(
            "There is a lot still to be done,” he said."
        ));
        assert!(cuts_a_quotation("He said: “We will stay."));
        assert!(cuts_a_quotation("He said: \"We will stay."));
        assert!(!cuts_a_quotation("He said: “We will stay,” and left."));
        assert!(!cuts_a_quotation("He said \"no\" twice."));
    }

    #[test]
    fn quotations_of_every_kind() {
        for s in [
            "He said \"no\" twice.",
            "“We will stay,” he said.",
            "``We will stay,'' he said.",
            "Il a dit « non ».",
            "Er sagte „nein“.",
        ] {
            assert!(holds_quotation(s), "{s}");
        }
        for s in [
            "The talks went well.",
            "Italy's prime minister didn’t speak first.",
            "The ‘special relationship’ held.",
        ] {
            assert!(!holds_quotation(s), "{s}");
        }
    }
}
