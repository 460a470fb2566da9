//! The Keplerian arc between two position vectors in a given time (Lambert's problem, BMW's "Gauss problem"),
//! solved with universal variables.
//!
//! Source: R. R. Bate, D. D. Mueller, J. E. White, *Fundamentals of Astrodynamics* (Dover 1971), sec. 5.3, "the
//! Gauss problem via universal variables": with the transfer angle Delta-nu, the constant
//! A = sqrt(r1 r2) sin(Delta-nu) / sqrt(1 - cos(Delta-nu)), the auxiliary y(z) = r1 + r2 - A (1 - z S(z)) / sqrt(C(z)),
//! x = sqrt(y / C(z)) and the time equation sqrt(mu) t = x^3 S(z) + A sqrt(y); once z is found, the f and g
//! functions f = 1 - y / r1, g = A sqrt(y / mu) give the velocity at the first point, v1 = (r2 - f r1) / g.
//! C(z) and S(z) are the functions of BMW sec. 4.4 (C = (1 - cos sqrt z) / z, S = (sqrt z - sin sqrt z) / sqrt(z^3)).
//! Only elliptic arcs of less than one revolution are sought: z in [0, 4 pi^2), where the time grows
//! monotonically with z, so bisection finds it.

use std::f64::consts::PI;

use super::vectors::{V3, norm, scale, sub};

/// C(z) = (1 - cos sqrt z) / z for z > 0 (BMW sec. 4.4), written 2 sin^2(sqrt(z) / 2) / z to avoid the
/// cancellation of 1 - cos near z = 4 pi^2; its series 1/2 - z/24 + z^2/720 - ... near 0.
fn stumpff_c(z: f64) -> f64 {
    if z.abs() < 1e-3 {
        0.5 - z / 24.0 + z * z / 720.0 - z * z * z / 40_320.0
    } else if z > 0.0 {
        let h = (z.sqrt() / 2.0).sin();
        2.0 * h * h / z
    } else {
        (1.0 - (-z).sqrt().cosh()) / z
    }
}

/// 1 - z S(z), with S(z) = (sqrt z - sin sqrt z) / sqrt(z^3) (BMW sec. 4.4): sin(sqrt z) / sqrt z for z > 0,
/// which has no cancellation; the series 1 - z/6 + z^2/120 - ... near 0.
fn one_minus_z_s(z: f64) -> f64 {
    if z.abs() < 1e-3 {
        1.0 - z / 6.0 + z * z / 120.0 - z * z * z / 5_040.0
    } else if z > 0.0 {
        let s = z.sqrt();
        s.sin() / s
    } else {
        let s = (-z).sqrt();
        s.sinh() / s
    }
}

/// S(z) = (sqrt z - sin sqrt z) / sqrt(z^3) for z > 0, its series 1/6 - z/120 + z^2/5040 - ... near 0
/// (BMW sec. 4.4).
fn stumpff_s(z: f64) -> f64 {
    if z.abs() < 1e-3 {
        1.0 / 6.0 - z / 120.0 + z * z / 5_040.0 - z * z * z / 362_880.0
    } else if z > 0.0 {
        let s = z.sqrt();
        (s - s.sin()) / (s * s * s)
    } else {
        let s = (-z).sqrt();
        (s.sinh() - s) / (s * s * s)
    }
}

/// The velocity (m/s) at `r1` of the elliptic arc (less than one revolution) that leaves `r1` and reaches `r2`
/// (position vectors, m) after `t` seconds, turning through the transfer angle `dnu` (radians, in (0, 2 pi),
/// measured in the sense of motion), around a centre of gravitational parameter `mu` (m^3/s^2).
///
/// Returns `None` when the problem has no elliptic answer of less than one revolution (the time is at or below
/// the parabolic time, or beyond what floating point resolves), or when the geometry fixes no plane
/// (`dnu` at 0, pi or 2 pi).
pub(super) fn lambert_velocity(mu: f64, r1: V3, r2: V3, dnu: f64, t: f64) -> Option<V3> {
    let (r1n, r2n) = (norm(r1), norm(r2));
    let cos_dnu = dnu.cos();
    if !(t > 0.0 && r1n > 0.0 && r2n > 0.0 && dnu > 0.0 && dnu < 2.0 * PI && 1.0 - cos_dnu > 1e-12) {
        return None;
    }
    let big_a = (r1n * r2n).sqrt() * dnu.sin() / (1.0 - cos_dnu).sqrt();
    if !(big_a.abs() > 1e-9 * (r1n * r2n).sqrt()) {
        return None;
    }
    let sqrt_mu = mu.sqrt();
    let y_of = |z: f64| r1n + r2n - big_a * one_minus_z_s(z) / stumpff_c(z).sqrt();
    // Time of flight of the arc of parameter z, or -infinity where y < 0 (no arc: "too fast").
    let time_of = |z: f64| {
        let y = y_of(z);
        if !(y >= 0.0) {
            return f64::NEG_INFINITY;
        }
        let (c, s) = (stumpff_c(z), stumpff_s(z));
        let x = (y / c).sqrt();
        (x * x * x * s + big_a * y.sqrt()) / sqrt_mu
    };
    // The upper end stays a little short of 4 pi^2, where the time is already practically infinite.
    let (mut lo, mut hi) = (0.0, 4.0 * PI * PI * (1.0 - 1e-9));
    // At or below the parabolic time the arc is a parabola or hyperbola: it never comes back.
    if !(time_of(lo) < t) || !(time_of(hi) > t) {
        return None;
    }
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        let tm = time_of(mid);
        if tm.is_nan() {
            return None;
        }
        if tm < t {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let z = 0.5 * (lo + hi);
    let y = y_of(z);
    if !(y > 0.0) {
        return None;
    }
    let f = 1.0 - y / r1n;
    let g = big_a * (y / mu).sqrt();
    let v1 = scale(sub(r2, scale(r1, f)), 1.0 / g);
    v1.iter().all(|c| c.is_finite()).then_some(v1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ballistics::kepler::Ellipse;

    const MU: f64 = 3.986_004_418e14;

    /// An arc propagated by Kepler's equation (eccentric anomaly, `kepler.rs`), then recovered by universal
    /// variables: the burnout speed and flight-path angle come back.
    #[test]
    fn recovers_the_velocity_of_a_kepler_arc() {
        for (v, phi_deg, theta) in [(5_000.0, 40.0, 0.4), (7_300.0, 82.0, 0.15), (7_000.0, 20.0, 3.5)] {
            let r0 = 6_371_000.0;
            let el = Ellipse::from_burnout(MU, r0, v, f64::to_radians(phi_deg)).unwrap();
            let t = el.time_to(theta);
            let r1 = [r0, 0.0, 0.0];
            let r2 = [el.radius_at(theta) * theta.cos(), el.radius_at(theta) * theta.sin(), 0.0];
            let v1 = lambert_velocity(MU, r1, r2, theta, t).unwrap();
            assert!((norm(v1) - v).abs() < 1e-6 * v, "{v1:?}");
            let phi = v1[0].atan2(v1[1]).to_degrees();
            assert!((phi - phi_deg).abs() < 1e-7, "{phi}");
        }
    }

    #[test]
    fn no_elliptic_arc_below_the_parabolic_time() {
        let r1 = [6_371e3, 0.0, 0.0];
        let r2 = [0.0, 6_371e3, 0.0];
        assert!(lambert_velocity(MU, r1, r2, PI / 2.0, 1.0).is_none());
        assert!(lambert_velocity(MU, r1, r2, PI / 2.0, 1_000.0).is_some());
        assert!(lambert_velocity(MU, r1, [-6_371e3, 0.0, 0.0], PI, 1_000.0).is_none());
    }
}
