//! `groundtrack fly LAUNCH (IMPACT | --range DIST) [constraint] [--rotating] [boost allowance]`.

use std::path::PathBuf;

use clap::{ArgGroup, Args, ValueEnum};
use groundtrack::ballistics::{Arc, BoostAllowance, TrajectoryConstraint};
use groundtrack::output::trajectory_report::{Destination, FlightRequest, Site, fly};
use groundtrack::output::{trajectory_geojson, trajectory_json, trajectory_kml, trajectory_text};
use groundtrack::parse::{Dimension, Unit, parse_bearing, parse_duration_s, parse_figure};
use groundtrack::places::Gazetteer;
use groundtrack::report::resolve_location;
use groundtrack::{Error, Result};

use super::output_args::OutputArgs;
use super::stated::{figure_arg, figure_note, free_flight_time, optional_figure_arg};
use super::{Outcome, print};

/// Distance unit of the readable output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UnitsArg {
    /// Kilometres.
    Km,
    /// Metres.
    M,
    /// Nautical miles (1,852 m).
    Nmi,
    /// Statute miles (1,609.344 m).
    Mi,
}

impl UnitsArg {
    /// The unit.
    pub fn unit(self) -> Unit {
        match self {
            UnitsArg::Km => Unit::Kilometre,
            UnitsArg::M => Unit::Metre,
            UnitsArg::Nmi => Unit::NauticalMile,
            UnitsArg::Mi => Unit::StatuteMile,
        }
    }
}

/// Which arc a burnout speed picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ArcArg {
    /// The steeper (lofted) arc.
    High,
    /// The flatter (depressed) arc.
    Low,
}

/// The boost-phase and re-entry allowance (all zero by default; always printed). Each figure may be worded as a
/// report words it ("about 60 s"); the nominal value is used and the output says so.
#[derive(Debug, Args)]
pub struct BoostArgs {
    /// Time from launch to burnout, e.g. "60 s" [default: 0 s]. A --time is then the time from launch: free
    /// flight = --time minus the boost time.
    #[arg(long, value_name = "T", allow_hyphen_values = true)]
    pub boost_time: Option<String>,
    /// Altitude of burnout, e.g. "100 km" [default: 0 km].
    #[arg(long, value_name = "H", allow_hyphen_values = true)]
    pub burnout_altitude: Option<String>,
    /// Ground range from the launch point to burnout, e.g. "50 km" [default: 0 km].
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    pub burnout_range: Option<String>,
    /// Altitude at which free flight is taken to end [default: 0 km].
    #[arg(long, value_name = "H", allow_hyphen_values = true)]
    pub reentry_altitude: Option<String>,
}

/// Wraps a parse failure with the argument's name.
pub fn invalid(what: &str, message: impl std::fmt::Display) -> Error {
    Error::Invalid { what: what.to_string(), message: message.to_string() }
}

impl BoostArgs {
    /// The allowance, every figure read as a stated figure (nominal value; a note in `notes` for worded ones).
    ///
    /// # Errors
    /// [`Error::Invalid`] naming the argument for text that is not a non-negative distance or duration.
    pub fn allowance(&self, notes: &mut Vec<String>) -> Result<BoostAllowance> {
        let (d, t) = (Dimension::Distance, Dimension::Duration);
        Ok(BoostAllowance {
            burnout_altitude_m: optional_figure_arg(
                "--burnout-altitude",
                self.burnout_altitude.as_deref(),
                d,
                notes,
            )?,
            burnout_range_m: optional_figure_arg("--burnout-range", self.burnout_range.as_deref(), d, notes)?,
            boost_time_s: optional_figure_arg("--boost-time", self.boost_time.as_deref(), t, notes)?,
            reentry_altitude_m: optional_figure_arg(
                "--reentry-altitude",
                self.reentry_altitude.as_deref(),
                d,
                notes,
            )?,
        })
    }
}

/// Arguments of `groundtrack fly`.
#[derive(Debug, Args)]
#[command(group(
    ArgGroup::new("constraint").args(["min_energy", "apogee", "time", "gamma", "speed"]).multiple(false)
))]
#[command(mut_args(OutputArgs::help(&[
    ("units", "Distance unit of the readable output (JSON fields carry their unit in their names)"),
    ("json", "Print one JSON object instead of the summary and table"),
    ("geojson", "Write the trajectory as GeoJSON (LineString with altitude in metres, launch, burnout, \
        apogee, impact)"),
])))]
pub struct FlyArgs {
    /// Launch point: coordinates ("39.22 N, 125.67 E"), a place name ("Sunan") or a position phrase.
    pub launch: String,
    /// Impact point, in the same forms ("about 1,180 km east of Cape Erimo"); or give --range.
    #[arg(required_unless_present = "range", conflicts_with = "range")]
    pub impact: Option<String>,
    /// Ground range from launch to impact instead of an impact point, e.g. "2,700 km" or "about 2,700 km" (a
    /// worded figure: its nominal value is used, and the output says so; likewise for every distance, time,
    /// angle and speed below).
    #[arg(long, value_name = "DIST", allow_hyphen_values = true)]
    pub range: Option<String>,
    /// Launch azimuth for the --range form ("75.4", "ENE"); required with --rotating, otherwise it only places
    /// the ground track (without it the profile has no latitudes and longitudes).
    #[arg(long, value_name = "DEG", allow_hyphen_values = true, requires = "range")]
    pub azimuth: Option<String>,
    /// The minimum-energy arc (least burnout speed for the range) [default constraint].
    #[arg(long)]
    pub min_energy: bool,
    /// The arc with this apogee altitude, e.g. "550 km".
    #[arg(long, value_name = "H", allow_hyphen_values = true)]
    pub apogee: Option<String>,
    /// The arc with this flight time from launch to re-entry, as reports state it (and as `check` reads it), e.g.
    /// "14 min": the free flight is this time minus --boost-time (0 unless given).
    #[arg(long, value_name = "T", allow_hyphen_values = true)]
    pub time: Option<String>,
    /// The arc with this burnout flight-path angle, degrees above the horizontal.
    #[arg(long, value_name = "DEG", allow_hyphen_values = true)]
    pub gamma: Option<String>,
    /// The arc with this burnout speed, e.g. "4.7 km/s" or "4700 m/s" (see --arc).
    #[arg(long, value_name = "V", allow_hyphen_values = true)]
    pub speed: Option<String>,
    /// With --speed: the high (lofted) or low (depressed) arc [default: high].
    #[arg(long, value_enum, requires = "speed")]
    pub arc: Option<ArcArg>,
    /// Fly over the rotating Earth: with IMPACT, aim at it (azimuth offset, ground track, lateral deviation);
    /// with --range and --azimuth, fire the non-rotating solution and report where rotation takes it.
    #[arg(long)]
    pub rotating: bool,
    /// Launch time (RFC 3339, e.g. 2017-08-28T21:57:00Z): dates the flight; the ground track does not depend
    /// on it.
    #[arg(long, value_name = "T", requires = "rotating")]
    pub launch_time: Option<String>,
    #[command(flatten)]
    pub boost: BoostArgs,
    /// Time step of the profile table ("10 s", "1 min"; a bare number is seconds).
    #[arg(long, value_name = "T", default_value = "10 s", allow_hyphen_values = true)]
    pub step: String,
    /// --units, --json and --geojson.
    #[command(flatten)]
    pub output: OutputArgs,
    /// Write the trajectory as KML for Google Earth (absolute altitude: the arc in 3-D).
    #[arg(long, value_name = "PATH")]
    pub kml: Option<PathBuf>,
    /// Draw the ground track on a map (SVG or PNG by the file's extension), with its stretches over land.
    #[arg(long, value_name = "PATH")]
    pub map: Option<PathBuf>,
    /// Draw the profile: altitude against ground range, apogee and stretches over land marked (SVG or PNG).
    #[arg(long, value_name = "PATH")]
    pub profile: Option<PathBuf>,
}

/// Reads a speed: a distance per unit of time, "4.66 km/s", "4,663 m/s", "16,800 km/h", also worded as a report
/// words it ("about 4.7 km/s": the nominal is used and a note pushed to `notes`).
///
/// # Errors
/// [`Error::Invalid`] naming `what` when there is no "/", or the parts are not a distance and a time unit.
pub fn parse_speed_mps(what: &str, text: &str, notes: &mut Vec<String>) -> Result<f64> {
    let expected = "a distance per unit of time such as \"4.66 km/s\", \"4663 m/s\" or \"16,800 km/h\"";
    let Some((dist, per)) = text.rsplit_once('/') else {
        return Err(invalid(what, format!("\"{text}\" is not a speed; expected {expected}")));
    };
    let f = parse_figure(dist, Dimension::Distance, 1.0)
        .map_err(|e| invalid(what, format!("{e} (in the speed \"{text}\")")))?;
    let m = f.nominal;
    let s = parse_duration_s(&format!("1 {}", per.trim())).map_err(|_| {
        invalid(what, format!("\"{}\" is not a unit of time; expected {expected}", per.trim()))
    })?;
    let per_unit = format!("/{}", per.trim());
    notes.extend(figure_note(what, text, &f, &per_unit));
    Ok(m / s)
}

/// Reads the step: a duration, or a bare number of seconds.
fn step_s(text: &str) -> Result<f64> {
    let s = match text.trim().parse::<f64>() {
        Ok(v) => v,
        Err(_) => parse_duration_s(text).map_err(|e| invalid("--step", e))?,
    };
    if !(s.is_finite() && s > 0.0) {
        return Err(invalid("--step", format!("must be a positive time, got {text}")));
    }
    Ok(s)
}

/// The apogee or time constraint of `fly` and `equivalent-range`: the apogee as given; the time read from
/// launch, so the free flight is the time less the boost time ([`free_flight_time`]). `None` when neither is
/// given.
///
/// # Errors
/// [`Error::Invalid`] naming the flag for unreadable figures or a time not longer than the boost.
pub fn apogee_or_time(
    apogee: Option<&str>,
    time: Option<&str>,
    boost: &BoostAllowance,
    notes: &mut Vec<String>,
) -> Result<Option<TrajectoryConstraint>> {
    if let Some(h) = apogee {
        return Ok(Some(TrajectoryConstraint::Apogee(figure_arg(
            "--apogee",
            h,
            Dimension::Distance,
            notes,
        )?)));
    }
    if let Some(t) = time {
        let t = figure_arg("--time", t, Dimension::Duration, notes)?;
        return Ok(Some(TrajectoryConstraint::FlightTime(free_flight_time(t, boost.boost_time_s, notes)?)));
    }
    Ok(None)
}

/// The constraint chosen by the arguments (minimum energy when none is given).
fn constraint(a: &FlyArgs, boost: &BoostAllowance, notes: &mut Vec<String>) -> Result<TrajectoryConstraint> {
    if let Some(c) = apogee_or_time(a.apogee.as_deref(), a.time.as_deref(), boost, notes)? {
        return Ok(c);
    }
    if let Some(g) = &a.gamma {
        return Ok(TrajectoryConstraint::FlightPathAngle(figure_arg("--gamma", g, Dimension::Angle, notes)?));
    }
    if let Some(v) = &a.speed {
        let arc = match a.arc.unwrap_or(ArcArg::High) {
            ArcArg::High => Arc::High,
            ArcArg::Low => Arc::Low,
        };
        return Ok(TrajectoryConstraint::BurnoutSpeed {
            speed_mps: parse_speed_mps("--speed", v, notes)?,
            arc,
        });
    }
    Ok(TrajectoryConstraint::MinimumEnergy)
}

fn site(text: &str) -> Result<Site> {
    let r = resolve_location(text, Gazetteer::embedded(), 1.0)?;
    Ok(Site { name: r.name, point: r.point })
}

/// Maps the arguments to a [`FlightRequest`], with the notes on worded figures.
fn request(a: &FlyArgs) -> Result<(FlightRequest, Vec<String>)> {
    let mut notes = Vec::new();
    let boost = a.boost.allowance(&mut notes)?;
    let constraint = constraint(a, &boost, &mut notes)?;
    let step_s = step_s(&a.step)?;
    let launch_time = match &a.launch_time {
        Some(t) => Some(t.trim().parse::<jiff::Timestamp>().map_err(|e| {
            invalid("--launch-time", format!("{e}; expected an RFC 3339 time such as 2017-08-28T21:57:00Z"))
        })?),
        None => None,
    };
    let launch = site(&a.launch)?;
    let destination = match (&a.impact, &a.range) {
        (Some(i), None) => Destination::Impact(site(i)?),
        (None, Some(r)) => {
            let range_m = figure_arg("--range", r, Dimension::Distance, &mut notes)?;
            let azimuth_deg = match &a.azimuth {
                Some(z) => Some(parse_bearing(z).map_err(|e| invalid("--azimuth", e))?.azimuth_deg),
                None => None,
            };
            if a.rotating && azimuth_deg.is_none() {
                return Err(invalid(
                    "--azimuth",
                    "the rotating model needs a launch direction with --range: give --azimuth DEG (or an IMPACT \
                     point instead of --range)",
                ));
            }
            Destination::Range { range_m, azimuth_deg }
        }
        _ => return Err(invalid("IMPACT", "give either an IMPACT point or --range DIST, not both")),
    };
    let req =
        FlightRequest { launch, destination, constraint, boost, rotating: a.rotating, launch_time, step_s };
    Ok((req, notes))
}

/// Computes the flight, writes the GeoJSON and KML files if asked (only when every output could be built), and
/// prints the summary and profile or the JSON object.
pub fn run(args: &FlyArgs) -> Result<Outcome> {
    super::preflight::preflight(&[&args.output.geojson, &args.kml], &[&args.map, &args.profile], &[])?;
    let (req, notes) = request(args)?;
    let mut report = fly(&req)?;
    report.notes.extend(notes);
    let geojson =
        args.output.geojson.as_ref().map(|p| trajectory_geojson::geojson_string(&report).map(|t| (p, t)));
    let geojson = geojson.transpose()?;
    let kml = args.kml.as_ref().map(|p| trajectory_kml::kml_string(&report).map(|t| (p, t)));
    let kml = kml.transpose()?;
    let text = if args.output.json {
        let v = trajectory_json::flight_json(&report);
        let s = serde_json::to_string_pretty(&v).map_err(|e| invalid("JSON output", e))?;
        format!("{s}\n")
    } else {
        trajectory_text::render(&report, args.output.units.unit())
    };
    if let Some((path, t)) = &geojson {
        trajectory_geojson::write(path, t)?;
    }
    if let Some((path, t)) = &kml {
        trajectory_kml::write(path, t)?;
    }
    if let Some(path) = &args.map {
        let fc: geojson::FeatureCollection = trajectory_geojson::geojson_string(&report)?
            .parse()
            .map_err(|e: geojson::Error| invalid("--map", e))?;
        let title = match &report.impact {
            Some(impact) => format!("Ballistic flight: {} to {}", report.launch.name, impact.name),
            None => format!("Ballistic flight from {}", report.launch.name),
        };
        groundtrack::map::write_map(path, &fc, &title)?;
    }
    if let Some(path) = &args.profile {
        let svg = groundtrack::map::render_profile(&groundtrack::map::flight_profile(&report)?)?;
        groundtrack::map::write_picture(path, &svg, None)?;
    }
    print::out(&text)?;
    Ok(Outcome::Success)
}
