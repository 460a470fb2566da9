//! The independent checks of written GeoJSON shared by `tests/geometry_geojson_corpus.rs` and
//! `tests/output_external.rs`, and the track features both corpora write:
//!
//! - `geojson-validator` (PyPI `geojson-validator`, through `tests/validate_geojson.py`): schema, ring closure and
//!   orientation, self-intersection, coordinate range, antimeridian jumps; zero findings expected.
//! - GDAL's `ogr2ogr -f GeoJSON -lco RFC7946=YES` (Debian `gdal-bin`), which rewrites a file as strict RFC 7946
//!   (re-winding rings, cutting at the antimeridian, 7 decimals): it must give back the same geometry.

use std::path::{Path, PathBuf};
use std::process::Command;

use geo_types::Point;
use geojson::Feature;
use groundtrack::geodesy::Ellipsoid;
use groundtrack::output::{feature, path_geometry, point_feature};
use serde_json::{Map, Value, json};

use super::{runs, skip_or_fail};

/// Feature properties with a `role` and a `name`.
pub fn props(role: &str, name: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("role".into(), json!(role));
    m.insert("name".into(), json!(name));
    m
}

/// The features of the track `name` from `a` to `b`: the points `start` and `end`, and the WGS84 geodesic between
/// them as `track` (`path_geometry`, within 1 km of the true line).
pub fn track_features(name: &str, a: Point<f64>, b: Point<f64>) -> Vec<Feature> {
    let line = path_geometry(&Ellipsoid::wgs84(), &[a, b], 1_000.0).unwrap();
    vec![
        point_feature(a, props("start", name)),
        point_feature(b, props("end", name)),
        feature(&line, props("track", name)),
    ]
}

/// `tests/validate_geojson.py`, or `None` (after [`skip_or_fail`] for `test`) when python3 cannot import
/// geojson_validator.
pub fn validator_script(test: &str) -> Option<PathBuf> {
    if !runs("python3", &["-c", "import geojson_validator"]) {
        skip_or_fail(test, "python3 cannot import geojson_validator (pip install geojson-validator)");
        return None;
    }
    Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("validate_geojson.py"))
}

/// Runs the validator `script` over `files` and asserts that it finds nothing.
pub fn assert_no_findings(script: &Path, files: &[PathBuf]) {
    let out = Command::new("python3").arg(script).args(files).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "validator findings:\n{stdout}\n{stderr}");
    assert!(stdout.contains(&format!("{} files, 0 findings", files.len())), "{stdout}");
}

/// Whether `ogr2ogr` runs; when it does not, [`skip_or_fail`] for `test`.
pub fn ogr2ogr_available(test: &str) -> bool {
    let available = runs("ogr2ogr", &["--version"]);
    if !available {
        skip_or_fail(test, "ogr2ogr is not installed (apt-get install gdal-bin)");
    }
    available
}

/// Rewrites `input` with `ogr2ogr -f GeoJSON -lco RFC7946=YES` and asserts that every feature keeps its geometry
/// type, its properties (numbers within 1e-12 relative: GDAL prints 17 significant digits, which serde_json may
/// read into the neighbouring double) and its parts and positions (within 1e-7 degree: GDAL writes 7 decimals).
pub fn assert_ogr2ogr_keeps(input: &Path) {
    let output = input.with_extension("ogr.json");
    let run = Command::new("ogr2ogr")
        .args(["-f", "GeoJSON", "-lco", "RFC7946=YES"])
        .arg(&output)
        .arg(input)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}: {}", input.display(), String::from_utf8_lossy(&run.stderr));
    let (ours, theirs) = (read(input), read(&output));
    let (ours, theirs) = (ours["features"].as_array().unwrap(), theirs["features"].as_array().unwrap());
    assert_eq!(ours.len(), theirs.len(), "{}", input.display());
    for (i, (a, b)) in ours.iter().zip(theirs).enumerate() {
        let what = format!("{} feature {i}", input.display());
        assert_eq!(a["geometry"]["type"], b["geometry"]["type"], "{what}: geometry type");
        assert!(
            same_json(&a["properties"], &b["properties"]),
            "{what}: properties {} vs {}",
            a["properties"],
            b["properties"]
        );
        let (mut pa, mut pb) = (Vec::new(), Vec::new());
        let (mut sa, mut sb) = (String::new(), String::new());
        flatten(&a["geometry"]["coordinates"], &mut pa, &mut sa);
        flatten(&b["geometry"]["coordinates"], &mut pb, &mut sb);
        assert_eq!(sa, sb, "{what}: parts and vertex counts");
        for (j, (p, q)) in pa.iter().zip(&pb).enumerate() {
            assert!(
                (p.0 - q.0).abs() <= 1e-7 && (p.1 - q.1).abs() <= 1e-7,
                "{what}: vertex {j}: ours {p:?}, ogr2ogr {q:?}"
            );
        }
    }
}

/// The JSON in the file at `path`.
pub fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Equal JSON values, numbers within 1e-12 relative of each other.
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            (x - y).abs() <= 1e-12 * x.abs().max(y.abs()).max(1.0)
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_json(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

/// Every position of a geometry's JSON `coordinates`, flattened, with the nesting as a shape string.
fn flatten(coords: &Value, out: &mut Vec<(f64, f64)>, shape: &mut String) {
    match coords {
        Value::Array(items) if items.first().is_some_and(Value::is_number) => {
            out.push((items[0].as_f64().unwrap(), items[1].as_f64().unwrap()));
        }
        Value::Array(items) => {
            shape.push('[');
            shape.push_str(&items.len().to_string());
            for item in items {
                flatten(item, out, shape);
            }
            shape.push(']');
        }
        other => panic!("unexpected coordinates {other}"),
    }
}
