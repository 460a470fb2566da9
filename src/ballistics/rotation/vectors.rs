//! Vectors in the Earth-centred frame (x towards 0 N 0 E, z towards the north pole): the little algebra the
//! rotating-Earth propagation needs.

use geo_types::Point;

use crate::geodesy::normalize_longitude;

/// A 3-vector, metres or m/s.
pub(super) type V3 = [f64; 3];

/// a + b.
pub(super) fn add(a: V3, b: V3) -> V3 {
    [a[0] + b[0], a[1] + b[1], a[2] + b[2]]
}
/// a - b.
pub(super) fn sub(a: V3, b: V3) -> V3 {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}
/// a times s.
pub(super) fn scale(a: V3, s: f64) -> V3 {
    [a[0] * s, a[1] * s, a[2] * s]
}
/// Scalar product.
pub(super) fn dot(a: V3, b: V3) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}
/// Vector product a x b.
pub(super) fn cross(a: V3, b: V3) -> V3 {
    [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
}
/// Length.
pub(super) fn norm(a: V3) -> f64 {
    dot(a, a).sqrt()
}

/// Unit vector of a point (lon, lat degrees).
pub(super) fn unit_of(p: Point<f64>) -> V3 {
    let (sl, cl) = p.y().to_radians().sin_cos();
    let (so, co) = p.x().to_radians().sin_cos();
    [cl * co, cl * so, sl]
}

/// The point (lon in [-180, 180), lat degrees) of a non-zero vector.
pub(super) fn point_of(v: V3) -> Point<f64> {
    let lat = v[2].atan2(v[0].hypot(v[1])).to_degrees();
    let lon = normalize_longitude(v[1].atan2(v[0]).to_degrees());
    Point::new(lon, lat)
}

/// An azimuth in [0, 360) degrees.
pub(super) fn compass(azimuth_deg: f64) -> f64 {
    let a = azimuth_deg.rem_euclid(360.0);
    if a >= 360.0 { 0.0 } else { a }
}

/// Local east and north unit vectors at a point.
pub(super) fn east_north(p: Point<f64>) -> (V3, V3) {
    let (sl, cl) = p.y().to_radians().sin_cos();
    let (so, co) = p.x().to_radians().sin_cos();
    ([-so, co, 0.0], [-sl * co, -sl * so, cl])
}

/// omega x r for a rotation about z.
pub(super) fn omega_cross(omega: f64, r: V3) -> V3 {
    [-omega * r[1], omega * r[0], 0.0]
}

/// Earth-fixed components of an inertial vector after the Earth has turned by `angle` radians eastward.
pub(super) fn to_earth_fixed(v: V3, angle: f64) -> V3 {
    let (s, c) = angle.sin_cos();
    [c * v[0] + s * v[1], -s * v[0] + c * v[1], v[2]]
}

/// Signed distance (m, positive to the left of travel from `a` to `b`, the sign of the geodesy module's
/// cross-track distance) of vector `p` from the great circle through unit vectors `a` and `b`; NaN if `a` and `b`
/// do not fix a great circle.
pub(super) fn cross_track(radius: f64, a: V3, b: V3, p: V3) -> f64 {
    let n = cross(a, b);
    let len = norm(n);
    if !(len > 1e-12) {
        return f64::NAN;
    }
    radius * (dot(p, n) / len / norm(p)).clamp(-1.0, 1.0).asin()
}
