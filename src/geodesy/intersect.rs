//! The intersection of two geodesics on the ellipsoid, by the gnomonic iteration of C. F. F. Karney,
//! *Algorithms for geodesics*, J. Geodesy 87:43-55 (2013), sec. 8 (the intersection problem), started from
//! the spherical solution as in C. F. F. Karney, *Geodesic intersections*, J. Surveying Eng. 150(3), 2024
//! (arXiv:2308.00495).
//!
//! Each geodesic is parametrised by the signed distance from its first point (`sa` along A, `sb` along B).
//!
//! 1. Start: solve the triangle formed by A1, B1 and the two geodesics as a spherical triangle (the arc A1B1
//!    on the auxiliary sphere, and the angles between each geodesic and the arc). This gives both
//!    intersections of the two great circles, about half a lap apart; each is refined, and the one with the
//!    smaller |sa| + |sb| is the *closest intersection* (Karney 2024's definition).
//! 2. Step (Karney 2013, sec. 8): project about Pa = A(sa) with the ellipsoidal gnomonic projection. Geodesic
//!    A passes through the centre, so its image is exactly the straight line through the origin at its
//!    azimuth. Geodesic B's image is very nearly straight near Pb = B(sb): the line through Pb's image along
//!    the image of B's direction there (radial scale 1/M12², azimuthal scale 1/M12). The intersection of the
//!    two image lines gives the next `sa` (reverse projection along A, exact) and the next `sb` (to first
//!    order). At the fixed point Pa = Pb lies on both geodesics, so the answer is exact; the step converges
//!    quadratically.

use geo_types::Point;
use geographiclib_rs::{Geodesic, InverseGeodesic};

use super::intercept::{GnomonicInverse, Track, TrackPoint, converged, gnomonic_distance, line_through};
use super::{Ellipsoid, GeodesyError, normalize_longitude, validate_finite, validate_point};

/// Upper bound on the steps (the iteration normally converges in 2 or 3).
const MAX_STEPS: usize = 40;
/// After the steps, the points on A and B must agree to this, metres, or the iteration is deemed failed.
const AGREEMENT_M: f64 = 1e-4;
/// The sine of the crossing angle below which two geodesics are treated as coincident (or parallel).
const MIN_SIN_ANGLE: f64 = 1e-12;
/// Intersections within this distance beyond an end point still count as within the segment, metres.
const WITHIN_TOLERANCE_M: f64 = 1e-6;

/// The intersection of two geodesics A and B.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Intersection {
    /// The intersection point (lon, lat degrees; longitude in [-180, 180)).
    pub point: Point<f64>,
    /// Signed distance from A1 to the intersection along geodesic A, metres (negative behind A1, that is
    /// opposite to the direction towards A2 or of the given azimuth).
    pub along_a_m: f64,
    /// Signed distance from B1 to the intersection along geodesic B, metres.
    pub along_b_m: f64,
    /// For [`intersect`]: the point lies on the segment A1..A2 (0 <= `along_a_m` <= |A1A2|, with 1 µm
    /// tolerance). For [`intersect_azimuths`]: it lies ahead of A1 (`along_a_m` >= 0).
    pub within_a: bool,
    /// The same for geodesic B.
    pub within_b: bool,
}

/// The closest intersection of the geodesic through `a1` and `a2` with the geodesic through `b1` and `b2`.
///
/// Inputs: the ellipsoid and four points (lon, lat degrees). Each geodesic is the shortest one between its
/// two points (the inverse problem), extended both ways. Two distinct geodesics on the ellipsoid meet many
/// times; the one returned is the *closest*, with the least |along_a| + |along_b| (Karney 2024), found among
/// the refinements of the two great-circle intersections of the spherical start. A segment longer than a
/// quarter lap can therefore hold an intersection that is not the closest one; `within_a`/`within_b` only
/// report whether the closest one lies on the segments.
///
/// Method: see the module documentation (Karney 2013, sec. 8, gnomonic intersection; start as in Karney
/// 2024).
///
/// # Errors
/// [`GeodesyError::LatitudeOutOfRange`] or [`GeodesyError::NotFinite`] for invalid points;
/// [`GeodesyError::InvalidArgument`] if `a1 == a2` or `b1 == b2` (a zero-length line has no direction);
/// [`GeodesyError::Undefined`] if the geodesics coincide (or cross at an angle whose sine is below 1e-12), or
/// if the iteration does not converge.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::{Ellipsoid, intersect};
/// // The equator and the meridian 10E meet at (10E, 0N).
/// let x = intersect(
///     &Ellipsoid::wgs84(),
///     Point::new(0.0, 0.0), Point::new(20.0, 0.0),
///     Point::new(10.0, -5.0), Point::new(10.0, 5.0),
/// ).unwrap();
/// assert!((x.point.x() - 10.0).abs() < 1e-10 && x.point.y().abs() < 1e-10);
/// assert!((x.along_a_m - 1_113_194.907_933).abs() < 1e-3); // GeodSolve -i -p 12 <<< "0 0 0 10"
/// assert!(x.within_a && x.within_b);
/// ```
pub fn intersect(
    ellipsoid: &Ellipsoid,
    a1: Point<f64>,
    a2: Point<f64>,
    b1: Point<f64>,
    b2: Point<f64>,
) -> Result<Intersection, GeodesyError> {
    let geod = ellipsoid.geodesic();
    let (azi_a, length_a) = line_through(geod, a1, a2, "intersection, geodesic A")?;
    let (azi_b, length_b) = line_through(geod, b1, b2, "intersection, geodesic B")?;
    let (point, sa, sb) = closest_intersection(ellipsoid, a1, azi_a, b1, azi_b)?;
    let within = |s: f64, length: f64| (-WITHIN_TOLERANCE_M..=length + WITHIN_TOLERANCE_M).contains(&s);
    Ok(Intersection {
        point,
        along_a_m: sa,
        along_b_m: sb,
        within_a: within(sa, length_a),
        within_b: within(sb, length_b),
    })
}

/// The closest intersection of the geodesic leaving `a1` at azimuth `azi_a` with the one leaving `b1` at
/// `azi_b` (degrees clockwise from north).
///
/// Same definitions and method as [`intersect`]; `within_a` (`within_b`) is true when the intersection is
/// ahead of `a1` (`b1`), `along >= 0` (with 1 µm tolerance).
///
/// # Errors
/// Invalid points or azimuths; [`GeodesyError::Undefined`] if the geodesics coincide or the iteration does
/// not converge.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::{Ellipsoid, intersect_azimuths};
/// // Two meridians, 0E and 30E, both heading north from 10N, meet at the North Pole.
/// let x = intersect_azimuths(&Ellipsoid::wgs84(), Point::new(0.0, 10.0), 0.0, Point::new(30.0, 10.0), 0.0)
///     .unwrap();
/// assert!((x.point.y() - 90.0).abs() < 1e-9);
/// assert!((x.along_a_m - 8_896_110.896_078).abs() < 1e-3); // GeodSolve -i -p 12 <<< "10 0 90 0"
/// assert!(x.within_a && x.within_b);
/// ```
pub fn intersect_azimuths(
    ellipsoid: &Ellipsoid,
    a1: Point<f64>,
    azi_a: f64,
    b1: Point<f64>,
    azi_b: f64,
) -> Result<Intersection, GeodesyError> {
    validate_point(a1)?;
    validate_point(b1)?;
    validate_finite("azimuth of geodesic A", azi_a)?;
    validate_finite("azimuth of geodesic B", azi_b)?;
    let (point, sa, sb) = closest_intersection(ellipsoid, a1, azi_a, b1, azi_b)?;
    Ok(Intersection {
        point,
        along_a_m: sa,
        along_b_m: sb,
        within_a: sa >= -WITHIN_TOLERANCE_M,
        within_b: sb >= -WITHIN_TOLERANCE_M,
    })
}

/// The closest intersection: refines both spherical candidates and keeps the one with the least |sa| + |sb|.
fn closest_intersection(
    ellipsoid: &Ellipsoid,
    a1: Point<f64>,
    azi_a: f64,
    b1: Point<f64>,
    azi_b: f64,
) -> Result<(Point<f64>, f64, f64), GeodesyError> {
    let geod = ellipsoid.geodesic();
    let track_a = Track::new(geod, a1, azi_a);
    let track_b = Track::new(geod, b1, azi_b);
    let start_gap: f64 = geod.inverse(a1.y(), a1.x(), b1.y(), b1.x());
    if start_gap == 0.0 {
        // The geodesics start at one point: that is their closest intersection, unless they coincide.
        if (azi_b - azi_a).to_radians().sin().abs() < MIN_SIN_ANGLE {
            return Err(coincident());
        }
        return Ok((Point::new(normalize_longitude(a1.x()), a1.y()), 0.0, 0.0));
    }
    let candidates = spherical_step(geod, track_a.at(0.0), track_b.at(0.0))?;
    let mut best: Option<(Point<f64>, f64, f64)> = None;
    let mut failure = None;
    for (sa, sb) in candidates {
        match refine(&track_a, &track_b, sa, sb) {
            Ok(found) => {
                if best.is_none_or(|(_, ba, bb)| found.1.abs() + found.2.abs() < ba.abs() + bb.abs()) {
                    best = Some(found);
                }
            }
            Err(e) => failure = Some(e),
        }
    }
    match (best, failure) {
        (Some(found), _) => Ok(found),
        (None, Some(e)) => Err(e),
        (None, None) => Err(GeodesyError::Undefined("intersection: no candidate".into())),
    }
}

/// Solves the triangle (Pa, Pb, intersection) on a sphere: returns the two great-circle intersections as
/// (distance along A from Pa, distance along B from Pb) in metres, nearer one first.
///
/// The arc Pa-Pb is taken as its arc length σ12 on the auxiliary sphere (Karney 2013), and the angles at Pa
/// and Pb between the arc and each geodesic are the ellipsoid's (azimuths are preserved on the auxiliary
/// sphere); arcs are turned back into metres with the ratio s12/σ12 of the arc Pa-Pb. In a frame where Pa =
/// (1, 0, 0) and the arc leaves Pa northwards, Pb = (cos σ, 0, sin σ); each great circle's pole is the cross
/// product of its point and direction, and the intersections are ± the normalised cross product of the poles.
///
/// # Errors
/// [`GeodesyError::Undefined`] when the great circles coincide (the poles are parallel).
fn spherical_step(geod: &Geodesic, pa: TrackPoint, pb: TrackPoint) -> Result<[(f64, f64); 2], GeodesyError> {
    let (s12, azi1, azi2, _m12, a12): (f64, f64, f64, f64, f64) =
        geod.inverse(pa.lat, pa.lon, pb.lat, pb.lon);
    let sigma = a12.to_radians();
    if s12 == 0.0 || sigma == 0.0 {
        // The two points coincide: it is an intersection unless the geodesics have the same direction.
        let gamma = (pb.azimuth - pa.azimuth).to_radians().sin();
        if gamma.abs() < MIN_SIN_ANGLE {
            return Err(coincident());
        }
        return Ok([(0.0, 0.0), (0.0, 0.0)]);
    }
    let radius = s12 / sigma;
    let (sa0, ca0) = (pa.azimuth - azi1).to_radians().sin_cos(); // angle at Pa from the arc to geodesic A
    let (sb0, cb0) = (pb.azimuth - azi2).to_radians().sin_cos(); // angle at Pb from the arc to geodesic B
    let (ss, cs) = sigma.sin_cos();
    let x = [1.0, 0.0, 0.0];
    let tx = [0.0, sa0, ca0];
    let y = [cs, 0.0, ss];
    let ty = [-ss * cb0, sb0, cs * cb0];
    let nx = cross(x, tx);
    let ny = cross(y, ty);
    let i = cross(nx, ny);
    let norm = dot(i, i).sqrt();
    if norm < MIN_SIN_ANGLE {
        return Err(coincident());
    }
    let i = [i[0] / norm, i[1] / norm, i[2] / norm];
    let solve = |i: [f64; 3]| (radius * dot(i, tx).atan2(dot(i, x)), radius * dot(i, ty).atan2(dot(i, y)));
    let first = solve(i);
    let second = solve([-i[0], -i[1], -i[2]]);
    let size = |(p, q): (f64, f64)| p.abs() + q.abs();
    Ok(if size(first) <= size(second) { [first, second] } else { [second, first] })
}

/// Refines an intersection estimate (`sa` along A, `sb` along B) with the gnomonic step (Karney 2013, sec.
/// 8).
fn refine(
    track_a: &Track<'_>,
    track_b: &Track<'_>,
    mut sa: f64,
    mut sb: f64,
) -> Result<(Point<f64>, f64, f64), GeodesyError> {
    let geod = track_a.geod;
    let mut previous_step = f64::INFINITY;
    for _ in 0..MAX_STEPS {
        let pa = track_a.at(sa);
        let pb = track_b.at(sb);
        let inv = GnomonicInverse::new(geod, pa.lat, pa.lon, pb.lat, pb.lon);
        if inv.s12 == 0.0 {
            return Ok((pa.point(), sa, sb));
        }
        let step = match inv.rho() {
            Some(rho) => gnomonic_step(&inv, rho, pa, pb, geod.equatorial_radius())?,
            None => None,
        };
        let (da, db) = match step {
            // t is the gnomonic radius of the intersection along A: reverse-project it exactly.
            Some((t, u)) => (gnomonic_distance(geod, pa, t).unwrap_or_else(|| spherical_along(geod, t)), u),
            // Over the horizon or nearly parallel images: a step on the sphere.
            None => spherical_step(geod, pa, pb)?[0],
        };
        sa += da;
        sb += db;
        if !(sa.is_finite() && sb.is_finite()) {
            break;
        }
        if converged(da.abs() + db.abs(), previous_step) {
            let (pa, pb) = (track_a.at(sa), track_b.at(sb));
            let gap = GnomonicInverse::new(geod, pa.lat, pa.lon, pb.lat, pb.lon).s12;
            if gap <= AGREEMENT_M {
                return Ok((pa.point(), sa, sb));
            }
            break;
        }
        previous_step = da.abs() + db.abs();
    }
    Err(GeodesyError::Undefined(
        "intersection: the iteration did not converge (the geodesics are nearly coincident or parallel)"
            .into(),
    ))
}

/// One gnomonic step about Pa: returns (gnomonic radius t of the intersection along A, distance u along B
/// from Pb), or `None` if the image lines are too close to parallel for a plane step (a spherical step is
/// then used).
///
/// # Errors
/// [`GeodesyError::Undefined`] if the geodesics coincide.
fn gnomonic_step(
    inv: &GnomonicInverse,
    rho: f64,
    pa: TrackPoint,
    pb: TrackPoint,
    a: f64,
) -> Result<Option<(f64, f64)>, GeodesyError> {
    let (s1, c1) = inv.azi1.to_radians().sin_cos();
    // Image of Pb, and the unit radial and (clockwise) azimuthal directions there, x east, y north.
    let q = [rho * s1, rho * c1];
    let radial = [s1, c1];
    let azimuthal = [c1, -s1];
    // Image of B's unit step at Pb: radial scale 1/M12^2, azimuthal scale 1/M12 (Karney 2013, sec. 8).
    let (sg, cg) = (pb.azimuth - inv.azi2).to_radians().sin_cos();
    let mm = inv.big_m12;
    let v = [
        cg / (mm * mm) * radial[0] + sg / mm * azimuthal[0],
        cg / (mm * mm) * radial[1] + sg / mm * azimuthal[1],
    ];
    let (sa, ca) = pa.azimuth.to_radians().sin_cos();
    let u_a = [sa, ca];
    let den = u_a[0] * v[1] - u_a[1] * v[0];
    let vnorm = v[0].hypot(v[1]);
    if den.abs() < MIN_SIN_ANGLE * vnorm {
        // Parallel image lines through the same point: the geodesics coincide.
        if (q[0] * u_a[1] - q[1] * u_a[0]).abs() < 1e-9 {
            return Err(coincident());
        }
        return Ok(None);
    }
    // Solve t·u_a = q + u·v.
    let t = (q[0] * v[1] - q[1] * v[0]) / den;
    let u = (q[0] * u_a[1] - q[1] * u_a[0]) / den;
    // A step beyond about 60° of arc is outside where the plane picture is useful: use the sphere then.
    if t.abs() > 1.7 * a {
        return Ok(None);
    }
    Ok(Some((t, u)))
}

/// The spherical distance for a gnomonic radius: a·atan(t/a), used only if the reverse projection fails.
fn spherical_along(geod: &Geodesic, t: f64) -> f64 {
    let a = geod.equatorial_radius();
    a * (t / a).atan()
}

fn coincident() -> GeodesyError {
    GeodesyError::Undefined(
        "intersection: the two geodesics coincide (or are parallel), so they have no single intersection"
            .into(),
    )
}

fn cross(p: [f64; 3], q: [f64; 3]) -> [f64; 3] {
    [p[1] * q[2] - p[2] * q[1], p[2] * q[0] - p[0] * q[2], p[0] * q[1] - p[1] * q[0]]
}

fn dot(p: [f64; 3], q: [f64; 3]) -> f64 {
    p[0] * q[0] + p[1] * q[1] + p[2] * q[2]
}
