//! Aiming over the rotating Earth: the Earth-relative azimuth, burnout speed and flight-path angle that reach a
//! given impact point.
//!
//! The shots that hit one point form a one-parameter family, and the free-flight time T is a parameter that
//! labels each member once and is well conditioned from the flattest to the steepest arc: at time T the target
//! has turned by omega T with the Earth, so the inertial arc is the Keplerian arc from the burnout point to the
//! turned target in time T (Lambert's problem, [`lambert_velocity`]); subtracting the frame velocity omega x r
//! gives the Earth-relative burnout state. The constraint then fixes T by a one-dimensional search. (Aiming by
//! Newton's method on azimuth and speed at a fixed flight-path angle loses its way on steep arcs, where the
//! azimuth barely moves the impact.)

use std::f64::consts::{PI, TAU};

use geo_types::Point;

use super::flight::Flight;
use super::lambert::lambert_velocity;
use super::vectors::{V3, compass, cross, dot, east_north, norm, omega_cross, scale, sub, unit_of};
use super::{Launch, RotatingEarth, RotatingTrajectory, propagate};
use crate::ballistics::error::check_non_negative;
use crate::ballistics::roots::{bisect_increasing, golden_min};
use crate::ballistics::{Arc, BallisticsError, BoostAllowance, TrajectoryConstraint, solve};
use crate::geodesy::{EarthModel, Sphere, normalize_longitude, validate_point};

/// Largest distance (m) between the impact of a returned solution and the target.
const HIT_TOLERANCE_M: f64 = 1e-3;

/// Ratio of successive free-flight times when walking the flight-path angle along the hits.
const ANGLE_STEP: f64 = 1.05;

/// How close (m) a returned solution's apogee is to the one asked for.
const APOGEE_TOLERANCE_M: f64 = 0.01;

/// How close (m/s) a returned solution's burnout speed is to the one asked for.
const SPEED_TOLERANCE_MPS: f64 = 1e-6;

/// Largest free-flight time (s) searched: about three years, far beyond any arc inside the Earth's sphere of
/// influence.
const MAX_FLIGHT_TIME_S: f64 = 1e8;

/// How the sense of motion (and so the transfer angle) of the inertial arc is chosen.
#[derive(Clone, Copy)]
enum Sense {
    /// About this unit normal (launch x target, Earth-fixed, the direction of travel), except when the target
    /// has turned more than a quarter turn behind burnout: then backwards, the short way.
    Reference(V3),
    /// The transfer angle below pi.
    Short,
    /// The transfer angle above pi.
    Long,
}

/// The fixed parts of an aiming problem.
struct Aim<'a> {
    launch: Point<f64>,
    /// Unit vector of the target, Earth-fixed.
    target_v: V3,
    /// Unit normal of the launch-target great circle in the direction of travel, `None` when launch and target
    /// are (nearly) the same or antipodal points.
    normal: Option<V3>,
    earth: &'a RotatingEarth,
    boost: &'a BoostAllowance,
    sphere: Sphere,
    /// Great-circle azimuth from the launch point to the target, degrees: the first launch azimuth tried.
    gc_azimuth_deg: f64,
}

/// A shot that hits the target, checked by flying it.
struct Hit {
    launch: Launch,
    flight: Flight,
}

impl Hit {
    fn apogee_m(&self) -> f64 {
        self.flight.el.highest_point(self.flight.theta_re).0 - self.flight.radius
    }
}

impl Aim<'_> {
    /// The shot that hits the target after a free flight of `t` seconds, or `None`.
    ///
    /// At time `t` the target has turned with the Earth to `r2` in the inertial frame (the one that coincides
    /// with the Earth at burnout). The inertial arc goes the way of travel (about the normal of the
    /// launch-target great circle), through whatever transfer angle the turned target needs, also beyond half a
    /// turn; only when the Earth has carried the target more than a quarter turn back past burnout (steep shots
    /// that the Earth turns under) does it go the short way backwards. This keeps the family of hits continuous
    /// in `t`. Without a great circle (target at the launch point or its antipode) both senses are tried and the
    /// hit whose Earth-relative heading points more toward the target, or else the slower, is taken. A shot is
    /// kept only if, flown ([`Flight`]), it comes down within 1 m of the target after `t` seconds (to 1 ms).
    fn shot_for_time(&self, t: f64) -> Option<Hit> {
        if !(t > 0.0 && t.is_finite()) {
            return None;
        }
        let r_re = self.earth.planet.radius_m + self.boost.reentry_altitude_m;
        let (s, c) = (self.earth.omega_rad_s * t).sin_cos();
        let tv = self.target_v;
        let r2 = scale([c * tv[0] - s * tv[1], s * tv[0] + c * tv[1], tv[2]], r_re);
        if let Some(n) = self.normal {
            return self.shot_one_way(t, r2, Sense::Reference(n)).map(|(_, h)| h);
        }
        let mut best: Option<(f64, Hit)> = None;
        for sense in [Sense::Short, Sense::Long] {
            let Some((score, hit)) = self.shot_one_way(t, r2, sense) else { continue };
            if best.as_ref().is_none_or(|(b, _)| score > *b) {
                best = Some((score, hit));
            }
        }
        best.map(|(_, h)| h)
    }

    /// The shot of [`Self::shot_for_time`] in one [`Sense`], with its heading score, if it hits.
    ///
    /// With a burnout range, the burnout point depends on the launch azimuth: the azimuth is corrected by the
    /// difference between the heading the arc needs at burnout and the heading the launch great circle has
    /// there, until they agree to 1e-11 degrees.
    fn shot_one_way(&self, t: f64, r2: V3, sense: Sense) -> Option<(f64, Hit)> {
        let planet = &self.earth.planet;
        let r_bo = planet.radius_m + self.boost.burnout_altitude_m;
        let u2 = scale(r2, 1.0 / norm(r2));
        let mut az = self.gc_azimuth_deg;
        let mut shot = None;
        for _ in 0..60 {
            let bo = self.sphere.direct(self.launch, az, self.boost.burnout_range_m).ok()?;
            let u1 = unit_of(bo.point);
            let r1 = scale(u1, r_bo);
            let short = dot(u1, u2).clamp(-1.0, 1.0).acos();
            let dnu = match sense {
                Sense::Short => short,
                Sense::Long => TAU - short,
                Sense::Reference(n) => {
                    let forward = if dot(cross(u1, u2), n) >= 0.0 { short } else { TAU - short };
                    if forward < 1.5 * PI { forward } else { short }
                }
            };
            let v_in = lambert_velocity(planet.mu_m3_s2, r1, r2, dnu, t)?;
            let v_rel = sub(v_in, omega_cross(self.earth.omega_rad_s, r1));
            let (east, north) = east_north(bo.point);
            let heading = dot(v_rel, east).atan2(dot(v_rel, north)).to_degrees();
            let correction = normalize_longitude(heading - bo.azimuth2_deg);
            if correction.abs() < 1e-11 {
                let speed = norm(v_rel);
                let horizontal = sub(v_rel, scale(u1, dot(v_rel, u1)));
                let toward = sub(self.target_v, scale(u1, dot(self.target_v, u1)));
                let score = if norm(toward) > 1e-9 {
                    dot(horizontal, toward) / (norm(horizontal) * norm(toward))
                } else {
                    -speed
                };
                let launch = Launch {
                    point: self.launch,
                    azimuth_deg: compass(az),
                    burnout_speed_mps: speed,
                    flight_path_angle_deg: (dot(v_rel, u1) / speed).clamp(-1.0, 1.0).asin().to_degrees(),
                };
                shot = Some((if score.is_nan() { f64::NEG_INFINITY } else { score }, launch));
                break;
            }
            az += correction;
        }
        let (score, launch) = shot?;
        let flight = Flight::new(&launch, self.earth, self.boost).ok()?;
        let p = flight.impact_vector();
        let miss = planet.radius_m * norm(sub(scale(p, 1.0 / norm(p)), self.target_v));
        (miss < 1.0 && (flight.t_re - t).abs() < 1e-3).then_some((score, Hit { launch, flight }))
    }

    /// A figure of the hit after `t` seconds, or NaN if there is none.
    fn figure(&self, t: f64, pick: fn(&Hit) -> f64) -> f64 {
        self.shot_for_time(t).map_or(f64::NAN, |h| pick(&h))
    }

    /// The free-flight time (s) where the increasing `g` crosses zero, bracketed by stepping out from `start`
    /// by growing factors: up while `g < 0` (NaN there: past the upper edge), down while `g > 0` (NaN: past the
    /// lower edge, the arcs that would need escape speed or would graze), then bisection.
    ///
    /// # Errors
    /// [`BallisticsError::NotConverged`] naming `what` when there is no hit at `start`, no sign change up to
    /// [`MAX_FLIGHT_TIME_S`], or the bisection ends more than `tolerance` from zero (at an edge of the arcs that
    /// reach the target, with no root before it).
    fn root_in_time(
        &self,
        start: f64,
        g: impl Fn(&Self, f64) -> f64,
        tolerance: f64,
        what: &'static str,
    ) -> Result<f64, BallisticsError> {
        let no_root = |detail: String| BallisticsError::NotConverged { what, detail };
        let g0 = g(self, start);
        if g0 == 0.0 {
            return Ok(start);
        }
        if g0.is_nan() {
            return Err(no_root(format!(
                "no arc to the target with a free flight of {start:.3} s to start from"
            )));
        }
        let up = g0 < 0.0;
        let (mut inner, mut s) = (start, 0.02);
        let outer = loop {
            let next = if up { inner * (1.0 + s) } else { inner / (1.0 + s) };
            if next > MAX_FLIGHT_TIME_S {
                return Err(no_root(format!(
                    "no sign change between free flights of {start:.3} s and {MAX_FLIGHT_TIME_S:e} s"
                )));
            }
            let gn = g(self, next);
            if gn.is_nan() || (gn >= 0.0) == up {
                break next;
            }
            inner = next;
            s *= 2.0;
        };
        let (lo, hi) = if up { (inner, outer) } else { (outer, inner) };
        let nan_as = if up { f64::INFINITY } else { f64::NEG_INFINITY };
        let t = bisect_increasing(|t| g(self, t), lo, hi, 0.0, nan_as);
        let residual = g(self, t);
        if !(residual.abs() <= tolerance) {
            return Err(no_root(format!(
                "no arc over the rotating Earth to the target meets it: the search ended at the edge of the arcs \
                 that come down on the target (a free flight of {t:.3} s), {} from the value asked for",
                if residual.is_nan() { "with no arc there".to_string() } else { format!("{residual:+.6}") }
            )));
        }
        Ok(t)
    }

    /// The first maximum of the Earth-relative flight-path angle (deg) of the hits at and after a free flight of
    /// `start` s: (time, angle), walking up a geometric grid while the angle grows, then a golden-section
    /// refinement. A peak at 90 degrees (the shot straight up, Earth-relative, whose azimuth flips there) has no
    /// shot at its top; the best one found is kept.
    fn angle_peak(&self, start: f64) -> Option<(f64, f64)> {
        let phi = |t: f64| self.figure(t, |h| h.launch.flight_path_angle_deg);
        let (mut t, mut v) = (start, phi(start));
        if v.is_nan() {
            return None;
        }
        loop {
            let next = t * ANGLE_STEP;
            let vn = phi(next);
            if !(vn > v) || next > MAX_FLIGHT_TIME_S {
                break;
            }
            (t, v) = (next, vn);
        }
        let (a, b) = (t / ANGLE_STEP, t * ANGLE_STEP);
        let refined = golden_min(|x| -phi(x), a, b, 1e-12 * b);
        [(refined, phi(refined)), (t, v)]
            .into_iter()
            .filter(|(_, v)| v.is_finite())
            .max_by(|p, q| p.1.total_cmp(&q.1))
    }

    /// The flattest hit at or before a free flight of `start` s: (time, Earth-relative flight-path angle deg),
    /// walking down a geometric grid to the first time without a hit (the arc would need escape speed or would
    /// graze the re-entry altitude), then bisection on that edge.
    fn angle_edge(&self, start: f64) -> Option<(f64, f64)> {
        let phi = |t: f64| self.figure(t, |h| h.launch.flight_path_angle_deg);
        let (mut good, mut bad) = (start, start / ANGLE_STEP);
        if phi(good).is_nan() {
            return None;
        }
        while !phi(bad).is_nan() {
            (good, bad) = (bad, bad / ANGLE_STEP);
            if bad < 1e-3 {
                return Some((good, phi(good)));
            }
        }
        for _ in 0..200 {
            let mid = 0.5 * (good + bad);
            if mid <= bad || mid >= good {
                break;
            }
            if phi(mid).is_nan() { bad = mid } else { good = mid }
        }
        Some((good, phi(good)))
    }

    /// The free-flight time (s) of the hit whose Earth-relative flight-path angle is `p` degrees.
    ///
    /// Over the rotating Earth the angle does not grow without bound with the flight time as it does without
    /// rotation: the Earth turns under a steep shot, which must then be fired flatter to come down on the
    /// target, so the angle peaks at some flight time and falls after it. The arcs taken are those of the
    /// stretch through `start` (the non-rotating solution's time) on which the angle rises with the time: from
    /// `start` a geometric grid is walked toward `p` (up while the angle is below it and still rising, down while
    /// it is above), and the crossing is bisected.
    ///
    /// # Errors
    /// [`BallisticsError::OutOfReach`] with the interval of that stretch (from its flattest hit to its peak) when
    /// `p` lies outside it; [`BallisticsError::NotConverged`] when there is no hit at `start`.
    fn flight_path_angle_time(&self, start: f64, p: f64, range_m: f64) -> Result<f64, BallisticsError> {
        let phi = |t: f64| self.figure(t, |h| h.launch.flight_path_angle_deg);
        let crossing = |lo: f64, hi: f64| bisect_increasing(|x| phi(x) - p, lo, hi, 0.0, f64::NEG_INFINITY);
        let out_of_reach = || {
            let (low, high) = (self.angle_edge(start), self.angle_peak(start));
            BallisticsError::OutOfReach {
                quantity: "flight-path angle",
                value: p,
                unit: "deg",
                low: low.map_or(f64::NAN, |x| x.1),
                high: high.map_or(f64::NAN, |x| x.1),
                range_m,
                note: format!(
                    " (Earth-relative, over the rotating Earth, for the arcs that continue the non-rotating ones); \
                     at the low end the arc grazes the surface at orbital speed or needs escape speed, at the high \
                     end (a free flight of {:.1} s) the Earth turns under a steeper shot so far that it comes down \
                     short of the target",
                    high.map_or(f64::NAN, |x| x.0)
                ),
            }
        };
        let (mut t, mut v) = (start, phi(start));
        if v.is_nan() {
            return Err(BallisticsError::NotConverged {
                what: "flight-path-angle aiming",
                detail: format!(
                    "no arc over the rotating Earth reaches the target after a free flight of {start:.3} s"
                ),
            });
        }
        if v == p {
            return Ok(start);
        }
        let up = v < p;
        loop {
            let next = if up { t * ANGLE_STEP } else { t / ANGLE_STEP };
            let vn = phi(next);
            if up && vn >= p {
                return Ok(crossing(t, next));
            }
            if !up && vn <= p {
                return Ok(crossing(next, t));
            }
            if vn.is_nan() || next > MAX_FLIGHT_TIME_S || (up && !(vn > v)) {
                // Past the peak (up) or the flattest hit (down): between grid points the peak may still reach
                // p, or the edge come down to it.
                if up && let Some((t_peak, _)) = self.angle_peak(t).filter(|x| x.1 >= p) {
                    return Ok(crossing(t, t_peak.max(t)));
                }
                if !up && let Some((t_edge, _)) = self.angle_edge(t).filter(|x| x.1 <= p) {
                    return Ok(crossing(t_edge, t));
                }
                return Err(out_of_reach());
            }
            (t, v) = (next, vn);
        }
    }

    /// The free-flight time (s) of the hit of least Earth-relative burnout speed: golden-section search around
    /// `start`, moving the bracket while the least value sits at one of its ends.
    fn min_energy_time(&self, start: f64) -> Result<f64, BallisticsError> {
        let speed = |t: f64| self.figure(t, |h| h.launch.burnout_speed_mps);
        let (mut lo, mut hi) = (start / 1.5, start * 1.5);
        for _ in 0..8 {
            let t = golden_min(speed, lo, hi, 1e-10 * hi);
            let width = hi - lo;
            if t - lo < 0.01 * width {
                (lo, hi) = (t / 1.5, t * 1.1);
            } else if hi - t < 0.01 * width {
                (lo, hi) = (t / 1.1, t * 1.5);
            } else {
                let v = speed(t);
                let neighbours = [speed(t * (1.0 - 1e-3)), speed(t * (1.0 + 1e-3))];
                if v.is_finite() && neighbours.iter().all(|n| n.is_nan() || *n >= v) {
                    return Ok(t);
                }
                break;
            }
        }
        Err(BallisticsError::NotConverged {
            what: "minimum-energy aiming",
            detail: format!("no least burnout speed found near a free flight of {start:.3} s"),
        })
    }
}

/// Finds the Earth-relative launch azimuth, burnout speed and flight-path angle that put the point under the
/// missile at re-entry on `impact`, under one `constraint`, over the rotating Earth.
///
/// Inputs: launch and impact points (lon, lat degrees); the constraint, read for the rotating Earth (burnout speed
/// and flight-path angle Earth-relative; minimum energy = least Earth-relative burnout speed; apogee altitude;
/// free-flight time); the rotating `earth`; the `boost` allowance; the ground-track step (s).
/// Output: the [`RotatingTrajectory`] of the solution, with the azimuth offset from the great circle, the ground
/// track and its largest lateral deviation. The launch azimuth is in [0, 360) degrees.
///
/// Method: the shots that hit the target are labelled by their free-flight time T. For each T the inertial arc
/// from burnout to the target, turned by omega T with the Earth, is the solution of Lambert's problem by
/// universal variables (Bate, Mueller, White 1971, sec. 5.3); the Earth-relative burnout state is its velocity
/// less omega x r (BMW sec. 6.4); with a burnout range the launch azimuth is iterated until the launch great
/// circle has the arc's heading at burnout. The constraint fixes T: directly (flight time), by golden-section
/// search (minimum Earth-relative speed), or by a bracketed bisection started from the non-rotating solution
/// ([`solve`]) over the great-circle range (apogee, and speed on either side of the minimum-energy arc, which
/// grow with T; the flight-path angle, which grows with T only up to a peak over the rotating Earth: the Earth
/// turns under steeper shots, so the angles beyond the peak are out of reach). The answer is verified before it
/// is returned: the shot is flown ([`propagate`]) and must come down within 1 mm of the target and meet the
/// constraint (apogee to 1 cm, time to 1 microsecond, flight-path angle to 1e-8 degrees, speed to 1e-6 m/s,
/// least speed against its neighbours).
///
/// # Errors
/// Those of [`solve`] for the non-rotating problem over the great-circle range (an infeasible constraint is
/// reported with the non-rotating feasible interval); [`BallisticsError::OutOfReach`] for a flight-path angle
/// beyond the rotating interval (given); [`BallisticsError::SpeedInsufficient`] when the burnout speed is below
/// the rotating minimum-energy speed; [`BallisticsError::NoSuchArc`] when the requested arc does not exist (a low
/// arc that would have to leave below the horizon); [`BallisticsError::NotConverged`] when no shot over the
/// rotating Earth meets the constraint or the answer fails its verification (the message gives the residual),
/// for example for arcs that graze the re-entry altitude, whose impact point is ill-conditioned, or flights so
/// long that the Earth turns a good part of a turn under them.
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
/// // A steep lofted arc: the requested apogee, with the azimuth a compass direction.
/// let lofted = aim(sunan, Point::new(143.24833, 41.92444), TrajectoryConstraint::Apogee(4_475e3),
///     &RotatingEarth::earth(), &BoostAllowance::none(), 60.0).unwrap();
/// assert!((lofted.apogee_m - 4_475e3).abs() < 0.01);
/// assert!((0.0..360.0).contains(&lofted.launch.azimuth_deg));
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
    let sphere = Sphere::new(planet.radius_m);
    let gc = sphere.inverse(launch_point, impact)?;
    let first = match constraint {
        TrajectoryConstraint::BurnoutSpeed { .. } => TrajectoryConstraint::MinimumEnergy,
        c => c,
    };
    let start = solve(gc.distance_m, first, planet, boost)?;
    let normal = cross(unit_of(launch_point), unit_of(impact));
    let ctx = Aim {
        launch: launch_point,
        target_v: unit_of(impact),
        normal: (norm(normal) > 1e-9).then(|| scale(normal, 1.0 / norm(normal))),
        earth,
        boost,
        sphere,
        gc_azimuth_deg: gc.azimuth1_deg,
    };
    let t0 = start.flight_time_s;
    let mut min_energy_t = None;
    let t = match constraint {
        TrajectoryConstraint::FlightTime(t) => t,
        TrajectoryConstraint::MinimumEnergy => ctx.min_energy_time(t0)?,
        TrajectoryConstraint::Apogee(h) => {
            ctx.root_in_time(t0, |c, t| c.figure(t, Hit::apogee_m) - h, APOGEE_TOLERANCE_M, "apogee")?
        }
        TrajectoryConstraint::FlightPathAngle(p) => ctx.flight_path_angle_time(t0, p, start.range_m)?,
        TrajectoryConstraint::BurnoutSpeed { speed_mps, arc } => {
            check_non_negative("burnout speed", speed_mps, true)?;
            let t_me = ctx.min_energy_time(t0)?;
            min_energy_t = Some(t_me);
            let v_me = ctx.figure(t_me, |h| h.launch.burnout_speed_mps);
            if !(speed_mps >= v_me * (1.0 - 1e-9)) {
                return Err(BallisticsError::SpeedInsufficient {
                    speed_mps,
                    range_m: gc.distance_m,
                    min_mps: v_me,
                    escape_mps: (2.0 * planet.mu_m3_s2 / (planet.radius_m + boost.burnout_altitude_m)).sqrt(),
                });
            }
            let name = match arc {
                Arc::High => "high",
                Arc::Low => "low",
            };
            let no_arc = || BallisticsError::NoSuchArc {
                arc: name,
                speed_mps,
                range_m: gc.distance_m,
                reason: format!("no {name} arc at this speed reaches the point over the rotating Earth"),
            };
            if speed_mps <= v_me {
                t_me
            } else {
                let speed = |c: &Aim, t: f64| c.figure(t, |h| h.launch.burnout_speed_mps);
                // Speed grows away from the minimum on either side: later for the high arc, earlier for the low.
                let found = match arc {
                    Arc::High => ctx.root_in_time(
                        t_me,
                        |c, t| speed(c, t) - speed_mps,
                        SPEED_TOLERANCE_MPS,
                        "burnout speed",
                    ),
                    Arc::Low => ctx.root_in_time(
                        t_me,
                        |c, t| speed_mps - speed(c, t),
                        SPEED_TOLERANCE_MPS,
                        "burnout speed",
                    ),
                };
                let t = found.map_err(|_| no_arc())?;
                if (arc == Arc::High) != (t > t_me) {
                    return Err(no_arc());
                }
                t
            }
        }
    };
    let hit = ctx.shot_for_time(t).ok_or_else(|| BallisticsError::NotConverged {
        what: "aiming over the rotating Earth",
        detail: format!(
            "no elliptic arc over the rotating Earth reaches the impact point after a free flight of {t:.3} s: the \
             constraint has no solution there, or the arc's plane is undetermined (a target at or near the \
             antipode of burnout)"
        ),
    })?;
    let rt = propagate(&hit.launch, earth, boost, track_step_s)?;
    verify(&rt, impact, constraint, &ctx, t, min_energy_t)?;
    Ok(rt)
}

/// Checks a solution before it is returned: the impact within [`HIT_TOLERANCE_M`] of the target, the constraint
/// met, the azimuth in [0, 360).
fn verify(
    rt: &RotatingTrajectory,
    impact: Point<f64>,
    constraint: TrajectoryConstraint,
    ctx: &Aim,
    t: f64,
    min_energy_t: Option<f64>,
) -> Result<(), BallisticsError> {
    let fail = |detail: String| {
        Err(BallisticsError::NotConverged { what: "aiming over the rotating Earth", detail })
    };
    let miss = ctx.sphere.inverse(rt.impact, impact)?.distance_m;
    if !(miss <= HIT_TOLERANCE_M) {
        return fail(format!("the solution misses the impact point by {miss:.6} m"));
    }
    if !(0.0..360.0).contains(&rt.launch.azimuth_deg) {
        return fail(format!("launch azimuth {} deg outside [0, 360)", rt.launch.azimuth_deg));
    }
    let (quantity, got, want, tolerance, unit) = match constraint {
        TrajectoryConstraint::Apogee(h) => ("apogee", rt.apogee_m, h, APOGEE_TOLERANCE_M, "m"),
        TrajectoryConstraint::FlightTime(s) => ("flight time", rt.flight_time_s, s, 1e-6, "s"),
        TrajectoryConstraint::FlightPathAngle(p) => {
            ("flight-path angle", rt.launch.flight_path_angle_deg, p, 1e-8, "deg")
        }
        TrajectoryConstraint::BurnoutSpeed { speed_mps, .. } => {
            let me = min_energy_t.unwrap_or(t);
            let v_me = ctx.figure(me, |h| h.launch.burnout_speed_mps);
            // At or below the least speed the minimum-energy arc is the answer.
            let want = if speed_mps <= v_me { v_me } else { speed_mps };
            ("burnout speed", rt.launch.burnout_speed_mps, want, SPEED_TOLERANCE_MPS, "m/s")
        }
        TrajectoryConstraint::MinimumEnergy => {
            let v = rt.launch.burnout_speed_mps;
            for n in [t * (1.0 - 1e-3), t * (1.0 + 1e-3)] {
                let vn = ctx.figure(n, |h| h.launch.burnout_speed_mps);
                if vn < v {
                    return fail(format!(
                        "burnout speed {v} m/s is not the least: {vn} m/s after a free flight of {n:.3} s"
                    ));
                }
            }
            return Ok(());
        }
    };
    if !((got - want).abs() <= tolerance) {
        return fail(format!(
            "no shot over the rotating Earth has {quantity} {want} {unit}: the search ended at {got} {unit} (free \
             flight {t:.3} s)"
        ));
    }
    Ok(())
}
