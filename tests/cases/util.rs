//! Shared helpers for the integration tests.

use std::path::PathBuf;

/// The `precis` binary, with an environment that cannot change its output.
pub fn precis() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("precis").expect("the precis binary is built");
    cmd.env_remove("RAYON_NUM_THREADS").env("NO_COLOR", "1");
    cmd.current_dir(repo());
    cmd
}

/// The standard output of a `precis` run that must succeed, as text.
pub fn stdout_of<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> String {
    let output = precis()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(output).expect("UTF-8 output")
}

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[allow(unused_imports)] // for tests that need the folder itself
pub use crate::shared_data::{shared, shared_path};

/// The shared data folder, or `relative` inside it: returns from the calling
/// test with a skip message when it is absent (fails instead when
/// `PRECIS_REQUIRE_SHARED` is set, as in CI).
#[macro_export]
macro_rules! require_shared {
    () => {
        $crate::require_shared!("")
    };
    ($relative:expr) => {
        match $crate::util::shared_path($relative) {
            Some(path) => path,
            None => return,
        }
    };
}

/// The bundled G20 corpus.
pub fn g20() -> PathBuf {
    repo().join("corpora/g20")
}

/// The files of the bundled G20 corpus as (name, text), in name order.
pub fn g20_texts() -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(g20())
        .expect("corpora/g20 is bundled")
        .map(|e| e.expect("a readable entry").path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&p).expect("corpus files are UTF-8");
            (name, text)
        })
        .collect()
}

/// Output lines parsed as JSON.
pub fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .expect("output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect()
}
