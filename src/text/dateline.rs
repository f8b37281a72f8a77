//! Datelines: where and from whom a wire story was filed.
//!
//! News agencies open a story with its place and source, `WASHINGTON (AP) —`,
//! `Vatican City (Reuters) -`, `(CNN) --`, or a place alone, `DOVER, Fla. —`.
//! The dateline is not part of what the story says: quoted in a summary it
//! spends words on nothing, so the sentence is taken to begin after it. Two
//! shapes are recognised, deliberately narrow:
//!
//! - anywhere a sentence starts: up to six words, then a source of one or
//!   two words in parentheses, then a dash (`—`, `–`, `--`, `-`, `_`);
//! - on a document's first sentence only: up to four words that are a place
//!   by their look (written in capitals, or with a comma: `DOVER, Fla.`),
//!   then a spaced dash other than `-` (a hyphen there is too often a
//!   sentence's own).

/// Words before the source in parentheses, at most.
const MAX_PREFIX_WORDS: usize = 6;
/// Words of a bare place, at most.
const MAX_PLACE_WORDS: usize = 4;
/// Words of a source, at most.
const MAX_SOURCE_WORDS: usize = 2;

/// The byte length of a dash token at the start of `s` followed by
/// whitespace, including that whitespace, or `None`.
fn dash(s: &str, hyphen: bool) -> Option<usize> {
    let token = ["—", "–", "--", "_", "-"]
        .into_iter()
        .filter(|d| hyphen || *d != "-")
        .find(|d| s.starts_with(d))?;
    let after = &s[token.len()..];
    let next = after.trim_start();
    (after.starts_with(char::is_whitespace) && !next.is_empty()).then(|| s.len() - next.len())
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// A `(Source) —` dateline: the bytes it takes, or `None`.
fn with_source(sentence: &str) -> Option<usize> {
    let open = sentence.find('(')?;
    let prefix = &sentence[..open];
    if words(prefix) > MAX_PREFIX_WORDS
        || prefix.contains(|c: char| c.is_ascii_digit() || matches!(c, ')' | '"' | '“' | ':'))
    {
        return None;
    }
    let close = open + sentence[open..].find(')')?;
    let source = sentence[open + 1..close].trim();
    if source.is_empty()
        || words(source) > MAX_SOURCE_WORDS
        || !source
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '&' | '/' | '-'))
    {
        return None;
    }
    let rest = &sentence[close + 1..];
    let spaces = rest.len() - rest.trim_start().len();
    let d = dash(&rest[spaces..], true)?;
    Some(close + 1 + spaces + d)
}

/// A bare `PLACE —` dateline: the bytes it takes, or `None`.
fn bare_place(sentence: &str) -> Option<usize> {
    let mut at = 0;
    for (count, word) in sentence.split_whitespace().enumerate() {
        at += sentence[at..].find(word)?;
        if count >= 1 {
            if let Some(d) = dash(&sentence[at..], false) {
                let place = &sentence[..at];
                let capitals = place.chars().any(char::is_alphabetic)
                    && !place.chars().any(char::is_lowercase);
                return (capitals || place.contains(',')).then_some(at + d);
            }
        }
        if count >= MAX_PLACE_WORDS {
            return None;
        }
        at += word.len();
    }
    None
}

/// The byte length of a dateline at the start of `sentence` (with the
/// spaces after it), or 0. `first`: whether it is the first sentence of its
/// document, where a bare place also counts. What remains is never empty.
pub fn leading_dateline(sentence: &str, first: bool) -> usize {
    with_source(sentence)
        .or_else(|| first.then(|| bare_place(sentence)).flatten())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_are_measured() {
        let s = "WASHINGTON (AP) — The Senate voted on Tuesday.";
        assert_eq!(
            &s[leading_dateline(s, false)..],
            "The Senate voted on Tuesday."
        );
        let s = "DOVER, Fla. — The agent was a veteran.";
        assert_eq!(&s[leading_dateline(s, true)..], "The agent was a veteran.");
        assert_eq!(leading_dateline(s, false), 0);
        assert_eq!(leading_dateline("Obama — who won — spoke.", true), 0);
    }

    fn rest(s: &str, first: bool) -> &str {
        &s[leading_dateline(s, first)..]
    }

    #[test]
    fn agency_datelines() {
        assert_eq!(
            rest("Vatican city ( reuters ) - catholics should.", false),
            "catholics should."
        );
        assert_eq!(
            rest("( cnn ) -- a man was found.", false),
            "a man was found."
        );
        assert_eq!(
            rest("Raleigh, n.c. ( ap ) — the governor signed.", false),
            "the governor signed."
        );
        assert_eq!(
            rest("PHNOM PENH, Cambodia (AP) _ Hun Sen said.", false),
            "Hun Sen said."
        );
    }

    #[test]
    fn bare_places_only_first_and_only_when_they_look_like_places() {
        assert_eq!(rest("MOSCOW _ The ruble fell.", true), "The ruble fell.");
        assert_eq!(
            rest("MOSCOW _ The ruble fell.", false),
            "MOSCOW _ The ruble fell."
        );
        assert_eq!(
            rest("Rio de janeiro — rio police say.", true),
            "Rio de janeiro — rio police say."
        );
        assert_eq!(
            rest("The vote - a formality - passed.", true),
            "The vote - a formality - passed."
        );
    }

    #[test]
    fn parentheses_that_are_not_sources() {
        for s in [
            "The company (which makes chips) — and its rivals — fell.",
            "He said (in 2015) — nothing.",
            "Cardinal kurt koch ( r ) and rabbi david rosen attend.",
            "One two three four five six seven ( ap ) — text.",
            "Ends here ( ap ) —",
        ] {
            assert_eq!(leading_dateline(s, true), 0, "{s}");
        }
    }
}
