//! External validation of written GeoJSON: a corpus of tracks and range rings, and the `check --geojson` output of
//! both scenario files and of the synthetic reports in `tests/data/reports` (infeasible figures, the antimeridian,
//! a region at and one near the North Pole), is written to a temporary directory and checked by two independent
//! tools, when they are installed:
//!
//! - `geojson-validator` (PyPI package `geojson-validator`, through `tests/validate_geojson.py`): schema, ring
//!   closure and orientation, self-intersection, coordinate range, antimeridian jumps; expects zero findings.
//! - GDAL's `ogr2ogr` (Debian package `gdal-bin`) in RFC 7946 mode, which rewrites the file as strict RFC 7946
//!   (re-winding rings, cutting at the antimeridian, 7 decimals): what it writes back must be our geometry.
//!
//! A missing tool makes its test print SKIPPED and why on stderr; under CI (the `CI` environment variable set) a
//! missing tool fails the test instead.

mod common;

use common::external_geojson::{
    assert_no_findings, assert_ogr2ogr_keeps, ogr2ogr_available, props, track_features, validator_script,
};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use geo_types::Point;
use groundtrack::geodesy::{EarthModel, Ellipsoid, Sphere, normalize_longitude};
use groundtrack::output::check_geojson;
use groundtrack::output::{
    feature, feature_collection, geodesic_circle_crossing, path_geometry, point_feature, ring_geometry,
    ring_geometry_with, to_geojson_string, write_geojson,
};
use groundtrack::places::Gazetteer;
use groundtrack::report::{CheckOptions, ReportFile, check_report};
use serde_json::Value;

const SUNAN: Point<f64> = Point(geo_types::Coord { x: 125.6700, y: 39.2241 });

/// A counter-clockwise range ring with unwrapped longitudes (decreasing azimuth), and its pole flags.
fn range_ring(center: Point<f64>, radius_m: f64, n: usize) -> (Vec<Point<f64>>, bool, bool) {
    let g = Ellipsoid::wgs84();
    let mut out: Vec<Point<f64>> = Vec::with_capacity(n);
    for i in 0..n {
        let p = g.direct(center, -360.0 * (i as f64) / (n as f64), radius_m).unwrap().point;
        let x = out.last().map_or(p.x(), |prev| prev.x() + normalize_longitude(p.x() - prev.x()));
        out.push(Point::new(x, p.y()));
    }
    let north = g.inverse(center, Point::new(0.0, 90.0)).unwrap().distance_m < radius_m;
    let south = g.inverse(center, Point::new(0.0, -90.0)).unwrap().distance_m < radius_m;
    (out, north, south)
}

/// Writes the corpus into `dir` and returns the files.
fn write_corpus(dir: &Path) -> Vec<PathBuf> {
    let wgs84 = Ellipsoid::wgs84();
    let mut files = Vec::new();
    let mut write = |name: &str, features| {
        let path = dir.join(name);
        write_geojson(&path, &feature_collection(features)).unwrap();
        files.push(path);
    };
    type Track = (&'static str, (f64, f64), (f64, f64));
    let tracks: [Track; 5] = [
        ("tokyo-los-angeles", (139.78, 35.55), (-118.41, 33.94)),
        ("sydney-los-angeles", (151.21, -33.87), (-118.41, 33.94)),
        ("vladivostok-porto-alegre", (131.89, 43.12), (-51.23, -30.03)),
        ("westward-165w-165e", (-165.0, 55.0), (165.0, 35.0)),
        ("over-the-pole", (0.0, 60.0), (180.0, 60.0)),
    ];
    for (name, a, b) in tracks {
        write(&format!("{name}.geojson"), track_features(name, Point::new(a.0, a.1), Point::new(b.0, b.1)));
    }
    let sphere =
        path_geometry(&Sphere::mean_earth(), &[Point::new(139.78, 35.55), Point::new(-118.41, 33.94)], 1e3)
            .unwrap();
    write("sphere-tokyo-los-angeles.geojson", vec![feature(&sphere, props("track", "sphere"))]);
    for km in [1_000.0, 6_000.0, 13_000.0, 19_000.0] {
        let (ring, n, s) = range_ring(SUNAN, km * 1e3, 1_440);
        let g = ring_geometry(&ring, n, s).unwrap();
        write(
            &format!("ring-sunan-{km}km.geojson"),
            vec![
                point_feature(SUNAN, props("centre", "Sunan")),
                feature(&g, props("range ring", &format!("{km} km"))),
            ],
        );
    }
    let (ring, n, s) = range_ring(Point::new(0.0, 0.0), 19_000_000.0, 1_440);
    let notch = ring_geometry(&ring, n, s).unwrap();
    write("ring-0n0e-19000km.geojson", vec![feature(&notch, props("range ring", "notch at 180"))]);
    let (ring, n, s) = range_ring(Point::new(-60.0, -89.0), 800_000.0, 720);
    write(
        "ring-89s.geojson",
        vec![feature(&ring_geometry(&ring, n, s).unwrap(), props("range ring", "89 S"))],
    );
    let pole = Point::new(30.0, 89.5);
    let (ring, n, s) = range_ring(pole, 500_000.0, 720);
    write(
        "ring-89.5n.geojson",
        vec![feature(&ring_geometry(&ring, n, s).unwrap(), props("range ring", "89.5 N"))],
    );
    let anti = Point::new(179.9, 0.0);
    let (ring, n, s) = range_ring(anti, 1_000_000.0, 720);
    let g = ring_geometry_with(&ring, n, s, geodesic_circle_crossing(&wgs84, anti, 1_000_000.0)).unwrap();
    write("ring-179.9e.geojson", vec![feature(&g, props("range ring", "179.9 E"))]);
    files
}

/// The GeoJSON of `groundtrack check --geojson` for the two scenario files of `data/scenarios` and the synthetic
/// reports of `tests/data/reports` (infeasible figures, a region across the antimeridian, at and near the North
/// Pole), computed once: (file name, text).
fn check_outputs() -> &'static [(String, String)] {
    static OUTPUTS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    OUTPUTS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut reports: Vec<PathBuf> = Vec::new();
        for dir in [root.join("data/scenarios"), root.join("tests/data/reports")] {
            let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect();
            found.sort();
            reports.extend(found);
        }
        assert!(reports.len() >= 7, "{reports:?}");
        reports
            .iter()
            .map(|path| {
                let file = ReportFile::load(path).unwrap();
                let report = check_report(&file, Gazetteer::embedded(), &CheckOptions::default()).unwrap();
                let fc = check_geojson::feature_collection_of(&report)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                let stem = path.file_stem().unwrap().to_string_lossy();
                (format!("check-{stem}.geojson"), to_geojson_string(&fc).unwrap())
            })
            .collect()
    })
}

/// Writes the corpus and the check outputs into `dir` and returns the files.
fn write_all(dir: &Path) -> Vec<PathBuf> {
    let mut files = write_corpus(dir);
    for (name, text) in check_outputs() {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        files.push(path);
    }
    files
}

#[test]
fn check_outputs_cover_every_feature_kind() {
    let mut roles = std::collections::BTreeSet::new();
    let mut kinds = std::collections::BTreeSet::new();
    for (name, text) in check_outputs() {
        let doc: Value = serde_json::from_str(text).unwrap();
        for f in doc["features"].as_array().unwrap() {
            roles.insert(f["properties"]["role"].as_str().unwrap().to_string());
            kinds.insert(f["geometry"]["type"].as_str().unwrap().to_string());
        }
        if name.contains("north-pole") && !name.contains("near") {
            assert!(text.contains(",90.0]"), "{name}: the region around the pole is closed along it");
        }
    }
    for role in ["launch", "reference", "reading", "estimate", "overflight", "track", "region"] {
        assert!(roles.contains(role), "no feature with role {role}: {roles:?}");
    }
    for kind in ["Point", "LineString", "MultiLineString", "Polygon", "MultiPolygon"] {
        assert!(kinds.contains(kind), "no {kind}: {kinds:?}");
    }
}

#[test]
fn geojson_validator_finds_nothing_in_the_corpus() {
    let Some(script) = validator_script("geojson_validator_finds_nothing_in_the_corpus") else { return };
    let dir = tempfile::tempdir().unwrap();
    assert_no_findings(&script, &write_all(dir.path()));

    // The validator is not blind: a clockwise exterior, a crs member and a real jump across the antimeridian
    // are all reported.
    let bad = dir.path().join("bad.geojson");
    std::fs::write(
        &bad,
        r#"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:4326"}},"features":[
        {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]}},
        {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[179.5,47.0],[-179.5,47.4]]}}]}"#,
    )
    .unwrap();
    let out = Command::new("python3").arg(&script).arg(&bad).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    for finding in ["crs", "exterior_not_ccw", "crosses_antimeridian"] {
        assert!(stdout.contains(finding), "{finding} not reported: {stdout}");
    }
}

#[test]
fn ogr2ogr_rfc7946_round_trip_keeps_the_geometry() {
    if !ogr2ogr_available("ogr2ogr_rfc7946_round_trip_keeps_the_geometry") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for input in write_all(dir.path()) {
        assert_ogr2ogr_keeps(&input);
    }
}
