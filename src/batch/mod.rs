//! Batch: many clusters, one JSON Lines record each, summarized in parallel.
//!
//! Input is one cluster per line (the schema is in [`record`]); output is one
//! compact JSON line per input line, in input order: the summary in the
//! [`wire`](crate::render::wire) schema with the cluster's `id`, or
//! `{"id": ..., "line": N, "error": "..."}` for a line that could not be
//! summarized (invalid JSON, missing fields, no sentences, over the size cap).
//! A bad line never stops the batch.
//!
//! [`run`] streams: a reader thread reads lines (at most
//! [`BatchOptions::max_record_bytes`] each, see [`LineReader`]) while records
//! are summarized on the rayon pool, in chunks of consecutive lines, and
//! written, in order, as soon as every earlier line is written; the output is
//! flushed after every group of lines written together. At most
//! [`BatchOptions::max_in_flight`] records, and about
//! [`BatchOptions::max_in_flight_bytes`], are read but not yet written, so
//! memory is bounded by those records, never by the input. Each summary is the
//! same whatever the number of threads, so the output is byte-identical for any
//! pool size.
//!
//! ```
//! use precis::batch::{run, BatchOptions};
//! use precis::Summarizer;
//! let input = concat!(
//!     r#"{"id": "c1", "docs": [{"text": "Leaders met in Antalya on Sunday to talk about Syria. Refugees were on the agenda of the talks too."}], "budget": {"sentences": 1}}"#, "\n",
//!     "not json\n",
//! );
//! let mut output = Vec::new();
//! let report = run(&Summarizer::default(), std::io::Cursor::new(input), &mut output, &BatchOptions::default(), |_| {})?;
//! assert_eq!((report.records, report.failed), (2, 1));
//! let lines: Vec<serde_json::Value> = output.split(|&b| b == b'\n').filter(|l| !l.is_empty())
//!     .map(|l| serde_json::from_slice(l).unwrap()).collect();
//! assert_eq!(lines[0]["id"], "c1");
//! assert_eq!(lines[0]["sentences"].as_array().unwrap().len(), 1);
//! assert_eq!(lines[1]["line"], 2);
//! # Ok::<(), precis::Error>(())
//! ```

pub mod reader;
pub mod record;

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::sync::{Arc, Condvar, Mutex};

pub use reader::{Line, LineContent, LineReader};
pub use record::{parse, RecordError};

use crate::error::{Error, Result};
use crate::summarizer::Summarizer;

/// The default cap on one record (one line), in bytes: 64 MiB, for a whole
/// cluster (one document read from a file is capped at
/// [`DEFAULT_MAX_DOCUMENT_BYTES`](crate::ingest::DEFAULT_MAX_DOCUMENT_BYTES)).
/// Longer lines are skipped with an error line.
pub const DEFAULT_MAX_RECORD_BYTES: usize = 64 << 20;

/// The default cap on the bytes of records read but not yet written: 256 MiB
/// (one record over it is still read, alone).
pub const DEFAULT_MAX_IN_FLIGHT_BYTES: usize = 256 << 20;

/// Limits of a batch run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchOptions {
    /// Lines longer than this many bytes are not read; they get an error line.
    pub max_record_bytes: usize,
    /// Records read but not yet written, at most (0: 64 per pool thread).
    pub max_in_flight: usize,
    /// Bytes of records read but not yet written, at most, beyond one record
    /// (0: [`DEFAULT_MAX_IN_FLIGHT_BYTES`]).
    pub max_in_flight_bytes: usize,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
            max_in_flight: 0,
            max_in_flight_bytes: 0,
        }
    }
}

/// Counts from a batch run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchReport {
    /// Lines read (one output line each).
    pub records: usize,
    /// Lines that got an error line.
    pub failed: usize,
}

/// The result of one input line.
#[derive(Debug, Clone, PartialEq)]
pub struct Processed {
    /// The input line number (1-based).
    pub line: usize,
    /// The output line, compact JSON without the newline.
    pub json: String,
    /// Why the line failed, if it did.
    pub error: Option<RecordError>,
}

#[derive(serde::Serialize)]
struct ErrorLine<'a> {
    id: Option<&'a str>,
    line: usize,
    error: &'a str,
}

fn failed(line: usize, error: RecordError) -> Processed {
    let json = serde_json::to_string(&ErrorLine {
        id: error.id.as_deref(),
        line,
        error: &error.message,
    })
    .unwrap_or_else(|_| format!(r#"{{"id":null,"line":{line},"error":"unprintable error"}}"#));
    Processed {
        line,
        json,
        error: Some(error),
    }
}

/// Summarizes one input line into its output line. Never panics on any input:
/// a panic inside the pipeline (a bug) becomes an error line too.
pub fn process_line(summarizer: &Summarizer, line: &Line, max_record_bytes: usize) -> Processed {
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        process(summarizer, line, max_record_bytes)
    }));
    outcome.unwrap_or_else(|_| {
        failed(
            line.number,
            RecordError {
                id: None,
                message: "internal error while summarizing this record (a bug; please report it)"
                    .into(),
            },
        )
    })
}

fn process(summarizer: &Summarizer, line: &Line, max_record_bytes: usize) -> Processed {
    let bytes = match &line.content {
        LineContent::Bytes(bytes) => bytes,
        LineContent::TooLong { bytes } => {
            return failed(
                line.number,
                RecordError {
                    id: None,
                    message: format!(
                        "record of {bytes} bytes is over the record size limit ({max_record_bytes} bytes); skipped"
                    ),
                },
            )
        }
    };
    let request = match parse(bytes) {
        Ok(request) => request,
        Err(err) => return failed(line.number, err),
    };
    let id = request.id.clone().unwrap_or_default();
    match summarizer.summarize(&request) {
        Ok(summary) => {
            let wire = crate::render::wire::to_wire(&summary);
            match serde_json::to_string(&wire) {
                Ok(json) => Processed {
                    line: line.number,
                    json,
                    error: None,
                },
                Err(err) => failed(
                    line.number,
                    RecordError {
                        id: Some(id.clone()),
                        message: format!("cannot write the summary as JSON: {err}"),
                    },
                ),
            }
        }
        Err(err) => failed(
            line.number,
            RecordError {
                id: Some(id.clone()),
                message: err.to_string(),
            },
        ),
    }
}

enum Event {
    /// Lines read, in order.
    Lines(Vec<Line>),
    End,
    ReadFailed(std::io::Error),
    /// A chunk's results, each with the size of its input line.
    Done(Vec<(Processed, usize)>),
}

/// Records read but not yet written: how many, and their bytes. The reader
/// waits while either is at its limit; `open` is false once the run is over.
struct Window {
    lines: usize,
    bytes: usize,
    open: bool,
}

type SharedWindow = Arc<(Mutex<Window>, Condvar)>;

/// Lines handed to one pool task at most; one task per line would make the
/// queue, the wake-ups and the channel cost more than a small record's
/// summary (multinews clusters take about 0.25 ms each).
const CHUNK_LINES: usize = 16;
/// Bytes handed to one pool task at most (a larger line goes alone), so large
/// records spread over the threads.
const CHUNK_BYTES: usize = 256 << 10;

/// Reads JSON Lines from `input` and writes one output line per input line to
/// `output`, in order, flushing each. `on_failure` is called (on this thread,
/// in input order) for every line that got an error line. Fails only when
/// reading the input or writing the output fails; lines already read are
/// written first where possible.
///
/// Records are summarized on the global rayon pool; call it from outside that
/// pool (as a program's main thread does): this thread waits for results
/// while the pool works.
pub fn run<R, W>(
    summarizer: &Summarizer,
    input: R,
    output: &mut W,
    options: &BatchOptions,
    on_failure: impl FnMut(&Processed),
) -> Result<BatchReport>
where
    R: BufRead + Send + 'static,
    W: Write + ?Sized,
{
    run_in(None, summarizer, input, output, options, on_failure)
}

/// [`run`] on a given pool (the global one when `None`); call it from outside
/// that pool.
pub fn run_in<R, W>(
    pool: Option<&rayon::ThreadPool>,
    summarizer: &Summarizer,
    input: R,
    output: &mut W,
    options: &BatchOptions,
    mut on_failure: impl FnMut(&Processed),
) -> Result<BatchReport>
where
    R: BufRead + Send + 'static,
    W: Write + ?Sized,
{
    let threads = pool.map_or_else(rayon::current_num_threads, |p| p.current_num_threads());
    let limits = Limits {
        lines: match options.max_in_flight {
            0 => DEFAULT_IN_FLIGHT_PER_THREAD * threads,
            n => n,
        },
        bytes: match options.max_in_flight_bytes {
            0 => DEFAULT_MAX_IN_FLIGHT_BYTES,
            n => n,
        },
    };
    let window: SharedWindow = Arc::new((
        Mutex::new(Window {
            lines: 0,
            bytes: 0,
            open: true,
        }),
        Condvar::new(),
    ));
    let (sender, receiver) = std::sync::mpsc::channel::<Event>();
    spawn_reader(
        input,
        options.max_record_bytes,
        limits,
        Arc::clone(&window),
        sender.clone(),
    );
    let release = |lines: usize, bytes: usize| {
        let (lock, ready) = &*window;
        let mut window = lock.lock().unwrap_or_else(|e| e.into_inner());
        window.lines = window.lines.saturating_sub(lines);
        window.bytes = window.bytes.saturating_sub(bytes);
        ready.notify_one();
    };
    let mut state = Driver {
        summarizer,
        receiver,
        sender,
        max_record_bytes: options.max_record_bytes,
        threads,
        report: BatchReport::default(),
        on_failure: &mut on_failure,
        release: &release,
    };
    let outcome = match pool {
        Some(pool) => pool.in_place_scope(|scope| state.drive(scope, output)),
        None => rayon::in_place_scope(|scope| state.drive(scope, output)),
    };
    // Stop the reader, whatever happened.
    let (lock, ready) = &*window;
    lock.lock().unwrap_or_else(|e| e.into_inner()).open = false;
    ready.notify_all();
    outcome.map(|()| state.report)
}

/// Records per pool thread in flight by default: enough that no thread waits
/// for the writer while one slow record holds up the ones after it.
const DEFAULT_IN_FLIGHT_PER_THREAD: usize = 64;

/// The in-flight limits of one run.
#[derive(Clone, Copy)]
struct Limits {
    lines: usize,
    bytes: usize,
}

struct Driver<'s, 'f> {
    summarizer: &'s Summarizer,
    receiver: std::sync::mpsc::Receiver<Event>,
    sender: std::sync::mpsc::Sender<Event>,
    max_record_bytes: usize,
    threads: usize,
    report: BatchReport,
    on_failure: &'f mut dyn FnMut(&Processed),
    release: &'f dyn Fn(usize, usize),
}

impl<'s> Driver<'s, '_> {
    /// Dispatches lines to the pool and writes results in order until the
    /// input ends and every line is written. Each wake-up takes every event
    /// waiting, so lines go out in chunks and the output is flushed once per
    /// wake-up, not once per line.
    fn drive<W: Write + ?Sized>(&mut self, scope: &rayon::Scope<'s>, output: &mut W) -> Result<()> {
        let mut pending: BTreeMap<usize, (Processed, usize)> = BTreeMap::new();
        let mut ready: Vec<Line> = Vec::new();
        let mut next = 1usize;
        let mut ended = false;
        let mut read_error = None;
        while !(ended && next > self.report.records) {
            let Ok(first) = self.receiver.recv() else {
                break;
            };
            let mut event = Some(first);
            while let Some(current) = event.take() {
                match current {
                    Event::Lines(lines) => {
                        self.report.records += lines.len();
                        ready.extend(lines);
                    }
                    Event::End => ended = true,
                    Event::ReadFailed(err) => {
                        ended = true;
                        read_error = Some(err);
                    }
                    Event::Done(results) => {
                        for (processed, bytes) in results {
                            pending.insert(processed.line, (processed, bytes));
                        }
                    }
                }
                event = self.receiver.try_recv().ok();
            }
            self.dispatch(scope, &mut ready);
            let (mut lines, mut bytes) = (0, 0);
            while let Some((processed, size)) = pending.remove(&next) {
                if processed.error.is_some() {
                    self.report.failed += 1;
                    (self.on_failure)(&processed);
                }
                let write = output
                    .write_all(processed.json.as_bytes())
                    .and_then(|()| output.write_all(b"\n"));
                write.map_err(output_error)?;
                next += 1;
                lines += 1;
                bytes += size;
            }
            if lines > 0 {
                output.flush().map_err(output_error)?;
                (self.release)(lines, bytes);
            }
        }
        match read_error {
            Some(source) => Err(Error::Io {
                path: "<input>".into(),
                source,
            }),
            None => Ok(()),
        }
    }

    /// Hands the lines read so far to the pool in chunks: at most
    /// [`CHUNK_LINES`] lines and about [`CHUNK_BYTES`], and no more than an
    /// even share per thread, so a few lines still go to every thread.
    fn dispatch(&self, scope: &rayon::Scope<'s>, ready: &mut Vec<Line>) {
        if ready.is_empty() {
            return;
        }
        let share = ready.len().div_ceil(self.threads).clamp(1, CHUNK_LINES);
        let mut chunk: Vec<Line> = Vec::new();
        let mut chunk_bytes = 0;
        for line in ready.drain(..) {
            let size = line_bytes(&line);
            if !chunk.is_empty() && (chunk.len() == share || chunk_bytes + size > CHUNK_BYTES) {
                self.spawn(scope, std::mem::take(&mut chunk));
                chunk_bytes = 0;
            }
            chunk_bytes += size;
            chunk.push(line);
        }
        self.spawn(scope, chunk);
    }

    fn spawn(&self, scope: &rayon::Scope<'s>, chunk: Vec<Line>) {
        let sender = self.sender.clone();
        let (summarizer, max_record_bytes) = (self.summarizer, self.max_record_bytes);
        scope.spawn(move |_| {
            let results = chunk
                .iter()
                .map(|line| {
                    let processed = process_line(summarizer, line, max_record_bytes);
                    (processed, line_bytes(line))
                })
                .collect();
            let _ = sender.send(Event::Done(results));
        });
    }
}

/// The bytes a line holds in memory.
fn line_bytes(line: &Line) -> usize {
    match &line.content {
        LineContent::Bytes(bytes) => bytes.len(),
        LineContent::TooLong { .. } => 0,
    }
}

fn output_error(source: std::io::Error) -> Error {
    Error::Io {
        path: "<output>".into(),
        source,
    }
}

/// Reads lines on a thread of its own while the window has room, so a slow
/// input never delays output and a fast one never floods memory: at most
/// `limits.lines` lines, and `limits.bytes` bytes, plus one batch, are read
/// but not yet written. Lines go out in batches of what the input has
/// buffered (up to [`CHUNK_LINES`] x 16 lines or [`CHUNK_BYTES`]): one
/// wake-up of the writing thread per batch rather than per line, and no
/// line held back while the input is slow.
fn spawn_reader<R: BufRead + Send + 'static>(
    input: R,
    max_record_bytes: usize,
    limits: Limits,
    window: SharedWindow,
    sender: std::sync::mpsc::Sender<Event>,
) {
    std::thread::spawn(move || {
        let mut lines = LineReader::new(input, max_record_bytes);
        loop {
            {
                let (lock, ready) = &*window;
                let mut state = lock.lock().unwrap_or_else(|e| e.into_inner());
                while state.open && (state.lines >= limits.lines || state.bytes >= limits.bytes) {
                    state = ready.wait(state).unwrap_or_else(|e| e.into_inner());
                }
                if !state.open {
                    return;
                }
            }
            let mut batch: Vec<Line> = Vec::new();
            let mut batch_bytes = 0;
            let last = loop {
                match lines.next_line() {
                    Ok(Some(line)) => {
                        batch_bytes += line_bytes(&line);
                        batch.push(line);
                    }
                    Ok(None) => break Some(Event::End),
                    Err(err) => break Some(Event::ReadFailed(err)),
                }
                if batch.len() >= READ_BATCH_LINES
                    || batch_bytes >= CHUNK_BYTES
                    || !lines.has_buffered_line()
                {
                    break None;
                }
            };
            if !batch.is_empty() {
                {
                    let (lock, _) = &*window;
                    let mut state = lock.lock().unwrap_or_else(|e| e.into_inner());
                    state.lines += batch.len();
                    state.bytes += batch_bytes;
                }
                if sender.send(Event::Lines(batch)).is_err() {
                    return;
                }
            }
            if let Some(event) = last {
                let _ = sender.send(event);
                return;
            }
        }
    });
}

/// Lines the reader hands over at once at most.
const READ_BATCH_LINES: usize = CHUNK_LINES * 16;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::select::Budget;

    fn record(id: &str, sentences: usize) -> String {
        let text: Vec<String> = (0..sentences)
            .map(|i| {
                format!("Sentence number {i} talks about the summit and its leaders at length.")
            })
            .collect();
        serde_json::json!({"id": id, "docs": [{"text": text.join(" ")}]}).to_string()
    }

    fn batch(input: String, options: &BatchOptions) -> (Vec<serde_json::Value>, BatchReport) {
        let mut out = Vec::new();
        let mut config = crate::Config::default();
        config.select.budget = Budget::Sentences(2);
        let summarizer = Summarizer::new(config).unwrap();
        let report = run(
            &summarizer,
            std::io::Cursor::new(input),
            &mut out,
            options,
            |_| {},
        )
        .unwrap();
        let lines = String::from_utf8(out).unwrap();
        let values = lines
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (values, report)
    }

    #[test]
    fn a_record_budget_goes_through_the_one_settings_check() {
        let zero = r#"{"id": "z", "docs": [{"text": "The talks went on. They ended late."}], "budget": {"words": 0}}"#;
        let input = format!("{zero}\n{}\n", record("ok", 4));
        let (lines, report) = batch(input, &BatchOptions::default());
        assert_eq!((report.records, report.failed), (2, 1));
        assert_eq!(lines[0]["id"], "z");
        assert!(lines[0]["error"].as_str().unwrap().contains("at least 1"));
        assert_eq!(
            lines[1]["parameters"]["select"]["budget"],
            serde_json::json!({"sentences": 2})
        );
    }

    #[test]
    fn one_output_line_per_input_line_in_order() {
        let mut input = String::new();
        for i in 0..40 {
            input.push_str(&record(&format!("c{i}"), 3 + (i * 7) % 30));
            input.push('\n');
        }
        input.push_str("\n{\"id\": \"broken\"\n");
        input.push_str(&record("last", 4)); // no final newline
        let options = BatchOptions {
            max_in_flight: 3,
            ..Default::default()
        };
        let (lines, report) = batch(input, &options);
        assert_eq!(lines.len(), 43);
        assert_eq!((report.records, report.failed), (43, 2));
        for (i, line) in lines[..40].iter().enumerate() {
            assert_eq!(line["id"], format!("c{i}"));
            assert_eq!(line["schema"], crate::render::wire::SCHEMA);
        }
        assert_eq!(lines[40]["line"], 41);
        assert!(lines[40]["id"].is_null());
        assert_eq!(lines[41]["line"], 42);
        assert_eq!(lines[42]["id"], "last");
    }

    #[test]
    fn output_is_the_same_on_one_thread_or_many() {
        let input: String = (0..12)
            .map(|i| record(&format!("r{i}"), 5 + i) + "\n")
            .collect();
        let run_with = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let mut out = Vec::new();
            let summarizer = Summarizer::default();
            let input = std::io::Cursor::new(input.clone());
            let options = BatchOptions::default();
            run_in(Some(&pool), &summarizer, input, &mut out, &options, |_| {}).unwrap();
            out
        };
        assert_eq!(run_with(1), run_with(3));
    }

    #[test]
    fn any_window_gives_the_same_output() {
        let input: String = (0..30)
            .map(|i| record(&format!("w{i}"), 2 + i % 9) + "\n")
            .collect();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(3)
            .build()
            .unwrap();
        let run_with = |max_in_flight: usize, max_in_flight_bytes: usize| {
            let mut out = Vec::new();
            let options = BatchOptions {
                max_in_flight,
                max_in_flight_bytes,
                ..Default::default()
            };
            let input = std::io::Cursor::new(input.clone());
            let summarizer = Summarizer::default();
            run_in(Some(&pool), &summarizer, input, &mut out, &options, |_| {}).unwrap();
            out
        };
        let reference = run_with(0, 0);
        assert_eq!(reference.iter().filter(|&&b| b == b'\n').count(), 30);
        // One line at a time (a byte window smaller than any record), a few.
        assert_eq!(run_with(0, 1), reference);
        assert_eq!(run_with(1, 0), reference);
        assert_eq!(run_with(5, 2000), reference);
    }

    #[test]
    fn record_budgets_override_the_default_and_errors_keep_ids() {
        let input = format!(
            "{}\n{}\n",
            r#"{"id": "w", "docs": [{"text": "One sentence about leaders meeting at the summit today. Another sentence about refugees and the war in Syria."}], "budget": {"words": 10}}"#,
            r#"{"id": "empty", "docs": [{"text": "Share"}]}"#
        );
        let (lines, report) = batch(input, &BatchOptions::default());
        assert_eq!(lines[0]["budget"]["unit"], "words");
        assert_eq!(lines[0]["parameters"]["select"]["budget"]["words"], 10);
        assert!(lines[0]["usage"]["words"].as_u64().unwrap() <= 10);
        assert_eq!(lines[1]["id"], "empty");
        assert!(lines[1]["error"].as_str().unwrap().contains("no sentences"));
        assert_eq!(report.failed, 1);
    }

    #[test]
    fn over_long_records_are_skipped_with_a_message() {
        let input = format!("{}\n{}\n", record("big", 200), record("small", 3));
        let options = BatchOptions {
            max_record_bytes: 2000,
            ..Default::default()
        };
        let (lines, _) = batch(input, &options);
        assert!(lines[0]["error"]
            .as_str()
            .unwrap()
            .contains("over the record size limit"));
        assert_eq!(lines[1]["id"], "small");
    }
}
