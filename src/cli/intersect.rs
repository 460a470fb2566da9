//! `groundtrack intersect A1 A2 B1 B2 [--json]`: the intersection of two geodesics.

use clap::Args;
use groundtrack::Result;
use groundtrack::output::{
    feature_collection, geometry_geojson, geometry_json, geometry_report, geometry_text,
};

use super::closest::{print_json, site};
use super::output_args::OutputArgs;
use super::{Outcome, print};

/// Arguments of `groundtrack intersect`.
#[derive(Debug, Args)]
#[command(after_help = "Both lines are geodesics on the WGS84 ellipsoid (Karney 2013, 2024); there is no \
    --sphere here. Each line is the shortest geodesic between its two points, extended both ways; the \
    answer is the closest intersection (least |along A| + |along B|), and within_a / within_b say whether \
    it lies on the segments. Distances along a line are signed: negative behind its first point. Exit 2 when \
    the lines coincide or a line's two points are the same.")]
#[command(mut_args(OutputArgs::help(&[
    ("json", "Print one JSON object instead of text (lat, lon, along_a_m, along_b_m, within_a, within_b, \
        ...)"),
    ("geojson", "Also write GeoJSON: the four points, both lines (extended to the intersection) and the \
        intersection"),
])))]
pub struct IntersectArgs {
    /// First point of line A: coordinates, a place name or a position phrase.
    #[arg(allow_hyphen_values = true)]
    pub a1: String,
    /// Second point of line A.
    #[arg(allow_hyphen_values = true)]
    pub a2: String,
    /// First point of line B.
    #[arg(allow_hyphen_values = true)]
    pub b1: String,
    /// Second point of line B.
    #[arg(allow_hyphen_values = true)]
    pub b2: String,
    /// --units, --json and --geojson.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Computes and prints the intersection.
pub fn run(args: &IntersectArgs) -> Result<Outcome> {
    let points = [site("A1", &args.a1)?, site("A2", &args.a2)?, site("B1", &args.b1)?, site("B2", &args.b2)?];
    let r = geometry_report::intersection(points)?;
    if let Some(path) = &args.output.geojson {
        let [a1, a2, b1, b2] = &r.points;
        let fs = geometry_geojson::intersect_features([a1, a2, b1, b2], &r.intersection)?;
        groundtrack::output::write_geojson(path, &feature_collection(fs))?;
    }
    if args.output.json {
        print_json(&geometry_json::intersect_json(&r))?;
    } else {
        print::out(&geometry_text::render_intersect(&r, args.output.units.unit()))?;
    }
    Ok(Outcome::Success)
}
