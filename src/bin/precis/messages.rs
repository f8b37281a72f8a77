//! Messages on stderr: warnings per input, fatal errors once. Each is
//! printed with the progress indicator, if one is on screen, taken off it
//! meanwhile ([`progress::suspend`]).

use std::sync::atomic::{AtomicBool, Ordering};

use crate::progress;

static QUIET: AtomicBool = AtomicBool::new(false);

/// Silences warnings (not errors).
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// Whether warnings (and progress) are silenced.
pub fn is_quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// One line on stderr, below the progress indicator if one is shown.
fn print(line: &str) {
    progress::suspend(|| eprintln!("{line}"));
}

/// A problem with one input; the work goes on.
pub fn warning(message: &str) {
    if !is_quiet() {
        print(&format!("precis: warning: {message}"));
    }
}

/// A problem with one input, labelled by how serious it is: `warning` when
/// the input was left out or repaired, `note` when nothing was lost.
pub fn report(warning: &precis::Warning) {
    if is_quiet() {
        return;
    }
    let label = match warning.severity {
        precis::Severity::Note => "note",
        precis::Severity::Skipped | precis::Severity::Recovered => "warning",
    };
    print(&format!("precis: {label}: {warning}"));
}

/// Stage times, one line on stderr: `precis: timings: read 0.012s, segment ...`.
pub fn timings(read: std::time::Duration, timings: &precis::Timings) {
    let mut line = format!("precis: timings: read {:.4}s", read.as_secs_f64());
    for (name, time) in timings.stages() {
        line.push_str(&format!(", {name} {:.4}s", time.as_secs_f64()));
    }
    line.push_str(&format!(
        ", total {:.4}s",
        (read + timings.total()).as_secs_f64()
    ));
    print(&line);
}

/// A fatal error with its causes, on one line. The library's errors already
/// say why (an I/O error's reason included), so the chain stops at one.
pub fn error_chain(err: &anyhow::Error) {
    let mut message = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if !message.contains(&text) {
            if !message.is_empty() {
                message.push_str(": ");
            }
            message.push_str(&text);
        }
        if cause.is::<precis::Error>()
            || cause.is::<precis::eval::EvalError>()
            || cause.is::<precis::eval::RougeError>()
        {
            break;
        }
    }
    print(&format!("precis: error: {message}"));
}

/// Whether the error is a closed stdout (as in `precis brief ... | head`),
/// which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
