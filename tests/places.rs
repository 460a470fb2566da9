//! The embedded gazetteer: every row loads, names resolve as reports spell them, unknown names get suggestions,
//! and the coordinates of the shared landmark list are reproduced.

use geo_types::Point;
use groundtrack::geodesy::{EarthModel, Ellipsoid};
use groundtrack::places::{Gazetteer, PlaceError, PlaceKind};

const CSV: &str = include_str!("../data/places.csv");

fn g() -> &'static Gazetteer {
    Gazetteer::embedded()
}

fn name_of(query: &str) -> String {
    match g().lookup(query) {
        Ok(p) => p.name.clone(),
        Err(e) => panic!("{query}: {e}"),
    }
}

#[test]
fn every_row_loads() {
    let data_rows = CSV.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).count() - 1;
    assert_eq!(g().places().len(), data_rows);
    assert!(data_rows >= 40);
    // The same text through the public constructor.
    assert_eq!(Gazetteer::from_csv(CSV).unwrap().places().len(), data_rows);
}

#[test]
fn every_name_and_alias_resolves_to_its_place() {
    for p in g().places() {
        assert_eq!(name_of(&p.name), p.name);
        for a in &p.aliases {
            assert_eq!(name_of(a), p.name, "alias {a}");
        }
        assert!(!p.source.is_empty(), "{}", p.name);
        assert!((-90.0..=90.0).contains(&p.point.y()) && (-180.0..180.0).contains(&p.point.x()));
    }
}

#[test]
fn radius_policy() {
    for p in g().places() {
        match p.kind {
            PlaceKind::Area => assert!(p.radius_m.is_some_and(|r| r > 0.0), "{}", p.name),
            PlaceKind::Landmark => assert_eq!(p.radius_m, Some(20_000.0), "{}", p.name),
            PlaceKind::LaunchSite | PlaceKind::Target => assert_eq!(p.radius_m, None, "{}", p.name),
            PlaceKind::City => assert!(p.radius_m.is_some_and(|r| r <= 15_000.0), "{}", p.name),
        }
    }
    assert_eq!(g().lookup("Oshima Peninsula").unwrap().radius_m, Some(60_000.0));
    assert_eq!(g().lookup("Hokkaido").unwrap().radius_m, Some(200_000.0));
}

#[test]
fn oshima_peninsula_radius_covers_its_towns() {
    // Distances from the peninsula's centre (41.850 N, 140.300 E), GeographicLib 2.1.2:
    //   echo "41.850 140.300 41.7667 140.7333" | GeodSolve -i -p 3   -> 37176.390 m (Hakodate)
    //   echo "41.850 140.300 41.433 140.117" | GeodSolve -i -p 3     -> 48759.610 m (Matsumae)
    //   echo "41.850 140.300 41.805 141.166" | GeodSolve -i -p 3     -> 72115.313 m (Mount Esan: outside, a known
    //   limit of a circle for this peninsula)
    let peninsula = g().lookup("Oshima Peninsula").unwrap();
    let r = peninsula.radius_m.unwrap();
    let e = Ellipsoid::wgs84();
    for (town, geodsolve_m, inside) in
        [("Hakodate", 37_176.390, true), ("Matsumae", 48_759.610, true), ("Mount Esan", 72_115.313, false)]
    {
        let d = e.inverse(peninsula.point, g().lookup(town).unwrap().point).unwrap().distance_m;
        assert!((d - geodsolve_m).abs() < 1e-3, "{town}: {d}");
        assert_eq!(d <= r, inside, "{town}");
    }
}

#[test]
fn odd_spellings() {
    for (query, expected) in [
        ("Cape Erimo", "Cape Erimo"),
        ("the Cape Erimo", "Cape Erimo"),
        ("CAPE ERIMO", "Cape Erimo"),
        ("Erimo Cape", "Cape Erimo"),
        ("Erimo-misaki", "Cape Erimo"),
        ("erimo misaki", "Cape Erimo"),
        ("Cape Erimo, Hokkaido", "Cape Erimo"),
        ("Oshima-Oshima", "Oshima-Oshima"),
        ("Oshima Oshima", "Oshima-Oshima"),
        ("oshimaoshima", "Oshima-Oshima"),
        ("island of Oshima-Oshima", "Oshima-Oshima"),
        ("the island of Oshima-Oshima", "Oshima-Oshima"),
        ("Oshima-Oshima (island)", "Oshima-Oshima"),
        ("Hokkaido's Oshima Peninsula", "Oshima Peninsula"),
        ("Hokkaido’s Oshima peninsula", "Oshima Peninsula"),
        ("the Oshima Peninsula", "Oshima Peninsula"),
        ("Okushiri Island", "Okushiri Island"),
        ("Okushiri", "Okushiri Island"),
        ("Oga peninsula", "Oga Peninsula"),
        ("Shakotan", "Shakotan Peninsula"),
        ("Tappi-zaki", "Cape Tappi"),
        ("Pyongyang International Airport", "Sunan"),
        ("P'yŏngyang", "Pyongyang"),
        ("Sŏhae", "Sohae"),
        ("Tongchang-ri", "Sohae"),
        ("Musudan-ri", "Tonghae"),
        ("Kaech'ŏn", "Kaechon"),
        ("Sunch’ŏn", "Sunchon"),
        ("Mupyongni", "Mupyong-ni"),
        ("Kalma", "Wonsan"),
        ("Tōhoku", "Tohoku"),
        ("Hokkaidō", "Hokkaido"),
        ("Okinawa", "Okinawa Island"),
        ("Miyako-jima", "Miyako Island"),
        ("Andersen Air Force Base", "Andersen AFB"),
        ("Guam", "Guam"),
        ("Christmas Island (Kiribati)", "Kiritimati"),
        ("Washington, D.C.", "Washington, DC"),
        ("Akita City", "Akita"),
        ("Misawa AB", "Misawa Air Base"),
    ] {
        assert_eq!(name_of(query), expected, "{query}");
    }
}

#[test]
fn unknown_names_get_suggestions() {
    let cases: &[(&str, &str)] = &[
        ("Cape Erimp", "Cape Erimo"),
        ("Okushri Island", "Okushiri Island"),
        ("Shakotan Penninsula", "Shakotan Peninsula"),
        ("Hokaido", "Hokkaido"),
        ("Musudanri launch pad", "Tonghae"),
    ];
    for &(query, first) in cases {
        match g().lookup(query) {
            Err(PlaceError::Unknown { name, suggestions }) => {
                assert_eq!(name, query);
                assert!(!suggestions.is_empty() && suggestions.len() <= 3, "{query}: {suggestions:?}");
                assert_eq!(suggestions[0], first, "{query}: {suggestions:?}");
            }
            other => panic!("{query}: {other:?}"),
        }
    }
    // "Oshima" alone names neither Oshima place: it is ambiguous between the places whose names start with it.
    match g().lookup("Oshima") {
        Err(PlaceError::Ambiguous { candidates, .. }) => {
            assert_eq!(candidates, vec!["Oshima Peninsula".to_string(), "Oshima-Oshima".to_string()]);
        }
        other => panic!("{other:?}"),
    }
    let e = g().lookup("Atlantis").unwrap_err();
    assert!(e.to_string().starts_with("unknown place \"Atlantis\""), "{e}");
    assert!(e.to_string().ends_with("(`groundtrack places` lists them)"), "{e}");
    let e = g().lookup("Cape Erimp").unwrap_err();
    assert!(e.to_string().contains("did you mean: Cape Erimo"), "{e}");
    assert!(matches!(g().lookup(""), Err(PlaceError::Unknown { .. })));
    assert!(matches!(g().lookup("--"), Err(PlaceError::Unknown { .. })));
}

#[test]
fn search_finds_by_part_kind_and_country() {
    let names = |q: &str| g().search(q).iter().map(|p| p.name.clone()).collect::<Vec<_>>();
    assert_eq!(names("erimo").first().map(String::as_str), Some("Cape Erimo"));
    let oshima = names("oshima");
    assert!(oshima.contains(&"Oshima Peninsula".into()) && oshima.contains(&"Oshima-Oshima".into()));
    // Exact match ranks before the places that merely contain the query.
    assert_eq!(names("Oshima-Oshima").first().map(String::as_str), Some("Oshima-Oshima"));
    let sites = g().search("launch site");
    assert!(sites.len() >= 10 && sites.iter().all(|p| p.kind == PlaceKind::LaunchSite));
    assert!(g().search("north korea").iter().any(|p| p.name == "Sinpo"));
    assert!(names("Shakotn").contains(&"Shakotan Peninsula".into()));
    assert!(g().search("zzzzzz").is_empty());
}

/// The landmark table of the project's shared case notes (`shared/cases/landmarks.md`), pasted here: place as
/// written there, latitude, longitude (WGS84 decimal degrees).
const LANDMARKS_MD: &[(&str, f64, f64)] = &[
    ("Sunan / Pyongyang International Airport", 39.22389, 125.67000),
    ("Pyongyang (city)", 39.0392, 125.7625),
    ("Sohae / Tongchang-ri", 39.6596, 124.7057),
    ("Tonghae / Musudan-ri", 40.8500, 129.6667),
    ("Sinpo", 40.0368, 128.1839),
    ("Kusong testing ground", 40.01325, 125.22302),
    ("Panghyon airbase", 39.927472, 125.207889),
    ("Mupyong-ni", 40.611208, 126.425743),
    ("Pyongsong", 39.282, 125.869),
    ("Wonsan / Kalma", 39.1677, 127.4817),
    ("Cape Erimo", 41.92444, 143.24833),
    ("Oshima Peninsula", 41.850, 140.300),
    ("Hakodate (city hall)", 41.7667, 140.7333),
    ("Matsumae", 41.433, 140.117),
    ("Mount Esan (Cape Esan area)", 41.805, 141.166),
    ("Oshima-Oshima island", 41.51, 139.367),
    ("Okushiri Island", 42.14917, 139.46722),
    ("Aomori (city)", 40.82278, 140.74694),
    ("Kamaishi", 39.275806, 141.885694),
    ("Naha, Okinawa", 26.21222, 127.67917),
    ("Andersen AFB, Guam", 13.58111, 144.92444),
    ("Honolulu", 21.3069, -157.8583),
    ("Anchorage", 61.2167, -149.9000),
    ("Los Angeles", 34.052234, -118.243685),
    ("Washington, DC", 38.907192, -77.036871),
];

#[test]
fn landmarks_md_coordinates_match() {
    for &(written, lat, lon) in LANDMARKS_MD {
        // Try the name as written, then its first part ("Sohae / Tongchang-ri" -> "Sohae").
        let first = written.split(" / ").next().unwrap_or(written);
        let p =
            g().lookup(written).or_else(|_| g().lookup(first)).unwrap_or_else(|e| panic!("{written}: {e}"));
        assert_eq!(p.point, Point::new(lon, lat), "{written} -> {}", p.name);
    }
}

#[test]
fn places_command_lists_time_zones_and_outlines() {
    let out =
        assert_cmd::Command::cargo_bin("groundtrack").unwrap().args(["places", "--json"]).output().unwrap();
    assert!(out.status.success());
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = |name: &str| rows.as_array().unwrap().iter().find(|r| r["name"] == name).unwrap().clone();
    // zone1970.tab (tz database): KP -> Asia/Pyongyang, JP -> Asia/Tokyo, MH (Kwajalein) -> Pacific/Kwajalein.
    assert_eq!(row("Sunan")["time_zone"], "Asia/Pyongyang");
    assert_eq!(row("Cape Erimo")["time_zone"], "Asia/Tokyo");
    assert_eq!(row("Kwajalein Atoll")["time_zone"], "Pacific/Kwajalein");
    // Outlines exist for the five features of data/land/areas.geojson, and no other place.
    let outlined: Vec<String> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["outline"] == true)
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect();
    let mut want = vec!["Hokkaido", "Miyako Island", "Okinawa Island", "Okushiri Island", "Oshima Peninsula"];
    let mut got: Vec<&str> = outlined.iter().map(String::as_str).collect();
    got.sort_unstable();
    want.sort_unstable();
    assert_eq!(got, want);
}
