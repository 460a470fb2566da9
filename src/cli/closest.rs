//! `groundtrack closest POINT A B [--segment] [--json]`: closest approach of a point to a geodesic.

use clap::Args;
use groundtrack::Result;
use groundtrack::output::trajectory_report::Site;
use groundtrack::output::{
    feature_collection, geometry_geojson, geometry_json, geometry_report, geometry_text,
};
use groundtrack::places::Gazetteer;
use groundtrack::report::resolve_location;

use super::fly::invalid;
use super::output_args::OutputArgs;
use super::{Outcome, print};

/// Arguments of `groundtrack closest`.
#[derive(Debug, Args)]
#[command(after_help = "The line is a geodesic on the WGS84 ellipsoid (Karney 2013); there is no --sphere \
    here. The cross-track distance is SIGNED: positive when POINT is to the LEFT of the direction of travel \
    from A to B, negative to the right. The along-track distance is measured from A towards B (negative \
    behind A). Coordinates: \"45 N, 10 W\", \"45, -10\" (latitude first), place names or position phrases; \
    quote values with spaces or a leading minus sign (\"-33.87, 151.21\").")]
#[command(mut_args(OutputArgs::help(&[
    ("json", "Print one JSON object instead of text (cross_track_m, along_track_m, lat, lon, distance_m, \
        ...)"),
    ("geojson", "Also write GeoJSON: the point, the line (extended to the nearest point), the nearest point \
        and the cross-track geodesic"),
])))]
pub struct ClosestArgs {
    /// The point: coordinates ("45 N, 10 W"), a place name ("Cape Erimo") or a position phrase.
    #[arg(allow_hyphen_values = true)]
    pub point: String,
    /// The line's first point A (the direction of travel is from A to B).
    #[arg(allow_hyphen_values = true)]
    pub a: String,
    /// The line's second point B.
    #[arg(allow_hyphen_values = true)]
    pub b: String,
    /// Only the segment from A to B: when the foot of the perpendicular lies beyond an end, that end is the
    /// nearest point. Without it, the full geodesic through A and B.
    #[arg(long)]
    pub segment: bool,
    /// --units, --json and --geojson.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Resolves a location argument (coordinates, place name or phrase) to a named point.
///
/// # Errors
/// [`groundtrack::Error::Invalid`] naming the argument, with the parser's or gazetteer's message.
pub fn site(what: &str, text: &str) -> Result<Site> {
    let r = resolve_location(text, Gazetteer::embedded(), 1.0).map_err(|e| invalid(what, e))?;
    Ok(Site { name: r.name, point: r.point })
}

/// Writes a JSON value, pretty-printed, with a trailing newline.
///
/// # Errors
/// As [`print::out`]; [`groundtrack::Error::Invalid`] if the value cannot be serialised.
pub fn print_json(v: &serde_json::Value) -> Result<()> {
    let s = serde_json::to_string_pretty(v).map_err(|e| invalid("JSON output", e))?;
    print::out(&format!("{s}\n"))
}

/// Computes and prints the closest approach.
pub fn run(args: &ClosestArgs) -> Result<Outcome> {
    let p = site("POINT", &args.point)?;
    let a = site("A", &args.a)?;
    let b = site("B", &args.b)?;
    let r = geometry_report::closest(p, a, b, args.segment)?;
    if let Some(path) = &args.output.geojson {
        let fs = geometry_geojson::closest_features(&r.point, &r.a, &r.b, &r.approach)?;
        groundtrack::output::write_geojson(path, &feature_collection(fs))?;
    }
    if args.output.json {
        print_json(&geometry_json::closest_json(&r))?;
    } else {
        print::out(&geometry_text::render_closest(&r, args.output.units.unit()))?;
    }
    Ok(Outcome::Success)
}
