//! KML, GPX and CSV exports: read back by our own readers (round trip) and by GDAL's independent drivers
//! (`ogr2ogr`, Debian package `gdal-bin`: LIBKML/KML, GPX and CSV drivers).
//!
//! A missing `ogr2ogr` makes its test print SKIPPED on stderr; under CI (the `CI` environment variable set) a
//! missing tool fails the test instead.

use std::path::Path;
use std::process::Command;

use geo_types::Point;
use geojson::{Feature, FeatureCollection, GeometryValue, Position};
use groundtrack::geodesy::Ellipsoid;
use groundtrack::output::{
    ExportFormat, Properties, feature, path_geometry, read_collection, write_collection,
};
use serde_json::{Value, json};

fn props(role: &str, name: &str) -> Properties {
    let mut p = Properties::new();
    p.insert("role".into(), role.into());
    p.insert("name".into(), name.into());
    p
}

/// The seed report's collection with its land stretches, a trajectory with altitudes, and a track across the
/// antimeridian (Tokyo to Los Angeles).
fn corpus() -> FeatureCollection {
    use groundtrack::places::Gazetteer;
    use groundtrack::report::{CheckOptions, ReportFile, check_report};
    let file = ReportFile::load("data/scenarios/2017-08-29-hwasong-12.toml".as_ref()).unwrap();
    let report = check_report(&file, Gazetteer::embedded(), &CheckOptions::default()).unwrap();
    let mut fc = groundtrack::output::check_geojson::feature_collection_of(&report).unwrap();
    groundtrack::map::add_land_stretches(&mut fc).unwrap();
    let trajectory = GeometryValue::LineString {
        coordinates: vec![
            Position::from(vec![125.67, 39.22389, 0.0]),
            Position::from(vec![140.5, 41.7, 550_000.0]),
            Position::from(vec![157.51, 42.07, 0.0]),
        ],
    };
    fc.features.push(Feature {
        bbox: None,
        geometry: Some(geojson::Geometry::new(trajectory)),
        id: None,
        properties: Some(props("trajectory", "trajectory")),
        foreign_members: None,
    });
    let pacific =
        path_geometry(&Ellipsoid::wgs84(), &[Point::new(139.78, 35.55), Point::new(-118.41, 33.94)], 1000.0)
            .unwrap();
    fc.features.push(feature(&pacific, props("track", "Tokyo to Los Angeles")));
    fc
}

/// The collection as a text format gives it back: a null becomes `null_as` (CSV: absent, KML: an empty string);
/// a string that reads as a number (the ISO code "392") stays a string (issue #7).
fn as_text_gives_back(fc: &FeatureCollection, null_as: Option<Value>) -> FeatureCollection {
    let mut fc = fc.clone();
    for f in &mut fc.features {
        if let Some(p) = &mut f.properties {
            let keys: Vec<String> = p.keys().cloned().collect();
            for k in keys {
                let v = p[&k].clone();
                match (&v, &null_as) {
                    (Value::Null, None) => {
                        p.remove(&k);
                    }
                    (Value::Null, Some(n)) => {
                        p.insert(k, n.clone());
                    }
                    _ => {}
                }
            }
        }
    }
    fc
}

#[test]
fn kml_and_csv_read_back_to_the_same_collection() {
    let fc = corpus();
    let kml = groundtrack::output::kml::to_kml(&fc, "seed").unwrap();
    assert_eq!(groundtrack::output::kml::from_kml(&kml).unwrap(), as_text_gives_back(&fc, Some(json!(""))));
    let csv = groundtrack::output::csv_export::to_csv(&fc).unwrap();
    assert_eq!(groundtrack::output::csv_export::from_csv(&csv).unwrap(), as_text_gives_back(&fc, None));
}

#[test]
fn kml_tessellates_ground_lines_and_keeps_trajectory_altitudes_absolute() {
    let kml = groundtrack::output::kml::to_kml(&corpus(), "seed").unwrap();
    let doc = roxmltree::Document::parse(&kml).unwrap();
    let placemarks: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("Placemark")).collect();
    assert_eq!(placemarks.len(), corpus().features.len());
    for pm in &placemarks {
        let name = pm.children().find(|n| n.has_tag_name("name")).and_then(|n| n.text()).unwrap_or("");
        let style = pm.children().find(|n| n.has_tag_name("styleUrl")).and_then(|n| n.text()).unwrap();
        let id = style.trim_start_matches('#');
        assert!(doc.descendants().any(|n| n.has_tag_name("Style") && n.attribute("id") == Some(id)), "{id}");
        for ls in pm.descendants().filter(|n| n.has_tag_name("LineString")) {
            let text =
                |tag: &str| ls.children().find(|n| n.has_tag_name(tag)).and_then(|n| n.text()).unwrap();
            if name == "trajectory" {
                assert_eq!(text("altitudeMode"), "absolute");
                assert!(text("coordinates").contains("140.5,41.7,550000"));
            } else {
                assert_eq!((text("tessellate"), text("altitudeMode")), ("1", "clampToGround"), "{name}");
            }
        }
    }
}

#[test]
fn gpx_writes_tracks_as_trk_trkseg_trkpt_and_keeps_longitudes_below_180() {
    let fc = corpus();
    let text = groundtrack::output::gpx::to_gpx_string(&fc, "seed").unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    assert_eq!(doc.root_element().attribute("version"), Some("1.1"));
    let lons: Vec<f64> = doc
        .descendants()
        .filter(|n| n.has_tag_name("trkpt") || n.has_tag_name("wpt"))
        .map(|n| n.attribute("lon").unwrap().parse().unwrap())
        .collect();
    assert!(lons.iter().all(|l| (-180.0..180.0).contains(l)));
    // The Tokyo-Los Angeles track: two segments meeting at the antimeridian, the first ending at 179.9999999.
    let trk = doc
        .descendants()
        .find(|n| {
            n.has_tag_name("trk")
                && n.children().any(|c| c.has_tag_name("name") && c.text() == Some("Tokyo to Los Angeles"))
        })
        .unwrap();
    let segs: Vec<_> = trk.children().filter(|n| n.has_tag_name("trkseg")).collect();
    assert_eq!(segs.len(), 2);
    let last = segs[0].children().rfind(|n| n.has_tag_name("trkpt")).unwrap();
    assert_eq!(last.attribute("lon"), Some("179.9999999"));
    let first = segs[1].children().find(|n| n.has_tag_name("trkpt")).unwrap();
    assert_eq!(first.attribute("lon"), Some("-180"));
    // Points are waypoints with names; read back, they are the same points.
    let points = fc
        .features
        .iter()
        .filter(|f| matches!(f.geometry.as_ref().unwrap().value, GeometryValue::Point { .. }));
    let back = groundtrack::output::gpx::from_gpx(&text).unwrap();
    for (a, b) in points.zip(&back.features) {
        assert_eq!(a.geometry, b.geometry);
        assert_eq!(a.property("name"), b.property("name"));
    }
}

fn ogr2ogr() -> bool {
    match Command::new("ogr2ogr").arg("--version").output() {
        Ok(o) if o.status.success() => true,
        _ if std::env::var_os("CI").is_some() => panic!("ogr2ogr (gdal-bin) is required under CI"),
        _ => {
            eprintln!("SKIPPED: ogr2ogr (Debian package gdal-bin) is not installed");
            false
        }
    }
}

/// GDAL's reading of a file, as GeoJSON.
fn gdal_read(path: &Path, extra: &[&str]) -> Value {
    let out = path.with_extension("gdal.geojson");
    let status =
        Command::new("ogr2ogr").args(["-f", "GeoJSON"]).arg(&out).arg(path).args(extra).status().unwrap();
    assert!(status.success(), "ogr2ogr failed on {}", path.display());
    serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap()
}

fn all_coords(v: &Value, out: &mut Vec<f64>) {
    match v {
        Value::Number(n) => out.push(n.as_f64().unwrap()),
        Value::Array(a) => a.iter().for_each(|x| all_coords(x, out)),
        _ => {}
    }
}

#[test]
fn gdal_reads_our_kml_and_csv_with_the_same_geometry() {
    if !ogr2ogr() {
        return;
    }
    let fc = corpus();
    let dir = tempfile::tempdir().unwrap();
    for (file, extra) in [
        ("seed.kml", vec![]),
        ("seed.csv", vec!["-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "KEEP_GEOM_COLUMNS=NO"]),
    ] {
        let path = dir.path().join(file);
        write_collection(&path, &fc, ExportFormat::from_path(&path).unwrap(), "seed").unwrap();
        let gdal = gdal_read(&path, &extra);
        let features = gdal["features"].as_array().unwrap();
        assert_eq!(features.len(), fc.features.len(), "{file}");
        for (ours, theirs) in fc.features.iter().zip(features) {
            let ours_v = serde_json::to_value(ours.geometry.as_ref().unwrap()).unwrap();
            let (mut a, mut b) = (Vec::new(), Vec::new());
            all_coords(&ours_v["coordinates"], &mut a);
            all_coords(&theirs["geometry"]["coordinates"], &mut b);
            assert_eq!(a.len(), b.len(), "{file}: {}", ours.property("name").unwrap());
            assert!(a.iter().zip(&b).all(|(x, y)| (x - y).abs() < 1e-9), "{file}");
            assert_eq!(theirs["properties"]["role"], *ours.property("role").unwrap(), "{file}");
        }
    }
}

#[test]
fn gdal_reads_our_gpx_waypoints_and_tracks() {
    if !ogr2ogr() {
        return;
    }
    let fc = corpus();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seed.gpx");
    write_collection(&path, &fc, ExportFormat::Gpx, "seed").unwrap();
    let is_point = |f: &&Feature| matches!(f.geometry.as_ref().unwrap().value, GeometryValue::Point { .. });
    let n_points = fc.features.iter().filter(is_point).count();
    let wpts = gdal_read(&path, &["waypoints"]);
    assert_eq!(wpts["features"].as_array().unwrap().len(), n_points);
    let trks = gdal_read(&path, &["tracks"]);
    let names: Vec<&str> = trks["features"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["properties"]["name"].as_str())
        .collect();
    assert!(
        names.contains(&"track to the best estimate") && names.contains(&"Tokyo to Los Angeles"),
        "{names:?}"
    );
    // The trajectory's altitudes are <ele> of its track points (GDAL's track_points layer, field ele).
    let pts = gdal_read(&path, &["track_points"]);
    let eles: Vec<f64> =
        pts["features"].as_array().unwrap().iter().filter_map(|f| f["properties"]["ele"].as_f64()).collect();
    assert_eq!(eles, [0.0, 550_000.0, 0.0]);
}

#[test]
fn formats_are_chosen_by_name_or_extension() {
    let fc = corpus();
    let dir = tempfile::tempdir().unwrap();
    for (file, fmt) in [("a.geojson", "geojson"), ("b.kml", "kml"), ("c.gpx", "gpx"), ("d.csv", "csv")] {
        let path = dir.path().join(file);
        let chosen = ExportFormat::choose(None, &path).unwrap();
        assert_eq!(chosen, ExportFormat::from_name(fmt).unwrap());
        write_collection(&path, &fc, chosen, "seed").unwrap();
        let back = read_collection(&std::fs::read_to_string(&path).unwrap(), chosen).unwrap();
        assert!(!back.features.is_empty());
    }
    assert!(ExportFormat::choose(None, "x.shp".as_ref()).is_err());
    assert!(ExportFormat::choose(Some("shapefile"), "x.kml".as_ref()).is_err());
    assert!(read_collection("not kml", ExportFormat::Kml).is_err());
    assert!(read_collection("wkt\nPOINT(1\n", ExportFormat::Csv).is_err());
}
