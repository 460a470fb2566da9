//! Aiming over the rotating Earth: the Earth-relative azimuth, burnout speed and flight-path angle that reach a
//! given impact point.

use geo_types::Point;

use super::flight::Flight;
use super::vectors::{V3, dot, east_north, norm, scale, sub, unit_of};
use super::{Launch, RotatingEarth, RotatingTrajectory, propagate};
use crate::ballistics::error::check_non_negative;
use crate::ballistics::roots::{bisect_increasing, golden_min};
use crate::ballistics::{Arc, BallisticsError, BoostAllowance, TrajectoryConstraint, solve};
use crate::geodesy::{EarthModel, Sphere, validate_point};

/// The fixed parts of an aiming problem.
struct Aim<'a> {
    launch: Point<f64>,
    target_v: V3,
    target_east: V3,
    target_north: V3,
    earth: &'a RotatingEarth,
    boost: &'a BoostAllowance,
    /// Last converged (azimuth deg, speed m/s), the start of the next Newton iteration.
    guess: (f64, f64),
}

/// Residual below which a shot counts as a hit, metres.
const HIT_TOLERANCE_M: f64 = 1e-6;

impl Aim<'_> {
    /// East and north miss (m) at the target of the shot (azimuth, speed, flight-path angle in degrees).
    fn miss(&self, az: f64, v: f64, phi_deg: f64) -> Option<[f64; 2]> {
        let launch = Launch {
            point: self.launch,
            azimuth_deg: az,
            burnout_speed_mps: v,
            flight_path_angle_deg: phi_deg,
        };
        let f = Flight::new(&launch, self.earth, self.boost).ok()?;
        let p = f.impact_vector();
        let d = sub(scale(p, 1.0 / norm(p)), self.target_v);
        let r = self.earth.planet.radius_m;
        Some([r * dot(d, self.target_east), r * dot(d, self.target_north)])
    }

    /// The (azimuth, speed) that hit the target at flight-path angle `phi_deg`: Newton's method on the 2-D miss
    /// with a forward-difference Jacobian and step halving.
    fn hit(&mut self, phi_deg: f64) -> Result<(f64, f64), BallisticsError> {
        let (mut az, mut v) = self.guess;
        let not_converged = |detail: String| BallisticsError::NotConverged { what: "aiming", detail };
        let mut m = self.miss(az, v, phi_deg).ok_or_else(|| {
            not_converged(format!("no arc at flight-path angle {phi_deg} deg from the first guess"))
        })?;
        let size = |m: [f64; 2]| m[0].hypot(m[1]);
        for _ in 0..60 {
            if size(m) < HIT_TOLERANCE_M {
                self.guess = (az, v);
                return Ok((az, v));
            }
            let (da, dv) = (1e-4, 1e-2);
            let ma = self.miss(az + da, v, phi_deg).ok_or_else(|| not_converged("Jacobian".into()))?;
            let mv = self.miss(az, v + dv, phi_deg).ok_or_else(|| not_converged("Jacobian".into()))?;
            let j = [[(ma[0] - m[0]) / da, (mv[0] - m[0]) / dv], [(ma[1] - m[1]) / da, (mv[1] - m[1]) / dv]];
            let det = j[0][0] * j[1][1] - j[0][1] * j[1][0];
            if !(det.abs() > 0.0 && det.is_finite()) {
                return Err(not_converged(format!("singular Jacobian at flight-path angle {phi_deg} deg")));
            }
            let step_az = -(j[1][1] * m[0] - j[0][1] * m[1]) / det;
            let step_v = -(-j[1][0] * m[0] + j[0][0] * m[1]) / det;
            let mut lambda = 1.0;
            let mut accepted = false;
            for _ in 0..30 {
                let (na, nv) = (az + lambda * step_az, v + lambda * step_v);
                if let Some(nm) = self.miss(na, nv, phi_deg).filter(|nm| size(*nm) < size(m)) {
                    (az, v, m) = (na, nv, nm);
                    accepted = true;
                    break;
                }
                lambda /= 2.0;
            }
            if !accepted {
                break;
            }
        }
        if size(m) < 1e-3 {
            // Rounding can stall the last micrometres; a sub-millimetre hit is kept.
            self.guess = (az, v);
            return Ok((az, v));
        }
        Err(not_converged(format!("miss of {:.3} m left at flight-path angle {phi_deg} deg", size(m))))
    }

    /// A figure of the trajectory that hits at `phi_deg`, or NaN if there is none.
    fn figure(&mut self, phi_deg: f64, pick: fn(&Flight) -> f64) -> f64 {
        match self.hit(phi_deg) {
            Ok((az, v)) => {
                let launch = Launch {
                    point: self.launch,
                    azimuth_deg: az,
                    burnout_speed_mps: v,
                    flight_path_angle_deg: phi_deg,
                };
                Flight::new(&launch, self.earth, self.boost).map_or(f64::NAN, |f| pick(&f))
            }
            Err(_) => f64::NAN,
        }
    }

    /// The flight-path angle (deg) where the increasing `g` crosses zero, bracketed by stepping out from `start`:
    /// up while `g < 0` (NaN there means past the upper edge), down while `g > 0` (NaN: past the lower edge).
    fn root(
        &mut self,
        start: f64,
        mut g: impl FnMut(&mut Self, f64) -> f64,
        what: &'static str,
    ) -> Result<f64, BallisticsError> {
        let g0 = g(self, start);
        if g0 == 0.0 {
            return Ok(start);
        }
        if g0.is_nan() {
            return Err(BallisticsError::NotConverged { what, detail: format!("no arc at {start} deg") });
        }
        let up = g0 < 0.0;
        let (mut inner, mut step) = (start, 0.25);
        let no_root = |detail: String| BallisticsError::NotConverged { what, detail };
        let outer = loop {
            let next = if up { (inner + step).min(89.999) } else { (inner - step).max(-89.999) };
            let gn = g(self, next);
            if gn.is_nan() || (gn >= 0.0) == up {
                break next;
            }
            if next.abs() >= 89.999 {
                return Err(no_root(format!("no sign change between {start} and {next} deg")));
            }
            inner = next;
            step *= 2.0;
        };
        let (lo, hi) = if up { (inner, outer) } else { (outer, inner) };
        let nan_as = if up { f64::INFINITY } else { f64::NEG_INFINITY };
        let phi = bisect_increasing(|p| g(self, p), lo, hi, 1e-9, nan_as);
        if g(self, phi).is_nan() {
            return Err(no_root(format!("no arc at the root between {lo} and {hi} deg")));
        }
        Ok(phi)
    }
}

/// Finds the Earth-relative launch azimuth, burnout speed and flight-path angle that put the point under the
/// missile at re-entry on `impact`, under one `constraint`, over the rotating Earth.
///
/// Inputs: launch and impact points (lon, lat degrees); the constraint, read for the rotating Earth (burnout speed
/// and flight-path angle Earth-relative; minimum energy = least Earth-relative burnout speed; apogee altitude;
/// free-flight time); the rotating `earth`; the `boost` allowance; the ground-track step (s).
/// Output: the [`RotatingTrajectory`] of the solution, with the azimuth offset from the great circle, the ground
/// track and its largest lateral deviation.
///
/// Method: for a fixed flight-path angle, Newton's method on (azimuth, speed) drives the east/north miss at the
/// target under 1 micrometre, starting from the great-circle azimuth and the non-rotating solution ([`solve`]); the
/// constraint then fixes the flight-path angle by golden-section search (minimum energy) or bisection (apogee,
/// time, speed; each is monotonic on either side of the minimum-energy angle).
///
/// # Errors
/// Those of [`solve`] for the non-rotating problem over the great-circle range (an infeasible constraint is
/// reported with the non-rotating feasible interval); [`BallisticsError::SpeedInsufficient`] when the burnout
/// speed is below the rotating minimum-energy speed; [`BallisticsError::NoSuchArc`] when the requested arc does
/// not exist; [`BallisticsError::NotConverged`] if the iteration fails (for example near the poles or near
/// half the circumference).
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::ballistics::{BoostAllowance, TrajectoryConstraint};
/// use groundtrack::ballistics::rotation::{RotatingEarth, aim};
/// let sunan = Point::new(125.67, 39.2241);
/// let target = Point::new(157.347356, 41.050790);
/// let t = aim(sunan, target, TrajectoryConstraint::FlightPathAngle(38.0), &RotatingEarth::earth(),
///     &BoostAllowance::none(), 30.0).unwrap();
/// let miss = (t.impact.x() - target.x()).hypot(t.impact.y() - target.y());
/// assert!(miss < 1e-6);
/// // Fired eastward, the Earth's spin carries the missile: less speed is needed than without rotation.
/// assert!(t.range_gain_m.unwrap() > 0.0);
/// ```
pub fn aim(
    launch_point: Point<f64>,
    impact: Point<f64>,
    constraint: TrajectoryConstraint,
    earth: &RotatingEarth,
    boost: &BoostAllowance,
    track_step_s: f64,
) -> Result<RotatingTrajectory, BallisticsError> {
    earth.validate()?;
    boost.validate()?;
    validate_point(launch_point)?;
    validate_point(impact)?;
    let planet = &earth.planet;
    let gc = Sphere::new(planet.radius_m).inverse(launch_point, impact)?;
    let first = match constraint {
        TrajectoryConstraint::BurnoutSpeed { .. } => TrajectoryConstraint::MinimumEnergy,
        c => c,
    };
    let start = solve(gc.distance_m, first, planet, boost)?;
    let (target_east, target_north) = east_north(impact);
    let mut ctx = Aim {
        launch: launch_point,
        target_v: unit_of(impact),
        target_east,
        target_north,
        earth,
        boost,
        guess: (gc.azimuth1_deg, start.burnout_speed_mps),
    };
    let phi0 = start.flight_path_angle_deg;
    let speed = |ctx: &mut Aim, p: f64| ctx.hit(p).map_or(f64::NAN, |(_, v)| v);
    let min_energy = |ctx: &mut Aim, around: f64| {
        golden_min(|p| speed(ctx, p), (around - 10.0).max(-89.0), (around + 10.0).min(89.0), 1e-6)
    };
    let phi = match constraint {
        TrajectoryConstraint::FlightPathAngle(p) => p,
        TrajectoryConstraint::MinimumEnergy => min_energy(&mut ctx, phi0),
        TrajectoryConstraint::Apogee(h) => {
            ctx.root(phi0, |c, p| c.figure(p, |f| f.el.highest_point(f.theta_re).0 - f.radius) - h, "apogee")?
        }
        TrajectoryConstraint::FlightTime(t) => {
            ctx.root(phi0, |c, p| c.figure(p, |f| f.t_re) - t, "flight time")?
        }
        TrajectoryConstraint::BurnoutSpeed { speed_mps, arc } => {
            check_non_negative("burnout speed", speed_mps, true)?;
            let phi_me = min_energy(&mut ctx, phi0);
            let v_me = speed(&mut ctx, phi_me);
            if !(speed_mps >= v_me * (1.0 - 1e-9)) {
                return Err(BallisticsError::SpeedInsufficient {
                    speed_mps,
                    range_m: gc.distance_m,
                    min_mps: v_me,
                    escape_mps: (2.0 * planet.mu_m3_s2 / (planet.radius_m + boost.burnout_altitude_m)).sqrt(),
                });
            }
            let (name, sign) = match arc {
                Arc::High => ("high", 1.0),
                Arc::Low => ("low", -1.0),
            };
            // On the chosen side of the minimum, speed grows away from it: g increasing in sign * (p - phi_me).
            let g = |c: &mut Aim, p: f64| sign * (speed(c, p) - speed_mps);
            ctx.root(phi_me, g, "burnout-speed constraint").map_err(|_| BallisticsError::NoSuchArc {
                arc: name,
                speed_mps,
                range_m: gc.distance_m,
                reason: format!("no {name} arc at this speed reaches the point over the rotating Earth"),
            })?
        }
    };
    let (az, v) = ctx.hit(phi)?;
    let launch =
        Launch { point: launch_point, azimuth_deg: az, burnout_speed_mps: v, flight_path_angle_deg: phi };
    propagate(&launch, earth, boost, track_step_s)
}
