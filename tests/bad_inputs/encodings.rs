//! Bytes that are not plain UTF-8 text: binaries, NUL bytes, other encodings.

use std::path::Path;

use crate::util::*;

/// Puts `bytes` at `in/<name>` beside the good documents and runs on `in/`.
fn beside_good(name: &str, bytes: &[u8]) -> (Scratch, Run) {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    scratch.write(&format!("in/{name}"), bytes);
    let run = brief_json(scratch.path(), &["in"]);
    (scratch, run)
}

fn binary_case(name: &str, bytes: &[u8], reason: &str) {
    let (scratch, run) = beside_good(name, bytes);
    run.expect(1, &[&format!("in/{name}"), reason, "skipped"]);
    assert_good_summarized(&run, scratch.path());
}

#[test]
fn pdf_saved_as_txt() {
    binary_case("report.txt", b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj", "PDF");
}

#[test]
fn word_docx_saved_as_txt() {
    binary_case(
        "letter.txt",
        b"PK\x03\x04\x14\x00\x06\x00word/document.xml",
        "Word",
    );
}

#[test]
fn legacy_word_doc_saved_as_md() {
    binary_case(
        "old.md",
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00\x00\x00",
        "OLE",
    );
}

#[test]
fn png_image_saved_as_html() {
    binary_case("photo.html", b"\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR", "PNG");
}

#[test]
fn executable_saved_as_txt() {
    binary_case("a.out.txt", b"\x7FELF\x02\x01\x01\x00\x00\x00", "ELF");
}

#[test]
fn random_control_bytes() {
    let noise: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8 % 32)
        .collect();
    binary_case("noise.txt", &noise, "control bytes");
}

#[test]
fn mostly_nul_bytes() {
    let mut bytes = vec![0u8; 3000];
    bytes.extend_from_slice(b"Some text at the end.");
    binary_case("zeros.txt", &bytes, "control bytes");
}

#[test]
fn stray_nul_bytes_are_blanked_and_the_file_used() {
    let bytes =
        b"Leaders of the G20\0 met in Antalya to talk about Syria and the refugee crisis.\n";
    let (scratch, run) = beside_good("nul.txt", bytes);
    run.expect(0, &["warning: in/nul.txt", "1 control character", "NUL"]);
    let json = run.json();
    assert!(cited_ids(&json).contains(&"nul.txt".to_owned()), "{run:#?}");
    // The text has a space where the file has the NUL: spans are not verbatim.
    assert_spans(&json, scratch.path(), &|path: &Path, bytes: &[u8]| {
        path.ends_with("nul.txt")
            .then(|| String::from_utf8_lossy(bytes).replace('\0', " "))
    });
}

#[test]
fn invalid_utf8_bytes_are_replaced() {
    let mut bytes = "Leaders of the G20 met in Antalya — naïve café résumé talks about Syria "
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"\xFF\xFE\xC3 and the refugee crisis went on.\n");
    let (scratch, run) = beside_good("damaged.txt", &bytes);
    run.expect(0, &["in/damaged.txt", "invalid UTF-8", "U+FFFD"]);
    assert!(cited_ids(&run.json()).contains(&"good-a.txt".to_owned()));
    assert_spans(&run.json(), scratch.path(), &|path: &Path, bytes: &[u8]| {
        path.ends_with("damaged.txt")
            .then(|| String::from_utf8_lossy(bytes).into_owned())
    });
}

const UTF16_TEXT: &str = "Leaders of the G20 met in Antalya on Sunday — to discuss Syria and the refugee crisis.\r\nThe refugee crisis in Syria dominated the talks of the G20 leaders in Antalya.\r\n";

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if big_endian { b"\xFE\xFF" } else { b"\xFF\xFE" });
    }
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

fn decode_utf16(bytes: &[u8], big_endian: bool) -> Option<String> {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|p| {
            if big_endian {
                u16::from_be_bytes([p[0], p[1]])
            } else {
                u16::from_le_bytes([p[0], p[1]])
            }
        })
        .collect();
    String::from_utf16(&units).ok()
}

/// A UTF-16 file alone: decoded with a note, and every cited span in the file
/// decodes to its sentence.
fn utf16_case(big_endian: bool, bom: bool, expected: &str) {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    scratch.write("in/windows.txt", utf16(UTF16_TEXT, big_endian, bom));
    let run = brief_json(scratch.path(), &["in"]);
    run.expect(0, &["in/windows.txt", expected]);
    let json = run.json();
    assert!(
        cited_ids(&json).contains(&"windows.txt".to_owned()),
        "the UTF-16 file is not cited: {run:#?}"
    );
    assert_spans(&json, scratch.path(), &|path: &Path, bytes: &[u8]| {
        if path.ends_with("windows.txt") {
            decode_utf16(bytes, big_endian)
        } else {
            None
        }
    });
}

#[test]
fn utf16_le_with_bom() {
    utf16_case(false, true, "UTF-16LE (byte-order mark)");
}

#[test]
fn utf16_be_with_bom() {
    utf16_case(true, true, "UTF-16BE (byte-order mark)");
}

#[test]
fn utf16_le_without_bom() {
    utf16_case(false, false, "UTF-16LE (no byte-order mark");
}

#[test]
fn utf16_be_without_bom() {
    utf16_case(true, false, "UTF-16BE (no byte-order mark");
}

#[test]
fn windows_1252() {
    let text = "Leaders of the G20 met in Antalya \u{201C}to discuss Syria\u{201D} and the refugee crisis, caf\u{E9} talk.\n";
    let bytes: Vec<u8> = text
        .chars()
        .map(|c| match c {
            '\u{201C}' => 0x93,
            '\u{201D}' => 0x94,
            '\u{E9}' => 0xE9,
            c => c as u8,
        })
        .collect();
    let scratch = Scratch::new();
    scratch.with_good_docs();
    scratch.write("in/legacy.txt", &bytes);
    let run = brief_json(scratch.path(), &["in"]);
    run.expect(0, &["in/legacy.txt", "Windows-1252"]);
    let json = run.json();
    assert!(
        cited_ids(&json).contains(&"legacy.txt".to_owned()),
        "{run:#?}"
    );
    assert_spans(&json, scratch.path(), &|path: &Path, bytes: &[u8]| {
        path.ends_with("legacy.txt").then(|| {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            text.into_owned()
        })
    });
}

#[test]
fn utf8_with_bom_spans_skip_the_mark() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(GOOD_A.replace("G20", "Group of Twenty").as_bytes());
    scratch.write("in/bom.txt", &bytes);
    let run = brief_json(scratch.path(), &["in"]);
    run.expect(0, &[]);
    let json = run.json();
    assert!(cited_ids(&json).contains(&"bom.txt".to_owned()), "{run:#?}");
    assert_spans(&json, scratch.path(), &|_, bytes: &[u8]| {
        String::from_utf8(bytes.to_vec()).ok()
    });
}

#[test]
fn binary_on_stdin() {
    let scratch = Scratch::new();
    let run = precis_with_stdin(scratch.path(), &["brief", "-"], b"%PDF-1.7 binary");
    run.expect(2, &["stdin", "PDF"]);
}
