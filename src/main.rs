//! The `groundtrack` command: parses arguments, calls the library, prints results, and prints any error in one
//! place. Exit codes: 0 success (for `check`: every figure consistent), 1 some figure inconsistent or some batch
//! line failed, 2 bad input or usage.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
