//! One batch record: a cluster of documents as one line of JSON.
//!
//! ```json
//! {"id": "c1", "docs": [{"id": "a", "title": "Summit opens", "text": "..."}], "budget": {"words": 100}}
//! ```
//!
//! - `id` (required): the cluster id, a string or an integer. It is only
//!   echoed in the output, never used as a file name, so any value is safe;
//!   ids need not be unique (output lines follow input lines).
//! - `docs` (required): the documents, in order, each with `text` (required,
//!   plain text; spans in the output are byte offsets into it), `id`
//!   (optional, a string or an integer; default its 1-based position; repeated
//!   ids get `#2`, `#3`...) and `title` (optional; the document's title,
//!   which is never chosen as a summary sentence).
//! - `budget` (optional): `{"words": N}`, `{"bytes": N}` or
//!   `{"sentences": N}` with N ≥ 1; default the batch's budget.
//! - `language` (optional, on the record or on a document): an ISO 639-1
//!   code; a document's own wins over its record's, and either over
//!   `--language` and detection.
//! - `query` (optional): a question the summary should answer.
//! - `since` (optional): documents the reader has already read, written as
//!   `docs` are.
//!
//! Other fields are ignored. A record is read straight into a [`Request`]:
//! [`parse`].

use serde::Deserialize;

use crate::ingest::Document;
use crate::language::Language;
use crate::select::Budget;
use crate::summarizer::Request;

/// A cluster id or document id: a string, or an integer written as one.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Id(String);

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Text(String),
            Signed(i64),
            Unsigned(u64),
        }
        let raw = Raw::deserialize(deserializer)
            .map_err(|_| serde::de::Error::custom("an id must be a string or an integer"))?;
        Ok(Id(match raw {
            Raw::Text(s) => s,
            Raw::Signed(n) => n.to_string(),
            Raw::Unsigned(n) => n.to_string(),
        }))
    }
}

#[derive(Deserialize)]
struct RawRecord {
    #[serde(default)]
    id: Option<Id>,
    docs: Vec<RawDocument>,
    #[serde(default)]
    budget: Option<Budget>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    query: Option<String>,
    #[serde(default)]
    since: Vec<RawDocument>,
}

#[derive(Deserialize)]
struct RawDocument {
    #[serde(default)]
    id: Option<Id>,
    #[serde(default)]
    title: Option<String>,
    text: String,
    #[serde(default)]
    language: Option<String>,
}

/// Why a line is not a usable record: the message, and the cluster id when
/// the line was JSON with an `id` after all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// The record's id, when one could be read.
    pub id: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// Reads one input line as a request. Errors name the problem and, when
/// the line is an object with a usable `id`, that id.
///
/// ```
/// let r = precis::batch::parse(br#"{"id": 7, "docs": [{"text": "One. Two."}], "budget": {"sentences": 1}}"#).unwrap();
/// assert_eq!(r.id.as_deref(), Some("7"));
/// assert_eq!(r.budget, Some(precis::Budget::Sentences(1)));
/// let e = precis::batch::parse(br#"{"id": "x", "documents": []}"#).unwrap_err();
/// assert_eq!(e.id.as_deref(), Some("x"));
/// assert!(e.message.contains("missing field `docs`"), "{}", e.message);
/// ```
pub fn parse(line: &[u8]) -> Result<Request, RecordError> {
    // A byte-order mark (a file saved by a Windows editor, or files with
    // one each joined together) is no part of the record.
    let line = line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line);
    if line.iter().all(u8::is_ascii_whitespace) {
        return Err(RecordError {
            id: None,
            message: "empty line (expected a JSON object)".into(),
        });
    }
    if let Err(err) = std::str::from_utf8(line) {
        return Err(RecordError {
            id: None,
            message: format!(
                "invalid record: not valid UTF-8 (at byte {})",
                err.valid_up_to() + 1
            ),
        });
    }
    let mut json = serde_json::Deserializer::from_slice(line);
    let raw = match serde_path_to_error::deserialize::<_, RawRecord>(&mut json) {
        Ok(raw) => raw,
        Err(err) => {
            return Err(RecordError {
                id: salvage_id(line),
                message: describe(line, Some(err.path()), err.inner()),
            })
        }
    };
    // Anything after the object but spaces is no JSON Lines record.
    if let Err(err) = json.end() {
        return Err(RecordError {
            id: salvage_id(line),
            message: describe(line, None, &err),
        });
    }
    let Some(Id(id)) = raw.id else {
        return Err(RecordError {
            id: None,
            message: "invalid record: missing field `id`".into(),
        });
    };
    let language = |code: Option<String>| {
        match code {
        None => Ok(None),
        Some(code) => Language::from_code(&code)
            .map(Some)
            .ok_or_else(|| RecordError {
                id: Some(id.clone()),
                message: format!(
                    "invalid record: unknown language code '{code}' (expected an ISO 639-1 code, one of {})",
                    Language::known_codes()
                ),
            }),
    }
    };
    let record_language = language(raw.language)?;
    let documents = |raw: Vec<RawDocument>| -> Result<Vec<Document>, RecordError> {
        let fields = raw
            .into_iter()
            .map(|d| {
                Ok(DocumentFields {
                    id: d.id.map(|id| id.0),
                    title: d.title,
                    text: d.text,
                    language: language(d.language)?,
                })
            })
            .collect::<Result<Vec<_>, RecordError>>()?;
        Ok(documents_from_fields(fields, record_language))
    };
    let mut request = Request::new(documents(raw.docs)?).with_id(id.clone());
    request.budget = raw.budget;
    request.query = raw.query;
    request.since = documents(raw.since)?;
    Ok(request)
}

/// A document given by its fields, as a record's `docs` give it (and the
/// Python package's dicts).
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct DocumentFields {
    /// Its id; `None` is its 1-based position.
    pub id: Option<String>,
    /// Its title, never chosen as a summary sentence.
    pub title: Option<String>,
    /// Its text (plain text: spans are byte offsets into it).
    pub text: String,
    /// Its language, when given.
    pub language: Option<Language>,
}

impl DocumentFields {
    /// A document of `text` alone.
    pub fn new(text: impl Into<String>) -> Self {
        DocumentFields {
            text: text.into(),
            ..DocumentFields::default()
        }
    }
}

/// Documents made from their fields as a record's are: an id left out is
/// the document's 1-based position, a repeated id gets `#2`, `#3`...; a
/// title's runs of whitespace become one space (a blank title is none); a
/// document without a language of its own takes `language`.
///
/// ```
/// use precis::batch::record::{documents_from_fields, DocumentFields};
/// let mut a = DocumentFields::new("One.");
/// a.id = Some("a".into());
/// a.title = Some(" Big \n news ".into());
/// let docs = documents_from_fields(vec![a.clone(), a, DocumentFields::new("Two.")], None);
/// let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
/// assert_eq!(ids, ["a", "a#2", "3"]);
/// assert_eq!(docs[0].title.as_deref(), Some("Big news"));
/// ```
pub fn documents_from_fields(
    fields: Vec<DocumentFields>,
    language: Option<Language>,
) -> Vec<Document> {
    let mut seen: rustc_hash::FxHashMap<String, usize> = Default::default();
    fields
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let base = d.id.unwrap_or_else(|| (i + 1).to_string());
            let count = seen.entry(base.clone()).or_insert(0);
            *count += 1;
            let id = if *count > 1 {
                format!("{base}#{count}")
            } else {
                base
            };
            let mut doc = Document::from_text(id, d.text);
            doc.title = d
                .title
                .as_deref()
                .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|t| !t.is_empty());
            doc.language = d.language.or(language);
            doc
        })
        .collect()
}

/// The `id` of a line that is a JSON object with a string or integer id.
fn salvage_id(line: &[u8]) -> Option<String> {
    #[derive(Deserialize)]
    struct OnlyId {
        id: Id,
    }
    serde_json::from_slice::<OnlyId>(line).ok().map(|r| r.id.0)
}

/// What is wrong with a line that did not read as a record: JSON that is
/// not JSON ("invalid JSON", with the column), or valid JSON of another
/// shape ("invalid record", with the field's path), never serde's names for
/// precis's own types.
fn describe(
    line: &[u8],
    path: Option<&serde_path_to_error::Path>,
    inner: &serde_json::Error,
) -> String {
    if serde_json::from_slice::<serde::de::IgnoredAny>(line).is_err() {
        let text = inner.to_string();
        let text = match text.rfind(" at line ") {
            Some(at) => &text[..at],
            None => &text,
        };
        return format!("invalid JSON: {text} (at column {})", inner.column());
    }
    let shape = match line.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => None,
        Some(b'[') => Some("an array"),
        Some(b'"') => Some("a string"),
        Some(b't' | b'f') => Some("a boolean"),
        Some(b'n') => Some("null"),
        _ => Some("a number"),
    };
    if let Some(shape) = shape {
        return format!("invalid record: a record is a JSON object ({{\"id\": ..., \"docs\": [...]}}), not {shape}");
    }
    let text = inner.to_string();
    let text = match text.rfind(" at line ") {
        Some(at) => &text[..at],
        None => &text,
    };
    let text = text
        .replace("struct RawRecord", "a record object")
        .replace("struct RawDocument", "a document object");
    let path = path.map(ToString::to_string).unwrap_or_default();
    if path == "." || path.is_empty() {
        format!("invalid record: {text}")
    } else {
        format!("invalid record: {path}: {text}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_budget_unit_parses() {
        for (json, budget) in [
            (r#"{"words": 50}"#, Budget::Words(50)),
            (r#"{"bytes": 665}"#, Budget::Bytes(665)),
            (r#"{"sentences": 3}"#, Budget::Sentences(3)),
        ] {
            let line = format!(r#"{{"id": "c", "docs": [], "budget": {json}}}"#);
            assert_eq!(parse(line.as_bytes()).unwrap().budget, Some(budget));
        }
        let unknown = parse(br#"{"id": "c", "docs": [], "budget": {"pages": 2}}"#);
        assert!(unknown.unwrap_err().message.contains("pages"));
    }

    #[test]
    fn bad_lines_say_what_is_wrong() {
        let cases: [(&[u8], &str); 7] = [
            (b"", "empty line"),
            (
                b"{not json",
                "invalid JSON: key must be a string (at column 2)",
            ),
            (b"[1, 2]", "invalid record: a record is a JSON object"),
            (br#"{"docs": []}"#, "missing field `id`"),
            (br#"{"id": "c"}"#, "missing field `docs`"),
            (
                br#"{"id": "c", "docs": [{"title": "t"}]}"#,
                "missing field `text`",
            ),
            (
                b"{\"id\": \"c\", \"docs\": [{\"text\": \"\xff\"}]}",
                "invalid record: not valid UTF-8 (at byte 32)",
            ),
        ];
        for (line, expected) in cases {
            let err = parse(line).unwrap_err();
            assert!(
                err.message.contains(expected),
                "{:?}: {}",
                line,
                err.message
            );
            assert!(!err.message.contains("line 1"), "{}", err.message);
        }
        let wrong_id = parse(br#"{"id": [1], "docs": []}"#).unwrap_err();
        assert!(wrong_id.message.contains("string or an integer"));
        assert_eq!(wrong_id.id, None);
    }

    #[test]
    fn documents_get_unique_ids_and_titles() {
        let request = parse(
            br#"{"id": "../../etc", "docs": [{"id": "a", "title": " Big   news ", "text": "x"}, {"id": "a", "text": "y"}, {"text": "z"}]}"#,
        )
        .unwrap();
        let docs = &request.documents;
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "a#2", "3"]);
        assert_eq!(docs[0].title.as_deref(), Some("Big news"));
        assert_eq!(request.id.as_deref(), Some("../../etc"));
    }

    #[test]
    fn a_record_carries_its_query_and_what_was_read() {
        let request = parse(
            br#"{"id": 1, "language": "de", "query": "Was geschah?", "docs": [{"text": "a"}], "since": [{"id": "old", "text": "b", "language": "fr"}, {"text": "c"}]}"#,
        )
        .unwrap();
        assert_eq!(request.query.as_deref(), Some("Was geschah?"));
        let ids: Vec<&str> = request.since.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["old", "2"]);
        assert_eq!(request.since[0].language, Language::from_code("fr"));
        assert_eq!(request.since[1].language, Language::from_code("de"));
        assert_eq!(request.documents[0].language, Language::from_code("de"));
    }
}
