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

/// The stretches of a track over land as GeoJSON features drawn along the track itself.
///
/// Inputs: the model whose line joins consecutive vertices and the vertices (lon, lat degrees), both as given to
/// [`crate::land::land_stretches`]; the stretches it found along them. Output: one LineString (or
/// MultiLineString, cut at the antimeridian) feature per stretch, with the properties of
/// [`crate::land::stretch_features`] (`role` = `land`, `name` = the country, `iso_n3`, `entry_along_km`,
/// `exit_along_km`, `length_km`, `entry_time_s`, `exit_time_s`), whose path runs from the entry through every
/// vertex lying between entry and exit along the track to the exit, joined by the model's line and densified to
/// within 1 km ([`super::path_geometry`]). Unlike [`crate::land::stretch_features`], which joins entry and exit
/// by one geodesic, a stretch that turns at a waypoint, follows a rhumb line or a curved ground track is drawn
/// where the track goes.
///
/// # Errors
/// [`crate::Error::Geodesy`] if a line of the model cannot be computed.
///
/// # Example
/// ```
/// use geo_types::{Geometry, Point};
/// use groundtrack::geodesy::Rhumb;
/// use groundtrack::land::{Countries, OverflightOptions, land_stretches};
/// use groundtrack::output::land_features_along;
/// // Due east along the 43rd parallel (a rhumb line) across Hokkaido: the drawn stretch keeps to 43 N, where
/// // the geodesic between its ends would bulge north of it.
/// let (model, track) = (Rhumb::wgs84(), [Point::new(139.0, 43.0), Point::new(146.5, 43.0)]);
/// let s = land_stretches(&model, &track, Countries::embedded().unwrap(), &OverflightOptions::default()).unwrap();
/// let f = land_features_along(&model, &track, &s).unwrap();
/// assert_eq!(f.len(), s.len());
/// assert_eq!(f[0].property("role").unwrap(), "land");
/// let g: Geometry<f64> = f[0].geometry.clone().unwrap().try_into().unwrap();
/// let Geometry::LineString(line) = g else { panic!() };
/// assert!(line.points().all(|p| (p.y() - 43.0).abs() < 1e-6));
/// ```
pub fn land_features_along<M: EarthModel + ?Sized>(
    model: &M,
    vertices: &[Point<f64>],
    stretches: &[crate::land::LandStretch],
) -> crate::Result<Vec<geojson::Feature>> {
    // Distance of each vertex from the start along the track, as land_stretches counts it.
    let mut along = Vec::with_capacity(vertices.len());
    let mut total = 0.0;
    along.push(0.0);
    for pair in vertices.windows(2) {
        total += model.inverse(pair[0], pair[1])?.distance_m;
        along.push(total);
    }
    let features = crate::land::stretch_features(stretches)?;
    stretches
        .iter()
        .zip(features)
        .map(|(s, f)| {
            let mut path = vec![s.entry];
            path.extend(
                vertices
                    .iter()
                    .zip(&along)
                    .filter(|(_, a)| **a > s.entry_along_m && **a < s.exit_along_m)
                    .map(|(v, _)| *v),
            );
            path.push(s.exit);
            let geometry = super::path_geometry(model, &path, 1_000.0)?;
            Ok(super::feature(&geometry, f.properties.unwrap_or_default()))
        })
        .collect()
}
