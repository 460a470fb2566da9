//! Property tests of sampled tracks (proptest, 10,000 cases each): every point that `points_along_by_count` and
//! `points_along_by_spacing` return lies on the geodesic from A to B.
//!
//! "On the geodesic" is checked by two independent conditions on the WGS84 ellipsoid, each through the inverse
//! problem (never through the direct problem that placed the point):
//! - the point divides the shortest path: d(A, P) + d(P, B) = d(A, B) (a point off the geodesic makes the sum
//!   longer, by the triangle inequality), and d(A, P) is the distance the sampler says;
//! - it lies on the same side, in the same direction: the azimuth from A to P is the geodesic's azimuth at A, so
//!   the cross-track offset (the azimuth difference times the distance, an over-estimate of the offset along the
//!   reduced length m12 <= s12) is below a micrometre.
//!
//! Tolerances: each inverse problem is accurate to 15 nm (Karney 2013, J. Geodesy 87:43-55, sec. 9), so the sum
//! of three is within 45 nm, taken as 5e-8 m; the azimuth test allows 1e-6 m of cross-track offset, which at
//! 20,000 km is 5e-14 rad, about 20 units in the last place of an azimuth near 180 degrees.

use geo_types::Point;
use groundtrack::geodesy::{EarthModel, Ellipsoid, points_along_by_count, points_along_by_spacing};
use proptest::prelude::*;

mod common;
use common::angle_diff;

const SUM_TOLERANCE_M: f64 = 5e-8;
const CROSS_TRACK_TOLERANCE_M: f64 = 1e-6;

/// Latitudes: mostly uniform, with the poles and the equator mixed in.
fn latitude() -> impl Strategy<Value = f64> {
    prop_oneof![8 => -90.0..=90.0_f64, 1 => prop_oneof![Just(90.0), Just(-90.0), Just(0.0)]]
}

fn point() -> impl Strategy<Value = Point<f64>> {
    (latitude(), -180.0..180.0_f64).prop_map(|(lat, lon)| Point::new(lon, lat))
}

/// Checks one sampled point P at sampled distance `s` along the geodesic from `a` (azimuth `azi1`) to `b`.
fn on_the_geodesic(
    a: Point<f64>,
    b: Point<f64>,
    azi1: f64,
    total: f64,
    p: Point<f64>,
    s: f64,
) -> Result<(), String> {
    let g = Ellipsoid::wgs84();
    let ap = g.inverse(a, p).map_err(|e| e.to_string())?;
    let pb = g.inverse(p, b).map_err(|e| e.to_string())?;
    let excess = ap.distance_m + pb.distance_m - total;
    if excess.abs() > SUM_TOLERANCE_M {
        return Err(format!("d(A,P) + d(P,B) - d(A,B) = {excess:e} m at s = {s} m"));
    }
    if (ap.distance_m - s).abs() > SUM_TOLERANCE_M {
        return Err(format!("d(A,P) = {} m, sampled at {s} m", ap.distance_m));
    }
    // The azimuth at a pole, or of a zero-length stretch, says nothing about direction.
    if a.y().abs() < 90.0 && s > 0.0 {
        let cross = angle_diff(ap.azimuth1_deg, azi1).to_radians().abs() * s;
        if cross > CROSS_TRACK_TOLERANCE_M {
            return Err(format!("azimuth to P {} vs {azi1}: {cross:e} m off the track", ap.azimuth1_deg));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Points by count: n + 1 points, the ends exactly A and B, every inner point on the geodesic at i·s/n.
    #[test]
    fn points_by_count_lie_on_the_geodesic(a in point(), b in point(), n in 1usize..12) {
        let g = Ellipsoid::wgs84();
        let inv = g.inverse(a, b).unwrap();
        let pts = points_along_by_count(&g, a, b, n).unwrap();
        prop_assert_eq!(pts.len(), n + 1);
        prop_assert_eq!(pts[0].point, a);
        prop_assert_eq!(pts[n].point, b);
        for (i, lp) in pts.iter().enumerate() {
            let s = inv.distance_m * i as f64 / n as f64;
            prop_assert!((lp.distance_m - s).abs() <= 1e-9 * inv.distance_m.max(1.0), "{:?}", lp);
            if i > 0 && i < n {
                on_the_geodesic(a, b, inv.azimuth1_deg, inv.distance_m, lp.point, lp.distance_m)
                    .map_err(|m| TestCaseError::fail(format!("{a:?} -> {b:?}, point {i} of {n}: {m}")))?;
            }
        }
    }

    /// Points by spacing: consecutive points at most the spacing apart (measured by the inverse problem), the
    /// fewest equal steps that keep that bound, every point on the geodesic.
    #[test]
    fn points_by_spacing_respect_the_spacing(a in point(), b in point(), spacing_km in 200.0f64..5_000.0) {
        let g = Ellipsoid::wgs84();
        let spacing = spacing_km * 1000.0;
        let inv = g.inverse(a, b).unwrap();
        let pts = points_along_by_spacing(&g, a, b, spacing).unwrap();
        let segments = pts.len() - 1;
        prop_assert_eq!(segments, ((inv.distance_m / spacing).ceil() as usize).max(1));
        for w in pts.windows(2) {
            let step = g.inverse(w[0].point, w[1].point).unwrap().distance_m;
            prop_assert!(step <= spacing + SUM_TOLERANCE_M, "step {} > spacing {}", step, spacing);
        }
        for lp in &pts[1..segments] {
            on_the_geodesic(a, b, inv.azimuth1_deg, inv.distance_m, lp.point, lp.distance_m)
                .map_err(|m| TestCaseError::fail(format!("{a:?} -> {b:?}: {m}")))?;
        }
    }
}
