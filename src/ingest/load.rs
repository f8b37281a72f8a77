//! Reading every input into documents: limits, stdin, files read in
//! parallel, ids made unique; per-input problems become warnings.

use std::io::Read;
use std::path::PathBuf;

use rayon::prelude::*;

use super::walk::walk;
use super::{decode, Document, Format};
use crate::error::{io_reason, Error, Result};
use crate::warning::{Severity, Warning};

/// The largest document read, in bytes (16 MiB). Longer files are cut at this
/// size (at a line break where possible, else at a character boundary) with a
/// warning; only that much is read. No document worth summarizing is that
/// long, and memory grows with the text: 16 MiB of log lines take about 1 s
/// and 250 MB, 64 MiB about 8 s and 1 GB (release build, 2 cores).
pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 16 << 20;

/// The most input read for one cluster, in bytes (512 MiB), counting each file
/// at its size up to [`DEFAULT_MAX_DOCUMENT_BYTES`]. Files are taken in input
/// order until the next would pass the limit; it and the files after it are
/// left out with one warning. Memory grows with the cluster (a million
/// sentences, 314 MB of text, take about 9 s and 1.3 GB), so without a cap a
/// folder of many large files could exhaust memory instead of failing clearly.
pub const DEFAULT_MAX_CLUSTER_BYTES: u64 = 512 << 20;

/// The largest PDF, Word or OpenDocument file read, in bytes (64 MiB). Such a
/// file cannot be cut and still read (a PDF's index sits at its end), and
/// most of its bytes are images and fonts; a larger file is left out with a
/// warning. Its extracted text is held to the document size limit like any
/// other, and so is every part decompressed on the way.
pub const DEFAULT_MAX_CONTAINER_BYTES: usize = 64 << 20;

/// How long one PDF, Word or OpenDocument file may take to read (20 s)
/// before it is left out as damaged or hostile; real files take milliseconds.
pub const DEFAULT_READER_TIME_BUDGET: std::time::Duration = std::time::Duration::from_secs(20);

/// Where documents come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or a folder (walked recursively).
    Path(PathBuf),
    /// Standard input, read as one document.
    Stdin,
}

impl Input {
    /// `-` means stdin; anything else is a path.
    pub fn parse(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// Limits and choices for reading inputs.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Documents longer than this many bytes are cut (with a warning).
    pub max_document_bytes: usize,
    /// Files past this many bytes of input in all are left out (with a warning).
    pub max_cluster_bytes: u64,
    /// PDF, Word and OpenDocument files larger than this are left out (with a warning).
    pub max_container_bytes: usize,
    /// How long one PDF, Word or OpenDocument file may take to read.
    pub reader_time_budget: std::time::Duration,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
            max_cluster_bytes: DEFAULT_MAX_CLUSTER_BYTES,
            max_container_bytes: DEFAULT_MAX_CONTAINER_BYTES,
            reader_time_budget: DEFAULT_READER_TIME_BUDGET,
        }
    }
}

/// The documents read, and what went wrong along the way.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Readable documents, in input order (folders sorted by path).
    pub documents: Vec<Document>,
    /// Per-input problems, in input order.
    pub warnings: Vec<Warning>,
}

impl Loaded {
    /// Whether some input was left out.
    pub fn has_skipped(&self) -> bool {
        self.warnings
            .iter()
            .any(|w| w.severity == Severity::Skipped)
    }
}

pub(crate) type ReadResult = Result<(Document, Vec<Warning>), Warning>;

/// An input found while walking, in input order.
pub(super) enum Pending {
    /// A file not yet read.
    File {
        path: PathBuf,
        id: String,
        format: Option<Format>,
        /// Its size when the folder was walked.
        size: u64,
    },
    /// A source already read (stdin is read as it is met).
    Read(ReadResult),
}

/// Reads every input into documents. Folders are walked recursively in sorted
/// order; hidden files and files of unsupported types in folders are left out.
/// Fails only when no document is readable.
pub fn load(inputs: &[Input], options: &IngestOptions) -> Result<Loaded> {
    let gathered = gather(inputs, options);
    let mut loaded = Loaded::default();
    for result in gathered.results {
        match result {
            Ok((doc, warnings)) => {
                loaded.warnings.extend(warnings);
                loaded.documents.push(doc);
            }
            Err(warning) => loaded.warnings.push(warning),
        }
    }
    loaded.warnings.extend(gathered.note);
    if loaded.documents.is_empty() {
        return Err(Error::NoDocuments {
            reason: no_documents_reason(inputs, &loaded.warnings),
        });
    }
    Ok(loaded)
}

/// Every input's outcome in input order (a document with its warnings, or
/// the warning that says why there is none), and a note on files of other
/// types left out of folders.
pub(crate) struct Gathered {
    pub(crate) results: Vec<ReadResult>,
    pub(crate) note: Option<Warning>,
}

/// Walks and reads every input; document ids are made unique.
pub(crate) fn gather(inputs: &[Input], options: &IngestOptions) -> Gathered {
    let mut pending: Vec<Pending> = Vec::new();
    let mut unsupported: Vec<String> = Vec::new();
    for input in inputs {
        match input {
            Input::Stdin => pending.push(Pending::Read(read_stdin(options))),
            Input::Path(path) => walk(path, &mut pending, &mut unsupported),
        }
    }
    let pending = within_cluster_limit(pending, options);
    let mut results: Vec<ReadResult> = pending
        .into_par_iter()
        .map(|p| match p {
            Pending::File {
                path, id, format, ..
            } => {
                // A bug in a reader (not a bad file: those are warnings
                // already) costs this file, not the run.
                let subject = path.display().to_string();
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    read_file(path, id, format, options)
                }))
                .unwrap_or_else(|_| {
                    Err(Warning::new(
                        subject,
                        "precis failed on this file (a bug: please report it); skipped",
                        Severity::Skipped,
                    ))
                })
            }
            Pending::Read(result) => result,
        })
        .collect();
    make_ids_unique(
        results
            .iter_mut()
            .filter_map(|r| r.as_mut().ok().map(|(doc, _)| doc)),
    );
    let note = (!unsupported.is_empty()).then(|| {
        unsupported.sort();
        unsupported.dedup();
        // Named by the folders given, which hold them.
        let folders: Vec<String> = inputs
            .iter()
            .filter_map(|i| match i {
                Input::Path(p) if p.is_dir() => Some(p.display().to_string()),
                _ => None,
            })
            .collect();
        Warning::new(
            folders.join(", "),
            format!(
                "files of other types were left out ({}); precis reads .txt, .md, .html, .pdf, .docx and .odt",
                unsupported.join(", ")
            ),
            Severity::Note,
        )
    });
    Gathered { results, note }
}

/// The pending inputs with files past [`IngestOptions::max_cluster_bytes`]
/// replaced by one warning. The first file is always read: a single document
/// is bounded by the document limit already.
fn within_cluster_limit(pending: Vec<Pending>, options: &IngestOptions) -> Vec<Pending> {
    let document_limit = options.max_document_bytes as u64;
    let mut used = 0u64;
    let mut kept = Vec::with_capacity(pending.len());
    let mut left_out: Vec<PathBuf> = Vec::new();
    for item in pending {
        let charge = match &item {
            Pending::File { size, .. } => (*size).min(document_limit),
            Pending::Read(Ok((doc, _))) => doc.text.len() as u64,
            Pending::Read(Err(_)) => 0,
        };
        match item {
            Pending::File { path, .. }
                if !left_out.is_empty()
                    || (used > 0 && used.saturating_add(charge) > options.max_cluster_bytes) =>
            {
                left_out.push(path);
            }
            item => {
                used = used.saturating_add(charge);
                kept.push(item);
            }
        }
    }
    if let Some(first) = left_out.first() {
        kept.push(Pending::Read(Err(Warning::new(
            first.display().to_string(),
            format!(
                "the input passes the cluster size limit ({} MiB): this file and the {} after it \
                 were left out",
                options.max_cluster_bytes >> 20,
                left_out.len() - 1
            ),
            Severity::Skipped,
        ))));
    }
    kept
}

fn no_documents_reason(inputs: &[Input], warnings: &[Warning]) -> String {
    if inputs.is_empty() {
        return "no input given".into();
    }
    let problems: Vec<String> = warnings
        .iter()
        .filter(|w| w.severity != Severity::Recovered)
        .take(5)
        .map(Warning::to_string)
        .collect();
    if problems.is_empty() {
        "no .txt, .md, .html, .pdf, .docx or .odt file found in the input".into()
    } else {
        let more = warnings.len().saturating_sub(problems.len());
        let mut reason = problems.join("; ");
        if more > 0 {
            reason.push_str(&format!(" (and {more} more)"));
        }
        reason
    }
}

/// Two inputs may share a relative path (`a/x.txt`, `b/x.txt` given as folders
/// `a` and `b`): later ones get `#2`, `#3`... so ids stay unique.
fn make_ids_unique<'a>(documents: impl Iterator<Item = &'a mut Document>) {
    let mut seen = rustc_hash::FxHashMap::default();
    for doc in documents {
        let count = seen.entry(doc.id.clone()).or_insert(0usize);
        *count += 1;
        if *count > 1 {
            doc.id = format!("{}#{}", doc.id, count);
        }
    }
}

/// Reads one file up to its size cap and one byte more, so that a file
/// over the cap is known to be over it.
fn read_file(
    path: PathBuf,
    id: String,
    format: Option<Format>,
    options: &IngestOptions,
) -> ReadResult {
    let subject = path.display().to_string();
    let file = std::fs::File::open(&path)
        .map_err(|err| Warning::new(&subject, io_reason(&err), Severity::Skipped))?;
    let mut bytes = Vec::new();
    let limit = if format.is_some_and(Format::is_container) {
        options.max_container_bytes
    } else {
        options.max_document_bytes
    };
    file.take((limit as u64).saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|err| Warning::new(&subject, io_reason(&err), Severity::Skipped))?;
    document_from_bytes(id, Some(path), bytes, format, options)
}

fn read_stdin(options: &IngestOptions) -> ReadResult {
    let mut bytes = Vec::new();
    // Up to the container limit: a PDF cannot be cut; text is cut later.
    std::io::stdin()
        .lock()
        .take(
            (options.max_document_bytes.max(options.max_container_bytes) as u64).saturating_add(1),
        )
        .read_to_end(&mut bytes)
        .map_err(|err| Warning::new("stdin", io_reason(&err), Severity::Skipped))?;
    document_from_bytes("stdin".into(), None, bytes, None, options)
}

/// Decodes one source's bytes into a document, applying the size cap.
fn document_from_bytes(
    id: String,
    path: Option<PathBuf>,
    mut bytes: Vec<u8>,
    format: Option<Format>,
    options: &IngestOptions,
) -> ReadResult {
    let subject = path
        .as_ref()
        .map_or_else(|| id.clone(), |p| p.display().to_string());
    // A PDF is read as one whatever its name says.
    let format = if decode::looks_like_pdf(&bytes) {
        Some(Format::Pdf)
    } else {
        format
    };
    if let Some(format) = format.filter(|f| f.is_container()) {
        return container_from_bytes(id, path, subject, bytes, format, options);
    }
    let mut warnings = Vec::new();
    if bytes.len() > options.max_document_bytes {
        let cut = cut_point(&bytes, options.max_document_bytes);
        bytes.truncate(cut);
        warnings.push(Warning::new(
            &subject,
            format!(
                "larger than the document size limit ({} bytes); only the first {cut} bytes were read",
                options.max_document_bytes
            ),
            Severity::Recovered,
        ));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Warning::new(
            subject,
            "empty file (no text); skipped",
            Severity::Note,
        ));
    }
    let (document, note) = Document::from_bytes(id, path, &bytes, format).map_err(|reason| {
        Warning::new(&subject, format!("{reason}; skipped"), Severity::Skipped)
    })?;
    if let Some(note) = note {
        warnings.push(Warning::new(&subject, note, Severity::Recovered));
    }
    if document.text.trim().is_empty() {
        return Err(Warning::new(
            subject,
            "no text after extraction; skipped",
            Severity::Note,
        ));
    }
    Ok((document, warnings))
}

/// Reads a PDF, Word or OpenDocument source: never cut (a cut file cannot be
/// read), left out when larger than the container limit.
fn container_from_bytes(
    id: String,
    path: Option<PathBuf>,
    subject: String,
    bytes: Vec<u8>,
    format: Format,
    options: &IngestOptions,
) -> ReadResult {
    if bytes.len() > options.max_container_bytes {
        return Err(Warning::new(
            subject,
            format!(
                "larger than the {} file size limit ({} MiB); a cut file cannot be read, so it \
                 was left out",
                format.name().to_uppercase(),
                options.max_container_bytes >> 20
            ),
            Severity::Skipped,
        ));
    }
    let (document, notes) =
        Document::from_container(id, path, bytes, format, options).map_err(|reason| {
            Warning::new(&subject, format!("{reason}; skipped"), Severity::Skipped)
        })?;
    let warnings = notes
        .into_iter()
        .map(|note| Warning::new(&subject, note, Severity::Recovered))
        .collect();
    Ok((document, warnings))
}

/// Where to cut an over-long source: the last line break in the final 64 KiB
/// before the limit, else the limit itself, moved back to the start of a UTF-8
/// character (so that the cut never makes valid UTF-8 invalid).
pub(super) fn cut_point(bytes: &[u8], limit: usize) -> usize {
    let limit = limit.min(bytes.len());
    let window_start = limit.saturating_sub(64 << 10);
    if let Some(p) = memchr::memrchr(b'\n', &bytes[window_start..limit]) {
        return window_start + p + 1;
    }
    let is_continuation = |b: u8| b & 0xC0 == 0x80;
    (limit.saturating_sub(3)..=limit)
        .rev()
        .find(|&i| i == 0 || i == bytes.len() || !is_continuation(bytes[i]))
        .unwrap_or(limit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::pdf;

    /// A PDF of `pages` pages that all draw one line of text.
    fn pdf_of_pages(pages: usize) -> Vec<u8> {
        pdf_with_info(pages, None)
    }

    /// [`pdf_of_pages`] with a document information dictionary.
    fn pdf_with_info(pages: usize, info: Option<&str>) -> Vec<u8> {
        let content = b"BT /F1 12 Tf 72 700 Td (The council agreed a budget.) Tj ET";
        let mut objects: Vec<Vec<u8>> = vec![
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            format!(
                "<< /Type /Pages /Kids [{}] /Count {pages} >>",
                (0..pages)
                    .map(|i| format!("{} 0 R", 5 + i))
                    .collect::<Vec<_>>()
                    .join(" ")
            )
            .into_bytes(),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
            [
                format!("<< /Length {} >>\nstream\n", content.len()).as_bytes(),
                content,
                b"\nendstream",
            ]
            .concat(),
        ];
        objects.extend((0..pages).map(|_| {
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
              /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
                .to_vec()
        }));
        let info_ref = info.map(|info| {
            objects.push(info.as_bytes().to_vec());
            format!(" /Info {} 0 R", objects.len())
        });
        let mut out = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, object) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
            out.extend(object);
            out.extend(b"\nendobj\n");
        }
        let xref = out.len();
        out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
        for offset in offsets {
            out.extend(format!("{offset:010} 00000 n \n").as_bytes());
        }
        out.extend(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R{} >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1,
                info_ref.unwrap_or_default()
            )
            .as_bytes(),
        );
        out
    }

    #[test]
    fn a_pdf_is_dated_by_its_creation_date() {
        let bytes = pdf_with_info(1, Some("<< /CreationDate (D:20151115093000Z) >>"));
        let (doc, _) =
            Document::from_container("a.pdf", None, bytes, Format::Pdf, &IngestOptions::default())
                .unwrap();
        assert_eq!(
            doc.date.map(|d| d.to_string()).as_deref(),
            Some("15 November 2015")
        );
        let (doc, _) = Document::from_container(
            "b.pdf",
            None,
            pdf_of_pages(1),
            Format::Pdf,
            &IngestOptions::default(),
        )
        .unwrap();
        assert_eq!(doc.date, None);
    }

    #[test]
    fn a_pdf_past_the_page_cap_says_so_not_that_it_is_too_big() {
        let options = IngestOptions::default();
        let (doc, notes) = Document::from_container(
            "long",
            None,
            pdf_of_pages(pdf::MAX_PAGES + 1),
            Format::Pdf,
            &options,
        )
        .unwrap();
        assert_eq!(
            notes,
            [format!(
                "it has {} pages; only the first {} were read",
                pdf::MAX_PAGES + 1,
                pdf::MAX_PAGES
            )]
        );
        assert_eq!(doc.page_starts.len(), pdf::MAX_PAGES);
        let (_, notes) =
            Document::from_container("short", None, pdf_of_pages(3), Format::Pdf, &options)
                .unwrap();
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn folder_is_walked_sorted_with_relative_ids() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("b.txt"), "Bee text here.").unwrap();
        std::fs::write(dir.path().join("a.md"), "# A\n\nAy text here.").unwrap();
        std::fs::write(dir.path().join("sub/c.html"), "<p>See text here.</p>").unwrap();
        std::fs::write(dir.path().join("image.png"), b"\x89PNG").unwrap();
        std::fs::write(dir.path().join(".hidden.txt"), "Hidden.").unwrap();
        let loaded = load(
            &[Input::Path(dir.path().to_path_buf())],
            &IngestOptions::default(),
        )
        .unwrap();
        let ids: Vec<_> = loaded.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a.md", "b.txt", "sub/c.html"]);
        assert_eq!(loaded.documents[2].text.trim(), "See text here.");
        assert!(!loaded.has_skipped());
        assert!(loaded.warnings.iter().any(|w| w.message.contains(".png")));
    }

    #[test]
    fn missing_and_binary_inputs_are_warnings_beside_good_ones() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good.txt");
        let binary = dir.path().join("bad.txt");
        std::fs::write(&good, "A fine sentence.").unwrap();
        std::fs::write(&binary, b"%PDF-1.4 stuff").unwrap();
        let inputs = [
            Input::Path(good),
            Input::Path(binary.clone()),
            Input::Path(dir.path().join("missing.txt")),
        ];
        let loaded = load(&inputs, &IngestOptions::default()).unwrap();
        assert_eq!(loaded.documents.len(), 1);
        assert!(loaded.has_skipped());
        let messages: Vec<String> = loaded.warnings.iter().map(Warning::to_string).collect();
        assert!(
            messages[0].contains("bad.txt") && messages[0].contains("PDF"),
            "{messages:?}"
        );
        assert!(
            messages[1].contains("missing.txt") && messages[1].contains("no such file"),
            "{messages:?}"
        );
    }

    #[test]
    fn files_past_the_cluster_limit_are_left_out_with_one_warning() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a.txt", "b.txt", "c.txt", "d.txt"] {
            let text = format!("{name} holds one sentence of text to read here.\n");
            std::fs::write(dir.path().join(name), text.repeat(2)).unwrap();
        }
        // Each file is 100 bytes: two fit in 250, the third would pass it.
        let options = IngestOptions {
            max_cluster_bytes: 250,
            ..IngestOptions::default()
        };
        let loaded = load(&[Input::Path(dir.path().to_path_buf())], &options).unwrap();
        let ids: Vec<&str> = loaded.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a.txt", "b.txt"]);
        assert!(loaded.has_skipped());
        assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
        let warning = &loaded.warnings[0];
        assert!(warning.subject.ends_with("c.txt"), "{warning}");
        assert!(
            warning.message.contains("cluster size limit")
                && warning.message.contains("1 after it"),
            "{warning}"
        );
        // A first file larger than the limit is still read (it is bounded by
        // the document limit), and nothing after it.
        let options = IngestOptions {
            max_cluster_bytes: 10,
            ..IngestOptions::default()
        };
        let loaded = load(&[Input::Path(dir.path().to_path_buf())], &options).unwrap();
        assert_eq!(loaded.documents.len(), 1);
        assert!(loaded.warnings[0].message.contains("the 2 after it"));
    }

    #[test]
    fn nothing_readable_is_an_error_that_says_why() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("empty.txt"), "").unwrap();
        let err = load(
            &[Input::Path(dir.path().to_path_buf())],
            &IngestOptions::default(),
        )
        .unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains("empty.txt") && message.contains("empty"),
            "{message}"
        );
    }

    #[test]
    fn oversized_documents_are_cut_at_a_line_break() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(
            &path,
            "First line here.\nSecond line is longer than the cap.\n",
        )
        .unwrap();
        let options = IngestOptions {
            max_document_bytes: 30,
            ..IngestOptions::default()
        };
        let loaded = load(&[Input::Path(path)], &options).unwrap();
        assert_eq!(loaded.documents[0].text, "First line here.\n");
        assert!(loaded.warnings[0].message.contains("size limit"));
    }

    /// Found by the `decode` fuzz target: a NUL byte became a space in the
    /// text while the document still claimed its spans were verbatim.
    #[test]
    fn fuzz_nul_bytes_make_spans_non_verbatim() {
        let bytes = b"Mr. Putin said: \"No.\"\x1c\0\0 Talks resumed on Jan. 5.\n";
        let (doc, note) = Document::from_bytes("f", None, bytes, Some(Format::Text))
            .unwrap_or_else(|reason| panic!("{reason}"));
        assert!(!doc.spans_are_verbatim());
        assert!(doc.source_map.is_identity());
        assert!(note.is_some_and(|n| n.contains("3 control character")));
        let clean = Document::from_bytes("g", None, b"Plain text.", Some(Format::Text))
            .unwrap_or_else(|reason| panic!("{reason}"));
        assert!(clean.0.spans_are_verbatim());
    }

    /// Found by the `decode` fuzz target: UTF-16 text without ASCII has
    /// characters as long in UTF-8 as in UTF-16, so its offset map looked like
    /// the identity and the document claimed verbatim spans.
    #[test]
    fn fuzz_utf16_without_ascii_is_not_verbatim() {
        let bytes = [0xC3, 0x00, 0xC3, 0x07, 0xFF, 0x00];
        let (doc, note) = Document::from_bytes("f", None, &bytes, Some(Format::Text))
            .unwrap_or_else(|reason| panic!("{reason}"));
        assert_eq!(doc.text, "\u{C3}\u{7C3}\u{FF}");
        assert!(note.is_some_and(|n| n.contains("UTF-16LE")));
        assert!(!doc.spans_are_verbatim());
        assert_eq!(doc.file_span(2..4), 2..4);
    }

    /// Found by the `decode` fuzz target: HTML without tags whose only change
    /// was a carriage return turned into a space had an identity offset map
    /// and claimed verbatim spans.
    #[test]
    fn fuzz_html_whitespace_is_not_verbatim() {
        let (doc, _) = Document::from_bytes("f", None, b"evr\r\n", Some(Format::Html))
            .unwrap_or_else(|reason| panic!("{reason}"));
        assert_eq!(doc.text, "evr ");
        assert!(!doc.spans_are_verbatim());
    }

    #[test]
    fn pages_are_decoded_in_the_charset_they_declare() {
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; \
            charset=windows-1251\"></head><body><p>Москва, столица России.</p></body></html>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(page);
        let (doc, note) = Document::from_bytes("p", None, &bytes, Some(Format::Html))
            .unwrap_or_else(|reason| panic!("{reason}"));
        assert_eq!(doc.text.trim(), "Москва, столица России.");
        assert!(note.is_some_and(|n| n.contains("windows-1251")));
        let word = doc.text.find("столица").unwrap();
        let span = doc.file_span(word..word + "столица".len());
        let (expected, _, _) = encoding_rs::WINDOWS_1251.encode("столица");
        assert_eq!(&bytes[span], &expected[..]);
    }

    #[test]
    fn oversized_documents_without_line_breaks_are_cut_between_characters() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        // 'é' is two bytes: a cut at 31 bytes would split the sixteenth.
        std::fs::write(&path, "é".repeat(40)).unwrap();
        let options = IngestOptions {
            max_document_bytes: 31,
            ..IngestOptions::default()
        };
        let loaded = load(&[Input::Path(path)], &options).unwrap();
        assert_eq!(loaded.documents[0].text, "é".repeat(15));
        assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
        assert!(loaded.warnings[0].message.contains("size limit"));
    }

    #[test]
    fn duplicate_ids_are_disambiguated() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        std::fs::write(a.path().join("x.txt"), "One text.").unwrap();
        std::fs::write(b.path().join("x.txt"), "Two text.").unwrap();
        let inputs = [
            Input::Path(a.path().to_path_buf()),
            Input::Path(b.path().to_path_buf()),
        ];
        let loaded = load(&inputs, &IngestOptions::default()).unwrap();
        let ids: Vec<_> = loaded.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["x.txt", "x.txt#2"]);
    }
}
