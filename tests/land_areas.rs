//! Overflight of area places by polygon, against `scripts/land_crossings_check.py` run on
//! data/land/areas.geojson (GeodSolve samples the geodesic, shapely intersects; see tests/land_overflight.rs).

use geo_types::Point;
use groundtrack::geodesy::Ellipsoid;
use groundtrack::land::{Countries, OverflightOptions, area_stretches};

fn stretches(track: &[Point<f64>], area: &str) -> Option<Vec<(f64, f64)>> {
    area_stretches(&Ellipsoid::wgs84(), track, area, &OverflightOptions::default())
        .unwrap()
        .map(|v| v.iter().map(|s| (s.entry_along_m / 1000.0, s.exit_along_m / 1000.0)).collect())
}

fn close(got: &[(f64, f64)], want: &[(f64, f64)]) -> bool {
    got.len() == want.len()
        && got.iter().zip(want).all(|(a, b)| (a.0 - b.0).abs() < 0.02 && (a.1 - b.1).abs() < 0.02)
}

#[test]
fn the_seed_track_crosses_the_oshima_peninsula_polygon() {
    // python3 scripts/land_crossings_check.py 39.22389 125.67 42.07 157.51 data/land/areas.geojson
    // Oshima Peninsula: along 1244.514 1286.672 km, then 1326.756 1328.342 km (and the same for Hokkaido).
    let track = [Point::new(125.67, 39.22389), Point::new(157.51, 42.07)];
    let want = [(1244.514, 1286.672), (1326.756, 1328.342)];
    let got = stretches(&track, "Oshima Peninsula").unwrap();
    assert!(close(&got, &want), "{got:?}");
    assert!(close(&stretches(&track, "Hokkaido").unwrap(), &want));
}

#[test]
fn central_hokkaido_is_not_the_oshima_peninsula() {
    // python3 scripts/land_crossings_check.py 43.0 139.0 43.0 146.5 data/land/areas.geojson
    // -> Hokkaido: along 120.698 492.447 km; nothing for the Oshima Peninsula.
    let track = [Point::new(139.0, 43.0), Point::new(146.5, 43.0)];
    assert!(close(&stretches(&track, "Hokkaido").unwrap(), &[(120.698, 492.447)]));
    assert_eq!(stretches(&track, "Oshima Peninsula").unwrap(), []);
}

#[test]
fn areas_without_an_outline_fall_back_to_their_radius() {
    let track = [Point::new(139.0, 40.0), Point::new(141.0, 40.0)];
    for area in ["Tohoku", "Oga Peninsula", "Oshima-Oshima", "Sunan"] {
        assert!(stretches(&track, area).is_none(), "{area}");
    }
    let names: Vec<&str> = Countries::areas().unwrap().countries().iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Hokkaido", "Okushiri Island", "Okinawa Island", "Miyako Island", "Oshima Peninsula"]);
    // Each outline contains its gazetteer point (data/places.csv).
    for (name, lon, lat) in [
        ("Hokkaido", 142.0, 43.0),
        ("Okushiri Island", 139.46722, 42.14917),
        ("Okinawa Island", 127.92778, 26.47944),
        ("Miyako Island", 125.317, 24.767),
        ("Oshima Peninsula", 140.3, 41.85),
    ] {
        assert!(Countries::areas().unwrap().by_name(name).unwrap().contains(Point::new(lon, lat)), "{name}");
    }
}
