//! The `precis` command: a thin layer over the library.

mod args;
mod batch;
mod brief;
mod cli;
mod eval;
mod messages;
mod read;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc rather than the system allocator: summarizing allocates many
/// small, short-lived strings and maps on every thread (glibc's malloc and
/// free were a fifth of `precis batch`'s time); see the README, Scaling.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Everything went well.
pub const EXIT_OK: u8 = 0;
/// The work was done but some inputs failed.
pub const EXIT_PARTIAL: u8 = 1;
/// Usage error, or nothing readable.
pub const EXIT_FATAL: u8 = 2;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
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
    messages::set_quiet(cli.quiet);
    if let Some(jobs) = cli.jobs {
        let threads = jobs.max(1);
        if let Err(err) = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global()
        {
            messages::error(&format!("cannot start {threads} worker threads: {err}"));
            return ExitCode::from(EXIT_FATAL);
        }
    }
    let result = match &cli.command {
        cli::Command::Brief(args) => brief::run(args),
        cli::Command::Batch(args) => batch::run(args),
        cli::Command::Eval(args) => eval::run(args),
        cli::Command::Read(args) => read::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) if messages::is_broken_pipe(&err) => ExitCode::from(EXIT_OK),
        Err(err) => {
            messages::error_chain(&err);
            ExitCode::from(EXIT_FATAL)
        }
    }
}
