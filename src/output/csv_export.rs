//! CSV with a WKT geometry column (one row per feature), through the `csv` and `wkt` crates: QGIS ("Delimited
//! Text", geometry definition WKT) and kepler.gl read it.

use geojson::{FeatureCollection, GeometryValue, Position};
use serde_json::Value;
use wkt::Wkt;
use wkt::types::{Coord, Dimension, LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon};

use crate::{Error, Result};

/// The fixed leading columns; the properties of the features follow, in the order first met.
pub const CSV_COLUMNS: [&str; 7] = ["role", "name", "geometry", "lat", "lon", "alt_m", "wkt"];

fn coord(p: &Position) -> Coord<f64> {
    let s = p.as_slice();
    Coord {
        x: s.first().copied().unwrap_or(0.0),
        y: s.get(1).copied().unwrap_or(0.0),
        z: s.get(2).copied(),
        m: None,
    }
}

fn dim_of<'a>(mut ps: impl Iterator<Item = &'a Position>) -> Dimension {
    if ps.any(|p| p.as_slice().len() > 2) { Dimension::XYZ } else { Dimension::XY }
}

/// Every coordinate gets a z when any has one (WKT wants one dimension per geometry); a missing z is 0.
fn coords(ps: &[Position], dim: Dimension) -> Vec<Coord<f64>> {
    ps.iter()
        .map(|p| {
            let mut c = coord(p);
            if dim == Dimension::XYZ && c.z.is_none() {
                c.z = Some(0.0);
            }
            c
        })
        .collect()
}

fn polygon(rings: &[Vec<Position>], dim: Dimension) -> Polygon<f64> {
    Polygon::new(rings.iter().map(|r| LineString::new(coords(r, dim), dim)).collect(), dim)
}

/// The WKT (OGC 06-103r4 Simple Features, sec. 7) of a GeoJSON geometry; `Z` variants when positions carry an
/// altitude.
///
/// # Example
/// ```
/// use geojson::{GeometryValue, Position};
/// let line = GeometryValue::LineString { coordinates: vec![Position::from(vec![125.67, 39.2]), Position::from(vec![143.2, 41.9])] };
/// assert_eq!(groundtrack::output::csv_export::wkt_of(&line), "LINESTRING(125.67 39.2,143.2 41.9)");
/// ```
pub fn wkt_of(v: &GeometryValue) -> String {
    let w: Wkt<f64> = match v {
        GeometryValue::Point { coordinates } => {
            let dim = dim_of(std::iter::once(coordinates));
            Wkt::Point(Point::new(coords(std::slice::from_ref(coordinates), dim).pop(), dim))
        }
        GeometryValue::MultiPoint { coordinates } => {
            let dim = dim_of(coordinates.iter());
            Wkt::MultiPoint(MultiPoint::new(
                coords(coordinates, dim).into_iter().map(|c| Point::new(Some(c), dim)).collect(),
                dim,
            ))
        }
        GeometryValue::LineString { coordinates } => {
            let dim = dim_of(coordinates.iter());
            Wkt::LineString(LineString::new(coords(coordinates, dim), dim))
        }
        GeometryValue::MultiLineString { coordinates } => {
            let dim = dim_of(coordinates.iter().flatten());
            Wkt::MultiLineString(MultiLineString::new(
                coordinates.iter().map(|l| LineString::new(coords(l, dim), dim)).collect(),
                dim,
            ))
        }
        GeometryValue::Polygon { coordinates } => {
            let dim = dim_of(coordinates.iter().flatten());
            Wkt::Polygon(polygon(coordinates, dim))
        }
        GeometryValue::MultiPolygon { coordinates } => {
            let dim = dim_of(coordinates.iter().flatten().flatten());
            Wkt::MultiPolygon(MultiPolygon::new(coordinates.iter().map(|p| polygon(p, dim)).collect(), dim))
        }
        GeometryValue::GeometryCollection { geometries } => {
            return format!(
                "GEOMETRYCOLLECTION({})",
                geometries.iter().map(|g| wkt_of(&g.value)).collect::<Vec<_>>().join(",")
            );
        }
    };
    w.to_string()
}

fn cell(v: Option<&Value>) -> String {
    v.map(property_text).unwrap_or_default()
}

/// The text of a property value in a text-only format (a CSV cell, a KML `<value>`, a `key=value` pair of a GPX
/// description), such that [`property_value`] gives the value back.
///
/// Input: a JSON value. Output: a string is written as it is, unless its text would read back as something else
/// (it is JSON: a number such as the `iso_n3` code `"408"`, `true`, `null`, an array, or a quoted string); then it
/// is written as a JSON string literal (`"408"` in quotes), which reads back as the string. A code with a leading
/// zero (`"004"`) is no JSON number and stays unquoted. Numbers and booleans are written as JSON writes them,
/// arrays and objects as JSON text, null as the empty string.
///
/// # Example
/// ```
/// use groundtrack::output::csv_export::{property_text, property_value};
/// use serde_json::json;
/// assert_eq!(property_text(&json!("408")), "\"408\"");
/// assert_eq!(property_text(&json!("004")), "004");
/// assert_eq!(property_text(&json!(408)), "408");
/// for v in [json!("408"), json!("004"), json!(408), json!("Sunan"), json!(true), json!("true"), json!([1, 2])] {
///     assert_eq!(property_value(&property_text(&v)), v);
/// }
/// ```
pub fn property_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) if serde_json::from_str::<Value>(s).is_ok() => Value::String(s.clone()).to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The value of a property's text as [`property_text`] writes it: JSON numbers, booleans, arrays and objects are
/// parsed, a JSON string literal (`"408"` in quotes) gives the string inside, any other text (`004`, `Sunan`,
/// `null`) is the string itself.
///
/// # Example
/// ```
/// use groundtrack::output::csv_export::property_value;
/// assert_eq!(property_value("408"), 408);
/// assert_eq!(property_value("\"408\""), "408");
/// assert_eq!(property_value("004"), "004");
/// ```
pub fn property_value(text: &str) -> Value {
    match serde_json::from_str::<Value>(text) {
        Ok(
            v @ (Value::Number(_) | Value::Bool(_) | Value::Array(_) | Value::Object(_) | Value::String(_)),
        ) => v,
        _ => Value::String(text.to_string()),
    }
}

fn type_name(v: &GeometryValue) -> &'static str {
    match v {
        GeometryValue::Point { .. } => "Point",
        GeometryValue::MultiPoint { .. } => "MultiPoint",
        GeometryValue::LineString { .. } => "LineString",
        GeometryValue::MultiLineString { .. } => "MultiLineString",
        GeometryValue::Polygon { .. } => "Polygon",
        GeometryValue::MultiPolygon { .. } => "MultiPolygon",
        GeometryValue::GeometryCollection { .. } => "GeometryCollection",
    }
}

/// Writes a FeatureCollection as CSV: one row per feature.
///
/// Columns: [`CSV_COLUMNS`] (`role`, `name`, `geometry` = the GeoJSON type, `lat`, `lon` and `alt_m` for
/// points and empty otherwise, `wkt` for every geometry), then one column per property key met in the
/// features (the figures: `range_km`, `radius_km`, ...) in the order first met. Cells are [`property_text`]:
/// strings as they are (a string that reads as JSON, such as the code `"408"`, in JSON quotes, so that it comes
/// back a string), numbers and booleans as JSON writes them, arrays and objects as JSON text, nulls as empty
/// cells. The header row is always written.
///
/// # Errors
/// [`Error::Invalid`] if the csv writer fails.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::output::{feature_collection, point_feature};
/// let mut p = serde_json::Map::new();
/// p.insert("role".into(), "launch".into());
/// p.insert("name".into(), "Sunan".into());
/// p.insert("range_km".into(), 2700.0.into());
/// let fc = feature_collection(vec![point_feature(Point::new(125.67, 39.22389), p)]);
/// let text = groundtrack::output::csv_export::to_csv(&fc).unwrap();
/// assert_eq!(text, "role,name,geometry,lat,lon,alt_m,wkt,range_km\nlaunch,Sunan,Point,39.22389,125.67,,POINT(125.67 39.22389),2700.0\n");
/// ```
pub fn to_csv(fc: &FeatureCollection) -> Result<String> {
    let mut keys: Vec<String> = Vec::new();
    for f in &fc.features {
        for k in f.properties.iter().flatten().map(|(k, _)| k) {
            if k != "role" && k != "name" && !keys.contains(k) {
                keys.push(k.clone());
            }
        }
    }
    let err = |e: csv::Error| Error::Invalid { what: "CSV output".into(), message: e.to_string() };
    let mut w = csv::Writer::from_writer(Vec::new());
    let header: Vec<&str> = CSV_COLUMNS.iter().copied().chain(keys.iter().map(String::as_str)).collect();
    w.write_record(&header).map_err(err)?;
    for f in &fc.features {
        let (geometry, lat, lon, alt, wkt) = match &f.geometry {
            Some(g) => {
                let (lat, lon, alt) = match &g.value {
                    GeometryValue::Point { coordinates } => {
                        let s = coordinates.as_slice();
                        let num = |i: usize| s.get(i).map(|v| v.to_string()).unwrap_or_default();
                        (num(1), num(0), num(2))
                    }
                    _ => (String::new(), String::new(), String::new()),
                };
                (type_name(&g.value).to_string(), lat, lon, alt, wkt_of(&g.value))
            }
            None => Default::default(),
        };
        let mut row = vec![cell(f.property("role")), cell(f.property("name")), geometry, lat, lon, alt, wkt];
        row.extend(keys.iter().map(|k| cell(f.property(k))));
        w.write_record(&row).map_err(err)?;
    }
    let bytes =
        w.into_inner().map_err(|e| Error::Invalid { what: "CSV output".into(), message: e.to_string() })?;
    String::from_utf8(bytes).map_err(|e| Error::Invalid { what: "CSV output".into(), message: e.to_string() })
}

fn position(c: &Coord<f64>) -> Position {
    match c.z {
        Some(z) => Position::from(vec![c.x, c.y, z]),
        None => Position::from(vec![c.x, c.y]),
    }
}

fn value_from_wkt(w: &Wkt<f64>) -> Option<GeometryValue> {
    let line = |l: &LineString<f64>| l.coords().iter().map(position).collect::<Vec<_>>();
    let poly = |p: &Polygon<f64>| p.rings().iter().map(line).collect::<Vec<_>>();
    Some(match w {
        Wkt::Point(p) => GeometryValue::Point { coordinates: position(p.coord()?) },
        Wkt::MultiPoint(m) => GeometryValue::MultiPoint {
            coordinates: m.points().iter().filter_map(|p| p.coord().map(position)).collect(),
        },
        Wkt::LineString(l) => GeometryValue::LineString { coordinates: line(l) },
        Wkt::MultiLineString(m) => {
            GeometryValue::MultiLineString { coordinates: m.line_strings().iter().map(line).collect() }
        }
        Wkt::Polygon(p) => GeometryValue::Polygon { coordinates: poly(p) },
        Wkt::MultiPolygon(m) => {
            GeometryValue::MultiPolygon { coordinates: m.polygons().iter().map(poly).collect() }
        }
        Wkt::GeometryCollection(c) => GeometryValue::GeometryCollection {
            geometries: c
                .geometries()
                .iter()
                .filter_map(value_from_wkt)
                .map(geojson::Geometry::new)
                .collect(),
        },
    })
}

/// Reads CSV with a `wkt` column (as [`to_csv`] writes) into a FeatureCollection.
///
/// Each row is a feature whose geometry is its `wkt` cell (rows without one, or with only `lat`/`lon`, get a
/// Point from those); `role`, `name` and every column other than `geometry`, `lat`, `lon`, `alt_m` and `wkt`
/// become properties, empty cells left out, the others read by [`property_value`] (numbers, booleans and JSON
/// arrays/objects parsed back, a JSON-quoted string unquoted, any other text a string).
///
/// # Errors
/// [`Error::Invalid`] naming the row for malformed CSV or WKT, or a row without geometry.
///
/// # Example
/// ```
/// use groundtrack::output::csv_export::{from_csv, to_csv};
/// let text = "role,name,wkt,range_km\ntrack,t,\"LINESTRING(125.67 39.2,143.2 41.9)\",2700\n";
/// let fc = from_csv(text).unwrap();
/// assert_eq!(fc.features[0].property("range_km").unwrap(), 2700);
/// assert_eq!(from_csv(&to_csv(&fc).unwrap()).unwrap(), fc);
/// ```
pub fn from_csv(text: &str) -> Result<FeatureCollection> {
    let mut r = csv::ReaderBuilder::new().flexible(false).from_reader(text.as_bytes());
    let bad = |row: usize, m: String| Error::Invalid { what: format!("CSV input, row {row}"), message: m };
    let headers = r.headers().map_err(|e| bad(1, e.to_string()))?.clone();
    let mut features = Vec::new();
    for (i, rec) in r.records().enumerate() {
        let row = i + 2;
        let rec = rec.map_err(|e| bad(row, e.to_string()))?;
        let get =
            |k: &str| headers.iter().position(|h| h == k).and_then(|j| rec.get(j)).filter(|s| !s.is_empty());
        let value = match (get("wkt"), get("lat"), get("lon")) {
            (Some(w), _, _) => {
                let parsed: Wkt<f64> = w.parse().map_err(|e: &str| bad(row, format!("WKT: {e}")))?;
                value_from_wkt(&parsed).ok_or_else(|| bad(row, "empty WKT geometry".into()))?
            }
            (None, Some(lat), Some(lon)) => {
                let num = |s: &str| s.parse::<f64>().map_err(|e| bad(row, format!("{s}: {e}")));
                GeometryValue::Point { coordinates: Position::from(vec![num(lon)?, num(lat)?]) }
            }
            _ => return Err(bad(row, "has neither wkt nor lat and lon".into())),
        };
        let mut props = serde_json::Map::new();
        for (h, v) in headers.iter().zip(rec.iter()) {
            if v.is_empty() || ["geometry", "lat", "lon", "alt_m", "wkt"].contains(&h) {
                continue;
            }
            let v = if h == "role" || h == "name" { Value::String(v.to_string()) } else { property_value(v) };
            props.insert(h.to_string(), v);
        }
        features.push(geojson::Feature {
            bbox: None,
            geometry: Some(geojson::Geometry::new(value)),
            id: None,
            properties: Some(props),
            foreign_members: None,
        });
    }
    Ok(super::feature_collection(features))
}
