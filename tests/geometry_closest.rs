//! Closest approach of a point to a geodesic (`closest_approach*`) against values computed independently with
//! GeographicLib 2.1.2's GeodSolve by `python3 scripts/reference/geometry.py closest`: the line is sampled
//! with `GeodSolve -L lat1 lon1 azi1 -p 12` (4,001 points over the range), the distance from P to each sample
//! with `GeodSolve -i -p 12`; the best sample is refined by golden-section search on that distance, then the
//! foot of the perpendicular by bisection on cos(azi(X->P) - azi_line(X)). No groundtrack code is involved.
//! Also the cross-track distances of /work/shared/cases/reference-values.md (110,574.38856 m; 63,751.712 m).

// GeodSolve's outputs are pasted digit for digit, so that they can be found in its output.
#![allow(clippy::excessive_precision)]

use geo_types::Point;
use groundtrack::geodesy::{
    ClosestApproach, EarthModel, Ellipsoid, GeodesyError, SegmentEnd, closest_approach,
    closest_approach_from_azimuth, closest_approach_on_segment,
};

const MM: f64 = 1e-3;

/// (lat, lon) in the order GeodSolve prints them.
fn ll(lat: f64, lon: f64) -> Point<f64> {
    Point::new(lon, lat)
}

fn wgs84() -> Ellipsoid {
    Ellipsoid::wgs84()
}

const SUNAN: (f64, f64) = (39.2241, 125.6700);
/// The end of the 2017-08-29 geodesic: Cape Erimo, azimuth 90, 1,180 km (reference-values.md).
const TIP: (f64, f64) = (41.05079002181, 157.34735599014);
/// The end of the 2017-08-29 rhumb line: Cape Erimo, azimuth 90, 1,180 km (reference-values.md).
const RHUMB_TIP: (f64, f64) = (41.9236, 157.47487276);
const CAPE_ERIMO: (f64, f64) = (41.9236, 143.2494);
const HAKODATE: (f64, f64) = (41.7667, 140.7333);
const MATSUMAE: (f64, f64) = (41.433, 140.117);

fn p(c: (f64, f64)) -> Point<f64> {
    ll(c.0, c.1)
}

/// Asserts an interior nearest point: along-track, point (within 1 mm on the ground) and signed cross-track.
fn assert_foot(c: &ClosestApproach, along: f64, lat: f64, lon: f64, cross: f64) {
    let e = wgs84();
    assert!((c.along_track_m - along).abs() < MM, "along {} != {along}", c.along_track_m);
    let gap = e.inverse(c.point, ll(lat, lon)).unwrap().distance_m;
    assert!(gap < MM, "point {:?} is {gap} m from ({lat}, {lon})", c.point);
    assert!((c.cross_track_m - cross).abs() < MM, "cross-track {} != {cross}", c.cross_track_m);
    assert!((c.distance_m - cross.abs()).abs() < MM, "distance {} != |{cross}|", c.distance_m);
}

#[test]
fn reference_values_cross_track() {
    // reference-values.md: "Point (1 N, 5 E) to the equator: 110,574.38856 m."
    let c = closest_approach(&wgs84(), ll(1.0, 5.0), ll(0.0, 0.0), ll(0.0, 10.0)).unwrap();
    assert!((c.distance_m - 110_574.388_56).abs() < MM);
    // scripts/reference/geometry.py: along 556597.453966 m, point 0 5, signed cross-track 110574.388558 m
    // (left of east).
    assert_foot(&c, 556_597.453_966, 0.0, 5.0, 110_574.388_558);
    assert_eq!(c.at_end, None);

    // reference-values.md: "Point (45 N, 10 W) to the geodesic through (30 N, 40 W) and (50 N, 20 E):
    // 63,751.712 m."
    let c = closest_approach(&wgs84(), ll(45.0, -10.0), ll(30.0, -40.0), ll(50.0, 20.0)).unwrap();
    assert!((c.distance_m - 63_751.712).abs() < MM);
    // scripts/reference/geometry.py: along 3103661.580526 m, point 45.526867831966 -10.321241890489, cross
    // -63751.712124 m (P is to the right of the north-eastbound line).
    assert_foot(&c, 3_103_661.580_526, 45.526_867_831_966, -10.321_241_890_489, -63_751.712_124);
}

#[test]
fn hwasong_12_2017_08_29_geodesic_landmarks() {
    // Segment Sunan -> (41.05079002181 N, 157.34735599014 E); GeodSolve -L 39.2241 125.67 75.44767289581183
    // -p 12 and GeodSolve -i -p 12, via scripts/reference/geometry.py. reference-values.md says about 65.2,
    // 62.5 and 29.6 km; the GeodSolve search gives 65.233, 62.291 and 29.844 km.
    let e = wgs84();
    let cases = [
        (CAPE_ERIMO, 1_514_170.746_021, 41.337_136_776_534, 143.291_989_955_986, 65_232.798_783),
        (HAKODATE, 1_304_497.710_190, 41.207_780_286_054, 140.795_353_033_377, 62_291.419_521),
        (MATSUMAE, 1_250_084.694_422, 41.165_381_347_388, 140.149_218_922_801, 29_843.891_129),
    ];
    for (place, along, lat, lon, cross) in cases {
        let c = closest_approach_on_segment(&e, p(place), p(SUNAN), p(TIP)).unwrap();
        assert_foot(&c, along, lat, lon, cross);
        assert_eq!(c.at_end, None);
        // The full geodesic gives the same foot.
        let full = closest_approach(&e, p(place), p(SUNAN), p(TIP)).unwrap();
        assert_foot(&full, along, lat, lon, cross);
    }
}

#[test]
fn hwasong_12_2017_08_29_rhumb_end_landmarks() {
    // Segment Sunan -> (41.9236 N, 157.47487276 E), scripts/reference/geometry.py; reference-values.md: about
    // 9.3 and 14.2 km.
    let e = wgs84();
    let cases = [
        (CAPE_ERIMO, 1_515_521.090_844, 41.840_699_555_423, 143.259_509_081_327, 9_245.987_965),
        (HAKODATE, 1_305_890.008_265, 41.642_134_220_998, 140.753_352_799_452, 13_935.527_780),
    ];
    for (place, along, lat, lon, cross) in cases {
        let c = closest_approach_on_segment(&e, p(place), p(SUNAN), p(RHUMB_TIP)).unwrap();
        assert_foot(&c, along, lat, lon, cross);
    }
}

#[test]
fn far_points_and_points_behind_the_start() {
    let e = wgs84();
    // (30 S, 100 W): about 143 degrees of arc from Sunan, beyond the reach of a gnomonic projection about A.
    // scripts/reference/geometry.py: along 15862563.644443 m, point -22.747381132883 -93.968702332122, cross
    // -1003539.521708 m
    let c = closest_approach(&e, ll(-30.0, -100.0), p(SUNAN), p(TIP)).unwrap();
    assert_foot(&c, 15_862_563.644_443, -22.747_381_132_883, -93.968_702_332_122, -1_003_539.521_708);
    // (10 N, 100 E), behind Sunan. scripts/reference/geometry.py: along -3680583.649772 m, point
    // 25.025799498945 90.046163805199, cross -1968368.990487 m
    let c = closest_approach(&e, ll(10.0, 100.0), p(SUNAN), p(TIP)).unwrap();
    assert_foot(&c, -3_680_583.649_772, 25.025_799_498_945, 90.046_163_805_199, -1_968_368.990_487);
    // The same line given by Sunan and its azimuth (GeodSolve -i -p 12: 75.44767289581183).
    let c = closest_approach_from_azimuth(&e, ll(10.0, 100.0), p(SUNAN), 75.447_672_895_811_83).unwrap();
    assert_foot(&c, -3_680_583.649_772, 25.025_799_498_945, 90.046_163_805_199, -1_968_368.990_487);
}

#[test]
fn segment_end_points() {
    let e = wgs84();
    // Behind Sunan: the nearest point of the segment is Sunan itself; scripts/reference/geometry.py:
    // 4120288.905819 m (= GeodSolve -i -p 12 <<< "39.2241 125.67 10 100"). The cross-track stays the full
    // geodesic's.
    let c = closest_approach_on_segment(&e, ll(10.0, 100.0), p(SUNAN), p(TIP)).unwrap();
    assert_eq!(c.at_end, Some(SegmentEnd::Start));
    assert_eq!(c.point, p(SUNAN));
    assert_eq!(c.along_track_m, 0.0);
    assert!((c.distance_m - 4_120_288.905_819).abs() < MM);
    assert!((c.cross_track_m + 1_968_368.990_487).abs() < MM);
    // Beyond the tip: scripts/reference/geometry.py: end point at 1398619.093637 m; the full geodesic's foot
    // is at along 3488264.420966 m, 39.902904238005 166.616652614662, cross-track +1153100.715361 m.
    let c = closest_approach_on_segment(&e, ll(50.0, 170.0), p(SUNAN), p(TIP)).unwrap();
    assert_eq!(c.at_end, Some(SegmentEnd::End));
    assert_eq!(c.point, p(TIP));
    assert!((c.along_track_m - 2_692_386.870_397).abs() < MM); // GeodSolve -i: 2692386.8703974676
    assert!((c.distance_m - 1_398_619.093_637).abs() < MM);
    assert!((c.cross_track_m - 1_153_100.715_361).abs() < MM);
    let full = closest_approach(&e, ll(50.0, 170.0), p(SUNAN), p(TIP)).unwrap();
    assert_foot(&full, 3_488_264.420_966, 39.902_904_238_005, 166.616_652_614_662, 1_153_100.715_361);
}

#[test]
fn point_on_the_line_and_at_its_start() {
    let e = wgs84();
    // 10,000 km along the Sunan line: GeodSolve -L 39.2241 125.67 75.44767289581183 -p 12 <<< 10000000 gives
    // 11.247986154585888 -135.218570651629477.
    let on_line = ll(11.247_986_154_585_888, -135.218_570_651_629_477);
    let c = closest_approach(&e, on_line, p(SUNAN), p(TIP)).unwrap();
    assert!(c.distance_m < MM);
    assert!(c.cross_track_m.abs() < MM);
    assert!((c.along_track_m - 10_000_000.0).abs() < MM);
    // P at A.
    let c = closest_approach_on_segment(&e, p(SUNAN), p(SUNAN), p(TIP)).unwrap();
    assert_eq!(c.distance_m, 0.0);
    assert_eq!(c.along_track_m, 0.0);
    assert_eq!(c.at_end, None);
    // P at B.
    let c = closest_approach_on_segment(&e, p(TIP), p(SUNAN), p(TIP)).unwrap();
    assert!(c.distance_m < MM);
    assert!((c.along_track_m - 2_692_386.870_397).abs() < MM);
}

#[test]
fn near_the_pole_of_the_geodesic() {
    // The geodesic through (0, 0) at azimuth 45 has its (spherical) pole near (45 N, 90 W): every point of it
    // is about 90 degrees away, and the distance hardly varies along it. scripts/reference/geometry.py (8,001
    // samples over the lap): along -15679470.189299 m, point -26.387587346661 -150.030588713992, distance
    // 9973128.807618 m. The distance is asserted to 1 mm; the along-track distance, ill-conditioned here, to
    // 1 m.
    let e = wgs84();
    let c = closest_approach_from_azimuth(&e, ll(45.0, -90.0), ll(0.0, 0.0), 45.0).unwrap();
    assert!((c.distance_m - 9_973_128.807_618).abs() < MM);
    assert!((c.along_track_m + 15_679_470.189_299).abs() < 1.0);
    assert!(c.cross_track_m > 0.0);
    // Slightly off the pole: along -4520799.923764 m, point -27.559643806964 -31.245145678396, 9805793.127451
    // m.
    let c = closest_approach_from_azimuth(&e, ll(44.0, -88.0), ll(0.0, 0.0), 45.0).unwrap();
    assert!((c.distance_m - 9_805_793.127_451).abs() < MM);
    assert!((c.along_track_m + 4_520_799.923_764).abs() < 1.0);
    // The North Pole and the equator: every point is a quarter meridian away (GeodSolve -i -p 12 <<< "0 0 90
    // 0": 10001965.7293127235 m); any point of the equator will do.
    let c = closest_approach_from_azimuth(&e, ll(90.0, 0.0), ll(0.0, 0.0), 90.0).unwrap();
    assert!((c.distance_m - 10_001_965.729_313).abs() < MM);
    assert!(c.point.y().abs() < 1e-9);
    assert!(c.cross_track_m > 0.0);
}

#[test]
fn the_foot_is_perpendicular_and_no_sample_is_nearer() {
    // Property over a grid of lines and points: the geodesic from the foot to P leaves the line at a right
    // angle, and no point of the line (every 2 degrees of arc over the lap, by the direct problem) is nearer.
    let e = wgs84();
    let mut checked = 0;
    for (i, lat_a) in [-60.0, -20.0, 0.0, 35.0, 70.0].into_iter().enumerate() {
        for (j, azi) in [0.0, 30.0, 90.0, 135.0, -100.0].into_iter().enumerate() {
            let a = ll(lat_a, 10.0 * i as f64);
            let pt = ll(-50.0 + 23.0 * j as f64, 40.0 * (i + j) as f64 - 150.0);
            let c = closest_approach_from_azimuth(&e, pt, a, azi).unwrap();
            if (c.distance_m - 10_001_965.0).abs() < 500_000.0 {
                continue; // near the geodesic's pole: ill-conditioned, covered above
            }
            let line_azimuth = e.direct(a, azi, c.along_track_m).unwrap().azimuth2_deg;
            let to_p = e.inverse(c.point, pt).unwrap();
            let angle = (to_p.azimuth1_deg - line_azimuth).to_radians();
            assert!(angle.cos().abs() < 1e-8, "not perpendicular: {angle} for {a:?} {azi} {pt:?}");
            assert_eq!(c.cross_track_m > 0.0, angle.sin() < 0.0, "side for {a:?} {azi} {pt:?}");
            for k in 0..180 {
                let s = c.along_track_m + 222_000.0 * (k as f64 - 90.0);
                let q = e.direct(a, azi, s).unwrap().point;
                assert!(e.inverse(q, pt).unwrap().distance_m >= c.distance_m - 1e-6);
            }
            checked += 1;
        }
    }
    assert!(checked >= 20);
}

#[test]
fn errors() {
    let e = wgs84();
    let a = ll(10.0, 20.0);
    assert!(matches!(closest_approach(&e, ll(0.0, 0.0), a, a), Err(GeodesyError::InvalidArgument(_))));
    assert!(matches!(
        closest_approach_on_segment(&e, ll(0.0, 0.0), a, a),
        Err(GeodesyError::InvalidArgument(_))
    ));
    // The poles at different longitudes are one point.
    assert!(closest_approach(&e, ll(0.0, 0.0), ll(90.0, 0.0), ll(90.0, 45.0)).is_err());
    assert!(matches!(
        closest_approach(&e, ll(91.0, 0.0), a, ll(0.0, 0.0)),
        Err(GeodesyError::LatitudeOutOfRange(_))
    ));
    assert!(closest_approach(&e, ll(f64::NAN, 0.0), a, ll(0.0, 0.0)).is_err());
    assert!(matches!(
        closest_approach(&e, ll(0.0, f64::INFINITY), a, ll(0.0, 0.0)),
        Err(GeodesyError::NotFinite { .. })
    ));
    assert!(matches!(
        closest_approach_from_azimuth(&e, ll(0.0, 0.0), a, f64::NAN),
        Err(GeodesyError::NotFinite { what: "azimuth", .. })
    ));
}
