//! Helpers shared by unit tests.

/// A small deterministic generator (a 64-bit linear congruential one) for
/// test data: `next(m)` draws from `0..m`. Tests that compare a fast path with
/// its reference need varied inputs, not good randomness, and the same ones
/// on every run.
pub(crate) fn draws(seed: u64) -> impl FnMut(u64) -> u64 {
    let mut state = seed;
    move |m| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % m
    }
}
