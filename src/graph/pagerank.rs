//! Weighted, personalised PageRank by power iteration.
//!
//! A random surfer at node `i` follows an edge with probability `damping`
//! (choosing edge `(i, j)` in proportion to its weight) and otherwise jumps to
//! a node drawn from the teleport vector. Nodes without edges jump from the
//! teleport vector too, so no rank leaks. Iteration stops when the L1 change
//! falls below the tolerance or after the iteration cap.

use rayon::prelude::*;

use super::SimilarityGraph;

/// Nodes per block of the per-iteration sums: fixed, so that the order of
/// additions, and so the scores, do not depend on the number of threads.
const BLOCK: usize = 16_384;

/// PageRank settings.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct PageRankConfig {
    /// Probability of following an edge rather than teleporting.
    pub damping: f64,
    /// Stop when the L1 norm of the change is below this.
    pub tolerance: f64,
    /// Stop after this many iterations regardless.
    pub max_iterations: usize,
}

impl Default for PageRankConfig {
    fn default() -> Self {
        PageRankConfig {
            damping: 0.85,
            tolerance: 1e-6,
            max_iterations: 200,
        }
    }
}

/// PageRank scores and how they were reached.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// One score per node; they sum to 1.
    pub scores: Vec<f64>,
    /// Iterations run.
    pub iterations: usize,
    /// Whether the tolerance was reached before the cap.
    pub converged: bool,
}

/// Ranks the nodes of `graph`. `teleport` gives each node's weight in the
/// jump distribution (normalised here; all zeros means uniform).
///
/// ```
/// use precis::graph::{pagerank, PageRankConfig, SimilarityGraph};
/// // A star: node 0 is linked to 1, 2 and 3.
/// let m = nalgebra::DMatrix::from_row_slice(4, 4, &[
///     0.0, 1.0, 1.0, 1.0,
///     1.0, 0.0, 0.0, 0.0,
///     1.0, 0.0, 0.0, 0.0,
///     1.0, 0.0, 0.0, 0.0f32]);
/// let ranking = pagerank(&SimilarityGraph::Dense(m), &[1.0; 4], &PageRankConfig::default());
/// assert!(ranking.converged);
/// assert!(ranking.scores[0] > ranking.scores[1]);
/// assert!((ranking.scores.iter().sum::<f64>() - 1.0).abs() < 1e-9);
/// ```
pub fn pagerank(graph: &SimilarityGraph, teleport: &[f64], config: &PageRankConfig) -> Ranking {
    let n = graph.len();
    if n == 0 {
        return Ranking {
            scores: Vec::new(),
            iterations: 0,
            converged: true,
        };
    }
    let total: f64 = teleport.iter().filter(|w| w.is_finite() && **w > 0.0).sum();
    let v: Vec<f64> = if teleport.len() == n && total > 0.0 {
        teleport
            .iter()
            .map(|&w| {
                if w.is_finite() && w > 0.0 {
                    w / total
                } else {
                    0.0
                }
            })
            .collect()
    } else {
        vec![1.0 / n as f64; n]
    };
    let degrees = graph.degrees();
    let d = config.damping;
    let mut rank = v.clone();
    let mut x = vec![0.0f32; n];
    let mut y = vec![0.0f32; n];
    let mut iterations = 0;
    let mut converged = false;
    while iterations < config.max_iterations {
        iterations += 1;
        // Sums are taken per fixed block and the blocks' sums added in
        // order, so they are the same at any thread count.
        let dangling: f64 = x
            .par_chunks_mut(BLOCK)
            .zip(rank.par_chunks(BLOCK))
            .zip(degrees.par_chunks(BLOCK))
            .map(|((x, rank), degrees)| {
                let mut dangling = 0.0;
                for ((x, &r), &deg) in x.iter_mut().zip(rank).zip(degrees) {
                    if deg > 0.0 {
                        *x = (r / deg as f64) as f32;
                    } else {
                        *x = 0.0;
                        dangling += r;
                    }
                }
                dangling
            })
            .collect::<Vec<f64>>()
            .iter()
            .sum();
        graph.multiply(&x, &mut y);
        let (change, sum) = rank
            .par_chunks_mut(BLOCK)
            .zip(v.par_chunks(BLOCK))
            .zip(y.par_chunks(BLOCK))
            .map(|((rank, v), y)| {
                let (mut change, mut sum) = (0.0, 0.0);
                for ((r, &vi), &yi) in rank.iter_mut().zip(v).zip(y) {
                    let next = (1.0 - d) * vi + d * (yi as f64 + dangling * vi);
                    change += (next - *r).abs();
                    sum += next;
                    *r = next;
                }
                (change, sum)
            })
            .collect::<Vec<(f64, f64)>>()
            .iter()
            .fold((0.0, 0.0), |(c, s), &(dc, ds)| (c + dc, s + ds));
        // Rounding in the f32 product drifts the total slightly: renormalise.
        if sum > 0.0 {
            rank.par_iter_mut()
                .with_min_len(BLOCK)
                .for_each(|r| *r /= sum);
        }
        if change < config.tolerance {
            converged = true;
            break;
        }
    }
    Ranking {
        scores: rank,
        iterations,
        converged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nalgebra::DMatrix;

    #[test]
    fn uniform_on_a_regular_graph() {
        // A 4-cycle: every node has the same degree.
        let m = DMatrix::from_row_slice(
            4,
            4,
            &[
                0., 1., 0., 1., 1., 0., 1., 0., 0., 1., 0., 1., 1., 0., 1., 0.,
            ],
        );
        let r = pagerank(&SimilarityGraph::Dense(m), &[], &PageRankConfig::default());
        for s in &r.scores {
            assert!((s - 0.25).abs() < 1e-6);
        }
    }

    #[test]
    fn teleport_biases_isolated_nodes() {
        let m = DMatrix::<f32>::zeros(3, 3);
        let r = pagerank(
            &SimilarityGraph::Dense(m),
            &[2.0, 1.0, 1.0],
            &PageRankConfig::default(),
        );
        assert!((r.scores[0] - 0.5).abs() < 1e-9);
        assert!((r.scores[1] - 0.25).abs() < 1e-9);
    }

    #[test]
    fn matches_a_hand_computed_weighted_example() {
        // Two nodes joined by one edge, a third isolated: the pair shares
        // mass equally; the isolated node's rank r solves
        // r = (1 - d) / 3 + d * r / 3 (its own mass teleports uniformly),
        // so r = (1 - d) / (3 - d).
        let m = DMatrix::from_row_slice(3, 3, &[0., 0.5, 0., 0.5, 0., 0., 0., 0., 0.]);
        let r = pagerank(&SimilarityGraph::Dense(m), &[], &PageRankConfig::default());
        assert!((r.scores[0] - r.scores[1]).abs() < 1e-9);
        assert!((r.scores[2] - 0.15 / 2.15).abs() < 1e-6);
    }

    #[test]
    fn respects_the_iteration_cap() {
        let m = DMatrix::from_row_slice(2, 2, &[0., 1., 1., 0.]);
        let config = PageRankConfig {
            max_iterations: 1,
            tolerance: 0.0,
            ..Default::default()
        };
        let r = pagerank(&SimilarityGraph::Dense(m), &[1.0, 0.0], &config);
        assert_eq!(r.iterations, 1);
        assert!(!r.converged);
    }
}
