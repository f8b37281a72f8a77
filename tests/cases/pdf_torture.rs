//! Every file of ../shared/pdf-torture (real-world PDFs that break readers):
//! `precis read` neither panics nor hangs, and each file is either read or
//! named on stderr with the reason it gave no text.

use std::time::Duration;

use serde_json::Value;

use crate::require_shared;
use crate::util::precis;

#[test]
fn every_torture_pdf_is_read_or_named_with_a_reason() {
    let shared = require_shared!();
    let folder = shared.join("pdf-torture");
    let mut files: Vec<_> = match std::fs::read_dir(&folder) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .collect(),
        Err(_) => {
            eprintln!("skipped: {} is absent", folder.display());
            return;
        }
    };
    files.sort();
    // All at once, read in parallel: each file has the reader's own time
    // budget, so the run as a whole is bounded; the outer timeout only
    // catches a hang that the budget failed to stop.
    let output = precis()
        .arg("read")
        .args(&files)
        .timeout(Duration::from_secs(900))
        .output()
        .expect("precis runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "exit {:?}: {stderr}",
        output.status.code()
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    let records: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect();
    assert_eq!(records.len(), files.len(), "{stderr}");
    let mut failed = 0;
    for (file, record) in files.iter().zip(&records) {
        let path = record["path"].as_str().unwrap();
        assert_eq!(path, file.display().to_string());
        if let Some(error) = record.get("error").and_then(Value::as_str) {
            failed += 1;
            assert!(!error.is_empty());
            assert!(
                stderr.contains(&format!("{path}: {error}")),
                "{path} failed ({error}) without a warning naming it: {stderr}"
            );
        }
    }
    eprintln!(
        "{} torture PDFs: {} read, {failed} named with a reason",
        files.len(),
        files.len() - failed
    );
}
