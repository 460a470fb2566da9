//! One Keplerian ellipse started from a burnout state: its elements, the state along it, and the time of flight
//! by Kepler's equation.
//!
//! Names follow R. R. Bate, D. D. Mueller, J. E. White, *Fundamentals of Astrodynamics* (Dover 1971), "BMW"
//! below: `q` is Q = v^2 r / mu (BMW eq. 6.2-1), `phi` the flight-path angle measured from the local horizontal,
//! `nu` the true anomaly, `e` the eccentricity, `p` the semi-latus rectum, `a` the semi-major axis, `big_e` the
//! eccentric anomaly E. Angles `theta` are measured in the orbit plane from the burnout radius, so that the
//! free-flight range angle Psi is the `theta` of re-entry.

use std::f64::consts::{PI, TAU};

/// A Keplerian ellipse through a burnout point, with the burnout state that defines it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Ellipse {
    /// Gravitational parameter mu, m^3/s^2.
    pub mu: f64,
    /// Burnout radius r_bo from the centre, m.
    pub r_bo: f64,
    /// Burnout speed v_bo, m/s.
    pub v_bo: f64,
    /// Burnout flight-path angle phi_bo, radians above the local horizontal.
    pub phi_bo: f64,
    /// Q_bo = v_bo^2 r_bo / mu (BMW eq. 6.2-1).
    pub q: f64,
    /// Semi-latus rectum p, m.
    pub p: f64,
    /// Semi-major axis a, m.
    pub a: f64,
    /// Eccentricity e, in [0, 1).
    pub e: f64,
    /// True anomaly at burnout nu_bo, radians in [0, 2 pi).
    pub nu_bo: f64,
    /// beta = e / (1 + sqrt(1 - e^2)), used to turn true into eccentric anomaly without quadrant jumps.
    beta: f64,
    /// Mean motion n = sqrt(mu / a^3), rad/s.
    n: f64,
}

impl Ellipse {
    /// The ellipse of a body at radius `r_bo` (m) with speed `v_bo` (m/s) and flight-path angle `phi_bo`
    /// (radians above the horizontal), around a centre of gravitational parameter `mu` (m^3/s^2).
    ///
    /// Elements by BMW eq. 6.2-1 (Q), p = r Q cos^2 phi (from h = r v cos phi and p = h^2 / mu, BMW ch. 1),
    /// a = r / (2 - Q) (vis-viva in terms of Q, BMW eq. 6.2-4: Q = 2 - r/a), e^2 = 1 + Q (Q - 2) cos^2 phi (BMW eq. 6.2-11); the true
    /// anomaly from e cos nu = Q cos^2 phi - 1 and e sin nu = Q sin phi cos phi (the trajectory equation
    /// p/r = 1 + e cos nu with tan phi = e sin nu / (1 + e cos nu)).
    ///
    /// Returns `None` when the state is not an ellipse (Q >= 2: parabola or hyperbola), is rectilinear
    /// (cos phi = 0, e = 1) or any input is not finite and positive.
    pub fn from_burnout(mu: f64, r_bo: f64, v_bo: f64, phi_bo: f64) -> Option<Self> {
        if !(mu > 0.0 && r_bo > 0.0 && v_bo > 0.0 && mu.is_finite() && r_bo.is_finite() && v_bo.is_finite()) {
            return None;
        }
        if !(phi_bo.is_finite() && phi_bo.abs() < PI / 2.0) {
            return None;
        }
        let q = v_bo * v_bo * r_bo / mu; // BMW eq. 6.2-1
        if !(q < 2.0) {
            return None;
        }
        let (sin_phi, cos_phi) = phi_bo.sin_cos();
        let cos2 = cos_phi * cos_phi;
        let p = r_bo * q * cos2;
        let a = r_bo / (2.0 - q); // BMW eq. 6.2-4
        let e = (1.0 + q * (q - 2.0) * cos2).max(0.0).sqrt(); // BMW eq. 6.2-11
        if !(p > 0.0 && e < 1.0) {
            return None;
        }
        let nu_bo = (q * sin_phi * cos_phi).atan2(q * cos2 - 1.0).rem_euclid(TAU);
        let beta = e / (1.0 + (1.0 - e * e).sqrt());
        let n = (mu / (a * a * a)).sqrt();
        Some(Self { mu, r_bo, v_bo, phi_bo, q, p, a, e, nu_bo, beta, n })
    }

    /// Radius r at angle `theta` (radians) past burnout: r = p / (1 + e cos nu), the trajectory equation.
    pub fn radius_at(&self, theta: f64) -> f64 {
        self.p / (1.0 + self.e * (self.nu_bo + theta).cos())
    }

    /// Flight-path angle (radians above the local horizontal) at angle `theta` past burnout:
    /// tan phi = e sin nu / (1 + e cos nu).
    pub fn flight_path_angle_at(&self, theta: f64) -> f64 {
        let (s, c) = (self.nu_bo + theta).sin_cos();
        (self.e * s).atan2(1.0 + self.e * c)
    }

    /// Speed (m/s) at angle `theta` past burnout by the vis-viva integral, v^2 = mu (2/r - 1/a).
    pub fn speed_at(&self, theta: f64) -> f64 {
        let r = self.radius_at(theta);
        (self.mu * (2.0 / r - 1.0 / self.a)).max(0.0).sqrt()
    }

    /// Angle past burnout (radians, in (0, 2 pi)) at which the body first comes down through radius `r_re`
    /// (m), or `None` if it never does before passing perigee (the ellipse stays above `r_re`, never rises to
    /// it, or is circular).
    ///
    /// From the trajectory equation, cos nu_re = (p / r_re - 1) / e with nu_re in [pi, 2 pi] on the
    /// descending half of the ellipse.
    pub fn reentry_angle(&self, r_re: f64) -> Option<f64> {
        if !(self.e > 1e-12) {
            return None;
        }
        let c = (self.p / r_re - 1.0) / self.e;
        if !(-1.0..=1.0).contains(&c) {
            return None;
        }
        let nu_re = TAU - c.acos();
        let theta = nu_re - self.nu_bo;
        (theta > 0.0).then_some(theta)
    }

    /// Radius (m) and angle past burnout (radians) of the highest point of the arc from burnout to `theta_end`:
    /// the ellipse's apogee r_a = a (1 + e) at nu = pi when the arc passes it, otherwise the higher end.
    pub fn highest_point(&self, theta_end: f64) -> (f64, f64) {
        let to_apogee = PI - self.nu_bo;
        if to_apogee > 0.0 && to_apogee < theta_end {
            (self.a * (1.0 + self.e), to_apogee)
        } else {
            let r_end = self.radius_at(theta_end);
            if r_end > self.r_bo { (r_end, theta_end) } else { (self.r_bo, 0.0) }
        }
    }

    /// Eccentric anomaly E of true anomaly `nu`, continuous in `nu` (no jump at nu = pi):
    /// E = nu - 2 atan(beta sin nu / (1 + beta cos nu)), beta = e / (1 + sqrt(1 - e^2)), which is
    /// tan(E/2) = sqrt((1 - e)/(1 + e)) tan(nu/2) (BMW sec. 4.2) solved without quadrant ambiguity.
    fn eccentric_anomaly(&self, nu: f64) -> f64 {
        let (s, c) = nu.sin_cos();
        nu - 2.0 * (self.beta * s).atan2(1.0 + self.beta * c)
    }

    /// True anomaly of eccentric anomaly `big_e`, the inverse of [`Self::eccentric_anomaly`]:
    /// nu = E + 2 atan(beta sin E / (1 - beta cos E)).
    fn true_anomaly(&self, big_e: f64) -> f64 {
        let (s, c) = big_e.sin_cos();
        big_e + 2.0 * (self.beta * s).atan2(1.0 - self.beta * c)
    }

    /// Mean anomaly M = E - e sin E at true anomaly `nu` (Kepler's equation, BMW sec. 4.2).
    fn mean_anomaly(&self, nu: f64) -> f64 {
        let big_e = self.eccentric_anomaly(nu);
        big_e - self.e * big_e.sin()
    }

    /// Time (s) from burnout to angle `theta` (radians) past burnout: t = (M - M_bo) / n, the time of flight by
    /// Kepler's equation (BMW sec. 4.2; for the symmetric arc this is BMW eq. 6.2-21 and 6.2-22).
    pub fn time_to(&self, theta: f64) -> f64 {
        (self.mean_anomaly(self.nu_bo + theta) - self.mean_anomaly(self.nu_bo)) / self.n
    }

    /// Angle past burnout (radians) reached at time `t` (s) after burnout: the inverse of [`Self::time_to`],
    /// solving Kepler's equation E - e sin E = M by Newton's method safeguarded by bisection in the bracket
    /// [M - e, M + e] (which always holds the root since |E - M| = e |sin E| <= e).
    pub fn angle_at(&self, t: f64) -> f64 {
        let big_m = self.mean_anomaly(self.nu_bo) + self.n * t;
        let (mut lo, mut hi) = (big_m - self.e, big_m + self.e);
        let mut big_e = big_m + self.e * big_m.sin();
        for _ in 0..100 {
            let f = big_e - self.e * big_e.sin() - big_m;
            if f > 0.0 {
                hi = big_e;
            } else {
                lo = big_e;
            }
            let step = f / (1.0 - self.e * big_e.cos());
            let mut next = big_e - step;
            if !(next > lo && next < hi) {
                next = 0.5 * (lo + hi);
            }
            if (next - big_e).abs() <= 4.0 * f64::EPSILON * big_e.abs().max(1.0) {
                big_e = next;
                break;
            }
            big_e = next;
        }
        self.true_anomaly(big_e) - self.nu_bo
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MU: f64 = 3.986_004_418e14;
    const R: f64 = 6.371e6;

    #[test]
    fn eccentric_anomaly_matches_half_angle_formula() {
        let el = Ellipse::from_burnout(MU, R, 6000.0, 0.6).unwrap();
        for i in 1..40 {
            let nu = -3.0 + 0.15 * i as f64;
            let big_e = el.eccentric_anomaly(nu);
            // tan(E/2) = sqrt((1-e)/(1+e)) tan(nu/2), away from nu = +-pi.
            let expect = 2.0 * (((1.0 - el.e) / (1.0 + el.e)).sqrt() * (nu / 2.0).tan()).atan();
            assert!((big_e - expect).abs() < 1e-12, "nu {nu}: {big_e} vs {expect}");
            assert!((el.true_anomaly(big_e) - nu).abs() < 1e-12);
        }
    }

    #[test]
    fn angle_at_inverts_time_to() {
        let el = Ellipse::from_burnout(MU, R + 1e5, 7000.0, 0.3).unwrap();
        for i in 0..30 {
            let theta = 0.1 * i as f64;
            let t = el.time_to(theta);
            assert!((el.angle_at(t) - theta).abs() < 1e-11);
        }
    }

    #[test]
    fn reentry_angle_of_symmetric_arc_is_twice_the_climb() {
        // Equal altitudes: the arc is symmetric about apogee, so re-entry is at 2 (pi - nu_bo).
        let el = Ellipse::from_burnout(MU, R, 5000.0, 0.7).unwrap();
        let psi = el.reentry_angle(R).unwrap();
        assert!((psi - 2.0 * (PI - el.nu_bo)).abs() < 1e-12);
        assert!((el.radius_at(psi) - R).abs() < 1e-6);
    }
}
