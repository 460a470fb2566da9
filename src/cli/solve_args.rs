//! The flags shared by `inverse`, `direct` and `track` (and, in part, `batch`), and the resolution of the point
//! arguments.

use clap::{Args, ValueEnum};
use groundtrack::output::solution_format::{NamedPoint, SolutionFormat, Style};
use groundtrack::parse::Unit;
use groundtrack::places::Gazetteer;
use groundtrack::report::resolve_location;

/// A unit of distance on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UnitArg {
    /// Kilometres.
    Km,
    /// Metres.
    M,
    /// International nautical miles (1852 m).
    Nmi,
    /// Statute miles (1609.344 m).
    Mi,
}

impl UnitArg {
    /// The library's unit.
    pub fn unit(self) -> Unit {
        match self {
            UnitArg::Km => Unit::Kilometre,
            UnitArg::M => Unit::Metre,
            UnitArg::Nmi => Unit::NauticalMile,
            UnitArg::Mi => Unit::StatuteMile,
        }
    }
}

/// The output format of a single command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// A readable table.
    Table,
    /// The values alone, space-separated, in GeodSolve's column order.
    Plain,
    /// One JSON object.
    Json,
    /// CSV with a header line.
    Csv,
    /// A GeoJSON FeatureCollection with the points and the line.
    Geojson,
}

/// Flags shared by `inverse`, `direct` and `track`.
#[derive(Debug, Args)]
pub struct SolveFlags {
    /// Unit of distances: of a DISTANCE or --spacing given without a unit, and of every printed distance.
    #[arg(long, value_enum, default_value_t = UnitArg::Km)]
    pub units: UnitArg,
    /// Output format. `plain` prints GeodSolve's columns (inverse: azi1 azi2 s12; direct: lat2 lon2 azi2;
    /// track: lat lon azi s per point).
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
    /// Print angles as degrees, minutes and seconds (41°55′28.0″N) in the table, plain and CSV formats.
    #[arg(long)]
    pub dms: bool,
    /// Decimals of distances (0 to 10); angles get 5 more, DMS seconds 1 more (as GeodSolve -p).
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u8).range(0..=10))]
    pub precision: u8,
    /// Great circles on a sphere of radius 6,371,008.8 m instead of geodesics on the WGS84 ellipsoid.
    #[arg(long)]
    pub sphere: bool,
}

impl SolveFlags {
    /// The printing style the flags ask for.
    pub fn style(&self) -> Style {
        let format = match self.format {
            FormatArg::Table => SolutionFormat::Table,
            FormatArg::Plain => SolutionFormat::Plain,
            FormatArg::Json => SolutionFormat::Json,
            FormatArg::Csv => SolutionFormat::Csv,
            FormatArg::Geojson => SolutionFormat::Geojson,
        };
        Style { format, unit: self.units.unit(), precision: usize::from(self.precision), dms: self.dms }
    }

    /// The figure of the earth.
    pub fn earth(&self) -> groundtrack::batch::Earth {
        if self.sphere { groundtrack::batch::Earth::Sphere } else { groundtrack::batch::Earth::Wgs84 }
    }
}

/// Resolves a point argument (coordinates, a place name, or a position phrase's nominal point); an error names
/// the argument.
pub fn locate(argument: &str, text: &str) -> groundtrack::Result<NamedPoint> {
    match resolve_location(text, Gazetteer::embedded(), 1.0) {
        Ok(r) => Ok(NamedPoint { name: r.name, point: r.point }),
        Err(e) => Err(invalid(argument, text, e)),
    }
}

/// An error about the argument `argument` given as `text`.
pub fn invalid(argument: &str, text: &str, e: impl std::fmt::Display) -> groundtrack::Error {
    groundtrack::Error::Invalid { what: format!("{argument} \"{text}\""), message: e.to_string() }
}
