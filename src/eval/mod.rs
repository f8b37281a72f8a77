//! Evaluation: ROUGE.
mod porter;
pub use porter::porter_stem;
