//! Shared helpers: a clean command, the bundled corpus, the shared folder.

use std::path::PathBuf;

use assert_cmd::Command;

/// `precis` with a clean environment (no PRECIS_* or RAYON_* variables).
pub fn precis() -> Command {
    let mut cmd = Command::cargo_bin("precis").expect("the precis binary is built");
    for (key, _) in std::env::vars() {
        if key.starts_with("PRECIS_") || key.starts_with("RAYON_") {
            cmd.env_remove(key);
        }
    }
    cmd
}

/// The bundled G20 corpus.
pub fn g20() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpora/g20")
}

/// The texts of the bundled G20 corpus, in file order.
pub fn g20_texts() -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(g20())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// `../shared` (or `$PRECIS_SHARED`), when present.
pub fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("PRECIS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    dir.is_dir().then_some(dir)
}

/// Output lines parsed as JSON.
pub fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .expect("output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect()
}
