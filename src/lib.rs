//! precis: extractive multi-document summarization with citations.
pub mod eval;
