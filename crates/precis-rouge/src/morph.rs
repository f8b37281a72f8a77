//! ROUGE-1.5.5's token normalisation: stop words (`-s`) and stemming (`-m`).

use crate::porter::porter_stem;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// WordNet 2.0-compatible irregular forms (see data/wordnet/README.md).
const EXCEPTIONS: &str = include_str!("../data/wordnet/exceptions.txt");
/// The SMART stop list ROUGE-1.5.5 ships as `smart_common_words.txt`.
const STOPWORDS: &str = include_str!("../data/rouge/smart_common_words.txt");

fn exceptions() -> &'static FxHashMap<&'static str, &'static str> {
    static TABLE: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        EXCEPTIONS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut it = l.split_whitespace();
                Some((it.next()?, it.next()?))
            })
            .collect()
    })
}

fn stopwords() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.lines().filter(|l| !l.is_empty()).collect())
}

/// The base form WordNet's exception lists give for an irregular inflection
/// (as ROUGE-1.5.5's `WordNet-2.0.exc.db` does), if any.
///
/// ```
/// use precis_rouge::wordnet_exception;
/// assert_eq!(wordnet_exception("said"), Some("say"));
/// assert_eq!(wordnet_exception("better"), Some("well")); // adv.exc overrides adj.exc
/// assert_eq!(wordnet_exception("walked"), None);
/// ```
pub fn wordnet_exception(word: &str) -> Option<&'static str> {
    exceptions().get(word).copied()
}

/// Is `token` in ROUGE-1.5.5's stop list (used with `-s`)?
///
/// ```
/// use precis_rouge::is_rouge_stopword;
/// assert!(is_rouge_stopword("the"));
/// assert!(is_rouge_stopword("reuters"));
/// assert!(!is_rouge_stopword("summit"));
/// ```
pub fn is_rouge_stopword(token: &str) -> bool {
    stopwords().contains(token)
}

/// ROUGE-1.5.5's `-m` stemming of one token: tokens of more than three
/// characters are looked up in the WordNet exception table (a hit returns the
/// base form as is), otherwise Porter-stemmed; shorter tokens are unchanged.
///
/// ```
/// use precis_rouge::rouge_stem;
/// assert_eq!(rouge_stem("said"), "say");
/// assert_eq!(rouge_stem("saying"), "sai");
/// assert_eq!(rouge_stem("was"), "was");
/// assert_eq!(rouge_stem("elections"), "elect");
/// ```
pub fn rouge_stem(token: &str) -> String {
    if token.len() <= 3 {
        return token.to_string();
    }
    match wordnet_exception(token) {
        Some(base) => base.to_string(),
        None => porter_stem(token),
    }
}

/// Apply stop-word removal and stemming to ROUGE tokens, in ROUGE's order.
/// The stemmer is English: Unicode words with a letter outside ASCII are left
/// as they are.
pub(crate) fn normalise(tokens: Vec<String>, remove_stopwords: bool, stem: bool) -> Vec<String> {
    tokens
        .into_iter()
        .filter(|t| !(remove_stopwords && is_rouge_stopword(t)))
        .map(|t| {
            if stem && t.is_ascii() {
                cached_stem(t)
            } else {
                t
            }
        })
        .collect()
}

/// The most stems one thread remembers before it starts over.
const STEM_CACHE_SIZE: usize = 1 << 16;

thread_local! {
    /// Stems already computed on this thread: summaries and references
    /// repeat their words, and scoring many summaries against the same
    /// references stems the references again each time.
    static STEMS: std::cell::RefCell<FxHashMap<String, String>> =
        std::cell::RefCell::new(FxHashMap::default());
}

/// [`rouge_stem`], remembered per thread (it is a pure function of the token).
fn cached_stem(token: String) -> String {
    STEMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(stem) = cache.get(&token) {
            return stem.clone();
        }
        let stem = rouge_stem(&token);
        if cache.len() >= STEM_CACHE_SIZE {
            cache.clear();
        }
        cache.insert(token, stem.clone());
        stem
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exception_table_is_wordnet_20_compatible() {
        // Entries WordNet 3.0 added are absent, as in ROUGE's WordNet 2.0 database.
        assert_eq!(wordnet_exception("morses"), None);
        assert_eq!(rouge_stem("morses"), "mors");
        assert_eq!(wordnet_exception("halfpence"), None);
        // Later files overwrite earlier ones: adj, adv, noun, verb.
        assert_eq!(wordnet_exception("best"), Some("well"));
        assert_eq!(wordnet_exception("testes"), Some("testes"));
        // Within a file the later line wins.
        assert_eq!(wordnet_exception("offer"), Some("offer"));
        assert_eq!(wordnet_exception("felt"), Some("feel"));
        assert!(exceptions().len() > 5000);
    }

    #[test]
    fn short_tokens_are_not_stemmed() {
        assert_eq!(rouge_stem("men"), "men");
        assert_eq!(rouge_stem("ran"), "ran");
        assert_eq!(rouge_stem("ties"), "ti");
        assert_eq!(rouge_stem("children"), "child");
        assert_eq!(rouge_stem("women"), "women"); // -men is a morphy rule, not an exception
    }

    #[test]
    fn remembered_stems_are_the_stems() {
        let words = ["said", "leaders", "meeting", "running", "went", "x"];
        for _ in 0..3 {
            for word in words {
                assert_eq!(cached_stem(word.to_owned()), rouge_stem(word));
            }
        }
        // Past the cache's size it starts over and still stems right.
        for i in 0..STEM_CACHE_SIZE + 10 {
            let word = format!("walking{i}");
            assert_eq!(cached_stem(word.clone()), rouge_stem(&word));
        }
        assert!(STEMS.with(|c| c.borrow().len()) <= STEM_CACHE_SIZE);
    }

    #[test]
    fn normalise_order() {
        let toks = vec![
            "the".to_string(),
            "leaders".into(),
            "said".into(),
            "met".into(),
        ];
        // "said" is a SMART stop word: removed before it could be stemmed to "say".
        assert_eq!(normalise(toks.clone(), true, true), ["leader", "met"]);
        assert_eq!(
            normalise(toks.clone(), false, true),
            ["the", "leader", "say", "met"]
        );
        assert_eq!(
            normalise(toks, false, false),
            ["the", "leaders", "said", "met"]
        );
    }
}
