//! `groundtrack ring CENTER RADIUS [RADIUS...]`: range rings (geodesic circles) as GeoJSON polygons.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use groundtrack::Result;
use groundtrack::geodesy::{EarthModel, Ellipsoid, RingShape, Sphere};
use groundtrack::output::geometry_geojson::ring_feature;
use groundtrack::output::geometry_report::{RingReport, rings};
use groundtrack::output::{
    Properties, feature_collection, geometry_json, geometry_text, point_feature, to_geojson_string,
    write_geojson,
};
use groundtrack::parse::parse_distance_m;

use super::closest::{print_json, site};
use super::fly::{UnitsArg, invalid};
use super::{Outcome, print};

/// What `groundtrack ring` prints on standard output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RingFormat {
    /// The GeoJSON FeatureCollection (the default without --geojson).
    Geojson,
    /// A table of radii, areas and poles inside (the default with --geojson).
    Table,
    /// The same summary as one JSON object.
    Json,
}

/// Arguments of `groundtrack ring`.
#[derive(Debug, Args)]
#[command(after_help = "Each ring is the geodesic circle of the radius around CENTER (WGS84 ellipsoid; \
    --sphere for great circles on the mean-earth sphere), as a GeoJSON Polygon: vertices from the direct \
    problem, dense enough that no straight lon/lat segment strays more than --max-deviation from the true \
    circle; counter-clockwise (RFC 7946); a ring across the antimeridian is a MultiPolygon cut where the \
    circle itself crosses ±180; a ring that contains a pole is closed along the pole. A radius at or beyond \
    the distance to CENTER's antipode (20,003.9 km on WGS84, about half the earth's circumference) is not an \
    error: the \"ring\" is then the whole earth (the whole map, whole_earth = true, a note on stderr). A \
    radius of zero or less is an error (exit 2). Properties: center, center_lat, center_lon, radius_m, \
    area_m2 (geodesic polygon area of the vertices, geographiclib PolygonArea), model, max_deviation_m, \
    whole_earth, contains_north_pole, contains_south_pole.")]
pub struct RingArgs {
    /// The centre: coordinates ("39.2241 N, 125.67 E"), a place name ("Sunan") or a position phrase.
    #[arg(allow_hyphen_values = true)]
    pub center: String,
    /// Radii with units, e.g. "1000 km" "6,000 km" "3000 nmi".
    #[arg(required = true, num_args = 1..)]
    pub radius: Vec<String>,
    /// Great circles on the mean-earth sphere (radius 6,371,008.8 m) instead of WGS84 geodesics.
    #[arg(long)]
    pub sphere: bool,
    /// Largest distance of a drawn straight lon/lat segment from the true circle.
    #[arg(long, value_name = "DIST", default_value = "1 km", allow_hyphen_values = true)]
    pub max_deviation: String,
    /// What to print: GeoJSON, or a summary table or JSON [default: geojson, or table with --geojson].
    #[arg(long, value_enum)]
    pub format: Option<RingFormat>,
    /// Distance unit of the table (GeoJSON and JSON stay in metres).
    #[arg(long, value_enum, default_value_t = UnitsArg::Km)]
    pub units: UnitsArg,
    /// Write the GeoJSON to this file (atomically) instead of standard output.
    #[arg(long, value_name = "PATH")]
    pub geojson: Option<PathBuf>,
    /// Also draw the rings on a map (SVG or PNG by the file's extension).
    #[arg(long, value_name = "PATH")]
    pub map: Option<PathBuf>,
}

/// Builds the rings and prints or writes them.
pub fn run(args: &RingArgs) -> Result<Outcome> {
    if args.sphere { run_with(args, &Sphere::mean_earth()) } else { run_with(args, &Ellipsoid::wgs84()) }
}

fn run_with<M: EarthModel>(args: &RingArgs, model: &M) -> Result<Outcome> {
    super::preflight::preflight(&[&args.geojson], &[&args.map], &[])?;
    let center = site("CENTER", &args.center)?;
    let max_deviation_m = parse_distance_m(&args.max_deviation).map_err(|e| invalid("--max-deviation", e))?;
    let mut radii = Vec::with_capacity(args.radius.len());
    for text in &args.radius {
        let r = parse_distance_m(text).map_err(|e| invalid("RADIUS", e))?;
        if !(r.is_finite() && r > 0.0) {
            return Err(invalid(
                "RADIUS",
                format!("\"{text}\" must be a positive distance such as \"1000 km\""),
            ));
        }
        radii.push(r);
    }
    let report = rings(model, center, &radii, max_deviation_m)?;
    for ring in &report.rings {
        if ring.shape == RingShape::WholeEarth {
            eprintln!(
                "groundtrack: note: a radius of {} m reaches the antipode of {}: the ring is the whole earth",
                ring.radius_m, report.center.name
            );
        }
    }
    let text = geojson_text(model, &report)?;
    if let Some(path) = &args.geojson {
        write_geojson(path, &text.1)?;
    }
    if let Some(path) = &args.map {
        let title = format!("Range rings around {}: {}", report.center.name, args.radius.join(", "));
        groundtrack::map::write_map(path, &text.1, &title)?;
    }
    let format =
        args.format.unwrap_or(if args.geojson.is_some() { RingFormat::Table } else { RingFormat::Geojson });
    match format {
        RingFormat::Geojson => print::out(&text.0)?,
        RingFormat::Table => print::out(&geometry_text::render_rings(&report, args.units.unit()))?,
        RingFormat::Json => print_json(&geometry_json::ring_json(&report))?,
    }
    Ok(Outcome::Success)
}

/// The feature collection (the centre, then one polygon per radius) and its text.
fn geojson_text<M: EarthModel>(model: &M, r: &RingReport) -> Result<(String, geojson::FeatureCollection)> {
    let mut props = Properties::new();
    props.insert("role".into(), "center".into());
    props.insert("name".into(), r.center.name.clone().into());
    let mut features = vec![point_feature(r.center.point, props)];
    for ring in &r.rings {
        features.push(ring_feature(model, &r.center, ring, r.max_deviation_m)?);
    }
    let fc = feature_collection(features);
    Ok((to_geojson_string(&fc)?, fc))
}
