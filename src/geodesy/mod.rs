//! Geodesy: the questions "how far, which way" and "where do I end up", asked of a model of the earth.
//!
//! Three models answer the same two questions through one trait, [`EarthModel`]:
//!
//! - [`Ellipsoid`]: geodesics on the WGS84 ellipsoid by Karney's algorithms (C. F. F. Karney, *Algorithms for
//!   geodesics*, J. Geodesy 87:43-55, 2013, <https://doi.org/10.1007/s00190-012-0578-z>), through the
//!   `geographiclib-rs` crate. This is the default everywhere.
//! - [`Sphere`]: great circles on a sphere (mean radius 6,371,008.8 m by default), only when asked for, for
//!   comparison with spherical tools.
//! - [`Rhumb`]: rhumb lines (loxodromes, lines of constant azimuth) on the WGS84 ellipsoid.
//!
//! Conventions: points are [`geo_types::Point`] with `x` = longitude and `y` = latitude in degrees; azimuths in
//! degrees clockwise from north; distances in metres.

mod ellipsoid;
mod intercept;
mod intersect;
mod line;
mod rhumb;
mod ring;
mod sphere;

pub use ellipsoid::Ellipsoid;
pub use intercept::{
    ClosestApproach, SegmentEnd, closest_approach, closest_approach_from_azimuth, closest_approach_on_segment,
};
pub use intersect::{Intersection, intersect, intersect_azimuths};
pub use line::{LinePoint, points_along, points_along_by_count, points_along_by_spacing};
pub use rhumb::Rhumb;
pub use ring::{RangeRing, RingShape, range_ring};
pub use sphere::Sphere;

use geo_types::Point;

/// WGS84 equatorial radius *a* in metres (NIMA TR8350.2, 2000, table 3.1).
pub const WGS84_A: f64 = 6_378_137.0;
/// WGS84 flattening *f* (NIMA TR8350.2, 2000, table 3.1).
pub const WGS84_F: f64 = 1.0 / 298.257_223_563;
/// Half a meridian of WGS84 in metres: the longest distance between two points of the ellipsoid (for an oblate
/// ellipsoid the shortest path between antipodal points runs over the poles; Karney 2013, J. Geodesy 87:43-55,
/// sec. 7). A point "this far from" another exists only up to this distance.
/// Value: `echo 90 0 -90 0 | GeodSolve -i -p 9` gives 20003931.458625447.
pub const WGS84_HALF_MERIDIAN_M: f64 = 20_003_931.458_625_447;
/// Mean radius of the earth in metres, (2a + b)/3 for WGS84 (IUGG; Moritz 1980, *Geodetic Reference System
/// 1980*), used by [`Sphere::mean_earth`].
pub const MEAN_EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Why a geodesic or rhumb-line computation has no answer.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GeodesyError {
    /// A latitude outside [-90, 90] degrees or not a finite number.
    #[error("latitude {0} is outside [-90, 90] degrees")]
    LatitudeOutOfRange(f64),
    /// A longitude, azimuth or distance that is NaN or infinite.
    #[error("{what} is not a finite number ({value})")]
    NotFinite {
        /// Which input (for example "longitude", "azimuth", "distance").
        what: &'static str,
        /// The value given.
        value: f64,
    },
    /// The answer does not exist, for example a rhumb line that passes through a pole.
    #[error("undefined: {0}")]
    Undefined(String),
    /// A negative or otherwise unusable distance or count.
    #[error("{0}")]
    InvalidArgument(String),
}

/// The solution of the inverse problem: the shortest line (or rhumb line) between two points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InverseSolution {
    /// Distance s12 from the first to the second point, metres.
    pub distance_m: f64,
    /// Azimuth azi1 at the first point, degrees clockwise from north, in [-180, 180].
    pub azimuth1_deg: f64,
    /// Forward azimuth azi2 at the second point (the direction of travel there, not the back azimuth), degrees
    /// clockwise from north, in [-180, 180].
    pub azimuth2_deg: f64,
}

/// The solution of the direct problem: where a line leaving a point at an azimuth ends after a distance.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DirectSolution {
    /// The end point, longitude normalised to [-180, 180).
    pub point: Point<f64>,
    /// Forward azimuth azi2 at the end point, degrees clockwise from north.
    pub azimuth2_deg: f64,
}

/// A model of the earth that solves the two basic problems of geodesy.
///
/// Implemented by [`Ellipsoid`] (geodesics on WGS84, the default), [`Sphere`] (great circles) and [`Rhumb`]
/// (constant-azimuth lines on WGS84). Algorithms that only need these two problems (sampling a line, range rings,
/// densification) are written once, generic over the model.
pub trait EarthModel {
    /// Solves the inverse problem from `from` to `to`.
    ///
    /// Inputs: two points (lon, lat degrees). Output: distance in metres and azimuths in degrees.
    ///
    /// # Errors
    /// [`GeodesyError::LatitudeOutOfRange`] or [`GeodesyError::NotFinite`] for invalid input;
    /// [`GeodesyError::Undefined`] where the model has no answer.
    fn inverse(&self, from: Point<f64>, to: Point<f64>) -> Result<InverseSolution, GeodesyError>;

    /// Solves the direct problem: leave `from` at `azimuth_deg` (clockwise from north) and travel `distance_m`
    /// metres (negative travels backwards).
    ///
    /// # Errors
    /// [`GeodesyError::LatitudeOutOfRange`] or [`GeodesyError::NotFinite`] for invalid input;
    /// [`GeodesyError::Undefined`] where the model has no answer (a rhumb line through a pole).
    fn direct(
        &self,
        from: Point<f64>,
        azimuth_deg: f64,
        distance_m: f64,
    ) -> Result<DirectSolution, GeodesyError>;

    /// A short name of the model for output ("WGS84 geodesic", "sphere", "WGS84 rhumb line").
    fn name(&self) -> &'static str;
}

/// Checks that a point has a latitude in [-90, 90] and a finite longitude.
///
/// # Errors
/// [`GeodesyError::LatitudeOutOfRange`] or [`GeodesyError::NotFinite`].
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::validate_point;
/// assert!(validate_point(Point::new(125.67, 39.22)).is_ok());
/// assert!(validate_point(Point::new(0.0, 91.0)).is_err());
/// ```
pub fn validate_point(p: Point<f64>) -> Result<(), GeodesyError> {
    if !(p.y().is_finite() && (-90.0..=90.0).contains(&p.y())) {
        return Err(GeodesyError::LatitudeOutOfRange(p.y()));
    }
    validate_finite("longitude", p.x())
}

/// Checks that a value is finite, naming it in the error.
///
/// # Errors
/// [`GeodesyError::NotFinite`] when `value` is NaN or infinite.
///
/// # Example
/// ```
/// use groundtrack::geodesy::validate_finite;
/// assert!(validate_finite("distance", 1.0).is_ok());
/// assert!(validate_finite("distance", f64::NAN).is_err());
/// ```
pub fn validate_finite(what: &'static str, value: f64) -> Result<(), GeodesyError> {
    if value.is_finite() { Ok(()) } else { Err(GeodesyError::NotFinite { what, value }) }
}

/// Checks the inputs of the inverse problem ([`EarthModel::inverse`]): both points, `from` first.
///
/// # Errors
/// As [`validate_point`], for the first invalid point.
pub(crate) fn validate_inverse(from: Point<f64>, to: Point<f64>) -> Result<(), GeodesyError> {
    validate_point(from)?;
    validate_point(to)
}

/// Checks the inputs of the direct problem ([`EarthModel::direct`]): the point, then the azimuth, then the
/// distance, each named in its error.
///
/// # Errors
/// As [`validate_point`] and [`validate_finite`], for the first invalid input.
pub(crate) fn validate_direct(
    from: Point<f64>,
    azimuth_deg: f64,
    distance_m: f64,
) -> Result<(), GeodesyError> {
    validate_point(from)?;
    validate_finite("azimuth", azimuth_deg)?;
    validate_finite("distance", distance_m)
}

/// Reduces a longitude (or any angle) in degrees to [-180, 180).
///
/// Exact for multiples of 360: uses the IEEE remainder, as GeographicLib's `AngNormalize` does (Karney 2013,
/// sec. 2 remarks on reducing angles exactly).
///
/// # Example
/// ```
/// use groundtrack::geodesy::normalize_longitude;
/// assert_eq!(normalize_longitude(180.0), -180.0);
/// assert_eq!(normalize_longitude(-190.0), 170.0);
/// assert_eq!(normalize_longitude(540.0), -180.0);
/// ```
pub fn normalize_longitude(lon: f64) -> f64 {
    let r = lon % 360.0; // exact
    let r = if r < -180.0 {
        r + 360.0
    } else if r >= 180.0 {
        r - 360.0
    } else {
        r
    };
    if r == 0.0 { 0.0 } else { r }
}
