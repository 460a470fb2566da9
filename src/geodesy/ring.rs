//! Range rings: the circle of points at a given distance from a centre, as a ring of vertices dense enough to
//! be drawn with straight lon/lat segments.

use geo_types::Point;
use geographiclib_rs::{DirectGeodesic, Geodesic, InverseGeodesic, PolygonArea, Winding};

use super::{EarthModel, GeodesyError, normalize_longitude, validate_finite, validate_point};

/// Azimuth intervals of the first pass (22.5° each) before adaptive bisection.
const INITIAL_INTERVALS: usize = 16;
/// Bisection stops refining an interval narrower than this, degrees of azimuth (a safeguard only).
const MIN_AZIMUTH_STEP_DEG: f64 = 1e-9;
/// Largest number of vertices a ring may have; a tolerance that needs more is refused.
const MAX_VERTICES: usize = 1 << 20;

/// The shape of a range ring.
#[derive(Debug, Clone, PartialEq)]
pub enum RingShape {
    /// A closed ring of vertices (lon, lat degrees), counter-clockwise as seen from above the centre: the
    /// first vertex is due north of the centre (azimuth 0), then the azimuth decreases (north, west, south,
    /// east), and the first vertex is repeated at the end. Longitudes are NOT cut at the antimeridian: each
    /// longitude is unwrapped to within 180° of the previous one, so they may leave [-180, 180] and a ring
    /// around a pole ends 360° away from where it started in longitude; the output module cuts the ring.
    Ring(Vec<Point<f64>>),
    /// The radius reaches the antipode of the centre (it is at least the distance to the antipode): the ring
    /// degenerates and the disc is the whole earth.
    WholeEarth,
}

/// A range ring (geodesic circle) around a centre.
#[derive(Debug, Clone, PartialEq)]
pub struct RangeRing {
    /// The centre (lon, lat degrees), as given.
    pub center: Point<f64>,
    /// The radius, metres, as given.
    pub radius_m: f64,
    /// The vertices, or [`RingShape::WholeEarth`].
    pub shape: RingShape,
    /// Area enclosed by the vertices joined by WGS84 geodesics, square metres (geographiclib-rs
    /// `PolygonArea`, Karney 2013's method for geodesic polygons), whatever the model; the whole ellipsoid's
    /// area for [`RingShape::WholeEarth`]. Being a polygon inscribed in the circle, it is smaller than the
    /// true circle's area by up to about perimeter × `max_deviation_m`.
    pub area_m2: f64,
    /// The North Pole is inside: its distance from the centre (the model's inverse problem) is below the
    /// radius.
    pub contains_north_pole: bool,
    /// The South Pole is inside, likewise.
    pub contains_south_pole: bool,
}

/// The range ring of radius `radius_m` around `center` on `model` (geodesic circle on [`super::Ellipsoid`],
/// small circle on [`super::Sphere`], the points at rhumb distance `radius_m` on a rhumb model).
///
/// Inputs: a model, the centre (lon, lat degrees), the radius (metres, > 0) and the largest allowed deviation
/// of a straight lon/lat segment from the true circle (metres, > 0; 1,000 m is a good value for maps).
/// Output: a [`RangeRing`] with the vertices, the area and the pole flags.
///
/// Each vertex is the solution of the direct problem from the centre at its azimuth and the radius, so every
/// vertex lies on the circle to the model's accuracy. The vertices start every 22.5° of azimuth; an interval
/// is bisected in azimuth while any of these strays more than `max_deviation_m` from the circle:
/// - the midpoint of its straight lon/lat chord (longitudes unwrapped, so chords across ±180 are measured the
///   short way), compared with the true circle point at the mid azimuth;
/// - the chord's points at a quarter and three quarters, compared radially (distance from the centre);
/// - the midpoint of the WGS84 geodesic between the two vertices (the edge used for the area), radially.
///
/// So the ring drawn either with straight lon/lat segments or with geodesic edges stays within
/// `max_deviation_m` of the circle. Distances are the model's, so chords near the poles, short on the ground
/// but long in longitude, are judged by their true length.
///
/// The ring degenerates when the radius reaches the model's distance from the centre to its antipode (on
/// WGS84 half a meridian, 20,003,931 m, whatever the centre): then [`RingShape::WholeEarth`].
///
/// Limitation: on the ellipsoid, radii within about 35 km of the antipodal distance reach beyond the cut
/// locus in some azimuths (for a centre on the equator, the equator stops being a shortest path after
/// a·π·(1 − f) = 19,970 km); such a ring is refused with [`GeodesyError::InvalidArgument`] (every vertex is
/// checked to lie at the radius within 1 m).
///
/// # Errors
/// Invalid centre; [`GeodesyError::InvalidArgument`] if the radius or the deviation is not a positive finite
/// number, or the deviation is so small that more than 2^20 vertices would be needed; any error of the model.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::{EarthModel, Ellipsoid, RingShape, range_ring};
/// let wgs84 = Ellipsoid::wgs84();
/// let sunan = Point::new(125.67, 39.2241);
/// let ring = range_ring(&wgs84, sunan, 1_000_000.0, 1_000.0).unwrap();
/// let RingShape::Ring(vertices) = &ring.shape else { panic!("a 1,000 km ring is a ring") };
/// assert_eq!(vertices.first(), vertices.last());
/// for v in vertices {
///     assert!((wgs84.inverse(sunan, *v).unwrap().distance_m - 1_000_000.0).abs() < 1e-3);
/// }
/// assert!(!ring.contains_north_pole);
/// ```
pub fn range_ring<M: EarthModel + ?Sized>(
    model: &M,
    center: Point<f64>,
    radius_m: f64,
    max_deviation_m: f64,
) -> Result<RangeRing, GeodesyError> {
    validate_point(center)?;
    validate_finite("radius", radius_m)?;
    validate_finite("maximum deviation", max_deviation_m)?;
    if radius_m <= 0.0 {
        return Err(GeodesyError::InvalidArgument(format!(
            "range ring: the radius must be a positive distance, got {radius_m} m"
        )));
    }
    if max_deviation_m <= 0.0 {
        return Err(GeodesyError::InvalidArgument(format!(
            "range ring: the maximum deviation must be a positive distance, got {max_deviation_m} m"
        )));
    }
    // A circle of radius r drawn with N chords has a sagitta of about r·π²/(2N²): refuse a tolerance that
    // would need far more vertices than any map can use before spending the time to find out.
    let needed = std::f64::consts::PI * (radius_m.min(super::WGS84_A) / (2.0 * max_deviation_m)).sqrt();
    if needed > (MAX_VERTICES / 4) as f64 {
        return Err(too_many_vertices(max_deviation_m));
    }
    let geod = Geodesic::wgs84();
    let contains = |lat: f64| -> Result<bool, GeodesyError> {
        Ok(model.inverse(center, Point::new(center.x(), lat))?.distance_m < radius_m)
    };
    let contains_north_pole = contains(90.0)?;
    let contains_south_pole = contains(-90.0)?;
    let antipode = Point::new(normalize_longitude(center.x() + 180.0), -center.y());
    if radius_m >= model.inverse(center, antipode)?.distance_m {
        return Ok(RangeRing {
            center,
            radius_m,
            shape: RingShape::WholeEarth,
            area_m2: geod.area(),
            contains_north_pole: true,
            contains_south_pole: true,
        });
    }
    let vertices = ring_vertices(model, &geod, center, radius_m, max_deviation_m)?;
    // Past the cut locus a vertex lies closer to the centre than the radius: the "circle" is then no circle,
    // and drawing it would give a self-crossing ring and a wrong area. Refuse it, naming the limit.
    for v in &vertices {
        let d = model.inverse(center, *v)?.distance_m;
        if (d - radius_m).abs() > 1.0 {
            return Err(GeodesyError::InvalidArgument(format!(
                "a radius of {:.3} km reaches past the cut locus of the centre (some geodesics of that length are \
                 no longer shortest paths, near the antipode at {:.3} km): the ring is not a circle there; use a \
                 smaller radius, or one of at least {:.3} km for the whole earth",
                radius_m / 1e3,
                model.inverse(center, antipode)?.distance_m / 1e3,
                model.inverse(center, antipode)?.distance_m / 1e3
            )));
        }
    }
    let mut polygon = PolygonArea::new(&geod, Winding::CounterClockwise);
    for v in &vertices[..vertices.len() - 1] {
        polygon.add_point(v.y(), v.x());
    }
    let (_perimeter, area_m2, _count) = polygon.compute(false);
    Ok(RangeRing {
        center,
        radius_m,
        shape: RingShape::Ring(vertices),
        area_m2,
        contains_north_pole,
        contains_south_pole,
    })
}

/// A vertex of the ring with its azimuth from the centre.
#[derive(Debug, Clone, Copy)]
struct Vertex {
    azimuth: f64,
    point: Point<f64>,
}

/// The closed, counter-clockwise, unwrapped ring of vertices (adaptive bisection in azimuth).
fn ring_vertices<M: EarthModel + ?Sized>(
    model: &M,
    geod: &Geodesic,
    center: Point<f64>,
    radius_m: f64,
    max_deviation_m: f64,
) -> Result<Vec<Point<f64>>, GeodesyError> {
    let vertex = |azimuth: f64| -> Result<Vertex, GeodesyError> {
        Ok(Vertex { azimuth, point: model.direct(center, azimuth, radius_m)?.point })
    };
    let first = vertex(0.0)?;
    // Intervals still to examine, the next one on top; azimuths decrease from 0 to -360.
    let mut stack = Vec::with_capacity(64);
    let mut next = first;
    let mut initial = Vec::with_capacity(INITIAL_INTERVALS);
    for k in 1..=INITIAL_INTERVALS {
        let end = if k == INITIAL_INTERVALS {
            Vertex { azimuth: -360.0, point: first.point }
        } else {
            vertex(-360.0 * k as f64 / INITIAL_INTERVALS as f64)?
        };
        initial.push((next, end));
        next = end;
    }
    stack.extend(initial.into_iter().rev());
    let mut out = vec![first.point];
    while let Some((v0, v1)) = stack.pop() {
        let narrow = (v0.azimuth - v1.azimuth).abs() < MIN_AZIMUTH_STEP_DEG;
        let mid = vertex(0.5 * (v0.azimuth + v1.azimuth))?;
        if !narrow && chord_strays(model, geod, center, max_deviation_m, v0, v1, mid.point)? {
            stack.push((mid, v1));
            stack.push((v0, mid));
            if stack.len() + out.len() > MAX_VERTICES {
                return Err(too_many_vertices(max_deviation_m));
            }
            continue;
        }
        let previous = out.last().map_or(v1.point.x(), |p| p.x());
        let lon = previous + normalize_longitude(v1.point.x() - previous);
        out.push(Point::new(lon, v1.point.y()));
    }
    Ok(out)
}

/// Whether the lon/lat chord from `v0` to `v1` strays more than `max_deviation_m` from the circle, whose
/// point at the mid azimuth is `on_circle`.
#[allow(clippy::too_many_arguments)]
fn chord_strays<M: EarthModel + ?Sized>(
    model: &M,
    geod: &Geodesic,
    center: Point<f64>,
    max_deviation_m: f64,
    v0: Vertex,
    v1: Vertex,
    on_circle: Point<f64>,
) -> Result<bool, GeodesyError> {
    let (lon0, lat0) = (v0.point.x(), v0.point.y());
    let lon1 = lon0 + normalize_longitude(v1.point.x() - lon0);
    let lat1 = v1.point.y();
    let chord = |t: f64| Point::new(normalize_longitude(lon0 + t * (lon1 - lon0)), lat0 + t * (lat1 - lat0));
    if model.inverse(chord(0.5), on_circle)?.distance_m > max_deviation_m {
        return Ok(true);
    }
    // The vertices' own distances: the radius, except beyond the cut locus, where a shorter path exists.
    let level =
        0.5 * (model.inverse(center, v0.point)?.distance_m + model.inverse(center, v1.point)?.distance_m);
    for t in [0.25, 0.75] {
        if (model.inverse(center, chord(t))?.distance_m - level).abs() > max_deviation_m {
            return Ok(true);
        }
    }
    // The WGS84 geodesic edge (the edge of the polygon whose area is reported) must stay close too.
    let (s01, azi0, _azi1, _a01): (f64, f64, f64, f64) =
        geod.inverse(v0.point.y(), v0.point.x(), v1.point.y(), v1.point.x());
    let (lat, lon): (f64, f64) = geod.direct(v0.point.y(), v0.point.x(), azi0, 0.5 * s01);
    let edge_mid = Point::new(normalize_longitude(lon), lat);
    Ok((model.inverse(center, edge_mid)?.distance_m - level).abs() > max_deviation_m)
}

fn too_many_vertices(max_deviation_m: f64) -> GeodesyError {
    GeodesyError::InvalidArgument(format!(
        "range ring: a maximum deviation of {max_deviation_m} m needs more than {MAX_VERTICES} vertices; \
         allow a larger deviation (1,000 m is usual for maps)"
    ))
}
