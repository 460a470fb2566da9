//! Issue #7, exports: KML style elements in the schema's order, GPX rings without the edges of the antimeridian
//! cut, and string properties that look like numbers kept strings through KML, CSV and GPX.

use assert_cmd::Command;
use geo_types::Point;
use groundtrack::output::csv_export::{from_csv, to_csv};
use groundtrack::output::gpx::{from_gpx, is_cut_edge, to_gpx, to_gpx_string};
use groundtrack::output::kml::{from_kml, to_kml};
use groundtrack::output::{Properties, feature, feature_collection, point_feature};
use serde_json::json;

fn props(role: &str, name: &str) -> Properties {
    let mut p = Properties::new();
    p.insert("role".into(), role.into());
    p.insert("name".into(), name.into());
    p
}

/// The names of the direct children of every `<tag>...</tag>` block in `xml` (a writer without attributes on
/// these elements and without self-closing children).
fn children_of(xml: &str, tag: &str) -> Vec<Vec<String>> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find(&open) {
        let body_start = i + open.len();
        let Some(j) = rest[body_start..].find(&close) else { break };
        let body = &rest[body_start..body_start + j];
        let mut names = Vec::new();
        let mut depth = 0i32;
        let mut k = 0;
        while let Some(lt) = body[k..].find('<') {
            let s = &body[k + lt + 1..];
            let end = s.find('>').unwrap();
            let name: String = s[..end].split_whitespace().next().unwrap().to_string();
            if let Some(n) = name.strip_prefix('/') {
                let _ = n;
                depth -= 1;
            } else {
                if depth == 0 {
                    names.push(name.clone());
                }
                if !s[..end].ends_with('/') {
                    depth += 1;
                }
            }
            k += lt + 1 + end + 1;
        }
        out.push(names);
        rest = &rest[body_start + j + close.len()..];
    }
    out
}

/// Checks that the children appear in the order of `schema` (each child known, indices increasing).
fn in_schema_order(children: &[String], schema: &[&str], what: &str) {
    let idx: Vec<usize> = children
        .iter()
        .map(|c| {
            schema.iter().position(|s| s == c).unwrap_or_else(|| panic!("{what}: {c} not in the schema"))
        })
        .collect();
    assert!(
        idx.windows(2).all(|w| w[0] < w[1]),
        "{what}: children {children:?} not in schema order {schema:?}"
    );
}

#[test]
fn kml_style_children_follow_the_kml_2_2_schema_order() {
    let ring = geo_types::Polygon::new(
        geo_types::LineString::from(vec![(140.0, 40.0), (141.0, 40.0), (141.0, 41.0), (140.0, 40.0)]),
        vec![],
    );
    let line = geo_types::LineString::from(vec![(125.67, 39.22), (143.2, 41.9)]);
    let fc = feature_collection(vec![
        point_feature(Point::new(125.67, 39.22389), props("launch", "Sunan")),
        feature(&geo_types::Geometry::LineString(line), props("track", "track")),
        feature(&geo_types::Geometry::Polygon(ring), props("region", "region")),
    ]);
    let kml = to_kml(&fc, "t").unwrap();
    // OGC 07-147r2 (KML 2.2): sec. 12.7 kml:AbstractColorStyleGroup puts kml:color, kml:colorMode before the
    // extending type's elements; sec. 12.8 IconStyle: scale, heading, Icon, hotSpot; sec. 12.10 LabelStyle:
    // scale; sec. 12.11 LineStyle: width; sec. 12.12 PolyStyle: fill, outline; sec. 12.2 Style: IconStyle,
    // LabelStyle, LineStyle, PolyStyle, BalloonStyle, ListStyle.
    let schemas: [(&str, &[&str]); 4] = [
        ("IconStyle", &["color", "colorMode", "scale", "heading", "Icon", "hotSpot"]),
        ("LabelStyle", &["color", "colorMode", "scale"]),
        ("LineStyle", &["color", "colorMode", "width"]),
        ("PolyStyle", &["color", "colorMode", "fill", "outline"]),
    ];
    for (tag, schema) in schemas {
        let blocks = children_of(&kml, tag);
        assert_eq!(blocks.len(), 3, "{tag}: one per style");
        for b in &blocks {
            assert!(b.iter().any(|c| c == "color"), "{tag} has a color: {b:?}");
            in_schema_order(b, schema, tag);
        }
    }
    let style_order = ["IconStyle", "LabelStyle", "LineStyle", "PolyStyle", "BalloonStyle", "ListStyle"];
    let mut styles = 0;
    for part in kml.split("<Style id=").skip(1) {
        let body = &part[part.find('>').unwrap() + 1..part.find("</Style>").unwrap()];
        let wrapped = format!("<S>{body}</S>");
        for b in children_of(&wrapped, "S") {
            in_schema_order(&b, &style_order, "Style");
        }
        styles += 1;
    }
    assert_eq!(styles, 3);
    // The document still reads back.
    assert_eq!(from_kml(&kml).unwrap(), fc);
}

fn ring_collection(center: &str, radius: &str) -> geojson::FeatureCollection {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ring.geojson");
    Command::cargo_bin("groundtrack")
        .unwrap()
        .args(["ring", center, radius, "--geojson", path.to_str().unwrap()])
        .assert()
        .success();
    std::fs::read_to_string(&path).unwrap().parse::<geojson::GeoJson>().unwrap().try_into().unwrap()
}

/// Every track point of every track of rings, as (lon, lat) per segment.
fn segments(g: &gpx::Gpx) -> Vec<Vec<(f64, f64)>> {
    g.tracks
        .iter()
        .flat_map(|t| &t.segments)
        .map(|s| s.points.iter().map(|w| (w.point().x(), w.point().y())).collect())
        .collect()
}

fn on_antimeridian(lon: f64) -> bool {
    lon == -180.0 || lon >= 179.9999
}

#[test]
fn gpx_ring_around_the_pole_has_no_edges_along_the_antimeridian_or_the_pole() {
    let fc = ring_collection("90N 0E", "2000 km");
    let g = to_gpx(&fc, "pole");
    let segs = segments(&g);
    assert_eq!(segs.len(), 1, "one ring, one piece");
    // echo 90 0 180 2000000 | GeodSolve -p 12  ->  72.088150020127358 0 180: the ring is the parallel 72.08815N.
    for (lon, lat) in &segs[0] {
        assert!((lat - 72.088_150_020_127_36).abs() < 1e-4, "point {lon} {lat} is off the ring");
    }
    let lons: Vec<f64> = segs[0].iter().map(|p| p.0).collect();
    let span = lons.iter().cloned().fold(f64::MIN, f64::max) - lons.iter().cloned().fold(f64::MAX, f64::min);
    assert!(span > 359.9, "the piece goes all round: {span}");
    // The text reads back as a line, not a polygon.
    let back = from_gpx(&to_gpx_string(&fc, "pole").unwrap()).unwrap();
    assert!(back.features.iter().all(|f| !matches!(
        f.geometry.as_ref().map(|g| &g.value),
        Some(geojson::GeometryValue::Polygon { .. })
    )));
}

#[test]
fn gpx_ring_across_the_antimeridian_is_open_at_the_cut() {
    let fc = ring_collection("0N 180E", "3000 km");
    let segs = segments(&to_gpx(&fc, "am"));
    assert!(segs.len() >= 2, "the ring is cut in two: {}", segs.len());
    for s in &segs {
        for w in s.windows(2) {
            let ((a, _), (b, _)) = (w[0], w[1]);
            assert!(!(on_antimeridian(a) && on_antimeridian(b)), "edge along the antimeridian: {w:?}");
        }
    }
    // echo 0 180 90 3000000 | GeodSolve -p 9  ->  0 -153.050541476 90: the ring's east end on the equator.
    let east = segs.iter().flatten().filter(|p| p.0 < 0.0).map(|p| p.0).fold(f64::MIN, f64::max);
    assert!((east - -153.05054147641437).abs() < 0.05, "{east}");
}

#[test]
fn cut_edges_are_the_antimeridian_and_the_poles_only() {
    assert!(is_cut_edge(Point::new(-180.0, 10.0), Point::new(-180.0, 20.0)));
    assert!(is_cut_edge(Point::new(180.0, 90.0), Point::new(-180.0, 90.0)));
    assert!(!is_cut_edge(Point::new(179.0, 10.0), Point::new(-179.0, 10.0)));
    assert!(!is_cut_edge(Point::new(180.0, 10.0), Point::new(-180.0, 10.0)));
    assert!(!is_cut_edge(Point::new(10.0, 89.0), Point::new(20.0, 89.0)));
}

#[test]
fn string_codes_stay_strings_through_kml_csv_and_gpx() {
    let mut p = props("land", "North Korea");
    p.insert("iso_n3".into(), json!("408"));
    p.insert("code".into(), json!("004"));
    p.insert("flag".into(), json!("true"));
    p.insert("quoted".into(), json!("\"x\""));
    p.insert("length_km".into(), json!(167.25));
    p.insert("feasible".into(), json!(true));
    let line = geo_types::LineString::from(vec![(125.67, 39.22), (127.0, 40.0)]);
    let fc = feature_collection(vec![feature(&geo_types::Geometry::LineString(line), p)]);
    assert_eq!(from_kml(&to_kml(&fc, "t").unwrap()).unwrap(), fc);
    assert_eq!(from_csv(&to_csv(&fc).unwrap()).unwrap(), fc);
    assert_eq!(from_gpx(&to_gpx_string(&fc, "t").unwrap()).unwrap(), fc);
}
