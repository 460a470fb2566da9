//! Choosing an output format by name or file extension, and reading back any format groundtrack writes.

use std::path::Path;

use geojson::FeatureCollection;

use crate::{Error, Result};

/// Every format groundtrack writes a FeatureCollection in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// GeoJSON (RFC 7946), `.geojson` or `.json`.
    GeoJson,
    /// KML 2.2, `.kml`.
    Kml,
    /// GPX 1.1, `.gpx`.
    Gpx,
    /// CSV with a WKT column, `.csv`.
    Csv,
    /// SVG map picture, `.svg` (write only).
    Svg,
    /// PNG map picture, `.png` (write only).
    Png,
}

impl ExportFormat {
    /// The format of a name as given to `--format` (`geojson`, `kml`, `gpx`, `csv`, `svg`, `png`;
    /// case-insensitive; `json` is GeoJSON).
    ///
    /// # Example
    /// ```
    /// use groundtrack::output::ExportFormat;
    /// assert_eq!(ExportFormat::from_name("KML"), Some(ExportFormat::Kml));
    /// assert_eq!(ExportFormat::from_name("shp"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<ExportFormat> {
        Some(match name.to_ascii_lowercase().as_str() {
            "geojson" | "json" => ExportFormat::GeoJson,
            "kml" => ExportFormat::Kml,
            "gpx" => ExportFormat::Gpx,
            "csv" => ExportFormat::Csv,
            "svg" => ExportFormat::Svg,
            "png" => ExportFormat::Png,
            _ => return None,
        })
    }

    /// The format named by a path's extension, if it is one of the above.
    ///
    /// # Example
    /// ```
    /// use groundtrack::output::ExportFormat;
    /// assert_eq!(ExportFormat::from_path("out/track.GPX".as_ref()), Some(ExportFormat::Gpx));
    /// assert_eq!(ExportFormat::from_path("track".as_ref()), None);
    /// ```
    pub fn from_path(path: &Path) -> Option<ExportFormat> {
        ExportFormat::from_name(path.extension()?.to_str()?)
    }

    /// The format from an explicit name, else from the path's extension.
    ///
    /// # Errors
    /// [`Error::Invalid`] naming what was given and the formats accepted.
    ///
    /// # Example
    /// ```
    /// use groundtrack::output::ExportFormat;
    /// assert_eq!(ExportFormat::choose(Some("csv"), "x.kml".as_ref()).unwrap(), ExportFormat::Csv);
    /// assert_eq!(ExportFormat::choose(None, "x.kml".as_ref()).unwrap(), ExportFormat::Kml);
    /// assert!(ExportFormat::choose(None, "x.txt".as_ref()).is_err());
    /// ```
    pub fn choose(name: Option<&str>, path: &Path) -> Result<ExportFormat> {
        let accepted = "geojson, kml, gpx, csv, svg or png";
        match name {
            Some(n) => ExportFormat::from_name(n).ok_or_else(|| Error::Invalid {
                what: "--format".into(),
                message: format!("unknown format {n:?}; accepted: {accepted}"),
            }),
            None => ExportFormat::from_path(path).ok_or_else(|| Error::Invalid {
                what: path.display().to_string(),
                message: format!("cannot tell the format from the extension; use .geojson, .kml, .gpx, .csv, .svg or .png, or --format ({accepted})"),
            }),
        }
    }
}

/// Writes a FeatureCollection to `path` in `format`, atomically; `title` names the KML document, the GPX
/// metadata and the map.
///
/// # Errors
/// As the writer of each format; [`Error::Io`] naming the path if it cannot be written.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::output::{ExportFormat, feature_collection, point_feature, write_collection};
/// let dir = tempfile::tempdir().unwrap();
/// let fc = feature_collection(vec![point_feature(Point::new(125.67, 39.22389), serde_json::Map::new())]);
/// for f in ["a.geojson", "a.kml", "a.gpx", "a.csv"] {
///     let path = dir.path().join(f);
///     write_collection(&path, &fc, ExportFormat::from_path(&path).unwrap(), "test").unwrap();
///     assert!(std::fs::metadata(&path).unwrap().len() > 0);
/// }
/// ```
pub fn write_collection(
    path: &Path,
    fc: &FeatureCollection,
    format: ExportFormat,
    title: &str,
) -> Result<()> {
    let bytes = match format {
        ExportFormat::GeoJson => super::to_geojson_string(fc)?.into_bytes(),
        ExportFormat::Kml => super::kml::to_kml(fc, title)?.into_bytes(),
        ExportFormat::Gpx => super::gpx::to_gpx_string(fc, title)?.into_bytes(),
        ExportFormat::Csv => super::csv_export::to_csv(fc)?.into_bytes(),
        ExportFormat::Svg | ExportFormat::Png => {
            let options = crate::map::MapOptions { title: Some(title.to_string()), ..Default::default() };
            let mut fc = fc.clone();
            crate::map::add_land_stretches(&mut fc)?;
            let svg = crate::map::render(&fc, &options)?;
            if format == ExportFormat::Svg { svg.into_bytes() } else { crate::map::svg_to_png(&svg)? }
        }
    };
    super::write_atomic(path, &bytes)
}

/// Reads a FeatureCollection from text in a format groundtrack writes (GeoJSON, KML, GPX or CSV).
///
/// # Errors
/// [`Error::Invalid`] for SVG or PNG (pictures cannot be read back) or text that is not of the format.
///
/// # Example
/// ```
/// use groundtrack::output::{ExportFormat, read_collection};
/// let fc = read_collection(r#"{"type":"FeatureCollection","features":[]}"#, ExportFormat::GeoJson).unwrap();
/// assert!(fc.features.is_empty());
/// assert!(read_collection("", ExportFormat::Png).is_err());
/// ```
pub fn read_collection(text: &str, format: ExportFormat) -> Result<FeatureCollection> {
    let fc = match format {
        ExportFormat::GeoJson => text.parse().map_err(|e: geojson::Error| Error::Invalid {
            what: "GeoJSON input".into(),
            message: format!("not a FeatureCollection: {e}"),
        })?,
        ExportFormat::Kml => super::kml::from_kml(text)?,
        ExportFormat::Gpx => super::gpx::from_gpx(text)?,
        ExportFormat::Csv => super::csv_export::from_csv(text)?,
        ExportFormat::Svg | ExportFormat::Png => {
            return Err(Error::Invalid {
                what: "input".into(),
                message: "a map picture cannot be read back; convert from GeoJSON, KML, GPX, CSV or a report"
                    .into(),
            });
        }
    };
    check_positions(&fc)?;
    Ok(fc)
}

/// Checks that every position of every feature is a WGS84 longitude and latitude as RFC 7946 (sec. 3.1.1 and
/// 4) has them: finite, longitude in [-180, 180], latitude in [-90, 90]. Altitudes, when present, must be finite.
///
/// # Errors
/// [`Error::Invalid`] naming the feature (1-based, with its `name` property when it has one), the position
/// (1-based, in the order of the geometry's coordinates) and the bad value.
///
/// # Example
/// ```
/// use groundtrack::output::{ExportFormat, check_positions, read_collection};
/// let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"A"},
///   "geometry":{"type":"LineString","coordinates":[[0,0],[600,0]]}}]}"#;
/// let e = read_collection(text, ExportFormat::GeoJson).unwrap_err().to_string();
/// assert!(e.contains("feature 1 (A): position 2: longitude 600"), "{e}");
/// let ok = read_collection(r#"{"type":"FeatureCollection","features":[]}"#, ExportFormat::GeoJson).unwrap();
/// assert!(check_positions(&ok).is_ok());
/// ```
pub fn check_positions(fc: &FeatureCollection) -> Result<()> {
    for (i, f) in fc.features.iter().enumerate() {
        let Some(g) = &f.geometry else { continue };
        let mut k = 0usize;
        let mut bad: Option<String> = None;
        visit_positions(&g.value, &mut |p: &[f64]| {
            k += 1;
            if bad.is_some() {
                return;
            }
            let (lon, lat) = (p.first().copied().unwrap_or(f64::NAN), p.get(1).copied().unwrap_or(f64::NAN));
            // Huge values in scientific notation, not as hundreds of digits.
            let show = |v: f64| if v.abs() < 1e6 { format!("{v}") } else { format!("{v:e}") };
            bad = if !(lon.is_finite() && (-180.0..=180.0).contains(&lon)) {
                Some(format!("position {k}: longitude {} is not a number in [-180, 180]", show(lon)))
            } else if !(lat.is_finite() && (-90.0..=90.0).contains(&lat)) {
                Some(format!("position {k}: latitude {} is not a number in [-90, 90]", show(lat)))
            } else if p.iter().skip(2).any(|z| !z.is_finite()) {
                Some(format!("position {k}: altitude is not a finite number"))
            } else {
                None
            };
        });
        if let Some(message) = bad {
            let name =
                f.property("name").and_then(|v| v.as_str()).map(|n| format!(" ({n})")).unwrap_or_default();
            return Err(Error::Invalid {
                what: format!("feature {}{name}", i + 1),
                message: format!("{message} (RFC 7946: WGS84 longitude and latitude in degrees)"),
            });
        }
    }
    Ok(())
}

/// Calls `visit` on every position of a geometry, in the order of its coordinates.
fn visit_positions(g: &geojson::GeometryValue, visit: &mut impl FnMut(&[f64])) {
    use geojson::GeometryValue as V;
    match g {
        V::Point { coordinates } => visit(coordinates.as_slice()),
        V::MultiPoint { coordinates } | V::LineString { coordinates } => {
            coordinates.iter().for_each(|p| visit(p.as_slice()))
        }
        V::MultiLineString { coordinates } | V::Polygon { coordinates } => {
            coordinates.iter().flatten().for_each(|p| visit(p.as_slice()))
        }
        V::MultiPolygon { coordinates } => {
            coordinates.iter().flatten().flatten().for_each(|p| visit(p.as_slice()))
        }
        V::GeometryCollection { geometries } => {
            geometries.iter().for_each(|g| visit_positions(&g.value, visit))
        }
    }
}
