//! Paths (tracks, lines of sight) as GeoJSON-ready geometry: densified and cut at the antimeridian.

use geo_types::{Coord, Geometry, LineString, MultiLineString, Point};

use super::densify::{DensePath, Segment, densify};
use crate::geodesy::{EarthModel, GeodesyError};

/// Bisection steps when solving for the antimeridian crossing: the bracket shrinks from at most 500 km to below
/// 1e-7 m, which moves the latitude by less than 1e-12 degrees.
const CROSSING_ITERATIONS: u32 = 64;

/// The path as a LineString, or as a MultiLineString cut at ±180° where it crosses the antimeridian.
///
/// Inputs: the model whose line joins consecutive vertices; the vertices (lon, lat degrees; at least one, any
/// longitude range); the largest allowed distance in metres between a straight lon/lat segment of the output and
/// the true line (1,000 m for maps).
/// Output: a [`Geometry::LineString`] when the path stays within [-180, 180], else a
/// [`Geometry::MultiLineString`] whose parts meet at the antimeridian: a part that leaves eastward ends at
/// longitude +180 and the next starts at -180 (westward: -180 then +180) at the same latitude. All longitudes
/// are in [-180, 180]. A path of one point (or of repeated points) gives a LineString of that point twice.
///
/// The crossing latitude is that of the model's line itself, not of the straight segment: the distance along
/// the segment at which the longitude equals 180 (mod 360) is found by bisection on the direct problem
/// (longitude is monotonic along a geodesic: Karney 2013, J. Geodesy 87:43-55, eq. 5, Clairaut's relation;
/// and along a rhumb line), and the latitude is read there.
///
/// # Errors
/// As [`densify_path`](super::densify_path): [`GeodesyError::InvalidArgument`] for no vertices or a tolerance
/// below 0.01 m; [`GeodesyError::LatitudeOutOfRange`] / [`GeodesyError::NotFinite`] for a bad vertex; any
/// error of the model.
///
/// # Example
/// ```
/// use geo_types::{Geometry, Point};
/// use groundtrack::geodesy::Ellipsoid;
/// use groundtrack::output::path_geometry;
/// // Tokyo to Los Angeles: the geodesic meets 180 E at 47.416667108 N
/// // (GeographicLib: echo 35.55 139.78 55.717476495714024 3560554.651582716 | GeodSolve -p 12).
/// let path = [Point::new(139.78, 35.55), Point::new(-118.41, 33.94)];
/// let Geometry::MultiLineString(parts) = path_geometry(&Ellipsoid::wgs84(), &path, 1_000.0).unwrap() else {
///     panic!("expected a MultiLineString");
/// };
/// let end = *parts.0[0].0.last().unwrap();
/// let start = parts.0[1].0[0];
/// assert_eq!((end.x, start.x), (180.0, -180.0));
/// assert!((end.y - 47.416667108).abs() < 1e-7);
/// assert_eq!(end.y, start.y);
/// ```
pub fn path_geometry<M: EarthModel + ?Sized>(
    model: &M,
    vertices: &[Point<f64>],
    max_deviation_m: f64,
) -> Result<Geometry<f64>, GeodesyError> {
    let dense = densify(model, vertices, max_deviation_m)?;
    let parts = cut_at_antimeridian(model, &dense)?;
    // A path that touches the antimeridian and turns back leaves a one-point part, or a sliver a few ulps wide
    // (the direct problem lands 1e-14 degrees past a vertex on 180), on the far edge; without it, the parts
    // before and after meet at the same point on the near edge and are one line.
    let sliver = |p: &Vec<Coord<f64>>| {
        let (lo, hi) =
            p.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), c| (lo.min(c.y), hi.max(c.y)));
        p.iter().all(|c| c.x.abs() >= 180.0 - SLIVER_DEG) && hi - lo <= SLIVER_DEG
    };
    let mut joined: Vec<Vec<Coord<f64>>> = Vec::new();
    for part in parts.into_iter().filter(|p| p.len() >= 2 && !sliver(p)) {
        match (joined.last_mut(), part.first()) {
            (Some(prev), Some(first))
                if prev.last().is_some_and(|l| l.x == first.x && (l.y - first.y).abs() <= SLIVER_DEG) =>
            {
                prev.extend(part.into_iter().skip(1))
            }
            _ => joined.push(part),
        }
    }
    let mut lines: Vec<LineString<f64>> = joined.into_iter().map(LineString::new).collect();
    Ok(match lines.len() {
        0 => {
            // Every vertex is the same point: a degenerate but valid LineString.
            let p = dense.points.first().map(|d| d.point).unwrap_or_else(|| Point::new(0.0, 0.0));
            let c = Coord { x: local_lon(p.x(), offset_for(p.x())), y: p.y() };
            Geometry::LineString(LineString::new(vec![c, c]))
        }
        1 => Geometry::LineString(lines.remove(0)),
        _ => Geometry::MultiLineString(MultiLineString::new(lines)),
    })
}

/// Width (degrees) below which a part lying on the antimeridian is a rounding sliver, not a part of the path:
/// 1e-9 degrees is 0.1 mm, far below the 7 written decimals (1 cm).
const SLIVER_DEG: f64 = 1e-9;

/// The multiple of 360 to subtract from an unwrapped longitude to bring it into [-180, 180).
fn offset_for(lon: f64) -> f64 {
    360.0 * ((lon + 180.0) / 360.0).floor()
}

/// Longitude relative to a sheet offset, with an exact zero instead of -0.
fn local_lon(lon: f64, offset: f64) -> f64 {
    let x = lon - offset;
    if x == 0.0 { 0.0 } else { x }
}

/// Splits the densified path (unwrapped longitudes) into parts that each lie within [-180, 180].
///
/// Each part keeps a sheet offset (a multiple of 360); when the path crosses the meridian `offset ± 180` the part
/// ends there and the next part, with the offset moved by 360, starts on the opposite edge.
fn cut_at_antimeridian<M: EarthModel + ?Sized>(
    model: &M,
    dense: &DensePath,
) -> Result<Vec<Vec<Coord<f64>>>, GeodesyError> {
    let mut parts: Vec<Vec<Coord<f64>>> = Vec::new();
    let Some(first) = dense.points.first() else {
        return Ok(parts);
    };
    let mut offset = offset_for(first.point.x());
    let mut current = vec![Coord { x: local_lon(first.point.x(), offset), y: first.point.y() }];
    for pair in dense.points.windows(2) {
        let (p, q) = (pair[0], pair[1]);
        let (px, qx) = (p.point.x(), q.point.x());
        if qx > px {
            // Eastward. A part already standing on its east edge moves on to the next sheet.
            if px - offset >= 180.0 {
                parts.push(std::mem::take(&mut current));
                offset += 360.0;
                current.push(Coord { x: -180.0, y: p.point.y() });
            }
            while qx > offset + 180.0 {
                let boundary = offset + 180.0;
                let lat = crossing_latitude(model, dense, p, q, boundary)?;
                current.push(Coord { x: 180.0, y: lat });
                parts.push(std::mem::take(&mut current));
                offset += 360.0;
                current.push(Coord { x: -180.0, y: lat });
            }
        } else if qx < px {
            if px - offset <= -180.0 {
                parts.push(std::mem::take(&mut current));
                offset -= 360.0;
                current.push(Coord { x: 180.0, y: p.point.y() });
            }
            while qx < offset - 180.0 {
                let boundary = offset - 180.0;
                let lat = crossing_latitude(model, dense, p, q, boundary)?;
                current.push(Coord { x: -180.0, y: lat });
                parts.push(std::mem::take(&mut current));
                offset -= 360.0;
                current.push(Coord { x: 180.0, y: lat });
            }
        }
        let c = Coord { x: local_lon(qx, offset), y: q.point.y() };
        if current.last() != Some(&c) {
            current.push(c);
        }
    }
    parts.push(current);
    Ok(parts)
}

/// Latitude at which the model's line between consecutive dense vertices `p` and `q` meets the (unwrapped)
/// meridian `boundary`, by bisection on the distance along the segment.
fn crossing_latitude<M: EarthModel + ?Sized>(
    model: &M,
    dense: &DensePath,
    p: super::densify::DensePoint,
    q: super::densify::DensePoint,
    boundary: f64,
) -> Result<f64, GeodesyError> {
    if p.point.x() == boundary {
        return Ok(p.point.y());
    }
    if q.point.x() == boundary || (p.point.y() == q.point.y() && p.point.y().abs() == 90.0) {
        // On the boundary already, or a step of longitude at a pole.
        return Ok(q.point.y());
    }
    let Some(segment): Option<&Segment> = dense.segments.get(q.segment) else {
        return Err(GeodesyError::Undefined("internal: dense point without its segment".into()));
    };
    // p is either on the same segment or the segment's start vertex.
    let mut s_lo = if p.segment == q.segment { p.s_m } else { 0.0 };
    let mut s_hi = q.s_m;
    let before = (p.point.x() - boundary).signum(); // the side of the boundary where the bracket starts
    let mut lat = 0.5 * (p.point.y() + q.point.y());
    for _ in 0..CROSSING_ITERATIONS {
        let s = 0.5 * (s_lo + s_hi);
        let m = segment.point_at(model, s)?;
        lat = m.y();
        let side = m.x() - boundary;
        if side == 0.0 {
            return Ok(lat);
        }
        if side.signum() == before {
            s_lo = s;
        } else {
            s_hi = s;
        }
        if s_hi - s_lo < 1e-7 {
            break;
        }
    }
    Ok(lat)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geodesy::Ellipsoid;

    fn parts(g: &Geometry<f64>) -> Vec<Vec<(f64, f64)>> {
        match g {
            Geometry::LineString(l) => vec![l.0.iter().map(|c| (c.x, c.y)).collect()],
            Geometry::MultiLineString(m) => {
                m.0.iter().map(|l| l.0.iter().map(|c| (c.x, c.y)).collect()).collect()
            }
            other => panic!("{other:?}"),
        }
    }

    /// Regression (found by tests/properties_geojson.rs): a path that touches the antimeridian at a vertex and
    /// turns back was split into two parts meeting on the same edge.
    #[test]
    fn touching_the_antimeridian_and_turning_back_is_one_line() {
        let g = Ellipsoid::wgs84();
        let east =
            [Point::new(179.18311090796684, 0.0), Point::new(180.0, 0.0), Point::new(128.7196029548553, 0.0)];
        let p = parts(&path_geometry(&g, &east, 5_000.0).unwrap());
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].iter().all(|&(x, _)| (128.0..=180.0).contains(&x)), "{p:?}");
        assert_eq!(p[0].iter().filter(|&&(x, _)| x == 180.0).count(), 1);
        // Crossing east, coming back west to the antimeridian, leaving east again: two parts, each cut on
        // opposite edges, the touch in the middle of the second part.
        let west = [
            Point::new(176.40235426016326, 0.0),
            Point::new(-148.53445825061885, 0.0),
            Point::new(180.0, 0.0),
            Point::new(-56.326740286585164, 0.0),
        ];
        let p = parts(&path_geometry(&g, &west, 5_000.0).unwrap());
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!((p[0].last().unwrap().0, p[1][0].0), (180.0, -180.0));
        assert!(p[1].iter().skip(1).any(|&(x, _)| x == -180.0), "{p:?}");
    }
}
