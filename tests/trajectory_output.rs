//! The outputs of `groundtrack fly` built through the library: the flight report, its ground track on the WGS84
//! geodesic, the GeoJSON (altitude as third coordinate, antimeridian cut) and the KML (absolute altitude).
//!
//! Reference values: GeographicLib 2.1.2's GeodSolve (command next to each value); the 2017-08-29 case values of
//! the project's shared `cases/reference-values.md` (closed-form Kepler on a sphere of radius 6,371 km, mu =
//! 398,600.4418 km^3/s^2, burnout and impact at the surface, no rotation); closed-form relations of Bate, Mueller,
//! White, *Fundamentals of Astrodynamics* (1971), sec. 6.2, evaluated in the tests themselves.

// Values are pasted with every digit GeodSolve printed.
#![allow(clippy::excessive_precision)]

use geo_types::Point;
use groundtrack::ballistics::rotation::{RotatingEarth, aim};
use groundtrack::ballistics::{BoostAllowance, TrajectoryConstraint};
use groundtrack::output::trajectory_geojson::{cut_at_antimeridian, feature_collection_of, geojson_string};
use groundtrack::output::trajectory_kml::kml_string;
use groundtrack::output::trajectory_report::{Destination, FlightReport, FlightRequest, Site, fly};
use groundtrack::output::trajectory_track::{TrackSample, highest_sample, rotating_samples};
use serde_json::Value;

/// Sunan as in the gazetteer (data/places.csv).
const SUNAN: (f64, f64) = (125.67, 39.22389);
/// "about 1,180 km east of Cape Erimo" from the gazetteer's Cape Erimo (41.92444 N, 143.24833 E):
/// `echo 41.92444 143.24833 90 1180000 | GeodSolve -p 12` gives 41.051604792869774 157.346463518233179.
const ERIMO_1180_EAST: (f64, f64) = (157.346463518233179, 41.051604792869774);
/// `echo 39.22389 125.67 41.051604792869774 157.346463518233179 | GeodSolve -i -p 12`:
/// azi1 75.445426079286904, azi2 96.176205212098054, s12 2692308.3973558019 m.
const SUNAN_TO_POINT_M: f64 = 2_692_308.397_355_801_9;
const SUNAN_TO_POINT_AZI: f64 = 75.445_426_079_286_904;

fn site(name: &str, c: (f64, f64)) -> Site {
    Site { name: name.into(), point: Point::new(c.0, c.1) }
}

fn request(destination: Destination, constraint: TrajectoryConstraint) -> FlightRequest {
    FlightRequest {
        launch: site("Sunan", SUNAN),
        destination,
        constraint,
        boost: BoostAllowance::none(),
        rotating: false,
        launch_time: None,
        step_s: 10.0,
    }
}

fn to_point() -> Destination {
    Destination::Impact(site("about 1,180 km east of Cape Erimo", ERIMO_1180_EAST))
}

fn min_energy_to_point() -> FlightReport {
    fly(&request(to_point(), TrajectoryConstraint::MinimumEnergy)).unwrap()
}

fn role<'a>(fc: &'a Value, role: &str) -> Vec<&'a Value> {
    fc["features"].as_array().unwrap().iter().filter(|f| f["properties"]["role"] == role).collect()
}

#[test]
fn ground_track_lies_on_the_wgs84_geodesic_and_ends_at_the_impact() {
    let r = min_energy_to_point();
    let (len, az) = r.geodesic.unwrap();
    assert!((len - SUNAN_TO_POINT_M).abs() < 1e-6, "{len}");
    assert!((az - SUNAN_TO_POINT_AZI).abs() < 1e-9, "{az}");
    let last = r.profile.last().unwrap().point.unwrap();
    assert!((last.x() - ERIMO_1180_EAST.0).abs() < 1e-9 && (last.y() - ERIMO_1180_EAST.1).abs() < 1e-9);
    // The symmetric minimum-energy arc is highest over mid-range:
    // `echo 39.22389 125.67 75.445426079286904 1346154.19867790095 | GeodSolve -p 12`
    // gives 41.238054750816652 141.290454210364658.
    let apo = r.apogee.point.unwrap();
    assert!((apo.y() - 41.238_054_750_816_652).abs() < 1e-9, "{apo:?}");
    assert!((apo.x() - 141.290_454_210_364_658).abs() < 1e-9, "{apo:?}");
}

#[test]
fn minimum_energy_figures_for_2700_km_match_the_reference_case() {
    // reference-values.md, 2017-08-29: minimum-energy 2,700 km: flight-path angle 38.93 deg, burnout speed
    // 4.663 km/s, apogee 598.7 km, flight time 13.99 min.
    let r = fly(&request(
        Destination::Range { range_m: 2_700e3, azimuth_deg: None },
        TrajectoryConstraint::MinimumEnergy,
    ))
    .unwrap();
    let f = r.figures;
    assert!((f.flight_path_angle_deg - 38.93).abs() < 0.005, "{}", f.flight_path_angle_deg);
    assert!((f.burnout_speed_mps - 4_663.0).abs() < 0.5, "{}", f.burnout_speed_mps);
    assert!((f.apogee_m - 598.7e3).abs() < 50.0, "{}", f.apogee_m);
    assert!((f.flight_time_s / 60.0 - 13.99).abs() < 0.005, "{}", f.flight_time_s);
    // Apogee halfway in time and range on the symmetric arc.
    assert!((r.apogee.time_s - f.flight_time_s / 2.0).abs() < 1e-6);
    assert!((f.apogee_downrange_m - 1_350e3).abs() < 1e-3);
    // No direction: no latitudes and longitudes, no maps.
    assert!(r.profile.iter().all(|s| s.point.is_none()) && r.map_track.is_empty());
    assert!(geojson_string(&r).is_err() && kml_string(&r).is_err());
}

#[test]
fn geojson_keeps_the_altitude_as_third_coordinate() {
    let r = min_energy_to_point();
    let v: Value = serde_json::from_str(&geojson_string(&r).unwrap()).unwrap();
    let fc: geojson::FeatureCollection = v.to_string().parse().unwrap();
    // Five features of the flight, then its stretches over land (tests/land_along_tracks.rs checks those).
    let is_land = |f: &geojson::Feature| f.property("role").is_some_and(|r| r == "land");
    assert_eq!(fc.features.iter().filter(|f| !is_land(f)).count(), 5);
    let track = role(&v, "trajectory");
    assert_eq!(track[0]["geometry"]["type"], "LineString");
    let coords = track[0]["geometry"]["coordinates"].as_array().unwrap();
    assert!(coords.iter().all(|c| c.as_array().unwrap().len() == 3));
    let alts: Vec<f64> = coords.iter().map(|c| c[2].as_f64().unwrap()).collect();
    let top = alts.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    // The drawn line reaches the apogee point's altitude within the 1-s sampling, never above it.
    let apogee = role(&v, "apogee")[0]["geometry"]["coordinates"][2].as_f64().unwrap();
    assert!(top <= apogee + 0.1 && apogee - top < 5.0, "{top} {apogee}");
    assert!(alts[0].abs() < 0.1 && alts.last().unwrap().abs() < 0.1);
    let impact = &role(&v, "impact")[0]["geometry"]["coordinates"];
    assert!((impact[0].as_f64().unwrap() - ERIMO_1180_EAST.0).abs() < 1e-7);
    assert!((impact[1].as_f64().unwrap() - ERIMO_1180_EAST.1).abs() < 1e-7);
    assert_eq!(role(&v, "impact")[0]["properties"]["name"], "about 1,180 km east of Cape Erimo");
}

#[test]
fn trajectory_over_the_antimeridian_is_cut_at_the_geodesic_crossing() {
    // From 40 N, 170 E due east: the geodesic meets 180 E at 39.566967557750 N after 857,526.2329 m
    // (bisection on `echo 40 170 90 S | GeodSolve -p 12`: S = 857526.232891 gives lon 179.99999999999,
    // S = 857526.232892 gives -179.99999999999, both at lat 39.56696755775).
    let req = FlightRequest {
        launch: site("x", (170.0, 40.0)),
        ..request(
            Destination::Range { range_m: 2_700e3, azimuth_deg: Some(90.0) },
            TrajectoryConstraint::MinimumEnergy,
        )
    };
    let r = fly(&req).unwrap();
    let fc = feature_collection_of(&r).unwrap();
    let v = serde_json::to_value(&fc).unwrap();
    let track = role(&v, "trajectory")[0];
    assert_eq!(track["geometry"]["type"], "MultiLineString");
    let parts = track["geometry"]["coordinates"].as_array().unwrap();
    assert_eq!(parts.len(), 2);
    let end = parts[0].as_array().unwrap().last().unwrap();
    let start = &parts[1][0];
    assert_eq!((end[0].as_f64().unwrap(), start[0].as_f64().unwrap()), (180.0, -180.0));
    assert_eq!(end[1], start[1]);
    assert!((end[1].as_f64().unwrap() - 39.566_967_557_750).abs() < 1e-5, "{end}");
    // The altitude at the cut lies between those of the samples on either side.
    let before = &parts[0][parts[0].as_array().unwrap().len() - 2];
    let after = &parts[1][1];
    let (a, b, h) = (before[2].as_f64().unwrap(), after[2].as_f64().unwrap(), end[2].as_f64().unwrap());
    assert!(h >= a.min(b) - 0.1 && h <= a.max(b) + 0.1, "{a} {h} {b}");
}

#[test]
fn cut_handles_westward_crossings_and_tracks_without_crossing() {
    let at = |lon: f64, lat: f64| TrackSample {
        time_s: 0.0,
        range_m: 0.0,
        altitude_m: 10.0,
        speed_mps: 0.0,
        point: Some(Point::new(lon, lat)),
    };
    let west = cut_at_antimeridian(&[at(-178.0, 0.0), at(178.0, 4.0)]);
    assert_eq!(west.len(), 2);
    assert_eq!(west[0][1], [-180.0, 2.0, 10.0]);
    assert_eq!(west[1][0], [180.0, 2.0, 10.0]);
    assert_eq!(cut_at_antimeridian(&[at(10.0, 0.0), at(11.0, 0.0)]).len(), 1);
    assert!(cut_at_antimeridian(&[]).is_empty());
}

#[test]
fn kml_parses_with_absolute_altitudes_and_named_placemarks() {
    let r = min_energy_to_point();
    let text = kml_string(&r).unwrap();
    let doc: kml::Kml<f64> = text.parse().unwrap();
    let mut placemarks = Vec::new();
    fn walk(k: &kml::Kml<f64>, out: &mut Vec<kml::types::Placemark<f64>>) {
        match k {
            kml::Kml::KmlDocument(d) => d.elements.iter().for_each(|e| walk(e, out)),
            kml::Kml::Document { elements, .. } => elements.iter().for_each(|e| walk(e, out)),
            kml::Kml::Placemark(p) => out.push(p.clone()),
            _ => {}
        }
    }
    walk(&doc, &mut placemarks);
    let names: Vec<String> = placemarks.iter().map(|p| p.name.clone().unwrap_or_default()).collect();
    assert_eq!(
        names,
        [
            "Trajectory",
            "Ground track",
            "Launch: Sunan",
            "Burnout",
            "Apogee",
            "Impact: about 1,180 km east of Cape Erimo"
        ]
    );
    let Some(kml::types::Geometry::LineString(line)) = &placemarks[0].geometry else { panic!("no line") };
    assert_eq!(line.altitude_mode, kml::types::AltitudeMode::Absolute);
    let zs: Vec<f64> = line.coords.iter().map(|c| c.z.unwrap()).collect();
    let top = zs.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    assert!((top - r.figures.apogee_m).abs() < 5.0, "{top}");
    let Some(kml::types::Geometry::Point(apogee)) = &placemarks[4].geometry else { panic!("no apogee") };
    assert_eq!(apogee.altitude_mode, kml::types::AltitudeMode::Absolute);
    assert!((apogee.coord.y - 41.238_054_750_816_652).abs() < 1e-7);
}

#[test]
fn boost_allowance_shifts_time_and_range_and_is_drawn_apart() {
    let boost = BoostAllowance { burnout_range_m: 100e3, boost_time_s: 60.0, ..BoostAllowance::none() };
    let req = FlightRequest {
        boost,
        ..request(
            Destination::Range { range_m: 2_700e3, azimuth_deg: Some(75.0) },
            TrajectoryConstraint::MinimumEnergy,
        )
    };
    let r = fly(&req).unwrap();
    assert_eq!(r.profile[0].time_s, 60.0);
    assert!((r.profile[0].range_m - 100e3).abs() < 1e-6);
    // Free flight over 2,600 km: minimum-energy flight-path angle (180 deg - Psi) / 4 (BMW eq. 6.2-18).
    let psi = (2_600.0f64 / 6_371.0).to_degrees();
    assert!((r.figures.flight_path_angle_deg - (180.0 - psi) / 4.0).abs() < 1e-9);
    assert!((r.figures.total_time_s - r.figures.flight_time_s - 60.0).abs() < 1e-9);
    let v = serde_json::to_value(feature_collection_of(&r).unwrap()).unwrap();
    let boost_line = role(&v, "boost");
    assert_eq!(boost_line.len(), 1);
    assert_eq!(boost_line[0]["properties"]["modelled"], false);
    // The burnout point is 100 km down the geodesic: `echo 39.22389 125.67 75 100000 | GeodSolve -p 12`
    // gives 39.451617317087852 126.792242578413578.
    let bo = &role(&v, "burnout")[0]["geometry"]["coordinates"];
    assert!((bo[1].as_f64().unwrap() - 39.451_617_317_087_852).abs() < 1e-7, "{bo}");
    assert!((bo[0].as_f64().unwrap() - 126.792_242_578_413_578).abs() < 1e-7, "{bo}");
}

#[test]
fn rotating_samples_and_apogee_agree_with_the_library() {
    let earth = RotatingEarth::earth();
    let target = Point::new(ERIMO_1180_EAST.0, ERIMO_1180_EAST.1);
    let rt = aim(
        Point::new(SUNAN.0, SUNAN.1),
        target,
        TrajectoryConstraint::Apogee(550e3),
        &earth,
        &BoostAllowance::none(),
        1.0,
    )
    .unwrap();
    let samples = rotating_samples(&rt).unwrap();
    // A second method for the apogee: the parabola through the 1-s samples against the library's ellipse.
    let top = highest_sample(&samples).unwrap();
    assert!((top.altitude_m - 550e3).abs() < 0.01, "{}", top.altitude_m);
    let last = samples.last().unwrap().point.unwrap();
    assert!((last.x() - target.x()).abs() < 1e-6 && (last.y() - target.y()).abs() < 1e-6);
    // Energy integral at re-entry: back at burnout radius, so back at the inertial burnout speed.
    assert!((samples.last().unwrap().speed_mps - rt.inertial_burnout_speed_mps).abs() < 1e-6);
}

#[test]
fn rotating_report_measures_the_offset_from_the_geodesic_azimuth() {
    let req = FlightRequest { rotating: true, ..request(to_point(), TrajectoryConstraint::Apogee(550e3)) };
    let r = fly(&req).unwrap();
    let rot = r.rotation.as_ref().unwrap();
    assert!((rot.geodesic_azimuth_deg - SUNAN_TO_POINT_AZI).abs() < 1e-9);
    assert!((rot.azimuth_offset_deg - (rot.launch_azimuth_deg - SUNAN_TO_POINT_AZI)).abs() < 1e-12);
    assert!(rot.note.contains("time-independent"));
    assert!((r.figures.apogee_m - 550e3).abs() < 1.0);
    let geojson: Value = serde_json::from_str(&geojson_string(&r).unwrap()).unwrap();
    assert_eq!(role(&geojson, "trajectory")[0]["properties"]["rotating"], true);
}
