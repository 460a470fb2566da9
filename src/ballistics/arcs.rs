//! The family of ballistic arcs that join a burnout radius r_bo to a re-entry radius r_re over a free-flight
//! range angle Psi, one arc per burnout flight-path angle phi.
//!
//! BMW (Bate, Mueller, White, *Fundamentals of Astrodynamics*, 1971) sec. 6.2 treats the symmetric case
//! r_bo = r_re: the free-flight range equation (BMW eq. 6.2-12), the flight-path angle equation (eq. 6.2-16)
//! and the maximum-range conditions (eq. 6.2-18 to 6.2-20). Here the same relations are written for unequal
//! radii, from the trajectory equation taken from burnout (u = 1/r):
//!
//! ```text
//! r_bo / r_re = cos Psi - tan phi sin Psi + (1 - cos Psi) / (Q cos^2 phi)
//! ```
//!
//! so that, with rho = r_bo / r_re, k = rho - cos Psi, m = sqrt(k^2 + sin^2 Psi) and 2 phi* = atan2(sin Psi, k),
//!
//! ```text
//! Q(phi) = (1 - cos Psi) / (k cos^2 phi + sin Psi sin phi cos phi) = 2 (1 - cos Psi) / (k + m cos 2(phi - phi*))
//! ```
//!
//! Q is least at phi = phi* (the minimum-energy arc); for rho = 1 this is phi* = (180 deg - Psi)/4 and
//! sin(Psi/2) = Q / (2 - Q), BMW eq. 6.2-18 and 6.2-19. The arcs that are real ballistic flights are those with
//! Q < 2 (an ellipse, not an escape path) that come down through r_re at Psi (radial speed <= 0 there), which
//! works out to tan phi > (1 - rho) cot(Psi/2).

use std::f64::consts::FRAC_PI_2;

use super::kepler::Ellipse;

/// The arcs through r_bo and r_re a range angle Psi apart, parametrised by the burnout flight-path angle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ArcFamily {
    /// Free-flight range angle Psi, radians in (0, pi].
    pub psi: f64,
    /// Burnout radius, m.
    pub r_bo: f64,
    /// Re-entry radius, m.
    pub r_re: f64,
    /// Gravitational parameter, m^3/s^2.
    pub mu: f64,
    /// 1 - cos Psi, computed as 2 sin^2(Psi/2).
    omc: f64,
    /// k = rho - cos Psi.
    k: f64,
    /// m = sqrt(k^2 + sin^2 Psi).
    m: f64,
    /// phi*, the angle of least Q without the descent condition, radians.
    pub phi_star: f64,
    /// Lower end of the open interval of flight-path angles that give a ballistic arc, radians.
    pub phi_lo: f64,
    /// Upper end (escape speed), radians.
    pub phi_hi: f64,
}

impl ArcFamily {
    /// The family for range angle `psi` (radians, in (0, pi]), burnout radius `r_bo` and re-entry radius `r_re`
    /// (m), gravitational parameter `mu` (m^3/s^2). `None` if no elliptic arc joins the two radii over `psi`.
    pub fn new(psi: f64, r_bo: f64, r_re: f64, mu: f64) -> Option<Self> {
        if !(psi > 0.0 && psi <= std::f64::consts::PI && r_bo > 0.0 && r_re > 0.0 && mu > 0.0) {
            return None;
        }
        let rho = r_bo / r_re;
        let (sh, ch) = (psi / 2.0).sin_cos();
        let omc = 2.0 * sh * sh;
        let sin_psi = 2.0 * sh * ch;
        let k = (rho - 1.0) + omc;
        let m = k.hypot(sin_psi);
        let phi_star = 0.5 * sin_psi.atan2(k);
        // Q < 2  <=>  cos 2(phi - phi*) > (1 - rho) / m.
        let c2 = (1.0 - rho) / m;
        if !(c2 < 1.0) {
            return None;
        }
        let delta = 0.5 * c2.max(-1.0).acos();
        // Coming down at re-entry: tan phi > (1 - rho) cot(Psi/2).
        let phi_d = ((1.0 - rho) * ch).atan2(sh);
        let phi_lo = (phi_star - delta).max(phi_d).max(-FRAC_PI_2);
        let phi_hi = (phi_star + delta).min(FRAC_PI_2);
        if !(phi_lo < phi_hi) {
            return None;
        }
        Some(Self { psi, r_bo, r_re, mu, omc, k, m, phi_star, phi_lo, phi_hi })
    }

    /// Q at burnout for flight-path angle `phi` (radians): the free-flight range equation solved for Q.
    pub fn q_of(&self, phi: f64) -> f64 {
        let (s, c) = phi.sin_cos();
        self.omc / (self.k * c * c + self.psi.sin() * s * c)
    }

    /// The flight-path angle of least burnout speed (the minimum-energy arc), radians: phi* if it is a real
    /// ballistic arc, otherwise the nearest end of the feasible interval (re-entry at apogee).
    pub fn min_energy_phi(&self) -> f64 {
        self.phi_star.clamp(self.phi_lo, self.phi_hi)
    }

    /// The two flight-path angles (low, high), radians, at which the arc has burnout parameter `q`: the flight-path
    /// angle equation, cos 2(phi - phi*) = (2 (1 - cos Psi) / Q - k) / m (for rho = 1, BMW eq. 6.2-16,
    /// sin(2 phi + Psi/2) = (2 - Q)/Q sin(Psi/2)). `None` if `q` is below the least Q of any phi. Either angle may
    /// still lie outside (phi_lo, phi_hi).
    pub fn phis_for_q(&self, q: f64) -> Option<(f64, f64)> {
        let c = (2.0 * self.omc / q - self.k) / self.m;
        if !(c <= 1.0) {
            return None;
        }
        let half = 0.5 * c.max(-1.0).acos();
        Some((self.phi_star - half, self.phi_star + half))
    }

    /// True if `phi` (radians) gives a ballistic arc of this family.
    pub fn contains(&self, phi: f64) -> bool {
        phi > self.phi_lo && phi < self.phi_hi
    }

    /// The ellipse of the arc with flight-path angle `phi` (radians), or `None` if it is not an ellipse (rounding
    /// at the ends of the interval).
    pub fn ellipse(&self, phi: f64) -> Option<Ellipse> {
        let q = self.q_of(phi);
        if !(q > 0.0 && q < 2.0) {
            return None;
        }
        Ellipse::from_burnout(self.mu, self.r_bo, (q * self.mu / self.r_bo).sqrt(), phi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_arc_of_the_family_comes_down_at_psi() {
        let mu = 3.986_004_418e14;
        for (r_bo, r_re) in [(6.371e6, 6.371e6), (6.471e6, 6.371e6), (6.371e6, 6.421e6)] {
            for psi in [0.01, 0.4, 1.5, 3.0] {
                let fam = ArcFamily::new(psi, r_bo, r_re, mu).unwrap();
                for i in 1..50 {
                    let phi = fam.phi_lo + (fam.phi_hi - fam.phi_lo) * i as f64 / 50.0;
                    let el = fam.ellipse(phi).unwrap();
                    let theta = el.reentry_angle(r_re).unwrap();
                    assert!((theta - psi).abs() < 1e-9, "r_bo {r_bo} psi {psi} phi {phi}: {theta}");
                }
            }
        }
    }
}
