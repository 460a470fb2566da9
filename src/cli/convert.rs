//! `groundtrack convert IN OUT`: between the formats groundtrack writes.

use std::path::PathBuf;

use clap::Args;
use groundtrack::output::{ExportFormat, read_collection, write_collection};
use groundtrack::places::Gazetteer;
use groundtrack::report::{CheckOptions, ReportFile, check_report};

use super::Outcome;

/// Arguments of `groundtrack convert`.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// The input: GeoJSON, KML, GPX or CSV (with a wkt column) as groundtrack writes them, or a report file
    /// (.toml), which is checked and converted with its stretches over land.
    pub input: PathBuf,
    /// The output: .geojson, .kml, .gpx, .csv, .svg or .png.
    pub output: PathBuf,
    /// The output format (geojson, kml, gpx, csv, svg, png); default: from the output's extension.
    #[arg(long)]
    pub format: Option<String>,
    /// The input format (geojson, kml, gpx, csv); default: from the input's extension.
    #[arg(long)]
    pub from: Option<String>,
    /// Name of the KML document, GPX metadata or map title; default: the report's name or the input's file name.
    #[arg(long)]
    pub title: Option<String>,
}

/// Reads the input, converts it and writes the output.
pub fn run(args: &ConvertArgs) -> groundtrack::Result<Outcome> {
    let out_format = ExportFormat::choose(args.format.as_deref(), &args.output)?;
    let is_report = args.from.is_none()
        && args.input.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    let (fc, default_title) = if is_report {
        let file = ReportFile::load(&args.input)?;
        let report = check_report(&file, Gazetteer::embedded(), &CheckOptions::default())?;
        let mut fc = groundtrack::output::check_geojson::feature_collection_of(&report)?;
        groundtrack::map::add_land_stretches(&mut fc)?;
        (fc, report.name.clone())
    } else {
        let in_format = ExportFormat::choose(args.from.as_deref(), &args.input)?;
        if matches!(in_format, ExportFormat::Svg | ExportFormat::Png) {
            return Err(groundtrack::Error::Invalid {
                what: args.input.display().to_string(),
                message: "a map picture cannot be read back; convert from GeoJSON, KML, GPX, CSV or a report"
                    .into(),
            });
        }
        let text = std::fs::read_to_string(&args.input)
            .map_err(|source| groundtrack::Error::Io { path: args.input.clone(), source })?;
        let name = args.input.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        (read_collection(&text, in_format).map_err(|e| e.in_file(&args.input))?, name)
    };
    let title = args.title.clone().unwrap_or(default_title);
    write_collection(&args.output, &fc, out_format, &title)?;
    Ok(Outcome::Success)
}
