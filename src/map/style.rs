//! How each kind of feature (its `role` property) is drawn, and its legend text.

/// The shape drawn at a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    Triangle,
    Diamond,
    Square,
    Circle,
    Ring,
}

/// Stroke, fill and marker of one role.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub stroke: &'static str,
    pub width: f64,
    pub dash: Option<&'static str>,
    pub fill: Option<&'static str>,
    pub marker: Marker,
    pub legend: &'static str,
    /// Drawing order: lower first.
    pub order: u8,
}

const fn style(
    stroke: &'static str,
    width: f64,
    dash: Option<&'static str>,
    fill: Option<&'static str>,
    marker: Marker,
    legend: &'static str,
    order: u8,
) -> Style {
    Style { stroke, width, dash, fill, marker, legend, order }
}

/// Kind of geometry, for roles drawn differently as points and lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Point,
    Line,
    Area,
}

/// The style of a role and geometry kind; `minor` marks secondary lines (tracks of readings).
pub(crate) fn style_for(role: &str, kind: Kind, minor: bool) -> Style {
    use Marker::*;
    match (role, kind) {
        ("launch", Kind::Point) => style("#7f0000", 1.2, None, Some("#d62728"), Triangle, "launch", 90),
        ("estimate", Kind::Point) => {
            style("#5a3000", 1.2, None, Some("#ff9f1c"), Diamond, "best estimate of impact", 91)
        }
        // `groundtrack fly`: the impact point given (or the re-entry point computed), not an estimate.
        ("impact", Kind::Point) => style("#5a3000", 1.2, None, Some("#ff9f1c"), Diamond, "impact point", 91),
        ("burnout", Kind::Point) => style("#7f0000", 1.0, None, Some("#ffffff"), Triangle, "burnout", 89),
        ("reading", Kind::Point) => {
            style("#3b1f5c", 1.0, None, Some("#9467bd"), Circle, "literal reading", 88)
        }
        ("start", Kind::Point) => style("#7f0000", 1.2, None, Some("#d62728"), Triangle, "start", 90),
        ("via", Kind::Point) => style("#0b2e59", 1.0, None, Some("#1f77b4"), Square, "waypoint", 87),
        ("end", Kind::Point) => style("#5a3000", 1.2, None, Some("#ff9f1c"), Diamond, "end", 89),
        ("center", Kind::Point) => {
            style("#0b2e59", 1.0, None, Some("#1f77b4"), Square, "centre of the rings", 87)
        }
        ("reference", Kind::Point) => {
            style("#0b2e59", 1.0, None, Some("#1f77b4"), Square, "reference place", 87)
        }
        ("overflight", Kind::Point) => {
            style("#1b5e20", 1.6, Some("5 4"), Some("#ffffff"), Ring, "stated overflight place", 86)
        }
        ("apogee", Kind::Point) => style("#333333", 1.0, None, Some("#ffffff"), Circle, "apogee", 85),
        (_, Kind::Point) => style("#222222", 1.0, None, Some("#555555"), Circle, "point", 84),
        ("track", Kind::Line) | ("trajectory", Kind::Line) if minor => {
            style("#9467bd", 1.4, Some("6 4"), None, Circle, "track of a reading", 60)
        }
        ("track", Kind::Line) => style("#c0392b", 2.4, None, None, Circle, "ground track (geodesic)", 62),
        // `groundtrack fly`: the points under the missile (a geodesic without rotation, curved with it).
        ("trajectory", Kind::Line) => {
            style("#c0392b", 2.4, None, None, Circle, "ground track of the flight", 62)
        }
        ("boost", Kind::Line) => {
            style("#7f0000", 1.4, Some("3 3"), None, Circle, "boost allowance (not modelled)", 61)
        }
        ("reading", Kind::Line) => style("#555555", 1.0, Some("2 3"), None, Circle, "line of a reading", 55),
        ("land", Kind::Line) => style("#2e7d32", 7.0, None, None, Circle, "track over land", 50),
        ("ring", _) | ("range ring", _) => style("#1f4e79", 1.2, Some("8 5"), None, Circle, "range ring", 40),
        ("region", Kind::Area) | ("region", Kind::Line) => {
            style("#e67e00", 1.5, None, Some("#ffb347"), Circle, "feasible impact region", 30)
        }
        (_, Kind::Line) => style("#333333", 1.2, None, None, Circle, "line", 45),
        (_, Kind::Area) => style("#555555", 1.0, None, Some("#bbbbbb"), Circle, "area", 35),
    }
}

/// Background colours.
pub(crate) const SEA: &str = "#dbe8f2";
pub(crate) const LAND: &str = "#f3efe4";
pub(crate) const BORDER: &str = "#9c9284";
pub(crate) const GRATICULE: &str = "#9fb4c7";
pub(crate) const FONT: &str = "DejaVu Sans";
