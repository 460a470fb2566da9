//! Property tests of the geodesy core: round trips between the direct and inverse problems and the symmetry
//! of the inverse problem, over random points (including the poles, the equator and longitudes beyond
//! +-180 degrees).

use geo_types::Point;
use groundtrack::geodesy::{EarthModel, Ellipsoid, Rhumb};
use proptest::prelude::*;

/// Largest radius of curvature of WGS84 (a^2 / b), metres: converting angle differences with it
/// over-estimates distances.
const R_MAX: f64 = 6_399_593.626;

/// a - b in degrees reduced to [-180, 180], without rounding error for nearby angles given in any turn
/// (for example 58.72 and -301.28): both are first reduced exactly, and the rounding error of their
/// difference is carried separately (two-sum) and added back after the difference is reduced.
fn angle_diff(a: f64, b: f64) -> f64 {
    let reduce = |x: f64| {
        let r = x % 360.0; // exact
        if r > 180.0 {
            r - 360.0
        } else if r < -180.0 {
            r + 360.0
        } else {
            r
        }
    };
    let (x, y) = (reduce(a), -reduce(b));
    let d = x + y;
    let e = (x - (d - (d - x))) + (y - (d - x)); // d + e == x + y exactly
    reduce(d) + e
}

/// Distance in metres between two nearby points, over-estimated (longitudes compared modulo 360).
fn position_error_m(got: Point<f64>, want: Point<f64>) -> f64 {
    let dlat = (got.y() - want.y()).to_radians() * R_MAX;
    let dlon = angle_diff(got.x(), want.x()).to_radians() * R_MAX * want.y().to_radians().cos();
    dlat.hypot(dlon)
}

/// Latitudes: mostly uniform, with the poles and the equator (both signs of zero) mixed in.
fn latitude() -> impl Strategy<Value = f64> {
    prop_oneof![
        12 => -90.0..=90.0_f64,
        1 => prop_oneof![Just(90.0), Just(-90.0), Just(0.0), Just(-0.0)],
    ]
}

/// Points with longitudes in [-540, 540] (the models normalise them).
fn point() -> impl Strategy<Value = Point<f64>> {
    (latitude(), -540.0..=540.0_f64).prop_map(|(lat, lon)| Point::new(lon, lat))
}

proptest! {
    // 10,000 cases each; the three properties together take about 2 s in a debug build.
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    /// direct(A, inverse(A, B)) lands on B within 15 nm on WGS84. (10 nm was asked for, but GeographicLib
    /// itself misses by 11 nm on rare lines: GeodSolve -i -p 12 <<< "-16.47274953542727 135.7984655236431
    /// 16.1049222629429 -84.92995643247524" gives 84.666590079034236 83.624820459981478 15688906.9582896195,
    /// and GeodSolve -p 12 <<< "-16.47274953542727 135.7984655236431 84.666590079034236 15688906.9582896195"
    /// returns -84.929956432475137, 1.0e-13 degrees of longitude away. 15 nm is Karney's stated accuracy of
    /// each problem; in 200,000 random pairs the largest miss was 9.1 nm.)
    #[test]
    fn ellipsoid_direct_inverts_inverse(a in point(), b in point()) {
        let wgs84 = Ellipsoid::wgs84();
        let inv = wgs84.inverse(a, b).unwrap();
        let d = wgs84.direct(a, inv.azimuth1_deg, inv.distance_m).unwrap();
        let err = position_error_m(d.point, b);
        prop_assert!(err <= 15e-9, "off by {err:e} m: {a:?} -> {b:?}, {inv:?}, got {:?}", d.point);
    }

    /// The geodesic distance is symmetric: inverse(A, B) and inverse(B, A) give the same length.
    #[test]
    fn ellipsoid_inverse_is_symmetric(a in point(), b in point()) {
        let wgs84 = Ellipsoid::wgs84();
        let ab = wgs84.inverse(a, b).unwrap().distance_m;
        let ba = wgs84.inverse(b, a).unwrap().distance_m;
        prop_assert_eq!(ab, ba, "{:?} {:?}", a, b);
    }

    /// direct(A, inverse(A, B)) lands on B within 1 micrometre along the rhumb line. The inverse problem
    /// always has a solution; the direct problem with its answer is then defined too (the line ends at B
    /// and does not pass over a pole).
    #[test]
    fn rhumb_direct_inverts_inverse(a in point(), b in point()) {
        let rhumb = Rhumb::wgs84();
        let inv = rhumb.inverse(a, b).unwrap();
        prop_assert_eq!(inv.azimuth1_deg, inv.azimuth2_deg);
        let d = rhumb.direct(a, inv.azimuth1_deg, inv.distance_m);
        prop_assert!(d.is_ok(), "{a:?} -> {b:?}, {inv:?}: {d:?}");
        if let Ok(d) = d {
            let err = position_error_m(d.point, b);
            prop_assert!(err <= 1e-6, "off by {err:e} m: {a:?} -> {b:?}, {inv:?}, got {:?}", d.point);
        }
    }
}
