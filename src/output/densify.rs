//! Densifying a path so that straight lon/lat segments follow the model's line within a tolerance.
//!
//! GeoJSON joins consecutive positions by straight lines in longitude/latitude (RFC 7946 sec. 3.1.1), whereas a
//! geodesic or rhumb line is curved in that plane. The path is therefore sampled more finely where the curve bends:
//! each piece is bisected until the straight segment stays within the tolerance of the true line.

use geo_types::Point;

use crate::geodesy::{
    EarthModel, Ellipsoid, GeodesyError, normalize_longitude, validate_finite, validate_point,
};

/// Longest piece, in metres, of the first even subdivision of a segment before adaptive bisection.
///
/// Bisection tests a piece at three interior points only, so a piece must be short enough that its lon/lat image
/// cannot bend back and forth between those points. 500 km keeps every piece well below a quarter of the shortest
/// wavelength of a geodesic's latitude in the lon/lat plane (half the earth's circumference).
const MAX_INITIAL_PIECE_M: f64 = 500_000.0;

/// Deepest bisection of a piece: 500 km / 2^32 is about 0.1 mm, far below any useful tolerance.
const MAX_DEPTH: u32 = 32;

/// The direction in which longitude changes along one segment of the path.
///
/// Along a geodesic the longitude changes monotonically with the sign of the azimuth (Clairaut's relation,
/// Karney 2013, J. Geodesy 87:43-55, eq. 5: sin α cos β is constant, so sin α keeps its sign); along a rhumb line
/// the azimuth itself is constant. A meridional line keeps its longitude, except for a jump of 180° at a pole.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Direction {
    East,
    West,
    Meridional,
}

/// One segment of the path: the model's line from one vertex to the next.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Segment {
    /// The start vertex as given (longitude normalised to [-180, 180)).
    start: Point<f64>,
    /// Azimuth at the start, degrees.
    azimuth_deg: f64,
    /// Length of the segment, metres.
    pub(crate) length_m: f64,
    direction: Direction,
    /// Unwrapped longitude of the start vertex, degrees.
    start_lon_unwrapped: f64,
    /// Change of longitude from start to end, degrees, in [-180, 180].
    delta_lon: f64,
}

impl Segment {
    /// Longitude `lon` (any range) of a point of this segment, unwrapped to continue from the start vertex.
    fn unwrap(&self, lon: f64) -> f64 {
        let d = normalize_longitude(lon - self.start.x()); // [-180, 180)
        let d = match self.direction {
            // The change lies in [0, 180]: only round-off can make it slightly negative.
            Direction::East if d < -90.0 => d + 360.0,
            // The change lies in [-180, 0].
            Direction::West if d > 90.0 => d - 360.0,
            // Before a pole the change is 0, after it the change of the whole segment (±180).
            Direction::Meridional if d.abs() > 90.0 && self.delta_lon != 0.0 => self.delta_lon,
            _ => d,
        };
        self.start_lon_unwrapped + d
    }

    /// The point at distance `s_m` from the start, with its longitude unwrapped.
    pub(crate) fn point_at<M: EarthModel + ?Sized>(
        &self,
        model: &M,
        s_m: f64,
    ) -> Result<Point<f64>, GeodesyError> {
        if s_m == 0.0 {
            return Ok(Point::new(self.start_lon_unwrapped, self.start.y()));
        }
        let d = model.direct(self.start, self.azimuth_deg, s_m)?;
        Ok(Point::new(self.unwrap(d.point.x()), d.point.y()))
    }
}

/// A vertex of the densified path: unwrapped position and where it lies on the path.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DensePoint {
    /// Longitude (unwrapped, continuous along the path) and latitude, degrees.
    pub(crate) point: Point<f64>,
    /// Index of the segment the point lies on.
    pub(crate) segment: usize,
    /// Distance from the start of that segment, metres.
    pub(crate) s_m: f64,
}

/// The densified path with the segments it was computed from.
pub(crate) struct DensePath {
    pub(crate) segments: Vec<Segment>,
    pub(crate) points: Vec<DensePoint>,
}

/// Smallest tolerance accepted, metres: the output is rounded to 1e-7 degrees (about 1 cm), so a finer tolerance
/// would only multiply vertices.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::Ellipsoid;
/// use groundtrack::output::{MIN_DEVIATION_M, densify_path};
/// let path = [Point::new(0.0, 0.0), Point::new(1.0, 1.0)];
/// assert!(densify_path(&Ellipsoid::wgs84(), &path, MIN_DEVIATION_M).is_ok());
/// assert!(densify_path(&Ellipsoid::wgs84(), &path, MIN_DEVIATION_M / 2.0).is_err());
/// ```
pub const MIN_DEVIATION_M: f64 = 0.01;

/// Checks a tolerance in metres: finite and at least [`MIN_DEVIATION_M`].
pub(crate) fn validate_tolerance(max_deviation_m: f64) -> Result<(), GeodesyError> {
    validate_finite("maximum deviation", max_deviation_m)?;
    if max_deviation_m < MIN_DEVIATION_M {
        return Err(GeodesyError::InvalidArgument(format!(
            "the maximum deviation must be at least {MIN_DEVIATION_M} m (coordinates are written to about 1 cm), \
             got {max_deviation_m} m"
        )));
    }
    Ok(())
}

/// Densifies a path and keeps, for each output vertex, the segment and distance it lies at.
pub(crate) fn densify<M: EarthModel + ?Sized>(
    model: &M,
    vertices: &[Point<f64>],
    max_deviation_m: f64,
) -> Result<DensePath, GeodesyError> {
    validate_tolerance(max_deviation_m)?;
    let Some(first) = vertices.first() else {
        return Err(GeodesyError::InvalidArgument("a path needs at least one vertex, got none".into()));
    };
    for v in vertices {
        validate_point(*v)?;
    }
    let measure = Ellipsoid::wgs84();
    let first = Point::new(normalize_longitude(first.x()), first.y());
    let mut segments: Vec<Segment> = Vec::new();
    let mut points = vec![DensePoint { point: first, segment: 0, s_m: 0.0 }];
    let mut lon_unwrapped = first.x();
    let mut prev = first;
    for v in &vertices[1..] {
        let next = Point::new(normalize_longitude(v.x()), v.y());
        let inv = model.inverse(prev, next)?;
        if inv.distance_m == 0.0 {
            continue; // a repeated vertex adds nothing
        }
        let (direction, delta_lon) = direction_of(prev, next, inv.azimuth1_deg);
        let segment = Segment {
            start: prev,
            azimuth_deg: inv.azimuth1_deg,
            length_m: inv.distance_m,
            direction,
            start_lon_unwrapped: lon_unwrapped,
            delta_lon,
        };
        let index = segments.len();
        segments.push(segment);
        let at_pole = |p: Point<f64>| p.y().abs() == 90.0;
        if at_pole(prev) || at_pole(next) {
            // A line from or to a pole is a meridian, straight in lon/lat once the pole vertex takes the
            // meridian's longitude: the step of longitude is made at the pole itself, where it has no length.
            if at_pole(prev) && !at_pole(next) {
                let p = Point::new(lon_unwrapped + delta_lon, prev.y());
                points.push(DensePoint { point: p, segment: index, s_m: 0.0 });
            } else if at_pole(next) && !at_pole(prev) {
                let p = Point::new(lon_unwrapped, next.y());
                points.push(DensePoint { point: p, segment: index, s_m: inv.distance_m });
            }
        } else if direction == Direction::Meridional {
            // Along a meridian lon/lat is straight; over a pole the longitude steps by 180 at the pole.
            if delta_lon != 0.0 {
                let pole = Point::new(prev.x(), if inv.azimuth1_deg.abs() < 90.0 { 90.0 } else { -90.0 });
                let s_pole = model.inverse(prev, pole)?.distance_m;
                for lon in [lon_unwrapped, lon_unwrapped + delta_lon] {
                    points.push(DensePoint { point: Point::new(lon, pole.y()), segment: index, s_m: s_pole });
                }
            }
        } else {
            densify_segment(model, &measure, &segment, index, max_deviation_m, &mut points)?;
        }
        lon_unwrapped += delta_lon;
        // The end vertex exactly as given, with its unwrapped longitude.
        points.push(DensePoint {
            point: Point::new(lon_unwrapped, next.y()),
            segment: index,
            s_m: inv.distance_m,
        });
        prev = next;
    }
    Ok(DensePath { segments, points })
}

/// The direction in which longitude changes from `prev` to `next` and the change itself, in [-180, 180].
///
/// The change is the shorter way round, as for every line the inverse problem returns; only a change of exactly
/// 180° is ambiguous, and then the azimuth at the start tells east (sin α > 0) from west, or a meridian over a
/// pole (sin α = 0).
fn direction_of(prev: Point<f64>, next: Point<f64>, azimuth_deg: f64) -> (Direction, f64) {
    let delta = normalize_longitude(next.x() - prev.x()); // [-180, 180)
    let sin_azi = azimuth_deg.to_radians().sin();
    if delta == 0.0 {
        (Direction::Meridional, 0.0)
    } else if delta == -180.0 {
        if sin_azi.abs() < 1e-9 {
            (Direction::Meridional, -180.0)
        } else if sin_azi > 0.0 {
            (Direction::East, 180.0)
        } else {
            (Direction::West, -180.0)
        }
    } else if delta > 0.0 {
        (Direction::East, delta)
    } else {
        (Direction::West, delta)
    }
}

/// Appends the interior vertices of one segment (not its start, which is already there, nor its end).
fn densify_segment<M: EarthModel + ?Sized>(
    model: &M,
    measure: &Ellipsoid,
    segment: &Segment,
    index: usize,
    max_deviation_m: f64,
    out: &mut Vec<DensePoint>,
) -> Result<(), GeodesyError> {
    let pieces = ((segment.length_m / MAX_INITIAL_PIECE_M).ceil() as usize).max(1);
    let mut left = (0.0, segment.point_at(model, 0.0)?);
    for i in 1..=pieces {
        let s = segment.length_m * (i as f64) / (pieces as f64);
        let right = (s, segment.point_at(model, s)?);
        bisect(model, measure, segment, index, left, right, max_deviation_m, 0, out)?;
        if i < pieces {
            out.push(DensePoint { point: right.1, segment: index, s_m: right.0 });
        }
        left = right;
    }
    Ok(())
}

/// Recursively splits the piece between `left` and `right` (distance, unwrapped point) until the straight lon/lat
/// segment is within `max_deviation_m` of the line at a quarter, half and three quarters of the way, and appends the
/// interior vertices in order.
#[allow(clippy::too_many_arguments)]
fn bisect<M: EarthModel + ?Sized>(
    model: &M,
    measure: &Ellipsoid,
    segment: &Segment,
    index: usize,
    left: (f64, Point<f64>),
    right: (f64, Point<f64>),
    max_deviation_m: f64,
    depth: u32,
    out: &mut Vec<DensePoint>,
) -> Result<(), GeodesyError> {
    if depth >= MAX_DEPTH {
        return Ok(());
    }
    let mid_s = 0.5 * (left.0 + right.0);
    let mid = segment.point_at(model, mid_s)?;
    let mut worst = 0.0_f64;
    for (t, on_line) in [(0.25, None), (0.5, Some(mid)), (0.75, None)] {
        let on_line = match on_line {
            Some(p) => p,
            None => segment.point_at(model, left.0 + t * (right.0 - left.0))?,
        };
        // The straight lon/lat segment at the same fraction: both in unwrapped longitudes, so a piece from 179.9
        // to 180.1 has its midpoint at 180, not at 0.
        let chord = Point::new(
            left.1.x() + t * (right.1.x() - left.1.x()),
            left.1.y() + t * (right.1.y() - left.1.y()),
        );
        // Ground distance between the two, measured by a WGS84 geodesic whatever the model (a distance on the
        // ground, and never longer than the model's own line would measure it).
        let d = measure.inverse(wrapped(on_line), wrapped(chord))?.distance_m;
        worst = worst.max(d);
    }
    if worst <= max_deviation_m {
        return Ok(());
    }
    bisect(model, measure, segment, index, left, (mid_s, mid), max_deviation_m, depth + 1, out)?;
    out.push(DensePoint { point: mid, segment: index, s_m: mid_s });
    bisect(model, measure, segment, index, (mid_s, mid), right, max_deviation_m, depth + 1, out)
}

/// The point with its longitude normalised to [-180, 180).
fn wrapped(p: Point<f64>) -> Point<f64> {
    Point::new(normalize_longitude(p.x()), p.y())
}

/// Densifies a path so that no straight lon/lat segment between consecutive output vertices strays more than
/// `max_deviation_m` metres from the model's line.
///
/// Inputs: the model whose line joins consecutive vertices ([`Ellipsoid`], [`Sphere`](crate::geodesy::Sphere),
/// `Rhumb`); the vertices of the path (lon, lat degrees, at least one); the tolerance in metres (at least 0.01).
/// Output: the vertices of the densified path with **unwrapped** longitudes (each within 180° of the previous
/// one, so the sequence is continuous and may leave [-180, 180]); the input vertices are kept exactly, and
/// repeated vertices are dropped.
///
/// Method: each segment is first cut into equal pieces of at most 500 km, then each piece is bisected while the
/// straight lon/lat segment is farther than the tolerance from the line at ¼, ½ or ¾ of its length (the distance
/// between the two points at the same fraction, measured on the ground by a WGS84 geodesic; this bounds the
/// distance to the line from above). Points on the line come from the model's direct problem from the segment's
/// start (Karney 2013, J. Geodesy 87:43-55, sec. 3, for the ellipsoid).
///
/// # Errors
/// [`GeodesyError::InvalidArgument`] for an empty path or a tolerance below [`MIN_DEVIATION_M`] (1 cm);
/// [`GeodesyError::LatitudeOutOfRange`] or [`GeodesyError::NotFinite`] for a bad vertex; any error of the model
/// (for example a rhumb line through a pole).
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::Ellipsoid;
/// use groundtrack::output::densify_path;
/// // Tokyo to Los Angeles crosses the antimeridian: longitudes continue past 180.
/// let path = [Point::new(139.78, 35.55), Point::new(-118.41, 33.94)];
/// let dense = densify_path(&Ellipsoid::wgs84(), &path, 1_000.0).unwrap();
/// assert!(dense.len() > 10);
/// assert!((dense.last().unwrap().x() - (360.0 - 118.41)).abs() < 1e-9);
/// assert!(dense.windows(2).all(|w| (w[1].x() - w[0].x()).abs() < 180.0));
/// ```
pub fn densify_path<M: EarthModel + ?Sized>(
    model: &M,
    vertices: &[Point<f64>],
    max_deviation_m: f64,
) -> Result<Vec<Point<f64>>, GeodesyError> {
    Ok(densify(model, vertices, max_deviation_m)?.points.into_iter().map(|p| p.point).collect())
}
