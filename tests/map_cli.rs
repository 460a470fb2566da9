//! `groundtrack map`: report or GeoJSON in, SVG or PNG out.

use assert_cmd::Command;
use predicates::str::contains;

const SEED: &str = "data/scenarios/2017-08-29-hwasong-12.toml";

fn gt() -> Command {
    Command::cargo_bin("groundtrack").unwrap()
}

/// Width and height from a PNG's IHDR chunk (PNG spec, sec. 11.2.2: bytes 16-23, big-endian).
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (be(16), be(20))
}

#[test]
fn a_report_becomes_a_png_map() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("seed.png");
    gt().args(["map", SEED, "-o"]).arg(&out).assert().success();
    let (w, h) = png_size(&std::fs::read(&out).unwrap());
    assert_eq!(w, 1200);
    assert!((600..1400).contains(&h), "{h}");
}

#[test]
fn a_geojson_that_check_wrote_becomes_an_svg_map_with_the_land_crossed() {
    let dir = tempfile::tempdir().unwrap();
    let geojson = dir.path().join("seed.geojson");
    gt().args(["check", SEED, "--geojson"]).arg(&geojson).assert().success();
    let out = dir.path().join("seed.svg");
    gt().arg("map")
        .arg(&geojson)
        .arg("-o")
        .arg(&out)
        .args(["--width", "900", "--title", "Seed"])
        .assert()
        .success();
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains(r#"width="900""#));
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert!(
        doc.descendants()
            .any(|n| n.attribute("data-role") == Some("land") && n.attribute("data-name") == Some("Japan"))
    );
    assert!(svg.contains("Seed"));
}

#[test]
fn the_projection_and_centre_can_be_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("seed.svg");
    gt().args(["map", SEED, "--projection", "equirectangular", "--center", "Cape Erimo", "-o"])
        .arg(&out)
        .assert()
        .success();
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains("equirectangular centred on 41.924°N 143.248°E"));
}

#[test]
fn bad_arguments_exit_2_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    gt().args(["map", SEED, "-o"])
        .arg(dir.path().join("x.txt"))
        .assert()
        .code(2)
        .stderr(contains(".svg or .png"));
    gt().args(["map", SEED, "--width", "10", "-o"])
        .arg(dir.path().join("x.svg"))
        .assert()
        .code(2)
        .stderr(contains("--width"));
    let bad = dir.path().join("bad.geojson");
    std::fs::write(&bad, "{").unwrap();
    gt().arg("map")
        .arg(&bad)
        .arg("-o")
        .arg(dir.path().join("x.svg"))
        .assert()
        .code(2)
        .stderr(contains("GeoJSON"));
    gt().args(["map", "no-such-file.toml", "-o"]).arg(dir.path().join("x.svg")).assert().code(2);
}

/// The contents of the SVG's text elements (the writer puts each on its own line).
fn texts(svg: &str) -> Vec<&str> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| t.split_once('>'))
        .map(|(_, rest)| rest)
        .filter_map(|r| r.split("</text>").next())
        .map(str::trim)
        .collect()
}

#[test]
fn a_world_scale_ring_map_is_titled_styled_and_labels_its_parallels() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ring.svg");
    gt().args(["ring", "Sunan", "10000 km", "3000 km", "--map"]).arg(&out).assert().success();
    let svg = std::fs::read_to_string(&out).unwrap();
    let all = texts(&svg);
    assert!(all.contains(&"Range rings around Sunan: 10000 km, 3000 km"), "title in {all:?}");
    // The roles `ring` writes (`range ring`, `center`) have their own legend entries, not the generic ones.
    assert!(all.contains(&"range ring") && all.contains(&"centre of the rings"), "{all:?}");
    assert!(!all.contains(&"area"));
    // Parallels circle the pole inside the frame and miss its left side: their labels sit on the central
    // meridian. A 10,000 km ring around Sunan reaches 30 S and the pole (GeodSolve -p 3 <<< "39.22389 125.67 180
    // 10000000" -> 50.6 S; <<< "39.22389 125.67 0 10000000" -> over the pole), so 60 N, 30 N, 0, 30 S appear.
    let labels = svg.split(r#"id="graticule-labels""#).nth(1).unwrap().split("</g>").next().unwrap();
    let labels = texts(labels);
    for lat in ["60°N", "30°N", "0°", "30°S"] {
        assert!(labels.contains(&lat), "{lat} missing from {labels:?}");
    }
}

#[test]
fn track_and_fly_maps_are_titled() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("track.svg");
    gt().args(["track", "Sunan", "Cape Erimo", "--map"]).arg(&out).assert().success();
    assert!(texts(&std::fs::read_to_string(&out).unwrap()).contains(&"Geodesic: Sunan to Cape Erimo"));
    let out = dir.path().join("fly.svg");
    gt().args(["fly", "Sunan", "Cape Erimo", "--min-energy", "--map"]).arg(&out).assert().success();
    assert!(
        texts(&std::fs::read_to_string(&out).unwrap()).contains(&"Ballistic flight: Sunan to Cape Erimo")
    );
}

#[test]
fn a_track_map_names_its_waypoints() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("track.svg");
    gt().args(["track", "Sunan", "Guam", "--via", "Cape Erimo", "--map"]).arg(&out).assert().success();
    let svg = std::fs::read_to_string(&out).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    for (role, name) in [("start", "Sunan"), ("via", "Cape Erimo"), ("end", "Guam")] {
        assert!(
            doc.descendants().any(|n| n.attribute("class") == Some("marker")
                && n.attribute("data-role") == Some(role)
                && n.attribute("data-name") == Some(name)),
            "{role} {name}"
        );
    }
    let all = texts(&svg);
    assert!(all.contains(&"Sunan") && all.contains(&"Cape Erimo"), "labels in {all:?}");
}

#[test]
fn a_check_map_draws_each_stretch_over_land_once() {
    // The check's own land table (its JSON `land` array) and the map's land lines are the same stretches, once
    // each (the map once drew them twice: from the GeoJSON and computed again).
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("seed.svg");
    let json = gt().args(["check", SEED, "--json", "--map"]).arg(&out).output().unwrap();
    let j: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let want: Vec<String> =
        j["land"].as_array().unwrap().iter().map(|s| s["country"].as_str().unwrap().to_string()).collect();
    let svg = std::fs::read_to_string(&out).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let got: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("line") && n.attribute("data-role") == Some("land"))
        .filter_map(|n| n.attribute("data-name"))
        .collect();
    assert_eq!(got, want);
}
