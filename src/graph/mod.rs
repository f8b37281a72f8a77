//! Graph: the sentence-similarity graph and its PageRank (TextRank).
//!
//! Edges are cosine similarities of TF-IDF vectors, found through an inverted
//! index (term -> sentences), so only pairs that share a term are ever looked
//! at; no all-pairs comparison. Small graphs are held dense in an nalgebra
//! matrix; large ones factored (exact, as the product of the vectors, never
//! materialised) or, with a threshold, sparse (see [`similarity`]). [`pagerank()`] ranks nodes by
//! weighted PageRank with a teleport (personalisation) vector, which is where
//! priors such as position enter.

pub mod pagerank;
pub mod similarity;

pub use pagerank::{pagerank, PageRankConfig, Ranking};
pub use similarity::{build, GraphConfig, GraphKind, LargeGraph, SimilarityGraph};
