//! GPX 1.1 (GPS eXchange Format, topografix.com/GPX/1/1) to and from a FeatureCollection, through the `gpx` crate.
//!
//! GPX holds only points and lines, and text: a round trip (GeoJSON -> GPX -> GeoJSON) turns polygons into lines
//! (each ring a track, without the edges a cut at the antimeridian or a pole adds, see [`is_cut_edge`]) and
//! properties into what the description's `key=value` text holds. KML and CSV keep polygons, but hold
//! properties as text too: on reading, numbers, booleans, arrays and objects are parsed back and everything else
//! stays a string; a string that would read as a number (the `iso_n3` code `"408"`) is written in JSON quotes so
//! that it stays a string, and one with a leading zero (`"004"`) is no number anyway
//! ([`property_text`](super::csv_export::property_text)).

use geo_types::Point;
use geojson::{FeatureCollection, GeometryValue, Position};
use gpx::{Gpx, GpxVersion, Metadata, Track, TrackSegment, Waypoint};

use crate::{Error, Result};

/// The largest longitude GPX accepts: its `longitudeType` is `-180.0 <= value < 180.0` (GPX 1.1 schema), so a
/// vertex that a cut at the antimeridian put on +180 is written here, 1e-7 degrees (about 1 cm) west of it.
pub const GPX_MAX_LONGITUDE: f64 = 179.999_999_9;

fn waypoint(p: &Position) -> Waypoint {
    let s = p.as_slice();
    let lon = s.first().copied().unwrap_or(0.0);
    let lon = if lon >= 180.0 { GPX_MAX_LONGITUDE } else { lon };
    let mut w = Waypoint::new(Point::new(lon, s.get(1).copied().unwrap_or(0.0)));
    w.elevation = s.get(2).copied();
    w
}

fn segment(ps: &[Position]) -> TrackSegment {
    TrackSegment { points: ps.iter().map(waypoint).collect() }
}

fn lon_lat(p: &Position) -> Point<f64> {
    let s = p.as_slice();
    Point::new(s.first().copied().unwrap_or(0.0), s.get(1).copied().unwrap_or(0.0))
}

/// Whether the edge from `a` to `b` (x = longitude, y = latitude, degrees) is an artefact of cutting a shape at
/// the antimeridian rather than part of its outline: both ends on the same meridian ±180 (the cut itself), or an
/// end at a pole (|latitude| ≥ 89.999), where a ring around the pole or a shape cut at ±180 (Antarctica in
/// `data/land`) is closed along the pole's "latitude" ±90 and the meridian to it. GPX writes polygon rings
/// without these edges and the maps (`groundtrack::map`) do not stroke them.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::output::gpx::is_cut_edge;
/// assert!(is_cut_edge(Point::new(180.0, 72.0), Point::new(180.0, 90.0)));
/// assert!(is_cut_edge(Point::new(180.0, -90.0), Point::new(179.622, -84.2685)));
/// assert!(!is_cut_edge(Point::new(179.5, 10.0), Point::new(180.0, 11.0)));
/// assert!(!is_cut_edge(Point::new(-180.0, 10.0), Point::new(180.0, 10.0)));
/// ```
pub fn is_cut_edge(a: Point<f64>, b: Point<f64>) -> bool {
    let pole = |p: Point<f64>| p.y().abs() >= 89.999;
    (a.x().abs() == 180.0 && b.x() == a.x()) || pole(a) || pole(b)
}

/// The pieces of a closed ring between its cut edges ([`is_cut_edge`]), each of two positions or more; a ring
/// without cut edges is one closed piece.
fn ring_pieces(ring: &[Position]) -> Vec<Vec<Position>> {
    let cut = |k: usize| match (ring.get(k), ring.get(k + 1)) {
        (Some(a), Some(b)) => is_cut_edge(lon_lat(a), lon_lat(b)),
        _ => false,
    };
    let n = ring.len();
    let Some(first_cut) = (0..n.saturating_sub(1)).find(|&k| cut(k)) else {
        return vec![ring.to_vec()];
    };
    // Walk the closed ring once, starting after the first cut edge, so that a piece running through the ring's
    // first position stays whole.
    let open = &ring[..n - 1];
    let m = open.len();
    let mut pieces = Vec::new();
    let mut piece: Vec<Position> = Vec::new();
    for step in 0..m {
        let k = (first_cut + 1 + step) % m;
        let (a, b) = (&open[k], &open[(k + 1) % m]);
        if piece.is_empty() {
            piece.push(a.clone());
        }
        if is_cut_edge(lon_lat(a), lon_lat(b)) {
            pieces.push(std::mem::take(&mut piece));
        } else {
            piece.push(b.clone());
        }
    }
    pieces.push(piece);
    pieces.into_iter().filter(|p| p.len() >= 2).collect()
}

fn ring_segments(ring: &[Position]) -> Vec<TrackSegment> {
    ring_pieces(ring).iter().map(|p| segment(p)).collect()
}

fn text(v: Option<&serde_json::Value>) -> Option<String> {
    match v? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// The figures of a feature (its properties other than `role` and `name`) as `key=value; ...`.
fn description(p: Option<&serde_json::Map<String, serde_json::Value>>) -> Option<String> {
    let parts: Vec<String> = p?
        .iter()
        .filter(|(k, _)| k.as_str() != "role" && k.as_str() != "name")
        .map(|(k, v)| format!("{k}={}", super::csv_export::property_text(v)))
        .collect();
    if parts.is_empty() { None } else { Some(parts.join("; ")) }
}

/// Builds the GPX 1.1 document of a FeatureCollection.
///
/// Points become waypoints (`wpt`, with `name`, `type` = the role, `desc` = the figures and `ele` when the
/// position has an altitude); each line becomes a track (`trk/trkseg/trkpt`), a MultiLineString (a line cut at
/// the antimeridian) one track with a segment per part; each ring of a polygon (a region, a range ring) becomes
/// a track, since GPX has no areas: one closed segment, or, for a ring cut at the antimeridian or closed along a
/// pole, one segment per piece between the cut edges ([`is_cut_edge`]), so that the track shows the ring itself
/// and not the edges along ±180 or ±90. Longitudes of +180 are written as [`GPX_MAX_LONGITUDE`].
///
/// A round trip through GPX ([`from_gpx`]) therefore gives polygons back as lines (LineStrings, or
/// MultiLineStrings for cut rings), and properties as the `key=value` text of the description holds them (see
/// [`property_text`](super::csv_export::property_text): numbers and booleans come back as such, strings that
/// read as numbers, such as the code `"408"`, are quoted and come back as strings).
///
/// # Example
/// ```
/// use geo_types::{Geometry, LineString};
/// use groundtrack::output::{feature, feature_collection};
/// let mut p = serde_json::Map::new();
/// p.insert("role".into(), "track".into());
/// let cut = geo_types::MultiLineString::new(vec![
///     LineString::from(vec![(170.0, 40.0), (180.0, 41.0)]),
///     LineString::from(vec![(-180.0, 41.0), (-170.0, 42.0)]),
/// ]);
/// let fc = feature_collection(vec![feature(&Geometry::MultiLineString(cut), p)]);
/// let g = groundtrack::output::gpx::to_gpx(&fc, "t");
/// assert_eq!(g.tracks[0].segments.len(), 2);
/// assert_eq!(g.tracks[0].segments[0].points[1].point().x(), 179.9999999);
/// ```
pub fn to_gpx(fc: &FeatureCollection, name: &str) -> Gpx {
    let mut g = Gpx {
        version: GpxVersion::Gpx11,
        creator: Some(format!("groundtrack {}", env!("CARGO_PKG_VERSION"))),
        metadata: Some(Metadata { name: Some(name.to_string()), ..Metadata::default() }),
        ..Gpx::default()
    };
    for f in &fc.features {
        let Some(geom) = &f.geometry else { continue };
        let name = text(f.property("name"));
        let role = text(f.property("role"));
        let desc = description(f.properties.as_ref());
        let track = |segments: Vec<TrackSegment>| {
            let mut t = Track::new();
            t.name = name.clone();
            t.type_ = role.clone();
            t.description = desc.clone();
            t.segments = segments;
            t
        };
        let mut points: Vec<&Position> = Vec::new();
        match &geom.value {
            GeometryValue::Point { coordinates } => points.push(coordinates),
            GeometryValue::MultiPoint { coordinates } => points.extend(coordinates),
            GeometryValue::LineString { coordinates } => g.tracks.push(track(vec![segment(coordinates)])),
            GeometryValue::MultiLineString { coordinates } => {
                g.tracks.push(track(coordinates.iter().map(|l| segment(l)).collect()))
            }
            GeometryValue::Polygon { coordinates } => {
                g.tracks.extend(coordinates.iter().map(|r| track(ring_segments(r))))
            }
            GeometryValue::MultiPolygon { coordinates } => {
                g.tracks.extend(coordinates.iter().flatten().map(|r| track(ring_segments(r))))
            }
            GeometryValue::GeometryCollection { .. } => {}
        }
        for p in points {
            let mut w = waypoint(p);
            w.name = name.clone();
            w.type_ = role.clone();
            w.description = desc.clone();
            g.waypoints.push(w);
        }
    }
    g
}

/// Writes a FeatureCollection as GPX 1.1 text ([`to_gpx`]).
///
/// # Errors
/// [`Error::Invalid`] if the `gpx` crate cannot write the document.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::output::{feature_collection, point_feature};
/// let mut p = serde_json::Map::new();
/// p.insert("name".into(), "Sunan".into());
/// let fc = feature_collection(vec![point_feature(Point::new(125.67, 39.22389), p)]);
/// let text = groundtrack::output::gpx::to_gpx_string(&fc, "test").unwrap();
/// assert!(text.contains(r#"version="1.1""#) && text.contains("<name>Sunan</name>"));
/// ```
pub fn to_gpx_string(fc: &FeatureCollection, name: &str) -> Result<String> {
    let mut buf = Vec::new();
    gpx::write(&to_gpx(fc, name), &mut buf)
        .map_err(|e| Error::Invalid { what: "GPX output".into(), message: e.to_string() })?;
    buf.push(b'\n');
    String::from_utf8(buf).map_err(|e| Error::Invalid { what: "GPX output".into(), message: e.to_string() })
}

fn props_of(
    name: &Option<String>,
    role: &Option<String>,
    desc: &Option<String>,
) -> serde_json::Map<String, serde_json::Value> {
    let mut p = serde_json::Map::new();
    if let Some(r) = role {
        p.insert("role".into(), r.clone().into());
    }
    if let Some(n) = name {
        p.insert("name".into(), n.clone().into());
    }
    for pair in desc.iter().flat_map(|d| d.split("; ")) {
        if let Some((k, v)) = pair.split_once('=') {
            p.insert(k.to_string(), super::csv_export::property_value(v));
        }
    }
    p
}

fn position(w: &Waypoint) -> Position {
    let p = w.point();
    match w.elevation {
        Some(z) => Position::from(vec![p.x(), p.y(), z]),
        None => Position::from(vec![p.x(), p.y()]),
    }
}

/// Reads GPX (1.0 or 1.1) into a FeatureCollection: waypoints become Points, tracks LineStrings (one segment)
/// or MultiLineStrings, routes LineStrings; `type` becomes `role`, `name` stays, and a description of
/// `key=value; ...` pairs (as [`to_gpx`] writes) becomes properties again. Elevations are kept as altitudes.
///
/// # Errors
/// [`Error::Invalid`] for text that is not GPX.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::output::{feature_collection, point_feature};
/// use groundtrack::output::gpx::{from_gpx, to_gpx_string};
/// let mut p = serde_json::Map::new();
/// p.insert("role".into(), "launch".into());
/// p.insert("name".into(), "Sunan".into());
/// let fc = feature_collection(vec![point_feature(Point::new(125.67, 39.22389), p)]);
/// assert_eq!(from_gpx(&to_gpx_string(&fc, "t").unwrap()).unwrap(), fc);
/// ```
pub fn from_gpx(text: &str) -> Result<FeatureCollection> {
    let g = gpx::read(text.as_bytes())
        .map_err(|e| Error::Invalid { what: "GPX input".into(), message: e.to_string() })?;
    let feature = |value: GeometryValue, props| geojson::Feature {
        bbox: None,
        geometry: Some(geojson::Geometry::new(value)),
        id: None,
        properties: Some(props),
        foreign_members: None,
    };
    let mut features = Vec::new();
    for w in &g.waypoints {
        features.push(feature(
            GeometryValue::Point { coordinates: position(w) },
            props_of(&w.name, &w.type_, &w.description),
        ));
    }
    for t in &g.tracks {
        let parts: Vec<Vec<Position>> =
            t.segments.iter().map(|s| s.points.iter().map(position).collect()).collect();
        let value = match parts.len() {
            1 => GeometryValue::LineString { coordinates: parts.into_iter().next().unwrap_or_default() },
            _ => GeometryValue::MultiLineString { coordinates: parts },
        };
        features.push(feature(value, props_of(&t.name, &t.type_, &t.description)));
    }
    for r in &g.routes {
        features.push(feature(
            GeometryValue::LineString { coordinates: r.points.iter().map(position).collect() },
            props_of(&r.name, &r.type_, &r.description),
        ));
    }
    Ok(super::feature_collection(features))
}
