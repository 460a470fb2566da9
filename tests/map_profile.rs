//! The profile picture (altitude against downrange) against a closed-form flight.

use groundtrack::map::{ProfileChart, ProfileMark, ProfilePoint, render_profile, svg_to_png};

/// A flat-earth vacuum arc (closed form): x = v cos(γ) t, h = v sin(γ) t - g t² / 2. Apogee at t = v sin(γ) / g
/// with h = (v sin γ)² / (2g) and x = v² sin γ cos γ / g; sampled at 201 times so that the apogee is sample 100.
fn chart() -> (ProfileChart, f64, f64) {
    let (v, gamma, g) = (4_000.0_f64, 45f64.to_radians(), 9.80665);
    let t_apogee = v * gamma.sin() / g;
    let points = (0..=200)
        .map(|i| {
            let t = 2.0 * t_apogee * i as f64 / 200.0;
            ProfilePoint {
                downrange_m: v * gamma.cos() * t,
                altitude_m: v * gamma.sin() * t - 0.5 * g * t * t,
            }
        })
        .collect();
    let h = (v * gamma.sin()).powi(2) / (2.0 * g);
    let x = v * v * gamma.sin() * gamma.cos() / g;
    let marks = vec![
        ProfileMark { from_m: 1_244_514.0, to_m: Some(1_286_672.0), label: "Japan".into() },
        ProfileMark { from_m: 1_500_000.0, to_m: None, label: "Cape Erimo".into() },
    ];
    (ProfileChart { title: "closed-form arc".into(), points, marks }, x, h)
}

#[test]
fn the_apogee_is_marked_where_the_closed_form_puts_it() {
    let (c, x, h) = chart();
    let svg = render_profile(&c).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let apogee = doc.descendants().find(|n| n.attribute("id") == Some("apogee")).unwrap();
    let km = |a: &str| apogee.attribute(a).unwrap().parse::<f64>().unwrap();
    assert!((km("data-downrange-km") - x / 1000.0).abs() < 0.05, "{}", km("data-downrange-km"));
    assert!((km("data-altitude-km") - h / 1000.0).abs() < 0.05, "{}", km("data-altitude-km"));
    let labels: Vec<&str> = doc.descendants().filter_map(|n| n.attribute("data-label")).collect();
    assert_eq!(labels, ["Japan", "Cape Erimo"]);
    assert!(doc.descendants().any(|n| n.attribute("id") == Some("profile-curve")));
    assert!(svg_to_png(&svg).unwrap().starts_with(b"\x89PNG"));
}

#[test]
fn a_profile_needs_two_finite_points() {
    let one = ProfileChart {
        points: vec![ProfilePoint { downrange_m: 0.0, altitude_m: 0.0 }],
        ..Default::default()
    };
    assert!(render_profile(&one).is_err());
    let nan = ProfileChart {
        points: vec![
            ProfilePoint { downrange_m: 0.0, altitude_m: 0.0 },
            ProfilePoint { downrange_m: f64::NAN, altitude_m: 0.0 },
        ],
        ..Default::default()
    };
    assert!(render_profile(&nan).is_err());
}
