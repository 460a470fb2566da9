//! Intersections of geodesics (`intersect`, `intersect_azimuths`) against values computed independently with
//! GeographicLib 2.1.2's GeodSolve by `python3 scripts/reference/geometry.py intersect`: geodesic A is
//! sampled with `GeodSolve -L lat1 lon1 azi1 -p 12` over a whole lap, and each crossing of geodesic B is
//! found by bisection on g(s) = sin(azi(B1 -> A(s)) - azi_B1) (from `GeodSolve -i -p 12`), zero where A(s)
//! lies on B; the distance along B is that of the inverse problem from B1. The script lists every crossing of
//! the lap; the closest (least |along A| + |along B|) is the one asserted. No groundtrack code is involved.

// GeodSolve's outputs are pasted digit for digit, so that they can be found in its output.
#![allow(clippy::excessive_precision)]

use geo_types::Point;
use groundtrack::geodesy::{
    EarthModel, Ellipsoid, GeodesyError, Intersection, closest_approach_from_azimuth, intersect,
    intersect_azimuths,
};

const MM: f64 = 1e-3;

/// (lat, lon) in the order GeodSolve prints them.
fn ll(lat: f64, lon: f64) -> Point<f64> {
    Point::new(lon, lat)
}

fn assert_intersection(x: &Intersection, along_a: f64, along_b: f64, lat: f64, lon: f64) {
    let e = Ellipsoid::wgs84();
    assert!((x.along_a_m - along_a).abs() < MM, "along A {} != {along_a}", x.along_a_m);
    assert!((x.along_b_m - along_b).abs() < MM, "along B {} != {along_b}", x.along_b_m);
    let gap = e.inverse(x.point, ll(lat, lon)).unwrap().distance_m;
    assert!(gap < MM, "point {:?} is {gap} m from ({lat}, {lon})", x.point);
}

/// The point lies on both geodesics: the direct problem from each start reaches it, and the azimuth from each
/// start to it is the geodesic's own (or opposite) where the inverse problem is unambiguous.
fn assert_on_both(x: &Intersection, a1: Point<f64>, azi_a: f64, b1: Point<f64>, azi_b: f64) {
    let e = Ellipsoid::wgs84();
    for (start, azi, along) in [(a1, azi_a, x.along_a_m), (b1, azi_b, x.along_b_m)] {
        let reached = e.direct(start, azi, along).unwrap().point;
        assert!(e.inverse(reached, x.point).unwrap().distance_m < MM);
        let c = closest_approach_from_azimuth(&e, x.point, start, azi).unwrap();
        assert!(c.distance_m < MM, "cross-track {} m", c.cross_track_m);
        if along.abs() > 1.0 && along.abs() < 15_000_000.0 {
            let inv = e.inverse(start, x.point).unwrap();
            let angle = (inv.azimuth1_deg - azi).to_radians();
            assert!(angle.sin().abs() < 1e-9, "azimuth {} vs {azi}", inv.azimuth1_deg);
        }
    }
}

#[test]
fn hwasong_12_path_crosses_the_meridian_140e() {
    // A: Sunan -> (41.05079002181 N, 157.34735599014 E), GeodSolve -i: azimuth 75.44767289581183, 2692386.870
    // m. B: (45 N, 140 E) -> (35 N, 140 E), azimuth 180, 1110351.476 m. scripts/reference/geometry.py: along
    // A 1237508.304183 m, along B 427150.131902 m, point 41.155066334189 140.
    let e = Ellipsoid::wgs84();
    let (a1, a2) = (ll(39.2241, 125.67), ll(41.050_790_021_81, 157.347_355_990_14));
    let (b1, b2) = (ll(45.0, 140.0), ll(35.0, 140.0));
    let x = intersect(&e, a1, a2, b1, b2).unwrap();
    assert_intersection(&x, 1_237_508.304_183, 427_150.131_902, 41.155_066_334_189, 140.0);
    assert!(x.within_a && x.within_b);
    assert_on_both(&x, a1, 75.447_672_895_811_83, b1, 180.0);
    // The same geodesics the other way round swap the roles.
    let y = intersect(&e, b1, b2, a1, a2).unwrap();
    assert_intersection(&y, 427_150.131_902, 1_237_508.304_183, 41.155_066_334_189, 140.0);
}

#[test]
fn far_intersection_outside_both_segments() {
    // A: (0, 0) -> (10 N, 10 E), azimuth 44.75191017051059; B: (20 S, 150 E) -> (25 S, 160 E), azimuth
    // 120.13574228885128. scripts/reference/geometry.py lists two crossings in the lap: along A
    // 5944236.514973 m, along B -12730586.516556 m at 34.929571150829 43.506408654264 (sum 18,674.8 km, the
    // closest), and along A -14061738.901445 m, along B 7319463.510868 m (sum 21,381.2 km).
    let e = Ellipsoid::wgs84();
    let (a1, b1) = (ll(0.0, 0.0), ll(-20.0, 150.0));
    let x = intersect(&e, a1, ll(10.0, 10.0), b1, ll(-25.0, 160.0)).unwrap();
    assert_intersection(&x, 5_944_236.514_973, -12_730_586.516_556, 34.929_571_150_829, 43.506_408_654_264);
    assert!(!x.within_a && !x.within_b);
    assert_on_both(&x, a1, 44.751_910_170_510_59, b1, 120.135_742_288_851_28);
}

#[test]
fn meridians_meet_at_the_pole() {
    // scripts/reference/geometry.py: along A = along B = 8896110.896078 m at the North Pole (= GeodSolve -i
    // -p 12 <<< "10 0 90 0": 8896110.8960783519 m); the South Pole crossing is at -11107820.562547 m on both.
    let e = Ellipsoid::wgs84();
    let x = intersect_azimuths(&e, ll(10.0, 0.0), 0.0, ll(10.0, 30.0), 0.0).unwrap();
    assert!((x.along_a_m - 8_896_110.896_078).abs() < MM);
    assert!((x.along_b_m - 8_896_110.896_078).abs() < MM);
    assert!((x.point.y() - 90.0).abs() < 1e-9);
    assert!(x.within_a && x.within_b);
    // Heading south from 10 N instead, the North Pole behind (8,896 km back on each) is still closer than the
    // South Pole ahead (11,108 km on each).
    let x = intersect_azimuths(&e, ll(10.0, 0.0), 180.0, ll(10.0, 30.0), 180.0).unwrap();
    assert!((x.along_a_m + 8_896_110.896_078).abs() < MM);
    assert!((x.point.y() - 90.0).abs() < 1e-9);
    assert!(!x.within_a && !x.within_b);
    // From 10 S heading south, the South Pole is the closer one: GeodSolve -i -p 12 <<< "-10 0 -90 0" gives
    // 8896110.8960783519 m.
    let x = intersect_azimuths(&e, ll(-10.0, 0.0), 180.0, ll(-10.0, 30.0), 180.0).unwrap();
    assert!((x.along_a_m - 8_896_110.896_078).abs() < MM);
    assert!((x.point.y() + 90.0).abs() < 1e-9);
}

#[test]
fn given_by_azimuths() {
    // scripts/reference/geometry.py: (20 N, 60 W) azimuth 60 and (10 S, 10 E) azimuth -30: along A
    // 4394651.495911 m, along B 5739620.618395 m, point 34.305220514341 -18.249841443253.
    let e = Ellipsoid::wgs84();
    let x = intersect_azimuths(&e, ll(20.0, -60.0), 60.0, ll(-10.0, 10.0), -30.0).unwrap();
    assert_intersection(&x, 4_394_651.495_911, 5_739_620.618_395, 34.305_220_514_341, -18.249_841_443_253);
    assert!(x.within_a && x.within_b);
    assert_on_both(&x, ll(20.0, -60.0), 60.0, ll(-10.0, 10.0), -30.0);
}

#[test]
fn shallow_crossing_angles() {
    // Two geodesics half a degree apart in azimuth. scripts/reference/geometry.py (8,001 samples):
    // (0,0) az 30 with (0, 0.5 E) az 30.5: along A 2981838.400383, along B 2934078.864457, 23.113389589839
    // 14.171898756761 (the other crossing: sum 34,154.8 km).
    let e = Ellipsoid::wgs84();
    let x = intersect_azimuths(&e, ll(0.0, 0.0), 30.0, ll(0.5, 0.0), 30.5).unwrap();
    assert_intersection(&x, 2_981_838.400_383, 2_934_078.864_457, 23.113_389_589_839, 14.171_898_756_761);
    // (0,0) az 30 with (0.5 E, 0) az 30.5: here the closer crossing is behind both starts: along A
    // -4525937.978616, along B -4553978.310443, -34.535858878630 -23.260127369655 (other: sum 30,968.4 km).
    let x = intersect_azimuths(&e, ll(0.0, 0.0), 30.0, ll(0.0, 0.5), 30.5).unwrap();
    assert_intersection(&x, -4_525_937.978_616, -4_553_978.310_443, -34.535_858_878_630, -23.260_127_369_655);
    assert!(!x.within_a && !x.within_b);
}

#[test]
fn intersection_at_a_given_point() {
    // B starts on A: GeodSolve -p 12 <<< "10 20 50 1000000" gives 15.721090623630463 27.136289601145368.
    let e = Ellipsoid::wgs84();
    let b1 = ll(15.721_090_623_630_463, 27.136_289_601_145_368);
    let x = intersect_azimuths(&e, ll(10.0, 20.0), 50.0, b1, 100.0).unwrap();
    assert!((x.along_a_m - 1_000_000.0).abs() < MM);
    assert!(x.along_b_m.abs() < MM);
    // Both start at the same point.
    let x = intersect_azimuths(&e, ll(10.0, 20.0), 50.0, ll(10.0, 20.0), -70.0).unwrap();
    assert_eq!((x.along_a_m, x.along_b_m), (0.0, 0.0));
    assert_eq!(x.point, ll(10.0, 20.0));
}

#[test]
fn random_pairs_meet_on_both_lines() {
    // Property over a deterministic spread of geodesics: the intersection lies on both (cross-track below 1
    // mm, checked with closest_approach and with the direct problem).
    let e = Ellipsoid::wgs84();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    for _ in 0..40 {
        let a1 = ll(170.0 * next() - 85.0, 360.0 * next() - 180.0);
        let b1 = ll(170.0 * next() - 85.0, 360.0 * next() - 180.0);
        let (azi_a, azi_b) = (360.0 * next() - 180.0, 360.0 * next() - 180.0);
        let x = intersect_azimuths(&e, a1, azi_a, b1, azi_b).unwrap();
        assert_on_both(&x, a1, azi_a, b1, azi_b);
        // The closest of the (roughly antipodal) crossings: the sum is at most about half a lap.
        assert!(x.along_a_m.abs() + x.along_b_m.abs() < 20_100_000.0, "{x:?}");
    }
}

#[test]
fn errors() {
    let e = Ellipsoid::wgs84();
    // Identical geodesics (both the equator).
    let r = intersect(&e, ll(0.0, 0.0), ll(0.0, 10.0), ll(0.0, 20.0), ll(0.0, 30.0));
    assert!(matches!(r, Err(GeodesyError::Undefined(_))), "{r:?}");
    let r = intersect_azimuths(&e, ll(0.0, 0.0), 90.0, ll(0.0, 50.0), -90.0);
    assert!(matches!(r, Err(GeodesyError::Undefined(_))), "{r:?}");
    // The same geodesic from two of its points.
    let r = intersect_azimuths(
        &e,
        ll(10.0, 20.0),
        50.0,
        ll(15.721_090_623_630_463, 27.136_289_601_145_368),
        51.592_346_255_337_539,
    );
    assert!(matches!(r, Err(GeodesyError::Undefined(_))), "{r:?}");
    // Zero-length lines.
    let r = intersect(&e, ll(0.0, 0.0), ll(0.0, 0.0), ll(0.0, 20.0), ll(1.0, 30.0));
    assert!(matches!(r, Err(GeodesyError::InvalidArgument(_))), "{r:?}");
    let r = intersect(&e, ll(0.0, 0.0), ll(1.0, 1.0), ll(5.0, 5.0), ll(5.0, 5.0));
    assert!(matches!(r, Err(GeodesyError::InvalidArgument(_))), "{r:?}");
    // Invalid input.
    assert!(intersect(&e, ll(95.0, 0.0), ll(1.0, 1.0), ll(5.0, 5.0), ll(6.0, 5.0)).is_err());
    assert!(intersect_azimuths(&e, ll(0.0, 0.0), f64::NAN, ll(5.0, 5.0), 3.0).is_err());
}
