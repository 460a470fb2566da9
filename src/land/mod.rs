//! Land: which country lies under a point, and which stretches of a track pass over land.
//!
//! The country outlines are Natural Earth's Admin 0 countries at 1:50m (public domain; version 4.1.0 as
//! redistributed by the npm package `world-atlas` 2.0.2), converted once by `scripts/convert_countries.py` into
//! `data/land/countries-50m.geojson` and embedded in the library (provenance: `data/land/README.md`). The
//! source grid is 0.0036 degrees of longitude by 0.0017 degrees of latitude (about 300 m by 190 m at 42 N), so
//! a coastline is known to a few hundred metres; 1:50m is the coarsest Natural Earth scale that resolves
//! Hokkaido's Oshima Peninsula.
//!
//! - [`Countries`]: the polygons, with [`Countries::country_at`] (point in polygon, bounding boxes first).
//! - [`land_stretches`] / [`overflights`]: the stretches of a geodesic track over land, with entry and exit
//!   points and along-track distances; [`with_times`] adds times from a trajectory; [`stretch_features`] makes
//!   them GeoJSON features (role `land`).
//! - [`Countries::areas`] / [`area_stretches`]: outlines of the gazetteer's area places (Hokkaido, the Oshima
//!   Peninsula, Okushiri, Okinawa and Miyako islands; `data/land/areas.geojson`), so that the overflight of an
//!   area can test its polygon instead of a radius; [`AreaOutline::approach`] gives how far a geodesic segment
//!   passes from such an outline (0 when it crosses it), fast enough for the feasible-region grid.
//!
//! Method and error bound: the track is sampled on the true line (direct problem from each vertex, every
//! [`DEFAULT_SPACING_M`] at most), each sample is tested against the polygons in longitude/latitude (the plane in
//! which Natural Earth's straight edges are defined), and every change of country between two samples is
//! bisected along the line down to [`DEFAULT_TOLERANCE_M`]. An entry or exit is therefore within the tolerance of
//! where the true line meets the polygon; a piece of land (or sea) narrower along the track than the spacing can
//! be missed.

mod areas;
mod countries;
mod outline;
mod overflight;

pub use areas::area_stretches;
pub use countries::{Countries, Country};
pub use outline::{AreaOutline, OUTLINE_SPACING_M, OutlineApproach};
pub use overflight::{
    DEFAULT_SPACING_M, DEFAULT_TOLERANCE_M, LandStretch, OverflightOptions, land_stretches, overflights,
    with_times,
};

/// Why the land data or an overflight computation failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LandError {
    /// The country polygons could not be read (the embedded file or one given to [`Countries::from_geojson`]).
    #[error("land data: {0}")]
    Data(String),
    /// A track or an option that cannot be used (no vertex, a spacing that is not a positive distance).
    #[error("{what}: {message}")]
    Invalid {
        /// Which input.
        what: &'static str,
        /// What is wrong and what would be accepted.
        message: String,
    },
    /// The line between two track vertices could not be computed.
    #[error(transparent)]
    Geodesy(#[from] crate::geodesy::GeodesyError),
}

mod features;
pub use features::stretch_features;
