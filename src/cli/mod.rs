//! The command line: argument definitions (`args`), one module per subcommand, and the single place where
//! errors are printed and turned into exit codes.

mod args;
mod batch;
mod check;
mod closest;
mod completions;
mod convert;
mod direct;
mod equivalent_range;
mod fly;
mod intersect;
mod inverse;
mod map;
mod output_args;
mod places;
mod preflight;
mod print;
mod reach;
mod ring;
mod solve_args;
mod stated;
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
    /// Some input was bad but the others were processed and reported (check --summary): exit 2.
    BadInput,
}

/// Parses the command line, runs the subcommand and maps the result to an exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Check(a) => check::run(a),
        Command::Places(a) => places::run(a),
        Command::Fly(a) => fly::run(a),
        Command::EquivalentRange(a) => equivalent_range::run(a),
        Command::Closest(a) => closest::run(a),
        Command::Intersect(a) => intersect::run(a),
        Command::Ring(a) => ring::run(a),
        Command::Reach(a) => reach::run(a),
        Command::Map(a) => map::run(a),
        Command::Convert(a) => convert::run(a),
        Command::Inverse(a) => inverse::run(a),
        Command::Direct(a) => direct::run(a),
        Command::Track(a) => track::run(a),
        Command::Batch(a) => batch::run(a),
        Command::Completions(a) => completions::run(a),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Failure) => ExitCode::from(1),
        Ok(Outcome::BadInput) => ExitCode::from(2),
        Err(e) if print::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("groundtrack: error: {e}");
            ExitCode::from(2)
        }
    }
}
