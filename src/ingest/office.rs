//! Word (.docx) and OpenDocument (.odt) text: a zip archive holding one XML
//! part with the body, read as paragraphs.
//!
//! Nothing is ever unpacked to disk: the body part is looked up by its exact
//! name, so entry names with `..` or absolute paths lead nowhere. Each part is
//! decompressed only up to the document size limit, whatever the archive
//! claims, so a zip bomb stops at the cap; an archive with more entries than
//! any real document has is refused before anything is inflated.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

/// The most entries an archive may list (real documents have tens to a few
/// hundred; more is a crafted archive).
const MAX_ENTRIES: usize = 10_000;

/// Which office format a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OfficeFormat {
    /// Office Open XML word processing (.docx).
    Docx,
    /// OpenDocument text (.odt).
    Odt,
}

impl OfficeFormat {
    fn body_part(self) -> &'static str {
        match self {
            OfficeFormat::Docx => "word/document.xml",
            OfficeFormat::Odt => "content.xml",
        }
    }
}

/// The body text of a .docx or .odt file, paragraphs separated by blank
/// lines; or why there is none.
pub(crate) fn extract(
    bytes: &[u8],
    format: OfficeFormat,
    max_bytes: usize,
) -> Result<String, String> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(
            "encrypted with a password (or an old binary Word file, which precis does not read); \
             no text"
                .into(),
        );
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|err| format!("damaged beyond repair (not a readable zip archive: {err})"))?;
    if archive.len() > MAX_ENTRIES {
        return Err(format!(
            "the archive lists {} entries (more than {MAX_ENTRIES}); not read",
            archive.len()
        ));
    }
    let part = format.body_part();
    let mut entry = archive.by_name(part).map_err(|_| {
        format!("damaged beyond repair (the archive has no {part}); is it a {format:?} file?")
    })?;
    if entry.encrypted() {
        return Err("encrypted with a password; no text".into());
    }
    let mut xml = Vec::new();
    (&mut entry)
        .take((max_bytes as u64).saturating_add(1))
        .read_to_end(&mut xml)
        .map_err(|err| format!("damaged beyond repair ({part} cannot be inflated: {err})"))?;
    if xml.len() > max_bytes {
        return Err(format!(
            "{part} inflates past the document size limit ({max_bytes} bytes); not read"
        ));
    }
    paragraphs(&xml, format)
        .map_err(|err| format!("damaged beyond repair (malformed XML in {part}: {err})"))
}

/// The date a .docx or .odt file says it was created (`dcterms:created` in
/// `docProps/core.xml`, `meta:creation-date` in `meta.xml`), if any.
pub(crate) fn created(bytes: &[u8], format: OfficeFormat) -> Option<crate::date::ExplicitDate> {
    let (part, element) = match format {
        OfficeFormat::Docx => ("docProps/core.xml", "created"),
        OfficeFormat::Odt => ("meta.xml", "creation-date"),
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let entry = archive.by_name(part).ok()?;
    if entry.encrypted() {
        return None;
    }
    let mut xml = Vec::new();
    entry.take(64 << 10).read_to_end(&mut xml).ok()?;
    let xml = String::from_utf8_lossy(&xml);
    // `<dcterms:created xsi:type="dcterms:W3CDTF">2015-11-15T09:00:00Z<`.
    let open = xml.find(&format!(":{element}"))?;
    let after = &xml[open..];
    let value = &after[after.find('>')? + 1..];
    crate::date::ExplicitDate::from_iso(&value[..value.find('<')?])
}

/// Element names (without namespace prefix) that matter in each format.
struct Names {
    paragraph: &'static [&'static str],
    text: &'static str,
    tab: &'static str,
    line_break: &'static str,
    space: &'static str,
    skipped: &'static [&'static str],
}

const DOCX: Names = Names {
    paragraph: &["p"],
    text: "t",
    tab: "tab",
    line_break: "br",
    space: "\0",
    // Deleted revisions, field codes and deleted field codes are not text.
    skipped: &["delText", "instrText", "delInstrText"],
};

const ODT: Names = Names {
    paragraph: &["p", "h"],
    text: "\0",
    tab: "tab",
    line_break: "line-break",
    space: "s",
    // Notes sit where they are cited; tracked deletions are not text.
    skipped: &["note", "tracked-changes"],
};

fn paragraphs(xml: &[u8], format: OfficeFormat) -> Result<String, String> {
    let names = match format {
        OfficeFormat::Docx => &DOCX,
        OfficeFormat::Odt => &ODT,
    };
    let mut reader = Reader::from_reader(xml);
    let mut out = String::new();
    let mut paragraph = String::new();
    // In .docx only <w:t> holds text; in .odt all text inside a paragraph does.
    let mut in_text = false;
    let mut paragraph_depth = 0usize;
    let mut skip_depth = 0usize;
    let mut buf = Vec::new();
    let end_paragraph = |out: &mut String, paragraph: &mut String| {
        let text = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            out.push_str(&text);
            out.push_str("\n\n");
        }
        paragraph.clear();
    };
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|err| format!("at byte {}: {err}", reader.error_position()))?;
        match event {
            Event::Start(e) => {
                let local = e.local_name();
                let name: &str = local.into_inner();
                if skip_depth > 0 || names.skipped.contains(&name) {
                    skip_depth += 1;
                } else if names.paragraph.contains(&name) {
                    if paragraph_depth == 0 {
                        end_paragraph(&mut out, &mut paragraph);
                    }
                    paragraph_depth += 1;
                } else if name == names.text {
                    in_text = true;
                }
            }
            Event::End(e) => {
                let local = e.local_name();
                let name: &str = local.into_inner();
                if skip_depth > 0 {
                    skip_depth -= 1;
                } else if names.paragraph.contains(&name) {
                    paragraph_depth = paragraph_depth.saturating_sub(1);
                    if paragraph_depth == 0 {
                        end_paragraph(&mut out, &mut paragraph);
                    }
                } else if name == names.text {
                    in_text = false;
                }
            }
            Event::Empty(e) if skip_depth == 0 => {
                let local = e.local_name();
                let name: &str = local.into_inner();
                if [names.tab, names.line_break, names.space].contains(&name) {
                    paragraph.push(' ');
                }
            }
            Event::Text(t)
                if skip_depth == 0
                    && (in_text || (format == OfficeFormat::Odt && paragraph_depth > 0)) =>
            {
                paragraph.push_str(&t.into_inner());
            }
            Event::GeneralRef(r)
                if skip_depth == 0
                    && (in_text || (format == OfficeFormat::Odt && paragraph_depth > 0)) =>
            {
                let name = r.into_inner();
                match resolve_reference(&name) {
                    Some(c) => paragraph.push(c),
                    None => {
                        return Err(format!(
                            "at byte {}: unknown entity &{name};",
                            reader.buffer_position()
                        ))
                    }
                }
            }
            Event::CData(t) if skip_depth == 0 && in_text => {
                paragraph.push_str(&t.into_inner());
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    end_paragraph(&mut out, &mut paragraph);
    Ok(out)
}

/// The character an XML entity or character reference stands for.
fn resolve_reference(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A zip archive holding the given entries (stored, or deflated).
    pub(crate) fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut out);
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            for (name, data) in entries {
                zip.start_file(*name, options).unwrap();
                zip.write_all(data).unwrap();
            }
            zip.finish().unwrap();
        }
        out.into_inner()
    }

    pub(crate) fn docx_of(body: &str) -> Vec<u8> {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        );
        zip_of(&[("word/document.xml", xml.as_bytes())])
    }

    #[test]
    fn the_creation_date_comes_from_the_properties() {
        let core = br#"<?xml version="1.0"?><cp:coreProperties xmlns:dcterms="http://purl.org/dc/terms/"><dcterms:created xsi:type="dcterms:W3CDTF">2015-11-15T09:00:00Z</dcterms:created></cp:coreProperties>"#;
        let docx = zip_of(&[
            ("word/document.xml", b"<w:p><w:t>x</w:t></w:p>"),
            ("docProps/core.xml", core),
        ]);
        let date = created(&docx, OfficeFormat::Docx).map(|d| d.to_string());
        assert_eq!(date.as_deref(), Some("15 November 2015"));
        let meta = br#"<office:meta><meta:creation-date>2014-03-02T10:00:00</meta:creation-date></office:meta>"#;
        let odt = zip_of(&[("content.xml", b"<text:p>x</text:p>"), ("meta.xml", meta)]);
        let date = created(&odt, OfficeFormat::Odt).map(|d| d.to_string());
        assert_eq!(date.as_deref(), Some("2 March 2014"));
        assert_eq!(created(&docx_of("x"), OfficeFormat::Docx), None);
    }

    #[test]
    fn docx_paragraphs_runs_tabs_and_entities() {
        let bytes = docx_of(
            r#"<w:p><w:r><w:t>Talks </w:t></w:r><w:r><w:t xml:space="preserve">resumed &amp; ended.</w:t></w:r></w:p>
<w:p><w:r><w:t>Second</w:t><w:tab/><w:t>para&#233;.</w:t><w:delText>gone</w:delText></w:r></w:p>
<w:p><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>"#,
        );
        let text = extract(&bytes, OfficeFormat::Docx, 1 << 20).unwrap();
        assert_eq!(text, "Talks resumed & ended.\n\nSecond paraé.\n\n");
    }

    #[test]
    fn odt_paragraphs_and_headings() {
        let xml = r#"<?xml version="1.0"?><office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>
<text:h>Heading</text:h><text:p>One<text:s/>two<text:line-break/>three <text:span>four</text:span>.</text:p>
</office:text></office:body></office:document-content>"#;
        let bytes = zip_of(&[("content.xml", xml.as_bytes())]);
        let text = extract(&bytes, OfficeFormat::Odt, 1 << 20).unwrap();
        assert_eq!(text, "Heading\n\nOne two three four.\n\n");
    }

    #[test]
    fn bombs_tricks_and_damage_are_refused_with_a_reason() {
        // A part that inflates past the cap.
        let big = format!(
            "<w:document><w:p><w:t>{}</w:t></w:p></w:document>",
            "a".repeat(5000)
        );
        let bomb = zip_of(&[("word/document.xml", big.as_bytes())]);
        let err = extract(&bomb, OfficeFormat::Docx, 1000).unwrap_err();
        assert!(err.contains("size limit"), "{err}");
        // Only the exact body part is read: a path trick is just a missing part.
        let tricky = zip_of(&[("../../word/document.xml", b"<w:p><w:t>x</w:t></w:p>")]);
        let err = extract(&tricky, OfficeFormat::Docx, 1 << 20).unwrap_err();
        assert!(err.contains("no word/document.xml"), "{err}");
        // Malformed XML.
        let broken = zip_of(&[("word/document.xml", b"<w:p><w:t>x</w:p></w:t>")]);
        let err = extract(&broken, OfficeFormat::Docx, 1 << 20).unwrap_err();
        assert!(err.contains("malformed XML"), "{err}");
        // Not a zip; an OLE (encrypted or .doc) file.
        assert!(extract(b"PK\x03\x04garbage", OfficeFormat::Docx, 100)
            .unwrap_err()
            .contains("damaged"));
        assert!(
            extract(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1], OfficeFormat::Docx, 100)
                .unwrap_err()
                .contains("password")
        );
    }
}
