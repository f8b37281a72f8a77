//! Offsets from extracted text back to the bytes of the original file.
//!
//! Every later stage works on a document's decoded, extracted text and keeps
//! byte spans into it. A citation must also point into the file itself, which
//! differs from the text when the file was transcoded (UTF-16, Windows-1252),
//! started with a byte-order mark, or was HTML. An [`OffsetMap`] records that
//! correspondence compactly: runs where text and source advance in lockstep
//! (at a fixed ratio) are one segment, and only the places where they diverge
//! (a transcoded character, an entity, a skipped tag) add segments.

/// How one run of text bytes corresponds to source bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Correspondence {
    /// Text byte `t` of the run maps to source byte `start + (t - text_start) * scale`.
    Linear { scale: u8 },
    /// The whole run (one character or entity) maps to `source_len` bytes at `start`.
    Atomic { source_len: u32 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    text_start: usize,
    source_start: usize,
    correspondence: Correspondence,
}

/// A monotone map from text byte offsets to source byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffsetMap {
    segments: Vec<Segment>,
    text_len: usize,
    source_len: usize,
}

impl OffsetMap {
    /// The map of text copied verbatim from `source_offset` onwards (UTF-8 input;
    /// `source_offset` is the length of a byte-order mark, if any).
    pub fn identity(text_len: usize, source_offset: usize) -> Self {
        let mut builder = OffsetMapBuilder::new();
        builder.skip_source(source_offset);
        builder.push_linear(text_len, 1);
        builder.finish()
    }

    /// Length of the text this map covers.
    pub fn text_len(&self) -> usize {
        self.text_len
    }

    /// Whether text offsets equal source offsets everywhere.
    pub fn is_identity(&self) -> bool {
        self.segments.iter().all(|s| {
            s.source_start == s.text_start
                && s.correspondence == Correspondence::Linear { scale: 1 }
        })
    }

    fn segment_containing(&self, text_offset: usize) -> Option<&Segment> {
        let index = self
            .segments
            .partition_point(|s| s.text_start <= text_offset);
        index.checked_sub(1).map(|i| &self.segments[i])
    }

    /// Source offset where the character starting at `text_offset` begins.
    pub fn map_start(&self, text_offset: usize) -> usize {
        if text_offset >= self.text_len {
            return self.source_len;
        }
        match self.segment_containing(text_offset) {
            None => 0,
            Some(segment) => match segment.correspondence {
                Correspondence::Linear { scale } => {
                    segment.source_start + (text_offset - segment.text_start) * scale as usize
                }
                Correspondence::Atomic { .. } => segment.source_start,
            },
        }
    }

    /// Source offset just past the character that ends at `text_offset` (exclusive end).
    pub fn map_end(&self, text_offset: usize) -> usize {
        if text_offset == 0 {
            return self.map_start(0);
        }
        let last = text_offset.min(self.text_len) - 1;
        match self.segment_containing(last) {
            None => 0,
            Some(segment) => match segment.correspondence {
                Correspondence::Linear { scale } => {
                    segment.source_start + (last + 1 - segment.text_start) * scale as usize
                }
                Correspondence::Atomic { source_len } => segment.source_start + source_len as usize,
            },
        }
    }

    /// Maps a text span to the source span that holds it.
    pub fn map_span(&self, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = self.map_start(span.start);
        if span.is_empty() {
            return start..start;
        }
        start..self.map_end(span.end).max(start)
    }
}

/// Builds an [`OffsetMap`] while text is produced from a source, left to right.
#[derive(Debug, Default)]
pub struct OffsetMapBuilder {
    segments: Vec<Segment>,
    text_pos: usize,
    source_pos: usize,
}

impl OffsetMapBuilder {
    /// An empty builder at offset 0 of both text and source.
    pub fn new() -> Self {
        Self::default()
    }

    /// Source bytes that produce no text (a tag, a byte-order mark, collapsed spaces).
    pub fn skip_source(&mut self, source_len: usize) {
        self.source_pos += source_len;
    }

    /// `text_len` text bytes produced from `text_len * scale` source bytes in lockstep.
    pub fn push_linear(&mut self, text_len: usize, scale: u8) {
        if text_len == 0 {
            return;
        }
        let correspondence = Correspondence::Linear { scale };
        let continues = self.segments.last().is_some_and(|last| {
            last.correspondence == correspondence
                && last.source_start + (self.text_pos - last.text_start) * scale as usize
                    == self.source_pos
        });
        if !continues {
            self.segments.push(Segment {
                text_start: self.text_pos,
                source_start: self.source_pos,
                correspondence,
            });
        }
        self.text_pos += text_len;
        self.source_pos += text_len * scale as usize;
    }

    /// `text_len` text bytes (one character, or an entity's expansion) produced
    /// from `source_len` source bytes.
    pub fn push_atomic(&mut self, text_len: usize, source_len: usize) {
        if text_len == 0 {
            self.source_pos += source_len;
            return;
        }
        if text_len == source_len {
            self.push_linear(text_len, 1);
            return;
        }
        self.segments.push(Segment {
            text_start: self.text_pos,
            source_start: self.source_pos,
            correspondence: Correspondence::Atomic {
                source_len: u32::try_from(source_len).unwrap_or(u32::MAX),
            },
        });
        self.text_pos += text_len;
        self.source_pos += source_len;
    }

    /// Text bytes produced so far.
    pub fn text_len(&self) -> usize {
        self.text_pos
    }

    /// The finished map.
    pub fn finish(self) -> OffsetMap {
        OffsetMap {
            segments: self.segments,
            text_len: self.text_pos,
            source_len: self.source_pos,
        }
    }
}

/// The chain of maps from a document's text back to its file: for HTML, text ->
/// decoded HTML -> file bytes; for plain text, one map.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceMap {
    /// Applied last to first: the last layer maps text to the layer before it.
    layers: Vec<OffsetMap>,
    /// Whether some text differs from its source bytes even where offsets agree
    /// (control characters blanked to spaces).
    altered: bool,
}

impl SourceMap {
    /// A map through the given layers, outermost (closest to the file) first.
    pub fn new(layers: Vec<OffsetMap>) -> Self {
        Self {
            layers,
            altered: false,
        }
    }

    /// Records that the text differs from the source bytes at some offsets
    /// (control characters blanked), so spans are not verbatim.
    pub fn mark_altered(&mut self) {
        self.altered = true;
    }

    /// Whether a text span is also the file span (plain UTF-8 without a BOM).
    pub fn is_identity(&self) -> bool {
        self.layers.iter().all(OffsetMap::is_identity)
    }

    /// Whether every text span is also the file span and the file's bytes
    /// there are the text's bytes (plain UTF-8 without a BOM or blanked
    /// control characters).
    pub fn is_verbatim(&self) -> bool {
        self.is_identity() && !self.altered
    }

    /// The file byte span holding the text span.
    pub fn file_span(&self, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.layers
            .iter()
            .rev()
            .fold(span, |span, layer| layer.map_span(span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_with_bom_shifts_by_three() {
        let map = OffsetMap::identity(10, 3);
        assert_eq!(map.map_span(2..5), 5..8);
        assert!(!map.is_identity());
        assert!(OffsetMap::identity(10, 0).is_identity());
    }

    #[test]
    fn atomic_and_linear_runs() {
        // "a&amp;b" -> "a&b"
        let mut b = OffsetMapBuilder::new();
        b.push_linear(1, 1);
        b.push_atomic(1, 5);
        b.push_linear(1, 1);
        let map = b.finish();
        assert_eq!(map.map_span(0..3), 0..7);
        assert_eq!(map.map_span(1..2), 1..6);
        assert_eq!(map.map_span(2..3), 6..7);
    }

    #[test]
    fn utf16_ascii_scales_by_two() {
        let mut b = OffsetMapBuilder::new();
        b.skip_source(2); // BOM
        b.push_linear(5, 2);
        let map = b.finish();
        assert_eq!(map.map_span(1..4), 4..10);
    }

    #[test]
    fn skipped_source_is_not_in_spans() {
        // "<p>Hi</p><p>Yo</p>" -> "Hi\nYo"
        let mut b = OffsetMapBuilder::new();
        b.skip_source(3);
        b.push_linear(2, 1);
        b.push_atomic(1, 0);
        b.skip_source(7);
        b.push_linear(2, 1);
        let map = b.finish();
        assert_eq!(map.map_span(0..2), 3..5);
        assert_eq!(map.map_span(3..5), 12..14);
    }

    #[test]
    fn layers_compose() {
        let outer = OffsetMap::identity(20, 3);
        let mut b = OffsetMapBuilder::new();
        b.skip_source(4);
        b.push_linear(6, 1);
        let inner = b.finish();
        let map = SourceMap::new(vec![outer, inner]);
        assert_eq!(map.file_span(0..6), 7..13);
    }
}
