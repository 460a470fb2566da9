//! GeoJSON (RFC 7946) of the geometry commands: range rings as polygons cut at the antimeridian on the true
//! circle, the closest approach of a point to a geodesic, the intersection of two geodesics, and what a
//! launch point reaches.
//!
//! Every line is densified so that no straight lon/lat segment strays more than [`MAX_DEVIATION_M`] from the
//! true line, and cut at ±180 at the line's true crossing ([`path_geometry`]); every ring is
//! counter-clockwise, cut at ±180 where the circle itself crosses it and closed along a pole it contains
//! ([`ring_geometry_with`] with [`geodesic_circle_crossing`]). Each feature has a `role` property saying what
//! it is.

use geo_types::{Coord, Geometry, LineString, Point, Polygon};
use geojson::Feature;
use serde_json::json;

use super::geometry_reach::{ReachEntry, ReachReport};
use super::trajectory_report::Site;
use super::{
    Properties, feature, geodesic_circle_crossing, path_geometry, point_feature, props, ring_geometry_with,
};
use crate::geodesy::{
    ClosestApproach, EarthModel, Ellipsoid, GeodesyError, Intersection, RangeRing, RingShape, range_ring,
};

/// The largest distance, metres, between a drawn straight lon/lat segment and the true line or circle.
pub const MAX_DEVIATION_M: f64 = 1_000.0;

/// Longest piece of a geodesic drawn between two points of the direct problem, metres (well below half a lap,
/// so the shortest line between consecutive pieces is the geodesic itself).
const MAX_PIECE_M: f64 = 2_500_000.0;

/// The region inside a range ring as a Polygon or MultiPolygon ready for GeoJSON.
///
/// A [`RingShape::Ring`] is oriented counter-clockwise, cut at ±180 at the true crossings of the circle
/// ([`geodesic_circle_crossing`] with the same `model` that made the ring) and closed along a pole it
/// contains; [`RingShape::WholeEarth`] is the whole map, the rectangle [-180, 180] × [-90, 90]
/// counter-clockwise.
///
/// # Errors
/// As [`ring_geometry_with`]; any error of the model.
///
/// # Example
/// ```
/// use geo_types::{Geometry, Point};
/// use groundtrack::geodesy::{Ellipsoid, range_ring};
/// use groundtrack::output::geometry_geojson::range_ring_geometry;
/// let wgs84 = Ellipsoid::wgs84();
/// let ring = range_ring(&wgs84, Point::new(179.9, 0.0), 1_000_000.0, 1_000.0).unwrap();
/// let Geometry::MultiPolygon(parts) = range_ring_geometry(&wgs84, &ring).unwrap() else { panic!() };
/// assert_eq!(parts.0.len(), 2); // east and west of the antimeridian
/// ```
pub fn range_ring_geometry<M: EarthModel + ?Sized>(
    model: &M,
    ring: &RangeRing,
) -> Result<Geometry<f64>, GeodesyError> {
    match &ring.shape {
        RingShape::WholeEarth => Ok(Geometry::Polygon(Polygon::new(
            LineString::new(vec![
                Coord { x: -180.0, y: -90.0 },
                Coord { x: 180.0, y: -90.0 },
                Coord { x: 180.0, y: 90.0 },
                Coord { x: -180.0, y: 90.0 },
                Coord { x: -180.0, y: -90.0 },
            ]),
            vec![],
        ))),
        RingShape::Ring(vertices) => ring_geometry_with(
            vertices,
            ring.contains_north_pole,
            ring.contains_south_pole,
            geodesic_circle_crossing(model, ring.center, ring.radius_m),
        ),
    }
}

/// The feature of a range ring, role `range ring`.
///
/// Properties: `name` (the centre's name), `center` (the centre's name), `center_lat`, `center_lon`
/// (degrees), `radius_m`, `area_m2` ([`RangeRing::area_m2`]: geographiclib-rs `PolygonArea` of the ring's
/// vertices, the ellipsoid's area for the whole earth), `model`, `max_deviation_m`, `whole_earth`,
/// `contains_north_pole`, `contains_south_pole`.
///
/// # Errors
/// As [`range_ring_geometry`].
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::{Ellipsoid, range_ring};
/// use groundtrack::output::geometry_geojson::ring_feature;
/// use groundtrack::output::trajectory_report::Site;
/// let wgs84 = Ellipsoid::wgs84();
/// let sunan = Site { name: "Sunan".into(), point: Point::new(125.67, 39.22389) };
/// let ring = range_ring(&wgs84, sunan.point, 6_000_000.0, 1_000.0).unwrap();
/// let f = ring_feature(&wgs84, &sunan, &ring, 1_000.0).unwrap();
/// let p = f.properties.unwrap();
/// assert_eq!(p["radius_m"], 6_000_000.0);
/// assert_eq!(p["contains_north_pole"], true);
/// ```
pub fn ring_feature<M: EarthModel + ?Sized>(
    model: &M,
    center: &Site,
    ring: &RangeRing,
    max_deviation_m: f64,
) -> crate::Result<Feature> {
    let geometry = range_ring_geometry(model, ring)?;
    let p = props(
        "range ring",
        &center.name,
        json!({
            "center": center.name,
            "center_lat": ring.center.y(),
            "center_lon": ring.center.x(),
            "radius_m": ring.radius_m,
            "area_m2": ring.area_m2,
            "model": model.name(),
            "max_deviation_m": max_deviation_m,
            "whole_earth": ring.shape == RingShape::WholeEarth,
            "contains_north_pole": ring.contains_north_pole,
            "contains_south_pole": ring.contains_south_pole,
        }),
    );
    Ok(feature(&geometry, p))
}

/// The points of the geodesic leaving `start` at `azimuth_deg` from signed distance `from_m` to `to_m`
/// (metres), at most [`MAX_PIECE_M`] apart, ready for [`path_geometry`] with the ellipsoid.
fn track_vertices(
    e: &Ellipsoid,
    start: Point<f64>,
    azimuth_deg: f64,
    from_m: f64,
    to_m: f64,
) -> Result<Vec<Point<f64>>, GeodesyError> {
    let pieces = ((to_m - from_m).abs() / MAX_PIECE_M).ceil().max(1.0) as usize;
    (0..=pieces)
        .map(|k| {
            let s = from_m + (to_m - from_m) * k as f64 / pieces as f64;
            Ok(if s == 0.0 { start } else { e.direct(start, azimuth_deg, s)?.point })
        })
        .collect()
}

/// A geodesic line feature from signed distance `from_m` to `to_m` along the line leaving `start`.
fn track_feature(
    e: &Ellipsoid,
    start: Point<f64>,
    azimuth_deg: f64,
    span: (f64, f64),
    p: Properties,
) -> crate::Result<Feature> {
    let vertices = track_vertices(e, start, azimuth_deg, span.0, span.1)?;
    Ok(feature(&path_geometry(e, &vertices, MAX_DEVIATION_M)?, p))
}

/// The features of a closest approach of `point` to the geodesic from `a` to `b`.
///
/// Features (role): `point` (P), `line start` (A), `line end` (B), `line` (the geodesic from A to B, extended
/// along the full geodesic to the nearest point when that lies beyond A or B), `nearest point` (with
/// `cross_track_m`, `along_track_m`, `distance_m`), and `cross-track` (the geodesic from P to the nearest
/// point, left out when P is on the line).
///
/// # Errors
/// [`crate::Error::Geodesy`] if A and B coincide or a point is invalid.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::{Ellipsoid, closest_approach};
/// use groundtrack::output::geometry_geojson::closest_features;
/// use groundtrack::output::trajectory_report::Site;
/// let site = |name: &str, x, y| Site { name: name.into(), point: Point::new(x, y) };
/// let (p, a, b) = (site("P", 5.0, 1.0), site("A", 0.0, 0.0), site("B", 10.0, 0.0));
/// let e = Ellipsoid::wgs84();
/// let c = closest_approach(&e, p.point, a.point, b.point).unwrap();
/// let fs = closest_features(&p, &a, &b, &c).unwrap();
/// assert_eq!(fs.len(), 6);
/// ```
pub fn closest_features(p: &Site, a: &Site, b: &Site, c: &ClosestApproach) -> crate::Result<Vec<Feature>> {
    let e = Ellipsoid::wgs84();
    let ab = e.inverse(a.point, b.point)?;
    if ab.distance_m == 0.0 {
        return Err(GeodesyError::InvalidArgument(
            "closest approach: the line's two points coincide, so it has no direction".into(),
        )
        .into());
    }
    let span = (c.along_track_m.min(0.0), c.along_track_m.max(ab.distance_m));
    let mut out = vec![
        point_feature(p.point, props("point", &p.name, json!({}))),
        point_feature(a.point, props("line start", &a.name, json!({}))),
        point_feature(b.point, props("line end", &b.name, json!({}))),
        track_feature(
            &e,
            a.point,
            ab.azimuth1_deg,
            span,
            props("line", &format!("{} to {}", a.name, b.name), json!({})),
        )?,
        point_feature(
            c.point,
            props(
                "nearest point",
                &format!("nearest point to {}", p.name),
                json!({
                    "cross_track_m": c.cross_track_m,
                    "along_track_m": c.along_track_m,
                    "distance_m": c.distance_m,
                }),
            ),
        ),
    ];
    if c.distance_m > 1e-3 {
        let g = path_geometry(&e, &[p.point, c.point], MAX_DEVIATION_M)?;
        out.push(feature(&g, props("cross-track", &p.name, json!({ "distance_m": c.distance_m }))));
    }
    Ok(out)
}

/// The features of the intersection of the geodesics A1→A2 and B1→B2.
///
/// Features (role): `line a start`, `line a end`, `line b start`, `line b end` (the four points), `line a`,
/// `line b` (each geodesic between its points, extended to the intersection when that lies outside), and
/// `intersection` (with `along_a_m`, `along_b_m`, `within_a`, `within_b`).
///
/// # Errors
/// [`crate::Error::Geodesy`] if a line's two points coincide or a point is invalid.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::{Ellipsoid, intersect};
/// use groundtrack::output::geometry_geojson::intersect_features;
/// use groundtrack::output::trajectory_report::Site;
/// let site = |name: &str, x, y| Site { name: name.into(), point: Point::new(x, y) };
/// let (a1, a2) = (site("A1", 0.0, 0.0), site("A2", 20.0, 0.0));
/// let (b1, b2) = (site("B1", 10.0, -5.0), site("B2", 10.0, 5.0));
/// let x = intersect(&Ellipsoid::wgs84(), a1.point, a2.point, b1.point, b2.point).unwrap();
/// let fs = intersect_features([&a1, &a2, &b1, &b2], &x).unwrap();
/// assert_eq!(fs.len(), 7);
/// ```
pub fn intersect_features(points: [&Site; 4], x: &Intersection) -> crate::Result<Vec<Feature>> {
    let e = Ellipsoid::wgs84();
    let [a1, a2, b1, b2] = points;
    let mut out = vec![
        point_feature(a1.point, props("line a start", &a1.name, json!({}))),
        point_feature(a2.point, props("line a end", &a2.name, json!({}))),
        point_feature(b1.point, props("line b start", &b1.name, json!({}))),
        point_feature(b2.point, props("line b end", &b2.name, json!({}))),
    ];
    for (role, s1, s2, along) in [("line a", a1, a2, x.along_a_m), ("line b", b1, b2, x.along_b_m)] {
        let inv = e.inverse(s1.point, s2.point)?;
        if inv.distance_m == 0.0 {
            return Err(GeodesyError::InvalidArgument(format!(
                "intersection: {role}'s two points coincide, so it has no direction"
            ))
            .into());
        }
        let span = (along.min(0.0), along.max(inv.distance_m));
        let name = format!("{} to {}", s1.name, s2.name);
        out.push(track_feature(&e, s1.point, inv.azimuth1_deg, span, props(role, &name, json!({})))?);
    }
    out.push(point_feature(
        x.point,
        props(
            "intersection",
            "intersection",
            json!({
                "along_a_m": x.along_a_m,
                "along_b_m": x.along_b_m,
                "within_a": x.within_a,
                "within_b": x.within_b,
            }),
        ),
    ));
    Ok(out)
}

/// A reach entry's properties.
fn entry_props(role: &str, e: &ReachEntry) -> Properties {
    props(
        role,
        &e.name,
        json!({
            "kind": e.kind.map(|k| k.as_str()),
            "country": e.country,
            "distance_m": e.distance_m,
            "azimuth_deg": e.azimuth_deg,
            "margin_m": e.margin_m,
        }),
    )
}

/// The features of `groundtrack reach`.
///
/// Features (role): `launch` (point), `range ring` (the ring of the range around the launch point, see
/// [`ring_feature`], when a range was given), `place` (each place within the range, with `kind`, `country`,
/// `distance_m`, `azimuth_deg`, `margin_m`), `target` (each named target, likewise, with `in_reach`) and
/// `track` (the shortest line from the launch point to each named target).
///
/// # Errors
/// Any error of the model; [`crate::Error::Geodesy`] for a range ring that cannot be built.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::Ellipsoid;
/// use groundtrack::output::geometry_geojson::reach_features;
/// use groundtrack::output::geometry_reach::{ReachReport, places_within};
/// use groundtrack::output::trajectory_report::Site;
/// use groundtrack::places::Gazetteer;
/// let e = Ellipsoid::wgs84();
/// let launch = Site { name: "Sunan".into(), point: Point::new(125.67, 39.22389) };
/// let places = places_within(&e, Gazetteer::embedded(), launch.point, 1e6, None).unwrap();
/// let r = ReachReport { launch, range_m: Some(1e6), model: "WGS84 geodesic", kind: None, places,
///     targets: vec![] };
/// let fs = reach_features(&e, &r).unwrap();
/// assert_eq!(fs.len(), 2 + r.places.len());
/// ```
pub fn reach_features<M: EarthModel + ?Sized>(model: &M, r: &ReachReport) -> crate::Result<Vec<Feature>> {
    let mut out = vec![point_feature(r.launch.point, props("launch", &r.launch.name, json!({})))];
    if let Some(range_m) = r.range_m {
        let ring = range_ring(model, r.launch.point, range_m, MAX_DEVIATION_M)?;
        out.push(ring_feature(model, &r.launch, &ring, MAX_DEVIATION_M)?);
    }
    for e in &r.places {
        out.push(point_feature(e.point, entry_props("place", e)));
    }
    for t in &r.targets {
        let mut p = entry_props("target", t);
        p.insert("in_reach".into(), json!(t.margin_m.map(|m| m >= 0.0)));
        out.push(point_feature(t.point, p));
        if t.distance_m > 0.0 {
            let g = path_geometry(model, &[r.launch.point, t.point], MAX_DEVIATION_M)?;
            let name = format!("{} to {}", r.launch.name, t.name);
            out.push(feature(&g, props("track", &name, json!({ "distance_m": t.distance_m }))));
        }
    }
    Ok(out)
}
