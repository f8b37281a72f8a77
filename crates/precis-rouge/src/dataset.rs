//! Evaluation datasets and system outputs on disk, and scoring them.
//!
//! A dataset is laid out as `DATASET/<cluster>/docs/*.txt` and
//! `DATASET/<cluster>/refs/*.txt` (summarizers such as `precis eval`'s
//! built-in systems read `docs/` their own way; this crate reads only
//! `refs/`, and `docs/*.txt` for [`Cluster::read_documents`]); folders whose
//! name starts with `_` (or `.`) and plain files at the dataset level are not
//! clusters. System outputs are
//! laid out as `SYSDIR/<system>/<cluster>.txt`.
//!
//! Problems with single files (a missing system output, an unreadable
//! reference) are reported per item and never abort the whole evaluation.

use crate::bootstrap::{
    bootstrap_means, paired_bootstrap, BootstrapConfig, Estimate, PairedBootstrap,
};
use crate::decode::SummaryFile;
use crate::error::Error;
use crate::rouge::{Metric, PreparedReferences, RougeScorer, Score, Scores};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Sub-folders of `dir` that are not hidden and do not start with `_`, sorted.
fn listed_dirs(dir: &Path) -> Result<Vec<(String, PathBuf)>, Error> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_err(dir))? {
        let entry = entry.map_err(io_err(dir))?;
        let path = entry.path();
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            continue;
        };
        if name.starts_with('_') || name.starts_with('.') || !path.is_dir() {
            continue;
        }
        out.push((name, path));
    }
    out.sort();
    Ok(out)
}

/// `*.txt` files of `dir`, sorted by name.
fn txt_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_err(dir))? {
        let path = entry.map_err(io_err(dir))?.path();
        if path.is_file() && path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

/// One cluster of a dataset: its documents and reference summaries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    /// The folder name, e.g. `d30001t`.
    pub id: String,
    /// The cluster folder.
    pub dir: PathBuf,
}

impl Cluster {
    /// Paths of the documents (`docs/*.txt`, sorted).
    pub fn document_paths(&self) -> Result<Vec<PathBuf>, Error> {
        txt_files(&self.dir.join("docs"))
    }

    /// The share of words with a letter outside ASCII in the reference
    /// summaries (see [`non_ascii_word_share`](crate::non_ascii_word_share));
    /// unreadable references are left out.
    pub fn reference_non_ascii_share(&self) -> f64 {
        let texts = self.read_references().unwrap_or_default();
        let texts: Vec<std::borrow::Cow<'_, str>> =
            texts.iter().map(|t| String::from_utf8_lossy(t)).collect();
        crate::non_ascii_word_share(texts.iter().map(|t| t.as_ref()))
    }

    /// Paths of the reference summaries (`refs/*.txt`, sorted).
    pub fn reference_paths(&self) -> Result<Vec<PathBuf>, Error> {
        txt_files(&self.dir.join("refs"))
    }

    /// The documents' text (UTF-8), in path order.
    pub fn read_documents(&self) -> Result<Vec<String>, Error> {
        self.document_paths()?
            .iter()
            .map(|p| std::fs::read_to_string(p).map_err(io_err(p)))
            .collect()
    }

    /// The reference summaries, read as ROUGE reads them (see
    /// [`SummaryFile`]), in path order; an error if there are none.
    pub fn reference_files(&self) -> Result<Vec<SummaryFile>, Error> {
        let paths = self.reference_paths()?;
        if paths.is_empty() {
            return Err(Error::NoReferences {
                cluster: self.id.clone(),
                path: self.dir.join("refs"),
            });
        }
        paths.iter().map(SummaryFile::read).collect()
    }

    /// The reference summaries' bytes as ROUGE reads them (UTF-16 transcoded
    /// to UTF-8, see [`SummaryFile`]), in path order; an error if there are none.
    pub fn read_references(&self) -> Result<Vec<Vec<u8>>, Error> {
        Ok(self
            .reference_files()?
            .into_iter()
            .map(|file| file.bytes)
            .collect())
    }
}

/// A dataset: the clusters under a root folder.
///
/// ```no_run
/// use precis_rouge::Dataset;
/// let ds = Dataset::open("../shared/corpora/duc2004")?;
/// println!("{} clusters", ds.clusters.len());
/// # Ok::<(), precis_rouge::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dataset {
    /// The dataset folder.
    pub root: PathBuf,
    /// Its clusters, sorted by id.
    pub clusters: Vec<Cluster>,
}

impl Dataset {
    /// The share of words with a letter outside ASCII in every cluster's
    /// reference summaries: near 0 for English, about 0.8 for Vietnamese.
    pub fn reference_non_ascii_share(&self) -> f64 {
        use rayon::prelude::*;
        let shares: Vec<f64> = self
            .clusters
            .par_iter()
            .map(Cluster::reference_non_ascii_share)
            .collect();
        if shares.is_empty() {
            0.0
        } else {
            shares.iter().sum::<f64>() / shares.len() as f64
        }
    }

    /// List the clusters of the dataset at `root`; an error if it cannot be read
    /// or has no clusters.
    pub fn open(root: impl AsRef<Path>) -> Result<Dataset, Error> {
        let root = root.as_ref().to_path_buf();
        let clusters: Vec<Cluster> = listed_dirs(&root)?
            .into_iter()
            .map(|(id, dir)| Cluster { id, dir })
            .collect();
        if clusters.is_empty() {
            return Err(Error::Empty {
                what: "clusters",
                path: root,
            });
        }
        Ok(Dataset { root, clusters })
    }
}

/// The outputs of one system: `dir/<cluster>.txt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SystemOutputs {
    /// The system name (its folder name).
    pub name: String,
    /// The folder holding `<cluster>.txt` files.
    pub dir: PathBuf,
}

impl SystemOutputs {
    /// Outputs of system `name` stored in `dir`.
    pub fn new(name: impl Into<String>, dir: impl Into<PathBuf>) -> Self {
        SystemOutputs {
            name: name.into(),
            dir: dir.into(),
        }
    }

    /// Where this system's summary of `cluster` is expected.
    pub fn path_for(&self, cluster: &str) -> PathBuf {
        self.dir.join(format!("{cluster}.txt"))
    }

    /// Read this system's summary of `cluster` as ROUGE reads it (see
    /// [`SummaryFile`]).
    pub fn read_file(&self, cluster: &str) -> Result<SummaryFile, Error> {
        let path = self.path_for(cluster);
        match std::fs::read(&path) {
            Ok(raw) => Ok(SummaryFile::from_bytes(path, raw)),
            Err(source) if source.kind() == std::io::ErrorKind::NotFound => {
                Err(Error::MissingOutput {
                    system: self.name.clone(),
                    cluster: cluster.to_string(),
                    path,
                })
            }
            Err(source) => Err(Error::Io { path, source }),
        }
    }

    /// Read this system's summary of `cluster`: its bytes as ROUGE reads them
    /// (UTF-16 transcoded to UTF-8, see [`SummaryFile`]).
    pub fn read(&self, cluster: &str) -> Result<Vec<u8>, Error> {
        self.read_file(cluster).map(|file| file.bytes)
    }
}

/// The systems in a systems folder (`SYSDIR/<system>/`), sorted by name;
/// folders starting with `_` or `.` are skipped.
pub fn list_systems(dir: impl AsRef<Path>) -> Result<Vec<SystemOutputs>, Error> {
    let dir = dir.as_ref();
    let systems: Vec<SystemOutputs> = listed_dirs(dir)?
        .into_iter()
        .map(|(name, dir)| SystemOutputs { name, dir })
        .collect();
    if systems.is_empty() {
        return Err(Error::Empty {
            what: "systems",
            path: dir.to_path_buf(),
        });
    }
    Ok(systems)
}

/// The reference summaries of every cluster of a dataset, read and counted
/// once, to evaluate many systems against.
#[derive(Debug)]
pub struct PreparedDataset {
    clusters: Vec<(String, PreparedReferences)>,
    errors: Vec<(String, Error)>,
    warnings: Vec<String>,
}

impl PreparedDataset {
    /// Clusters whose references could be read, with their reference counts.
    pub fn clusters(&self) -> impl Iterator<Item = (&str, usize)> {
        self.clusters.iter().map(|(id, r)| (id.as_str(), r.len()))
    }

    /// Clusters left out because their references could not be read.
    pub fn errors(&self) -> &[(String, Error)] {
        &self.errors
    }

    /// Reference files that were transcoded (UTF-16) or do not look like
    /// text, each naming the file (see [`SummaryFile::warning`]); they were scored.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }
}

/// Scores of one system on one cluster (serializable for `--json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterScores {
    /// The system name.
    pub system: String,
    /// The cluster id.
    pub cluster: String,
    /// Number of references scored against.
    pub references: usize,
    /// The scores.
    pub scores: Scores,
}

/// Which of recall, precision and F to compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Measure {
    /// Recall.
    Recall,
    /// Precision.
    Precision,
    /// F-measure.
    F,
}

impl Score {
    /// The value of `measure`.
    pub fn value(&self, measure: Measure) -> f64 {
        match measure {
            Measure::Recall => self.recall,
            Measure::Precision => self.precision,
            Measure::F => self.f,
        }
    }
}

/// One system's per-cluster scores on a dataset, with the clusters it could
/// not be scored on.
#[derive(Debug)]
pub struct SystemEvaluation {
    /// The system name.
    pub system: String,
    /// The F-measure alpha used (needed to round like ROUGE).
    pub alpha: f64,
    /// Per-cluster scores, in ROUGE's evaluation order (by `cluster.system`).
    pub records: Vec<ClusterScores>,
    /// Clusters skipped because the system output was missing or unreadable.
    pub errors: Vec<(String, Error)>,
    /// Summary files that were transcoded (UTF-16) or do not look like text,
    /// each naming the file (see [`SummaryFile::warning`]); they were scored.
    pub warnings: Vec<String>,
}

/// Mean and confidence interval of recall, precision and F of one metric.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MetricAggregate {
    /// The metric.
    pub metric: Metric,
    /// Recall over clusters.
    pub recall: Estimate,
    /// Precision over clusters.
    pub precision: Estimate,
    /// F over clusters.
    pub f: Estimate,
}

/// A system's scores averaged over clusters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Aggregate {
    /// The system name.
    pub system: String,
    /// Number of clusters averaged.
    pub clusters: usize,
    /// One entry per metric.
    pub metrics: Vec<MetricAggregate>,
}

impl Aggregate {
    /// The aggregate of `metric`, if computed.
    pub fn get(&self, metric: Metric) -> Option<&MetricAggregate> {
        self.metrics.iter().find(|m| m.metric == metric)
    }
}

/// How per-cluster scores are averaged.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct AggregateConfig {
    /// Bootstrap settings for the confidence intervals.
    pub bootstrap: BootstrapConfig,
    /// Round per-cluster recall and precision to 5 decimals (and recompute F
    /// from them) before averaging, as ROUGE-1.5.5 does; with the default
    /// bootstrap this reproduces ROUGE's printed averages and intervals exactly.
    pub rouge_rounding: bool,
}

impl Default for AggregateConfig {
    fn default() -> Self {
        AggregateConfig {
            bootstrap: BootstrapConfig::default(),
            rouge_rounding: true,
        }
    }
}

impl SystemEvaluation {
    /// The per-cluster values of `metric`/`measure`, by cluster id.
    pub fn values(&self, metric: Metric, measure: Measure) -> Vec<(&str, f64)> {
        self.records
            .iter()
            .filter_map(|r| {
                r.scores
                    .get(metric)
                    .map(|s| (r.cluster.as_str(), s.value(measure)))
            })
            .collect()
    }

    /// Average every metric over the scored clusters, with bootstrap intervals.
    pub fn aggregate(&self, config: &AggregateConfig) -> Result<Aggregate, Error> {
        let metrics: Vec<Metric> = self
            .records
            .first()
            .map(|r| r.scores.metrics.iter().map(|m| m.metric).collect())
            .unwrap_or_default();
        let mut out = Vec::with_capacity(metrics.len());
        for metric in metrics {
            let scores: Vec<Score> = self
                .records
                .iter()
                .filter_map(|r| r.scores.get(metric))
                .map(|s| {
                    if config.rouge_rounding {
                        s.rounded_like_rouge(self.alpha)
                    } else {
                        *s
                    }
                })
                .collect();
            let r: Vec<f64> = scores.iter().map(|s| s.recall).collect();
            let p: Vec<f64> = scores.iter().map(|s| s.precision).collect();
            let f: Vec<f64> = scores.iter().map(|s| s.f).collect();
            let est = bootstrap_means(&[&r, &p, &f], &config.bootstrap)?;
            out.push(MetricAggregate {
                metric,
                recall: est[0],
                precision: est[1],
                f: est[2],
            });
        }
        Ok(Aggregate {
            system: self.system.clone(),
            clusters: self.records.len(),
            metrics: out,
        })
    }
}

/// Paired bootstrap test of "A is better than B" on `metric`/`measure`, over
/// the clusters both systems were scored on.
///
/// ```
/// use precis_rouge::*;
/// let scorer = RougeScorer::new(RougeConfig::default())?;
/// let refs = scorer.prepare_references(&["the cat sat on the mat"]);
/// let record = |system: &str, cluster: &str, text: &str| ClusterScores {
///     system: system.into(),
///     cluster: cluster.into(),
///     references: 1,
///     scores: scorer.score_prepared(text, &refs).expect("short sentences align"),
/// };
/// let eval = |name: &str, texts: [&str; 3]| SystemEvaluation {
///     system: name.into(),
///     alpha: 0.5,
///     records: texts.iter().enumerate().map(|(i, t)| record(name, &format!("c{i}"), t)).collect(),
///     errors: vec![],
///     warnings: vec![],
/// };
/// let a = eval("A", ["the cat sat", "a cat on the mat", "the cat sat on a mat"]);
/// let b = eval("B", ["a dog", "the dog ran", "cats"]);
/// let t = compare_systems(&a, &b, Metric::N(1), Measure::Recall, &BootstrapConfig::default())?;
/// assert_eq!(t.clusters, 3);
/// assert!(t.delta > 0.0);
/// # Ok::<(), precis_rouge::Error>(())
/// ```
pub fn compare_systems(
    a: &SystemEvaluation,
    b: &SystemEvaluation,
    metric: Metric,
    measure: Measure,
    config: &BootstrapConfig,
) -> Result<PairedBootstrap, Error> {
    let bv: std::collections::BTreeMap<&str, f64> = b.values(metric, measure).into_iter().collect();
    let mut pairs: Vec<(&str, f64, f64)> = a
        .values(metric, measure)
        .into_iter()
        .filter_map(|(c, x)| bv.get(c).map(|&y| (c, x, y)))
        .collect();
    pairs.sort_by(|x, y| x.0.cmp(y.0));
    let xs: Vec<f64> = pairs.iter().map(|p| p.1).collect();
    let ys: Vec<f64> = pairs.iter().map(|p| p.2).collect();
    paired_bootstrap(&xs, &ys, config)
}

impl RougeScorer {
    /// Read and count the references of every cluster of `dataset` (in
    /// parallel). Clusters whose references cannot be read are kept as errors.
    pub fn prepare_dataset(&self, dataset: &Dataset) -> PreparedDataset {
        type Prepared = (PreparedReferences, Vec<String>);
        let results: Vec<(String, Result<Prepared, Error>)> = dataset
            .clusters
            .par_iter()
            .map(|c| {
                let prepared = c.reference_files().map(|files| {
                    let refs: Vec<&[u8]> = files.iter().map(|f| f.bytes.as_slice()).collect();
                    let warnings = files.iter().filter_map(SummaryFile::warning).collect();
                    (self.prepare_references_bytes(&refs), warnings)
                });
                (c.id.clone(), prepared)
            })
            .collect();
        let mut clusters = Vec::new();
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        for (id, r) in results {
            match r {
                Ok((p, w)) => {
                    clusters.push((id, p));
                    warnings.extend(w);
                }
                Err(e) => errors.push((id, e)),
            }
        }
        PreparedDataset {
            clusters,
            errors,
            warnings,
        }
    }

    /// Score one system's outputs on every prepared cluster (in parallel).
    pub fn evaluate_system(
        &self,
        dataset: &PreparedDataset,
        system: &SystemOutputs,
    ) -> SystemEvaluation {
        self.evaluate_files(dataset, &system.name, |cluster| {
            system
                .read_file(cluster)
                .map(|file| (file.warning(), file.bytes))
        })
    }

    /// Score the summaries that `summary_of(cluster)` gives (in parallel), for
    /// systems whose outputs are in memory. An error is that cluster's error.
    pub fn evaluate_with(
        &self,
        dataset: &PreparedDataset,
        system: &str,
        summary_of: impl Fn(&str) -> Result<Vec<u8>, Error> + Sync,
    ) -> SystemEvaluation {
        self.evaluate_files(dataset, system, |cluster| {
            summary_of(cluster).map(|text| (None, text))
        })
    }

    /// [`evaluate_with`](Self::evaluate_with) for summaries that may come
    /// with a warning.
    fn evaluate_files(
        &self,
        dataset: &PreparedDataset,
        system: &str,
        summary_of: impl Fn(&str) -> Result<(Option<String>, Vec<u8>), Error> + Sync,
    ) -> SystemEvaluation {
        type Scored = (Option<String>, ClusterScores);
        let results: Vec<(String, Result<Scored, Error>)> = dataset
            .clusters
            .par_iter()
            .map(|(id, refs)| {
                let scored = summary_of(id).and_then(|(warning, text)| {
                    let scores = self.score_prepared_bytes(&text, refs).map_err(|source| {
                        Error::Scoring {
                            system: system.to_owned(),
                            cluster: id.clone(),
                            source: Box::new(source),
                        }
                    })?;
                    let record = ClusterScores {
                        system: system.to_owned(),
                        cluster: id.clone(),
                        references: refs.len(),
                        scores,
                    };
                    Ok((warning, record))
                });
                (id.clone(), scored)
            })
            .collect();
        let mut records = Vec::new();
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        for (id, r) in results {
            match r {
                Ok((warning, s)) => {
                    records.push(s);
                    warnings.extend(warning);
                }
                Err(e) => errors.push((id, e)),
            }
        }
        // ROUGE orders evaluations by the string "<eval id>.<system>".
        records.sort_by_cached_key(|r| format!("{}.{}", r.cluster, r.system).into_bytes());
        SystemEvaluation {
            system: system.to_owned(),
            alpha: self.config().alpha,
            records,
            errors,
            warnings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RougeConfig;
    use std::fs;

    fn write(path: &Path, text: &str) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    #[test]
    fn loads_clusters_and_reports_per_item_errors() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("ds");
        write(&root.join("c1/docs/a.txt"), "The cat sat on the mat.");
        write(&root.join("c1/refs/A.txt"), "The cat sat.");
        write(&root.join("c1/refs/B.txt"), "A cat was on the mat.");
        write(&root.join("c2/docs/a.txt"), "Dogs bark.");
        write(&root.join("c2/refs/A.txt"), "Dogs bark loudly.");
        write(&root.join("c3/docs/a.txt"), "No references here.");
        write(&root.join("_baselines/x/c1.txt"), "not a cluster");
        write(&root.join("README.txt"), "not a cluster either");
        let ds = Dataset::open(&root).unwrap();
        let ids: Vec<&str> = ds.clusters.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c1", "c2", "c3"]);
        assert_eq!(ds.clusters[0].read_documents().unwrap().len(), 1);

        let sysdir = tmp.path().join("systems");
        write(&sysdir.join("good/c1.txt"), "The cat sat on the mat.");
        write(&sysdir.join("good/c2.txt"), "Dogs bark.");
        write(&sysdir.join("partial/c1.txt"), "A cat.");
        let systems = list_systems(&sysdir).unwrap();
        assert_eq!(systems.len(), 2);

        let scorer = RougeScorer::new(RougeConfig::default()).unwrap();
        let prepared = scorer.prepare_dataset(&ds);
        assert_eq!(prepared.clusters().count(), 2);
        assert_eq!(prepared.errors().len(), 1);
        let msg = prepared.errors()[0].1.to_string();
        assert!(msg.contains("c3") && msg.contains("refs"), "{msg}");

        let good = scorer.evaluate_system(&prepared, &systems[0]);
        assert_eq!(good.records.len(), 2);
        assert!(good.errors.is_empty());
        let partial = scorer.evaluate_system(&prepared, &systems[1]);
        assert_eq!(partial.records.len(), 1);
        let msg = partial.errors[0].1.to_string();
        assert!(msg.contains("partial") && msg.contains("c2.txt"), "{msg}");

        let agg = good.aggregate(&AggregateConfig::default()).unwrap();
        assert_eq!(agg.clusters, 2);
        let r1 = agg.get(Metric::N(1)).unwrap();
        assert!(r1.recall.ci_low <= r1.recall.mean && r1.recall.mean <= r1.recall.ci_high);
        let json = serde_json::to_string(&good.records[0]).unwrap();
        assert!(json.contains("\"metric\":\"ROUGE-1\""), "{json}");
        let back: ClusterScores = serde_json::from_str(&json).unwrap();
        // (serde_json's default float parsing may differ in the last bit.)
        assert_eq!(back.cluster, good.records[0].cluster);
        assert_eq!(
            back.scores.rouge_n(2).map(|s| s.hits),
            good.records[0].scores.rouge_n(2).map(|s| s.hits)
        );

        let t = compare_systems(
            &good,
            &partial,
            Metric::N(1),
            Measure::Recall,
            &BootstrapConfig::default(),
        )
        .unwrap();
        assert_eq!(t.clusters, 1);
    }

    #[test]
    fn utf16_files_score_as_their_text_with_warnings() {
        let utf16le = |text: &str| -> Vec<u8> {
            [0xFEFF]
                .into_iter()
                .chain(text.encode_utf16())
                .flat_map(u16::to_le_bytes)
                .collect()
        };
        let reference = "The cat sat on the mat.\nIt was a sunny day.\n";
        let summary = "A cat sat on a mat on a sunny day.\n";
        let score = |encode: &dyn Fn(&str) -> Vec<u8>| {
            let tmp = tempfile::tempdir().unwrap();
            let refs = tmp.path().join("ds/c1/refs");
            fs::create_dir_all(&refs).unwrap();
            fs::write(refs.join("A.txt"), encode(reference)).unwrap();
            let mine = tmp.path().join("sys/mine");
            fs::create_dir_all(&mine).unwrap();
            fs::write(mine.join("c1.txt"), encode(summary)).unwrap();
            let scorer = RougeScorer::new(RougeConfig::default()).unwrap();
            let dataset = Dataset::open(tmp.path().join("ds")).unwrap();
            let prepared = scorer.prepare_dataset(&dataset);
            let systems = list_systems(tmp.path().join("sys")).unwrap();
            let evaluation = scorer.evaluate_system(&prepared, &systems[0]);
            let share = dataset.reference_non_ascii_share();
            (evaluation, prepared.warnings().to_vec(), share)
        };
        let (utf8, no_warnings, share8) = score(&|t| t.as_bytes().to_vec());
        assert!(no_warnings.is_empty() && utf8.warnings.is_empty());
        let (utf16, reference_warnings, share16) = score(&utf16le);
        assert_eq!(utf16.records[0].scores, utf8.records[0].scores);
        assert_eq!(share16, share8);
        assert!(
            reference_warnings[0].contains("A.txt: decoded from UTF-16LE"),
            "{reference_warnings:?}"
        );
        assert!(
            utf16.warnings[0].contains("c1.txt: decoded from UTF-16LE"),
            "{:?}",
            utf16.warnings
        );
    }

    #[test]
    fn missing_folders_are_errors_with_paths() {
        let tmp = tempfile::tempdir().unwrap();
        let missing = tmp.path().join("nope");
        let e = Dataset::open(&missing).unwrap_err().to_string();
        assert!(e.contains("nope"), "{e}");
        let e = Dataset::open(tmp.path()).unwrap_err().to_string();
        assert!(e.contains("no clusters"), "{e}");
        assert!(list_systems(&missing).is_err());
    }
}
