//! Evaluation: ROUGE.
