//! The tuning settings by name: one table from each name to the field of
//! [`Config`] it sets.
//!
//! The command line's tuning flags (`--lambda 0.6`, `--keep-all`) and the
//! Python package's keywords (`lambda_=0.6`, `keep_all=True`) are the names
//! of [`SETTINGS`]; both set a [`Config`] through [`Setting::apply`], so a
//! new setting is one entry here plus its flag (a test of the CLI checks
//! that every entry has a flag and every tuning flag an entry).
//!
//! ```
//! use precis::summarizer::tuning::{self, Value};
//! let mut config = precis::Config::default();
//! tuning::apply(&mut config, "near-duplicate", Value::Number(0.6))?;
//! tuning::apply(&mut config, "objective", Value::Text("coverage".into()))?;
//! assert_eq!(config.select.near_duplicate, 0.6);
//! assert_eq!(tuning::setting("objective").and_then(|s| s.get(&config)), Some(Value::Text("coverage".into())));
//! let err = tuning::apply(&mut config, "objective", Value::Text("best".into())).unwrap_err();
//! assert_eq!(err.to_string(), "invalid value 'best' for objective: possible values: coverage, mmr");
//! # Ok::<(), tuning::SettingError>(())
//! ```
//!
//! Values are checked for their kind here (a number where a number is
//! wanted, a known choice or language code); ranges are checked once for
//! every way of summarizing, by [`Config::validate`].

use crate::language::Language;
use crate::select::Objective;
use crate::summarizer::Config;
use crate::vectors::IdfSource;

/// What a setting takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// On or off (a flag without a value on the command line).
    Flag,
    /// A whole number, 0 or more.
    Count,
    /// A number.
    Number,
    /// One of a fixed list of names.
    Choice(&'static [&'static str]),
    /// An ISO 639-1 language code that detection knows.
    Language,
}

impl Kind {
    /// The kind's name: `flag`, `count`, `number`, `choice` or `language`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Flag => "flag",
            Kind::Count => "count",
            Kind::Number => "number",
            Kind::Choice(_) => "choice",
            Kind::Language => "language",
        }
    }

    /// What a value of this kind is, for messages: `a number`...
    fn expected(self) -> &'static str {
        match self {
            Kind::Flag => "true or false",
            Kind::Count => "a whole number, 0 or more",
            Kind::Number => "a number",
            Kind::Choice(_) => "a name (a string)",
            Kind::Language => "a language code (a string)",
        }
    }
}

/// A value given for a setting, or read from one.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// For a [`Kind::Flag`].
    Flag(bool),
    /// For a [`Kind::Count`].
    Count(usize),
    /// For a [`Kind::Number`] (a count is taken as a number too).
    Number(f64),
    /// For a [`Kind::Choice`] or [`Kind::Language`].
    Text(String),
}

/// Why a setting could not be applied.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SettingError {
    /// No setting has this name.
    #[error("unknown setting '{name}'")]
    Unknown {
        /// The name given.
        name: String,
    },
    /// The value is of the wrong kind (text for a number...).
    #[error("{name} takes {expected}")]
    WrongKind {
        /// The setting.
        name: &'static str,
        /// What it takes.
        expected: &'static str,
    },
    /// The name is not one of the setting's choices.
    #[error("invalid value '{value}' for {name}: possible values: {}", choices.join(", "))]
    NotAChoice {
        /// The setting.
        name: &'static str,
        /// The value given.
        value: String,
        /// What it accepts.
        choices: &'static [&'static str],
    },
    /// The language code is not one detection knows.
    #[error(
        "unknown language code '{code}': expected an ISO 639-1 code, one of {}",
        Language::known_codes()
    )]
    UnknownLanguage {
        /// The code given.
        code: String,
    },
}

/// How a setting reads and writes its field.
#[derive(Clone, Copy)]
enum Access {
    Flag(fn(&Config) -> bool, fn(&mut Config, bool)),
    Count(fn(&Config) -> usize, fn(&mut Config, usize)),
    /// `None` when the field holds no number (a language-dependent default).
    Number(fn(&Config) -> Option<f64>, fn(&mut Config, f64)),
    /// The index of the choice; `None` when left to the cluster's language.
    Choice(
        &'static [&'static str],
        fn(&Config) -> Option<usize>,
        fn(&mut Config, usize),
    ),
    Language(fn(&Config) -> Option<Language>, fn(&mut Config, Language)),
}

/// One tuning setting: its name, what it takes, and the field it sets.
#[derive(Clone, Copy)]
pub struct Setting {
    /// The name: the command-line flag without `--` (`near-duplicate`); the
    /// Python keyword is the same with `_` for `-` (`near_duplicate`, and
    /// `lambda_` for `lambda`, a Python keyword).
    pub name: &'static str,
    /// One line on what it does.
    pub help: &'static str,
    access: Access,
}

impl std::fmt::Debug for Setting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Setting")
            .field("name", &self.name)
            .field("kind", &self.kind())
            .finish()
    }
}

impl Setting {
    /// What the setting takes.
    pub fn kind(&self) -> Kind {
        match self.access {
            Access::Flag(..) => Kind::Flag,
            Access::Count(..) => Kind::Count,
            Access::Number(..) => Kind::Number,
            Access::Choice(choices, ..) => Kind::Choice(choices),
            Access::Language(..) => Kind::Language,
        }
    }

    /// The setting's value in `config`; `None` where the field is unset (a
    /// position bias or language left to each cluster's language).
    pub fn get(&self, config: &Config) -> Option<Value> {
        match self.access {
            Access::Flag(get, _) => Some(Value::Flag(get(config))),
            Access::Count(get, _) => Some(Value::Count(get(config))),
            Access::Number(get, _) => get(config).map(Value::Number),
            Access::Choice(choices, get, _) => get(config)
                .and_then(|i| choices.get(i))
                .map(|name| Value::Text((*name).to_owned())),
            Access::Language(get, _) => get(config).map(|l| Value::Text(l.code().to_owned())),
        }
    }

    /// Sets the field in `config` to `value`, which must be of the
    /// setting's [`Kind`] (a count is taken for a number). Ranges are left to
    /// [`Config::validate`].
    pub fn apply(&self, config: &mut Config, value: Value) -> Result<(), SettingError> {
        let wrong = || SettingError::WrongKind {
            name: self.name,
            expected: self.kind().expected(),
        };
        match (self.access, value) {
            (Access::Flag(_, set), Value::Flag(on)) => set(config, on),
            (Access::Count(_, set), Value::Count(n)) => set(config, n),
            (Access::Number(_, set), Value::Number(x)) => set(config, x),
            (Access::Number(_, set), Value::Count(n)) => set(config, n as f64),
            (Access::Choice(choices, _, set), Value::Text(text)) => {
                let index = choices.iter().position(|c| *c == text).ok_or_else(|| {
                    SettingError::NotAChoice {
                        name: self.name,
                        value: text.clone(),
                        choices,
                    }
                })?;
                set(config, index);
            }
            (Access::Language(_, set), Value::Text(code)) => {
                let language =
                    Language::from_code(&code).ok_or(SettingError::UnknownLanguage { code })?;
                set(config, language);
            }
            _ => return Err(wrong()),
        }
        Ok(())
    }
}

/// The setting called `name` (a flag's name without `--`).
pub fn setting(name: &str) -> Option<&'static Setting> {
    SETTINGS.iter().find(|s| s.name == name)
}

/// Sets the setting called `name` in `config`.
pub fn apply(config: &mut Config, name: &str, value: Value) -> Result<(), SettingError> {
    setting(name)
        .ok_or_else(|| SettingError::Unknown {
            name: name.to_owned(),
        })?
        .apply(config, value)
}

const OBJECTIVES: &[&str] = &["coverage", "mmr"];
const IDF_UNITS: &[&str] = &["sentences", "documents"];

/// Every tuning setting, in the order of `precis brief --help`.
pub const SETTINGS: &[Setting] = &[
    Setting {
        name: "keep-all",
        help: "Keep every document: by default a document far from the others in its words, \
               or dated in another year than most of them, is set aside.",
        access: Access::Flag(|c| !c.set_aside.enabled, |c, on| c.set_aside.enabled = !on),
    },
    Setting {
        name: "standalone-weight",
        help: "Factor on the score of a sentence that opens with a pronoun or connective \
               pointing back, or cuts a quotation (1 = no preference).",
        access: Access::Number(
            |c| Some(c.select.standalone_weight),
            |c, w| c.select.standalone_weight = w,
        ),
    },
    Setting {
        name: "language",
        help: "The language of every document (ISO 639-1 code), instead of detecting each one's.",
        access: Access::Language(|c| c.language, |c, l| c.language = Some(l)),
    },
    Setting {
        name: "lambda",
        help: "MMR trade-off between centrality (1.0) and diversity (0.0).",
        access: Access::Number(|c| Some(c.select.lambda), |c, l| c.select.lambda = l),
    },
    Setting {
        name: "near-duplicate",
        help: "Content-word overlap at which two sentences count as near-duplicates (0-1).",
        access: Access::Number(
            |c| Some(c.select.near_duplicate),
            |c, t| c.select.near_duplicate = t,
        ),
    },
    Setting {
        name: "min-words",
        help: "Never choose sentences shorter than this many words.",
        access: Access::Count(|c| c.select.min_words, |c, n| c.select.min_words = n),
    },
    Setting {
        name: "max-words",
        help: "Never choose sentences longer than this many words.",
        access: Access::Count(|c| c.select.max_words, |c, n| c.select.max_words = n),
    },
    Setting {
        name: "position-bias",
        help: "Preference for sentences early in their document (0 = none; default: 0 for \
               English, 1 with damping 0.5 for other languages).",
        access: Access::Number(|c| c.position_bias, |c, b| c.position_bias = Some(b)),
    },
    Setting {
        name: "lead-sentences",
        help: "Hold back sentences at or past this position in their document until the \
               earlier ones are used (0 = none held back).",
        access: Access::Count(|c| c.lead_sentences, |c, n| c.lead_sentences = n),
    },
    Setting {
        name: "lead-fraction",
        help: "With --lead-sentences above 0, a long document's first tier holds its first \
               max(N, ceil(F x its sentences)) sentences (0-1; 0 = N for every document).",
        access: Access::Number(|c| Some(c.lead_fraction), |c, f| c.lead_fraction = f),
    },
    Setting {
        name: "min-support",
        help: "With 3+ documents, never choose a one-document sentence unless this share of \
               its content words occurs in another document (0-1; 0: off).",
        access: Access::Number(|c| Some(c.min_support), |c, s| c.min_support = s),
    },
    Setting {
        name: "damping",
        help: "PageRank damping factor; given, it replaces the language's lead prior (the \
               position bias is then 0 unless given too).",
        access: Access::Number(
            |c| Some(c.pagerank.damping),
            |c, d| {
                c.pagerank.damping = d;
                c.position_bias.get_or_insert(0.0);
            },
        ),
    },
    Setting {
        name: "similarity-threshold",
        help: "Similarities below this are not graph edges (0-1).",
        access: Access::Number(
            |c| Some(f64::from(c.graph.threshold)),
            |c, t| c.graph.threshold = t as f32,
        ),
    },
    Setting {
        name: "idf",
        help: "What IDF counts over: sentences or documents.",
        access: Access::Choice(
            IDF_UNITS,
            |c| match c.weights.idf {
                IdfSource::Sentences => Some(0),
                IdfSource::Documents => Some(1),
            },
            |c, i| {
                c.weights.idf = if i == 1 {
                    IdfSource::Documents
                } else {
                    IdfSource::Sentences
                }
            },
        ),
    },
    Setting {
        name: "sublinear-tf",
        help: "Damp repeated words in a sentence's vector: 1 + ln(count) instead of the count.",
        access: Access::Flag(
            |c| c.weights.sublinear_tf,
            |c, on| c.weights.sublinear_tf = on,
        ),
    },
    Setting {
        name: "objective",
        help: "What the selection optimises: coverage (concepts plus centrality, by gain per \
               word) or mmr (Maximal Marginal Relevance on centrality); default: coverage for \
               English, mmr for other languages, coverage with a question.",
        access: Access::Choice(
            OBJECTIVES,
            |c| {
                c.select.objective.map(|o| match o {
                    Objective::Coverage => 0,
                    Objective::Mmr => 1,
                })
            },
            |c, i| {
                c.select.objective = Some(if i == 0 {
                    Objective::Coverage
                } else {
                    Objective::Mmr
                })
            },
        ),
    },
    Setting {
        name: "min-documents",
        help: "Coverage: concepts in fewer documents weigh nothing.",
        access: Access::Count(
            |c| c.select.coverage.min_documents,
            |c, n| c.select.coverage.min_documents = n,
        ),
    },
    Setting {
        name: "document-exponent",
        help: "Coverage: a concept weighs documents^F.",
        access: Access::Number(
            |c| Some(c.select.coverage.document_exponent),
            |c, e| c.select.coverage.document_exponent = e,
        ),
    },
    Setting {
        name: "unigram-weight",
        help: "Coverage: weight of single words as concepts, relative to word pairs.",
        access: Access::Number(
            |c| Some(c.select.coverage.unigram_weight),
            |c, w| c.select.coverage.unigram_weight = w,
        ),
    },
    Setting {
        name: "centrality",
        help: "Coverage: weight of centrality beside concept coverage.",
        access: Access::Number(
            |c| Some(c.select.coverage.centrality),
            |c, w| c.select.coverage.centrality = w,
        ),
    },
    Setting {
        name: "length-exponent",
        help: "Coverage: gains are divided by words^F (0 ignores length).",
        access: Access::Number(
            |c| Some(c.select.coverage.length_exponent),
            |c, e| c.select.coverage.length_exponent = e,
        ),
    },
    Setting {
        name: "question-bias",
        help: "With a question: the share of PageRank's walk that jumps to sentences by their \
               relevance to it rather than following similarity (0-1).",
        access: Access::Number(|c| Some(c.query.bias), |c, b| c.query.bias = b),
    },
    Setting {
        name: "question-feedback",
        help: "With a question: how many of the sentences most relevant to it expand it with \
               their words (0 = no expansion).",
        access: Access::Count(|c| c.query.feedback, |c, n| c.query.feedback = n),
    },
    Setting {
        name: "question-expansion",
        help: "With a question: weight of those sentences' words beside the question's own.",
        access: Access::Number(|c| Some(c.query.expansion), |c, e| c.query.expansion = e),
    },
    Setting {
        name: "quotation-weight",
        help: "With a question: factor on the score of a sentence that holds a quotation \
               (0-1; 1 = none).",
        access: Access::Number(
            |c| Some(c.query.quotation_weight),
            |c, w| c.query.quotation_weight = w,
        ),
    },
    Setting {
        name: "concept-relevance",
        help: "With a question, coverage: each mention of a concept counts (r / r_max)^F, r \
               the sentence's relevance to the question (0 = every mention counts 1).",
        access: Access::Number(
            |c| Some(c.query.concept_relevance),
            |c, e| c.query.concept_relevance = e,
        ),
    },
    Setting {
        name: "question-document-exponent",
        help: "With a question, coverage: a concept weighs documents^F (in place of \
               --document-exponent).",
        access: Access::Number(
            |c| Some(c.query.document_exponent),
            |c, e| c.query.document_exponent = e,
        ),
    },
    Setting {
        name: "question-lead-fraction",
        help: "With a question: --lead-fraction's replacement (0-1; 0 = --lead-sentences \
               for every document).",
        access: Access::Number(
            |c| Some(c.query.lead_fraction),
            |c, f| c.query.lead_fraction = f,
        ),
    },
    Setting {
        name: "novelty",
        help: "With documents already read: a sentence's score is multiplied by (1 - s)^F, s \
               its greatest similarity to a sentence read (0 = no penalty).",
        access: Access::Number(|c| Some(c.since.novelty), |c, n| c.since.novelty = n),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    /// A value of the setting's kind unlike its default.
    fn unusual(setting: &Setting) -> Value {
        match setting.kind() {
            Kind::Flag => Value::Flag(true),
            Kind::Count => Value::Count(37),
            Kind::Number => Value::Number(0.375),
            Kind::Choice(choices) => {
                let default = setting.get(&Config::default());
                let other = choices
                    .iter()
                    .find(|c| default != Some(Value::Text((**c).to_owned())));
                Value::Text(other.map_or("", |c| c).to_owned())
            }
            Kind::Language => Value::Text("fr".into()),
        }
    }

    /// Each setting reads back what it wrote, and changes its own field
    /// only: no two settings share a field, and none is lost.
    #[test]
    fn each_setting_sets_its_own_field() {
        let default = Config::default();
        for setting in SETTINGS {
            let mut config = Config::default();
            let value = unusual(setting);
            setting.apply(&mut config, value.clone()).unwrap();
            assert_eq!(setting.get(&config), Some(value), "{}", setting.name);
            assert_ne!(config, default, "{} changed nothing", setting.name);
            for other in SETTINGS.iter().filter(|o| o.name != setting.name) {
                // Damping replaces the lead prior: the position bias becomes 0.
                if setting.name == "damping" && other.name == "position-bias" {
                    assert_eq!(other.get(&config), Some(Value::Number(0.0)));
                    continue;
                }
                assert_eq!(
                    other.get(&config),
                    other.get(&default),
                    "{} changed {}",
                    setting.name,
                    other.name
                );
            }
        }
    }

    #[test]
    fn names_are_unique_flag_names() {
        for (i, setting) in SETTINGS.iter().enumerate() {
            assert!(
                setting
                    .name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                setting.name
            );
            assert!(!setting.help.is_empty());
            assert!(SETTINGS[..i].iter().all(|s| s.name != setting.name));
        }
    }

    #[test]
    fn values_of_the_wrong_kind_are_refused_by_name() {
        let mut config = Config::default();
        let err = apply(&mut config, "lambda", Value::Text("high".into())).unwrap_err();
        assert_eq!(err.to_string(), "lambda takes a number");
        let err = apply(&mut config, "min-words", Value::Number(2.5)).unwrap_err();
        assert_eq!(err.to_string(), "min-words takes a whole number, 0 or more");
        let err = apply(&mut config, "keep-all", Value::Count(1)).unwrap_err();
        assert!(matches!(err, SettingError::WrongKind { .. }));
        let err = apply(&mut config, "language", Value::Text("xx".into())).unwrap_err();
        assert!(err
            .to_string()
            .starts_with("unknown language code 'xx': expected an ISO 639-1 code, one of "));
        let err = apply(&mut config, "no-such", Value::Flag(true)).unwrap_err();
        assert_eq!(err.to_string(), "unknown setting 'no-such'");
        assert_eq!(config, Config::default(), "nothing was set");
    }

    #[test]
    fn a_count_is_a_number_and_a_flag_turns_off_again() {
        let mut config = Config::default();
        apply(&mut config, "lambda", Value::Count(1)).unwrap();
        assert_eq!(config.select.lambda, 1.0);
        apply(&mut config, "keep-all", Value::Flag(true)).unwrap();
        assert!(!config.set_aside.enabled);
        apply(&mut config, "keep-all", Value::Flag(false)).unwrap();
        assert!(config.set_aside.enabled);
    }

    /// Damping given replaces the language's lead prior whichever comes
    /// first, and a position bias given with it is kept.
    #[test]
    fn damping_and_position_bias_in_either_order() {
        let mut a = Config::default();
        apply(&mut a, "damping", Value::Number(0.6)).unwrap();
        apply(&mut a, "position-bias", Value::Number(0.5)).unwrap();
        let mut b = Config::default();
        apply(&mut b, "position-bias", Value::Number(0.5)).unwrap();
        apply(&mut b, "damping", Value::Number(0.6)).unwrap();
        assert_eq!(a, b);
        assert_eq!((a.position_bias, a.pagerank.damping), (Some(0.5), 0.6));
    }

    #[test]
    fn unset_fields_read_as_none() {
        let config = Config::default();
        assert_eq!(setting("position-bias").unwrap().get(&config), None);
        assert_eq!(setting("language").unwrap().get(&config), None);
        assert_eq!(
            setting("lead-sentences").unwrap().get(&config),
            Some(Value::Count(5))
        );
    }
}
