//! The bad-input battery: every case puts one bad input beside good documents
//! (or alone), runs `precis`, and checks the exit code, that the message names
//! the input and the reason, and that the good documents are still summarized
//! with spans that hold their sentences.
//!
//! Exit codes: 0 everything was used (repairs and notes are printed), 1 some
//! input was left out, 2 usage error or nothing usable at all.

mod encodings;
mod folders;
mod html;
mod jsonl;
mod limits;
mod nothing_lost;
mod text;
mod usage;
mod util;
