//! ROUGE-N, ROUGE-L and ROUGE-S/SU scoring, as ROUGE-1.5.5 computes them.

use crate::error::Error;
use crate::morph::normalise;
use crate::text::{
    push_tokens, spl_lines, truncate_flat, truncate_sentences, Tokenize, Truncation,
};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How scores against several references are pooled (ROUGE `-f`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Pooling {
    /// `-f A`, "model average": hits and counts are summed over all references,
    /// then recall = total hits / total reference n-grams and precision = total
    /// hits / (number of references x system n-grams).
    ModelAverage,
    /// `-f B`, "best model": only the reference with the highest recall (rounded
    /// to 5 decimals for ROUGE-N/S as ROUGE does; the first one on ties) counts.
    BestModel,
}

/// Skip-bigram settings (ROUGE `-2 max_gap`, with `-u` for `unigrams`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkipBigram {
    /// Maximum number of words skipped between the two words of a pair; `None`
    /// means unlimited (ROUGE `-2 -1`).
    pub max_gap: Option<usize>,
    /// Also count unigrams (ROUGE `-u`, giving ROUGE-SU). As in ROUGE-1.5.5, the
    /// last token of a summary contributes no unigram.
    pub unigrams: bool,
}

impl SkipBigram {
    /// ROUGE-SU4: gap up to 4 plus unigrams (`-2 4 -u`).
    pub const SU4: SkipBigram = SkipBigram {
        max_gap: Some(4),
        unigrams: true,
    };
}

/// The highest ROUGE-N a scorer computes ([`RougeConfig::max_n`]).
///
/// Published ROUGE-1.5.5 scores stop at ROUGE-4, and hardly any 9-gram of a
/// summary recurs in its references unless copied whole; each n counts a
/// further table of n-grams for every summary, so a larger n (a typo, or
/// `usize::MAX`, which could not even be allocated) is refused.
pub const MAX_N: usize = 9;

/// Settings of a ROUGE evaluation. The default matches the settings of the
/// published DUC 2004 results: `-n 4 -m -l 100 -f A -p 0.5`, stop words kept,
/// plus ROUGE-L and ROUGE-SU4 (which do not change ROUGE-N).
///
/// ```
/// use precis_rouge::{RougeConfig, Truncation};
/// let c = RougeConfig::default();
/// assert_eq!(c.max_n, 4);
/// assert_eq!(c.truncation, Truncation::Words(100));
/// assert_eq!(c.rouge_flags(), "-n 4 -m -l 100 -f A -p 0.5 -2 4 -u");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RougeConfig {
    /// Compute ROUGE-1 .. ROUGE-`max_n` (`-n`); 0 computes no ROUGE-N; at most
    /// [`MAX_N`].
    pub max_n: usize,
    /// Stem with WordNet exceptions and Porter (`-m`).
    pub stemming: bool,
    /// Remove ROUGE's SMART stop words (`-s`).
    pub remove_stopwords: bool,
    /// Length limit applied to system and reference summaries (`-l` / `-b`).
    pub truncation: Truncation,
    /// Multi-reference pooling (`-f`).
    pub pooling: Pooling,
    /// F-measure weight (`-p`): F = PR / ((1 - alpha) P + alpha R); 0.5 is F1.
    pub alpha: f64,
    /// Compute summary-level union-LCS ROUGE-L (ROUGE's default; `-x` disables).
    pub rouge_l: bool,
    /// Compute skip-bigram ROUGE-S / ROUGE-SU (`-2`, `-u`).
    pub skip_bigram: Option<SkipBigram>,
    /// How words are found: ROUGE-1.5.5's ASCII runs (the default) or
    /// Unicode words. With [`Tokenize::Unicode`], stemming applies to words
    /// of ASCII letters only (the stemmer is English).
    pub tokenize: Tokenize,
}

impl Default for RougeConfig {
    fn default() -> Self {
        RougeConfig {
            max_n: 4,
            stemming: true,
            remove_stopwords: false,
            truncation: Truncation::Words(100),
            pooling: Pooling::ModelAverage,
            alpha: 0.5,
            rouge_l: true,
            skip_bigram: Some(SkipBigram::SU4),
            tokenize: Tokenize::Ascii,
        }
    }
}

impl RougeConfig {
    /// Check the values are in range (alpha within 0..=1, `max_n` at most [`MAX_N`]).
    pub fn validate(&self) -> Result<(), Error> {
        if self.max_n > MAX_N {
            return Err(Error::InvalidConfig(format!(
                "max_n (ROUGE -n) must be at most {MAX_N}, got {}",
                self.max_n
            )));
        }
        if !(0.0..=1.0).contains(&self.alpha) {
            return Err(Error::InvalidConfig(format!(
                "alpha must be between 0 and 1, got {}",
                self.alpha
            )));
        }
        Ok(())
    }

    /// Build a configuration from ROUGE-1.5.5 command-line options, starting
    /// from ROUGE's own defaults (no ROUGE-N, ROUGE-L on, no stemming, no
    /// limit, `-f A`, alpha 0.5). Understood: `-n N -m -s -l N -b N -f A|B
    /// -p A -x -2 G -u`; options that do not affect per-summary scores (`-a -c
    /// -r -d -t 0 -e`) are accepted and ignored.
    ///
    /// ```
    /// use precis_rouge::{Pooling, RougeConfig, Truncation};
    /// let c = RougeConfig::from_rouge_args("-n 2 -m -b 665 -f B -2 4 -u")?;
    /// assert_eq!((c.max_n, c.stemming, c.pooling), (2, true, Pooling::BestModel));
    /// assert_eq!(c.truncation, Truncation::Bytes(665));
    /// assert_eq!(c.rouge_flags(), "-n 2 -m -b 665 -f B -p 0.5 -2 4 -u");
    /// # Ok::<(), precis_rouge::Error>(())
    /// ```
    pub fn from_rouge_args(args: &str) -> Result<RougeConfig, Error> {
        let mut c = RougeConfig {
            max_n: 0,
            stemming: false,
            remove_stopwords: false,
            truncation: Truncation::None,
            pooling: Pooling::ModelAverage,
            alpha: 0.5,
            rouge_l: true,
            skip_bigram: None,
            tokenize: Tokenize::Ascii,
        };
        let mut gap: Option<i64> = None;
        let mut unigrams = false;
        let mut it = args.split_whitespace();
        let bad = |msg: String| Error::InvalidConfig(msg);
        while let Some(opt) = it.next() {
            let mut value = |name: &str| {
                it.next()
                    .ok_or_else(|| bad(format!("option {name} needs a value")))
            };
            match opt {
                "-n" => {
                    let v = value("-n")?;
                    c.max_n = v.parse().map_err(|_| bad(format!("bad -n value {v:?}")))?;
                }
                "-m" => c.stemming = true,
                "-s" => c.remove_stopwords = true,
                "-x" => c.rouge_l = false,
                "-u" => unigrams = true,
                "-l" | "-b" => {
                    if c.truncation != Truncation::None {
                        return Err(bad("use -l or -b, not both".into()));
                    }
                    let v = value(opt)?;
                    let n: usize = v
                        .parse()
                        .map_err(|_| bad(format!("bad {opt} value {v:?}")))?;
                    c.truncation = if opt == "-l" {
                        Truncation::Words(n)
                    } else {
                        Truncation::Bytes(n)
                    };
                }
                "-f" => {
                    c.pooling = match value("-f")? {
                        "A" | "a" => Pooling::ModelAverage,
                        "B" | "b" => Pooling::BestModel,
                        v => return Err(bad(format!("bad -f value {v:?}"))),
                    }
                }
                "-p" => {
                    let v = value("-p")?;
                    c.alpha = v.parse().map_err(|_| bad(format!("bad -p value {v:?}")))?;
                }
                "-2" => {
                    let v = value("-2")?;
                    gap = Some(v.parse().map_err(|_| bad(format!("bad -2 value {v:?}")))?);
                }
                "-c" | "-r" | "-t" | "-e" => {
                    value(opt)?;
                }
                "-a" | "-d" => {}
                other => return Err(bad(format!("unsupported ROUGE option {other:?}"))),
            }
        }
        if let Some(g) = gap {
            c.skip_bigram = Some(SkipBigram {
                max_gap: usize::try_from(g).ok(),
                unigrams,
            });
        }
        c.validate()?;
        Ok(c)
    }

    /// The equivalent ROUGE-1.5.5 command-line options, for reports.
    pub fn rouge_flags(&self) -> String {
        let mut f = Vec::new();
        if self.max_n > 0 {
            f.push(format!("-n {}", self.max_n));
        }
        if !self.rouge_l {
            f.push("-x".to_string());
        }
        if self.stemming {
            f.push("-m".to_string());
        }
        if self.remove_stopwords {
            f.push("-s".to_string());
        }
        match self.truncation {
            Truncation::Words(n) if n > 0 => f.push(format!("-l {n}")),
            Truncation::Bytes(n) if n > 0 => f.push(format!("-b {n}")),
            _ => {}
        }
        f.push(match self.pooling {
            Pooling::ModelAverage => "-f A".to_string(),
            Pooling::BestModel => "-f B".to_string(),
        });
        f.push(format!("-p {}", self.alpha));
        if let Some(s) = self.skip_bigram {
            match s.max_gap {
                Some(g) => f.push(format!("-2 {g}")),
                None => f.push("-2 -1".to_string()),
            }
            if s.unigrams {
                f.push("-u".to_string());
            }
        }
        if self.tokenize != Tokenize::Ascii {
            // Not a ROUGE-1.5.5 option: this crate's own, named as on precis's command line.
            f.push(format!("--tokenize {}", self.tokenize.name()));
        }
        f.join(" ")
    }

    /// The metrics this configuration computes, in report order.
    pub fn metrics(&self) -> Vec<Metric> {
        let mut m: Vec<Metric> = (1..=self.max_n).map(Metric::N).collect();
        if self.rouge_l {
            m.push(Metric::L);
        }
        if let Some(s) = self.skip_bigram {
            m.push(Metric::S(s));
        }
        m
    }
}

/// One ROUGE measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// ROUGE-N for the given n.
    N(usize),
    /// ROUGE-L (summary-level union LCS).
    L,
    /// ROUGE-S / ROUGE-SU with the given settings.
    S(SkipBigram),
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Metric::N(n) => write!(f, "ROUGE-{n}"),
            Metric::L => write!(f, "ROUGE-L"),
            Metric::S(s) => {
                let u = if s.unigrams { "U" } else { "" };
                match s.max_gap {
                    Some(g) => write!(f, "ROUGE-S{u}{g}"),
                    None => write!(f, "ROUGE-S{u}*"),
                }
            }
        }
    }
}

impl FromStr for Metric {
    type Err = Error;

    /// Parse `ROUGE-2`, `ROUGE-L`, `ROUGE-SU4`, `ROUGE-S*` (case-insensitive;
    /// the `ROUGE-` prefix is optional).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let up = s.trim().to_ascii_uppercase();
        let body = up.strip_prefix("ROUGE-").unwrap_or(&up);
        let bad = || Error::InvalidConfig(format!("unknown ROUGE metric {s:?}"));
        if body == "L" {
            return Ok(Metric::L);
        }
        if let Some(rest) = body.strip_prefix('S') {
            let (unigrams, gap) = match rest.strip_prefix('U') {
                Some(g) => (true, g),
                None => (false, rest),
            };
            let max_gap = if gap == "*" {
                None
            } else {
                Some(gap.parse::<usize>().map_err(|_| bad())?)
            };
            return Ok(Metric::S(SkipBigram { max_gap, unigrams }));
        }
        match body.parse::<usize>() {
            Ok(n) if n > 0 => Ok(Metric::N(n)),
            _ => Err(bad()),
        }
    }
}

impl Serialize for Metric {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Metric {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Recall, precision and F of one metric, with the counts behind them.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Score {
    /// hits / reference_total (0 when there is nothing to recall).
    pub recall: f64,
    /// hits / system_total (0 when the system summary is empty).
    pub precision: f64,
    /// PR / ((1 - alpha) P + alpha R), 0 when P and R are both 0.
    pub f: f64,
    /// Matching units (clipped n-gram counts, or union-LCS words for ROUGE-L).
    pub hits: u64,
    /// Units in the pooled reference(s).
    pub reference_total: u64,
    /// Units in the system summary, times the number of references under model
    /// averaging (as ROUGE counts them).
    pub system_total: u64,
}

impl Score {
    fn from_counts(c: Counts, alpha: f64) -> Score {
        let recall = ratio(c.hits, c.reference_total);
        let precision = ratio(c.hits, c.system_total);
        Score {
            recall,
            precision,
            f: f_measure(precision, recall, alpha),
            hits: c.hits,
            reference_total: c.reference_total,
            system_total: c.system_total,
        }
    }

    /// This score as ROUGE-1.5.5 prints and averages it: recall and precision
    /// rounded to 5 decimals, F computed from the rounded values and rounded.
    pub fn rounded_like_rouge(&self, alpha: f64) -> Score {
        let recall = round5(self.recall);
        let precision = round5(self.precision);
        Score {
            recall,
            precision,
            f: round5(f_measure(precision, recall, alpha)),
            ..*self
        }
    }
}

/// A score tagged with its metric.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MetricScore {
    /// Which metric, e.g. `ROUGE-2`.
    pub metric: Metric,
    /// Its values.
    #[serde(flatten)]
    pub score: Score,
}

/// All scores of one system summary against its references.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Scores {
    /// One entry per configured metric, in [`RougeConfig::metrics`] order.
    pub metrics: Vec<MetricScore>,
}

impl Scores {
    /// The score of `metric`, if it was computed.
    pub fn get(&self, metric: Metric) -> Option<&Score> {
        self.metrics
            .iter()
            .find(|m| m.metric == metric)
            .map(|m| &m.score)
    }

    /// ROUGE-`n`, if computed.
    pub fn rouge_n(&self, n: usize) -> Option<&Score> {
        self.get(Metric::N(n))
    }

    /// ROUGE-L, if computed.
    pub fn rouge_l(&self) -> Option<&Score> {
        self.get(Metric::L)
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f_measure(p: f64, r: f64, alpha: f64) -> f64 {
    let d = (1.0 - alpha) * p + alpha * r;
    if d > 0.0 {
        p * r / d
    } else {
        0.0
    }
}

/// Perl's `sprintf("%.5f", x)` read back as a number.
pub(crate) fn round5(x: f64) -> f64 {
    format!("{x:.5}").parse().unwrap_or(x)
}

#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    hits: u64,
    reference_total: u64,
    system_total: u64,
}

/// Pool per-reference counts; `select` is the per-reference value `-f B` maximises.
fn pool(per_ref: &[(Counts, f64)], pooling: Pooling) -> Counts {
    match pooling {
        Pooling::ModelAverage => per_ref
            .iter()
            .fold(Counts::default(), |acc, (c, _)| Counts {
                hits: acc.hits + c.hits,
                reference_total: acc.reference_total + c.reference_total,
                system_total: acc.system_total + c.system_total,
            }),
        Pooling::BestModel => {
            let mut best = -1.0;
            let mut chosen = Counts::default();
            for (c, s) in per_ref {
                if *s > best {
                    best = *s;
                    chosen = *c;
                }
            }
            chosen
        }
    }
}

/// Token id of system tokens absent from every reference.
const UNKNOWN: u32 = u32::MAX;
/// Second half of the key of a skip-"bigram" that is really a unigram (`-u`).
const UNIGRAM_MARK: u32 = u32::MAX - 1;

/// Tokens of one summary as ROUGE sees them.
struct Tokens {
    /// The flat token sequence (`readText`): ROUGE-N, ROUGE-S, ROUGE-L clipping.
    flat: Vec<String>,
    /// Tokens per sentence (`readText_LCS`), only when ROUGE-L is computed.
    sentences: Vec<Vec<String>>,
}

/// A reference summary, with its counts precomputed.
#[derive(Debug, Clone)]
struct PreparedRef {
    /// n-gram counts for n = 1..=max_n (index n - 1), by n-gram id (see
    /// [`PreparedReferences::grams`]), and their totals.
    ngrams: Vec<(FxHashMap<u32, u32>, u64)>,
    /// Unigram counts of the flat text (ROUGE-L clipping).
    unigrams: FxHashMap<u32, i64>,
    /// Sentences for ROUGE-L, and their total length.
    sentences: Vec<Vec<u32>>,
    lcs_base: u64,
    /// Skip-bigram counts and total.
    skip: FxHashMap<u64, u32>,
    skip_total: u64,
}

/// Reference summaries of one cluster, tokenised and counted once, to score
/// many system summaries against. Build with [`RougeScorer::prepare_references`]
/// and score with a scorer of the same configuration (with another one the
/// results are meaningless, though never a panic).
#[derive(Debug, Clone)]
pub struct PreparedReferences {
    vocab: FxHashMap<String, u32>,
    /// The ids of the references' n-grams for n >= 2 (index n - 2), keyed by
    /// the id of their first n - 1 words and the id of their last word: an
    /// n-gram is one number, found without building a key (a unigram's id is
    /// its word's).
    grams: Vec<FxHashMap<(u32, u32), u32>>,
    refs: Vec<PreparedRef>,
}

impl PreparedReferences {
    /// Number of references.
    pub fn len(&self) -> usize {
        self.refs.len()
    }

    /// True when there are no references (every score is then 0).
    pub fn is_empty(&self) -> bool {
        self.refs.is_empty()
    }
}

/// Scores summaries with ROUGE-1.5.5's exact procedure.
///
/// ```
/// use precis_rouge::{RougeConfig, RougeScorer, Truncation};
/// let scorer = RougeScorer::new(RougeConfig {
///     truncation: Truncation::None,
///     ..RougeConfig::default()
/// })?;
/// let s = scorer.score(
///     "The police killed the gunman.",
///     &["Police killed the gunman.", "The gunman was shot by police."],
/// )?;
/// let r1 = s.rouge_n(1).unwrap();
/// // A: 4 of 4 unigrams; B: "the", "gunman", "police" of 6 -> (4 + 3) / (4 + 6)
/// assert_eq!((r1.hits, r1.reference_total), (7, 10));
/// assert!((r1.recall - 0.7).abs() < 1e-12);
/// # Ok::<(), precis_rouge::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct RougeScorer {
    config: RougeConfig,
}

impl RougeScorer {
    /// A scorer for `config` (validated).
    pub fn new(config: RougeConfig) -> Result<Self, Error> {
        config.validate()?;
        Ok(RougeScorer { config })
    }

    /// The configuration in use.
    pub fn config(&self) -> &RougeConfig {
        &self.config
    }

    /// The tokens ROUGE-N counts for `text` under this configuration: truncated,
    /// cleaned, stop words removed (`-s`) and stemmed (`-m`) as configured.
    ///
    /// ```
    /// use precis_rouge::{RougeConfig, RougeScorer};
    /// let scorer = RougeScorer::new(RougeConfig::default())?;
    /// assert_eq!(scorer.tokens("He said the talks failed."), ["he", "say", "the", "talk", "fail"]);
    /// # Ok::<(), precis_rouge::Error>(())
    /// ```
    pub fn tokens(&self, text: &str) -> Vec<String> {
        self.tokenize(text.as_bytes(), false).flat
    }

    fn tokenize(&self, text: &[u8], with_sentences: bool) -> Tokens {
        let c = &self.config;
        let lines = spl_lines(text);
        let mut flat = Vec::new();
        for piece in truncate_flat(&lines, c.truncation) {
            push_tokens(piece, c.tokenize, &mut flat);
        }
        let flat = normalise(flat, c.remove_stopwords, c.stemming);
        let sentences = if with_sentences {
            truncate_sentences(&lines, c.truncation)
                .into_iter()
                .map(|piece| {
                    let mut t = Vec::new();
                    push_tokens(piece, c.tokenize, &mut t);
                    normalise(t, c.remove_stopwords, c.stemming)
                })
                .collect()
        } else {
            Vec::new()
        };
        Tokens { flat, sentences }
    }

    /// Tokenise and count reference summaries once, for repeated scoring.
    pub fn prepare_references(&self, references: &[&str]) -> PreparedReferences {
        let bytes: Vec<&[u8]> = references.iter().map(|r| r.as_bytes()).collect();
        self.prepare_references_bytes(&bytes)
    }

    /// [`prepare_references`](Self::prepare_references) on raw file contents
    /// (ROUGE works on bytes; invalid UTF-8 is treated like any other non-word byte).
    pub fn prepare_references_bytes(&self, references: &[&[u8]]) -> PreparedReferences {
        let mut vocab: FxHashMap<String, u32> = FxHashMap::default();
        let mut intern = |tok: String| -> u32 {
            let next = vocab.len() as u32;
            *vocab.entry(tok).or_insert(next)
        };
        let mut refs = Vec::with_capacity(references.len());
        let mut grams = vec![FxHashMap::default(); self.config.max_n.saturating_sub(1)];
        for text in references {
            let toks = self.tokenize(text, self.config.rouge_l);
            let flat: Vec<u32> = toks.flat.into_iter().map(&mut intern).collect();
            let sentences: Vec<Vec<u32>> = toks
                .sentences
                .into_iter()
                .map(|s| s.into_iter().map(&mut intern).collect())
                .collect();
            let mut ngrams = Vec::with_capacity(self.config.max_n);
            let mut ids = flat.clone();
            for n in 1..=self.config.max_n {
                if n > 1 {
                    let table = &mut grams[n - 2];
                    ids = (0..ids.len().saturating_sub(1))
                        .map(|i| {
                            let next = table.len() as u32;
                            *table.entry((ids[i], flat[i + n - 1])).or_insert(next)
                        })
                        .collect();
                }
                let mut m: FxHashMap<u32, u32> = FxHashMap::default();
                for &g in &ids {
                    *m.entry(g).or_insert(0) += 1;
                }
                ngrams.push((m, ids.len() as u64));
            }
            let (skip, skip_total) = match self.config.skip_bigram {
                Some(sb) => {
                    let mut m: FxHashMap<u64, u32> = FxHashMap::default();
                    let total = skip_grams(&flat, sb, |k| *m.entry(k).or_insert(0) += 1);
                    (m, total)
                }
                None => (FxHashMap::default(), 0),
            };
            let lcs_base = sentences.iter().map(|s| s.len() as u64).sum();
            refs.push(PreparedRef {
                ngrams,
                unigrams: unigram_counts(&flat),
                sentences,
                lcs_base,
                skip,
                skip_total,
            });
        }
        PreparedReferences { vocab, grams, refs }
    }

    /// Score a system summary against `references`.
    pub fn score(&self, system: &str, references: &[&str]) -> Result<Scores, Error> {
        self.score_prepared(system, &self.prepare_references(references))
    }

    /// Score a system summary against prepared references.
    pub fn score_prepared(
        &self,
        system: &str,
        references: &PreparedReferences,
    ) -> Result<Scores, Error> {
        self.score_prepared_bytes(system.as_bytes(), references)
    }

    /// [`score_prepared`](Self::score_prepared) on raw file contents.
    pub fn score_prepared_bytes(
        &self,
        system: &[u8],
        references: &PreparedReferences,
    ) -> Result<Scores, Error> {
        let c = &self.config;
        let toks = self.tokenize(system, c.rouge_l);
        let id = |t: &String| references.vocab.get(t).copied().unwrap_or(UNKNOWN);
        let flat: Vec<u32> = toks.flat.iter().map(id).collect();
        let mut metrics = Vec::new();

        // The ids of the summary's n-grams, level by level; an n-gram no
        // reference has is UNKNOWN (it can hit nothing).
        let mut ids = flat.clone();
        for n in 1..=c.max_n {
            if n > 1 {
                let table = references.grams.get(n - 2);
                ids = (0..ids.len().saturating_sub(1))
                    .map(|i| match table {
                        Some(t) if ids[i] != UNKNOWN && flat[i + n - 1] != UNKNOWN => t
                            .get(&(ids[i], flat[i + n - 1]))
                            .copied()
                            .unwrap_or(UNKNOWN),
                        _ => UNKNOWN,
                    })
                    .collect();
            }
            let sys_total = ids.len() as u64;
            let mut sys: FxHashMap<u32, u32> = FxHashMap::default();
            for &g in ids.iter().filter(|&&g| g != UNKNOWN) {
                *sys.entry(g).or_insert(0) += 1;
            }
            let per_ref: Vec<(Counts, f64)> = references
                .refs
                .iter()
                .map(|r| {
                    // (References prepared by a scorer with a smaller max_n have
                    // no counts for this n: they score 0 rather than panic.)
                    let (hits, ref_total) = match r.ngrams.get(n - 1) {
                        Some((ref_counts, total)) => (
                            sys.iter()
                                .filter_map(|(g, &cs)| {
                                    ref_counts.get(g).map(|&cr| cs.min(cr) as u64)
                                })
                                .sum(),
                            *total,
                        ),
                        None => (0, 0),
                    };
                    let counts = Counts {
                        hits,
                        reference_total: ref_total,
                        system_total: sys_total,
                    };
                    (counts, round5(ratio(hits, ref_total)))
                })
                .collect();
            metrics.push(MetricScore {
                metric: Metric::N(n),
                score: Score::from_counts(pool(&per_ref, c.pooling), c.alpha),
            });
        }

        if c.rouge_l {
            let sentences: Vec<Vec<u32>> = toks
                .sentences
                .iter()
                .map(|s| s.iter().map(id).collect())
                .collect();
            let longest_system = sentences.iter().map(Vec::len).max().unwrap_or(0);
            let longest_reference = references
                .refs
                .iter()
                .flat_map(|r| r.sentences.iter().map(Vec::len))
                .max()
                .unwrap_or(0);
            if longest_system.saturating_mul(longest_reference) > LCS_MAX_WORD_PAIRS {
                return Err(Error::SentencesTooLong {
                    reference_words: longest_reference,
                    system_words: longest_system,
                    limit: LCS_MAX_WORD_PAIRS,
                });
            }
            let sys_unigrams = unigram_counts(&flat);
            let sys_total = flat.len() as u64;
            let per_ref: Vec<(Counts, f64)> = references
                .refs
                .iter()
                .map(|r| {
                    let hits = union_lcs_hits(&r.sentences, &sentences, &r.unigrams, &sys_unigrams);
                    let counts = Counts {
                        hits,
                        reference_total: r.lcs_base,
                        system_total: sys_total,
                    };
                    (counts, ratio(hits, r.lcs_base))
                })
                .collect();
            metrics.push(MetricScore {
                metric: Metric::L,
                score: Score::from_counts(pool(&per_ref, c.pooling), c.alpha),
            });
        }

        if let Some(sb) = c.skip_bigram {
            let mut sys: FxHashMap<u64, u32> = FxHashMap::default();
            let sys_total = skip_grams(&flat, sb, |k| {
                let hi = (k >> 32) as u32;
                let lo = k as u32;
                if hi != UNKNOWN && lo != UNKNOWN {
                    *sys.entry(k).or_insert(0) += 1;
                }
            });
            let per_ref: Vec<(Counts, f64)> = references
                .refs
                .iter()
                .map(|r| {
                    let hits: u64 = sys
                        .iter()
                        .filter_map(|(k, &cs)| r.skip.get(k).map(|&cr| cs.min(cr) as u64))
                        .sum();
                    let counts = Counts {
                        hits,
                        reference_total: r.skip_total,
                        system_total: sys_total,
                    };
                    (counts, round5(ratio(hits, r.skip_total)))
                })
                .collect();
            metrics.push(MetricScore {
                metric: Metric::S(sb),
                score: Score::from_counts(pool(&per_ref, c.pooling), c.alpha),
            });
        }
        Ok(Scores { metrics })
    }
}

fn unigram_counts(flat: &[u32]) -> FxHashMap<u32, i64> {
    let mut m = FxHashMap::default();
    for &t in flat {
        *m.entry(t).or_insert(0) += 1;
    }
    m
}

/// Enumerate ROUGE-1.5.5's skip-bigram keys of a token sequence, returning their
/// number. For every token but the last: its unigram (with `-u`), then its pairs
/// with the following tokens up to `max_gap` words apart.
fn skip_grams(tokens: &[u32], sb: SkipBigram, mut emit: impl FnMut(u64)) -> u64 {
    let key = |a: u32, b: u32| ((a as u64) << 32) | b as u64;
    let mut count = 0;
    let n = tokens.len();
    for i in 0..n.saturating_sub(1) {
        if sb.unigrams {
            emit(key(tokens[i], UNIGRAM_MARK));
            count += 1;
        }
        let last = match sb.max_gap {
            Some(g) => (i + g + 1).min(n - 1),
            None => n - 1,
        };
        for j in i + 1..=last {
            emit(key(tokens[i], tokens[j]));
            count += 1;
        }
    }
    count
}

/// ROUGE-1.5.5's summary-level union-LCS hit count of a system summary against
/// one reference: for each reference sentence, mark the reference words on the
/// LCS with each system sentence (ROUGE's backtracking, ties going up), then
/// count each marked word once, clipped by the words' remaining unigram counts
/// in both summaries.
fn union_lcs_hits(
    reference: &[Vec<u32>],
    system: &[Vec<u32>],
    ref_unigrams: &FxHashMap<u32, i64>,
    sys_unigrams: &FxHashMap<u32, i64>,
) -> u64 {
    let mut ref_left = ref_unigrams.clone();
    let mut sys_left = sys_unigrams.clone();
    let mut hits = 0;
    let mut mask = Vec::new();
    let mut scratch = LcsScratch::default();
    for r in reference {
        mask.clear();
        mask.resize(r.len(), false);
        for s in system {
            mark_lcs_with(r, s, &mut mask, &mut scratch);
        }
        for (tok, _) in r.iter().zip(&mask).filter(|(_, &m)| m) {
            let (Some(a), Some(b)) = (ref_left.get_mut(tok), sys_left.get_mut(tok)) else {
                continue;
            };
            if *a > 0 && *b > 0 {
                hits += 1;
                *a -= 1;
                *b -= 1;
            }
        }
    }
    hits
}

/// The most word pairs (reference sentence words x system sentence words)
/// ROUGE-L aligns: its table holds one cell per pair (2 bits each here, 64
/// MiB at the limit). Sentences of 16,000 words each fit.
pub const LCS_MAX_WORD_PAIRS: usize = 1 << 28;

/// [`mark_lcs_with`] with tables of its own.
#[cfg(test)]
fn mark_lcs(model: &[u32], peer: &[u32], mask: &mut [bool]) {
    mark_lcs_with(model, peer, mask, &mut LcsScratch::default());
}

/// The tables of [`mark_lcs_with`], kept from one sentence pair to the next
/// (a summary aligns every reference sentence with every one of its own).
#[derive(Default)]
struct LcsScratch {
    directions: Vec<u8>,
    above: Vec<u32>,
    row: Vec<u32>,
}

/// Mark in `mask` the positions of `model` on one LCS with `peer`, chosen the
/// way ROUGE's `lcs_inner`/`markLCS` do (equal words go diagonal, otherwise up
/// when `c[i-1][j] >= c[i][j-1]`, else left). Lengths are only kept for two
/// rows; the directions, all the backtrack needs, are packed 4 to a byte. The
/// tables live in `scratch`, reused from one call to the next.
fn mark_lcs_with(model: &[u32], peer: &[u32], mask: &mut [bool], scratch: &mut LcsScratch) {
    let (m, n) = (model.len(), peer.len());
    if m == 0 || n == 0 {
        return;
    }
    const DIAG: u8 = 1;
    const UP: u8 = 2;
    const LEFT: u8 = 3;
    let w = n + 1;
    let LcsScratch {
        directions,
        above,
        row,
    } = scratch;
    directions.clear();
    directions.resize(((m + 1) * w).div_ceil(4), 0);
    let set = |directions: &mut [u8], cell: usize, d: u8| {
        directions[cell / 4] |= d << (2 * (cell % 4));
    };
    let get = |directions: &[u8], cell: usize| (directions[cell / 4] >> (2 * (cell % 4))) & 3;
    above.clear();
    above.resize(w, 0);
    row.clear();
    row.resize(w, 0);
    for i in 1..=m {
        row[0] = 0;
        for j in 1..=n {
            let cell = i * w + j;
            if model[i - 1] == peer[j - 1] {
                row[j] = above[j - 1] + 1;
                set(directions, cell, DIAG);
            } else if above[j] >= row[j - 1] {
                row[j] = above[j];
                set(directions, cell, UP);
            } else {
                row[j] = row[j - 1];
                set(directions, cell, LEFT);
            }
        }
        std::mem::swap(above, row);
    }
    let (mut i, mut j) = (m, n);
    while i != 0 && j != 0 {
        match get(directions, i * w + j) {
            DIAG => {
                i -= 1;
                j -= 1;
                mask[i] = true;
            }
            UP => i -= 1,
            _ => j -= 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain() -> RougeConfig {
        RougeConfig {
            stemming: false,
            truncation: Truncation::None,
            ..RougeConfig::default()
        }
    }

    #[test]
    fn rouge_n_clips_counts() {
        let s = RougeScorer::new(plain()).unwrap();
        let sc = s
            .score("the the the cat", &["the cat sat on the mat"])
            .unwrap();
        let r1 = sc.rouge_n(1).unwrap();
        // the: min(3, 2) + cat: 1 = 3 hits of 6 reference unigrams, 4 system ones.
        assert_eq!((r1.hits, r1.reference_total, r1.system_total), (3, 6, 4));
        assert!((r1.recall - 0.5).abs() < 1e-12);
        assert!((r1.precision - 0.75).abs() < 1e-12);
        assert!((r1.f - 0.6).abs() < 1e-12);
        let r2 = sc.rouge_n(2).unwrap();
        assert_eq!((r2.hits, r2.reference_total, r2.system_total), (1, 5, 3));
        let r4 = sc.rouge_n(4).unwrap();
        assert_eq!((r4.hits, r4.reference_total, r4.system_total), (0, 3, 1));
    }

    #[test]
    fn model_average_and_best_model() {
        let refs = ["a b c d", "a x y z w v"];
        let s = RougeScorer::new(plain()).unwrap();
        let r1 = *s.score("a b", &refs).unwrap().rouge_n(1).unwrap();
        assert_eq!((r1.hits, r1.reference_total, r1.system_total), (3, 10, 4));
        let best = RougeScorer::new(RougeConfig {
            pooling: Pooling::BestModel,
            ..plain()
        })
        .unwrap();
        let b1 = *best.score("a b", &refs).unwrap().rouge_n(1).unwrap();
        assert_eq!((b1.hits, b1.reference_total, b1.system_total), (2, 4, 2));
        // No references: all zeros.
        assert_eq!(
            *s.score("a b", &[]).unwrap().rouge_n(1).unwrap(),
            Score::default()
        );
    }

    #[test]
    fn skip_bigrams_like_rouge() {
        let mut keys = Vec::new();
        let n = skip_grams(&[1, 2, 3], SkipBigram::SU4, |k| keys.push(k));
        // unigrams of all but the last token, and pairs (1,2) (1,3) (2,3)
        assert_eq!(n, 5);
        let n = skip_grams(
            &[1, 2, 3, 4],
            SkipBigram {
                max_gap: Some(0),
                unigrams: false,
            },
            |_| {},
        );
        assert_eq!(n, 3);
        assert_eq!(skip_grams(&[7], SkipBigram::SU4, |_| {}), 0);
    }

    #[test]
    fn union_lcs_example_from_lin_2004() {
        // Lin (2004), section 3.2: r = w1 w2 w3 w4 w5; c1 = w1 w2 w6 w7 w8,
        // c2 = w1 w3 w8 w9 w5: union LCS = w1 w2 w3 w5 -> 4 hits.
        let r = vec![vec![1, 2, 3, 4, 5]];
        let c = vec![vec![1, 2, 6, 7, 8], vec![1, 3, 8, 9, 5]];
        let ru = unigram_counts(&[1, 2, 3, 4, 5]);
        let cu = unigram_counts(&[1, 2, 6, 7, 8, 1, 3, 8, 9, 5]);
        assert_eq!(union_lcs_hits(&r, &c, &ru, &cu), 4);
    }

    #[test]
    fn lcs_backtracking_prefers_up_on_ties() {
        // Two LCSs of length 1 ("a" or "b"): ROUGE's backtracking keeps "a".
        let mut mask = vec![false; 2];
        mark_lcs(&[1, 2], &[2, 1], &mut mask);
        assert_eq!(mask, [true, false]);
        let mut mask = vec![false; 3];
        mark_lcs(&[1, 2, 3], &[], &mut mask);
        assert_eq!(mask, [false; 3]);
    }

    /// Tables reused from one sentence pair to the next mark what fresh
    /// ones do, whatever sizes came before.
    #[test]
    fn reused_lcs_tables_mark_as_fresh_ones() {
        let sentences: [&[u32]; 6] = [
            &[1, 2, 3, 4, 5, 6, 7, 8, 9],
            &[2, 1],
            &[3, 3, 1, 2, 9, 9, 9, 4],
            &[],
            &[7],
            &[9, 8, 7, 6, 5, 4, 3, 2, 1, 1, 2, 3],
        ];
        let mut scratch = LcsScratch::default();
        for model in sentences {
            for peer in sentences {
                let mut reused = vec![false; model.len()];
                let mut fresh = vec![false; model.len()];
                mark_lcs_with(model, peer, &mut reused, &mut scratch);
                mark_lcs(model, peer, &mut fresh);
                assert_eq!(reused, fresh, "{model:?} {peer:?}");
            }
        }
    }

    /// The full-table LCS marking that `mark_lcs` replaced (lengths and
    /// directions for every cell), kept to check that the packed one marks
    /// the same words.
    fn mark_lcs_full_table(model: &[u32], peer: &[u32], mask: &mut [bool]) {
        let (m, n) = (model.len(), peer.len());
        let w = n + 1;
        let mut c = vec![0u32; (m + 1) * w];
        let mut b = vec![0u8; (m + 1) * w];
        for i in 1..=m {
            for j in 1..=n {
                if model[i - 1] == peer[j - 1] {
                    c[i * w + j] = c[(i - 1) * w + j - 1] + 1;
                    b[i * w + j] = 1;
                } else if c[(i - 1) * w + j] >= c[i * w + j - 1] {
                    c[i * w + j] = c[(i - 1) * w + j];
                    b[i * w + j] = 2;
                } else {
                    c[i * w + j] = c[i * w + j - 1];
                    b[i * w + j] = 3;
                }
            }
        }
        let (mut i, mut j) = (m, n);
        while i != 0 && j != 0 {
            match b[i * w + j] {
                1 => {
                    i -= 1;
                    j -= 1;
                    mask[i] = true;
                }
                2 => i -= 1,
                _ => j -= 1,
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn packed_lcs_marks_what_the_full_table_marks(
            model in proptest::collection::vec(0u32..4, 0..40),
            peer in proptest::collection::vec(0u32..4, 0..40),
        ) {
            let mut packed = vec![false; model.len()];
            mark_lcs(&model, &peer, &mut packed);
            let mut full = vec![false; model.len()];
            mark_lcs_full_table(&model, &peer, &mut full);
            proptest::prop_assert_eq!(packed, full);
        }
    }

    #[test]
    fn sentences_too_long_to_align_are_an_error_not_a_huge_table() {
        let s = RougeScorer::new(RougeConfig {
            truncation: Truncation::None,
            ..RougeConfig::default()
        })
        .unwrap();
        let long = "word ".repeat(17_000);
        match s.score(&long, &[long.as_str()]) {
            Err(Error::SentencesTooLong {
                reference_words,
                system_words,
                limit,
            }) => {
                assert_eq!((reference_words, system_words), (17_000, 17_000));
                assert_eq!(limit, LCS_MAX_WORD_PAIRS);
            }
            other => panic!("{other:?}"),
        }
        // Under the limit, one long sentence each still scores.
        let shorter = "word ".repeat(2_000);
        let scores = s.score(&shorter, &[shorter.as_str()]).unwrap();
        assert_eq!(scores.rouge_l().map(|l| l.recall), Some(1.0));
    }

    #[test]
    fn rouge_l_is_clipped_by_unigrams() {
        let s = RougeScorer::new(plain()).unwrap();
        // Each system sentence matches "a b" but the system has one "a" and one "b".
        let sc = s.score("a b\nc", &["a b\na b"]).unwrap();
        let l = sc.rouge_l().unwrap();
        assert_eq!((l.hits, l.reference_total, l.system_total), (2, 4, 3));
    }

    #[test]
    fn metric_names_round_trip() {
        for m in [
            "ROUGE-1",
            "ROUGE-4",
            "ROUGE-L",
            "ROUGE-SU4",
            "ROUGE-S9",
            "ROUGE-SU*",
        ] {
            let parsed: Metric = m.parse().unwrap();
            assert_eq!(parsed.to_string(), m);
        }
        assert!("ROUGE-W".parse::<Metric>().is_err());
        assert!("ROUGE-0".parse::<Metric>().is_err());
        let json = serde_json::to_string(&Metric::S(SkipBigram::SU4)).unwrap();
        assert_eq!(json, "\"ROUGE-SU4\"");
    }

    #[test]
    fn invalid_alpha_is_rejected() {
        let bad = RougeConfig {
            alpha: 1.5,
            ..RougeConfig::default()
        };
        assert!(RougeScorer::new(bad).is_err());
    }

    #[test]
    fn n_past_the_limit_is_refused_not_a_panic() {
        // Issue 26: max_n = usize::MAX panicked (capacity overflow) when the
        // references were counted.
        for max_n in [10, usize::MAX] {
            let huge = RougeConfig {
                max_n,
                ..RougeConfig::default()
            };
            let e = RougeScorer::new(huge).expect_err("refused").to_string();
            assert!(e.contains("at most 9"), "{e}");
        }
        let nine = RougeConfig {
            max_n: 9,
            ..RougeConfig::default()
        };
        let scorer = RougeScorer::new(nine).expect("9 is allowed");
        let scores = scorer.score("a b c d e f g h i", &["a b c d e f g h i"]);
        assert_eq!(scores.expect("scored").rouge_n(9).map(|s| s.hits), Some(1));
        assert!(RougeConfig::from_rouge_args("-n 18446744073709551615").is_err());
    }

    #[test]
    fn rounding_like_rouge() {
        assert_eq!(round5(0.123456), 0.12346);
        let s = Score {
            recall: 1.0 / 3.0,
            precision: 2.0 / 3.0,
            ..Score::default()
        };
        let r = s.rounded_like_rouge(0.5);
        assert_eq!(r.recall, 0.33333);
        assert_eq!(r.precision, 0.66667);
        assert_eq!(r.f, 0.44444);
    }
}
