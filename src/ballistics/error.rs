//! Why a ballistic problem has no answer.

use crate::geodesy::GeodesyError;

/// Why a ballistic problem has no answer, or was asked with unusable inputs.
///
/// Every message names the figure that was wrong and, where there is one, the interval that would be accepted.
///
/// # Example
/// ```
/// use groundtrack::ballistics::{BallisticsError, BoostAllowance, Planet, TrajectoryConstraint, solve};
/// let err = solve(-5.0, TrajectoryConstraint::MinimumEnergy, &Planet::earth_sphere(), &BoostAllowance::none())
///     .unwrap_err();
/// assert!(matches!(err, BallisticsError::InvalidInput { what: "range", .. }));
/// assert!(err.to_string().contains("range"));
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BallisticsError {
    /// An input that is NaN, infinite, negative or otherwise outside what the model accepts.
    #[error("{what} is {value}; expected {expected}")]
    InvalidInput {
        /// Which input (for example "range", "burnout speed", "planet radius").
        what: &'static str,
        /// The value given (SI units: metres, m/s, seconds, degrees for angles).
        value: f64,
        /// What would be accepted.
        expected: String,
    },

    /// A free-flight range longer than half the circumference: the short way round is always the other way.
    #[error(
        "free-flight range {range_m:.0} m is beyond half the circumference of the planet; expected a range in \
         (0, {max_m:.0}] m"
    )]
    RangeBeyondHalfCircumference {
        /// The free-flight ground range asked for, metres.
        range_m: f64,
        /// Half the circumference, pi times the radius, metres.
        max_m: f64,
    },

    /// A constraint (apogee, flight time or flight-path angle) that no ballistic ellipse through burnout and
    /// re-entry satisfies for this range.
    #[error(
        "no ballistic arc over a free-flight range of {range_m:.0} m has {quantity} {value} {unit}; the feasible \
         interval is ({low:.3}, {high:.3}) {unit}{note}"
    )]
    OutOfReach {
        /// The constrained quantity ("apogee", "flight time", "flight-path angle").
        quantity: &'static str,
        /// The value asked for.
        value: f64,
        /// Its unit ("m", "s", "deg").
        unit: &'static str,
        /// Lower end of the feasible (open) interval.
        low: f64,
        /// Upper end of the feasible (open) interval (may be infinite).
        high: f64,
        /// The free-flight ground range, metres.
        range_m: f64,
        /// Explanation of the two ends of the interval.
        note: String,
    },

    /// A burnout speed below the minimum-energy speed for the range.
    #[error(
        "burnout speed {speed_mps} m/s is too low for a free-flight range of {range_m:.0} m: the minimum-energy \
         arc needs {min_mps:.3} m/s; expected a speed in [{min_mps:.3}, {escape_mps:.3}) m/s"
    )]
    SpeedInsufficient {
        /// The burnout speed given, m/s.
        speed_mps: f64,
        /// The free-flight ground range, metres.
        range_m: f64,
        /// The minimum-energy burnout speed for that range, m/s.
        min_mps: f64,
        /// The escape speed at burnout altitude, m/s.
        escape_mps: f64,
    },

    /// A burnout speed at or above escape speed: the path is a parabola or hyperbola and never comes back.
    #[error(
        "burnout speed {speed_mps} m/s is at or above the escape speed {escape_mps:.3} m/s at burnout altitude: \
         no ballistic (elliptic) arc; expected a speed below {escape_mps:.3} m/s"
    )]
    EscapeSpeed {
        /// The burnout speed given, m/s.
        speed_mps: f64,
        /// Escape speed sqrt(2 mu / r_bo) at burnout radius, m/s.
        escape_mps: f64,
    },

    /// The requested arc (high or low) does not exist for this speed and range.
    #[error("no {arc} arc at burnout speed {speed_mps} m/s over {range_m:.0} m: {reason}")]
    NoSuchArc {
        /// "high" or "low".
        arc: &'static str,
        /// The burnout speed given, m/s.
        speed_mps: f64,
        /// The free-flight ground range, metres.
        range_m: f64,
        /// Why, and which arc exists instead.
        reason: String,
    },

    /// An arc that climbs beyond the Earth's sphere of influence, where the two-body model no longer holds.
    #[error(
        "the arc's apogee of {apogee_m:.0} m lies beyond the Earth's sphere of influence ({limit_m:.0} m above \
         the surface): out there the Sun's pull governs the motion and the missile does not fall back on a \
         two-body (Keplerian) arc (its burnout speed {speed_mps:.3} m/s is within {:.3} m/s of the escape speed \
         {escape_mps:.3} m/s); expected an arc whose apogee stays below {limit_m:.0} m",
        escape_mps - speed_mps
    )]
    BeyondSphereOfInfluence {
        /// Apogee altitude of the arc, metres.
        apogee_m: f64,
        /// Altitude above the planet's sphere of the boundary of the sphere of influence, metres
        /// ([`super::EARTH_SPHERE_OF_INFLUENCE_M`] less the planet's radius).
        limit_m: f64,
        /// Burnout speed of the arc (inertial over a rotating Earth), m/s.
        speed_mps: f64,
        /// Escape speed sqrt(2 mu / r_bo) at burnout, m/s.
        escape_mps: f64,
    },

    /// A point (launch or impact) that is not a valid latitude/longitude.
    #[error(transparent)]
    Point(#[from] GeodesyError),

    /// An iterative solution (Earth rotation) that did not converge.
    #[error("{what} did not converge: {detail}")]
    NotConverged {
        /// Which computation.
        what: &'static str,
        /// The residual left and a hint.
        detail: String,
    },
}

/// Checks that `value` is finite and `>= 0` (or `> 0` when `strict`), naming it in the error.
pub(crate) fn check_non_negative(
    what: &'static str,
    value: f64,
    strict: bool,
) -> Result<(), BallisticsError> {
    let ok = value.is_finite() && if strict { value > 0.0 } else { value >= 0.0 };
    if ok {
        Ok(())
    } else {
        let expected = if strict { "a finite number > 0" } else { "a finite number >= 0" };
        Err(BallisticsError::InvalidInput { what, value, expected: expected.to_string() })
    }
}
