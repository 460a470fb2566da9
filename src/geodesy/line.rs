//! Points along a line (geodesic, great circle or rhumb line) by count or by maximum spacing.

use geo_types::Point;

use super::{EarthModel, GeodesyError, InverseSolution};

/// One sampled point of a line, with its distance from the start and the forward azimuth there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinePoint {
    /// The point (lon, lat degrees).
    pub point: Point<f64>,
    /// Distance from the start along the line, metres.
    pub distance_m: f64,
    /// Forward azimuth at the point, degrees clockwise from north.
    pub azimuth_deg: f64,
}

/// Samples `n + 1` points from `from` to `to` along `model`'s line: point *i* lies at distance *i·s/n* from
/// the start, computed directly from the start by the direct problem (never by accumulating steps, which
/// drifts and can add a spurious point near the end), and the two end points are returned exactly as given.
///
/// Inputs: a model, two points (lon, lat degrees), the number of segments `segments` (at least 1).
/// Output: `segments + 1` points with their distances (metres) and azimuths (degrees).
///
/// # Errors
/// [`GeodesyError::InvalidArgument`] if `segments` is 0; any error of the model's inverse or direct problem.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::{Ellipsoid, points_along_by_count};
/// let a = Point::new(125.67, 39.2241);
/// let b = Point::new(143.2494, 41.9236);
/// let pts = points_along_by_count(&Ellipsoid::wgs84(), a, b, 10).unwrap();
/// assert_eq!(pts.len(), 11);
/// assert_eq!(pts[0].point, a);
/// assert_eq!(pts[10].point, b);
/// ```
pub fn points_along_by_count<M: EarthModel + ?Sized>(
    model: &M,
    from: Point<f64>,
    to: Point<f64>,
    segments: usize,
) -> Result<Vec<LinePoint>, GeodesyError> {
    if segments == 0 {
        return Err(GeodesyError::InvalidArgument("the number of segments must be at least 1".into()));
    }
    let inv = model.inverse(from, to)?;
    points_along(model, from, to, &inv, segments)
}

/// Samples points from `from` to `to` so that consecutive points are at most `max_spacing_m` metres apart
/// (equal spacing, the smallest count that satisfies the bound).
///
/// # Errors
/// [`GeodesyError::InvalidArgument`] if the spacing is not a positive finite number; any error of the model.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::{Ellipsoid, points_along_by_spacing};
/// let pts = points_along_by_spacing(&Ellipsoid::wgs84(), Point::new(0.0, 0.0), Point::new(1.0, 0.0), 50_000.0)
///     .unwrap();
/// assert_eq!(pts.len(), 4); // 111.3 km in three equal steps of 37.1 km
/// ```
pub fn points_along_by_spacing<M: EarthModel + ?Sized>(
    model: &M,
    from: Point<f64>,
    to: Point<f64>,
    max_spacing_m: f64,
) -> Result<Vec<LinePoint>, GeodesyError> {
    if !(max_spacing_m.is_finite() && max_spacing_m > 0.0) {
        return Err(GeodesyError::InvalidArgument(format!(
            "the spacing must be a positive distance, got {max_spacing_m} m"
        )));
    }
    let inv = model.inverse(from, to)?;
    let segments = ((inv.distance_m / max_spacing_m).ceil() as usize).max(1);
    points_along(model, from, to, &inv, segments)
}

/// Samples `segments + 1` points along a line whose inverse solution `inv` is already known.
///
/// # Errors
/// [`GeodesyError::InvalidArgument`] if `segments` is 0; any error of the model's direct problem.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::{EarthModel, Sphere, points_along};
/// let (a, b) = (Point::new(0.0, 0.0), Point::new(90.0, 0.0));
/// let inv = Sphere::mean_earth().inverse(a, b).unwrap();
/// let pts = points_along(&Sphere::mean_earth(), a, b, &inv, 2).unwrap();
/// assert!((pts[1].point.x() - 45.0).abs() < 1e-9);
/// ```
pub fn points_along<M: EarthModel + ?Sized>(
    model: &M,
    from: Point<f64>,
    to: Point<f64>,
    inv: &InverseSolution,
    segments: usize,
) -> Result<Vec<LinePoint>, GeodesyError> {
    if segments == 0 {
        return Err(GeodesyError::InvalidArgument("the number of segments must be at least 1".into()));
    }
    let mut out = Vec::with_capacity(segments + 1);
    out.push(LinePoint { point: from, distance_m: 0.0, azimuth_deg: inv.azimuth1_deg });
    for i in 1..segments {
        let s = inv.distance_m * (i as f64) / (segments as f64);
        let d = model.direct(from, inv.azimuth1_deg, s)?;
        out.push(LinePoint { point: d.point, distance_m: s, azimuth_deg: d.azimuth2_deg });
    }
    out.push(LinePoint { point: to, distance_m: inv.distance_m, azimuth_deg: inv.azimuth2_deg });
    Ok(out)
}
