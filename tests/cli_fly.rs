//! `groundtrack fly` and `groundtrack equivalent-range` from the command line.
//!
//! Reference values:
//! - The 2017-08-29 case, from the project's shared `cases/reference-values.md` ("closed-form Kepler on a sphere
//!   of radius 6,371 km, mu = 398,600.4418 km^3/s^2, burnout and impact at the surface, no rotation, no drag"):
//!   minimum-energy 2,700 km: flight-path angle 38.93 deg, burnout speed 4.663 km/s, apogee 598.7 km, flight
//!   time 13.99 min; through 2,700 km with apogee 550 km: flight-path angle about 36.8 deg, burnout speed about
//!   4.668 km/s, flight time about 13.4 min.
//! - Distances and azimuths from GeographicLib 2.1.2's GeodSolve (command next to each value).
//! - Closed-form relations of Bate, Mueller, White, *Fundamentals of Astrodynamics* (1971), sec. 6.2, evaluated
//!   in the tests themselves (eq. 6.2-1, 6.2-12, 6.2-16).

// Values are pasted with every digit GeodSolve printed.
#![allow(clippy::excessive_precision)]

use assert_cmd::Command;
use predicates::str::contains;
use serde_json::Value;

const R: f64 = 6_371_000.0;
const MU: f64 = 3.986_004_418e14;
/// `echo 39.22389 125.67 41.051604792869774 157.346463518233179 | GeodSolve -i -p 12` (Sunan as in the
/// gazetteer to "about 1,180 km east of Cape Erimo", itself `echo 41.92444 143.24833 90 1180000 | GeodSolve -p
/// 12` from the gazetteer's Cape Erimo): 75.445426079286904 96.176205212098054 2692308.3973558019.
const SUNAN_TO_POINT_KM: f64 = 2_692.308_397_355_801_9;
const SUNAN_TO_POINT_AZI: f64 = 75.445_426_079_286_904;
const PHRASE: &str = "about 1,180 km east of Cape Erimo";

fn cmd() -> Command {
    Command::cargo_bin("groundtrack").unwrap()
}

fn json(args: &[&str]) -> Value {
    let out = cmd().args(args).arg("--json").assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).unwrap()
}

fn f(v: &Value, key: &str) -> f64 {
    v[key].as_f64().unwrap_or_else(|| panic!("{key} missing in {v}"))
}

#[test]
fn minimum_energy_2700_km_matches_the_reference_case() {
    let v = json(&["fly", "Sunan", "--range", "2,700 km", "--min-energy"]);
    assert!((f(&v, "flight_path_angle_deg") - 38.93).abs() < 0.005, "{v}");
    assert!((f(&v, "burnout_speed_mps") / 1000.0 - 4.663).abs() < 0.0005, "{v}");
    assert!((f(&v, "apogee_km") - 598.7).abs() < 0.05, "{v}");
    assert!((f(&v, "flight_time_s") / 60.0 - 13.99).abs() < 0.005, "{v}");
    assert!((f(&v, "apogee_downrange_km") - 1_350.0).abs() < 1e-6);
    // The minimum-energy arc's speed reaches exactly its own range at most.
    assert!((f(&v, "min_energy_range_km") - 2_700.0).abs() < 1e-3, "{v}");
    // Re-entry mirrors burnout on a symmetric arc.
    assert!((f(&v, "reentry_speed_mps") - f(&v, "burnout_speed_mps")).abs() < 1e-6);
    assert!(v["model"].as_str().unwrap().contains("Keplerian"));
    assert_eq!(v["kind"], "MinimumEnergy");
    // Default step 10 s, from burnout to re-entry.
    let rows = v["profile"].as_array().unwrap();
    assert_eq!(rows[1]["time_s"], 10.0);
    assert_eq!(rows.len(), 85); // 0..=830 s every 10 s, and re-entry at 839.4 s
}

#[test]
fn apogee_550_km_over_2700_km_matches_the_reference_case() {
    let v = json(&["fly", "Sunan", "--range", "2700 km", "--apogee", "550 km"]);
    assert!((f(&v, "flight_path_angle_deg") - 36.8).abs() < 0.05, "{v}");
    assert!((f(&v, "burnout_speed_mps") / 1000.0 - 4.668).abs() < 0.0005, "{v}");
    assert!((f(&v, "flight_time_s") / 60.0 - 13.4).abs() < 0.05, "{v}");
    assert!((f(&v, "apogee_km") - 550.0).abs() < 1e-6);
    assert_eq!(v["kind"], "Depressed");
    // A depressed arc needs more speed than minimum energy: its speed reaches further.
    assert!(f(&v, "min_energy_range_km") > 2_700.0);
}

#[test]
fn phrase_impact_range_is_the_geodesic_distance() {
    let v = json(&["fly", "Sunan", PHRASE, "--apogee", "550km"]);
    assert!((f(&v, "range_km") - SUNAN_TO_POINT_KM).abs() < 0.1, "{v}");
    assert!((v["geodesic"]["azimuth_deg"].as_f64().unwrap() - SUNAN_TO_POINT_AZI).abs() < 1e-9);
    let last = v["profile"].as_array().unwrap().last().unwrap().clone();
    assert!((last["lat"].as_f64().unwrap() - 41.051_604_792_869_774).abs() < 1e-9);
    assert!((last["lon"].as_f64().unwrap() - 157.346_463_518_233_179).abs() < 1e-9);
    assert_eq!(v["impact"]["name"], PHRASE);
}

#[test]
fn burnout_speed_picks_the_arcs_of_the_flight_path_angle_equation() {
    // BMW eq. 6.2-16: sin(2 phi + Psi/2) = (2 - Q)/Q sin(Psi/2), Q = v^2 R / mu (eq. 6.2-1); two roots.
    let v_bo = 4_700.0;
    let psi = 2_700e3 / R;
    let q = v_bo * v_bo * R / MU;
    let s = ((2.0 - q) / q * (psi / 2.0).sin()).asin();
    let high = ((std::f64::consts::PI - s - psi / 2.0) / 2.0).to_degrees();
    let low = ((s - psi / 2.0) / 2.0).to_degrees();
    for (arc, phi, kind) in [("high", high, "Lofted"), ("low", low, "Depressed")] {
        let v = json(&["fly", "Sunan", "--range", "2700 km", "--speed", "4.7 km/s", "--arc", arc]);
        assert!((f(&v, "flight_path_angle_deg") - phi).abs() < 1e-6, "{arc}: {v}");
        assert_eq!(v["kind"], kind);
    }
    let v = json(&["fly", "Sunan", "--range", "2700 km", "--speed", "4700 m/s"]);
    assert!((f(&v, "flight_path_angle_deg") - high).abs() < 1e-6, "default arc is high");
}

#[test]
fn flight_path_angle_satisfies_the_free_flight_range_equation() {
    // BMW eq. 6.2-12: cos(Psi/2) = (1 - Q cos^2 phi) / sqrt(1 + Q (Q - 2) cos^2 phi).
    let v = json(&["fly", "Sunan", "--range", "2700 km", "--gamma", "45"]);
    let v_bo = f(&v, "burnout_speed_mps");
    let q = v_bo * v_bo * R / MU;
    let c2 = 45f64.to_radians().cos().powi(2);
    let rhs = (1.0 - q * c2) / (1.0 + q * (q - 2.0) * c2).sqrt();
    assert!(((2_700e3 / R / 2.0).cos() - rhs).abs() < 1e-12, "{v}");
    assert_eq!(f(&v, "flight_path_angle_deg"), 45.0);
}

#[test]
fn equivalent_range_of_the_lofted_950_km_test() {
    // Closed-form Kepler on the 6,371 km sphere, computed independently (Python): the symmetric arc over
    // Psi = 950/6371 rad with apogee radius r_a = R + 4,475 km has e = (r_a - R)/(r_a - R cos(Psi/2)),
    // a = r_a/(1 + e), v^2 = mu (2/R - 1/a) = (7,195.316 m/s)^2; its maximum range, sin(Psi/2) = Q/(2 - Q)
    // (BMW eq. 6.2-19), is 9,983.323 km.
    let v = json(&["equivalent-range", "--range", "950 km", "--apogee", "4,475 km"]);
    assert!((f(&v, "equivalent_range_km") - 9_983.323).abs() < 0.01, "{v}");
    assert!((f(&v, "burnout_speed_mps") - 7_195.316).abs() < 0.001, "{v}");
    assert!(v["model"].as_str().unwrap().contains("Keplerian"));
    // The same test read as 53 min of free flight (bisection on r_a against Kepler's equation, same script):
    // apogee 4,755.1 km, burnout speed 7,321.957 m/s, equivalent range 10,798.50 km: over 10,000 km.
    let v = json(&["equivalent-range", "--range", "950 km", "--time", "53 min"]);
    assert!((f(&v, "equivalent_range_km") - 10_798.50).abs() < 0.01, "{v}");
    assert!(f(&v, "equivalent_range_km") > 10_000.0);
    cmd()
        .args(["equivalent-range", "--range", "950 km", "--apogee", "4475 km"])
        .assert()
        .success()
        .stdout(contains("Equivalent range: 9,983.3 km"))
        .stdout(contains("Model:"))
        .stdout(contains("Boost allowance:"));
}

#[test]
fn text_output_has_summary_allowance_and_profile_in_the_chosen_unit() {
    cmd()
        .args(["fly", "Sunan", "--range", "2700 km", "--units", "nmi", "--step", "1 min"])
        .assert()
        .success()
        // 2,700 km / 1,852 m = 1,457.883 nmi.
        .stdout(contains("Range:            1,457.9 nmi"))
        .stdout(contains(
            "Boost allowance:  burnout altitude 0.0 nmi, burnout range 0.0 nmi, boost time 0.0 s",
        ))
        .stdout(contains("range nmi"))
        .stdout(contains("Profile every 60.0 s"));
}

#[test]
fn geojson_and_kml_files_parse_and_carry_altitudes() {
    let dir = tempfile::tempdir().unwrap();
    let (gj, km) = (dir.path().join("t.geojson"), dir.path().join("t.kml"));
    cmd()
        .args(["fly", "Sunan", PHRASE, "--apogee", "550 km", "--geojson"])
        .arg(&gj)
        .arg("--kml")
        .arg(&km)
        .assert()
        .success();
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&gj).unwrap()).unwrap();
    let features = v["features"].as_array().unwrap();
    let track = features.iter().find(|f| f["properties"]["role"] == "trajectory").unwrap();
    let coords = track["geometry"]["coordinates"].as_array().unwrap();
    let top = coords.iter().map(|c| c[2].as_f64().unwrap()).fold(f64::NEG_INFINITY, f64::max);
    assert!((top - 550e3).abs() < 5.0, "{top}");
    let apogee = features.iter().find(|f| f["properties"]["role"] == "apogee").unwrap();
    assert!((apogee["geometry"]["coordinates"][2].as_f64().unwrap() - 550e3).abs() < 0.1);
    let _: geojson::FeatureCollection = std::fs::read_to_string(&gj).unwrap().parse().unwrap();

    let doc: kml::Kml<f64> = std::fs::read_to_string(&km).unwrap().parse().unwrap();
    let kml::Kml::KmlDocument(doc) = doc else { panic!("not a KML document") };
    let kml::Kml::Document { elements, .. } = &doc.elements[0] else { panic!("no Document") };
    let kml::Kml::Placemark(p) = &elements[0] else { panic!("no Placemark") };
    assert_eq!(p.name.as_deref(), Some("Trajectory"));
    let Some(kml::types::Geometry::LineString(line)) = &p.geometry else { panic!("no LineString") };
    assert_eq!(line.altitude_mode, kml::types::AltitudeMode::Absolute);
    let top = line.coords.iter().map(|c| c.z.unwrap()).fold(f64::NEG_INFINITY, f64::max);
    assert!((top - 550e3).abs() < 5.0, "{top}");
    // Atomic writes leave no temporary files.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn rotating_flight_reports_offset_deviation_gain_and_dates() {
    let v = json(&[
        "fly",
        "Sunan",
        PHRASE,
        "--apogee",
        "550 km",
        "--rotating",
        "--launch-time",
        "2017-08-28T20:57:00Z",
    ]);
    let rot = &v["rotation"];
    assert!((f(rot, "geodesic_azimuth_deg") - SUNAN_TO_POINT_AZI).abs() < 1e-9);
    assert!(
        (f(rot, "azimuth_offset_deg") - (f(rot, "launch_azimuth_deg") - SUNAN_TO_POINT_AZI)).abs() < 1e-12
    );
    assert!(f(rot, "max_lateral_deviation_km").is_finite());
    assert!(f(rot, "range_gain_km").is_finite());
    assert!(rot["note"].as_str().unwrap().contains("time-independent"));
    assert!((f(&v, "apogee_km") - 550.0).abs() < 1e-3);
    let last = v["profile"].as_array().unwrap().last().unwrap().clone();
    assert!((last["lat"].as_f64().unwrap() - 41.051_604_792_869_774).abs() < 1e-6);
    assert!((last["lon"].as_f64().unwrap() - 157.346_463_518_233_179).abs() < 1e-6);
    let t0: jiff::Timestamp = v["launch_time"].as_str().unwrap().parse().unwrap();
    let t1: jiff::Timestamp = v["reentry_time"].as_str().unwrap().parse().unwrap();
    let dt = (t1 - t0).as_secs_f64();
    assert!((dt - f(&v, "total_time_s")).abs() < 1e-3, "{dt}");
    cmd()
        .args(["fly", "Sunan", PHRASE, "--rotating", "--step", "120"])
        .assert()
        .success()
        .stdout(contains("Earth rotation"))
        .stdout(contains("largest lateral deviation"))
        .stdout(contains("does not depend on the launch time"));
}

#[test]
fn rotating_range_form_needs_an_azimuth() {
    cmd()
        .args(["fly", "Sunan", "--range", "2700 km", "--rotating"])
        .assert()
        .code(2)
        .stderr(contains("--azimuth"));
    let v = json(&["fly", "Sunan", "--range", "2700 km", "--azimuth", "east", "--rotating"]);
    // Fired east from 39 N, the Earth's spin carries the missile further.
    assert!(f(&v["rotation"], "range_gain_km") > 0.0, "{v}");
    assert!(v["rotation"]["cross_range_km"].as_f64().is_some());
}

#[test]
fn bad_input_exits_2_with_a_message_and_writes_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let (gj, km) = (dir.path().join("t.geojson"), dir.path().join("t.kml"));
    let cases: [(&[&str], &str); 6] = [
        (&["fly", "Sunan", "--range=-2700 km", "--azimuth", "90"], "negative"),
        (&["fly", "Sunan", "--range", "-5 km", "--azimuth", "90"], "--range"),
        (&["fly", "Sunan", PHRASE, "--apogee", "0 km"], "apogee"),
        (&["fly", "Sunan", PHRASE, "--apogee", "50 km", "--burnout-altitude", "100 km"], "feasible interval"),
        (&["fly", "Sunan", "Atlantis"], "unknown place"),
        (&["fly", "Sunan", "--range", "2700 km"], "no ground track"),
    ];
    for (args, message) in cases {
        cmd()
            .args(args)
            .arg("--geojson")
            .arg(&gj)
            .arg("--kml")
            .arg(&km)
            .assert()
            .code(2)
            .stderr(contains("groundtrack: error:"))
            .stderr(contains(message));
        assert!(!gj.exists() && !km.exists(), "{args:?} wrote a file");
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    for (args, message) in [
        (&["fly", "Sunan", "Tokyo", "--speed", "4.5"][..], "not a speed"),
        (&["fly", "Sunan", "Tokyo", "--speed", "2 km/s"][..], "too low"),
        (&["fly", "Sunan", "Tokyo", "--step", "0"][..], "--step"),
        (&["equivalent-range", "--range", "950 km", "--time", "1 min"][..], "flight time"),
    ] {
        cmd().args(args).assert().code(2).stderr(contains(message));
    }
}
