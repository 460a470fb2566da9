//! `groundtrack check` end to end: the seed report (2017-08-29) against independent values, the JSON and
//! GeoJSON outputs, an inconsistent report, and the bad-input contract (exit 2, a message naming file, line,
//! column and field, no output file left behind).
//!
//! Reference values come from GeographicLib 2.1.2's command-line tools, with the gazetteer's coordinates
//! (Sunan 39.22389 N 125.67 E, Cape Erimo 41.92444 N 143.24833 E, Oshima Peninsula 41.85 N 140.3 E), and from
//! the project's shared reference-values.md (closed-form Kepler on a 6,371 km sphere); each is given with the
//! command that produced it. scripts/reference/closest_approach.py finds a closest approach with GeodSolve only
//! (line sampling plus golden-section search).

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const SEED: &str = "data/scenarios/2017-08-29-hwasong-12.toml";

fn groundtrack() -> Command {
    Command::cargo_bin("groundtrack").unwrap()
}

fn check_json(path: &str) -> (Value, i32) {
    let out = groundtrack().args(["check", path, "--json"]).output().unwrap();
    let code = out.status.code().unwrap();
    (serde_json::from_slice(&out.stdout).expect("check --json prints one JSON object"), code)
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

#[test]
fn seed_report_is_consistent_and_exits_0() {
    let (j, code) = check_json(SEED);
    assert_eq!(code, 0);
    assert_eq!(j["verdict"], "consistent");
    assert_eq!(j["region"]["feasible"], true);
    assert_eq!(j["launch"]["name"], "Sunan");
    for c in j["checks"].as_array().unwrap() {
        assert_ne!(c["verdict"], "inconsistent", "{c}");
    }
}

#[test]
fn seed_geodesic_and_rhumb_readings_match_geographiclib() {
    let (j, _) = check_json(SEED);
    let readings = j["readings"].as_array().unwrap();
    let geo = readings.iter().find(|r| r["kind"] == "geodesic").unwrap();
    let rhumb = readings.iter().find(|r| r["kind"] == "rhumb").unwrap();
    // echo "41.92444 143.24833 90 1180000" | GeodSolve -p 9
    //   -> 41.05160479286977 157.34646351823318 99.36636616073454
    assert!((f(&geo["lat"]) - 41.05160479286977).abs() < 1e-9);
    assert!((f(&geo["lon"]) - 157.34646351823318).abs() < 1e-9);
    // echo "39.22389 125.67 41.05160479286977 157.34646351823318" | GeodSolve -i -p 6 -> s12 2692308.397356
    assert!((f(&geo["range_km"]) - 2692.308397356).abs() < 1e-6);
    // echo "41.92444 143.24833 90 1180000" | RhumbSolve -p 9 -> 41.92444 157.47398935274526
    assert!((f(&rhumb["lat"]) - 41.92444).abs() < 1e-9);
    assert!((f(&rhumb["lon"]) - 157.47398935274526).abs() < 1e-9);
    // echo "39.22389 125.67 41.92444 157.47398935274526" | GeodSolve -i -p 6 -> s12 2694054.687648
    assert!((f(&rhumb["range_km"]) - 2694.054687648).abs() < 1e-6);
}

#[test]
fn seed_readings_closest_approach_matches_a_geodsolve_search() {
    let (j, _) = check_json(SEED);
    let readings = j["readings"].as_array().unwrap();
    let approach = |kind: &str, place: &str| {
        let r = readings.iter().find(|r| r["kind"] == kind).unwrap();

        r["overflights"].as_array().unwrap().iter().find(|o| o["name"] == place).unwrap().clone()
    };
    // scripts/reference/closest_approach.py 41.92444 143.24833 39.22389 125.67 41.05160479286977 157.34646351823318
    //   -> 65293.9259 m, along 1514095.6219 m
    let erimo = approach("geodesic", "Cape Erimo");
    assert!((f(&erimo["distance_km"]) - 65.2939259).abs() < 1e-3, "{erimo}");
    assert!((f(&erimo["along_track_km"]) - 1514.0956219).abs() < 1e-2, "{erimo}");
    assert_eq!(erimo["over"], false);
    // Cape Erimo lies north of an eastbound track: to the left, positive.
    assert!(f(&erimo["cross_track_km"]) > 0.0);
    // The Oshima Peninsula is tested against its outline (data/land/areas.geojson):
    // python3 scripts/outline_distance_check.py "Oshima Peninsula" 39.22389 125.67 41.05160 157.34646
    //   -> misses by 28.524 km
    let oshima = approach("geodesic", "Oshima Peninsula");
    assert!((f(&oshima["distance_km"]) - 28.524).abs() < 2e-3, "{oshima}");
    assert_eq!(oshima["over"], false);
    // ... 39.22389 125.67 41.92444 157.47399 -> crosses, entry at 1242.379 km (within the next 100 m)
    let oshima_rhumb = approach("rhumb", "Oshima Peninsula");
    assert_eq!(
        (oshima_rhumb["over"].clone(), oshima_rhumb["nearest"].clone()),
        (true.into(), "crosses".into())
    );
    assert!((1242.379..=1242.479).contains(&f(&oshima_rhumb["along_track_km"])), "{oshima_rhumb}");
    // scripts/reference/closest_approach.py 41.92444 143.24833 39.22389 125.67 41.92444 157.47398935274526
    //   -> 9306.7191 m
    let erimo_rhumb = approach("rhumb", "Cape Erimo");
    assert!((f(&erimo_rhumb["distance_km"]) - 9.3067191).abs() < 1e-3, "{erimo_rhumb}");
    assert_eq!(erimo_rhumb["over"], true);
}

#[test]
fn seed_best_estimate_lies_near_the_extension_of_the_sunan_erimo_geodesic() {
    let (j, _) = check_json(SEED);
    let best = &j["region"]["best"];
    // shared reference-values.md: extending the Sunan-to-Cape-Erimo geodesic 1,180 km beyond the cape ends near
    // 42.07 N, 157.51 E, 2,695.5 km from Sunan. The best estimate must pass over Cape Erimo, so it lies close.
    let (lat, lon) = (f(&best["lat"]), f(&best["lon"]));
    // A degree of latitude is 111 km, of longitude at 42 N about 83 km: 0.15 deg is about 15 km.
    assert!((lat - 42.07).abs() < 0.15 && (lon - 157.51).abs() < 0.15, "best estimate {lat} {lon}");
    assert!((f(&best["range_km"]) - 2695.5).abs() < 5.0);
    let area = f(&j["region"]["area_km2"]);
    assert!(area > 0.0 && area < 10_000.0, "area {area}");
}

#[test]
fn seed_trajectory_matches_closed_form_kepler() {
    let (j, _) = check_json(SEED);
    let t = &j["trajectory"];
    // shared reference-values.md: through 2,700 km with apogee 550 km: flight-path angle about 36.8 deg, burnout
    // speed about 4.668 km/s, flight time about 13.4 min (slightly depressed); minimum-energy apogee 598.7 km.
    // The reconstructed range is 2,695.5 km, so the figures agree to their stated digits.
    assert!((f(&t["flight_path_angle_deg"]) - 36.8).abs() < 0.05);
    assert!((f(&t["burnout_speed_mps"]) - 4668.0).abs() < 5.0);
    assert!((f(&t["flight_time_s"]) / 60.0 - 13.4).abs() < 0.05);
    assert!((f(&t["min_energy_apogee_km"]) - 598.7).abs() < 1.5);
    assert_eq!(t["kind"], "depressed");
    let checks = j["checks"].as_array().unwrap();
    for name in ["apogee", "flight time", "time over Cape Erimo", "time over Oshima Peninsula"] {
        let c = checks.iter().find(|c| c["figure"] == name).unwrap_or_else(|| panic!("no check {name}"));
        assert_eq!(c["verdict"], "consistent", "{c}");
    }
}

#[test]
fn json_has_the_documented_fields() {
    let (j, _) = check_json(SEED);
    for k in ["launch", "readings", "region", "checks", "verdict", "trajectory"] {
        assert!(j.get(k).is_some(), "missing {k}");
    }
    for k in ["name", "lat", "lon"] {
        assert!(j["launch"].get(k).is_some());
    }
    for k in ["kind", "lat", "lon", "range_km", "overflights"] {
        assert!(j["readings"][0].get(k).is_some());
    }
    for k in ["name", "cross_track_km", "along_track_km"] {
        assert!(j["readings"][0]["overflights"][0].get(k).is_some());
    }
    for k in ["feasible", "area_km2", "best"] {
        assert!(j["region"].get(k).is_some());
    }
    for k in ["lat", "lon", "range_km"] {
        assert!(j["region"]["best"].get(k).is_some());
    }
    for c in j["checks"].as_array().unwrap() {
        for k in ["figure", "stated", "low", "high", "computed", "unit", "verdict"] {
            assert!(c.get(k).is_some(), "check lacks {k}: {c}");
        }
    }
    for k in [
        "model",
        "burnout_speed_mps",
        "flight_path_angle_deg",
        "apogee_km",
        "flight_time_s",
        "min_energy_apogee_km",
        "equivalent_range_km",
    ] {
        assert!(j["trajectory"].get(k).is_some(), "trajectory lacks {k}");
    }
}

#[test]
fn text_report_prints_bands_verdict_and_not_modelled_boost() {
    let out = groundtrack().args(["check", SEED]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("2,650.0 km to 2,750.0 km"), "range band printed");
    assert!(text.contains("1,175.0 km to 1,185.0 km"), "distance band printed");
    assert!(text.contains("Verdict: CONSISTENT"));
    assert!(text.contains("boost phase is not modelled"));
}

#[test]
fn geojson_has_every_role_and_rfc7946_shape() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seed.geojson");
    groundtrack().args(["check", SEED, "--geojson"]).arg(&path).assert().code(0);
    let j: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(j["type"], "FeatureCollection");
    assert!(j.get("crs").is_none());
    let roles: Vec<&str> =
        j["features"].as_array().unwrap().iter().map(|f| f["properties"]["role"].as_str().unwrap()).collect();
    for role in ["launch", "reading", "estimate", "overflight", "track", "region"] {
        assert!(roles.contains(&role), "no {role} feature");
    }
    let launch =
        j["features"].as_array().unwrap().iter().find(|f| f["properties"]["role"] == "launch").unwrap();
    // [lon, lat] order.
    assert_eq!(launch["geometry"]["coordinates"][0], 125.67);
    assert_eq!(launch["geometry"]["coordinates"][1], 39.22389);
    // The outline the Oshima Peninsula's overflight was tested against: the polygon of data/land/areas.geojson,
    // vertex for vertex, counter-clockwise (RFC 7946 sec. 3.1.6: positive shoelace area).
    let area = j["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["role"] == "overflight area")
        .unwrap();
    assert_eq!(area["properties"]["name"], "Oshima Peninsula");
    let source: Value =
        serde_json::from_str(&std::fs::read_to_string("data/land/areas.geojson").unwrap()).unwrap();
    let want = source["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["name"] == "Oshima Peninsula")
        .unwrap();
    let ring = area["geometry"]["coordinates"][0].as_array().unwrap();
    assert_eq!(ring, want["geometry"]["coordinates"][0].as_array().unwrap());
    let xy: Vec<(f64, f64)> = ring.iter().map(|p| (f(&p[0]), f(&p[1]))).collect();
    let twice_area: f64 = xy.windows(2).map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1).sum();
    assert!(twice_area > 0.0);
}

#[test]
fn tolerance_scale_widens_default_bands() {
    let out = groundtrack().args(["check", SEED, "--json", "--tolerance-scale", "2"]).output().unwrap();
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    let range = j["checks"].as_array().unwrap().iter().find(|c| c["figure"] == "range").unwrap().clone();
    // about 2,700 km: half a unit in the last non-zero digit is 50 km; scaled by 2: 100 km.
    assert_eq!(f(&range["low"]), 2600.0);
    assert_eq!(f(&range["high"]), 2800.0);
}

fn write(dir: &Path, name: &str, text: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn an_inconsistent_range_exits_1_with_the_miss() {
    let dir = tempfile::tempdir().unwrap();
    let report = write(
        dir.path(),
        "wrong-range.toml",
        b"launch = \"Sunan\"\nimpact = \"41.05 N, 157.35 E\"\n[stated]\nrange = \"about 2,000 km\"\n",
    );
    let out = groundtrack().arg("check").arg(&report).arg("--json").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["verdict"], "inconsistent");
    let range = j["checks"].as_array().unwrap().iter().find(|c| c["figure"] == "range").unwrap().clone();
    // echo "39.22389 125.67 41.05 157.35" | GeodSolve -i -p 6 -> s12 2692623.166330 m. "about 2,000 km": half a
    // unit in the last non-zero digit (the thousands) gives the band 1,500 to 2,500 km.
    assert_eq!((f(&range["low"]), f(&range["high"])), (1500.0, 2500.0));
    assert!((f(&range["computed"]) - 2692.623166330).abs() < 1e-6);
    assert!((f(&range["miss"]) - (2692.623166330 - 2500.0)).abs() < 1e-6);
    assert_eq!(range["verdict"], "inconsistent");
}

#[test]
fn jointly_infeasible_phrase_report_says_so() {
    let dir = tempfile::tempdir().unwrap();
    // 1,180 km east of Cape Erimo cannot also be within 2,000 km of Sunan: Sunan to Cape Erimo alone is
    // 1,515.5 km (echo "39.22389 125.67 41.92444 143.24833" | GeodSolve -i) and the point is 1,180 km further
    // roughly the same way.
    let report = write(
        dir.path(),
        "infeasible.toml",
        b"launch = \"Sunan\"\noverflights = [\"Cape Erimo\"]\nimpact = \"about 1,180 km east of Cape Erimo\"\n[stated]\nrange = \"1,900 to 2,000 km\"\n",
    );
    let out = groundtrack().arg("check").arg(&report).arg("--json").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["region"]["feasible"], false);
    assert_eq!(j["verdict"], "inconsistent");
}

/// Runs `check` on a bad file: exit 2, one message naming the file and the fault, no panic, no GeoJSON left.
fn bad_input(name: &str, text: &[u8], expect: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let report = write(dir.path(), name, text);
    let geojson = dir.path().join("out.geojson");
    let out = groundtrack().arg("check").arg(&report).arg("--geojson").arg(&geojson).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{name}: {err}");
    assert!(!err.contains("panicked"), "{name}: {err}");
    assert!(err.contains(name), "{name}: message names the file: {err}");
    for e in expect {
        assert!(err.contains(e), "{name}: expected {e:?} in {err}");
    }
    assert!(!geojson.exists(), "{name}: no output file after bad input");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "{name}: nothing else written");
}

#[test]
fn bad_input_unknown_place() {
    bad_input(
        "unknown.toml",
        b"launch = \"Sunan\"\nimpact = \"about 1,180 km east of Cape Erimu\"\n",
        &[":2:10:", "field `impact`", "Cape Erimo"],
    );
}

#[test]
fn bad_input_latitude_91() {
    bad_input(
        "lat91.toml",
        b"launch = \"91 N, 125 E\"\nimpact = \"Cape Erimo\"\n",
        &[":1:10:", "field `launch`", "latitude"],
    );
}

#[test]
fn bad_input_empty_file() {
    bad_input("empty.toml", b"", &["empty"]);
}

#[test]
fn bad_input_binary_file() {
    bad_input("binary.toml", b"launch = \"Sunan\"\n\xff\xfe\x00\x01", &[":2:1:", "not UTF-8"]);
}

#[test]
fn bad_input_toml_syntax_error() {
    bad_input("syntax.toml", b"launch = \"Sunan\"\nimpact = \"Cape Erimo\n", &[":2:"]);
}

#[test]
fn bad_input_unknown_key() {
    bad_input("key.toml", b"launch = \"Sunan\"\nimpact = \"Cape Erimo\"\nimpakt = 1\n", &[":3:1:", "impakt"]);
}

#[test]
fn bad_input_unknown_key_in_stated() {
    bad_input(
        "stated.toml",
        b"launch = \"Sunan\"\nimpact = \"Cape Erimo\"\n[stated]\napogeee = \"550 km\"\n",
        &[":4:1:", "apogeee"],
    );
}

#[test]
fn bad_input_missing_impact() {
    bad_input("missing.toml", b"launch = \"Sunan\"\n", &["impact"]);
}

#[test]
fn bad_input_bad_figure() {
    bad_input(
        "figure.toml",
        b"launch = \"Sunan\"\nimpact = \"Cape Erimo\"\n[stated]\nrange = \"about 2,700 furlongs\"\n",
        &[":4:9:", "field `stated.range`"],
    );
}

#[test]
fn bad_input_missing_file() {
    let out = groundtrack().args(["check", "no/such/report.toml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/report.toml"));
}

#[test]
fn geojson_into_a_missing_directory_fails_cleanly() {
    let out = groundtrack().args(["check", SEED, "--geojson", "no/such/dir/out.geojson"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/dir/out.geojson"));
}

#[test]
fn second_seed_report_is_consistent() {
    let (j, code) = check_json("data/scenarios/2017-09-15-hwasong-12.toml");
    assert_eq!(code, 0, "{j}");
    // shared reference-values.md: extending the Sunan-to-Cape-Erimo geodesic to 3,700 km from Sunan ends about
    // 2,184 km beyond the cape: the stated "approx. 2,200 km" (2,150 to 2,250) contains it.
    let best = &j["region"]["best"];
    assert!((f(&best["range_km"]) - 3700.0).abs() < 50.0);
}

/// Runs `check` on a report text; returns the exit code, stdout and stderr.
fn run_report(text: &str) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let report = write(dir.path(), "r.toml", text.as_bytes());
    let out = groundtrack().arg("check").arg(&report).output().unwrap();
    let (o, e) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert!(!e.contains("panicked"), "{e}");
    (out.status.code().unwrap(), o, e)
}

#[test]
fn a_value_on_the_edge_of_an_open_band_is_consistent() {
    // "up to 300 km": the region's outer edge is computed to round-off (300.00000000000045 km).
    let (code, out, _) = run_report("launch = \"Sunan\"\nimpact = \"up to 300 km east of Cape Erimo\"\n");
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("misses by 0.0"), "{out}");
}

#[test]
fn an_open_distance_band_in_a_phrase_is_searched_up_to_the_farthest_point() {
    let (code, out, err) =
        run_report("launch = \"Sunan\"\nimpact = \"more than 1,000 km east of Cape Erimo\"\n");
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("no upper bound"), "{out}");
}

#[test]
fn a_phrase_beyond_half_the_earth_is_bad_input() {
    // echo "90 0 -90 0" | GeodSolve -i -p 4 -> 20003931.4586 m: no point is 24,500 km from another.
    let (code, _, err) = run_report("launch = \"Sunan\"\nimpact = \"about 25,000 km east of Cape Erimo\"\n");
    assert_eq!(code, 2);
    assert!(err.contains(":2:10: field `impact`") && err.contains("half a meridian"), "{err}");
}

#[test]
fn an_impact_on_the_launch_point_is_bad_input() {
    let (code, _, err) =
        run_report("launch = \"Sunan\"\noverflights = [\"Cape Erimo\"]\nimpact = \"Sunan\"\n");
    assert_eq!(code, 2);
    assert!(err.contains("field `impact`") && err.contains("launch point"), "{err}");
}

#[test]
fn an_impact_time_before_the_launch_time_is_bad_input() {
    let (code, _, err) = run_report(
        "launch = \"Sunan\"\nimpact = \"Cape Erimo\"\nlaunch_time = \"2017-08-29T06:12:00+09:00\"\n\
         impact_time = \"2017-08-29T05:58:00+09:00\"\n",
    );
    assert_eq!(code, 2);
    assert!(err.contains(":4:15: field `impact_time`"), "{err}");
}

#[test]
fn duplicate_and_mistyped_keys_are_named() {
    let (code, _, err) = run_report("launch = \"Sunan\"\nimpact = \"Cape Erimo\"\nlaunch = \"Sinpo\"\n");
    assert_eq!(code, 2);
    assert!(err.contains(":3:1: duplicate key `launch`"), "{err}");
    let (code, _, err) = run_report("launch = \"Sunan\"\nimpact = \"Cape Erimo\"\n[stated]\napogee = 5\n");
    assert_eq!(code, 2);
    assert!(err.contains(":4:10: key `stated.apogee`"), "{err}");
}

#[test]
fn control_characters_in_report_text_do_not_reach_the_terminal() {
    let (code, out, _) =
        run_report("name = \"x\\u001b[31mred\\r\"\nlaunch = \"Sunan\"\nimpact = \"Cape Erimo\"\n");
    assert_eq!(code, 0);
    assert!(!out.contains('\u{1b}') && !out.contains('\r'), "{out:?}");
}

#[test]
fn a_time_over_a_place_the_track_misses_is_not_checked() {
    // Beijing lies behind Sunan for a flight towards Cape Erimo: the track never passes over it, so its stated
    // time says nothing about the arc.
    let (code, out, _) = run_report(
        "launch = \"Sunan\"\nlaunch_time = \"2017-08-29T05:58:00+09:00\"\noverflights = [\"Beijing\"]\n\
         impact = \"Cape Erimo\"\n[[overflight_times]]\nplace = \"Beijing\"\ntime = \"05:57\"\n",
    );
    assert_eq!(code, 1, "the overflight itself is inconsistent");
    assert!(out.contains("time over Beijing") && out.contains("not checked"), "{out}");
}

#[test]
fn output_files_keep_symbolic_links_and_refuse_devices_and_read_only_files() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("link.geojson");
    std::os::unix::fs::symlink("target.geojson", &link).unwrap();
    groundtrack().args(["check", SEED, "--geojson"]).arg(&link).assert().code(0);
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays a link");
    assert!(dir.path().join("target.geojson").is_file(), "its target gets the content");

    let out = groundtrack().args(["check", SEED, "--geojson", "/dev/null"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));

    let ro = dir.path().join("ro.geojson");
    std::fs::write(&ro, "keep").unwrap();
    let mut perms = std::fs::metadata(&ro).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&ro, perms).unwrap();
    let out = groundtrack().args(["check", SEED, "--geojson"]).arg(&ro).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&ro).unwrap(), "keep");

    let looped = dir.path().join("loop.geojson");
    std::os::unix::fs::symlink("loop.geojson", &looped).unwrap();
    let out = groundtrack().args(["check", SEED, "--geojson"]).arg(&looped).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("symbolic links"));
}

#[test]
fn an_area_place_is_tested_against_its_outline_not_a_radius() {
    // The geodesic reading of the seed report as a point impact: its track passes 28.524 km south of the Oshima
    // Peninsula's outline (python3 scripts/outline_distance_check.py "Oshima Peninsula" 39.22389 125.67 41.05160
    // 157.34646), inside the 60 km circle the gazetteer gives the peninsula, outside its 2 km margin.
    let (code, out, _) = run_report(
        "launch = \"Sunan\"\noverflights = [\"Oshima Peninsula\"]\nimpact = \"41.05160 N, 157.34646 E\"\n",
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("outline: Natural Earth 1:50m"), "{out}");
    let row = out.lines().find(|l| l.contains("overflight Oshima Peninsula")).unwrap();
    assert!(row.contains("28.5 km") && row.contains("INCONSISTENT"), "{row}");
    // The JSON names the test and the outline's size (44 vertices in data/land/areas.geojson, closing one counted).
    let dir = tempfile::tempdir().unwrap();
    let report = write(
        dir.path(),
        "r.toml",
        b"launch = \"Sunan\"\noverflights = [\"Oshima Peninsula\"]\nimpact = \"41.92444 N, 157.47399 E\"\n",
    );
    let (j, code) = check_json(report.to_str().unwrap());
    assert_eq!(code, 0, "{j}");
    let place = &j["overflight_places"][0];
    assert_eq!(
        (place["radius_source"].as_str(), place["outline_vertices"].as_u64()),
        (Some("outline"), Some(44))
    );
    let c = j["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["figure"] == "overflight Oshima Peninsula")
        .unwrap();
    assert_eq!(f(&c["computed"]), 0.0, "{c}");
}

#[test]
fn a_place_the_track_never_reaches_gets_no_time_over_it() {
    // The track ends 30.474 km short of Okushiri Island (python3 scripts/outline_distance_check.py
    // "Okushiri Island" 43.0 139.45 42.5 139.45 -> misses by 30.4743 km): the arc has a nearest point, not a time
    // over the island.
    let (code, out, _) = run_report(
        "launch = \"43.0N 139.45E\"\nimpact = \"42.5N 139.45E\"\noverflights = [\"Okushiri Island\"]\n\
         launch_time = \"2020-01-01 10:00 JST\"\n[stated]\napogee = \"100 km\"\n",
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("nearest Okushiri Island (the track does not pass over it):"), "{out}");
    assert!(!out.contains("  over Okushiri Island:"), "{out}");
    let row = out.lines().find(|l| l.contains("overflight Okushiri Island")).unwrap();
    assert!(row.contains("30.5 km"), "{row}");
}

#[test]
fn a_right_conversion_of_a_figure_that_fits_keeps_the_figures_precision() {
    // Vandenberg to Kwajalein is 7,798.47 km (GeodSolve -i 34.75133 -120.52023 8.717 167.733). "4,200 nautical
    // miles" is 4,200 +- 50 nmi = 7,778.4 +- 92.6 km (1 nmi = 1,852 m exactly); its conversion "7,778 km" is
    // good to the same +-92.6 km, not to +-0.5 km: both rows are consistent.
    let dir = tempfile::tempdir().unwrap();
    let report = write(
        dir.path(),
        "r.toml",
        b"launch = \"Vandenberg\"\nimpact = \"Kwajalein Atoll\"\n[stated]\nrange = \"4,200 nautical miles (7,778 km)\"\n",
    );
    let (j, code) = check_json(report.to_str().unwrap());
    assert_eq!(code, 0, "{j}");
    let c = j["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["figure"] == "range (the report's own conversion)")
        .unwrap();
    assert!(
        (f(&c["low"]) - (7_778.0 - 92.6)).abs() < 1e-6 && (f(&c["high"]) - (7_778.0 + 92.6)).abs() < 1e-6,
        "{c}"
    );
}
