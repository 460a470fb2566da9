//! Map pictures: the SVG's structure, and points drawn where GeographicLib's GeodesicProj puts them.
//!
//! Every marker carries its pixel position (`data-px`) and the scale bar its metres per pixel; the launch point
//! is the projection's centre, so a point's offset from the launch marker times metres per pixel must equal
//! GeodesicProj's (x, -y) for that point, within a pixel.

#![allow(clippy::excessive_precision)] // values as GeodesicProj printed them

use geo_types::Point;
use groundtrack::geodesy::Ellipsoid;
use groundtrack::map::{MapOptions, ProjectionKind, add_land_stretches, render, render_check, svg_to_png};
use groundtrack::output::{Properties, feature, feature_collection, path_geometry, point_feature};
use serde_json::json;

const SUNAN: Point<f64> = Point(geo_types::Coord { x: 125.67, y: 39.22389 });
const IMPACT: Point<f64> = Point(geo_types::Coord { x: 157.51, y: 42.07 });
const ERIMO: Point<f64> = Point(geo_types::Coord { x: 143.24833, y: 41.92444 });

fn props(role: &str, name: &str) -> Properties {
    let mut p = Properties::new();
    p.insert("role".into(), role.into());
    p.insert("name".into(), name.into());
    p
}

fn collection() -> geojson::FeatureCollection {
    let mut erimo = props("overflight", "Cape Erimo");
    erimo.insert("radius_km".into(), json!(20.0));
    let track = path_geometry(&Ellipsoid::wgs84(), &[SUNAN, IMPACT], 1000.0).unwrap();
    let mut fc = feature_collection(vec![
        point_feature(SUNAN, props("launch", "Sunan")),
        point_feature(IMPACT, props("estimate", "impact")),
        point_feature(ERIMO, erimo),
        feature(&track, props("track", "track")),
    ]);
    add_land_stretches(&mut fc).unwrap();
    fc
}

struct Svg {
    text: String,
}

impl Svg {
    fn doc(&self) -> roxmltree::Document<'_> {
        roxmltree::Document::parse(&self.text).unwrap()
    }
    fn marker(&self, role: &str) -> (f64, f64) {
        let doc = self.doc();
        let node = doc
            .descendants()
            .find(|n| n.attribute("class") == Some("marker") && n.attribute("data-role") == Some(role))
            .unwrap_or_else(|| panic!("no marker {role}"));
        let mut it = node.attribute("data-px").unwrap().split(' ').map(|v| v.parse::<f64>().unwrap());
        (it.next().unwrap(), it.next().unwrap())
    }
    fn metres_per_px(&self) -> f64 {
        let doc = self.doc();
        let bar = doc.descendants().find(|n| n.attribute("id") == Some("scale-bar")).unwrap();
        bar.attribute("data-metres-per-px").unwrap().parse().unwrap()
    }
    fn names(&self, class: &str) -> Vec<String> {
        self.doc()
            .descendants()
            .filter(|n| n.attribute("class") == Some(class))
            .filter_map(|n| n.attribute("data-name").map(str::to_string))
            .collect()
    }
    fn texts(&self) -> Vec<String> {
        self.doc()
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text().map(|t| t.trim().to_string()))
            .collect()
    }
}

#[test]
fn points_sit_where_geodesicproj_puts_them() {
    let svg = Svg { text: render(&collection(), &MapOptions::default()).unwrap() };
    let m = svg.metres_per_px();
    let (lx, ly) = svg.marker("launch");
    // echo 42.07 157.51 | GeodesicProj -z 39.22389 125.67 -p 6 -> 2577371.401432 790446.260986
    // echo 41.92444 143.24833 | GeodesicProj -z 39.22389 125.67 -p 6 -> 1448890.931691 444278.575403
    for (role, (x, y)) in
        [("estimate", (2577371.401432, 790446.260986)), ("overflight", (1448890.931691, 444278.575403))]
    {
        let (px, py) = svg.marker(role);
        assert!(((px - lx) * m - x).abs() < 1.0 * m, "{role} x: {} vs {x}", (px - lx) * m);
        assert!(((ly - py) * m - y).abs() < 1.0 * m, "{role} y: {} vs {y}", (ly - py) * m);
    }
    // The scale bar is as long as it says.
    let doc = svg.doc();
    let line = doc.descendants().find(|n| n.attribute("id") == Some("scale-bar-line")).unwrap();
    let len_px: f64 = line.attribute("x2").unwrap().parse::<f64>().unwrap()
        - line.attribute("x1").unwrap().parse::<f64>().unwrap();
    let bar = doc.descendants().find(|n| n.attribute("id") == Some("scale-bar")).unwrap();
    let len_m: f64 = bar.attribute("data-length-m").unwrap().parse().unwrap();
    assert!((len_px * m - len_m).abs() < 0.01 * len_m);
}

#[test]
fn the_map_has_land_graticule_legend_title_and_credits() {
    let options = MapOptions { title: Some("Sunan to the Pacific".into()), ..MapOptions::default() };
    let svg = Svg { text: render(&collection(), &options).unwrap() };
    let land = svg.names("land");
    for c in ["Japan", "North Korea", "South Korea", "Russia", "China"] {
        assert!(land.iter().any(|n| n == c), "no land path for {c}: {land:?}");
    }
    assert!(!land.iter().any(|n| n == "Brazil" || n == "France"), "{land:?}");
    assert!(svg.names("border").iter().any(|n| n == "Japan"));
    let texts = svg.texts();
    for t in [
        "Sunan to the Pacific",
        "140°E",
        "40°N",
        "launch",
        "best estimate of impact",
        "track over land",
        "Sunan",
    ] {
        assert!(texts.iter().any(|x| x == t), "no text {t:?}");
    }
    assert!(texts.iter().any(|x| x.contains("Natural Earth")));
    assert!(texts.iter().any(|x| x.contains("azimuthal equidistant")));
    // The stretches over land are drawn, and Japan (Hokkaido) is among them.
    let lines: Vec<String> = svg
        .doc()
        .descendants()
        .filter(|n| n.attribute("class") == Some("line") && n.attribute("data-role") == Some("land"))
        .filter_map(|n| n.attribute("data-name").map(str::to_string))
        .collect();
    assert_eq!(lines, ["North Korea", "Japan", "Japan"]);
}

#[test]
fn the_png_shows_the_launch_marker_land_and_sea() {
    let svg = render(&collection(), &MapOptions::default()).unwrap();
    let s = Svg { text: svg.clone() };
    let m = s.metres_per_px();
    let (lx, ly) = s.marker("launch");
    let png = svg_to_png(&svg).unwrap();
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
    let rgb = |x: f64, y: f64| {
        let c = pixmap.pixel(x.round() as u32, y.round() as u32).unwrap();
        (c.red(), c.green(), c.blue())
    };
    let near = |a: (u8, u8, u8), b: (u8, u8, u8)| {
        (a.0 as i32 - b.0 as i32).abs() < 12
            && (a.1 as i32 - b.1 as i32).abs() < 12
            && (a.2 as i32 - b.2 as i32).abs() < 12
    };
    // The launch triangle is filled #d62728 (a pixel just below its centre, inside the triangle).
    assert!(near(rgb(lx, ly + 2.0), (0xd6, 0x27, 0x28)), "{:?}", rgb(lx, ly + 2.0));
    // Sapporo, inland Hokkaido: echo 43.0621 141.3544 | GeodesicProj -z 39.22389 125.67 -p 6
    // -> 1271630.723033 540049.930424; land is #f3efe4.
    let sap = (lx + 1271630.723033 / m, ly - 540049.930424 / m);
    assert!(near(rgb(sap.0, sap.1), (0xf3, 0xef, 0xe4)), "{:?}", rgb(sap.0, sap.1));
    // The Sea of Japan at 39.5 N 133.5 E: echo 39.5 133.5 | GeodesicProj -z 39.22389 125.67 -p 6
    // -> 672643.356499 59820.976354; sea is #dbe8f2.
    let sea = (lx + 672643.356499 / m, ly - 59820.976354 / m);
    assert!(near(rgb(sea.0, sea.1), (0xdb, 0xe8, 0xf2)), "{:?}", rgb(sea.0, sea.1));
}

#[test]
fn the_seed_report_map_is_titled_and_shows_the_overflight_of_japan() {
    use groundtrack::places::Gazetteer;
    use groundtrack::report::{CheckOptions, ReportFile, check_report};
    let file = ReportFile::load("data/scenarios/2017-08-29-hwasong-12.toml".as_ref()).unwrap();
    let report = check_report(&file, Gazetteer::embedded(), &CheckOptions::default()).unwrap();
    let svg = Svg { text: render_check(&report, &MapOptions::default()).unwrap() };
    let texts = svg.texts();
    assert!(texts.iter().any(|t| t == "2017-08-29 Hwasong-12 over Hokkaido"));
    assert!(texts.iter().any(|t| t.contains("over land: North Korea, Japan")), "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("Source: Jiji Press")));
    for role in ["launch", "estimate", "reading", "reference", "overflight"] {
        svg.marker(role);
    }
    let doc = svg.doc();
    assert!(doc.descendants().any(|n| n.attribute("data-role") == Some("region")));
    assert!(
        doc.descendants()
            .any(|n| n.attribute("data-role") == Some("land") && n.attribute("data-name") == Some("Japan"))
    );
    // The PNG renders too (the picture checked by eye before release: Hokkaido crossed south of the Oshima
    // Peninsula's centre, the track ending east of Cape Erimo).
    let png = svg_to_png(&svg.text).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
}

#[test]
fn equirectangular_maps_place_points_by_the_closed_form() {
    let options = MapOptions { projection: ProjectionKind::Equirectangular, ..MapOptions::default() };
    let svg = Svg { text: render(&collection(), &options).unwrap() };
    let m = svg.metres_per_px();
    let (lx, ly) = svg.marker("launch");
    let (ex, ey) = svg.marker("estimate");
    // Snyder 1987 eq. 12-1/12-2 about the launch: x = a cos(39.22389°) (157.51 - 125.67)°, y = a (42.07 - 39.22389)°.
    let a = 6_378_137.0_f64;
    let x = a * 39.22389f64.to_radians().cos() * (157.51f64 - 125.67).to_radians();
    let y = a * (42.07f64 - 39.22389).to_radians();
    assert!(((ex - lx) * m - x).abs() < m && ((ly - ey) * m - y).abs() < m);
    assert!(svg.texts().iter().any(|t| t.contains("equirectangular")));
}

#[test]
fn a_track_across_the_antimeridian_is_drawn_in_one_piece() {
    // Tokyo to Los Angeles: the GeoJSON cuts the track at 180; on the azimuthal map it must stay continuous.
    let (tokyo, la) = (Point::new(139.78, 35.55), Point::new(-118.41, 33.94));
    let track = path_geometry(&Ellipsoid::wgs84(), &[tokyo, la], 1000.0).unwrap();
    let fc = feature_collection(vec![
        point_feature(tokyo, props("launch", "Tokyo")),
        point_feature(la, props("estimate", "Los Angeles")),
        feature(&track, props("track", "track")),
    ]);
    let svg = Svg { text: render(&fc, &MapOptions::default()).unwrap() };
    let doc = svg.doc();
    let d = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("line") && n.attribute("data-role") == Some("track"))
        .unwrap()
        .attribute("d")
        .unwrap()
        .to_string();
    let pts: Vec<(f64, f64)> = d
        .split(['M', 'L'])
        .filter(|s| !s.is_empty())
        .map(|s| {
            let mut it = s.split(' ').map(|v| v.parse::<f64>().unwrap());
            (it.next().unwrap(), it.next().unwrap())
        })
        .collect();
    let max_step = pts.windows(2).map(|w| (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1)).fold(0.0, f64::max);
    assert!(max_step < 60.0, "a jump of {max_step} px");
    assert!(svg.names("land").iter().any(|n| n == "United States of America"));
}

#[test]
fn nothing_to_draw_is_an_error() {
    let empty = feature_collection(vec![]);
    assert!(render(&empty, &MapOptions::default()).is_err());
    let centred = MapOptions { center: Some(SUNAN), ..MapOptions::default() };
    assert!(render(&empty, &centred).is_ok());
}
