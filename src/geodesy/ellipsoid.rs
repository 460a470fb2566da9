//! Geodesics on the WGS84 ellipsoid (Karney 2013), through `geographiclib-rs`.

use geo_types::Point;
use geographiclib_rs::{DirectGeodesic, Geodesic, InverseGeodesic};

use super::{
    DirectSolution, EarthModel, GeodesyError, InverseSolution, normalize_longitude, validate_direct,
    validate_inverse,
};

/// Geodesics on an ellipsoid of revolution, WGS84 by default.
///
/// Solves the inverse and direct problems to round-off (about 15 nm) by the series of C. F. F. Karney,
/// *Algorithms for geodesics*, J. Geodesy 87:43-55 (2013), sec. 3-4 (direct: eq. 7-21; inverse: sec. 4 with
/// Newton's method on eq. 9), as implemented by the `geographiclib-rs` crate.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::{EarthModel, Ellipsoid};
/// let wgs84 = Ellipsoid::wgs84();
/// // Sunan to Cape Erimo; GeodSolve -i gives 1515548.762 m, azimuth 72.95740195 at Sunan.
/// let inv = wgs84
///     .inverse(Point::new(125.6700, 39.2241), Point::new(143.2494, 41.9236))
///     .unwrap();
/// assert!((inv.distance_m - 1_515_548.762).abs() < 0.001);
/// assert!((inv.azimuth1_deg - 72.95740195).abs() < 1e-8);
/// ```
#[derive(Debug, Clone)]
pub struct Ellipsoid {
    geodesic: Geodesic,
}

impl Ellipsoid {
    /// The WGS84 ellipsoid: a = 6,378,137 m, f = 1/298.257223563.
    pub fn wgs84() -> Self {
        Self { geodesic: Geodesic::wgs84() }
    }

    /// An ellipsoid with equatorial radius `a` (metres) and flattening `f`.
    pub fn new(a: f64, f: f64) -> Self {
        Self { geodesic: Geodesic::new(a, f) }
    }

    /// The underlying `geographiclib-rs` solver, for algorithms that need its extra outputs (reduced length
    /// m12, geodesic scales M12 and M21).
    pub fn geodesic(&self) -> &Geodesic {
        &self.geodesic
    }

    /// Equatorial radius *a* in metres.
    pub fn equatorial_radius(&self) -> f64 {
        self.geodesic.equatorial_radius()
    }

    /// Flattening *f*.
    pub fn flattening(&self) -> f64 {
        self.geodesic.flattening()
    }
}

impl Default for Ellipsoid {
    fn default() -> Self {
        Self::wgs84()
    }
}

impl EarthModel for Ellipsoid {
    fn inverse(&self, from: Point<f64>, to: Point<f64>) -> Result<InverseSolution, GeodesyError> {
        validate_inverse(from, to)?;
        // geographiclib-rs 0.2.7 returns a negative distance and wrong azimuths for latitudes that are tiny
        // but not zero (for example -3.469e-18 on both ends of a nearly antipodal equatorial line), although
        // it rounds them to +-0 inside. Rounding them first, as GeographicLib does, avoids that path.
        let (lat1, lat2) = (ang_round(from.y()), ang_round(to.y()));
        if lat1 == 0.0 && lat2 == 0.0 && lat1.is_sign_negative() {
            // Both points on the equator and the first at -0: GeographicLib 2.x reads -0 as "just south of
            // the equator" and, where two geodesics of equal length exist (nearly antipodal points), returns
            // the southern one; geographiclib-rs 0.2.7 reads -0 as +0. Solve the problem mirrored in the
            // equator and mirror the azimuths back (azimuth alpha becomes 180 - alpha).
            let (s12, azi1, azi2, _a12): (f64, f64, f64, f64) =
                self.geodesic.inverse(0.0, from.x(), 0.0, to.x());
            return Ok(InverseSolution {
                distance_m: s12,
                azimuth1_deg: mirror_azimuth(azi1),
                azimuth2_deg: mirror_azimuth(azi2),
            });
        }
        let (s12, azi1, azi2, _a12): (f64, f64, f64, f64) =
            self.geodesic.inverse(lat1, from.x(), lat2, to.x());
        Ok(InverseSolution { distance_m: s12, azimuth1_deg: azi1, azimuth2_deg: azi2 })
    }

    fn direct(
        &self,
        from: Point<f64>,
        azimuth_deg: f64,
        distance_m: f64,
    ) -> Result<DirectSolution, GeodesyError> {
        validate_direct(from, azimuth_deg, distance_m)?;
        let (lat2, lon2, azi2): (f64, f64, f64) =
            self.geodesic.direct(from.y(), from.x(), azimuth_deg, distance_m);
        Ok(DirectSolution { point: Point::new(normalize_longitude(lon2), lat2), azimuth2_deg: azi2 })
    }

    fn name(&self) -> &'static str {
        "WGS84 geodesic"
    }
}

/// Rounds an angle in degrees so that magnitudes far below 1/16 degree are reduced to multiples of 2^-57
/// degree (0.7 pm on the earth), and values below about 7e-18 degree to +-0 with their sign kept, as
/// GeographicLib's `Math::AngRound` does before solving the inverse problem (Karney 2013, J. Geodesy 87:43-55,
/// sec. 4, on avoiding nearly singular cases).
fn ang_round(x: f64) -> f64 {
    const Z: f64 = 1.0 / 16.0;
    let y = x.abs();
    // Z - (Z - y) rounds y to a multiple of ulp(Z); Rust does not reassociate floating-point operations.
    let y = if y < Z { Z - (Z - y) } else { y };
    y.copysign(x)
}

/// The azimuth of the mirror image of a line in the equator: alpha becomes 180 - alpha, reduced to
/// (-180, 180].
fn mirror_azimuth(alpha: f64) -> f64 {
    let m = 180.0 - alpha; // in [0, 360] for alpha in [-180, 180]
    if m > 180.0 { m - 360.0 } else { m }
}
