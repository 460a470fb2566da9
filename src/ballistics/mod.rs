//! Ballistic free flight: Keplerian arcs (minimum-energy, lofted, depressed) over a spherical planet, and the
//! same arcs seen from the rotating Earth.
//!
//! # Model
//!
//! Free flight from burnout to re-entry on a spherical, non-rotating planet (radius R = 6,371 km and
//! mu = 398,600.4418 km^3/s^2 by default, [`Planet::earth_sphere`]), no drag, no thrust: the arc is the
//! Keplerian ellipse through the burnout point and the re-entry point. Burnout and re-entry are at given
//! altitudes (both the surface by default; they may differ). The powered ascent is not modelled: a
//! [`BoostAllowance`] adds a fixed ground range and time before burnout, and is always reported.
//! Earth rotation is in [`rotation`].
//!
//! # Source
//!
//! R. R. Bate, D. D. Mueller, J. E. White, *Fundamentals of Astrodynamics*, Dover 1971 ("BMW"), ch. 6, sec. 6.2:
//! Q = v^2 r / mu (eq. 6.2-1), the free-flight range equation (eq. 6.2-12), the flight-path angle equation
//! (eq. 6.2-16), the maximum-range conditions (eq. 6.2-18 to 6.2-20) and the time of free flight (eq. 6.2-21,
//! 6.2-22), generalised here to unequal burnout and re-entry altitudes (see the equations at each function).
//! The "minimum-energy" trajectory is the one of least burnout speed for the range, i.e. the maximum-range
//! trajectory for its burnout speed; lofted and depressed trajectories are compared through their
//! "equivalent range" (the minimum-energy range of the same burnout speed), the convention of D. Wright's
//! Union of Concerned Scientists analyses of North Korean tests.
//!
//! Names keep the book's: Q, Psi (free-flight range angle), phi (flight-path angle, from the local horizontal).
//! Units: metres, m/s, seconds, degrees for angles in the API.

// Checks are written `!(x > 0.0)` on purpose throughout: the negation also rejects NaN.
#![allow(clippy::neg_cmp_op_on_partial_ord)]

mod arcs;
mod error;
mod influence;
mod kepler;
mod profile;
mod roots;
pub mod rotation;
mod solve;

pub use error::BallisticsError;
pub use influence::{EARTH_SPHERE_OF_INFLUENCE_M, check_within_sphere_of_influence};
pub use profile::{FlightState, MAX_PROFILE_POINTS, profile, state_at, time_at_downrange};
pub use solve::{EquivalentRange, equivalent_range, max_range_for_speed, solve};

use serde::Serialize;

use error::check_non_negative;

/// A spherical planet: radius and gravitational parameter.
///
/// # Example
/// ```
/// use groundtrack::ballistics::Planet;
/// let earth = Planet::earth_sphere();
/// assert_eq!(earth.radius_m, 6_371_000.0);
/// assert_eq!(earth.mu_m3_s2, 3.986_004_418e14);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Planet {
    /// Radius R of the sphere, metres. Ground ranges are measured on this sphere (R times the range angle).
    pub radius_m: f64,
    /// Gravitational parameter mu = G M, m^3/s^2.
    pub mu_m3_s2: f64,
}

impl Planet {
    /// The Earth as a sphere of radius 6,371 km with mu = 398,600.4418 km^3/s^2 (the value of the IERS
    /// Conventions 2010, table 1.1; the radius is the customary round mean radius).
    ///
    /// # Example
    /// ```
    /// use groundtrack::ballistics::Planet;
    /// // Circular speed at the surface, sqrt(mu / R), is about 7.9 km/s.
    /// let p = Planet::earth_sphere();
    /// assert!(((p.mu_m3_s2 / p.radius_m).sqrt() - 7_909.8).abs() < 0.1);
    /// ```
    pub fn earth_sphere() -> Self {
        Self { radius_m: 6_371_000.0, mu_m3_s2: 3.986_004_418e14 }
    }

    /// Checks that the radius and mu are finite and positive.
    ///
    /// # Errors
    /// [`BallisticsError::InvalidInput`] naming "planet radius" or "planet mu".
    ///
    /// # Example
    /// ```
    /// use groundtrack::ballistics::Planet;
    /// assert!(Planet::earth_sphere().validate().is_ok());
    /// assert!(Planet { radius_m: -1.0, mu_m3_s2: 1.0 }.validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<(), BallisticsError> {
        check_non_negative("planet radius", self.radius_m, true)?;
        check_non_negative("planet mu", self.mu_m3_s2, true)
    }
}

impl Default for Planet {
    fn default() -> Self {
        Self::earth_sphere()
    }
}

/// What lies outside free flight: the powered ascent (altitude, ground range and time at burnout) and the
/// altitude at which free flight is taken to end. All zero by default (burnout and re-entry at the surface,
/// at the launch point, at time zero); always reported with a result.
///
/// # Example
/// ```
/// use groundtrack::ballistics::BoostAllowance;
/// let b = BoostAllowance { boost_time_s: 60.0, ..BoostAllowance::none() };
/// assert_eq!(b.burnout_altitude_m, 0.0);
/// assert!(b.validate().is_ok());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct BoostAllowance {
    /// Altitude of burnout above the sphere, metres (>= 0).
    pub burnout_altitude_m: f64,
    /// Ground range from the launch point to the point under burnout, metres (>= 0).
    pub burnout_range_m: f64,
    /// Time from launch to burnout, seconds (>= 0).
    pub boost_time_s: f64,
    /// Altitude above the sphere at which free flight ends ("re-entry"), metres (>= 0). The fall below it is
    /// not modelled.
    pub reentry_altitude_m: f64,
}

impl BoostAllowance {
    /// No allowance: burnout and re-entry at the surface, at the launch point, at launch time.
    ///
    /// # Example
    /// ```
    /// use groundtrack::ballistics::BoostAllowance;
    /// let b = BoostAllowance::none();
    /// assert_eq!((b.burnout_range_m, b.boost_time_s, b.reentry_altitude_m), (0.0, 0.0, 0.0));
    /// ```
    pub fn none() -> Self {
        Self::default()
    }

    /// Checks that every field is finite and `>= 0`.
    ///
    /// # Errors
    /// [`BallisticsError::InvalidInput`] naming the field.
    ///
    /// # Example
    /// ```
    /// use groundtrack::ballistics::BoostAllowance;
    /// let bad = BoostAllowance { boost_time_s: f64::NAN, ..BoostAllowance::none() };
    /// assert!(bad.validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<(), BallisticsError> {
        check_non_negative("burnout altitude", self.burnout_altitude_m, false)?;
        check_non_negative("burnout range", self.burnout_range_m, false)?;
        check_non_negative("boost time", self.boost_time_s, false)?;
        check_non_negative("re-entry altitude", self.reentry_altitude_m, false)
    }
}

/// Which of the two arcs that a burnout speed above the minimum-energy speed gives for one range.
///
/// # Example
/// ```
/// use groundtrack::ballistics::{Arc, BoostAllowance, Planet, TrajectoryConstraint, solve};
/// let (earth, none) = (Planet::earth_sphere(), BoostAllowance::none());
/// let by = |arc| TrajectoryConstraint::BurnoutSpeed { speed_mps: 5_000.0, arc };
/// let high = solve(2_700e3, by(Arc::High), &earth, &none).unwrap();
/// let low = solve(2_700e3, by(Arc::Low), &earth, &none).unwrap();
/// assert!(high.apogee_m > low.apogee_m && high.flight_time_s > low.flight_time_s);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Arc {
    /// The steeper (lofted) arc, flight-path angle above the minimum-energy angle.
    High,
    /// The flatter (depressed) arc, flight-path angle below the minimum-energy angle.
    Low,
}

/// The extra condition that picks one arc out of the family through burnout and impact.
///
/// # Example
/// ```
/// use groundtrack::ballistics::{BoostAllowance, Planet, TrajectoryConstraint, solve};
/// let t = solve(950e3, TrajectoryConstraint::Apogee(4_475e3), &Planet::earth_sphere(), &BoostAllowance::none())
///     .unwrap();
/// assert!((t.apogee_m - 4_475e3).abs() < 1e-3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TrajectoryConstraint {
    /// The arc of least burnout speed (maximum range for its speed).
    MinimumEnergy,
    /// The arc whose highest point is at this altitude above the sphere, metres.
    Apogee(f64),
    /// The arc whose free-flight time (burnout to re-entry, boost excluded) is this, seconds.
    FlightTime(f64),
    /// The arc with this burnout flight-path angle, degrees above the local horizontal.
    FlightPathAngle(f64),
    /// The high or low arc of this burnout speed.
    BurnoutSpeed {
        /// Burnout speed, m/s.
        speed_mps: f64,
        /// Which of the two arcs.
        arc: Arc,
    },
}

/// How an arc compares with the minimum-energy arc for the same range.
///
/// Serialised (JSON) as the lowercase snake_case strings `"minimum_energy"`, `"lofted"` and `"depressed"`, the
/// spelling of every JSON output of the crate (`fly`, `equivalent-range`, `check`).
///
/// # Example
/// ```
/// use groundtrack::ballistics::{ArcKind, BoostAllowance, Planet, TrajectoryConstraint, solve};
/// // The minimum-energy apogee for 2,700 km is about 599 km: 550 km is depressed.
/// let t = solve(2_700e3, TrajectoryConstraint::Apogee(550e3), &Planet::earth_sphere(), &BoostAllowance::none())
///     .unwrap();
/// assert_eq!(t.kind, ArcKind::Depressed);
/// assert_eq!(serde_json::to_value(ArcKind::MinimumEnergy).unwrap(), "minimum_energy");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ArcKind {
    /// The minimum-energy arc (within 1e-6 degrees of its flight-path angle).
    MinimumEnergy,
    /// Steeper than minimum-energy: higher apogee, longer flight.
    Lofted,
    /// Flatter than minimum-energy: lower apogee, shorter flight.
    Depressed,
}

/// A solved free-flight arc, with everything a report or table needs.
///
/// Ranges are ground ranges on the sphere (R times the range angle); altitudes are above the sphere. Unless a
/// field says otherwise it concerns free flight only (burnout to re-entry).
///
/// # Example
/// ```
/// use groundtrack::ballistics::{BoostAllowance, Planet, TrajectoryConstraint, solve};
/// let boost = BoostAllowance { burnout_range_m: 100e3, boost_time_s: 60.0, ..BoostAllowance::none() };
/// let t = solve(2_800e3, TrajectoryConstraint::MinimumEnergy, &Planet::earth_sphere(), &boost).unwrap();
/// assert_eq!(t.range_m, 2_700e3);
/// assert_eq!(t.total_time_s, t.flight_time_s + 60.0);
/// // Equal burnout and re-entry altitudes: the arc is symmetric.
/// assert!((t.reentry_speed_mps - t.burnout_speed_mps).abs() < 1e-9);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trajectory {
    /// Ground range of free flight, burnout point to re-entry point, metres (R Psi).
    pub range_m: f64,
    /// Ground range from the launch point: `boost.burnout_range_m + range_m`, metres.
    pub total_range_m: f64,
    /// Free-flight range angle Psi, degrees.
    pub range_angle_deg: f64,
    /// Burnout speed (inertial = Earth-relative here, no rotation), m/s.
    pub burnout_speed_mps: f64,
    /// Burnout flight-path angle phi, degrees above the local horizontal.
    pub flight_path_angle_deg: f64,
    /// Q at burnout, v^2 r / mu (BMW eq. 6.2-1); 1 is circular speed, 2 escape speed.
    pub q_burnout: f64,
    /// Altitude of the highest point of free flight above the sphere, metres.
    pub apogee_m: f64,
    /// Ground range from the burnout point to the point under apogee, metres.
    pub apogee_downrange_m: f64,
    /// Time of free flight, burnout to re-entry, seconds (boost time excluded; see `total_time_s`).
    pub flight_time_s: f64,
    /// Time from launch to re-entry: `boost.boost_time_s + flight_time_s`, seconds.
    pub total_time_s: f64,
    /// Speed at re-entry, m/s.
    pub reentry_speed_mps: f64,
    /// Re-entry angle, degrees below the local horizontal (positive when coming down).
    pub reentry_angle_deg: f64,
    /// The longest free-flight ground range this burnout speed reaches (from burnout altitude down to re-entry
    /// altitude, on its minimum-energy arc), metres; `None` when the speed reaches any range up to half the
    /// circumference (for equal altitudes: Q >= 1, circular speed or more).
    pub min_energy_range_m: Option<f64>,
    /// Burnout speed of the minimum-energy arc for this range, m/s.
    pub min_energy_burnout_speed_mps: f64,
    /// Burnout flight-path angle of the minimum-energy arc for this range, degrees.
    pub min_energy_flight_path_angle_deg: f64,
    /// Whether this arc is the minimum-energy one, lofted or depressed.
    pub kind: ArcKind,
    /// Semi-major axis of the ellipse, metres.
    pub semi_major_axis_m: f64,
    /// Eccentricity of the ellipse.
    pub eccentricity: f64,
    /// The constraint that picked this arc.
    pub constraint: TrajectoryConstraint,
    /// The planet.
    pub planet: Planet,
    /// The boost and re-entry allowance used.
    pub boost: BoostAllowance,
    /// The model, spelled out for reports.
    pub model: String,
}

/// Spells out the model for reports.
pub(crate) fn model_description(planet: &Planet, boost: &BoostAllowance, rotation: Option<f64>) -> String {
    let rot = match rotation {
        None => "no Earth rotation".to_string(),
        Some(w) => format!("seen from a planet rotating at {w:e} rad/s"),
    };
    format!(
        "Keplerian free flight (two-body, no drag, {rot}) over a sphere of radius {:.1} m with mu = {:e} m^3/s^2; \
         burnout at {:.1} m altitude, {:.1} m ground range and {:.1} s after launch; free flight ends at {:.1} m \
         altitude",
        planet.radius_m,
        planet.mu_m3_s2,
        boost.burnout_altitude_m,
        boost.burnout_range_m,
        boost.boost_time_s,
        boost.reentry_altitude_m
    )
}
