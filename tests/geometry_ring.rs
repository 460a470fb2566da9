//! Range rings (`range_ring`): vertices on the circle, the 1 km chord criterion, area and pole flags.
//!
//! Independent values: GeographicLib 2.1.2's GeodSolve (direct problem, `GeodSolve -p 12`) for spot vertices,
//! and Planimeter for areas, via `python3 scripts/reference/geometry.py ring`, which builds the circle from
//! 36,000 azimuths with GeodSolve and measures it with `Planimeter -p 6` (the true circle's area to about
//! 1e-8), and `python3 scripts/reference/geometry.py ring-files FILE...`, which measures the vertices this
//! crate produced ("lat lon" lines, closing vertex left out) with `Planimeter -p 6`.

// GeodSolve's outputs are pasted digit for digit, so that they can be found in its output.
#![allow(clippy::excessive_precision)]

use geo_types::Point;
use groundtrack::geodesy::{EarthModel, Ellipsoid, GeodesyError, RangeRing, RingShape, Sphere, range_ring};

const MM: f64 = 1e-3;
const KM: f64 = 1_000.0;

/// (lat, lon) in the order GeodSolve prints them.
fn ll(lat: f64, lon: f64) -> Point<f64> {
    Point::new(lon, lat)
}

const SUNAN: (f64, f64) = (39.2241, 125.67);

fn vertices(ring: &RangeRing) -> &[Point<f64>] {
    match &ring.shape {
        RingShape::Ring(v) => v,
        RingShape::WholeEarth => panic!("expected a ring, got the whole earth"),
    }
}

/// Every vertex at the radius (1 mm), closed, consecutive longitudes unwrapped.
fn assert_ring_shape<M: EarthModel>(model: &M, ring: &RangeRing) {
    let v = vertices(ring);
    assert!(v.len() >= 17);
    assert_eq!(v[0].y(), v[v.len() - 1].y());
    let turns = (v[v.len() - 1].x() - v[0].x()) / 360.0;
    assert!((turns - turns.round()).abs() < 1e-9, "not closed: {:?} {:?}", v[0], v[v.len() - 1]);
    for w in v.windows(2) {
        assert!((w[1].x() - w[0].x()).abs() < 180.0, "longitude jump {:?} -> {:?}", w[0], w[1]);
    }
    for p in v {
        let d = model.inverse(ring.center, *p).unwrap().distance_m;
        assert!((d - ring.radius_m).abs() < MM, "vertex {p:?} at {d} m");
    }
}

/// No point of a lon/lat chord (49 points each) nor of the WGS84 geodesic edge strays more than `max` from
/// the circle (radial distance from the centre).
fn assert_chords_within(ring: &RangeRing, max: f64) {
    let e = Ellipsoid::wgs84();
    let v = vertices(ring);
    let mut worst: f64 = 0.0;
    for w in v.windows(2) {
        for k in 1..50 {
            let t = k as f64 / 50.0;
            let q = Point::new(w[0].x() + t * (w[1].x() - w[0].x()), w[0].y() + t * (w[1].y() - w[0].y()));
            let q = Point::new(groundtrack::geodesy::normalize_longitude(q.x()), q.y());
            let dev = (e.inverse(ring.center, q).unwrap().distance_m - ring.radius_m).abs();
            worst = worst.max(dev);
            let edge = e.inverse(w[0], w[1]).unwrap();
            let g = e.direct(w[0], edge.azimuth1_deg, t * edge.distance_m).unwrap().point;
            worst = worst.max((e.inverse(ring.center, g).unwrap().distance_m - ring.radius_m).abs());
        }
    }
    assert!(worst <= max, "a chord strays {worst} m");
    // The criterion is not vacuous: the ring is not much denser than needed.
    assert!(worst > 0.2 * max, "densest chord only {worst} m off: too many vertices?");
}

/// The vertex nearest to `target`, and its distance from it.
fn nearest_vertex(ring: &RangeRing, target: Point<f64>) -> f64 {
    let e = Ellipsoid::wgs84();
    vertices(ring).iter().map(|p| e.inverse(*p, target).unwrap().distance_m).fold(f64::INFINITY, f64::min)
}

#[test]
fn sunan_1000_km() {
    let e = Ellipsoid::wgs84();
    let ring = range_ring(&e, ll(SUNAN.0, SUNAN.1), 1_000_000.0, KM).unwrap();
    assert_ring_shape(&e, &ring);
    assert_chords_within(&ring, KM);
    // The first vertex is due north: GeodSolve -p 12 <<< "39.2241 125.67 0 1000000" gives 48.224434534265058
    // 125.670000000000002; west, south and east: "... -90 ..." 38.651947775321737 114.151699874443594, "...
    // -180 ..." 30.209912052886168 125.67, "... -270 ..." 38.651947775321737 137.188300125556424.
    let v = vertices(&ring);
    assert!((v[0].y() - 48.224_434_534_265_058).abs() < 1e-9 && (v[0].x() - 125.67).abs() < 1e-9);
    for target in [ll(38.651_947_775_321_737, 114.151_699_874_443_594), ll(30.209_912_052_886_168, 125.67)] {
        assert!(nearest_vertex(&ring, target) < MM);
    }
    // Counter-clockwise seen from above: north first, then west (the second vertex is west of north).
    assert!(v[1].x() < v[0].x());
    assert!(nearest_vertex(&ring, ll(38.651_947_775_321_737, 137.188_300_125_556_424)) < MM);
    // Area: Planimeter -p 6 on these 128 vertices (scripts/reference/geometry.py ring-files) gives
    // 3133917860111.7 m^2; the true circle (36,000 GeodSolve vertices, scripts/reference/geometry.py ring)
    // 3135153667577.4 m^2, perimeter 6257439.896 m, so the inscribed polygon may fall short by at most
    // perimeter x 1 km.
    assert_eq!(v.len(), 129);
    assert!((ring.area_m2 - 3_133_917_860_111.7).abs() < 1.0);
    assert!(ring.area_m2 < 3_135_153_667_577.4);
    assert!(ring.area_m2 > 3_135_153_667_577.4 - 6_257_439.9 * KM);
    assert!(!ring.contains_north_pole && !ring.contains_south_pole);
}

#[test]
fn sunan_6000_km_contains_the_north_pole() {
    // Sunan to the North Pole: GeodSolve -i -p 12 <<< "39.2241 125.67 90 0" gives 5658582.696 m < 6,000 km.
    let e = Ellipsoid::wgs84();
    let ring = range_ring(&e, ll(SUNAN.0, SUNAN.1), 6_000_000.0, KM).unwrap();
    assert_ring_shape(&e, &ring);
    assert_chords_within(&ring, KM);
    assert!(ring.contains_north_pole);
    assert!(!ring.contains_south_pole);
    let v = vertices(&ring);
    // Around the North Pole counter-clockwise: eastwards, the longitude gains a whole turn.
    assert!((v[v.len() - 1].x() - v[0].x() - 360.0).abs() < 1e-9);
    // North vertex beyond the pole: GeodSolve -p 12 <<< "39.2241 125.67 0 6000000" gives 86.943249955878713
    // -54.329999999999984; south: "... -180 ..." -14.978557133935629 125.67.
    assert!((v[0].y() - 86.943_249_955_878_713).abs() < 1e-9);
    assert!((groundtrack::geodesy::normalize_longitude(v[0].x()) + 54.33).abs() < 1e-9);
    assert!(nearest_vertex(&ring, ll(-14.978_557_133_935_629, 125.67)) < MM);
    // Area: Planimeter -p 6 on these 208 vertices: 104973110578519.8 m^2; the true circle: 104986764558510.2
    // m^2, perimeter 32371270.268 m.
    assert_eq!(v.len(), 209);
    assert!((ring.area_m2 - 104_973_110_578_519.8).abs() < 10.0);
    assert!(ring.area_m2 < 104_986_764_558_510.2);
    assert!(ring.area_m2 > 104_986_764_558_510.2 - 32_371_270.3 * KM);
}

#[test]
fn centred_near_the_north_pole() {
    let e = Ellipsoid::wgs84();
    // 100 km around 89.5 N encloses the pole (55.8 km away). GeodSolve -p 12 <<< "89.5 0 0 100000" gives
    // 89.604696405229433 180 (over the pole), "... -180 ..." 88.604693937157151 0.
    let ring = range_ring(&e, ll(89.5, 0.0), 100_000.0, KM).unwrap();
    assert_ring_shape(&e, &ring);
    assert_chords_within(&ring, KM);
    assert!(ring.contains_north_pole && !ring.contains_south_pole);
    let v = vertices(&ring);
    assert!((v[0].y() - 89.604_696_405_229_433).abs() < 1e-9);
    assert!((v[v.len() - 1].x() - v[0].x() - 360.0).abs() < 1e-9);
    assert!(nearest_vertex(&ring, ll(88.604_693_937_157_151, 0.0)) < MM);
    // 1,000 km: Planimeter -p 6 on these 128 vertices: 3133969005614.0 m^2; the true circle (36,000 GeodSolve
    // vertices): 3135205014829.0 m^2, perimeter 6257644.370 m.
    let ring = range_ring(&e, ll(89.5, 0.0), 1_000_000.0, KM).unwrap();
    assert_ring_shape(&e, &ring);
    assert_chords_within(&ring, KM);
    assert_eq!(vertices(&ring).len(), 129);
    assert!((ring.area_m2 - 3_133_969_005_614.0).abs() < 1.0);
    assert!(ring.area_m2 < 3_135_205_014_829.0 && ring.area_m2 > 3_135_205_014_829.0 - 6_257_644.4 * KM);
}

#[test]
fn centred_near_the_south_pole() {
    // Around the South Pole counter-clockwise (seen from above it) is westwards: the longitude loses a turn.
    let e = Ellipsoid::wgs84();
    let ring = range_ring(&e, ll(-89.5, 0.0), 100_000.0, KM).unwrap();
    assert_ring_shape(&e, &ring);
    assert_chords_within(&ring, KM);
    assert!(ring.contains_south_pole && !ring.contains_north_pole);
    let v = vertices(&ring);
    assert!((v[v.len() - 1].x() - v[0].x() + 360.0).abs() < 1e-9);
}

#[test]
fn centred_at_179_9_east_crosses_the_antimeridian() {
    let e = Ellipsoid::wgs84();
    let ring = range_ring(&e, ll(0.0, 179.9), 500_000.0, KM).unwrap();
    assert_ring_shape(&e, &ring);
    assert_chords_within(&ring, KM);
    let v = vertices(&ring);
    // Not cut: the eastern half continues past 180 (unwrapped), and the ring closes where it began.
    assert_eq!(v[0], v[v.len() - 1]);
    let east = v.iter().map(|p| p.x()).fold(f64::NEG_INFINITY, f64::max);
    let west = v.iter().map(|p| p.x()).fold(f64::INFINITY, f64::min);
    // GeodSolve -p 12 <<< "0 179.9 -270 500000" gives 0 -175.608423579402398 (= 184.391576 unwrapped);
    // "0 179.9 -90 500000" gives 0 175.408423579402410.
    assert!((east - 184.391_576_420_597_6).abs() < 1e-9, "{east}");
    assert!((west - 175.408_423_579_402_41).abs() < 1e-9, "{west}");
    // Planimeter -p 6 on these 64 vertices: 783738759331.8 m^2; the circle: 784993318063.0 m^2, perimeter
    // 3138354.266 m.
    assert!((ring.area_m2 - 783_738_759_331.8).abs() < 1.0);
    assert!(ring.area_m2 < 784_993_318_063.0 && ring.area_m2 > 784_993_318_063.0 - 3_138_354.3 * KM);
    assert!(!ring.contains_north_pole && !ring.contains_south_pole);
}

#[test]
fn whole_earth_beyond_the_antipode() {
    // GeodSolve -i -p 12 <<< "0 0 0 180" gives 20003931.4586254470 m (the shortest way is over a pole).
    let e = Ellipsoid::wgs84();
    let ring = range_ring(&e, ll(0.0, 0.0), 20_003_931.5, KM).unwrap();
    assert_eq!(ring.shape, RingShape::WholeEarth);
    // The ellipsoid's area, 2 pi a^2 (1 + (1 - e^2) atanh(e) / e) = 510065621724088.5 m^2 (closed form).
    assert!((ring.area_m2 - 510_065_621_724_088.5).abs() < 10.0);
    assert!(ring.contains_north_pole && ring.contains_south_pole);
    // Just short of it: a (tiny) ring around the antipode containing both poles.
    let ring = range_ring(&e, ll(0.0, 0.0), 19_000_000.0, KM).unwrap();
    assert_ring_shape(&e, &ring);
    assert!(ring.contains_north_pole && ring.contains_south_pole);
    assert!(ring.area_m2 > 0.5 * 510_065_621_724_088.5);
    // From 89.5 N: GeodSolve -i -p 12 <<< "89.5 0 -89.5 180" gives 20003931.4586254470 m to the antipode.
    let ring = range_ring(&e, ll(89.5, 0.0), 20_003_931.46, KM).unwrap();
    assert_eq!(ring.shape, RingShape::WholeEarth);
    let ring = range_ring(&e, ll(89.5, 0.0), 20_003_000.0, KM).unwrap();
    assert_ring_shape(&e, &ring);
}

#[test]
fn sphere_ring_matches_spherical_trigonometry() {
    // On a sphere the circle of radius r around (lat0, lon0) is cos(r/R) = sin(lat0) sin(lat) + cos(lat0)
    // cos(lat) cos(dlon) (spherical law of cosines), independent of the crate's sphere code.
    let sphere = Sphere::mean_earth();
    let (lat0, lon0, r) = (SUNAN.0, SUNAN.1, 2_500_000.0);
    let ring = range_ring(&sphere, ll(lat0, lon0), r, KM).unwrap();
    let expected = (r / 6_371_008.8_f64).cos();
    for p in vertices(&ring) {
        let (phi0, phi, dl) = (lat0.to_radians(), p.y().to_radians(), (p.x() - lon0).to_radians());
        let c = phi0.sin() * phi.sin() + phi0.cos() * phi.cos() * dl.cos();
        assert!((c - expected).abs() < 1e-12, "{p:?}");
    }
}

#[test]
fn errors() {
    let e = Ellipsoid::wgs84();
    let c = ll(SUNAN.0, SUNAN.1);
    for r in [0.0, -1.0] {
        assert!(matches!(range_ring(&e, c, r, KM), Err(GeodesyError::InvalidArgument(_))));
    }
    assert!(matches!(range_ring(&e, c, f64::NAN, KM), Err(GeodesyError::NotFinite { .. })));
    assert!(matches!(range_ring(&e, c, 1e6, 0.0), Err(GeodesyError::InvalidArgument(_))));
    assert!(matches!(range_ring(&e, c, 1e6, f64::INFINITY), Err(GeodesyError::NotFinite { .. })));
    assert!(matches!(range_ring(&e, c, 1e6, 1e-9), Err(GeodesyError::InvalidArgument(_))));
    assert!(matches!(range_ring(&e, ll(90.5, 0.0), 1e6, KM), Err(GeodesyError::LatitudeOutOfRange(_))));
}

// The vertices of these rings (and more) are written for the Planimeter cross-check by
// `dump_ring_vertices_for_planimeter` in tests/cli_geometry.rs.

#[test]
fn rhumb_ring_vertices_at_the_rhumb_distance() {
    // Generic over the model: on rhumb lines the "circle" is the set of points at rhumb distance r; every
    // vertex must be there by the model's own inverse problem, and the chords stay close to it.
    let rhumb = groundtrack::geodesy::Rhumb::wgs84();
    let ring = range_ring(&rhumb, ll(SUNAN.0, SUNAN.1), 2_000_000.0, KM).unwrap();
    assert_ring_shape(&rhumb, &ring);
    assert!(!ring.contains_north_pole && !ring.contains_south_pole);
}
