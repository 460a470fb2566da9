//! Argument definitions (clap derive). Help texts here are also the man page and the shell completions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Missile-trajectory geodesy on the WGS84 ellipsoid: check launch reports, run what-if calculations, export
/// GeoJSON.
#[derive(Debug, Parser)]
#[command(name = "groundtrack", version, about, long_about = None, arg_required_else_help = true)]
pub struct Cli {
    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a launch report (TOML) figure by figure. Exit 0 when every checked figure is consistent, 1 when one
    /// is not, 2 on bad input.
    Check(CheckArgs),
    /// List or search the gazetteer of launch sites, landmarks and targets.
    Places(PlacesArgs),
}

/// Arguments of `groundtrack check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The report file (TOML); see data/scenarios/ for examples.
    pub file: PathBuf,
    /// Print one JSON object instead of the readable report.
    #[arg(long)]
    pub json: bool,
    /// Also write the geometry (launch, readings, estimate, overflight places, track, feasible region) as a
    /// GeoJSON FeatureCollection to this file.
    #[arg(long, value_name = "PATH")]
    pub geojson: Option<PathBuf>,
    /// Widen every default (rounding) tolerance band by this factor; explicit bands are kept.
    #[arg(long, value_name = "K", default_value_t = 1.0)]
    pub tolerance_scale: f64,
}

/// Arguments of `groundtrack places`.
#[derive(Debug, Args)]
pub struct PlacesArgs {
    /// Text to search for in names and aliases; lists every place when absent.
    pub query: Option<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}
