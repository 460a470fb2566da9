//! `groundtrack track A B [--via C]... [--count N | --spacing DIST]`: the points along the line(s).

use std::path::PathBuf;

use clap::Args;
use groundtrack::batch::{LineKind, model, read_distance};
use groundtrack::land::{Countries, OverflightOptions, land_stretches};
use groundtrack::output::solution_format::{SolutionFormat, Style, render_track};
use groundtrack::output::{Sampling, sample_track};

use super::solve_args::{SolveFlags, invalid, locate};
use super::{Outcome, print};

/// Arguments of `groundtrack track`.
#[derive(Debug, Args)]
#[command(
    after_help = "Output: one row per point: the leg, latitude and longitude (degrees), the distance from \
    A along the track in --units (km by default) and the forward azimuth of the leg there (degrees clockwise \
    from north). A waypoint that joins two legs is listed once. The table, JSON and GeoJSON also give each \
    stretch of the whole track over land (Natural Earth 1:50m): country, entry and exit points, along-track \
    distances.\n\nExamples:\n  groundtrack track Sinpo Guam \
    --count 8\n  groundtrack track Sunan '1180 km east of Cape Erimo' --via 'Cape Erimo' --spacing '250 km'\n  \
    groundtrack track Sunan Guam --format geojson > track.geojson"
)]
pub struct TrackArgs {
    /// First point: coordinates, a place name, or a position phrase.
    #[arg(allow_hyphen_values = true)]
    pub a: String,
    /// Last point, in the same forms.
    #[arg(allow_hyphen_values = true)]
    pub b: String,
    /// A waypoint between A and B (repeat for several, in order).
    #[arg(long, value_name = "C", allow_hyphen_values = true)]
    pub via: Vec<String>,
    /// Equal segments on each leg [default: 10].
    #[arg(long, value_name = "N", conflicts_with = "spacing", value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub count: Option<u32>,
    /// Largest spacing between listed points on each leg ("250 km", or a number in --units).
    #[arg(long, value_name = "DIST", allow_hyphen_values = true)]
    pub spacing: Option<String>,
    /// Follow rhumb lines (constant bearing) instead of geodesics.
    #[arg(long)]
    pub rhumb: bool,
    /// Also draw the track on a map (SVG or PNG by the file's extension), with its stretches over land.
    #[arg(long, value_name = "PATH")]
    pub map: Option<PathBuf>,
    /// Shared flags.
    #[command(flatten)]
    pub flags: SolveFlags,
}

/// Most points a track lists (a spacing too small for the track is refused, not ground out).
const MAX_POINTS: f64 = 1_000_000.0;

/// Samples the track and prints it.
pub fn run(args: &TrackArgs) -> groundtrack::Result<Outcome> {
    super::preflight::preflight(&[], &[&args.map], &[])?;
    let mut waypoints = vec![locate("A", &args.a)?];
    for (i, v) in args.via.iter().enumerate() {
        waypoints.push(locate(&format!("--via #{}", i + 1), v)?);
    }
    waypoints.push(locate("B", &args.b)?);
    let style = args.flags.style();
    let line = if args.rhumb { LineKind::Rhumb } else { LineKind::Geodesic };
    let m = model(args.flags.earth(), line);
    let vertices: Vec<_> = waypoints.iter().map(|w| w.point).collect();
    let sampling = match &args.spacing {
        Some(text) => {
            let s = read_distance(text, style.unit).map_err(|e| invalid("--spacing", text, e))?;
            if s <= 0.0 {
                return Err(invalid("--spacing", text, "must be a positive distance"));
            }
            let mut total = 0.0;
            for pair in vertices.windows(2) {
                total += m.inverse(pair[0], pair[1])?.distance_m;
            }
            if total / s > MAX_POINTS {
                return Err(invalid(
                    "--spacing",
                    text,
                    "too small: the track would list over a million points",
                ));
            }
            Sampling::Spacing(s)
        }
        None => Sampling::Count(args.count.unwrap_or(10) as usize),
    };
    let points = sample_track(m.as_ref(), &vertices, sampling)?;
    // The stretches over land of the whole track, along the same lines (geodesics or rhumb lines) through every
    // waypoint; plain and CSV output do not print them.
    let land = if args.map.is_some() || !matches!(style.format, SolutionFormat::Plain | SolutionFormat::Csv) {
        land_stretches(m.as_ref(), &vertices, Countries::embedded()?, &OverflightOptions::default())?
    } else {
        Vec::new()
    };
    if let Some(path) = &args.map {
        let geojson_style = Style { format: SolutionFormat::Geojson, ..style };
        let text = render_track(&waypoints, m.as_ref(), &points, &land, &geojson_style)?;
        let fc: geojson::FeatureCollection = text.parse().map_err(|e: geojson::Error| {
            groundtrack::Error::Invalid { what: "--map".into(), message: e.to_string() }
        })?;
        let names: Vec<&str> = waypoints.iter().map(|w| w.name.as_str()).collect();
        let kind = if args.rhumb { "Rhumb line" } else { "Geodesic" };
        groundtrack::map::write_map(path, &fc, &format!("{kind}: {}", names.join(" to ")))?;
    }
    print::out(&render_track(&waypoints, m.as_ref(), &points, &land, &style)?)?;
    Ok(Outcome::Success)
}
