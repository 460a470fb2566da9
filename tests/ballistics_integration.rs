//! The closed-form (Kepler) trajectories against a numerical integration of the two-body equations of motion
//! (classical RK4 with event location, `ballistics_rk4.rs`), an independent method: range, apogee, flight time,
//! re-entry state and the profile along the arc.

#[path = "ballistics_rk4.rs"]
mod rk4;

use groundtrack::ballistics::{
    Arc, BoostAllowance, Planet, Trajectory, TrajectoryConstraint, profile, solve, state_at,
};
use rk4::{Event, State, angle_between, integrate_until, radial, radius, speed, two_body};

/// What the integration says about an arc started at the trajectory's burnout state.
struct Integrated {
    reentry: Event,
    apogee: Option<Event>,
    start: State,
}

fn burnout_state(traj: &Trajectory) -> State {
    let r_bo = traj.planet.radius_m + traj.boost.burnout_altitude_m;
    let phi = traj.flight_path_angle_deg.to_radians();
    let v = traj.burnout_speed_mps;
    [r_bo, 0.0, 0.0, v * phi.sin(), v * phi.cos(), 0.0]
}

fn integrate(traj: &Trajectory, dt: f64) -> Integrated {
    let f = two_body(traj.planet.mu_m3_s2);
    let start = burnout_state(traj);
    let r_re = traj.planet.radius_m + traj.boost.reentry_altitude_m;
    let reentry = integrate_until(&f, start, dt, 1e5, &|s| radius(s) - r_re).expect("re-entry");
    let apogee = integrate_until(&f, start, dt, 1e5, &|s| radial(s));
    Integrated { reentry, apogee, start }
}

/// Integrates with step `dt` and `dt/2`, checks that the two agree (the integration has converged), and compares
/// the finer one with the closed form: range, apogee and its downrange within 1 m, times within 0.01 s.
fn check(traj: &Trajectory, dt: f64) {
    let coarse = integrate(traj, dt);
    let fine = integrate(traj, dt / 2.0);
    let r = traj.planet.radius_m;
    let range = |i: &Integrated| angle_between(&i.start, &i.reentry.state) * r;
    assert!((range(&coarse) - range(&fine)).abs() < 0.01, "step halving moved the range");
    assert!((coarse.reentry.t - fine.reentry.t).abs() < 1e-4, "step halving moved the time");

    let label = format!("{:?} over {} m", traj.constraint, traj.total_range_m);
    assert!((range(&fine) - traj.range_m).abs() < 1.0, "{label}: range {} vs {}", range(&fine), traj.range_m);
    assert!(
        (fine.reentry.t - traj.flight_time_s).abs() < 0.01,
        "{label}: time {} vs {}",
        fine.reentry.t,
        traj.flight_time_s
    );
    let apo = fine.apogee.expect("apogee");
    assert!(apo.t < fine.reentry.t);
    assert!(
        (radius(&apo.state) - r - traj.apogee_m).abs() < 1.0,
        "{label}: apogee {}",
        radius(&apo.state) - r
    );
    let apo_down = angle_between(&fine.start, &apo.state) * r;
    assert!((apo_down - traj.apogee_downrange_m).abs() < 1.0, "{label}: apogee downrange {apo_down}");
    let v_re = speed(&fine.reentry.state);
    assert!((v_re - traj.reentry_speed_mps).abs() < 1e-3, "{label}: re-entry speed {v_re}");
    let gamma = (-radial(&fine.reentry.state) / (radius(&fine.reentry.state) * v_re)).asin().to_degrees();
    assert!((gamma - traj.reentry_angle_deg).abs() < 1e-5, "{label}: re-entry angle {gamma}");
}

fn earth() -> Planet {
    Planet::earth_sphere()
}

#[test]
fn minimum_energy_2700_km() {
    let t = solve(2_700e3, TrajectoryConstraint::MinimumEnergy, &earth(), &BoostAllowance::none()).unwrap();
    check(&t, 1.0);
}

#[test]
fn lofted_950_km_with_apogee_4475_km() {
    let t = solve(950e3, TrajectoryConstraint::Apogee(4_475e3), &earth(), &BoostAllowance::none()).unwrap();
    assert!(t.flight_path_angle_deg > 80.0);
    check(&t, 1.0);
}

#[test]
fn depressed_arcs() {
    for c in [TrajectoryConstraint::FlightPathAngle(20.0), TrajectoryConstraint::Apogee(550e3)] {
        let t = solve(2_700e3, c, &earth(), &BoostAllowance::none()).unwrap();
        check(&t, 1.0);
    }
    let t = solve(8_000e3, TrajectoryConstraint::FlightPathAngle(10.0), &earth(), &BoostAllowance::none())
        .unwrap();
    check(&t, 1.0);
}

#[test]
fn arcs_by_time_and_by_speed() {
    let t =
        solve(1_000e3, TrajectoryConstraint::FlightTime(1_800.0), &earth(), &BoostAllowance::none()).unwrap();
    check(&t, 1.0);
    for arc in [Arc::High, Arc::Low] {
        let c = TrajectoryConstraint::BurnoutSpeed { speed_mps: 5_500.0, arc };
        let t = solve(3_700e3, c, &earth(), &BoostAllowance::none()).unwrap();
        check(&t, 1.0);
    }
}

#[test]
fn long_range_minimum_energy() {
    let t = solve(12_000e3, TrajectoryConstraint::MinimumEnergy, &earth(), &BoostAllowance::none()).unwrap();
    check(&t, 1.0);
}

#[test]
fn unequal_burnout_and_reentry_altitudes() {
    let high_burnout = BoostAllowance {
        burnout_altitude_m: 150e3,
        burnout_range_m: 200e3,
        boost_time_s: 180.0,
        reentry_altitude_m: 0.0,
    };
    for c in [
        TrajectoryConstraint::MinimumEnergy,
        TrajectoryConstraint::Apogee(900e3),
        TrajectoryConstraint::FlightPathAngle(15.0),
        TrajectoryConstraint::FlightTime(900.0),
    ] {
        let t = solve(3_000e3, c, &earth(), &high_burnout).unwrap();
        assert!((t.range_m - 2_800e3).abs() < 1e-6);
        check(&t, 1.0);
    }
    // Free flight ending above the burnout altitude (re-entry interface at 100 km, burnout at 50 km).
    let high_reentry =
        BoostAllowance { burnout_altitude_m: 50e3, reentry_altitude_m: 100e3, ..BoostAllowance::none() };
    for c in [TrajectoryConstraint::MinimumEnergy, TrajectoryConstraint::Apogee(800e3)] {
        let t = solve(2_000e3, c, &earth(), &high_reentry).unwrap();
        check(&t, 1.0);
    }
}

#[test]
fn profile_states_match_the_integration() {
    let boost = BoostAllowance { burnout_altitude_m: 80e3, ..BoostAllowance::none() };
    let traj = solve(3_700e3, TrajectoryConstraint::Apogee(800e3), &earth(), &boost).unwrap();
    let f = two_body(traj.planet.mu_m3_s2);
    let start = burnout_state(&traj);
    let r = traj.planet.radius_m;
    let rows = profile(&traj, 97.0).unwrap();
    assert_eq!(rows.len(), (traj.flight_time_s / 97.0).floor() as usize + 2);
    for row in rows {
        let s = rk4::state_at(&f, start, 0.5, row.time_s);
        assert!((row.altitude_m - (radius(&s) - r)).abs() < 1.0, "t {}: altitude", row.time_s);
        assert!((row.downrange_m - angle_between(&start, &s) * r).abs() < 1.0, "t {}: downrange", row.time_s);
        assert!((row.speed_mps - speed(&s)).abs() < 1e-3, "t {}: speed", row.time_s);
        let gamma = (radial(&s) / (radius(&s) * speed(&s))).asin().to_degrees();
        assert!((row.flight_path_angle_deg - gamma).abs() < 1e-5, "t {}: angle", row.time_s);
    }
    // Times outside free flight are clamped to it.
    assert_eq!(state_at(&traj, -5.0).time_s, 0.0);
    assert_eq!(state_at(&traj, 1e9).time_s, traj.flight_time_s);
}
