//! Land overflight against a second, independent method.
//!
//! Reference values come from `scripts/land_crossings_check.py`, which shares only the polygons
//! (data/land/countries-50m.geojson) with the library: GeographicLib's GeodSolve samples the geodesic every 100 m
//! (`GeodSolve -L`), shapely 2 intersects that polyline with each country in the lon/lat plane, and `GeodSolve -i`
//! measures the distance from the start to each end. The library instead samples every 1 km and bisects to 10 m,
//! so the two agree to a few metres; the tests allow 20 m along the track and 3e-4 degrees (about 30 m).

#![allow(clippy::excessive_precision)] // values as GeodSolve printed them

use geo_types::Point;
use groundtrack::geodesy::Ellipsoid;
use groundtrack::land::{Countries, LandStretch, OverflightOptions, land_stretches, overflights, with_times};

/// One reference stretch: country, entry (lat, lon), exit (lat, lon), along-track km of entry and exit.
type Expected = (&'static str, (f64, f64), (f64, f64), f64, f64);

fn assert_matches(got: &[LandStretch], expected: &[Expected]) {
    let names: Vec<&str> = got.iter().map(|s| s.country.as_str()).collect();
    assert_eq!(got.len(), expected.len(), "stretches {names:?}");
    for (s, (country, entry, exit, entry_km, exit_km)) in got.iter().zip(expected) {
        assert_eq!(s.country, *country);
        for (p, (lat, lon)) in [(s.entry, entry), (s.exit, exit)] {
            let dlon = groundtrack::geodesy::normalize_longitude(p.x() - lon).abs();
            assert!((p.y() - lat).abs() < 3e-4 && dlon < 3e-4, "{country}: {p:?} vs {lat} {lon}");
        }
        assert!((s.entry_along_m / 1000.0 - entry_km).abs() < 0.020, "{country}: entry {}", s.entry_along_m);
        assert!((s.exit_along_m / 1000.0 - exit_km).abs() < 0.020, "{country}: exit {}", s.exit_along_m);
    }
}

#[test]
fn seed_track_crosses_north_korea_then_hokkaido() {
    // python3 scripts/land_crossings_check.py 39.22389 125.67 42.07 157.51
    // (Sunan to the seed report's point about 1,180 km east of Cape Erimo)
    let expected: [Expected; 3] = [
        ("North Korea", (39.22389, 125.67000), (39.65075, 127.53323), 0.000, 167.257),
        ("Japan", (41.64291, 140.01043), (41.69280, 140.51226), 1244.514, 1286.672),
        ("Japan", (41.73819, 140.99011), (41.73995, 141.00903), 1326.756, 1328.342),
    ];
    let got = overflights(Point::new(125.67, 39.22389), Point::new(157.51, 42.07)).unwrap();
    assert_matches(&got, &expected);
    assert!(got[0].starts_on_land && !got[0].ends_on_land);
    assert!(got[1..].iter().all(|s| !s.starts_on_land && !s.ends_on_land));
    assert_eq!(got[1].iso_n3.as_deref(), Some("392"));
}

#[test]
fn land_borders_end_one_stretch_where_the_next_begins() {
    // python3 scripts/land_crossings_check.py 48.8566 2.3522 52.52 13.405   (Paris to Berlin)
    let expected: [Expected; 3] = [
        ("France", (48.85660, 2.35220), (49.83124, 4.85299), 0.000, 211.580),
        ("Belgium", (49.83124, 4.85299), (50.37181, 6.35126), 211.580, 334.482),
        ("Germany", (50.37181, 6.35126), (52.52000, 13.40500), 334.482, 879.699),
    ];
    let got = overflights(Point::new(2.3522, 48.8566), Point::new(13.405, 52.52)).unwrap();
    assert_matches(&got, &expected);
    assert_eq!(got[0].exit, got[1].entry);
    assert!(got[2].ends_on_land);
}

#[test]
fn a_track_across_the_antimeridian_is_not_cut_there() {
    // python3 scripts/land_crossings_check.py 64.0 172.0 67.5 -172.0   (across Chukotka)
    let expected: [Expected; 4] = [
        ("Russia", (64.00000, 172.00000), (66.13778, 180.28271), 0.000, 456.315),
        ("Russia", (66.15307, 180.35492), (66.22199, 180.68345), 459.994, 476.677),
        ("Russia", (66.26587, 180.89534), (66.37201, 181.41686), 487.389, 513.596),
        ("Russia", (66.38285, 181.47086), (67.04744, 185.08833), 516.298, 692.267),
    ];
    let got = overflights(Point::new(172.0, 64.0), Point::new(-172.0, 67.5)).unwrap();
    assert_matches(&got, &expected);
}

#[test]
fn a_track_of_several_vertices_gives_the_same_stretches_as_one_geodesic() {
    // A point on the seed geodesic 1,300 km from Sunan:
    // echo 39.22389 125.67 72.949905018300583 1300000 | GeodSolve -p 12
    // -> 41.708111084784015 140.671071772213651 (lat lon), over the Tsugaru Strait; a vertex there changes
    // nothing.
    let mid = Point::new(140.671071772213651, 41.708111084784015);
    let track = [Point::new(125.67, 39.22389), mid, Point::new(157.51, 42.07)];
    let all = Countries::embedded().unwrap();
    let got = land_stretches(&Ellipsoid::wgs84(), &track, all, &OverflightOptions::default()).unwrap();
    let one = overflights(track[0], track[2]).unwrap();
    assert_eq!(got.len(), one.len());
    for (a, b) in got.iter().zip(&one) {
        assert_eq!(a.country, b.country);
        assert!((a.entry_along_m - b.entry_along_m).abs() < 20.0);
        assert!((a.exit_along_m - b.exit_along_m).abs() < 20.0);
    }
}

#[test]
fn a_coarse_spacing_misses_narrow_land_and_the_fine_one_finds_it() {
    // The 1.6 km stretch over Cape Esan (the third of the seed track) falls between samples 50 km apart
    // (samples 26 and 27, at 1,297.9 and 1,347.9 km, lie on either side of it, both over the sea).
    let track = [Point::new(125.67, 39.22389), Point::new(157.51, 42.07)];
    let all = Countries::embedded().unwrap();
    let coarse =
        OverflightOptions { spacing_m: 2_695_857.680_298_555_2 / 54.0, ..OverflightOptions::default() };
    let got = land_stretches(&Ellipsoid::wgs84(), &track, all, &coarse).unwrap();
    assert!(!got.iter().any(|s| (s.entry_along_m - 1_326_756.0).abs() < 1_000.0));
    let fine = land_stretches(&Ellipsoid::wgs84(), &track, all, &OverflightOptions::default()).unwrap();
    assert!(fine.iter().any(|s| (s.entry_along_m - 1_326_756.0).abs() < 20.0));
}

#[test]
fn times_come_from_the_trajectory_function() {
    let mut s = overflights(Point::new(125.67, 39.22389), Point::new(157.51, 42.07)).unwrap();
    // A stand-in trajectory: 2,695.858 km in 840 s at constant ground speed (closed form t = s / v).
    let v = 2_695_857.680_298_555_2 / 840.0;
    with_times(&mut s, |along| if along <= 2_695_858.0 { Some(along / v) } else { None });
    assert_eq!(s[0].entry_time_s, Some(0.0));
    assert!((s[1].entry_time_s.unwrap() - 1_244_514.0 / v).abs() < 0.01);
    let json = serde_json::to_value(&s[1]).unwrap();
    assert_eq!(json["country"], "Japan");
    assert!((json["entry_along_km"].as_f64().unwrap() - 1244.514).abs() < 0.02);
    assert!((json["entry"]["lat"].as_f64().unwrap() - 41.64291).abs() < 3e-4);
    assert!(json["exit_time_s"].as_f64().is_some());
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    let all = Countries::embedded().unwrap();
    let e = Ellipsoid::wgs84();
    let ok = OverflightOptions::default();
    assert!(land_stretches(&e, &[], all, &ok).is_err());
    assert!(land_stretches(&e, &[Point::new(0.0, 95.0)], all, &ok).is_err());
    assert!(land_stretches(&e, &[Point::new(f64::NAN, 0.0), Point::new(1.0, 1.0)], all, &ok).is_err());
    for spacing_m in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        let bad = OverflightOptions { spacing_m, ..ok };
        assert!(land_stretches(&e, &[Point::new(0.0, 0.0), Point::new(1.0, 1.0)], all, &bad).is_err());
    }
    // One vertex: a track of no length, over land or not.
    let one = land_stretches(&e, &[Point::new(142.0, 43.0)], all, &ok).unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].length_m(), 0.0);
}
