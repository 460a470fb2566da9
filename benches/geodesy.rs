//! Criterion benchmarks of the library's geodesic and rhumb-line problems (one call each).
//!
//! Run: `cargo bench --bench geodesy`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use geo_types::Point;
use groundtrack::geodesy::{EarthModel, Ellipsoid, Rhumb, Sphere};

fn problems(c: &mut Criterion) {
    let a = Point::new(125.67, 39.2241);
    let b = Point::new(143.2494, 41.9236);
    let models: [(&str, Box<dyn EarthModel>); 3] = [
        ("ellipsoid", Box::new(Ellipsoid::wgs84())),
        ("sphere", Box::new(Sphere::mean_earth())),
        ("rhumb", Box::new(Rhumb::wgs84())),
    ];
    for (name, m) in &models {
        c.bench_function(&format!("{name} inverse"), |bench| {
            bench.iter(|| m.inverse(black_box(a), black_box(b)))
        });
        c.bench_function(&format!("{name} direct"), |bench| {
            bench.iter(|| m.direct(black_box(a), black_box(84.0), black_box(3_700_000.0)))
        });
    }
    // The raw geographiclib-rs call, the compute floor of `groundtrack batch inverse`.
    let g = geographiclib_rs::Geodesic::wgs84();
    c.bench_function("geographiclib-rs inverse", |bench| {
        bench.iter(|| {
            let r: (f64, f64, f64, f64) = geographiclib_rs::InverseGeodesic::inverse(
                &g,
                black_box(39.2241),
                black_box(125.67),
                black_box(41.9236),
                black_box(143.2494),
            );
            r
        })
    });
}

criterion_group!(benches, problems);
criterion_main!(benches);
