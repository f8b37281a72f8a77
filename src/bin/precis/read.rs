//! `precis read`: what precis reads from each document, as JSON Lines or text.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{bail, Context};
use precis::ingest::read::{self, ReadRecord};
use precis::ingest::{IngestOptions, Input};
use precis::{Severity, Warning};

use crate::cli::{ReadArgs, ReadFormatArg};
use crate::{exit_code, messages};

/// Runs `precis read`; returns the exit code, or the error that stopped it.
pub fn run(args: &ReadArgs) -> anyhow::Result<ExitCode> {
    let inputs: Vec<Input> = args.inputs.iter().map(|a| Input::parse(a)).collect();
    let report = read::read(&inputs, &IngestOptions::default());
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for record in &report.records {
        match record {
            ReadRecord::Read(document) => {
                for warning in &document.warnings {
                    messages::report(&Warning::new(&document.path, warning, Severity::Recovered));
                }
            }
            ReadRecord::Failed(failure) => messages::report(&Warning::new(
                &failure.path,
                &failure.error,
                failure.severity,
            )),
        }
        write_record(record, args.format, &mut out).context("cannot write to stdout")?;
    }
    out.flush().context("cannot write to stdout")?;
    for note in &report.notes {
        messages::report(note);
    }
    if report.documents() == 0 {
        bail!("no input gave any text");
    }
    Ok(exit_code(report.has_skipped()))
}

fn write_record(
    record: &ReadRecord,
    format: ReadFormatArg,
    out: &mut impl Write,
) -> std::io::Result<()> {
    match format {
        ReadFormatArg::Json => {
            serde_json::to_writer(&mut *out, record)?;
            writeln!(out)
        }
        ReadFormatArg::Text => match record {
            ReadRecord::Read(document) => {
                let format = document.format.name();
                let title = document
                    .title
                    .as_deref()
                    .map(|t| format!(" {t}"))
                    .unwrap_or_default();
                writeln!(out, "==> {} ({format}){title} <==", document.path)?;
                let text = document.text.trim_end();
                if text.is_empty() {
                    writeln!(out)
                } else {
                    writeln!(out, "{text}\n")
                }
            }
            ReadRecord::Failed(failure) => {
                writeln!(out, "==> {} (error: {}) <==\n", failure.path, failure.error)
            }
        },
    }
}
