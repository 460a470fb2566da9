//! The profile picture of a flight: altitude against downrange, apogee and overflights marked.

use std::fmt::Write as _;

use svg::Document;
use svg::node::element::{Circle, Group, Line, Path, Rectangle as Rect, Text};

use super::MapError;
use super::style::FONT;

/// One point of the profile.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProfilePoint {
    /// Distance along the ground track from the launch, metres.
    pub downrange_m: f64,
    /// Height above the surface, metres.
    pub altitude_m: f64,
}

/// A place marked on the profile: a single downrange distance, or a stretch (over land) from `from_m` to `to_m`.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileMark {
    /// Start of the mark, metres downrange.
    pub from_m: f64,
    /// End of a stretch, metres downrange (`None` for a single place).
    pub to_m: Option<f64>,
    /// The label ("Japan", "Cape Erimo").
    pub label: String,
}

/// What [`render_profile`] draws.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProfileChart {
    /// Title at the top.
    pub title: String,
    /// The flight, in order of downrange distance.
    pub points: Vec<ProfilePoint>,
    /// Overflight places and stretches over land.
    pub marks: Vec<ProfileMark>,
}

fn nice_step(span: f64) -> f64 {
    let raw = span / 6.0;
    let p = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * p).find(|v| *v >= raw).unwrap_or(10.0 * p)
}

fn text(x: f64, y: f64, size: f64, s: &str) -> Text {
    Text::new(s).set("x", format!("{x:.1}")).set("y", format!("{y:.1}")).set("font-size", size)
}

/// Draws altitude (km) against downrange (km) as an SVG document (1000 × 520 px).
///
/// The apogee (the highest point) is marked and labelled with its altitude and downrange; each mark is drawn as
/// a shaded band (a stretch) or a vertical line (a place) with its label. Structure, for tests:
/// `<path id="profile-curve">`, `<circle id="apogee" data-downrange-km data-altitude-km>`, one
/// `<g class="mark" data-label>` per mark, axes `<g id="x-axis">` and `<g id="y-axis">`.
///
/// # Errors
/// [`MapError::Invalid`] for fewer than two points or a non-finite value.
///
/// # Example
/// ```
/// use groundtrack::map::{ProfileChart, ProfileMark, ProfilePoint, render_profile};
/// // A parabola peaking at 550 km over 2,700 km.
/// let points = (0..=100)
///     .map(|i| {
///         let x = 2_700_000.0 * i as f64 / 100.0;
///         ProfilePoint { downrange_m: x, altitude_m: 550_000.0 * (1.0 - ((x - 1_350_000.0) / 1_350_000.0).powi(2)) }
///     })
///     .collect();
/// let marks = vec![ProfileMark { from_m: 1_244_000.0, to_m: Some(1_287_000.0), label: "Japan".into() }];
/// let svg = render_profile(&ProfileChart { title: "test".into(), points, marks }).unwrap();
/// assert!(svg.contains(r#"data-downrange-km="1350.0""#) && svg.contains(r#"data-altitude-km="550.0""#));
/// assert!(svg.contains(r#"data-label="Japan""#));
/// ```
pub fn render_profile(chart: &ProfileChart) -> Result<String, MapError> {
    let invalid = |m: &str| MapError::Invalid { what: "profile".into(), message: m.into() };
    if chart.points.len() < 2 {
        return Err(invalid("needs at least two points"));
    }
    if chart.points.iter().any(|p| !(p.downrange_m.is_finite() && p.altitude_m.is_finite())) {
        return Err(invalid("a point is not a finite number"));
    }
    let (w, h) = (1000.0, 520.0);
    let (left, right, top, bottom) = (80.0, 30.0, 60.0, 60.0);
    let (pw, ph) = (w - left - right, h - top - bottom);
    let xmax_km = chart.points.iter().map(|p| p.downrange_m).fold(f64::MIN, f64::max).max(1.0) / 1000.0;
    let ymax_km = chart.points.iter().map(|p| p.altitude_m).fold(f64::MIN, f64::max).max(1.0) / 1000.0 * 1.12;
    let xmin_km = chart.points.iter().map(|p| p.downrange_m).fold(f64::MAX, f64::min).min(0.0) / 1000.0;
    let sx = |km: f64| left + (km - xmin_km) / (xmax_km - xmin_km) * pw;
    let sy = |km: f64| top + ph - km / ymax_km * ph;
    let mut doc = Document::new()
        .set("width", w)
        .set("height", h)
        .set("viewBox", (0, 0, w, h))
        .set("font-family", FONT)
        .add(Rect::new().set("width", "100%").set("height", "100%").set("fill", "#ffffff"))
        .add(text(left, 32.0, 20.0, &chart.title).set("id", "title").set("font-weight", "bold"));
    // Marks under the curve.
    let mut marks = Group::new().set("id", "marks");
    for (k, m) in chart.marks.iter().enumerate() {
        if !m.from_m.is_finite() {
            continue;
        }
        let x0 = sx(m.from_m / 1000.0);
        let ly = top + 16.0 + 15.0 * (k % 4) as f64;
        let mut g = Group::new().set("class", "mark").set("data-label", m.label.replace('"', "'"));
        match m.to_m.filter(|t| t.is_finite()) {
            Some(to) => {
                let x1 = sx(to / 1000.0);
                g = g.add(
                    Rect::new()
                        .set("x", format!("{x0:.1}"))
                        .set("y", top)
                        .set("width", format!("{:.1}", (x1 - x0).max(1.5)))
                        .set("height", ph)
                        .set("fill", "#2e7d32")
                        .set("fill-opacity", 0.18),
                );
            }
            None => {
                g = g.add(
                    Line::new()
                        .set("x1", format!("{x0:.1}"))
                        .set("x2", format!("{x0:.1}"))
                        .set("y1", top)
                        .set("y2", top + ph)
                        .set("stroke", "#1b5e20")
                        .set("stroke-dasharray", "4 3"),
                );
            }
        }
        g = g.add(text(x0 + 3.0, ly, 12.0, &m.label).set("fill", "#1b5e20"));
        marks = marks.add(g);
    }
    doc = doc.add(marks);
    // Axes with ticks.
    let mut xa = Group::new().set("id", "x-axis").set("stroke", "#333333");
    xa = xa.add(Line::new().set("x1", left).set("x2", left + pw).set("y1", top + ph).set("y2", top + ph));
    let step = nice_step(xmax_km - xmin_km);
    let mut v = (xmin_km / step).ceil() * step;
    while v <= xmax_km + 1e-9 {
        let x = sx(v);
        xa = xa.add(Line::new().set("x1", x).set("x2", x).set("y1", top + ph).set("y2", top + ph + 5.0));
        xa = xa.add(
            text(x, top + ph + 19.0, 11.0, &format!("{v}"))
                .set("text-anchor", "middle")
                .set("stroke", "none"),
        );
        v += step;
    }
    xa = xa.add(
        text(left + pw / 2.0, h - 14.0, 13.0, "downrange distance along the ground track (km)")
            .set("text-anchor", "middle")
            .set("stroke", "none"),
    );
    let mut ya = Group::new().set("id", "y-axis").set("stroke", "#333333");
    ya = ya.add(Line::new().set("x1", left).set("x2", left).set("y1", top).set("y2", top + ph));
    let step = nice_step(ymax_km);
    let mut v = 0.0;
    while v <= ymax_km + 1e-9 {
        let y = sy(v);
        ya = ya.add(Line::new().set("x1", left - 5.0).set("x2", left).set("y1", y).set("y2", y));
        ya = ya.add(
            Line::new()
                .set("x1", left)
                .set("x2", left + pw)
                .set("y1", y)
                .set("y2", y)
                .set("stroke", "#e3e3e3"),
        );
        ya = ya.add(
            text(left - 8.0, y + 4.0, 11.0, &format!("{v}")).set("text-anchor", "end").set("stroke", "none"),
        );
        v += step;
    }
    ya = ya.add(
        text(18.0, top + ph / 2.0, 13.0, "altitude (km)")
            .set("transform", format!("rotate(-90 18 {:.1})", top + ph / 2.0))
            .set("text-anchor", "middle")
            .set("stroke", "none"),
    );
    doc = doc.add(ya).add(xa);
    // The curve.
    let mut d = String::new();
    for (i, p) in chart.points.iter().enumerate() {
        let _ = write!(
            d,
            "{}{:.1} {:.1}",
            if i == 0 { "M" } else { "L" },
            sx(p.downrange_m / 1000.0),
            sy(p.altitude_m / 1000.0)
        );
    }
    doc = doc.add(
        Path::new()
            .set("id", "profile-curve")
            .set("d", d)
            .set("fill", "none")
            .set("stroke", "#c0392b")
            .set("stroke-width", 2.2),
    );
    // Apogee.
    if let Some(a) = chart.points.iter().max_by(|a, b| a.altitude_m.total_cmp(&b.altitude_m)) {
        let (x, y) = (sx(a.downrange_m / 1000.0), sy(a.altitude_m / 1000.0));
        doc = doc
            .add(
                Circle::new()
                    .set("id", "apogee")
                    .set("cx", format!("{x:.1}"))
                    .set("cy", format!("{y:.1}"))
                    .set("r", 5)
                    .set("fill", "#ff9f1c")
                    .set("stroke", "#5a3000")
                    .set("data-downrange-km", format!("{:.1}", a.downrange_m / 1000.0))
                    .set("data-altitude-km", format!("{:.1}", a.altitude_m / 1000.0)),
            )
            .add(
                text(
                    x,
                    y + 24.0, // below the peak, clear of the labels of land stretches along the top
                    12.0,
                    &format!(
                        "apogee {:.0} km at {:.0} km downrange",
                        a.altitude_m / 1000.0,
                        a.downrange_m / 1000.0
                    ),
                )
                .set("text-anchor", "middle"),
            );
    }
    Ok(doc.to_string())
}

/// The profile chart of a flight from `groundtrack fly`: altitude against ground range from the launch, with the
/// stretches of the ground track over land marked: the report's own [`FlightReport::land`] (Natural Earth 1:50m,
/// along the line [`crate::output::trajectory_land::ground_track_vertices`] describes, so over the rotating Earth
/// along the curved ground track), their along-track distances turned into the profile's ground range by
/// [`crate::output::trajectory_land::range_at_along`].
///
/// # Errors
/// [`crate::Error::Geodesy`] if a ground-track vertex cannot be computed.
///
/// Used by `groundtrack fly --profile PATH` (tests/cli_fly.rs draws the 2017-08-29 flight with it).
///
/// [`FlightReport::land`]: crate::output::trajectory_report::FlightReport::land
pub fn flight_profile(
    report: &crate::output::trajectory_report::FlightReport,
) -> crate::Result<ProfileChart> {
    let points: Vec<ProfilePoint> = report
        .map_track
        .iter()
        .map(|s| ProfilePoint { downrange_m: s.range_m, altitude_m: s.altitude_m })
        .collect();
    let range_at = crate::output::trajectory_land::range_at_along(report)?;
    let mut marks = Vec::new();
    for stretch in &report.land {
        let (Some(from_m), Some(to_m)) = (range_at(stretch.entry_along_m), range_at(stretch.exit_along_m))
        else {
            continue;
        };
        // Neighbouring stretches of one country (a cape, then the next) share one label.
        let repeated = marks.last().is_some_and(|m: &ProfileMark| {
            m.label == stretch.country || (m.label.is_empty() && m.to_m.is_some())
        }) && marks
            .iter()
            .rev()
            .find(|m| !m.label.is_empty())
            .is_some_and(|m| m.label == stretch.country);
        marks.push(ProfileMark {
            from_m,
            to_m: Some(to_m),
            label: if repeated { String::new() } else { stretch.country.clone() },
        });
    }
    let title = match &report.impact {
        Some(i) => format!("{} to {}: altitude against ground range", report.launch.name, i.name),
        None => format!("From {}: altitude against ground range", report.launch.name),
    };
    Ok(ProfileChart { title, points, marks })
}
