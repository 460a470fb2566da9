//! Closed rings (range rings, feasible regions) as GeoJSON-ready polygons: oriented counter-clockwise, cut at the
//! antimeridian and closed along a pole that they contain.
//!
//! Method: the ring is unwrapped (consecutive longitudes differ by at most 180°), its winding number around the
//! earth's axis is read from the total change of longitude, and it is oriented so that the region it bounds lies on
//! its left in the lon/lat plane (RFC 7946 sec. 3.1.6: exteriors counter-clockwise, holes clockwise). It is then
//! cut at every meridian 180 + 360k into arcs, each arc is shifted into [-180, 180], and the arcs are joined into
//! closed rings by walking counter-clockwise along the edge of the map rectangle [-180, 180] × [-90, 90] from where
//! an arc leaves the map to where the next one enters, which adds the runs along the antimeridian and, for a
//! region that contains a pole, along the pole's line (latitude ±90). This is the clipping of a polygon by a
//! convex window of K. Weiler and P. Atherton, *Hidden surface removal using polygon area sorting*,
//! SIGGRAPH 1977, applied on the cylinder of longitudes.

use geo_types::{Coord, Geometry, LineString, MultiPolygon, Point, Polygon};

use crate::geodesy::{EarthModel, GeodesyError, normalize_longitude, validate_point};

/// Bisection steps when solving a circle's crossing: the azimuth bracket shrinks below 1e-15 degrees.
const CIRCLE_ITERATIONS: u32 = 64;

/// Perimeter of the map rectangle in "degrees walked" (two widths of 360 and two heights of 180).
const PERIMETER: f64 = 1080.0;

/// Positions of the four corners on the perimeter, walking counter-clockwise from (-180, -90).
const CORNERS: [(f64, Coord<f64>); 4] = [
    (0.0, Coord { x: -180.0, y: -90.0 }),
    (360.0, Coord { x: 180.0, y: -90.0 }),
    (540.0, Coord { x: 180.0, y: 90.0 }),
    (900.0, Coord { x: -180.0, y: 90.0 }),
];

/// The region bounded by a closed ring, as a Polygon or MultiPolygon ready for GeoJSON; crossings of the
/// antimeridian are placed by straight-line interpolation between the two ring vertices on either side.
///
/// See [`ring_geometry_with`] for inputs, output and errors; this is that function with linear interpolation
/// in longitude/latitude, adequate when the ring is densified (its straight segments already follow the curve).
///
/// # Example
/// ```
/// use geo_types::{Geometry, Point};
/// use groundtrack::output::ring_geometry;
/// // A square around the North Pole given with unwrapped longitudes (0, 90, 180, 270, 360): the polygon is
/// // closed along the pole, counter-clockwise.
/// let ring: Vec<Point<f64>> =
///     (0..=4).map(|i| Point::new(90.0 * i as f64, 80.0)).collect();
/// let Geometry::Polygon(p) = ring_geometry(&ring, true, false).unwrap() else { panic!() };
/// let xs: Vec<(f64, f64)> = p.exterior().0.iter().map(|c| (c.x, c.y)).collect();
/// assert!(xs.contains(&(180.0, 90.0)) && xs.contains(&(-180.0, 90.0)));
/// assert!(xs.iter().all(|&(x, _)| (-180.0..=180.0).contains(&x)));
/// ```
///
/// # Errors
/// As [`ring_geometry_with`].
pub fn ring_geometry(
    ring: &[Point<f64>],
    contains_north_pole: bool,
    contains_south_pole: bool,
) -> Result<Geometry<f64>, GeodesyError> {
    ring_geometry_with(ring, contains_north_pole, contains_south_pole, linear_crossing)
}

/// Latitude where the straight lon/lat segment from `a` to `b` meets longitude `lon` (all unwrapped).
fn linear_crossing(a: Point<f64>, b: Point<f64>, lon: f64) -> Result<f64, GeodesyError> {
    if lon == a.x() {
        return Ok(a.y());
    }
    if lon == b.x() || a.x() == b.x() {
        return Ok(b.y());
    }
    Ok(a.y() + (b.y() - a.y()) * (lon - a.x()) / (b.x() - a.x()))
}

/// The region bounded by a closed ring, as a Polygon or MultiPolygon ready for GeoJSON.
///
/// Inputs:
/// - `ring`: the vertices (lon, lat degrees) of a closed ring, joined by straight lon/lat segments, so already
///   densified. Longitudes may be unwrapped (consecutive values within 180° of each other and free to leave
///   [-180, 180], as the range-ring generator makes them) or normalised to [-180, 180) (they are then unwrapped
///   here); a step of more than 180° between consecutive vertices is read as the shorter way round. The ring may
///   repeat its first vertex at the end or not. At least three distinct vertices.
/// - `contains_north_pole`, `contains_south_pole`: whether the region contains each pole. They decide which side
///   of the ring is the region: a ring that winds once around the earth's axis bounds a region containing exactly
///   one pole; a ring that does not bounds either its inside (no pole) or everything outside it (both poles).
/// - `crossing_latitude(a, b, lon)`: the latitude where the ring's true curve between consecutive vertices `a` and
///   `b` (unwrapped longitudes) meets the unwrapped meridian `lon`, which lies between `a.x()` and `b.x()`; see
///   [`geodesic_circle_crossing`] for range rings.
///
/// Output: a [`Geometry::Polygon`] or [`Geometry::MultiPolygon`] with longitudes in [-180, 180], exterior rings
/// counter-clockwise and holes clockwise in the lon/lat plane (RFC 7946 sec. 3.1.6). Parts of the ring on either
/// side of the antimeridian become separate polygons that meet at ±180 at the crossing latitudes. A region with
/// one pole is closed along the antimeridian up to (or down to) the pole and along the pole's latitude from +180
/// to -180 (north) or from -180 to +180 (south). A region with both poles and a ring that stays off the
/// antimeridian is the whole map with the ring as a hole.
///
/// # Errors
/// [`GeodesyError::InvalidArgument`] for fewer than three distinct vertices, a ring that winds around the axis
/// more than once, or pole flags that contradict the ring (a ring around the axis with zero or two poles inside,
/// or a ring not around the axis with one pole inside); [`GeodesyError::LatitudeOutOfRange`] or
/// [`GeodesyError::NotFinite`] for a bad vertex; any error returned by `crossing_latitude`.
///
/// # Example
/// ```
/// use geo_types::{Geometry, Point};
/// use groundtrack::output::ring_geometry_with;
/// // A square from 170 E to 170 W: two polygons meeting at the antimeridian.
/// let ring = [Point::new(170.0, -5.0), Point::new(190.0, -5.0), Point::new(190.0, 5.0), Point::new(170.0, 5.0)];
/// let g = ring_geometry_with(&ring, false, false, |a, b, lon| {
///     Ok(a.y() + (b.y() - a.y()) * (lon - a.x()) / (b.x() - a.x()))
/// })
/// .unwrap();
/// let Geometry::MultiPolygon(mp) = g else { panic!("expected two parts") };
/// assert_eq!(mp.0.len(), 2);
/// ```
pub fn ring_geometry_with<F>(
    ring: &[Point<f64>],
    contains_north_pole: bool,
    contains_south_pole: bool,
    mut crossing_latitude: F,
) -> Result<Geometry<f64>, GeodesyError>
where
    F: FnMut(Point<f64>, Point<f64>, f64) -> Result<f64, GeodesyError>,
{
    let mut u = unwrap_ring(ring)?;
    let winding = winding_number(&u)?;
    let reverse = match (winding, contains_north_pole, contains_south_pole) {
        (0, false, false) => signed_area(&u) < 0.0, // the inside: counter-clockwise
        (0, true, true) => signed_area(&u) > 0.0,   // the outside: the ring is a clockwise hole
        (1, true, false) | (-1, false, true) => false,
        (-1, true, false) | (1, false, true) => true,
        (0, _, _) => {
            return Err(GeodesyError::InvalidArgument(
                "a ring that does not go around the earth's axis contains both poles or neither, not one"
                    .into(),
            ));
        }
        _ => {
            return Err(GeodesyError::InvalidArgument(
                "a ring that goes once around the earth's axis contains exactly one pole".into(),
            ));
        }
    };
    if reverse {
        u.reverse();
    }
    let arcs = cut_into_arcs(&u, &mut crossing_latitude)?;
    let polygons = match arcs {
        Arcs::Closed(ring) => {
            if contains_north_pole && contains_south_pole {
                vec![Polygon::new(world_ring(), vec![LineString::new(ring)])]
            } else {
                vec![Polygon::new(LineString::new(ring), vec![])]
            }
        }
        Arcs::Open(arcs) => join_arcs(arcs)?
            .into_iter()
            .filter(|r| signed_area(r).abs() > 0.0)
            .map(|r| Polygon::new(LineString::new(r), vec![]))
            .collect(),
    };
    Ok(match polygons.len() {
        1 => Geometry::Polygon(
            polygons.into_iter().next().unwrap_or_else(|| Polygon::new(world_ring(), vec![])),
        ),
        _ => Geometry::MultiPolygon(MultiPolygon::new(polygons)),
    })
}

/// The whole map, counter-clockwise.
fn world_ring() -> LineString<f64> {
    LineString::new(CORNERS.iter().map(|&(_, c)| c).collect())
}

/// Validates the ring, unwraps its longitudes and closes it (the last vertex repeats the first, with the first's
/// longitude plus the total change of longitude).
fn unwrap_ring(ring: &[Point<f64>]) -> Result<Vec<Coord<f64>>, GeodesyError> {
    for p in ring {
        validate_point(*p)?;
    }
    let mut u: Vec<Coord<f64>> = Vec::with_capacity(ring.len() + 1);
    for p in ring {
        let c = match u.last() {
            None => Coord { x: p.x(), y: p.y() },
            Some(prev) => {
                let d = p.x() - prev.x;
                let d = if d.abs() <= 180.0 { d } else { normalize_longitude(d) };
                Coord { x: prev.x + d, y: p.y() }
            }
        };
        if u.last() != Some(&c) {
            u.push(c);
        }
    }
    let (Some(&first), Some(&last)) = (u.first(), u.last()) else {
        return Err(GeodesyError::InvalidArgument(
            "a ring needs at least three distinct vertices, got none".into(),
        ));
    };
    // Closed when the last vertex repeats the first (up to round-off, as a generator's last azimuth may leave).
    let gap = normalize_longitude(first.x - last.x);
    let closed = u.len() > 1 && (last.y - first.y).abs() < 1e-9 && gap.abs() < 1e-9;
    if closed {
        u.pop();
    }
    // Exactly the first longitude plus a whole number of turns, so the closing vertex is the first one.
    let close = u.last().map_or(first.x, |l| {
        let approx = l.x + normalize_longitude(first.x - l.x);
        first.x + 360.0 * ((approx - first.x) / 360.0).round()
    });
    u.push(Coord { x: close, y: first.y });
    if u.len() < 4 {
        return Err(GeodesyError::InvalidArgument(format!(
            "a ring needs at least three distinct vertices, got {}",
            u.len() - 1
        )));
    }
    Ok(u)
}

/// How many times the closed, unwrapped ring goes eastward around the earth's axis (-1, 0 or 1).
fn winding_number(u: &[Coord<f64>]) -> Result<i32, GeodesyError> {
    let (Some(first), Some(last)) = (u.first(), u.last()) else {
        return Ok(0);
    };
    let turns = (last.x - first.x) / 360.0;
    let k = turns.round();
    if (turns - k).abs() > 1e-9 || k.abs() > 1.0 {
        return Err(GeodesyError::InvalidArgument(format!(
            "the ring's longitudes change by {} degrees from start to end; a closed ring changes by 0 or ±360",
            last.x - first.x
        )));
    }
    Ok(k as i32)
}

/// Twice the signed area of a closed ring in the lon/lat plane (shoelace formula); positive when counter-clockwise.
fn signed_area(ring: &[Coord<f64>]) -> f64 {
    ring.windows(2).map(|w| w[0].x * w[1].y - w[1].x * w[0].y).sum()
}

/// The sheet of an unwrapped longitude: the k with lon in [-180 + 360k, 180 + 360k). A vertex exactly on a
/// boundary counts as east of it.
fn sheet(lon: f64) -> f64 {
    ((lon + 180.0) / 360.0).floor()
}

/// The ring cut at the antimeridian: either one closed ring in [-180, 180] that never crosses it, or arcs that
/// each enter the map at one edge and leave it at an edge.
enum Arcs {
    Closed(Vec<Coord<f64>>),
    Open(Vec<Vec<Coord<f64>>>),
}

/// Cuts the closed unwrapped ring at every meridian 180 + 360k and shifts each piece into [-180, 180].
fn cut_into_arcs<F>(u: &[Coord<f64>], crossing_latitude: &mut F) -> Result<Arcs, GeodesyError>
where
    F: FnMut(Point<f64>, Point<f64>, f64) -> Result<f64, GeodesyError>,
{
    let Some(&first) = u.first() else {
        return Ok(Arcs::Closed(vec![]));
    };
    let mut k = sheet(first.x);
    let mut current = vec![Coord { x: first.x - 360.0 * k, y: first.y }];
    let mut arcs: Vec<Vec<Coord<f64>>> = Vec::new();
    for w in u.windows(2) {
        let (a, b) = (w[0], w[1]);
        let kb = sheet(b.x);
        while k < kb {
            let boundary = 360.0 * k + 180.0;
            let lat = crossing_latitude(Point::from(a), Point::from(b), boundary)?;
            push_distinct(&mut current, Coord { x: 180.0, y: lat });
            arcs.push(std::mem::take(&mut current));
            k += 1.0;
            current.push(Coord { x: -180.0, y: lat });
        }
        while k > kb {
            let boundary = 360.0 * k - 180.0;
            let lat = crossing_latitude(Point::from(a), Point::from(b), boundary)?;
            push_distinct(&mut current, Coord { x: -180.0, y: lat });
            arcs.push(std::mem::take(&mut current));
            k -= 1.0;
            current.push(Coord { x: 180.0, y: lat });
        }
        push_distinct(&mut current, Coord { x: b.x - 360.0 * k, y: b.y });
    }
    if arcs.is_empty() {
        return Ok(Arcs::Closed(current));
    }
    // The piece after the last crossing continues into the piece before the first one (the ring is closed, and
    // after winding around the axis it is in the same place once shifted into [-180, 180]).
    let head = arcs.remove(0);
    for c in head.into_iter().skip(1) {
        push_distinct(&mut current, c);
    }
    arcs.push(current);
    Ok(Arcs::Open(arcs))
}

fn push_distinct(v: &mut Vec<Coord<f64>>, c: Coord<f64>) {
    if v.last() != Some(&c) {
        v.push(c);
    }
}

/// Position of a point on the edge of the map rectangle, walking counter-clockwise from (-180, -90): the bottom
/// edge eastward, the east edge (+180) northward, the top edge westward, the west edge (-180) southward.
fn perimeter_position(c: Coord<f64>) -> f64 {
    if c.x >= 180.0 {
        360.0 + (c.y + 90.0)
    } else if c.x <= -180.0 {
        (900.0 + (90.0 - c.y)) % PERIMETER
    } else if c.y >= 90.0 {
        540.0 + (180.0 - c.x)
    } else {
        c.x + 180.0
    }
}

/// Joins arcs (each entering and leaving at the map's edge) into closed rings: from where an arc leaves, walk
/// counter-clockwise along the edge to the nearest place where an arc enters, adding the corners passed.
fn join_arcs(arcs: Vec<Vec<Coord<f64>>>) -> Result<Vec<Vec<Coord<f64>>>, GeodesyError> {
    let entries: Vec<f64> = arcs.iter().map(|a| a.first().map_or(0.0, |&c| perimeter_position(c))).collect();
    let mut used = vec![false; arcs.len()];
    let mut rings = Vec::new();
    for start in 0..arcs.len() {
        if used[start] {
            continue;
        }
        let mut ring: Vec<Coord<f64>> = Vec::new();
        let mut j = start;
        loop {
            used[j] = true;
            for &c in &arcs[j] {
                push_distinct(&mut ring, c);
            }
            let exit = ring.last().map_or(0.0, |&c| perimeter_position(c));
            // The nearest entry counter-clockwise from the exit, at distance zero included.
            let mut best: Option<(usize, f64)> = None;
            for (i, &entry) in entries.iter().enumerate() {
                let d = (entry - exit).rem_euclid(PERIMETER);
                if best.is_none_or(|(_, bd)| d < bd) {
                    best = Some((i, d));
                }
            }
            let Some((next, distance)) = best else { break };
            let mut passed: Vec<(f64, Coord<f64>)> = CORNERS
                .iter()
                .map(|&(pos, c)| ((pos - exit).rem_euclid(PERIMETER), c))
                .filter(|&(d, _)| d > 0.0 && d < distance)
                .collect();
            passed.sort_by(|a, b| a.0.total_cmp(&b.0));
            for (_, c) in passed {
                push_distinct(&mut ring, c);
            }
            if next == start {
                break;
            }
            if used[next] {
                return Err(GeodesyError::InvalidArgument(
                    "the ring crosses itself: its pieces at the antimeridian cannot be joined".into(),
                ));
            }
            j = next;
        }
        if let Some(&f) = ring.first() {
            push_distinct(&mut ring, f);
        }
        if ring.len() >= 4 {
            rings.push(ring);
        }
    }
    Ok(rings)
}

/// The true crossing of the antimeridian by a geodesic circle (a range ring): the point at distance `radius_m`
/// from `center` whose longitude is the given meridian, between two consecutive ring vertices.
///
/// Returns a function for [`ring_geometry_with`]: given ring vertices `a`, `b` (unwrapped longitudes, both on the
/// circle) and the unwrapped meridian `lon` between them, it finds the azimuth from the centre, between the
/// azimuths of `a` and `b`, at which the model's direct problem over `radius_m` lands on `lon`, by bisection on
/// the azimuth (the circle's longitude is monotonic between nearby vertices), and returns that point's
/// latitude. Direct problem: Karney 2013, J. Geodesy 87:43-55, sec. 3, for the ellipsoid.
///
/// # Errors (of the returned function)
/// Any error of the model's inverse or direct problem.
///
/// # Example
/// ```
/// use geo_types::{Geometry, Point};
/// use groundtrack::geodesy::{EarthModel, Ellipsoid};
/// use groundtrack::output::{geodesic_circle_crossing, ring_geometry_with};
/// let wgs84 = Ellipsoid::wgs84();
/// let (center, r) = (Point::new(179.9, 10.0), 500_000.0);
/// // A coarse ring of 12 vertices, counter-clockwise (decreasing azimuth), longitudes unwrapped.
/// let mut ring: Vec<Point<f64>> = Vec::new();
/// for i in 0..12 {
///     let p = wgs84.direct(center, -30.0 * i as f64, r).unwrap().point;
///     let x = if p.x() < 0.0 { p.x() + 360.0 } else { p.x() };
///     ring.push(Point::new(x, p.y()));
/// }
/// let g = ring_geometry_with(&ring, false, false, geodesic_circle_crossing(&wgs84, center, r)).unwrap();
/// let Geometry::MultiPolygon(mp) = g else { panic!() };
/// // Every vertex on the antimeridian is on the circle.
/// for c in mp.0.iter().flat_map(|p| p.exterior().0.iter()).filter(|c| c.x.abs() == 180.0) {
///     let d = wgs84.inverse(center, Point::new(c.x, c.y)).unwrap().distance_m;
///     assert!((d - r).abs() < 1e-3);
/// }
/// ```
pub fn geodesic_circle_crossing<'a, M: EarthModel + ?Sized>(
    model: &'a M,
    center: Point<f64>,
    radius_m: f64,
) -> impl FnMut(Point<f64>, Point<f64>, f64) -> Result<f64, GeodesyError> + 'a {
    move |a: Point<f64>, b: Point<f64>, lon: f64| {
        if lon == a.x() {
            return Ok(a.y());
        }
        if lon == b.x() {
            return Ok(b.y());
        }
        let wrap = |p: Point<f64>| Point::new(normalize_longitude(p.x()), p.y());
        let az_a = model.inverse(center, wrap(a))?.azimuth1_deg;
        let az_b = model.inverse(center, wrap(b))?.azimuth1_deg;
        let span = normalize_longitude(az_b - az_a); // the short way round from a to b
        let before = (a.x() - lon).signum();
        let (mut t_lo, mut t_hi) = (0.0_f64, 1.0_f64);
        let mut lat = linear_crossing(a, b, lon)?;
        for _ in 0..CIRCLE_ITERATIONS {
            let t = 0.5 * (t_lo + t_hi);
            let p = model.direct(center, az_a + t * span, radius_m)?.point;
            // Unwrapped next to a: the vertices are within a few degrees of each other.
            let x = a.x() + normalize_longitude(p.x() - a.x());
            lat = p.y();
            let side = x - lon;
            if side == 0.0 {
                break;
            }
            if side.signum() == before {
                t_lo = t;
            } else {
                t_hi = t;
            }
        }
        Ok(lat)
    }
}
