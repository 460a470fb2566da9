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

#[path = "ballistics_rk4.rs"]
mod rk4;

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
    assert_eq!(v["kind"], "minimum_energy");
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
    assert_eq!(v["kind"], "depressed");
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
    for (arc, phi, kind) in [("high", high, "lofted"), ("low", low, "depressed")] {
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

/// Cape Erimo as in the gazetteer (data/places.csv): 41.92444 N, 143.24833 E.
const ERIMO: (f64, f64) = (41.92444, 143.24833);

fn unit(lat: f64, lon: f64) -> [f64; 3] {
    let (la, lo) = (lat.to_radians(), lon.to_radians());
    [la.cos() * lo.cos(), la.cos() * lo.sin(), la.sin()]
}

/// Angle (rad) between two unit vectors.
fn angle(a: [f64; 3], b: [f64; 3]) -> f64 {
    let d = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    let c = [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
    (c[0] * c[0] + c[1] * c[1] + c[2] * c[2]).sqrt().atan2(d)
}

/// Flies the Earth-relative launch figures of a rotating `fly --json` (no boost allowance) by RK4 in the rotating
/// frame (gravity, Coriolis, centrifugal; `ballistics_rk4.rs`): the miss (m, on the 6,371 km sphere) at the
/// point `(lat, lon)` and the apogee altitude (m).
fn integrate_rotating(v: &Value, (lat, lon): (f64, f64)) -> (f64, f64) {
    let rot = &v["rotation"];
    let (la, lo) = (f(&v["launch"], "lat"), f(&v["launch"], "lon"));
    let u = unit(la, lo);
    let (sla, cla) = la.to_radians().sin_cos();
    let (slo, clo) = lo.to_radians().sin_cos();
    let east = [-slo, clo, 0.0];
    let north = [-sla * clo, -sla * slo, cla];
    let (sa, ca) = f(rot, "launch_azimuth_deg").to_radians().sin_cos();
    let (sp, cp) = f(v, "flight_path_angle_deg").to_radians().sin_cos();
    let speed = f(v, "burnout_speed_mps");
    let mut s0 = [0.0; 6];
    for i in 0..3 {
        s0[i] = R * u[i];
        s0[3 + i] = speed * (cp * (sa * east[i] + ca * north[i]) + sp * u[i]);
    }
    let fun = rk4::two_body_rotating(MU, 7.292_115_9e-5);
    let re = rk4::integrate_until(&fun, s0, 0.5, 1e5, &|s| rk4::radius(s) - R).expect("re-entry");
    let apo = rk4::integrate_until(&fun, s0, 0.5, 1e5, &|s| rk4::radial(s)).expect("apogee");
    let r = rk4::radius(&re.state);
    let p = [re.state[0] / r, re.state[1] / r, re.state[2] / r];
    (R * angle(p, unit(lat, lon)), rk4::radius(&apo.state) - R)
}

/// Regression (new-user test): lofted flights over the rotating Earth printed an apogee of 126.2 km for
/// 4,475 km asked and a launch azimuth of 1,511.849 deg, or failed with "apogee did not converge". Each now
/// reaches the requested apogee, checked by integrating its launch figures in the rotating frame.
#[test]
fn rotating_lofted_flights_reach_the_requested_apogee() {
    for h in ["3,000 km", "3,500 km", "4,000 km", "4,475 km", "6,000 km"] {
        let v = json(&["fly", "Sunan", "Cape Erimo", "--rotating", "--apogee", h]);
        let want = h.trim_end_matches(" km").replace(',', "").parse::<f64>().unwrap() * 1e3;
        let (miss, apogee) = integrate_rotating(&v, ERIMO);
        assert!(miss < 1.0, "{h}: misses Cape Erimo by {miss} m");
        assert!((apogee - want).abs() < 1.0, "{h}: apogee {apogee} m");
        assert!((f(&v, "apogee_km") - want / 1e3).abs() < 1e-5);
        let az = f(&v["rotation"], "launch_azimuth_deg");
        assert!((0.0..360.0).contains(&az) && (az - f(&v["rotation"], "geodesic_azimuth_deg")).abs() < 10.0);
        assert!(f(&v, "flight_path_angle_deg") > 70.0, "{h}: not lofted");
    }
    // 53 minutes from launch (no boost: all free flight).
    let v = json(&["fly", "Sunan", "Cape Erimo", "--rotating", "--time", "53min"]);
    let (miss, _) = integrate_rotating(&v, ERIMO);
    assert!(miss < 1.0 && (f(&v, "flight_time_s") - 3_180.0).abs() < 1e-6, "{miss}");
    // `echo 40.82278 140.74694 270 250000 | GeodSolve -p 12` (the gazetteer's Aomori, 250 km west):
    // 40.784736172696817 137.784583169319660.
    let v = json(&["fly", "Pyongsong", "about 250 km west of Aomori", "--apogee", "4,475 km", "--rotating"]);
    let (miss, apogee) = integrate_rotating(&v, (40.784_736_172_696_817, 137.784_583_169_319_66));
    assert!(miss < 1.0 && (apogee - 4_475e3).abs() < 1.0, "{miss} {apogee}");
}

/// Over the rotating Earth the Earth-relative flight-path angle of the arcs to Cape Erimo tops out below 80 deg
/// (the Earth turns under steeper shots): a clear error with the interval, not a shot fired round the world.
#[test]
fn rotating_flight_path_angle_beyond_reach_is_a_clear_error() {
    cmd()
        .args(["fly", "Sunan", "Cape Erimo", "--rotating", "--gamma", "80"])
        .assert()
        .code(2)
        .stderr(contains("flight-path angle 80 deg"))
        .stderr(contains("feasible interval"))
        .stderr(contains("rotating Earth"));
    let v = json(&["fly", "Sunan", "Cape Erimo", "--rotating", "--gamma", "79"]);
    let (miss, _) = integrate_rotating(&v, ERIMO);
    assert!(miss < 1.0 && (f(&v, "flight_path_angle_deg") - 79.0).abs() < 1e-8, "{miss}");
}

/// Regression: an apogee of 1e9 km failed with an error blaming the profile step of 10 s. The cause is the
/// arc: it leaves the Earth's sphere of influence (Laplace, about 924,650 km), so the two-body model does not
/// hold; the message says so and quotes the escape speed sqrt(2 mu / R) it falls just short of.
#[test]
fn apogee_beyond_the_sphere_of_influence_is_named_as_the_cause() {
    let escape = format!("{:.3}", (2.0 * MU / R).sqrt());
    for args in [
        &["fly", "Sunan", "Cape Erimo", "--apogee", "1e9 km"][..],
        &["fly", "Sunan", "Cape Erimo", "--apogee", "1e9 km", "--rotating"][..],
        &["fly", "Sunan", "Cape Erimo", "--apogee", "1e6 km", "--step", "1 h"][..],
        &["equivalent-range", "--range", "950 km", "--apogee", "1e9 km"][..],
    ] {
        let out = cmd().args(args).assert().code(2).get_output().stderr.clone();
        let err = String::from_utf8(out).unwrap();
        assert!(err.contains("sphere of influence") && err.contains(&escape), "{args:?}: {err}");
        assert!(!err.contains("step"), "{args:?}: {err}");
    }
    // Inside it the flight is computed; only a step too fine for its length is then blamed on the step.
    let v = json(&["fly", "Sunan", "Cape Erimo", "--apogee", "900,000 km", "--step", "1 h"]);
    assert!((f(&v, "apogee_km") - 900_000.0).abs() < 1e-3);
    cmd()
        .args(["fly", "Sunan", "Cape Erimo", "--apogee", "900,000 km", "--step", "1 s"])
        .assert()
        .code(2)
        .stderr(contains("step"));
}

/// Symmetric Keplerian arc over the range angle `psi` (rad) on the sphere whose free flight lasts `t` s: the
/// apogee radius by bisection against Kepler's equation (eccentric anomaly at burnout from the true anomaly
/// pi - psi/2, apogee at pi), then the burnout speed by vis-viva and its maximum range by BMW eq. 6.2-19,
/// sin(Psi/2) = Q / (2 - Q). Returns (burnout speed m/s, equivalent range m).
fn equivalent_of_time(psi: f64, t: f64) -> (f64, f64) {
    let nu = std::f64::consts::PI - psi / 2.0;
    let time = |ra: f64| {
        let e = (ra - R) / (ra - R * (psi / 2.0).cos());
        let a = ra / (1.0 + e);
        let big_e = 2.0 * (((1.0 - e) / (1.0 + e)).sqrt() * (nu / 2.0).tan()).atan();
        let m = big_e - e * big_e.sin();
        2.0 * (std::f64::consts::PI - m) / (MU / a.powi(3)).sqrt()
    };
    let (mut lo, mut hi) = (R + 1.0, 10.0 * R);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if time(mid) < t { lo = mid } else { hi = mid }
    }
    let ra = 0.5 * (lo + hi);
    let e = (ra - R) / (ra - R * (psi / 2.0).cos());
    let a = ra / (1.0 + e);
    let v = (MU * (2.0 / R - 1.0 / a)).sqrt();
    let q = v * v * R / MU;
    (v, 2.0 * R * (q / (2.0 - q)).asin())
}

/// Regression: `equivalent-range --boost-time` had no effect. A stated flight time is from launch (as `check`
/// reads it), so the free flight is the time less the boost: 53 min with a 5 min boost is 48 min of free flight.
#[test]
fn equivalent_range_boost_time_shortens_the_free_flight() {
    let psi = 950e3 / R;
    let (v48, eq48) = equivalent_of_time(psi, 48.0 * 60.0);
    let v = json(&["equivalent-range", "--range", "950 km", "--time", "53 min", "--boost-time", "5 min"]);
    assert!((f(&v, "burnout_speed_mps") - v48).abs() < 1e-3, "{v} vs {v48}");
    assert!((f(&v, "equivalent_range_km") - eq48 / 1e3).abs() < 1e-3, "{v} vs {eq48}");
    assert!((f(&v, "flight_time_s") - 2_880.0).abs() < 1e-6);
    assert!((f(&v, "total_time_s") - 3_180.0).abs() < 1e-6);
    assert!(v["notes"][0].as_str().unwrap().contains("time from launch"), "{v}");
    // Without the boost the same 53 min is all free flight (independent value in the test above: 10,798.50 km).
    let (_, eq53) = equivalent_of_time(psi, 53.0 * 60.0);
    assert!((eq53 / 1e3 - 10_798.50).abs() < 0.01);
    assert!(eq48 < eq53 - 100e3);
    // fly reads --time the same way.
    let v = json(&["fly", "Sunan", "--range", "950 km", "--time", "53 min", "--boost-time", "5 min"]);
    assert!(
        (f(&v, "burnout_speed_mps") - v48).abs() < 1e-3 && (f(&v, "total_time_s") - 3_180.0).abs() < 1e-6
    );
    cmd()
        .args(["equivalent-range", "--range", "950 km", "--time", "4 min", "--boost-time", "5 min"])
        .assert()
        .code(2)
        .stderr(contains("boost time"));
    // With an apogee the boost time only adds to the time from launch, which the text prints.
    cmd()
        .args(["equivalent-range", "--range", "950 km", "--apogee", "4475 km", "--boost-time", "60 s"])
        .assert()
        .success()
        .stdout(contains("from launch (boost 60.0 s)"));
}

/// Regression: `fly` and `equivalent-range` refused "about 4,475 km", which `check` reads. Worded figures are
/// read at their nominal value and the output says so.
#[test]
fn worded_figures_are_read_at_their_nominal_value() {
    let plain = json(&["equivalent-range", "--range", "950 km", "--apogee", "4,475 km"]);
    let worded = json(&["equivalent-range", "--range", "about 950 km", "--apogee", "approx. 4,475 km"]);
    // Closed-form value of `equivalent_range_of_the_lofted_950_km_test`: 9,983.323 km.
    assert!((f(&worded, "equivalent_range_km") - 9_983.323).abs() < 0.01, "{worded}");
    assert_eq!(plain["equivalent_range_km"], worded["equivalent_range_km"]);
    let notes = worded["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 2, "{worded}");
    assert!(notes.iter().any(|n| n.as_str().unwrap().contains("nominal 950 km")));
    assert!(plain["notes"].as_array().unwrap().is_empty());

    let v = json(&["fly", "Sunan", "Cape Erimo", "--apogee", "about 4,475 km", "--boost-time", "~60 s"]);
    assert!((f(&v, "apogee_km") - 4_475.0).abs() < 1e-6);
    assert!((f(&v, "total_time_s") - f(&v, "flight_time_s") - 60.0).abs() < 1e-9);
    assert_eq!(v["notes"].as_array().unwrap().len(), 2, "{v}");
    let v = json(&["fly", "Sunan", "--range", "more than 2,700 km", "--speed", "about 4.7 km/s"]);
    assert!((f(&v, "range_km") - 2_700.0).abs() < 1e-9);
    assert!(v["notes"].as_array().unwrap().iter().any(|n| n.as_str().unwrap().contains("4.7 km/s")), "{v}");
    cmd()
        .args(["fly", "Sunan", "Cape Erimo", "--time", "about 14 min"])
        .assert()
        .success()
        .stdout(contains("Note:"))
        .stdout(contains("the nominal 14 min was used"));
}

/// Regression: JSON spelled the arc kind "Lofted" in fly but "depressed" in check. Every output uses the
/// lowercase snake_case names; for the seed report's arc (apogee 550 km over about 2,695 km) both say
/// "depressed" (the minimum-energy apogee is 598.7 km: shared reference-values.md).
#[test]
fn arc_kind_is_spelled_alike_in_fly_equivalent_range_and_check() {
    let out = cmd().args(["check", "data/scenarios/2017-08-29-hwasong-12.toml", "--json"]).output().unwrap();
    let check: Value = serde_json::from_slice(&out.stdout).unwrap();
    let fly = json(&["fly", "Sunan", "--range", "2,695 km", "--apogee", "550 km"]);
    assert_eq!(check["trajectory"]["kind"], "depressed");
    assert_eq!(fly["kind"], check["trajectory"]["kind"]);
    assert_eq!(fly["nonrotating"]["kind"], "depressed");
    let eq = json(&["equivalent-range", "--range", "950 km", "--apogee", "4,475 km"]);
    assert_eq!(eq["kind"], "lofted");
    let me = json(&["fly", "Sunan", "--range", "2,695 km"]);
    assert_eq!(me["kind"], "minimum_energy");
}

/// Regression: fly's JSON gave the lateral deviation as -11.67 km where the text said "to the left". One
/// convention everywhere, `check`'s cross-track one: positive to the left of the direction of flight. The sign
/// is checked against the geodesy module's closest approach (WGS84, left positive) of the profile point at the
/// time of the largest deviation.
#[test]
fn lateral_deviation_is_positive_to_the_left_as_in_check() {
    for (target, apogee) in [(PHRASE, "550 km"), ("Cape Erimo", "4,475 km")] {
        let v = json(&["fly", "Sunan", target, "--rotating", "--apogee", apogee, "--step", "1 s"]);
        let rot = &v["rotation"];
        let dev = f(rot, "max_lateral_deviation_km");
        let t = f(rot, "max_lateral_deviation_time_s");
        let row = v["profile"]
            .as_array()
            .unwrap()
            .iter()
            .min_by(|a, b| (f(a, "time_s") - t).abs().total_cmp(&(f(b, "time_s") - t).abs()))
            .unwrap()
            .clone();
        let p = |o: &Value| geo_types::Point::new(f(o, "lon"), f(o, "lat"));
        let c = groundtrack::geodesy::closest_approach(
            &groundtrack::geodesy::Ellipsoid::wgs84(),
            p(&row),
            p(&v["launch"]),
            p(&v["impact"]),
        )
        .unwrap();
        // Sphere against ellipsoid and a profile point up to 0.5 s off the time: within 2 %.
        assert!((c.cross_track_m / 1e3 - dev).abs() < 0.02 * dev.abs(), "{target}: {dev} km vs {c:?}");
        let side = if dev > 0.0 { "to the left" } else { "to the right" };
        cmd()
            .args(["fly", "Sunan", target, "--rotating", "--apogee", apogee])
            .assert()
            .success()
            .stdout(contains(format!("{} {side}", format_km(dev.abs()))));
    }
}

/// A distance in km as the text output prints it (one decimal, thousands grouped).
fn format_km(km: f64) -> String {
    let s = format!("{km:.1}");
    let (int, frac) = s.split_once('.').unwrap();
    let mut g = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            g.push(',');
        }
        g.push(c);
    }
    format!("{g}.{frac} km")
}

#[test]
fn fly_draws_its_map_and_its_profile() {
    let dir = tempfile::tempdir().unwrap();
    let (map, profile) = (dir.path().join("fly.svg"), dir.path().join("profile.svg"));
    assert_cmd::Command::cargo_bin("groundtrack")
        .unwrap()
        .args(["fly", "Sunan", "about 1,180 km east of Cape Erimo", "--apogee", "550 km", "--map"])
        .arg(&map)
        .arg("--profile")
        .arg(&profile)
        .assert()
        .success();
    let map = std::fs::read_to_string(&map).unwrap();
    let doc = roxmltree::Document::parse(&map).unwrap();
    assert!(
        doc.descendants()
            .any(|n| n.attribute("data-role") == Some("land") && n.attribute("data-name") == Some("Japan")),
        "the track's stretch over Japan is drawn"
    );
    let profile = std::fs::read_to_string(&profile).unwrap();
    // Equal burnout and re-entry altitudes make the arc symmetric: the apogee lies at half the range,
    // 2,692.308 km / 2 (echo "39.22389 125.67 41.05160479286977 157.34646351823318" | GeodSolve -i -> 2692308.397 m).
    let at = profile.find("data-downrange-km=\"").expect("apogee marked") + "data-downrange-km=\"".len();
    let km: f64 = profile[at..].split('"').next().unwrap().parse().unwrap();
    assert!((km - 1_346.154).abs() < 0.5, "apogee at {km} km downrange");
    assert!(profile.contains(r#"data-label="Japan""#));
}
