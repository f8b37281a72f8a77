//! Widget labels run into a sentence.
//!
//! When a page is flattened to text without its line breaks (scraped news
//! often is), the labels of its widgets no longer stand on lines of their own
//! where [`clean`](super::clean) would drop them: they prefix the next
//! sentence ("Advertisement the senator pointed to...", "Story highlights
//! police say..."). This filter finds such labels at the start of a sentence
//! so that the sentence can begin after them. Only labels that never begin a
//! real sentence are listed: "Close" or "Watch" could, so they are not.

/// Labels, lower-case, longest first where one extends another.
const LABELS: &[&str] = &[
    "advertisement continue reading the main story",
    "continue reading the main story",
    "continue reading below",
    "story continued below",
    "advertisement",
    "story highlights",
    "media playback is unsupported on your device",
    "media caption",
    "image caption",
    "image copyright",
    "text size - + reset",
    "play facebook twitter embed",
    "facebook twitter embed",
    "photo:",
    "hide caption",
    "toggle caption",
    "enlarge this image",
];

/// The byte length of the labels at the start of `sentence` (with the spaces
/// after them), or 0. What remains always starts with a word.
pub fn leading_labels(sentence: &str) -> usize {
    let mut at = 0;
    'outer: loop {
        let rest = &sentence[at..];
        for label in LABELS {
            let Some(head) = rest.get(..label.len()) else {
                continue;
            };
            if !head.eq_ignore_ascii_case(label) {
                continue;
            }
            let after = &rest[label.len()..];
            // A whole word, followed by more text.
            if !after.starts_with(char::is_whitespace) {
                continue;
            }
            let next = after.trim_start();
            if next.is_empty() {
                continue;
            }
            at += rest.len() - next.len();
            continue 'outer;
        }
        return at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_measured() {
        let s = "Advertisement story highlights Police say the deputy was shot.";
        assert_eq!(&s[leading_labels(s)..], "Police say the deputy was shot.");
        assert_eq!(leading_labels("Advertisements ran all week."), 0);
    }

    #[test]
    fn labels_only_when_whole_and_followed_by_text() {
        assert_eq!(leading_labels("Advertisement"), 0);
        assert_eq!(leading_labels("Photo: getty On Wednesday it rained."), 7);
        assert_eq!(
            leading_labels("ADVERTISEMENT Continue reading the main story Washington — it rained."),
            "ADVERTISEMENT Continue reading the main story ".len()
        );
        assert_eq!(leading_labels("The advertisement ran."), 0);
        assert_eq!(leading_labels("Été advertisement"), 0);
    }
}
