//! Running a format reader that might panic or never finish on hostile input.
//!
//! PDF and office readers parse untrusted binary structures with crates whose
//! every path we cannot vouch for. [`guarded`] runs the reader on its own
//! thread: a panic there becomes an error (its message kept off stderr), and
//! a reader that overruns its time budget is abandoned with an error while
//! the run goes on. An abandoned thread keeps running until it finishes or
//! the process ends; the budget is generous so that this stays rare.

use std::sync::mpsc;
use std::time::Duration;

/// The name of every reader thread: the panic hook recognises them by it.
const THREAD_NAME: &str = "precis-format-reader";

/// Runs `read` with a time budget, turning a panic or an overrun into an
/// error message.
pub(crate) fn guarded<T, F>(budget: Duration, read: F) -> Result<T, String>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, String> + Send + 'static,
{
    quiet_reader_panics();
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name(THREAD_NAME.into())
        .stack_size(16 << 20)
        .spawn(move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read));
            // The receiver may have given up already; nothing to do then.
            let _ = tx.send(result);
        })
        .map_err(|err| format!("cannot start a reader thread: {err}"))?;
    match rx.recv_timeout(budget) {
        Ok(Ok(result)) => {
            let _ = spawned.join();
            result
        }
        Ok(Err(_)) | Err(mpsc::RecvTimeoutError::Disconnected) => {
            let _ = spawned.join();
            Err("damaged beyond repair (the reader failed on it)".into())
        }
        Err(mpsc::RecvTimeoutError::Timeout) => Err(format!(
            "not read within the time budget of {} s (damaged or hostile?)",
            budget.as_secs_f32()
        )),
    }
}

/// Installs, once, a panic hook that stays silent for reader threads and
/// hands every other panic to the hook that was there before.
fn quiet_reader_panics() {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some(THREAD_NAME) {
                previous(info);
            }
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_panics_and_overruns() {
        let ok = guarded(Duration::from_secs(5), || Ok::<_, String>(7));
        assert_eq!(ok, Ok(7));
        let failed = guarded(Duration::from_secs(5), || Err::<u8, _>("bad".to_string()));
        assert_eq!(failed, Err("bad".to_string()));
        let panicked = guarded(Duration::from_secs(5), || -> Result<u8, String> {
            panic!("inside the reader")
        });
        assert!(panicked.unwrap_err().contains("damaged"));
        let slow = guarded(Duration::from_millis(50), || {
            std::thread::sleep(Duration::from_millis(500));
            Ok::<_, String>(1)
        });
        assert!(slow.unwrap_err().contains("time budget"));
    }
}
