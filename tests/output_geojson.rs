//! GeoJSON output: antimeridian cuts at the true crossing latitude, densification, polygon orientation and pole
//! closure, rounding, and atomic writes.
//!
//! Reference values come from GeographicLib 2.1.2's GeodSolve (commands next to each value) and, for the sphere,
//! from the closed-form latitude of a great circle at a given longitude (E. Williams, *Aviation Formulary* v1.47,
//! "Latitude of point on great circle"). Properties of the output (distance from the true geodesic, areas) are
//! measured with geographiclib-rs, which implements Karney 2013 independently of this module.

use geo_types::{Coord, Geometry, LineString, MultiPolygon, Point, Polygon};
use geographiclib_rs::{Geodesic, PolygonArea, Winding};
use groundtrack::geodesy::{EarthModel, Ellipsoid, Sphere, normalize_longitude};
use groundtrack::output::{
    densify_path, feature, feature_collection, geodesic_circle_crossing, path_geometry, point_feature,
    ring_geometry, ring_geometry_with, to_geojson_string, write_atomic, write_geojson,
};
use serde_json::{Map, Value, json};

const SUNAN: (f64, f64) = (125.6700, 39.2241); // (lon, lat)
const TOKYO: (f64, f64) = (139.78, 35.55);
const LOS_ANGELES: (f64, f64) = (-118.41, 33.94);
const SYDNEY: (f64, f64) = (151.21, -33.87);
const VLADIVOSTOK: (f64, f64) = (131.89, 43.12);
const PORTO_ALEGRE: (f64, f64) = (-51.23, -30.03);

fn pt(c: (f64, f64)) -> Point<f64> {
    Point::new(c.0, c.1)
}

/// The geometry as written: through a feature, GeoJSON text, and back to geo_types.
fn written(g: &Geometry<f64>) -> Geometry<f64> {
    let fc = feature_collection(vec![feature(g, Map::new())]);
    let text = to_geojson_string(&fc).unwrap();
    let back: geojson::FeatureCollection = text.parse().unwrap();
    let geom = back.features[0].geometry.clone().unwrap();
    Geometry::<f64>::try_from(geom).unwrap()
}

/// The parts of a LineString or MultiLineString.
fn line_parts(g: &Geometry<f64>) -> Vec<Vec<Coord<f64>>> {
    match g {
        Geometry::LineString(l) => vec![l.0.clone()],
        Geometry::MultiLineString(m) => m.0.iter().map(|l| l.0.clone()).collect(),
        other => panic!("expected a line, got {other:?}"),
    }
}

fn polygons(g: &Geometry<f64>) -> Vec<Polygon<f64>> {
    match g {
        Geometry::Polygon(p) => vec![p.clone()],
        Geometry::MultiPolygon(MultiPolygon(ps)) => ps.clone(),
        other => panic!("expected a polygon, got {other:?}"),
    }
}

/// Twice the signed area in the lon/lat plane; positive for counter-clockwise.
fn shoelace(ring: &LineString<f64>) -> f64 {
    ring.0.windows(2).map(|w| w[0].x * w[1].y - w[1].x * w[0].y).sum()
}

/// Every coordinate in range, and no step of more than 180 degrees of longitude between consecutive positions.
fn assert_on_map(coords: &[Coord<f64>], what: &str) {
    for c in coords {
        assert!((-180.0..=180.0).contains(&c.x), "{what}: longitude {} out of range", c.x);
        assert!((-90.0..=90.0).contains(&c.y), "{what}: latitude {} out of range", c.y);
    }
    for w in coords.windows(2) {
        // A run along a pole (latitude ±90 from +180 to -180) is the one place where longitude may jump.
        let along_pole = w[0].y == w[1].y && w[0].y.abs() == 90.0;
        assert!(along_pole || (w[1].x - w[0].x).abs() <= 180.0, "{what}: jump from {:?} to {:?}", w[0], w[1]);
    }
}

/// Consecutive parts of a cut line meet on the antimeridian: one ends at ±180, the next starts at ∓180 at the
/// same latitude.
fn assert_cut_rule(parts: &[Vec<Coord<f64>>], what: &str) {
    for w in parts.windows(2) {
        let end = *w[0].last().unwrap();
        let start = w[1][0];
        assert_eq!(end.x.abs(), 180.0, "{what}: part ends at {end:?}, not on the antimeridian");
        assert_eq!(start.x, -end.x, "{what}: next part starts at {start:?} after {end:?}");
        assert_eq!(start.y, end.y, "{what}: latitudes differ at the cut");
    }
}

/// The crossing latitudes of a cut line.
fn cut_latitudes(parts: &[Vec<Coord<f64>>]) -> Vec<f64> {
    parts.windows(2).map(|w| w[0].last().unwrap().y).collect()
}

/// Distance in metres from `q` to the geodesic from `a` (azimuth `azi1`) between distances `s_lo` and `s_hi`,
/// by golden-section search on the distance along it (the distance is unimodal over a short stretch).
fn distance_to_geodesic(a: Point<f64>, azi1: f64, s_lo: f64, s_hi: f64, q: Point<f64>) -> f64 {
    let g = Ellipsoid::wgs84();
    let f = |s: f64| {
        let p = g.direct(a, azi1, s).unwrap().point;
        g.inverse(q, p).unwrap().distance_m
    };
    let r = (5f64.sqrt() - 1.0) / 2.0;
    let (mut lo, mut hi) = (s_lo, s_hi);
    for _ in 0..60 {
        let m1 = hi - r * (hi - lo);
        let m2 = lo + r * (hi - lo);
        if f(m1) < f(m2) {
            hi = m2;
        } else {
            lo = m1;
        }
    }
    f(0.5 * (lo + hi))
}

/// Checks that the midpoint of every straight segment of the written line is within `tol_m` of the geodesic
/// from `a` to `b`.
fn assert_densified(parts: &[Vec<Coord<f64>>], a: Point<f64>, b: Point<f64>, tol_m: f64) -> f64 {
    let g = Ellipsoid::wgs84();
    let inv = g.inverse(a, b).unwrap();
    let along = |c: Coord<f64>| g.inverse(a, Point::new(normalize_longitude(c.x), c.y)).unwrap().distance_m;
    let mut worst = 0.0_f64;
    for part in parts {
        for w in part.windows(2) {
            let (s0, s1) = (along(w[0]), along(w[1]));
            let mid = Point::new(0.5 * (w[0].x + w[1].x), 0.5 * (w[0].y + w[1].y));
            let pad = 0.25 * (s1 - s0).abs() + 1_000.0;
            let (lo, hi) = ((s0.min(s1) - pad).max(0.0), (s0.max(s1) + pad).min(inv.distance_m));
            let d = distance_to_geodesic(a, inv.azimuth1_deg, lo, hi, mid);
            worst = worst.max(d);
            assert!(d < tol_m, "segment {:?}-{:?}: midpoint {d:.1} m from the geodesic", w[0], w[1]);
        }
    }
    worst
}

/// The checks every written track must pass; returns the parts.
fn check_track(a: (f64, f64), b: (f64, f64), what: &str) -> Vec<Vec<Coord<f64>>> {
    let g = path_geometry(&Ellipsoid::wgs84(), &[pt(a), pt(b)], 1_000.0).unwrap();
    let parts = line_parts(&written(&g));
    for part in &parts {
        assert_on_map(part, what);
        assert!(part.len() >= 2, "{what}: a part with fewer than two positions");
    }
    assert_cut_rule(&parts, what);
    // The end points are the input points (rounded to 7 decimals).
    let first = parts[0][0];
    let last = *parts.last().unwrap().last().unwrap();
    // The end points are the input points (rounded to 7 decimals; +180 is written as -180).
    let same =
        |c: Coord<f64>, p: (f64, f64)| normalize_longitude(c.x) == normalize_longitude(p.0) && c.y == p.1;
    assert!(same(first, a), "{what}: start moved to {first:?}");
    assert!(same(last, b), "{what}: end moved to {last:?}");
    assert_densified(&parts, pt(a), pt(b), 1_000.0);
    parts
}

#[test]
fn tokyo_to_los_angeles_is_cut_at_the_geodesics_crossing_latitude() {
    // echo 35.55 139.78 33.94 -118.41 | GeodSolve -i -p 12
    //   -> azi1 55.717476495714024, s12 8831560.9155469183
    // echo 35.55 139.78 55.717476495714024 3560554.651582716 | GeodSolve -p 12
    //   -> 47.416667108019 179.999999999999 (distance found by bisection on GeodSolve's longitude)
    // /work/shared/cases/reference-values.md gives the same: 47.416667108 N at 3,560,554.65 m.
    let parts = check_track(TOKYO, LOS_ANGELES, "Tokyo-Los Angeles");
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0].last().unwrap().x, 180.0, "eastward: the first part ends at +180");
    let lat = cut_latitudes(&parts)[0];
    assert!((lat - 47.416667108).abs() < 1e-7, "crossing at {lat}");
}

#[test]
fn westward_crossing_ends_at_minus_180() {
    // echo 55 -165 35 165 | GeodSolve -i -p 12  -> azi1 -121.52223585039454
    // echo 55 -165 -121.52223585039454 1313022.6575416327 | GeodSolve -p 12
    //   -> 47.776660812790 -179.999999999999
    let parts = check_track((-165.0, 55.0), (165.0, 35.0), "55N 165W - 35N 165E");
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0].last().unwrap().x, -180.0);
    assert_eq!(parts[1][0].x, 180.0);
    let lat = cut_latitudes(&parts)[0];
    assert!((lat - 47.7766608128).abs() < 1e-7, "crossing at {lat}");
}

#[test]
fn sydney_to_los_angeles() {
    // echo -33.87 151.21 33.94 -118.41 | GeodSolve -i -p 12 -> azi1 61.133483547379164, s12 12043671.095071
    // echo -33.87 151.21 61.133483547379164 3574290.4423027234 | GeodSolve -p 12 -> -14.922934788937 180.0
    let parts = check_track(SYDNEY, LOS_ANGELES, "Sydney-Los Angeles");
    assert_eq!(parts.len(), 2);
    assert!((cut_latitudes(&parts)[0] - -14.922934788937).abs() < 1e-7);
}

#[test]
fn vladivostok_to_porto_alegre_over_the_arctic() {
    // echo 43.12 131.89 -30.03 -51.23 | GeodSolve -i -p 12 -> azi1 11.515817665739627, s12 18525763.054152
    // echo 43.12 131.89 11.515817665739627 4536201.7557898 | GeodSolve -p 12 -> 79.947961536273 -180.0
    let parts = check_track(VLADIVOSTOK, PORTO_ALEGRE, "Vladivostok-Porto Alegre");
    assert_eq!(parts.len(), 2);
    assert!((cut_latitudes(&parts)[0] - 79.947961536273).abs() < 1e-7);
}

#[test]
fn track_over_the_north_pole_steps_longitude_at_the_pole() {
    // 60 N 0 E to 60 N 180 E: the shortest geodesic is the meridian over the pole
    // (echo 60 0 60 180 | GeodSolve -i -p 12 -> azi1 0, azi2 180, s12 6697785.5).
    let parts = check_track((0.0, 60.0), (180.0, 60.0), "over the pole");
    let coords: Vec<Coord<f64>> = parts.concat();
    // Straight up meridian 0, along the pole, down the 180 meridian: no other longitudes.
    assert!(coords.iter().all(|c| c.x == 0.0 || c.x.abs() == 180.0), "{coords:?}");
    assert!(coords.iter().any(|c| c.x == 0.0 && c.y == 90.0));
    assert!(coords.iter().any(|c| c.x.abs() == 180.0 && c.y == 90.0));
}

#[test]
fn short_track_stays_one_linestring_and_is_not_overdensified() {
    // Sunan to Cape Erimo, 1,515.5 km: a single LineString with a handful of vertices.
    let g = path_geometry(&Ellipsoid::wgs84(), &[pt(SUNAN), Point::new(143.2494, 41.9236)], 1_000.0).unwrap();
    let Geometry::LineString(l) = &g else { panic!("expected one LineString, got {g:?}") };
    assert!(l.0.len() >= 3 && l.0.len() < 40, "{} vertices", l.0.len());
    assert_densified(std::slice::from_ref(&l.0), pt(SUNAN), Point::new(143.2494, 41.9236), 1_000.0);
    // A tighter tolerance needs more vertices and is still met.
    let fine = path_geometry(&Ellipsoid::wgs84(), &[pt(SUNAN), Point::new(143.2494, 41.9236)], 10.0).unwrap();
    let Geometry::LineString(f) = &fine else { panic!() };
    assert!(f.0.len() > l.0.len());
    assert_densified(std::slice::from_ref(&f.0), pt(SUNAN), Point::new(143.2494, 41.9236), 10.0);
}

#[test]
fn multi_vertex_path_keeps_its_vertices() {
    let vertices = [pt(SUNAN), Point::new(143.2494, 41.9236), Point::new(157.34735599014, 41.05079002181)];
    let g = path_geometry(&Ellipsoid::wgs84(), &vertices, 1_000.0).unwrap();
    let coords = line_parts(&g).concat();
    for v in vertices {
        assert!(coords.iter().any(|c| c.x == v.x() && c.y == v.y()), "vertex {v:?} missing");
    }
}

/// Latitude of the great circle through `a` and `b` at longitude `lon` (Williams, Aviation Formulary,
/// "Latitude of point on great circle"; the formula is the same with east-positive longitudes).
fn great_circle_latitude(a: (f64, f64), b: (f64, f64), lon: f64) -> f64 {
    let (lon1, lat1, lon2, lat2, lon) =
        (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians(), lon.to_radians());
    let num = lat1.sin() * lat2.cos() * (lon - lon2).sin() - lat2.sin() * lat1.cos() * (lon - lon1).sin();
    let den = lat1.cos() * lat2.cos() * (lon1 - lon2).sin();
    (num / den).atan().to_degrees()
}

#[test]
fn sphere_crossing_matches_the_closed_form_great_circle() {
    let g = path_geometry(&Sphere::mean_earth(), &[pt(TOKYO), pt(LOS_ANGELES)], 1_000.0).unwrap();
    let parts = line_parts(&g);
    assert_eq!(parts.len(), 2);
    let expected = great_circle_latitude(TOKYO, LOS_ANGELES, 180.0);
    assert!((cut_latitudes(&parts)[0] - expected).abs() < 1e-9, "{} vs {expected}", cut_latitudes(&parts)[0]);
    // And the sphere's path differs from the ellipsoid's (47.4166671 N), so the model is really used.
    assert!((expected - 47.416667108).abs() > 0.01);
}

/// Rhumb lines on a sphere by the Mercator formulas (isometric latitude psi = ln tan(pi/4 + phi/2) changes in
/// proportion to longitude; Todhunter, *Spherical Trigonometry*, 1886; Bowditch, *American Practical
/// Navigator*, 2002, ch. 24), a stand-in for the crate's coming `Rhumb` to check that the output layer works for
/// any model of the trait.
struct SphericalRhumb;

const RHUMB_R: f64 = 6_371_008.8;

fn psi(phi: f64) -> f64 {
    (std::f64::consts::FRAC_PI_4 + phi / 2.0).tan().ln()
}

fn rhumb_q(phi1: f64, dphi: f64, dpsi: f64) -> f64 {
    if dpsi.abs() > 1e-12 { dphi / dpsi } else { phi1.cos() }
}

impl EarthModel for SphericalRhumb {
    fn inverse(
        &self,
        a: Point<f64>,
        b: Point<f64>,
    ) -> Result<groundtrack::geodesy::InverseSolution, groundtrack::geodesy::GeodesyError> {
        let (phi1, phi2) = (a.y().to_radians(), b.y().to_radians());
        let dlambda = normalize_longitude(b.x() - a.x()).to_radians();
        let (dphi, dpsi) = (phi2 - phi1, psi(phi2) - psi(phi1));
        let q = rhumb_q(phi1, dphi, dpsi);
        let azi = dlambda.atan2(dpsi).to_degrees();
        Ok(groundtrack::geodesy::InverseSolution {
            distance_m: RHUMB_R * (dphi * dphi + q * q * dlambda * dlambda).sqrt(),
            azimuth1_deg: azi,
            azimuth2_deg: azi,
        })
    }

    fn direct(
        &self,
        a: Point<f64>,
        azi: f64,
        s: f64,
    ) -> Result<groundtrack::geodesy::DirectSolution, groundtrack::geodesy::GeodesyError> {
        let delta = s / RHUMB_R;
        let (phi1, theta) = (a.y().to_radians(), azi.to_radians());
        let phi2 = phi1 + delta * theta.cos();
        if phi2.abs() > std::f64::consts::FRAC_PI_2 {
            return Err(groundtrack::geodesy::GeodesyError::Undefined("past the pole".into()));
        }
        let q = rhumb_q(phi1, phi2 - phi1, psi(phi2) - psi(phi1));
        let lon2 = a.x() + (delta * theta.sin() / q).to_degrees();
        Ok(groundtrack::geodesy::DirectSolution {
            point: Point::new(normalize_longitude(lon2), phi2.to_degrees()),
            azimuth2_deg: azi,
        })
    }

    fn name(&self) -> &'static str {
        "spherical rhumb line (test)"
    }
}

#[test]
fn works_for_a_rhumb_line_model() {
    // Along a parallel a rhumb line is straight in lon/lat: every vertex on the parallel, cut on it.
    let g = path_geometry(&SphericalRhumb, &[Point::new(170.0, 10.0), Point::new(-170.0, 10.0)], 1_000.0)
        .unwrap();
    let parts = line_parts(&g);
    assert_eq!(parts.len(), 2);
    assert_cut_rule(&parts, "rhumb along a parallel");
    assert!(parts.concat().iter().all(|c| (c.y - 10.0).abs() < 1e-12), "{parts:?}");
    assert_eq!(cut_latitudes(&parts), vec![10.0]);
    // A slanted rhumb line crosses where its isometric latitude is interpolated linearly in longitude.
    let (a, b) = ((170.0, 10.0), (-170.0, 50.0));
    let g = path_geometry(&SphericalRhumb, &[pt(a), pt(b)], 1_000.0).unwrap();
    let parts = line_parts(&g);
    assert_cut_rule(&parts, "rhumb");
    let psi_c = psi(a.1.to_radians()) + 0.5 * (psi(b.1.to_radians()) - psi(a.1.to_radians()));
    let expected = (2.0 * psi_c.exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees();
    assert!((cut_latitudes(&parts)[0] - expected).abs() < 1e-9, "{:?} vs {expected}", cut_latitudes(&parts));
    // Every vertex lies on the rhumb line: psi is linear in longitude.
    let slope = (psi(b.1.to_radians()) - psi(a.1.to_radians())) / 20.0;
    for c in parts.concat() {
        let east = if c.x < 0.0 { c.x + 360.0 } else { c.x } - a.0;
        assert!(
            (psi(c.y.to_radians()) - psi(a.1.to_radians()) - slope * east).abs() < 1e-12,
            "{c:?} off the line"
        );
    }
}

#[test]
fn densified_path_has_unwrapped_longitudes() {
    let dense = densify_path(&Ellipsoid::wgs84(), &[pt(TOKYO), pt(LOS_ANGELES)], 1_000.0).unwrap();
    assert!(dense.windows(2).all(|w| w[1].x() > w[0].x()), "eastward: longitudes increase");
    assert_eq!(dense.last().unwrap().x(), LOS_ANGELES.0 + 360.0);
}

#[test]
fn path_errors() {
    let e = Ellipsoid::wgs84();
    assert!(path_geometry(&e, &[], 1_000.0).is_err());
    assert!(path_geometry(&e, &[pt(SUNAN), Point::new(0.0, 91.0)], 1_000.0).is_err());
    assert!(path_geometry(&e, &[pt(SUNAN), Point::new(f64::NAN, 0.0)], 1_000.0).is_err());
    assert!(path_geometry(&e, &[pt(SUNAN), pt(TOKYO)], 0.0).is_err());
    assert!(path_geometry(&e, &[pt(SUNAN), pt(TOKYO)], 0.001).is_err(), "below 1 cm");
    assert!(path_geometry(&e, &[pt(SUNAN), pt(TOKYO)], 0.01).is_ok());
    assert!(path_geometry(&e, &[pt(SUNAN), pt(TOKYO)], f64::INFINITY).is_err());
    // One point: a degenerate LineString of that point.
    let g = path_geometry(&e, &[pt(SUNAN)], 1_000.0).unwrap();
    assert_eq!(line_parts(&g), vec![vec![Coord { x: SUNAN.0, y: SUNAN.1 }; 2]]);
}

#[test]
fn vertices_on_the_antimeridian_make_no_empty_parts() {
    let e = Ellipsoid::wgs84();
    let lines =
        |a: (f64, f64), b: (f64, f64)| line_parts(&path_geometry(&e, &[pt(a), pt(b)], 1_000.0).unwrap());
    // Starting on it and going east: one line from -180.
    let east = lines((180.0, 10.0), (-170.0, 10.0));
    assert_eq!(east.len(), 1, "{east:?}");
    assert_eq!(east[0][0].x, -180.0);
    // Starting on it and going west: one line from +180.
    let west = lines((180.0, 10.0), (170.0, 10.0));
    assert_eq!(west.len(), 1, "{west:?}");
    assert_eq!(west[0][0].x, 180.0);
    // Ending on it from the west: one line that ends at +180.
    let to = lines((170.0, 10.0), (180.0, 10.0));
    assert_eq!(to.len(), 1, "{to:?}");
    assert_eq!(to[0].last().unwrap().x, 180.0);
    // Through a vertex on it: cut there, at that vertex's latitude.
    let g =
        path_geometry(&e, &[Point::new(170.0, 10.0), Point::new(180.0, 12.0), Point::new(-170.0, 10.0)], 1e3)
            .unwrap();
    let through = line_parts(&g);
    assert_eq!(through.len(), 2, "{through:?}");
    assert_cut_rule(&through, "through a vertex on 180");
    assert_eq!(cut_latitudes(&through), vec![12.0]);
}

// ---------------------------------------------------------------------------------------------------------------
// Rings

/// A range ring of `n` vertices at `radius_m` around `center`, counter-clockwise (decreasing azimuth), with
/// unwrapped longitudes, made here with the ellipsoid's direct problem.
fn range_ring(center: Point<f64>, radius_m: f64, n: usize) -> Vec<Point<f64>> {
    let g = Ellipsoid::wgs84();
    let mut out: Vec<Point<f64>> = Vec::with_capacity(n);
    for i in 0..n {
        let az = -360.0 * (i as f64) / (n as f64);
        let p = g.direct(center, az, radius_m).unwrap().point;
        let x = match out.last() {
            None => p.x(),
            Some(prev) => prev.x() + normalize_longitude(p.x() - prev.x()),
        };
        out.push(Point::new(x, p.y()));
    }
    out
}

/// Whether a ring of `radius_m` around `center` contains the north and the south pole.
fn poles_inside(center: Point<f64>, radius_m: f64) -> (bool, bool) {
    let g = Ellipsoid::wgs84();
    let n = g.inverse(center, Point::new(0.0, 90.0)).unwrap().distance_m;
    let s = g.inverse(center, Point::new(0.0, -90.0)).unwrap().distance_m;
    (n < radius_m, s < radius_m)
}

/// Area in m² of the region to the left of a ring of lon/lat vertices (geodesic edges, GeographicLib's polygon
/// area, which handles longitudes in any range and rings around a pole).
fn area_left(ring: &[Coord<f64>]) -> f64 {
    let g = Geodesic::wgs84();
    let mut pa = PolygonArea::new(&g, Winding::CounterClockwise);
    let n = if ring.first() == ring.last() { ring.len() - 1 } else { ring.len() };
    for c in &ring[..n] {
        pa.add_point(c.y, c.x);
    }
    pa.compute(false).1
}

fn coords(ring: &[Point<f64>]) -> Vec<Coord<f64>> {
    ring.iter().map(|p| Coord { x: p.x(), y: p.y() }).collect()
}

/// The checks every written polygon must pass.
fn check_polygons(g: &Geometry<f64>, what: &str) -> Vec<Polygon<f64>> {
    let ps = polygons(&written(g));
    assert!(!ps.is_empty(), "{what}: no polygon");
    for p in &ps {
        assert_on_map(&p.exterior().0, what);
        assert!(p.exterior().is_closed(), "{what}: exterior not closed");
        assert!(shoelace(p.exterior()) > 0.0, "{what}: exterior not counter-clockwise");
        for h in p.interiors() {
            assert_on_map(&h.0, what);
            assert!(h.is_closed(), "{what}: hole not closed");
            assert!(shoelace(h) < 0.0, "{what}: hole not clockwise");
        }
    }
    ps
}

/// Area of the written polygons (exteriors less holes), m².
fn written_area(ps: &[Polygon<f64>]) -> f64 {
    ps.iter()
        .map(|p| {
            area_left(&p.exterior().0)
                - p.interiors()
                    .iter()
                    .map(|h| area_left(&h.0.iter().rev().copied().collect::<Vec<_>>()))
                    .sum::<f64>()
        })
        .sum()
}

#[test]
fn range_rings_around_sunan_are_counter_clockwise_and_keep_their_area() {
    for (radius_km, north, south) in
        [(1_000.0, false, false), (6_000.0, true, false), (13_000.0, true, false)]
    {
        let what = format!("{radius_km} km ring around Sunan");
        let r = radius_km * 1_000.0;
        assert_eq!(poles_inside(pt(SUNAN), r), (north, south), "{what}: pole containment of the test case");
        let ring = range_ring(pt(SUNAN), r, 3_600);
        let g = ring_geometry(&ring, north, south).unwrap();
        let ps = check_polygons(&g, &what);
        // The same region: GeographicLib's area of the raw ring (which needs no cutting) equals the area of the
        // cut, pole-closed pieces, to within 1 km² (the pieces differ from the ring only by where the cut vertex
        // sits on a 9 km chord).
        let expected = area_left(&coords(&ring));
        let got = written_area(&ps);
        assert!((got - expected).abs() < 1e6, "{what}: area {got} m², expected {expected} m²");
    }
}

#[test]
fn ring_around_the_north_pole_is_closed_along_the_pole() {
    let ring = range_ring(pt(SUNAN), 6_000_000.0, 3_600);
    let ps = check_polygons(&ring_geometry(&ring, true, false).unwrap(), "6,000 km");
    assert_eq!(ps.len(), 1, "one polygon: the ring crosses the antimeridian once");
    let ext = &ps[0].exterior().0;
    // ... (180, lat) -> (180, 90) -> (-180, 90) -> (-180, lat) ...: up the antimeridian, west along the pole, down.
    let i = ext.iter().position(|c| c.x == 180.0 && c.y == 90.0).expect("corner (180, 90)");
    let prev = ext[(i + ext.len() - 2) % (ext.len() - 1)];
    assert_eq!(prev.x, 180.0);
    assert_eq!(ext[i + 1], Coord { x: -180.0, y: 90.0 });
    assert_eq!(ext[i + 2].x, -180.0);
    assert_eq!(ext[i + 2].y, prev.y, "down at the latitude where the ring left");
}

#[test]
fn ring_containing_both_poles_is_the_map_with_a_hole() {
    // 19,000 km from Sunan is everything but a disc of about 1,000 km around its antipode.
    let r = 19_000_000.0;
    assert_eq!(poles_inside(pt(SUNAN), r), (true, true));
    let ring = range_ring(pt(SUNAN), r, 3_600);
    let ps = check_polygons(&ring_geometry(&ring, true, true).unwrap(), "19,000 km");
    assert_eq!(ps.len(), 1);
    let ext: Vec<(f64, f64)> = ps[0].exterior().0.iter().map(|c| (c.x, c.y)).collect();
    assert_eq!(ext, vec![(-180.0, -90.0), (180.0, -90.0), (180.0, 90.0), (-180.0, 90.0), (-180.0, -90.0)]);
    assert_eq!(ps[0].interiors().len(), 1);
    // The hole is the disc around the antipode: its area is that of the ring's right-hand side.
    let hole: Vec<Coord<f64>> = ps[0].interiors()[0].0.iter().rev().copied().collect();
    let disc: Vec<Coord<f64>> = coords(&ring).into_iter().rev().collect();
    assert!((area_left(&hole) - area_left(&disc)).abs() < 1e6);
}

#[test]
fn hole_across_the_antimeridian_becomes_a_notch() {
    // 19,000 km around (0, 0): everything but a disc around (180, 0), which straddles the antimeridian, so it
    // cannot be a hole; the map's outline runs around it on both edges instead.
    let center = Point::new(0.0, 0.0);
    assert_eq!(poles_inside(center, 19_000_000.0), (true, true));
    let ring = range_ring(center, 19_000_000.0, 1_440);
    let ps = check_polygons(&ring_geometry(&ring, true, true).unwrap(), "notch");
    assert_eq!(ps.len(), 1);
    assert!(ps[0].interiors().is_empty());
    let ext = &ps[0].exterior().0;
    for corner in [(-180.0, -90.0), (180.0, -90.0), (180.0, 90.0), (-180.0, 90.0)] {
        assert!(ext.contains(&Coord { x: corner.0, y: corner.1 }), "corner {corner:?} missing");
    }
    // Notch vertices on both edges of the map.
    assert!(
        ext.iter().any(|c| c.x < -179.0 && c.x > -180.0) && ext.iter().any(|c| c.x > 179.0 && c.x < 180.0)
    );
    assert!(
        (written_area(&ps) - area_left(&coords(&ring))).abs() < 1e6,
        "{} vs {}",
        written_area(&ps),
        area_left(&coords(&ring))
    );
}

#[test]
fn ring_centred_near_the_pole() {
    let center = Point::new(30.0, 89.5);
    let (north, south) = poles_inside(center, 500_000.0);
    assert!(north && !south);
    let ring = range_ring(center, 500_000.0, 720);
    let ps = check_polygons(&ring_geometry(&ring, true, false).unwrap(), "89.5 N");
    let ext = &ps[0].exterior().0;
    assert!(ext.contains(&Coord { x: 180.0, y: 90.0 }) && ext.contains(&Coord { x: -180.0, y: 90.0 }));
    assert!((written_area(&ps) - area_left(&coords(&ring))).abs() < 1e6);
}

#[test]
fn ring_around_the_south_pole_runs_east_along_it() {
    let center = Point::new(-60.0, -89.0);
    assert_eq!(poles_inside(center, 800_000.0), (false, true));
    let ring = range_ring(center, 800_000.0, 720);
    let ps = check_polygons(&ring_geometry(&ring, false, true).unwrap(), "south pole");
    assert_eq!(ps.len(), 1);
    let ext = &ps[0].exterior().0;
    // ... (-180, lat) -> (-180, -90) -> (180, -90) -> (180, lat) ...: counter-clockwise around the bottom.
    let i = ext.iter().position(|c| *c == Coord { x: -180.0, y: -90.0 }).expect("corner (-180, -90)");
    assert_eq!(ext[i + 1], Coord { x: 180.0, y: -90.0 });
    assert!((written_area(&ps) - area_left(&coords(&ring))).abs() < 1e6);
}

#[test]
fn ring_centred_on_the_antimeridian_is_cut_on_the_true_circle() {
    let wgs84 = Ellipsoid::wgs84();
    let center = Point::new(179.9, 0.0);
    let r = 1_000_000.0;
    let ring = range_ring(center, r, 360);
    // With the circle's own crossings: the cut vertices lie on the circle.
    let exact = ring_geometry_with(&ring, false, false, geodesic_circle_crossing(&wgs84, center, r)).unwrap();
    let ps = check_polygons(&exact, "179.9 E");
    assert_eq!(ps.len(), 2, "two pieces, either side of the antimeridian: {ps:?}");
    let cuts: Vec<Coord<f64>> =
        ps.iter().flat_map(|p| p.exterior().0.clone()).filter(|c| c.x.abs() == 180.0).collect();
    assert!(cuts.len() >= 4);
    for c in &cuts {
        let d = wgs84.inverse(center, Point::new(c.x, c.y)).unwrap().distance_m;
        assert!((d - r).abs() < 0.02, "cut vertex {c:?} is {d} m from the centre"); // 1e-7 deg rounding ~ 1 cm
    }
    // Each piece is closed along the antimeridian between its two cut vertices.
    for p in &ps {
        let ext = &p.exterior().0;
        assert_eq!(ext[..ext.len() - 1].iter().filter(|c| c.x.abs() == 180.0).count(), 2);
    }
    let area = written_area(&ps);
    assert!((area - area_left(&coords(&ring))).abs() < 1e6);
    // With linear interpolation between vertices one degree apart, the cut is within a few metres.
    let linear = ring_geometry(&ring, false, false).unwrap();
    for p in polygons(&linear) {
        for c in p.exterior().0.iter().filter(|c| c.x.abs() == 180.0) {
            let d = wgs84.inverse(center, Point::new(c.x, c.y)).unwrap().distance_m;
            assert!((d - r).abs() < 50.0, "linear cut {c:?}: {d} m");
        }
    }
}

#[test]
fn orientation_and_longitude_form_of_the_input_do_not_matter() {
    let ring = range_ring(pt(SUNAN), 6_000_000.0, 720);
    let reference = ring_geometry(&ring, true, false).unwrap();
    // Clockwise input.
    let reversed: Vec<Point<f64>> = ring.iter().rev().copied().collect();
    let from_reversed = ring_geometry(&reversed, true, false).unwrap();
    assert_eq!(written_area(&polygons(&from_reversed)), written_area(&polygons(&reference)));
    check_polygons(&from_reversed, "reversed");
    // Longitudes normalised to [-180, 180), and the first vertex repeated at the end.
    let mut normal: Vec<Point<f64>> =
        ring.iter().map(|p| Point::new(normalize_longitude(p.x()), p.y())).collect();
    normal.push(normal[0]);
    let from_normal = ring_geometry(&normal, true, false).unwrap();
    assert_eq!(written(&from_normal), written(&reference));
    // A small ring given clockwise comes out counter-clockwise too.
    let small: Vec<Point<f64>> = range_ring(pt(SUNAN), 100_000.0, 72).into_iter().rev().collect();
    check_polygons(&ring_geometry(&small, false, false).unwrap(), "small clockwise");
}

#[test]
fn ring_vertices_on_the_antimeridian() {
    // A square from 170 E to 170 W with vertices exactly on 180 in its bottom and top edges.
    let square = [(170.0, -5.0), (180.0, -5.0), (190.0, -5.0), (190.0, 5.0), (180.0, 5.0), (170.0, 5.0)];
    let ring: Vec<Point<f64>> = square.iter().map(|&c| pt(c)).collect();
    let ps = check_polygons(&ring_geometry(&ring, false, false).unwrap(), "square on 180");
    assert_eq!(ps.len(), 2);
    let sum: f64 = ps.iter().map(|p| shoelace(p.exterior())).sum();
    assert!((sum - 2.0 * 200.0).abs() < 1e-9, "lon/lat area {}", sum / 2.0); // 20 x 10 degrees
    // A triangle that touches 180 at one vertex from the west stays one polygon.
    let touch: Vec<Point<f64>> = [(170.0, -5.0), (180.0, 0.0), (170.0, 5.0)].iter().map(|&c| pt(c)).collect();
    let ps = check_polygons(&ring_geometry(&touch, false, false).unwrap(), "touching 180");
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert!((shoelace(ps[0].exterior()) - 2.0 * 50.0).abs() < 1e-9);
}

#[test]
fn ring_errors() {
    let ring = range_ring(pt(SUNAN), 6_000_000.0, 360);
    assert!(ring_geometry(&ring, false, false).is_err(), "around the axis but no pole");
    assert!(ring_geometry(&ring, true, true).is_err(), "around the axis but both poles");
    let small = range_ring(pt(SUNAN), 100_000.0, 36);
    assert!(ring_geometry(&small, true, false).is_err(), "not around the axis but one pole");
    assert!(ring_geometry(&small[..2], false, false).is_err(), "two vertices");
    assert!(
        ring_geometry(&[Point::new(0.0, 95.0), Point::new(1.0, 0.0), Point::new(0.0, 1.0)], false, false)
            .is_err()
    );
}

// ---------------------------------------------------------------------------------------------------------------
// GeoJSON text

#[test]
fn written_text_is_rfc7946() {
    let mut props = Map::new();
    props.insert("role".into(), json!("track"));
    props.insert("name".into(), json!("Tokyo - Los Angeles"));
    props.insert("range_m".into(), json!(8_831_560.9));
    let track = path_geometry(&Ellipsoid::wgs84(), &[pt(TOKYO), pt(LOS_ANGELES)], 1_000.0).unwrap();
    let mut site = Map::new();
    site.insert("role".into(), json!("launch site"));
    let fc = feature_collection(vec![point_feature(pt(SUNAN), site), feature(&track, props.clone())]);
    let text = to_geojson_string(&fc).unwrap();
    assert!(!text.contains("crs"));
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    // [lon, lat] order.
    assert_eq!(v["features"][0]["geometry"]["coordinates"], json!([125.67, 39.2241]));
    // Properties carried through unchanged.
    assert_eq!(v["features"][1]["properties"], Value::Object(props));
    assert_eq!(v["features"][1]["geometry"]["type"], "MultiLineString");
    // At most 7 decimals in every number of the text.
    let mut numbers = 0;
    for token in text.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == 'e')) {
        if let Some((_, frac)) = token.split_once('.') {
            numbers += 1;
            assert!(frac.len() <= 7 && !frac.contains('e'), "number {token} has more than 7 decimals");
        }
    }
    assert!(numbers > 100);
}

#[test]
fn non_finite_coordinates_are_refused() {
    let fc = feature_collection(vec![feature(&Geometry::Point(Point::new(f64::INFINITY, 0.0)), Map::new())]);
    let err = to_geojson_string(&fc).unwrap_err();
    assert!(err.to_string().contains("feature 0"), "{err}");
    let fc = feature_collection(vec![feature(&Geometry::Point(Point::new(200.0, 0.0)), Map::new())]);
    assert!(to_geojson_string(&fc).is_err());
}

// ---------------------------------------------------------------------------------------------------------------
// Atomic writes

fn entries(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn write_into_a_missing_directory_fails_naming_the_path_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("missing").join("out.geojson");
    let fc = feature_collection(vec![point_feature(pt(SUNAN), Map::new())]);
    let err = write_geojson(&target, &fc).unwrap_err();
    assert!(matches!(err, groundtrack::Error::Io { .. }), "{err:?}");
    assert!(err.to_string().contains(&target.display().to_string()), "{err}");
    assert!(!dir.path().join("missing").exists());
    assert!(entries(dir.path()).is_empty());
}

#[test]
fn write_replaces_a_file_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.geojson");
    std::fs::write(&target, "old content").unwrap();
    let fc = feature_collection(vec![point_feature(pt(SUNAN), Map::new())]);
    write_geojson(&target, &fc).unwrap();
    let back: geojson::FeatureCollection = std::fs::read_to_string(&target).unwrap().parse().unwrap();
    assert_eq!(back, fc);
    assert_eq!(entries(dir.path()), vec!["out.geojson".to_string()]);
}

#[cfg(unix)]
#[test]
fn replacing_keeps_the_permissions_of_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.geojson");
    std::fs::write(&target, "old").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
    write_atomic(&target, b"new").unwrap();
    assert_eq!(std::fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o640);
    assert_eq!(std::fs::read(&target).unwrap(), b"new");
}

#[test]
fn failed_rename_leaves_the_target_and_no_temporary_file() {
    // The target is a non-empty directory: the rename fails after the temporary file was written.
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.geojson");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("keep"), "x").unwrap();
    let err = write_atomic(&target, b"new").unwrap_err();
    assert!(err.to_string().contains("out.geojson"), "{err}");
    assert_eq!(entries(dir.path()), vec!["out.geojson".to_string()]);
    assert_eq!(std::fs::read(target.join("keep")).unwrap(), b"x");
}
