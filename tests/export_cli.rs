//! `groundtrack convert IN OUT` between GeoJSON, KML, GPX, CSV and map pictures.

use assert_cmd::Command;
use predicates::str::contains;

const SEED: &str = "data/scenarios/2017-08-29-hwasong-12.toml";

fn gt() -> Command {
    Command::cargo_bin("groundtrack").unwrap()
}

#[test]
fn a_report_converts_to_every_format_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let p = |f: &str| dir.path().join(f);
    for f in ["seed.geojson", "seed.kml", "seed.gpx", "seed.csv", "seed.svg"] {
        gt().args(["convert", SEED]).arg(p(f)).assert().success();
        assert!(std::fs::metadata(p(f)).unwrap().len() > 100, "{f}");
    }
    let kml = std::fs::read_to_string(p("seed.kml")).unwrap();
    assert!(kml.contains("<name>2017-08-29 Hwasong-12 over Hokkaido</name>"));
    assert!(kml.contains("<name>Japan</name>"), "the stretches over land are exported");
    // KML to GeoJSON to CSV: the same features all the way.
    gt().arg("convert").arg(p("seed.kml")).arg(p("back.geojson")).assert().success();
    gt().arg("convert").arg(p("back.geojson")).arg(p("back.csv")).assert().success();
    let rows = std::fs::read_to_string(p("back.csv")).unwrap().lines().count();
    let original = std::fs::read_to_string(p("seed.csv")).unwrap().lines().count();
    assert_eq!(rows, original);
    // --format wins over the extension; --from reads a file whose extension does not say.
    gt().arg("convert").arg(p("seed.gpx")).arg(p("gpx.txt")).args(["--format", "kml"]).assert().success();
    assert!(std::fs::read_to_string(p("gpx.txt")).unwrap().contains("<kml"));
    gt().arg("convert").arg(p("gpx.txt")).arg(p("again.geojson")).args(["--from", "kml"]).assert().success();
}

#[test]
fn unknown_formats_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    gt().args(["convert", SEED])
        .arg(dir.path().join("x.shp"))
        .assert()
        .code(2)
        .stderr(contains(".geojson, .kml"));
    gt().args(["convert", SEED, "--format", "shapefile"]).arg(dir.path().join("x.kml")).assert().code(2);
    let png = dir.path().join("x.png");
    gt().args(["convert", SEED]).arg(&png).assert().success();
    gt().arg("convert")
        .arg(&png)
        .arg(dir.path().join("y.kml"))
        .assert()
        .code(2)
        .stderr(contains("cannot be read back"));
}
