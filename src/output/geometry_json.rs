//! The JSON output (`--json`, `--format json`) of `groundtrack closest`, `intersect`, `ring` and `reach`.
//!
//! Distances are in metres with field names ending in `_m` (whatever `--units` says), areas in square metres
//! (`_m2`), angles in degrees (`_deg`), points as `lat`/`lon` in degrees.

use serde_json::{Value, json};

use super::geometry_reach::{ReachEntry, ReachReport};
use super::geometry_report::{ClosestReport, IntersectReport, RingReport};
use super::trajectory_report::Site;
use crate::geodesy::{RingShape, SegmentEnd};

/// The sign convention of `cross_track_m`, stated in the JSON itself.
pub const CROSS_TRACK_SIGN: &str =
    "cross_track_m > 0: the point is to the LEFT of the direction of travel from A to B; < 0: to the right";

fn site(s: &Site) -> Value {
    json!({ "name": s.name, "lat": s.point.y(), "lon": s.point.x() })
}

/// `"left"`, `"right"` or `"on the line"` for a signed cross-track distance (within 1 mm is on the line).
///
/// # Example
/// ```
/// use groundtrack::output::geometry_json::side;
/// assert_eq!(side(63_751.7), "left");
/// assert_eq!(side(-2.0), "right");
/// assert_eq!(side(0.0), "on the line");
/// ```
pub fn side(cross_track_m: f64) -> &'static str {
    if cross_track_m > 1e-3 {
        "left"
    } else if cross_track_m < -1e-3 {
        "right"
    } else {
        "on the line"
    }
}

/// The JSON object of a closest approach.
///
/// Fields: `cross_track_m` (signed, positive to the left of the direction of travel A→B: see
/// `cross_track_sign`), `side`, `along_track_m` (signed distance from A along the line to the nearest point),
/// `lat`, `lon` (the nearest point), `distance_m` (the shortest distance from the point to the line or
/// segment), `at_end` (`"A"`, `"B"` or null: for a segment, the end point that is the nearest point),
/// `segment`, `line_length_m`, `line_azimuth_deg`, `model`, and `point`, `a`, `b` (name, lat, lon).
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::output::{geometry_json, geometry_report};
/// use groundtrack::output::trajectory_report::Site;
/// let site = |name: &str, x, y| Site { name: name.into(), point: Point::new(x, y) };
/// let r = geometry_report::closest(site("P", 5.0, 1.0), site("A", 0.0, 0.0), site("B", 10.0, 0.0), false)
///     .unwrap();
/// let v = geometry_json::closest_json(&r);
/// assert_eq!(v["side"], "left");
/// assert!((v["lat"].as_f64().unwrap()).abs() < 1e-9);
/// ```
pub fn closest_json(r: &ClosestReport) -> Value {
    let c = &r.approach;
    json!({
        "point": site(&r.point),
        "a": site(&r.a),
        "b": site(&r.b),
        "model": "WGS84 geodesic",
        "segment": r.segment,
        "line_length_m": r.line_length_m,
        "line_azimuth_deg": r.line_azimuth_deg,
        "cross_track_m": c.cross_track_m,
        "side": side(c.cross_track_m),
        "cross_track_sign": CROSS_TRACK_SIGN,
        "along_track_m": c.along_track_m,
        "lat": c.point.y(),
        "lon": c.point.x(),
        "distance_m": c.distance_m,
        "at_end": c.at_end.map(|e| match e { SegmentEnd::Start => "A", SegmentEnd::End => "B" }),
    })
}

/// The JSON object of an intersection.
///
/// Fields: `lat`, `lon` (the intersection), `along_a_m`, `along_b_m` (signed distances from A1 and B1 along
/// each geodesic, negative behind the first point), `within_a`, `within_b` (the point lies on the segment),
/// `length_a_m`, `length_b_m`, `model`, and `a1`, `a2`, `b1`, `b2` (name, lat, lon).
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::output::{geometry_json, geometry_report};
/// use groundtrack::output::trajectory_report::Site;
/// let site = |name: &str, x, y| Site { name: name.into(), point: Point::new(x, y) };
/// let r = geometry_report::intersection([site("A1", 0.0, 0.0), site("A2", 20.0, 0.0),
///     site("B1", 10.0, -5.0), site("B2", 10.0, 5.0)]).unwrap();
/// let v = geometry_json::intersect_json(&r);
/// assert_eq!(v["within_a"], true);
/// assert!((v["lon"].as_f64().unwrap() - 10.0).abs() < 1e-9);
/// ```
pub fn intersect_json(r: &IntersectReport) -> Value {
    let x = &r.intersection;
    let [a1, a2, b1, b2] = &r.points;
    json!({
        "a1": site(a1), "a2": site(a2), "b1": site(b1), "b2": site(b2),
        "model": "WGS84 geodesic",
        "lat": x.point.y(),
        "lon": x.point.x(),
        "along_a_m": x.along_a_m,
        "along_b_m": x.along_b_m,
        "within_a": x.within_a,
        "within_b": x.within_b,
        "length_a_m": r.lengths_m[0],
        "length_b_m": r.lengths_m[1],
    })
}

/// The JSON summary of range rings (the polygons themselves are GeoJSON).
///
/// Fields: `center` (name, lat, lon), `model`, `max_deviation_m`, and `rings`, one per radius: `radius_m`,
/// `area_m2`, `whole_earth`, `contains_north_pole`, `contains_south_pole`, `vertices` (distinct vertices of
/// the ring before cutting, 0 for the whole earth).
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::Ellipsoid;
/// use groundtrack::output::{geometry_json, geometry_report};
/// use groundtrack::output::trajectory_report::Site;
/// let c = Site { name: "Sunan".into(), point: Point::new(125.67, 39.22389) };
/// let r = geometry_report::rings(&Ellipsoid::wgs84(), c, &[6e6], 1_000.0).unwrap();
/// let v = geometry_json::ring_json(&r);
/// assert_eq!(v["rings"][0]["contains_north_pole"], true);
/// ```
pub fn ring_json(r: &RingReport) -> Value {
    let rings: Vec<Value> = r
        .rings
        .iter()
        .map(|ring| {
            let vertices = match &ring.shape {
                RingShape::Ring(v) => v.len().saturating_sub(1),
                RingShape::WholeEarth => 0,
            };
            json!({
                "radius_m": ring.radius_m,
                "area_m2": ring.area_m2,
                "whole_earth": ring.shape == RingShape::WholeEarth,
                "contains_north_pole": ring.contains_north_pole,
                "contains_south_pole": ring.contains_south_pole,
                "vertices": vertices,
            })
        })
        .collect();
    json!({
        "center": site(&r.center),
        "model": r.model,
        "max_deviation_m": r.max_deviation_m,
        "rings": rings,
    })
}

fn entry(e: &ReachEntry) -> Value {
    json!({
        "name": e.name,
        "kind": e.kind.map(|k| k.as_str()),
        "country": e.country,
        "lat": e.point.y(),
        "lon": e.point.x(),
        "distance_m": e.distance_m,
        "azimuth_deg": e.azimuth_deg,
        "margin_m": e.margin_m,
    })
}

/// The JSON object of `groundtrack reach`.
///
/// Fields: `launch` (name, lat, lon), `range_m` (or null), `model`, `kind` (or `"all"`), `places` (nearest
/// first: `name`, `kind`, `country`, `lat`, `lon`, `distance_m`, `azimuth_deg`, `margin_m` = range minus
/// distance) and `targets` (the same fields plus `needed_range_m`, the distance, and `in_reach`, null without
/// a range).
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::Ellipsoid;
/// use groundtrack::output::geometry_json::reach_json;
/// use groundtrack::output::geometry_reach::{ReachReport, places_within};
/// use groundtrack::output::trajectory_report::Site;
/// use groundtrack::places::Gazetteer;
/// let e = Ellipsoid::wgs84();
/// let launch = Site { name: "Sunan".into(), point: Point::new(125.67, 39.22389) };
/// let places = places_within(&e, Gazetteer::embedded(), launch.point, 1e6, None).unwrap();
/// let r = ReachReport { launch, range_m: Some(1e6), model: "WGS84 geodesic", kind: None, places,
///     targets: vec![] };
/// assert_eq!(reach_json(&r)["kind"], "all");
/// ```
pub fn reach_json(r: &ReachReport) -> Value {
    let targets: Vec<Value> = r
        .targets
        .iter()
        .map(|t| {
            let mut v = entry(t);
            v["needed_range_m"] = json!(t.distance_m);
            v["in_reach"] = json!(t.margin_m.map(|m| m >= 0.0));
            v
        })
        .collect();
    json!({
        "launch": site(&r.launch),
        "range_m": r.range_m,
        "model": r.model,
        "kind": r.kind.map_or("all", |k| k.as_str()),
        "places": r.places.iter().map(entry).collect::<Vec<_>>(),
        "targets": targets,
    })
}
