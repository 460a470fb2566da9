//! One shot's free flight over the rotating Earth: the inertial Kepler ellipse of the Earth-relative burnout
//! state, and positions turned back into Earth-fixed coordinates.

use std::f64::consts::TAU;

use geo_types::Point;

use super::vectors::{V3, add, dot, east_north, norm, omega_cross, scale, sub, to_earth_fixed, unit_of};
use super::{Launch, RotatingEarth};
use crate::ballistics::error::check_non_negative;
use crate::ballistics::kepler::Ellipse;
use crate::ballistics::{BallisticsError, BoostAllowance};
use crate::geodesy::{EarthModel, Sphere, validate_point};

/// One shot's free flight: the inertial ellipse and the frame that places it in space.
pub(super) struct Flight {
    pub(super) el: Ellipse,
    /// Burnout radius direction (inertial = Earth-fixed at burnout time).
    pub(super) u0: V3,
    /// In-plane horizontal direction of inertial motion at burnout.
    pub(super) t0: V3,
    pub(super) omega: f64,
    pub(super) radius: f64,
    /// Angle from burnout to re-entry in the orbit plane, radians.
    pub(super) theta_re: f64,
    /// Time from burnout to re-entry, s.
    pub(super) t_re: f64,
    pub(super) burnout_point: Point<f64>,
    pub(super) burnout_azimuth_deg: f64,
    /// Earth-relative burnout speed and flight-path angle (radians).
    pub(super) v_rel: f64,
    pub(super) phi_rel: f64,
}

impl Flight {
    pub(super) fn new(
        launch: &Launch,
        earth: &RotatingEarth,
        boost: &BoostAllowance,
    ) -> Result<Self, BallisticsError> {
        validate_point(launch.point)?;
        if !launch.azimuth_deg.is_finite() {
            return Err(BallisticsError::InvalidInput {
                what: "launch azimuth",
                value: launch.azimuth_deg,
                expected: "a finite number of degrees".to_string(),
            });
        }
        check_non_negative("burnout speed", launch.burnout_speed_mps, true)?;
        let phi_deg = launch.flight_path_angle_deg;
        if !(phi_deg.is_finite() && phi_deg.abs() < 90.0) {
            return Err(BallisticsError::InvalidInput {
                what: "flight-path angle",
                value: phi_deg,
                expected: "an angle in (-90, 90) degrees".to_string(),
            });
        }
        let planet = earth.planet;
        let radius = planet.radius_m;
        let bo = Sphere::new(radius).direct(launch.point, launch.azimuth_deg, boost.burnout_range_m)?;
        let r_bo = radius + boost.burnout_altitude_m;
        let r_re = radius + boost.reentry_altitude_m;
        let u0 = unit_of(bo.point);
        let (east, north) = east_north(bo.point);
        let (sa, ca) = bo.azimuth2_deg.to_radians().sin_cos();
        let phi_rel = phi_deg.to_radians();
        let (sp, cp) = phi_rel.sin_cos();
        let v = launch.burnout_speed_mps;
        // Earth-relative velocity, then inertial velocity v_I = v_E + omega x r (BMW sec. 6.4).
        let v_earth = scale(add(scale(add(scale(east, sa), scale(north, ca)), cp), scale(u0, sp)), v);
        let v_in = add(v_earth, omega_cross(earth.omega_rad_s, scale(u0, r_bo)));
        let speed_in = norm(v_in);
        let radial = dot(v_in, u0);
        let horizontal = sub(v_in, scale(u0, radial));
        let h_len = norm(horizontal);
        let escape = (2.0 * planet.mu_m3_s2 / r_bo).sqrt();
        if !(speed_in < escape) {
            return Err(BallisticsError::InvalidInput {
                what: "burnout speed",
                value: v,
                expected: format!(
                    "a speed whose inertial value (Earth-relative plus the surface velocity, here {speed_in:.3} \
                     m/s) is below escape speed {escape:.3} m/s"
                ),
            });
        }
        let el = if h_len > 0.0 {
            Ellipse::from_burnout(planet.mu_m3_s2, r_bo, speed_in, radial.atan2(h_len))
        } else {
            None
        };
        let no_arc = || BallisticsError::InvalidInput {
            what: "flight-path angle",
            value: phi_deg,
            expected: format!(
                "a burnout state whose inertial arc is an ellipse that comes down through the re-entry altitude \
                 {} m",
                boost.reentry_altitude_m
            ),
        };
        let el = el.ok_or_else(no_arc)?;
        let theta_re = el.reentry_angle(r_re).ok_or_else(no_arc)?;
        let t_re = time_to_radius_descending(&el, r_re);
        Ok(Self {
            el,
            u0,
            t0: scale(horizontal, 1.0 / h_len),
            omega: earth.omega_rad_s,
            radius,
            theta_re,
            t_re,
            burnout_point: bo.point,
            burnout_azimuth_deg: bo.azimuth2_deg,
            v_rel: v,
            phi_rel,
        })
    }

    /// Inertial position and velocity at in-plane angle `theta` past burnout.
    pub(super) fn inertial_at_angle(&self, theta: f64) -> (V3, V3) {
        let (s, c) = theta.sin_cos();
        let r_hat = add(scale(self.u0, c), scale(self.t0, s));
        let t_hat = sub(scale(self.t0, c), scale(self.u0, s));
        let (sg, cg) = self.el.flight_path_angle_at(theta).sin_cos();
        let v = self.el.speed_at(theta);
        (scale(r_hat, self.el.radius_at(theta)), scale(add(scale(r_hat, sg), scale(t_hat, cg)), v))
    }

    /// Earth-fixed position and Earth-relative velocity at time `t` after burnout (angle `theta` past burnout).
    pub(super) fn earth_fixed(&self, t: f64, theta: f64) -> (V3, V3) {
        let (r, v) = self.inertial_at_angle(theta);
        let v_rel = sub(v, omega_cross(self.omega, r));
        let turn = self.omega * t;
        (to_earth_fixed(r, turn), to_earth_fixed(v_rel, turn))
    }

    /// Earth-fixed position at time `t` after burnout, clamped to free flight.
    pub(super) fn position_at(&self, t: f64) -> V3 {
        let t = t.clamp(0.0, self.t_re);
        let theta = if t >= self.t_re { self.theta_re } else { self.el.angle_at(t) };
        self.earth_fixed(t, theta).0
    }

    /// Earth-fixed position of re-entry.
    pub(super) fn impact_vector(&self) -> V3 {
        self.earth_fixed(self.t_re, self.theta_re).0
    }
}

/// Time (s) from burnout to the first descending passage through radius `r_re` (m), by Kepler's equation with
/// the eccentric anomalies taken from the radius and the radial velocity: e cos E = 1 - r / a and
/// e sin E = r (dr/dt) / sqrt(mu a) (from r = a (1 - e cos E) and dE/dt = n a / r; BMW sec. 4.2), at re-entry
/// e sin E = -sqrt(e^2 - (e cos E)^2) with e^2 = 1 - p / a. Unlike the route through the true anomaly, this
/// stays accurate for nearly rectilinear ellipses (e close to 1: shots that go almost straight up in inertial
/// space), where the true anomaly hardly changes along the arc.
fn time_to_radius_descending(el: &Ellipse, r_re: f64) -> f64 {
    let sqrt_mu_a = (el.mu * el.a).sqrt();
    let (ec_bo, es_bo) = (1.0 - el.r_bo / el.a, el.r_bo * el.v_bo * el.phi_bo.sin() / sqrt_mu_a);
    let ec_re = 1.0 - r_re / el.a;
    let es_re = -((1.0 - el.p / el.a) - ec_re * ec_re).max(0.0).sqrt();
    let e_bo = es_bo.atan2(ec_bo);
    let mut e_re = es_re.atan2(ec_re);
    if e_re <= e_bo {
        e_re += TAU;
    }
    let n = (el.mu / (el.a * el.a * el.a)).sqrt();
    ((e_re - es_re) - (e_bo - es_bo)) / n
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The eccentric-anomaly time agrees with the true-anomaly route of `kepler.rs` where that is well
    /// conditioned, and with the symmetric-arc closed form (BMW eq. 6.2-21, 6.2-22 through `Ellipse::time_to`).
    #[test]
    fn time_to_reentry_matches_kepler() {
        let mu = 3.986_004_418e14;
        for (r_bo, v, phi_deg, r_re) in [
            (6_371e3, 4_663.0, 38.93, 6_371e3),
            (6_471e3, 7_000.0, 80.0, 6_471e3),
            (6_471e3, 5_000.0, 10.0, 6_371e3),
        ] {
            let el = Ellipse::from_burnout(mu, r_bo, v, f64::to_radians(phi_deg)).unwrap();
            let theta = el.reentry_angle(r_re).unwrap();
            let t = time_to_radius_descending(&el, r_re);
            assert!((t - el.time_to(theta)).abs() < 1e-6 * t, "{t} vs {}", el.time_to(theta));
        }
    }
}
