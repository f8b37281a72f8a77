//! The Markdown briefing: cited sentences, then the sources.
//!
//! Sources are numbered in order of first citation. Consecutive sentences
//! from the same document share a paragraph; a sentence that several
//! documents contain cites them all, as in `[1, 3]`.

use std::io::Write;

use crate::summary::Summary;

/// Escapes characters that Markdown would otherwise read as markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    // A paragraph starting with `#`, `-`, `+` or `1.` would become a heading or list.
    let starts_block = out.starts_with(['#', '-', '+', '='])
        || out
            .find(|c: char| !c.is_ascii_digit())
            .is_some_and(|i| i > 0 && out[i..].starts_with(['.', ')']));
    if starts_block {
        out.insert(0, '\\');
    }
    out
}

/// Writes the briefing.
pub fn write(summary: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "*{}*\n", escape(&super::Overview::of(summary).line()))?;
    if summary.sentences.is_empty() {
        writeln!(out, "*No sentence fits within {}.*", summary.budget)?;
        return Ok(());
    }
    let super::CitationNumbers { numbers, cited } = super::CitationNumbers::of(summary);
    for (p, paragraph) in super::paragraphs(summary).iter().enumerate() {
        if p > 0 {
            write!(out, "\n\n")?;
        }
        for (i, sentence) in paragraph.iter().enumerate() {
            let mut refs: Vec<usize> = sentence
                .cited_documents()
                .iter()
                .filter_map(|&d| numbers[d])
                .collect();
            refs.sort_unstable();
            let refs = refs
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            let space = if i > 0 { " " } else { "" };
            write!(out, "{space}{} [{}]", escape(&sentence.text), refs)?;
        }
    }
    writeln!(out, "\n\n## Sources\n")?;
    for (i, &doc) in cited.iter().enumerate() {
        let document = &summary.documents[doc];
        let title = escape(document.display_title());
        match &document.path {
            Some(path) => writeln!(out, "{}. {} (`{}`)", i + 1, title, path.display())?,
            None if document.title.is_some() => {
                writeln!(out, "{}. {} (`{}`)", i + 1, title, document.id)?
            }
            None => writeln!(out, "{}. {}", i + 1, title)?,
        }
    }
    if !summary.set_aside.is_empty() {
        writeln!(out, "\n## Set aside\n")?;
        for note in super::set_aside_notes(summary) {
            let title = escape(&note.title);
            match note.locator {
                Some(at) => writeln!(out, "- {title} (`{at}`): {}", escape(&note.reason))?,
                None => writeln!(out, "- {title}: {}", escape(&note.reason))?,
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("a *b* [c] <d>"), "a \\*b\\* \\[c\\] \\<d\\>");
        assert_eq!(escape("1. first"), "\\1. first");
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("2015 was busy."), "2015 was busy.");
    }
}
