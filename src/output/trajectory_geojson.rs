//! The GeoJSON of `groundtrack fly --geojson`: the trajectory as a LineString with altitude, and its launch,
//! burnout, apogee and impact points (RFC 7946).
//!
//! RFC 7946 sec. 3.1.1 allows a third element in a position: the altitude, here in metres above the model sphere.
//! Viewers that ignore it draw the ground track. A trajectory that crosses the antimeridian becomes a
//! MultiLineString cut at ±180° (RFC 7946 sec. 3.1.9); the crossing is found by linear interpolation in
//! longitude between the two samples of the dense map track on either side of it (1 s apart, so within metres
//! of the true crossing), and latitude and altitude are interpolated there alike.

use std::path::Path;

use geojson::{Feature, FeatureCollection, GeometryValue, Position};
use serde_json::json;

use super::trajectory_report::{FlightReport, no_direction};
use super::trajectory_track::TrackSample;
use super::{feature_collection, feature_of_value, props, round_coordinate, to_geojson_string, write_atomic};
use crate::Result;
use crate::geodesy::Ellipsoid;

/// One position [lon, lat, altitude m] with the longitude and latitude rounded to 7 decimals
/// ([`round_coordinate`]) and the altitude to 0.1 m.
fn position(lon: f64, lat: f64, alt: f64) -> Position {
    Position::from([round_coordinate(lon), round_coordinate(lat), (alt * 10.0).round() / 10.0])
}

/// Splits a track into parts that do not cross the antimeridian, as [lon, lat, altitude m] triples.
///
/// Input: samples in time order, each with a point (longitudes in [-180, 180]). Output: one part, or several
/// whose ends meet at ±180° (leaving eastward a part ends at +180 and the next starts at -180; westward the
/// reverse) at the latitude and altitude interpolated linearly in longitude between the two samples. Samples
/// without a point are skipped.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::output::trajectory_geojson::cut_at_antimeridian;
/// use groundtrack::output::trajectory_track::TrackSample;
/// let at = |lon: f64, lat: f64, alt: f64| TrackSample { time_s: 0.0, range_m: 0.0, altitude_m: alt,
///     speed_mps: 0.0, point: Some(Point::new(lon, lat)) };
/// let parts = cut_at_antimeridian(&[at(179.0, 10.0, 0.0), at(-179.0, 12.0, 100.0)]);
/// assert_eq!(parts.len(), 2);
/// assert_eq!(parts[0][1], [180.0, 11.0, 50.0]);
/// assert_eq!(parts[1][0], [-180.0, 11.0, 50.0]);
/// ```
pub fn cut_at_antimeridian(track: &[TrackSample]) -> Vec<Vec<[f64; 3]>> {
    let mut parts: Vec<Vec<[f64; 3]>> = vec![Vec::new()];
    let mut prev: Option<[f64; 3]> = None;
    for s in track {
        let Some(p) = s.point else { continue };
        let q = [p.x(), p.y(), s.altitude_m];
        if let Some(a) = prev {
            let dx = q[0] - a[0];
            if dx.abs() > 180.0 {
                // dx < -180: eastward over +180; dx > 180: westward over -180.
                let (edge, unwrapped) = if dx < 0.0 { (180.0, q[0] + 360.0) } else { (-180.0, q[0] - 360.0) };
                let span = unwrapped - a[0];
                let u = if span != 0.0 { ((edge - a[0]) / span).clamp(0.0, 1.0) } else { 0.0 };
                let lat = a[1] + (q[1] - a[1]) * u;
                let alt = a[2] + (q[2] - a[2]) * u;
                if let Some(last) = parts.last_mut() {
                    last.push([edge, lat, alt]);
                }
                parts.push(vec![[-edge, lat, alt]]);
            }
        }
        if let Some(last) = parts.last_mut() {
            last.push(q);
        }
        prev = Some(q);
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// A line geometry from cut parts: a LineString for one part, else a MultiLineString; parts of one position are
/// doubled (a LineString needs two).
fn line_value(parts: &[Vec<[f64; 3]>]) -> GeometryValue {
    let line = |part: &Vec<[f64; 3]>| -> Vec<Position> {
        let mut v: Vec<Position> = part.iter().map(|c| position(c[0], c[1], c[2])).collect();
        v.dedup();
        if v.len() == 1 {
            let p = v[0].clone();
            v.push(p);
        }
        v
    };
    match parts {
        [one] => GeometryValue::LineString { coordinates: line(one) },
        _ => GeometryValue::MultiLineString { coordinates: parts.iter().map(line).collect() },
    }
}

fn point_feature_of(s: &TrackSample, role: &str, name: &str) -> Option<Feature> {
    let p = s.point?;
    let value = GeometryValue::Point { coordinates: position(p.x(), p.y(), s.altitude_m) };
    let extra = json!({
        "time_s": s.time_s,
        "range_km": s.range_m / 1000.0,
        "altitude_km": s.altitude_m / 1000.0,
        "speed_mps": s.speed_mps,
    });
    Some(feature_of_value(value, props(role, name, extra)))
}

/// Builds the FeatureCollection of a flight.
///
/// Features and their `role`: `trajectory` (LineString, or MultiLineString cut at the antimeridian, positions
/// [lon, lat, altitude m] every [`super::trajectory_track::map_step_s`] from burnout to re-entry, with the
/// headline figures and the model as properties), `boost` (only when the allowance puts burnout away from the
/// launch point: a straight segment from the launch point at the surface to burnout, `"modelled": false`), and
/// the points `launch` (altitude 0), `burnout`, `apogee` and `impact` (the point under the missile at re-entry,
/// at the re-entry altitude), each with time since launch, range, altitude and speed; then one `land` feature
/// per stretch of the ground track over land ([`FlightReport::land`]), drawn along the ground track
/// ([`super::land_features_along`] on the vertices of [`super::trajectory_land::ground_track_vertices`]), with
/// the entry and exit times after launch.
///
/// # Errors
/// [`Error::Invalid`] when the flight has no direction (a range without an azimuth).
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::ballistics::{BoostAllowance, TrajectoryConstraint};
/// use groundtrack::output::trajectory_geojson::feature_collection_of;
/// use groundtrack::output::trajectory_report::{Destination, FlightRequest, Site, fly};
/// let req = FlightRequest {
///     launch: Site { name: "Sunan".into(), point: Point::new(125.67, 39.22389) },
///     destination: Destination::Range { range_m: 2_700e3, azimuth_deg: Some(75.0) },
///     constraint: TrajectoryConstraint::MinimumEnergy,
///     boost: BoostAllowance::none(),
///     rotating: false,
///     launch_time: None,
///     step_s: 10.0,
/// };
/// let fc = feature_collection_of(&fly(&req).unwrap()).unwrap();
/// let roles: Vec<_> = fc.features.iter().map(|f| f.properties.as_ref().unwrap()["role"].clone()).collect();
/// assert_eq!(roles[..5], ["trajectory", "launch", "burnout", "apogee", "impact"]);
/// // North Korea from the launch, then Honshu and Hokkaido.
/// assert!(roles.len() > 6 && roles[5..].iter().all(|r| r == "land"));
/// ```
pub fn feature_collection_of(r: &FlightReport) -> Result<FeatureCollection> {
    if r.map_track.is_empty() || r.map_track.iter().any(|s| s.point.is_none()) {
        return Err(no_direction("GeoJSON output"));
    }
    let f = &r.figures;
    let summary = json!({
        "range_km": f.range_m / 1000.0,
        "burnout_speed_mps": f.burnout_speed_mps,
        "flight_path_angle_deg": f.flight_path_angle_deg,
        "apogee_km": f.apogee_m / 1000.0,
        "flight_time_s": f.flight_time_s,
        "total_time_s": f.total_time_s,
        "reentry_speed_mps": f.reentry_speed_mps,
        "rotating": r.rotation.is_some(),
        "altitude": "third coordinate: metres above the model sphere",
        "model": r.model,
        "ground_track_model": r.ground_track_model,
        "antimeridian": "cut at ±180° by linear interpolation between the dense track's samples on either side",
    });
    let mut features = vec![feature_of_value(
        line_value(&cut_at_antimeridian(&r.map_track)),
        props("trajectory", "trajectory", summary),
    )];
    let launch = r.launch_sample();
    let b = &r.boost;
    if r.has_boost_segment() {
        let extra = json!({
            "modelled": false,
            "note": "boost-phase allowance: a straight segment from the launch point to burnout, not a flight path",
            "burnout_altitude_km": b.burnout_altitude_m / 1000.0,
            "burnout_range_km": b.burnout_range_m / 1000.0,
            "boost_time_s": b.boost_time_s,
        });
        let parts = cut_at_antimeridian(&[launch, r.burnout]);
        features.push(feature_of_value(line_value(&parts), props("boost", "boost allowance", extra)));
    }
    let impact_name = r.impact_name();
    for (s, role, name) in [
        (&launch, "launch", r.launch.name.as_str()),
        (&r.burnout, "burnout", "burnout"),
        (&r.apogee, "apogee", "apogee"),
        (&r.reentry, "impact", impact_name),
    ] {
        features.extend(point_feature_of(s, role, name));
    }
    let (vertices, _) = super::trajectory_land::ground_track_vertices(r)?;
    features.extend(super::land_features_along(&Ellipsoid::wgs84(), &vertices, &r.land)?);
    Ok(feature_collection(features))
}

/// The GeoJSON text of a flight (compact, one trailing newline), checked by [`to_geojson_string`].
///
/// # Errors
/// As [`feature_collection_of`] and [`to_geojson_string`].
///
/// # Example
/// ```
/// # use geo_types::Point;
/// # use groundtrack::ballistics::{BoostAllowance, TrajectoryConstraint};
/// # use groundtrack::output::trajectory_report::{Destination, FlightRequest, Site, fly};
/// # let req = FlightRequest { launch: Site { name: "x".into(), point: Point::new(0.0, 0.0) },
/// #     destination: Destination::Range { range_m: 1_000e3, azimuth_deg: Some(0.0) },
/// #     constraint: TrajectoryConstraint::MinimumEnergy, boost: BoostAllowance::none(), rotating: false,
/// #     launch_time: None, step_s: 10.0 };
/// let text = groundtrack::output::trajectory_geojson::geojson_string(&fly(&req).unwrap()).unwrap();
/// let v: serde_json::Value = serde_json::from_str(&text).unwrap();
/// assert_eq!(v["features"][0]["geometry"]["coordinates"][0].as_array().unwrap().len(), 3);
/// ```
pub fn geojson_string(r: &FlightReport) -> Result<String> {
    to_geojson_string(&feature_collection_of(r)?)
}

/// Writes text built by [`geojson_string`] to `path` atomically ([`write_atomic`]).
///
/// # Errors
/// [`Error::Io`] naming the path.
///
/// # Example
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("t.geojson");
/// groundtrack::output::trajectory_geojson::write(&path, "{}\n").unwrap();
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), "{}\n");
/// ```
pub fn write(path: &Path, text: &str) -> Result<()> {
    write_atomic(path, text.as_bytes())
}
