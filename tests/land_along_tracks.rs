//! `track` and `fly` report the stretches of their tracks over land (text, JSON, GeoJSON, maps).
//!
//! Stretches are checked against `scripts/land_crossings_check.py`, which shares only the polygons
//! (data/land/countries-50m.geojson) with the library: GeographicLib's GeodSolve samples the geodesic every
//! 100 m, shapely 2 intersects that polyline with each country, and `GeodSolve -i` gives the along-track
//! distances. The library samples every 1 km and bisects to 10 m: the tests allow 20 m along the track and
//! 3e-4 degrees. Times of `fly` are checked against the closed-form Keplerian time of flight, and over the
//! rotating Earth against the flight's own 1-s profile.

#![allow(clippy::excessive_precision)] // values as GeodSolve printed them

use assert_cmd::Command;
use serde_json::Value;

/// One reference stretch: country, entry (lat, lon), exit (lat, lon), along-track km of entry and exit.
type Expected = (&'static str, (f64, f64), (f64, f64), f64, f64);

fn gt() -> Command {
    Command::cargo_bin("groundtrack").unwrap()
}

fn json_of(args: &[&str]) -> Value {
    let out = gt().args(args).assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).unwrap()
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

/// Compares a `land` array (as `LandStretch` serialises) with the reference.
fn assert_land(land: &Value, expected: &[Expected]) {
    let land = land.as_array().expect("a land array");
    let names: Vec<&str> = land.iter().map(|s| s["country"].as_str().unwrap()).collect();
    assert_eq!(land.len(), expected.len(), "stretches {names:?}");
    for (s, (country, entry, exit, entry_km, exit_km)) in land.iter().zip(expected) {
        assert_eq!(s["country"], *country);
        for (p, (lat, lon)) in [(&s["entry"], entry), (&s["exit"], exit)] {
            assert!(
                (f(&p["lat"]) - lat).abs() < 3e-4 && (f(&p["lon"]) - lon).abs() < 3e-4,
                "{country}: {p} vs {lat} {lon}"
            );
        }
        assert!((f(&s["entry_along_km"]) - entry_km).abs() < 0.020, "{country}: {s}");
        assert!((f(&s["exit_along_km"]) - exit_km).abs() < 0.020, "{country}: {s}");
    }
}

// python3 scripts/land_crossings_check.py 39.22389 125.67 41.051604792869774 157.34646351823318
// (Sunan to "about 1,180 km east of Cape Erimo" as the gazetteer resolves it)
const SUNAN_TO_PACIFIC: [Expected; 4] = [
    ("North Korea", (39.22389, 125.67000), (39.58528, 127.54380), 0.000, 166.301),
    ("Japan", (41.17774, 140.32818), (41.19704, 140.62232), 1265.171, 1289.941),
    ("Japan", (41.20842, 140.80139), (41.22955, 141.14656), 1305.014, 1334.054),
    ("Japan", (41.23338, 141.21100), (41.24542, 141.41769), 1339.473, 1356.851),
];

/// Sunan -> Cape Erimo -> Guam (Andersen AFB), leg by leg:
/// python3 scripts/land_crossings_check.py 39.22389 125.67 41.92444 143.24833
///   North Korea: entry 39.22389 125.67000 exit 39.65068 127.53324 along 0.000 167.256 km
///   Japan: entry 41.64235 140.01031 exit 41.69216 140.51158 along 1244.496 1286.606 km
///   Japan: entry 41.73798 140.99404 exit 41.73908 141.00600 along 1327.078 1328.080 km
/// python3 scripts/land_crossings_check.py 41.92444 143.24833 13.58111 144.92444
///   Guam: entry 13.58539 144.92424 exit 13.58111 144.92444 along 3144.949 3145.423 km
/// and the first leg's length, echo 39.22389 125.67 41.92444 143.24833 | GeodSolve -i -p 12 -> 1515476.2896524172 m,
/// added to the second leg's distances. Cape Erimo itself lies just off the 1:50m coast, so no stretch spans it.
const VIA_ERIMO_TO_GUAM: [Expected; 4] = [
    ("North Korea", (39.22389, 125.67000), (39.65068, 127.53324), 0.000, 167.256),
    ("Japan", (41.64235, 140.01031), (41.69216, 140.51158), 1244.496, 1286.606),
    ("Japan", (41.73798, 140.99404), (41.73908, 141.00600), 1327.078, 1328.080),
    ("Guam", (13.58539, 144.92424), (13.58111, 144.92444), 1515.476 + 3144.949, 1515.476 + 3145.423),
];

#[test]
fn track_json_lists_the_stretches_of_the_whole_multi_leg_track() {
    let v = json_of(&["track", "Sunan", "Andersen AFB", "--via", "Cape Erimo", "--format", "json"]);
    assert_land(&v["land"], &VIA_ERIMO_TO_GUAM);
    let land = v["land"].as_array().unwrap();
    assert_eq!(
        (land[0]["starts_on_land"].as_bool(), land[3]["ends_on_land"].as_bool()),
        (Some(true), Some(true))
    );
    assert!(land.iter().all(|s| s["entry_time_s"].is_null()), "a track has no times");
}

#[test]
fn track_text_prints_the_land_table() {
    let out = gt().args(["track", "Sunan", "Andersen AFB", "--via", "Cape Erimo"]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let table = text.split("Over land along the track").nth(1).expect("a land table");
    // Entries and along-track distances of the reference, as the table prints them (3 decimals of km).
    for s in ["North Korea", "start", "41.64235 N, 140.01031 E", "1244.496 to 1286.606", "Guam", "end"] {
        assert!(table.contains(s), "{s} missing from {table}");
    }
}

#[test]
fn track_geojson_draws_land_features_along_each_leg() {
    let v = json_of(&["track", "Sunan", "Andersen AFB", "--via", "Cape Erimo", "--format", "geojson"]);
    let land: Vec<&Value> =
        v["features"].as_array().unwrap().iter().filter(|f| f["properties"]["role"] == "land").collect();
    let names: Vec<&str> = land.iter().map(|f| f["properties"]["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["North Korea", "Japan", "Japan", "Guam"]);
    for (feat, (_, entry, exit, entry_km, exit_km)) in land.iter().zip(&VIA_ERIMO_TO_GUAM) {
        assert!((f(&feat["properties"]["entry_along_km"]) - entry_km).abs() < 0.020);
        assert!((f(&feat["properties"]["exit_along_km"]) - exit_km).abs() < 0.020);
        let c = feat["geometry"]["coordinates"].as_array().unwrap();
        let (first, last) = (&c[0], &c[c.len() - 1]);
        assert!((f(&first[1]) - entry.0).abs() < 3e-4 && (f(&first[0]) - entry.1).abs() < 3e-4);
        assert!((f(&last[1]) - exit.0).abs() < 3e-4 && (f(&last[0]) - exit.1).abs() < 3e-4);
    }
}

#[test]
fn a_rhumb_track_has_the_rhumb_lines_stretches() {
    // The script with RhumbSolve for GeodSolve (rhumb lines sampled every 100 m by `RhumbSolve -L`, distances by
    // `RhumbSolve -i`, whose output is "azi12 s12"):
    //   sed -e 's/"GeodSolve"/"RhumbSolve"/' \
    //     -e 's/azi1, _, s12 = map(float, geod(\["-i"\], f"{lat1} {lon1} {lat2} {lon2}\\n").split())/azi1, s12 = map(float, geod(["-i"], f"{lat1} {lon1} {lat2} {lon2}\\n").split()[:2])/' \
    //     -e 's/\.split()\[2\]) \/ 1000/.split()[1]) \/ 1000/' scripts/land_crossings_check.py > /tmp/rhumb_crossings.py
    //   python3 /tmp/rhumb_crossings.py 39.22389 125.67 41.92444 143.24833
    let expected: [Expected; 2] = [
        ("North Korea", (39.22389, 125.67000), (39.51756, 127.54750), 0.000, 165.041),
        ("Japan", (41.44470, 140.07263), (41.48169, 140.31661), 1248.290, 1269.083),
    ];
    let v = json_of(&["track", "Sunan", "Cape Erimo", "--rhumb", "--format", "json"]);
    assert_land(&v["land"], &expected);
}

#[test]
fn fly_json_lists_the_geodesic_stretches_with_keplerian_times() {
    let v = json_of(&["fly", "Sunan", "about 1,180 km east of Cape Erimo", "--apogee", "550km", "--json"]);
    // Without rotation the ground track is the WGS84 geodesic to the impact point: the script's stretches.
    assert_land(&v["land"], &SUNAN_TO_PACIFIC);
    // Times: the Keplerian time of flight over the 6,371 km sphere (mu = 3.986004418e14 m^3/s^2), from the burnout
    // speed and flight-path angle the flight reports, at the sphere's range = along-track distance (the geodesic
    // is 2,692.308 km, the model range the same: scale 1). Bate, Mueller, White 1971: p = r^2 v^2 cos^2(gamma) / mu,
    // e cos(nu0) = p / r - 1, e sin(nu0) = (r v^2 / mu) sin(gamma) cos(gamma) (eq. 6.2-2 form), nu = nu0 + psi,
    // tan(E/2) = sqrt((1 - e) / (1 + e)) tan(nu/2), t = sqrt(a^3 / mu) (E - e sin E) (Kepler's equation).
    let (mu, r0) = (3.986004418e14_f64, 6_371_000.0_f64);
    let (v0, g) = (f(&v["burnout_speed_mps"]), f(&v["flight_path_angle_deg"]).to_radians());
    let p = (r0 * v0 * g.cos()).powi(2) / mu;
    let (ec, es) = (p / r0 - 1.0, r0 * v0 * v0 / mu * g.sin() * g.cos());
    let e = ec.hypot(es);
    let nu0 = es.atan2(ec);
    let a = p / (1.0 - e * e);
    let mean = |nu: f64| {
        // E/2 in the quadrant of nu/2, so E grows past pi after apogee.
        let ea = 2.0 * ((1.0 - e).sqrt() * (nu / 2.0).sin()).atan2((1.0 + e).sqrt() * (nu / 2.0).cos());
        ea - e * ea.sin()
    };
    let time_at = |km: f64| (mean(nu0 + km * 1000.0 / r0) - mean(nu0)) * (a.powi(3) / mu).sqrt();
    for s in v["land"].as_array().unwrap() {
        for (t, km) in [(&s["entry_time_s"], &s["entry_along_km"]), (&s["exit_time_s"], &s["exit_along_km"])]
        {
            let expected = time_at(f(km));
            assert!((f(t) - expected).abs() < 0.002, "{}: {t} s vs {expected} s at {km} km", s["country"]);
        }
    }
    assert_eq!(f(&v["land"][0]["entry_time_s"]), 0.0);
}

#[test]
fn fly_text_prints_the_land_table_with_times() {
    let out = gt()
        .args(["fly", "Sunan", "about 1,180 km east of Cape Erimo", "--apogee", "550km"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let table = text.split("Over land along").nth(1).expect("a land table");
    let table = table.split("Profile every").next().unwrap();
    // Along-track distances of the reference to 0.1 km (SUNAN_TO_PACIFIC).
    for s in ["North Korea", "launch", "0.0 to 166.3", "1265.2 to 1289.9", "1339.5 to 1356.9", "0.0 s to "] {
        assert!(table.contains(s), "{s} missing from {table}");
    }
}

#[test]
fn fly_geojson_has_the_land_features() {
    let v: Value = serde_json::from_str(&seed_fly_file("--geojson", "fly.geojson")).unwrap();
    let land: Vec<&Value> =
        v["features"].as_array().unwrap().iter().filter(|f| f["properties"]["role"] == "land").collect();
    assert_eq!(land.len(), SUNAN_TO_PACIFIC.len());
    for (feat, (country, _, _, entry_km, _)) in land.iter().zip(&SUNAN_TO_PACIFIC) {
        assert_eq!(feat["properties"]["name"], *country);
        assert!((f(&feat["properties"]["entry_along_km"]) - entry_km).abs() < 0.020);
        assert!(feat["properties"]["exit_time_s"].is_number());
    }
}

#[test]
fn rotating_fly_times_agree_with_its_own_profile() {
    let v = json_of(&[
        "fly",
        "Sunan",
        "about 1,180 km east of Cape Erimo",
        "--apogee",
        "550km",
        "--rotating",
        "--step",
        "1 s",
        "--json",
    ]);
    let land = v["land"].as_array().unwrap();
    let names: Vec<&str> = land.iter().map(|s| s["country"].as_str().unwrap()).collect();
    assert_eq!(names.first(), Some(&"North Korea"), "{names:?}");
    assert!(names.contains(&"Japan"), "{names:?}");
    // At each entry and exit time, the point under the missile in the 1-s profile (interpolated linearly in time
    // between the rows on either side) is the entry or exit point: within 1e-3 degrees (about 100 m; the missile
    // covers about 4 km a second).
    let rows: Vec<(f64, f64, f64)> = v["profile"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (f(&r["time_s"]), f(&r["lat"]), f(&r["lon"])))
        .collect();
    let at = |t: f64| {
        let k = rows.partition_point(|r| r.0 < t).clamp(1, rows.len() - 1);
        let (a, b) = (rows[k - 1], rows[k]);
        let u = (t - a.0) / (b.0 - a.0);
        (a.1 + (b.1 - a.1) * u, a.2 + (b.2 - a.2) * u)
    };
    for s in land {
        for (t, p) in [(&s["entry_time_s"], &s["entry"]), (&s["exit_time_s"], &s["exit"])] {
            let (lat, lon) = at(f(t));
            assert!(
                (lat - f(&p["lat"])).abs() < 1e-3 && (lon - f(&p["lon"])).abs() < 1e-3,
                "{}: at {t} s the profile is at {lat} {lon}, the stretch at {p}",
                s["country"]
            );
        }
    }
}

#[test]
fn fly_map_draws_the_stretches_and_names_fly_roles_in_the_legend() {
    let svg = seed_fly_file("--map", "arc.svg");
    assert_eq!(land_lines(&svg), ["North Korea", "Japan", "Japan", "Japan"]);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let legend: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("legend-entry"))
        .filter_map(|n| n.text().map(str::trim))
        .collect();
    for entry in ["impact point", "burnout", "apogee", "launch", "track over land"] {
        assert!(legend.contains(&entry), "{entry} missing from the legend {legend:?}");
    }
    assert!(!legend.contains(&"best estimate of impact") && !legend.contains(&"point"), "{legend:?}");
}

#[test]
fn a_trajectory_geojson_without_land_features_gets_them_on_a_map() {
    // A fly GeoJSON with its land features removed, drawn by `groundtrack map`: add_land_stretches reads the
    // trajectory's ground track (which starts at the launch point here: no boost allowance).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fly.geojson");
    gt().args(["fly", "Sunan", "about 1,180 km east of Cape Erimo", "--apogee", "550km", "--geojson"])
        .arg(&path)
        .assert()
        .success();
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    v["features"].as_array_mut().unwrap().retain(|f| f["properties"]["role"] != "land");
    std::fs::write(&path, v.to_string()).unwrap();
    let out = dir.path().join("fly.svg");
    gt().arg("map").arg(&path).arg("-o").arg(&out).assert().success();
    let svg = std::fs::read_to_string(&out).unwrap();
    assert_eq!(land_lines(&svg), ["North Korea", "Japan", "Japan", "Japan"]);
}

/// The file `fly` writes with `flag` for the seed report's impact phrase and apogee.
fn seed_fly_file(flag: &str, name: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    gt().args(["fly", "Sunan", "about 1,180 km east of Cape Erimo", "--apogee", "550km", flag])
        .arg(&path)
        .assert()
        .success();
    std::fs::read_to_string(&path).unwrap()
}

/// The countries of the map's `land` lines, in drawing order.
fn land_lines(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.attribute("class") == Some("line") && n.attribute("data-role") == Some("land"))
        .filter_map(|n| n.attribute("data-name").map(str::to_string))
        .collect()
}
