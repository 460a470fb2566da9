//! GeoJSON features and feature collections (RFC 7946) from `geo_types` geometry, and writing them to files.

use std::path::Path;

use geo_types::{Geometry, Point};
use geojson::{Feature, FeatureCollection, GeometryValue, Position};
use serde_json::{Map, Value};

use super::atomic::write_atomic;
use crate::geodesy::normalize_longitude;
use crate::{Error, Result};

/// The properties of a feature: a JSON object (callers set `role`, `name` and the figures).
///
/// # Example
/// ```
/// use groundtrack::output::Properties;
/// let mut p = Properties::new();
/// p.insert("role".into(), "launch site".into());
/// assert_eq!(p["role"], "launch site");
/// ```
pub type Properties = Map<String, Value>;

/// Decimal places kept in every written coordinate: 1e-7 degrees is about 1 cm on the ground, below any figure
/// groundtrack computes (RFC 7946 sec. 11.2 advises against needless precision).
///
/// # Example
/// ```
/// use groundtrack::output::{COORDINATE_DECIMALS, round_coordinate};
/// assert_eq!(COORDINATE_DECIMALS, 7);
/// assert_eq!(round_coordinate(0.123456789), 0.1234568);
/// ```
pub const COORDINATE_DECIMALS: i32 = 7;

/// Rounds a coordinate in degrees to [`COORDINATE_DECIMALS`] places.
///
/// The result is the double nearest to a decimal of at most 7 places, so JSON shows no trailing noise
/// (`47.4166671`, not `47.41666710000001`). Negative zero becomes zero.
///
/// # Example
/// ```
/// use groundtrack::output::round_coordinate;
/// assert_eq!(round_coordinate(47.416667108019), 47.4166671);
/// assert_eq!(round_coordinate(179.99999999), 180.0);
/// assert_eq!(round_coordinate(-0.00000001).to_string(), "0");
/// ```
pub fn round_coordinate(v: f64) -> f64 {
    let scale = 10f64.powi(COORDINATE_DECIMALS);
    let r = (v * scale).round() / scale;
    if r == 0.0 { 0.0 } else { r }
}

/// A GeoJSON feature from a geometry and its properties.
///
/// Inputs: a geometry in lon/lat degrees with longitudes already in [-180, 180] (use
/// [`path_geometry`](super::path_geometry) and [`ring_geometry`](super::ring_geometry) for lines and regions);
/// the properties (a JSON object).
/// Output: a feature whose geometry is converted by the `geojson` crate's conversion from `geo_types`, then has
/// every coordinate rounded to 7 decimals ([`round_coordinate`]) and repeated consecutive positions removed (a
/// part or hole that collapses is dropped; a LineString keeps at least two positions and a ring at least four).
/// No `id`, `bbox` or foreign members (so no `crs`, RFC 7946 sec. 4).
///
/// # Example
/// ```
/// use geo_types::{Geometry, LineString};
/// use groundtrack::output::feature;
/// let line = LineString::from(vec![(125.67, 39.2241), (143.24940000001, 41.9236)]);
/// let mut props = serde_json::Map::new();
/// props.insert("role".into(), "track".into());
/// let f = feature(&Geometry::LineString(line), props);
/// assert_eq!(
///     serde_json::to_string(&f).unwrap(),
///     r#"{"type":"Feature","geometry":{"type":"LineString","coordinates":[[125.67,39.2241],[143.2494,41.9236]]},"properties":{"role":"track"}}"#
/// );
/// ```
pub fn feature(geometry: &Geometry<f64>, properties: Properties) -> Feature {
    let mut value = GeometryValue::from(geometry);
    round_value(&mut value);
    feature_of_value(value, properties)
}

/// A GeoJSON feature of a geometry value taken as it is (the caller has rounded its positions) and its
/// properties; no `id`, `bbox` or foreign members.
pub(crate) fn feature_of_value(value: GeometryValue, properties: Properties) -> Feature {
    Feature {
        bbox: None,
        geometry: Some(geojson::Geometry::new(value)),
        id: None,
        properties: Some(properties),
        foreign_members: None,
    }
}

/// The properties of a feature: `role` and `name`, then the members of `extra` (a JSON object; any other value
/// adds nothing).
pub(crate) fn props(role: &str, name: &str, extra: Value) -> Properties {
    let mut p = Properties::new();
    p.insert("role".into(), role.into());
    p.insert("name".into(), name.into());
    if let Value::Object(m) = extra {
        p.extend(m);
    }
    p
}

/// A GeoJSON Point feature; the longitude is first brought into [-180, 180).
///
/// Inputs: a point (lon, lat degrees) and the properties. Output: as [`feature`].
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::output::point_feature;
/// let f = point_feature(Point::new(190.0, 39.2241), serde_json::Map::new());
/// let s = serde_json::to_string(&f).unwrap();
/// assert!(s.contains("[-170.0,39.2241]"));
/// ```
pub fn point_feature(point: Point<f64>, properties: Properties) -> Feature {
    let p = Point::new(normalize_longitude(point.x()), point.y());
    feature(&Geometry::Point(p), properties)
}

/// A GeoJSON feature collection of the given features, in order, with no `bbox` and no foreign members.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::output::{feature_collection, point_feature};
/// let fc = feature_collection(vec![point_feature(Point::new(125.67, 39.2241), serde_json::Map::new())]);
/// assert_eq!(fc.features.len(), 1);
/// assert!(serde_json::to_string(&fc).unwrap().starts_with(r#"{"type":"FeatureCollection""#));
/// ```
pub fn feature_collection(features: Vec<Feature>) -> FeatureCollection {
    FeatureCollection { bbox: None, features, foreign_members: None }
}

/// Serialises a feature collection to GeoJSON text (compact, one trailing newline), after checking it.
///
/// # Errors
/// [`Error::Invalid`] naming the feature when a coordinate is not finite or outside [-180, 180] × [-90, 90], or a
/// feature has a `crs` member (RFC 7946 sec. 4 removed it); [`Error::Invalid`] if serialisation fails.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::output::{feature_collection, point_feature, to_geojson_string};
/// let fc = feature_collection(vec![point_feature(Point::new(125.67, 39.2241), serde_json::Map::new())]);
/// let text = to_geojson_string(&fc).unwrap();
/// assert!(text.contains("[125.67,39.2241]") && text.ends_with('\n'));
/// let bad = feature_collection(vec![point_feature(Point::new(0.0, f64::NAN), serde_json::Map::new())]);
/// assert!(to_geojson_string(&bad).is_err());
/// ```
pub fn to_geojson_string(fc: &FeatureCollection) -> Result<String> {
    check_collection(fc)?;
    let mut text = serde_json::to_string(fc)
        .map_err(|e| Error::Invalid { what: "GeoJSON output".into(), message: e.to_string() })?;
    text.push('\n');
    Ok(text)
}

/// Writes a feature collection to a GeoJSON file atomically ([`write_atomic`]).
///
/// # Errors
/// As [`to_geojson_string`]; [`Error::Io`] naming `path` when the file cannot be written (the target is then
/// untouched).
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::output::{feature_collection, point_feature, write_geojson};
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("sunan.geojson");
/// let fc = feature_collection(vec![point_feature(Point::new(125.67, 39.2241), serde_json::Map::new())]);
/// write_geojson(&path, &fc).unwrap();
/// let back: geojson::FeatureCollection = std::fs::read_to_string(&path).unwrap().parse().unwrap();
/// assert_eq!(back, fc);
/// ```
pub fn write_geojson(path: &Path, fc: &FeatureCollection) -> Result<()> {
    let text = to_geojson_string(fc)?;
    write_atomic(path, text.as_bytes())
}

/// Rounds every position of a geometry value and removes repeated consecutive positions.
fn round_value(value: &mut GeometryValue) {
    match value {
        GeometryValue::Point { coordinates } => round_position(coordinates),
        GeometryValue::MultiPoint { coordinates } => coordinates.iter_mut().for_each(round_position),
        GeometryValue::LineString { coordinates } => round_line(coordinates),
        GeometryValue::MultiLineString { coordinates } => {
            for line in coordinates.iter_mut() {
                round_line(line);
            }
            keep_nonempty(coordinates, |l| distinct_count(l) >= 2);
        }
        GeometryValue::Polygon { coordinates } => round_polygon(coordinates),
        GeometryValue::MultiPolygon { coordinates } => {
            for polygon in coordinates.iter_mut() {
                round_polygon(polygon);
            }
            keep_nonempty(coordinates, |p| p.first().is_some_and(|r| distinct_count(r) >= 4));
        }
        GeometryValue::GeometryCollection { geometries } => {
            for g in geometries.iter_mut() {
                round_value(&mut g.value);
            }
        }
    }
}

fn round_position(p: &mut Position) {
    for v in p.as_slice_mut() {
        *v = round_coordinate(*v);
    }
}

/// Rounds a line and drops repeated consecutive positions, keeping at least two.
fn round_line(line: &mut Vec<Position>) {
    line.iter_mut().for_each(round_position);
    line.dedup();
    if line.len() == 1 {
        let p = line[0].clone();
        line.push(p);
    }
}

/// Rounds each ring; a ring that collapses below four positions is kept undeduplicated if it is the exterior
/// and dropped if it is a hole.
fn round_polygon(rings: &mut Vec<Vec<Position>>) {
    let mut out: Vec<Vec<Position>> = Vec::with_capacity(rings.len());
    for (i, ring) in rings.iter_mut().enumerate() {
        ring.iter_mut().for_each(round_position);
        let mut deduped = ring.clone();
        deduped.dedup();
        if deduped.len() >= 4 {
            out.push(deduped);
        } else if i == 0 {
            out.push(ring.clone());
        }
    }
    *rings = out;
}

/// Number of positions after removing consecutive repeats.
fn distinct_count(line: &[Position]) -> usize {
    if line.is_empty() { 0 } else { 1 + line.windows(2).filter(|w| w[0] != w[1]).count() }
}

/// Drops the parts that fail `keep`, unless that would drop them all.
fn keep_nonempty<T>(parts: &mut Vec<T>, keep: impl Fn(&T) -> bool) {
    if parts.iter().any(&keep) {
        parts.retain(keep);
    }
}

/// Checks every feature: coordinates finite and in range, no `crs`.
fn check_collection(fc: &FeatureCollection) -> Result<()> {
    let invalid =
        |i: usize, message: String| Error::Invalid { what: format!("GeoJSON feature {i}"), message };
    if fc.foreign_members.as_ref().is_some_and(|m| m.contains_key("crs")) {
        return Err(Error::Invalid {
            what: "GeoJSON feature collection".into(),
            message: "has a crs member, which RFC 7946 removed (coordinates are always WGS84 lon/lat)".into(),
        });
    }
    for (i, f) in fc.features.iter().enumerate() {
        if f.foreign_members.as_ref().is_some_and(|m| m.contains_key("crs")) {
            return Err(invalid(i, "has a crs member, which RFC 7946 removed".into()));
        }
        if let Some(g) = &f.geometry {
            check_value(&g.value).map_err(|m| invalid(i, m))?;
        }
    }
    Ok(())
}

fn check_value(value: &GeometryValue) -> std::result::Result<(), String> {
    let check = |p: &Position| -> std::result::Result<(), String> {
        let s = p.as_slice();
        match s {
            [x, y, ..] if x.is_finite() && y.is_finite() && x.abs() <= 180.0 && y.abs() <= 90.0 => Ok(()),
            _ => Err(format!(
                "position {s:?} is not a finite longitude in [-180, 180] and latitude in [-90, 90]"
            )),
        }
    };
    match value {
        GeometryValue::Point { coordinates } => check(coordinates),
        GeometryValue::MultiPoint { coordinates } | GeometryValue::LineString { coordinates } => {
            coordinates.iter().try_for_each(check)
        }
        GeometryValue::MultiLineString { coordinates } | GeometryValue::Polygon { coordinates } => {
            coordinates.iter().flatten().try_for_each(check)
        }
        GeometryValue::MultiPolygon { coordinates } => {
            coordinates.iter().flatten().flatten().try_for_each(check)
        }
        GeometryValue::GeometryCollection { geometries } => {
            geometries.iter().try_for_each(|g| check_value(&g.value))
        }
    }
}
