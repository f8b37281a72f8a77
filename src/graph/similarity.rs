//! The similarity graph, built from an inverted index.
//!
//! Three forms, chosen by size and settings (see [`GraphConfig`]):
//!
//! - **Dense** (up to [`GraphConfig::dense_limit`] nodes): an nalgebra matrix
//!   of every cosine above the threshold, accumulated along the postings of
//!   each sentence's terms, so only pairs that share a term are ever touched.
//! - **Factored** (larger graphs without a threshold or binary weights): the
//!   same graph, exactly,
//!   never materialised. With `V` the matrix of normalised TF-IDF rows, the
//!   graph is `W = V Vᵀ − diag(V Vᵀ)`, so `W x = V (Vᵀ x) − diag · x` costs two
//!   passes over the non-zeros of `V`: memory and time per PageRank iteration
//!   grow with the text, not with the square of the sentence count, however
//!   common the words are.
//! - **Sparse** (larger graphs with a threshold, or when asked for): each node
//!   keeps its [`GraphConfig::top_k`] strongest neighbours, made symmetric, in
//!   compressed sparse rows. A cut makes the graph non-linear in `V`, so it must
//!   be built edge by edge; to keep that sub-quadratic, candidates come from the
//!   postings of each of the sentence's terms, but a term with more than
//!   [`GraphConfig::max_postings`] postings (a very common word) contributes a
//!   fixed-size, evenly spaced sample of them. The best candidates by partial
//!   sum are then ranked by their exact cosine. The sampling approximates the
//!   exact top-k graph (the `sampled_candidates_keep_the_top_k_ranking` test
//!   measures it). Note that a top-k graph is itself a different graph from the
//!   full one: on clusters where many sentences are about equally similar, its
//!   PageRank can rank quite differently, which is why the default for large
//!   clusters is the exact factored form (see `docs/benchmarks.md`, Speed).
//!
//! Every row is computed by one thread in a fixed order, so the graph (and
//! every product with it) is the same whatever the number of threads.

use nalgebra::DMatrix;
use rayon::prelude::*;

use crate::vectors::SparseVector;

/// How large graphs are held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LargeGraph {
    /// Exact: the factored form `V Vᵀ` when there is no threshold (the default);
    /// with a threshold, the sparse top-k form.
    Exact,
    /// Always the sparse top-k form.
    TopK,
}

/// How the graph is built.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct GraphConfig {
    /// Similarities below this are not edges.
    pub threshold: f32,
    /// Largest node count held as a dense matrix.
    pub dense_limit: usize,
    /// The form of graphs above the dense limit.
    pub large: LargeGraph,
    /// Neighbours kept per node in the sparse graph.
    pub top_k: usize,
    /// In the sparse graph, a term with more postings than this proposes an
    /// evenly spaced sample of this many as neighbour candidates.
    pub max_postings: usize,
    /// Every edge weighs 1 (LexRank's thresholded graph) instead of its similarity.
    pub binary: bool,
}

impl Default for GraphConfig {
    fn default() -> Self {
        GraphConfig {
            threshold: 0.0,
            dense_limit: 1500,
            large: LargeGraph::Exact,
            top_k: 30,
            max_postings: 500,
            binary: false,
        }
    }
}

/// Which form a [`SimilarityGraph`] has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GraphKind {
    /// Every edge in a matrix.
    #[default]
    Dense,
    /// Every edge, implicitly, as `V Vᵀ`.
    Factored,
    /// The strongest edges of every node.
    Sparse,
}

/// A symmetric weighted graph over sentence groups (no self-loops).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum SimilarityGraph {
    /// Every edge, in a dense matrix.
    Dense(DMatrix<f32>),
    /// Every edge, as the product of the sentence vectors with themselves.
    Factored(Factored),
    /// The strongest edges of every node, in compressed sparse rows.
    Sparse(Csr),
}

/// A compressed sparse row matrix (an opaque part of a [`SimilarityGraph`]).
#[derive(Debug, Clone, Default)]
pub struct Csr {
    /// Row `i`'s entries are `offsets[i]..offsets[i + 1]`.
    pub(crate) offsets: Vec<usize>,
    /// Column of each entry, increasing within a row.
    pub(crate) columns: Vec<u32>,
    /// Value of each entry.
    pub(crate) values: Vec<f32>,
}

impl Csr {
    fn row(&self, i: usize) -> (&[u32], &[f32]) {
        let range = self.offsets[i]..self.offsets[i + 1];
        (&self.columns[range.clone()], &self.values[range])
    }

    fn rows(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// The rows of `vectors` (columns are term ids).
    fn from_vectors(vectors: &[SparseVector]) -> Csr {
        let nnz = vectors.iter().map(SparseVector::len).sum();
        let mut csr = Csr {
            offsets: Vec::with_capacity(vectors.len() + 1),
            columns: Vec::with_capacity(nnz),
            values: Vec::with_capacity(nnz),
        };
        csr.offsets.push(0);
        for v in vectors {
            csr.columns.extend_from_slice(&v.terms);
            csr.values.extend_from_slice(&v.weights);
            csr.offsets.push(csr.columns.len());
        }
        csr
    }

    /// The transpose, with `n_columns` rows; columns stay increasing in each row.
    ///
    /// A large matrix is transposed in parallel, one range of columns per
    /// thread: each range owns its part of the output and takes its entries
    /// from every row (a row's columns are sorted, so its entries in a range
    /// are found by binary search). A transpose has one answer, so the result
    /// is the same at any thread count.
    fn transpose(&self, n_columns: usize) -> Csr {
        let ranges = if self.columns.len() < TRANSPOSE_SERIAL_BELOW {
            1
        } else {
            rayon::current_num_threads()
        };
        self.transpose_in(n_columns, ranges)
    }

    fn transpose_in(&self, n_columns: usize, ranges: usize) -> Csr {
        if ranges <= 1 || n_columns == 0 {
            return self.transpose_serial(n_columns);
        }
        let mut offsets = vec![0usize; n_columns + 1];
        for &c in &self.columns {
            offsets[c as usize + 1] += 1;
        }
        for t in 0..n_columns {
            offsets[t + 1] += offsets[t];
        }
        // Column ranges of about equal numbers of entries.
        let per_range = self.columns.len().div_ceil(ranges).max(1);
        let mut bounds = vec![0usize];
        for (c, &offset) in offsets.iter().enumerate().take(n_columns).skip(1) {
            if offset >= per_range * bounds.len() {
                bounds.push(c);
            }
        }
        bounds.push(n_columns);
        let mut columns = vec![0u32; self.columns.len()];
        let mut values = vec![0f32; self.values.len()];
        // Each range's part of the output, split off without overlap.
        let mut parts = Vec::with_capacity(bounds.len() - 1);
        let (mut rest_columns, mut rest_values) = (&mut columns[..], &mut values[..]);
        for w in bounds.windows(2) {
            let size = offsets[w[1]] - offsets[w[0]];
            let (c, cr) = std::mem::take(&mut rest_columns).split_at_mut(size);
            let (v, vr) = std::mem::take(&mut rest_values).split_at_mut(size);
            parts.push((w[0], w[1], c, v));
            (rest_columns, rest_values) = (cr, vr);
        }
        parts
            .into_par_iter()
            .for_each(|(first, last, out_columns, out_values)| {
                let base = offsets[first];
                let mut next: Vec<usize> = offsets[first..last].iter().map(|o| o - base).collect();
                for i in 0..self.rows() {
                    let (cs, vs) = self.row(i);
                    let lo = cs.partition_point(|&c| (c as usize) < first);
                    let hi = lo + cs[lo..].partition_point(|&c| (c as usize) < last);
                    for (&c, &v) in cs[lo..hi].iter().zip(&vs[lo..hi]) {
                        let slot = &mut next[c as usize - first];
                        out_columns[*slot] = i as u32;
                        out_values[*slot] = v;
                        *slot += 1;
                    }
                }
            });
        Csr {
            offsets,
            columns,
            values,
        }
    }

    /// The transpose in one pass.
    fn transpose_serial(&self, n_columns: usize) -> Csr {
        let mut counts = vec![0usize; n_columns + 1];
        for &c in &self.columns {
            counts[c as usize + 1] += 1;
        }
        for t in 0..n_columns {
            counts[t + 1] += counts[t];
        }
        let offsets = counts.clone();
        let mut next = counts;
        let mut columns = vec![0u32; offsets[n_columns]];
        let mut values = vec![0f32; offsets[n_columns]];
        for i in 0..self.rows() {
            let (cs, vs) = self.row(i);
            for (&c, &v) in cs.iter().zip(vs) {
                let slot = &mut next[c as usize];
                columns[*slot] = i as u32;
                values[*slot] = v;
                *slot += 1;
            }
        }
        Csr {
            offsets,
            columns,
            values,
        }
    }
}

/// Entries below which a transpose runs in one pass on one thread.
const TRANSPOSE_SERIAL_BELOW: usize = 1 << 20;

/// The graph `V Vᵀ − diag(V Vᵀ)`, held as `V` and its transpose (an opaque
/// part of a [`SimilarityGraph`]).
#[derive(Debug, Clone, Default)]
pub struct Factored {
    /// Sentence -> (term, weight).
    rows: Csr,
    /// Term -> (sentence, weight): the inverted index.
    postings: Csr,
    /// Each sentence's similarity to itself (1, or 0 for an empty vector).
    self_similarity: Vec<f32>,
}

impl Factored {
    /// `y = V (Vᵀ x) − diag · x`, accumulated in f64, in a fixed order.
    fn multiply(&self, x: &[f32], y: &mut [f32]) {
        let z: Vec<f64> = (0..self.postings.rows())
            .into_par_iter()
            .with_min_len(256)
            .map(|t| {
                let (rows, weights) = self.postings.row(t);
                rows.iter()
                    .zip(weights)
                    .map(|(&i, &w)| w as f64 * x[i as usize] as f64)
                    .sum()
            })
            .collect();
        y.par_iter_mut()
            .with_min_len(256)
            .enumerate()
            .for_each(|(i, y)| {
                let (terms, weights) = self.rows.row(i);
                let product: f64 = terms
                    .iter()
                    .zip(weights)
                    .map(|(&t, &w)| w as f64 * z[t as usize])
                    .sum();
                *y = (product - self.self_similarity[i] as f64 * x[i] as f64) as f32;
            });
    }

    fn similarity(&self, i: usize, j: usize) -> f32 {
        if i == j {
            return 0.0;
        }
        let (a, wa) = self.rows.row(i);
        let (b, wb) = self.rows.row(j);
        merge_dot(a, wa, b, wb)
    }
}

fn merge_dot(a: &[u32], wa: &[f32], b: &[u32], wb: &[f32]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += wa[i] * wb[j];
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

impl SimilarityGraph {
    /// Number of nodes.
    pub fn len(&self) -> usize {
        match self {
            SimilarityGraph::Dense(m) => m.nrows(),
            SimilarityGraph::Factored(f) => f.rows.rows(),
            SimilarityGraph::Sparse(csr) => csr.rows(),
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

    /// The form the graph is held in.
    pub fn kind(&self) -> GraphKind {
        match self {
            SimilarityGraph::Dense(_) => GraphKind::Dense,
            SimilarityGraph::Factored(_) => GraphKind::Factored,
            SimilarityGraph::Sparse(_) => GraphKind::Sparse,
        }
    }

    /// Number of undirected edges held explicitly (0 for the factored graph,
    /// whose edges are every pair of sentences that share a term).
    pub fn edge_count(&self) -> usize {
        match self {
            SimilarityGraph::Dense(m) => m.iter().filter(|&&w| w > 0.0).count() / 2,
            SimilarityGraph::Factored(_) => 0,
            SimilarityGraph::Sparse(csr) => csr.values.len() / 2,
        }
    }

    /// Weighted degree (sum of edge weights) of every node.
    pub fn degrees(&self) -> Vec<f32> {
        match self {
            SimilarityGraph::Dense(m) => m
                .as_slice()
                .par_chunks(m.nrows().max(1))
                .with_min_len(crate::parallel::rows_of(m.nrows()))
                .map(|column| column.iter().sum())
                .collect(),
            SimilarityGraph::Factored(f) => {
                let ones = vec![1.0f32; self.len()];
                let mut degrees = vec![0.0f32; self.len()];
                f.multiply(&ones, &mut degrees);
                // Rounding can leave a tiny residue on isolated nodes.
                for d in &mut degrees {
                    if *d < 1e-6 {
                        *d = 0.0;
                    }
                }
                degrees
            }
            SimilarityGraph::Sparse(csr) => (0..self.len())
                .into_par_iter()
                .with_min_len(crate::parallel::ITEMS)
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
                    .with_min_len(crate::parallel::rows_of(n))
                    .for_each(|(y, column)| {
                        *y = nalgebra::DVectorView::from_slice(column, column.len()).dot(&x)
                    });
            }
            SimilarityGraph::Factored(f) => f.multiply(x, y),
            SimilarityGraph::Sparse(csr) => {
                y.par_iter_mut()
                    .with_min_len(256)
                    .enumerate()
                    .for_each(|(i, y)| {
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
            SimilarityGraph::Factored(f) => f.similarity(i, j),
            SimilarityGraph::Sparse(csr) => {
                let (columns, values) = csr.row(i);
                columns
                    .binary_search(&(j as u32))
                    .map_or(0.0, |k| values[k])
            }
        }
    }
}

/// Builds the similarity graph of normalised vectors over `n_terms` terms.
pub fn build(rows: &[SparseVector], n_terms: usize, config: &GraphConfig) -> SimilarityGraph {
    let n = rows.len();
    let vectors = Csr::from_vectors(rows);
    let postings = vectors.transpose(n_terms);
    if n <= config.dense_limit {
        let mut matrix = DMatrix::<f32>::zeros(n, n);
        if n > 0 {
            matrix
                .as_mut_slice()
                .par_chunks_mut(n)
                .with_min_len(crate::parallel::rows_of(n))
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
    if config.large == LargeGraph::Exact && config.threshold <= 0.0 && !config.binary {
        let self_similarity = (0..n)
            .map(|i| {
                let w = vectors.row(i).1;
                w.iter().map(|w| w * w).sum()
            })
            .collect();
        return SimilarityGraph::Factored(Factored {
            rows: vectors,
            postings,
            self_similarity,
        });
    }
    SimilarityGraph::Sparse(build_sparse(rows, &postings, config))
}

/// Adds row's similarity to every sentence sharing a term into `acc`.
fn accumulate_row(row: &SparseVector, postings: &Csr, acc: &mut [f32]) {
    for (&t, &w) in row.terms.iter().zip(&row.weights) {
        let (js, wjs) = postings.row(t as usize);
        for (&j, &wj) in js.iter().zip(wjs) {
            acc[j as usize] += w * wj;
        }
    }
}

/// The postings of one term that row `i` looks at: all of them, or an evenly
/// spaced sample of `cap` whose phase depends on `i` (so that different rows
/// see different samples, deterministically).
fn sampled(len: usize, cap: usize, i: usize) -> impl Iterator<Item = usize> {
    let (step, count) = if len > cap {
        (len as f64 / cap as f64, cap)
    } else {
        (1.0, len)
    };
    // A fixed pseudo-random phase in [0, step) per row.
    let phase = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 11;
    let phase = (phase as f64 / (1u64 << 53) as f64) * step;
    (0..count).map(move |s| ((phase + s as f64 * step) as usize).min(len - 1))
}

fn build_sparse(rows: &[SparseVector], postings: &Csr, config: &GraphConfig) -> Csr {
    let n = rows.len();
    // Each node's k strongest neighbours, computed row by row. Rows go in blocks, each with one accumulator of n floats: few enough
    // blocks that allocating the accumulators costs little.
    let block = (n / 256).max(1024);
    let starts: Vec<usize> = (0..n).step_by(block).collect();
    let neighbours: Vec<Vec<(u32, f32)>> = starts
        .into_par_iter()
        .flat_map_iter(|start| {
            let mut scratch = Scratch {
                acc: vec![0.0; n],
                touched: Vec::new(),
                row_weights: vec![0.0; postings.rows()],
            };
            (start..(start + block).min(n))
                .map(|i| neighbours_of(i, rows, postings, config, &mut scratch))
                .collect::<Vec<_>>()
        })
        .collect();
    // Symmetrise: an edge kept by either end is kept by both.
    let mut degree = vec![0usize; n];
    for (i, list) in neighbours.iter().enumerate() {
        degree[i] += list.len();
        for &(j, _) in list {
            degree[j as usize] += 1;
        }
    }
    let mut adjacency: Vec<Vec<(u32, f32)>> =
        degree.iter().map(|&d| Vec::with_capacity(d)).collect();
    for (i, list) in neighbours.into_iter().enumerate() {
        for &(j, w) in &list {
            adjacency[j as usize].push((i as u32, w));
        }
        adjacency[i].extend(list);
    }
    let mut csr = Csr {
        offsets: Vec::with_capacity(n + 1),
        ..Default::default()
    };
    csr.offsets.push(0);
    for mut list in adjacency {
        list.sort_unstable_by_key(|e| e.0);
        list.dedup_by_key(|e| e.0);
        for (j, w) in list {
            csr.columns.push(j);
            csr.values.push(w);
        }
        csr.offsets.push(csr.columns.len());
    }
    csr
}

/// Reused space for [`neighbours_of`], left as it was found (all zeros, empty).
struct Scratch {
    /// One partial dot product per row.
    acc: Vec<f32>,
    /// Rows with a non-zero partial dot product.
    touched: Vec<u32>,
    /// The current row's weight of every term.
    row_weights: Vec<f32>,
}

/// Row `i`'s strongest neighbours.
fn neighbours_of(
    i: usize,
    rows: &[SparseVector],
    postings: &Csr,
    config: &GraphConfig,
    scratch: &mut Scratch,
) -> Vec<(u32, f32)> {
    let Scratch {
        acc,
        touched,
        row_weights,
    } = scratch;
    let k = config.top_k.max(1);
    let cap = config.max_postings.max(1);
    // How many candidates get an exact cosine: the best by partial score.
    let shortlist = (10 * k).max(64);
    let row = &rows[i];
    let mut exact = true;
    for (&t, &w) in row.terms.iter().zip(&row.weights) {
        let (js, wjs) = postings.row(t as usize);
        exact &= js.len() <= cap;
        for p in sampled(js.len(), cap, i) {
            let j = js[p];
            if acc[j as usize] == 0.0 {
                touched.push(j);
            }
            acc[j as usize] += w * wjs[p];
        }
    }
    let mut best: Vec<(u32, f32)> = touched
        .iter()
        .filter(|&&j| j as usize != i)
        .map(|&j| (j, acc[j as usize]))
        .collect();
    for &j in touched.iter() {
        acc[j as usize] = 0.0;
    }
    touched.clear();
    let by_weight = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    if !exact {
        // Partial sums: shortlist by them, then score exactly (the row's
        // weights spread out by term, so each cosine is a gather, not a merge).
        if best.len() > shortlist {
            best.select_nth_unstable_by(shortlist - 1, by_weight);
            best.truncate(shortlist);
        }
        for (&t, &w) in row.terms.iter().zip(&row.weights) {
            row_weights[t as usize] = w;
        }
        for (j, w) in &mut best {
            let other = &rows[*j as usize];
            *w = other
                .terms
                .iter()
                .zip(&other.weights)
                .map(|(&t, &wt)| row_weights[t as usize] * wt)
                .sum();
        }
        for &t in &row.terms {
            row_weights[t as usize] = 0.0;
        }
    }
    best.retain(|&(_, w)| w > 0.0 && w >= config.threshold);
    if best.len() > k {
        best.select_nth_unstable_by(k - 1, by_weight);
        best.truncate(k);
    }
    if config.binary {
        best.iter_mut().for_each(|e| e.1 = 1.0);
    }
    // Keep k entries, not the capacity of every candidate.
    best.shrink_to_fit();
    best
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

    /// The parallel transpose (column ranges from chunks of rows) is the
    /// one-pass transpose, with skewed columns, empty rows and empty columns.
    #[test]
    fn the_parallel_transpose_is_the_serial_one() {
        let mut next = crate::test_support::draws(11);
        let n_columns = 500;
        let vectors: Vec<SparseVector> = (0..3_000)
            .map(|_| {
                // Zipf-like: low columns far more common.
                let mut terms: Vec<u32> = (0..next(12))
                    .map(|_| (next(n_columns) * next(n_columns) / n_columns) as u32)
                    .collect();
                terms.sort_unstable();
                terms.dedup();
                let weights = terms.iter().map(|&t| t as f32 + 0.5).collect();
                SparseVector { terms, weights }
            })
            .collect();
        let csr = Csr::from_vectors(&vectors);
        let serial = csr.transpose_serial(n_columns as usize + 3);
        for ranges in [2, 3, 16, 1000] {
            let parallel = csr.transpose_in(n_columns as usize + 3, ranges);
            assert_eq!(parallel.offsets, serial.offsets);
            assert_eq!(parallel.columns, serial.columns);
            assert_eq!(parallel.values, serial.values);
        }
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
                large: LargeGraph::TopK,
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

    /// A cluster of `n` sentence vectors around `topics` seed sentences: each
    /// sentence is its seed's terms with a quarter replaced by Zipf-drawn terms
    /// (as ../shared/peers/make_synth.py does with words).
    pub(crate) fn synthetic(n: usize, topics: usize, vocabulary: u32) -> Vec<SparseVector> {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let zipf = |next: &mut dyn FnMut() -> u64| {
            let u = (next() >> 11) as f64 / (1u64 << 53) as f64;
            ((vocabulary as f64).powf(u) as u32).min(vocabulary - 1)
        };
        let seeds: Vec<Vec<u32>> = (0..topics)
            .map(|_| (0..15).map(|_| zipf(&mut next)).collect())
            .collect();
        (0..n)
            .map(|i| {
                let mut terms = seeds[i % topics].clone();
                for _ in 0..4 {
                    let at = (next() % terms.len() as u64) as usize;
                    terms[at] = zipf(&mut next);
                }
                terms.sort_unstable();
                let mut pairs: Vec<(u32, f32)> = Vec::new();
                for t in terms {
                    match pairs.last_mut() {
                        Some((last, w)) if *last == t => *w += 1.0,
                        _ => pairs.push((t, 1.0 + (t as f32).ln_1p())),
                    }
                }
                vector(&pairs)
            })
            .collect()
    }

    fn top(scores: &[f64], k: usize) -> Vec<usize> {
        let mut order: Vec<usize> = (0..scores.len()).collect();
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
        order.truncate(k);
        order
    }

    #[test]
    fn factored_graph_equals_dense() {
        let rows = synthetic(300, 7, 400);
        let dense = build(&rows, 400, &GraphConfig::default());
        let factored = build(
            &rows,
            400,
            &GraphConfig {
                dense_limit: 0,
                ..Default::default()
            },
        );
        assert_eq!(factored.kind(), GraphKind::Factored);
        for (i, j) in [(0, 1), (5, 12), (17, 17), (299, 3)] {
            assert!((dense.weight(i, j) - factored.weight(i, j)).abs() < 1e-5);
        }
        let config = crate::graph::PageRankConfig::default();
        let a = crate::graph::pagerank(&dense, &[], &config);
        let b = crate::graph::pagerank(&factored, &[], &config);
        for (x, y) in a.scores.iter().zip(&b.scores) {
            assert!((x - y).abs() < 1e-6, "{x} {y}");
        }
        assert_eq!(top(&a.scores, 10), top(&b.scores, 10));
    }

    #[test]
    fn sampled_candidates_keep_the_top_k_ranking() {
        // Every topic term is "very common" here: 4,000 sentences over 20
        // topics and a cap of 100 postings, so candidates come from samples.
        let (n, terms) = (4000, 2000);
        let rows = synthetic(n, 20, terms);
        let top_k = |max_postings| GraphConfig {
            dense_limit: 0,
            large: LargeGraph::TopK,
            max_postings,
            ..Default::default()
        };
        let exact = build(&rows, terms as usize, &top_k(usize::MAX));
        let sampled = build(&rows, terms as usize, &top_k(100));
        assert_eq!(sampled.kind(), GraphKind::Sparse);
        let config = crate::graph::PageRankConfig::default();
        let a = top(&crate::graph::pagerank(&exact, &[], &config).scores, 10);
        let b = top(&crate::graph::pagerank(&sampled, &[], &config).scores, 10);
        let overlap = a.iter().filter(|i| b.contains(i)).count();
        assert!(overlap >= 8, "top-10 overlap {overlap}: {a:?} vs {b:?}");
    }

    #[test]
    fn the_sparse_graph_is_the_same_on_any_number_of_threads() {
        let rows = synthetic(600, 5, 300);
        let config = GraphConfig {
            dense_limit: 0,
            large: LargeGraph::TopK,
            max_postings: 20,
            ..Default::default()
        };
        let many = build(&rows, 300, &config);
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap()
            .install(|| build(&rows, 300, &config));
        let (SimilarityGraph::Sparse(a), SimilarityGraph::Sparse(b)) = (&many, &one) else {
            panic!("expected sparse graphs");
        };
        assert_eq!(a.offsets, b.offsets);
        assert_eq!(a.columns, b.columns);
        assert_eq!(a.values, b.values);
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
