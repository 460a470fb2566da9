//! The state along a solved trajectory at a given time: for profile tables and plots.

use serde::Serialize;

use super::solve::ellipse_of;
use super::{BallisticsError, Trajectory};

/// The state of the missile at one instant of free flight (no rotation).
///
/// # Example
/// ```
/// use groundtrack::ballistics::{BoostAllowance, Planet, TrajectoryConstraint, solve, state_at};
/// let t = solve(2_700e3, TrajectoryConstraint::MinimumEnergy, &Planet::earth_sphere(), &BoostAllowance::none())
///     .unwrap();
/// let s = state_at(&t, 0.0);
/// assert!(s.downrange_m.abs() < 1e-6 && s.altitude_m.abs() < 1e-6);
/// assert!((s.flight_path_angle_deg - t.flight_path_angle_deg).abs() < 1e-9);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct FlightState {
    /// Time since burnout, seconds (add `boost.boost_time_s` for time since launch).
    pub time_s: f64,
    /// Ground range from the burnout point to the point under the missile, metres (add `boost.burnout_range_m`
    /// for range from the launch point).
    pub downrange_m: f64,
    /// Altitude above the sphere, metres.
    pub altitude_m: f64,
    /// Speed, m/s.
    pub speed_mps: f64,
    /// Flight-path angle, degrees above the local horizontal (negative coming down).
    pub flight_path_angle_deg: f64,
}

/// The state at `t_s` seconds after burnout on `traj`.
///
/// Input: a trajectory from [`super::solve`]; time since burnout in seconds, clamped to
/// `[0, traj.flight_time_s]` (NaN counts as 0). Output: the [`FlightState`]. If the trajectory's fields were
/// edited into something that is not an ellipse, every field but the time is NaN.
///
/// Method: Kepler's equation solved for the eccentric anomaly at the time (BMW sec. 4.2), then the trajectory
/// equation for the radius and the vis-viva integral for the speed.
///
/// # Example
/// ```
/// use groundtrack::ballistics::{BoostAllowance, Planet, TrajectoryConstraint, solve, state_at};
/// let t = solve(2_700e3, TrajectoryConstraint::MinimumEnergy, &Planet::earth_sphere(), &BoostAllowance::none())
///     .unwrap();
/// // The symmetric arc is at apogee halfway through, level and above mid-range.
/// let mid = state_at(&t, t.flight_time_s / 2.0);
/// assert!((mid.altitude_m - t.apogee_m).abs() < 1e-3);
/// assert!((mid.downrange_m - t.range_m / 2.0).abs() < 1e-3);
/// assert!(mid.flight_path_angle_deg.abs() < 1e-8);
/// ```
pub fn state_at(traj: &Trajectory, t_s: f64) -> FlightState {
    let t = if t_s.is_nan() { 0.0 } else { t_s.clamp(0.0, traj.flight_time_s.max(0.0)) };
    let Some(el) = ellipse_of(traj) else {
        return FlightState {
            time_s: t,
            downrange_m: f64::NAN,
            altitude_m: f64::NAN,
            speed_mps: f64::NAN,
            flight_path_angle_deg: f64::NAN,
        };
    };
    let theta = el.angle_at(t);
    FlightState {
        time_s: t,
        downrange_m: theta * traj.planet.radius_m,
        altitude_m: el.radius_at(theta) - traj.planet.radius_m,
        speed_mps: el.speed_at(theta),
        flight_path_angle_deg: el.flight_path_angle_at(theta).to_degrees(),
    }
}

/// Most states [`profile`] returns (a guard against a time step so small that the table would not fit in memory).
///
/// # Example
/// ```
/// use groundtrack::ballistics::{BoostAllowance, MAX_PROFILE_POINTS, Planet, TrajectoryConstraint, profile, solve};
/// let t = solve(2_700e3, TrajectoryConstraint::MinimumEnergy, &Planet::earth_sphere(), &BoostAllowance::none())
///     .unwrap();
/// assert!(profile(&t, t.flight_time_s / (2.0 * MAX_PROFILE_POINTS as f64)).is_err());
/// ```
pub const MAX_PROFILE_POINTS: usize = 1_000_000;

/// The states every `step_s` seconds from burnout, and at re-entry.
///
/// Input: a trajectory and a time step in seconds (> 0). Output: states at 0, step, 2 step, ... and a last one
/// at `traj.flight_time_s` exactly (so the table always ends at re-entry).
///
/// # Errors
/// [`BallisticsError::InvalidInput`] if `step_s` is not a finite positive number or would give more than
/// [`MAX_PROFILE_POINTS`] states.
///
/// # Example
/// ```
/// use groundtrack::ballistics::{BoostAllowance, Planet, TrajectoryConstraint, profile, solve};
/// let t = solve(1_000e3, TrajectoryConstraint::MinimumEnergy, &Planet::earth_sphere(), &BoostAllowance::none())
///     .unwrap();
/// let rows = profile(&t, 60.0).unwrap();
/// assert_eq!(rows[0].time_s, 0.0);
/// assert_eq!(rows.last().unwrap().time_s, t.flight_time_s);
/// assert!(rows.last().unwrap().altitude_m.abs() < 1e-3);
/// ```
pub fn profile(traj: &Trajectory, step_s: f64) -> Result<Vec<FlightState>, BallisticsError> {
    let total = traj.flight_time_s.max(0.0);
    let count = total / step_s;
    if !(step_s.is_finite() && step_s > 0.0 && count < MAX_PROFILE_POINTS as f64) {
        return Err(BallisticsError::InvalidInput {
            what: "profile time step",
            value: step_s,
            expected: format!(
                "a finite step > 0 s giving at most {MAX_PROFILE_POINTS} points over {total:.1} s"
            ),
        });
    }
    let n = count.floor() as usize;
    let mut rows: Vec<FlightState> = (0..=n).map(|i| state_at(traj, i as f64 * step_s)).collect();
    if rows.last().is_none_or(|s| s.time_s < total) {
        rows.push(state_at(traj, total));
    }
    Ok(rows)
}

/// The time after burnout at which the missile is above the ground point `downrange_m` from burnout.
///
/// Input: a trajectory from [`super::solve`] and a free-flight ground range in metres (clamped to
/// `[0, traj.range_m]`). Output: seconds since burnout. Method: bisection on [`state_at`], whose downrange
/// grows monotonically with time on a Keplerian arc (the true anomaly grows monotonically, BMW sec. 4.2); 60
/// halvings of the flight time leave an error far below a millisecond.
///
/// # Example
/// ```
/// use groundtrack::ballistics::{BoostAllowance, Planet, TrajectoryConstraint, solve, time_at_downrange};
/// let t = solve(2_700e3, TrajectoryConstraint::MinimumEnergy, &Planet::earth_sphere(), &BoostAllowance::none())
///     .unwrap();
/// // The symmetric arc passes mid-range at half its flight time.
/// assert!((time_at_downrange(&t, 1_350e3) - t.flight_time_s / 2.0).abs() < 1e-6);
/// ```
pub fn time_at_downrange(traj: &Trajectory, downrange_m: f64) -> f64 {
    let x = if downrange_m.is_nan() { 0.0 } else { downrange_m.clamp(0.0, traj.range_m) };
    let (mut lo, mut hi) = (0.0, traj.flight_time_s);
    for _ in 0..60 {
        let mid = 0.5 * (lo + hi);
        if state_at(traj, mid).downrange_m < x {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}
