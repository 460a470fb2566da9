//! Output formats: GeoJSON (RFC 7946) and others.
//!
//! Every command that writes a map goes through this module:
//!
//! - [`path_geometry`]: a path (vertices joined by the model's line: geodesic, great circle or rhumb line),
//!   densified so that straight lon/lat segments stay within a tolerance of the true line ([`densify_path`]),
//!   and cut at the antimeridian at the line's true crossing latitude.
//! - [`ring_geometry`] / [`ring_geometry_with`]: a closed ring (range ring, feasible region) as a polygon,
//!   counter-clockwise, cut at the antimeridian and closed along a pole it contains; [`geodesic_circle_crossing`]
//!   places the cuts of a range ring on the true circle.
//! - [`feature`], [`point_feature`], [`feature_collection`]: GeoJSON objects with coordinates rounded to 7
//!   decimals ([`round_coordinate`]), `[lon, lat]` order, no `crs`.
//! - [`write_geojson`], [`write_atomic`]: files written atomically (temporary file, fsync, rename).
//! - [`kml`], [`gpx`], [`csv_export`]: KML 2.2, GPX 1.1 and CSV-with-WKT writers and readers;
//!   [`ExportFormat`], [`write_collection`] and [`read_collection`] choose among them by name or extension.
//!
//! Reference: H. Butler et al., *The GeoJSON Format*, RFC 7946 (2016), sec. 3.1 (geometry, ring orientation
//! 3.1.6, antimeridian cutting 3.1.9), sec. 4 (no `crs`), sec. 11.2 (coordinate precision).

mod atomic;
pub mod check_geojson;
pub mod check_text;
pub mod csv_export;
mod densify;
mod dms;
mod export;
mod features;
mod fixed;
pub mod geometry_geojson;
pub mod geometry_json;
pub mod geometry_reach;
pub mod geometry_report;
pub mod geometry_text;
pub mod gpx;
pub mod kml;
mod path;
mod ring;
pub mod solution_format;
pub mod table;
mod track;
pub mod trajectory_geojson;
pub mod trajectory_json;
pub mod trajectory_kml;
pub mod trajectory_land;
pub mod trajectory_report;
pub mod trajectory_text;
pub mod trajectory_track;

pub use atomic::{check_outputs, check_target, write_atomic};
pub use densify::{MIN_DEVIATION_M, densify_path};
pub use dms::{AngleKind, format_dms};
pub use export::{ExportFormat, check_positions, read_collection, write_collection};
pub use features::{
    COORDINATE_DECIMALS, Properties, feature, feature_collection, point_feature, round_coordinate,
    to_geojson_string, write_geojson,
};
pub(crate) use features::{feature_of_value, props};
pub use fixed::{fixed, write_fixed};
pub use path::path_geometry;
pub use ring::{geodesic_circle_crossing, ring_geometry, ring_geometry_with};
pub use track::{Sampling, TrackPoint, land_features_along, sample_track};
