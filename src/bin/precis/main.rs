//! The `precis` command: a thin layer over the library.

mod args;
mod batch;
mod brief;
mod cli;
mod eval;
mod messages;
mod read;

use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

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
    }
}
