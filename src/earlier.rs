//! What the reader has already read (`precis brief --since`): files and
//! folders as for any input, or an earlier precis JSON briefing, whose
//! documents count as read. Beside the pipeline, as batch and eval are: it
//! reads both inputs ([`ingest`](crate::ingest)) and the JSON schema of
//! briefings ([`wire`](crate::render::wire)).

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::ingest::{load, Document, IngestOptions, Input, Loaded};
use crate::render::wire::{WireSummary, SCHEMA};
use crate::warning::{Severity, Warning};

/// Whether an input names an earlier briefing (a `.json` file) rather than
/// documents.
pub fn is_briefing(input: &Input) -> bool {
    matches!(input, Input::Path(p) if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")))
}

/// Reads the documents already read: files and folders as [`load`] reads
/// them, and for each earlier JSON briefing (`precis brief --format json`)
/// the documents it lists that can still be read, with its own sentences
/// as one more document (so that what it told counts as read even when its
/// sources are gone). Fails on a `.json` file that is not a
/// `precis.summary/1` briefing, naming it, and when nothing is readable.
pub fn load_read(inputs: &[Input], options: &IngestOptions) -> Result<Loaded> {
    let (briefings, others): (Vec<&Input>, Vec<&Input>) =
        inputs.iter().partition(|i| is_briefing(i));
    let mut loaded = Loaded::default();
    for input in briefings {
        let Input::Path(path) = input else { continue };
        let (documents, warnings) = read_briefing(path, options)?;
        loaded.documents.extend(documents);
        loaded.warnings.extend(warnings);
    }
    if !others.is_empty() {
        let others: Vec<Input> = others.into_iter().cloned().collect();
        let more = load(&others, options)?;
        loaded.documents.extend(more.documents);
        loaded.warnings.extend(more.warnings);
    }
    Ok(loaded)
}

/// The documents an earlier briefing was made from, and its sentences.
fn read_briefing(path: &Path, options: &IngestOptions) -> Result<(Vec<Document>, Vec<Warning>)> {
    let not_a_briefing = |reason: String| Error::NotABriefing {
        path: path.to_path_buf(),
        reason,
    };
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| not_a_briefing("not UTF-8 text, so not JSON".into()))?;
    let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| not_a_briefing(format!("not JSON ({e})")))?;
    match value.get("schema").and_then(|s| s.as_str()) {
        Some(SCHEMA) => {}
        Some(other) => {
            return Err(not_a_briefing(format!(
                "its schema is {other:?}, not {SCHEMA:?}"
            )))
        }
        None => {
            return Err(not_a_briefing(format!(
                "it has no \"schema\": {SCHEMA:?} (write one with precis brief --format json)"
            )))
        }
    }
    drop(value);
    let briefing: WireSummary<'_> = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| not_a_briefing(format!("not a whole briefing ({e})")))?;
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut documents = Vec::new();
    let mut warnings = Vec::new();
    let mut seen: Vec<PathBuf> = Vec::new();
    for listed in &briefing.documents {
        let Some(listed_path) = &listed.path else {
            continue;
        };
        let listed_path = PathBuf::from(listed_path);
        // Paths were written as given then: relative to where precis ran,
        // else (a briefing moved with its sources) to the briefing.
        let found = [listed_path.clone(), folder.join(&listed_path)]
            .into_iter()
            .find(|p| p.is_file());
        let Some(found) = found else {
            warnings.push(Warning::new(
                path.display().to_string(),
                format!(
                    "{} is gone; the sentences the briefing quoted from it count as read",
                    listed_path.display()
                ),
                Severity::Note,
            ));
            continue;
        };
        if seen.contains(&found) {
            continue;
        }
        seen.push(found.clone());
        match load(&[Input::Path(found)], options) {
            Ok(more) => {
                documents.extend(more.documents);
                warnings.extend(more.warnings);
            }
            Err(err) => warnings.push(Warning::new(
                path.display().to_string(),
                format!("{err}; the sentences the briefing quoted from it count as read"),
                Severity::Note,
            )),
        }
    }
    let told: Vec<&str> = briefing.sentences.iter().map(|s| s.text.as_ref()).collect();
    if !told.is_empty() {
        let mut told = Document::from_text(path.display().to_string(), told.join("\n"));
        told.path = Some(path.to_path_buf());
        documents.push(told);
    }
    if documents.is_empty() {
        return Err(not_a_briefing(
            "it quotes no sentence and none of its documents can be read".into(),
        ));
    }
    Ok((documents, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Request, Summarizer};

    #[test]
    fn an_earlier_briefing_counts_its_documents_and_sentences_as_read() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        std::fs::write(
            &a,
            "The council approved the city budget on Monday. Road repairs got most of the money.",
        )
        .unwrap();
        let request = Request::new(
            load(&[Input::Path(a.clone())], &IngestOptions::default())
                .unwrap()
                .documents,
        );
        let summary = Summarizer::default().summarize(&request).unwrap();
        let mut json = Vec::new();
        crate::render::write_json(&summary, false, &mut json).unwrap();
        let briefing = dir.path().join("monday.json");
        std::fs::write(&briefing, &json).unwrap();
        let loaded =
            load_read(&[Input::Path(briefing.clone())], &IngestOptions::default()).unwrap();
        assert_eq!(
            loaded.documents.len(),
            2,
            "the document and the briefing's sentences"
        );
        assert_eq!(
            loaded.documents[0].text,
            std::fs::read_to_string(&a).unwrap()
        );
        // Gone: its sentences still count.
        std::fs::remove_file(&a).unwrap();
        let loaded = load_read(&[Input::Path(briefing)], &IngestOptions::default()).unwrap();
        assert_eq!(loaded.documents.len(), 1);
        assert!(loaded.warnings[0].message.contains("is gone"));
    }

    #[test]
    fn json_that_is_not_a_briefing_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        for (name, content, expected) in [
            (
                "other.json",
                r#"{"schema": "other/2"}"#,
                "schema is \"other/2\"",
            ),
            ("plain.json", r#"{"a": 1}"#, "no \"schema\""),
            ("broken.json", "{not json", "not JSON"),
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, content).unwrap();
            let err = load_read(&[Input::Path(path)], &IngestOptions::default())
                .unwrap_err()
                .to_string();
            assert!(err.contains(name) && err.contains(expected), "{err}");
        }
    }
}
