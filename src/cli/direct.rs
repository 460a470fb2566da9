//! `groundtrack direct A BEARING DISTANCE`: where a line from A ends.

use clap::Args;
use groundtrack::batch::{LineKind, model, read_azimuth, read_distance};
use groundtrack::output::solution_format::render_direct;

use super::solve_args::{SolveFlags, invalid, locate};
use super::{Outcome, print};

/// Arguments of `groundtrack direct`.
#[derive(Debug, Args)]
#[command(
    after_help = "Output: the end point (lat2, lon2 in degrees) and the forward azimuth azi2 there, in \
    degrees clockwise from north; the distance in --units (km by default).\n\nExamples:\n  groundtrack direct \
    'Cape Erimo' E '1180 km'\n  groundtrack direct Sunan 84 3700\n  groundtrack direct '40.0 128.2' N84E \
    '500 nmi' --rhumb --dms"
)]
pub struct DirectArgs {
    /// Start point: coordinates, a place name, or a position phrase.
    #[arg(allow_hyphen_values = true)]
    pub a: String,
    /// Azimuth at the start: degrees clockwise from north ("84", any finite value), a compass point or word
    /// ("E", "east-northeast"), or quadrant notation ("N84E").
    #[arg(allow_hyphen_values = true)]
    pub bearing: String,
    /// Distance: "1180 km", "97 nmi", "1,180 kilometres", or a number in --units (negative goes backwards).
    #[arg(allow_hyphen_values = true)]
    pub distance: String,
    /// Follow the rhumb line (constant bearing) instead of the geodesic.
    #[arg(long)]
    pub rhumb: bool,
    /// Shared flags.
    #[command(flatten)]
    pub flags: SolveFlags,
}

/// Solves the direct problem and prints it.
pub fn run(args: &DirectArgs) -> groundtrack::Result<Outcome> {
    let from = locate("A", &args.a)?;
    let azimuth = read_azimuth(&args.bearing).map_err(|e| invalid("BEARING", &args.bearing, e))?;
    let style = args.flags.style();
    let distance =
        read_distance(&args.distance, style.unit).map_err(|e| invalid("DISTANCE", &args.distance, e))?;
    let line = if args.rhumb { LineKind::Rhumb } else { LineKind::Geodesic };
    let m = model(args.flags.earth(), line);
    let solution = m.direct(from.point, azimuth, distance)?;
    print::out(&render_direct(&from, azimuth, distance, m.as_ref(), &solution, &style)?)?;
    Ok(Outcome::Success)
}
