//! The answers of `groundtrack closest`, `groundtrack intersect` and `groundtrack ring`, with the named
//! inputs they came from: what the text, JSON and GeoJSON printers of these commands read.

use super::trajectory_report::Site;
use crate::geodesy::{
    ClosestApproach, EarthModel, Ellipsoid, Intersection, RangeRing, closest_approach,
    closest_approach_on_segment, intersect, range_ring,
};

/// The closest approach of a point to a geodesic, with its inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosestReport {
    /// The point P.
    pub point: Site,
    /// The line's first point A.
    pub a: Site,
    /// The line's second point B.
    pub b: Site,
    /// Whether the line is the segment A..B (true) or the full geodesic through A and B.
    pub segment: bool,
    /// Length of the shortest geodesic from A to B, metres.
    pub line_length_m: f64,
    /// Azimuth of that geodesic at A, degrees clockwise from north.
    pub line_azimuth_deg: f64,
    /// The answer of [`closest_approach`] or [`closest_approach_on_segment`].
    pub approach: ClosestApproach,
}

/// The closest approach of `point` to the geodesic through `a` and `b` (the segment when `segment`), on the
/// WGS84 ellipsoid (Karney 2013, J. Geodesy 87:43-55, sec. 8: see [`closest_approach`]).
///
/// # Errors
/// [`crate::Error::Invalid`] if `a` and `b` are the same point (a zero-length line has no direction);
/// [`crate::Error::Geodesy`] for invalid points.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::output::geometry_report::closest;
/// use groundtrack::output::trajectory_report::Site;
/// let site = |name: &str, x, y| Site { name: name.into(), point: Point::new(x, y) };
/// // GeodSolve -i -p 12 <<< "0 5 1 5" gives 110574.38855780 m.
/// let r = closest(site("P", 5.0, 1.0), site("A", 0.0, 0.0), site("B", 10.0, 0.0), false).unwrap();
/// assert!((r.approach.cross_track_m - 110_574.388_558).abs() < 1e-3);
/// assert!(closest(site("P", 5.0, 1.0), site("A", 0.0, 0.0), site("B", 0.0, 0.0), false).is_err());
/// ```
pub fn closest(point: Site, a: Site, b: Site, segment: bool) -> crate::Result<ClosestReport> {
    let e = Ellipsoid::wgs84();
    distinct("A", &a, "B", &b)?;
    let approach = if segment {
        closest_approach_on_segment(&e, point.point, a.point, b.point)?
    } else {
        closest_approach(&e, point.point, a.point, b.point)?
    };
    let line = e.inverse(a.point, b.point)?;
    Ok(ClosestReport {
        point,
        a,
        b,
        segment,
        line_length_m: line.distance_m,
        line_azimuth_deg: line.azimuth1_deg,
        approach,
    })
}

/// Refuses a line whose two points are the same point (a zero-length line has no direction).
///
/// # Errors
/// [`crate::Error::Invalid`] naming both points; [`crate::Error::Geodesy`] for an invalid point.
fn distinct(name1: &str, p1: &Site, name2: &str, p2: &Site) -> crate::Result<()> {
    if Ellipsoid::wgs84().inverse(p1.point, p2.point)?.distance_m == 0.0 {
        return Err(crate::Error::Invalid {
            what: format!("{name1}, {name2}"),
            message: format!(
                "{name1} ({}) and {name2} ({}) are the same point, so the line through them has no \
                 direction; give two distinct points",
                p1.name, p2.name
            ),
        });
    }
    Ok(())
}

/// The intersection of two geodesics, with its inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct IntersectReport {
    /// A1, A2, B1, B2.
    pub points: [Site; 4],
    /// Lengths of the segments A1..A2 and B1..B2, metres.
    pub lengths_m: [f64; 2],
    /// The answer of [`intersect`].
    pub intersection: Intersection,
}

/// The closest intersection of the geodesic through A1, A2 with the one through B1, B2 on the WGS84
/// ellipsoid (Karney 2013, sec. 8; Karney 2024, J. Surveying Eng. 150(3): see [`intersect`]).
///
/// # Errors
/// [`crate::Error::Invalid`] for a line whose two points are the same point; [`crate::Error::Geodesy`] for
/// invalid points, geodesics that coincide (or are parallel) or an iteration that does not converge.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::output::geometry_report::intersection;
/// use groundtrack::output::trajectory_report::Site;
/// let site = |name: &str, x, y| Site { name: name.into(), point: Point::new(x, y) };
/// let r = intersection([site("A1", 0.0, 0.0), site("A2", 20.0, 0.0), site("B1", 10.0, -5.0),
///     site("B2", 10.0, 5.0)]).unwrap();
/// // GeodSolve -i -p 12 <<< "0 0 0 10" gives 1113194.907932736 m.
/// assert!((r.intersection.along_a_m - 1_113_194.907_933).abs() < 1e-3);
/// ```
pub fn intersection(points: [Site; 4]) -> crate::Result<IntersectReport> {
    let e = Ellipsoid::wgs84();
    let [a1, a2, b1, b2] = &points;
    distinct("A1", a1, "A2", a2)?;
    distinct("B1", b1, "B2", b2)?;
    let intersection = intersect(&e, a1.point, a2.point, b1.point, b2.point)?;
    let lengths_m = [e.inverse(a1.point, a2.point)?.distance_m, e.inverse(b1.point, b2.point)?.distance_m];
    Ok(IntersectReport { points, lengths_m, intersection })
}

/// Range rings around one centre, with their inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct RingReport {
    /// The centre.
    pub center: Site,
    /// The model's name ("WGS84 geodesic", "sphere").
    pub model: &'static str,
    /// The largest allowed distance of a drawn segment from the true circle, metres.
    pub max_deviation_m: f64,
    /// One ring per radius, in the order given.
    pub rings: Vec<RangeRing>,
}

/// The range rings of the given radii (metres) around `center` on `model`, densified to `max_deviation_m`
/// ([`range_ring`]). A radius at or beyond the distance to the antipode gives the whole earth.
///
/// # Errors
/// [`crate::Error::Invalid`] when no radius is given; [`crate::Error::Geodesy`] for a radius that is not a
/// positive finite distance, an invalid centre or an unusable deviation.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::{Ellipsoid, RingShape};
/// use groundtrack::output::geometry_report::rings;
/// use groundtrack::output::trajectory_report::Site;
/// let sunan = Site { name: "Sunan".into(), point: Point::new(125.67, 39.22389) };
/// let r = rings(&Ellipsoid::wgs84(), sunan, &[1e6, 2.1e7], 1_000.0).unwrap();
/// assert!(matches!(r.rings[0].shape, RingShape::Ring(_)));
/// assert_eq!(r.rings[1].shape, RingShape::WholeEarth);
/// ```
pub fn rings<M: EarthModel + ?Sized>(
    model: &M,
    center: Site,
    radii_m: &[f64],
    max_deviation_m: f64,
) -> crate::Result<RingReport> {
    if radii_m.is_empty() {
        return Err(crate::Error::Invalid {
            what: "RADIUS".into(),
            message: "give at least one radius".into(),
        });
    }
    let rings = radii_m
        .iter()
        .map(|&r| range_ring(model, center.point, r, max_deviation_m))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(RingReport { center, model: model.name(), max_deviation_m, rings })
}
