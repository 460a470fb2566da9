//! The GeoJSON of the geometry commands, validated by independent tools: a corpus of range rings written by
//! `groundtrack ring` (around Sunan at 1,000, 6,000, 13,000 and 19,000 km, centred at 89.5 N, centred on
//! 179.9 E, the whole earth), the `--geojson` files of `closest`, `intersect` and `reach`, and tracks written
//! through the library's `path_geometry` (Tokyo to Los Angeles, Sydney to Los Angeles, Vladivostok to Porto
//! Alegre, (55 N, 165 W) to (35 N, 165 E), and one through the North Pole).
//!
//! - `geojson-validator` (PyPI `geojson-validator`, through `tests/validate_geojson.py`): schema, closure and
//!   winding, self-intersection, coordinate range, lines that jump across ±180; zero findings expected.
//! - GDAL's `ogr2ogr -f GeoJSON -lco RFC7946=YES` (Debian `gdal-bin`), which rewrites the file as strict RFC
//!   7946 (re-winding, cutting at the antimeridian): it must give back the same geometry.
//! - The validator maps +180 to -180, so its antimeridian rule is checked here on the cut vertices instead:
//!   each cut of a track is a pair (+180, lat), (-180, lat) at the latitude of the shared reference values
//!   ((55 N, 165 W) to (35 N, 165 E): 47.7766608128 N; Tokyo (35.55 N, 139.78 E) to Los Angeles (33.94 N,
//!   118.41 W): 47.416667108 N), and no consecutive positions of any line or ring differ by more than 180
//!   degrees of longitude except along a pole.
//!
//! A missing tool makes its test print SKIPPED on stderr; under CI (`CI` set) it fails instead.

mod common;

use common::external_geojson::{
    assert_no_findings, assert_ogr2ogr_keeps, ogr2ogr_available, read, track_features, validator_script,
};
use std::path::{Path, PathBuf};
use std::process::Command;

use geo_types::Point;
use groundtrack::output::{feature_collection, write_geojson};
use serde_json::Value;

const SUNAN: &str = "39.2241 N, 125.67 E";

/// A track of the corpus: name, start (lon, lat), end (lon, lat).
type Track = (&'static str, (f64, f64), (f64, f64));

/// The corpus's tracks.
const TRACKS: [Track; 5] = [
    ("tokyo-los-angeles", (139.78, 35.55), (-118.41, 33.94)),
    ("sydney-los-angeles", (151.21, -33.87), (-118.41, 33.94)),
    ("vladivostok-porto-alegre", (131.89, 43.12), (-51.23, -30.03)),
    ("55n165w-35n165e", (-165.0, 55.0), (165.0, 35.0)),
    ("through-the-north-pole", (30.0, 60.0), (-150.0, 70.0)),
];

fn groundtrack(args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_groundtrack")).args(args).output().unwrap();
    assert!(out.status.success(), "groundtrack {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// Writes the corpus into `dir` and returns the files.
fn write_corpus(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut path = |name: &str| {
        let p = dir.join(name);
        files.push(p.clone());
        p.to_str().unwrap().to_string()
    };
    let rings: [(&str, &str, &[&str]); 7] = [
        ("ring-sunan-1000km.geojson", SUNAN, &["1000 km"]),
        ("ring-sunan-6000km.geojson", SUNAN, &["6000 km"]),
        ("ring-sunan-13000km.geojson", SUNAN, &["13000 km"]),
        ("ring-sunan-19000km.geojson", SUNAN, &["19000 km"]),
        ("ring-89.5n.geojson", "89.5 N, 30 E", &["100 km", "1000 km", "5000 km"]),
        ("ring-179.9e.geojson", "0 N, 179.9 E", &["500 km", "1000 km", "3000 km"]),
        ("ring-whole-earth.geojson", "Sunan", &["1000 km", "25000 km"]),
    ];
    for (name, center, radii) in rings {
        let p = path(name);
        let mut args = vec!["ring", center];
        args.extend_from_slice(radii);
        args.extend_from_slice(&["--geojson", &p]);
        groundtrack(&args);
    }
    let p = path("ring-sphere.geojson");
    groundtrack(&["ring", "Tokyo", "9000 km", "--sphere", "--geojson", &p]);
    let p = path("closest.geojson");
    groundtrack(&["closest", "50 N, 170 E", SUNAN, "41.05079002181 N, 157.34735599014 E", "--geojson", &p]);
    let p = path("closest-across-180.geojson");
    groundtrack(&["closest", "60 N, 175 W", "Tokyo", "Los Angeles", "--geojson", &p]);
    let p = path("intersect.geojson");
    groundtrack(&["intersect", "10 N, 0 E", "20 N, 0 E", "10 N, 30 E", "20 N, 30 E", "--geojson", &p]);
    let p = path("intersect-across-180.geojson");
    groundtrack(&["intersect", "Tokyo", "Los Angeles", "60 N, 179 W", "20 N, 179 E", "--geojson", &p]);
    let p = path("reach.geojson");
    groundtrack(&[
        "reach",
        "Sunan",
        "6000 km",
        "--target",
        "Honolulu",
        "--target",
        "Washington, DC",
        "--geojson",
        &p,
    ]);

    for (name, a, b) in TRACKS {
        let features = track_features(name, Point::new(a.0, a.1), Point::new(b.0, b.1));
        let p = path(&format!("track-{name}.geojson"));
        write_geojson(Path::new(&p), &feature_collection(features)).unwrap();
    }
    files
}

#[test]
fn geojson_validator_finds_nothing() {
    let Some(script) = validator_script("geojson_validator_finds_nothing") else { return };
    let dir = tempfile::tempdir().unwrap();
    assert_no_findings(&script, &write_corpus(dir.path()));
    // Not blind: the whole-earth ring's file with a clockwise exterior is reported.
    let mut bad = read(&dir.path().join("ring-whole-earth.geojson"));
    let exterior = bad["features"][2]["geometry"]["coordinates"][0].as_array_mut().unwrap();
    exterior.reverse();
    let bad_path = dir.path().join("bad.geojson");
    std::fs::write(&bad_path, bad.to_string()).unwrap();
    let out = Command::new("python3").arg(&script).arg(&bad_path).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout).contains("exterior_not_ccw"));
}

#[test]
fn ogr2ogr_rfc7946_gives_back_the_same_geometry() {
    if !ogr2ogr_available("ogr2ogr_rfc7946_gives_back_the_same_geometry") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for input in write_corpus(dir.path()) {
        assert_ogr2ogr_keeps(&input);
    }
}

/// The lists of positions (lines and rings) of a geometry.
fn position_lists(g: &Value) -> Vec<Vec<(f64, f64)>> {
    let list = |v: &Value| -> Vec<(f64, f64)> {
        v.as_array().unwrap().iter().map(|p| (p[0].as_f64().unwrap(), p[1].as_f64().unwrap())).collect()
    };
    let c = &g["coordinates"];
    match g["type"].as_str().unwrap() {
        "Point" => vec![],
        "LineString" => vec![list(c)],
        "MultiLineString" | "Polygon" => c.as_array().unwrap().iter().map(list).collect(),
        "MultiPolygon" => {
            c.as_array().unwrap().iter().flat_map(|p| p.as_array().unwrap().iter().map(list)).collect()
        }
        other => panic!("unexpected geometry {other}"),
    }
}

#[test]
fn cuts_at_the_antimeridian() {
    let dir = tempfile::tempdir().unwrap();
    let files = write_corpus(dir.path());
    // No line or ring jumps across ±180: consecutive longitudes differ by at most 180 degrees, except along a
    // pole (latitude ±90), which is the closure of a ring around it.
    let mut cut_lines = 0;
    for path in &files {
        for f in read(path)["features"].as_array().unwrap() {
            for list in position_lists(&f["geometry"]) {
                for w in list.windows(2) {
                    let along_pole = w[0].1 == w[1].1 && w[0].1.abs() == 90.0;
                    assert!(
                        (w[1].0 - w[0].0).abs() <= 180.0 || along_pole,
                        "{}: jump {:?} -> {:?}",
                        path.display(),
                        w[0],
                        w[1]
                    );
                }
            }
        }
    }
    // The tracks' cuts: a part ends at ±180 and the next starts at ∓180 at the same latitude, the geodesic's
    // own crossing from the shared reference values (7 decimals are written).
    let crossings =
        [("55n165w-35n165e", -180.0, 47.776_660_812_8), ("tokyo-los-angeles", 180.0, 47.416_667_108)];
    for (name, leaving, lat) in crossings {
        let v = read(&dir.path().join(format!("track-{name}.geojson")));
        let g = &v["features"][2]["geometry"];
        assert_eq!(g["type"], "MultiLineString", "{name}");
        let parts = position_lists(g);
        assert_eq!(parts.len(), 2, "{name}");
        let (end, start) = (*parts[0].last().unwrap(), parts[1][0]);
        assert_eq!((end.0, start.0), (leaving, -leaving), "{name}");
        assert_eq!(end.1, start.1, "{name}");
        assert!((end.1 - lat).abs() < 1e-7, "{name}: cut at {}, reference {lat}", end.1);
        cut_lines += 1;
    }
    // Every other cut track has its parts paired the same way.
    for (name, _, _) in TRACKS {
        let v = read(&dir.path().join(format!("track-{name}.geojson")));
        let parts = position_lists(&v["features"][2]["geometry"]);
        for w in parts.windows(2) {
            let (end, start) = (*w[0].last().unwrap(), w[1][0]);
            assert_eq!(end.0.abs(), 180.0, "{name}");
            assert_eq!((end.0, end.1), (-start.0, start.1), "{name}");
        }
    }
    assert_eq!(cut_lines, 2);
    // Each ring polygon's cut vertices at +180 and -180 pair up at the same latitudes.
    for name in ["ring-sunan-6000km", "ring-sunan-13000km", "ring-89.5n", "ring-179.9e"] {
        let v = read(&dir.path().join(format!("{name}.geojson")));
        for f in v["features"].as_array().unwrap().iter().filter(|f| f["properties"]["role"] == "range ring")
        {
            let (mut east, mut west) = (Vec::new(), Vec::new());
            for list in position_lists(&f["geometry"]) {
                for &(x, y) in &list {
                    if y.abs() < 90.0 && x == 180.0 {
                        east.push(y);
                    } else if y.abs() < 90.0 && x == -180.0 {
                        west.push(y);
                    }
                }
            }
            for l in [&mut east, &mut west] {
                l.sort_by(f64::total_cmp);
                l.dedup();
            }
            assert!(!east.is_empty(), "{name}: {} does not cross", f["properties"]["radius_m"]);
            assert_eq!(east, west, "{name}");
        }
    }
}
