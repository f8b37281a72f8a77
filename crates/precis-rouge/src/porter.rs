//! The original Porter (1980) stemmer, in the exact variant ROUGE-1.5.5 uses.
//!
//! ROUGE-1.5.5 embeds Martin Porter's own Perl implementation (release 1), with one
//! local change by its author: in step 4 a word ending in `-ement` is not retried
//! with `-ment` and `-ent` in the same alternation; instead the `-ment` and `-ent`
//! rules run as separate, sequential checks after the main step-4 rule. The Perl
//! code decides everything with regular expressions (`[C]VC...` patterns, a
//! leading `y` mapped to `Y`), so this module evaluates those patterns literally
//! rather than through a consonant/vowel table: corner cases such as digits or a
//! `y` after a vowel behave exactly as in the reference.
//!
//! This is *not* Snowball's English ("Porter2") stemmer, which differs on many
//! words (`generous`, `dying`, `skies`, `succeed`, `communication`, ...).

/// `a e i o u`: the vowel letters of the patterns (`y` is handled separately).
fn is_aeiou(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// One element of the anchored patterns used by the reference implementation.
#[derive(Clone, Copy)]
enum Pat {
    /// `[^aeiou][^aeiouy]*`: a consonant sequence.
    Cons,
    /// `(C)?`
    OptCons,
    /// `[aeiouy][aeiou]*`: a vowel sequence.
    Vow,
    /// `(V)?`
    OptVow,
    /// `[aeiouy]`: a single vowel.
    Vowel1,
    /// `[^aeiouwxy]`: a single letter that is not a vowel, `w`, `x` or `y`.
    NotWxy,
}

/// Positions reachable from `from` (a set over `0..=s.len()`) after matching `p`.
fn step(s: &[u8], from: &[bool], p: Pat) -> Vec<bool> {
    let n = s.len();
    let mut to = vec![false; n + 1];
    for (start, &on) in from.iter().enumerate() {
        if !on {
            continue;
        }
        match p {
            Pat::OptCons | Pat::OptVow => to[start] = true,
            _ => {}
        }
        if start >= n {
            continue;
        }
        let first = s[start];
        match p {
            Pat::Cons | Pat::OptCons => {
                if !is_aeiou(first) {
                    let mut q = start + 1;
                    to[q] = true;
                    while q < n && !is_aeiou(s[q]) && s[q] != b'y' {
                        q += 1;
                        to[q] = true;
                    }
                }
            }
            Pat::Vow | Pat::OptVow => {
                if is_aeiou(first) || first == b'y' {
                    let mut q = start + 1;
                    to[q] = true;
                    while q < n && is_aeiou(s[q]) {
                        q += 1;
                        to[q] = true;
                    }
                }
            }
            Pat::Vowel1 => {
                if is_aeiou(first) || first == b'y' {
                    to[start + 1] = true;
                }
            }
            Pat::NotWxy => {
                if !is_aeiou(first) && !matches!(first, b'w' | b'x' | b'y') {
                    to[start + 1] = true;
                }
            }
        }
    }
    to
}

/// Does `^pattern` (or `^pattern$` when `whole`) match `s`?
fn matches_prefix(s: &[u8], pattern: &[Pat], whole: bool) -> bool {
    let mut set = vec![false; s.len() + 1];
    set[0] = true;
    for &p in pattern {
        set = step(s, &set, p);
        if !set.iter().any(|&b| b) {
            return false;
        }
    }
    if whole {
        set[s.len()]
    } else {
        true
    }
}

/// `m > 0`: `^(C)?VC`.
fn mgr0(s: &[u8]) -> bool {
    matches_prefix(s, &[Pat::OptCons, Pat::Vow, Pat::Cons], false)
}

/// `m == 1`: `^(C)?VC(V)?$`.
fn meq1(s: &[u8]) -> bool {
    matches_prefix(s, &[Pat::OptCons, Pat::Vow, Pat::Cons, Pat::OptVow], true)
}

/// `m > 1`: `^(C)?VCVC`.
fn mgr1(s: &[u8]) -> bool {
    matches_prefix(
        s,
        &[Pat::OptCons, Pat::Vow, Pat::Cons, Pat::Vow, Pat::Cons],
        false,
    )
}

/// Contains a vowel: `^(C)?[aeiouy]`.
fn has_vowel(s: &[u8]) -> bool {
    matches_prefix(s, &[Pat::OptCons, Pat::Vowel1], false)
}

/// The whole word is consonant-sequence, vowel, non-`wxy` consonant: `^C[aeiouy][^aeiouwxy]$`.
fn short_cvc(s: &[u8]) -> bool {
    matches_prefix(s, &[Pat::Cons, Pat::Vowel1, Pat::NotWxy], true)
}

/// The longest suffix from `list` that `w` ends with (what a `(a|b|c)$` alternation
/// selects: the leftmost match start), with its index in `list`.
fn longest_suffix(w: &[u8], list: &[&str]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, suf) in list.iter().enumerate() {
        if w.ends_with(suf.as_bytes()) {
            match best {
                Some(b) if list[b].len() >= suf.len() => {}
                _ => best = Some(i),
            }
        }
    }
    best
}

const STEP2: [(&str, &str); 21] = [
    ("ational", "ate"),
    ("tional", "tion"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("izer", "ize"),
    ("bli", "ble"),
    ("alli", "al"),
    ("entli", "ent"),
    ("eli", "e"),
    ("ousli", "ous"),
    ("ization", "ize"),
    ("ation", "ate"),
    ("ator", "ate"),
    ("alism", "al"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("aliti", "al"),
    ("iviti", "ive"),
    ("biliti", "ble"),
    ("logi", "log"),
];

const STEP3: [(&str, &str); 7] = [
    ("icate", "ic"),
    ("ative", ""),
    ("alize", "al"),
    ("iciti", "ic"),
    ("ical", "ic"),
    ("ful", ""),
    ("ness", ""),
];

const STEP4: [&str; 16] = [
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ou", "ism", "ate", "iti",
    "ous", "ive", "ize",
];

/// Replace the longest matching suffix of `table` by its replacement when the
/// remaining stem satisfies `m > 0`.
fn replace_suffix(w: &mut Vec<u8>, table: &[(&str, &str)]) {
    let keys: Vec<&str> = table.iter().map(|(k, _)| *k).collect();
    if let Some(i) = longest_suffix(w, &keys) {
        let (suffix, replacement) = table[i];
        let stem_len = w.len() - suffix.len();
        if mgr0(&w[..stem_len]) {
            w.truncate(stem_len);
            w.extend_from_slice(replacement.as_bytes());
        }
    }
}

/// Strip `suffix_len` bytes when the remaining stem satisfies `m > 1`.
fn strip_if_mgr1(w: &mut Vec<u8>, suffix_len: usize) {
    let stem_len = w.len() - suffix_len;
    if mgr1(&w[..stem_len]) {
        w.truncate(stem_len);
    }
}

/// Stem one lowercase ASCII word with ROUGE-1.5.5's Porter stemmer.
///
/// Words shorter than three characters and words that are not pure ASCII are
/// returned unchanged. (ROUGE itself only stems its `[a-z0-9]` tokens longer
/// than three characters, after a WordNet exception lookup; see
/// [`RougeScorer`](crate::RougeScorer).)
///
/// ```
/// use precis_rouge::porter_stem;
/// assert_eq!(porter_stem("generalizations"), "gener");
/// assert_eq!(porter_stem("generous"), "gener"); // Porter2 keeps "generous"
/// assert_eq!(porter_stem("dying"), "dy");        // Porter2 gives "die"
/// assert_eq!(porter_stem("happy"), "happi");
/// ```
pub fn porter_stem(word: &str) -> String {
    if word.len() < 3 || !word.is_ascii() {
        return word.to_string();
    }
    let mut w: Vec<u8> = word.as_bytes().to_vec();
    let initial_y = w[0] == b'y';
    if initial_y {
        w[0] = b'Y';
    }

    // Step 1a.
    if w.ends_with(b"sses") || w.ends_with(b"ies") {
        w.truncate(w.len() - 2);
    } else if w.len() >= 2 && w.ends_with(b"s") && w[w.len() - 2] != b's' {
        w.truncate(w.len() - 1);
    }

    // Step 1b.
    if w.ends_with(b"eed") {
        if mgr0(&w[..w.len() - 3]) {
            w.truncate(w.len() - 1);
        }
    } else {
        let suffix_len = if w.ends_with(b"ed") {
            2
        } else if w.ends_with(b"ing") {
            3
        } else {
            0
        };
        if suffix_len > 0 && has_vowel(&w[..w.len() - suffix_len]) {
            w.truncate(w.len() - suffix_len);
            let n = w.len();
            if w.ends_with(b"at") || w.ends_with(b"bl") || w.ends_with(b"iz") {
                w.push(b'e');
            } else if n >= 2
                && w[n - 1] == w[n - 2]
                && !matches!(
                    w[n - 1],
                    b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'l' | b's' | b'z'
                )
            {
                w.truncate(n - 1);
            } else if short_cvc(&w) {
                w.push(b'e');
            }
        }
    }

    // Step 1c.
    if w.ends_with(b"y") && has_vowel(&w[..w.len() - 1]) {
        let n = w.len();
        w[n - 1] = b'i';
    }

    // Steps 2 and 3.
    replace_suffix(&mut w, &STEP2);
    replace_suffix(&mut w, &STEP3);

    // Step 4, with ROUGE's separate -ment and -ent checks.
    if let Some(i) = longest_suffix(&w, &STEP4) {
        strip_if_mgr1(&mut w, STEP4[i].len());
    }
    if w.ends_with(b"ment") {
        strip_if_mgr1(&mut w, 4);
    }
    // "-ent", or else "-ion" after s or t: both strip three letters.
    if w.ends_with(b"ent") || w.ends_with(b"sion") || w.ends_with(b"tion") {
        strip_if_mgr1(&mut w, 3);
    }

    // Step 5.
    if w.ends_with(b"e") {
        let stem = &w[..w.len() - 1];
        if mgr1(stem) || (meq1(stem) && !short_cvc(stem)) {
            w.truncate(w.len() - 1);
        }
    }
    if w.ends_with(b"ll") && mgr1(&w) {
        w.truncate(w.len() - 1);
    }

    if initial_y {
        w[0] = b'y';
    }
    // Only ASCII bytes were ever written, so this cannot fail; fall back to the
    // input rather than panic.
    String::from_utf8(w).unwrap_or_else(|_| word.to_string())
}

#[cfg(test)]
mod tests {
    use super::porter_stem;

    #[test]
    fn classic_examples_from_the_paper() {
        for (w, s) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("ties", "ti"),
            ("caress", "caress"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("bled", "bled"),
            ("motoring", "motor"),
            ("sing", "sing"),
            ("conflated", "conflat"),
            ("troubled", "troubl"),
            ("sized", "size"),
            ("hopping", "hop"),
            ("tanned", "tan"),
            ("falling", "fall"),
            ("hissing", "hiss"),
            ("fizzed", "fizz"),
            ("failing", "fail"),
            ("filing", "file"),
            ("happy", "happi"),
            ("sky", "sky"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("rational", "ration"),
            ("valenci", "valenc"),
            ("digitizer", "digit"),
            ("conformabli", "conform"),
            ("radicalli", "radic"),
            ("differentli", "differ"),
            ("vileli", "vile"),
            ("analogousli", "analog"),
            ("vietnamization", "vietnam"),
            ("predication", "predic"),
            ("operator", "oper"),
            ("feudalism", "feudal"),
            ("decisiveness", "decis"),
            ("hopefulness", "hope"),
            ("callousness", "callous"),
            ("formaliti", "formal"),
            ("sensitiviti", "sensit"),
            ("sensibiliti", "sensibl"),
            ("triplicate", "triplic"),
            ("formative", "form"),
            ("formalize", "formal"),
            ("electriciti", "electr"),
            ("electrical", "electr"),
            ("hopeful", "hope"),
            ("goodness", "good"),
            ("revival", "reviv"),
            ("allowance", "allow"),
            ("inference", "infer"),
            ("airliner", "airlin"),
            ("gyroscopic", "gyroscop"),
            ("adjustable", "adjust"),
            ("defensible", "defens"),
            ("irritant", "irrit"),
            ("replacement", "replac"),
            ("adjustment", "adjust"),
            ("dependent", "depend"),
            ("adoption", "adopt"),
            ("homologou", "homolog"),
            ("communism", "commun"),
            ("activate", "activ"),
            ("angulariti", "angular"),
            ("homologous", "homolog"),
            ("effective", "effect"),
            ("bowdlerize", "bowdler"),
            ("probate", "probat"),
            ("rate", "rate"),
            ("cease", "ceas"),
            ("controll", "control"),
            ("roll", "roll"),
        ] {
            assert_eq!(porter_stem(w), s, "stem of {w}");
        }
    }

    #[test]
    fn differs_from_porter2() {
        // Words where the original Porter stemmer (as in ROUGE) and Snowball
        // English ("Porter2", e.g. the rust-stemmers crate) disagree.
        let porter2 = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        for (w, porter) in [
            ("generous", "gener"),
            ("dying", "dy"),
            ("lying", "ly"),
            ("skies", "ski"),
            ("succeed", "succe"),
            ("communication", "commun"),
            ("agreement", "agreem"),
            ("news", "new"),
        ] {
            assert_eq!(porter_stem(w), porter, "stem of {w}");
            assert_ne!(porter2.stem(w), porter, "porter2 stem of {w}");
        }
    }

    #[test]
    fn rouge_specific_step4() {
        // ROUGE's modified step 4 runs the -ment and -ent checks after the main
        // alternation: classic Porter leaves "agreement" alone (m("agre") == 1), ROUGE
        // falls through to -ent and strips it (m("agreem") == 2).
        assert_eq!(porter_stem("agreement"), "agreem");
        // "fundamental": -al stripped, -ment kept (m("funda") == 1), then -ent stripped.
        assert_eq!(porter_stem("fundamental"), "fundam");
    }

    #[test]
    fn initial_y_and_digits() {
        assert_eq!(porter_stem("yelling"), "yell");
        assert_eq!(porter_stem("youth"), "youth");
        assert_eq!(porter_stem("1990s"), "1990");
        assert_eq!(porter_stem("ab"), "ab");
        assert_eq!(porter_stem("naïve"), "naïve");
    }
}
