//! `groundtrack map INPUT -o map.svg|map.png`.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use groundtrack::map::{MapOptions, PictureFormat, ProjectionKind};
use groundtrack::output::{ExportFormat, read_collection};
use groundtrack::places::Gazetteer;
use groundtrack::report::{CheckOptions, ReportFile, check_report, resolve_location};

use super::Outcome;

/// The projection of a map.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ProjectionArg {
    /// Azimuthal equidistant on WGS84 centred on the launch point: distances from it are true.
    Azimuthal,
    /// Equirectangular: for small areas only.
    Equirectangular,
}

/// The picture format, when the output's extension does not say.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PictureArg {
    /// SVG (vector).
    Svg,
    /// PNG (raster, rendered with the shipped font).
    Png,
}

/// Arguments of `groundtrack map`.
#[derive(Debug, Args)]
pub struct MapArgs {
    /// A report file (TOML; it is checked first) or a GeoJSON file that groundtrack wrote.
    pub input: PathBuf,
    /// The picture to write: .svg or .png.
    #[arg(short, long, value_name = "PATH")]
    pub output: PathBuf,
    /// The picture format; default: from the output's extension.
    #[arg(long, value_enum)]
    pub format: Option<PictureArg>,
    /// The projection.
    #[arg(long, value_enum, default_value_t = ProjectionArg::Azimuthal)]
    pub projection: ProjectionArg,
    /// Centre of the projection: coordinates or a place; default: the launch point.
    #[arg(long, value_name = "LOCATION")]
    pub center: Option<String>,
    /// Width of the picture in pixels.
    #[arg(long, value_name = "PX", default_value_t = 1200)]
    pub width: u32,
    /// Title; default: the report's name, or the input's file name.
    #[arg(long)]
    pub title: Option<String>,
}

fn is_report(path: &Path, text: &str) -> bool {
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("toml") => true,
        Some("geojson") | Some("json") => false,
        _ => !text.trim_start().starts_with('{'),
    }
}

/// Reads the input, draws the map and writes it.
pub fn run(args: &MapArgs) -> groundtrack::Result<Outcome> {
    if !(300..=8000).contains(&args.width) {
        return Err(groundtrack::Error::Invalid {
            what: "--width".into(),
            message: format!("must be between 300 and 8000 pixels, got {}", args.width),
        });
    }
    let format = match args.format {
        Some(PictureArg::Svg) => Some(PictureFormat::Svg),
        Some(PictureArg::Png) => Some(PictureFormat::Png),
        None => None,
    };
    if format.is_none() && PictureFormat::from_path(&args.output).is_none() {
        return Err(groundtrack::Error::Invalid {
            what: args.output.display().to_string(),
            message: "the map is written as .svg or .png (or give --format)".into(),
        });
    }
    let mut options = MapOptions {
        projection: match args.projection {
            ProjectionArg::Azimuthal => ProjectionKind::AzimuthalEquidistant,
            ProjectionArg::Equirectangular => ProjectionKind::Equirectangular,
        },
        width_px: args.width,
        title: args.title.clone(),
        ..MapOptions::default()
    };
    if let Some(c) = &args.center {
        options.center = Some(resolve_location(c, Gazetteer::embedded(), 1.0)?.point);
    }
    let text = std::fs::read_to_string(&args.input)
        .map_err(|source| groundtrack::Error::Io { path: args.input.clone(), source })?;
    let svg = if is_report(&args.input, &text) {
        let file = ReportFile::load(&args.input)?;
        let report = check_report(&file, Gazetteer::embedded(), &CheckOptions::default())?;
        groundtrack::map::render_check(&report, &options)?
    } else {
        let mut fc = read_collection(&text, ExportFormat::GeoJson).map_err(|e| e.in_file(&args.input))?;
        groundtrack::map::add_land_stretches(&mut fc)?;
        if options.title.is_none() {
            options.title = args.input.file_name().map(|n| n.to_string_lossy().into_owned());
        }
        groundtrack::map::render(&fc, &options)?
    };
    groundtrack::map::write_picture(&args.output, &svg, format)?;
    Ok(Outcome::Success)
}
