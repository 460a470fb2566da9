//! KML 2.2 (OGC 07-147r2) from a FeatureCollection, through the `kml` crate: opens in Google Earth.

use std::collections::HashMap;

use geojson::{FeatureCollection, GeometryValue, Position};
use kml::types::{
    AltitudeMode, Coord, Element, Geometry, KmlDocument, LineString, LinearRing, MultiGeometry, Placemark,
    Point, Polygon,
};
use kml::{Kml, KmlWriter};

use crate::map::style::{Kind, style_for};
use crate::{Error, Result};

/// The KML 2.2 namespace, the `xmlns` of the `<kml>` root (OGC 07-147r2, sec. 6.3).
///
/// # Example
/// ```
/// use groundtrack::output::feature_collection;
/// use groundtrack::output::kml::{KML_NAMESPACE, to_kml};
/// let kml = to_kml(&feature_collection(vec![]), "empty").unwrap();
/// assert!(kml.contains(&format!("<kml xmlns=\"{KML_NAMESPACE}\">")));
/// ```
pub const KML_NAMESPACE: &str = "http://www.opengis.net/kml/2.2";

/// The roles groundtrack gives features, each with a shared style in the document.
const ROLES: [&str; 12] = [
    "launch",
    "reference",
    "reading",
    "estimate",
    "overflight",
    "track",
    "region",
    "ring",
    "land",
    "impact",
    "trajectory",
    "apogee",
];

/// `#rrggbb` and an opacity to KML's `aabbggrr`.
fn kml_color(hex: &str, alpha: f64) -> String {
    let h = hex.trim_start_matches('#');
    let (r, g, b) = (h.get(0..2).unwrap_or("00"), h.get(2..4).unwrap_or("00"), h.get(4..6).unwrap_or("00"));
    format!("{:02x}{b}{g}{r}", (alpha.clamp(0.0, 1.0) * 255.0).round() as u8)
}

/// The shared `<Style>` of a role and kind, written element by element so that the children come in the order of
/// the KML 2.2 schema (OGC 07-147r2): `Style` (sec. 12.2) holds `IconStyle`, `LabelStyle`, `LineStyle`,
/// `PolyStyle` in that order; each is a ColorStyle (sec. 12.7), whose `color` and `colorMode` come before the
/// sub-type's own elements: `scale`, `heading`, `Icon` for IconStyle (sec. 12.8), `scale` for LabelStyle
/// (sec. 12.10), `width` for LineStyle (sec. 12.11), `fill`, `outline` for PolyStyle (sec. 12.12). (The `kml`
/// crate's `Style` writes IconStyle's `scale` and `heading` before `color`, which strict validators reject.)
fn style_of(role: &str, kind: Kind, minor: bool) -> Element {
    let s = style_for(role, kind, minor);
    let id = format!("{role}-{}{}", kind_name(kind), if minor { "-minor" } else { "" });
    let leaf = |name: &str, text: String| element(name, Some(text), &[], vec![]);
    let color_style = |name: &str, color: String, own: Vec<Element>| {
        let mut children = vec![leaf("color", color), leaf("colorMode", "normal".into())];
        children.extend(own);
        element(name, None, &[], children)
    };
    let scale = if role == "launch" || role == "estimate" { 1.2 } else { 0.9 };
    let href = "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png";
    element(
        "Style",
        None,
        &[("id", &id)],
        vec![
            color_style(
                "IconStyle",
                kml_color(s.fill.unwrap_or(s.stroke), 1.0),
                vec![
                    leaf("scale", scale.to_string()),
                    leaf("heading", "0".into()),
                    element("Icon", None, &[], vec![leaf("href", href.into())]),
                ],
            ),
            color_style("LabelStyle", "ffffffff".into(), vec![leaf("scale", "0.9".into())]),
            color_style(
                "LineStyle",
                kml_color(s.stroke, if role == "land" { 0.6 } else { 1.0 }),
                vec![leaf("width", s.width.max(1.0).to_string())],
            ),
            color_style(
                "PolyStyle",
                kml_color(s.fill.unwrap_or(s.stroke), 0.35),
                vec![leaf("fill", "1".into()), leaf("outline", "1".into())],
            ),
        ],
    )
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Point => "point",
        Kind::Line => "line",
        Kind::Area => "area",
    }
}

fn kind_of(v: &GeometryValue) -> Kind {
    match v {
        GeometryValue::Point { .. } | GeometryValue::MultiPoint { .. } => Kind::Point,
        GeometryValue::Polygon { .. } | GeometryValue::MultiPolygon { .. } => Kind::Area,
        _ => Kind::Line,
    }
}

fn coord(p: &Position) -> Coord<f64> {
    let s = p.as_slice();
    Coord::new(s.first().copied().unwrap_or(0.0), s.get(1).copied().unwrap_or(0.0), s.get(2).copied())
}

fn has_z(ps: &[Position]) -> bool {
    ps.iter().any(|p| p.as_slice().len() > 2)
}

/// Lines and polygons on the ground are tessellated (they follow the terrain) and clamped to it; positions with
/// an altitude (trajectories) are absolute.
fn mode(z: bool) -> AltitudeMode {
    if z { AltitudeMode::Absolute } else { AltitudeMode::ClampToGround }
}

fn line(ps: &[Position]) -> LineString<f64> {
    let z = has_z(ps);
    LineString {
        coords: ps.iter().map(coord).collect(),
        tessellate: !z,
        altitude_mode: mode(z),
        ..LineString::default()
    }
}

fn polygon(rings: &[Vec<Position>]) -> Polygon<f64> {
    let ring = |ps: &Vec<Position>| {
        let z = has_z(ps);
        LinearRing {
            coords: ps.iter().map(coord).collect(),
            tessellate: !z,
            altitude_mode: mode(z),
            ..LinearRing::default()
        }
    };
    let outer = rings.first().map(ring).unwrap_or_default();
    let z = rings.first().is_some_and(|r| has_z(r));
    Polygon {
        outer,
        inner: rings.iter().skip(1).map(ring).collect(),
        tessellate: !z,
        altitude_mode: mode(z),
        ..Polygon::default()
    }
}

fn point(p: &Position) -> Point<f64> {
    let z = p.as_slice().len() > 2;
    Point { coord: coord(p), altitude_mode: mode(z), ..Point::default() }
}

fn geometry(v: &GeometryValue) -> Geometry<f64> {
    match v {
        GeometryValue::Point { coordinates } => Geometry::Point(point(coordinates)),
        GeometryValue::MultiPoint { coordinates } => Geometry::MultiGeometry(MultiGeometry::new(
            coordinates.iter().map(|p| Geometry::Point(point(p))).collect(),
        )),
        GeometryValue::LineString { coordinates } => Geometry::LineString(line(coordinates)),
        GeometryValue::MultiLineString { coordinates } => Geometry::MultiGeometry(MultiGeometry::new(
            coordinates.iter().map(|l| Geometry::LineString(line(l))).collect(),
        )),
        GeometryValue::Polygon { coordinates } => Geometry::Polygon(polygon(coordinates)),
        GeometryValue::MultiPolygon { coordinates } => Geometry::MultiGeometry(MultiGeometry::new(
            coordinates.iter().map(|p| Geometry::Polygon(polygon(p))).collect(),
        )),
        GeometryValue::GeometryCollection { geometries } => Geometry::MultiGeometry(MultiGeometry::new(
            geometries.iter().map(|g| geometry(&g.value)).collect(),
        )),
    }
}

fn element(name: &str, content: Option<String>, attrs: &[(&str, &str)], children: Vec<Element>) -> Element {
    Element {
        name: name.into(),
        attrs: attrs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        content,
        children,
    }
}

fn value_text(v: &serde_json::Value) -> String {
    super::csv_export::property_text(v)
}

/// Writes a FeatureCollection as a KML 2.2 document (text, UTF-8, with the XML declaration).
///
/// Inputs: the collection (as groundtrack writes it: features with `role` and `name`); the document's name.
/// Output: a `<kml>` with one `<Document>` holding a shared `<Style>` per role and geometry kind in use (colours
/// as on the maps) and one `<Placemark>` per feature: its `name`, a `styleUrl`, every property as `<ExtendedData>`,
/// and the geometry. Lines and polygons without altitudes are `tessellate`d and `clampToGround` (they follow the
/// ground, as a ground track does); positions with an altitude (trajectories) use `absolute` altitude (metres
/// above the geoid/sea level, KML 2.2 sec. 10.1.3.1 "altitudeMode"). Multi-geometries become
/// `<MultiGeometry>`. Coordinates are `lon,lat[,alt]` as in GeoJSON.
///
/// # Errors
/// [`Error::Invalid`] if the `kml` crate cannot serialise the document.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::output::{feature_collection, point_feature};
/// let mut p = serde_json::Map::new();
/// p.insert("role".into(), "launch".into());
/// p.insert("name".into(), "Sunan".into());
/// let fc = feature_collection(vec![point_feature(Point::new(125.67, 39.22389), p)]);
/// let kml = groundtrack::output::kml::to_kml(&fc, "test").unwrap();
/// assert!(kml.starts_with("<?xml"));
/// assert!(kml.contains("<name>Sunan</name>") && kml.contains("<coordinates>125.67,39.22389</coordinates>"));
/// assert!(kml.contains("<styleUrl>#launch-point</styleUrl>"));
/// ```
pub fn to_kml(fc: &FeatureCollection, name: &str) -> Result<String> {
    let mut elements: Vec<Kml<f64>> = vec![Kml::Element(element("name", Some(name.into()), &[], vec![]))];
    let mut styles: Vec<String> = Vec::new();
    let mut placemarks: Vec<Kml<f64>> = Vec::new();
    for f in &fc.features {
        let Some(g) = &f.geometry else { continue };
        let role = f.property("role").and_then(|v| v.as_str()).unwrap_or("feature");
        let role = if ROLES.contains(&role) { role } else { "feature" };
        let minor = role == "track" && f.contains_property("kind");
        let kind = kind_of(&g.value);
        let minor = minor && kind == Kind::Line;
        let style = format!("#{role}-{}{}", kind_name(kind), if minor { "-minor" } else { "" });
        if !styles.contains(&style) {
            styles.push(style.clone());
            elements.push(Kml::Element(style_of(role, kind, minor)));
        }
        let data: Vec<Element> = f
            .properties
            .iter()
            .flatten()
            .map(|(k, v)| {
                element(
                    "Data",
                    None,
                    &[("name", k)],
                    vec![element("value", Some(value_text(v)), &[], vec![])],
                )
            })
            .collect();
        let mut children = vec![element("styleUrl", Some(style), &[], vec![])];
        if !data.is_empty() {
            children.push(element("ExtendedData", None, &[], data));
        }
        placemarks.push(Kml::Placemark(Placemark {
            name: f
                .property("name")
                .and_then(|v| v.as_str().map(str::to_string).or_else(|| Some(value_text(v)))),
            geometry: Some(geometry(&g.value)),
            children,
            ..Placemark::default()
        }));
    }
    elements.extend(placemarks);
    kml_text(&kml_root(elements))
}

/// The `<kml xmlns="...">` root ([`KML_NAMESPACE`]) holding one `<Document>` with `elements`.
pub(crate) fn kml_root(elements: Vec<Kml<f64>>) -> Kml<f64> {
    Kml::KmlDocument(KmlDocument {
        attrs: HashMap::from([("xmlns".to_string(), KML_NAMESPACE.to_string())]),
        elements: vec![Kml::Document { attrs: HashMap::new(), elements }],
        ..KmlDocument::default()
    })
}

/// The text of a KML document: the XML declaration, the document, a newline.
///
/// # Errors
/// [`Error::Invalid`] ("KML output") if the `kml` crate cannot write the document.
pub(crate) fn kml_text(doc: &Kml<f64>) -> Result<String> {
    let mut buf: Vec<u8> = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".to_vec();
    KmlWriter::from_writer(&mut buf)
        .write(doc)
        .map_err(|e| Error::Invalid { what: "KML output".into(), message: e.to_string() })?;
    buf.push(b'\n');
    String::from_utf8(buf).map_err(|e| Error::Invalid { what: "KML output".into(), message: e.to_string() })
}

fn position(c: &Coord<f64>) -> Position {
    match c.z {
        Some(z) => Position::from(vec![c.x, c.y, z]),
        None => Position::from(vec![c.x, c.y]),
    }
}

fn value_from_kml(g: &Geometry<f64>) -> Option<GeometryValue> {
    let ring = |r: &LinearRing<f64>| r.coords.iter().map(position).collect::<Vec<_>>();
    Some(match g {
        Geometry::Point(p) => GeometryValue::Point { coordinates: position(&p.coord) },
        Geometry::LineString(l) => {
            GeometryValue::LineString { coordinates: l.coords.iter().map(position).collect() }
        }
        Geometry::LinearRing(r) => GeometryValue::LineString { coordinates: ring(r) },
        Geometry::Polygon(p) => GeometryValue::Polygon {
            coordinates: std::iter::once(&p.outer).chain(&p.inner).map(ring).collect(),
        },
        Geometry::MultiGeometry(m) => {
            let parts: Vec<GeometryValue> = m.geometries.iter().filter_map(value_from_kml).collect();
            let points = all_of(&parts, |v| match v {
                GeometryValue::Point { coordinates } => Some(coordinates),
                _ => None,
            });
            let lines = all_of(&parts, |v| match v {
                GeometryValue::LineString { coordinates } => Some(coordinates),
                _ => None,
            });
            let polygons = all_of(&parts, |v| match v {
                GeometryValue::Polygon { coordinates } => Some(coordinates),
                _ => None,
            });
            match (points, lines, polygons) {
                (Some(p), _, _) if !p.is_empty() => GeometryValue::MultiPoint { coordinates: p },
                (_, Some(l), _) if !l.is_empty() => GeometryValue::MultiLineString { coordinates: l },
                (_, _, Some(p)) if !p.is_empty() => GeometryValue::MultiPolygon { coordinates: p },
                _ => GeometryValue::GeometryCollection {
                    geometries: parts.into_iter().map(geojson::Geometry::new).collect(),
                },
            }
        }
        _ => return None,
    })
}

/// The coordinates `pick` finds in every one of `parts`, or `None` when one part is of another kind.
fn all_of<'a, T: Clone + 'a>(
    parts: &'a [GeometryValue],
    pick: impl Fn(&'a GeometryValue) -> Option<&'a T>,
) -> Option<Vec<T>> {
    parts.iter().map(|v| pick(v).cloned()).collect()
}

fn collect_placemarks(k: &Kml<f64>, out: &mut Vec<geojson::Feature>) {
    match k {
        Kml::KmlDocument(d) => d.elements.iter().for_each(|e| collect_placemarks(e, out)),
        Kml::Document { elements, .. } => elements.iter().for_each(|e| collect_placemarks(e, out)),
        Kml::Folder(f) => f.elements.iter().for_each(|e| collect_placemarks(e, out)),
        Kml::Placemark(p) => {
            let mut props = serde_json::Map::new();
            for data in p.children.iter().filter(|c| c.name == "ExtendedData").flat_map(|c| &c.children) {
                let Some(key) = data.attrs.get("name") else { continue };
                let text = data
                    .children
                    .iter()
                    .find(|c| c.name == "value")
                    .and_then(|v| v.content.clone())
                    .unwrap_or_default();
                props.insert(key.clone(), super::csv_export::property_value(&text));
            }
            if let Some(name) = &p.name {
                props.entry("name").or_insert_with(|| name.clone().into());
            }
            out.push(geojson::Feature {
                bbox: None,
                geometry: p.geometry.as_ref().and_then(value_from_kml).map(geojson::Geometry::new),
                id: None,
                properties: Some(props),
                foreign_members: None,
            });
        }
        _ => {}
    }
}

/// Reads a KML document (as [`to_kml`] writes, or any KML with Placemarks) back into a FeatureCollection.
///
/// Each Placemark becomes a feature: its `<ExtendedData><Data name=..><value>` pairs become properties
/// ([`property_value`](super::csv_export::property_value): numbers, booleans, arrays and objects parsed back
/// from their JSON text, a JSON-quoted string such as `"408"` unquoted, anything else a string), its
/// `<name>` the `name` property if none came from the data, and its geometry the GeoJSON geometry (altitudes
/// kept as third coordinates; a MultiGeometry of one kind becomes the Multi- type). Folders are entered.
///
/// # Errors
/// [`Error::Invalid`] for text that is not KML.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::output::{feature_collection, point_feature};
/// use groundtrack::output::kml::{from_kml, to_kml};
/// let mut p = serde_json::Map::new();
/// p.insert("role".into(), "launch".into());
/// p.insert("name".into(), "Sunan".into());
/// p.insert("range_km".into(), 12.5.into());
/// let fc = feature_collection(vec![point_feature(Point::new(125.67, 39.22389), p)]);
/// let back = from_kml(&to_kml(&fc, "t").unwrap()).unwrap();
/// assert_eq!(back, fc);
/// assert!(from_kml("<nonsense").is_err());
/// ```
pub fn from_kml(text: &str) -> Result<FeatureCollection> {
    let k: Kml<f64> = text
        .parse()
        .map_err(|e: kml::Error| Error::Invalid { what: "KML input".into(), message: e.to_string() })?;
    let mut features = Vec::new();
    collect_placemarks(&k, &mut features);
    Ok(super::feature_collection(features))
}
