//! `groundtrack check FILE`.

use std::path::PathBuf;

use clap::Args;
use groundtrack::places::Gazetteer;
use groundtrack::report::{CheckOptions, ReportFile, check_report};

use super::{Outcome, print};

/// Arguments of `groundtrack check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The report file (TOML); see data/scenarios/ for examples.
    pub file: PathBuf,
    /// Print one JSON object instead of the readable report.
    #[arg(long)]
    pub json: bool,
    /// Also write the geometry (launch, readings, estimate, overflight places, track, feasible region) as a
    /// GeoJSON FeatureCollection to this file.
    #[arg(long, value_name = "PATH")]
    pub geojson: Option<PathBuf>,
    /// Widen every default (rounding) tolerance band by this factor; explicit bands are kept.
    #[arg(long, value_name = "K", default_value_t = 1.0)]
    pub tolerance_scale: f64,
    /// Model a boost phase of this duration before free flight ("90 s", "1.5 min"); without it the boost is not
    /// modelled and 0 to 5 min are allowed.
    #[arg(long, value_name = "DURATION")]
    pub boost_time: Option<String>,
}

/// Loads the report, checks it, prints the text or JSON report and writes the GeoJSON if asked.
pub fn run(args: &CheckArgs) -> groundtrack::Result<Outcome> {
    if !(args.tolerance_scale.is_finite() && args.tolerance_scale > 0.0) {
        return Err(groundtrack::Error::Invalid {
            what: "--tolerance-scale".into(),
            message: format!("must be a positive number, got {}", args.tolerance_scale),
        });
    }
    let file = ReportFile::load(&args.file)?;
    let boost_time_s = match &args.boost_time {
        Some(text) => Some(groundtrack::parse::parse_duration_s(text).map_err(|e| {
            groundtrack::Error::Invalid { what: "--boost-time".into(), message: e.to_string() }
        })?),
        None => None,
    };
    let options =
        CheckOptions { tolerance_scale: args.tolerance_scale, boost_time_s, ..CheckOptions::default() };
    let report = check_report(&file, Gazetteer::embedded(), &options)?;
    if let Some(path) = &args.geojson {
        groundtrack::output::check_geojson::write(path, &report)?;
    }
    if args.json {
        let json = serde_json::to_string_pretty(&report).map_err(|e| groundtrack::Error::Invalid {
            what: "JSON output".into(),
            message: e.to_string(),
        })?;
        print::out(&format!("{json}\n"))?;
    } else {
        print::out(&groundtrack::output::check_text::render(&report))?;
    }
    Ok(if report.exit_code() == 0 { Outcome::Success } else { Outcome::Failure })
}
