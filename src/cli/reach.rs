//! `groundtrack reach LAUNCH RANGE [--kind ...] [--target PLACE]...`: what a ground range reaches.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use groundtrack::Result;
use groundtrack::geodesy::{EarthModel, Ellipsoid, Sphere};
use groundtrack::output::geometry_reach::{ReachReport, entry, places_within};
use groundtrack::output::{
    feature_collection, geometry_geojson, geometry_json, geometry_text, write_geojson,
};
use groundtrack::parse::parse_distance_m;
use groundtrack::places::{Gazetteer, PlaceKind};
use groundtrack::report::resolve_location;

use super::closest::{print_json, site};
use super::fly::{UnitsArg, invalid};
use super::{Outcome, print};

/// Which gazetteer places `reach` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// Every kind.
    All,
    /// What-if targets.
    Target,
    /// Cities.
    City,
    /// Launch sites.
    LaunchSite,
    /// Landmarks.
    Landmark,
    /// Areas (peninsulas, islands, regions).
    Area,
}

impl KindArg {
    fn kind(self) -> Option<PlaceKind> {
        match self {
            KindArg::All => None,
            KindArg::Target => Some(PlaceKind::Target),
            KindArg::City => Some(PlaceKind::City),
            KindArg::LaunchSite => Some(PlaceKind::LaunchSite),
            KindArg::Landmark => Some(PlaceKind::Landmark),
            KindArg::Area => Some(PlaceKind::Area),
        }
    }
}

/// Output format of `reach`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReachFormat {
    /// Tables for people.
    Table,
    /// One JSON object (distances in metres, *_m).
    Json,
}

/// Arguments of `groundtrack reach`.
#[derive(Debug, Args)]
#[command(
    after_help = "Distances are ground ranges along the WGS84 geodesic (--sphere: great circles on the \
    mean-earth sphere), as launch reports give them: no earth rotation, no trajectory. margin = RANGE - \
    distance: positive within reach. A place at the launch point itself is not listed. Examples: \
    groundtrack reach Sunan \"4,500 km\" --kind target; groundtrack reach Sinpo --target Guam."
)]
pub struct ReachArgs {
    /// Launch point: coordinates, a place name ("Sunan") or a position phrase.
    #[arg(allow_hyphen_values = true)]
    pub launch: String,
    /// Ground range, e.g. "4,500 km"; may be left out when --target is given.
    #[arg(required_unless_present = "target", allow_hyphen_values = true)]
    pub range: Option<String>,
    /// Which places to list.
    #[arg(long, value_enum, default_value_t = KindArg::All)]
    pub kind: KindArg,
    /// A target (place name, coordinates or phrase) whose needed range is printed, in reach or not;
    /// repeatable.
    #[arg(long, value_name = "PLACE", allow_hyphen_values = true)]
    pub target: Vec<String>,
    /// Great circles on the mean-earth sphere instead of WGS84 geodesics.
    #[arg(long)]
    pub sphere: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReachFormat::Table)]
    pub format: ReachFormat,
    /// Distance unit of the table (JSON stays in metres).
    #[arg(long, value_enum, default_value_t = UnitsArg::Km)]
    pub units: UnitsArg,
    /// Also write GeoJSON: the launch point, the range ring, the places and the tracks to the targets.
    #[arg(long, value_name = "PATH")]
    pub geojson: Option<PathBuf>,
}

/// Lists the places in reach and the targets' needed ranges.
pub fn run(args: &ReachArgs) -> Result<Outcome> {
    if args.sphere { run_with(args, &Sphere::mean_earth()) } else { run_with(args, &Ellipsoid::wgs84()) }
}

fn run_with<M: EarthModel>(args: &ReachArgs, model: &M) -> Result<Outcome> {
    let launch = site("LAUNCH", &args.launch)?;
    let range_m = match &args.range {
        Some(text) => {
            let r = parse_distance_m(text).map_err(|e| invalid("RANGE", e))?;
            if !(r.is_finite() && r > 0.0) {
                return Err(invalid(
                    "RANGE",
                    format!("\"{text}\" must be a positive distance such as \"4,500 km\""),
                ));
            }
            Some(r)
        }
        None => None,
    };
    let kind = args.kind.kind();
    let g = Gazetteer::embedded();
    let places = match range_m {
        Some(r) => places_within(model, g, launch.point, r, kind)?,
        None => Vec::new(),
    };
    let mut targets = Vec::with_capacity(args.target.len());
    for text in &args.target {
        let t = resolve_location(text, g, 1.0).map_err(|e| invalid("--target", e))?;
        let place = g.lookup(&t.name).ok().filter(|p| p.point == t.point);
        let (kind, country) = place.map_or((None, ""), |p| (Some(p.kind), p.country.as_str()));
        targets.push(entry(model, launch.point, &t.name, kind, country, t.point, range_m)?);
    }
    let report = ReachReport { launch, range_m, model: model.name(), kind, places, targets };
    if let Some(path) = &args.geojson {
        write_geojson(path, &feature_collection(geometry_geojson::reach_features(model, &report)?))?;
    }
    match args.format {
        ReachFormat::Table => print::out(&geometry_text::render_reach(&report, args.units.unit()))?,
        ReachFormat::Json => print_json(&geometry_json::reach_json(&report))?,
    }
    Ok(Outcome::Success)
}
