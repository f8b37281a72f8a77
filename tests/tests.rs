//! CLI tests: one integration binary, one module per command.

mod batch;
mod each;
mod spark;
mod util;
