//! Great circles on a sphere: the explicit spherical option (`--sphere`).

use geo_types::Point;

use super::{
    DirectSolution, EarthModel, GeodesyError, InverseSolution, MEAN_EARTH_RADIUS_M, normalize_longitude,
    validate_direct, validate_inverse,
};

/// Great circles on a sphere of a given radius.
///
/// Only used when a user asks for a sphere, for comparison with spherical tools. The formulas are those of
/// spherical trigonometry (I. Todhunter, *Spherical Trigonometry*, 1886, sec. 44 and 47), which are Karney's
/// auxiliary-sphere relations with zero flattening (Karney 2013, J. Geodesy 87:43-55, eq. 10-14). Distances
/// use the atan2 form of the central angle, accurate for short and nearly antipodal lines alike.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::{EarthModel, Sphere};
/// let sphere = Sphere::mean_earth();
/// // A quarter of the equator is a quarter of the circumference.
/// let inv = sphere.inverse(Point::new(0.0, 0.0), Point::new(90.0, 0.0)).unwrap();
/// let quarter = std::f64::consts::FRAC_PI_2 * 6_371_008.8;
/// assert!((inv.distance_m - quarter).abs() < 1e-6);
/// assert!((inv.azimuth1_deg - 90.0).abs() < 1e-12);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sphere {
    /// Radius in metres.
    pub radius_m: f64,
}

impl Sphere {
    /// The sphere of the earth's mean radius, 6,371,008.8 m.
    pub fn mean_earth() -> Self {
        Self { radius_m: MEAN_EARTH_RADIUS_M }
    }

    /// A sphere of radius `radius_m` metres.
    pub fn new(radius_m: f64) -> Self {
        Self { radius_m }
    }
}

impl Default for Sphere {
    fn default() -> Self {
        Self::mean_earth()
    }
}

impl EarthModel for Sphere {
    fn inverse(&self, from: Point<f64>, to: Point<f64>) -> Result<InverseSolution, GeodesyError> {
        validate_inverse(from, to)?;
        let (phi1, phi2) = (from.y().to_radians(), to.y().to_radians());
        let dlambda = normalize_longitude(to.x() - from.x()).to_radians();
        let (s1, c1) = phi1.sin_cos();
        let (s2, c2) = phi2.sin_cos();
        let (sl, cl) = dlambda.sin_cos();
        // Central angle by the atan2 formula (Vincenty 1975, eq. 14 with f = 0).
        let y = ((c2 * sl).powi(2) + (c1 * s2 - s1 * c2 * cl).powi(2)).sqrt();
        let x = s1 * s2 + c1 * c2 * cl;
        let sigma = y.atan2(x);
        // Azimuths at either end (Todhunter sec. 44; Karney 2013 eq. 10 at both ends).
        let azi1 = (c2 * sl).atan2(c1 * s2 - s1 * c2 * cl).to_degrees();
        let azi2 = (c1 * sl).atan2(-s1 * c2 + c1 * s2 * cl).to_degrees();
        Ok(InverseSolution { distance_m: sigma * self.radius_m, azimuth1_deg: azi1, azimuth2_deg: azi2 })
    }

    fn direct(
        &self,
        from: Point<f64>,
        azimuth_deg: f64,
        distance_m: f64,
    ) -> Result<DirectSolution, GeodesyError> {
        validate_direct(from, azimuth_deg, distance_m)?;
        let sigma = distance_m / self.radius_m;
        let phi1 = from.y().to_radians();
        let alpha1 = azimuth_deg.to_radians();
        let (s1, c1) = phi1.sin_cos();
        let (ss, cs) = sigma.sin_cos();
        let (sa, ca) = alpha1.sin_cos();
        let sin_phi2 = s1 * cs + c1 * ss * ca;
        let phi2 = sin_phi2.clamp(-1.0, 1.0).asin();
        let dlambda = (sa * ss * c1).atan2(cs - s1 * sin_phi2);
        // Forward azimuth at the end point (Todhunter sec. 44).
        let azi2 = (sa * c1).atan2(c1 * cs * ca - s1 * ss).to_degrees();
        let lon2 = normalize_longitude(from.x() + dlambda.to_degrees());
        Ok(DirectSolution { point: Point::new(lon2, phi2.to_degrees()), azimuth2_deg: azi2 })
    }

    fn name(&self) -> &'static str {
        "sphere"
    }
}
