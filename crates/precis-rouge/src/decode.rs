//! Summary files as ROUGE reads them: bytes, with UTF-16 made UTF-8.
//!
//! ROUGE-1.5.5 reads bytes: its words are runs of ASCII letters and digits and
//! its `-b` limit counts bytes, so a summary in UTF-8 or in a legacy 8-bit
//! encoding is scored as it stands, and decoding it would change the scores.
//! UTF-16 is another matter: every other byte of English text is a zero byte,
//! which ROUGE reads as a word boundary inside words and counts in `-b`, so a
//! UTF-16 file is transcoded to UTF-8 first. It is recognised by its
//! byte-order mark or, without one, by its zero bytes. A UTF-8 byte-order
//! mark is dropped. Bytes that do not look like text at all (a PDF saved as
//! `.txt`, a run of control bytes) are scored as they are, with a note.
//!
//! ```
//! use precis_rouge::SummaryFile;
//! let utf16: Vec<u8> = [0xFEFF].into_iter()
//!     .chain("The cat sat.\n".encode_utf16())
//!     .flat_map(u16::to_le_bytes)
//!     .collect();
//! let file = SummaryFile::from_bytes("refs/A.txt", utf16);
//! assert_eq!(file.bytes, b"The cat sat.\n");
//! assert_eq!(
//!     file.warning().as_deref(),
//!     Some("refs/A.txt: decoded from UTF-16LE (byte-order mark)")
//! );
//! ```

use std::path::{Path, PathBuf};

use crate::error::Error;

/// How many leading bytes are inspected to recognise UTF-16 without a
/// byte-order mark, and bytes that are not text.
const SNIFF_LEN: usize = 8192;

/// Signatures of binary formats sometimes saved as `.txt`.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "an OLE file (legacy Word/Excel)",
    ),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7FELF", "an executable"),
    (b"\x1F\x8B", "gzip-compressed data"),
];

/// A summary (system or reference) read from a file, as ROUGE reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryFile {
    /// Where it was read from.
    pub path: PathBuf,
    /// The bytes scored: the file's own, but UTF-16 transcoded to UTF-8 and a
    /// UTF-8 byte-order mark dropped.
    pub bytes: Vec<u8>,
    /// What was done to the bytes (transcoded from UTF-16) or is wrong with
    /// them (not text), for a warning; `None` for plain text.
    pub note: Option<String>,
}

impl SummaryFile {
    /// Read and decode the file at `path`.
    pub fn read(path: impl AsRef<Path>) -> Result<SummaryFile, Error> {
        let path = path.as_ref();
        let raw = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(SummaryFile::from_bytes(path, raw))
    }

    /// Decode `raw`, the contents of the file at `path`.
    pub fn from_bytes(path: impl Into<PathBuf>, raw: Vec<u8>) -> SummaryFile {
        let (bytes, note) = decode(raw);
        SummaryFile {
            path: path.into(),
            bytes,
            note,
        }
    }

    /// The note as a warning that names the file: `PATH: NOTE`.
    pub fn warning(&self) -> Option<String> {
        let note = self.note.as_ref()?;
        Some(format!("{}: {note}", self.path.display()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Endian {
    Little,
    Big,
}

impl Endian {
    fn name(self) -> &'static str {
        match self {
            Endian::Little => "UTF-16LE",
            Endian::Big => "UTF-16BE",
        }
    }
}

/// The bytes ROUGE should read for a file's `raw` bytes, and a note when they
/// were transcoded or are not text.
fn decode(raw: Vec<u8>) -> (Vec<u8>, Option<String>) {
    if raw.starts_with(b"\xEF\xBB\xBF") {
        let mut raw = raw;
        raw.drain(..3);
        return (raw, None);
    }
    let bom = if raw.starts_with(b"\xFF\xFE") {
        Some(Endian::Little)
    } else if raw.starts_with(b"\xFE\xFF") {
        Some(Endian::Big)
    } else {
        None
    };
    if let Some(endian) = bom {
        return transcode(&raw[2..], endian, "byte-order mark");
    }
    let sample = &raw[..raw.len().min(SNIFF_LEN)];
    if let Some(endian) = sniff_utf16(sample) {
        return transcode(&raw, endian, "no byte-order mark; found by its zero bytes");
    }
    let note = not_text(sample).map(|what| {
        format!("does not look like text ({what}); scored as it is, as ROUGE-1.5.5 would")
    });
    (raw, note)
}

/// UTF-16 `bytes` as UTF-8, with the note that says so; invalid code units
/// (an unpaired surrogate, an odd last byte) become U+FFFD.
fn transcode(bytes: &[u8], endian: Endian, how: &str) -> (Vec<u8>, Option<String>) {
    let units = bytes.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        match endian {
            Endian::Little => u16::from_le_bytes(pair),
            Endian::Big => u16::from_be_bytes(pair),
        }
    });
    let mut text = String::with_capacity(bytes.len());
    let mut replaced = usize::from(bytes.len() % 2 == 1);
    for c in char::decode_utf16(units) {
        text.push(c.unwrap_or_else(|_| {
            replaced += 1;
            char::REPLACEMENT_CHARACTER
        }));
    }
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    let mut note = format!("decoded from {} ({how})", endian.name());
    if replaced > 0 {
        note.push_str(&format!(
            "; {replaced} invalid code unit(s) replaced with U+FFFD"
        ));
    }
    (text.into_bytes(), Some(note))
}

/// Recognises UTF-16 without a byte-order mark: text that is mostly ASCII
/// has a zero in every other byte, and almost none in the others.
fn sniff_utf16(sample: &[u8]) -> Option<Endian> {
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even_zero, mut odd_zero) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even_zero += usize::from(pair[0] == 0);
        odd_zero += usize::from(pair[1] == 0);
    }
    let mostly = |n: usize| n * 10 >= pairs * 4;
    let rarely = |n: usize| n * 20 <= pairs;
    if mostly(odd_zero) && rarely(even_zero) {
        Some(Endian::Little)
    } else if mostly(even_zero) && rarely(odd_zero) {
        Some(Endian::Big)
    } else {
        None
    }
}

/// What the bytes look like when they are not text: a known binary format,
/// or more than a tenth control bytes (other than tab, line breaks, form
/// feed and escape).
fn not_text(sample: &[u8]) -> Option<String> {
    if let Some((_, what)) = MAGIC.iter().find(|(magic, _)| sample.starts_with(magic)) {
        return Some((*what).to_owned());
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | 0x1B))
        .count();
    (controls * 10 > sample.len()).then(|| {
        format!(
            "{}% of its first {} bytes are control bytes",
            controls * 100 / sample.len(),
            sample.len()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, endian: Endian, bom: bool) -> Vec<u8> {
        let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
        units
            .flat_map(|u| match endian {
                Endian::Little => u.to_le_bytes(),
                Endian::Big => u.to_be_bytes(),
            })
            .collect()
    }

    #[test]
    fn utf16_with_and_without_a_byte_order_mark_becomes_utf8() {
        let text = "Cảnh sát met the G20.\nSecond line.\n";
        for endian in [Endian::Little, Endian::Big] {
            for bom in [true, false] {
                let (bytes, note) = decode(utf16(text, endian, bom));
                assert_eq!(bytes, text.as_bytes(), "{endian:?} {bom}");
                let note = note.expect("a note");
                assert!(note.contains(endian.name()), "{note}");
                assert_eq!(note.contains("byte-order mark)"), bom, "{note}");
            }
        }
    }

    #[test]
    fn utf8_and_legacy_bytes_are_read_as_they_are() {
        assert_eq!(
            decode(b"The cat.\n".to_vec()),
            (b"The cat.\n".to_vec(), None)
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFThe cat.\n".to_vec()),
            (b"The cat.\n".to_vec(), None)
        );
        // Windows-1252 (caf\xe9): ROUGE-1.5.5 scores these bytes; so does this crate.
        assert_eq!(
            decode(b"caf\xe9 noir".to_vec()),
            (b"caf\xe9 noir".to_vec(), None)
        );
        // One or two zero bytes are not UTF-16.
        assert_eq!(decode(b"a\0b c d e f".to_vec()).1, None);
        assert_eq!(decode(Vec::new()), (Vec::new(), None));
    }

    #[test]
    fn bad_utf16_is_replaced_and_counted() {
        let mut bytes = utf16("ab", Endian::Little, true);
        bytes.extend([0x00, 0xD8, b'c']); // an unpaired surrogate, an odd byte
        let (text, note) = decode(bytes);
        assert_eq!(
            String::from_utf8(text).expect("UTF-8"),
            "ab\u{FFFD}\u{FFFD}"
        );
        assert!(note.expect("a note").contains("2 invalid"));
    }

    #[test]
    fn bytes_that_are_not_text_are_kept_with_a_note() {
        let pdf = b"%PDF-1.4\n1 0 obj\n".to_vec();
        let (bytes, note) = decode(pdf.clone());
        assert_eq!(bytes, pdf);
        assert!(note.expect("a note").contains("a PDF document"));
        let controls: Vec<u8> = (0..64u8)
            .map(|i| if i % 3 == 0 { 1 } else { b'a' })
            .collect();
        let note = decode(controls).1.expect("a note");
        assert!(note.contains("control bytes"), "{note}");
    }

    #[test]
    fn warnings_name_the_file() {
        let file = SummaryFile::from_bytes("x/c1.txt", utf16("Hi.", Endian::Big, false));
        assert_eq!(file.bytes, b"Hi.");
        let warning = file.warning().expect("a warning");
        assert!(
            warning.starts_with("x/c1.txt: decoded from UTF-16BE"),
            "{warning}"
        );
        assert_eq!(
            SummaryFile::from_bytes("y.txt", b"Hi.".to_vec()).warning(),
            None
        );
        let missing = SummaryFile::read("/nonexistent/summary.txt").unwrap_err();
        assert!(missing.to_string().contains("/nonexistent/summary.txt"));
    }
}
