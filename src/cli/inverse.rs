//! `groundtrack inverse A B`: how far, and which way.

use clap::Args;
use groundtrack::batch::{LineKind, model};
use groundtrack::output::solution_format::render_inverse;

use super::solve_args::{SolveFlags, locate};
use super::{Outcome, print};

/// Arguments of `groundtrack inverse`.
#[derive(Debug, Args)]
#[command(
    after_help = "Output: distance s12 in --units (km by default), azimuth azi1 at A and forward azimuth \
    azi2 at B in degrees clockwise from north, in [-180, 180]; the back azimuth at B (what PROJ's geod \
    prints) is azi2 ± 180.\n\nExamples:\n  groundtrack inverse Sinpo Guam\n  groundtrack inverse '39.2241N \
    125.67E' 'Cape Erimo' --rhumb --units nmi\n  groundtrack inverse Sunan '1180 km east of Cape Erimo' \
    --format json"
)]
pub struct InverseArgs {
    /// First point: coordinates ("39.2241 125.67", "39°13′27″N 125°40′12″E"), a place name, or a position phrase
    /// ("1180 km east of Cape Erimo", its nominal point).
    #[arg(allow_hyphen_values = true)]
    pub a: String,
    /// Second point, in the same forms.
    #[arg(allow_hyphen_values = true)]
    pub b: String,
    /// Also give the rhumb line (constant bearing): its distance and azimuth.
    #[arg(long)]
    pub rhumb: bool,
    /// Shared flags.
    #[command(flatten)]
    pub flags: SolveFlags,
}

/// Solves the inverse problem on the shortest line (and the rhumb line) and prints it.
pub fn run(args: &InverseArgs) -> groundtrack::Result<Outcome> {
    let from = locate("A", &args.a)?;
    let to = locate("B", &args.b)?;
    let kinds: &[LineKind] =
        if args.rhumb { &[LineKind::Geodesic, LineKind::Rhumb] } else { &[LineKind::Geodesic] };
    let models: Vec<_> = kinds.iter().map(|&k| model(args.flags.earth(), k)).collect();
    let mut lines = Vec::with_capacity(models.len());
    for m in &models {
        let m: &dyn groundtrack::geodesy::EarthModel = m.as_ref();
        lines.push((m, m.inverse(from.point, to.point)?));
    }
    print::out(&render_inverse(&from, &to, &lines, &args.flags.style())?)?;
    Ok(Outcome::Success)
}
