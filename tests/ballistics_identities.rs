//! Closed-form identities of ballistic free flight (Bate, Mueller, White, *Fundamentals of Astrodynamics*, 1971,
//! sec. 6.2, "BMW"), written out here independently of the library's general (unequal-altitude) formulation,
//! and the consistency of the solvers with one another; plus the error messages.

use std::f64::consts::PI;

use groundtrack::ballistics::{
    Arc, ArcKind, BallisticsError, BoostAllowance, Planet, TrajectoryConstraint, equivalent_range,
    max_range_for_speed, solve,
};

const MU: f64 = 3.986_004_418e14;
const R: f64 = 6_371_000.0;
const RANGES_KM: [f64; 6] = [300.0, 1_000.0, 2_700.0, 3_700.0, 8_000.0, 15_000.0];

fn earth() -> Planet {
    Planet::earth_sphere()
}

fn none() -> BoostAllowance {
    BoostAllowance::none()
}

/// Q = v^2 r / mu, BMW eq. 6.2-1.
fn q_of(v: f64, r: f64) -> f64 {
    v * v * r / MU
}

#[test]
fn minimum_energy_flight_path_angle_and_speed() {
    for km in RANGES_KM {
        let t = solve(km * 1e3, TrajectoryConstraint::MinimumEnergy, &earth(), &none()).unwrap();
        let psi = km * 1e3 / R;
        // BMW eq. 6.2-18: phi = (180 deg - Psi) / 4 = (90 deg - Psi/2) / 2.
        let phi = (90.0 - psi.to_degrees() / 2.0) / 2.0;
        assert!((t.flight_path_angle_deg - phi).abs() < 1e-9, "{km} km");
        // BMW eq. 6.2-20: Q = 2 sin(Psi/2) / (1 + sin(Psi/2)).
        let s = (psi / 2.0).sin();
        assert!((t.q_burnout - 2.0 * s / (1.0 + s)).abs() < 1e-12, "{km} km");
        assert!((t.burnout_speed_mps - (2.0 * s / (1.0 + s) * MU / R).sqrt()).abs() < 1e-6);
        assert_eq!(t.kind, ArcKind::MinimumEnergy);
        // The speed's maximum range is this range (BMW eq. 6.2-19).
        assert!((t.min_energy_range_m.unwrap() - km * 1e3).abs() < 1e-3, "{km} km");
    }
}

#[test]
fn time_of_free_flight_of_symmetric_arcs() {
    // BMW eq. 6.2-21 and 6.2-22: cos E1 = (e - cos(Psi/2)) / (1 - e cos(Psi/2)),
    // t_ff = 2 sqrt(a^3/mu) (pi - E1 + e sin E1), with a = r / (2 - Q) (vis-viva, eq. 6.2-4) and
    // e^2 = 1 + Q (Q - 2) cos^2 phi (eq. 6.2-11).
    for km in RANGES_KM {
        for c in [
            TrajectoryConstraint::MinimumEnergy,
            TrajectoryConstraint::FlightPathAngle(12.0),
            TrajectoryConstraint::FlightPathAngle(55.0),
        ] {
            let t = solve(km * 1e3, c, &earth(), &none()).unwrap();
            let q = q_of(t.burnout_speed_mps, R);
            let phi = t.flight_path_angle_deg.to_radians();
            let a = R / (2.0 - q);
            let e = (1.0 + q * (q - 2.0) * phi.cos().powi(2)).sqrt();
            let ch = (km * 1e3 / R / 2.0).cos();
            let e1 = ((e - ch) / (1.0 - e * ch)).acos();
            let t_ff = 2.0 * (a.powi(3) / MU).sqrt() * (PI - e1 + e * e1.sin());
            assert!((t.flight_time_s - t_ff).abs() < 1e-6, "{km} km {c:?}: {} vs {t_ff}", t.flight_time_s);
            // Apogee r_a = a (1 + e).
            assert!((t.apogee_m - (a * (1.0 + e) - R)).abs() < 1e-6);
        }
    }
}

#[test]
fn free_flight_range_equation_holds_for_every_constraint() {
    // BMW eq. 6.2-12: cos(Psi/2) = (1 - Q cos^2 phi) / sqrt(1 + Q (Q - 2) cos^2 phi).
    let constraints = [
        TrajectoryConstraint::MinimumEnergy,
        TrajectoryConstraint::Apogee(1_500e3),
        TrajectoryConstraint::FlightTime(1_500.0),
        TrajectoryConstraint::FlightPathAngle(25.0),
        TrajectoryConstraint::BurnoutSpeed { speed_mps: 7_000.0, arc: Arc::High },
        TrajectoryConstraint::BurnoutSpeed { speed_mps: 7_000.0, arc: Arc::Low },
    ];
    for km in [1_000.0, 3_700.0, 8_000.0] {
        for c in constraints {
            let t = solve(km * 1e3, c, &earth(), &none()).unwrap();
            let q = q_of(t.burnout_speed_mps, R);
            let c2 = t.flight_path_angle_deg.to_radians().cos().powi(2);
            let rhs = (1.0 - q * c2) / (1.0 + q * (q - 2.0) * c2).sqrt();
            assert!((rhs - (km * 1e3 / R / 2.0).cos()).abs() < 1e-12, "{km} km {c:?}");
        }
    }
}

#[test]
fn symmetric_arc_comes_down_as_it_went_up() {
    for c in [TrajectoryConstraint::MinimumEnergy, TrajectoryConstraint::Apogee(4_475e3)] {
        let t = solve(950e3, c, &earth(), &none()).unwrap();
        assert!((t.reentry_speed_mps - t.burnout_speed_mps).abs() < 1e-9);
        assert!((t.reentry_angle_deg - t.flight_path_angle_deg).abs() < 1e-9);
        assert!((t.apogee_downrange_m - t.range_m / 2.0).abs() < 1e-6);
    }
}

#[test]
fn flight_time_of_a_solution_returns_that_solution() {
    for km in [500.0, 2_700.0, 9_000.0] {
        for c in [
            TrajectoryConstraint::Apogee(300e3),
            TrajectoryConstraint::MinimumEnergy,
            TrajectoryConstraint::FlightPathAngle(60.0),
        ] {
            let a = solve(km * 1e3, c, &earth(), &none()).unwrap();
            let b = solve(km * 1e3, TrajectoryConstraint::FlightTime(a.flight_time_s), &earth(), &none())
                .unwrap();
            assert!((a.flight_path_angle_deg - b.flight_path_angle_deg).abs() < 1e-7, "{km} km {c:?}");
            assert!((a.burnout_speed_mps - b.burnout_speed_mps).abs() < 1e-6);
            assert!((a.apogee_m - b.apogee_m).abs() < 1e-3);
            // And by its apogee.
            let d = solve(km * 1e3, TrajectoryConstraint::Apogee(a.apogee_m), &earth(), &none()).unwrap();
            assert!((a.flight_path_angle_deg - d.flight_path_angle_deg).abs() < 1e-7, "{km} km {c:?}");
        }
    }
}

#[test]
fn high_and_low_arcs_bracket_the_minimum_energy_angle() {
    for km in [1_000.0, 3_700.0, 10_000.0] {
        let me = solve(km * 1e3, TrajectoryConstraint::MinimumEnergy, &earth(), &none()).unwrap();
        let v = me.burnout_speed_mps * 1.05;
        let hi = solve(
            km * 1e3,
            TrajectoryConstraint::BurnoutSpeed { speed_mps: v, arc: Arc::High },
            &earth(),
            &none(),
        )
        .unwrap();
        let lo = solve(
            km * 1e3,
            TrajectoryConstraint::BurnoutSpeed { speed_mps: v, arc: Arc::Low },
            &earth(),
            &none(),
        )
        .unwrap();
        assert!(lo.flight_path_angle_deg < me.flight_path_angle_deg);
        assert!(me.flight_path_angle_deg < hi.flight_path_angle_deg);
        assert_eq!((lo.kind, hi.kind), (ArcKind::Depressed, ArcKind::Lofted));
        // Both solve the flight-path angle equation, BMW eq. 6.2-16: sin(2 phi + Psi/2) = (2 - Q)/Q sin(Psi/2).
        let psi = km * 1e3 / R;
        let q = q_of(v, R);
        for t in [&hi, &lo] {
            assert!((t.burnout_speed_mps - v).abs() < 1e-6);
            let lhs = (2.0 * t.flight_path_angle_deg.to_radians() + psi / 2.0).sin();
            assert!((lhs - (2.0 - q) / q * (psi / 2.0).sin()).abs() < 1e-12);
        }
        // The two flight-path angles of one speed are symmetric about the minimum-energy one (2 phi + Psi/2 and
        // its supplement): phi_low + phi_high = 2 phi_me.
        let sum = lo.flight_path_angle_deg + hi.flight_path_angle_deg;
        assert!((sum - 2.0 * me.flight_path_angle_deg).abs() < 1e-9);
    }
}

#[test]
fn apogee_and_time_grow_with_flight_path_angle() {
    // The apogee and flight-time solvers bisect on phi assuming this; sample it densely, for equal and unequal
    // burnout and re-entry altitudes.
    let cases = [(0.0, 0.0), (200e3, 0.0), (50e3, 100e3), (0.0, 120e3)];
    for (h_bo, h_re) in cases {
        let boost = BoostAllowance { burnout_altitude_m: h_bo, reentry_altitude_m: h_re, ..none() };
        for km in [100.0, 2_000.0, 12_000.0, 20_000.0] {
            let mut last: Option<(f64, f64)> = None;
            for i in -899..900 {
                let phi = i as f64 * 0.1;
                let Ok(t) = solve(km * 1e3, TrajectoryConstraint::FlightPathAngle(phi), &earth(), &boost)
                else {
                    continue;
                };
                if let Some((apo, time)) = last {
                    assert!(t.apogee_m >= apo, "{h_bo} {h_re} {km} km phi {phi}: apogee fell");
                    assert!(t.flight_time_s > time, "{h_bo} {h_re} {km} km phi {phi}: time fell");
                }
                last = Some((t.apogee_m, t.flight_time_s));
            }
            assert!(last.is_some());
        }
    }
}

#[test]
fn maximum_range_of_a_speed() {
    // Circular speed at the surface, sqrt(mu/R) (Q = 1), reaches any range; just below it, not quite.
    let v_circ = (MU / R).sqrt();
    assert_eq!(max_range_for_speed(v_circ * (1.0 + 1e-12), &earth(), 0.0, 0.0).unwrap(), None);
    let below = max_range_for_speed(v_circ * 0.999, &earth(), 0.0, 0.0).unwrap().unwrap();
    assert!(below < PI * R && below > 0.8 * PI * R);
    // Unequal altitudes: the minimum-energy arc of a range has that range as its speed's maximum.
    for (h_bo, h_re) in [(150e3, 0.0), (50e3, 100e3)] {
        let boost = BoostAllowance { burnout_altitude_m: h_bo, reentry_altitude_m: h_re, ..none() };
        for km in [800.0, 5_000.0] {
            let t = solve(km * 1e3, TrajectoryConstraint::MinimumEnergy, &earth(), &boost).unwrap();
            let back = max_range_for_speed(t.burnout_speed_mps, &earth(), h_bo, h_re).unwrap().unwrap();
            assert!((back - km * 1e3).abs() < 1e-3, "{h_bo} {h_re} {km}: {back}");
            assert!((t.min_energy_range_m.unwrap() - km * 1e3).abs() < 1e-3);
            // Any other arc through the range needs more speed.
            let other =
                solve(km * 1e3, TrajectoryConstraint::Apogee(t.apogee_m * 1.2), &earth(), &boost).unwrap();
            assert!(other.burnout_speed_mps > t.burnout_speed_mps);
        }
    }
    // Escape speed sqrt(2 mu / r) is refused.
    let err = max_range_for_speed((2.0 * MU / R).sqrt() * 1.0001, &earth(), 0.0, 0.0).unwrap_err();
    assert!(matches!(err, BallisticsError::EscapeSpeed { .. }));
}

#[test]
fn equivalent_range_of_a_lofted_test() {
    let eq = equivalent_range(950e3, TrajectoryConstraint::Apogee(4_475e3), &earth(), &none()).unwrap();
    // The minimum-energy arc over the equivalent range has the lofted arc's burnout speed.
    let range = eq.equivalent_range_m.unwrap();
    let me = solve(range, TrajectoryConstraint::MinimumEnergy, &earth(), &none()).unwrap();
    assert!((me.burnout_speed_mps - eq.burnout_speed_mps).abs() < 1e-6);
    assert_eq!(eq.trajectory.kind, ArcKind::Lofted);
    // With a boost allowance the equivalent range counts from the launch point, like the range given.
    let boost = BoostAllowance { burnout_range_m: 100e3, ..none() };
    let eq2 = equivalent_range(1_050e3, TrajectoryConstraint::Apogee(4_475e3), &earth(), &boost).unwrap();
    assert!((eq2.equivalent_range_m.unwrap() - (range + 100e3)).abs() < 1e-6);
}

#[test]
fn boost_allowance_is_added_and_reported() {
    let boost = BoostAllowance { burnout_range_m: 150e3, boost_time_s: 70.0, ..none() };
    let with = solve(2_850e3, TrajectoryConstraint::MinimumEnergy, &earth(), &boost).unwrap();
    let without = solve(2_700e3, TrajectoryConstraint::MinimumEnergy, &earth(), &none()).unwrap();
    assert_eq!(with.range_m, without.range_m);
    assert_eq!(with.flight_time_s, without.flight_time_s);
    assert_eq!(with.total_time_s, without.flight_time_s + 70.0);
    assert_eq!(with.total_range_m, 2_850e3);
    assert_eq!(with.boost, boost);
    assert!(with.model.contains("150000.0 m ground range") && with.model.contains("70.0 s"));
}

#[test]
fn errors_name_the_figure_and_the_feasible_interval() {
    let e = earth();
    // Apogee at or below the flattest arc's (the surface, for surface burnout and re-entry).
    match solve(2_700e3, TrajectoryConstraint::Apogee(0.0), &e, &none()).unwrap_err() {
        BallisticsError::OutOfReach { quantity: "apogee", low, high, .. } => {
            assert_eq!(low, 0.0);
            assert!(high.is_infinite());
        }
        other => panic!("{other}"),
    }
    // Burnout at 200 km: no apogee below 200 km.
    let boost = BoostAllowance { burnout_altitude_m: 200e3, ..none() };
    let err = solve(2_700e3, TrajectoryConstraint::Apogee(150e3), &e, &boost).unwrap_err();
    assert!(err.to_string().contains("(200000.000, inf) m"), "{err}");
    // Flight time below the grazing (circular-orbit) arc's, Psi sqrt(R^3 / mu).
    let t_min = 2_700e3 / R * (R.powi(3) / MU).sqrt();
    match solve(2_700e3, TrajectoryConstraint::FlightTime(100.0), &e, &none()).unwrap_err() {
        BallisticsError::OutOfReach { quantity: "flight time", low, value, .. } => {
            assert_eq!(value, 100.0);
            assert!((low - t_min).abs() < 0.01, "{low} vs {t_min}");
        }
        other => panic!("{other}"),
    }
    // Speed below the minimum-energy speed.
    let err = solve(
        2_700e3,
        TrajectoryConstraint::BurnoutSpeed { speed_mps: 4_000.0, arc: Arc::High },
        &e,
        &none(),
    )
    .unwrap_err();
    assert!(matches!(err, BallisticsError::SpeedInsufficient { speed_mps: 4_000.0, .. }));
    assert!(err.to_string().contains("4663.011 m/s"), "{err}");
    // Above circular speed only the high arc comes down.
    let err =
        solve(2_700e3, TrajectoryConstraint::BurnoutSpeed { speed_mps: 8_000.0, arc: Arc::Low }, &e, &none())
            .unwrap_err();
    assert!(matches!(err, BallisticsError::NoSuchArc { arc: "low", .. }), "{err}");
    // Escape speed.
    let err = solve(
        2_700e3,
        TrajectoryConstraint::BurnoutSpeed { speed_mps: 11_200.0, arc: Arc::High },
        &e,
        &none(),
    )
    .unwrap_err();
    assert!(matches!(err, BallisticsError::EscapeSpeed { .. }), "{err}");
    // Flight-path angle outside (0, 90 - Psi/4) for equal altitudes (Q = 2 at phi = 90 deg - Psi/4).
    match solve(2_700e3, TrajectoryConstraint::FlightPathAngle(85.0), &e, &none()).unwrap_err() {
        BallisticsError::OutOfReach { quantity: "flight-path angle", low, high, .. } => {
            assert!(low.abs() < 1e-9);
            assert!((high - (90.0 - (2_700e3 / R).to_degrees() / 4.0)).abs() < 1e-9);
        }
        other => panic!("{other}"),
    }
    // Beyond half the circumference.
    let err = solve(20_100e3, TrajectoryConstraint::MinimumEnergy, &e, &none()).unwrap_err();
    assert!(matches!(err, BallisticsError::RangeBeyondHalfCircumference { .. }));
    assert!(err.to_string().contains("20015087"), "{err}");
    // Not a number, negative, burnout range swallowing the range.
    for bad in [f64::NAN, -1.0, 0.0, f64::INFINITY] {
        let err = solve(bad, TrajectoryConstraint::MinimumEnergy, &e, &none()).unwrap_err();
        assert!(matches!(err, BallisticsError::InvalidInput { what: "range", .. }), "{err}");
    }
    let long_boost = BoostAllowance { burnout_range_m: 3_000e3, ..none() };
    assert!(solve(2_700e3, TrajectoryConstraint::MinimumEnergy, &e, &long_boost).is_err());
    let bad_planet = Planet { radius_m: f64::NAN, ..e };
    assert!(solve(2_700e3, TrajectoryConstraint::MinimumEnergy, &bad_planet, &none()).is_err());
}

#[test]
fn half_circumference_is_the_limit() {
    // Exactly half the circumference: the minimum-energy arc is the grazing circular orbit (Q = 1, phi = 0),
    // flight time half the period, pi sqrt(R^3 / mu). (A limit: the ellipse is a circle to rounding, e ~ 1e-8.)
    let t = solve(PI * R, TrajectoryConstraint::MinimumEnergy, &earth(), &none()).unwrap();
    assert!((t.q_burnout - 1.0).abs() < 1e-12);
    assert!(t.flight_path_angle_deg.abs() < 1e-9);
    assert!(t.apogee_m.abs() < 1.0);
    assert!((t.flight_time_s - PI * (R.powi(3) / MU).sqrt()).abs() < 1e-3);
}
