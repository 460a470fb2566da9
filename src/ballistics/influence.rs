//! Where the two-body model stops: the Earth's sphere of influence.

use super::{BallisticsError, BoostAllowance, Planet};

/// Radius of the Earth's sphere of influence, metres, measured from the Earth's centre: Laplace's
/// r = a (m / M)^(2/5), with a = 1 au = 1.495978707e11 m (IAU 2012 resolution B2) and M / m = 332,946.0487, the
/// Sun-to-Earth mass ratio of the IAU 2009 system of astronomical constants; about 924,650 km (H. D. Curtis,
/// *Orbital Mechanics for Engineering Students*, ch. 8, "sphere of influence", rounds it to 925,000 km). Beyond it the Sun,
/// not the Earth, governs the motion, and a Keplerian arc about the Earth no longer describes the flight.
///
/// # Example
/// ```
/// use groundtrack::ballistics::EARTH_SPHERE_OF_INFLUENCE_M;
/// let laplace = 1.495_978_707e11 * (1.0f64 / 332_946.0487).powf(0.4);
/// assert!((EARTH_SPHERE_OF_INFLUENCE_M - laplace).abs() < 1.0);
/// assert!((EARTH_SPHERE_OF_INFLUENCE_M / 1e3 - 925_000.0).abs() < 1_000.0);
/// ```
pub const EARTH_SPHERE_OF_INFLUENCE_M: f64 = 924_646_789.0;

/// Checks that an arc stays inside the Earth's sphere of influence, where the two-body model holds.
///
/// Inputs: the arc's apogee altitude above the sphere (m), its burnout speed (m/s; inertial over a rotating
/// Earth), the `planet` and the `boost` allowance (for the burnout radius, to compare the speed with the escape
/// speed in the message). Output: `Ok(())` when the centre-to-apogee distance `planet.radius_m + apogee_m` is at most
/// [`EARTH_SPHERE_OF_INFLUENCE_M`].
///
/// # Errors
/// [`BallisticsError::BeyondSphereOfInfluence`] naming the apogee, the limit, the burnout speed and the escape
/// speed sqrt(2 mu / r_bo) it falls just short of; NaN apogees count as beyond.
///
/// # Example
/// ```
/// use groundtrack::ballistics::{BoostAllowance, Planet, TrajectoryConstraint, check_within_sphere_of_influence,
///     solve};
/// let (earth, none) = (Planet::earth_sphere(), BoostAllowance::none());
/// let lofted = solve(950e3, TrajectoryConstraint::Apogee(4_475e3), &earth, &none).unwrap();
/// assert!(check_within_sphere_of_influence(lofted.apogee_m, lofted.burnout_speed_mps, &earth, &none).is_ok());
/// // An elliptic arc to 1e9 km exists in the two-body model, 0.3 % short of escape speed, but is meaningless.
/// let far = solve(950e3, TrajectoryConstraint::Apogee(1e12), &earth, &none).unwrap();
/// let err = check_within_sphere_of_influence(far.apogee_m, far.burnout_speed_mps, &earth, &none).unwrap_err();
/// assert!(err.to_string().contains("sphere of influence"));
/// ```
pub fn check_within_sphere_of_influence(
    apogee_m: f64,
    burnout_speed_mps: f64,
    planet: &Planet,
    boost: &BoostAllowance,
) -> Result<(), BallisticsError> {
    if planet.radius_m + apogee_m <= EARTH_SPHERE_OF_INFLUENCE_M {
        return Ok(());
    }
    Err(BallisticsError::BeyondSphereOfInfluence {
        apogee_m,
        limit_m: EARTH_SPHERE_OF_INFLUENCE_M - planet.radius_m,
        speed_mps: burnout_speed_mps,
        escape_mps: (2.0 * planet.mu_m3_s2 / (planet.radius_m + boost.burnout_altitude_m)).sqrt(),
    })
}
