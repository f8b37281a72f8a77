//! The similarity graph, built from an inverted index.
//!
//! For each sentence, the postings of its terms give every sentence that
//! shares a term, and the dot products accumulate along the way: the cost is
//! the number of co-occurring pairs, never all pairs. Up to
//! [`GraphConfig::dense_limit`] nodes the graph is a dense nalgebra matrix
//! (exact: every non-zero similarity above the threshold is an edge); above
//! it, each node keeps its [`GraphConfig::top_k`] strongest neighbours in a
//! compressed sparse row matrix, made symmetric.
//!
//! In the sparse graph, terms found in more than [`MAX_SPARSE_POSTINGS`]
//! sentences are left out of the similarities: such a term has a low weight
//! anyway, and each of its sentences would meet every other (the cost would be
//! quadratic: a log whose lines all share a few words hung for hours).
//!
//! Every row is computed by one thread in a fixed order, so the graph is the
//! same whatever the number of threads.

use nalgebra::DMatrix;
use rayon::prelude::*;

use crate::vectors::SparseVector;

/// In the sparse graph, terms in more sentences than this do not count
/// towards similarities (it bounds the cost of building the graph).
pub const MAX_SPARSE_POSTINGS: usize = 2000;

/// How the graph is built.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct GraphConfig {
    /// Similarities below this are not edges.
    pub threshold: f32,
    /// Largest node count held as a dense matrix.
    pub dense_limit: usize,
    /// Neighbours kept per node in the sparse graph.
    pub top_k: usize,
    /// Every edge weighs 1 (LexRank's thresholded graph) instead of its similarity.
    pub binary: bool,
}

impl Default for GraphConfig {
    fn default() -> Self {
        GraphConfig {
            threshold: 0.0,
            dense_limit: 4000,
            top_k: 30,
            binary: false,
        }
    }
}

/// A symmetric weighted graph over sentence groups (no self-loops).
#[derive(Debug, Clone)]
pub enum SimilarityGraph {
    /// Every edge, in a dense matrix.
    Dense(DMatrix<f32>),
    /// The strongest edges of every node, in compressed sparse rows.
    Sparse(Csr),
}

/// A compressed sparse row matrix.
#[derive(Debug, Clone, Default)]
pub struct Csr {
    /// Row `i`'s entries are `offsets[i]..offsets[i + 1]`.
    pub offsets: Vec<usize>,
    /// Column of each entry, increasing within a row.
    pub columns: Vec<u32>,
    /// Value of each entry.
    pub values: Vec<f32>,
}

impl Csr {
    fn row(&self, i: usize) -> (&[u32], &[f32]) {
        let range = self.offsets[i]..self.offsets[i + 1];
        (&self.columns[range.clone()], &self.values[range])
    }
}

impl SimilarityGraph {
    /// Number of nodes.
    pub fn len(&self) -> usize {
        match self {
            SimilarityGraph::Dense(m) => m.nrows(),
            SimilarityGraph::Sparse(csr) => csr.offsets.len().saturating_sub(1),
        }
    }

    /// Whether the graph has no nodes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the graph is held dense.
    pub fn is_dense(&self) -> bool {
        matches!(self, SimilarityGraph::Dense(_))
    }

    /// Number of undirected edges.
    pub fn edge_count(&self) -> usize {
        match self {
            SimilarityGraph::Dense(m) => m.iter().filter(|&&w| w > 0.0).count() / 2,
            SimilarityGraph::Sparse(csr) => csr.values.len() / 2,
        }
    }

    /// Weighted degree (sum of edge weights) of every node.
    pub fn degrees(&self) -> Vec<f32> {
        match self {
            SimilarityGraph::Dense(m) => m
                .as_slice()
                .par_chunks(m.nrows().max(1))
                .map(|column| column.iter().sum())
                .collect(),
            SimilarityGraph::Sparse(csr) => (0..self.len())
                .into_par_iter()
                .map(|i| csr.row(i).1.iter().sum())
                .collect(),
        }
    }

    /// `y = W x`.
    pub fn multiply(&self, x: &[f32], y: &mut [f32]) {
        match self {
            SimilarityGraph::Dense(m) => {
                // Symmetric: row i is column i, which is contiguous.
                let n = m.nrows().max(1);
                let x = nalgebra::DVectorView::from_slice(x, x.len());
                y.par_iter_mut()
                    .zip(m.as_slice().par_chunks(n))
                    .for_each(|(y, column)| {
                        *y = nalgebra::DVectorView::from_slice(column, column.len()).dot(&x)
                    });
            }
            SimilarityGraph::Sparse(csr) => {
                y.par_iter_mut().enumerate().for_each(|(i, y)| {
                    let (columns, values) = csr.row(i);
                    *y = columns
                        .iter()
                        .zip(values)
                        .map(|(&j, &w)| w * x[j as usize])
                        .sum();
                });
            }
        }
    }

    /// The weight of edge `(i, j)` (0 when absent).
    pub fn weight(&self, i: usize, j: usize) -> f32 {
        match self {
            SimilarityGraph::Dense(m) => m[(i, j)],
            SimilarityGraph::Sparse(csr) => {
                let (columns, values) = csr.row(i);
                columns
                    .binary_search(&(j as u32))
                    .map_or(0.0, |k| values[k])
            }
        }
    }
}

/// Term -> (row, weight) postings of a set of vectors.
fn inverted_index(rows: &[SparseVector], n_terms: usize) -> Vec<Vec<(u32, f32)>> {
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n_terms];
    for (i, row) in rows.iter().enumerate() {
        for (&t, &w) in row.terms.iter().zip(&row.weights) {
            postings[t as usize].push((i as u32, w));
        }
    }
    postings
}

/// Builds the similarity graph of normalised vectors over `n_terms` terms.
pub fn build(rows: &[SparseVector], n_terms: usize, config: &GraphConfig) -> SimilarityGraph {
    let postings = inverted_index(rows, n_terms);
    let n = rows.len();
    if n <= config.dense_limit {
        let mut matrix = DMatrix::<f32>::zeros(n, n);
        if n > 0 {
            matrix
                .as_mut_slice()
                .par_chunks_mut(n)
                .enumerate()
                .for_each(|(i, column)| {
                    accumulate_row(&rows[i], &postings, column);
                    column[i] = 0.0;
                    for w in column.iter_mut() {
                        if *w < config.threshold || *w <= 0.0 {
                            *w = 0.0;
                        } else if config.binary {
                            *w = 1.0;
                        }
                    }
                });
        }
        return SimilarityGraph::Dense(matrix);
    }
    SimilarityGraph::Sparse(build_sparse(rows, &postings, config))
}

/// Adds row's similarity to every sentence sharing a term into `acc`.
fn accumulate_row(row: &SparseVector, postings: &[Vec<(u32, f32)>], acc: &mut [f32]) {
    for (&t, &w) in row.terms.iter().zip(&row.weights) {
        for &(j, wj) in &postings[t as usize] {
            acc[j as usize] += w * wj;
        }
    }
}

fn build_sparse(rows: &[SparseVector], postings: &[Vec<(u32, f32)>], config: &GraphConfig) -> Csr {
    let n = rows.len();
    let k = config.top_k.max(1);
    // Each node's k strongest neighbours, computed row by row.
    let neighbours: Vec<Vec<(u32, f32)>> = (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0.0f32; n], Vec::<u32>::new()),
            |(acc, touched), i| {
                for (&t, &w) in rows[i].terms.iter().zip(&rows[i].weights) {
                    let postings = &postings[t as usize];
                    if postings.len() > MAX_SPARSE_POSTINGS {
                        continue;
                    }
                    for &(j, wj) in postings {
                        if acc[j as usize] == 0.0 {
                            touched.push(j);
                        }
                        acc[j as usize] += w * wj;
                    }
                }
                let mut best: Vec<(u32, f32)> = touched
                    .iter()
                    .filter(|&&j| j as usize != i)
                    .map(|&j| (j, acc[j as usize]))
                    .filter(|&(_, w)| w > 0.0 && w >= config.threshold)
                    .map(|(j, w)| (j, if config.binary { 1.0 } else { w }))
                    .collect();
                for &j in touched.iter() {
                    acc[j as usize] = 0.0;
                }
                touched.clear();
                if best.len() > k {
                    best.select_nth_unstable_by(k - 1, |a, b| {
                        b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
                    });
                    best.truncate(k);
                }
                // `best` held every touched node: without this, n rows keep
                // n entries of capacity each (quadratic memory).
                best.shrink_to_fit();
                best
            },
        )
        .collect();
    // Symmetrise: an edge kept by either end is kept by both.
    let mut adjacency: Vec<Vec<(u32, f32)>> = neighbours.clone();
    for (i, list) in neighbours.iter().enumerate() {
        for &(j, w) in list {
            adjacency[j as usize].push((i as u32, w));
        }
    }
    let mut csr = Csr {
        offsets: Vec::with_capacity(n + 1),
        ..Default::default()
    };
    csr.offsets.push(0);
    for mut list in adjacency {
        list.sort_by_key(|e| e.0);
        list.dedup_by_key(|e| e.0);
        for (j, w) in list {
            csr.columns.push(j);
            csr.values.push(w);
        }
        csr.offsets.push(csr.columns.len());
    }
    csr
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vector(pairs: &[(u32, f32)]) -> SparseVector {
        let norm = pairs.iter().map(|p| p.1 * p.1).sum::<f32>().sqrt();
        SparseVector {
            terms: pairs.iter().map(|p| p.0).collect(),
            weights: pairs.iter().map(|p| p.1 / norm).collect(),
        }
    }

    fn rows() -> Vec<SparseVector> {
        vec![
            vector(&[(0, 1.0), (1, 1.0)]),
            vector(&[(0, 1.0), (2, 1.0)]),
            vector(&[(3, 1.0)]),
            vector(&[(1, 1.0), (2, 1.0)]),
        ]
    }

    #[test]
    fn dense_graph_matches_pairwise_cosines() {
        let rows = rows();
        let graph = build(&rows, 4, &GraphConfig::default());
        assert!(graph.is_dense());
        for i in 0..rows.len() {
            for j in 0..rows.len() {
                let expected = if i == j { 0.0 } else { rows[i].dot(&rows[j]) };
                assert!((graph.weight(i, j) - expected).abs() < 1e-6, "{i},{j}");
            }
        }
        assert_eq!(graph.edge_count(), 3);
    }

    #[test]
    fn sparse_graph_with_room_for_all_neighbours_equals_dense() {
        let rows = rows();
        let dense = build(&rows, 4, &GraphConfig::default());
        let sparse = build(
            &rows,
            4,
            &GraphConfig {
                dense_limit: 0,
                top_k: 10,
                ..Default::default()
            },
        );
        assert!(!sparse.is_dense());
        for i in 0..4 {
            for j in 0..4 {
                assert!((dense.weight(i, j) - sparse.weight(i, j)).abs() < 1e-6);
            }
        }
        let x = [1.0, 2.0, 3.0, 4.0];
        let (mut a, mut b) = ([0.0; 4], [0.0; 4]);
        dense.multiply(&x, &mut a);
        sparse.multiply(&x, &mut b);
        for (a, b) in a.iter().zip(&b) {
            assert!((a - b).abs() < 1e-5);
        }
    }

    #[test]
    fn threshold_removes_weak_edges() {
        let graph = build(
            &rows(),
            4,
            &GraphConfig {
                threshold: 0.6,
                ..Default::default()
            },
        );
        assert_eq!(graph.edge_count(), 0);
    }

    #[test]
    fn binary_edges_weigh_one() {
        let graph = build(
            &rows(),
            4,
            &GraphConfig {
                binary: true,
                ..Default::default()
            },
        );
        assert_eq!(graph.weight(0, 1), 1.0);
        assert_eq!(graph.weight(0, 2), 0.0);
    }
}
