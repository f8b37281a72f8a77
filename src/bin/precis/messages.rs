//! Messages on stderr: warnings per input, fatal errors once.

use std::sync::atomic::{AtomicBool, Ordering};

static QUIET: AtomicBool = AtomicBool::new(false);

/// Silences warnings (not errors).
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// A problem with one input; the work goes on.
pub fn warning(message: &str) {
    if !QUIET.load(Ordering::Relaxed) {
        eprintln!("precis: warning: {message}");
    }
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
    eprintln!("{line}");
}

/// A fatal error.
pub fn error(message: &str) {
    eprintln!("precis: error: {message}");
}

/// A fatal error with its causes.
pub fn error_chain(err: &anyhow::Error) {
    let mut message = err.to_string();
    for cause in err.chain().skip(1) {
        let cause = cause.to_string();
        if !message.contains(&cause) {
            message.push_str(": ");
            message.push_str(&cause);
        }
    }
    error(&message);
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
