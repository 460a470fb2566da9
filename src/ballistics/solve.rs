//! Solving for the arc through a given range under one constraint, the maximum range of a burnout speed, and the
//! equivalent (minimum-energy) range of a lofted or depressed arc.

use std::f64::consts::PI;

use serde::Serialize;

use super::arcs::ArcFamily;
use super::error::check_non_negative;
use super::kepler::Ellipse;
use super::roots::bisect_increasing;
use super::{
    Arc, ArcKind, BallisticsError, BoostAllowance, Planet, Trajectory, TrajectoryConstraint,
    model_description,
};

/// The validated geometry of one problem: planet, allowances and the family of arcs over the range.
struct Setup {
    planet: Planet,
    boost: BoostAllowance,
    /// Free-flight ground range, m.
    free_range_m: f64,
    /// The arcs through burnout and re-entry over that range.
    family: ArcFamily,
}

impl Setup {
    fn new(range_m: f64, planet: &Planet, boost: &BoostAllowance) -> Result<Self, BallisticsError> {
        planet.validate()?;
        boost.validate()?;
        check_non_negative("range", range_m, true)?;
        let free_range_m = range_m - boost.burnout_range_m;
        if !(free_range_m > 0.0) {
            return Err(BallisticsError::InvalidInput {
                what: "range",
                value: range_m,
                expected: format!("a range longer than the burnout range {} m", boost.burnout_range_m),
            });
        }
        let max_m = PI * planet.radius_m;
        if free_range_m > max_m {
            return Err(BallisticsError::RangeBeyondHalfCircumference { range_m: free_range_m, max_m });
        }
        let psi = (free_range_m / planet.radius_m).min(PI);
        let r_bo = planet.radius_m + boost.burnout_altitude_m;
        let r_re = planet.radius_m + boost.reentry_altitude_m;
        let family = ArcFamily::new(psi, r_bo, r_re, planet.mu_m3_s2).ok_or_else(|| {
            BallisticsError::InvalidInput {
                what: "re-entry altitude",
                value: boost.reentry_altitude_m,
                expected: format!(
                    "an altitude that an elliptic arc from burnout at {} m altitude comes down through after \
                     {free_range_m:.0} m",
                    boost.burnout_altitude_m
                ),
            }
        })?;
        Ok(Self { planet: *planet, boost: *boost, free_range_m, family })
    }

    fn r_bo(&self) -> f64 {
        self.family.r_bo
    }

    /// Time of free flight of the arc with flight-path angle `phi`, or NaN if it is no ellipse.
    fn time_of(&self, phi: f64) -> f64 {
        self.family.ellipse(phi).map_or(f64::NAN, |el| el.time_to(self.family.psi))
    }

    /// Radius of the highest point of the arc with flight-path angle `phi`, or NaN.
    fn apogee_radius_of(&self, phi: f64) -> f64 {
        self.family.ellipse(phi).map_or(f64::NAN, |el| el.highest_point(self.family.psi).0)
    }

    fn out_of_reach(
        &self,
        quantity: &'static str,
        value: f64,
        unit: &'static str,
        low: f64,
        high: f64,
        note: &str,
    ) -> BallisticsError {
        BallisticsError::OutOfReach {
            quantity,
            value,
            unit,
            low,
            high,
            range_m: self.free_range_m,
            note: note.to_string(),
        }
    }

    fn flight_path_angle_error(&self, phi_deg: f64) -> BallisticsError {
        self.out_of_reach(
            "flight-path angle",
            phi_deg,
            "deg",
            self.family.phi_lo.to_degrees(),
            self.family.phi_hi.to_degrees(),
            "; at the low end the arc grazes (orbital speed) or only levels off at re-entry, at the high end it \
             needs escape speed",
        )
    }

    /// The flight-path angle (radians) that satisfies `constraint`.
    fn phi_for(&self, constraint: TrajectoryConstraint) -> Result<f64, BallisticsError> {
        let fam = &self.family;
        match constraint {
            TrajectoryConstraint::MinimumEnergy => Ok(fam.min_energy_phi()),
            TrajectoryConstraint::FlightPathAngle(deg) => {
                let phi = deg.to_radians();
                if fam.contains(phi) { Ok(phi) } else { Err(self.flight_path_angle_error(deg)) }
            }
            TrajectoryConstraint::Apogee(h) => self.phi_for_apogee(h),
            TrajectoryConstraint::FlightTime(t) => self.phi_for_time(t),
            TrajectoryConstraint::BurnoutSpeed { speed_mps, arc } => self.phi_for_speed(speed_mps, arc),
        }
    }

    /// The arc whose highest point is at altitude `h` (m). The apogee grows monotonically with the flight-path
    /// angle from the flattest arc (apogee at the higher end point) to the escape-speed arc (apogee at
    /// infinity), so bisection on phi finds it.
    fn phi_for_apogee(&self, h: f64) -> Result<f64, BallisticsError> {
        let low = self.boost.burnout_altitude_m.max(self.boost.reentry_altitude_m);
        if !(h.is_finite() && h > low) {
            return Err(self.out_of_reach(
                "apogee",
                h,
                "m",
                low,
                f64::INFINITY,
                "; the flattest arc (grazing, at orbital speed) tops out at the higher of the burnout and re-entry \
                 altitudes, steeper arcs rise without bound up to escape speed",
            ));
        }
        let r_target = self.planet.radius_m + h;
        let fam = &self.family;
        let f = |phi| self.apogee_radius_of(phi) - r_target;
        let phi = bisect_increasing(f, fam.phi_lo.max(0.0), fam.phi_hi, 1e-15, f64::INFINITY);
        let residual = self.apogee_radius_of(phi) - r_target;
        if !(residual.abs() <= 1e-9 * r_target) {
            return Err(BallisticsError::NotConverged {
                what: "apogee constraint",
                detail: format!(
                    "apogee misses {h} m by {residual} m at flight-path angle {} deg",
                    phi.to_degrees()
                ),
            });
        }
        Ok(phi)
    }

    /// The arc whose free-flight time is `t` (s). The time grows monotonically with the flight-path angle from
    /// the flattest arc to the escape-speed arc; bisection on phi.
    fn phi_for_time(&self, t: f64) -> Result<f64, BallisticsError> {
        let fam = &self.family;
        let eps = 1e-9 * (fam.phi_hi - fam.phi_lo);
        let (lo, hi) = (fam.phi_lo + eps, fam.phi_hi - eps);
        let (t_lo, t_hi) = (self.time_of(lo), self.time_of(hi));
        // t_hi (just short of escape speed) is practically infinite: the apogee goes to infinity.
        if !(t.is_finite() && t > t_lo && t < t_hi) {
            return Err(self.out_of_reach(
                "flight time",
                t,
                "s",
                t_lo,
                f64::INFINITY,
                "; the shortest is the flattest arc (grazing, at orbital speed), the longest the steepest (at \
                 escape speed)",
            ));
        }
        let phi = bisect_increasing(|phi| self.time_of(phi) - t, lo, hi, 1e-15, f64::INFINITY);
        let residual = self.time_of(phi) - t;
        if !(residual.abs() <= 1e-6) {
            return Err(BallisticsError::NotConverged {
                what: "flight-time constraint",
                detail: format!("flight time misses {t} s by {residual} s"),
            });
        }
        Ok(phi)
    }

    /// The high or low arc of burnout speed `v`: the flight-path angle equation (BMW eq. 6.2-16 for equal
    /// altitudes, [`ArcFamily::phis_for_q`] in general).
    fn phi_for_speed(&self, v: f64, arc: Arc) -> Result<f64, BallisticsError> {
        check_non_negative("burnout speed", v, true)?;
        let fam = &self.family;
        let mu = self.planet.mu_m3_s2;
        let escape_mps = (2.0 * mu / self.r_bo()).sqrt();
        let q = v * v * self.r_bo() / mu; // BMW eq. 6.2-1
        if !(q < 2.0) {
            return Err(BallisticsError::EscapeSpeed { speed_mps: v, escape_mps });
        }
        let phi_me = fam.min_energy_phi();
        let q_me = fam.q_of(phi_me);
        let min_mps = (q_me * mu / self.r_bo()).sqrt();
        let insufficient = BallisticsError::SpeedInsufficient {
            speed_mps: v,
            range_m: self.free_range_m,
            min_mps,
            escape_mps,
        };
        if q < q_me {
            // Allow the rounding of a speed taken from a minimum-energy solution.
            if q < q_me * (1.0 - 1e-12) {
                return Err(insufficient);
            }
            return Ok(phi_me);
        }
        let (low, high) = fam.phis_for_q(q).unwrap_or((phi_me, phi_me));
        let (phi, name) = match arc {
            Arc::High => (high, "high"),
            Arc::Low => (low, "low"),
        };
        if fam.contains(phi) || phi == phi_me {
            return Ok(phi);
        }
        Err(BallisticsError::NoSuchArc {
            arc: name,
            speed_mps: v,
            range_m: self.free_range_m,
            reason: format!(
                "its flight-path angle {:.4} deg lies outside the ballistic interval ({:.4}, {:.4}) deg (at this \
                 speed the {} solution does not come down at this range; only the {} arc does)",
                phi.to_degrees(),
                fam.phi_lo.to_degrees(),
                fam.phi_hi.to_degrees(),
                name,
                if name == "low" { "high" } else { "low" }
            ),
        })
    }

    /// The trajectory of flight-path angle `phi`: elements, time of flight (Kepler's equation), apogee,
    /// re-entry state and the comparison with the minimum-energy arc.
    fn trajectory(&self, phi: f64, constraint: TrajectoryConstraint) -> Result<Trajectory, BallisticsError> {
        let fam = &self.family;
        let psi = fam.psi;
        let el = fam.ellipse(phi).ok_or_else(|| self.flight_path_angle_error(phi.to_degrees()))?;
        let r = self.planet.radius_m;
        let flight_time_s = el.time_to(psi);
        let (r_apo, theta_apo) = el.highest_point(psi);
        let phi_me = fam.min_energy_phi();
        let q_me = fam.q_of(phi_me);
        let kind = if matches!(constraint, TrajectoryConstraint::MinimumEnergy)
            || (phi - phi_me).abs() < 1e-6f64.to_radians()
        {
            ArcKind::MinimumEnergy
        } else if phi > phi_me {
            ArcKind::Lofted
        } else {
            ArcKind::Depressed
        };
        let min_energy_range_m =
            max_range_angle(el.q, fam.r_bo, fam.r_re, fam.mu).map(|o| o.map(|p| p * r))?;
        Ok(Trajectory {
            range_m: self.free_range_m,
            total_range_m: self.boost.burnout_range_m + self.free_range_m,
            range_angle_deg: psi.to_degrees(),
            burnout_speed_mps: el.v_bo,
            flight_path_angle_deg: phi.to_degrees(),
            q_burnout: el.q,
            apogee_m: r_apo - r,
            apogee_downrange_m: theta_apo * r,
            flight_time_s,
            total_time_s: self.boost.boost_time_s + flight_time_s,
            reentry_speed_mps: el.speed_at(psi),
            reentry_angle_deg: -el.flight_path_angle_at(psi).to_degrees(),
            min_energy_range_m,
            min_energy_burnout_speed_mps: (q_me * fam.mu / fam.r_bo).sqrt(),
            min_energy_flight_path_angle_deg: phi_me.to_degrees(),
            kind,
            semi_major_axis_m: el.a,
            eccentricity: el.e,
            constraint,
            planet: self.planet,
            boost: self.boost,
            model: model_description(&self.planet, &self.boost, None),
        })
    }
}

/// Solves the free flight through a ground range under one constraint.
///
/// Inputs: `range_m`, the ground range from the launch point to the re-entry point in metres (the free-flight
/// range is `range_m - boost.burnout_range_m`, at most half the circumference); the `constraint` that picks
/// the arc (minimum energy; apogee altitude in m; free-flight time in s; burnout flight-path angle in degrees;
/// burnout speed in m/s with the high or low arc); the `planet`; the `boost` allowance (burnout altitude, range
/// and time; re-entry altitude).
///
/// Output: the [`Trajectory`], with burnout state, apogee, times, re-entry state and the minimum-energy
/// comparison.
///
/// Method (BMW = Bate, Mueller, White 1971, sec. 6.2): every arc through burnout and re-entry is fixed by its
/// burnout flight-path angle phi, with Q from the free-flight range equation (BMW eq. 6.2-12, generalised to
/// unequal altitudes in `arcs.rs`). Minimum energy: least Q, phi = (180 deg - Psi)/4 for equal altitudes
/// (BMW eq. 6.2-18, Q by eq. 6.2-20). Burnout speed: the flight-path angle equation (BMW eq. 6.2-16), two
/// roots, high and low. Apogee and flight time: bisection on phi (both grow with phi). Time of free flight:
/// Kepler's equation (BMW eq. 6.2-21, 6.2-22 for the symmetric arc).
///
/// # Errors
/// - [`BallisticsError::InvalidInput`]: NaN, infinite or non-positive range; a negative or non-finite
///   allowance or planet figure; a range no longer than the burnout range; a re-entry altitude that no elliptic
///   arc reaches.
/// - [`BallisticsError::RangeBeyondHalfCircumference`].
/// - [`BallisticsError::OutOfReach`]: an apogee, flight time or flight-path angle outside the feasible interval
///   (named in the message) for this range.
/// - [`BallisticsError::SpeedInsufficient`], [`BallisticsError::EscapeSpeed`], [`BallisticsError::NoSuchArc`]
///   for a burnout speed below the minimum-energy speed, at or above escape speed, or without the requested arc.
/// - [`BallisticsError::NotConverged`] if a bisection fails to meet its tolerance (not expected).
///
/// # Example
/// ```
/// use groundtrack::ballistics::{BoostAllowance, Planet, TrajectoryConstraint, solve};
/// let t = solve(2_700e3, TrajectoryConstraint::MinimumEnergy, &Planet::earth_sphere(), &BoostAllowance::none())
///     .unwrap();
/// // Range angle 2,700 km / 6,371 km; minimum-energy flight-path angle (180 deg - Psi) / 4 (BMW eq. 6.2-18).
/// assert!((t.range_angle_deg - (2_700.0f64 / 6_371.0).to_degrees()).abs() < 1e-9);
/// assert!((t.flight_path_angle_deg - (180.0 - t.range_angle_deg) / 4.0).abs() < 1e-9);
/// assert!((t.burnout_speed_mps - 4_663.0).abs() < 1.0);
/// ```
pub fn solve(
    range_m: f64,
    constraint: TrajectoryConstraint,
    planet: &Planet,
    boost: &BoostAllowance,
) -> Result<Trajectory, BallisticsError> {
    let setup = Setup::new(range_m, planet, boost)?;
    let phi = setup.phi_for(constraint)?;
    let t = setup.trajectory(phi, constraint)?;
    // A planet whose mu or radius are at the edge of floating point (mu = 1e-308) gives speeds and times that
    // overflow: refuse them rather than return infinities.
    if !(t.burnout_speed_mps.is_finite() && t.flight_time_s.is_finite() && t.apogee_m.is_finite()) {
        return Err(BallisticsError::InvalidInput {
            what: "planet gravitational parameter",
            value: planet.mu_m3_s2,
            expected: "a planet whose speeds and times are finite numbers (Earth: 3.986004418e14 m^3/s^2)"
                .into(),
        });
    }
    Ok(t)
}

/// The largest free-flight range angle (radians) reachable with burnout parameter `q` from radius `r_bo` down to
/// radius `r_re`, or `None` if every angle up to pi is reachable.
///
/// Equal radii: sin(Psi/2) = Q / (2 - Q), BMW eq. 6.2-19, so any range when Q >= 1. Unequal radii: the least Q
/// of the arcs over Psi grows with Psi; bisection on Psi.
fn max_range_angle(q: f64, r_bo: f64, r_re: f64, mu: f64) -> Result<Option<f64>, BallisticsError> {
    if r_bo == r_re {
        let s = q / (2.0 - q); // BMW eq. 6.2-19
        return Ok(if s >= 1.0 { None } else { Some(2.0 * s.asin()) });
    }
    let least_q =
        |psi: f64| ArcFamily::new(psi, r_bo, r_re, mu).map_or(f64::NAN, |f| f.q_of(f.min_energy_phi()));
    if least_q(PI) <= q {
        return Ok(None);
    }
    let rho = r_bo / r_re;
    if rho < 1.0 && q <= 2.0 * (1.0 - rho) {
        // Not even straight up reaches the re-entry radius: v^2 = 2 mu (1/r_bo - 1/r_re) is needed.
        let v = (q * mu / r_bo).sqrt();
        return Err(BallisticsError::SpeedInsufficient {
            speed_mps: v,
            range_m: 0.0,
            min_mps: (2.0 * mu * (1.0 / r_bo - 1.0 / r_re)).sqrt(),
            escape_mps: (2.0 * mu / r_bo).sqrt(),
        });
    }
    Ok(Some(bisect_increasing(|psi| least_q(psi) - q, 0.0, PI, 1e-15, f64::NEG_INFINITY)))
}

/// The longest free-flight ground range (metres) of a burnout speed: the range of its minimum-energy arc.
///
/// Inputs: burnout speed `speed_mps` (m/s, > 0), the `planet`, the burnout and re-entry altitudes (m, >= 0).
/// Output: `Some(range)` in metres measured on the sphere, or `None` when the speed reaches any range up to half
/// the circumference (equal altitudes: Q >= 1, circular speed or more).
///
/// Source: BMW eq. 6.2-19, sin(Psi/2) = Q / (2 - Q), for equal altitudes; for unequal altitudes the least-Q arc
/// of `arcs.rs` and bisection on Psi.
///
/// # Errors
/// [`BallisticsError::InvalidInput`] for a non-positive or non-finite speed, negative altitudes or a bad planet;
/// [`BallisticsError::EscapeSpeed`] at or above escape speed; [`BallisticsError::SpeedInsufficient`] when the
/// speed cannot climb from burnout to a higher re-entry altitude at all.
///
/// # Example
/// ```
/// use groundtrack::ballistics::{Planet, max_range_for_speed};
/// let earth = Planet::earth_sphere();
/// let r = max_range_for_speed(4_663.0, &earth, 0.0, 0.0).unwrap().unwrap();
/// assert!((r - 2_700e3).abs() < 2e3);
/// // Circular speed at the surface reaches everywhere.
/// let v_circ = (earth.mu_m3_s2 / earth.radius_m).sqrt();
/// assert_eq!(max_range_for_speed(v_circ * 1.001, &earth, 0.0, 0.0).unwrap(), None);
/// ```
pub fn max_range_for_speed(
    speed_mps: f64,
    planet: &Planet,
    burnout_altitude_m: f64,
    reentry_altitude_m: f64,
) -> Result<Option<f64>, BallisticsError> {
    planet.validate()?;
    check_non_negative("burnout speed", speed_mps, true)?;
    check_non_negative("burnout altitude", burnout_altitude_m, false)?;
    check_non_negative("re-entry altitude", reentry_altitude_m, false)?;
    let r_bo = planet.radius_m + burnout_altitude_m;
    let r_re = planet.radius_m + reentry_altitude_m;
    let q = speed_mps * speed_mps * r_bo / planet.mu_m3_s2; // BMW eq. 6.2-1
    if !(q < 2.0) {
        return Err(BallisticsError::EscapeSpeed {
            speed_mps,
            escape_mps: (2.0 * planet.mu_m3_s2 / r_bo).sqrt(),
        });
    }
    Ok(max_range_angle(q, r_bo, r_re, planet.mu_m3_s2)?.map(|psi| psi * planet.radius_m))
}

/// The equivalent range of a lofted or depressed trajectory: how far its burnout speed would reach on a
/// minimum-energy arc.
///
/// # Example
/// ```
/// use groundtrack::ballistics::{BoostAllowance, Planet, TrajectoryConstraint, equivalent_range};
/// let earth = Planet::earth_sphere();
/// // A depressed arc needs more speed than the minimum-energy one, so its equivalent range is longer.
/// let eq = equivalent_range(2_700e3, TrajectoryConstraint::Apogee(300e3), &earth, &BoostAllowance::none()).unwrap();
/// assert!(eq.equivalent_range_m.unwrap() > 2_700e3);
/// assert_eq!(eq.burnout_speed_mps, eq.trajectory.burnout_speed_mps);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EquivalentRange {
    /// Equivalent range in metres, on the same basis as the range given (launch point to re-entry: the burnout
    /// range of the allowance plus the longest free-flight range of the burnout speed); `None` when the speed
    /// reaches any range up to half the circumference.
    pub equivalent_range_m: Option<f64>,
    /// Burnout speed of the given trajectory, m/s.
    pub burnout_speed_mps: f64,
    /// The given (lofted or depressed) trajectory.
    pub trajectory: Trajectory,
    /// The model, spelled out.
    pub model: String,
}

/// The minimum-energy range for the burnout speed of the trajectory through `range_m` under `constraint`
/// (typically a lofted test: [`TrajectoryConstraint::Apogee`] or [`TrajectoryConstraint::FlightTime`]).
///
/// Inputs as for [`solve`]. Output: the [`EquivalentRange`]. Method: [`solve`], then [`max_range_for_speed`]
/// (BMW eq. 6.2-19 for equal altitudes). This is the "equivalent range on a standard trajectory" with which
/// D. Wright (Union of Concerned Scientists) compares lofted North Korean tests.
///
/// # Errors
/// Those of [`solve`] and [`max_range_for_speed`].
///
/// # Example
/// ```
/// use groundtrack::ballistics::{BoostAllowance, Planet, TrajectoryConstraint, equivalent_range};
/// let earth = Planet::earth_sphere();
/// let eq = equivalent_range(950e3, TrajectoryConstraint::Apogee(4_475e3), &earth, &BoostAllowance::none()).unwrap();
/// // A lofted shot to 4,475 km apogee has the speed of a much longer minimum-energy shot.
/// assert!(eq.equivalent_range_m.unwrap() > 9_000e3);
/// ```
pub fn equivalent_range(
    range_m: f64,
    constraint: TrajectoryConstraint,
    planet: &Planet,
    boost: &BoostAllowance,
) -> Result<EquivalentRange, BallisticsError> {
    let trajectory = solve(range_m, constraint, planet, boost)?;
    let free = max_range_for_speed(
        trajectory.burnout_speed_mps,
        planet,
        boost.burnout_altitude_m,
        boost.reentry_altitude_m,
    )?;
    Ok(EquivalentRange {
        equivalent_range_m: free.map(|f| f + boost.burnout_range_m),
        burnout_speed_mps: trajectory.burnout_speed_mps,
        model: trajectory.model.clone(),
        trajectory,
    })
}

/// The ellipse of a solved trajectory (for profiles), or `None` if its fields no longer describe one.
pub(crate) fn ellipse_of(traj: &Trajectory) -> Option<Ellipse> {
    Ellipse::from_burnout(
        traj.planet.mu_m3_s2,
        traj.planet.radius_m + traj.boost.burnout_altitude_m,
        traj.burnout_speed_mps,
        traj.flight_path_angle_deg.to_radians(),
    )
}
