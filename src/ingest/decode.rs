//! Bytes to text: encoding detection, recovery, and binary sniffing.
//!
//! Files arrive in whatever encoding their author's tools used. UTF-8 (with or
//! without a byte-order mark) is decoded as is; UTF-16 is recognised by its BOM
//! or, without one, by the pattern of zero bytes; anything else that is not
//! valid UTF-8 is read as Windows-1252 (the usual legacy encoding of English
//! text) unless it is mostly valid UTF-8 with a few damaged bytes. Binary files
//! (PDF, images, archives, executables, or text with too many control bytes)
//! are recognised and refused with a reason, never summarized as garbage.
//!
//! Control characters other than tab and line breaks are replaced by spaces, one
//! byte for one byte, so offsets survive.

use super::offsets::{OffsetMap, OffsetMapBuilder};

/// The encoding a file was read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Valid UTF-8, possibly after a byte-order mark.
    Utf8 {
        /// Whether the file started with a UTF-8 byte-order mark.
        bom: bool,
    },
    /// Mostly UTF-8, with invalid sequences replaced by U+FFFD.
    Utf8Lossy {
        /// How many invalid sequences were replaced.
        replaced: usize,
    },
    /// UTF-16, little-endian.
    Utf16Le {
        /// Whether the file started with a byte-order mark.
        bom: bool,
    },
    /// UTF-16, big-endian.
    Utf16Be {
        /// Whether the file started with a byte-order mark.
        bom: bool,
    },
    /// Not UTF-8: read as Windows-1252.
    Windows1252,
    /// Not UTF-8: read in the encoding an HTML page declares.
    Declared {
        /// The encoding's WHATWG name (`Shift_JIS`, `windows-1251`...).
        name: &'static str,
    },
}

impl Encoding {
    /// A note for the user when the encoding was not plain UTF-8, else `None`.
    pub fn recovery_note(self) -> Option<String> {
        match self {
            Encoding::Utf8 { .. } => None,
            Encoding::Utf8Lossy { replaced } => Some(format!(
                "invalid UTF-8: {replaced} damaged byte sequence(s) replaced with U+FFFD"
            )),
            Encoding::Utf16Le { bom: true } => Some("decoded as UTF-16LE (byte-order mark)".into()),
            Encoding::Utf16Le { bom: false } => {
                Some("decoded as UTF-16LE (no byte-order mark; detected from zero bytes)".into())
            }
            Encoding::Utf16Be { bom: true } => Some("decoded as UTF-16BE (byte-order mark)".into()),
            Encoding::Utf16Be { bom: false } => {
                Some("decoded as UTF-16BE (no byte-order mark; detected from zero bytes)".into())
            }
            Encoding::Windows1252 => Some("not valid UTF-8; decoded as Windows-1252".into()),
            Encoding::Declared { name } => Some(format!(
                "not valid UTF-8; decoded as {name}, the encoding the page declares"
            )),
        }
    }
}

/// Text decoded from a file's bytes, with the map back to those bytes.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The decoded text (control characters blanked).
    pub text: String,
    /// Text offsets to file offsets.
    pub map: OffsetMap,
    /// How the bytes were read.
    pub encoding: Encoding,
    /// How many control characters (NUL and the like) were blanked to spaces.
    pub blanked: usize,
}

impl Decoded {
    /// A note for the user when the bytes were not plain text as they stood
    /// (recovered encoding, blanked control characters), else `None`.
    pub fn recovery_note(&self) -> Option<String> {
        let blanked = (self.blanked > 0).then(|| {
            format!(
                "{} control character(s) (such as NUL) replaced by spaces",
                self.blanked
            )
        });
        match (self.encoding.recovery_note(), blanked) {
            (Some(a), Some(b)) => Some(format!("{a}; {b}")),
            (a, b) => a.or(b),
        }
    }
}

/// The result of reading a file's bytes.
#[derive(Debug, Clone)]
pub enum Decoding {
    /// Text, possibly recovered.
    Text(Decoded),
    /// Not text; the reason says what it looks like.
    Binary(String),
}

/// How many leading bytes are inspected to recognise binary data and UTF-16.
const SNIFF_LEN: usize = 8192;

/// Signatures of common binary formats that are sometimes saved as `.txt`.
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
    (b"\x7FELF", "an executable (ELF)"),
    (b"MZ\x90\x00", "an executable (PE)"),
    (b"\x1F\x8B", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xFD7zXZ\x00", "xz-compressed data"),
    (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    (b"\x28\xB5\x2F\xFD", "zstd-compressed data"),
    (b"SQLite format 3\x00", "an SQLite database"),
];

/// Decodes a file's bytes, or says why they are not text.
pub fn decode(bytes: &[u8]) -> Decoding {
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Decoding::Binary(format!("binary file: looks like {what}"));
        }
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Decoding::Text(decode_utf8(rest, 3));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Decoding::Text(decode_utf16(rest, 2, Endian::Little, true));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Decoding::Text(decode_utf16(rest, 2, Endian::Big, true));
    }
    let sample = &bytes[..bytes.len().min(SNIFF_LEN)];
    if let Some(endian) = sniff_utf16(sample) {
        return Decoding::Text(decode_utf16(bytes, 0, endian, false));
    }
    let controls = sample.iter().filter(|&&b| is_binary_control(b)).count();
    if controls * 10 > sample.len() {
        return Decoding::Binary(format!(
            "binary file: {}% of the first {} bytes are control bytes",
            controls * 100 / sample.len().max(1),
            sample.len()
        ));
    }
    Decoding::Text(decode_utf8(bytes, 0))
}

/// How far into a page its `<meta charset>` is looked for (browsers look in the first 1024 bytes;
/// pages with long scripts in `<head>` put it later).
const CHARSET_SCAN_LEN: usize = 4096;

/// The encoding an HTML page declares in `<meta charset="...">` or
/// `<meta http-equiv="Content-Type" content="...; charset=...">` near its
/// start, if encoding_rs knows the label. UTF-16 declarations are ignored, as
/// browsers ignore them (a page that is UTF-16 has a byte-order mark or zero bytes).
pub fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(CHARSET_SCAN_LEN)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = memchr::memmem::find(&lower[from..], b"charset").map(|p| p + from) {
        from = p + 7;
        let in_meta = memchr::memrchr(b'<', &lower[..p])
            .is_some_and(|lt| lower[lt..].starts_with(b"<meta") && !lower[lt..p].contains(&b'>'));
        if !in_meta {
            continue;
        }
        let mut i = from;
        while i < lower.len()
            && (lower[i].is_ascii_whitespace() || matches!(lower[i], b'=' | b'"' | b'\''))
        {
            i += 1;
        }
        let start = i;
        while i < lower.len()
            && (lower[i].is_ascii_alphanumeric() || matches!(lower[i], b'-' | b'_' | b'.' | b':'))
        {
            i += 1;
        }
        let encoding = encoding_rs::Encoding::for_label(&lower[start..i]);
        if let Some(encoding) = encoding {
            if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
                return None;
            }
            return Some(encoding);
        }
    }
    None
}

/// Decodes bytes in a named encoding (one an HTML page declares), mapping
/// each decoded character back to the bytes it came from.
pub fn decode_as(bytes: &[u8], encoding: &'static encoding_rs::Encoding) -> Decoded {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 4);
    let mut map = OffsetMapBuilder::new();
    let mut blanked = 0;
    let mut chunk = String::with_capacity(16);
    // Source bytes read since the last output: they made the next characters.
    let mut pending = 0usize;
    for (i, byte) in bytes.iter().enumerate() {
        chunk.clear();
        let last = i + 1 == bytes.len();
        let (_, _, _) = decoder.decode_to_string(std::slice::from_ref(byte), &mut chunk, last);
        pending += 1;
        if !chunk.is_empty() {
            let start = text.len();
            for c in chunk.chars() {
                blanked += push_char(&mut text, c);
            }
            map.push_atomic(text.len() - start, pending);
            pending = 0;
        }
    }
    map.skip_source(pending);
    Decoded {
        text,
        map: map.finish(),
        encoding: Encoding::Declared {
            name: encoding.name(),
        },
        blanked,
    }
}

/// Control bytes that do not occur in text (tab, line feed, vertical tab, form
/// feed, carriage return and escape are tolerated).
fn is_binary_control(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | 0x1B)
}

#[derive(Clone, Copy)]
enum Endian {
    Little,
    Big,
}

/// Recognises UTF-16 without a BOM: ASCII-heavy text has a zero in every other byte.
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

/// Pushes one decoded character, blanking control characters byte for byte;
/// returns 1 when it blanked one, else 0.
fn push_char(text: &mut String, c: char) -> usize {
    if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
        // Same UTF-8 length as the control character it replaces.
        for _ in 0..c.len_utf8() {
            text.push(' ');
        }
        1
    } else {
        text.push(c);
        0
    }
}

fn decode_utf8(bytes: &[u8], bom_len: usize) -> Decoded {
    if let Ok(valid) = std::str::from_utf8(bytes) {
        let mut blanked = 0;
        let has_controls = valid
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
        let text = if has_controls {
            let mut text = String::with_capacity(valid.len());
            for c in valid.chars() {
                blanked += push_char(&mut text, c);
            }
            text
        } else {
            valid.to_owned()
        };
        let map = OffsetMap::identity(text.len(), bom_len);
        return Decoded {
            text,
            map,
            encoding: Encoding::Utf8 { bom: bom_len > 0 },
            blanked,
        };
    }
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().bytes().filter(|b| *b >= 0xC0).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    if valid_multibyte > invalid {
        decode_utf8_lossy(bytes, bom_len, invalid)
    } else {
        decode_windows_1252(bytes)
    }
}

fn decode_utf8_lossy(bytes: &[u8], bom_len: usize, replaced: usize) -> Decoded {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut map = OffsetMapBuilder::new();
    let mut blanked = 0;
    map.skip_source(bom_len);
    for chunk in bytes.utf8_chunks() {
        let start = text.len();
        for c in chunk.valid().chars() {
            blanked += push_char(&mut text, c);
        }
        map.push_linear(text.len() - start, 1);
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            map.push_atomic(
                char::REPLACEMENT_CHARACTER.len_utf8(),
                chunk.invalid().len(),
            );
        }
    }
    Decoded {
        text,
        map: map.finish(),
        encoding: Encoding::Utf8Lossy { replaced },
        blanked,
    }
}

fn decode_windows_1252(bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut map = OffsetMapBuilder::new();
    let mut blanked = 0;
    for &b in bytes {
        if b.is_ascii() {
            blanked += push_char(&mut text, b as char);
            map.push_linear(1, 1);
        } else {
            let byte = [b];
            let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
            let c = decoded
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            let start = text.len();
            blanked += push_char(&mut text, c);
            map.push_atomic(text.len() - start, 1);
        }
    }
    Decoded {
        text,
        map: map.finish(),
        encoding: Encoding::Windows1252,
        blanked,
    }
}

fn decode_utf16(bytes: &[u8], bom_len: usize, endian: Endian, bom: bool) -> Decoded {
    let units = bytes.chunks_exact(2).map(|pair| match endian {
        Endian::Little => u16::from_le_bytes([pair[0], pair[1]]),
        Endian::Big => u16::from_be_bytes([pair[0], pair[1]]),
    });
    let mut text = String::with_capacity(bytes.len() / 2 + 16);
    let mut map = OffsetMapBuilder::new();
    let mut blanked = 0;
    map.skip_source(bom_len);
    for unit in char::decode_utf16(units) {
        let (c, source_len) = match unit {
            Ok(c) => (c, c.len_utf16() * 2),
            Err(_) => (char::REPLACEMENT_CHARACTER, 2),
        };
        let start = text.len();
        blanked += push_char(&mut text, c);
        let text_len = text.len() - start;
        if c.is_ascii() {
            map.push_linear(text_len, 2);
        } else {
            map.push_atomic(text_len, source_len);
        }
    }
    // An odd trailing byte cannot be a UTF-16 unit; it is left out.
    let encoding = match endian {
        Endian::Little => Encoding::Utf16Le { bom },
        Endian::Big => Encoding::Utf16Be { bom },
    };
    Decoded {
        text,
        map: map.finish(),
        encoding,
        blanked,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> Decoded {
        match decode(bytes) {
            Decoding::Text(d) => d,
            Decoding::Binary(reason) => panic!("unexpectedly binary: {reason}"),
        }
    }

    fn utf16(s: &str, endian: Endian, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend(match endian {
                Endian::Little => [0xFF, 0xFE],
                Endian::Big => [0xFE, 0xFF],
            });
        }
        for unit in s.encode_utf16() {
            out.extend(match endian {
                Endian::Little => unit.to_le_bytes(),
                Endian::Big => unit.to_be_bytes(),
            });
        }
        out
    }

    #[test]
    fn plain_utf8_is_identity() {
        let d = text("Héllo world.".as_bytes());
        assert_eq!(d.text, "Héllo world.");
        assert!(d.map.is_identity());
        assert_eq!(d.encoding.recovery_note(), None);
    }

    #[test]
    fn utf8_bom_is_skipped_and_offsets_shift() {
        let d = text(b"\xEF\xBB\xBFHi there.");
        assert_eq!(d.text, "Hi there.");
        assert_eq!(d.map.map_span(0..2), 3..5);
        assert_eq!(d.encoding, Encoding::Utf8 { bom: true });
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let s = "Putin met Obama in Antalya — “again”.";
        for endian in [Endian::Little, Endian::Big] {
            for bom in [true, false] {
                let bytes = utf16(s, endian, bom);
                let d = text(&bytes);
                assert_eq!(d.text, s);
                let span = d.map.map_span(0..5);
                let offset = if bom { 2 } else { 0 };
                assert_eq!(span, offset..offset + 10);
                let full = d.map.map_span(0..s.len());
                assert_eq!(full.end, bytes.len());
            }
        }
    }

    #[test]
    fn windows_1252_is_recovered_with_offsets() {
        let bytes = b"caf\xE9 \x93quoted\x94 text.";
        let d = text(bytes);
        assert_eq!(d.text, "café “quoted” text.");
        assert_eq!(d.encoding, Encoding::Windows1252);
        let quoted = d.text.find('“').unwrap()..d.text.find('”').unwrap() + '”'.len_utf8();
        assert_eq!(&bytes[d.map.map_span(quoted)], b"\x93quoted\x94");
    }

    #[test]
    fn mostly_utf8_with_a_bad_byte_is_lossy() {
        let bytes = "naïve café résumé \u{2014} ok ".as_bytes().to_vec();
        let mut damaged = bytes.clone();
        damaged.push(0xFF);
        damaged.extend_from_slice(b" end.");
        let d = text(&damaged);
        assert_eq!(d.encoding, Encoding::Utf8Lossy { replaced: 1 });
        assert!(d.text.ends_with("\u{FFFD} end."));
        let end = d.text.len();
        assert_eq!(
            d.map.map_span(end - 4..end),
            damaged.len() - 4..damaged.len()
        );
    }

    #[test]
    fn declared_charsets_are_found_in_meta_tags_only() {
        let page = b"<html><head><meta charset=\"windows-1251\"><title>x</title>";
        assert_eq!(declared_charset(page), Some(encoding_rs::WINDOWS_1251));
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">";
        assert_eq!(declared_charset(page), Some(encoding_rs::SHIFT_JIS));
        assert_eq!(declared_charset(b"<p>charset=koi8-r in text</p>"), None);
        assert_eq!(declared_charset(b"<meta charset=utf-16>"), None);
        assert_eq!(declared_charset(b"<meta charset=bogus>"), None);
    }

    #[test]
    fn declared_encodings_decode_with_offsets() {
        // "Привет, мир" in windows-1251, then Japanese in Shift_JIS.
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("<p>Привет, мир</p>");
        let decoded = decode_as(&bytes, encoding_rs::WINDOWS_1251);
        assert_eq!(decoded.text, "<p>Привет, мир</p>");
        let start = decoded.text.find("мир").unwrap();
        assert_eq!(decoded.map.map_span(start..start + "мир".len()), 11..14);
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode("a日本語b");
        let decoded = decode_as(&bytes, encoding_rs::SHIFT_JIS);
        assert_eq!(decoded.text, "a日本語b");
        let b = decoded.text.find('b').unwrap();
        assert_eq!(decoded.map.map_span(b..b + 1), 7..8);
        assert!(decoded
            .recovery_note()
            .is_some_and(|n| n.contains("Shift_JIS")));
    }

    #[test]
    fn binary_formats_are_refused() {
        for bytes in [&b"%PDF-1.7 ..."[..], b"PK\x03\x04rest", b"\x89PNG\r\n"] {
            assert!(matches!(decode(bytes), Decoding::Binary(_)));
        }
        let noise: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 32) as u8).collect();
        match decode(&noise) {
            Decoding::Binary(reason) => assert!(reason.contains("control bytes"), "{reason}"),
            Decoding::Text(_) => panic!("noise decoded as text"),
        }
    }

    #[test]
    fn stray_nul_bytes_become_spaces() {
        let d = text(b"Hello\0world. Fine.");
        assert_eq!(d.text, "Hello world. Fine.");
        assert!(d.map.is_identity());
        assert_eq!(d.blanked, 1);
        let note = d.recovery_note().unwrap_or_default();
        assert!(note.contains("1 control character"), "{note}");
    }
}
