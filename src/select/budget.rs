//! Summary length budgets.

use serde::{Deserialize, Serialize};

/// How long a summary may be. A summary never exceeds its budget: sentences
/// that do not fit are skipped, never cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Budget {
    /// At most this many words (see [`word_count`]).
    Words(usize),
    /// At most this many bytes of UTF-8, counting one separator between sentences.
    Bytes(usize),
    /// At most this many sentences.
    Sentences(usize),
}

impl Default for Budget {
    fn default() -> Self {
        Budget::Words(100)
    }
}

impl std::fmt::Display for Budget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.limit(), self.unit())
    }
}

pub use crate::text::word_count;

impl Budget {
    /// The numeric limit.
    pub fn limit(&self) -> usize {
        match *self {
            Budget::Words(n) | Budget::Bytes(n) | Budget::Sentences(n) => n,
        }
    }

    /// The unit's name: `words`, `bytes` or `sentences`.
    pub fn unit(&self) -> &'static str {
        match self {
            Budget::Words(_) => "words",
            Budget::Bytes(_) => "bytes",
            Budget::Sentences(_) => "sentences",
        }
    }

    /// What adding `text` after `count` sentences costs in this budget's unit.
    pub fn cost(&self, text: &str, count: usize) -> usize {
        match self {
            Budget::Words(_) => word_count(text),
            Budget::Bytes(_) => text.len() + usize::from(count > 0),
            Budget::Sentences(_) => 1,
        }
    }
}

/// The running total of a summary being filled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Usage {
    /// Words so far.
    pub words: usize,
    /// Bytes so far (sentences joined by one separator).
    pub bytes: usize,
    /// Sentences so far.
    pub sentences: usize,
}

impl Usage {
    /// The amount used in `budget`'s unit.
    pub fn used(&self, budget: &Budget) -> usize {
        match budget {
            Budget::Words(_) => self.words,
            Budget::Bytes(_) => self.bytes,
            Budget::Sentences(_) => self.sentences,
        }
    }

    /// What is left of `budget` after this usage (`None` when nothing is):
    /// a budget for a further selection that continues this one.
    pub fn remaining(&self, budget: &Budget) -> Option<Budget> {
        let left = |n: usize, used: usize| n.checked_sub(used).filter(|&l| l > 0);
        match *budget {
            Budget::Words(n) => left(n, self.words).map(Budget::Words),
            // The next sentence pays for its separator.
            Budget::Bytes(n) => {
                left(n, self.bytes + usize::from(self.sentences > 0)).map(Budget::Bytes)
            }
            Budget::Sentences(n) => left(n, self.sentences).map(Budget::Sentences),
        }
    }

    /// Whether `text` still fits in `budget`.
    pub fn fits(&self, budget: &Budget, text: &str) -> bool {
        self.used(budget) + budget.cost(text, self.sentences) <= budget.limit()
    }

    /// Adds `text`.
    pub fn add(&mut self, text: &str) {
        self.words += word_count(text);
        self.bytes += text.len() + usize::from(self.sentences > 0);
        self.sentences += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_count_matches_split_whitespace() {
        for text in [
            "",
            " ",
            "one",
            " two  words ",
            "a\tb\nc\x0bd\x0ce\rf",
            "naïve café",
            "x\u{a0}y",
        ] {
            assert_eq!(
                word_count(text),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn usage_tracks_every_unit() {
        let mut usage = Usage::default();
        usage.add("One two three.");
        usage.add("Four five.");
        assert_eq!(
            usage,
            Usage {
                words: 5,
                bytes: 25,
                sentences: 2
            }
        );
        assert!(usage.fits(&Budget::Words(6), "six"));
        assert!(!usage.fits(&Budget::Words(6), "six seven"));
        assert!(usage.fits(&Budget::Bytes(29), "abc"));
        assert!(!usage.fits(&Budget::Bytes(28), "abc"));
        assert!(!usage.fits(&Budget::Sentences(2), "x"));
        assert_eq!(usage.remaining(&Budget::Words(6)), Some(Budget::Words(1)));
        assert_eq!(usage.remaining(&Budget::Bytes(29)), Some(Budget::Bytes(3)));
        assert_eq!(usage.remaining(&Budget::Sentences(2)), None);
    }
}
