//! From typed arguments to the library's settings.

use clap::ValueEnum;
use precis::render::OutputFormat;
use precis::summarizer::tuning::{self, SettingError, Value};
use precis::{Budget, Config};

use crate::cli::{BudgetArgs, FormatArg, TuningArgs};

/// The budget the flags ask for (100 words when none is given).
pub fn budget(args: &BudgetArgs) -> Budget {
    match (args.words, args.bytes, args.sentences) {
        (_, Some(n), _) => Budget::Bytes(n as usize),
        (_, _, Some(n)) => Budget::Sentences(n as usize),
        (Some(n), _, _) => Budget::Words(n as usize),
        (None, None, None) => Budget::default(),
    }
}

/// The output format.
pub fn format(arg: FormatArg) -> OutputFormat {
    match arg {
        FormatArg::Markdown => OutputFormat::Markdown,
        FormatArg::Text => OutputFormat::Text,
        FormatArg::Json => OutputFormat::Json,
        FormatArg::Html => OutputFormat::Html,
    }
}

/// The pipeline settings: defaults, overridden by the tuning flags given,
/// each set through the library's table of settings
/// ([`precis::summarizer::tuning`]) as the Python package sets its keywords.
pub fn config(budget: Budget, tuning: &TuningArgs) -> Result<Config, SettingError> {
    let mut config = Config::default();
    config.select.budget = budget;
    for (name, value) in given(tuning) {
        tuning::apply(&mut config, name, value)?;
    }
    Ok(config)
}

/// The tuning flags given, by their names in the library's table.
fn given(t: &TuningArgs) -> Vec<(&'static str, Value)> {
    let text = |s: &str| Value::Text(s.to_owned());
    let flag = |on: bool| on.then_some(Value::Flag(true));
    let all = [
        ("keep-all", flag(t.keep_all)),
        ("standalone-weight", t.standalone_weight.map(Value::Number)),
        ("language", t.language.map(|l| text(l.code()))),
        ("lambda", t.lambda.map(Value::Number)),
        ("near-duplicate", t.near_duplicate.map(Value::Number)),
        ("min-words", t.min_words.map(Value::Count)),
        ("max-words", t.max_words.map(Value::Count)),
        ("position-bias", t.position_bias.map(Value::Number)),
        ("lead-sentences", t.lead_sentences.map(Value::Count)),
        ("lead-fraction", t.lead_fraction.map(Value::Number)),
        ("min-support", t.min_support.map(Value::Number)),
        ("damping", t.damping.map(Value::Number)),
        (
            "similarity-threshold",
            t.similarity_threshold.map(Value::Number),
        ),
        ("idf", t.idf.map(|i| text(&value_name(i)))),
        ("sublinear-tf", flag(t.sublinear_tf)),
        ("objective", t.objective.map(|o| text(&value_name(o)))),
        ("min-documents", t.min_documents.map(Value::Count)),
        ("document-exponent", t.document_exponent.map(Value::Number)),
        ("unigram-weight", t.unigram_weight.map(Value::Number)),
        ("centrality", t.centrality.map(Value::Number)),
        ("length-exponent", t.length_exponent.map(Value::Number)),
        ("question-bias", t.question_bias.map(Value::Number)),
        ("question-feedback", t.question_feedback.map(Value::Count)),
        (
            "question-expansion",
            t.question_expansion.map(Value::Number),
        ),
        ("quotation-weight", t.quotation_weight.map(Value::Number)),
        ("concept-relevance", t.concept_relevance.map(Value::Number)),
        (
            "question-document-exponent",
            t.question_document_exponent.map(Value::Number),
        ),
        (
            "question-lead-fraction",
            t.question_lead_fraction.map(Value::Number),
        ),
        ("novelty", t.novelty.map(Value::Number)),
    ];
    all.into_iter()
        .filter_map(|(name, value)| value.map(|v| (name, v)))
        .collect()
}

/// The name clap gives a value of `--idf` or `--objective` (`documents`).
fn value_name(value: impl ValueEnum) -> String {
    value
        .to_possible_value()
        .map(|v| v.get_name().to_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use clap::{ArgAction, CommandFactory, Parser};
    use precis::summarizer::tuning::{Kind, SETTINGS};

    use super::*;
    use crate::cli::{Cli, Command};

    /// The flags under the Tuning heading of a subcommand.
    fn tuning_flags(subcommand: &str) -> Vec<clap::Arg> {
        let cli = Cli::command();
        let sub = cli.find_subcommand(subcommand).cloned();
        sub.map(|s| {
            s.get_arguments()
                .filter(|a| a.get_help_heading() == Some("Tuning"))
                .cloned()
                .collect()
        })
        .unwrap_or_default()
    }

    /// The library's table and the tuning flags name the same settings, in
    /// the same order, of the same kinds: a setting added to one and not the
    /// other fails here.
    #[test]
    fn every_setting_has_its_flag_and_every_tuning_flag_a_setting() {
        for subcommand in ["brief", "batch", "eval"] {
            let flags = tuning_flags(subcommand);
            let names: Vec<&str> = flags.iter().filter_map(|a| a.get_long()).collect();
            let table: Vec<&str> = SETTINGS.iter().map(|s| s.name).collect();
            assert_eq!(names, table, "precis {subcommand}");
            for (flag, setting) in flags.iter().zip(SETTINGS) {
                match setting.kind() {
                    Kind::Flag => {
                        assert!(matches!(flag.get_action(), ArgAction::SetTrue), "{flag}")
                    }
                    Kind::Choice(choices) => {
                        let values: Vec<String> = flag
                            .get_possible_values()
                            .iter()
                            .map(|v| v.get_name().to_owned())
                            .collect();
                        assert_eq!(values, choices, "{flag}");
                    }
                    _ => assert!(flag.get_action().takes_values(), "{flag}"),
                }
            }
        }
    }

    /// A value for the flag unlike the default, as typed and as the table takes it.
    fn sample(setting: &precis::summarizer::tuning::Setting) -> (&'static str, Value) {
        let default = setting.get(&Config::default());
        match setting.kind() {
            Kind::Flag => ("", Value::Flag(true)),
            Kind::Count => ("7", Value::Count(7)),
            Kind::Number => ("0.375", Value::Number(0.375)),
            Kind::Choice(choices) => {
                let other = choices
                    .iter()
                    .find(|c| default != Some(Value::Text((**c).to_owned())))
                    .map_or("", |c| c);
                (other, Value::Text(other.to_owned()))
            }
            Kind::Language => ("fr", Value::Text("fr".into())),
        }
    }

    /// Each flag on the command line makes the settings that the table makes
    /// from its name and value (what the Python keywords go through).
    #[test]
    fn each_flag_sets_what_the_table_sets() {
        for setting in SETTINGS {
            let (typed, value) = sample(setting);
            let flag = format!("--{}", setting.name);
            let mut line = vec!["precis", "brief", "in.txt", flag.as_str()];
            if !typed.is_empty() {
                line.push(typed);
            }
            let cli = Cli::try_parse_from(&line).unwrap();
            let Command::Brief(args) = cli.command else {
                panic!("{line:?} is not brief")
            };
            let got = config(budget(&args.budget), &args.tuning).unwrap();
            let mut expected = Config::default();
            tuning::apply(&mut expected, setting.name, value).unwrap();
            assert_eq!(got, expected, "{line:?}");
            assert_ne!(got, Config::default(), "{line:?} changed nothing");
        }
    }

    #[test]
    fn no_flag_is_the_default() {
        let cli = Cli::try_parse_from(["precis", "brief", "in.txt"]).unwrap();
        let Command::Brief(args) = cli.command else {
            panic!("not brief")
        };
        assert_eq!(
            config(budget(&args.budget), &args.tuning).unwrap(),
            Config::default()
        );
    }
}
