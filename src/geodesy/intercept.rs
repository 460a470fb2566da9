//! Closest approach of a point to a geodesic on the ellipsoid: the interception problem of C. F. F. Karney,
//! *Algorithms for geodesics*, J. Geodesy 87:43-55 (2013), sec. 8, solved with the ellipsoidal gnomonic
//! projection.
//!
//! The gnomonic projection about a centre C maps a point P to the radius ρ = m12/M12 along the azimuth azi1
//! of the geodesic C→P at C (m12 the reduced length, M12 the geodesic scale of that geodesic; Karney 2013,
//! sec. 8). Geodesics through C map to straight lines, nearby geodesics to very nearly straight ones, and
//! azimuths at C are true. So with C on the line, the line is the straight line through the origin at its
//! azimuth, the foot of the perpendicular from the image of P lies on it at radius ρ·cos(azi1 − azi_line),
//! and the point of the line at that radius is the next C. At the fixed point the geodesic C→P meets the line
//! at a right angle, which is the condition for the nearest point, so the answer is exact; each step removes
//! all but a small fraction of the remaining error (the straightness defect of the projection is of order
//! f·(r/a)³, Karney 2013, sec. 8).

use geo_types::Point;
use geographiclib_rs::{Geodesic, GeodesicLine, InverseGeodesic, capability as caps};

use super::{Ellipsoid, GeodesyError, normalize_longitude, validate_finite, validate_point};

/// Outputs of a position on a [`GeodesicLine`]: latitude, longitude, azimuth and distance.
const POSITION: u64 = caps::LATITUDE | caps::LONGITUDE | caps::AZIMUTH | caps::DISTANCE | caps::DISTANCE_IN;
/// [`POSITION`] plus the reduced length m12 and the geodesic scales M12, M21.
const SCALES: u64 = POSITION | caps::REDUCEDLENGTH | caps::GEODESICSCALE;
/// Number of samples of one lap (360° of arc on the auxiliary sphere) used to start the iteration near the
/// nearest point: 5.625° apart, so the start is within about 2.8° of arc of the answer.
const LAP_SAMPLES: usize = 64;
/// The interception iteration stops when a step moves the nearest point less than this, metres.
const STEP_TOLERANCE_M: f64 = 1e-7;
/// A step below this that no longer shrinks is round-off: the iteration has converged, metres.
const NOISE_FLOOR_M: f64 = 1e-4;
/// Upper bound on the interception steps (the iteration normally converges in 2 to 4).
const MAX_STEPS: usize = 40;
/// The Newton iteration of the reverse gnomonic projection stops after a step below this, metres.
const NEWTON_TOLERANCE_M: f64 = 1e-6;
/// Upper bound on the Newton steps of the reverse gnomonic projection along a line through the centre.
const MAX_NEWTON: usize = 30;

/// Which end of a segment is its nearest point to a given point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentEnd {
    /// The first point A of the segment.
    Start,
    /// The second point B of the segment.
    End,
}

/// The nearest point of a geodesic (or geodesic segment) to a given point P, and how far P is from it.
///
/// All distances in metres, measured along geodesics of the WGS84 ellipsoid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClosestApproach {
    /// The nearest point of the line (lon, lat degrees; longitude in [-180, 180)). For a segment whose
    /// nearest point is an end point, that end point exactly as given.
    pub point: Point<f64>,
    /// Signed cross-track distance of P from the full geodesic, metres: the length of the geodesic from the
    /// geodesic's nearest point to P, positive when P is to the LEFT of the direction of travel A→B (or of
    /// the given azimuth), negative to the right. For a segment this still refers to the full geodesic.
    pub cross_track_m: f64,
    /// Along-track distance from A to [`ClosestApproach::point`] along the line, metres, signed: negative
    /// when the point is behind A. Within one lap of the geodesic (between -180° and +180° of arc from A).
    pub along_track_m: f64,
    /// The shortest distance from P to the line, metres: `|cross_track_m|`, or, for a segment whose nearest
    /// point is an end point, the distance from P to that end point.
    pub distance_m: f64,
    /// For a segment, `Some` end when the nearest point is an end point; `None` for an interior point and
    /// always for a full geodesic.
    pub at_end: Option<SegmentEnd>,
}

/// The shortest distance from `p` to the full geodesic through `a` and `b`, the nearest point and the
/// along-track distance from `a` to it.
///
/// Inputs: the ellipsoid, three points (lon, lat degrees). The geodesic is the one the inverse problem gives
/// from `a` to `b`, extended both ways for one lap (±180° of arc on the auxiliary sphere from `a`): on an
/// ellipsoid a geodesic does not close, so "the full geodesic" means that lap.
///
/// Method: Karney 2013 (J. Geodesy 87:43-55), sec. 8, the interception problem solved by iterating the
/// ellipsoidal gnomonic projection about the current estimate of the nearest point (see the module
/// documentation). The iteration needs P within the hemisphere about the centre (the projection has M12 > 0
/// only there), so it starts from the best of 64 samples spaced 5.625° of arc along the lap; the start is
/// then within about 3° of arc of the answer and P within 90° of it except when P is near a pole of the
/// geodesic. It stops when a step is below 0.1 µm, or below 0.1 mm and no longer shrinking (round-off, only
/// in ill-conditioned cases); normally after 2 to 4 steps.
///
/// Ill-conditioned case: when P is near a pole of the geodesic (about 90° of arc from every point of it), the
/// distance hardly varies along the line and the nearest point is ill-defined. If P is then over the gnomonic
/// horizon of the current estimate, or a step leaves the neighbourhood of the best sample, the iteration is
/// abandoned for a golden-section search of the distance between the two samples next to the best one. The
/// distance is then right (it varies little), the point is one of the nearly equidistant ones. For P at the
/// North Pole and the equator as the line, the distance is the quarter meridian and the point somewhere on
/// the equator near the best sample.
///
/// # Errors
/// [`GeodesyError::LatitudeOutOfRange`] or [`GeodesyError::NotFinite`] for invalid points;
/// [`GeodesyError::InvalidArgument`] if `a` and `b` coincide (a zero-length line has no direction).
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::{Ellipsoid, closest_approach};
/// // (1N, 5E) is one degree of meridian from the equator:
/// // GeodSolve -i -p 12 <<< "0 5 1 5" gives 110574.38855780 m.
/// let (p, a, b) = (Point::new(5.0, 1.0), Point::new(0.0, 0.0), Point::new(10.0, 0.0));
/// let c = closest_approach(&Ellipsoid::wgs84(), p, a, b).unwrap();
/// assert!((c.distance_m - 110_574.388_558).abs() < 1e-3);
/// assert!(c.cross_track_m > 0.0); // north of an eastbound line is on the left
/// assert!((c.along_track_m - 556_597.453_966).abs() < 1e-3); // GeodSolve -i -p 12 <<< "0 0 0 5"
/// ```
pub fn closest_approach(
    ellipsoid: &Ellipsoid,
    p: Point<f64>,
    a: Point<f64>,
    b: Point<f64>,
) -> Result<ClosestApproach, GeodesyError> {
    let (foot, _length) = foot_on_line(ellipsoid.geodesic(), p, a, b)?;
    Ok(foot.approach(None))
}

/// The closest approach of `p` to the full geodesic leaving `a` at `azimuth_deg` (degrees clockwise from
/// north).
///
/// Same definitions and method as [`closest_approach`]; the along-track distance is measured from `a` in the
/// direction of `azimuth_deg`, and the cross-track distance is positive to the left of that direction.
///
/// # Errors
/// [`GeodesyError::LatitudeOutOfRange`] or [`GeodesyError::NotFinite`] for invalid points or azimuth.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::{Ellipsoid, closest_approach_from_azimuth};
/// // The meridian through (0, 0) heading north; (1E, 1N) is east of it, so on the right.
/// let (p, a) = (Point::new(1.0, 1.0), Point::new(0.0, 0.0));
/// let c = closest_approach_from_azimuth(&Ellipsoid::wgs84(), p, a, 0.0).unwrap();
/// assert!(c.cross_track_m < 0.0);
/// assert!(c.point.x().abs() < 1e-9);
/// ```
pub fn closest_approach_from_azimuth(
    ellipsoid: &Ellipsoid,
    p: Point<f64>,
    a: Point<f64>,
    azimuth_deg: f64,
) -> Result<ClosestApproach, GeodesyError> {
    validate_point(p)?;
    validate_point(a)?;
    validate_finite("azimuth", azimuth_deg)?;
    let track = Track::new(ellipsoid.geodesic(), a, azimuth_deg);
    Ok(nearest_on_track(&track, p).approach(None))
}

/// The closest approach of `p` to the geodesic segment from `a` to `b` (the shortest path between them).
///
/// When the nearest point of the full geodesic (see [`closest_approach`]) lies between `a` and `b`, that is
/// the answer; otherwise the nearer end point is, with [`ClosestApproach::at_end`] set, `point` equal to that
/// end point, `along_track_m` 0 or the segment's length, and `distance_m` the distance from `p` to it
/// (`cross_track_m` stays the signed distance from the full geodesic). Along one lap the distance to a point
/// has a single minimum (exactly on a sphere, and on the ellipsoid except near a pole of the geodesic), so no
/// interior point of the segment can then be nearer.
///
/// # Errors
/// [`GeodesyError::LatitudeOutOfRange`] or [`GeodesyError::NotFinite`] for invalid points;
/// [`GeodesyError::InvalidArgument`] if `a` and `b` coincide.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::{Ellipsoid, SegmentEnd, closest_approach_on_segment};
/// let (a, b) = (Point::new(0.0, 0.0), Point::new(10.0, 0.0));
/// // (20E, 1N) is beyond the end of the segment along the equator: the nearest point is B.
/// let c = closest_approach_on_segment(&Ellipsoid::wgs84(), Point::new(20.0, 1.0), a, b).unwrap();
/// assert_eq!(c.at_end, Some(SegmentEnd::End));
/// assert_eq!(c.point, b);
/// assert!(c.distance_m > c.cross_track_m.abs());
/// ```
pub fn closest_approach_on_segment(
    ellipsoid: &Ellipsoid,
    p: Point<f64>,
    a: Point<f64>,
    b: Point<f64>,
) -> Result<ClosestApproach, GeodesyError> {
    let geod = ellipsoid.geodesic();
    let (foot, length) = foot_on_line(geod, p, a, b)?;
    let end = if foot.along < 0.0 {
        Some((SegmentEnd::Start, a, 0.0))
    } else if foot.along > length {
        Some((SegmentEnd::End, b, length))
    } else {
        None
    };
    let mut approach = foot.approach(None);
    if let Some((which, point, along)) = end {
        let distance: f64 = geod.inverse(point.y(), point.x(), p.y(), p.x());
        approach.point = point;
        approach.along_track_m = along;
        approach.distance_m = distance;
        approach.at_end = Some(which);
    }
    Ok(approach)
}

/// The prologue of [`closest_approach`] and [`closest_approach_on_segment`]: checks `p`, `a` and `b` (in that
/// order), and finds the nearest point of the full geodesic through `a` and `b` to `p`. Returns it with the
/// length of the segment from `a` to `b`, metres.
///
/// # Errors
/// Invalid points; [`GeodesyError::InvalidArgument`] when `a` and `b` coincide.
fn foot_on_line(
    geod: &Geodesic,
    p: Point<f64>,
    a: Point<f64>,
    b: Point<f64>,
) -> Result<(Foot, f64), GeodesyError> {
    validate_point(p)?;
    let (azimuth, length) = line_through(geod, a, b, "closest approach")?;
    let track = Track::new(geod, a, azimuth);
    Ok((nearest_on_track(&track, p), length))
}

/// Checks two points and returns the azimuth at `a` and the length of the shortest geodesic from `a` to `b`.
///
/// # Errors
/// Invalid points; [`GeodesyError::InvalidArgument`] when the points coincide.
pub(super) fn line_through(
    geod: &Geodesic,
    a: Point<f64>,
    b: Point<f64>,
    what: &str,
) -> Result<(f64, f64), GeodesyError> {
    validate_point(a)?;
    validate_point(b)?;
    let (s12, azi1, _azi2, _a12): (f64, f64, f64, f64) = geod.inverse(a.y(), a.x(), b.y(), b.x());
    if s12 == 0.0 {
        return Err(GeodesyError::InvalidArgument(format!(
            "{what}: the line's two points ({}, {}) and ({}, {}) coincide, so it has no direction; give two \
             distinct points or a point and an azimuth",
            a.y(),
            a.x(),
            b.y(),
            b.x()
        )));
    }
    Ok((azi1, s12))
}

/// A geodesic parametrised by the signed distance from its start point.
pub(super) struct Track<'a> {
    pub(super) geod: &'a Geodesic,
    line: GeodesicLine,
}

/// A point of a [`Track`].
#[derive(Debug, Clone, Copy)]
pub(super) struct TrackPoint {
    /// Latitude, degrees.
    pub(super) lat: f64,
    /// Longitude, degrees (not reduced).
    pub(super) lon: f64,
    /// Forward azimuth of the geodesic here, degrees.
    pub(super) azimuth: f64,
    /// Signed distance from the start, metres.
    pub(super) s: f64,
}

impl TrackPoint {
    /// The point with its longitude reduced to [-180, 180).
    pub(super) fn point(&self) -> Point<f64> {
        Point::new(normalize_longitude(self.lon), self.lat)
    }
}

impl<'a> Track<'a> {
    /// The geodesic leaving `start` at `azimuth` degrees.
    pub(super) fn new(geod: &'a Geodesic, start: Point<f64>, azimuth: f64) -> Self {
        let line = GeodesicLine::new(geod, start.y(), start.x(), azimuth, Some(SCALES), None, None);
        Self { geod, line }
    }

    /// The point at signed distance `s` metres from the start.
    pub(super) fn at(&self, s: f64) -> TrackPoint {
        let (_a12, lat, lon, azimuth, _s12, _m12, _mm12, _mm21, _ss12) =
            self.line._gen_position(false, s, POSITION);
        TrackPoint { lat, lon, azimuth, s }
    }

    /// The point at signed arc length `a12` degrees (on the auxiliary sphere) from the start.
    fn at_arc(&self, a12: f64) -> TrackPoint {
        let (_a12, lat, lon, azimuth, s, _m12, _mm12, _mm21, _ss12) =
            self.line._gen_position(true, a12, POSITION);
        TrackPoint { lat, lon, azimuth, s }
    }
}

/// The solution of the inverse problem with the quantities the gnomonic projection needs.
#[derive(Debug, Clone, Copy)]
pub(super) struct GnomonicInverse {
    /// Distance s12, metres.
    pub(super) s12: f64,
    /// Azimuth at the centre, degrees.
    pub(super) azi1: f64,
    /// Forward azimuth at the projected point, degrees.
    pub(super) azi2: f64,
    /// Reduced length m12, metres.
    pub(super) m12: f64,
    /// Geodesic scale M12 of the projected point relative to the centre: the reciprocal azimuthal scale of
    /// the projection; positive only within the projection's hemisphere.
    pub(super) big_m12: f64,
}

impl GnomonicInverse {
    /// The inverse problem from the centre `(lat1, lon1)` to `(lat2, lon2)`.
    pub(super) fn new(geod: &Geodesic, lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> Self {
        let (s12, azi1, azi2, m12, big_m12, _big_m21, _a12): (f64, f64, f64, f64, f64, f64, f64) =
            geod.inverse(lat1, lon1, lat2, lon2);
        Self { s12, azi1, azi2, m12, big_m12 }
    }

    /// The gnomonic radius ρ = m12/M12 (Karney 2013, sec. 8), or `None` over the horizon (M12 <= 0).
    pub(super) fn rho(&self) -> Option<f64> {
        (self.big_m12 > 0.0).then(|| self.m12 / self.big_m12)
    }
}

/// The distance along the geodesic through `centre` (in the direction of `centre.azimuth`) of the point with
/// signed gnomonic radius `rho` about `centre`: the reverse gnomonic projection of a point on a straight line
/// through the origin.
///
/// Solves m12(s)/M12(s) = ρ by Newton's method with d(m12/M12)/ds = 1/M12², which follows from the
/// derivatives dm12/ds = M21 and dM12/ds = -(1 - M12·M21)/m12 of the reduced length and geodesic scale
/// (Karney 2013, the differential quantities; used the same way for the reverse projection in sec. 8); for
/// |ρ| > a the equivalent M12/m12 = 1/ρ, with d(M12/m12)/ds = -1/m12², is solved instead. Starts from the
/// spherical value a·atan(ρ/a). Returns `None` if the iteration leaves the hemisphere (M12 <= 0) or fails to
/// converge.
pub(super) fn gnomonic_distance(geod: &Geodesic, centre: TrackPoint, rho: f64) -> Option<f64> {
    let a = geod.equatorial_radius();
    let line = GeodesicLine::new(geod, centre.lat, centre.lon, centre.azimuth, Some(SCALES), None, None);
    let little = rho.abs() <= a;
    let mut s = a * (rho / a).atan();
    for _ in 0..MAX_NEWTON {
        let (_a12, _lat, _lon, _azi, _s12, m12, big_m12, _big_m21, _ss12) =
            line._gen_position(false, s, SCALES);
        if big_m12.is_nan() || big_m12 <= 0.0 {
            return None;
        }
        let ds = if little {
            (rho - m12 / big_m12) * big_m12 * big_m12
        } else {
            (big_m12 / m12 - 1.0 / rho) * m12 * m12
        };
        s += ds;
        if !s.is_finite() {
            return None;
        }
        // Quadratic convergence: after a step below 1 µm the error is far below round-off (m12 itself is only
        // accurate to about 1e-10 m in absolute terms, so a relative test could fail for tiny s).
        if ds.abs() <= NEWTON_TOLERANCE_M {
            return Some(s);
        }
    }
    None
}

/// The nearest point of a track to P.
#[derive(Debug, Clone, Copy)]
struct Foot {
    /// The nearest point.
    at: TrackPoint,
    /// Signed distance from the track's start, metres.
    along: f64,
    /// Distance from P, metres.
    distance: f64,
    /// Azimuth at the nearest point of the geodesic from it to P, degrees.
    azimuth_to_p: f64,
}

impl Foot {
    fn approach(&self, at_end: Option<SegmentEnd>) -> ClosestApproach {
        // P is on the left when the geodesic to P leaves at azimuth (line azimuth - 90°).
        let side = -(self.azimuth_to_p - self.at.azimuth).to_radians().sin();
        let cross = if self.distance == 0.0 {
            0.0
        } else if side >= 0.0 {
            self.distance
        } else {
            -self.distance
        };
        ClosestApproach {
            point: self.at.point(),
            cross_track_m: cross,
            along_track_m: self.along,
            distance_m: self.distance,
            at_end,
        }
    }
}

/// Finds the nearest point of `track` to `p` (Karney 2013, sec. 8, interception by the gnomonic projection).
fn nearest_on_track(track: &Track<'_>, p: Point<f64>) -> Foot {
    let geod = track.geod;
    let evaluate = |at: TrackPoint| {
        let inv = GnomonicInverse::new(geod, at.lat, at.lon, p.y(), p.x());
        (inv, Foot { at, along: at.s, distance: inv.s12, azimuth_to_p: inv.azi1 })
    };
    // Start: the nearest of LAP_SAMPLES points spread over one lap, (-180°, 180°] of arc from the start.
    let mut start = evaluate(track.at_arc(0.0)).1;
    for k in 0..LAP_SAMPLES {
        let a12 = -180.0 + 360.0 * (k + 1) as f64 / LAP_SAMPLES as f64;
        let foot = evaluate(track.at_arc(a12)).1;
        if foot.distance < start.distance {
            start = foot;
        }
    }
    let spacing = (track.at_arc(180.0).s - track.at_arc(-180.0).s) / LAP_SAMPLES as f64;
    let mut s = start.along;
    let mut previous_step = f64::INFINITY;
    for _ in 0..MAX_STEPS {
        let (inv, foot) = evaluate(track.at(s));
        if inv.s12 == 0.0 {
            return foot; // P lies on the line
        }
        // Angle at the centre between the line and the geodesic to P; in the gnomonic plane the foot of the
        // perpendicular from P's image lies at radius rho·cos(theta) along the line.
        let cos_theta = (inv.azi1 - foot.at.azimuth).to_radians().cos();
        let Some(step) = inv.rho().and_then(|rho| gnomonic_distance(geod, foot.at, rho * cos_theta)) else {
            break; // P over the gnomonic horizon: only near a pole of the geodesic
        };
        s += step;
        if !s.is_finite() || (s - start.along).abs() > 2.0 * spacing {
            break; // wandering off: the ill-conditioned case again
        }
        if converged(step, previous_step) {
            return evaluate(track.at(s)).1;
        }
        previous_step = step;
    }
    // Ill-conditioned (P near a pole of the geodesic, where the distance hardly varies along the line): the
    // minimum of the distance between the neighbours of the nearest sample, by golden-section search.
    golden_minimum(|s| evaluate(track.at(s)).1, start.along - spacing, start.along + spacing)
}

/// Whether an iteration whose last two steps were `step` and `previous` (metres) has converged: the step is
/// below [`STEP_TOLERANCE_M`], or below [`NOISE_FLOOR_M`] and no longer shrinking (round-off, amplified where
/// the problem is ill-conditioned, then dominates the step).
pub(super) fn converged(step: f64, previous: f64) -> bool {
    step.abs() <= STEP_TOLERANCE_M || (step.abs() <= NOISE_FLOOR_M && step.abs() > 0.25 * previous.abs())
}

/// Golden-section search for the nearest point between along-track distances `lo` and `hi` (the fallback of
/// [`nearest_on_track`] in the ill-conditioned case), to 1 µm in along-track distance.
fn golden_minimum(foot_at: impl Fn(f64) -> Foot, mut lo: f64, mut hi: f64) -> Foot {
    let ratio = (5.0_f64.sqrt() - 1.0) / 2.0;
    let mut c = hi - ratio * (hi - lo);
    let mut d = lo + ratio * (hi - lo);
    let (mut fc, mut fd) = (foot_at(c), foot_at(d));
    for _ in 0..200 {
        if hi - lo <= 1e-6 {
            break;
        }
        if fc.distance < fd.distance {
            (hi, d, fd) = (d, c, fc);
            c = hi - ratio * (hi - lo);
            fc = foot_at(c);
        } else {
            (lo, c, fc) = (c, d, fd);
            d = lo + ratio * (hi - lo);
            fd = foot_at(d);
        }
    }
    if fc.distance < fd.distance { fc } else { fd }
}
