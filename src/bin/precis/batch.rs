//! `precis batch`: JSON Lines in, one summary per line out.

use std::io::{BufRead, Write};

use std::process::ExitCode;

use anyhow::{anyhow, bail, Context};
use precis::batch::{self, BatchOptions};
use precis::error::io_reason;
use precis::Summarizer;

use crate::cli::BatchArgs;
use crate::progress::Progress;
use crate::{args, exit_code, messages};

/// Runs `precis batch`; returns the exit code, or the error that stopped it.
pub fn run(args: &BatchArgs) -> anyhow::Result<ExitCode> {
    let summarizer = Summarizer::new(args::config(args::budget(&args.budget), &args.tuning)?)?;
    let input: Box<dyn BufRead + Send> = match &args.input {
        Some(path) if path.is_dir() => bail!(
            "{}: is a folder; precis batch reads one JSON Lines file (or stdin)",
            path.display()
        ),
        Some(path) if path.as_os_str() != "-" => {
            let file = std::fs::File::open(path)
                .map_err(|err| anyhow!("{}: {}", path.display(), io_reason(&err)))?;
            Box::new(std::io::BufReader::with_capacity(1 << 16, file))
        }
        _ => Box::new(std::io::BufReader::with_capacity(1 << 16, std::io::stdin())),
    };
    let options = BatchOptions {
        max_record_bytes: usize::try_from(args.max_record_bytes).unwrap_or(usize::MAX),
        ..Default::default()
    };
    let stdout = std::io::stdout();
    // Output is flushed once per batch of finished records: a buffer that
    // holds such a batch makes that one write, not one per 8 KiB.
    let buffered = std::io::BufWriter::with_capacity(1 << 20, stdout.lock());
    let progress = if args.progress {
        Progress::counter("{spinner} {pos} records done ({per_sec}, {elapsed})")
    } else {
        Progress::hidden()
    };
    let mut out = Counted {
        inner: buffered,
        progress: &progress,
    };
    let report = batch::run(&summarizer, input, &mut out, &options, |failed| {
        if let Some(err) = &failed.error {
            let id = err
                .id
                .as_deref()
                .map(|id| format!(" (id {id:?})"))
                .unwrap_or_default();
            messages::warning(&format!("line {}{id}: {}", failed.line, err.message));
        }
    })
    .context("batch failed")?;
    out.flush().context("cannot write to stdout")?;
    drop(progress);
    if report.failed > 0 {
        messages::warning(&format!(
            "{} of {} line(s) failed",
            report.failed, report.records
        ));
    }
    Ok(exit_code(report.failed > 0))
}

/// The output, counting the records written: one output line is one record
/// (compact JSON has no line break inside).
struct Counted<'p, W> {
    inner: W,
    progress: &'p Progress,
}

impl<W: Write> Write for Counted<'_, W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let written = self.inner.write(bytes)?;
        let lines = memchr::memchr_iter(b'\n', &bytes[..written]).count();
        if lines > 0 {
            self.progress.inc(lines as u64);
        }
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}
