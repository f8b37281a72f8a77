//! Explicit calendar dates in running text: `November 15, 2015`,
//! `15 Nov. 2015`, `June 2012`, `2015-11-15`.
//!
//! Only dates that name their year are found: a weekday ("Sunday") or a
//! relative day ("last week") says nothing a reader can place without the
//! story's own date, and a bare number ("2012") is too often a count or a
//! score. Month names are matched in any case, because some corpora are
//! lowercased; `may` and `march` count only when a year follows them.

pub use crate::date::ExplicitDate;
use crate::date::MONTHS;

/// Lines at the top of a text looked at for its own date.
const OWN_DATE_LINES: usize = 3;
/// A line of more words is prose, not a date line or a byline.
const OWN_DATE_LINE_WORDS: usize = 12;
/// A first sentence of at most this many words that holds a date is a date
/// line run into the text (`Updated March 15, 2021.`).
const OWN_DATE_SENTENCE_WORDS: usize = 6;

/// The date a text gives itself at its top: a short line that holds one
/// (`15 November 2015`, `Published: Nov. 15, 2015 10:30 GMT`), or a
/// dateline that does (`LONDON, 15 November 2015 (Reuters) — ...`). A date
/// further down is one the story mentions, not its own.
pub fn own_date(text: &str) -> Option<ExplicitDate> {
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(OWN_DATE_LINES)
    {
        if crate::text::word_count(line) <= OWN_DATE_LINE_WORDS {
            if let Some(&date) = explicit_dates(line).first() {
                return Some(date);
            }
            continue;
        }
        // Prose: a date line run into it ("Updated March 15, 2021. Floods
        // forced..."), or a dateline before its dash; no line after.
        if let Some(first) = crate::text::sentence::split_line(line).first() {
            let first = &line[first.clone()];
            if crate::text::word_count(first) <= OWN_DATE_SENTENCE_WORDS {
                if let Some(&date) = explicit_dates(first).first() {
                    return Some(date);
                }
            }
        }
        let head = line.char_indices().take_while(|&(i, _)| i < 120).last();
        let head = head.map_or("", |(i, c)| &line[..i + c.len_utf8()]);
        let dash = [" — ", " -- ", " – ", " - "]
            .iter()
            .filter_map(|d| head.find(d))
            .min()?;
        return explicit_dates(&head[..dash]).first().copied();
    }
    None
}

/// The month a word names (`Nov`, `Nov.`, `november`, `Sept`), 1 to 12.
fn month_of(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            *m == word
                || (word.len() <= 4 && m.starts_with(&word) && (word.len() == 3 || word == "sept"))
        })
        // A month has at most 12 entries: the cast cannot truncate.
        .map(|i| i as u8 + 1)
}

fn year_of(word: &str) -> Option<u16> {
    let word = word.trim_end_matches(['.', ',', ';', ':', ')']);
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse::<u16>().ok())
        .flatten()
        .filter(|y| (1900..=2099).contains(y))
}

fn day_of(word: &str) -> Option<u8> {
    let word = word.trim_end_matches([',', '.']);
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse::<u8>().ok().filter(|d| (1..=31).contains(d))
}

/// `2015-11-15` (ISO 8601 calendar date).
fn iso_date(word: &str) -> Option<ExplicitDate> {
    let word = word.trim_matches(|c: char| !c.is_ascii_digit());
    let mut parts = word.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let year = year_of(y)?;
    let month = m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?;
    let day = d.parse::<u8>().ok().filter(|d| (1..=31).contains(d))?;
    Some(ExplicitDate {
        year,
        month,
        day: Some(day),
    })
}

/// Every explicit date in `text`, in text order.
pub(crate) fn explicit_dates(text: &str) -> Vec<ExplicitDate> {
    // Every shape holds a number among its first three words, so only the
    // words just before and after each number need reading: the rest of a
    // long text is passed over a byte at a time.
    let mut dates = Vec::new();
    let mut from = 0;
    while let Some(digit) = text.as_bytes()[from..]
        .iter()
        .position(u8::is_ascii_digit)
        .map(|k| from + k)
    {
        // The number's word, and up to two words before it (not before `from`).
        let mut start = word_start(text, from, digit);
        let number_word = start;
        for _ in 0..2 {
            let gap_start = text[from..start]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_separator(c))
                .last()
                .map_or(start, |(i, _)| from + i);
            if gap_start == from && gap_start == start {
                break;
            }
            if gap_start == from {
                start = from;
                break;
            }
            start = word_start(text, from, gap_start - 1);
        }
        match dates_from(text, start, number_word, &mut dates) {
            Some(next) => from = next,
            None => break,
        }
    }
    dates
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || c == '(' || c == '/'
}

/// The start of the word holding byte `at` (a byte of a word), not before `from`.
fn word_start(text: &str, from: usize, at: usize) -> usize {
    let mut end = at + 1;
    while !text.is_char_boundary(end) {
        end += 1;
    }
    text[from..end]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_separator(c))
        .map_or(from, |(i, c)| from + i + c.len_utf8())
}

/// Windows of three words from the word at `start` while they begin at or
/// before `last`, dates pushed: where the next window begins, or `None` at
/// the end of the text.
fn dates_from(
    text: &str,
    start: usize,
    last: usize,
    dates: &mut Vec<ExplicitDate>,
) -> Option<usize> {
    let offset = |w: &str| w.as_ptr() as usize - text.as_ptr() as usize;
    let mut words = text[start..].split(is_separator).filter(|w| !w.is_empty());
    // Three words of lookahead at most: memory stays flat on any text.
    let mut window: std::collections::VecDeque<&str> = words.by_ref().take(3).collect();
    while let Some(&front) = window.front() {
        if offset(front) > last {
            return Some(offset(front));
        }
        let (date, used) = date_at(&window);
        dates.extend(date);
        for _ in 0..used {
            window.pop_front();
        }
        window.extend(words.by_ref().take(3 - window.len()));
    }
    None
}

/// The date the first words of `window` make, and how many words to move on.
fn date_at(window: &std::collections::VecDeque<&str>) -> (Option<ExplicitDate>, usize) {
    let at = |k: usize| window.get(k).copied().unwrap_or("");
    // Every shape holds a number among its first three words: most windows
    // are turned away here, before any month is looked up.
    if !window.iter().any(|w| w.bytes().any(|b| b.is_ascii_digit())) {
        return (None, 1);
    }
    if let Some(date) = iso_date(at(0)) {
        return (Some(date), 1);
    }
    let full = |day, month, year| ExplicitDate {
        year,
        month,
        day: Some(day),
    };
    // "15 November 2015"
    if let (Some(day), Some(month), Some(year)) = (day_of(at(0)), month_of(at(1)), year_of(at(2))) {
        return (Some(full(day, month, year)), 3);
    }
    if let Some(month) = month_of(at(0)) {
        // "November 15, 2015", then "November 2015"
        if let (Some(day), Some(year)) = (day_of(at(1)), year_of(at(2))) {
            return (Some(full(day, month, year)), 3);
        }
        if let Some(year) = year_of(at(1)) {
            let date = ExplicitDate {
                year,
                month,
                day: None,
            };
            return (Some(date), 2);
        }
    }
    (None, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_gives_its_own_date_at_its_top_only() {
        let own = |t: &str| own_date(t).map(|d| d.to_string());
        assert_eq!(
            own("Summit ends\nPublished: Nov. 15, 2015 10:30 GMT\n\nLeaders met on Sunday.")
                .as_deref(),
            Some("15 November 2015")
        );
        assert_eq!(
            own("LONDON, 16 November 2015 (Reuters) - Leaders met in Antalya on Sunday to talk.")
                .as_deref(),
            Some("16 November 2015")
        );
        // A date the story mentions is not its own.
        assert_eq!(
            own("PINE RIDGE, S.D. (AP) -- President Clinton visited the reservation today, the first visit since February 1996 by a president."),
            None
        );
        assert_eq!(
            own("Leaders met.\nThey talked.\nThey left.\nOn 1 May 2012 it rained."),
            None
        );
    }

    #[test]
    fn explicit_dates_in_text_order() {
        let found =
            explicit_dates("On Sunday, November 15, 2015, and on 19 June 2012; not in May.");
        let shown: Vec<String> = found.iter().map(|d| d.to_string()).collect();
        assert_eq!(shown, ["15 November 2015", "19 June 2012"]);
    }
    use proptest::prelude::*;

    #[test]
    fn a_month_out_of_range_prints_as_a_number() {
        let date = |month, day| ExplicitDate {
            year: 2015,
            month,
            day,
        };
        assert_eq!(date(11, Some(15)).to_string(), "15 November 2015");
        assert_eq!(date(0, None).to_string(), "2015-00");
        assert_eq!(date(13, Some(2)).to_string(), "2015-13-02");
    }

    /// Every window of the text in turn: what `explicit_dates` must equal.
    fn every_window(text: &str) -> Vec<ExplicitDate> {
        let mut words = text.split(is_separator).filter(|w| !w.is_empty());
        let mut window: std::collections::VecDeque<&str> = words.by_ref().take(3).collect();
        let mut dates = Vec::new();
        while !window.is_empty() {
            let (date, used) = date_at(&window);
            dates.extend(date);
            for _ in 0..used {
                window.pop_front();
            }
            window.extend(words.by_ref().take(3 - window.len()));
        }
        dates
    }

    proptest! {
        #[test]
        fn skipping_to_numbers_finds_what_every_window_finds(
            words in proptest::collection::vec(
                prop_oneof![
                    Just("15"), Just("2015"), Just("2012-06-19"), Just("November"), Just("Nov."),
                    Just("June"), Just("15,"), Just("3rd"), Just("x1"), Just("the"), Just("é"),
                    Just("(") , Just("/"), Just(" "), Just("\u{a0}"), Just("\n"), Just("2015."),
                ],
                0..40,
            ),
            glue in proptest::collection::vec(prop_oneof![Just(" "), Just(""), Just("\u{2009}"), Just("(")], 40),
        ) {
            let text: String = words.iter().zip(&glue).flat_map(|(w, g)| [*w, *g]).collect();
            prop_assert_eq!(explicit_dates(&text), every_window(&text));
        }
    }

    fn shown(text: &str) -> Vec<String> {
        explicit_dates(text).iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn finds_the_common_shapes() {
        assert_eq!(
            shown("Nov. 15, 2015 and 2012-06-19, then 3rd Sept 2014 and in march 2011."),
            [
                "15 November 2015",
                "19 June 2012",
                "3 September 2014",
                "March 2011"
            ]
        );
        assert_eq!(
            shown("on wednesday, november 15, 2017, the love"),
            ["15 November 2017"]
        );
    }

    #[test]
    fn weekdays_bare_years_and_lone_months_are_not_dates() {
        assert!(
            shown("On Sunday the 20 leaders met; 2012 was a year. In May we may go.").is_empty()
        );
        assert!(shown("He scored 15 goals in 2015; 32 June is no day.").is_empty());
        assert!(shown("Mar 2 2300 and 1850-01-01").is_empty());
    }

    #[test]
    fn dates_order_by_time() {
        let mut dates = explicit_dates("June 2012. 15 November 2015. 1 June 2012.");
        dates.sort();
        let shown: Vec<String> = dates.iter().map(|d| d.to_string()).collect();
        assert_eq!(shown, ["June 2012", "1 June 2012", "15 November 2015"]);
    }
}
