//! The readable output of `groundtrack closest`, `intersect`, `ring` and `reach`, for people.

use super::check_text::lat_lon;
use super::geometry_json::side;
use super::geometry_reach::{ReachEntry, ReachReport};
use super::geometry_report::{ClosestReport, IntersectReport, RingReport};
use super::table::new_table;
use super::trajectory_report::Site;
use super::trajectory_text::grouped;
use crate::geodesy::{RingShape, SegmentEnd};
use crate::parse::Unit;

/// A distance in metres shown in `unit` to the millimetre's order: three decimals in km, nmi and mi, one in
/// metres ("63.752 km").
///
/// # Example
/// ```
/// use groundtrack::output::geometry_text::precise_distance;
/// use groundtrack::parse::Unit;
/// assert_eq!(precise_distance(63_751.712, Unit::Kilometre), "63.752 km");
/// assert_eq!(precise_distance(-1_852.0, Unit::NauticalMile), "-1.000 nmi");
/// assert_eq!(precise_distance(1_234.56, Unit::Metre), "1,234.6 m");
/// ```
pub fn precise_distance(m: f64, unit: Unit) -> String {
    let digits = if unit == Unit::Metre { 1 } else { 3 };
    format!("{} {}", grouped(unit.from_si(m), digits), unit.symbol())
}

/// A distance with one decimal ("2,692.3 km"), none in metres.
fn distance(m: f64, unit: Unit) -> String {
    super::trajectory_text::distance(m, unit)
}

fn named(s: &Site) -> String {
    let coords = lat_lon(s.point.y(), s.point.x());
    if s.name == format!("{:.5}, {:.5}", s.point.y(), s.point.x()) {
        coords
    } else {
        format!("{} ({coords})", s.name)
    }
}

/// The report of a closest approach: the signed cross-track distance (with its sign convention), the
/// along-track distance from A and the nearest point.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::output::{geometry_report, geometry_text};
/// use groundtrack::output::trajectory_report::Site;
/// use groundtrack::parse::Unit;
/// let site = |name: &str, x, y| Site { name: name.into(), point: Point::new(x, y) };
/// let r = geometry_report::closest(site("P", 5.0, 1.0), site("A", 0.0, 0.0), site("B", 10.0, 0.0), false)
///     .unwrap();
/// let text = geometry_text::render_closest(&r, Unit::Kilometre);
/// assert!(text.contains("110.574 km, left of the direction of travel"));
/// ```
pub fn render_closest(r: &ClosestReport, unit: Unit) -> String {
    let c = &r.approach;
    let line = if r.segment { "the segment" } else { "the full geodesic" };
    let mut s = String::new();
    s.push_str(&format!("Point            {}\n", named(&r.point)));
    s.push_str(&format!("Line             {line} from A {} to B {}\n", named(&r.a), named(&r.b)));
    s.push_str(&format!(
        "                 WGS84 geodesic, {} long, azimuth {:.6} deg at A\n",
        precise_distance(r.line_length_m, unit),
        r.line_azimuth_deg
    ));
    let sided = match side(c.cross_track_m) {
        "on the line" => "on the line".to_string(),
        other => format!("{other} of the direction of travel A to B"),
    };
    let magnitude = precise_distance(c.cross_track_m.abs(), unit);
    s.push_str(&format!(
        "Cross-track      {}  ({magnitude}, {sided})\n",
        precise_distance(c.cross_track_m, unit)
    ));
    s.push_str(&format!("Along-track      {} from A\n", precise_distance(c.along_track_m, unit)));
    s.push_str(&format!(
        "Nearest point    {}  ({:.9}, {:.9})\n",
        lat_lon(c.point.y(), c.point.x()),
        c.point.y(),
        c.point.x()
    ));
    match c.at_end {
        Some(end) => {
            let which = if end == SegmentEnd::Start { "A" } else { "B" };
            s.push_str(&format!(
                "Distance         {} to the end point {which} (the foot of the perpendicular is beyond it)\n",
                precise_distance(c.distance_m, unit)
            ));
        }
        None => s.push_str(&format!("Distance         {}\n", precise_distance(c.distance_m, unit))),
    }
    s.push_str(
        "Sign             cross-track > 0: the point is LEFT of the direction of travel A to B; < 0: right\n",
    );
    s
}

/// The report of an intersection: the point, the signed distances along each geodesic from its first point
/// and whether the point lies on each segment.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::output::{geometry_report, geometry_text};
/// use groundtrack::output::trajectory_report::Site;
/// use groundtrack::parse::Unit;
/// let site = |name: &str, x, y| Site { name: name.into(), point: Point::new(x, y) };
/// let r = geometry_report::intersection([site("A1", 0.0, 0.0), site("A2", 20.0, 0.0),
///     site("B1", 10.0, -5.0), site("B2", 10.0, 5.0)]).unwrap();
/// let text = geometry_text::render_intersect(&r, Unit::Kilometre);
/// assert!(text.contains("1,113.195 km from A1 (within A1..A2)"));
/// ```
pub fn render_intersect(r: &IntersectReport, unit: Unit) -> String {
    let x = &r.intersection;
    let [a1, a2, b1, b2] = &r.points;
    let within = |w: bool, seg: &str| {
        if w { format!("within {seg}") } else { format!("outside {seg}") }
    };
    let mut s = String::new();
    s.push_str(&format!(
        "Line A           {} to {}, {}\n",
        named(a1),
        named(a2),
        precise_distance(r.lengths_m[0], unit)
    ));
    s.push_str(&format!(
        "Line B           {} to {}, {}\n",
        named(b1),
        named(b2),
        precise_distance(r.lengths_m[1], unit)
    ));
    s.push_str(&format!(
        "Intersection     {}  ({:.9}, {:.9})\n",
        lat_lon(x.point.y(), x.point.x()),
        x.point.y(),
        x.point.x()
    ));
    s.push_str(&format!(
        "Along A          {} from A1 ({})\n",
        precise_distance(x.along_a_m, unit),
        within(x.within_a, "A1..A2")
    ));
    s.push_str(&format!(
        "Along B          {} from B1 ({})\n",
        precise_distance(x.along_b_m, unit),
        within(x.within_b, "B1..B2")
    ));
    s.push_str("Model            WGS84 geodesics, the closest intersection (least |along A| + |along B|)\n");
    s
}

/// A table of range rings: radius, area, vertices, poles inside.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::Ellipsoid;
/// use groundtrack::output::{geometry_report, geometry_text};
/// use groundtrack::output::trajectory_report::Site;
/// use groundtrack::parse::Unit;
/// let c = Site { name: "Sunan".into(), point: Point::new(125.67, 39.22389) };
/// let r = geometry_report::rings(&Ellipsoid::wgs84(), c, &[6e6, 2.1e7], 1_000.0).unwrap();
/// let text = geometry_text::render_rings(&r, Unit::Kilometre);
/// assert!(text.contains("6,000.0 km") && text.contains("whole earth"));
/// ```
pub fn render_rings(r: &RingReport, unit: Unit) -> String {
    let mut t = new_table();
    t.set_header(vec!["radius", "area km²", "vertices", "contains"]);
    for ring in &r.rings {
        let (vertices, contains) = match &ring.shape {
            RingShape::WholeEarth => ("-".to_string(), "whole earth".to_string()),
            RingShape::Ring(v) => {
                let poles = match (ring.contains_north_pole, ring.contains_south_pole) {
                    (true, true) => "both poles",
                    (true, false) => "North Pole",
                    (false, true) => "South Pole",
                    (false, false) => "",
                };
                (v.len().saturating_sub(1).to_string(), poles.to_string())
            }
        };
        t.add_row(vec![distance(ring.radius_m, unit), grouped(ring.area_m2 / 1e6, 1), vertices, contains]);
    }
    format!(
        "Range rings around {}, {}; drawn segments within {} of the circle\n{t}\n",
        named(&r.center),
        r.model,
        distance(r.max_deviation_m, Unit::Metre)
    )
}

fn entry_row(e: &ReachEntry, unit: Unit) -> Vec<String> {
    vec![
        e.name.clone(),
        e.kind.map_or(String::new(), |k| k.as_str().to_string()),
        e.country.clone(),
        distance(e.distance_m, unit),
        format!("{:.1}", e.azimuth_deg),
        e.margin_m.map_or("-".to_string(), |m| distance(m, unit)),
    ]
}

/// The table of `groundtrack reach`: places within the range, nearest first, and the named targets with the
/// range each needs.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::Ellipsoid;
/// use groundtrack::output::geometry_reach::{ReachReport, places_within};
/// use groundtrack::output::geometry_text::render_reach;
/// use groundtrack::output::trajectory_report::Site;
/// use groundtrack::parse::Unit;
/// use groundtrack::places::Gazetteer;
/// let e = Ellipsoid::wgs84();
/// let launch = Site { name: "Sunan".into(), point: Point::new(125.67, 39.22389) };
/// let places = places_within(&e, Gazetteer::embedded(), launch.point, 1e6, None).unwrap();
/// let r = ReachReport { launch, range_m: Some(1e6), model: "WGS84 geodesic", kind: None, places,
///     targets: vec![] };
/// assert!(render_reach(&r, Unit::Kilometre).contains("Pyongyang"));
/// ```
pub fn render_reach(r: &ReachReport, unit: Unit) -> String {
    let header = vec!["name", "kind", "country", "distance", "azimuth deg", "margin"];
    let mut s = match r.range_m {
        Some(range) => format!(
            "From {}, range {} ({}; ground distance only, no earth rotation)\n",
            named(&r.launch),
            distance(range, unit),
            r.model
        ),
        None => format!("From {} ({}; ground distance only, no earth rotation)\n", named(&r.launch), r.model),
    };
    if let Some(range) = r.range_m {
        let kind = r.kind.map_or("places".to_string(), |k| format!("places of kind {k}"));
        if r.places.is_empty() {
            s.push_str(&format!("No {kind} within {}.\n", distance(range, unit)));
        } else {
            let mut t = new_table();
            t.set_header(header.clone());
            for e in &r.places {
                t.add_row(entry_row(e, unit));
            }
            s.push_str(&format!("{t}\n{} {kind} within range (margin = range - distance)\n", r.places.len()));
        }
    }
    if !r.targets.is_empty() {
        let mut t = new_table();
        let mut h = header;
        h[3] = "range needed";
        h.push("in reach");
        t.set_header(h);
        for e in &r.targets {
            let mut row = entry_row(e, unit);
            row.push(e.margin_m.map_or("-".to_string(), |m| if m >= 0.0 { "yes" } else { "no" }.to_string()));
            t.add_row(row);
        }
        s.push_str(&format!("Targets\n{t}\n"));
    }
    s
}
