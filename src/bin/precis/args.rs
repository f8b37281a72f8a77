//! From typed arguments to the library's settings.

use precis::render::OutputFormat;
use precis::select::Objective;
use precis::vectors::IdfSource;
use precis::{Budget, Config};

use crate::cli::{BudgetArgs, FormatArg, IdfArg, ObjectiveArg, TuningArgs};

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

/// The pipeline settings: defaults, overridden by the flags given.
pub fn config(budget: Budget, tuning: &TuningArgs) -> Config {
    let mut config = Config::default();
    config.select.budget = budget;
    if let Some(lambda) = tuning.lambda {
        config.select.lambda = lambda;
    }
    if let Some(t) = tuning.near_duplicate {
        config.select.near_duplicate = t;
    }
    if let Some(n) = tuning.min_words {
        config.select.min_words = n;
    }
    if let Some(n) = tuning.max_words {
        config.select.max_words = n;
    }
    config.language = tuning.language;
    // Either one given replaces the language's lead prior (both settings).
    if let Some(b) = tuning.position_bias {
        config.position_bias = Some(b);
    }
    if let Some(n) = tuning.lead_sentences {
        config.lead_sentences = n;
    }
    if let Some(f) = tuning.lead_fraction {
        config.lead_fraction = f;
    }
    if let Some(s) = tuning.min_support {
        config.min_support = s;
    }
    if let Some(d) = tuning.damping {
        config.pagerank.damping = d;
        config.position_bias.get_or_insert(0.0);
    }
    if let Some(t) = tuning.similarity_threshold {
        config.graph.threshold = t as f32;
    }
    if let Some(idf) = tuning.idf {
        config.weights.idf = match idf {
            IdfArg::Sentences => IdfSource::Sentences,
            IdfArg::Documents => IdfSource::Documents,
        };
    }
    if let Some(w) = tuning.standalone_weight {
        config.select.standalone_weight = w;
    }
    if tuning.keep_all {
        config.set_aside.enabled = false;
    }
    if tuning.sublinear_tf {
        config.weights.sublinear_tf = true;
    }
    if let Some(objective) = tuning.objective {
        config.select.objective = match objective {
            ObjectiveArg::Coverage => Objective::Coverage,
            ObjectiveArg::Mmr => Objective::Mmr,
        };
    }
    let coverage = &mut config.select.coverage;
    if let Some(n) = tuning.min_documents {
        coverage.min_documents = n;
    }
    if let Some(e) = tuning.document_exponent {
        coverage.document_exponent = e;
    }
    if let Some(w) = tuning.unigram_weight {
        coverage.unigram_weight = w;
    }
    if let Some(c) = tuning.centrality {
        coverage.centrality = c;
    }
    if let Some(e) = tuning.length_exponent {
        coverage.length_exponent = e;
    }
    config
}
