//! Text: documents to sentences, and sentences to terms.
//!
//! [`segment`] walks each document line by line: [`clean`] decides what each
//! line is (title, heading, prose, repeat, junk), and [`sentence`] splits
//! prose lines into sentences. Every [`Sentence`] keeps its document and its
//! byte span in [`Document::text`](crate::Document::text), so a citation can
//! always be traced back. `group_repeats` then merges sentences that several
//! documents share (same words, any case or punctuation) into one group
//! (`SentenceGroup`) that remembers every source. [`token`] turns text into
//! stemmed terms for the vector stage.

pub mod clean;
pub(crate) mod dateline;
pub mod dates;
pub(crate) mod labels;
pub mod sentence;
pub mod standalone;
pub mod token;

use std::ops::Range;

use rayon::prelude::*;

use crate::ingest::{Document, Format};
use crate::language::Language;
use clean::LineKind;

/// What a sentence is, which decides whether it may be chosen for a summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SentenceKind {
    /// The document's title: evidence of the topic, never chosen.
    Title,
    /// A heading or caption: evidence of the topic, never chosen.
    Heading,
    /// A sentence of running text: a candidate.
    Prose,
    /// Running text without a final stop (a truncated page, a caption run
    /// into the text): held in reserve for when prose runs out.
    Fragment,
    /// A piece of a run of text longer than [`sentence::MAX_SENTENCE_BYTES`]
    /// without a sentence boundary (a log, text without punctuation): neither
    /// chosen nor ranked.
    Piece,
}

/// One sentence of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Index of its document in the input.
    pub doc: u32,
    /// Byte span in the document's text.
    pub span: Range<usize>,
    /// Ordinal among the document's sentences (titles and headings included).
    pub index: u32,
    /// Ordinal among the document's prose sentences (the reading position).
    pub position: u32,
    /// What the sentence is.
    pub kind: SentenceKind,
}

impl Sentence {
    /// The sentence's text.
    pub fn text<'a>(&self, documents: &'a [Document]) -> &'a str {
        &documents[self.doc as usize].text[self.span.clone()]
    }
}

/// Sentences of all documents, in document order.
#[derive(Debug, Clone, Default)]
pub struct Segmented {
    /// Every kept sentence, grouped by document in input order.
    pub sentences: Vec<Sentence>,
    /// Each document's title, if it has one (by document index).
    pub titles: Vec<Option<String>>,
    /// Lines dropped as page junk.
    pub junk_lines: usize,
    /// Lines dropped as repeats within their document.
    pub repeated_lines: usize,
    /// Sentences dropped as boilerplate notices.
    pub boilerplate_sentences: usize,
    /// What each document held, by document index.
    pub per_document: Vec<DocumentCounts>,
    /// Each document's language, given or detected (by document index).
    pub languages: Vec<Language>,
}

/// What one document's lines turned out to be.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DocumentCounts {
    /// Prose sentences: candidates for a summary.
    pub prose: usize,
    /// Sentences without a final stop: held in reserve.
    pub unfinished: usize,
    /// Title and heading lines.
    pub headings: usize,
    /// Lines dropped as page junk.
    pub junk_lines: usize,
    /// Lines dropped as repeats within the document.
    pub repeated_lines: usize,
    /// Sentences dropped as boilerplate.
    pub boilerplate_sentences: usize,
    /// Runs longer than [`sentence::MAX_SENTENCE_BYTES`] without a sentence
    /// boundary, cut into fragments.
    pub cut_runs: usize,
    /// The longest such run, in bytes.
    pub longest_cut_run: usize,
}

impl DocumentCounts {
    /// Why the document offers no prose sentence, e.g. "3 line(s) of page junk".
    pub fn without_prose_reason(&self) -> String {
        let mut parts = Vec::new();
        if self.junk_lines > 0 {
            parts.push(format!("{} line(s) of page junk", self.junk_lines));
        }
        if self.unfinished > 0 {
            parts.push(format!(
                "{} sentence(s) without a final stop",
                self.unfinished
            ));
        }
        if self.headings > 0 {
            parts.push(format!(
                "{} title or heading line(s) without sentence punctuation",
                self.headings
            ));
        }
        if self.cut_runs > 0 {
            parts.push(format!(
                "{} run(s) of text without a sentence boundary over the sentence length limit ({} bytes)",
                self.cut_runs,
                sentence::MAX_SENTENCE_BYTES
            ));
        }
        if self.boilerplate_sentences > 0 {
            parts.push(format!(
                "{} boilerplate sentence(s)",
                self.boilerplate_sentences
            ));
        }
        if self.repeated_lines > 0 {
            parts.push(format!("{} repeated line(s)", self.repeated_lines));
        }
        if parts.is_empty() {
            "no text".into()
        } else {
            format!("only {}", parts.join(", "))
        }
    }
}

impl Segmented {
    /// Prose sentences: those that may be chosen.
    pub fn prose_count(&self) -> usize {
        self.sentences
            .iter()
            .filter(|s| s.kind == SentenceKind::Prose)
            .count()
    }
}

struct DocumentSegments {
    language: Language,
    sentences: Vec<Sentence>,
    title: Option<String>,
    counts: DocumentCounts,
}

/// Splits every document into classified sentences (documents in parallel),
/// each by the rules of its language (given, or detected).
///
/// ```
/// use precis::{Document, text::{segment, SentenceKind}};
/// let docs = [Document::from_text("a", "Summit opens\nShare\nLeaders met. They talked.")];
/// let seg = segment(&docs);
/// let texts: Vec<_> = seg.sentences.iter().map(|s| (s.text(&docs), s.kind)).collect();
/// assert_eq!(texts, [("Summit opens", SentenceKind::Title),
///                    ("Leaders met.", SentenceKind::Prose), ("They talked.", SentenceKind::Prose)]);
/// ```
pub fn segment(documents: &[Document]) -> Segmented {
    segment_in(documents, None)
}

/// [`segment`], with documents that do not give their language
/// ([`Document::language`]) read in `language`, or, when that is `None`, in
/// the language detected from their text.
pub(crate) fn segment_in(documents: &[Document], language: Option<Language>) -> Segmented {
    let languages: Vec<Language> = documents
        .par_iter()
        .with_min_len(crate::parallel::DOCUMENTS)
        .map(|doc| {
            doc.language
                .or(language)
                .unwrap_or_else(|| Language::detect(&doc.text))
        })
        .collect();
    let mut distinct = languages.clone();
    distinct.sort_unstable();
    distinct.dedup();
    let rules: Vec<sentence::SentenceRules> = distinct
        .iter()
        .map(|&l| sentence::SentenceRules::for_language(l))
        .collect();
    let phrases = clean::BoilerplatePhrases::for_languages(
        &distinct,
        documents.iter().map(|doc| doc.text.len()).sum(),
    );
    let per_doc: Vec<DocumentSegments> = documents
        .par_iter()
        .zip(&languages)
        .with_min_len(crate::parallel::DOCUMENTS)
        .enumerate()
        .map(|(i, (doc, language))| {
            let rules = &rules[distinct.binary_search(language).unwrap_or(0)];
            segment_document(i as u32, doc, *language, rules, phrases)
        })
        .collect();
    let mut out = Segmented {
        sentences: Vec::with_capacity(per_doc.iter().map(|d| d.sentences.len()).sum()),
        ..Default::default()
    };
    for doc in per_doc {
        out.sentences.extend(doc.sentences);
        out.titles.push(doc.title);
        out.junk_lines += doc.counts.junk_lines;
        out.repeated_lines += doc.counts.repeated_lines;
        out.boilerplate_sentences += doc.counts.boilerplate_sentences;
        out.per_document.push(doc.counts);
        out.languages.push(doc.language);
    }
    out
}

fn segment_document(
    doc_index: u32,
    doc: &Document,
    language: Language,
    rules: &sentence::SentenceRules,
    phrases: clean::BoilerplatePhrases,
) -> DocumentSegments {
    let text = doc.text.as_str();
    let markdown = doc.format == Format::Markdown;
    // (content span, is markdown heading) for every line.
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut md_heading: Vec<bool> = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        let content = line.strip_suffix('\r').unwrap_or(line);
        let (skip, heading) = if markdown {
            clean::markdown_content(content)
        } else {
            (0, false)
        };
        spans.push(offset + skip..offset + content.len());
        md_heading.push(heading);
        offset += line.len() + 1;
    }
    let lines: Vec<&str> = spans.iter().map(|s| &text[s.clone()]).collect();
    let (mut kinds, title) = clean::classify_lines(&lines, doc.title.as_deref(), markdown, phrases);
    for (kind, heading) in kinds.iter_mut().zip(&md_heading) {
        if *heading && *kind == LineKind::Prose {
            *kind = LineKind::Heading;
        }
    }
    let mut out = DocumentSegments {
        language,
        sentences: Vec::new(),
        title,
        counts: DocumentCounts {
            junk_lines: kinds.iter().filter(|k| **k == LineKind::Junk).count(),
            repeated_lines: kinds.iter().filter(|k| **k == LineKind::Repeat).count(),
            ..Default::default()
        },
    };
    let mut index = 0u32;
    let mut position = 0u32;
    // Whether the document's running text has begun (datelines open it).
    let mut running = false;
    let mut push = |span: Range<usize>, kind: SentenceKind, out: &mut DocumentSegments| {
        out.sentences.push(Sentence {
            doc: doc_index,
            span,
            index,
            position,
            kind,
        });
        index += 1;
        match kind {
            SentenceKind::Prose => {
                position += 1;
                out.counts.prose += 1;
            }
            SentenceKind::Title | SentenceKind::Heading => out.counts.headings += 1,
            SentenceKind::Fragment => out.counts.unfinished += 1,
            SentenceKind::Piece => {}
        }
    };
    for (line_span, kind) in spans.iter().zip(&kinds) {
        let line = &text[line_span.clone()];
        match kind {
            LineKind::Blank | LineKind::Junk | LineKind::Repeat => {}
            LineKind::Title | LineKind::Heading => {
                let trimmed_start = line_span.start + (line.len() - line.trim_start().len());
                let span = trimmed_start..trimmed_start + line.trim().len();
                let sentence_kind = if *kind == LineKind::Title {
                    SentenceKind::Title
                } else {
                    SentenceKind::Heading
                };
                let pieces = sentence::cut_long(text, span.clone(), sentence::MAX_SENTENCE_BYTES);
                let sentence_kind = if pieces.len() > 1 {
                    out.counts.cut_runs += 1;
                    out.counts.longest_cut_run = out.counts.longest_cut_run.max(span.len());
                    SentenceKind::Piece
                } else {
                    sentence_kind
                };
                for piece in pieces {
                    push(piece, sentence_kind, &mut out);
                }
            }
            LineKind::Prose => {
                for local in sentence::split_line_with(line, rules) {
                    let end = line_span.start + local.end;
                    let mut start = line_span.start + local.start;
                    start += labels::leading_labels(&text[start..end]);
                    start += dateline::leading_dateline(&text[start..end], !running);
                    running = true;
                    let span = start..end;
                    if clean::is_boilerplate_with(&text[span.clone()], phrases) {
                        out.counts.boilerplate_sentences += 1;
                        continue;
                    }
                    let unfinished = !clean::has_final_punctuation(&text[span.clone()]);
                    let pieces =
                        sentence::cut_long(text, span.clone(), sentence::MAX_SENTENCE_BYTES);
                    // Cut up: not a sentence at all. Cut off (a truncated page,
                    // a caption run into the text): not a sentence to quote
                    // while there is prose.
                    let kind = if pieces.len() > 1 {
                        out.counts.cut_runs += 1;
                        out.counts.longest_cut_run = out.counts.longest_cut_run.max(span.len());
                        SentenceKind::Piece
                    } else if unfinished {
                        SentenceKind::Fragment
                    } else {
                        SentenceKind::Prose
                    };
                    for piece in pieces {
                        push(piece, kind, &mut out);
                    }
                }
            }
        }
    }
    out
}

/// Counts words: whitespace-separated tokens, except that in scripts written
/// without spaces (Chinese, Japanese) each ideograph or kana counts as a word,
/// plus one for each run of other letters or digits in the token.
///
/// ```
/// use precis::text::word_count;
/// assert_eq!(word_count("Leaders met — in Antalya."), 5);
/// assert_eq!(word_count("G20峰会在安塔利亚举行。"), 10);
/// ```
pub fn word_count(text: &str) -> usize {
    count_words(text, usize::MAX)
}

/// Whether `text` has more than `limit` words; reads only as far as it must.
pub(crate) fn more_words_than(text: &str, limit: usize) -> bool {
    count_words(text, limit.saturating_add(1)) > limit
}

/// The word count, or `cap` once it reaches `cap` (reading stops there).
pub(crate) fn count_words(text: &str, cap: usize) -> usize {
    if text.is_ascii() {
        // The same count for ASCII text, without decoding characters.
        let mut count = 0;
        let mut in_word = false;
        for &b in text.as_bytes() {
            let space = matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
            if !space && !in_word {
                count += 1;
                if count >= cap {
                    return cap;
                }
            }
            in_word = !space;
        }
        return count;
    }
    // One pass: a whitespace-separated token is one word, unless it holds
    // characters of scripts written without spaces; then each such character
    // is a word, and so is each run of other letters or digits in it. ASCII
    // bytes (most of any text) are classified without decoding.
    #[derive(PartialEq)]
    enum Class {
        Space,
        Spaceless,
        Alphanumeric,
        Other,
    }
    let classify = |c: char| {
        if c.is_whitespace() {
            Class::Space
        } else if is_written_without_spaces(c) {
            Class::Spaceless
        } else if c.is_alphanumeric() {
            Class::Alphanumeric
        } else {
            Class::Other
        }
    };
    let bytes = text.as_bytes();
    let (mut total, mut in_token, mut spaceless, mut words, mut in_run) =
        (0, false, false, 0, false);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let class = if b.is_ascii() {
            i += 1;
            if matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r') {
                Class::Space
            } else if b.is_ascii_alphanumeric() {
                Class::Alphanumeric
            } else {
                Class::Other
            }
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            classify(c)
        };
        match class {
            Class::Space => {
                if in_token {
                    total += if spaceless { words } else { 1 };
                    if total >= cap {
                        return cap;
                    }
                }
                (in_token, spaceless, words, in_run) = (false, false, 0, false);
            }
            Class::Spaceless => {
                (in_token, spaceless, in_run) = (true, true, false);
                words += 1;
            }
            Class::Alphanumeric => {
                in_token = true;
                words += usize::from(!in_run);
                in_run = true;
            }
            Class::Other => (in_token, in_run) = (true, false),
        }
    }
    if in_token {
        total += if spaceless { words } else { 1 };
    }
    total.min(cap)
}

/// Han ideographs, hiragana and katakana: scripts written without spaces.
pub(crate) fn is_written_without_spaces(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'   // hiragana, katakana
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // compatibility ideographs
        | '\u{FF66}'..='\u{FF9D}' // half-width katakana
        | '\u{20000}'..='\u{3134F}') // extensions B-G
}

/// Sentences with the same words (ignoring case, punctuation and quotes),
/// wherever they occur: one candidate that remembers all its sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SentenceGroup {
    /// Indices into [`Segmented::sentences`], in input order.
    pub(crate) occurrences: Vec<u32>,
    /// The occurrence whose text represents the group: the first prose one.
    pub(crate) representative: u32,
}

impl SentenceGroup {
    /// What the group's representative sentence is.
    pub(crate) fn kind(&self, sentences: &[Sentence]) -> SentenceKind {
        sentences[self.representative as usize].kind
    }

    /// How many distinct documents contain the sentence.
    #[cfg(test)]
    pub(crate) fn document_count(&self, sentences: &[Sentence]) -> usize {
        let mut docs: Vec<u32> = self
            .occurrences
            .iter()
            .map(|&o| sentences[o as usize].doc)
            .collect();
        docs.dedup();
        docs.len()
    }
}

/// Merges repeated sentences into groups, in order of first occurrence.
pub(crate) fn group_repeats(documents: &[Document], sentences: &[Sentence]) -> Vec<SentenceGroup> {
    let keys: Vec<String> = sentences
        .par_iter()
        .with_min_len(crate::parallel::ITEMS)
        .map(|s| clean::line_key(s.text(documents)))
        .collect();
    // Sorting (key hash, index) brings the sentences of each key together, in
    // input order; the runs are grouped in parallel. The sort's order is
    // total, so the groups are the same at any thread count.
    let mut by_hash: Vec<(u64, u32)> = keys
        .par_iter()
        .with_min_len(crate::parallel::ITEMS)
        .enumerate()
        .filter(|(_, key)| !key.is_empty())
        .map(|(i, key)| (key_hash(key), i as u32))
        .collect();
    by_hash.par_sort_unstable();
    let repeated: Vec<SentenceGroup> = by_hash
        .par_chunk_by(|a, b| a.0 == b.0)
        .flat_map_iter(|run| {
            // Usually one key per run; more only when two keys' hashes collide.
            let mut groups: Vec<(&str, SentenceGroup)> = Vec::new();
            for &(_, i) in run {
                let key = keys[i as usize].as_str();
                match groups.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, group)) => {
                        group.occurrences.push(i);
                        let current = sentences[group.representative as usize].kind;
                        if current != SentenceKind::Prose
                            && sentences[i as usize].kind == SentenceKind::Prose
                        {
                            group.representative = i;
                        }
                    }
                    None => groups.push((
                        key,
                        SentenceGroup {
                            occurrences: vec![i],
                            representative: i,
                        },
                    )),
                }
            }
            groups.into_iter().map(|(_, group)| group)
        })
        .collect();
    // In order of first occurrence; sentences without letters or digits
    // never merge, each a group of its own.
    let mut by_first: Vec<Option<SentenceGroup>> = keys
        .iter()
        .enumerate()
        .map(|(i, key)| {
            key.is_empty().then(|| SentenceGroup {
                occurrences: vec![i as u32],
                representative: i as u32,
            })
        })
        .collect();
    for group in repeated {
        let first = group.occurrences[0] as usize;
        by_first[first] = Some(group);
    }
    by_first.into_iter().flatten().collect()
}

fn key_hash(key: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_point_into_document_text() {
        let docs = [Document::from_text(
            "a",
            "Title line here\r\n\r\nFirst one. Second one.\r\nAdvertisement\r\nThird one!",
        )];
        let seg = segment(&docs);
        let texts: Vec<&str> = seg.sentences.iter().map(|s| s.text(&docs)).collect();
        assert_eq!(
            texts,
            ["Title line here", "First one.", "Second one.", "Third one!"]
        );
        let positions: Vec<u32> = seg.sentences.iter().map(|s| s.position).collect();
        assert_eq!(positions, [0, 0, 1, 2]);
        assert_eq!(seg.junk_lines, 1);
        assert_eq!(seg.titles[0].as_deref(), Some("Title line here"));
    }

    /// The grouping as one serial pass over a hash map makes it.
    fn groups_by_one_pass(documents: &[Document], sentences: &[Sentence]) -> Vec<SentenceGroup> {
        let mut by_key: std::collections::HashMap<String, usize> = Default::default();
        let mut groups: Vec<SentenceGroup> = Vec::new();
        for (i, s) in sentences.iter().enumerate() {
            let (key, i) = (clean::line_key(s.text(documents)), i as u32);
            match by_key.get(&key).filter(|_| !key.is_empty()) {
                Some(&g) => {
                    let group = &mut groups[g];
                    group.occurrences.push(i);
                    if sentences[group.representative as usize].kind != SentenceKind::Prose
                        && s.kind == SentenceKind::Prose
                    {
                        group.representative = i;
                    }
                }
                None => {
                    by_key.insert(key, groups.len());
                    groups.push(SentenceGroup {
                        occurrences: vec![i],
                        representative: i,
                    });
                }
            }
        }
        groups
    }

    #[test]
    fn parallel_grouping_is_the_one_pass_grouping_at_any_thread_count() {
        // Repeats near and far, headings repeating prose, lines without letters.
        let documents: Vec<Document> = (0..40)
            .map(|d| {
                let text: String = (0..60)
                    .map(|s| match (d * 7 + s * 13) % 11 {
                        0 => "# Leaders met in Antalya\n\n".to_owned(),
                        1 => "--- 42 ---\n\n".to_owned(),
                        k => format!("Sentence {} about the summit, case {k}.\n", (d * s) % 97),
                    })
                    .collect();
                Document::from_text(format!("d{d}.md"), &text)
            })
            .collect();
        let segmented = segment(&documents);
        let expected = groups_by_one_pass(&documents, &segmented.sentences);
        assert!(
            expected.len() < segmented.sentences.len() / 2,
            "many repeats"
        );
        for threads in [1, 4] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let groups = pool.install(|| group_repeats(&documents, &segmented.sentences));
            assert_eq!(groups, expected, "{threads} threads");
        }
    }

    #[test]
    fn repeats_across_documents_form_one_group() {
        let docs = [
            Document::from_text("a", "Leaders met in Antalya. Talks went on."),
            Document::from_text("b", "“Leaders met in Antalya.” Nothing else."),
        ];
        let seg = segment(&docs);
        let groups = group_repeats(&docs, &seg.sentences);
        assert_eq!(groups.len(), 3);
        assert_eq!(groups[0].occurrences.len(), 2);
        assert_eq!(groups[0].document_count(&seg.sentences), 2);
    }

    #[test]
    fn markdown_headings_are_not_prose() {
        let mut doc = Document::from_text(
            "a.md",
            "# The summit\n\n## Day one ends here.\n\n- Leaders met on Sunday.",
        );
        doc.format = Format::Markdown;
        let docs = [doc];
        let seg = segment(&docs);
        let got: Vec<(&str, SentenceKind)> = seg
            .sentences
            .iter()
            .map(|s| (s.text(&docs), s.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("The summit", SentenceKind::Title),
                ("Day one ends here.", SentenceKind::Heading),
                ("Leaders met on Sunday.", SentenceKind::Prose)
            ]
        );
    }

    #[test]
    fn over_long_runs_become_pieces() {
        let docs = [Document::from_text(
            "a",
            format!("{}.", "word ".repeat(2000)),
        )];
        let seg = segment(&docs);
        assert!(seg.sentences.len() > 1);
        assert!(
            seg.sentences
                .iter()
                .all(|s| s.kind == SentenceKind::Piece
                    && s.span.len() <= sentence::MAX_SENTENCE_BYTES)
        );
    }
}
