//! The points of a track through waypoints, for listing (`groundtrack track`): each leg sampled along the
//! model's line, distances counted from the first waypoint.

use geo_types::Point;

use crate::geodesy::{EarthModel, GeodesyError, points_along_by_count, points_along_by_spacing};

/// How each leg is sampled.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::Sphere;
/// use groundtrack::output::{Sampling, sample_track};
/// let w = [Point::new(0.0, 0.0), Point::new(90.0, 0.0)];
/// // A quarter of the equator (10,007.5 km) in steps of at most 3,000 km: 4 segments.
/// assert_eq!(sample_track(&Sphere::mean_earth(), &w, Sampling::Spacing(3.0e6)).unwrap().len(), 5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Sampling {
    /// This many equal segments on every leg (at least 1).
    Count(usize),
    /// Equal segments no longer than this many metres on every leg.
    Spacing(f64),
}

/// One listed point of a track.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::Sphere;
/// use groundtrack::output::{Sampling, sample_track};
/// let w = [Point::new(0.0, 0.0), Point::new(90.0, 0.0)];
/// let p = sample_track(&Sphere::mean_earth(), &w, Sampling::Count(2)).unwrap()[1];
/// assert!((p.point.x() - 45.0).abs() < 1e-12 && (p.azimuth_deg - 90.0).abs() < 1e-12 && p.leg == 1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrackPoint {
    /// The leg the point lies on, from 1 (a waypoint that joins two legs is listed once, on the earlier leg).
    pub leg: usize,
    /// The point (lon, lat degrees).
    pub point: Point<f64>,
    /// Distance from the first waypoint along the track, metres.
    pub distance_m: f64,
    /// Forward azimuth of the leg at the point, degrees clockwise from north.
    pub azimuth_deg: f64,
}

/// Samples the track through `waypoints` (at least two) along `model`'s lines: each leg by
/// [`points_along_by_count`] or [`points_along_by_spacing`], joined without repeating the shared waypoints, with
/// distances accumulated over the legs.
///
/// # Errors
/// [`GeodesyError::InvalidArgument`] for fewer than two waypoints, a count of 0 or a spacing that is not a
/// positive distance; any error of the model.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::Ellipsoid;
/// use groundtrack::output::{Sampling, sample_track};
/// let w = [Point::new(0.0, 0.0), Point::new(1.0, 0.0), Point::new(1.0, 1.0)];
/// let pts = sample_track(&Ellipsoid::wgs84(), &w, Sampling::Count(2)).unwrap();
/// assert_eq!(pts.len(), 5);
/// assert_eq!((pts[2].leg, pts[3].leg), (1, 2));
/// // Along the equator, then up a meridian: GeodSolve -i gives 111319.491 m and 110574.389 m.
/// assert!((pts[4].distance_m - (111_319.491 + 110_574.389)).abs() < 0.002);
/// ```
pub fn sample_track<M: EarthModel + ?Sized>(
    model: &M,
    waypoints: &[Point<f64>],
    sampling: Sampling,
) -> Result<Vec<TrackPoint>, GeodesyError> {
    if waypoints.len() < 2 {
        return Err(GeodesyError::InvalidArgument("a track needs at least two waypoints".into()));
    }
    let mut out: Vec<TrackPoint> = Vec::new();
    let mut start_m = 0.0;
    for (i, pair) in waypoints.windows(2).enumerate() {
        let (a, b) = (pair[0], pair[1]);
        let leg = match sampling {
            Sampling::Count(n) => points_along_by_count(model, a, b, n)?,
            Sampling::Spacing(s) => points_along_by_spacing(model, a, b, s)?,
        };
        let skip = if i == 0 { 0 } else { 1 };
        let leg_length = leg.last().map_or(0.0, |p| p.distance_m);
        out.extend(leg.iter().skip(skip).map(|p| TrackPoint {
            leg: i + 1,
            point: p.point,
            distance_m: start_m + p.distance_m,
            azimuth_deg: p.azimuth_deg,
        }));
        start_m += leg_length;
    }
    Ok(out)
}
