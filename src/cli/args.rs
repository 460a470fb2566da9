//! The top-level argument definitions (clap derive). Each subcommand's own arguments live in its module;
//! the help texts are also the man page and the shell completions.

use clap::{Parser, Subcommand};

use super::batch::BatchArgs;
use super::check::CheckArgs;
use super::completions::CompletionsArgs;
use super::direct::DirectArgs;
use super::inverse::InverseArgs;
use super::places::PlacesArgs;
use super::track::TrackArgs;

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
    /// Distance and azimuths between two points (geodesic; also the rhumb line with --rhumb).
    Inverse(InverseArgs),
    /// Where a line from a point at an azimuth ends after a distance.
    Direct(DirectArgs),
    /// The points along the line from A to B (through --via waypoints), with distance and azimuth.
    Track(TrackArgs),
    /// One inverse or direct problem per input line, streamed and in parallel (GeodSolve/RhumbSolve columns).
    Batch(BatchArgs),
    /// Print shell completions or the man page.
    Completions(CompletionsArgs),
}
