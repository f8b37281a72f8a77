//! Progress on long work: drawn on stderr only when stderr is a terminal and
//! `--quiet` is off, never into a pipe or a file, never on stdout.
//!
//! One indicator is shown at a time. While it is, the messages of
//! [`messages`](crate::messages) are printed through [`suspend`], which
//! takes it off the screen for the message and draws it again below, so a
//! warning never shares a line with it. Dropping an indicator clears it, so
//! output that follows on the same terminal starts on a clean line.

use std::io::IsTerminal;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::Mutex;
use std::thread::JoinHandle;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::messages;

/// How long work runs before a [`Progress::spinner_after_delay`] shows: a
/// quick run never flickers.
pub const DELAY: Duration = Duration::from_secs(1);

/// How often a spinner turns.
const TICK: Duration = Duration::from_millis(120);

/// The indicator on screen now, for [`suspend`].
static ACTIVE: Mutex<Option<ProgressBar>> = Mutex::new(None);

/// Whether progress may be drawn: stderr is a terminal and `--quiet` is off.
pub fn wanted() -> bool {
    !messages::is_quiet() && std::io::stderr().is_terminal()
}

/// Runs `print` (which writes a message to stderr) with the indicator on
/// screen, if any, taken off the screen meanwhile.
pub fn suspend<R>(print: impl FnOnce() -> R) -> R {
    let active = ACTIVE.lock().ok().and_then(|a| a.clone());
    match active {
        Some(bar) => bar.suspend(print),
        None => print(),
    }
}

/// A progress indicator on stderr; hidden (every call does nothing) when
/// progress is not [`wanted`]. Cleared when dropped.
pub struct Progress {
    bar: ProgressBar,
    /// Whether it may draw (progress is [`wanted`]); else every call does nothing.
    live: bool,
    /// Closes the delay timer's channel: the timer thread stops waiting.
    stop: Option<mpsc::Sender<()>>,
    timer: Option<JoinHandle<()>>,
}

impl Progress {
    /// Never drawn.
    pub fn hidden() -> Self {
        Progress {
            bar: ProgressBar::hidden(),
            live: false,
            stop: None,
            timer: None,
        }
    }

    /// A bar of `len` steps, shown at once, in `template` (indicatif's
    /// template syntax).
    pub fn bar(len: u64, template: &str) -> Self {
        if !wanted() {
            return Progress::hidden();
        }
        let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        Progress::shown(bar)
    }

    /// A count of things done, shown at once, in `template`; it turns even
    /// while the count waits.
    pub fn counter(template: &str) -> Self {
        if !wanted() {
            return Progress::hidden();
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(spinner_style(template));
        bar.enable_steady_tick(TICK);
        Progress::shown(bar)
    }

    /// A spinner with `message`, shown only once the work has taken
    /// [`DELAY`]: a quick run shows nothing.
    pub fn spinner_after_delay(message: impl Into<String>) -> Self {
        if !wanted() {
            return Progress::hidden();
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(spinner_style("{spinner} {msg} ({elapsed})"));
        bar.set_message(message.into());
        let (stop, stopped) = mpsc::channel::<()>();
        let shown = bar.clone();
        let timer = std::thread::spawn(move || {
            // A message on the channel or its closing: the work is done.
            if let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(DELAY) {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.enable_steady_tick(TICK);
            }
        });
        set_active(Some(bar.clone()));
        Progress {
            bar,
            live: true,
            stop: Some(stop),
            timer: Some(timer),
        }
    }

    fn shown(bar: ProgressBar) -> Self {
        set_active(Some(bar.clone()));
        Progress {
            bar,
            live: true,
            stop: None,
            timer: None,
        }
    }

    /// Counts `n` more steps done.
    pub fn inc(&self, n: u64) {
        self.bar.inc(n);
    }

    /// Replaces the message (`{msg}` in the template).
    pub fn set_message(&self, message: impl Into<String>) {
        self.bar.set_message(message.into());
    }

    /// Turns a bar whose steps are all done into a spinner with `message`,
    /// for the work that follows them.
    pub fn then_spin(&self, message: impl Into<String>) {
        if !self.live {
            return;
        }
        self.bar
            .set_style(spinner_style("{spinner} {msg} ({elapsed})"));
        self.bar.set_message(message.into());
        self.bar.enable_steady_tick(TICK);
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(timer) = self.timer.take() {
            let _ = timer.join();
        }
        if self.live {
            set_active(None);
        }
        self.bar.finish_and_clear();
    }
}

fn set_active(bar: Option<ProgressBar>) {
    if let Ok(mut active) = ACTIVE.lock() {
        *active = bar;
    }
}

fn spinner_style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_spinner())
        .tick_chars("|/-\\ ")
}
