//! Property: every vertex of a range ring lies at the ring's radius within 1 mm, measured by the WGS84 inverse
//! problem (Karney 2013), for random centres (poles and the antimeridian included) and radii up to 19,000 km.

use geo_types::Point;
use groundtrack::geodesy::{EarthModel, Ellipsoid, RingShape, range_ring};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn ring_vertices_lie_at_the_radius(
        lat in -90.0f64..=90.0,
        lon in -180.0f64..180.0,
        radius_km in prop_oneof![1.0f64..100.0, 100.0f64..5_000.0, 5_000.0f64..19_000.0],
    ) {
        let e = Ellipsoid::wgs84();
        let center = Point::new(lon, lat);
        let ring = range_ring(&e, center, radius_km * 1e3, 1_000.0).unwrap();
        let RingShape::Ring(vertices) = ring.shape else { panic!("{radius_km} km is short of the antipode") };
        prop_assert!(vertices.len() >= 4);
        for v in &vertices {
            let d = e.inverse(center, Point::new(v.x(), v.y())).unwrap().distance_m;
            prop_assert!((d - radius_km * 1e3).abs() < 1e-3, "vertex {v:?} at {d} m, radius {} m", radius_km * 1e3);
        }
    }
}
