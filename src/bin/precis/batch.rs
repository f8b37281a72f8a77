//! `precis batch`: JSON Lines in, one summary per line out.

use std::io::{BufRead, Write};

use anyhow::Context;
use precis::batch::{self, BatchOptions};
use precis::Summarizer;

use crate::cli::BatchArgs;
use crate::{args, messages, EXIT_FATAL, EXIT_OK, EXIT_PARTIAL};

/// Runs `precis batch`; returns the exit code.
pub fn run(args: &BatchArgs) -> anyhow::Result<u8> {
    let budget = args::budget(&args.budget);
    let summarizer = match Summarizer::new(args::config(budget, &args.tuning)) {
        Ok(s) => s,
        Err(err) => {
            messages::error(&err.to_string());
            return Ok(EXIT_FATAL);
        }
    };
    let input: Box<dyn BufRead + Send> = match &args.input {
        Some(path) if path.as_os_str() != "-" => match std::fs::File::open(path) {
            Ok(file) => Box::new(std::io::BufReader::with_capacity(1 << 16, file)),
            Err(err) => {
                messages::error(&format!(
                    "{}: {}",
                    path.display(),
                    precis::ingest::io_reason(&err)
                ));
                return Ok(EXIT_FATAL);
            }
        },
        _ => Box::new(std::io::BufReader::with_capacity(1 << 16, std::io::stdin())),
    };
    let options = BatchOptions {
        max_record_bytes: usize::try_from(args.max_record_bytes).unwrap_or(usize::MAX),
        ..Default::default()
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
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
    if report.failed > 0 {
        messages::warning(&format!(
            "{} of {} line(s) failed",
            report.failed, report.records
        ));
        return Ok(EXIT_PARTIAL);
    }
    Ok(EXIT_OK)
}
