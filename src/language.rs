//! The language of a document: detected from its text, or given.
//!
//! Detection is whatlang's trigram and script model (70 languages; chosen over
//! lingua for its size and speed, see `docs/benchmarks.md`, Languages), run
//! on the opening of the text only, so that it costs the same on a 50 MB file
//! as on a page. Text it cannot place (too short, no letters) is English,
//! which is what every document was before languages were detected.

use std::fmt;

/// A language, known by its ISO 639-1 code.
///
/// ```
/// use precis::language::Language;
/// let de = Language::from_code("de").unwrap();
/// assert_eq!(de.code(), "de");
/// assert_eq!(de.name(), "German");
/// assert_eq!(Language::from_code("DE"), Some(de));
/// assert!(Language::from_code("xx").is_none());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Language(u8);

/// (ISO 639-1 code, English name, whatlang's language): every language
/// detection can return, in whatlang's order.
const LANGUAGES: &[(&str, &str, whatlang::Lang)] = {
    use whatlang::Lang::*;
    &[
        ("en", "English", Eng),
        ("eo", "Esperanto", Epo),
        ("ru", "Russian", Rus),
        ("zh", "Chinese", Cmn),
        ("es", "Spanish", Spa),
        ("pt", "Portuguese", Por),
        ("it", "Italian", Ita),
        ("bn", "Bengali", Ben),
        ("fr", "French", Fra),
        ("de", "German", Deu),
        ("uk", "Ukrainian", Ukr),
        ("ka", "Georgian", Kat),
        ("ar", "Arabic", Ara),
        ("hi", "Hindi", Hin),
        ("ja", "Japanese", Jpn),
        ("he", "Hebrew", Heb),
        ("yi", "Yiddish", Yid),
        ("pl", "Polish", Pol),
        ("am", "Amharic", Amh),
        ("jv", "Javanese", Jav),
        ("ko", "Korean", Kor),
        ("no", "Norwegian", Nob),
        ("da", "Danish", Dan),
        ("sv", "Swedish", Swe),
        ("fi", "Finnish", Fin),
        ("tr", "Turkish", Tur),
        ("nl", "Dutch", Nld),
        ("hu", "Hungarian", Hun),
        ("cs", "Czech", Ces),
        ("el", "Greek", Ell),
        ("bg", "Bulgarian", Bul),
        ("be", "Belarusian", Bel),
        ("mr", "Marathi", Mar),
        ("kn", "Kannada", Kan),
        ("ro", "Romanian", Ron),
        ("sl", "Slovenian", Slv),
        ("hr", "Croatian", Hrv),
        ("sr", "Serbian", Srp),
        ("mk", "Macedonian", Mkd),
        ("lt", "Lithuanian", Lit),
        ("lv", "Latvian", Lav),
        ("et", "Estonian", Est),
        ("ta", "Tamil", Tam),
        ("vi", "Vietnamese", Vie),
        ("ur", "Urdu", Urd),
        ("th", "Thai", Tha),
        ("gu", "Gujarati", Guj),
        ("uz", "Uzbek", Uzb),
        ("pa", "Punjabi", Pan),
        ("az", "Azerbaijani", Aze),
        ("id", "Indonesian", Ind),
        ("te", "Telugu", Tel),
        ("fa", "Persian", Pes),
        ("ml", "Malayalam", Mal),
        ("or", "Oriya", Ori),
        ("my", "Burmese", Mya),
        ("ne", "Nepali", Nep),
        ("si", "Sinhala", Sin),
        ("km", "Khmer", Khm),
        ("tk", "Turkmen", Tuk),
        ("ak", "Akan", Aka),
        ("zu", "Zulu", Zul),
        ("sn", "Shona", Sna),
        ("af", "Afrikaans", Afr),
        ("la", "Latin", Lat),
        ("sk", "Slovak", Slk),
        ("ca", "Catalan", Cat),
        ("tl", "Tagalog", Tgl),
        ("hy", "Armenian", Hye),
        ("cy", "Welsh", Cym),
    ]
};

/// How much of a text detection reads, in bytes: a paragraph or two decide
/// a language as well as a whole book does (one paragraph is enough in all
/// 25 languages of the tests), and reading more costs every document.
const DETECTION_BYTES: usize = 1024;

/// English function words that other languages do not use as words: when
/// enough of a text's opening words are among them, the text is English
/// without asking the model, so that detection costs English text next to
/// nothing (whatlang weighs every language of the script).
const ENGLISH_MARKERS: &[&str] = &[
    "the", "of", "and", "that", "with", "was", "for", "this", "are", "from", "have", "has", "were",
    "which", "their", "they", "been", "would", "said", "his", "her", "its", "who",
];

/// The share of marker words, in percent, that makes a text's opening
/// English: running English has 15-25% (`the` alone is about 6%).
const ENGLISH_MARKER_PERCENT: usize = 8;

/// Whether the opening words of `text` are plainly English.
fn is_plainly_english(text: &str) -> bool {
    let (mut words, mut markers) = (0, 0);
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(100)
    {
        words += 1;
        if word.len() <= 5
            && word.is_ascii()
            && ENGLISH_MARKERS.iter().any(|m| m.eq_ignore_ascii_case(word))
        {
            markers += 1;
        }
    }
    words >= 10 && markers * 100 >= words * ENGLISH_MARKER_PERCENT
}

impl Language {
    /// English: what text that cannot be placed is taken to be.
    pub const ENGLISH: Language = Language(0);

    /// The language with this ISO 639-1 code (any case), if detection knows it.
    pub fn from_code(code: &str) -> Option<Language> {
        LANGUAGES
            .iter()
            .position(|(c, _, _)| c.eq_ignore_ascii_case(code))
            .map(|i| Language(i as u8))
    }

    /// The ISO 639-1 code, e.g. `de`.
    pub fn code(self) -> &'static str {
        LANGUAGES[self.0 as usize].0
    }

    /// The English name, e.g. `German`.
    pub fn name(self) -> &'static str {
        LANGUAGES[self.0 as usize].1
    }

    /// Every code [`from_code`](Self::from_code) accepts, comma-separated.
    pub fn known_codes() -> String {
        let mut codes: Vec<&str> = LANGUAGES.iter().map(|(c, _, _)| *c).collect();
        codes.sort_unstable();
        codes.join(", ")
    }

    /// The language of `text`, judged from its opening; English when the text
    /// says too little.
    ///
    /// ```
    /// use precis::language::Language;
    /// let text = "Die Regierung hat am Mittwoch einen neuen Haushalt beschlossen.";
    /// assert_eq!(Language::detect(text).code(), "de");
    /// assert_eq!(Language::detect("42"), Language::ENGLISH);
    /// ```
    pub fn detect(text: &str) -> Language {
        let mut end = text.len().min(DETECTION_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        if is_plainly_english(&text[..end]) {
            return Language::ENGLISH;
        }
        whatlang::detect_lang(&text[..end])
            .and_then(|lang| LANGUAGES.iter().position(|(_, _, l)| *l == lang))
            .map_or(Language::ENGLISH, |i| Language(i as u8))
    }
}

impl Language {
    /// The language most of `languages` are in (the first such, on a tie);
    /// English for none.
    ///
    /// ```
    /// use precis::Language;
    /// let [de, fr] = ["de", "fr"].map(|c| Language::from_code(c).unwrap());
    /// assert_eq!(Language::most_common(&[fr, de, de]), de);
    /// assert_eq!(Language::most_common(&[fr, de]), fr);
    /// ```
    pub fn most_common(languages: &[Language]) -> Language {
        // Counted in one pass (a cluster may hold tens of thousands of
        // documents); ties go to the language met first.
        let mut counts = [0usize; 256];
        for l in languages {
            counts[usize::from(l.0)] += 1;
        }
        languages
            .iter()
            .copied()
            .rev()
            .max_by_key(|l| counts[usize::from(l.0)])
            .unwrap_or_default()
    }
}

impl Default for Language {
    fn default() -> Self {
        Language::ENGLISH
    }
}

impl fmt::Debug for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl serde::Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Language {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = std::borrow::Cow::<str>::deserialize(deserializer)?;
        Language::from_code(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown language code {code:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_round_trip() {
        for (i, (code, _, _)) in LANGUAGES.iter().enumerate() {
            assert_eq!(code.len(), 2, "{code}");
            assert_eq!(Language::from_code(code), Some(Language(i as u8)));
        }
        assert_eq!(Language::ENGLISH.code(), "en");
    }

    #[test]
    fn plainly_english_text_skips_the_model_and_others_do_not_pass() {
        assert!(is_plainly_english(
            "The leaders of the G20 met in Antalya on Sunday, and they said that the talks were useful."
        ));
        for other in [
            "Die Regierung hat am Mittwoch einen neuen Haushalt beschlossen, der mehr Geld vorsieht.",
            "Le gouvernement a annoncé jeudi une nouvelle série de mesures pour les agriculteurs.",
            "El ayuntamiento aprobó este lunes un plan para ampliar la red de autobuses nocturnos.",
            "De gemeente heeft dinsdag besloten om de oude fabriekshal om te bouwen tot woningen.",
        ] {
            assert!(!is_plainly_english(other), "{other}");
        }
    }

    #[test]
    fn detection_reads_only_the_opening_and_never_splits_a_character() {
        let text = format!("{}{}", "é".repeat(DETECTION_BYTES), "x");
        let _ = Language::detect(&text);
        assert_eq!(Language::detect(""), Language::ENGLISH);
    }
}
