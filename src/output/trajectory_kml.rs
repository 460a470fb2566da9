//! The KML of `groundtrack fly --kml`: the trajectory as a 3-D line for Google Earth, its ground track, and
//! placemarks for launch, burnout, apogee and impact (OGC KML 2.2, through the `kml` crate).
//!
//! The arc is a LineString with `altitudeMode` `absolute` and coordinates `lon,lat,alt` (OGC 07-147r2, sec. 9.7
//! and 10.7), so that Google Earth draws it in 3-D; the altitude written is the model's altitude above its
//! sphere, read by KML as height above sea level. The ground track is the same line clamped to the ground.
//! Longitudes stay in [-180, 180); KML viewers join consecutive vertices the short way, so a track over the
//! antimeridian needs no cut.

use std::path::Path;

use kml::Kml;
use kml::types::{AltitudeMode, Coord, Geometry, LineString, Placemark, Point};

use super::kml::{kml_root, kml_text};
use super::trajectory_report::{FlightReport, no_direction};
use super::trajectory_text::grouped;
use super::trajectory_track::TrackSample;
use super::{round_coordinate, write_atomic};
use crate::Result;

pub use super::kml::KML_NAMESPACE;

fn coord(lon: f64, lat: f64, alt: f64) -> Coord<f64> {
    Coord::new(round_coordinate(lon), round_coordinate(lat), Some((alt * 10.0).round() / 10.0))
}

fn sample_coord(s: &TrackSample) -> Option<Coord<f64>> {
    s.point.map(|p| coord(p.x(), p.y(), s.altitude_m))
}

fn placemark(name: &str, description: String, geometry: Geometry<f64>) -> Kml<f64> {
    Kml::Placemark(Placemark {
        name: Some(name.to_string()),
        description: Some(description),
        geometry: Some(geometry),
        ..Default::default()
    })
}

fn line(coords: Vec<Coord<f64>>, mode: AltitudeMode, tessellate: bool) -> Geometry<f64> {
    Geometry::LineString(LineString { coords, altitude_mode: mode, tessellate, ..Default::default() })
}

fn describe(s: &TrackSample) -> String {
    format!(
        "{} s after launch, {} km from launch, altitude {} km, speed {} m/s",
        grouped(s.time_s, 1),
        grouped(s.range_m / 1000.0, 1),
        grouped(s.altitude_m / 1000.0, 1),
        grouped(s.speed_mps, 1)
    )
}

/// Builds the KML document of a flight.
///
/// Placemarks, in order: `Trajectory` (LineString, `absolute`, lon,lat,alt every
/// [`super::trajectory_track::map_step_s`]), `Ground track` (the same, `clampToGround`, tessellated),
/// `Boost allowance (not modelled)` (only when burnout is away from the launch point: a straight segment), and
/// the Points `Launch: NAME`, `Burnout`, `Apogee`, `Impact: NAME`, each with `absolute` altitude and a
/// description of time, range, altitude and speed. The trajectory's description holds the headline figures and
/// the model.
///
/// # Errors
/// [`Error::Invalid`] when the flight has no direction (a range without an azimuth).
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::ballistics::{BoostAllowance, TrajectoryConstraint};
/// use groundtrack::output::trajectory_kml::kml_document;
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
/// let kml::Kml::KmlDocument(doc) = kml_document(&fly(&req).unwrap()).unwrap() else { panic!() };
/// assert_eq!(doc.attrs["xmlns"], "http://www.opengis.net/kml/2.2");
/// ```
pub fn kml_document(r: &FlightReport) -> Result<Kml<f64>> {
    let coords: Option<Vec<Coord<f64>>> = r.map_track.iter().map(sample_coord).collect();
    let coords = match coords {
        Some(c) if c.len() >= 2 => c,
        _ => return Err(no_direction("KML output")),
    };
    let f = &r.figures;
    let summary = format!(
        "range {} km, burnout {} m/s at {:.2} deg, apogee {} km, free flight {} s ({} s from launch), re-entry \
         {} m/s. Model: {}. {}. Altitudes: metres above the model sphere, written as absolute altitude.",
        grouped(f.range_m / 1000.0, 1),
        grouped(f.burnout_speed_mps, 1),
        f.flight_path_angle_deg,
        grouped(f.apogee_m / 1000.0, 1),
        grouped(f.flight_time_s, 1),
        grouped(f.total_time_s, 1),
        grouped(f.reentry_speed_mps, 1),
        r.model,
        r.ground_track_model
    );
    let mut elements = vec![
        placemark("Trajectory", summary, line(coords.clone(), AltitudeMode::Absolute, false)),
        placemark(
            "Ground track",
            "the points under the missile".into(),
            line(coords, AltitudeMode::ClampToGround, true),
        ),
    ];
    let launch = r.launch_sample();
    let b = &r.boost;
    if r.has_boost_segment()
        && let (Some(a), Some(z)) = (sample_coord(&launch), sample_coord(&r.burnout))
    {
        elements.push(placemark(
            "Boost allowance (not modelled)",
            format!(
                "a straight segment from the launch point to burnout ({} km altitude, {} km from launch, {} s); \
                 not a flight path",
                grouped(b.burnout_altitude_m / 1000.0, 1),
                grouped(b.burnout_range_m / 1000.0, 1),
                grouped(b.boost_time_s, 1)
            ),
            line(vec![a, z], AltitudeMode::Absolute, false),
        ));
    }
    let impact_name = r.impact_name();
    for (s, name) in [
        (&launch, format!("Launch: {}", r.launch.name)),
        (&r.burnout, "Burnout".to_string()),
        (&r.apogee, "Apogee".to_string()),
        (&r.reentry, format!("Impact: {impact_name}")),
    ] {
        if let Some(c) = sample_coord(s) {
            let point = Point { coord: c, altitude_mode: AltitudeMode::Absolute, ..Default::default() };
            elements.push(placemark(&name, describe(s), Geometry::Point(point)));
        }
    }
    Ok(kml_root(elements))
}

/// The KML text of a flight: an XML declaration and the document of [`kml_document`].
///
/// # Errors
/// As [`kml_document`]; [`Error::Invalid`] if the writer fails.
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
/// let text = groundtrack::output::trajectory_kml::kml_string(&fly(&req).unwrap()).unwrap();
/// assert!(text.starts_with("<?xml") && text.contains("<altitudeMode>absolute</altitudeMode>"));
/// ```
pub fn kml_string(r: &FlightReport) -> Result<String> {
    kml_text(&kml_document(r)?)
}

/// Writes text built by [`kml_string`] to `path` atomically ([`write_atomic`]).
///
/// # Errors
/// [`Error::Io`] naming the path.
///
/// # Example
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("t.kml");
/// groundtrack::output::trajectory_kml::write(&path, "<kml/>\n").unwrap();
/// assert!(path.exists());
/// ```
pub fn write(path: &Path, text: &str) -> Result<()> {
    write_atomic(path, text.as_bytes())
}
