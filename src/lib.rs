//! # groundtrack
//!
//! Missile-trajectory geodesy: check the figures of launch reports, run what-if calculations, and export
//! the geometry to mapping tools.
//!
//! The library is organised one module per concept of the field:
//!
//! - [`geodesy`]: geodesics on the WGS84 ellipsoid (Karney 2013), an explicit spherical model, rhumb lines,
//!   closest approach, intersections and range rings.
//! - [`parse`]: coordinates, quantities with units, stated figures with tolerance bands, compass directions and
//!   position phrases ("about 1,180 km east of Cape Erimo").
//! - [`places`]: the embedded gazetteer of launch sites, landmarks and targets (`data/places.csv`).
//! - [`report`]: the report file, the feasible impact region and the per-figure verdicts of `groundtrack check`.
//! - [`ballistics`]: Keplerian free-flight arcs (minimum-energy, lofted, depressed) and Earth rotation.
//! - [`output`]: GeoJSON (RFC 7946) and other writers.
//! - [`batch`]: one problem per input line, streamed and solved in parallel (`groundtrack batch`).
//!
//! Conventions everywhere: angles in degrees, azimuths clockwise from north, distances in metres, times in
//! seconds; points are [`geo_types::Point`] with `x` = longitude and `y` = latitude (GeoJSON order).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod ballistics;
pub mod batch;
pub mod error;
pub mod geodesy;
pub mod land;
pub mod map;
pub mod output;
pub mod parse;
pub mod places;
pub mod report;

pub use error::{Error, Result};
