//! TEMPORARY shim (not committed)
use super::*;
use geo_types::Point;
/// x
pub struct ClosestApproach {
    /// x
    pub point: Point<f64>,
    /// x
    pub cross_track_m: f64,
    /// x
    pub along_track_m: f64,
    /// x
    pub distance_m: f64,
}
/// x
pub fn closest_approach_on_segment(
    e: &Ellipsoid,
    p: Point<f64>,
    a: Point<f64>,
    b: Point<f64>,
) -> Result<ClosestApproach, GeodesyError> {
    let inv = e.inverse(a, b)?;
    let f = |s: f64| -> (f64, Point<f64>) {
        let q = e.direct(a, inv.azimuth1_deg, s).unwrap().point;
        (e.inverse(p, q).unwrap().distance_m, q)
    };
    let (mut lo, mut hi) = (0.0, inv.distance_m);
    for _ in 0..80 {
        let m1 = lo + (hi - lo) / 3.0;
        let m2 = hi - (hi - lo) / 3.0;
        if f(m1).0 < f(m2).0 { hi = m2 } else { lo = m1 }
    }
    let (d, q) = f(lo);
    Ok(ClosestApproach { point: q, cross_track_m: d, along_track_m: lo, distance_m: d })
}
