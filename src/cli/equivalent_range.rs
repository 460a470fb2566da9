//! `groundtrack equivalent-range --range DIST (--apogee H | --time T)`: the lofted-to-standard conversion.

use clap::{ArgGroup, Args};
use groundtrack::Result;
use groundtrack::ballistics::{Planet, check_within_sphere_of_influence, equivalent_range};
use groundtrack::output::{trajectory_json, trajectory_text};
use groundtrack::parse::Dimension;

use super::fly::{BoostArgs, UnitsArg, apogee_or_time, invalid};
use super::stated::figure_arg;
use super::{Outcome, print};

/// Arguments of `groundtrack equivalent-range`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("constraint").args(["apogee", "time"]).required(true).multiple(false)))]
pub struct EquivalentRangeArgs {
    /// Ground range of the test flight, e.g. "950 km" or "about 950 km" (a worded figure: its nominal value is
    /// used, and the output says so; likewise below).
    #[arg(long, value_name = "DIST", allow_hyphen_values = true)]
    pub range: String,
    /// Apogee altitude of the test flight, e.g. "4,475 km".
    #[arg(long, value_name = "H", allow_hyphen_values = true)]
    pub apogee: Option<String>,
    /// Flight time of the test flight from launch to re-entry, as reports state it (and as `check` reads it), e.g.
    /// "53 min": the free flight is this time minus --boost-time (0 unless given).
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
///
/// The boost time changes the time-based solve (free flight = --time minus --boost-time) and the time from
/// launch printed; worded figures are read at their nominal value, with a note; an arc beyond the Earth's sphere
/// of influence is refused (the two-body model does not hold there).
pub fn run(args: &EquivalentRangeArgs) -> Result<Outcome> {
    let mut notes = Vec::new();
    let range_m = figure_arg("--range", &args.range, Dimension::Distance, &mut notes)?;
    let boost = args.boost.allowance(&mut notes)?;
    let constraint = apogee_or_time(args.apogee.as_deref(), args.time.as_deref(), &boost, &mut notes)?
        .ok_or_else(|| invalid("--apogee", "give --apogee H or --time T"))?;
    let planet = Planet::earth_sphere();
    let eq = equivalent_range(range_m, constraint, &planet, &boost)?;
    check_within_sphere_of_influence(eq.trajectory.apogee_m, eq.burnout_speed_mps, &planet, &boost)?;
    let text = if args.json {
        let mut v = trajectory_json::equivalent_json(&eq);
        if let Some(o) = v.as_object_mut() {
            o.insert("notes".into(), serde_json::json!(notes));
        }
        let s = serde_json::to_string_pretty(&v).map_err(|e| invalid("JSON output", e))?;
        format!("{s}\n")
    } else {
        let mut t = trajectory_text::render_equivalent(&eq, args.units.unit());
        t.push_str(&trajectory_text::notes_text(&notes));
        t
    };
    print::out(&text)?;
    Ok(Outcome::Success)
}
