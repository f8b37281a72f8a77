//! `precis eval`: ROUGE on a dataset, with baselines and confidence intervals.

use std::io::Write;
use std::path::{Path, PathBuf};

use std::process::ExitCode;

use anyhow::{bail, Context};
use precis::eval::report_html::ReportView;
use precis::eval::{
    self, AggregateConfig, Average, BootstrapConfig, Dataset, EvalOptions, EvalReport, Measure,
    Metric, Pooling, RougeConfig, Tokenize, Truncation,
};
use precis::summarizer::rankers;
use precis::Ranker;

use crate::cli::{EvalArgs, EvalFormatArg, MeasureArg, PoolingArg, TokenizeArg};
use crate::output::{self, OutputGuard};
use crate::progress::Progress;
use crate::{args, exit_code, messages};

/// Runs `precis eval`; returns the exit code, or the error that stopped it.
pub fn run(a: &EvalArgs) -> anyhow::Result<ExitCode> {
    let dataset = Dataset::open(&a.dataset)?;
    let builtin: Vec<std::sync::Arc<dyn Ranker>> = if a.no_builtin {
        Vec::new()
    } else if a.systems.is_empty() {
        rankers::builtin(a.seed)
    } else {
        let mut chosen: Vec<std::sync::Arc<dyn Ranker>> = Vec::new();
        for name in &a.systems {
            match rankers::by_name(name.trim(), a.seed) {
                Some(s) if !chosen.iter().any(|c| c.name() == s.name()) => chosen.push(s),
                Some(_) => {}
                None => bail!(
                    "unknown built-in system {name:?}; choose from {}",
                    rankers::builtin(a.seed)
                        .iter()
                        .map(|r| r.name().to_owned())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }
        }
        chosen
    };
    let truncation = match (a.words, a.bytes, a.no_limit) {
        (_, _, true) => Truncation::None,
        (_, Some(n), _) => Truncation::Bytes(n),
        (Some(n), _, _) => Truncation::Words(n),
        _ => Truncation::Words(100),
    };
    let rouge = RougeConfig {
        max_n: a.max_n,
        stemming: !a.no_stem,
        remove_stopwords: a.remove_stopwords,
        truncation,
        pooling: match a.pooling {
            PoolingArg::Average => Pooling::ModelAverage,
            PoolingArg::Best => Pooling::BestModel,
        },
        tokenize: match a.tokenize {
            TokenizeArg::Ascii => Tokenize::Ascii,
            TokenizeArg::Unicode => Tokenize::Unicode,
        },
        ..RougeConfig::default()
    };
    let measure = match a.measure {
        MeasureArg::Recall => Measure::Recall,
        MeasureArg::Precision => Measure::Precision,
        MeasureArg::F1 => Measure::F,
    };
    let options = EvalOptions {
        rouge,
        config: args::config(precis::Budget::Words(100), &a.tuning)?,
        builtin,
        systems_dirs: a.systems_dir.clone(),
        questions: !a.no_query,
        earlier: !a.no_since,
        aggregate: AggregateConfig {
            bootstrap: BootstrapConfig {
                resamples: a.resamples,
                confidence: a.confidence,
                seed: 0,
            },
            ..AggregateConfig::default()
        },
    };
    // Outputs are checked before the work, so a long run never ends in a refusal.
    let guard = OutputGuard::new(
        std::iter::once(a.dataset.as_path()).chain(a.systems_dir.iter().map(PathBuf::as_path)),
        a.force,
    );
    for (flag, path) in [("-o", &a.output), ("--json", &a.json)] {
        let Some(path) = path else { continue };
        guard.check(path)?;
        if let Some(out) = &a.write_summaries {
            if output::same_or_inside(path, out) {
                bail!(
                    "{}: {flag} names the --write-summaries folder {} or a file inside it; \
                     write the report elsewhere",
                    path.display(),
                    out.display()
                );
            }
        }
        output::check_folder_exists(path)?;
    }
    if let (Some(report), Some(json)) = (&a.output, &a.json) {
        if output::same_or_inside(report, json) {
            bail!(
                "{}: -o and --json name the same file; give each its own",
                report.display()
            );
        }
    }
    if let Some(out) = &a.write_summaries {
        for system in &options.builtin {
            let probe = out
                .join(system.name())
                .join(format!("{}.txt", dataset.clusters[0].id));
            guard.check(&probe)?;
        }
    }

    let indicator = progress(&options, &dataset);
    let clusters = dataset.clusters.len() as u64;
    let summarized = std::sync::atomic::AtomicU64::new(0);
    let report = eval::evaluate(&dataset, &options, &|| {
        indicator.inc(1);
        let done = summarized.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if done == clusters {
            indicator.then_spin(scoring(&options));
        }
    });
    drop(indicator);
    let report = report?;
    for note in &report.notes {
        messages::warning(note);
    }
    for warning in &report.warnings {
        messages::warning(warning);
    }
    for error in &report.errors {
        messages::warning(error);
    }

    let average = if a.plain_means {
        Average::Plain
    } else {
        Average::Bootstrap
    };
    let write_report = |out: &mut dyn Write| match a.format {
        EvalFormatArg::Text => print_report(&report, measure, average, a.compare.as_deref(), out),
        EvalFormatArg::Json => write_json(&report, out),
        EvalFormatArg::Html => {
            let view = ReportView {
                measure,
                average,
                compare: a.compare.clone(),
            };
            eval::report_html::write(&report, &view, out)
        }
    };
    match &a.output {
        Some(path) => guard
            .write(path, write_report)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            write_report(&mut out).context("cannot write to stdout")?;
            out.flush().context("cannot write to stdout")?;
        }
    }

    if let Some(path) = &a.json {
        guard
            .write(path, |w| write_json(&report, w))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    if let Some(dir) = &a.write_summaries {
        write_summaries(&report, dir, &guard)?;
    }
    Ok(exit_code(!report.errors.is_empty()))
}

/// While summarizing, a bar of clusters; then, while scoring, a spinner.
/// Both on stderr, only when it is a terminal (and without --quiet).
fn progress(options: &EvalOptions, dataset: &Dataset) -> Progress {
    if options.builtin.is_empty() {
        Progress::spinner_after_delay(scoring(options))
    } else {
        Progress::bar(
            dataset.clusters.len() as u64,
            "summarizing {bar:30} {pos}/{len} clusters ({eta})",
        )
    }
}

/// What the spinner says while the systems are scored.
fn scoring(options: &EvalOptions) -> String {
    if options.systems_dirs.is_empty() {
        format!("scoring {} systems", options.builtin.len())
    } else {
        "scoring the systems".to_owned()
    }
}

/// The report as JSON, pretty-printed, ending in a line break.
fn write_json(report: &EvalReport, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &report.to_json())?;
    writeln!(out)
}

fn measure_name(measure: Measure) -> &'static str {
    match measure {
        Measure::Recall => "recall",
        Measure::Precision => "precision",
        Measure::F => "F1",
    }
}

fn print_report(
    report: &EvalReport,
    measure: Measure,
    average: Average,
    compare: Option<&str>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(
        out,
        "dataset: {} ({} clusters)",
        report.dataset.display(),
        report.clusters
    )?;
    writeln!(
        out,
        "ROUGE-1.5.5 {}: {}, {} [{}% CI] in percent, {} bootstrap resamples over clusters\n",
        report.rouge_flags,
        measure_name(measure),
        average.describe(),
        report.bootstrap.confidence,
        report.bootstrap.resamples
    )?;
    let wanted = |m: &Metric| {
        matches!(
            m,
            Metric::N(1) | Metric::N(2) | Metric::N(4) | Metric::L | Metric::S(_)
        )
    };
    let metrics: Vec<Metric> = report.metrics().into_iter().filter(wanted).collect();
    write!(out, "{}", report.table(measure, &metrics, average))?;

    let reference = compare
        .map(str::to_owned)
        .or_else(|| report.system("precis").map(|s| s.name.clone()));
    let Some(reference) = reference else {
        return Ok(());
    };
    if report.system(&reference).is_none() {
        writeln!(out, "\n(no system called {reference} to compare)")?;
        return Ok(());
    }
    let tested: Vec<Metric> = [Metric::N(1), Metric::N(2)]
        .into_iter()
        .filter(|m| metrics.contains(m))
        .collect();
    if tested.is_empty() || report.systems.len() < 2 {
        return Ok(());
    }
    writeln!(
        out,
        "\nIs {reference} better? Paired bootstrap over clusters ({}): difference in points, one-sided p",
        measure_name(measure)
    )?;
    let width = report
        .systems
        .iter()
        .map(|s| s.name.len())
        .max()
        .unwrap_or(6)
        .max(6);
    write!(out, "{:<width$}", "vs")?;
    for m in &tested {
        write!(
            out,
            "  {:>8}  {:>6}",
            format!("Δ{}", eval::short_label(*m)),
            "p"
        )?;
    }
    writeln!(out)?;
    for other in report.systems.iter().filter(|s| s.name != reference) {
        write!(out, "{:<width$}", other.name)?;
        for &m in &tested {
            match report.compare(&reference, &other.name, m, measure) {
                Some(Ok(t)) => write!(out, "  {:>+8.2}  {:>6.3}", 100.0 * t.delta, t.p_value)?,
                _ => write!(out, "  {:>8}  {:>6}", "-", "-")?,
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

fn write_summaries(report: &EvalReport, dir: &Path, guard: &OutputGuard) -> anyhow::Result<()> {
    for (system, clusters) in &report.summaries {
        let folder = dir.join(system);
        std::fs::create_dir_all(&folder)
            .with_context(|| format!("cannot create {}", folder.display()))?;
        for (cluster, text) in clusters {
            let path = folder.join(format!("{cluster}.txt"));
            guard
                .write(&path, |w| w.write_all(text.as_bytes()))
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
    }
    Ok(())
}
