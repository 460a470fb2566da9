//! The ballistic entry points never panic, whatever numbers they are given (NaN, infinities, negatives, huge,
//! tiny), and what they return is either an error or finite where it must be.

use geo_types::Point;
use groundtrack::ballistics::rotation::{Launch, RotatingEarth, aim, propagate, range_effect};
use groundtrack::ballistics::{
    Arc, BoostAllowance, Planet, TrajectoryConstraint, equivalent_range, max_range_for_speed, profile, solve,
    state_at,
};
use proptest::prelude::*;

/// Any f64 at all, or one in a range where the physics happens.
fn num(lo: f64, hi: f64) -> impl Strategy<Value = f64> {
    prop_oneof![
        prop::num::f64::ANY,
        lo..hi,
        Just(0.0),
        Just(-0.0),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(f64::MIN_POSITIVE),
    ]
}

fn constraint() -> impl Strategy<Value = TrajectoryConstraint> {
    prop_oneof![
        Just(TrajectoryConstraint::MinimumEnergy),
        num(-1e5, 5e7).prop_map(TrajectoryConstraint::Apogee),
        num(-10.0, 1e5).prop_map(TrajectoryConstraint::FlightTime),
        num(-100.0, 100.0).prop_map(TrajectoryConstraint::FlightPathAngle),
        (num(-100.0, 12e3), any::<bool>()).prop_map(|(speed_mps, high)| TrajectoryConstraint::BurnoutSpeed {
            speed_mps,
            arc: if high { Arc::High } else { Arc::Low },
        }),
    ]
}

fn planet() -> impl Strategy<Value = Planet> {
    prop_oneof![
        4 => Just(Planet::earth_sphere()),
        1 => (num(1e5, 1e8), num(1e10, 1e16)).prop_map(|(radius_m, mu_m3_s2)| Planet { radius_m, mu_m3_s2 }),
    ]
}

fn boost() -> impl Strategy<Value = BoostAllowance> {
    prop_oneof![
        2 => Just(BoostAllowance::none()),
        1 => (num(-1e3, 2e6), num(-1e3, 1e6), num(-1.0, 500.0), num(-1e3, 2e6)).prop_map(|(a, r, t, re)| {
            BoostAllowance { burnout_altitude_m: a, burnout_range_m: r, boost_time_s: t, reentry_altitude_m: re }
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn solve_never_panics(
        range in num(-1e6, 2.5e7),
        c in constraint(),
        p in planet(),
        b in boost(),
        t in num(-100.0, 1e4),
        step in num(-1.0, 500.0),
        mangle in num(-1e4, 1e4),
    ) {
        match solve(range, c, &p, &b) {
            Ok(traj) => {
                prop_assert!(traj.range_m.is_finite() && traj.range_m > 0.0);
                prop_assert!(traj.burnout_speed_mps.is_finite() && traj.flight_time_s.is_finite());
                prop_assert!(traj.apogee_m.is_finite());
                let s = state_at(&traj, t);
                prop_assert!(s.time_s >= 0.0 && s.time_s <= traj.flight_time_s);
                let _ = profile(&traj, step);
                // Edited fields must not make the profile functions panic either.
                let mut edited = traj.clone();
                edited.burnout_speed_mps = mangle;
                edited.flight_time_s = mangle;
                let _ = state_at(&edited, t);
                let _ = profile(&edited, step);
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
        let _ = equivalent_range(range, c, &p, &b);
        let _ = max_range_for_speed(mangle, &p, b.burnout_altitude_m, b.reentry_altitude_m);
    }

    #[test]
    fn rotation_never_panics(
        lon in num(-200.0, 200.0),
        lat in num(-95.0, 95.0),
        az in num(-400.0, 400.0),
        v in num(-100.0, 12e3),
        phi in num(-100.0, 100.0),
        omega in num(-1e-3, 1e-3),
        b in boost(),
        step in num(-1.0, 500.0),
    ) {
        let earth = RotatingEarth { omega_rad_s: omega, ..RotatingEarth::earth() };
        let shot = Launch { point: Point::new(lon, lat), azimuth_deg: az, burnout_speed_mps: v, flight_path_angle_deg: phi };
        let _ = propagate(&shot, &earth, &b, step);
        let _ = range_effect(shot.point, az, v, Some(phi), &earth, &b);
        let _ = range_effect(shot.point, az, v, None, &earth, &b);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn aim_never_panics(
        lon in num(-200.0, 200.0),
        lat in num(-95.0, 95.0),
        lon2 in num(-200.0, 200.0),
        lat2 in num(-95.0, 95.0),
        c in constraint(),
        b in boost(),
    ) {
        let earth = RotatingEarth::earth();
        if let Ok(t) = aim(Point::new(lon, lat), Point::new(lon2, lat2), c, &earth, &b, 60.0) {
            prop_assert!(t.flight_time_s.is_finite());
        }
    }
}
