//! Shared helpers for the integration tests.

use std::path::PathBuf;

/// The `precis` binary, with an environment that cannot change its output.
pub fn precis() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("precis").expect("the precis binary is built");
    cmd.env_remove("RAYON_NUM_THREADS").env("NO_COLOR", "1");
    cmd.current_dir(repo());
    cmd
}

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shared data folder (`../shared`, or `$PRECIS_SHARED`), if present.
pub fn shared() -> Option<PathBuf> {
    let path = std::env::var_os("PRECIS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("../shared"));
    path.is_dir().then_some(path)
}

/// Skips the calling test (by returning `None`) with a message when `../shared` is absent.
#[macro_export]
macro_rules! require_shared {
    () => {
        match $crate::util::shared() {
            Some(path) => path,
            None => {
                eprintln!("skipped: ../shared is absent (set PRECIS_SHARED to its location)");
                return;
            }
        }
    };
}
