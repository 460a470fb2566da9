//! The top-level argument definitions (clap derive). Each subcommand's own arguments live in its module;
//! the help texts are also the man page and the shell completions.

use clap::{Parser, Subcommand};

use super::batch::BatchArgs;
use super::check::CheckArgs;
use super::closest::ClosestArgs;
use super::completions::CompletionsArgs;
use super::convert::ConvertArgs;
use super::direct::DirectArgs;
use super::equivalent_range::EquivalentRangeArgs;
use super::fly::FlyArgs;
use super::intersect::IntersectArgs;
use super::inverse::InverseArgs;
use super::map::MapArgs;
use super::places::PlacesArgs;
use super::reach::ReachArgs;
use super::ring::RingArgs;
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
    /// Fly a ballistic trajectory from LAUNCH to IMPACT (or over --range): summary, profile, GeoJSON and KML.
    Fly(Box<FlyArgs>),
    /// Convert a lofted (or depressed) test to the range of the same burnout speed on a standard trajectory.
    EquivalentRange(EquivalentRangeArgs),
    /// Closest approach of a point to a geodesic: signed cross-track distance (positive = left of the
    /// direction of travel A to B), along-track distance from A, nearest point. WGS84 only.
    Closest(ClosestArgs),
    /// Intersection of the geodesics A1-A2 and B1-B2: the point, distances along each, within the segments.
    /// WGS84 only.
    Intersect(IntersectArgs),
    /// Range rings (geodesic circles) around a centre as GeoJSON polygons, cut at the antimeridian.
    Ring(RingArgs),
    /// Gazetteer places within a ground range of a launch point, and the range a named target needs.
    Reach(ReachArgs),
    /// Draw a map (SVG or PNG) of a report or of a GeoJSON file groundtrack wrote: land, graticule, tracks,
    /// regions, labelled points, scale bar and legend.
    Map(MapArgs),
    /// Convert between the formats groundtrack writes: GeoJSON, KML, GPX, CSV (with WKT), and SVG/PNG maps;
    /// a report file (TOML) is checked and converted.
    Convert(ConvertArgs),
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
