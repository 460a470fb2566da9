//! Reference values for the 2017 Hwasong-12 cases, computed independently (closed-form Kepler on a sphere of
//! radius 6,371 km, mu = 398,600.4418 km^3/s^2, burnout and impact at the surface, no rotation, no drag) and
//! given in the project's case notes, `shared/cases/reference-values.md` ("Values computed independently for the
//! cases"), copied here digit for digit. Each is asserted to the digits given: a value written 24.282 must lie
//! in [24.2815, 24.2825]; "about" values likewise; intervals "770 to 800 km" give the two ends.

use groundtrack::ballistics::{ArcKind, BoostAllowance, Planet, Trajectory, TrajectoryConstraint, solve};

/// True if `value` rounds to `given` at `decimals` decimal places.
fn rounds_to(value: f64, given: f64, decimals: i32) -> bool {
    (value - given).abs() <= 0.5 * 10f64.powi(-decimals) + 1e-12
}

fn run(range_km: f64, c: TrajectoryConstraint) -> Trajectory {
    solve(range_km * 1e3, c, &Planet::earth_sphere(), &BoostAllowance::none()).unwrap()
}

#[test]
fn minimum_energy_2700_km() {
    // "Minimum-energy trajectory for 2,700 km: range angle 24.282 deg; burnout flight-path angle 38.93 deg;
    // burnout speed 4.663 km/s; apogee 598.7 km; flight time 13.99 min."
    let t = run(2_700.0, TrajectoryConstraint::MinimumEnergy);
    assert!(rounds_to(t.range_angle_deg, 24.282, 3), "{}", t.range_angle_deg);
    assert!(rounds_to(t.flight_path_angle_deg, 38.93, 2), "{}", t.flight_path_angle_deg);
    assert!(rounds_to(t.burnout_speed_mps / 1e3, 4.663, 3), "{}", t.burnout_speed_mps);
    assert!(rounds_to(t.apogee_m / 1e3, 598.7, 1), "{}", t.apogee_m);
    assert!(rounds_to(t.flight_time_s / 60.0, 13.99, 2), "{}", t.flight_time_s);
    assert_eq!(t.kind, ArcKind::MinimumEnergy);
}

#[test]
fn apogee_550_km_over_2700_km() {
    // "Through 2,700 km with apogee 550 km: flight-path angle about 36.8 deg, burnout speed about 4.668 km/s,
    // flight time about 13.4 min (slightly depressed)."
    let t = run(2_700.0, TrajectoryConstraint::Apogee(550e3));
    assert!(rounds_to(t.flight_path_angle_deg, 36.8, 1), "{}", t.flight_path_angle_deg);
    assert!(rounds_to(t.burnout_speed_mps / 1e3, 4.668, 3), "{}", t.burnout_speed_mps);
    assert!(rounds_to(t.flight_time_s / 60.0, 13.4, 1), "{}", t.flight_time_s);
    assert_eq!(t.kind, ArcKind::Depressed);
}

#[test]
fn apogee_770_to_800_km_over_3700_km() {
    // "Through 3,700 km with apogee 770 to 800 km: flight-path angle 36.4 to 37.3 deg, burnout speed about
    // 5.278 km/s, flight time 16.9 to 17.2 min; the minimum-energy apogee for 3,700 km is about 779 km."
    let low = run(3_700.0, TrajectoryConstraint::Apogee(770e3));
    let high = run(3_700.0, TrajectoryConstraint::Apogee(800e3));
    assert!(rounds_to(low.flight_path_angle_deg, 36.4, 1), "{}", low.flight_path_angle_deg);
    assert!(rounds_to(high.flight_path_angle_deg, 37.3, 1), "{}", high.flight_path_angle_deg);
    for t in [&low, &high] {
        assert!(rounds_to(t.burnout_speed_mps / 1e3, 5.278, 3), "{}", t.burnout_speed_mps);
    }
    assert!(rounds_to(low.flight_time_s / 60.0, 16.9, 1), "{}", low.flight_time_s);
    assert!(rounds_to(high.flight_time_s / 60.0, 17.2, 1), "{}", high.flight_time_s);
    let me = run(3_700.0, TrajectoryConstraint::MinimumEnergy);
    assert!(rounds_to(me.apogee_m / 1e3, 779.0, 0), "{}", me.apogee_m);
    // The minimum-energy arc lies between the two.
    assert!(low.flight_path_angle_deg < me.flight_path_angle_deg);
    assert!(me.flight_path_angle_deg < high.flight_path_angle_deg);
}
