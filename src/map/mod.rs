//! Maps people can look at: SVG and PNG pictures of anything groundtrack writes as GeoJSON, drawn offline.
//!
//! - [`render`]: a FeatureCollection (features carry a `role` property: `launch`, `reference`, `reading`,
//!   `estimate`, `overflight`, `track`, `region`, `ring`, `land`...) as an SVG map: land and country borders
//!   (Natural Earth 1:50m, [`crate::land`]), a labelled graticule, the features styled by role, labelled points,
//!   a scale bar, a legend, a title and the credits.
//! - [`render_check`]: the map of a checked report, with the stretches over land.
//! - [`render_profile`]: altitude against downrange for a trajectory, apogee and overflights marked.
//! - [`svg_to_png`]: rasterises an SVG with `resvg`, using only the font shipped in `data/fonts` (no system
//!   fonts), so a PNG looks the same everywhere.
//! - [`write_picture`]: SVG or PNG by the file's extension, written atomically.
//!
//! Projection ([`Projection`]): azimuthal equidistant on the WGS84 ellipsoid centred on the launch point by
//! default (computed from the geodesic inverse problem, as GeographicLib's `AzimuthalEquidistant`), so range
//! rings about the launch are circles and distances from it are true; equirectangular for small areas. The extent
//! fits every feature with a margin.

mod draw;
mod frame;
mod png;
mod profile;
mod projection;
pub(crate) mod style;

use std::path::Path;

use geo_types::Point;
use geojson::FeatureCollection;

pub use png::{FONT_DATA, svg_to_png};
pub use profile::{ProfileChart, ProfileMark, ProfilePoint, flight_profile, render_profile};
pub use projection::{Projection, ProjectionKind};

/// Why a map could not be drawn or written.
#[derive(Debug, thiserror::Error)]
pub enum MapError {
    /// Nothing to draw: the collection has no geometry and no centre was given.
    #[error("nothing to draw: the GeoJSON has no features with geometry (give a centre or some features)")]
    Empty,
    /// The centre or a point could not be projected.
    #[error(transparent)]
    Geodesy(#[from] crate::geodesy::GeodesyError),
    /// The land outlines could not be read.
    #[error(transparent)]
    Land(#[from] crate::land::LandError),
    /// The SVG could not be rasterised.
    #[error("PNG rendering: {0}")]
    Png(String),
    /// A picture format other than SVG or PNG, or a chart without data.
    #[error("{what}: {message}")]
    Invalid {
        /// Which input.
        what: String,
        /// What is wrong and what would be accepted.
        message: String,
    },
}

/// How a map is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct MapOptions {
    /// Projection (default: azimuthal equidistant).
    pub projection: ProjectionKind,
    /// Centre of the projection (lon, lat degrees); default: the `launch` feature, else the first position.
    pub center: Option<Point<f64>>,
    /// Width of the picture in pixels (300 to 8000; default 1200). The height follows the extent.
    pub width_px: u32,
    /// Margin around the features, as a fraction of their span on each side (default 0.12).
    pub margin: f64,
    /// Title at the top (default "groundtrack map").
    pub title: Option<String>,
    /// A second line under the title.
    pub subtitle: Option<String>,
    /// Extra credit lines at the bottom (the report's sources); land data and projection are always credited.
    pub credits: Vec<String>,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions {
            projection: ProjectionKind::AzimuthalEquidistant,
            center: None,
            width_px: 1200,
            margin: 0.12,
            title: None,
            subtitle: None,
            credits: Vec::new(),
        }
    }
}

/// Draws a FeatureCollection as an SVG map (the document's text).
///
/// Inputs: any FeatureCollection groundtrack wrote (features without a `role` are drawn plainly; features
/// without geometry are skipped); the options. Output: an SVG 1.1 document. Its structure, which tests read:
/// `<g id="map">` holds the sea, `<g id="land">` (one `<path class="land" data-name=COUNTRY>` per country in
/// view), `<g id="borders">`, `<g id="graticule">` and `<g id="features">`; every point is a
/// `<path class="marker" data-role=.. data-name=.. data-px="x y">`; `<g id="scale-bar" data-metres-per-px=..>`,
/// `<g id="legend">`, `<text id="title">` and `<g id="credits">` follow.
///
/// # Errors
/// [`MapError::Empty`] when there is nothing to centre on; [`MapError::Geodesy`] for an invalid centre;
/// [`MapError::Land`] if the land outlines cannot be read; [`MapError::Invalid`] naming the feature and position
/// of a coordinate that is not a WGS84 longitude and latitude ([`crate::output::check_positions`]).
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::map::{MapOptions, render};
/// use groundtrack::output::{feature_collection, point_feature};
/// let mut props = serde_json::Map::new();
/// props.insert("role".into(), "launch".into());
/// props.insert("name".into(), "Sunan".into());
/// let fc = feature_collection(vec![point_feature(Point::new(125.67, 39.22389), props)]);
/// let svg = render(&fc, &MapOptions::default()).unwrap();
/// assert!(svg.contains(r#"data-role="launch""#));
/// assert!(svg.contains(r#"data-name="North Korea""#));
/// ```
pub fn render(fc: &FeatureCollection, options: &MapOptions) -> Result<String, MapError> {
    crate::output::check_positions(fc).map_err(|e| match e {
        crate::Error::Invalid { what, message } => MapError::Invalid { what, message },
        other => MapError::Invalid { what: "features".into(), message: other.to_string() },
    })?;
    draw::render(fc, options)
}

/// Draws a FeatureCollection that groundtrack wrote, with the land stretches of its tracks, under a title, and
/// writes it as SVG or PNG by the file's extension (atomically): the `--map PATH` of `track`, `ring` and `fly`.
///
/// # Errors
/// As [`render`] and [`write_picture`].
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::output::{feature_collection, point_feature};
/// let mut props = serde_json::Map::new();
/// props.insert("role".into(), "launch".into());
/// props.insert("name".into(), "Sunan".into());
/// let fc = feature_collection(vec![point_feature(Point::new(125.67, 39.22389), props)]);
/// let dir = tempfile::tempdir().unwrap();
/// groundtrack::map::write_map(&dir.path().join("m.svg"), &fc, "A launch site").unwrap();
/// let svg = std::fs::read_to_string(dir.path().join("m.svg")).unwrap();
/// assert!(svg.contains("<svg") && svg.contains("A launch site"));
/// ```
pub fn write_map(path: &Path, fc: &FeatureCollection, title: &str) -> crate::Result<()> {
    let mut fc = fc.clone();
    add_land_stretches(&mut fc)?;
    let svg = render(&fc, &MapOptions { title: Some(title.to_string()), ..MapOptions::default() })?;
    write_picture(path, &svg, None)
}

/// Draws the map of a checked report: its GeoJSON ([`crate::output::check_geojson::feature_collection_of`])
/// plus the stretches of the launch-to-estimate track over land ([`crate::land::overflights`]), titled with
/// the report's name and credited with its sources.
///
/// # Errors
/// As [`render`]; [`MapError::Invalid`] if the report's geometry cannot be built.
///
/// # Example
/// ```
/// use groundtrack::places::Gazetteer;
/// use groundtrack::report::{CheckOptions, ReportFile, check_report};
/// let file = ReportFile::load("data/scenarios/2017-08-29-hwasong-12.toml".as_ref()).unwrap();
/// let report = check_report(&file, Gazetteer::embedded(), &CheckOptions::default()).unwrap();
/// let svg = groundtrack::map::render_check(&report, &Default::default()).unwrap();
/// assert!(svg.contains("2017-08-29 Hwasong-12 over Hokkaido"));
/// assert!(svg.contains(r#"data-role="land""#));
/// ```
pub fn render_check(report: &crate::report::CheckReport, options: &MapOptions) -> Result<String, MapError> {
    let invalid =
        |e: crate::Error| MapError::Invalid { what: "report geometry".into(), message: e.to_string() };
    let fc = crate::output::check_geojson::feature_collection_of(report).map_err(invalid)?;
    // The check's GeoJSON already holds the stretches over land of the launch-to-estimate track (role `land`).
    let stretches = &report.land;
    let mut o = options.clone();
    if o.title.is_none() {
        o.title = Some(report.name.clone());
    }
    if o.subtitle.is_none() {
        let b = &report.region.best;
        let over: Vec<String> = stretches.iter().map(|s| s.country.clone()).fold(Vec::new(), |mut v, c| {
            if !v.contains(&c) {
                v.push(c);
            }
            v
        });
        o.subtitle = Some(format!(
            "check: {}; best estimate {:.2}°{} {:.2}°{}, {:.0} km from {}; over land: {}",
            report.verdict.as_str(),
            b.lat.abs(),
            if b.lat < 0.0 { "S" } else { "N" },
            b.lon.abs(),
            if b.lon < 0.0 { "W" } else { "E" },
            b.range_km,
            report.launch.name,
            if over.is_empty() { "none".to_string() } else { over.join(", ") }
        ));
    }
    if o.credits.is_empty() {
        o.credits = report.sources.iter().map(|s| format!("Source: {s}")).collect();
    }
    render(&fc, &o)
}

/// Adds the stretches over land of each main track of a collection (features with `role` = `track`, or the
/// `trajectory` of `groundtrack fly`, a LineString or MultiLineString, and no `kind` property, i.e. not the track
/// of a reading) as `land` features, unless the collection already has `land` features. Returns how many were
/// added.
///
/// The track's vertices are joined by geodesics ([`crate::land::land_stretches`] on the WGS84 ellipsoid): the
/// vertices groundtrack writes lie on the true line, densified to within 1 km of it (a trajectory's are its
/// ground track every second or so; a third coordinate, the altitude, is ignored). The along-track distances of
/// a trajectory's stretches count from its first vertex, burnout (the launch point unless a boost allowance
/// moves burnout away). The features are drawn along the track ([`crate::output::land_features_along`]).
///
/// # Errors
/// [`MapError::Land`] if the land outlines cannot be read or a vertex is invalid.
///
/// # Example
/// ```
/// use geo_types::{Geometry, LineString};
/// use groundtrack::map::add_land_stretches;
/// use groundtrack::output::{feature, feature_collection};
/// let mut p = serde_json::Map::new();
/// p.insert("role".into(), "track".into());
/// let line = LineString::from(vec![(139.0, 43.0), (146.5, 43.0)]);
/// let mut fc = feature_collection(vec![feature(&Geometry::LineString(line), p)]);
/// assert!(add_land_stretches(&mut fc).unwrap() >= 1);
/// assert!(fc.features.iter().any(|f| f.property("name").is_some_and(|n| n == "Japan")));
/// ```
pub fn add_land_stretches(fc: &mut FeatureCollection) -> Result<usize, MapError> {
    let has_role = |f: &geojson::Feature, r: &str| f.property("role").is_some_and(|v| v == r);
    if fc.features.iter().any(|f| has_role(f, "land")) {
        return Ok(0);
    }
    let countries = crate::land::Countries::embedded()?;
    let mut added = Vec::new();
    let main_track = |f: &geojson::Feature| {
        (has_role(f, "track") || has_role(f, "trajectory")) && !f.contains_property("kind")
    };
    for f in fc.features.iter().filter(|f| main_track(f)) {
        let Some(g) = &f.geometry else { continue };
        let parts: Vec<geo_types::LineString<f64>> = match geo_types::Geometry::<f64>::try_from(g.clone()) {
            Ok(geo_types::Geometry::LineString(l)) => vec![l],
            Ok(geo_types::Geometry::MultiLineString(m)) => m.0,
            _ => continue,
        };
        // Parts cut at the antimeridian are joined again: the next part starts where the last ended.
        let mut vertices: Vec<Point<f64>> = Vec::new();
        for part in parts {
            for p in part.points() {
                if vertices.last().is_none_or(|q| {
                    q.y() != p.y() || crate::geodesy::normalize_longitude(q.x() - p.x()) != 0.0
                }) {
                    vertices.push(p);
                }
            }
        }
        let e = crate::geodesy::Ellipsoid::wgs84();
        let stretches = crate::land::land_stretches(
            &e,
            &vertices,
            countries,
            &crate::land::OverflightOptions::default(),
        )?;
        added.extend(
            crate::output::land_features_along(&e, &vertices, &stretches)
                .map_err(|e| MapError::Invalid { what: "land stretches".into(), message: e.to_string() })?,
        );
    }
    let n = added.len();
    fc.features.extend(added);
    Ok(n)
}

/// The picture formats [`write_picture`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PictureFormat {
    /// SVG text.
    Svg,
    /// PNG raster rendered by resvg.
    Png,
}

impl PictureFormat {
    /// The format named by a path's extension (`.svg`, `.png`, case-insensitive).
    ///
    /// # Example
    /// ```
    /// use groundtrack::map::PictureFormat;
    /// assert_eq!(PictureFormat::from_path("map.PNG".as_ref()), Some(PictureFormat::Png));
    /// assert_eq!(PictureFormat::from_path("map.kml".as_ref()), None);
    /// ```
    pub fn from_path(path: &Path) -> Option<PictureFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "svg" => Some(PictureFormat::Svg),
            "png" => Some(PictureFormat::Png),
            _ => None,
        }
    }
}

/// Writes an SVG document to `path` as SVG or PNG, chosen by `format` or else by the extension; atomically.
///
/// # Errors
/// [`crate::Error::Invalid`] for an extension other than `.svg`/`.png` without a format; [`crate::Error::Map`]
/// if rasterising fails; [`crate::Error::Io`] naming the path if it cannot be written.
///
/// # Example
/// ```
/// use groundtrack::map::write_picture;
/// let dir = tempfile::tempdir().unwrap();
/// let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>"#;
/// write_picture(&dir.path().join("a.png"), svg, None).unwrap();
/// assert!(std::fs::read(dir.path().join("a.png")).unwrap().starts_with(b"\x89PNG"));
/// assert!(write_picture(&dir.path().join("a.txt"), svg, None).is_err());
/// ```
pub fn write_picture(path: &Path, svg: &str, format: Option<PictureFormat>) -> crate::Result<()> {
    let format = format.or_else(|| PictureFormat::from_path(path)).ok_or_else(|| crate::Error::Invalid {
        what: path.display().to_string(),
        message: "a picture is written as .svg or .png".into(),
    })?;
    match format {
        PictureFormat::Svg => crate::output::write_atomic(path, svg.as_bytes()),
        PictureFormat::Png => crate::output::write_atomic(path, &svg_to_png(svg)?),
    }
}
