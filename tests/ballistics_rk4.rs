//! A classical fourth-order Runge-Kutta integrator with event location, used by the ballistics tests as an
//! independent check of the closed-form (Kepler) results. Included by the other `ballistics_*` tests with
//! `#[path = "ballistics_rk4.rs"] mod rk4;`; its own tests check it against circular-orbit physics.
#![allow(dead_code)]

/// Position (m) and velocity (m/s), Earth-centred.
pub type State = [f64; 6];

/// One RK4 step of size `h` for ds/dt = f(s).
pub fn rk4_step(f: &dyn Fn(&State) -> State, s: &State, h: f64) -> State {
    let k1 = f(s);
    let k2 = f(&axpy(s, &k1, h / 2.0));
    let k3 = f(&axpy(s, &k2, h / 2.0));
    let k4 = f(&axpy(s, &k3, h));
    let mut out = *s;
    for i in 0..6 {
        out[i] += h / 6.0 * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
    }
    out
}

fn axpy(s: &State, k: &State, h: f64) -> State {
    let mut o = *s;
    for i in 0..6 {
        o[i] += h * k[i];
    }
    o
}

/// Two-body acceleration -mu r / |r|^3 (inertial frame).
pub fn two_body(mu: f64) -> impl Fn(&State) -> State {
    move |s: &State| {
        let r = (s[0] * s[0] + s[1] * s[1] + s[2] * s[2]).sqrt();
        let k = -mu / (r * r * r);
        [s[3], s[4], s[5], k * s[0], k * s[1], k * s[2]]
    }
}

/// Two-body motion seen in a frame rotating at `omega` about z: gravity, Coriolis -2 w x v and centrifugal
/// -w x (w x r).
pub fn two_body_rotating(mu: f64, omega: f64) -> impl Fn(&State) -> State {
    move |s: &State| {
        let r = (s[0] * s[0] + s[1] * s[1] + s[2] * s[2]).sqrt();
        let k = -mu / (r * r * r);
        // w = (0, 0, omega): w x v = (-omega vy, omega vx, 0); w x (w x r) = (-omega^2 x, -omega^2 y, 0).
        let cor = [2.0 * omega * s[4], -2.0 * omega * s[3], 0.0];
        let cen = [omega * omega * s[0], omega * omega * s[1], 0.0];
        [s[3], s[4], s[5], k * s[0] + cor[0] + cen[0], k * s[1] + cor[1] + cen[1], k * s[2]]
    }
}

/// Where an event function goes from positive to zero or negative.
#[derive(Debug, Clone, Copy)]
pub struct Event {
    /// Time of the event, s.
    pub t: f64,
    /// State at the event.
    pub state: State,
}

/// Integrates from `s0` with fixed step `dt` until `g` crosses from > 0 to <= 0, then locates the crossing by
/// bisection on the size of a single RK4 step from the last state before it. Gives up after `t_max` seconds.
pub fn integrate_until(
    f: &dyn Fn(&State) -> State,
    s0: State,
    dt: f64,
    t_max: f64,
    g: &dyn Fn(&State) -> f64,
) -> Option<Event> {
    let (mut t, mut s) = (0.0, s0);
    let mut g_prev = g(&s);
    while t < t_max {
        let next = rk4_step(f, &s, dt);
        let g_next = g(&next);
        if g_prev > 0.0 && g_next <= 0.0 {
            let (mut lo, mut hi) = (0.0, dt);
            for _ in 0..80 {
                let mid = 0.5 * (lo + hi);
                if g(&rk4_step(f, &s, mid)) > 0.0 {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let h = 0.5 * (lo + hi);
            return Some(Event { t: t + h, state: rk4_step(f, &s, h) });
        }
        (t, s, g_prev) = (t + dt, next, g_next);
    }
    None
}

/// The state at time `t` (from `s0`, steps no longer than `dt`).
pub fn state_at(f: &dyn Fn(&State) -> State, s0: State, dt: f64, t: f64) -> State {
    let n = (t / dt).ceil().max(1.0) as usize;
    let h = t / n as f64;
    let mut s = s0;
    for _ in 0..n {
        s = rk4_step(f, &s, h);
    }
    s
}

pub fn radius(s: &State) -> f64 {
    (s[0] * s[0] + s[1] * s[1] + s[2] * s[2]).sqrt()
}

pub fn speed(s: &State) -> f64 {
    (s[3] * s[3] + s[4] * s[4] + s[5] * s[5]).sqrt()
}

/// Radial velocity times radius, r . v: positive while climbing.
pub fn radial(s: &State) -> f64 {
    s[0] * s[3] + s[1] * s[4] + s[2] * s[5]
}

/// Angle (radians) between the position vectors of two states, by atan2 of |a x b| and a . b.
pub fn angle_between(a: &State, b: &State) -> f64 {
    let c = [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
    let cn = (c[0] * c[0] + c[1] * c[1] + c[2] * c[2]).sqrt();
    cn.atan2(a[0] * b[0] + a[1] * b[1] + a[2] * b[2])
}

#[test]
fn circular_orbit_returns_after_one_period() {
    // Circular speed sqrt(mu/r); period 2 pi sqrt(r^3/mu) (Kepler's third law).
    let mu: f64 = 3.986_004_418e14;
    let r: f64 = 7.0e6;
    let v = (mu / r).sqrt();
    let period = 2.0 * std::f64::consts::PI * (r * r * r / mu).sqrt();
    let f = two_body(mu);
    let s = state_at(&f, [r, 0.0, 0.0, 0.0, v, 0.0], 1.0, period);
    assert!((s[0] - r).abs() < 1e-3 && s[1].abs() < 1e-3, "{s:?}");
}

#[test]
fn event_location_finds_a_quarter_period() {
    let mu: f64 = 3.986_004_418e14;
    let r: f64 = 7.0e6;
    let v = (mu / r).sqrt();
    let period = 2.0 * std::f64::consts::PI * (r * r * r / mu).sqrt();
    let f = two_body(mu);
    // x goes through zero a quarter period in.
    let ev = integrate_until(&f, [r, 0.0, 0.0, 0.0, v, 0.0], 2.0, 1e5, &|s| s[0]).unwrap();
    assert!((ev.t - period / 4.0).abs() < 1e-6, "{} vs {}", ev.t, period / 4.0);
}
