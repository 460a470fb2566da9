//! The map projections against GeographicLib's GeodesicProj (azimuthal equidistant on WGS84) and closed forms.

#![allow(clippy::excessive_precision)] // values as GeodesicProj printed them

use geo_types::Point;
use groundtrack::map::{Projection, ProjectionKind};

const SUNAN: Point<f64> = Point(geo_types::Coord { x: 125.67, y: 39.22389 });

#[test]
fn azimuthal_equidistant_forward_matches_geodesicproj() {
    // echo LAT LON | GeodesicProj -z 39.22389 125.67 -p 6   (x y printed)
    let cases = [
        ((157.51, 42.07), (2577371.401432, 790446.260986)),
        ((143.24833, 41.92444), (1448890.931691, 444278.575403)),
        ((141.3544, 43.0621), (1271630.723033, 540049.930424)),
        ((-150.0, 60.0), (3708599.752377, 4760996.926730)),
        ((125.67, 39.22389), (0.0, 0.0)),
    ];
    let p = Projection::new(ProjectionKind::AzimuthalEquidistant, SUNAN).unwrap();
    for ((lon, lat), (x, y)) in cases {
        let (gx, gy) = p.forward(Point::new(lon, lat)).unwrap();
        assert!((gx - x).abs() < 1e-3 && (gy - y).abs() < 1e-3, "{lat} {lon}: {gx} {gy}");
    }
}

#[test]
fn azimuthal_equidistant_reverse_matches_geodesicproj() {
    // echo "1000000 -2000000" | GeodesicProj -z 39.22389 125.67 -r -p 9
    // -> 20.77361672555438 135.12049602174187
    let p = Projection::new(ProjectionKind::AzimuthalEquidistant, SUNAN).unwrap();
    let q = p.reverse(1_000_000.0, -2_000_000.0).unwrap();
    assert!((q.y() - 20.77361672555438).abs() < 1e-9 && (q.x() - 135.12049602174187).abs() < 1e-9);
    assert!(p.reverse(f64::NAN, 0.0).is_none());
    assert!(p.forward(Point::new(0.0, 95.0)).is_none());
}

#[test]
fn distances_from_the_centre_are_true() {
    // The projected radius is the geodesic distance: echo 39.22389 125.67 42.07 157.51 | GeodSolve -i -p 12
    // -> s12 = 2695857.6802985552
    let p = Projection::new(ProjectionKind::AzimuthalEquidistant, SUNAN).unwrap();
    let (x, y) = p.forward(Point::new(157.51, 42.07)).unwrap();
    assert!((x.hypot(y) - 2695857.6802985552).abs() < 1e-6);
}

#[test]
fn equirectangular_is_the_closed_form() {
    // Snyder 1987, eq. 12-1/12-2: x = a cos(phi0) (lambda - lambda0), y = a (phi - phi0), a = 6378137 m.
    let c = Point::new(140.0, 42.0);
    let p = Projection::new(ProjectionKind::Equirectangular, c).unwrap();
    let (x, y) = p.forward(Point::new(141.0, 43.0)).unwrap();
    let a = 6_378_137.0_f64;
    assert!((x - a * 42f64.to_radians().cos() * 1f64.to_radians()).abs() < 1e-6);
    assert!((y - a * 1f64.to_radians()).abs() < 1e-6);
    // Across the antimeridian the longitude difference is reduced: 179 E to 179 W is 2 degrees east.
    let q = Projection::new(ProjectionKind::Equirectangular, Point::new(179.0, 0.0)).unwrap();
    let (x, _) = q.forward(Point::new(-179.0, 0.0)).unwrap();
    assert!((x - a * 2f64.to_radians()).abs() < 1e-6);
    let back = p.reverse(x, y).unwrap();
    assert!((back.y() - 43.0).abs() < 1e-12);
}

#[test]
fn a_bad_centre_is_an_error() {
    assert!(Projection::new(ProjectionKind::AzimuthalEquidistant, Point::new(0.0, 91.0)).is_err());
    assert!(Projection::new(ProjectionKind::Equirectangular, Point::new(f64::NAN, 0.0)).is_err());
}
