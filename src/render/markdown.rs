//! The Markdown briefing: cited sentences, then the sources.
//!
//! Sources are numbered in order of first citation. Consecutive sentences
//! from the same document share a paragraph; a sentence that several
//! documents contain cites them all, as in `[1, 3]`. A sentence from a paged
//! source (PDF) cites its page: `[2, p. 14]`, or `[2 p14, 3 p2]` beside
//! other sources.

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
    if let Some(query) = &summary.query {
        writeln!(out, "**Question:** {}\n", escape(query.trim()))?;
    }
    writeln!(out, "*{}*\n", escape(&super::Overview::of(summary).line()))?;
    if summary.sentences.is_empty() {
        writeln!(out, "*{}*", escape(&super::empty_note(summary)))?;
        return Ok(());
    }
    let super::CitationNumbers { numbers, cited } = super::CitationNumbers::of(summary);
    for (p, paragraph) in super::paragraphs(summary).iter().enumerate() {
        if p > 0 {
            write!(out, "\n\n")?;
        }
        for (i, sentence) in paragraph.iter().enumerate() {
            let refs = citation(&sentence.cited_pages(), &numbers);
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

/// `1`, `1, 3`, `2, p. 14` or `2 p14, 3 p2, 5`: the source numbers of the
/// documents citing a sentence, in order, with pages where they have them.
fn citation(cited: &[(usize, Option<u32>)], numbers: &[Option<usize>]) -> String {
    let mut refs: Vec<(usize, Option<u32>)> = cited
        .iter()
        .filter_map(|&(d, page)| numbers[d].map(|n| (n, page)))
        .collect();
    refs.sort_unstable();
    match refs.as_slice() {
        [(n, Some(page))] => format!("{n}, p. {page}"),
        refs => refs
            .iter()
            .map(|(n, page)| match page {
                Some(page) => format!("{n} p{page}"),
                None => n.to_string(),
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_name_pages_of_paged_sources() {
        let numbers = [Some(2), Some(3), Some(1)];
        assert_eq!(citation(&[(0, Some(14))], &numbers), "2, p. 14");
        assert_eq!(
            citation(&[(1, Some(2)), (0, Some(14))], &numbers),
            "2 p14, 3 p2"
        );
        assert_eq!(citation(&[(2, None), (0, Some(4))], &numbers), "1, 2 p4");
        assert_eq!(citation(&[(2, None), (1, None)], &numbers), "1, 3");
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("a *b* [c] <d>"), "a \\*b\\* \\[c\\] \\<d\\>");
        assert_eq!(escape("1. first"), "\\1. first");
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("2015 was busy."), "2015 was busy.");
    }
}
