//! Shared helpers for the integration tests: a fresh folder per test, the
//! `precis` binary run with a clean environment, and checks on its JSON.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::Value;

/// Two short related news documents that always summarize.
pub const GOOD_A: &str = "\
G20 leaders met in Antalya on Sunday to discuss the war in Syria and the refugee crisis.
The talks in Antalya focused on Syria, on refugees and on the fight against terrorism.
Security around the Antalya resort was tight as leaders of the G20 arrived for the summit.
";

/// The second good document.
pub const GOOD_B: &str = "\
At the G20 summit in Antalya, leaders discussed Syria and the refugee crisis at length.
The refugee crisis dominated the second day of the G20 summit in Antalya on Monday.
Markets barely moved while the leaders of the G20 talked about Syria and refugees.
";

/// A fresh temporary folder for one test.
pub struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    /// A new empty folder.
    pub fn new() -> Self {
        Scratch {
            dir: tempfile::tempdir().expect("temporary folder"),
        }
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `bytes` at `relative` (creating folders) and returns the full path.
    pub fn write(&self, relative: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folder");
        }
        std::fs::write(&path, bytes).expect("write file");
        path
    }

    /// Creates a folder at `relative` and returns its path.
    pub fn mkdir(&self, relative: &str) -> PathBuf {
        let path = self.dir.path().join(relative);
        std::fs::create_dir_all(&path).expect("create folder");
        path
    }

    /// An input folder `in/` holding the two good documents.
    pub fn with_good_docs(&self) -> PathBuf {
        self.write("in/good-a.txt", GOOD_A);
        self.write("in/good-b.txt", GOOD_B);
        self.path().join("in")
    }
}

/// What one run of the binary produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The stdout parsed as JSON (panics with the run when it is not).
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {self:#?}"))
    }

    /// Asserts the exit code and that stderr mentions every needle.
    pub fn expect(&self, code: i32, needles: &[&str]) -> &Self {
        assert_eq!(self.code, code, "exit code: {self:#?}");
        for needle in needles {
            assert!(
                self.stderr.contains(needle),
                "stderr lacks {needle:?}: {self:#?}"
            );
        }
        self
    }
}

/// Runs `precis ARGS` in `cwd` with a clean environment and stdin from `stdin`.
pub fn precis_with_stdin(cwd: &Path, args: &[&str], stdin: &[u8]) -> Run {
    let output = assert_cmd::Command::cargo_bin("precis")
        .expect("precis binary")
        .current_dir(cwd)
        .env_remove("RAYON_NUM_THREADS")
        .env("NO_COLOR", "1")
        .args(args)
        .write_stdin(stdin.to_vec())
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .expect("run precis");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Runs `precis ARGS` in `cwd` with empty stdin.
pub fn precis(cwd: &Path, args: &[&str]) -> Run {
    precis_with_stdin(cwd, args, b"")
}

/// Runs `precis brief INPUTS --format json` in `cwd`.
pub fn brief_json(cwd: &Path, inputs: &[&str]) -> Run {
    let mut args = vec!["brief", "--format", "json"];
    args.extend_from_slice(inputs);
    precis(cwd, &args)
}

/// Every source of every sentence: the bytes at `span` in its file hold the
/// sentence (verbatim for plain UTF-8, through `decode` otherwise), and the
/// good documents are cited. `decode` turns a transcoded span back into text.
pub fn assert_spans(json: &Value, cwd: &Path, decode: &dyn Fn(&Path, &[u8]) -> Option<String>) {
    let sentences = json["sentences"].as_array().expect("sentences");
    for sentence in sentences {
        let text = sentence["text"].as_str().expect("text");
        let sources = sentence["sources"].as_array().expect("sources");
        let mut exact = false;
        let mut from_files = false;
        for source in sources {
            // Stdin and batch records have no file to check against.
            let Some(path) = source["path"].as_str() else {
                continue;
            };
            from_files = true;
            let path = cwd.join(path);
            let bytes = std::fs::read(&path).expect("cited file");
            let span = source["span"].as_array().expect("span");
            let (start, end) = (
                span[0].as_u64().expect("start") as usize,
                span[1].as_u64().expect("end") as usize,
            );
            assert!(
                start <= end && end <= bytes.len(),
                "{path:?} {start}..{end}"
            );
            let cited = &bytes[start..end];
            let found = if source.get("text_span").is_none() {
                String::from_utf8(cited.to_vec()).ok()
            } else {
                decode(&path, cited)
            };
            if let Some(found) = found {
                assert_eq!(
                    precis::text::clean::line_key(&found),
                    precis::text::clean::line_key(text),
                    "{path:?} {start}..{end}"
                );
                exact |= found == text;
            }
        }
        assert!(
            exact || !from_files,
            "no source holds {text:?} verbatim: {json:#}"
        );
    }
}

/// Plain UTF-8 spans only.
pub fn utf8_only(_: &Path, _: &[u8]) -> Option<String> {
    None
}

/// The ids of the documents that some sentence cites.
pub fn cited_ids(json: &Value) -> Vec<String> {
    let mut ids: Vec<String> = json["sentences"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["sources"].as_array().into_iter().flatten())
        .filter_map(|s| s["document"].as_str().map(str::to_owned))
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// The summary cites the good documents and every span holds its sentence.
pub fn assert_good_summarized(run: &Run, cwd: &Path) -> Value {
    let json = run.json();
    let ids = cited_ids(&json);
    assert!(
        ids.iter().any(|id| id.contains("good-")),
        "good documents not cited ({ids:?}): {run:#?}"
    );
    assert_spans(&json, cwd, &utf8_only);
    json
}

/// Whether this process can read a file whose permission bits forbid it
/// (root can): permission tests then have nothing to show.
pub fn permissions_are_enforced(scratch: &Scratch) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = scratch.write(".probe", "x");
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let enforced = std::fs::read(&probe).is_err();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let _ = std::fs::remove_file(&probe);
    enforced
}
