//! How finely the stages split their work over threads.
//!
//! Each parallel loop takes at least a grain of items per task. A small
//! cluster (a news story of a few hundred sentences, as `precis batch` meets
//! twenty thousand times) then runs each stage on the thread it is on,
//! without waking others: records are `batch`'s unit of parallelism, and
//! splitting a record's 200-sentence loops over 16 threads cost more in
//! wake-ups and steals than the loops themselves. A large cluster still
//! splits every loop. Grains change only where work runs, never a result.

/// Per task at least: sentences, groups, words or graph nodes (cheap items).
pub(crate) const ITEMS: usize = 1024;

/// Per task at least: documents (each a few dozen sentences of work).
pub(crate) const DOCUMENTS: usize = 16;

/// Rows per task at least for a loop over the rows of an `n` x `n` dense
/// matrix: about 64k multiply-adds each.
pub(crate) fn rows_of(n: usize) -> usize {
    (65_536 / n.max(1)).max(1)
}
