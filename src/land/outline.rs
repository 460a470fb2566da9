//! How far a geodesic segment passes from an area's outline: the overflight test of an area place (a peninsula,
//! an island) by its polygon, fast enough to be evaluated at every point of the feasible-region grid.

use std::sync::{Arc, OnceLock};

use geo::line_intersection::{LineIntersection, line_intersection};
use geo::{BoundingRect, ClosestPoint, Contains, Distance, Euclidean, Intersects};
use geo_types::{Coord, Line, MultiPolygon, Point, Rect};
use geographiclib_rs::{GeodesicLine, InverseGeodesic, capability as caps};

use super::{Countries, Country, LandError};
use crate::geodesy::{
    Ellipsoid, SegmentEnd, closest_approach_on_segment, normalize_longitude, validate_point,
};

/// Largest spacing of the samples of the track near an outline, metres. Between two samples the track is taken
/// as straight in longitude/latitude; a geodesic's sagitta over a chord of length c there is about
/// c²·tan(φ)/(8R) (φ the latitude, R the Earth's radius), under 6 m for c = 10 km below 70° of latitude.
pub const OUTLINE_SPACING_M: f64 = 10_000.0;

/// Upper bound on the samples of the track near one outline (the spacing grows beyond [`OUTLINE_SPACING_M`] for a
/// track that passes far from the area, where only the distance matters and it is refined exactly).
const MAX_SAMPLES: usize = 200;

/// Into how many shorter chords on the true line the chord that meets the outline is cut to place the entry.
const ENTRY_PIECES: usize = 10;

/// How many of the nearest points found in the plane are refined on the ellipsoid, at least.
const CANDIDATES: usize = 3;

/// At most this many points found in the plane are refined on the ellipsoid.
const MAX_CANDIDATES: usize = 24;

/// The outline of an area place, prepared for distance tests against geodesic segments.
///
/// The outline is a set of polygons in longitude/latitude (Natural Earth's edges are straight there), with its
/// longitudes unwrapped about its centre so that an area near the antimeridian stays in one piece.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaOutline {
    name: String,
    /// The polygons, longitudes unwrapped about `centre`.
    shape: MultiPolygon<f64>,
    /// Bounding box of `shape`.
    bounds: Rect<f64>,
    /// Centre of the bounding box (lon, lat degrees).
    centre: Point<f64>,
    /// Largest geodesic distance from `centre` to a vertex, metres.
    radius_m: f64,
    /// `shape` with longitudes multiplied by cos φ at the centre (the plane of [`AreaOutline::candidates`]).
    scaled: MultiPolygon<f64>,
}

/// Where a geodesic segment passes an [`AreaOutline`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OutlineApproach {
    /// Shortest distance from the segment to the outline, metres; 0 when the segment crosses or touches it.
    pub distance_m: f64,
    /// Whether the segment passes over the area (crosses or touches the outline, or starts inside it).
    pub crosses: bool,
    /// Along-track distance from the segment's start, metres: to its first point over the area when it crosses,
    /// else to the point of the segment nearest the outline.
    pub along_track_m: f64,
    /// Signed cross-track distance of the outline's nearest point from the full geodesic, metres (positive to the
    /// left of the direction of travel, as [`crate::geodesy::ClosestApproach::cross_track_m`]); 0 when crossing.
    pub cross_track_m: f64,
    /// When the segment misses the outline and its nearest point is one of its ends, which one.
    pub at_end: Option<SegmentEnd>,
}

impl AreaOutline {
    /// Prepares an outline (one or more polygons, lon/lat degrees) for [`AreaOutline::approach`].
    ///
    /// # Errors
    /// [`LandError::Invalid`] for an outline without a vertex or with a vertex that is not a valid position.
    ///
    /// # Example
    /// ```
    /// use geo_types::{MultiPolygon, polygon};
    /// use groundtrack::land::AreaOutline;
    /// let square = polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 1.0), (x: 0.0, y: 1.0)];
    /// let a = AreaOutline::new("Square", MultiPolygon::new(vec![square])).unwrap();
    /// assert_eq!(a.name(), "Square");
    /// // GeodSolve -i 0.5 0.5 0 0: 78,451.248 m from the centre to the farthest corner.
    /// assert!((a.radius_m() - 78_451.248).abs() < 1e-3);
    /// ```
    pub fn new(name: &str, shape: MultiPolygon<f64>) -> Result<AreaOutline, LandError> {
        let invalid = |message: String| LandError::Invalid { what: "area outline", message };
        let raw_bounds =
            shape.bounding_rect().ok_or_else(|| invalid(format!("{name}: the outline has no vertex")))?;
        let raw_centre = raw_bounds.center();
        // Unwrap about the first vertex's meridian, then centre on the unwrapped box.
        let unwrap_about = |about: f64, mut s: MultiPolygon<f64>| {
            s.0.iter_mut().for_each(|p| {
                p.exterior_mut(|r| {
                    r.0.iter_mut().for_each(|c| c.x = about + normalize_longitude(c.x - about))
                });
                p.interiors_mut(|rs| {
                    for r in rs {
                        r.0.iter_mut().for_each(|c| c.x = about + normalize_longitude(c.x - about));
                    }
                });
            });
            s
        };
        let shape = unwrap_about(raw_centre.x, shape);
        let bounds =
            shape.bounding_rect().ok_or_else(|| invalid(format!("{name}: the outline has no vertex")))?;
        let centre = Point::from(bounds.center());
        validate_point(Point::new(normalize_longitude(centre.x()), centre.y()))
            .map_err(|e| invalid(format!("{name}: {e}")))?;
        let geod = Ellipsoid::wgs84();
        let mut radius_m: f64 = 0.0;
        for c in vertices(&shape) {
            let p = Point::new(normalize_longitude(c.x), c.y);
            validate_point(p).map_err(|e| invalid(format!("{name}: {e}")))?;
            let s: f64 = geod.geodesic().inverse(centre.y(), centre.x(), p.y(), p.x());
            radius_m = radius_m.max(s);
        }
        let scaled = scaled_shape(&shape, plane_scale(centre));
        Ok(AreaOutline { name: name.to_string(), shape, bounds, centre, radius_m, scaled })
    }

    /// The embedded outline of a gazetteer area place (exact name as in `data/places.csv`), if it has one:
    /// Hokkaido, Oshima Peninsula, Okushiri Island, Okinawa Island, Miyako Island ([`Countries::areas`]).
    ///
    /// # Errors
    /// [`LandError::Data`] if the embedded outlines cannot be read (a build defect; the tests read them).
    ///
    /// # Example
    /// ```
    /// use groundtrack::land::AreaOutline;
    /// assert!(AreaOutline::embedded("Oshima Peninsula").unwrap().is_some());
    /// assert!(AreaOutline::embedded("Cape Erimo").unwrap().is_none());
    /// ```
    pub fn embedded(name: &str) -> Result<Option<Arc<AreaOutline>>, LandError> {
        static PREPARED: OnceLock<Result<Vec<Arc<AreaOutline>>, LandError>> = OnceLock::new();
        let all = PREPARED
            .get_or_init(|| {
                Countries::areas()?
                    .countries()
                    .iter()
                    .map(|c: &Country| AreaOutline::new(&c.name, c.shape.clone()).map(Arc::new))
                    .collect()
            })
            .as_ref()
            .map_err(Clone::clone)?;
        Ok(all.iter().find(|a| a.name == name).cloned())
    }

    /// The area's name.
    ///
    /// # Example
    /// ```
    /// use groundtrack::land::AreaOutline;
    /// assert_eq!(AreaOutline::embedded("Hokkaido").unwrap().unwrap().name(), "Hokkaido");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The polygons (lon, lat degrees; longitudes unwrapped about the centre, so possibly beyond ±180).
    ///
    /// # Example
    /// ```
    /// use groundtrack::land::AreaOutline;
    /// let okinawa = AreaOutline::embedded("Okinawa Island").unwrap().unwrap();
    /// assert_eq!(okinawa.shape().0.len(), 1); // one polygon
    /// ```
    pub fn shape(&self) -> &MultiPolygon<f64> {
        &self.shape
    }

    /// The number of vertices of the outline (closing vertices included).
    ///
    /// # Example
    /// ```
    /// use groundtrack::land::AreaOutline;
    /// assert!(AreaOutline::embedded("Hokkaido").unwrap().unwrap().vertex_count() > 100);
    /// ```
    pub fn vertex_count(&self) -> usize {
        vertices(&self.shape).count()
    }

    /// Largest distance from the centre of the outline's bounding box to a vertex, metres (geodesic).
    ///
    /// # Example
    /// ```
    /// use groundtrack::land::AreaOutline;
    /// // Okushiri Island is about 27 km long (data/PLACES-SOURCES.md).
    /// let r = AreaOutline::embedded("Okushiri Island").unwrap().unwrap().radius_m();
    /// assert!(r > 10_000.0 && r < 20_000.0, "{r}");
    /// ```
    pub fn radius_m(&self) -> f64 {
        self.radius_m
    }

    /// Whether a point (lon, lat degrees) lies inside the outline.
    ///
    /// # Example
    /// ```
    /// use geo_types::Point;
    /// use groundtrack::land::AreaOutline;
    /// let oshima = AreaOutline::embedded("Oshima Peninsula").unwrap().unwrap();
    /// assert!(oshima.contains(Point::new(140.3, 41.85))); // the gazetteer point
    /// assert!(!oshima.contains(Point::new(141.35, 43.06))); // Sapporo
    /// ```
    pub fn contains(&self, p: Point<f64>) -> bool {
        let c = self.unwrapped(p);
        self.bounds.intersects(&c) && self.shape.contains(&c)
    }

    /// How far the geodesic segment from `a` to `b` passes from the outline, and where.
    ///
    /// Inputs: the ellipsoid, the segment's ends (lon, lat degrees). Output: an [`OutlineApproach`].
    ///
    /// Method: the closest approach of the outline's centre to the segment (Karney 2013, J. Geodesy 87:43-55,
    /// sec. 8, [`closest_approach_on_segment`]) bounds where the segment can come near the area: a point of the
    /// segment within distance D of the outline lies within R + D along the track of that foot (R the outline's
    /// radius about its centre). That stretch is sampled on the true line (direct problem) at most
    /// [`OUTLINE_SPACING_M`] apart, and each chord is tested against the polygons in longitude/latitude, where
    /// Natural Earth's edges are straight; the entry is where the first such chord meets an edge. Otherwise the nearest
    /// points of the chords and the outline (in a plane scaled by cos φ at the centre) give candidate outline
    /// points (the three nearest, and up to 24 within 10% of the nearest, since the plane's scale drifts away from
    /// the centre's latitude), whose closest approaches to the segment are computed on the ellipsoid (Karney 2013,
    /// sec. 8); the least is the distance. Accuracy: the outline's own (a few hundred metres at 1:50m) plus the chords'
    /// sagitta (under 6 m below 70° of latitude).
    ///
    /// # Errors
    /// [`LandError::Geodesy`] for an invalid end point.
    ///
    /// # Example
    /// ```
    /// use geo_types::Point;
    /// use groundtrack::geodesy::Ellipsoid;
    /// use groundtrack::land::AreaOutline;
    /// let oshima = AreaOutline::embedded("Oshima Peninsula").unwrap().unwrap();
    /// let e = Ellipsoid::wgs84();
    /// // Sunan to the rhumb-line reading of "1,180 km east of Cape Erimo" crosses the peninsula.
    /// let over = oshima.approach(&e, Point::new(125.67, 39.22389), Point::new(157.474, 41.92444)).unwrap();
    /// assert!(over.crosses && over.distance_m == 0.0);
    /// // Sunan due east to 145 E passes south of it, over northern Honshu.
    /// let south = oshima.approach(&e, Point::new(125.67, 39.22389), Point::new(145.0, 39.0)).unwrap();
    /// assert!(!south.crosses && south.distance_m > 100_000.0);
    /// ```
    pub fn approach(
        &self,
        ellipsoid: &Ellipsoid,
        a: Point<f64>,
        b: Point<f64>,
    ) -> Result<OutlineApproach, LandError> {
        validate_point(a)?;
        validate_point(b)?;
        let geod = ellipsoid.geodesic();
        let (length, azimuth, _azi2, _a12): (f64, f64, f64, f64) = geod.inverse(a.y(), a.x(), b.y(), b.x());
        if length < 1e-3 {
            return self.point_approach(ellipsoid, a);
        }
        let foot = closest_approach_on_segment(ellipsoid, Point::from(self.normal(self.centre.0)), a, b)?;
        let reach = self.radius_m + (self.radius_m + foot.distance_m).min(length);
        let (s0, s1) = ((foot.along_track_m - reach).max(0.0), (foot.along_track_m + reach).min(length));
        let line = GeodesicLine::new(
            geod,
            a.y(),
            a.x(),
            azimuth,
            Some(caps::LATITUDE | caps::LONGITUDE | caps::DISTANCE_IN),
            None,
            None,
        );
        let n = (((s1 - s0) / OUTLINE_SPACING_M).ceil() as usize).clamp(1, MAX_SAMPLES);
        let at = |s: f64| -> (f64, Coord<f64>) {
            let (_a12, lat, lon, _azi, _s12, _m12, _mm12, _mm21, _ss12) =
                line._gen_position(false, s, caps::LATITUDE | caps::LONGITUDE);
            (s, self.unwrapped(Point::new(lon, lat)))
        };
        let samples: Vec<(f64, Coord<f64>)> =
            (0..=n).map(|k| at(s0 + (s1 - s0) * k as f64 / n as f64)).collect();
        for pair in samples.windows(2) {
            let chord = Line::new(pair[0].1, pair[1].1);
            if self.bounds.intersects(&chord) && self.shape.intersects(&chord) {
                let along = self.entry(&at, pair[0], pair[1]);
                return Ok(OutlineApproach {
                    distance_m: 0.0,
                    crosses: true,
                    along_track_m: along,
                    cross_track_m: 0.0,
                    at_end: None,
                });
            }
        }
        let mut best: Option<OutlineApproach> = None;
        for q in self.candidates(&samples) {
            let ca = closest_approach_on_segment(ellipsoid, Point::from(self.normal(q)), a, b)?;
            if best.is_none_or(|b| ca.distance_m < b.distance_m) {
                best = Some(OutlineApproach {
                    distance_m: ca.distance_m,
                    crosses: false,
                    along_track_m: ca.along_track_m,
                    cross_track_m: ca.cross_track_m,
                    at_end: ca.at_end,
                });
            }
        }
        best.map_or_else(|| self.point_approach(ellipsoid, a), Ok)
    }

    /// The approach of a single point (a segment of no length).
    fn point_approach(&self, ellipsoid: &Ellipsoid, p: Point<f64>) -> Result<OutlineApproach, LandError> {
        if self.contains(p) {
            return Ok(OutlineApproach {
                distance_m: 0.0,
                crosses: true,
                along_track_m: 0.0,
                cross_track_m: 0.0,
                at_end: None,
            });
        }
        let mut distance_m = f64::INFINITY;
        for c in vertices(&self.shape) {
            let q = self.normal(*c);
            let s: f64 = ellipsoid.geodesic().inverse(p.y(), p.x(), q.y, q.x);
            distance_m = distance_m.min(s);
        }
        Ok(OutlineApproach {
            distance_m,
            crosses: false,
            along_track_m: 0.0,
            cross_track_m: distance_m,
            at_end: Some(SegmentEnd::Start),
        })
    }

    /// The along-track distance of the first point over the area within a chord that meets the outline: the start
    /// when it is inside, else where the chord first meets an edge of the outline. The chord is cut into
    /// [`ENTRY_PIECES`] shorter chords on the true line first, so that the sagitta (and with it the error of an entry
    /// at a grazing angle to the coast) shrinks a hundredfold; along-track distance is proportional along a chord.
    fn entry(
        &self,
        at: &impl Fn(f64) -> (f64, Coord<f64>),
        lo: (f64, Coord<f64>),
        hi: (f64, Coord<f64>),
    ) -> f64 {
        if self.shape.contains(&lo.1) {
            return lo.0;
        }
        let mut a = lo;
        for k in 1..=ENTRY_PIECES {
            let b = if k == ENTRY_PIECES {
                hi
            } else {
                at(lo.0 + (hi.0 - lo.0) * k as f64 / ENTRY_PIECES as f64)
            };
            if let Some(t) = self.first_edge_crossing(a.1, b.1) {
                return a.0 + t * (b.0 - a.0);
            }
            if self.shape.contains(&b.1) {
                return b.0; // entered exactly at a piece's end
            }
            a = b;
        }
        // The pieces follow the true line and may pass a corner the long chord clipped: the long chord's crossing.
        self.first_edge_crossing(lo.1, hi.1).map_or(lo.0, |t| lo.0 + t * (hi.0 - lo.0))
    }

    /// Where the straight chord from `p` to `q` (lon/lat) first meets an edge of the outline, as a fraction of
    /// the chord in [0, 1], if it does.
    fn first_edge_crossing(&self, p: Coord<f64>, q: Coord<f64>) -> Option<f64> {
        let chord = Line::new(p, q);
        let (dx, dy) = (q.x - p.x, q.y - p.y);
        let length2 = dx * dx + dy * dy;
        if length2 == 0.0 {
            return None;
        }
        let mut first: Option<f64> = None;
        for polygon in &self.shape.0 {
            for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                for edge in ring.lines() {
                    let hit = match line_intersection(chord, edge) {
                        Some(LineIntersection::SinglePoint { intersection, .. }) => intersection,
                        Some(LineIntersection::Collinear { intersection }) => intersection.start,
                        None => continue,
                    };
                    let t = (((hit.x - p.x) * dx + (hit.y - p.y) * dy) / length2).clamp(0.0, 1.0);
                    first = Some(first.map_or(t, |f: f64| f.min(t)));
                }
            }
        }
        first
    }

    /// The outline points nearest the sampled chords in a plane scaled by cos φ at the centre (an affine map of
    /// longitude/latitude, so straight edges stay straight): the few best, for exact refinement.
    fn candidates(&self, samples: &[(f64, Coord<f64>)]) -> Vec<Coord<f64>> {
        let k = plane_scale(self.centre);
        let plane = |c: Coord<f64>| Coord { x: c.x * k, y: c.y };
        let chords: Vec<Line<f64>> =
            samples.windows(2).map(|p| Line::new(plane(p[0].1), plane(p[1].1))).collect();
        let polyline = geo_types::LineString::from(samples.iter().map(|s| plane(s.1)).collect::<Vec<_>>());
        let mut found: Vec<(f64, Coord<f64>)> = Vec::new();
        // Outline vertices against the chords.
        for c in vertices(&self.shape) {
            let p = Point::from(plane(*c));
            let d = chords.iter().map(|l| Euclidean.distance(&p, l)).fold(f64::INFINITY, f64::min);
            found.push((d, *c));
        }
        // Chord ends against the outline's edges.
        for p in polyline.points() {
            if let geo::Closest::SinglePoint(q) | geo::Closest::Intersection(q) =
                self.scaled.closest_point(&p)
            {
                found.push((Euclidean.distance(&p, &q), Coord { x: q.x() / k, y: q.y() }));
            }
        }
        found.sort_by(|x, y| x.0.total_cmp(&y.0));
        // The plane's scale is true only near the centre's latitude: keep every point within 10% of the nearest
        // (a far track's distances are distorted by a few per cent), at least CANDIDATES, at most MAX_CANDIDATES.
        let limit = found.first().map_or(0.0, |f| 1.1 * f.0 + 1e-6);
        found
            .iter()
            .enumerate()
            .take_while(|(k, f)| *k < CANDIDATES || (f.0 <= limit && *k < MAX_CANDIDATES))
            .map(|(_, f)| f.1)
            .collect()
    }

    /// A point as a coordinate with its longitude unwrapped about the centre.
    fn unwrapped(&self, p: Point<f64>) -> Coord<f64> {
        Coord { x: self.centre.x() + normalize_longitude(p.x() - self.centre.x()), y: p.y() }
    }

    /// A coordinate of the outline with its longitude reduced to [-180, 180).
    fn normal(&self, c: Coord<f64>) -> Coord<f64> {
        Coord { x: normalize_longitude(c.x), y: c.y }
    }
}

/// Every vertex of every ring of the polygons.
fn vertices(shape: &MultiPolygon<f64>) -> impl Iterator<Item = &Coord<f64>> {
    shape.0.iter().flat_map(|p| p.exterior().0.iter().chain(p.interiors().iter().flat_map(|r| r.0.iter())))
}

/// The factor cos φ (at the centre) that makes longitude and latitude degrees about equally long.
fn plane_scale(centre: Point<f64>) -> f64 {
    centre.y().to_radians().cos().max(1e-6)
}

/// The polygons with longitudes multiplied by `k`.
fn scaled_shape(shape: &MultiPolygon<f64>, k: f64) -> MultiPolygon<f64> {
    use geo::MapCoords;
    shape.map_coords(|c| Coord { x: c.x * k, y: c.y })
}
