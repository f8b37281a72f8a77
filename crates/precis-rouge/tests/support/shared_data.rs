//! The shared data folder (`../shared` beside the workspace root, or
//! `$PRECIS_SHARED`) for the tests that read corpora from it. Without it those
//! tests skip with a message, but where the data is expected (CI sets
//! `PRECIS_REQUIRE_SHARED=1`) a missing folder fails the test instead, so that
//! no test passes by skipping there.

use std::path::PathBuf;

/// `relative` inside the shared data folder, or `None` (after a skip message)
/// when it is absent. Panics when it is absent and `PRECIS_REQUIRE_SHARED` is set.
pub fn shared_path(relative: &str) -> Option<PathBuf> {
    // This crate is crates/precis-rouge in the workspace; ../shared is beside
    // the workspace root, as for precis's own tests.
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let root = std::env::var_os("PRECIS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace.join("../shared"));
    let path = root.join(relative);
    if path.exists() {
        return Some(path);
    }
    let required =
        std::env::var_os("PRECIS_REQUIRE_SHARED").is_some_and(|v| !v.is_empty() && v != "0");
    assert!(
        !required,
        "{} is absent but PRECIS_REQUIRE_SHARED is set: this test must run here",
        path.display()
    );
    eprintln!(
        "skipped: {} is absent (set PRECIS_SHARED to the shared data folder)",
        path.display()
    );
    None
}
