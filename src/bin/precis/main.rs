//! The `precis` command: a thin layer over the library.

mod args;
mod batch;
mod brief;
mod cli;
mod eval;
mod generate;
mod messages;
mod output;
mod progress;
mod read;

use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

/// mimalloc rather than the system allocator: summarizing allocates many
/// small, short-lived strings and maps on every thread (glibc's malloc and
/// free were a fifth of `precis batch`'s time); see `docs/benchmarks.md`, Scaling with threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_t`, the same
/// in mimalloc 2 and 3).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Freed memory is kept for reuse rather than handed back to the system
/// after 10 ms: a large cluster frees and allocates again stage after stage,
/// and each page handed back is a page fault and a zeroed page when taken
/// again (on the 1M-sentence cluster, 74,565 page faults instead of 1,483).
/// A run is short; its peak memory is unchanged. (Transparent huge pages
/// are off too, by the `no_thp` feature of libmimalloc-sys: each huge page
/// taken is 2 MiB zeroed at once, which cost a 2,000-sentence run a third
/// of its time.)
fn keep_freed_memory() {
    // SAFETY: sets a plain integer option; mimalloc reads it when it purges.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}

/// Everything went well.
pub const EXIT_OK: u8 = 0;
/// The work was done but some inputs failed.
pub const EXIT_PARTIAL: u8 = 1;
/// Usage error, or nothing readable: every fatal error, printed once by `main`.
pub const EXIT_FATAL: u8 = 2;

/// `EXIT_PARTIAL` when some inputs failed, else `EXIT_OK`.
pub fn exit_code(some_failed: bool) -> ExitCode {
    ExitCode::from(if some_failed { EXIT_PARTIAL } else { EXIT_OK })
}

fn main() -> ExitCode {
    keep_freed_memory();
    let parsed = match cli::Cli::try_parse() {
        Ok(parsed) => parsed,
        Err(err) => {
            // --help and --version are not errors.
            let code = if err.use_stderr() {
                EXIT_FATAL
            } else {
                EXIT_OK
            };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    match run(&parsed) {
        Ok(code) => code,
        Err(err) if messages::is_broken_pipe(&err) => ExitCode::from(EXIT_OK),
        Err(err) => {
            messages::error_chain(&err);
            ExitCode::from(EXIT_FATAL)
        }
    }
}

/// Runs the command; every fatal error comes back here to be printed once.
fn run(cli: &cli::Cli) -> anyhow::Result<ExitCode> {
    messages::set_quiet(cli.quiet);
    if let Some(jobs) = cli.jobs {
        let threads = jobs.max(1);
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global()
            .with_context(|| format!("cannot start {threads} worker threads"))?;
    }
    match &cli.command {
        cli::Command::Brief(args) => brief::run(args),
        cli::Command::Batch(args) => batch::run(args),
        cli::Command::Eval(args) => eval::run(args),
        cli::Command::Read(args) => read::run(args),
        cli::Command::Completions(args) => generate::completions(args),
        cli::Command::Man => generate::man(),
    }
}
