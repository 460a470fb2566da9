//! The command line: argument definitions (`args`), one module per subcommand, and the single place where
//! errors are printed and turned into exit codes.

mod args;
mod check;
mod convert;
mod map;
mod places;
mod print;

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
        Command::Map(a) => map::run(a),
        Command::Convert(a) => convert::run(a),
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
