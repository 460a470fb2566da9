//! The output flags shared by `closest`, `intersect` and `fly`: the unit of the readable output, JSON instead
//! of text, and a GeoJSON file.

use std::path::PathBuf;

use clap::{Arg, Args};

use super::fly::UnitsArg;

/// `--units`, `--json` and `--geojson PATH`. A command whose output needs its own words in their help gives
/// them with `#[command(mut_args(OutputArgs::help(&[("json", "..."), ...])))]` on its arguments.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Distance unit of the readable output (JSON fields stay in metres, named *_m).
    #[arg(long, value_enum, default_value_t = UnitsArg::Km)]
    pub units: UnitsArg,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
    /// Also write GeoJSON to this file.
    #[arg(long, value_name = "PATH")]
    pub geojson: Option<PathBuf>,
}

impl OutputArgs {
    /// A `Command::mut_args` closure that gives the arguments named in `helps` (id, help text) that help. It
    /// changes them in place: `Command::mut_arg` would move each to the end of the list that the shell
    /// completions follow.
    pub fn help(helps: &'static [(&'static str, &'static str)]) -> impl FnMut(Arg) -> Arg {
        move |arg| match helps.iter().find(|(id, _)| arg.get_id() == *id) {
            Some((_, text)) => arg.help(*text),
            None => arg,
        }
    }
}
