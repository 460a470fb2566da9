//! `groundtrack closest`, `intersect`, `ring` and `reach` from the command line.
//!
//! Independent values, from GeographicLib 2.1.2's command-line tools (the command next to each value):
//! - closest approach and intersection: `python3 scripts/reference/geometry.py closest|intersect`, which
//!   finds them with `GeodSolve -L ... -p 12` and `GeodSolve -i -p 12` only (see tests/geometry_closest.rs
//!   and tests/geometry_intersect.rs, which assert the same values on the library);
//! - ring areas: `Planimeter -p 6` on the ring's own vertices, written by `dump_ring_vertices_for_planimeter`
//!   below and measured with `python3 scripts/reference/geometry.py ring-files` (or `Planimeter -p 6 -s`, the
//!   unsigned area, for rings larger than half the earth);
//! - antimeridian crossings of rings: bisection on the azimuth with `GeodSolve -p 12` (direct problem) until
//!   the longitude is 180; the final command is quoted;
//! - reach distances and azimuths: `GeodSolve -i -p 12`;
//! - the sphere: the spherical law of cosines, evaluated in the test.

// GeodSolve's and Planimeter's outputs are pasted digit for digit, so that they can be found in their output.
#![allow(clippy::excessive_precision)]

use assert_cmd::Command;
use geo_types::Point;
use groundtrack::geodesy::{EarthModel, Ellipsoid, RingShape, range_ring};
use predicates::str::contains;
use serde_json::Value;

const MM: f64 = 1e-3;
/// Sunan as in the shared reference values (the gazetteer's Sunan is 39.22389 N).
const SUNAN: &str = "39.2241 N, 125.67 E";
/// The geodesic tip of the 2017-08-29 case: "about 1,180 km east of Cape Erimo" from the reference values.
const TIP: &str = "41.05079002181 N, 157.34735599014 E";
/// Area of the WGS84 ellipsoid, 2 pi a^2 (1 + (1 - e^2) atanh(e) / e), closed form (as in
/// tests/geometry_ring.rs): 510,065,621,724,088.5 m^2.
const EARTH_AREA_M2: f64 = 510_065_621_724_088.5;

fn cmd() -> Command {
    Command::cargo_bin("groundtrack").unwrap()
}

fn json(args: &[&str]) -> Value {
    let out = cmd().args(args).assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

fn f(v: &Value, key: &str) -> f64 {
    v[key].as_f64().unwrap_or_else(|| panic!("{key} missing in {v}"))
}

fn stdout(args: &[&str]) -> String {
    String::from_utf8(cmd().args(args).assert().success().get_output().stdout.clone()).unwrap()
}

/// Runs a command that must fail with exit 2 and a message containing `message`.
fn fails(args: &[&str], message: &str) {
    cmd().args(args).assert().code(2).stderr(contains(message));
}

/// Asserts the distance on the ground between (lat, lon) and the JSON's `lat`/`lon`.
fn assert_point(v: &Value, lat: f64, lon: f64, tolerance_m: f64) {
    let e = Ellipsoid::wgs84();
    let gap = e.inverse(Point::new(f(v, "lon"), f(v, "lat")), Point::new(lon, lat)).unwrap().distance_m;
    assert!(gap < tolerance_m, "point ({}, {}) is {gap} m from ({lat}, {lon})", f(v, "lat"), f(v, "lon"));
}

#[test]
fn closest_reference_values() {
    // reference-values.md: "Point (45 N, 10 W) to the geodesic through (30 N, 40 W) and (50 N, 20 E):
    // 63,751.712 m". scripts/reference/geometry.py: along 3103661.580526 m, point 45.526867831966
    // -10.321241890489, cross -63751.712124 m (to the right of the north-eastbound line).
    let v = json(&["closest", "45 N, 10 W", "30 N, 40 W", "50 N, 20 E", "--json"]);
    assert!((f(&v, "cross_track_m") + 63_751.712_124).abs() < MM, "{v}");
    assert!((f(&v, "distance_m") - 63_751.712).abs() < MM);
    assert!((f(&v, "along_track_m") - 3_103_661.580_526).abs() < MM);
    assert_point(&v, 45.526_867_831_966, -10.321_241_890_489, MM);
    assert_eq!(v["side"], "right");
    assert_eq!(v["at_end"], Value::Null);
    assert!(v["cross_track_sign"].as_str().unwrap().contains("LEFT"));
    // reference-values.md: "Point (1 N, 5 E) to the equator: 110,574.38856 m" (GeodSolve -i -p 12 <<< "0 5 1
    // 5": 110574.38855780 m); along 556597.453966 m (GeodSolve -i -p 12 <<< "0 0 0 5"); left of eastbound.
    let v = json(&["closest", "1 N, 5 E", "0 N, 0 E", "0 N, 10 E", "--json"]);
    assert!((f(&v, "cross_track_m") - 110_574.388_56).abs() < MM, "{v}");
    assert!((f(&v, "along_track_m") - 556_597.453_966).abs() < MM);
    assert_point(&v, 0.0, 5.0, MM);
    assert_eq!(v["side"], "left");
    // GeodSolve -i -p 12 <<< "0 0 0 10": 1113194.9079327357 m, azimuth 90.
    assert!((f(&v, "line_length_m") - 1_113_194.907_932_735_7).abs() < MM);

    // Travelling the other way puts the point on the other side; the foot is the same point.
    let w = json(&["closest", "1 N, 5 E", "0 N, 10 E", "0 N, 0 E", "--json"]);
    assert!((f(&w, "cross_track_m") + 110_574.388_56).abs() < MM);
    assert!((f(&w, "along_track_m") - 556_597.453_966).abs() < MM);
    assert_eq!(w["side"], "right");

    // The text says the side and the convention, in the unit asked for: 63,751.712124 m / 1852 = 34.423 nmi.
    let text = stdout(&["closest", "45 N, 10 W", "30 N, 40 W", "50 N, 20 E", "--units", "nmi"]);
    assert!(text.contains("-34.423 nmi"), "{text}");
    assert!(text.contains("right of the direction of travel A to B"), "{text}");
    assert!(text.contains("LEFT of the direction of travel"), "{text}");
    assert!(text.contains("1,675.843 nmi from A"), "{text}"); // 3,103,661.580526 m / 1852
}

#[test]
fn closest_segment_end_points() {
    // Behind Sunan: scripts/reference/geometry.py: the nearest point of the segment is Sunan, 4120288.905819
    // m away (= GeodSolve -i -p 12 <<< "39.2241 125.67 10 100"); the full geodesic's cross-track
    // -1968368.990487 m.
    let v = json(&["closest", "10 N, 100 E", SUNAN, TIP, "--segment", "--json"]);
    assert_eq!(v["at_end"], "A");
    assert_eq!(v["along_track_m"], 0.0);
    assert!((f(&v, "distance_m") - 4_120_288.905_819).abs() < MM, "{v}");
    assert!((f(&v, "cross_track_m") + 1_968_368.990_487).abs() < MM);
    assert_point(&v, 39.2241, 125.67, 1e-6);
    // Beyond the tip: the end point at 1398619.093637 m, at along = the segment's length (GeodSolve -i -p 12
    // <<< "39.2241 125.67 41.05079002181 157.34735599014": 2692386.8703974676 m); cross-track +1153100.715361
    // m.
    let v = json(&["closest", "50 N, 170 E", SUNAN, TIP, "--segment", "--json"]);
    assert_eq!(v["at_end"], "B");
    assert!((f(&v, "along_track_m") - 2_692_386.870_397).abs() < MM);
    assert!((f(&v, "distance_m") - 1_398_619.093_637).abs() < MM);
    assert!((f(&v, "cross_track_m") - 1_153_100.715_361).abs() < MM);
    let text = stdout(&["closest", "50 N, 170 E", SUNAN, TIP, "--segment"]);
    assert!(text.contains("to the end point B"), "{text}");
    // Without --segment, the foot on the full geodesic beyond the tip: along 3488264.420966 m at
    // 39.902904238005 166.616652614662.
    let v = json(&["closest", "50 N, 170 E", SUNAN, TIP, "--json"]);
    assert!((f(&v, "along_track_m") - 3_488_264.420_966).abs() < MM);
    assert_point(&v, 39.902_904_238_005, 166.616_652_614_662, MM);
}

#[test]
fn closest_bad_input() {
    fails(&["closest", "Sunan", "Tokyo", "Tokyo"], "A (Tokyo) and B (Tokyo) are the same point");
    fails(&["closest", "Sunan", "35 N, 140 E", "35 N, 140 E", "--segment"], "same point");
    // The same point under two names (the poles at different longitudes are one point).
    fails(&["closest", "Sunan", "90 N, 0 E", "90 N, 120 E"], "same point");
    fails(&["closest", "Nowhereville", "Tokyo", "Sunan"], "POINT: unknown place \"Nowhereville\"");
    fails(&["closest", "Sunan", "95 N, 10 E", "Tokyo"], "A:");
    cmd().args(["closest", "Sunan", "Tokyo"]).assert().code(2);
    let help = stdout(&["closest", "--help"]);
    assert!(help.contains("WGS84") && help.contains("no --sphere"), "{help}");
    assert!(help.contains("positive when POINT is to the LEFT"), "{help}");
}

#[test]
fn intersect_reference_values() {
    // A: Sunan -> tip; B: (45 N, 140 E) -> (35 N, 140 E). scripts/reference/geometry.py: along A
    // 1237508.304183 m, along B 427150.131902 m, point 41.155066334189 140. Lengths: GeodSolve -i -p 12 gives
    // 2692386.870 and 1110351.476 m.
    let v = json(&["intersect", SUNAN, TIP, "45 N, 140 E", "35 N, 140 E", "--json"]);
    assert!((f(&v, "along_a_m") - 1_237_508.304_183).abs() < MM, "{v}");
    assert!((f(&v, "along_b_m") - 427_150.131_902).abs() < MM);
    assert_point(&v, 41.155_066_334_189, 140.0, MM);
    assert_eq!((v["within_a"].clone(), v["within_b"].clone()), (Value::Bool(true), Value::Bool(true)));
    assert!((f(&v, "length_b_m") - 1_110_351.476).abs() < 1e-2);
    // Two meridians from 10 N meet at the North Pole, beyond both segments: along A = along B =
    // 8896110.896078 m (GeodSolve -i -p 12 <<< "10 0 90 0": 8896110.8960783519).
    let v = json(&["intersect", "10 N, 0 E", "20 N, 0 E", "10 N, 30 E", "20 N, 30 E", "--json"]);
    assert!((f(&v, "along_a_m") - 8_896_110.896_078).abs() < MM, "{v}");
    assert!((f(&v, "along_b_m") - 8_896_110.896_078).abs() < MM);
    assert!((f(&v, "lat") - 90.0).abs() < 1e-9);
    assert_eq!((v["within_a"].clone(), v["within_b"].clone()), (Value::Bool(false), Value::Bool(false)));
    let text = stdout(&["intersect", "10 N, 0 E", "20 N, 0 E", "10 N, 30 E", "20 N, 30 E"]);
    assert!(text.contains("8,896.111 km from A1 (outside A1..A2)"), "{text}");
}

#[test]
fn intersect_bad_input() {
    fails(&["intersect", "0 N, 0 E", "0 N, 20 E", "0 N, 5 E", "0 N, 10 E"], "coincide");
    fails(&["intersect", "0 N, 0 E", "0 N, 0 E", "0 N, 5 E", "1 N, 10 E"], "A1 (0.00000, 0.00000) and A2");
    fails(&["intersect", "0 N, 0 E", "0 N, 5 E", "Sunan", "Sunan"], "B1 (Sunan) and B2 (Sunan) are the same");
    fails(&["intersect", "Sunan", "Tokyo", "Atlantis", "Seoul"], "B1: unknown place");
    let help = stdout(&["intersect", "--help"]);
    assert!(help.contains("WGS84") && help.contains("no") && help.contains("--sphere"), "{help}");
}

/// Every position of each polygon's rings: `[polygon][ring][vertex] = (lon, lat)`.
fn polygons(geometry: &Value) -> Vec<Vec<Vec<(f64, f64)>>> {
    let ring = |r: &Value| -> Vec<(f64, f64)> {
        r.as_array().unwrap().iter().map(|p| (p[0].as_f64().unwrap(), p[1].as_f64().unwrap())).collect()
    };
    let polygon = |p: &Value| -> Vec<Vec<(f64, f64)>> { p.as_array().unwrap().iter().map(ring).collect() };
    match geometry["type"].as_str().unwrap() {
        "Polygon" => vec![polygon(&geometry["coordinates"])],
        "MultiPolygon" => geometry["coordinates"].as_array().unwrap().iter().map(polygon).collect(),
        other => panic!("not a polygon: {other}"),
    }
}

/// The ring feature of `groundtrack ring CENTER RADIUS`'s GeoJSON (the second feature; the first is the
/// centre).
fn ring_feature(center: &str, radius: &str) -> Value {
    let v = json(&["ring", center, radius]);
    assert_eq!(v["type"], "FeatureCollection");
    assert_eq!(v["features"][0]["properties"]["role"], "center");
    v["features"][1].clone()
}

/// Checks a range ring's polygons against the true circle of `radius_m` around (lat, lon): every vertex off
/// the map's edge is on the circle (1 cm: 7 decimals), every cut vertex at ±180 too and has a partner at the
/// same latitude on the other side, every drawn segment off the map's edge stays within 1 km of the circle,
/// and the exterior rings are counter-clockwise. Returns the latitudes of the cuts at +180.
fn check_ring_polygons(geometry: &Value, lat: f64, lon: f64, radius_m: f64) -> Vec<f64> {
    let e = Ellipsoid::wgs84();
    let center = Point::new(lon, lat);
    let off = |x: f64, y: f64| (e.inverse(center, Point::new(x, y)).unwrap().distance_m - radius_m).abs();
    let on_edge = |a: (f64, f64), b: (f64, f64)| {
        (a.0.abs() == 180.0 && a.0 == b.0) || (a.1.abs() == 90.0 && a.1 == b.1)
    };
    let mut cuts_east = Vec::new();
    let mut cuts_west = Vec::new();
    for polygon in polygons(geometry) {
        let exterior = &polygon[0];
        assert_eq!(exterior.first(), exterior.last());
        let twice_area: f64 = exterior.windows(2).map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1).sum();
        assert!(twice_area > 0.0, "exterior not counter-clockwise");
        for &(x, y) in exterior {
            assert!(x.abs() <= 180.0 && y.abs() <= 90.0);
            if y.abs() == 90.0 {
                continue; // the closure along a pole
            }
            assert!(off(x, y) < 0.01, "vertex ({x}, {y}) is {} m off the circle", off(x, y));
            if x == 180.0 {
                cuts_east.push(y);
            } else if x == -180.0 {
                cuts_west.push(y);
            }
        }
        for w in exterior.windows(2) {
            if on_edge(w[0], w[1]) {
                continue;
            }
            for t in [0.25, 0.5, 0.75] {
                let (x, y) = (w[0].0 + t * (w[1].0 - w[0].0), w[0].1 + t * (w[1].1 - w[0].1));
                assert!(off(x, y) < 1_000.0 + 0.01, "segment {w:?} strays {} m", off(x, y));
            }
        }
    }
    cuts_east.sort_by(f64::total_cmp);
    cuts_east.dedup();
    cuts_west.sort_by(f64::total_cmp);
    cuts_west.dedup();
    assert_eq!(cuts_east, cuts_west, "cuts at +180 and -180 must pair up");
    cuts_east
}

#[test]
fn ring_areas_and_shapes() {
    // (centre, radius, Planimeter area of the ring's own vertices, vertex count, poles, cuts at 180 and
    // where). Areas: Planimeter -p 6 on the vertices written by dump_ring_vertices_for_planimeter (closing
    // vertex left out); for rings larger than half the earth the unsigned area (Planimeter -p 6 -s), since
    // Planimeter's signed area is reduced to (-A/2, A/2].
    // Cuts: GeodSolve -p 12 <<< "39.2241 125.67 102.33812703771898 6000000" gives 13.720808679225494
    // 179.999999999999943; "39.2241 125.67 163.11974713572243 13000000" gives -71.51759173020764
    // -179.99999999999997; "0 179.9 1.273101690132172 500000" gives 4.520634778693544 180 (and -4.5206... at
    // azimuth 178.7268983098678, by symmetry); "89.5 0 0 1000000" gives 81.546348469490596 180 (due north,
    // over the pole).
    type Case = (&'static str, f64, f64, &'static str, f64, usize, (bool, bool), &'static [f64]);
    let cases: [Case; 6] = [
        (SUNAN, 39.2241, 125.67, "1000 km", 3_133_917_860_111.7, 128, (false, false), &[]),
        (
            SUNAN,
            39.2241,
            125.67,
            "6,000 km",
            104_973_110_578_519.8,
            208,
            (true, false),
            &[13.720_808_679_225_494],
        ),
        (
            SUNAN,
            39.2241,
            125.67,
            "13000 km",
            370_505_516_934_609.4,
            224,
            (true, false),
            &[-71.517_591_730_207_64],
        ),
        (SUNAN, 39.2241, 125.67, "19,000 km", 506_843_802_126_808.0, 128, (true, true), &[]),
        (
            "89.5 N, 0 E",
            89.5,
            0.0,
            "1000 km",
            3_133_969_005_614.0,
            128,
            (true, false),
            &[81.546_348_469_490_596],
        ),
        (
            "0 N, 179.9 E",
            0.0,
            179.9,
            "500 km",
            783_738_759_331.8,
            64,
            (false, false),
            &[-4.520_634_778_693_544, 4.520_634_778_693_544],
        ),
    ];
    for (center, lat, lon, radius, area, vertices, poles, cuts) in cases {
        let what = format!("ring {center} {radius}");
        let feature = ring_feature(center, radius);
        let p = &feature["properties"];
        let radius_m = groundtrack::parse::parse_distance_m(radius).unwrap();
        assert_eq!(p["role"], "range ring", "{what}");
        assert_eq!(
            (f(p, "center_lat"), f(p, "center_lon"), f(p, "radius_m")),
            (lat, lon, radius_m),
            "{what}"
        );
        assert!((f(p, "area_m2") - area).abs() < 1.0, "{what}: area {} != Planimeter {area}", p["area_m2"]);
        assert_eq!(p["model"], "WGS84 geodesic");
        assert_eq!(p["whole_earth"], false);
        assert_eq!(
            (p["contains_north_pole"].as_bool(), p["contains_south_pole"].as_bool()),
            (Some(poles.0), Some(poles.1))
        );
        let summary = json(&["ring", center, radius, "--format", "json"]);
        assert_eq!(summary["rings"][0]["vertices"], vertices, "{what}");
        let found = check_ring_polygons(&feature["geometry"], lat, lon, radius_m);
        assert_eq!(found.len(), cuts.len(), "{what}: cuts {found:?}");
        for (got, want) in found.iter().zip(cuts) {
            assert!((got - want).abs() < 1e-7, "{what}: cut at {got}, GeodSolve {want}");
        }
    }
    // A ring containing the North Pole is one polygon closed along the pole: (180, 90) and (-180, 90).
    let feature = ring_feature(SUNAN, "6000 km");
    assert_eq!(feature["geometry"]["type"], "Polygon");
    let exterior = &polygons(&feature["geometry"])[0][0];
    assert!(exterior.contains(&(180.0, 90.0)) && exterior.contains(&(-180.0, 90.0)));
    // One crossing the antimeridian without a pole is two polygons.
    assert_eq!(ring_feature("0 N, 179.9 E", "500 km")["geometry"]["type"], "MultiPolygon");
    // Both poles inside: the whole map with the ring around the antipode as a hole.
    let feature = ring_feature(SUNAN, "19000 km");
    let parts = polygons(&feature["geometry"]);
    assert_eq!((parts.len(), parts[0].len()), (1, 2));
}

#[test]
fn ring_several_radii_file_table_and_units() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rings.geojson");
    let out = stdout(&[
        "ring",
        "Sunan",
        "1000 km",
        "540 nmi",
        "--geojson",
        path.to_str().unwrap(),
        "--units",
        "nmi",
    ]);
    // With --geojson the table is printed: 1,000 km = 539.957 nmi (1 nmi = 1,852 m).
    assert!(out.contains("540.0 nmi") && out.contains("Sunan"), "{out}");
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let printed = json(&["ring", "Sunan", "1000 km", "540 nmi"]);
    assert_eq!(written, printed);
    let features = written["features"].as_array().unwrap();
    assert_eq!(features.len(), 3);
    assert_eq!(features[2]["properties"]["radius_m"], 1_000_080.0);
    assert_eq!(features[1]["properties"]["center"], "Sunan");
}

#[test]
fn ring_whole_earth_and_bad_radii() {
    // Beyond the antipode's distance (GeodSolve -i -p 12 <<< "39.2241 125.67 -39.2241 -54.33":
    // 20003931.4586254470 m) the ring is the whole earth: not an error, the whole map, a note on stderr.
    let out = cmd().args(["ring", SUNAN, "20004 km"]).assert().success().stderr(contains("whole earth"));
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let p = &v["features"][1]["properties"];
    assert_eq!(p["whole_earth"], true);
    assert!((f(p, "area_m2") - EARTH_AREA_M2).abs() < 10.0);
    let parts = polygons(&v["features"][1]["geometry"]);
    assert_eq!(
        parts[0][0],
        vec![(-180.0, -90.0), (180.0, -90.0), (180.0, 90.0), (-180.0, 90.0), (-180.0, -90.0)]
    );
    // Just short of it the geodesic circle passes the cut locus (some of its "vertices" are nearer than the
    // radius): refused rather than drawn as a self-crossing ring with a wrong area. Well short of it: a ring.
    fails(&["ring", SUNAN, "20003 km"], "cut locus");
    let v = json(&["ring", SUNAN, "19900 km"]);
    assert_eq!(v["features"][1]["properties"]["whole_earth"], false);

    fails(&["ring", "Sunan", "0 km"], "RADIUS");
    fails(&["ring", "Sunan", "1000"], "unit is needed");
    fails(&["ring", "Sunan", "1000 km", "--", "-5 km"], "cannot be negative");
    fails(&["ring", "Sunan", "1000 km", "--max-deviation", "0 m"], "deviation");
    fails(&["ring", "Atlantis", "1000 km"], "CENTER: unknown place");
    cmd().args(["ring", "Sunan"]).assert().code(2);
}

#[test]
fn ring_on_the_sphere() {
    // On a sphere the circle of radius r around (lat0, lon0) is cos(r/R) = sin(lat0) sin(lat) + cos(lat0)
    // cos(lat) cos(dlon) (spherical law of cosines), independent of the crate's code; 7 decimals of a degree
    // are 1.1 cm, so cos(r/R) is met to about 2e-9.
    let (lat0, lon0, r) = (39.2241_f64, 125.67_f64, 2_500_000.0);
    let v = json(&["ring", SUNAN, "2500 km", "--sphere"]);
    assert_eq!(v["features"][1]["properties"]["model"], "sphere");
    let expected = (r / 6_371_008.8_f64).cos();
    for (x, y) in &polygons(&v["features"][1]["geometry"])[0][0] {
        let (phi0, phi, dl) = (lat0.to_radians(), y.to_radians(), (x - lon0).to_radians());
        let c = phi0.sin() * phi.sin() + phi0.cos() * phi.cos() * dl.cos();
        assert!((c - expected).abs() < 3e-9, "({x}, {y})");
    }
}

#[test]
fn reach_places_and_targets() {
    // GeodSolve -i -p 12 from the gazetteer's Sunan (39.22389 125.67):
    //   <<< "39.22389 125.67 13.58111 144.92444" (Andersen AFB): 141.039791941729078 ... 3413020.0264691161
    //   <<< "39.22389 125.67 61.2167 -149.9" (Anchorage): 36.465434637888407 ... 5999127.1283888547
    //   <<< "39.22389 125.67 21.3069 -157.8583" (Honolulu): ... 7407263.6602138197 (out of a 6,000 km range)
    let v = json(&["reach", "Sunan", "6000 km", "--kind", "target", "--format", "json"]);
    assert_eq!(v["kind"], "target");
    assert_eq!(f(&v, "range_m"), 6e6);
    let places = v["places"].as_array().unwrap();
    let by_name = |n: &str| places.iter().find(|p| p["name"] == n).cloned();
    let guam = by_name("Andersen AFB").unwrap();
    assert!((f(&guam, "distance_m") - 3_413_020.026_469).abs() < MM);
    assert!((f(&guam, "azimuth_deg") - 141.039_791_941_729).abs() < 1e-9);
    assert!((f(&guam, "margin_m") - (6e6 - 3_413_020.026_469)).abs() < MM);
    let anchorage = by_name("Anchorage").unwrap();
    assert!((f(&anchorage, "margin_m") - 872.871_611).abs() < MM);
    assert!((f(&anchorage, "azimuth_deg") - 36.465_434_637_888).abs() < 1e-9);
    assert!(by_name("Honolulu").is_none());
    assert!(places.iter().all(|p| p["kind"] == "target" && f(p, "margin_m") >= 0.0));
    let d: Vec<f64> = places.iter().map(|p| f(p, "distance_m")).collect();
    assert!(d.windows(2).all(|w| w[0] <= w[1]), "not sorted: {d:?}");
    // All kinds: the launch point itself is left out, cities and landmarks come in.
    let v = json(&["reach", "Sunan", "1500 km", "--format", "json"]);
    let names: Vec<&str> =
        v["places"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert!(
        !names.contains(&"Sunan") && names.contains(&"Pyongyang") && names.contains(&"Hakodate"),
        "{names:?}"
    );
    // The table.
    let text = stdout(&["reach", "Sunan", "6000 km", "--kind", "target"]);
    assert!(
        text.contains("Andersen AFB") && text.contains("3,413.0 km") && text.contains("2,587.0 km"),
        "{text}"
    );
    assert!(text.contains("no earth rotation"), "{text}");
}

#[test]
fn reach_named_target_needs_its_range() {
    // GeodSolve -i -p 12 <<< "40.0368 128.1839 13.58111 144.92444" (Sinpo to Guam's Andersen AFB):
    // 146.121334964095126 153.921906569780930 3357472.0945881791.
    let v = json(&["reach", "Sinpo", "--target", "Andersen AFB", "--format", "json"]);
    assert_eq!(v["range_m"], Value::Null);
    let t = &v["targets"][0];
    assert_eq!(t["name"], "Andersen AFB");
    assert!((f(t, "needed_range_m") - 3_357_472.094_588).abs() < MM);
    assert!((f(t, "azimuth_deg") - 146.121_334_964_095).abs() < 1e-9);
    assert_eq!(t["in_reach"], Value::Null);
    // GeodSolve -i -p 12 <<< "39.22389 125.67 38.907192 -77.036871" (Sunan to Washington):
    // 11049301.8148418516.
    let v = json(&[
        "reach",
        "Sunan",
        "10000 km",
        "--target",
        "Andersen AFB",
        "--target",
        "Washington, DC",
        "--format",
        "json",
    ]);
    let t = v["targets"].as_array().unwrap();
    assert_eq!((t[0]["in_reach"].as_bool(), t[1]["in_reach"].as_bool()), (Some(true), Some(false)));
    assert!((f(&t[1], "margin_m") + 1_049_301.814_842).abs() < MM);
    let text = stdout(&["reach", "Sinpo", "--target", "Andersen AFB", "--units", "mi"]);
    assert!(text.contains("2,086.2 mi"), "{text}"); // 3,357,472.09 m / 1,609.344
}

#[test]
fn reach_on_the_sphere() {
    // Haversine on the mean-earth sphere (R = 6,371,008.8 m), evaluated here.
    let (lat1, lon1, lat2, lon2) = (40.0368_f64, 128.1839_f64, 13.58111_f64, 144.92444_f64);
    let (p1, p2, dl) = (lat1.to_radians(), lat2.to_radians(), (lon2 - lon1).to_radians());
    let h = ((p2 - p1) / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    let d = 2.0 * 6_371_008.8 * h.sqrt().asin();
    let v = json(&["reach", "Sinpo", "--target", "Andersen AFB", "--sphere", "--format", "json"]);
    assert_eq!(v["model"], "sphere");
    assert!((f(&v["targets"][0], "distance_m") - d).abs() < MM, "{v}");
}

#[test]
fn reach_bad_input() {
    fails(&["reach", "Atlantis", "1000 km"], "LAUNCH: unknown place");
    fails(&["reach", "Sunan", "0 km"], "RANGE");
    fails(&["reach", "Sunan", "1000 km", "--target", "Atlantis"], "--target: unknown place");
    cmd().args(["reach", "Sunan"]).assert().code(2);
    cmd().args(["reach", "Sunan", "1000 km", "--kind", "volcano"]).assert().code(2);
}

#[test]
fn geojson_files_of_closest_intersect_and_reach() {
    let dir = tempfile::tempdir().unwrap();
    let file = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let read =
        |path: &str| -> Value { serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap() };
    let roles = |v: &Value| -> Vec<String> {
        v["features"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["properties"]["role"].as_str().unwrap().into())
            .collect()
    };
    let path = file("closest.geojson");
    cmd().args(["closest", "50 N, 170 E", SUNAN, TIP, "--geojson", &path]).assert().success();
    let v = read(&path);
    assert_eq!(roles(&v), ["point", "line start", "line end", "line", "nearest point", "cross-track"]);
    // The line is extended to the foot beyond the tip (166.6 E, along 3,488 km).
    let line = &v["features"][3]["geometry"]["coordinates"];
    let last = line.as_array().unwrap().last().unwrap();
    assert!((last[0].as_f64().unwrap() - 166.616_652_614_662).abs() < 1e-6, "{last}");

    let path = file("intersect.geojson");
    cmd()
        .args(["intersect", "10 N, 0 E", "20 N, 0 E", "10 N, 30 E", "20 N, 30 E", "--geojson", &path])
        .assert()
        .success();
    let v = read(&path);
    assert_eq!(roles(&v).last().unwrap(), "intersection");
    assert_eq!(v["features"][6]["geometry"]["coordinates"][1], 90.0);

    let path = file("reach.geojson");
    cmd()
        .args(["reach", "Sunan", "4000 km", "--kind", "target", "--target", "Honolulu", "--geojson", &path])
        .assert()
        .success();
    let v = read(&path);
    let r = roles(&v);
    assert_eq!(&r[..2], ["launch", "range ring"]);
    assert!(r.contains(&"place".to_string()) && r.ends_with(&["target".to_string(), "track".to_string()]));
}

/// Writes the vertices of the rings whose areas are checked above ("lat lon" lines, closing vertex left out)
/// for `python3 scripts/reference/geometry.py ring-files DIR/*.txt` (or `Planimeter -p 6 -s < FILE`). Run
/// with `GEOMETRY_RING_DUMP=DIR cargo test --test cli_geometry -- --ignored`. The `ring` command builds its
/// rings with the same call (1 km deviation).
#[test]
#[ignore = "writes files for the Planimeter cross-check; run by hand"]
fn dump_ring_vertices_for_planimeter() {
    use std::io::Write;
    let Some(dir) = std::env::var_os("GEOMETRY_RING_DUMP") else { return };
    let e = Ellipsoid::wgs84();
    let rings = [
        ("sunan1000", 39.2241, 125.67, 1e6),
        ("sunan6000", 39.2241, 125.67, 6e6),
        ("sunan13000", 39.2241, 125.67, 13e6),
        ("sunan19000", 39.2241, 125.67, 19e6),
        ("pole1000", 89.5, 0.0, 1e6),
        ("am500", 0.0, 179.9, 5e5),
    ];
    for (name, lat, lon, radius) in rings {
        let ring = range_ring(&e, Point::new(lon, lat), radius, 1_000.0).unwrap();
        let RingShape::Ring(v) = &ring.shape else { panic!("{name} is a ring") };
        let mut f = std::fs::File::create(std::path::Path::new(&dir).join(format!("{name}.txt"))).unwrap();
        for p in &v[..v.len() - 1] {
            writeln!(f, "{:.15} {:.15}", p.y(), p.x()).unwrap();
        }
    }
}
