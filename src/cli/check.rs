//! `groundtrack check FILE`.

use std::path::PathBuf;

use clap::Args;
use groundtrack::places::Gazetteer;
use groundtrack::report::{CheckOptions, ReportFile, SummaryRow, check_report, summary_row};

use super::{Outcome, print};

/// Arguments of `groundtrack check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The report file(s) (TOML); see data/scenarios/ for examples. Several files need --summary (or are
    /// checked one after another).
    #[arg(required = true, num_args = 1..)]
    pub files: Vec<PathBuf>,
    /// One line per report: verdict, the figures that fail and the unit-slip hypotheses that fit. Bad files
    /// are reported in their line and the others still checked.
    #[arg(long)]
    pub summary: bool,
    /// Also draw a map of the check (SVG or PNG by the file's extension).
    #[arg(long, value_name = "PATH")]
    pub map: Option<PathBuf>,
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
    let boost_time_s = match &args.boost_time {
        Some(text) => Some(groundtrack::parse::parse_duration_s(text).map_err(|e| {
            groundtrack::Error::Invalid { what: "--boost-time".into(), message: e.to_string() }
        })?),
        None => None,
    };
    let options =
        CheckOptions { tolerance_scale: args.tolerance_scale, boost_time_s, ..CheckOptions::default() };
    let check = |path: &PathBuf| {
        ReportFile::load(path)
            .map_err(groundtrack::Error::from)
            .and_then(|file| check_report(&file, Gazetteer::embedded(), &options))
    };
    if args.summary {
        return summary(args, check);
    }
    if args.files.len() > 1 && (args.geojson.is_some() || args.map.is_some()) {
        return Err(groundtrack::Error::Invalid {
            what: "--geojson/--map".into(),
            message: "write one file per report: give a single report, or use --summary".into(),
        });
    }
    // Every output is checked before any work, and written only when all of them could be made: a refused run
    // leaves no file behind.
    let inputs: Vec<&std::path::Path> = args.files.iter().map(PathBuf::as_path).collect();
    super::preflight::preflight(&[&args.geojson], &[&args.map], &inputs)?;
    let mut outcome = Outcome::Success;
    for path in &args.files {
        let report = check(path)?;
        let svg = match &args.map {
            Some(_) => {
                Some(groundtrack::map::render_check(&report, &groundtrack::map::MapOptions::default())?)
            }
            None => None,
        };
        if let Some(out) = &args.geojson {
            groundtrack::output::check_geojson::write(out, &report)?;
        }
        if let (Some(out), Some(svg)) = (&args.map, &svg) {
            groundtrack::map::write_picture(out, svg, None)?;
        }
        if args.json {
            print::out(&format!("{}\n", to_json(&report)?))?;
        } else {
            print::out(&groundtrack::output::check_text::render(&report))?;
        }
        if report.exit_code() != 0 {
            outcome = Outcome::Failure;
        }
    }
    Ok(outcome)
}

fn to_json<T: serde::Serialize>(value: &T) -> groundtrack::Result<String> {
    serde_json::to_string_pretty(value)
        .map_err(|e| groundtrack::Error::Invalid { what: "JSON output".into(), message: e.to_string() })
}

/// `--summary`: one line per report; bad files are listed with their error. Exit 2 if any file was bad input,
/// else 1 if any report is inconsistent.
fn summary(
    args: &CheckArgs,
    check: impl Fn(&PathBuf) -> groundtrack::Result<groundtrack::report::CheckReport>,
) -> groundtrack::Result<Outcome> {
    let rows: Vec<SummaryRow> = args.files.iter().map(|p| summary_row(p, &check(p))).collect();
    if args.json {
        print::out(&format!("{}\n", to_json(&rows)?))?;
    } else {
        print::out(&groundtrack::output::check_text::render_summary(&rows))?;
    }
    Ok(if rows.iter().any(|r| r.error.is_some()) {
        Outcome::BadInput
    } else if rows.iter().any(|r| r.verdict != "consistent") {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}
