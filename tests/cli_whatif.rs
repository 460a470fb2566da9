//! The what-if commands (`inverse`, `direct`, `track`, `completions`) from the command line, against values
//! printed by GeographicLib 2.1.2's `GeodSolve` and `RhumbSolve` (each command is in a comment next to its value)
//! and the gazetteer's coordinates (data/places.csv: Cape Erimo 41.92444 143.24833, Sunan 39.22389 125.67,
//! Andersen AFB 13.58111 144.92444).

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn gt() -> Command {
    Command::cargo_bin("groundtrack").unwrap()
}

fn stdout_of(args: &[&str]) -> String {
    let out = gt().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// [`stdout_of`] with `--format plain --precision PRECISION` after `args`: GeodSolve's columns.
fn plain(args: &[&str], precision: &str) -> String {
    stdout_of(&[args, &["--format", "plain", "--precision", precision]].concat())
}

fn numbers(line: &str) -> Vec<f64> {
    line.split_whitespace().map(|v| v.parse().unwrap()).collect()
}

/// Asserts that `got` and `want` agree within `tol` element by element.
fn close(got: &[f64], want: &[f64], tol: &[f64]) {
    assert_eq!(got.len(), want.len(), "{got:?} vs {want:?}");
    for ((g, w), t) in got.iter().zip(want).zip(tol) {
        assert!((g - w).abs() <= *t, "{got:?} vs {want:?}");
    }
}

#[test]
fn inverse_matches_geodsolve() {
    // echo "39.2241 125.67 13.4443 144.7937" | GeodSolve -i -p 6
    //   -> 141.38900653252 150.15735986590 3419077.343042
    let out = plain(&["inverse", "39.2241 125.67", "13.4443 144.7937", "--units", "m"], "6");
    assert_eq!(out, "141.38900653252 150.15735986590 3419077.343042\n");
}

#[test]
fn inverse_with_rhumb_adds_the_rhumb_line() {
    // echo "39.2241 125.67 13.4443 144.7937" | RhumbSolve -i -p 6 -> 146.58068156034 3422364.424449 (S12 omitted)
    let out = plain(&["inverse", "39.2241N 125.67E", "13.4443N 144.7937E", "--rhumb", "--units", "m"], "6");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        ["141.38900653252 150.15735986590 3419077.343042", "146.58068156034 146.58068156034 3422364.424449"]
    );
}

#[test]
fn inverse_of_place_names_in_kilometres() {
    // Sunan to Cape Erimo from the gazetteer's coordinates:
    // echo "39.22389 125.67 41.92444 143.24833" | GeodSolve -i -p 3 -> 72.95270319 84.44150528 1515476.290
    let out = stdout_of(&["inverse", "Sunan", "Cape Erimo", "--format", "plain"]);
    assert_eq!(out, "72.95270319 84.44150528 1515.476\n");
    let table = stdout_of(&["inverse", "Sunan", "Cape Erimo"]);
    assert!(table.contains("1515.476") && table.contains("forward azimuth at B"), "{table}");
    // The back azimuth PROJ's geod prints: 84.44150528 - 180.
    assert!(table.contains("-95.55849472"), "{table}");
}

#[test]
fn inverse_on_the_sphere() {
    // echo "-33.8688 151.2093 51.4700 -0.4543" | GeodSolve -i -p 6 -e 6371008.8 0
    //   -> -40.68027515334 -119.67414503105 17015682.700964
    let out = plain(&["inverse", "-33.8688 151.2093", "51.4700 -0.4543", "--sphere", "--units", "m"], "6");
    close(&numbers(&out), &[-40.68027515334, -119.67414503105, 17015682.700964], &[2e-11, 2e-11, 2e-6]);
}

#[test]
fn inverse_in_dms() {
    // echo "40.5 -73.25 -20.125 100.75" | GeodSolve -i -: -p 1 -> 015:38:14.03 167:22:41.57 17675527.3
    let out = plain(&["inverse", "40.5 -73.25", "-20.125 100.75", "--dms", "--units", "m"], "1");
    assert_eq!(out, "015°38′14.03″ 167°22′41.57″ 17675527.3\n");
}

#[test]
fn direct_from_a_place_due_east() {
    // echo "41.92444 143.24833 90 1180000" | GeodSolve -p 6 -> 41.05160479287 157.34646351823 99.36636616073
    let out = plain(&["direct", "Cape Erimo", "E", "1180 km"], "6");
    assert_eq!(out, "41.05160479287 157.34646351823 99.36636616073\n");
    // The distance without a unit is in --units.
    let nmi =
        plain(&["direct", "Cape Erimo", "90", &format!("{}", 1_180_000.0 / 1852.0), "--units", "nmi"], "6");
    close(&numbers(&nmi), &[41.05160479287, 157.34646351823, 99.36636616073], &[1e-11, 1e-11, 1e-11]);
}

#[test]
fn direct_along_a_rhumb_line() {
    // echo "41.92444 143.24833 90 1180000" | RhumbSolve -p 6 -> 41.92444000000 157.47398935275 (S12 omitted)
    let out = plain(&["direct", "41.92444 143.24833", "east", "1180 km", "--rhumb"], "6");
    assert_eq!(out, "41.92444000000 157.47398935275 90.00000000000\n");
}

#[test]
fn direct_from_a_position_phrase_and_to_json() {
    // The phrase's nominal point is the direct problem from Cape Erimo (see direct_from_a_place_due_east); going
    // back west 1180 km at the forward azimuth + 180 returns near Cape Erimo.
    let out =
        stdout_of(&["direct", "1180 km east of Cape Erimo", "-80.63363383927", "1180", "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!((v["from"]["lat"].as_f64().unwrap() - 41.05160479287).abs() < 1e-8, "{v}");
    assert!((v["to"]["lat"].as_f64().unwrap() - 41.92444).abs() < 1e-7, "{v}");
    assert!((v["to"]["lon"].as_f64().unwrap() - 143.24833).abs() < 1e-7, "{v}");
    assert_eq!(v["units"]["distance"], "km");
}

#[test]
fn track_matches_geodsolve_line_mode() {
    // printf '0\n0.25\n0.5\n0.75\n1\n' | GeodSolve -I 39.2241 125.67 13.4443 144.7937 -F -p 6
    let want = [
        [39.22410000000, 125.67000000000, 141.38900653252],
        [33.05998983494, 131.37387841540, 144.75979962904],
        [26.66328675184, 136.31959439561, 147.22731872642],
        [20.10702851456, 140.73515003946, 148.98351670243],
        [13.44430000000, 144.79370000000, 150.15735986590],
    ];
    let out = plain(&["track", "39.2241 125.67", "13.4443 144.7937", "--count", "4", "--units", "m"], "6");
    let rows: Vec<Vec<f64>> = out.lines().map(numbers).collect();
    assert_eq!(rows.len(), 5);
    for (i, (row, w)) in rows.iter().zip(&want).enumerate() {
        close(&row[..3], w, &[1e-11, 1e-11, 1e-11]);
        // s12 = 3419077.343042 * i / 4 (GeodSolve -i above).
        assert!((row[3] - 3_419_077.343_042 * i as f64 / 4.0).abs() < 2e-6, "{row:?}");
    }
}

#[test]
fn track_through_a_waypoint_accumulates_distance() {
    // Legs from the gazetteer's coordinates:
    // echo "39.22389 125.67 41.92444 143.24833" | GeodSolve -i -p 3 -> ... 1515476.290
    // echo "41.92444 143.24833 13.58111 144.92444" | GeodSolve -i -p 3 -> 176.55574200 177.36086001 3145422.658
    let out = stdout_of(&[
        "track",
        "Sunan",
        "Andersen AFB",
        "--via",
        "Cape Erimo",
        "--count",
        "2",
        "--format",
        "csv",
    ]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "leg,lat,lon,azi,s_km");
    assert_eq!(lines.len(), 1 + 5);
    assert_eq!(lines[3], "1,41.92444000,143.24833000,84.44150528,1515.476");
    assert_eq!(lines[5], "2,13.58111000,144.92444000,177.36086001,4660.899");
}

#[test]
fn track_by_spacing_and_as_geojson() {
    let out = stdout_of(&["track", "Sunan", "Cape Erimo", "--spacing", "400 km", "--format", "geojson"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().unwrap();
    // 1515.476 km in ceil(1515.476 / 400) = 4 legs of 378.9 km: the path and 5 points, the two named waypoints,
    // then the stretches over land (python3 scripts/land_crossings_check.py 39.22389 125.67 41.92444 143.24833:
    // North Korea, Japan, Japan; checked in tests/land_along_tracks.rs).
    let role = |f: &Value| f["properties"]["role"].as_str().unwrap().to_string();
    let roles: Vec<String> = features.iter().map(role).collect();
    assert_eq!(
        roles[..6],
        ["track", "track point", "track point", "track point", "track point", "track point"]
    );
    assert_eq!(roles[6..], ["start", "end", "land", "land", "land"]);
    assert_eq!(
        (features[6]["properties"]["name"].as_str(), features[7]["properties"]["name"].as_str()),
        (Some("Sunan"), Some("Cape Erimo"))
    );
    assert_eq!(features[0]["geometry"]["type"], "LineString");
    assert_eq!(features[5]["geometry"]["coordinates"], serde_json::json!([143.24833, 41.92444]));
}

#[test]
fn bad_arguments_exit_2_naming_the_argument() {
    gt().args(["inverse", "Sinpoo", "Guam"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("A \"Sinpoo\"").and(predicate::str::contains("did you mean")));
    gt().args(["inverse", "Sinpo", "95 10"]).assert().code(2).stderr(predicate::str::contains("B \"95 10\""));
    gt().args(["direct", "Sinpo", "eats", "100 km"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("BEARING"));
    gt().args(["direct", "Sinpo", "E", "100 parsecs"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("DISTANCE"));
    gt().args(["direct", "Sinpo", "E", "nan"]).assert().code(2).stderr(predicate::str::contains("DISTANCE"));
    gt().args(["track", "Sinpo", "Guam", "--spacing", "-5 km"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--spacing"));
    gt().args(["track", "Sinpo", "Guam", "--count", "0"]).assert().code(2);
    gt().args(["inverse", "Sinpo"]).assert().code(2); // usage error
    gt().args(["inverse", "Sinpo", "Guam", "--precision", "11"]).assert().code(2);
    // A rhumb line over the pole has no answer.
    gt().args(["direct", "80 0", "0", "2000 km", "--rhumb"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error"));
}

#[test]
fn csv_and_geojson_of_inverse() {
    let csv = stdout_of(&["inverse", "Sunan", "Cape Erimo", "--format", "csv", "--rhumb"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "model,lat1,lon1,lat2,lon2,azi1,azi2,back_azi2,s12_km");
    assert!(lines[1].starts_with("WGS84 geodesic,39.22389000,125.67000000,"), "{csv}");
    assert!(lines[2].starts_with("WGS84 rhumb line,"), "{csv}");
    let gj = stdout_of(&["inverse", "Sunan", "Cape Erimo", "--format", "geojson"]);
    let v: Value = serde_json::from_str(&gj).unwrap();
    assert_eq!(v["features"].as_array().unwrap().len(), 3);
}

#[test]
fn completions_and_man_page() {
    gt().args(["completions", "bash"]).assert().success().stdout(predicate::str::contains("groundtrack"));
    gt().args(["completions", "zsh"])
        .assert()
        .success()
        .stdout(predicate::str::contains("#compdef groundtrack"));
    gt().args(["completions", "--man"])
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH groundtrack"));
    let dir = tempfile::tempdir().unwrap();
    gt().args(["completions", "--out-dir"]).arg(dir.path()).assert().success();
    for f in [
        "groundtrack.bash",
        "_groundtrack",
        "groundtrack.fish",
        "groundtrack.1",
        "groundtrack-batch.1",
        "groundtrack-inverse.1",
    ] {
        assert!(dir.path().join(f).is_file(), "{f} missing");
    }
    gt().args(["completions"]).assert().code(2);
}

#[test]
fn a_rhumb_line_on_the_sphere_is_labelled_and_computed_as_such() {
    // echo "39.22389 125.67 13.58111 144.92444" | RhumbSolve -i -e 6371008.8 0 -p 6
    //   -> 146.41246446240 3422819.398787 (a sphere of the mean radius, flattening 0)
    let out = gt()
        .args(["inverse", "Sunan", "Andersen AFB", "--format", "csv", "--rhumb", "--sphere", "--units", "m"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let row = text.lines().find(|l| l.starts_with("rhumb line on a sphere,")).expect(&text);
    let cols: Vec<&str> = row.split(',').collect();
    assert!((cols[5].parse::<f64>().unwrap() - 146.41246446).abs() < 1e-8, "{row}");
    assert!((cols[8].parse::<f64>().unwrap() - 3_422_819.398787).abs() < 1e-3, "{row}");
}
