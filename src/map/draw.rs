//! Drawing a FeatureCollection as an SVG map: land, graticule, features, labels, scale bar, legend, credits.

use std::fmt::Write as _;

use geo_types::{Geometry, LineString, Point};
use geojson::FeatureCollection;
use svg::Document;
use svg::node::element::{ClipPath, Definitions, Group, Line, Path, Rectangle as Rect, Text};

use super::frame::{Frame, ViewBounds};
use super::style::{self, Kind, Marker, Style, style_for};
use super::{MapError, MapOptions, Projection};
use crate::geodesy::{EarthModel, Ellipsoid};
use crate::land::Countries;

/// One feature ready to draw.
struct Item {
    role: String,
    name: Option<String>,
    label: Option<String>,
    minor: bool,
    radius_m: Option<f64>,
    /// A range ring's radius (its `radius_m`), for its label.
    ring_radius_m: Option<f64>,
    geometry: Geometry<f64>,
}

fn attr(s: &str) -> String {
    s.replace('"', "'")
}

fn items_of(fc: &FeatureCollection) -> Vec<Item> {
    let mut out = Vec::new();
    for f in &fc.features {
        let Some(g) = &f.geometry else { continue };
        let Ok(geometry) = Geometry::<f64>::try_from(g.clone()) else { continue };
        let role = f.property("role").and_then(|v| v.as_str()).unwrap_or("feature").to_string();
        if role == "overflight area" {
            continue; // drawn with its place's `overflight` point, from the same embedded outline
        }
        let name = f.property("name").and_then(|v| v.as_str()).map(str::to_string);
        let minor = role == "track" && f.contains_property("kind");
        let kind = f.property("kind").and_then(|v| v.as_str()).map(str::to_string);
        let radius_m = f
            .property("radius_km")
            .and_then(|v| v.as_f64())
            .filter(|r| r.is_finite() && *r > 0.0 && *r < 5_000.0)
            .map(|r| r * 1000.0);
        // A reading's point is labelled by its kind; its full name (with the phrase) stays in data-name.
        let label = match (&kind, role.as_str()) {
            (Some(k), "reading") => Some(format!("{k} reading")),
            _ => name.clone(),
        };
        let ring_radius_m =
            f.property("radius_m").and_then(|v| v.as_f64()).filter(|r| r.is_finite() && *r > 0.0);
        out.push(Item { role, name, label, minor, radius_m, ring_radius_m, geometry });
    }
    out
}

/// Every position of a geometry, in order, as separate lines (points give one-point lines).
fn lines_of(g: &Geometry<f64>) -> Vec<Vec<Point<f64>>> {
    let ls = |l: &LineString<f64>| l.points().collect::<Vec<_>>();
    match g {
        Geometry::Point(p) => vec![vec![*p]],
        Geometry::MultiPoint(m) => m.0.iter().map(|p| vec![*p]).collect(),
        Geometry::Line(l) => vec![vec![l.start.into(), l.end.into()]],
        Geometry::LineString(l) => vec![ls(l)],
        Geometry::MultiLineString(m) => m.0.iter().map(ls).collect(),
        Geometry::Polygon(p) => std::iter::once(p.exterior()).chain(p.interiors()).map(ls).collect(),
        Geometry::MultiPolygon(m) => {
            m.0.iter().flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors())).map(ls).collect()
        }
        Geometry::Rect(r) => vec![ls(r.to_polygon().exterior())],
        Geometry::Triangle(t) => vec![ls(t.to_polygon().exterior())],
        Geometry::GeometryCollection(c) => c.0.iter().flat_map(lines_of).collect(),
    }
}

fn kind_of(g: &Geometry<f64>) -> Kind {
    match g {
        Geometry::Point(_) | Geometry::MultiPoint(_) => Kind::Point,
        Geometry::Polygon(_) | Geometry::MultiPolygon(_) | Geometry::Rect(_) | Geometry::Triangle(_) => {
            Kind::Area
        }
        _ => Kind::Line,
    }
}

/// A geodesic circle of radius `r` metres about `c`, 96 points.
fn circle(c: Point<f64>, r: f64) -> Vec<Point<f64>> {
    let e = Ellipsoid::wgs84();
    (0..=96).filter_map(|i| e.direct(c, 360.0 * i as f64 / 96.0, r).ok().map(|d| d.point)).collect()
}

/// A line projected to pixels, with its lon/lat points kept for recognising cut edges.
type Projected = Vec<(Point<f64>, (f64, f64))>;

/// Projects lines to pixels. With `view`, runs of vertices outside the view's lon/lat box (which has a degree of
/// slack around the panel) are thinned to every tenth vertex: they are clipped away, and a chord of ten
/// 1:50m vertices stays well within that degree, so the shapes inside the panel are unchanged.
fn project_lines(frame: &Frame, lines: &[Vec<Point<f64>>], view: Option<&ViewBounds>) -> Vec<Projected> {
    lines
        .iter()
        .map(|line| {
            let n = line.len();
            let mut out = Vec::with_capacity(n);
            let mut outside_run = 0usize;
            for (i, p) in line.iter().enumerate() {
                if let Some(v) = view {
                    if !v.overlaps(p.x(), p.y(), p.x(), p.y()) {
                        outside_run += 1;
                        if outside_run % 10 != 1 && i + 1 != n {
                            continue;
                        }
                    } else {
                        outside_run = 0;
                    }
                }
                if let Some(q) = frame.project(*p) {
                    out.push((*p, q));
                }
            }
            out
        })
        .collect()
}

/// An SVG path `d` for projected lines; vertices closer than 0.35 px to the last kept one are skipped.
/// `skip_edge` drops an edge (and starts a new subpath) where it returns true for the two lon/lat ends.
fn d_of(lines: &[Projected], close: bool, skip_edge: &dyn Fn(Point<f64>, Point<f64>) -> bool) -> String {
    let mut d = String::new();
    for line in lines {
        let mut last: Option<(f64, f64)> = None;
        let mut prev: Option<Point<f64>> = None;
        let n = line.len();
        for (i, (p, q)) in line.iter().enumerate() {
            let broken = prev.is_some_and(|a| skip_edge(a, *p));
            prev = Some(*p);
            if last.is_none() || broken {
                let _ = write!(d, "M{:.1} {:.1}", q.0, q.1);
                last = Some(*q);
                continue;
            }
            let far = last.is_none_or(|l| (q.0 - l.0).abs() + (q.1 - l.1).abs() > 0.35);
            if far || i + 1 == n {
                let _ = write!(d, "L{:.1} {:.1}", q.0, q.1);
                last = Some(*q);
            }
        }
        if close && last.is_some() {
            d.push('Z');
        }
    }
    d
}

/// An SVG path `d` for lon/lat lines (see [`d_of`]).
fn path_d(
    frame: &Frame,
    lines: &[Vec<Point<f64>>],
    close: bool,
    skip_edge: &dyn Fn(Point<f64>, Point<f64>) -> bool,
) -> String {
    d_of(&project_lines(frame, lines, None), close, skip_edge)
}

/// An edge along the antimeridian or to a pole: a cut of the data, not a coast or border (see
/// [`is_cut_edge`](crate::output::gpx::is_cut_edge)).
fn is_cut(a: Point<f64>, b: Point<f64>) -> bool {
    crate::output::gpx::is_cut_edge(a, b)
}

fn no_cut(_: Point<f64>, _: Point<f64>) -> bool {
    false
}

fn styled(mut p: Path, s: &Style, kind: Kind) -> Path {
    p = p.set("stroke", s.stroke).set("stroke-width", s.width).set("stroke-linejoin", "round");
    p = p.set("stroke-linecap", "round");
    if let Some(dash) = s.dash {
        p = p.set("stroke-dasharray", dash);
    }
    match (kind, s.fill) {
        (Kind::Area, Some(fill)) => p.set("fill", fill).set("fill-opacity", 0.35),
        _ => p.set("fill", "none"),
    }
}

fn marker(s: &Style, (x, y): (f64, f64), size: f64) -> Path {
    let r = size;
    let d = match s.marker {
        Marker::Triangle => {
            format!("M0 {:.1}L{:.1} {:.1}L{:.1} {:.1}Z", -1.2 * r, 1.05 * r, 0.7 * r, -1.05 * r, 0.7 * r)
        }
        Marker::Diamond => format!("M0 {:.1}L{:.1} 0L0 {:.1}L{:.1} 0Z", -1.3 * r, 1.3 * r, 1.3 * r, -1.3 * r),
        Marker::Square => {
            format!("M{:.1} {:.1}h{:.1}v{:.1}h{:.1}Z", -0.8 * r, -0.8 * r, 1.6 * r, 1.6 * r, -1.6 * r)
        }
        Marker::Circle | Marker::Ring => {
            let rr = if s.marker == Marker::Ring { 0.6 * r } else { r };
            format!(
                "M{:.1} 0a{rr:.1} {rr:.1} 0 1 0 {:.1} 0a{rr:.1} {rr:.1} 0 1 0 {:.1} 0Z",
                -rr,
                2.0 * rr,
                -2.0 * rr
            )
        }
    };
    Path::new()
        .set("d", d)
        .set("transform", format!("translate({x:.1} {y:.1})"))
        .set("fill", s.fill.unwrap_or("none"))
        .set("stroke", s.stroke)
        .set("stroke-width", if s.marker == Marker::Ring { 2.0 } else { s.width })
}

fn text(x: f64, y: f64, size: f64, content: &str) -> Text {
    Text::new(content).set("x", format!("{x:.1}")).set("y", format!("{y:.1}")).set("font-size", size)
}

fn halo(t: Text) -> Text {
    t.set("stroke", "#ffffff")
        .set("stroke-width", 3)
        .set("stroke-linejoin", "round")
        .set("paint-order", "stroke")
}

/// Nice step for a span: 1, 2 or 5 times a power of ten, or a divisor of 90 degrees.
fn graticule_step(span_deg: f64) -> f64 {
    [0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0].into_iter().find(|s| span_deg / s <= 8.0).unwrap_or(30.0)
}

fn nice_length(target: f64) -> f64 {
    let p = 10f64.powf(target.log10().floor());
    [5.0, 2.0, 1.0].into_iter().map(|m| m * p).find(|v| *v <= target).unwrap_or(p)
}

fn lon_label(lon: f64) -> String {
    let l = crate::geodesy::normalize_longitude(lon);
    if l == 0.0 || l == -180.0 {
        format!("{}°", l.abs())
    } else {
        format!("{}°{}", l.abs(), if l < 0.0 { "W" } else { "E" })
    }
}

fn lat_label(lat: f64) -> String {
    if lat == 0.0 { "0°".into() } else { format!("{}°{}", lat.abs(), if lat < 0.0 { "S" } else { "N" }) }
}

/// Where a pixel polyline first crosses the horizontal line y = `edge` (or vertical x = `edge`).
fn crossing(px: &[(f64, f64)], edge: f64, vertical: bool) -> Option<(f64, f64)> {
    for w in px.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (ua, ub) = if vertical { (a.0, b.0) } else { (a.1, b.1) };
        if (ua - edge) * (ub - edge) <= 0.0 && ua != ub {
            let t = (edge - ua) / (ub - ua);
            return Some((a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1)));
        }
    }
    None
}

/// Renders the collection as an SVG document (text).
pub(crate) fn render(fc: &FeatureCollection, options: &MapOptions) -> Result<String, MapError> {
    let items = items_of(fc);
    let center = options
        .center
        .or_else(|| {
            items
                .iter()
                .find(|i| i.role == "launch")
                .and_then(|i| lines_of(&i.geometry).first()?.first().copied())
        })
        .or_else(|| items.iter().find_map(|i| lines_of(&i.geometry).first()?.first().copied()))
        .ok_or(MapError::Empty)?;
    let proj = Projection::new(options.projection, center)?;
    let width = f64::from(options.width_px.clamp(300, 8000));
    let (margin_left, margin_right, top) = (64.0, 20.0, 70.0);
    let mut extent_points = Vec::new();
    for i in &items {
        for line in lines_of(&i.geometry) {
            extent_points.extend(line.iter().filter_map(|p| proj.forward(*p)));
        }
        let first = lines_of(&i.geometry).first().and_then(|l| l.first().copied());
        if let (Some(r), Kind::Point, Some(c)) = (i.radius_m, kind_of(&i.geometry), first) {
            extent_points.extend(circle(c, r).iter().filter_map(|p| proj.forward(*p)));
        }
    }
    let frame = Frame::fit(
        proj,
        &extent_points,
        margin_left,
        top,
        width - margin_left - margin_right,
        options.margin,
    );
    let view = frame.view_bounds();
    let credits = credit_lines(options, &frame);
    let height = top + frame.height + 34.0 + 16.0 * credits.len() as f64 + 8.0;

    let clip = ClipPath::new().set("id", "panel").add(
        Rect::new()
            .set("x", frame.left)
            .set("y", frame.top)
            .set("width", frame.width)
            .set("height", frame.height),
    );
    let mut doc = Document::new()
        .set("width", width)
        .set("height", height.ceil())
        .set("viewBox", (0, 0, width, height.ceil()))
        .set("font-family", style::FONT)
        .add(Definitions::new().add(clip))
        .add(Rect::new().set("width", "100%").set("height", "100%").set("fill", "#ffffff"));

    let mut panel = Group::new().set("id", "map").set("clip-path", "url(#panel)");
    panel = panel.add(
        Rect::new()
            .set("x", frame.left)
            .set("y", frame.top)
            .set("width", frame.width)
            .set("height", frame.height)
            .set("fill", style::SEA),
    );
    panel = panel.add(land_layer(&frame, &view)?);
    let (graticule, labels, graticule_px) = graticule_layer(&frame, &view);
    panel = panel.add(graticule);
    panel = panel.add(features_layer(&frame, &items));
    doc = doc.add(panel);
    doc = doc.add(labels);
    doc = doc.add(
        Rect::new()
            .set("x", frame.left)
            .set("y", frame.top)
            .set("width", frame.width)
            .set("height", frame.height)
            .set("fill", "none")
            .set("stroke", "#333333")
            .set("stroke-width", 1),
    );
    doc = doc.add(scale_bar(&frame));
    let mut feature_px: Vec<(f64, f64)> = extent_points.iter().map(|(x, y)| frame.px(*x, *y)).collect();
    feature_px.extend(graticule_px);
    // Labels run about 150 px to the right of their point: the legend should not hide them either.
    for i in items.iter().filter(|i| kind_of(&i.geometry) == Kind::Point && i.label.is_some()) {
        if let Some(q) = lines_of(&i.geometry).first().and_then(|l| l.first()).and_then(|p| frame.project(*p))
        {
            feature_px.extend((1..=15).map(|k| (q.0 + 10.0 * k as f64, q.1 - 8.0)));
        }
    }
    doc = doc.add(legend(&frame, &items, &feature_px));
    // Title and subtitle.
    let title = options.title.clone().unwrap_or_else(|| "groundtrack map".into());
    doc = doc.add(text(frame.left, 30.0, 22.0, &title).set("id", "title").set("font-weight", "bold"));
    if let Some(sub) = &options.subtitle {
        doc = doc.add(text(frame.left, 54.0, 14.0, sub).set("id", "subtitle").set("fill", "#444444"));
    }
    let mut credit_group = Group::new().set("id", "credits").set("fill", "#444444");
    let mut y = frame.top + frame.height + 40.0;
    for line in credits {
        credit_group = credit_group.add(text(frame.left, y, 11.5, &line));
        y += 16.0;
    }
    doc = doc.add(credit_group);
    Ok(doc.to_string())
}

fn credit_lines(options: &MapOptions, frame: &Frame) -> Vec<String> {
    let mut out = vec![
        "Land and borders: Made with Natural Earth, Admin 0 countries 1:50m (public domain).".to_string(),
        format!("Projection: {}.", frame.proj.describe()),
    ];
    // About 0.55 em a character at 11.5 px: the lines that fit the panel's width.
    let max_chars = ((frame.width + 40.0) / (0.55 * 11.5)).floor().max(40.0) as usize;
    for s in &options.credits {
        out.extend(wrap(s, max_chars));
    }
    out
}

/// Splits `s` at spaces into lines of at most `max_chars` characters (a longer word gets a line of its own).
fn wrap(s: &str, max_chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > max_chars {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn land_layer(frame: &Frame, view: &ViewBounds) -> Result<Group, MapError> {
    let countries = Countries::embedded()?;
    let mut fill = Group::new().set("id", "land").set("fill", style::LAND).set("fill-rule", "evenodd");
    let mut borders = Group::new()
        .set("id", "borders")
        .set("fill", "none")
        .set("stroke", style::BORDER)
        .set("stroke-width", 0.7)
        .set("stroke-linejoin", "round");
    for c in countries.countries() {
        let mut rings: Vec<Vec<Point<f64>>> = Vec::new();
        for poly in &c.shape.0 {
            let Some(b) = geo::BoundingRect::bounding_rect(poly) else { continue };
            if !view.overlaps(b.min().x, b.min().y, b.max().x, b.max().y) {
                continue;
            }
            rings.push(poly.exterior().points().collect());
            rings.extend(poly.interiors().iter().map(|r| r.points().collect()));
        }
        if rings.is_empty() {
            continue;
        }
        let projected = project_lines(frame, &rings, Some(view));
        // Skip a country none of whose vertices comes near the panel.
        let near = projected.iter().flatten().any(|(_, (x, y))| {
            *x > frame.left - frame.width
                && *x < frame.left + 2.0 * frame.width
                && *y > frame.top - frame.height
                && *y < frame.top + 2.0 * frame.height
        });
        if !near {
            continue;
        }
        let d = d_of(&projected, true, &no_cut);
        if d.is_empty() {
            continue;
        }
        let name = attr(&c.name);
        fill = fill.add(Path::new().set("class", "land").set("data-name", name.clone()).set("d", d));
        let stroke = d_of(&projected, false, &is_cut);
        borders = borders.add(Path::new().set("class", "border").set("data-name", name).set("d", stroke));
    }
    Ok(Group::new().add(fill).add(borders))
}

/// The graticule's lines and labels, and the pixels of the labels drawn inside the panel (for the legend to avoid).
fn graticule_layer(frame: &Frame, view: &ViewBounds) -> (Group, Group, Vec<(f64, f64)>) {
    let mut inside: Vec<(f64, f64)> = Vec::new();
    let lat_span = view.lat_max - view.lat_min;
    let lon_span = view.lon_max - view.lon_min;
    let step =
        graticule_step(lat_span.max(lon_span * frame.proj.center().y().to_radians().cos().abs().max(0.2)));
    let mut lines = Group::new()
        .set("id", "graticule")
        .set("fill", "none")
        .set("stroke", style::GRATICULE)
        .set("stroke-width", 0.6)
        .set("stroke-dasharray", "3 3");
    let mut labels = Group::new().set("id", "graticule-labels").set("font-size", 11).set("fill", "#333333");
    let bottom = frame.top + frame.height;
    let lat_lo = (view.lat_min / step).ceil() * step;
    let lat_hi = (view.lat_max / step).floor() * step;
    let lat_min = view.lat_min.max(-89.9);
    let lat_max = view.lat_max.min(89.9);
    let fine = (step / 20.0).min(0.5);
    let mut lon = (view.lon_min / step).ceil() * step;
    while lon <= view.lon_max + 1e-9 {
        let n = ((lat_max - lat_min) / fine).ceil().max(2.0) as usize;
        let pts: Vec<Point<f64>> =
            (0..=n).map(|i| Point::new(lon, lat_min + (lat_max - lat_min) * i as f64 / n as f64)).collect();
        let px: Vec<(f64, f64)> = pts.iter().filter_map(|p| frame.project(*p)).collect();
        lines = lines.add(Path::new().set("d", path_d(frame, &[pts], false, &no_cut)).set("data-lon", lon));
        let right = frame.left + frame.width;
        let on_x = |(x, _): &(f64, f64)| *x > frame.left + 8.0 && *x < right - 8.0;
        let on_y = |(_, y): &(f64, f64)| *y > frame.top + 20.0 && *y < bottom - 20.0;
        if let Some((x, _)) = crossing(&px, bottom, false).filter(on_x) {
            labels = labels.add(text(x, bottom + 15.0, 11.0, &lon_label(lon)).set("text-anchor", "middle"));
        } else if let Some((x, _)) = crossing(&px, frame.top, false).filter(on_x) {
            // A meridian that does not reach the bottom (a map around a pole): labelled inside the top edge,
            // where the title and subtitle above the panel cannot meet it (the legend avoids it, see `render`).
            labels = labels.add(
                halo(text(x, frame.top + 13.0, 10.0, &lon_label(lon)).set("text-anchor", "middle"))
                    .set("class", "meridian-inside"),
            );
            inside.extend((0..10).map(|_| (x, frame.top + 8.0)));
        } else if let Some((_, y)) = crossing(&px, right, true).filter(on_y) {
            labels = labels.add(
                halo(text(right - 4.0, y - 3.0, 10.0, &lon_label(lon)).set("text-anchor", "end"))
                    .set("class", "meridian-inside"),
            );
            inside.extend((0..10).map(|_| (right - 20.0, y - 6.0)));
        }
        lon += step;
    }
    let mut lat = lat_lo;
    while lat <= lat_hi + 1e-9 {
        if lat.abs() < 90.0 {
            let n = ((view.lon_max - view.lon_min) / fine).ceil().max(2.0) as usize;
            let pts: Vec<Point<f64>> = (0..=n)
                .map(|i| Point::new(view.lon_min + (view.lon_max - view.lon_min) * i as f64 / n as f64, lat))
                .collect();
            let px: Vec<(f64, f64)> = pts.iter().filter_map(|p| frame.project(*p)).collect();
            lines =
                lines.add(Path::new().set("d", path_d(frame, &[pts], false, &no_cut)).set("data-lat", lat));
            let right = frame.left + frame.width;
            let inside_y = |(_, y): &(f64, f64)| *y > frame.top + 6.0 && *y < bottom - 6.0;
            if let Some((_, y)) = crossing(&px, frame.left, true).filter(inside_y) {
                labels = labels
                    .add(text(frame.left - 6.0, y + 4.0, 11.0, &lat_label(lat)).set("text-anchor", "end"));
            } else if let Some((x, y)) = frame
                .project(Point::new(frame.proj.center().x(), lat))
                .filter(|(x, y)| *x > frame.left + 20.0 && *x < right - 20.0 && inside_y(&(*x, *y)))
            {
                // A parallel that does not meet the left side (a world-scale map around a pole): labelled on the
                // central meridian, inside the map.
                labels = labels
                    .add(halo(text(x + 3.0, y - 3.0, 10.0, &lat_label(lat)).set("text-anchor", "start")));
                inside.extend((0..10).map(|_| (x + 15.0, y - 6.0)));
            }
        }
        lat += step;
    }
    (lines, labels, inside)
}

fn features_layer(frame: &Frame, items: &[Item]) -> Group {
    let mut order: Vec<(u8, usize)> = items
        .iter()
        .enumerate()
        .map(|(k, i)| (style_for(&i.role, kind_of(&i.geometry), i.minor).order, k))
        .collect();
    order.sort();
    let mut shapes = Group::new().set("id", "features");
    let mut markers = Group::new().set("id", "points");
    let mut labels = Group::new().set("id", "labels").set("font-size", 13).set("fill", "#111111");
    // Boxes (x0, y0, x1, y1) of labels already placed, the pixels of every point marker, and the pixel segments
    // of every line and outline (labels keep off them where they can).
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
    let segments = line_segments(frame, items);
    let marks: Vec<(f64, f64)> = items
        .iter()
        .filter(|i| kind_of(&i.geometry) == Kind::Point)
        .filter_map(|i| lines_of(&i.geometry).first()?.first().and_then(|p| frame.project(*p)))
        .collect();
    let mut texts: Vec<(String, f64, f64)> = Vec::new();
    for (_, k) in order {
        let item = &items[k];
        let kind = kind_of(&item.geometry);
        let s = style_for(&item.role, kind, item.minor);
        let lines = lines_of(&item.geometry);
        match kind {
            Kind::Point => {
                for line in &lines {
                    let Some(p) = line.first() else { continue };
                    let Some(q) = frame.project(*p) else { continue };
                    // An area place with an outline (data/land/areas.geojson) is drawn as that outline, which its
                    // overflight is tested against; other places as the circle of their radius.
                    let outline = item
                        .name
                        .as_deref()
                        .filter(|_| item.role == "overflight")
                        .and_then(|n| Countries::areas().ok()?.by_name(n));
                    if let Some(area) = outline {
                        let rings: Vec<Vec<Point<f64>>> = area
                            .shape
                            .0
                            .iter()
                            .flat_map(|poly| std::iter::once(poly.exterior()).chain(poly.interiors()))
                            .map(|r| r.points().collect())
                            .collect();
                        shapes = shapes.add(
                            styled(
                                Path::new().set("d", path_d(frame, &rings, true, &no_cut)),
                                &s,
                                Kind::Line,
                            )
                            .set("fill", "#2e7d32")
                            .set("fill-opacity", 0.12)
                            .set("class", "outline")
                            .set("data-role", attr(&item.role))
                            .set("data-name", attr(&area.name)),
                        );
                    } else if let Some(r) = item.radius_m {
                        let ring = circle(*p, r);
                        shapes = shapes.add(
                            styled(
                                Path::new().set("d", path_d(frame, &[ring], true, &no_cut)),
                                &s,
                                Kind::Line,
                            )
                            .set("class", "radius")
                            .set("data-role", attr(&item.role)),
                        );
                    }
                    markers = markers.add(
                        marker(&s, q, 6.0)
                            .set("class", "marker")
                            .set("data-role", attr(&item.role))
                            .set("data-name", attr(item.name.as_deref().unwrap_or("")))
                            .set("data-px", format!("{:.2} {:.2}", q.0, q.1)),
                    );
                    if let Some(name) = &item.label {
                        // The same label near the same spot once only (a reference place that is also an
                        // overflight place).
                        if texts.iter().any(|(t, x, y)| t == name && (x - q.0).abs() + (y - q.1).abs() < 40.0)
                        {
                            continue;
                        }
                        texts.push((name.clone(), q.0, q.1));
                        let (x, y, anchor) = place_label(frame, q, name, &mut placed, &marks, &segments);
                        labels = labels.add(halo(text(x, y, 13.0, name).set("text-anchor", anchor)));
                    }
                }
            }
            Kind::Line | Kind::Area => {
                let skip: &dyn Fn(Point<f64>, Point<f64>) -> bool =
                    if kind == Kind::Area { &is_cut } else { &no_cut };
                if let (Kind::Area, Some(fill)) = (kind, s.fill) {
                    shapes = shapes.add(
                        Path::new()
                            .set("d", path_d(frame, &lines, true, &no_cut))
                            .set("fill", fill)
                            .set("fill-opacity", 0.35)
                            .set("fill-rule", "evenodd")
                            .set("stroke", "none")
                            .set("class", "area-fill")
                            .set("data-role", attr(&item.role)),
                    );
                }
                let d = path_d(frame, &lines, false, skip);
                let mut path = styled(Path::new().set("d", d), &s, Kind::Line)
                    .set("class", "line")
                    .set("data-role", attr(&item.role))
                    .set("data-name", attr(item.name.as_deref().unwrap_or("")));
                if item.role == "land" {
                    path = path.set("stroke-opacity", 0.55);
                }
                shapes = shapes.add(path);
                if let (Kind::Area, Some(r)) = (kind, item.ring_radius_m)
                    && let Some((x, y, t)) = ring_label(frame, &lines, r, &mut placed, &marks)
                {
                    labels = labels.add(
                        halo(text(x, y, 12.0, &t).set("text-anchor", "middle"))
                            .set("class", "ring-label")
                            .set("fill", s.stroke),
                    );
                }
                if let (true, Some(name)) = (item.role == "land", &item.name) {
                    let mid = lines.first().and_then(|l| l.get(l.len() / 2)).and_then(|p| frame.project(*p));
                    let seen = |(x, y): (f64, f64)| {
                        texts.iter().any(|(t, tx, ty)| t == name && (tx - x).abs() + (ty - y).abs() < 80.0)
                    };
                    if let Some((x, y)) = mid.filter(|m| !seen(*m)) {
                        texts.push((name.clone(), x, y));
                        labels = labels.add(
                            halo(text(x, y + 22.0, 12.0, name).set("text-anchor", "middle"))
                                .set("fill", "#1b5e20")
                                .set("font-style", "italic"),
                        );
                    }
                }
            }
        }
    }
    Group::new().add(shapes).add(markers).add(labels)
}

/// Places a 13 px label near the marker at `q`: the first of right, left, below right, below left, above right,
/// above left (then two more rows below and above) whose box stays in the panel and clear of placed labels, other
/// markers and the drawn lines (`segments`); failing that, the first of the six nearest clear of labels and
/// markers only; else nudged down on the right. The box width is estimated at 0.6 em a character (DejaVu Sans averages about 0.55).
fn place_label(
    frame: &Frame,
    q: (f64, f64),
    name: &str,
    placed: &mut Vec<(f64, f64, f64, f64)>,
    marks: &[(f64, f64)],
    segments: &[Segment],
) -> (f64, f64, &'static str) {
    let w = 0.6 * 13.0 * name.chars().count() as f64;
    let h = 14.0;
    let boxed = |x: f64, y: f64, anchor: &str| {
        let x0 = if anchor == "end" { x - w } else { x };
        (x0, y - h + 3.0, x0 + w, y + 3.0)
    };
    let free = |b: (f64, f64, f64, f64), placed: &[(f64, f64, f64, f64)]| {
        let inside = b.0 >= frame.left + 2.0
            && b.2 <= frame.left + frame.width - 2.0
            && b.1 >= frame.top + 2.0
            && b.3 <= frame.top + frame.height - 2.0;
        let clear = placed.iter().all(|p| b.2 < p.0 || b.0 > p.2 || b.3 < p.1 || b.1 > p.3);
        let off_marks =
            marks.iter().all(|m| m.0 < b.0 - 6.0 || m.0 > b.2 + 6.0 || m.1 < b.1 - 6.0 || m.1 > b.3 + 6.0);
        inside && clear && off_marks
    };
    let candidates = [
        (q.0 + 10.0, q.1 - 8.0, "start"),
        (q.0 - 10.0, q.1 - 8.0, "end"),
        (q.0 + 10.0, q.1 + 18.0, "start"),
        (q.0 - 10.0, q.1 + 18.0, "end"),
        (q.0 + 10.0, q.1 - 22.0, "start"),
        (q.0 - 10.0, q.1 - 22.0, "end"),
        (q.0 + 10.0, q.1 + 32.0, "start"),
        (q.0 - 10.0, q.1 + 32.0, "end"),
        (q.0 + 10.0, q.1 - 36.0, "start"),
        (q.0 - 10.0, q.1 - 36.0, "end"),
    ];
    // First a spot also clear of lines, then (as before) one clear of labels and markers only.
    for off_lines in [true, false] {
        for (x, y, anchor) in candidates.iter().take(if off_lines { 10 } else { 6 }).copied() {
            let b = boxed(x, y, anchor);
            if free(b, placed) && (!off_lines || !box_meets_segments(b, segments)) {
                placed.push(b);
                return (x, y, anchor);
            }
        }
    }
    let anchor = if q.0 + 10.0 + w > frame.left + frame.width { "end" } else { "start" };
    let x = if anchor == "end" { q.0 - 10.0 } else { q.0 + 10.0 };
    let mut y = q.1 - 8.0;
    while placed.iter().any(|p| {
        let b = boxed(x, y, anchor);
        !(b.2 < p.0 || b.0 > p.2 || b.3 < p.1 || b.1 > p.3)
    }) {
        y += 15.0;
    }
    placed.push(boxed(x, y, anchor));
    (x, y, anchor)
}

/// The label of a range ring of radius `r_m` metres: its text ("1000 km") and a spot on the ring (the vertex
/// highest on the map, then lower ones) where the centred 12 px text stays 30 px inside the panel and clear of
/// labels already placed and of markers; the spot's box joins `placed`. `None` when no vertex has room.
fn ring_label(
    frame: &Frame,
    rings: &[Vec<Point<f64>>],
    r_m: f64,
    placed: &mut Vec<(f64, f64, f64, f64)>,
    marks: &[(f64, f64)],
) -> Option<(f64, f64, String)> {
    let km = r_m / 1000.0;
    let t = if (km - km.round()).abs() < 1e-6 { format!("{km:.0} km") } else { format!("{km:.1} km") };
    let w = 0.6 * 12.0 * t.chars().count() as f64;
    let mut spots: Vec<(f64, f64)> = project_lines(frame, &rings[..rings.len().min(1)], None)
        .into_iter()
        .flatten()
        .map(|(_, q)| q)
        .filter(|(x, y)| {
            *x > frame.left + 30.0 + w / 2.0
                && *x < frame.left + frame.width - 30.0 - w / 2.0
                && *y > frame.top + 30.0
                && *y < frame.top + frame.height - 30.0
        })
        .collect();
    spots.sort_by(|a, b| a.1.total_cmp(&b.1));
    for (x, y) in spots {
        let b = (x - w / 2.0, y - 16.0, x + w / 2.0, y - 2.0);
        let clear = placed.iter().all(|p| b.2 < p.0 || b.0 > p.2 || b.3 < p.1 || b.1 > p.3);
        let off_marks =
            marks.iter().all(|m| m.0 < b.0 - 6.0 || m.0 > b.2 + 6.0 || m.1 < b.1 - 6.0 || m.1 > b.3 + 6.0);
        if clear && off_marks {
            placed.push(b);
            return Some((x, y - 5.0, t));
        }
    }
    None
}

/// A segment of a drawn line in pixels.
type Segment = ((f64, f64), (f64, f64));

/// The pixel segments of the lines and outlines of `items` (lines, areas, and the outlines and radius circles of
/// places), for keeping labels off them.
fn line_segments(frame: &Frame, items: &[Item]) -> Vec<Segment> {
    let mut out = Vec::new();
    for i in items {
        let mut lines = match kind_of(&i.geometry) {
            Kind::Point => Vec::new(),
            _ => lines_of(&i.geometry),
        };
        if kind_of(&i.geometry) == Kind::Point {
            let Some(p) = lines_of(&i.geometry).first().and_then(|l| l.first().copied()) else { continue };
            let area = i
                .name
                .as_deref()
                .filter(|_| i.role == "overflight")
                .and_then(|n| Countries::areas().ok()?.by_name(n));
            if let Some(a) = area {
                lines.extend(a.shape.0.iter().map(|poly| poly.exterior().points().collect::<Vec<_>>()));
            } else if let Some(r) = i.radius_m {
                lines.push(circle(p, r));
            }
        }
        for line in project_lines(frame, &lines, None) {
            for w in line.windows(2) {
                if !is_cut(w[0].0, w[1].0) {
                    out.push((w[0].1, w[1].1));
                }
            }
        }
    }
    out
}

/// Whether any segment passes through the box (x0, y0, x1, y1), widened by 2 px.
fn box_meets_segments(b: (f64, f64, f64, f64), segments: &[Segment]) -> bool {
    let (x0, y0, x1, y1) = (b.0 - 2.0, b.1 - 2.0, b.2 + 2.0, b.3 + 2.0);
    segments.iter().any(|&((ax, ay), (bx, by))| {
        if ax.max(bx) < x0 || ax.min(bx) > x1 || ay.max(by) < y0 || ay.min(by) > y1 {
            return false;
        }
        // Liang-Barsky clipping of the segment against the box.
        let (dx, dy) = (bx - ax, by - ay);
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        for (p, q) in [(-dx, ax - x0), (dx, x1 - ax), (-dy, ay - y0), (dy, y1 - ay)] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let r = q / p;
                if p < 0.0 {
                    t0 = t0.max(r);
                } else {
                    t1 = t1.min(r);
                }
            }
        }
        t0 <= t1
    })
}

fn scale_bar(frame: &Frame) -> Group {
    let metres_per_px = 1.0 / frame.k;
    let target = frame.width * 0.22 * metres_per_px;
    let length_m = nice_length(target);
    let px = length_m * frame.k;
    let (x, y) = (frame.left + 16.0, frame.top + frame.height - 22.0);
    let km = length_m / 1000.0;
    let label = if km >= 1.0 { format!("{} km", km) } else { format!("{} m", length_m) };
    Group::new()
        .set("id", "scale-bar")
        .set("data-metres-per-px", format!("{metres_per_px:.6}"))
        .set("data-length-m", length_m)
        .add(
            Rect::new()
                .set("x", x - 8.0)
                .set("y", y - 20.0)
                .set("width", px + 16.0 + 70.0)
                .set("height", 32.0)
                .set("fill", "#ffffff")
                .set("fill-opacity", 0.8),
        )
        .add(
            Line::new()
                .set("id", "scale-bar-line")
                .set("x1", x)
                .set("y1", y)
                .set("x2", x + px)
                .set("y2", y)
                .set("stroke", "#111111")
                .set("stroke-width", 3),
        )
        .add(
            Line::new()
                .set("x1", x)
                .set("y1", y - 5.0)
                .set("x2", x)
                .set("y2", y + 5.0)
                .set("stroke", "#111111"),
        )
        .add(
            Line::new()
                .set("x1", x + px)
                .set("y1", y - 5.0)
                .set("x2", x + px)
                .set("y2", y + 5.0)
                .set("stroke", "#111111"),
        )
        .add(text(x, y - 8.0, 11.0, "0"))
        .add(text(x + px + 6.0, y + 4.0, 12.0, &label))
}

fn legend(frame: &Frame, items: &[Item], feature_px: &[(f64, f64)]) -> Group {
    let mut seen: Vec<(String, Kind, bool)> = Vec::new();
    let mut entries: Vec<(Style, Kind)> = Vec::new();
    let mut sorted: Vec<&Item> = items.iter().collect();
    sorted.sort_by_key(|i| std::cmp::Reverse(style_for(&i.role, kind_of(&i.geometry), i.minor).order));
    for i in sorted {
        let kind = kind_of(&i.geometry);
        let key = (i.role.clone(), kind, i.minor);
        let s = style_for(&i.role, kind, i.minor);
        if seen.contains(&key) || entries.iter().any(|(e, _)| e.legend == s.legend) {
            continue;
        }
        seen.push(key);
        entries.push((s, kind));
    }
    let row = 20.0;
    let w = 230.0;
    let h = 12.0 + row * entries.len() as f64;
    // The corner that hides the fewest features: top right, top left, bottom right, then above the scale bar.
    let corners = [
        (frame.left + frame.width - w - 10.0, frame.top + 10.0),
        (frame.left + 10.0, frame.top + 10.0),
        (frame.left + frame.width - w - 10.0, frame.top + frame.height - h - 10.0),
        (frame.left + 10.0, frame.top + frame.height - h - 56.0),
    ];
    let hidden = |(x, y): (f64, f64)| {
        feature_px
            .iter()
            .filter(|(px, py)| {
                *px >= x - 10.0 && *px <= x + w + 10.0 && *py >= y - 10.0 && *py <= y + h + 10.0
            })
            .count()
    };
    let (x, y) = corners.into_iter().min_by_key(|c| hidden(*c)).unwrap_or(corners[0]);
    let mut g = Group::new().set("id", "legend").add(
        Rect::new()
            .set("x", x)
            .set("y", y)
            .set("width", w)
            .set("height", h)
            .set("fill", "#ffffff")
            .set("fill-opacity", 0.88)
            .set("stroke", "#999999"),
    );
    for (k, (s, kind)) in entries.iter().enumerate() {
        let cy = y + 16.0 + row * k as f64;
        let sym = match kind {
            Kind::Point => marker(s, (x + 20.0, cy), 5.5).into_group(),
            Kind::Line => {
                let p = styled(Path::new().set("d", format!("M{:.1} {:.1}h28", x + 6.0, cy)), s, Kind::Line);
                let p = if s.legend == "track over land" { p.set("stroke-opacity", 0.55) } else { p };
                Group::new().add(p)
            }
            Kind::Area => Group::new().add(styled(
                Path::new().set("d", format!("M{:.1} {:.1}h28v12h-28Z", x + 6.0, cy - 6.0)),
                s,
                Kind::Area,
            )),
        };
        g = g.add(sym).add(text(x + 42.0, cy + 4.0, 12.0, s.legend).set("class", "legend-entry"));
    }
    g
}

trait IntoGroup {
    fn into_group(self) -> Group;
}

impl IntoGroup for Path {
    fn into_group(self) -> Group {
        Group::new().add(self)
    }
}
