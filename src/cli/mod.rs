//! The command line: argument definitions (`args`), one module per subcommand, and the single place where
//! errors are printed and turned into exit codes.

mod args;
mod batch;
mod check;
mod completions;
mod direct;
mod inverse;
mod places;
mod print;
mod solve_args;
mod track;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

/// What a subcommand reports back to `main`.
pub enum Outcome {
    /// Success: exit 0.
    Success,
    /// A check found an inconsistent figure, or a batch had bad lines: exit 1.
    Failure,
}

/// Parses the command line, runs the subcommand and maps the result to an exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Check(a) => check::run(a),
        Command::Places(a) => places::run(a),
        Command::Inverse(a) => inverse::run(a),
        Command::Direct(a) => direct::run(a),
        Command::Track(a) => track::run(a),
        Command::Batch(a) => batch::run(a),
        Command::Completions(a) => completions::run(a),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Failure) => ExitCode::from(1),
        Err(e) if print::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("groundtrack: error: {e}");
            ExitCode::from(2)
        }
    }
}
