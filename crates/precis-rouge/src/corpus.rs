//! Many summaries at once, each against its own references, with their
//! means over clusters: for callers that hold summaries in memory rather
//! than a dataset on disk (the Python package's `precis.rouge`).

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::bootstrap::{bootstrap_means, BootstrapConfig};
use crate::dataset::MetricAggregate;
use crate::error::Error;
use crate::rouge::{Metric, RougeScorer, Scores};

/// The plain mean over clusters of one metric's recall, precision and F.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MetricMean {
    /// The metric.
    pub metric: Metric,
    /// Mean recall.
    pub recall: f64,
    /// Mean precision.
    pub precision: f64,
    /// Mean F.
    pub f: f64,
}

/// Every summary's scores, in input order, and their plain means.
#[derive(Debug, Clone, PartialEq)]
pub struct CorpusScores {
    /// One entry per summary (cluster), in the order given.
    pub clusters: Vec<Scores>,
    /// One entry per metric, in [`RougeConfig::metrics`](crate::RougeConfig::metrics)
    /// order: the plain means of the clusters' unrounded scores (all zero
    /// when there are no clusters).
    pub means: Vec<MetricMean>,
    alpha: f64,
}

impl CorpusScores {
    /// Bootstrap means and confidence intervals over the clusters, as
    /// ROUGE-1.5.5 prints them: each cluster's recall and precision rounded
    /// to 5 decimals (F recomputed from them), clusters resampled in the
    /// order given. With the clusters in ROUGE's order (sorted by id) and
    /// the default [`BootstrapConfig`], this is ROUGE's `Average_R` and its
    /// 95% interval digit for digit.
    pub fn bootstrap(&self, config: &BootstrapConfig) -> Result<Vec<MetricAggregate>, Error> {
        self.means
            .iter()
            .map(|mean| {
                let scores: Vec<_> = self
                    .clusters
                    .iter()
                    .filter_map(|c| c.get(mean.metric))
                    .map(|s| s.rounded_like_rouge(self.alpha))
                    .collect();
                let r: Vec<f64> = scores.iter().map(|s| s.recall).collect();
                let p: Vec<f64> = scores.iter().map(|s| s.precision).collect();
                let f: Vec<f64> = scores.iter().map(|s| s.f).collect();
                let est = bootstrap_means(&[&r, &p, &f], config)?;
                Ok(MetricAggregate {
                    metric: mean.metric,
                    recall: est[0],
                    precision: est[1],
                    f: est[2],
                })
            })
            .collect()
    }
}

impl RougeScorer {
    /// Scores `summaries[i]` against `references[i]` for every `i`, clusters
    /// in parallel (rayon), and averages each metric over them. Texts are
    /// read as bytes, as [`score_prepared_bytes`](Self::score_prepared_bytes)
    /// reads them.
    ///
    /// ```
    /// use precis_rouge::{Metric, RougeConfig, RougeScorer};
    /// let scorer = RougeScorer::new(RougeConfig { max_n: 2, ..RougeConfig::default() })?;
    /// let scored = scorer.score_corpus(
    ///     &["the cat sat on the mat", "a dog barked"],
    ///     &[vec!["the cat sat on a mat"], vec!["the dog barked loudly", "a dog barked"]],
    /// )?;
    /// let r1 = scored.clusters[0].rouge_n(1).unwrap().recall; // 5 of 6 words
    /// let r2 = scored.clusters[1].rouge_n(1).unwrap().recall; // (2 + 3) of (4 + 3)
    /// assert_eq!(scored.means[0].metric, Metric::N(1));
    /// assert!((scored.means[0].recall - (r1 + r2) / 2.0).abs() < 1e-12);
    /// assert!((r1 - 5.0 / 6.0).abs() < 1e-12 && (r2 - 5.0 / 7.0).abs() < 1e-12);
    /// # Ok::<(), precis_rouge::Error>(())
    /// ```
    pub fn score_corpus<S, R>(
        &self,
        summaries: &[S],
        references: &[Vec<R>],
    ) -> Result<CorpusScores, Error>
    where
        S: AsRef<[u8]> + Sync,
        R: AsRef<[u8]> + Sync,
    {
        if summaries.len() != references.len() {
            return Err(Error::Pairing(format!(
                "{} summaries but {} lists of references (one list per summary)",
                summaries.len(),
                references.len()
            )));
        }
        let clusters = summaries
            .par_iter()
            .zip(references.par_iter())
            .enumerate()
            .map(|(i, (summary, refs))| {
                let refs: Vec<&[u8]> = refs.iter().map(AsRef::as_ref).collect();
                let prepared = self.prepare_references_bytes(&refs);
                self.score_prepared_bytes(summary.as_ref(), &prepared)
                    .map_err(|source| Error::Scoring {
                        system: "summary".into(),
                        cluster: i.to_string(),
                        source: Box::new(source),
                    })
            })
            .collect::<Result<Vec<Scores>, Error>>()?;
        let n = clusters.len().max(1) as f64;
        let means = self
            .config()
            .metrics()
            .into_iter()
            .map(|metric| {
                let (mut recall, mut precision, mut f) = (0.0, 0.0, 0.0);
                for s in clusters.iter().filter_map(|c| c.get(metric)) {
                    recall += s.recall;
                    precision += s.precision;
                    f += s.f;
                }
                MetricMean {
                    metric,
                    recall: recall / n,
                    precision: precision / n,
                    f: f / n,
                }
            })
            .collect();
        Ok(CorpusScores {
            clusters,
            means,
            alpha: self.config().alpha,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{RougeConfig, Truncation};

    fn scorer() -> RougeScorer {
        RougeScorer::new(RougeConfig::default()).unwrap()
    }

    #[test]
    fn each_cluster_scores_as_alone_and_means_are_plain() {
        let scorer = scorer();
        let summaries = [
            "Police killed the gunman.",
            "The parties formed a coalition government.",
            "",
        ];
        let refs = vec![
            vec![
                "The police killed the gunman.",
                "Police shot the gunman dead.",
            ],
            vec!["Hun Sen and Ranariddh formed a coalition government."],
            vec!["Nothing was said."],
        ];
        let scored = scorer.score_corpus(&summaries, &refs).unwrap();
        assert_eq!(scored.clusters.len(), 3);
        for (i, summary) in summaries.iter().enumerate() {
            let alone = scorer.score(summary, &refs[i]).unwrap();
            assert_eq!(scored.clusters[i], alone, "cluster {i}");
        }
        assert_eq!(scored.means.len(), scorer.config().metrics().len());
        for mean in &scored.means {
            let values: Vec<f64> = scored
                .clusters
                .iter()
                .map(|c| c.get(mean.metric).unwrap().recall)
                .collect();
            let plain = values.iter().sum::<f64>() / 3.0;
            assert!((mean.recall - plain).abs() < 1e-15, "{}", mean.metric);
        }
        // The empty summary scores 0 and counts in the mean.
        assert_eq!(scored.clusters[2].rouge_n(1).unwrap().recall, 0.0);
    }

    #[test]
    fn unequal_lists_and_empty_input() {
        let scorer = scorer();
        let err = scorer
            .score_corpus(&["a b"], &Vec::<Vec<&str>>::new())
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("1 summaries but 0 lists of references"),
            "{err}"
        );
        let none = scorer
            .score_corpus(&[] as &[&str], &Vec::<Vec<&str>>::new())
            .unwrap();
        assert!(none.clusters.is_empty());
        assert!(none.means.iter().all(|m| m.recall == 0.0 && m.f == 0.0));
    }

    /// The bootstrap of the corpus is ROUGE's: the same numbers as
    /// aggregating the same scores as a dataset system.
    #[test]
    fn the_bootstrap_matches_a_dataset_aggregate() {
        let scorer = RougeScorer::new(RougeConfig {
            truncation: Truncation::None,
            ..RougeConfig::default()
        })
        .unwrap();
        let summaries = ["the cat sat", "a cat on the mat", "the cat sat on a mat"];
        let refs: Vec<Vec<&str>> = (0..3).map(|_| vec!["the cat sat on the mat"]).collect();
        let scored = scorer.score_corpus(&summaries, &refs).unwrap();
        let evaluation = crate::SystemEvaluation {
            system: "s".into(),
            alpha: 0.5,
            records: scored
                .clusters
                .iter()
                .enumerate()
                .map(|(i, s)| crate::ClusterScores {
                    system: "s".into(),
                    cluster: i.to_string(),
                    references: 1,
                    scores: s.clone(),
                })
                .collect(),
            errors: vec![],
            warnings: vec![],
        };
        let expected = evaluation
            .aggregate(&crate::AggregateConfig::default())
            .unwrap();
        let got = scored.bootstrap(&BootstrapConfig::default()).unwrap();
        assert_eq!(got, expected.metrics);
    }
}
