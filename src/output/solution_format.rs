//! Printing the answers of `groundtrack inverse`, `direct` and `track` as a table, plain values, JSON, CSV or
//! GeoJSON.
//!
//! Numbers follow the precision rule of GeographicLib's tools (`GeodSolve -p`): `precision` decimals for
//! distances (in the chosen unit), `precision + 5` for angles in decimal degrees and `precision + 1` for the
//! seconds of DMS. `--dms` applies to the table, plain and CSV formats; JSON and GeoJSON always carry decimal
//! degrees. Azimuths are degrees clockwise from north in [-180, 180] as GeographicLib gives them; azi2 is the
//! forward azimuth at the second point (PROJ's `geod` prints the back azimuth, azi2 ± 180, which the table and
//! JSON also give).

use geo_types::Point;
use serde_json::{Value, json};

use super::check_text::lat_lon;
use super::track::{TrackPoint, land_features_along};
use super::{
    AngleKind, Properties, feature, feature_collection, fixed, format_dms, path_geometry, point_feature,
};
use crate::geodesy::{DirectSolution, EarthModel, InverseSolution};
use crate::land::LandStretch;
use crate::parse::Unit;

/// Largest distance between a straight lon/lat segment of a GeoJSON path and the true line, metres.
const MAP_DEVIATION_M: f64 = 1_000.0;

/// The output format of a single command.
///
/// # Example
/// ```
/// use groundtrack::output::solution_format::SolutionFormat;
/// assert_eq!(SolutionFormat::default(), SolutionFormat::Table);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SolutionFormat {
    /// A readable table (default).
    #[default]
    Table,
    /// The values alone, space-separated, in GeographicLib's column order (one line per solution or point).
    Plain,
    /// One JSON object.
    Json,
    /// CSV with a header line.
    Csv,
    /// A GeoJSON FeatureCollection (RFC 7946): the points and the line(s).
    Geojson,
}

/// How to print: format, distance unit, precision, DMS.
///
/// # Example
/// ```
/// use groundtrack::output::solution_format::{SolutionFormat, Style};
/// use groundtrack::parse::Unit;
/// let s = Style { format: SolutionFormat::Csv, unit: Unit::NauticalMile, precision: 1, dms: true };
/// assert_eq!(s.unit.symbol(), "nmi");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// The format.
    pub format: SolutionFormat,
    /// Unit of printed distances.
    pub unit: Unit,
    /// Decimals of distances; angles get 5 more (GeographicLib's `-p`).
    pub precision: usize,
    /// Angles in degrees, minutes and seconds (table, plain and CSV).
    pub dms: bool,
}

impl Style {
    fn distance(&self, m: f64) -> String {
        fixed(self.unit.from_si(m), self.precision)
    }

    fn angle(&self, deg: f64, kind: AngleKind) -> String {
        if self.dms { format_dms(deg, kind, self.precision + 1) } else { fixed(deg, self.precision + 5) }
    }

    fn lat(&self, p: Point<f64>) -> String {
        self.angle(p.y(), AngleKind::Latitude)
    }

    fn lon(&self, p: Point<f64>) -> String {
        self.angle(p.x(), AngleKind::Longitude)
    }

    /// A number rounded to `decimals` for JSON (the nearest double to the rounded decimal).
    fn round(&self, v: f64, decimals: usize) -> Value {
        if !v.is_finite() {
            return Value::Null;
        }
        let p = 10f64.powi(decimals as i32);
        let r = (v * p).round() / p;
        if r.is_finite() { json!(if r == 0.0 { 0.0 } else { r }) } else { json!(v) }
    }

    fn json_distance(&self, m: f64) -> Value {
        self.round(self.unit.from_si(m), self.precision)
    }

    fn json_angle(&self, deg: f64) -> Value {
        self.round(deg, self.precision + 5)
    }

    fn unit(&self) -> &'static str {
        self.unit.symbol()
    }
}

/// A point as the user named it, resolved.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::output::solution_format::NamedPoint;
/// let p = NamedPoint { name: "Sunan".into(), point: Point::new(125.67, 39.22389) };
/// assert_eq!(p.point.y(), 39.22389);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct NamedPoint {
    /// The display name: the gazetteer name, the coordinates, or the position phrase.
    pub name: String,
    /// The point (lon, lat degrees).
    pub point: Point<f64>,
}

/// The back azimuth at the second point (azi2 + 180, reduced to (-180, 180]), as PROJ's `geod` reports it.
///
/// # Example
/// ```
/// use groundtrack::output::solution_format::back_azimuth;
/// assert_eq!(back_azimuth(86.0), -94.0);
/// assert_eq!(back_azimuth(-10.0), 170.0);
/// ```
pub fn back_azimuth(azi2: f64) -> f64 {
    if azi2 > 0.0 { azi2 - 180.0 } else { azi2 + 180.0 }
}

/// One solved line for [`render_inverse`]: the model (for its name and, in GeoJSON, its path) and the solution.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::{EarthModel, Sphere};
/// use groundtrack::output::solution_format::InverseLine;
/// let s = Sphere::mean_earth();
/// let line: InverseLine<'_> = (&s, s.inverse(Point::new(0.0, 0.0), Point::new(1.0, 0.0)).unwrap());
/// assert_eq!(line.0.name(), "sphere");
/// ```
pub type InverseLine<'a> = (&'a dyn EarthModel, InverseSolution);

/// Prints the inverse problem's solution(s) from `from` to `to`, one per model (a geodesic, and a rhumb line
/// with `--rhumb`).
///
/// Output by format: a table of distance, azimuth at each end (forward) and back azimuth per model; plain
/// `azi1 azi2 s12` lines (GeodSolve's columns; one per model); JSON `{"from", "to", "units", "solutions":
/// [{"model", "distance", "azi1", "azi2", "back_azi2"}]}`; CSV with a header; GeoJSON with both points and each
/// model's path.
///
/// # Errors
/// [`crate::Error::Geodesy`] if a GeoJSON path cannot be computed.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::{EarthModel, Ellipsoid};
/// use groundtrack::output::solution_format::{NamedPoint, SolutionFormat, Style, render_inverse};
/// use groundtrack::parse::Unit;
/// let (a, b) = (Point::new(125.67, 39.2241), Point::new(143.2494, 41.9236));
/// let e = Ellipsoid::wgs84();
/// let inv = e.inverse(a, b).unwrap();
/// let style = Style { format: SolutionFormat::Plain, unit: Unit::Kilometre, precision: 3, dms: false };
/// let from = NamedPoint { name: "Sunan".into(), point: a };
/// let to = NamedPoint { name: "Cape Erimo".into(), point: b };
/// let text = render_inverse(&from, &to, &[(&e, inv)], &style).unwrap();
/// // GeodSolve -i <<< "39.2241 125.67 41.9236 143.2494" gives 72.95740195 84.44683400 1515548.762.
/// assert_eq!(text, "72.95740195 84.44683400 1515.549\n");
/// ```
pub fn render_inverse(
    from: &NamedPoint,
    to: &NamedPoint,
    lines: &[InverseLine<'_>],
    style: &Style,
) -> crate::Result<String> {
    let u = style.unit();
    Ok(match style.format {
        SolutionFormat::Table => {
            let mut text = points_block(&[("A", from), ("B", to)], style);
            let mut t = super::table::new_table();
            let mut header = vec![String::new()];
            header.extend(lines.iter().map(|(m, _)| m.name().to_string()));
            t.set_header(header);
            let row = |label: &str, f: &dyn Fn(&InverseSolution) -> String| {
                let mut r = vec![label.to_string()];
                r.extend(lines.iter().map(|(_, s)| f(s)));
                r
            };
            t.add_row(row(&format!("distance ({u})"), &|s| style.distance(s.distance_m)));
            t.add_row(row("azimuth at A (deg)", &|s| style.angle(s.azimuth1_deg, AngleKind::Azimuth)));
            t.add_row(row("forward azimuth at B (deg)", &|s| {
                style.angle(s.azimuth2_deg, AngleKind::Azimuth)
            }));
            t.add_row(row("back azimuth at B (deg)", &|s| {
                style.angle(back_azimuth(s.azimuth2_deg), AngleKind::Azimuth)
            }));
            text.push_str(&format!("{t}\n"));
            text
        }
        SolutionFormat::Plain => {
            let mut text = String::new();
            for (_, s) in lines {
                text.push_str(&format!(
                    "{} {} {}\n",
                    style.angle(s.azimuth1_deg, AngleKind::Azimuth),
                    style.angle(s.azimuth2_deg, AngleKind::Azimuth),
                    style.distance(s.distance_m)
                ));
            }
            text
        }
        SolutionFormat::Csv => {
            let mut text = format!("model,lat1,lon1,lat2,lon2,azi1,azi2,back_azi2,s12_{u}\n");
            for (m, s) in lines {
                text.push_str(&format!(
                    "{},{},{},{},{},{},{},{},{}\n",
                    m.name(),
                    style.lat(from.point),
                    style.lon(from.point),
                    style.lat(to.point),
                    style.lon(to.point),
                    style.angle(s.azimuth1_deg, AngleKind::Azimuth),
                    style.angle(s.azimuth2_deg, AngleKind::Azimuth),
                    style.angle(back_azimuth(s.azimuth2_deg), AngleKind::Azimuth),
                    style.distance(s.distance_m)
                ));
            }
            text
        }
        SolutionFormat::Json => {
            let solutions: Vec<Value> = lines
                .iter()
                .map(|(m, s)| {
                    json!({
                        "model": m.name(),
                        "distance": style.json_distance(s.distance_m),
                        "azi1": style.json_angle(s.azimuth1_deg),
                        "azi2": style.json_angle(s.azimuth2_deg),
                        "back_azi2": style.json_angle(back_azimuth(s.azimuth2_deg)),
                    })
                })
                .collect();
            let v = json!({
                "from": json_point(from, style),
                "to": json_point(to, style),
                "units": {"distance": u, "angle": "deg"},
                "solutions": solutions,
            });
            format!("{v}\n")
        }
        SolutionFormat::Geojson => {
            let mut features = vec![point(from, "from", style), point(to, "to", style)];
            for (m, s) in lines {
                let geometry = path_geometry(*m, &[from.point, to.point], MAP_DEVIATION_M)?;
                let mut p = Properties::new();
                p.insert("role".into(), "line".into());
                p.insert("model".into(), m.name().into());
                p.insert(format!("distance_{u}"), style.json_distance(s.distance_m));
                p.insert("azi1".into(), style.json_angle(s.azimuth1_deg));
                p.insert("azi2".into(), style.json_angle(s.azimuth2_deg));
                features.push(feature(&geometry, p));
            }
            super::to_geojson_string(&feature_collection(features))?
        }
    })
}

/// Prints the direct problem's solution: from `from` at `azimuth_deg` for `distance_m` along `model`'s line.
///
/// Output by format: a table (start, azimuth, distance, end point, forward azimuth at the end); plain
/// `lat2 lon2 azi2` (GeodSolve's columns); JSON; CSV with a header; GeoJSON with both points and the path.
///
/// # Errors
/// [`crate::Error::Geodesy`] if a GeoJSON path cannot be computed.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::{EarthModel, Ellipsoid};
/// use groundtrack::output::solution_format::{NamedPoint, SolutionFormat, Style, render_direct};
/// use groundtrack::parse::Unit;
/// let a = Point::new(125.67, 39.2241);
/// let e = Ellipsoid::wgs84();
/// let d = e.direct(a, 84.0, 3_700_000.0).unwrap();
/// let style = Style { format: SolutionFormat::Plain, unit: Unit::Kilometre, precision: 3, dms: false };
/// let from = NamedPoint { name: "Sunan".into(), point: a };
/// let text = render_direct(&from, 84.0, 3_700_000.0, &e, &d, &style).unwrap();
/// // GeodSolve <<< "39.2241 125.67 84 3700000" gives 34.97646650 167.32385369 109.86737950.
/// assert_eq!(text, "34.97646650 167.32385369 109.86737950\n");
/// ```
pub fn render_direct(
    from: &NamedPoint,
    azimuth_deg: f64,
    distance_m: f64,
    model: &dyn EarthModel,
    solution: &DirectSolution,
    style: &Style,
) -> crate::Result<String> {
    let u = style.unit();
    let end = solution.point;
    Ok(match style.format {
        SolutionFormat::Table => {
            let mut text = points_block(&[("A", from)], style);
            let mut t = super::table::new_table();
            t.set_header(vec!["".to_string(), model.name().to_string()]);
            t.add_row(vec!["azimuth at A (deg)".into(), style.angle(azimuth_deg, AngleKind::Azimuth)]);
            t.add_row(vec![format!("distance ({u})"), style.distance(distance_m)]);
            t.add_row(vec!["end latitude".into(), style.lat(end)]);
            t.add_row(vec!["end longitude".into(), style.lon(end)]);
            t.add_row(vec![
                "forward azimuth at end (deg)".into(),
                style.angle(solution.azimuth2_deg, AngleKind::Azimuth),
            ]);
            text.push_str(&format!("{t}\n"));
            text
        }
        SolutionFormat::Plain => format!(
            "{} {} {}\n",
            style.lat(end),
            style.lon(end),
            style.angle(solution.azimuth2_deg, AngleKind::Azimuth)
        ),
        SolutionFormat::Csv => format!(
            "model,lat1,lon1,azi1,s12_{u},lat2,lon2,azi2\n{},{},{},{},{},{},{},{}\n",
            model.name(),
            style.lat(from.point),
            style.lon(from.point),
            style.angle(azimuth_deg, AngleKind::Azimuth),
            style.distance(distance_m),
            style.lat(end),
            style.lon(end),
            style.angle(solution.azimuth2_deg, AngleKind::Azimuth)
        ),
        SolutionFormat::Json => {
            let v = json!({
                "from": json_point(from, style),
                "model": model.name(),
                "azi1": style.json_angle(azimuth_deg),
                "distance": style.json_distance(distance_m),
                "to": {"lat": style.json_angle(end.y()), "lon": style.json_angle(end.x())},
                "azi2": style.json_angle(solution.azimuth2_deg),
                "units": {"distance": u, "angle": "deg"},
            });
            format!("{v}\n")
        }
        SolutionFormat::Geojson => {
            let to = NamedPoint { name: "end".into(), point: end };
            let mut features = vec![point(from, "from", style), point(&to, "to", style)];
            // The path is the model's line from the start at the azimuth: sampled by the direct problem, so a
            // line longer than half the earth is drawn the way it goes, not the short way back.
            let steps = ((distance_m.abs() / 100_000.0).ceil() as usize).clamp(1, 2000);
            let mut vertices = Vec::with_capacity(steps + 1);
            vertices.push(from.point);
            for i in 1..=steps {
                let s = distance_m * i as f64 / steps as f64;
                vertices.push(model.direct(from.point, azimuth_deg, s)?.point);
            }
            let geometry = path_geometry(model, &vertices, MAP_DEVIATION_M)?;
            let mut p = Properties::new();
            p.insert("role".into(), "line".into());
            p.insert("model".into(), model.name().into());
            p.insert("azi1".into(), style.json_angle(azimuth_deg));
            p.insert(format!("distance_{u}"), style.json_distance(distance_m));
            p.insert("azi2".into(), style.json_angle(solution.azimuth2_deg));
            features.push(feature(&geometry, p));
            super::to_geojson_string(&feature_collection(features))?
        }
    })
}

/// Prints the points of a track through `waypoints` along `model`'s lines, and its stretches over land.
///
/// Inputs: the waypoints; the model; the listed points ([`super::sample_track`]); the stretches of the whole
/// track over land, found along the same model's lines through the waypoints
/// ([`crate::land::land_stretches`]; an empty slice prints none).
///
/// Output by format: a table (leg, latitude, longitude, distance from the start, azimuth) followed by a table
/// of the stretches over land (country, entry, exit, along-track distances in the unit); plain
/// `lat lon azi s` lines (GeodSolve's `lat2 lon2 azi2` and the distance); JSON, whose `land` array holds the
/// stretches as [`LandStretch`] serialises them (kilometres, times null); CSV with a header; GeoJSON with
/// the path through the waypoints (role `track`), one Point feature per listed point (`track point`), one per
/// waypoint with its name (`start`, `via`, `end`) and one `land` feature per stretch drawn along the track
/// ([`land_features_along`]). Plain and CSV stay one row per point, without the stretches.
///
/// # Errors
/// [`crate::Error::Geodesy`] if the GeoJSON path cannot be computed.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::Ellipsoid;
/// use groundtrack::output::{Sampling, sample_track};
/// use groundtrack::output::solution_format::{NamedPoint, SolutionFormat, Style, render_track};
/// use groundtrack::parse::Unit;
/// let w = [Point::new(0.0, 0.0), Point::new(1.0, 0.0)];
/// let e = Ellipsoid::wgs84();
/// let pts = sample_track(&e, &w, Sampling::Count(2)).unwrap();
/// let names: Vec<NamedPoint> = w.iter().map(|&p| NamedPoint { name: "x".into(), point: p }).collect();
/// let style = Style { format: SolutionFormat::Plain, unit: Unit::Metre, precision: 3, dms: false };
/// let text = render_track(&names, &e, &pts, &[], &style).unwrap();
/// // GeodSolve -i <<< "0 0 0 1" gives 90 90 111319.491.
/// assert_eq!(text.lines().last().unwrap(), "0.00000000 1.00000000 90.00000000 111319.491");
/// ```
pub fn render_track(
    waypoints: &[NamedPoint],
    model: &dyn EarthModel,
    points: &[TrackPoint],
    land: &[LandStretch],
    style: &Style,
) -> crate::Result<String> {
    let u = style.unit();
    Ok(match style.format {
        SolutionFormat::Table => {
            let labelled: Vec<(String, &NamedPoint)> =
                waypoints.iter().enumerate().map(|(i, w)| (format!("{}", i + 1), w)).collect();
            let refs: Vec<(&str, &NamedPoint)> = labelled.iter().map(|(l, w)| (l.as_str(), *w)).collect();
            let mut text = points_block(&refs, style);
            let mut t = super::table::new_table();
            t.set_header(vec![
                "leg".to_string(),
                "lat".into(),
                "lon".into(),
                format!("distance ({u})"),
                "azimuth (deg)".into(),
            ]);
            for p in points {
                t.add_row(vec![
                    p.leg.to_string(),
                    style.lat(p.point),
                    style.lon(p.point),
                    style.distance(p.distance_m),
                    style.angle(p.azimuth_deg, AngleKind::Azimuth),
                ]);
            }
            text.push_str(&format!("{t}\n{} point(s) along the {}\n", points.len(), model.name()));
            text.push_str(&land_table(land, model, style));
            text
        }
        SolutionFormat::Plain => points
            .iter()
            .map(|p| {
                format!(
                    "{} {} {} {}\n",
                    style.lat(p.point),
                    style.lon(p.point),
                    style.angle(p.azimuth_deg, AngleKind::Azimuth),
                    style.distance(p.distance_m)
                )
            })
            .collect(),
        SolutionFormat::Csv => {
            let mut text = format!("leg,lat,lon,azi,s_{u}\n");
            for p in points {
                text.push_str(&format!(
                    "{},{},{},{},{}\n",
                    p.leg,
                    style.lat(p.point),
                    style.lon(p.point),
                    style.angle(p.azimuth_deg, AngleKind::Azimuth),
                    style.distance(p.distance_m)
                ));
            }
            text
        }
        SolutionFormat::Json => {
            let pts: Vec<Value> = points
                .iter()
                .map(|p| {
                    json!({
                        "leg": p.leg,
                        "lat": style.json_angle(p.point.y()),
                        "lon": style.json_angle(p.point.x()),
                        "distance": style.json_distance(p.distance_m),
                        "azi": style.json_angle(p.azimuth_deg),
                    })
                })
                .collect();
            let w: Vec<Value> = waypoints.iter().map(|w| json_point(w, style)).collect();
            let v = json!({
                "model": model.name(),
                "waypoints": w,
                "units": {"distance": u, "angle": "deg"},
                "points": pts,
                "land": land,
            });
            format!("{v}\n")
        }
        SolutionFormat::Geojson => {
            let vertices: Vec<Point<f64>> = waypoints.iter().map(|w| w.point).collect();
            let geometry = path_geometry(model, &vertices, MAP_DEVIATION_M)?;
            let mut p = Properties::new();
            p.insert("role".into(), "track".into());
            p.insert("model".into(), model.name().into());
            if let Some(last) = points.last() {
                p.insert(format!("distance_{u}"), style.json_distance(last.distance_m));
            }
            let mut features = vec![feature(&geometry, p)];
            for (i, tp) in points.iter().enumerate() {
                let mut p = Properties::new();
                p.insert("role".into(), "track point".into());
                p.insert("index".into(), i.into());
                p.insert("leg".into(), tp.leg.into());
                p.insert(format!("distance_{u}"), style.json_distance(tp.distance_m));
                p.insert("azi".into(), style.json_angle(tp.azimuth_deg));
                features.push(point_feature(tp.point, p));
            }
            // The waypoints themselves, named, so that maps and GIS tools can label them.
            let last = waypoints.len().saturating_sub(1);
            for (i, w) in waypoints.iter().enumerate() {
                let role = match i {
                    0 => "start",
                    i if i == last => "end",
                    _ => "via",
                };
                let mut p = Properties::new();
                p.insert("role".into(), role.into());
                p.insert("name".into(), w.name.clone().into());
                features.push(point_feature(w.point, p));
            }
            features.extend(land_features_along(model, &vertices, land)?);
            super::to_geojson_string(&feature_collection(features))?
        }
    })
}

/// The table of a track's stretches over land (nothing when there are none): country, entry and exit (the
/// track's start or end when it begins or ends over land), and the along-track distances in the style's unit.
fn land_table(land: &[LandStretch], model: &dyn EarthModel, style: &Style) -> String {
    if land.is_empty() {
        return "\nOver land along the track: none (Natural Earth 1:50m)\n".into();
    }
    let mut t = super::table::new_table();
    t.set_header(vec![
        "country".to_string(),
        "entry".into(),
        "exit".into(),
        format!("along track ({})", style.unit()),
    ]);
    for l in land {
        t.add_row(vec![
            l.country.clone(),
            if l.starts_on_land { "start".to_string() } else { lat_lon(l.entry.y(), l.entry.x()) },
            if l.ends_on_land { "end".to_string() } else { lat_lon(l.exit.y(), l.exit.x()) },
            format!("{} to {}", style.distance(l.entry_along_m), style.distance(l.exit_along_m)),
        ]);
    }
    format!("\nOver land along the track ({}; Natural Earth 1:50m)\n{t}\n", model.name())
}

/// The lines naming the points above a table: `A  Sunan  39.22410000 125.67000000`.
fn points_block(points: &[(&str, &NamedPoint)], style: &Style) -> String {
    let width = points.iter().map(|(_, p)| p.name.chars().count()).max().unwrap_or(0);
    points
        .iter()
        .map(|(label, p)| {
            format!("{label}  {:<width$}  {} {}\n", p.name, style.lat(p.point), style.lon(p.point))
        })
        .collect()
}

fn json_point(p: &NamedPoint, style: &Style) -> Value {
    json!({"name": p.name, "lat": style.json_angle(p.point.y()), "lon": style.json_angle(p.point.x())})
}

fn point(p: &NamedPoint, role: &str, style: &Style) -> geojson::Feature {
    let mut props = Properties::new();
    props.insert("role".into(), role.into());
    props.insert("name".into(), p.name.clone().into());
    let _ = style;
    point_feature(p.point, props)
}
