//! Bootstrap confidence intervals over clusters, and the paired bootstrap test.
//!
//! The confidence intervals follow ROUGE-1.5.5 exactly: resample `i` (of `R`)
//! seeds Perl's random generator with `i` (plus [`BootstrapConfig::seed`]), draws
//! as many clusters as there are, with replacement, and averages them; the
//! interval bounds are order statistics of the sorted resample means. Perl's
//! `rand` is `drand48`, reimplemented here, so with seed 0 and per-cluster scores
//! rounded as ROUGE rounds them the output matches ROUGE-1.5.5's digit for digit.

use crate::error::Error;
use serde::{Deserialize, Serialize};

/// The 48-bit linear congruential generator behind Perl's `rand` (`drand48`).
#[derive(Debug, Clone)]
pub struct Drand48 {
    state: u64,
}

impl Drand48 {
    const A: u64 = 0x5_DEEC_E66D;
    const C: u64 = 0xB;
    const MASK: u64 = (1 << 48) - 1;

    /// Seed like Perl's `srand(seed)` (`srand48`).
    pub fn new(seed: u32) -> Self {
        Drand48 {
            state: ((seed as u64) << 16) | 0x330E,
        }
    }

    /// The next value in `[0, 1)`.
    pub fn next_f64(&mut self) -> f64 {
        self.state = (self.state.wrapping_mul(Self::A).wrapping_add(Self::C)) & Self::MASK;
        self.state as f64 / (1u64 << 48) as f64
    }

    /// Perl's `int(rand(n))`.
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_f64() * n as f64) as usize).min(n.saturating_sub(1))
    }
}

/// The most resamples a bootstrap draws ([`BootstrapConfig::resamples`]).
///
/// ROUGE-1.5.5 draws 1,000. Each resample draws every cluster once, so time
/// grows with resamples times clusters; by 100,000 the interval bounds are
/// steady to about the two decimals of a table in percent. A larger number (a
/// typo, or `usize::MAX`, which could not even be allocated) is refused.
pub const MAX_RESAMPLES: usize = 100_000;

/// Settings of the bootstrap.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BootstrapConfig {
    /// Number of resamples (ROUGE `-r`, default 1000; 1 to [`MAX_RESAMPLES`]).
    pub resamples: usize,
    /// Confidence level in percent (ROUGE `-c`, default 95).
    pub confidence: f64,
    /// Added to the per-resample seeds; 0 reproduces ROUGE-1.5.5.
    pub seed: u32,
}

impl Default for BootstrapConfig {
    fn default() -> Self {
        BootstrapConfig {
            resamples: 1000,
            confidence: 95.0,
            seed: 0,
        }
    }
}

impl BootstrapConfig {
    /// Check the values are in range: 1 to [`MAX_RESAMPLES`] resamples, a
    /// confidence level from 0 to 100.
    ///
    /// ```
    /// use precis_rouge::{BootstrapConfig, MAX_RESAMPLES};
    /// let c = BootstrapConfig { resamples: MAX_RESAMPLES + 1, ..BootstrapConfig::default() };
    /// assert!(c.validate().unwrap_err().to_string().contains("at most 100000"));
    /// ```
    pub fn validate(&self) -> Result<(), Error> {
        if self.resamples == 0 {
            return Err(Error::InvalidConfig("resamples must be > 0".into()));
        }
        if self.resamples > MAX_RESAMPLES {
            return Err(Error::InvalidConfig(format!(
                "resamples must be at most {MAX_RESAMPLES}, got {}",
                self.resamples
            )));
        }
        if !(0.0..=100.0).contains(&self.confidence) {
            return Err(Error::InvalidConfig(format!(
                "confidence must be between 0 and 100, got {}",
                self.confidence
            )));
        }
        Ok(())
    }
}

/// A mean with its bootstrap confidence interval.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Estimate {
    /// The plain mean over clusters.
    pub mean: f64,
    /// The mean of the resample means: what ROUGE-1.5.5 prints as `Average_X`.
    pub bootstrap_mean: f64,
    /// Lower confidence bound.
    pub ci_low: f64,
    /// Upper confidence bound.
    pub ci_high: f64,
}

/// The cluster indices of resample `i` (ROUGE's scheme: `srand(seed + i)`, then
/// `n` draws of `int(rand(n))`).
fn resample_indices(n: usize, seed: u32, i: usize, out: &mut Vec<usize>) {
    let mut rng = Drand48::new(seed.wrapping_add(i as u32));
    out.clear();
    out.extend((0..n).map(|_| rng.below(n)));
}

/// ROUGE's interpolated order statistics of sorted resample values.
fn interval(sorted: &[f64], confidence: f64) -> (f64, f64) {
    let r = sorted.len();
    let at = |k: usize| sorted[k.min(r - 1)];
    let delta = r as f64 * ((100.0 - confidence) / 2.0) / 100.0;
    let upper_a = (r as f64 - delta - 1.0).max(0.0) as usize;
    let lower_a = delta as usize;
    let ratio = r as f64 - delta - 1.0 - upper_a as f64;
    let low = at(lower_a) + (at(lower_a + 1) - at(lower_a)) * ratio;
    let high = at(upper_a) + (at(upper_a + 1) - at(upper_a)) * ratio;
    (low, high)
}

/// Bootstrap estimates of the means of several parallel columns of per-cluster
/// values (e.g. recall, precision, F), resampling clusters jointly as ROUGE does.
///
/// `columns[k][c]` is the value of column `k` for cluster `c`; clusters should
/// be in ROUGE's order (sorted by evaluation id) to reproduce its numbers.
///
/// ```
/// use precis_rouge::{bootstrap_means, BootstrapConfig};
/// let recall = [0.30, 0.35, 0.40, 0.45];
/// let est = bootstrap_means(&[&recall], &BootstrapConfig::default())?;
/// assert!((est[0].mean - 0.375).abs() < 1e-12);
/// assert!(est[0].ci_low < 0.375 && 0.375 < est[0].ci_high);
/// # Ok::<(), precis_rouge::Error>(())
/// ```
pub fn bootstrap_means(
    columns: &[&[f64]],
    config: &BootstrapConfig,
) -> Result<Vec<Estimate>, Error> {
    config.validate()?;
    let n = columns.first().map_or(0, |c| c.len());
    if columns.iter().any(|c| c.len() != n) {
        return Err(Error::Pairing("columns differ in length".into()));
    }
    if n == 0 {
        return Ok(vec![Estimate::default(); columns.len()]);
    }
    let mut samples: Vec<Vec<f64>> = vec![Vec::with_capacity(config.resamples); columns.len()];
    let mut idx = Vec::with_capacity(n);
    for i in 0..config.resamples {
        resample_indices(n, config.seed, i, &mut idx);
        for (col, out) in columns.iter().zip(samples.iter_mut()) {
            let sum: f64 = idx.iter().map(|&k| col[k]).sum();
            out.push(sum / n as f64);
        }
    }
    Ok(columns
        .iter()
        .zip(samples.iter_mut())
        .map(|(col, s)| {
            s.sort_by(f64::total_cmp);
            let (ci_low, ci_high) = interval(s, config.confidence);
            Estimate {
                mean: col.iter().sum::<f64>() / n as f64,
                bootstrap_mean: s.iter().sum::<f64>() / s.len() as f64,
                ci_low,
                ci_high,
            }
        })
        .collect())
}

/// Result of a paired bootstrap test of "system A scores higher than system B".
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PairedBootstrap {
    /// Number of paired clusters.
    pub clusters: usize,
    /// Mean of A.
    pub mean_a: f64,
    /// Mean of B.
    pub mean_b: f64,
    /// mean_a - mean_b.
    pub delta: f64,
    /// Lower confidence bound of the difference.
    pub ci_low: f64,
    /// Upper confidence bound of the difference.
    pub ci_high: f64,
    /// One-sided p-value for H0 "A is not better than B": the share of resamples
    /// whose difference exceeds twice the observed one (Berg-Kirkpatrick et al.,
    /// 2012; equivalently the centred difference reaching the observed one), with
    /// add-one smoothing. 1 when A does not beat B on the full set.
    pub p_value: f64,
    /// Share of resamples in which A's mean is strictly higher than B's.
    pub a_wins: f64,
    /// Number of resamples.
    pub resamples: usize,
}

/// Paired bootstrap over clusters: is A better than B? `a[c]` and `b[c]` must be
/// the two systems' scores on the same cluster `c`.
///
/// Resample `i` uses the same seeding scheme as the confidence intervals.
///
/// ```
/// use precis_rouge::{paired_bootstrap, BootstrapConfig};
/// let a = [0.40, 0.42, 0.39, 0.45, 0.41, 0.44, 0.43, 0.40];
/// let b = [0.35, 0.36, 0.37, 0.40, 0.36, 0.38, 0.41, 0.35];
/// let t = paired_bootstrap(&a, &b, &BootstrapConfig::default())?;
/// assert!(t.delta > 0.0 && t.p_value < 0.01);
/// let back = paired_bootstrap(&b, &a, &BootstrapConfig::default())?;
/// assert_eq!(back.p_value, 1.0);
/// # Ok::<(), precis_rouge::Error>(())
/// ```
pub fn paired_bootstrap(
    a: &[f64],
    b: &[f64],
    config: &BootstrapConfig,
) -> Result<PairedBootstrap, Error> {
    config.validate()?;
    if a.len() != b.len() {
        return Err(Error::Pairing(format!(
            "{} scores for A but {} for B",
            a.len(),
            b.len()
        )));
    }
    if a.is_empty() {
        return Err(Error::Pairing("no clusters to compare".into()));
    }
    let n = a.len();
    let diff: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let delta = mean(&diff);
    let mut idx = Vec::with_capacity(n);
    let mut deltas = Vec::with_capacity(config.resamples);
    let (mut beyond, mut wins) = (0usize, 0usize);
    for i in 0..config.resamples {
        resample_indices(n, config.seed, i, &mut idx);
        let d = idx.iter().map(|&k| diff[k]).sum::<f64>() / n as f64;
        if d > 0.0 {
            wins += 1;
        }
        if d >= 2.0 * delta {
            beyond += 1;
        }
        deltas.push(d);
    }
    deltas.sort_by(f64::total_cmp);
    let (ci_low, ci_high) = interval(&deltas, config.confidence);
    let r = config.resamples as f64;
    let p_value = if delta > 0.0 {
        (beyond as f64 + 1.0) / (r + 1.0)
    } else {
        1.0
    };
    Ok(PairedBootstrap {
        clusters: n,
        mean_a: mean(a),
        mean_b: mean(b),
        delta,
        ci_low,
        ci_high,
        p_value,
        a_wins: wins as f64 / r,
        resamples: config.resamples,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drand48_matches_perl() {
        // perl -e 'srand(0); printf "%.17g\n", rand() for 1..3'
        let mut r = Drand48::new(0);
        let got: Vec<f64> = (0..3).map(|_| r.next_f64()).collect();
        assert_eq!(
            got,
            [0.17082803610628972, 0.7499019804849638, 0.09637165562356742]
        );
        // perl -e 'srand(7); print join(",", map { int(rand(50)) } 1..5), "\n"'
        let mut r = Drand48::new(7);
        let got: Vec<usize> = (0..5).map(|_| r.below(50)).collect();
        assert_eq!(got, [13, 34, 13, 6, 24]);
    }

    #[test]
    fn interval_indices_like_rouge() {
        let v: Vec<f64> = (0..1000).map(|i| i as f64).collect();
        assert_eq!(interval(&v, 95.0), (25.0, 974.0));
        let v: Vec<f64> = (0..10).map(|i| i as f64).collect();
        assert_eq!(interval(&v, 100.0), (0.0, 9.0));
    }

    #[test]
    fn bootstrap_is_deterministic_and_seeded() {
        let x: Vec<f64> = (0..30).map(|i| (i as f64 * 0.37).sin()).collect();
        let c = BootstrapConfig::default();
        let a = bootstrap_means(&[&x], &c).unwrap();
        let b = bootstrap_means(&[&x], &c).unwrap();
        assert_eq!(a, b);
        let d = bootstrap_means(&[&x], &BootstrapConfig { seed: 1000, ..c }).unwrap();
        assert_ne!(a[0].ci_low, d[0].ci_low);
        assert_eq!(a[0].mean, d[0].mean);
    }

    #[test]
    fn paired_errors() {
        let c = BootstrapConfig::default();
        assert!(paired_bootstrap(&[1.0], &[1.0, 2.0], &c).is_err());
        assert!(paired_bootstrap(&[], &[], &c).is_err());
        let t = paired_bootstrap(&[0.5, 0.5], &[0.5, 0.5], &c).unwrap();
        assert_eq!(t.p_value, 1.0);
        assert!(bootstrap_means(&[&[1.0]], &BootstrapConfig { resamples: 0, ..c }).is_err());
    }

    #[test]
    fn resamples_past_the_limit_are_refused_not_a_panic() {
        // Issue 26: resamples = usize::MAX panicked (capacity overflow).
        let huge = BootstrapConfig {
            resamples: usize::MAX,
            ..BootstrapConfig::default()
        };
        let e = bootstrap_means(&[&[0.5, 0.6]], &huge)
            .expect_err("refused")
            .to_string();
        assert!(e.contains("at most 100000"), "{e}");
        assert!(paired_bootstrap(&[0.5, 0.6], &[0.4, 0.5], &huge).is_err());
        let most = BootstrapConfig {
            resamples: 100_000,
            ..BootstrapConfig::default()
        };
        assert!(bootstrap_means(&[&[0.5, 0.6]], &most).is_ok());
    }
}
