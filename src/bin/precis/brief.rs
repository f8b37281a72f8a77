//! `precis brief`: one briefing from inputs, or one per subfolder with `--each`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use precis::ingest::{self, IngestOptions, Input};
use precis::output::OutputGuard;
use precis::render::{self, OutputFormat};
use precis::{Error, Summarizer};

use crate::cli::BriefArgs;
use crate::{args, messages, EXIT_FATAL, EXIT_OK, EXIT_PARTIAL};

/// Runs `precis brief`; returns the exit code.
pub fn run(args: &BriefArgs) -> anyhow::Result<u8> {
    let budget = args::budget(&args.budget);
    let format = args::format(args.format);
    let summarizer = match Summarizer::new(args::config(budget, &args.tuning)) {
        Ok(s) => s,
        Err(err) => {
            messages::error(&err.to_string());
            return Ok(EXIT_FATAL);
        }
    };
    if let Some(each) = &args.each {
        let Some(output) = &args.output else {
            messages::error("--each needs -o FOLDER for the briefings");
            return Ok(EXIT_FATAL);
        };
        return run_each(&summarizer, each, output, format, args.force);
    }
    let inputs: Vec<Input> = args.inputs.iter().map(|a| Input::parse(a)).collect();
    // Check the destination before doing any work.
    let guard = OutputGuard::new(input_paths(&inputs), args.force);
    if let Some(path) = &args.output {
        if let Err(err) = guard.check(path) {
            messages::error(&err.to_string());
            return Ok(EXIT_FATAL);
        }
    }
    let started = std::time::Instant::now();
    let loaded = match ingest::load(&inputs, &IngestOptions::default()) {
        Ok(loaded) => loaded,
        Err(err) => {
            messages::error(&err.to_string());
            return Ok(EXIT_FATAL);
        }
    };
    for warning in &loaded.warnings {
        messages::warning(&warning.to_string());
    }
    let read_time = started.elapsed();
    let summary = match summarizer.summarize_timed(&loaded.documents) {
        Ok((summary, timings)) => {
            if args.timings {
                messages::timings(read_time, &timings);
            }
            summary
        }
        Err(err @ (Error::NoSentences { .. } | Error::NoDocuments { .. })) => {
            messages::error(&err.to_string());
            return Ok(EXIT_FATAL);
        }
        Err(err) => return Err(err.into()),
    };
    let parameters = summarizer.config();
    match &args.output {
        Some(path) => guard
            .write(path, |out| render::write(&summary, format, parameters, out))
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            render::write(&summary, format, parameters, &mut out)
                .context("cannot write to stdout")?;
            out.flush().context("cannot write to stdout")?;
        }
    }
    Ok(if loaded.has_skipped() {
        EXIT_PARTIAL
    } else {
        EXIT_OK
    })
}

fn input_paths(inputs: &[Input]) -> impl Iterator<Item = &Path> {
    inputs.iter().filter_map(|i| match i {
        Input::Path(p) => Some(p.as_path()),
        Input::Stdin => None,
    })
}

fn extension(format: OutputFormat) -> &'static str {
    match format {
        OutputFormat::Markdown => "md",
        OutputFormat::Text => "txt",
        OutputFormat::Json => "json",
    }
}

/// One briefing per subfolder of `root`, written into `output`.
fn run_each(
    summarizer: &Summarizer,
    root: &Path,
    output: &Path,
    format: OutputFormat,
    force: bool,
) -> anyhow::Result<u8> {
    let mut folders: Vec<PathBuf> = match std::fs::read_dir(root) {
        Ok(entries) => entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| {
                p.is_dir()
                    && !p
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect(),
        Err(err) => {
            messages::error(&format!("{}: {}", root.display(), ingest::io_reason(&err)));
            return Ok(EXIT_FATAL);
        }
    };
    folders.sort();
    if folders.is_empty() {
        messages::error(&format!("{}: no subfolders to summarize", root.display()));
        return Ok(EXIT_FATAL);
    }
    let guard = OutputGuard::new([root], force);
    // Refuse an output folder inside the input before creating anything.
    if let Err(err) = guard.check(&output.join(".precis-probe")) {
        if matches!(err, Error::Output { ref reason, .. } if reason.contains("input")) {
            messages::error(&format!(
                "{}: is inside the input folder {}; write output elsewhere",
                output.display(),
                root.display()
            ));
            return Ok(EXIT_FATAL);
        }
    }
    std::fs::create_dir_all(output)
        .with_context(|| format!("cannot create {}", output.display()))?;
    let mut failed = 0usize;
    for folder in &folders {
        let name = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let destination = output.join(format!("{name}.{}", extension(format)));
        let result = (|| -> precis::Result<bool> {
            guard.check(&destination)?;
            let loaded = ingest::load(&[Input::Path(folder.clone())], &IngestOptions::default())?;
            for warning in &loaded.warnings {
                messages::warning(&warning.to_string());
            }
            let summary = summarizer.summarize(&loaded.documents)?;
            guard.write(&destination, |out| {
                render::write(&summary, format, summarizer.config(), out)
            })?;
            Ok(loaded.has_skipped())
        })();
        match result {
            Ok(skipped) => failed += usize::from(skipped),
            Err(err) => {
                messages::warning(&format!("{}: {err}", folder.display()));
                failed += 1;
            }
        }
    }
    Ok(if failed > 0 { EXIT_PARTIAL } else { EXIT_OK })
}
