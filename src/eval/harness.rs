//! `precis eval`: run the built-in systems over a dataset, score them and any
//! folders of existing summaries with ROUGE, and report.
//!
//! Built-in systems summarize each cluster from its `docs/` folder, read
//! exactly as `precis brief` reads a folder. Their budget follows the ROUGE
//! truncation (`-l N` words or `-b N` bytes), and the last sentence may run
//! past it, as the published systems' summaries do: ROUGE cuts system and
//! reference summaries alike.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use precis_rouge::{
    compare_systems, list_systems, Aggregate, AggregateConfig, BootstrapConfig, ClusterScores,
    Dataset, Measure, Metric, PairedBootstrap, RougeConfig, RougeScorer, SystemEvaluation,
    Tokenize,
};

use super::error::EvalError;
use super::truncation_budget;
use crate::ingest::{self, IngestOptions, Input};
use crate::summarizer::{rankers, Config, Ranker, Request, Summarizer};

/// What to evaluate and how.
#[derive(Debug, Clone)]
pub struct EvalOptions {
    /// ROUGE settings (the default is the published DUC 2004 setting).
    pub rouge: RougeConfig,
    /// precis's settings; the budget is replaced by the ROUGE truncation.
    pub config: Config,
    /// Rankers to run on every cluster: by default the built-in ones
    /// ([`rankers::builtin`]), but any [`Ranker`] can be measured.
    pub builtin: Vec<Arc<dyn Ranker>>,
    /// Folders of existing summaries: `DIR/<system>/<cluster>.txt`.
    pub systems_dirs: Vec<PathBuf>,
    /// Whether a cluster's `topic.txt` (its title, then the question's
    /// narrative) is the question its summaries answer.
    pub questions: bool,
    /// Whether the documents of the clusters a cluster's `earlier.txt`
    /// names (one id a line) count as already read.
    pub earlier: bool,
    /// Averaging and confidence intervals.
    pub aggregate: AggregateConfig,
}

impl Default for EvalOptions {
    fn default() -> Self {
        EvalOptions {
            rouge: RougeConfig::default(),
            config: Config::default(),
            builtin: rankers::builtin(1),
            systems_dirs: Vec::new(),
            questions: true,
            earlier: true,
            aggregate: AggregateConfig::default(),
        }
    }
}

/// Which average over clusters a report shows. The JSON report has both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Average {
    /// The mean of the bootstrap resample means: what ROUGE-1.5.5 prints as
    /// `Average_R` and published tables report (the default).
    #[default]
    Bootstrap,
    /// The plain mean of the per-cluster scores.
    Plain,
}

impl Average {
    /// How a report header names it.
    pub fn describe(self) -> &'static str {
        match self {
            Average::Bootstrap => "bootstrap mean (what ROUGE-1.5.5 prints)",
            Average::Plain => "plain mean over clusters",
        }
    }
}

/// One evaluated system.
#[derive(Debug)]
pub struct SystemResult {
    /// Its name.
    pub name: String,
    /// Where its summaries came from: `built-in` or the folder.
    pub source: String,
    /// Per-cluster scores.
    pub evaluation: SystemEvaluation,
    /// Means and confidence intervals.
    pub aggregate: Aggregate,
}

/// Everything `precis eval` measured.
#[derive(Debug)]
pub struct EvalReport {
    /// The dataset folder.
    pub dataset: PathBuf,
    /// Clusters scored (those whose references could be read).
    pub clusters: usize,
    /// The ROUGE-1.5.5 options equivalent to the settings used.
    pub rouge_flags: String,
    /// The systems, built-in first, in the order given.
    pub systems: Vec<SystemResult>,
    /// The built-in systems' summaries: system -> cluster -> text (one sentence per line).
    pub summaries: BTreeMap<String, BTreeMap<String, String>>,
    /// Problems with single clusters or systems (the rest was evaluated).
    pub errors: Vec<String>,
    /// Summary files scored after a change (transcoded from UTF-16) or in
    /// doubt (not text), each naming the file.
    pub warnings: Vec<String>,
    /// Bootstrap settings, for comparisons.
    pub bootstrap: BootstrapConfig,
    /// Remarks on how the dataset was scored (ASCII words on a dataset in
    /// another script; stemming left off for a language without a stemmer).
    pub notes: Vec<String>,
}

/// References with more than this share of words outside ASCII are mostly in
/// another script than English: ROUGE-1.5.5's ASCII words break them apart.
const MOSTLY_NON_ASCII: f64 = 0.5;
/// References with at most this share of words outside ASCII count as
/// English (names and loanwords aside), the one language with a stemmer here.
const ENGLISH_NON_ASCII: f64 = 0.05;

/// The ROUGE settings for references with `share` of their words outside
/// ASCII, with a note on each change or risk: with Unicode words, stemming
/// (the English stemmer) only for English.
fn settings_for_references(rouge: &RougeConfig, share: f64) -> (RougeConfig, Vec<String>) {
    let mut rouge = rouge.clone();
    let mut notes = Vec::new();
    let percent = 100.0 * share;
    match rouge.tokenize {
        Tokenize::Ascii if share > MOSTLY_NON_ASCII => notes.push(format!(
            "{percent:.0}% of the reference words have letters outside ASCII, which ROUGE-1.5.5 \
             splits into fragments that match by chance: the scores are not comparable; \
             use --tokenize unicode"
        )),
        Tokenize::Unicode if rouge.stemming && share > ENGLISH_NON_ASCII => {
            rouge.stemming = false;
            notes.push(format!(
                "{percent:.0}% of the reference words have letters outside ASCII: not English, \
                 and the only stemmer is English, so words are not stemmed"
            ));
        }
        _ => {}
    }
    (rouge, notes)
}

/// Runs the evaluation. `progress` is called once per cluster summarized.
pub fn evaluate(
    dataset: &Dataset,
    options: &EvalOptions,
    progress: &(dyn Fn() + Sync),
) -> Result<EvalReport, EvalError> {
    // Settings are checked before any work, so a long run never ends in a refusal.
    options.rouge.validate()?;
    options.aggregate.bootstrap.validate()?;
    let (rouge, notes) =
        settings_for_references(&options.rouge, dataset.reference_non_ascii_share());
    let scorer = RougeScorer::new(rouge)?;
    let prepared_refs = scorer.prepare_dataset(dataset);
    let mut errors: Vec<String> = prepared_refs
        .errors()
        .iter()
        .map(|(_, e)| e.to_string())
        .collect();
    let mut warnings = prepared_refs.warnings().to_vec();

    // Built-in systems fill the ROUGE length and may run past it with their
    // last sentence, which ROUGE cuts; without a length, the configured budget.
    let mut config = options.config.clone();
    if let Some(budget) = truncation_budget(options.rouge.truncation) {
        config.select.budget = budget;
        config.select.overflow = true;
    }
    let summarizer = Summarizer::new(config)?;

    // Every cluster once, all built-in systems on it.
    let per_cluster: Vec<(String, Result<Vec<String>, String>)> = if options.builtin.is_empty() {
        Vec::new()
    } else {
        dataset
            .clusters
            .par_iter()
            .map(|cluster| {
                let result = summarize_cluster(
                    &summarizer,
                    &options.builtin,
                    &dataset.root,
                    &cluster.dir,
                    &cluster.id,
                    options,
                );
                progress();
                (cluster.id.clone(), result)
            })
            .collect()
    };
    let mut summaries: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (cluster, result) in per_cluster {
        match result {
            Ok(texts) => {
                for (system, text) in options.builtin.iter().zip(texts) {
                    summaries
                        .entry(system.name().to_owned())
                        .or_default()
                        .insert(cluster.clone(), text);
                }
            }
            Err(message) => errors.push(format!(
                "cluster {cluster}: {message} (built-in systems score an empty summary)"
            )),
        }
    }

    let mut systems = Vec::new();
    for system in &options.builtin {
        let texts = summaries.get(system.name());
        let evaluation = scorer.evaluate_with(&prepared_refs, system.name(), |cluster| {
            Ok(texts
                .and_then(|t| t.get(cluster))
                .cloned()
                .unwrap_or_default()
                .into_bytes())
        });
        systems.push(result(
            system.name().to_owned(),
            "built-in".into(),
            evaluation,
            &options.aggregate,
            &mut errors,
        )?);
    }
    for dir in &options.systems_dirs {
        match list_systems(dir) {
            Ok(found) => {
                for outputs in found {
                    let evaluation = scorer.evaluate_system(&prepared_refs, &outputs);
                    warnings.extend(evaluation.warnings.iter().cloned());
                    let name = unique_name(&outputs.name, dir, &systems);
                    systems.push(result(
                        name,
                        dir.display().to_string(),
                        evaluation,
                        &options.aggregate,
                        &mut errors,
                    )?);
                }
            }
            Err(e) => errors.push(e.to_string()),
        }
    }
    Ok(EvalReport {
        dataset: dataset.root.clone(),
        clusters: prepared_refs.clusters().count(),
        rouge_flags: scorer.config().rouge_flags(),
        systems,
        summaries,
        errors,
        warnings,
        bootstrap: options.aggregate.bootstrap,
        notes,
    })
}

/// `name`, or, when a system already has it (a folder called `lead` beside
/// the built-in one, the same folder given twice), `name (DIR)` and then
/// `name (DIR) #2`, ...: every row of a table and every `--compare` target
/// names one system.
fn unique_name(name: &str, dir: &std::path::Path, systems: &[SystemResult]) -> String {
    let taken = |candidate: &str| systems.iter().any(|s| s.name == candidate);
    if !taken(name) {
        return name.to_owned();
    }
    let qualified = format!("{name} ({})", dir.display());
    let mut candidate = qualified.clone();
    let mut n = 1;
    while taken(&candidate) {
        n += 1;
        candidate = format!("{qualified} #{n}");
    }
    candidate
}

fn result(
    name: String,
    source: String,
    evaluation: SystemEvaluation,
    aggregate: &AggregateConfig,
    errors: &mut Vec<String>,
) -> Result<SystemResult, EvalError> {
    errors.extend(evaluation.errors.iter().map(|(_, e)| e.to_string()));
    let aggregate = evaluation.aggregate(aggregate)?;
    Ok(SystemResult {
        name,
        source,
        evaluation,
        aggregate,
    })
}

/// Reads a cluster's documents as `precis brief` would and runs every ranker.
fn summarize_cluster(
    summarizer: &Summarizer,
    systems: &[Arc<dyn Ranker>],
    root: &std::path::Path,
    cluster_dir: &std::path::Path,
    id: &str,
    options: &EvalOptions,
) -> Result<Vec<String>, String> {
    let loaded = ingest::load(
        &[Input::Path(cluster_dir.join("docs"))],
        &IngestOptions::default(),
    )
    .map_err(|e| e.to_string())?;
    let mut request = Request::new(loaded.documents).with_id(id);
    if options.questions {
        request.query = question(cluster_dir)?;
    }
    if options.earlier {
        request.since = earlier_documents(root, cluster_dir)?;
    }
    let prepared = summarizer.prepare(&request).map_err(|e| e.to_string())?;
    Ok(systems
        .iter()
        .map(|system| {
            let summary = summarizer.finish(&prepared, system.as_ref());
            summary
                .sentences
                .iter()
                .map(|s| format!("{}\n", s.text))
                .collect()
        })
        .collect())
}

/// A cluster's question: its `topic.txt`, the title and the narrative
/// joined (`None` without the file).
fn question(cluster_dir: &std::path::Path) -> Result<Option<String>, String> {
    let path = cluster_dir.join("topic.txt");
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let question = text.split_whitespace().collect::<Vec<_>>().join(" ");
            Ok((!question.is_empty()).then_some(question))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!(
            "{}: {}",
            path.display(),
            crate::error::io_reason(&e)
        )),
    }
}

/// The documents of the clusters a cluster's `earlier.txt` names (one
/// cluster id a line; none without the file).
fn earlier_documents(
    root: &std::path::Path,
    cluster_dir: &std::path::Path,
) -> Result<Vec<crate::Document>, String> {
    let path = cluster_dir.join("earlier.txt");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(format!(
                "{}: {}",
                path.display(),
                crate::error::io_reason(&e)
            ))
        }
    };
    let mut documents = Vec::new();
    for id in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        // An id is a folder name beside this cluster, never a path.
        if id.contains(['/', '\\']) || id.starts_with('.') {
            return Err(format!("{}: {id:?} is not a cluster id", path.display()));
        }
        let loaded = ingest::load(
            &[Input::Path(root.join(id).join("docs"))],
            &IngestOptions::default(),
        )
        .map_err(|e| format!("{} names cluster {id}: {e}", path.display()))?;
        documents.extend(loaded.documents);
    }
    Ok(documents)
}

/// Metric labels as tables print them: `R-1`, `R-L`, `R-SU4`.
pub fn short_label(metric: Metric) -> String {
    metric.to_string().replace("ROUGE-", "R-")
}

impl EvalReport {
    /// The result of the system called `name`.
    pub fn system(&self, name: &str) -> Option<&SystemResult> {
        self.systems.iter().find(|s| s.name == name)
    }

    /// The metrics every system was scored on, in ROUGE order.
    pub fn metrics(&self) -> Vec<Metric> {
        self.systems
            .iter()
            .find(|s| !s.aggregate.metrics.is_empty())
            .map(|s| s.aggregate.metrics.iter().map(|m| m.metric).collect())
            .unwrap_or_default()
    }

    /// Paired bootstrap: is `a` better than `b`?
    pub fn compare(
        &self,
        a: &str,
        b: &str,
        metric: Metric,
        measure: Measure,
    ) -> Option<Result<PairedBootstrap, EvalError>> {
        let (a, b) = (self.system(a)?, self.system(b)?);
        Some(
            compare_systems(
                &a.evaluation,
                &b.evaluation,
                metric,
                measure,
                &self.bootstrap,
            )
            .map_err(EvalError::from),
        )
    }

    /// An aligned table: one row per system, one column per metric, each cell
    /// the `average` in percent with its confidence interval.
    pub fn table(&self, measure: Measure, metrics: &[Metric], average: Average) -> String {
        let header: Vec<String> = metrics.iter().map(|&m| short_label(m)).collect();
        let rows: Vec<(String, Vec<String>)> = self
            .systems
            .iter()
            .map(|s| {
                let cells = metrics
                    .iter()
                    .map(|&m| match s.aggregate.get(m) {
                        Some(agg) => {
                            let e = match measure {
                                Measure::Recall => agg.recall,
                                Measure::Precision => agg.precision,
                                Measure::F => agg.f,
                            };
                            let centre = match average {
                                Average::Bootstrap => e.bootstrap_mean,
                                Average::Plain => e.mean,
                            };
                            format!(
                                "{:.2} [{:.2}, {:.2}]",
                                100.0 * centre,
                                100.0 * e.ci_low,
                                100.0 * e.ci_high
                            )
                        }
                        None => "-".into(),
                    })
                    .collect();
                (s.name.clone(), cells)
            })
            .collect();
        let name_width = rows
            .iter()
            .map(|r| r.0.len())
            .chain(["system".len()])
            .max()
            .unwrap_or(6);
        let widths: Vec<usize> = (0..metrics.len())
            .map(|i| {
                rows.iter()
                    .map(|r| r.1[i].len())
                    .chain([header[i].len()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        let mut line = format!("{:<name_width$}", "system");
        for (h, w) in header.iter().zip(&widths) {
            let _ = write!(line, "  {h:<w$}");
        }
        let _ = writeln!(out, "{}", line.trim_end());
        for (name, cells) in &rows {
            let mut line = format!("{name:<name_width$}");
            for (c, w) in cells.iter().zip(&widths) {
                let _ = write!(line, "  {c:<w$}");
            }
            let _ = writeln!(out, "{}", line.trim_end());
        }
        out
    }

    /// The report as JSON: settings, per-system means with intervals for every
    /// metric and measure, per-cluster scores, and errors.
    pub fn to_json(&self) -> serde_json::Value {
        #[derive(Serialize)]
        struct Wire<'a> {
            dataset: String,
            clusters: usize,
            rouge: &'a str,
            systems: Vec<WireSystem<'a>>,
            errors: &'a [String],
            #[serde(skip_serializing_if = "<[String]>::is_empty")]
            warnings: &'a [String],
        }
        #[derive(Serialize)]
        struct WireSystem<'a> {
            name: &'a str,
            source: &'a str,
            aggregate: &'a Aggregate,
            clusters: &'a [ClusterScores],
        }
        let wire = Wire {
            dataset: self.dataset.display().to_string(),
            clusters: self.clusters,
            rouge: &self.rouge_flags,
            systems: self
                .systems
                .iter()
                .map(|s| WireSystem {
                    name: &s.name,
                    source: &s.source,
                    aggregate: &s.aggregate,
                    clusters: &s.evaluation.records,
                })
                .collect(),
            errors: &self.errors,
            warnings: &self.warnings,
        };
        serde_json::to_value(wire).unwrap_or(serde_json::Value::Null)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::Truncation;
    use crate::select::Budget;

    fn write(path: &std::path::Path, text: &str) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn evaluates_builtin_systems_and_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("ds");
        for c in ["c1", "c2"] {
            write(&root.join(c).join("docs/a.txt"), "Leaders of the G20 met in Antalya on Sunday morning.\nThe talks in Antalya focused on Syria and the refugee crisis.\n");
            write(&root.join(c).join("docs/b.txt"), "The summit in Antalya discussed Syria and refugees at length.\nMarkets were calm during the week of the summit.\n");
            write(
                &root.join(c).join("refs/A.txt"),
                "G20 leaders met in Antalya and discussed Syria and refugees.\n",
            );
        }
        write(
            &tmp.path().join("sys/mine/c1.txt"),
            "Leaders met in Antalya.\n",
        );
        let dataset = Dataset::open(&root).unwrap();
        let options = EvalOptions {
            systems_dirs: vec![tmp.path().join("sys")],
            ..Default::default()
        };
        let report = evaluate(&dataset, &options, &|| {}).unwrap();
        assert_eq!(report.clusters, 2);
        let names: Vec<&str> = report.systems.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            ["precis", "lead", "random", "textrank", "lexrank", "centroid", "mine"]
        );
        assert!(
            report.errors.iter().any(|e| e.contains("c2.txt")),
            "{:?}",
            report.errors
        );
        let precis = report.system("precis").unwrap();
        assert_eq!(precis.evaluation.records.len(), 2);
        assert!(precis.aggregate.get(Metric::N(1)).unwrap().recall.mean > 0.5);
        let table = report.table(
            Measure::Recall,
            &[Metric::N(1), Metric::N(2)],
            Average::Plain,
        );
        assert!(
            table.starts_with("system  ") && table.contains("R-1") && table.lines().count() == 8,
            "{table}"
        );
        assert!(report
            .compare("precis", "random", Metric::N(1), Measure::Recall)
            .is_some());
        let json = report.to_json();
        assert_eq!(json["systems"][0]["name"], "precis");
        assert_eq!(report.summaries["precis"].len(), 2);
    }

    #[test]
    fn settings_past_their_limits_are_refused_before_any_summary() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("ds");
        write(&root.join("c1/docs/a.txt"), "Leaders met in Antalya.\n");
        write(&root.join("c1/refs/A.txt"), "G20 leaders met in Antalya.\n");
        let dataset = Dataset::open(&root).unwrap();
        let mut options = EvalOptions::default();
        options.aggregate.bootstrap.resamples = usize::MAX;
        let summarized = std::sync::atomic::AtomicUsize::new(0);
        let count = || {
            summarized.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        };
        let e = evaluate(&dataset, &options, &count).unwrap_err();
        assert!(e.to_string().contains("at most 100000"), "{e}");
        options.aggregate = AggregateConfig::default();
        options.rouge.max_n = usize::MAX;
        let e = evaluate(&dataset, &options, &count).unwrap_err();
        assert!(e.to_string().contains("at most 9"), "{e}");
        assert_eq!(summarized.into_inner(), 0);
    }

    #[test]
    fn folder_systems_never_share_a_name() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("ds");
        write(
            &root.join("c1/docs/a.txt"),
            "Leaders of the G20 met in Antalya on Sunday morning.\nThe talks focused on Syria.\n",
        );
        write(&root.join("c1/refs/A.txt"), "G20 leaders met in Antalya.\n");
        write(&tmp.path().join("sys/lead/c1.txt"), "Leaders met.\n");
        write(
            &tmp.path().join("sys/mine/c1.txt"),
            "Leaders met in Antalya.\n",
        );
        let sys = tmp.path().join("sys");
        let dataset = Dataset::open(&root).unwrap();
        let options = EvalOptions {
            builtin: vec![Arc::new(rankers::Lead)],
            systems_dirs: vec![sys.clone(), sys.clone()],
            ..Default::default()
        };
        let report = evaluate(&dataset, &options, &|| {}).unwrap();
        let names: Vec<&str> = report.systems.iter().map(|s| s.name.as_str()).collect();
        let lead = format!("lead ({})", sys.display());
        let mine = format!("mine ({})", sys.display());
        assert_eq!(
            names,
            [
                "lead",
                lead.as_str(),
                "mine",
                format!("{lead} #2").as_str(),
                mine.as_str()
            ]
        );
        // The built-in lead and the folder's differ: each name is one system.
        let r1 = |name: &str| {
            let system = report.system(name).unwrap();
            system.aggregate.get(Metric::N(1)).unwrap().recall.mean
        };
        assert_ne!(r1("lead"), r1(&lead));
    }

    #[test]
    fn settings_follow_the_script_of_the_references() {
        let ascii = RougeConfig::default();
        let unicode = RougeConfig {
            tokenize: Tokenize::Unicode,
            ..RougeConfig::default()
        };
        // English: nothing to say, stemming kept in both modes.
        for rouge in [&ascii, &unicode] {
            let (settings, notes) = settings_for_references(rouge, 0.01);
            assert!(settings.stemming && notes.is_empty());
        }
        // Vietnamese: ASCII words warn; Unicode words are not stemmed.
        let (settings, notes) = settings_for_references(&ascii, 0.8);
        assert!(settings.stemming);
        assert!(notes[0].contains("--tokenize unicode"), "{notes:?}");
        let (settings, notes) = settings_for_references(&unicode, 0.8);
        assert!(!settings.stemming);
        assert!(notes[0].contains("not stemmed"), "{notes:?}");
    }

    #[test]
    fn budgets_follow_the_truncation() {
        assert_eq!(
            truncation_budget(Truncation::Words(100)),
            Some(Budget::Words(100))
        );
        assert_eq!(
            truncation_budget(Truncation::Bytes(665)),
            Some(Budget::Bytes(665))
        );
        assert_eq!(truncation_budget(Truncation::Words(0)), None);
        assert_eq!(truncation_budget(Truncation::None), None);
    }
}
