//! The top-level argument definitions (clap derive). Each subcommand's own arguments live in its module;
//! the help texts are also the man page and the shell completions.

use clap::{Parser, Subcommand};

use super::check::CheckArgs;
use super::convert::ConvertArgs;
use super::map::MapArgs;
use super::places::PlacesArgs;

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
    /// Draw a map (SVG or PNG) of a report or of a GeoJSON file groundtrack wrote: land, graticule, tracks,
    /// regions, labelled points, scale bar and legend.
    Map(MapArgs),
    /// Convert between the formats groundtrack writes: GeoJSON, KML, GPX, CSV (with WKT), and SVG/PNG maps;
    /// a report file (TOML) is checked and converted.
    Convert(ConvertArgs),
}
