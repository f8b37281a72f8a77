//! Ingest: files, folders and stdin to [`Document`]s.
//!
//! Folders are walked in sorted order so that the same folder always yields the
//! same documents in the same order (`walk.rs`). Each file is decoded (see
//! `decode.rs`); HTML is reduced to its article text (see [`html`]); PDF, Word
//! and OpenDocument files to their text, with PDF pages kept
//! ([`Document::from_container`], behind a panic-proof reader thread with a
//! time budget). A file that cannot be used (missing, unreadable, binary, a
//! symlink loop) becomes a [`Warning`](crate::Warning) and the rest goes on;
//! only when nothing at all is readable is it an error ([`load`]).

pub(crate) mod decode;
mod document;
mod format;
mod guard;
pub mod html;
mod load;
mod office;
pub mod offsets;
mod pdf;
pub mod read;
mod walk;

pub use document::Document;
pub use format::Format;
pub(crate) use load::gather;
pub use load::{
    load, IngestOptions, Input, Loaded, DEFAULT_MAX_CLUSTER_BYTES, DEFAULT_MAX_CONTAINER_BYTES,
    DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_READER_TIME_BUDGET,
};
