//! `precis brief`: one briefing from inputs, or one per subfolder with `--each`.

use std::io::Write;
use std::path::{Path, PathBuf};

use std::process::ExitCode;

use anyhow::{anyhow, bail, Context};
use precis::ingest::{self, IngestOptions, Input};
use precis::render::{self, OutputFormat};
use precis::{Request, Summarizer};

use crate::cli::BriefArgs;
use crate::output::{self, OutputGuard};
use crate::progress::Progress;
use crate::{args, exit_code, messages};

/// Runs `precis brief`; returns the exit code, or the error that stopped it.
pub fn run(args: &BriefArgs) -> anyhow::Result<ExitCode> {
    let format = args::format(args.format);
    let summarizer = Summarizer::new(args::config(args::budget(&args.budget), &args.tuning)?)?;
    // clap requires -o with --each.
    let read = read_before(args)?;
    if let (Some(each), Some(output)) = (&args.each, &args.output) {
        return run_each(&summarizer, each, output, format, args, &read);
    }
    let inputs: Vec<Input> = args.inputs.iter().map(|a| Input::parse(a)).collect();
    // Check the destination before doing any work.
    let guard = OutputGuard::new(
        input_paths(&inputs).chain(args.since.iter().map(PathBuf::as_path)),
        args.force,
    );
    if let Some(path) = &args.output {
        guard.check(path)?;
        output::check_folder_exists(path)?;
    }
    // A large folder takes a while: a spinner says so, on a terminal only.
    let indicator = Progress::spinner_after_delay("reading the inputs");
    let started = std::time::Instant::now();
    let loaded = ingest::load(&inputs, &IngestOptions::default())?;
    for warning in &loaded.warnings {
        messages::report(warning);
    }
    let read_time = started.elapsed();
    let some_skipped = loaded.has_skipped();
    indicator.set_message(summarizing(loaded.documents.len()));
    let request = request(loaded.documents, args, &read);
    let summary = summarizer.summarize(&request)?;
    drop(indicator);
    if args.timings {
        messages::timings(read_time, &summary.timings);
    }
    for note in &summary.notes {
        messages::report(note);
    }
    match &args.output {
        Some(path) => guard
            .write(path, |out| {
                render::write(&summary, &request.documents, format, out)
            })
            .context("cannot write the briefing")?,
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            render::write(&summary, &request.documents, format, &mut out)
                .context("cannot write to stdout")?;
            out.flush().context("cannot write to stdout")?;
        }
    }
    Ok(exit_code(some_skipped))
}

/// What the spinner says while `documents` are summarized.
fn summarizing(documents: usize) -> String {
    match documents {
        1 => "summarizing 1 document".to_owned(),
        n => format!("summarizing {n} documents"),
    }
}

/// The documents already read (`--since`), their warnings reported.
fn read_before(args: &BriefArgs) -> anyhow::Result<Vec<precis::Document>> {
    if args.since.is_empty() {
        return Ok(Vec::new());
    }
    let inputs: Vec<Input> = args.since.iter().cloned().map(Input::Path).collect();
    let loaded = precis::earlier::load_read(&inputs, &IngestOptions::default())
        .context("cannot read the documents given with --since")?;
    for warning in &loaded.warnings {
        messages::report(warning);
    }
    Ok(loaded.documents)
}

/// The request for `documents`, with the question and what was read.
fn request(
    documents: Vec<precis::Document>,
    args: &BriefArgs,
    read: &[precis::Document],
) -> Request {
    let mut request = Request::new(documents).with_since(read.to_vec());
    request.query = args.query.clone();
    request
}

fn input_paths(inputs: &[Input]) -> impl Iterator<Item = &Path> {
    inputs.iter().filter_map(|i| match i {
        Input::Path(p) => Some(p.as_path()),
        Input::Stdin => None,
    })
}

/// One briefing per subfolder of `root`, written into `output`.
fn run_each(
    summarizer: &Summarizer,
    root: &Path,
    output: &Path,
    format: OutputFormat,
    args: &BriefArgs,
    read: &[precis::Document],
) -> anyhow::Result<ExitCode> {
    let force = args.force;
    if root.exists() && !root.is_dir() {
        bail!(
            "{}: not a folder; --each needs a folder whose subfolders are summarized one by one",
            root.display()
        );
    }
    let entries = std::fs::read_dir(root)
        .map_err(|err| anyhow!("{}: {}", root.display(), precis::error::io_reason(&err)))?;
    let mut folders: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.is_dir()
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    folders.sort();
    if folders.is_empty() {
        bail!("{}: no subfolders to summarize", root.display());
    }
    let guard = OutputGuard::new(
        std::iter::once(root).chain(args.since.iter().map(PathBuf::as_path)),
        force,
    );
    // Refuse an output folder inside the input before creating anything.
    if guard.conflict(&output.join(".precis-probe")).is_some() {
        bail!(
            "{}: is inside the input folder {}; write output elsewhere",
            output.display(),
            root.display()
        );
    }
    std::fs::create_dir_all(output)
        .with_context(|| format!("cannot create {}", output.display()))?;
    let mut failed = 0usize;
    let indicator = Progress::spinner_after_delay("briefing");
    for (i, folder) in folders.iter().enumerate() {
        let name = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        indicator.set_message(format!("briefing {name} ({} of {})", i + 1, folders.len()));
        let destination = output.join(format!("{name}.{}", format.extension()));
        let result = (|| -> anyhow::Result<bool> {
            guard.check(&destination)?;
            let loaded = ingest::load(&[Input::Path(folder.clone())], &IngestOptions::default())?;
            for warning in &loaded.warnings {
                messages::report(warning);
            }
            let some_skipped = loaded.has_skipped();
            indicator.set_message(format!(
                "briefing {name} ({} of {}): {}",
                i + 1,
                folders.len(),
                summarizing(loaded.documents.len())
            ));
            let request = request(loaded.documents, args, read);
            let summary = summarizer.summarize(&request)?;
            for note in &summary.notes {
                messages::report(note);
            }
            guard.write(&destination, |out| {
                render::write(&summary, &request.documents, format, out)
            })?;
            Ok(some_skipped)
        })();
        match result {
            Ok(skipped) => failed += usize::from(skipped),
            Err(err) => {
                messages::warning(&format!("{}: {err}", folder.display()));
                failed += 1;
            }
        }
    }
    Ok(exit_code(failed > 0))
}
