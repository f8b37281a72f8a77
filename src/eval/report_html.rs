//! An [`EvalReport`] as one self-contained HTML page: `precis eval --format html`.
//!
//! Like the briefing page ([`crate::render::html`]), the page references
//! nothing outside itself: its style is inline, its charts are inline SVG,
//! and it has no script, font, image or external link, so it opens from a
//! file offline. From the top:
//!
//! * what was scored: the dataset, its clusters, the ROUGE-1.5.5 options,
//!   the measure, the average, the confidence level and the resamples;
//! * the table: one row per system, one column per metric, each cell the
//!   average in percent with its confidence interval;
//! * one chart per metric: a dot per system at its average, with a whisker
//!   over its interval; built-in systems are round, systems read from a
//!   folder are diamonds, and the system the others are compared with (by
//!   default precis) is highlighted;
//! * the paired tests: is that system better than each other one, on R-1
//!   and R-2, as the difference in points and the one-sided p-value;
//! * the table for the two other measures; notes, warnings and errors.
//!
//! In the charts each system is a `<g class="system builtin">` (or
//! `folder`), with `data-system` its name and `data-metric` the chart's
//! metric (`R-1`), so a test can count them. Names and paths come from the
//! file system: every one is escaped. The same report gives the same bytes.
//!
//! ```
//! use precis::eval::{report_html, Dataset, EvalOptions};
//! # let dir = tempfile::tempdir()?;
//! # let root = dir.path().join("ds");
//! # std::fs::create_dir_all(root.join("c1/docs"))?;
//! # std::fs::create_dir_all(root.join("c1/refs"))?;
//! # std::fs::write(root.join("c1/docs/a.txt"), "Leaders met in Antalya on Sunday. They talked about Syria.\n")?;
//! # std::fs::write(root.join("c1/refs/A.txt"), "Leaders met in Antalya.\n")?;
//! let dataset = Dataset::open(&root)?;
//! let report = precis::eval::evaluate(&dataset, &EvalOptions::default(), &|| {})?;
//! let mut page = Vec::new();
//! report_html::write(&report, &report_html::ReportView::default(), &mut page)?;
//! let page = String::from_utf8(page)?;
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! // precis, highlighted, in every chart.
//! assert_eq!(page.matches("<g class=\"system builtin focus\" data-system=\"precis\"").count(),
//!            report.metrics().len());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt::Write as _;
use std::io::Write;

use precis_rouge::{Estimate, Measure, Metric};

use super::harness::{short_label, Average, EvalReport, SystemResult};
use crate::render::html::escape;

/// What the page shows of a report.
#[derive(Debug, Clone)]
pub struct ReportView {
    /// The measure of the main table, the charts and the tests (recall by
    /// default, as DUC results report); the page also has a table for the
    /// other two.
    pub measure: Measure,
    /// The average shown (ROUGE-1.5.5's bootstrap mean by default).
    pub average: Average,
    /// The system tested against each other one, and highlighted: by
    /// default `precis` when it was scored.
    pub compare: Option<String>,
}

impl Default for ReportView {
    /// Recall, bootstrap means, precis compared with the others.
    fn default() -> Self {
        ReportView {
            measure: Measure::Recall,
            average: Average::default(),
            compare: None,
        }
    }
}

/// The metrics the paired tests are run on, as in `precis eval`'s table.
const TESTED: [Metric; 2] = [Metric::N(1), Metric::N(2)];

/// The page's style. Colours hold in light and dark schemes; the charts
/// take their colours from it.
const STYLE: &str = "\
:root{color-scheme:light dark;--muted:#5f6368;--rule:#d0d0d0;--grid:#e4e4e4;--builtin:#1f5fa8;--folder:#b35900;--focus:#c8102e;--band:#fdecee}
@media (prefers-color-scheme:dark){:root{--muted:#a0a4a8;--rule:#444;--grid:#333;--builtin:#7aa7e0;--folder:#f0a050;--focus:#ff6b81;--band:#3a1d22}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:72rem;padding:1rem 1.25rem 3rem;font:1rem/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.15rem;margin:2.25rem 0 .5rem;padding-bottom:.2rem;border-bottom:1px solid var(--rule)}
h3{font-size:1rem;margin:1.25rem 0 .25rem}
.meta,.caption{color:var(--muted);font-size:.9rem}
.meta dt{float:left;clear:left;width:9rem;font-weight:600}
.meta dd{margin:0 0 .15rem 9.5rem;overflow-wrap:anywhere}
.scroll{overflow-x:auto}
table{border-collapse:collapse;font-size:.9rem;font-variant-numeric:tabular-nums}
th,td{padding:.3rem .6rem;border-bottom:1px solid var(--rule);text-align:right;vertical-align:top;white-space:nowrap}
th:first-child,td:first-child,.source{text-align:left}
td.source{white-space:normal;overflow-wrap:anywhere;max-width:16rem;color:var(--muted)}
td .ci{display:block;color:var(--muted);font-size:.8em}
tr.focus{background:var(--band)}
tr.focus td:first-child{font-weight:700}
.significant{font-weight:700}
.legend{display:flex;flex-wrap:wrap;gap:1.25rem;font-size:.9rem;margin:.5rem 0 1rem}
.legend svg{vertical-align:middle;margin-right:.3rem}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(26rem,1fr));gap:1.25rem 2.5rem}
figure{margin:0}
figcaption{font-weight:600;margin-bottom:.25rem}
svg.chart{width:100%;height:auto;display:block}
svg text{fill:currentColor;font-size:12px;font-family:system-ui,sans-serif}
svg .axis text{fill:var(--muted);font-size:11px}
svg .grid{stroke:var(--grid);stroke-width:1}
svg .whisker{stroke-width:1.75}
svg .builtin .whisker,svg .builtin .dot{stroke:var(--builtin);fill:var(--builtin)}
svg .folder .whisker{stroke:var(--folder)}
svg .folder .dot{stroke:var(--folder);fill:Canvas;stroke-width:2}
svg .focus .whisker,svg .focus .dot{stroke:var(--focus)}
svg .builtin.focus .dot{fill:var(--focus)}
svg .focus .label{font-weight:700}
svg .band{fill:var(--band)}
svg .value{fill:var(--muted);font-size:11px}
ul.notes li{margin:.25rem 0;overflow-wrap:anywhere}
@media print{body{max-width:none;padding:0;font-size:10pt}figure{break-inside:avoid}}
";

/// Chart geometry, in SVG user units (the chart scales to its column).
const WIDTH: f64 = 480.0;
const LABEL_RIGHT: f64 = 122.0;
const PLOT_LEFT: f64 = 132.0;
const PLOT_RIGHT: f64 = 430.0;
const ROW: f64 = 22.0;
const TOP: f64 = 6.0;
const AXIS: f64 = 26.0;
/// System names longer than this are cut in the charts (whole in the table
/// and in each dot's tooltip).
const LABEL_CHARS: usize = 18;

/// Writes `report` as a page, showing what `view` asks for.
pub fn write(report: &EvalReport, view: &ReportView, out: &mut dyn Write) -> std::io::Result<()> {
    let mut page = String::new();
    // Writing to a String cannot fail.
    let _ = page_of(report, view, &mut page);
    out.write_all(page.as_bytes())
}

fn page_of(report: &EvalReport, view: &ReportView, page: &mut String) -> std::fmt::Result {
    let metrics = report.metrics();
    let focus = reference(report, view);
    let dataset = report.dataset.display().to_string();
    let name = report
        .dataset
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| dataset.clone());
    let title = escape(&format!("ROUGE: {name}"));
    write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <header>\n<h1>{title}</h1>\n<dl class=\"meta\">\n"
    )?;
    let measure = measure_name(view.measure);
    for (term, value) in [
        (
            "Dataset",
            format!("{dataset} ({} clusters)", report.clusters),
        ),
        ("Scores", format!("ROUGE-1.5.5 {}", report.rouge_flags)),
        ("Measure", measure.to_owned()),
        (
            "Average",
            format!(
                "{}, with its {}% confidence interval",
                view.average.describe(),
                report.bootstrap.confidence
            ),
        ),
        (
            "Resamples",
            format!(
                "{} bootstrap resamples over clusters",
                report.bootstrap.resamples
            ),
        ),
        (
            "Written by",
            format!("precis {}", env!("CARGO_PKG_VERSION")),
        ),
    ] {
        writeln!(page, "<dt>{term}</dt><dd>{}</dd>", escape(&value))?;
    }
    writeln!(page, "</dl>\n</header>\n<main>")?;

    if report.systems.is_empty() || metrics.is_empty() {
        writeln!(page, "<p><em>No system was scored.</em></p>")?;
    } else {
        writeln!(
            page,
            "<section id=\"scores\">\n<h2>Scores: {measure}</h2>\n<p class=\"caption\">{}, \
             in percent, with the {}% confidence interval in brackets.</p>",
            capitalized(view.average.describe()),
            report.bootstrap.confidence
        )?;
        table(page, report, &metrics, view.measure, view.average, focus)?;
        writeln!(page, "</section>")?;

        writeln!(
            page,
            "<section id=\"charts\">\n<h2>Charts: {measure}</h2>\n<p class=\"caption\">Each \
             dot is a system's {}; the whisker spans its {}% confidence interval.</p>",
            match view.average {
                Average::Bootstrap => "bootstrap mean",
                Average::Plain => "mean",
            },
            report.bootstrap.confidence
        )?;
        legend(page, report, focus)?;
        writeln!(page, "<div class=\"charts\">")?;
        for &metric in &metrics {
            chart(page, report, metric, view, focus)?;
        }
        writeln!(page, "</div>\n</section>")?;

        tests(page, report, &metrics, view.measure, view, focus)?;

        writeln!(
            page,
            "<section id=\"other-measures\">\n<h2>Other measures</h2>"
        )?;
        for other in [Measure::Recall, Measure::Precision, Measure::F] {
            if other == view.measure {
                continue;
            }
            writeln!(page, "<h3>{}</h3>", capitalized(measure_name(other)))?;
            table(page, report, &metrics, other, view.average, focus)?;
        }
        writeln!(page, "</section>")?;
    }

    let remarks: Vec<(&str, &String)> = report
        .notes
        .iter()
        .map(|n| ("note", n))
        .chain(report.warnings.iter().map(|w| ("warning", w)))
        .chain(report.errors.iter().map(|e| ("error", e)))
        .collect();
    if !remarks.is_empty() {
        writeln!(
            page,
            "<section id=\"notes\">\n<h2>Notes, warnings and errors</h2>\n<ul class=\"notes\">"
        )?;
        for (kind, text) in remarks {
            writeln!(
                page,
                "<li class=\"{kind}\"><strong>{kind}:</strong> {}</li>",
                escape(text)
            )?;
        }
        writeln!(page, "</ul>\n</section>")?;
    }
    writeln!(page, "</main>\n</body>\n</html>")
}

/// The system the others are compared with: the one asked for when there
/// is one by that name, else precis when it was scored.
fn reference<'r>(report: &'r EvalReport, view: &ReportView) -> Option<&'r str> {
    match &view.compare {
        Some(name) => report.system(name).map(|s| s.name.as_str()),
        None => report.system("precis").map(|s| s.name.as_str()),
    }
}

fn measure_name(measure: Measure) -> &'static str {
    match measure {
        Measure::Recall => "recall",
        Measure::Precision => "precision",
        Measure::F => "F1",
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .into_iter()
        .flat_map(char::to_uppercase)
        .chain(chars)
        .collect()
}

fn estimate(system: &SystemResult, metric: Metric, measure: Measure) -> Option<Estimate> {
    let agg = system.aggregate.get(metric)?;
    Some(match measure {
        Measure::Recall => agg.recall,
        Measure::Precision => agg.precision,
        Measure::F => agg.f,
    })
}

fn centre(e: &Estimate, average: Average) -> f64 {
    match average {
        Average::Bootstrap => e.bootstrap_mean,
        Average::Plain => e.mean,
    }
}

/// `builtin` or `folder`: how the page tells where a system's summaries came from.
fn kind(system: &SystemResult) -> &'static str {
    if system.source == "built-in" {
        "builtin"
    } else {
        "folder"
    }
}

fn classes(system: &SystemResult, focus: Option<&str>) -> String {
    if focus == Some(system.name.as_str()) {
        format!("{} focus", kind(system))
    } else {
        kind(system).to_owned()
    }
}

fn table(
    page: &mut String,
    report: &EvalReport,
    metrics: &[Metric],
    measure: Measure,
    average: Average,
    focus: Option<&str>,
) -> std::fmt::Result {
    write!(
        page,
        "<div class=\"scroll\"><table class=\"scores\" data-measure=\"{}\">\n<thead><tr><th>System</th><th class=\"source\">Source</th>",
        measure_name(measure)
    )?;
    for &m in metrics {
        write!(page, "<th>{}</th>", escape(&short_label(m)))?;
    }
    writeln!(page, "</tr></thead>\n<tbody>")?;
    for system in &report.systems {
        write!(
            page,
            "<tr class=\"{}\"><td>{}</td><td class=\"source\">{}</td>",
            classes(system, focus),
            escape(&system.name),
            escape(&system.source)
        )?;
        for &m in metrics {
            match estimate(system, m, measure) {
                Some(e) => write!(
                    page,
                    "<td><span class=\"mean\">{:.2}</span> <span class=\"ci\">[{:.2}, {:.2}]</span></td>",
                    100.0 * centre(&e, average),
                    100.0 * e.ci_low,
                    100.0 * e.ci_high
                )?,
                None => write!(page, "<td>-</td>")?,
            }
        }
        writeln!(page, "</tr>")?;
    }
    writeln!(page, "</tbody>\n</table></div>")
}

/// What the shapes and colours of the charts mean.
fn legend(page: &mut String, report: &EvalReport, focus: Option<&str>) -> std::fmt::Result {
    write!(page, "<p class=\"legend\">")?;
    for (k, text) in [
        ("builtin", "built-in system"),
        ("folder", "summaries from a folder"),
    ] {
        if !report.systems.iter().any(|s| kind(s) == k) {
            continue;
        }
        write!(
            page,
            "<span><svg width=\"18\" height=\"16\" viewBox=\"0 0 18 16\" aria-hidden=\"true\">\
             <g class=\"{k}\">{}</g></svg>{text}</span>",
            dot_shape(k, 9.0, 8.0)
        )?;
    }
    if let Some(name) = focus {
        let k = report.system(name).map(kind).unwrap_or("builtin");
        write!(
            page,
            "<span><svg width=\"18\" height=\"16\" viewBox=\"0 0 18 16\" aria-hidden=\"true\">\
             <g class=\"{k} focus\">{}</g></svg>{} (highlighted)</span>",
            dot_shape(k, 9.0, 8.0),
            escape(name)
        )?;
    }
    writeln!(page, "</p>")
}

/// The dot of a system at (x, y): a circle for a built-in system, a
/// diamond for a folder's.
fn dot_shape(kind: &str, x: f64, y: f64) -> String {
    if kind == "builtin" {
        format!("<circle class=\"dot\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4.5\"/>")
    } else {
        format!(
            "<path class=\"dot\" d=\"M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}Z\"/>",
            y - 5.5,
            x + 5.5,
            y + 5.5,
            x - 5.5
        )
    }
}

/// A round step for an axis over `span`: 1, 2 or 5 times a power of ten,
/// giving at most six intervals.
fn step_for(span: f64) -> f64 {
    if span.is_nan() || span <= 0.0 || span.is_infinite() {
        return 1.0;
    }
    let raw = span / 6.0;
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|&s| s >= raw)
        .unwrap_or(10.0 * power)
}

/// The axis of a chart, in percent: from a round number at or below the
/// lowest interval bound to one at or above the highest, and its step.
fn axis(low: f64, high: f64) -> (f64, f64, f64) {
    let (low, high) = if high > low {
        (low, high)
    } else {
        (low - 0.5, high + 0.5)
    };
    let step = step_for(high - low);
    let from = ((low / step).floor() * step).max(0.0);
    let to = (high / step).ceil() * step;
    (from, if to > from { to } else { from + step }, step)
}

fn chart(
    page: &mut String,
    report: &EvalReport,
    metric: Metric,
    view: &ReportView,
    focus: Option<&str>,
) -> std::fmt::Result {
    let label = short_label(metric);
    let rows: Vec<(&SystemResult, Option<Estimate>)> = report
        .systems
        .iter()
        .map(|s| (s, estimate(s, metric, view.measure)))
        .collect();
    let bounds = rows
        .iter()
        .filter_map(|(_, e)| e.map(|e| (100.0 * e.ci_low, 100.0 * e.ci_high)))
        .chain(
            rows.iter()
                .filter_map(|(_, e)| e.map(|e| 100.0 * centre(&e, view.average)))
                .map(|c| (c, c)),
        )
        .filter(|(l, h)| l.is_finite() && h.is_finite())
        .fold(None, |acc: Option<(f64, f64)>, (l, h)| match acc {
            Some((lo, hi)) => Some((lo.min(l), hi.max(h))),
            None => Some((l, h)),
        })
        .unwrap_or((0.0, 1.0));
    let (from, to, step) = axis(bounds.0, bounds.1);
    let x = |percent: f64| {
        let share = ((percent - from) / (to - from)).clamp(0.0, 1.0);
        PLOT_LEFT + share * (PLOT_RIGHT - PLOT_LEFT)
    };
    let height = TOP + ROW * rows.len() as f64 + AXIS;
    let label = escape(&label);
    writeln!(
        page,
        "<figure id=\"chart-{label}\">\n<figcaption>{label} {}</figcaption>\n\
         <svg class=\"chart\" data-metric=\"{label}\" viewBox=\"0 0 {WIDTH:.0} {height:.0}\" \
         role=\"img\" aria-label=\"{label} {} of each system with its confidence interval\">",
        measure_name(view.measure),
        measure_name(view.measure)
    )?;
    // Grid lines and the axis labels.
    let bottom = TOP + ROW * rows.len() as f64;
    write!(page, "<g class=\"axis\">")?;
    let ticks = ((to - from) / step).round() as usize;
    for i in 0..=ticks {
        let value = from + step * i as f64;
        let at = x(value);
        let decimals = (-step.log10().floor()).max(0.0) as usize;
        write!(
            page,
            "<line class=\"grid\" x1=\"{at:.1}\" y1=\"{TOP:.1}\" x2=\"{at:.1}\" y2=\"{bottom:.1}\"/>\
             <text x=\"{at:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{value:.decimals$}</text>",
            bottom + 16.0
        )?;
    }
    writeln!(page, "</g>")?;
    for (i, (system, e)) in rows.iter().enumerate() {
        let y = TOP + ROW * (i as f64 + 0.5);
        let name = escape(&system.name);
        let shown: String = if system.name.chars().count() > LABEL_CHARS {
            let cut: String = system.name.chars().take(LABEL_CHARS - 1).collect();
            escape(&format!("{cut}\u{2026}"))
        } else {
            name.clone()
        };
        let focused = focus == Some(system.name.as_str());
        write!(
            page,
            "<g class=\"system {}\" data-system=\"{name}\" data-metric=\"{label}\">",
            classes(system, focus)
        )?;
        if focused {
            write!(
                page,
                "<rect class=\"band\" x=\"0\" y=\"{:.1}\" width=\"{WIDTH:.0}\" height=\"{ROW:.0}\"/>",
                y - ROW / 2.0
            )?;
        }
        write!(
            page,
            "<text class=\"label\" x=\"{LABEL_RIGHT:.1}\" y=\"{:.1}\" text-anchor=\"end\">{shown}</text>",
            y + 4.0
        )?;
        match e {
            Some(e) => {
                let (c, lo, hi) = (
                    100.0 * centre(e, view.average),
                    100.0 * e.ci_low,
                    100.0 * e.ci_high,
                );
                write!(
                    page,
                    "<title>{name} ({}): {label} {c:.2} [{lo:.2}, {hi:.2}]</title>\
                     <line class=\"whisker\" x1=\"{:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\"/>\
                     <line class=\"whisker\" x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\"/>\
                     <line class=\"whisker\" x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\"/>\
                     {}<text class=\"value\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{c:.2}</text>",
                    escape(&system.source),
                    x(lo),
                    x(hi),
                    x(lo),
                    y - 4.0,
                    x(lo),
                    y + 4.0,
                    x(hi),
                    y - 4.0,
                    x(hi),
                    y + 4.0,
                    dot_shape(kind(system), x(c), y),
                    WIDTH - 4.0,
                    y + 4.0
                )?;
            }
            None => write!(
                page,
                "<title>{name}: no {label} score</title><text class=\"value\" x=\"{PLOT_LEFT:.1}\" \
                 y=\"{:.1}\">no score</text>",
                y + 4.0
            )?,
        }
        writeln!(page, "</g>")?;
    }
    writeln!(page, "</svg>\n</figure>")
}

/// The paired tests, as `precis eval` prints them: is the reference system
/// better than each other one on R-1 and R-2?
fn tests(
    page: &mut String,
    report: &EvalReport,
    metrics: &[Metric],
    measure: Measure,
    view: &ReportView,
    focus: Option<&str>,
) -> std::fmt::Result {
    let tested: Vec<Metric> = TESTED.into_iter().filter(|m| metrics.contains(m)).collect();
    let Some(reference) = focus else {
        if let Some(name) = &view.compare {
            writeln!(
                page,
                "<section id=\"tests\">\n<h2>Paired tests</h2>\n<p>No system called {} to compare.</p>\n</section>",
                escape(name)
            )?;
        }
        return Ok(());
    };
    if tested.is_empty() || report.systems.len() < 2 {
        return Ok(());
    }
    let name = escape(reference);
    let threshold = 1.0 - report.bootstrap.confidence / 100.0;
    writeln!(
        page,
        "<section id=\"tests\">\n<h2>Is {name} better?</h2>\n<p class=\"caption\">Paired \
         bootstrap over clusters ({}): the difference in points ({name} minus the other \
         system) and the one-sided p-value; p below {threshold:.2} in bold.</p>",
        measure_name(measure)
    )?;
    write!(
        page,
        "<div class=\"scroll\"><table class=\"tests\">\n<thead><tr><th>vs</th>"
    )?;
    for &m in &tested {
        let label = escape(&short_label(m));
        write!(page, "<th>\u{394}{label}</th><th>p</th>")?;
    }
    writeln!(page, "</tr></thead>\n<tbody>")?;
    for other in report.systems.iter().filter(|s| s.name != reference) {
        write!(
            page,
            "<tr class=\"{}\" data-system=\"{}\"><td>{}</td>",
            kind(other),
            escape(&other.name),
            escape(&other.name)
        )?;
        for &m in &tested {
            match report.compare(reference, &other.name, m, measure) {
                Some(Ok(t)) => {
                    let class = if t.p_value < threshold {
                        " class=\"significant\""
                    } else {
                        ""
                    };
                    write!(
                        page,
                        "<td>{:+.2}</td><td{class}>{:.3}</td>",
                        100.0 * t.delta,
                        t.p_value
                    )?
                }
                _ => write!(page, "<td>-</td><td>-</td>")?,
            }
        }
        writeln!(page, "</tr>")?;
    }
    writeln!(page, "</tbody>\n</table></div>\n</section>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{evaluate, Dataset, EvalOptions};
    use crate::summarizer::rankers;

    /// A folder name that is markup, with both quotes and an ampersand.
    const HOSTILE: &str = "<i>mine & \"yours\" 'x'";

    /// Two clusters scored for the built-in lead and two folder systems,
    /// one with a hostile name.
    fn report() -> EvalReport {
        let tmp = tempfile::tempdir().unwrap();
        let write = |path: std::path::PathBuf, text: &str| {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        let root = tmp.path().join("ds");
        for (c, extra) in [("c1", "Markets were calm."), ("c2", "Talks ran late.")] {
            write(
                root.join(c).join("docs/a.txt"),
                &format!("Leaders of the G20 met in Antalya on Sunday.\nThe talks focused on Syria and refugees. {extra}\n"),
            );
            write(
                root.join(c).join("refs/A.txt"),
                "G20 leaders met in Antalya and discussed Syria and refugees.\n",
            );
            write(
                tmp.path()
                    .join("sys")
                    .join(HOSTILE)
                    .join(format!("{c}.txt")),
                "Leaders met in Antalya.\n",
            );
            write(
                tmp.path().join("sys/other").join(format!("{c}.txt")),
                "The talks focused on Syria.\n",
            );
        }
        let dataset = Dataset::open(&root).unwrap();
        let mut options = EvalOptions {
            builtin: vec![std::sync::Arc::new(rankers::Lead)],
            systems_dirs: vec![tmp.path().join("sys")],
            ..Default::default()
        };
        options.aggregate.bootstrap.resamples = 50;
        evaluate(&dataset, &options, &|| {}).unwrap()
    }

    fn page(report: &EvalReport, view: &ReportView) -> String {
        let mut out = Vec::new();
        write(report, view, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The values of every `name="..."` attribute, as written (escaped).
    fn attributes<'p>(page: &'p str, name: &str) -> Vec<&'p str> {
        let key = format!(" {name}=\"");
        page.match_indices(&key)
            .map(|(at, _)| {
                let value = &page[at + key.len()..];
                &value[..value.find('"').unwrap()]
            })
            .collect()
    }

    #[test]
    fn a_chart_per_metric_with_every_system_and_every_name_escaped() {
        let report = report();
        let names: Vec<&str> = report.systems.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["lead", HOSTILE, "other"]);
        let view = ReportView {
            compare: Some("lead".into()),
            ..ReportView::default()
        };
        let page = page(&report, &view);
        assert!(page.starts_with("<!DOCTYPE html>\n") && page.ends_with("</html>\n"));

        // The hostile name is text everywhere: in the tables, the charts'
        // labels and tooltips, and the attributes.
        let escaped = "&lt;i&gt;mine &amp; &quot;yours&quot; &#39;x&#39;";
        assert!(!page.contains("<i>"), "markup from a folder name");
        assert!(!page.contains(HOSTILE));
        assert!(page.contains(&format!("<td>{escaped}</td>")), "table row");
        assert!(page.contains(&format!("data-system=\"{escaped}\"")));
        assert!(page.contains(&format!("<title>{escaped} (")), "tooltip");

        // One chart per metric; in each, one group per system, in order,
        // the reference highlighted and folders told from built-ins.
        let metrics = report.metrics();
        let charts: Vec<&str> = page.split("<svg class=\"chart\"").skip(1).collect();
        assert_eq!(charts.len(), metrics.len());
        for (chart, metric) in charts.iter().zip(&metrics) {
            let chart = &chart[..chart.find("</svg>").unwrap()];
            let label = short_label(*metric);
            assert!(
                chart.starts_with(&format!(" data-metric=\"{label}\"")),
                "{chart:.80}"
            );
            assert_eq!(
                attributes(chart, "data-system"),
                ["lead", escaped, "other"],
                "{label}"
            );
            assert_eq!(
                chart.matches("<g class=\"system builtin focus\"").count(),
                1
            );
            assert_eq!(chart.matches("<g class=\"system folder\"").count(), 2);
            assert_eq!(chart.matches("class=\"dot\"").count(), 3);
            assert_eq!(chart.matches("class=\"band\"").count(), 1);
        }

        // The tables: the measure's, then the two others; the tests of lead
        // against the two others on R-1 and R-2.
        let tables: Vec<&str> = attributes(&page, "data-measure");
        assert_eq!(tables, ["recall", "precision", "F1"]);
        assert!(page.contains("<h2>Is lead better?</h2>"));
        let tests = &page[page.find("<table class=\"tests\">").unwrap()..];
        let tests = &tests[..tests.find("</table>").unwrap()];
        assert!(tests.contains("<th>\u{394}R-1</th><th>p</th><th>\u{394}R-2</th><th>p</th>"));
        assert_eq!(attributes(tests, "data-system"), [escaped, "other"]);

        // Nothing outside the page.
        let lower = page.to_ascii_lowercase();
        for outside in [
            "http:", "https:", "file:", "src=", "href=", "url(", "@import", "<script", "<link",
            "<img", "<iframe", "<object", "<embed", "xmlns",
        ] {
            assert!(!lower.contains(outside), "{outside}");
        }
    }

    #[test]
    fn the_same_report_gives_the_same_bytes_and_the_view_is_followed() {
        let report = report();
        let view = ReportView::default();
        assert_eq!(page(&report, &view), page(&report, &view));
        // No precis here: no system highlighted, no tests, unless asked.
        let page_default = page(&report, &view);
        assert!(!page_default.contains(" focus\"") && !page_default.contains("id=\"tests\""));
        let f1 = ReportView {
            measure: Measure::F,
            average: Average::Plain,
            compare: Some("nobody".into()),
        };
        let page_f1 = page(&report, &f1);
        assert!(page_f1.contains("<h2>Scores: F1</h2>"));
        assert!(page_f1.contains("Plain mean over clusters"));
        assert!(page_f1.contains("No system called nobody to compare."));
        assert_eq!(
            attributes(&page_f1, "data-measure"),
            ["F1", "recall", "precision"]
        );
        // Plain means differ from bootstrap means: the cells follow the view.
        let lead = &report.systems[0];
        let e = estimate(lead, Metric::N(1), Measure::F).unwrap();
        assert!(page_f1.contains(&format!(
            "<span class=\"mean\">{:.2}</span>",
            100.0 * e.mean
        )));
    }

    #[test]
    fn axes_are_round_and_hold_every_interval() {
        let (from, to, step) = axis(31.2, 39.9);
        assert_eq!((from, to, step), (30.0, 40.0, 2.0));
        let (from, to, step) = axis(0.4, 1.9);
        assert!(
            from == 0.4_f64.floor() && to >= 1.9 && step <= 0.5,
            "{from} {to} {step}"
        );
        // One value: a unit around it; never below zero.
        let (from, to, _) = axis(0.0, 0.0);
        assert!(from == 0.0 && to > 0.0);
        assert_eq!(step_for(f64::NAN), 1.0);
    }

    #[test]
    fn capitalizes() {
        assert_eq!(capitalized("bootstrap mean"), "Bootstrap mean");
        assert_eq!(capitalized(""), "");
    }
}
