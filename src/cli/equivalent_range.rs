//! `groundtrack equivalent-range --range DIST (--apogee H | --time T)`: the lofted-to-standard conversion.

use clap::{ArgGroup, Args};
use groundtrack::Result;
use groundtrack::ballistics::{Planet, TrajectoryConstraint, equivalent_range};
use groundtrack::output::{trajectory_json, trajectory_text};
use groundtrack::parse::{parse_distance_m, parse_duration_s};

use super::fly::{BoostArgs, UnitsArg, invalid};
use super::{Outcome, print};

/// Arguments of `groundtrack equivalent-range`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("constraint").args(["apogee", "time"]).required(true).multiple(false)))]
pub struct EquivalentRangeArgs {
    /// Ground range of the test flight, e.g. "950 km".
    #[arg(long, value_name = "DIST", allow_hyphen_values = true)]
    pub range: String,
    /// Apogee altitude of the test flight, e.g. "4,475 km".
    #[arg(long, value_name = "H", allow_hyphen_values = true)]
    pub apogee: Option<String>,
    /// Free-flight time of the test flight, e.g. "53 min".
    #[arg(long, value_name = "T", allow_hyphen_values = true)]
    pub time: Option<String>,
    #[command(flatten)]
    pub boost: BoostArgs,
    /// Distance unit of the readable output (JSON fields carry their unit in their names).
    #[arg(long, value_enum, default_value_t = UnitsArg::Km)]
    pub units: UnitsArg,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Solves the flown (lofted or depressed) arc and prints the minimum-energy range of its burnout speed.
pub fn run(args: &EquivalentRangeArgs) -> Result<Outcome> {
    let range_m = parse_distance_m(&args.range).map_err(|e| invalid("--range", e))?;
    let constraint = match (&args.apogee, &args.time) {
        (Some(h), _) => {
            TrajectoryConstraint::Apogee(parse_distance_m(h).map_err(|e| invalid("--apogee", e))?)
        }
        (None, Some(t)) => {
            TrajectoryConstraint::FlightTime(parse_duration_s(t).map_err(|e| invalid("--time", e))?)
        }
        (None, None) => return Err(invalid("--apogee", "give --apogee H or --time T")),
    };
    let boost = args.boost.allowance()?;
    let eq = equivalent_range(range_m, constraint, &Planet::earth_sphere(), &boost)?;
    let text = if args.json {
        let v = trajectory_json::equivalent_json(&eq);
        let s = serde_json::to_string_pretty(&v).map_err(|e| invalid("JSON output", e))?;
        format!("{s}\n")
    } else {
        trajectory_text::render_equivalent(&eq, args.units.unit())
    };
    print::out(&text)?;
    Ok(Outcome::Success)
}
