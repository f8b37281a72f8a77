//! Lines of a JSON Lines stream, with a cap on their size.
//!
//! [`LineReader`] reads `\n`-terminated lines from any [`BufRead`], never
//! holding more than its cap of one line in memory: a longer line is skipped
//! to its end (still counted, so line numbers stay right) and reported as
//! [`LineContent::TooLong`]. A final line without a newline is a line; an
//! empty input has no lines. A `\r` before the newline is dropped. Bytes are
//! returned as they are (UTF-8 is checked later, by the JSON parser).
//!
//! ```
//! use precis::batch::{LineContent, LineReader};
//! let input = b"{\"a\": 1}\r\n\nxxxxxxxxxxxx\nlast";
//! let lines: Vec<_> = LineReader::new(&input[..], 10).map(|l| l.unwrap()).collect();
//! assert_eq!(lines.len(), 4);
//! assert_eq!(lines[0].content, LineContent::Bytes(b"{\"a\": 1}".to_vec()));
//! assert_eq!(lines[1].content, LineContent::Bytes(vec![]));
//! assert_eq!(lines[2].content, LineContent::TooLong { bytes: 12 });
//! assert_eq!((lines[3].number, &lines[3].content), (4, &LineContent::Bytes(b"last".to_vec())));
//! ```

use std::io::BufRead;

/// One line of input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Its 1-based line number.
    pub number: usize,
    /// What it holds.
    pub content: LineContent,
}

/// The bytes of a line, or how long it was when over the cap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineContent {
    /// The line without its `\n` (or `\r\n`).
    Bytes(Vec<u8>),
    /// The line was longer than the cap and was skipped.
    TooLong {
        /// Its length in bytes, without the newline.
        bytes: u64,
    },
}

/// Reads capped lines from any [`BufRead`]; an iterator over
/// `io::Result<Line>` that stops after the first I/O error.
#[derive(Debug)]
pub struct LineReader<R> {
    input: R,
    max_bytes: usize,
    number: usize,
    failed: bool,
    /// Whether a whole line is already in the input's buffer, so the next
    /// call returns without waiting for input.
    line_buffered: bool,
}

impl<R: BufRead> LineReader<R> {
    /// A reader of lines of at most `max_bytes` bytes.
    pub fn new(input: R, max_bytes: usize) -> Self {
        LineReader {
            input,
            max_bytes,
            number: 0,
            failed: false,
            line_buffered: false,
        }
    }

    /// Whether the next [`LineReader::next_line`] has a whole line in the
    /// input's buffer already, and so will not wait on a slow input (a pipe
    /// fed a line at a time): lines can be taken in batches without holding
    /// one back while waiting for the next.
    pub fn has_buffered_line(&self) -> bool {
        self.line_buffered
    }

    /// The next line, `None` at the end of the input.
    pub fn next_line(&mut self) -> std::io::Result<Option<Line>> {
        self.line_buffered = false;
        let mut buffer: Vec<u8> = Vec::new();
        let mut length: u64 = 0;
        let mut too_long = false;
        let mut seen_any = false;
        loop {
            let chunk = match self.input.fill_buf() {
                Ok(chunk) => chunk,
                Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(err) => return Err(err),
            };
            if chunk.is_empty() {
                if !seen_any {
                    return Ok(None);
                }
                break;
            }
            seen_any = true;
            let (piece, consumed, done) = match memchr::memchr(b'\n', chunk) {
                Some(at) => {
                    self.line_buffered = memchr::memchr(b'\n', &chunk[at + 1..]).is_some();
                    (&chunk[..at], at + 1, true)
                }
                None => (chunk, chunk.len(), false),
            };
            length += piece.len() as u64;
            if !too_long {
                if length > self.max_bytes as u64 {
                    too_long = true;
                    buffer = Vec::new();
                } else {
                    buffer.extend_from_slice(piece);
                }
            }
            self.input.consume(consumed);
            if done {
                break;
            }
        }
        self.number += 1;
        let content = if too_long {
            // A `\r` before the newline is not part of the line.
            LineContent::TooLong { bytes: length }
        } else {
            if buffer.last() == Some(&b'\r') {
                buffer.pop();
            }
            LineContent::Bytes(buffer)
        };
        Ok(Some(Line {
            number: self.number,
            content,
        }))
    }
}

impl<R: BufRead> Iterator for LineReader<R> {
    type Item = std::io::Result<Line>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        match self.next_line() {
            Ok(line) => line.map(Ok),
            Err(err) => {
                self.failed = true;
                Some(Err(err))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &[u8], cap: usize) -> Vec<Line> {
        LineReader::new(input, cap).map(|l| l.unwrap()).collect()
    }

    #[test]
    fn says_when_a_whole_line_is_buffered() {
        let mut reader = LineReader::new(&b"a\nb\nc"[..], 10);
        reader.next_line().unwrap();
        assert!(reader.has_buffered_line());
        reader.next_line().unwrap();
        // "c" has no newline yet: reading it could wait on the input.
        assert!(!reader.has_buffered_line());
        reader.next_line().unwrap();
        assert!(!reader.has_buffered_line());
    }

    #[test]
    fn empty_input_has_no_lines_and_a_lone_newline_has_one() {
        assert!(read(b"", 10).is_empty());
        assert_eq!(read(b"\n", 10).len(), 1);
        assert_eq!(read(b"a\nb\n", 10).len(), 2);
    }

    #[test]
    fn long_lines_are_skipped_without_being_held() {
        // A small buffer forces the line across many fill_buf calls.
        let mut input = vec![b'x'; 100_000];
        input.extend_from_slice(b"\nok\n");
        let reader = std::io::BufReader::with_capacity(7, &input[..]);
        let lines: Vec<Line> = LineReader::new(reader, 1000).map(|l| l.unwrap()).collect();
        assert_eq!(lines[0].content, LineContent::TooLong { bytes: 100_000 });
        assert_eq!(lines[1].content, LineContent::Bytes(b"ok".to_vec()));
        assert_eq!(lines[1].number, 2);
    }

    #[test]
    fn a_line_exactly_at_the_cap_is_kept() {
        assert_eq!(
            read(b"abcd\n", 4)[0].content,
            LineContent::Bytes(b"abcd".to_vec())
        );
        assert_eq!(
            read(b"abcde", 4)[0].content,
            LineContent::TooLong { bytes: 5 }
        );
    }

    #[test]
    fn invalid_utf8_is_passed_through() {
        assert_eq!(
            read(b"\xff\xfe\n", 10)[0].content,
            LineContent::Bytes(vec![0xff, 0xfe])
        );
    }

    #[test]
    fn io_errors_end_the_iteration() {
        struct Failing;
        impl std::io::Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk on fire"))
            }
        }
        let mut reader = LineReader::new(std::io::BufReader::new(Failing), 10);
        assert!(reader.next().unwrap().is_err());
        assert!(reader.next().is_none());
    }
}
